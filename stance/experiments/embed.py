"""Frozen sentence embeddings and a linear model per label: the pretrained encoder's own
features, no fine-tuning (``model.type: embedding``).

The encoder (``model.model``: ``e5-small`` for the packaged multilingual-e5-small, a local
model directory, or a hub id where the hub is reachable) reads each text once, its token states
are mean-pooled (padding excluded) and L2-normalised — how e5 was trained to pool — and
:class:`EmbeddingClassifier`, an ordinary scikit-learn estimator over those vectors, fits one
class-balanced logistic regression per label with the thresholds of
:mod:`stance.experiments.tfidf` (``tune``/``shrink``/``auto``/a number, from an inner grouped CV).

One pass over the texts is the whole cost (about 45 s for 3,000 quotes on 2 CPU cores, against
45 minutes for fine-tuning the same encoder): the vectors of the training texts are kept for the
process, so the folds of a cross-validation and the final model share them (texts that are only
scored are not kept).
"""

from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin, TransformerMixin

from stance.experiments.models import Model
from stance.experiments.tfidf import PerLabelLogistic, inner_thresholds

_CACHE: dict[tuple, dict[str, np.ndarray]] = {}  # (source, max_length, prefix) -> text -> vector
_SCORED: dict[tuple, dict[str, np.ndarray]] = {}  # the same for texts only scored, bounded:
SCORED_MAX = 10_000  # a CV's test texts are the next fold's training texts: they are not read twice


class SentenceEncoder:
    """Mean-pooled, L2-normalised token states of a pretrained encoder, batched by length."""

    def __init__(self, source: str, *, max_length: int = 64, prefix: str = "", batch_size: int = 64,
                 progress: bool = False):
        self.source, self.max_length, self.prefix = source, max_length, prefix
        self.batch_size, self.progress = batch_size, progress
        self._model = self._tokenizer = None

    def _load(self):
        if self._model is None:
            from transformers import AutoModel, AutoTokenizer

            from stance.experiments.bert import check_source, quiet_transformers

            quiet_transformers(self.progress)
            path = check_source(self.source)
            self._tokenizer = AutoTokenizer.from_pretrained(path)
            self._model = AutoModel.from_pretrained(path).eval()

    def encode(self, texts: list[str], keep: bool = False) -> np.ndarray:
        """One row per text, in order. Texts kept before in this process are not read again;
        ``keep`` keeps these ones (training texts, which the folds of a CV share), while texts
        only scored are kept in a bounded store (the last :data:`SCORED_MAX`: a CV's test texts,
        which later folds train on), so memory stays flat over a corpus (``stance predict``)."""
        key = (self.source, self.max_length, self.prefix)
        cache, scored = _CACHE.setdefault(key, {}), _SCORED.setdefault(key, {})
        todo = list(dict.fromkeys(t for t in texts if t not in cache and t not in scored))
        fresh = {t: scored[t] for t in texts if t not in cache and t in scored}
        fresh.update(zip(todo, self._encode(todo)) if todo else ())
        if keep:
            cache.update(fresh)
            for t in fresh:
                scored.pop(t, None)
        elif len(fresh) <= SCORED_MAX:  # a corpus scored in chunks keeps only its last ones
            if len(scored) + len(fresh) > SCORED_MAX:
                scored.clear()
            scored.update(fresh)
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([cache[t] if t in cache else fresh[t] for t in texts])

    def _encode(self, texts: list[str]) -> np.ndarray:
        import torch

        from stance.experiments.bert import length_batches, masked_mean

        self._load()
        out = np.zeros((len(texts), self._model.config.hidden_size), dtype=np.float32)
        with torch.inference_mode():
            for idx, batch in length_batches(self._tokenizer, [self.prefix + t for t in texts],
                                             max_length=self.max_length, batch_size=self.batch_size,
                                             progress=self.progress, desc="embedding"):
                mean = masked_mean(self._model(**batch).last_hidden_state, batch["attention_mask"])
                out[idx] = torch.nn.functional.normalize(mean, dim=-1).numpy()
        return out


def text_prefix(source: str, prefix: str | None) -> str:
    """What goes before each text: ``prefix``, or where it is None «query: » for an e5 encoder
    (e5 was trained with it before a text to classify) and nothing for others."""
    if prefix is not None:
        return prefix
    from stance.experiments.e5 import is_packaged_name

    return "query: " if is_packaged_name(source) or "e5" in str(source).lower() else ""


class SentenceFeatures(TransformerMixin, BaseEstimator):
    """A scikit-learn transformer: texts -> ``weight`` x their sentence embeddings (unit
    vectors, :class:`SentenceEncoder`), to stand beside TF-IDF n-grams in a ``FeatureUnion``
    (:class:`stance.experiments.tfidf.TfidfClassifier` with ``embedding``). Stateless: the
    encoder is named, not stored, and read again where the model is loaded; training texts
    (``fit_transform``) are kept for the process, as :class:`EmbeddingModel` keeps them."""

    def __init__(self, source="e5-small", max_length=64, prefix=None, weight=3.0, batch_size=64):
        self.source = source
        self.max_length = max_length
        self.prefix = prefix
        self.weight = weight
        self.batch_size = batch_size

    def _encoder(self) -> SentenceEncoder:
        return SentenceEncoder(self.source, max_length=int(self.max_length),
                               prefix=text_prefix(self.source, self.prefix), batch_size=int(self.batch_size))

    def fit(self, X, y=None):
        self.n_features_out_ = None
        return self

    def fit_transform(self, X, y=None, **fit_params):
        self.fit(X, y)
        return self._vectors(X, keep=True)

    def transform(self, X):
        return self._vectors(X, keep=False)

    def _vectors(self, X, keep: bool) -> np.ndarray:
        vectors = _encoder_for(self._encoder()).encode(list(X), keep=keep)
        self.n_features_out_ = vectors.shape[1] if vectors.size else self.n_features_out_
        return float(self.weight) * vectors


_ENCODERS: dict[tuple, SentenceEncoder] = {}  # one loaded encoder per (source, length, prefix)


def _encoder_for(enc: SentenceEncoder) -> SentenceEncoder:
    return _ENCODERS.setdefault((enc.source, enc.max_length, enc.prefix, enc.batch_size), enc)


class EmbeddingClassifier(ClassifierMixin, BaseEstimator):
    """One class-balanced logistic regression per label over fixed feature vectors (an
    indicator matrix ``Y``), with per-label thresholds chosen by an inner (grouped) CV."""

    def __init__(self, C=4.0, class_weight="balanced", threshold="shrink", inner_folds=3,
                 threshold_prior=20.0, threshold_min_positives=20, random_state=0):
        self.C = C
        self.class_weight = class_weight
        self.threshold = threshold
        self.inner_folds = inner_folds
        self.threshold_prior = threshold_prior
        self.threshold_min_positives = threshold_min_positives
        self.random_state = random_state

    def _head(self) -> PerLabelLogistic:
        return PerLabelLogistic(self.C, self.class_weight, self.random_state)

    def fit(self, X, Y, groups=None, sample_weight=None):
        X, Y = np.asarray(X), np.asarray(Y).astype(int)
        sw = None if sample_weight is None else np.asarray(sample_weight)
        self.classes_ = np.arange(Y.shape[1])
        self.head_ = self._head().fit(X, Y, sample_weight=sw)

        def fit_predict(tr, te):
            return self._head().fit(X[tr], Y[tr], sample_weight=None if sw is None else sw[tr]).predict_proba(X[te])

        self.thresholds_ = inner_thresholds(fit_predict, Y, groups, self.threshold, n_folds=self.inner_folds,
                                            seed=self.random_state, prior=self.threshold_prior,
                                            min_positives=self.threshold_min_positives)
        return self

    def predict_proba(self, X) -> np.ndarray:
        return self.head_.predict_proba(np.asarray(X))

    def predict(self, X) -> np.ndarray:
        return (self.predict_proba(X) >= self.thresholds_).astype(int)


class EmbeddingModel(Model):
    """Adapter: :class:`SentenceEncoder` + :class:`EmbeddingClassifier` (the head saved with
    skops; the encoder is named by ``model.model`` and read again on loading). Multi-label only."""

    type = "embedding"
    FILE = "head.skops"
    HEAD_KEYS = ("C", "class_weight", "threshold", "inner_folds", "threshold_prior", "threshold_min_positives")

    def _encoder(self) -> SentenceEncoder:
        if getattr(self, "encoder_", None) is None:
            name = self.params.get("model", "e5-small")
            self.encoder_ = SentenceEncoder(name, max_length=int(self.params.get("max_length", 64)),
                                            prefix=text_prefix(name, self.params.get("prefix")),
                                            batch_size=int(self.params.get("batch_size", 64)),
                                            progress=self.progress)
        return self.encoder_

    def fit(self, texts, Y, groups=None, sample_weight=None):
        from stance.io import InputError

        if not self.multi_label:
            raise InputError("model.type: embedding is for multi-label tasks", field="model.type")
        X = self._encoder().encode(list(texts), keep=True)
        est = EmbeddingClassifier(random_state=self.seed,
                                  **{k: self.params[k] for k in self.HEAD_KEYS if k in self.params})
        self.estimator_ = est.fit(X, Y, groups=groups, sample_weight=sample_weight)
        self.thresholds = est.thresholds_
        return self

    def scores(self, texts):
        texts = list(texts)
        if not texts:
            return np.zeros((0, len(self.labels)))
        return self.estimator_.predict_proba(self._encoder().encode(texts))

    def _save(self, directory):
        import skops.io as sio

        sio.dump(self.estimator_, directory / self.FILE)

    def _load(self, directory):
        from stance.experiments.models import load_skops

        self.estimator_ = load_skops(directory, directory / self.FILE)
