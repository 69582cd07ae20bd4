"""`stance train` / `predict` / `compare` end to end with the TF-IDF model (offline, seconds)."""

import csv
import json
from pathlib import Path

import numpy as np
import pytest
import yaml

from clirun import run
from stance.cli import main
from stance.experiments import experiment, runs
from stance.experiments.config import load_config
from stance.experiments.experiment import run_experiment
from stance.io import InputError

ROOT = Path(__file__).resolve().parents[1]
ARAIEVAL = ROOT / "experiments/data/araieval23/task1B_train.jsonl"
TECHNIQUES = ["Loaded_Language", "Name_Calling-Labeling", "no_technique"]


@pytest.fixture(scope="module")
def persuasion(tmp_path_factory):
    """300 real ArAIEval paragraphs/tweets as a dataset JSONL with an extra field."""
    path = tmp_path_factory.mktemp("data") / "persuasion.jsonl"
    with ARAIEVAL.open(encoding="utf-8") as src, path.open("w", encoding="utf-8") as out:
        for i, line in zip(range(300), src):
            rec = json.loads(line)
            rec["techniques"] = rec.pop("labels")
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path


def config_file(tmp_path, train, model=None, **data) -> Path:
    body = {"name": "persuasion",
            "data": {"train": str(train), "label_field": "techniques", "labels": TECHNIQUES,
                     "other_labels": "ignore", "id_field": "id", **data},
            "eval": {"folds": 3, "seed": 5, "bootstrap": 200},
            "model": {"type": "tfidf", "char_ngrams": [2, 4], "min_df": 2, **(model or {})}}
    path = tmp_path / "persuasion.yaml"
    path.write_text(yaml.safe_dump(body, allow_unicode=True), "utf-8")
    return path


def train_cli(args, capsys):
    main(["train", *args, "--quiet"])
    out = capsys.readouterr().out
    return Path(out.splitlines()[0].strip()), out


@pytest.fixture(scope="module")
def cv_run(persuasion, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("cv")
    cfg = load_config(config_file(tmp, persuasion))
    return run_experiment(cfg, output_dir=tmp / "runs", progress=False)


def test_cv_run_directory_is_complete(cv_run, persuasion):
    assert cv_run.name.startswith("persuasion-")
    for name in ("config.yaml", "metrics.json", "predictions.jsonl", "environment.json",
                 "run.json", "model/model.skops", "model/stance_model.json",
                 "plots/confusion_per_label.png", "plots/pr_curves.png"):
        assert (cv_run / name).exists(), name
    m = json.loads((cv_run / "metrics.json").read_text("utf-8"))
    assert m["mode"] == "cv" and m["n"] == 300 and m["labels"] == TECHNIQUES
    assert 0 < m["micro_f1"] <= 1 and 0 < m["macro_f1"] <= 1
    assert m["micro_f1_ci"][0] <= m["micro_f1"] <= m["micro_f1_ci"][1]
    assert set(m["per_label"]) == set(TECHNIQUES)
    assert {"precision", "recall", "f1", "support", "f1_ci"} <= set(m["per_label"]["no_technique"])
    assert len(m["folds"]) == 3 and sum(f["n"] for f in m["folds"]) == 300
    preds = [json.loads(l) for l in (cv_run / "predictions.jsonl").open(encoding="utf-8")]
    assert len(preds) == 300 and {p["fold"] for p in preds} == {0, 1, 2}
    first = json.loads(persuasion.open(encoding="utf-8").readline())
    assert preds[0]["id"] == first["id"] and preds[0]["text"] == first["text"]
    assert set(preds[0]["pred_scores"]) == set(TECHNIQUES)
    env = json.loads((cv_run / "environment.json").read_text("utf-8"))
    assert env["seed"] == 5 and "scikit-learn" in env["packages"] and "git" in env
    resolved = yaml.safe_load((cv_run / "config.yaml").read_text("utf-8"))
    assert resolved["model"]["C"] == 4.0 and resolved["eval"]["folds"] == 3


def test_same_seed_same_metrics(cv_run, persuasion, tmp_path):
    cfg = load_config(config_file(tmp_path, persuasion))
    again = run_experiment(cfg, output_dir=tmp_path / "runs", progress=False)
    assert again != cv_run
    a = json.loads((cv_run / "metrics.json").read_text("utf-8"))
    b = json.loads((again / "metrics.json").read_text("utf-8"))
    assert a == b
    assert (cv_run / "predictions.jsonl").read_bytes() == (again / "predictions.jsonl").read_bytes()


def test_interrupted_run_leaves_nothing_that_looks_complete(persuasion, tmp_path, monkeypatch):
    # fixed thresholds (no inner CV: a quarter of the fits): what is checked is the run directory
    cfg = load_config(config_file(tmp_path, persuasion, model={"threshold": 0.5}))

    def boom(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(experiment.runs, "write_json", boom)  # dies while writing the results
    with pytest.raises(KeyboardInterrupt):
        run_experiment(cfg, output_dir=tmp_path / "runs", progress=False)
    assert list((tmp_path / "runs").iterdir()) == []


def test_killed_run_is_hidden_and_refused(cv_run, tmp_path):
    # what a `kill -9` leaves behind: the hidden .partial directory, never the final name
    partial = tmp_path / f".{cv_run.name}.abc123.partial"
    partial.mkdir()
    (partial / "config.yaml").write_text("name: x\n")
    with pytest.raises(InputError, match="unfinished"):
        runs.open_run(partial)
    incomplete = tmp_path / "persuasion-20260101-000000"
    incomplete.mkdir()
    (incomplete / "config.yaml").write_text("name: x\n")
    with pytest.raises(InputError, match="not a finished run"):
        runs.open_run(incomplete)


def test_predict_keeps_every_record_in_order(cv_run, tmp_path, capsys):
    inp = tmp_path / "quotes.jsonl"
    texts = ["قال الوزير إن الإرهاب يهدد المنطقة بأسرها", "ندعو إلى الحوار والتهدئة",
             "العدو الصهيوني يواصل جرائمه الوحشية بحق الأبرياء", "سيزور الرئيس العاصمة غدا"] * 5
    with inp.open("w", encoding="utf-8") as fh:
        for i, t in enumerate(texts):
            fh.write(json.dumps({"quote_id": f"q{19 - i}", "text": t, "actor": "وزير",
                                 "nested": {"k": [i]}}, ensure_ascii=False) + "\n")
            if i == 3:
                fh.write("\n")  # blank lines are skipped, not scored
    out = tmp_path / "scored.jsonl"
    main(["predict", str(cv_run), str(inp), "-o", str(out), "--quiet"])
    rows = [json.loads(l) for l in out.open(encoding="utf-8")]
    assert len(rows) == len(texts)
    assert [r["quote_id"] for r in rows] == [f"q{19 - i}" for i in range(len(texts))]
    for i, r in enumerate(rows):
        assert r["text"] == texts[i] and r["nested"] == {"k": [i]} and r["actor"] == "وزير"
        assert r["run"] == cv_run.name
        assert isinstance(r["pred_labels"], list) and set(r["pred_labels"]) <= set(TECHNIQUES)
        assert set(r["pred_scores"]) == set(TECHNIQUES)
    # identical texts get identical scores wherever they are in the file
    assert rows[0]["pred_scores"] == rows[4]["pred_scores"] == rows[16]["pred_scores"]
    # the loaded-language quote scores higher on Loaded_Language than the travel note
    assert rows[2]["pred_scores"]["Loaded_Language"] > rows[3]["pred_scores"]["Loaded_Language"]


def test_predict_bad_record_names_line_and_writes_nothing(cv_run, tmp_path, capsys):
    inp = tmp_path / "bad.jsonl"
    inp.write_text('{"text": "نص"}\n{"body": "لا نص"}\n', "utf-8")
    out = tmp_path / "scored.jsonl"
    with pytest.raises(SystemExit) as exc:
        main(["predict", str(cv_run), str(inp), "-o", str(out), "--quiet"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "bad.jsonl:2" in err and "'text'" in err
    assert not out.exists() and not [p for p in tmp_path.iterdir() if p.name.startswith(".scored")]


def test_unseen_csv_single_label_with_overrides_only(tmp_path, capsys):
    """A labeled CSV the project has never seen: columns text and stance, one label a row."""
    rng_subjects = ["الحكومة", "الوزير", "البرلمان", "الرئيس", "الحزب", "النقابة", "المجلس",
                    "الجامعة", "البلدية", "الاتحاد"]
    topics = ["قانون الضرائب الجديد", "اتفاق الهدنة", "خطة إعادة الإعمار", "رفع الدعم عن الوقود",
              "تعديل الدستور", "الانتخابات المبكرة"]
    forms = {"pro": "{s} يؤيد بقوة {t} ويراه خطوة ضرورية وإيجابية",
             "anti": "{s} يرفض رفضا قاطعا {t} ويحذر من عواقبه الخطيرة",
             "neutral": "{s} يناقش اليوم {t} في جلسة عادية"}
    path = tmp_path / "opinions.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["row", "text", "stance"])
        n = 0
        for s in rng_subjects:
            for t in topics:
                for lab, form in forms.items():
                    w.writerow([n, form.format(s=s, t=t), lab])
                    n += 1
    run_dir, out = train_cli([str(ROOT / "experiments/tfidf.yaml"), "--output-dir",
                              str(tmp_path / "runs"), "--set", f"data.train={path}",
                              "--set", "data.label_field=stance", "--set", "data.multi_label=false",
                              "--set", "data.labels=null", "--set", "eval.folds=3",
                              "--set", "data.group_field=null",
                              "--set", "eval.bootstrap=100", "--set", "name=opinions"], capsys)
    assert run_dir.name.startswith("opinions-")
    m = json.loads((run_dir / "metrics.json").read_text("utf-8"))
    assert m["labels"] == ["anti", "neutral", "pro"] and m["multi_label"] is False
    assert m["n"] == n and m["micro_f1"] > 0.9  # chance is 1/3
    preds = [json.loads(l) for l in (run_dir / "predictions.jsonl").open(encoding="utf-8")]
    assert all(len(p["pred_labels"]) == 1 and len(p["gold"]) == 1 for p in preds)
    assert preds[5]["id"] == "7"  # no id column named: CSV line numbers (header is line 1)
    assert abs(sum(preds[0]["pred_scores"].values()) - 1) < 1e-4
    assert (run_dir / "plots/confusion_matrix.png").exists()
    assert "micro-F1" in out


def test_compare_two_runs_on_the_same_items(cv_run, persuasion, tmp_path, capsys):
    words_only, _ = train_cli([str(config_file(tmp_path, persuasion)), "--output-dir",
                               str(tmp_path / "runs"), "--set", "model.char_ngrams=null",
                               "--set", "name=words"], capsys)
    main(["compare", str(cv_run), str(words_only)])
    out = capsys.readouterr().out
    assert cv_run.name in out and words_only.name in out
    assert "micro-F1" in out and "macro-F1" in out and "McNemar" in out
    assert ("real difference" in out) or ("not a real difference" in out)
    for lab in TECHNIQUES:
        assert lab[:15] in out
    main(["compare", str(cv_run), str(words_only), "--json"])
    res = json.loads(capsys.readouterr().out)
    assert res["n"] == 300 and set(res["per_label"]) == set(TECHNIQUES)


def test_compare_refuses_runs_on_different_items(cv_run, persuasion, tmp_path, capsys):
    lines = persuasion.read_text("utf-8").splitlines()[:200]
    smaller = tmp_path / "smaller.jsonl"
    smaller.write_text("\n".join(lines) + "\n", "utf-8")
    other, _ = train_cli([str(config_file(tmp_path, smaller)), "--output-dir",
                          str(tmp_path / "runs")], capsys)
    with pytest.raises(SystemExit) as exc:
        main(["compare", str(cv_run), str(other)])
    assert exc.value.code == 2
    assert "not on the same items" in capsys.readouterr().err


def test_fixed_test_split(persuasion, tmp_path):
    lines = persuasion.read_text("utf-8").splitlines()
    (tmp_path / "tr.jsonl").write_text("\n".join(lines[:240]) + "\n", "utf-8")
    (tmp_path / "te.jsonl").write_text("\n".join(lines[240:]) + "\n", "utf-8")
    # fixed thresholds (no inner CV: a quarter of the fits); the tuned ones: test_experiments_tfidf
    cfg = load_config(config_file(tmp_path, tmp_path / "tr.jsonl", model={"threshold": 0.5},
                                  test=str(tmp_path / "te.jsonl")))
    run_dir = run_experiment(cfg, output_dir=tmp_path / "runs", progress=False)
    m = json.loads((run_dir / "metrics.json").read_text("utf-8"))
    assert m["mode"] == "test" and m["n"] == 60 and "folds" not in m
    assert m["final_thresholds"] == {lab: 0.5 for lab in TECHNIQUES}
    preds = [json.loads(l) for l in (run_dir / "predictions.jsonl").open(encoding="utf-8")]
    assert [p["id"] for p in preds] == [json.loads(l)["id"] for l in lines[240:]]


def test_unknown_label_is_an_error_naming_line(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text('{"text": "ندعو إلى الحوار", "frames": ["mediation"]}\n'
                    '{"text": "نرفض التدخل", "frames": ["sovreignty"]}\n', "utf-8")
    cfg = load_config(ROOT / "experiments/tfidf.yaml", [f"data.train={path}",
                                                        "data.group_field=null"])
    with pytest.raises(InputError) as err:
        run_experiment(cfg, output_dir=tmp_path / "runs", progress=False)
    assert err.value.line == 2 and "sovreignty" in str(err.value)
    assert not (tmp_path / "runs").exists() or not list((tmp_path / "runs").iterdir())


@pytest.mark.skipif(not (ROOT / "annotations/dev_export.json").exists(),
                    reason="bundled Label Studio export not present")
def test_shipped_tfidf_config_on_bundled_annotations(tmp_path, capsys):
    # the development part of the bundled data (the whole 2,992 quotes take longer than a test)
    run_dir, out = train_cli([str(ROOT / "experiments/tfidf.yaml"), "--output-dir",
                              str(tmp_path), "--set", "eval.bootstrap=100",
                              "--set", "data.train=annotations/dev_export.json"], capsys)
    m = json.loads((run_dir / "metrics.json").read_text("utf-8"))
    assert m["grouped_by"] == "article_id" and m["eval_policy"] == "ground_truth"
    assert m["n"] == 892 and m["labels"] == ["terrorism", "sovereignty", "solidarity", "mediation"]
    assert m["micro_f1"] > 0.4  # frames are learnable from the words; chance is far lower


@pytest.mark.parametrize("damage", ["truncated model", "missing model", "broken model metadata",
                                    "broken run.json", "missing run.json"])
def test_predict_with_a_damaged_run_names_the_run_and_file(cv_run, damage, tmp_path, capsys):
    """A truncated or missing model file or a broken run.json: one line naming the run and the
    file, exit 2, no output (was a BadZipFile / FileNotFoundError / JSONDecodeError traceback)."""
    import shutil

    bad = tmp_path / cv_run.name
    shutil.copytree(cv_run, bad)
    target = {"truncated model": "model/model.skops", "missing model": "model/model.skops",
              "broken model metadata": "model/stance_model.json",
              "broken run.json": "run.json", "missing run.json": "run.json"}[damage]
    if damage.startswith("missing"):
        (bad / target).unlink()
    else:
        data = (bad / target).read_bytes()
        (bad / target).write_bytes(data[: len(data) // 3])
    inp = tmp_path / "quotes.jsonl"
    inp.write_text('{"text": "قال الوزير إن الإرهاب يهدد المنطقة"}\n', "utf-8")
    out = tmp_path / "scored.jsonl"
    code, _, err = run(capsys, "predict", bad, inp, "-o", out, "--quiet")
    assert code == 2, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    if damage == "missing run.json":  # a run missing a required file is not a finished run
        assert err.startswith(f"stance: error: {bad}: ") and "missing run.json" in err
    else:
        assert err.startswith(f"stance: error: {bad / target}:") and f"damaged run {bad}" in err
    if damage.startswith("missing"):
        assert "missing" in err
    assert not out.exists() and list(tmp_path.glob(".scored*")) == []


def test_cv_only_run_compares_but_cannot_predict(cv_run, persuasion, tmp_path, capsys):
    # eval.final_model: false skips the fit on all data: same out-of-fold figures, no model/
    cv_only, _ = train_cli([str(config_file(tmp_path, persuasion)), "--output-dir",
                            str(tmp_path / "runs"), "--set", "eval.final_model=false"], capsys)
    assert not (cv_only / "model").exists()
    same = json.loads((cv_run / "metrics.json").read_text("utf-8"))
    got = json.loads((cv_only / "metrics.json").read_text("utf-8"))
    assert got["micro_f1"] == same["micro_f1"] and "final_thresholds" not in got
    main(["compare", str(cv_run), str(cv_only), "--json"])
    assert json.loads(capsys.readouterr().out)["n"] == 300
    with pytest.raises(InputError, match="eval.final_model: false"):
        runs.open_run(cv_only)


def test_repeated_cv_reports_the_spread_over_fold_draws(cv_run, persuasion, tmp_path, capsys):
    # eval.repeats: the CV again with seeds seed+1, ...; the headline figures stay eval.seed's
    run, out = train_cli([str(config_file(tmp_path, persuasion)), "--output-dir", str(tmp_path / "runs"),
                          "--set", "eval.final_model=false", "--set", "eval.repeats=3"], capsys)
    got = json.loads((run / "metrics.json").read_text("utf-8"))
    same = json.loads((cv_run / "metrics.json").read_text("utf-8"))
    rep = got["repeated"]
    assert got["macro_f1"] == same["macro_f1"] and rep["n"] == 3
    seed = got["bootstrap"]["seed"]
    assert [d["seed"] for d in rep["draws"]] == [seed, seed + 1, seed + 2]
    assert rep["draws"][0]["macro_f1"] == got["macro_f1"]
    values = [d["macro_f1"] for d in rep["draws"]]
    assert rep["macro_f1"]["min"] == round(min(values), 4) and rep["macro_f1"]["max"] == round(max(values), 4)
    assert len(set(values)) > 1 and rep["macro_f1"]["sd"] > 0  # other draws, other figures
    assert f"over 3 fold draws (seeds {seed}-{seed + 2})" in out
    with pytest.raises(InputError, match="eval.repeats"):
        from stance.experiments.config import load_config

        load_config(config_file(tmp_path, persuasion), ["eval.repeats=0"])
    # with a test set there are no folds to draw again: refused, not ignored
    with pytest.raises(InputError, match="eval.repeats"):
        cfg = load_config(config_file(tmp_path, persuasion), ["eval.repeats=2", f"data.test={persuasion}"])
        run_experiment(cfg, output_dir=tmp_path / "runs2", progress=False)
    assert not (tmp_path / "runs2").exists() or not any((tmp_path / "runs2").iterdir())


def test_ensemble_averages_its_members_and_predicts(persuasion, tmp_path, capsys):
    from stance.experiments.models import load_model

    members = [{"type": "tfidf", "char_ngrams": [2, 4], "min_df": 2},
               {"type": "tfidf", "word_ngrams": None, "char_ngrams": [2, 4], "min_df": 2, "C": 1.0}]
    path = config_file(tmp_path, persuasion)
    body = yaml.safe_load(path.read_text("utf-8"))
    body["model"] = {"type": "ensemble", "members": members, "weights": [3, 1]}
    path.write_text(yaml.safe_dump(body, allow_unicode=True), "utf-8")
    run_dir, out = train_cli([str(path), "--output-dir", str(tmp_path / "runs")], capsys)
    assert "macro-F1" in out
    model = load_model(run_dir / "model")
    assert [m.type for m in model.members_] == ["tfidf", "tfidf"]
    texts = [json.loads(line)["text"] for line in persuasion.open(encoding="utf-8")][:5]
    a, b = (m.scores(texts) for m in model.members_)
    assert model.scores(texts) == pytest.approx(0.75 * a + 0.25 * b)
    # the members' own thresholds are never used (the ensemble cuts its mean at 0.5), so they are
    # not tuned; their probabilities are those of the same model fitted alone with tuning
    from stance.experiments.models import build_model

    assert all(np.allclose(m.thresholds, 0.5) for m in model.members_)
    alone = build_model({**members[0], "threshold": "tune"}, model.labels, True, model.seed, "text", False)
    data = [json.loads(line) for line in persuasion.open(encoding="utf-8")]
    alone.fit([r["text"] for r in data], np.array([[t in r["techniques"] for t in model.labels] for r in data]))
    assert not np.allclose(alone.thresholds, 0.5) and np.allclose(alone.scores(texts), a)
    records = tmp_path / "in.jsonl"
    records.write_text("".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts), "utf-8")
    main(["predict", str(run_dir), str(records), "-o", str(tmp_path / "out.jsonl")])
    scored = [json.loads(line) for line in (tmp_path / "out.jsonl").open(encoding="utf-8")]
    assert len(scored) == 5 and all(set(r["pred_scores"]) == set(TECHNIQUES) for r in scored)


def test_combine_finished_runs_equals_the_ensemble_config(persuasion, tmp_path, capsys):
    # stance combine of two members' CV runs gives the ensemble config's out-of-fold scores and
    # figures, and its run compares with 'stance compare'
    members = [{"type": "tfidf", "char_ngrams": [2, 4], "min_df": 2},
               {"type": "tfidf", "word_ngrams": None, "char_ngrams": [2, 4], "min_df": 2, "C": 1.0}]
    path = config_file(tmp_path, persuasion)
    body = yaml.safe_load(path.read_text("utf-8"))
    body["eval"]["final_model"] = False
    runs = []
    for k, m in enumerate(members):
        body["model"], body["name"] = m, f"member{k}"
        path.write_text(yaml.safe_dump(body, allow_unicode=True), "utf-8")
        runs.append(train_cli([str(path), "--output-dir", str(tmp_path / "runs")], capsys)[0])
    body["model"], body["name"] = {"type": "ensemble", "members": members, "weights": [3, 1]}, "ens"
    path.write_text(yaml.safe_dump(body, allow_unicode=True), "utf-8")
    ens, _ = train_cli([str(path), "--output-dir", str(tmp_path / "runs")], capsys)
    main(["combine", *map(str, runs), "--weights", "3,1", "-o", str(tmp_path / "combined")])
    out = capsys.readouterr().out
    combined = Path(out.strip().splitlines()[-1].split("-> ")[1])
    m_ens = json.loads((ens / "metrics.json").read_text("utf-8"))
    m_comb = json.loads((combined / "metrics.json").read_text("utf-8"))
    assert m_comb["macro_f1"] == m_ens["macro_f1"] and m_comb["micro_f1"] == m_ens["micro_f1"]
    assert m_comb["combined"]["same_folds"] and len(m_comb["folds"]) == 3
    p_ens = [json.loads(line) for line in (ens / "predictions.jsonl").open(encoding="utf-8")]
    p_comb = [json.loads(line) for line in (combined / "predictions.jsonl").open(encoding="utf-8")]
    assert [r["pred_labels"] for r in p_comb] == [r["pred_labels"] for r in p_ens]
    main(["compare", str(ens), str(combined), "--json"])
    assert json.loads(capsys.readouterr().out)["n"] == 300
    with pytest.raises(SystemExit) as exc:
        main(["combine", str(runs[0]), "--weights", "1"])
    assert exc.value.code == 2 and "two runs or more" in capsys.readouterr().err
    # runs pair item by item: a member whose predictions are listed in another order combines alike
    preds = runs[1] / "predictions.jsonl"
    preds.write_text("".join(reversed(preds.read_text("utf-8").splitlines(keepends=True))), "utf-8")
    main(["combine", *map(str, runs), "--weights", "3,1", "-o", str(tmp_path / "again")])
    again = Path(capsys.readouterr().out.strip().splitlines()[-1].split("-> ")[1])
    assert json.loads((again / "metrics.json").read_text("utf-8"))["macro_f1"] == m_ens["macro_f1"]
    # and one with an item missing is refused, naming the run
    preds.write_text("".join(preds.read_text("utf-8").splitlines(keepends=True)[1:]), "utf-8")
    with pytest.raises(SystemExit) as exc:
        main(["combine", *map(str, runs)])
    err = capsys.readouterr().err
    assert exc.value.code == 2 and "not on the same items" in err and runs[1].name in err
