"""Extraction time against input length on hostile and on real text: it must grow linearly.

    python tests/benchmarks/extract_scaling.py [--max 200000] [--real-max 400000]

Two families of one-article inputs, each extracted on one core in this process:

* hostile: one paragraph of N reporting verbs and nothing else («وقال وقال ...»), or each
  with a complementizer («وقال إن ...»), or continuation participles («، مضيفا أن ...»), for
  N = 10k ... 200k triggers (an article of 200,000 «وقال», 1.8 MB, took 556 s before the
  paragraph index; 16k took 3.5 s, 32k 17.5 s);
* real: one article built by repeating development-gold articles up to 50k ... 400k characters
  (a 400k-character article took 1.37 s against 0.08 s for 50k: the registry searched the
  whole article text at every mention).

For each input the time is printed with its ratio to the smallest input's time and to the
size ratio: linear growth keeps ``time ratio / size ratio`` near 1 (a quadratic one doubles
it at every doubling). Figures only; ``tests/test_extract_rules.py`` holds the correctness
tests and a generous bound on the two inputs of issue 14.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT.parent / "shared" / "data" / "dev_gold.jsonl"

HOSTILE = {"وقال": "وقال ", "وقال إن": "وقال إن ", "، مضيفا أن": "، مضيفا أن ", "أكد": "أكد "}


def real_article(chars: int) -> str:
    texts = [json.loads(line)["text"] for line in GOLD.open(encoding="utf-8")]
    out, n, i = [], 0, 0
    while n < chars:
        out.append(texts[i % len(texts)])
        n += len(out[-1]) + 1
        i += 1
    return "\n".join(out)[:chars]


def timed(extract, text: str) -> tuple[float, int]:
    t = time.perf_counter()
    quotes = extract({"id": "bench", "date": "2018-03-01", "text": text})
    return time.perf_counter() - t, len(quotes)


def table(title: str, rows: list[tuple[int, float, int]], unit: str) -> None:
    print(f"\n{title}")
    print(f"  {unit:>12}{'seconds':>10}{'quotes':>8}{'size x':>8}{'time x':>8}{'time x / size x':>17}")
    n0, t0 = rows[0][0], rows[0][1]
    for n, t, q in rows:
        print(f"  {n:12,d}{t:10.2f}{q:8d}{n / n0:8.1f}{t / t0:8.1f}{(t / t0) / (n / n0):17.2f}")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--max", type=int, default=200_000, help="most triggers in a hostile article")
    ap.add_argument("--real-max", type=int, default=400_000, help="longest real article (characters)")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from stance.extract import Extractor

    extract = Extractor()
    sizes = [n for n in (10_000, 25_000, 50_000, 100_000, 200_000, 400_000) if n <= args.max]
    for name, unit in HOSTILE.items():
        table(f"hostile: «{name}» repeated", [(n, *timed(extract, unit * n)) for n in sizes], "triggers")
    if GOLD.exists():
        real = [n for n in (50_000, 100_000, 200_000, 400_000, 800_000) if n <= args.real_max]
        table("real: development articles joined into one", [(n, *timed(extract, real_article(n))) for n in real],
              "characters")
    print("\nlinear growth: the last column stays near 1 (machine noise aside)")


if __name__ == "__main__":
    main()
