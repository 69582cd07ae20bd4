"""Push quotes into a Label Studio project as tasks, with optional pre-annotations.

>>> summary = push_quotes(conn, "quotes.jsonl", "frames",                    # doctest: +SKIP
...                       predictions="runs/tfidf-20261204-1200", sample=50,
...                       strategy="uncertainty")

* The project is created (with the generated labeling config) when missing, else reused.
* Tasks are keyed by ``quote_id``: quotes already in the project, or repeated in the file,
  are skipped, so pushing the same file twice adds nothing.
* Predictions come from a scored JSONL written by ``stance predict`` (input records plus
  ``pred_labels``, ``pred_scores`` {frame: probability}, ``run``) or a run directory holding
  ``predictions.jsonl``. They are attached as Label Studio predictions with a
  ``model_version`` (the run id), and the project's ``model_version`` is set to it so the
  labeling UI shows them. Tasks already in the project get them too, once per version.
* ``sample``/``strategy`` choose which new quotes to push: ``random`` (seeded) or
  ``uncertainty`` (closest to 0.5: smallest ``min |p - 0.5|`` over the frames first). Tasks
  are imported in that order, which is the order Label Studio serves them.
"""

from __future__ import annotations

import math
import os
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from stance.frames import FRAME_KEYS, FRAMES, NONE_KEY
from stance.io import InputError, iter_jsonl

from .client import READ, Connection
from .config import frames_result, label_config
from .locking import project_lock
from .tasks import ensure_quote_id, iter_quote_tasks

STRATEGIES = ("random", "uncertainty")
RUN_PREDICTIONS = "predictions.jsonl"
IMPORT_BATCH = 500


@dataclass
class Prediction:
    labels: list[str]
    scores: dict[str, float]
    run: str | None

    @property
    def uncertainty_margin(self) -> float:
        """``min |p - 0.5|`` over the frames: 0 is maximally uncertain."""
        return min(abs(p - 0.5) for p in self.scores.values())

    @property
    def confidence(self) -> float:
        """The least confident frame decision, ``min max(p, 1-p)`` (Label Studio's ``score``)."""
        return min(max(p, 1.0 - p) for p in self.scores.values())


def predictions_file(path: str | os.PathLike) -> Path:
    """A scored JSONL file, or ``RUN_DIR/predictions.jsonl`` for a run directory."""
    path = Path(path)
    if path.is_dir():
        scored = path / RUN_PREDICTIONS
        if not scored.is_file():
            raise InputError(f"run directory has no {RUN_PREDICTIONS}: write one with  "
                             f"stance predict {path} QUOTES.jsonl -o {scored}", path)
        return scored
    if not path.exists():
        raise InputError("no such file or directory", path)
    return path


def load_predictions(path: str | os.PathLike) -> tuple[dict[str, Prediction], str]:
    """``({quote_id: Prediction}, model_version)`` from a scored JSONL or a run directory."""
    given = Path(path)
    path = predictions_file(given)
    allowed = set(FRAME_KEYS) | {NONE_KEY}
    preds: dict[str, Prediction] = {}
    runs: list[str] = []
    for line, rec in iter_jsonl(path):
        qid = ensure_quote_id(rec)
        if qid is None:
            raise InputError("scored record has no 'quote_id'", path, line, "quote_id")
        labels = rec.get("pred_labels")
        if not isinstance(labels, list) or not all(isinstance(x, str) for x in labels):
            raise InputError("expected a list of frame keys (is this a file written by "
                             "'stance predict'?)", path, line, "pred_labels")
        scores = rec.get("pred_scores")
        if not isinstance(scores, dict) or not scores:
            raise InputError("expected an object {frame: probability}", path, line, "pred_scores")
        for fld, keys in (("pred_labels", labels), ("pred_scores", list(scores))):
            for key in keys:
                if key not in allowed:
                    raise InputError(f"unknown frame {key!r} (expected one of "
                                     f"{', '.join(FRAME_KEYS)})", path, line, fld)
        frame_scores = {}
        for key, value in scores.items():
            if not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0 \
                    or math.isnan(value):
                raise InputError(f"score of {key!r} must be a probability in [0, 1], got "
                                 f"{value!r}", path, line, "pred_scores")
            if key != NONE_KEY:
                frame_scores[key] = float(value)
        if not frame_scores:
            raise InputError("no frame scores", path, line, "pred_scores")
        run = rec.get("run")
        if run and run not in runs:
            runs.append(str(run))
        preds[qid] = Prediction([x for x in labels if x != NONE_KEY], frame_scores,
                                str(run) if run else None)
    if len(runs) > 1:
        raise InputError(f"predictions from {len(runs)} different runs ({', '.join(runs[:3])}): "
                         "push one run at a time", path, field="run")
    model_version = runs[0] if runs else (given.name if given.is_dir() else path.stem)
    return preds, model_version


def prediction_payload(pred: Prediction, model_version: str) -> dict:
    return {"model_version": model_version, "score": round(pred.confidence, 4),
            "result": frames_result(sorted(pred.labels))}


def select(candidates: list[dict], n: int | None, strategy: str,
           preds: dict[str, Prediction] | None, seed: int = 0) -> tuple[list[dict], int]:
    """Choose up to ``n`` task datas; returns ``(chosen, left_out_without_prediction)``."""
    if strategy not in STRATEGIES:
        raise InputError(f"unknown strategy {strategy!r} (expected one of {', '.join(STRATEGIES)})")
    if strategy == "uncertainty":
        if not preds:
            raise InputError("--strategy uncertainty needs --predictions (a scored file or run "
                             "directory)")
        scored = [d for d in candidates if d["quote_id"] in preds]
        missing = len(candidates) - len(scored)
        scored.sort(key=lambda d: (preds[d["quote_id"]].uncertainty_margin, d["quote_id"]))
        return (scored if n is None else scored[:n]), missing
    if n is None or n >= len(candidates):
        return list(candidates), 0
    rng = random.Random(seed)
    picked = sorted(rng.sample(range(len(candidates)), n))
    return [candidates[i] for i in picked], 0


def instruction_html() -> str:
    """The project's labeling instructions, from :mod:`stance.frames`."""
    rows = "".join(
        f"<li><b>{f.arabic} ({f.key})</b>: {f.definition}. <span dir='rtl'>{'، '.join(f.cues)}</span></li>"
        for f in FRAMES)
    return ("<div><p>Label what the <b>speaker's words</b> invoke, not what the article is about. "
            "Choose every frame that is clearly present, or <b>none</b>.</p>"
            f"<ul>{rows}</ul></div>")


def push_quotes(conn: Connection, quotes_path: str | os.PathLike, project_title: str, *,
                predictions: str | os.PathLike | None = None, model_version: str | None = None,
                sample: int | None = None, strategy: str = "random", seed: int = 0,
                overlap: int = 1, update_config: bool = False,
                progress: Callable[[int], None] | None = None,
                on_wait: Callable[[str], None] | None = None) -> dict:
    """Create/reuse ``project_title`` and import the quotes of ``quotes_path`` not yet in it.

    Holds the project's push lock (:mod:`stance.labelstudio.locking`) while it talks to the
    server; ``on_wait(lock_path)`` is called when another push holds it.
    """
    if len(project_title.strip()) < 3:
        raise InputError(f"project title {project_title!r} is too short (Label Studio needs "
                         "3 characters or more)")
    if sample is not None and sample < 1:
        raise InputError("--sample must be a positive number")
    # Read and validate everything before touching the server.
    tasks: list[dict] = []
    seen: set[str] = set()
    repeated = 0
    for _, data, _ in iter_quote_tasks(quotes_path):
        if data["quote_id"] in seen:
            repeated += 1
            continue
        seen.add(data["quote_id"])
        tasks.append(data)
    preds: dict[str, Prediction] = {}
    if predictions is not None:
        preds, found_version = load_predictions(predictions)
        model_version = model_version or found_version
    elif strategy == "uncertainty":
        raise InputError("--strategy uncertainty needs --predictions (a scored file or run "
                         "directory)")

    # One push per project at a time (on this machine): a second one waits, then finds the
    # quotes already imported. Without it both listed the tasks before either imported.
    with project_lock(conn.url, project_title, on_wait=on_wait):
        xml = label_config()
        project = conn.find_project(project_title)
        created = project is None
        config_differs = False
        with conn.calling(f"creating project {project_title!r}" if created else "reading project"):
            if created:
                project = conn.client.projects.create(
                    title=project_title, label_config=xml, maximum_annotations=overlap,
                    expert_instruction=instruction_html(), show_instruction=True,
                    description="Framing of attributed quotes (stance workbench)")
            elif (conn.client.projects.get(project.id, request_options=READ).label_config
                  or "").strip() != xml.strip():
                if update_config:
                    conn.client.projects.update(project.id, label_config=xml)
                else:
                    config_differs = True
        if created:  # a push from another machine may have created one too: say so now
            conn.find_project(project_title)

        existing: dict[str, int] = {}
        for task in conn.project_tasks(project.id):
            qid = ensure_quote_id(task["data"])
            if qid is not None:
                existing.setdefault(qid, task["id"])
        new = [d for d in tasks if d["quote_id"] not in existing]
        chosen, no_pred = select(new, sample, strategy, preds or None, seed)

        imported = 0
        with_pred = 0
        for i in range(0, len(chosen), IMPORT_BATCH):
            batch = []
            for data in chosen[i:i + IMPORT_BATCH]:
                item = {"data": data}
                if data["quote_id"] in preds:
                    item["predictions"] = [prediction_payload(preds[data["quote_id"]],
                                                              model_version)]
                    with_pred += 1
                batch.append(item)
            with conn.calling("importing tasks"):
                conn.client.projects.import_tasks(id=project.id, request=batch,
                                                  return_task_ids=True)
            imported += len(batch)
            if progress:
                progress(len(batch))

        added_to_existing = 0
        if preds:
            with conn.calling("listing predictions"):
                have = {(p.task, p.model_version) for p in
                        conn.client.predictions.list(project=project.id, request_options=READ)}
            extra = [
                {"task": tid, **prediction_payload(preds[qid], model_version)}
                for qid, tid in existing.items()
                if qid in preds and qid in seen and (tid, model_version) not in have
            ]
            for i in range(0, len(extra), IMPORT_BATCH):
                with conn.calling("importing predictions"):
                    conn.client.projects.import_predictions(id=project.id,
                                                            request=extra[i:i + IMPORT_BATCH])
            added_to_existing = len(extra)
            with conn.calling("setting the project's model version"):
                conn.client.projects.update(project.id, model_version=model_version)

        return {
            "url": conn.shown_url, "project": project_title, "project_id": project.id, "created": created,
            "quotes": len(tasks), "repeated_in_file": repeated,
            "already_in_project": len(tasks) - len(new), "new": len(new),
            "imported": imported, "predictions": with_pred + added_to_existing,
            "predictions_on_existing": added_to_existing,
            "model_version": model_version if preds else None,
            "strategy": strategy if sample is not None or strategy == "uncertainty" else None,
            "left_out_without_prediction": no_pred, "config_differs": config_differs,
        }
