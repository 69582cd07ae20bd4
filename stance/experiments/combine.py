"""Average the label scores of finished runs: an ensemble evaluated without training again.

``experiments/ensemble-e5.yaml`` trains an ensemble's members inside one run. When the members
were trained as runs of their own (one on a GPU, one with another seed), their out-of-fold
predictions on the same items can be averaged afterwards: the mean of the members' label
probabilities, weighted, cut at one threshold, is exactly what the ``ensemble`` model computes
when the runs used the same folds (``eval.folds`` and ``eval.seed``) — each item's scores come
from models that never saw its article. The result is a run directory of its own
(``run.json``, ``config.yaml``, ``metrics.json`` with bootstrap intervals and per-fold
figures, ``predictions.jsonl``), so ``stance compare`` can test it against any member.
"""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path

import numpy as np
import yaml

from stance.experiments import runs
from stance.experiments.evaluate import fold_summary, score
from stance.io import InputError


def combine_runs(run_dirs: list[str | Path], *, weights: list[float] | None = None, threshold: float = 0.5,
                 samples: int = 1000, seed: int = 13) -> tuple[dict, dict, list[dict]]:
    """``(run_info, metrics, prediction records)`` of the weighted mean of the runs' scores."""
    if len(run_dirs) < 2:
        raise InputError("give two runs or more to combine")
    if weights is not None and (len(weights) != len(run_dirs) or any(w < 0 for w in weights) or sum(weights) <= 0):
        raise InputError(f"expected {len(run_dirs)} non-negative weights, one per run, got {weights}",
                         field="--weights")
    if not 0 <= threshold <= 1:
        raise InputError(f"expected a threshold between 0 and 1, got {threshold}", field="--threshold")
    infos = [runs.read_run(d) for d in run_dirs]
    labels = list(infos[0]["labels"])
    for info in infos[1:]:
        if list(info["labels"]) != labels or info.get("multi_label") != infos[0].get("multi_label"):
            raise InputError("the runs have different label sets", info["path"])
        if info.get("mode") != infos[0].get("mode"):
            raise InputError("a cross-validation run and a test run cannot be combined", info["path"])
    if not infos[0].get("multi_label", True):
        raise InputError("only multi-label runs can be combined (one threshold per label)", infos[0]["path"])
    by_id = [runs.predictions_by_id(info["path"]) for info in infos]
    for info, p in zip(infos[1:], by_id[1:]):
        runs.check_same_items(by_id[0], p, info["path"])
    preds = [[p[i] for i in by_id[0]] for p in by_id]  # every run in the first run's order
    w = np.asarray(weights if weights is not None else [1.0] * len(infos), dtype=np.float64)
    w = w / w.sum()
    scores = sum(wk * np.array([[rec["pred_scores"][lab] for lab in labels] for rec in p], dtype=np.float64)
                 for wk, p in zip(w, preds))
    pred = (scores >= threshold).astype(np.int8)
    gold = np.array([[lab in rec["gold"] for lab in labels] for rec in preds[0]], dtype=np.int8)
    folds = [[rec.get("fold") for rec in p] for p in preds]
    same_folds = all(f == folds[0] for f in folds) and None not in folds[0]
    metrics = {"mode": infos[0]["mode"], "labels": labels, "multi_label": True,
               "combined": {"runs": [info["path"] for info in infos], "weights": [round(float(x), 4) for x in w],
                            "threshold": threshold, "same_folds": same_folds},
               **score(gold, pred, labels, samples=samples, seed=seed),
               "bootstrap": {"samples": samples, "seed": seed, "ci": 0.95}}
    if same_folds and infos[0]["mode"] == "cv":
        fold = np.asarray(folds[0])
        metrics["folds"] = [{"fold": int(k), "n": int((fold == k).sum()),
                             **score(gold[fold == k], pred[fold == k], labels, samples=0)}
                            for k in sorted(set(fold.tolist()))]
        metrics["folds_mean"] = fold_summary(metrics["folds"])
    records = []
    for i, rec in enumerate(preds[0]):
        out = {k: v for k, v in rec.items() if k not in ("pred_labels", "pred_scores")}
        out["pred_labels"] = [lab for lab, p in zip(labels, pred[i]) if p]
        out["pred_scores"] = {lab: round(float(s), 6) for lab, s in zip(labels, scores[i])}
        records.append(out)
    name = "combined-" + "+".join(info.get("name", "run") for info in infos)
    info = {"name": name, "model_type": "combined", "mode": infos[0]["mode"], "train": infos[0].get("train"),
            "test": infos[0].get("test"), "n_train": infos[0].get("n_train"), "n_eval": len(records),
            "labels": labels, "multi_label": True, "text_field": infos[0].get("text_field"),
            "created": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S%z"),
            "micro_f1": metrics["micro_f1"], "macro_f1": metrics["macro_f1"]}
    return info, metrics, records


def write_combined(out_parent: str | Path, info: dict, metrics: dict, records: list[dict]) -> Path:
    """Write the combined run as a run directory under ``out_parent``; its path."""
    with runs.atomic_run_dir(out_parent, info["name"]) as (tmp, final_dir):
        info = {**info, "id": Path(final_dir).name}
        (tmp / "config.yaml").write_text(yaml.safe_dump(
            {"combined": metrics["combined"]}, allow_unicode=True, sort_keys=False), "utf-8")
        runs.write_json(tmp / "run.json", info)
        runs.write_json(tmp / "metrics.json", metrics)
        with open(tmp / "predictions.jsonl", "w", encoding="utf-8") as fh:
            for rec in records:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return Path(final_dir)
