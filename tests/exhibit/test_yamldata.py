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
