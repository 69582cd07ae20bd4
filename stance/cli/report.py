"""``stance report``: per-actor (or per-country) frame statistics, tables and plots."""

from __future__ import annotations

import sys

import click

from stance.cli._params import parse_date_param

from stance.frames import FRAME_KEYS
from stance.report.estimate import BOOTSTRAP, ESTIMATORS

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
@click.option("--estimator", type=click.Choice(["auto", "count", *ESTIMATORS]), default="auto",
              show_default=True,
              help="How shares are estimated from scored quotes: cc (the model's labels "
                   "counted), pcc (mean calibrated probability), acc/pacc (adjusted with the "
                   "run's error rates), emq; count: labels counted with a sampling-only Wilson "
                   "interval. auto: pcc (best on development data by article-grouped "
                   "cross-validation) when the run's calibration data is found, else count.")
@click.option("--run", "run_dir", metavar="RUN",
              help="The run whose out-of-fold predictions calibrate the estimates (default: "
                   "the run_dir that 'stance predict' wrote into the scored quotes).")
@click.option("--bootstrap", type=click.IntRange(min=20), default=BOOTSTRAP,
              show_default=True, metavar="N", help="Bootstrap replicates per interval.")
@click.option("--by-period", type=click.Choice(["month", "quarter", "year"]),
              help="Also report each group's frame shares per month or quarter, with "
                   "intervals (a table, and timeline.png for the top groups). Dates may be "
                   "ISO or RFC 2822; undated quotes are counted and their articles named.")
@click.option("--check", "check_path", metavar="LABELED.jsonl",
              help="Fidelity check: compare the report of the scored quotes with the report "
                   "of the annotators' labels (a dataset from 'stance annotations build') on "
                   "the same quotes: share error per group and frame, mean and max, interval "
                   "coverage; a table (-o .md/.json/.txt) and fidelity.png with --plots.")
def report(inputs, fmt, output, by, min_quotes, sort, since, until, sources, actors, plots_dir,
           period, arabic, examples, estimator, run_dir, bootstrap, by_period, check_path):
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

    Shares of scored quotes are model estimates: by default they are corrected with the
    run's measured error (its out-of-fold predictions, found through the run_dir field that
    'stance predict' writes, or --run), and their 95% intervals combine sampling with the
    classifier's uncertainty; the report names the estimator and the run's error rates.
    With --check LABELED, the scored quotes that the labeled dataset also has are reported
    both ways and compared (when those quotes are the run's own training quotes, each
    group's articles are left out of the calibration data).

    \b
    Examples:
      stance report scored.jsonl --min-quotes 5
      stance report data.jsonl --by country --sort sovereignty -o countries.md
      stance report scored.jsonl --min-quotes 10 --plots plots/ -o report.html
      stance report scored.jsonl --since 2018-03-01 --until 2018-06-30 --source BBC \\
          --actor "دونالد ترامب" --actor "سيرغي لافروف" -f json -o two.json
      stance report out/pool/scored.jsonl --by-period quarter --min-quotes 50 --plots plots/
      stance report scored.jsonl --check data.jsonl --by country --min-quotes 10 --plots plots/
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
    from pathlib import Path

    where = ", ".join(inputs)
    if check_path and len(inputs) == 1 and Path(inputs[0]).is_dir():
        # a run directory: its out-of-fold predictions are the scored quotes
        from stance.report.aggregate import SCORED
        from stance.report.fidelity import oof_records

        labeled, _, _ = _load_labeled(check_path)
        records, info = oof_records(inputs[0], labeled)
        kind = SCORED
        if not records:
            raise InputError("no out-of-fold prediction of the run has a quote_id of the "
                             "labeled dataset", inputs[0], field="id")
    else:
        records, kind, info = load_records(inputs)
    click.echo(f"stance report: {info['n_records']} records, {KIND_TEXT[kind]}", err=True)
    if check_path:
        return _check(records, kind, info, where, check_path, by=by, min_quotes=min_quotes,
                      estimator=estimator, run_dir=run_dir, bootstrap=bootstrap,
                      output=output, fmt=fmt, plots_dir=plots_dir)
    est = _estimator(records, kind, info, estimator, run_dir, bootstrap)
    rep = build_report(records, by=by, kind=kind, min_quotes=min_quotes, sort=sort, since=since,
                       until=until, sources=sources or None, actors=actors or None,
                       period=period, info=info, estimator=est, by_period=by_period)
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


def _estimator(records, kind, info, name, run_dir, bootstrap, holdout_ids=None):
    """The share estimator for scored quotes (None: count the model's labels)."""
    from pathlib import Path

    from stance.io import InputError
    from stance.report.aggregate import SCORED
    from stance.report.estimate import (DEFAULT_ESTIMATOR, Calibration, HoldoutEstimator,
                                        ShareEstimator)

    if kind != SCORED or name == "count":
        return None
    explicit = name != "auto"
    if info.get("unscored"):
        msg = f"{info['unscored']} scored records have no pred_scores"
        if explicit:
            raise InputError(msg + f": --estimator {name} needs every frame's score",
                             ", ".join(info["inputs"]), field="pred_scores")
        click.echo(f"stance report: warning: {msg}; shares are the model's labels counted",
                   err=True)
        return None
    if run_dir is None:
        dirs = info.get("run_dirs") or []
        found = [d for d in dirs if Path(d, "predictions.jsonl").is_file()]
        if len(dirs) > 1:
            raise InputError(f"scored by {len(dirs)} runs ({', '.join(dirs)}): report one "
                             "run at a time or name the calibration run with --run",
                             ", ".join(info["inputs"]), field="run_dir")
        if not found:
            why = (f"run directory {dirs[0]} not found" if dirs else
                   "the scored quotes name no run_dir")
            if explicit:
                raise InputError(f"{why}: pass the run with --run RUN",
                                 ", ".join(info["inputs"]), field="run_dir")
            click.echo(f"stance report: warning: {why} (pass --run RUN): shares are the "
                       "model's labels counted, intervals ignore the classifier's error",
                       err=True)
            return None
        run_dir = found[0]
    cal = Calibration.from_run(run_dir)
    missing = [f for f in FRAME_KEYS if f not in cal.labels]
    if missing:
        raise InputError(f"the run has no {', '.join(missing)} label: not a frames run",
                         run_dir)
    name = DEFAULT_ESTIMATOR if name == "auto" else name
    if holdout_ids is not None and cal.overlaps(holdout_ids):
        click.echo(f"stance report: {cal.overlaps(holdout_ids)} checked quotes are in the "
                   f"run's calibration data ({cal.run}): each group's articles are left out "
                   "of it for that group's estimate", err=True)
        return HoldoutEstimator(cal, name, bootstrap=bootstrap)
    return ShareEstimator(cal, name, bootstrap=bootstrap)


def _load_labeled(path):
    from stance.io import InputError
    from stance.report.aggregate import LABELED, load_records

    labeled, kind, info = load_records([path])
    if kind != LABELED:
        raise InputError("not a labeled dataset: its records have no 'frames' (build one with "
                         "'stance annotations build')", path, field="frames")
    return labeled, kind, info


def _check(records, kind, info, where, check_path, *, by, min_quotes, estimator, run_dir,
           bootstrap, output, fmt, plots_dir):
    """``--check LABELED``: the fidelity table (and fidelity.png with --plots)."""
    from pathlib import Path

    from stance.io import InputError, atomic_output
    from stance.report import fidelity
    from stance.report.aggregate import LABELED, SCORED, build_report

    if kind != SCORED:
        raise InputError("--check compares model-scored quotes (from 'stance predict') with "
                         "a labeled dataset; this input is already labeled", where)
    labeled, lkind, linfo = _load_labeled(check_path)
    sc, lab, how = fidelity.match(records, labeled, where, check_path)
    est = _estimator(sc, kind, info, estimator, run_dir, bootstrap,
                     holdout_ids=[str(r.get("quote_id")) for r in sc])
    est_rep = build_report(sc, by=by, kind=SCORED, min_quotes=min_quotes, info=info,
                           estimator=est)
    lab_rep = build_report(lab, by=by, kind=LABELED, min_quotes=1, info=linfo)
    fid = fidelity.compare(est_rep, lab_rep, matched_by=how, n_scored=len(sc),
                           n_labeled=len(lab))
    if not fid.cells:
        raise InputError(f"no {by} has at least {min_quotes} quotes in both files",
                         check_path)
    if fmt is None:
        suffix = Path(output).suffix.lower() if output and output != "-" else ""
        fmt = {".md": "markdown", ".json": "json"}.get(suffix, "table")
    if fmt not in ("table", "markdown", "json"):
        raise click.UsageError("--check writes a table, markdown or json")
    png = None
    if plots_dir:
        if Path(plots_dir).exists() and not Path(plots_dir).is_dir():
            raise InputError("--plots must be a directory", plots_dir)
        png = fidelity.plot(fid)
    text = fidelity.render_json(fid) if fmt == "json" else \
        fidelity.render_text(fid, markdown=fmt == "markdown")
    with atomic_output(output) as fh:
        fh.write(text)
    if png is not None:
        Path(plots_dir).mkdir(parents=True, exist_ok=True)
        with atomic_output(Path(plots_dir) / "fidelity.png", "wb") as fh:
            fh.write(png)
        click.echo(f"stance report: plot {Path(plots_dir) / 'fidelity.png'}", err=True)
    s = fid.summary()
    click.echo(f"stance report: fidelity by {by}: mean error {s['mean_error'] * 100:.1f} "
               f"points, max {s['max_error'] * 100:.1f}, coverage {s['coverage'] * 100:.1f} % "
               f"({s['groups']} groups)", err=True)


def _names(group, wanted: str) -> bool:
    from stance.text import normalize_ar

    return wanted == group.key or normalize_ar(wanted) == normalize_ar(group.name)

