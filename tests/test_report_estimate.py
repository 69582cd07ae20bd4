"""Frame shares estimated with the run's measured error, the fidelity check and trends.

One TF-IDF cross-validation run on the first 450 development quotes
(``annotations/dev_dataset.jsonl``, whole articles; labels by model-based annotators) is trained
once for the module (3 folds, smaller n-grams: seconds); its out-of-fold predictions are the
calibration data.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("quapy")
pytest.importorskip("sklearn")

from clirun import run  # noqa: E402
from stance.experiments.config import load_config  # noqa: E402
from stance.experiments.experiment import run_experiment  # noqa: E402
from stance.io import InputError  # noqa: E402
from stance.report import build_report, load_records, render  # noqa: E402
from stance.report.estimate import Calibration, FrameEstimator, ShareEstimator  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEV_ALL = ROOT / "annotations" / "dev_dataset.jsonl"
SEEDS = ROOT / "seeds"


N = 450


@pytest.fixture(scope="module")
def dev(tmp_path_factory):
    """The first N development quotes, cut at an article boundary."""
    rows = [json.loads(line) for line in DEV_ALL.open(encoding="utf-8")]
    n = N
    while rows[n]["article_id"] == rows[n - 1]["article_id"]:
        n += 1
    path = tmp_path_factory.mktemp("dev") / "dev_part.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows[:n]),
                    "utf-8")
    return path


@pytest.fixture(scope="module")
def run_dir(dev, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("run")
    cfg = load_config(ROOT / "experiments" / "tfidf.yaml",
                      [f"data.train={dev}", "eval.folds=3", "eval.bootstrap=0",
                       "model.char_ngrams=[2, 4]", "model.min_df=2", "model.inner_folds=2"])
    return run_experiment(cfg, output_dir=tmp / "runs", progress=False)


@pytest.fixture(scope="module")
def scored(run_dir, dev, tmp_path_factory):
    """The development quotes scored by the run (in-sample: for the mechanics)."""
    from stance.experiments.predict import predict_file

    out = tmp_path_factory.mktemp("scored") / "scored.jsonl"
    predict_file(run_dir, dev, out, progress=False)
    return out


def test_run_keeps_out_of_fold_data_with_article_ids_and_error_rates(run_dir, dev):
    preds = [json.loads(line) for line in (run_dir / "predictions.jsonl").open(encoding="utf-8")]
    rows = [json.loads(line) for line in dev.open(encoding="utf-8")]
    assert [p["id"] for p in preds] == [d["quote_id"] for d in rows]
    assert [p["article_id"] for p in preds] == [d["article_id"] for d in rows]
    cal = json.loads((run_dir / "calibration.json").read_text("utf-8"))
    assert cal["source"] == "out-of-fold predictions" and cal["grouped_by"] == "article_id"
    c = Calibration.from_run(run_dir)
    assert len(c) == len(rows) and len(set(c.groups)) == len({d["article_id"] for d in rows})
    for f, r in c.error_rates().items():
        assert r["tpr"] == cal["error_rates"][f]["tpr"]
        assert r["fpr"] == cal["error_rates"][f]["fpr"]
        assert r["tpr"] > 2 * r["fpr"]  # a real classifier, not chance


def test_predict_names_the_run_directory(run_dir, scored):
    first = json.loads(scored.open(encoding="utf-8").readline())
    assert first["run"] == run_dir.name and first["run_dir"] == str(run_dir.resolve())


@pytest.mark.parametrize("name", ["pcc", "acc"])
def test_estimators_recover_the_share_on_their_own_calibration_data(run_dir, name):
    # PCC (Platt scaling is fitted by maximum likelihood with an intercept) and ACC (the
    # error rates are measured on these quotes) reproduce the annotators' share of the data
    # they were fitted on; classify and count does not (the model over-predicts frames).
    c = Calibration.from_run(run_dir)
    rng = np.random.default_rng(0)
    for j, f in enumerate(c.labels):
        fe = FrameEstimator(name, c.scores[:, j], c.decisions[:, j], c.gold[:, j], c.groups,
                            bootstrap=20)
        share, low, high = fe.estimate(c.scores[:, j], c.decisions[:, j], rng)
        assert share == pytest.approx(c.gold[:, j].mean(), abs=0.003), f
        assert low <= c.gold[:, j].mean() <= high
    cc = [abs(c.decisions[:, j].mean() - c.gold[:, j].mean()) for j in range(len(c.labels))]
    assert max(cc) > 0.01


def test_report_on_scored_quotes_states_estimator_and_run_error(run_dir, scored):
    records, kind, info = load_records(scored)
    est = ShareEstimator(Calibration.from_run(run_dir), "pcc", bootstrap=30)
    rep = build_report(records, kind=kind, info=info, by="country", min_quotes=30,
                       estimator=est)
    assert rep.estimator == "pcc" and rep.calibration["run"] == run_dir.name
    for g in rep.groups:
        for fs in g.frames.values():
            assert 0 <= fs.low <= fs.share <= fs.high <= 1
            assert fs.high - fs.low > 0.01  # the classifier's error widens every interval
    text = render(rep, "table")
    assert "MODEL ESTIMATES" in text and "pcc = probabilistic classify and count" in text
    assert f"Run {run_dir.name}: measured error on its {len(est.calibration)} out-of-fold" in text
    assert "terrorism tpr" in text and "dates 2018-" in text


def test_cli_finds_the_run_and_falls_back_without_it(scored, tmp_path, capsys):
    code, out, err = run(capsys, "report", scored, "--by", "country", "--min-quotes", "30",
                         "--bootstrap", "20", "--no-examples")
    assert code == 0 and "pcc = probabilistic classify and count" in out
    moved = tmp_path / "scored.jsonl"
    with moved.open("w", encoding="utf-8") as fh:
        for line in scored.open(encoding="utf-8"):
            rec = json.loads(line)
            rec["run_dir"] = str(tmp_path / "gone")
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    code, out, err = run(capsys, "report", moved, "--min-quotes", "60", "--no-examples")
    assert code == 0 and "not found (pass --run RUN)" in err
    assert "the model's labels counted, with a Wilson interval" in out
    code, out, err = run(capsys, "report", moved, "--estimator", "acc")
    assert code == 2 and out == ""
    assert err.strip().splitlines()[-1].startswith("stance: error: ")
    assert "pass the run with --run RUN" in err.strip().splitlines()[-1]


def test_fidelity_check_on_the_runs_out_of_fold_predictions(run_dir, dev, tmp_path, capsys):
    out_json = tmp_path / "fidelity.json"
    code, out, err = run(capsys, "report", run_dir, "--check", dev, "--by", "country",
                         "--min-quotes", "20", "--bootstrap", "20", "-o", out_json,
                         "--plots", tmp_path / "plots")
    assert code == 0, err
    assert "checked quotes are in the run's calibration data" in err
    fid = json.loads(out_json.read_text("utf-8"))
    rows = [json.loads(line) for line in dev.open(encoding="utf-8")]
    syr = [d for d in rows if d["actor_country"] == "SYR"]
    cell = next(c for c in fid["cells"] if c["key"] == "SYR" and c["frame"] == "terrorism")
    assert cell["n_quotes"] == len(syr)
    assert cell["annotators"] == pytest.approx(
        sum("terrorism" in d["frames"] for d in syr) / len(syr))
    s = fid["summary"]
    assert s["groups"] >= 3 and s["cells"] == 4 * s["groups"]
    assert 0 < s["mean_error"] < 0.15 and s["max_error"] >= s["mean_error"]
    assert 0.5 <= s["coverage"] <= 1
    png = (tmp_path / "plots" / "fidelity.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 20_000


def test_fidelity_check_of_scored_quotes_as_a_table(scored, dev, tmp_path, capsys):
    code, out, err = run(capsys, "report", scored, "--check", dev, "--by", "country",
                         "--min-quotes", "50", "--bootstrap", "20")
    assert code == 0, err
    n = sum(1 for _ in dev.open(encoding="utf-8"))
    assert "Fidelity check — by country" in out and f"matched by quote_id: {n} scored" in out
    assert "Share error: mean" in out and "coverage" in out


def test_fidelity_check_bad_inputs_are_one_line_exit_2(scored, tmp_path, capsys):
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({"quote_id": "x1", "article_id": "nowhere", "actor": "أحد",
                                 "frames": []}, ensure_ascii=False) + "\n", "utf-8")
    for labeled, message in ((other, "no quote_id or article_id in common"),
                             (scored, "not a labeled dataset: its records have no 'frames'")):
        code, out, err = run(capsys, "report", scored, "--check", labeled,
                             "-o", tmp_path / "f.md")
        assert code == 2 and out == "" and message in err, err
        assert len(err.strip().splitlines()) == 2  # the record count, then the error
        assert err.strip().splitlines()[-1].startswith("stance: error: ")
        assert not (tmp_path / "f.md").exists()


def test_by_period_with_rfc2822_dates_and_undated_articles(scored, tmp_path, capsys):
    # the development quotes carry RFC 2822 dates ("Tue, 05 Jun 2018 14:21:30 GMT");
    # two articles lose theirs
    arts = list(dict.fromkeys(json.loads(line)["article_id"] for line in scored.open()))
    undated = set(arts[:2])
    part = tmp_path / "part.jsonl"
    n_undated = 0
    with part.open("w", encoding="utf-8") as fh:
        for line in scored.open(encoding="utf-8"):
            rec = json.loads(line)
            if rec["article_id"] in undated:
                rec["date"] = None
                n_undated += 1
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    assert n_undated
    code, out, err = run(capsys, "report", part, "--by", "country", "--min-quotes", "50",
                         "--by-period", "quarter", "--estimator", "count", "--no-examples")
    assert code == 0, err
    assert "Frame shares per quarter" in out and "2018-Q2" in out
    assert f"Undated: {n_undated} quotes in 2 articles (" in out
    assert all(a in out for a in undated)
    records, kind, info = load_records(part)
    rep = build_report(records, kind=kind, info=info, by="country", min_quotes=50,
                       by_period="quarter")
    for g in rep.groups:
        assert sum(t["n"] for t in g.trend) == g.n_dated
        for t in g.trend:
            for share, low, high in t["frames"].values():
                assert low <= share <= high


def test_header_without_dates_says_so(tmp_path, capsys):
    quotes = tmp_path / "quotes.jsonl"
    assert run(capsys, "extract", SEEDS, "-o", quotes)[0] == 0
    recs = [dict(json.loads(line), frames=[]) for line in quotes.open(encoding="utf-8")]
    text = render(build_report(recs), "table")
    assert "no dated quotes" in text and "dates no dates" not in text


def test_bad_run_for_calibration(tmp_path):
    with pytest.raises(InputError, match="no predictions.jsonl"):
        Calibration.from_run(tmp_path)


def test_empty_actor_from_annotations_build_counts_as_unattributed(tmp_path):
    # 'stance annotations build' of the bundled dev + pool export writes actor "" for the
    # 18 pool quotes the extractor could not attribute
    rows = [{"quote_id": "a", "actor": "", "actor_country": None, "frames": []},
            {"quote_id": "b", "actor": "سيرغي لافروف", "actor_country": "RUS",
             "frames": ["mediation"]}]
    path = tmp_path / "data.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    records, kind, info = load_records(path)
    assert len(records) == 1 and info["skipped"] == {"no actor (unattributed quote)": 1}
