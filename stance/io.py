"""Readers and writers shared by every step, and the one error type users see.

* :class:`InputError` names the file, the line (for JSON Lines) and the field at fault;
  the CLI prints it on one line and exits with status 2.
* :func:`iter_jsonl` streams records from ``.jsonl`` / ``.jsonl.gz`` files.
* :func:`iter_articles` turns ``.txt`` files, directories of them and JSONL article files
  into article records ``{"article_id", "text", "date"?, "source"?, "title"?, "url"?}``.
* :func:`atomic_output` writes a file under a temporary name and renames it into place only
  when the block succeeds, so a failed run never leaves a partial output behind.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import os
import tempfile
from pathlib import Path
from typing import Any, Iterable, Iterator


class InputError(Exception):
    """Bad input a user can fix: says which file, line and field."""

    def __init__(self, message: str, path: str | os.PathLike | None = None,
                 line: int | None = None, field: str | None = None):
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.field = field
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = self.path
            if self.line is not None:
                where += f":{self.line}"
            where += ": "
        field = f"field '{self.field}': " if self.field else ""
        return f"{where}{field}{self.message}"


def _existing_file(path: str | os.PathLike) -> Path:
    path = Path(path)
    if not path.exists():
        raise InputError("no such file or directory", path)
    if path.is_dir():
        raise InputError("is a directory, expected a file", path)
    return path


def open_binary(path: str | os.PathLike) -> io.BufferedIOBase:
    """Open a file for reading bytes, transparently gunzipping ``*.gz``."""
    path = _existing_file(path)
    return gzip.open(path, "rb") if path.suffix == ".gz" else open(path, "rb")


def open_text(path: str | os.PathLike) -> io.TextIOBase:
    """Open a UTF-8 text file, transparently gunzipping ``*.gz``."""
    # utf-8-sig: a leading byte-order mark (files saved by some Windows tools) is not text
    return io.TextIOWrapper(open_binary(path), encoding="utf-8-sig", errors="strict")


@contextlib.contextmanager
def reading(path: str | os.PathLike):
    """Open a UTF-8 text file (``open_text``) and turn decoding and I/O errors while it is read
    inside the block into an :class:`InputError` that names the file."""
    try:
        with open_text(path) as fh:
            yield fh
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8 (byte {exc.start}): {exc.reason}", path) from None
    except (OSError, EOFError) as exc:
        if isinstance(exc, InputError):
            raise
        raise InputError(f"cannot read: {exc}", path) from None


def read_text(path: str | os.PathLike) -> str:
    """Read a whole UTF-8 file, with errors that name the file."""
    with reading(path) as fh:
        return fh.read()


def iter_jsonl(path: str | os.PathLike, *, skip_bad: bool = False,
               bad: list | None = None) -> Iterator[tuple[int, dict]]:
    """Yield ``(line_number, record)`` for each non-blank line of a JSONL(.gz) file.

    A line that is not valid UTF-8 or not a JSON object raises :class:`InputError` naming
    the file and line, unless ``skip_bad`` is set: then the error is appended to ``bad``
    (when given) and reading goes on. An empty file is an error.
    """
    seen = False
    with open_binary(path) as fh:  # lines decoded one by one: a bad byte is named with its line
        lineno = 0
        lines = iter(fh)
        while True:
            try:
                raw = next(lines)
            except StopIteration:
                break
            except (OSError, EOFError) as exc:
                raise InputError(f"cannot read: {exc}", path, lineno + 1) from None
            lineno += 1
            if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]  # byte-order mark
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                err = InputError(f"not valid UTF-8 (byte {exc.start} of the line)", path, lineno)
                if not skip_bad:
                    raise err from None
                if bad is not None:
                    bad.append(err)
                seen = True
                continue
            if not line.strip():
                continue
            seen = True
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                err = InputError(f"broken JSON: {exc.msg} (column {exc.colno})", path, lineno)
                if not skip_bad:
                    raise err from None
                if bad is not None:
                    bad.append(err)
                continue
            if not isinstance(rec, dict):
                err = InputError(f"expected a JSON object, got {type(rec).__name__}", path, lineno)
                if not skip_bad:
                    raise err
                if bad is not None:
                    bad.append(err)
                continue
            yield lineno, rec
    if not seen:
        raise InputError("empty file: no records", path)


def read_jsonl(path: str | os.PathLike) -> list[dict]:
    """All records of a JSONL file (strict)."""
    return [rec for _, rec in iter_jsonl(path)]


ARTICLE_ID_FIELDS = ("article_id", "id")
ARTICLE_META_FIELDS = ("date", "source", "title", "url")


def _is_jsonl(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith(".jsonl") or name.endswith(".jsonl.gz") or name.endswith(".json.gz") \
        or name.endswith(".ndjson")


def _article_files(path: Path) -> list[Path]:
    if path.is_dir():
        files = sorted(p for p in path.rglob("*")
                       if p.is_file() and (p.suffix == ".txt" or _is_jsonl(p)))
        if not files:
            raise InputError("directory holds no .txt or .jsonl files", path)
        return files
    if not path.exists():
        raise InputError("no such file or directory", path)
    return [path]


def iter_articles(paths: Iterable[str | os.PathLike], *, skip_bad: bool = False,
                  bad: list | None = None) -> Iterator[dict]:
    """Stream article records from .txt files, directories and JSONL(.gz) files.

    A ``.txt`` file is one article whose id is the file stem. A JSONL line needs ``id`` or
    ``article_id`` and ``text``; ``date``, ``source``, ``title``, ``url`` are kept when present.
    With ``skip_bad`` a bad file or record is recorded in ``bad`` and skipped.
    """
    files: list[Path] = []
    for p in paths:
        files.extend(_article_files(Path(p)))

    def fail(err: InputError):
        if not skip_bad:
            raise err
        if bad is not None:
            bad.append(err)

    for f in files:
        if _is_jsonl(f):
            try:
                for lineno, rec in iter_jsonl(f, skip_bad=skip_bad, bad=bad):
                    art_id = next((rec[k] for k in ARTICLE_ID_FIELDS if rec.get(k) not in (None, "")), None)
                    if art_id is None:
                        fail(InputError("record has no 'id' or 'article_id'", f, lineno, "id"))
                        continue
                    text = rec.get("text")
                    if not isinstance(text, str):
                        fail(InputError("record has no text (a string is required)", f, lineno, "text"))
                        continue
                    art = {"article_id": str(art_id), "text": text}
                    for k in ARTICLE_META_FIELDS:
                        if rec.get(k) not in (None, ""):
                            art[k] = rec[k]
                    yield art
            except InputError as err:
                # with skip_bad, an unreadable rest of a file (empty, truncated .gz) is recorded
                # and reading goes on with the next file
                fail(err)
        else:
            try:
                text = read_text(f)
                if not text.strip():
                    raise InputError("empty file: no article text", f)
            except InputError as err:
                fail(err)
                continue
            yield {"article_id": f.stem, "text": text}


def write_jsonl_line(fh, record: dict[str, Any]) -> None:
    fh.write(json.dumps(record, ensure_ascii=False) + "\n")


def check_output_path(path: str | os.PathLike | None, *, directory: bool = False,
                      option: str | None = None) -> None:
    """Refuse, before any work is done, an output path that cannot be written: a file where a
    directory is wanted (``--plots FILE``) or the reverse, a parent that is a file, or a place
    without write permission. ``None`` and ``-`` (standard output) are always fine."""
    if path is None or str(path) == "-":
        return
    p = Path(path)
    what = f"{option}: " if option else ""
    if directory and p.exists() and not p.is_dir():
        raise InputError(f"{what}exists and is not a directory (a directory is wanted here)", p)
    if not directory and p.is_dir():
        raise InputError(f"{what}is a directory, expected an output file", p)
    parent = p if directory else p.parent
    parent = parent if str(parent) else Path(".")
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        raise InputError(f"{what}cannot be created: {parent} is not a directory", p)
    if not os.access(parent, os.W_OK | os.X_OK):
        raise InputError(f"{what}cannot be written: no write permission in {parent}", p)


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike | None, mode: str = "w"):
    """Yield a handle writing to ``path`` that appears only if the block succeeds.

    ``path`` of ``None`` or ``"-"`` writes to standard output instead.
    """
    if path is None or str(path) == "-":
        import sys

        yield sys.stdout
        sys.stdout.flush()
        return
    path = Path(path)
    if path.parent and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else "utf-8") as fh:
            yield fh
        umask = os.umask(0)  # mkstemp makes 0600 files: give the output the usual permissions
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
