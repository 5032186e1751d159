"""``datapackage.json``: a Frictionless Data Package describing every download.

CSV files are tabular resources with a Table Schema built from the same columns that
wrote them; the other formats are plain resources. Sizes and hashes make a copy
checkable; nothing in the descriptor changes unless the data does.
"""
from __future__ import annotations

import re

from .downloads import Download


def package_name(title: str) -> str:
    """A Data Package name (lower-case letters, digits, '-', '.', '_') from the exhibit's title."""
    return re.sub(r"[^a-z0-9._]+", "-", title.lower()).strip("-") or "exhibit"


def _resource(download: Download) -> dict:
    resource = {"name": download.name, "path": download.path,
                "title": f"{download.table.title} ({download.label})",
                "description": download.table.description + (f" {download.note[0].upper()}{download.note[1:]}."
                                                             if download.note else ""),
                "format": download.format, "mediatype": download.mediatype, "encoding": "utf-8",
                "bytes": download.bytes, "hash": f"sha256:{download.sha256}"}
    if download.tabular:
        resource["profile"] = "tabular-data-resource"
        resource["schema"] = {"fields": [column.schema() for column in download.table.columns],
                              "primaryKey": [download.table.key]}
    return resource


def descriptor(files: list[Download], settings: dict, homepage: str | None) -> dict:
    site, subtitle = settings["SITENAME"], settings.get("SITESUBTITLE")
    package = {"name": package_name(site),
               "title": f"{site}: data",
               "description": f"The events, places and sources of the exhibit “{site}”"
                              + (f" ({subtitle})" if subtitle else "") + ", as its pages show them.",
               "licenses": [settings["DATA_LICENSE"]],
               "contributors": [{"title": settings["AUTHOR"], "role": "author"}]}
    if homepage:
        package["homepage"] = homepage
    package["resources"] = [_resource(download) for download in files]
    return package
