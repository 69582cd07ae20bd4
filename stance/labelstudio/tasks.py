"""Quote records <-> Label Studio task data.

A task's ``data`` holds the quote record's own fields (:data:`QUOTE_FIELDS`), keyed by
``quote_id``; the fields the labeling config shows are always present (``""`` when unknown).
Labels, predictions and annotations already in a record (``frames``, ``annotations``,
``pred_*``) are never copied into the task data, so annotators are not primed by them.
"""

from __future__ import annotations

import hashlib
import os
from typing import Iterator

from stance.io import InputError, iter_jsonl

from .config import DISPLAY_FIELDS

QUOTE_FIELDS = ("quote_id", "article_id", "start", "end", "text", "kind", "speaker", "actor_id",
                "actor", "actor_country", "actor_role", "date", "source", "title", "context")


def quote_id(article_id: str, start: int, end: int) -> str:
    """The stable quote id, the same as :func:`stance.extract.quote_id`:
    ``sha1(f"{article_id}:{start}:{end}")[:16]``."""
    return hashlib.sha1(f"{article_id}:{start}:{end}".encode("utf-8")).hexdigest()[:16]


def ensure_quote_id(rec: dict) -> str | None:
    """The record's ``quote_id``, derived from ``article_id``/``start``/``end`` when absent."""
    qid = rec.get("quote_id")
    if qid not in (None, ""):
        return str(qid)
    if rec.get("article_id") not in (None, "") and isinstance(rec.get("start"), int) \
            and isinstance(rec.get("end"), int):
        return quote_id(str(rec["article_id"]), rec["start"], rec["end"])
    return None


def task_data(rec: dict, path: str | os.PathLike | None = None, line: int | None = None) -> dict:
    """The ``data`` of a task for one quote record (validated)."""
    qid = ensure_quote_id(rec)
    if qid is None:
        raise InputError("record has no 'quote_id' (nor 'article_id', 'start', 'end' to derive "
                         "it from)", path, line, "quote_id")
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError("record has no quote text (a non-empty string is required)",
                         path, line, "text")
    data = {"quote_id": qid}
    for key in QUOTE_FIELDS[1:]:
        value = rec.get(key)
        if value is not None:
            data[key] = value
    for key in DISPLAY_FIELDS:
        value = data.get(key)
        if value is None:
            data[key] = ""
        elif not isinstance(value, str):
            raise InputError(f"expected a string, got {type(value).__name__}", path, line, key)
    return data


def iter_quote_tasks(path: str | os.PathLike) -> Iterator[tuple[int, dict, dict]]:
    """``(line, task data, original record)`` for each quote of a JSONL(.gz) file."""
    for line, rec in iter_jsonl(path):
        yield line, task_data(rec, path, line), rec
