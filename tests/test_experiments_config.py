"""Experiment configs: shipped files validate; unknown keys, bad values and missing files are
errors naming the key (and path); --set overrides any key, including data.labels=null."""

from pathlib import Path

import pytest
import yaml

from stance.cli import main
from stance.experiments.config import apply_overrides, load_config, parse_override
from stance.frames import FRAME_KEYS
from stance.io import InputError

ROOT = Path(__file__).resolve().parents[1]
CONFIGS = sorted((ROOT / "experiments").glob("*.yaml"))
ARAIEVAL = ROOT / "experiments/data/araieval23/task1B_train.jsonl"


def write_config(tmp_path, body: dict, name="exp.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(body, allow_unicode=True), "utf-8")
    return path


def base(train=str(ARAIEVAL)) -> dict:
    return {"data": {"train": train, "label_field": "labels"}, "model": {"type": "tfidf"}}


def test_shipped_configs_validate():
    names = {p.name for p in CONFIGS}
    assert {"tfidf.yaml", "bert-offline.yaml", "bert.yaml", "araieval-tfidf.yaml",
            "araieval-bert-offline.yaml"} <= names
    for path in CONFIGS:
        cfg = load_config(path, check_paths=False)
        assert cfg["model"]["type"] in ("tfidf", "bert", "ensemble", "embedding")
        if cfg["data"]["label_field"] == "frames":
            assert cfg["data"]["labels"] == list(FRAME_KEYS)
    bert = load_config(ROOT / "experiments/bert.yaml", check_paths=False)
    assert bert["model"]["model"].count("/") == 1  # a hub id


def test_araieval_configs_resolve_their_files_from_anywhere(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # paths fall back to the repository holding the config
    cfg = load_config(ROOT / "experiments/araieval-tfidf.yaml")
    assert Path(cfg["data"]["train"]).exists() and Path(cfg["data"]["test"]).exists()
    assert cfg["data"]["labels"] is None and cfg["data"]["id_field"] == "id"


def test_defaults_are_filled(tmp_path):
    cfg = load_config(write_config(tmp_path, base()))
    assert cfg["name"] == "exp"
    assert cfg["eval"] == {"folds": 5, "seed": 13, "bootstrap": 1000, "learning_curve": None,
                           "final_model": True, "repeats": 1}
    assert cfg["data"]["multi_label"] is True and cfg["data"]["test"] is None
    assert cfg["model"]["C"] == 4.0 and cfg["model"]["threshold"] == "tune"


@pytest.mark.parametrize("section, key", [(None, "modle"), ("data", "lables"),
                                          ("eval", "fold"), ("model", "ngram")])
def test_unknown_key_is_named(tmp_path, section, key):
    body = base()
    (body if section is None else body.setdefault(section, {}))[key] = 1
    with pytest.raises(InputError) as err:
        load_config(write_config(tmp_path, body))
    want = key if section is None else f"{section}.{key}"
    assert err.value.field == want
    assert want in str(err.value) and "unknown key" in str(err.value)


def test_missing_train_file_names_key_and_path(tmp_path):
    with pytest.raises(InputError) as err:
        load_config(write_config(tmp_path, base(train="no/such/quotes.jsonl")))
    assert err.value.field == "data.train"
    assert "no/such/quotes.jsonl" in str(err.value)


def test_missing_test_file_names_key(tmp_path):
    body = base()
    body["data"]["test"] = "missing_dev.jsonl"
    with pytest.raises(InputError) as err:
        load_config(write_config(tmp_path, body))
    assert err.value.field == "data.test" and "missing_dev.jsonl" in str(err.value)


@pytest.mark.parametrize("override, field", [
    ("eval.folds=1", "eval.folds"), ("data.multi_label=maybe", "data.multi_label"),
    ("model.type=svm", "model.type"), ("model.C=-1", "model.C"),
    ("data.labels=[a, a]", "data.labels"), ("model.threshold=1.5", "model.threshold")])
def test_bad_values_name_the_key(tmp_path, override, field):
    with pytest.raises(InputError) as err:
        load_config(write_config(tmp_path, base()), [override])
    assert err.value.field == field


def test_an_encoders_own_seed_is_checked_and_defaults_to_the_runs(tmp_path):
    body = base()
    body["model"] = {"type": "bert", "model": "e5-small"}
    assert load_config(write_config(tmp_path, body), check_paths=False)["model"]["seed"] is None
    assert load_config(write_config(tmp_path, body), ["model.seed=14"], check_paths=False)["model"]["seed"] == 14
    with pytest.raises(InputError) as err:
        load_config(write_config(tmp_path, body), ["model.seed=-1"], check_paths=False)
    assert err.value.field == "model.seed"


def test_missing_model_type(tmp_path):
    body = base()
    del body["model"]["type"]
    with pytest.raises(InputError) as err:
        load_config(write_config(tmp_path, body))
    assert err.value.field == "model.type"


def test_bert_needs_a_model(tmp_path):
    body = base()
    body["model"] = {"type": "bert"}
    with pytest.raises(InputError) as err:
        load_config(write_config(tmp_path, body))
    assert err.value.field == "model.model"


def test_set_overrides_any_key(tmp_path):
    path = ROOT / "experiments/tfidf.yaml"
    cfg = load_config(path, ["data.labels=null", "eval.folds=3", "model.C=1.5",
                             "data.multi_label=false", "model.word_ngrams=null",
                             "name=my run", f"data.train={ARAIEVAL}"])
    assert cfg["data"]["labels"] is None
    assert cfg["eval"]["folds"] == 3 and cfg["model"]["C"] == 1.5
    assert cfg["data"]["multi_label"] is False and cfg["model"]["word_ngrams"] is None
    assert cfg["name"] == "my run" and cfg["data"]["train"].endswith("task1B_train.jsonl")
    cfg = load_config(path, ["data.labels=[terrorism, mediation]", f"data.train={ARAIEVAL}"])
    assert cfg["data"]["labels"] == ["terrorism", "mediation"]


def test_set_of_unknown_key_is_an_error(tmp_path):
    with pytest.raises(InputError) as err:
        load_config(write_config(tmp_path, base()), ["model.learning_rate=0.1"])
    assert err.value.field == "model.learning_rate"


def test_parse_override_reads_yaml_values():
    assert parse_override("data.labels=null") == (["data", "labels"], None)
    assert parse_override("eval.seed=7") == (["eval", "seed"], 7)
    assert parse_override("data.text_field=نص") == (["data", "text_field"], "نص")
    with pytest.raises(InputError):
        parse_override("no-equals-sign")
    raw = apply_overrides({"data": {"train": "x"}}, ["data.test=y.jsonl"])
    assert raw["data"] == {"train": "x", "test": "y.jsonl"}


def test_cli_reports_config_errors_on_one_line(tmp_path, capsys):
    body = base()
    body["data"]["txt_field"] = "text"
    with pytest.raises(SystemExit) as exc:
        main(["train", str(write_config(tmp_path, body)), "--output-dir", str(tmp_path / "runs")])
    assert exc.value.code == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "data.txt_field" in err
    assert not (tmp_path / "runs").exists()


def test_broken_yaml_names_line(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("data:\n  train: [unclosed\nmodel: {type: tfidf}\n", "utf-8")
    with pytest.raises(InputError) as err:
        load_config(path)
    assert err.value.line is not None and "YAML" in str(err.value)


def ensemble(**model) -> dict:
    body = base()
    body["model"] = {"type": "ensemble", "members": [{"type": "tfidf"}, {"type": "tfidf", "C": 1.0}], **model}
    return body


def test_ensemble_members_are_model_sections_of_their_own(tmp_path):
    cfg = load_config(write_config(tmp_path, ensemble()))
    m = cfg["model"]
    assert m["weights"] is None and m["threshold"] == 0.5
    assert [x["C"] for x in m["members"]] == [4.0, 1.0]  # each member filled with its type's defaults
    assert m["members"][0]["threshold"] == "tune"
    cfg = load_config(write_config(tmp_path, ensemble()), overrides=["model.members.1.C=2.5"])
    assert cfg["model"]["members"][1]["C"] == 2.5


@pytest.mark.parametrize("model, override, field", [
    ({}, "model.members.1.C=-1", "model.members.1.C"),
    ({}, "model.members.0.lr=0.1", "model.members.0.lr"),            # a bert key on a tfidf member
    ({}, "model.members.1.type=ensemble", "model.members.1.type"),   # no ensemble inside one
    ({"weights": [1, 2, 3]}, None, "model.weights"),
    ({}, "model.members.5.C=1", "model.members.5"),                 # no such member
    ({}, "model.members=[]", "model.members"),
])
def test_ensemble_errors_name_the_member_key(tmp_path, model, override, field):
    with pytest.raises(InputError) as err:
        load_config(write_config(tmp_path, ensemble(**model)), overrides=[override] if override else [])
    assert err.value.field == field
