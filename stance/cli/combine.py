"""``stance combine``: the weighted mean of finished runs' scores, as a run of its own."""

from __future__ import annotations

import click


def _weights(ctx, param, value):
    if value is None:
        return None
    try:
        return [float(x) for x in value.split(",")]
    except ValueError:
        raise click.BadParameter(f"expected numbers separated by commas, got {value!r}") from None


@click.command("combine")
@click.argument("run_dirs", nargs=-1, required=True, type=click.Path(file_okay=False))
@click.option("--weights", callback=_weights, default=None,
              help="One weight per run, comma-separated (default: equal).")
@click.option("--threshold", type=click.FloatRange(0, 1), default=0.5, show_default=True,
              help="Cut-off on the averaged label scores.")
@click.option("-o", "--output-dir", default="runs", show_default=True, type=click.Path(file_okay=False),
              help="Where the combined run directory is written.")
@click.option("--samples", type=click.IntRange(0), default=1000, show_default=True,
              help="Bootstrap resamples for the intervals.")
@click.option("--seed", type=int, default=13, show_default=True)
def combine(run_dirs, weights, threshold, output_dir, samples, seed):
    """Average the label scores of RUN_DIRS (runs on the same items) into a run of its own.

    The members' out-of-fold predictions are averaged (weighted) and cut at one threshold:
    exactly what an ensemble config computes when the runs used the same folds (eval.folds,
    eval.seed) — e.g. members trained one at a time, or on different machines. The result gets
    metrics with bootstrap intervals and can be compared with 'stance compare'.

    \b
    Example (an encoder's run and its second-seed run, with TF-IDF):
      stance combine runs/tfidf-frames-<time> runs/NAME-TIMESTAMP runs/NAME-TIMESTAMP \\
          --weights 0.5,0.25,0.25 -o runs
      stance compare runs/tfidf-frames-<time> runs/NAME-TIMESTAMP   # the combined run
    """
    from stance.experiments.combine import combine_runs, write_combined

    info, metrics, records = combine_runs(list(run_dirs), weights=weights, threshold=threshold,
                                          samples=samples, seed=seed)
    out = write_combined(output_dir, info, metrics, records)
    lo, hi = metrics.get("macro_f1_ci", [None, None])
    click.echo(f"{len(run_dirs)} runs, weights {metrics['combined']['weights']}, threshold {threshold}: "
               f"micro-F1 {metrics['micro_f1']:.3f}  macro-F1 {metrics['macro_f1']:.3f}"
               + (f" [{lo:.3f}, {hi:.3f}]" if lo is not None else "")
               + ("" if metrics["combined"]["same_folds"] else "  (the runs used different folds)"))
    for lab, v in metrics["per_label"].items():
        click.echo(f"  {lab:<12} F1 {v['f1']:.3f}  P {v['precision']:.3f}  R {v['recall']:.3f}  (n={v['support']})")
    click.echo(f"-> {out}")
