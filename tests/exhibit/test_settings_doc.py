"""docs/SETTINGS.md is what the settings' declarations say."""
import importlib

from tests.support import ROOT
from tools.settings_doc import SECTIONS, settings_doc


def test_the_settings_reference_is_up_to_date():
    written = (ROOT / "docs/SETTINGS.md").read_text(encoding="utf-8")
    assert written == settings_doc(), ("docs/SETTINGS.md is out of date: regenerate it with "
                                       "`.venv/bin/python -m tools.settings_doc > docs/SETTINGS.md`")


def test_no_setting_is_declared_by_two_plugins():
    names = [s.name for module, _, _ in SECTIONS for s in importlib.import_module(module).SETTINGS]
    assert sorted(n for n in set(names) if names.count(n) > 1) == []
