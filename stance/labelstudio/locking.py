"""One push at a time per project: an OS file lock keyed by server and project title.

Two ``stance ls push`` runs into one project at once would each list the project's tasks
before the other imported, and both import the same quotes (or both create the project).
:func:`project_lock` serialises them on this machine: the second waits until the first is
done, then finds the quotes already there and imports nothing. The lock file lives in the
user's cache directory (``$XDG_CACHE_HOME/stance/locks``, default ``~/.cache/stance/locks``);
the OS releases it when the process ends, however it ends. Pushes from *other machines* are
not covered: Label Studio itself has no lock to take.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

from filelock import FileLock, Timeout

__all__ = ["project_lock", "lock_dir", "server_key"]


def lock_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = Path(base) / "stance" / "locks"
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:  # no writable home: a per-user folder in the temporary directory
        path = Path(tempfile.gettempdir()) / f"stance-locks-{os.getuid() if hasattr(os, 'getuid') else 'user'}"
        path.mkdir(parents=True, exist_ok=True)
    return path


def server_key(url: str) -> str:
    """``scheme://host:port/path`` in lower case, without credentials or query: the same
    server however its URL was written."""
    parts = urlsplit(url.strip())
    port = parts.port or {"http": 80, "https": 443}.get(parts.scheme.lower(), 0)
    host = (parts.hostname or "").lower()
    return f"{parts.scheme.lower()}://{host}:{port}{parts.path.rstrip('/')}"


class _ProjectLock:
    def __init__(self, url: str, title: str, on_wait: Callable[[str], None] | None):
        digest = hashlib.sha256(f"{server_key(url)}\n{title}".encode("utf-8")).hexdigest()[:24]
        self.path = lock_dir() / f"push-{digest}.lock"
        self.lock = FileLock(str(self.path))
        self.on_wait = on_wait

    def __enter__(self):
        try:
            self.lock.acquire(timeout=0)
        except Timeout:
            if self.on_wait:
                self.on_wait(str(self.path))
            self.lock.acquire()  # waits as long as the other push runs (Ctrl-C stops it)
        return self

    def __exit__(self, *exc):
        self.lock.release()


def project_lock(url: str, title: str, on_wait: Callable[[str], None] | None = None):
    """A context manager holding the push lock of project ``title`` on server ``url``;
    ``on_wait(lock_path)`` is called once when another process holds it."""
    return _ProjectLock(url, title, on_wait)
