"""Every Python package is locked with its hashes, and the locks agree with pyproject.toml's pins."""
import re
import tomllib

import pytest

from tests.support import ROOT

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
LOCKS = {"build.txt": [], "test.txt": ["test"], "tools.txt": ["tools"]}
PIN = re.compile(r"^([A-Za-z0-9_.\[\]-]+)==(\S+)$")


def name_of(requirement: str) -> str:
    return re.sub(r"[-_.]+", "-", requirement.split("[")[0]).lower()


def locked(lock: str) -> dict[str, str]:
    """Package → version in a lock, checking that each entry is pinned and hashed."""
    entries = re.split(r"\n(?=\S)", (ROOT / "requirements" / lock).read_text(encoding="utf-8").strip())
    versions = {}
    for entry in entries:
        first = entry.split("\n")[0].split(";")[0].rstrip(" \\")
        match = PIN.match(first)
        assert match, f"{lock}: not pinned: {first!r}"
        assert "--hash=sha256:" in entry, f"{lock}: {first} has no hash"
        versions[name_of(match.group(1))] = match.group(2)
    return versions


@pytest.mark.parametrize("lock, extras", LOCKS.items())
def test_each_lock_pins_and_hashes_every_package_at_pyproject_versions(lock, extras):
    versions = locked(lock)
    direct = [*PROJECT["dependencies"], *(r for extra in extras for r in PROJECT["optional-dependencies"][extra])]
    for requirement in direct:
        name, version = requirement.split("==")
        assert versions.get(name_of(name)) == version, f"{lock}: {name} is not locked at {version}"
    assert len(versions) > len(direct), "the lock should hold the dependencies' own dependencies too"


def test_readme_and_ci_install_from_the_locks():
    readme, ci = (ROOT / "README.md").read_text(encoding="utf-8"), (ROOT / ".ci/run").read_text(encoding="utf-8")
    build, test = (f"pip install -q --require-hashes -r requirements/{name}" for name in ("build.txt", "test.txt"))
    assert build in readme and test in readme and test in ci
