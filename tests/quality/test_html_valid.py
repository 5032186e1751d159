"""The Nu HTML Checker (vnu-jar from npm, on the installed Java) finds no errors in the output."""
import shutil
import subprocess

import pytest

from tests.support import ROOT

VNU = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"


def test_every_page_is_valid_html(real_site):
    if not VNU.exists() or not shutil.which("java"):
        pytest.fail("the Nu HTML Checker is missing: run `invoke test-setup` (npm ci, Java)")
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--skip-non-html", str(real_site)],
                            capture_output=True, text=True, timeout=300)
    errors = [line.replace(f"file:{real_site}/", "") for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode == 0 and errors == [], "\n".join(errors[:30])
