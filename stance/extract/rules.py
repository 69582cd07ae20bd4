"""Finding quotes in a paragraph: reporting verbs, their speaker slot and their content.

For each reporting verb or continuation participle (``lexicon.iter_triggers``), the text after
it is read as::

    VERB [SPEAKER NP] [adjuncts] ( أن/إن CLAUSE | : "QUOTE" | "QUOTE" | OBJECT NP )

* the speaker slot is cleaned of adjuncts (time, «في بيان», «لـ"العربية.نت"», relative
  clauses); an empty slot means the speaker carries over (``وأضاف أن``), or, for a verb
  without و/ف, that the subject stands before it («الجيش السوري يعلن أن»);
* content in quotation marks that holds a full clause is a *direct* quote (text inside the
  marks); otherwise the reported clause is an *indirect* quote up to the end of the
  sentence, the next continuation participle («، مضيفا») or an attribution tail («، وفقا لـ»).

The rules are named functions: for each verb (a :class:`Site`, read off the paragraph's
:class:`~stance.extract.document.Paragraph` index) ``RULE_ORDER`` tries ``rule_complement``
(أن/إن, colon, quotation) then ``rule_object`` (a noun-phrase object); then ``rule_according_to``
finds clauses that end «، بحسب X» in sentences without a quote. Every candidate records its
rule (``RULES``). The words they read are data (``stance/extract/data/*.yaml``).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

from .document import LEFT_WINDOW, WORD, Paragraph, count_words, tokens
from .lexicon import (ADDRESSEE_ONLY, ADJUNCT_HEADS, ANNOUNCE_RE, CLAUSE_OPENERS, COMP_RE, CONDITIONAL_FOLLOWERS,
                      DEFAULT_VERBS, GENERIC_BODY_HEADS, IMPERSONAL_SPEAKERS, NAME_MARK_GOVERNORS, NEGATIONS,
                      NON_COMP_GOVERNORS, OBJECT_ADVERBS, RELATIVES, REPORTING_MASDARS, SPEECH_EVENT_NOUNS,
                      TIME_MODIFIERS, TIME_WORDS, TITLE_HEADS, TITLE_WORDS, VerbLexicon, adjective_participle, words)
from .lexicon import BODY_HEADS, CLAUSE_CONNECTIVES, HONORIFIC_WORDS, MEDIA_SPEAKER_RE, OFFICE_HEADS
from .knowledge import feminine_places
from .names import _norm_word
from stance.actors.speakers import leading_addressee, speaker_words
from stance.text import normalize_ar


@dataclass
class Candidate:
    start: int
    end: int
    kind: str  # direct | indirect
    speaker: tuple[int, int] | None  # explicit speaker mention span, None = carried over
    gender: str  # m | f | p, from the verb's agreement
    trigger: int  # offset of the reporting verb
    participle: bool = False
    rule: str = ""  # the rule that made it (RULES)
    # where to read the speaker when ``speaker`` is None: the words opening a participle's
    # sentence («وجه المجلس المحلي ... نداء استغاثة، مشيرا إلى»); carried over when they
    # name no speaker
    subject: tuple[int, int] | None = None


# The rules, named by what introduces the quote and where its content starts; every quote
# records its rule (``rule`` in the output) and ``stance eval-extract --by-rule`` scores each.
RULES = {
    "verb_comp": "a reporting verb, its speaker, then أن/إن and the reported clause («وقال الوزير إن ...»)",
    "verb_colon": "a reporting verb, its speaker, then a colon («وقال في بيان: ...»)",
    "verb_quote": "a reporting verb, its speaker, then quotation marks («وقال \"...\"»)",
    "verb_object": "a speech-act verb with a noun-phrase object («أكد الوزير ضرورة ...», «دعا إلى ...»)",
    "subject_verb_object": "a subject standing before its speech-act verb («الجيش السوري يعلن سيطرته ...»)",
    "participle_comp": "a continuation participle and أن («، مضيفا أن ...»)",
    "participle_colon": "a continuation participle and a colon («، قائلا: ...»)",
    "participle_quote": "a continuation participle and quotation marks («، مضيفا \"...\"»)",
    "participle_object": "a continuation participle with an object («، مشيرا إلى ...»)",
    "masdar_comp": "a verbal noun of speech, its speaker and أن («بعد إعلان الجيش أنه ...»)",
    "masdar_object": "a verbal noun of speech, its named speaker and what is said, no أن («غداة اتهام "
                     "إسرائيل طهران بـ...», «بعد إعلان الرئيس ترامب عن رغبته ...»)",
    "according_to": "a clause that ends «، بحسب X», «، وفق X» («قتل 28 شخصا، بحسب الحكومة») or follows a "
                    "sentence-opening «وبحسب X،», «ووفقا لـX، فإن ...»",
    "joined_quote": "a quotation joined by و to a direct quote, its speaker's («\"...\" و\"...\"»)",
    "quote_verb": "a quotation followed by its verb and speaker («\"...\"، يقول المصدر.»)",
}


_LEADING_COMP = words("leading_complementizer")
_QUOTATION_OPENING = words("quotation_opening")
_QUOTE_CHARS = regex.compile(r"[\"«»“”]")
_RESUMPTIVE = words("resumptive_fi")
_QAWLUHU_END = words("qawluhu_end")
_CLAUSE_PUNCT = regex.compile(r"[.،,:؛!?؟\n]")
_DIGIT = regex.compile(r"\d")
_SEGMENT = regex.compile(r"[^،,]+")
_FI = words("fi")
_FI_ONLY = words("fi_only")
_PREP_AHEAD = {}  # preposition -> «it follows within five words»


def _prep_ahead(p: str):
    if p not in _PREP_AHEAD:
        _PREP_AHEAD[p] = regex.compile(r"(?:\s+[^\s،,.]+){0,5}?\s+" + regex.escape(p) + r"\s")
    return _PREP_AHEAD[p]


_CONNECTIVES_LEFT = words("connectives_left")
_INNER_CONNECTIVE = words("inner_connective")
_LEFT_TRAIL = words("left_trail")
_ADJUNCT_OPENING = words("adjunct_opening")
_SPEECH_EVENT_STEMS = words("speech_event_stems")
_MONTHS = frozenset(words("months"))
_ISSUED = frozenset(words("issued"))  # «في بيان صادر عن»
_OWN_SIDE = frozenset(words("own_side"))  # «من جانبه»
_SUBORDINATORS = frozenset(words("subordinators"))  # «عندما»: a clause of its own, no subject
_ACCORDING = words("according_to")  # «، بحسب», «، وفقا لـ», «، حسبما أعلن»: then the source
_COMMA_AT = regex.compile(r"[،,]")
_NOT_SOURCE = frozenset(words("according_not_speaker"))
_INFORMED = tuple(words("informed_words"))  # «مصدر مطلع على», «مصادر مقربة من»: a source's description
_DEMONSTRATIVES = frozenset(words("demonstratives"))  # «نفى ذلك»: an object that says nothing
_EVENT_PREPOSITIONS = frozenset(words("event_prepositions"))  # «في بيان», «على هامش»
_ANNOUNCERS = frozenset(words("announcers"))  # «بالقول», «قائلا»: they announce the words
_CLAUSE_PRONOUNS = frozenset(words("clause_pronouns"))  # «، وهي ثاني شركة ...»: about the speaker
_TIME_NOUNS = frozenset(words("time_nouns"))  # «أعلن الأسبوع الماضي أنه ...»
_YEAR_NOUNS = frozenset(words("year_nouns"))  # «قالت عام 2015 إنها ...»
_AUXILIARIES = frozenset(words("auxiliaries"))  # «وكان ترامب قد حذر ...»
_FIXED_MODIFIERS = frozenset(words("fixed_modifiers"))  # «الأمين العام»
_TITLE_LINKS = frozenset(words("title_links"))  # «السفيرة الأميركية في الأمم المتحدة نيكي هيلي»
_PRONOUN_PREPOSITIONS = frozenset(words("pronoun_prepositions"))
_NOT_SPEAKER_START = frozenset(words("not_speaker_start"))
# Endings of a nisba adjective («لبناني», «السورية», «الغربيون», «الإيرانيين»): one tuple for
# the speaker-phrase tests that ask whether a word can modify the name before it.
NISBA_ENDINGS = tuple(words("nisba_endings"))
_DUAL_NISBA = tuple(words("dual_nisba_endings"))
_PREPOSITIONS = frozenset(words("prepositions"))
_DEFINITE_PREFIXES = tuple(words("definite_prefixes"))  # «ال», «وال», «بال», «لل»
# words between a verb and its أن: long appositions and adjuncts fit («وقال وزيرا الخارجية
# والتنمية الدولية، بوريس جونسون، وبيني موردونت، في بيان مشترك، بمناسبة ...، إنه»)
_MAX_GAP_TOKENS = 26
_MAX_LEFT_TOKENS = 14
# A pattern matched at an offset is given an end too: the regex module looks for a pattern's
# literal words up to the end of the string before matching, which over a long paragraph
# costs its length at every reporting verb.
_AHEAD = 64
_OBJECT_VIEW_WORDS = 80  # words after a verb that the split into speaker and object reads


_tokens = tokens


_ADDRESSEE_PRONOUNS = frozenset(speaker_words().addressee_pronouns)
_ADDRESSEE_NOUNS = frozenset(speaker_words().addressees)  # normalized: «الصحفيين», «المراسلين»
_ADDRESSEE_BODIES = tuple(speaker_words().media_heads)  # normalized: «اذاعه», «وكاله» (speakers.yaml)
_TIME_HEADS_OR_ADJECTIVES = frozenset(words("time_heads_or_adjectives"))
_ASIDE_HEADS = frozenset(words("aside_heads"))
# a continuation participle or an adverb of manner right after the verb: how, not who
_MANNER_WORDS = frozenset(p for p in DEFAULT_VERBS.participles if p[:-1] not in TITLE_WORDS) \
    | frozenset(words("manner_adverbs"))  # (not «متحدثة باسم الشرطة»: a title)  # «قالت، وسط تصاعد الاحتجاجات، إنها»


def _time_follows(nxt: str | None) -> bool:
    if nxt is None:
        return False
    n = nxt.strip("\"«»“”")
    return n in TIME_WORDS or n.split("/")[0] in _MONTHS or n[:1].isdigit() or n.startswith("ال")


def _is_adjunct(tok: str, nxt: str | None) -> bool:
    if tok[:1] == "(" and tok[1:2].isdigit():
        return True  # «أحد المحتجين ويدعى عصام جبار (24 عاما)»: his age, not his name
    if tok == "من" and nxt is not None and nxt.strip("،,") in _OWN_SIDE:
        return True  # «وقال السفير الروسي من جانبه إن»: for his part
    t = tok.strip("\"«»“”()")
    if t in _TIME_HEADS_OR_ADJECTIVES and not _time_follows(nxt):
        return False  # «مصدر مطلع» (well-informed), not «مطلع الشهر» (the start of the month)
    if t in TIME_WORDS or t in RELATIVES or t in ADJUNCT_HEADS:
        return True
    if t.startswith("ب") and len(t) > 4 and (t[1:] in SPEECH_EVENT_NOUNS or t[1:].startswith(_SPEECH_EVENT_STEMS)):
        return True  # «وقال بخطاب في إسطنبول»: the occasion, not a speaker
    if t in _YEAR_NOUNS and nxt is not None and nxt[:1].isdigit():
        return True  # «ونقلت المجلة عن العامري عام 2014 قوله»: when, not part of him
    if t.endswith(("ه", "ها")) and (t in SPEECH_EVENT_NOUNS or t.startswith(_SPEECH_EVENT_STEMS)):
        return True  # «واختتم الوزير حديثه بالقول إن»: his own speech, not part of him
    if t.endswith(("ةً", "اً", "ًا")) and len(t) > 4 and not t.startswith("ال"):
        return True  # «وقالت معلقةً على تغريدتها»: an adverbial accusative, not a speaker
    if t in _EVENT_PREPOSITIONS and nxt is not None:
        n = nxt.strip("\"«»“”")
        if n in SPEECH_EVENT_NOUNS or n.startswith(_SPEECH_EVENT_STEMS) or n.split("/")[0] in _MONTHS \
                or (n.startswith("ال") and n[2:] in SPEECH_EVENT_NOUNS) \
                or n[:1].isdigit() or n in TIME_WORDS:
            return True
    if t.startswith(("لـ", "ل\"", "ل«", "ل“")):
        return True
    return False


def _demonstrative_cut(keep: list, w: str, nxt: str | None) -> bool:
    """Whether the demonstrative ``w`` after the speaker words ``keep`` opens the object or an
    adjunct (a preposition before it goes with it: «هولاند في هذا الشأن» -> «هولاند»), also as the
    slot's last word («وبرر رئيس الوزراء شارلز ميشيل ذلك بأن»); not after a title or a quantifier
    that governs it («رئيسة هذه الجمعية», «أحد تلك المصادر»)."""
    if w not in _DEMONSTRATIVES or not keep or keep[-1][2] in TITLE_WORDS \
            or keep[-1][2] in _DEMONSTRATIVE_GOVERNORS:
        return False
    while keep and (keep[-1][2] in _PREPOSITIONS or keep[-1][2] in _ADJUNCT_PREPOSITIONS):
        keep.pop()
    return True


def _addressee_first(toks, name_len=None) -> int:
    """How many tokens open the slot with whom the words were said to before a speaker that a
    title, an unnamed official, a body or a known name opens: «أكد لـ«عكاظ» مصدر مطلع»,
    «وقال للصحفيين وزير الخارجية ...» (0 otherwise: «قال لبي بي سي إن» has none after it)."""
    k = 0
    if len(toks) > 2 and toks[0][2] in ("ل", "لـ"):
        k = 2
    elif len(toks) > 1 and (toks[0][2].startswith("لـ") or leading_addressee([normalize_ar(toks[0][2])]) == 1) \
            and not normalize_ar(toks[0][2][1:]).startswith(_ADDRESSEE_BODIES):
        k = 1  # (not «لإذاعة» of «لإذاعة الجيش الإسرائيلي»: a medium's name follows it)
    return k if k and _opens_speaker(toks[k:], name_len) else 0


def _addressee_only(text: str, span: tuple[int, int], name_len) -> bool:
    """Whether a speaker slot opens with whom the words were said to («لأنصاره», «لوكالة رويترز»,
    «لإحدى محطات التلفزيون») and no speaker follows (``_addressee_first`` finds none)."""
    toks = _tokens(text, span[0], span[1])
    if not toks:
        return False
    first = normalize_ar(toks[0][2])
    if first in _ADDRESSEE_PRONOUNS or (first.startswith("لل") and len(toks) > 1):
        # «لنا», «لي مراراً»: nothing but adverbs after it («وقال لنا بيار أوزولياس» names the speaker)
        return all(w in TIME_WORDS or w.rstrip("ً").endswith("ا") for _, _, w in toks[1:])
    if first.startswith("ل") and first[1:].startswith(_ADDRESSEE_BODIES):
        # «لإذاعة الجيش الإسرائيلي», «لوكالة رويترز»: a medium and its name, unless a title follows
        return not any(w.strip("،,") in TITLE_HEADS or w.strip("،,")[2:] in TITLE_HEADS for _, _, w in toks[1:])
    return (toks[0][2] in ("ل", "لـ") or leading_addressee([first]) == 1) and _addressee_first(toks, name_len) == 0


def clean_speaker(text: str, start: int, end: int, name_len=None) -> tuple[int, int] | None:
    """The speaker mention inside the slot ``text[start:end]``, adjuncts cut off."""
    toks = _tokens(text, start, end)
    # drop the announcement words and leading adjunct segments («، الجمعة، ...»)
    while toks and (toks[0][2] in _ANNOUNCERS or toks[0][2] in _PRONOUN_PREPOSITIONS
                    or toks[0][2] in REPORTING_MASDARS):
        toks = toks[1:]  # «أدانت فيه دمشق», «وجدد التأكيد على أن»
    while len(toks) > 1 and toks[0][2] in _YEAR_NOUNS and toks[1][2][:1].isdigit():
        toks = toks[2:]  # «فقد صرح عام 2016 لصحيفة ...»: when, not who
    if toks and toks[0][2] in _PREPOSITIONS:
        return None  # «وأشار إلى أن», «كما شدد على حرص الأردن»: the slot opens the content
    toks = toks[_addressee_first(toks, name_len):]  # «أكد لـ«عكاظ» مصدر مطلع»: whom it was said to, then who
    if toks and (toks[0][2] in _NOT_SPEAKER_START or toks[0][2].startswith("لل")):
        return None
    keep: list[tuple[int, int, str]] = []
    for i, (s, e, w) in enumerate(toks):
        nxt = toks[i + 1][2] if i + 1 < len(toks) else None
        if keep and _after_speaker(text, keep, toks, i, name_len):
            break
        if keep and w in _APPOSITION_PRONOUNS and i + 1 < len(toks):
            keep = []  # «متحدثة أخرى هي الميجور شيريل كلينكل»: the name the pronoun introduces
            continue
        if not keep and (w in TIME_WORDS or w in TIME_MODIFIERS or w in _TIME_NOUNS or not w.strip("-–—")):
            continue  # «وقال حينها ...», «أعلن الأسبوع الماضي أنه ...»; a dash opening an aside
            # («واعتبر - في بيان نشره ... - أن»)
        if not keep and (_is_adjunct(w, nxt) or w in _ASIDE_HEADS or w in OBJECT_ADVERBS
                         or (w in _MANNER_WORDS and (nxt is None or not nxt.startswith("ال")))):
            return None  # «قالت في وقت لاحق إن», «قالت، وسط تصاعد الاحتجاجات، إنها», «قد قال مرارا إن»,
            # «قد رفض بشدة مطالب ... بأن», «وتابع متوعدا:», «وقالت مازحة إن»: an adjunct, then the
            # verb's object or content, no speaker (not «مضيفة الطيران ...»: a noun before its definite)
        # a short addressee at the very end: «وقال الأسد لفياض»
        if keep and keep[-1][2] in _AFFILIATION:
            keep.append((s, e, w))  # «فصائل موالية لتركيا»: the body the speaker is tied to
            continue
        if keep and len(keep) <= 2 and w.startswith("ل") and not w.startswith("لل") and i >= len(toks) - 1 \
                and len(w) > 3 and w[1:2] not in ("ا",) and not (name_len is not None and name_len([w])) \
                and not w.endswith(NISBA_ENDINGS) and not _first_name(keep[-1][2], name_len) \
                and not (len(keep) == 2 and keep[0][2].startswith("ال") and _country_adjective(keep[0][2], name_len)):
            break  # (not «مسؤولون لبنانيون»; after a first name, its surname: «مارك لوكوك», also
            # after a nationality: «الكرواتي ديان لوفرين»)
        if keep and w.startswith(("لل", "لـ")) and i >= len(toks) - 1 and not any(k[2] in SPEECH_EVENT_NOUNS for k in keep) \
                and not (name_len is not None
                         and name_len([x for _, _, x in keep] + [_QUOTE_CHARS.split(w)[0]]) == len(keep) + 1):
            break  # «للصحفيين», «لـCNN» at the end: the addressee (but «بيان للإليزيه», «البيان الرسمي للإنتربول», and
            # «منظمة الأمم المتحدة للطفولة» is a name)
        keep.append((s, e, w))
    if not keep or (len(keep) == 1 and keep[0][2] in _HONORIFIC_PRONOUNS):
        return None  # «وأضاف سموه أن»: the speaker named before
    if len(keep) == 1 and _addressed_name(keep[0][2], name_len):
        return None  # «وقال لماي إنه»: whom he said it to; the speaker is carried
    s, e = keep[0][0], keep[-1][1]
    mention = text[s:e].strip(" ،,:؛\"«»“”-–—")
    if not mention:
        return None
    if keep[0][2] in IMPERSONAL_SPEAKERS or mention in ADDRESSEE_ONLY:
        return None
    s = text.index(mention, s)
    return s, s + len(mention)


def _after_speaker(text: str, keep: list, toks: list, i: int, name_len) -> bool:
    """Whether ``toks[i]``, after the speaker words ``keep``, is past the speaker phrase."""
    s, _, w = toks[i]
    nxt = toks[i + 1][2] if i + 1 < len(toks) else None
    after_comma = text[keep[-1][1]:s].strip() in ("،", ",")
    return (
        (_is_adjunct(w, nxt) and not (keep[-1][2] in HONORIFIC_WORDS and w in TIME_WORDS and _first_name(w, name_len)))
        # (after «الشيخ» the given name «صباح», not «morning»: «أمير الكويت الشيخ صباح الأحمد»)
        # «مصدر معارض ...، لوكالة "فرانس برس" أن»: the addressee
        or (after_comma and w.startswith("ل") and normalize_ar(w[1:]).startswith(_ADDRESSEE_BODIES))
        # «وقالت المجموعة، وهي ثاني شركة فرنسية ...، إنها»: a clause about the speaker
        or w in _CLAUSE_PRONOUNS
        # «ووصف دبلوماسيون هذا القرار بأنه»: a demonstrative opens the object
        or _demonstrative_cut(keep, w, nxt)
        # «وردت المندوبة الأمريكية بالقول:»: the announcement, not the speaker
        or w in _ANNOUNCERS
        # «وقال الوزراء عنه إن»: about it, right before the content (not «المشتبه به», a
        # participle's own preposition)
        or (w in _PRONOUN_PREPOSITIONS and i == len(toks) - 1 and not keep[-1][2].startswith("الم"))
        # «يقول الكاتب ويتابع بأن»: a second verb of the same speaker
        or (w[:1] == "و" and DEFAULT_VERBS.has_trigger(w) and not _first_name(w, name_len))
        # «قال جيش مالي، على موقعه على الإنترنت، إن»: an aside after the speaker (but «إسرائيل،
        # على لسان وزير التعليم فيها نفتالي بينيت»: who speaks for it; «أبو علي، 42 عاما، من
        # مدينة بعلبك»: where he is from, part of his description)
        or (after_comma and w in _PREPOSITIONS and w != "من" and nxt != "لسان"))


_FROM_PRONOUN = words("from_pronoun")  # «عنها قولها»
_REPORTED_FROM = words("reported_from")


def speaker_in_slot(text: str, start: int, end: int, transitive: bool = False, transitive_from: bool = False,
                    name_len=None) -> tuple[int, int] | None:
    """The speaker in a verb's slot; «نقلت الوكالة عن مصدر عسكري قوله» gives «مصدر عسكري»."""
    if _FROM_PRONOUN.search(text[start:end]):
        return None  # «ونقلت وكالة فرانس برس عنها قولها»: she, the speaker before, goes on
    m = _REPORTED_FROM.search(text, start, end)
    if m and (_QAWLUHU_END.search(text[start:end]) or transitive_from):
        return clean_speaker(text, m.start("who"), m.end("who"), name_len)
    if transitive and name_len is not None:
        toks = _tokens(text, start, end)
        if toks:
            j = _np_length(toks, name_len)
            if j < len(toks) and "،" not in text[toks[0][0]:toks[j - 1][1]]:
                # «ووصف دبلوماسيون هذا القرار بأنه»; a title's holder between commas is the speaker's
                # («حذر وزير الطاقة الإسرائيلي، يوفال شتاينتز، اليوم الاثنين، من أن»)
                return clean_speaker(text, toks[0][0], _name_in_apposition(text, toks[0][0], toks[j - 1][1], end),
                                     name_len)
    return clean_speaker(text, start, end, name_len)


def _after_auxiliary(text: str, pstart: int, vstart: int) -> bool:
    """«وكان ترامب قد حذر ...»: the subject stands before «قد» / «كان»."""
    before = text[pstart:vstart].split()
    return bool(before) and before[-1] in _AUXILIARIES and len(before) >= 3


def _real_trigger(lex: VerbLexicon, text: str, pos: int) -> bool:
    """A reporting verb at ``pos`` that is not one of the ambiguous forms («عبر» = via) nor a
    participle's form naming a spokesperson («متحدثة باسم»)."""
    t = lex.trigger_at(text, pos)
    return t is not None and t.verb not in lex.ambiguous_forms \
        and not (t.participle and _noun_participle(lex, text, t.start(), t.end())) \
        and not _in_a_name(text, t.start()) and not _withholds_a_name(text, t.end())


def _withholds_a_name(text: str, end: int) -> bool:
    """«مسؤول عراقي، طلب عدم ذكر اسمه، إن», «لم يكشف عن هويته»: the verb's form withholds a name
    and reports nothing."""
    after = [w.strip("،,.\"«»") for w in text[end:end + 20].split()[:2]]
    return bool(after) and (after[0] in _WITHHELD or (after[0] == "عن" and after[1:2] and after[1] in _WITHHELD))


def _in_a_name(text: str, start: int) -> bool:
    """«حموده أبو طالب», «عبد الحميد»: a verb's written form after a name particle is a name."""
    before = text[max(0, start - 8):start].split()
    return bool(before) and before[-1] in _NAME_PARTICLES


def _noun_participle(lex: VerbLexicon, text: str, start: int, end: int) -> bool:
    """A participle's form that is a noun here: «متحدث/متحدثة باسم» (a spokesperson), or the
    subject right after a reporting verb («وأعلنت متحدثة أخرى أن»)."""
    if text[end:end + 8].split()[:1] == ["باسم"]:
        return True
    before = text[max(0, start - 16):start].split()
    return bool(before) and lex.classify(before[-1]) is not None and not before[-1].endswith(("،", ","))


def found_in_sentence(found: list, sent_start: int) -> bool:
    """Whether a quote was already found in the sentence that starts at ``sent_start``."""
    return bool(found) and found[-1].trigger >= sent_start


def _sentence_subject(text: str, sent_start: int, vstart: int, name_len,
                      firsts: tuple[int, ...] = (1, 0, 2, 3)) -> tuple[int, int] | None:
    """For a participle whose sentence has no quote yet («وردت وزارة الخارجية اللبنانية على
    المفوضية معتبرة أن ...»): a known name right after the sentence's first word (its verb) or
    opening the sentence is the subject."""
    if name_len is None:
        return None
    toks = _tokens(text, sent_start, vstart, 10)
    for first in firsts:  # «رد الرميحي ...», «الرميحي رد ...», «من جهته رد الرميحي ...»
        if len(toks) > first:
            k = name_len([w for _, _, w in toks[first:first + 6]])
            if k:
                return toks[first][0], toks[first + k - 1][1]
    return None


_STATEMENT_OPENERS = frozenset(words("statement_openers"))
_AUXILIARY_END = words("auxiliary_end")
_COMMA_RELATIVE = regex.compile(r"[،,]\s*(?:" + "|".join(sorted(RELATIVES, key=len, reverse=True)) + r")\s*$")
_STATEMENT_POINTERS = frozenset(words("statement_pointers"))
_STATEMENT_OWNER_VERBS = frozenset(words("statement_owner_verbs"))
_STATEMENT_OWNER_SKIP = frozenset(words("statement_owner_skip"))
_STATEMENT_OWNER_ENDS = frozenset(words("statement_owner_ends"))
_STATEMENT_TONGUE = frozenset(words("statement_tongue"))


def _speech_event(word: str) -> bool:
    w = word[2:] if word.startswith("ال") else word
    return word in SPEECH_EVENT_NOUNS or w in SPEECH_EVENT_NOUNS or w.startswith(_SPEECH_EVENT_STEMS)


def statement_owner(text: str, sent_start: int, vstart: int) -> tuple[int, int] | None:
    """«جاء ذلك في سلسلة من التغريدات لكيري ...، حيث قال», «جاء ذلك في مقابلة أجراها العذبة ...»,
    «وجاء هذا الاتهام على لسان وزير الدفاع البريطاني ...، مضيفا»: where the owner of the statement
    the sentence points to is named (a span to read a speaker noun phrase from; a «لل» word
    stands for its definite noun: «في تغريدة للممثل الأمريكي»)."""
    toks = _tokens(text, sent_start, vstart, 30)
    if len(toks) < 4 or toks[0][2] not in _STATEMENT_OPENERS or toks[1][2] not in _STATEMENT_POINTERS:
        return None
    for i in range(2, len(toks) - 1):
        w = toks[i][2]
        if w in _STATEMENT_TONGUE and toks[i - 1][2] in _STATEMENT_OWNER_ENDS:
            return _owner_span(text, toks, i + 1, toks[i + 1][0])
        if w in _STATEMENT_OWNER_VERBS:
            j = i + 2 if toks[i + 1][2] in _STATEMENT_OWNER_SKIP and i + 2 < len(toks) else i + 1
            return _owner_span(text, toks, j, toks[j][0])
        if w.startswith("ل") and len(w) > 3 and _speech_event(toks[i - 1][2].rstrip("،,")):
            return _owner_span(text, toks, i, toks[i][0] + (0 if w.startswith("لل") else 1))
    return None


def _after_subordinator(text: str, pstart: int, vstart: int) -> bool:
    """«وداهمت الشرطة بعض الأماكن بعد أن قالت إنه»: a verb of a «بعد أن / قبل أن» clause shares
    its sentence's subject."""
    before = text[max(pstart, vstart - 20):vstart].split()
    if _pronoun_connective_words(before):
        return True  # «أيّد ديفيد شانكير حلّ الدولتين، لكنه أشار إلى أن», «..، إلا أنه أكد»: «but he»
        # is the subject
    return len(before) >= 2 and before[-1] == "أن" and before[-2] in NON_COMP_GOVERNORS


def _relative_antecedent(text: str, pstart: int, vstart: int) -> tuple[int, int] | None:
    """«سفير المملكة لدى الولايات المتحدة، الأمير خالد بن سلمان، الذي قال إن ...»: a verb
    right after «، الذي/التي/الذين» has the noun phrase before the comma as its subject (the
    last comma-separated segment; checked as a speaker noun phrase later)."""
    before = text[max(pstart, vstart - 240):vstart]
    m = _COMMA_RELATIVE.search(before)
    if m is None:
        return None
    seg_end = max(pstart, vstart - 240) + m.start()
    head = before[:m.start()]
    cut = max(head.rfind("،"), head.rfind(","), head.rfind("."), head.rfind("\n"))
    s, e = _trim(text, max(pstart, vstart - 240) + cut + 1, seg_end)
    toks = _tokens(text, s, e)
    if len(toks) > 1 and DEFAULT_VERBS.has_trigger(toks[0][2]):
        s, toks = toks[1][0], toks[1:]  # «قالت ممثلة ... ستورمي دانيالز، التي زعمت أنها»: not the verb
    if toks and toks[0][2] in ADJUNCT_HEADS:  # «بحسب المرصد السوري، الذي قال»: the source
        s = toks[1][0] if len(toks) > 1 else e
    elif len(toks) > 2 and toks[0][2].endswith("ا") and _VERBAL_NOUN.match(_norm_word(toks[0][2])[:-1]) \
            and toks[1][2].startswith("ل") and len(toks[1][2]) > 3:
        s = toks[2][0]  # «تنفيذا لتوجيهات الرئيس الأمريكي دونالد ترامب، الذي أعلن»: the president
    return (s, e) if e > s and count_words(text, s, e, 9) <= 8 else None


def _relative_owner(text: str, sent_start: int, vstart: int) -> tuple[int, int] | None:
    """«تصريحات حسن نصرالله التي اعتبر فيها أن ...»: the owner of the statement the relative
    clause is about (between the speech-event noun and the relative pronoun)."""
    toks = _tokens(text, max(sent_start, vstart - 200), vstart)
    if len(toks) < 3 or toks[-1][2] not in RELATIVES:
        return None
    for i in range(len(toks) - 3, max(-1, len(toks) - 9), -1):
        if _speech_event(toks[i][2].strip("،,")):
            return (toks[i + 1][0], toks[-2][1]) if i + 1 < len(toks) - 1 else None
    return None


def _owner_span(text: str, toks, i: int, start: int) -> tuple[int, int]:
    """From ``start`` (in token ``i``) to before the first preposition or comma after it
    («لكيري على صفحته ...» -> «كيري»)."""
    end = toks[i][1]
    for s, e, w in toks[i + 1:]:
        if w in _STATEMENT_OWNER_ENDS or (w.startswith("ب") and len(w) > 3) \
                or regex.search(r"[،,]", text[end:s]):
            break
        end = e
    return start, end


def subject_slot(text: str, sent_start: int, vstart: int, name_len=None, inner: bool = True) -> tuple[int, int] | None:
    """The subject of a participle's sentence, read from the words that open it after its
    connective («من جهته،»): a noun phrase opening it («خلود، وهي لاجئة ...، لخصت مشاعرها
    قائلة»), or the one after its first word, a verb («ووجهت المندوبة الأمريكية في مجلس الأمن،
    نيكي هايلي، انتقادات ...، متهمة»; «وكان غوتيريش قد وصف ...، داعيا»). Checked as a speaker
    noun phrase later (``stance.actors.speakers.speaker_span``). ``inner=False``: the sentence's
    first clause, not the last one after an inner connective (for «، لكنه قال», whose «he» is
    the sentence's subject: «وبدا الرئيس التركي ... حيث وعد برفع ...، لكنه أعلن»)."""
    owner = statement_owner(text, sent_start, vstart) or _relative_owner(text, sent_start, vstart)
    if owner is not None:
        return owner
    last = None
    for last in _INNER_CONNECTIVE.finditer(text, sent_start, vstart) if inner else ():
        pass  # «فجر أحد الحراس غضبا، حيث سارعت وزارة الداخلية إلى ...، قائلة»: the last clause
    if last is not None:
        sent_start = last.end()
    m = _CONNECTIVES_LEFT.match(text[sent_start:vstart])
    toks = _tokens(text, sent_start + (m.end() if m else 0), vstart, 16)
    if toks and toks[0][2] in NEGATIONS:
        toks = toks[1:]  # «ولم يستلم سوريندر راتبه ...، وقال»: the verb follows the negation
    if len(toks) < 2:
        return None
    first = toks[0][2]
    if len(toks) > 2 and toks[1][2] in _CLAUSE_PRONOUNS and text[toks[0][1]:toks[1][0]].strip() in ("،", ","):
        return toks[0][0], toks[0][1]  # «خلود، وهي لاجئة من ريف دمشق، لخصت مشاعرها قائلة»
    if _subject_first(m, last, first, name_len) or first.startswith("ال") or first in TITLE_WORDS or first in GENERIC_BODY_HEADS \
            or (name_len is not None and name_len([w for _, _, w in toks[:6]])):
        j = _np_length(toks, name_len)  # «وكانت جماعة تمثل ... قد استبقت ...، داعية»
        return toks[0][0], toks[j - 1][1]
    bare = first[1:] if first[:1] in "وف" and len(first) > 2 else first
    if first.startswith(("ب", "ل", "#")) or bare in _PREPOSITIONS or bare == "في" or bare in TIME_WORDS \
            or bare in ADJUNCT_HEADS or first[:1].isdigit():
        comma = _COMMA_AT.search(text, toks[0][1], vstart)
        if comma is not None and count_words(text, toks[0][0], comma.start(), 9) <= 8 \
                and not _COMMA_AT.search(text, comma.end(), vstart):
            # «وبعد الإعلان عن القمة، اختصر تيلرسون جولته ...، قائلا»: the clause after the adjunct
            return subject_slot(text, comma.end(), vstart, name_len, inner)
        k = 1
        while bare == "في" and k < len(toks) - 2 and (toks[k][2] in TIME_WORDS or toks[k][2] in TIME_MODIFIERS):
            k += 1  # «ففي الشهر الماضي فرضت الولايات المتحدة ...، متهمة»: a time adjunct, then the clause
        if k > 1:
            return subject_slot(text, toks[k][0], vstart, name_len, inner)
        return None  # «وفي الوقت الذي ...»: an adjunct opens the sentence
    split = _object_split(text, toks[0][1], vstart, transitive=True, name_len=name_len)
    if not split or split[0] is None:
        return None
    s, e = split[0]
    words = _tokens(text, s, e)
    if len(words) > 1 and not words[0][2].startswith("ال") and words[0][2] not in TITLE_WORDS \
            and not (name_len is not None and name_len([w for _, _, w in words]) == len(words)) \
            and words[-1][2].startswith("ال") and (not _adjective_like(words[-1][2])
                                                   or words[-1][2] in SPEECH_EVENT_NOUNS) \
            and words[-2][2] not in _NAME_PARTICLES:
        e = words[-2][1]  # «ووصف أقصوي البيان بـ»: a definite noun after a name is the object
        # (not after a name particle: «وينشط عبد العظيم ...، منتقدا», «أبو الغيط»)
    return s, _name_in_apposition(text, s, e, vstart)


_APPOSITION = regex.compile(r"\s*[،,]\s*((?:[^\s،,.:\"«»]+\s+){0,2}[^\s،,.:\"«»]+)\s*[،,]")


def _subject_first(connective, inner, first: str, name_len) -> bool:
    """Whether the clause after the sentence's ``connective`` (or the ``inner`` connective) opens
    with its subject before the verb: after «كان/كانت ... قد» («وكانت جماعة تمثل ... قد استبقت»),
    after «إلا/غير/بيد أن» («بيد أن محكمة ألمانية أمرت»); not after «قد» alone, which a verb
    follows («وقد أذاعت بي بي سي ...، قائلة»), unless a name does («فقد عبد الرحمن علي»: the
    verb «فقد» and its subject)."""
    if inner is not None and inner.group().strip().endswith("أن"):
        return True
    if connective is None or not _AUXILIARY_END.search(connective.group()):
        return False
    given = _name_index_attr(name_len, "given_name")
    return connective.group().strip().lstrip("وف") != "قد" or first in _NAME_PARTICLES \
        or (given is not None and given(first))


def _name_in_apposition(text: str, s: int, e: int, limit: int) -> int:
    """«وزارت وزيرة الداخلية البريطانية، أمبر راد، المدينة، ...، وقالت»: a title subject is
    followed by its holder's name between commas; the subject phrase runs to the name's end
    (a time or place adjunct, a preposition or a definite noun there is no name)."""
    first = text[s:e].split()[0] if text[s:e].split() else ""
    if not (first in TITLE_HEADS or (first.startswith("ال") and first[2:] in TITLE_HEADS)):
        return e
    m = _APPOSITION.match(text, e, limit)
    if m is None:
        return e
    for w in m.group(1).split():
        if w.startswith(("ال", "ب", "ل", "و", "ف", "#")) or w in TIME_WORDS or w in _PREPOSITIONS \
                or w in RELATIVES or w[:1].isdigit() or w in TITLE_HEADS:
            return e
    return m.end(1)


def _implausible_speaker(text: str, span: tuple[int, int], name_len) -> bool:
    """A one-word indefinite noun that names nobody («قيام», «موافقة»): no speaker."""
    words = text[span[0]:span[1]].split()
    if len(words) != 1:
        return False
    w = words[0]
    return not w.startswith(("ال", "#")) and w not in TITLE_WORDS and w not in GENERIC_BODY_HEADS \
        and not (name_len is not None and name_len([w]))


def _names_something(text: str, start: int, o: int) -> bool:
    """Whether the mark at ``o`` follows a word that makes its content a name («باسم "..."»)."""
    before = text[start:o].split()
    if not before:
        return False
    w = before[-1]
    return w in NAME_MARK_GOVERNORS or w.endswith(("لـ", "بـ"))


def _clause_initial(text: str, pstart: int, vstart: int) -> bool:
    """Whether a verb without و/ف opens a clause (not a noun like «رفض» after a word)."""
    before = text[pstart:vstart].rstrip()
    if not before or before[-1] in "،,:.؛-–—\"»”(":
        return True
    prev = before.split()[-1]
    if prev in CLAUSE_OPENERS:
        return True
    # a sentence-initial adjunct phrase: «وفي كلمة أمام المجلس دعا غوتيريس ...»
    chunk = _CLAUSE_PUNCT.split(before)[-1].strip()
    return bool(_ADJUNCT_OPENING.match(chunk)) and len(chunk.split()) <= 8


def _left_subject(text: str, sent_start: int, verb_start: int, lex: VerbLexicon = DEFAULT_VERBS) \
        -> tuple[int, int] | None:
    """A subject standing before its verb: «الجيش السوري يعلن أن ...»."""
    m = _SABAQA.search(text, sent_start, verb_start)
    if m is not None:  # «وسبق لطهران أن رفضت»: the subject is the one «سبق» names
        return clean_speaker(text, m.start("who"), m.end("who"))
    # inside «يذكر أن الجيش الإسرائيلي أعلن» the subject starts after the complementizer
    for cm in COMP_RE.finditer(text, sent_start, verb_start):
        sent_start = cm.end()
    for cm in _THEN_INNA.finditer(text, sent_start, verb_start):
        sent_start = cm.end()  # «ووفقا لحساب الرئاسة فإن الأسد تعهد»: after a fronted phrase
    left = text[sent_start:verb_start]
    m = _CONNECTIVES_LEFT.match(left)
    off = sent_start + (m.end() if m else 0)
    left = text[off:verb_start]
    t = _LEFT_TRAIL.search(left)
    if t:
        left = left[: t.start()]
    left_stripped = left.strip(" ،,:-–—\"«»“”")
    inner = _INNER_CONNECTIVE.split(left_stripped)
    if len(inner) > 1:  # «ولم يجر تنفيذ ضربات جوية لكن المرصد ... قال»
        left_stripped = inner[-1].strip(" ،,:-–—\"«»“”")
    if not left_stripped or any(not (t.participle and _noun_participle(lex, left_stripped, t.start(), t.end()))
                                for t in lex.iter_triggers(left_stripped, 0, len(left_stripped))):
        return None  # «جاء ذلك في تصريح أكد فيه ...»: another verb, not a subject (but «لكن متحدثا
        # باسم التحالف قال»: a spokesman, a noun)
    if left_stripped.split()[-1] in CLAUSE_CONNECTIVES:
        return None  # «إن التحقيق مستمر، كما نوهت»: a new clause of the same speaker
    toks = _tokens(left_stripped, 0, len(left_stripped))
    if len(toks) > _MAX_LEFT_TOKENS:
        return None
    # a date bullet «- 8 سبتمبر 2017:» or a dateline before the subject
    if ":" in left_stripped:
        left_stripped = left_stripped.rsplit(":", 1)[1].strip()
    if not left_stripped or _DIGIT.search(left_stripped.split()[0]):
        return None
    first = left_stripped.split()[0]
    if (first.lstrip("و").startswith("ب") and len(first.lstrip("و")) > 3 and len(left_stripped.split()) > 1) \
            or first.lstrip("و") in TIME_WORDS or first.lstrip("و") in _SUBORDINATORS:
        return None  # «وبسؤال المصدر عن خلفيات القرار، جدد», «والسبت أبدت», «وعندما طرحنا السؤال قال»: not a subject
    s = text.index(left_stripped, off)
    return clean_speaker(text, s, s + len(left_stripped))


def _clause_end(doc: Paragraph, pos: int, limit: int, spans: bool = True, narration: bool = True,
                obj: bool = False) -> int:
    """Where the reported clause starting at ``pos`` ends (quotation marks of the paragraph
    respected unless ``spans=False``; ``obj``: a noun-phrase object, which a comma and «لكن»,
    «كما» also end); every look-up is a search in ``doc``'s indices."""
    end = doc.sentence_end(pos, limit, spans)
    for name in ("tail", "narration", *(("object",) if obj else ())) if narration else ("tail",):
        t = doc.first_tail(name, pos, end, spans)
        if t is not None and name == "narration" and not obj:  # (a noun-phrase object ends there)
            t = _past_subjects_relative(doc, pos, t, end, spans)
        if t is not None:
            end = t
    # a continuation participle («مشيرا إلى أن», «مؤكدة أن») starts a new quote even without a comma
    t = doc.first_participle(pos, end, spans)
    if t is not None:
        end = t
    # the next reporting verb or participle after a comma starts a new quote
    t = doc.first_comma_verb(pos, end, spans)
    if t is not None:
        end = t
    t = doc.first_waw_verb(pos, end, spans)
    if t is not None:
        end = t
    return end


_WHAT = frozenset(words("what"))  # «، وهو ما ...»


def _past_subjects_relative(doc: Paragraph, pos: int, t: int, end: int, spans: bool) -> int | None:
    """A narration tail at ``t`` that is a relative clause or an apposition between commas right
    after the clause's first words (three at most) describes them, its subject («أن الضربات، التي
    استخدم فيها طائرات إف-16، جاءت بالتنسيق ...», «إن مجلس الدولة، وهو أعلى محكمة إدارية، رفض
    ...»): the clause goes on after the closing comma (the next tail from there, or None). Any
    other tail is returned as it is."""
    text = doc.text
    nxt = WORD.search(text, t, end)
    if nxt is None or count_words(text, pos, t, 4) >= 4:
        return t
    after = WORD.search(text, nxt.end(), end)
    if not (nxt.group() in RELATIVES or (nxt.group() in _CLAUSE_PRONOUNS and after is not None
                                         and after.group() not in _WHAT)):
        return t  # («، وهو ما ...»: the narrator's comment on the clause)
    close = next((i for i in range(nxt.end(), end) if text[i] in "،,"), None)
    return None if close is None else doc.first_tail("narration", close + 1, end, spans)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " \t،,:؛-–—":
        s += 1
    while e > s and text[e - 1] in " \t،,:؛.-–—":
        e -= 1
    return s, e


def _words(s: str) -> int:
    return len(WORD.findall(s))


def _content(doc: Paragraph, cstart: int, limit: int) -> tuple[int, int, str] | None:
    """The quote after the complementizer/colon: direct when marks hold a full clause."""
    text = doc.text
    cstart, _ = _trim(text, cstart, limit)
    if cstart >= limit:
        return None
    cend = _clause_end(doc, cstart, limit)
    # quotation marks holding a full clause make the quote direct: the words inside them
    for o, c, closed in doc.spans_from(cstart, cend):
        near_start = count_words(text, cstart, o, 4) <= 3
        inner_s, inner_e = o + 1, c
        if not closed:
            inner_e = _clause_end(doc, inner_s, limit, spans=False)
        inner_words = count_words(text, inner_s, inner_e, 5)
        after_words = count_words(text, c + 1, _clause_end(doc, c + 1, limit), 3) if closed else 0
        if (near_start and (inner_words >= 4 or (inner_words >= 3 and after_words <= 2))) or \
                (not near_start and inner_words >= 5 and after_words <= 2):
            s, e = _trim(text, inner_s, inner_e)
            lead = _LEADING_COMP.match(text, s, e)
            if lead and not _conditional_in(text, lead, e):
                s = lead.end()  # «"إننا ..."»: the complementizer is not part of the words quoted
            return (s, e, "direct") if e > s else None
        if near_start:
            break
    s, e = _trim(text, cstart, cend)
    if e <= s or count_words(text, s, e, 2) < 2:
        return None
    return s, e, "indirect"


_BARE_INNA = frozenset(words("bare_inna"))


def _conditional_in(text: str, lead, end: int) -> bool:
    """Whether a bare «إن» opening a quotation is the conditional («"إن شاء الله"», «"إن لم
    ..."»), part of the words quoted, rather than the complementizer: the conditional is
    followed by a verb, a complementizer by its subject."""
    if lead.group().strip() not in _BARE_INNA:
        return False  # «إننا», «أنه», «بأن»: only a complementizer
    nxt = WORD.match(text, lead.end(), end)
    return nxt is not None and nxt.group() in CONDITIONAL_FOLLOWERS


def _past_adjunct(text: str, pos: int, end: int, bi: bool = False) -> int:
    """Past an adjunct of time or occasion that opens an object's slot: «وهدد ترامب في السابق
    بالتخلي عن الاتفاقية», «وأعلن الهلال الأحمر في وقت سابق دخول 46 شاحنة», «أعلنت الوزارة في
    بيان السبت مقتل عنصر أمني» (في, its noun, the time words after it, then the verb's
    preposition). A speech event («بيان», «كلمته») only when a time word closes it; never when
    a date, a place or a clause goes on («في بيان صدر عن», «في نهاية نيسان/أبريل», «في مقابلة عبر»)."""
    toks = _tokens(text, pos, end, 8)
    if len(toks) < 3 or toks[0][2] not in _EVENT_PREPOSITIONS:
        return pos
    noun = toks[1][2]
    timely = noun in TIME_MODIFIERS or noun == "الوقت" or (noun == "وقت" and toks[2][2] in _TIME_ADJECTIVES)
    if not timely and not _is_adjunct(toks[0][2], noun):
        return pos
    k = 2
    while k < len(toks) - 1 and (toks[k][2] in TIME_WORDS or toks[k][2] in TIME_MODIFIERS
                                 or toks[k][2] in _TIME_ADJECTIVES):
        k += 1  # «في وقت سابق», «في وقت لاحق الجمعة», «في بيان السبت»
    w = toks[k][2]
    if (not timely and k == 2) or not _LETTERS.fullmatch(w) or w in ADJUNCT_HEADS or w in _MONTHS \
            or w in _ISSUED or w in RELATIVES or text[toks[k - 1][1]:toks[k][0]].strip() \
            or w in TIME_WORDS or w in TIME_MODIFIERS or w in _TIME_ADJECTIVES \
            or (w == "من" and k + 1 < len(toks) and not _LETTERS.fullmatch(toks[k + 1][2])):
        return pos  # «في بيان لها», «في بيان صدر عن ...», «في بيان، ...»: the adjunct goes on
    return _skip_preposition(text, toks[k][0], end, bi)


_TIME_ADJECTIVES = frozenset(words("time_adjectives"))  # «في وقت سابق», «في وقت لاحق»
_WEEKDAYS = frozenset(words("weekdays"))
_MONTH_ORDINALS = frozenset(words("month_ordinals"))  # «كانون الثاني», «تشرين الأول»
_DAY_PARTS = frozenset(words("day_parts"))


def _is_month(w: str) -> bool:
    return any(part in _MONTHS for part in w.split("/"))


def _date_part(w: str) -> bool:
    """A word that goes on a date after its month: «الثاني» of «كانون الثاني», a «/» spelling
    («/أبريل», «/»), a year, «الماضي»."""
    return _is_month(w) or w.strip("/") in _MONTH_ORDINALS or not w.strip("/") or w.strip("/").isdigit() \
        or w in TIME_MODIFIERS


def _date_length(toks) -> int:
    """How many of ``toks`` a date opening them takes: «في التاسع من نيسان/أبريل», «في 31
    مارس/ آذار الماضي», «في كانون الثاني/يناير», «في أواخر يوليو/تموز عام 2017», «في العام
    2014»; 0 when they open with no date."""
    words = [w.rstrip("،,") for _, _, w in toks]
    if len(words) < 2 or words[0] != "في":
        return 0
    k = 1
    if k + 1 < len(words) and words[k] in _YEAR_NOUNS and words[k + 1].isdigit():
        return k + 2
    if words[k] in TIME_WORDS or words[k].isdigit():  # «أواخر», «31»
        k += 1
    elif k + 2 < len(words) and words[k + 1] == "من" and _is_month(words[k + 2]):
        k += 2  # «التاسع من»
    if k >= len(words) or not _is_month(words[k]):
        return 0
    k += 1
    while k < len(words) and toks[k - 1][2] == words[k - 1]:  # (a comma ends the date)
        if _date_part(words[k]):
            k += 1
        elif k + 1 < len(words) and words[k] in _YEAR_NOUNS and words[k + 1].isdigit():
            k += 2  # «تموز عام 2017»
        else:
            break
    return k


def _past_date(text: str, pos: int, end: int) -> int:
    """Past a date that opens an object's slot: «واتهمت دمشق في التاسع من نيسان/أبريل الطيران
    الإسرائيلي باستهداف ...» (only when words follow it)."""
    toks = _tokens(text, pos, end, 10)
    k = _date_length(toks)
    return toks[k][0] if 0 < k < len(toks) else pos


def _past_day(text: str, pos: int, end: int) -> int:
    """Past days that open an object's slot, with a part of the day or a modifier: «وأعرب
    الاتحاد الأوروبي الاثنين عن أسفه», «أعلن الجيش مساء الاثنين مقتل», «أمس الثلاثاء», «ليل
    الجمعة السبت», «يوم الاثنين الماضي» (only when words follow: «أعلن الثلاثاء» is no object)."""
    toks = _tokens(text, pos, end, 7)
    words = [w.rstrip("،,") for _, _, w in toks]
    k, day = 0, False
    while k < len(toks) - 1:
        if words[k] in _WEEKDAYS:
            day = True
        elif not ((words[k] in _DAY_PARTS and words[k + 1] in _WEEKDAYS)
                  or (day and words[k] in TIME_MODIFIERS)):
            break
        k += 1
        if toks[k - 1][2] != words[k - 1]:
            break  # a comma closes the adjunct: «الثلاثاء، قرب سيطرتها»
    return toks[k][0] if day and k < len(toks) else pos


def _skip_preposition(text: str, pos: int, end: int, bi: bool = False) -> int:
    """Position after a leading preposition («إلى», «على», «من», «عن»; «ب» for verbs that take it)."""
    toks = _tokens(text, pos, end, 24)
    while toks and toks[0][2] in OBJECT_ADVERBS:
        pos = toks[0][1]
        toks = toks[1:]
    if toks and toks[0][2] in _PREPOSITIONS:
        return toks[0][1]
    if bi and toks and toks[0][2].startswith("ب") and not toks[0][2].startswith(_NOT_BI):
        return toks[0][0] + (2 if toks[0][2].startswith("بـ") else 1)
    return pos


_NOT_BI = tuple(words("not_bi_prefix"))  # «أفاد بعضهم», «أفاد بيان للجيش»: no ب + noun


def _after_bi(start: int, w: str) -> int:
    """Where the noun starts in the word ``w`` at ``start`` that opens with ب («بمقتل», «بـ"التشدد"»)."""
    return start + (2 if w.startswith("بـ") else 1)


def _bi_word(toks, i: int, name_len) -> bool:
    """Whether ``toks[i]`` is the preposition ب glued to a noun («بمقتل»): not a word that opens
    with ب («بعضهم»), a name («بومبيو»), nor the second word of a name with the word before it
    («وكالة فرانس برس»)."""
    w = toks[i][2]
    if not w.startswith("ب") or len(w) <= 2 or w.startswith(_NOT_BI):
        return False
    if i > 0 and toks[i - 1][2] in HONORIFIC_WORDS and not w.startswith("بال"):
        return False  # «الدكتور بندر العيبان»: a name after an honorific
    if name_len is None:
        return True
    if name_len([x for _, _, x in toks[i:i + 4]]):
        return False
    return not (i > 0 and name_len([x for _, _, x in toks[i - 1:i + 3]]) >= 2)


_NOT_BEFORE_SUBJECT_VERB = frozenset(words("not_before_subject_verb"))


def _in_relative_clause(text: str, pstart: int, vstart: int) -> bool:
    """«المبادئ التي يعلن اعتناقها», «الاعتداء الذي أعلن تنظيم "الدولة الإسلامية" مسؤوليته عنه»:
    a verb right after a restrictive relative pronoun (no comma before it) describes its
    antecedent; with no أن, colon or quotation its object is not reported speech. A comma
    before the pronoun opens an apposition that can report («القس، الذي ينفي تلك الاتهامات،»)."""
    before = text[pstart:vstart].split()
    return len(before) >= 2 and before[-1] in RELATIVES and not before[-2].endswith(("،", ","))


def _named_antecedent(text: str, pstart: int, vstart: int, name_len) -> tuple[int, int] | None:
    """The known person's name right before «الذي/التي» (no comma) in front of the verb at
    ``vstart`` («مبعوث الأمم المتحدة ستافان دي ميستورا الذي حذر», «نظيره الفرنسي إيمانويل ماكرون
    الذي اقترح»), or None: a name has no restrictive relative, so the clause is about the person."""
    persons = _name_index_attr(name_len, "persons")
    if not persons:
        return None
    toks = _tokens(text, max(pstart, vstart - 120), vstart)
    if len(toks) < 2 or toks[-1][2] not in RELATIVES:
        return None
    for k in (4, 3, 2, 1):
        if len(toks) > k and tuple(_norm_word(w.lstrip("#")) for _, _, w in toks[-1 - k:-1]) in persons:
            return toks[-1 - k][0], toks[-2][1]
    return None


def _not_a_plain_object(after, name_len) -> bool:
    """Whether the words right after a verb open with something other than its object or a
    preposition that leads to it («حذر من», «أشار إلى»): an adjunct or a time word («الذي أعلن في
    يناير ...», «الذي دعا فيها»), or a subject of its own («الذي أعلن الجيش عزله»)."""
    w = after[0][2]
    return w in _EVENT_PREPOSITIONS or w in _PRONOUN_PREPOSITIONS or w in TIME_WORDS \
        or w in ADJUNCT_HEADS or _opens_subject(after, name_len)


def _opens_subject(after, name_len) -> bool:
    """Whether the words ``after`` a verb open a subject of its own: a known name, a title or a
    body word («الذي أعلن الجيش عزله», «تتهمهما وزارة الخزانة الأميركية بدعم ...»)."""
    w = after[0][2]
    return bool(name_len and name_len([x for _, _, x in after])) or w in TITLE_WORDS \
        or w in GENERIC_BODY_HEADS or w.lstrip("ال") in BODY_HEADS


_INDEFINITE_ENDINGS = ("ة", "ات", "ون", "ين")


def _after_indefinite_noun(text: str, pstart: int, vstart: int, name_len=None) -> bool:
    """«أدلة موثوقة تؤكد استخدام ...», «مواقع إخبارية فلسطينية تنتقد اسرائيل»: an imperfect verb
    right after an indefinite noun or adjective (no «ال», a feminine or plural ending, not a
    known name) opens an adjectival clause on that noun: it describes, it does not report."""
    before = text[pstart:vstart].split()
    if not before or before[-1].endswith(("،", ",", ".", ":", '"', "»")):
        return False
    w = before[-1]
    if w.startswith(_DEFINITE_PREFIXES) or w[:1].isdigit() or not w.endswith(_INDEFINITE_ENDINGS):
        return False
    if name_len is not None and any(name_len(before[-k:]) == k for k in (1, 2, 3) if len(before) >= k):
        return False
    return True


def _plural_before_slot(site) -> bool:
    """A plural or dual verb form («قالوا», «دعوا», «أكدا»): Arabic puts a verb before its subject
    in the singular, so a noun phrase right after a plural form is its object or addressee,
    never its subject; the subject came before the verb or is carried over."""
    return not site.is_part and not site.is_masdar and site.doc.lex.verb_gender.get(site.verb) == "p"


def _gender_disagrees(site, text: str, speaker: tuple[int, int]) -> bool:
    """«كما طالب السلطة الفلسطينية بـ», «وطالبت مجلس حقوق الإنسان بـ»: a verb before a noun
    phrase of the other gender does not agree with it, so that noun phrase is the verb's object (a
    verb before its subject agrees with it: «طالبت السلطة»); only for verbs that take an addressee."""
    if site.is_part or site.gender not in ("m", "f") or not site.transitive:
        return False
    words = text[speaker[0]:speaker[1]].split()
    if not words:
        return False
    head = words[0]
    if site.gender == "m":  # «وحذر روسيا من»: a place name takes a feminine verb («حذرت روسيا»)
        return (head.startswith("ال") and head.endswith("ة")) or _feminine_place(words)
    # «وطالبت مجلس حقوق الإنسان بالتدخل»: a feminine verb before a masculine title or body word
    return not head.endswith(("ة", "ات")) and (head in TITLE_WORDS or head in GENERIC_BODY_HEADS)


_FEMININE_PLACES = feminine_places()
_PLACE_WORDS = max((len(p.split()) for p in _FEMININE_PLACES), default=1)


def _feminine_place(words: list[str]) -> bool:
    """Whether the slot opens with a country name or capital that takes a feminine verb."""
    norms = [normalize_ar(w.strip("،,")) for w in words[:_PLACE_WORDS]]
    return any(" ".join(norms[:k]) in _FEMININE_PLACES for k in range(len(norms), 0, -1))


def _only_the_object(site, speaker_end: int, content_start: int) -> bool:
    """For a verb that never goes without its object (``needs_object``: «وصف», «اتهم», «حث»):
    whether nothing but a preposition stands between the one noun phrase after it and its
    content, so that noun phrase is the object and the subject is carried over."""
    if not site.needs_object or site.is_part \
            or regex.search(r"[،,]", site.doc.text[site.vend2:content_start]):
        return False  # «ووصف الأمين العام، أنطونيو غوتيريش، الوضع بأنه»: appositions, a subject
    rest = [w for w in regex.findall(r"[\p{L}\p{M}]+", site.doc.text[speaker_end:content_start])
            if w not in _PREPOSITIONS and w not in _OBJECT_LINKS]
    return not rest


def _subject_can_precede(text: str, pstart: int, vstart: int) -> bool:
    """«الجيش السوري يعلن» yes; «بسبب رفض الرئيس» no (a preposition governs the verb form)."""
    before = text[pstart:vstart].split()
    return bool(before) and before[-1].strip("،,") not in _NOT_BEFORE_SUBJECT_VERB


def _object_split(text: str, vend: int, cend: int, bi: bool = False, transitive: bool = False,
                  name_len=None, prep: str | None = None, lex: VerbLexicon = DEFAULT_VERBS
                  ) -> tuple[tuple[int, int] | None, int] | None:
    """For a speech-act verb without أن: split «VERB SPEAKER [، adjuncts،] OBJECT» into the
    speaker's span (None: elided) and where the object starts; None when no split is found."""
    toks = _tokens(text, vend, cend)
    while len(toks) > 2 and (toks[0][2] in OBJECT_ADVERBS or toks[0][2] in TIME_WORDS
                             or _restating_masdar(toks, 0)):
        vend = toks[0][1]  # «أكدت كذلك وقوفها», «جدد التأكيد على»
        toks = toks[1:]
    if len(toks) < 2:
        return None
    if toks[0][2] in _PREPOSITIONS or (bi and name_len is not None and _bi_word(toks, 0, name_len)):
        return None, _skip_preposition(text, vend, cend, bi)  # «تعهد بخلق فرص عمل»: subject elided
    if toks[0][2] in _HONORIFIC_PRONOUNS:  # «وشدد معاليه على أهمية»: the speaker referred back to
        return None, _skip_preposition(text, toks[1][0], cend, bi)
    given = _name_index_attr(name_len, "given_name")
    if toks[0][2].endswith(("ها", "هم", "هما", "ه")) and len(toks[0][2]) > 4 \
            and not toks[0][2].startswith(("ال",) + _NOT_BI) \
            and not (name_len is not None and name_len([toks[0][2]])) \
            and not (given is not None and given(toks[0][2])):
        return None, toks[0][0]  # «أعلن انسحابه من», «أكدت كذلك وقوفها»: the object, subject elided
        # (not a given name ending in «ه»: «وأكد عبدالله، نجل سلمان العودة، تلك الأنباء»)
    parts = list(_SEGMENT.finditer(text, vend, cend))
    first_end = parts[0].end() if parts else cend
    lead = 2 if len(toks) > 3 and (toks[0][2], toks[1][2]) in _QUANTITY_PREFIXES else \
        1 if len(toks) > 3 and toks[0][2] in _QUANTIFIERS and not toks[1][2].startswith("ال") else 0
    # «وندد عدد من الدول بـ», «وطالبت عدة منظمات غير حكومية الرئيس الفرنسي بـ»: the quantifier
    # and the noun phrase it counts
    j = lead + _np_length(toks[lead:], name_len)  # the speaker noun phrase: a head, its modifiers, a name
    split = (_far_bi_word(text, toks, j, name_len, lex) if bi and not transitive else None) \
        or _verbal_noun_after_np(text, toks, j, name_len) \
        or _split_after_np(text, toks, j, parts, first_end, cend, bi, name_len, prep) \
        or _split_at_preposition(text, toks, j, first_end, cend, bi, transitive, prep, name_len, lex, lead) \
        or _indefinite_after_definite(text, toks, j, name_len) \
        or _object_after_name(text, toks, j, lead, name_len) \
        or _split_at_commas(text, parts, cend)
    if split is not None:
        return split
    if j >= len(toks):
        return None
    if toks[j][2] in _CLAUSE_PRONOUNS and len(parts) >= 3 and parts[1].start() <= toks[j][0] < parts[1].end():
        # «وأفادت لجان التنسيق المحلية، وهي شبكة من الناشطين المعارضين، بمقتل»: a clause about
        # the speaker between commas; the object follows it
        return clean_speaker(text, toks[0][0], toks[j - 1][1], name_len), _skip_preposition(text, parts[2].start(), cend, bi)
    place = _place_after_speaker(toks, j, name_len)
    if place is not None:  # «وأعلنت السلطات الأمنية في محافظة البصرة فرض حظر تجول»
        return clean_speaker(text, toks[0][0], toks[place - 1][1], name_len), toks[place][0]
    return clean_speaker(text, toks[0][0], toks[j - 1][1], name_len), toks[j][0]  # the NP, then the object


def _place_after_speaker(toks, j: int, name_len) -> int | None:
    """Where a place that belongs to the speaker noun phrase of ``j`` words ends, before the
    verb's object: «كشفت مصادر محلية في مدينة الحديدة عن قيام ...», «أعلنت حركة حماس في قطاع
    غزة التوصل ...», «دعت اللجان التنسيقية في محافظة البصرة العراقية المتظاهرين ...» — «في»,
    a place noun and its name or a country or capital, its country's adjective. None when no
    such place follows, when a person the registry knows is the speaker (the place is then where
    he spoke: «أعلن ترامب في واشنطن ...»), or when a name follows the place (the title's holder:
    «ونفى القنصل السعودي في اسطنبول محمد العتيبي علمه»)."""
    if j == 0 or j + 2 >= len(toks) or toks[j][2] != "في" or toks[j - 1][2].endswith(("،", ",")) \
            or _person_ends(toks, j, name_len) or (name_len is not None and _first_name(toks[0][2], name_len)):
        return None
    word = normalize_ar(toks[j + 1][2])
    if (word[2:] if word.startswith("ال") else word) in speaker_words().place_nouns:
        if toks[j + 1][2].endswith(("،", ",")) or toks[j + 2][2] in _PREPOSITIONS:
            return None
        k = j + 3  # «في مدينة الحديدة»
    elif _feminine_place([toks[j + 1][2]]):
        k = j + 2  # «في إيران», «في غزة»
    else:
        return None
    while k < len(toks) and not toks[k - 1][2].endswith(("،", ",")) and _country_adjective(toks[k][2], name_len):
        k += 1  # «العراقية»
    if k >= len(toks) or toks[k - 1][2].endswith(("،", ",")) or _first_name(toks[k][2], name_len) \
            or (name_len is not None and _person_ends(toks, min(len(toks), k + 3), name_len, reach=3)):
        return None
    return k


def _far_bi_word(text, toks, j: int, name_len, lex: VerbLexicon):
    """For a verb whose content follows ب with no addressee before it («رحب بـ», «أشاد بـ»; not
    «طالب X بـ»): when the speaker's noun phrase goes on past its first ``j`` words with a
    genitive «ل» or an honorific («أمين عام مجلس التعاون لدول الخليج العربية الدكتور عبداللطيف
    الزياني بقرار ...»), the first ب + noun within reach opens the content."""
    if j >= len(toks) or not (toks[j][2].startswith("ل") or toks[j][2] in HONORIFIC_WORDS):
        return None
    for i in range(j + 1, min(len(toks), _PREP_REACH)):
        w = toks[i][2]
        if w in _PREPOSITIONS or lex.has_trigger(w):
            return None
        if _bi_word(toks, i, name_len):
            return clean_speaker(text, toks[0][0], toks[i - 1][1], name_len), _after_bi(toks[i][0], w)
    return None


def _is_prep(w: str, prep: str) -> bool:
    """Whether the word ``w`` is the verb's own preposition ``prep`` («الى» written for «إلى»)."""
    return w == prep or (prep == "إلى" and w == "الى")


def _after_time(text, toks, k: int, cend: int, bi: bool, prep: str | None, name_len=None) -> int:
    """Where the object starts after a time word that ends the speaker (``toks[k]`` follows it):
    past the verb's own preposition when it comes a few words on, after an adjunct («ودعا X
    الأحد في تسجيل فيديو إلى ...»), else past a preposition right there."""
    while k + 1 < len(toks) and (toks[k][2] in TIME_WORDS or toks[k][2] in TIME_MODIFIERS):
        k += 1  # «أمس الثلثاء», «الجمعة الماضية»
    if prep is not None:
        # past an adjunct that opens here («أثناء محادثات مع وزير الخارجية العراقي ... الى»)
        reach = 14 if toks[k][2] in ADJUNCT_HEADS or toks[k][2] in _PREPOSITIONS else 6
        for s, e, w in toks[k:k + reach]:
            if _is_prep(w, prep):
                return e
    return _skip_preposition(text, toks[k][0], cend, bi and (name_len is None or _bi_word(toks, k, name_len)))
    # (not the ب of a name: «هددت إسرائيل اليوم الاثنين، بشار الأسد بالقتل»)


def _restating_masdar(toks, i: int) -> bool:
    """Whether ``toks[i]`` is a masdar that restates the reporting verb before the verb's own
    preposition («وجدد الوزير التأكيد على ...», «جدد دعوته إلى ...»): the content follows the
    preposition. A masdar with its adjective or its object is the content itself: «أكد الوزير
    رفضه القاطع للاتفاق», «كرر المسؤولون الدعوة للاجئين إلى العودة»."""
    return toks[i][2] in REPORTING_MASDARS and i + 1 < len(toks) and toks[i + 1][2] in _PREPOSITIONS


def _split_after_np(text, toks, j, parts, first_end, cend, bi, name_len, prep=None):
    """A restating masdar, a relative clause or a preposition right after the speaker's noun
    phrase of ``j`` words ends the speaker."""
    k = None
    for i in range(1, min(8, len(toks) - 1)):  # the masdar ends the speaker, however long it is
        if toks[i][2] in REPORTING_MASDARS:
            k = i
            break
        if toks[i][2] in _PREPOSITIONS or "،" in toks[i - 1][2]:
            break
    if k is not None:
        # «وجدد الوزير التأكيد على رفض ...», «وجدد البابا دعوته إلى الحوار»: the masdar restates
        # the verb; what follows it is the content. With its adjective or object the masdar is
        # the content itself: «أعلن الوزير، ...، رفضه القاطع للاتفاق»
        speaker = clean_speaker(text, toks[0][0], toks[k - 1][1], name_len)
        if not _restating_masdar(toks, k):
            return speaker, toks[k][0]
        return speaker, _skip_preposition(text, toks[k][1], cend, bi)
    if j < len(toks) and toks[j][2] in RELATIVES and len(parts) >= 2 and toks[j - 1][1] <= first_end:
        # «دعا فصيل كتائب حزب الله الذي انخرط في النزاع، سلطات بغداد إلى ...»: the relative
        # clause describes the speaker; the object follows the comma
        return clean_speaker(text, toks[0][0], toks[j - 1][1], name_len), \
            _skip_preposition(text, parts[1].start(), cend, bi)
    if j < len(toks) and toks[j - 1][1] <= first_end:
        nxt = toks[j][2]
        if nxt in TIME_WORDS and j + 1 < len(toks):
            return clean_speaker(text, toks[0][0], toks[j - 1][1]), _after_time(text, toks, j + 1, cend, bi, prep, name_len)
        if nxt in _PREPOSITIONS or (bi and _bi_word(toks, j, name_len)):
            return clean_speaker(text, toks[0][0], toks[j - 1][1], name_len), _skip_preposition(text, toks[j][0], cend, bi)
    return None


_PREP_REACH = 20  # words to an intransitive verb's own preposition: «وأعرب صاحب السمو الملكي الأمير
# محمد بن نايف بن عبدالعزيز ولي العهد نائب رئيس مجلس الوزراء وزير الداخلية عن» (Gulf title chains)


def _split_at_preposition(text, toks, j, first_end, cend, bi, transitive, prep, name_len, lex, lead=0):
    """An intransitive verb's own preposition ends the speaker: however far across appositions
    («أعربت وكالات إغاثة تابعة للأمم المتحدة عن قلقها», «لفت أنور قرقاش، وزير الدولة ...، إلى»),
    or one or two words after its noun phrase («حذر البابا فرنسيس من ...»)."""
    if prep is not None:  # past «العديد من»: «وأعرب العديد من قادة دول العالم عن غضبهم»
        for i, (s, e, w) in enumerate(toks[lead + 1:min(len(toks), _PREP_REACH)], start=lead + 1):
            if _is_prep(w, prep):
                return clean_speaker(text, toks[0][0], toks[i - 1][1], name_len), e
            if (w in _PREPOSITIONS and w != "في") or lex.has_trigger(w):
                break  # (not «في» of the speaker's description: «وحذر أحد المسؤولين في حزب الشين فين من»)
    if transitive:
        return None
    head = [t for t in toks if t[1] <= first_end]
    for i, (s, e, w) in enumerate(head[lead + 1:min(len(head), j + 3)], start=lead + 1):
        # (past «العديد من»: «شجب العديد من الدول ما جرى»)
        if i > j and (w.startswith("ال") or w.endswith(("ة", "ات"))) and w not in _PREPOSITIONS:
            break  # «وتوقع الوزير موافقة الولايات المتحدة على»: an object, not a name
        if i == j and w.startswith("ال") and not w.endswith(NISBA_ENDINGS) and w not in _FIXED_MODIFIERS \
                and w not in TIME_WORDS and w not in TITLE_WORDS and w not in HONORIFIC_WORDS:
            break  # «ودان الأمين العام للأمم المتحدة أنطونيو غوتيريش الهجوم على المدنيين»: a definite
            # noun right after the speaker's noun phrase is the object, not a speaker going on to
            # the verb's preposition («على» is the noun's)
        if w in TIME_WORDS and i + 1 < len(toks):
            k = i + 1
            while k + 1 < len(toks) and toks[k][2] in TIME_WORDS:
                k += 1  # «مساء السبت»
            return clean_speaker(text, toks[0][0], toks[i - 1][1]), _after_time(text, toks, k, cend, bi, prep, name_len)
        if j <= i <= j + 1 and _owned_object(toks, i, j):
            # «وأكدت فصائل موالية لتركيا سيطرتها على», «أعلنت شركات أوروبية أخرى انسحابها من»,
            # «ونفت روسيا بشدة مسؤوليتها عن»: a noun owned by the subject opens the object
            k = i - 1 if i > j and toks[i - 1][2].startswith("ب") else i
            return clean_speaker(text, toks[0][0], toks[k - 1][1], name_len), toks[k][0]
        if w in _PREPOSITIONS and not (i < j and toks[i - 1][2] in _AFFILIATION):
            # (not the «من» of «مصادر مقربة من الحكومة»)
            return clean_speaker(text, toks[0][0], toks[i - 1][1]), e
        if bi and _bi_word(toks, i, name_len):
            return clean_speaker(text, toks[0][0], toks[i - 1][1], name_len), _after_bi(s, w)
    return None


def _object_after_name(text, toks, j: int, lead: int, name_len):
    """«أدانت مصر البيان الصادر عن ...», «اتهمت روسيا بريطانيا بمنع ...», «ونفت قطر ذلك»: after a
    speaker that is a known name and nothing more, a definite noun that is no adjective of it,
    another name or a demonstrative opens the object (no comma needed)."""
    if name_len is None or lead or j >= len(toks) or _COMMA_AT.search(text, toks[j - 1][0], toks[j][0]) \
            or name_len([w for _, _, w in toks[:j]]) != j:
        return None
    w = toks[j][2]
    if w in _DEMONSTRATIVES or name_len([x for _, _, x in toks[j:j + 6]]) \
            or (w.startswith("ال") and not w.endswith(NISBA_ENDINGS + ("ى",)) and w not in RELATIVES
                and w not in TIME_WORDS and w not in TITLE_WORDS and w[2:] not in TITLE_WORDS) \
            or _noun_after_body(toks, j, name_len):
        return clean_speaker(text, toks[0][0], toks[j - 1][1], name_len), toks[j][0]
    return None


def _noun_after_body(toks, j: int, name_len) -> bool:
    """Whether ``toks[j]``, right after a known body's or country's name (``toks[:j]``, no
    person's), is an undetermined noun in construct with the next word: the verb's object
    («أعلنت وزارة الداخلية الأفغانية مقتل شخص واحد ...، عندما»), which no holder's name can be
    after a body's name. Not an adjective, a time word, a number, a preposition or a given name."""
    w = toks[j][2]
    if j + 1 >= len(toks) or toks[j + 1][0] != toks[j][1] + 1 or len(w) < 3 \
            or _person_ends(toks, j, name_len):
        return False
    if w.startswith(("ال", "ب", "ل", "و", "ف")) or w.endswith(NISBA_ENDINGS + ("ا", "ى")) \
            or w in _PREPOSITIONS or w in TIME_WORDS or w in TITLE_WORDS or w in HONORIFIC_WORDS \
            or _norm_word(w) in speaker_words().numbers or _first_name(w, name_len) \
            or speaker_words().person_nouns.match_at([_norm_word(w)], 0) is not None:
        return False  # (a person noun is an apposition: «طهران حليفة دمشق»)
    return not toks[j + 1][2].startswith(("ب", "ل", "و", "ف")) or toks[j + 1][2].startswith("ال")


def _verbal_noun_after_np(text, toks, j, name_len):
    """«وأعلن الديوان الملكي (في الأردن) تكليف عمر الرزاز بتشكيل حكومة»: a verbal noun in
    construct right after the definite words of a speaker noun phrase (or after them and «في»
    with a place) opens the object, though the noun phrase read a name after it, and before any
    preposition further on. ``j``: the noun phrase's length as read."""
    for k in range(1, min(j + 1, len(toks), 6)):
        if not toks[k - 1][2].startswith("ال"):
            continue
        o = k + 2 if toks[k][2] == "في" and k + 2 < len(toks) else k
        if "،" not in text[toks[k - 1][1]:toks[o][0]] and _verbal_noun_in_construct(toks, o, name_len):
            return clean_speaker(text, toks[0][0], toks[o - 1][1], name_len), toks[o][0]
    return None


def _indefinite_after_definite(text, toks, j, name_len):
    """«واستنكرت الوزارة سلوك بعض المشجعين ...، مساء الأحد، في ...»: an indefinite noun right after
    a definite speaker that is no office title (which a name may follow: «الوزير لافروف») opens the
    object, however many commas come later."""
    head = toks[0][2]
    body = head in BODY_HEADS and len(toks) > 1 and toks[1][2].startswith("ال")  # «وزارة الداخلية ...»
    if not (head.startswith("ال") or body) or head in OFFICE_HEADS or head[2:] in OFFICE_HEADS \
            or j >= len(toks) or j > 4:
        return None
    w = toks[j][2]
    given = _name_index_attr(name_len, "given_name")
    if w.startswith(("ال", "ب", "ل", "و", "ف", "#", "\"", "«")) or w in _PREPOSITIONS or w in TIME_WORDS \
            or w in RELATIVES or w in _CLAUSE_PRONOUNS or w in ADJUNCT_HEADS or _LEADING_COMP.match(w + " ") \
            or w[:1].isdigit() or "،" in text[toks[j - 1][1]:toks[j][0]] \
            or (given is not None and given(w)) \
            or (name_len is not None and name_len([x for _, _, x in toks[j:j + 4]])):
        return None  # a name after the head («المرجع الشيعي العراقي علي السيستاني»), an adjunct, «أن»
    return clean_speaker(text, toks[0][0], toks[j - 1][1], name_len), toks[j][0]


_NON_SPACE = regex.compile(r"\S+")  # the words of a segment as str.split() cuts them, with offsets


def _split_at_commas(text, parts, cend):
    """Comma-separated: the speaker, appositions and adjuncts, then the object."""
    if len(parts) < 2 or _words(parts[0].group()) > 12:
        return None
    speaker = (parts[0].start(), parts[0].end())
    for p in parts[1:]:
        words = p.group().split()
        if not words:
            continue
        if _is_adjunct(words[0], words[1] if len(words) > 1 else None):
            continue
        if _OBJECT_CLAUSE.match("، " + p.group()) or (words[0].startswith("و") and not _waw_noun(words[0])) \
                or words[0] in _CLAUSE_AFTER_COMMA:
            return None  # «هددت الولايات المتحدة الحكومة السورية بشن هجوم ...، لكنها تراجعت», «أعلن
            # الدروز ولاءهم ...، وكان الزعيم ...», «، ما تنفيه إيران»: narration, not the object
        if (len(words) <= 4 or (words[0] in TITLE_WORDS and len(words) <= 9)) and p.end() < cend \
                and not words[0] in _PREPOSITIONS:
            speaker = (speaker[0], p.end())  # apposition «، مايك بومبيو،», «، نائبة رئيس الوزراء ...،»
            continue
        obj = p.start()
        if words[0] in _PREPOSITIONS:
            obj = p.start() + p.group().index(words[0]) + len(words[0])
        elif words[0] in TITLE_WORDS:
            k = next((i for i in range(2, min(len(words), 10)) if words[i] in _DEMONSTRATIVES
                      and words[i - 1].startswith("ال")), None)
            if k is not None:  # «وأكد عبدالله، نجل سلمان العودة تلك الأنباء»: the apposition's closing
                # comma is missing; a demonstrative after its definite noun opens the object
                s = p.start() + [m.start() for m in _NON_SPACE.finditer(p.group())][k]
                return clean_speaker(text, speaker[0], s), s
        return clean_speaker(text, *speaker), obj
    return None


def _waw_noun(word: str) -> bool:
    """«وجود», «وقف», «وصول»: a verbal noun whose root opens with «و» (words.yaml
    ``waw_verbal_noun``), not «و» joining a clause («وهو», «ولم», «وقد»); or a title («وزير»)."""
    return (bool(_WAW_NOUN.match(word)) and word not in _CLAUSE_PRONOUNS and word not in _NEGATIONS
            and word not in _PHRASE_END_WORDS) or word in TITLE_WORDS or word in OFFICE_HEADS or word in BODY_HEADS
    # («، وزير الخارجية،», «ولي العهد السعودي»: a title; «، وكالة رويترز»: a body)


def _adjective_like(word: str) -> bool:
    """A nisba adjective («السوري», «الخارجية») or a fixed modifier («العام»)."""
    return word.endswith(NISBA_ENDINGS + ("يان", "ة", "ى")) or word.startswith("وال") \
        or word in _FIXED_MODIFIERS


def _name_index_attr(name_len, attr: str):
    """An attribute of the name index whose ``name_len`` the rules were given (``person_at``,
    ``given_name``, ``persons``), or None when ``name_len`` is no bound method of one."""
    return getattr(getattr(name_len, "__self__", None), attr, None)


_AFFILIATION = frozenset(words("affiliation_adjectives"))
_HONORIFIC_PRONOUNS = frozenset(words("honorific_pronouns"))


def _construct_chain(toks, name_len) -> int:
    """«قيادة أركان الجيش الفرنسي», «قائد شرطة المدينة», «رئيس وزراء العراق»: an indefinite title
    or body head in construct with one or two indefinite nouns and then a definite noun or a
    known name (with its adjectives) is one speaker noun phrase; 1 when there is no such chain
    (a title always has its complement, so «رئيس ضرورة» does not occur)."""
    head = toks[0][2]
    if head not in TITLE_HEADS and head not in BODY_HEADS:
        return 1
    k = 1
    while k < min(len(toks), 3):
        w = toks[k][2]
        if w.startswith(("ال", "ب", "ل", "وال", "#")) or w in _PREPOSITIONS or w in TIME_WORDS \
                or w in RELATIVES or w.endswith(("ها", "هم", "هما")) or w[:1].isdigit() \
                or (name_len is not None and name_len([w]) > 0):
            break
        k += 1
    if k == 1 and len(toks) > 1 and toks[1][0] == toks[0][1] + 1 and name_len is not None \
            and not toks[1][2].startswith(("ال", "#")) and (n := name_len([x for _, _, x in toks[1:7]])):
        return 1 + n  # «شرطة عمان», «حكومة بغداد»: an indefinite head in construct with a name
    if k == 1 or k >= len(toks):
        return 1
    n = name_len([x for _, _, x in toks[k:k + 6]]) if name_len is not None else 0
    if n:
        return k + n  # «رئيس وزراء العراق»
    if not toks[k][2].startswith("ال") or toks[k][2] in TIME_WORDS:
        return 1
    k += 1  # the definite noun («الجيش»), then its adjectives («الفرنسي»)
    while k < len(toks) and k < 7 and toks[k][2].startswith("ال") and _adjective_like(toks[k][2]):
        k += 1
    given = _name_index_attr(name_len, "given_name")
    if head in TITLE_HEADS and given is not None and k < len(toks) and given(toks[k][2]):
        # «زعيم تنظيم القاعدة أيمن الظواهري», «وزير شؤون الاتحاد الأوروبي عمر جيليك»: the
        # holder's name, a first name and up to two more words (a family name with the article)
        n = k + 1
        while n < len(toks) and n < k + 3 and not toks[n][2].startswith(("ب", "ل", "و")) \
                and toks[n][2] not in _PREPOSITIONS and toks[n][2] not in TIME_WORDS \
                and (not toks[n][2].startswith("ال") or toks[n][2].endswith("ي")):
            n += 1
        k = n
    return k


def _addressed_name(w: str, name_len) -> bool:
    """«لماي», «لبوتين»: ل and a name the registry knows (not a name that opens with ل, «لافروف»,
    nor a country, «لبنان»)."""
    return name_len is not None and w.startswith("ل") and not w.startswith("لل") and len(w) > 3 \
        and not name_len([w]) and name_len([w[1:]]) > 0


_OBJECT_LINKS = frozenset(words("object_links"))  # «ب», «بأن», «أنه»: between an object and its content
_SELF = tuple(words("self_words"))  # «المصدر نفسه», «المصادر ذاتها»: the speaker itself


def _owned_object(toks, i: int, j: int) -> bool:
    """Whether ``toks[i]``, right after a speaker noun phrase of ``j`` tokens or one word on (an
    adjective «أخرى», an adverb «بشدة»), is a noun with a possessive pronoun («مسؤوليتها»,
    «سيطرتها»): the object of the verb, owned by its subject («عدم مشاركتها» too)."""
    w = toks[i][2]
    if len(w) <= 4 or not w.endswith(("ها", "هم", "هما")) or w.startswith(("ب", "ل", "و") + _SELF) \
            or toks[i - 1][2] in _PREPOSITIONS or toks[i - 1][2] in _TITLE_LINKS:
        return False  # «في قمتهم»: a prepositional phrase
    if i == j + 1:
        extra = toks[j][2]
        return extra.startswith("ب") or extra.endswith(NISBA_ENDINGS + ("ى", "ون", "ين"))
    return True


def _affiliation_end(toks, j: int) -> int:
    """After an indefinite head and its adjectives (``j`` tokens): «تابعة لتنظيم القاعدة», «مقربة
    من الحكومة السورية», «موالية لتركيا» tie the speaker to a body and belong to its phrase:
    the adjective, its «لـ» word or «من» and the noun after it, and up to three definite words
    («للحكومة اليمنية»)."""
    k = j if j < len(toks) and toks[j][2] in _AFFILIATION else j - 1 if toks[j - 1][2] in _AFFILIATION else None
    if k is None or k == 0 or k + 1 >= len(toks):
        return j
    link = toks[k + 1][2]
    if link == "من" and k + 2 < len(toks):
        end = k + 3
    elif link.startswith("ل") and len(link) > 2 and link not in _PREPOSITIONS:
        end = k + 2
    else:
        return j
    return _definite_run(toks, end, k + 6)


def _definite_run(toks, end: int, limit: int) -> int:
    """``end`` past the definite words that follow it, stopping at ``limit`` («للحكومة اليمنية»,
    «بنقابة الفنانين»)."""
    while end < len(toks) and end < limit and toks[end][2].lstrip("#").startswith("ال"):
        end += 1
    return end


def _evaluative(toks, j: int, name_len) -> int:
    """How many tokens at ``j`` are an adjective of an unnamed speaker (titles.yaml evaluative:
    «آخر», «بارز», «رفيع المستوى»): part of its phrase («مسؤول آخر», «مصدر أمني رفيع المستوى»)."""
    lexicon = _name_index_attr(name_len, "lexicon")
    if lexicon is None or j >= len(toks) or toks[j][2].startswith("ال"):
        return 0
    m = lexicon.evaluative.match_at([_norm_word(w) for _, _, w in toks[j:j + 3]], 0, clitics=False)
    return m.end if m is not None else 0


def _unnamed_head(word: str, name_len) -> bool:
    """An indefinite head of an unnamed speaker or a group («مسؤول», «مصادر», «ناشط», «زعيم»), not a
    name: «منح ترامب آخر فرصة» is no «ترامب آخر»."""
    lexicon = _name_index_attr(name_len, "lexicon")
    w = [_norm_word(word)]
    return lexicon is not None and not word.startswith("ال") and any(
        t.match_at(w, 0, clitics=False) is not None for t in (lexicon.unnamed_table, lexicon.group_heads,
                                                               lexicon.title_table))


def _workplace_end(toks, j: int, name_len) -> int:
    """After an indefinite head and its adjectives (``j`` tokens), «ب» and a body's noun with its
    definite words is where the speaker works («مسؤول آخر بنقابة الفنانين», «مسؤول بوزارة الحج
    السعودية»), part of the phrase: not the object."""
    lexicon = _name_index_attr(name_len, "lexicon")
    if lexicon is None or j >= len(toks) - 1 or not toks[j][2].startswith("ب") or len(toks[j][2]) < 4:
        return j
    if lexicon.body_words.match_at([_norm_word(toks[j][2][1:])], 0, clitics=False) is None:
        return j
    return _definite_run(toks, j + 1, j + 4)


_NASAB = frozenset(words("nasab"))
_COMPOUND_HEADS = frozenset(words("name_compound_heads"))
_FAMILY = frozenset(words("family_word"))


def _with_nasab(toks, k: int) -> int:
    """``k`` past the father's names and the family that go on a name ending at ``k`` («محمد بن
    نايف» + «بن عبدالعزيز», «بن عبد العزيز», «تميم بن حمد» + «آل ثاني»)."""
    while k + 1 < len(toks):
        w, nxt = toks[k][2], toks[k + 1][2]
        if w in _NASAB and nxt in _COMPOUND_HEADS and k + 2 < len(toks):
            k += 3  # «بن عبد العزيز»
        elif (w in _NASAB and not nxt.startswith("ال")) or w in _FAMILY:
            k += 2
        else:
            break
    return k


def _np_length(toks, name_len=None) -> int:
    """Tokens of a speaker noun phrase at the start of ``toks``: head, definite modifiers
    («وزير الخارجية الروسي»), coordinated definites, and a known name or a name after a title.
    A name particle never ends it: «يصف أبو معاذ شعوره» is «أبو معاذ», not «أبو»."""
    j = _np_tokens(toks, name_len)
    while 0 < j < len(toks) and toks[j - 1][2] in _NAME_PARTICLES:
        j += 1
    return j


def _family_np(toks, name_len=None) -> int:
    """«ونفت عائلة شريف وأنصاره مرارا اتهامات»: a family noun and the name it is known by (a
    name the registry knows, else one word); 0 when no family noun opens ``toks``."""
    if len(toks) > 2 and toks[0][2] in _FAMILY_HEADS and not toks[1][2].startswith("ال") \
            and toks[1][2] not in _PREPOSITIONS:
        k = name_len([w for _, _, w in toks[1:8]]) if name_len is not None else 0
        return 1 + (k or 1)
    return 0


def _named_np(toks, name_len) -> int:
    """A name the registry knows at the start of ``toks``, with its nasab, a body's adjectives, an
    unnamed official's evaluative adjective («مسؤول سعودي رفيع المستوى») and joint names; 0 when
    none."""
    k = name_len([w for _, _, w in toks[:8]]) if name_len is not None else 0
    if not k:
        return 0
    k = _body_adjectives(toks, _with_nasab(toks, k), name_len)
    if _unnamed_head(toks[0][2], name_len):
        k += _evaluative(toks, k, name_len)  # «مسؤول أمريكي آخر»
    return _joint_names(toks, k, name_len)


def _np_tokens(toks, name_len=None) -> int:
    family = _family_np(toks, name_len)
    if family:
        return family
    if name_len is not None and len(toks) > 1 and toks[0][2] in GENERIC_BODY_HEADS:
        k = name_len([w for _, _, w in toks[1:9]])
        if k and name_len([w for _, _, w in toks[:8]]) <= k:
            return 1 + k  # «فصيل كتائب حزب الله العراقي», «حركة حماس»: a generic head before the
            # body's name (unless head and name are one longer name: «منظمة الأمم المتحدة للطفولة»)
        if len(toks) > 2 and not toks[0][2].startswith("ال") and _owned_object(toks, 2, 2):
            return 2  # «ونفت حركة طالبان مسؤوليتها»: the body's name the registry does not know
    k = _named_np(toks, name_len)
    if k:
        return k
    h = 0
    while h < len(toks) - 1 and toks[h][2] in HONORIFIC_WORDS:
        h += 1  # «ونوه معالي رئيس هيئة ...»: the honorific opens the noun phrase
    if h and _names_or_titles(toks, h, name_len):
        return h + _np_tokens(toks[h:], name_len)
    if len(toks) > 2 and _first_name(toks[0][2], name_len) and not _opens_title(toks, name_len) \
            and not (name_len and name_len([toks[1][2]])):
        e = _unknown_name_end(toks, 1, name_len, surname=True)
        if e > 1:  # «وحذر مارك لوكوك منسق الأمم المتحدة من», a first name the registry does not know
            return _with_nasab(toks, e)
    if len(toks) > 2 and toks[0][2].startswith("ال") and toks[0][2].endswith("ي") \
            and _country_adjective(toks[0][2], name_len):  # (singular: not «الأميركيون نذير خطر»)
        e = _unknown_name_end(toks, 1, name_len)
        if e >= 3:
            return e  # «يرى الكرواتي ديان لوفرين أن»: a nationality, then the person's name
    j = _head_and_modifiers(toks, name_len)
    named = _named_holder_end(toks, j, name_len)
    if named is not None:
        return _holder_name_end(toks, _with_nasab(toks, named), name_len)
    if 1 < j < len(toks) and toks[0][2] in TITLE_WORDS and toks[j - 1][2].startswith("ال") and (
            toks[j - 1][2].endswith(NISBA_ENDINGS) or _first_name(toks[j][2], name_len)):
        e = _unknown_name_end(toks, j, name_len, objects=True)  # «ودعا الزعيم الدرزي وليد جنبلاط إلى»,
        # «وأعلن محافظ البيضاء ناصر السوادي تحرير ...»: a title's definite complement, then its
        # holder (after a word that is no nisba, from a given name: not «الجديد سحب مشروع»)
        if e > j:
            return _with_nasab(toks, e)
    after_honorific = _name_after_honorific(toks, j)
    if after_honorific is not None:
        return after_honorific
    if toks[j - 1][2] in TITLE_WORDS or toks[0][2] in TITLE_WORDS and j == 1:
        # a title is followed by a name: up to two undetermined words
        k = j
        while k < len(toks) and k < j + 3 and not toks[k][2].startswith(("ال", "ب", "ل")) \
                and toks[k][2] not in _PREPOSITIONS and toks[k][2] not in TIME_WORDS:
            k += 1
        if k < len(toks) and (toks[k][2] in _PREPOSITIONS or toks[k][2] in TIME_WORDS
                              or toks[k][2].startswith("ب")):
            j = k
        elif k == j + 1 and k + 1 < len(toks) and _family_name_word(toks[k][2], name_len):
            j = k + 1  # «وانتقد الأمير تركي الفيصل تصريحات ...»: a first name and a family name
            # (the article on a given name, «الفيصل», or a nisba, «العتيبي»), then the object
    return j


def _name_after_honorific(toks, j: int) -> int | None:
    """«رئيس هيئة حقوق الإنسان الدكتور بندر العيبان بما»: where the holder's name after an honorific
    at ``toks[j]`` ends (before a preposition, a time word or a «ب/ل» word), or None."""
    if not (j < len(toks) - 1 and toks[j][2] in HONORIFIC_WORDS and toks[0][2] not in HONORIFIC_WORDS):
        return None
    k = j
    while k < len(toks) and toks[k][2] in HONORIFIC_WORDS:
        k += 1
    start = k
    while k < len(toks) and k < start + 4 and toks[k][2] not in _PREPOSITIONS and toks[k][2] not in TIME_WORDS \
            and not (toks[k][2].startswith(("ب", "ل")) and k > start):
        k += 1
    if k > start and (k == len(toks) or toks[k][2] in _PREPOSITIONS or toks[k][2] in TIME_WORDS
                      or toks[k][2].startswith(("ب", "ل"))):
        return k
    return None


def _country_adjective(word: str, name_len) -> bool:
    """Whether ``word`` is a country's adjective («الكرواتي», «المصري») by the registry's lexicon."""
    lexicon = _name_index_attr(name_len, "lexicon")
    return lexicon is not None and lexicon.country_word([normalize_ar(word)], 0) is not None


def _holder_name_end(toks, k: int, name_len) -> int:
    """Where the noun phrase ends when a title's description closes at ``k`` with a known body
    or place: past its holder's name the registry does not know («هدد المتحدث باسم الرئاسة
    التركية إبراهيم قالن بأن», «دان نائب السفير البريطاني لدى الأمم المتحدة جوناثان آلانان
    استهداف ...»), by :func:`_unknown_name_end`. Not after a known person's name, and ``k``
    itself when no name follows («أدانت الأمم المتحدة الهجوم»)."""
    if toks[0][2] not in TITLE_WORDS or _person_ends(toks, k, name_len, reach=6):
        return k  # (a body's phrase has no holder: «أصدرت محكمة الجنايات في نواكشوط أحكاما»)
    return _unknown_name_end(toks, k, name_len, objects=True)


def _person_ends(toks, k: int, name_len, reach: int | None = None) -> bool:
    """Whether ``toks[:k]`` end with the full name of a person the registry knows (within the
    last ``reach`` words)."""
    persons = _name_index_attr(name_len, "persons") or frozenset()
    start = 0 if reach is None else max(0, k - reach)
    return any(tuple(_norm_word(w) for _, _, w in toks[i:k]) in persons for i in range(start, k - 1))


def _unknown_name_end(toks, k: int, name_len, surname: bool = False, objects: bool = False) -> int:
    """Where a name the registry does not know, starting at ``k``, ends: one to three name
    words (:meth:`NameIndex.name_word`, one space apart) followed by a preposition, a «ب» word,
    «أن» or nothing; or a given name and one word more. ``surname``: ``toks[k]`` follows a
    first name, so a clitic's letter may open it («مارك لوكوك»). ``objects``: a title's holder,
    whose name the verb's object may follow directly (:func:`_object_after_name_words`).
    ``k`` when there is none."""
    if _name_index_attr(name_len, "name_word") is None or (objects and _verbal_noun_in_construct(toks, k, name_len)):
        return k
    if k + 1 < len(toks) and toks[k][2].endswith("ا") and toks[k + 1][2].endswith("يا") and len(toks[k + 1][2]) >= 4:
        return k  # «وقدم السفير الأميركي دعما ماليا»: an accusative noun and its accusative nisba, no name
    e = k
    while e < len(toks) and e < k + 3 and _name_word_at(toks, k, e, name_len, surname):
        e += 1
    if e == k + 1 < len(toks) and _first_name(toks[k][2], name_len) and toks[e][0] == toks[k][1] + 1 \
            and _family_name_word(toks[e][2], name_len):
        e += 1  # «وتوقع وزير المالية المصري عمرو الجارحي تراجع ...»: a given name, its family name
    at_object = _object_after_name_words(toks, k, e, name_len) if objects else None
    for end in range(e, k, -1):
        if end == len(toks) or toks[end][0] > toks[end - 1][1] + 1:
            return end if at_object is None else min(end, at_object)  # the end, or punctuation
            # after the name («... صائب عريقات، قرار»)
        w = toks[end][2]
        if w in _PREPOSITIONS or w in TIME_WORDS or w in _OBJECT_LINKS or (w.startswith("ب") and len(w) > 3) \
                or (w in _EVENT_PREPOSITIONS and end - k >= 2):  # («كوليندا غرابار كيتاروفيتش في 2015»)
            return end if at_object is None else min(end, at_object)  # (the object may open
            # before: «فلورانس بارلي تضامن بلادها»)
    if at_object is not None:
        return at_object
    if e - k >= 2 and _first_name(toks[k][2], name_len):
        return k + 2
    if surname and e > k:
        return k + 1  # «وحذر مارك لوكوك منسق الأمم المتحدة ... من»: a first name and its surname
    return k


def _verbal_noun_in_construct(toks, k: int, name_len) -> bool:
    """«وتوقع الوزير المصري تراجع معدلات التضخم»: a verbal noun's shape (words.yaml
    ``verbal_noun``), no given name, in construct with the next word or the one after: the
    verb's object, where a title holder's name would stand."""
    if k + 1 >= len(toks) or toks[k + 1][0] != toks[k][1] + 1 or _first_name(toks[k][2], name_len) \
            or not _VERBAL_NOUN.match(_norm_word(toks[k][2])):
        return False
    return toks[k + 1][2].startswith("ال") or (
        k + 2 < len(toks) and toks[k + 2][0] == toks[k + 1][1] + 1 and toks[k + 2][2].startswith("ال"))


def _object_after_name_words(toks, k: int, e: int, name_len) -> int | None:
    """Where a title holder's name of two or three name words (``toks[k:e]`` are name words)
    ends when the verb's object follows it with no preposition: at the first word from the
    second name word on that opens a noun phrase — a definite word that is no family name
    («أكبر صالحي الرئيس الأمريكي»), or a noun in construct with a definite word, a possessed one
    or a known name («ليندسي غراهام قرار الانسحاب», «فلورانس بارلي تضامن بلادها», «جيف فليك
    تصريحات ترامب»); not a title (an apposition: «... رئيس لجنة») and not inside a compound
    given name («نور الدين حطيط الهجوم»). After a given name the registry knows, two name words
    at most, as :func:`_unknown_name_end` reads it («جوناثان آلانان استهداف ميليشيات الحوثي»).
    None when no such word comes within the name's reach."""
    name_word = _name_index_attr(name_len, "name_word")
    tails = speaker_words().name_compound_tails
    if e == k:
        return None  # no name word opens it («بشدة»)
    most = 2 if _first_name(toks[k][2], name_len) else 3
    p, words = k + 1, 1  # toks[p]: where the object may start; words: the name's words before it
    while p < len(toks) and words <= most:
        if toks[p][0] > toks[p - 1][1] + 1:
            return None  # punctuation: an apposition or an aside, read elsewhere
        w, nxt = toks[p][2], toks[p + 1][2] if p + 1 < len(toks) else ""
        if _norm_word(w) in tails:
            p += 1  # «نور الدين»: one name word of two
            continue
        if words >= 2:
            if w.startswith("ال"):
                return None if _family_name_word(w, name_len) else p
            if w not in TITLE_WORDS and w not in _NAME_PARTICLES and w not in _PREPOSITIONS \
                    and nxt and toks[p + 1][0] == toks[p][1] + 1 and not _opens_title(toks[p:p + 4], name_len) \
                    and ((nxt.startswith("ال") and _norm_word(nxt) not in tails and not _family_name_word(nxt, name_len))
                         or (len(nxt) > 4 and nxt.endswith(("ها", "هم", "هما", "ه")))
                         or (name_len is not None and name_len([nxt]))):
                return p
        if not (p < e or (p > e and name_word is not None and name_word(w))):
            return None  # the name ends with no object after it
        p, words = p + 1, words + 1
    return None


def _name_word_at(toks, k: int, e: int, name_len, surname: bool) -> bool:
    """Whether ``toks[e]`` goes on the name that starts at ``k``: one space after the word before
    it (a name between commas is an apposition, read by _split_at_commas), letters only, a name
    word of the index (:meth:`NameIndex.name_word`), no adverb or possessed noun, no name of its
    own after a complete name (:func:`_another_name`); a clitic's letter opens no first name
    («بشدة») unless a given name («وليد»), but may open a surname («بوليانسكي»), never with «ال»
    after it or an addressee («لرويترز»)."""
    w = toks[e][2]
    if toks[e][0] != toks[e - 1][1] + 1 or not _LETTERS.fullmatch(w) or w in OBJECT_ADVERBS \
            or w.endswith(("ها", "هم", "هما")):
        return False
    if w.startswith(("و", "ب", "ل")) and ((e == k and not surname and not _first_name(w, name_len))
                                          or w[1:3] == "ال" or normalize_ar(w[1:]) in speaker_words().addressees):
        return False
    return _name_index_attr(name_len, "name_word")(w) and not _another_name(toks, k, e, name_len)


def _another_name(toks, k: int, e: int, name_len) -> bool:
    """Whether ``toks[e]`` is a name of its own the registry knows, not the end of the name that
    starts at ``k`` («هنأ الرئيس الصربي ألكسندر فوسيتش أردوغان»: «أردوغان» is the object)."""
    if e - k < 2 or not name_len([toks[e][2]]):
        return False  # (a surname right after a first name is that person's: «كيلي كيري»)
    return name_len([w for _, _, w in toks[k:e + 1]]) != e + 1 - k


_LETTERS = regex.compile(r"[\p{L}\p{M}]+")


def _family_name_word(w: str, name_len) -> bool:
    """A definite word shaped like a Gulf family name: «ال» on a given name («الفيصل») or a
    nisba that names no country («العتيبي»); not a body, title or country word."""
    if not w.startswith("ال") or len(w) < 5 or w in TITLE_WORDS:
        return False
    given = _name_index_attr(name_len, "given_name")
    stem = _norm_word(w)[2:]
    if given and given(stem):
        return True
    lexicon = _name_index_attr(name_len, "lexicon")
    return w.endswith("ي") and lexicon is not None and lexicon.country_at([_norm_word(w)], 0) is None \
        and not (name_len and name_len([w]))


def _names_or_titles(toks, h: int, name_len) -> bool:
    """Whether ``toks[h]``, after honorifics, opens a title or a name («معالي رئيس هيئة ...»,
    «الدكتور بيتر»); not a noun of its own («دعا العقيد الركن أبناء الساحل»: the rank alone
    refers back to the officer, the noun after it is the object)."""
    w = toks[h][2]
    given = _name_index_attr(name_len, "given_name")
    return w in TITLE_WORDS or bool(name_len and name_len([x for _, _, x in toks[h:h + 6]])) \
        or bool(given and given(_norm_word(w)))


def _body_adjectives(toks, k: int, name_len) -> int:
    """After a body's name of ``k`` tokens, the nisba adjectives that describe it («وحدات حماية
    الشعب الكردي»); not after a person's name («ووصف ترامب الاتفاقية»), not a relative pronoun
    («المغرب، الذي») nor another name («اتهمت إيران السعودية»)."""
    persons = _name_index_attr(name_len, "persons") or frozenset()
    if k < 2 or tuple(_norm_word(w) for _, _, w in toks[:k]) in persons:
        return k
    while k < len(toks) - 1 and toks[k][2].startswith("ال") and toks[k][2].endswith(NISBA_ENDINGS) \
            and toks[k][2] not in RELATIVES and not name_len([toks[k][2]]) \
            and not toks[k + 1][2].startswith(("ب", "ل")):  # «المعني باليمن»: it takes a complement
        k += 1
    return k


def _joint_names(toks, k: int, name_len) -> int:
    """A known name of ``k`` tokens and the speakers joined to it by و («موسكو ودمشق»,
    «الولايات المتحدة والحكومات الغربية الأخرى», «الولايات المتحدة وحلفاؤها الغربيون»): joint
    speakers, attributed to the first."""
    while k < len(toks) - 1 and toks[k][2].startswith("و"):
        # «موسكو ودمشق», «السعودية والإمارات ومصر»: another known name joined by و
        n = name_len([toks[k][2][1:]] + [w for _, _, w in toks[k + 1:k + 6]])
        if n and k + n < len(toks):
            k += n
            while k < len(toks) - 1 and toks[k][2].startswith("ال") \
                    and toks[k][2].endswith(NISBA_ENDINGS + ("ى",)):
                k += 1  # «والحكومات الغربية الأخرى»: its nisba adjectives
            continue
        w = toks[k][2]
        if not w.startswith("وال"):
            # «الولايات المتحدة وحلفاؤها الغربيون»: a possessed noun pointing back to the
            # first, with its definite nisba adjective, is a co-speaker too
            if len(w) > 4 and w.endswith(("ها", "هم", "ه")) and k + 2 < len(toks) \
                    and toks[k + 1][2].startswith("ال") \
                    and toks[k + 1][2].endswith(NISBA_ENDINGS):
                k += 2
                continue
            break
        k += 1
        while k < len(toks) - 1 and toks[k][2].startswith("ال") and _adjective_like(toks[k][2]):
            k += 1
    return k


def _head_and_modifiers(toks, name_len) -> int:
    """The head of an unnamed speaker phrase and what modifies it: nisba adjectives after an
    indefinite head («مصدر عسكري سوري»), an affiliation («مصادر مقربة من الحكومة»), a construct
    chain («قيادة أركان الجيش»), then definite modifiers («وزير الخارجية الروسي»)."""
    j = 1
    definite_head = toks[0][2].startswith("ال")
    if not definite_head:  # «مسؤولون لبنانيون», «مصدر عسكري سوري»
        while j < len(toks) and j < 4 and ((evaluative := _evaluative(toks, j, name_len)) or (
                toks[j][2].endswith(NISBA_ENDINGS) or _dual_nisba(toks[j][2], name_len) or (
                    toks[j][2] == "غير" and j + 1 < len(toks) and toks[j + 1][2].endswith(NISBA_ENDINGS)
                    and not toks[j + 1][2].startswith("ال")))
                and not toks[j][2].startswith(("ال", "ب", "ل")) and toks[j][2] not in _PREPOSITIONS
                and toks[j][2] not in _TITLE_LINKS):  # «في» ends like a nisba but links a place;
            # an evaluative adjective may open with «ب» («مسؤول بارز»)
            j += 2 if toks[j][2] == "غير" else evaluative or 1  # «منظمات غير حكومية»
        j = _workplace_end(toks, _affiliation_end(toks, j), name_len)
        chain = _construct_chain(toks, name_len)
        if j == 1 or (j == 2 and chain > j and toks[0][2] in TITLE_HEADS and toks[1][2].endswith("ية")
                      and name_len is not None and name_len([w for _, _, w in toks[2:8]]) > 0):
            j = chain  # «وزير خارجية الفلبين»: «خارجية» in construct with a country, not a nisba
    chained = j > 1 and not definite_head  # the construct's complement is read: only adjectives follow
    while j < len(toks) and j < 6 and toks[j][2].startswith(("ال", "وال")):
        if (definite_head or chained) and not _adjective_like(toks[j][2]) and not _title_modifier(toks[j][2], name_len):
            break  # «المصدر النظام السوري مسؤولية»: a definite noun after a definite head is the object
        if chained and _no_agreement(toks[0][2], toks[j - 1][2], toks[j][2]):
            break  # «ووصف أحد الناشطين الحملة بأنها»: the object, no adjective of the plural
        if definite_head and toks[j][2].startswith("ال") and normalize_ar(toks[j][2]) in _ADDRESSEE_NOUNS:
            break  # «وأبلغ الوزير الصحفيين أن»: whom it was told, no modifier of a definite speaker
            # (after an indefinite head it is its genitive: «مجلس النواب», «نقابة الصحافيين»)
        j += 1
        chained = chained or j == 2  # «وزير الخارجية»: an indefinite head's definite complement;
        # only adjectives follow it («ودان وزير الخارجية الأمريكي الهجوم على المدنيين»)
    head = toks[0][2][2:] if definite_head else toks[0][2]
    if j < len(toks) and toks[j][2].startswith(_SELF) and head not in OFFICE_HEADS:
        j += 1  # «المصادر نفسها», «المصدر ذاته» (after a title a name may follow: «رئيس الوزراء نفسه جاستن ترودو»)
    return j


def _no_agreement(head: str, prev: str, word: str) -> bool:
    """Whether a definite feminine singular ``word`` («الحملة») cannot modify the masculine sound
    plural ``prev`` before it («الناشطين», «المسؤولين»: people, whose adjectives are plural too)
    nor a head that is not feminine («أحد»): it opens the object."""
    return prev.startswith("ال") and prev.endswith(("ين", "ون")) and len(prev) >= 7 \
        and word.endswith("ة") and not head.endswith(("ة", "ات"))


def _dual_nisba(word: str, name_len) -> bool:
    """A country's adjective in the dual («مسؤولان أمريكيان», «مسؤولتان سوريتان»), read in the
    registry's lexicon (a word in «يان» may be a noun: «البيان»)."""
    lexicon = _name_index_attr(name_len, "lexicon")
    return word.endswith(_DUAL_NISBA) and len(word) >= 6 and lexicon is not None \
        and lexicon.country_at([_norm_word(word)], 0) is not None


def _first_name(word: str, name_len) -> bool:
    """A given name of the registry's ``titles.yaml`` («مارك»), when the rules have the index."""
    given = _name_index_attr(name_len, "given_name")
    return given is not None and given(word)


def _opens_title(toks, name_len) -> bool:
    """Whether ``toks`` open with a title of the registry's ``titles.yaml`` («أمين سر اللجنة»:
    «أمين» is a given name too)."""
    if toks[0][2] in TITLE_WORDS:
        return True
    lexicon = _name_index_attr(name_len, "lexicon")
    m = lexicon.title_table.match_at([_norm_word(w) for _, _, w in toks[:4]], 0, clitics=False) if lexicon else None
    return m is not None and m.end - m.start > 1  # (a one-word title is a name here: «سلطان بن سحيم»)


def _title_modifier(word: str, name_len) -> bool:
    """A modifier of a title in the registry's ``titles.yaml`` («الجديد», «الأسبق», «المقال»)."""
    lexicon = _name_index_attr(name_len, "lexicon")
    return lexicon is not None and lexicon.modifiers.match_at([_norm_word(word)], 0) is not None


def _named_holder_end(toks, j: int, name_len) -> int | None:
    """Where a known name that belongs to the title of ``j`` tokens ends, a few words on
    («رئيس كتلة الوطنية إياد علاوي», «السفيرة الأميركية في الأمم المتحدة نيكي هيلي»), or None."""
    person_at = _name_index_attr(name_len, "person_at")
    if person_at is not None:
        # a known person's full name a few words on belongs to the title before it
        words = [w for _, _, w in toks[:12]]
        hit = person_at(words, within=6)
        if hit is not None and hit[0] >= j - 1:
            between = words[j:hit[0]]
            if not any(w in _PREPOSITIONS or w in TIME_WORDS or w.startswith("ب") for w in between):
                return hit[0] + hit[1]
    if name_len is not None:
        for k in range(j, min(j + 5, len(toks))):  # the title's name a few words on
            w = toks[k][2]
            n = name_len([x for _, _, x in toks[k:k + 6]])
            if not n and w.startswith("ل") and not w.startswith("لل") and len(w) > 3:
                n = name_len([w[1:]] + [x for _, _, x in toks[k + 1:k + 6]])  # «لمنظمة التحرير الفلسطينية»
                n = n if n >= 2 else 0  # (not a country after ل: «الاتهامات الموجهة لتركيا»)
            if n and k > j:
                return k + n
            if not (w in _TITLE_LINKS or w.startswith(("ال", "لل", "ل"))):
                break
    return None


def find_candidates(text: str, pstart: int, pend: int, name_len=None) -> list[Candidate]:
    """All quote candidates in the paragraph ``text[pstart:pend]``, in text order."""
    return candidates_in(Paragraph(text, pstart, pend), name_len)


class Site:
    """One reporting verb or participle and what the rules read around it: the sentence that
    holds it, where its slot starts (after «بالقول»), and the complementizer, colon and
    quotation that follow it."""

    __slots__ = ("doc", "m", "verb", "is_part", "is_masdar", "vstart", "vend", "vend2", "sent_start",
                 "sent_end", "left_start", "para_left", "window", "gender", "stem", "bi", "takes_obj",
                 "comp", "colon", "mark", "choices", "found")

    def __init__(self, doc, m, verb, is_part, is_masdar, vstart, vend, vend2, sent_start, sent_end, left_start,
                 para_left, gender, stem, bi, found):  # one per reporting verb: plain assignments
        self.doc, self.m, self.verb, self.is_part, self.is_masdar = doc, m, verb, is_part, is_masdar
        self.vstart, self.vend, self.vend2, self.sent_start, self.sent_end = vstart, vend, vend2, sent_start, sent_end
        self.left_start, self.para_left, self.gender, self.stem, self.bi = left_start, para_left, gender, stem, bi
        self.found = found

    @property
    def pre(self) -> str:
        return self.m.group("pre")

    @property
    def transitive(self) -> bool:
        """An addressee object may follow the verb (not when a pronoun on it is that object:
        «اتهمه الوزير بـ», where the noun phrase after it is the subject)."""
        return self.stem in self.doc.lex.transitive_stems and self.verb not in self.doc.lex.pronoun_forms

    @property
    def needs_object(self) -> bool:
        """The verb never goes without its object, and no pronoun on it is that object."""
        return self.stem in self.doc.lex.needs_object_stems and self.verb not in self.doc.lex.pronoun_forms

    def left_subject(self):
        return _left_subject(self.doc.text, self.left_start, self.vstart, self.doc.lex)


_VERBAL_NOUN_GOVERNORS = frozenset(words("verbal_noun_governors"))
_ORDINALS_BEFORE_NOUN = frozenset(words("ordinals_before_noun"))
_PARTICIPLES_BEFORE_ILA = frozenset(words("participles_before_ila"))
_PRONOUN_CONNECTIVES = frozenset(words("pronoun_connectives"))
_PRONOUN_CONNECTIVES_AFTER = frozenset(words("pronoun_connectives_after"))
_EXCEPTION_WORDS = frozenset(words("exception_words"))
_APPOSITION_PRONOUNS = frozenset(words("apposition_pronouns"))
_QUANTITY_PREFIXES = frozenset(tuple(p.split()) for p in words("quantity_prefixes"))
_QUANTIFIERS = frozenset(words("quantifiers"))  # «عدة», «عشرات» before an indefinite plural
_NAME_PARTICLES = frozenset(words("name_particles"))
_FAMILY_HEADS = frozenset(words("family_heads"))
_WITHHELD = frozenset(words("withheld_names"))
_VERBAL_NOUN = words("verbal_noun")
_WAW_NOUN = words("waw_verbal_noun")
_PASSIVE_AFTER_RELATIVE = frozenset(words("passive_after_relative"))
_NEGATIONS = frozenset(words("negations"))
_PHRASE_END_WORDS = frozenset(speaker_words().phrase_ends)
_OBJECT_CLAUSE = words("object_clause_after_comma")
_CLAUSE_AFTER_COMMA = frozenset(words("clause_after_comma"))


_SKIP = "skip"  # a rule's answer: this verb reports nothing here, no later rule is tried


def _site(doc: Paragraph, m, sent_ends: list[int], found: list[Candidate], name_len=None) -> Site | None:
    """The :class:`Site` of the verb ``m``, or None when it cannot report speech here (a
    negated verb, a verbal noun with no أن near)."""
    text, pstart, pend, lex = doc.text, doc.start, doc.end, doc.lex
    vstart, vend, verb, is_part = m.start(), m.end(), m.group("verb"), m.participle
    is_masdar = verb in lex.speech_masdars and not is_part
    if is_masdar and not COMP_RE.search(text, vend, min(pend, vend + 160)):
        return None  # a verbal noun («إعلان») with no أن near: a plain noun, checked cheaply
    prev_words = text[max(pstart, vstart - 12):vstart].split()
    if prev_words and (prev_words[-1] in NEGATIONS or prev_words[-1] in _VERBAL_NOUN_GOVERNORS):
        return None  # «لم يعلن»; «ولم يتم كشف ...»: the verb's form is its verbal noun here
    if prev_words and prev_words[-1] in _NAME_PARTICLES:
        return None  # «أبو طالب»: a name, not the verb «طالب»
    if prev_words and not is_part and not is_masdar and (
            prev_words[-1] in _NOT_BEFORE_SUBJECT_VERB or prev_words[-1] in _ORDINALS_BEFORE_NOUN):
        after = _tokens(text, vend, pend, 6)
        if not after or not _opens_speaker(after, name_len):
            return None  # «في أول رد فعل له», «في رد على سؤال», «إلى كشف الثروة»: no finite verb
            # follows a preposition or «أول»; the verb's form is a noun, and it reports only with its
            # agent after it («بعد أيام من كشف رئيس الوزراء الإسرائيلي ... عن ... أن»)
    if is_part and prev_words and adjective_participle(prev_words[-1], verb):
        return None  # «تدابير أمنية مشددة»: an adjective here (it still ends a quote before it:
        # «... بمعايير مزدوجة منوهة إلى» may be a woman's participle)
    if is_part and verb in _PARTICIPLES_BEFORE_ILA and text[vend:vend + 8].split()[:1] not in (["إلى"], ["الى"]):
        return None  # «رفعت لافتة على البساط الأحمر»: a banner, not «، لافتة إلى أن»
    if is_part and _noun_participle(lex, text, vstart, vend):
        return None  # «وقالت متحدثة باسم البنتاغون», «وأعلنت متحدثة أخرى»: a noun, the speaker
    if prev_words and prev_words[-1] == "أو" and any(
            w in NEGATIONS for w in text[max(pstart, vstart - 80):vstart].split()[-9:-1]):
        return None  # «ولم يعط رئيس اللجنة مزيدا من التفاصيل أو يعلن ...»: negated too
    # start of the sentence holding the verb (the paragraph's sentence ends found once)
    k = bisect.bisect_right(sent_ends, vstart)
    sent_start = sent_ends[k - 1] if k else pstart
    if vstart - 1 >= pstart and text[vstart - 1] in ".؟!?" and doc.inside(vstart - 1) is None:
        sent_start = vstart  # «.وقال»: a full stop right before the verb
    a = ANNOUNCE_RE.match(text, vend, min(pend, vend + _AHEAD))
    vend2 = a.end() if a else vend
    sent_end = doc.sentence_end(vend2, pend)
    stem = lex.verb_forms.get(verb, ("",))[0] if not is_part else ""
    site = Site(doc=doc, m=m, verb=verb, is_part=is_part, is_masdar=is_masdar, vstart=vstart, vend=vend,
                vend2=vend2, sent_start=sent_start, sent_end=sent_end, found=found,
                left_start=max(sent_start, vstart - LEFT_WINDOW),  # how far left a subject is looked for
                para_left=max(pstart, vstart - LEFT_WINDOW), gender=lex.verb_gender.get(verb, "m"), stem=stem,
                bi=stem in lex.bi_stems or verb in lex.bi_participles)
    # a complementizer, colon or quotation further than _MAX_GAP_TOKENS words could not be
    # taken, so no further one is looked for
    site.window = min(sent_end, doc.word_window_end(vend2, _MAX_GAP_TOKENS + 1)) \
        if doc.has_span_between(vend2, sent_end) else sent_end
    _complements(site)
    return site


def _complements(site: Site) -> None:
    """The first complementizer, colon and opening mark after the verb, and the choices among
    them in text order."""
    doc, vend2 = site.doc, site.vend2
    text = doc.text
    comp = doc.first_comp(vend2, site.sent_end)
    if comp is not None:
        before = text[max(vend2, comp.start() - 40):comp.start()].split()
        if before and before[-1].strip("،,") in NON_COMP_GOVERNORS:
            comp = None  # «بعد أن», «قبل أن»: a conjunction; the verb has no complement here
    colon = doc.first_colon(vend2, site.sent_end)
    mark = next(((o, c, cl) for o, c, cl in doc.spans_from(vend2, site.window)
                 if (count_words(text, o + 1, c, 3) >= 3 or (comp is not None and o > comp.start()))
                 and not _names_something(text, vend2, o)), None)
    choices = []
    if comp is not None:
        choices.append((comp.start(), "comp"))
    if colon is not None:
        choices.append((colon, "colon"))
    if mark is not None:
        o, c, cl = mark
        # a quoted name inside the speaker slot («لـ"العربية.نت"», «باسم "غرفة العمليات"» ... إن)
        nxt = comp.start() if comp is not None else colon
        between = text[c + 1:nxt] if (cl and nxt is not None and c < nxt) else None
        in_slot = between is not None and count_words(between, 0, len(between), 9) <= 8 \
            and not doc.lex.has_trigger(between)
        if not in_slot:
            choices.append((o, "mark"))
    site.comp, site.colon, site.mark, site.choices = comp, colon, mark, sorted(choices)


def _reports_here(site: Site, name_len=None) -> bool:
    """Whether the verb can report speech at all here; sets ``takes_obj``: with no أن, colon
    or quotation, any reporting verb but the plain «say» verbs can take its content as a
    noun-phrase object («أكد ضرورة ...», «مشيرا إلى تمسك ...»)."""
    doc, verb, stem, vend2 = site.doc, site.verb, site.stem, site.vend2
    text, lex = doc.text, doc.lex
    if site.is_masdar and not (site.choices and site.choices[0][1] == "comp"
                               and 1 <= count_words(text, vend2, site.choices[0][0], 9) <= 8):
        return False  # «إعلان» is a plain noun unless a speaker and أن follow it
    site.takes_obj = stem not in lex.no_object and verb not in lex.plain_participles and not site.is_masdar
    if verb in lex.sentence_initial and not _initial_form_reports(site, name_len):
        return False
    if verb in lex.ambiguous_forms:
        need = lex.prep_required.get(verb)
        ahead = [w for _, _, w in _tokens(text, vend2, site.sent_end, 8)]
        # «عبرت X عن», or a masdar that names the speech act: «جدد الوزير التأكيد على»
        site.takes_obj = (need is not None and need in ahead) or any(w in REPORTING_MASDARS for w in ahead[:6]) \
            or (need is not None and _speaker_before_preposition(site, need, name_len)) \
            or (stem in lex.named_subject_stems and site.pre == "" and name_len is not None and ahead
                and not lex.imperfect(verb) and name_len(ahead[:6]) > 0)
        # «قدر المرصد عدد القتلى بـ»: a name the registry knows right after a past form makes it
        # the verb (not «قدر كبير من», «على قدر»; not «يعتبر بومبيو أعلى مسؤول», is considered)
    if stem in lex.statement_stems and not _FI.match(text, vend2, min(doc.end, vend2 + _AHEAD)):
        return False
    if verb in lex.prep_required and not _prep_ahead(lex.prep_required[verb]).match(text[vend2:vend2 + 120]) \
            and not _speaker_before_preposition(site, lex.prep_required[verb], name_len):
        return False  # «عبر محطة فرانس إنتر»: a preposition, not «عبّر عن»
    return True


def _initial_form_reports(site: Site, name_len) -> bool:
    """A form that reports only at the start of its sentence («وبين» = «وبيّن», not «between»;
    «وثمن» = «وثمّن», not «price») reports with أن/إن when nothing, an honorific pronoun or a
    speaker (a title, an unnamed official, a body or a known name) stands before it («وبين أن»,
    «وبين معاليه أن», «وبين العقيد المالكي أن»), and with an object when such a speaker opens
    the words after it («وثمن سموه الجهود ...»); «وبين الشركات المعنية مجموعات "..."» and «وبين
    هذا وذاك، تبقى ... أن» are «among» and «between»."""
    text = site.doc.text
    first = _tokens(text, site.vend2, site.sent_end, 6)
    speaker_first = bool(first) and (first[0][2] in _HONORIFIC_PRONOUNS or _opens_speaker(first, name_len))
    if site.comp is not None and site.choices and site.choices[0][1] == "comp":
        return not _tokens(text, site.vend2, site.choices[0][0], 1) or speaker_first
    return speaker_first and site.takes_obj


def _speaker_before_preposition(site: Site, prep: str, name_len) -> bool:
    """«عبر الرئيس اليمني، عبدربه منصور هادي، الأحد، عن», «عبر الأمين العام للأمم المتحدة
    أنطونيو غوتيريش عن»: an ambiguous form whose preposition stands further than a few words
    on still reports when the words after it open with a speaker (a title, a body or a known
    name, not «صفحته», «الرابط») and no other verb or preposition comes before its own."""
    toks = _tokens(site.doc.text, site.vend2, site.sent_end, 16)
    if len(toks) < 2 or not _opens_speaker(toks, name_len):
        return False
    for _, _, w in toks[1:]:
        if w == prep:
            return True
        if (w.strip("،,") in _PREPOSITIONS and w.strip("،,") not in _TITLE_LINKS) or site.doc.lex.has_trigger(w):
            return False
    return False


def _opens_speaker(toks, name_len) -> bool:
    """Whether ``toks`` open with a title, an unnamed official, a generic body head or a name
    the registry knows."""
    first = toks[0][2].strip("،,")
    bare = first[2:] if first.startswith("ال") else first
    return first in TITLE_HEADS or bare in TITLE_HEADS or first in GENERIC_BODY_HEADS \
        or bare in GENERIC_BODY_HEADS or (name_len is not None and name_len([w for _, _, w in toks[:6]]) > 0)


def rule_complement(site: Site, name_len) -> Candidate | str | None:
    """VERB [SPEAKER] then أن/إن, a colon or quotation marks, whichever comes first within
    ``_MAX_GAP_TOKENS`` words and with no other verb between: the content after it."""
    if not site.choices:
        return None
    doc, vend2 = site.doc, site.vend2
    text, lex = doc.text, doc.lex
    pos, how = site.choices[0]
    near = pos < site.window and count_words(text, vend2, pos, _MAX_GAP_TOKENS + 1) <= _MAX_GAP_TOKENS
    gap_tokens = _tokens(text, vend2, pos) if near else []
    obj = None
    if not near or any((_real_trigger(lex, text, s) or (site.is_masdar and lex.trigger_at(text, s) is not None))
                       and not _names_something(text, vend2, s) and not _closed_relative_verb(text, s, pos)
                       for s, _, w in gap_tokens):
        return None  # another verb owns the complement (after a verbal noun even an ambiguous
        # one: «وافق على اتهام روسيا وأقر بأنه»)
    if how == "comp":
        content = _content(doc, site.comp.end(), doc.end)
        obj = _object_start(site, name_len)
        content = _with_object(site, content, obj) or content
    elif how == "colon":
        content = _content(doc, pos + 1, doc.end)
    else:
        content = None
        if not site.takes_obj or not any(w in _PREPOSITIONS for _, _, w in gap_tokens):
            content = _content(doc, site.mark[0], doc.end)
            if content and content[2] != "direct" and gap_tokens:
                content = None
    if content is None:
        return None
    speaker, gender = _complement_speaker(site, pos, bool(gap_tokens), name_len)
    if speaker is _SKIP:
        return _SKIP
    cut = obj if how == "comp" and obj is not None else content[0]
    if speaker is not None and speaker[1] > cut:
        speaker = clean_speaker(text, speaker[0], cut, name_len)  # the object is not the speaker's
    head = "masdar" if site.is_masdar else "participle" if site.is_part else "verb"
    return Candidate(content[0], content[1], content[2], speaker, gender, site.vstart, participle=site.is_part,
                     rule=f"{head}_{'quote' if how == 'mark' else how}", subject=_participle_subject(site, speaker, name_len))


def _closed_relative_verb(text: str, s: int, pos: int) -> bool:
    """«وقالت منظمة "جيشا" ... التي تدعو إلى حرية الحركة للفلسطينيين، إن ...»: a verb opening a
    relative clause that a comma closes before the complement describes the speaker; it owns no
    complement."""
    before = text[max(0, s - 12):s].split()
    return bool(before) and before[-1] in RELATIVES and any(c in text[s:pos] for c in "،,")


def _object_start(site: Site, name_len) -> int | None:
    """Where the object of a verb that never goes without it (``needs_object``: وصف، اتهم)
    starts before its «بأن» (after the speaker and any time adjunct), or None: no such verb,
    no object (a pronoun: «ووصفها بأنها»), or a relative clause there."""
    doc, text = site.doc, site.doc.text
    if site.is_part or site.is_masdar or not site.needs_object \
            or not site.comp.group().lstrip().startswith("ب"):
        return None
    split = _object_split(text, site.vend2, site.comp.start(), transitive=True, name_len=name_len, lex=doc.lex)
    if split is None or split[0] is None:
        return None
    obj = split[1]
    toks = _tokens(text, obj, site.comp.start())
    while len(toks) > 1 and toks[0][2].strip("،,") in TIME_WORDS:
        obj = toks[0][1]  # «، الجمعة التحركات الروسية»: a time adjunct before the object
        toks = toks[1:]
    s, e = _trim(text, obj, site.comp.start())
    if e <= s or _empty_object(text, s, e) or any(w in RELATIVES for w in text[s:e].split()):
        return None
    return s


def _with_object(site: Site, content, obj: int | None) -> tuple[int, int, str] | None:
    """«ووصف ترامب الاتفاقية مع إيران بأنها "كارثة"», «واتهم نتنياهو إيران بأنها كانت ...»: a
    verb that never goes without its object reports the object with what is said of it, so an
    indirect quote starts at the object (the codebook: the text starts after the verb and its
    speaker), also when what follows «بأن» is one quoted word. None: no object, or the words
    after «بأن» are a full quotation (a direct quote)."""
    if obj is None or (content is not None and content[2] == "direct") or site.stem in site.doc.lex.told_stems:
        return None  # (whom it was told is no part of what was said: «أبلغ مصدر رويترز بأن»)
    doc, text = site.doc, site.doc.text
    end = content[1] if content is not None else _trim(text, site.comp.end(), _clause_end(doc, site.comp.end(), doc.end))[1]
    return (obj, end, "indirect") if count_words(text, obj, end, 3) >= 3 else None


def _after_haythu(site: Site) -> bool:
    """«وسجن بلحاج في ليبيا ستة أعوام، حيث يقول إنه ...»: a verb with no subject right after
    «، حيث» speaks for its sentence's subject, like one on a statement («قال فيها»)."""
    before = site.doc.text[max(site.para_left, site.vstart - 8):site.vstart].rstrip()
    return site.pre == "" and before.endswith(_HAYTHU) and before[:-len(_HAYTHU)].rstrip().endswith(("،", ","))


def _resumptive(site: Site) -> bool:
    """«قال فيها», «يهدد فيها»: the verb of a relative clause on a statement (its subject is the
    sentence's)."""
    return _RESUMPTIVE.match(site.doc.text, site.vend, min(site.doc.end, site.vend + _AHEAD)) is not None


def _participle_subject(site: Site, speaker, name_len) -> tuple[int, int] | None:
    """For a participle with no speaker found in a sentence that has no quote yet: the words
    where the sentence's subject stands (``Candidate.subject``)."""
    text = site.doc.text
    if speaker is not None or found_in_sentence(site.found, site.sent_start) or not (
            site.is_part or text[max(site.para_left, site.vstart - 5):site.vstart].strip() == "حيث"
            or _resumptive(site)
            or _after_subordinator(text, site.para_left, site.vstart)
            or (site.pre == "و" and text[max(site.para_left, site.vstart - 4):site.vstart].rstrip().endswith(("،", ",")))
            or site.pre == "ف"):
        return None  # a participle, a verb after «حيث» («جاء ذلك في مقابلة ...، حيث قال») or
        # before «فيها» («وقال ترامب في تغريدة يهدد فيها الرئيس الإيراني:»)
    connective = _pronoun_connective(text, site.para_left, site.vstart)
    if connective is None:
        return subject_slot(text, site.sent_start, site.vstart, name_len)
    end, pronoun = connective
    best, best_score = None, 0
    for inner in (False, True):  # the sentence's first clause, then its last one: the one that
        # agrees best with the pronoun («وكان خاشقجي ... بينما كانت خطيبته التركية تنتظر ...، ولكنها قالت»)
        span = subject_slot(text, site.sent_start, end, name_len, inner=inner)
        score = _pronoun_agreement(text[span[0]:span[1]].split(), pronoun, name_len) if span is not None else 0
        if score > best_score:
            best, best_score = span, score
    return best


def _pronoun_connective(text: str, pstart: int, vstart: int) -> tuple[int, str] | None:
    """When the verb at ``vstart`` follows «لكنه» / «إلا أنها» (whose pronoun is the subject of
    the clause before it): where that clause ends, and the pronoun."""
    toks = _tokens(text, max(pstart, vstart - 24), vstart)
    n = _pronoun_connective_words([w for _, _, w in toks[-2:]])
    return (toks[-n][0], toks[-1][2]) if n else None


def _pronoun_connective_words(words: list[str]) -> int:
    """How many of the last ``words`` are a connective with a pronoun: 1 for «لكنه», 2 for «إلا
    أنها» («غير أنه», «بيد أنهم»), 0 for none."""
    if words and words[-1] in _PRONOUN_CONNECTIVES:
        return 1
    if len(words) >= 2 and words[-1] in _PRONOUN_CONNECTIVES_AFTER and words[-2] in _EXCEPTION_WORDS:
        return 2
    return 0


def _pronoun_agreement(words: list[str], pronoun: str, name_len) -> int:
    """How well a subject phrase agrees with the pronoun «ـه» / «ـها» / «ـهم» that refers to it:
    2 with evidence of its gender (a word of its head in «ة» / «ات», or «خطيبته», or a place, is
    feminine; a title without «ة» or a given name is masculine), 1 with none («حماس», «خاشقجي»),
    0 against it."""
    head = [w.strip("،,") for w in words[:2]]
    if not head:
        return 0
    feminine = any(w.endswith(("ة", "ات")) for w in head) or head[0].endswith(("ته", "تها")) \
        or _feminine_place(words)
    given = _name_index_attr(name_len, "given_name")
    masculine = not feminine and (head[0] in TITLE_WORDS or (head[0].startswith("ال") and head[0][2:] in TITLE_WORDS)
                                  or (given is not None and given(head[0])))
    if pronoun.endswith("ها"):
        return 2 if feminine else 0 if masculine else 1
    if pronoun.endswith("ه"):
        return 2 if masculine else 0 if head[0].endswith("ة") else 1
    return 1


def _passive_after_relative(site: Site) -> bool:
    """«دياو الذي يعتقد أنه قتل»: a verb read in the passive (words.yaml
    ``passive_after_relative``) right after a restrictive relative pronoun."""
    text = site.doc.text
    verb = text[site.vstart:site.vend2].split()[:1]
    return site.pre == "" and bool(verb) and verb[0] in _PASSIVE_AFTER_RELATIVE \
        and _in_relative_clause(text, site.para_left, site.vstart)


def _speaker_before_addressee(site: Site):
    """«وقال لأنصاره إن», «لكن الوزير ...، قال لإذاعة الجيش إنه»: when the slot says only whom
    the words were said to, the subject before the verb (not words quoted before it: «"... أريد
    الذهاب إلى أوروبا" يقول لي مراراً»), or None (carried over), or ``_SKIP`` when a subject no
    rule reads stands before the verb («لكن متحدثا باسم التحالف قال لوكالة فرانس برس»): no quote
    rather than another speaker's."""
    left = site.left_subject() if site.pre == "" else None
    if left is not None and site.doc.inside(left[0]) is None:
        return left
    if site.pre != "" or (left is None and _clause_initial(site.doc.text, site.para_left, site.vstart)):
        return None
    return _SKIP


def _slot_start(site: Site, pos: int) -> int:
    """Where a complement verb's speaker slot starts: after the verb, or after «في» for a
    statement verb («وجاء في بيان الوكالة: "..."»: the statement speaks; ``pos`` without «في»)."""
    if site.stem not in site.doc.lex.statement_stems:
        return site.vend2
    jm = _FI_ONLY.match(site.doc.text, site.vend2, min(pos, site.vend2 + _AHEAD))
    return jm.end() if jm else pos


def _complement_speaker(site: Site, pos: int, gap: bool, name_len):
    """The speaker of a complement quote (None: carried over; ``_SKIP``: the journalist's voice)
    and the gender a carried speaker must agree with."""
    text, lex, vstart, vend2 = site.doc.text, site.doc.lex, site.vstart, site.vend2
    slot_start = _slot_start(site, pos)
    haythu = _after_haythu(site)
    resumptive = _resumptive(site) or haythu  # «، حيث يقول إنه»: the sentence's subject
    speaker = None if site.is_part or (resumptive and site.transitive) else speaker_in_slot(
        text, slot_start, pos, transitive=site.transitive or site.stem in lex.slot_addressee_stems,
        transitive_from=site.stem in lex.reported_from_stems, name_len=name_len)
    if speaker is not None and not site.is_part and _addressee_only(text, speaker, name_len):
        return _speaker_before_addressee(site), site.gender
    left = site.left_subject() if speaker is not None and site.pre == "" and not site.is_part \
        and not site.is_masdar and site.transitive \
        and not _clause_initial(text, site.para_left, vstart) else None
    if left is not None:  # «وكان روحاني أبلغ ماكرون أن»: the subject stands before the verb;
        speaker = left  # the noun phrase after it is the addressee
    elif speaker is not None and site.stem not in lex.reported_from_stems and (
            _plural_before_slot(site) or _only_the_object(site, speaker[1], pos)
            or _gender_disagrees(site, text, speaker)):
        speaker = None  # «ووصفوا الرئيس بأنه»: a verb before its subject is singular; «كما وصف
        # الرئيس السوري بأنه»: the verb's one noun phrase is its object
    own_verb = not site.is_part
    if speaker is None and own_verb and resumptive:
        # «أصدرت شركة "بيجو" بيانا الأربعاء قالت فيه إنها»: the statement's issuer
        speaker = _statement_issuer(text, site.left_start, vstart, lex)
    if speaker is None and own_verb:  # «أما الإعلامي الصومالي محمد عثمان فيقول إن», «وكتب أردوغان يقول:»
        speaker = _amma_subject(site) or _hal_subject(site, name_len)
    if speaker is None and site.is_masdar:
        return _SKIP, site.gender
    if speaker is None and own_verb and not resumptive and lex.imperfect(site.verb) and not site.left_subject() \
            and not (site.pre == "و" and found_in_sentence(site.found, site.sent_start)) \
            and not (site.pre == "و" and site.stem in lex.continues_stems and (site.found or site.doc.after_quote)) \
            and not (site.pre == "و" and (site.found or site.doc.after_quote)
                     and _QUOTATION_OPENING.match(text, pos, pos + 12) is not None):
        # impersonal «ويعتقد أن ...», «يذكر أن ...»: the journalist's voice; but
        # «وتنفي القوات التركية ...، وتقول إنها» goes on with the sentence's speaker, and
        # «ويضيف أن» after a quote goes on with its speaker, as does «ويقول "..."»: the
        # journalist writes no words of their own in quotation marks
        return _SKIP, site.gender
    if speaker is None and own_verb and site.pre == "" and not lex.imperfect(site.verb) and not resumptive:
        speaker = _indefinite_person_before(text, site.sent_start, vstart)  # «لقاء مع صديق قال إن»
    if speaker is None and own_verb and _passive_after_relative(site):
        return _SKIP, site.gender  # «دياو الذي يعتقد أنه قتل»: who is believed to ..., no report
    if speaker is None and own_verb and site.pre == "":
        speaker = _relative_antecedent(text, site.para_left, vstart)  # «بحسب X، التي أشارت إلى أن»
    if speaker is None and own_verb and site.pre == "" and (not gap or clean_speaker(text, vend2, pos) is None):
        speaker = site.left_subject()
    if speaker is None and not found_in_sentence(site.found, site.sent_start) and (
            site.is_part or resumptive):
        # a participle's sentence subject; «رد الرميحي على قرقاش في تغريدة قال فيها:»: the verb
        # of a relative clause on the tweet, whose subject is the sentence's
        speaker = _sentence_subject(text, site.sent_start, vstart, name_len,
                                    firsts=(1, 0) if haythu else (1, 0, 2, 3))
    q = _QAWLUHU_END.search(text, slot_start, pos) if speaker is not None else None
    if q is not None:  # «نقلت الوكالة عن المسؤول قوله»: the speaker's gender is قوله's
        return speaker, ("f" if q.group().strip() == "قولها" else "m")
    return speaker, site.gender


_AMMA = words("amma")
_HAYTHU = words("haythu")[0]
_ADJUNCT_PREPOSITIONS = frozenset(words("before_demonstrative"))
_DEMONSTRATIVE_GOVERNORS = frozenset(words("demonstrative_governors"))
_REFUSAL_VERBS = frozenset(words("refusal_verbs"))
_REFUSALS = frozenset(words("refusals"))
_THEN_INNA = words("then_inna")
_SABAQA = words("sabaqa_li")
_ISSUE_VERBS = frozenset(words("issue_verbs"))


def _statement_issuer(text: str, left_start: int, vstart: int, lex) -> tuple[int, int] | None:
    """«أصدرت شركة "بيجو" بيانا الأربعاء قالت فيه», «ويذكر أن التحالف أصدر بيانا، السبت قال
    فيه:»: a verb of a relative clause on a statement («قال فيه») speaks for the subject of the
    verb that issued the statement: the words between that verb and the statement, or the
    subject standing before the verb. None when no issuing verb comes shortly before."""
    toks = _tokens(text, left_start, vstart)[-20:]
    for i in range(len(toks) - 2, -1, -1):
        w = toks[i][2].strip("،,")
        if w not in _ISSUE_VERBS and not (w[:1] in "وف" and w[1:] in _ISSUE_VERBS):
            continue
        noun = next((k for k in range(i + 1, min(len(toks), i + 12)) if _speech_event(toks[k][2].strip("،,"))), None)
        if noun is None or len(toks) - noun > 4:
            return None
        first = i + 1
        while first < noun - 1 and toks[first][2].strip("،,") in TIME_WORDS:
            first += 1  # «وأصدرت الاثنين جماعة ... بيانا»
        if noun > first:  # the subject after its verb
            return clean_speaker(text, toks[first][0], toks[noun - 1][1])
        return _left_subject(text, left_start, toks[i][0], lex)
    return None


def _indefinite_person_before(text: str, sent_start: int, vstart: int) -> tuple[int, int] | None:
    """«وأجرت القناة لقاء مع صديق قال إن», «وتحدثت بي بي سي إلى مسؤول محلي قال إن»: a verb right
    after an indefinite person noun (and its nisba adjectives) is a relative clause about that
    person, the speaker; a ب/ل glued to the noun or a preposition before it is left out."""
    toks = _tokens(text, max(sent_start, vstart - 60), vstart)
    if not toks:
        return None
    k = len(toks)
    while k > 1 and len(toks) - k < 2 and toks[k - 1][2].endswith(NISBA_ENDINGS) \
            and not toks[k - 1][2].startswith("ال"):
        k -= 1  # «مسؤول محلي»: the adjectives of the noun
    head_s, head_e, head = toks[k - 1]
    skip = 0
    if head[:1] in "بل" and not head.startswith(("ال", "لل")) and len(head) > 3:
        skip = 2 if head[1:2] == "ـ" else 1
    noun = head[skip:]
    if noun.startswith("ال") or noun[:1].isdigit():
        return None
    norm = _norm_word(noun)
    sw = speaker_words()
    if sw.person_nouns.match_at([norm], 0) is None and noun not in TITLE_HEADS:
        return None
    if not skip and not (k >= 2 and toks[k - 2][2] in _PREPOSITIONS):
        return None  # only after a preposition («مع صديق», «بطبيب»): not a subject before its verb
    return head_s + skip, toks[-1][1]


def _hal_subject(site: Site, name_len) -> tuple[int, int] | None:
    """«وكتب أردوغان يقول: ...», «وتابع ترمب يقول "..."», «ومضى الوزير يقول»: «يقول» right after
    its sentence's first verb and that verb's subject is a verb of state: the subject's words,
    not the journalist's. None otherwise."""
    doc = site.doc
    if site.stem != "قال" or site.pre != "" or not doc.lex.imperfect(site.verb):
        return None
    toks = _tokens(doc.text, site.sent_start, site.vstart, 12)
    if not 2 <= len(toks) <= 10 or (doc.lex.trigger_at(doc.text, toks[0][0]) is None
                                   and toks[0][2] not in _HAL_GOVERNORS):
        return None
    return clean_speaker(doc.text, toks[1][0], toks[-1][1], name_len)


_HAL_GOVERNORS = frozenset(words("hal_governors"))


def _amma_subject(site: Site) -> tuple[int, int] | None:
    """«أما X فيقول إن ...», «أما X فقد أكد أن ...»: the topic after «أما» is the subject of the
    verb its «ف» opens."""
    text = site.doc.text
    before = text[site.sent_start:site.vstart]
    m = _AMMA.match(before)
    if m is None:
        return None
    end = site.vstart
    if site.pre != "ف":
        last = before.rstrip().rsplit(None, 1)
        if len(last) < 2 or last[1] != "فقد":
            return None
        end = site.sent_start + len(last[0])
    s, e = _trim(text, site.sent_start + m.end(), end)
    return (s, e) if e > s else None


def rule_object(site: Site, name_len) -> Candidate | str | None:
    """A speech-act verb or participle whose content is a noun-phrase object («أكد الوزير
    ضرورة ...», «، مشيرا إلى ...»), with the subject after the verb, before it, or carried."""
    if not site.takes_obj:
        return None
    doc, vend2 = site.doc, site.vend2
    text, lex = doc.text, doc.lex
    cend = _clause_end(doc, vend2, doc.end, narration=False)
    first = text[vend2:min(cend, vend2 + 12)].split(None, 1)
    after = _tokens(text, vend2, cend, 10) if first and first[0] in _DEMONSTRATIVES else ()
    if len(after) >= 2 and after[0][2] in _DEMONSTRATIVES and len(after) <= 9 \
            and _opens_subject(after[1:], name_len):
        return _SKIP  # «وأكد ذلك المتحدث باسم الكرملين ديمتري بيسكوف»: the object is «ذلك», said
        # before; the subject follows it and no words are reported here
    split, rule = _object_subject(site, cend, name_len)
    if split is None:
        return None
    speaker, obj = split
    if site.verb in _REFUSAL_VERBS and any(w in _REFUSALS for _, _, w in _tokens(text, vend2, cend, 6)):
        return _SKIP  # «ورفض متحدث عسكري الرد على سؤال», «رفضت الشركة التعليق»: no words reported
    if speaker is not None and rule == "verb_object" and (
            _plural_before_slot(site) or _gender_disagrees(site, text, speaker)):
        # «ودعوا الشعب الجزائري إلى التضامن»: the noun after a plural verb is its object;
        # «وأعلنتا استثمارا بـ400 مليون يورو ...، فيما»: the object, not a speaker before it
        speaker, obj = None, (obj if text[speaker[1]:obj].strip(" ،,") else speaker[0])
    elif speaker is not None and rule == "verb_object" \
            and text[speaker[1]:obj].strip(" ،,") and _only_the_object(site, speaker[1], obj):
        speaker = None  # «واتهم فرنسا بالاعتداء»: a verb that never goes without its object
    if speaker is not None and site.pre == "و" \
            and text[max(doc.start, site.vstart - 8):site.vstart].rstrip().endswith(("،", ",")) \
            and _implausible_speaker(text, speaker, name_len):
        # «وسيطر تنظيم الدولة ... على مناطق واسعة، وأعلن قيام "الخلافة"»: a second clause
        # keeps the sentence's subject; the noun after its verb is the object
        subject = _sentence_subject(text, site.sent_start, site.vstart, name_len)
        speaker, obj = subject, speaker[0]  # none named: the subject is carried («، واستنكر قتل ...»)
    if speaker is None and not site.is_part and site.pre == "":
        # «بحسب X، التي أشارت إلى ...»: the antecedent; «وكانت السعودية، ...، أكدت كذلك وقوفها»
        speaker = _relative_antecedent(text, site.para_left, site.vstart) or site.left_subject()
    if speaker is None and not site.is_part and lex.imperfect(site.verb) \
            and not (site.pre == "و" and found_in_sentence(site.found, site.sent_start)):
        return _SKIP  # «وتشير أيضا إلى نطاق التعاون»: narration, no speaker; but «وتنفي طهران
        # السعي ...، وتتهم إسرائيل بـ» goes on with the sentence's speaker
    obj = _skip_preposition(text, _past_adjunct(text, _past_date(text, _past_day(text, obj, cend), cend), cend, site.bi), cend)
    if _NEW_CLAUSE.match(text, obj, cend):
        return _SKIP  # «ودعا ماكرون كلا من إسرائيل وإيران إلى "...", في حين طلبت الخارجية ...»: the
        # object was missed and the next clause is none
    cend = _clause_end(doc, obj, cend, obj=True)
    s, e = _trim(text, obj, cend)
    if e > s and count_words(text, s, e, 1) >= 1 and not _empty_object(text, s, e):
        s, e, kind = _quoted_tail(doc, s, e) or (s, e, "indirect")
        return Candidate(s, e, kind, speaker, site.gender, site.vstart, participle=site.is_part, rule=rule,
                         subject=_participle_subject(site, speaker, name_len))
    return None


_TAIL_LEAD_WORDS = 6  # «القضاء الكامل على ما تبقى من "..."»
_TAIL_QUOTE_WORDS = 4  # shorter quoted words are the object's own («إيران بضرورة تغيير سلوكها "المزعزع للاستقرار"»)
_QUOTE_PREPOSITIONS = frozenset(words("quote_prepositions"))


def _quoted_tail(doc, s: int, e: int) -> tuple[int, int, str] | None:
    """An object that ends in a quotation after a short lead-in and its preposition — «وطالب
    نيبنزيا الغرب بـ"الإنهاء الفوري لتحركاته ضد سوريا ..."», «ودعت المنظمة المسؤولين اللبنانيين
    إلى "الحد من الخطاب ..."» — reports those words as said: the quote is the quotation, direct
    (the development gold's reading, 11 of 11 such objects in dev and dev2)."""
    text = doc.text
    for open_, close, closed in doc.spans_from(s + 1, e):
        if not closed:
            continue
        if text[close + 1:e].strip(" .،,") or count_words(text, open_ + 1, close, _TAIL_QUOTE_WORDS) < _TAIL_QUOTE_WORDS:
            return None
        lead = _tokens(text, s, open_, _TAIL_LEAD_WORDS + 1)
        if not lead or len(lead) > _TAIL_LEAD_WORDS:
            return None
        last = lead[-1][2]
        if last in _QUOTE_PREPOSITIONS or (lead[-1][1] == open_ and last.rstrip("ـ") in ("ب", "ل")):
            qs, qe = _trim(text, open_ + 1, close)
            return (qs, qe, "direct") if qe > qs else None
        return None
    return None


def _subject_after_pronoun(text: str, vend: int, cend: int, name_len) -> bool:
    """«اللذين تتهمهما وزارة الخزانة الأميركية بدعم ...»: a verb whose object is a pronoun, then
    a known name, title or body: that is its subject (verb, object, subject), none before it."""
    after = _tokens(text, vend, cend, 3)
    return bool(after) and _opens_subject(after, name_len)


_ADJUNCT_ONLY_WORDS = 3
_NEW_CLAUSE = words("new_clause")  # «في حين», «فيما», «بينما» opening an object's slot


def _empty_object(text: str, s: int, e: int) -> bool:
    """An object that reports nothing said: one word that only points back or at a time
    («نفى ذلك», «أعلن الثلاثاء», «تحدث عنها»), a date («أعلن في ديسمبر الماضي»), or a short
    phrase in «في» (no reporting verb takes «في» as its own preposition: «في بيان لها»)."""
    words = text[s:e].split()
    if words[0] == "في":
        if len(words) <= _ADJUNCT_ONLY_WORDS:
            return True  # «أعلن ... في بيان لاحق», «في البحر الأحمر»: an adjunct, nothing reported
        if len(words) <= 8:  # «وأعلن الرئيس في ديسمبر الماضي.»: a date alone
            toks = _tokens(text, s, e, 9)
            return _date_length(toks) == len(toks)
    return len(words) == 1 and (words[0] in _DEMONSTRATIVES or words[0] in TIME_WORDS
                                or words[0] in _PRONOUN_PREPOSITIONS)


def _object_subject(site: Site, cend: int, name_len):
    """``((speaker span or None, object start) or None, rule name)`` for ``rule_object``."""
    doc, vstart, vend2, bi = site.doc, site.vstart, site.vend2, site.bi
    text, lex = doc.text, doc.lex
    if site.is_part:
        subject = None if found_in_sentence(site.found, site.sent_start) else \
            _sentence_subject(text, site.sent_start, vstart, name_len)
        return (subject, _skip_preposition(text, vend2, cend, bi)), "participle_object"
    own_subject = site.verb in lex.pronoun_forms and _subject_after_pronoun(text, vend2, cend, name_len)
    if site.pre == "" and not own_subject and (not _clause_initial(text, site.para_left, vstart)
                                               or _after_auxiliary(text, site.para_left, vstart)):
        if _in_relative_clause(text, site.para_left, vstart):
            named = _named_antecedent(text, site.para_left, vstart, name_len)
            after = _tokens(text, vend2, cend, 3)
            if named is None or not after or _not_a_plain_object(after, name_len):
                return None, "subject_verb_object"
            # «ستافان دي ميستورا الذي حذر من تصعيد النزاع»: after a person's name the relative
            # clause is no restriction: the person reports
            return (named, _skip_preposition(text, vend2, cend, bi)), "subject_verb_object"
        if lex.imperfect(site.verb) and _after_indefinite_noun(text, site.para_left, vstart, name_len):
            return None, "subject_verb_object"
        left = site.left_subject() if _subject_can_precede(text, site.para_left, vstart) else None
        if left is None:
            return None, "subject_verb_object"
        return (left, _skip_preposition(text, vend2, cend, bi)), "subject_verb_object"
    view = min(cend, doc.word_window_end(vend2, _OBJECT_VIEW_WORDS))  # the first words decide
    return _object_split(text, vend2, view, bi, site.transitive, name_len,
                         lex.intransitive_prep.get(site.stem), lex), "verb_object"


# The rules in the order they are tried for each verb: the first that finds a quote wins.
RULE_ORDER = (rule_complement, rule_object)

_JOINED = regex.compile(r"\s*[\"”»“]?\s*[،,]?\s*و\s*(?=[\"“«”])")


def rule_masdar_object(doc: Paragraph, m, name_len) -> Candidate | None:
    """«غداة اتهام إسرائيل طهران بقيامها بتطوير ...», «بعد إعلان الرئيس الأمريكي دونالد ترامب عن
    رغبته في ...»: a verbal noun of speech (``masdar_objects``) right before its agent, a name
    the registry knows or a title, reports what follows: the object after the agent, or the
    words after the noun's preposition. Not when أن follows (``masdar_comp``), nor with a
    possessive («إعلانه») or an agent that is no speaker («إعلان حالة الطوارئ»)."""
    text, lex = doc.text, doc.lex
    if name_len is None or m.pre or doc.inside(m.start()) is not None:
        return None
    end = doc.sentence_end(m.end(), doc.end)
    toks = _tokens(text, m.end(), end, 16)
    if len(toks) < 3 or COMP_RE.search(text, m.end(), toks[min(len(toks), 8) - 1][1]):
        return None
    first = toks[0][2]
    if not (name_len([w for _, _, w in toks[:6]]) or first in OFFICE_HEADS):
        return None
    j = _np_length(toks, name_len)
    if j >= len(toks) or _COMMA_AT.search(text, toks[j - 1][1], toks[j][0]):
        return None
    while j < len(toks) - 1 and (toks[j][2] in TIME_WORDS or toks[j][2] in OBJECT_ADVERBS):
        j += 1  # «إعلان ترامب مرارا عزمه»
    where = lex.masdar_objects[m.verb]
    start = None
    if where == "object":
        w = toks[j][2].lstrip("#")
        if w.startswith("ال") or name_len([w] + [x for _, _, x in toks[j + 1:j + 5]]):
            start = toks[j][0]  # the object after the agent; «اتهام دمشق بتنفيذ ...» has no
            # agent at all (Damascus is the accused) and reports nothing
    else:  # right after the agent: «إعلانه مسؤوليته عن» is no «إعلان ... عن»
        w = toks[j][2]
        if where == "ب" and w.startswith("ب") and _bi_word(toks, j, name_len):
            start = _after_bi(toks[j][0], w)
        elif _is_prep(w, where) and j + 1 < len(toks):
            start = toks[j + 1][0]
    if start is None:
        return None
    stop = _clause_end(doc, start, doc.end, obj=True)
    comma = _COMMA_AT.search(text, start, stop)
    if comma is not None and doc.inside(comma.start()) is None:
        stop = comma.start()  # a noun phrase, mostly an adjunct: «غداة اتهام ...، نشرت الوكالة»
    s, e = _trim(text, start, stop)
    if count_words(text, s, e, 2) < 2:
        return None
    speaker = clean_speaker(text, toks[0][0], toks[j - 1][1], name_len)
    if speaker is None:
        return None
    return Candidate(s, e, "indirect", speaker, "m", m.start(), rule="masdar_object")


_CLOSE_COMMA = regex.compile(r"[\"”»“]\s*(?:[،,]\s*|[،,]?\s*(?:" + "|".join(words("thus")) + r")\s+)$")
# «"..."، قال المصدر», «"..."، هكذا قال المستشار النمساوي»


def rule_quote_verb(site: Site, name_len) -> Candidate | None:
    """«"... في ساحات متعددة"، يقول الكاتب.», «"..."، قال المصدر لوكالة فرانس برس.»: a quotation
    its reporting verb follows (codebook §1: direct quotes are introduced or followed by one);
    the speaker is the noun phrase after the verb, which closes the sentence. Not when the
    quotation is already another verb's, nor when the verb reports a clause of its own."""
    doc, text = site.doc, site.doc.text
    mark = None if site.is_part or site.is_masdar or site.pre != "" \
        else _CLOSE_COMMA.search(text, max(doc.start, site.vstart - 14), site.vstart)
    if mark is None:
        return None
    span = next(((o, c) for o, c, closed in doc.spans if c == mark.start() and closed), None)
    if span is None or any(f.start <= span[0] + 1 < f.end for f in site.found):
        return None
    end = site.sent_end
    if COMP_RE.search(text, site.vend2, end) or doc.has_span_between(site.vend2, end) \
            or text.find(":", site.vend2, end) >= 0 or count_words(text, site.vend2, end, 9) > 8:
        return None  # «"..."، قال إن ...»: the verb's own clause
    s, e = _trim(text, span[0] + 1, span[1])
    if count_words(text, s, e, 3) < 3:
        return None  # a label in quotation marks, not words spoken
    speaker = clean_speaker(text, site.vend2, end, name_len)
    if speaker is not None and normalize_ar(text[speaker[0]:speaker[1]]) in speaker_words().addressee_pronouns:
        speaker = None  # «"..."، قال لي.»: whom it was said to; the speaker is carried over
    elif speaker is None and count_words(text, site.vend2, end, 3) > 1:
        return None  # words after the verb that name no speaker: narration
    return Candidate(s, e, "direct", speaker, site.gender, site.vstart, rule="quote_verb")


def rule_joined_quote(doc: Paragraph, prev: Candidate) -> Candidate | None:
    """«وتابع منوشين: "سنراجع القرار مجددا غدا" و"لذلك نحن ..."»: a quotation joined by «و» right
    after a direct quote goes on with its speaker when it holds a clause (four words or more)."""
    text = doc.text
    m = _JOINED.match(text, prev.end, doc.end)
    if m is None:
        return None
    span = next(iter(doc.spans_from(m.end(), min(doc.end, m.end() + 2))), None)
    if span is None or span[0] != m.end() or not span[2]:
        return None
    s, e = _trim(text, span[0] + 1, span[1])
    if count_words(text, s, e, 4) < 4:
        return None  # «"الإرهاب" و"التطرف"»: labels, not a quotation
    return Candidate(s, e, "direct", None, prev.gender, prev.trigger, participle=prev.participle,
                     rule="joined_quote")


def _according_spans(doc: Paragraph) -> list[tuple[int, int]]:
    """The «، بحسب ما أفاد», «، حسبما أعلن» tails of the paragraph (up to where the source starts)."""
    out = []
    for t in doc.according_tails():
        m = _ACCORDING.match(doc.text, t, min(doc.end, t + 120))
        if m is not None:
            out.append((t, m.end()))
    return out


def rule_according_to(doc: Paragraph, found: list[Candidate], name_len) -> list[Candidate]:
    """A sentence with no quote that ends its clause with «، بحسب X», «، وفق X», «، حسبما أعلن
    X»: the clause is X's reported speech («وأطلقت القوات ... صاروخا، وفق الجيش الإسرائيلي»)."""
    text, out = doc.text, []
    starts = None  # the sentence starts, found once a tail is (most paragraphs have none)
    for t in doc.according_tails():
        m = _ACCORDING.match(text, t, min(doc.end, t + 120))
        if m is None:
            continue
        if starts is None:
            starts = doc.sentence_starts()
        k = bisect.bisect_right(starts, t)
        sent_start = starts[k - 1] if k else doc.start
        if any(c.start < t and c.end > sent_start for c in found) or doc.inside(t) is not None:
            continue  # the sentence already has its quote
        who_end = doc.sentence_end(m.end(), doc.end)
        comma = _COMMA_AT.search(text, m.end(), who_end)
        speaker = clean_speaker(text, m.end(), comma.start() if comma else who_end, name_len)
        lead = _CONNECTIVES_LEFT.match(text, sent_start, t)
        s, e = _trim(text, lead.end() if lead else sent_start, t)
        if speaker is None or count_words(text, s, e, 4) < 4 or count_words(text, *speaker, 9) > 8:
            inline = _according_inline(doc, m.end(), who_end, name_len) \
                if "،" not in text[t:m.end()] and "," not in text[t:m.end()] and e > s else None
            if inline is not None:  # «وأسفر الهجوم بحسب الجيش الإسرائيلي عن تدمير 12 موقعا»
                out.append(Candidate(inline[1][0], inline[1][1], "indirect", inline[0], "m", t, rule="according_to"))
            continue
        if not _source_phrase(text, speaker):
            continue
        out.append(Candidate(s, e, "indirect", speaker, "m", t, rule="according_to"))
    return out


def _source_phrase(text: str, speaker: tuple[int, int]) -> bool:
    """Whether the words after «بحسب/وفق» name a source: not «وفق ما وصفها ناشطون», not «بحسب
    المرصد من السيطرة ...» (a preposition inside the phrase)."""
    who = text[speaker[0]:speaker[1]].split()
    return who[0] not in _NOT_SOURCE and not any(
        w in _PREPOSITIONS and not who[k - 1].startswith(_INFORMED)
        for k, w in enumerate(who[1:], 1))  # («مصدر مطلع على القرار», «مصادر مقربة من الحكومة»)


def _according_inline(doc: Paragraph, pos: int, end: int, name_len):
    """«بحسب X» inside a clause, with no comma before it: the source's noun phrase and the rest
    of the clause after it (its reported part), or None when no short source phrase stands there."""
    text = doc.text
    toks = _tokens(text, pos, end, 24)
    if len(toks) < 5:
        return None
    j = _np_length(toks, name_len)
    if not 1 <= j <= 6 or j >= len(toks) or toks[j][2] not in _PREPOSITIONS:
        return None  # the clause goes on with its verb's complement («عن تدمير», «من السيطرة»)
    speaker = clean_speaker(text, toks[0][0], toks[j - 1][1], name_len)
    if speaker is None or text[speaker[0]:speaker[1]].split()[0] in _NOT_SOURCE \
            or MEDIA_SPEAKER_RE.match(normalize_ar(text[speaker[0]:speaker[1]])):
        return None  # a news outlet reporting facts (codebook §1)
    s, e = _trim(text, toks[j][0], _clause_end(doc, toks[j][0], end))
    return (speaker, (s, e)) if count_words(text, s, e, 4) >= 4 else None


_FRONTED_THEN = words("fronted_then")


def rule_according_fronted(doc: Paragraph, found: list[Candidate], name_len) -> list[Candidate]:
    """A sentence with no quote that opens with «وبحسب X،», «ووفقا لـX، فقد ...»: the clause
    after the comma is X's reported speech («ووفقا لمكتب الأمم المتحدة لتنسيق الشؤون الإنسانية،
    فقد نزح أكثر من 30 ألف شخص»). Whether X can be a source (not «النتائج», «قانون») and is
    no news outlet reporting facts is checked with the registry, as for ``according_to``."""
    text, out = doc.text, []
    starts = doc.sentence_starts()
    for st in [doc.start] + starts:
        m = _ACCORDING.match(text, st, min(doc.end, st + 120))
        if m is None or text[st:m.start()].strip() or text[st:m.end()].lstrip()[:1] in "،,":
            continue
        end = doc.sentence_end(m.end(), doc.end)
        comma = _COMMA_AT.search(text, m.end(), min(end, m.end() + 160))
        if comma is None or any(c.start < end and c.end > st for c in found) or doc.inside(m.end()) is not None:
            continue  # the sentence already has its quote
        speaker = clean_speaker(text, m.end(), comma.start(), name_len)
        if speaker is None or count_words(text, *speaker, 9) > 8:
            continue
        if not _source_phrase(text, speaker):
            continue
        then = _FRONTED_THEN.search(text, comma.start(), end)  # «، ومقره ...، فإن الوضع»: after فإن
        content = _content(doc, then.end() if then is not None else comma.end(), end)
        if content is None or count_words(text, content[0], content[1], 4) < 4:
            continue
        out.append(Candidate(content[0], content[1], content[2], speaker, "m", m.start(), rule="according_to"))
    return out


def candidates_in(doc: Paragraph, name_len=None) -> list[Candidate]:
    """All quote candidates in one indexed paragraph, in text order: for each reporting verb
    not inside quotation marks nor inside the previous quote, the rules of ``RULE_ORDER``."""
    found: list[Candidate] = []
    sent_ends = doc.sentence_starts() if doc.triggers else []
    covered_until = doc.start
    tails = _according_spans(doc) if doc.triggers else []
    for m in doc.triggers:
        if doc.inside(m.start()) is not None or m.start() < covered_until \
                or any(a <= m.start() < b for a, b in tails):
            continue  # «، حسبما أعلن المرصد»: the verb of an attribution tail reports the clause before
        if m.verb in doc.lex.masdar_objects and not m.participle:
            cand = rule_masdar_object(doc, m, name_len)
            if cand is not None:
                found.append(cand)
                covered_until = cand.end
                continue
        site = _site(doc, m, sent_ends, found, name_len)
        if site is None:
            continue
        cand = rule_quote_verb(site, name_len)
        if cand is not None:
            found.append(cand)
            covered_until = max(covered_until, site.vend)
            continue
        if not _reports_here(site, name_len):
            continue
        cand = None
        for rule in RULE_ORDER:
            cand = rule(site, name_len)
            if cand is not None:
                break
        if cand is None or cand is _SKIP:
            continue
        if cand.speaker is None and not site.is_part and site.pre == "" and site.vstart == site.sent_start \
                and site.verb in IMPERSONAL_SPEAKERS:
            continue  # «يذكر أن ...» opening a sentence: the journalist's voice
        found.append(cand)
        covered_until = cand.end
        while cand.kind == "direct":  # «"..." و"..."»: the speaker's next quotation
            cand = rule_joined_quote(doc, cand)
            if cand is None:
                break
            found.append(cand)
            covered_until = cand.end
    extra = rule_according_to(doc, found, name_len) if doc.triggers or doc.text.find("،", doc.start, doc.end) >= 0 \
        else []
    if doc.text.find("حسب", doc.start, doc.end) >= 0 or doc.text.find("وفق", doc.start, doc.end) >= 0:
        extra += rule_according_fronted(doc, found + extra, name_len)
    return sorted(found + extra, key=lambda c: c.start) if extra else found
