"""Links, pipes and devices in content/ or the theme stop the build before anything is read or published."""
import os
import shutil
import signal
from contextlib import contextmanager

import pytest

from exhibit.errors import ExhibitBuildError
from tests.support import ROOT


@contextmanager
def at_most(seconds):
    """Fail instead of hanging (a named pipe blocks whoever opens it)."""
    def give_up(*_):
        raise AssertionError(f"still running after {seconds} s")
    previous = signal.signal(signal.SIGALRM, give_up)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def refused(mini, **overrides) -> str:
    with at_most(60), pytest.raises(ExhibitBuildError) as failure:
        mini.build(**overrides)
    return failure.value.log.report()


def test_a_link_to_a_secret_is_refused_and_nothing_is_published(mini, monkeypatch):
    mini.build()
    before = sorted(p.relative_to(mini.output) for p in mini.output.rglob("*"))
    monkeypatch.setenv("EXHIBIT_TEST_SECRET", "wJalrXUtnFEMI-not-a-real-key")
    (mini.content / "images").mkdir(exist_ok=True)
    (mini.content / "images/e.png").symlink_to("/proc/self/environ")
    (mini.content / "essays/passwd.md").symlink_to("/etc/passwd")
    report = refused(mini)
    assert "content/images/e.png: error: this link points outside content/ (to '/proc/" in report
    assert "content/essays/passwd.md: error: this link points outside content/ (to '/etc/passwd')" in report
    assert "hint: copy the file into content/ if it belongs in the exhibit, and remove the link" in report
    assert sorted(p.relative_to(mini.output) for p in mini.output.rglob("*")) == before
    for path in mini.output.rglob("*"):
        assert not path.is_file() or b"wJalrXUtnFEMI" not in path.read_bytes()


def test_a_link_to_a_folder_outside_is_refused(mini, tmp_path):
    private = tmp_path / "private"
    private.mkdir()
    (private / "notes.md").write_text("Title: Private\n\nNot for the public.\n", encoding="utf-8")
    (mini.content / "pages/private").symlink_to(private)
    assert "content/pages/private: error: this link points outside content/" in refused(mini)


def test_links_inside_content_dangling_links_and_loops_are_refused(mini):
    (mini.content / "essays/again.md").symlink_to(mini.content / "essays/01-arrival.md")
    (mini.content / "essays/gone.md").symlink_to(mini.content / "essays/nowhere.md")
    (mini.content / "sources/a.md").symlink_to("b.md")
    (mini.content / "sources/b.md").symlink_to("a.md")
    (mini.content / "pages/up").symlink_to("..")
    report = refused(mini)
    assert "content/essays/again.md: error: this is a link (to '" in report
    assert "hint: replace the link by a copy of what it points to" in report
    assert "content/essays/gone.md: error: this link points to '" in report and "which does not exist" in report
    assert "content/sources/a.md: error: this link points to 'b.md', which leads back to itself" in report
    assert "content/pages/up: error: this is a link (to '..')" in report


def test_a_named_pipe_stops_the_build_at_once_instead_of_hanging_it(mini):
    os.mkfifo(mini.content / "essays/03-pipe.md")
    os.mkfifo(mini.content / "data/notes.yaml")
    report = refused(mini)
    assert "content/essays/03-pipe.md: error: this is a named pipe, not a file" in report
    assert "content/data/notes.yaml: error: this is a named pipe, not a file" in report
    with at_most(60):
        log = mini.check()
    assert "this is a named pipe" in log.report()


def test_a_link_in_the_theme_is_refused(mini, tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    (theme / "static/environ.txt").symlink_to("/proc/self/environ")
    report = refused(mini, THEME=str(theme))
    assert "theme/static/environ.txt: error: this link points outside theme/" in report


def test_a_folder_where_a_data_file_or_essay_should_be_is_named(mini):
    (mini.content / "data/events.yaml").unlink()
    (mini.content / "data/events.yaml").mkdir()
    (mini.content / "essays/03-folder.md").mkdir()
    report = refused(mini)
    assert "content/data/events.yaml: error: this is a folder, where a text file was expected" in report
    assert "content/essays/03-folder.md: error: this is a folder, where a text file was expected" in report
    assert "Traceback" not in report
