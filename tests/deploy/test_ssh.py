"""ssh:// targets against a real sshd on 127.0.0.1: rsync into a new release, atomic switch, rollback."""
import os
import signal
import time

import pytest

from ops.deploy.errors import DeployError
from ops.deploy.progress import CRASH_AFTER
from ops.deploy.ssh import SSH_COMMAND
from ops.build import MANIFEST
from tests.deploy.support import (check_a_damaged_manifest_is_survived, check_rollback_follows_what_was_served,
                                  deploy_to, frozen_server, published, run_publish, tree)


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


def test_a_damaged_manifest_is_no_crash_but_a_full_upload(ssh_env, builds, settings, tmp_path):
    check_a_damaged_manifest_is_survived(ssh_env.url(tmp_path / "srv"), tmp_path / "srv", builds, settings)


def test_rollback_follows_the_served_history(ssh_env, builds, settings, tmp_path):
    check_rollback_follows_what_was_served(ssh_env.url(tmp_path / "srv"), tmp_path / "srv", builds, settings)


def test_a_manifest_cut_on_its_way_never_goes_live(ssh_env, builds, settings, tmp_path, monkeypatch):
    root = tmp_path / "srv"
    url = ssh_env.url(root)
    deploy_to(url, builds.a, settings)
    served_before = tree(root / "current")
    cutting = tmp_path / "cutting-ssh"  # the connection ends after 100 bytes of the manifest
    ssh = ssh_env.environ[SSH_COMMAND]
    cutting.write_text(f'#!/bin/sh\ncase "$*" in *" finish "*) head -c 100 | {ssh} "$@"; exit;; esac\nexec {ssh} "$@"\n')
    cutting.chmod(0o755)
    monkeypatch.setenv(SSH_COMMAND, str(cutting))
    with pytest.raises(DeployError, match="manifest arrived incomplete"):
        deploy_to(url, builds.b, settings)
    assert tree(root / "current") == served_before
    monkeypatch.setenv(SSH_COMMAND, ssh)
    deploy_to(url, builds.b, settings)
    assert tree(root / "current") == published(builds.b)


def test_a_frozen_server_fails_the_deploy_within_the_timeout(builds, settings, tmp_path):
    with frozen_server() as port:
        started = time.monotonic()
        with pytest.raises(DeployError, match="failed: Connection timed out during banner exchange") as failed:
            deploy_to(f"ssh://deploy@127.0.0.1:{port}{tmp_path}/srv", builds.a, {**settings, "DEPLOY_TIMEOUT": 1})
        assert time.monotonic() - started < 20
    assert "DEPLOY_TIMEOUT" in failed.value.hint
