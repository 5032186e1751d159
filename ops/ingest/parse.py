"""Capture text → stories: decide what kind of capture it is and hand it to its parser."""
from __future__ import annotations

from .capture import CaptureError
from .encyclopedia import looks_like_extract, parse_extract
from .newspages import looks_like_news, parse_pages
from .story import Story


def parse_capture(text: str) -> list[Story]:
    """The stories in a capture, in order; raise CaptureError saying why there are none."""
    lines = text.splitlines()
    if not any(line.strip() for line in lines):
        raise CaptureError("is empty")
    if looks_like_news(lines):
        stories = parse_pages(lines)
        if not stories:
            raise CaptureError("has a site menu but no story under it (no title and no text)")
        return stories
    if looks_like_extract(text):
        return [parse_extract(lines)]
    raise CaptureError("is neither a news capture (no site menu, 'Web posted' line or dateline "
                       "such as 'LIMA, Peru (CNN) --') nor an encyclopedia extract (no reference "
                       "markers such as [4] or [citation needed])")
