"""The curators' guide documents every field the model accepts."""
import pytest

from exhibit.model import ESSAY_FIELDS, EVENT_FIELDS, PLACE_FIELDS, SOURCE_FIELDS
from tests.support import ROOT

GUIDE = (ROOT / "docs/CURATING.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("spec", [ESSAY_FIELDS, SOURCE_FIELDS, EVENT_FIELDS, PLACE_FIELDS])
def test_every_field_is_documented(spec):
    missing = [f.name for f in spec.values() if f"`{f.name}`" not in GUIDE]
    assert missing == []
