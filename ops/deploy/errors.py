"""The one error a deploy raises: what went wrong and how to fix it."""
from __future__ import annotations


class DeployError(Exception):
    """A deploy or rollback that was refused, or that could not finish."""

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n    hint: {self.hint}" if self.hint else self.message
