"""The kit for writing an embed: everything a feature plugin needs, from one module.

A plugin registers a handler for ``{% name key=value … %}`` with :func:`register_embed`.
The handler checks the embed's arguments (:class:`Arguments`, :func:`one_of`,
:func:`any_of`; a mistake is an :class:`EmbedError` with a did-you-mean hint, which the
embed parser reports at the directive's file and line), renders a template of the theme
(:func:`theme_templates`), and writes its links from :data:`ROOT`, which becomes the way
back to the site root from the page that holds the embed. Records' entries are linked at
:func:`event_anchor` / :func:`place_anchor`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader

from .embeds import Embed, EmbedError, did_you_mean, register_embed
from .pagelinks import ROOT, event_anchor, place_anchor, relative_root

__all__ = ["ROOT", "Arguments", "Embed", "EmbedError", "any_of", "did_you_mean", "event_anchor", "items",
           "one_of", "place_anchor", "register_embed", "relative_root", "theme_templates"]


@dataclass(frozen=True)
class Arguments:
    """The argument names an embed takes, and how a mistake in them is explained."""

    names: tuple[str, ...]
    what: str | None = None  # 'a map' → "(a map takes: places, caption)"; None → "(known: …)"
    example: str | None = None  # the hint when no name is close to a mistyped one

    def check(self, args: dict[str, str]) -> None:
        """Refuse any argument not in :attr:`names`, suggesting the closest."""
        for name in args:
            if name not in self.names:
                listed = f"{self.what} takes" if self.what else "known"
                raise EmbedError(f"unknown argument '{name}' ({listed}: {', '.join(self.names)})",
                                 did_you_mean(name, self.names) or self.example)

    def required(self, args: dict[str, str], name: str, hint: str) -> str:
        """The value of ``name``, stripped; "a map needs places=" when it is missing or empty."""
        value = args.get(name, "").strip()
        if not items(value):
            raise EmbedError(f"{self.what} needs {name}=", hint)
        return value


def items(value: str) -> tuple[str, ...]:
    """A list argument's items: 'a, b,c' → ('a', 'b', 'c')."""
    return tuple(item for item in re.split(r"[,\s]+", value) if item)


def one_of(args: dict[str, str], name: str, choices: tuple[str, ...], otherwise: str) -> str:
    """The value of ``name``, one of ``choices`` (the first when it is not given); ``otherwise`` is
    the hint when no choice is close to a wrong value."""
    value = args.get(name, choices[0]).strip()
    if value not in choices:
        raise EmbedError(f"{name}={value}: expected one of {', '.join(choices)}",
                         did_you_mean(value, choices, cutoff=0.5) or otherwise)
    return value


def any_of(args: dict[str, str], name: str, known, what: str) -> tuple[str, ...]:
    """The items of ``name`` (none when it is not given), each one of ``known``: 'phase=seizure,rescue'."""
    if name not in args:
        return ()
    values = items(args[name])
    for value in values or ("",):  # a value with no item names no known one either
        if value not in known:
            raise EmbedError(f"{name}={args[name]}: no {what} '{value}'", did_you_mean(value, known, cutoff=0.5)
                             or f"known {what}s: {', '.join(sorted(known))}")
    return values


def theme_templates(settings: dict) -> Environment:
    """The theme's templates with the project's Jinja options (``JINJA_ENVIRONMENT``; autoescape unless
    they say otherwise), for embeds: they are rendered while texts are read, before Pelican's own
    environment exists."""
    loader = FileSystemLoader(str(Path(settings["THEME"]) / "templates"))
    return Environment(loader=loader, **{"autoescape": True, **settings.get("JINJA_ENVIRONMENT", {})})
