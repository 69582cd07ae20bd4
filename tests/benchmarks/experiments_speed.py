"""Speed of the experiment code, measured in one run on this machine.

1. TF-IDF: wall time of the 5-fold cross-validation of experiments/tfidf.yaml on the
   development annotations (every fold fits word + char n-grams, tunes thresholds by an inner
   3-fold CV and predicts; target < 10 s), and of the whole `stance train` run (bootstrap CIs,
   final model, plots).
2. BERT inference: quotes per second of `stance predict`'s path (tokenize once, sort by
   length, pad per batch) against a naive loop calling a `transformers.pipeline` on one quote
   at a time, same model, same quotes; the two outputs must agree (target >= 3x).

    .venv/bin/python tests/benchmarks/experiments_speed.py [--bert-run runs/bert-offline-frames-...]

Without --bert-run the newest runs/bert-offline-frames-* is used; without one, the encoder in
models/arabic-bert-tiny (from `stance pretrain`) with a fresh, seeded classification head.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from stance.experiments.config import load_config  # noqa: E402
from stance.experiments.data import indicator, load_examples, resolve_labels  # noqa: E402
from stance.experiments.experiment import outer_folds, run_experiment  # noqa: E402
from stance.experiments.models import build_model, load_model  # noqa: E402


def tfidf_speed():
    cfg = load_config(ROOT / "experiments/tfidf.yaml")
    data = cfg["data"]
    t0 = time.perf_counter()
    ex = load_examples(data["train"], data)
    labels = resolve_labels(ex, data)
    Y = indicator(ex.labels, labels)
    pred = np.zeros_like(Y)
    for tr, te in outer_folds(Y, cfg["eval"]["folds"], cfg["eval"]["seed"], True):
        m = build_model(cfg["model"], labels, True, cfg["eval"]["seed"], progress=False)
        m.fit([ex.texts[i] for i in tr], Y[tr])
        pred[te] = m.decide(m.scores([ex.texts[i] for i in te]))
    cv_s = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        run = run_experiment(cfg, output_dir=tmp, progress=False)
        full_s = time.perf_counter() - t0
        metrics = json.loads((run / "metrics.json").read_text("utf-8"))
    print(f"TF-IDF {cfg['eval']['folds']}-fold CV on {len(ex)} quotes ({data['train']}): "
          f"{cv_s:.1f} s  (target < 10 s: {'met' if cv_s < 10 else 'NOT met'})")
    print(f"  whole `stance train experiments/tfidf.yaml` (+ final model, {cfg['eval']['bootstrap']} "
          f"bootstrap samples, plots): {full_s:.1f} s; micro-F1 {metrics['micro_f1']:.3f}")
    return ex.texts


def bert_model(run_arg):
    """(model adapter, description): a fine-tuned run's model or pretrained encoder + new head."""
    if run_arg:
        run = Path(run_arg)
    else:
        found = sorted((ROOT / "runs").glob("bert-offline-frames-*"))
        run = found[-1] if found else None
    if run is not None and (run / "model").is_dir():
        return load_model(run / "model"), f"fine-tuned run {run.name}"
    encoder = ROOT / "models/arabic-bert-tiny"
    if not (encoder / "config.json").exists():
        sys.exit("no BERT run and no models/arabic-bert-tiny: run `stance pretrain` first "
                 "(see experiments/bert-offline.yaml)")
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    from stance.experiments.bert import BertModel, quiet_transformers
    from stance.frames import FRAME_KEYS

    quiet_transformers()
    torch.manual_seed(0)
    m = BertModel({"model": str(encoder), "max_length": 128, "eval_batch_size": 64},
                  list(FRAME_KEYS), True, progress=False)
    m.tokenizer_ = AutoTokenizer.from_pretrained(encoder)
    m.model_ = AutoModelForSequenceClassification.from_pretrained(
        encoder, num_labels=4, problem_type="multi_label_classification").eval()
    m.thresholds = np.full(4, 0.5)
    return m, f"{encoder.relative_to(ROOT)} + a fresh seeded head"


def bert_speed(texts, run_arg, repeat=3):
    import torch
    from transformers import pipeline

    from stance.experiments.predict import predict_file

    texts = list(texts) * repeat  # a few seconds of work for steadier timings
    model, what = bert_model(run_arg)
    max_length = model.params.get("max_length", 128)
    print(f"BERT inference on {len(texts)} quotes (the dev quotes x{repeat}), {what}, max_length {max_length}, "
          f"{torch.get_num_threads()} torch threads")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        # a run directory around the model so the measured path is predict_file itself
        run = tmp / "bench-run"
        model.save(run / "model")
        for name, body in (("run.json", {"id": "bench-run"}), ("metrics.json", {}),
                           ("config.yaml", "name: bench\n"), ("predictions.jsonl", "")):
            (run / name).write_text(body if isinstance(body, str) else json.dumps(body), "utf-8")
        inp = tmp / "quotes.jsonl"
        inp.write_text("".join(json.dumps({"quote_id": i, "text": t}, ensure_ascii=False) + "\n"
                               for i, t in enumerate(texts)), "utf-8")
        out = tmp / "scored.jsonl"
        predict_file(run, inp, out, progress=False)  # warm-up (loading, first allocations)
        t0 = time.perf_counter()
        predict_file(run, inp, out, progress=False)
        fast_s = time.perf_counter() - t0
        rows = [json.loads(l) for l in out.open(encoding="utf-8")]
    labels = model.labels
    fast = np.array([[r["pred_scores"][l] for l in labels] for r in rows])

    pipe = pipeline("text-classification", model=model.model_, tokenizer=model.tokenizer_,
                    device="cpu", top_k=None,
                    function_to_apply="sigmoid" if model.multi_label else "softmax")
    pipe(texts[0], truncation=True, max_length=max_length)  # warm-up
    naive = np.zeros_like(fast)
    t0 = time.perf_counter()
    for i, t in enumerate(texts):
        res = pipe(t, truncation=True, max_length=max_length)
        res = res[0] if res and isinstance(res[0], list) else res
        got = {d["label"]: d["score"] for d in res}
        naive[i] = [got[l] for l in labels]
    naive_s = time.perf_counter() - t0
    diff = float(np.abs(fast - naive).max())
    same_labels = bool((model.decide(fast) == model.decide(naive)).all())
    ratio = naive_s / fast_s
    print(f"  stance predict (batched, length-sorted): {len(texts) / fast_s:7.1f} quotes/s "
          f"({fast_s:.1f} s, JSON in/out included)")
    print(f"  pipeline, one quote at a time:           {len(texts) / naive_s:7.1f} quotes/s "
          f"({naive_s:.1f} s)")
    print(f"  speed-up {ratio:.1f}x (target >= 3x: {'met' if ratio >= 3 else 'NOT met'}); "
          f"outputs identical: max |score difference| {diff:.1e}, same labels: {same_labels}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bert-run", help="a finished BERT run directory")
    ap.add_argument("--skip-bert", action="store_true")
    ap.add_argument("--repeat", type=int, default=3, help="score the dev quotes this many times")
    args = ap.parse_args()
    texts = tfidf_speed()
    if not args.skip_bert:
        bert_speed(texts, args.bert_run, args.repeat)


if __name__ == "__main__":
    main()
