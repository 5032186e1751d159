"""Two clean builds of the same content give byte-identical trees, every file included.

Nothing is excluded: Pagefind's index is identical too since search kinds became metadata rather than
filters (Pagefind 1.5 wrote filter indexes in hash-map order), and `.exhibit-build.json`, the build's
own SHA-256 manifest for deploys, holds no time or path. A file that must differ between builds would
have to be named here, with the reason.
"""
import hashlib
from pathlib import Path

from exhibit.build import build

ROOT = Path(__file__).resolve().parents[2]


def manifest(folder: Path) -> dict[str, str]:
    """Every file of a build (dotfiles too) by its path, with its SHA-256."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_clean_builds_are_byte_identical(real_site, tmp_path):
    again = tmp_path / "output"
    build(ROOT / "publishconf.py", again, {"CACHE_PATH": str(tmp_path / "cache")})  # a cold cache too
    first, second = manifest(real_site), manifest(again)
    assert any(name.startswith("pagefind/") for name in first), "the search index was not built"
    assert sorted(first) == sorted(second), f"different files: {sorted(set(first) ^ set(second))[:10]}"
    differing = [name for name in sorted(first) if first[name] != second[name]]
    assert not differing, f"first differing file: {differing[0]} ({len(differing)} in all)"
