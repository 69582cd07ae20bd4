"""``stance extract``: attributed quotes from articles, one JSON line per quote."""

from __future__ import annotations

import sys
from collections import defaultdict

import click


def _bar(quiet: bool):
    from tqdm.auto import tqdm

    disable = quiet or not sys.stderr.isatty()
    return tqdm(unit=" articles", desc="extract", file=sys.stderr, disable=disable,
                dynamic_ncols=True, mininterval=0.5)


def _warn_new(bad: list, seen: int) -> int:
    """Print the bad inputs recorded since ``seen`` as warnings; return the new count."""
    from tqdm.auto import tqdm

    for err in bad[seen:]:
        tqdm.write(f"stance: warning: skipped {err}", file=sys.stderr)
    return len(bad)


def _warn_cut(article: dict, unread: int) -> None:
    from tqdm.auto import tqdm

    aid = article.get("article_id") or article.get("id")
    n = len(article.get("text") or "")
    tqdm.write(f"stance: warning: article {aid!r}: the body ends at a page-furniture line (comments, "
               f"share or related links); the {unread:,} of {n:,} characters after it were not read",
               file=sys.stderr)


def _clip(text: str, n: int = 160) -> str:
    from stance.text import plain_text  # no direction overrides or escape sequences

    text = " ".join(plain_text(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"


def write_by_speaker(fh, quotes: list[dict]) -> None:
    """Human-readable listing: actors by number of quotes, each with its quotes in order."""
    groups: dict = defaultdict(list)
    for q in quotes:
        key = q.get("actor_id") or ""
        groups[key].append(q)
    order = sorted(groups, key=lambda k: (k == "", -len(groups[k]), groups[k][0].get("actor") or ""))
    for i, key in enumerate(order):
        qs = groups[key]
        first = qs[0]
        if key:
            meta = ", ".join(x for x in (first.get("actor_country"), first.get("actor_role")) if x)
            head = f"{first.get('actor')} [{key}]" + (f" ({meta})" if meta else "")
        else:
            head = "(no speaker found)"
        n = len(qs)
        head = _clip(head, 400)
        fh.write(("\n" if i else "") + f"{head}: {n} quote{'s' if n != 1 else ''}\n")
        for q in qs:
            said = f" — {q['speaker']}" if q.get("speaker") and q.get("speaker") != q.get("actor") else ""
            line = _clip(f"{q['article_id']} {q['start']}-{q['end']} {q['kind']}{said}", 400)
            fh.write(f"  {line}\n")
            fh.write(f"    «{_clip(q['text'])}»\n")


@click.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=str), default=None,
              help="Write here (written whole or not at all). Default: standard output.")
@click.option("--actors", "actors", multiple=True, type=click.Path(dir_okay=False, path_type=str),
              help="Extra actor registry file (YAML) adding or overriding actors; repeatable.")
@click.option("--lexicon", "lexicon", multiple=True, type=click.Path(dir_okay=False, path_type=str),
              help="Extra reporting-verb file (YAML, the shape of stance/extract/data/verbs.yaml) "
                   "adding verb stems or replacing bundled ones; check it with 'stance lexicon "
                   "check FILE'; repeatable.")
@click.option("--workers", type=click.IntRange(0), default=1, show_default=True,
              help="Processes to spread articles over (0: every core). Output order is unchanged.")
@click.option("--chunksize", type=click.IntRange(1), default=8, show_default=True,
              help="Articles sent to a worker at a time (with --workers > 1).")
@click.option("--by-speaker", is_flag=True,
              help="Print the quotes grouped per actor for reading, instead of JSON Lines.")
@click.option("--skip-bad", is_flag=True,
              help="Skip unreadable files and bad JSONL records (each one warned on stderr, "
                   "counted in the summary) instead of stopping.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary line.")
def extract(paths, output, actors, lexicon, workers, chunksize, by_speaker, skip_bad, quiet):
    """Extract attributed quotes (speaker, actor, country) from Arabic news articles.

    PATHS are .txt files (one article each, id = file stem), directories of them, or
    .jsonl/.jsonl.gz files with one article a line: 'id' or 'article_id', 'text', and
    optionally 'date', 'source', 'title', 'url'. Each quote becomes one JSON line with
    quote_id, article_id, start, end (offsets into the text), text, kind (direct/indirect),
    rule (the extraction rule that made it, scored by 'stance eval-extract --by-rule'),
    speaker, actor_id, actor, actor_country, actor_role, date/source/title and context.

    Bad input (a missing or empty file, bytes that are not UTF-8, a broken JSONL line, a
    record without text) stops the run with an error naming the file and line, and leaves
    no output file behind; --skip-bad goes on past it. An article whose body ends at a
    page-furniture line (comments, share or related links) with much more text after it is
    warned on and counted in the summary: that text is not read.

    \b
    Examples:
      stance extract seeds/ --by-speaker                 # read the seeds' quotes per speaker
      stance extract seeds/*.txt -o quotes.jsonl
      stance extract ../shared/corpus/ant_politics_pool.jsonl.gz -o quotes.jsonl --workers 4 --actors my_actors.yaml
      stance extract seeds/ --lexicon my_verbs.yaml          # verbs added as data (stance lexicon check)
    """
    from stance.extract import Extractor
    from stance.extract.stream import ExtractionFailed, Summary
    from stance.io import check_output_path, iter_articles

    check_output_path(output, option="-o")
    extractor = Extractor(actors=list(actors), lexicon=list(lexicon) or None)
    bad: list = []
    skipped: list = []  # files in a directory that are not articles (PDF, .docx, images, ...)
    summary = Summary()
    articles = iter_articles(paths, skip_bad=skip_bad, bad=bad, skipped=skipped,
                             stats=summary.reading)
    for err in skipped:
        click.echo(f"stance: warning: skipped {err}", err=True)
    summary.skipped_files = len(skipped)
    try:
        warned = _run(articles, extractor, output, workers, chunksize, by_speaker, quiet, summary, bad)
    except ExtractionFailed as exc:  # a bug in the rules, not bad input: name the article
        raise click.ClickException(f"{exc} (please report this with the article)") from exc
    summary.bad = _warn_new(bad, warned)
    if not quiet or bad or skipped:
        click.echo(f"stance extract: {summary.line()}" + (f" -> {output}" if output else ""), err=True)


def _run(articles, extractor, output, workers, chunksize, by_speaker, quiet, summary, bad) -> int:
    """Extract and write; returns how many of ``bad`` were already warned about."""
    import contextlib

    from stance.extract.stream import extract_stream
    from stance.io import atomic_output, write_jsonl_line

    warned = 0
    collected: list[dict] = []
    # closing(): on an error or a signal the worker pool is stopped now, not at exit
    stream = contextlib.closing(extract_stream(articles, extractor, workers=workers,
                                               chunksize=chunksize))
    with atomic_output(output) as fh, _bar(quiet) as bar, stream as results:
        for article, quotes in results:
            summary.add(article, quotes)
            if getattr(quotes, "unread", 0):
                _warn_cut(article, quotes.unread)
            if by_speaker:
                collected.extend(quotes)
            else:
                for q in quotes:
                    write_jsonl_line(fh, q)
            if len(bad) > warned:
                warned = _warn_new(bad, warned)
            bar.update(1)
        if by_speaker:
            if collected:
                write_by_speaker(fh, collected)
            else:
                fh.write("no quotes found\n")
    return warned
