"""Pairing quotation marks inside a paragraph.

Arabic news mixes «», “”, ”…”, „“ and straight quotes, often within one article. A mark
opens when none is pending and closes the pending one otherwise (« only opens, » only
closes); a mark left open at the end of the paragraph runs to the paragraph's end, the
convention for a quotation continued in the next paragraph.
"""

from __future__ import annotations

_OPEN_ONLY = "«"
_CLOSE_ONLY = "»"
_AMBIGUOUS = "\"“”„‟″"


def mark_spans(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """``(open, close, closed)`` for each pair in ``text[start:end]``.

    ``open`` is the index of the opening mark, ``close`` the index of the closing mark (or
    ``end`` when unclosed), ``closed`` tells which.
    """
    spans: list[tuple[int, int, bool]] = []
    pending: int | None = None
    for i in range(start, end):
        ch = text[i]
        if ch in _OPEN_ONLY:
            if pending is None:
                pending = i
        elif ch in _CLOSE_ONLY:
            if pending is not None:
                spans.append((pending, i, True))
                pending = None
        elif ch in _AMBIGUOUS:
            if pending is None:
                # a mark glued to a letter on its left and space on its right closes nothing
                pending = i
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
