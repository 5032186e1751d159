"""What may go live: a finished, untouched, production build of the sources as they are now, which no
build is writing; and a target URL without credentials in the repository."""
import shutil
import time

import pytest

from ops.deploy.commands import deploy
from ops.deploy.errors import DeployError
from ops.deploy.guards import check
from ops.deploy.manifest import load
from ops.deploy.target import parse, resolve
from ops.build import MANIFEST, build, load_settings
from ops.outputlock import output_lock
from tests.support import ROOT


@pytest.fixture
def output(builds, tmp_path):
    copy = tmp_path / "output"
    shutil.copytree(builds.a.root, copy)
    return copy


def test_an_output_without_manifest_is_no_finished_build(output):
    (output / MANIFEST).unlink()
    with pytest.raises(DeployError, match="holds no finished build") as refused:
        load(output)
    assert "invoke build" in refused.value.hint
    with pytest.raises(DeployError, match="holds no finished build"):
        load(output.parent / "never-built")


@pytest.mark.parametrize("change, shown", [
    (lambda o: (o / "about.html").write_text("edited by hand"), "about.html"),
    (lambda o: (o / "about.html").unlink(), "about.html"),
    (lambda o: (o / "stray.html").write_text("left over"), "stray.html"),
])
def test_an_output_changed_after_the_build_is_refused(output, change, shown):
    change(output)
    with pytest.raises(DeployError, match=f"was changed after it was built: {shown}"):
        load(output)


def test_a_development_build_is_refused(mini):
    mini.build("pelicanconf.py")
    settings = load_settings(ROOT / "publishconf.py", {"PATH": str(mini.content)})
    with pytest.raises(DeployError, match=r"is a development build \(made with pelicanconf.py\)"):
        check(load(mini.output), settings, ROOT / "publishconf.py")


def test_a_build_older_than_the_content_is_refused(mini):
    build(ROOT / "publishconf.py", mini.output, {"PATH": str(mini.content)})
    settings = load_settings(ROOT / "publishconf.py", {"PATH": str(mini.content)})
    check(load(mini.output), settings, ROOT / "publishconf.py")  # fresh: accepted
    mini.write("essays/02-talks.md", (mini.content / "essays/02-talks.md").read_text() + "\nOne more line.\n")
    with pytest.raises(DeployError, match="is older than the sources"):
        check(load(mini.output), settings, ROOT / "publishconf.py")


def test_a_build_for_another_public_address_is_refused(mini):
    build(ROOT / "publishconf.py", mini.output, {"PATH": str(mini.content)})
    settings = load_settings(ROOT / "publishconf.py", {"PATH": str(mini.content),
                                                       "PUBLIC_URL": "https://elsewhere.example.org"})
    with pytest.raises(DeployError, match="was built for https://lima-1996.museum but the settings now say "
                                          "https://elsewhere.example.org"):
        check(load(mini.output), settings, ROOT / "publishconf.py")


@pytest.mark.parametrize("url, kind, fields", [
    ("file:///srv/exhibit", "file", {"location": "/srv/exhibit"}),
    ("ssh://deploy@example.org:2222/srv/exhibit/", "ssh",
     {"user": "deploy", "host": "example.org", "port": 2222, "location": "/srv/exhibit"}),
    ("git+ssh://git@github.com/owner/repo.git", "git",
     {"location": "ssh://git@github.com/owner/repo.git", "branch": "gh-pages"}),
    ("git+file:///srv/site.git#main", "git", {"location": "file:///srv/site.git", "branch": "main"}),
    ("s3://exhibit-bucket/lima/1996", "s3", {"host": "exhibit-bucket", "location": "lima/1996"}),
])
def test_target_urls(url, kind, fields):
    target = parse(url)
    assert target.kind == kind and {name: getattr(target, name) for name in fields} == fields


@pytest.mark.parametrize("url, message", [
    ("ftp://example.org/site", "not a deploy target I know"),
    ("file://server/srv/exhibit", "a file target is an absolute local path"),
    ("ssh://example.org", "an ssh target names a host and an absolute path"),
    ("s3:///prefix", "an s3 target names a bucket"),
])
def test_malformed_targets_are_refused(url, message):
    with pytest.raises(DeployError, match=message):
        parse(url)


def test_the_environment_overrides_the_setting_and_an_empty_target_is_refused():
    settings = {"DEPLOY_TARGET": "file:///srv/exhibit"}
    assert resolve(settings, {"EXHIBIT_DEPLOY_TARGET": "s3://bucket"}).kind == "s3"
    assert resolve(settings, {"EXHIBIT_DEPLOY_TARGET": ""}).kind == "file"
    with pytest.raises(DeployError, match="no deploy target") as refused:
        resolve({"DEPLOY_TARGET": ""}, {})
    assert "docs/DEPLOYING.md" in refused.value.hint


def test_credentials_in_the_repository_are_refused_without_being_shown():
    for url in ("ssh://deploy:hunter2secret@example.org/srv", "git+https://me:hunter2secret@example.org/r.git"):
        with pytest.raises(DeployError, match="publishconf.py holds a password") as refused:
            resolve({"DEPLOY_TARGET": url}, {})
        assert "hunter2secret" not in str(refused.value) and ":***@example.org" in str(refused.value)
    with pytest.raises(DeployError, match="EXHIBIT_DEPLOY_TARGET holds a password"):
        resolve({}, {"EXHIBIT_DEPLOY_TARGET": "ssh://deploy:hunter2secret@example.org/srv"})
    token = resolve({}, {"EXHIBIT_DEPLOY_TARGET": "git+https://x-access-token:tok%2Fen42@github.com/o/r.git"})
    assert token.display == "git+https://x-access-token:***@github.com/o/r.git"
    assert token.redact("fatal: could not read tok/en42 from https://x:tok%2Fen42@github.com") == (
        "fatal: could not read *** from https://x:***@github.com")


def test_secret_environment_values_are_redacted_wherever_they_appear():
    target = resolve({"DEPLOY_TARGET": "s3://bucket"}, {"AWS_SECRET_ACCESS_KEY": "abc123secret", "HOME": "/root"})
    assert target.redact("signature for abc123secret in /root") == "signature for *** in /root"


def test_a_deploy_never_reads_output_while_a_build_holds_it(mini, tmp_path):
    build(ROOT / "publishconf.py", mini.output, {"PATH": str(mini.content)})
    settings = {**load_settings(ROOT / "publishconf.py", {"PATH": str(mini.content)}),
                "DEPLOY_TARGET": f"file://{tmp_path}/srv", "DEPLOY_LOCK_TIMEOUT": 0.5}
    lines = []
    with output_lock(mini.output):  # as a build holds it while it writes and swaps output/
        started = time.monotonic()
        with pytest.raises(DeployError, match="output/ is being written by another build") as refused:
            deploy(settings, ROOT / "publishconf.py", mini.output, environ={}, say=lines.append)
        assert 0.5 <= time.monotonic() - started < 5
    assert "DEPLOY_LOCK_TIMEOUT" in refused.value.hint
    assert lines == ["Waiting for the build writing output/ to finish…"] and not (tmp_path / "srv").exists()
    deploy(settings, ROOT / "publishconf.py", mini.output, environ={}, say=lines.append)
    assert (tmp_path / "srv/current/index.html").read_bytes() == (mini.output / "index.html").read_bytes()
