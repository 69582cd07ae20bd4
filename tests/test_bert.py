"""BERT fine-tuning on a tiny BERT built here (random init, WordPiece trained on Arabic
sentences): it learns an easy task, is deterministic, saves/loads, predicts in batches exactly
like a one-at-a-time pipeline, and says what to do when a model is missing."""

import json
from pathlib import Path

import numpy as np
import pytest
import yaml

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

from stance.cli import main  # noqa: E402
from stance.experiments.bert import BertModel, batched_scores, check_source  # noqa: E402
from stance.experiments.data import indicator  # noqa: E402
from stance.experiments.models import load_model  # noqa: E402
from stance.experiments.pretrain import train_tokenizer  # noqa: E402
from stance.io import InputError  # noqa: E402

LABELS = ["terrorism", "mediation"]
SPEAKERS = ["قال الوزير", "أكد الرئيس", "أعلن المتحدث", "شدد السفير", "أوضح المسؤول",
            "اعتبر النائب", "رأى القائد", "ذكر البيان"]
TERROR = ["إن مكافحة الإرهاب أولوية", "إن الإرهابيين يهددون المنطقة", "إن داعش خطر على الجميع",
          "إن التصدي للإرهاب واجب"]
MEDIATE = ["إن الحوار هو الحل", "إن المصالحة ممكنة بالتشاور", "إن التهدئة ضرورية الآن",
           "إن الحلول السلمية أفضل"]


def held_out(n):
    """The last two speakers' quotes are the test items (their cue phrases are seen with
    other speakers in training)."""
    return [i for i in range(n) if i >= n - 16], [i for i in range(n) if i < n - 16]


def task():
    texts, labels = [], []
    for s in SPEAKERS:
        for t, m in zip(TERROR, MEDIATE):
            texts += [f"{s} {t}", f"{s} {m}"]
            labels += [["terrorism"], ["mediation"]]
    return texts, indicator(labels, LABELS)


@pytest.fixture(scope="module")
def tiny_bert(tmp_path_factory):
    """A random-init 2-layer BERT with a WordPiece vocabulary trained on Arabic sentences."""
    from transformers import BertConfig, BertForMaskedLM

    texts, _ = task()
    tok = train_tokenizer(texts * 3 + ["الوضع في المنطقة معقد", "الاجتماع المقبل في بغداد"],
                          vocab_size=300, min_frequency=1, model_max_length=64)
    torch.manual_seed(0)
    cfg = BertConfig(vocab_size=len(tok), hidden_size=32, num_hidden_layers=2,
                     num_attention_heads=2, intermediate_size=64, max_position_embeddings=64,
                     pad_token_id=tok.pad_token_id)
    path = tmp_path_factory.mktemp("tiny-bert")
    BertForMaskedLM(cfg).save_pretrained(path)
    tok.save_pretrained(path)
    return path


def params(path, **kw):
    p = {"model": str(path), "max_length": 32, "batch_size": 8, "eval_batch_size": 16,
         "epochs": 12, "lr": 3e-3, "warmup": 0.0, "weight_decay": 0.0, "grad_accum": 1,
         "early_stopping": 0, "val_fraction": 0.2, "threshold": "tune", "device": "cpu",
         "precision": "fp32"}
    p.update(kw)
    return p


@pytest.fixture(scope="module")
def fitted(tiny_bert):
    texts, Y = task()
    _, train = held_out(len(texts))
    model = BertModel(params(tiny_bert), LABELS, True, seed=3, progress=False)
    model.fit([texts[i] for i in train], Y[train])
    return model


def test_tiny_bert_learns_a_separable_task(fitted):
    texts, Y = task()
    test, _ = held_out(len(texts))
    scores = fitted.scores([texts[i] for i in test])
    pred = fitted.decide(scores)
    acc = (pred == Y[test]).all(1).mean()
    assert acc >= 0.85, (acc, scores)  # chance for the exact label set is far lower
    assert fitted.model_.config.problem_type == "multi_label_classification"
    assert fitted.thresholds.shape == (2,)


def test_same_seed_same_model(tiny_bert, fitted):
    texts, Y = task()
    _, train = held_out(len(texts))
    again = BertModel(params(tiny_bert), LABELS, True, seed=3, progress=False)
    again.fit([texts[i] for i in train], Y[train])
    np.testing.assert_allclose(again.scores(texts), fitted.scores(texts), atol=1e-6)
    np.testing.assert_allclose(again.thresholds, fitted.thresholds)


def test_model_seed_overrides_the_run_seed(tiny_bert, fitted):
    # model.seed: one encoder under several seeds in one ensemble, on the run's folds
    texts, Y = task()
    _, train = held_out(len(texts))
    same = BertModel({**params(tiny_bert), "seed": 3}, LABELS, True, seed=99, progress=False)
    same.fit([texts[i] for i in train], Y[train])
    np.testing.assert_allclose(same.scores(texts), fitted.scores(texts), atol=1e-6)
    other = BertModel({**params(tiny_bert), "seed": 4}, LABELS, True, seed=3, progress=False)
    other.fit([texts[i] for i in train], Y[train])
    assert not np.allclose(other.scores(texts), fitted.scores(texts), atol=1e-4)


def test_save_and_load_round_trip(fitted, tmp_path):
    texts, _ = task()
    fitted.save(tmp_path / "model")
    assert (tmp_path / "model/model.safetensors").exists()
    assert (tmp_path / "model/tokenizer.json").exists()
    loaded = load_model(tmp_path / "model")
    np.testing.assert_allclose(loaded.scores(texts), fitted.scores(texts), atol=1e-5)
    np.testing.assert_allclose(loaded.thresholds, fitted.thresholds)
    assert loaded.model_.config.id2label == {0: "terrorism", 1: "mediation"}


@pytest.mark.parametrize("damage", ["truncated weights", "missing weights", "broken config.json",
                                    "missing config.json", "broken tokenizer.json"])
def test_predict_with_a_damaged_bert_run_names_the_run_and_file(fitted, damage, tmp_path, capsys):
    """A BERT run whose safetensors or config.json is truncated or missing: one line naming the
    run and the file, exit 2, no output file (was a SafetensorError/OSError traceback)."""
    run_dir = tmp_path / "runs/bert-offline-frames-20261204-152446"
    fitted.save(run_dir / "model")
    (run_dir / "run.json").write_text(json.dumps({"id": run_dir.name}), "utf-8")
    for name in ("config.yaml", "metrics.json", "predictions.jsonl"):
        (run_dir / name).write_text("{}\n", "utf-8")
    name = damage.split()[1].replace("weights", "model.safetensors")
    target = run_dir / "model" / name
    if damage.startswith("missing"):
        target.unlink()
    else:
        target.write_bytes(target.read_bytes()[:200])
    inp = tmp_path / "quotes.jsonl"
    inp.write_text(json.dumps({"text": MEDIATE[0]}, ensure_ascii=False) + "\n", "utf-8")
    out = tmp_path / "scored.jsonl"
    capsys.readouterr()
    with pytest.raises(SystemExit) as exc:
        main(["predict", str(run_dir), str(inp), "-o", str(out), "--quiet"])
    err = capsys.readouterr().err
    assert exc.value.code == 2, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert err.startswith(f"stance: error: {target}: damaged run {run_dir}"), err
    assert not out.exists()


def test_batched_length_sorted_scores_match_one_at_a_time_pipeline(fitted):
    texts, _ = task()
    texts = texts[:10] + ["قال", "أكد الرئيس إن مكافحة الإرهاب أولوية والحوار هو الحل معا"]
    batched = batched_scores(fitted.model_, fitted.tokenizer_, texts, max_length=32,
                             batch_size=4, multi_label=True)
    pipe = transformers.pipeline("text-classification", model=fitted.model_,
                                 tokenizer=fitted.tokenizer_, device="cpu", top_k=None,
                                 function_to_apply="sigmoid")
    for text, row in zip(texts, batched):
        res = pipe(text, truncation=True, max_length=32)
        res = res[0] if res and isinstance(res[0], list) else res
        out = {d["label"]: d["score"] for d in res}
        np.testing.assert_allclose([out[l] for l in LABELS], row, atol=1e-5)


def test_single_label_head(tiny_bert):
    texts, Y = task()
    test, train = held_out(len(texts))
    model = BertModel(params(tiny_bert, epochs=8), LABELS, False, seed=1, progress=False)
    model.fit([texts[i] for i in train], Y[train])
    assert model.model_.config.problem_type == "single_label_classification"
    s = model.scores([texts[i] for i in test])
    np.testing.assert_allclose(s.sum(1), 1.0, atol=1e-5)
    pred = model.decide(s)
    assert (pred.sum(1) == 1).all() and (pred == Y[test]).all(1).mean() >= 0.85


def test_missing_local_model_points_to_pretrain(tmp_path):
    with pytest.raises(InputError) as err:
        check_source("models/no-such-bert")
    msg = str(err.value)
    assert "stance pretrain" in msg and "--out models/no-such-bert" in msg
    assert err.value.field == "model.model"
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="config.json"):
        check_source(str(tmp_path / "empty"))


def test_unreachable_hub_says_so(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(InputError) as err:
        check_source("example-org/bert-that-is-not-cached")
    msg = str(err.value)
    assert "hub" in msg and "HF_HUB_OFFLINE" in msg
    assert "stance pretrain" in msg and "local" in msg


def test_train_and_predict_cli_with_bert(tiny_bert, tmp_path, capsys):
    texts, Y = task()
    data = tmp_path / "frames.jsonl"
    with data.open("w", encoding="utf-8") as fh:
        for i, (t, y) in enumerate(zip(texts, Y)):
            fh.write(json.dumps({"quote_id": f"q{i}", "text": t,
                                 "frames": [l for l, v in zip(LABELS, y) if v]},
                                ensure_ascii=False) + "\n")
    cfg = tmp_path / "bert.yaml"
    cfg.write_text(yaml.safe_dump({
        "name": "tiny-bert",
        "data": {"train": str(data), "label_field": "frames", "labels": LABELS},
        "eval": {"folds": 2, "seed": 7, "bootstrap": 50},
        "model": {"type": "bert", **params(tiny_bert, epochs=6)}}, allow_unicode=True), "utf-8")
    main(["train", str(cfg), "--output-dir", str(tmp_path / "runs"), "--quiet"])
    run_dir = Path(capsys.readouterr().out.splitlines()[0].strip())
    for name in ("model/config.json", "model/model.safetensors", "model/stance_model.json",
                 "metrics.json", "predictions.jsonl", "plots/pr_curves.png"):
        assert (run_dir / name).exists(), name
    m = json.loads((run_dir / "metrics.json").read_text("utf-8"))
    assert m["mode"] == "cv" and m["n"] == len(texts) and len(m["folds"]) == 2
    out = tmp_path / "scored.jsonl"
    main(["predict", str(run_dir), str(data), "-o", str(out), "--quiet", "--batch-size", "5"])
    rows = [json.loads(l) for l in out.open(encoding="utf-8")]
    assert [r["quote_id"] for r in rows] == [f"q{i}" for i in range(len(texts))]
    assert all(set(r["pred_scores"]) == set(LABELS) and r["run"] == run_dir.name for r in rows)


def test_torchrun_two_processes_write_one_run(tiny_bert, tmp_path):
    """The same config under `torchrun --nproc_per_node 2` (DDP on CPU, gloo): training is
    distributed by the Trainer and only rank 0 writes the run directory."""
    import os
    import shutil
    import subprocess
    import sys

    torchrun = shutil.which("torchrun", path=os.path.dirname(sys.executable))
    if torchrun is None:
        pytest.skip("torchrun not installed")
    texts, Y = task()
    data = tmp_path / "frames.jsonl"
    data.write_text("".join(json.dumps({"quote_id": f"q{i}", "text": t, "frames":
                                        [l for l, v in zip(LABELS, y) if v]},
                                       ensure_ascii=False) + "\n"
                            for i, (t, y) in enumerate(zip(texts, Y))), "utf-8")
    cfg = tmp_path / "ddp.yaml"
    cfg.write_text(yaml.safe_dump({
        "name": "ddp", "data": {"train": str(data), "label_field": "frames", "labels": LABELS},
        "eval": {"folds": 2, "seed": 7, "bootstrap": 50},
        "model": {"type": "bert", **params(tiny_bert, epochs=3)}}, allow_unicode=True), "utf-8")
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    proc = subprocess.run([torchrun, "--standalone", "--nproc_per_node", "2", "-m",
                           "stance", "train", str(cfg), "--output-dir", str(tmp_path / "runs"),
                           "--quiet"], capture_output=True, text=True, env=env, timeout=240,
                          cwd=Path(__file__).resolve().parents[1])
    assert proc.returncode == 0, proc.stderr[-2000:]
    made = list((tmp_path / "runs").iterdir())
    assert len(made) == 1 and made[0].name.startswith("ddp-"), made
    m = json.loads((made[0] / "metrics.json").read_text("utf-8"))
    assert m["n"] == len(texts) and len(m["folds"]) == 2
    assert proc.stdout.count("micro-F1") == 1  # one summary: rank 1 prints nothing


def test_length_grouped_batches_keep_the_validation_metric_honest(tiny_bert):
    """With group_by_length the Trainer also reorders the validation items; the micro-AP that
    picks the best epoch must still pair each prediction with its own gold labels: it equals
    the AP of the final model's scores on the validation split."""
    from sklearn.metrics import average_precision_score

    from stance.experiments.bert import _inner_split

    texts, Y = task()
    _, train = held_out(len(texts))
    texts, Y = [texts[i] for i in train], Y[train]
    model = BertModel(params(tiny_bert, epochs=1, group_by_length=True, val_fraction=0.4),
                      LABELS, True, seed=3, progress=False).fit(texts, Y)
    _, va = _inner_split(Y, 0.4, 3, True)
    logged = [h["eval_micro_ap"] for h in model.log_history_ if "eval_micro_ap" in h]
    direct = average_precision_score(Y[va], model.scores([texts[i] for i in va]), average="micro")
    # (the Trainer's evaluation batches pad differently from ``scores``: float differences can
    # reorder near-tied scores and move the AP by ~0.002, as a fresh-clone run once showed;
    # pairing the scores with the length-sorted labels instead moves it by ~0.06)
    assert logged and logged[-1] == pytest.approx(direct, abs=5e-3)
