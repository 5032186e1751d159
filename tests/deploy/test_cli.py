"""The command line a maintainer or CI runs: `invoke build deploy`, `invoke deploy --dry-run`, `invoke rollback`."""
import os
import subprocess
import sys

from tests.deploy.support import S3_SECRET, tree


def invoke(project, *args, **environ) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("EXHIBIT_", "AWS_"))}
    return subprocess.run([sys.executable, "-m", "invoke", *args], cwd=project, capture_output=True, text=True,
                          env={**env, **environ}, timeout=300)


def edit_essay(project):
    essay = project / "content/essays/02-talks.md"
    essay.write_text(essay.read_text().replace("invented story", "invented and revised story"))


def test_build_deploy_rollback_and_a_failed_build_from_the_command_line(project, tmp_path):
    target = {"EXHIBIT_DEPLOY_TARGET": f"file://{tmp_path}/srv"}
    first = invoke(project, "build", "deploy", **target)
    assert first.returncode == 0, first.stderr
    assert "Built the exhibit into output/" in first.stdout and "Live: release " in first.stdout
    served_first = tree(tmp_path / "srv/current")
    edit_essay(project)
    second = invoke(project, "build", "deploy", **target)
    assert second.returncode == 0, second.stderr
    assert "Changes: " in second.stdout
    assert b"revised story" in (tmp_path / "srv/current/essays/talks.html").read_bytes()
    served_second = tree(tmp_path / "srv/current")
    back = invoke(project, "rollback", **target)
    assert back.returncode == 0 and "Rolled back" in back.stdout
    assert tree(tmp_path / "srv/current") == served_first
    dry = invoke(project, "deploy", "--dry-run", **target)
    assert dry.returncode == 0 and "  ~ essays/talks.html" in dry.stdout and "Nothing was sent." in dry.stdout
    assert tree(tmp_path / "srv/current") == served_first

    essay = project / "content/essays/02-talks.md"
    essay.write_text(essay.read_text().replace("Order: 2", "Order: 1"))
    failed = invoke(project, "build", "deploy", **target)
    assert failed.returncode == 1 and "Build failed" in failed.stderr and "Live" not in failed.stdout
    stale = invoke(project, "deploy", **target)  # output/ still holds the second build, now older than content/
    assert stale.returncode == 1
    assert "Not deployed: " in stale.stderr and "is older than the sources" in stale.stderr
    assert tree(tmp_path / "srv/current") == served_first != served_second


def test_a_password_in_publishconf_is_refused_and_never_printed(project):
    settings = project / "publishconf.py"
    settings.write_text(settings.read_text().replace('DEPLOY_TARGET = ""',
                                                     'DEPLOY_TARGET = "ssh://deploy:hunter2secret@example.org/srv"'))
    result = invoke(project, "deploy")
    assert result.returncode == 1 and "publishconf.py holds a password" in result.stderr
    assert "hunter2secret" not in result.stdout + result.stderr


def test_an_s3_deploy_shows_progress_and_never_its_credentials(project, s3_server):
    result = invoke(project, "build", "deploy", EXHIBIT_DEPLOY_TARGET="s3://exhibit/cli",
                    AWS_EC2_METADATA_DISABLED="true", **s3_server.environ)
    assert result.returncode == 0, result.stderr
    assert "  sent " in result.stdout and "(100%)" in result.stdout and "Live: s3://exhibit/cli/." in result.stdout
    assert S3_SECRET not in result.stdout + result.stderr
    assert s3_server.objects("cli")["index.html"] == (project / "output/index.html").read_bytes()
