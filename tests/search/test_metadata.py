"""Link-preview tags and schema.org JSON-LD, read back from the built pages as a crawler would."""
from __future__ import annotations

import json
from html.parser import HTMLParser

from discovery.metadata import script_json
from tests.support import PUBLIC_URL as PUBLIC, build_copy


class _Head(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, list[str]] = {}
        self.scripts: list[str] = []
        self._in_jsonld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and (attrs.get("property") or attrs.get("name")):
            self.meta.setdefault(attrs.get("property") or attrs.get("name"), []).append(attrs.get("content"))
        self._in_jsonld = tag == "script" and attrs.get("type") == "application/ld+json"
        if self._in_jsonld:
            self.scripts.append("")

    def handle_data(self, data):
        if self._in_jsonld:
            self.scripts[-1] += data

    def handle_endtag(self, tag):
        self._in_jsonld = False


def head(html: str) -> _Head:
    parsed = _Head()
    parsed.feed(html)
    return parsed


def graph(html: str) -> dict[str, dict]:
    """The page's JSON-LD nodes by type (the page node under 'page')."""
    scripts = head(html).scripts
    assert len(scripts) == 1
    nodes = json.loads(scripts[0])["@graph"]
    website, page = nodes
    assert website["@type"] == "WebSite"
    return {"WebSite": website, "page": page}


def test_script_json_cannot_close_its_script_element():
    text = str(script_json({"title": "</script><!-- & -->"}))
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"title": "</script><!-- & -->"}


def test_an_essay_is_an_article_citing_its_sources(dev_site):
    page = graph(dev_site.text("essays/arrival.html"))["page"]
    article = page["mainEntity"]
    assert article["@type"] == "Article" and article["headline"] == "The evening of the reception"
    assert article["datePublished"] == "2026-01-10" and article["position"] == 1
    assert article["description"].startswith("A short fixture essay")
    cited = {c["@id"]: c for c in article["citation"]}
    assert sorted(cited) == ["../sources/almanac-entry.html#source", "../sources/daily-1996-12-18.html#source",
                             "../sources/gazeta-1997-01.html#source"]
    daily = cited["../sources/daily-1996-12-18.html#source"]
    assert daily["@type"] == "NewsArticle" and daily["url"] == "https://daily.example.org/1996/12/18/guests.html"
    assert daily["author"] == [{"@type": "Person", "givenName": "Jane", "familyName": "Doe", "name": "Jane Doe"}]
    assert daily["publisher"] == {"@type": "Organization", "name": "The Daily Fixture"}
    assert "citation" not in graph(dev_site.text("essays/talks.html"))["page"]["mainEntity"]  # cites nothing


def test_places_have_coordinates_and_events_dates(dev_site):
    places = graph(dev_site.text("map.html"))["page"]["mainEntity"]["itemListElement"]
    hall = places[0]["item"]
    assert hall["@type"] == "Place" and hall["@id"] == "./map.html#place-hall"
    assert hall["geo"] == {"@type": "GeoCoordinates", "latitude": -12.1, "longitude": -77.03}
    assert hall["alternateName"] == [{"@value": "Salón de recepciones", "@language": "es"}]
    events = [e["item"] for e in graph(dev_site.text("timeline.html"))["page"]["mainEntity"]["itemListElement"]]
    assert [(e["name"], e["startDate"]) for e in events] == [("Guests arrive", "1996-12-17T19:00:00-05:00"),
                                                             ("Talks begin", "1997-01")]
    assert events[0]["description"] == "The invented guests arrive at the reception."  # no note number
    assert events[0]["location"] == [{"@type": "Place", "@id": "./map.html#place-hall", "name": "The reception hall"}]


def test_source_home_and_data_pages(dev_site):
    source = graph(dev_site.text("sources/gazeta-1997-01.html"))["page"]["mainEntity"]
    assert (source["@type"], source["name"], source["inLanguage"], source["datePublished"]) == (
        "ScholarlyArticle", "Conversaciones en la residencia", "es", "1997-01")
    daily = graph(dev_site.text("sources/daily-1996-12-18.html"))["page"]["mainEntity"]
    assert daily["abstract"]  # its own page summarises it; an essay's citations only name it
    home = graph(dev_site.text("index.html"))["page"]
    assert home["@type"] == "CollectionPage"
    assert [part["headline"] for part in home["hasPart"]] == ["The evening of the reception", "Talks across the wall"]
    dataset = graph(dev_site.text("data.html"))["page"]["mainEntity"]
    assert dataset["@type"] == "Dataset" and dataset["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert [d["contentUrl"] for d in dataset["distribution"]][:2] == ["./data/events.csv", "./data/events.json"]


def test_link_preview_tags(dev_site, public_site):
    tags = head(dev_site.text("essays/arrival.html")).meta
    assert tags["og:title"] == ["The evening of the reception"]  # without the site's name
    assert tags["og:type"] == ["article"] and tags["article:published_time"] == ["2026-01-10"]
    assert tags["og:site_name"] == ["126 Days in Lima"]
    assert "og:url" not in tags  # no absolute address in development
    assert len(tags["twitter:card"]) == 1  # ours, or the images plugin's when the page has a card
    public = head(public_site.text("essays/arrival.html")).meta
    assert public["og:url"] == [f"{PUBLIC}/essays/arrival.html"]
    assert head(public_site.text("map.html")).meta["og:url"] == [f"{PUBLIC}/map.html"]
    assert head(public_site.text("index.html")).meta["og:url"] == [f"{PUBLIC}/"]
    assert head(public_site.text("about.html")).meta["og:type"] == ["website"]


def test_production_structured_data_uses_the_public_address(public_site):
    nodes = graph(public_site.text("essays/arrival.html"))
    assert nodes["WebSite"]["@id"] == f"{PUBLIC}/#website"
    assert nodes["WebSite"]["potentialAction"]["target"] == f"{PUBLIC}/search.html?q={{query}}"
    assert nodes["page"]["mainEntity"]["@id"] == f"{PUBLIC}/essays/arrival.html#article"


def test_a_title_that_closes_a_script_stays_inside_the_json(tmp_path):
    title = "Talks </script><script>alert(1)</script> & after"

    def hostile(content):
        essay = content / "essays/02-talks.md"
        essay.write_text(essay.read_text(encoding="utf-8").replace("Title: Talks across the wall", f"Title: {title}"),
                         encoding="utf-8")

    site = build_copy(tmp_path, edit=hostile)
    html = site.text("essays/talks.html")
    assert "<script>alert(1)" not in html
    assert graph(html)["page"]["mainEntity"]["headline"] == title
    assert head(html).meta["og:title"] == ["Talks alert(1) & after"]  # as the page's <title> shows it
    home = graph(site.text("index.html"))["page"]
    assert home["hasPart"][1]["headline"] == title


def test_long_lists_describe_only_their_first_records_but_count_all(tmp_path, dev_site):
    site = build_copy(tmp_path, METADATA_LIST_LIMIT=1)
    for page in ("map.html", "timeline.html"):
        full = graph(dev_site.text(page))["page"]["mainEntity"]
        capped = graph(site.text(page))["page"]["mainEntity"]
        assert full["numberOfItems"] == len(full["itemListElement"]) >= 1, page
        assert capped["numberOfItems"] == full["numberOfItems"], page
        assert capped["itemListElement"] == full["itemListElement"][:1], page
    assert len(graph(dev_site.text("timeline.html"))["page"]["mainEntity"]["itemListElement"]) > 1
