"""The source records already in the exhibit: which keys are taken, and which stories they record.

A story is already recorded when a record carries its fingerprint (a draft that
ingest wrote) or has the same publisher and title and an overlapping date (any
record, including one a curator has rewritten and published). Keys follow
``invoke new-source``: ``<publisher>-<date>``, e.g. ``cnn-1996-12-20``; when that
is taken by another story, a word of the title tells them apart.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from exhibit.dates import PartialDate
from exhibit.loader import load_exhibit
from ops.scaffold import slugify

from .records import FINGERPRINT, Draft

MINOR_WORDS = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or",
               "the", "to", "with", "s"}


@dataclass(frozen=True)
class Record:
    key: str
    path: Path
    publisher: str
    title: str
    published: PartialDate | None


@dataclass
class Catalogue:
    folder: Path  # content/sources
    records: list[Record] = field(default_factory=list)
    taken: set[str] = field(default_factory=set)  # keys and file names in use, valid or not
    fingerprints: dict[str, Path] = field(default_factory=dict)

    @classmethod
    def load(cls, content: Path) -> "Catalogue":
        exhibit = load_exhibit(content)
        catalogue = cls(content / "sources")
        for source in [*exhibit.sources.values(), *exhibit.drafts]:
            catalogue.records.append(Record(source.key, source.path, source.publisher, source.title,
                                            source.published))
        catalogue.taken = {record.key for record in catalogue.records} | set(exhibit.invalid)
        for path in sorted(catalogue.folder.glob("*.md")):
            catalogue.taken.add(path.stem)
            text = path.read_text(encoding="utf-8", errors="replace")
            for match in FINGERPRINT.finditer(text):
                catalogue.fingerprints.setdefault(match.group(0), path)
        return catalogue

    def recorded_as(self, draft: Draft) -> Path | None:
        """The file that already records ``draft``'s story, if any."""
        if draft.fingerprint in self.fingerprints:
            return self.fingerprints[draft.fingerprint]
        published = draft.published
        for record in self.records:
            if (_same(record.publisher) == _same(draft.publisher)
                    and _same_title(record.title) == _same_title(draft.title)
                    and _overlap(record.published, published)):
                return record.path
        return None

    @staticmethod
    def base_key(draft: Draft) -> str:
        return f"{slugify(draft.publisher)}-{draft.published.iso}"

    def key_for(self, draft: Draft) -> str:
        """``<publisher>-<date>``, or with a word of the title (or a number) when that is taken."""
        base = self.base_key(draft)
        title_words = [w for w in slugify(draft.title).split("-") if w not in MINOR_WORDS]
        candidates = [base, *(f"{base}-{w}" for w in title_words if w not in base.split("-"))]
        candidates += (f"{base}-{n}" for n in range(2, len(self.taken) + 3))
        return next(key for key in candidates if key not in self.taken)

    def add(self, key: str, path: Path, draft: Draft) -> None:
        self.taken.add(key)
        self.fingerprints[draft.fingerprint] = path
        self.records.append(Record(key, path, draft.publisher, draft.title, draft.published))


def _same(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.casefold().split())


def _same_title(title: str) -> str:
    """Titles compare without case, curly quotes, a leading article or final punctuation."""
    return re.sub(r"^(?:the|an?)\s+", "", _same(title)).rstrip(".!?")


def _overlap(a: PartialDate | None, b: PartialDate | None) -> bool:
    """'1997' and '1997-04-23' overlap; '1997-04-22' and '1997-04-23' do not."""
    if a is None or b is None:
        return False
    return a.first_day() <= b.last_day() and b.first_day() <= a.last_day()
