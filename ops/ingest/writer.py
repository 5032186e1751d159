"""Run ingest: read each capture, parse it, model each story, write drafts. Never overwrite.

A story already recorded is left alone, so running ingest twice on the same
capture writes nothing the second time. A new file is created exclusively
(``open(..., "x")``): if a key turns out to be taken, the next free one is used.
A capture that cannot be read or parsed is reported and the others go on.
"""
from __future__ import annotations

from pathlib import Path

from exhibit.model import SOURCE_FIELDS
from exhibit.schema import validate

from .capture import CaptureError, read_capture
from .catalogue import Catalogue
from .parse import parse_capture
from .records import Draft, Fallbacks, drafts_for
from .render import render_draft
from .report import PRESENT, REFUSED, WRITTEN, FileReport, StoryReport

CAPTURE_SUFFIXES = (".txt", ".text")


def ingest(paths: list[Path], content: Path, fallbacks: Fallbacks = Fallbacks()) -> list[FileReport]:
    """Ingest the captures at ``paths`` (files, or folders of ``.txt`` files) into ``content``."""
    catalogue = Catalogue.load(content)
    reports = []
    for path in _captures(paths):
        report = FileReport(path)
        reports.append(report)
        try:
            capture = read_capture(path)
            stories = parse_capture(capture.text)
        except CaptureError as exc:
            report.problem = str(exc)
            continue
        report.encoding, report.encoding_note = capture.encoding, capture.note
        for draft in drafts_for(capture, stories, fallbacks):
            report.stories.append(_place(draft, catalogue, path.name))
    return reports


def _captures(paths: list[Path]) -> list[Path]:
    found = []
    for path in map(Path, paths):
        if path.is_dir():
            found += sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in CAPTURE_SUFFIXES)
        else:
            found.append(path)
    return found


def _place(draft: Draft, catalogue: Catalogue, capture_name: str) -> StoryReport:
    story = draft.story
    report = StoryReport(draft.number, (story.first_line, story.last_line), story.title, REFUSED,
                         found=draft.found, supplied=draft.supplied, missing=draft.missing,
                         notes=list(draft.notes))
    if draft.problem:
        report.reason = draft.problem
        return report
    existing = catalogue.recorded_as(draft)
    if existing is not None:
        report.outcome, report.path = PRESENT, existing
        return report
    while True:
        key = catalogue.key_for(draft)
        problems = _invalid(draft, key)
        if problems:
            report.reason = "; ".join(problems)
            return report
        path = catalogue.folder / f"{key}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with open(path, "x", encoding="utf-8") as file:
                file.write(render_draft(draft, key, capture_name))
        except FileExistsError:  # written by someone else since the catalogue was read
            catalogue.taken.add(key)
            continue
        break
    base = catalogue.base_key(draft)
    if key != base:
        report.notes.append(f"the key {base} belongs to another record; this draft is {key}")
    catalogue.add(key, path, draft)
    report.outcome, report.path = WRITTEN, path
    return report


def _invalid(draft: Draft, key: str) -> list[str]:
    """The header must pass the model's own validation, as `invoke check` will."""
    problems: list[str] = []
    values = {name.lower(): value for name, value in {"Key": key, **draft.fields}.items()}
    validate(values, {}, SOURCE_FIELDS,
             lambda _line, message, hint: problems.append(message + (f" ({hint})" if hint else "")),
             None, "source record")
    return problems
