"""The events, places and sources as tables: one column per field of the model.

Each column takes its name, description and whether it is required from the model's
field tables (``exhibit.model.*_FIELDS``), so the data files, the Data page and
``datapackage.json`` describe the same fields as the curators' guide. What a column
holds is declared here once, as a Table Schema type and constraints, with the words
readers see on the Data page.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from exhibit.model import (CONSULTED, EVENT_FIELDS, PHASES, PLACE_FIELDS, PRECISIONS, SOURCE_FIELDS,
                           SOURCE_KINDS, Exhibit)
from exhibit.schema import Field

LIST_SEPARATOR = ";"  # joins the items of a list in a CSV cell


@dataclass(frozen=True)
class Kind:
    """What a column holds: its Table Schema type and constraints, and how the Data page names it."""

    label: str
    type: str = "string"
    constraints: dict = field(default_factory=dict)
    format: str | None = None
    is_list: bool = False


TEXT = Kind("text")
MARKDOWN = Kind("Markdown; citations as [@key], keys of sources.csv")
# Table Schema patterns are XML Schema expressions: anchored, no (?:…) groups.
KEY_PATTERN = "[a-z0-9]+(-[a-z0-9]+)*"
KEY_KIND = Kind("key", constraints={"pattern": KEY_PATTERN})
KEYS = Kind(f"keys, separated by '{LIST_SEPARATOR}' in CSV, a list in JSON",
            constraints={"pattern": f"({KEY_PATTERN}({LIST_SEPARATOR}{KEY_PATTERN})*)?"}, is_list=True)
DATE = Kind("date: YYYY-MM-DD, YYYY-MM or YYYY",
            constraints={"pattern": r"\d{4}(-\d{2}(-\d{2})?)?"})
TIME = Kind("time, HH:MM", constraints={"pattern": r"\d{2}:\d{2}"})
DEGREES = Kind("number, decimal degrees (WGS84)", type="number")
ADDRESS = Kind("web address", format="uri")
PAGE = Kind("web address: where the exhibit shows it")
LANGUAGE = Kind("language code, e.g. en, es, ja")


def one_of(choices: tuple[str, ...]) -> Kind:
    return Kind("one of: " + ", ".join(choices), constraints={"enum": list(choices)})


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind
    doc: str
    required: bool
    value: Callable[[Any], Any] | None  # None: the page column, filled from the exhibit's addresses

    def schema(self) -> dict:
        """The column as a Frictionless Table Schema field."""
        spec: dict[str, Any] = {"name": self.name, "type": self.kind.type, "description": self.doc}
        if self.kind.format:
            spec["format"] = self.kind.format
        constraints = dict(self.kind.constraints)
        if self.required:
            constraints["required"] = True
        if constraints:
            spec["constraints"] = constraints
        return spec


def _iso(date) -> str | None:
    return date.iso if date else None


def model_column(spec: dict[str, Field], name: str, kind: Kind, value: Callable | None = None) -> Column:
    """A column for the model field ``name``, described as the model describes it."""
    model_field = spec[name.lower()]
    attribute = model_field.name.lower().replace("-", "_")
    return Column(name.lower(), kind, model_field.doc, model_field.required,
                  value or (lambda record: getattr(record, attribute)))


@dataclass(frozen=True)
class Table:
    """One kind of record as a table: its columns and where its rows come from."""

    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    records: Callable[[Exhibit], list]
    model_fields: dict[str, Field]
    left_out: tuple[str, ...] = ()  # model fields that are not columns, for a reason given in `description`

    @property
    def key(self) -> str:
        return self.columns[0].name

    def rows(self, exhibit: Exhibit, page: Callable[[Any], str | None]) -> list[dict[str, Any]]:
        """Every record as {column: value}; lists stay lists, missing values are None.

        ``page`` gives the address where the exhibit shows a record (the last column)."""
        return [{c.name: page(r) if c.value is None else c.value(r) for c in self.columns}
                for r in self.records(exhibit)]


def _page(doc: str) -> Column:
    return Column("page", PAGE, doc, False, None)


EVENTS = Table(
    "events", "Events",
    "Every event of the crisis and its aftermath, in date order, each cited to its sources.",
    (
        model_column(EVENT_FIELDS, "id", KEY_KIND),
        model_column(EVENT_FIELDS, "date", DATE, lambda e: _iso(e.date)),
        model_column(EVENT_FIELDS, "time", TIME),
        model_column(EVENT_FIELDS, "end", DATE, lambda e: _iso(e.end)),
        model_column(EVENT_FIELDS, "title", TEXT),
        model_column(EVENT_FIELDS, "summary", MARKDOWN),
        model_column(EVENT_FIELDS, "sources", KEYS),
        model_column(EVENT_FIELDS, "places", KEYS),
        model_column(EVENT_FIELDS, "phase", one_of(PHASES)),
        model_column(EVENT_FIELDS, "tags", KEYS),
        _page("the event on the exhibit's timeline"),
    ),
    lambda exhibit: list(exhibit.events),
    EVENT_FIELDS,
)

PLACES = Table(
    "places", "Places",
    "Every place in the exhibit, with its coordinates and how precisely they are known.",
    (
        model_column(PLACE_FIELDS, "key", KEY_KIND),
        model_column(PLACE_FIELDS, "name", TEXT),
        model_column(PLACE_FIELDS, "name_es", TEXT),
        model_column(PLACE_FIELDS, "name_ja", TEXT),
        model_column(PLACE_FIELDS, "lat", DEGREES),
        model_column(PLACE_FIELDS, "lon", DEGREES),
        model_column(PLACE_FIELDS, "precision", one_of(PRECISIONS)),
        model_column(PLACE_FIELDS, "description", MARKDOWN),
        model_column(PLACE_FIELDS, "sources", KEYS),
        model_column(PLACE_FIELDS, "events", KEYS),
        _page("the place on the exhibit's map page"),
    ),
    lambda exhibit: list(exhibit.places.values()),
    PLACE_FIELDS,
)

SOURCES = Table(
    "sources", "Sources",
    "Every published source record the essays, events and places cite, by key. Draft records "
    "are left out.",
    (
        model_column(SOURCE_FIELDS, "Key", KEY_KIND),
        model_column(SOURCE_FIELDS, "Title", TEXT),
        model_column(SOURCE_FIELDS, "Subtitle", TEXT),
        model_column(SOURCE_FIELDS, "Publisher", TEXT),
        model_column(SOURCE_FIELDS, "Author", TEXT),
        model_column(SOURCE_FIELDS, "Published", DATE, lambda s: _iso(s.published)),
        model_column(SOURCE_FIELDS, "Posted", TEXT),
        model_column(SOURCE_FIELDS, "Kind", one_of(SOURCE_KINDS)),
        model_column(SOURCE_FIELDS, "Language", LANGUAGE),
        model_column(SOURCE_FIELDS, "URL", ADDRESS),
        model_column(SOURCE_FIELDS, "Archived", ADDRESS),
        model_column(SOURCE_FIELDS, "Accessed", DATE, lambda s: _iso(s.accessed)),
        model_column(SOURCE_FIELDS, "Consulted", one_of(tuple(CONSULTED))),
        model_column(SOURCE_FIELDS, "Summary", TEXT),
        _page("the source's page in the exhibit, with the curators' summary of what it says"),
    ),
    lambda exhibit: sorted(exhibit.sources.values(), key=lambda s: s.key),
    SOURCE_FIELDS,
    left_out=("Status",),
)

TABLES = (EVENTS, PLACES, SOURCES)
