"""A connection to a Label Studio server: settings, the lazily imported SDK, one-line errors.

>>> conn = Connection.from_settings(url="http://127.0.0.1:8080", api_key="...")  # doctest: +SKIP
>>> project = conn.find_project("frames")                                          # doctest: +SKIP

The URL and API key come from arguments or ``LABEL_STUDIO_URL`` / ``LABEL_STUDIO_API_KEY``.
The key is never printed or logged: :class:`LabelStudioError` messages are scrubbed of it and
show the URL without credentials (``shown_url``), and the SDK's own exceptions (which can
carry request details) never reach the user.
``label_studio_sdk`` is imported on first use only.
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass, field
from typing import Any, Iterator

from stance.redact import redact_url, redact_urls

DEFAULT_URL = "http://localhost:8080"
URL_ENV = "LABEL_STUDIO_URL"
KEY_ENV = "LABEL_STUDIO_API_KEY"

# Retries for idempotent reads only (GET); writes are never resent automatically.
READ = {"max_retries": 2}

LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1", "0.0.0.0")


def start_hint(url: str) -> str:
    """What to do when nothing answers at ``url``: start a local server on *its* port, or
    check a remote URL."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError:  # a port that is not a number
        return f"check the URL (--url or {URL_ENV})"
    if host in LOCAL_HOSTS:
        return (f"start one with  label-studio start --internal-host 127.0.0.1 --port {port}  "
                "(see annotations/README.md)")
    return f"check the URL (--url or {URL_ENV}) and that the server at {host} is up"


class LabelStudioError(Exception):
    """A server-side problem the user can act on; the message is one line and holds no key."""


@dataclass
class Connection:
    url: str
    api_key: str = field(repr=False)
    timeout: float = 60.0
    _client: Any = field(default=None, init=False, repr=False)

    # -- construction ---------------------------------------------------------------------
    @classmethod
    def from_settings(cls, url: str | None = None, api_key: str | None = None,
                      timeout: float = 60.0) -> "Connection":
        """Resolve ``url``/``api_key`` from the arguments, then the environment."""
        url = (url or os.environ.get(URL_ENV) or DEFAULT_URL).strip().rstrip("/")
        if not url.lower().startswith(("http://", "https://")):
            raise LabelStudioError(f"server URL {redact_url(url)!r} must start with http:// or "
                                   f"https:// (--url or {URL_ENV})")
        api_key = (api_key or os.environ.get(KEY_ENV) or "").strip()
        if not api_key:
            raise LabelStudioError(
                f"no API key: pass --api-key or set {KEY_ENV} (in Label Studio: "
                "Account & Settings -> Access Token, or the LABEL_STUDIO_USER_TOKEN you "
                "started the server with)")
        return cls(url=url, api_key=api_key, timeout=timeout)

    @property
    def shown_url(self) -> str:
        """The URL as messages show it: without credentials (:mod:`stance.redact`)."""
        return redact_url(self.url)

    @property
    def client(self):
        """The ``label_studio_sdk.LabelStudio`` client (imported and built on first use)."""
        if self._client is None:
            try:
                from label_studio_sdk import LabelStudio
            except ModuleNotFoundError as exc:  # pragma: no cover - depends on the install
                raise LabelStudioError(
                    f"the Label Studio SDK is not installed ({exc.name}): "
                    "pip install 'stance[labelstudio]'") from None
            # max_retries=0: the SDK would resend any request after a 5xx or a dropped
            # connection, and a resent POST (after SQLite's "database is locked") created a
            # project twice. Reads ask for retries themselves (READ).
            self._client = LabelStudio(base_url=self.url, api_key=self.api_key,
                                       timeout=self.timeout, max_retries=0)
        return self._client

    # -- error translation ----------------------------------------------------------------
    def _scrub(self, text: str) -> str:
        text = " ".join(str(text).split())
        if self.api_key:
            text = re.sub(re.escape(self.api_key), "***", text, flags=re.IGNORECASE)
        return redact_urls(text)[:300]

    @contextlib.contextmanager
    def calling(self, what: str) -> Iterator[None]:
        """Turn SDK/transport exceptions raised inside the block into :class:`LabelStudioError`."""
        try:
            yield
        except LabelStudioError:
            raise
        except Exception as exc:  # noqa: BLE001 - translated below, never shown raw
            raise self._translate(exc, what) from None

    def _translate(self, exc: Exception, what: str) -> LabelStudioError:
        import httpx

        if isinstance(exc, (httpx.ConnectError, httpx.ConnectTimeout)):
            return LabelStudioError(f"cannot reach Label Studio at {self.shown_url} ({what}): "
                                    f"is the server running? {start_hint(self.url)}")
        if isinstance(exc, httpx.TimeoutException):
            return LabelStudioError(f"Label Studio at {self.shown_url} did not answer in "
                                    f"{self.timeout:.0f} s ({what}); try again or check the server")
        if isinstance(exc, httpx.HTTPError):
            return LabelStudioError(f"talking to Label Studio at {self.shown_url} failed ({what}): "
                                    f"{self._scrub(type(exc).__name__ + ': ' + str(exc))}")
        status = getattr(exc, "status_code", None)
        body = getattr(exc, "body", None)
        detail = ""
        if isinstance(body, dict):
            detail = body.get("detail") or body.get("validation_errors") or body
        elif body:
            detail = body
        detail = self._scrub(detail)
        if status == 401:
            return LabelStudioError(
                f"Label Studio at {self.shown_url} refused the API key (401 {detail or 'unauthorized'}): "
                f"check --api-key / {KEY_ENV} (Account & Settings -> Access Token; legacy "
                "tokens need LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN=true on the server)")
        if status == 403:
            return LabelStudioError(f"Label Studio at {self.shown_url} denied access ({what}, 403): "
                                    "the key's user lacks permission for this project")
        if status == 404:
            return LabelStudioError(f"Label Studio at {self.shown_url} has no such object ({what}, 404)"
                                    " - is the URL the server's root (no /api suffix)?")
        if status is not None:
            return LabelStudioError(f"Label Studio at {self.shown_url} answered {status} ({what}): "
                                    f"{detail or 'no details'}")
        return LabelStudioError(f"Label Studio call failed ({what}): "
                                f"{self._scrub(type(exc).__name__ + ': ' + str(exc))}")

    # -- the calls the workbench needs ------------------------------------------------------
    def check(self) -> dict:
        """Verify that the server answers and accepts the key; returns the current user."""
        with self.calling("checking the API key"):
            user = self.client.users.whoami(request_options=READ)
        return {"id": user.id, "email": getattr(user, "email", None)}

    def find_project(self, title: str):
        """The project with exactly this title, or ``None``. Several with it is an error."""
        with self.calling(f"looking up project {title!r}"):
            found = [p for p in self.client.projects.list(title=title, page_size=100,
                                                               request_options=READ)
                     if p.title == title]
        if len(found) > 1:
            ids = ", ".join(str(i) for i in sorted(p.id for p in found))
            raise LabelStudioError(
                f"{len(found)} projects on {self.shown_url} are titled {title!r} (ids {ids}), so "
                "stance cannot tell which one to use: in Label Studio keep one (move any "
                "annotations into it) and delete or rename the others, then run this again")
        return found[0] if found else None

    def get_project(self, title: str):
        """The project with this title; a missing one is an error that says what to do."""
        project = self.find_project(title)
        if project is None:
            with self.calling("listing projects"):
                titles = sorted({p.title for p in self.client.projects.list(page_size=100,
                                                                     request_options=READ)})
            have = ", ".join(repr(t) for t in titles[:10]) or "none"
            raise LabelStudioError(
                f"no project titled {title!r} on {self.shown_url} (projects there: {have}); "
                f"create it with  stance ls push QUOTES.jsonl --project {title!r}")
        return project

    def project_tasks(self, project_id: int) -> Iterator[dict]:
        """``{"id", "data"}`` of every task of a project (paged)."""
        with self.calling("listing tasks"):
            for task in self.client.tasks.list(project=project_id, fields="task_only",
                                               page_size=500, request_options=READ):
                yield {"id": task.id, "data": dict(task.data or {})}
