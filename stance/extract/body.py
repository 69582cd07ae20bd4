"""Where the article body ends: page furniture and appended teasers are not article text.

Two general signals, per ``codebook.md`` §1 ("Not quotes"):

* a furniture line (comment boxes, follow/share widgets, related links, "back to top")
  ends the body, and so do trailing short lines without sentence punctuation (bylines,
  reader comments);
* a trailing run of three or more self-contained paragraphs that do not continue the
  story (none opens with a connective such as و/ف/ثم/لكن) is a block of teasers for other
  stories, as appended to many news pages.
"""

from __future__ import annotations

from .lexicon import CONNECTIVE_RE, FURNITURE_RE, LINK_LINE_RE

_TEASER_MAX_CHARS = 600
_TEASER_MIN_RUN = 3
_SHORT_LINE = 80


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the non-blank lines of ``text``."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            spans.append((pos, end))
        pos = end + 1
    return spans


def body_paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans of the article body, with furniture and teasers removed."""
    paras = [(s, e) for s, e in paragraphs(text) if not LINK_LINE_RE.match(text[s:e])]
    for i, (s, e) in enumerate(paras):
        if i > 0 and FURNITURE_RE.match(text[s:e]):
            paras = paras[:i]
            break
    # trailing bylines / reader comments: short lines without a sentence end
    while len(paras) > 1:
        s, e = paras[-1]
        line = text[s:e].strip()
        if len(line) < _SHORT_LINE and not line.endswith((".", "!", "؟", "\"", "»", "”")):
            paras.pop()
        else:
            break
    # appended teasers: a trailing run of self-contained paragraphs
    k = len(paras)
    while k > 1:
        s, e = paras[k - 1]
        line = text[s:e]
        if len(line) > _TEASER_MAX_CHARS or CONNECTIVE_RE.match(line):
            break
        k -= 1
    if len(paras) - k >= _TEASER_MIN_RUN and k >= 1:
        paras = paras[:k]
    return paras
