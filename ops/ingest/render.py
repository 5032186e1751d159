"""Draft → the text of a source record file: header, a note to the curator, findings, captured text.

The captured text is the publisher's, so it goes in the body only, under a
heading that says it must be replaced; drafts are never published (the model
keeps ``Status: draft`` records out of the site and uncitable).
"""
from __future__ import annotations

from .records import Draft
from .story import Block, Link, Story

NOTE = """\
> **Draft made by `invoke ingest`: not to be published as it stands.** Everything under
> "Captured text" is the publisher's own wording, copied here only for your review. To publish:
> replace it with a summary in your own words and at most a few short, attributed quotations;
> carry what matters from "Found on the page" into that summary; delete this note and both
> sections; remove the line `Status: draft`. See docs/INGESTING.md."""


def render_draft(draft: Draft, key: str, capture_name: str) -> str:
    header = "\n".join(f"{name}: {value}" for name, value in {"Key": key, **draft.fields}.items())
    parts = [header, "", NOTE, "", "## Found on the page", "", *_findings(draft, capture_name)]
    for link_list in draft.story.link_lists:
        parts += ["", f"### {link_list.label}", "", *(f"- {_link(link)}" for link in link_list.links)]
    parts += ["", "## Captured text (replace before publishing)", "",
              "\n\n".join(_block(block) for block in draft.story.blocks) or "(none)"]
    return "\n".join(parts) + "\n"


def _findings(draft: Draft, capture_name: str) -> list[str]:
    story: Story = draft.story
    items = [f"Captured from: `{capture_name}`, story {draft.number} of {draft.count} "
             f"(lines {story.first_line}–{story.last_line}), read as {draft.capture.encoding}",
             f"Fingerprint: `{draft.fingerprint}` (how `invoke ingest` knows this story again)"]
    if story.posted:
        items.append(f"Posted, as printed: {story.posted.printed}")
    if story.dateline:
        items.append(f"Dateline: {story.dateline}")
    items += [f"Contributors: {line}" for line in story.contributors]
    if story.copyright:
        items.append(f"Copyright: © {story.copyright[0]} {story.copyright[1]}")
    if story.lead_in:
        items.append(f"Set aside before the first sentence (category links): {story.lead_in}")
    items += [f"Caption: {caption}" for caption in story.captions]
    items += [f"Sound or video file: {media}" for media in story.media]
    if story.markers:
        items.append(f"Reference markers ({len(story.markers)}, left in place in the captured text):"
                     + "".join(f"\n  - `{m.text}` on line {m.line}" for m in story.markers))
    items += [f"Check: {note}" for note in draft.notes]
    return [f"- {item}" for item in items]


def _link(link: Link) -> str:
    text = link.title + (f" <{link.href}>" if link.href else "")
    if link.note:
        text += f" — {link.note}"
        if link.date:
            text += f" ({link.date.iso})"
    return text


def _block(block: Block) -> str:
    if block.kind == "heading":
        return f"### {block.text}"
    if block.kind == "table":
        return f"```text\n{block.text}\n```"
    return block.text
