"""`invoke serve`: the preview listens on 127.0.0.1 only and serves nothing outside output/."""
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def listening_addresses(port: int) -> set[str]:
    """The local addresses (hex, as /proc/net/tcp* gives them) of sockets listening on ``port``."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table, encoding="ascii") as rows:
            for row in list(rows)[1:]:
                local, state = row.split()[1], row.split()[3]
                address, _, hex_port = local.partition(":")
                if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                    found.add(address)
    return found


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.fixture
def preview(project):
    (project / "secret.txt").write_text("not for the preview\n", encoding="utf-8")
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "invoke", "serve", "--port", str(port)], cwd=project,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while not listening_addresses(port):
            assert server.poll() is None and time.monotonic() < deadline, "the preview did not start"
            time.sleep(0.2)
        (project / "output/outside.txt").symlink_to(project / "secret.txt")  # as if something linked out
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_preview_listens_on_loopback_only_and_keeps_to_output(preview):
    assert listening_addresses(preview) == {"0100007F"}  # 127.0.0.1, and no other address
    base = f"http://127.0.0.1:{preview}"
    assert status(f"{base}/index.html") == 200
    for path in ("/../secret.txt", "/%2e%2e/secret.txt", "/%2e%2e%2fsecret.txt", "/..%2fsecret.txt",
                 "/essays/../../secret.txt", "/outside.txt"):
        with socket.create_connection(("127.0.0.1", preview), timeout=5) as raw:  # the path sent as written
            raw.sendall(f"GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n".encode())
            answer = b"".join(iter(lambda: raw.recv(65536), b"")).decode("latin-1")
        assert answer.split()[1] in ("403", "404"), (path, answer[:80])
        assert "not for the preview" not in answer, path


def wait_for(condition, what: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.2)


def page(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def test_content_edits_rebuild_in_place_and_code_edits_start_the_preview_again(project, tmp_path):
    port, log = free_port(), tmp_path / "serve.log"
    with open(log, "w", encoding="utf-8") as out:
        server = subprocess.Popen([sys.executable, "-m", "invoke", "serve", "--port", str(port)], cwd=project,
                                  stdout=out, stderr=subprocess.STDOUT)
    essay_url = f"http://127.0.0.1:{port}/essays/arrival.html"
    try:
        wait_for(lambda: "Previewing at" in log.read_text(), "the preview")
        pid = server.pid
        # A content edit: rebuilt by the same process, with its time.
        essay = next((project / "content/essays").glob("01-*.md"))
        essay.write_text(essay.read_text(encoding="utf-8") + "\nA sentence added while previewing.\n",
                         encoding="utf-8")
        wait_for(lambda: "A sentence added while previewing." in page(essay_url), "the edited essay")
        assert "Rebuilt in " in log.read_text() and server.poll() is None
        # A code edit: the plugin's new default shows only once the preview has started again.
        settings = project / "plugins/citations/settings.py"
        settings.write_text(settings.read_text(encoding="utf-8").replace('("Chicago",', '("Chicago 16th",', 1),
                            encoding="utf-8")
        wait_for(lambda: "Chicago 16th" in page(essay_url), "the new code's output")
        assert "Code or settings changed: starting the preview again" in log.read_text()
        assert server.pid == pid and server.poll() is None  # the same process, started again (exec)
        assert listening_addresses(port) == {"0100007F"}  # still 127.0.0.1 only
    finally:
        server.terminate()
        server.wait(timeout=30)
