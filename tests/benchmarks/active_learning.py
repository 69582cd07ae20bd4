"""Does uncertainty sampling beat random sampling for labelling frames here? A simulation.

On the bundled development + pool annotations (experiments/tfidf.yaml's data: policy, gold
and article groups), one grouped fold of the articles (a fifth) is held out as the test set and
never labelled. Each simulated project starts from ``--start`` random quotes of the other
articles, then adds ``--batch`` quotes per round, chosen either at random or by uncertainty —
the quotes whose least certain frame probability is nearest 0.5, ``min |p - 0.5|``, the rule of
``stance ls push --strategy uncertainty`` — and retrains. The model is the TF-IDF baseline's
features (word 1-2 + char 2-5 n-grams; the vectorizer is fitted once on all texts, which needs
no labels) with one balanced logistic regression per frame and the 0.5 cut-off, so that every
round costs a second. Macro-F1 on the held-out articles after each round, mean and spread over
``--seeds`` repetitions (different start sets and tie-breaks; same test fold), is printed for
both strategies, with the paired difference per round — and the macro average precision, which
needs no cut-off: uncertainty sampling also balances the labelled set, which by itself moves
probabilities across a fixed 0.5 cut-off, so the threshold-free figure says whether the
ranking itself learned more.

    .venv/bin/python tests/benchmarks/active_learning.py              # 5 seeds, ~1-3 min
    .venv/bin/python tests/benchmarks/active_learning.py --seeds 3 --rounds 6 --json out.json

No `small-text`: the loop is twenty lines over scikit-learn, and the library (with its own
torch/transformers integration) would add weight for nothing this simulation needs.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sklearn.metrics import average_precision_score  # noqa: E402

from stance.experiments.config import load_config  # noqa: E402
from stance.experiments.data import indicator, load_examples, resolve_labels  # noqa: E402
from stance.experiments.evaluate import score  # noqa: E402
from stance.experiments.folds import split  # noqa: E402
from stance.experiments.tfidf import PerLabelLogistic, TfidfClassifier  # noqa: E402


def features(texts, mcfg):
    est = TfidfClassifier(**{k: v for k, v in mcfg.items()
                             if k in TfidfClassifier().get_params() and k != "random_state"})
    return est._pipeline(True).named_steps["features"].fit_transform(texts).tocsr()


def simulate(X, Y, G, pool, test, labels, strategy, seed, start, batch, rounds, C):
    rng = np.random.default_rng(seed)
    labelled = list(rng.choice(pool, size=start, replace=False))
    rest = np.setdiff1d(pool, labelled)
    curve = []
    for r in range(rounds + 1):
        clf = PerLabelLogistic(C=C, random_state=seed).fit(X[labelled], Y[labelled])
        proba = clf.predict_proba(X[test])
        pred = (proba >= 0.5).astype(int)
        ap = average_precision_score(G[test], proba, average="macro")
        curve.append((len(labelled), score(G[test], pred, labels, samples=0)["macro_f1"], ap))
        if r == rounds or not len(rest):
            break
        if strategy == "uncertainty":
            margin = np.abs(clf.predict_proba(X[rest]) - 0.5).min(axis=1)
            order = np.lexsort((rng.random(len(rest)), margin))  # ties broken at random
            pick = rest[order[:batch]]
        else:
            pick = rng.choice(rest, size=min(batch, len(rest)), replace=False)
        labelled += list(pick)
        rest = np.setdiff1d(rest, pick)
    return curve


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--config", default=str(ROOT / "experiments" / "tfidf.yaml"))
    ap.add_argument("--seeds", type=int, default=5)
    ap.add_argument("--start", type=int, default=300)
    ap.add_argument("--batch", type=int, default=150)
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--json", metavar="FILE", help="also write the curves as JSON")
    args = ap.parse_args(argv)

    cfg = load_config(args.config)
    data, mcfg = cfg["data"], cfg["model"]
    ex = load_examples(data["train"], data)
    labels = resolve_labels(ex, data)
    Y, G = indicator(ex.labels, labels), indicator(ex.eval_labels, labels)
    t0 = time.perf_counter()
    X = features(ex.texts, mcfg)
    pool, test = split(G, 5, cfg["eval"]["seed"], ex.groups)[0]
    print(f"{len(ex)} quotes ({data['train']}, policy {data['policy']}, scored against "
          f"{data['eval_policy'] or data['policy']}); held out: {len(test)} quotes of "
          f"{len({ex.groups[i] for i in test})} articles; start {args.start}, +{args.batch} per "
          f"round, {args.rounds} rounds, {args.seeds} seeds", flush=True)
    curves = {s: [] for s in ("random", "uncertainty")}
    for seed in range(args.seeds):
        for strategy in curves:
            curves[strategy].append(simulate(X, Y, G, pool, test, labels, strategy, seed,
                                             args.start, args.batch, args.rounds, mcfg["C"]))
        print(f"  seed {seed} done ({time.perf_counter() - t0:.0f} s)", file=sys.stderr, flush=True)
    sizes = [c[0] for c in curves["random"][0]]
    out = {"sizes": sizes}
    for k, metric in ((1, "macro-F1 at the 0.5 cut-off"), (2, "macro average precision (no cut-off)")):
        f1 = {s: np.array([[c[k] for c in run] for run in cs]) for s, cs in curves.items()}
        out[metric] = {s: f.tolist() for s, f in f1.items()}
        diff = f1["uncertainty"] - f1["random"]
        print(f"\n{metric}: mean ± sd over seeds; paired difference [min, max]; seeds won")
        print(f"{'labelled':>9} {'random':>15} {'uncertainty':>15} {'unc. - random':>22} {'wins':>5}")
        for r, n in enumerate(sizes):
            d = diff[:, r]
            print(f"{n:>9} {f1['random'][:, r].mean():.3f} ± {f1['random'][:, r].std():.3f} "
                  f"{f1['uncertainty'][:, r].mean():>7.3f} ± {f1['uncertainty'][:, r].std():.3f} "
                  f"{d.mean():+10.3f} [{d.min():+.3f}, {d.max():+.3f}] {int((d > 0).sum()):>3}/{len(d)}")
        area = diff[:, 1:].mean(axis=1)
        print(f"mean difference over rounds 1-{args.rounds} (uncertainty - random): "
              f"{area.mean():+.3f} (per seed {', '.join(f'{a:+.3f}' for a in area)})")
    print(f"\n{time.perf_counter() - t0:.0f} s")
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
