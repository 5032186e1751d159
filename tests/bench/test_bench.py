"""The benchmark package: synthetic exhibits build cleanly, pages are weighed right, tables add up."""
from __future__ import annotations

import gzip

import pytest

from ops.build import build, check
from tests.support import ROOT
from tools.bench import phases, runner, weight
from tools.bench.synthetic import Size, edit_one_essay, edit_one_event, write_exhibit

TINY = Size(essays=3, sources=4, events=10, places=3)


def _settings(tmp_path) -> dict:
    return {"PATH": str(tmp_path / "content"), "CACHE_PATH": str(tmp_path / "cache")}


def test_a_synthetic_exhibit_builds_with_every_kind_of_content(tmp_path):
    write_exhibit(tmp_path / "content", TINY)
    log = build(ROOT / "pelicanconf.py", tmp_path / "output", _settings(tmp_path))
    assert not log.errors
    essay = (tmp_path / "output" / "essays" / "essay-1.html").read_text(encoding="utf-8")
    assert 'role="doc-endnotes"' in essay  # citations became notes
    assert "timeline.html#event-ev-" in essay  # the timeline slice
    assert "leaflet" in essay.lower()  # the map
    assert len(list((tmp_path / "output" / "sources").glob("src-*.html"))) == TINY.sources


def test_the_same_size_gives_the_same_files(tmp_path):
    first, second = write_exhibit(tmp_path / "a", TINY), write_exhibit(tmp_path / "b", TINY)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)


def test_editing_one_essay_changes_it_and_keeps_the_exhibit_valid(tmp_path):
    content = write_exhibit(tmp_path / "content", TINY)
    before = {p: p.read_bytes() for p in (content / "essays").iterdir()}
    edited = edit_one_essay(content, TINY, run=1)
    assert [p for p in before if p.read_bytes() != before[p]] == [edited]
    assert not check(ROOT / "pelicanconf.py", _settings(tmp_path)).errors


def test_editing_one_event_changes_only_its_summary_and_keeps_the_exhibit_valid(tmp_path):
    content = write_exhibit(tmp_path / "content", TINY)
    before = (content / "data/events.yaml").read_text(encoding="utf-8").splitlines()
    after = edit_one_event(content, TINY, run=2).read_text(encoding="utf-8").splitlines()
    changed = [(old, new) for old, new in zip(before, after) if old != new]
    assert len(before) == len(after) and len(changed) == 1
    assert changed[0][1] == changed[0][0].replace("    ", "    Revised for run 2. ", 1)
    assert not check(ROOT / "pelicanconf.py", _settings(tmp_path)).errors


def test_phases_are_named_by_the_most_specific_frame_on_the_stack():
    class Code:
        def __init__(self, filename, name):
            self.co_filename, self.co_name = filename, name

    class Frame:
        def __init__(self, filename, name, back=None):
            self.f_code, self.f_back = Code(filename, name), back

    stack = Frame("/venv/citeproc/model.py", "render",
                  Frame("/venv/jinja2/environment.py", "render", Frame("/p/pelican/writers.py", "write_file")))
    assert phases.phase_of(stack) == "citations"
    assert phases.phase_of(Frame("/venv/markdown/core.py", "convert")) == "reading"
    assert phases.phase_of(Frame("/p/elsewhere.py", "f")) == phases.OTHER


def test_the_table_gives_medians_and_ratios():
    result = runner.SizeResult("tiny", TINY)
    for step, seconds in (("cold", [10, 12, 30]), ("edit", [3, 2, 2]), ("event", [4, 5, 6]), ("unchanged", [1, 1, 1]),
                          ("plain", [8, 8, 9])):
        result.timings[step] = [runner.Timing(s, 100.0) for s in seconds]
    row = runner.table([result]).splitlines()[-1]
    assert "| 12.0 s | 2.0 s | 5.0 s | 1.0 s | 8.0 s | 1.50× | 0.17× | 0.08× |" in row


@pytest.mark.browser
def test_the_weight_of_a_known_page(tmp_path):
    (tmp_path / "style.css").write_text("body { color: #222; }\n" * 20)
    (tmp_path / "app.js").write_text("document.title = 'weighed';\n" * 10)
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><title>t</title><link rel="stylesheet" href="style.css">'
        '<script src="app.js"></script><script src="https://cdn.example.org/lib.js"></script>'
        '<img src="https://tile.openstreetmap.org/1/1/1.png" alt=""><p>Known page.</p></html>')
    [page] = weight.measure(tmp_path, pages={"home": "index.html"}, settle_ms=100)
    assert sorted(f[0] for f in page.files) == ["app.js", "index.html", "style.css"]
    files = [tmp_path / name for name in ("index.html", "style.css", "app.js")]
    assert page.requests == 3
    assert page.code_raw == sum(f.stat().st_size for f in files)
    assert page.code_gzip == sum(len(gzip.compress(f.read_bytes(), compresslevel=9, mtime=0)) for f in files)
    assert page.third_party == ["https://cdn.example.org/lib.js"]
    assert page.tiles == 1
