"""Run directories: written atomically, read back by ``predict`` and ``compare``.

A run directory ``runs/NAME-YYYYmmdd-HHMMSS/`` holds::

    config.yaml        the resolved config (defaults filled in, overrides applied)
    metrics.json       per-label P/R/F1, micro_f1 / macro_f1 with 95 % bootstrap CIs, per fold
    predictions.jsonl  out-of-fold (CV) or test predictions: id, text, gold, pred_labels,
                       pred_scores (and fold, and article_id when the data has one): the
                       calibration data `stance report` estimates frame shares with
    calibration.json   per-label error rates of those predictions (tpr, fpr, shares)
    model/             the final model (skops for TF-IDF, save_pretrained for BERT) and
                       stance_model.json
    plots/             per-label confusion matrices and precision-recall curves
    environment.json   package versions, seed, git commit, command line, timings
    training.json      (BERT) per fit: epochs trained, best epoch, the Trainer's log history
    run.json           run id, mode, sizes, labels: written last

It is built in a hidden ``.NAME-....partial`` directory beside its final place and renamed
only once everything is written, so an interrupted run never looks finished (and a failed run
removes its partial directory).
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from stance.io import InputError, iter_jsonl

REQUIRED_FILES = ("run.json", "config.yaml", "metrics.json", "predictions.jsonl")
PACKAGES = ("stance", "numpy", "scipy", "scikit-learn", "skops", "iterative-stratification",
            "torch", "transformers", "accelerate", "tokenizers", "safetensors", "matplotlib",
            "pyyaml")


def is_main_process() -> bool:
    """False on the non-zero ranks of a ``torchrun`` / ``accelerate launch`` job."""
    return int(os.environ.get("RANK", os.environ.get("LOCAL_RANK", "0")) or 0) == 0


@contextlib.contextmanager
def atomic_run_dir(parent: str | Path, name: str, *, write: bool = True):
    """Yield a temporary directory that becomes ``parent/name-TIMESTAMP`` when the block ends
    without error; on error it is removed. With ``write=False`` (non-main ranks) the directory
    is a throwaway one outside ``parent``."""
    if not write:
        tmp = Path(tempfile.mkdtemp(prefix="stance-run-rank-"))
        try:
            yield tmp, None
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        return
    parent = Path(parent)
    parent.mkdir(parents=True, exist_ok=True)
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    final = parent / f"{name}-{stamp}"
    k = 2
    while final.exists():
        final = parent / f"{name}-{stamp}-{k}"
        k += 1
    tmp = Path(tempfile.mkdtemp(prefix=f".{final.name}.", suffix=".partial", dir=parent))
    os.chmod(tmp, 0o755)
    try:
        yield tmp, final
        if final.exists():
            raise FileExistsError(f"{final} appeared while the run was being written")
        os.replace(tmp, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _version(dist: str) -> str | None:
    from importlib import metadata

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def git_commit(cwd: str | Path | None = None) -> dict:
    """The git commit of the working tree and whether it has uncommitted changes."""
    cwd = Path(cwd) if cwd else Path(__file__).resolve().parents[2]
    try:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=cwd, capture_output=True,
                                text=True, timeout=10)
        if commit.returncode != 0:
            return {"commit": None}
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                               cwd=cwd, capture_output=True, text=True, timeout=10)
        return {"commit": commit.stdout.strip(), "dirty": bool(dirty.stdout.strip())}
    except (OSError, subprocess.SubprocessError):
        return {"commit": None}


def environment(seed: int) -> dict:
    env = {
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "cpu_count": os.cpu_count(),
        "seed": seed,
        "argv": sys.argv,
        "cwd": os.getcwd(),
        "git": git_commit(),
        "packages": {p: _version(p) for p in PACKAGES if _version(p)},
    }
    if "torch" in sys.modules:
        import torch

        env["torch_threads"] = torch.get_num_threads()
        env["cuda"] = [torch.cuda.get_device_name(i) for i in range(torch.cuda.device_count())]
    return env


def write_json(path: Path, obj) -> None:
    path.write_text(json.dumps(obj, ensure_ascii=False, indent=2) + "\n", "utf-8")


def open_run(run_dir: str | Path, *, need_model: bool = True) -> Path:
    """Check that ``run_dir`` is a finished run directory and return its path (``need_model``:
    with its ``model/``, which a run with ``eval.final_model: false`` lacks)."""
    run_dir = Path(run_dir)
    if not run_dir.is_dir():
        raise InputError("no such run directory", run_dir)
    if run_dir.name.endswith(".partial"):
        raise InputError("an unfinished (interrupted) run, not usable", run_dir)
    missing = [f for f in REQUIRED_FILES if not (run_dir / f).exists()]
    if missing:
        raise InputError(f"not a finished run directory (missing {', '.join(missing)})", run_dir)
    if need_model and not (run_dir / "model").is_dir():
        if _read_cfg_final_model(run_dir) is False:
            raise InputError("this run has no model/: it was trained with eval.final_model: "
                             "false (cross-validation only); train it again without that "
                             "setting to predict with it", run_dir)
        raise InputError("not a finished run directory (missing model/)", run_dir)
    return run_dir


def _read_cfg_final_model(run_dir: Path):
    try:
        import yaml

        cfg = yaml.safe_load((run_dir / "config.yaml").read_text("utf-8"))
        return cfg.get("eval", {}).get("final_model", True)
    except Exception:  # a damaged config: the plain message is enough
        return None


def damaged(run_dir: str | Path, path: str | Path, exc: BaseException | str) -> InputError:
    """The one-line error for a run file that is missing, truncated or unreadable."""
    if isinstance(exc, FileNotFoundError):
        why = "the file is missing"
    elif isinstance(exc, str):
        why = exc
    else:
        why = f"{type(exc).__name__}: {exc}".splitlines()[0] if str(exc) else type(exc).__name__
    return InputError(f"damaged run {run_dir}: cannot read this file ({why}); "
                      "train the run again with 'stance train'", path)


def read_run_json(run_dir: str | Path, name: str) -> dict:
    """A JSON object file of a run (``run.json``, ``metrics.json``, ``model/stance_model.json``),
    with a one-line :class:`InputError` naming the run and the file when it is missing or
    damaged."""
    path = Path(run_dir) / name
    try:
        obj = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise damaged(run_dir, path, exc) from None
    if not isinstance(obj, dict):
        raise damaged(run_dir, path, f"expected a JSON object, got {type(obj).__name__}")
    return obj


def read_run(run_dir: str | Path) -> dict:
    run_dir = open_run(run_dir, need_model=False)
    info = read_run_json(run_dir, "run.json")
    info["metrics"] = read_run_json(run_dir, "metrics.json")
    info["path"] = str(run_dir)
    return info


def predictions_by_id(run_dir: str | Path) -> dict[str, dict]:
    """A run's ``predictions.jsonl`` as ``{id: record}``, in file order."""
    return {str(rec["id"]): rec for _, rec in iter_jsonl(Path(run_dir) / "predictions.jsonl")}


def check_same_items(base: dict[str, dict], other: dict[str, dict], where: str | Path) -> None:
    """Raise :class:`InputError` (naming ``where``) unless two runs' predictions cover the same
    items (ids) with the same texts and the same gold labels: what ``compare`` and ``combine``
    need to pair them item by item."""
    only_a, only_b = sorted(set(base) - set(other)), sorted(set(other) - set(base))
    if only_a or only_b:
        parts = []
        if only_a:
            parts.append(f"{len(only_a)} only in the first (e.g. {only_a[0]!r})")
        if only_b:
            parts.append(f"{len(only_b)} only in this one (e.g. {only_b[0]!r})")
        raise InputError("the runs are not on the same items: " + ", ".join(parts), where)
    for i, a in base.items():
        b = other[i]
        if a.get("text") != b.get("text"):
            raise InputError(f"the runs are not on the same items: item {i!r} has different texts", where)
        if sorted(a["gold"]) != sorted(b["gold"]):
            raise InputError(f"the runs have different gold labels for item {i!r} "
                             f"({a['gold']} vs {b['gold']})", where)
