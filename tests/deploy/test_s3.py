"""s3:// targets against SeaweedFS's S3 server on 127.0.0.1: changed files only, headers, stale objects last."""
import signal
import threading
import time

import pytest

from ops.deploy.commands import publish, rollback
from ops.deploy.errors import DeployError
from ops.deploy.headers import cache_control, content_type
from ops.deploy.plan import Plan
from ops.deploy.progress import CRASH_AFTER
from ops.deploy.progress import Progress
from ops.deploy.s3 import S3Target, upload_tiers
from ops.deploy.settings import DEFAULTS
from ops.deploy.target import parse
from tests.deploy.support import S3_KEY, S3_SECRET, deploy_to, frozen_server, published, run_publish

RULES = DEFAULTS["DEPLOY_CACHE_CONTROL"][0]


@pytest.fixture
def prefix(tmp_path):
    return tmp_path.name  # one prefix per test in the shared bucket


def test_a_deploy_uploads_every_file_with_its_type_and_cache_lifetime(s3_env, builds, settings, prefix):
    lines = deploy_to(f"s3://exhibit/{prefix}", builds.a, settings)
    assert s3_env.objects(prefix) == published(builds.a)
    assert lines[-2].startswith(f"  sent {len(builds.a.files)} of {len(builds.a.files)} files")
    assert lines[-1] == f"Live: s3://exhibit/{prefix}/."
    client = s3_env.client()
    for path, kind, lifetime in [("index.html", "text/html; charset=utf-8", "public, max-age=300"),
                                 ("theme/css/exhibit.css", "text/css; charset=utf-8", "public, max-age=3600"),
                                 ("feeds/essays.atom.xml", "application/atom+xml; charset=utf-8",
                                  "public, max-age=300"),
                                 ("theme/img/favicon.svg", "image/svg+xml; charset=utf-8", "public, max-age=3600")]:
        head = client.head_object(Bucket="exhibit", Key=f"{prefix}/{path}")
        assert (head["ContentType"], head["CacheControl"]) == (kind, lifetime), path


def test_only_changed_files_are_uploaded_and_stale_ones_removed(s3_env, builds, settings, prefix):
    url = f"s3://exhibit/{prefix}"
    deploy_to(url, builds.a, settings)
    assert deploy_to(url, builds.a, settings)[-1] == f"Already live: {url} serves exactly this build; nothing to send."
    plan = Plan.between(builds.b.digests("md5"), builds.a.digests("md5"))
    lines = deploy_to(url, builds.b, settings)
    assert lines[1] == f"Changes: {plan.summary()}."
    assert "visiting.html" in plan.added and lines[-2].startswith(f"  sent {len(plan.transfers)} of ")
    assert s3_env.objects(prefix) == published(builds.b)
    dry = deploy_to(url, builds.a, settings, dry_run=True)
    assert "  - visiting.html" in dry and s3_env.objects(prefix) == published(builds.b)
    deploy_to(url, builds.a, settings)
    assert s3_env.objects(prefix) == published(builds.a)  # visiting.html is gone


def test_a_deploy_killed_midway_has_removed_nothing_and_the_next_one_completes(s3_env, builds, settings, prefix):
    url = f"s3://exhibit/{prefix}"
    deploy_to(url, builds.b, settings)
    plan = Plan.between(builds.a.digests("md5"), builds.b.digests("md5"))
    killed = run_publish(builds.a, url, settings, {CRASH_AFTER: "1"})
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    first_tier = upload_tiers(plan.transfers, RULES)[0]
    live, old, new = s3_env.objects(prefix), published(builds.b), published(builds.a)
    assert set(old) <= set(live)  # nothing removed
    changed = {path for path in live if live[path] != old.get(path)}
    assert changed and changed <= set(first_tier) and all(live[path] == new[path] for path in changed)
    deploy_to(url, builds.a, settings)
    assert s3_env.objects(prefix) == published(builds.a)


def test_wrong_or_missing_credentials_are_reported_without_showing_them(s3_env, builds, settings, prefix,
                                                                        monkeypatch, tmp_path):
    wrong = "a-wrong-secret-that-must-not-leak"
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", wrong)
    lines = []
    with pytest.raises(DeployError, match="object storage refused or failed") as refused:
        publish(builds.a, parse(f"s3://exhibit/{prefix}"), settings, say=lines.append)
    assert wrong not in str(refused.value) + "".join(lines)
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.delenv(name)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "none"))
    with pytest.raises(DeployError, match="no S3 credentials in the environment"):
        deploy_to(f"s3://exhibit/{prefix}", builds.a, settings)
    assert s3_env.objects(prefix) == {}


def test_rollback_is_refused_with_a_way_back(s3_env, settings):
    with pytest.raises(DeployError, match="keeps no earlier releases") as refused:
        rollback({**settings, "DEPLOY_TARGET": "s3://exhibit/site"}, environ={})
    assert "invoke build deploy" in refused.value.hint


@pytest.mark.parametrize("path, kind, lifetime", [
    ("essays/talks.html", "text/html; charset=utf-8", "public, max-age=300"),
    ("theme/vendor/leaflet-1.9.4/leaflet.js", "text/javascript; charset=utf-8", "public, max-age=31536000, immutable"),
    ("theme/vendor/leaflet-1.9.4/images/marker-icon.png", "image/png", "public, max-age=31536000, immutable"),
    ("theme/js/app.3f2a9c1e.js", "text/javascript; charset=utf-8", "public, max-age=31536000, immutable"),
    ("theme/js/notes.js", "text/javascript; charset=utf-8", "public, max-age=3600"),
    ("essays/talks.bib", "application/x-bibtex; charset=utf-8", "public, max-age=3600"),
    ("essays/talks.ris", "application/x-research-info-systems; charset=utf-8", "public, max-age=3600"),
    ("images/residence.webp", "image/webp", "public, max-age=3600"),
    ("data/unknown.bin2", "application/octet-stream", "public, max-age=3600"),
    ("pagefind/fragment/en_9169705.pf_fragment", "application/octet-stream", "public, max-age=31536000, immutable"),
    ("pagefind/pagefind.en_1c2d3e4f5a.pf_meta", "application/octet-stream", "public, max-age=31536000, immutable"),
    ("pagefind/pagefind-entry.json", "application/json; charset=utf-8", "public, max-age=300"),
    ("sitemap.xml", "application/xml; charset=utf-8", "public, max-age=300"),
    ("images/photo-19961217.jpg", "image/jpeg", "public, max-age=3600"),
    ("images/defaced-wall.jpg", "image/jpeg", "public, max-age=3600"),
])
def test_headers_follow_the_path_rules(path, kind, lifetime):
    assert (content_type(path), cache_control(path, RULES)) == (kind, lifetime)


def test_files_that_name_others_are_uploaded_after_the_files_they_name():
    paths = ["index.html", "pagefind/pagefind-entry.json", "pagefind/pagefind.en_1c2d3e4.pf_meta",
             "theme/css/exhibit.css", "essays/talks.html", "pagefind/fragment/en_9169705.pf_fragment"]
    assert upload_tiers(paths, RULES) == [
        ["pagefind/fragment/en_9169705.pf_fragment", "pagefind/pagefind.en_1c2d3e4.pf_meta"],
        ["theme/css/exhibit.css"], ["pagefind/pagefind-entry.json"], ["essays/talks.html", "index.html"]]


def test_files_go_up_several_at_once_and_each_tier_only_after_the_one_before(s3_env, builds, prefix):
    target = S3Target("exhibit", prefix, RULES, timeout=30, attempts=3, uploads=8)
    sending, started, finished, most = set(), {}, {}, [0]
    lock = threading.Lock()

    def before(params, context, **_):
        with lock:
            context["path"] = params["url_path"]
            started[params["url_path"]] = time.monotonic()
            sending.add(params["url_path"])
            most[0] = max(most[0], len(sending))

    def after(context, **_):
        with lock:
            finished[context["path"]] = time.monotonic()
            sending.discard(context["path"])

    target.client.meta.events.register("before-call.s3.PutObject", before)
    target.client.meta.events.register("after-call.s3.PutObject", after)
    plan = target.plan(builds.a)
    target.publish(builds.a, plan, Progress(len(plan.transfers), 1, say=lambda line: None))
    assert s3_env.objects(prefix) == published(builds.a)
    assert 1 < most[0] <= 8, f"at most {most[0]} upload(s) at once"
    tiers = upload_tiers(plan.transfers, RULES)
    for earlier, later in zip(tiers, tiers[1:]):
        last_done = max(finished[key] for key in finished if key.split("/", 2)[-1] in earlier)
        first_sent = min(started[key] for key in started if key.split("/", 2)[-1] in later)
        assert last_done <= first_sent


def test_a_frozen_server_fails_the_deploy_within_the_timeout(builds, settings, prefix, monkeypatch):
    with frozen_server() as port:
        for name, value in {"AWS_ENDPOINT_URL": f"http://127.0.0.1:{port}", "AWS_ACCESS_KEY_ID": S3_KEY,
                            "AWS_SECRET_ACCESS_KEY": S3_SECRET, "AWS_DEFAULT_REGION": "us-east-1",
                            "AWS_EC2_METADATA_DISABLED": "true"}.items():
            monkeypatch.setenv(name, value)
        started = time.monotonic()
        with pytest.raises(DeployError, match="did not answer within 1 s, 2 times: Read timeout") as failed:
            deploy_to(f"s3://exhibit/{prefix}", builds.a, {**settings, "DEPLOY_TIMEOUT": 1, "DEPLOY_RETRIES": 2})
        assert time.monotonic() - started < 20
    assert "DEPLOY_TIMEOUT" in failed.value.hint
