"""Run one experiment from a resolved config: cross-validation or a fixed test split.

* Without ``data.test``: ``eval.folds``-fold cross-validation, stratified (multi-label-aware for
  multi-label tasks, ``iterstrat``), grouped by ``data.group_field`` when it is set (quotes of
  one article never on both sides; :mod:`stance.experiments.folds`); every item is predicted
  once by the model that did not see it, and the scores are those out-of-fold predictions. A
  final model is then fitted on all the data for ``stance predict``.
* With ``data.test``: fit on ``data.train``, score ``data.test``.

Thresholds and early stopping use inner validation inside each training part only. Models are
trained on the labels of ``data.policy`` (with the ``soft`` policy's sample weights) and scored
against those of ``data.eval_policy`` when it is set.
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
from stance.experiments.folds import split
from stance.experiments.models import build_model, fit_model
from stance.io import InputError


def outer_folds(Y: np.ndarray, folds: int, seed: int, multi_label: bool, groups=None):
    """The CV folds: stratified, and grouped when ``groups`` is given."""
    if folds > len(Y):
        raise InputError(f"{folds} folds but only {len(Y)} examples", field="eval.folds")
    try:
        return split(Y if multi_label else Y.argmax(1), folds, seed, groups)
    except ValueError as exc:
        kind = "grouped" if groups is not None else "stratified"
        raise InputError(f"cannot make {folds} {kind} folds: {exc}", field="eval.folds") from None


def prediction_records(ex: Examples, gold: np.ndarray, pred: np.ndarray, scores: np.ndarray,
                       labels: list[str], fold: np.ndarray | None = None,
                       group_field: str | None = None):
    for i in range(len(ex)):
        rec = {"id": ex.ids[i], "text": ex.texts[i],
               **({group_field or "group": ex.groups[i]} if ex.groups is not None else {}),
               "gold": [lab for lab, g in zip(labels, gold[i]) if g],
               "pred_labels": [lab for lab, p in zip(labels, pred[i]) if p],
               "pred_scores": {lab: round(float(s), 6) for lab, s in zip(labels, scores[i])}}
        if fold is not None:
            rec["fold"] = int(fold[i])
        yield rec


def repeated_cv(draws: list[np.ndarray], G: np.ndarray, labels: list[str], seed: int) -> dict:
    """The cross-validation's figures over fold draws: ``draws`` are the out-of-fold predictions
    of seeds ``seed``, ``seed+1``, ... Per draw micro/macro-F1 and F1 per label, then their mean,
    standard deviation and range: what a figure owes to one draw of folds."""
    per_draw = []
    for r, pred in enumerate(draws):
        sc = score(G, pred, labels, samples=0)
        per_draw.append({"seed": seed + r, "micro_f1": sc["micro_f1"], "macro_f1": sc["macro_f1"],
                         "per_label_f1": {lab: sc["per_label"][lab]["f1"] for lab in labels}})

    def spread(values: list[float]) -> dict:
        v = np.asarray(values, dtype=float)
        return {"mean": round(float(v.mean()), 4), "sd": round(float(v.std(ddof=1)), 4),
                "min": round(float(v.min()), 4), "max": round(float(v.max()), 4)}

    return {"n": len(draws), "draws": per_draw,
            "micro_f1": spread([d["micro_f1"] for d in per_draw]),
            "macro_f1": spread([d["macro_f1"] for d in per_draw]),
            "per_label_f1": {lab: spread([d["per_label_f1"][lab] for d in per_draw]) for lab in labels}}


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
    for member in mcfg.get("members") or [mcfg]:
        source = member.get("model") if member["type"] == "bert" else member.get("embedding")
        if source:
            from stance.experiments.bert import check_source

            check_source(source)  # fail before any training when the model is missing
    if ev["learning_curve"] and test is not None:
        raise InputError("a learning curve needs cross-validation (data.test: null)",
                         field="eval.learning_curve")
    if ev["repeats"] > 1 and test is not None:
        raise InputError("repeats draw other cross-validation folds; with data.test there are none "
                         "(set data.test: null or eval.repeats: 1)", field="eval.repeats")
    Y = indicator(train.labels, labels)              # what the models learn
    G = indicator(train.eval_labels, labels)         # what they are scored against
    W = None if train.weights is None else np.asarray(train.weights)
    seed = ev["seed"]

    def fit(model, index=None):
        if index is None:
            return fit_model(model, train.texts, Y, train.groups, W)
        return fit_model(model, [train.texts[i] for i in index], Y[index],
                         None if train.groups is None else [train.groups[i] for i in index],
                         None if W is None else W[index])

    def new_model():
        return build_model(mcfg, labels, multi, seed, data["text_field"], progress)

    def fit_predict(part, te):  # a fresh model fitted on ``part``, its decisions on ``te``
        m = fit(new_model(), part)
        return m.decide(m.scores([train.texts[i] for i in te]))

    main = runs.is_main_process()
    with runs.atomic_run_dir(output_dir or cfg["output_dir"], cfg["name"], write=main) as (tmp, final_dir):
        (tmp / "config.yaml").write_text(dump_config(cfg), "utf-8")
        fold_metrics, fold_of, training = [], None, []
        if test is None:
            splits = outer_folds(G, ev["folds"], seed, multi, train.groups)
            scores = np.zeros(Y.shape, dtype=np.float64)
            pred = np.zeros(Y.shape, dtype=np.int8)
            fold_of = np.zeros(len(Y), dtype=int)
            for k, (tr, te) in enumerate(tqdm(splits, desc="folds", unit="fold",
                                              disable=not progress)):
                m = fit(new_model(), tr)
                s = m.scores([train.texts[i] for i in te])
                scores[te], pred[te], fold_of[te] = s, m.decide(s), k
                fm = score(G[te], pred[te], labels, samples=0)
                fold_metrics.append({"fold": k, "n_train": int(len(tr)), **fm})
                training.append({"fit": f"fold {k}", **_training_info(m)})
            model = None
            if ev["final_model"]:
                model = fit(new_model())  # the model that `stance predict` uses
                training.append({"fit": "final", **_training_info(model)})
            items, gold = train, G
        else:
            model = fit(new_model())
            training.append({"fit": "final", **_training_info(model)})
            items, gold = test, indicator(test.eval_labels, labels)
            scores = model.scores(test.texts)
            pred = model.decide(scores)
        metrics = {"mode": "cv" if test is None else "test", "labels": labels,
                   "grouped_by": data["group_field"] if test is None else None,
                   "policy": data["policy"], "eval_policy": data["eval_policy"] or data["policy"],
                   "multi_label": multi,
                   **score(gold, pred, labels, samples=ev["bootstrap"], seed=seed),
                   "bootstrap": {"samples": ev["bootstrap"], "seed": seed, "ci": 0.95}}
        if fold_metrics:
            metrics["folds"] = fold_metrics
            metrics["folds_mean"] = fold_summary(fold_metrics)
        if test is None and ev["repeats"] > 1:
            def cv_pred(draw_seed: int) -> np.ndarray:
                out = np.zeros(Y.shape, dtype=np.int8)
                for tr, te in outer_folds(G, ev["folds"], draw_seed, multi, train.groups):
                    out[te] = fit_predict(tr, te)
                return out

            draws = [pred] + [cv_pred(seed + r) for r in tqdm(range(1, ev["repeats"]), desc="repeats",
                                                               unit="CV", disable=not progress)]
            metrics["repeated"] = repeated_cv(draws, G, labels, seed)
        curve = None
        if ev["learning_curve"] and test is None:
            from stance.experiments.curves import learning_curve

            curve = learning_curve(ev["learning_curve"], splits, G, labels, fit_predict,
                                   train.groups, seed, ev["bootstrap"], full_pred=pred,
                                   progress=progress)
        if model is not None and model.thresholds is not None:
            metrics["final_thresholds"] = {lab: round(float(t), 4)
                                           for lab, t in zip(labels, model.thresholds)}
        if not main:
            return None
        if model is not None:
            model.save(tmp / "model")
        with open(tmp / "predictions.jsonl", "w", encoding="utf-8") as fh:
            for rec in prediction_records(items, gold, pred, scores, labels, fold_of,
                                          data.get("group_field")):
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        from stance.experiments.plots import run_plots

        plots = run_plots(tmp / "plots", gold, pred, scores, labels, multi,
                          f"{cfg['name']} ({metrics['mode']}, n={len(items)})")
        if curve is not None:
            from stance.experiments.plots import learning_curve_plot

            runs.write_json(tmp / "learning_curve.json", curve)
            learning_curve_plot(curve, tmp / "plots" / "learning_curve.png",
                                f"{cfg['name']}: learning curve (n={len(items)})")
            plots.append("learning_curve.png")
        if any(len(t) > 1 for t in training):
            runs.write_json(tmp / "training.json", training)
        runs.write_json(tmp / "metrics.json", metrics)
        runs.write_json(tmp / "calibration.json", {
            "source": "out-of-fold predictions" if test is None else "test predictions",
            "predictions": "predictions.jsonl", "n": len(items),
            "grouped_by": data.get("group_field") if items.groups is not None else "id",
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
