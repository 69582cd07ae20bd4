"""Label Studio exports offline: the bundled export of the development quotes (a real server's
output, see annotations/README.md), agreement figures, dataset policies and bad exports."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import krippendorff
import numpy as np
import pytest

from stance.annotations import RECORD_FIELDS, agreement, build_dataset, load_export
from stance.annotations.agreement import (cohen_kappa, jaccard_distance, krippendorff_alpha,
                                          masi_distance)
from stance.frames import FRAME_KEYS
from stance.io import InputError
from clirun import run

ROOT = Path(__file__).resolve().parent.parent
EXPORT = ROOT / "annotations" / "dev_export.json"
DEV_QUOTES = ROOT / "annotations" / "dev_quotes.jsonl"
DEV_DATASET = ROOT / "annotations" / "dev_dataset.jsonl"
A1, A2 = "annotator1@example.com", "annotator2@example.com"




@pytest.fixture(scope="module")
def dev_quotes() -> dict[str, dict]:
    recs = [json.loads(line) for line in DEV_QUOTES.read_text(encoding="utf-8").splitlines()]
    return {r["quote_id"]: r for r in recs}


def frames_of(rec: dict, who: str) -> list[str]:
    return sorted(next(a["frames"] for a in rec["annotations"] if a["annotator"] == who))


@pytest.fixture(scope="module")
def raw_export() -> list[dict]:
    return json.loads(EXPORT.read_text(encoding="utf-8"))


def small_export(raw_export, tmp_path: Path, edit=None, name="export.json") -> Path:
    tasks = copy.deepcopy(raw_export[:3])
    if edit:
        edit(tasks)
    path = tmp_path / name
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    return path


# -- the bundled export ----------------------------------------------------------------------------
def test_bundled_export_is_a_full_label_studio_export(raw_export, dev_quotes):
    assert len(raw_export) == 892
    t = raw_export[0]
    assert {"id", "data", "annotations", "predictions", "created_at", "inner_id"} <= set(t)
    ann = t["annotations"][0]
    assert ann["completed_by"]["email"] in (A1, A2) and "unique_id" in ann
    tasks = load_export(EXPORT)
    assert {t["quote_id"] for t in tasks} == set(dev_quotes)
    assert sum(len(t["annotations"]) for t in tasks) == 1784


def test_bundled_export_rebuilds_the_development_gold(dev_quotes):
    records, summary = build_dataset([EXPORT], policy=f"annotator:{A1}")
    assert len(records) == 892 and summary["policy"] == f"annotator:{A1}"
    for rec in records:
        q = dev_quotes[rec["quote_id"]]
        assert rec["frames"] == frames_of(q, "annotator1")
        assert (rec["text"], rec["speaker"], rec["actor"], rec["article_id"], rec["context"]) == \
            (q["text"], q["speaker"], q["actor"], q["article_id"], q["context"])
        assert rec["conflict"] == (frames_of(q, "annotator1") != frames_of(q, "annotator2"))
        assert list(rec) == list(RECORD_FIELDS)
    # the counts of the data README: mediation 137, sovereignty 92, terrorism 87, solidarity 73
    assert summary["frames"] == {"terrorism": 87, "sovereignty": 92, "solidarity": 73,
                                 "mediation": 137, "none": 559}
    assert summary["conflicts"] == 48
    # the same through the short id form and through ground truth (annotator1 is marked so)
    short, _ = build_dataset([EXPORT], policy="annotator:annotator1")
    gt, _ = build_dataset([EXPORT], policy="ground_truth")
    assert [r["frames"] for r in short] == [r["frames"] for r in gt] == [r["frames"] for r in records]
    shipped = [json.loads(line) for line in DEV_DATASET.read_text(encoding="utf-8").splitlines()]
    assert shipped == records, "annotations/dev_dataset.jsonl is stale"


def test_majority_keeps_frames_both_chose(dev_quotes):
    records, summary = build_dataset(EXPORT)
    for rec in records:
        q = dev_quotes[rec["quote_id"]]
        assert rec["frames"] == sorted(set(frames_of(q, "annotator1")) & set(frames_of(q, "annotator2")))
        assert rec["policy"] == "majority"
    assert summary["records"] == 892 and summary["skipped"] == {}


def test_agreement_on_the_bundled_export_matches_reference_implementations(dev_quotes):
    report = agreement([EXPORT])
    assert report["items_per_annotator"] == {A1: 892, A2: 892}
    qs = list(dev_quotes.values())
    for f in FRAME_KEYS:
        data = np.array([[f in frames_of(q, "annotator1") for q in qs],
                         [f in frames_of(q, "annotator2") for q in qs]], dtype=float)
        ref = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
        assert report["frames"][f]["alpha"] == pytest.approx(ref, abs=1e-4)
        kappa = report["frames"][f]["kappa"][f"{A1} | {A2}"]
        assert 0.85 < kappa < 0.98  # data README: 0.87 (solidarity) .. 0.97 (mediation)
    same = sum(frames_of(q, "annotator1") == frames_of(q, "annotator2") for q in qs) / len(qs)
    assert report["overall"]["percent_agreement"] == pytest.approx(same, abs=1e-4)
    assert 0.85 < report["overall"]["alpha_masi"] < report["overall"]["alpha_jaccard"] < 0.95


def test_agreement_cli_json_and_plot(tmp_path, capsys):
    plot = tmp_path / "agreement.png"
    code, out, err = run(capsys, "annotations", "agreement", EXPORT, "--json", "--plot", plot)
    assert code == 0, err
    assert json.loads(out)["frames"]["mediation"]["alpha"] > 0.9
    assert plot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    code, out, _ = run(capsys, "annotations", "agreement", EXPORT)
    assert "solidarity" in out and "alpha (MASI)" in out


# -- coefficients on hand-worked examples ----------------------------------------------------------
def test_coefficients_by_hand():
    assert cohen_kappa([1, 1, 0, 0], [1, 0, 0, 0]) == pytest.approx(0.5)
    assert cohen_kappa([1, 1], [1, 1]) is None  # no variation: undefined
    a, ab = frozenset({"terrorism"}), frozenset({"terrorism", "sovereignty"})
    assert masi_distance(a, ab) == pytest.approx(1 - 0.5 * 2 / 3)
    assert masi_distance(a, frozenset({"mediation"})) == 1.0
    assert masi_distance(frozenset(), frozenset()) == 0.0
    assert jaccard_distance(a, ab) == pytest.approx(0.5)
    units = [[1, 1], [0, 0], [1, 0], [0, 0, 1], [1]]
    ref = krippendorff.alpha(reliability_data=np.array(
        [[1, 0, 1, 0, 1], [1, 0, 0, 0, np.nan], [np.nan, np.nan, np.nan, 1, np.nan]]),
        level_of_measurement="nominal")
    assert krippendorff_alpha(units) == pytest.approx(ref)


# -- merging and policies ----------------------------------------------------------------------------
def test_same_export_twice_counts_each_quote_once_and_latest_label_wins(raw_export, tmp_path):
    def relabel(tasks):
        ann = next(a for a in tasks[0]["annotations"] if a["completed_by"]["email"] == A2)
        ann["result"][0]["value"]["choices"] = ["mediation"]
        ann["updated_at"] = "2030-01-01T00:00:00.000000Z"
    old = small_export(raw_export, tmp_path, name="old.json")
    new = small_export(raw_export, tmp_path, relabel, name="new.json")
    records, summary = build_dataset([new, old], policy=f"annotator:{A2}")
    assert len(records) == 3 and summary["annotations"] == 6
    assert records[0]["frames"] == ["mediation"] and records[0]["conflict"]


def test_cancelled_annotations_are_ignored(raw_export, tmp_path):
    def cancel(tasks):
        ann = tasks[1]["annotations"][1]
        ann.update(was_cancelled=True, result=None)
    path = small_export(raw_export, tmp_path, cancel)
    records, summary = build_dataset([path], policy=f"annotator:{A2}")
    assert summary["cancelled_ignored"] == 1 and summary["skipped"] == {"not_by_annotator": 1}
    assert len(records) == 2
    rec_all, _ = build_dataset([path], policy="majority")
    assert [len(r["annotations"]) for r in rec_all] == [2, 1, 2]


def test_unknown_annotator_lists_the_known_ones(capsys):
    code, _, err = run(capsys, "annotations", "build", EXPORT, "-o", "-",
                       "--policy", "annotator:annotator9")
    assert code == 2 and err.count("\n") == 1
    assert "annotator 'annotator9' is not an annotator" in err and A1 in err and "(id 2)" in err
    code, _, err = run(capsys, "annotations", "build", EXPORT, "-o", "-", "--policy", "vote")
    assert code == 2 and "unknown policy 'vote'" in err


def test_build_cli_writes_dataset_and_summary(tmp_path, capsys):
    out, summary = tmp_path / "d.jsonl", tmp_path / "s.json"
    code, _, err = run(capsys, "annotations", "build", EXPORT, "-o", out, "--summary", summary)
    assert code == 0, err
    assert "892 quotes (majority)" in err and "48 conflicts" in err and "... 33 more" in err
    assert len(out.read_text().splitlines()) == 892
    s = json.loads(summary.read_text())
    assert len(s["conflict_list"]) == 48 and s["conflict_list"][0]["annotations"][A1]


def test_none_ticked_with_a_frame_keeps_the_frame_and_is_named(raw_export, tmp_path, capsys):
    """«none» ticked together with a frame (the checkboxes allow it) blocked the whole export:
    agreement and build refused every task with exit 2. Now the frames are kept, «none» is
    dropped, and the annotation is counted and named."""
    def tick_both(tasks):
        for ann in tasks[0]["annotations"]:  # both annotators: none + terrorism
            ann["result"][0]["value"]["choices"] = ["none", "terrorism"]
    path = small_export(raw_export, tmp_path, tick_both)
    task = raw_export[0]
    ids = sorted(a["id"] for a in task["annotations"])
    out, summary = tmp_path / "d.jsonl", tmp_path / "s.json"
    code, _, err = run(capsys, "annotations", "build", path, "-o", out, "--summary", summary)
    assert code == 0, err
    assert "2 annotations ticked 'none' together with frames: 'none' dropped, frames kept" in err
    assert f"{task['data']['quote_id']} (task {task['id']}, annotation {ids[0]} by " in err
    recs = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(recs) == 3 and recs[0]["frames"] == ["terrorism"] and not recs[0]["conflict"]
    s = json.loads(summary.read_text("utf-8"))
    assert sorted(a["annotation_id"] for a in s["none_with_frames"]) == ids
    code, out_text, err = run(capsys, "annotations", "agreement", path)
    assert code == 0, err
    assert "2 annotations ticked 'none' together with frames" in out_text
    assert agreement([path])["none_with_frames"][0]["frames"] == ["terrorism"]


def test_a_later_snapshot_corrects_an_annotation(raw_export, tmp_path, capsys):
    """Two snapshots of one project: the older has an annotation with an empty result, the
    newer the same annotation (same id) corrected. Building from both uses the newest version
    of each annotation instead of failing on the older snapshot; the older one alone still
    fails, naming the annotation."""
    task = raw_export[0]
    ann_id = task["annotations"][0]["id"]

    def broken(tasks):
        tasks[0]["annotations"][0]["result"] = []

    def corrected(tasks):
        ann = tasks[0]["annotations"][0]
        ann["result"][0]["value"]["choices"] = ["solidarity"]
        ann["updated_at"] = "2030-01-01T00:00:00.000000Z"
    old = small_export(raw_export, tmp_path, broken, name="frames-20261201-old.json")
    new = small_export(raw_export, tmp_path, corrected, name="frames-20261202-new.json")
    who = task["annotations"][0]["completed_by"]["email"]
    for order in ([old, new], [new, old]):  # whatever order the shell's glob gives
        out = tmp_path / "d.jsonl"
        code, _, err = run(capsys, "annotations", "build", *order, "-o", out,
                           "--policy", f"annotator:{who}")
        assert code == 0, err
        recs = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
        assert len(recs) == 3 and recs[0]["frames"] == ["solidarity"]
        assert "3 quotes" in err and "from 6 annotations" in err
    code, _, err = run(capsys, "annotations", "agreement", old, new)
    assert code == 0, err
    code, _, err = run(capsys, "annotations", "build", old, "-o", tmp_path / "x.jsonl")
    assert code == 2 and f"annotation {ann_id}" in err and "no 'frames' choice" in err


# -- bad exports ---------------------------------------------------------------------------------
def _set_label(label):
    def edit(tasks):
        tasks[2]["annotations"][1]["result"][0]["value"]["choices"] = [label]
    return edit


def _set_control(tasks):
    tasks[1]["annotations"][0]["result"][0]["from_name"] = "frame"


def _drop_result(tasks):
    del tasks[0]["annotations"][1]["result"]


def _none_and_frame(tasks):
    tasks[0]["annotations"][0]["result"][0]["value"]["choices"] = ["none", "terrorism"]


def _empty_result(tasks):
    tasks[0]["annotations"][0]["result"] = []


@pytest.mark.parametrize("edit, task_index, ann_index, message", [
    (_set_label("terror"), 2, 1, "unknown label 'terror' in 'frames'"),
    (_set_control, 1, 0, "unknown control 'frame'"),
    (_drop_result, 0, 1, "annotation has no 'result'"),
    (_empty_result, 0, 0, "no 'frames' choice"),
])
def test_bad_annotations_name_task_and_annotation(raw_export, tmp_path, capsys, edit, task_index,
                                                  ann_index, message):
    path = small_export(raw_export, tmp_path, edit)
    task = raw_export[task_index]
    ann = task["annotations"][ann_index]
    with pytest.raises(InputError) as err:
        load_export(path)
    text = str(err.value)
    assert message in text
    assert f"task {task['id']} (quote {task['data']['quote_id']}), annotation {ann['id']} " \
           f"by {ann['completed_by']['email']}" in text
    code, _, err_out = run(capsys, "annotations", "build", path, "-o", tmp_path / "x.jsonl")
    assert code == 2 and err_out.count("\n") == 1 and message in err_out
    assert not (tmp_path / "x.jsonl").exists()


@pytest.mark.parametrize("content, message", [
    ("", "empty file"),
    ("[]", "the export holds no tasks"),
    ('{"tasks": []}', "expected a JSON list of tasks"),
    ('[{"text": "نص", "frames": {"choices": ["terrorism"]}, "annotator": 2}]', "JSON_MIN"),
    ('[{"id": 3, "data": {"quote_id": "q", "text": "نص"}}]', "no 'annotations' list"),
    ('[{"id": 3, "data": {"text": "نص"}, "annotations": []}]', "no 'quote_id'"),
    ("id,text,frames\n1,نص,terrorism\n", "CSV"),
    ('[{"id": 1, "data": {"quote_id": "q"}, "annotations": [', "not JSON"),
])
def test_bad_export_files(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message) as err:
        load_export(path)
    assert str(err.value).startswith(str(path))


def test_plain_ui_export_with_numeric_annotator_ids(raw_export, tmp_path):
    def ids_only(tasks):  # what Export -> JSON in the UI writes: completed_by as a user id
        for t in tasks:
            for a in t["annotations"]:
                a["completed_by"] = a["completed_by"]["id"]
    path = small_export(raw_export, tmp_path, ids_only)
    records, summary = build_dataset(path, policy="annotator:3")
    assert summary["policy"] == "annotator:3" and set(summary["annotators"]) == {"2", "3"}
    assert [r["annotations"][1]["annotator"] for r in records] == ["3", "3", "3"]
    with pytest.raises(InputError, match="not an annotator"):
        build_dataset(path, policy=f"annotator:{A1}")
