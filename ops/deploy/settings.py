"""Settings `invoke deploy` reads from publishconf.py, with their defaults."""
from __future__ import annotations

# Addresses that change whenever their bytes do, because a version or a content hash is part of the
# path: `vendor/leaflet-1.9.4/…`, `vendor/x@2.0/…`, `app.3f2a9c1e.js`, and the index files Pagefind
# names by hash (`pagefind/fragment/en_9169705.pf_fragment`, `pagefind/pagefind.en_1c2d3e4.pf_meta`).
# Elsewhere a hash is seven or more hex digits mixing letters and digits, so dates and words never match.
FINGERPRINTED = (r"(^|/)vendor/[^/]*[-@]v?\d+(\.\d+)+[^/]*/"
                 r"|(^|/)pagefind/((fragment|index|filter)/|pagefind\.[^/]+\.pf_meta$)"
                 r"|[._-](?=[a-f]*[0-9])(?=[0-9]*[a-f])[0-9a-f]{7,}\.[a-z0-9_]+$")

DEFAULTS: dict[str, tuple[object, str]] = {
    "DEPLOY_TARGET": ("", "where `invoke deploy` publishes output/: a file://, ssh://, git+… or s3:// URL; "
                          "the environment variable EXHIBIT_DEPLOY_TARGET overrides it; empty refuses"),
    "DEPLOY_KEEP_RELEASES": (5, "file:// and ssh:// targets: how many of the releases last served to keep for "
                                "`invoke rollback`"),
    "DEPLOY_TIMEOUT": (30, "seconds an s3://, ssh:// or rsync connection may take to open, or stay silent, before "
                           "the deploy fails instead of waiting"),
    "DEPLOY_RETRIES": (3, "s3:// targets: attempts per request (the first one included) before the deploy fails"),
    "DEPLOY_S3_UPLOADS": (16, "s3:// targets: how many files are uploaded at once"),
    "DEPLOY_LOCK_TIMEOUT": (600.0, "seconds a deploy waits for a build that is writing output/ to finish "
                                   "before it refuses"),
    "DEPLOY_GIT_CACHE": ("cache/deploy-git", "a local clone per git target, so a deploy fetches only what "
                                             "is new"),
    "DEPLOY_CACHE_CONTROL": ([
        (r"\.html$", "public, max-age=300"),
        (r"\.(xml|json|txt|webmanifest)$", "public, max-age=300"),  # feeds, sitemap, indexes that name other files
        (FINGERPRINTED, "public, max-age=31536000, immutable"),
        (r"", "public, max-age=3600"),
    ], "s3:// targets: Cache-Control per path, first matching regular expression wins"),
}


def with_defaults(settings: dict) -> dict:
    """The DEPLOY_* settings, with the default of each one that ``settings`` does not set."""
    return {name: settings.get(name, default) for name, (default, _doc) in DEFAULTS.items()}
