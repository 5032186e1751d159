"""What a deploy changes: files the target lacks, files whose bytes differ, files to remove."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Plan:
    added: list[str]
    changed: list[str]
    removed: list[str]
    unchanged: int

    @classmethod
    def between(cls, wanted: dict[str, str], live: dict[str, str]) -> "Plan":
        """Compare path → digest maps of the new build and of what the target serves."""
        return cls(added=sorted(set(wanted) - set(live)),
                   changed=sorted(p for p in set(wanted) & set(live) if wanted[p] != live[p]),
                   removed=sorted(set(live) - set(wanted)),
                   unchanged=sum(1 for p in wanted if live.get(p) == wanted[p]))

    @property
    def transfers(self) -> list[str]:
        """Files to send, in upload order: everything else before the HTML pages that refer to it."""
        return sorted(self.added + self.changed, key=lambda p: (p.endswith(".html"), p))

    def __bool__(self) -> bool:  # true when the target differs from the build
        return bool(self.added or self.changed or self.removed)

    def summary(self) -> str:
        return (f"{len(self.added)} new, {len(self.changed)} changed, {len(self.removed)} removed, "
                f"{self.unchanged} unchanged")

    def lines(self) -> list[str]:
        return ([f"  + {p}" for p in self.added] + [f"  ~ {p}" for p in self.changed]
                + [f"  - {p}" for p in self.removed])
