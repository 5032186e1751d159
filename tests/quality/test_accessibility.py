"""axe-core (npm, pinned) in headless Chromium: WCAG 2.2 A and AA rules and axe's best practices, on every page type."""
import re

import pytest

from ops.build import load_settings
from tools.audit import PAGE_TYPES  # one page of each type
from tests.support import ROOT

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules/axe-core/axe.min.js"
PUBLIC_URL = load_settings(ROOT / "publishconf.py")["PUBLIC_URL"]
AXE_URL = f"{PUBLIC_URL}/axe-core-under-test.js"
RULE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_axe_violations(page, real_site, kind):
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `invoke test-setup` (npm ci)")
    path = PAGE_TYPES[kind]
    assert (real_site / path).exists(), f"the {kind} page ({path}) was not built"

    def offline(route):
        """The build is served at its public address, where its Content-Security-Policy lets axe-core
        load as a script of the site; every other host is offline."""
        url = route.request.url
        if url == AXE_URL:
            route.fulfill(path=AXE)
        elif url.startswith(PUBLIC_URL + "/"):
            route.fulfill(path=real_site / re.split(r"[?#]", url[len(PUBLIC_URL) + 1:])[0])
        else:
            route.abort()

    page.route("**/*", offline)
    page.goto(f"{PUBLIC_URL}/{path}")
    page.wait_for_load_state("networkidle")
    page.add_script_tag(url=AXE_URL)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", RULE_TAGS)
    violations = [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
                  for v in result["violations"]]
    assert violations == [], "\n".join(violations)
