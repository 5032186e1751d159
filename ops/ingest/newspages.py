"""News story pages saved as text: split them apart, set the site's furniture aside, read each page.

A page begins where the site's navigation menu repeats (a run of short plain
``- ITEM`` lines), together with the capitals-only section headings just above
it ('WORLD NEWS', 'STORY PAGE'). On each page every paragraph is sorted into one
of: furniture (menus, headings in capitals, feedback prompts, lone links, notes
about external sites), the date and 'Web posted' lines, link lists under a label
('Related stories:'), the copyright footer, contributor lines, picture captions,
or the story's own text. A link list whose entries are the story's own subheads
('In this story:') is the page's table of contents: it marks those subheads.

Over 250 lines on purpose: the sorting rules depend on one another (a heading is furniture only
where a menu follows it), so they are read together, in the order they are applied.
"""
from __future__ import annotations

import re

from .plaintext import (LINK, PRINTED_TIME, Paragraph, clock, ends_sentence, is_link_only,
                        is_shouting, link_text, paragraphs, printed_date, unescape, words)
from .story import Block, Link, LinkList, Posted, Story

MENU_ITEM = re.compile(r"^- (?!\[)(?P<item>\S.{0,29})$")  # '- HOME', '- WORLD ▶': no link
MENU_SIZE = 5  # fewer plain items than this, or fewer than half in capitals, are a list in the story
POSTED = re.compile(r"^Web posted(?: at)?\s*:?\s*(?P<rest>\S.*)$", re.I)
TIME_24 = re.compile(r"^(?P<hour>[01]\d|2[0-3]):?(?P<minute>[0-5]\d)\s+(?P<zone>[A-Z]{2,4})$")
DATELINE = re.compile(r"^(?:(?P<place>[A-Z][A-Z.'\- ]+(?:,\s*[A-Z][\w.'\- ]*?)?)\s+)?"
                      r"\((?P<credit>[^()]{2,40})\)\s*(?:--|—|–)\s*\S")
CONTRIBUTORS = re.compile(r"\bcontributed to this (?:report|story)\b", re.I)
COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright)\s*(?P<year>\d{4}),?\s+(?P<holder>.+)$", re.I)
CAPTION = re.compile(r"^(?P<text>.*?)\s*\((?P<credit>Courtesy [^()]+|[A-Z][\w.&' -]{0,30})\)$")
LABEL = re.compile(r"^(?P<label>[^:\[\]]{2,60}):$")
LIST_ITEM = re.compile(rf"^(?P<bullet>[-*•]\s+)?{LINK.pattern}(?:\s*[-–—]\s*(?P<note>.*))?$")
MEDIA_NOTE = re.compile(r"\s*\(\d+\s*sec\.\s*/\s*[\d.]+\s*[KM]B?\b[^()]*\)")
# Furniture printed as sentences, set aside wherever it appears on a page.
FURNITURE = tuple(re.compile(p, re.I) for p in (
    r"^note: pages will open in a new (?:browser )?window",
    r"^external sites are not endorsed by\b",
    r"^all rights reserved\.?$",
    r"^\[terms\]\(",  # '[Terms](#) under which this service is provided …'
    r"^(?:tip|example):\s",  # the site search box's help
    r"^search\b[^.]*:$",  # 'Search for related stories:'
))


def looks_like_news(lines: list[str]) -> bool:
    """Does the capture have a site menu, a 'Web posted' line or a dateline?"""
    return bool(_menus(lines)) or any(POSTED.match(line.strip()) or DATELINE.match(line.strip())
                                      for line in lines)


def parse_pages(lines: list[str]) -> list[Story]:
    """Every story page in the capture, in order; pages that hold only furniture are left out."""
    stories = []
    for first, body, end in _pages(lines):
        story = _parse_page(lines[body:end], body + 1, first + 1)
        if story is not None:
            stories.append(story)
    return stories


def _menus(lines: list[str]) -> list[tuple[int, int]]:
    """(first, after last) indexes of navigation menus: runs of short plain '- ITEM' lines."""
    menus, index = [], 0
    while index < len(lines):
        if not _menu_item(lines[index]):
            index += 1
            continue
        items, last, scan = [], index, index
        while scan < len(lines) and (_menu_item(lines[scan]) or not lines[scan].strip()):
            if lines[scan].strip():
                items.append(lines[scan])
                last = scan
            scan += 1
        if len(items) >= MENU_SIZE and sum(map(is_shouting, items)) * 2 >= len(items):
            menus.append((index, last + 1))
        index = last + 1
    return menus


def _menu_item(line: str) -> bool:
    match = MENU_ITEM.match(line.strip())
    return bool(match) and words(match.group("item")) <= 4


def _pages(lines: list[str]) -> list[tuple[int, int, int]]:
    """(first line, first line after the menu, end) of each page, as indexes into ``lines``."""
    menus = _menus(lines)
    if not menus:
        return [(0, 0, len(lines))]
    starts = []
    for menu_start, _ in menus:
        start = menu_start
        while start > 0 and (not lines[start - 1].strip() or is_shouting(lines[start - 1])):
            start -= 1
        starts.append(start)
    starts[0] = 0
    ends = [*starts[1:], len(lines)]
    return [(start, menu_end, end) for start, (_, menu_end), end in zip(starts, menus, ends)]


def _parse_page(lines: list[str], body_line: int, first_line: int) -> Story | None:
    paras = paragraphs(lines, body_line)
    if not paras:
        return None
    story = Story(first_line=first_line, last_line=paras[-1].line + len(paras[-1].lines) - 1,
                  kind="news report")
    tags = _resolve_labels([_tag(p) for p in paras])
    _read(story, paras, tags)
    if story.title is None and not story.blocks:
        return None
    _mark_subheads(story)
    story.blocks = _rejoin(story.blocks)
    _find_dateline(story)
    prose = sum(block.kind == "paragraph" for block in story.blocks)
    if not (story.dateline or story.credit or story.posted) and prose < 2:
        story.kind = "multimedia index" if story.link_lists or any(
            block.kind == "table" for block in story.blocks) else "web page"
    return story


def _tag(para: Paragraph) -> str:
    """What a paragraph is, judged on its own."""
    text = para.text
    if is_shouting(text) or any(p.search(text) for p in FURNITURE):
        return "furniture"
    if COPYRIGHT.match(para.lines[0].strip()):
        return "copyright"
    if all(printed_date(line) or POSTED.match(line.strip()) for line in para.lines):
        return "meta"
    if all(LIST_ITEM.match(line.strip()) for line in para.lines):
        return "list"
    if is_link_only(text):
        return "furniture"
    if any("\t" in line for line in para.lines):
        return "table"
    if CONTRIBUTORS.search(text):
        return "contributors"
    if len(para.lines) == 1 and words(text) <= 6 and LABEL.match(text):
        return "label"
    return "text"


def _resolve_labels(tags: list[str]) -> list[str]:
    """A label heads a link list; one not followed by a list is a line of text ('He said:')."""
    resolved = list(tags)
    for index, tag in enumerate(tags):
        if tag == "label":
            following = next((t for t in tags[index + 1:] if t != "furniture"), None)
            if following != "list":
                resolved[index] = "text"
    return resolved


def _read(story: Story, paras: list[Paragraph], tags: list[str]) -> None:
    """Fill ``story`` from its tagged paragraphs, in page order."""
    current: LinkList | None = None
    list_style: bool | None = None  # whether the current list's entries are bulleted, once it has some
    subtitle_at = None
    for index, (para, tag) in enumerate(zip(paras, tags)):
        text = para.text
        if tag == "furniture":
            if list_style is not None:
                current, list_style = None, None
            continue
        if tag == "list":
            bulleted = all(LIST_ITEM.match(line.strip()).group("bullet") for line in para.lines)
            if list_style is not None and bulleted != list_style:
                current = None  # a different kind of line after the list: 'Tell us what you think!'
            if current is None and not bulleted:
                list_style = None
                continue  # lone unlabelled links: 'Back to story page'
            if current is None:
                current = LinkList("Links")
                story.link_lists.append(current)
            current.links.extend(_link(line) for line in para.lines)
            list_style = bulleted
            continue
        current, list_style = None, None
        if tag == "label":
            current = LinkList(LABEL.match(text).group("label").strip())
            story.link_lists.append(current)
        elif tag == "meta":
            _read_meta(story, para)
        elif tag == "copyright":
            match = COPYRIGHT.match(para.lines[0].strip())
            story.copyright = story.copyright or (int(match.group("year")), match.group("holder"))
        elif tag == "contributors":
            story.contributors.append(link_text(text))
        elif tag == "table":
            rows = (" | ".join(cell.strip() for cell in line.split("\t") if cell.strip())
                    for line in para.lines)
            story.blocks.append(Block("table", "\n".join(link_text(row) for row in rows if row)))
        elif story.title is None and _headline(text):
            story.title, subtitle_at = link_text(text), index + 1
        elif index == subtitle_at and _headline(text):
            story.subtitle = link_text(text)
        elif _caption(text) or (_headline(text) and index + 1 < len(paras)
                                and is_link_only(paras[index + 1].text)):
            story.captions.append(link_text(text))
        else:
            _add_text(story, para)


def _link(line: str) -> Link:
    match = LIST_ITEM.match(line.strip())
    href = match.group("href")
    note = (match.group("note") or "").strip() or None
    return Link(unescape(match.group("text")).strip(), href if href not in ("", "#") else None,
                note, printed_date(note) if note else None)


def _read_meta(story: Story, para: Paragraph) -> None:
    for line in para.lines:
        date = printed_date(line)
        if date is not None:
            story.date = story.date or date
        elif story.posted is None:
            story.posted = _posted(POSTED.match(line.strip()).group("rest").strip())


def _posted(printed: str) -> Posted:
    match = PRINTED_TIME.match(printed)
    if match:
        gmt = match.group("gmt")
        return Posted(printed, clock(match.group("hour"), match.group("minute"), match.group("half")),
                      match.group("zone"), f"{gmt[:2]}:{gmt[2:]}" if gmt else None)
    match = TIME_24.match(printed)
    if match:
        return Posted(printed, f"{match.group('hour')}:{match.group('minute')}", match.group("zone"))
    return Posted(printed, None, None)


def _headline(text: str) -> bool:
    """One short line that does not end like a sentence: a title, subhead or caption."""
    return (words(text) <= 20 and not LINK.search(text) and any(c.islower() for c in text)
            and not text.rstrip("\"'”’").endswith((".", ":")))


def _caption(text: str) -> bool:
    """'Fujimori (CNN)', 'Four more released (Courtesy PAN TEL)': a credit in brackets at the end."""
    match = CAPTION.match(text)
    return bool(match) and not ends_sentence(match.group("text") or ".") and not LINK.search(text)


def _add_text(story: Story, para: Paragraph) -> None:
    """A paragraph of the story: links keep their words (and real addresses), media notes go."""
    bulleted = len(para.lines) > 1 and all(line.lstrip().startswith(("- ", "* ")) for line in para.lines)
    text = "\n".join(line.strip() for line in para.lines) if bulleted else para.text
    story.media.extend(note.strip(" ()") for note in MEDIA_NOTE.findall(link_text(text)))
    text = LINK.sub(lambda m: m.group("text") if m.group("href") in ("", "#") else m.group(0), text)
    text = MEDIA_NOTE.sub("", unescape(text)).strip()
    if text:
        story.blocks.append(Block("paragraph", text))


def _mark_subheads(story: Story) -> None:
    """Link lists that list the story's own paragraphs are its contents: those become subheads."""
    texts = {_same(b.text) for b in story.blocks if b.kind == "paragraph"}
    contents = [lst for lst in story.link_lists
                if lst.links and sum(_same(link.title) in texts for link in lst.links) * 2 >= len(lst.links)]
    subheads = {_same(link.title) for lst in contents for link in lst.links}
    story.link_lists = [lst for lst in story.link_lists if lst not in contents]
    blocks = []
    for block in story.blocks:
        is_subhead = block.kind == "paragraph" and _same(block.text) in subheads
        blocks.append(Block("heading", block.text) if is_subhead else block)
    story.blocks = blocks


def _same(text: str) -> str:
    return " ".join(text.casefold().split())


def _rejoin(blocks: list[Block]) -> list[Block]:
    """Mend paragraphs the capture broke mid-sentence ('… the crisis, which' / 'began …')."""
    joined: list[Block] = []
    for block in blocks:
        previous = joined[-1] if joined else None
        if (previous is not None and previous.kind == block.kind == "paragraph"
                and "\n" not in previous.text and words(previous.text) > 8 and not ends_sentence(previous.text)
                and block.text[:1].isalnum()):
            joined[-1] = Block("paragraph", f"{previous.text} {block.text}")
        else:
            joined.append(block)
    return joined


def _find_dateline(story: Story) -> None:
    for block in story.blocks:
        match = DATELINE.match(block.text) if block.kind == "paragraph" else None
        if match:
            story.dateline = match.group("place").strip() if match.group("place") else None
            story.credit = match.group("credit").strip()
            return
