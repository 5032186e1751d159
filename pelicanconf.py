"""Development settings: relative links, no feeds. publishconf.py builds on these."""

import os

AUTHOR = "The exhibit's curators"
SITENAME = "126 Days in Lima"
# The author of every "Cite this page" reference. Curators: put your names here, "Family, Given" each;
# until then the project is named as a group.
EXHIBIT_CURATORS = [{"literal": "126 Days in Lima project"}]
SITESUBTITLE = "The hostage crisis at the Japanese ambassador's residence, 1996–1997"
SITEURL = ""
RELATIVE_URLS = True

PATH = "content"
THEME = "theme"
TIMEZONE = "America/Lima"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%-d %B %Y"

PLUGIN_PATHS = ["plugins"]
# One plugin per line. "exhibit" (the content model) must come first.
PLUGINS = [
    "exhibit",
    "sources",
    "citations",
    "timeline",
    "map",
    "images",
    "discovery",
    "overview",
]

# Essays are Pelican articles; source records and data files are read by the exhibit plugin.
ARTICLE_PATHS = ["essays"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
# theme/static/fonts is read in place by plugins/images (cards, favicons, maps); no page loads it, so
# the theme copy skips any folder named "fonts" ("**/.*" is Pelican's own default, kept).
IGNORE_FILES = ["**/.*", "fonts"]
ARTICLE_URL = ARTICLE_SAVE_AS = "essays/{slug}.html"
# An essay written in another language (Lang: es) lives with the others, not at the site root.
ARTICLE_LANG_URL = ARTICLE_LANG_SAVE_AS = "essays/{slug}.html"
PAGE_URL = PAGE_SAVE_AS = "{slug}.html"

# Plain .html addresses open from disk as well as from any host.
INDEX_SAVE_AS = "index.html"
DIRECT_TEMPLATES = ["index"]
ARCHIVES_SAVE_AS = AUTHORS_SAVE_AS = CATEGORIES_SAVE_AS = TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = CATEGORY_SAVE_AS = TAG_SAVE_AS = ""
DRAFT_SAVE_AS = DRAFT_PAGE_SAVE_AS = ""
DEFAULT_PAGINATION = False
SLUGIFY_SOURCE = "basename"

FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

MARKDOWN = {
    "extension_configs": {
        # Citations become footnotes and share their numbering (plugins/citations).
        "markdown.extensions.extra": {"footnotes": {"SEPARATOR": "-", "USE_DEFINITION_ORDER": False}},
        "markdown.extensions.meta": {},
        "markdown.extensions.smarty": {},
        "markdown.extensions.toc": {"permalink": False},
    },
    "output_format": "html5",
}

# The siege, for the timeline's "Day N", counted in 24-hour days from the seizure (about 20:30 by
# Minnig's account): 17 December is day 1 and the raid on the afternoon of 22 April day 126.
TIMELINE_SIEGE_START = "1996-12-17 20:30"
TIMELINE_SIEGE_END = "1997-04-22"

# The map's focus area, metropolitan Lima and Callao ([[south, west], [north, east]]), and its name.
MAP_BOUNDS = [[-12.55, -77.25], [-11.55, -76.6]]
MAP_BOUNDS_NAME = "Lima"

# Where readers report an error: "mailto:<address>" (shown as the address; the link adds a subject line)
# or the https:// address of a corrections page or form. Every page's footer links it, and
# {% corrections %} on a line of its own shows it in a page. The environment variable
# EXHIBIT_CORRECTIONS overrides it. A production build (`invoke build`) refuses an empty value or a
# placeholder (example.org, .test, localhost…).
EXHIBIT_CORRECTIONS = os.environ.get("EXHIBIT_CORRECTIONS", "mailto:corrections@lima-1996.museum")

# Navigation shown in the header of every page: (label, address relative to the site root).
MENU = [
    ("Essays", "index.html#essays"),
    ("Timeline", "timeline.html"),
    ("Map", "map.html"),
    ("Sources", "sources/index.html"),
    ("Data", "data.html"),
    ("About", "about.html"),
    ("Search", "search.html"),
]

# Every value that reaches a template is escaped unless a template marks it `|safe`
# (only HTML the build itself produced from Markdown or citeproc is).
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}
