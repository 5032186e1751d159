"""Every internal href and src in the built exhibit resolves, fragments included."""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.targets: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        for name in ("href", "src"):
            if attrs.get(name):
                self.targets.append(attrs[name])
        for candidate in (attrs.get("srcset") or "").split(","):
            if candidate.strip():
                self.targets.append(candidate.split()[0])


def parse(path: Path) -> _Links:
    links = _Links()
    links.feed(path.read_text(encoding="utf-8"))
    return links


def broken_links(site: Path) -> list[str]:
    pages = {p: parse(p) for p in site.rglob("*.html")}
    broken = []
    for page, links in sorted(pages.items()):
        for target in links.targets:
            parts = urlsplit(target)
            if parts.scheme or target.startswith(("//", "mailto:", "data:")):
                continue
            path = page if not parts.path else (page.parent / unquote(parts.path)).resolve()
            if path.is_dir():
                path = path / "index.html"
            if not path.exists():
                broken.append(f"{page.relative_to(site)} → {target} (no such file)")
            elif parts.fragment and path.suffix == ".html":
                ids = pages[path].ids if path in pages else parse(path).ids
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{page.relative_to(site)} → {target} (no element with that id)")
    return broken


def test_no_broken_internal_links(real_site):
    broken = broken_links(real_site)
    assert broken == [], f"{len(broken)} broken links:\n" + "\n".join(broken[:40])


def test_the_checker_finds_broken_files_and_fragments(tmp_path):
    (tmp_path / "a.html").write_text('<p id="x"><a href="b.html">b</a> <a href="a.html#y">y</a> '
                                     '<a href="#x">x</a> <img src="img/missing.png" alt=""></p>')
    assert broken_links(tmp_path) == ["a.html → b.html (no such file)",
                                      "a.html → a.html#y (no element with that id)",
                                      "a.html → img/missing.png (no such file)"]
