"""A static folder served on 127.0.0.1 for as long as a block runs: for tests, the benchmark and the audit."""
from __future__ import annotations

import functools
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _QuietHandler(SimpleHTTPRequestHandler):
    extra_headers: dict[str, str] = {}

    def log_message(self, *args):
        pass

    def end_headers(self):
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()


@contextmanager
def serve_folder(folder: Path, port: int = 0, headers: dict[str, str] | None = None):
    """Serve ``folder`` on 127.0.0.1 (``port``, or a free one), adding ``headers`` to every response;
    yields the base URL, without a trailing slash."""
    handler = type("Handler", (_QuietHandler,), {"extra_headers": dict(headers or {})})
    server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
