"""Links written relative to the page that holds them, and the anchors of records' entries.

Every link a plugin writes into a page starts with the way back to the site root from
that page ('.', '..', '../..'), so the site works from any host and from disk.
Where that page is not known yet (an embed, while its essay is read; a record's text,
converted once for every page that shows it), the link starts with :data:`ROOT`, which
:func:`fill_root` replaces once it is.
"""
from __future__ import annotations

# Stands for the way back to the site root until the page is known.
ROOT = "__exhibit_root__"


def relative_root(save_as: str) -> str:
    """The way back to the site root from the page written at ``save_as``: 'essays/a.html' → '..'."""
    return "/".join([".."] * save_as.strip("/").count("/")) or "."


def fill_root(html: str, root: str) -> str:
    """``html`` with every :data:`ROOT` replaced by ``root`` (no trailing '/')."""
    return html.replace(ROOT, root)


def fill_page_root(content) -> None:
    """``content_object_init``: the page's embeds link from its own address."""
    text = getattr(content, "_content", None)
    if text and ROOT in text:
        content._content = fill_root(text, relative_root(content.save_as))


def event_anchor(event_id: str) -> str:
    """The id of an event's entry on the page that shows it."""
    return f"event-{event_id}"


def place_anchor(key: str) -> str:
    """The id of a place's entry on the page that shows it."""
    return f"place-{key}"
