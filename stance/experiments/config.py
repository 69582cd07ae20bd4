"""Experiment configs: one YAML file fully determines a run.

A config has four sections (``name`` and ``output_dir`` at the top level are optional)::

    name: tfidf-frames            # default: the config file's stem
    output_dir: runs              # where run directories go
    data:
      train: annotations/dev_dataset.jsonl   # LS export JSON, dataset JSONL, any JSONL, or CSV
      test: null                  # a fixed test file; null -> k-fold cross-validation
      text_field: text
      label_field: frames         # a list of labels or one label per record
      id_field: null              # null -> quote_id, then id, then the line number
      multi_label: true
      labels: [terrorism, sovereignty, solidarity, mediation]   # null -> from the training data
      other_labels: error         # a label outside data.labels: error, or ignore (drop it)
      policy: majority            # how a Label Studio export with several annotators is resolved
                                  # (majority, union, soft, ground_truth, annotator:ID)
      eval_policy: null           # the gold that scores are computed against; null -> policy
      group_field: null           # e.g. article_id: CV folds never split a group
    eval:
      folds: 5
      seed: 13
      bootstrap: 1000             # bootstrap samples for the 95 % confidence intervals
      learning_curve: null        # e.g. [0.25, 0.5, 0.75, 1.0]: F1 against training size (CV)
      final_model: true           # false: cross-validation only, no model/ (faster; the run
                                  # scores and compares but `stance predict` cannot use it)
      repeats: 1                  # CV repeated with seeds seed, seed+1, ...: the spread over
                                  # fold draws in metrics.json «repeated» (the headline: seed's)
    model:
      type: tfidf                 # or bert, embedding, or ensemble; the other keys depend on the type

An ``ensemble`` model lists its ``members`` (each a model section with its own ``type``) and
averages their label probabilities (``weights``, equal by default), cut at ``threshold``;
``--set model.members.1.epochs=5`` reaches into a member.

Unknown keys, values of the wrong type and missing files are :class:`~stance.io.InputError`
naming the key (and the path). ``--set key=value`` overrides any key; the value is read as
YAML, so ``--set data.labels=null`` and ``--set data.labels=[a,b]`` work.
"""

from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Any, Callable

import yaml

from stance.io import InputError

REQUIRED = object()


def _is_bool(v):
    return isinstance(v, bool)


def _is_int(lo=None):
    def check(v):
        return isinstance(v, int) and not isinstance(v, bool) and (lo is None or v >= lo)
    check.__doc__ = "an integer" + (f" >= {lo}" if lo is not None else "")
    return check


def _is_num(lo=None, hi=None, lo_open=False):
    def check(v):
        if not isinstance(v, (int, float)) or isinstance(v, bool):
            return False
        if lo is not None and (v <= lo if lo_open else v < lo):
            return False
        return hi is None or v <= hi
    check.__doc__ = "a number" + (f" {'>' if lo_open else '>='} {lo}" if lo is not None else "") + (
        f" and <= {hi}" if hi is not None else "")
    return check


def _is_str(v):
    return isinstance(v, str) and v != ""


def _opt(check):
    def opt(v):
        return v is None or check(v)
    opt.__doc__ = f"null or {check.__doc__ or 'a value'}"
    return opt


def _one_of(*choices):
    def check(v):
        return v in choices
    check.__doc__ = "one of " + ", ".join(map(repr, choices))
    return check


def _range_pair(v):
    return (isinstance(v, (list, tuple)) and len(v) == 2 and all(_is_int(1)(x) for x in v)
            and v[0] <= v[1])


def _label_list(v):
    return (isinstance(v, list) and len(v) > 0 and all(_is_str(x) for x in v)
            and len(set(v)) == len(v))


def _fractions(v):
    return (isinstance(v, list) and len(v) > 0 and len(set(v)) == len(v)
            and all(_is_num(0, 1, lo_open=True)(x) for x in v))


def _threshold(v):
    return v in ("tune", "shrink", "auto") or (_is_num(0, 1)(v))


_is_bool.__doc__ = "true or false"
_is_str.__doc__ = "a non-empty string"
_range_pair.__doc__ = "a pair [min, max] of positive integers"
_label_list.__doc__ = "a non-empty list of distinct label strings"
_threshold.__doc__ = "'tune', 'shrink', 'auto' or a number in [0, 1]"
_fractions.__doc__ = "a list of distinct fractions in (0, 1], e.g. [0.25, 0.5, 0.75, 1.0]"

# key -> (default, check); REQUIRED marks keys without a default.
TOP = {
    "name": (None, _opt(_is_str)),
    "output_dir": ("runs", _is_str),
}
DATA = {
    "train": (REQUIRED, _is_str),
    "test": (None, _opt(_is_str)),
    "text_field": ("text", _is_str),
    "label_field": ("labels", _is_str),
    "id_field": (None, _opt(_is_str)),
    "multi_label": (True, _is_bool),
    "labels": (None, _opt(_label_list)),
    "other_labels": ("error", _one_of("error", "ignore")),  # labels outside data.labels
    "policy": ("majority", _is_str),
    # The annotations that scores are computed against (LS exports only): train on one policy,
    # score against another (e.g. train on union, score against ground_truth). null -> policy.
    "eval_policy": (None, _opt(_is_str)),
    # A record field naming each item's group (article_id): CV folds keep a group on one side.
    "group_field": (None, _opt(_is_str)),
}
EVAL = {
    "folds": (5, _is_int(2)),
    "seed": (13, _is_int(0)),
    "bootstrap": (1000, _is_int(0)),
    # Learning curve (cross-validation only): train each fold on these fractions of its training
    # part (whole groups when grouped) and score its test part; stance.experiments.curves.
    "learning_curve": (None, _opt(_fractions)),
    # After cross-validation, fit the model that `stance predict` uses on all the data. false
    # saves that fit (a fifth more time at 5 folds) when only the CV figures are wanted.
    "final_model": (True, _is_bool),
    # Repeat the cross-validation with other fold draws (seeds seed+1, ...): how much the
    # figures owe to one draw of folds (metrics.json "repeated"; the headline figures, the
    # predictions and `stance compare` stay those of eval.seed).
    "repeats": (1, _is_int(1)),
}
def _linear_head(threshold: str) -> dict:
    """The keys of a logistic regression per label and its thresholds, shared by the models
    that put one on fixed features (tfidf, embedding); ``threshold`` is the default rule."""
    return {
        "C": (4.0, _is_num(0, lo_open=True)),
        "class_weight": ("balanced", _opt(_one_of("balanced"))),
        "threshold": (threshold, _threshold),     # multi-label decision threshold per label:
        # a number, tune (inner CV), shrink (tuned, pulled toward 0.5 for rare labels) or auto
        # (tuned only where it beat 0.5 on held-out inner folds); see stance.experiments.tfidf
        "inner_folds": (3, _is_int(2)),           # inner CV that tunes the thresholds
        "threshold_prior": (20.0, _is_num(0)),    # shrink: positives at which half-way to tuned
        "threshold_min_positives": (20, _is_int(1)),  # auto: fewer positives -> 0.5
    }


MODELS: dict[str, dict[str, tuple[Any, Callable]]] = {
    "tfidf": {
        "normalize": (True, _is_bool),            # stance.text.normalize_ar before n-grams
        "word_ngrams": ([1, 2], _opt(_range_pair)),
        "char_ngrams": ([2, 5], _opt(_range_pair)),
        "min_df": (1, _is_int(1)),
        "max_features": (None, _opt(_is_int(1))),
        "sublinear_tf": (True, _is_bool),
        # A pretrained encoder's sentence embedding as more features of the same regressions
        # (e5-small, a model directory or a hub id; null: n-grams only), weighted against the
        # n-grams (each part has unit norm) and read from the first embedding_max_length tokens
        "embedding": (None, _opt(_is_str)),
        "embedding_weight": (3.0, _is_num(0, lo_open=True)),
        "embedding_max_length": (64, _is_int(8)),
        **_linear_head("tune"),
    },
    "bert": {
        "model": (REQUIRED, _is_str),             # hub id, local directory, or e5-small
        "init": ("pretrained", _one_of("pretrained", "random")),  # random: same architecture,
                                                  # random weights (the twin of a comparison)
        "freeze_embeddings": (False, _is_bool),   # keep the word embeddings fixed (CPU-friendly)
        "freeze_layers": (0, _is_int(0)),         # also keep all embeddings and the N lowest
                                                  # encoder layers fixed (less backward work)
        "group_by_length": (False, _is_bool),     # batches of similar lengths: less padding
        "head_init": ("random", _one_of("random", "linear_probe")),  # linear_probe: start the
                                                  # head from a logistic regression (LP-FT)
        "pooling": ("cls", _one_of("cls", "mean")),  # what the head reads: the first token
                                                  # (BERT's pooler) or the mean of all tokens (e5)
        "max_length": (128, _is_int(8)),
        "batch_size": (16, _is_int(1)),
        "eval_batch_size": (64, _is_int(1)),
        "epochs": (5, _is_num(0, lo_open=True)),
        "lr": (5e-5, _is_num(0, lo_open=True)),
        "warmup": (0.1, _is_num(0, 0.999)),       # fraction of the training steps
        "weight_decay": (0.01, _is_num(0)),
        "grad_accum": (1, _is_int(1)),
        "early_stopping": (2, _is_int(0)),        # patience in epochs; 0 = off
        "class_weight": (None, _opt(_one_of("balanced"))),  # loss weights against imbalance
        "val_fraction": (0.15, _is_num(0, 0.5, lo_open=True)),  # inner validation split
        "threshold": ("tune", _threshold),
        "device": ("auto", _one_of("auto", "cpu", "cuda")),
        "precision": ("fp32", _one_of("fp32", "fp16", "bf16")),
        "seed": (None, _opt(_is_int(0))),         # initialisation, batches and inner split;
                                                  # null: eval.seed (folds follow eval.seed)
    },
    # Frozen sentence embeddings of a pretrained encoder and a logistic regression per label
    # (stance.experiments.embed): no fine-tuning, one pass over the texts.
    "embedding": {
        "model": ("e5-small", _is_str),           # e5-small, a local directory or a hub id
        "max_length": (64, _is_int(8)),
        "batch_size": (64, _is_int(1)),
        "prefix": (None, _opt(_is_str)),          # before each text; null: «query: » for e5
        **_linear_head("shrink"),
    },
}


def _members(v):
    return isinstance(v, list) and len(v) >= 2 and all(isinstance(m, dict) for m in v)


def _weights(v):
    return isinstance(v, list) and len(v) > 0 and all(_is_num(0)(x) for x in v) and sum(v) > 0


_members.__doc__ = "a list of two or more model mappings, each with its own type"
_weights.__doc__ = "a list of non-negative numbers, one per member"

# An ensemble averages the label probabilities of its members (each a model section of its own,
# fitted on the same data) and cuts the average at one threshold.
MODELS["ensemble"] = {
    "members": (REQUIRED, _members),
    "weights": (None, _opt(_weights)),            # null: equal weights
    "threshold": (0.5, _is_num(0, 1)),            # multi-label cut-off on the averaged scores
}
SECTIONS = {"data": DATA, "eval": EVAL}


def _check(key: str, value, check, path) -> None:
    if not check(value):
        raise InputError(f"expected {check.__doc__ or 'a valid value'}, got {value!r}", path, field=key)


def _fill(section: dict, spec: dict, prefix: str, path) -> dict:
    if not isinstance(section, dict):
        raise InputError("expected a mapping of keys", path, field=prefix.rstrip("."))
    unknown = sorted(set(section) - set(spec))
    if unknown:
        raise InputError(f"unknown key (known: {', '.join(spec)})", path, field=prefix + unknown[0])
    out = {}
    for key, (default, check) in spec.items():
        if key in section:
            value = section[key]
        elif default is REQUIRED:
            raise InputError("missing required key", path, field=prefix + key)
        else:
            value = copy.deepcopy(default)
        _check(prefix + key, value, check, path)
        out[key] = value
    return out


def validate(raw: dict, path=None) -> dict:
    """Fill defaults and check every key and value; return the resolved config."""
    if not isinstance(raw, dict):
        raise InputError("a config must be a YAML mapping with data, eval and model sections", path)
    known = set(TOP) | set(SECTIONS) | {"model"}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise InputError(f"unknown key (known: {', '.join(sorted(known))})", path, field=unknown[0])
    cfg = _fill({k: v for k, v in raw.items() if k in TOP}, TOP, "", path)
    for name, spec in SECTIONS.items():
        section = raw.get(name)
        cfg[name] = _fill({} if section is None else section, spec, f"{name}.", path)
    cfg["model"] = _model_section(raw.get("model"), "model", path)
    if cfg["model"]["type"] == "ensemble":
        members = [_model_section(m, f"model.members.{i}", path, ensemble=False)
                   for i, m in enumerate(cfg["model"]["members"])]
        cfg["model"]["members"] = members
        weights = cfg["model"]["weights"]
        if weights is not None and len(weights) != len(members):
            raise InputError(f"expected {len(members)} weights, one per member, got {len(weights)}",
                             path, field="model.weights")
    return cfg


def _model_section(model, prefix: str, path, ensemble: bool = True) -> dict:
    """One model section (``model`` or an ensemble member ``model.members.N``), filled and checked."""
    if not isinstance(model, dict) or "type" not in model:
        raise InputError("missing required key", path, field=f"{prefix}.type")
    mtype = model["type"]
    known = [t for t in MODELS if ensemble or t != "ensemble"]
    if mtype not in known:
        raise InputError(f"unknown model type {mtype!r} (known: {', '.join(known)})", path,
                         field=f"{prefix}.type")
    out = {"type": mtype, **_fill({k: v for k, v in model.items() if k != "type"},
                                  MODELS[mtype], f"{prefix}.", path)}
    if out.get("word_ngrams") is None and "char_ngrams" in out and out["char_ngrams"] is None:
        raise InputError("word_ngrams and char_ngrams cannot both be null", path,
                         field=f"{prefix}.word_ngrams")
    return out


def parse_override(item: str) -> tuple[list[str], Any]:
    """``"data.labels=null"`` -> (["data", "labels"], None); the value is read as YAML."""
    if "=" not in item:
        raise InputError(f"--set expects KEY=VALUE, got {item!r}", field="--set")
    key, _, text = item.partition("=")
    key = key.strip()
    if not key or any(not part for part in key.split(".")):
        raise InputError(f"--set expects KEY=VALUE with a dotted key, got {item!r}", field="--set")
    try:
        value = yaml.safe_load(text) if text.strip() else ""
    except yaml.YAMLError:
        value = text
    return key.split("."), value


def apply_overrides(raw: dict, overrides: list[str] | tuple[str, ...]) -> dict:
    """Apply ``--set`` overrides to the raw mapping (validation happens afterwards)."""
    raw = copy.deepcopy(raw)
    for item in overrides or ():
        parts, value = parse_override(item)
        node = raw
        for i, part in enumerate(parts[:-1]):
            if isinstance(node, list):  # «model.members.1.epochs»: an ensemble member by index
                child = node[_index(node, part, parts[:i + 1])]
            else:
                child = node.get(part)
                if child is None:
                    child = node[part] = {}
            if not isinstance(child, (dict, list)):
                raise InputError(f"cannot set a key under {'.'.join(parts[:i + 1])!r}: not a section",
                                 field=".".join(parts))
            node = child
        if isinstance(node, list):
            node[_index(node, parts[-1], parts)] = value
        else:
            node[parts[-1]] = value
    return raw


def _index(items: list, part: str, parts: list[str]) -> int:
    if not part.isdigit() or int(part) >= len(items):
        raise InputError(f"expected an index below {len(items)} at {'.'.join(parts)!r}",
                         field=".".join(parts))
    return int(part)


def resolve_path(value: str, config_path: Path | None) -> Path | None:
    """Find a data file: relative paths are taken from the current directory, then from the
    repository holding the config (the parent of ``experiments/``), then from the config's
    own directory. Returns None when none exists."""
    p = Path(os.path.expanduser(value))
    if p.is_absolute():
        return p if p.exists() else None
    candidates = [Path.cwd() / p]
    if config_path is not None:
        cdir = config_path.resolve().parent
        candidates += [cdir.parent / p, cdir / p]
    for c in candidates:
        if c.exists():
            return c
    return None


def _display(p: Path) -> str:
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(p)


def check_files(cfg: dict, config_path: Path | None = None) -> dict:
    """Resolve ``data.train`` / ``data.test`` to existing files (error names key and path)."""
    cfg = copy.deepcopy(cfg)
    where = config_path if config_path is not None else None
    for key in ("train", "test"):
        value = cfg["data"][key]
        if value is None:
            continue
        found = resolve_path(value, config_path)
        if found is None:
            raise InputError(f"no such file: {value}", where, field=f"data.{key}")
        if found.is_dir():
            raise InputError(f"is a directory, expected a file: {value}", where, field=f"data.{key}")
        cfg["data"][key] = _display(found)
    return cfg


def load_config(path: str | os.PathLike, overrides: list[str] | tuple[str, ...] = (),
                check_paths: bool = True) -> dict:
    """Read, override, validate and (by default) resolve the files of a YAML config."""
    path = Path(path)
    if not path.exists():
        raise InputError("no such config file", path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError(f"not valid YAML: {getattr(exc, 'problem', exc)}", path,
                         line=mark.line + 1 if mark else None) from None
    except UnicodeDecodeError:
        raise InputError("not valid UTF-8", path) from None
    raw = apply_overrides(raw if raw is not None else {}, overrides)
    cfg = validate(raw, path)
    if cfg["name"] is None:
        cfg["name"] = path.stem
    return check_files(cfg, path) if check_paths else cfg


def dump_config(cfg: dict) -> str:
    return yaml.safe_dump(cfg, allow_unicode=True, sort_keys=False)
