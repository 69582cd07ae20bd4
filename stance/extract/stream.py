"""Extraction over a stream of articles: in order, with flat memory, on one or more cores.

>>> from stance.extract import Extractor
>>> from stance.extract.stream import extract_stream
>>> from stance.io import iter_articles
>>> for article, quotes in extract_stream(iter_articles(["seeds/"]), Extractor(), workers=2):
...     ...

* ``workers=1`` runs the extractor in this process.
* ``workers>1`` sends chunks of ``chunksize`` articles to a :class:`multiprocessing.Pool`
  whose workers each receive one pickled copy of the extractor. At most ``max_pending``
  chunks are in flight, so memory stays flat however long the input is (``Pool.imap`` would
  read its whole input ahead), and results come back in input order.
* Errors raised while *reading* (``stance.io.InputError``) surface in this process after the
  results of the articles before them have been yielded.

The same extraction is a plain call on one article record, so other engines work too::

    import dask.bag as db, json
    quotes = db.read_text("pool-*.jsonl").map(json.loads).map(Extractor()).flatten()
"""

from __future__ import annotations

import collections
import multiprocessing
import os
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from stance.interrupt import check

__all__ = ["extract_stream", "Summary", "ExtractionFailed", "resolve_workers"]

Article = dict
Quotes = list


class ExtractionFailed(RuntimeError):
    """The extractor raised on one article (a bug, not bad input): names the article."""


def resolve_workers(workers: int) -> int:
    """``0`` means every core this process may use; otherwise the number itself (at least 1)."""
    if workers and workers > 0:
        return workers
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _run_one(extractor: Callable[[Article], Quotes], article: Article) -> Quotes:
    try:
        return extractor(article)
    except Exception as exc:  # keep the article id with the failure
        aid = article.get("article_id") or article.get("id")
        raise ExtractionFailed(f"extraction failed on article {aid!r}: {type(exc).__name__}: {exc}") \
            from exc


# --- worker side: one extractor per worker process, set once by the pool initializer --------

_worker_extractor: Callable[[Article], Quotes] | None = None


def _init_worker(extractor: Callable[[Article], Quotes]) -> None:
    global _worker_extractor
    from stance.interrupt import quiet_worker

    quiet_worker()  # Ctrl-C/SIGTERM stop the parent, which stops the pool: no worker tracebacks
    _worker_extractor = extractor


def _extract_chunk(chunk: list[Article]) -> list[Quotes]:
    return [_run_one(_worker_extractor, art) for art in chunk]


# --- driver side -------------------------------------------------------------------------

def _serial(articles: Iterable[Article], extractor) -> Iterator[tuple[Article, Quotes]]:
    for art in articles:
        check()  # a stop signal whose exception a finalizer swallowed
        yield art, _run_one(extractor, art)


def _chunks(articles: Iterable[Article], size: int):
    """Yield lists of up to ``size`` articles; a reading error is yielded as the last item."""
    chunk: list[Article] = []
    it = iter(articles)
    while True:
        try:
            art = next(it)
        except StopIteration:
            break
        except Exception as exc:  # surfaces after the chunks before it are drained
            if chunk:
                yield chunk
            yield exc
            return
        chunk.append(art)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _parallel(articles, extractor, workers, chunksize, max_pending, context):
    # the pool starts with the first chunk read: an empty or bad input starts no worker (a pool
    # terminated while its workers still start up can hang; seen once under heavy load)
    pool = None
    pending: collections.deque = collections.deque()
    try:
        for chunk in _chunks(articles, chunksize):
            if isinstance(chunk, BaseException):
                while pending:
                    yield from _drain(pending.popleft())
                raise chunk
            if pool is None:
                pool = multiprocessing.get_context(context).Pool(workers, initializer=_init_worker,
                                                                 initargs=(extractor,))
            pending.append((chunk, pool.apply_async(_extract_chunk, (chunk,))))
            while len(pending) >= max_pending:
                yield from _drain(pending.popleft())
        while pending:
            yield from _drain(pending.popleft())
        if pool is not None:
            pool.close()
            pool.join()
    finally:
        if pool is not None:
            pool.terminate()


def _drain(item):
    chunk, result = item
    check()  # a stop signal whose exception a finalizer swallowed
    yield from zip(chunk, result.get())


def extract_stream(articles: Iterable[Article], extractor: Callable[[Article], Quotes], *,
                   workers: int = 1, chunksize: int = 8, max_pending: int | None = None,
                   context: str | None = None) -> Iterator[tuple[Article, Quotes]]:
    """Yield ``(article, quotes)`` for each article, in input order.

    ``extractor``: a picklable callable, article record -> list of quote records
    (:class:`stance.extract.Extractor`). ``workers``: processes (1: this one; 0: every core).
    ``chunksize``: articles sent to a worker at a time. ``max_pending``: chunks in flight
    (default ``4 * workers``), which bounds memory. ``context``: a multiprocessing start method
    (``"fork"``, ``"spawn"``, ``"forkserver"``; the platform default when None).
    """
    workers = resolve_workers(workers)
    if workers == 1:
        return _serial(articles, extractor)
    if chunksize < 1:
        raise ValueError("chunksize must be at least 1")
    return _parallel(articles, extractor, workers, chunksize, max_pending or 4 * workers, context)


@dataclass
class Summary:
    """Running counts for the end-of-run line: articles, characters, quotes by kind."""

    articles: int = 0
    chars: int = 0
    quotes: int = 0
    kinds: collections.Counter = field(default_factory=collections.Counter)
    unattributed: int = 0
    bad: int = 0
    skipped_files: int = 0  # files of an input directory that are not articles (PDF, ...)
    reading: dict = field(default_factory=dict)  # iter_articles' stats: NUL characters dropped
    cut: int = 0  # articles whose reading stopped at a furniture line with much text after it
    unread: int = 0  # characters of those articles not read

    def add(self, article: Article, quotes: Quotes) -> None:
        self.articles += 1
        self.chars += len(article.get("text") or "")
        self.quotes += len(quotes)
        unread = getattr(quotes, "unread", 0)
        if unread:
            self.cut += 1
            self.unread += unread
        for q in quotes:
            self.kinds[q.get("kind") or "?"] += 1
            if q.get("actor_id") is None:
                self.unattributed += 1

    def line(self) -> str:
        parts = [f"{self.articles} articles", f"{self.quotes} quotes",
                 f"{self.kinds.get('direct', 0)} direct", f"{self.kinds.get('indirect', 0)} indirect"]
        other = sum(v for k, v in self.kinds.items() if k not in ("direct", "indirect"))
        if other:
            parts.append(f"{other} other kind")
        parts.append(f"{self.unattributed} unattributed")
        if self.cut:
            parts.append(f"{self.cut} article{'s' if self.cut != 1 else ''} cut at a page-furniture line "
                         f"({self.unread:,} characters after it not read)")
        if self.bad:
            parts.append(f"{self.bad} bad input{'s' if self.bad != 1 else ''} skipped")
        if self.skipped_files:
            n = self.skipped_files
            parts.append(f"{n} file{'s' if n != 1 else ''} skipped (not articles)")
        if self.reading.get("nul_chars"):
            n, a = self.reading["nul_chars"], self.reading["nul_articles"]
            parts.append(f"{n} NUL character{'s' if n != 1 else ''} dropped "
                         f"(in {a} article{'s' if a != 1 else ''})")
        return ", ".join(parts)
