"""``stance pretrain``: a small Arabic BERT (WordPiece + masked LM) from unlabeled text."""

from __future__ import annotations

import click


@click.command("pretrain")
@click.option("--corpus", required=True, type=click.Path(dir_okay=False),
              help="UTF-8 text, one paragraph a line (.gz allowed).")
@click.option("--out", required=True, type=click.Path(file_okay=False),
              help="Model directory to write (Hugging Face format, safetensors + tokenizer).")
@click.option("--size", type=click.Choice(["tiny", "small", "medium", "base"]), default="tiny",
              show_default=True, help="Model shape (layers x hidden): tiny 2x128, small 4x256, "
              "medium 8x512, base 12x768.")
@click.option("--vocab-size", type=click.IntRange(100), default=16000, show_default=True)
@click.option("--max-length", type=click.IntRange(16, 512), default=128, show_default=True,
              help="Tokens per training block.")
@click.option("--batch-size", type=click.IntRange(1), default=32, show_default=True)
@click.option("--lr", type=click.FloatRange(0, min_open=True), default=None,
              help="Peak learning rate (default by size: tiny 1e-3, small 5e-4, medium 2e-4, "
                   "base 1e-4).")
@click.option("--max-steps", type=click.IntRange(1), default=None,
              help="Stop after this many optimizer steps.")
@click.option("--max-minutes", type=click.FloatRange(0, min_open=True), default=None,
              help="Stop after this many minutes of training (the learning rate decays over it).")
@click.option("--max-lines", type=click.IntRange(2), default=None,
              help="Read at most this many corpus lines.")
@click.option("--seed", type=int, default=13, show_default=True)
@click.option("--overwrite", is_flag=True, help="Replace an existing --out directory.")
@click.option("--quiet", is_flag=True, help="No progress output.")
def pretrain(corpus, out, size, vocab_size, max_length, batch_size, lr, max_steps, max_minutes,
             max_lines, seed, overwrite, quiet):
    """Pretrain a WordPiece tokenizer and a small BERT masked-LM on an unlabeled corpus.

    The output directory loads with transformers' from_pretrained and is what the offline
    experiment configs use as model.model. It appears only when training has finished.

    \b
    Example (about 13 minutes on 2 CPU cores):
      stance pretrain --corpus ../shared/corpus/ant_news_unlabeled.txt.gz \\
          --out models/arabic-bert-tiny --size tiny --max-minutes 12
      stance train experiments/bert-offline.yaml
    """
    from stance.experiments.pretrain import pretrain as run

    run(corpus, out, size=size, vocab_size=vocab_size, max_length=max_length,
        batch_size=batch_size, lr=lr, max_steps=max_steps, max_minutes=max_minutes,
        max_lines=max_lines, seed=seed, progress=not quiet, overwrite=overwrite)
