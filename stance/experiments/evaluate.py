"""Scores for multi-label and single-label predictions, with bootstrap confidence intervals.

Everything works on 0/1 indicator matrices of shape (items, labels); a single-label task is
scored on its one-hot matrices, where micro-F1 equals accuracy. F1 of a label with neither gold
nor predicted items is 0 (scikit-learn's ``zero_division=0``).

Confidence intervals are percentile intervals over ``samples`` bootstrap resamples of the items
(with replacement). :func:`paired_bootstrap` resamples the items shared by two systems to say
whether their difference is real; :func:`mcnemar` is the exact per-label test.
"""

from __future__ import annotations

import math

import numpy as np

CI_LEVEL = 0.95


def _counts(gold: np.ndarray, pred: np.ndarray, weights: np.ndarray | None = None):
    """tp, fp, fn per label; with ``weights`` (B, n) the counts of B resamples, shape (B, L)."""
    g, p = gold.astype(np.float64), pred.astype(np.float64)
    tp, fp, fn = g * p, (1 - g) * p, g * (1 - p)
    if weights is None:
        return tp.sum(0), fp.sum(0), fn.sum(0)
    return weights @ tp, weights @ fp, weights @ fn


def _f1(tp, fp, fn):
    denom = 2 * tp + fp + fn
    return np.divide(2 * tp, denom, out=np.zeros_like(denom, dtype=np.float64), where=denom > 0)


def _ratio(a, b):
    return np.divide(a, b, out=np.zeros_like(b, dtype=np.float64), where=b > 0)


def _summaries(tp, fp, fn):
    """micro-F1 and macro-F1 from per-label counts (last axis = labels)."""
    micro = _f1(tp.sum(-1), fp.sum(-1), fn.sum(-1))
    macro = _f1(tp, fp, fn).mean(-1)
    return micro, macro


def bootstrap_weights(n: int, samples: int, seed: int, chunk: int = 200):
    """Yield (b, n) matrices: how often each item appears in each of b resamples."""
    rng = np.random.default_rng(seed)
    done = 0
    while done < samples:
        b = min(chunk, samples - done)
        done += b
        yield rng.multinomial(n, np.full(n, 1.0 / n), size=b).astype(np.float64)


def _ci(values: np.ndarray) -> list[float]:
    lo, hi = np.percentile(values, [100 * (1 - CI_LEVEL) / 2, 100 * (1 + CI_LEVEL) / 2], axis=0)
    return [round(float(lo), 4), round(float(hi), 4)] if np.ndim(lo) == 0 else \
        [[round(float(a), 4), round(float(b), 4)] for a, b in zip(lo, hi)]


def score(gold: np.ndarray, pred: np.ndarray, labels: list[str], *, samples: int = 1000,
          seed: int = 0) -> dict:
    """Per-label P/R/F1 and support, micro/macro F1, and 95 % bootstrap CIs (``*_ci``)."""
    gold, pred = np.asarray(gold), np.asarray(pred)
    tp, fp, fn = _counts(gold, pred)
    prec, rec, f1 = _ratio(tp, tp + fp), _ratio(tp, tp + fn), _f1(tp, fp, fn)
    micro, macro = _summaries(tp, fp, fn)
    out = {
        "n": int(gold.shape[0]),
        "micro_f1": round(float(micro), 4),
        "macro_f1": round(float(macro), 4),
        "micro_precision": round(float(_ratio(tp.sum(), tp.sum() + fp.sum())), 4),
        "micro_recall": round(float(_ratio(tp.sum(), tp.sum() + fn.sum())), 4),
        "per_label": {
            lab: {"precision": round(float(prec[j]), 4), "recall": round(float(rec[j]), 4),
                  "f1": round(float(f1[j]), 4), "support": int(gold[:, j].sum()),
                  "predicted": int(pred[:, j].sum())}
            for j, lab in enumerate(labels)},
    }
    if samples > 0 and gold.shape[0] > 1:
        micro_b, macro_b, label_b = [], [], []
        for w in bootstrap_weights(gold.shape[0], samples, seed):
            btp, bfp, bfn = _counts(gold, pred, w)
            mi, ma = _summaries(btp, bfp, bfn)
            micro_b.append(mi)
            macro_b.append(ma)
            label_b.append(_f1(btp, bfp, bfn))
        micro_b, macro_b = np.concatenate(micro_b), np.concatenate(macro_b)
        label_b = np.concatenate(label_b)
        out["micro_f1_ci"] = _ci(micro_b)
        out["macro_f1_ci"] = _ci(macro_b)
        for lab, ci in zip(labels, _ci(label_b)):
            out["per_label"][lab]["f1_ci"] = ci
    return out


def paired_bootstrap(gold: np.ndarray, pred_a: np.ndarray, pred_b: np.ndarray, *,
                     samples: int = 1000, seed: int = 0) -> dict:
    """Differences B - A in micro/macro F1 with 95 % CIs and two-sided bootstrap p-values
    (the share of resamples where the sign flips, doubled)."""
    gold, pred_a, pred_b = map(np.asarray, (gold, pred_a, pred_b))
    out = {}
    deltas = {"micro_f1": [], "macro_f1": []}
    per_label = []
    for w in bootstrap_weights(gold.shape[0], samples, seed):
        a_mi, a_ma = _summaries(*_counts(gold, pred_a, w))
        b_mi, b_ma = _summaries(*_counts(gold, pred_b, w))
        deltas["micro_f1"].append(b_mi - a_mi)
        deltas["macro_f1"].append(b_ma - a_ma)
        per_label.append(_f1(*_counts(gold, pred_b, w)) - _f1(*_counts(gold, pred_a, w)))
    full_a = _summaries(*_counts(gold, pred_a))
    full_b = _summaries(*_counts(gold, pred_b))
    for i, key in enumerate(("micro_f1", "macro_f1")):
        d = np.concatenate(deltas[key])
        out[key] = {"a": round(float(full_a[i]), 4), "b": round(float(full_b[i]), 4),
                    "delta": round(float(full_b[i] - full_a[i]), 4), "delta_ci": _ci(d),
                    "p_value": _two_sided_p(d)}
    pl = np.concatenate(per_label)
    out["per_label_delta_ci"] = _ci(pl)
    out["per_label_p_value"] = [_two_sided_p(pl[:, j]) for j in range(pl.shape[1])]
    return out


def _two_sided_p(deltas: np.ndarray) -> float:
    n = len(deltas)
    if n == 0:
        return 1.0
    below = (np.sum(deltas <= 0) + 1) / (n + 1)
    above = (np.sum(deltas >= 0) + 1) / (n + 1)
    return round(float(min(1.0, 2 * min(below, above))), 4)


def mcnemar(gold: np.ndarray, pred_a: np.ndarray, pred_b: np.ndarray) -> list[dict]:
    """Exact McNemar test per label on item-level correctness: ``b_only`` items B gets right
    and A wrong, ``a_only`` the reverse, and the two-sided binomial p-value."""
    gold, pred_a, pred_b = map(np.asarray, (gold, pred_a, pred_b))
    out = []
    for j in range(gold.shape[1]):
        ok_a = pred_a[:, j] == gold[:, j]
        ok_b = pred_b[:, j] == gold[:, j]
        a_only, b_only = int(np.sum(ok_a & ~ok_b)), int(np.sum(ok_b & ~ok_a))
        out.append({"a_only": a_only, "b_only": b_only, "p_value": round(_binom_two_sided(
            a_only, a_only + b_only), 4)})
    return out


def _binom_two_sided(k: int, n: int) -> float:
    if n == 0:
        return 1.0
    k = min(k, n - k)
    tail = sum(math.comb(n, i) for i in range(k + 1)) / 2 ** n
    return min(1.0, 2 * tail)


def error_rates(gold: np.ndarray, pred: np.ndarray, labels: list[str]) -> dict:
    """Per label: the true-positive rate (recall), the false-positive rate, the share of items
    the annotators gave the label and the share the model gave it: what a correction of
    label counts for the classifier's error needs."""
    gold, pred = np.asarray(gold).astype(bool), np.asarray(pred).astype(bool)
    out = {}
    for j, lab in enumerate(labels):
        g, p = gold[:, j], pred[:, j]
        out[lab] = {"tpr": round(float(p[g].mean()), 4) if g.any() else None,
                    "fpr": round(float(p[~g].mean()), 4) if (~g).any() else None,
                    "gold_share": round(float(g.mean()), 4),
                    "pred_share": round(float(p.mean()), 4), "n": int(len(g))}
    return out


def fold_summary(folds: list[dict]) -> dict:
    """Mean and standard deviation of the per-fold micro/macro F1."""
    out = {}
    for key in ("micro_f1", "macro_f1"):
        vals = np.array([f[key] for f in folds], dtype=float)
        out[key] = round(float(vals.mean()), 4)
        out[key + "_std"] = round(float(vals.std(ddof=1)) if len(vals) > 1 else 0.0, 4)
    return out
