"""One interface over the model types of a config, used by training, prediction and benchmarks.

A model adapter is built from the ``model`` section, the label set and the task kind; it is
fitted on texts and a 0/1 indicator matrix (one column per label, also for single-label tasks),
gives per-label scores (probabilities), turns scores into decisions, and saves itself into a
directory that :func:`load_model` reads back. The directory holds ``stance_model.json``
(type, labels, task kind, text field, thresholds) beside the model files.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from stance.io import InputError

META = "stance_model.json"


class Model:
    """Base adapter: subclasses implement ``fit``, ``scores``, ``_save`` and ``_load``."""

    type = ""

    def __init__(self, params: dict, labels: list[str], multi_label: bool, seed: int = 0,
                 text_field: str = "text", progress: bool = True):
        self.params = dict(params)
        self.labels = list(labels)
        self.multi_label = multi_label
        self.seed = seed
        self.text_field = text_field
        self.progress = progress
        self.thresholds = None  # per label (multi-label); None = argmax (single-label)

    # -- decisions -----------------------------------------------------------------------
    def decide(self, scores: np.ndarray) -> np.ndarray:
        """Scores (n, L) -> 0/1 decisions (n, L): thresholds (multi-label) or argmax."""
        scores = np.asarray(scores)
        if self.multi_label:
            th = np.asarray(self.thresholds if self.thresholds is not None else 0.5)
            return (scores >= th).astype(np.int8)
        out = np.zeros(scores.shape, dtype=np.int8)
        if len(scores):
            out[np.arange(len(scores)), scores.argmax(1)] = 1
        return out

    def labels_of(self, decisions_row) -> list[str]:
        return [lab for lab, d in zip(self.labels, decisions_row) if d]

    # -- persistence ---------------------------------------------------------------------
    def save(self, directory: str | Path) -> None:
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        self._save(directory)
        meta = {"type": self.type, "labels": self.labels, "multi_label": self.multi_label,
                "text_field": self.text_field, "seed": self.seed, "params": self.params,
                "thresholds": None if self.thresholds is None else
                [float(t) for t in self.thresholds]}
        (directory / META).write_text(json.dumps(meta, ensure_ascii=False, indent=2), "utf-8")

    def fit(self, texts: list[str], Y: np.ndarray, groups=None,
            sample_weight=None) -> "Model":  # pragma: no cover - abstract
        """Fit on texts and an indicator matrix; ``groups`` (one per text, e.g. the article id)
        keep inner validation folds grouped, ``sample_weight`` weights the texts. Adapters that
        cannot use them may ignore them (:func:`fit_model` passes only what ``fit`` takes)."""
        raise NotImplementedError

    def scores(self, texts: list[str]) -> np.ndarray:  # pragma: no cover - abstract
        raise NotImplementedError


class TfidfModel(Model):
    """Adapter around :class:`stance.experiments.tfidf.TfidfClassifier` (saved with skops)."""

    type = "tfidf"
    FILE = "model.skops"

    def estimator(self):
        from stance.experiments.tfidf import TfidfClassifier

        return TfidfClassifier(random_state=self.seed,
                               **{k: v for k, v in self.params.items() if k != "type"})

    def fit(self, texts, Y, groups=None, sample_weight=None):
        Y = np.asarray(Y)
        est = self.estimator()
        if self.multi_label:
            est.fit(texts, Y, groups=groups, sample_weight=sample_weight)
            self.thresholds = est.thresholds_
        else:
            est.fit(texts, np.asarray(Y).argmax(1), sample_weight=sample_weight)
        self.estimator_ = est
        return self

    def scores(self, texts):
        proba = self.estimator_.predict_proba(list(texts))
        if self.multi_label:
            return proba
        # classes_ are column indices present in training; spread them over all labels
        out = np.zeros((proba.shape[0], len(self.labels)))
        out[:, self.estimator_.classes_] = proba
        return out

    VOCAB = "vocabulary.json"

    def _vectorizers(self):
        pipe = getattr(self.estimator_, "pipeline_", None)
        if pipe is None or "features" not in pipe.named_steps:
            return []
        return [(name, vec) for name, vec in pipe.named_steps["features"].transformer_list
                if isinstance(getattr(vec, "vocabulary_", None), dict)]

    def _save(self, directory):
        """skops for the estimator; the n-gram vocabularies go beside it as plain JSON lists
        (skops writes a dict entry as a nested object: ~1 kB per n-gram, 90 MB and half a
        minute for 100 k n-grams; as a list in index order it is 2 MB)."""
        import skops.io as sio

        vocabs = {}
        for name, vec in self._vectorizers():
            terms = [None] * len(vec.vocabulary_)
            for term, i in vec.vocabulary_.items():
                terms[i] = term
            vocabs[name] = terms
        saved = [(vec, vec.vocabulary_) for _, vec in self._vectorizers()]
        try:
            for vec, _ in saved:
                vec.vocabulary_ = {}
            sio.dump(self.estimator_, directory / self.FILE)
        finally:
            for vec, vocab in saved:
                vec.vocabulary_ = vocab
        if vocabs:
            (directory / self.VOCAB).write_text(json.dumps(vocabs, ensure_ascii=False), "utf-8")

    def _load(self, directory):
        self.estimator_ = load_skops(directory, directory / self.FILE)
        vocab_path = directory / self.VOCAB
        if vocab_path.exists():
            try:
                vocabs = json.loads(vocab_path.read_text("utf-8"))
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                raise damaged_model(directory, vocab_path, f"broken vocabulary: {exc}") from None
            for name, vec in self._vectorizers():
                if not isinstance(vocabs, dict) or name not in vocabs:
                    raise damaged_model(directory, vocab_path, f"no vocabulary for the {name!r} "
                                        "n-grams")
                vec.vocabulary_ = {term: i for i, term in enumerate(vocabs[name])}


class EnsembleModel(Model):
    """The weighted mean of its members' label probabilities (each member a model of its own
    type, fitted on the same texts), cut at one ``threshold`` (multi-label) or by argmax.
    Saved as ``member-0/``, ``member-1/``, ... beside ``stance_model.json``."""

    type = "ensemble"

    # member types whose own multi-label thresholds come from an inner cross-validation
    _INNER_CV_THRESHOLDS = ("tfidf", "embedding")

    def _members(self) -> list[Model]:
        return [build_model(self._member_config(m), self.labels, self.multi_label, self.seed,
                            self.text_field, self.progress) for m in self.params["members"]]

    def _member_config(self, member: dict) -> dict:
        """A member's section as it is fitted: the ensemble cuts its mean of the members'
        probabilities at its own ``threshold``, so a member's own cut-offs are never used, and
        the inner CV that would tune them (three extra fits per fit) is skipped. The members'
        probabilities, and so the ensemble's scores and decisions, do not change."""
        if self.multi_label and member.get("type") in self._INNER_CV_THRESHOLDS:
            return {**member, "threshold": 0.5}
        return member

    def _weights(self) -> np.ndarray:
        w = self.params.get("weights") or [1.0] * len(self.params["members"])
        w = np.asarray(w, dtype=np.float64)
        return w / w.sum()

    def fit(self, texts, Y, groups=None, sample_weight=None):
        self.members_ = [fit_model(m, texts, Y, groups, sample_weight) for m in self._members()]
        if self.multi_label:
            self.thresholds = np.full(len(self.labels), float(self.params.get("threshold", 0.5)))
        return self

    def scores(self, texts):
        texts = list(texts)
        return sum(w * np.asarray(m.scores(texts)) for w, m in zip(self._weights(), self.members_))

    def _save(self, directory):
        for i, m in enumerate(self.members_):
            m.save(directory / f"member-{i}")

    def _load(self, directory):
        self.members_ = [load_model(directory / f"member-{i}", self.progress)
                         for i in range(len(self.params["members"]))]


def fit_model(model: Model, texts, Y, groups=None, sample_weight=None) -> Model:
    """``model.fit`` with ``groups``/``sample_weight`` when given and when its ``fit`` takes them."""
    import inspect

    params = inspect.signature(model.fit).parameters
    extra = {k: v for k, v in (("groups", groups), ("sample_weight", sample_weight))
             if v is not None and k in params}
    return model.fit(texts, Y, **extra)


def model_class(mtype: str) -> type[Model]:
    if mtype == "tfidf":
        return TfidfModel
    if mtype == "bert":
        from stance.experiments.bert import BertModel

        return BertModel
    if mtype == "ensemble":
        return EnsembleModel
    if mtype == "embedding":
        from stance.experiments.embed import EmbeddingModel

        return EmbeddingModel
    raise InputError(f"unknown model type {mtype!r}", field="model.type")


def build_model(model_cfg: dict, labels: list[str], multi_label: bool, seed: int,
                text_field: str = "text", progress: bool = True) -> Model:
    params = {k: v for k, v in model_cfg.items() if k != "type"}
    return model_class(model_cfg["type"])(params, labels, multi_label, seed, text_field, progress)


def damaged_model(directory: str | Path, path: str | Path, exc: BaseException | str) -> InputError:
    """One line naming the run (the model directory's parent) and the damaged file."""
    from stance.experiments.runs import damaged

    directory = Path(directory)
    return damaged(directory.parent if directory.name == "model" else directory, path, exc)


def load_skops(directory: Path, path: Path):
    """An estimator saved with skops, refusing types outside scikit-learn, numpy, scipy and
    stance; a missing or damaged file is an :class:`InputError` naming the run and the file."""
    import skops.io as sio

    try:
        untrusted = sio.get_untrusted_types(file=path)
    except Exception as exc:  # missing, truncated (BadZipFile), not a skops file
        raise damaged_model(directory, path, exc) from None
    allowed = ("sklearn.", "numpy.", "scipy.", "stance.", "builtins.")
    bad = [t for t in untrusted if not t.startswith(allowed)]
    if bad:
        raise InputError(f"refusing to load a model with untrusted types: {', '.join(bad)}", path)
    try:
        return sio.load(path, trusted=untrusted)
    except Exception as exc:
        raise damaged_model(directory, path, exc) from None


def load_model(directory: str | Path, progress: bool = False) -> Model:
    """Read a model saved by :meth:`Model.save` (a run's ``model/`` directory).

    A missing or damaged file (truncated skops or safetensors file, broken JSON) is an
    :class:`InputError` naming the run and the file, never a traceback."""
    directory = Path(directory)
    meta_path = directory / META
    if not meta_path.exists():
        raise InputError(f"not a stance model directory (no {META})", directory)
    try:
        meta = json.loads(meta_path.read_text("utf-8"))
        cls = model_class(meta["type"])
        model = cls(meta["params"], meta["labels"], meta["multi_label"], meta.get("seed", 0),
                    meta.get("text_field", "text"), progress)
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, InputError) as exc:
        if isinstance(exc, KeyError):
            exc = f"no field {exc}"
        raise damaged_model(directory, meta_path, exc) from None
    if meta.get("thresholds") is not None:
        model.thresholds = np.asarray(meta["thresholds"])
    model._load(directory)
    return model
