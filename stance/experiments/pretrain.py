"""Pretrain a small Arabic BERT offline: a WordPiece tokenizer and a masked-LM on raw text.

The corpus is a UTF-8 text file (``.gz`` allowed), one paragraph a line. The result is a
Hugging Face model directory (``config.json``, ``model.safetensors``, ``tokenizer.json`` ...,
plus ``pretrain.json`` with the settings and the held-out masked-LM loss) that
``AutoModelForSequenceClassification.from_pretrained`` loads, so an experiment config can name
it as ``model.model``. It is written into a temporary directory beside ``out`` and renamed into
place at the end: an interrupted pretraining leaves no directory that looks like a model.

Training uses the ``Trainer`` with ``DataCollatorForLanguageModeling`` (15 % masking). With
``max_minutes`` the learning rate decays linearly over the *time* budget and training stops
when it is spent, so a bounded run still ends at a low learning rate.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import tempfile
import time
from pathlib import Path

from stance.io import InputError, reading

SIZES = {  # the BERT-tiny / mini / medium / base shapes of Turc et al. (2019)
    "tiny": dict(hidden_size=128, num_hidden_layers=2, num_attention_heads=2, intermediate_size=512),
    "small": dict(hidden_size=256, num_hidden_layers=4, num_attention_heads=4,
                  intermediate_size=1024),
    "medium": dict(hidden_size=512, num_hidden_layers=8, num_attention_heads=8,
                   intermediate_size=2048),
    "base": dict(hidden_size=768, num_hidden_layers=12, num_attention_heads=12,
                 intermediate_size=3072),
}
LEARNING_RATES = {"tiny": 1e-3, "small": 5e-4, "medium": 2e-4, "base": 1e-4}  # short-budget peaks
SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]


def read_corpus(path, max_lines: int | None = None, min_chars: int = 20) -> list[str]:
    """Non-trivial lines of the corpus (at most ``max_lines``)."""
    lines = []
    with reading(path) as fh:
        for line in fh:
            line = line.strip()
            if len(line) >= min_chars:
                lines.append(line)
                if max_lines and len(lines) >= max_lines:
                    break
    if len(lines) < 2:
        raise InputError(f"corpus has {len(lines)} usable line(s) (>= {min_chars} characters); "
                         "need one paragraph a line", path)
    return lines


def train_tokenizer(lines: list[str], vocab_size: int = 16000, min_frequency: int = 2,
                    model_max_length: int = 512):
    """Train a BERT WordPiece tokenizer (diacritics stripped, no Chinese handling)."""
    from tokenizers import BertWordPieceTokenizer
    from transformers import BertTokenizerFast

    wp = BertWordPieceTokenizer(clean_text=True, handle_chinese_chars=False, strip_accents=True,
                                lowercase=True)
    wp.train_from_iterator(lines, vocab_size=vocab_size, min_frequency=min_frequency,
                           special_tokens=SPECIAL, show_progress=False)
    return BertTokenizerFast(tokenizer_object=wp._tokenizer, unk_token="[UNK]", pad_token="[PAD]",
                             cls_token="[CLS]", sep_token="[SEP]", mask_token="[MASK]",
                             model_max_length=model_max_length)


def pack(tokenizer, lines: list[str], max_length: int, batch: int = 2000) -> list[list[int]]:
    """Concatenate tokenized paragraphs ([SEP] between) and cut them into
    ``[CLS] ... [SEP]`` blocks of ``max_length`` tokens."""
    body = max_length - 2
    cls, sep = tokenizer.cls_token_id, tokenizer.sep_token_id
    blocks, buf = [], []
    for start in range(0, len(lines), batch):
        enc = tokenizer(lines[start:start + batch], add_special_tokens=False)["input_ids"]
        for ids in enc:
            buf.extend(ids)
            buf.append(sep)
            while len(buf) >= body:
                blocks.append([cls] + buf[:body] + [sep])
                buf = buf[body:]
    if buf and len(buf) > 8:
        blocks.append([cls] + buf + [sep])
    return blocks


def _sparse_mlm_class():
    """BertForMaskedLM that scores the vocabulary only at masked positions during training
    (2-3x faster on CPU than scoring every token); the weights are plain BertForMaskedLM's."""
    import torch.nn.functional as F
    from transformers import BertForMaskedLM
    from transformers.modeling_outputs import MaskedLMOutput

    class SparseMaskedLM(BertForMaskedLM):
        def forward(self, input_ids=None, attention_mask=None, token_type_ids=None, labels=None,
                    **kwargs):
            hidden = self.bert(input_ids=input_ids, attention_mask=attention_mask,
                               token_type_ids=token_type_ids).last_hidden_state
            if labels is None:
                return MaskedLMOutput(logits=self.cls(hidden))
            picked = labels != -100
            logits = self.cls(hidden[picked])
            return MaskedLMOutput(loss=F.cross_entropy(logits.float(), labels[picked]),
                                  logits=logits)

    return SparseMaskedLM


class _Blocks:
    def __init__(self, blocks):
        self.blocks = blocks

    def __len__(self):
        return len(self.blocks)

    def __getitem__(self, i):
        return {"input_ids": self.blocks[i]}


def run_fraction(step: int, max_steps: int, elapsed_s: float, budget_s: float | None) -> float:
    """How far a run is towards whichever limit ends it first: ``max_steps`` or the time
    budget (the progress bar shows this, not steps, so its ETA is the real end)."""
    done = step / max_steps if max_steps else 0.0
    if budget_s:
        done = max(done, elapsed_s / budget_s)
    return min(1.0, done)


def _budget_bar(max_steps: int, budget_s: float | None, clock: dict, desc: str):
    """A TrainerCallback drawing one bar on stderr against the limit that will end the run
    (the Trainer's own bar counts toward ``max_steps`` only: with ``--max-minutes`` it showed
    an ETA of hours for a 12-minute run)."""
    import sys

    from tqdm.auto import tqdm
    from transformers import TrainerCallback

    class BudgetBar(TrainerCallback):
        bar = None
        loss = None

        def on_train_begin(self, args, state, control, **kw):
            limit = f"{budget_s / 60:g} min or {max_steps:,} steps" if budget_s else \
                f"{max_steps:,} steps"
            self.bar = tqdm(total=1000, desc=f"{desc} (stops at {limit})", file=sys.stderr,
                            bar_format="{desc}: {percentage:3.0f}%|{bar}| "
                                       "{elapsed}<{remaining}{postfix}", dynamic_ncols=True)

        def on_step_end(self, args, state, control, **kw):
            if self.bar is None:
                return
            elapsed = time.monotonic() - clock["start"]
            n = int(1000 * run_fraction(state.global_step, max_steps, elapsed, budget_s))
            post = {"step": state.global_step}
            if self.loss is not None:
                post["loss"] = f"{self.loss:.4g}"
            self.bar.set_postfix(post, refresh=False)
            self.bar.update(max(0, n - self.bar.n))

        def on_log(self, args, state, control, logs=None, **kw):
            if logs and isinstance(logs.get("loss"), float):
                self.loss = logs["loss"]

        def on_train_end(self, args, state, control, **kw):
            if self.bar is not None:
                self.bar.update(1000 - self.bar.n)  # the limit was reached: the bar is full
                self.bar.close()
                self.bar = None

    return BudgetBar()


def pretrain(corpus, out, *, size: str = "tiny", vocab_size: int = 16000, max_length: int = 128,
             batch_size: int = 32, lr: float | None = None, max_steps: int | None = None,
             max_minutes: float | None = None, max_lines: int | None = None,
             eval_lines: int = 1000, warmup_steps: int = 100, seed: int = 13,
             progress: bool = True, overwrite: bool = False) -> dict:
    """Train tokenizer + masked LM on ``corpus`` and save a model directory at ``out``."""
    import torch
    from transformers import (BertConfig, BertForMaskedLM, DataCollatorForLanguageModeling,
                              Trainer, TrainerCallback, TrainingArguments, set_seed)

    from stance.experiments.bert import quiet_transformers, tidy_progress

    if size not in SIZES:
        raise InputError(f"unknown size {size!r} (known: {', '.join(SIZES)})", field="--size")
    if not max_steps and not max_minutes:
        raise InputError("give --max-steps or --max-minutes (or both) to bound the training",
                         field="--max-steps")
    lr = lr or LEARNING_RATES[size]
    out = Path(out)
    if out.exists() and not overwrite:
        raise InputError("output directory exists (use --overwrite to replace it)", out)
    quiet_transformers(progress)
    set_seed(seed)
    t0 = time.monotonic()
    lines = read_corpus(corpus, max_lines=max_lines)
    n_eval = min(eval_lines, max(1, len(lines) // 10))
    train_lines, eval_lines_ = lines[:-n_eval], lines[-n_eval:]
    log = (lambda msg: print(msg, flush=True)) if progress else (lambda msg: None)
    log(f"corpus: {len(lines):,} paragraphs ({len(train_lines):,} train, {n_eval:,} held out)")
    tokenizer = train_tokenizer(train_lines, vocab_size=vocab_size, model_max_length=max_length)
    log(f"tokenizer: WordPiece, {len(tokenizer):,} tokens ({time.monotonic() - t0:.0f} s)")
    train_blocks = pack(tokenizer, train_lines, max_length)
    eval_blocks = pack(tokenizer, eval_lines_, max_length)[:512]
    log(f"data: {len(train_blocks):,} blocks of {max_length} tokens "
        f"({time.monotonic() - t0:.0f} s)")

    config = BertConfig(vocab_size=len(tokenizer), max_position_embeddings=max(512, max_length),
                        pad_token_id=tokenizer.pad_token_id, **SIZES[size])
    model = _sparse_mlm_class()(config)
    budget_s = max_minutes * 60 if max_minutes else None
    if not max_steps:  # bounded by time only: at most 10 passes over the data
        max_steps = max(1, 10 * math.ceil(len(train_blocks) / batch_size))
    clock = {"start": None}

    def lr_factor(step: int) -> float:
        warm = min(1.0, (step + 1) / max(1, warmup_steps))
        by_steps = max(0.0, 1 - step / max_steps)
        if budget_s and clock["start"] is not None:
            by_time = max(0.0, 1 - (time.monotonic() - clock["start"]) / budget_s)
            return warm * min(by_steps, by_time)
        return warm * by_steps

    class TimeBudget(TrainerCallback):
        def on_train_begin(self, args, state, control, **kw):
            clock["start"] = time.monotonic()

        def on_step_end(self, args, state, control, **kw):
            if budget_s and time.monotonic() - clock["start"] >= budget_s:
                control.should_training_stop = True

    decay = [p for n, p in model.named_parameters() if not any(k in n for k in ("bias", "LayerNorm"))]
    no_decay = [p for n, p in model.named_parameters() if any(k in n for k in ("bias", "LayerNorm"))]
    optimizer = torch.optim.AdamW([{"params": decay, "weight_decay": 0.01},
                                   {"params": no_decay, "weight_decay": 0.0}], lr=lr)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lr_factor)

    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".partial", dir=out.parent))
    os.chmod(tmp, 0o755)
    try:
        args = TrainingArguments(
            output_dir=str(tmp / "trainer"), per_device_train_batch_size=batch_size,
            per_device_eval_batch_size=batch_size, max_steps=max_steps, save_strategy="no",
            eval_strategy="no", logging_steps=50, report_to="none", disable_tqdm=False,
            seed=seed, data_seed=seed, dataloader_num_workers=0, prediction_loss_only=True,
            dataloader_pin_memory=torch.cuda.is_available())
        collator = DataCollatorForLanguageModeling(tokenizer, mlm_probability=0.15)
        trainer = Trainer(model=model, args=args, data_collator=collator,
                          train_dataset=_Blocks(train_blocks), eval_dataset=_Blocks(eval_blocks),
                          optimizers=(optimizer, scheduler), callbacks=[TimeBudget()])
        tidy_progress(trainer, False)  # no Trainer bar: it counts steps only
        if progress:
            trainer.add_callback(_budget_bar(max_steps, budget_s, clock, "pretrain"))
        result = trainer.train()
        train_s = time.monotonic() - clock["start"]
        set_seed(seed)  # the same masks for every evaluation
        eval_loss = float(trainer.evaluate()["eval_loss"])
        shutil.rmtree(tmp / "trainer", ignore_errors=True)
        plain = BertForMaskedLM(config)
        plain.load_state_dict(trainer.model.state_dict())
        plain.save_pretrained(tmp)
        tokenizer.save_pretrained(tmp)
        for f in tmp.iterdir():
            os.chmod(f, 0o644)
        summary = {
            "corpus": str(corpus), "size": size, **SIZES[size], "vocab_size": len(tokenizer),
            "max_length": max_length, "batch_size": batch_size, "lr": lr, "seed": seed,
            "steps": int(trainer.state.global_step), "max_steps": max_steps,
            "max_minutes": max_minutes, "train_minutes": round(train_s / 60, 2),
            "train_paragraphs": len(train_lines), "train_blocks": len(train_blocks),
            "tokens_seen": int(trainer.state.global_step) * batch_size * max_length,
            "train_loss": round(float(result.training_loss), 4),
            "heldout_mlm_loss": round(eval_loss, 4),
            "heldout_perplexity": round(math.exp(min(eval_loss, 50)), 1),
            "parameters": sum(p.numel() for p in trainer.model.parameters()),
        }
        (tmp / "pretrain.json").write_text(json.dumps(summary, indent=2), "utf-8")
        if out.exists():
            shutil.rmtree(out)
        os.replace(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    log(f"saved {out}: {summary['steps']} steps in {summary['train_minutes']} min, held-out "
        f"MLM loss {summary['heldout_mlm_loss']} (perplexity {summary['heldout_perplexity']})")
    return summary
