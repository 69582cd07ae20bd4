"""Words that say who speaks: tokens, phrase tables, country words and title words.

Everything is matched on :func:`stance.text.normalize_ar` tokens. A :class:`PhraseTable` maps
token sequences to payloads and finds them leftmost-longest in a mention, also where the
first word carries a clitic («وبوتين», «للأمم المتحدة», «لسوريا»). The :class:`Lexicon`
holds the country and title tables built from ``data/countries.yaml`` and ``data/titles.yaml``.
All objects are plain data (dicts, tuples), so registries pickle.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any, Iterator, NamedTuple

import regex

from stance.text import normalize_ar

_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}]+")


class Token(NamedTuple):  # named tuples, not frozen dataclasses: made for every word of
    # every mention and every phrase match, where a frozen dataclass's __init__ cost ~3% of extraction
    orig: str  # as written
    norm: str  # normalize_ar(orig)


_norm_token = functools.lru_cache(maxsize=16384)(normalize_ar)  # words repeat: normalize each once


_NAME_AFTER_GIVEN = frozenset(("ال", "بن", "ابن", "بنت"))  # «آل» (normalized) and nasab links after a first name


def tokenize(text: str) -> list[Token]:
    """Word tokens of ``text`` (punctuation, '#', '_' and quotes split words and vanish)."""
    out = []
    for m in _TOKEN.finditer(text or ""):
        norm = _norm_token(m.group())
        if norm:
            out.append(Token(m.group(), norm))
    return out


def norm_phrase(text: str) -> tuple[str, ...]:
    """A phrase as a tuple of normalized tokens («الخارجيّة السورية» -> ('الخارجيه', 'السوريه'))."""
    return tuple(t.norm for t in tokenize(text))


@functools.lru_cache(maxsize=16384)
def clitic_variants(tok: str) -> tuple[str, ...]:
    """Readings of a token without a leading clitic, the token itself first (memoized: the
    same words recur in every article).

    و/ف (and, so) then ل/ب/ك (to, with, as); «لل» before a definite noun is ل + ال.
    """
    out = [tok]
    bases = [tok]
    if len(tok) > 3 and tok[0] in "وف":
        bases.append(tok[1:])
        out.append(tok[1:])
    for b in bases:
        if len(b) > 3 and b.startswith("لل"):
            out.append("ال" + b[2:])
        elif len(b) > 3 and b[0] in "لبك":
            out.append(b[1:])
    return tuple(dict.fromkeys(out))


class Match(NamedTuple):
    start: int  # token index
    end: int  # exclusive
    payloads: tuple  # everything stored under the phrase
    phrase: tuple[str, ...]
    clitic: bool  # the first token matched only without its clitic


_STARTS_MAX = 20000  # memo entries per table (the common words of a corpus)


class PhraseTable:
    """Token-sequence -> payloads, searched leftmost-longest."""

    def __init__(self):
        self._by_first: dict[str, dict[tuple[str, ...], list[Any]]] = {}
        self._lengths: dict[str, tuple[int, ...]] = {}  # phrase lengths per first token, longest first
        # token -> its readings (index among clitic_variants, form) that start a phrase: most
        # words have none, and a look-up at them is then one dictionary access (memoized)
        self._starts: dict[str, tuple[tuple[int, str], ...]] = {}
        self._start_forms: frozenset | None = None

    def add(self, phrase: tuple[str, ...] | str, payload: Any) -> None:
        if isinstance(phrase, str):
            phrase = norm_phrase(phrase)
        if not phrase:
            return
        bucket = self._by_first.setdefault(phrase[0], {}).setdefault(phrase, [])
        if payload not in bucket:
            bucket.append(payload)
        self._starts.clear()
        self._start_forms = None
        lengths = set(self._lengths.get(phrase[0], ())) | {len(phrase)}
        self._lengths[phrase[0]] = tuple(sorted(lengths, reverse=True))

    def __contains__(self, phrase) -> bool:
        if isinstance(phrase, str):
            phrase = norm_phrase(phrase)
        return bool(phrase) and phrase in self._by_first.get(phrase[0], {})

    def get(self, phrase) -> list:
        if isinstance(phrase, str):
            phrase = norm_phrase(phrase)
        if not phrase:
            return []
        return list(self._by_first.get(phrase[0], {}).get(phrase, []))

    def phrases(self) -> Iterator[tuple[str, ...]]:
        for d in self._by_first.values():
            yield from d

    def match_at(self, norms: list[str], i: int, *, clitics: bool = True) -> Match | None:
        """The longest phrase starting at token ``i`` (exact first token preferred)."""
        tok = norms[i]
        if clitics:
            readings = self._starts.get(tok)
            if readings is None:
                readings = self._readings(tok)
        else:
            readings = ((0, tok),) if tok in self._by_first else ()
        for k, first in readings:
            bucket = self._by_first[first]
            for n in self._lengths[first]:  # longest first: one dictionary lookup per length
                if i + n > len(norms):
                    continue
                phrase = (first,) + tuple(norms[i + 1:i + n])
                payloads = bucket.get(phrase)
                if payloads is not None:
                    # a reading of the token as written beats a clitic reading
                    return Match(i, i + n, tuple(payloads), phrase, k > 0)
        return None

    def start_forms(self) -> frozenset:
        """Every written form a phrase's first token can take with a leading clitic (a superset
        of what :meth:`can_start` accepts), for a set intersection over many words at once."""
        if self._start_forms is None:
            forms = set()
            for f in self._by_first:
                for g in [f] + [c + f for c in "لبك"] + (["لل" + f[2:]] if f.startswith("ال") else []):
                    forms.update((g, "و" + g, "ف" + g))
            self._start_forms = frozenset(forms)
        return self._start_forms

    def _readings(self, tok: str) -> tuple[tuple[int, str], ...]:
        if len(self._starts) >= _STARTS_MAX:
            self._starts.clear()  # bounded: memory stays flat on any corpus
        found = self._starts[tok] = tuple((k, v) for k, v in enumerate(clitic_variants(tok)) if v in self._by_first)
        return found

    def can_start(self, tok: str) -> bool:
        """Whether a phrase can start at ``tok`` (read with or without a clitic); memoized."""
        readings = self._starts.get(tok)
        if readings is None:
            readings = self._readings(tok)
        return bool(readings)

    def scan(self, norms: list[str], start: int = 0, *, clitics: bool = True) -> list[Match]:
        """Non-overlapping matches, leftmost-longest, from token ``start``."""
        out, i = [], start
        can_start, by_first = self.can_start, self._by_first
        while i < len(norms):
            # most words start no phrase: one dictionary lookup skips them
            if not (can_start(norms[i]) if clitics else norms[i] in by_first):
                i += 1
                continue
            m = self.match_at(norms, i, clitics=clitics)
            if m is None:
                i += 1
            else:
                out.append(m)
                i = m.end
        return out


# ------------------------------------------------------------------------- countries

def adjective_forms(stem: str) -> dict[str, list[str]]:
    """Forms of a nisba adjective (each word of a multi-word one inflected alike).

    >>> adjective_forms("سوري")["f_def"]
    ['السورية']
    """
    words = stem.split()

    def each(prefix: str, suffix: str) -> str:
        return " ".join(prefix + w + suffix for w in words)

    return {
        "m": [each("", ""), each("ال", "")],
        "f": [each("", "ة"), each("ال", "ة")],
        "pl": [each("", "ون"), each("", "ين"), each("ال", "ون"), each("ال", "ين"), each("", "ات"),
               each("ال", "ات")],
        # the dual (its -ين is the plural's): «مسؤولان أمريكيان», read like a broken plural (in a
        # mention, not as a sentence's country: «مواطنان أمريكيان» were the victims, not the police)
        "dual": [each("", "ان"), each("ال", "ان"), each("", "تان"), each("ال", "تان")],
        "f_def": [each("ال", "ة")],
        "m_def": [each("ال", "")],
        "m_indef": [each("", "")],
    }


@dataclass(frozen=True)
class CountryRef:
    code: str
    kind: str  # adjective | plural (a broken plural: أتراك) | name | capital | place (a city: حلب)


@dataclass(frozen=True)
class Title:
    office: str
    role: str
    scope: str = "country"  # country | anywhere | none
    default_country: str | None = None
    countries: tuple[str, ...] = ()
    not_countries: tuple[str, ...] = ()  # whose head the title never names («الرئيس»: no king)
    body_office: str | None = None
    at_body: tuple[tuple[str, str], ...] = ()
    speaker_country: str | None = None
    dependent: bool = False
    plural: bool = False


@dataclass
class Lexicon:
    """Country and title words, with the tables to find them in a mention."""

    countries: dict[str, dict] = field(default_factory=dict)
    country_table: PhraseTable = field(default_factory=PhraseTable)
    place_table: PhraseTable = field(default_factory=PhraseTable)  # cities, provinces (countries.yaml places)
    adjective_phrases: set = field(default_factory=set)  # normalized single/multi-token adjectives
    offices: dict[str, str] = field(default_factory=dict)  # office key -> role
    title_table: PhraseTable = field(default_factory=PhraseTable)
    unnamed_table: PhraseTable = field(default_factory=PhraseTable)
    unnamed_prefixes: PhraseTable = field(default_factory=PhraseTable)
    group_heads: PhraseTable = field(default_factory=PhraseTable)  # «ناشطون», «شهود عيان»
    evaluative: PhraseTable = field(default_factory=PhraseTable)  # «كبير», «مطلع» (after the nisba)
    office_bodies: dict = field(default_factory=dict)  # role -> head word of the body it speaks through
    honorifics: PhraseTable = field(default_factory=PhraseTable)
    modifiers: PhraseTable = field(default_factory=PhraseTable)
    former: set = field(default_factory=set)
    body_words: PhraseTable = field(default_factory=PhraseTable)
    given_names: frozenset = frozenset()
    unnamed_agreement: dict = field(default_factory=dict)  # head noun -> adjective form
    name_markers: frozenset = frozenset()
    emphatics: frozenset = frozenset()  # «نفسه», «ذاته»
    topic_nouns: frozenset = frozenset()  # «الشؤون», «الملف»: a country word after one is a topic
    topic_plurals: frozenset = frozenset()  # «الشؤون»: feminine agreement
    ruling_families: PhraseTable = field(default_factory=PhraseTable)  # «آل ثاني» -> QAT

    # -------------------------------------------------------------- building
    @classmethod
    def build(cls, countries: dict, titles: dict, places: dict | None = None) -> "Lexicon":
        lex = cls()
        for code, names in (places or {}).items():
            for n in names or []:
                lex.place_table.add(n, CountryRef(code, "place"))
        for code, c in countries.items():
            lex.countries[code] = c
            for stem in c.get("adjective") or []:
                for key, forms in adjective_forms(stem).items():
                    for f in forms:
                        p = norm_phrase(f)
                        lex.country_table.add(p, CountryRef(code, "plural" if key == "dual" else "adjective"))
                        lex.adjective_phrases.add(p)
            for form in c.get("plural") or []:  # broken plurals: «أتراك», «الأتراك»
                for f in (form, "ال" + form):
                    p = norm_phrase(f)
                    lex.country_table.add(p, CountryRef(code, "plural"))
                    lex.adjective_phrases.add(p)
            for n in c.get("names") or []:
                lex.country_table.add(n, CountryRef(code, "name"))
            for n in c.get("capitals") or []:
                lex.country_table.add(n, CountryRef(code, "capital"))
        lex.offices = dict(titles["offices"])
        for t in titles["titles"]:
            title = Title(
                office=t["office"], role=lex.offices[t["office"]], scope=t.get("scope", "country"),
                default_country=t.get("default_country"), countries=tuple(t.get("countries") or ()),
                not_countries=tuple(t.get("not_countries") or ()),
                body_office=t.get("body_office"),
                at_body=tuple(sorted((t.get("at_body") or {}).items())),
                speaker_country=t.get("speaker_country"), dependent=bool(t.get("dependent")),
                plural=bool(t.get("plural")))
            for p in t["phrases"]:
                if norm_phrase(p) not in lex.title_table:  # first definition of a phrase wins
                    lex.title_table.add(p, title)
        # word lists -> the phrase table that finds them in a mention
        for key, table in (("unnamed_heads", lex.unnamed_table), ("unnamed_prefixes", lex.unnamed_prefixes),
                           ("group_heads", lex.group_heads), ("evaluative", lex.evaluative),
                           ("honorifics", lex.honorifics), ("modifiers", lex.modifiers)):
            for w in titles.get(key) or []:
                table.add(w, True)
        lex.office_bodies = dict(titles.get("office_bodies") or {})
        lex.former = {norm_phrase(w) for w in titles.get("former") or []}
        for role, words in (titles.get("body_words") or {}).items():
            for w in words:
                lex.body_words.add(w, role)
        lex.given_names = frozenset(normalize_ar(w).replace(" ", "") for w in titles.get("given_names") or [])
        for form, words in (titles.get("unnamed_agreement") or {}).items():
            for w in words:
                lex.unnamed_agreement[normalize_ar(w)] = form
        lex.name_markers = frozenset(normalize_ar(w) for w in titles.get("name_markers") or [])
        lex.emphatics = frozenset(normalize_ar(w) for w in titles.get("emphatics") or [])
        lex.topic_nouns = frozenset(normalize_ar(w) for w in titles.get("topic_nouns") or [])
        lex.topic_plurals = frozenset(normalize_ar(w) for w in titles.get("topic_plurals") or [])
        for code, families in (titles.get("ruling_families") or {}).items():
            for f in families:
                lex.ruling_families.add(f, code)
        return lex

    # -------------------------------------------------------------- queries
    def country_at(self, norms: list[str], i: int, *, clitics: bool = True) -> tuple[CountryRef, int] | None:
        """A country word starting at token ``i``: (ref, end index)."""
        if i >= len(norms):
            return None
        m = self.country_table.match_at(norms, i, clitics=clitics)
        if m is None or _before_bin(norms, m.end):
            return None
        return m.payloads[0], m.end

    @staticmethod
    def nisba_first_name(norms: list[str], i: int, ref: CountryRef) -> bool:
        """Whether the country adjective ``ref`` at ``norms[i]`` is a first name: an indefinite
        nisba right after a definite word is no adjective of it («الأمير تركي الفيصل», «العقيد
        الركن تركي المالكي»; «الرئيس التركي», «مسؤول تركي» are adjectives)."""
        return i > 0 and ref.kind == "adjective" and not norms[i].startswith("ال") and norms[i - 1].startswith("ال")

    def country_word(self, norms: list[str], i: int, *, clitics: bool = True) -> tuple[CountryRef, int] | None:
        """:meth:`country_at`, but not a nisba that is a first name (:meth:`nisba_first_name`)."""
        c = self.country_at(norms, i, clitics=clitics)
        return None if c is not None and self.nisba_first_name(norms, i, c[0]) else c

    def opens_head(self, word: str) -> bool:
        """Whether a normalized word is a head that opens a noun phrase of its own: an unnamed
        official, a group of people or a body («مصادر», «ناشطون», «وزارة»)."""
        return any(t.match_at([word], 0, clitics=False) is not None
                   for t in (self.unnamed_table, self.group_heads, self.body_words))

    def first_country(self, norms: list[str], start: int = 0, *, plural: bool = True) -> tuple[CountryRef, int, int] | None:
        """The first country word from ``start``: (ref, start, end). A definite adjective right
        after a first name is a family name («منصور التركي», «محمد المصري»), no country;
        ``plural=False`` skips broken plurals («الروس»)."""
        for m in self.country_table.scan(norms, start):
            if not plural and m.payloads[0].kind == "plural":
                continue
            if self.family_name_at(norms, m.start):
                continue
            if self.nisba_first_name(norms, m.start, m.payloads[0]):
                continue  # «الأمير تركي الفيصل»
            if _before_bin(norms, m.end):
                continue  # «تركي بن عبد الله»: a first name
            if self.names_a_topic(norms, m.start):
                continue  # «الخبير في الشؤون التركية»: what he studies, not his country
            return m.payloads[0], m.start, m.end
        return None

    def family_name_at(self, norms: list[str], i: int) -> bool:
        """Whether the country adjective at ``norms[i]`` is part of a person's name, no country: a
        definite one after a first name is a family name («منصور التركي», «مراد التركي»); an
        indefinite one before «آل» or a nasab link is a first name («تركي آل الشيخ», «لتركي بن طلال»)."""
        if i > 0 and norms[i].startswith("ال") and self.is_given_name(norms[i - 1]):
            return True
        return i + 1 < len(norms) and not norms[i].startswith("ال") and norms[i + 1] in _NAME_AFTER_GIVEN

    def topic_noun(self, word: str) -> bool:
        """Whether ``word`` (with or without a clitic) is a topic noun («الشؤون», «للملف»)."""
        return self._topic(word, self.topic_nouns)

    def names_a_topic(self, norms: list[str], i: int) -> bool:
        """Whether the country word at ``i`` modifies a topic noun before it («الشؤون التركية»,
        «للشؤون الأوروبية», «بالملف السوري», «شؤون اليونان»; «الشؤون السياسية الإيرانية» after a
        second feminine adjective) rather than naming the person's country («وزير الشؤون الخارجية
        الإيراني»)."""
        if i >= 1 and self.topic_noun(norms[i - 1]):
            return True
        return (i >= 2 and self._topic(norms[i - 2], self.topic_plurals) and norms[i - 1].startswith("ال")
                and norms[i].endswith("ه") and norms[i - 1].endswith("ه"))

    @staticmethod
    def _topic(word: str, nouns: frozenset) -> bool:
        return any(v in nouns for v in (word, *clitic_variants(word)[1:]))

    def skip_honorifics(self, norms: list[str], i: int = 0) -> int:
        while i < len(norms):
            m = self.honorifics.match_at(norms, i, clitics=False)
            if m is None:
                break
            i = m.end
        return i

    def skip_modifiers(self, norms: list[str], i: int) -> tuple[int, bool]:
        """Skip «السابق», «الحالي»...: (next index, whether one meant a former holder)."""
        former = False
        while i < len(norms):
            m = self.modifiers.match_at(norms, i, clitics=False)
            if m is None:
                break
            former = former or m.phrase in self.former
            i = m.end
        return i, former

    def unnamed_head(self, norms: list[str], i: int = 0) -> int | None:
        """Where an unnamed-official head («مسؤول», «مصادر») opens the mention, its end index."""
        while i < len(norms):
            m = self.unnamed_prefixes.match_at(norms, i, clitics=False)
            if m is None:
                break
            i = m.end
        if i >= len(norms):
            return None
        m = self.unnamed_table.match_at(norms, i)
        return m.end if m is not None else None

    def is_given_name(self, tok: str, orig: str = "") -> bool:
        if orig.endswith(("ى", "ىٰ")) and tok in _YA_FUNCTION_WORDS:
            return False  # «على», «إلى» fold to «علي», «الي» under normalization (not «مصطفى», «موسى»)
        if tok == "ان" and orig.lstrip("وفل")[:1] in ("أ", "إ"):
            return False  # the complementizers «أن», «إن» fold to «ان», the name «آن»
        return tok in self.given_names or any(v in self.given_names for v in clitic_variants(tok)[1:])


# function words written with a final «ى» that fold onto a given name («على» -> «علي»)
_YA_FUNCTION_WORDS = frozenset({"علي", "الي", "حتي", "لدي", "متي", "سوي"})


def _before_bin(norms: list[str], end: int) -> bool:
    """Whether «بن»/«ابن» follows at ``end``: the word before it is a first name («تركي بن
    عبد الله», «الأمير تركي بن محمد»), not a country's adjective."""
    return end < len(norms) - 1 and norms[end] in ("بن", "ابن")
