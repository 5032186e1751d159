"""One-line embed directives shared by every feature plugin.

A curator writes, on a line of its own::

    {% timeline from=1996-12-17 to=1996-12-23 %}
    {% map places=residence,cordon %}

Feature plugins register a handler per directive name in
``settings["EXHIBIT_EMBEDS"]`` (see :func:`register_embed`). A handler gets the
parsed arguments, the :class:`~exhibit.document.Document` and the line, and
returns HTML; it raises :class:`EmbedError` for bad arguments. Each embed is
recorded in ``document.embeds`` so a page knows which assets it needs. The kit for
writing handlers is :mod:`exhibit.embedkit`.

An embed is a block of its own: its HTML replaces the paragraph Markdown puts
around it, whatever the HTML starts with (Python-Markdown keeps that paragraph
unless the HTML opens with a block-level tag).
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Callable

from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from pelican import signals

from .document import Document, document_of
from .errors import ExhibitProblem
from .markdown_order import register
from .pagelinks import fill_page_root
from .textfile import parse_header

DIRECTIVE = re.compile(r"^\s*\{%\s*(?P<body>.*?)\s*%\}\s*$")
NAME = re.compile(r"^[a-z][a-z0-9_-]*$")
ARGUMENT = re.compile(r'([a-z][a-z0-9_-]*)=("(?:[^"\\]|\\.)*"|[^\s"]+)')


class EmbedError(ExhibitProblem, ValueError):
    """An embed directive that cannot be drawn."""


def did_you_mean(word: str, known, cutoff: float = 0.6) -> str | None:
    """"did you mean 'timeline'?" when one of ``known`` is close to ``word``."""
    close = difflib.get_close_matches(word, list(known), n=1, cutoff=cutoff)
    return f"did you mean '{close[0]}'?" if close else None


@dataclass(frozen=True)
class Embed:
    name: str
    args: dict[str, str]
    line: int


Handler = Callable[[Embed, Document], str]


def register_embed(settings: dict, name: str, handler: Handler, css=(), js=()) -> None:
    """For feature plugins: make ``{% name ... %}`` render with ``handler``.

    ``css`` and ``js`` are theme-relative asset paths (e.g. ``"css/timeline.css"``)
    that a page needs once, however many of these embeds it holds. Links the handler writes
    from :data:`~exhibit.pagelinks.ROOT` lead from the page that holds the embed.
    """
    signals.content_object_init.connect(fill_page_root)
    settings.setdefault("EXHIBIT_EMBEDS", {})[name] = handler
    settings.setdefault("EXHIBIT_EMBED_ASSETS", {})[name] = {"css": list(css), "js": list(js)}


def assets_for(document: Document | None, settings: dict, kind: str) -> list[str]:
    """The distinct assets (kind 'css' or 'js') that the embeds in ``document`` need, in order."""
    if document is None:
        return []
    registry = settings.get("EXHIBIT_EMBED_ASSETS", {})
    names = dict.fromkeys(embed.name for embed in document.embeds)
    return list(dict.fromkeys(asset for name in names for asset in registry.get(name, {}).get(kind, [])))


def parse_directive(body: str, line: int) -> Embed:
    """'timeline from=1996-12-17 to="1996-12-23"' → Embed('timeline', {...}, line)."""
    name, _, rest = body.partition(" ")
    if not NAME.match(name):
        raise EmbedError(f"expected a directive name such as 'timeline' or 'map', got {name!r}")
    args: dict[str, str] = {}
    position = 0
    rest = rest.strip()
    while position < len(rest):
        match = ARGUMENT.match(rest, position)
        if not match:
            raise EmbedError(f"cannot read the arguments {rest[position:]!r} of '{name}'",
                             "write them as name=value, separated by spaces, e.g. places=residence,cordon")
        key, value = match.group(1), match.group(2)
        if key in args:
            raise EmbedError(f"argument '{key}' is given twice")
        args[key] = value[1:-1].replace('\\"', '"') if value.startswith('"') else value
        position = match.end()
        while position < len(rest) and rest[position] == " ":
            position += 1
    return Embed(name, args, line)


class EmbedPreprocessor(Preprocessor):
    def __init__(self, md, handlers: dict[str, Handler]):
        super().__init__(md)
        self.handlers = handlers
        self.placeholders: list[str] = []  # the stash placeholders of this conversion's embeds

    def run(self, lines):
        self.placeholders = []
        document = document_of(self.md)
        if document is None:
            return lines
        start = _header_size(lines) if document.has_header else 0
        output, fence = lines[:start], None
        for number, line in enumerate(lines[start:], start=start + 1):
            stripped = line.lstrip()
            if fence is None and stripped[:3] in ("```", "~~~"):
                fence = stripped[:3]
            elif fence is not None and stripped.startswith(fence):
                fence = None
            if fence is not None or "{%" not in line:
                output.append(line)
                continue
            match = DIRECTIVE.match(line)
            if not match:
                document.error(number, "an embed directive must stand alone on its own line, "
                               "as {% name arguments %}", "put it on a line of its own")
                continue
            html = self._render(match.group("body"), number, document)
            if html is not None:
                self.placeholders.append(self.md.htmlStash.store(html))
                output += ["", self.placeholders[-1], ""]
        return output

    def _render(self, body: str, number: int, document: Document) -> str | None:
        try:
            embed = parse_directive(body, number)
            handler = self.handlers.get(embed.name)
            if handler is None:
                known = ", ".join(sorted(self.handlers)) or "none"
                raise EmbedError(f"unknown embed '{embed.name}' (known: {known})",
                                 did_you_mean(embed.name, self.handlers))
            html = handler(embed, document)
        except EmbedError as exc:
            document.error(number, f"{{% {body} %}}: {exc}", exc.hint)
            return None
        document.embeds.append(embed)
        return html


def _header_size(lines: list[str]) -> int:
    """How many lines the header takes: plain text the loader checks, every line kept for Pelican
    (a header line taken out left its article without a title)."""
    return parse_header("\n".join(lines))[0].body_line - 1


class EmbedUnwrapper(Postprocessor):
    """Takes each embed's placeholder out of its paragraph (``<p>`` or ``<p id="p-3">``), before
    Python-Markdown puts the embed's HTML in its place."""

    def __init__(self, md, embeds: EmbedPreprocessor):
        super().__init__(md)
        self.embeds = embeds

    def run(self, text):
        if not self.embeds.placeholders:
            return text
        alternatives = "|".join(re.escape(p) for p in self.embeds.placeholders)
        return re.sub(rf"<p(?: [^>]*)?>\s*({alternatives})\s*</p>", r"\1", text)


class EmbedExtension(Extension):
    def __init__(self, handlers: dict[str, Handler], **kwargs):
        super().__init__(**kwargs)
        self.handlers = handlers

    def extendMarkdown(self, md):
        embeds = EmbedPreprocessor(md, self.handlers)
        register(md, "exhibit_embeds", embeds)
        register(md, "exhibit_embeds_unwrap", EmbedUnwrapper(md, embeds))
