"""What a page tells other sites about itself: Open Graph and Twitter card fields, and
schema.org structured data (JSON-LD) built from the model.

The page's title, description and canonical address come from its own template
blocks; everything else from the model. Image tags, and the large-image Twitter card
that goes with them, belong to the images plugin (``social_card``).
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from markupsafe import Markup

from exhibit.csl import csl_names, curator_names
from exhibit.model import Event, Exhibit, Place, Source
from exhibit.texts import RecordTexts

from .addresses import Addresses

# Our source Kind → the schema.org type that fits it best.
SCHEMA_TYPES = {
    "news report": "NewsArticle", "newspaper article": "NewsArticle", "magazine article": "Article",
    "journal article": "ScholarlyArticle", "broadcast": "CreativeWork", "encyclopedia entry": "Article", "official statement": "CreativeWork",
    "testimony": "CreativeWork", "court record": "CreativeWork", "report": "Report", "book": "Book",
    "article": "ScholarlyArticle", "interview": "CreativeWork", "web page": "WebPage", "dataset": "Dataset",
    "multimedia index": "WebPage",
}
SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_json(data: Any) -> Markup:
    """JSON that cannot end its <script> element or open a comment: <, > and & are escaped."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup("".join(SCRIPT_UNSAFE.get(char, char) for char in text))


@dataclass(frozen=True)
class PageMeta:
    """Everything the meta partial writes for one page."""

    title: str
    description: str
    type: str  # og:type
    url: str | None  # absolute, production builds only
    card: str | None  # twitter:card when the page has no social card (the images plugin's tags say it then)
    published: str | None
    modified: str | None
    jsonld: Markup
    search: dict[str, str]  # Pagefind metadata of the page's result: languages that are not the exhibit's


def _people(names: list[dict]) -> list[dict]:
    """CSL names as schema.org people (or organisations, for literal names)."""
    return [{"@type": "Person", "givenName": n["given"], "familyName": n["family"],
             "name": f"{n['given']} {n['family']}"} if "family" in n else
            {"@type": "Organization", "name": n["literal"]} for n in names]


def _compact(node: dict) -> dict:
    return {name: value for name, value in node.items() if value not in (None, "", [])}


class StructuredData:
    """Builds each page's metadata from the template context and the model."""

    def __init__(self, settings: dict, addresses: Addresses, texts: RecordTexts):
        self.settings = settings
        self.addresses = addresses
        self.texts = texts
        self.zone = ZoneInfo(settings["TIMEZONE"])
        self._cited_by_essay: dict[str, set[str]] | None = None
        self._collections: dict[str, tuple[list, Any]] | None = None

    def page(self, context, title: str, description: str, canonical: str) -> PageMeta:
        here = context["output_file"]
        title = str(Markup(title).striptags()).removesuffix(f" — {self.settings['SITENAME']}")
        description = str(Markup(description).striptags())
        url = lambda path: self.addresses.link(path, here)  # noqa: E731
        article = context.get("article")
        essay = getattr(article, "essay", None) if article is not None else None
        card = self._social_card(context)
        node = {"@type": "WebPage", "@id": url(canonical), "url": url(canonical), "name": title,
                "description": description, "isPartOf": {"@id": url("") + "#website"},
                "inLanguage": self.settings["DEFAULT_LANG"]}
        node.update(self._main_entity(context, here, url, title, description, card))
        graph = [self._website(url), _compact(node)]
        return PageMeta(
            title=title, description=description, type="article" if essay else "website",
            url=f"{self.addresses.public}/{canonical}" if self.addresses.public else None,
            card=None if card else "summary",
            published=article.date.date().isoformat() if essay else None,
            modified=article.modified.date().isoformat() if essay and getattr(article, "modified", None) else None,
            jsonld=script_json({"@context": "https://schema.org", "@graph": graph}),
            search=self._languages(context))

    def _languages(self, context) -> dict[str, str]:
        """What a search result needs to mark its language: a source's title is in the source's
        language (its page is in the exhibit's); an essay may be written in another language."""
        default = self.settings["DEFAULT_LANG"]
        source, article = context.get("source"), context.get("article")
        if isinstance(source, Source) and source.language != default:
            return {"title_lang": source.language}
        if article is not None and getattr(article, "essay", None):
            lang = article.essay.lang or getattr(article, "lang", None)
            if lang and lang != default:
                return {"lang": lang}
        return {}

    def _social_card(self, context) -> str | None:
        content = context.get("article") or context.get("page")
        return getattr(content, "social_card", None) or context.get("SOCIAL_CARD")

    def _website(self, url) -> dict:
        settings = self.settings
        return _compact({
            "@type": "WebSite", "@id": url("") + "#website", "url": url(""), "name": settings["SITENAME"],
            "description": settings.get("SITESUBTITLE"), "inLanguage": settings["DEFAULT_LANG"],
            "publisher": self._publisher(),
            "potentialAction": {"@type": "SearchAction", "target": url(settings["SEARCH_SAVE_AS"]) + "?q={query}",
                                "query-input": "required name=query"}})

    def _publisher(self) -> dict:
        return {"@type": "Organization", "name": self.settings["AUTHOR"]}

    def _main_entity(self, context, here: str, url, title: str, description: str, card: str | None) -> dict:
        """What the page is about, by what it shows; {} for a plain page."""
        exhibit: Exhibit = self.settings["EXHIBIT"]
        article, source = context.get("article"), context.get("source")
        if article is not None and getattr(article, "essay", None):
            return {"mainEntity": self._article(article, exhibit, url, card)}
        if isinstance(source, Source):
            return {"mainEntity": self.source(source, url)}
        if here == self.settings["INDEX_SAVE_AS"]:
            return {"@type": "CollectionPage", "hasPart": [self._essay_ref(a, url) for a in context.get("essays", [])]}
        if here == self.settings["DATA_SAVE_AS"]:
            return {"mainEntity": self._dataset(context.get("downloads", []), url, description)}
        shown = self._shown_on(here)
        if shown:
            records, describe = shown
            return {"@type": "CollectionPage", "mainEntity": self._item_list(records, describe, url)}
        return {}

    def _shown_on(self, here: str) -> tuple[list, Any] | None:
        """The events (or else places) the page at ``here`` shows, with the method describing one;
        None for a page that shows neither. Indexed on the first call, once every record's page is known."""
        if self._collections is None:
            exhibit, addresses = self.settings["EXHIBIT"], self.addresses
            self._collections = {}
            for records, address, describe in ((exhibit.events, addresses.event, self.event),
                                               (list(exhibit.places.values()), addresses.place, self.place)):
                for page, shown in addresses.by_page(records, address).items():
                    self._collections.setdefault(page, (shown, describe))
        return self._collections.get(here)

    def _item_list(self, records: list, describe, url) -> dict:
        """An ItemList of the records a page shows, describing at most METADATA_LIST_LIMIT of them, so a page of
        ten thousand places does not carry megabytes of JSON-LD (the data downloads hold them all)."""
        shown = records[:self.settings["METADATA_LIST_LIMIT"]]
        return {"@type": "ItemList", "numberOfItems": len(records),
                "itemListElement": [{"@type": "ListItem", "position": n, "item": describe(record, url)}
                                    for n, record in enumerate(shown, start=1)]}

    def _essay_ref(self, article, url) -> dict:
        return {"@type": "Article", "@id": url(article.url) + "#article", "headline": article.title,
                "url": url(article.url), "position": article.essay.order}

    def _article(self, article, exhibit: Exhibit, url, card: str | None) -> dict:
        authors = article.metadata.get("authors")
        cited = self._essay_sources(exhibit).get(article.url, ())
        return _compact({
            **self._essay_ref(article, url),
            "description": article.essay.summary,
            "datePublished": article.date.date().isoformat(),
            "dateModified": article.modified.date().isoformat() if getattr(article, "modified", None) else None,
            "author": ([{"@type": "Person", "name": a.name} for a in authors] if authors else
                       _people(curator_names(self.settings["EXHIBIT_CURATORS"])) or self._publisher()),
            "publisher": self._publisher(),
            "isPartOf": {"@id": url("") + "#website"},
            "mainEntityOfPage": url(article.url),
            "inLanguage": getattr(article, "lang", None) or self.settings["DEFAULT_LANG"],
            "image": url(card) if card else None,
            "citation": [self.source(exhibit.sources[key], url, brief=True) for key in sorted(cited)
                         if key in exhibit.sources]})

    def _essay_sources(self, exhibit: Exhibit) -> dict[str, set[str]]:
        """The keys of the sources each essay cites, by the essay's address: one pass over the
        "cited in" index per build, not one per essay."""
        if self._cited_by_essay is None:
            self._cited_by_essay = {}
            for key, places in exhibit.cited_in.items():
                for place in places:
                    if place.kind == "essay":
                        self._cited_by_essay.setdefault(place.url.split("#")[0], set()).add(key)
        return self._cited_by_essay

    def source(self, source: Source, url, brief: bool = False) -> dict:
        """A source record as the creative work it describes; @id is its page in the exhibit, which
        alone carries its summary (``brief`` leaves it out, for the lists of what essays cite)."""
        page = url(self.addresses.source(source.key))
        return _compact({
            "@type": SCHEMA_TYPES.get(source.kind, "CreativeWork"), "@id": page + "#source",
            "name": source.title, "alternativeHeadline": source.subtitle,
            "author": _people(csl_names(source.author)), "publisher": {"@type": "Organization", "name": source.publisher},
            "datePublished": source.published.iso, "inLanguage": source.language,
            "url": source.url or page, "sameAs": source.archived,
            "abstract": None if brief else source.summary})

    def _start(self, event: Event) -> str:
        date = event.date
        if date.day and event.time:
            hour, minute = map(int, event.time.split(":"))
            return dt.datetime(date.year, date.month, date.day, hour, minute, tzinfo=self.zone).isoformat()
        return date.iso

    def event(self, event: Event, url) -> dict:
        places = [self.settings["EXHIBIT"].places[key] for key in event.places]
        return _compact({
            "@type": "Event", "@id": url(self.addresses.event(event)), "url": url(self.addresses.event(event)),
            "name": event.title, "startDate": self._start(event), "endDate": event.end.iso if event.end else None,
            "description": self.texts.plain(event),
            "location": [{"@type": "Place", "@id": url(self.addresses.place(p)), "name": p.name} for p in places],
            "keywords": event.tags})

    def place(self, place: Place, url) -> dict:
        names = [{"@value": name, "@language": lang} for lang, name in (("es", place.name_es), ("ja", place.name_ja))
                 if name]
        lat, lon = place.shown()  # no more decimals than its precision claims
        return _compact({
            "@type": "Place", "@id": url(self.addresses.place(place)), "url": url(self.addresses.place(place)),
            "name": place.name, "alternateName": names, "description": self.texts.plain(place),
            "geo": {"@type": "GeoCoordinates", "latitude": float(lat), "longitude": float(lon)},
            "additionalProperty": {"@type": "PropertyValue", "name": "precision", "value": place.precision}})

    def _dataset(self, downloads, url, description: str) -> dict:
        settings = self.settings
        folder = settings["DATA_DIR"]
        return _compact({
            "@type": "Dataset", "@id": url(settings["DATA_SAVE_AS"]) + "#dataset",
            "name": f"{settings['SITENAME']}: data", "description": description,
            "license": settings["DATA_LICENSE"].get("path"), "creator": self._publisher(),
            "isAccessibleForFree": True, "url": url(settings["DATA_SAVE_AS"]),
            "distribution": [{"@type": "DataDownload", "name": f"{d.table.title} ({d.label})",
                              "encodingFormat": d.mediatype, "contentUrl": url(f"{folder}/{d.path}")}
                             for d in downloads]})
