"""The `mini` fixture exhibit with the timeline overlay (tests/fixtures/timeline) copied over it."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timeline_data import overlay  # noqa: E402


@pytest.fixture
def exhibit(mini):
    overlay(mini.content)
    return mini
