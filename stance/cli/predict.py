"""``stance predict``: score quotes (or any JSONL with the run's text field) with a run's model."""

from __future__ import annotations

import click


@click.command("predict")
@click.argument("run_dir", type=click.Path(file_okay=False))
@click.argument("input", type=click.Path(dir_okay=False))
@click.option("-o", "--output", default="-", show_default=True, type=click.Path(dir_okay=False),
              help="Scored JSONL ('-' = standard output).")
@click.option("--text-field", default=None,
              help="Field holding the text (default: the run's data.text_field).")
@click.option("--batch-size", type=click.IntRange(1), default=None,
              help="Inference batch size for BERT runs (default: the run's eval_batch_size).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def predict(run_dir, input, output, text_field, batch_size, quiet):
    """Add pred_labels, pred_scores and run to every record of INPUT (JSONL).

    INPUT can be quotes from 'stance extract', dataset records, or any JSONL with the run's
    text field. Records come out unchanged apart from the three added fields, one line per
    input record, in order. Large inputs stream; BERT scores length-sorted batches.

    \b
    Example:
      stance extract seeds/ -o quotes.jsonl
      stance predict runs/tfidf-frames-<time> quotes.jsonl -o scored.jsonl
    """
    from stance.experiments.predict import predict_file
    from stance.io import check_output_path

    check_output_path(output, option="-o")
    n = predict_file(run_dir, input, output, text_field=text_field, batch_size=batch_size,
                     progress=not quiet)
    if output != "-":
        click.echo(f"scored {n} records -> {output}", err=True)
