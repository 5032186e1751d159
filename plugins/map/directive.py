"""The arguments of ``{% map places=residence,cordon caption="…" %}``."""
from __future__ import annotations

import re
from dataclasses import dataclass

from exhibit.embedkit import Arguments, Embed, EmbedError, items

ARGUMENTS = Arguments(("places", "caption"), "a map")
KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class MapRequest:
    """What a curator asked for: places by key, in their order, and an optional caption."""

    keys: tuple[str, ...]
    caption: str | None = None


def parse_map_embed(embed: Embed) -> MapRequest:
    """Check the directive's arguments (not yet whether the places exist)."""
    ARGUMENTS.check(embed.args)
    keys = items(ARGUMENTS.required(embed.args, "places", "list place keys from places.yaml: places=residence,cordon"))
    for key in keys:
        if not KEY.match(key):
            raise EmbedError(f"{key!r} is not a place key", "keys are lower-case letters, digits and "
                             "hyphens, separated by commas: places=residence,cordon")
    repeated = sorted({k for k in keys if keys.count(k) > 1})
    if repeated:
        raise EmbedError(f"place '{repeated[0]}' is listed twice", "list each place once")
    caption = embed.args.get("caption", "").strip() or None
    return MapRequest(keys, caption)
