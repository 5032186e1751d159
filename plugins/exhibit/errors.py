"""One error type for every curator mistake, a log that collects them all, and one exception type.

An :class:`ExhibitError` names the file, the line, what was expected and, where
possible, how to fix it. The build collects every error before it stops, so a
curator sees all of their mistakes at once rather than one per run. Code that finds
a problem raises an :class:`ExhibitProblem` (a message and a hint) for its caller to log.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class ExhibitError:
    """A problem in the exhibit's content, located as precisely as we can."""

    path: str
    line: int | None
    message: str
    hint: str | None = None
    severity: str = "error"  # "error" stops the build; "warning" is reported only

    def location(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path

    def __str__(self) -> str:
        text = f"{self.location()}: {self.severity}: {self.message}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text


@dataclass
class ErrorLog:
    """Collects errors and warnings; paths are shown relative to ``root``."""

    root: Path | None = None
    entries: list[ExhibitError] = field(default_factory=list)

    def display(self, path: str | Path) -> str:
        p = Path(path)
        if self.root is not None and p.is_absolute():
            try:
                return str(p.relative_to(self.root))
            except ValueError:
                pass
        return str(p)

    def error(self, path, line, message, hint=None) -> None:
        self.entries.append(ExhibitError(self.display(path), line, message, hint))

    def warning(self, path, line, message, hint=None) -> None:
        self.entries.append(ExhibitError(self.display(path), line, message, hint, "warning"))

    @property
    def errors(self) -> list[ExhibitError]:
        return [e for e in self.entries if e.severity == "error"]

    @property
    def warnings(self) -> list[ExhibitError]:
        return [e for e in self.entries if e.severity == "warning"]

    def __bool__(self) -> bool:  # true when the build must stop
        return bool(self.errors)

    def report(self) -> str:
        ordered = sorted(self.entries, key=lambda e: (e.severity != "error", e.path, e.line or 0))
        return "\n".join(str(e) for e in ordered)


class ExhibitProblem(Exception):
    """A problem the exhibit can explain: ``message``, and ``hint`` on how to fix it (or None).

    ``str()`` is the message alone, since most callers pass the hint on separately (to an ErrorLog)."""

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message

    def explained(self) -> str:
        """The message with its hint below, as the build log shows them."""
        return f"{self.message}\n    hint: {self.hint}" if self.hint else self.message


class ExhibitBuildError(Exception):
    """Raised to stop a build; carries every collected error."""

    def __init__(self, log: ErrorLog):
        self.log = log
        count = len(log.errors)
        self.summary = f"{count} error{'s' if count != 1 else ''} in the exhibit content"
        super().__init__(self.summary)

    def __str__(self) -> str:
        first = "\n".join(str(e) for e in self.log.errors[:5])
        return f"{self.summary}:\n{first}" if first else self.summary
