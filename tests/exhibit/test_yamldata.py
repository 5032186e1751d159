import pytest
import yaml

from exhibit import yamldata
from exhibit.errors import ErrorLog
from exhibit.yamldata import Record, load_yaml


def load(tmp_path, text):
    path = tmp_path / "data.yaml"
    path.write_text(text, encoding="utf-8")
    log = ErrorLog()
    return load_yaml(path, log), log


def test_records_know_the_line_of_each_key(tmp_path):
    data, log = load(tmp_path, "- id: a\n  date: 1996-12-17\n\n- id: b\n  time: 20:20\n  tags: [x, y]\n")
    assert not log.entries
    first, second = data
    assert isinstance(first, Record) and first.line == 1 and first.line_of("date") == 2
    assert second.line_of("tags") == 6
    # Scalars stay as written: no YAML 1.1 date or sexagesimal surprises.
    assert first["date"] == "1996-12-17" and second["time"] == "20:20"
    assert second["tags"] == ["x", "y"]


def test_duplicate_key_in_an_entry_is_an_error_with_both_lines(tmp_path):
    _, log = load(tmp_path, "- id: a\n  title: one\n  title: two\n")
    (error,) = log.errors
    assert error.line == 3 and "first on line 2" in error.message


def test_syntax_error_names_the_line(tmp_path):
    _, log = load(tmp_path, "- id: a\n  title: one\n   bad: indent\n")
    (error,) = log.errors
    assert error.line == 3 and error.message.startswith("YAML syntax error")
    assert "indentation" in error.hint


def test_null_values_become_none(tmp_path):
    data, _ = load(tmp_path, "- id: a\n  end:\n  time: ~\n")
    assert data[0]["end"] is None and data[0]["time"] is None


def test_an_unchanged_file_is_read_from_the_cache_with_its_lines(tmp_path):
    path, cache = tmp_path / "events.yaml", tmp_path / "cache"
    path.write_text("- id: a\n  title: one\n\n- id: b\n  title: two\n", encoding="utf-8")
    first = load_yaml(path, ErrorLog(), cache)
    assert (cache / "events.pickle").is_file()
    again = load_yaml(path, ErrorLog(), cache)
    assert again == first and [r.lines for r in again] == [r.lines for r in first] and again[1].line == 4
    path.write_text("- id: a\n  title: changed\n", encoding="utf-8")
    assert load_yaml(path, ErrorLog(), cache) == [{"id": "a", "title": "changed"}]


def test_a_file_with_a_mistake_is_never_cached_so_every_build_reports_it(tmp_path):
    path, cache = tmp_path / "events.yaml", tmp_path / "cache"
    path.write_text("- id: a\n  title: one\n  title: two\n", encoding="utf-8")
    for _ in range(2):
        log = ErrorLog()
        load_yaml(path, log, cache)
        assert [e.line for e in log.errors] == [3]
    assert not (cache / "events.pickle").exists()


LOADERS = [yaml.SafeLoader] + ([yaml.CSafeLoader] if hasattr(yaml, "CSafeLoader") else [])
BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi"))


@pytest.fixture(params=LOADERS, ids=lambda loader: loader.__name__)
def loader(request, monkeypatch):
    monkeypatch.setattr(yamldata, "LOADER", request.param)


@pytest.mark.parametrize("text, line, found", [
    ("- id: a\n  tags: &t [x]\n- id: b\n  tags: *t\n", 2, "'&t'"),
    ("- &a [*a]\n", 1, "'&a'"),
    ("- id: a\n  tags: *undefined\n", 2, "'*undefined'"),
    (BOMB, 1, "'&a'"),
])
def test_anchors_and_aliases_are_refused_with_their_line(tmp_path, loader, text, line, found):
    data, log = load(tmp_path, text)
    (error,) = log.errors
    assert data is None and error.line == line
    assert error.message == f"YAML anchors and aliases are not supported here (found {found})"
    assert error.hint == "write the value out in full"


@pytest.mark.parametrize("text, line", [
    ("- " + "[" * 900 + "]" * 900 + "\n", 1),
    ("".join("  " * i + f"k{i}:\n" for i in range(900)) + "  " * 900 + "x\n", 33),
    ("- " + "{a: " * 100_000 + "}" * 100_000 + "\n", 1),
])
def test_nesting_deeper_than_the_limit_is_an_error_at_the_line_that_crosses_it(tmp_path, loader, text, line):
    data, log = load(tmp_path, text)
    (error,) = log.errors
    assert data is None and error.line == line
    assert error.message == f"the data is nested more than {yamldata.MAX_DEPTH} levels deep here"


def test_nesting_up_to_the_limit_is_read(tmp_path, loader):
    depth = yamldata.MAX_DEPTH
    data, log = load(tmp_path, "[" * depth + "x" + "]" * depth + "\n")
    assert not log.entries
    for _ in range(depth):
        (data,) = data
    assert data == "x"


def test_both_loaders_read_the_same_values_and_lines(tmp_path, loader):
    data, log = load(tmp_path, "- id: a\n  end:\n  note: ''\n  t: [x, {y: ~}]\n---\n- id: b\n")
    assert [e.message for e in log.errors] == [
        "YAML syntax error: expected a single document in the stream but found another document"]
    data, log = load(tmp_path, "- id: a\n  end:\n  note: ''\n  t: [x, {y: ~}]\n  ? [k]\n  : v\n")
    assert data == [{"id": "a", "end": None, "note": "", "t": ["x", {"y": None}]}]
    assert data[0].lines == {"id": 1, "end": 2, "note": 3, "t": 4}
    assert [(e.line, e.message) for e in log.errors] == [(5, "a field name must be plain text, not a list "
                                                             "or a set of fields")]


def test_a_file_holding_only_null_is_empty(tmp_path, loader):
    for text in ("", "# nothing yet\n", "~\n", "---\n"):
        data, log = load(tmp_path, text)
        assert data == [] and not log.entries, text
