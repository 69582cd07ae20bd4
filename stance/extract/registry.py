"""What the extractor needs from an actor registry: a typed interface.

:class:`stance.actors.Registry` implements it; a user's own registry (a database, a service)
passed as ``Extractor(registry=...)`` needs the same members and nothing else — the extractor
reaches the registry only through them (``tests/test_extract_lexicon.py`` runs it through an
object that has exactly these). ``isinstance(obj, ActorRegistry)`` checks that they are there.
A custom registry that keeps the bundled title and country words sets
``lexicon = stance.actors.bundled_lexicon()``.
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from stance.actors.lexicon import Lexicon


@runtime_checkable
class ActorRegistry(Protocol):
    """The registry calls the extractor makes; an actor is an object with ``id``, ``name``,
    ``country``, ``role``, ``type`` (person/body), ``known`` and ``kinds``."""

    #: title, country, body and given-name words: the speaker-phrase reader reads a mention with them
    lexicon: Lexicon

    def resolve(self, mention: str, date=None, article_id: str | None = None,
                article_text: str | None = None) -> Any:
        """The actor a speaker mention names; an unknown one gets a stand-in (``known`` False)."""

    def lookup(self, mention: str, date=None, article_text: str | None = None) -> Any | None:
        """The known actor a mention names, or None."""

    def get(self, actor_id: str, date=None) -> Any | None:
        """The actor with this id (as of ``date``), or None."""

    def actors(self, country: str | None = None, role: str | None = None) -> list:
        """Every known actor (for the name index)."""

    def aliases_of(self, actor_id: str) -> list[str]:
        """Other spellings of an actor's name."""

    def office_body(self, actor: Any, date=None) -> Any | None:
        """The body an office holder speaks through («الرئاسة الفرنسية» for ماكرون), or None."""

    def title_info(self, mention: str) -> tuple[str | None, str | None]:
        """``(country, office)`` a title mention says, each None when it says none."""

    def article_country(self, text: str) -> str | None:
        """The country an article is mostly about, or None."""

    def name_span(self, norms: list[str], i: int) -> int:
        """How many of the normalized words ``norms`` from ``i`` on a known name or alias takes
        (0: none starts there)."""

    def full_name(self, surname: str, article_text: str) -> str | None:
        """The fuller name under which the article introduces a person it also calls ``surname``
        («أحمد خاتمي» for «خاتمي»), as written there, or None."""

    def country_spellings(self) -> list[str]:
        """Country names and capitals: they close a speaker phrase like names do."""
