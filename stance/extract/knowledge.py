"""The extractor's knowledge as data: reading and checking ``stance/extract/data/*.yaml``.

* ``verbs.yaml``: one entry per reporting verb stem (forms with the agreement of their
  subject, takes an object, its preposition, ambiguous forms ...), the continuation
  participles and the verbal nouns of speech. A user file of the same shape (``stance extract
  --lexicon FILE``, ``Extractor(lexicon=FILE)``) adds stems or replaces a bundled stem's entry.
* ``words.yaml``: function-word lists and word patterns (bundled only).
* Titles come from the actor registry's ``titles.yaml``: one source for both.

Every problem raises :class:`stance.io.InputError` naming the file, the line and the field
(«verbs[3].forms»); a key written twice in one mapping, a stem given twice, or a form claimed
by two stems is an error (a silently dropped duplicate once lost «يناشد / تناشد»).
"""

from __future__ import annotations

import functools
from pathlib import Path

import regex
import yaml

from stance.io import InputError, read_text

DATA = Path(__file__).resolve().parent / "data"
TITLES = Path(__file__).resolve().parent.parent / "actors" / "data" / "titles.yaml"
COUNTRIES = TITLES.with_name("countries.yaml")
AGREEMENT = {"m", "f", "p"}
ANAPHOR_KINDS = {"person", "minister", "head", "body", "ministry", "government", "army", "same_head", "any"}
VERB_FIELDS = {"stem", "forms", "object", "continues", "ambiguous", "preposition", "requires_preposition",
               "named_subject", "pronoun_object", "sentence_initial",
               "bi", "transitive", "needs_object", "told", "addressee_in_slot", "statement", "reported_from", "__line__"}
VERB_FILE_FIELDS = {"verbs", "prepositions", "participles", "participles_bi", "participles_plain", "masdars",
                    "masdar_objects", "__line__"}

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_Loader):
    """Safe loader: records each mapping's line as ``__line__`` and refuses duplicate keys."""


def _mapping(loader, node, deep=False):
    seen: dict = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise _Duplicate(key, key_node.start_mark.line + 1, seen[key])
        seen[key] = key_node.start_mark.line + 1
    mapping = yaml.SafeLoader.construct_mapping(loader, node, deep=deep)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


class _Duplicate(Exception):
    def __init__(self, key, line, first):
        super().__init__(key)
        self.key, self.line, self.first = key, line, first


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def read_yaml_strict(path: str | Path):
    """Parse a YAML file; syntax errors and duplicate keys become InputError with the line."""
    text = read_text(path)
    try:
        return yaml.load(text, Loader=_StrictLoader)
    except _Duplicate as dup:
        raise InputError(f"{dup.key!r} is a key twice in one mapping (first on line {dup.first}); "
                         "the second would silently replace the first", path, dup.line, str(dup.key)) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError(f"not valid YAML: {problem}", path, mark.line + 1 if mark else None) from None


def _words(value, path, line, field, *, allow_empty=False) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value) \
            or (not value and not allow_empty):
        raise InputError("expected a list of words (non-empty strings)", path, line, field)
    dup = next((v for i, v in enumerate(value) if v in value[:i]), None)
    if dup is not None:
        raise InputError(f"{dup!r} is listed twice", path, line, field)
    return [v.strip() for v in value]


def _agreement_map(value, path, line, field) -> dict[str, str]:
    if not isinstance(value, dict) or len(value) <= 1:  # just __line__
        raise InputError("expected a mapping of written forms to m, f or p", path, line, field)
    out = {}
    for form, agr in value.items():
        if form == "__line__":
            continue
        if not isinstance(form, str) or not form.strip() or agr not in AGREEMENT:
            raise InputError(f"form {form!r}: expected m (masculine), f (feminine) or p (dual/plural), "
                             f"got {agr!r}", path, line, f"{field}.{form}")
        out[form.strip()] = agr
    return out


def _check_verb(e, i: int, path, prepositions) -> dict:
    where = f"verbs[{i}]"
    if not isinstance(e, dict):
        raise InputError("expected a verb entry (a mapping with stem and forms)", path, None, where)
    line = e.get("__line__")
    unknown = set(e) - VERB_FIELDS
    if unknown:
        raise InputError(f"unknown field {sorted(unknown)[0]!r} (known: "
                         f"{', '.join(sorted(VERB_FIELDS - {'__line__'}))})", path, line, where)
    stem = e.get("stem")
    if not isinstance(stem, str) or not stem.strip():
        raise InputError("a verb entry needs its stem (a word)", path, line, f"{where}.stem")
    forms = _agreement_map(e.get("forms"), path, line, f"{where}.forms")
    for key in ("object", "continues", "requires_preposition", "bi", "transitive", "needs_object", "told",
                "addressee_in_slot", "statement", "reported_from", "named_subject", "pronoun_object"):
        if key in e and not isinstance(e[key], bool):
            raise InputError("expected true or false", path, line, f"{where}.{key}")
    ambiguous = _words(e.get("ambiguous", []), path, line, f"{where}.ambiguous", allow_empty=True)
    stray = [a for a in ambiguous if a not in forms]
    if stray:
        raise InputError(f"ambiguous form {stray[0]!r} is not one of the stem's forms", path, line,
                         f"{where}.ambiguous")
    initial = _words(e.get("sentence_initial", []), path, line, f"{where}.sentence_initial", allow_empty=True)
    stray = [a for a in initial if a not in forms]
    if stray:
        raise InputError(f"sentence_initial form {stray[0]!r} is not one of the stem's forms",
                         path, line, f"{where}.sentence_initial")
    prep = e.get("preposition")
    if prep is not None and prep not in prepositions:
        raise InputError(f"expected one of {', '.join(sorted(prepositions))} (the file's or the bundled "
                         f"verbs.yaml's prepositions), got {prep!r}", path, line,
                         f"{where}.preposition")
    if e.get("requires_preposition") and (prep is None or not ambiguous):
        raise InputError("requires_preposition needs a preposition and ambiguous forms", path, line,
                         f"{where}.requires_preposition")
    return {"stem": stem.strip(), "forms": forms, "object": e.get("object", True), "ambiguous": ambiguous,
            "preposition": prep, "requires_preposition": bool(e.get("requires_preposition")),
            "bi": bool(e.get("bi")), "transitive": bool(e.get("transitive")),
            "needs_object": bool(e.get("needs_object")), "told": bool(e.get("told")),
            "addressee_in_slot": bool(e.get("addressee_in_slot")), "statement": bool(e.get("statement")),
            "reported_from": bool(e.get("reported_from")), "continues": bool(e.get("continues")),
            "named_subject": bool(e.get("named_subject")), "pronoun_object": bool(e.get("pronoun_object")),
            "sentence_initial": initial, "line": line}


def read_verbs(path: str | Path, data=None) -> dict:
    """A checked verbs file: ``{"verbs": {stem: entry}, "participles": {form: agreement},
    "participles_bi": [...], "masdars": [...]}``; ``data``: the file already parsed by
    :func:`read_yaml_strict` (``path`` then only names it in errors)."""
    data = read_yaml_strict(path) if data is None else data
    if not isinstance(data, dict):
        raise InputError("expected a mapping with 'verbs' (and optionally 'participles', "
                         "'participles_bi', 'masdars')", path, 1)
    unknown = set(data) - VERB_FILE_FIELDS
    if unknown:
        raise InputError(f"unknown section {sorted(unknown)[0]!r}", path, data.get("__line__"), sorted(unknown)[0])
    verbs: dict[str, dict] = {}
    owner: dict[str, str] = {}
    entries = data.get("verbs") or []
    if not isinstance(entries, list):
        raise InputError("expected a list of verb entries", path, data.get("__line__"), "verbs")
    if "prepositions" in data:
        prepositions = tuple(_words(data["prepositions"], path, data.get("__line__"), "prepositions"))
    else:  # a user's file: the prepositions of the bundled one
        prepositions = bundled_prepositions()
    for i, raw in enumerate(entries):
        e = _check_verb(raw, i, path, prepositions)
        if e["stem"] in verbs:
            raise InputError(f"stem {e['stem']!r} has two entries (the first on line {verbs[e['stem']]['line']}): "
                             "write one entry with all its forms", path, e["line"], f"verbs[{i}].stem")
        for form in e["forms"]:
            if form in owner:
                raise InputError(f"form {form!r} is also a form of {owner[form]!r}: a written form belongs "
                                 "to one stem", path, e["line"], f"verbs[{i}].forms.{form}")
            owner[form] = e["stem"]
        verbs[e["stem"]] = e
    parts = data.get("participles") or {"__line__": None}
    participles = _agreement_map(parts, path, data.get("__line__"), "participles") if len(parts) > 1 else {}
    bi = _words(data.get("participles_bi", []), path, data.get("__line__"), "participles_bi", allow_empty=True)
    plain = _words(data.get("participles_plain", []), path, data.get("__line__"), "participles_plain",
                   allow_empty=True)
    for key, words in (("participles_bi", bi), ("participles_plain", plain)):
        stray = [p for p in words if p not in participles]
        if stray:
            raise InputError(f"{stray[0]!r} is not among the participles", path, data.get("__line__"), key)
    masdars = _words(data.get("masdars", []), path, data.get("__line__"), "masdars", allow_empty=True)
    masdar_objects = _masdar_objects(data.get("masdar_objects"), masdars, prepositions, path, data.get("__line__"))
    return {"verbs": verbs, "prepositions": prepositions, "participles": participles, "participles_bi": bi,
            "participles_plain": plain, "masdars": masdars, "masdar_objects": masdar_objects}


def _masdar_objects(value, masdars, prepositions, path, line) -> dict[str, str]:
    """``masdar_objects``: verbal noun -> ``object`` or one of the prepositions; each must be
    listed under ``masdars`` too (that is what makes it a trigger)."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise InputError("expected a mapping of verbal nouns to object or a preposition", path, line,
                         "masdar_objects")
    out = {}
    for noun, where in value.items():
        if noun == "__line__":
            continue
        field = f"masdar_objects.{noun}"
        if where != "object" and where not in prepositions:
            raise InputError(f"expected object or one of {', '.join(sorted(prepositions))}, got {where!r}",
                             path, value.get("__line__"), field)
        if noun not in masdars:
            raise InputError(f"{noun!r} is not among the masdars", path, value.get("__line__"), field)
        out[noun] = where
    return out


@functools.lru_cache(maxsize=1)
def bundled_prepositions() -> tuple[str, ...]:
    """The prepositions a verb entry may name (``prepositions`` of the bundled verbs.yaml)."""
    return read_verbs(DATA / "verbs.yaml")["prepositions"]


WORD_LISTS = ("object_adverbs", "time_words", "time_modifiers", "adjunct_heads", "speech_event_nouns",
              "speech_event_stems", "relatives", "impersonal_speakers", "addressee_only", "clause_openers",
              "clause_connectives",
              "non_comp_governors", "conditional_followers", "negations", "name_mark_governors",
              "generic_body_heads", "reporting_masdars", "months", "pronoun_prepositions", "not_speaker_start",
              "prepositions", "time_heads_or_adjectives", "aside_heads", "not_before_subject_verb",
              "relative_of", "office_stems", "statement_stems", "feminine_titles", "first_person", "generic_names",
              "issued", "issued_by", "event_prepositions", "announcers", "clause_pronouns", "time_nouns",
              "year_nouns", "hal_governors", "thus", "manner_adverbs", "what",
              "auxiliaries", "fixed_modifiers", "title_links", "feminine_name_ends",
              "demonstratives", "according_not_speaker", "informed_words", "initials", "statement_openers", "statement_pointers",
              "statement_owner_verbs", "verbal_noun_governors", "ordinals_before_noun", "participles_before_ila",
              "pronoun_connectives", "pronoun_connectives_after", "exception_words", "clause_after_comma",
              "statement_owner_skip", "statement_owner_ends", "statement_tongue",
              "participle_not_after", "apposition_pronouns", "name_particles",
              "ministry_and_minister", "quantity_prefixes", "affiliation_adjectives",
              "honorific_pronouns", "not_bi_prefix", "self_words", "object_links", "bare_inna",
              "nisba_endings", "definite_prefixes", "issue_verbs",
              "refusal_verbs", "refusals", "withheld_names", "dual_nisba_endings", "passive_after_relative", "before_demonstrative",
              "demonstrative_governors", "haythu", "nasab", "name_compound_heads", "family_word", "family_heads", "time_adjectives", "own_side", "quantifiers", "subordinators",
              "weekdays", "day_parts", "month_ordinals",
              "quote_prepositions")
PATTERNS = ("furniture", "link_line", "dateline", "connective", "media_speaker", "tail", "narration_after_comma",
            "object_clause_after_comma", "new_clause", "according_to",
            "connectives_left", "inner_connective", "adjunct_opening", "from_pronoun", "auxiliary_end", "amma",
            "complementizer", "announce", "leading_complementizer", "quotation_opening", "resumptive_fi", "qawluhu_end", "fi", "fi_only", "left_trail", "reported_from", "fronted_then", "then_inna", "sabaqa_li", "spoken_for", "verbal_noun", "waw_verbal_noun")


def _top_level_key_lines(path) -> dict[str, int]:
    """The line of each top-level key of a YAML file («key:» at the start of a line), so that an
    error names the line of the list it is about, not the file's first."""
    try:
        text = read_text(path)
    except (OSError, InputError):
        return {}
    return {m.group(1): n for n, ln in enumerate(text.splitlines(), 1) if (m := _TOP_KEY.match(ln))}


_TOP_KEY = regex.compile(r"^([A-Za-z_][A-Za-z0-9_]*):")


def read_words(path: str | Path = DATA / "words.yaml", data=None) -> dict:
    """A checked words file: each list as a tuple, ``anaphoric_heads`` as a dict, ``patterns``
    compiled; ``data``: the file already parsed by :func:`read_yaml_strict`."""
    data = read_yaml_strict(path) if data is None else data
    line = data.get("__line__") if isinstance(data, dict) else 1
    if not isinstance(data, dict):
        raise InputError("expected a mapping of word lists", path, line)
    out: dict = {}
    key_lines = _top_level_key_lines(path)
    for key in WORD_LISTS:
        if key not in data:
            raise InputError("missing word list", path, line, key)
        out[key] = tuple(_words(data[key], path, key_lines.get(key, line), key))
    heads = data.get("anaphoric_heads")
    if not isinstance(heads, dict):
        raise InputError("expected a mapping of generic heads to a kind", path, line, "anaphoric_heads")
    out["anaphoric_heads"] = {}
    for k, v in heads.items():
        if k == "__line__":
            continue
        if v not in ANAPHOR_KINDS:
            raise InputError(f"expected one of {', '.join(sorted(ANAPHOR_KINDS))}, got {v!r}", path,
                             heads.get("__line__"), f"anaphoric_heads.{k}")
        out["anaphoric_heads"][k] = v
    out["honorific_antecedents"] = {}
    ante = data.get("honorific_antecedents")
    if not isinstance(ante, dict):
        raise InputError("expected a mapping of honorific pronouns to the words of their antecedents", path,
                         line, "honorific_antecedents")
    for k, v in ante.items():
        if k != "__line__":
            out["honorific_antecedents"][k] = tuple(_words(v, path, ante.get("__line__"),
                                                           f"honorific_antecedents.{k}"))
    pats = data.get("patterns")
    if not isinstance(pats, dict):
        raise InputError("expected a mapping of named patterns", path, line, "patterns")
    out["patterns"] = {}
    for key in PATTERNS:
        try:
            out["patterns"][key] = regex.compile(pats[key])
        except KeyError:
            raise InputError("missing pattern", path, pats.get("__line__"), f"patterns.{key}") from None
        except regex.error as exc:
            raise InputError(f"not a valid regular expression: {exc}", path, pats.get("__line__"),
                             f"patterns.{key}") from None
    unknown = set(data) - set(WORD_LISTS) - {"anaphoric_heads", "honorific_antecedents", "patterns", "__line__"}
    if unknown:
        first = sorted(unknown)[0]
        raise InputError(f"unknown word list {first!r}", path, key_lines.get(first, line), first)
    return out


@functools.lru_cache(maxsize=1)
def _titles() -> dict:
    """The registry's ``titles.yaml``, read once for the word sets below."""
    return yaml.load(read_text(TITLES), Loader=_Loader)


def _with_bare_alef(words: set[str]) -> frozenset[str]:
    """The words and their spellings with alef-hamza written without it («الامير»)."""
    return frozenset(words | {w.replace("أ", "ا").replace("إ", "ا") for w in words})


@functools.lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Title words after which a name follows («البابا فرنسيس», «الأمير محمد بن سلمان»), from
    the registry's ``titles.yaml``: every one-word title and honorific, and the first word of
    each title phrase that a name may follow directly («نائب», «وزير» ...), with the spellings
    of alef-hamza written without it («الامير»)."""
    words = {p for t in _titles().get("titles") or [] for p in t.get("phrases") or [] if len(p.split()) == 1}
    return _with_bare_alef(words) | honorific_words()


@functools.lru_cache(maxsize=1)
def honorific_words() -> frozenset[str]:
    """The one-word honorifics of the registry's ``titles.yaml`` («الدكتور», «الشيخ», «معالي»):
    a name follows them."""
    return _with_bare_alef({h for h in _titles().get("honorifics") or [] if len(h.split()) == 1})


@functools.lru_cache(maxsize=1)
def body_heads() -> frozenset[str]:
    """The first word of every body word of the registry's ``titles.yaml`` («قيادة», «مجلس»
    of «مجلس الوزراء», «وزارة»), without the article: heads of an unknown body's name."""
    heads = {p.split()[0] for ws in (_titles().get("body_words") or {}).values() if isinstance(ws, list)
             for p in ws if p.split()}
    return frozenset(h[2:] if h.startswith("ال") else h for h in heads)


@functools.lru_cache(maxsize=2)
def title_heads(unnamed: bool = True) -> frozenset[str]:
    """The first word of every title phrase and honorific of the registry's ``titles.yaml``
    («الأمين» of «الأمين العام», «السفير»), and with ``unnamed`` of every unnamed-official head
    («مصدر»): words that open a speaker's noun phrase."""
    data = _titles()
    phrases = [p for t in data.get("titles") or [] for p in t.get("phrases") or []]
    phrases += list(data.get("honorifics") or [])
    if unnamed:
        phrases += list(data.get("unnamed_heads") or [])
    return _with_bare_alef({p.split()[0] for p in phrases if p.split()})


@functools.lru_cache(maxsize=1)
def feminine_places() -> frozenset[str]:
    """Place names a verb before them agrees with in the feminine («حذرت روسيا», «أعلنت
    طهران»), from the registry's ``countries.yaml``: every country name and capital, normalized,
    but for the names marked ``masculine`` there («أعلن العراق», «رفض لبنان»)."""
    from stance.text import normalize_ar

    countries = yaml.load(read_text(COUNTRIES), Loader=_Loader)["countries"]
    places = set()
    for c in countries.values():
        masculine = set(c.get("masculine") or [])
        places |= {n for n in list(c.get("names") or []) + list(c.get("capitals") or []) if n not in masculine}
    return frozenset(normalize_ar(p) for p in places)
