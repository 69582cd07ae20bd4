"""Tying each quote to its speaker and actor.

* An explicit mention is resolved through the actor registry (names, aliases, titles by the
  article's date).
* A quote without a mention (``وأضاف أن``, ``، مضيفا``, ``وقال إنه``) continues the most recent
  speaker whose grammatical gender agrees with the verb («وأضافت» picks a feminine speaker).
* A generic definite mention («المصدر», «الوزير», «البيان», «المنظمة») that the registry does
  not know refers back to the latest actor of the article compatible with it.
* Unnamed officials of one country within one article are one actor («مصدر أردني» … «المسؤول
  الأردني»); across articles they stay distinct.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass

import regex

from stance.text import normalize_ar

from .lexicon import ANAPHORIC_HEADS, DEFAULT_VERBS, HONORIFIC_WORDS, VerbLexicon, words
from .registry import ActorRegistry


# Longer articles are read in windows of this many characters when a mention is attributed
# (no news article of the pool is longer than 12,000 characters).
ARTICLE_WINDOW = 16_000
# A generic mention looks this many speakers back for its antecedent (no article of the news
# pool has as many quotes).
_HISTORY = 200


@dataclass
class Speaker:
    mention: str
    actor: object  # stance.actors.Actor
    gender: str


_SPOKEN_FOR = words("spoken_for")  # «المتحدث باسم الوزارة»

_PERSON_ROLES = {"head_of_state", "head_of_government", "foreign_minister", "minister",
                 "security_official", "spokesperson", "official_unnamed", "other"}
_BODY_ROLES = {"government", "ministry", "militia", "party", "agency", "international_org", "other",
               "security_official"}


_BODY_KINDS = {"ministry": {"ministry"}, "government": {"government"}, "army": {"security_official"}}


def _compatible(kind: str, actor) -> bool:
    role = getattr(actor, "role", "other")
    if kind == "any":
        return True
    if kind == "person":
        return role in _PERSON_ROLES
    if kind == "minister":
        return role in {"foreign_minister", "minister"}
    if kind == "head":
        return role in {"head_of_state", "head_of_government"}
    if kind == "body":
        return role in _BODY_ROLES
    if kind in _BODY_KINDS:  # «الوزارة» is a ministry, «الجيش» an army: not the observatory
        return role in _BODY_KINDS[kind]
    return True


def anaphoric_kind(mention: str, lexicon=None) -> str | None:
    """The kind of antecedent a bare generic mention wants, or None for a real mention; with
    the registry's ``lexicon`` a plural head's country adjective is read too."""
    words = mention.split()
    if not words or len(words) > 2:
        return None
    head = words[0]
    if head in ANAPHORIC_HEADS:
        # «المسؤول الأردني», «المسؤولون السعوديون» carry a country: a real (unnamed) mention,
        # not an anaphor («التحالف الحوثيين» is one: the coalition and its object)
        if len(words) == 2 and words[1].startswith("ال") and (words[1].endswith(("ي", "ية")) or (
                lexicon is not None and lexicon.country_at([_norm(words[1])], 0) is not None)):
            return None
        if len(words) == 2 and lexicon is not None and not words[1].startswith(("ال", "#")) \
                and words[1] not in lexicon.emphatics and ANAPHORIC_HEADS[head] == "person":
            return None  # «البابا فرنسيس», «الشيخ محمد»: a title and a name, no anaphor
        return ANAPHORIC_HEADS[head]
    return None


# mentions, names and their words recur (the history is read back at every generic mention):
# each is normalized once
_norm = functools.lru_cache(maxsize=8192)(normalize_ar)
_RELATIVE_OF = frozenset(words("relative_of"))
_MINISTRY_WORD, _MINISTER_WORD = words("ministry_and_minister")  # «وزارة», «وزير»
_MINISTRY, _MINISTER = normalize_ar(_MINISTRY_WORD), normalize_ar(_MINISTER_WORD)
_OFFICE_STEMS = frozenset(words("office_stems"))  # «مكتب الرئيس»: the office of a holder
_STATEMENT_STEMS = frozenset(words("statement_stems"))  # a statement speaks for its issuer


class Attributor:
    """Per-article speaker state; create one per article (no state shared across articles)."""

    def __init__(self, registry: ActorRegistry, article_id: str, date, text: str, by_kind=None,
                 lexicon: VerbLexicon = DEFAULT_VERBS):
        self.registry = registry
        self.lexicon = lexicon
        self._by_kind = by_kind
        self.article_id = article_id
        self.date = date
        self.text = text
        self.history: list[Speaker] = []
        self._unnamed: dict[str, object] = {}
        self._country = False  # computed on first need
        self._resolved: dict[str, object] = {}
        self._windows: dict[int, str] = {}
        self._lookups: dict[tuple[str, int], object] = {}
        self._prefix: tuple[int, int, list[str]] = (0, 0, [])

    def _lookup(self, phrase: str, before: int):
        """``registry.lookup`` of a phrase at ``before``, once per phrase and text window (a
        generic mention such as «الوزير» recurs, and each look-up reads the article)."""
        key = (phrase, before // ARTICLE_WINDOW if len(self.text) > 2 * ARTICLE_WINDOW else 0)
        if key not in self._lookups:
            self._lookups[key] = self.registry.lookup(phrase, date=self.date, article_text=self._context(before))
        return self._lookups[key]

    def _words_before(self, before: int) -> list[str]:
        """The normalized words of the text the attribution reads before ``before``; the
        article's words are normalized once, as the mentions come in text order."""
        start = self._window_start(before)
        at, upto, words = self._prefix
        if at != start or before < upto:
            if before < upto:
                return normalize_ar(self.text[start:before]).split()
            upto, words = start, []  # a new window: its words are normalized as they are read
        cut = self.text.rfind(" ", upto, before)  # normalized words never span a space
        if cut > upto:
            words.extend(normalize_ar(self.text[upto:cut]).split())
            upto = cut
        self._prefix = (start, upto, words)
        return words + normalize_ar(self.text[upto:before]).split()

    def _window_start(self, before: int) -> int:
        """Where the text the attribution of a mention at ``before`` reads starts: the whole
        article, or for a very long one the ``ARTICLE_WINDOW`` characters before the mention
        (the registry searches this text for full names; searching a 20 MB text at every
        mention made the time quadratic): the block before the mention's and its own."""
        if len(self.text) <= 2 * ARTICLE_WINDOW:
            return 0
        return max(0, (before // ARTICLE_WINDOW - 1) * ARTICLE_WINDOW)

    def _context(self, before: int) -> str:
        """The article text handed to the registry for a mention at ``before``: the whole
        article, or for a very long one the two blocks of ``ARTICLE_WINDOW`` characters around
        the mention (one string per block, so the registry's per-text index is built once)."""
        if len(self.text) <= 2 * ARTICLE_WINDOW:
            return self.text
        block = before // ARTICLE_WINDOW
        if block not in self._windows:
            self._windows[block] = self.text[max(0, (block - 1) * ARTICLE_WINDOW):(block + 1) * ARTICLE_WINDOW]
        return self._windows[block]

    def _antecedent(self, mention: str, kind: str, before: int):
        """The actor a generic mention («المنظمة», «المصدر») refers back to: an earlier speaker
        with the same head word, a body named earlier in the text with it, the latest body the
        registry knows by it, or the latest speaker of a compatible kind (not for ``same_head``
        words: «الشرطة» is the police named before or none)."""
        head = _norm(mention.split()[0])
        stem = head[2:] if head.startswith("ال") else head  # «المنظمة» -> «منظمه»
        found = self._ministry_of_last_minister(stem, before) \
            or self._speaker_by_head(head, stem, headed=kind == "same_head") \
            or (self._named_earlier(head, stem, kind, before) if len(stem) >= 3 else None)
        if found is not None or kind == "same_head":
            return found
        return self._body_by_kind(head, before) or self._latest_compatible(kind)

    def _ministry_of_last_minister(self, stem: str, before: int):
        """«وقال وزير الدفاع البريطاني إن ... وأكدت الوزارة»: the ministry is the one of the
        minister who spoke last («وزارة الدفاع البريطانية»)."""
        if stem != _MINISTRY or not self.history:
            return None
        words = self.history[-1].mention.split()
        if len(words) < 2 or _norm(words[0]) != _MINISTER:
            return None
        rest = []
        for w in words[1:4]:
            if w in HONORIFIC_WORDS:
                break  # «وزير الصحة المهندس خالد الفالح»: the title ends at the honorific
            rest.append(w + "ة" if w.startswith("ال") and w.endswith("ي") else w)
        return self.registry.resolve(" ".join([_MINISTRY_WORD, *rest]), date=self.date,
                                     article_id=self.article_id, article_text=self._context(before))

    def _speaker_by_head(self, head: str, stem: str, headed: bool = False):
        """An earlier speaker whose own mention or name has the same head word (``headed``:
        whose mention or name begins with it: «المتحدث باسم الشرطة» is no «الشرطة»)."""
        forms = {stem, head}
        if stem.endswith(("ان", "ين")):  # «الوزيران» refers back to «وزيرا الخارجية ...»
            forms.add(stem[:-1])
        for sp in reversed(self.history[-_HISTORY:]):
            if not getattr(sp.actor, "known", True) and anaphoric_kind(sp.mention) is not None:
                continue  # an earlier unresolved «الحلف» is no antecedent
            first = _norm(sp.mention).split()[:1]
            words = first + _norm(sp.actor.name).split()[:1 if headed else None]
            kinds = {_norm(k) for k in getattr(sp.actor, "kinds", ()) or ()}
            if any(w in forms for w in words) or head in kinds:  # the registry's «الحلف» for NATO
                return sp.actor
        return None

    def _named_earlier(self, head: str, stem: str, kind: str, before: int):
        """A body named earlier in the text with that head word: «منظمة هيومن رايتس ووتش»,
        «بيان للإليزيه» (a statement is its issuer's)."""
        words = self._words_before(before)
        statement = stem in _STATEMENT_STEMS
        # the indefinite head names the body («حلف شمال الأطلسي»); a statement its issuer
        wanted = (stem, head) if statement else (stem,)
        tried = 0
        for i in range(len(words) - 2, -1, -1):
            if words[i] not in wanted:
                continue
            tried += 1
            follow, issued = self._phrase_after(words, i + 1 if statement else i)
            if statement and not issued and follow and not follow[0].startswith("ال"):
                continue  # «في بيان عبر البريد ... إن باسيل»: no issuer right after the word
            actor = self._named_by(follow, stem, kind, before)
            if actor is not None:
                return actor
            if tried >= 4:
                break
        return None

    def _phrase_after(self, words: list[str], start: int) -> tuple[list[str], bool]:
        """Up to 7 words from ``start`` that may name a body, up to the next reporting verb,
        with «صادر عن» skipped (and whether it was)."""
        follow: list[str] = []
        for w in words[start:start + 7]:
            if follow and self.lexicon.classify(w) is not None:
                break  # «مصدر في وزارة الخارجية وقال»: the phrase ends at the verb
            follow.append("ال" + w[2:] if w.startswith("لل") else w)
        if follow and follow[0] in _ISSUED:
            return (follow[2:] if len(follow) > 2 and follow[1] == _ISSUED_BY else follow[1:]), True
        return follow, False

    def _named_by(self, follow: list[str], stem: str, kind: str, before: int):
        """The longest leading phrase of ``follow`` that names an actor with the head word."""
        statement = stem in _STATEMENT_STEMS
        for k in range(len(follow), 0, -1):
            phrase = " ".join(follow[:k])
            actor = self._lookup(phrase, before)
            if actor is None and kind == "person" and k >= 2 and not statement:
                # «مصدر في وزارة الخارجية السورية» named earlier: an unnamed source
                actor = self.registry.resolve(phrase, date=self.date, article_id=self.article_id,
                                              article_text=self._context(before))
                if getattr(actor, "known", False) or actor.role != "official_unnamed":
                    actor = None
            if actor is not None and (statement or stem in _norm(actor.name)):
                return actor
        return None

    def _body_by_kind(self, head: str, before: int):
        """The latest registry body in the text that the registry says goes by this head word."""
        candidates = self._by_kind.get(head) if self._by_kind else None
        if not candidates:
            return None
        text_words = " " + " ".join(self._words_before(before)) + " "
        best, best_at = None, -1
        for alias, actor_id in candidates:
            at = text_words.rfind(" " + " ".join(alias) + " ")
            if at > best_at:
                best, best_at = actor_id, at
        return self.registry.get(best, self.date) if best is not None else None

    def _latest_compatible(self, kind: str):
        """The latest speaker of a compatible kind; a statement («البيان») prefers a body, and
        an office holder's statement is their office's («الرئاسة الفرنسية» for ماكرون)."""
        if kind == "any":
            for sp in reversed(self.history[-_HISTORY:]):
                if _compatible("body", sp.actor):
                    return sp.actor
            body = self._office_body(self.history[-1].actor) if self.history else None
            if body is not None:
                return body
        for sp in reversed(self.history[-_HISTORY:]):
            if _compatible(kind, sp.actor):
                return sp.actor
        return None

    def _office_body(self, actor):
        """The body an office holder speaks through (the registry's ``office_body``), or None."""
        return self.registry.office_body(actor, self.date)

    def _resolve(self, mention: str, before: int):
        """The actor of a speaker mention at ``before``: through a statement's issuer or an
        office, a generic mention's antecedent, the name before an apposition, or the registry;
        an unnamed source takes the article's country and stays one actor per article. A gloss
        in brackets after a body is no part of its name («حزب الشعب الجمهوري (ديمقراطي اشتراكي)»);
        it names the actor when the words before it do not («جهاز الأمن الداخلي (شين بيت)»)."""
        if "(" in mention and self.registry.lexicon.body_words.match_at(_norm(mention).split()[:3], 0) is not None:
            return self._resolve_glossed(mention, before)  # a body's gloss (a person's stays part of it)
        found = self._through_issuer(mention, before)
        if found is not None:
            return found
        kind = anaphoric_kind(mention, self.registry.lexicon)
        if kind is None and self._by_kind and len(mention.split()) == 1 and _norm(mention) in self._by_kind:
            kind = "body"  # a head word the registry knows bodies by («الحلف», «المرصد»)
        if kind is not None:
            found = self._lookup(mention, before) or self._antecedent(mention, kind, before)
            if found is not None:
                return found
        mention = self._apposition(mention, before)
        actor = self._resolved.get(mention)
        if actor is None:  # a name recurs in an article: resolve it once
            actor = self._resolved[mention] = self.registry.resolve(
                mention, date=self.date, article_id=self.article_id, article_text=self._context(before))
        words = mention.split()
        if not getattr(actor, "known", True) and actor.role != "official_unnamed":
            earlier = self._titled_earlier(mention)
            if earlier is not None:
                return earlier
        if not getattr(actor, "known", True) and len(words) == 2 and words[0] in ANAPHORIC_HEADS \
                and actor.role != "official_unnamed":
            # «المركز الروسي», «المنظمة الدولية»: a generic head with an adjective refers back too,
            # to an antecedent that agrees with the adjective
            ante = self._antecedent(words[0], ANAPHORIC_HEADS[words[0]], before)
            country = self.registry.title_info(mention)[0]
            if ante is not None and ((words[1].startswith("ال") and ante.country == country) or
                                     _norm(words[1]).rstrip("ه") in _norm(ante.name)):
                # (an adjective that agrees, or the antecedent's own name: «الشيخ تميم»; not another
                # name, «الجنرال صالح» after the analyst فيصل مطاوي)
                return ante
        if not getattr(actor, "known", True) and actor.country is None:
            actor = self._country_of_the_body_spoken_for(actor, mention, before)
        if not getattr(actor, "known", True) and actor.country is None:
            actor = self._country_of_the_body_headed(actor, mention)
        if not getattr(actor, "known", True) and actor.country is None:
            actor = self._country_given_before(actor)
        return self._unnamed_source(actor, mention)

    def _resolve_glossed(self, mention: str, before: int):
        """A body mention with a gloss in brackets: the words around the gloss when they name a
        known actor, else the gloss when it glosses the whole mention, else the mention read
        without its brackets (a name marker in them keeps the brackets' name)."""
        head, _, rest = mention.partition("(")
        gloss, closed, tail = rest.partition(")")
        bare = " ".join((head + " " + tail if closed else head).split())
        actor = self._resolve(bare, before) if bare and "(" not in bare else None
        if actor is not None and getattr(actor, "known", True):
            return actor
        if gloss.split()[:1] and _norm(gloss.split()[0]) in self.registry.lexicon.name_markers:
            actor = None  # «الثاني (ويدعى إحسان الله)»: the name is in the brackets
        elif gloss.strip() and not tail.strip():  # a gloss of the whole mention, not of one word of it
            known = self._lookup(gloss.strip(), before)  # («المتحدث باسم وزارة الدفاع (البنتاغون) أدريان غالاواي»)
            if known is not None:
                return known
        return actor if actor is not None else self._resolve(" ".join(mention.replace("(", " ").replace(")", " ").split()),
                                                             before)

    def _country_given_before(self, actor):
        """«ستولتنبرغ» after «الأمين العام ينس ستولتنبرغ» (whose country an earlier mention gave):
        one person, one country in an article."""
        for sp in reversed(self.history):
            if sp.actor.id == actor.id and sp.actor.country:
                return dataclasses.replace(actor, country=sp.actor.country)
        return actor

    def _country_of_the_body_headed(self, actor, mention: str):
        """«وشجب حلف الناتو ... وأكد الأمين العام ينس ستولتنبرغ»: a body head's title with no
        body in the mention heads the last body that spoke, and takes its country."""
        norms = _norm(mention).split()
        lex = self.registry.lexicon
        m = lex.title_table.match_at(norms, 0) if norms else None
        if m is None or not m.payloads[0].body_office or lex.country_table.scan(norms, m.end) \
                or lex.body_words.scan(norms, m.end) or m.end >= len(norms) or norms[m.end].startswith("ال"):
            return actor  # (its own body after the title: «مدير المركز العميد ...»)
        for sp in reversed(self.history[-_HISTORY:]):
            if getattr(sp.actor, "type", "") == "body":
                return dataclasses.replace(actor, country=sp.actor.country) if sp.actor.country else actor
        return actor

    def _country_of_the_body_spoken_for(self, actor, mention: str, before: int):
        """«أحمد محجوب، المتحدث باسم الوزارة» after «وزارة الخارجية العراقية»: a spokesperson of a
        body named by a word that refers back takes that body's country (the person stays his own)."""
        m = _SPOKEN_FOR.search(mention)
        head = m.group(1) if m else None
        if head not in ANAPHORIC_HEADS:
            return actor
        ante = self._antecedent(head, ANAPHORIC_HEADS[head], before)
        if ante is None or not getattr(ante, "country", None) \
                or _norm(head[2:]) not in _norm(ante.name):
            return actor  # the body must be of that kind: «الوزارة» a ministry, «الحزب» a party
        return dataclasses.replace(actor, country=ante.country)

    def _titled_earlier(self, mention: str):
        """«وحرص رئيس الوزراء على ...» after «رئيس الوزراء الفرنسي إدوار فيليب»: a title (with
        its country or description: «المتحدث باسم الرئاسة التركية» after «المتحدث باسم الرئاسة
        التركية إبراهيم قالن») the registry cannot place refers back to the latest speaker
        introduced with those words and more (a country, a name)."""
        norms = _norm(mention).split()
        lex = self.registry.lexicon
        m = lex.title_table.match_at(norms, 0) if norms else None
        if m is None:
            return None  # a title, with its country or description («المتحدث باسم الرئاسة التركية»)
        for sp in reversed(self.history[-_HISTORY:]):
            before = _norm(sp.mention).split()
            if len(before) > len(norms) and before[:len(norms)] == norms and (
                    len(norms) == m.end + (lex.country_at(norms, m.end) is not None)  # the title alone
                    or getattr(sp.actor, "known", True)
                    or " ".join(before[lex.skip_honorifics(before, len(norms)):]) == _norm(sp.actor.name)):
                # (the title, then the name: not «خطيبة خاشقجي في إجابات مكتوبة ...» for «خطيبة خاشقجي»)
                return sp.actor
        return None

    def _through_issuer(self, mention: str, before: int):
        """«بيان الوكالة», «بيان للإليزيه»: a statement speaks for its issuer; «مكتب وزير الخارجية
        اللبناني جبران باسيل»: a holder's office speaks for their body. None otherwise."""
        words = mention.split()
        if len(words) < 2:
            return None
        first = _norm(words[0])
        if first in _STATEMENT_STEMS:
            issuer = " ".join(words[1:])
            if issuer.startswith("لل"):
                issuer = "ال" + issuer[2:]
            elif issuer.startswith("ل") and not self.registry.lookup(issuer, date=self.date):
                issuer = issuer[1:]
            if anaphoric_kind(issuer) is not None or self._lookup(issuer, before):
                return self._resolve(issuer, before)
        if first in _OFFICE_STEMS:
            return self._office_body(self._resolve(" ".join(words[1:]), before))
        return None

    def _apposition(self, mention: str, before: int) -> str:
        """The part of «A، B» that names the speaker: «السعودية، الخصم الإقليمي لإيران» -> A,
        «زوجة الرئيس السوري بشار الأسد، أسماء الأسد» -> B (her name)."""
        if "،" not in mention:
            return mention
        head_segment, _, tail = mention.partition("،")
        head_segment = head_segment.strip()
        tail_actor = self._lookup(tail, before)
        if head_segment and self._lookup(head_segment, before) is not None \
                and getattr(tail_actor, "type", None) != "person":
            return head_segment
        if head_segment and _norm(head_segment).split()[0] in _RELATIVE_OF and 0 < len(tail.split()) <= 3:
            return tail.strip()
        return mention

    def _unnamed_source(self, actor, mention: str):
        """An unnamed source without a country speaks for the country the article is about;
        «المسؤول الأردني» after «مصدر أردني رفيع المستوى» is the same source, a new indefinite
        mention («مصدر رسمي في وزارة الخارجية») another one."""
        if not actor.country and not getattr(actor, "known", True) and actor.role in ("official_unnamed",):
            if self._country is False:
                self._country = self.registry.article_country(self.text)
            if self._country:
                actor = dataclasses.replace(actor, country=self._country)
        if actor.role != "official_unnamed":
            return actor
        key = actor.country or "?"
        if mention.strip().startswith("ال"):
            if key in self._unnamed:
                return self._unnamed[key]
            # «المسؤول العسكري الإيراني» after «محمد علوي» named: the same official
            for sp in reversed(self.history[-_HISTORY:]):
                a = sp.actor
                if a.country == actor.country and getattr(a, "type", "person") == "person" \
                        and a.role in _PERSON_ROLES:
                    return a
        self._unnamed[key] = actor
        return actor

    def is_source(self, mention: str, before: int) -> bool:
        """Whether a mention names someone who can be a source: an actor the registry knows,
        or an unknown one it can place (an unnamed official, a spokesperson, a government) —
        not «قول مغردين», «التقويم الشرقي». Nothing is added to the article's speakers."""
        actor = self._resolve(mention, before)
        return actor is not None and (getattr(actor, "known", True) or getattr(actor, "role", "other") != "other")

    def explicit(self, mention: str, gender: str, before: int = 0) -> Speaker:
        sp = Speaker(mention, self._resolve(self._nominative(mention), before), gender)
        self.history.append(sp)
        return sp

    def _nominative(self, mention: str) -> str:
        """«مسؤولا في البنتاغون», «مصدرا أمنيا» (accusative after «لكن», «أن») read as
        «مسؤول في البنتاغون», «مصدر أمني»: the head word and its nisba adjectives without the
        alif of the accusative, when the head without it is an unnamed-official, title or group
        word."""
        words = mention.split()
        if not words or not words[0].endswith("ا") or words[0].endswith("ها") or len(words[0]) < 4:
            return mention  # (not «والدها», «زوجها»: a possessive)
        if len(words) > 1 and not (words[1].endswith("يا") or words[1] in _NOMINATIVE_NEXT
                                   or words[1].startswith(("ب", "ل"))):
            return mention  # «وزيرا خارجية الدولتين»: a dual in construct, two ministers
        if self.registry.title_info(words[0][:-1])[1] is None:
            return mention  # the head without the alif is no official, title or body word
        out = [words[0][:-1]]
        for k, w in enumerate(words[1:], 1):
            if w.endswith("يا") and not w.startswith("ال"):
                out.append(w[:-1])  # «أمنيا» -> «أمني»
            else:
                out.extend(words[k:])
                break
        return " ".join(out)

    def _feminine_subject(self, before: int) -> Speaker | None:
        """The latest woman the narration names by a feminine title before ``before``
        («واصلت السفيرة الأمريكية نيكي هايلي الضغط ... وقالت»), as a speaker."""
        window = self.text[max(0, before - 600):before]
        at = max((window.rfind(w) for w in _FEMININE_TITLES), default=-1)
        if at < 0:
            return None
        phrase = regex.split(r"[،,.:؛\n\"«»“”(]", window[at:], maxsplit=1)[0].split()[:6]
        words = []
        for w in phrase:  # the title, its adjectives and the name after it; not the verb's object
            if words and w in _NAME_ENDS:
                break
            words.append(w)
        if not words:
            return None
        sp = Speaker(" ".join(words), self._resolve(" ".join(words), before), "f")
        self.history.append(sp)
        return sp

    def carried(self, gender: str, first_person: bool = False, before: int | None = None,
                honorific: str | None = None) -> Speaker | None:
        """The speaker a quote without a subject continues: the latest whose gender agrees
        with the verb; words in the first person singular («لا أعتقد») are a person's, not a
        body's («وأعلن الجيش ...» between them does not take them over); after an honorific
        pronoun («وثمن سموه») the latest named with its words (a prince for «سموه»)."""
        found = None
        if honorific in _HONORIFIC_ANTECEDENTS:
            marks = _HONORIFIC_ANTECEDENTS[honorific]
            found = next((sp for sp in reversed(self.history[-_HISTORY:]) if sp.gender == gender
                          and any(f" {m} " in f" {_norm(sp.mention)} " for m in marks)), None)
        if found is None and first_person:
            found = next((sp for sp in reversed(self.history[-_HISTORY:])
                          if sp.gender == gender and getattr(sp.actor, "type", "person") == "person"), None)
        if found is None:
            found = next((sp for sp in reversed(self.history[-_HISTORY:]) if sp.gender == gender), None)
        if found is None and gender == "f" and before is not None:
            found = self._feminine_subject(before)
        if found is None:
            return self.history[-1] if self.history else None
        if found is not self.history[-1]:
            self.history.append(found)  # the next «وأضاف» continues the one who spoke last
        return found


_FEMININE_TITLES = words("feminine_titles")
_HONORIFIC_ANTECEDENTS = {normalize_ar(k): tuple(normalize_ar(w) for w in v)
                          for k, v in words("honorific_antecedents").items()}
_NAME_ENDS = frozenset(words("feminine_name_ends"))  # the verb's object or content begins
_NOMINATIVE_NEXT = frozenset(words("prepositions")) | frozenset(words("event_prepositions"))
_ISSUED = frozenset(words("issued"))  # «بيان صادر عن الرئاسة»: the issuer follows
_ISSUED_BY = words("issued_by")[0]
_FIRST_PERSON = frozenset(words("first_person"))


def first_person_singular(quote: str, words: int = 12) -> bool:
    """Whether a quotation speaks in the first person singular («لا أعتقد أن ...», «أنا ...»)."""
    return any(w in _FIRST_PERSON for w in normalize_ar(quote).split()[:words])
