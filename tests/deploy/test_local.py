"""file:// targets: releases, the atomic `current` switch, rollback, and a deploy killed midway."""
import json
import os
import signal

import pytest

from ops.deploy.errors import DeployError
from ops.deploy.local import LocalTarget
from ops.deploy.plan import Plan
from ops.deploy.progress import CRASH_AFTER, Progress
from ops.build import MANIFEST

from tests.deploy.support import (check_a_damaged_manifest_is_survived, check_rollback_follows_what_was_served,
                                  deploy_to, published, roll_back, run_publish, serving, tree)


def releases(root):
    return sorted(os.listdir(root / "releases"))


def test_a_deploy_writes_a_release_and_points_current_at_it(builds, settings, tmp_path):
    root = tmp_path / "srv/exhibit"
    lines = deploy_to(f"file://{root}", builds.a, settings)
    link = os.readlink(root / "current")
    assert link == f"releases/{link.split('/')[1]}" and link.endswith(builds.a.id)
    assert tree(root / "current") == published(builds.a)
    assert MANIFEST not in tree(root / "current")  # the manifest is kept beside the release, not served
    assert json.loads((root / f"{link}.json").read_text()) == builds.a.manifest
    assert lines[1] == f"Changes: {len(builds.a.files)} new, 0 changed, 0 removed, 0 unchanged."
    assert lines[-2].startswith(f"  sent {len(builds.a.files)} of {len(builds.a.files)} files")
    assert lines[-1] == f"Live: release {link.split('/')[1]} at {root}."


def test_a_second_deploy_of_the_same_build_transfers_nothing(builds, settings, tmp_path):
    url = f"file://{tmp_path}/srv"
    deploy_to(url, builds.a, settings)
    before = releases(tmp_path / "srv")
    lines = deploy_to(url, builds.a, settings)
    assert lines[-1] == f"Already live: {url} serves exactly this build; nothing to send."
    assert not any("sent" in line for line in lines)
    assert releases(tmp_path / "srv") == before


def test_a_new_release_copies_only_what_changed_and_links_the_rest(builds, settings, tmp_path):
    root = tmp_path / "srv"
    deploy_to(f"file://{root}", builds.a, settings)
    first = root / os.readlink(root / "current")
    lines = deploy_to(f"file://{root}", builds.b, settings)
    second = root / os.readlink(root / "current")
    assert tree(root / "current") == published(builds.b)
    plan = Plan.between(builds.b.files, builds.a.files)
    assert "visiting.html" in plan.added and "essays/talks.html" in plan.changed
    assert lines[1] == f"Changes: {plan.summary()}."
    assert lines[-2].startswith(f"  sent {len(plan.transfers)} of {len(plan.transfers)} files")
    for path in builds.b.files:
        same_inode = (first / path).exists() and (first / path).stat().st_ino == (second / path).stat().st_ino
        assert same_inode == (path not in plan.transfers), path


def test_rollback_restores_the_previous_release_byte_for_byte(builds, settings, tmp_path):
    root = tmp_path / "srv"
    deploy_to(f"file://{root}", builds.a, settings)
    served_before = tree(root / "current")
    deploy_to(f"file://{root}", builds.b, settings)
    assert tree(root / "current") == published(builds.b)
    target = LocalTarget(root, keep=3, say=print)
    assert target.rollback().startswith("release ")
    assert tree(root / "current") == served_before
    with pytest.raises(DeployError, match="is the oldest release kept"):
        target.rollback()


def test_only_the_newest_releases_are_kept(builds, settings, tmp_path):
    root = tmp_path / "srv"
    for build in (builds.a, builds.b, builds.a, builds.b):
        deploy_to(f"file://{root}", build, settings)
    kept = releases(root)
    assert len(kept) == 2 * settings["DEPLOY_KEEP_RELEASES"]  # each release and its manifest
    assert os.readlink(root / "current") == f"releases/{kept[-2]}"  # the newest, before its .json


def test_a_deploy_killed_midway_leaves_the_old_release_served(builds, settings, tmp_path):
    root = tmp_path / "srv"
    deploy_to(f"file://{root}", builds.a, settings)
    served_before = tree(root / "current")
    killed = run_publish(builds.b, f"file://{root}", settings, {CRASH_AFTER: "1"})
    assert killed.returncode == -signal.SIGKILL
    assert any(name.endswith(".partial") for name in releases(root))  # it was killed while copying
    assert tree(root / "current") == served_before
    deploy_to(f"file://{root}", builds.b, settings)  # the next deploy clears what the killed one left
    assert tree(root / "current") == published(builds.b)
    assert not any(name.endswith(".partial") for name in releases(root))


def test_dry_run_lists_the_changes_and_writes_nothing(builds, settings, tmp_path):
    root = tmp_path / "srv"
    deploy_to(f"file://{root}", builds.b, settings)
    before = releases(root)
    lines = deploy_to(f"file://{root}", builds.a, settings, dry_run=True)
    assert lines[0].startswith(f"Dry run: build {builds.a.id}")
    assert "  - visiting.html" in lines and "  ~ essays/talks.html" in lines
    assert lines[-1] == f"Would change: {Plan.between(builds.a.files, builds.b.files).summary()}. Nothing was sent."
    assert releases(root) == before


def test_a_current_that_is_not_a_symlink_is_refused(builds, settings, tmp_path):
    (tmp_path / "srv/current").mkdir(parents=True)
    with pytest.raises(DeployError, match="is not a symlink"):
        deploy_to(f"file://{tmp_path}/srv", builds.a, settings)


def test_progress_is_shown_every_few_seconds_and_at_the_end():
    lines = []
    quiet = Progress(files=3, size=3_000_000, say=lines.append)  # a quick transfer: the final line only
    for _ in range(3):
        quiet.advance(1_000_000)
    assert lines == ["  sent 3 of 3 files, 3.0 MB of 3.0 MB (100%)"]
    lines.clear()
    slow = Progress(files=4, size=4000, say=lines.append, every=0)  # as if each file took long
    for _ in range(4):
        slow.advance(1000)
    assert lines[0] == "  sent 1 of 4 files, 1.0 kB of 4.0 kB (25%)" and len(lines) == 4


def test_a_damaged_manifest_is_no_crash_but_a_full_upload(builds, settings, tmp_path):
    check_a_damaged_manifest_is_survived(f"file://{tmp_path}/srv", tmp_path / "srv", builds, settings)


def test_rollback_follows_the_served_history(builds, settings, tmp_path):
    check_rollback_follows_what_was_served(f"file://{tmp_path}/srv", tmp_path / "srv", builds, settings)


def test_a_target_deployed_before_the_history_was_kept_rolls_back_by_name(builds, settings, tmp_path):
    root, url = tmp_path / "srv", f"file://{tmp_path}/srv"
    deploy_to(url, builds.a, settings)
    first = serving(root)
    deploy_to(url, builds.b, settings)
    second = serving(root)
    (root / "history").unlink()  # as earlier versions left a target
    deploy_to(url, builds.a, settings)
    assert [line.split()[1:] for line in (root / "history").read_text().splitlines()] == [
        ["found", first], ["found", second], ["deploy", serving(root)]]
    roll_back(url, settings)
    assert serving(root) == second
    roll_back(url, settings)
    assert serving(root) == first


def test_a_damaged_history_is_named_with_what_to_do(builds, settings, tmp_path):
    root, url = tmp_path / "srv", f"file://{tmp_path}/srv"
    deploy_to(url, builds.a, settings)
    deploy_to(url, builds.b, settings)
    history = root / "history"
    history.write_text(history.read_text()[:30])
    for attempt in (lambda: roll_back(url, settings), lambda: deploy_to(url, builds.a, settings)):
        with pytest.raises(DeployError, match=f"{history} is damaged: line 1 is not a history entry") as refused:
            attempt()
        assert "correct or delete that line" in refused.value.hint
    assert tree(root / "current") == published(builds.b)
