"""Frame shares estimated from model scores, with the classifier's measured error.

A report on model-scored quotes asks "what share of this actor's quotes would the annotators
give this frame?". Counting the model's thresholded labels (classify and count) answers it only
as well as the classifier labels quotes; its errors do not cancel in a small group. Each frame is
a binary quantification problem, solved with `quapy <https://github.com/HLT-ISTI/QuaPy>`_ on
the run's **calibration data**: the out-of-fold scores, decisions and annotators' labels of its
cross-validation (``predictions.jsonl`` in the run directory, see :class:`Calibration`).

Estimators (``--estimator``):

* ``cc``: classify and count, the share of quotes the model labels with the frame;
* ``pcc``: probabilistic classify and count, the mean calibrated probability (Platt scaling of
  the run's scores fitted on the out-of-fold predictions);
* ``acc`` / ``pacc``: (probabilistic) adjusted classify and count, corrected with the run's
  out-of-fold true- and false-positive rates;
* ``emq``: expectation maximisation of the calibrated probabilities (Saerens et al. 2002).

Intervals combine three sources of uncertainty in one bootstrap: the calibration data (the run's
out-of-fold predictions resampled by article, and the quantifier fitted again on each resample),
the group's own quotes (resampled) and the annotators' decision on each quote (a draw from its
calibrated probability, its spread widened by the dispersion between articles that the run's
out-of-fold predictions show: the model errs article by article, not quote by quote). The
percentile interval of the replicates is the reported interval; it is meant to contain the
share the annotators would give these quotes (and the actor's share in quotes like them).

Measured on the development + pool quotes with article-grouped cross-validation (see the
README), ``pcc`` has the smallest share error by country and by actor; the adjusted estimators
are worse there (the articles differ in how frames are worded, not only how often), so ``pcc``
is the default.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from stance.io import InputError, iter_jsonl

__all__ = ["ESTIMATORS", "DEFAULT_ESTIMATOR", "ESTIMATOR_TEXT", "Calibration", "FrameEstimator",
           "ShareEstimator", "HoldoutEstimator"]

ESTIMATORS = ("cc", "pcc", "acc", "pacc", "emq")
DEFAULT_ESTIMATOR = "pcc"
ESTIMATOR_TEXT = {
    "cc": "classify and count (the model's labels counted)",
    "pcc": "probabilistic classify and count (mean calibrated probability)",
    "acc": "adjusted classify and count (corrected with the run's out-of-fold error rates)",
    "pacc": "probabilistic adjusted classify and count",
    "emq": "expectation maximisation of calibrated probabilities (SLD)",
    "wilson": "the model's labels counted, sampling interval only (no calibration data)",
}
BOOTSTRAP = 100
EPS = 1e-6


# --------------------------------------------------------------------------- calibration data

@dataclass
class Calibration:
    """Out-of-fold scores, decisions and gold labels of a run, one row per quote."""

    labels: list[str]
    scores: np.ndarray  # (n, L) model probabilities
    decisions: np.ndarray  # (n, L) 0/1: the run's thresholded labels
    gold: np.ndarray  # (n, L) 0/1: the annotators' labels
    groups: np.ndarray  # (n,) article ids (quote ids when the run has none)
    ids: list[str] = field(default_factory=list)
    run: str = ""
    path: str = ""

    def __len__(self) -> int:
        return len(self.ids)

    @classmethod
    def from_run(cls, run_dir: str | Path) -> "Calibration":
        """Read ``predictions.jsonl`` of a cross-validation run (or a test-split run)."""
        run_dir = Path(run_dir)
        pred_path = run_dir / "predictions.jsonl"
        if not pred_path.is_file():
            raise InputError("no predictions.jsonl: not a finished run directory", run_dir)
        try:
            info = json.loads((run_dir / "run.json").read_text("utf-8"))
        except (OSError, ValueError):
            raise InputError("run.json is missing or broken: not a finished run directory",
                             run_dir) from None
        labels = list(info.get("labels") or [])
        if not info.get("multi_label", True) or not labels:
            raise InputError("frame shares need a multi-label run (one score per frame)", run_dir)
        ids, scores, decisions, gold, groups = [], [], [], [], []
        for line, rec in iter_jsonl(pred_path):
            ps = rec.get("pred_scores")
            if not isinstance(ps, dict) or not all(lab in ps for lab in labels):
                raise InputError("record has no score for every label", pred_path, line,
                                 "pred_scores")
            if not isinstance(rec.get("gold"), list) or not isinstance(rec.get("pred_labels"), list):
                raise InputError("record needs 'gold' and 'pred_labels' lists", pred_path, line)
            qid = str(rec.get("id"))
            ids.append(qid)
            scores.append([float(ps[lab]) for lab in labels])
            decisions.append([int(lab in rec["pred_labels"]) for lab in labels])
            gold.append([int(lab in rec["gold"]) for lab in labels])
            groups.append(str(rec.get("article_id") or rec.get("group") or qid))
        if len(ids) < 20:
            raise InputError(f"only {len(ids)} out-of-fold predictions: too few to measure the "
                             "classifier's error", pred_path)
        return cls(labels, np.array(scores), np.array(decisions, dtype=np.int8),
                   np.array(gold, dtype=np.int8), np.array(groups), ids,
                   run=str(info.get("id") or run_dir.name), path=str(run_dir))

    def error_rates(self) -> dict[str, dict]:
        """Per label: out-of-fold true- and false-positive rates, positives, quotes."""
        out = {}
        for j, lab in enumerate(self.labels):
            g, d = self.gold[:, j].astype(bool), self.decisions[:, j].astype(bool)
            out[lab] = {"tpr": round(float(d[g].mean()) if g.any() else 0.0, 4),
                        "fpr": round(float(d[~g].mean()) if (~g).any() else 0.0, 4),
                        "positives": int(g.sum()), "n": int(len(g))}
        return out

    def overlaps(self, ids) -> int:
        """How many of the quote ids ``ids`` are in the calibration data."""
        mine = set(self.ids)
        return sum(1 for q in ids if q in mine)

    def without(self, ids) -> "Calibration":
        """A copy without the quotes (and the rest of their articles) named in ``ids``."""
        ids = set(ids)
        drop = {g for q, g in zip(self.ids, self.groups) if q in ids}
        keep = np.array([g not in drop for g in self.groups])
        return Calibration(self.labels, self.scores[keep], self.decisions[keep], self.gold[keep],
                           self.groups[keep], [q for q, k in zip(self.ids, keep) if k],
                           self.run, self.path)


def cluster_resample(groups: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Row indices of one bootstrap resample of whole clusters (articles), with replacement."""
    uniq, inverse = np.unique(groups, return_inverse=True)
    picks = rng.integers(0, len(uniq), len(uniq))
    counts = np.bincount(picks, minlength=len(uniq))
    return np.repeat(np.arange(len(groups)), counts[inverse])


# --------------------------------------------------------------------------- one frame

@functools.lru_cache(maxsize=1)
def _score_classifier_class():
    """The classifier class (built on first use: scikit-learn loads only when estimating)."""
    from scipy.special import expit
    from sklearn.base import BaseEstimator, ClassifierMixin
    from sklearn.linear_model import LogisticRegression

    class ScoreClassifier(ClassifierMixin, BaseEstimator):
        """A scikit-learn classifier over precomputed scores: X is (n, 2) = [score, decision];
        ``predict`` returns the run's decision, ``predict_proba`` the score calibrated by Platt
        scaling (a logistic regression on the score's logit)."""

        def fit(self, X, y):
            y = np.asarray(y).astype(int)
            self.classes_ = np.array([0, 1])
            if y.min() == y.max():  # one class only: a constant probability
                self.coef_, self.intercept_ = 0.0, (20.0 if y[0] else -20.0)
            else:
                lr = LogisticRegression(C=1e4, solver="newton-cholesky").fit(_logit(X[:, :1]), y)
                self.coef_, self.intercept_ = float(lr.coef_[0, 0]), float(lr.intercept_[0])
            return self

        def predict(self, X):
            return np.asarray(X[:, 1]).astype(int)

        def predict_proba(self, X):
            p = expit(self.coef_ * _logit(X[:, 0]) + self.intercept_)
            return np.column_stack([1 - p, p])

    return ScoreClassifier


def _logit(s: np.ndarray) -> np.ndarray:
    s = np.clip(np.asarray(s, dtype=float), EPS, 1 - EPS)
    return np.log(s / (1 - s))


def _quantifier(name: str, X: np.ndarray, y: np.ndarray):
    """A quapy quantifier of ``name`` whose classifier is the calibrated score, fitted on
    the calibration rows ``X`` (score, decision) with gold ``y``."""
    import warnings

    from quapy.method import aggregative as qa

    clf = _score_classifier_class()().fit(X, y)
    make = {"cc": lambda: qa.CC(clf, fit_classifier=False),
            "pcc": lambda: qa.PCC(clf, fit_classifier=False),
            "acc": lambda: qa.ACC(clf, fit_classifier=False, val_split=None),
            "pacc": lambda: qa.PACC(clf, fit_classifier=False, val_split=None),
            "emq": lambda: qa.EMQ(clf, fit_classifier=False, val_split=None)}[name]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        q = make()
        q.fit(X, np.asarray(y).astype(int))
    return q


def _dispersion(p: np.ndarray, y: np.ndarray, groups: np.ndarray) -> float:
    """Pearson dispersion of the annotators' counts per article around the calibrated
    probabilities (1: binomial; more when the model errs article by article)."""
    _, inv = np.unique(groups, return_inverse=True)
    obs = np.bincount(inv, weights=y)
    exp = np.bincount(inv, weights=p)
    var = np.bincount(inv, weights=p * (1 - p))
    return max(1.0, float(((obs - exp) ** 2).sum() / max(var.sum(), EPS)))


class FrameEstimator:
    """One frame's quantifier fitted on calibration data, plus its bootstrap replicates."""

    def __init__(self, name: str, scores, decisions, gold, groups, *, bootstrap: int = BOOTSTRAP,
                 seed: int = 0):
        if name not in ESTIMATORS:
            raise ValueError(f"estimator must be one of {', '.join(ESTIMATORS)}, not {name!r}")
        self.name = name
        X = np.column_stack([scores, decisions]).astype(float)
        y = np.asarray(gold).astype(int)
        self.full = _quantifier(name, X, y)
        self.dispersion = _dispersion(self.full.classifier.predict_proba(X)[:, 1], y,
                                      np.asarray(groups))
        rng = np.random.default_rng(seed)
        self.replicates = []
        for _ in range(bootstrap):
            idx = cluster_resample(np.asarray(groups), rng)
            self.replicates.append(_quantifier(name, X[idx], y[idx]))

    def estimate(self, scores, decisions, rng: np.random.Generator,
                 confidence: float = 0.95) -> tuple[float, float, float]:
        """(share, low, high) for one group's quotes."""
        X = np.column_stack([scores, decisions]).astype(float)
        n = len(X)
        point = float(self.full.aggregate(self.full.classify(X))[1])
        reps = np.empty(len(self.replicates))
        for b, q in enumerate(self.replicates):
            idx = rng.integers(0, n, n)
            share = float(q.aggregate(q.classify(X)[idx])[1])
            # the annotators' decision on each quote: a draw from its calibrated probability
            # (rescaled to the estimate), its spread widened by the run's between-article
            # dispersion
            p = q.classifier.predict_proba(X)[idx, 1]
            if p.sum() > 0:
                p = np.clip(p * (share / p.mean()), 0, 1)
            draw = float(np.mean(rng.random(len(p)) < p))
            reps[b] = share + np.sqrt(self.dispersion) * (draw - share)
        reps = np.clip(reps, 0, 1)
        lo, hi = np.percentile(reps, [100 * (1 - confidence) / 2, 100 * (1 + confidence) / 2])
        return point, float(min(lo, point)), float(max(hi, point))


class ShareEstimator:
    """All frames: ``estimate(records)`` -> {frame: (share, low, high)} for one group."""

    def __init__(self, calibration: Calibration, name: str = DEFAULT_ESTIMATOR, *,
                 bootstrap: int = BOOTSTRAP, seed: int = 0):
        self.calibration = calibration
        self.name = name
        self.seed = seed
        self.bootstrap = bootstrap
        self.frames = {lab: FrameEstimator(name, calibration.scores[:, j],
                                           calibration.decisions[:, j], calibration.gold[:, j],
                                           calibration.groups, bootstrap=bootstrap, seed=seed + j)
                       for j, lab in enumerate(calibration.labels)}

    def describe(self) -> dict:
        """What a report says about its estimates: the run, its calibration data and the
        classifier's measured error per frame."""
        cal = self.calibration
        rates = cal.error_rates()
        for lab, fe in self.frames.items():
            rates[lab]["dispersion"] = round(fe.dispersion, 3)
        return {"run": cal.run, "path": cal.path, "n": len(cal),
                "articles": int(len(np.unique(cal.groups))), "bootstrap": self.bootstrap,
                "error_rates": rates}

    def estimate(self, records: list[dict], confidence: float = 0.95) -> dict[str, tuple]:
        rng = np.random.default_rng(self.seed)
        out = {}
        for lab, fe in self.frames.items():
            scores = [r["scores"].get(lab, 0.0) for r in records]
            decisions = [int(lab in r["labels"]) for r in records]
            out[lab] = fe.estimate(scores, decisions, rng, confidence)
        return out


class HoldoutEstimator:
    """A :class:`ShareEstimator` fitted again for every group without the group's articles
    in the calibration data: for checking a run on quotes it was calibrated on (its own
    out-of-fold predictions), so that no quote's gold label informs its own estimate."""

    def __init__(self, calibration: Calibration, name: str = DEFAULT_ESTIMATOR, *,
                 bootstrap: int = BOOTSTRAP, seed: int = 0):
        self.calibration = calibration
        self.name = name
        self.bootstrap = bootstrap
        self.seed = seed

    def describe(self) -> dict:
        d = ShareEstimator(self.calibration, self.name, bootstrap=0, seed=self.seed).describe()
        d["bootstrap"] = self.bootstrap
        d["held_out"] = "each group's articles left out of the calibration data"
        return d

    def estimate(self, records: list[dict], confidence: float = 0.95) -> dict[str, tuple]:
        ids = [str(r.get("quote_id")) for r in records]
        cal = self.calibration.without(ids)
        return ShareEstimator(cal, self.name, bootstrap=self.bootstrap,
                              seed=self.seed).estimate(records, confidence)
