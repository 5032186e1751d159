"""The Pagefind search index of a finished build, written into the build's own folder.

Pages mark what is indexed (``data-pagefind-body`` on their main text) and label its kind
(``data-pagefind-meta="type:…"``). The timeline and map show many events and places on
one page each, and Pagefind indexes whole pages, so each event and place becomes a
record of its own, from the model, pointing at its anchor on that page; those pages
themselves are not indexed.

The kind is metadata, not a Pagefind filter: Pagefind 1.5 writes its filter indexes in
hash-map order, which would make two builds of the same exhibit differ. The search page
filters by kind itself.
"""
from __future__ import annotations

import asyncio
import hashlib
import json
import os
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from html import escape
from importlib import metadata
from pathlib import Path
from tempfile import TemporaryDirectory

from pagefind.index import PagefindIndex

from exhibit.errors import ErrorLog, ExhibitProblem
from exhibit.model import Exhibit
from exhibit.texts import RecordTexts

from .addresses import Addresses

FOLDER = "pagefind"
# The kinds of result, as pages label them (data-pagefind-meta="type:…"), with their plural.
TYPES = (("Essay", "Essays"), ("Source", "Sources"), ("Event", "Events"), ("Place", "Places"), ("Page", "Pages"))
# Pagefind writes ready-made interfaces we do not use (the search page has its own).
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")
LICENSE = Path(__file__).with_name("pagefind.LICENSE")
MARKED = b"data-pagefind-body"  # in every page the index holds
INDEX_VERSION = 1  # change when what is handed to Pagefind changes, so no old index is reused
ID = re.compile(r"""\sid=["']?([^"'\s>]+)""")
RECORDS = "__records__"  # the folder of the records' pages (their own addresses are in their metadata)
MEMORY = Path("/dev/shm")  # where Linux offers files in memory
ENTRY = "pagefind-entry.json"  # names the index's languages, with their files and page counts


@dataclass(frozen=True)
class Record:
    """One search result that is part of a page: an event or a place."""

    url: str  # from the site root, with the anchor
    title: str
    type: str
    content: str
    meta: dict[str, str] = field(default_factory=dict)


def records(exhibit: Exhibit, addresses: Addresses, texts: RecordTexts) -> list[Record]:
    """A record per event and place that a page shows. Pagefind searches their metadata (title,
    date) as well as their content, and excerpts the content."""
    found = []
    for event in exhibit.events:
        if addresses.event(event):
            found.append(Record(addresses.event(event), event.title, "Event", texts.plain(event),
                                {"date": event.date.display}))
    for place in exhibit.places.values():
        if addresses.place(place):
            names = {f"name_{lang}": name for lang, name in (("es", place.name_es), ("ja", place.name_ja)) if name}
            found.append(Record(addresses.place(place), place.name, "Place", texts.plain(place), names))
    return found


def check_anchors(output: Path, found: list[Record], log: ErrorLog, settings: dict) -> None:
    """Every record's address must exist in the build, or its search result would lead nowhere.
    An address from ``DISCOVERY_*_URL`` is the setting's mistake; one the exhibit chose (the
    setting is None) is lost when a theme template drops the records' ids. One error per page
    and kind of record, naming the first record missing."""
    ids: dict[str, set[str] | None] = {}
    missing: dict[tuple[str, str], list[Record]] = {}
    for record in found:
        page, _, anchor = record.url.partition("#")
        if page not in ids:
            path = output / page
            ids[page] = set(ID.findall(path.read_text(encoding="utf-8"))) if path.is_file() else None
        if ids[page] is None or anchor not in ids[page]:
            missing.setdefault((page, record.type), []).append(record)
    for (page, type_), lost in missing.items():
        setting, kind, first = f"DISCOVERY_{type_.upper()}_URL", type_.lower(), lost[0]
        who = f"{kind} '{first.title}'" + (f" and {len(lost) - 1:,} more" if len(lost) > 1 else "")
        if settings.get(setting) is None:
            problem = "it was not written" if ids[page] is None else \
                f"there is no element with id=\"{first.url.partition('#')[2]}\""
            log.error(page, None, f"{who} {'belongs' if len(lost) == 1 else 'belong'} on this page, but {problem}",
                      f"a theme template no longer gives each {kind} its id; put it back as theme/templates/ "
                      f"has it, so links and search results reach the {kind}")
        else:
            problem = f"no page {page} was written" if ids[page] is None else "that page has no such anchor"
            log.error("pelicanconf.py", None, f"{setting}: {who} should be shown at {first.url}, but {problem}",
                      f"set {setting} to where a page shows each {kind}, or to '' for nowhere")


def record_page(record: Record) -> str:
    """A record as a small page for Pagefind: its text is the content, the rest metadata, and its
    address (``url``, from the site root) is where the search page links, not the file's own."""
    meta = {"url": f"/{record.url}", "title": record.title, "type": record.type, **record.meta}
    tags = "".join(f'<p data-pagefind-meta="{escape(key)}">{escape(value)}</p>' for key, value in meta.items())
    return (f"<!DOCTYPE html><html><head><meta charset=utf-8><title>{escape(record.title)}</title></head>"
            f"<body><main data-pagefind-body>{escape(record.content)}</main>{tags}</body></html>")


async def _index(folders: list[Path], index_folder: Path, language: str, ignore: list[str]) -> None:
    config = {"force_language": language, "exclude_selectors": ignore, "output_path": str(index_folder)}
    async with PagefindIndex(config=config) as index:  # writes the files when the block ends
        for folder in folders:
            await index.add_directory(str(folder))


def _inputs(output: Path, found: list[Record], context: str) -> tuple[str, list[str], list[bytes]]:
    """What Pagefind reads — the pages of ``output`` marked for the index (the timeline, map
    and other unmarked pages are left out) and a small page per record — with a digest of
    it all and ``context``: (digest, the marked pages from ``output``, the records' pages)."""
    digest = hashlib.sha256(context.encode())
    marked = []
    for path in sorted(output.rglob("*.html")):
        page = path.read_bytes()
        if MARKED in page:
            marked.append(path.relative_to(output).as_posix())
            digest.update(f"{marked[-1]}\0{len(page)}\0".encode() + page)
    pages = [record_page(record).encode() for record in found]
    for page in pages:
        digest.update(page)
    return digest.hexdigest(), marked, pages


def _lay_out(output: Path, marked: list[str], folder: Path) -> None:
    """Hard-link the marked pages of ``output`` into ``folder``, at their own paths."""
    for relative in marked:
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        _link_or_copy(str(output / relative), str(folder / relative))


def _write_records(pages: list[bytes], folder: Path) -> None:
    (folder / RECORDS).mkdir()
    for number, page in enumerate(pages, start=1):
        (folder / RECORDS / f"{number:06d}.html").write_bytes(page)


def _scratch(size: int) -> str | None:
    """A folder for ``size`` bytes of records' pages: in memory when there is room for them
    (10,000 records take 0.2 s to write there, 3.4 s on a slow disk), else the usual temporary folder."""
    try:
        return str(MEMORY) if os.access(MEMORY, os.W_OK) and shutil.disk_usage(MEMORY).free > 4 * size else None
    except OSError:
        return None


def write_index(output: Path, found: list[Record], language: str, ignore: list[str], cache: Path) -> None:
    """Index the marked pages of ``output`` and the records into ``output/pagefind``; raises if
    Pagefind fails or leaves its files incomplete (:func:`damage`).

    The marked pages are hard-linked into a folder inside ``cache``, the records written as
    small pages into another, and each folder is indexed in one message to Pagefind's service
    (a message costs a tenth of a second).
    When everything Pagefind would read is the same as last build's, last build's index
    (kept in ``cache`` once checked whole) is used as it is, unless it has been damaged since. Pagefind runs in a thread of its own: the
    live-reload server calls builds from inside its event loop."""
    target = output / FOLDER
    digest, marked, pages = _inputs(output, found, repr((INDEX_VERSION, metadata.version("pagefind"),
                                                          language, ignore)))
    kept, expected = cache / digest, len(marked) + len(pages)
    if kept.is_dir():
        if damage(kept, expected) is None:
            shutil.copytree(kept, target, copy_function=_link_or_copy, dirs_exist_ok=True)
            return
        shutil.rmtree(kept)  # a damaged copy is made again, never reused
    cache.mkdir(parents=True, exist_ok=True)
    with (TemporaryDirectory(prefix="pages-", dir=cache) as site,
          TemporaryDirectory(prefix="exhibit-records-", dir=_scratch(sum(map(len, pages)))) as records):
        _lay_out(output, marked, Path(site))
        _write_records(pages, Path(records))
        with ThreadPoolExecutor(max_workers=1) as pool:
            pool.submit(asyncio.run, _index([Path(site), Path(records)], target, language, ignore)).result()
    for name in UNUSED:
        (target / name).unlink(missing_ok=True)
    shutil.copyfile(LICENSE, target / "LICENSE")
    problem = damage(target, expected)
    if problem is not None:
        raise IncompleteIndex(f"Pagefind's files are incomplete: {problem}")
    _keep(target, kept)


class IncompleteIndex(ExhibitProblem):
    """Pagefind ended without writing all of its files (it was killed, or the disk filled up)."""


def damage(index: Path, pages: int) -> str | None:
    """What is missing from the Pagefind index in ``index`` of ``pages`` pages, or None if it is whole:
    its entry file names every page, and each file it needs is there and not empty."""
    try:
        languages = json.loads((index / ENTRY).read_text(encoding="utf-8"))["languages"]
        counted = sum(language["page_count"] for language in languages.values())
        needed = [f"pagefind.{language['hash']}.pf_meta" for language in languages.values()]
        needed += [f"wasm.{language['wasm']}.pagefind" for language in languages.values()]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return f"{ENTRY} is missing, empty or not Pagefind's"
    if counted != pages:
        return f"{ENTRY} counts {counted:,} pages, but {pages:,} were indexed"
    for name in (*needed, "pagefind.js", "pagefind-worker.js", "LICENSE"):
        if not (index / name).is_file():
            return f"{name} is missing"
    empty = next((p for p in sorted(index.rglob("*")) if p.is_file() and p.stat().st_size == 0), None)
    if empty is not None:
        return f"{empty.relative_to(index)} is empty"
    for folder in ("fragment", "index"):
        if not any((index / folder).glob("*")):
            return f"its {folder}/ folder is empty"
    return None


def _keep(index: Path, kept: Path) -> None:
    """Keep ``index`` as ``kept`` (the only index kept) for the next build."""
    if kept.parent.is_dir():
        shutil.rmtree(kept.parent)
    partial = kept.with_name(kept.name + ".partial")
    shutil.copytree(index, partial, copy_function=_link_or_copy)
    partial.rename(kept)


def _link_or_copy(source: str, target: str) -> None:
    """Hard-link a file that is never changed in place (a page, an index file), or copy it across file systems."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
