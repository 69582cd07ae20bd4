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

from stance.interrupt import check as check_stop


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


# Formats that are not text, recognised by their first bytes: (magic, offset, what to do).
_CONVERT = "convert to text first"
BINARY_FORMATS = (
    (b"%PDF-", 0, f"PDF is not supported: {_CONVERT} (e.g. pdftotext FILE.pdf FILE.txt)"),
    (b"PK\x03\x04", 0, "a ZIP archive or Office document (.docx, .odt, .xlsx, .zip) is not "
                        f"supported: {_CONVERT} (save as plain text, UTF-8)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "an old Office document (.doc, .xls) is not "
                                              f"supported: {_CONVERT} (save as plain text)"),
    (b"{\\rtf", 0, f"an RTF document is not supported: {_CONVERT} (save as plain text)"),
    (b"\x89PNG\r\n\x1a\n", 0, f"an image (PNG) is not supported: {_CONVERT} (OCR)"),
    (b"\xff\xd8\xff", 0, f"an image (JPEG) is not supported: {_CONVERT} (OCR)"),
    (b"GIF8", 0, f"an image (GIF) is not supported: {_CONVERT} (OCR)"),
    (b"II*\x00", 0, f"an image (TIFF) is not supported: {_CONVERT} (OCR)"),
    (b"MM\x00*", 0, f"an image (TIFF) is not supported: {_CONVERT} (OCR)"),
    (b"WEBP", 8, f"an image (WebP) is not supported: {_CONVERT} (OCR)"),
    (b"\xff\xfe", 0, "UTF-16 text is not supported: convert it to UTF-8 first "
                      "(iconv -f UTF-16 -t UTF-8)"),
    (b"\xfe\xff", 0, "UTF-16 text is not supported: convert it to UTF-8 first "
                      "(iconv -f UTF-16 -t UTF-8)"),
    (b"\x7fELF", 0, "an executable, not text"),
)


def binary_format(path: str | os.PathLike) -> str | None:
    """Why ``path`` cannot be read as articles when its first bytes show a known binary format
    (PDF, Office/ZIP, images, UTF-16, ...), else ``None``. A ``.gz`` file is looked at
    inside."""
    try:
        with open_binary(path) as fh:
            head = fh.read(16)
    except (OSError, EOFError, InputError):
        return None  # reading it later names the problem
    for magic, offset, why in BINARY_FORMATS:
        if head[offset:offset + len(magic)] == magic:
            return why
    return None


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _article_files(path: Path, skipped: list) -> list[Path]:
    """The article files of one path; the files of a directory that are not articles are
    appended to ``skipped`` as :class:`InputError` saying why (hidden files are ignored)."""
    if path.is_dir():
        files = []
        for p in sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path)):
            why = binary_format(p)
            if why is None and not (p.suffix == ".txt" or _is_jsonl(p)):
                why = "not a .txt or .jsonl(.gz) file"
            if why:
                skipped.append(InputError(why, p))
            else:
                files.append(p)
        if not files:
            raise InputError("directory holds no .txt or .jsonl files"
                             + (f" ({len(skipped)} other files skipped: {skipped[0]})"
                                if skipped else ""), path)
        return files
    if not path.exists():
        raise InputError("no such file or directory", path)
    return [path]


def iter_articles(paths: Iterable[str | os.PathLike] | str | os.PathLike, *, skip_bad: bool = False,
                  bad: list | None = None, skipped: list | None = None,
                  stats: dict | None = None) -> Iterator[dict]:
    """Stream article records from .txt files, directories and JSONL(.gz) files (``paths``: a
    list of them, or one).

    A ``.txt`` file is one article whose id is the file stem. A JSONL line needs ``id`` or
    ``article_id`` and ``text``; ``date``, ``source``, ``title``, ``url`` are kept when present.
    With ``skip_bad`` a bad file or record is recorded in ``bad`` and skipped.

    The files are listed at once (a missing path raises here): files in a directory that are
    not articles (a PDF, a .docx, an image, any other suffix) are appended to ``skipped`` as
    an :class:`InputError` saying why; such a file named directly is an error (or, with
    ``skip_bad``, recorded in ``bad``). NUL characters are dropped from article text (the
    offsets of quotes refer to the text without them); ``stats`` (a dict), when given,
    counts them under ``nul_chars`` and the articles that had some under ``nul_articles``.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]  # one path, not the characters of one («/» would list the whole disk)
    files: list[Path] = []
    found: list = [] if skipped is None else skipped
    for p in paths:
        files.extend(_article_files(Path(p), found))
    return _iter_articles(files, skip_bad, bad, stats)


def _drop_nul(text: str, stats: dict | None) -> str:
    if "\x00" not in text:
        return text
    n = text.count("\x00")
    if stats is not None:
        stats["nul_chars"] = stats.get("nul_chars", 0) + n
        stats["nul_articles"] = stats.get("nul_articles", 0) + 1
    return text.replace("\x00", "")


def _iter_articles(files: list[Path], skip_bad: bool, bad: list | None,
                   stats: dict | None) -> Iterator[dict]:

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
                    art = {"article_id": str(art_id), "text": _drop_nul(text, stats)}
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
                why = binary_format(f)
                if why:
                    raise InputError(why, f)
                text = _drop_nul(read_text(f), stats)
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
        check_stop()  # a stop signal came and its exception was swallowed: keep nothing
        umask = os.umask(0)  # mkstemp makes 0600 files: give the output the usual permissions
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
