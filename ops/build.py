"""Run Pelican on the exhibit: check content, or build into a staging folder and swap it in.

A build writes into ``<output>.staging`` and only replaces ``<output>`` when it
finished without a single error, so a failed build never leaves a half-written
site behind. Pelican's own warnings and errors (a template that cannot render, a
broken ``{filename}`` link) are collected with ours and fail the build too.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import sys
import traceback
import weakref
from contextlib import contextmanager
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from blinker import Signal
from pelican import Pelican, signals
from pelican.settings import read_settings

from exhibit.errors import ErrorLog, ExhibitBuildError
from ops.outputlock import OutputBusy, output_lock
from exhibit.settings import DEFAULTS

# Pelican messages that are advice, not a broken exhibit.
HARMLESS = ("Feeds generated without SITEURL",)
MANIFEST = ".exhibit-build.json"


class _PelicanMessages(logging.Handler):
    """Collects what Pelican logs at WARNING and above."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if record.exc_info and record.exc_info[1] is not None:
            message += f": {record.exc_info[1]}"
        if not message.startswith(HARMLESS):
            self.messages.append(message)


@contextmanager
def _collect_pelican_messages():
    handler = _PelicanMessages()
    logger = logging.getLogger("pelican")
    logger.addHandler(handler)
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)


def load_settings(settings_file: str | Path, overrides: dict | None = None) -> dict:
    # Pelican keeps each settings file it reads as a module named after the file, and publishconf.py
    # imports `pelicanconf`: forget an earlier one (perhaps another folder's), or it would be reused.
    sys.modules.pop("pelicanconf", None)
    overrides = {"EXHIBIT_SETTINGS_FILE": str(Path(settings_file).resolve()), **(overrides or {})}
    return read_settings(str(settings_file), override=overrides)


def _merge(log: ErrorLog | None, messages: list[str], settings: dict) -> ErrorLog:
    if log is None:
        log = ErrorLog(root=Path(settings["PATH"]).parent)
    content = Path(settings["PATH"]).name + "/"
    # Pelican names a file from content/, the log from the project: either way counts as reported.
    reported = {name for e in log.errors for name in (e.path, e.path.removeprefix(content))}
    for message in messages:
        # Pelican repeats, less precisely, what the model already said about a file.
        if not any(path in message for path in reported):
            log.error("pelican", None, message)
    return log


def _pelican(settings: dict) -> Pelican:
    """Pelican for one build, with only the plugins of its own PLUGINS connected, in their order.
    Plugins stay connected to Pelican's signals after a build; a later build in the same process
    (tests, `invoke serve`) would otherwise also run those of an earlier PLUGINS, in their first order."""
    for value in vars(signals).values():
        if isinstance(value, Signal):
            for ref in list(value.receivers.values()):
                receiver = ref() if isinstance(ref, weakref.ref) else ref
                if receiver is not None:
                    value.disconnect(receiver)
    return Pelican(settings)


def check(settings_file: str | Path, overrides: dict | None = None) -> ErrorLog:
    """Read and validate everything, render nothing. Returns the log of problems."""
    settings = load_settings(settings_file, overrides)
    log = None
    with _collect_pelican_messages() as messages:
        try:
            pelican = _pelican(settings)
            context = settings.copy()
            context.update(generated_content={}, static_links=set(), static_content={},
                           localsiteurl=settings["SITEURL"])
            # The first half of Pelican.run(): every generator reads, none writes.
            generators = [cls(context=context, settings=settings, path=pelican.path,
                              theme=pelican.theme, output_path=pelican.output_path)
                          for cls in pelican._get_generator_classes()]
            for generator in generators:
                generator.generate_context()
            signals.all_generators_finalized.send(generators)
        except ExhibitBuildError as exc:
            log = exc.log
    return _merge(log if log is not None else settings["EXHIBIT"].log, messages, settings)


def build(settings_file: str | Path, output: str | Path | None = None,
          overrides: dict | None = None, waiting=None) -> ErrorLog:
    """Build into a staging folder and swap it in; raise ExhibitBuildError on any error.

    The build holds the output folder's lock throughout (a second build waits for it, calling
    ``waiting()`` once, for up to ``EXHIBIT_LOCK_TIMEOUT`` seconds, then stops with an error)."""
    overrides = dict(overrides or {})
    first = load_settings(settings_file, overrides)
    target = Path(output or first["OUTPUT_PATH"]).resolve()
    timeout = first.get("EXHIBIT_LOCK_TIMEOUT", DEFAULTS["EXHIBIT_LOCK_TIMEOUT"][0])
    try:
        with output_lock(target, timeout=timeout, waiting=waiting):
            return _build_locked(settings_file, target, overrides)
    except OutputBusy as exc:
        log = ErrorLog(root=Path(first["PATH"]).parent)
        log.error(target, None, str(exc), "set EXHIBIT_LOCK_TIMEOUT to wait longer")
        raise ExhibitBuildError(log) from None


def _build_locked(settings_file: str | Path, target: Path, overrides: dict) -> ErrorLog:
    _finish_interrupted_swap(target)
    staging = target.with_name(target.name + ".staging")
    shutil.rmtree(staging, ignore_errors=True)
    overrides.update(OUTPUT_PATH=str(staging), DELETE_OUTPUT_DIRECTORY=False)
    settings = load_settings(settings_file, overrides)
    _keep_compiled_templates(settings)
    with _collect_pelican_messages() as messages:
        try:
            _pelican(settings).run()
        except ExhibitBuildError:
            pass  # the model's log already holds every error
        except Exception as exc:  # a template or plugin failed while writing
            settings["EXHIBIT"].log.error(*_locate(exc))
    log = _merge(settings["EXHIBIT"].log, messages, settings)
    if log:
        shutil.rmtree(staging, ignore_errors=True)
        raise ExhibitBuildError(log)
    write_manifest(staging, settings_file, settings)
    _swap_in(staging, target)
    return log


def _keep_compiled_templates(settings: dict) -> None:
    """Let every Jinja environment of the build keep compiled templates in ``CACHE_PATH/jinja``
    (checked against each template's text, so an edited template is compiled again)."""
    folder = Path(settings["CACHE_PATH"]) / "jinja"
    folder.mkdir(parents=True, exist_ok=True)
    settings["JINJA_ENVIRONMENT"] = {**settings["JINJA_ENVIRONMENT"],
                                     "bytecode_cache": FileSystemBytecodeCache(str(folder))}


def _tree_files(folder: Path):
    return sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def source_fingerprint(settings: dict, settings_file: str | Path) -> str:
    """A hash of everything a build reads: content, theme, plugins and both settings files."""
    project = Path(settings_file).resolve().parent
    digest = hashlib.sha256()
    roots = [Path(settings["PATH"]), Path(settings["THEME"]), *map(Path, settings["PLUGIN_PATHS"])]
    files = [f for root in roots for f in _tree_files(project / root)]
    files += [project / name for name in ("pelicanconf.py", "publishconf.py") if (project / name).exists()]
    for path in files:
        digest.update(str(path.relative_to(project) if path.is_relative_to(project) else path).encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def write_manifest(output: Path, settings_file: str | Path, settings: dict) -> None:
    """Record what was built and how, for `invoke deploy`'s guards. No timestamps: two builds of
    the same sources give the same bytes."""
    manifest = {
        "settings": Path(settings_file).name,
        "production": bool(settings.get("PUBLIC_URL")),
        "public_url": settings.get("PUBLIC_URL", ""),
        "sources": source_fingerprint(settings, settings_file),
        "files": {str(p.relative_to(output)): hashlib.sha256(p.read_bytes()).hexdigest()
                  for p in _tree_files(output)},
    }
    (output / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def _locate(exc: Exception) -> tuple[str, int | None, str]:
    """The innermost template frame of a rendering error, or the plugin frame that raised."""
    frames = traceback.extract_tb(exc.__traceback__)
    place = next((f for f in reversed(frames) if f.filename.endswith((".html", ".xml", ".j2"))),
                 frames[-1] if frames else None)
    message = f"{type(exc).__name__}: {exc}"
    return (place.filename, place.lineno, message) if place else ("build", None, message)


def _finish_interrupted_swap(target: Path) -> None:
    """A build stopped between the two renames of :func:`_swap_in` left the last good site as
    ``<output>.old`` and no ``<output>``: put it back before anything deletes it."""
    old = target.with_name(target.name + ".old")
    if old.is_dir() and not target.exists():
        os.rename(old, target)


def _swap_in(staging: Path, target: Path) -> None:
    """Replace ``target`` by ``staging`` with two renames; the old tree goes last."""
    old = target.with_name(target.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.rename(target, old)
    os.rename(staging, target)
    shutil.rmtree(old, ignore_errors=True)
