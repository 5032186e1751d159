"""Loading curators' YAML data files with a line number for every field.

We build plain Python values from PyYAML's parser events ourselves, in one pass
with a stack of open lists and mappings, so that each mapping remembers the line
of each key. Scalars stay strings (dates, times and coordinates are parsed by the
schema, which knows what each field should be); ``null`` and empty values become
``None``. Nothing hostile gets through: anchors and aliases (``&name``, ``*name``;
an alias "bomb" would take gigabytes) are refused, and so is nesting deeper than
:data:`MAX_DEPTH`, at the line where it happens.

Reading a file of 10,000 events still takes half a second, so what a file held is
kept in a cache folder, keyed by its bytes, and a file that has not changed since
the last build is not parsed again.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import re
from pathlib import Path

import yaml

from .errors import ErrorLog
from .textfile import TextFileError, read_text

NULL = re.compile(r"^(?:~|null|Null|NULL|)$")


class Record(dict):
    """A YAML mapping that knows its own line and the line of each key."""

    def __init__(self, line: int):
        super().__init__()
        self.line = line
        self.lines: dict[str, int] = {}

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)


class Items(list):
    """A YAML list that knows the line of each item."""

    def __init__(self):
        super().__init__()
        self.lines: list[int] = []


MAX_DEPTH = 32  # lists and mappings inside each other; the exhibit's data nests 3 or 4 deep
# libyaml's parser where PyYAML has it: ten times faster, with the same line marks.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
OPENS, CLOSES = (yaml.MappingStartEvent, yaml.SequenceStartEvent), (yaml.MappingEndEvent, yaml.SequenceEndEvent)
WANT_KEY, SKIP = object(), object()  # what an open mapping waits for: its next key, a repeated key's value


class Refused(Exception):
    """YAML that is well formed but not read here: carries the line and a hint."""

    def __init__(self, line: int, message: str, hint: str | None = None):
        super().__init__(message)
        self.line = line
        self.hint = hint


def _line(event: yaml.Event) -> int:
    return event.start_mark.line + 1


def _refuse_anchor(event: yaml.Event) -> None:
    name = f"*{event.anchor}" if isinstance(event, yaml.AliasEvent) else f"&{event.anchor}"
    raise Refused(_line(event), f"YAML anchors and aliases are not supported here (found '{name}')",
                  "write the value out in full")


def _build(events, path, log: ErrorLog):
    """The one document in ``events`` as lists, :class:`Record` s and strings ([] for none)."""
    document = []
    stack: list[list] = [[document, 0, None]]  # open collections: [value, line, key or WANT_KEY]
    for event in events:
        kind = type(event)
        if kind is yaml.AliasEvent or getattr(event, "anchor", None) is not None:
            _refuse_anchor(event)
        if kind in OPENS:
            if len(stack) > MAX_DEPTH:
                raise Refused(_line(event), f"the data is nested more than {MAX_DEPTH} levels deep here",
                              "write each entry as a few 'field: value' lines, with lists of keys")
            opened = Record(_line(event)) if kind is yaml.MappingStartEvent else Items()
            stack.append([opened, _line(event), WANT_KEY])
        elif kind is yaml.ScalarEvent:
            _add(stack[-1], event.value, event, _line(event), path, log)
        elif kind in CLOSES:
            value, line, _ = stack.pop()
            _add(stack[-1], value, None, line, path, log)
        elif kind is yaml.DocumentStartEvent and document:
            raise yaml.composer.ComposerError("expected a single document in the stream", None,
                                              "but found another document", event.start_mark)
    return document[0] if document and document[0] is not None else []


def _add(top: list, value, scalar: yaml.ScalarEvent | None, line: int, path, log: ErrorLog) -> None:
    """Put a finished value (from ``scalar``, or a closed collection) into the open collection ``top``."""
    container, _, key = top
    if isinstance(container, list):
        container.append(_null(value, scalar))
        if isinstance(container, Items):
            container.lines.append(line)
    elif key is WANT_KEY:
        top[2] = _key(container, value, scalar, line, path, log)
    else:
        if key is not SKIP:
            container[key] = _null(value, scalar)
        top[2] = WANT_KEY


def _key(record: Record, value, scalar, line: int, path, log: ErrorLog):
    """The name a scalar gives the next value of ``record``, or SKIP after logging why not."""
    if scalar is None:
        log.error(path, line, "a field name must be plain text, not a list or a set of fields",
                  "write 'name: value'")
        return SKIP
    if value in record.lines:
        log.error(path, line, f"'{value}' is given twice in this entry (first on line "
                              f"{record.lines[value]})", "keep one of the two values")
        return SKIP
    record.lines[value] = line
    return value


def _null(value, scalar: yaml.ScalarEvent | None):
    """None for a plain null or empty scalar (its style None in PyYAML, '' in libyaml)."""
    return None if scalar is not None and not scalar.style and NULL.match(value) else value


CACHE_VERSION = 3  # change when what load_yaml returns changes


def load_yaml(path: Path, log: ErrorLog, cache: Path | None = None):
    """Return the data in ``path`` (lists and :class:`Record` s), or None on error; with a ``cache``
    folder, what an unchanged file held last time, without parsing it."""
    try:
        text = read_text(path)
    except TextFileError as exc:
        log.error(path, exc.line, exc.args[0], exc.hint)
        return None
    kept = cache / f"{path.stem}.pickle" if cache else None
    digest = hashlib.sha256(f"{CACHE_VERSION}\0{yaml.__version__}\0{text}".encode()).hexdigest()
    if kept and kept.is_file():
        try:
            stored_digest, data = pickle.loads(kept.read_bytes())
            if stored_digest == digest:
                return data
        except (OSError, ValueError, EOFError, AttributeError, ImportError, pickle.UnpicklingError):
            pass  # a damaged or outdated cache: parse
    errors = len(log.errors)
    data = _parse(text, path, log)
    if kept and data is not None and len(log.errors) == errors:
        kept.parent.mkdir(parents=True, exist_ok=True)
        partial = kept.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(pickle.dumps((digest, data), protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(partial, kept)
    return data


def _parse(text: str, path: Path, log: ErrorLog):
    try:
        return _build(yaml.parse(text, Loader=LOADER), path, log)
    except Refused as exc:
        log.error(path, exc.line, exc.args[0], exc.hint)
        return None
    except yaml.MarkedYAMLError as exc:
        # An unclosed bracket or quote is noticed lines later: point at where it opened.
        unclosed = exc.context_mark and any(w in (exc.context or "") for w in ("flow", "quoted"))
        mark = exc.context_mark if unclosed else (exc.problem_mark or exc.context_mark)
        what = " ".join(part for part in (exc.context, exc.problem) if part)
        log.error(path, mark.line + 1 if mark else None, f"YAML syntax error: {what}",
                  "check the indentation of this entry, and put values that contain "
                  "': ' or ' #' in quotes")
        return None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow, such as NUL
        line = text[:exc.position].count("\n") + 1 if isinstance(exc.position, int) else None
        log.error(path, line, f"YAML cannot hold the character {exc.character!r} (U+{ord(exc.character):04X})"
                  if isinstance(exc.character, str) else f"YAML error: {exc}",
                  "delete it: control characters cannot be part of a data file")
        return None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML raises marked errors for syntax
        log.error(path, None, f"YAML error: {exc}")
        return None
