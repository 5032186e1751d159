"""Production settings: the public address, feeds. Used by `invoke build`."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F401,F403

# A build for the public: it stops while SITEURL or EXHIBIT_CORRECTIONS (pelicanconf.py, or the
# environment variable EXHIBIT_CORRECTIONS) is empty or a placeholder (example.org, .test, localhost…).
EXHIBIT_PRODUCTION = True

# The public address of the exhibit, used for canonical links, feeds and the sitemap.
# Set EXHIBIT_SITEURL to where it is hosted. Links between pages stay relative, so the
# same output also works from any sub-path or from disk.
SITEURL = os.environ.get("EXHIBIT_SITEURL", "https://lima-1996.museum").rstrip("/")
RELATIVE_URLS = True
FEED_DOMAIN = SITEURL
PUBLIC_URL = SITEURL

FEED_ALL_ATOM = "feeds/essays.atom.xml"

# Where `invoke build deploy` publishes: file:///srv/exhibit, ssh://user@host:22/srv/exhibit,
# git+ssh://git@github.com/owner/repo.git#gh-pages or s3://bucket/prefix (docs/DEPLOYING.md).
# Empty: deploy refuses. EXHIBIT_DEPLOY_TARGET overrides it. Never put credentials here.
DEPLOY_TARGET = ""
