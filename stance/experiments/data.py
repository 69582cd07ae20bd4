"""Load labeled examples for an experiment from any of the formats a config may name.

``data.train`` / ``data.test`` may be

* a **Label Studio export** (``.json`` or ``.json.gz``: a JSON array of tasks with ``data`` and
  ``annotations``), resolved to one label set per quote by
  :func:`stance.annotations.build_dataset` with ``data.policy`` (``majority``,
  ``ground_truth`` or ``annotator:ID``); a ``.json`` array of plain records works too;
* a **dataset JSONL** from ``stance annotations build`` (``quote_id``, ``text``, ``frames`` ...);
* **any JSONL** (or ``.jsonl.gz``) with a text field and a label field;
* a **CSV** (or ``.tsv``) with a header row; a multi-label cell is a JSON list (``["a", "b"]``),
  ``a|b``, or empty for no label.

The label field holds a list of labels or a single label. For a single-label task every record
needs exactly one label; for a multi-label task a record may have none.

``data.group_field`` (e.g. ``article_id``) gives each example a group for grouped folds;
records resolved with the ``soft`` policy carry a sample ``weight``; ``data.eval_policy``
resolves the same export a second time for the gold that scores are computed against
(:attr:`Examples.gold`), so that runs trained under different policies are scored alike.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from stance.io import InputError, iter_jsonl, open_text

ID_FIELDS = ("quote_id", "id")


@dataclass
class Examples:
    """Labeled examples in file order."""

    ids: list[str]
    texts: list[str]
    labels: list[list[str]]  # one list per record ([] = no label)
    path: str = ""
    lines: list[int] = field(default_factory=list)
    groups: list[str] | None = None      # data.group_field of each record
    weights: list[float] | None = None   # sample weights (the soft policy's ``weight``)
    gold: list[list[str]] | None = None  # labels under data.eval_policy (None: ``labels``)

    def __len__(self) -> int:
        return len(self.texts)

    def subset(self, index) -> "Examples":
        index = list(index)

        def pick(values):
            return None if values is None else [values[i] for i in index]

        return Examples(pick(self.ids), pick(self.texts), pick(self.labels), self.path,
                        pick(self.lines) if self.lines else [], pick(self.groups),
                        pick(self.weights), pick(self.gold))

    @property
    def eval_labels(self) -> list[list[str]]:
        """The labels that scores are computed against."""
        return self.labels if self.gold is None else self.gold


def indicator(labels: list[list[str]], label_set: list[str]) -> np.ndarray:
    """Lists of labels -> an (n, len(label_set)) 0/1 matrix."""
    pos = {lab: j for j, lab in enumerate(label_set)}
    y = np.zeros((len(labels), len(label_set)), dtype=np.int8)
    for i, labs in enumerate(labels):
        for lab in labs:
            y[i, pos[lab]] = 1
    return y


def _iter_ls_export(path: Path, policy: str):
    try:
        from stance.annotations import build_dataset
    except ImportError:
        raise InputError("reading a Label Studio export needs stance.annotations.build_dataset, "
                         "which this installation lacks; build a dataset JSONL with "
                         "'stance annotations build' and point data.train at it", path) from None
    try:
        records, _summary = build_dataset([path], policy=policy)
    except InputError as exc:
        if exc.field == "policy":
            raise InputError(exc.message, path, field="data.policy") from None
        raise
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError(f"cannot read as a Label Studio export: {exc}", path) from None
    for i, rec in enumerate(records, 1):
        yield i, rec


def _starts_with_bracket(path: Path) -> bool:
    """A ``.json.gz`` file can hold a JSON array (an export) or JSON Lines: look inside."""
    with open_text(path) as fh:
        try:
            head = fh.read(256)
        except (UnicodeDecodeError, OSError, EOFError):
            return False
    return head.lstrip("\ufeff \t\r\n").startswith("[")


def _load_json(path: Path):
    with open_text(path) as fh:
        try:
            return json.load(fh)
        except json.JSONDecodeError as exc:
            raise InputError(f"broken JSON: {exc.msg} (column {exc.colno})", path, exc.lineno) from None
        except UnicodeDecodeError as exc:
            raise InputError(f"not valid UTF-8 (byte {exc.start})", path) from None


def _iter_csv(path: Path):
    delimiter = "\t" if path.name.lower().endswith((".tsv", ".tsv.gz")) else ","
    with open_text(path) as fh:
        reader = csv.DictReader(fh, delimiter=delimiter)
        if not reader.fieldnames:
            raise InputError("empty CSV: no header row", path)
        seen = False
        try:
            for rec in reader:
                seen = True
                yield reader.line_num, {k: v for k, v in rec.items() if k is not None}
        except csv.Error as exc:
            raise InputError(f"broken CSV: {exc}", path, reader.line_num) from None
        except UnicodeDecodeError as exc:
            raise InputError(f"not valid UTF-8 (byte {exc.start})", path,
                             reader.line_num + 1) from None
        if not seen:
            raise InputError("empty CSV: no records", path)


def iter_records(path: str | Path, policy: str = "majority"):
    """Yield ``(line, record)`` from any supported file; ``line`` is the file line (JSONL,
    CSV) or the item number (JSON arrays, Label Studio exports)."""
    path = Path(path)
    name = path.name.lower()
    if name.endswith((".csv", ".tsv", ".csv.gz", ".tsv.gz")):
        yield from _iter_csv(path)
    elif name.endswith(".json") or (name.endswith(".json.gz") and _starts_with_bracket(path)):
        data = _load_json(path)
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise InputError("a .json file must be a Label Studio export or a JSON array of "
                             "records; use JSONL for anything else", path)
        if data and "data" in data[0] and "annotations" in data[0]:
            yield from _iter_ls_export(path, policy)
        else:
            yield from enumerate(data, 1)
    else:
        yield from iter_jsonl(path)


def _parse_csv_labels(value: str):
    value = value.strip()
    if value.startswith("["):
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            return value
    return value


def _labels_of(rec: dict, cfg_data: dict, path, line, is_csv: bool) -> list[str]:
    key = cfg_data["label_field"]
    multi = cfg_data["multi_label"]
    if key not in rec:
        raise InputError("record has no label field (set data.label_field)", path, line, key)
    value = rec[key]
    if is_csv and isinstance(value, str):
        value = _parse_csv_labels(value)
        if multi and isinstance(value, str):
            value = [v.strip() for v in value.split("|") if v.strip()]
    if value is None or value == "":
        value = []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise InputError(f"expected a label or a list of labels, got {value!r}", path, line, key)
    if not multi and len(value) != 1:
        raise InputError(f"single-label task (data.multi_label: false) needs exactly one label, "
                         f"got {value!r}", path, line, key)
    return sorted(set(value), key=value.index)


def _weight_of(rec: dict, path, line) -> float | None:
    w = rec.get("weight")
    if w is None:
        return None
    if not isinstance(w, (int, float)) or isinstance(w, bool) or not w > 0:
        raise InputError(f"a sample weight must be a positive number, got {w!r}", path, line,
                         "weight")
    return float(w)


def load_examples(path: str | Path, cfg_data: dict) -> Examples:
    """Read labeled examples from ``path`` with the fields named in the ``data`` section."""
    ex = _load(path, cfg_data, cfg_data.get("policy", "majority"))
    eval_policy = cfg_data.get("eval_policy")
    if eval_policy and eval_policy != cfg_data.get("policy", "majority"):
        other = _load(path, cfg_data, eval_policy)
        gold = dict(zip(other.ids, other.labels))
        keep = [i for i, rid in enumerate(ex.ids) if rid in gold]
        if not keep:
            raise InputError(f"no example has labels under both data.policy and "
                             f"data.eval_policy {eval_policy!r}", path, field="data.eval_policy")
        ex = ex.subset(keep)
        ex.gold = [gold[rid] for rid in ex.ids]
    return ex


def _load(path: str | Path, cfg_data: dict, policy: str) -> Examples:
    path = Path(path)
    is_csv = path.name.lower().endswith((".csv", ".tsv", ".csv.gz", ".tsv.gz"))
    text_key, id_key = cfg_data["text_field"], cfg_data["id_field"]
    group_key = cfg_data.get("group_field")
    ids, texts, labels, lines, groups, weights = [], [], [], [], [], []
    seen_ids: dict[str, int] = {}
    for line, rec in iter_records(path, policy):
        text = rec.get(text_key)
        if not isinstance(text, str):
            what = "has no text field (set data.text_field)" if text_key not in rec else \
                f"text must be a string, got {type(text).__name__}"
            raise InputError(f"record {what}", path, line, text_key)
        if id_key is not None:
            if rec.get(id_key) in (None, ""):
                raise InputError("record has no id (set data.id_field)", path, line, id_key)
            rid = str(rec[id_key])
        else:
            rid = next((str(rec[k]) for k in ID_FIELDS if rec.get(k) not in (None, "")), str(line))
        if rid in seen_ids:
            raise InputError(f"duplicate id {rid!r} (first on line {seen_ids[rid]})", path, line,
                             id_key or "id")
        seen_ids[rid] = line
        ids.append(rid)
        texts.append(text)
        labels.append(_labels_of(rec, cfg_data, path, line, is_csv))
        lines.append(line)
        if group_key is not None:
            if rec.get(group_key) in (None, ""):
                raise InputError("record has no group (set data.group_field, or null for "
                                 "ungrouped folds)", path, line, group_key)
            groups.append(str(rec[group_key]))
        weights.append(_weight_of(rec, path, line))
    has_weights = any(w is not None for w in weights)
    return Examples(ids, texts, labels, str(path), lines, groups if group_key else None,
                    [1.0 if w is None else w for w in weights] if has_weights else None)


def resolve_labels(train: Examples, cfg_data: dict, test: Examples | None = None) -> list[str]:
    """The label set: ``data.labels`` as given, or sorted from the training data. Every label
    in the data must belong to it (the error names the file, line and label), unless a
    multi-label config says ``other_labels: ignore``: then other labels are dropped."""
    declared = cfg_data["labels"]
    if declared is None:
        label_set = sorted({lab for labs in train.labels for lab in labs})
        if not label_set:
            raise InputError("no labels found in the training data", train.path,
                             field=cfg_data["label_field"])
    else:
        label_set = list(declared)
    allowed = set(label_set)
    ignore = cfg_data.get("other_labels", "error") == "ignore" and declared is not None
    for ex, lists in ((train, train.labels), (train, train.gold), (test, test and test.labels),
                      (test, test and test.gold)):
        if ex is None or lists is None:
            continue
        for i, labs in enumerate(lists):
            bad = [lab for lab in labs if lab not in allowed]
            if not bad:
                continue
            if ignore and cfg_data["multi_label"]:
                lists[i] = [lab for lab in labs if lab in allowed]
                continue
            src = "data.labels" if declared is not None else "the training data's labels"
            hint = " (set data.other_labels: ignore to drop such labels)" if \
                declared is not None and cfg_data["multi_label"] else ""
            raise InputError(f"label {bad[0]!r} is not in {src} ({', '.join(label_set)}){hint}",
                             ex.path, ex.lines[i] if ex.lines else None, cfg_data["label_field"])
    if not cfg_data["multi_label"] and len(label_set) < 2:
        raise InputError("a single-label task needs at least two labels", train.path,
                         field=cfg_data["label_field"])
    return label_set
