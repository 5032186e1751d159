"""The Pagefind index built as the last step of a build, and the pages that feed it."""
from __future__ import annotations

import csv
import json
import re
import shutil

import pytest

from exhibit.texts import plain_text
from ops.build import build
from exhibit.errors import ExhibitBuildError
from discovery.search_index import damage

from tests.support import ROOT, build_copy, cite_in_an_event


def test_the_index_is_written_with_its_licence_and_without_unused_interfaces(dev_site):
    folder = dev_site.output / "pagefind"
    assert {"pagefind.js", "pagefind-worker.js", "pagefind-entry.json", "LICENSE"} <= {p.name for p in folder.iterdir()}
    assert not list(folder.glob("pagefind-*ui*")) and not (folder / "pagefind-highlight.js").exists()
    assert "MIT License" in (folder / "LICENSE").read_text()
    entry = json.loads((folder / "pagefind-entry.json").read_text())
    # 2 essays + 3 sources + the about page + 2 events + 1 place; not the 404, home, timeline or map pages.
    assert list(entry["languages"]) == ["en"] and entry["languages"]["en"]["page_count"] == 9


def test_the_index_is_the_same_for_the_same_exhibit(dev_site, tmp_path):
    """No Pagefind filters: Pagefind 1.5 writes them in hash-map order, different on every run."""
    again = build_copy(tmp_path, edit=cite_in_an_event)

    def files(site):
        folder = site.output / "pagefind"
        return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}

    assert files(again) == files(dev_site)
    assert not (dev_site.output / "pagefind/filter").exists()


def test_only_main_texts_are_marked_for_the_index_with_their_kind(dev_site):
    marked = {"essays/arrival.html": "Essay", "sources/gazeta-1997-01.html": "Source", "about.html": "Page"}
    for page, kind in marked.items():
        html = dev_site.text(page)
        assert html.count("data-pagefind-body") == 1
        assert f'data-pagefind-body data-pagefind-meta="type:{kind}"' in html
    for page in ("404.html", "index.html", "timeline.html", "map.html", "search.html", "data.html",
                 "sources/index.html"):
        assert "data-pagefind-body" not in dev_site.text(page), page
    # A source's title without its subtitle, for result lists.
    assert '<span data-pagefind-meta="title">Guests held after reception</span>' in (
        dev_site.text("sources/daily-1996-12-18.html"))


def test_every_page_has_a_search_box_that_works_without_javascript(dev_site):
    for page, root in (("index.html", "."), ("essays/arrival.html", ".."), ("sources/almanac-entry.html", "..")):
        html = dev_site.text(page)
        form = re.search(r'<form class="site-search" role="search"[^>]*>.*?</form>', html, re.S).group(0)
        assert f'action="{root}/search.html" method="get"' in form
        assert '<label class="site-search__label" for="site-search-q">Search the exhibit</label>' in form
        assert 'name="q"' in form and '<button class="site-search__button" type="submit">Search</button>' in form


def test_search_page_has_a_labelled_form_a_live_status_and_a_note_without_javascript(dev_site):
    html = dev_site.text("search.html")
    assert '<label class="search-form__label" for="search-q">' in html
    assert 'data-pagefind="./pagefind/pagefind.js"' in html
    assert '<p class="search-status" id="search-status" role="status" aria-atomic="true"></p>' in html
    assert re.findall(r'name="type" value="(\w+)"', html) == ["Essay", "Source", "Event", "Place", "Page"]
    assert "<noscript>" in html and '<meta name="robots" content="noindex">' in html
    assert '<script src="./theme/js/search.js" defer></script>' in html


def test_event_and_place_texts_lose_their_notes_in_plain_text():
    html = ('<p id="event-x-p-1">Guests arrive.<sup id="event-x-fnref-exhibit-cite-1"><a class="footnote-ref" '
            'href="#event-x-fn-exhibit-cite-1">1</a></sup> Then &ldquo;talks&rdquo;.</p>\n'
            '<div class="footnote" role="doc-endnotes"><p>Notes</p><ol><li>The Daily Fixture, 1996.</li></ol></div>')
    assert plain_text(html, "event-x-") == "Guests arrive. Then “talks”."
    assert plain_text("") == ""


def test_a_setting_that_points_search_results_nowhere_fails_the_build(tmp_path):
    with pytest.raises(ExhibitBuildError) as info:
        build_copy(tmp_path, DISCOVERY_EVENT_URL="timeline.html#evt-{id}")
    report = info.value.log.report()
    assert re.search(r"pelicanconf.py: error: DISCOVERY_EVENT_URL: event 'Guests arrive' and \d+ more should "
                     r"be shown at timeline.html#evt-guests-arrive, but that page has no such anchor", report)
    assert "set DISCOVERY_EVENT_URL to where a page shows each event" in report
    assert report.count("DISCOVERY_EVENT_URL: event") == 1  # one error for the page, not one per event
    assert not (tmp_path / "output").exists()


def test_a_theme_that_drops_the_events_ids_fails_the_build(tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    partial = theme / "templates/partials/timeline_event.html"
    partial.write_text(partial.read_text(encoding="utf-8").replace(' id="event-{{ item.id }}"', "", 1),
                       encoding="utf-8")
    with pytest.raises(ExhibitBuildError) as info:
        build_copy(tmp_path, THEME=str(theme))
    report = info.value.log.report()
    assert re.search(r"timeline.html: error: event 'Guests arrive' and \d+ more belong on this page, but there "
                     r'is no element with id="event-guests-arrive"', report)
    assert "a theme template no longer gives each event its id" in report
    assert "DISCOVERY_EVENT_URL" not in report  # the setting is not the mistake


def test_events_can_be_left_out_of_search(tmp_path):
    site = build_copy(tmp_path, DISCOVERY_EVENT_URL="")
    entry = json.loads((site.output / "pagefind/pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == 7
    with open(site.output / "data/events.csv", encoding="utf-8") as events:
        assert [row["page"] for row in csv.DictReader(events)] == ["", ""]


def files_of(folder):
    return {p: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_failed_index_fails_the_build_and_keeps_the_previous_output(tmp_path, monkeypatch):
    site = build_copy(tmp_path)
    before = files_of(site.output)
    essay = site.content / "essays/01-arrival.md"
    essay.write_text(essay.read_text(encoding="utf-8") + "\nA new closing sentence for search to find.\n",
                     encoding="utf-8")
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "no-such-pagefind"))
    with pytest.raises(ExhibitBuildError) as info:
        build(ROOT / "pelicanconf.py", site.output, {"PATH": str(site.content), "CACHE_PATH": str(tmp_path / "cache")})
    assert "pagefind: error: the search index could not be built" in info.value.log.report()
    assert files_of(site.output) == before


def test_a_rebuild_with_the_same_pages_reuses_the_last_index_without_running_pagefind(tmp_path, monkeypatch):
    site = build_copy(tmp_path)
    before = files_of(site.output / "pagefind")
    (site.content / "pages/about.md").touch()  # read again, the same page
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "no-such-pagefind"))
    build(ROOT / "pelicanconf.py", site.output, {"PATH": str(site.content), "CACHE_PATH": str(tmp_path / "cache")})
    assert {p.relative_to(site.output): data for p, data in files_of(site.output / "pagefind").items()} == {
        p.relative_to(site.output): data for p, data in before.items()}


def damage_kept_entry(tmp_path):
    """Empty the kept index's entry file in place, as a build killed while Pagefind wrote it would."""
    kept = next((tmp_path / "cache/search-index").iterdir())
    (kept / "pagefind-entry.json").write_bytes(b"")


def test_a_damaged_kept_index_is_made_again_not_reused(tmp_path):
    site = build_copy(tmp_path)
    damage_kept_entry(tmp_path)
    (site.content / "pages/about.md").touch()
    build(ROOT / "pelicanconf.py", site.output, {"PATH": str(site.content), "CACHE_PATH": str(tmp_path / "cache")})
    entry = json.loads((site.output / "pagefind/pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == 9


def test_a_damaged_kept_index_that_cannot_be_made_again_fails_the_build(tmp_path, monkeypatch):
    site = build_copy(tmp_path)
    damage_kept_entry(tmp_path)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "no-such-pagefind"))
    with pytest.raises(ExhibitBuildError) as info:
        build(ROOT / "pelicanconf.py", site.output, {"PATH": str(site.content), "CACHE_PATH": str(tmp_path / "cache")})
    assert "pagefind: error: the search index could not be built" in info.value.log.report()


@pytest.mark.parametrize("harm, problem", [
    (lambda f: (f / "pagefind-entry.json").write_bytes(b""), "pagefind-entry.json is missing, empty or not Pagefind's"),
    (lambda f: (f / "pagefind-entry.json").write_text('{"languages": {"en": {"hash": "x", "wasm": "en", '
                                                      '"page_count": 0}}}'), "counts 0 pages, but 9 were indexed"),
    (lambda f: next(f.glob("*.pf_meta")).unlink(), ".pf_meta is missing"),
    (lambda f: (f / "pagefind.js").unlink(), "pagefind.js is missing"),
    (lambda f: next((f / "fragment").iterdir()).write_bytes(b""), "is empty"),
    (lambda f: [p.unlink() for p in (f / "index").iterdir()], "its index/ folder is empty"),
])
def test_an_incomplete_index_is_recognised(dev_site, tmp_path, harm, problem):
    copy = tmp_path / "pagefind"
    shutil.copytree(dev_site.output / "pagefind", copy)
    assert damage(copy, 9) is None
    harm(copy)
    assert problem in damage(copy, 9)


def test_pages_tell_search_the_languages_of_their_titles_and_texts(dev_site, tmp_path):
    """A source's title is in its own language; an essay may be written in another language."""
    assert ('<meta name="search-title-lang" content="es" data-pagefind-meta="title_lang[content]">'
            in dev_site.text("sources/gazeta-1997-01.html"))
    for page in ("sources/daily-1996-12-18.html", "essays/talks.html", "about.html"):
        assert 'name="search-' not in dev_site.text(page), page

    def spanish_essay(content):
        essay = content / "essays/02-talks.md"
        essay.write_text(essay.read_text(encoding="utf-8").replace("Order: 2\n", "Order: 2\nLang: es\n", 1),
                         encoding="utf-8")

    # Pelican writes an essay in another language to {slug}-{lang}.html unless told otherwise.
    site = build_copy(tmp_path, edit=spanish_essay, ARTICLE_LANG_SAVE_AS="essays/{slug}.html",
                      ARTICLE_LANG_URL="essays/{slug}.html")
    assert ('<meta name="search-lang" content="es" data-pagefind-meta="lang[content]">'
            in site.text("essays/talks.html"))
