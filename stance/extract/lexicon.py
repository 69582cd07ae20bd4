"""The extractor's knowledge, loaded from ``stance/extract/data/*.yaml`` (see
:mod:`stance.extract.knowledge`): reporting verbs (a :class:`VerbLexicon`, which a user's file
can extend per :class:`~stance.extract.Extractor`), function-word lists and word patterns, and
titles from the actor registry's ``titles.yaml``.

The lists follow ``codebook.md`` §1 and ordinary Arabic news grammar; they are linguistic,
not tuned to particular articles. They are read once at import; module constants are
immutable, so the extractor stays picklable and free of global state.
"""

from __future__ import annotations

import unicodedata

import regex

from stance.actors.speakers import PRONOUN_SUFFIXES  # the object pronouns: «اتهمه», «دعاها»

from .knowledge import DATA, body_heads, honorific_words, read_verbs, read_words, title_heads, title_words

_W = read_words(DATA / "words.yaml")


def words(key: str):
    """A word list of ``data/words.yaml`` (a tuple), or a compiled pattern of its ``patterns``."""
    return _W["patterns"][key] if key in _W["patterns"] else _W[key]

# Diacritics and tatweel that may sit inside a written verb («أكّد»); ``classify_word`` drops them.
_DIAC = "[\u064B-\u0652\u0640]*"

# Complementizer «أن/إن» (with ب and pronoun suffixes), after an optional preposition.
COMP_RE = words("complementizer")

# «بالقول» / «قائلا» after a verb just announce the words.
ANNOUNCE_RE = words("announce")
# Adverbs between a verb and its object: «رفضت مراراً اتهامات».
OBJECT_ADVERBS = frozenset(_W["object_adverbs"])

# Quotation marks (opening, closing). Straight and curly marks pair with any closer.
OPEN_MARKS = "\"«“”„‟"
CLOSE_MARKS = "\"»”“‟"

# Tokens that start an adjunct inside the speaker phrase (time, place of speech, addressee).
TIME_WORDS = frozenset(_W["time_words"])
ADJUNCT_HEADS = frozenset(_W["adjunct_heads"])
SPEECH_EVENT_NOUNS = frozenset(_W["speech_event_nouns"])
RELATIVES = frozenset(_W["relatives"])

# Words that make the speaker slot journalist narration rather than a speaker.
IMPERSONAL_SPEAKERS = frozenset(_W["impersonal_speakers"])
# Addressees, not speakers: after «طالب/دعا/حث» with the subject elided they are the object
# («وطالب العالم أن يتحرك» = he asked the world to act).
ADDRESSEE_ONLY = frozenset(_W["addressee_only"])

# Generic heads that refer back to an actor named earlier in the article.
ANAPHORIC_HEADS = _W["anaphoric_heads"]

# Lines that end the article body: comment boxes, share/follow widgets, related links.
FURNITURE_RE = _W["patterns"]["furniture"]
# Single link lines inside the body («قد يهمك..», «اقرأ أيضا»): skipped, the body goes on.
LINK_LINE_RE = _W["patterns"]["link_line"]
# Paragraph openers that continue a running article (teasers of other stories lack them).
CONNECTIVE_RE = _W["patterns"]["connective"]

# Speakers that are news media reporting events, not actors taking a position (codebook §1).
MEDIA_SPEAKER_RE = _W["patterns"]["media_speaker"]
# Words before a verb without و/ف that let it open a clause.
CLAUSE_OPENERS = frozenset(_W["clause_openers"])
# Conjunctions after which a reporting verb starts a new report, with or without a comma.
CLAUSE_CONNECTIVES = frozenset(_W["clause_connectives"])

# Verb forms that are as often something else (a preposition, «saw», «is considered»):
# they report speech only with an explicit أن/إن or quotation.
# Ambiguous forms that do report speech when a given preposition follows: «عبرت X عن قلقها».
# Verbs whose content follows the preposition ب: «أشاد ب», «هدد ب», «طالب X ب».
# Words before أن/إن that make it a conjunction, not a reporting complement.
NON_COMP_GOVERNORS = frozenset(_W["non_comp_governors"])

# Words after which a bare «إن» is the conditional «if», not the complementizer: verbs and
# negations («إن شاء الله», «إن لم», «إن كان»). A quotation that opens with it keeps it.
CONDITIONAL_FOLLOWERS = frozenset(_W["conditional_followers"])

# A negated verb reports nothing said: «ولم تعلن السلطات أسباب الحريق».
NEGATIONS = frozenset(_W["negations"])
# Words after which quotation marks hold a name, not words spoken: «باسم "غرفة العمليات"».
NAME_MARK_GOVERNORS = frozenset(_W["name_mark_governors"])

# Verbs with a direct object before their preposition: «حثت هيلي روسيا على ...», «دعا الجيش السكان إلى ...».
# Generic heads put before a body's own name: «فصيل كتائب حزب الله», «حركة حماس», «تنظيم داعش».
GENERIC_BODY_HEADS = frozenset(_W["generic_body_heads"])
# Intransitive speech verbs and the preposition that opens their content: «أعرب X عن ...».
# Everything between the verb and that preposition is the speaker («وأعربت وكالات إغاثة تابعة
# للأمم المتحدة عن قلقها»), however long.
# Title words after which the next undetermined words are a name: «البابا فرنسيس», «الأمير محمد بن سلمان».


class Trigger:
    """A reporting verb or participle found in text (the shape of a regex match)."""

    __slots__ = ("_start", "_end", "pre", "verb", "participle")

    def __init__(self, start: int, end: int, pre: str, verb: str, participle: bool):
        self._start, self._end, self.pre, self.verb, self.participle = start, end, pre, verb, participle

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self, name: str) -> str:
        return self.pre if name == "pre" else self.verb


_TOKEN = regex.compile(r"[\p{L}\p{M}]+")

_DIAC_RE = regex.compile(_DIAC)
_DIAC_CHAR = regex.compile("[\u064B-\u0652\u0640]")


def _letter(ch: str) -> bool:
    """A letter or a mark: part of a word for ``_TOKEN``."""
    return unicodedata.category(ch)[0] in "LM"


def _merged(files: list[str]):
    """The verb files read in order, a later file's entry replacing an earlier one of the same
    stem (and taking its forms from any other stem): verbs, participles (form -> agreement),
    participles_bi, participles_plain, masdars and masdar_objects."""
    verbs: dict[str, dict] = {}
    participles: dict[str, str] = {}
    participles_bi: set[str] = set()
    participles_plain: set[str] = set()
    masdars: list[str] = []
    masdar_objects: dict[str, str] = {}
    for path in files:
        data = read_verbs(path)
        for stem, e in data["verbs"].items():  # a user's entry replaces the bundled one
            for other in [o for o, oe in verbs.items() if o != stem and set(oe["forms"]) & set(e["forms"])]:
                verbs[other] = dict(verbs[other], forms={f: g for f, g in verbs[other]["forms"].items()
                                                         if f not in e["forms"]})
            verbs[stem] = e
        participles.update(data["participles"])
        participles_bi.update(data["participles_bi"])
        participles_plain.update(data["participles_plain"])
        masdars += [m for m in data["masdars"] if m not in masdars]
        masdar_objects.update(data["masdar_objects"])
    return verbs, participles, participles_bi, participles_plain, masdars, masdar_objects


class VerbLexicon:
    """Reporting verbs, participles and verbal nouns of speech, from one or more verbs files
    (the bundled ``data/verbs.yaml`` first; a later file adds stems or replaces a stem's
    entry). Plain data: it pickles with the extractor."""

    def __init__(self, files: list | tuple = ()):
        self.files = [str(DATA / "verbs.yaml"), *map(str, files)]
        verbs, participles, participles_bi, participles_plain, masdars, masdar_objects = _merged(self.files)
        self.verbs = verbs
        #: written form -> (stem, takes an object, continues); masdars are their own stem
        self.verb_forms: dict[str, tuple[str, bool, bool]] = {}
        self.verb_gender: dict[str, str] = {}
        for stem, e in verbs.items():
            for form, agr in e["forms"].items():
                self.verb_forms[form] = (stem, e["object"], e["continues"])
                self.verb_gender[form] = agr
        #: a form with an attached object pronoun («اتهمه», «دعاها») -> the form without it
        self.pronoun_forms = self._add_pronoun_forms(verbs)
        self.speech_masdars = frozenset(masdars)
        #: verbal noun -> where its content starts after the agent: "object" or a preposition
        self.masdar_objects = masdar_objects
        for m in masdars:
            self.verb_forms.setdefault(m, (m, False, False))
        self.participles = tuple(participles)
        self.verb_gender.update(participles)
        plain_ambiguous = frozenset(f for e in verbs.values() for f in e["ambiguous"])
        self.ambiguous_forms = plain_ambiguous | {  # a form with a pronoun as its plain form: «وصفها», «وصف»
            f for f, base in self.pronoun_forms.items() if base in plain_ambiguous}
        self.prep_required = {f: e["preposition"] for e in verbs.values() if e["requires_preposition"]
                              for f in e["ambiguous"]}
        self.bi_stems = frozenset(s for s, e in verbs.items() if e["bi"])
        self.bi_participles = frozenset(participles_bi)
        self.plain_participles = frozenset(participles_plain)
        self.intransitive_prep = {s: e["preposition"] for s, e in verbs.items() if e["preposition"]}
        self.transitive_stems = frozenset(s for s, e in verbs.items() if e["transitive"])
        self.needs_object_stems = frozenset(s for s, e in verbs.items() if e.get("needs_object"))
        self.told_stems = frozenset(s for s, e in verbs.items() if e.get("told"))
        self.no_object = frozenset(s for s, e in verbs.items() if not e["object"])
        self.slot_addressee_stems = frozenset(s for s, e in verbs.items() if e["addressee_in_slot"])
        self.statement_stems = frozenset(s for s, e in verbs.items() if e["statement"])
        self.reported_from_stems = frozenset(s for s, e in verbs.items() if e["reported_from"])
        self.continues_stems = frozenset(s for s, e in verbs.items() if e["continues"])
        self.named_subject_stems = frozenset(s for s, e in verbs.items() if e.get("named_subject"))
        self.sentence_initial = frozenset(f for e in verbs.values() for f in e.get("sentence_initial") or ())
        self._participle_set = frozenset(self.participles)
        # every plain written form classify() accepts: a paragraph none of whose words is here
        # (and that has no diacritics to strip) has no trigger, found by one set test
        self._trigger_words = frozenset([*self.verb_forms, *(p + f for f in self.verb_forms for p in "وف"),
                                         *self._participle_set, *("و" + p for p in self._participle_set)])
        self._cache: dict[str, tuple[str, str, bool] | None] = {}

    def _add_pronoun_forms(self, verbs: dict) -> dict[str, str]:
        """The forms of ``pronoun_object`` stems with each object pronoun, added to the verb
        forms (never replacing a form of their own); returns suffixed form -> plain form."""
        added = {}
        for stem, e in verbs.items():
            if not e.get("pronoun_object"):
                continue
            for form, agr in e["forms"].items():
                if form.endswith("ى"):
                    continue
                base = form[:-1] if form.endswith("وا") else form  # «اتهموا» -> «اتهموه»
                for suffix in PRONOUN_SUFFIXES:
                    full = base + suffix
                    if full not in self.verb_forms:
                        self.verb_forms[full] = (stem, e["object"], e["continues"])
                        self.verb_gender[full] = agr
                        added[full] = form
        return added

    def __getstate__(self):
        return {k: v for k, v in self.__dict__.items() if k != "_cache"}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._cache = {}

    def classify(self, word: str) -> tuple[str, str, bool] | None:
        """``(prefix, verb, is_participle)`` when ``word`` is a reporting verb or participle."""
        try:
            return self._cache[word]
        except KeyError:
            pass
        if len(self._cache) > 16384:
            self._cache.clear()
        w = _DIAC_RE.sub("", word) if not word.isalpha() or "\u0640" in word else word
        hit = None
        if w in self.verb_forms:
            hit = ("", w, False)
        elif w in self._participle_set:
            hit = ("", w, True)
        elif len(w) >= 3 and w[0] in "وف":  # «وحث» is و + حث
            rest = w[1:]
            if rest in self.verb_forms:
                hit = (w[0], rest, False)
            elif w[0] == "و" and rest in self._participle_set:
                hit = ("و", rest, True)
        self._cache[word] = hit
        return hit

    def iter_triggers(self, text: str, start: int, end: int):
        """Reporting verbs and participles in ``text[start:end]``, in order (a dictionary
        lookup per word: much faster than one large alternation)."""
        if _DIAC_CHAR.search(text, start, end) is None:
            # without diacritics to strip only the listed forms are triggers: find the few
            # present, then where they stand as whole words (str.find, not a loop over words)
            present = self._trigger_words.intersection(_TOKEN.findall(text, start, end))
            if not present:
                return
            found = []
            for w in present:
                i = text.find(w, start, end)
                while i >= 0:
                    j = i + len(w)
                    if (i == start or not _letter(text[i - 1])) and (j == end or not _letter(text[j])):
                        found.append((i, j, w))
                    i = text.find(w, j, end)
            for i, j, w in sorted(found):
                hit = self.classify(w)
                if self._stands(text, i, hit, start):
                    yield Trigger(i, j, hit[0], hit[1], hit[2])
            return
        for m in _TOKEN.finditer(text, start, end):
            hit = self.classify(m.group())
            if hit is not None and self._stands(text, m.start(), hit, start):
                yield Trigger(m.start(), m.end(), hit[0], hit[1], hit[2])

    def _stands(self, text: str, i: int, hit, start: int) -> bool:
        """Whether the form at ``i`` is a trigger where it stands: a ``sentence_initial`` form
        only opening its sentence, a participle not as a predicate or noun («بات مستبعدا», «كان
        مشيرا», «إثر متابعة»). ``start``: the paragraph's start (-1: a slice of it)."""
        if hit[1] in self.sentence_initial and not _sentence_initial(text, i, start):
            return False
        if hit[2]:
            before = text[max(0, start, i - 16):i].split()
            return not (before and _predicate_word(before[-1]))
        return True

    def trigger_at(self, text: str, pos: int):
        """The reporting verb or participle starting exactly at ``pos``, if any."""
        m = _TOKEN.match(text, pos, min(len(text), pos + 40))
        if m is None:
            return None
        hit = self.classify(m.group())
        if hit is None or not self._stands(text, pos, hit, 0):
            return None
        return Trigger(m.start(), m.end(), hit[0], hit[1], hit[2])

    def has_trigger(self, text: str) -> bool:
        return any((hit := self.classify(m.group())) and self._stands(text, m.start(), hit, -1)
                   for m in _TOKEN.finditer(text))

    def imperfect(self, verb: str) -> bool:
        return verb.startswith("ي") or (verb.startswith("ت") and not verb.endswith("ت")
                                        and self.verb_gender.get(verb) == "f")


_PARTICIPLE_NOT_AFTER = frozenset(words("participle_not_after"))


def _predicate_word(prev: str) -> bool:
    """Whether a participle's form right after ``prev`` is a predicate or a noun, no participle
    at all: after «إثر», «كان», «بات» ... (words.yaml participle_not_after)."""
    return prev.lstrip("و") in _PARTICIPLE_NOT_AFTER


def adjective_participle(prev: str, form: str) -> bool:
    """Whether a participle's form right after the word ``prev`` (no comma between) is an
    adjective, a predicate or a noun: after «إثر», «كان», «بات» ...; or feminine after a feminine
    indefinite word it agrees with («لإجراءات أمنية مشددة», «شعارات منددة بـ»)."""
    if prev.endswith(("،", ",", ".", ":", '"', "»", "”")):
        return False
    return _predicate_word(prev) or (form.endswith("ة") and prev.lstrip("و").endswith(("ة", "ات"))
                                     and not prev.lstrip("و").startswith(("ال", "لل", "بال")))


_SENTENCE_END = frozenset(".!?؟\n")


def _sentence_initial(text: str, i: int, start: int) -> bool:
    """Whether the word at ``i`` opens a sentence: only quotation marks, dashes and spaces stand
    between it and a full stop, a line break or ``start`` (the paragraph's start; -1: none)."""
    k = i - 1
    while k >= max(start, 0) and text[k] in " \t\"«»“”-–—":
        k -= 1
    if k < max(start, 0):
        return start >= 0  # the paragraph's start; a slice's start (-1) is no sentence start
    return text[k] in _SENTENCE_END


DEFAULT_VERBS = VerbLexicon()
VERB_FORMS = DEFAULT_VERBS.verb_forms
VERB_GENDER = DEFAULT_VERBS.verb_gender
PARTICIPLES = DEFAULT_VERBS.participles
SPEECH_MASDARS = DEFAULT_VERBS.speech_masdars
classify_word = DEFAULT_VERBS.classify
iter_triggers = DEFAULT_VERBS.iter_triggers
trigger_at = DEFAULT_VERBS.trigger_at
has_trigger = DEFAULT_VERBS.has_trigger

TIME_MODIFIERS = frozenset(_W["time_modifiers"])
# Title words after which a name follows: from the actor registry's titles.yaml (one source).
TITLE_WORDS = title_words()
# One-word honorifics («معالي», «الدكتور»): they open a speaker, a name follows them.
HONORIFIC_WORDS = honorific_words()
# Words that open a title phrase («الأمين» of «الأمين العام»), from the same file.
TITLE_HEADS = title_heads()
# The same without the unnamed-official heads: titles of an office («رئيس», «السفير»).
OFFICE_HEADS = title_heads(unnamed=False)
# Words that open an unknown body's name («قيادة», «مجلس», «وزارة»), from the same file.
BODY_HEADS = body_heads()

# Verbal nouns that restate the reporting act after a verb: «جدد التأكيد على أن».
REPORTING_MASDARS = frozenset(_W["reporting_masdars"])
