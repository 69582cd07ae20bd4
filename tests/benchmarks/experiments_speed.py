"""Speed of the experiment code, measured in one run on this machine.

1. TF-IDF: wall time of the grouped 5-fold cross-validation of experiments/tfidf.yaml on its
   data (the 2,992 development + pool quotes; every fold fits word + char n-grams, tunes
   thresholds by an inner grouped CV and predicts), per 1,000 quotes and against a plain
   scikit-learn OneVsRest LogisticRegression on the same n-grams and the same folds (timed
   fold by fold, alternating, so both see the same load), and of the whole `stance train`
   run (bootstrap CIs, final model, plots). The load average is printed before and after:
   absolute seconds on a shared machine mean little, the ratios are the figures to compare.
2. BERT inference: quotes per second of `stance predict`'s path (tokenize once, sort by
   length, pad per batch) against a naive loop calling a `transformers.pipeline` on one quote
   at a time, same model, same quotes; the two outputs must agree (target >= 3x).

    .venv/bin/python tests/benchmarks/experiments_speed.py [--skip-bert | --bert-run runs/bert-offline-frames-...]

Without --bert-run the newest runs/bert-offline-frames-* is used; without one, the encoder in
models/arabic-bert-tiny (from `stance pretrain`) with a fresh, seeded classification head.
"""

from __future__ import annotations

import argparse
import json
import os
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


def load_line() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min) on {os.cpu_count()} CPU cores"


def plain_pipeline(mcfg: dict, seed: int):
    """The scikit-learn baseline: the same word + char_wb TF-IDF n-grams and a class-weighted
    LogisticRegression per label (OneVsRest), cut at 0.5; no Arabic normalisation, no inner CV
    for thresholds."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.pipeline import FeatureUnion, Pipeline

    return Pipeline([
        ("features", FeatureUnion([
            ("word", TfidfVectorizer(analyzer="word", ngram_range=tuple(mcfg["word_ngrams"]),
                                     token_pattern=r"(?u)\b\w+\b", sublinear_tf=True)),
            ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=tuple(mcfg["char_ngrams"]),
                                     sublinear_tf=True))])),
        ("clf", OneVsRestClassifier(LogisticRegression(
            C=mcfg["C"], class_weight=mcfg["class_weight"], max_iter=2000, random_state=seed)))])


def tfidf_speed():
    """The config's grouped CV folds, each fitted by stance's TF-IDF model and, right after
    on the same fold, by the plain scikit-learn pipeline (so both see the same load); then
    the whole `stance train` run. Figures per 1,000 quotes and as ratios."""
    from sklearn.metrics import f1_score

    from stance.experiments.models import fit_model

    cfg = load_config(ROOT / "experiments/tfidf.yaml")
    data, mcfg, seed = cfg["data"], cfg["model"], cfg["eval"]["seed"]
    print(f"before: {load_line()}")
    ex = load_examples(data["train"], data)
    labels = resolve_labels(ex, data)
    Y = indicator(ex.labels, labels)        # trained on (data.policy)
    G = indicator(ex.eval_labels, labels)   # scored against (data.eval_policy)
    folds = outer_folds(G, cfg["eval"]["folds"], seed, True, ex.groups)
    pred, plain_pred = np.zeros_like(G), np.zeros_like(G)
    stance_s = plain_s = 0.0
    for tr, te in folds:
        tr_texts, te_texts = [ex.texts[i] for i in tr], [ex.texts[i] for i in te]
        t0 = time.perf_counter()
        m = build_model(mcfg, labels, True, seed, progress=False)
        fit_model(m, tr_texts, Y[tr], [ex.groups[i] for i in tr] if ex.groups else None)
        pred[te] = m.decide(m.scores(te_texts))
        stance_s += time.perf_counter() - t0
        t0 = time.perf_counter()
        plain = plain_pipeline(mcfg, seed).fit(tr_texts, Y[tr])
        plain_pred[te] = (plain.predict_proba(te_texts) >= 0.5).astype(int)
        plain_s += time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        run = run_experiment(cfg, output_dir=tmp, progress=False)
        full_s = time.perf_counter() - t0
        metrics = json.loads((run / "metrics.json").read_text("utf-8"))
    n, k = len(ex), len(folds)
    per_k = 1000 / n
    grouped = f"grouped by {data['group_field']}" if ex.groups else "ungrouped"
    print(f"TF-IDF {k}-fold CV ({grouped}) on {n} quotes ({data['train']}):")
    print(f"  stance TF-IDF ({mcfg['threshold']} thresholds, inner {mcfg['inner_folds']}-fold "
          f"CV per fold): {stance_s:6.1f} s = {stance_s * per_k:5.1f} s per 1,000 quotes, "
          f"macro-F1 {f1_score(G, pred, average='macro', zero_division=0):.3f}")
    print(f"  plain scikit-learn OneVsRest LogisticRegression, same n-grams, same folds:   "
          f"{plain_s:6.1f} s = {plain_s * per_k:5.1f} s per 1,000 quotes, "
          f"macro-F1 {f1_score(G, plain_pred, average='macro', zero_division=0):.3f}")
    print(f"  ratio stance / plain: {stance_s / plain_s:.2f}x (stance fits "
          f"{1 + mcfg['inner_folds']}x as many models per fold, the inner CV's included, each "
          "with liblinear's dual solver; the plain pipeline uses LogisticRegression's default "
          "lbfgs)")
    print(f"  whole `stance train experiments/tfidf.yaml` (CV + final model + "
          f"{cfg['eval']['bootstrap']} bootstrap samples + plots + saving): {full_s:.1f} s = "
          f"{full_s * per_k:.1f} s per 1,000 quotes = {full_s / stance_s:.1f}x the CV; "
          f"micro-F1 {metrics['micro_f1']:.3f}, macro-F1 {metrics['macro_f1']:.3f}")
    print(f"after: {load_line()}")
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
    print(f"BERT inference on {len(texts)} quotes (the TF-IDF config's {len(texts) // repeat} quotes x{repeat}), {what}, max_length {max_length}, "
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
    ap.add_argument("--repeat", type=int, default=3, help="score the TF-IDF config's quotes this many times")
    args = ap.parse_args()
    texts = tfidf_speed()
    if not args.skip_bert:
        bert_speed(texts, args.bert_run, args.repeat)


if __name__ == "__main__":
    main()
