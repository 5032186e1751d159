"""git targets against a real bare repository: one commit per deploy through ghp-import."""
import subprocess

import pytest

from ops.deploy.commands import publish, rollback
from ops.deploy.errors import DeployError
from ops.deploy.target import resolve
from ops.build import MANIFEST
from tests.deploy.support import deploy_to, published


@pytest.fixture
def remote(tmp_path):
    path = tmp_path / "exhibit.git"
    subprocess.run(["git", "init", "--quiet", "--bare", str(path)], check=True)
    return path


def git(repository, *args) -> str:
    return subprocess.run(["git", "-C", str(repository), *args], capture_output=True, text=True,
                          check=True).stdout


def branch_files(repository, ref="gh-pages") -> dict[str, bytes]:
    names = git(repository, "ls-tree", "-r", "--name-only", "-z", ref).split("\0")
    return {name: subprocess.run(["git", "-C", str(repository), "show", f"{ref}:{name}"], capture_output=True,
                                 check=True).stdout for name in names if name}


def test_a_deploy_commits_the_build_to_the_branch(remote, builds, settings):
    lines = deploy_to(f"git+file://{remote}#gh-pages", builds.a, settings)
    assert branch_files(remote) == {**published(builds.a), ".nojekyll": b""}
    assert MANIFEST not in branch_files(remote)
    assert git(remote, "log", "-1", "--format=%s", "gh-pages").strip() == f"Deploy build {builds.a.id}"
    assert lines[-1].startswith("Live: commit ") and lines[-1].endswith("on gh-pages (was new branch).")


def test_a_second_deploy_of_the_same_build_pushes_nothing(remote, builds, settings):
    url = f"git+file://{remote}#gh-pages"
    deploy_to(url, builds.a, settings)
    head = git(remote, "rev-parse", "gh-pages")
    lines = deploy_to(url, builds.a, settings)
    assert lines[-1] == f"Already live: {url} serves exactly this build; nothing to send."
    assert git(remote, "rev-parse", "gh-pages") == head


def test_the_next_build_is_a_child_commit_and_rollback_returns_to_its_parent(remote, builds, settings):
    url = f"git+file://{remote}#site"
    deploy_to(url, builds.a, settings)
    first = git(remote, "rev-parse", "site").strip()
    dry = deploy_to(url, builds.b, settings, dry_run=True)
    assert "  + visiting.html" in dry and git(remote, "rev-parse", "site").strip() == first
    deploy_to(url, builds.b, settings)
    assert git(remote, "rev-parse", "site^").strip() == first
    assert branch_files(remote, "site") == {**published(builds.b), ".nojekyll": b""}
    rollback({**settings, "DEPLOY_TARGET": url}, environ={}, say=lambda line: None)
    assert git(remote, "rev-parse", "site").strip() == first
    assert branch_files(remote, "site") == {**published(builds.a), ".nojekyll": b""}
    with pytest.raises(DeployError, match="is the first on site"):
        rollback({**settings, "DEPLOY_TARGET": url}, environ={})


def test_a_token_given_in_the_environment_never_reaches_the_output(builds, settings):
    token = "ghp_exampleTokenThatMustNotLeak42"
    environ = {"EXHIBIT_DEPLOY_TARGET": f"git+https://x-access-token:{token}@127.0.0.1:9/exhibit.git#gh-pages"}
    lines = []
    with pytest.raises(DeployError) as failed:  # nothing listens on port 9
        publish(builds.a, resolve(settings, environ), settings, say=lines.append)
    assert lines == [f"build {builds.a.id} (https://lima-1996.museum) → "
                     "git+https://x-access-token:***@127.0.0.1:9/exhibit.git#gh-pages"]
    assert "127.0.0.1" in str(failed.value) and token not in str(failed.value)


def test_rollback_never_goes_to_a_commit_whose_push_failed(remote, builds, settings):
    url = f"git+file://{remote}#gh-pages"
    deploy_to(url, builds.a, settings)
    first = git(remote, "rev-parse", "gh-pages").strip()
    deploy_to(url, builds.b, settings)
    hook = remote / "hooks/pre-receive"
    hook.write_text("#!/bin/sh\nexit 1\n")
    hook.chmod(0o755)
    with pytest.raises(DeployError, match="git push to gh-pages failed: .*pre-receive hook declined"):
        deploy_to(url, builds.a, settings)  # committed in the cache, never on the branch
    hook.unlink()
    rollback({**settings, "DEPLOY_TARGET": url}, environ={}, say=lambda line: None)
    assert git(remote, "rev-parse", "gh-pages").strip() == first
    with pytest.raises(DeployError, match="is the first on gh-pages"):
        rollback({**settings, "DEPLOY_TARGET": url}, environ={})
