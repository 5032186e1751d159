"""``{% timeline … %}`` in an essay: the matching slice of the timeline, in date order."""
from __future__ import annotations

from exhibit.document import Document
from exhibit.embedkit import ROOT, Embed, EmbedError, theme_templates
from exhibit.model import PHASES, Exhibit

from .arguments import Selection, parse_display, parse_selection
from .dates import chronological_key
from .model import EssayLink, Timeline
from .render import Views

NAME = "timeline"


def embed_id(embed: Embed) -> str:
    return f"timeline-{embed.line}"


def selection_of(embed: Embed, exhibit: Exhibit) -> Selection:
    return parse_selection(embed.args, PHASES, {tag for event in exhibit.events for tag in event.tags})


class TimelineEmbed:
    """The embed handler registered with ``exhibit.embeds``: returns the slice as HTML, each event on
    one row with its details folded, or (``display=full``) every event whole.

    An event already shown by an earlier embed in the same essay is listed again only
    by title, linking up to where it is shown in full (so every id stays unique).
    """

    def __init__(self, settings: dict, timeline: Timeline, views: Views):
        self.settings = settings
        self.timeline = timeline
        self.views = views
        self.template = theme_templates(settings).get_template("partials/timeline_embed.html")

    def __call__(self, embed: Embed, document: Document) -> str:
        exhibit = document.exhibit
        essay = exhibit.essay_for(document.path)
        if essay is None:
            raise EmbedError("a timeline can only be embedded in an essay",
                             "move the directive into an essay in content/essays/")
        selection = selection_of(embed, exhibit)
        compact = parse_display(embed.args) == "compact"
        events = self.timeline.select(selection)
        labels = self.settings["TIMELINE_PHASE_LABELS"]
        if not events:
            known = sorted(self.timeline.events, key=chronological_key)
            span = (f"the timeline's events run from {known[0].date.display} to {known[-1].date.display}"
                    if known else "there are no events yet")
            raise EmbedError(f"no event matches ({selection.describe(labels)})", f"check the arguments: {span}")
        shown = {event.id for earlier in document.embeds if earlier.name == NAME
                 for event in self.timeline.select(selection_of(earlier, exhibit))}
        items = [(self.views.event(event, ROOT), event.id in shown) for event in events]
        caption = selection.title or f"Timeline: {selection.describe(labels)}"
        return self.template.render(id=embed_id(embed), caption=caption, items=items, compact=compact,
                                    timeline_url=f"{ROOT}/{self.timeline.save_as}")


def discussed_in(essays, timeline: Timeline, exhibit: Exhibit) -> dict[str, list[EssayLink]]:
    """Event id → the essays whose timeline embeds show it, each linking to the embed."""
    index: dict[str, list[EssayLink]] = {}
    for article in essays:
        document = getattr(article, "document", None)
        for embed in document.embeds if document else ():
            if embed.name != NAME:
                continue
            for event in timeline.select(selection_of(embed, exhibit)):
                links = index.setdefault(event.id, [])
                if all(link.title != article.title for link in links):
                    links.append(EssayLink(article.title, f"{article.url}#{embed_id(embed)}"))
    return index
