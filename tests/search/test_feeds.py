"""The Atom feed, sitemap.xml and robots.txt, parsed and checked against the pages that exist."""
from __future__ import annotations

import re
from xml.etree import ElementTree as ET

from discovery.feed import entry_html, safe_html
from tests.support import MINI, PUBLIC_URL as PUBLIC

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


def content_notes() -> dict[str, str]:
    found = {}
    for essay in sorted((MINI / "essays").glob("*.md")):
        header = dict(re.findall(r"^(\w[\w-]*): (.*)$", essay.read_text(encoding="utf-8").split("\n\n")[0], re.M))
        if "Content-Note" in header:
            found[header["Title"]] = header["Content-Note"]
    return found


def test_the_feed_is_valid_atom_with_one_entry_per_essay_linking_to_its_page(public_site):
    feed = ET.fromstring((public_site.output / "feeds/essays.atom.xml").read_bytes())
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
    # RFC 4287: a feed has id, title, updated and (here, for every entry) an author.
    for name in ("id", "title", "updated", "author/atom:name"):
        assert (feed.findtext(f"atom:{name}", namespaces=ATOM) or "").strip(), name
    assert feed.findtext("atom:title", namespaces=ATOM) == "126 Days in Lima: essays"
    assert feed.find("atom:link[@rel='self']", ATOM).get("href") == f"{PUBLIC}/feeds/essays.atom.xml"
    entries = feed.findall("atom:entry", ATOM)
    expected = summaries()
    assert sorted(e.find("atom:title", ATOM).text for e in entries) == sorted(expected)
    ids = [e.find("atom:id", ATOM).text for e in entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("tag:lima-1996.museum,") for i in ids)
    for entry in entries:
        for name in ("id", "title", "updated", "author/atom:name"):
            assert (entry.findtext(f"atom:{name}", namespaces=ATOM) or "").strip(), name
        link = entry.find("atom:link[@rel='alternate']", ATOM).get("href")
        assert page_of(public_site, link).is_file(), link
        # The summary, then a link to the essay; never the essay's full text with its embeds.
        summary = entry.find("atom:summary", ATOM)
        assert summary.get("type") == "html" and entry.find("atom:content", ATOM) is None
        text = summary.text
        assert text.startswith(f"<p>{expected[entry.find('atom:title', ATOM).text]}</p>")
        assert text.endswith(f'<p><a href="{link}">Read the essay in the exhibit</a></p>')
    # Every page links the feed.
    assert f'type="application/atom+xml" title="126 Days in Lima: essays" href="{PUBLIC}/feeds/essays.atom.xml"' in (
        public_site.text("essays/talks.html"))


def test_feed_entries_carry_the_content_note_as_text_and_nothing_that_runs(public_site):
    raw = (public_site.output / "feeds/essays.atom.xml").read_text(encoding="utf-8")
    feed = ET.fromstring(raw.encode("utf-8"))
    notes = content_notes()
    assert notes  # the fixture has an essay with a content note
    for entry in feed.findall("atom:entry", ATOM):
        note = notes.get(entry.find("atom:title", ATOM).text)
        text = entry.find("atom:summary", ATOM).text
        assert (f"<p><strong>Content note.</strong> {note}</p>" in text) == bool(note)
    for unsafe in ("<script", "&lt;script", "<iframe", "&lt;iframe", "data-pagefind", "footnote-ref"):
        assert unsafe not in raw


def test_feed_html_is_cleaned_of_anything_that_runs_and_links_are_absolute():
    fragment = ('<p onclick="steal()">The <span lang="es">toma</span> of the <a href="../sources/a.html">hall</a>'
                '<sup id="fnref-1"><a role="doc-noteref" class="footnote-ref" href="#fn-1">1</a></sup>.'
                '<script>alert(1)</script><iframe src="https://elsewhere.example/"></iframe></p>')
    assert safe_html(fragment, "https://x.example/essays/e.html") == (
        '<p>The <span lang="es">toma</span> of the <a href="https://x.example/sources/a.html">hall</a>.</p>')
    assert entry_html("<p>Short.</p>", "Violence & <death>.", "https://x.example/e.html") == (
        '<p>Short.</p>\n<p><strong>Content note.</strong> Violence &amp; &lt;death&gt;.</p>\n'
        '<p><a href="https://x.example/e.html">Read the essay in the exhibit</a></p>')


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
