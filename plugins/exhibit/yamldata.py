"""Loading curators' YAML data files with a line number for every field.

PyYAML's composer keeps the position of every node; we build plain Python values
from those nodes ourselves so that each mapping remembers the line of each key.
Scalars stay strings (dates, times and coordinates are parsed by the schema, which
knows what each field should be); ``null`` and empty values become ``None``.
"""
from __future__ import annotations

import re

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


def load_yaml(path, log: ErrorLog):
    """Return the data in ``path`` (lists and :class:`Record` s), or None on error."""
    try:
        text = read_text(path)
    except TextFileError as exc:
        log.error(path, exc.line, exc.args[0], exc.hint)
        return None
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
