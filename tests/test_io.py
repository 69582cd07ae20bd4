"""Reading articles and JSON Lines, and writing outputs that appear whole or not at all.

Article text is real: the seed articles (seeds/) and the development-gold sample
(tests/data/dev_gold_sample.jsonl, ANT Corpus v2.1, see tests/data/README.md).
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from stance.io import InputError, atomic_output, iter_articles, iter_jsonl, read_jsonl, read_text

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SAMPLE = ROOT / "tests" / "data" / "dev_gold_sample.jsonl"
SENTENCE = "وقال وزير الخارجية العراقي إن بلاده ترفض أي تدخل في شؤونها الداخلية."


def write_lines(path: Path, lines: list, mode="w"):
    if mode == "wb":
        path.write_bytes(b"".join(x if isinstance(x, bytes) else x.encode("utf-8") for x in lines))
    else:
        path.write_text("".join(lines), encoding="utf-8")
    return path


def rec(**kw) -> str:
    return json.dumps(kw, ensure_ascii=False) + "\n"


# --- articles from .txt, directories and JSONL ------------------------------------------

def test_txt_file_is_one_article_named_by_its_stem():
    path = sorted(SEEDS.glob("*.txt"))[0]
    (art,) = iter_articles([path])
    assert art["article_id"] == path.stem
    assert art["text"] == path.read_text(encoding="utf-8")
    assert "date" not in art


def test_directory_yields_its_txt_files_in_name_order():
    arts = list(iter_articles([SEEDS]))
    assert [a["article_id"] for a in arts] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert all("سوري" in a["text"] for a in arts)


def test_one_path_is_read_as_one_path_not_as_its_characters():
    # iter_articles("corpus.jsonl") once listed «/», «c», «o», ... and walked the whole disk
    assert [a["article_id"] for a in iter_articles(str(SAMPLE))] == \
        [a["article_id"] for a in iter_articles([SAMPLE])]
    assert len(list(iter_articles(SEEDS))) == len(list(SEEDS.glob("*.txt")))


def test_jsonl_keeps_id_text_and_metadata_only():
    gold = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    arts = list(iter_articles([SAMPLE]))
    assert [a["article_id"] for a in arts] == [g["article_id"] for g in gold]
    for a, g in zip(arts, gold):
        assert a["text"] == g["text"]
        assert (a["date"], a["source"], a["title"]) == (g["date"], g["source"], g["title"])
        assert "quotes" not in a


def test_jsonl_gz_and_id_field(tmp_path):
    path = tmp_path / "pool.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(rec(id=17, text=SENTENCE, date="2018-04-14", url="https://example.org/a"))
    (art,) = iter_articles([path])
    assert art == {"article_id": "17", "text": SENTENCE, "date": "2018-04-14",
                   "url": "https://example.org/a"}


def test_byte_order_mark_is_not_text(tmp_path):
    jsonl = write_lines(tmp_path / "bom.jsonl", [b"\xef\xbb\xbf", rec(id="a", text=SENTENCE)], "wb")
    txt = write_lines(tmp_path / "bom.txt", [b"\xef\xbb\xbf", SENTENCE], "wb")
    assert [a["text"] for a in iter_articles([jsonl, txt])] == [SENTENCE, SENTENCE]


# --- errors name the file, the line and the field ---------------------------------------

def error_of(paths, **kw) -> InputError:
    with pytest.raises(InputError) as exc:
        list(iter_articles(paths, **kw))
    return exc.value


def test_missing_path(tmp_path):
    err = error_of([tmp_path / "nope.jsonl"])
    assert err.path.endswith("nope.jsonl") and "no such file" in str(err)


@pytest.mark.parametrize("name", ["empty.txt", "empty.jsonl"])
def test_empty_file(tmp_path, name):
    (tmp_path / name).write_bytes(b"" if name.endswith("jsonl") else b"  \n")
    err = error_of([tmp_path / name])
    assert err.path.endswith(name) and "empty" in str(err)


def test_non_utf8_txt(tmp_path):
    path = write_lines(tmp_path / "cp1256.txt", [SENTENCE.encode("cp1256")], "wb")
    err = error_of([path])
    assert err.path == str(path) and "UTF-8" in str(err)


def test_non_utf8_jsonl_line(tmp_path):
    path = write_lines(tmp_path / "a.jsonl", [rec(id="a", text=SENTENCE),
                                              rec(id="b", text=SENTENCE).encode("cp1256")], "wb")
    err = error_of([path])
    assert (err.line, "UTF-8" in str(err)) == (2, True)
    assert str(err).startswith(f"{path}:2: ")


def test_broken_json_line(tmp_path):
    path = write_lines(tmp_path / "a.jsonl", [rec(id="a", text=SENTENCE), "\n",
                                              '{"id": "b", "text": "قال"\n'])
    err = error_of([path])
    assert err.line == 3 and "broken JSON" in str(err)


@pytest.mark.parametrize("record,field", [({"id": "a", "title": "عنوان"}, "text"),
                                          ({"id": "a", "text": 5}, "text"),
                                          ({"text": SENTENCE}, "id")])
def test_record_without_required_field(tmp_path, record, field):
    path = write_lines(tmp_path / "a.jsonl", [rec(id="ok", text=SENTENCE), rec(**record)])
    err = error_of([path])
    assert (err.line, err.field) == (2, field)
    assert f"field '{field}'" in str(err)


def test_non_object_line(tmp_path):
    path = write_lines(tmp_path / "a.jsonl", ['["قال", "الوزير"]\n'])
    with pytest.raises(InputError, match="expected a JSON object, got list"):
        read_jsonl(path)


def test_read_text_names_a_directory(tmp_path):
    with pytest.raises(InputError, match="is a directory"):
        read_text(tmp_path)


# --- skip_bad: record, skip, go on ------------------------------------------------------

def test_skip_bad_records_and_files_and_goes_on(tmp_path):
    write_lines(tmp_path / "a.jsonl", [rec(id="a1", text=SENTENCE), "{broken\n",
                                       rec(id="a2", title="بلا نص"), rec(id="a3", text=SENTENCE)])
    write_lines(tmp_path / "b.txt", [SENTENCE.encode("cp1256")], "wb")
    (tmp_path / "c.txt").write_text("", encoding="utf-8")
    write_lines(tmp_path / "d.txt", [SENTENCE])
    bad: list = []
    arts = list(iter_articles([tmp_path], skip_bad=True, bad=bad))
    assert [a["article_id"] for a in arts] == ["a1", "a3", "d"]
    assert [(Path(e.path).name, e.line) for e in bad] == [("a.jsonl", 2), ("a.jsonl", 3),
                                                          ("b.txt", None), ("c.txt", None)]


def test_skip_bad_goes_past_a_truncated_gzip(tmp_path):
    whole = gzip.compress("".join(rec(id=f"t{i}", text=SENTENCE * 20) for i in range(200)).encode())
    (tmp_path / "a.jsonl.gz").write_bytes(whole[: len(whole) // 2])
    write_lines(tmp_path / "b.jsonl", [rec(id="b1", text=SENTENCE)])
    with pytest.raises(InputError, match="cannot read"):
        list(iter_articles([tmp_path]))
    bad: list = []
    ids = [a["article_id"] for a in iter_articles([tmp_path], skip_bad=True, bad=bad)]
    assert ids[-1] == "b1" and len(ids) < 201
    assert len(bad) == 1 and "a.jsonl.gz" in str(bad[0])


def test_iter_jsonl_numbers_lines_past_blank_ones(tmp_path):
    path = write_lines(tmp_path / "a.jsonl", ["\n", rec(id="a", text=SENTENCE), "  \n",
                                              rec(id="b", text=SENTENCE)])
    assert [(n, r["id"]) for n, r in iter_jsonl(path)] == [(2, "a"), (4, "b")]


# --- atomic_output ----------------------------------------------------------------------

def test_atomic_output_appears_only_on_success(tmp_path):
    out = tmp_path / "sub" / "quotes.jsonl"
    with pytest.raises(RuntimeError):
        with atomic_output(out) as fh:
            fh.write(SENTENCE + "\n")
            raise RuntimeError("boom")
    assert not out.exists()
    assert list(out.parent.iterdir()) == []  # no temporary file left behind
    with atomic_output(out) as fh:
        fh.write(SENTENCE + "\n")
    assert out.read_text(encoding="utf-8") == SENTENCE + "\n"
    assert [p.name for p in out.parent.iterdir()] == ["quotes.jsonl"]


def test_atomic_output_dash_is_stdout(capsys):
    with atomic_output("-") as fh:
        fh.write(SENTENCE)
    assert capsys.readouterr().out == SENTENCE
