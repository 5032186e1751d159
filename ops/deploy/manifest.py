"""The build to deploy: output/ and the manifest the build wrote into it.

`ops.build.write_manifest` records every file's SHA-256 when a build succeeds. A build
is deployable only if output/ still holds exactly those files with exactly those bytes.
The manifest itself is never published (see docs/DEPLOYING.md).
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from ops.build import MANIFEST

from .errors import DeployError

EMPTY_GIT_BLOB = "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"


def _git_blob(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


DIGESTS = {
    "sha256": lambda data: hashlib.sha256(data).hexdigest(),
    "md5": lambda data: hashlib.md5(data, usedforsecurity=False).hexdigest(),  # what S3 ETags are
    "git": _git_blob,  # the object id git gives the file's bytes
}


@dataclass
class Build:
    """A finished build in ``root``: its manifest and the files it lists."""

    root: Path
    manifest: dict
    _digests: dict = field(default_factory=dict, repr=False)

    @property
    def files(self) -> dict[str, str]:
        """Relative path → SHA-256, as recorded by the build."""
        return self.manifest["files"]

    @property
    def id(self) -> str:
        """Twelve hex digits naming the published bytes: equal builds have equal ids."""
        canonical = json.dumps(self.files, sort_keys=True).encode()
        return hashlib.sha256(canonical).hexdigest()[:12]

    def size(self, path: str) -> int:
        return (self.root / path).stat().st_size

    def digests(self, kind: str) -> dict[str, str]:
        """Relative path → digest of the given kind ("sha256", "md5" or "git")."""
        if kind == "sha256":
            return dict(self.files)
        if kind not in self._digests:
            self._digests[kind] = {path: DIGESTS[kind]((self.root / path).read_bytes()) for path in self.files}
        return self._digests[kind]

    def manifest_text(self) -> str:
        return (self.root / MANIFEST).read_text(encoding="utf-8")


def load(output: str | Path) -> Build:
    """The build in ``output``, after checking that every file is exactly as the build left it."""
    root = Path(output)
    manifest_path = root / MANIFEST
    if not manifest_path.is_file():
        raise DeployError(f"{root} holds no finished build (no {MANIFEST})",
                          "run `invoke build`; a build writes its manifest only when it succeeds")
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        recorded = manifest["files"]
    except (ValueError, KeyError, TypeError):
        raise DeployError(f"{manifest_path} is not a build manifest", "run `invoke build` again") from None
    on_disk = {str(p.relative_to(root)): p for p in sorted(root.rglob("*"))
               if p.is_file() and p != manifest_path}
    problems = sorted(set(recorded) - set(on_disk)) + sorted(set(on_disk) - set(recorded))
    problems += [path for path in sorted(set(recorded) & set(on_disk))
                 if hashlib.sha256(on_disk[path].read_bytes()).hexdigest() != recorded[path]]
    if problems:
        shown = ", ".join(problems[:3]) + (f" and {len(problems) - 3} more" if len(problems) > 3 else "")
        raise DeployError(f"{root} was changed after it was built: {shown}",
                          "run `invoke build` again; never edit output/ by hand")
    return Build(root, manifest)
