"""Regression check on the judged pool quotes: does the extractor keep what annotators judged
right and drop or fix what they judged wrong?

    python tests/benchmarks/pool_regression.py [--limit N] [--actors FILE ...] [--show wrong_speaker]

``../shared/data/pool_quotes.jsonl`` holds 2,100 quotes that ``stance extract`` found at commit
dbab577 in ``../shared/corpus/ant_politics_pool.jsonl.gz``, each judged by a model-based
annotator (a large language model briefed with the codebook, not a person): ``extraction`` is
``ok``, ``wrong_speaker``, ``bad_boundaries`` or ``not_a_quote`` (the first annotator's flag
counts when two judged a quote). This script re-extracts the articles those quotes come from
with the current code and reports, per flag:

* ``ok`` (target ≥ 97 % kept): a new quote overlaps the judged span and has the **same actor**:
  the same registry id, or the same normalized name, or, for actors the registry does not know,
  a name made of words of the old one or the other way round (a speaker trimmed to its noun
  phrase, «باتريك هيلمان (70 عاما) أحد سكان سالزبري لوكالة الأنباء الفرنسية» -> «باتريك
  هيلمان», is still the same person), or the judged actor's name as today's registry reads it on the
  article's date and with its text («توسك» -> دونالد توسك, «الحسين» -> زيد رعد الحسين where the
  article names him: the registry has grown since the quotes were judged);
* ``wrong_speaker`` (target ≥ 2/3 fixed): no overlapping quote carries that actor any more
  (the same test of sameness): a different actor, no actor (left unattributed), or the quote
  gone. When the judged quote had no actor, fixed means it has one now (who is not checked);
* ``not_a_quote`` (target ≥ 1/2 gone): no new quote overlaps the span;
* ``bad_boundaries``: informative only (kept with the same actor / gone).

Figures only: nothing here asserts a target; ``tests/test_pool_regression.py`` runs
:func:`run` on a small slice. Importable: ``run(limit=..., article_ids=...)`` returns a
:class:`Report`.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
POOL_QUOTES = SHARED / "data" / "pool_quotes.jsonl"
CORPUS = SHARED / "corpus" / "ant_politics_pool.jsonl.gz"
TARGETS = {"ok": 0.97, "wrong_speaker": 2 / 3, "not_a_quote": 0.5}


def _norm_words(name: str | None) -> tuple[str, ...]:
    from stance.text import normalize_ar

    return tuple(w.strip("()\"«»“”،,") for w in normalize_ar(name or "").split() if w.strip("()\"«»“”،,"))


def same_actor(old: dict, new: dict, exact: bool = False, registry=None, article_text: str | None = None) -> bool:
    """Whether a new quote's actor is the judged quote's actor (see the module docstring);
    ``exact``: only the same normalized actor name counts. With a ``registry``, the judged
    actor's name read by today's registry on the article's date also counts: «توسك» and
    «وزير الخزانة الأمريكي» (2018) are the registry's دونالد توسك and ستيفن منوشين now."""
    if old.get("actor") is None or new.get("actor") is None:
        return old.get("actor") is None and new.get("actor") is None
    old_id, new_id = old.get("actor_id"), new.get("actor_id")
    a, b = _norm_words(old["actor"]), _norm_words(new["actor"])
    if a == b:
        return True
    if exact:
        return False
    if old_id and new_id and old_id == new_id:
        return True
    if registry is not None and new_id and not new_id.startswith("x:"):
        now = registry.resolve(old["actor"], date=old.get("date"), article_text=article_text)
        if now is not None and getattr(now, "known", False) and now.id == new_id:
            return True  # («الحسين» in an article that names «زيد رعد الحسين»)
    unknown = (not old_id or old_id.startswith("x:")) and (not new_id or new_id.startswith("x:"))
    if unknown and registry is not None:  # the judged name read as today's extractor reads a mention
        from stance.actors.speakers import speaker_span

        span = speaker_span(registry, old["actor"], article_text)
        if span is not None:
            phrase = old["actor"][span[0]:span[1]]
            now = registry.resolve(phrase, date=old.get("date"), article_text=article_text)
            if now is not None and _norm_words(now.name) == b:
                return True  # («مصدر ... فضّل عدم الكشف عن اسمه» is «مصدر متابع سوري» now)
    if unknown and a and b:
        sa, sb = set(a), set(b)
        return sa <= sb or sb <= sa
    return False


def _overlap(q: dict, r: dict) -> int:
    return min(q["end"], r["end"]) - max(q["start"], r["start"])


@dataclass
class Report:
    """Counts per judged flag; ``cases`` keeps (flag, outcome, judged quote, new quote or None)."""

    total: Counter = field(default_factory=Counter)
    outcome: dict = field(default_factory=lambda: defaultdict(Counter))
    cases: list = field(default_factory=list)
    articles: int = 0
    seconds: float = 0.0

    def rate(self, flag: str) -> float | None:
        n = self.total[flag]
        if not n:
            return None
        o = self.outcome[flag]
        if flag == "ok":
            good = o["same actor"]
        elif flag == "wrong_speaker":
            good = o["other actor"] + o["unattributed"] + o["gone"] + o["now attributed"]
        elif flag == "not_a_quote":
            good = o["gone"]
        else:
            good = o["same actor"]
        return good / n

    def lines(self) -> list[str]:
        out = [f"{self.articles} articles re-extracted in {self.seconds:.1f} s"]
        for flag in ("ok", "wrong_speaker", "not_a_quote", "bad_boundaries"):
            n = self.total[flag]
            if not n:
                continue
            r = self.rate(flag)
            what = {"ok": "kept with the same actor", "wrong_speaker": "no longer carry that actor",
                    "not_a_quote": "gone", "bad_boundaries": "kept with the same actor"}[flag]
            target = ""
            if flag in TARGETS:
                shown = "2/3" if flag == "wrong_speaker" else f"{TARGETS[flag]:.0%}"
                target = f"  (target ≥ {shown}: {'met' if r >= TARGETS[flag] - 1e-12 else 'not met'})"
            parts = ", ".join(f"{k} {v}" for k, v in self.outcome[flag].most_common())
            out.append(f"{flag:15s} {n:5d}  {what}: {r:6.1%}{target}   [{parts}]")
        return out


def load_judged(path: Path = POOL_QUOTES) -> dict[str, list[dict]]:
    """Judged quotes by article id; ``flag`` is the first annotator's ``extraction``."""
    by_article: dict[str, list[dict]] = defaultdict(list)
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            q = json.loads(line)
            q["flag"] = q["annotations"][0]["extraction"]
            by_article[q["article_id"]].append(q)
    return by_article


def iter_pool_articles(ids: set[str], corpus: Path = CORPUS):
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["id"] in ids:
                yield {"article_id": rec["id"], "text": rec["text"], "date": rec.get("date"),
                       "source": rec.get("source"), "title": rec.get("title")}


def judge(flag: str, old: dict, new_quotes: list[dict], exact: bool = False,
          registry=None, article_text: str | None = None) -> tuple[str, dict | None]:
    """The outcome of one judged quote against the new quotes of its article."""
    over = [r for r in new_quotes if _overlap(old, r) > 0]
    if not over:
        return "gone", None
    best = next((r for r in over if same_actor(old, r, exact, None if exact else registry, article_text)), None)
    if best is not None:
        return "same actor", best
    new = max(over, key=lambda r: _overlap(old, r))
    if old.get("actor") is None:
        return "now attributed", new
    if new.get("actor") is None:
        return "unattributed", new
    return "other actor", new


def run(limit: int | None = None, article_ids=None, extractor=None, actors=(), progress: bool = False,
        exact: bool = False) -> Report:
    """Re-extract the pool articles (the first ``limit`` in the judged file's order, or those of
    ``article_ids``) and compare with the judged quotes."""
    judged = load_judged()
    ids = list(judged)
    if article_ids is not None:
        ids = [i for i in ids if i in set(article_ids)]
    if limit is not None:
        ids = ids[:limit]
    if extractor is None:
        from stance.extract import Extractor

        extractor = Extractor(actors=list(actors))
    rep = Report()
    t0 = time.perf_counter()
    arts = iter_pool_articles(set(ids))
    if progress:
        from tqdm import tqdm

        arts = tqdm(arts, total=len(ids), desc="pool articles", unit="article")
    for art in arts:
        rep.articles += 1
        new_quotes = extractor(art)
        for old in judged[art["article_id"]]:
            outcome, new = judge(old["flag"], old, new_quotes, exact, getattr(extractor, "registry", None),
                                 art["text"])
            rep.total[old["flag"]] += 1
            rep.outcome[old["flag"]][outcome] += 1
            rep.cases.append((old["flag"], outcome, old, new))
    rep.seconds = time.perf_counter() - t0
    return rep


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, help="only the first N articles of the judged file")
    ap.add_argument("--actors", nargs="*", default=[], help="extra registry files (YAML)")
    ap.add_argument("--exact", action="store_true",
                    help="the same actor only by the same normalized actor name (the stricter count)")
    ap.add_argument("--show", choices=["ok", "wrong_speaker", "not_a_quote", "bad_boundaries"],
                    help="print the cases of one flag that did not meet their goal")
    args = ap.parse_args(argv)
    rep = run(limit=args.limit, actors=args.actors, progress=sys.stderr.isatty(), exact=args.exact)
    for line in rep.lines():
        print(line)
    if args.show:
        bad = {"ok": {"gone", "other actor", "unattributed"}, "wrong_speaker": {"same actor"},
               "not_a_quote": {"same actor", "other actor", "unattributed", "now attributed"},
               "bad_boundaries": {"gone", "other actor", "unattributed"}}[args.show]
        for flag, outcome, old, new in rep.cases:
            if flag == args.show and outcome in bad:
                print(f"\n[{outcome}] {old['article_id']} {old['kind']}: {old['speaker']} -> {old['actor']} "
                      f"({old['actor_country']})\n  {old['text'][:120]}")
                if new is not None:
                    print(f"  now: {new['speaker']} -> {new['actor']} ({new['actor_country']})")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
