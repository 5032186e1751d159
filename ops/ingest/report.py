"""What one run of ingest did, per capture and per story, and how it is shown to the curator."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

WRITTEN, PRESENT, REFUSED = "written", "present", "refused"


@dataclass
class StoryReport:
    number: int
    lines: tuple[int, int]
    title: str | None
    outcome: str  # WRITTEN, PRESENT or REFUSED
    path: Path | None = None  # the draft written, or the record that already has the story
    reason: str | None = None  # why it was not written
    found: list[str] = field(default_factory=list)
    supplied: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class FileReport:
    path: Path
    encoding: str | None = None
    encoding_note: str | None = None
    problem: str | None = None  # why the capture could not be ingested at all
    stories: list[StoryReport] = field(default_factory=list)


def failed(files: list[FileReport]) -> bool:
    """True when a capture or a story could not be ingested (not when it was already there)."""
    return any(f.problem or any(s.outcome == REFUSED for s in f.stories) for f in files)


def format_report(files: list[FileReport], root: Path) -> str:
    lines = []
    for report in files:
        name = _show(report.path, root)
        if report.problem:
            lines.append(f"{name}: not ingested: the file {report.problem}")
            continue
        read_as = f"read as {report.encoding}" + (f" because it is {report.encoding_note}"
                                                  if report.encoding_note else "")
        lines.append(f"{name}: {_plural(len(report.stories), 'story', 'stories')}, {read_as}")
        for story in report.stories:
            lines += _story_lines(story, root)
    lines.append(_totals(files))
    return "\n".join(lines)


def _story_lines(story: StoryReport, root: Path) -> list[str]:
    title = f'"{story.title}"' if story.title else "(no title)"
    head = f"  {story.number}. lines {story.lines[0]}–{story.lines[1]} {title}"
    if story.outcome == WRITTEN:
        out = [head, f"     wrote {_show(story.path, root)} (Status: draft)"]
    elif story.outcome == PRESENT:
        out = [head, f"     already recorded in {_show(story.path, root)}; nothing written"]
    else:
        out = [head, f"     not written: {story.reason}"]
    out.append(f"     extracted: {', '.join(story.found) or 'nothing'}")
    if story.supplied:
        out.append(f"     supplied: {', '.join(story.supplied)}")
    out.append(f"     missing: {', '.join(story.missing) or 'nothing'}")
    out += [f"     check: {note}" for note in story.notes]
    return out


def _totals(files: list[FileReport]) -> str:
    stories = [s for f in files for s in f.stories]
    count = {outcome: sum(s.outcome == outcome for s in stories) for outcome in (WRITTEN, PRESENT, REFUSED)}
    unread = sum(bool(f.problem) for f in files)
    return (f"{_plural(len(files), 'capture')}, {_plural(len(stories), 'story', 'stories')}: "
            f"{_plural(count[WRITTEN], 'draft')} written, {count[PRESENT]} already recorded, "
            f"{count[REFUSED]} not written; {_plural(unread, 'capture')} could not be ingested.")


def _plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count} {word if count == 1 else words or word + 's'}"


def _show(path: Path, root: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)
