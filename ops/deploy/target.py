"""Where a deploy goes: the DEPLOY_TARGET URL, parsed, checked, and kept out of logs.

Credentials never come from the repository: a password or token inside DEPLOY_TARGET
(publishconf.py) is refused. Only a git https target given in the environment
(EXHIBIT_DEPLOY_TARGET) may carry a token, and every line a deploy prints is redacted.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from .errors import DeployError

ENVIRONMENT_VARIABLE = "EXHIBIT_DEPLOY_TARGET"
FORMS = ("file:///srv/exhibit, ssh://user@host:22/srv/exhibit, "
         "git+ssh://git@github.com/owner/repo.git#gh-pages, s3://bucket/prefix")
# A password in any URL a tool prints: `scheme://user:secret@host`.
_URL_PASSWORD = re.compile(r"(?P<head>[a-z][a-z0-9+.-]*://[^/@:\s]*):[^/@\s]*@", re.I)
# Environment variables whose values are secrets wherever they turn up.
_SECRET_NAME = re.compile(r"SECRET|TOKEN|PASSWORD|PASSWD|CREDENTIAL|ACCESS_KEY", re.I)


@dataclass(frozen=True)
class Target:
    """A parsed deploy target. ``location`` is the path, the remote URL or the bucket prefix."""

    kind: str  # "file", "ssh", "git" or "s3"
    url: str
    host: str = ""
    user: str = ""
    port: int | None = None
    location: str = ""
    branch: str = ""
    secrets: tuple[str, ...] = field(default=(), repr=False)

    @property
    def display(self) -> str:
        return self.redact(self.url)

    def redact(self, text: str) -> str:
        """``text`` with every credential replaced by ***."""
        for secret in self.secrets:
            text = text.replace(secret, "***")
        return _URL_PASSWORD.sub(r"\g<head>:***@", text)


def resolve(settings: dict, environ: dict | None = None) -> Target:
    """The target of this deploy: EXHIBIT_DEPLOY_TARGET if set, else DEPLOY_TARGET."""
    environ = os.environ if environ is None else environ
    from_environment = bool(environ.get(ENVIRONMENT_VARIABLE, "").strip())
    url = (environ[ENVIRONMENT_VARIABLE] if from_environment else settings.get("DEPLOY_TARGET") or "").strip()
    if not url:
        raise DeployError(f"no deploy target: DEPLOY_TARGET in publishconf.py is empty and "
                          f"{ENVIRONMENT_VARIABLE} is not set",
                          f"set one of them to a URL such as {FORMS} (see docs/DEPLOYING.md)")
    secrets = tuple(value for name, value in environ.items() if _SECRET_NAME.search(name) and len(value) >= 6)
    return parse(url, from_environment=from_environment, secrets=secrets)


def parse(url: str, *, from_environment: bool = False, secrets: tuple[str, ...] = ()) -> Target:
    parts = urlsplit(url)
    password = unquote(parts.password) if parts.password else ""
    secrets = tuple(s for s in (*secrets, password, parts.password or "") if s)
    shown = Target("", url, secrets=secrets).display
    scheme = parts.scheme.lower()
    if password and not (scheme in ("git+https", "git+http") and from_environment):
        where = (f"{ENVIRONMENT_VARIABLE}" if from_environment else "DEPLOY_TARGET in publishconf.py")
        raise DeployError(f"{where} holds a password ({shown})",
                          "credentials never go in the repository: use the SSH agent for ssh:// and git+ssh://, "
                          "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY for s3://, a git credential helper "
                          f"or a token in {ENVIRONMENT_VARIABLE} for git+https://")
    if scheme == "file":
        if parts.netloc not in ("", "localhost") or not parts.path.startswith("/"):
            raise DeployError(f"{shown}: a file target is an absolute local path", "write file:///srv/exhibit")
        return Target("file", url, location=unquote(parts.path).rstrip("/") or "/", secrets=secrets)
    if scheme == "ssh":
        path = unquote(parts.path).rstrip("/")
        if not parts.hostname or not path.startswith("/"):
            raise DeployError(f"{shown}: an ssh target names a host and an absolute path",
                              "write ssh://user@host:22/srv/exhibit")
        return Target("ssh", url, host=parts.hostname, user=unquote(parts.username or ""), port=parts.port,
                      location=path, secrets=secrets)
    if scheme.startswith("git+"):
        remote = url[len("git+"):].split("#", 1)[0]
        return Target("git", url, location=remote, branch=parts.fragment or "gh-pages", secrets=secrets)
    if scheme == "s3":
        if not parts.netloc:
            raise DeployError(f"{shown}: an s3 target names a bucket", "write s3://bucket or s3://bucket/prefix")
        return Target("s3", url, host=parts.netloc, location=parts.path.strip("/"), secrets=secrets)
    raise DeployError(f"{shown}: not a deploy target I know", f"use one of {FORMS}")
