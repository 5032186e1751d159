"""The one error a deploy raises: what went wrong and how to fix it."""
from __future__ import annotations

from exhibit.errors import ExhibitProblem


class DeployError(ExhibitProblem):
    """A deploy or rollback that was refused, or that could not finish; shown with its hint."""

    def __str__(self) -> str:
        return self.explained()
