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

from clirun import run
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


# --- credentials in the server URL (issue 14) ------------------------------------------------

def _free_port() -> int:
    from stance.labelstudio.server import free_port

    return free_port()


@pytest.mark.parametrize("template", [
    "http://user:{secret}@127.0.0.1:{port}",
    "HTTP://{secret}@LOCALHOST:{port}/",
    "http://127.0.0.1:{port}/?Token={secret}&page=1",
    "http://127.0.0.1:{port}/?API_KEY={secret}",
])
def test_a_token_in_the_url_is_never_printed_and_the_hint_has_its_port(template, tmp_path,
                                                                      capsys, monkeypatch):
    port = _free_port()  # nothing listens there
    secret = "Tok3nInsideTheUrl9876"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("LABEL_STUDIO_URL", template.format(secret=secret, port=port))
    monkeypatch.setenv("LABEL_STUDIO_API_KEY", "another-secret-key-42")
    monkeypatch.chdir(tmp_path)
    quotes = tmp_path / "q.jsonl"
    quotes.write_text('{"quote_id": "q1", "text": "قال الوزير إن الحل سياسي"}\n', encoding="utf-8")
    for args in (["ls", "push", quotes, "--project", "frames"], ["ls", "pull", "--project", "frames"]):
        code, out, err = run(capsys, *args)
        assert code != 0
        assert err.count("\n") == 1, err
        both = out + err
        assert secret not in both and secret.lower() not in both.lower()
        assert "another-secret-key-42" not in both
        assert "cannot reach Label Studio at" in err and "***" in err
        assert f"--port {port} " in err and "--port 8080" not in err


def test_server_errors_show_the_url_without_credentials(locked_server):
    port, _ = locked_server
    conn = Connection(url=f"http://admin:Pa55word@127.0.0.1:{port}", api_key="k" * 40)
    with pytest.raises(LabelStudioError) as err:
        conn.find_project("frames")
    assert "Pa55word" not in str(err.value) and "admin" not in str(err.value)
    assert f"http://***@127.0.0.1:{port}" in str(err.value)
    with pytest.raises(LabelStudioError, match=r"URL 'ftp://\*\*\*@h' must start"):
        Connection.from_settings("ftp://u:Pa55word@h", "k")


def test_redact_urls_and_start_hint():
    from stance.labelstudio.client import start_hint
    from stance.redact import redact_urls

    text = ("GET HTTPS://U:p@Host.example:8443/api/projects?page=2&ACCESS_TOKEN=abc#x failed; "
            "see http://h/a@b (not userinfo)")
    assert redact_urls(text) == ("GET HTTPS://***@Host.example:8443/api/projects?page=2&"
                                 "ACCESS_TOKEN=***#x failed; see http://h/a@b (not userinfo)")
    assert "--port 9001 " in start_hint("http://127.0.0.1:9001")
    assert "--port 80 " in start_hint("http://localhost")
    assert start_hint("https://ls.example.org") == \
        "check the URL (--url or LABEL_STUDIO_URL) and that the server at ls.example.org is up"
