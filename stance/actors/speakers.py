"""Speaker mentions as noun phrases: what may head a speaker, and where the phrase ends.

A speaker is a noun phrase headed by a name, a title, a body or a person noun. Anything else
that an extractor finds in a verb's subject slot — a number («خمسة»), an adverb («مرارا»,
«ليلا»), a verbal noun («ارتفاع»), a prepositional or time phrase («وردا على سؤال», «عشية
المواجهة») — is no speaker: :func:`speaker_span` returns None and the extractor drops the
candidate (carrying the previous speaker instead scored worse on dev, dev2 and the judged
pool). A phrase that runs on is trimmed to its head noun phrase: an addressee («شومر
للصحافيين» -> «شومر», «قائد قوات محلية لرويترز» -> «قائد قوات محلية»), the reported content
(«مصادر ... تأكيدهم»), narration («..، وقد»).

>>> from stance.actors import Registry
>>> from stance.actors.speakers import speaker_span
>>> reg = Registry.load()
>>> m = "شومر للصحافيين"
>>> s, e = speaker_span(reg, m); m[s:e]
'شومر'
>>> speaker_span(reg, "وردا على سؤال") is None
True

The word lists are data (``data/speakers.yaml``); names, titles, bodies, unnamed-official
and group heads, honorifics and given names are the registry's own (``titles.yaml``,
``people.yaml``, ``bodies.yaml``, ``countries.yaml``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import regex

from stance.text import normalize_ar

from .lexicon import PhraseTable, _norm_token, clitic_variants
from .schema import read_yaml, strip_lines

DATA = Path(__file__).parent / "data" / "speakers.yaml"
_PIECE = regex.compile(r"[،,()]|[\p{L}\p{M}\p{N}]+")
# attached pronouns, longest first («مسؤوليتها», «خلالها», «اتهمه»); stance.extract's verb forms
# with an object pronoun take them from here
PRONOUN_SUFFIXES = ("هما", "هم", "هن", "ها", "ه")
_MAX_WORDS = 20  # a slot this long ran into the content: keep its head phrase


@dataclass(frozen=True)
class SpeakerWords:
    person_nouns: PhraseTable
    not_heads: frozenset
    phrase_ends: frozenset
    addressees: frozenset
    content_nouns: frozenset
    verbs_before_subject: frozenset
    adjunct_openers: frozenset
    evidence_nouns: frozenset = frozenset()
    addressee_pronouns: frozenset = frozenset()
    media_heads: frozenset = frozenset()
    name_phrase_ends: frozenset = frozenset()
    name_particles: frozenset = frozenset()
    trailing_prepositions: frozenset = frozenset()
    name_compound_tails: frozenset = frozenset()
    numbers: frozenset = frozenset()
    family_nouns: frozenset = frozenset()
    kin_nouns: frozenset = frozenset()
    name_heads: frozenset = frozenset()
    wire_services: frozenset = frozenset()
    pronoun_objects: frozenset = frozenset()
    place_nouns: frozenset = frozenset()


def load_speaker_words(path: str | Path = DATA) -> SpeakerWords:
    data = strip_lines(read_yaml(path))
    for key in ("person_nouns", "not_heads", "phrase_ends", "addressees", "content_nouns", "verbs_before_subject",
                "adjunct_openers"):
        if not isinstance(data.get(key), list):
            from stance.io import InputError

            raise InputError(f"expected a list of words under '{key}'", path, None, key)
    nouns = PhraseTable()
    for w in data["person_nouns"]:
        nouns.add(str(w), True)
        if not str(w).startswith("ال"):
            nouns.add("ال" + str(w), True)  # «الممثلة», «الطبيب»

    def words(key):
        return frozenset(normalize_ar(str(w)) for w in data[key])

    if not isinstance(data.get("evidence_nouns", []), list):
        from stance.io import InputError

        raise InputError("expected a list of words under 'evidence_nouns'", path, None, "evidence_nouns")
    data.setdefault("evidence_nouns", [])
    data.setdefault("addressee_pronouns", [])
    data.setdefault("media_heads", [])
    data.setdefault("name_phrase_ends", [])
    data.setdefault("name_particles", [])
    data.setdefault("trailing_prepositions", [])
    data.setdefault("name_compound_tails", [])
    data.setdefault("numbers", [])
    data.setdefault("family_nouns", [])
    data.setdefault("kin_nouns", [])
    data.setdefault("name_heads", [])
    data.setdefault("wire_services", [])
    data.setdefault("pronoun_objects", [])
    data.setdefault("place_nouns", [])
    return SpeakerWords(nouns, words("not_heads"), words("phrase_ends"), words("addressees"),
                        words("content_nouns"), words("verbs_before_subject"), words("adjunct_openers"),
                        words("evidence_nouns"), words("addressee_pronouns"), words("media_heads"),
                        words("name_phrase_ends"), words("name_particles"), words("trailing_prepositions"),
                        words("name_compound_tails"), words("numbers"), words("family_nouns"), words("kin_nouns"),
                        words("name_heads"), words("wire_services"), words("pronoun_objects"),
                        words("place_nouns"))


@functools.lru_cache(maxsize=1)
def speaker_words() -> SpeakerWords:
    return load_speaker_words()


def _name_at(registry, norms: list[str], i: int) -> bool:
    """Whether a known name or alias (person, body, country, capital) starts at ``norms[i]``:
    through ``name_span``, part of the typed registry interface."""
    return i < len(norms) and registry.name_span(norms, i) > 0


def _pieces(mention: str) -> list[tuple[int, int, str]]:
    """(start, end, normalized word) for words, and «،» for commas and brackets."""
    out = []
    for m in _PIECE.finditer(mention):
        g = m.group()
        if g in "،,()":
            out.append((m.start(), m.end(), "،"))
        else:
            n = _norm_token(g)
            if n:
                out.append((m.start(), m.end(), n))
    return out


def is_speaker_head(registry, norms: list[str], i: int = 0, article_text: str | None = None,
                    orig: str = "") -> bool:
    """Whether the word at ``norms[i]`` can head a speaker noun phrase: a registry name or body,
    a title, an unnamed-official or group head, a body word, an honorific, a given name, a person
    noun (``speakers.yaml``), or a word the article introduces as a name («سارة ساندرز» after
    «المتحدثة باسم البيت الأبيض»)."""
    if i >= len(norms):
        return False
    lex = registry.lexicon
    sw = speaker_words()
    w = norms[i]
    bare = clitic_variants(w)
    if addressee_word(w, sw):
        return False  # «لرويترز», «للصحفيين»: an addressee, not a speaker
    if w[:1] in "بل" and len(w) > 3 and not lex.is_given_name(w, orig) \
            and lex.title_table.match_at([w[1:]], 0, clitics=False) is not None \
            and lex.title_table.match_at([w], 0, clitics=False) is None:
        return False  # «بوزير الخارجية الأمريكي», «للرئيس»: a prepositional phrase
    if lex.is_given_name(w, orig) and not orig.endswith("ى"):
        return True  # «علي» the name, not «على» (both normalize to «علي»)
    if w in sw.numbers and i + 1 < len(norms):
        k = i + 2 if norms[i + 1] == "من" and i + 2 < len(norms) else i + 1  # «خمسة من المتظاهرين»
        if _opens_title_or_body(registry, norms, k) or sw.person_nouns.match_at(norms, k) is not None:
            return True  # «ثلاثة مسؤولين أمريكيين», «خمس منظمات»: a number counts the speakers
    if any(v in sw.not_heads for v in bare[:2]) or w[:1].isdigit() or (w[:1] in "وف" and w[1:] in sw.not_heads):
        return False  # «وعن», «ومن» are too short for the clitic tables
    if _with_pronoun(w, sw.not_heads):
        return False  # «خلالها», «بعدها», «عنده»: a preposition or adverb with a pronoun
    if w in sw.evidence_nouns or (w[:1] in "وف" and w[1:] in sw.evidence_nouns):
        return False  # «إحصائيات», «المعطيات», «أنباء»: information does not speak
    if _name_at(registry, norms, i) or lex.country_at(norms, i) is not None:
        return True
    if len(norms) == i + 1 and not w.startswith("ال") and lex.title_table.match_at(norms, i) is not None \
            and lex.unnamed_table.match_at(norms, i) is None:
        return False  # «وزير», «زعيم», «مدير» alone: a title cut from its complement
    for table in (lex.title_table, lex.unnamed_table, lex.unnamed_prefixes, lex.group_heads, lex.body_words,
                  lex.honorifics, sw.person_nouns):
        if table.match_at(norms, i) is not None:
            return True
    if lex.is_given_name(w) or w in lex.name_markers:
        return True
    if w.startswith("ب") and len(w) > 4 and (_verbal_noun(w[1:]) or w[1:].startswith("ال") or w.endswith("ات")):
        return False  # «بتنفيذ», «بتعديلات»: a prepositional phrase
    if w.startswith("ل") and not w.startswith("لل") and len(w) > 4 and _verbal_noun(w[1:]) \
            and not lex.is_given_name(w) and registry.name_span(norms, i) == 0:
        return False  # «ودعا لإجراء انتخابات»: a purpose phrase, no speaker
    if w[:1] in "وف" and len(w) >= 4 and len(norms) > i + 1 and norms[i + 1] in sw.pronoun_objects \
            and not lex.is_given_name(w[1:]):
        return False  # «وألحق بها تغريدة أخرى», «وقال له»: a verb and its object pronoun, no speaker
    if w[:1] in "وف" and w[1:2] in "يت" and len(w) >= 5 and len(norms) > i + 1 and norms[i + 1].startswith("ال") \
            and not lex.is_given_name(w[1:]):
        return False  # «ويواجه القس», «وتأتي الحادثة»: an imperfect verb with و and its subject
    if _imperfect_verb(registry, norms, i) and (
            i + 1 >= len(norms) or not _plain(registry, norms[i + 1]) or norms[i + 1][:1] in "لب"
            or _name_at(registry, norms, i + 1) or norms[i + 1] in sw.numbers):
        return False  # «يصوت الناخبون», «يوجه خاشقجي», «ينشر»: an imperfect verb before its subject
        # or alone (a four-letter name opening with «ي» is a given name: «يزيد», «يوسف»; a first
        # name no list knows is followed by its surname: «يوري شفيتكين»)
    stem = w[:-3] if w.endswith("هما") else w[:-2] if w.endswith(("ها", "نا")) else None
    stems = [stem] + ([stem[:-1]] if stem.endswith("ا") and len(stem) > 4 else []) if stem else []
    possessive = any(t.match_at([st], 0, clitics=False) is not None for st in stems for t in (
        lex.title_table, lex.body_words, sw.person_nouns))  # «مديرها», «رئيسها», «محامياها» (dual)
    if w.endswith("ا") and len(w) >= 4 and any(t.match_at([w[:-1]], 0, clitics=False) is not None for t in (
            lex.unnamed_table, lex.title_table, lex.group_heads, sw.person_nouns)):
        return True  # «لكن مسؤولا في البنتاغون قال», «إلا أن مصدرا أمنيا أكد»: accusative after لكن/أن
    participle = w.startswith("م") and w.endswith("ا") and 5 <= len(w) <= 7 and not possessive  # «موجها»
    if w[:1] in "يت" and len(w) >= 4 and len(norms) > i + 1 and _subject_after(registry, norms, i + 1) and (
            _name_at(registry, norms, i + 1) or not _introduced_as_name(registry, norms[i:i + 3], article_text, orig)):
        return False  # «يجتمع مجلس الأمن الدولي»: an imperfect verb and its subject, not a first name
    if w.startswith("ال") and _DEFINITE_VERBAL_NOUN.match(w[2:]) and not any(
            t.match_at([w[2:]], 0, clitics=False) is not None for t in (lex.body_words, lex.title_table, sw.person_nouns)):
        return _introduced_as_name(registry, norms[i:i + 3], article_text, orig)  # «التوصل لاتفاق»
    if _verbal_noun(w) and i + 1 < len(norms) and norms[i + 1].startswith("ال") \
            and not _name_at(registry, norms, i + 1):
        return False  # «كما رفضت توقيع البيان الختامي»: a verbal noun in construct is an event
    if not participle and _named_by_mention(registry, norms, i):
        return True  # «سامانثا فينوغراد، محللة ...», «فيدريكا موغريني»
    accusative = w.endswith("ا") and len(w) >= 5 and not possessive \
        and (i + 1 == len(norms) or not _plain(registry, norms[i + 1]))
    bare_def = w[2:] if w.startswith("ال") else w
    if any(t.match_at([bare_def], 0, clitics=False) is not None for t in (lex.body_words, lex.title_table,
                                                                          sw.person_nouns)):
        return True  # «التحالف», «المدير»: a body or title word with the article
    if _verbal_noun(bare_def) or accusative or participle:
        # «ارتفاع», «تشكيل», «الاستعداد», «موجها», «قطيعا»: an event or an adverbial
        # accusative, unless the article writes it as a name
        return _introduced_as_name(registry, norms[i:i + 3], article_text, orig)
    # any other word may be a name the registry does not know («غيفورد», «مورينيو»), a person
    # or group noun («المنظمون», «مشجع») or a family name («السيستاني»): no evidence against it
    # (but a verb with و/ف before a known head is not: «ومررت الأمم المتحدة»)
    if w[:1] in "وف" and len(norms) > i + 1 and (w.endswith("ت") or w[1:] in sw.verbs_before_subject) \
            and (_name_at(registry, norms, i + 1) or any(
                t.match_at(norms, i + 1) is not None for t in (lex.title_table, lex.body_words, sw.person_nouns,
                                                               lex.unnamed_table, lex.group_heads))):
        return False
    if not w.startswith("ال") and len(norms) > i + 1 and _subject_after(registry, norms, i + 1) \
            and not _introduced_as_name(registry, norms[i:i + 3], article_text, orig):
        return False  # «طرح برنارد لوس ...», «اعتقلت السلطات الإيرانية ...»: a verb and its subject
    return True


def _subject_after(registry, norms: list[str], j: int) -> bool:
    """Whether ``norms[j]`` opens a noun phrase that would be the subject of a verb before it: a
    registry name or a definite body, group or person noun (not an apposition's title)."""
    lex = registry.lexicon
    sw = speaker_words()
    if lex.title_table.match_at(norms, j) is not None or lex.honorifics.match_at(norms, j) is not None:
        return False  # «غونين الموظف», «كاروان أنور القيادي»: a name and its title
    if _name_at(registry, norms, j) and not lex.is_given_name(norms[j]):
        return True
    return norms[j].startswith("ال") and any(t.match_at(norms, j) is not None for t in (
        lex.body_words, lex.group_heads, sw.person_nouns, lex.unnamed_table))
# verbal-noun patterns (normalized): افتعال, استفعال, انفعال, إفعال, تفعيل, تفاعل, فعل with ا, تفعّل («تبرع»)
_VERBAL_NOUN = regex.compile(r"^(?:ا.ت.ا.|است..ا.|ان..ا.|ا..ا.|ت..ي.|ت.ا..|...ا.ه|ت..ي|ت[^ايو]..)$")


_DEFINITE_VERBAL_NOUN = regex.compile(r"^تو..$")  # «التوصل», «التوجه»: تفعّل with a و (no name
# is written with the article and this shape; without it «توماس» is one)


def _imperfect_verb(registry, norms: list[str], i: int) -> bool:
    """A four-letter word opening with «ي» that is no given name nor a registry name («يصوت»,
    «يرصد», «ينشر»): an imperfect verb."""
    w = norms[i]
    return w[:1] == "ي" and len(w) == 4 and w[1] != "ا" and not w.endswith("ا") \
        and not registry.lexicon.is_given_name(w) and registry.name_span(norms, i) == 0


def _verbal_noun(w: str) -> bool:
    return bool(_VERBAL_NOUN.match(w)) or bool(_VERBAL_NOUN.match(w[:-1])) and w.endswith("ا")


def _plain_word(w: str) -> bool:
    """A definite word that can only be the subject of a verb before it if it is a head
    (checked by the caller); an indefinite one after a verb is its object («بيانا»)."""
    return not w.startswith("ال") and not w.startswith("#")


def _plain(registry, w: str) -> bool:
    """A word that is neither a function word nor a title, body or country word: possibly a name."""
    lex = registry.lexicon
    sw = speaker_words()
    return not (w in sw.not_heads or w in sw.phrase_ends or w.startswith("ال") or w[:1].isdigit()
                or lex.title_table.match_at([w], 0) or lex.country_at([w], 0) or sw.person_nouns.match_at([w], 0))


def _named_by_mention(registry, norms: list[str], i: int) -> bool:
    """Unknown words that the mention itself shows to be a name: a first and last name
    («ديرك كامبل»), or an apposition with a title or person noun after them («كارين بيرس، سفيرة
    المملكة المتحدة», «أصلي إيدنتسباس الخبيرة في ...»)."""
    lex = registry.lexicon
    sw = speaker_words()
    k = i + 1
    while k < len(norms) and k - i < 4 and _plain(registry, norms[k]) and not _verbal_noun(norms[k]):
        k += 1
    if k >= i + 2 and not _verbal_noun(norms[i + 1]):
        return True
    if k < len(norms):
        w = norms[k][2:] if norms[k].startswith("ال") else norms[k]
        for word in (norms[k], w):
            if any(t.match_at([word], 0) is not None for t in (lex.title_table, sw.person_nouns, lex.honorifics)):
                return True
    return False


def _introduced_as_name(registry, words: list[str], article_text: str | None, orig: str = "") -> bool:
    """Whether the article writes ``words[0]`` (with what follows it in the mention, if the
    article has that too) as a person's name: after a title, an honorific, a given name or a
    person noun, or before an apposition that opens with a title."""
    if not article_text or not words:
        return False
    from .registry import _descriptions

    lex = registry.lexicon
    sw = speaker_words()
    w = words[0]
    if w.startswith("ال") or len(w) < 3:
        return False  # a definite common noun («الأدلة»); names the registry knows matched above
    for before, after, *_ in _descriptions(orig or w, article_text):
        titled = [any(t.match_at([x], 0) is not None for t in (lex.title_table, lex.honorifics, sw.person_nouns,
                                                              lex.unnamed_table)) for x in before[-2:]]
        if titled and titled[-1]:
            return True  # «المتحدثة ساندرز»
        if before and before[-1] in lex.name_markers:
            return True  # «إحدى المتهمات من روسيا اسمها ماريانا»
        if len(titled) == 2 and titled[0] and _plain(registry, before[-1]):
            return True  # «المتحدثة باسم البيت الأبيض سارة ساندرز»: title, first name, the word
        if before and before[-1] not in sw.not_heads and (
                lex.is_given_name(before[-1]) or _name_at(registry, before, len(before) - 1)):
            return True  # (not «أن», read as the name «آن»)
        if after and (lex.title_table.match_at(after, 0) is not None
                      or sw.person_nouns.match_at(after, 0) is not None):
            return True
        if len(after) > 1 and _plain(registry, after[0]) and not _verbal_noun(after[0]) and after[0][:1] != "و" \
                and lex.title_table.match_at(after, 1) is not None:
            return True  # «أما إيثان كوربن مدير لجنة ...», then «وقال إيثان»: a first name
    # «وزير الأمن الداخلي الإسرائيلي جلعاد إردان», then «لكن إردان قال»: the surname of a full
    # name the article introduced after a title (one word only: «إردان» has a verbal noun's shape)
    return len(words) == 1 and registry.full_name(orig or w, article_text) is not None


def _with_pronoun(w: str, function_words: frozenset) -> bool:
    """Whether ``w`` is one of ``function_words`` (or it after و/ف) with a pronoun suffix."""
    base = _pronoun_base(w)  # not «أيهم» (a name), «منه»: a base of three letters or more
    return base is not None and (base in function_words or (base[:1] in "وف" and base[1:] in function_words))


def _pronoun_base(w: str) -> str | None:
    """``w`` without its attached pronoun when what is left has three letters or more, else None."""
    for suf in PRONOUN_SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[: -len(suf)]
    return None


def _in_name(registry, norms: list[str], j: int) -> bool:
    """Whether a registry name or alias covers ``norms[j]`` («دي ميستورا»)."""
    return any(_name_at(registry, norms[i:j + 1], 0) and registry.name_span(norms, i) > j - i
               for i in range(max(0, j - 3), j + 1))


def _a_name(registry, norms: list[str], head: int, j: int, orig: str, article_text: str | None) -> bool:
    """Whether ``norms[head:j]`` is a person's name and nothing more: a name the registry
    knows, a given name and one or two more words, or one word the article writes after a
    first name («خاتمي» after «أحمد خاتمي»)."""
    if j - head > 3 or not _name_head(registry, norms, head):
        return False
    if registry.name_span(norms, head) == j - head:
        return True
    lex = registry.lexicon
    if j - head >= 2:
        return lex.is_given_name(norms[head]) and all(_plain(registry, w) or (k == j - 1 and w.startswith("ال"))
                                                      for k, w in enumerate(norms[head + 1:j], head + 1))
    return bool(article_text) and _plain(registry, norms[head]) \
        and registry.full_name(orig, article_text) is not None


def _ends_phrase(registry, norms: list[str], j: int, head: int, head_orig: str | None = None) -> bool:
    """Whether the word ``norms[j]`` (after the head) no longer belongs to the speaker (``head_orig``:
    the head as written, which tells «أليخاندرو» from a definite word)."""
    sw = speaker_words()
    w = norms[j]
    if (w in sw.phrase_ends or (w[:1] in "وف" and w[1:] in sw.phrase_ends and len(w) > 2)) and not (
            registry.lexicon.honorifics.match_at(norms, j - 1) is not None and registry.lexicon.is_given_name(w)):
        return True  # (not «الشيخ صباح الأحمد»: after an honorific «صباح» is a name, not «morning»)
    if w in sw.numbers and w != "عده" and norms[j - 1] not in sw.not_heads \
            and not (w in ("عشر", "عشره") and norms[j - 1].startswith("ال")):
        return True  # «وأكد المتحدث ثلاث نقاط:», «ناشطون سوريون آلاف الرسائل»: a counted object
        # (not «دول غربية عدة», «في عشرات المدن», an ordinal «الدائرة الحادية عشرة»)
    lex = registry.lexicon
    if w == "عن" and j == head + 1 and not norms[head].startswith("ال"):
        return True  # «ديفيز عن تيريزا ماي»: about someone (not «صادر عن», «مسؤول عن»)
    if w in ("الي", "إلى") and lex.country_at(norms, j + 1) is None:
        return True  # «الخبراء إلى الوضع الأمني» (but «المبعوث الأممي إلى سوريا»)
    if w.endswith("ا") and len(w) >= 4 and not w.startswith("ال") and not w.endswith(("ها", "نا", "هما")) \
            and not _name_at(registry, norms, j) and not lex.is_given_name(w) and lex.country_at(norms, j) is None \
            and lex.title_table.match_at(norms, j - 1) is None and lex.honorifics.match_at(norms, j - 1) is None \
            and (j == head + 1 or norms[j - 1].startswith("ال") or lex.country_at(norms, j - 1) is not None) \
            and not _in_name(registry, norms, j) \
            and norms[j - 1] not in sw.name_particles and norms[j - 1] not in sw.name_heads \
            and not (j == head + 1 and _name_head(registry, norms, head, head_orig) and not _name_at(registry, norms, head)) \
            and not (lex.title_table.match_at(norms, head) is not None and lex.country_at(norms, j - 1) is not None):
        return True  # «المشروع جدلا ساخنا», «مسؤولون مصريون مرارا»: an accusative object or adverb
        # (not «دي مستورا»; not the surname after a first name the registry does not know:
        # «يوردانكا فاندوكوفا عمدة صوفيا»; not a first name after a title's country:
        # «الرئيسة الكرواتية كوليندا غرابار»)
    if w.startswith("ال") and j > head and (_after_country_name(lex, norms, head, j)
                                            or _after_body_and_country(registry, norms, head, j)) \
            and not w.endswith(_NISBA_ENDS) and lex.country_at(norms, j) is None:
        return True  # «إسرائيل القيود», «الولايات المتحدة الحكومة السورية», «السلطات البريطانية
        # الاتهامات الروسية», «الرئاسة السورية الشفاء العاجل»: the verb's object
    if w.startswith("ب") and not w.startswith("بال") and len(w) > 4 and j > head and _verbal_noun(w[1:]) \
            and not _name_at(registry, norms, j) and not registry.lexicon.is_given_name(w) \
            and registry.lexicon.body_words.match_at([w[1:]], 0, clitics=False) is None:  # («مرتبط بتنظيم القاعدة»)
        return True  # «مصدر مطلع بتلخيص ...»: «ب» and a verbal noun open an adjunct, no part of the speaker
    if w.startswith("ل") and not w.startswith(("ال", "لل")) and len(w) > 3 and j > head and not _name_at(registry, norms, j) \
            and (_name_at(registry, [w[1:]] + norms[j + 1:j + 3], 0)
                 or (j + 1 == len(norms) and registry.lexicon.is_given_name(w[1:]))):
        return True  # «الأمير وليام لعباس»: to someone named, last in the slot (not a surname in «ل»:
        # «وزير الشؤون العامة لحسن الدوادي»)
    if w.startswith("ل") and not w.startswith(("ال", "لل")) and len(w) > 3 and _name_head(registry, norms, head) \
            and not any(lex.title_table.match_at(norms, k) is not None for k in range(head, j)) \
            and not _in_name(registry, norms, j) and not lex.is_given_name(w) and not lex.is_given_name(norms[j - 1]) \
            and not (j + 1 < len(norms) and lex.title_table.match_at(norms, j + 1) is not None):
        return True  # «حقي لشخص يدعى حبيب», «غندور لأعضاء البرلمان»: a name, then whom it was said to
        # (after a first name, its surname: «مارك لوكوك»; before a title, the name's last word:
        # «كريستين لاغارد، مدير عام صندوق النقد الدولي»)
    if w.startswith("ل") and len(w) > 2:
        rest = w[1:] if not w.startswith("لل") else "ال" + w[2:]
        if rest in sw.addressees or w[1:] in sw.addressees:
            return True
        if j > head + 1 and _plain(registry, norms[j - 1]) and not norms[j - 1].startswith("ال") \
                and lex.title_table.match_at([rest] + norms[j + 1:j + 3], 0) is not None \
                and lex.title_table.match_at(norms, j - 1) is None:
            return True  # «رئيس الوزراء الكندي جاستن ترودو لولي العهد السعودي»: a name, then a title
            # it was said to (a title's own complement follows the title: «المتحدث الرسمي لوزارة ...»)
    base = _pronoun_base(w)
    if base is not None:
        base = base[:-1] + "ه" if base.endswith("ت") else base  # «مسؤوليتها» -> «مسووليه»
        if base in sw.content_nouns or base.rstrip("ه") in sw.content_nouns:
            return True
    return False


def _name_head(registry, norms: list[str], head: int, orig: str | None = None) -> bool:
    """Whether the speaker phrase is headed by a person's name: no title, body, group, unnamed
    official, person noun or country word at its head, and no article («المفوضية السامية
    للأمم المتحدة» is a body)."""
    lex = registry.lexicon
    if lex.country_at(norms, head) is not None:
        return False
    for t in (lex.title_table, lex.unnamed_table, lex.unnamed_prefixes, lex.group_heads, lex.body_words,
              speaker_words().person_nouns):
        if t.match_at(norms, head) is not None:
            return False
    return not (orig or norms[head]).startswith("ال")  # («أليخاندرو» folds to «اليخاندرو»)


_NISBA_ENDS = ("ي", "يه", "يون", "يين", "يان", "يتين")


def _after_country_name(lex, norms: list[str], head: int, j: int) -> bool:
    """Whether the speaker phrase is a country's or capital's name that ends right before
    ``norms[j]``: a proper name takes no definite noun after it, only a nisba adjective."""
    m = lex.country_at(norms, head)
    return m is not None and m[0].kind in ("name", "capital") and m[1] == j


def _after_body_and_country(registry, norms: list[str], head: int, j: int) -> bool:
    """Whether the speaker phrase is a body word and its country's adjective that end right before
    the definite word ``norms[j]`` («السلطات البريطانية», «الحكومة المجرية»): a noun there is the
    verb's object; not a participle («المؤقتة», «المعارض»), a title or honorific before a name
    («الجنرال»), nor a word of a name the registry knows («الجيش السوري الحر»)."""
    lex = registry.lexicon
    if j != head + 2 or lex.body_words.match_at(norms, head) is None or lex.country_at(norms, j - 1) is None:
        return False
    w = norms[j]
    return not w.startswith("الم") and not _in_name(registry, norms, j) \
        and lex.title_table.match_at(norms, j) is None and lex.honorifics.match_at(norms, j) is None


def opens_with_adjunct(mention: str) -> bool:
    """Whether a speaker slot opens with an adjunct or a negated clause after which the
    sentence's speaker goes on («وردا على سؤال ... قال», «ولم يعلق الجيش ...، لكنه قال»): the
    quote is the previous speaker's (codebook §2), not dropped."""
    words = [p[2] for p in _pieces(mention) if p[2] != "،"]
    if not words:
        return False
    w = words[0]
    openers = speaker_words().adjunct_openers
    return w in openers or (w[:1] in "وف" and w[1:] in openers)


def _media_head(registry, norms: list[str], head: int) -> bool:
    """A news medium opens the mention («وكالة ...», «صحيفة ...», «موقع ...»)."""
    m = registry.lexicon.body_words.match_at(norms, head)
    if m is not None and m.payloads[0] == "agency":
        return True
    return norms[head] in ("وسايل", "وكالات", "تقارير")


def _opens_title_or_body(registry, norms: list[str], i: int) -> bool:
    """Whether a title, an unnamed-official or group head, a body word or a registry name starts
    at ``norms[i]`` (what may follow an addressee as the speaker: not «بي سي» of «لبي بي سي»)."""
    lex = registry.lexicon
    return _name_at(registry, norms, i) or any(t.match_at(norms, i) is not None for t in (
        lex.title_table, lex.unnamed_table, lex.unnamed_prefixes, lex.group_heads, lex.body_words))


def _verb_before_definite_subject(registry, norms: list[str], i: int, orig: str) -> bool:
    """Whether ``norms[i]`` is «و»/«ف» and a word of a perfect verb's shape before a definite
    title or body («وحاول المتحدث», «وفاجأ الرئيس»; not before «وزير الخارجية», which is
    indefinite): no name, title, body, person noun or given name (not «وليد», «واشنطن»)."""
    w = norms[i] if i < len(norms) else ""
    if not (w[:1] in "وف" and 4 <= len(w) <= 6 and i + 1 < len(norms) and norms[i + 1].startswith("ال")
            and _perfect_verb_shape(w[1:])):
        return False
    lex = registry.lexicon
    if lex.is_given_name(w, orig) or lex.is_given_name(w[1:], orig[1:]) or _name_at(registry, norms, i) \
            or lex.country_at(norms, i) is not None or speaker_words().person_nouns.match_at(norms, i) is not None \
            or any(t.match_at(norms, i) is not None for t in (lex.title_table, lex.unnamed_table, lex.unnamed_prefixes,
                                                              lex.group_heads, lex.body_words, lex.honorifics)):
        return False
    return _opens_title_or_body(registry, norms, i + 1)


def _perfect_verb_shape(s: str) -> bool:
    """Whether a normalized word can be a perfect verb (feminine «ت» allowed): فعل with no
    long vowel inside («قال», «خصص», not «كيل» of «وكيل», «حده» of «وحدة»), or four letters as
    أفعل, تفعّل or فاعل («أصدر», «تبنى», «حاول»; not «زراء» of «وزراء», «سايل» of «وسائل»)."""
    if len(s) > 3 and s.endswith("ت"):
        s = s[:-1]
    if len(s) == 3:
        return s[1] not in "يو" and s[2] not in "هء"
    return len(s) == 4 and (s[0] in "اأت" or s[1] == "ا") and s[2] not in "يء" and s[3] not in "ء"


def addressee_word(w: str, sw=None) -> bool:
    """«لرويترز», «للصحفيين»: ل and one of the addressees (speakers.yaml), normalized."""
    sw = sw or speaker_words()
    return w.startswith("ل") and (w[1:] in sw.addressees or "ال" + w[2:] in sw.addressees)


def wire_addressee(words: list[str], i: int, sw=None) -> bool:
    """Whether ``words[i]`` opens an addressee that is an international wire service («لوكالة
    الأنباء الفرنسية», «لرويترز», «لوكالة فرانس برس»): whom a person spoke to, which says nothing
    of their country (unlike «للتلفزيون الرسمي الإيراني»)."""
    sw = sw or speaker_words()
    if i >= len(words) or not addressee_word(words[i], sw):
        return False
    return any(w in sw.wire_services or w[1:] in sw.wire_services for w in words[i:i + 4])


def leading_addressee(norms: list[str], head: int = 0, sw=None) -> int:
    """How many (normalized) words at ``head`` say whom the words were said to before the
    speaker comes: «لـ«عكاظ»» (a detached «لـ» and the medium), «لرويترز», «للصحفيين», «لنا»;
    0 for none."""
    sw = sw or speaker_words()
    w = norms[head]
    if w == "ل" and head + 1 < len(norms):
        return 2
    if w in sw.addressee_pronouns:
        return 1
    if len(w) > 2 and addressee_word(w, sw) and w[1:] not in sw.media_heads:
        return 1  # (not «لإذاعة» of «لإذاعة الجيش الإسرائيلي»: a medium's name follows it)
    return 0


def _participle_before(registry, norms: list[str], i: int) -> bool:
    """Whether ``norms[i]`` has a participle's shape (م and four letters or more, with or without
    the article: «المشرف», «المسيطرة», «موقعة»), so the «على» after it is its own; not a name or a
    country («الملك», «المغرب»)."""
    w = norms[i][2:] if norms[i].startswith("ال") else norms[i]
    return w.startswith("م") and len(w) >= 4 and not _name_at(registry, norms, i) \
        and registry.lexicon.country_at(norms, i) is None and registry.lexicon.title_table.match_at(norms, i) is None


def speaker_span(registry, mention: str, article_text: str | None = None) -> tuple[int, int] | None:
    """The speaker noun phrase inside ``mention`` as (start, end) offsets into it, or None when
    the mention has no speaker head. Trims an addressee, the reported content or narration
    that follows the phrase."""
    pieces = _pieces(mention)
    words = [p for p in pieces if p[2] != "،"]
    if not words:
        return None
    norms = [p[2] for p in words]
    lex = registry.lexicon
    head = lex.skip_honorifics(norms, 0)
    if head >= len(norms):
        head = 0
    if norms[head] == "اما" and head + 1 < len(norms):  # «أما صحيفة واشنطن بوست فقد»
        head += 1
    sw = speaker_words()
    skipped = False
    lead = leading_addressee(norms, head, sw)
    if lead and head + lead < len(norms) and _opens_title_or_body(registry, norms, head + lead):
        head += lead  # «أكد لـ«عكاظ» مصدر مطلع», «وقال لنا بيار أوزولياس»: whom it was said to, then who
        skipped = True
    if head + 1 < len(norms) and (norms[head] in sw.verbs_before_subject or (
            norms[head][:1] in "وف" and norms[head][1:] in sw.verbs_before_subject)):
        head += 1  # «وأصدرت وزارة الخارجية الروسية بيانا»
        skipped = True
    elif head + 1 < len(norms) and _with_pronoun(norms[head], sw.adjunct_openers):
        head += 1  # «قال خلالها رئيس الوزراء»: an adverb with a pronoun before the subject
        skipped = True
    elif _verb_before_definite_subject(registry, norms, head, mention[words[head][0]:words[head][1]]):
        head += 1  # «وحاول المتحدث باسم الوزارة ... حين قال»: a verb no list knows, then its subject
        skipped = True
    if not is_speaker_head(registry, norms, head, article_text, mention[words[head][0]:words[head][1]]):
        # «ومررت الأمم المتحدة», «وأصدرت الفصائل بيانا»: a verb with و/ف before the subject
        if not (norms[head][:1] in "وف" and head + 1 < len(norms)
                and norms[head][1:] not in speaker_words().not_heads
                and is_speaker_head(registry, norms, head + 1, article_text,
                                    mention[words[head + 1][0]:words[head + 1][1]])
                and not _plain_word(norms[head + 1])):
            return None
        head += 1
        skipped = True
    for k in range(head + 1, len(norms) - 1):
        # «وكالة "سانا" الرسمية عن مصدر في وزارة الخارجية», «... على لسان شعبان»: the media
        # body reports, the one after «عن» / «على لسان» speaks
        after = k + 2 if norms[k] == "علي" and norms[k + 1] == "لسان" and k + 2 < len(norms) else \
            k + 1 if norms[k] == "عن" else None
        if after is not None and _media_head(registry, norms, head):
            inner = speaker_span(registry, mention[words[after][0]:], article_text)
            if inner is not None:
                return words[after][0] + inner[0], words[after][0] + inner[1]
    start = words[head][0] if skipped or norms[head - 1:head] == ["اما"] else words[0][0]
    end = words[head][1]
    n = 1
    described = registry.lexicon.body_words.match_at(norms, head) is not None \
        or registry.lexicon.unnamed_head(norms, head) is not None  # a body or an unnamed source
    for j in range(head + 1, len(words)):  # the words after the head (commas are no words)
        p = words[j]
        if _ends_phrase(registry, norms, j, head, mention[words[head][0]:words[head][1]]) or (p[2].startswith("ف") and p[2][1:] in ("قد", "ان")):
            break
        if p[2] in sw.name_phrase_ends and _a_name(registry, norms, head, j, mention[words[head][0]:words[j - 1][1]],
                                                   article_text):
            break  # «خاتمي في خطبة الجمعة»: a name alone takes no prepositional phrase (a
            # description does: «فخر الدين ألتون مدير الاتصالات في الرئاسة التركية»)
        if p[2] in sw.name_phrase_ends and "،" in mention[words[j - 1][1]:p[0]] and not described:
            break  # «خطيبة خاشقجي، في إجابات مكتوبة على أسئلة ...»: an adjunct after a comma (not
            # «مسؤول، في وزارة الخارجية،»: where an unnamed source works)
        if mention[p[0]:p[1]] == "على" and norms[j + 1:j + 2] != ["لسان"] and not described \
                and not any(sw.person_nouns.match_at(norms, k) is not None for k in range(head + 1, j)) \
                and not _participle_before(registry, norms, j - 1) and not _name_at(registry, norms, j):
            break  # «وعلّقت الأميرة الجوهرة على الصورة», «سفراء السعودية ... على افتتاحية الصحيفة»: the
            # verb's «على» as written (not the name «علي», even misspelt: «على السيستاني»; not «على لسان»;
            # not after a participle: «المدير المشرف على مكتب ...», «حماس، المسيطرة على قطاع غزة»; a
            # body's name may hold one, «هيئة الرقابة على», also after a title: «رئيس هيئة الحفاظ على
            # الموارد», and an unnamed source its knowledge: «مصدر مطلع على»)
        n += 1
        if n > _MAX_WORDS:
            break
        end = p[1]
    last = next((p for p in reversed(words) if p[1] <= end), None)
    if last is not None and last[0] > start and last[2] in sw.trailing_prepositions \
            and not (last[2] in ("علي", "الي") and not mention[last[0]:last[1]].endswith("ى")):
        # «ناشطون حقوقيون عن»: the verb's preposition (not the name «علي»: «على» folds to it)
        end = max(q[1] for q in words if q[1] <= last[0])
    return start, end
