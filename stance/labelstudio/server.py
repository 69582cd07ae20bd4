"""Start a throwaway Label Studio server on loopback (for tests and scripts, not production).

>>> with LocalServer.from_template(".ls-template", ".venv-labelstudio/bin/label-studio") as srv:
...     conn = srv.connection()                                            # doctest: +SKIP

A fresh data directory runs ~40 s of database migrations on first start, so
:func:`build_template` runs ``label-studio init`` once into a cache directory (keyed by the
server version) and :meth:`LocalServer.from_template` copies it for each server: a start then
takes a few seconds. The server binds 127.0.0.1 only, on a free port; Label Studio silently
moves to the next port when its port is taken, so the port actually used is read back from
its log. It is stopped by the PID this module started (its process group), nothing else.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from .client import Connection, LabelStudioError

ADMIN_EMAIL = "admin@example.com"
_STARTED_RE = re.compile(r"Starting development server at http://127\.0\.0\.1:(\d+)/")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_env(data_dir: Path, creds: dict) -> dict:
    """The environment for ``label-studio init/start``: local SQLite, legacy token, no phoning home."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LABEL_STUDIO_", "DJANGO_"))}
    env.update({
        "LABEL_STUDIO_BASE_DATA_DIR": str(data_dir),
        "DJANGO_DB": "sqlite",
        "LABEL_STUDIO_USERNAME": creds["email"],
        "LABEL_STUDIO_PASSWORD": creds["password"],
        "LABEL_STUDIO_USER_TOKEN": creds["token"],
        "LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN": "true",
        "LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK": "true",
        "SENTRY_DSN": "", "FRONTEND_SENTRY_DSN": "", "LATEST_VERSION_CHECK": "false",
        "COLLECT_ANALYTICS": "false",
    })
    return env


def require_binary(binary: str | os.PathLike) -> Path:
    binary = Path(binary).absolute()
    if not (binary.is_file() and os.access(binary, os.X_OK)):
        raise LabelStudioError(
            f"Label Studio server not installed: {binary} is missing; "
            "run  .ci/setup-labelstudio.sh  (creates .venv-labelstudio/ with label-studio)")
    return binary


def server_version(binary: Path) -> str:
    """The installed ``label-studio`` version, read from its dist-info (``label-studio version``
    takes ~20 s)."""
    found = sorted(binary.resolve().parent.parent.glob(
        "lib/python*/site-packages/label_studio-*.dist-info"))
    return found[-1].name[len("label_studio-"):-len(".dist-info")] if found else "unknown"


def build_template(cache_dir: str | os.PathLike, binary: str | os.PathLike,
                   timeout: float = 300) -> Path:
    """A migrated data dir with an admin user and API token, built once per server version.

    Returns ``cache_dir/<version>/`` holding ``data/`` and ``credentials.json`` (random
    password and token for this loopback-only template). Safe against concurrent builders:
    each builds in its own temporary directory and renames it into place.
    """
    binary = require_binary(binary)
    cache_dir = Path(cache_dir).absolute()
    version = server_version(binary)
    target = cache_dir / version
    if (target / "credentials.json").is_file():
        return target
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{version}.", dir=cache_dir))
    try:
        creds = {"email": ADMIN_EMAIL, "password": secrets.token_urlsafe(16),
                 "token": secrets.token_hex(20)}
        data = tmp / "data"
        proc = subprocess.run(
            [str(binary), "init", "--no-browser", "--data-dir", str(data), "-q"],
            env=server_env(data, creds), cwd=tmp, capture_output=True, text=True,
            timeout=timeout)
        if proc.returncode != 0 or not (data / "label_studio.sqlite3").is_file():
            tail = " | ".join((proc.stdout + proc.stderr).strip().splitlines()[-3:])
            raise LabelStudioError(f"label-studio init failed (exit {proc.returncode}): {tail}")
        fd = os.open(tmp / "credentials.json", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            json.dump(creds, fh)
        try:
            os.rename(tmp, target)
        except OSError:  # another builder won the race
            if not (target / "credentials.json").is_file():
                raise
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return target


class LocalServer:
    """A ``label-studio start`` child process on 127.0.0.1, stopped by its own PID."""

    def __init__(self, binary: str | os.PathLike, data_dir: str | os.PathLike, creds: dict,
                 port: int | None = None, log_path: str | os.PathLike | None = None):
        self.binary = require_binary(binary)
        self.data_dir = Path(data_dir)
        self.creds = creds
        self.requested_port = port
        self.port: int | None = None
        self.log_path = Path(log_path) if log_path else self.data_dir.parent / "label-studio.log"
        self.proc: subprocess.Popen | None = None
        self._owned_dir: Path | None = None

    @classmethod
    def from_template(cls, cache_dir: str | os.PathLike, binary: str | os.PathLike,
                      workdir: str | os.PathLike | None = None, port: int | None = None
                      ) -> "LocalServer":
        """A server on a private copy of the cached template (built first if needed)."""
        template = build_template(cache_dir, binary)
        owned = None
        if workdir is None:
            workdir = owned = Path(tempfile.mkdtemp(prefix="stance-ls-"))
        workdir = Path(workdir)
        workdir.mkdir(parents=True, exist_ok=True)
        data = workdir / "data"
        shutil.copytree(template / "data", data)
        creds = json.loads((template / "credentials.json").read_text())
        srv = cls(binary, data, creds, port=port, log_path=workdir / "label-studio.log")
        srv._owned_dir = owned
        return srv

    @property
    def url(self) -> str:
        if self.port is None:
            raise LabelStudioError("the local Label Studio server is not running")
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_key(self) -> str:
        return self.creds["token"]

    def connection(self, timeout: float = 60.0) -> Connection:
        return Connection(url=self.url, api_key=self.api_key, timeout=timeout)

    def _log_tail(self, n: int = 5) -> str:
        try:
            lines = self.log_path.read_text(errors="replace").strip().splitlines()
        except OSError:
            return ""
        return " | ".join(lines[-n:])

    def start(self, timeout: float = 120.0) -> "LocalServer":
        port = self.requested_port or free_port()
        log = open(self.log_path, "ab")
        try:
            self.proc = subprocess.Popen(
                [str(self.binary), "start", "--no-browser", "--internal-host", "127.0.0.1",
                 "--port", str(port), "--data-dir", str(self.data_dir)],
                env=server_env(self.data_dir, self.creds), cwd=self.data_dir.parent,
                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                start_new_session=True)
        finally:
            log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise LabelStudioError(f"label-studio exited with {self.proc.returncode} "
                                       f"while starting: {self._log_tail()}")
            if self.port is None:
                m = _STARTED_RE.search(self.log_path.read_text(errors="replace"))
                if m:
                    self.port = int(m.group(1))  # may differ from `port`: LS moves silently
            if self.port is not None and self._healthy():
                return self
            time.sleep(0.25)
        self.stop()
        raise LabelStudioError(f"label-studio did not become healthy in {timeout:.0f} s: "
                               f"{self._log_tail()}")

    def _healthy(self) -> bool:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/health", timeout=2) as r:
                return r.status == 200
        except (urllib.error.URLError, OSError):
            return False

    def stop(self, timeout: float = 15.0) -> None:
        """Stop the server this object started (SIGTERM to its process group, then SIGKILL)."""
        proc, self.proc = self.proc, None
        if proc is not None and proc.poll() is None:
            for sig, wait in ((signal.SIGTERM, timeout), (signal.SIGKILL, 5.0)):
                try:
                    os.killpg(proc.pid, sig)  # the group led by our child (start_new_session)
                except ProcessLookupError:
                    break
                try:
                    proc.wait(wait)
                    break
                except subprocess.TimeoutExpired:
                    continue
        self.port = None
        if self._owned_dir is not None:
            shutil.rmtree(self._owned_dir, ignore_errors=True)
            self._owned_dir = None

    def __enter__(self) -> "LocalServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
