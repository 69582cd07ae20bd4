"""Cross-validation folds: stratified by the labels and, when groups are given, grouped.

Quotes of one article share words, names and topic; a model that saw some of them in training
scores the rest too well. With ``groups`` (the article id of each quote, ``data.group_field``)
the folds keep every group on one side (scikit-learn's :class:`~sklearn.model_selection.
StratifiedGroupKFold`), stratified on a key made of each item's label combination, so that
every fold gets a similar share of each frame and of frame-less quotes. Combinations too rare
to spread over the folds fall back to their first label (then to "no label").

Without groups: multi-label-aware stratification (``iterstrat``'s
:class:`MultilabelStratifiedKFold`) for an indicator matrix, ordinary stratified folds for a
vector of classes — the behaviour before grouping existed.

>>> import numpy as np
>>> Y = np.array([[1, 0], [0, 1], [0, 0], [1, 0], [0, 1], [0, 0]] * 4)
>>> groups = [f"a{i // 2}" for i in range(len(Y))]
>>> folds = split(Y, 3, seed=0, groups=groups)
>>> all(not {groups[i] for i in tr} & {groups[i] for i in te} for tr, te in folds)
True
"""

from __future__ import annotations

import warnings
from collections import Counter

import numpy as np


def combination_key(Y: np.ndarray, min_count: int) -> np.ndarray:
    """One integer class per row of an indicator matrix: its label combination, or its first
    label when the combination has fewer than ``min_count`` rows, or "none" (−1 → class 0)."""
    Y = np.asarray(Y)
    if Y.ndim == 1:
        return Y
    combos = ["".join(map(str, row)) for row in Y.astype(int)]
    counts = Counter(combos)
    keys = []
    for row, combo in zip(Y, combos):
        if counts[combo] >= min_count:
            keys.append(combo)
        else:
            first = np.flatnonzero(row)[:1]  # the one-hot combination of the first label
            keys.append("".join("1" if j in first else "0" for j in range(Y.shape[1])))
    names = {k: i for i, k in enumerate(sorted(set(keys)))}
    return np.array([names[k] for k in keys])


def splitter(y: np.ndarray, n_splits: int, seed: int, grouped: bool = False):
    """The scikit-learn splitter for ``y`` (an indicator matrix or a class vector)."""
    if grouped:
        from sklearn.model_selection import StratifiedGroupKFold

        return StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    if np.ndim(y) == 2:
        from iterstrat.ml_stratifiers import MultilabelStratifiedKFold

        return MultilabelStratifiedKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    from sklearn.model_selection import StratifiedKFold

    return StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=seed)


def split(Y: np.ndarray, n_splits: int, seed: int, groups=None) -> list[tuple[np.ndarray, np.ndarray]]:
    """``[(train_index, test_index), ...]``; grouped when ``groups`` is given.

    Raises ValueError when the data cannot make ``n_splits`` folds (fewer groups or items)."""
    Y = np.asarray(Y)
    if groups is None:
        return list(splitter(Y, n_splits, seed).split(np.zeros(len(Y)), Y))
    groups = np.asarray(groups)
    n_groups = len(set(groups.tolist()))
    if n_groups < n_splits:
        raise ValueError(f"{n_splits} folds need at least {n_splits} groups, got {n_groups}")
    key = combination_key(Y, min_count=2 * n_splits)
    with warnings.catch_warnings():  # "least populated class has only N members": expected
        warnings.simplefilter("ignore", UserWarning)
        return list(splitter(key, n_splits, seed, grouped=True).split(np.zeros(len(Y)), key,
                                                                      groups))
