"""``stance report``: per-actor (or per-country) frame statistics, tables and plots."""

from __future__ import annotations

import sys

import click

from stance.cli._params import parse_date_param

from stance.frames import FRAME_KEYS

FORMAT_BY_SUFFIX = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
                    ".csv": "csv", ".json": "json", ".txt": "table"}


@click.command(context_settings={"help_option_names": ["-h", "--help"],
                                 "max_content_width": 100})
@click.argument("inputs", nargs=-1, required=True, metavar="SCORED_OR_DATASET.jsonl...")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "markdown", "html", "csv",
                                                           "json"]),
              help="Output format. Default: from the -o suffix (.md .html .csv .json), "
                   "else table.")
@click.option("-o", "--output", metavar="FILE",
              help="Write here (atomically: no partial file on failure); default stdout.")
@click.option("--by", type=click.Choice(["actor", "country"]), default="actor",
              show_default=True, help="Group quotes by actor or by the actor's country.")
@click.option("--min-quotes", type=click.IntRange(min=1), default=1, show_default=True,
              metavar="N", help="Show only groups with at least N quotes.")
@click.option("--sort", type=click.Choice(["quotes", "name", *FRAME_KEYS]), default="quotes",
              show_default=True,
              help="Order: most quotes first, by name, or by the share of a frame.")
@click.option("--since", callback=parse_date_param, metavar="DATE",
              help="Only quotes dated on or after DATE (undated quotes are then left out).")
@click.option("--until", callback=parse_date_param, metavar="DATE",
              help="Only quotes dated on or before DATE.")
@click.option("--source", "sources", multiple=True, metavar="S",
              help="Only quotes from this source (e.g. BBC; repeatable; case-insensitive).")
@click.option("--actor", "actors", multiple=True, metavar="NAME_OR_ID",
              help="Only this actor: an actor id or Arabic name (repeatable).")
@click.option("--plots", "plots_dir", metavar="DIR",
              help="Also write heatmap.png, bars.png and timeline.png here.")
@click.option("--period", type=click.Choice(["auto", "month", "quarter", "year"]),
              default="auto", show_default=True,
              help="Time bins of the timeline (auto: month up to two years, then quarter, "
                   "then year).")
@click.option("--arabic", type=click.Choice(["auto", "shaped", "raw"]), default="auto",
              show_default=True, envvar="STANCE_ARABIC",
              help="Arabic in the terminal table: 'shaped' joins letters and orders them "
                   "right to left for terminals that do not (xterm, tmux, Linux and Windows "
                   "consoles); 'raw' keeps logical order for terminals that do (GNOME "
                   "Terminal, Konsole, iTerm2) and for files; auto: shaped on a terminal, "
                   "raw otherwise. Env: STANCE_ARABIC.")
@click.option("--examples/--no-examples", default=True, show_default=True,
              help="List the representative quote of each frame after the table.")
def report(inputs, fmt, output, by, min_quotes, sort, since, until, sources, actors, plots_dir,
           period, arabic, examples):
    """Frame statistics per actor (or country) from scored quotes or a labeled dataset.

    The input is either model-scored quotes from 'stance predict' (frames from
    'pred_labels') or a human-labeled dataset from 'stance annotations build' (frames from
    'frames'); the kind is detected and named in the report. For each actor: the number of
    quotes, the share of quotes carrying each frame with a 95% Wilson interval, the
    dominant frame (the largest share; ties: codebook order), the first and last date, and
    the most representative quote of each frame (trimmed to 120 characters, with its
    article id):

    \b
      scored quotes: the quote carrying the frame with the highest model probability;
      human labels:  a quote every annotator gave the frame, preferring one with no other
                     frame and a cue word of the frame, then the shortest of at least
                     40 characters.

    Quotes whose actor is null (the extractor could not attribute them) are left out and
    counted. Dates may be ISO or RFC 2822.

    \b
    Examples:
      stance report scored.jsonl --min-quotes 5
      stance report data.jsonl --by country --sort sovereignty -o countries.md
      stance report scored.jsonl --min-quotes 10 --plots plots/ -o report.html
      stance report scored.jsonl --since 2018-03-01 --until 2018-06-30 --source BBC \\
          --actor "دونالد ترامب" --actor "سيرغي لافروف" -f json -o two.json
    """
    from stance.io import InputError, atomic_output, check_output_path
    from stance.report import load_records, render
    from stance.report.aggregate import KIND_TEXT, build_report

    # every output place is checked before any work: a bad --plots never leaves a report behind
    check_output_path(output, option="-o")
    check_output_path(plots_dir, directory=True, option="--plots")
    if fmt is None:
        suffix = "." + output.rsplit(".", 1)[-1].lower() if output and "." in output else ""
        fmt = FORMAT_BY_SUFFIX.get(suffix, "table")
    records, kind, info = load_records(inputs)
    click.echo(f"stance report: {info['n_records']} records, {KIND_TEXT[kind]}", err=True)
    rep = build_report(records, by=by, kind=kind, min_quotes=min_quotes, sort=sort, since=since,
                       until=until, sources=sources or None, actors=actors or None,
                       period=period, info=info)
    where = ", ".join(inputs)
    if rep.n_quotes == 0:
        why = "; ".join(f"{n} {r}" for r, n in rep.skipped.items()) or "no attributed quotes"
        raise InputError(f"no quotes left to report ({why})", where)
    for a in actors:
        if not any(_names(g, a) for g in rep.groups) and rep.by == "actor":
            click.echo(f"stance report: warning: no quotes by actor {a!r} "
                       "(or fewer than --min-quotes)", err=True)
    if not rep.groups:
        click.echo(f"stance report: warning: no {by} has at least {min_quotes} quotes "
                   f"(the largest has {rep.largest})", err=True)

    pngs = None
    if plots_dir or fmt == "html":
        try:
            from stance.report.plots import render_plots
        except ImportError as exc:
            raise click.ClickException(f"plots need the optional package '{exc.name}': "
                                       "pip install 'stance[report]'") from None
        pngs = render_plots(rep)

    kwargs = {}
    if fmt == "table":
        if arabic == "auto":
            stream_tty = (output in (None, "-")) and sys.stdout.isatty()
            arabic = "shaped" if stream_tty else "raw"
        kwargs = {"arabic": arabic, "examples": examples}
    elif fmt == "markdown":
        kwargs = {"examples": examples}
    elif fmt == "html":
        kwargs = {"pngs": pngs}
    text = render(rep, fmt, **kwargs)
    with atomic_output(output) as fh:
        fh.write(text)
    if plots_dir:
        from stance.report.plots import write_plots

        paths = write_plots(rep, plots_dir, pngs=pngs)
        click.echo("stance report: plots " + ", ".join(str(p) for p in paths), err=True)
    if output not in (None, "-"):
        click.echo(f"stance report: {len(rep.groups)} {by} rows -> {output} ({fmt})", err=True)


def _names(group, wanted: str) -> bool:
    from stance.text import normalize_ar

    return wanted == group.key or normalize_ar(wanted) == normalize_ar(group.name)

