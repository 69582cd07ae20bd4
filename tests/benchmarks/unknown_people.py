"""Extraction on people the registry does not know: the gold sets scored twice, with the bundled
registry and with its people reduced to heads of state, heads of government and foreign
ministers (everyone else in ``people.yaml`` was added from the development gold, the seeds and
frequent speakers, so on dev they are known by construction; on a user's corpus most speakers
are not).

    python tests/benchmarks/unknown_people.py [GOLD.jsonl ...]

Default gold: ``../shared/data/dev_gold.jsonl`` and ``dev2_gold.jsonl``. Prints overlap-F1,
actor and country accuracy for both registries, and the difference: how much of each figure
rests on the registry knowing the speaker. The reduced registry is how a rule for unknown
people (a name after a description, a country from the mention, a surname completed from the
article) can be measured on development gold without fitting it to unseen articles.
Figures only; nothing here asserts a target.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from stance.actors.registry import DATA_DIR, Registry  # noqa: E402
from stance.cli.eval_extract import read_gold  # noqa: E402
from stance.extract import Extractor  # noqa: E402
from stance.extract.evaluate import evaluate  # noqa: E402
from stance.io import InputError  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
KEEP = {"head_of_state", "head_of_government", "foreign_minister"}


def reduced_registry(workdir: Path) -> tuple[Registry, int, int]:
    """The bundled registry with ``people.yaml`` cut to holders of the offices in ``KEEP``, and
    how many people it keeps of how many."""
    people = yaml.safe_load((DATA_DIR / "people.yaml").read_text(encoding="utf-8"))["actors"]
    kept = [e for e in people if any(o.get("office") in KEEP for o in e.get("offices") or [])]
    path = workdir / "people_reduced.yaml"
    path.write_text(yaml.safe_dump({"defaults": {"type": "person"}, "actors": kept}, allow_unicode=True),
                    encoding="utf-8")
    reg = Registry.load([path, DATA_DIR / "bodies.yaml", DATA_DIR / "unnamed.yaml"], bundled=False)
    return reg, len(kept), len(people)


def score(gold: list[dict], extractor: Extractor) -> dict:
    preds = []
    for a in gold:
        preds.extend(extractor({k: a[k] for k in ("article_id", "text", "date", "source", "title") if k in a}))
    return evaluate(gold, preds)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="example: python tests/benchmarks/unknown_people.py ../shared/data/dev_gold.jsonl")
    ap.add_argument("gold", nargs="*", default=[str(SHARED / "dev_gold.jsonl"), str(SHARED / "dev2_gold.jsonl")],
                    help="gold articles in the codebook format (default: dev and dev2)")
    args = ap.parse_args(argv)
    try:  # every file read before anything is printed: a bad one stops the run with one line
        golds = [(g, read_gold(g)) for g in args.gold]
    except InputError as e:
        sys.exit(f"unknown_people.py: error: {e}")
    with tempfile.TemporaryDirectory() as tmp:
        reduced, kept, total = reduced_registry(Path(tmp))
        full = Registry.load()
        print(f"registry: {len(full)} actors; reduced: {len(reduced)} ({kept} of {total} people kept: "
              f"heads of state/government and foreign ministers)\n")
        print(f"{'gold':<22}{'registry':<10}{'overlap-F1':>11}{'actor':>8}{'country':>9}")
        for g, gold in golds:
            rows = {}
            for label, reg in (("bundled", full), ("reduced", reduced)):
                r = score(gold, Extractor(registry=reg))
                rows[label] = (r["overlap"]["f1"], r["actor_accuracy"], r["country_accuracy"])
                print(f"{Path(g).name:<22}{label:<10}" + "".join(f"{100 * v:>{w}.1f}" for v, w in zip(rows[label], (11, 8, 9))))
            d = [b - a for a, b in zip(rows["bundled"], rows["reduced"])]
            print(f"{'':<22}{'change':<10}" + "".join(f"{100 * v:>+{w}.1f}" for v, w in zip(d, (11, 8, 9))))


if __name__ == "__main__":
    main()
