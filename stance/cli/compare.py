"""``stance compare``: two runs side by side, with a paired test of their difference."""

from __future__ import annotations

import click


@click.command("compare")
@click.argument("run_a", type=click.Path(file_okay=False))
@click.argument("run_b", type=click.Path(file_okay=False))
@click.option("--samples", type=click.IntRange(100), default=1000, show_default=True,
              help="Paired bootstrap resamples.")
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the comparison as JSON.")
def compare(run_a, run_b, samples, seed, as_json):
    """Compare RUN_A and RUN_B on the same items (paired bootstrap + McNemar per label).

    Both runs must have predicted the same items (two CV runs on one dataset, or two runs on
    one test file); otherwise the command says what differs and exits with status 2.

    \b
    Example:
      stance compare runs/tfidf-frames-<time> runs/bert-offline-frames-<time>
    """
    from stance.experiments.compare import compare_runs, comparison_json, format_comparison

    res = compare_runs(run_a, run_b, samples=samples, seed=seed)
    click.echo(comparison_json(res) if as_json else format_comparison(res))
