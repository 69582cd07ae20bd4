#!/usr/bin/env python
"""Produce annotations/dev_export.json(.gz): a real Label Studio export of the development quotes.

Starts a throwaway local Label Studio server (from .venv-labelstudio/, on 127.0.0.1), or uses
the one given by --url/--api-key (or LABEL_STUDIO_URL/LABEL_STUDIO_API_KEY with --use-env), then:

  1. pushes annotations/dev_quotes.jsonl (892 quotes) into a new project with `stance ls push`'s
     code (tasks keyed by quote_id = sha1("article_id:start:end")[:16]);
  2. creates two users, annotator1@example.com and annotator2@example.com, and records each
     one's frames from the quote record's `annotations` through the annotations API as that
     user (completed_by); annotator1's annotations are marked ground truth (annotator1's
     frames are the development gold, /work/shared/data/dev_gold.jsonl);
  3. pulls the full JSON export with `stance ls pull`'s code and copies it, byte for byte,
     to annotations/dev_export.json (gzipped when over 5 MB);
  4. rebuilds annotations/dev_dataset.jsonl from the export (policy annotator:annotator1@...)
     and checks it against the quotes' annotator1 frames.

Usage:
  .venv/bin/python annotations/make_bundled_export.py                 # throwaway server
  .venv/bin/python annotations/make_bundled_export.py --copy-quotes /work/shared/data/dev_quotes.jsonl
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

QUOTES = ROOT / "annotations" / "dev_quotes.jsonl"
EXPORT = ROOT / "annotations" / "dev_export.json"
DATASET = ROOT / "annotations" / "dev_dataset.jsonl"
PROJECT = "stance dev quotes"
ANNOTATORS = {"annotator1": ("annotator1@example.com", "Annotator", "One"),
              "annotator2": ("annotator2@example.com", "Annotator", "Two")}
GROUND_TRUTH = "annotator1"
GZIP_OVER = 5 * 1024 * 1024


def copy_quotes(src: Path, dst: Path) -> None:
    """Copy the shared dev quotes, adding `quote_id` as the first field (nothing else changes)."""
    with atomic_output(dst) as fh:
        for _, rec in iter_jsonl(src):
            write_jsonl_line(fh, {"quote_id": ensure_quote_id(rec), **rec})
    print(f"copied {src} -> {dst} (with quote_id)", file=sys.stderr)


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
    todo = [(q, a) for q in quotes for a in q["annotations"]]
    for q, a in tqdm(todo, desc="annotating", unit="annotation", file=sys.stderr):
        name = a["annotator"]
        if name not in users:
            raise SystemExit(f"unknown annotator {name!r} in {QUOTES}")
        with conn.calling("creating an annotation"):
            conn.client.annotations.create(
                id=tasks[q["quote_id"]], result=frames_result(sorted(a["frames"])),
                completed_by=users[name], ground_truth=(name == GROUND_TRUTH),
                was_cancelled=False)
        n += 1
    return n


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--copy-quotes", type=Path, metavar="SHARED_DEV_QUOTES",
                    help="first (re)create annotations/dev_quotes.jsonl from this file")
    ap.add_argument("--url", help="use this running server instead of a throwaway one")
    ap.add_argument("--api-key", help="its API key (or LABEL_STUDIO_API_KEY)")
    ap.add_argument("--label-studio", default=str(ROOT / ".venv-labelstudio/bin/label-studio"))
    ap.add_argument("--cache", default=str(ROOT / ".ls-template"))
    args = ap.parse_args(argv)

    if args.copy_quotes:
        copy_quotes(args.copy_quotes, QUOTES)
    quotes = [rec for _, rec in iter_jsonl(QUOTES)]

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
        users = {name: ensure_user(conn, *info) for name, info in ANNOTATORS.items()}
        s = push_quotes(conn, QUOTES, PROJECT, overlap=2)
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

    records, bs = build_dataset([target], policy=f"annotator:{ANNOTATORS[GROUND_TRUTH][0]}")
    with atomic_output(DATASET) as fh:
        for rec in records:
            write_jsonl_line(fh, rec)
    want = {ensure_quote_id(q): sorted(next(a["frames"] for a in q["annotations"]
                                            if a["annotator"] == GROUND_TRUTH)) for q in quotes}
    got = {r["quote_id"]: r["frames"] for r in records}
    if got != want:
        bad = [q for q in want if got.get(q) != want[q]]
        raise SystemExit(f"dataset does not match annotator1's frames for {len(bad)} quotes")
    print(f"{DATASET}: {len(records)} quotes, identical to annotator1's frames; "
          f"{bs['conflicts']} conflicts", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
