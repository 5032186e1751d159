"""docs/DEPLOYING.md documents every setting and every module of the deploy package."""
from ops.deploy.settings import DEFAULTS
from tests.support import ROOT

GUIDE = (ROOT / "docs/DEPLOYING.md").read_text(encoding="utf-8")


def test_every_setting_is_documented():
    assert [name for name in DEFAULTS if f"`{name}`" not in GUIDE] == []


def test_every_module_is_documented():
    modules = sorted(p.name for p in (ROOT / "ops/deploy").glob("*.py") if p.name != "__init__.py")
    assert [name for name in modules if f"`{name}`" not in GUIDE] == []

