"""`stance pretrain`: a WordPiece tokenizer and a small BERT masked-LM from unlabeled Arabic
text, saved as a Hugging Face model directory that fine-tuning loads."""

import gzip
import re
import json
from pathlib import Path

import pytest

pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

from stance.cli import main  # noqa: E402
from stance.experiments import pretrain as pt  # noqa: E402
from stance.io import InputError  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Real Arabic paragraphs (the ArAIEval training texts) as a gzipped one-a-line corpus."""
    src = ROOT / "experiments/data/araieval23/task1B_train.jsonl"
    path = tmp_path_factory.mktemp("corpus") / "arabic.txt.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for line in src.open(encoding="utf-8"):
            out.write(json.loads(line)["text"].replace("\n", " ") + "\n")
    return path


@pytest.fixture(scope="module")
def pretrained(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("models") / "arabic-bert-tiny"
    main(["pretrain", "--corpus", str(corpus), "--out", str(out), "--size", "tiny",
          "--vocab-size", "800", "--max-length", "32", "--batch-size", "8", "--max-steps", "6",
          "--max-lines", "600", "--quiet"])
    return out


def test_model_directory_loads_for_fine_tuning(pretrained):
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    for name in ("config.json", "model.safetensors", "tokenizer.json", "pretrain.json"):
        assert (pretrained / name).exists(), name
    info = json.loads((pretrained / "pretrain.json").read_text("utf-8"))
    assert info["steps"] == 6 and info["size"] == "tiny" and info["hidden_size"] == 128
    assert info["heldout_mlm_loss"] > 0 and info["train_paragraphs"] > 500
    tok = AutoTokenizer.from_pretrained(pretrained)
    model = AutoModelForSequenceClassification.from_pretrained(
        pretrained, num_labels=3, problem_type="multi_label_classification")
    enc = tok(["قال الوزير إن الحكومة ستواصل الحوار"], return_tensors="pt")
    pieces = tok.convert_ids_to_tokens(enc["input_ids"][0])
    assert pieces[0] == "[CLS]" and pieces[-1] == "[SEP]" and "[UNK]" not in pieces
    assert model(**enc).logits.shape == (1, 3)


def test_existing_output_is_not_overwritten(pretrained, corpus):
    with pytest.raises(InputError, match="exists"):
        pt.pretrain(corpus, pretrained, size="tiny", max_steps=1, progress=False)


def test_needs_a_bound(corpus, tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["pretrain", "--corpus", str(corpus), "--out", str(tmp_path / "m"), "--quiet"])
    assert exc.value.code == 2
    assert "--max-steps" in capsys.readouterr().err
    assert not (tmp_path / "m").exists()


def test_time_budget_stops_training(corpus, tmp_path):
    info = pt.pretrain(corpus, tmp_path / "m", size="tiny", vocab_size=500, max_length=32,
                       batch_size=8, max_steps=100000, max_minutes=0.04, max_lines=300,
                       progress=False)
    assert 0 < info["steps"] < 100000 and info["train_minutes"] < 0.5
    assert (tmp_path / "m/model.safetensors").exists()


def test_interrupted_pretraining_leaves_no_model(corpus, tmp_path, monkeypatch):
    def boom(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(transformers.Trainer, "train", boom)
    with pytest.raises(KeyboardInterrupt):
        pt.pretrain(corpus, tmp_path / "m", size="tiny", vocab_size=500, max_steps=3,
                    max_lines=200, progress=False)
    assert list(tmp_path.iterdir()) == []


def test_corpus_errors_name_the_file(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\nقصير\n", "utf-8")
    with pytest.raises(InputError) as err:
        pt.read_corpus(empty)
    assert "empty.txt" in str(err.value) and "usable" in str(err.value)
    with pytest.raises(InputError):
        pt.read_corpus(tmp_path / "missing.txt.gz")


def test_progress_bar_counts_toward_the_limit_that_ends_the_run(corpus, tmp_path, capsys):
    """With --max-minutes the bar counted toward the step budget (100,000 steps here) and
    showed an ETA of hours for a run of seconds: it must show progress against the time."""
    info = pt.pretrain(corpus, tmp_path / "m", size="tiny", vocab_size=500, max_length=32,
                       batch_size=8, max_steps=100000, max_minutes=0.04, max_lines=300,
                       progress=True)
    err = capsys.readouterr().err
    assert 0 < info["steps"] < 100000
    assert "stops at 0.04 min or 100,000 steps" in err
    bar = [line for line in re.split(r"[\r\n]", err) if line.startswith("pretrain (stops")]
    assert bar and bar[-1].split(":", 1)[1].lstrip().startswith("100%|")
    assert not any(re.search(r"<\d+:\d\d:\d\d", line) for line in bar)  # no ETA of hours
    assert pt.run_fraction(10, 100000, 72.0, 144.0) == 0.5
    assert pt.run_fraction(50, 100, 1.0, 144.0) == 0.5
    assert pt.run_fraction(10, 100, 1.0, None) == 0.1
