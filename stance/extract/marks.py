"""Pairing quotation marks inside a paragraph.

Arabic news mixes «», “”, ”…”, „“ and straight quotes, often within one article. A mark
opens when none is pending and closes the pending one otherwise (« only opens, » only
closes); an ambiguous mark is read as opening or closing from the characters around it, and
an opener after an unclosed opener replaces it; a mark left open at the end of the paragraph
runs to the paragraph's end, the convention for a quotation continued in the next paragraph.
"""

from __future__ import annotations

import re

_OPEN_ONLY = "«"
_CLOSE_ONLY = "»"
_AMBIGUOUS = "\"“”„‟″"
_ANY_MARK = re.compile("[" + re.escape(_OPEN_ONLY + _CLOSE_ONLY + _AMBIGUOUS) + "]")


def _orientation(text: str, i: int, start: int, end: int) -> str:
    """'open', 'close' or '?' for an ambiguous mark, from the characters around it."""
    prev = text[i - 1] if i > start else " "
    nxt = text[i + 1] if i + 1 < end else " "
    word_prev = prev.isalnum() and prev not in "بلوكـ"
    word_next = nxt.isalnum()
    if (prev.isspace() or prev in "(:،,ـ" or prev in "بلوك") and word_next:
        return "open"
    if (word_prev or prev in ".!?؟)…") and (nxt.isspace() or nxt in ".,،:؛;)!?؟-" or i + 1 >= end):
        return "close"
    return "?"


def mark_spans(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """``(open, close, closed)`` for each pair in ``text[start:end]``.

    ``open`` is the index of the opening mark, ``close`` the index of the closing mark (or
    ``end`` when unclosed), ``closed`` tells which.
    """
    spans: list[tuple[int, int, bool]] = []
    pending: int | None = None
    for mm in _ANY_MARK.finditer(text, start, end):  # only the marks, not every character
        i = mm.start()
        ch = text[i]
        if ch in _OPEN_ONLY:
            if pending is None:
                pending = i
        elif ch in _CLOSE_ONLY:
            if pending is not None:
                spans.append((pending, i, True))
                pending = None
        elif ch in _AMBIGUOUS:
            side = _orientation(text, i, start, end)
            if pending is None:
                if side != "close":
                    pending = i
            elif side == "open" and _orientation(text, pending, start, end) == "open":
                pending = i  # two openers in a row: the first was stray (nesting is rare in news)
            else:
                spans.append((pending, i, True))
                pending = None
    if pending is not None:
        spans.append((pending, end, False))
    return spans


def inside(spans: list[tuple[int, int, bool]], pos: int) -> tuple[int, int, bool] | None:
    """The mark span strictly containing ``pos``, if any."""
    for o, c, closed in spans:
        if o < pos < c:
            return (o, c, closed)
    return None
