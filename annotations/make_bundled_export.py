#!/usr/bin/env python
"""Produce the bundled Label Studio exports: real exports of a real server.

``--set frames`` (default) makes annotations/frames_export.json.gz: the 892 development quotes
(annotations/dev_quotes.jsonl) and the 2,100 pool quotes (annotations/pool_quotes.jsonl.gz),
2,992 tasks. ``--set dev`` remakes annotations/dev_export.json (development quotes only).

Starts a throwaway local Label Studio server (from .venv-labelstudio/, on 127.0.0.1), or uses
the one given by --url/--api-key, then:

  1. pushes the quotes into a new project with `stance ls push`'s code (tasks keyed by
     quote_id = sha1("article_id:start:end")[:16]);
  2. creates one user per annotator (annotatorN@example.com) and records each one's frames and,
     where the quote record has it, their judgement of the extraction (ok, wrong_speaker,
     bad_boundaries, not_a_quote) through the annotations API as that user (completed_by); the
     first annotator of each quote is marked ground truth (annotator1 for the development
     quotes: the development gold, ../shared/data/dev_gold.jsonl);
  3. pulls the full JSON export with `stance ls pull`'s code and copies it, byte for byte
     (gzipped when over 5 MB);
  4. rebuilds the dataset from the export (policy ground_truth) and checks it against the first
     annotator's frames of every quote (--set dev also writes annotations/dev_dataset.jsonl).

Every annotator is model-based (a large language model briefed with the codebook), not a person.

Usage:
  .venv/bin/python annotations/make_bundled_export.py                 # throwaway server
  .venv/bin/python annotations/make_bundled_export.py --copy-quotes ../shared/data
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import sys
import tempfile
import time
from pathlib import Path

from tqdm import tqdm

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from stance.annotations import build_dataset  # noqa: E402
from stance.io import atomic_output, iter_jsonl, write_jsonl_line  # noqa: E402
from stance.labelstudio.client import Connection  # noqa: E402
from stance.labelstudio.config import frames_result  # noqa: E402
from stance.labelstudio.pull import pull_export  # noqa: E402
from stance.labelstudio.push import push_quotes  # noqa: E402
from stance.labelstudio.server import LocalServer  # noqa: E402
from stance.labelstudio.tasks import ensure_quote_id  # noqa: E402

HERE = ROOT / "annotations"
DEV_QUOTES = HERE / "dev_quotes.jsonl"
POOL_QUOTES = HERE / "pool_quotes.jsonl.gz"
SETS = {  # name: (quote files, export file, project title, dataset file or None)
    "frames": ([DEV_QUOTES, POOL_QUOTES], HERE / "frames_export.json", "stance frames quotes", None),
    "dev": ([DEV_QUOTES], HERE / "dev_export.json", "stance dev quotes", HERE / "dev_dataset.jsonl"),
}
ANNOTATORS = {f"annotator{i}": (f"annotator{i}@example.com", "Annotator", str(i))
              for i in range(1, 11)}
GZIP_OVER = 5 * 1024 * 1024


def copy_quotes(shared: Path) -> None:
    """Copy the shared dev and pool quotes; dev quotes gain `quote_id` as the first field
    (nothing else changes), the pool quotes (which have it) are gzipped unchanged."""
    with atomic_output(DEV_QUOTES) as fh:
        for _, rec in iter_jsonl(shared / "dev_quotes.jsonl"):
            write_jsonl_line(fh, {"quote_id": ensure_quote_id(rec), **rec})
    with atomic_output(POOL_QUOTES, "wb") as fh, \
            gzip.GzipFile(fileobj=fh, mode="wb", mtime=0, filename="") as gz:
        gz.write((shared / "pool_quotes.jsonl").read_bytes())
    print(f"copied {shared}/dev_quotes.jsonl, pool_quotes.jsonl -> {HERE}", file=sys.stderr)


def ensure_user(conn: Connection, email: str, first: str, last: str) -> int:
    with conn.calling("listing users"):
        for u in conn.client.users.list():
            if u.email == email:
                return u.id
    with conn.calling("creating a user"):
        u = conn.client.users.create(email=email, username=email.split("@")[0],
                                     first_name=first, last_name=last)
    return u.id


def record_annotations(conn: Connection, project_id: int, quotes: list[dict],
                       users: dict[str, int]) -> int:
    tasks = {}
    for t in conn.project_tasks(project_id):
        tasks[t["data"]["quote_id"]] = t["id"]
    n = 0
    todo = [(q, a, k == 0) for q in quotes for k, a in enumerate(q["annotations"])]
    for q, a, first in tqdm(todo, desc="annotating", unit="annotation", file=sys.stderr):
        name = a["annotator"]
        if name not in users:
            raise SystemExit(f"unknown annotator {name!r} (quote {q['quote_id']})")
        with conn.calling("creating an annotation"):
            conn.client.annotations.create(
                id=tasks[q["quote_id"]],
                result=frames_result(sorted(a["frames"]), a.get("extraction")),
                completed_by=users[name], ground_truth=first, was_cancelled=False)
        n += 1
    return n


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", dest="which", choices=sorted(SETS), default="frames",
                    help="frames: development + pool quotes (default); dev: development only")
    ap.add_argument("--copy-quotes", type=Path, metavar="SHARED_DATA_DIR",
                    help="first (re)copy dev_quotes.jsonl and pool_quotes.jsonl from this folder")
    ap.add_argument("--url", help="use this running server instead of a throwaway one")
    ap.add_argument("--api-key", help="its API key (or LABEL_STUDIO_API_KEY)")
    ap.add_argument("--label-studio", default=str(ROOT / ".venv-labelstudio/bin/label-studio"))
    ap.add_argument("--cache", default=str(ROOT / ".ls-template"))
    args = ap.parse_args(argv)

    if args.copy_quotes:
        copy_quotes(args.copy_quotes)
    sources, EXPORT, PROJECT, DATASET = SETS[args.which]
    quotes = [{**rec, "quote_id": ensure_quote_id(rec)} for src in sources
              for _, rec in iter_jsonl(src)]

    server = None
    if args.url:
        conn = Connection.from_settings(args.url, args.api_key)
    else:
        server = LocalServer.from_template(args.cache, args.label_studio).start()
        conn = server.connection()
        print(f"started Label Studio at {server.url}", file=sys.stderr)
    try:
        if conn.find_project(PROJECT) is not None:
            raise SystemExit(f"project {PROJECT!r} already exists on {conn.url}: use a fresh server")
        t0 = time.time()
        needed = sorted({a["annotator"] for q in quotes for a in q["annotations"]},
                        key=lambda a: int(a.removeprefix("annotator")))
        users = {name: ensure_user(conn, *ANNOTATORS[name]) for name in needed}
        with tempfile.TemporaryDirectory() as tmp:
            joined = Path(tmp) / "quotes.jsonl"
            with open(joined, "w", encoding="utf-8") as fh:
                for q in quotes:
                    write_jsonl_line(fh, q)
            s = push_quotes(conn, joined, PROJECT, overlap=2)
        print(f"pushed {s['imported']} tasks into project {s['project_id']}", file=sys.stderr)
        n = record_annotations(conn, s["project_id"], quotes, users)
        print(f"recorded {n} annotations in {time.time() - t0:.0f} s", file=sys.stderr)
        with tempfile.TemporaryDirectory() as tmp:
            path, summary = pull_export(conn, PROJECT, tmp)
            raw = path.read_bytes()
            for old in (EXPORT, EXPORT.with_suffix(".json.gz")):
                old.unlink(missing_ok=True)
            if len(raw) > GZIP_OVER:
                target = EXPORT.with_suffix(".json.gz")
                with atomic_output(target, "wb") as fh, \
                        gzip.GzipFile(fileobj=fh, mode="wb", mtime=0, filename="") as gz:
                    gz.write(raw)
            else:
                target = EXPORT
                shutil.copyfile(path, target)
        print(f"export: {summary['tasks']} tasks, {summary['annotations']} annotations, "
              f"{len(raw) / 1e6:.1f} MB -> {target}", file=sys.stderr)
    finally:
        if server is not None:
            server.stop()

    records, bs = build_dataset([target], policy="ground_truth")
    if DATASET is not None:
        with atomic_output(DATASET) as fh:
            for rec in records:
                write_jsonl_line(fh, rec)
    want = {q["quote_id"]: (sorted(q["annotations"][0]["frames"]),
                            [a.get("extraction") for a in q["annotations"]]) for q in quotes}
    got = {r["quote_id"]: (r["frames"], [a["extraction"] for a in sorted(
        r["annotations"], key=lambda a: int(a["annotator"].split("@")[0][9:]))]) for r in records}
    if got != want:
        bad = [q for q in want if got.get(q) != want[q]]
        raise SystemExit(f"the export does not give the first annotator's frames and every "
                         f"extraction judgement for {len(bad)} quotes (e.g. {bad[:3]})")
    print(f"{target}: {len(records)} quotes, ground truth = each quote's first annotator, "
          f"extraction judgements intact; {bs['conflicts']} conflicts", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
