"""Extraction throughput and memory on a real corpus, the way ``stance extract`` runs it.

    python tests/benchmarks/extract_speed.py [CORPUS.jsonl.gz] [--workers 2] [--actors FILE ...]

Each measurement runs in a fresh child process (so peak memory is its own): the articles are
streamed from the corpus (``stance.io.iter_articles``), extracted (``extract_stream``) and
written as JSON Lines to /dev/null, exactly like ``stance extract CORPUS -o quotes.jsonl``.

Reported:
  * throughput in MB/s of article text (UTF-8 bytes) and articles/s, on one core and with
    ``--workers N``; on one core also the time inside the extractor alone;
  * peak memory: the process's maximum resident set (``getrusage``; workers separately) and
    the peak of Python allocations (``tracemalloc``, in separate runs since it slows things
    down), on the first half of the corpus and on the whole of it. Streaming means the
    whole corpus needs no more memory than half of it.

  * the ratio of ``stance extract``'s time on one core to a naive regex pass over the same
    file in the same run (read and parse the JSONL, tokenize each article with one regex, cut
    the text between quotation marks, write each cut as a JSON line): the cost of the rules
    and the attribution over the bare minimum of reading and writing (target: within 10x).

Default corpus: ../shared/corpus/ant_politics_pool.jsonl.gz (ANT Corpus v2.1, 1,952
political articles, ~7 MB of text). Figures only; nothing here asserts a speed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_CORPUS = str(Path(__file__).resolve().parents[2].parent / "shared/corpus/ant_politics_pool.jsonl.gz")
TARGET_MB_S = 2.0


_NAIVE_WORD = r"[\w\u0600-\u06FF]+"
_NAIVE_QUOTE = r"«([^»]*)»|\"([^\"]*)\"|“([^”]*)”"


def naive(args) -> dict:
    """The baseline: read, tokenize with one regex, cut text between quotation marks, write."""
    import re

    word, quote = re.compile(_NAIVE_WORD), re.compile(_NAIVE_QUOTE)
    opener = gzip.open if args.corpus.endswith(".gz") else open
    n_art = n_words = n_quotes = 0
    t0, cpu0 = time.perf_counter(), time.process_time()
    with opener(args.corpus, "rt", encoding="utf-8") as fh, open(os.devnull, "w", encoding="utf-8") as out:
        for line in fh:
            if not line.strip():
                continue
            art = json.loads(line)
            text = art["text"]
            n_art += 1
            n_words += len(word.findall(text))
            for m in quote.finditer(text):
                n_quotes += 1
                out.write(json.dumps({"article_id": art.get("id") or art.get("article_id"), "start": m.start(),
                                      "end": m.end(), "text": m.group(m.lastindex or 0)}, ensure_ascii=False) + "\n")
    return {"articles": n_art, "words": n_words, "quotes": n_quotes, "wall_s": time.perf_counter() - t0,
            "cpu_s": time.process_time() - cpu0}


def child(args) -> dict:
    """One measured run; prints its figures as one JSON line."""
    import itertools

    if args.tracemalloc:
        import tracemalloc

        tracemalloc.start()
    from stance.extract import Extractor
    from stance.extract.stream import extract_stream
    from stance.io import iter_articles, write_jsonl_line

    t0 = time.perf_counter()
    extractor = Extractor(actors=args.actors)
    load_s = time.perf_counter() - t0

    inner = {"s": 0.0}

    class Timed:  # time spent inside the extractor (one core only)
        def __call__(self, art):
            t = time.perf_counter()
            try:
                return extractor(art)
            finally:
                inner["s"] += time.perf_counter() - t

    articles = iter_articles([args.corpus])
    if args.limit:
        articles = itertools.islice(articles, args.limit)
    n_art = n_bytes = n_quotes = 0
    t0 = time.perf_counter()
    cpu0 = time.process_time()
    with open(os.devnull, "w", encoding="utf-8") as out:
        fn = Timed() if args.workers == 1 else extractor
        for art, quotes in extract_stream(articles, fn, workers=args.workers, chunksize=8):
            n_art += 1
            n_bytes += len(art["text"].encode("utf-8"))
            n_quotes += len(quotes)
            for q in quotes:
                write_jsonl_line(out, q)
    wall = time.perf_counter() - t0
    cpu = time.process_time() - cpu0
    if args.workers > 1:  # the workers have exited: their CPU time is in RUSAGE_CHILDREN
        ch = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu += ch.ru_utime + ch.ru_stime
    res = {
        "workers": args.workers, "articles": n_art, "mb": n_bytes / 1e6, "quotes": n_quotes,
        "wall_s": wall, "cpu_s": cpu, "load_s": load_s,
        "extract_s": inner["s"] if args.workers == 1 else None,
        "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "workers_maxrss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        if args.workers > 1 else None,
    }
    if args.tracemalloc:
        res["traced_peak_mb"] = tracemalloc.get_traced_memory()[1] / 1e6
    return res


def measure(corpus, *, workers=1, limit=None, trace=False, actors=(), baseline=False) -> dict:
    cmd = [sys.executable, __file__, "--child", corpus, "--workers", str(workers)]
    if baseline:
        cmd.append("--naive")
    if limit:
        cmd += ["--limit", str(limit)]
    if trace:
        cmd.append("--tracemalloc")
    for a in actors:
        cmd += ["--actors", a]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"benchmark run failed ({' '.join(cmd)}):\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def count_articles(corpus: str) -> int:
    opener = gzip.open if corpus.endswith(".gz") else open
    with opener(corpus, "rb") as fh:
        return sum(1 for line in fh if line.strip())


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", default=DEFAULT_CORPUS)
    ap.add_argument("--workers", type=int, default=2, help="processes for the parallel run")
    ap.add_argument("--actors", action="append", default=[], help="extra actor registry file")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--limit", type=int, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--tracemalloc", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--naive", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--ratio-only", action="store_true",
                    help="only the naive-pass ratio (three alternating runs of each), no memory runs")
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(naive(args) if args.naive else child(args)))
        return
    if not Path(args.corpus).exists():
        sys.exit(f"no such corpus: {args.corpus}")

    n = count_articles(args.corpus)
    half = n // 2
    load = ", load average %.1f" % os.getloadavg()[0] if hasattr(os, "getloadavg") else ""
    print(f"corpus: {args.corpus} ({n} articles); {os.cpu_count()} CPUs{load}; "
          f"Python {sys.version.split()[0]}")
    if args.ratio_only:
        ratio_table(args)
        return
    one = measure(args.corpus, actors=args.actors)
    base = measure(args.corpus, baseline=True)
    par = measure(args.corpus, workers=args.workers, actors=args.actors)
    first = measure(args.corpus, limit=half, actors=args.actors)
    t_half = measure(args.corpus, limit=half, trace=True, actors=args.actors)
    t_all = measure(args.corpus, trace=True, actors=args.actors)

    print(f"text: {one['mb']:.2f} MB (UTF-8) in {one['articles']} articles -> {one['quotes']} quotes; "
          f"registry load {one['load_s']:.2f} s\n")
    print(f"{'run':26}{'wall s':>8}{'MB/s':>7}{'art/s':>7}{'CPU s':>8}{'MB/CPU-s':>10}   max RSS MB")
    for name, r in (("1 core (end to end)", one), (f"--workers {args.workers}", par)):
        rss = f"{r['maxrss_mb']:.0f}" + (f" main + {r['workers_maxrss_mb']:.0f} per worker"
                                         if r.get("workers_maxrss_mb") else "")
        print(f"{name:26}{r['wall_s']:8.2f}{r['mb'] / r['wall_s']:7.2f}"
              f"{r['articles'] / r['wall_s']:7.0f}{r['cpu_s']:8.2f}{r['mb'] / r['cpu_s']:10.2f}   {rss}")
    ex = one["extract_s"]
    print(f"{'1 core, extractor only':26}{ex:8.2f}{one['mb'] / ex:7.2f}{one['articles'] / ex:7.0f}")
    print("(MB/CPU-s: throughput per core busy; it differs from MB/s when other work shares the CPUs)")
    speed = one["mb"] / one["wall_s"]
    print(f"\ntarget >= {TARGET_MB_S} MB/s on one core: {speed:.2f} MB/s "
          f"({'met' if speed >= TARGET_MB_S else 'NOT met'}); "
          f"speed-up with {args.workers} workers: {one['wall_s'] / par['wall_s']:.2f}x")
    print(f"\nnaive regex pass over the same file (read, one-regex tokenize, text between quotation marks, "
          f"write): {base['wall_s']:.2f} s, {base['quotes']} cuts; stance extract on one core: "
          f"{one['wall_s']:.2f} s = {one['wall_s'] / base['wall_s']:.1f}x the naive pass (target <= 10x); "
          f"CPU time {one['cpu_s']:.2f} s / {base['cpu_s']:.2f} s = {one['cpu_s'] / base['cpu_s']:.1f}x")
    print("\nmemory, first half vs whole corpus (1 core):")
    print(f"  {'':22}{'articles':>9}{'text MB':>9}{'max RSS MB':>12}{'tracemalloc peak MB':>21}")
    for name, r, t in (("first half", first, t_half), ("whole corpus", one, t_all)):
        print(f"  {name:22}{r['articles']:9d}{r['mb']:9.2f}{r['maxrss_mb']:12.1f}{t['traced_peak_mb']:21.1f}")
    grow = t_all["traced_peak_mb"] - t_half["traced_peak_mb"]
    print(f"  doubling the input adds {grow:+.1f} MB of Python allocations "
          f"({t_all['mb'] - t_half['mb']:.1f} MB more text read): memory is flat, output is streamed")


def ratio_table(args) -> None:
    """Alternating runs of the naive pass and of stance extract (one core): each ratio is of
    two neighbouring runs, so a busy machine slows both alike."""
    print("wall and CPU seconds of each process (CPU time is what counts on a shared machine)")
    print(f"{'run':6}{'naive wall':>11}{'CPU':>7}{'extract wall':>14}{'CPU':>7}{'ratio wall':>12}{'ratio CPU':>11}")
    ratios = []
    for i in range(3):
        base = measure(args.corpus, baseline=True)
        one = measure(args.corpus, actors=args.actors)
        ratios.append(one["cpu_s"] / base["cpu_s"])
        print(f"{i + 1:<6}{base['wall_s']:11.2f}{base['cpu_s']:7.2f}{one['wall_s']:14.2f}{one['cpu_s']:7.2f}"
              f"{one['wall_s'] / base['wall_s']:12.1f}{ratios[-1]:11.1f}")
    print(f"stance extract / naive regex pass, one core, CPU time: {min(ratios):.1f}x - {max(ratios):.1f}x "
          f"(median {sorted(ratios)[1]:.1f}x; target <= 10x)")


if __name__ == "__main__":
    main()
