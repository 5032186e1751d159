"""The `mini` fixture exhibit with the timeline overlay (tests/fixtures/timeline) copied over it."""
from __future__ import annotations

import pytest

from tests.timeline.timeline_data import overlay


@pytest.fixture
def exhibit(mini):
    overlay(mini.content)
    return mini
