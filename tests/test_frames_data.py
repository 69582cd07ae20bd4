"""Frames data on development + pool quotes: the bundled Label Studio export, the extraction
check, annotation policies, and cross-validation grouped by article."""

from __future__ import annotations

import copy
import json
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from stance.annotations import build_dataset, load_export
from stance.annotations.dataset import agreement_weight
from stance.experiments.config import load_config
from stance.experiments.data import indicator, load_examples
from stance.experiments.experiment import outer_folds
from stance.experiments.folds import combination_key
from stance.frames import FRAME_KEYS
from stance.io import InputError
from stance.labelstudio.config import EXTRACTION_KEYS, frames_result, label_config

ROOT = Path(__file__).resolve().parent.parent
DEV_EXPORT = ROOT / "annotations" / "dev_export.json"
FRAMES_EXPORT = ROOT / "annotations" / "frames_export.json.gz"
DEV_QUOTES = ROOT / "annotations" / "dev_quotes.jsonl"
POOL_QUOTES = ROOT / "annotations" / "pool_quotes.jsonl.gz"


@pytest.fixture(scope="module")
def dev_raw() -> list[dict]:
    return json.loads(DEV_EXPORT.read_text(encoding="utf-8"))


def small_export(raw, tmp_path, edit, n=4) -> Path:
    tasks = copy.deepcopy(raw[:n])
    edit(tasks)
    path = tmp_path / "export.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    return path


# -- the bundled export of development + pool quotes --------------------------------------------
@pytest.fixture(scope="module")
def frames_gt() -> list[dict]:
    return build_dataset([FRAMES_EXPORT], policy="ground_truth")[0]


def test_bundled_export_covers_development_and_pool_quotes(frames_gt):
    from stance.io import iter_jsonl

    quotes = {**{r["quote_id"]: r for _, r in iter_jsonl(DEV_QUOTES)},
              **{r["quote_id"]: r for _, r in iter_jsonl(POOL_QUOTES)}}
    assert len(quotes) == len(frames_gt) == 2992
    assert FRAMES_EXPORT.stat().st_size < 1_500_000  # gzipped: small enough to bundle
    assert len({r["article_id"] for r in frames_gt}) == 1247
    for r in frames_gt:  # ground truth = each quote's first annotator, judgements intact
        q = quotes[r["quote_id"]]
        assert r["frames"] == sorted(q["annotations"][0]["frames"])
        assert sorted(a["extraction"] or "" for a in r["annotations"]) == \
            sorted(a.get("extraction") or "" for a in q["annotations"])
    judged = Counter(r["extraction"] for r in frames_gt)
    assert judged[None] == 892  # the development quotes are the gold quotes: not judged
    assert round(100 * judged["ok"] / 2100, 1) == 71.0
    raw = load_export(FRAMES_EXPORT)
    assert {a["annotator"] for t in raw for a in t["annotations"]} == \
        {f"annotator{i}@example.com" for i in range(1, 11)}


def test_frames_configs_train_on_development_and_pool_grouped_by_article():
    for name in ("tfidf.yaml", "bert.yaml", "bert-offline.yaml", "bert-gpu.yaml"):
        cfg = load_config(ROOT / "experiments" / name, check_paths=False)
        data = cfg["data"]
        assert data["train"].endswith("frames_export.json.gz"), name
        assert data["group_field"] == "article_id" and data["eval_policy"] == "ground_truth", name


# -- the labelling config ------------------------------------------------------------------
def test_config_asks_for_the_extraction_beside_the_frames():
    from label_studio_sdk.label_interface import LabelInterface

    xml = label_config()
    li = LabelInterface(xml)
    li.validate()
    check = li.get_control("extraction")
    assert check.labels == list(EXTRACTION_KEYS) == ["ok", "wrong_speaker", "bad_boundaries",
                                                     "not_a_quote"]
    assert check.attr["choice"] == "single"
    ok = frames_result(["mediation"], "wrong_speaker")
    assert li.validate_prediction({"model_version": "m", "result": ok})
    with pytest.raises(ValueError):
        frames_result([], "maybe")


def test_question_header_is_two_lines_each_in_its_own_direction():
    """Issue 12: one bilingual header in the right-to-left block put the Arabic sentence's
    closing » and full stop at the start of the English one."""
    lines = [ln for ln in label_config().splitlines() if "<Header" in ln and "Which frames" in ln
             or "<Header" in ln and "ما الأطر" in ln]
    assert len(lines) == 2, lines
    arabic, english = lines
    assert "ما الأطر" in arabic and "Which" not in arabic and "direction: rtl" in arabic
    assert arabic.rstrip().endswith('«لا إطار»." size="6"/></View>')
    assert "ما الأطر" not in english and "direction: ltr" in english
    assert not any(ch in english for ch in "«»؟،")


# -- exports carry the extraction judgement ----------------------------------------------------
def test_extraction_judgement_parsed_and_carried_by_build(dev_raw, tmp_path):
    def edit(tasks):
        tasks[0]["annotations"][0]["result"] = frames_result(["terrorism"], "bad_boundaries")
        tasks[0]["annotations"][1]["result"] = frames_result([], "bad_boundaries")
        tasks[1]["annotations"][0]["result"] = frames_result([], "ok")
        tasks[1]["annotations"][1]["result"] = frames_result([], "not_a_quote")

    path = small_export(dev_raw, tmp_path, edit)
    tasks = load_export(path)
    assert tasks[0]["annotations"][0]["extraction"] == "bad_boundaries"
    assert tasks[2]["annotations"][0]["extraction"] is None  # older results: no judgement
    records, _ = build_dataset([path], policy="majority")
    by_id = {r["quote_id"]: r for r in records}
    r0, r1 = by_id[tasks[0]["quote_id"]], by_id[tasks[1]["quote_id"]]
    assert r0["extraction"] == "bad_boundaries" and r0["frames"] == []
    assert [a["extraction"] for a in r0["annotations"]] == ["bad_boundaries", "bad_boundaries"]
    assert r1["extraction"] == "ok"  # a tie goes to the ground-truth annotation (annotator1)


def test_unknown_extraction_judgement_is_a_one_line_error(dev_raw, tmp_path):
    def edit(tasks):
        tasks[1]["annotations"][0]["result"].append(
            {"from_name": "extraction", "to_name": "quote", "type": "choices",
             "value": {"choices": ["so-so"]}})

    with pytest.raises(InputError) as err:
        load_export(small_export(dev_raw, tmp_path, edit))
    assert "so-so" in str(err.value) and "annotation" in str(err.value)


# -- policies ------------------------------------------------------------------------------------
def test_union_and_soft_keep_what_either_annotator_found():
    maj, _ = build_dataset([DEV_EXPORT], policy="majority")
    uni, _ = build_dataset([DEV_EXPORT], policy="union")
    anyp, _ = build_dataset([DEV_EXPORT], policy="any")
    soft, _ = build_dataset([DEV_EXPORT], policy="soft")
    maj, uni, soft = ({r["quote_id"]: r for r in x} for x in (maj, uni, soft))
    assert [r["frames"] for r in anyp] == [uni[r["quote_id"]]["frames"] for r in anyp]
    grew = [q for q in maj if set(maj[q]["frames"]) < set(uni[q]["frames"])]
    assert len(grew) >= 30  # the dev conflicts where one annotator saw a frame the other did not
    for q in maj:
        assert set(maj[q]["frames"]) <= set(uni[q]["frames"])
        assert soft[q]["frames"] == uni[q]["frames"]
        assert soft[q]["weight"] == (1.0 if not uni[q]["conflict"] else soft[q]["weight"])
    disputed = [soft[q]["weight"] for q in grew]
    assert set(disputed) == {0.5}  # two annotators, one saw the frame
    assert agreement_weight({"a": {"frames": ["x"]}, "b": {"frames": ["x"]},
                             "c": {"frames": []}}) == pytest.approx(0.6667)


def test_eval_policy_scores_against_another_gold():
    cfg = {"text_field": "text", "label_field": "frames", "id_field": None, "multi_label": True,
           "labels": list(FRAME_KEYS), "other_labels": "error", "policy": "union",
           "eval_policy": "ground_truth", "group_field": "article_id"}
    ex = load_examples(DEV_EXPORT, cfg)
    assert len(ex) == 892 and ex.gold is not None and len(set(ex.groups)) == 80
    union_pos = indicator(ex.labels, FRAME_KEYS).sum()
    gold_pos = indicator(ex.gold, FRAME_KEYS).sum()
    assert union_pos > gold_pos  # trained on more frames, scored on annotator1's
    soft = load_examples(DEV_EXPORT, {**cfg, "policy": "soft", "eval_policy": None})
    assert soft.weights is not None and min(soft.weights) == 0.5 and soft.gold is None


# -- grouped folds -----------------------------------------------------------------------------
def test_folds_never_split_an_article_and_keep_every_frame_in_every_fold():
    cfg = {"text_field": "text", "label_field": "frames", "id_field": None, "multi_label": True,
           "labels": list(FRAME_KEYS), "other_labels": "error", "policy": "ground_truth",
           "eval_policy": None, "group_field": "article_id"}
    ex = load_examples(DEV_EXPORT, cfg)
    Y = indicator(ex.labels, FRAME_KEYS)
    folds = outer_folds(Y, 5, 13, True, ex.groups)
    seen = np.concatenate([te for _, te in folds])
    assert sorted(seen.tolist()) == list(range(len(ex)))
    for tr, te in folds:
        assert not {ex.groups[i] for i in tr} & {ex.groups[i] for i in te}
        assert (Y[te].sum(0) >= 5).all()  # each frame present in each test fold
    # the ungrouped folds of the old behaviour do split articles
    plain = outer_folds(Y, 5, 13, True)
    assert any({ex.groups[i] for i in tr} & {ex.groups[i] for i in te} for tr, te in plain)


def test_too_few_groups_is_a_config_error():
    Y = np.array([[1, 0], [0, 1], [1, 1], [0, 0]] * 3)
    with pytest.raises(InputError) as err:
        outer_folds(Y, 5, 0, True, ["a", "b", "c"] * 4)
    assert err.value.field == "eval.folds" and "groups" in str(err.value)


def test_rare_label_combinations_fall_back_to_their_first_label():
    Y = np.array([[1, 0, 0]] * 10 + [[0, 1, 0]] * 10 + [[1, 1, 1]] + [[0, 0, 0]] * 10)
    key = combination_key(Y, min_count=4)
    assert key[-11] == key[0]  # the one [1,1,1] row joins the [1,0,0] stratum
    assert len(set(key.tolist())) == 3


def test_missing_group_field_names_the_line(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text('{"text": "أ", "frames": [], "article_id": "x"}\n{"text": "ب", "frames": []}\n',
                    encoding="utf-8")
    cfg = {"text_field": "text", "label_field": "frames", "id_field": None, "multi_label": True,
           "labels": list(FRAME_KEYS), "other_labels": "error", "policy": "majority",
           "eval_policy": None, "group_field": "article_id"}
    with pytest.raises(InputError) as err:
        load_examples(path, cfg)
    assert err.value.line == 2 and err.value.field == "article_id"


# -- extraction precision from judgements ------------------------------------------------------
def test_eval_extract_judged_reports_precision_by_kind(dev_raw, tmp_path, capsys):
    from clirun import run

    def edit(tasks):
        for t, judgement in zip(tasks, ["ok", "ok", "wrong_speaker", "not_a_quote"]):
            t["annotations"] = t["annotations"][:1]
            t["annotations"][0]["result"] = frames_result([], judgement)

    path = small_export(dev_raw, tmp_path, edit)
    code, out, err = run(capsys, "eval-extract", "--judged", path, "--json")
    assert code == 0, err
    res = json.loads(out)
    assert res["judged"] == 4 and res["overall"]["precision"] == 0.5
    assert res["overall"]["wrong_speaker"]["count"] == 1
    lo, hi = res["overall"]["precision_ci"]
    assert lo < 0.5 < hi  # Wilson interval of 2 of 4
    kinds = {t["data"]["kind"] for t in dev_raw[:4]}
    assert set(res["by_kind"]) == kinds
    code, out, err = run(capsys, "eval-extract", "--judged", DEV_EXPORT)
    assert code == 2 and "no quote carries an extraction judgement" in err
    assert "Traceback" not in err


# -- learning curves ---------------------------------------------------------------------------
def test_learning_curve_from_the_config_on_a_grouped_slice(tmp_path):
    """F1 per label against training size, from the run's own grouped folds, as numbers and a
    plot; smaller training parts are whole articles and score lower."""
    from stance.experiments.experiment import run_experiment

    raw = json.loads(DEV_EXPORT.read_text(encoding="utf-8"))
    arts = sorted({t["data"]["article_id"] for t in raw})[:30]
    small = tmp_path / "slice.json"
    small.write_text(json.dumps([t for t in raw if t["data"]["article_id"] in arts],
                                ensure_ascii=False), encoding="utf-8")
    cfg = load_config(ROOT / "experiments" / "tfidf.yaml", [
        f"data.train={small}", "data.policy=union", "eval.folds=3", "eval.bootstrap=50",
        "eval.learning_curve=[0.3, 1.0]", "model.char_ngrams=null", "model.inner_folds=2"])
    run = run_experiment(cfg, output_dir=tmp_path / "runs", progress=False)
    curve = json.loads((run / "learning_curve.json").read_text("utf-8"))
    metrics = json.loads((run / "metrics.json").read_text("utf-8"))
    assert (run / "plots" / "learning_curve.png").stat().st_size > 10_000
    small_p, full_p = curve["points"]
    assert curve["grouped"] and small_p["fraction"] == 0.3 and full_p["fraction"] == 1.0
    assert small_p["n_train_mean"] < 0.5 * full_p["n_train_mean"]
    assert full_p["macro_f1"] == metrics["macro_f1"]  # 1.0 is the run itself
    assert small_p["macro_f1"] < full_p["macro_f1"]
    assert set(full_p["per_label"]) == set(FRAME_KEYS)
    assert all(len(p["macro_f1_ci"]) == 2 for p in curve["points"])


def test_learning_curve_needs_cross_validation(tmp_path):
    from stance.experiments.experiment import run_experiment

    cfg = load_config(ROOT / "experiments" / "tfidf.yaml", [
        f"data.train={DEV_EXPORT}", f"data.test={DEV_EXPORT}", "eval.learning_curve=[0.5]"])
    with pytest.raises(InputError) as err:
        run_experiment(cfg, output_dir=tmp_path, progress=False)
    assert err.value.field == "eval.learning_curve"


def test_tfidf_model_saves_its_vocabulary_compactly(tmp_path):
    """The n-gram vocabularies go beside the skops file as JSON lists: the model directory of
    the dev + pool model is a few MB instead of ~90, and loads back to identical scores."""
    from stance.experiments.models import build_model, load_model

    raw = json.loads(DEV_EXPORT.read_text(encoding="utf-8"))[:200]
    texts = [t["data"]["text"] for t in raw]
    Y = np.array([[int(f in (t["annotations"][0]["result"][0]["value"]["choices"]))
                   for f in FRAME_KEYS] for t in raw])
    Y[:4] = 1  # every frame has positives
    m = build_model({"type": "tfidf", "threshold": 0.5, "char_ngrams": [2, 4]}, list(FRAME_KEYS),
                    True, 0).fit(texts, Y)
    m.save(tmp_path / "m")
    vocab = json.loads((tmp_path / "m" / "vocabulary.json").read_text("utf-8"))
    assert set(vocab) == {"word", "char"} and len(vocab["char"]) > 1000
    assert (tmp_path / "m" / "model.skops").stat().st_size < 1_000_000
    back = load_model(tmp_path / "m")
    assert np.array_equal(back.scores(texts[:50]), m.scores(texts[:50]))
    assert m.estimator_.pipeline_.named_steps["features"].transformer_list[1][1].vocabulary_
    (tmp_path / "m" / "vocabulary.json").write_text('{"word": [', "utf-8")
    with pytest.raises(InputError) as err:
        load_model(tmp_path / "m")
    assert "vocabulary" in str(err.value)


def test_build_cli_carries_the_extraction_judgements(tmp_path, capsys):
    from clirun import run

    out = tmp_path / "data.jsonl"
    code, _, err = run(capsys, "annotations", "build", FRAMES_EXPORT, "-o", out, "--policy", "union")
    assert code == 0, err
    assert "extraction judged on 2100 quotes: ok 1490" in err
    recs = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(recs) == 2992 and {r["policy"] for r in recs} == {"union"}
    assert Counter(r["extraction"] for r in recs)["not_a_quote"] == 136
    assert all("extraction" in a for r in recs for a in r["annotations"])
