"""Source records as CSL-JSON (the format of citeproc, Zotero and Pandoc), both ways: the model's own
mapping, which the loader reads imported records with and every style formats from. Writing CSL items as
BibTeX and RIS files is ``bibformats``."""
from __future__ import annotations

import re

from .dates import PartialDate
from .model import Source

# Our Kind → CSL item type. The reverse map picks the first kind for each type.
CSL_TYPES = {
    "news report": "article-newspaper",
    "newspaper article": "article-newspaper",
    "magazine article": "article-magazine",
    "journal article": "article-journal",
    "article": "article",
    "broadcast": "broadcast",
    "encyclopedia entry": "entry-encyclopedia",
    "official statement": "document",
    "testimony": "interview",
    "court record": "legal_case",
    "report": "report",
    "book": "book",
    "interview": "interview",
    "web page": "webpage",
    "dataset": "dataset",
    "multimedia index": "webpage",
}
KINDS_BY_CSL_TYPE = {csl: kind for kind, csl in reversed(list(CSL_TYPES.items()))}
KINDS_BY_CSL_TYPE.update({"post-weblog": "web page", "post": "web page", "chapter": "book",
                          "speech": "official statement", "legislation": "official statement"})

# Which CSL variable holds the publisher's name, by type: newspapers, magazines, journals and websites
# are containers of the item; books, reports, court records and broadcasters are its publisher.
CONTAINER_TYPES = {"article-newspaper", "article-magazine", "article-journal", "article", "entry-encyclopedia",
                   "webpage"}
# CSL has no variable for how much of a source the curators read: a line of the item's note (Zotero's
# "Extra" field) says it, as a record's header would: "Consulted: in part".
CONSULTED_LINE = re.compile(r"^[ \t]*consulted:[ \t]*(.*?)[ \t]*(?:\n|$)", re.IGNORECASE | re.MULTILINE)


def csl_names(text: str | None) -> list[dict]:
    """'Family, Given; Other Name' → CSL names; a name without a comma stays literal."""
    names = []
    for part in (text or "").split(";"):
        part = part.strip()
        if not part:
            continue
        if "," in part:
            family, given = (p.strip() for p in part.split(",", 1))
            names.append({"family": family, "given": given})
        else:
            names.append({"literal": part})
    return names


def curator_names(curators) -> list[dict]:
    """EXHIBIT_CURATORS as CSL names: 'Family, Given' a person, {'literal': …} a group; ValueError if neither."""
    names = []
    for entry in curators or []:
        if isinstance(entry, dict) and set(entry) == {"literal"} and str(entry["literal"]).strip():
            names.append({"literal": str(entry["literal"]).strip()})
        elif isinstance(entry, str) and entry.count(",") == 1 and all(p.strip() for p in entry.split(",")):
            names += csl_names(entry)
        else:
            raise ValueError(f"{entry!r} is neither a person as 'Family, Given' nor a group as "
                             "{'literal': 'Name of the group'}")
    return names


def csl_date(date: PartialDate) -> dict:
    return {"date-parts": [[part for part in (date.year, date.month, date.day) if part]]}


def to_csl(source: Source) -> dict:
    """A CSL-JSON item for ``source``; its id is the citation key."""
    kind = CSL_TYPES.get(source.kind, "document")
    item = {"id": source.key, "type": kind, "title": source.title, "language": source.language,
            "issued": csl_date(source.published)}
    if kind in CONTAINER_TYPES:
        item["container-title"] = source.publisher
    else:
        item["publisher"] = source.publisher
    if source.author:
        item["author"] = csl_names(source.author)
    if source.url or source.archived:
        item["URL"] = source.url or source.archived  # where a reader can find it
    if source.accessed:
        item["accessed"] = csl_date(source.accessed)
    if source.summary:
        item["abstract"] = source.summary
    return item


def from_csl(item: dict) -> dict[str, str]:
    """Source record fields (as curators write them) from a CSL-JSON item, e.g. from Zotero."""
    fields: dict[str, str] = {"Key": str(item.get("id", ""))}
    title = item.get("title")
    if title:
        fields["Title"] = str(title)
    publisher = item.get("container-title") or item.get("publisher")
    if publisher:
        fields["Publisher"] = str(publisher)
    names = []
    for name in item.get("author") or []:
        if "literal" in name:
            names.append(name["literal"])
        elif "family" in name:
            names.append(f"{name['family']}, {name.get('given', '')}".rstrip(", "))
    if names:
        fields["Author"] = "; ".join(names)
    for csl_field, ours in (("issued", "Published"), ("accessed", "Accessed")):
        parts = (item.get(csl_field) or {}).get("date-parts") or [[]]
        if parts[0]:
            fields[ours] = "-".join(f"{int(p):02d}" if i else f"{int(p):04d}"
                                    for i, p in enumerate(parts[0][:3]))
    fields["Kind"] = KINDS_BY_CSL_TYPE.get(str(item.get("type", "")), str(item.get("type", "")))
    fields["Language"] = str(item.get("language") or "en")
    if item.get("URL"):
        fields["URL"] = str(item["URL"])
    if item.get("abstract"):
        fields["Summary"] = str(item["abstract"])
    consulted = CONSULTED_LINE.search(str(item.get("note") or ""))
    if consulted:
        fields["Consulted"] = consulted.group(1)
    return fields


def csl_body(item: dict) -> str:
    """The text of an item's page: its note (less the Consulted line), or else its abstract."""
    note = CONSULTED_LINE.sub("", str(item.get("note") or "")).strip()
    return note or str(item.get("abstract") or "")
