"""Loading curators' YAML data files with a line number for every field.

PyYAML's composer keeps the position of every node; we build plain Python values
from those nodes ourselves so that each mapping remembers the line of each key.
Scalars stay strings (dates, times and coordinates are parsed by the schema, which
knows what each field should be); ``null`` and empty values become ``None``.

Composing nodes is the slow part (1.5 s for 10,000 events), so what a file held is
kept in a cache folder, keyed by its bytes, and a file that has not changed since the
last build is not parsed again.
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


def _value(node: yaml.Node, path, log: ErrorLog):
    if isinstance(node, yaml.MappingNode):
        record = Record(node.start_mark.line + 1)
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            line = key_node.start_mark.line + 1
            if key in record.lines:
                log.error(path, line, f"'{key}' is given twice in this entry (first on line "
                                      f"{record.lines[key]})", "keep one of the two values")
                continue
            record.lines[key] = line
            record[key] = _value(value_node, path, log)
        return record
    if isinstance(node, yaml.SequenceNode):
        return [_value(item, path, log) for item in node.value]
    if not node.style and NULL.match(node.value):  # plain: None in PyYAML, "" in libyaml
        return None
    return node.value


CACHE_VERSION = 1  # change when what load_yaml returns changes


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
        # libyaml's loader where PyYAML has it: ten times faster, with the same line marks.
        node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.MarkedYAMLError as exc:
        # An unclosed bracket or quote is noticed lines later: point at where it opened.
        unclosed = exc.context_mark and any(w in (exc.context or "") for w in ("flow", "quoted"))
        mark = exc.context_mark if unclosed else (exc.problem_mark or exc.context_mark)
        what = " ".join(part for part in (exc.context, exc.problem) if part)
        log.error(path, mark.line + 1 if mark else None, f"YAML syntax error: {what}",
                  "check the indentation of this entry, and put values that contain "
                  "': ' or ' #' in quotes")
        return None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML raises marked errors for syntax
        log.error(path, None, f"YAML error: {exc}")
        return None
    if node is None:
        return []
    return _value(node, path, log)
