"""Whole builds with images: figures, derivatives, metadata stripping, the cache, social cards,
favicons, static maps, and every curator mistake the build must name."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from PIL import Image

from exhibit.errors import ExhibitBuildError
from tests.images.pictures import SIDECAR, bomb, diagram, photograph, truncated

ESSAY = "essays/01-arrival.md"
FIGURE_PHOTO = "{% figure src=reception.jpg %}"
FIGURE_DIAGRAM = "{% figure src=plans/hall.png %}"


def place(exhibit, directive: str, essay: str = ESSAY, after: str = "## What the first report said") -> None:
    path = exhibit.content / essay
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(after, f"{directive}\n\n{after}", 1) if after in text else
                    f"{text}\n{directive}\n", encoding="utf-8")


@pytest.fixture
def pictured(mini):
    """``mini`` with a photograph (after the first paragraph) and a diagram (at the end) in essay 1."""
    photograph(mini.content / "images/reception.jpg", orientation=6)
    mini.write("images/reception.yaml", SIDECAR.format(alt="Guests arriving at the <reception>"))
    diagram(mini.content / "images/plans/hall.png")
    mini.write("images/plans/hall.yaml", "decorative: true\ncredit: Drawn for the tests\nlicence: CC0\n")
    place(mini, FIGURE_PHOTO)
    place(mini, FIGURE_DIAGRAM, after="[^aside]: ")
    return mini


@pytest.fixture
def built(pictured):
    pictured.build()
    return pictured


def figures(html: str) -> list[str]:
    return re.findall(r'<figure class="figure">.*?</figure>', html, re.S)


def srcset_files(figure: str) -> list[tuple[str, int]]:
    return [(url, int(w)) for url, w in re.findall(r'\.\./(images/[^ ",]+) (\d+)w', figure)]


def test_figures_offer_modern_formats_then_a_fallback_at_every_width(built):
    photo, plan = figures(built.html("essays/arrival.html"))
    assert re.findall(r'<source type="([^"]+)"', photo) == ["image/avif", "image/webp"]
    # The photograph is 2000 × 1200, turned upright by its EXIF orientation: 1200 × 2000.
    assert 'width="1200" height="2000"' in photo
    files = srcset_files(photo)
    assert {w for _, w in files} == {480, 800, 1200}  # never wider than the original
    assert {Path(url).suffix for url, _ in files} == {".avif", ".webp", ".jpg"}
    for url, width in files:
        with Image.open(built.output / url) as image:
            assert image.size == (width, round(2000 * width / 1200))
            assert image.format == {".avif": "AVIF", ".webp": "WEBP", ".jpg": "JPEG"}[Path(url).suffix]
    assert re.search(r'<img class="figure__img" src="\.\./images/reception-[0-9a-f]{10}-800\.jpg"', photo)
    assert 'sizes="(min-width: 45rem) 42rem, calc(100vw - 2.5rem)"' in photo
    # The diagram keeps its transparency in a PNG fallback, and is no wider than its 600 px.
    assert {w for _, w in srcset_files(plan)} == {480, 600}
    fallback = [url for url, _ in srcset_files(plan) if url.endswith(".png")]
    with Image.open(built.output / fallback[-1]) as image:
        assert image.mode == "RGBA" and image.size == (600, 400)


def test_published_images_carry_no_metadata(built):
    published = [p for p in (built.output / "images").glob("*") if p.is_file()]
    assert len(published) == 3 * 3 + 3 * 2  # photograph: 3 formats × 3 widths; diagram: × 2
    for path in published:
        with Image.open(path) as image:
            assert not image.getexif(), f"{path.name} keeps EXIF"
            assert not {"exif", "xmp", "icc_profile", "XML:com.adobe.xmp", "Author", "comment"} & set(image.info), \
                f"{path.name} keeps {set(image.info)}"
        assert b"Fixture Camera" not in path.read_bytes() and b"Lima" not in path.read_bytes()
    # The originals (and their sidecars) are not published at all.
    published = {p.relative_to(built.output).as_posix() for p in built.output.rglob("*")}
    assert not {"images/reception.jpg", "images/reception.yaml", "images/plans/hall.png"} & published
    assert not [p for p in published if p.endswith(".yaml")]


def test_figure_has_caption_credit_licence_date_and_source_links_all_escaped(built):
    photo, plan = figures(built.html("essays/arrival.html"))
    assert 'alt="Guests arriving at the &lt;reception&gt;"' in photo
    assert '<p class="figure__text">A gradient that stands for a photograph of the reception.</p>' in photo
    assert ("<span class=\"figure__label\">Credit:</span> The Fixture Archive, 17 December 1996. "
            "<span class=\"figure__label\">Licence:</span> CC BY 4.0.") in photo
    assert '<a href="../sources/daily-1996-12-18.html">The Daily Fixture, 18 December 1996</a>' in photo
    assert re.search(r'<a class="figure__full" href="\.\./images/reception-[0-9a-f]{10}-1200\.jpg">'
                     r'Full size \(1200 × 2000 pixels\)</a>', photo)
    assert re.search(r' alt loading="lazy"', plan) and "figure__text" not in plan
    assert '<link rel="stylesheet" href="../theme/css/images.css">' in built.html("essays/arrival.html")
    assert "images.css" not in built.html("essays/talks.html")


def test_a_figure_near_the_top_loads_at_once_and_later_ones_lazily(built):
    photo, plan = figures(built.html("essays/arrival.html"))
    assert 'fetchpriority="high"' in photo and 'loading="lazy"' not in photo
    assert 'loading="lazy"' in plan and "fetchpriority" not in plan


def test_a_second_build_encodes_nothing(pictured, tmp_path):
    pictured.build()
    cache = pictured.content.parent / "cache/images"
    before = {p: p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file()}
    assert len([p for p in before if p.suffix in (".avif", ".webp", ".jpg")]) == 9 + 4  # the diagram's too
    pictured.build()
    after = {p: p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file()}
    assert after == before  # no file made or rewritten
    # A changed original is encoded again, under a new name.
    photograph(pictured.content / "images/reception.jpg", size=(1000, 600), orientation=6)
    pictured.build()
    made = {p for p in cache.rglob("*") if p.is_file()} - set(before)
    assert len(made) == 3 * 2  # 600 px wide once upright: 480 and 600, in three formats
    assert 'width="600" height="1000"' in figures(pictured.html("essays/arrival.html"))[0]


def test_every_essay_and_source_has_its_own_social_card(built):
    pages = ["essays/arrival.html", "essays/talks.html", "sources/almanac-entry.html",
             "sources/daily-1996-12-18.html", "sources/gazeta-1997-01.html"]
    cards = set()
    for page in pages:
        html = built.html(page)
        card = re.search(r'<meta property="og:image" content="\.\./(images/social/[^"]+\.png)">', html).group(1)
        assert f'<meta name="twitter:image" content="../{card}">' in html
        with Image.open(built.output / card) as image:
            assert image.size == (1200, 630) and image.format == "PNG"
        cards.add(card)
    assert len(cards) == len(pages)
    site = re.search(r'og:image" content="\./(images/social/site-[0-9a-f]+\.png)"', built.html("index.html")).group(1)
    assert (built.output / site).exists() and site in built.html("about.html")


def test_production_cards_use_the_public_address(pictured):
    pictured.build("publishconf.py")
    assert re.search(r'<meta property="og:image" content="https://lima-1996\.museum/images/social/'
                     r'essay-arrival-[0-9a-f]{8}\.png">', pictured.html("essays/arrival.html"))


def test_favicons_and_manifest(built):
    for name, size in (("favicon.ico", 48), ("apple-touch-icon.png", 180), ("images/icons/icon-32.png", 32),
                       ("images/icons/icon-192.png", 192), ("images/icons/icon-512.png", 512)):
        with Image.open(built.output / name) as icon:
            assert icon.size == (size, size)
    manifest = json.loads((built.output / "site.webmanifest").read_text())
    assert all((built.output / icon["src"]).exists() for icon in manifest["icons"])
    with Image.open(built.output / "images/icons/icon-512.png") as icon:
        assert icon.getpixel((256, 20)) == (140, 29, 24, 255)  # the accent square
        assert icon.getpixel((0, 0))[3] == 0  # rounded corner


def test_static_maps_are_drawn_for_the_maps_pages_show_and_each_is_shown(pictured):
    pictured.write("data/places.yaml", (pictured.content / "data/places.yaml").read_text() + """
- key: gate
  name: The garden gate
  lat: -12.1005
  lon: -77.0305
  precision: street
  description: An invented gate [@almanac-entry].
  sources: [almanac-entry]
""")
    place(pictured, "{% map places=gate %}", essay="essays/02-talks.md")
    pictured.build()
    # The map page's map of every place, and the essay's map of the gate: each drawn once, and shown
    # (without JavaScript, in print, without tiles) by the page whose map it pictures.
    drawn = sorted(p.name for p in (pictured.output / "images/maps").iterdir())
    assert drawn == ["gate+hall.png", "gate.png"]
    for name in drawn:
        with Image.open(pictured.output / "images/maps" / name) as image:
            assert image.size == (1200, 800)
    assert '<img class="place-map__static" src="./images/maps/gate+hall.png" width="1200" height="800"' in (
        pictured.html("map.html"))
    essay = next(p for p in pictured.output.glob("essays/*.html") if "images/maps/gate.png" in p.read_text())
    assert ('alt="Schematic map of 1 place, numbered as in its key: 1. The garden gate" loading="lazy"'
            in essay.read_text())
    shown = {name for page in pictured.output.rglob("*.html")
             for name in re.findall(r'src="[^"]*images/maps/([^"]+)"', page.read_text(encoding="utf-8"))}
    assert shown == set(drawn)  # no unlinked output


def add_image(exhibit, name: str, make) -> None:
    """A new original ``name`` (made by ``make(path)``) with a valid sidecar, placed in essay 1."""
    make(exhibit.content / "images" / name)
    exhibit.write(f"images/{Path(name).stem}.yaml", SIDECAR.format(alt="A picture"))
    place(exhibit, f"{{% figure src={name} %}}")


ERRORS = {
    "missing image": (lambda m: place(m, "{% figure src=reseption.jpg %}"),
                      f"content/{ESSAY}:11", "image 'reseption.jpg' not found", "did you mean 'reception.jpg'?"),
    "no sidecar": (lambda m: (m.content / "images/reception.yaml").unlink(), f"content/{ESSAY}:9",
                   "has no sidecar file: expected content/images/reception.yaml", "alt (or decorative: true)"),
    "no alt": (lambda m: m.write("images/reception.yaml", "credit: X\nlicence: CC0\n"),
               "content/images/reception.yaml:1", "the image has no alt text", "decorative: true"),
    "alt and decorative": (lambda m: m.write("images/reception.yaml", "credit: X\nlicence: CC0\ndecorative: yes\n"
                                             "alt: Guests\n"), "content/images/reception.yaml:4",
                           "a decorative image has no alt text", "remove 'decorative: true'"),
    "unknown field": (lambda m: m.write("images/reception.yaml", "alt: A\ncredit: X\nlicense: CC0\n"),
                      "content/images/reception.yaml:3", "unknown field 'license'", "did you mean 'licence'?"),
    "unknown source": (lambda m: m.write("images/reception.yaml", "alt: A\ncredit: X\nlicence: CC0\n"
                                         "sources: [daily-1996-12-81]\n"), "content/images/reception.yaml:4",
                       "unknown source 'daily-1996-12-81'", "did you mean 'daily-1996-12-18'?"),
    "corrupt": (lambda m: add_image(m, "cut.jpg", truncated), "content/images/cut.jpg",
                "the image cannot be decoded", "copy the original again"),
    "not an image": (lambda m: add_image(m, "page.jpg", lambda p: p.write_text("<html>not a picture</html>")),
                     f"content/{ESSAY}:11", "content/images/page.jpg: the file is not a readable JPEG image",
                     "copy the original again"),
    "too many pixels": (lambda m: None, f"content/{ESSAY}:9",
                        "2000 × 1200 = 2,400,000 pixels, more than the limit of 2,000,000", "IMAGES_MAX_PIXELS"),
    "decompression bomb": (lambda m: add_image(m, "huge.png", bomb), f"content/{ESSAY}:11",
                           "content/images/huge.png: the image declares more than twice the limit",
                           "IMAGES_MAX_PIXELS"),
    "unsupported format": (lambda m: add_image(m, "moving.gif", lambda p: Image.new("RGB", (9, 9)).save(p)),
                           f"content/{ESSAY}:11", ".gif is not a supported image format", "export it as PNG"),
    "markdown image": (lambda m: place(m, "![A guest](images/reception.jpg)"), f"content/{ESSAY}:11",
                       "images are not placed with Markdown's ![alt](file)", "{% figure src=NAME %}"),
    "unknown argument": (lambda m: place(m, "{% figure src=reception.jpg alt=Guests %}"), f"content/{ESSAY}:11",
                         "unknown argument 'alt' (a figure takes: src)", ""),
    "linked original": (lambda m: place(m, "[the plan]({static}/images/plans/hall.png)"), "content/images/plans/hall.png",
                        "linked with {static} or {attach}", "{% figure src=NAME %}"),
}


@pytest.mark.parametrize("case", ERRORS)
def test_mistakes_stop_the_build_and_name_the_file(pictured, case):
    pictured.build()
    index = (pictured.output / "index.html").read_bytes()
    mistake, where, message, hint = ERRORS[case]
    mistake(pictured)
    with pytest.raises(ExhibitBuildError) as raised:
        pictured.build(**({"IMAGES_MAX_PIXELS": 2_000_000} if case == "too many pixels" else {}))
    errors = [e for e in raised.value.log.errors if message in e.message]
    assert errors, raised.value.log.report()
    assert errors[0].location() == where, raised.value.log.report()
    assert hint in (errors[0].hint or ""), errors[0].hint
    assert (pictured.output / "index.html").read_bytes() == index  # output/ untouched


def test_our_own_diagram_is_what_its_script_draws_and_its_sidecar_is_valid(tmp_path):
    import runpy
    import sys

    from exhibit.loader import load_exhibit
    from images.sidecar import read_sidecar

    root = Path(__file__).resolve().parents[2]
    target = tmp_path / "redrawn.png"
    argv, sys.argv = sys.argv, ["hostages-remaining.py", str(target)]
    try:
        runpy.run_path(str(root / "content/images/hostages-remaining.py"), run_name="__main__")
    finally:
        sys.argv = argv
    with Image.open(target) as redrawn, Image.open(root / "content/images/hostages-remaining.png") as shipped:
        assert redrawn.tobytes() == shipped.tobytes()
    exhibit = load_exhibit(root / "content")
    meta = read_sidecar(root / "content/images/hostages-remaining.yaml", exhibit)
    assert meta is not None, exhibit.log.report()
    assert "schematic" in meta.caption.lower() and meta.sources
