"""The pool regression benchmark (tests/benchmarks/pool_regression.py) on a small slice of the
judged pool quotes (../shared/data/pool_quotes.jsonl, flags by model-based annotators)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent / "benchmarks" / "pool_regression.py"


@pytest.fixture(scope="module")
def pool():
    spec = importlib.util.spec_from_file_location("pool_regression", BENCH)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # its dataclasses look their module up
    spec.loader.exec_module(mod)
    if not mod.POOL_QUOTES.exists() or not mod.CORPUS.exists():
        pytest.skip("the shared pool data is not here")
    return mod


@pytest.fixture(scope="module")
def judged(pool):
    return pool.load_judged()


def _quote(judged, article_id, start):
    return next(q for q in judged[article_id] if q["start"] == start)


def test_judged_flags_are_the_first_annotators(judged):
    flags = [q["flag"] for qs in judged.values() for q in qs]
    assert len(flags) == 2100
    assert flags.count("wrong_speaker") == 297 and flags.count("not_a_quote") == 136


def test_same_actor_accepts_a_trimmed_unknown_name_but_not_another_person(pool, judged):
    # judged ok: «باتريك هيلمان (70 عاما) أحد سكان سالزبري لوكالة الأنباء الفرنسية»
    old = _quote(judged, "FR-internationalNews-2189-20180705", 3489)
    assert old["flag"] == "ok"
    trimmed = dict(old, actor="باتريك هيلمان", actor_id="x:باتريك هيلمان")
    assert pool.same_actor(old, trimmed)
    other = dict(old, actor="تيريزا ماي", actor_id="theresa-may")
    assert not pool.same_actor(old, other)
    assert not pool.same_actor(old, dict(old, actor=None, actor_id=None))


def test_judge_outcomes(pool, judged):
    old = _quote(judged, "FR-internationalNews-2189-20180705", 3489)
    assert pool.judge("ok", old, [])[0] == "gone"
    elsewhere = dict(old, start=old["end"] + 5, end=old["end"] + 40)
    assert pool.judge("ok", old, [elsewhere])[0] == "gone"
    assert pool.judge("ok", old, [dict(old, actor=None, actor_id=None)])[0] == "unattributed"
    assert pool.judge("ok", old, [dict(old, actor="تيريزا ماي", actor_id="theresa-may")])[0] == "other actor"


def test_a_slice_of_the_pool_keeps_the_quotes_judged_ok(pool):
    rep = pool.run(limit=40)
    assert rep.articles == 40
    assert rep.total["ok"] >= 40
    assert rep.rate("ok") >= 0.9
    text = "\n".join(rep.lines())
    assert "kept with the same actor" in text and "40 articles" in text


FRAGMENTS = {  # judged wrong_speaker at dbab577: a speaker that cannot be a speaker
    ("CN-middleEast-1486-20181011", 2824): "وردا على سؤال",
    ("FR-internationalNews-2222-20180709", 3479): "مرارا",
    ("FR-internationalNews-1878-20180618", 2826): "عشية المواجهة",
    ("AL-internationalNews-1415-20180601", 313): "خمسة",
    ("BB-middleEast-501-20180514", 1777): "لرويترز",
    ("SK-middleEast-1535-20180509", 1213): "ارتفاع",
}


def test_fragment_speakers_of_the_pool_no_longer_carry_their_actor(pool, judged):
    rep = pool.run(article_ids={a for a, _ in FRAGMENTS} | {"FR-internationalNews-761-20180417"})
    seen = {}
    for flag, outcome, old, new in rep.cases:
        key = (old["article_id"], old["start"])
        if key in FRAGMENTS:
            assert old["speaker"] == FRAGMENTS[key] and flag == "wrong_speaker"
            seen[key] = outcome
            assert outcome != "same actor", (key, new and new["speaker"])
            assert new is None or new["speaker"] != FRAGMENTS[key]
        if key == ("FR-internationalNews-761-20180417", 1219):
            # «متحدث باسم الجيش الاسرائيلي ليلا»: the adverb is cut off the speaker
            assert new["speaker"] == "متحدث باسم الجيش الاسرائيلي"
            assert new["actor_country"] == "ISR"
    assert set(seen) == set(FRAGMENTS)


def test_discover_unknown_speakers_of_a_pool_slice_and_grow_the_registry(pool, tmp_path, capsys):
    """`stance actors discover` on quotes extracted from 300 pool articles: the stub it writes
    loads with --actors and then resolves those mentions."""
    import json

    from clirun import run

    from stance.actors import Registry
    from stance.extract import Extractor

    ex = Extractor()
    ids = list(pool.load_judged())[:300]
    quotes = tmp_path / "quotes.jsonl"
    with open(quotes, "w", encoding="utf-8") as fh:
        for art in pool.iter_pool_articles(set(ids)):
            for q in ex(art):
                fh.write(json.dumps(q, ensure_ascii=False) + "\n")
    stub = tmp_path / "stub.yaml"
    code, out, err = run(capsys, "actors", "discover", quotes, "--top", "20", "-o", stub)
    assert code == 0, err
    # «عثمان» alone joins the full name; the country comes from «الإعلامي الصومالي»
    assert "محمد عثمان\tSOM\tother" in out
    text = stub.read_text(encoding="utf-8")
    assert "name: \"محمد عثمان\"" in text and "aliases: [\"عثمان\"]" in text
    assert "سارة ساندرز" not in out  # in the bundled registry since it was discovered this way
    assert run(capsys, "actors", "check", stub)[0] == 0
    reg = Registry.load(extra=[stub])
    a = reg.resolve("الإعلامي الصومالي محمد عثمان", date="2018-02-21")
    assert (a.known, a.name, a.country, a.role) == (True, "محمد عثمان", "SOM", "other")
    grown = Extractor(actors=[str(stub)])
    art = next(pool.iter_pool_articles({"AL-internationalNews-141-20180221"}))
    assert any(q["actor"] == "محمد عثمان" and q["actor_id"] == "ar-محمد-عثمان" for q in grown(art))


def test_discover_rejects_a_bad_quotes_file_with_file_line_and_field(tmp_path, capsys):
    from clirun import run

    bad = tmp_path / "q.jsonl"
    bad.write_text('{"actor_id": "x:a", "actor": "a"}\n{"actor_id": 5, "actor": "b"}\n', encoding="utf-8")
    code, out, err = run(capsys, "actors", "discover", bad, "-o", tmp_path / "stub.yaml")
    assert code == 2
    assert "q.jsonl:2" in err and "actor_id" in err
    assert not (tmp_path / "stub.yaml").exists()


def test_discover_writes_a_loadable_stub_when_nothing_is_found(tmp_path, capsys):
    from clirun import run

    quotes = tmp_path / "q.jsonl"
    quotes.write_text('{"actor_id": "bashar-al-assad", "actor": "بشار الأسد", "speaker": "الأسد"}\n', encoding="utf-8")
    stub = tmp_path / "stub.yaml"
    assert run(capsys, "actors", "discover", quotes, "-o", stub)[0] == 0
    assert run(capsys, "actors", "check", stub)[0] == 0


def test_the_same_actor_by_todays_registry(pool):
    from stance.actors import Registry

    reg = Registry.load()
    old = {"actor": "توسك", "actor_id": "x:توسك", "date": "2018-03-01"}
    assert pool.same_actor(old, {"actor": "دونالد توسك", "actor_id": "donald-tusk"}, registry=reg)
    assert not pool.same_actor(old, {"actor": "دونالد توسك", "actor_id": "donald-tusk"})  # names only
    title = {"actor": "وزير الخزانة الأمريكي", "actor_id": "x:وزير الخزانه الامريكي", "date": "2018-05-11"}
    assert pool.same_actor(title, {"actor": "ستيفن منوشين", "actor_id": "steven-mnuchin"}, registry=reg)
    bernie = {"actor": "بيرني ساندرز", "actor_id": "x:بيرني ساندرز", "date": "2018-04-01"}
    assert not pool.same_actor(bernie, {"actor": "سارة ساندرز", "actor_id": "sarah-sanders"}, registry=reg)
