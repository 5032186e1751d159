"""ssh:// targets against a real sshd on 127.0.0.1: rsync into a new release, atomic switch, rollback."""
import os
import signal

import pytest

from deploy.commands import publish, rollback
from deploy.errors import DeployError
from deploy.progress import CRASH_AFTER
from deploy.target import parse
from exhibit.build import MANIFEST
from tests.deploy.support import published, run_publish, tree


def deploy_to(url, build, settings, dry_run=False) -> list[str]:
    lines = []
    publish(build, parse(url), settings, dry_run=dry_run, say=lines.append)
    return lines


def test_rsync_sends_a_release_and_switches_current(ssh_env, builds, settings, tmp_path):
    root = tmp_path / "srv"
    url = ssh_env.url(root)
    lines = deploy_to(url, builds.a, settings)
    assert tree(root / "current") == published(builds.a)
    link = os.readlink(root / "current")
    assert link.startswith("releases/") and link.endswith(builds.a.id)
    assert (root / f"{link}.json").read_text() == builds.a.manifest_text()
    assert not (root / "current" / MANIFEST).exists()
    assert lines[-2].startswith(f"  sent {len(builds.a.files)} of {len(builds.a.files)} files")
    assert lines[-1] == f"Live: release {link.split('/')[1]} on {ssh_env.user}@127.0.0.1:{root}."


def test_without_the_agent_the_server_refuses_and_nothing_changes(ssh_env, builds, settings, tmp_path,
                                                                  monkeypatch):
    root = tmp_path / "srv"
    monkeypatch.setenv("SSH_AUTH_SOCK", str(tmp_path / "no-agent"))
    with pytest.raises(DeployError, match="failed: .*Permission denied") as refused:
        deploy_to(ssh_env.url(root), builds.a, settings)
    assert "ssh-add -l" in refused.value.hint
    assert not root.exists()


def test_unchanged_files_are_not_sent_again(ssh_env, builds, settings, tmp_path):
    root = tmp_path / "srv"
    url = ssh_env.url(root)
    deploy_to(url, builds.a, settings)
    again = deploy_to(url, builds.a, settings)
    assert again[-1] == f"Already live: {url} serves exactly this build; nothing to send."
    assert len(os.listdir(root / "releases")) == 2  # one release and its manifest
    first = root / os.readlink(root / "current")
    dry = deploy_to(url, builds.b, settings, dry_run=True)  # compared with the manifest kept on the server
    assert "  + visiting.html" in dry and "  ~ essays/talks.html" in dry
    assert len(os.listdir(root / "releases")) == 2
    lines = deploy_to(url, builds.b, settings)
    changed = [p for p in builds.b.files if builds.a.files.get(p) != builds.b.files[p]]
    assert lines[-2].startswith(f"  sent {len(changed)} of {len(changed)} files")  # counted from rsync's own list
    second = root / os.readlink(root / "current")
    assert tree(second) == published(builds.b)
    unchanged = [p for p in builds.b.files if p not in changed]
    assert unchanged and all((first / p).stat().st_ino == (second / p).stat().st_ino for p in unchanged)


def test_a_deploy_killed_midway_leaves_the_old_release_served(ssh_env, builds, settings, tmp_path):
    root = tmp_path / "srv"
    url = ssh_env.url(root)
    deploy_to(url, builds.a, settings)
    served_before = tree(root / "current")
    killed = run_publish(builds.b, url, settings, {CRASH_AFTER: "1"})
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert any(name.endswith(".partial") for name in os.listdir(root / "releases"))
    assert tree(root / "current") == served_before
    deploy_to(url, builds.b, settings)
    assert tree(root / "current") == published(builds.b)
    assert not any(name.endswith(".partial") for name in os.listdir(root / "releases"))


def test_rollback_switches_back_byte_for_byte(ssh_env, builds, settings, tmp_path):
    root = tmp_path / "srv"
    settings["DEPLOY_TARGET"] = ssh_env.url(root)
    deploy_to(ssh_env.url(root), builds.a, settings)
    served_before = tree(root / "current")
    deploy_to(ssh_env.url(root), builds.b, settings)
    lines = []
    rollback(settings, environ={}, say=lines.append)
    assert lines[0].startswith(f"Rolled back {ssh_env.url(root)}: now serving release ")
    assert tree(root / "current") == served_before
    with pytest.raises(DeployError, match="is the oldest release kept"):
        rollback(settings, environ={})
