"""Learning curves: F1 per label against the amount of training data, from the run's own folds.

For each fraction ``f`` of ``eval.learning_curve`` (or ``stance train --learning-curve``) and
each outer cross-validation fold, a model is trained on a random ``f`` of that fold's training
part — whole groups (articles) when the folds are grouped, so the subsample is what labelling
``f`` of the articles would give — and scores the fold's test part, which never changes. The
out-of-fold predictions of all folds make one score per fraction, with 95 % bootstrap intervals
over items (and the spread over folds). A curve still climbing at 1.0 says that labelling more
will pay. Fraction 1.0 is the run itself (its out-of-fold predictions are reused).

The result goes to ``learning_curve.json`` in the run directory and ``plots/learning_curve.png``.
"""

from __future__ import annotations

import numpy as np

from stance.experiments.evaluate import fold_summary, score


def subsample(index: np.ndarray, fraction: float, groups, rng: np.random.Generator) -> np.ndarray:
    """A random ``fraction`` of ``index`` (by whole groups when ``groups`` is given), sorted."""
    index = np.asarray(index)
    if fraction >= 1.0:
        return index
    if groups is None:
        k = max(2, int(round(fraction * len(index))))
        return np.sort(rng.choice(index, size=min(k, len(index)), replace=False))
    g = np.asarray(groups)[index]
    names = np.unique(g)
    k = max(2, int(round(fraction * len(names))))
    chosen = set(rng.choice(names, size=min(k, len(names)), replace=False).tolist())
    return index[np.array([x in chosen for x in g])]


def learning_curve(fractions, splits, gold: np.ndarray, labels: list[str], fit_predict,
                   groups=None, seed: int = 0, samples: int = 1000, full_pred=None,
                   progress: bool = False) -> dict:
    """Score ``fit_predict(train_index, test_index) -> decisions`` on subsampled training parts.

    ``full_pred`` (the run's out-of-fold decisions) stands in for fraction 1.0 when given."""
    from tqdm.auto import tqdm

    rng = np.random.default_rng(seed)
    points = []
    todo = [(f, k, tr, te) for f in sorted(fractions) for k, (tr, te) in enumerate(splits)]
    pred_by_f: dict[float, np.ndarray] = {}
    n_train: dict[float, list[int]] = {}
    per_fold: dict[float, list[dict]] = {}
    for f, k, tr, te in tqdm(todo, desc="learning curve", unit="fit", disable=not progress):
        pred = pred_by_f.setdefault(f, np.zeros(gold.shape, dtype=np.int8))
        if f >= 1.0 and full_pred is not None:
            part, decided = tr, full_pred[te]
        else:
            part = subsample(tr, f, groups, rng)
            decided = fit_predict(part, te)
        pred[te] = decided
        n_train.setdefault(f, []).append(int(len(part)))
        per_fold.setdefault(f, []).append({"fold": k, **score(gold[te], decided, labels,
                                                                  samples=0)})
    for f in sorted(pred_by_f):
        s = score(gold, pred_by_f[f], labels, samples=samples, seed=seed)
        points.append({
            "fraction": f, "n_train_mean": round(float(np.mean(n_train[f])), 1),
            "macro_f1": s["macro_f1"], "macro_f1_ci": s.get("macro_f1_ci"),
            "micro_f1": s["micro_f1"], "micro_f1_ci": s.get("micro_f1_ci"),
            "folds": fold_summary(per_fold[f]),
            "per_label": {lab: {"f1": v["f1"], "f1_ci": v.get("f1_ci")}
                          for lab, v in s["per_label"].items()},
        })
    return {"fractions": sorted(pred_by_f), "grouped": groups is not None,
            "n": int(len(gold)), "labels": labels, "points": points,
            "bootstrap": {"samples": samples, "seed": seed, "ci": 0.95}}


def format_curve(curve: dict) -> str:
    labels = curve["labels"]
    head = f"{'fraction':>8} {'n_train':>8} {'macro-F1':>22} " + " ".join(
        f"{lab[:12]:>12}" for lab in labels)
    lines = [head]
    for p in curve["points"]:
        ci = p["macro_f1_ci"] or [p["macro_f1"]] * 2
        lines.append(f"{p['fraction']:>8.2f} {p['n_train_mean']:>8.0f} "
                     f"{p['macro_f1']:.3f} [{ci[0]:.3f}, {ci[1]:.3f}] " + " ".join(
                         f"{p['per_label'][lab]['f1']:>12.3f}" for lab in labels))
    return "\n".join(lines)
