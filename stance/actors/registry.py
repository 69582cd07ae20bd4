"""The actor registry: who a speaker mention refers to.

>>> from stance.actors import Registry
>>> reg = Registry.load()
>>> reg.resolve("الرئيس السوري", date="2015-03-01").name
'بشار الأسد'
>>> reg.resolve("وزير الخارجية العراقي", date="2023-06-01").name
'فؤاد حسين'
>>> a = reg.resolve("مسؤول لبناني", article_id="a1")
>>> a.role, a.country, a.id
('official_unnamed', 'LBN', 'x:مسوول لبناني@a1')

How a mention is read (all on :func:`stance.text.normalize_ar` tokens):

1. an unnamed-official head opening it («مسؤول …», «مصادر …») -> an unnamed official of
   this article (a canonical description from ``unnamed.yaml`` when one matches);
2. a person's name or alias anywhere in it (the earliest one: «محمود عفيفي المتحدث باسم
   أمينها العام أحمد أبو الغيط» is عفيفي);
3. a title («وزير الخارجية العراقي», «الأمين العام لحزب الله», «المتحدث باسم الخارجية
   الإيرانية») -> the office holder on the article's date; without a date, or with no holder
   then, a holder the article names, else (undated only) the latest holder;
4. a body («الخارجية السورية», «دمشق», «الحلف الأطلسي»); a country's name speaks for its
   foreign ministry when the article quotes that ministry, else for its government;
5. otherwise an unknown actor (``known=False``): the mention cleaned of honorifics, country
   and role read from its title words (:meth:`Registry.title_info`).
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import functools
import itertools
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, NamedTuple

import regex

from stance.io import InputError
from stance.text import normalize_ar, parse_date

from .describe import canonical_unnamed, trim_after_country, with_country
from .lexicon import (Lexicon, Match, PhraseTable, Title, adjective_forms, clitic_variants, norm_phrase,
                      tokenize)
from .schema import complete, parse_actor_file, read_yaml, strip_lines

DATA_DIR = Path(__file__).parent / "data"
BUNDLED = ("people.yaml", "bodies.yaml", "unnamed.yaml")
_ROLE_RANK = {"head_of_state": 0, "head_of_government": 1, "foreign_minister": 2}
_NEAR_DAYS = 183  # a holder the article names counts up to half a year off the date
_BODY_ROLES = {"government", "ministry", "militia", "party", "agency", "international_org"}
_STATE_BODY_ROLES = {"government", "ministry", "security_official"}  # titles.yaml body_words of a state
# offices a title may name without a country, when the article names a single holder
_UNSCOPED_OK = {"head_of_state", "head_of_government", "foreign_minister", "minister", "counterpart",
                "un_envoy", "supreme_leader", "pope", "crown_prince", "defense_minister"}


@dataclass(frozen=True)
class Actor:
    """A canonical speaker. ``known`` is False for actors made up from the mention alone."""

    id: str
    name: str
    country: str | None
    role: str
    known: bool = True
    type: str = "person"
    kinds: tuple[str, ...] = ()


@dataclass(frozen=True)
class Office:
    office: str
    country: str | None
    of: str | None
    start: _dt.date | None
    end: _dt.date | None

    def active(self, date: _dt.date) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)

    def distance(self, date: _dt.date) -> int:
        """Days between ``date`` and the term (0 inside it)."""
        if self.active(date):
            return 0
        if self.start is not None and date < self.start:
            return (self.start - date).days
        return (date - self.end).days if self.end is not None else 0


@dataclass(frozen=True)
class _Ref:
    """One alias of one entry."""

    idx: int
    weak: bool = False
    spelling: str | None = None
    kind: str = "alias"  # alias | name | country_name | capital


@dataclass
class Resolution:
    """What :meth:`Registry.explain` found: the actor and how."""

    actor: Actor
    how: str
    matched: str = ""


def _date(value) -> _dt.date | None:
    return parse_date(value) if value not in (None, "") else None


class _ArticleIndex:
    """An article's normalized words, as a list and as ' tok tok ... ' for phrase search, and
    (computed on first need) the same string with a leading و/ف dropped from each token."""

    __slots__ = ("words", "plain", "_stripped")

    def __init__(self, text: str):
        norm = normalize_ar(text)  # its words joined by single spaces
        self.words = norm.split()
        self.plain = " " + norm + " "
        self._stripped = None

    @property
    def stripped(self) -> str:
        if self._stripped is None:  # a و/ف dropped before the last 3 letters or more of a word
            self._stripped = _LEADING_WA_FA.sub(" ", self.plain)
        return self._stripped


_LEADING_WA_FA = regex.compile(r" [وف](?=[^ ]{3})")
_TONGUE = regex.compile(r"(?:^|[\s،,])على\s+لسان\s+")  # «X، على لسان Y»: Y speaks for X


@functools.lru_cache(maxsize=32)
def _article_index(text: str) -> _ArticleIndex:
    return _ArticleIndex(text)


def _in_article(phrase: tuple[str, ...], article: _ArticleIndex | None) -> bool:
    if not article or not phrase:
        return False
    needle = " " + " ".join(phrase) + " "
    return needle in article.plain or needle in article.stripped


def _article_pos(phrase: tuple[str, ...], article: _ArticleIndex | None) -> int:
    if not article or not phrase:
        return -1
    needle = " " + " ".join(phrase) + " "
    pos = [p for p in (article.plain.find(needle), article.stripped.find(needle)) if p >= 0]
    return min(pos) if pos else -1


_KINGDOM_WORDS = frozenset(p + "المملكه" for p in ("", "و", "ف", "ب", "وب", "ل"))  # ل + ال -> «للمملكه»
_KINGDOM_WORDS |= {"للمملكه", "وللمملكه"}


@functools.lru_cache(maxsize=1)
def _kingdoms() -> dict[str, str]:
    """The countries one of whose names is «المملكة ...» or «مملكة ...» (code -> code), and
    under "" the kingdom a bare «المملكة» means when an article names none (countries.yaml
    ``bare_kingdom``)."""
    data = strip_lines(read_yaml(DATA_DIR / "countries.yaml"))
    out = {code: code for code, c in data["countries"].items()
           if any(normalize_ar(n).split()[0] in ("المملكه", "مملكه") for n in c.get("names") or [])}
    if data.get("bare_kingdom"):
        out[""] = data["bare_kingdom"]
    return out


@functools.lru_cache(maxsize=32)
def _country_words(text: str) -> tuple[dict[str, int], str | None, int]:
    """How often an article names each country (names, capitals, adjectives; not «INT» nor a
    broken plural), the kingdom a bare «المملكة» means there (the kingdom the article names
    most, or with none named countries.yaml's ``bare_kingdom``: the Saudi press writes of its
    own country so) and how often it writes «المملكة» alone; each such one counts for that kingdom."""
    lex = bundled_lexicon()
    counts: dict[str, int] = {}
    table = lex.country_table
    words = _article_index(text).words
    wanted = {w for w in set(words) & table.start_forms() if table.can_start(w)}  # few are country words
    kingdom = _KINGDOM_WORDS & set(words)
    end, bare_kingdom = 0, 0
    for i in [i for i, w in enumerate(words) if w in wanted or w in kingdom]:
        m = table.match_at(words, i) if i >= end else None
        if m is None:
            bare_kingdom += i >= end and words[i] in kingdom  # «المملكة» alone
            continue
        end = m.end
        code = m.payloads[0].code
        if code != "INT" and m.payloads[0].kind != "plural":  # «الروس»: people, not the country's place in the story
            counts[code] = counts.get(code, 0) + 1
    named = [c for c in counts if c in _kingdoms()]
    the_kingdom = max(named, key=counts.get) if named else _kingdoms().get("")
    if bare_kingdom and the_kingdom:
        counts[the_kingdom] = counts.get(the_kingdom, 0) + bare_kingdom
    return counts, the_kingdom, bare_kingdom


def _bare_kingdom(norms: list[str], lex: Lexicon) -> bool:
    """Whether «المملكة» stands alone in these words (not «المملكة المتحدة», «المملكة المغربية»)."""
    return any(w in _KINGDOM_WORDS and lex.country_at(norms, i) is None for i, w in enumerate(norms))


def _writes_of_its_kingdom(text: str) -> bool:
    """Whether an article writes «المملكة» alone and is mostly about that kingdom."""
    _, kingdom, bare = _country_words(text)
    return bare > 0 and kingdom is not None and _article_country(text) == kingdom


def _article_country(text: str) -> str | None:
    """The country an article is mostly about: its most frequent country word (names, capitals,
    adjectives, a bare «المملكة»), None when there is none or two tie."""
    ranked = sorted(_country_words(text)[0].items(), key=lambda kv: -kv[1])
    if not ranked:
        return None
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return _tie_by_places(text, [c for c, n in ranked if n == ranked[0][1]])
    return ranked[0][0]


_DATELINE_WORDS = 8  # words at an article's start that may be its dateline


def _tie_by_places(text: str, tied: list[str]) -> str | None:
    """Of countries the article names equally often, the one whose cities and provinces it
    names most (countries.yaml ``places``: a story about the fighting at «الحديدة» and «التحيتا»
    that names Yemen and Iran twice each is about Yemen); None when that ties too."""
    lex = bundled_lexicon()
    counts = dict.fromkeys(tied, 0)
    words = _article_index(text).words
    for m in lex.place_table.scan(words, min(len(words), _DATELINE_WORDS)):  # (not a dateline's city:
        # «دبي، الإمارات العربية المتحدة (CNN)—» opens CNN Arabic's stories about anywhere)
        code = m.payloads[0].code
        if code in counts:
            counts[code] += 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if ranked[0][1] == 0 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _country_unnamed(country: str, article_text: str | None) -> bool:
    """Whether an article never names ``country`` (so a weak alias of that country's body there,
    «الدفاع المدني» in a Saudi story, is not that body). False without an article."""
    return bool(article_text) and country not in _country_words(article_text)[0]


@functools.lru_cache(maxsize=8)
def bundled_lexicon() -> Lexicon:
    """The bundled country and title words (``countries.yaml``, ``titles.yaml``): the
    ``lexicon`` of every :class:`Registry` and the one a user's own registry can expose."""
    data = strip_lines(read_yaml(DATA_DIR / "countries.yaml"))
    titles = strip_lines(read_yaml(DATA_DIR / "titles.yaml"))
    return Lexicon.build(data["countries"], titles, data.get("places"))


def _synthesized(lex: Lexicon) -> list[dict]:
    """A government and a foreign ministry for each country of countries.yaml."""
    out = []
    for code, c in lex.countries.items():
        if c.get("synthesize") is False:
            continue
        adjs = c.get("adjective") or []
        names = c.get("names") or []
        caps = c.get("capitals") or []
        fem = ["ال" + " ال".join(w + "ة" for w in a.split()) for a in adjs]
        masc = ["ال" + " ال".join(a.split()) for a in adjs]
        gov_name = c.get("government") or (f"الحكومة {fem[0]}" if fem else f"حكومة {names[0]}")
        mfa_name = c.get("foreign_ministry") or (f"وزارة الخارجية {fem[0]}" if fem else f"وزارة خارجية {names[0]}")
        gov_aliases = [f"الحكومة {f}" for f in fem] + [f"حكومة {n}" for n in names + caps] \
            + [f"السلطات {f}" for f in fem] + [f"سلطات {n}" for n in names + caps] \
            + [f"النظام {m}" for m in masc] + [f"الإدارة {f}" for f in fem] \
            + [f"حكومي {a}" for a in adjs]
        mfa_aliases = [f"وزارة الخارجية {f}" for f in fem] + [f"الخارجية {f}" for f in fem] \
            + [f"وزارة خارجية {n}" for n in names] + [f"خارجية {n}" for n in names]
        lc = code.lower()
        out.append({"id": f"{lc}-government", "name": gov_name, "country": code, "role": "government",
                    "type": "body", "aliases": [], "synth_aliases": gov_aliases, "kinds": ["الحكومة"],
                    "source": "countries.yaml", "line": None, "synth_names": list(names),
                    "synth_capitals": list(caps), "mfa": f"{lc}-foreign-ministry"})
        out.append({"id": f"{lc}-foreign-ministry", "name": mfa_name, "country": code, "role": "ministry",
                    "type": "body", "aliases": [], "synth_aliases": mfa_aliases, "kinds": ["الوزارة", "الخارجية"],
                    "source": "countries.yaml", "line": None})
    return out


def _merge(base: dict, over: dict) -> None:
    """Apply an overriding entry: scalar fields replace, alias lists extend, offices replace."""
    for k in over["given"]:
        if k in ("aliases", "weak", "kinds"):
            base[k] = list(dict.fromkeys(list(base.get(k) or []) + over[k]))
        elif k == "spellings":
            base[k] = list(base.get(k) or []) + over[k]
        else:
            base[k] = over[k]
    base["source"], base["line"] = over["source"], over["line"]


_DEFAULT_TYPES = {"bodies.yaml": "body", "unnamed.yaml": "person", "people.yaml": "person"}


def _file_key(path) -> tuple[str, float]:
    p = Path(path)
    try:
        return str(p.resolve()), p.stat().st_mtime
    except OSError:
        return str(p), -1.0


@functools.lru_cache(maxsize=16)
def _load_cached(keys: tuple[tuple[str, float], ...], bundled: bool) -> "Registry":
    lex = bundled_lexicon()
    offices = set(lex.offices)
    entries: dict[str, dict] = {}
    for e in _synthesized(lex):
        entries[e["id"]] = e
    sources = [DATA_DIR / f for f in BUNDLED] if bundled else []
    user = [Path(k[0]) for k in keys]
    for path in sources + user:
        default_type = _DEFAULT_TYPES.get(path.name) if path.parent == DATA_DIR else None
        for e in parse_actor_file(path, offices, default_type=default_type):
            if e["id"] in entries:
                prev = entries[e["id"]]
                if path in sources and prev["source"] != "countries.yaml" and Path(prev["source"]) in sources \
                        and prev["source"] != str(path):
                    raise InputError(f"id '{e['id']}' is defined twice in the bundled data "
                                     f"(also {prev['source']}:{prev['line']})", path, e["line"], "id")
                _merge(prev, e)
            else:
                complete(e)
                entries[e["id"]] = e
    for e in entries.values():
        for o in e.get("offices") or []:
            if o.get("of") and o["of"] not in entries:
                raise InputError(f"office of unknown actor id '{o['of']}'", e["source"], o.get("line"),
                                 o.get("field", "offices"))
    return Registry(list(entries.values()), lex)


_NAME_LINKS = frozenset(("بن", "ابن", "بنت", "عبد"))  # a name goes on after them
_TOKEN_RE = regex.compile(r"[\p{L}\p{M}\p{N}]+")  # the words of lexicon.tokenize, with their offsets
_NATIONAL = frozenset(("القومي", "الوطني"))  # after an international body's alias: a country's own body


class Registry:
    """Persons and bodies with aliases and dated offices; resolves speaker mentions.

    Build it with :meth:`load`. A registry is immutable and picklable: share one across
    articles and processes.
    """

    def __init__(self, entries: list[dict], lexicon: Lexicon):
        self.lexicon = lexicon
        self._entries = []
        self._by_id: dict[str, int] = {}
        self._aliases = PhraseTable()
        self._name_words: dict[int, frozenset] = {}  # entry -> the words of its names (on demand)
        self._offices: dict[tuple[str, str, str], list[tuple[int, Office]]] = {}
        for e in entries:
            e = dict(e)
            e.setdefault("type", "person")
            e.setdefault("per_article", False)
            e.setdefault("match", True)
            e["offices_"] = tuple(Office(o["office"], o.get("country"), o.get("of"), o.get("start"), o.get("end"))
                                  for o in e.get("offices") or [])
            idx = len(self._entries)
            self._entries.append(e)
            self._by_id[e["id"]] = idx
        explicit: dict[tuple[str, ...], set[int]] = {}
        for idx, e in enumerate(self._entries):
            for a in [e["name"]] + list(e.get("aliases") or []):
                explicit.setdefault(norm_phrase(a), set()).add(idx)
        for idx, e in enumerate(self._entries):
            if not e["match"]:
                continue
            weak = {norm_phrase(w) for w in e.get("weak") or []}
            phrases = [(a, "alias") for a in [e["name"]] + list(e.get("aliases") or [])]
            phrases += [(a, "synth") for a in e.get("synth_aliases") or []]
            phrases += [(a, "country_name") for a in e.get("synth_names") or []]
            phrases += [(a, "capital") for a in e.get("synth_capitals") or []]
            for a, kind in phrases:
                p = norm_phrase(a)
                if not p:
                    continue
                if kind != "alias" and explicit.get(p, set()) - {idx}:
                    continue  # an explicit entry claims it («السلطات الإيرانية»)
                for v in _spelling_variants(p):
                    self._aliases.add(v, _Ref(idx, weak=p in weak, kind="alias" if kind == "synth" else kind))
            for sp_name, sp_aliases in e.get("spellings") or []:
                for a in [sp_name] + sp_aliases:
                    for v in _spelling_variants(norm_phrase(a)):
                        self._aliases.add(v, _Ref(idx, spelling=sp_name))
            for o in e["offices_"]:
                scope = ("country", o.country) if o.country else ("of", o.of)
                self._offices.setdefault((o.office, *scope), []).append((idx, o))
        # phrases that name an entry alone (not shared with another entry), for article support
        owners: dict[tuple[str, ...], set[int]] = {}
        for phrase in self._aliases.phrases():
            for ref in self._aliases.get(phrase):
                if not ref.weak:
                    owners.setdefault(phrase, set()).add(ref.idx)
        self._support: list[list[tuple[str, ...]]] = [[] for _ in self._entries]
        for phrase, idxs in owners.items():
            if len(idxs) == 1:
                self._support[next(iter(idxs))].append(phrase)

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, extra: Iterable[str | os.PathLike] = (), *, bundled: bool = True) -> "Registry":
        """The bundled registry, plus user files in ``extra`` that add or override actors.

        A user entry whose ``id`` exists changes the fields it gives (aliases are added,
        offices replaced); a new ``id`` needs ``name``, ``country`` and ``role``. Loads are
        cached per set of files (and their modification times).
        """
        keys = []
        for p in extra or ():
            if not Path(p).exists():
                raise InputError("no such actors file", p)
            keys.append(_file_key(p))
        return _load_cached(tuple(keys), bundled)

    def __reduce__(self):
        return (_rebuild, (self._entries, self.lexicon))

    # ------------------------------------------------------------------ access
    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, actor_id: str) -> bool:
        return actor_id in self._by_id

    def get(self, actor_id: str, date=None) -> Actor | None:
        idx = self._by_id.get(actor_id)
        return None if idx is None else self._actor(idx, _date(date))

    def actors(self, country: str | None = None, role: str | None = None) -> list[Actor]:
        """All registry actors (undated roles), optionally of one country and/or role."""
        out = []
        for idx, e in enumerate(self._entries):
            if country and e.get("country") != country:
                continue
            if role and e.get("role") != role:
                continue
            out.append(self._actor(idx, None))
        return out

    def offices_of(self, actor_id: str) -> list[Office]:
        idx = self._by_id.get(actor_id)
        return [] if idx is None else list(self._entries[idx]["offices_"])

    def aliases_of(self, actor_id: str) -> list[str]:
        """Every written form that names the actor: aliases, derived forms of countries'
        governments and ministries, and the spellings' names and aliases."""
        idx = self._by_id.get(actor_id)
        if idx is None:
            return []
        e = self._entries[idx]
        out = list(e.get("aliases") or []) + list(e.get("synth_aliases") or []) \
            + list(e.get("synth_names") or []) + list(e.get("synth_capitals") or [])
        for sp_name, sp_aliases in e.get("spellings") or []:
            out += [sp_name] + list(sp_aliases)
        return list(dict.fromkeys(out))

    def spellings_of(self, actor_id: str) -> list[str]:
        """Other display names of the actor, used when the article spells it that way."""
        idx = self._by_id.get(actor_id)
        return [] if idx is None else [n for n, _ in self._entries[idx].get("spellings") or []]

    def entry(self, actor_id: str) -> dict | None:
        """The actor's data as loaded (a copy): name, aliases, offices, source file and line."""
        idx = self._by_id.get(actor_id)
        if idx is None:
            return None
        e = self._entries[idx]
        keep = ("id", "name", "country", "role", "type", "aliases", "weak", "kinds", "spellings",
                "per_article", "source", "line")
        out = {k: e.get(k) for k in keep if e.get(k) not in (None, [], ())}
        out["offices"] = [o.__dict__.copy() for o in e["offices_"]]
        return out

    # ------------------------------------------------------------------ public API
    def resolve(self, mention: str, date=None, article_id: str | None = None,
                article_text: str | None = None) -> Actor:
        """Always an actor: the registry's when it knows the mention, else one made from it."""
        return self.explain(mention, date=date, article_id=article_id, article_text=article_text).actor

    def lookup(self, mention: str, date=None, article_text: str | None = None) -> Actor | None:
        """The registry actor a mention names (names, aliases, titles, bodies), else None."""
        r = self._match(mention or "", _date(date), None, article_text)
        return r.actor if r is not None and r.how != "unnamed" else None

    def explain(self, mention: str, date=None, article_id: str | None = None,
                article_text: str | None = None) -> Resolution:
        """:meth:`resolve` with a note on how the actor was found (for the CLI and debugging)."""
        mention = mention or ""
        d = _date(date)
        counted = self._counted(mention)
        if counted is not None:  # «ثلاثة مسؤولين أمريكيين» are the registry's «مسؤولون أمريكيون»
            r = self._match(counted, d, article_id, article_text)
            if r is not None:
                return r
        r = self._government_of_holder(mention, d, article_id, article_text) \
            or self._match(mention, d, article_id, article_text)
        if r is not None:
            return r
        r = self._without_patronymic(mention, d, article_id, article_text)
        if r is not None:
            return r
        r = self._unknown(mention, article_id, article_text, d)
        if "لسان" in r.actor.name.split():  # the mention read whole, «على لسان» and all
            return self._through_tongue(mention, d, article_id, article_text) or r
        return r

    @staticmethod
    def _counted(mention: str) -> str | None:
        """The mention without the number that counts it («ثلاثة مسؤولين أمريكيين», «عدة دول»:
        speakers.yaml ``numbers``), or None when none opens it."""
        from .speakers import speaker_words

        first, _, rest = mention.strip().partition(" ")
        if not rest.strip() or normalize_ar(first) not in speaker_words().numbers:
            return None
        of, _, counted = rest.strip().partition(" ")
        return counted.strip() if of == "من" and counted.strip() else rest.strip()  # «ثلاثة من المسؤولين»

    def _government_of_holder(self, mention: str, date, article_id, article_text) -> Resolution | None:
        """«حكومة ميركل», «حكومة رئيس الوزراء حيدر العبادي»: a government named by its head is
        that country's government, not the head. None otherwise. (Not «إدارة الرئيس الأمريكي
        دونالد ترامب»: annotators judged the president right for it in the pool.)"""
        first, _, rest = mention.strip().partition(" ")
        if normalize_ar(first) != "حكومه" or not rest.strip():
            return None
        r = self._match(rest.strip(), date, article_id, article_text)
        if r is None or r.actor.type != "person" or r.actor.role not in ("head_of_state", "head_of_government") \
                or not r.actor.country:
            return None
        stems = self.lexicon.countries.get(r.actor.country, {}).get("adjective") or []
        gov = self.lookup(f"الحكومة {adjective_forms(stems[0])['f_def'][0]}", date=date) if stems else None
        if gov is None or gov.type != "body" or gov.country != r.actor.country:
            return None
        return Resolution(gov, f"the government its head names ({r.actor.name})", r.matched)

    def _through_tongue(self, mention: str, date, article_id, article_text) -> Resolution | None:
        """«النيابة العامة الفدرالية البلجيكية، على لسان المتحدثة باسمها وينكي روغن», «الجيش
        الإسرائيلي على لسان ناطقه أفيخاي أدرعي»: the body speaks, through the one after «على
        لسان» (whose mention gives its country when the body's gives none). None when the
        mention has no such phrase."""
        m = _TONGUE.search(mention)
        if m is None:
            return None
        before, after = mention[:m.start()].strip(" ،,"), mention[m.end():].strip(" ،,")
        if not before or not after:
            return None
        r = self.explain(before, date=date, article_id=article_id, article_text=article_text)
        if r.actor.country is None:
            voice = self.explain(after, date=date, article_id=article_id, article_text=article_text).actor
            if voice.country is not None:
                r = Resolution(dataclasses.replace(r.actor, country=voice.country), r.how, r.matched)
        return Resolution(r.actor, r.how + " (before «على لسان»)", r.matched)

    def _without_patronymic(self, mention: str, date, article_id, article_text) -> Resolution | None:
        """«عادل بن أحمد الجبير» is «عادل الجبير»: a person the registry knows by first and family
        name, written with his father's name between them (Gulf outlets' style). Only a person
        match counts, and the name must keep a word after the «بن X» it drops."""
        words = mention.split()
        keep, i, dropped = [], 0, False
        while i < len(words):
            if 0 < i and i + 2 < len(words) and normalize_ar(words[i]) in ("بن", "ابن") \
                    and normalize_ar(words[i + 2]) not in ("بن", "ابن"):
                i, dropped = i + 2, True  # «بن أحمد»
                continue
            keep.append(words[i])
            i += 1
        if not dropped:
            return None
        r = self._match(" ".join(keep), date, article_id, article_text)
        if r is None or r.how != "name" or r.actor.type != "person":
            return None
        return Resolution(r.actor, r.how + " (without the father's name)", r.matched)

    def name_span(self, norms: list[str], i: int) -> int:
        """How many words the registry name or alias starting at ``norms[i]`` has (0: none)."""
        m = self._aliases.match_at(norms, i) if i < len(norms) else None
        return 0 if m is None else m.end - m.start

    def name_at(self, norms: list[str], i: int) -> bool:
        """Whether a registry name or alias (person, body, country, capital) starts at ``norms[i]``."""
        return i < len(norms) and self._aliases.match_at(norms, i) is not None

    def office_body(self, actor: Actor, date=None) -> Actor | None:
        """The body a holder's statements come from: «الرئاسة الفرنسية» for the French
        president, «وزارة الخارجية اللبنانية» for the Lebanese foreign minister; None if unknown."""
        word = self.lexicon.office_bodies.get(actor.role)
        stems = self.lexicon.countries.get(actor.country or "", {}).get("adjective") or []
        if not word or not stems:
            return None
        body = self.lookup(f"{word} {adjective_forms(stems[0])['f_def'][0]}", date=date)
        return body if body is not None and body.type == "body" and body.country == actor.country else None

    def country_spellings(self) -> list[str]:
        """Every country name and capital of countries.yaml (stance.extract.ActorRegistry)."""
        return [s for c in self.lexicon.countries.values()
                for s in list(c.get("names") or []) + list(c.get("capitals") or [])]

    def article_country(self, text: str) -> str | None:
        """The country ``text`` talks about most (ISO alpha-3), None when unclear (cached)."""
        return _article_country(text) if text else None

    def title_info(self, mention: str) -> tuple[str | None, str | None]:
        """(country, role) that the mention's title words say, e.g. «وزير خارجية إيران»
        -> ('IRN', 'foreign_minister'), «مصدر أمني عراقي» -> ('IRQ', 'official_unnamed')."""
        norms = [t.norm for t in tokenize(mention or "")]
        return self._title_info(norms)

    # ------------------------------------------------------------------ internals
    def _actor(self, idx: int, date: _dt.date | None, spelling: str | None = None,
               article_id: str | None = None) -> Actor:
        e = self._entries[idx]
        role = e["role"]
        if date is not None and e["offices_"]:
            roles = self.lexicon.offices
            held = [roles.get(o.office) for o in e["offices_"] if o.active(date)]
            top = [r for r in held if r in _ROLE_RANK]
            if top:
                role = min(top, key=_ROLE_RANK.get)
            elif role in _ROLE_RANK and any(roles.get(o.office) == role for o in e["offices_"]):
                # out of the office its role comes from: a former president speaks as «other»
                # (the gold's «الرئيس الفرنسي السابق فرانسوا هولاند»), or in the office it holds
                role = next((r for r in held if r in ("minister", "security_official", "spokesperson")), "other")
        aid = e["id"]
        if e["per_article"] and article_id:
            aid = f"{aid}@{article_id}"
        country = e.get("country")
        if date is not None and role == "international_org" and self._speaks_for_international(e, date):
            country = "INT"  # the Arab League's secretary-general speaks for the League
        return Actor(id=aid, name=spelling or e["name"], country=country, role=role,
                     known=True, type=e.get("type", "person"), kinds=tuple(e.get("kinds") or ()))

    def _speaks_for_international(self, e: dict, date: _dt.date) -> bool:
        """Whether every office a person holds at ``date`` is of an international body
        (country INT in the registry), as the codebook gives such speakers that country. Only
        for entries whose role says so (``international_org``): an entry's own country stands
        for a national officer who speaks for a coalition (تركي المالكي, SAU)."""
        held = [o for o in e["offices_"] if o.active(date)]
        if not held or any(o.of is None or o.of not in self._by_id for o in held):
            return False
        return all(self._entries[self._by_id[o.of]].get("country") == "INT" for o in held)

    def _titled(self, e: dict, norms: list[str], head: int, start: int, date) -> bool:
        """Whether the words before a person's weak alias at ``start`` are the title of an office
        the person holds on ``date`` (and his country's adjective): «الرئيس هادي», «الرئيس
        اليمني هادي» in 2015 are عبد ربه منصور هادي even where the article never writes his
        full name (the Saudi press of the Yemen war)."""
        if date is None or start <= head or e["type"] != "person":
            return False
        t = self.lexicon.title_table.match_at(norms, head)
        if t is None:
            return False
        end = t.end
        c = self.lexicon.country_at(norms, end)
        if c is not None and c[0].kind == "adjective" and c[0].code == e.get("country"):
            end = c[1]
        return end == start and any(o.active(date) and o.office == t.payloads[0].office
                                    and o.country in (None, e.get("country")) for o in e["offices_"])

    def _supported(self, idx: int, article) -> bool:
        return any(_in_article(p, article) for p in self._support[idx])

    def _spelling_in_article(self, idx: int, article) -> str | None:
        for sp_name, sp_aliases in self._entries[idx].get("spellings") or []:
            if any(_in_article(norm_phrase(a), article) for a in sp_aliases):
                canon = [p for p in self._support[idx] if p not in {norm_phrase(a) for a in sp_aliases}]
                if not any(_in_article(p, article) for p in canon):
                    return sp_name
        return None

    def _pick(self, refs: tuple[_Ref, ...], match: Match, norms: list[str], head: int,
              date, article, article_text: str | None = None) -> _Ref | None:
        """The entry an alias match stands for, or None when it does not count here."""
        ok = []
        whole = match.start == head and match.end == len(norms)
        for r in refs:
            e = self._entries[r.idx]
            if r.weak and not (match.start == head and (self._supported(r.idx, article) or (
                    e["type"] == "body" and article_text is not None
                    and _article_country(article_text) == e.get("country")))) \
                    and not self._titled(e, norms, head, match.start, date):
                continue
            if len(match.phrase) == 1 and match.phrase in self.lexicon.adjective_phrases and not whole:
                continue  # «السوداني» is a name alone, an adjective in «وزير الخارجية السوداني»
            if e.get("country") == "INT" and e["type"] == "body" and self._another_countrys(norms, match):
                continue  # «مجلس حقوق الإنسان البحريني», «مجلس الأمن القومي التركي»: a country's council, not the UN's
            if e["per_article"] and match.start != head:
                continue
            ok.append(r)
        if not ok:
            return None
        ok.sort(key=lambda r: r.spelling is None)  # a spelling variant's own alias names that spelling
        idxs = list(dict.fromkeys(r.idx for r in ok))
        if len(idxs) == 1:
            return ok[0]
        supported = [i for i in idxs if self._supported(i, article)]
        pool = supported or idxs
        if len(pool) > 1 and date is not None:
            active = [i for i in pool if any(o.active(date) for o in self._entries[i]["offices_"])]
            pool = active or pool
        if len(pool) > 1 and supported:
            pool.sort(key=lambda i: min(_article_pos(p, article) for p in self._support[i]
                                        if _in_article(p, article)))
        return next(r for r in ok if r.idx == pool[0])

    def _match(self, mention: str, date, article_id, article_text) -> Resolution | None:
        toks = tokenize(mention)
        norms = [t.norm for t in toks]
        if not norms:
            return None
        lex = self.lexicon
        article = _article_index(article_text) if article_text else None
        head = lex.skip_honorifics(norms, 0)
        if head >= len(norms):
            head = 0
        matches = []
        for m in self._aliases.scan(norms, head):
            ref = self._pick(m.payloads, m, norms, head, date, article, article_text)
            if ref is not None:
                matches.append((m, ref))
        unnamed_head = lex.unnamed_head(norms, head)
        # 1. unnamed officials («المسؤول الإيراني علي لاريجاني» names a person after all)
        # «القيادي الحوثي»: a one-word nisba alias right after an unnamed head is its adjective
        if head + 1 < len(norms) and lex.title_table.match_at(norms, head) is None and (
                unnamed_head is not None or _person_noun(norms, head)
                or lex.unnamed_table.match_at([norms[head][2:]], 0, clitics=False) is not None):
            matches = [(m, r) for m, r in matches if not (
                len(m.phrase) == 1 and m.start == head + 1 and m.phrase[0].startswith("ال")
                and m.phrase[0].endswith("ي"))]
        named_person = any(self._entries[r.idx]["type"] == "person" and not self._entries[r.idx]["per_article"]
                           for _, r in matches)
        construct = head + 1 < len(norms) and not norms[head].startswith("ال") and norms[head + 1].startswith("ال") \
            and not norms[head + 1].endswith(("ي", "يه", "يون", "يين")) and any(
                self._entries[r.idx]["type"] == "person" and not self._entries[r.idx]["per_article"]
                and m.start > head + 1 and (norms[m.start - 1].startswith("ال") or toks[m.start - 1].orig.endswith("،"))
                for m, r in matches)  # «مسؤولة السياسة الخارجية في الاتحاد الأوروبي، فيدريكا موغريني»:
        # an office in construct, then its holder's name (not «... العراقية حفظي الحلبوسي»)
        if unnamed_head is not None and not (named_person and (norms[head].startswith("ال") or construct)):
            for m, ref in matches:
                if m.start == head and self._entries[ref.idx]["per_article"]:
                    return Resolution(self._actor(ref.idx, date, article_id=article_id), "unnamed",
                                      " ".join(m.phrase))
            return None
        titles = self._titles(norms, head)  # read by the steps below; found once
        # 2. persons
        persons = [(m, r) for m, r in matches if self._entries[r.idx]["type"] == "person"
                   and not self._entries[r.idx]["per_article"] and not self._other_first_name(norms, head, m, r)
                   and not self._article_names_another(norms, head, m, r, article)
                   and not self._surname_then_name(toks, norms, head, m, r)]
        if persons and self._governed_holder(norms, head, (persons[0][0].start, persons[0][0].end), date,
                                             article, self._entries[persons[0][1].idx]["id"]):
            return None
        if persons and self._someone_else_first(toks, norms, head, persons[0][0]):
            lead = titles[0] if titles else None
            if lead is not None and lead.start == head and self._governed_by_title(norms, head, persons[0][0]):
                # «المتحدث باسم الرئيس التركي رجب طيب أردوغان»: the leading title's holder speaks
                res = self._by_title(lead.payloads[0], lead, norms, date, article)
                if res is not None and res.actor.id != self._entries[persons[0][1].idx]["id"]:
                    return res
            return None  # «بثينة شعبان، المستشارة ... للرئيس السوري بشار الأسد»: شعبان speaks
        if persons:
            m, ref = persons[0]
            return Resolution(self._actor(ref.idx, date, spelling=ref.spelling), "name", " ".join(m.phrase))
        first_title = titles[0] if titles else None
        if first_title is not None and self._someone_else_first(toks, norms, head, first_title, title=True):
            return None  # «إينجه الرئيس التركي»: إينجه, not the president
        bodies = [(m, r) for m, r in matches if (self._entries[r.idx]["type"] == "body"
                  or self._entries[r.idx]["per_article"]) and not (
                      r.kind in ("country_name", "capital") and m.start == head and norms[head] != m.phrase[0]
                      and norms[head][:1] in "بل")]  # «بلومي» (a player) is not «ب» + «لومي», in Lomé
        # 3. titles (a title without a holder describes the speaker; a body after it is its scope)
        if titles and (not bodies or (titles[0].start, -titles[0].end) <= (bodies[0][0].start, -bodies[0][0].end)):
            for k, t in enumerate(titles):
                title: Title = t.payloads[0]
                res = self._by_title(title, t, norms, date, article)
                if res is not None:
                    return None if self._names_someone_else(norms, t) else res
                if title.dependent or (title.office in ("ambassador", "envoy") and k + 1 < len(titles)
                                       and titles[k + 1].start == t.end and not norms[t.start].startswith("ال")):
                    break  # «سفير خادم الحرمين الشريفين», «مبعوث الرئيس الأمريكي»: the envoy of
                    # the next title's holder is not that holder
                after = self.lexicon.skip_modifiers(norms, t.end)[0]
                if title.office == "spokesperson" and after < len(norms) and norms[after] == "باسم":
                    break  # «المتحدث باسم رئيس الوزراء الإسرائيلي»: his spokesperson, not the prime minister
            return None
        # 4. bodies
        if bodies and not self._body_heads(norms, head, bodies[0][0]):
            return None  # «جاسون رضايان من صحيفة واشنطن بوست», «مفتي مصر شوقي علام»: a person described by a place
        if bodies and bodies[0][1].kind in ("country_name", "capital") and bodies[0][0].start > head \
                and "من" in norms[head:bodies[0][0].start]:
            return None  # «طبيب من سوريا», «صحفي من مصر»: someone from a country, not its government
        if bodies and bodies[0][1].kind in ("country_name", "capital") and bodies[0][0].start > head + 1 \
                and _governed_by_clitic(norms[bodies[0][0].start - 1]):
            return None  # «العضو المنتدب لبنك مصر إيران، عمرو طنطاوي»: a name that holds a country's
        if bodies and bodies[0][1].kind in ("country_name", "capital") and bodies[0][0].start > head:
            lead = lex.body_words.match_at(norms, head)
            if lead is not None and "government" not in lead.payloads:
                return None  # «جيش الأردن», «شرطة ميانمار»: the country's army or police, not its government
        if bodies:
            m, ref = bodies[0]
            e = self._entries[ref.idx]
            if ref.kind == "country_name" and e.get("mfa") in self._by_id and article is not None:
                mfa = self._by_id[e["mfa"]]
                if any(_in_article(p, article) for p in self._support[mfa] if len(p) >= 2):
                    return Resolution(self._actor(mfa, date),
                                      "country name; the article quotes its foreign ministry", " ".join(m.phrase))
            if e["per_article"]:
                return Resolution(self._actor(ref.idx, date, article_id=article_id), "unnamed", " ".join(m.phrase))
            how = ref.kind.replace("_", " ") if ref.kind != "alias" else "body"
            return Resolution(self._actor(ref.idx, date), how, " ".join(m.phrase))
        # 5. a body without its country («وزارة الداخلية»): the one the article names, or of its country
        return self._bare_body(norms, head, date, article, article_text)

    def _someone_else_first(self, toks, norms: list[str], head: int, m: Match, title: bool = False) -> bool:
        """Whether the mention names another person before the person or title matched at ``m``:
        a name of two plain words («بثينة شعبان، المستشارة ...», «جاي سيكولو، أحد محاميي ترامب»,
        «كمال كليجدار أوغلو»), or one followed by an apposition («إينجه الرئيس التركي», «ديفيز عن
        تيريزا ماي»); a surname alias followed by another surname («البشير الجويني») is not
        the registry's person either. A first name alone before a known surname («دونالد ترمب»)
        is the same person."""
        if self._another_surname_after(norms, m) or self._governed_by_title(norms, head, m):
            return True
        if m.start <= head:
            return False
        plain = 0
        for j in range(head, m.start):
            if not self._plain_name_word(toks[j], norms, j):
                break
            plain += 1
        if plain == 0:
            return False
        return plain >= 2 or plain < m.start - head or title

    def _another_surname_after(self, norms: list[str], m: Match) -> bool:
        """«البشير الجويني»: a one-word surname alias followed by another family name (a definite
        nisba that is no country, title or alias) names someone else."""
        if len(m.phrase) != 1 or m.end >= len(norms) or not m.phrase[0].startswith("ال"):
            return False
        nxt = norms[m.end]
        lex = self.lexicon
        return nxt.startswith("ال") and nxt.endswith("ي") and len(nxt) > 5 \
            and not lex.country_at(norms, m.end) and not self._aliases.match_at(norms, m.end) \
            and lex.title_table.match_at(norms, m.end) is None and lex.modifiers.match_at(norms, m.end) is None \
            and lex.body_words.match_at(norms, m.end) is None

    def _governed_by_title(self, norms: list[str], head: int, m: Match) -> bool:
        """«قوات الحكومة اليمنية الموالية للرئيس عبدربه منصور هادي», «المتحدث باسم الرئيس التركي
        رجب طيب أردوغان»: the name belongs to a title governed by a word before it (ل / باسم /
        a noun), so its holder is not the speaker. A title opening the mention («الرئيس التركي
        رجب طيب أردوغان», «الأمين العام للأمم المتحدة أنطونيو غوتيريش») is the speaker's."""
        lex = self.lexicon
        if m.start <= head:
            return False
        if norms[m.start - 1] == "باسم":
            return True  # «المتحدثة باسم ترامب، ليندساي والترز»: the spokesperson of that person
        title_ends = set()  # where the titles before end: a title right after one is its apposition
        for t in lex.title_table.scan(norms, head):
            if t.start >= m.start:
                break
            i, _ = lex.skip_modifiers(norms, t.end)
            c = lex.country_at(norms, i)
            if c is not None:
                i, _ = lex.skip_modifiers(norms, c[1])
            title_ends.add(i)
            i = lex.skip_honorifics(norms, i)
            if i != m.start or t.start == head:
                continue
            before = norms[t.start - 1]
            return norms[t.start].startswith("لل") or before == "باسم" or (
                t.start not in title_ends  # «ولي العهد الأمير محمد بن سلمان»: «الأمير» after a title
                and lex.title_table.match_at(norms, t.start - 1) is None and lex.honorifics.match_at(norms, t.start - 1) is None
                and not lex.adjective_phrases.__contains__((before,)))
        return False

    def _plain_name_word(self, tok, norms: list[str], j: int) -> bool:
        """A word that can only be part of a name here: no title, body, country, honorific,
        modifier, person noun, function word or registry alias."""
        lex = self.lexicon
        w = norms[j]
        if _function_word(tok) or (w.startswith(("ال", "لل")) and tok.orig.lstrip("(«\"#").startswith(("ال", "لل"))) \
                or self._aliases.match_at(norms, j) is not None:  # («ألكسندر», «آلانان» fold to «ال...»)
            return False
        from .speakers import speaker_words

        sw = speaker_words()
        not_heads = sw.not_heads
        if any(w.endswith(suf) and w[:-len(suf)] in not_heads for suf in ("ها", "ه", "هم", "هما")):
            return False  # «عندها»
        if w in sw.place_nouns or (w[:1] in "بلف" and w[1:] in sw.place_nouns) or (w.startswith("وب") and w[2:] in sw.place_nouns):
            return False  # «بمنطقة مكة», «محافظة جدة»: a place, no name
        for t in (lex.title_table, lex.body_words, lex.honorifics, lex.modifiers, lex.unnamed_table, lex.group_heads,
                  lex.unnamed_prefixes):
            if t.match_at(norms, j) is not None:
                return False
        return lex.country_word(norms, j) is None and not _person_noun(norms, j)

    def _body_heads(self, norms: list[str], head: int, m: Match) -> bool:
        """Whether a body, country or capital matched at ``m`` speaks for the mention. Not when a
        place phrase leads to it («الشرطة في أكبر مدن كندا», «حزب المعارضة الرئيسي في تركيا») or
        the mention opens with a name or a word for a person that is no body or person noun
        («جاسون رضايان من صحيفة واشنطن بوست», «مفتي مصر شوقي علام»): someone described by a
        place or an employer. «حركة حماس», «بيان صادر عن الخارجية المصرية», «وكالات إغاثة
        تابعة للأمم المتحدة» still are the body's."""
        if m.start <= head:
            return True
        lex = self.lexicon
        between = norms[head:m.start]
        if any(w == "في" or (w.startswith("بال") and len(w) > 4) for w in between):
            return False
        from .speakers import speaker_words

        opener = (lex.body_words, lex.unnamed_table, lex.unnamed_prefixes, lex.group_heads,
                  speaker_words().person_nouns)
        if any(t.match_at(norms, head) is not None for t in opener):
            return True
        return between[0] in ("العديد", "عدد") or self._aliases.match_at(norms, head) is not None

    def _other_first_name(self, norms: list[str], head: int, m: Match, ref: _Ref) -> bool:
        """A surname alone after a first name that is not this person's: «أسماء الأسد», «ماهر
        الأسد» are not بشار الأسد («الرئيس الأسد», «محمد جواد ظريف» still are); a father's name
        alias after another first name: «سلطان بن سلمان», «عبدالعزيز بن سلمان» are not محمد بن
        سلمان («بن سلمان», «الأمير بن سلمان» still are)."""
        nasab = len(m.phrase) == 2 and m.phrase[0] in _NAME_LINKS and m.start > head
        first = normalize_ar(self._entries[ref.idx]["name"]).split()[0]
        surnames = len(m.phrase) >= 2 and not nasab and m.phrase[0] != first  # «قائد السبسي»
        if (len(m.phrase) != 1 and not nasab and not surnames) or m.start <= head:
            return False
        prev = norms[m.start - 1]
        lex = self.lexicon
        if prev.startswith(("ال", "لل")) or (lex.title_table.match_at(norms, m.start - 1, clitics=False) and not nasab) \
                or lex.honorifics.match_at(norms, m.start - 1, clitics=False) \
                or ((prev,) in lex.adjective_phrases and m.start - 1 > head
                    and lex.country_word(norms, m.start - 1) is not None):
            return False  # (before «بن» a title's word is a first name: «سلطان بن سلمان»); a nisba
            # is the title's adjective («الرئيس التركي أردوغان»), unless it opens the mention or is
            # indefinite after a definite word («العقيد الركن تركي المالكي»: a first name, so not
            # نوري المالكي)
        own = self._own_words(ref.idx)
        if surnames:  # «حافظ قائد السبسي», the son, is not الباجي قائد السبسي
            return prev not in own and lex.is_given_name(prev)
        return prev not in own and (nasab or lex.is_given_name(prev) or (prev,) in lex.adjective_phrases)

    def _surname_then_name(self, toks, norms: list[str], head: int, m: Match, ref: _Ref) -> bool:
        """«إلين لورد» is not جوناثان ألين: a person's one-word alias that is not their first name,
        followed by a word that can only be part of a name and ends the mention, is another
        person's first name (a surname is followed by a title, a time or a preposition, not by a
        second name)."""
        if len(m.phrase) != 1 or m.end >= len(norms):
            return False
        if m.phrase[0] == normalize_ar(self._entries[ref.idx]["name"]).split()[0]:
            return False
        from .speakers import _verbal_noun

        j, w = m.end, norms[m.end]
        if j + 1 < len(norms) and self.lexicon.title_table.match_at(norms, j + 1) is None:
            return False  # the name ends the mention or a title follows it («إلين لورد، وكيلة ...»)
        if w.endswith(("ه", "ات", "ها", "هم")) or _verbal_noun(w):
            return False  # a common noun after the surname («جونسون انتقادات», «ماس سلسلة», «بومبيو
            # اطلاعه», «المالكي استمرار»): the rest of a speaker slot, not a second name
        return w not in self._own_words(ref.idx) and not self.lexicon.is_given_name(w) \
            and self._trailing_name(toks[:j + 1], norms[:j + 1], j)

    def _own_words(self, idx: int) -> frozenset:
        """The words of an entry's name and aliases (normalized), memoized."""
        own = self._name_words.get(idx)
        if own is None:
            e = self._entries[idx]
            own = self._name_words[idx] = frozenset(
                w for n in [e["name"]] + self.aliases_of(e["id"]) for w in normalize_ar(n).split())
        return own

    def _article_names_another(self, norms: list[str], head: int, m: Match, ref: _Ref, article) -> bool:
        """A surname alone («المالكي», «الجعفري») in an article that first writes it after another
        person's first name («تركي المالكي», «بشار الجعفري») and never this person's full name:
        the article's person, not the registry's namesake (نوري المالكي, إبراهيم الجعفري). Only
        where the surname first appears: «إيفانكا ترامب» later in a story about «ترامب» is family."""
        if article is None or len(m.phrase) != 1 or m.start != head or m.end != len(norms) \
                or any(_in_article(p, article) for p in self._support[ref.idx] if len(p) >= 2):
            return False
        own = self._own_words(ref.idx)
        surname, words = m.phrase[0], article.words
        k = next((k for k, w in enumerate(words) if w == surname), None)  # where the article introduces it
        if k is None or k == 0:
            return False
        first = words[k - 1]
        if k >= 2 and words[k - 2] in _NAME_LINKS:
            return False  # «أنور بن محمد قرقاش»: his father's name
        named = self.lexicon.is_given_name(first) or (  # «تركي المالكي»: a nisba before a definite
            surname.startswith("ال") and self.lexicon.country_at(words, k - 1) is not None  # noun is
            and not first.startswith("ال"))  # no adjective of it, so a first name
        return named and first not in own and first not in _FUNCTION_WORDS \
            and not any(len(w) >= 3 and (w.startswith(first) or first.startswith(w)) for w in own)  # «جيم» ~ جيمس

    def _governed_holder(self, norms: list[str], head: int, span: tuple[int, int], date=None, article=None,
                         actor_id: str | None = None) -> bool:
        """Whether the name at ``span`` belongs to a title governed by a dependent one at the head:
        «زوجة الرئيس السوري بشار الأسد» (the wife, not the president), while «نائب المتحدث باسم
        الأمم المتحدة فرحان حق» names the deputy himself (the spokesman is someone else)."""
        lead = self.lexicon.title_table.match_at(norms, head)
        if lead is None or not lead.payloads[0].dependent or span[0] < lead.end:
            return False
        governed = self._titles(norms, lead.end)
        if not governed or governed[0].start != lead.end:
            return False
        res = self._by_title(governed[0].payloads[0], governed[0], norms, date, article)
        if res is None:
            return False
        if actor_id is not None:
            return res.actor.id == actor_id
        return set(norms[span[0]:span[1]]) <= set(normalize_ar(res.actor.name).split())

    def _bare_body(self, norms, head, date, article, article_text) -> Resolution | None:
        lex = self.lexicon
        words = tuple(norms[head:])
        if len(words) < 2 or lex.body_words.match_at(norms, head, clitics=False) is None \
                or lex.first_country(norms, head) is not None:
            return None
        cands = self._bodies_by_stem.get(words, [])
        named = [i for i in cands if self._supported(i, article)]
        if len(named) == 1:
            return Resolution(self._actor(named[0], date), "body named in full in the article", " ".join(words))
        country = _article_country(article_text) if article_text else None
        mine = [i for i in (named or cands) if self._entries[i].get("country") == country]
        if country and len(mine) == 1:
            return Resolution(self._actor(mine[0], date), f"body of the article's country ({country})",
                              " ".join(words))
        return None

    @functools.cached_property
    def _bodies_by_stem(self) -> dict[tuple[str, ...], list[int]]:
        """Bodies by their name less its country adjective: («وزارة», «الداخلية») -> the
        interior ministries («وزارة الداخلية العراقية», ...), for :meth:`_bare_body`."""
        out: dict[tuple[str, ...], list[int]] = {}
        for phrase in self._aliases.phrases():
            for k in range(1, len(phrase)):
                if phrase[k:] not in self.lexicon.adjective_phrases:
                    continue
                for r in self._aliases.get(phrase):
                    if self._entries[r.idx]["type"] == "body" and not r.weak:
                        bucket = out.setdefault(phrase[:k], [])
                        if r.idx not in bucket:
                            bucket.append(r.idx)
        return out

    def _titles(self, norms: list[str], start: int) -> list[Match]:
        return self.lexicon.title_table.scan(norms, start)

    def _names_someone_else(self, norms: list[str], title: Match) -> bool:
        """A first name after the title («الأمير السعودي الوليد بن طلال»): an unlisted person."""
        lex = self.lexicon
        i, _ = lex.skip_modifiers(norms, title.end)
        c = lex.country_at(norms, i)
        if c is not None:
            i, _ = lex.skip_modifiers(norms, c[1])
        i = lex.skip_honorifics(norms, i)
        return i < len(norms) and (lex.is_given_name(norms[i]) or norms[i] in lex.name_markers)

    def _scope(self, title: Title, t: Match, norms: list[str]):
        """(office key, scope, former, adjacent) for a title match."""
        lex = self.lexicon
        i, former = lex.skip_modifiers(norms, t.end)
        if i < len(norms) and norms[i] in ("باسم", "ل"):
            i += 1
        office = title.office
        # a body right after the title: «الأمين العام لحزب الله», «المتحدث باسم الخارجية الإيرانية»
        if title.body_office or office == "spokesperson":
            m = self._aliases.match_at(norms, i) if i < len(norms) else None
            if m is not None and not self._another_countrys(norms, m):
                refs = [r for r in m.payloads if self._entries[r.idx]["type"] == "body" and r.kind == "alias"]
                if refs:
                    return title.body_office or office, ("of", self._entries[refs[0].idx]["id"]), former, True
            body = self._holder_body(norms, i) if office == "spokesperson" else None
            if body is not None:  # «المتحدث باسم الرئيس التركي»: the presidency's spokesperson
                return office, ("of", body.id), former, True
        c = lex.country_word(norms, i)  # not «الأمير تركي الفيصل»: a first name
        if c is not None:
            former = lex.skip_modifiers(norms, c[1])[1] or former
        if title.at_body:
            wanted = dict(title.at_body)
            for m in self._aliases.scan(norms, t.end):
                for r in m.payloads:
                    if self._entries[r.idx]["id"] in wanted:
                        office = wanted[self._entries[r.idx]["id"]]
        if c is not None:
            return office, ("country", c[0].code), former, True
        if title.scope == "anywhere":
            fc = lex.first_country(norms, t.end)
            if fc is not None and fc[0].code != "INT":
                return office, ("country", fc[0].code), former, False
        if title.default_country:
            return office, ("country", title.default_country), former, True
        return office, None, former, False

    def _another_countrys(self, norms: list[str], m) -> bool:
        """Whether the alias match ``m`` is a generic name (a weak alias) of a body that a
        definite country adjective right after it gives to another country: «المعارضة
        البريطانية» is not the Syrian opposition («المعارضة»), «الدفاع المدني السعودي» not the
        Syrian civil defence; a body's own name keeps its country («ميليشيات الحوثي الإيرانية»).
        «القومي / الوطني» right after it makes it a country's own body, named or not («مجلس الأمن
        القومي» is no UN Security Council)."""
        if m.end < len(norms) and norms[m.end] in _NATIONAL:
            return True
        after = self.lexicon.country_at(norms, m.end)
        return after is not None and after[0].kind == "adjective" and norms[m.end].startswith("ال") \
            and all((r.weak or self._entries[r.idx].get("country") == "INT")
                    and self._entries[r.idx].get("country") not in (None, after[0].code) for r in m.payloads)
        # (an international body's name with a country's adjective is that country's body:
        # «مجلس حقوق الإنسان البحريني», «مجلس الأمن الإسرائيلي المصغر»)

    def _holder_body(self, norms: list[str], i: int) -> Actor | None:
        """The body an office holder's title at ``norms[i]`` speaks through («الرئيس التركي» ->
        the Turkish presidency; ``office_bodies`` in titles.yaml), or None."""
        lex = self.lexicon
        t = lex.title_table.match_at(norms, i) if i < len(norms) else None
        if t is None:
            return None
        j, _ = lex.skip_modifiers(norms, t.end)
        c = lex.country_at(norms, j)
        if c is None:
            return None
        stems = lex.countries.get(c[0].code, {}).get("adjective") or []
        if not stems:
            return None
        for inner in t.payloads:
            word = lex.office_bodies.get(lex.offices.get(inner.office, inner.role))
            if word:
                body = self.lookup(f"{word} {adjective_forms(stems[0])['f_def'][0]}")
                if body is not None and body.type == "body":
                    return body
        return None

    def _holders(self, office: str, scope) -> list[tuple[int, Office]]:
        if office in ("minister", "counterpart"):
            roles = {"minister", "foreign_minister"} if office == "minister" else None
            out = []
            for (key, kind, val), hs in self._offices.items():
                if scope is not None and (kind, val) != scope:
                    continue
                if roles is None or self.lexicon.offices.get(key) in roles:
                    out.extend(hs)
            return out
        if scope is None:
            return [h for (key, _, _), hs in self._offices.items() if key == office for h in hs]
        return list(self._offices.get((office, *scope), []))

    def _by_title(self, title: Title, t: Match, norms, date, article) -> Resolution | None:
        if title.dependent:
            return None
        office, scope, former, _ = self._scope(title, t, norms)
        if title.countries and (scope is None or scope[0] != "country" or scope[1] not in title.countries):
            return None
        if scope is None and (office not in _UNSCOPED_OK or self._rest_after(norms, t.end)):
            return None  # «مدير», «وزير الاقتصاد الفرنسي ...», «رئيس وكالة ...»: no office we know
        holders = self._holders(office, scope)
        if title.not_countries:  # «الرئيس» names no king: not the Jordanian king an article names
            holders = [(i, o) for i, o in holders if o.country not in title.not_countries]
        if not holders:
            return None
        how = f"title {office}" + (f" of {scope[1]}" if scope else "")
        named = [(i, o) for i, o in holders if self._supported(i, article)]
        generic = scope is None or office in ("minister", "counterpart")
        if generic:
            pool = [(i, o) for i, o in named if date is None or o.distance(date) <= _NEAR_DAYS]
            idxs = list(dict.fromkeys(i for i, _ in pool))
            if len(idxs) == 1:
                return self._title_res(idxs[0], date, article, how + ", named in the article", t)
            return None
        if former:
            ref = date or _dt.date.today()
            past = [(i, o) for i, o in holders if o.end is not None and o.end <= ref]
            past.sort(key=lambda h: h[1].end, reverse=True)
            pn = [(i, o) for i, o in past if self._supported(i, article)]
            if pn or past:
                return self._title_res((pn or past)[0][0], date, article, how + " (former)", t)
            return None
        if date is not None:
            active = [(i, o) for i, o in holders if o.active(date)]
            for i, o in active:
                if self._supported(i, article):
                    return self._title_res(i, date, article, how + f" on {date}", t)
            # approximate dates: near a change of holder, the one the article names (unless the
            # article names them for another office they hold that day: a president, not a PM)
            boundary = not active or any(
                (o.start and (date - o.start).days <= _NEAR_DAYS) or (o.end and (o.end - date).days <= _NEAR_DAYS)
                for _, o in active)
            near = sorted((o.distance(date), i) for i, o in named
                          if o.distance(date) <= _NEAR_DAYS and boundary
                          and not any(x.active(date) for x in self._entries[i]["offices_"]))
            if near:
                return self._title_res(near[0][1], date, article, how + f" near {date}, named in the article", t)
            if active:
                return self._title_res(active[0][0], date, article, how + f" on {date}", t)
            return None
        if named:
            named.sort(key=lambda h: min(_article_pos(p, article) for p in self._support[h[0]]
                                         if _in_article(p, article)))
            return self._title_res(named[0][0], None, article, how + ", named in the article", t)
        latest = max(holders, key=lambda h: (h[1].end is None, h[1].start or _dt.date.min))
        return self._title_res(latest[0], None, article, how + ", latest holder (no date)", t)

    def _rest_after(self, norms: list[str], i: int) -> bool:
        """Whether words other than modifiers follow token ``i`` («الوزير السابق» has none)."""
        return self.lexicon.skip_modifiers(norms, i)[0] < len(norms)

    def _title_res(self, idx, date, article, how, t: Match) -> Resolution:
        return Resolution(self._actor(idx, date, spelling=self._spelling_in_article(idx, article)), how,
                          " ".join(t.phrase))

    # ------------------------------------------------------------------ unknown speakers
    def _title_info(self, norms: list[str], article_text: str | None = None) -> tuple[str | None, str | None]:
        lex = self.lexicon
        if not norms:
            return None, None
        head = lex.skip_honorifics(norms, 0)
        if head >= len(norms):
            head = 0

        def any_country(start: int) -> str | None:
            return self._any_country(norms, start, article_text=article_text) or self._place_country(norms, start)

        if lex.unnamed_head(norms, head) is not None:
            return any_country(head), "official_unnamed"
        titles = self._titles(norms, head)
        if titles:
            t = titles[0]
            title: Title = t.payloads[0]
            office, scope, _, adjacent = self._scope(title, t, norms)
            if title.dependent:
                return title.speaker_country or any_country(t.end), "other"
            role = lex.offices.get(office, "other")
            country = None
            if scope and scope[0] == "country":
                country = scope[1]
            elif scope and scope[0] == "of":
                body = self._entries[self._by_id[scope[1]]]
                country = body.get("country")
                if country and _country_unnamed(country, article_text) and any(
                        r.weak and self._entries[r.idx]["id"] == scope[1]
                        for m in self._aliases.scan(norms, t.end) for r in m.payloads):
                    country = None  # «مدير عام الدفاع المدني» in a Saudi story: not the Syrian body
                if office == "head":
                    role = body["role"] if body["role"] in ("party", "militia", "international_org") else "other"
            if not adjacent and title.scope == "country" and role in _ROLE_RANK:
                role = "other"  # «رئيس مجلس علماء باكستان»: not the head of state
            if title.speaker_country:
                country = title.speaker_country
            if country is None and office == "ambassador" and "لدي" in norms[t.end:]:
                return self._sending_country(norms, t.end), role  # never the host after «لدى»
            return country or any_country(t.end) or self._title_default_country(norms, t.end), role
        m = lex.body_words.match_at(norms, head)
        if m is not None:
            return any_country(head), m.payloads[0]
        return any_country(head), None

    def _state_body(self, norms: list[str], start: int, end: int) -> bool:
        """Whether ``norms[start:end]`` name a state body (a ministry, a parliament, the police or
        the army; titles.yaml ``body_words``) outside a title: not a party, a militia or an outlet,
        which may be foreign («زعيم تنظيم القاعدة»), nor a title's own word («وزير الخارجية كارل
        بيرغمان» in a story about Turkey)."""
        lex = self.lexicon
        in_title = {k for t in lex.title_table.scan(norms, start) for k in range(t.start, t.end)}
        return any((m := lex.body_words.match_at(norms, k, clitics=True)) is not None
                   and m.payloads[0] in _STATE_BODY_ROLES for k in range(start, end) if k not in in_title)

    def _place_country(self, norms: list[str], start: int = 0) -> str | None:
        """The country of the first city or province in a mention (countries.yaml ``places``):
        «محافظ الأنبار», «مصدر عسكري في درعا»; only where no country word, body or person
        gives one (:meth:`_any_country` comes first)."""
        for m in self.lexicon.place_table.scan(norms, start):
            return m.payloads[0].code
        return None

    def _title_default_country(self, norms: list[str], start: int) -> str | None:
        """The country of a later title that names one by itself: «الأمير خالد الفيصل أمير منطقة
        مكة المكرمة» is Saudi (``default_country`` of «أمير منطقة»)."""
        for t in self.lexicon.title_table.scan(norms, start):
            if t.payloads[0].default_country:
                return t.payloads[0].default_country
        return None

    def _sending_country(self, norms: list[str], start: int) -> str | None:
        """An ambassador's own country, read before «لدى» (the host follows it): «سفير خادم
        الحرمين الشريفين لدى الأردن» is Saudi, not Jordanian; None when nothing before «لدى»
        names one («السفير لدى الأردن»)."""
        host = norms.index("لدي", start)
        for t in self.lexicon.title_table.scan(norms[:host], start):
            if t.payloads[0].default_country:
                return t.payloads[0].default_country
        return self._any_country(norms, start, host)

    def _any_country(self, norms: list[str], start: int = 0, end: int | None = None,
                     plural: bool = True, article_text: str | None = None) -> str | None:
        """The first country word, registry body or person (with its country) in
        ``norms[start:end]``: «مسؤولين كبار في إدارة الرئيس دونالد ترامب» are American.
        ``plural``: whether a broken plural («الروس») and a weak alias («المعارضة») count (in a
        mention, not in the description of one person)."""
        norms = norms[:end] if end is not None else norms
        lex = self.lexicon
        best = None
        fc = lex.first_country(norms, start, plural=plural)
        topics = [(m.start, m.end) for m in self._aliases.scan(norms, start) if lex.names_a_topic(norms, m.start)] \
            if fc is not None and any(lex.topic_noun(w) for w in norms[start:fc[1]]) else ()
        while fc is not None and any(a <= fc[1] < b for a, b in topics):
            # «وزير شؤون الاتحاد الأوروبي»: a country word inside a body's name that is a topic
            fc = lex.first_country(norms, fc[2], plural=plural)
        if fc is not None:
            best = (fc[1], fc[0].code)
        for m in self._aliases.scan(norms, start):
            if best is not None and m.start >= best[0]:
                break
            if lex.names_a_topic(norms, m.start):
                continue  # «المدافع عن العلاقات الأمريكية السعودية»: a topic, not his country
            # (in a person's description a weak alias, «زعيم المعارضة», «المتحدث الإعلامي للدفاع
            # المدني بمنطقة الرياض», is no country's body by itself)
            if self._another_countrys(norms, m):
                continue  # (not «مجلس الأمن القومي»: a national council, whose country is named or not)
            refs = [r for r in m.payloads if (plural or not r.weak) and self._entries[r.idx].get("country")
                    and not (r.weak and _country_unnamed(self._entries[r.idx]["country"], article_text))
                    and (  # (a weak alias in an article that never names its country: «الدفاع المدني» in a
                        # Saudi story is the Saudi civil defense, not the Syrian one)
                self._entries[r.idx]["type"] == "body" or (  # a person by a full name, not «علي»
                    self._entries[r.idx]["type"] == "person" and not self._entries[r.idx]["per_article"]
                    and m.end - m.start >= 2))]  # one word may be another word («روس»: Ross, Russians)
            if refs:
                best = (m.start, self._entries[refs[0].idx]["country"])
                break
        return best[1] if best else None

    def name_country(self, name: str, article_text: str | None, person: bool = False) -> str | None:
        """The country the article's own description of a person it names says: the title or
        apposition next to the name where the article first describes it with a country word
        or a body («قائد القيادة المركزية الأميركية، جوزيف فوتيل» makes «فوتيل» USA; «إيان
        رينتول المتحدث باسم ائتلاف ...» reads the apposition). None when no description
        carries a country: the article's own country is not guessed for a named person.
        ``person``: ``name`` is a person's name (not a body's or a report's), so a wire service
        right after it is whom he spoke to."""
        if not norm_phrase(name) or not article_text:
            return None
        sent = None  # the words of the sentence of the first place
        for place in _descriptions(name, article_text):  # read place by place
            first = sent is None
            sent = place.sentence if first else sent
            # the title right before the name («... حسب مندوب سوريا لدى الأمم المتحدة بشار الجعفري»
            # is Syrian, whatever the clause named before it), then the whole clause, the apposition
            c = self._described_country(self._from_last_title(place.before), []) \
                or self._described_country(place.before, place.after, person)
            if c is None and first and self._only_name_words(place.before):
                # where the article introduces the person: «منسق الأمم المتحدة الإقليمي ...، بانوس
                # مومتزيس», «...، العميد الطيار محمد علوي»: the title before the comma, the name
                # (and rank) after it; read from the last title there («هاجم البرلماني المصري
                # مصطفى بكري الرئيس التونسي السابق، منصف المرزوقي»: the Tunisian one)
                c = self._described_country(self._from_last_title(place.earlier), [])
            if c is not None:
                return c
        # else the sentence that first names the person, up to what it reports (a
        # complementizer), when that part speaks of one country only
        if sent is not None:
            at = sent.index("…")
            end = next((i for i in range(at, len(sent)) if sent[i] in _COMPLEMENTIZERS), len(sent))
            # (not the addressee after a description: «وقال باتريك هيلمان (70 عاما) أحد سكان سالزبري
            # لوكالة الأنباء الفرنسية إنه», nor the counterpart met: «عن أوغلو عقب لقائه بنظيره
            # الأميركي قوله»)
            end = self._description_end(sent, at + 1, end, person)
            lex = self.lexicon
            words = [w for w in sent[:end] if w not in ("،", "…")]
            codes = {m.payloads[0].code for m in lex.country_table.scan(words)
                     if m.payloads[0].kind != "plural" and not lex.names_a_topic(words, m.start)
                     and not lex.family_name_at(words, m.start)} - {"INT"}  # (not «مراد التركي», «لتركي آل الشيخ»)
            if _bare_kingdom(words, self.lexicon):
                codes.add(_country_words(article_text)[1])  # «المملكة» alone: the article's kingdom
            codes.discard(None)
            return codes.pop() if len(codes) == 1 else None
        return None

    def full_name(self, surname: str, article_text: str) -> str | None:
        found = self._full_name(surname, article_text)
        if found is None and article_text:
            other = _other_spelling(surname, article_text)
            if other is not None:  # «دي مستورا» in an article that introduced «ستافان دي ميستورا»
                found = self._full_name(other, article_text)
        if found is not None and self._waw_before_given_name(tokenize(found)[0]):
            found = found[1:]  # «لويجي دي مايو وماتيو سالفيني»: سالفيني is ماتيو سالفيني
        return found

    def _person_name(self, norms: list[str]) -> bool:
        """Whether the words ``norms`` are a name or non-weak alias of a person the registry knows."""
        m = self._aliases.match_at(norms, 0)
        return m is not None and m.end == len(norms) and any(
            not r.weak and self._entries[r.idx]["type"] == "person" for r in m.payloads)

    def _full_name(self, surname: str, article_text: str) -> str | None:
        """The fuller form under which the article introduces a person it later calls by a
        surname alone: the name that ends with ``surname`` at the first place the article
        writes it after a first name, or after a title and its country («قائد القيادة
        المركزية الأميركية، جوزيف فوتيل», «رئيس الوزراء الفرنسي إدوار فيليب»), as written
        there. None when no place does (the surname stays as it is)."""
        surname = surname.strip()
        if not surname or not article_text:
            return None
        n = len(tokenize(surname))
        at = article_text.find(surname)
        seen = 0
        while at >= 0 and seen < _PLACES:
            start, end = at, at + len(surname)
            at = article_text.find(surname, end)
            if (start > 0 and article_text[start - 1].isalpha()) \
                    or (end < len(article_text) and article_text[end].isalpha()):
                continue
            seen += 1
            left = article_text[max(0, start - _SPAN):start]
            cut = [e.end() for e in _SENTENCE_END.finditer(left)]
            left = left[cut[-1]:] if cut else left
            comma = left.rfind("،")
            before_comma = left[:comma] if comma >= 0 else None
            left = left[comma + 1:]  # an apposition's name starts after its comma
            toks = tokenize(left + " " + surname)
            if len(toks) <= n:
                continue
            norms = [t.norm for t in toks]
            if norms[-n - 1] in ("بن", "ابن", "بنت"):
                continue  # «محمد بن سلمان»: his father's name, not «سلمان»'s full name
            for i in range(max(0, len(toks) - n - 3), len(toks) - n):
                if self._person_name(norms[i:]):
                    # a person the registry knows, named in full here («عبدالرقيب فتح» for «فتح»)
                    return " ".join(t.orig for t in toks[i:])
            for i in range(max(0, len(toks) - n - 4), len(toks) - n):
                span = self._name_span(toks, norms, i)
                if span is not None and span[1] == len(toks) and span[1] - span[0] > n \
                        and not _function_word(toks[span[0]]) and not _clitic_function_word(toks[span[0]].norm) \
                        and not self._verb_before_name(toks[span[0]]) \
                        and not 0 < self.name_span(norms, span[0]) < span[1] - span[0] - n + 1:
                    # (not «دونالد ترامب اختيار دينا»: a known name that ends before the surname)
                    return " ".join(t.orig for t in toks[span[0]:span[1]])  # not «بأن علي»
            first = self._first_names_after_description(toks, norms, n, before_comma, article_text[end:end + 2])
            if first and _only_before(toks[-n - first:], article_text) and not any(
                    0 < self.name_span(norms, j) < len(toks) - j for j in range(len(toks) - n - first, len(toks))):
                # (not «ميغيل أرياس كانتي» for «كانتي»: «أرياس» names someone else in the registry)
                return " ".join(t.orig for t in toks[-n - first:])
        return self._with_family_name(surname, article_text) if n == 1 else None

    def _waw_before_given_name(self, tok) -> bool:
        """«وماتيو سالفيني»: the conjunction «و» on a first name (not «وليد», «وائل»: names in «و»)."""
        w = tok.norm
        return tok.orig[:1] == "و" and len(w) > 3 and w not in self.lexicon.given_names \
            and w[1:] in self.lexicon.given_names

    def _verb_before_name(self, tok) -> bool:
        """«وأضاف بن عبدالعزيز»: «و» and a word shaped like a perfect verb that is no given name
        (not «وليد», «وائل») is the verb before a name, not a first name."""
        from .speakers import _perfect_verb_shape

        w = tok.norm
        return tok.orig[:1] in "وف" and len(w) >= 4 and _perfect_verb_shape(w[1:]) \
            and not self.lexicon.is_given_name(w, tok.orig)

    def _first_names_after_description(self, toks, norms: list[str], n: int, before_comma: str | None,
                                       after: str) -> int:
        """How many words before the surname (the last ``n`` of ``toks``) are first names that
        no list knows, where the article introduces the person after a description: «المتحدثة
        باسم مكتب حقوق الإنسان في الأمم المتحدة رافينا شامداساني» (a title or definite person
        noun, a description ending in «ال» word, the name), or «المتحدث باسم الخارجية
        الإيرانية، بهرام قاسمي،» (the title before a comma, the name closed by the next one).
        0 when neither."""
        lex = self.lexicon
        body = len(toks) - n
        for k in (1, 2):
            i = body - k
            if i < 0 or not self._trailing_name(toks, norms, i):
                continue
            if i == 0:  # the whole clause after the comma: an apposition to a title before it
                if before_comma is not None and (after[:1] in ("،", ",", "(") or after[:2] in (" ،", " (", " ,")):
                    words = _words_of(before_comma)[-_WINDOW:]
                    if lex.title_table.scan(words) or lex.body_words.scan(words):
                        return k
                continue
            if toks[i - 1].orig.lstrip("(«\"").startswith("ال") and (
                    lex.title_table.scan(norms[:i - 1])
                    or any(norms[j].startswith("ال") and _person_noun(norms, j) for j in range(i - 1))):
                return k
        return 0

    def _with_family_name(self, first: str, article_text: str) -> str | None:
        """«إيثان كوربن» for «إيثان» when the article writes the one word, then one plain word,
        then a title or a comma: a first name later used alone («وقال إيثان»)."""
        from .speakers import speaker_words

        lex, sw = self.lexicon, speaker_words()
        own = norm_phrase(first)
        if len(own) != 1 or len(own[0]) < 3 or self.name_span(list(own), 0):
            return None  # «رويترز» is known; «لي», «آخر» too short or no name
        for before, after, *_ in _descriptions(first, article_text):
            if len(after) < 2 or after[0] == "،":
                continue
            w = after[0]
            if _clitic_function_word(w) or w.startswith(("ال", "و")) or w.endswith("ه") \
                    or w in sw.phrase_ends or w in sw.not_heads or self.name_span(after, 0) \
                    or lex.title_table.match_at(after, 0) is not None or lex.country_at(after, 0) is not None:
                continue  # «أن», «قصة»: no family name
            if lex.title_table.match_at(after, 1) is not None:
                at = article_text.find(first)
                m = regex.search(regex.escape(first) + r"\s+(\S+)", article_text[at:]) if at >= 0 else None
                if m is not None and normalize_ar(m.group(1)) == w and regex.fullmatch(r"[\p{L}\p{M}]+", m.group(1)):
                    return f"{first} {m.group(1)}"  # (a plain word: not «كوشنير "يقول الرئيس ...»)
        return None

    def _only_name_words(self, words: list[str]) -> bool:
        """Whether ``words`` (before a name, after a comma) are a rank or the name's own first
        words («العميد الطيار», «بانوس»): no title, body, country, time word or function word,
        nothing after و/ف («وقال»: the name is a clause's subject, not an apposition)."""
        from .speakers import speaker_words

        lex = self.lexicon
        if not words or len(words) > 3:
            return False
        not_heads = speaker_words().not_heads
        for i, w in enumerate(words):
            if lex.honorifics.match_at(words, i, clitics=False) is not None:
                continue
            if w in not_heads or _clitic_function_word(w) or len(w) < 3 or w[0] in "وف" \
                    or lex.country_at(words, i) is not None \
                    or any(t.match_at(words, i) is not None for t in (lex.title_table, lex.body_words,
                                                                     lex.group_heads, lex.unnamed_table)):
                return False
        return True

    def _from_last_title(self, words: list[str]) -> list[str]:
        starts = [m.start for m in self.lexicon.title_table.scan(words)]
        return words[starts[-1]:] if starts else words

    def _description_end(self, words: list[str], start: int, end: int, person: bool) -> int:
        """Where the words from ``start`` (right after a mention) up to ``end`` stop describing
        it: at whom it was said to (right at ``start`` only a wire service after a ``person``:
        «وقال صلاح لوكالة الأنباء الفرنسية»; «الهيئة الوطنية للصحافة» is a body's own name), or
        at the counterpart met after it («عقب لقائه بنظيره الأميركي»)."""
        from .speakers import addressee_word, wire_addressee

        first = start if person and wire_addressee(words, start) else start + 1
        end = next((i for i in range(first, end) if len(words[i]) >= 4 and addressee_word(words[i])), end)
        return next((m.start for m in self.lexicon.title_table.scan(words[:end], start)
                     if any(t.office == "counterpart" for t in m.payloads)), end)

    def _described_country(self, before: list[str], after: list[str], person: bool = False) -> str | None:
        # the title right before the name («وزير الخزانة الأمريكي ستيفن منوشين»), then the
        # apposition after it («رمضان شريف، المتحدث باسم الحرس الثوري») up to whom it was said to
        # («تشو فينغ النائبة من شنغهاي لوكالة الأنباء الفرنسية» is not French)
        # (nor the counterpart met after it: «أوغلو عقب لقائه بنظيره الأميركي» is not American)
        cut = self._description_end(after, 0, len(after), person)
        for words in (before, after[:cut]):
            if words and (self.lexicon.title_table.scan(words) or self.lexicon.body_words.scan(words)
                          or self.lexicon.group_heads.scan(words)):
                c = self._any_country(words, plural=False)  # «الروس» near a name: not his nationality
                if c is not None:
                    return c
        return None

    def _name_before_title(self, toks, norms: list[str], start: int) -> bool:
        """«ذياب القبلي قائد اللواء 143», «مزهر العزاوي قائد عمليات دجلة»: a plain word and a family
        name in a nisba's shape right before a title or a person noun are a name, whatever the
        first name."""
        lex = self.lexicon
        k = start + 2
        if k >= len(norms) or not self._plain_name_word(toks[start], norms, start):
            return False
        w = norms[start + 1]
        if not _nisba_shaped(w) or _function_word(toks[start + 1]) \
                or lex.country_word(norms, start + 1) is not None or _person_noun(norms, start + 1) \
                or any(t.match_at(norms, start + 1) is not None or t.match_at([w[2:]], 0) is not None
                       for t in (lex.title_table, lex.unnamed_table, lex.group_heads, lex.body_words, lex.modifiers)):
            return False
        return lex.title_table.match_at(norms, k) is not None or _person_noun(norms, k)

    def _family_name(self, toks, norms: list[str], start: int, j: int) -> bool:
        """«اللواء عبد الله العتيبي», «منصور التركي»: a definite word right after a first name
        (no title before it) is its family name, also one shaped like a country's adjective
        when it ends the mention; a title, body, modifier or person noun is not."""
        lex = self.lexicon
        w = norms[j]
        if j > start and toks[j].orig == "آل" and j + 1 < len(norms):
            return True  # «آل الشيخ», «آل ثاني»: a family
        if j > start + 1 and toks[j - 1].orig == "آل":
            return True
        if j == start or not _nisba_shaped(w) or _function_word(toks[j]):
            return False  # a family name in a nisba's shape («العتيبي»); «الشقيق», «اللاعب» describe
        if not lex.is_given_name(norms[start], toks[start].orig) and norms[start] not in ("عبد", "ابو"):
            return False
        if any(t.match_at([w[2:]], 0) is not None for t in (lex.title_table, lex.unnamed_table, lex.group_heads)) \
                or _person_noun([w[2:]], 0):
            return False  # «القيادي»: a title word with the article
        prev = norms[j - 1]
        if prev.startswith("ال") and not (j >= 2 and norms[j - 2] == "عبد"):
            return False  # only one family name, after a name («عبد الله» ends in «الله»)
        if not ((self._plain_name_word(toks[j - 1], norms, j - 1) and lex.is_given_name(prev, toks[j - 1].orig))
                or (j >= 2 and norms[j - 2] in ("عبد", "ابو", "بن", "ابن"))):
            return False  # after a first name, not after any word («مؤتمر الإيغور العالمي»)
        if lex.title_table.match_at(norms, start) is not None:
            return False
        for t in (lex.title_table, lex.body_words, lex.honorifics, lex.modifiers, lex.unnamed_table,
                  lex.group_heads):
            if t.match_at(norms, j) is not None:
                return False
        if self._aliases.match_at(norms, j) is not None or _person_noun(norms, j):
            return False
        return lex.country_at(norms, j) is None or j == len(norms) - 1

    def _name_span(self, toks, norms: list[str], start: int) -> tuple[int, int] | None:
        """Where a person's name sits in an unknown mention: after «يدعى», from a first name,
        after a title and its country («وزير الاقتصاد الفرنسي برونو لومير»), or after a title's
        whole description, whatever the first name («رئيس الفيفا جياني إنفانتينو»)."""
        from .speakers import speaker_words

        lex = self.lexicon

        def plain(j: int) -> bool:  # a word that can be part of a name
            return self._name_part(toks, norms, j)

        marked = self._marked_name(norms, start)
        if marked is not None:
            return marked
        for i in range(len(norms) - 2, start, -1):  # the last honorific after a title phrase
            if norms[i].startswith("ال") and lex.honorifics.match_at(norms, i, clitics=False) is not None \
                    and lex.honorifics.match_at(norms, i - 1, clitics=False) is None:
                # («الدكتور», «اللواء»; not «شيخ» of «قوات شيخ الكرامة», a body's name)
                j = k = lex.skip_honorifics(norms, i)
                if j < len(norms) and toks[j].orig.startswith("ال"):
                    break  # a description, not a name: «باسم الفريق المشترك لتقييم الحوادث», «الأستاذ الزائر»
                while k < len(norms) and k - j < 7 and (plain(k) or norms[k] in _NAME_LINKS or norms[k - 1] in _NAME_LINKS
                                                         or "آل" in (toks[k].orig, toks[k - 1].orig)):
                    k += 1  # «الدكتور عبدالله بن محمد بن إبراهيم آل الشيخ»
                if k - j >= 2:
                    return j, k  # «مدير جامعة الملك سعود الدكتور بدران العمر»: the holder's name
                break
        if self._name_before_title(toks, norms, start):
            return start, start + 2  # «ذياب القبلي قائد اللواء 143»: a first name no list knows
        run = start
        family_end = None  # where the family name ends («عبد الله العتيبي», «عبد العزيز آل الشيخ»)
        while run < len(norms) and run - start < 5:
            if family_end == run and (run + 1 >= len(norms) or norms[run + 1].startswith("ال")):
                break  # after a family name only more name («محمد المهدي نصر عبدون»), no description
            family = self._family_name(toks, norms, start, run) or self._plural_surname(toks, norms, start, run)
            if run > start and lex.evaluative.match_at(norms, run, clitics=False) is not None:
                break  # «ليساندرا زيبيدا كبيرة الباحثين»: a description's adjective, no name
            if not (self._plain_name_word(toks[run], norms, run) or family or self._kin_surname(norms, start, run)
                    or (run > start and norms[run - 1] in ("عبد", "ابو", "بن", "ابن", "بنت"))
                    or (run > start and norms[run] in speaker_words().name_compound_tails)  # «ذبيح الله»
                    or (run + 2 < len(norms) and norms[run + 1] in ("بن", "ابن"))):  # «تركي بن عبد الله»
                break  # «عبد الواحد», «أبو طالبي»: one name
            if family and toks[run].orig != "آل":
                family_end = run + 1
            run += 1
        if family_end is not None and family_end - start >= 2:
            return start, run  # «منصور التركي», «محمد المهدي نصر عبدون»
        if 2 <= run - start < 5 and run < len(norms) and not (
                run + 1 < len(norms) and norms[run].startswith("ال") and norms[run].endswith("ي")
                and lex.is_given_name(norms[run + 1], toks[run + 1].orig)):
            return start, run  # «جاي سيكولو، أحد محاميي ترامب»: the name before its apposition
            # (not «مهاجم ليفربول، المصري محمد صلاح»: a description, then a nisba and a given name)
        family = speaker_words().family_nouns
        titles = lex.title_table.scan(norms, start)
        inside_title = {k for t in titles for k in range(t.start + 1, t.end)}
        for i in range(start, len(norms)):
            if not (lex.is_given_name(norms[i], toks[i].orig)
                    or (i + 2 < len(norms) and norms[i + 1] in ("بن", "ابن", "بنت") and plain(i))
                    or (i + 2 < len(norms) and norms[i + 1] in speaker_words().name_compound_tails and plain(i)
                        and not _person_noun(norms, i))):  # (not «رجل الدين»: a cleric)
                continue  # a first name, a word before «بن/بنت» («الأمير تركي بن محمد», «الأميرة نورة بنت
                # فيصل»), the first word
                # of a compound name in «الله/الدين/الإسلام» («عطاء الله خوجياني», «فخر الدين ألتون»)
            if i in inside_title:
                continue  # a title's own word: «باسمه» of «المتحدث باسمه» (not the first name «باسم»)
            if i > start and norms[i - 1] in family:
                return None  # «متحدث باسم أسرة جورج بوش الأب»: the family's name, not the speaker's
            title = lex.title_table.match_at(norms, i, clitics=False)
            if title is not None and title.end - title.start > 1:
                continue  # «أمين عام ...»: a title that opens with a given name
            if norms[i] == "غير" and i + 1 < len(norms) and norms[i + 1].endswith(("ي", "يه", "يون", "يين")):
                continue  # «منظمة غير حكومية»: «non-», not the first name of «غير بيدرسن»
            if i == start and i + 1 >= len(norms):
                return i, i + 1
            first = i - 1 if self._first_name_before(toks, norms, start, i) or (
                norms[i] in ("عبد", "ابو") and i - 2 >= start and norms[i - 2].startswith("ال") and plain(i - 1)
                and not _function_word(toks[i - 1]) and not norms[i - 1].startswith("ال")) else i
            # («وزيرة الثقافة، إيناس عبد الدايم»: after a description's definite word, a first name no
            # list knows before a compound in «عبد», her second name; not «حاكم ولاية بدغيس عبد الغفور»)
            j = i + 1
            while j < len(norms) and j - i < 9 and (plain(j) or norms[j - 1] in ("بن", "ابن", "بنت")) and (
                    j - i < 4 or norms[j] in _NAME_LINKS or norms[j - 1] in _NAME_LINKS
                    or toks[j].orig == "آل") and not self._affiliation(norms, j) \
                    and lex.evaluative.match_at(norms, j, clitics=False) is None:  # after «بن» a name
                j += 1  # «فيصل بن خالد بن عبد الله آل سعود»: a chain of «بن» goes on (not into «وليام
                # أوربان، كبير المتحدثين»: an evaluative adjective opens a description)
            if j < len(norms) and toks[j - 1].orig == "آل":
                j += 1  # «سلطان بن سحيم آل ثاني»: the family after «آل»
            if j == i + 1 < len(norms) and (fam := self._aliases.match_at(norms, j)) is not None \
                    and any(self._entries[r.idx]["type"] == "person" for r in fam.payloads):
                j = fam.end  # «حافظ قائد السبسي»: a first name, then a known person's family name
            if j - i >= 2 or i == start or first < i:
                return first, j
        t = lex.title_table.match_at(norms, start)
        if t is not None:  # «السيناتور الجمهوري ليندسي غراهام»: title, adjectives, a name to the end
            i = t.end
            while i < len(norms) and norms[i].startswith("ال") and norms[i].endswith(("ي", "يه")):
                i += 1
            j = i
            while j < len(norms) and self._plain_name_word(toks[j], norms, j):
                j += 1
            if 2 <= j - i <= 4 and j == len(norms):
                return i, j
        countries = [c for c in lex.country_table.scan(norms, start) if not (  # «ويلبور روس»: a surname
            c.payloads[0].kind == "plural" and c.start > start and self._plain_name_word(toks[c.start - 1], norms, c.start - 1))]
        if titles and countries and countries[-1].start >= titles[0].end:
            i, _ = lex.skip_modifiers(norms, countries[-1].end)
            while i < len(norms) and norms[i].startswith("ال") \
                    and lex.evaluative.match_at([norms[i][2:]], 0, clitics=False) is not None:
                i += 1  # «السيناتور الأمريكي البارز لينزي غراهام»
            i = lex.skip_honorifics(norms, i)
            if 0 < len(norms) - i <= 4 and not toks[i].orig.startswith("ال") \
                    and not any(v.startswith("ال") for v in clitic_variants(norms[i])[1:]) \
                    and not (norms[i][:1] in "بل" and any(w.startswith("ال") for w in norms[i + 1:])) \
                    and all(plain(j) for j in range(i, len(norms))):  # not «الديمقراطية لم يذكر اسمه»,
                return i, len(norms)  # nor a place after a preposition («سفير روسيا بالأمم المتحدة»,
                # «... الإسرائيلي لشؤون الإعلام العربي»)
        h = lex.skip_honorifics(norms, start)
        if h + 1 < len(norms) and lex.body_words.match_at(norms, h) is None and (
                (titles and titles[0].start == h) or (
                    _person_noun(norms, h) and not norms[h].endswith(("ون", "ين"))
                    and (norms[h].startswith("ال") or norms[h + 1].startswith("ال")))):
            # a title (or a person noun) whose description ends in a definite word, then a name to
            # the end, first names the list does not know included: «المتحدثة باسم مكتب حقوق
            # الإنسان في الأمم المتحدة رافينا شامداساني», «... (البنتاغون) أدريان غالاواي», «رجل
            # الدين مقتدى الصدر»
            for i in range(max(h + 1, titles[0].end if titles and titles[0].start == h else 0), len(norms)):
                # (after the whole title: not «باسمه» of «المتحدث باسمه»)
                if norms[i] in _RELATIVES:
                    break  # «المركز الذي يعمل فيه قبلان»: a relative clause, no name after it
                last = toks[i - 1].orig.lstrip("(«\"")  # («والطاقة»: «و» and a definite word; not «والد»)
                if len(norms) - i <= 3 and (last.startswith("ال") or (last.startswith("وال") and len(last) >= 6)) \
                        and self._trailing_name(toks, norms, i):  # «ال», not «أليستر» (→ اليستر)
                    return i, len(norms)
        return None

    def _marked_name(self, norms: list[str], start: int = 1) -> tuple[int, int] | None:
        """«موظف سابق في إدارة السجلات في البيت الأبيض يدعى ريجينالد يانغ»: a name after «يدعى»
        (titles.yaml name_markers) from ``start`` on, up to three words."""
        from .speakers import speaker_words

        ends = speaker_words().phrase_ends
        for i in range(start, len(norms) - 1):
            if norms[i] in self.lexicon.name_markers:
                b = i + 1
                while b < len(norms) - 1 and b < i + 3 and norms[b].startswith("ال"):
                    b += 1  # «واسمها الحقيقي ستيفاني كليفورد»: an adjective of «name», then the name
                e = b  # up to a word that ends the phrase («اسمها ماريانا، وكانت تحمل»)
                while e < min(len(norms), b + 3) and (e == b or norms[e] not in ends):
                    e += 1
                return b, e
        return None

    def _named_after_comma(self, mention: str, toks, norms: list[str]) -> tuple[int, int] | None:
        """«المسؤول في شرطة النقل البريطانية، مارك كليلاند»: an unnamed official's name in an
        apposition that ends the mention, two or three words that can only be a name."""
        cut = max(mention.rfind("،"), mention.rfind(","))
        if cut < 0:
            return None
        n = len(tokenize(mention[cut + 1:]))
        start = len(toks) - n
        if not 2 <= n <= 3 or start < 2 or toks[start].orig.startswith(("ب", "ل", "و", "ف")) \
                or _function_word(toks[start]):
            return None  # («دبلوماسيون روس ...، بتصوير فيديوهات مفبركة», «...، في إجابات مكتوبة»: an adjunct)
        lex = self.lexicon
        after_from = next((k for k in range(1, start) if norms[k] in ("من", "عن")), start)
        if any(_person_noun(norms, k) or lex.title_table.match_at(norms, k) is not None for k in range(after_from, start)):
            return None  # «مصدر قريب من الكاتب والإعلامي السعودي، جمال خاشقجي»: that person's name
        last = len(toks) - 1
        family = _nisba_shaped(norms[last]) \
            and lex.country_word(norms, last) is None and lex.title_table.match_at(norms, last) is None \
            and not _person_noun(norms, last)  # «قصي يوسف الجميلي»: a family name in a nisba's shape
        if all(self._plain_name_word(toks[j], norms, j) for j in range(start, last)) \
                and (family or self._plain_name_word(toks[last], norms, last)):
            return start, len(toks)
        return None  # (a known person there is the principal: «المتحدثة باسم المستشارة، أنجيلا ميركل»)

    def _first_name_before(self, toks, norms: list[str], start: int, i: int) -> bool:
        """«المتحدثة باسم وزارة الخارجية القطرية لولوة راشد الخاطر»: a word the lists do not know
        between a title's definite last word and a given name is the person's first name, the
        given name their father's («لولوة» opens with the letter of «ل»). Not after an indefinite
        word («حزب ميرتس أحمد الطيبي»: the party's name)."""
        if i - 2 < start:
            return False
        w, before = toks[i - 1].orig, toks[i - 2].orig.rstrip("،,")
        return len(w) >= 4 and not w.startswith(("و", "ب")) and not w.endswith("ى") \
            and not w.startswith(("لل", "لا")) and self._plain_name_word(toks[i - 1], norms, i - 1) \
            and before.startswith("ال") and before.endswith(("ي", "ية")) and before not in ("الذي", "التي") \
            and self.lexicon.body_words.match_at(norms, i - 2) is None  # (the title's nisba before it)

    def _affiliation(self, norms: list[str], j: int) -> bool:
        """«نافتالي بنيت المنتمي لحزب البيت اليهودي»: a body word after «ل» or «ب», or a definite
        word right before one, describes the person: the name has ended."""
        lex = self.lexicon

        def body_after_clitic(k: int) -> bool:
            w = norms[k] if k < len(norms) else ""
            return w[:1] in "لب" and len(w) > 3 and lex.body_words.match_at([w[1:]], 0, clitics=False) is not None

        return body_after_clitic(j) or (norms[j].startswith("ال") and body_after_clitic(j + 1))

    def _plural_surname(self, toks, norms: list[str], start: int, j: int) -> bool:
        """«دينس روس»: a country's broken plural right after a first name the mention opens with
        is a surname (a plural adjective follows a plural head: «مسؤولون روس»)."""
        if j != start + 1 or j >= len(norms) or norms[j].startswith("ال"):
            return False
        c = self.lexicon.country_at(norms, j, clitics=False)
        prev = norms[j - 1]
        return c is not None and c[0].kind == "plural" and c[1] == j + 1 \
            and self._plain_name_word(toks[j - 1], norms, j - 1) and not prev.endswith(("ون", "ين", "ات", "ان")) \
            and not norms[j].endswith("ان")  # (not a dual: «وزيران إسرائيليان»)

    def _kin_surname(self, norms: list[str], start: int, j: int) -> bool:
        """«علي بن محمد الرميحي»: a family name the registry knows as another person's surname
        («الرميحي», أحمد الرميحي), closing a name of first names that the registry does not know."""
        if j - start < 2 or not norms[j].startswith("ال") or j + 1 != len(norms) and norms[j + 1].startswith("ال"):
            return False
        m = self._aliases.match_at(norms, j)
        return m is not None and m.end == j + 1 and all(self._entries[r.idx]["type"] == "person" for r in m.payloads) \
            and self._aliases.match_at(norms, start) is None

    def _name_part(self, toks, norms: list[str], j: int) -> bool:
        """A word that can be part of a name: no number, title, country, modifier, function
        word, body word or honorific."""
        lex = self.lexicon
        country = lex.country_word(norms, j, clitics=False)
        if country is not None and country[0].kind == "plural" and j > 0 and not norms[j].startswith("ال") \
                and self._plain_name_word(toks[j - 1], norms, j - 1):
            country = None  # «ويلبور روس»: a surname after a first name
        return not (norms[j][:1].isdigit() or lex.title_table.match_at(norms, j)
                    or country
                    or lex.modifiers.match_at(norms, j, clitics=False) or _function_word(toks[j])
                    or lex.body_words.match_at(norms, j, clitics=False) or lex.honorifics.match_at(norms, j))

    def _trailing_name(self, toks, norms: list[str], i: int) -> bool:
        """Whether ``norms[i:]`` can be a name after a description: plain words, no function,
        time or emphatic word, nothing joined by و («وزيرة الثقافة والرياضة ميري ريجيف»), and not
        a preposition's construct chain («الاتحاد المصري لكرة القدم», «بالمدينة»)."""
        from .speakers import speaker_words

        sw = speaker_words()
        first = norms[i]
        if not self._plain_name_word(toks[i], norms, i) or any(v.startswith("ال") for v in clitic_variants(first)[1:]):
            return False
        if first[:1] in "بل" and any(w.startswith("ال") for w in norms[i + 1:]):
            return False  # «لحقوق الإنسان», «لمراقبة الإرهاب»
        return all(self._name_part(toks, norms, j) and not _clitic_function_word(w) and w[:1] != "و" and w not in sw.not_heads
                   and not w.endswith(("ها", "هم", "هما"))  # «معلومات مفادها», «يومها»
                   and w not in sw.phrase_ends and w not in self.lexicon.emphatics
                   for j, w in enumerate(norms[i:], i))

    def _unknown(self, mention: str, article_id: str | None, article_text: str | None = None,
                 date: _dt.date | None = None) -> Resolution:
        lex = self.lexicon
        toks = tokenize(mention)
        norms = [t.norm for t in toks]
        if not norms:
            aid = "x:?" + (f"@{article_id}" if article_id else "")
            return Resolution(Actor(aid, mention.strip() or "?", None, "other", known=False), "empty mention")
        head = lex.skip_honorifics(norms, 0)
        while 0 < head < len(norms) - 1 and lex.modifiers.match_at(norms, head, clitics=False) is not None:
            head += 1  # «الكولونيل المتقاعد، ريك فرانكونا»: a rank's modifier, then the name
        if head >= len(norms) or all(lex.country_word(norms, k) is not None for k in range(head, len(norms))):
            head = 0  # «الجنرال الروسي»: a rank and its country, no name (not «الروسي»)
        # a leading clitic on a title or unnamed head: «ومسؤول لبناني», «لوزير الخارجية»
        for v in clitic_variants(norms[head])[1:]:
            rest = [v] + norms[head + 1:]
            if lex.unnamed_table.match_at(rest, 0, clitics=False) \
                    or lex.title_table.match_at(rest, 0, clitics=False):
                cut = len(norms[head]) - len(v)
                toks = toks[:head] + [type(toks[head])(toks[head].orig[cut:], v)] + toks[head + 1:]
                norms = norms[:head] + [v] + norms[head + 1:]
                break
        country, role = self._title_info(norms, article_text)
        kingdom = None
        if country is None and article_text and _bare_kingdom(norms, lex):
            # «مفتي عام المملكة», «سفير المملكة لدى الأردن»: the kingdom the article is about
            country = kingdom = _country_words(article_text)[1]
            if kingdom and len(norms) == 1:  # «وأكدت المملكة»: the kingdom speaks, as «السعودية» does
                names = lex.countries.get(kingdom, {}).get("names") or []
                found = self._match(names[0], date, article_id, article_text) if names else None
                if found is not None:
                    return Resolution(found.actor, f"«المملكة»: the article's kingdom ({found.how})", found.matched)
        unnamed = role == "official_unnamed"
        group = lex.group_heads.match_at(norms, head)
        span = (self._marked_name(norms) or self._named_after_comma(mention, toks, norms)) if unnamed or group else \
            (self._name_span(toks, norms, head) or self._named_after_comma(mention, toks, norms))
        if span is not None and all(lex.evaluative.match_at(norms, k, clitics=False) is not None
                                    for k in range(*span)):
            span = None  # «زعيم كردي سوري بارز»: an adjective of the title, no name
        if span is not None and self._governed_holder(norms, head, span, date,
                                                      _article_index(article_text) if article_text else None):
            span = None  # «زوجة الرئيس السوري بشار الأسد»: not بشار الأسد himself
        if span is not None and "باسم" in norms[head:span[0]] and (known := self._aliases.match_at(norms, span[0])) \
                and any(self._entries[r.idx]["type"] == "person" for r in known.payloads) \
                and not any(self._person_name(norms[k:k + 1]) for k in range(head, span[0])):
            span = None  # «المتحدث باسم الرئيس الفلسطيني محمود عباس (أبو مازن)»: the spokesperson's
            # principal, not the speaker's own name (which follows the principal's: «المتحدث باسم
            # بوتين ديمتري بيسكوف»)
        if span is None and country is not None and lex.country_word(norms, head) is not None \
                and lex.family_name_at(norms, head):
            span, country = (head, len(norms)), None  # «تركي آل الشيخ», «تركي بن طلال»: a given name
            # shaped like a country's adjective, before a family or a father's name
        if span is None:
            cut = _second_conjunct(norms, head, lex)
            if cut is not None:  # «منظمة خيرية ومجموعة مراقبين»: joint speakers, the first one
                return self._unknown(" ".join(t.orig for t in toks[:cut]), article_id, article_text, date)
        if span is not None and country is not None \
                and any(lex.country_at(norms, k) is not None for k in range(*span)):
            # «منصور التركي»: a family name shaped like a country's adjective names no country
            country = self._title_info(norms[:span[0]] + norms[span[1]:])[0]
        notes = [f"title words: {role or '-'}, {country or '-'}"] + (
            [f"«المملكة»: the article's kingdom, {kingdom}"] if kingdom else [])
        if span is not None and span[1] - span[0] > 2:
            span = _after_quoted_name(mention, span, len(toks))  # «رئيس "سيسكو" تشاك روبنز»
        if span is not None and span[1] - span[0] > 1 and norms[span[0]] in lex.emphatics:
            span = (span[0] + 1, span[1])  # «... الكندي نفسه جاستن ترودو»: not «نفسه جاستن ترودو»
        if span is not None:
            words = toks[span[0]:span[1]]
            name = " ".join(t.orig for t in words)
            if span == (head, len(norms)) and span[1] - span[0] <= 2 and article_text:
                full = self.full_name(name, article_text)  # «عبد الرحمن» after «رامي عبد الرحمن»
                known = self._match(full, date, article_id, article_text) if full else None
                if known is not None and known.how != "unnamed" and known.actor.type == "person":
                    return known
                if full is not None:  # «كرم» after «رئيس الكتلة عرفات كرم»: one actor, the full name
                    notes.append(f"the article's full name for {name}: {full}")
                    words, name = tokenize(full), full
            if country is None:
                family = next(iter(lex.ruling_families.scan(norms, span[0])), None)
                if family is not None and family.start < span[1]:
                    country = family.payloads[0]  # «سلطان بن سحيم آل ثاني»: a ruling family's
                    notes.append(f"ruling family: {country}")
            if country is None:
                country = self.name_country(name, article_text, person=True)
                if country:
                    notes.append(f"country of the article's description of {name}: {country}")
            if country is None and role is not None and span[0] > head and article_text \
                    and _writes_of_its_kingdom(article_text):
                # «معالي وزير الحج الدكتور بندر حجار» in an article that calls its country «المملكة»
                # (the Saudi press): a title of no country is an office of that kingdom
                country = _country_words(article_text)[1]
                notes.append(f"a title in an article about «المملكة»: {country}")
            if country is None and article_text and not _non_governmental(norms[:span[0]] + norms[span[1]:]) \
                    and ((span[0] > head and self._state_body(norms, head, span[0]))
                         or self._state_body(norms, span[1], len(norms))):
                # «عضو مجلس الشورى الدكتور عبدالله الفيفي», «النائب في مجلس النواب محمد الكربولي»,
                # «جمانة غنيمات ... والمتحدثة باسم الحكومة»: a state body of no country in the
                # mention is the article's country's, as the bare body is («مجلس النواب» alone)
                country = _article_country(article_text)
                if country:
                    notes.append(f"a body of the article's country in the mention: {country}")
            aid = "x:" + " ".join(t.norm for t in words)
            how = "unknown person named in the mention"
        else:
            words = toks[head:]
            head_end = lex.unnamed_head(norms, head) if unnamed else group.end if group else None
            if head_end is not None:
                # «مسؤول لبناني تربطه علاقات وثيقة بنظام الأسد» -> «مسؤول لبناني»
                words = words[:trim_after_country(words, head_end - head, lex)]
            name = " ".join(t.orig for t in words)
            has_country = lex.first_country(norms, head) is not None

            def lookup(phrase: str):
                return self.lookup(phrase, article_text=article_text)

            if unnamed and head_end is not None and has_country:
                name = canonical_unnamed(words, head_end - head, lex, lookup) or name
            how = "unnamed official" if unnamed else "unknown speaker"
            bare_body = role is not None and len(words) == 1 and norms[head].startswith("ال") \
                and not unnamed and lex.body_words.match_at(norms, head, clitics=False) is not None
            if bare_body:
                head_end = head + 1
            if head_end is not None and not has_country and not _non_governmental(norms) \
                    and not (unnamed and norms[head].startswith("ال") and head_end == head + 1 == len(norms)):
                if country is None and article_text:
                    country = _article_country(article_text)
                    if country:
                        notes.append(f"country of the article: {country}")
                if country and country != "INT":  # (an international body's source stays as written:
                    # «مصدر آخر في الإنتربول», not «مصدر أممي»: «أممي» says the UN)
                    described = with_country(words, head_end - head, country, lex, lookup, indefinite=unnamed)
                    if described and bare_body:
                        known = self._match(described, None, article_id, article_text)
                        if known is not None:
                            return known
                    name = described or name
            if head_end is None and role is None and article_text and len(words) <= 2 \
                    and not _person_noun(norms, head):
                full = self.full_name(name, article_text)
                if full is not None:  # «فوتيل» -> «جوزيف فوتيل»: one actor for the person
                    known = self._match(full, date, article_id, article_text)
                    if known is not None and known.how != "unnamed" and known.actor.type == "person":
                        return known  # «أوغلو» after «مولود جاويش أوغلو»: the registry's person
                    notes.append(f"the article's full name for {name}: {full}")
                    name, words = full, tokenize(full)
                    if country is not None and lex.country_at(norms, head) is not None:
                        country = None  # «روس» after «دينس روس»: a surname, no Russians
            if country is None and head_end is None and article_text:
                # no unnamed or group head: a surname the registry does not know («فوتيل»), or a
                # title or body without a country. The article's description of those words
                # gives the country; else a title or body word speaks for the article's country;
                # anything else (no head word at all) gets none: unknown beats wrong
                country = self.name_country(" ".join(t.orig for t in words), article_text)
                if country:
                    notes.append(f"country of the article's description of the mention: {country}")
                elif (role is not None or _person_noun(norms, head)) and not _non_governmental(norms) \
                        and not _kin(norms, head):  # («خطيبة خاشقجي»: his fiancée, of no country said)
                    country = _article_country(article_text)
                    if country:
                        notes.append(f"country of the article: {country}")
            if group and not role:
                role = "other"
            aid = "x:" + " ".join(t.norm for t in tokenize(name))
            if unnamed and article_id:
                aid += f"@{article_id}"
        role = role or "other"
        return Resolution(Actor(aid, name, country, role, known=False,
                                type="body" if role in _BODY_ROLES else "person"),
                          f"{how} ({'; '.join(notes)})")


def _kin(norms: list[str], head: int) -> bool:
    """«خطيبة خاشقجي», «شقيق الضابط»: a relative of someone (speakers.yaml ``kin_nouns``)."""
    from .speakers import speaker_words

    return head < len(norms) and norms[head] in speaker_words().kin_nouns


def _non_governmental(norms: list[str]) -> bool:
    """«منظمة ... غير الحكومية», «منظمات غير حكومية»: a body that speaks for no government,
    so not for the article's country either."""
    return any(w == "غير" and i + 1 < len(norms) and norms[i + 1].removeprefix("ال").startswith("حكومي")
               for i, w in enumerate(norms))


def _person_noun(norms: list[str], i: int) -> bool:
    """A person or group noun («طبيب», «سكان», «المتظاهرون»; ``speakers.yaml``) at ``norms[i]``."""
    from .speakers import speaker_words

    lex = bundled_lexicon()
    while i < len(norms) and lex.unnamed_prefixes.match_at(norms, i, clitics=False) is not None:
        i += 1  # «بعض المحتجين»
    return i < len(norms) and speaker_words().person_nouns.match_at(norms, i) is not None


def _only_before(toks, text: str) -> bool:
    """Whether each of the first words of a name (``toks`` but the last) stands, everywhere the
    article writes it, right before the next word of the name: a first name does («هايكو» before
    «ماس»), a verb or a common word does not («يكون هانت», «كتب علاء»)."""
    for a, b in zip(toks, toks[1:]):
        for m in regex.finditer(r"(?<![\p{L}\p{M}])" + regex.escape(a.orig) + r"(?![\p{L}\p{M}])", text):
            if not text[m.end():].lstrip().startswith(b.orig):
                return False
    return True


_RELATIVES = {"الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي"}
_COMPLEMENTIZERS = {"ان", "انه", "انها", "انهم", "انهما", "اننا", "بان", "بانه", "بانها"}
_PIECE = regex.compile(r"[،,()]|[\p{L}\p{M}\p{N}]+")
_WINDOW = 8


_SENTENCE_END = regex.compile(r"[.؟!?\n؛:]")
_LONG_VOWELS = "اأإآويىء"
_HAMZA_ALEFS = str.maketrans("أإآ", "ااا")
_DROP_LONG_VOWELS = str.maketrans("", "", _LONG_VOWELS)


def _other_spelling(name: str, article_text: str) -> str | None:
    """The one other way the article writes a foreign name, with long vowels added or dropped
    («دي مستورا» / «دي ميستورا»): each letter kept in order, a long vowel optional after the first
    letter (a definite word differs by its hamzas only: «الأزهري» / «الازهري»). None when the
    name is short (under four consonants in its last word), the article writes it no other way,
    or in more than one other way."""
    words = name.split()
    if not words or len(words) > 2 or not all(w.isalpha() for w in words) \
            or sum(c not in _LONG_VOWELS for c in words[-1]) < 4:
        return None
    by_ends = _words_by_ends(article_text)
    options = []
    for w in words:
        key = _spelling_key(w)
        options.append([v for v in by_ends.get((key[0], w[-1]), ()) if _spelling_key(v) == key])
    found = set()
    for combo in itertools.product(*options):
        phrase = " ".join(combo)
        if phrase != name and (len(combo) == 1 or phrase in article_text):
            found.add(phrase)
    return found.pop() if len(found) == 1 else None


def _spelling_key(word: str) -> str:
    """What two spellings of one word share: its hamzas folded, and unless it is definite, its
    long vowels after the first letter dropped («ميستورا», «مستورا» -> «مستر»)."""
    w = word.translate(_HAMZA_ALEFS)
    return w if w.startswith("ال") else w[0] + w[1:].translate(_DROP_LONG_VOWELS)


@functools.lru_cache(maxsize=32)
def _words_by_ends(article_text: str) -> dict[tuple[str, str], list[str]]:
    """The article's words by their first letter (hamzas folded) and last letter: the few a
    spelling key is then computed for (read once per article)."""
    out: dict[tuple[str, str], list[str]] = {}
    for w in {w.strip(_EDGE_MARKS) for w in article_text.split()}:
        if w:
            out.setdefault((w[0].translate(_HAMZA_ALEFS), w[-1]), []).append(w)
    return out


_EDGE_MARKS = "\"'«»“”()[]{}،,.:;؛!?؟-_#/"


_SPAN = 200  # characters looked at on each side of a name
_PLACES = 4  # the first places an article writes a name


class Place(NamedTuple):
    """One place an article writes a name (:func:`_descriptions`), as normalized words."""

    before: list[str]  # back to the clause boundary
    after: list[str]  # the apposition, or up to the next comma
    sentence: list[str]  # «…» where the name stands
    earlier: list[str]  # the clause before the comma that precedes ``before``


def _words_of(chunk: str) -> list[str]:
    """Normalized words of a text chunk, «،» kept as a word of its own."""
    from .lexicon import _norm_token

    out = []
    for p in _PIECE.findall(chunk):
        if p in "،,()":
            out.append("،")
        else:
            n = _norm_token(p)
            if n:
                out.append(n)
    return out


def _after_quoted_name(mention: str, span: tuple[int, int], n_tokens: int) -> tuple[int, int]:
    """A person's name span that starts with a word closed by a quotation mark, two name words or
    more after it: the quoted word is the body the title heads («رئيس "غافي" سيث بيركلي»), so the
    name starts after it."""
    spans = [(m.start(), m.end()) for m in _TOKEN_RE.finditer(mention)]
    if len(spans) != n_tokens:
        return span  # (a word the tokenizer dropped: offsets would not line up)
    for k in range(span[0], span[1] - 2):
        gap = spans[k][1]
        after = mention[gap:spans[k + 1][0]]
        closing = "»" in after or ('"' in after and mention[:gap].count('"') % 2 == 1)
        if closing and all(not mention[a:b].startswith("ال") and not mention[a:b][:1].isdigit()
                           for a, b in spans[k + 1:span[1]]):
            return k + 1, span[1]  # (the name's words: no definite noun, «التغريدة بالفيديو»)
    return span


def _descriptions(name: str, text: str):
    """A :class:`Place` for each of the first places the article writes ``name`` (as written,
    or with و/ل/ب before it): before, back to the clause boundary (a comma right before the
    name is an apposition's); after, the apposition between commas or the words up to the next
    comma; the sentence's words, with «…» where the name stands; and the clause before
    the comma that ends ``before`` («منسق الأمم المتحدة ...، بانوس مومتزيس»)."""
    name = name.strip()
    at = text.find(name) if name else -1
    seen = 0
    while at >= 0 and seen < _PLACES:
        start, end = at, at + len(name)
        at = text.find(name, end)
        if start > 0 and text[start - 1] in "ولب":
            start -= 1  # «وفوتيل», «لفوتيل»
        if (start > 0 and text[start - 1].isalpha()) or (end < len(text) and text[end].isalpha()):
            continue  # inside another word
        seen += 1
        left = text[max(0, start - _SPAN):start]
        cut = [e.end() for e in _SENTENCE_END.finditer(left)]
        left_words = _words_of(left[cut[-1]:] if cut else left)
        right = text[end:end + _SPAN]
        e = _SENTENCE_END.search(right)
        rest = _words_of(right[:e.start()] if e else right)
        j = len(left_words) - 1
        if j >= 0 and left_words[j] == "،":
            j -= 1
        before = []
        while j >= 0 and left_words[j] != "،" and len(before) < _WINDOW:
            before.insert(0, left_words[j])
            j -= 1
        k = 1 if rest[:1] == ["،"] else 0
        after = []
        while k < len(rest) and rest[k] != "،" and len(after) < _WINDOW:
            after.append(rest[k])
            k += 1
        earlier = []  # the clause before the comma that ends before ``before``: «TITLE، NAME»
        if j >= 0 and left_words[j] == "،":
            j -= 1
            while j >= 0 and left_words[j] != "،" and len(earlier) < _WINDOW:
                earlier.insert(0, left_words[j])
                j -= 1
        yield Place(before, after, left_words + ["…"] + rest, earlier)


_COLLECTIVE_HEADS = {"مجموعه", "مجموعات", "منظمه", "منظمات", "جماعه", "جماعات", "تقارير", "هييه", "لجنه",
                     "لجان", "شبكه", "اتحاد", "مركز", "جمعيه", "جمعيات", "نشطاء", "ناشطين", "سكان", "شهود"}


def _second_conjunct(norms: list[str], head: int, lex: Lexicon) -> int | None:
    """Where a second noun phrase joined by و begins, after a first one of two words or more
    («مصادر في المعارضة وتقارير صحفية» -> 3); not coordinated adjectives («الروسية والسورية»,
    «دولية وغير حكومية»), a definite one inside a title («وزير الثقافة والإعلام») nor a name
    introduced by «ويدعى»."""
    for i in range(head + 2, len(norms)):
        w = norms[i]
        if len(w) < 4 or not w.startswith("و"):
            continue
        rest = w[1:]
        if rest in ("غير", "يدعي", "اسمه") or rest.startswith("ال") or rest.endswith(("ي", "يه", "يون", "يين")):
            return None
        if norms[i - 1] in _FUNCTION_WORDS:
            continue  # «مصدر في وزارة الخارجية»: و is the word's own letter
        # a second speaker opens with a head word («ومصادر», «ومجموعة», «وتقارير»); «علاقات
        # وثيقة», «وزير» and other words whose و is their own letter do not
        if rest in _COLLECTIVE_HEADS or lex.opens_head(rest) \
                or lex.title_table.match_at([rest], 0, clitics=False) is not None:
            return i
    return None


_FUNCTION_WORDS = {"في", "من", "عن", "باسم", "الذي", "التي", "الذين", "مع", "حول", "بشان", "ضد", "منذ",
                   "بعد", "قبل", "الي", "لدي", "و", "او", "ان", "انه", "انها"}


def _clitic_function_word(norm: str) -> bool:
    """«بأن», «لأن», «وإن», «لجورج» is no: a complementizer or preposition with a clitic before it."""
    return norm[:1] in "بلوف" and len(norm) > 2 and norm[1:] in ("ان", "انه", "انها", "ن", "ما", "من")


def _governed_by_clitic(w: str) -> bool:
    """«لبنك», «بشركة»: a noun with «ل» or «ب» on it (no article), in construct with what follows."""
    return w[:1] in "لب" and len(w) > 3 and not w.startswith(("ال", "لل", "بال"))


def _nisba_shaped(w: str) -> bool:
    """A family name in a nisba's shape: a definite word ending in «ي», longer than the article
    and a root («العتيبي», «الجميلي»; not «الري»)."""
    return w.startswith("ال") and w.endswith("ي") and len(w) > 4


def _function_word(tok) -> bool:
    """Prepositions and relatives («على» folds to «علي» — a name — so it is told by its ى)."""
    return tok.norm in _FUNCTION_WORDS or (tok.norm == "علي" and tok.orig.endswith("ى"))


def _spelling_variants(p: tuple[str, ...]) -> list[tuple[str, ...]]:
    """«عبد الله» ~ «عبدالله», «نصر الله» ~ «نصرالله», «أبو الغيط» ~ «أبوالغيط»."""
    out = [p]
    words = list(p)
    joined, i = [], 0
    while i < len(words):
        if i + 1 < len(words) and (words[i] in ("عبد", "ابو", "ابي", "بو") or words[i + 1] == "الله"):
            joined.append(words[i] + words[i + 1])
            i += 2
        else:
            joined.append(words[i])
            i += 1
    if tuple(joined) != p:
        out.append(tuple(joined))
    split = []
    for w in words:
        for pre in ("عبد", "ابو"):
            if w.startswith(pre) and len(w) > len(pre) + 2 and w != pre:
                split.extend([pre, w[len(pre):]])
                break
        else:
            if w.endswith("الله") and len(w) > 5:
                split.extend([w[:-4], "الله"])
            else:
                split.append(w)
    if tuple(split) != p:
        out.append(tuple(split))
    for a, b in _ADJECTIVE_SPELLINGS:  # «الأمريكية» ~ «الأميركية»
        for v in list(out):
            if any(a in w for w in v):
                out.append(tuple(w.replace(a, b) for w in v))
    return list(dict.fromkeys(out))


# two spellings of a country adjective inside a registry name: «وزارة الدفاع الأمريكية» is also
# written «وزارة الدفاع الأميركية» (normalized forms)
_ADJECTIVE_SPELLINGS = (("امريك", "اميرك"), ("اميرك", "امريك"))


def _rebuild(entries, lexicon) -> Registry:
    return Registry(entries, lexicon)
