"""TF-IDF baseline: Arabic-normalized word and character n-grams, a linear model per label.

:class:`TfidfClassifier` is an ordinary scikit-learn estimator (``fit``/``predict``/
``predict_proba``, ``get_params``/``set_params``, ``clone``-able, everything learned stored in
``*_`` attributes). ``y`` is either a 1-D array of class labels (single-label: one multinomial
logistic regression) or a 2-D 0/1 indicator matrix (multi-label: one logistic regression per
label, one-vs-rest). Classes are weighted ``balanced`` by default.

For multi-label data the decision threshold of each label is tuned to maximise that label's F1
on out-of-fold scores of an *inner* cross-validation over the training data passed to ``fit``;
test data never reaches ``fit``, so it never influences a threshold.
"""

from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import FeatureUnion, Pipeline

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
    """Stratified folds: multi-label-aware for an indicator matrix."""
    if y.ndim == 2:
        from iterstrat.ml_stratifiers import MultilabelStratifiedKFold

        return MultilabelStratifiedKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    return StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=seed)


class TfidfClassifier(ClassifierMixin, BaseEstimator):
    """Word + character TF-IDF n-grams and a class-weighted logistic regression per label.

    Parameters mirror the ``model`` section of a ``type: tfidf`` experiment config.
    """

    def __init__(self, normalize=True, word_ngrams=(1, 2), char_ngrams=(2, 5), min_df=1,
                 max_features=None, sublinear_tf=True, C=4.0, class_weight="balanced",
                 threshold="tune", inner_folds=3, random_state=0):
        self.normalize = normalize
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.min_df = min_df
        self.max_features = max_features
        self.sublinear_tf = sublinear_tf
        self.C = C
        self.class_weight = class_weight
        self.threshold = threshold
        self.inner_folds = inner_folds
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
        if not parts:
            raise ValueError("word_ngrams and char_ngrams cannot both be None")
        linear = LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=2000,
                                    solver="liblinear" if multi_label else "lbfgs",
                                    random_state=self.random_state)
        clf = OneVsRestClassifier(linear) if multi_label else linear
        return Pipeline([("features", FeatureUnion(parts)), ("clf", clf)])

    def fit(self, X, y):
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
        if self.multi_label_:
            self.pipeline_.fit(X, y)
            self.thresholds_ = self._tune_thresholds(X, y)
        else:
            self.pipeline_.fit(X, y)
            self.thresholds_ = None
        return self

    def _tune_thresholds(self, X, y) -> np.ndarray:
        n_labels = y.shape[1]
        if self.threshold != "tune":
            return np.full(n_labels, float(self.threshold))
        cv = inner_splitter(y, min(self.inner_folds, len(X)), self.random_state)
        oof = cross_val_predict(clone(self._pipeline(True)), X, y, cv=cv, method="predict_proba")
        return np.array([best_threshold(y[:, j], oof[:, j]) for j in range(n_labels)])

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

