"""A Pelican generator for the search page, the Data page and the data downloads."""
from __future__ import annotations

import json
from pathlib import Path

from pelican.generators import Generator

from .datapackage import descriptor
from .downloads import PACKAGE_FILE, downloads, links
from .search_index import FOLDER, TYPES
from .tables import TABLES


class DiscoveryGenerator(Generator):
    """Reads nothing; writes search.html, data.html and the files the Data page lists."""

    def generate_context(self):
        """Every page may link the data files: ``data_downloads`` maps a table's name to its
        files, as (format, address from the site root)."""
        self.context["data_downloads"] = links(self.settings["DATA_DIR"])

    def generate_output(self, writer):
        settings, state = self.settings, self.settings["DISCOVERY"]
        folder = settings["DATA_DIR"]
        files = downloads(settings["EXHIBIT"], state.texts, state.addresses, settings)
        public = state.addresses.public
        package = descriptor(files, settings, f"{public}/{settings['DATA_SAVE_AS']}" if public else None)
        for download in files:
            self._write(f"{folder}/{download.path}", download.text)
        self._write(f"{folder}/{PACKAGE_FILE}", json.dumps(package, ensure_ascii=False, indent=1) + "\n")
        datasets = [(table, len(table.records(settings["EXHIBIT"])), [d for d in files if d.table is table])
                    for table in TABLES]
        pages = ((settings["DATA_SAVE_AS"], "data", {"datasets": datasets, "downloads": files,
                                                     "package_url": f"{folder}/{PACKAGE_FILE}"}),
                 (settings["SEARCH_SAVE_AS"], "search", {"search_types": TYPES, "pagefind": FOLDER}))
        for save_as, template, extra in pages:
            writer.write_file(save_as, self.get_template(template), self.context,
                              relative_urls=settings["RELATIVE_URLS"], url=save_as,
                              page_name=save_as.removesuffix(".html"), **extra)

    def _write(self, relative: str, text: str) -> None:
        path = Path(self.output_path) / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
