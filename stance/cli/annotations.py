"""``stance annotations``: agreement figures and datasets from Label Studio exports (offline)."""

from __future__ import annotations

import json

import click

MAX_LISTED = 15


@click.group("annotations")
def annotations():
    """Work with Label Studio JSON exports offline: agreement, dataset building.

    \b
    Example (the bundled export of the development quotes, two annotators):
      stance annotations agreement annotations/dev_export.json --plot agreement.png
      stance annotations build annotations/dev_export.json -o data.jsonl \\
          --policy annotator:annotator1@example.com
    """


@annotations.command("agreement")
@click.argument("exports", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
@click.option("--plot", metavar="FILE.png", default=None,
              help="Write an annotator x annotator agreement heatmap.")
def agreement(exports, as_json, plot):
    """Inter-annotator agreement on the frames of one or more exports.

    Per frame: Krippendorff's alpha (binary) and Cohen's kappa for each annotator pair;
    overall: alpha on label sets (MASI and Jaccard distances) and the share of identical
    label sets; quotes per annotator. Cancelled annotations are ignored.

    \b
    Example:
      stance annotations agreement annotations/exports/frames-*.json --json > agreement.json
    """
    from stance.annotations.agreement import agreement as compute, format_report, plot_pairs
    from stance.io import check_output_path

    check_output_path(plot, option="--plot")
    report = compute(exports)
    if plot:
        if not report["pairs"]:
            click.echo("warning: fewer than two annotators: no plot written", err=True)
        else:
            try:
                plot_pairs(report, plot)
            except ModuleNotFoundError as exc:
                raise click.ClickException(f"--plot needs {exc.name}: pip install "
                                           "'stance[report]'") from None
            click.echo(f"wrote {plot}", err=True)
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        click.echo(format_report(report))


@annotations.command("build")
@click.argument("exports", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("-o", "--output", required=True, metavar="DATASET.jsonl",
              help="The dataset, one quote a line ('-' for standard output).")
@click.option("--policy", default="majority", show_default=True,
              metavar="majority|union|soft|ground_truth|annotator:ID",
              help="How final frames are chosen: majority (more than half of the annotators), "
                   "union/any (any annotator), soft (union, with a sample 'weight' by "
                   "agreement), ground_truth (the annotation marked so; the bundled exports "
                   "mark each quote's first annotator), annotator:ID (an email, user id, or "
                   "the email's name part).")
@click.option("--summary", "summary_path", metavar="FILE.json", default=None,
              help="Also write the summary (counts, every conflict) as JSON.")
def build(exports, output, policy, summary_path):
    """Build a frame dataset, one record per quote, from Label Studio exports.

    Records: quote_id, article_id, text, speaker, actor_id, actor, actor_country,
    actor_role, date, source, context, kind, start, end, frames ([] for none),
    annotations ([{annotator, frames, extraction}]), policy, conflict, extraction (the
    quote's judgement of the extractor: ok, wrong_speaker, bad_boundaries, not_a_quote, or
    null), and weight under --policy soft. Cancelled annotations are ignored; conflicts
    (annotators choosing different frame sets) are counted and listed.

    \b
    Examples:
      stance annotations build annotations/frames_export.json.gz -o data.jsonl --policy union
      stance annotations build annotations/dev_export.json -o dev.jsonl \\
          --policy annotator:annotator1@example.com --summary dev_summary.json
    """
    from stance.annotations.dataset import build_dataset
    from stance.io import atomic_output, check_output_path, write_jsonl_line

    check_output_path(output, option="-o")
    check_output_path(summary_path, option="--summary")
    records, s = build_dataset(list(exports), policy=policy)
    if summary_path:
        with atomic_output(summary_path) as fh:
            json.dump(s, fh, ensure_ascii=False, indent=2)
    with atomic_output(output) as fh:
        for rec in records:
            write_jsonl_line(fh, rec)
    skipped = ", ".join(f"{n} {why.replace('_', ' ')}" for why, n in s["skipped"].items())
    frames = ", ".join(f"{f} {n}" for f, n in s["frames"].items())
    click.echo(f"{s['records']} quotes ({s['policy']}) from {s['annotations']} annotations by "
               f"{len(s['annotators'])} annotators; {s['cancelled_ignored']} cancelled ignored"
               + (f"; skipped: {skipped}" if skipped else "") + f"; frames: {frames}", err=True)
    if s.get("extraction"):
        judged = sum(s["extraction"].values())
        click.echo(f"extraction judged on {judged} quotes: " + ", ".join(
            f"{k} {n}" for k, n in sorted(s["extraction"].items(), key=lambda kv: -kv[1]))
            + " (stance eval-extract --judged for precision with intervals)", err=True)
    click.echo(f"{s['conflicts']} conflicts (annotators chose different frames)", err=True)
    for c in s["conflict_list"][:MAX_LISTED]:
        who = "  ".join(f"{a}={'+'.join(f) or 'none'}" for a, f in c["annotations"].items())
        click.echo(f"  {c['quote_id']} (task {c['task_id']}): {who} -> "
                   f"{'+'.join(c['frames']) or 'none'}", err=True)
    if s["conflicts"] > MAX_LISTED:
        more = f"see {summary_path}" if summary_path else "--summary FILE.json lists them all"
        click.echo(f"  ... {s['conflicts'] - MAX_LISTED} more ({more})", err=True)
    from stance.annotations.agreement import none_with_frames_lines

    for line in none_with_frames_lines(s["none_with_frames"], MAX_LISTED):
        click.echo(line.replace("--json lists them all",
                                f"see {summary_path}" if summary_path else
                                "--summary FILE.json lists them all"), err=True)
    if output != "-":
        click.echo(f"wrote {output}", err=True)
