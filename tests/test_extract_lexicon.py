"""The extractor's knowledge as data (issue 13): verbs and word lists in YAML, checked with
line-numbered errors; a verb added by a user file without touching Python; every quote names
the rule that made it; the registry reached through a typed interface."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stance.extract import ActorRegistry, Extractor
from stance.extract.knowledge import DATA, read_verbs, read_words, title_words
from stance.extract.lexicon import DEFAULT_VERBS, TITLE_WORDS, VerbLexicon
from stance.extract.rules import RULES
from stance.io import InputError
from clirun import run

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
# «جادل» (to argue) is not a bundled reporting verb
HINTED = "وجادل وزير الخارجية العراقي بأن بلاده قد تعيد النظر في الاتفاق مع الشركات الأجنبية."
USER_VERBS = "verbs:\n  - stem: جادل\n    forms: {جادل: m, جادلت: f, جادلوا: p, يجادل: m, تجادل: f}\n    object: true\n"


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def write(tmp_path, text, name="verbs.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_bundled_data_loads_and_the_lost_forms_are_back():
    data = read_verbs(DATA / "verbs.yaml")
    # «ناشد» was a key twice in one dict literal: the second entry dropped «يناشد / تناشد»
    assert {"يناشد", "تناشد"} <= set(data["verbs"]["ناشد"]["forms"])
    assert DEFAULT_VERBS.classify("ويناشد") == ("و", "يناشد", False)
    assert set(read_words()["patterns"]) >= {"furniture", "tail"}


def test_titles_come_from_the_registry_titles_file():
    assert TITLE_WORDS == title_words()
    assert {"الرئيس", "البابا", "السفير", "الشيخ"} <= TITLE_WORDS


@pytest.mark.parametrize("text,line,field,says", [
    ("verbs:\n  - stem: قال\n    forms: {قال: m}\n  - stem: قال\n    forms: {قالت: f}\n", 4, "verbs[1].stem",
     "two entries"),
    ("verbs:\n  - stem: ناشد\n    forms: {ناشد: m, ناشد: f}\n", 3, "ناشد", "key twice"),
    ("verbs:\n  - stem: حث\n    forms: {حث: m}\n  - stem: حض\n    forms: {حض: m, حث: m}\n", 4,
     "verbs[1].forms.حث", "also a form of"),
    ("verbs:\n  - stem: أكد\n    forms: {أكد: x}\n", 2, "verbs[0].forms.أكد", "expected m"),
    ("verbs:\n  - stem: أكد\n    forms: {أكد: m}\n    ambiguous: [اكد]\n", 2, "verbs[0].ambiguous",
     "not one of the stem's forms"),
    ("verbs:\n  - stem: أكد\n    forms: {أكد: m}\n    objekt: true\n", 2, "verbs[0]", "unknown field"),
    ("verbs:\n  - stem: أكد\n    forms: {أكد: m\n", None, None, "not valid YAML"),
    ("verbs: []\nmasdars: [إدانة]\nmasdar_objects: {إدانة: في}\n", 3, "masdar_objects.إدانة", "expected object"),
    ("verbs: []\nmasdars: [إدانة]\nmasdar_objects: {تنديد: ب}\n", 3, "masdar_objects.تنديد", "not among the masdars"),
    ("verbs:\n  - stem: أكد\n    forms: {أكد: m}\n    preposition: في\n", 2, "verbs[0].preposition",
     "expected one of"),
    ("verbs:\n  - stem: قدر\n    forms: {قدر: m}\n    named_subject: maybe\n", 2, "verbs[0].named_subject",
     "expected true or false"),
    ("verbs:\n  - stem: بين\n    forms: {بين: m}\n    sentence_initial: [بينت]\n", 2,
     "verbs[0].sentence_initial", "not one of the stem's forms"),
])
def test_bad_verb_files_are_refused_with_file_line_and_field(tmp_path, text, line, field, says):
    path = write(tmp_path, text)
    with pytest.raises(InputError) as err:
        read_verbs(path)
    assert says in str(err.value)
    assert str(path) in str(err.value)
    if line is not None:
        assert err.value.line == line
    if field is not None:
        assert err.value.field == field


def test_a_user_verb_file_adds_a_verb_without_python(tmp_path, extractor):
    assert extractor({"id": "h", "text": HINTED}) == []
    path = write(tmp_path, USER_VERBS)
    q, = Extractor(registry=extractor.registry, lexicon=str(path))({"id": "h", "text": HINTED})
    assert q["speaker"] == "وزير الخارجية العراقي" and q["text"].startswith("بلاده قد تعيد النظر")
    assert q["rule"] == "verb_comp"


def test_lexicon_check_and_extract_with_lexicon_on_the_command_line(capsys, tmp_path):
    path = write(tmp_path, USER_VERBS)
    code, out, err = run(capsys, "lexicon", "check", path)
    assert code == 0 and "1 new (جادل)" in out
    art = write(tmp_path, HINTED, "hinted.txt")
    code, out, err = run(capsys, "extract", art, "--lexicon", path)
    assert code == 0 and len(out.splitlines()) == 1
    bad = write(tmp_path, USER_VERBS + "  - stem: جادل\n    forms: {جدل: m}\n", "bad.yaml")
    code, out, err = run(capsys, "lexicon", "check", bad)
    assert code == 2 and "bad.yaml:5:" in err and "verbs[1].stem" in err
    code, out, err = run(capsys, "extract", art, "--lexicon", bad, "-o", tmp_path / "q.jsonl")
    assert code == 2 and not (tmp_path / "q.jsonl").exists()


def test_every_quote_names_its_rule_and_eval_scores_each(capsys, extractor):
    for path in SEEDS.glob("*.txt"):
        for q in extractor({"id": path.stem, "text": path.read_text(encoding="utf-8")}):
            assert q["rule"] in RULES
    code, out, err = run(capsys, "eval-extract", ROOT / "tests" / "data" / "dev_gold_sample.jsonl",
                         "--by-rule", "--show", "0")
    assert code == 0 and "by rule" in out and "verb_comp" in out
    code, out, err = run(capsys, "eval-extract", ROOT / "tests" / "data" / "dev_gold_sample.jsonl", "--json")
    res = json.loads(out)
    assert sum(r["matched"] for r in res["by_rule"].values()) == res["overlap"]["tp"]


def test_the_registry_is_reached_through_a_typed_interface(extractor):
    assert isinstance(extractor.registry, ActorRegistry)
    assert not isinstance(object(), ActorRegistry)


class OnlyTheInterface:
    """A user's own registry: exactly the members of ActorRegistry (here passed on to the bundled
    registry), so any other call the extractor made would raise AttributeError."""

    def __init__(self, inner):
        self.lexicon = inner.lexicon
        self.calls = set()
        for name in ActorRegistry.__dict__:
            if not name.startswith("_") and callable(getattr(ActorRegistry, name)):
                setattr(self, name, self._passed_on(inner, name))

    def _passed_on(self, inner, name):
        def call(*args, **kwargs):
            self.calls.add(name)
            return getattr(inner, name)(*args, **kwargs)
        return call


def test_a_registry_with_only_the_interface_extracts_what_the_bundled_one_does(extractor):
    own = OnlyTheInterface(extractor.registry)
    assert isinstance(own, ActorRegistry) and not hasattr(own, "name_at")
    custom = Extractor(registry=own)
    articles = [json.loads(line) for line in
                (ROOT / "tests" / "data" / "dev_gold_sample.jsonl").read_text(encoding="utf-8").splitlines()]
    articles += [{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in sorted(SEEDS.glob("*.txt"))]
    quotes = 0
    for art in articles:
        ours = extractor(art)
        assert custom(art) == ours
        quotes += len(ours)
    assert quotes > 50 and {"resolve", "name_span", "lookup"} <= own.calls


def test_a_verb_lexicon_pickles_with_the_extractor(tmp_path, extractor):
    import pickle

    lex = VerbLexicon([write(tmp_path, USER_VERBS)])
    back = pickle.loads(pickle.dumps(lex))
    assert back.classify("وجادل") == ("و", "جادل", False) and back.verbs.keys() == lex.verbs.keys()


def test_lexicon_check_reads_the_function_word_file_too(capsys, tmp_path):
    from clirun import run

    words = Path(__file__).resolve().parents[1] / "stance/extract/data/words.yaml"
    code, out, err = run(capsys, "lexicon", "check", words)
    assert code == 0 and "word lists" in out and "patterns" in out, err
    broken = tmp_path / "words.yaml"
    text = words.read_text(encoding="utf-8")
    broken.write_text(text.replace("  dateline: ", "  dateline: \"(\"\n  x_dateline: ", 1), encoding="utf-8")
    code, out, err = run(capsys, "lexicon", "check", broken)
    assert code == 2 and "words.yaml" in err and "patterns.dateline" in err
    code, out, err = run(capsys, "lexicon", "check", words, broken)  # every file checked first
    assert code == 2 and out == "" and "patterns.dateline" in err


def test_no_extraction_function_is_longer_than_60_lines():
    """Issue 13: the rules are small named functions; none in stance/extract passes 60 lines
    (the old find_candidates was one of 400)."""
    import ast

    root = Path(__file__).resolve().parent.parent / "stance" / "extract"
    long = []
    for path in sorted(root.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno >= 60:
                long.append(f"{path.name}:{node.lineno} {node.name} ({node.end_lineno - node.lineno + 1} lines)")
    assert long == []


def test_no_arabic_word_list_is_a_python_literal_in_extract():
    """Issue 13: the extractor's words live in data/*.yaml. A tuple, list, set or dict in
    stance/extract holding two or more Arabic words (3+ letters: affixes such as «ال», «ها», «ية»
    are grammar and may stay) is a word list in code; so is a regular expression that spells
    out an alternation of Arabic words («(?:قد|كان|كانت)»)."""
    import ast

    import regex

    word = regex.compile(r"^\p{Arabic}{3,}$")
    alternation = regex.compile(r"\p{Arabic}{2,}\|\p{Arabic}{2,}")
    root = Path(__file__).resolve().parent.parent / "stance" / "extract"
    found = []
    for path in sorted(root.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            items = node.keys if isinstance(node, ast.Dict) else \
                node.elts if isinstance(node, (ast.Tuple, ast.List, ast.Set)) else []
            ws = [e.value for e in items if isinstance(e, ast.Constant) and isinstance(e.value, str)
                  and word.match(e.value)]
            if len(ws) >= 2:
                found.append(f"{path.name}:{node.lineno} {ws}")
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and alternation.search(node.value):
                found.append(f"{path.name}:{node.lineno} pattern {node.value[:40]!r}")
    assert found == []


def test_pronoun_object_is_checked_and_gives_the_suffixed_forms(tmp_path):
    bad = write(tmp_path, USER_VERBS + "    pronoun_object: yes please\n", "bad.yaml")
    with pytest.raises(InputError) as exc:
        VerbLexicon([bad])
    assert "bad.yaml" in str(exc.value) and "verbs[0].pronoun_object" in str(exc.value)
    lex = VerbLexicon([write(tmp_path, USER_VERBS + "    pronoun_object: true\n")])
    assert lex.classify("وجادله") == ("و", "جادله", False) and lex.pronoun_forms["جادله"] == "جادل"
    assert lex.classify("جادلوه") is not None  # «جادلوا» + ه drops the alif
    assert DEFAULT_VERBS.classify("اتهمتها") is not None and DEFAULT_VERBS.classify("قاله") is None


def test_an_error_in_a_word_list_names_that_lists_line(tmp_path):
    # the words file's errors named its first line for every list (a duplicate on line 65 read «:6»)
    text = (DATA / "words.yaml").read_text(encoding="utf-8")
    bad = text.replace("refusals: [التعليق, الرد, الإدلاء, بالتعليق]", "refusals: [التعليق, الرد, الإدلاء, الرد]")
    assert bad != text
    path = write(tmp_path, bad, "words.yaml")
    line = next(n for n, ln in enumerate(bad.splitlines(), 1) if ln.startswith("refusals:"))
    with pytest.raises(InputError) as e:
        read_words(path)
    assert (e.value.line, e.value.field) == (line, "refusals") and "listed twice" in str(e.value)
