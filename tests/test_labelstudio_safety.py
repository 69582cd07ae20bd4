"""Label Studio client safety without a server (issue 14): writes are never resent, reads are
retried, pushes to one project take turns, and no credential from the URL is ever printed.

A tiny HTTP server on 127.0.0.1 plays a Label Studio whose SQLite database is locked (every
request answers 500 "database is locked", as the real one did under two pushes at once).
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from stance.labelstudio.client import Connection, LabelStudioError
from stance.labelstudio.locking import project_lock, server_key


class _Locked(BaseHTTPRequestHandler):
    counts: dict = {}

    def _answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        key = (self.command, self.path.split("?")[0])
        self.counts[key] = self.counts.get(key, 0) + 1
        body = json.dumps({"detail": "database is locked"}).encode()
        self.send_response(500)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PATCH = _answer

    def log_message(self, *args):
        pass


@pytest.fixture
def locked_server():
    _Locked.counts = {}
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Locked)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield srv.server_address[1], _Locked.counts
    finally:
        srv.shutdown()
        srv.server_close()


def test_a_failed_post_is_not_resent_but_a_get_is_retried(locked_server):
    port, counts = locked_server
    conn = Connection(url=f"http://127.0.0.1:{port}", api_key="k" * 40)
    with pytest.raises(LabelStudioError, match="answered 500 .*database is locked"):
        with conn.calling("creating project 'frames'"):
            conn.client.projects.create(title="frames")
    assert counts[("POST", "/api/projects/")] == 1  # the SDK default resent it twice
    with pytest.raises(LabelStudioError, match="500"):
        conn.find_project("frames")
    assert counts[("GET", "/api/projects/")] == 3  # one try and two retries


def test_pushes_to_one_project_take_turns(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert server_key("http://user:secret@LOCALHOST:8080/") == server_key("http://localhost:8080")
    events: list[str] = []

    def second():
        with project_lock("http://LOCALHOST:8080/", "frames",
                          on_wait=lambda path: events.append("wait")):
            events.append("second")

    with project_lock("http://localhost:8080", "frames"):
        t = threading.Thread(target=second)
        t.start()
        time.sleep(0.5)
        events.append("first done")
        with project_lock("http://localhost:8080", "other title"):  # another project: free
            events.append("other")
    t.join(10)
    assert events == ["wait", "first done", "other", "second"]
    assert list((tmp_path / "stance" / "locks").glob("push-*.lock"))
