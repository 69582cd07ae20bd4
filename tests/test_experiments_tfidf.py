"""The TF-IDF baseline is a proper scikit-learn estimator that learns Arabic frame cues."""

import json
from pathlib import Path

import numpy as np
from sklearn.base import clone

from stance.experiments.data import indicator
from stance.experiments.evaluate import mcnemar, paired_bootstrap, score
from stance.experiments.tfidf import TfidfClassifier, best_threshold

ROOT = Path(__file__).resolve().parents[1]
LABELS = ["terrorism", "mediation"]

# Real-style Arabic quote fragments with the codebook's cues; several subjects each.
SUBJECTS = ["الحكومة العراقية", "وزير الخارجية السوري", "الرئيس التركي", "الجيش اللبناني",
            "المتحدث باسم الخارجية الإيرانية", "رئيس الوزراء الأردني", "الأمين العام للجامعة العربية",
            "وزارة الدفاع", "البرلمان", "المبعوث الأممي"]
TERROR = ["مكافحة الإرهاب أولوية قصوى لبلادنا", "سنواصل التصدي للتنظيمات الإرهابية حتى القضاء عليها",
          "داعش يشكل تهديدا خطيرا لأمن المنطقة", "الحرب على الإرهابيين لن تتوقف"]
MEDIATE = ["الحوار هو الطريق الوحيد لحل الأزمة", "ندعو إلى التهدئة وإبعاد التصعيد عن المنطقة",
           "المصالحة الوطنية تبدأ بالتشاور بين جميع الأطراف", "الحل السلمي عبر المفاوضات ممكن"]
NEUTRAL = ["سيزور العاصمة الأسبوع المقبل", "الاجتماع سيعقد في موعده المحدد",
           "الأرقام ستعلن قريبا", "الطقس لم يؤثر على الرحلة"]


def frames_data():
    texts, labels = [], []
    for i, subj in enumerate(SUBJECTS):
        for j, (t, m, n) in enumerate(zip(TERROR, MEDIATE, NEUTRAL)):
            texts += [f"{subj}: {t}", f"{subj}: {m}", f"{subj}: {n}"]
            labels += [["terrorism"], ["mediation"], []]
            if (i + j) % 3 == 0:
                texts.append(f"{subj}: {t}، و{m}")
                labels.append(["terrorism", "mediation"])
    return texts, indicator(labels, LABELS)


def split(texts, Y, every=4):
    test = [i for i in range(len(texts)) if i % every == 0]
    train = [i for i in range(len(texts)) if i % every]
    return ([texts[i] for i in train], Y[train]), ([texts[i] for i in test], Y[test])


def test_estimator_params_and_clone():
    est = TfidfClassifier(C=2.0, char_ngrams=(3, 4), threshold=0.4)
    params = est.get_params()
    assert params["C"] == 2.0 and params["char_ngrams"] == (3, 4) and params["threshold"] == 0.4
    twin = clone(est)
    assert twin.get_params() == params and twin is not est
    assert not [k for k in vars(est) if k.endswith("_")]  # nothing learned before fit
    est.set_params(C=8.0)
    assert est.C == 8.0


def test_multilabel_learns_arabic_frame_cues():
    texts, Y = frames_data()
    (tr_x, tr_y), (te_x, te_y) = split(texts, Y)
    est = TfidfClassifier(random_state=0).fit(tr_x, tr_y)
    pred = est.predict(te_x)
    assert pred.shape == te_y.shape
    m = score(te_y, pred, LABELS, samples=0)
    assert m["micro_f1"] >= 0.9, m
    proba = est.predict_proba(te_x)
    assert proba.shape == te_y.shape and ((proba >= 0) & (proba <= 1)).all()
    assert est.thresholds_.shape == (2,) and ((est.thresholds_ > 0) & (est.thresholds_ < 1)).all()
    # a clone fitted on the same data gives the same model: no hidden state
    again = clone(est).fit(tr_x, tr_y)
    np.testing.assert_allclose(again.predict_proba(te_x), proba)
    np.testing.assert_allclose(again.thresholds_, est.thresholds_)


def test_thresholds_come_from_training_data_only():
    texts, Y = frames_data()
    (tr_x, tr_y), (te_x, _) = split(texts, Y)
    est = TfidfClassifier(random_state=0).fit(tr_x, tr_y)
    before = est.thresholds_.copy()
    est.predict(te_x)
    np.testing.assert_array_equal(est.thresholds_, before)
    fixed = TfidfClassifier(threshold=0.5).fit(tr_x, tr_y)
    np.testing.assert_array_equal(fixed.thresholds_, [0.5, 0.5])


def test_arabic_normalization_folds_spelling_variants():
    texts = ["مكافحة الإرهاب", "الحوار والتهدئة", "مكافحة الارهاب والتطرف", "حوار وتهدئة"] * 3
    y = np.array(["t", "m", "t", "m"] * 3)
    est = TfidfClassifier(char_ngrams=None, word_ngrams=(1, 1)).fit(texts, y)
    vocab = est.pipeline_.named_steps["features"].transformer_list[0][1].vocabulary_
    assert "الارهاب" in vocab and "الإرهاب" not in vocab  # hamza forms unified
    # diacritics and tatweel do not change the prediction
    a = est.predict_proba(["مكافحة الإرهاب"])
    b = est.predict_proba(["مُكافَحة الإرهـــاب"])
    np.testing.assert_allclose(a, b)


def test_single_label_with_string_classes():
    texts, Y = frames_data()
    keep = Y.sum(1) == 1
    texts = [t for t, k in zip(texts, keep) if k]
    y = np.array(LABELS)[Y[keep].argmax(1)]
    order = np.random.default_rng(0).permutation(len(texts))
    tr, te = order[: len(order) * 3 // 4], order[len(order) * 3 // 4:]
    est = TfidfClassifier().fit([texts[i] for i in tr], y[tr])
    assert list(est.classes_) == ["mediation", "terrorism"]
    assert (est.predict([texts[i] for i in te]) == y[te]).mean() >= 0.9
    np.testing.assert_allclose(est.predict_proba([texts[i] for i in te]).sum(1), 1.0)


def test_best_threshold_maximises_f1():
    y = np.array([0, 0, 1, 0, 1, 1])
    s = np.array([0.1, 0.2, 0.3, 0.35, 0.8, 0.9])
    t = best_threshold(y, s)
    assert 0.1 < t <= 0.3  # predicting the top 5 gives F1 0.857, the best cut
    assert best_threshold(np.zeros(4), np.linspace(0, 1, 4)) == 0.5


def test_scores_and_paired_tests():
    gold = np.array([[1, 0], [0, 1], [1, 1], [0, 0]] * 10)
    perfect = gold.copy()
    m = score(gold, perfect, LABELS, samples=200, seed=1)
    assert m["micro_f1"] == 1.0 and m["micro_f1_ci"] == [1.0, 1.0]
    worse = gold.copy()
    worse[:12, 0] = 1 - worse[:12, 0]
    m2 = score(gold, worse, LABELS, samples=200, seed=1)
    assert m2["per_label"]["mediation"]["f1"] == 1.0 and m2["per_label"]["terrorism"]["f1"] < 0.8
    lo, hi = m2["micro_f1_ci"]
    assert lo <= m2["micro_f1"] <= hi
    pb = paired_bootstrap(gold, worse, perfect, samples=300, seed=2)
    assert pb["micro_f1"]["delta"] > 0 and pb["micro_f1"]["delta_ci"][0] > 0
    mc = mcnemar(gold, worse, perfect)
    assert mc[0]["b_only"] == 12 and mc[0]["a_only"] == 0 and mc[0]["p_value"] < 0.001
    assert mc[1]["p_value"] == 1.0


def test_araieval_baseline_beats_majority_guess():
    """On real persuasion-technique data the baseline beats predicting Loaded_Language always."""
    path = ROOT / "experiments/data/araieval23/task1B_train.jsonl"
    recs = [json.loads(line) for line in path.open(encoding="utf-8")][:900]
    labels = ["Loaded_Language", "Name_Calling-Labeling", "no_technique"]
    texts = [r["text"] for r in recs]
    Y = indicator([[l for l in r["labels"] if l in labels] for r in recs], labels)
    est = TfidfClassifier(min_df=2).fit(texts[:700], Y[:700])
    pred = est.predict(texts[700:])
    always = np.zeros_like(Y[700:])
    always[:, 0] = 1
    ours = score(Y[700:], pred, labels, samples=0)["macro_f1"]
    base = score(Y[700:], always, labels, samples=0)["macro_f1"]
    assert ours > base + 0.1, (ours, base)


def test_threshold_strategies_keep_rare_labels_near_half():
    """shrink pulls a tuned cut-off toward 0.5 by the label's evidence; auto keeps a tuned
    cut-off only for a frequent label whose tuning beat 0.5 on held-out inner folds."""
    from stance.experiments.tfidf import choose_thresholds

    rng = np.random.default_rng(0)
    n = 600
    Y = np.zeros((n, 2), dtype=int)
    Y[:200, 0] = 1          # frequent label: positives score 0.2-0.4, negatives 0-0.15
    Y[:4, 1] = 1            # rare label: 4 positives
    oof = np.column_stack([np.where(Y[:, 0] == 1, rng.uniform(0.2, 0.4, n), rng.uniform(0, 0.15, n)),
                           np.where(Y[:, 1] == 1, 0.06, rng.uniform(0, 0.1, n))])
    fold_of = np.arange(n) % 3
    tuned = choose_thresholds(Y, oof, fold_of, "tune")
    shrunk = choose_thresholds(Y, oof, fold_of, "shrink", prior=20)
    auto = choose_thresholds(Y, oof, fold_of, "auto", min_positives=20)
    assert 0.15 < tuned[0] < 0.2 and tuned[1] < 0.1        # both tuned far below 0.5
    assert abs(shrunk[0] - tuned[0]) < 0.05                 # 200 positives: barely moved
    assert 0.4 < shrunk[1] < 0.5                            # 4 positives: mostly 0.5
    assert auto[0] == tuned[0] and auto[1] == 0.5
    assert list(choose_thresholds(Y, oof, fold_of, 0.3)) == [0.3, 0.3]


def test_sample_weights_reach_the_logistic_regressions():
    texts, Y = frames_data()
    w = np.ones(len(texts))
    plain = TfidfClassifier(threshold=0.5, random_state=0).fit(texts, Y)
    w[Y[:, 0] == 1] = 0.05  # terrorism examples barely count
    light = TfidfClassifier(threshold=0.5, random_state=0).fit(texts, Y, sample_weight=w)
    probe = [f"{s}: {t}" for s, t in zip(SUBJECTS, TERROR)]
    assert light.predict_proba(probe)[:, 0].mean() < plain.predict_proba(probe)[:, 0].mean()
