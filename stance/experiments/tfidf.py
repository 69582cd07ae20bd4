"""TF-IDF baseline: Arabic-normalized word and character n-grams, a linear model per label.

:class:`TfidfClassifier` is an ordinary scikit-learn estimator (``fit``/``predict``/
``predict_proba``, ``get_params``/``set_params``, ``clone``-able, everything learned stored in
``*_`` attributes). ``y`` is either a 1-D array of class labels (single-label: one multinomial
logistic regression) or a 2-D 0/1 indicator matrix (multi-label: one logistic regression per
label, one-vs-rest). Classes are weighted ``balanced`` by default.

For multi-label data the decision threshold of each label comes from ``threshold``:

* a number: that cut-off for every label;
* ``tune``: the cut-off that maximises the label's F1 on out-of-fold scores of an *inner*
  cross-validation over the training data passed to ``fit`` (grouped when ``fit`` gets
  ``groups``);
* ``shrink``: the tuned cut-off pulled toward 0.5 by the label's evidence,
  ``t = 0.5 + (t_tuned - 0.5) * n_pos / (n_pos + threshold_prior)``: rare labels, whose tuned
  cut-off is mostly noise, stay near 0.5;
* ``auto``: per label, the tuned cut-off only when the label has ``threshold_min_positives``
  positives or more *and* it beat 0.5 on held-out inner folds (the cut-off is tuned on the other
  inner folds and scored on the held-out one, so the choice itself is made on unseen data);
  otherwise 0.5.

Test data never reaches ``fit``, so it never influences a threshold. ``fit`` takes
``sample_weight`` (the ``soft`` annotation policy) for the logistic regressions.
"""

from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline

from stance.experiments.folds import split, splitter

from stance.text import normalize_ar


MIN_POSITIVES = 3


def best_threshold(y_true: np.ndarray, scores: np.ndarray, default: float = 0.5,
                   min_positives: int = MIN_POSITIVES) -> float:
    """The score cut-off that maximises F1 of one label (midpoint between adjacent scores).

    With fewer than ``min_positives`` positive items the best cut is noise (one positive
    ranked low gives a cut below almost everything), so ``default`` is returned instead."""
    y_true = np.asarray(y_true).astype(bool)
    if y_true.sum() < min_positives or y_true.all():
        return default
    order = np.argsort(-scores, kind="mergesort")
    s, t = scores[order], y_true[order]
    tp = np.cumsum(t)
    k = np.arange(1, len(s) + 1)
    f1 = 2 * tp / (k + t.sum())
    # only cut between distinct scores
    valid = np.r_[s[1:] < s[:-1], True]
    f1 = np.where(valid, f1, -1)
    i = int(np.argmax(f1))
    if i + 1 < len(s):
        return float((s[i] + s[i + 1]) / 2)
    return float(s[i] - 1e-9)


def inner_splitter(y: np.ndarray, n_splits: int, seed: int):
    """Stratified folds: multi-label-aware for an indicator matrix (see
    :mod:`stance.experiments.folds` for grouped folds)."""
    return splitter(y, n_splits, seed)


THRESHOLDS = ("tune", "shrink", "auto")


def f1_at(y_true: np.ndarray, scores: np.ndarray, threshold: float) -> float:
    y_true = np.asarray(y_true).astype(bool)
    pred = scores >= threshold
    tp = np.sum(pred & y_true)
    denom = pred.sum() + y_true.sum()
    return float(2 * tp / denom) if denom else 0.0


def choose_thresholds(Y: np.ndarray, oof: np.ndarray, fold_of: np.ndarray, strategy,
                      prior: float = 20.0, min_positives: int = 20,
                      default: float = 0.5) -> np.ndarray:
    """Per-label cut-offs from out-of-fold scores ``oof`` (see the module docstring)."""
    Y = np.asarray(Y).astype(int)
    n_labels = Y.shape[1]
    if strategy not in THRESHOLDS:
        return np.full(n_labels, float(strategy))
    out = np.full(n_labels, default)
    for j in range(n_labels):
        y, s = Y[:, j], oof[:, j]
        tuned = best_threshold(y, s, default)
        n_pos = int(y.sum())
        if strategy == "tune":
            out[j] = tuned
        elif strategy == "shrink":
            out[j] = default + (tuned - default) * n_pos / (n_pos + prior)
        elif n_pos >= min_positives:  # auto: does tuning beat the default on unseen folds?
            gain = []
            for k in np.unique(fold_of):
                held = fold_of == k
                t = best_threshold(y[~held], s[~held], default)
                gain.append(f1_at(y[held], s[held], t) - f1_at(y[held], s[held], default))
            if np.mean(gain) > 0:
                out[j] = tuned
    return out


def inner_thresholds(fit_predict, Y: np.ndarray, groups, strategy, *, n_folds: int, seed: int,
                     prior: float = 20.0, min_positives: int = 20) -> np.ndarray:
    """Per-label cut-offs under ``strategy`` from an inner cross-validation of the training data
    (grouped by ``groups`` when given): ``fit_predict(train_idx, test_idx)`` fits a fresh model on
    the training rows and returns its scores for the test rows. A number needs no folds."""
    Y = np.asarray(Y)
    if strategy not in THRESHOLDS:
        return np.full(Y.shape[1], float(strategy))
    folds = split(Y, min(n_folds, len(Y)), seed, groups)
    oof = np.zeros(Y.shape, dtype=np.float64)
    fold_of = np.zeros(len(Y), dtype=int)
    for k, (tr, te) in enumerate(folds):
        oof[te] = fit_predict(tr, te)
        fold_of[te] = k
    return choose_thresholds(Y, oof, fold_of, strategy, prior, min_positives)


class PerLabelLogistic(ClassifierMixin, BaseEstimator):
    """One logistic regression per column of an indicator matrix (one-vs-rest) that takes
    ``sample_weight``; a column with one value only predicts that value."""

    def __init__(self, C=4.0, class_weight="balanced", random_state=0):
        self.C = C
        self.class_weight = class_weight
        self.random_state = random_state

    def fit(self, X, Y, sample_weight=None):
        Y = np.asarray(Y).astype(int)
        self.classes_ = np.arange(Y.shape[1])
        self.estimators_ = []
        for j in range(Y.shape[1]):
            y = Y[:, j]
            if y.min() == y.max():
                self.estimators_.append(float(y[0]))
                continue
            # the dual problem: far fewer samples than n-gram features, same solution as the
            # primal and about 15x faster on 3,000 quotes
            lr = LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=2000,
                                    solver="liblinear", dual=True, random_state=self.random_state)
            self.estimators_.append(lr.fit(X, y, sample_weight=sample_weight))
        return self

    def predict_proba(self, X):
        cols = [np.full(X.shape[0], e) if isinstance(e, float) else e.predict_proba(X)[:, 1]
                for e in self.estimators_]
        return np.column_stack(cols)

    def predict(self, X):
        return (self.predict_proba(X) >= 0.5).astype(int)


class TfidfClassifier(ClassifierMixin, BaseEstimator):
    """Word + character TF-IDF n-grams and a class-weighted logistic regression per label;
    with ``embedding`` (an encoder: ``e5-small``, a model directory or a hub id), the encoder's
    sentence embedding times ``embedding_weight`` joins the n-grams as features of the same
    regressions.

    Parameters mirror the ``model`` section of a ``type: tfidf`` experiment config.
    """

    def __init__(self, normalize=True, word_ngrams=(1, 2), char_ngrams=(2, 5), min_df=1,
                 max_features=None, sublinear_tf=True, C=4.0, class_weight="balanced",
                 threshold="tune", inner_folds=3, threshold_prior=20.0,
                 threshold_min_positives=20, random_state=0, embedding=None, embedding_weight=3.0,
                 embedding_max_length=64):
        self.normalize = normalize
        self.embedding = embedding
        self.embedding_weight = embedding_weight
        self.embedding_max_length = embedding_max_length
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.min_df = min_df
        self.max_features = max_features
        self.sublinear_tf = sublinear_tf
        self.C = C
        self.class_weight = class_weight
        self.threshold = threshold
        self.inner_folds = inner_folds
        self.threshold_prior = threshold_prior
        self.threshold_min_positives = threshold_min_positives
        self.random_state = random_state

    def _pipeline(self, multi_label: bool) -> Pipeline:
        pre = normalize_ar if self.normalize else None
        parts = []
        if self.word_ngrams is not None:
            parts.append(("word", TfidfVectorizer(
                analyzer="word", ngram_range=tuple(self.word_ngrams), preprocessor=pre,
                token_pattern=r"(?u)\b\w+\b", min_df=self.min_df, max_features=self.max_features,
                sublinear_tf=self.sublinear_tf, lowercase=True, dtype=np.float32)))
        if self.char_ngrams is not None:
            parts.append(("char", TfidfVectorizer(
                analyzer="char_wb", ngram_range=tuple(self.char_ngrams), preprocessor=pre,
                min_df=self.min_df, max_features=self.max_features,
                sublinear_tf=self.sublinear_tf, lowercase=True, dtype=np.float32)))
        if self.embedding is not None:
            # a pretrained encoder's sentence embedding beside the n-grams, one model over both
            # (stance.experiments.embed.SentenceFeatures; weighted against the n-grams' unit norm)
            from stance.experiments.embed import SentenceFeatures

            parts.append(("embedding", SentenceFeatures(self.embedding, max_length=self.embedding_max_length,
                                                        weight=self.embedding_weight)))
        if not parts:
            raise ValueError("word_ngrams and char_ngrams cannot both be None")
        if multi_label:
            clf = PerLabelLogistic(self.C, self.class_weight, self.random_state)
        else:
            clf = LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=2000,
                                     solver="lbfgs", random_state=self.random_state)
        return Pipeline([("features", FeatureUnion(parts)), ("clf", clf)])

    def fit(self, X, y, groups=None, sample_weight=None):
        """Fit on texts ``X``; ``groups`` (e.g. article ids) keep the inner threshold folds
        grouped, ``sample_weight`` weights each text in the logistic regressions."""
        X = list(X)
        y = np.asarray(y)
        self.multi_label_ = y.ndim == 2
        if self.multi_label_:
            y = y.astype(int)
            self.classes_ = np.arange(y.shape[1])
        else:
            self.classes_ = np.unique(y)
            if len(self.classes_) < 2:
                raise ValueError("need at least two classes to fit")
        self.pipeline_ = self._pipeline(self.multi_label_)
        fit_params = {} if sample_weight is None else {"clf__sample_weight": np.asarray(sample_weight)}
        self.pipeline_.fit(X, y, **fit_params)
        self.thresholds_ = self._tune_thresholds(X, y, groups, sample_weight) \
            if self.multi_label_ else None
        return self

    def _tune_thresholds(self, X, y, groups=None, sample_weight=None) -> np.ndarray:
        def fit_predict(tr, te):
            pipe = clone(self._pipeline(True))
            params = {} if sample_weight is None else \
                {"clf__sample_weight": np.asarray(sample_weight)[tr]}
            pipe.fit([X[i] for i in tr], y[tr], **params)
            return pipe.predict_proba([X[i] for i in te])

        return inner_thresholds(fit_predict, y, groups, self.threshold, n_folds=self.inner_folds,
                                seed=self.random_state, prior=self.threshold_prior,
                                min_positives=self.threshold_min_positives)

    def predict_proba(self, X) -> np.ndarray:
        return self.pipeline_.predict_proba(list(X))

    def decision_scores(self, X) -> np.ndarray:
        """Per-label probabilities, shape (n, n_labels) in both modes."""
        return self.predict_proba(X)

    def predict(self, X):
        proba = self.predict_proba(X)
        if self.multi_label_:
            return (proba >= self.thresholds_).astype(int)
        return self.classes_[np.argmax(proba, axis=1)]

