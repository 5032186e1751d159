"""A page per published source record, and their index (``context['source_pages']``, the "source pages")."""
from __future__ import annotations

from pelican.contents import Page
from pelican.generators import Generator

from exhibit.document import render_markdown


class SourcePage(Page):
    """A source record rendered as a page; its address comes from SOURCE_URL/SOURCE_SAVE_AS."""

    default_template = "source"

    def __init__(self, content, metadata=None, *args, **kwargs):
        metadata = dict(metadata or {})
        metadata["slug"] = metadata.get("key", "")
        # 'URL' is the source's own address, not this page's: keep Pelican from using it.
        metadata.pop("url", None)
        super().__init__(content, metadata, *args, **kwargs)

    def _expand_settings(self, key: str) -> str:
        return super(Page, self)._expand_settings(key, "source")


class SourcesGenerator(Generator):
    """Renders the published source records and the sources index."""

    def generate_context(self):
        exhibit = self.settings["EXHIBIT"]
        self.source_pages = []
        for source in exhibit.sources.values():
            page = self._read(source) if source.from_markdown else self._from_csl_json(source)
            page.record = source
            self.source_pages.append(page)
            # Every source answers to `{filename}/sources/<key>.md` links, wherever it came from.
            virtual_path = f"{self.settings['EXHIBIT_SOURCES_DIR']}/{source.key}.md"
            self.context["generated_content"][virtual_path] = page
        self.source_pages.sort(key=lambda p: (p.record.published.first_day(), p.record.key))
        self.context["source_pages"] = self.source_pages

    def _read(self, source) -> SourcePage:
        relative = source.path.relative_to(self.path)
        return self.readers.read_file(base_path=self.path, path=str(relative),
                                      content_class=SourcePage, context=self.context)

    def _from_csl_json(self, source) -> SourcePage:
        """A record imported from CSL-JSON: its abstract or note is the page's text."""
        html, document = render_markdown(self.settings, source.body or "", source.path, source.line,
                                         source_url="{key}.html")
        return SourcePage(html, {"title": source.title, "key": source.key, "document": document},
                          settings=self.settings, source_path=str(source.path), context=self.context)

    def generate_output(self, writer):
        for page in self.source_pages:
            writer.write_file(page.save_as, self.get_template(page.template), self.context,
                              page=page, source=page.record,
                              relative_urls=self.settings["RELATIVE_URLS"], url=page.url)
        index = self.settings["SOURCES_INDEX_SAVE_AS"]
        writer.write_file(index, self.get_template("sources"), self.context,
                          relative_urls=self.settings["RELATIVE_URLS"], url=index,
                          page_name="sources/index")
