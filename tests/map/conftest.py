"""The mini exhibit with more places (one hostile name, two at one point, one far away) and maps in essays."""
from __future__ import annotations

import pytest

from tests.map.atlas import PLACES, add_maps


@pytest.fixture
def places_yaml() -> str:
    return PLACES


@pytest.fixture
def atlas(mini):
    """``mini`` with the atlas places, two maps in the first essay and one in the second."""
    add_maps(mini.content)
    return mini
