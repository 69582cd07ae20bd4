"""Naming an actor the registry does not know: the mention with its country made explicit.

Codebook §2 writes an unnamed official as «مسؤول لبناني»: the country is part of the
description. When a mention of an unnamed source, a group of people or a bare body gives no
country («مصدر عسكري», «مصادر في المعارضة», «ناشطون», «السلطات») and the article does, the
country goes in as a nisba adjective agreeing with its noun, where Arabic puts it:

* after the head noun and its relational words, before evaluative adjectives
  («مسؤول نفط كبير» + IRQ -> «مسؤول نفط عراقي كبير», «مصدر مطلع» + USA -> «مصدر أمريكي مطلع»);
* on the organisation a prepositional phrase names («مصادر في المعارضة» + SYR -> «مصادر في
  المعارضة السورية»), a ministry named by its portfolio written out in full («مصادر في
  الخارجية» + LBN -> «مصادر في وزارة الخارجية اللبنانية»);
* a phrase of place or topic is dropped for the adjective («مصدر طبي في الديوانية» + IRQ ->
  «مصدر طبي عراقي»);
* a definite head takes a definite adjective («السلطات» + IRN -> «السلطات الإيرانية»).

:func:`with_country` returns None where the mention is not of that shape (a clause, a name,
several prepositional phrases): the caller keeps the mention as it is.
"""

from __future__ import annotations

from typing import Callable

from .lexicon import Lexicon, Token

_PREPOSITIONS = {"في", "من", "لدي", "داخل", "ب"}
_STOP = {"الذي", "التي", "الذين", "و", "او", "ان", "انه", "انها", "عن", "علي", "الي", "حول", "بشان"}


def _form(tok: Token, lex: Lexicon) -> str:
    """The adjective form a noun takes: m, f or pl (sound plural endings, a table for the rest)."""
    norm = tok.norm[2:] if tok.norm.startswith("ال") else tok.norm
    if norm in lex.unnamed_agreement:
        return lex.unnamed_agreement[norm]
    if tok.norm in lex.unnamed_agreement:
        return lex.unnamed_agreement[tok.norm]
    if norm.endswith("تان") and len(norm) > 5:
        return "dual_f"  # «مسؤولتان»
    if norm.endswith("ان") and len(norm) > 4 and tok.orig.endswith("ان") and lex.unnamed_head([norm], 0):
        return "dual"  # «مصدران», «مسؤولان» (not a broken plural of its own: «ضباط»)
    if norm.endswith(("ون", "ين")) and len(norm) > 4:
        return "pl_acc" if norm.endswith("ين") else "pl"
    if norm.endswith(("ه", "ات")):
        return "f"
    return "m"


def _adjective(stem: str, form: str, definite: bool) -> str:
    suffix = {"m": "", "f": "ة", "pl": "ون", "pl_acc": "ين", "dual": "ان", "dual_f": "تان"}[form]
    return " ".join(("ال" if definite else "") + w + suffix for w in stem.split())


def _definite(tok: Token) -> bool:
    return tok.norm.startswith("ال") or tok.norm.startswith("لل")


def _bare(tok: Token) -> Token:
    """The word without its article («المسؤولون» -> «مسؤولون»)."""
    if tok.norm.startswith("ال") and tok.orig.startswith("ال") and len(tok.norm) > 3:
        return Token(tok.orig[2:], tok.norm[2:])
    return tok


def with_country(toks: list[Token], head_end: int, country: str, lex: Lexicon,
                 lookup: Callable[[str], object] | None = None, indefinite: bool = False) -> str | None:
    """The description of ``toks`` (head noun = ``toks[head_end - 1]``) with ``country``'s
    adjective, or None when the mention is not a head with modifiers and at most one
    prepositional phrase. ``lookup`` resolves a phrase to a registry actor (for ministries).
    ``indefinite``: an unnamed official is described as one («المسؤولون» -> «مسؤولون أمريكيون»)."""
    stems = lex.countries.get(country, {}).get("adjective") or []
    if not stems or not toks or head_end > len(toks):
        return None
    if indefinite and _definite(toks[0]):  # not after «أحد», «بعض»: «أحد المسؤولين السوريين»
        toks = [_bare(t) if _definite(t) and i < head_end or i >= head_end and _definite(t)
                and lex.evaluative.match_at([_bare(t).norm], 0, clitics=False) else t
                for i, t in enumerate(toks)]
        if _definite(toks[head_end - 1]):
            return None
    stem = stems[0]
    head = toks[head_end - 1]
    rest = toks[head_end:]
    if any(t.norm in lex.emphatics for t in rest):
        return None  # «المصدر ذاته»: the same source as before, no description («مصدر ذاته سوري»)
    for i in range(len(rest) - 1):
        if rest[i + 1].norm in ("علي", "في", "ب") and lex.evaluative.match_at([rest[i].norm], 0, clitics=False):
            rest = rest[:i]  # «مصدر معارض مطلع على المفاوضات في دوما»: the adjective's phrase goes
            break
    if any(t.norm in _STOP or _conjunct(t, lex) for t in rest):
        return None  # a clause or a coordination («مسؤولون ومصادر»): not one noun phrase
    # a prepositional phrase: «في المعارضة», «بوزارة الخارجية», «من المنطقة»
    pp = next((i for i, t in enumerate(rest) if t.norm in _PREPOSITIONS
               or (t.norm.startswith(("بال", "لل")) and len(t.norm) > 4)
               or (t.norm[:1] in "بل" and lex.body_words.match_at([t.norm[1:]], 0, clitics=False))), None)
    mods = rest if pp is None else rest[:pp]
    cut = _evaluative_start([t.norm for t in mods], lex)
    front = toks[:head_end] + mods[:cut]
    back = mods[cut:]
    if cut > 3 or any(_definite(t) != _definite(head) for t in mods[:cut]):
        return None
    adjective = _adjective(stem, _form(head, lex), _definite(head))
    if pp is None:
        return _join(front, adjective, back)
    prep = rest[pp] if rest[pp].norm in _PREPOSITIONS else None
    obj = list(rest[pp + 1:] if prep is not None else rest[pp:])
    clitic = ""
    if prep is None:  # «بوزارة الخارجية», «بالغوطة»: the preposition is a clitic on the object
        clitic = obj[0].orig[0]
        first = obj[0].orig[1:]
        if clitic == "ل" and first.startswith("ل"):
            first = "ا" + first  # «للحزب» = ل + الحزب
        obj[0] = Token(first, obj[0].norm[1:] if not obj[0].norm.startswith("لل") else "ا" + obj[0].norm[1:])
    if not 1 <= len(obj) <= 2 or any(t.norm in _PREPOSITIONS for t in obj[1:]):
        return None
    norms = [t.norm for t in obj]
    agree = obj[-1] if _definite(obj[0]) else obj[0]  # «المعارضة», «وزارة الخارجية»
    body = _text(obj) + " " + _adjective(stem, _form(agree, lex), True)
    actor = lookup(body) if lookup is not None else None
    bare = [norms[0][2:]] + norms[1:] if norms[0].startswith("ال") else norms  # «التحالف» -> «تحالف»
    if lex.body_words.match_at(norms, 0) is not None or lex.body_words.match_at(bare, 0) is not None \
            or _is_body(actor) \
            or (lookup is not None and _is_body(lookup(_text(obj)))):
        # an organisation: the adjective goes on it («مصادر في المعارضة السورية»); a ministry
        # named by its portfolio is written out («الخارجية» -> «وزارة الخارجية»)
        if actor is not None and getattr(actor, "role", None) == "ministry":
            body = actor.name
        if clitic:
            body = "ل" + body[1:] if clitic == "ل" and body.startswith("ال") else clitic + body
        return _join(front + back, _orig(prep), body)
    # a place or a topic: the adjective says where instead («مصدر طبي عراقي»)
    return _join(front, adjective, back)


def canonical_unnamed(toks: list[Token], head_end: int, lex: Lexicon,
                      lookup: Callable[[str], object] | None = None) -> str | None:
    """An unnamed official whose mention gives the country, written as the codebook writes
    them: indefinite («المصدر في الخارجية السورية» -> «مصدر في وزارة الخارجية السورية», «المسؤول
    العسكري الإيراني» -> «مسؤول عسكري إيراني»), a ministry named by its portfolio written out.
    None when nothing changes."""
    out = list(toks)
    if _definite(out[0]) and head_end == 1:
        for i, t in enumerate(out):
            if t.norm in _PREPOSITIONS or t.norm.startswith(("بال", "لل")):
                break
            if _definite(t):
                out[i] = _bare(t)
    pp = next((i for i, t in enumerate(out) if i >= head_end and t.norm in ("في", "ب")), None)
    if pp is not None and lookup is not None and 1 <= len(out) - pp - 1 <= 2 and _definite(out[pp + 1]):
        actor = lookup(_text(out[pp + 1:]))
        if actor is not None and getattr(actor, "role", None) == "ministry" \
                and not out[pp + 1].norm.startswith("وزار"):
            return _join(out[:pp + 1], actor.name)
    text = _text(out)
    return text if text != _text(toks) else None


def trim_after_country(toks: list[Token], head_end: int, lex: Lexicon) -> int:
    """How many words of an unnamed official's mention describe them: after the country
    adjective only adjectives, evaluative words and prepositional phrases go on; a clause or a
    coordinated adjective ends it («مسؤول لبناني تربطه علاقات ...» -> 2, «مصادر عراقية
    وإيرانية» -> 2: one source, its first country)."""
    norms = [t.norm for t in toks]
    at = next((m for m in lex.country_table.scan(norms, head_end, clitics=False)
               if m.payloads[0].kind == "adjective"), None)
    if at is None:
        return len(toks)
    i = at.end
    if i == len(toks):
        return i
    n = norms[i]
    if n in _PREPOSITIONS or n.startswith(("بال", "لل")) or lex.evaluative.match_at(norms, i, clitics=False) \
            or (n.endswith(("ي", "يه", "يون", "يين")) and not n.startswith("و")):
        return len(toks)  # the description goes on: keep all of it
    return i


def _conjunct(tok: Token, lex: Lexicon) -> bool:
    """«ومصادر», «والعناية»: a word that opens a second conjunct."""
    if not tok.norm.startswith("و") or len(tok.norm) < 4:
        return False
    rest = tok.norm[1:]
    return rest.startswith("ال") or lex.opens_head(rest)


def _evaluative_start(norms: list[str], lex: Lexicon) -> int:
    """Where the trailing evaluative adjectives («كبير», «مطلع», «رفيع المستوى») begin."""
    i = 0
    while i < len(norms):
        j = i
        while j < len(norms):
            m = lex.evaluative.match_at(norms, j, clitics=False)
            if m is None:
                break
            j = m.end
        if j == len(norms):
            return i
        i += 1
    return len(norms)


def _text(toks) -> str:
    return " ".join(t.orig for t in toks)


def _orig(tok) -> str:
    return tok.orig if tok is not None else ""


def _join(*parts) -> str:
    return " ".join(p if isinstance(p, str) else _text(p) for p in parts if p)


def _is_body(actor) -> bool:
    return actor is not None and getattr(actor, "type", None) == "body"
