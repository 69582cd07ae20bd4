"""One paragraph, indexed once: quotation spans, sentence ends, complementizers, colons,
reporting verbs and the places where a clause may end, each as a sorted list of offsets.

The rules ask questions such as "the first sentence end after this verb outside quotation
marks" or "is this offset inside a quotation"; each is a binary search here instead of a new
scan of the paragraph, so the time of a paragraph grows with its length, not with its length
times the number of reporting verbs in it (an article of 200,000 «وقال» used to take minutes).
The indices other than the spans and triggers are built on first use.
"""

from __future__ import annotations

import bisect
import itertools
import re

import regex

from .lexicon import CLAUSE_CONNECTIVES, COMP_RE, DEFAULT_VERBS, VerbLexicon, words
from .marks import mark_spans

# a sentence end: not the full stop of an abbreviation or initial (words.yaml ``initials``)
SENT_END = regex.compile(r"(?<!(?:^|[\s(«\"])(?:" + "|".join(map(regex.escape, words("initials")))
                         + r"))[.](?=[\s\"«»“”]|$)|[؟!?](?=[\s\"«»“”]|$)|\n")
DATELINE = words("dateline")  # «دبي، الإمارات العربية المتحدة (CNN)-- »: ends like a sentence
# a word: no space nor comma, colon or semicolon. The standard library's engine finds these ~2x
# faster than the regex module; the class spells out the regex module's \s (Unicode White_Space),
# which differs from re's (that also has \x1c-\x1f), so the words are the same
WORD = re.compile("[^\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000،,:؛;]+")
TAIL_RE = words("tail")  # an attribution tail: «، وفقا لـ», «بحسب»
_TAIL_LEAD = r"\s*[،,]?\s*"
TAIL_CORE = regex.compile(TAIL_RE.pattern[len(_TAIL_LEAD):] if TAIL_RE.pattern.startswith(_TAIL_LEAD)
                          else TAIL_RE.pattern)
NARRATION_AFTER_COMMA = words("narration_after_comma")  # «، ما سيشكل», «، والتي», «، وسط»
OBJECT_CLAUSE = words("object_clause_after_comma")  # «، لكنها تراجعت» after a noun-phrase object
_COMMA_WS = regex.compile(r"[،,]\s*")
_COMMA_CHAR = regex.compile(r"[،,]")
_COMMA_LEAD = r"\s*[،,]\s*"  # how the narration and object-clause patterns open
_WORD_BEFORE = regex.compile(r"(?<![^\s،,])(\p{L}+)\s+$")  # the word right before a verb
_COLON = regex.compile(r":")
# how far to the left the rules look for a subject or a clause opener (a subject is at most
# 14 words; no sentence of the news pool is this long)
LEFT_WINDOW = 600


def count_words(text: str, start: int, end: int, cap: int) -> int:
    """Words in ``text[start:end]``, counted up to ``cap`` (enough to compare with a threshold
    without reading a long span to its end)."""
    n = 0
    if cap > 0:
        for _ in WORD.finditer(text, start, end):  # a plain loop: no generator nor islice
            n += 1
            if n == cap:
                break
    return n


def tokens(text: str, start: int, end: int, cap: int | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` of the words of ``text[start:end]`` (the first ``cap`` only)."""
    it = WORD.finditer(text, start, end)
    if cap is not None:
        it = itertools.islice(it, cap)
    return [(m.start(), m.end(), m.group()) for m in it]


class _lazy:
    """``functools.cached_property`` without its lock (Python 3.11 takes one at every first
    access, a measurable cost at several indices per paragraph)."""

    def __init__(self, func):
        self.func, self.name = func, func.__name__

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value


def _first_at_or_after(xs: list[int], pos: int) -> int | None:
    i = bisect.bisect_left(xs, pos)
    return xs[i] if i < len(xs) else None


class Paragraph:
    """``text[start:end]`` with its quotation spans and reporting verbs, and lazily built
    sorted indices for the rules' look-ups. Plain data: one per paragraph, never shared."""

    def __init__(self, text: str, start: int, end: int, lex: VerbLexicon = DEFAULT_VERBS,
                 after_quote: bool = False):
        self.text, self.start, self.end, self.lex = text, start, end, lex
        self.after_quote = after_quote  # a quote came before, in an earlier paragraph
        self.spans = mark_spans(text, start, end)
        self._opens = [o for o, _, _ in self.spans]
        self.triggers = list(lex.iter_triggers(text, start, end))
        self.trig = {t.start(): t for t in self.triggers}
        self._tail_found: dict[str, tuple[list[int], list[int]]] = {}

    # --- quotation spans -----------------------------------------------------------------
    def inside(self, pos: int, spans=True) -> tuple[int, int, bool] | None:
        """The quotation span strictly containing ``pos`` (None with ``spans=False``)."""
        if not spans:
            return None
        i = bisect.bisect_left(self._opens, pos) - 1
        if i >= 0 and pos < self.spans[i][1]:
            return self.spans[i]
        return None

    def has_span_between(self, pos: int, until: int) -> bool:
        """Whether a quotation span opens in ``[pos, until)``."""
        i = bisect.bisect_left(self._opens, pos)
        return i < len(self._opens) and self._opens[i] < until

    def spans_from(self, pos: int, until: int):
        """The quotation spans opening in ``[pos, until)``, in order."""
        for i in range(bisect.bisect_left(self._opens, pos), len(self.spans)):
            if self.spans[i][0] >= until:
                return
            yield self.spans[i]

    # --- sentence ends -------------------------------------------------------------------
    @_lazy
    def _ends(self) -> tuple[list[int], list[int]]:
        all_ends = [m.start() for m in SENT_END.finditer(self.text, self.start, self.end)]
        d = DATELINE.match(self.text[self.start:min(self.end, self.start + 160)])
        if d is not None and d.end() < self.end - self.start:
            all_ends = sorted([self.start + d.end() - 1, *all_ends])
        return all_ends, [e for e in all_ends if self.inside(e) is None]

    def sentence_starts(self) -> list[int]:
        """Offsets just after each sentence end outside quotation marks."""
        return [e + 1 for e in self._ends[1]]

    def sentence_end(self, pos: int, limit: int, spans=True) -> int:
        """First sentence end at or after ``pos`` (outside quotation marks unless
        ``spans=False``), or ``limit``; a full stop just before ``limit`` counts."""
        e = _first_at_or_after(self._ends[1 if spans else 0], pos)
        best = e if e is not None and e < limit else limit
        last = limit - 1
        if pos <= last < best and self.text[last] in ".؟!?" and self.inside(last, spans) is None:
            best = last  # as a scan of text[pos:limit] would see it: its end is a sentence end
        return best

    # --- complementizers and colons ------------------------------------------------------
    @_lazy
    def _comps(self) -> tuple[list[int], list]:
        found = [m for m in COMP_RE.finditer(self.text, self.start, self.end) if self.inside(m.start()) is None]
        return [m.start() for m in found], found

    def first_comp(self, pos: int, until: int):
        """The first complementizer outside quotation marks starting in ``[pos, until)``."""
        starts, found = self._comps
        i = bisect.bisect_left(starts, pos)
        if i < len(starts) and starts[i] < until and found[i].end() <= until:
            return found[i]
        return None

    @_lazy
    def _colons(self) -> list[int]:
        return [m.start() for m in _COLON.finditer(self.text, self.start, self.end)
                if self.inside(m.start()) is None]

    def first_colon(self, pos: int, until: int) -> int | None:
        c = _first_at_or_after(self._colons, pos)
        return c if c is not None and c < until else None

    # --- where a reported clause ends ----------------------------------------------------
    def _tails(self, name: str) -> tuple[list[int], list[int]]:
        """The starts of the tail pattern ``name``, all and outside quotation marks; each
        pattern is scanned on its first use (most paragraphs only need the tails of
        «، بحسب X»)."""
        found = self._tail_found.get(name)
        if found is None:
            starts = self._tail_starts(name) if name == "tail" else \
                self._comma_starts(NARRATION_AFTER_COMMA if name == "narration" else OBJECT_CLAUSE)
            found = self._tail_found[name] = (starts, [s for s in starts if self.inside(s) is None])
        return found

    def _comma_starts(self, pat) -> list[int]:
        """Where the matches of a pattern that opens with «\\s*[،,]\\s*» start, as a scan with it
        would find them, trying it only at the spaces before each comma (a scan tries every
        character)."""
        if not pat.pattern.startswith(_COMMA_LEAD):  # a words file whose pattern needs no comma
            return [m.start() for m in pat.finditer(self.text, self.start, self.end)]
        text, starts, prev_end = self.text, [], self.start
        for c in _COMMA_CHAR.finditer(text, self.start, self.end):
            if c.start() < prev_end:
                continue
            j = c.start()
            while j > prev_end and text[j - 1].isspace():
                j -= 1
            m = pat.match(text, j, self.end)
            if m is not None:
                starts.append(j)
                prev_end = m.end()
        return starts

    def _tail_starts(self, name: str) -> list[int]:
        """Where the matches of the tail pattern start, as a scan with it would find them: the
        keywords are found first (the pattern's leading «\\s*[،,]?\\s*» makes a scan try every
        character), then each start is moved back over the spaces and comma before it."""
        text, starts, prev_end = self.text, [], self.start
        for m in TAIL_CORE.finditer(text, self.start, self.end):
            j = m.start()
            while j > prev_end and text[j - 1].isspace():
                j -= 1
            if j > prev_end and text[j - 1] in "،,":
                j -= 1
                while j > prev_end and text[j - 1].isspace():
                    j -= 1
            starts.append(j)
            prev_end = m.end()
        return starts

    def first_tail(self, name: str, pos: int, end: int, spans=True) -> int | None:
        """The first match of the tail pattern ``name`` starting in ``(pos, end)``."""
        starts = self._tails(name)[1 if spans else 0]
        s = _first_at_or_after(starts, pos + 1)
        return s if s is not None and s < end else None

    def according_tails(self) -> list[int]:
        """Starts of the tails outside quotation marks (candidates for «، بحسب X»)."""
        return self._tails("tail")[1]

    @_lazy
    def _participles(self) -> tuple[list[int], list[int]]:
        starts = [t.start() for t in self.triggers if t.participle]
        return starts, [s for s in starts if self.inside(s) is None]

    def first_participle(self, pos: int, end: int, spans=True) -> int | None:
        s = _first_at_or_after(self._participles[1 if spans else 0], pos + 1)
        return s if s is not None and s < end else None

    @_lazy
    def _comma_verbs(self) -> tuple[list[int], list[int], list[int], list[int]]:
        """Commas followed by a reporting verb: comma offsets and the verbs' offsets."""
        commas, verbs = [], []
        text, trig = self.text, self.trig
        for m in _COMMA_WS.finditer(text, self.start, self.end):
            if m.end() in trig:
                commas.append(m.start())
                verbs.append(m.end())
        # a conjunction that joins a new clause, after a comma or not: «، ولكنها قالت»,
        # «قتلوا فيما تحدث الثالث عن»: the clause ends before the conjunction
        for t in self.triggers:
            s = t.start()
            w = _WORD_BEFORE.search(text, max(self.start, s - 12), s)
            if w is None or w.group(1) not in CLAUSE_CONNECTIVES:
                continue
            cut = w.start(1)
            while cut > self.start and text[cut - 1] in " \t،,":
                cut -= 1
            if cut > self.start:
                commas.append(cut)
                verbs.append(s)
        order = sorted(range(len(commas)), key=commas.__getitem__)
        commas, verbs = [commas[i] for i in order], [verbs[i] for i in order]
        keep = [i for i, v in enumerate(verbs) if self.inside(v) is None]
        return commas, verbs, [commas[i] for i in keep], [verbs[i] for i in keep]

    def first_comma_verb(self, pos: int, end: int, spans=True) -> int | None:
        """A comma in ``[pos, end)`` followed by a reporting verb that starts by ``end``."""
        commas, verbs = self._comma_verbs[2:] if spans else self._comma_verbs[:2]
        i = bisect.bisect_left(commas, pos)
        if i < len(commas) and commas[i] < end and verbs[i] <= end:
            return commas[i]
        return None

    @_lazy
    def _waw_verbs(self) -> tuple[list[int], list[int], list[int], list[int]]:
        """Verbs with و after a space and a complementizer within 80 characters («، وقال إن»), or
        a quotation a few words on («وقال رودريغ "..."»): the verbs' offsets and where that
        complementizer (or the opening mark) ends."""
        at, comp_end = [], []
        for t in self.triggers:
            s = t.start()
            if t.participle or t.pre != "و" or s - 1 < self.start or not self.text[s - 1].isspace():
                continue
            cm = COMP_RE.search(self.text, t.end(), min(self.end, t.end() + 80))
            if cm is not None:
                at.append(s)
                comp_end.append(cm.end())
                continue
            mark = next(self.spans_from(t.end(), min(self.end, t.end() + 40)), None)
            if mark is not None and count_words(self.text, t.end(), mark[0], 5) <= 4:
                at.append(s)  # «... أنهما يشعران بالندم وقال رودريغ "لقد خدعت"»: his words,
                comp_end.append(mark[0] + 1)  # not the end of the report before
        keep = [i for i, s in enumerate(at) if self.inside(s) is None]
        return at, comp_end, [at[i] for i in keep], [comp_end[i] for i in keep]

    def first_waw_verb(self, pos: int, end: int, spans=True) -> int | None:
        """A space in ``[pos, end)`` before a «و» verb whose complementizer ends by ``end``."""
        at, comp_end = self._waw_verbs[2:] if spans else self._waw_verbs[:2]
        i = bisect.bisect_left(at, pos + 1)
        if i < len(at) and at[i] < end and comp_end[i] <= end:
            return at[i] - 1
        return None

    def word_window_end(self, pos: int, n: int) -> int:
        """The end of the ``n``-th word after ``pos`` (the paragraph's end when fewer); a word
        that ``pos`` is inside counts, and a scan from ``pos`` ends it where it ends."""
        m = None
        for m in itertools.islice(WORD.finditer(self.text, max(pos, self.start), self.end), n):
            n -= 1
        return m.end() if m is not None and n == 0 else self.end
