"""Plots of a :class:`~stance.report.aggregate.Report` with matplotlib (Agg, no pyplot).

* ``heatmap.png``: groups × frames, the share of quotes carrying each frame;
* ``bars.png``: one stacked bar per group (the frame shares end to end; a quote can carry
  several frames, so a bar can pass 100 %), each segment with its 95 % interval;
* ``timeline.png``: per group, quotes per period and quotes carrying each frame
  (only groups with dated quotes in at least two periods).

Arabic labels: matplotlib ≥ 3.11 lays text out with libraqm, which joins Arabic letters
and orders them right to left by itself; reshaping on top of that breaks the text. Older
matplotlib draws code points one by one, so there (only) the labels are reshaped with
arabic-reshaper and reordered with python-bidi.
"""

from __future__ import annotations

import functools
import io
import math
import os
from pathlib import Path

from stance.frames import FRAME_BY_KEY
from stance.io import atomic_output

from .aggregate import Group, Report, period_range
from .safe import plain_text

FRAME_COLORS = {"terrorism": "#d62728", "sovereignty": "#1f77b4", "solidarity": "#2ca02c",
                "mediation": "#9467bd"}
NONE_COLOR = "#bbbbbb"
ARABIC_FONTS = ("Noto Naskh Arabic", "Noto Sans Arabic", "Amiri")
MAX_ROWS = 40
MAX_PANELS = 12
PLOT_NAMES = ("heatmap", "bars", "timeline")


@functools.lru_cache(maxsize=1)
def native_arabic() -> bool:
    """True when this matplotlib shapes complex scripts itself (libraqm layout)."""
    from matplotlib import ft2font

    return hasattr(ft2font.FT2Font, "_layout")


def ar(text: str) -> str:
    """A label as this matplotlib needs it to show Arabic joined and right to left (without
    direction or control characters, which would reorder or break it: .safe)."""
    text = plain_text(text)
    if native_arabic() or not any("\u0600" <= c <= "\u06ff" for c in text):
        return text
    import arabic_reshaper
    from bidi import get_display

    return get_display(arabic_reshaper.reshape(text))


@functools.lru_cache(maxsize=1)
def font_family() -> list[str]:
    """A nicer Arabic face when one is installed, DejaVu Sans (bundled) for the rest."""
    from matplotlib import font_manager

    names = {f.name for f in font_manager.fontManager.ttflist}
    return [f for f in ARABIC_FONTS if f in names][:1] + ["DejaVu Sans"]


def _figure(w: float, h: float):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(w, h), layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def _rc():
    import matplotlib

    return matplotlib.rc_context({"font.family": font_family(), "font.size": 10,
                                  "axes.titlesize": 12, "svg.fonttype": "none"})


def _darker(color: str, factor: float = 0.6) -> tuple:
    from matplotlib.colors import to_rgb

    return tuple(c * factor for c in to_rgb(color))


def _rows(report: Report, limit: int) -> list[Group]:
    return report.groups[:limit]


def _frame_label(key: str) -> str:
    return f"{ar(FRAME_BY_KEY[key].arabic)}\n{key}"


def _title(report: Report, what: str, shown: int, first: bool = True) -> str:
    unit = "actors" if report.by == "actor" else "countries"
    if shown < len(report.groups):
        which = f"{'the first ' if first else ''}{shown} of {len(report.groups)} {unit}"
    else:
        which = f"{shown} {unit}"
    if report.min_quotes > 1:
        which += f" with ≥{report.min_quotes} quotes"
    return f"{what} — {report.kind_text}, {which}"


def heatmap(report: Report, max_rows: int = MAX_ROWS):
    """Groups (rows, in report order) × frames: the share of quotes carrying each frame."""
    import numpy as np

    groups = _rows(report, max_rows)
    frames = list(report.frames)
    with _rc():
        fig = _figure(2.2 + 1.25 * len(frames) + 2.4, 1.6 + 0.48 * max(len(groups), 3))
        ax = fig.add_subplot()
        data = np.array([[g.frames[f].share for f in frames] for g in groups]).reshape(
            len(groups), len(frames))
        im = ax.imshow(data, cmap="Blues", vmin=0, vmax=1, aspect="auto")
        for i, g in enumerate(groups):
            for j, f in enumerate(frames):
                v = data[i, j]
                fs = g.frames[f]
                color = "white" if v > 0.55 else "#222222"
                ax.text(j, i - 0.12, f"{v * 100:.0f}%", ha="center", va="center", fontsize=9,
                        color=color)
                ax.text(j, i + 0.22, f"[{fs.low * 100:.0f}–{fs.high * 100:.0f}]", ha="center",
                        va="center", fontsize=7, color=color)
        ax.set_xticks(range(len(frames)), [_frame_label(f) for f in frames])
        ax.xaxis.tick_top()
        ax.set_yticks(range(len(groups)), [ar(g.name) for g in groups])
        sec = ax.secondary_yaxis("right")
        sec.set_yticks(range(len(groups)), [f"n={g.n_quotes}" for g in groups])
        sec.tick_params(length=0)
        ax.tick_params(length=0)
        cb = fig.colorbar(im, ax=ax, shrink=min(1.0, 6 / max(len(groups), 1)) if groups else 1,
                          pad=0.02)
        cb.set_label("share of quotes")
        cb.ax.yaxis.set_major_formatter(lambda x, _: f"{x * 100:.0f}%")
        ax.set_title(_title(report, "Share of quotes carrying each frame "
                            f"[{report.confidence:.0%} interval]", len(groups)), fontsize=11)
    return fig


def bars(report: Report, max_rows: int = MAX_ROWS):
    """Grouped horizontal bars: per group one bar per frame, each with its interval."""
    groups = _rows(report, max_rows)
    frames = list(report.frames)
    k = len(frames)
    with _rc():
        fig = _figure(10, 1.9 + 0.22 * k * max(len(groups), 3))
        ax = fig.add_subplot()
        h = 0.8 / k
        for j, f in enumerate(frames):
            ys = [i - 0.4 + h * (j + 0.5) for i in range(len(groups))]
            fs = [g.frames[f] for g in groups]
            ax.barh(ys, [s.share for s in fs], height=h * 0.92, color=FRAME_COLORS.get(f),
                    alpha=0.85, label=f"{ar(FRAME_BY_KEY[f].arabic)} {f}")
            ax.errorbar([s.share for s in fs], ys,
                        xerr=[[s.share - s.low for s in fs], [s.high - s.share for s in fs]],
                        fmt="none", ecolor=_darker(FRAME_COLORS.get(f, "#333333")),
                        elinewidth=1.0, capsize=2)
        for i, g in enumerate(groups):
            ax.text(1.01, i, f"n={g.n_quotes}", va="center", fontsize=9, color="#444444",
                    transform=ax.get_yaxis_transform())
            if i:
                ax.axhline(i - 0.5, color="#dddddd", lw=0.6)
        ax.set_yticks(range(len(groups)), [ar(g.name) for g in groups])
        ax.set_ylim(len(groups) - 0.5, -0.5)
        ax.set_xlim(0, 1)
        ax.xaxis.set_major_formatter(lambda x, _: f"{x * 100:.0f}%")
        ax.set_xlabel(f"share of quotes carrying each frame (a quote can carry several "
                      f"frames or none); whiskers: {report.confidence:.0%} interval"
                      + ("" if report.estimator == "labels" else
                         f"; model estimates ({report.estimator})"))
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=k, frameon=False)
        ax.set_title(_title(report, "Frames per " + report.by, len(groups)), fontsize=11,
                     pad=28)
        ax.grid(axis="x", color="#eeeeee")
        ax.set_axisbelow(True)
    return fig


def timeline_groups(report: Report, max_panels: int = MAX_PANELS) -> list[Group]:
    return [g for g in report.groups if len(g.timeline) >= 2][:max_panels]



def _period_axes(axes, used: int, periods: list, ylabel: str) -> None:
    """Small multiples over periods: hide the unused panels, label at most 12 periods on the
    bottom row and the y axis on the first column."""
    for ax in list(axes.flat)[used:]:
        ax.set_visible(False)
    xs = list(range(len(periods)))
    step = max(1, -(-len(periods) // 12))
    for ax in axes[-1]:
        ax.set_xticks(xs[::step], periods[::step], rotation=45, ha="right")
    for ax in axes[:, 0]:
        ax.set_ylabel(ylabel)

def trends(report: Report, max_panels: int = MAX_PANELS):
    """Small multiples for ``--by-period``: per top group (by quotes), the share of each frame
    per period with its interval band, and the quotes per period (grey bars, right axis)."""
    groups = [g for g in report.groups if len(g.trend) >= 2]
    groups = sorted(groups, key=lambda g: -g.n_quotes)[:max_panels]
    if not groups:
        return None
    seen = sorted({t["period"] for g in groups for t in g.trend})
    periods = period_range(seen[0], seen[-1])
    ncols = min(3, len(groups))
    nrows = -(-len(groups) // ncols)
    with _rc():
        fig = _figure(4.8 * ncols, 1.4 + 2.8 * nrows)
        axes = fig.subplots(nrows, ncols, squeeze=False, sharex=True, sharey=True)
        xs = list(range(len(periods)))
        for ax, g in zip(axes.flat, groups):
            by_p = {t["period"]: t for t in g.trend}
            twin = ax.twinx()
            twin.bar(xs, [by_p[p]["n"] if p in by_p else 0 for p in periods],
                     color="#f5f5f5", width=0.5, zorder=0)
            twin.set_ylabel("quotes", color="#999999", fontsize=8)
            twin.tick_params(labelsize=7, colors="#999999")
            ax.set_zorder(twin.get_zorder() + 1)
            ax.patch.set_visible(False)
            for f in report.frames:
                val = [by_p[p]["frames"][f] if p in by_p else [math.nan] * 3 for p in periods]
                color = FRAME_COLORS.get(f)
                ax.plot(xs, [v[0] for v in val], marker="o", ms=3.5, lw=1.5, color=color)
                ax.fill_between(xs, [v[1] for v in val], [v[2] for v in val], color=color,
                                alpha=0.09, lw=0)
            ax.set_title(f"{ar(g.name)} (n={g.n_quotes})", fontsize=10)
            ax.set_ylim(0, 1)
            ax.yaxis.set_major_formatter(lambda x, _: f"{x * 100:.0f}%")
            ax.grid(axis="y", color="#eeeeee")
        _period_axes(axes, len(groups), periods, "share of quotes")
        from matplotlib.lines import Line2D
        from matplotlib.patches import Patch

        handles = [Line2D([], [], color=FRAME_COLORS.get(f), marker="o",
                          label=f"{ar(FRAME_BY_KEY[f].arabic)} {f}") for f in report.frames]
        handles.append(Patch(color="#e0e0e0", label="quotes per period (right axis)"))
        fig.legend(handles=handles, loc="outside lower center", ncol=len(handles),
                   frameon=False)
        what = "model estimates" if report.estimator != "labels" else "annotators' labels"
        fig.suptitle(_title(report, f"Frame shares per {report.by_period} ({what}; bands: "
                            f"{report.confidence:.0%} interval)", len(groups), first=False),
                     fontsize=11)
    return fig


def timeline(report: Report, max_panels: int = MAX_PANELS):
    """Small multiples: per group, quotes per period (grey) and quotes carrying each frame.
    None when no group has dated quotes in two periods or more. With ``--by-period``, the
    shares with intervals instead (:func:`trends`)."""
    if report.by_period:
        return trends(report, max_panels)
    groups = timeline_groups(report, max_panels)
    if not groups:
        return None
    seen = sorted({p for g in groups for p in g.timeline})
    periods = period_range(seen[0], seen[-1])  # evenly spaced, empty periods included
    ncols = min(3, len(groups))
    nrows = -(-len(groups) // ncols)
    with _rc():
        fig = _figure(4.6 * ncols, 1.2 + 2.6 * nrows)
        axes = fig.subplots(nrows, ncols, squeeze=False, sharex=True)
        xs = list(range(len(periods)))
        for ax, g in zip(axes.flat, groups):
            n = [g.timeline.get(p, {}).get("n", 0) for p in periods]
            ax.bar(xs, n, color="#e3e3e3", width=0.8, label="all quotes")
            for f in report.frames:
                # no point (a gap in the line) where the group has no quote at all
                ys = [g.timeline[p][f] if p in g.timeline else math.nan for p in periods]
                if any(y > 0 for y in ys):
                    ax.plot(xs, ys, marker="o", ms=4, lw=1.6, color=FRAME_COLORS.get(f),
                            label=f)
            ax.set_title(f"{ar(g.name)} (n={g.n_quotes})", fontsize=10)
            ax.yaxis.get_major_locator().set_params(integer=True)
            ax.grid(axis="y", color="#eeeeee")
            ax.set_axisbelow(True)
        _period_axes(axes, len(groups), periods, "quotes")
        from matplotlib.lines import Line2D
        from matplotlib.patches import Patch

        handles = [Patch(color="#e3e3e3", label="all quotes")] + [
            Line2D([], [], color=FRAME_COLORS.get(f), marker="o",
                   label=f"{ar(FRAME_BY_KEY[f].arabic)} {f}") for f in report.frames]
        fig.legend(handles=handles, loc="outside lower center", ncol=len(handles),
                   frameon=False)
        fig.suptitle(_title(report, f"Frames over time (quotes per {report.period})",
                            len(groups), first=False), fontsize=11)
    return fig


def render_plots(report: Report, dpi: int = 110) -> dict[str, bytes]:
    """PNG bytes by plot name; ``timeline`` only when there are dates to plot."""
    out = {}
    for name, make in (("heatmap", heatmap), ("bars", bars), ("timeline", timeline)):
        if not report.groups:
            break
        fig = make(report)
        if fig is None:
            continue
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=dpi, metadata={"Software": None})
        out[name] = buf.getvalue()
    return out


def write_plots(report: Report, out_dir: str | os.PathLike, dpi: int = 110,
                pngs: dict[str, bytes] | None = None) -> list[Path]:
    """Write ``<out_dir>/{heatmap,bars,timeline}.png`` (each atomically); returns the paths."""
    pngs = render_plots(report, dpi) if pngs is None else pngs
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in pngs.items():
        path = out_dir / f"{name}.png"
        with atomic_output(path, "wb") as fh:
            fh.write(data)
        paths.append(path)
    return paths
