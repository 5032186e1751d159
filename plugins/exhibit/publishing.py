"""What a build for the public must have: a real public address and a real corrections channel.

``EXHIBIT_CORRECTIONS`` is where readers report an error: ``mailto:<address>`` or the ``https://``
address of a corrections page or form. Every page's footer links it ("Report an error") and
``{% corrections %}``, on a line of its own, shows it in a page. A production build
(``EXHIBIT_PRODUCTION``, set by publishconf.py) stops when the channel or ``SITEURL`` is empty or a
placeholder; a development build only warns about a placeholder channel.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from urllib.parse import quote, urlsplit

from .embeds import Embed, EmbedError
from .csl import curator_names
from .settings import setting_error

# Names reserved for examples, tests and the local machine (RFC 2606, RFC 6761).
RESERVED_DOMAINS = ("example.org", "example.com", "example.net")
RESERVED_ENDINGS = ("example", "invalid", "test", "localhost")
EMAIL = re.compile(r"^[^@\s?&/]+@([a-z0-9-]+(?:\.[a-z0-9-]+)*)$", re.IGNORECASE)
CURATORS_HINT = ("set EXHIBIT_CURATORS in pelicanconf.py to the curators' names, e.g. [\"Quispe, Rosa\", "
                 "{\"literal\": \"Lima Memory Project\"}] (a person as 'Family, Given', a group as a literal)")
CHANNEL_HINT = ("set EXHIBIT_CORRECTIONS in pelicanconf.py, or the environment variable EXHIBIT_CORRECTIONS, "
                "to mailto:<the corrections address> or the https:// address of a corrections page or form")
SITEURL_HINT = ("set the environment variable EXHIBIT_SITEURL, or SITEURL in publishconf.py, to the exhibit's "
                "public address: EXHIBIT_SITEURL=https://<host>[/<path>] invoke build")


def placeholder(host: str) -> str | None:
    """Why ``host`` cannot be a real public host, or None when it may be."""
    host = host.lower().rstrip(".")
    if host.rpartition(".")[2] in RESERVED_ENDINGS or any(
            host == domain or host.endswith("." + domain) for domain in RESERVED_DOMAINS):
        return f"{host} is reserved for examples and tests: no one can be reached there"
    return None


@dataclass(frozen=True)
class Channel:
    """A corrections channel: an address to write to, or a page to open."""

    address: str  # an e-mail address, or an https:// address
    email: bool

    @property
    def host(self) -> str:
        return self.address.rpartition("@")[2] if self.email else urlsplit(self.address).hostname or ""

    def href(self, subject: str) -> str:
        """The link; an e-mail link carries ``subject`` as its subject line."""
        return f"mailto:{self.address}?subject={quote(subject)}" if self.email else self.address


def parse_channel(value: str) -> Channel:
    """'mailto:corrections@host' or 'https://host/corrections' → Channel; ValueError if neither."""
    if value.lower().startswith("mailto:"):
        if EMAIL.match(value[7:]):
            return Channel(value[7:], True)
        raise ValueError(f"expected mailto: and one e-mail address, got {value!r} (the exhibit adds the "
                         "subject line itself)")
    parts = urlsplit(value)
    if parts.scheme == "https" and parts.hostname:
        return Channel(value, False)
    raise ValueError(f"expected mailto:<address> or an https:// address, got {value!r}")


def check_public_settings(settings: dict) -> Channel | None:
    """The corrections channel, with every problem of it and (in production) of SITEURL reported at
    the settings line; None when the channel cannot be used."""
    production = settings["EXHIBIT_PRODUCTION"]
    if production:
        _check_siteurl(settings)
    _check_curators(settings, production)
    value = str(settings["EXHIBIT_CORRECTIONS"] or "").strip()
    if not value:
        setting_error(settings, "EXHIBIT_CORRECTIONS", "empty, so readers would have no way to report an "
                      "error", CHANNEL_HINT)
        return None
    try:
        channel = parse_channel(value)
    except ValueError as exc:
        setting_error(settings, "EXHIBIT_CORRECTIONS", str(exc), CHANNEL_HINT)
        return None
    reason = placeholder(channel.host)
    if reason and production:
        setting_error(settings, "EXHIBIT_CORRECTIONS", f"{value!r} is a placeholder ({reason}): a production "
                      "build needs the exhibit's real corrections channel", CHANNEL_HINT)
        return None
    if reason:
        setting_error(settings, "EXHIBIT_CORRECTIONS", f"{value!r} is a placeholder ({reason}): fine for a "
                      "preview, but `invoke build` (production) refuses it", CHANNEL_HINT, severity="warning")
    return channel


def _check_curators(settings: dict, production: bool) -> None:
    try:
        names = curator_names(settings["EXHIBIT_CURATORS"])
    except ValueError as exc:
        setting_error(settings, "EXHIBIT_CURATORS", str(exc), CURATORS_HINT)
        return
    if not names and production:
        setting_error(settings, "EXHIBIT_CURATORS", "empty, but a production build names the curators as the "
                      "author of every 'Cite this page' reference", CURATORS_HINT)


def _check_siteurl(settings: dict) -> None:
    for name in ("SITEURL", "PUBLIC_URL"):
        value = str(settings.get(name) or "")
        parts = urlsplit(value)
        if not value:
            problem = "empty, but a production build needs the exhibit's public address"
        elif parts.scheme not in ("http", "https") or not parts.hostname:
            problem = f"expected the exhibit's public address, https://<host>[/<path>], got {value!r}"
        elif reason := placeholder(parts.hostname):
            problem = (f"{value!r} is a placeholder ({reason}): a production build needs the exhibit's real "
                       "public address")
        else:
            continue
        setting_error(settings, name, problem, SITEURL_HINT)
        return  # PUBLIC_URL is SITEURL in publishconf.py: one report says it


def corrections_embed(channel: Channel | None, site_name: str):
    """The ``corrections`` embed handler: the channel's link in a paragraph of its own."""

    def render(embed: Embed, document) -> str:
        if embed.args:
            raise EmbedError(f"corrections takes no arguments, got {', '.join(embed.args)}",
                             "write {% corrections %}; the address comes from EXHIBIT_CORRECTIONS")
        if channel is None:  # the setting's error is reported already
            return ""
        href = channel.href(f"Correction to {site_name}")
        return f'<p><a href="{escape(href)}">{escape(channel.address)}</a></p>'

    return render
