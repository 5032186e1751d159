"""The facts the history pass corrected (docs/FACT-CHECK.md), pinned so they cannot quietly come back.

Each test reads the real exhibit's model (content/), not a fixture: these are facts about 1996–97,
checked against the sources named in each assertion.
"""
from __future__ import annotations

import re

import pytest

from exhibit.loader import load_exhibit
from tests.support import ROOT

CONTENT = ROOT / "content"


@pytest.fixture(scope="module")
def exhibit():
    model = load_exhibit(CONTENT)
    assert not model.log.errors, model.log.report()
    return model


def texts(exhibit):
    """(where, paragraph) for every essay paragraph, event summary and place description."""
    for path in sorted((CONTENT / "essays").glob("*.md")):
        for number, paragraph in enumerate(path.read_text(encoding="utf-8").split("\n\n")):
            yield f"{path.name} ¶{number}", paragraph
    for event in exhibit.events:
        yield f"event {event.id}", event.summary
    for place in exhibit.places.values():
        yield f"place {place.key}", place.description


def test_polay_was_held_at_callao_during_the_crisis(exhibit):
    # UN Human Rights Committee, Views of 6 Nov 1997 (un-hrc-1997-11-06-polay-campos): Yanamayo from
    # 22 July 1992, the Callao Naval Base from 26 April 1993, still there in November 1997.
    callao = exhibit.places["callao-naval-base"].description
    assert "Polay" in callao and "1993" in callao
    assert "Polay" not in exhibit.places["yanamayo-prison"].description
    for where, text in texts(exhibit):
        if "Polay" in text and "Yanamayo" in text:
            assert "Callao" in text, f"{where} puts Polay at Yanamayo without saying he was moved to Callao"


def test_maps_beside_polay_show_callao(exhibit):
    essay = (CONTENT / "essays/02-the-mrta.md").read_text(encoding="utf-8")
    maps = re.findall(r"\{% map places=([\w,-]+)", essay)
    assert any("callao-naval-base" in m.split(",") for m in maps)
    assert not any("yanamayo-prison" in m.split(",") for m in maps)


def test_terada_was_ambassador_to_mexico(exhibit):
    # Baltimore Sun 2 Feb 1997, Maclean's 10 Feb 1997, Jiji 2022: Japan's ambassador to Mexico, an observer.
    named = [(where, text) for where, text in texts(exhibit) if "Terada" in text]
    assert named
    for where, text in named:
        assert not re.search(r"ambassador to Peru,? \[?Terusuke", text), where
    assert any("Mexico" in text for _, text in named)
    by_event = {e.id: e.summary for e in exhibit.events if "Terada" in e.summary}
    assert any("Mexico" in summary for summary in by_event.values())


def test_the_two_commandos_killed_by_rank_and_full_name(exhibit):
    # El País 2015, RPP 2017: Lieutenant Colonel Juan Valer Sandoval, Lieutenant Raúl Jiménez Chávez.
    essay = (CONTENT / "essays/05-operation-chavin-de-huantar.md").read_text(encoding="utf-8")
    assert "Lieutenant Colonel [Juan Valer Sandoval]" in essay
    assert "Lieutenant [Raúl Jiménez Chávez]" in essay
    for where, text in texts(exhibit):
        assert "Commander Juan Valer" not in text, where


def test_the_commission_merits_report_is_66_11(exhibit):
    record = exhibit.sources["iachr-merits-2011"]
    assert "66/11" in record.title
    assert any("66/11" in text for _, text in texts(exhibit))


def test_releases_of_24_december_and_1_january_are_in_the_timeline(exhibit):
    by_day = {}
    for event in exhibit.events:
        by_day.setdefault(str(event.date), []).append(event.summary)
    assert any("Uruguay" in s for s in by_day["1996-12-24"])
    assert any("seven" in s for s in by_day["1997-01-01"])


def test_the_hostages_series_keeps_the_corrected_counts(exhibit):
    """content/data/hostages-held.yaml feeds both the chart and the home page's strip."""
    counts = {(str(c.date), c.count): c.sources for c in exhibit.hostages_held}
    assert counts[("1996-12-24", 105)] == ["time-1996-12-24-uruguay"]  # Time: after Uruguay's ambassador
    assert ("1997-01-02", 74) in counts  # Japan Times: after the seven of 1 January
    assert counts[("1996-12-30", 83)] == ["independent-1996-12-30", "irish-times-1996-12-30"]


def test_every_source_says_how_it_was_consulted(exhibit):
    allowed = {"in full", "in part", "through another source"}
    for path in sorted((CONTENT / "sources").glob("*.md")):
        header = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
        found = re.search(r"^Consulted: (.+)$", header, re.M)
        assert found and found[1].strip() in allowed, path.name


def test_the_court_judgment_is_cited_by_paragraph():
    essay = (CONTENT / "essays/06-aftermath.md").read_text(encoding="utf-8")
    assert re.search(r"@iachr-cruz-sanchez-2015, paras?\. \d+", essay)
    assert "@andina-2015-06-30" not in essay
