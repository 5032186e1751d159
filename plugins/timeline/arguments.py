"""The arguments of a timeline embed: ``{% timeline from=1996-12-17 to=1996-12-23 phase=standoff %}``."""
from __future__ import annotations

from dataclasses import dataclass

from exhibit.dates import FieldValueError, PartialDate
from exhibit.embedkit import Arguments, EmbedError, any_of, one_of
from exhibit.model import Event

EXAMPLE = "{% timeline from=1996-12-17 to=1996-12-23 %} or {% timeline phase=rescue %}"
ARGUMENTS = Arguments(("from", "to", "phase", "tag", "title", "display"), example=f"for example {EXAMPLE}")
# How an embed shows its events: one row each, details folded (the default), or every event whole.
DISPLAYS = ("compact", "full")


@dataclass(frozen=True)
class Selection:
    """Which events an embed shows: every condition given must hold."""

    start: PartialDate | None = None
    end: PartialDate | None = None
    phases: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    title: str | None = None

    def includes(self, event: Event) -> bool:
        """An event known only to the month (or year) is in a range only if all of it is."""
        if self.start and event.date.first_day() < self.start.first_day():
            return False
        if self.end and event.date.last_day() > self.end.last_day():
            return False
        if self.phases and event.phase not in self.phases:
            return False
        return not self.tags or any(tag in event.tags for tag in self.tags)

    def describe(self, phase_labels: dict[str, str]) -> str:
        """In words, for captions and error messages: 'from 17 December 1996 to …, standoff'."""
        parts = []
        if self.start:
            parts.append(f"from {self.start.display}")
        if self.end:
            parts.append(f"to {self.end.display}")
        if self.phases:
            parts.append(" or ".join(phase_labels.get(p, p) for p in self.phases))
        if self.tags:
            parts.append("tagged " + " or ".join(self.tags))
        return ", ".join(parts)


def _date(args: dict[str, str], name: str) -> PartialDate | None:
    if name not in args:
        return None
    try:
        return PartialDate.parse(args[name])
    except FieldValueError as exc:
        raise EmbedError(f"{name}={args[name]}: {exc}", exc.hint) from None


def parse_selection(args: dict[str, str], phases, tags) -> Selection:
    """Check the arguments against the known phases and tags; raise EmbedError with a hint."""
    ARGUMENTS.check(args)
    if not set(args) - {"title", "display"}:
        raise EmbedError("say which events to show with from=, to=, phase= or tag=",
                         f"for example {EXAMPLE}")
    selection = Selection(_date(args, "from"), _date(args, "to"), any_of(args, "phase", phases, "phase"),
                          any_of(args, "tag", tags, "tag"), args.get("title") or None)
    if selection.start and selection.end and selection.start.first_day() > selection.end.last_day():
        raise EmbedError(f"from={selection.start} is after to={selection.end}", "swap the two dates")
    return selection


def parse_display(args: dict[str, str]) -> str:
    """``display=compact`` (the default) or ``display=full``; anything else is an EmbedError."""
    return one_of(args, "display", DISPLAYS,
                  "compact (the default) lists each event on one row; full shows every event whole")
