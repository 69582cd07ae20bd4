"""Run one experiment from a resolved config: cross-validation or a fixed test split.

* Without ``data.test``: ``eval.folds``-fold cross-validation, stratified (multi-label-aware for
  multi-label tasks, ``iterstrat``); every item is predicted once by the model that did not see
  it, and the scores are those out-of-fold predictions. A final model is then fitted on all the
  data for ``stance predict``.
* With ``data.test``: fit on ``data.train``, score ``data.test``.

Thresholds and early stopping use inner validation inside each training part only.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import numpy as np

from stance.experiments import runs
from stance.experiments.config import dump_config
from stance.experiments.data import Examples, indicator, load_examples, resolve_labels
from stance.experiments.evaluate import error_rates, fold_summary, score
from stance.experiments.models import build_model
from stance.io import InputError


def outer_folds(Y: np.ndarray, folds: int, seed: int, multi_label: bool):
    from stance.experiments.tfidf import inner_splitter

    if folds > len(Y):
        raise InputError(f"{folds} folds but only {len(Y)} examples", field="eval.folds")
    splitter = inner_splitter(Y if multi_label else Y.argmax(1), folds, seed)
    try:
        return list(splitter.split(np.zeros(len(Y)), Y if multi_label else Y.argmax(1)))
    except ValueError as exc:
        raise InputError(f"cannot make {folds} stratified folds: {exc}", field="eval.folds") from None


def prediction_records(ex: Examples, gold: np.ndarray, pred: np.ndarray, scores: np.ndarray,
                       labels: list[str], fold: np.ndarray | None = None):
    for i in range(len(ex)):
        rec = {"id": ex.ids[i], "text": ex.texts[i],
               **({"article_id": ex.articles[i]} if ex.articles else {}),
               "gold": [lab for lab, g in zip(labels, gold[i]) if g],
               "pred_labels": [lab for lab, p in zip(labels, pred[i]) if p],
               "pred_scores": {lab: round(float(s), 6) for lab, s in zip(labels, scores[i])}}
        if fold is not None:
            rec["fold"] = int(fold[i])
        yield rec


def _training_info(model) -> dict:
    """Per-fit training details a model exposes (BERT: epochs, best epoch, log history)."""
    info = {}
    for attr, key in (("epochs_trained_", "epochs_trained"), ("best_epoch_", "best_epoch"),
                      ("log_history_", "log_history")):
        if getattr(model, attr, None) is not None:
            info[key] = getattr(model, attr)
    return info


def run_experiment(cfg: dict, *, output_dir: str | Path | None = None,
                   progress: bool = True) -> Path | None:
    """Train and evaluate as ``cfg`` says; return the finished run directory (None on the
    non-main ranks of a distributed job)."""
    from tqdm.auto import tqdm

    data, ev, mcfg = cfg["data"], cfg["eval"], cfg["model"]
    started = time.time()
    train = load_examples(data["train"], data)
    test = load_examples(data["test"], data) if data["test"] else None
    labels = resolve_labels(train, data, test)
    multi = data["multi_label"]
    if mcfg["type"] == "bert":
        from stance.experiments.bert import check_source

        check_source(mcfg["model"])  # fail before any training when the model is missing
    Y = indicator(train.labels, labels)
    seed = ev["seed"]

    def new_model():
        return build_model(mcfg, labels, multi, seed, data["text_field"], progress)

    main = runs.is_main_process()
    with runs.atomic_run_dir(output_dir or cfg["output_dir"], cfg["name"], write=main) as (tmp, final_dir):
        (tmp / "config.yaml").write_text(dump_config(cfg), "utf-8")
        fold_metrics, fold_of, training = [], None, []
        if test is None:
            splits = outer_folds(Y, ev["folds"], seed, multi)
            scores = np.zeros(Y.shape, dtype=np.float64)
            pred = np.zeros(Y.shape, dtype=np.int8)
            fold_of = np.zeros(len(Y), dtype=int)
            for k, (tr, te) in enumerate(tqdm(splits, desc="folds", unit="fold",
                                              disable=not progress)):
                m = new_model().fit([train.texts[i] for i in tr], Y[tr])
                s = m.scores([train.texts[i] for i in te])
                scores[te], pred[te], fold_of[te] = s, m.decide(s), k
                fm = score(Y[te], pred[te], labels, samples=0)
                fold_metrics.append({"fold": k, "n_train": int(len(tr)), **fm})
                training.append({"fit": f"fold {k}", **_training_info(m)})
            model = new_model().fit(train.texts, Y)  # the model that `stance predict` uses
            training.append({"fit": "final", **_training_info(model)})
            items, gold = train, Y
        else:
            model = new_model().fit(train.texts, Y)
            training.append({"fit": "final", **_training_info(model)})
            items, gold = test, indicator(test.labels, labels)
            scores = model.scores(test.texts)
            pred = model.decide(scores)
        metrics = {"mode": "cv" if test is None else "test", "labels": labels,
                   "multi_label": multi,
                   **score(gold, pred, labels, samples=ev["bootstrap"], seed=seed),
                   "bootstrap": {"samples": ev["bootstrap"], "seed": seed, "ci": 0.95}}
        if fold_metrics:
            metrics["folds"] = fold_metrics
            metrics["folds_mean"] = fold_summary(fold_metrics)
        if model.thresholds is not None:
            metrics["final_thresholds"] = {lab: round(float(t), 4)
                                           for lab, t in zip(labels, model.thresholds)}
        if not main:
            return None
        model.save(tmp / "model")
        with open(tmp / "predictions.jsonl", "w", encoding="utf-8") as fh:
            for rec in prediction_records(items, gold, pred, scores, labels, fold_of):
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        from stance.experiments.plots import run_plots

        plots = run_plots(tmp / "plots", gold, pred, scores, labels, multi,
                          f"{cfg['name']} ({metrics['mode']}, n={len(items)})")
        if any(len(t) > 1 for t in training):
            runs.write_json(tmp / "training.json", training)
        runs.write_json(tmp / "metrics.json", metrics)
        runs.write_json(tmp / "calibration.json", {
            "source": "out-of-fold predictions" if test is None else "test predictions",
            "predictions": "predictions.jsonl", "n": len(items),
            "grouped_by": "article_id" if items.articles else "id",
            "error_rates": error_rates(gold, pred, labels)})
        env = runs.environment(seed)
        env["seconds"] = round(time.time() - started, 1)
        runs.write_json(tmp / "environment.json", env)
        runs.write_json(tmp / "run.json", {
            "id": final_dir.name, "name": cfg["name"], "model_type": mcfg["type"],
            "mode": metrics["mode"], "train": data["train"], "test": data["test"],
            "n_train": len(train), "n_eval": len(items), "labels": labels, "multi_label": multi,
            "text_field": data["text_field"], "plots": plots,
            "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "micro_f1": metrics["micro_f1"], "macro_f1": metrics["macro_f1"]})
    return final_dir
