"""Compare two finished runs on the same items: a table and a paired significance test.

The runs' ``predictions.jsonl`` must cover the same items (same ids and texts, the same gold
labels and the same label set): out-of-fold predictions of two CV runs on one dataset, or two
runs on one test file. Otherwise :class:`~stance.io.InputError` says what differs.

The difference B - A in micro-/macro-F1 gets a paired bootstrap (the same resampled items for
both runs) with a 95 % CI and a p-value; each label gets its F1 difference with a CI and an
exact McNemar test on item-level correctness.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from stance.experiments.evaluate import mcnemar, paired_bootstrap
from stance.experiments.runs import check_same_items, predictions_by_id, read_run
from stance.io import InputError


def compare_runs(run_a: str | Path, run_b: str | Path, *, samples: int = 1000,
                 seed: int = 0) -> dict:
    a, b = read_run(run_a), read_run(run_b)
    labels = a["labels"]
    if list(b["labels"]) != list(labels):
        raise InputError(f"the runs have different label sets ({', '.join(labels)} vs "
                         f"{', '.join(b['labels'])})", run_b)
    pa, pb = predictions_by_id(a["path"]), predictions_by_id(b["path"])
    check_same_items(pa, pb, run_b)
    ids = list(pa)

    def matrix(preds, key):
        pos = {lab: j for j, lab in enumerate(labels)}
        m = np.zeros((len(ids), len(labels)), dtype=np.int8)
        for r, i in enumerate(ids):
            for lab in preds[i][key]:
                m[r, pos[lab]] = 1
        return m

    gold, ya, yb = matrix(pa, "gold"), matrix(pa, "pred_labels"), matrix(pb, "pred_labels")
    boot = paired_bootstrap(gold, ya, yb, samples=samples, seed=seed)
    tests = mcnemar(gold, ya, yb)
    per_label = {}
    for j, lab in enumerate(labels):
        per_label[lab] = {
            "support": int(gold[:, j].sum()),
            "f1_a": a["metrics"]["per_label"][lab]["f1"] if lab in a["metrics"]["per_label"] else None,
            "f1_b": b["metrics"]["per_label"][lab]["f1"] if lab in b["metrics"]["per_label"] else None,
            "delta_ci": boot["per_label_delta_ci"][j], "bootstrap_p": boot["per_label_p_value"][j],
            "mcnemar": tests[j]}
    return {"a": {"id": a["id"], "path": a["path"], "model_type": a.get("model_type"),
                  "mode": a.get("mode"), "metrics": a["metrics"]},
            "b": {"id": b["id"], "path": b["path"], "model_type": b.get("model_type"),
                  "mode": b.get("mode"), "metrics": b["metrics"]},
            "n": len(ids), "labels": labels, "micro_f1": boot["micro_f1"],
            "macro_f1": boot["macro_f1"], "per_label": per_label,
            "bootstrap": {"samples": samples, "seed": seed}}


def _ci(m: dict, key: str) -> str:
    ci = m.get(key + "_ci")
    return f"[{ci[0]:.3f}, {ci[1]:.3f}]" if ci else ""


def _verdict(ci, p) -> str:
    return "real difference" if ci[0] > 0 or ci[1] < 0 else "not significant"


def format_comparison(res: dict) -> str:
    a, b = res["a"], res["b"]
    ma, mb = a["metrics"], b["metrics"]
    w = max(len(a["id"]), len(b["id"]), 22)
    lines = [f"A = {a['id']} ({a['model_type']}, {a['mode']})",
             f"B = {b['id']} ({b['model_type']}, {b['mode']})",
             f"{res['n']} shared items; paired bootstrap, {res['bootstrap']['samples']} resamples",
             "",
             f"{'':<16}{'A':<{w}}  {'B':<{w}}  {'B - A [95% CI]':<26} p      verdict"]
    for key, name in (("micro_f1", "micro-F1"), ("macro_f1", "macro-F1")):
        d = res[key]
        cell_a = f"{ma[key]:.3f} {_ci(ma, key)}"
        cell_b = f"{mb[key]:.3f} {_ci(mb, key)}"
        delta = f"{d['delta']:+.3f} [{d['delta_ci'][0]:+.3f}, {d['delta_ci'][1]:+.3f}]"
        lines.append(f"{name:<16}{cell_a:<{w}}  {cell_b:<{w}}  {delta:<26} {d['p_value']:<6.3f} "
                     f"{_verdict(d['delta_ci'], d['p_value'])}")
    lines += ["", f"{'label F1':<16}{'A':<8}{'B':<8}{'B - A [95% CI]':<26}"
                  f"{'McNemar (A only/B only, p)':<30}{'n':>5}"]
    for lab, r in res["per_label"].items():
        fa = f"{r['f1_a']:.3f}" if r["f1_a"] is not None else "-"
        fb = f"{r['f1_b']:.3f}" if r["f1_b"] is not None else "-"
        lo, hi = r["delta_ci"]
        delta = (r["f1_b"] or 0) - (r["f1_a"] or 0)
        mc = r["mcnemar"]
        dcell = f"{delta:+.3f} [{lo:+.3f}, {hi:+.3f}]"
        mcell = "{}/{}, p={:.3f}".format(mc["a_only"], mc["b_only"], mc["p_value"])
        lines.append(f"{lab[:15]:<16}{fa:<8}{fb:<8}{dcell:<26}{mcell:<30}{r['support']:>5}")
    d = res["micro_f1"]
    better = "B" if d["delta"] > 0 else "A"
    lines += ["", (f"micro-F1: {better} is better by {abs(d['delta']):.3f} and the 95% CI of the "
                   f"difference excludes 0: the difference is real (p={d['p_value']:.3f})")
              if _verdict(d["delta_ci"], d["p_value"]) == "real difference" else
              (f"micro-F1: the difference ({d['delta']:+.3f}) is within what resampling the "
               f"items gives (95% CI includes 0, p={d['p_value']:.3f}): not a real difference")]
    return "\n".join(lines)


def comparison_json(res: dict) -> str:
    return json.dumps(res, ensure_ascii=False, indent=2)
