"""BERT fine-tuning with the Hugging Face ``Trainer`` (so ``accelerate launch`` / ``torchrun``
scale the same config to several GPUs), and fast batched inference.

* Multi-label: ``problem_type="multi_label_classification"`` (a sigmoid per label, BCE loss),
  per-label thresholds tuned on the inner validation split. Single-label: softmax + argmax.
* The training data passed to :meth:`BertModel.fit` is split once more (``val_fraction``,
  stratified) into an inner training and validation part; the validation part drives early
  stopping (micro average precision, threshold-free) and threshold tuning, never the test data.
* Deterministic for a given seed on one device (``transformers.set_seed`` before the head is
  initialised, ``seed``/``data_seed`` in ``TrainingArguments``).
* :func:`batched_scores` sorts texts by token length and pads per batch: the inference path of
  ``stance predict`` and of the evaluation.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

import numpy as np

from stance.experiments.models import Model
from stance.io import InputError

DEFAULT_OFFLINE_MODEL = "models/arabic-bert-small"
DEFAULT_CORPUS = "/work/shared/corpus/ant_news_unlabeled.txt.gz"


def pretrain_command(out: str = DEFAULT_OFFLINE_MODEL) -> str:
    return (f"stance pretrain --corpus {DEFAULT_CORPUS} --out {out} --size small "
            f"--max-minutes 15")


def _looks_local(name: str) -> bool:
    """A name that can only be a local path (a hub id is ``name`` or ``org/name``)."""
    return (name.startswith((".", "/", "~")) or name.count("/") > 1 or "\\" in name
            or name.split("/")[0] in ("models", "runs") or name.endswith("/"))


def check_source(name: str) -> str:
    """Return a loadable model source or raise an :class:`InputError` that says what to do."""
    path = Path(name).expanduser()
    if path.is_dir():
        if not (path / "config.json").exists():
            raise InputError("not a Hugging Face model directory (no config.json)", path,
                             field="model.model")
        return str(path)
    if _looks_local(name):
        raise InputError(f"no such model directory; make one offline with:  {pretrain_command(name)}",
                         name, field="model.model")
    from transformers import AutoConfig

    try:  # already in the local Hugging Face cache?
        AutoConfig.from_pretrained(name, local_files_only=True)
        return name
    except Exception:
        pass
    reason = hub_unreachable()
    if reason is None:
        try:
            AutoConfig.from_pretrained(name)
        except Exception as exc:  # unknown id, gated, ...
            text = str(exc).strip()
            reason = text.splitlines()[0][:200] if text else type(exc).__name__
        else:
            return name
    raise InputError(
        f"cannot load {name!r} from the Hugging Face hub ({reason}). Download it where the hub "
        f"is reachable and set model.model to its local directory, or make a small Arabic BERT "
        f"offline with:  {pretrain_command()}  and use experiments/bert-offline.yaml",
        field="model.model")


def hub_unreachable(timeout: float = 3.0) -> str | None:
    """None when the hub answers a TCP connection, else why not (fast, no retries)."""
    import socket
    from urllib.parse import urlparse

    if os.environ.get("HF_HUB_OFFLINE", "").lower() in ("1", "true", "yes"):
        return "HF_HUB_OFFLINE is set"
    url = urlparse(os.environ.get("HF_ENDPOINT", "https://huggingface.co"))
    host, port = url.hostname or "huggingface.co", url.port or (443 if url.scheme == "https" else 80)
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return None
    except OSError as exc:
        return f"the hub at {host} is not reachable: {exc.strerror or exc}"


def quiet_transformers() -> None:
    """Silence the expected load-time notices (new classification head, ...)."""
    import transformers

    transformers.logging.set_verbosity_error()
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


class _Encoded:
    """A torch-style dataset over tokenized texts and (optional) label rows."""

    def __init__(self, encodings: dict, labels=None):
        self.encodings = encodings
        self.labels = labels

    def __len__(self):
        return len(self.encodings["input_ids"])

    def __getitem__(self, i):
        item = {k: v[i] for k, v in self.encodings.items()}
        if self.labels is not None:
            item["labels"] = self.labels[i]
        return item


class _Collator:
    """Pad a batch with the tokenizer and stack the labels (float rows or class ids)."""

    def __init__(self, tokenizer, multi_label: bool):
        self.tokenizer = tokenizer
        self.multi_label = multi_label

    def __call__(self, features):
        import torch

        labels = [f.pop("labels") for f in features] if "labels" in features[0] else None
        batch = self.tokenizer.pad(features, return_tensors="pt")
        if labels is not None:
            batch["labels"] = torch.tensor(np.asarray(labels),
                                           dtype=torch.float32 if self.multi_label else torch.long)
        return batch


def batched_scores(model, tokenizer, texts: list[str], *, max_length: int, batch_size: int,
                   multi_label: bool, progress: bool = False, desc: str = "scoring") -> np.ndarray:
    """Per-label probabilities for ``texts``: tokenize once, sort by length, pad per batch,
    restore the input order."""
    import torch
    from tqdm.auto import tqdm

    n = len(texts)
    n_labels = model.config.num_labels
    out = np.zeros((n, n_labels), dtype=np.float32)
    if n == 0:
        return out
    enc = tokenizer(list(texts), truncation=True, max_length=max_length)
    keys = [k for k in ("input_ids", "token_type_ids", "attention_mask") if k in enc]
    order = np.argsort([-len(ids) for ids in enc["input_ids"]], kind="stable")
    device = next(model.parameters()).device
    was_training = model.training
    model.eval()
    with torch.inference_mode():
        for start in tqdm(range(0, n, batch_size), desc=desc, disable=not progress, leave=False,
                          unit="batch"):
            idx = order[start:start + batch_size]
            batch = tokenizer.pad([{k: enc[k][i] for k in keys} for i in idx], return_tensors="pt")
            logits = model(**{k: v.to(device) for k, v in batch.items()}).logits.float()
            probs = torch.sigmoid(logits) if multi_label else torch.softmax(logits, dim=-1)
            out[idx] = probs.cpu().numpy()
    model.train(was_training)
    return out


def _inner_split(Y: np.ndarray, fraction: float, seed: int, multi_label: bool):
    n = len(Y)
    n_val = max(1, int(round(n * fraction)))
    if n - n_val < 1:
        raise InputError(f"too few training examples ({n}) for an inner validation split",
                         field="model.val_fraction")
    idx = np.arange(n)
    try:
        if multi_label:
            from iterstrat.ml_stratifiers import MultilabelStratifiedShuffleSplit

            split = MultilabelStratifiedShuffleSplit(n_splits=1, test_size=n_val, random_state=seed)
            return next(split.split(idx, Y))
        from sklearn.model_selection import StratifiedShuffleSplit

        split = StratifiedShuffleSplit(n_splits=1, test_size=n_val, random_state=seed)
        return next(split.split(idx, Y.argmax(1)))
    except ValueError:  # a class too rare to stratify: fall back to a seeded random split
        rng = np.random.default_rng(seed)
        perm = rng.permutation(n)
        return np.sort(perm[n_val:]), np.sort(perm[:n_val])


class BertModel(Model):
    """Fine-tune a (hub or local) BERT encoder with a classification head."""

    type = "bert"

    def _p(self, key, default=None):
        return self.params.get(key, default)

    def fit(self, texts, Y):
        import torch
        from sklearn.metrics import average_precision_score
        from transformers import (AutoModelForSequenceClassification, AutoTokenizer,
                                  EarlyStoppingCallback, Trainer, TrainingArguments, set_seed)

        from stance.experiments.tfidf import best_threshold

        quiet_transformers()
        source = check_source(self._p("model"))
        Y = np.asarray(Y)
        texts = list(texts)
        set_seed(self.seed)
        tokenizer = AutoTokenizer.from_pretrained(source)
        model = AutoModelForSequenceClassification.from_pretrained(
            source, num_labels=len(self.labels),
            problem_type="multi_label_classification" if self.multi_label
            else "single_label_classification",
            id2label=dict(enumerate(self.labels)), label2id={l: i for i, l in enumerate(self.labels)})
        tr, va = _inner_split(Y, self._p("val_fraction", 0.15), self.seed, self.multi_label)
        max_length = self._p("max_length", 128)

        def encode(idx):
            enc = tokenizer([texts[i] for i in idx], truncation=True, max_length=max_length)
            rows = Y[idx].astype(np.float32) if self.multi_label else Y[idx].argmax(1)
            return _Encoded(dict(enc), list(rows))

        def metrics(pred):
            logits = pred.predictions[0] if isinstance(pred.predictions, tuple) else pred.predictions
            logits = torch.tensor(logits).float()
            probs = (torch.sigmoid(logits) if self.multi_label else torch.softmax(logits, -1)).numpy()
            gold = Y[va]
            if gold.sum() == 0:
                return {"micro_ap": 0.0}
            return {"micro_ap": float(average_precision_score(gold, probs, average="micro"))}

        device = self._p("device", "auto")
        if device == "cuda" and not torch.cuda.is_available():
            raise InputError("model.device is 'cuda' but no CUDA device is available",
                             field="model.device")
        patience = self._p("early_stopping", 2)
        precision = self._p("precision", "fp32")
        with tempfile.TemporaryDirectory(prefix="stance-bert-") as tmp:
            args = TrainingArguments(
                output_dir=tmp,
                per_device_train_batch_size=self._p("batch_size", 16),
                per_device_eval_batch_size=self._p("eval_batch_size", 64),
                gradient_accumulation_steps=self._p("grad_accum", 1),
                num_train_epochs=float(self._p("epochs", 5)),
                learning_rate=float(self._p("lr", 5e-5)),
                warmup_steps=float(self._p("warmup", 0.1)),
                weight_decay=float(self._p("weight_decay", 0.01)),
                eval_strategy="epoch", save_strategy="epoch", save_total_limit=1,
                save_only_model=True, load_best_model_at_end=True,
                metric_for_best_model="eval_loss", greater_is_better=False,
                logging_strategy="epoch", report_to="none", disable_tqdm=not self.progress,
                seed=self.seed, data_seed=self.seed, use_cpu=device == "cpu",
                fp16=precision == "fp16", bf16=precision == "bf16",
                dataloader_num_workers=0, dataloader_pin_memory=torch.cuda.is_available(),
            )
            trainer = Trainer(
                model=model, args=args, data_collator=_Collator(tokenizer, self.multi_label),
                train_dataset=encode(tr), eval_dataset=encode(va), processing_class=tokenizer,
                compute_metrics=metrics,
                callbacks=[EarlyStoppingCallback(patience)] if patience else None)
            with _quiet_stdout(not self.progress):
                trainer.train()
            model = trainer.model
        self.model_, self.tokenizer_ = model, tokenizer
        self.epochs_trained_ = float(trainer.state.epoch or 0)
        if self.multi_label:
            th = self._p("threshold", "tune")
            if th == "tune":
                val_scores = self.scores([texts[i] for i in va])
                self.thresholds = np.array([best_threshold(Y[va][:, j], val_scores[:, j])
                                            for j in range(len(self.labels))])
            else:
                self.thresholds = np.full(len(self.labels), float(th))
        return self

    def scores(self, texts):
        return batched_scores(self.model_, self.tokenizer_, list(texts),
                              max_length=self._p("max_length", 128),
                              batch_size=self._p("eval_batch_size", 64),
                              multi_label=self.multi_label, progress=self.progress)

    def _save(self, directory):
        self.model_.save_pretrained(directory)
        self.tokenizer_.save_pretrained(directory)

    def _load(self, directory):
        import torch
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        quiet_transformers()
        self.tokenizer_ = AutoTokenizer.from_pretrained(directory)
        self.model_ = AutoModelForSequenceClassification.from_pretrained(directory)
        device = self._p("device", "auto")
        if device != "cpu" and torch.cuda.is_available():
            self.model_.to("cuda")
        self.model_.eval()


@contextlib.contextmanager
def _quiet_stdout(enabled: bool):
    """Keep the Trainer's per-epoch log dicts off stdout when progress output is off."""
    if not enabled:
        yield
        return
    with open(os.devnull, "w") as devnull, contextlib.redirect_stdout(devnull):
        yield
