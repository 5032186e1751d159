"""A bounded fuzz: 200 curator mistakes, each a small seeded mutation of the mini exhibit.

Every case must end in the model's error log — no traceback, no hang, and no wrong success: each
mutation is a mistake, so `invoke check` must report at least one error, naming a file and a line.
All failing cases are reported together, so one run shows every problem.
"""
from __future__ import annotations

import os
import random
import signal
from pathlib import Path

from tests.support import copy_mini

CASES = 200
# Mistakes with no line to point at: a folder where a file should be, a link, a pipe.
WHOLE_FILE = ("this is a folder", "this link", "this is a link", "this is a named pipe")
SEED = 1997
ESSAY, SOURCE, EVENTS, PLACES = "essays/02-talks.md", "sources/daily-1996-12-18.md", "data/events.yaml", "data/places.yaml"


def replace(relative: str, old: str, new: str):
    def apply(content: Path) -> None:
        path = content / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"fixture changed: {old!r}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return apply


def append(relative: str, text: str):
    def apply(content: Path) -> None:
        with (content / relative).open("a", encoding="utf-8") as handle:
            handle.write(text)
    return apply


def insert_bytes(relative: str, at: float, data: bytes):
    def apply(content: Path) -> None:
        path = content / relative
        raw = path.read_bytes()
        cut = int(len(raw) * at)
        path.write_bytes(raw[:cut] + data + raw[cut:])
    return apply


def drop_line(relative: str, starting: str):
    def apply(content: Path) -> None:
        path = content / relative
        lines = path.read_text(encoding="utf-8").split("\n")
        path.write_text("\n".join(line for line in lines if not line.startswith(starting)), encoding="utf-8")
    return apply


def nested(depth: int) -> str:
    return "[" * depth + "x" + "]" * depth


BAD_DATES = ["2026-13-01", "1996-02-30", "18/12/1996", "yesterday", "2026-00-10", "1996-12-32", "96-12-17",
             "2026-11", "2026"]
BAD_EVENT_DATES = ["1996-02-30", "1997-13", "17 December 1996", "1996-12-17T19:00", "1996/12/17", "''", "[1996]"]
BROKEN_TEXT = ["[@", "[@daily-1996-12-18", "[@nowhere-1996]", "[see @; @x]", "{% timeline", "{% map places=",
               "{% map places=nowhere %}", "{% figure %}", "{% gallery %}", "{% timeline from=1996-13 %}",
               "{% timeline phase=nowhere %}", "{% map places=hall caption=\"open %}", "[^no-such-note]",
               "{% timeline tag=%}", "{% %}"]
BAD_HEADER_VALUES = ["{% timeline %}", "{% %}", "x" * 5000, "{% map places=hall %}"]
BAD_YAML = [
    ("tab indentation", replace(EVENTS, "  date: 1996-12-17", "\tdate: 1996-12-17")),
    ("bad indentation", replace(EVENTS, "  title: Guests arrive", "    title: Guests arrive")),
    ("unclosed list", replace(EVENTS, "sources: [daily-1996-12-18]", "sources: [daily-1996-12-18")),
    ("unclosed quote", replace(EVENTS, 'time: "19:00"', 'time: "19:00')),
    ("anchor and alias", replace(EVENTS, "places: [hall]\n  phase: seizure",
                                 "places: &p [hall]\n  phase: seizure\n  tags: *p")),
    ("alias bomb", lambda c: (c / EVENTS).write_text(
        "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n", encoding="utf-8")),
    ("self alias", lambda c: (c / EVENTS).write_text("- &a [*a]\n", encoding="utf-8")),
    ("deep nesting", lambda c: (c / EVENTS).write_text(f"- id: deep\n  tags: {nested(900)}\n", encoding="utf-8")),
    ("a mapping, not a list", lambda c: (c / EVENTS).write_text("id: lonely\ndate: 1996-12-17\n", encoding="utf-8")),
    ("a list of strings", lambda c: (c / EVENTS).write_text("- guests arrive\n- talks begin\n", encoding="utf-8")),
    ("duplicate key", replace(EVENTS, "  title: Guests arrive", "  title: Guests arrive\n  title: Again")),
    ("duplicate id", replace(EVENTS, "- id: talks-begin", "- id: guests-arrive")),
    ("unknown place", replace(EVENTS, "places: [hall]", "places: [hal]")),
    ("unknown source", replace(EVENTS, "sources: [gazeta-1997-01, almanac-entry]", "sources: [gazeta-1997-02]")),
    ("unknown phase", replace(EVENTS, "phase: negotiation", "phase: negotations")),
    ("misspelt field", replace(EVENTS, "  summary: Talks begin", "  sumary: Talks begin")),
    ("bad time", replace(EVENTS, 'time: "19:00"', 'time: "25:00"')),
    ("latitude out of range", replace(PLACES, "lat: -12.1", "lat: -212.1")),
    ("huge number", replace(PLACES, "lon: -77.03", "lon: 1" + "0" * 400)),
    ("not a number", replace(PLACES, "lon: -77.03", "lon: west")),
    ("swapped coordinates", replace(PLACES, "lat: -12.1\n  lon: -77.03", "lat: -77.03\n  lon: -12.1")),
    ("sign slip", replace(PLACES, "lon: -77.03", "lon: 77.03")),
    ("key not a key", replace(PLACES, "- key: hall", "- key: The Hall")),
    ("list as key", replace(PLACES, "  precision: district", "  [precision]: district")),
    ("unknown precision", replace(PLACES, "precision: district", "precision: roughly")),
    ("a folder for a data file", lambda c: ((c / PLACES).unlink(), (c / PLACES).mkdir())),
    ("invalid UTF-8 in YAML", insert_bytes(PLACES, 0.5, b"\xff\xfe")),
    ("NUL in YAML", insert_bytes(EVENTS, 0.3, b"\x00")),
]


BAD_FILES = [
    ("a link to a secret", lambda c: (c / "essays/03-secret.md").symlink_to("/etc/passwd")),
    ("a link to the environment", lambda c: (c / "images").mkdir() or (c / "images/e.png").symlink_to("/proc/self/environ")),
    ("a dangling link", lambda c: (c / "sources/gone.md").symlink_to(c / "sources/nowhere.md")),
    ("a link loop", lambda c: ((c / "pages/a.md").symlink_to("b.md"), (c / "pages/b.md").symlink_to("a.md"))),
    ("a link to a folder above", lambda c: (c / "essays/up").symlink_to("..")),
    ("a named pipe", lambda c: os.mkfifo(c / "essays/03-pipe.md")),
    ("a folder for an essay", lambda c: (c / "essays/03-folder.md").mkdir()),
]


def case(number: int, rng: random.Random):
    """The ``number``-th mistake: (what it is, how to make it)."""
    kind = number % 8
    if kind == 0:
        date = rng.choice(BAD_DATES)
        return f"essay Date {date!r}", replace(ESSAY, "Date: 2026-01-11", f"Date: {date}")
    if kind == 1:
        date = rng.choice(BAD_DATES[:-2])
        return f"source Published {date!r}", replace(SOURCE, "Published: 1996-12-18", f"Published: {date}")
    if kind == 2:
        date = rng.choice(BAD_EVENT_DATES)
        return f"event date {date!r}", replace(EVENTS, "date: 1997-01", f"date: {date}")
    if kind == 3:
        broken = rng.choice(BROKEN_TEXT)
        where = rng.choice([ESSAY, SOURCE])
        return f"{where} text {broken!r}", append(where, f"\n\nA sentence {broken} and more.\n")
    if kind == 4:
        field, value = rng.choice(["Title", "Summary"]), rng.choice(BAD_HEADER_VALUES)
        where = rng.choice([ESSAY, SOURCE])
        return f"{where} {field} {value[:20]!r}", replace(where, f"{field}: ", f"{field}: {value} ")
    if kind == 5:
        name, mistake = rng.choice([("no Title", drop_line(ESSAY, "Title:")), ("no Key", drop_line(SOURCE, "Key:")),
                                    ("Order twice", replace(ESSAY, "Order: 2", "Order: 2\nOrder: 3")),
                                    ("Order 0", replace(ESSAY, "Order: 2", "Order: 0")),
                                    ("Order taken", replace(ESSAY, "Order: 2", "Order: 1")),
                                    ("Key mismatch", replace(SOURCE, "Key: daily-1996-12-18", "Key: daily-1996-12-19")),
                                    ("Kind unknown", replace(SOURCE, "Kind: news report", "Kind: rumour")),
                                    ("Language bad", replace(SOURCE, "Language: en", "Language: English")),
                                    ("URL bad", replace(SOURCE, "URL: https://", "URL: javascript://")),
                                    ("no blank line", replace(ESSAY, "negotiations.\n\n", "negotiations.\n"))])
        return f"header: {name}", mistake
    if kind == 6:
        at, data = rng.random(), rng.choice([b"\xff", b"\xc3\x28", b"\xe2\x82", b"\x80\x80"])
        where = rng.choice([ESSAY, SOURCE, "pages/about.md"])
        return f"{where}: bytes {data!r} at {at:.2f}", insert_bytes(where, at, data)
    name, mistake = rng.choice(BAD_YAML + BAD_FILES)
    return f"data or files: {name}", mistake


class Hung(Exception):
    pass


def _hung(*_):
    raise Hung


def run_case(mistake, folder: Path, cache: Path) -> str | None:
    """None if the mistake was reported as it should be; otherwise what went wrong."""
    exhibit = copy_mini(folder)
    mistake(exhibit.content)
    previous = signal.signal(signal.SIGALRM, _hung)
    signal.alarm(20)
    try:
        log = exhibit.check(CACHE_PATH=str(cache))
    except Hung:
        return "hung (still running after 20 s)"
    except Exception as exc:  # noqa: BLE001 - any escape is what this test looks for
        return f"traceback: {type(exc).__name__}: {str(exc)[:200]}"
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    if not log.errors:
        return "wrong success: no error reported"
    unplaced = [str(e) for e in log.errors if not e.path.startswith("content/")
                or not (e.line or e.message.startswith(WHOLE_FILE))]
    if unplaced:
        return f"error without a file and line: {unplaced[0][:200]}"
    return None


def test_two_hundred_mistakes_each_end_in_a_located_error(tmp_path):
    rng = random.Random(SEED)
    cases = [case(number, rng) for number in range(CASES)]
    assert len({name for name, _ in cases}) > 80, "the fuzz should try many different mistakes"
    failures = []
    for number, (name, mistake) in enumerate(cases):
        problem = run_case(mistake, tmp_path / f"case-{number:03d}", tmp_path / "cache")
        if problem:
            failures.append(f"#{number} {name}: {problem}")
    assert failures == [], f"{len(failures)} of {CASES} cases went wrong:\n" + "\n".join(failures)
