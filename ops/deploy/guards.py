"""What a build must be before it may go live: production settings, and built from the sources
as they are now. Both facts come from the build's manifest, never from timestamps."""
from __future__ import annotations

from pathlib import Path

from ops.build import source_fingerprint

from .errors import DeployError
from .manifest import Build


def check(build: Build, settings: dict, settings_file: str | Path) -> None:
    """Refuse a development build, a build older than the sources, or one made for another address."""
    manifest = build.manifest
    if not manifest.get("production"):
        raise DeployError(f"{build.root} is a development build (made with {manifest.get('settings')}), "
                          "without the public address, canonical links or feeds",
                          "build for production with `invoke build` (publishconf.py), then deploy")
    if manifest.get("sources") != source_fingerprint(settings, settings_file):
        raise DeployError(f"{build.root} is older than the sources: content/, theme/, plugins/ or the "
                          "settings changed after it was built (or the last build failed)",
                          "run `invoke build deploy`: deploy only runs if the build succeeds")
    public_url = settings.get("PUBLIC_URL", "")
    if manifest.get("public_url") != public_url:
        raise DeployError(f"{build.root} was built for {manifest.get('public_url')} but the settings now "
                          f"say {public_url}", "run `invoke build deploy` with the same EXHIBIT_SITEURL")
