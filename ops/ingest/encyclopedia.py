"""Encyclopedia extracts: sentences taken from an article, one a line, with its reference markers.

The text is kept whole and in order, markers in place; every marker is also
listed with its line so a curator can follow it up. The article's title is read
from its lead sentence ('The X (…) began …'); words before that sentence on the
first line are the page's category links and are set aside (and reported).
"""
from __future__ import annotations

import re

from .plaintext import ends_sentence, words
from .story import Block, Marker, Story

MARKER = re.compile(r"\[(?:\d{1,3}|[a-z][a-z ?.'’-]{0,30})\](?!\()")
NUMBERED_MARKER = re.compile(r"\[(?:\d{1,3}|citation needed)\]")
LEAD = re.compile(r"^(?P<lead_in>.*?)\s*(?P<subject>\b(?:The|A|An) [^()]{3,80}?)\s+"
                  r"(?:\((?:[^()]|\([^()]*\))*\)\s+)?(?:is|was|are|were|began|refers)\b")
LEAD_IN_WORDS = 10  # more words than this before the lead sentence are text, not category links


def looks_like_extract(text: str) -> bool:
    return bool(NUMBERED_MARKER.search(text))


def parse_extract(lines: list[str]) -> Story:
    numbered = [(number, line.strip()) for number, line in enumerate(lines, start=1) if line.strip()]
    story = Story(first_line=numbered[0][0], last_line=numbered[-1][0], kind="encyclopedia entry")
    first_line, first = numbered[0]
    lead = LEAD.match(first)
    if lead:
        subject = lead.group("subject").split(" ", 1)[1]
        story.title = subject[:1].upper() + subject[1:]
        lead_in = lead.group("lead_in").strip()
        if lead_in and words(lead_in) <= LEAD_IN_WORDS and not ends_sentence(lead_in):
            story.lead_in = lead_in
            numbered[0] = (first_line, first[lead.start("subject"):])
    for number, line in numbered:
        story.markers.extend(Marker(m.group(0), number) for m in MARKER.finditer(line))
        story.blocks.append(Block("paragraph", line))
    return story
