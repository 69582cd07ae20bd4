"""Scoring extracted quotes against gold in the codebook format.

* **overlap**: one-to-one matching of predicted and gold quotes of the same article whose
  spans overlap, greedily by largest overlap;
* **strict**: one-to-one matching where both ends agree within ``tolerance`` characters after
  trimming quotation marks, punctuation and spaces from both spans;
* actor and country accuracy on overlap-matched pairs (actor names compared after Arabic
  normalization; a gold ``actors_alt`` list counts too), and a per-kind breakdown.
"""

from __future__ import annotations

from collections import defaultdict

from stance.text import normalize_ar

_TRIM = " \t\n\"'«»“”„‟.,،:؛;!?؟-–—()"


def _trimmed(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in _TRIM:
        s += 1
    while e > s and text[e - 1] in _TRIM:
        e -= 1
    return s, e


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp,
            "pred": n_pred, "gold": n_gold}


def _prf_split(tp_pred: int, tp_gold: int, n_pred: int, n_gold: int) -> dict:
    """P from matched predictions of a kind, R from matched gold quotes of that kind."""
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "tp_pred": tp_pred, "tp_gold": tp_gold, "pred": n_pred, "gold": n_gold}


def _match(gold: list[dict], pred: list[dict], ok) -> list[tuple[int, int]]:
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if ov > 0 and ok(g, p):
                pairs.append((ov, gi, pi))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_g, used_p, out = set(), set(), []
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


def _same_actor(g: dict, p: dict) -> bool:
    names = [g.get("actor")] + list(g.get("actors_alt") or [])
    pa = normalize_ar(p.get("actor") or "")
    return any(n and normalize_ar(n) == pa for n in names)


def evaluate(articles: list[dict], predictions: list[dict], tolerance: int = 3) -> dict:
    """Scores of ``predictions`` (quote records) against gold ``articles`` (with ``quotes``)."""
    by_article = defaultdict(list)
    for q in predictions:
        by_article[str(q["article_id"])].append(q)
    acc = _Tally()
    for art in articles:
        aid = str(art.get("article_id") or art.get("id"))
        _score_article(acc, aid, art, by_article.get(aid, []), tolerance)
    totals, n_ov = acc.totals, acc.totals["overlap"]
    return {
        "articles": len(articles),
        "overlap": _prf(n_ov, totals["pred"], totals["gold"]),
        "strict": _prf(totals["strict"], totals["pred"], totals["gold"]),
        "actor_accuracy": round(totals["actor"] / n_ov, 4) if n_ov else 0.0,
        "country_accuracy": round(totals["country"] / n_ov, 4) if n_ov else 0.0,
        "by_kind": {k: {"overlap": _prf_split(v["overlap_p"], v["overlap_g"], v["pred"], v["gold"]),
                        "strict": _prf_split(v["strict_p"], v["strict_g"], v["pred"], v["gold"])}
                    for k, v in sorted(acc.kinds.items())},
        "by_rule": {r: {"pred": v["pred"], "matched": v["matched"],
                        "precision": round(v["matched"] / v["pred"], 4) if v["pred"] else 0.0,
                        "recall": round(v["matched"] / totals["gold"], 4) if totals["gold"] else 0.0,
                        "strict_precision": round(v["strict"] / v["pred"], 4) if v["pred"] else 0.0,
                        "actor_accuracy": round(v["actor"] / v["matched"], 4) if v["matched"] else 0.0}
                    for r, v in sorted(acc.rules.items(), key=lambda kv: -kv[1]["pred"])},
        "misses": acc.misses,
        "false_alarms": acc.false_alarms,
        "wrong_actors": acc.wrong_actor,
        "wrong_countries": acc.wrong_country,
    }


class _Tally:
    """Running counts: overall, per kind (recall counts gold quotes of the kind, precision
    predicted quotes of it) and per rule (the ``rule`` field of predictions), and the lists."""

    def __init__(self):
        self.totals = {"overlap": 0, "strict": 0, "pred": 0, "gold": 0, "actor": 0, "country": 0}
        self.kinds = defaultdict(lambda: {"overlap_g": 0, "overlap_p": 0, "strict_g": 0, "strict_p": 0,
                                          "pred": 0, "gold": 0})
        self.rules = defaultdict(lambda: {"pred": 0, "matched": 0, "strict": 0, "actor": 0})
        self.misses, self.false_alarms, self.wrong_actor, self.wrong_country = [], [], [], []


def _score_article(acc: _Tally, aid: str, art: dict, pred: list[dict], tolerance: int) -> None:
    text = art["text"]
    gold = art.get("quotes") or []
    acc.totals["pred"] += len(pred)
    acc.totals["gold"] += len(gold)
    for g in gold:
        acc.kinds[g.get("kind", "?")]["gold"] += 1
    for p in pred:
        acc.kinds[p.get("kind", "?")]["pred"] += 1
        acc.rules[p.get("rule") or "?"]["pred"] += 1

    def strict_ok(g, p):
        gs, ge = _trimmed(text, g["start"], g["end"])
        ps, pe = _trimmed(text, p["start"], p["end"])
        return abs(gs - ps) <= tolerance and abs(ge - pe) <= tolerance

    ov = _match(gold, pred, lambda g, p: True)
    st = _match(gold, pred, strict_ok)
    acc.totals["overlap"] += len(ov)
    acc.totals["strict"] += len(st)
    for gi, pi in ov:
        g, p = gold[gi], pred[pi]
        acc.kinds[g.get("kind", "?")]["overlap_g"] += 1
        acc.kinds[p.get("kind", "?")]["overlap_p"] += 1
        acc.rules[p.get("rule") or "?"]["matched"] += 1
        if _same_actor(g, p):
            acc.totals["actor"] += 1
            acc.rules[p.get("rule") or "?"]["actor"] += 1
        else:
            acc.wrong_actor.append({"article_id": aid, "start": g["start"], "gold_actor": g.get("actor"),
                                    "pred_actor": p.get("actor"), "speaker": g.get("speaker"),
                                    "pred_speaker": p.get("speaker"), "text": g["text"][:80]})
        if (g.get("actor_country") or "") == (p.get("actor_country") or ""):
            acc.totals["country"] += 1
        else:
            acc.wrong_country.append({"article_id": aid, "start": g["start"],
                                      "gold_country": g.get("actor_country"),
                                      "pred_country": p.get("actor_country"),
                                      "gold_actor": g.get("actor"), "pred_actor": p.get("actor"),
                                      "text": g["text"][:80]})
    for gi, pi in st:
        acc.kinds[gold[gi].get("kind", "?")]["strict_g"] += 1
        acc.kinds[pred[pi].get("kind", "?")]["strict_p"] += 1
        acc.rules[pred[pi].get("rule") or "?"]["strict"] += 1
    matched_g, matched_p = {gi for gi, _ in ov}, {pi for _, pi in ov}
    acc.misses += [{"article_id": aid, "start": g["start"], "end": g["end"], "kind": g.get("kind"),
                    "speaker": g.get("speaker"), "text": g["text"][:100]}
                   for gi, g in enumerate(gold) if gi not in matched_g]
    acc.false_alarms += [{"article_id": aid, "start": p["start"], "end": p["end"], "kind": p.get("kind"),
                          "speaker": p.get("speaker"), "text": p["text"][:100]}
                         for pi, p in enumerate(pred) if pi not in matched_p]
