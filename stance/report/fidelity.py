"""The fidelity check: does the report of model-scored quotes say what the annotators say?

``stance report SCORED --check LABELED`` keeps the quotes both files share (by ``quote_id``;
when no id is shared, by ``article_id``), builds the report twice on them, once from the
model's scores (with the run's estimator and intervals) and once from the annotators' labels
(the labeled dataset's ``frames``), and compares them per group and frame: the share error
(estimate minus annotators' share, in points), its mean and maximum, and how often the
interval of the estimate contains the annotators' share (coverage).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from stance.frames import FRAME_BY_KEY
from stance.io import InputError

from .aggregate import Report
from .safe import plain_text


@dataclass
class Cell:
    key: str  # group key
    name: str
    n_quotes: int
    frame: str
    estimate: float
    low: float
    high: float
    annotators: float  # the annotators' share on the same quotes

    @property
    def error(self) -> float:
        return self.estimate - self.annotators

    @property
    def covered(self) -> bool:
        return self.low - 1e-9 <= self.annotators <= self.high + 1e-9


@dataclass
class Fidelity:
    by: str
    estimator: str
    run: str
    matched_by: str  # "quote_id" or "article_id"
    n_scored: int  # quotes of the scored input compared
    n_labeled: int
    min_quotes: int
    cells: list[Cell] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def summary(self, frame: str | None = None) -> dict:
        cells = [c for c in self.cells if frame is None or c.frame == frame]
        if not cells:
            return {"groups": 0, "cells": 0, "mean_error": None, "max_error": None,
                    "coverage": None, "mean_width": None}
        errs = [abs(c.error) for c in cells]
        return {"groups": len({c.key for c in cells}), "cells": len(cells),
                "mean_error": sum(errs) / len(errs), "max_error": max(errs),
                "coverage": sum(c.covered for c in cells) / len(cells),
                "mean_width": sum(c.high - c.low for c in cells) / len(cells)}

    def to_dict(self) -> dict:
        d = asdict(self)
        for c, cd in zip(self.cells, d["cells"]):
            cd["error"], cd["covered"] = c.error, c.covered
        d["summary"] = self.summary()
        d["by_frame"] = {f: self.summary(f) for f in dict.fromkeys(c.frame for c in self.cells)}
        return d


def oof_records(run_dir, labeled: list[dict]) -> tuple[list[dict], dict]:
    """A run's out-of-fold predictions as scored quotes, with each quote's actor, country and
    date taken from the labeled record with the same id (``--check RUN_DIR``)."""
    from pathlib import Path

    from stance.io import iter_jsonl

    from .aggregate import SCORED, _check_record

    run_dir = Path(run_dir)
    path = run_dir / "predictions.jsonl"
    if not path.is_file():
        raise InputError("not a run directory (no predictions.jsonl)", run_dir)
    by_id = {str(r.get("quote_id")): r for r in labeled if r.get("quote_id") is not None}
    drop = {"frames", "annotations", "policy", "conflict", "labels", "scores", "day", "gold",
            "pred_labels", "pred_scores", "fold"}
    out, runs = [], []
    run_id = run_dir.name
    for line, rec in iter_jsonl(path):
        base = by_id.get(str(rec.get("id")))
        if base is None:
            continue
        raw = {k: v for k, v in base.items() if k not in drop}
        raw.update(pred_labels=rec.get("pred_labels") or [],
                   pred_scores=rec.get("pred_scores") or {}, run=run_id,
                   run_dir=str(run_dir.resolve()))
        r = _check_record(raw, SCORED, path, line)
        if r is not None:
            out.append(r)
    if not runs:
        runs.append(run_id)
    return out, {"n_records": len(out), "skipped": {}, "runs": runs, "policies": [],
                 "inputs": [str(run_dir)], "run_dirs": [str(run_dir.resolve())],
                 "unscored": 0}


def match(scored: list[dict], labeled: list[dict], scored_path: str, labeled_path: str):
    """The records of both inputs that describe the same quotes (or the same articles)."""
    lab_ids = {r.get("quote_id") for r in labeled} - {None}
    sc_ids = {r.get("quote_id") for r in scored} - {None}
    common = lab_ids & sc_ids
    if common:
        return ([r for r in scored if r.get("quote_id") in common],
                [r for r in labeled if r.get("quote_id") in common], "quote_id")
    lab_arts = {r.get("article_id") for r in labeled} - {None}
    common = lab_arts & ({r.get("article_id") for r in scored} - {None})
    if common:
        return ([r for r in scored if r.get("article_id") in common],
                [r for r in labeled if r.get("article_id") in common], "article_id")
    raise InputError(f"no quote_id or article_id in common with the scored quotes "
                     f"({scored_path}): the check compares the same quotes or articles",
                     labeled_path)


def compare(estimated: Report, annotated: Report, *, matched_by: str,
            n_scored: int, n_labeled: int) -> Fidelity:
    """Per group (shown in ``estimated``) and frame: estimate, interval, annotators' share."""
    truth = {g.key: g for g in annotated.groups}
    fid = Fidelity(by=estimated.by, estimator=estimated.estimator,
                   run=", ".join(estimated.runs), matched_by=matched_by, n_scored=n_scored,
                   n_labeled=n_labeled, min_quotes=estimated.min_quotes)
    for g in estimated.groups:
        t = truth.get(g.key)
        if t is None:
            fid.notes.append(f"{g.key}: no labeled quote")
            continue
        for f in estimated.frames:
            fs = g.frames[f]
            fid.cells.append(Cell(g.key, g.name, g.n_quotes, f, fs.share, fs.low, fs.high,
                                  t.frames[f].share))
    return fid


def _p(x) -> str:
    return "—" if x is None else f"{x * 100:.1f}"


def render_text(fid: Fidelity, markdown: bool = False) -> str:
    """The summary (all frames, then each frame) and the per-group table."""
    s = fid.summary()
    head = [f"Fidelity check — by {fid.by}, groups with at least {fid.min_quotes} quotes",
            f"Estimator {fid.estimator} (run {fid.run or '?'}) against the annotators' labels "
            f"of the same quotes (matched by {fid.matched_by}: {fid.n_scored} scored, "
            f"{fid.n_labeled} labeled).",
            f"Share error: mean {_p(s['mean_error'])} points, max {_p(s['max_error'])}; "
            f"interval coverage {_p(s['coverage'])} % of {s['cells']} group × frame cells "
            f"({s['groups']} groups); mean interval width {_p(s['mean_width'])} points."]
    head += fid.notes
    rows = [["frame", "groups", "mean error", "max error", "coverage %", "mean width"]]
    for f in dict.fromkeys(c.frame for c in fid.cells):
        fs = fid.summary(f)
        rows.append([f, str(fs["groups"]), _p(fs["mean_error"]), _p(fs["max_error"]),
                     _p(fs["coverage"]), _p(fs["mean_width"])])
    rows2 = [["group", "n", "frame", "estimate [interval]", "annotators", "error", "in"]]
    for c in fid.cells:
        rows2.append([plain_text(c.name), str(c.n_quotes), c.frame,
                      f"{c.estimate * 100:.0f} [{c.low * 100:.0f}–{c.high * 100:.0f}]",
                      f"{c.annotators * 100:.0f}", f"{round(c.error * 100) or 0:+d}",
                      "yes" if c.covered else "NO"])
    if markdown:
        out = [f"# {head[0]}", ""] + [f"- {h}" for h in head[1:]] + [""]
        for table in (rows, rows2):
            out.append("| " + " | ".join(table[0]) + " |")
            out.append("|" + "|".join([":--"] + ["--:"] * (len(table[0]) - 1)) + "|")
            out += ["| " + " | ".join(r) + " |" for r in table[1:]]
            out.append("")
        return "\n".join(out)
    from .render_table import _pad, width

    out = head + [""]
    for table in (rows, rows2):
        w = [max(width(r[j]) for r in table) for j in range(len(table[0]))]
        out += ["  ".join(_pad(c, w[j], j > 0) for j, c in enumerate(r)).rstrip()
                for r in table]
        out.append("")
    return "\n".join(out)


def render_json(fid: Fidelity) -> str:
    return json.dumps(fid.to_dict(), ensure_ascii=False, indent=2) + "\n"


def plot(fid: Fidelity, dpi: int = 110) -> bytes:
    """Estimate (with its interval) against the annotators' share, one colour per frame."""
    import io

    from .plots import FRAME_COLORS, _figure, _rc, ar

    with _rc():
        fig = _figure(6.4, 6.0)
        ax = fig.add_subplot()
        ax.plot([0, 1], [0, 1], color="#999999", lw=0.8, ls=":")
        for f in dict.fromkeys(c.frame for c in fid.cells):
            cs = [c for c in fid.cells if c.frame == f]
            ax.errorbar([c.annotators for c in cs], [c.estimate for c in cs],
                        yerr=[[c.estimate - c.low for c in cs], [c.high - c.estimate for c in cs]],
                        fmt="o", ms=4, lw=0.9, capsize=2, alpha=0.8, color=FRAME_COLORS.get(f),
                        label=f"{ar(FRAME_BY_KEY[f].arabic)} {f}")
        top = max([c.high for c in fid.cells] + [c.annotators for c in fid.cells] + [0.1])
        ax.set_xlim(-0.02, min(1, top + 0.05))
        ax.set_ylim(-0.02, min(1, top + 0.05))
        ax.xaxis.set_major_formatter(lambda x, _: f"{x * 100:.0f}%")
        ax.yaxis.set_major_formatter(lambda x, _: f"{x * 100:.0f}%")
        ax.set_xlabel("annotators' share (same quotes)")
        ax.set_ylabel(f"report's estimate ({fid.estimator}) with its 95% interval")
        s = fid.summary()
        ax.set_title(f"Fidelity by {fid.by}: mean error {_p(s['mean_error'])} points, "
                     f"coverage {_p(s['coverage'])} %", fontsize=11)
        ax.legend(loc="upper left", frameon=False, fontsize=9)
        ax.grid(color="#eeeeee")
        ax.set_axisbelow(True)
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=dpi, metadata={"Software": None})
    return buf.getvalue()
