"""``stance demo``, the README's main job: the whole chain on real seed articles."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from clirun import run

ROOT = Path(__file__).resolve().parents[1]


def test_demo_runs_the_chain_on_a_seed_article(tmp_path, capsys):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    seed = sorted((ROOT / "seeds").glob("*.txt"))[0]
    (seeds / seed.name).write_text(seed.read_text("utf-8"), "utf-8")
    # the bundled TF-IDF config on the bundled annotations, with 2 folds to keep the test short
    config = yaml.safe_load((ROOT / "experiments" / "tfidf.yaml").read_text("utf-8"))
    config["data"]["train"] = str(ROOT / config["data"]["train"])
    config["eval"].update(folds=2, bootstrap=50)
    config["model"]["threshold"] = 0.5
    (tmp_path / "tfidf.yaml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    out = tmp_path / "out"
    code, stdout, err = run(capsys, "demo", "--seeds", seeds, "--config", tmp_path / "tfidf.yaml", "--out", out)
    assert code == 0, err
    assert "[5/5] per-actor frame report" in err and "done in" in err
    quotes = [json.loads(line) for line in (out / "quotes.jsonl").open(encoding="utf-8")]
    scored = [json.loads(line) for line in (out / "scored.jsonl").open(encoding="utf-8")]
    assert len(quotes) >= 10 and len(scored) == len(quotes)
    assert {q["quote_id"] for q in quotes} == {s["quote_id"] for s in scored}
    assert "بشار الأسد" in {q["actor"] for q in quotes}  # the seed is a Damascus visit
    assert (out / "report.html").stat().st_size > 1000 and list((out / "plots").glob("*.png"))
    assert "بشار الأسد" in stdout  # the per-actor report, printed


def test_demo_defaults_to_the_frozen_ensemble():
    from stance.cli.demo import demo

    default = next(p.default for p in demo.params if p.name == "config")
    assert Path(default) == ROOT / "experiments" / "ensemble-embedding.yaml" and Path(default).exists()


def test_demo_refuses_bad_input_before_writing_anything(tmp_path, capsys):
    out = tmp_path / "out"
    code, _, err = run(capsys, "demo", "--config", tmp_path / "nope.yaml", "--out", out)
    assert code == 2 and "nope.yaml: no such config file" in err and len(err.strip().splitlines()) == 1
    code, _, err = run(capsys, "demo", "--seeds", tmp_path / "no-seeds", "--out", out)
    assert code == 2 and "no-seeds" in err and "Traceback" not in err
    assert not out.exists()  # no partial output: not even the quotes of the seeds
