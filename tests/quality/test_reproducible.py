"""Two clean builds of the same content give byte-identical trees, every file included.

Nothing is excluded: Pagefind's index is identical too since search kinds became metadata rather than
filters (Pagefind 1.5 wrote filter indexes in hash-map order), and `.exhibit-build.json`, the build's
own SHA-256 manifest for deploys, holds no time or path. A file that must differ between builds would
have to be named here, with the reason.
"""
import hashlib
from pathlib import Path

import pytest
from freezegun import freeze_time

from ops.build import build
from exhibit.errors import ExhibitBuildError
from tests.support import ROOT


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


def build_on(day: str, mini, folder: Path) -> dict[str, str]:
    """A production build of the mini exhibit with the clock set to ``day`` (time still runs)."""
    output = folder / day
    with freeze_time(day, tick=True, real_asyncio=True):
        build(ROOT / "publishconf.py", output, {**mini._paths(), "CACHE_PATH": str(folder / f"cache-{day}")})
    return manifest(output)


def test_builds_a_month_apart_are_byte_identical(mini, tmp_path):
    first, second = build_on("2026-11-07", mini, tmp_path), build_on("2026-12-07", mini, tmp_path)
    assert sorted(first) == sorted(second)
    assert [name for name in sorted(first) if first[name] != second[name]] == []


@pytest.mark.parametrize("header", ["Date: 2026-11", "Date: 2026", "Modified: 2026-11"])
def test_an_essay_date_without_its_day_is_refused_not_filled_in_with_today(mini, tmp_path, header):
    essay = mini.content / "essays/01-arrival.md"
    name = header.split(":")[0]
    lines = [line for line in essay.read_text(encoding="utf-8").split("\n") if not line.startswith(name + ":")]
    essay.write_text("\n".join([lines[0], header, *lines[1:]]), encoding="utf-8")
    with freeze_time("2026-11-07", tick=True, real_asyncio=True), pytest.raises(ExhibitBuildError) as info:
        build(ROOT / "publishconf.py", tmp_path / "out", mini._paths())
    report = info.value.log.report()
    assert f"content/essays/01-arrival.md:2: error: {name}: expected a full date YYYY-MM-DD, got " in report
    assert "hint: write the day too, e.g. 2026-" in report
    assert "7 November 2026" not in report and not (tmp_path / "out").exists()
