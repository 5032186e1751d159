"""The scholarly apparatus around a page: bibliography, "cited in", and "cite this page"."""
from __future__ import annotations

from functools import cached_property

from exhibit.bibformats import to_bibtex, to_ris
from exhibit.csl import csl_date
from exhibit.dates import PartialDate
from exhibit.model import CitedIn

from .formatting import CitationFormatter


class PageCitation:
    """Ready-to-copy citations of one page, and its BibTeX and RIS downloads.

    Formatted only when a template or the file writer first asks, so `invoke check`
    never pays for them.
    """

    def __init__(self, item: dict, formatters, file_stem: str):
        self.item = item
        self.formatters = formatters
        self.bibtex_url = f"{file_stem}.bib"
        self.ris_url = f"{file_stem}.ris"

    @cached_property
    def styles(self) -> tuple[tuple[str, str], ...]:
        return tuple((label, f.format_item(self.item)) for label, f in self.formatters)

    @cached_property
    def bibtex(self) -> str:
        return to_bibtex(self.item)

    @cached_property
    def ris(self) -> str:
        return to_ris(self.item)


def cited_in(contents, kind: str = "essay") -> dict[str, list[CitedIn]]:
    """For each source key, every citation of it in ``contents`` (essays or pages), in their order."""
    index: dict[str, list[CitedIn]] = {}
    for article in contents:
        for cited in article.document.citations:
            anchor = f"#p-{cited.paragraph}" if cited.paragraph else f"#{cited.ref_id}"
            for key in dict.fromkeys(cited.keys):
                index.setdefault(key, []).append(CitedIn(article.title, article.url + anchor, kind,
                                                         cited.paragraph, cited.note))
    return index


def bibliography(article, formatter: CitationFormatter) -> list[tuple[str, str]]:
    """(key, entry HTML) for every source the essay cites, in the style's order."""
    return formatter.bibliography({key for c in article.document.citations for key in c.keys})


def page_item(ident: str, title: str, site: str, authors: list[dict], date: PartialDate,
              url: str | None) -> dict:
    """The CSL item of an exhibit page; ``authors`` are CSL names (the curators)."""
    item = {"id": ident, "type": "webpage", "title": title, "container-title": site,
            "author": authors, "issued": csl_date(date), "language": "en"}
    if url:
        item["URL"] = url
    return item


