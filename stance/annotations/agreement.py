"""Inter-annotator agreement on frame labels.

>>> report = agreement(["annotations/dev_export.json"])
>>> report["frames"]["mediation"]["alpha"], report["overall"]["alpha_masi"]
(0.9692, 0.9193)

Per frame (each a binary decision per quote): Krippendorff's alpha over all annotators
(nominal), Cohen's kappa for each annotator pair and percent agreement. Overall, on the
label sets: Krippendorff's alpha with the MASI distance (Passonneau 2006) and with the
Jaccard distance, and the share of quotes on which all annotators chose the identical set.
``none`` is the empty set. Only quotes with two or more (non-cancelled) annotations enter
the agreement figures; ``items_per_annotator`` counts all. Undefined values (no variation,
no shared items) are ``None``.
"""

from __future__ import annotations

import itertools
import math
import os
from collections import Counter
from typing import Callable, Hashable, Iterable, Sequence

from stance.frames import FRAME_KEYS

from .export import latest_labels, load_export, none_with_frames


# -- distances on label sets -------------------------------------------------------------------
def jaccard_distance(a: frozenset, b: frozenset) -> float:
    if not a and not b:
        return 0.0
    return 1.0 - len(a & b) / len(a | b)


def masi_distance(a: frozenset, b: frozenset) -> float:
    """MASI: ``1 - J * M``, M = 1 (equal), 2/3 (subset), 1/3 (overlap), 0 (disjoint)."""
    if a == b:
        return 0.0
    inter = len(a & b)
    if inter == 0:
        return 1.0
    m = 2 / 3 if (a <= b or b <= a) else 1 / 3
    return 1.0 - (inter / len(a | b)) * m


def nominal_distance(a, b) -> float:
    return 0.0 if a == b else 1.0


# -- coefficients ------------------------------------------------------------------------------
def krippendorff_alpha(units: Iterable[Sequence[Hashable]],
                       distance: Callable[[Hashable, Hashable], float] = nominal_distance
                       ) -> float | None:
    """Krippendorff's alpha for units given as the values of the coders who coded them.

    Units with fewer than two values are not pairable and are left out. Returns ``None`` when
    the expected disagreement is zero (a single value throughout) or nothing is pairable.
    """
    units = [list(u) for u in units if len(u) >= 2]
    if not units:
        return None
    counts = Counter(v for u in units for v in u)
    n = sum(counts.values())
    cache: dict = {}

    def d(a, b):
        key = (a, b)
        if key not in cache:
            cache[key] = distance(a, b)
        return cache[key]

    observed = 0.0
    for u in units:
        m = len(u)
        s = sum(d(a, b) for i, a in enumerate(u) for j, b in enumerate(u) if i != j)
        observed += s / (m - 1)
    observed /= n
    values = list(counts)
    expected = sum(counts[a] * counts[b] * d(a, b) for a in values for b in values if a != b)
    expected /= n * (n - 1)
    if expected == 0:
        return None
    return 1.0 - observed / expected


def cohen_kappa(a: Sequence, b: Sequence) -> float | None:
    """Cohen's kappa of two equally long label sequences; ``None`` when undefined."""
    n = len(a)
    if n == 0 or n != len(b):
        return None
    p_o = sum(x == y for x, y in zip(a, b)) / n
    ca, cb = Counter(a), Counter(b)
    p_e = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    if p_e >= 1.0:
        return None
    return (p_o - p_e) / (1.0 - p_e)


def _r(x: float | None, nd: int = 4) -> float | None:
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else round(x, nd)


# -- the report --------------------------------------------------------------------------------
def agreement_from_labels(labels: dict[str, dict[str, frozenset]]) -> dict:
    """Agreement figures from ``{quote_id: {annotator: frozenset(frame keys)}}``."""
    annotators = sorted({a for per in labels.values() for a in per})
    per_annotator = {a: sum(1 for per in labels.values() if a in per) for a in annotators}
    multi = {q: per for q, per in labels.items() if len(per) >= 2}
    pairs = list(itertools.combinations(annotators, 2))

    frames = {}
    for f in FRAME_KEYS:
        units = [[f in s for s in per.values()] for per in multi.values()]
        agree = [len(set(u)) == 1 for u in units]
        kappas = {}
        for a, b in pairs:
            common = [per for per in multi.values() if a in per and b in per]
            kappas[f"{a} | {b}"] = _r(cohen_kappa([f in p[a] for p in common],
                                                  [f in p[b] for p in common]))
        frames[f] = {
            "alpha": _r(krippendorff_alpha(units)),
            "kappa": kappas,
            "percent_agreement": _r(sum(agree) / len(agree)) if agree else None,
            "positives": {a: sum(1 for per in labels.values() if f in per.get(a, ()))
                          for a in annotators},
        }

    set_units = [list(per.values()) for per in multi.values()]
    identical = [len(set(u)) == 1 for u in set_units]
    pair_stats = {}
    for a, b in pairs:
        common = [per for per in multi.values() if a in per and b in per]
        same = sum(p[a] == p[b] for p in common)
        ks = [frames[f]["kappa"][f"{a} | {b}"] for f in FRAME_KEYS]
        ks = [k for k in ks if k is not None]
        pair_stats[f"{a} | {b}"] = {
            "annotators": [a, b], "items": len(common),
            "percent_agreement": _r(same / len(common)) if common else None,
            "mean_kappa": _r(sum(ks) / len(ks)) if ks else None,
        }
    return {
        "annotators": annotators,
        "items": len(labels),
        "items_multiply_annotated": len(multi),
        "items_per_annotator": per_annotator,
        "frames": frames,
        "overall": {
            "alpha_masi": _r(krippendorff_alpha(set_units, masi_distance)),
            "alpha_jaccard": _r(krippendorff_alpha(set_units, jaccard_distance)),
            "percent_agreement": _r(sum(identical) / len(identical)) if identical else None,
        },
        "pairs": pair_stats,
    }


def agreement(export_paths: Sequence[str | os.PathLike]) -> dict:
    """Agreement figures for one or more Label Studio JSON exports (merged by quote)."""
    loaded = [(str(p), load_export(p, defer_errors=True)) for p in export_paths]
    _, latest = latest_labels(loaded)
    labels = {q: {a: frozenset(ann["frames"]) for a, ann in per.items()}
              for q, per in latest.items() if per}
    report = agreement_from_labels(labels)
    report["exports"] = [p for p, _ in loaded]
    report["none_with_frames"] = none_with_frames(latest)
    return report


def format_report(report: dict) -> str:
    """A plain-text table of the report."""
    ann = report["annotators"]
    lines = [f"{report['items']} quotes annotated, {report['items_multiply_annotated']} by two "
             f"or more of {len(ann)} annotators"]
    lines += [f"  {a}: {n} quotes" for a, n in report["items_per_annotator"].items()]
    if report["pairs"]:
        lines.append("")
        pair_names = list(report["pairs"])
        head = f"{'frame':<12} {'alpha':>7} {'agree%':>7}  " + "  ".join(
            f"kappa[{p}]" for p in pair_names)
        lines.append(head)

        def fmt(x, pct=False):
            if x is None:
                return "n/a"
            return f"{100 * x:.1f}" if pct else f"{x:.3f}"

        for f, st in report["frames"].items():
            ks = "  ".join(f"{fmt(st['kappa'][p]):>{len('kappa[' + p + ']')}}" for p in pair_names)
            lines.append(f"{f:<12} {fmt(st['alpha']):>7} {fmt(st['percent_agreement'], True):>7}  {ks}")
        o = report["overall"]
        lines.append("")
        lines.append(f"overall: alpha (MASI) {fmt(o['alpha_masi'])}, alpha (Jaccard) "
                     f"{fmt(o['alpha_jaccard'])}, identical label sets "
                     f"{fmt(o['percent_agreement'], True)} %")
        for p, st in report["pairs"].items():
            lines.append(f"  {p}: {st['items']} shared quotes, identical sets "
                         f"{fmt(st['percent_agreement'], True)} %, mean kappa {fmt(st['mean_kappa'])}")
    else:
        lines.append("no quote has two annotators: no agreement figures")
    lines += none_with_frames_lines(report.get("none_with_frames") or [])
    return "\n".join(lines)


def none_with_frames_lines(found: list[dict], most: int = 15) -> list[str]:
    """Name the annotations that ticked «none» together with frames (frames kept)."""
    if not found:
        return []
    lines = [f"{len(found)} annotation{'s' if len(found) != 1 else ''} ticked 'none' together "
             "with frames: 'none' dropped, frames kept"]
    for a in found[:most]:
        lines.append(f"  {a['quote_id']} (task {a['task_id']}, annotation {a['annotation_id']} "
                     f"by {a['annotator']}): {'+'.join(a['frames'])}")
    if len(found) > most:
        lines.append(f"  ... {len(found) - most} more (--json lists them all)")
    return lines


def _short_names(names: list[str]) -> list[str]:
    short = [n.split("@", 1)[0] for n in names]
    return short if len(set(short)) == len(short) else list(names)


def plot_pairs(report: dict, path: str | os.PathLike) -> None:
    """An annotator x annotator heatmap: share of shared quotes with identical frame sets,
    with mean Cohen's kappa over the frames and the number of shared quotes in each cell."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    from stance.io import atomic_output

    ann = report["annotators"]
    k = len(ann)
    grid = np.full((k, k), np.nan)
    text = [["" for _ in range(k)] for _ in range(k)]
    for i, a in enumerate(ann):
        text[i][i] = f"{report['items_per_annotator'][a]}\nquotes"
    for st in report["pairs"].values():
        a, b = st["annotators"]
        i, j = ann.index(a), ann.index(b)
        v = st["percent_agreement"]
        kap = "n/a" if st["mean_kappa"] is None else f"{st['mean_kappa']:.2f}"
        for x, y in ((i, j), (j, i)):
            grid[x, y] = np.nan if v is None else v
            text[x][y] = (f"{'n/a' if v is None else f'{100 * v:.1f}%'}\n"
                          f"κ̄ {kap}\nn={st['items']}")
    labels = _short_names(ann)
    size = 3.0 + 1.1 * k
    fig, ax = plt.subplots(figsize=(size + 1.2, size))
    cmap = matplotlib.colormaps["viridis"].with_extremes(bad="#e6e6e6")
    im = ax.imshow(np.ma.masked_invalid(grid), vmin=0.0, vmax=1.0, cmap=cmap)
    ax.set_xticks(range(k), labels, rotation=30, ha="right")
    ax.set_yticks(range(k), labels)
    for i in range(k):
        for j in range(k):
            light = np.isnan(grid[i, j]) or grid[i, j] > 0.6
            ax.text(j, i, text[i][j], ha="center", va="center", fontsize=9,
                    color="black" if light else "white")
    ax.set_title("Identical frame sets per annotator pair\n(cell: share, mean Cohen's κ, "
                 "shared quotes)", fontsize=10)
    fig.colorbar(im, ax=ax, fraction=0.046, pad=0.04, label="share of shared quotes")
    fig.tight_layout()
    with atomic_output(path, "wb") as fh:
        fig.savefig(fh, format="png", dpi=120)
    plt.close(fig)
