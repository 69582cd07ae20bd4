"""Known names from the actor registry, to find where a speaker's name ends.

«أكد بن سلمان ضرورة المساواة»: without knowing that «بن سلمان» is a name, nothing tells
the speaker from the object. The index holds every registry name and alias as a tuple of
normalized words; it is plain data, so an Extractor holding it still pickles.
"""

from __future__ import annotations

import functools

from stance.text import normalize_ar

from .lexicon import ANAPHORIC_HEADS, TITLE_WORDS, words
from .registry import ActorRegistry

_MAX_WORDS = 6


@functools.lru_cache(maxsize=16384)  # the same words recur
def _norm_word(word: str) -> str:
    """A word normalized for name lookup; a word with a quotation glued on («للطفولة"اليونيسيف"»)
    is looked up by its first part."""
    return normalize_ar(word).split(" ", 1)[0]


_GENERIC = frozenset(normalize_ar(w) for w in TITLE_WORDS | set(ANAPHORIC_HEADS) | set(words("generic_names")))


class NameIndex:
    def __init__(self, registry: ActorRegistry):
        names: set[tuple[str, ...]] = set()
        persons: set[tuple[str, ...]] = set()
        by_kind: dict[str, set] = {}
        actors = registry.actors()
        for actor in actors:
            is_person = getattr(actor, "type", "") == "person"
            actor_kinds = [normalize_ar(k) for k in getattr(actor, "kinds", ()) or ()]
            spellings = [actor.name, *registry.aliases_of(actor.id)]
            for s in spellings:
                words = tuple(normalize_ar(s).split())
                if len(words) == 1 and words[0] in _GENERIC:
                    continue  # «سفير», «المنظمة»: a title or an anaphor, not a name
                if 0 < len(words) <= _MAX_WORDS:
                    names.add(words)
                    if is_person and len(words) >= 2:
                        persons.add(words)
                    for k in actor_kinds:  # «الحلف» may refer back to «حلف شمال الأطلسي» / «الناتو»
                        by_kind.setdefault(k, set()).add((words, actor.id))
        self.persons = frozenset(persons)
        self.person_words = frozenset(w for p in persons for w in p)  # «بوليانسكي» is a name word
        self.by_kind = {k: tuple(v) for k, v in by_kind.items()}
        # country names and capitals («باكستان», «دمشق») close a speaker phrase like names do
        for s in registry.country_spellings():
            words = tuple(normalize_ar(s).split())
            if 0 < len(words) <= _MAX_WORDS:
                names.add(words)
        self.names = frozenset(names)
        self.given_names = frozenset(registry.lexicon.given_names)
        self.lexicon = registry.lexicon  # country words: a nisba family name names no country

    def given_name(self, word: str) -> bool:
        """Whether ``word`` is a common first name of the registry's titles.yaml («أيمن», «عمر»)."""
        return _norm_word(word) in self.given_names

    def name_word(self, word: str) -> bool:
        """Whether ``word`` can only be part of a person's name: undetermined, and no title,
        body, honorific, modifier, country or person word of the registry's lexicon, nor a
        name of a body or place: «جوناثان», «قالن», «بوليانسكي»; not «الأمم», «ميليشيات»,
        «تركيا», «دمشق»."""
        from stance.actors.speakers import speaker_words

        w = _norm_word(word)
        if not w or word.startswith(("ال", "لل")) or w[:1].isdigit() \
                or ((w,) in self.names and w not in self.person_words):
            return False  # (the definite article read as written: «آلانان» folds to «الانان»)
        lex, norms = self.lexicon, [w]
        if any(t.match_at(norms, 0) is not None for t in (
                lex.title_table, lex.body_words, lex.honorifics, lex.modifiers, lex.unnamed_table,
                lex.group_heads, lex.unnamed_prefixes)):
            return False
        sw = speaker_words()
        return lex.country_word(norms, 0) is None and sw.person_nouns.match_at(norms, 0) is None \
            and w not in sw.not_heads and w not in sw.phrase_ends

    def person_at(self, words: list[str], within: int = 5) -> tuple[int, int] | None:
        """``(offset, length)`` of the first known person's full name (two words or more)
        among the first ``within`` positions of ``words``."""
        norm = [_norm_word(w) for w in words[:within + _MAX_WORDS]]
        for i in range(min(within, len(norm))):
            for k in range(min(_MAX_WORDS, len(norm) - i), 1, -1):
                if tuple(norm[i:i + k]) in self.persons:
                    return i, k
        return None

    def name_len(self, words: list[str]) -> int:
        """How many leading ``words`` form a known name or alias (0 when none)."""
        norm = [_norm_word(w) for w in words[:_MAX_WORDS]]
        for k in range(len(norm), 0, -1):
            if tuple(norm[:k]) in self.names:
                return k
        return 0
