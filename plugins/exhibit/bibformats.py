"""CSL-JSON items written as BibTeX (biblatex) and RIS, for the downloads of the citations plugin (each
page's ``.bib`` / ``.ris``) and the discovery plugin (``sources.bib``): the shared writer lives in the
model's kit because plugins do not import each other."""
from __future__ import annotations

import re

ARTICLE_TYPES = ("article-newspaper", "article-magazine", "article-journal", "article")
# biblatex entry types; others are @misc.
BIBTEX_TYPES = {**dict.fromkeys(ARTICLE_TYPES, "article"), "book": "book", "report": "report",
                "entry-encyclopedia": "incollection", "webpage": "online", "dataset": "dataset"}
RIS_TYPES = {"article-newspaper": "NEWS", "article-magazine": "MGZN", "article-journal": "JOUR", "article": "GEN",
             "book": "BOOK", "report": "RPRT", "entry-encyclopedia": "ENCYC", "legal_case": "CASE",
             "broadcast": "MPCT", "webpage": "ELEC", "dataset": "DATA", "interview": "INTV", "document": "GEN"}
BIBTEX_SPECIAL = re.compile(r"([{}%&$#_\\])")


def _bibtex_escape(text: str) -> str:
    return BIBTEX_SPECIAL.sub(lambda m: "\\textbackslash{}" if m.group(1) == "\\" else "\\" + m.group(1), text)


def _name(name: dict) -> str:
    return name.get("literal") or ", ".join(p for p in (name.get("family"), name.get("given")) if p)


def to_bibtex(item: dict) -> str:
    """A biblatex (UTF-8) entry for a CSL-JSON item."""
    fields = [("title", item.get("title")),
              ("author", " and ".join("{" + _name(n) + "}" if "literal" in n else _name(n)
                                      for n in item.get("author", []))),
              ("journaltitle" if item["type"] in ARTICLE_TYPES else "booktitle"
               if item["type"] == "entry-encyclopedia" else "howpublished", item.get("container-title")),
              ("publisher" if item["type"] != "report" else "institution", item.get("publisher")),
              ("url", item.get("URL")), ("langid", item.get("language"))]
    parts = (item.get("issued") or {}).get("date-parts", [[]])[0]
    if parts:
        fields.append(("year", str(parts[0])))
        fields.append(("date", "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts))))
    accessed = (item.get("accessed") or {}).get("date-parts", [[]])[0]
    if accessed:
        fields.append(("urldate", "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(accessed))))
    body = ",\n".join(f"  {name} = {{{value if name in ('url', 'author') else _bibtex_escape(value)}}}"
                      for name, value in fields if value)
    return f"@{BIBTEX_TYPES.get(item['type'], 'misc')}{{{item['id']},\n{body}\n}}\n"


def to_ris(item: dict) -> str:
    """An RIS record (for Zotero, EndNote, Mendeley) for a CSL-JSON item."""
    lines = [("TY", RIS_TYPES.get(item["type"], "GEN")), ("ID", item["id"]), ("TI", item.get("title"))]
    lines += [("AU", _name(n)) for n in item.get("author", [])]
    lines += [("T2", item.get("container-title")), ("PB", item.get("publisher"))]
    parts = (item.get("issued") or {}).get("date-parts", [[]])[0]
    if parts:
        lines.append(("PY", str(parts[0])))
        lines.append(("DA", "/".join([f"{parts[0]:04d}"] + [f"{p:02d}" for p in parts[1:]]) + "/"))
    lines += [("UR", item.get("URL")), ("LA", item.get("language")), ("AB", item.get("abstract"))]
    body = "".join(f"{tag}  - {' '.join(str(value).split())}\n" for tag, value in lines if value)
    return body + "ER  - \n"
