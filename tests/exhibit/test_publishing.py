"""The corrections channel (EXHIBIT_CORRECTIONS, `{% corrections %}`, the footer's link) and what a
production build refuses: an empty or placeholder channel or public address."""
import os
import subprocess
import sys

import pytest

from exhibit.errors import ExhibitBuildError
from exhibit.publishing import parse_channel, placeholder
from tests.support import CORRECTIONS, PUBLIC_URL, copy_mini

ABOUT = "Title: About this exhibit\nSlug: about\n\nTo report an error, write to us:\n\n{% corrections %}\n\nThanks.\n"
PLACEHOLDERS = ["mailto:corrections@lima-1996.example.org", "https://corrections.example.com/form",
                "mailto:c@example.net", "https://exhibit.example/corrections", "mailto:c@lima.invalid",
                "https://lima.test/corrections", "mailto:corrections@localhost", "https://site.localhost/"]


@pytest.mark.parametrize("host", ["example.org", "lima-1996.example.org", "EXAMPLE.COM", "a.example.net",
                                  "exhibit.example", "lima.invalid", "lima.test", "localhost", "a.localhost."])
def test_names_reserved_for_examples_and_tests_are_placeholders(host):
    assert "reserved for examples and tests" in placeholder(host)


@pytest.mark.parametrize("host", ["lima-1996.museum", "example.org.pe", "myexample.org", "testing.pe", "127.0.0.1"])
def test_other_hosts_are_not(host):
    assert placeholder(host) is None


def test_an_email_channel_shows_the_address_and_links_with_a_subject():
    channel = parse_channel("mailto:corrections@lima-1996.museum")
    assert channel.email and channel.host == "lima-1996.museum"
    assert channel.href("Correction: The seizure — 126 Days") == (
        "mailto:corrections@lima-1996.museum?subject=Correction%3A%20The%20seizure%20%E2%80%94%20126%20Days")
    page = parse_channel("https://lima-1996.museum/corrections")
    assert not page.email and page.host == "lima-1996.museum"
    assert page.href("any subject") == "https://lima-1996.museum/corrections"


@pytest.mark.parametrize("value, message", [
    ("corrections@lima-1996.museum", "expected mailto:<address> or an https:// address"),
    ("http://lima-1996.museum/corrections", "expected mailto:<address> or an https:// address"),
    ("mailto:corrections@lima-1996.museum?subject=Hi", "the exhibit adds the subject line itself"),
    ("mailto:a@b, c@d", "expected mailto: and one e-mail address"),
])
def test_other_values_are_refused(value, message):
    with pytest.raises(ValueError, match=message.replace("?", r"\?")):
        parse_channel(value)


def test_the_embed_and_every_footer_link_the_channel(mini):
    mini.write("pages/about.md", ABOUT)
    mini.build()
    assert ('write to us:</p>\n<p><a href="mailto:corrections@lima-1996.museum?subject=Correction%20to%20126%20'
            'Days%20in%20Lima">corrections@lima-1996.museum</a></p>\n<p id="p-2">Thanks.</p>') in mini.html("about.html")
    for page in ("index.html", "essays/arrival.html", "sources/index.html", "map.html", "timeline.html", "404.html"):
        assert '?subject=Correction%3A%20' in mini.html(page) and ">Report an error</a>" in mini.html(page)
    assert ('href="mailto:corrections@lima-1996.museum?subject=Correction%3A%20Talks%20across%20the%20wall%20'
            '%E2%80%94%20126%20Days%20in%20Lima">Report an error</a>') in mini.html("essays/talks.html")


def test_a_corrections_page_is_linked_as_it_is(mini):
    mini.write("pages/about.md", ABOUT)
    mini.build(EXHIBIT_CORRECTIONS="https://lima-1996.museum/corrections?form=1&lang=en")
    link = '<a href="https://lima-1996.museum/corrections?form=1&amp;lang=en">'
    assert link + "https://lima-1996.museum/corrections?form=1&amp;lang=en</a>" in mini.html("about.html")
    assert link + "Report an error</a>" in mini.html("index.html")


def test_the_embed_takes_no_arguments(mini):
    mini.write("pages/about.md", ABOUT.replace("{% corrections %}", "{% corrections to=me %}"))
    with pytest.raises(ExhibitBuildError) as info:
        mini.build()
    assert ("content/pages/about.md:6: error: {% corrections to=me %}: corrections takes no arguments, got to"
            in info.value.log.report())


def test_a_development_build_warns_about_a_placeholder_channel(mini):
    log = mini.build(EXHIBIT_CORRECTIONS=PLACEHOLDERS[0])
    (warning,) = log.warnings
    assert warning.path.endswith("pelicanconf.py") and warning.line is not None
    assert warning.message == ("EXHIBIT_CORRECTIONS: 'mailto:corrections@lima-1996.example.org' is a placeholder "
                               "(lima-1996.example.org is reserved for examples and tests: no one can be reached "
                               "there): fine for a preview, but `invoke build` (production) refuses it")
    assert "the environment variable EXHIBIT_CORRECTIONS" in warning.hint
    assert "mailto:corrections@lima-1996.example.org" in mini.html("index.html")


def test_any_build_refuses_an_empty_or_malformed_channel(mini):
    for value, message in (("", "EXHIBIT_CORRECTIONS: empty, so readers would have no way to report an error"),
                           ("ftp://lima-1996.museum/", "EXHIBIT_CORRECTIONS: expected mailto:<address> or an "
                                                       "https:// address, got 'ftp://lima-1996.museum/'")):
        with pytest.raises(ExhibitBuildError) as info:
            mini.build(EXHIBIT_CORRECTIONS=value)
        assert message in info.value.log.report() and "pelicanconf.py:" in info.value.log.report()


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The mini exhibit built for production with real addresses, its files' bytes kept."""
    mini = copy_mini(tmp_path_factory.mktemp("published"))
    mini.build("publishconf.py")
    return mini, {p: p.read_bytes() for p in mini.output.rglob("*") if p.is_file()}


@pytest.mark.parametrize("value", ["", *PLACEHOLDERS])
def test_production_refuses_an_empty_or_placeholder_channel_and_keeps_the_output(published, monkeypatch, value):
    mini, before = published
    monkeypatch.setenv("EXHIBIT_CORRECTIONS", value)
    with pytest.raises(ExhibitBuildError) as info:
        mini.build("publishconf.py")
    (error,) = info.value.log.errors
    expected = (f"EXHIBIT_CORRECTIONS: {value!r} is a placeholder (" if value else "EXHIBIT_CORRECTIONS: empty")
    assert error.path.endswith("pelicanconf.py") and error.message.startswith(expected)
    assert "the environment variable EXHIBIT_CORRECTIONS" in error.hint
    assert {p: p.read_bytes() for p in mini.output.rglob("*") if p.is_file()} == before


@pytest.mark.parametrize("value, message", [
    ("", "SITEURL: empty, but a production build needs the exhibit's public address"),
    ("https://lima-1996.example.org", "SITEURL: 'https://lima-1996.example.org' is a placeholder "
     "(lima-1996.example.org is reserved for examples and tests: no one can be reached there)"),
    ("http://localhost:8000", "SITEURL: 'http://localhost:8000' is a placeholder"),
    ("lima-1996.museum", "SITEURL: expected the exhibit's public address, https://<host>[/<path>], got 'lima-1996.museum'"),
])
def test_production_refuses_an_empty_or_placeholder_public_address(published, monkeypatch, value, message):
    mini, before = published
    monkeypatch.setenv("EXHIBIT_SITEURL", value)
    with pytest.raises(ExhibitBuildError) as info:
        mini.build("publishconf.py")
    (error,) = info.value.log.errors
    assert error.path.endswith("publishconf.py") and error.message.startswith(message)
    assert error.hint.startswith("set the environment variable EXHIBIT_SITEURL")
    assert {p: p.read_bytes() for p in mini.output.rglob("*") if p.is_file()} == before


def test_invoke_build_passes_with_the_defaults_and_refuses_placeholders_saying_what_to_set(project):
    def invoke_build(**environ):
        env = {k: v for k, v in os.environ.items() if not k.startswith("EXHIBIT_")}
        return subprocess.run([sys.executable, "-m", "invoke", "build"], cwd=project, capture_output=True,
                              text=True, env={**env, **environ})

    assert invoke_build().returncode == 0  # README's first command, on a fresh machine
    index = (project / "output/index.html").read_bytes()
    assert f'<link rel="canonical" href="{PUBLIC_URL}/">' in index.decode()
    result = invoke_build(EXHIBIT_SITEURL="", EXHIBIT_CORRECTIONS=PLACEHOLDERS[0])
    assert result.returncode == 1 and (project / "output/index.html").read_bytes() == index
    assert "publishconf.py:" in result.stderr and "SITEURL: empty" in result.stderr
    assert "EXHIBIT_CORRECTIONS: 'mailto:corrections@lima-1996.example.org' is a placeholder" in result.stderr
    assert "EXHIBIT_SITEURL=https://<host>" in result.stderr and "output/ was left as it was" in result.stderr


def test_a_production_build_with_real_addresses_names_no_placeholder_anywhere(mini):
    for path in (mini.content / "sources").glob("*.md"):  # the fixture's own invented source addresses
        path.write_text(path.read_text(encoding="utf-8").replace("example.org", "fixture.pe"), encoding="utf-8")
    mini.write("pages/about.md", ABOUT)
    mini.build("publishconf.py")
    files = [p for p in mini.output.rglob("*") if p.is_file()]
    assert len(files) > 50
    assert [p for p in files if b"example.org" in p.read_bytes()] == []
    assert f'<link rel="canonical" href="{PUBLIC_URL}/about.html">' in mini.html("about.html")
    assert f'href="{CORRECTIONS}?subject=Correction%20to%20126%20Days%20in%20Lima"' in mini.html("about.html")

