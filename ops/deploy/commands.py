"""`invoke deploy` and `invoke rollback`: check the build, compare it with the target, send the difference."""
from __future__ import annotations

from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from ops.outputlock import OutputBusy, output_lock

from . import guards, manifest
from .errors import DeployError
from .manifest import Build
from .progress import Progress
from .settings import with_defaults
from .target import Target, resolve


def show(line: str) -> None:
    """Print a line at once, even into a CI log (a pipe), so that progress shows while it happens."""
    print(line, flush=True)


def deploy(settings: dict, settings_file: str | Path, output: str | Path, *, dry_run: bool = False,
           environ: dict | None = None, say: Callable[[str], None] = show) -> None:
    """Publish ``output`` to the configured target, or refuse with a DeployError."""
    target = resolve(settings, environ)
    with _reading(Path(output), with_defaults(settings)["DEPLOY_LOCK_TIMEOUT"], say):
        with _redacted(target):
            build = manifest.load(output)
            guards.check(build, settings, settings_file)
        publish(build, target, settings, dry_run=dry_run, say=say)


def publish(build: Build, target: Target, settings: dict, *, dry_run: bool = False,
            say: Callable[[str], None] = show) -> None:
    """Send what differs between ``build`` and ``target``; no change when they are equal."""
    say = _redacting(target, say)
    with _redacted(target):
        say(f"{'Dry run: ' if dry_run else ''}build {build.id} ({build.manifest['public_url']}) "
            f"→ {target.display}")
        backend = open_target(target, settings, say)
        plan = backend.plan(build)
        if not plan:
            say(f"Already live: {target.display} serves exactly this build; nothing to send.")
            return
        if dry_run:
            for line in plan.lines():
                say(line)
            say(f"Would change: {plan.summary()}. Nothing was sent.")
            return
        say(f"Changes: {plan.summary()}.")
        size = sum(build.size(p) for p in plan.transfers if p in build.files)  # git adds .nojekyll
        progress = Progress(len(plan.transfers), size, say)
        where = backend.publish(build, plan, progress)
        say(f"Live: {where}.")


def rollback(settings: dict, *, environ: dict | None = None, say: Callable[[str], None] = show) -> None:
    """Serve the release deployed before the current one again."""
    target = resolve(settings, environ)
    say = _redacting(target, say)
    with _redacted(target):
        where = open_target(target, settings, say).rollback()
    say(f"Rolled back {target.display}: now serving {where}.")


def open_target(target: Target, settings: dict, say: Callable[[str], None]):
    """The backend for the target's kind; each imports its own tools only when used."""
    options = with_defaults(settings)
    if target.kind == "file":
        from .local import LocalTarget
        return LocalTarget(target.location, options["DEPLOY_KEEP_RELEASES"], say)
    if target.kind == "ssh":
        from .ssh import SshTarget
        return SshTarget(target.user, target.host, target.port, target.location, options["DEPLOY_KEEP_RELEASES"],
                         options["DEPLOY_TIMEOUT"], say)
    if target.kind == "git":
        from .git import GitTarget
        return GitTarget(target.location, target.branch, options["DEPLOY_GIT_CACHE"], say, target.display)
    from .s3 import S3Target
    return S3Target(target.host, target.location, options["DEPLOY_CACHE_CONTROL"], options["DEPLOY_TIMEOUT"],
                    options["DEPLOY_RETRIES"], options["DEPLOY_S3_UPLOADS"])


@contextmanager
def _reading(output: Path, timeout: float, say: Callable[[str], None]):
    """Hold output/'s lock, shared with other deploys, so that no build swaps it while it is read and sent."""
    try:
        with output_lock(output, shared=True, timeout=timeout,
                         waiting=lambda: say(f"Waiting for the build writing {output.name}/ to finish…")):
            yield
    except OutputBusy as busy:
        raise DeployError(str(busy), f"DEPLOY_LOCK_TIMEOUT ({timeout:g} s) sets how long a deploy waits") from None


def _redacting(target: Target, say: Callable[[str], None]) -> Callable[[str], None]:
    return lambda text: say(target.redact(text))


@contextmanager
def _redacted(target: Target):
    """Re-raise a DeployError, or a failed file operation, with the target's credentials blanked out."""
    try:
        yield
    except DeployError as error:
        raise DeployError(target.redact(error.message), target.redact(error.hint or "") or None) from None
    except OSError as error:
        raise DeployError(target.redact(str(error)), "fix the cause and deploy again") from None
