"""Two clean builds of the same content give byte-identical trees."""
import hashlib
from pathlib import Path

from exhibit.build import build

ROOT = Path(__file__).resolve().parents[2]


# Pagefind 1.5 names some index fragments differently from run to run (seen 2026-11-22: two
# builds of identical pages gave different pf_filter/pf_meta hashes). Everything else must match.
NOT_REPRODUCIBLE = ("pagefind/", ".exhibit-build.json")


def manifest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*"))
            if p.is_file() and not str(p.relative_to(folder)).startswith(NOT_REPRODUCIBLE)}


def test_two_clean_builds_are_byte_identical(real_site, tmp_path):
    again = tmp_path / "output"
    build(ROOT / "publishconf.py", again, {"CACHE_PATH": str(tmp_path / "cache")})  # a cold cache too
    first, second = manifest(real_site), manifest(again)
    assert sorted(first) == sorted(second), f"different files: {sorted(set(first) ^ set(second))[:10]}"
    differing = [name for name in sorted(first) if first[name] != second[name]]
    assert not differing, f"first differing file: {differing[0]} ({len(differing)} in all)"
