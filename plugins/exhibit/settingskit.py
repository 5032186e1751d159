"""Declaring a plugin's settings: each one's name, default, kind and description, in one place.

A plugin lists its settings as :class:`Setting` declarations. :func:`settle_settings` gives every
unset one its default and checks the value a settings file gave against its :class:`Kind`; a value
of the wrong kind is replaced by the default, so the build goes on to find every other mistake, and
:func:`report_settings` reports it at the line of the settings file that sets it, which stops the
build. docs/SETTINGS.md is written from the same declarations (``tools/settings_doc.py``).
"""
from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Kind:
    """What a value must be: ``expected`` says it (in messages and docs), ``accepts`` checks it."""

    expected: str
    accepts: Callable[[object], bool]
    plural: str = ""  # how a list of them is described: "a list of <plural>"
    checked_by_plugin: bool = False  # see own_check


def _whole(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _sequence(value) -> bool:
    return isinstance(value, (list, tuple))


TEXT = Kind("text", lambda v: isinstance(v, str))
YES_NO = Kind("True or False", lambda v: isinstance(v, bool))
SIZE = Kind("(width, height) in pixels, whole numbers of at least 1",
            lambda v: _sequence(v) and len(v) == 2 and all(_whole(n) and n >= 1 for n in v))


def whole_number(least: int = 0) -> Kind:
    return Kind(f"a whole number of at least {least}", lambda v: _whole(v) and v >= least,
                f"whole numbers of at least {least}")


def number(least: float = 0) -> Kind:
    return Kind(f"a number of at least {least}", lambda v: (_whole(v) or isinstance(v, float)) and v >= least)


def one_of(*choices) -> Kind:
    named = ", ".join(map(repr, choices[:-1])) + f" or {choices[-1]!r}"
    return Kind(f"one of {named}", lambda v: v in choices, named)


def list_of(item: Kind) -> Kind:
    return Kind(f"a list of {item.plural or item.expected}",
                lambda v: _sequence(v) and all(item.accepts(x) for x in v))


def pairs(first: str, second: str) -> Kind:
    """A list of (first, second) pairs of text, e.g. a menu's (label, address)."""
    return Kind(f"a list of ({first}, {second}) pairs of text",
                lambda v: _sequence(v) and all(_sequence(p) and len(p) == 2 and all(isinstance(x, str) for x in p)
                                               for p in v))


def mapping(keys: Kind, values: Kind) -> Kind:
    return Kind(f"a mapping (dict) of {keys.plural or keys.expected} to {values.plural or values.expected}",
                lambda v: isinstance(v, dict) and all(keys.accepts(k) and values.accepts(x) for k, x in v.items()))


def _placeholders(pattern: str) -> set[str]:
    try:
        return {field for _, field, _, _ in string.Formatter().parse(pattern) if field}
    except ValueError:  # an unmatched brace
        return set()


def address(*placeholders: str) -> Kind:
    """An address (or a path) in which each of ``placeholders`` is written, e.g. ``{id}``."""
    needed = set(placeholders)
    named = ", ".join(f"{{{p}}}" for p in placeholders)
    return Kind(f"an address with {named}", lambda v: isinstance(v, str) and needed <= _placeholders(v))


def empty_or(kind: Kind) -> Kind:
    return Kind(f"'' or {kind.expected}", lambda v: v == "" or kind.accepts(v))


def optional(kind: Kind) -> Kind:
    return Kind(f"None or {kind.expected}", lambda v: v is None or kind.accepts(v))


def own_check(expected: str) -> Kind:
    """A kind the plugin checks itself where it reads the setting, with messages of its own."""
    return Kind(expected, lambda v: True, checked_by_plugin=True)


@dataclass(frozen=True)
class Setting:
    """One setting a plugin reads: override it in pelicanconf.py (or publishconf.py)."""

    name: str
    default: object
    kind: Kind
    description: str

    def problem(self, value) -> str | None:
        return None if self.kind.accepts(value) else f"expected {self.kind.expected}, got {value!r}"

    @property
    def hint(self) -> str:
        example = f"{self.name} = {self.default!r}"
        if len(example) <= 60:
            return f"for example {example}"
        return f"see {self.name} in docs/SETTINGS.md for its form and its default"


def defaults_table(declarations: Iterable[Setting]) -> dict[str, tuple[object, str]]:
    """name: (default, description), the form tools and tests read defaults in."""
    return {s.name: (s.default, s.description) for s in declarations}


def settle_settings(settings: dict, declarations: Iterable[Setting]) -> list[tuple[Setting, str]]:
    """Give unset settings their default; replace a value of the wrong kind by its default and
    return it, with what is wrong, for :func:`report_settings`."""
    wrong = []
    for setting in declarations:
        if setting.name not in settings:
            settings[setting.name] = setting.default
        elif problem := setting.problem(settings[setting.name]):
            wrong.append((setting, problem))
            settings[setting.name] = setting.default
    return wrong


def report_settings(settings: dict, wrong: list[tuple[Setting, str]]) -> None:
    for setting, problem in wrong:
        setting_error(settings, setting.name, problem, setting.hint)


def apply_settings(settings: dict, declarations: Iterable[Setting]) -> None:
    """For feature plugins, once the model's log exists: settle the settings and report mistakes."""
    report_settings(settings, settle_settings(settings, declarations))


def setting_line(settings: dict, name: str) -> tuple[Path, int | None]:
    """The settings file (or the pelicanconf.py it builds on) and the last line that sets ``name``."""
    assigns = re.compile(rf"^\s*(?:\w+\s*=\s*)*{re.escape(name)}\s*=(?!=)")
    candidates = [Path(settings.get("EXHIBIT_SETTINGS_FILE", "pelicanconf.py"))]
    candidates.append(candidates[0].with_name("pelicanconf.py"))
    for path in candidates:
        if path.exists():
            lines = path.read_text(encoding="utf-8").splitlines()
            found = [number for number, line in enumerate(lines, start=1) if assigns.match(line)]
            if found:
                return path, found[-1]
    return candidates[0], None


def setting_error(settings: dict, name: str, message: str, hint: str | None = None,
                  severity: str = "error") -> None:
    """Report a bad setting at the line of the settings file (or pelicanconf.py) that sets it."""
    log = settings["EXHIBIT"].log
    report = log.warning if severity == "warning" else log.error
    path, line = setting_line(settings, name)
    report(path, line, f"{name}: {message}", hint)
