"""Settings `invoke deploy` reads from publishconf.py, with their defaults."""
from __future__ import annotations

from exhibit.settingskit import (TEXT, Setting, defaults_table, number, pairs, setting_line, settle_settings,
                                 whole_number)

from .errors import DeployError

# Addresses that change whenever their bytes do, because a version or a content hash is part of the
# path: `vendor/leaflet-1.9.4/…`, `vendor/x@2.0/…`, `app.3f2a9c1e.js`, and the index files Pagefind
# names by hash (`pagefind/fragment/en_9169705.pf_fragment`, `pagefind/pagefind.en_1c2d3e4.pf_meta`).
# Elsewhere a hash is seven or more hex digits mixing letters and digits, so dates and words never match.
FINGERPRINTED = (r"(^|/)vendor/[^/]*[-@]v?\d+(\.\d+)+[^/]*/"
                 r"|(^|/)pagefind/((fragment|index|filter)/|pagefind\.[^/]+\.pf_meta$)"
                 r"|[._-](?=[a-f]*[0-9])(?=[0-9]*[a-f])[0-9a-f]{7,}\.[a-z0-9_]+$")

SETTINGS = [
    Setting("DEPLOY_TARGET", "", TEXT,
            "where `invoke deploy` publishes output/: a file://, ssh://, git+… or s3:// URL; the environment "
            "variable EXHIBIT_DEPLOY_TARGET overrides it; empty refuses"),
    Setting("DEPLOY_KEEP_RELEASES", 5, whole_number(1),
            "file:// and ssh:// targets: how many of the releases last served to keep for `invoke rollback`"),
    Setting("DEPLOY_TIMEOUT", 30, number(0),
            "seconds an s3://, ssh:// or rsync connection may take to open, or stay silent, before the deploy "
            "fails instead of waiting"),
    Setting("DEPLOY_RETRIES", 3, whole_number(1),
            "s3:// targets: attempts per request (the first one included) before the deploy fails"),
    Setting("DEPLOY_S3_UPLOADS", 16, whole_number(1), "s3:// targets: how many files are uploaded at once"),
    Setting("DEPLOY_LOCK_TIMEOUT", 600.0, number(0),
            "seconds a deploy waits for a build that is writing output/ to finish before it refuses"),
    Setting("DEPLOY_GIT_CACHE", "cache/deploy-git", TEXT,
            "a local clone per git target, so a deploy fetches only what is new"),
    Setting("DEPLOY_CACHE_CONTROL", [
        (r"\.html$", "public, max-age=300"),
        (r"\.(xml|json|txt|webmanifest)$", "public, max-age=300"),  # feeds, sitemap, indexes naming files
        (FINGERPRINTED, "public, max-age=31536000, immutable"),
        (r"", "public, max-age=3600"),
    ], pairs("regular expression", "Cache-Control"),
        "s3:// targets: Cache-Control per path, first matching regular expression wins"),
]
DEFAULTS = defaults_table(SETTINGS)


def with_defaults(settings: dict) -> dict:
    """The DEPLOY_* settings, with the default of each one that ``settings`` does not set; a value of
    the wrong kind refuses the deploy, naming the line that sets it."""
    options = {s.name: settings[s.name] for s in SETTINGS if s.name in settings}
    wrong = settle_settings(options, SETTINGS)
    if not wrong:
        return options
    problems = []
    for setting, problem in wrong:
        path, line = setting_line({"EXHIBIT_SETTINGS_FILE": "publishconf.py", **settings}, setting.name)
        problems.append(f"{path}{f':{line}' if line else ''}: {setting.name}: {problem}")
    raise DeployError("; ".join(problems), wrong[0][0].hint if len(wrong) == 1 else
                      "docs/SETTINGS.md gives the form and the default of each DEPLOY_* setting")
