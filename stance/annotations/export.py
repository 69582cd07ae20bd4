"""Parse Label Studio's full JSON export offline (no server, no SDK).

>>> tasks = load_export("annotations/dev_export.json")
>>> tasks[0]["quote_id"], tasks[0]["annotations"][0]["annotator"], tasks[0]["annotations"][0]["frames"]
('adfcfcf7f2c2d7a0', 'annotator1@example.com', [])

Each task comes back as ``{"task_id", "quote_id", "data", "annotations"}`` and each annotation
as ``{"annotation_id", "annotator", "user_id", "frames", "extraction", "was_cancelled", "ground_truth",
"comment", "lead_time", "updated_at"}``:

* ``annotator`` is the annotator's email when the export carries it (``stance ls pull``
  exports do), else the numeric Label Studio user id as a string (plain UI exports);
* ``frames`` is the sorted list of frame keys, ``[]`` when the annotator chose ``none``;
* ``extraction`` is the annotator's judgement of the extraction (``ok``, ``wrong_speaker``,
  ``bad_boundaries``, ``not_a_quote``), ``None`` when not given (older configs lack it).
* ``none_dropped`` is true when the annotator ticked ``none`` together with frames (the
  labeling config's checkboxes allow it): the frames are kept, ``none`` is dropped, and
  dataset building and agreement count and name such annotations.

Everything an annotation says is checked against the labeling config of
:mod:`stance.labelstudio.config`; the server does not do that itself. An unknown label, an
unknown control name, a missing result or a JSON_MIN/CSV export is an
:class:`stance.io.InputError` naming the file, task and annotation. Cancelled (skipped)
annotations are kept, flagged, with their result unchecked; dataset building and agreement
ignore them.

Several snapshots of one project hold several versions of one annotation (same ``id``):
:func:`latest_labels` keeps the newest (``updated_at``), so an annotation corrected in Label
Studio after a snapshot was pulled builds from the newer snapshot; ``load_export(...,
defer_errors=True)`` keeps the error of a bad annotation with it, and only an error in a
version that is actually used stops the build.
"""

from __future__ import annotations

import json
import os
from datetime import datetime

from stance.frames import FRAME_KEYS, NONE_KEY
from stance.io import InputError, read_text
from stance.labelstudio.config import (COMMENT_CONTROL, CONTROLS, EXTRACTION_CONTROL,
                                       EXTRACTION_KEYS, FRAMES_CONTROL, QUOTE_OBJECT)
from stance.labelstudio.tasks import ensure_quote_id

ALLOWED_CHOICES = (*FRAME_KEYS, NONE_KEY)


def _where(task: dict, ann: dict | None = None, qid: str | None = None) -> str:
    where = f"task {task.get('id', '?')}"
    if qid:
        where += f" (quote {qid})"
    if ann is not None:
        where += f", annotation {ann.get('id', '?')}"
        who = _annotator(ann)
        if who:
            where += f" by {who}"
    return where


def _annotator(ann: dict) -> str | None:
    who = ann.get("completed_by")
    if isinstance(who, dict):
        if who.get("email"):
            return str(who["email"])
        who = who.get("id")
    if isinstance(who, (int, str)) and not isinstance(who, bool) and str(who).strip():
        return str(who)
    return None


def _user_id(ann: dict) -> int | None:
    who = ann.get("completed_by")
    if isinstance(who, dict):
        who = who.get("id")
    return who if isinstance(who, int) and not isinstance(who, bool) else None


def parse_timestamp(value) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def parse_annotation(result, path, task: dict, ann: dict, qid: str | None
                     ) -> tuple[list[str], str | None, str | None, bool]:
    """``(sorted frame keys, comment, extraction judgement or None, none_dropped)`` of one
    annotation's ``result`` list."""
    where = _where(task, ann, qid)
    if result is None:
        raise InputError(f"{where}: annotation has no 'result' (re-submit or cancel it in "
                         "Label Studio)", path, field="result")
    if not isinstance(result, list):
        raise InputError(f"{where}: 'result' must be a list, got {type(result).__name__}",
                         path, field="result")
    choices: list[str] = []
    seen_frames = False
    comments: list[str] = []
    extraction: str | None = None
    for i, item in enumerate(result):
        if not isinstance(item, dict):
            raise InputError(f"{where}: result item {i} is not an object", path, field="result")
        name = item.get("from_name")
        if name not in CONTROLS:
            raise InputError(f"{where}: unknown control {name!r} in result item {i} (this "
                             f"config has {', '.join(CONTROLS)}): was the export made with "
                             "another labeling config?", path, field="from_name")
        if item.get("to_name") != QUOTE_OBJECT:
            raise InputError(f"{where}: control {name!r} points at {item.get('to_name')!r}, "
                             f"expected {QUOTE_OBJECT!r}", path, field="to_name")
        value = item.get("value")
        if not isinstance(value, dict):
            raise InputError(f"{where}: result item {i} has no 'value' object", path,
                             field="value")
        if name == FRAMES_CONTROL:
            got = value.get("choices")
            if item.get("type") != "choices" or not isinstance(got, list) \
                    or not all(isinstance(c, str) for c in got):
                raise InputError(f"{where}: {FRAMES_CONTROL!r} must be a 'choices' result with "
                                 "a list of labels", path, field="value.choices")
            for c in got:
                if c not in ALLOWED_CHOICES:
                    raise InputError(f"{where}: unknown label {c!r} in {FRAMES_CONTROL!r} "
                                     f"(expected one of {', '.join(ALLOWED_CHOICES)})",
                                     path, field="value.choices")
            seen_frames = True
            choices.extend(got)
        elif name == EXTRACTION_CONTROL:
            got = value.get("choices")
            if item.get("type") != "choices" or not isinstance(got, list) or len(got) != 1 \
                    or got[0] not in EXTRACTION_KEYS:
                raise InputError(f"{where}: {EXTRACTION_CONTROL!r} must be one choice of "
                                 f"{', '.join(EXTRACTION_KEYS)}, got {got!r}", path,
                                 field="value.choices")
            extraction = got[0]
        elif name == COMMENT_CONTROL:
            text = value.get("text")
            if isinstance(text, str):
                text = [text]
            if not isinstance(text, list) or not all(isinstance(t, str) for t in text):
                raise InputError(f"{where}: {COMMENT_CONTROL!r} must hold text", path,
                                 field="value.text")
            comments.extend(t for t in text if t.strip())
    if not seen_frames or not choices:
        raise InputError(f"{where}: no {FRAMES_CONTROL!r} choice in the result (choose "
                         f"'{NONE_KEY}' for no frame, or cancel the annotation)", path,
                         field="result")
    frames = sorted(set(choices) - {NONE_KEY})
    # «none» ticked with frames: the frames are what the annotator saw in the quote
    none_dropped = NONE_KEY in choices and bool(frames)
    return frames, ("\n".join(comments) if comments else None), extraction, none_dropped


def parse_tasks(tasks, path: str | os.PathLike = "<export>", *,
                defer_errors: bool = False) -> list[dict]:
    """Validate and normalise the parsed JSON of a full export (a list of tasks).

    With ``defer_errors`` a bad annotation result does not raise: the annotation carries the
    :class:`InputError` under ``error`` (and no frames), for :func:`latest_labels` to raise
    only when that version of the annotation is the one used."""
    path = str(path)
    if isinstance(tasks, dict) and isinstance(tasks.get("data"), dict):
        tasks = [tasks]
    if not isinstance(tasks, list):
        raise InputError(f"expected a JSON list of tasks (a Label Studio JSON export), got "
                         f"{type(tasks).__name__}", path)
    if not tasks:
        raise InputError("the export holds no tasks", path)
    out = []
    for n, task in enumerate(tasks, 1):
        if not isinstance(task, dict):
            raise InputError(f"task #{n} is not an object", path)
        if not isinstance(task.get("data"), dict):
            hint = ""
            if "annotator" in task or FRAMES_CONTROL in task:
                hint = ": this looks like a JSON_MIN/CSV export; pull the full JSON export " \
                       "(stance ls pull, or Export -> JSON in Label Studio)"
            raise InputError(f"task #{n} has no 'data' object{hint}", path, field="data")
        if not isinstance(task.get("annotations"), list):
            raise InputError(f"{_where(task)}: no 'annotations' list: not a full Label Studio "
                             "JSON export (stance ls pull writes one)", path, field="annotations")
        qid = ensure_quote_id(task["data"])
        if qid is None:
            raise InputError(f"{_where(task)}: task data has no 'quote_id' (nor article_id, "
                             "start, end): was it pushed with 'stance ls push'?", path,
                             field="data.quote_id")
        anns = []
        for ann in task["annotations"]:
            if not isinstance(ann, dict):
                raise InputError(f"{_where(task, None, qid)}: an annotation is not an object",
                                 path, field="annotations")
            who = _annotator(ann)
            if who is None:
                raise InputError(f"{_where(task, ann, qid)}: annotation has no 'completed_by'",
                                 path, field="completed_by")
            cancelled = bool(ann.get("was_cancelled"))
            error = None
            try:
                frames, comment, extraction, none_dropped = ([], None, None, False) \
                    if cancelled else parse_annotation(ann.get("result"), path, task, ann, qid)
            except InputError as exc:
                if not defer_errors:
                    raise
                frames, comment, extraction, none_dropped, error = [], None, None, False, exc
            rec = {
                "annotation_id": ann.get("id"), "annotator": who, "user_id": _user_id(ann),
                "frames": frames, "extraction": extraction, "was_cancelled": cancelled,
                "ground_truth": bool(ann.get("ground_truth")), "comment": comment,
                "lead_time": ann.get("lead_time"), "updated_at": ann.get("updated_at"),
                "none_dropped": none_dropped, "file": path, "task_id": task.get("id"),
                "quote_id": qid,
            }
            if error is not None:
                rec["error"] = error
            anns.append(rec)
        out.append({"task_id": task.get("id"), "quote_id": qid, "data": task["data"],
                    "annotations": anns})
    return out


def load_export(path: str | os.PathLike, *, defer_errors: bool = False) -> list[dict]:
    """Read and validate a Label Studio full JSON export (``.json`` or ``.json.gz``);
    ``defer_errors``: see :func:`parse_tasks`."""
    text = read_text(path)
    if not text.strip():
        raise InputError("empty file: expected a Label Studio JSON export", path)
    try:
        tasks = json.loads(text)
    except json.JSONDecodeError as exc:
        hint = ""
        if text.lstrip()[:1] not in "[{":
            hint = " (a CSV/TSV export? pull the full JSON export: stance ls pull)"
        raise InputError(f"not JSON: {exc.msg} (column {exc.colno}){hint}", path,
                         exc.lineno) from None
    return parse_tasks(tasks, path, defer_errors=defer_errors)


def _newer(new: dict, old: dict) -> bool:
    """Whether annotation ``new`` replaces ``old``: a later ``updated_at``; on equal or
    unreadable times, the one read later (the later file)."""
    t_old, t_new = parse_timestamp(old["updated_at"]), parse_timestamp(new["updated_at"])
    try:
        return not (t_old and t_new and t_new < t_old)
    except TypeError:  # naive vs aware times: keep file order
        return True


def none_with_frames(labels: dict[str, dict[str, dict]]) -> list[dict]:
    """The annotations in use that ticked «none» together with frames (none dropped)."""
    return [{"quote_id": qid, "task_id": a["task_id"], "annotation_id": a["annotation_id"],
             "annotator": a["annotator"], "frames": a["frames"], "file": a["file"]}
            for qid, per in labels.items() for a in per.values() if a.get("none_dropped")]


def latest_labels(tasks_by_file: list[tuple[str, list[dict]]]) -> tuple[dict, dict]:
    """Merge exports: ``({quote_id: data}, {quote_id: {annotator: annotation}})``.

    First the versions of one annotation (its ``annotation_id``, in several snapshots of a
    project) are merged: the most recently updated wins, on equal times the later file. Then
    cancelled annotations are dropped, and when one annotator labelled one quote more than
    once (a re-labelled task) the most recently updated annotation wins likewise. A version
    that is used and holds a deferred error (``load_export(..., defer_errors=True)``) raises
    it now; an older, corrected version is never looked at. Quote data come from the first
    task seen.
    """
    data: dict[str, dict] = {}
    labels: dict[str, dict[str, dict]] = {}
    versions: dict[object, dict] = {}  # annotation id -> newest version
    order: list[tuple[str, dict]] = []
    for _, tasks in tasks_by_file:
        for task in tasks:
            qid = task["quote_id"]
            data.setdefault(qid, {**task["data"], "_task_id": task["task_id"]})
            labels.setdefault(qid, {})
            for ann in task["annotations"]:
                key = ann["annotation_id"]
                if key is None:  # no id: every version stands on its own
                    order.append((qid, ann))
                    continue
                key = (qid, key)
                if key not in versions:
                    order.append((qid, key))
                    versions[key] = ann
                elif _newer(ann, versions[key]):
                    versions[key] = ann
    for qid, ann in order:
        if not isinstance(ann, dict):
            ann = versions[ann]
        if ann["was_cancelled"]:
            continue
        per = labels[qid]
        old = per.get(ann["annotator"])
        if old is None or _newer(ann, old):
            per[ann["annotator"]] = ann
    for per in labels.values():
        for ann in per.values():
            if ann.get("error") is not None:
                raise ann["error"]
    return data, labels
