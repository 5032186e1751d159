"""Reading built pages back: their ids and links, as a browser would follow them."""
from __future__ import annotations

import posixpath
from collections import Counter
from html.parser import HTMLParser


class Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.fragments, self.hrefs = [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        href = attrs.get("href") or ""
        if href.startswith("#"):
            self.fragments.append(href[1:])
        elif tag == "a" and href:
            self.hrefs.append(href)


def ids_of(html):
    parser = Ids()
    parser.feed(html)
    return parser


def assert_ids_unique_and_fragments_resolve(html):
    parser = ids_of(html)
    assert [i for i, n in Counter(parser.ids).items() if n > 1] == []
    assert set(parser.fragments) <= set(parser.ids) | {"main"}


def target(from_file: str, href: str) -> tuple[str, str]:
    """(file from the site root, anchor) that a relative link in ``from_file`` leads to."""
    path, _, anchor = href.partition("#")
    return posixpath.normpath(posixpath.join(posixpath.dirname(from_file), path)), anchor
