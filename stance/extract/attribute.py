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

from dataclasses import dataclass

from stance.text import normalize_ar

from .lexicon import ANAPHORIC_HEADS


@dataclass
class Speaker:
    mention: str
    actor: object  # stance.actors.Actor
    gender: str


_PERSON_ROLES = {"head_of_state", "head_of_government", "foreign_minister", "minister",
                 "security_official", "spokesperson", "official_unnamed", "other"}
_BODY_ROLES = {"government", "ministry", "militia", "party", "agency", "international_org", "other",
               "security_official"}


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
    return True


def anaphoric_kind(mention: str) -> str | None:
    """The kind of antecedent a bare generic mention wants, or None for a real mention."""
    words = mention.split()
    if not words or len(words) > 2:
        return None
    head = words[0]
    if head in ANAPHORIC_HEADS:
        # «المسؤول الأردني» carries a country: a real (unnamed) mention, not an anaphor
        if len(words) == 2 and words[1].startswith("ال") and words[1].endswith(("ي", "ية")):
            return None
        return ANAPHORIC_HEADS[head]
    return None


class Attributor:
    """Per-article speaker state; create one per article (no state shared across articles)."""

    def __init__(self, registry, article_id: str, date, text: str):
        self.registry = registry
        self.article_id = article_id
        self.date = date
        self.text = text
        self.history: list[Speaker] = []
        self._unnamed: dict[str, object] = {}

    def _resolve(self, mention: str):
        reg = self.registry
        kind = anaphoric_kind(normalize_ar(mention) and mention)
        if kind is not None:
            known = reg.lookup(mention, date=self.date, article_text=self.text)
            if known is not None:
                return known
            for sp in reversed(self.history):
                if _compatible(kind, sp.actor):
                    return sp.actor
        actor = reg.resolve(mention, date=self.date, article_id=self.article_id, article_text=self.text)
        if actor.role == "official_unnamed":
            key = actor.country or "?"
            if key in self._unnamed:
                return self._unnamed[key]
            self._unnamed[key] = actor
        return actor

    def explicit(self, mention: str, gender: str) -> Speaker:
        sp = Speaker(mention, self._resolve(mention), gender)
        self.history.append(sp)
        return sp

    def carried(self, gender: str) -> Speaker | None:
        for sp in reversed(self.history):
            if sp.gender == gender:
                return sp
        return self.history[-1] if self.history else None
