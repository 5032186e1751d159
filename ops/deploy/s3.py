"""s3:// targets: S3-compatible object storage, usually behind a CDN.

Only new and changed files are uploaded: a file is unchanged when the object's ETag equals the
MD5 of its bytes (true for single-part uploads, which is all this module makes). Each object
gets its Content-Type and Cache-Control (headers.py). Order, tier by tier: fingerprinted files,
other assets, files that list others (feeds, indexes), HTML; within a tier DEPLOY_S3_UPLOADS files
go up at once. Then, only when every upload succeeded, the removal of objects the new build no
longer has.
There is no atomic switch on S3: while a deploy runs, readers may get a new page next to an
old one, and CDN caches keep old copies for up to their Cache-Control lifetime.

boto3 finds the endpoint and credentials itself: AWS_ENDPOINT_URL (for storage other than
Amazon's), AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION or AWS_DEFAULT_REGION. Each request
waits at most DEPLOY_TIMEOUT seconds to connect and for each answer, and is tried DEPLOY_RETRIES times.
"""
from __future__ import annotations

import base64
import hashlib
import re
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import contextmanager

import boto3
from botocore.config import Config
from botocore.exceptions import (BotoCoreError, ClientError, ConnectTimeoutError, NoCredentialsError,
                                 ReadTimeoutError)

from .errors import DeployError
from .headers import cache_control, content_type
from .manifest import Build
from .plan import Plan
from .progress import Progress

BATCH = 1000  # the most keys one DeleteObjects request takes


def upload_tiers(paths: list[str], rules: list[tuple[str, str]]) -> list[list[str]]:
    """Longest-lived first: files whose address names their content (immutable) go up before the
    files that refer to them, and HTML pages, which refer to everything, go up last. Files of one
    tier go up together; a tier starts when the one before it is wholly live."""
    def tier(path: str) -> tuple[int, bool]:
        found = re.search(r"max-age=(\d+)", cache_control(path, rules))
        return -(int(found[1]) if found else 0), path.endswith(".html")
    tiers: dict[tuple[int, bool], list[str]] = {}
    for path in sorted(paths, key=lambda path: (tier(path), path)):
        tiers.setdefault(tier(path), []).append(path)
    return list(tiers.values())


class S3Target:
    digest = "md5"

    def __init__(self, bucket: str, prefix: str, cache_rules: list[tuple[str, str]], timeout: float,
                 attempts: int, uploads: int = 16):
        self.bucket = bucket
        self.prefix = f"{prefix}/" if prefix else ""
        self.cache_rules = cache_rules
        self.timeout, self.attempts, self.uploads = timeout, attempts, max(1, int(uploads))
        config = Config(connect_timeout=timeout, read_timeout=timeout, max_pool_connections=self.uploads,
                        retries={"mode": "standard", "total_max_attempts": attempts})
        with self._errors():
            # credentials as the environment has them now
            self.client = boto3.session.Session().client("s3", config=config)

    def live(self) -> dict[str, str]:
        """Path → ETag of every object under the prefix."""
        objects = {}
        with self._errors():
            for page in self.client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket,
                                                                              Prefix=self.prefix):
                for item in page.get("Contents", []):
                    objects[item["Key"][len(self.prefix):]] = item["ETag"].strip('"')
        return objects

    def plan(self, build: Build) -> Plan:
        return Plan.between(build.digests("md5"), self.live())

    def publish(self, build: Build, plan: Plan, progress: Progress) -> str:
        with self._errors(), ThreadPoolExecutor(max_workers=self.uploads) as pool:
            for tier in upload_tiers(plan.transfers, self.cache_rules):
                uploads = [pool.submit(self._upload, build, path) for path in tier]
                try:
                    for upload in as_completed(uploads):
                        progress.advance(upload.result())  # the first failure stops the deploy here
                finally:
                    for upload in uploads:
                        upload.cancel()
            for start in range(0, len(plan.removed), BATCH):
                keys = [{"Key": self.prefix + path} for path in plan.removed[start:start + BATCH]]
                answer = self.client.delete_objects(Bucket=self.bucket, Delete={"Objects": keys, "Quiet": True})
                if answer.get("Errors"):
                    failed = ", ".join(e["Key"] for e in answer["Errors"][:3])
                    raise DeployError(f"could not remove {len(answer['Errors'])} stale objects ({failed})",
                                      "every new file is live; deploy again to retry the removal")
        return f"s3://{self.bucket}/{self.prefix}"

    def _upload(self, build: Build, path: str) -> int:
        """Put one file (in a worker thread: boto3's clients may be shared between threads); its size."""
        body = (build.root / path).read_bytes()
        self.client.put_object(Bucket=self.bucket, Key=self.prefix + path, Body=body,
                               ContentMD5=base64.b64encode(hashlib.md5(body, usedforsecurity=False).digest()).decode(),
                               ContentType=content_type(path), CacheControl=cache_control(path, self.cache_rules))
        return len(body)

    def rollback(self) -> str:
        raise DeployError("an s3:// target keeps no earlier releases to switch back to",
                          "check out the earlier version of the exhibit and run `invoke build deploy`: "
                          "only the files that differ are uploaded")

    @contextmanager
    def _errors(self):
        """Storage failures as DeployErrors that say what to do."""
        try:
            yield
        except (ConnectTimeoutError, ReadTimeoutError) as exc:
            raise DeployError(f"object storage did not answer within {self.timeout:g} s, {self.attempts} times: "
                              f"{exc}", "check that the storage service is up and reachable from here "
                              "(AWS_ENDPOINT_URL), or raise DEPLOY_TIMEOUT if it is only slow; objects already live "
                              "were not removed") from None
        except NoCredentialsError:
            raise DeployError("no S3 credentials in the environment",
                              "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_ENDPOINT_URL for storage "
                              "other than Amazon S3)") from None
        except (BotoCoreError, ClientError) as exc:
            raise DeployError(f"object storage refused or failed ({self.bucket}): {exc}",
                              "check AWS_ENDPOINT_URL, the bucket name and the key's permissions; objects "
                              "already live were not removed") from None
