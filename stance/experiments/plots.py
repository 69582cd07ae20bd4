"""Run plots (matplotlib, Agg backend): per-label confusion matrices and precision-recall curves.

matplotlib >= 3.11 shapes Arabic labels itself, so label names are drawn as given.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np


def _plt():
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    return plt


def _grid(n: int):
    cols = min(4, n)
    return cols, math.ceil(n / cols)


def _save(plt, fig, path: Path) -> Path:
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def _count_matrix(ax, m: np.ndarray, ticks: list[str], fontsize=None, xtick_kw=None) -> None:
    """A confusion matrix of counts on ``ax``: gold rows, predicted columns, each cell labelled."""
    ax.imshow(m, cmap="Blues")
    for (r, c), v in np.ndenumerate(m):
        ax.text(c, r, str(v), ha="center", va="center", fontsize=fontsize,
                color="white" if v > m.max() / 2 else "black")
    ax.set_xticks(range(len(ticks)), ticks, **(xtick_kw or {}))
    ax.set_yticks(range(len(ticks)), ticks)
    ax.set_xlabel("predicted")
    ax.set_ylabel("gold")


def confusion_per_label(gold: np.ndarray, pred: np.ndarray, labels: list[str], path: Path,
                        title: str = "") -> Path:
    """One 2x2 matrix (gold no/yes x predicted no/yes) per label."""
    plt = _plt()
    cols, rows = _grid(len(labels))
    fig, axes = plt.subplots(rows, cols, figsize=(3.2 * cols, 3.0 * rows), squeeze=False)
    for ax in axes.flat[len(labels):]:
        ax.axis("off")
    for j, (lab, ax) in enumerate(zip(labels, axes.flat)):
        g, p = gold[:, j].astype(bool), pred[:, j].astype(bool)
        m = np.array([[np.sum(~g & ~p), np.sum(~g & p)], [np.sum(g & ~p), np.sum(g & p)]])
        _count_matrix(ax, m, ["no", "yes"])
        ax.set_title(lab)
    if title:
        fig.suptitle(title)
    return _save(plt, fig, path)


def confusion_matrix_plot(gold: np.ndarray, pred: np.ndarray, labels: list[str], path: Path,
                          title: str = "") -> Path:
    """The k x k confusion matrix of a single-label task (rows gold, columns predicted)."""
    plt = _plt()
    k = len(labels)
    m = np.zeros((k, k), dtype=int)
    for g, p in zip(gold.argmax(1), pred.argmax(1)):
        m[g, p] += 1
    size = max(4.0, 0.6 * k + 2)
    fig, ax = plt.subplots(figsize=(size, size))
    _count_matrix(ax, m, labels, fontsize=8, xtick_kw={"rotation": 60, "ha": "right"})
    ax.set_title(title or "confusion matrix")
    return _save(plt, fig, path)


def pr_curves(gold: np.ndarray, scores: np.ndarray, labels: list[str], path: Path,
              title: str = "") -> Path:
    """Precision-recall curve and average precision of each label (one panel)."""
    from sklearn.metrics import average_precision_score, precision_recall_curve

    plt = _plt()
    fig, ax = plt.subplots(figsize=(6.5, 5))
    for j, lab in enumerate(labels):
        if gold[:, j].sum() == 0:
            continue
        prec, rec, _ = precision_recall_curve(gold[:, j], scores[:, j])
        ap = average_precision_score(gold[:, j], scores[:, j])
        ax.plot(rec, prec, label=f"{lab} (AP {ap:.2f}, n={int(gold[:, j].sum())})")
    ax.set_xlabel("recall")
    ax.set_ylabel("precision")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.02)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=7 if len(labels) > 8 else 9, loc="lower left")
    ax.set_title(title or "precision-recall")
    return _save(plt, fig, path)


def learning_curve_plot(curve: dict, path: Path, title: str = "") -> Path:
    """F1 per label and macro-F1 against the training size, with 95 % bootstrap bands."""
    plt = _plt()
    pts = curve["points"]
    x = [p["n_train_mean"] for p in pts]
    fig, ax = plt.subplots(figsize=(6.5, 4.5))
    series = [("macro-F1", [p["macro_f1"] for p in pts], [p["macro_f1_ci"] for p in pts])]
    series += [(lab, [p["per_label"][lab]["f1"] for p in pts],
                [p["per_label"][lab]["f1_ci"] for p in pts]) for lab in curve["labels"]]
    for i, (name, y, ci) in enumerate(series):
        style = {"color": "black", "linewidth": 2.2} if i == 0 else {"linewidth": 1.3}
        line, = ax.plot(x, y, marker="o", label=name, **style)
        if all(c is not None for c in ci):
            ax.fill_between(x, [c[0] for c in ci], [c[1] for c in ci], alpha=0.12 if i else 0.18,
                            color=line.get_color())
    ax.set_xlabel("training items per fold" + (" (whole articles)" if curve.get("grouped") else ""))
    ax.set_ylabel("F1 (out-of-fold)")
    ax.set_ylim(0, 1)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, loc="lower right")
    ax.set_title(title or "learning curve")
    return _save(plt, fig, path)


def run_plots(directory: Path, gold, pred, scores, labels, multi_label: bool, title: str) -> list[str]:
    directory.mkdir(parents=True, exist_ok=True)
    made = [confusion_per_label(gold, pred, labels, directory / "confusion_per_label.png", title),
            pr_curves(gold, scores, labels, directory / "pr_curves.png", title)]
    if not multi_label:
        made.append(confusion_matrix_plot(gold, pred, labels, directory / "confusion_matrix.png",
                                          title))
    return [p.name for p in made]
