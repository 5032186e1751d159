"""Scaffolds for curators: a new essay or source record that already passes `invoke check`."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

from exhibit.loader import load_exhibit
from exhibit.model import SOURCE_FIELDS
from exhibit.schema import validate


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "untitled"


def _header_value(text: str) -> str:
    return " ".join(text.split())


def new_essay(content: Path, title: str, today: dt.date | None = None) -> Path:
    """Write ``essays/NN-slug.md`` as the last essay in the sequence."""
    exhibit = load_exhibit(content)
    order = max((e.order for e in exhibit.essays), default=0) + 1
    slug = slugify(title)
    path = content / "essays" / f"{order:02d}-{slug}.md"
    if path.exists() or any(e.slug == slug for e in exhibit.essays):
        raise FileExistsError(f"an essay with the address '{slug}' already exists; choose another title")
    date = (today or dt.date.today()).isoformat()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"Title: {_header_value(title)}\n"
        f"Order: {order}\n"
        f"Date: {date}\n"
        "Summary: TODO one or two sentences that introduce the essay on the home page.\n"
        "\n"
        "TODO Write the essay here. Cite a source for every factual statement, for example\n"
        "`[@source-key]` or `[@source-key, para. 4]` (without the backticks). See docs/CURATING.md.\n",
        encoding="utf-8",
    )
    return path


def new_source(content: Path, title: str, publisher: str, published: str, consulted: str,
               kind: str = "news report", language: str = "en", url: str | None = None,
               key: str | None = None) -> Path:
    """Write ``sources/<key>.md``; the key defaults to publisher and date, e.g. cnn-1996-12-20.
    ``consulted``, how much of the source the curator read, has no default: only they know."""
    key = key or f"{slugify(publisher)}-{published}"
    path = content / "sources" / f"{key}.md"
    if path.exists():
        raise FileExistsError(f"{path} already exists; pass --key to choose another key")
    lines = [f"Key: {key}", f"Title: {_header_value(title)}", f"Publisher: {_header_value(publisher)}",
             f"Published: {published}", f"Kind: {kind}", f"Language: {language}",
             f"Consulted: {_header_value(consulted)}"]
    if url:
        lines.append(f"URL: {url}")
    values = dict(line.split(": ", 1) for line in lines)
    problems = []
    validate({k.lower(): v for k, v in values.items()}, {}, SOURCE_FIELDS,
             lambda _line, message, hint: problems.append(message + (f" ({hint})" if hint else "")),
             None, "source record")
    if problems:
        raise ValueError("; ".join(problems))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n\nTODO: summarise, in your own words, what this source "
                    "says and when it said it. Quote only short, attributed remarks. Consulted in part: say "
                    "which part; through another source: name it.\n", encoding="utf-8")
    return path
