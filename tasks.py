"""Tasks for curators and maintainers: `invoke --list` shows them all.

The work itself lives in ops/ (build, check, scaffolds, deploy, ingest); this file only
parses arguments and reports.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from invoke import Exit, task

ROOT = Path(__file__).resolve().parent
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT)]  # the plugins (the model) and ops/

from ops.build import build as build_site  # noqa: E402
from ops.build import check as check_site  # noqa: E402
from exhibit.errors import ExhibitBuildError  # noqa: E402
from ops import scaffold  # noqa: E402

CONTENT = ROOT / "content"
OUTPUT = ROOT / "output"
DEV_SETTINGS = ROOT / "pelicanconf.py"
PUBLISH_SETTINGS = ROOT / "publishconf.py"


def _build(settings: Path) -> None:
    os.chdir(ROOT)
    try:
        log = build_site(settings, OUTPUT, waiting=lambda: print(
            "Another build is writing output/ (or a deploy is reading it); waiting for it to finish…",
            file=sys.stderr, flush=True))
    except ExhibitBuildError as exc:
        print(exc.log.report(), file=sys.stderr)
        print(f"\nBuild failed: {exc.summary}. output/ was left as it was.", file=sys.stderr)
        raise Exit(code=1) from None
    if log.entries:
        print(log.report(), file=sys.stderr)
    print(f"Built the exhibit into {OUTPUT.relative_to(ROOT)}/")


@task
def build(c):
    """Production build (publishconf.py) into output/; output/ is replaced only on success."""
    _build(PUBLISH_SETTINGS)


# What `invoke serve` rebuilds in its warm process, and what makes it start again: code and settings are
# imported once per process, so an edit to them is only seen by a new one.
PREVIEW_CONTENT = ("content", "theme")
PREVIEW_CODE = ("plugins", "ops", "pelicanconf.py", "tasks.py")


@task
def serve(c, port=8000):
    """Development build, then serve on 127.0.0.1 with live reload: content and theme edits rebuild in this
    process; an edit to plugins/, ops/, pelicanconf.py or tasks.py starts the preview again, so it runs."""
    from livereload import Server

    def rebuild():
        started = time.perf_counter()
        try:
            _build(DEV_SETTINGS)
        except Exit:
            print("Fix the errors above; the preview keeps showing the last good build.", flush=True)
        else:
            print(f"Rebuilt in {time.perf_counter() - started:.1f} s", flush=True)

    def restart():
        print("Code or settings changed: starting the preview again so that they take effect.", flush=True)
        os.execv(sys.executable, [sys.executable, "-m", "invoke", "serve", "--port", str(port)])

    rebuild()
    server = Server()
    for watched in PREVIEW_CONTENT:
        server.watch(str(ROOT / watched), rebuild, delay=0.3)
    for watched in PREVIEW_CODE:
        server.watch(str(ROOT / watched), restart, delay=0.3)
    print(f"Previewing at http://127.0.0.1:{port}/ — Ctrl+C to stop.", flush=True)
    server.serve(host="127.0.0.1", port=port, root=str(OUTPUT), open_url_delay=None)


@task
def clean(c):
    """Remove output/ and Pelican's cache."""
    for folder in (OUTPUT, ROOT / "output.staging", ROOT / "output.old", ROOT / "cache"):
        shutil.rmtree(folder, ignore_errors=True)


@task
def check(c):
    """Validate all content and data without writing output; exit 1 on any error."""
    os.chdir(ROOT)
    log = check_site(DEV_SETTINGS)
    if log.entries:
        print(log.report(), file=sys.stderr)
    if log:
        print(f"\n{len(log.errors)} error(s), {len(log.warnings)} warning(s).", file=sys.stderr)
        raise Exit(code=1)
    print(f"Content is valid ({len(log.warnings)} warning(s)).")


@task(help={"title": "the essay's title, in quotes"})
def new_essay(c, title):
    """Write a new essay, last in the sequence, ready to edit: invoke new-essay "Title"."""
    path = scaffold.new_essay(CONTENT, title)
    print(f"Wrote {path.relative_to(ROOT)}")


@task(help={"title": "the source's title", "publisher": "who published it",
            "published": "date YYYY-MM-DD (or YYYY-MM, YYYY)",
            "consulted": "how much of it you read: 'in full', 'in part' or 'through another source'",
            "kind": "e.g. 'news report'", "language": "en, es, ja…", "url": "its address",
            "key": "citation key (default publisher-date)"})
def new_source(c, title, publisher, published, consulted, kind="news report", language="en", url=None, key=None):
    """Write a new source record: invoke new-source "Title" --publisher CNN --published 1996-12-20
    --consulted "in full"."""
    try:
        path = scaffold.new_source(CONTENT, title, publisher, published, consulted, kind, language, url, key)
    except (ValueError, FileExistsError) as exc:
        raise Exit(f"Not written: {exc}", code=1) from None
    print(f"Wrote {path.relative_to(ROOT)}")


def _deploy_command(action, failure: str) -> None:
    from ops.deploy.errors import DeployError
    from ops.build import load_settings

    os.chdir(ROOT)
    try:
        action(load_settings(PUBLISH_SETTINGS))
    except DeployError as exc:
        print(f"{failure}: {exc}", file=sys.stderr)
        raise Exit(code=1) from None


@task(help={"dry_run": "list what would change on the target and send nothing"})
def deploy(c, dry_run=False):
    """Publish output/ to DEPLOY_TARGET (or $EXHIBIT_DEPLOY_TARGET): run as `invoke build deploy`."""
    from ops.deploy.commands import deploy as deploy_site

    _deploy_command(lambda settings: deploy_site(settings, PUBLISH_SETTINGS, OUTPUT, dry_run=dry_run),
                    "Not deployed")


@task
def rollback(c):
    """Serve the previously deployed release again (file:// and ssh:// targets, and git branches)."""
    from ops.deploy.commands import rollback as rollback_site

    _deploy_command(rollback_site, "Not rolled back")


@task(positional=["path"], help={
    "path": "a capture file or a folder of .txt captures; more after --: invoke ingest a.txt -- b.txt",
    "publisher": "publisher of captures that print none, e.g. an encyclopedia extract",
    "published": "date YYYY-MM-DD (or YYYY-MM, YYYY) for captures that print none",
    "language": "the captures' language code (default en)"})
def ingest(c, path, publisher=None, published=None, language="en"):
    """Draft source records from raw web captures into content/sources/ (docs/INGESTING.md)."""
    from ops.ingest.records import Fallbacks
    from ops.ingest.report import failed, format_report
    from ops.ingest.writer import ingest as ingest_captures

    try:
        fallbacks = Fallbacks.parse(publisher, published, language)
    except ValueError as exc:
        raise Exit(f"Nothing ingested: {exc}", code=1) from None
    reports = ingest_captures([Path(path), *map(Path, c.remainder.split())], CONTENT, fallbacks)
    print(format_report(reports, ROOT))
    if failed(reports):
        raise Exit(code=1)


@task
def test_setup(c):
    """Install what the tests need beyond Python packages: Debian's Chromium, OpenSSH's server, rsync,
    Java and Node (apt, only what is missing), then axe-core and the Nu HTML Checker (npm ci)."""
    needed = {"chromium": shutil.which("chromium"), "rsync": shutil.which("rsync"),
              "openssh-server": shutil.which("sshd") or Path("/usr/sbin/sshd").exists(),
              "default-jre-headless": shutil.which("java"), "nodejs": shutil.which("node"),
              "npm": shutil.which("npm")}
    missing = [package for package, found in needed.items() if not found]
    if missing:
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        subprocess.run([*sudo, "apt-get", "update", "-qq"], check=True)
        subprocess.run([*sudo, "apt-get", "install", "-y", "-qq", *missing], check=True)
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=ROOT, check=True)


@task(help={"into": "folder for the JSON reports and summary.md (default cache/lighthouse)"})
def audit(c, into="cache/lighthouse"):
    """Lighthouse on one page of each type of a production build (tools/audit.py); a report, not a gate."""
    from tools.audit import build_and_audit

    os.chdir(ROOT)
    print(build_and_audit(PUBLISH_SETTINGS, ROOT / into))


@task(help={"size": "small, 1000, scale, several joined by commas, or all (default small)",
            "runs": "runs of each build, interleaved; medians are reported (default 3)",
            "parts": "timings, weight, profile (of the largest size chosen), joined by commas (default timings,weight)"})
def bench(c, size="small", runs=3, parts="timings,weight"):
    """Benchmarks (docs/PERFORMANCE.md): build times against plain Pelican, page weight, a profile."""
    from tools.bench.cli import bench as run_bench

    try:
        print(run_bench(size, int(runs), parts, say=lambda line: print(line, file=sys.stderr, flush=True)))
    except ValueError as exc:
        raise Exit(f"Not run: {exc}", code=1) from None


REQUIREMENTS = ROOT / "requirements"
# Each lock: the extras of pyproject.toml it holds. README's two commands install build.txt and test.txt.
LOCKS = {"build.txt": [], "test.txt": ["test"], "tools.txt": ["tools"]}
TOOLS = ROOT / "cache/tools"  # a virtualenv of the maintainers' tools, from requirements/tools.txt


def _tool(name: str) -> str:
    """The path of a maintainers' tool (uv, pip-audit), installed from its lock on first use."""
    if not (TOOLS / "bin" / name).exists():
        subprocess.run([sys.executable, "-m", "venv", str(TOOLS)], check=True)
        subprocess.run([str(TOOLS / "bin/pip"), "install", "-q", "--require-hashes", "-r",
                        str(REQUIREMENTS / "tools.txt")], check=True)
    return str(TOOLS / "bin" / name)


@task(help={"upgrade": "take the newest release of every package the pins in pyproject.toml allow"})
def lock_deps(c, upgrade=False):
    """Write requirements/*.txt from pyproject.toml: every package pinned, with its hashes."""
    for name, extras in LOCKS.items():
        c.run(" ".join([_tool("uv"), "pip", "compile", "pyproject.toml", "--quiet", "--generate-hashes",
                        "--universal", "--python-version", "3.11", "--no-header",
                        *(f"--extra {extra}" for extra in extras), *(["--upgrade"] if upgrade else []),
                        "-o", f"requirements/{name}"]))
    print("Locked: " + ", ".join(f"requirements/{name}" for name in LOCKS))


@task
def audit_deps(c):
    """Look up known vulnerabilities of every locked Python package (pip-audit) and npm package (npm audit).

    Both ask a vulnerability database on the network (PyPI's JSON API, the npm registry's audit
    endpoint); where it cannot be reached, the task says so and fails rather than pass unaudited."""
    os.chdir(ROOT)
    failed = []
    for name in LOCKS:
        if c.run(f"{_tool('pip-audit')} --disable-pip --progress-spinner off -r requirements/{name}",
                 warn=True).failed:
            failed.append(f"requirements/{name}")
    if c.run("npm audit --omit=optional", warn=True).failed:
        failed.append("package-lock.json")
    if failed:
        raise Exit("Not audited clean: " + ", ".join(failed) + " (a vulnerability was found, or the "
                   "vulnerability database could not be reached: see above)", code=1)
    print("No known vulnerability in the locked packages.")


@task(help={"args": "extra pytest arguments, e.g. '-k footnotes -x'"})
def test(c, args=""):
    """Run the whole test suite (unit, build and headless-browser tests)."""
    os.chdir(ROOT)
    c.run(f"{sys.executable} -m pytest {args}", pty=False)
