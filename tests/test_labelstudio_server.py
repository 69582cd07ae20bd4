"""The Label Studio round trip against a real local server (started by tests/lsserver.py).

push -> two annotators label through the API -> pull -> agreement -> build; pushing twice
adds nothing; pulling twice keeps both snapshots; pre-annotations with uncertainty sampling;
a wrong key and a missing project give one-line errors. Quotes: 12 development quotes
(annotations/dev_quotes.jsonl, ANT Corpus v2.1, see annotations/README.md), 4 on which the two
annotators disagree, 4 with agreed frames, 4 with none.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from lsserver import ls_server  # noqa: F401  (the session fixture)

from stance.annotations import build_dataset, load_export
from stance.frames import FRAME_KEYS
from stance.labelstudio.config import frames_result
from clirun import run

pytestmark = pytest.mark.labelstudio

ROOT = Path(__file__).resolve().parent.parent
DEV_QUOTES = ROOT / "annotations" / "dev_quotes.jsonl"
A1, A2 = "annotator1@example.com", "annotator2@example.com"


def frames_of(rec: dict, who: str) -> list[str]:
    return sorted(next(a["frames"] for a in rec["annotations"] if a["annotator"] == who))


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> tuple[Path, list[dict]]:
    recs = [json.loads(line) for line in DEV_QUOTES.read_text(encoding="utf-8").splitlines()]
    conflict = [r for r in recs if frames_of(r, "annotator1") != frames_of(r, "annotator2")][:4]
    agreed = [r for r in recs if frames_of(r, "annotator1") == frames_of(r, "annotator2")
              and frames_of(r, "annotator1")][:4]
    none = [r for r in recs if not frames_of(r, "annotator1") and not frames_of(r, "annotator2")][:4]
    chosen = conflict + agreed + none
    path = tmp_path_factory.mktemp("quotes") / "quotes.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for r in chosen:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path, chosen


@pytest.fixture
def env(ls_server, monkeypatch):
    monkeypatch.setenv("LABEL_STUDIO_URL", ls_server.url)
    monkeypatch.setenv("LABEL_STUDIO_API_KEY", ls_server.api_key)
    return ls_server




def user_id(client, email: str) -> int:
    for u in client.users.list():
        if u.email == email:
            return u.id
    return client.users.create(email=email, username=email.split("@")[0]).id


def project_tasks(conn, title: str) -> dict[str, int]:
    project = conn.get_project(title)
    return {t["data"]["quote_id"]: t["id"] for t in conn.project_tasks(project.id)}


def test_round_trip_push_annotate_pull_agreement_build(env, sample, tmp_path, capsys):
    path, recs = sample
    title = "roundtrip frames"
    code, out, err = run(capsys, "ls", "push", path, "--project", title, "--overlap", "2")
    assert code == 0, err
    assert "12 tasks imported" in err and "created" in err
    assert env.api_key not in out + err

    # pushing the same file again adds nothing
    code, _, err = run(capsys, "ls", "push", path, "--project", title)
    assert code == 0, err
    assert "0 tasks imported, 12 quotes already there" in err
    conn = env.connection()
    tasks = project_tasks(conn, title)
    assert sorted(tasks) == sorted(r["quote_id"] for r in recs)
    project = conn.get_project(title)
    assert conn.client.projects.get(project.id).label_config.strip().startswith("<View>")

    # two annotators label every quote through the API; annotator2 first skips one task
    client = conn.client
    ids = {A1: user_id(client, A1), A2: user_id(client, A2)}
    skipped = recs[8]["quote_id"]
    client.annotations.create(id=tasks[skipped], result=[], completed_by=ids[A2],
                              was_cancelled=True)
    for r in recs:
        for who, name in ((A1, "annotator1"), (A2, "annotator2")):
            result = frames_result(frames_of(r, name))
            if r is recs[0] and who == A1:
                result.append({"from_name": "comment", "to_name": "quote", "type": "textarea",
                               "value": {"text": ["يدعو إلى الدعم: تضامن"]}})
            client.annotations.create(id=tasks[r["quote_id"]], result=result,
                                      completed_by=ids[who])

    outdir = tmp_path / "exports"
    code, out, err = run(capsys, "ls", "pull", "--project", title, "-o", outdir)
    assert code == 0, err
    first = Path(out.strip())
    assert first.parent == outdir and first.is_file()
    assert hashlib.sha256(first.read_bytes()).hexdigest()[:12] in first.name
    assert "12 tasks" in err and "25 annotations (1 cancelled)" in err

    tasks_parsed = load_export(first)
    assert len(tasks_parsed) == 12
    by_q = {t["quote_id"]: t for t in tasks_parsed}
    cancelled = [a for a in by_q[skipped]["annotations"] if a["was_cancelled"]]
    assert len(cancelled) == 1 and cancelled[0]["annotator"] == A2
    assert by_q[recs[0]["quote_id"]]["annotations"][0]["comment"] == "يدعو إلى الدعم: تضامن"
    assert by_q[recs[0]["quote_id"]]["data"]["text"] == recs[0]["text"]

    # agreement: 4 of 12 quotes differ
    code, out, err = run(capsys, "annotations", "agreement", first, "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["items_per_annotator"] == {A1: 12, A2: 12}
    assert report["overall"]["percent_agreement"] == round(8 / 12, 4)
    solidarity = report["frames"]["solidarity"]
    a = ["solidarity" in frames_of(r, "annotator1") for r in recs]
    b = ["solidarity" in frames_of(r, "annotator2") for r in recs]
    assert solidarity["percent_agreement"] == round(sum(x == y for x, y in zip(a, b)) / 12, 4)

    # build: annotator1's frames exactly, the conflicts flagged, the cancelled one ignored
    dataset = tmp_path / "data.jsonl"
    code, _, err = run(capsys, "annotations", "build", first, "-o", dataset,
                       "--policy", f"annotator:{A1}")
    assert code == 0, err
    assert "4 conflicts" in err and "1 cancelled ignored" in err
    built = {r["quote_id"]: r for r in map(json.loads, dataset.read_text().splitlines())}
    for r in recs:
        rec = built[r["quote_id"]]
        assert rec["frames"] == frames_of(r, "annotator1")
        assert rec["conflict"] == (frames_of(r, "annotator1") != frames_of(r, "annotator2"))
        assert rec["speaker"] == r["speaker"] and rec["context"] == r["context"]
        assert {x["annotator"] for x in rec["annotations"]} == {A1, A2}
    majority, _ = build_dataset([first], policy="majority")
    for rec in majority:
        r = next(x for x in recs if x["quote_id"] == rec["quote_id"])
        assert rec["frames"] == sorted(set(frames_of(r, "annotator1")) & set(frames_of(r, "annotator2")))

    # a later re-label plus a second pull: a new snapshot, the first one untouched
    before = first.read_bytes()
    client.annotations.create(id=tasks[recs[4]["quote_id"]], result=frames_result(["mediation"]),
                              completed_by=user_id(client, "annotator3@example.com"))
    code, out, err = run(capsys, "ls", "pull", "--project", title, "-o", outdir)
    assert code == 0, err
    second = Path(out.strip())
    assert second != first and first.read_bytes() == before
    assert sorted(p.name for p in outdir.iterdir()) == sorted([first.name, second.name])
    records, summary = build_dataset([first, second], policy="majority")
    assert summary["annotators"]["annotator3@example.com"] == 1
    assert len(records) == 12  # two snapshots of one project: no quote counted twice

    # the server accepts a label outside the config; the snapshot is kept, building refuses it
    bad = client.annotations.create(
        id=tasks[recs[5]["quote_id"]], completed_by=user_id(client, "annotator4@example.com"),
        result=[{"from_name": "frames", "to_name": "quote", "type": "choices",
                 "value": {"choices": ["peace"]}}])
    code, out, err = run(capsys, "ls", "pull", "--project", title, "-o", outdir)
    assert code == 0 and "warning: the snapshot is saved but will not build" in err
    third = Path(out.strip())
    assert len(list(outdir.iterdir())) == 3 and first.read_bytes() == before
    code, _, err = run(capsys, "annotations", "build", third, "-o", tmp_path / "bad.jsonl")
    assert code == 2 and "unknown label 'peace'" in err
    assert f"task {tasks[recs[5]['quote_id']]} (quote {recs[5]['quote_id']}), annotation {bad.id}" in err
    assert not (tmp_path / "bad.jsonl").exists()


def test_push_predictions_with_uncertainty_sampling(env, sample, tmp_path, capsys):
    path, recs = sample
    run_dir = tmp_path / "runs" / "tfidf-20261204-1200"
    run_dir.mkdir(parents=True)
    margins, expected = {}, {}
    with open(run_dir / "predictions.jsonl", "w", encoding="utf-8") as fh:
        for i, r in enumerate(recs):
            p = round(0.05 + 0.075 * i, 3)  # 0.05 .. 0.875: closest to 0.5 at i = 6
            scores = {f: (p if f == "mediation" else 0.02) for f in FRAME_KEYS}
            labels = ["mediation"] if p >= 0.5 else []
            margins[r["quote_id"]] = abs(p - 0.5)
            expected[r["quote_id"]] = labels or ["none"]
            fh.write(json.dumps({**r, "pred_labels": labels, "pred_scores": scores,
                                 "run": "tfidf-20261204-1200"}, ensure_ascii=False) + "\n")
    title = "uncertain frames"
    code, _, err = run(capsys, "ls", "push", path, "--project", title, "--predictions", run_dir,
                       "--sample", 3, "--strategy", "uncertainty")
    assert code == 0, err
    assert "3 tasks imported" in err and "model_version 'tfidf-20261204-1200'" in err
    conn = env.connection()
    project = conn.get_project(title)
    assert conn.client.projects.get(project.id).model_version == "tfidf-20261204-1200"
    tasks = list(conn.project_tasks(project.id))
    want = sorted(margins, key=lambda q: (margins[q], q))[:3]
    assert [t["data"]["quote_id"] for t in sorted(tasks, key=lambda t: t["id"])] == want
    preds = conn.client.predictions.list(project=project.id)
    assert len(preds) == 3 and {p.model_version for p in preds} == {"tfidf-20261204-1200"}
    by_task = {p.task: p for p in preds}
    for t in tasks:
        assert by_task[t["id"]].result[0]["value"]["choices"] == expected[t["data"]["quote_id"]]
        assert by_task[t["id"]].score == pytest.approx(0.5 + margins[t["data"]["quote_id"]], abs=1e-3)

    # the rest later, at random: the three already there are not pushed again
    code, _, err = run(capsys, "ls", "push", path, "--project", title, "--predictions", run_dir)
    assert code == 0, err
    assert "9 tasks imported, 3 quotes already there" in err
    assert len(conn.client.predictions.list(project=project.id)) == 12

    # tasks pushed before a model existed get its predictions on a later push, once
    code, _, err = run(capsys, "ls", "push", path, "--project", "plain frames")
    assert code == 0, err
    for _ in range(2):
        code, _, err = run(capsys, "ls", "push", path, "--project", "plain frames",
                           "--predictions", run_dir / "predictions.jsonl")
        assert code == 0 and "0 tasks imported, 12 quotes already there" in err
    plain = conn.get_project("plain frames")
    preds = conn.client.predictions.list(project=plain.id)
    assert len(preds) == 12 and conn.client.projects.get(plain.id).model_version == "tfidf-20261204-1200"


def test_none_with_a_frame_and_a_corrected_annotation_across_snapshots(env, sample, tmp_path,
                                                                       capsys):
    """On the real server: «none» ticked with a frame is kept as the frame and named (it
    blocked agreement and build for every task); a label outside the config fixed in Label
    Studio after a pull builds from the newer snapshot (it failed on the older one)."""
    path, recs = sample
    title = "corrected frames"
    code, _, err = run(capsys, "ls", "push", path, "--project", title)
    assert code == 0, err
    conn = env.connection()
    tasks = project_tasks(conn, title)
    client = conn.client
    me = user_id(client, A1)
    both = recs[0]["quote_id"]
    for r in recs:
        frames = ["none", "terrorism"] if r["quote_id"] == both else frames_of(r, "annotator1")
        result = frames_result(frames)
        if r is recs[1]:  # a label the config does not have: the server takes it
            result[0]["value"]["choices"] = ["peace"]
        ann = client.annotations.create(id=tasks[r["quote_id"]], result=result, completed_by=me)
        if r is recs[1]:
            wrong = ann
    outdir = tmp_path / "annotations" / "exports"
    code, out, err = run(capsys, "ls", "pull", "--project", title, "-o", outdir)
    assert code == 0, err
    older = Path(out.strip())
    assert "note: 1 annotation(s) ticked 'none' together with frames" in err
    code, _, err = run(capsys, "annotations", "build", older, "-o", tmp_path / "x.jsonl")
    assert code == 2 and "unknown label 'peace'" in err and f"annotation {wrong.id}" in err

    # corrected in Label Studio (same annotation id, later updated_at), pulled again
    client.annotations.update(id=wrong.id, result=frames_result(["sovereignty"]))
    code, out, err = run(capsys, "ls", "pull", "--project", title, "-o", outdir)
    assert code == 0 and "will not build" not in err, err
    newer = Path(out.strip())
    snapshots = sorted(outdir.glob("corrected-frames-*.json"))  # what the shell's glob gives
    assert snapshots == sorted([older, newer])
    dataset = tmp_path / "data.jsonl"
    code, _, err = run(capsys, "annotations", "build", *snapshots, "-o", dataset)
    assert code == 0, err
    assert "12 quotes (majority) from 12 annotations" in err
    assert "1 annotation ticked 'none' together with frames: 'none' dropped, frames kept" in err
    assert f"{both} (task {tasks[both]}, annotation " in err
    built = {r["quote_id"]: r for r in map(json.loads, dataset.read_text().splitlines())}
    assert built[both]["frames"] == ["terrorism"]
    assert built[recs[1]["quote_id"]]["frames"] == ["sovereignty"]
    code, out, err = run(capsys, "annotations", "agreement", *snapshots)
    assert code == 0 and "1 annotation ticked 'none' together with frames" in out, err


def test_wrong_key_and_missing_project_are_one_line_errors(ls_server, tmp_path):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "LABEL_STUDIO_URL": ls_server.url,
           "LABEL_STUDIO_API_KEY": "not-the-right-token-123"}
    proc = subprocess.run([sys.executable, "-m", "stance", "ls", "pull", "--project", "anything"],
                          capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60)
    assert proc.returncode != 0
    assert proc.stderr.count("\n") == 1 and "refused the API key (401" in proc.stderr
    assert "not-the-right-token-123" not in proc.stderr + proc.stdout
    assert "Traceback" not in proc.stderr

    env["LABEL_STUDIO_API_KEY"] = ls_server.api_key
    proc = subprocess.run([sys.executable, "-m", "stance", "ls", "pull", "--project", "no such"],
                          capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60)
    assert proc.returncode != 0 and proc.stderr.count("\n") == 1
    assert "no project titled 'no such'" in proc.stderr and "stance ls push" in proc.stderr
    assert ls_server.api_key not in proc.stderr + proc.stdout
    assert not (tmp_path / "annotations").exists()  # nothing written


# --- two pushes at once (issue 14) -------------------------------------------------------

@pytest.fixture(scope="module")
def many_quotes(tmp_path_factory) -> tuple[Path, int]:
    """~650 real quotes: the seeds' and development articles' quotes, under six article ids
    each (so more than one import batch of 500)."""
    from stance.extract import Extractor
    from stance.io import iter_articles

    extract = Extractor()
    arts = list(iter_articles([ROOT / "seeds", ROOT / "tests" / "data" / "dev_gold_sample.jsonl"]))
    path = tmp_path_factory.mktemp("many") / "quotes.jsonl"
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        for k in range(6):
            for a in arts:
                for q in extract({**a, "article_id": f"{a['article_id']}-{k}"}):
                    fh.write(json.dumps(q, ensure_ascii=False) + "\n")
                    n += 1
    return path, n


def _push_procs(server, quotes: Path, title: str, tmp_path: Path, n: int = 2):
    import os

    env = {**os.environ, "PYTHONPATH": str(ROOT), "LABEL_STUDIO_URL": server.url,
           "LABEL_STUDIO_API_KEY": server.api_key, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    procs = [subprocess.Popen([sys.executable, "-m", "stance", "ls", "push", str(quotes),
                               "--project", title], env=env, cwd=tmp_path, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for _ in range(n)]
    return [(p.wait(timeout=300), *p.communicate()) for p in procs]


@pytest.mark.parametrize("existing", [False, True], ids=["new-title", "existing-project"])
def test_two_pushes_at_once_give_one_project_and_each_quote_once(ls_server, many_quotes,
                                                                 tmp_path, existing):
    path, n = many_quotes
    conn = ls_server.connection()
    title = f"concurrent {'existing' if existing else 'new'}"
    if existing:  # the project is there (empty), as after 'stance ls push' of other quotes
        conn.client.projects.create(title=title)
    results = _push_procs(ls_server, path, title, tmp_path)
    for code, out, err in results:
        assert code == 0, err
        assert "Traceback" not in err and ls_server.api_key not in out + err
    projects = [p for p in conn.client.projects.list(title=title) if p.title == title]
    assert len(projects) == 1
    qids = [t["data"]["quote_id"] for t in conn.project_tasks(projects[0].id)]
    assert len(qids) == n and len(set(qids)) == n
    errs = sorted(err for _, _, err in results)
    assert sum(f"{n} tasks imported" in e for e in errs) == 1
    assert sum(f"0 tasks imported, {n} quotes already there" in e for e in errs) == 1


def test_several_projects_with_one_title_is_a_one_line_error(ls_server, sample, tmp_path):
    path, _ = sample
    conn = ls_server.connection()
    title = "twice titled"
    ids = [conn.client.projects.create(title=title).id for _ in range(2)]
    (code, out, err), = _push_procs(ls_server, path, title, tmp_path, n=1)
    assert code != 0 and err.count("\n") == 1 and "Traceback" not in err
    assert f"ids {ids[0]}, {ids[1]}" in err and "delete or rename the others" in err
