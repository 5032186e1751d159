"""What each kind of record may contain: field names, whether required, how parsed.

One table per record type. A parser takes the raw string (or list) a curator
wrote and returns a typed value, or raises :class:`FieldValueError` with a hint.
The same :func:`validate` serves Markdown headers and YAML entries alike.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any, Callable
from urllib.parse import urlparse

from .dates import FieldValueError, PartialDate, parse_time

KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LANGUAGE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


def text(value) -> str:
    if isinstance(value, (list, dict)) or not str(value).strip():
        raise FieldValueError("expected some text")
    return str(value).strip()


def key(value) -> str:
    value = text(value)
    if not KEY.match(value):
        raise FieldValueError(f"expected a key of lower-case letters, digits and hyphens, got {value!r}",
                              f"for example {re.sub(r'[^a-z0-9]+', '-', value.lower()).strip('-')!r}")
    return value


def key_list(value) -> list[str]:
    items = value if isinstance(value, list) else [v for v in re.split(r"[,\s]+", str(value)) if v]
    if not items:
        raise FieldValueError("expected one or more keys", "write them as a list: [key-a, key-b]")
    return [key(item) for item in items]


def iso_date(value) -> PartialDate:
    return PartialDate.parse(text(value))


def full_date(value) -> PartialDate:
    """A date to the day, as essays' and pages' dates must be: feeds, sitemaps and search engines need one."""
    date = iso_date(value)
    if date.day is None:
        raise FieldValueError(f"expected a full date YYYY-MM-DD, got {str(value).strip()!r}: the feed and "
                              "the sitemap give this date to the day", f"write the day too, e.g. {date.first_day()}")
    return date


def clock_time(value) -> str:
    return parse_time(text(value))


def order(value) -> int:
    value = text(value)
    if not value.isdigit() or int(value) < 1:
        raise FieldValueError(f"expected a whole number from 1 up, got {value!r}",
                              "Order: 1 is the first essay in the exhibit")
    return int(value)


def head_count(value) -> int:
    """A number of people: a whole number from 0 up."""
    value = text(value)
    if not value.isdigit():
        raise FieldValueError(f"expected a whole number of people, got {value!r}",
                              "write the number alone, e.g. 72; mark 'about 72' with approximate: true")
    return int(value)


def yes_no(value) -> bool:
    value = text(value).lower()
    if value not in ("true", "false"):
        raise FieldValueError(f"expected true or false, got {value!r}", "write true or false")
    return value == "true"


def url(value) -> str:
    value = text(value)
    parsed = urlparse(value)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise FieldValueError(f"expected a full web address starting with https:// or http://, got {value!r}")
    return value


def language(value) -> str:
    value = text(value)
    if not LANGUAGE.match(value):
        raise FieldValueError(f"expected a language code such as en, es or ja, got {value!r}")
    return value


def one_of(choices: tuple[str, ...], hint: str | None = None) -> Callable[[Any], str]:
    """A parser for one of ``choices``; ``hint`` helps when no choice is close to what was written."""
    def parse(value) -> str:
        value = text(value)
        if value.lower() not in choices:
            close = difflib.get_close_matches(value.lower(), choices, n=1)
            raise FieldValueError(f"{value!r} is not one of: {', '.join(choices)}",
                                  f"did you mean {close[0]!r}?" if close else hint)
        return value.lower()
    return parse


def number_in(low: float, high: float, what: str) -> Callable[[Any], float]:
    def parse(value) -> float:
        try:
            number = float(text(value))
        except ValueError:
            raise FieldValueError(f"expected a {what} in decimal degrees, got {value!r}",
                                  "write -12.0977, not 12°05'52\"S") from None
        if not low <= number <= high:
            raise FieldValueError(f"{what} {number} is outside {low}..{high}",
                                  "latitude runs -90..90 and longitude -180..180; are they swapped?")
        return number
    return parse


@dataclass(frozen=True)
class Field:
    name: str  # as curators write it
    parse: Callable[[Any], Any]
    required: bool = False
    doc: str = ""
    hint: str | None = None  # for a record that lacks this required field


def fields(*items: Field) -> dict[str, Field]:
    return {f.name.lower(): f for f in items}


def validate(record_fields: dict[str, Any], lines: dict[str, int], spec: dict[str, Field],
             report: Callable[[int | None, str, str | None], None], record_line: int | None,
             what: str) -> dict[str, Any] | None:
    """Parse ``record_fields`` (lower-cased names) against ``spec``.

    Each problem goes to ``report(line, message, hint)``. Returns the parsed values
    keyed by lower-cased field name, or None when anything was wrong.
    """
    ok = True
    parsed: dict[str, Any] = {}
    for name, value in record_fields.items():
        field = spec.get(name.lower())
        if field is None:
            close = difflib.get_close_matches(name.lower(), spec, n=1)
            hint = (f"did you mean '{spec[close[0]].name}'?" if close else
                    f"the fields a {what} may have are: {', '.join(f.name for f in spec.values())}")
            report(lines.get(name, record_line), f"unknown field '{name}' in {what}", hint)
            ok = False
            continue
        if value is None:
            continue
        try:
            parsed[field.name.lower()] = field.parse(value)
        except FieldValueError as exc:
            report(lines.get(name, record_line), f"{field.name}: {exc}", exc.hint)
            ok = False
    for name, field in spec.items():
        if field.required and name not in parsed and not any(k.lower() == name for k in record_fields
                                                             if record_fields[k] is not None):
            report(record_line, f"{what} is missing the required field '{field.name}' ({field.doc})",
                   field.hint or f"add a line '{field.name}: ...'")
            ok = False
    return parsed if ok else None
