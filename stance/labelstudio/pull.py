"""Pull a project's full JSON export into a new, never-overwritten snapshot file.

>>> path, summary = pull_export(conn, "frames", "annotations/exports")      # doctest: +SKIP
>>> path.name                                                              # doctest: +SKIP
'frames-20261204T141500Z-3f2a9c0d1b7e.json'

The export is Label Studio's full JSON format (every task, annotations with their annotator's
id and email, cancelled and ground-truth annotations, predictions in full), created as an
export snapshot on the server and saved byte for byte as the server wrote it. The file name
holds the UTC time and the first 12 hex digits of the content's SHA-256. A snapshot is
written under a temporary name and linked into place, so an existing file is never replaced
and a failed pull leaves nothing behind. Parse snapshots offline with
:func:`stance.annotations.load_export`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

from .client import READ, Connection, LabelStudioError

DEFAULT_EXPORT_DIR = Path("annotations") / "exports"
SERIALIZATION = {"annotations__completed_by": {"only_id": False},
                 "predictions": {"only_id": False}, "drafts": {"only_id": True}}
ALL_ANNOTATIONS = {"usual": True, "ground_truth": True, "skipped": True}


def slug(title: str) -> str:
    s = re.sub(r"[^\w]+", "-", title.strip().lower(), flags=re.UNICODE).strip("-_")
    return s[:60] or "project"


def export_json(conn: Connection, project_id: int, timeout: float = 300.0) -> bytes:
    """The full JSON export of a project, as bytes (all tasks, all annotations)."""
    exports = conn.client.projects.exports
    with conn.calling("creating an export snapshot"):
        snap = exports.create(project_id, title="stance ls pull",
                              serialization_options=SERIALIZATION,
                              annotation_filter_options=ALL_ANNOTATIONS,
                              task_filter_options={"only_with_annotations": False})
    deadline = time.monotonic() + timeout
    with conn.calling("waiting for the export"):
        while snap.status != "completed":
            if snap.status == "failed":
                raise LabelStudioError(f"Label Studio at {conn.shown_url} failed to build the export "
                                       f"(snapshot {snap.id}); see the server log")
            if time.monotonic() > deadline:
                raise LabelStudioError(f"the export did not finish in {timeout:.0f} s "
                                       f"(snapshot {snap.id}); try again later")
            time.sleep(0.5)
            snap = exports.get(project_id, snap.id, request_options=READ)
    with conn.calling("downloading the export"):
        return b"".join(exports.download(project_id, snap.id, export_type="JSON"))


def save_snapshot(raw: bytes, out_dir: str | os.PathLike, title: str,
                  now: datetime | None = None) -> Path:
    """Write ``raw`` to a new file ``<slug>-<UTC time>-<sha256[:12]>.json`` under ``out_dir``.

    Never overwrites: when the name is taken (same content within the same second), a
    ``-2``, ``-3``... suffix is added.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.now(timezone.utc)).strftime("%Y%m%dT%H%M%SZ")
    digest = hashlib.sha256(raw).hexdigest()[:12]
    base = f"{slug(title)}-{stamp}-{digest}"
    fd, tmp = tempfile.mkstemp(prefix=f".{base}.", suffix=".part", dir=out_dir)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        n = 1
        while True:
            target = out_dir / (f"{base}.json" if n == 1 else f"{base}-{n}.json")
            try:
                os.link(tmp, target)  # atomic, and fails instead of replacing
                return target
            except FileExistsError:
                n += 1
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def pull_export(conn: Connection, project_title: str,
                out_dir: str | os.PathLike = DEFAULT_EXPORT_DIR) -> tuple[Path, dict]:
    """Export ``project_title`` into a new snapshot; returns ``(path, summary)``."""
    project = conn.get_project(project_title)
    raw = export_json(conn, project.id)
    try:
        tasks = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LabelStudioError(f"Label Studio at {conn.shown_url} sent an export that is not JSON "
                               f"({exc}); nothing saved") from None
    if not isinstance(tasks, list):
        raise LabelStudioError(f"Label Studio at {conn.shown_url} sent an export that is not a list "
                               "of tasks; nothing saved")
    path = save_snapshot(raw, out_dir, project_title)
    problem = None
    none_dropped = 0
    if tasks:
        from stance.annotations.export import parse_tasks
        from stance.io import InputError

        try:
            anns = [a for t in parse_tasks(tasks, path, defer_errors=True)
                    for a in t["annotations"]]
            none_dropped = sum(a["none_dropped"] for a in anns)
            errors = [a["error"] for a in anns if a.get("error") is not None]
            if errors:
                raise errors[0]
        except InputError as exc:  # saved anyway: the snapshot is the evidence to fix it
            problem = str(exc)
    anns = [a for t in tasks for a in (t.get("annotations") or [])]
    summary = {
        "project": project_title, "project_id": project.id, "path": str(path),
        "bytes": len(raw), "sha256": hashlib.sha256(raw).hexdigest(),
        "tasks": len(tasks), "annotated_tasks": sum(1 for t in tasks if t.get("annotations")),
        "annotations": len(anns), "cancelled": sum(1 for a in anns if a.get("was_cancelled")),
        "problem": problem, "none_with_frames": none_dropped,
    }
    return path, summary
