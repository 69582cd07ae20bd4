"""The Label Studio side without a server: config, task data, predictions, sampling,
snapshot files, connection settings, and a server that is down."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

from stance.frames import FRAME_KEYS, FRAMES, NONE_KEY
from stance.io import InputError
from stance.labelstudio.client import Connection, LabelStudioError
from stance.labelstudio.config import frames_result, label_config
from stance.labelstudio.pull import save_snapshot
from stance.labelstudio.push import load_predictions, select
from stance.labelstudio.server import free_port
from stance.labelstudio.tasks import quote_id, task_data
from clirun import run

ROOT = Path(__file__).resolve().parent.parent
QUOTE = {"article_id": "FR-internationalNews-1646-20180605", "start": 570, "end": 672,
         "text": "باشرت عملية تعليق نشاطات مشاريعها المشتركة", "kind": "direct",
         "speaker": "المجموعة", "actor": "بي إس إيه", "actor_country": "FRA",
         "context": "وقالت المجموعة إنها \"باشرت عملية تعليق نشاطات مشاريعها المشتركة\".",
         "frames": ["sovereignty"], "annotations": [{"annotator": "a", "frames": []}]}




# -- config ------------------------------------------------------------------------------------
def test_config_is_valid_and_keeps_stable_english_values():
    from label_studio_sdk.label_interface import LabelInterface

    xml = label_config()
    li = LabelInterface(xml)
    li.validate()
    frames = li.get_control("frames")
    assert frames.labels == [*FRAME_KEYS, NONE_KEY]
    assert frames.attr["choice"] == "multiple"
    assert "direction: rtl" in xml and 'value="$context"' in xml and 'value="$speaker"' in xml
    assert 'value="$actor"' in xml
    for f in FRAMES:  # Arabic display name shown, English key stored
        assert f'value="{f.arabic} ({f.key})" alias="{f.key}"' in xml
    assert li.get_control("comment").tag == "TextArea"
    assert li.validate_prediction({"model_version": "m", "result": frames_result(["mediation"])})
    assert not li.validate_prediction({"model_version": "m", "result": frames_result(["peace"])})
    assert frames_result([]) [0]["value"] == {"choices": [NONE_KEY]}


def test_ls_config_command_writes_the_file(tmp_path, capsys):
    out = tmp_path / "cfg" / "label_config.xml"
    code, _, err = run(capsys, "ls", "config", "-o", out)
    assert code == 0, err
    assert out.read_text(encoding="utf-8") == label_config()
    bundled = ROOT / "annotations" / "label_config.xml"
    assert bundled.read_text(encoding="utf-8") == label_config(), \
        "annotations/label_config.xml is stale: run  stance ls config"


# -- task data -----------------------------------------------------------------------------------
def test_task_data_derives_quote_id_and_drops_labels():
    data = task_data(QUOTE)
    assert data["quote_id"] == quote_id(QUOTE["article_id"], 570, 672)
    from stance.extract import quote_id as extract_quote_id

    assert data["quote_id"] == extract_quote_id(QUOTE["article_id"], 570, 672)
    assert "frames" not in data and "annotations" not in data
    assert data["text"] == QUOTE["text"] and data["speaker"] == "المجموعة"
    assert task_data({"quote_id": "q1", "text": "نص"})["context"] == ""


@pytest.mark.parametrize("rec, field", [
    ({"text": "نص"}, "quote_id"),
    ({"quote_id": "q1", "text": "   "}, "text"),
    ({"quote_id": "q1", "text": "نص", "speaker": 3}, "speaker"),
])
def test_task_data_errors_name_the_field(rec, field):
    with pytest.raises(InputError) as err:
        task_data(rec, "quotes.jsonl", 7)
    assert err.value.field == field and str(err.value).startswith("quotes.jsonl:7: ")


# -- predictions and sampling --------------------------------------------------------------------
def write_scored(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                    encoding="utf-8")
    return path


def scored(qid: str, p: float, run="bert-20261204-0900") -> dict:
    return {"quote_id": qid, "text": "نص", "pred_labels": ["terrorism"] if p >= 0.5 else [],
            "pred_scores": {"terrorism": p, "mediation": 0.01}, "run": run}


def test_predictions_from_a_run_directory_and_uncertainty_order(tmp_path):
    run_dir = tmp_path / "bert-20261204-0900"
    run_dir.mkdir()
    with pytest.raises(InputError, match="no predictions.jsonl"):
        load_predictions(run_dir)
    write_scored(run_dir / "predictions.jsonl",
                 [scored("a", 0.9), scored("b", 0.45), scored("c", 0.1), scored("d", 0.62)])
    preds, version = load_predictions(run_dir)
    assert version == "bert-20261204-0900"
    assert preds["a"].labels == ["terrorism"] and preds["a"].confidence == pytest.approx(0.9)
    cands = [{"quote_id": q} for q in "abcde"]
    chosen, missing = select(cands, 2, "uncertainty", preds)
    assert [d["quote_id"] for d in chosen] == ["b", "d"] and missing == 1
    r1, _ = select(cands, 3, "random", None, seed=1)
    r2, _ = select(cands, 3, "random", None, seed=1)
    assert r1 == r2 and len(r1) == 3
    with pytest.raises(InputError, match="needs --predictions"):
        select(cands, 2, "uncertainty", None)


@pytest.mark.parametrize("row, message", [
    ({"quote_id": "a", "pred_labels": ["peace"], "pred_scores": {"terrorism": 0.2}},
     "unknown frame 'peace'"),
    ({"quote_id": "a", "pred_labels": [], "pred_scores": {"terrorism": 1.7}}, "probability"),
    ({"quote_id": "a", "pred_scores": {"terrorism": 0.2}}, "pred_labels"),
])
def test_bad_scored_files(tmp_path, row, message):
    path = write_scored(tmp_path / "scored.jsonl", [scored("ok", 0.3), row])
    with pytest.raises(InputError, match=message) as err:
        load_predictions(path)
    assert err.value.line == 2


def test_predictions_of_two_runs_are_refused(tmp_path):
    path = write_scored(tmp_path / "s.jsonl", [scored("a", 0.3), scored("b", 0.3, run="other")])
    with pytest.raises(InputError, match="2 different runs"):
        load_predictions(path)


# -- snapshots ------------------------------------------------------------------------------------
def test_snapshots_are_never_overwritten(tmp_path):
    now = datetime(2026, 12, 4, 14, 0, 0, tzinfo=timezone.utc)
    raw = json.dumps([{"id": 1, "data": {"text": "نص"}, "annotations": []}]).encode()
    p1 = save_snapshot(raw, tmp_path, "أطر frames", now=now)
    p2 = save_snapshot(raw, tmp_path, "أطر frames", now=now)
    p3 = save_snapshot(raw + b" ", tmp_path, "أطر frames", now=now)
    assert p1.name.startswith("أطر-frames-20261204T140000Z-") and p1.suffix == ".json"
    assert p2.name == p1.stem + "-2.json" and p3 != p1
    assert p1.read_bytes() == raw == p2.read_bytes()
    assert sorted(os.listdir(tmp_path)) == sorted([p1.name, p2.name, p3.name])  # no temp files


# -- connection settings and errors ---------------------------------------------------------------
def test_settings_from_environment(monkeypatch):
    monkeypatch.setenv("LABEL_STUDIO_URL", "http://127.0.0.1:9/")
    monkeypatch.setenv("LABEL_STUDIO_API_KEY", "secret-token-abc")
    conn = Connection.from_settings()
    assert conn.url == "http://127.0.0.1:9" and conn.api_key == "secret-token-abc"
    assert "secret-token-abc" not in repr(conn)
    assert Connection.from_settings("http://h:1", "k2").api_key == "k2"
    monkeypatch.delenv("LABEL_STUDIO_API_KEY")
    with pytest.raises(LabelStudioError, match="no API key"):
        Connection.from_settings()
    with pytest.raises(LabelStudioError, match="must start with http"):
        Connection.from_settings("localhost:8080", "k")


def test_server_down_is_a_one_line_error(tmp_path):
    port = free_port()  # nothing listens there
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("LABEL_STUDIO")},
           "LABEL_STUDIO_URL": f"http://127.0.0.1:{port}",
           "LABEL_STUDIO_API_KEY": "very-secret-token-xyz"}
    quotes = write_scored(tmp_path / "q.jsonl", [{"quote_id": "q1", "text": "قال الوزير"}])
    for args in (["ls", "push", str(quotes), "--project", "frames"],
                 ["ls", "pull", "--project", "frames"]):
        proc = subprocess.run([sys.executable, "-m", "stance", *args], capture_output=True,
                              text=True, env=env, cwd=tmp_path, timeout=60)
        assert proc.returncode != 0
        assert proc.stderr.count("\n") == 1, proc.stderr
        assert f"cannot reach Label Studio at http://127.0.0.1:{port}" in proc.stderr
        assert "is the server running?" in proc.stderr
        assert "very-secret-token-xyz" not in proc.stderr + proc.stdout
    assert not (tmp_path / "annotations").exists()


def test_push_checks_the_file_before_contacting_the_server(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LABEL_STUDIO_URL", f"http://127.0.0.1:{free_port()}")
    monkeypatch.setenv("LABEL_STUDIO_API_KEY", "k")
    bad = tmp_path / "q.jsonl"
    bad.write_text('{"quote_id": "q1", "text": "نص"}\n{"quote_id": "q2"}\n', encoding="utf-8")
    code, _, err = run(capsys, "ls", "push", bad, "--project", "frames")
    assert code == 2 and f"{bad}:2: field 'text'" in err


def test_missing_server_binary_fails_the_server_tests_not_skips(tmp_path):
    probe = tmp_path / "test_probe.py"
    probe.write_text("from lsserver import ls_server  # noqa: F401\n\n"
                     "def test_needs_server(ls_server):\n    pass\n", encoding="utf-8")
    env = {**os.environ, "STANCE_LABEL_STUDIO": str(tmp_path / "no" / "label-studio"),
           "PYTHONPATH": str(ROOT / "tests")}
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           str(probe)], capture_output=True, text=True, env=env, cwd=tmp_path,
                          timeout=120)
    assert proc.returncode == 1, proc.stdout
    assert "1 error" in proc.stdout and "skipped" not in proc.stdout
    assert "Label Studio server not installed" in proc.stdout
    assert ".ci/setup-labelstudio.sh" in proc.stdout
