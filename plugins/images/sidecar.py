"""An image's metadata: the sidecar ``content/images/<name>.yaml`` beside each original.

Read with the exhibit's YAML loader (every field keeps its line) and checked with
the same :func:`~exhibit.schema.validate` as every other record.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from exhibit.dates import FieldValueError, PartialDate
from exhibit.loader import suggest
from exhibit.model import Exhibit
from exhibit.schema import Field, fields, iso_date, key_list, text, validate
from exhibit.yamldata import Record, load_yaml


def yes_no(value) -> bool:
    value = text(value).lower()
    if value not in ("true", "false", "yes", "no"):
        raise FieldValueError(f"expected true or false, got {value!r}")
    return value in ("true", "yes")


IMAGE_FIELDS = fields(
    Field("alt", text, doc="what the image shows, for readers who cannot see it"),
    Field("decorative", yes_no, doc="true for an image that adds nothing a reader needs; it gets no alt text"),
    Field("caption", text, doc="the caption shown under the image"),
    Field("credit", text, True, "who made the image, or whose collection it comes from"),
    Field("licence", text, True, "the terms it is published under, e.g. 'CC BY 4.0' or 'used with permission'"),
    Field("date", iso_date, doc="when it was made: YYYY-MM-DD, YYYY-MM or YYYY"),
    Field("sources", key_list, doc="keys of the source records it is based on"),
)


@dataclass
class ImageMeta:
    """What a sidecar says about one original."""

    path: Path  # the sidecar
    line: int
    credit: str = ""
    licence: str = ""
    alt: str = ""  # empty only for decorative images
    decorative: bool = False
    caption: str | None = None
    date: PartialDate | None = None
    sources: list[str] = field(default_factory=list)


def sidecar_path(original: Path) -> Path:
    return original.with_suffix(".yaml")


def read_sidecar(path: Path, exhibit: Exhibit) -> ImageMeta | None:
    """The validated metadata in ``path``, or None after logging every problem."""
    log = exhibit.log
    record = load_yaml(path, log)
    if record is None:
        return None
    if not isinstance(record, Record):
        log.error(path, 1, "expected 'field: value' lines (alt, caption, credit, licence, date)",
                  "see 'Images' in docs/CURATING.md")
        return None

    def report(line, message, hint):
        log.error(path, line, message, hint)

    values = validate(record, record.lines, IMAGE_FIELDS, report, record.line, "image sidecar")
    if values is None:
        return None
    meta = ImageMeta(path=path, line=record.line, **values)
    ok = True
    if meta.decorative and meta.alt:
        log.error(path, record.line_of("alt"), "a decorative image has no alt text",
                  "remove 'decorative: true' if the image tells readers something, or remove 'alt'")
        ok = False
    if not meta.decorative and not meta.alt:
        log.error(path, record.line, "the image has no alt text",
                  "add 'alt: ...' saying what the image shows; for a purely decorative image "
                  "write 'decorative: true' instead")
        ok = False
    for key in meta.sources:
        if key not in exhibit.sources:
            log.error(path, record.line_of("sources"), f"unknown source '{key}'",
                      suggest(key, exhibit.sources) or "add a source record with this Key to content/sources/")
            ok = False
    return meta if ok else None
