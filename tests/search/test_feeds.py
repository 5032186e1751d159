"""The Atom feed, sitemap.xml and robots.txt, parsed and checked against the pages that exist."""
from __future__ import annotations

import re
from xml.etree import ElementTree as ET

from tests.search.sites import MINI

PUBLIC = "https://lima-1996.example.org"
ATOM = {"atom": "http://www.w3.org/2005/Atom"}
SITEMAP = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def page_of(site, address: str):
    """The output file an absolute address of the exhibit serves."""
    assert address.startswith(f"{PUBLIC}/"), address
    path = address.removeprefix(f"{PUBLIC}/").split("#")[0] or "index.html"
    return site.output / path


def summaries() -> dict[str, str]:
    found = {}
    for essay in sorted((MINI / "essays").glob("*.md")):
        header = dict(re.findall(r"^(\w[\w-]*): (.*)$", essay.read_text(encoding="utf-8").split("\n\n")[0], re.M))
        found[header["Title"]] = header["Summary"]
    return found


def test_the_feed_has_one_entry_per_essay_linking_to_its_page(public_site):
    feed = ET.fromstring((public_site.output / "feeds/essays.atom.xml").read_bytes())
    assert feed.find("atom:link[@rel='self']", ATOM).get("href") == f"{PUBLIC}/feeds/essays.atom.xml"
    entries = feed.findall("atom:entry", ATOM)
    expected = summaries()
    assert sorted(e.find("atom:title", ATOM).text for e in entries) == sorted(expected)
    ids = [e.find("atom:id", ATOM).text for e in entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("tag:lima-1996.example.org,") for i in ids)
    for entry in entries:
        link = entry.find("atom:link[@rel='alternate']", ATOM).get("href")
        assert page_of(public_site, link).is_file(), link
        summary = entry.find("atom:summary", ATOM).text
        assert summary == f"<p>{expected[entry.find('atom:title', ATOM).text]}</p>"
        content = entry.find("atom:content", ATOM).text
        for href in re.findall(r'href="([^"#][^"]*)"', content):  # links out of the text are absolute
            if href.startswith(PUBLIC):
                assert page_of(public_site, href).is_file(), href
    # Every page links the feed.
    assert f'type="application/atom+xml" title="126 Days in Lima: essays" href="{PUBLIC}/feeds/essays.atom.xml"' in (
        public_site.text("essays/talks.html"))


def test_the_sitemap_lists_every_page_at_its_canonical_address(public_site):
    sitemap = ET.fromstring((public_site.output / "sitemap.xml").read_bytes())
    listed = [url.find("sm:loc", SITEMAP).text for url in sitemap.findall("sm:url", SITEMAP)]
    pages = {str(p.relative_to(public_site.output)) for p in public_site.output.rglob("*.html")}
    assert {str(page_of(public_site, a).relative_to(public_site.output)) for a in listed} == (
        pages - {"404.html", "search.html"})
    assert len(listed) == len(set(listed))
    for address in listed:
        html = page_of(public_site, address).read_text(encoding="utf-8")
        assert f'<link rel="canonical" href="{address}">' in html, address
    lastmod = {url.find("sm:loc", SITEMAP).text: url.find("sm:lastmod", SITEMAP)
               for url in sitemap.findall("sm:url", SITEMAP)}
    assert lastmod[f"{PUBLIC}/essays/arrival.html"].text == "2026-01-10"
    assert lastmod[f"{PUBLIC}/"] is None  # only what the exhibit knows is dated


def test_robots_points_at_the_sitemap_in_production_only(public_site, dev_site):
    assert public_site.text("robots.txt") == f"User-agent: *\nAllow: /\n\nSitemap: {PUBLIC}/sitemap.xml\n"
    assert dev_site.text("robots.txt") == "User-agent: *\nAllow: /\n"
    assert not (dev_site.output / "sitemap.xml").exists()  # the protocol needs absolute addresses
    assert not (dev_site.output / "feeds").exists()
