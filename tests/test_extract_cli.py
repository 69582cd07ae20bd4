"""``stance extract`` and ``stance eval-extract`` end to end, on real Arabic articles.

Inputs: the seed articles (seeds/*.txt) and four development-gold articles
(tests/data/dev_gold_sample.jsonl, ANT Corpus v2.1, see tests/data/README.md).
"""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from stance.extract import Extractor
from stance.extract.stream import Summary, extract_stream
from stance.io import InputError, iter_articles
from clirun import run

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SAMPLE = ROOT / "tests" / "data" / "dev_gold_sample.jsonl"
SENTENCE = "وقال وزير الخارجية العراقي إن بلاده ترفض أي تدخل في شؤونها الداخلية."
FIELDS = {"quote_id", "article_id", "start", "end", "text", "kind", "speaker", "actor_id", "actor",
          "actor_country", "actor_role", "context"}




def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


@pytest.fixture(scope="module")
def articles():
    seeds = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    sample = {a["article_id"]: a["text"] for a in iter_articles([SAMPLE])}
    return {**seeds, **sample}


# --- extract: output records ------------------------------------------------------------

def test_seeds_to_stdout_offsets_and_fields(capsys, articles):
    code, out, err = run(capsys, "extract", *sorted(SEEDS.glob("*.txt")))
    assert code == 0
    quotes = jsonl(out)
    assert {q["article_id"] for q in quotes} == {p.stem for p in SEEDS.glob("*.txt")}
    for q in quotes:
        assert FIELDS <= set(q)
        assert articles[q["article_id"]][q["start"]:q["end"]] == q["text"]
        assert q["text"] in q["context"]
        assert q["kind"] in ("direct", "indirect")
    direct = sum(q["kind"] == "direct" for q in quotes)
    unattributed = sum(q["actor_id"] is None for q in quotes)
    # the summary line on stderr counts what was written
    assert err.strip().splitlines()[-1] == (
        f"stance extract: 5 articles, {len(quotes)} quotes, {direct} direct, "
        f"{len(quotes) - direct} indirect, {unattributed} unattributed")


def test_jsonl_sample_to_file_keeps_metadata(capsys, tmp_path, articles):
    out = tmp_path / "quotes.jsonl"
    code, stdout, err = run(capsys, "extract", SAMPLE, "-o", out)
    assert code == 0 and stdout == ""
    assert str(out) in err
    quotes = jsonl(out.read_text(encoding="utf-8"))
    gold = {a["article_id"]: a for a in map(json.loads, SAMPLE.read_text(encoding="utf-8").splitlines())}
    assert {q["article_id"] for q in quotes} == set(gold)
    for q in quotes:
        g = gold[q["article_id"]]
        assert (q["date"], q["source"], q["title"]) == (g["date"], g["source"], g["title"])
        assert g["text"][q["start"]:q["end"]] == q["text"]
    # output order follows the input: articles in file order, quotes by position
    order = list(gold)
    keys = [(order.index(q["article_id"]), q["start"]) for q in quotes]
    assert keys == sorted(keys)


def test_runs_are_identical_and_ids_stable(capsys, tmp_path):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    assert run(capsys, "extract", SEEDS, SAMPLE, "-o", a)[0] == 0
    assert run(capsys, "extract", SEEDS, SAMPLE, "-o", b)[0] == 0
    assert a.read_bytes() == b.read_bytes()
    quotes = jsonl(a.read_text(encoding="utf-8"))
    ids = [q["quote_id"] for q in quotes]
    assert len(set(ids)) == len(ids)


def test_workers_give_the_same_output(capsys, tmp_path):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert run(capsys, "extract", SEEDS, SAMPLE, "-o", one, "--workers", 1)[0] == 0
    assert run(capsys, "extract", SEEDS, SAMPLE, "-o", two, "--workers", 2, "--chunksize", 1)[0] == 0
    assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8")
    assert len(jsonl(one.read_text(encoding="utf-8"))) > 20


def test_by_speaker_groups_every_quote_under_its_actor(capsys):
    _, out, _ = run(capsys, "extract", SEEDS)
    quotes = jsonl(out)
    code, text, _ = run(capsys, "extract", SEEDS, "--by-speaker")
    assert code == 0
    blocks = text.strip().split("\n\n")
    by_actor = {}
    for q in quotes:
        by_actor.setdefault(q["actor_id"], []).append(q)
    assert len(blocks) == len(by_actor)
    for block in blocks:
        head, *body = block.splitlines()
        key = next((k for k in by_actor if k and f"[{k}]" in head), None)
        qs = by_actor[key]
        if key is not None:
            assert head.startswith(qs[0]["actor"])
        else:
            assert head.startswith("(no speaker found)")
        n = len(qs)
        assert head.endswith(f": {n} quote{'s' if n != 1 else ''}")
        assert len(body) == 2 * n
        for q, line in zip(qs, body[::2]):
            assert line.split()[:3] == [q["article_id"], f"{q['start']}-{q['end']}", q["kind"]]
    # the seeds' main speakers, resolved to registry actors with country and role
    heads = [b.splitlines()[0] for b in blocks]
    for name, meta in (("إبراهيم الجعفري", "(IRQ, foreign_minister)"), ("بشار الأسد", "(SYR, head_of_state)"),
                       ("وليد المعلم", "(SYR, foreign_minister)")):
        assert any(h.startswith(name + " [") and meta in h for h in heads), (name, heads)
    # actors with most quotes first
    counts = [int(b.splitlines()[0].rsplit(": ", 1)[1].split()[0]) for b in blocks
              if not b.startswith("(no speaker")]
    assert counts == sorted(counts, reverse=True)


# --- the library call behind it ---------------------------------------------------------

def test_extractor_pickles_and_maps_over_records(extractor):
    arts = list(iter_articles([SAMPLE]))
    clone = pickle.loads(pickle.dumps(extractor))
    assert [clone(a) for a in arts] == [extractor(a) for a in arts]
    assert sum(len(extractor(a)) for a in arts) > 10


def test_stream_keeps_order_and_reads_ahead_boundedly(extractor):
    arts = list(iter_articles([SEEDS, SAMPLE])) * 5
    pulled = []

    def source():
        for a in arts:
            pulled.append(a["article_id"])
            yield a

    stream = extract_stream(source(), extractor, workers=2, chunksize=2, max_pending=2)
    first = next(stream)
    assert len(pulled) <= 2 * 2 + 2  # pending chunks plus the one being filled, not the input
    rest = list(stream)
    assert [a["article_id"] for a, _ in [first, *rest]] == [a["article_id"] for a in arts]
    assert [qs for _, qs in [first, *rest]] == [extractor(a) for a in arts]


def test_stream_reading_error_comes_after_earlier_results(extractor):
    arts = list(iter_articles([SEEDS]))

    def source():
        yield from arts[:3]
        raise InputError("broken JSON", "x.jsonl", 4)

    got = []
    with pytest.raises(InputError, match="x.jsonl:4"):
        for art, _ in extract_stream(source(), extractor, workers=2, chunksize=2):
            got.append(art["article_id"])
    assert got == [a["article_id"] for a in arts[:3]]


def test_summary_counts():
    s = Summary()
    s.add({"text": SENTENCE}, [{"kind": "direct", "actor_id": "x"}, {"kind": "indirect", "actor_id": None}])
    s.add({"text": SENTENCE}, [])
    s.bad = 1
    assert s.line() == "2 articles, 2 quotes, 1 direct, 1 indirect, 1 unattributed, 1 bad input skipped"


# --- bad input: one line naming file and line, exit 2, no output left -------------------

GOOD = json.dumps({"id": "good", "text": SENTENCE}, ensure_ascii=False) + "\n"
BAD_INPUTS = {  # name, bytes (None: missing), line at fault
    "missing": ("missing.jsonl", None, None),
    "empty txt": ("empty.txt", b"", None),
    "empty jsonl": ("empty.jsonl", b"", None),
    "non-UTF-8 txt": ("cp1256.txt", SENTENCE.encode("cp1256"), None),
    "non-UTF-8 jsonl line": ("a.jsonl", GOOD.encode() + json.dumps(
        {"id": "b", "text": SENTENCE}, ensure_ascii=False).encode("cp1256") + b"\n", 2),
    "broken jsonl line": ("a.jsonl", (GOOD + '{"id": "b", "text": "قال\n').encode(), 2),
    "jsonl line without text": ("a.jsonl", (GOOD + '{"id": "b", "title": "عنوان"}\n').encode(), 2),
}


def _write_bad(tmp_path: Path, name, content) -> Path:
    path = tmp_path / "in" / name
    path.parent.mkdir()
    if content is not None:
        path.write_bytes(content)
    return path


@pytest.mark.parametrize("case", list(BAD_INPUTS))
@pytest.mark.parametrize("workers", [1, 2])
def test_bad_input_fails_cleanly(capsys, tmp_path, case, workers):
    name, content, line = BAD_INPUTS[case]
    path = _write_bad(tmp_path, name, content)
    out = tmp_path / "out" / "quotes.jsonl"
    out.parent.mkdir()
    code, stdout, err = run(capsys, "extract", path, "-o", out, "--workers", workers)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    where = f"{path}:{line}: " if line else f"{path}: "
    assert lines[0].startswith(f"stance: error: {where}")
    assert list(out.parent.iterdir()) == []  # neither the output nor a temporary file


def test_skip_bad_counts_and_warns(capsys, tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.jsonl").write_text(GOOD + "{broken\n" + '{"id": "b", "title": "عنوان"}\n' + GOOD,
                               encoding="utf-8")
    (d / "b.txt").write_bytes(SENTENCE.encode("cp1256"))
    (d / "c.txt").write_bytes(b"")
    (d / "d.txt").write_text(SENTENCE, encoding="utf-8")
    out = tmp_path / "quotes.jsonl"
    code, _, err = run(capsys, "extract", d, "--skip-bad", "-o", out)
    assert code == 0
    lines = err.strip().splitlines()
    warnings = [x for x in lines if x.startswith("stance: warning: skipped ")]
    assert [w.split("skipped ", 1)[1].split(": ")[0] for w in warnings] == [
        f"{d / 'a.jsonl'}:2", f"{d / 'a.jsonl'}:3", str(d / "b.txt"), str(d / "c.txt")]
    assert lines[-1].startswith("stance extract: 3 articles, 3 quotes")
    assert "4 bad inputs skipped" in lines[-1]
    quotes = jsonl(out.read_text(encoding="utf-8"))
    assert [q["text"] for q in quotes] == ["بلاده ترفض أي تدخل في شؤونها الداخلية"] * 3


# --- eval-extract -----------------------------------------------------------------------

def test_eval_extract_table_and_listings(capsys):
    code, out, _ = run(capsys, "eval-extract", SAMPLE, "--show", 2)
    assert code == 0
    assert out.startswith("4 articles, 33 gold quotes, ")
    rows = {line[:18].strip(): line[18:].split() for line in out.splitlines() if line[:1] != " "}
    p, r, f1, match, pred, gold = rows["overlap"]
    assert (int(gold), 0 <= float(f1) <= 100) == (33, True)
    assert int(match) <= min(int(pred), int(gold))
    assert "strict (±3 chars)" in rows
    assert "actor accuracy" in out and "country accuracy" in out
    res = json.loads(run(capsys, "eval-extract", SAMPLE, "--json")[1])
    assert [float(f1), float(rows["strict (±3 chars)"][2])] == [
        round(100 * res["overlap"]["f1"], 1), round(100 * res["strict"]["f1"], 1)]
    for title, key in (("Misses", "misses"), ("False alarms", "false_alarms")):
        (section,) = [x for x in out.split("\n\n") if x.startswith(title)]
        head, *items = section.splitlines()
        assert head.split(": ")[1].split(",")[0] == str(len(res[key]))
        assert len(items) == min(2, len(res[key]))
        for item, miss in zip(items, res[key]):
            assert item.split()[:3] == [miss["article_id"], f"{miss['start']}-{miss['end']}", miss["kind"]]
            assert all(x.split()[0] in {"SK-middleEast-1033-20180414", "AL-internationalNews-624-20180326",
                                        "BB-middleEast-377-20180420", "CN-middleEast-26-20180219"}
                       for x in items)


def test_eval_extract_json_matches_a_prediction_file(capsys, tmp_path):
    code, out, _ = run(capsys, "eval-extract", SAMPLE, "--json")
    assert code == 0
    res = json.loads(out)
    assert res["articles"] == 4 and res["overlap"]["gold"] == 33
    assert {"strict", "actor_accuracy", "country_accuracy", "by_kind", "misses", "false_alarms",
            "wrong_actors", "wrong_countries"} <= set(res)
    # each wrong country listed once: the listing and the accuracy agree
    matched = res["overlap"]["tp"]
    assert round(1 - len(res["wrong_countries"]) / matched, 4) == res["country_accuracy"]
    pred = tmp_path / "pred.jsonl"
    assert run(capsys, "extract", SAMPLE, "-o", pred)[0] == 0
    _, out2, _ = run(capsys, "eval-extract", SAMPLE, pred, "--json")
    assert json.loads(out2) == res
    # a prediction file scored against itself as gold is perfect
    gold = tmp_path / "gold.jsonl"
    arts = list(iter_articles([SAMPLE]))
    quotes = jsonl(pred.read_text(encoding="utf-8"))
    gold.write_text("".join(json.dumps({**a, "quotes": [q for q in quotes if q["article_id"] == a["article_id"]]},
                                       ensure_ascii=False) + "\n" for a in arts), encoding="utf-8")
    _, out3, _ = run(capsys, "eval-extract", gold, pred, "--json")
    perfect = json.loads(out3)
    assert perfect["strict"]["f1"] == 1.0 and perfect["actor_accuracy"] == 1.0
    assert perfect["misses"] == [] and perfect["false_alarms"] == [] and perfect["wrong_countries"] == []


def test_eval_extract_bad_prediction_names_line(capsys, tmp_path):
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps({"article_id": "CN-middleEast-26-20180219", "start": 10, "end": 99999}) + "\n",
                    encoding="utf-8")
    code, out, err = run(capsys, "eval-extract", SAMPLE, pred)
    assert code == 2 and out == ""
    assert err.startswith(f"stance: error: {pred}:1: field 'start': offsets 10-99999 outside")


class _Breaks:
    """An extractor with a bug on one article (module level, so it pickles)."""

    def __call__(self, article):
        if article["article_id"] == "002_0da10b97da9444e9":
            raise IndexError("string index out of range")
        return []


@pytest.mark.parametrize("workers", [1, 2])
def test_extractor_bug_names_the_article(capsys, tmp_path, monkeypatch, workers):
    monkeypatch.setattr("stance.extract.Extractor", lambda actors=(), lexicon=None: _Breaks())
    out = tmp_path / "quotes.jsonl"
    code, _, err = run(capsys, "extract", SEEDS, "-o", out, "--workers", workers, "--chunksize", 1)
    assert code == 1 and not out.exists()
    assert err.strip() == ("stance: error: extraction failed on article '002_0da10b97da9444e9': IndexError: "
                           "string index out of range (please report this with the article)")


def test_output_cut_short_by_the_reader_is_no_error():
    """«stance extract ... | head -1» exits 0 and prints no traceback."""
    import subprocess
    import sys

    # ~100 KB of output: more than a pipe holds, so the writer meets the closed pipe
    proc = subprocess.Popen([sys.executable, "-c", "from stance.cli import main; main()", "extract",
                             str(SAMPLE), str(SEEDS)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = proc.stdout.readline()
    proc.stdout.close()  # the reader stops after one line, like head -1
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0, err
    assert first.startswith(b"{") and "Traceback" not in err and "BrokenPipe" not in err


def _mixed_directory(tmp_path: Path) -> Path:
    """Two seed articles beside a PDF, a .docx, a ZIP saved as .txt, a PNG and a note."""
    d = tmp_path / "articles"
    d.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[:2]:
        (d / seed.name).write_bytes(seed.read_bytes())
    (d / "report.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n")
    (d / "memo.docx").write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 30)
    (d / "scan.txt").write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 30)
    (d / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (d / "notes.md").write_text("# notes\n", "utf-8")
    (d / ".hidden.txt").write_text("ignored\n", "utf-8")
    return d


def test_files_that_are_not_articles_are_named_and_counted(capsys, tmp_path):
    """A PDF in an input directory was skipped without a word; named directly it said
    "not valid UTF-8 (byte 10)". Now each skipped file is named with why, and counted."""
    d = _mixed_directory(tmp_path)
    out = tmp_path / "quotes.jsonl"
    code, _, err = run(capsys, "extract", d, "-o", out)
    assert code == 0, err
    warnings = [line for line in err.splitlines() if line.startswith("stance: warning:")]
    assert warnings == [
        f"stance: warning: skipped {d / 'memo.docx'}: a ZIP archive or Office document (.docx, "
        ".odt, .xlsx, .zip) is not supported: convert to text first (save as plain text, UTF-8)",
        f"stance: warning: skipped {d / 'notes.md'}: not a .txt or .jsonl(.gz) file",
        f"stance: warning: skipped {d / 'photo.png'}: an image (PNG) is not supported: convert "
        "to text first (OCR)",
        f"stance: warning: skipped {d / 'report.pdf'}: PDF is not supported: convert to text "
        "first (e.g. pdftotext FILE.pdf FILE.txt)",
        f"stance: warning: skipped {d / 'scan.txt'}: a ZIP archive or Office document (.docx, "
        ".odt, .xlsx, .zip) is not supported: convert to text first (save as plain text, UTF-8)"]
    assert "stance extract: 2 articles," in err and "5 files skipped (not articles)" in err
    assert {q["article_id"] for q in jsonl(out.read_text("utf-8"))} == \
        {p.stem for p in sorted(SEEDS.glob("*.txt"))[:2]}
    # named directly: an error (exit 2, one line), or skipped and counted with --skip-bad
    code, _, err = run(capsys, "extract", d / "report.pdf", "-o", tmp_path / "x.jsonl")
    assert code == 2 and err == f"stance: error: {d / 'report.pdf'}: PDF is not supported: " \
                                "convert to text first (e.g. pdftotext FILE.pdf FILE.txt)\n"
    assert not (tmp_path / "x.jsonl").exists()
    code, _, err = run(capsys, "extract", d / "report.pdf", SEEDS / "000_4cec54b3ae348e4e.txt",
                       "--skip-bad", "-q")
    assert code == 0 and "PDF is not supported" in err and "1 bad input skipped" in err


def test_nul_characters_are_dropped_at_reading_and_counted(capsys, tmp_path):
    """NUL characters in a .txt were copied into the quote text."""
    seed = SEEDS / "002_0da10b97da9444e9.txt"
    text = seed.read_text("utf-8")
    clean = run(capsys, "extract", seed)[1]
    dirty = tmp_path / seed.name
    cut = len(text) // 2
    dirty.write_text(text[:cut] + "\x00\x00" + text[cut:] + "\x00", "utf-8")
    code, out, err = run(capsys, "extract", dirty)
    assert code == 0, err
    assert "\\u0000" not in out and "\x00" not in out
    assert out == clean  # same quotes, same offsets as the clean article
    assert "3 NUL characters dropped (in 1 article)" in err
