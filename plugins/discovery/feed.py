"""The Atom feed of the essays: each entry is the essay's summary, its content note and a link.

Pelican puts each essay's full HTML in the feed, and an essay's maps, timelines and figures
need the exhibit's scripts and styles, which feed readers do not run. A feed reader shows
the summary (with the content note, so readers are warned before they follow the link) and
opens the essay on the exhibit's site, where it works. Nothing that runs reaches the feed.
"""
from __future__ import annotations

import html
from urllib.parse import urljoin

from exhibit.markup import clean_html


def safe_html(fragment: str, base: str) -> str:
    """``fragment`` as :func:`exhibit.markup.clean_html` leaves it (no element that runs or loads
    anything, no note numbers, whose notes are not in the feed), links made absolute from ``base``."""
    return clean_html(fragment, lambda address: urljoin(base, address)) if fragment.strip() else ""


def entry_html(summary: str, content_note: str | None, link: str) -> str:
    """What an entry says: the summary, the content note as text, and a link to the essay."""
    parts = [safe_html(summary, link)]
    if content_note:
        parts.append(f"<p><strong>Content note.</strong> {html.escape(content_note)}</p>")
    parts.append(f'<p><a href="{html.escape(link)}">Read the essay in the exhibit</a></p>')
    return "\n".join(part for part in parts if part)


def essays_feed(context: dict, feed) -> None:
    """``feed_generated``: entries become summaries; the feed is titled and authored as a whole."""
    essays = [a for a in context.get("articles", []) if getattr(a, "essay", None)]
    feed.feed["title"] = f"{context['SITENAME']}: essays"
    if not feed.feed.get("author_name"):
        feed.feed["author_name"] = context.get("AUTHOR")
    for item in feed.items:
        essay = next((a for a in essays if item["link"].endswith("/" + a.url)), None)
        if essay is None:  # not an essay: the feed lists only essays, but keep whatever summary it has
            summary, note = item.get("description") or "", None
        else:
            summary, note = essay.summary or "", essay.essay.content_note
        item["description"] = entry_html(summary, note, item["link"])
        item["content"] = None
