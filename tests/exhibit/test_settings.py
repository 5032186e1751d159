"""Settings declared once: a value of the wrong kind is reported at its line and stops the build."""
import pytest

from exhibit.errors import ExhibitBuildError
from exhibit.settingskit import (TEXT, Setting, address, empty_or, list_of, mapping, optional, pairs,
                                 settle_settings, whole_number)
from ops.build import build
from ops.deploy.errors import DeployError
from ops.deploy.settings import with_defaults
from tests.support import ROOT


def settings_file(mini, *lines: str):
    """A copy of pelicanconf.py with ``lines`` added, and the line number of each."""
    conf = mini.content.parent / "pelicanconf.py"
    text = (ROOT / "pelicanconf.py").read_text(encoding="utf-8").rstrip("\n") + "\n"
    first = len(text.splitlines()) + 1
    conf.write_text(text + "\n".join(lines) + "\n", encoding="utf-8")
    return conf, range(first, first + len(lines))


def test_two_wrong_settings_are_both_reported_at_their_lines_and_stop_the_build(mini):
    # MENU is set earlier in pelicanconf.py too: the line reported is the last, which Python keeps.
    conf, lines = settings_file(mini, 'MENU = "Essays"', "TIMELINE_EVENTS_PER_PAGE = '3'")
    with pytest.raises(ExhibitBuildError) as info:
        build(conf, mini.output, mini._paths())
    errors = sorted(info.value.log.errors, key=lambda e: e.line)
    assert [(e.path, e.line) for e in errors] == [("pelicanconf.py", line) for line in lines]  # the copy
    menu, per_page = errors
    assert menu.message == "MENU: expected a list of (label, address) pairs of text, got 'Essays'"
    assert per_page.message == "TIMELINE_EVENTS_PER_PAGE: expected a whole number of at least 1, got '3'"
    assert per_page.hint == "for example TIMELINE_EVENTS_PER_PAGE = 500"
    assert "docs/SETTINGS.md" in menu.hint
    assert not mini.output.exists()


def test_settings_of_the_right_kind_build(mini):
    conf, _ = settings_file(mini, 'MENU = [("Essays", "index.html#essays"), ("Timeline", "timeline.html")]',
                            "TIMELINE_EVENTS_PER_PAGE = 3", "IMAGES_WORKERS = 2", "DISCOVERY_EVENT_URL = ''")
    assert not build(conf, mini.output, mini._paths()).errors
    assert '<a href="./timeline.html">Timeline</a>' in mini.html("index.html")


def test_an_unset_setting_takes_its_default_and_a_wrong_one_is_replaced_by_it():
    declared = [Setting("A", 1, whole_number(1), "a"), Setting("B", "x", TEXT, "b")]
    settings = {"A": 0}
    [(setting, problem)] = settle_settings(settings, declared)
    assert settings == {"A": 1, "B": "x"}
    assert (setting.name, problem) == ("A", "expected a whole number of at least 1, got 0")


@pytest.mark.parametrize("kind, good, bad", [
    (whole_number(1), [1, 500], [0, True, 2.5, "3"]),
    (address("id"), ["timeline.html#event-{id}"], ["timeline.html", "x{id", None]),
    (optional(empty_or(address("key"))), [None, "", "map.html#place-{key}"], ["map.html", 0]),
    (list_of(TEXT), [[], ("a", "b")], ["a", [1]]),
    (mapping(TEXT, whole_number(1)), [{"avif": 55}], [{"avif": 0}, [("avif", 55)]]),
    (pairs("label", "address"), [[("A", "a.html")], [["A", "a.html"]]], [[("A",)], [("A", 1)], "A"]),
])
def test_kinds_accept_what_they_describe(kind, good, bad):
    assert all(kind.accepts(value) for value in good)
    assert not any(kind.accepts(value) for value in bad)


def test_a_deploy_setting_of_the_wrong_kind_refuses_the_deploy():
    with pytest.raises(DeployError) as info:
        with_defaults({"DEPLOY_TIMEOUT": "30"})
    assert info.value.message == "publishconf.py: DEPLOY_TIMEOUT: expected a number of at least 0, got '30'"
    assert info.value.hint == "for example DEPLOY_TIMEOUT = 30"
    assert with_defaults({"DEPLOY_TIMEOUT": 5})["DEPLOY_KEEP_RELEASES"] == 5
