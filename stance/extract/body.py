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
# a furniture line followed by more than this many characters (and by more than the body
# before it) is worth a warning: the rest of the input is probably not page furniture
# (in the news pool at most 2,123 characters follow one)
UNREAD_WARN = 5_000


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
    return read_body(text)[0]


def read_body(text: str) -> tuple[list[tuple[int, int]], int | None]:
    """The body's paragraph spans, and the offset of the furniture line that ended it (None
    when the body runs to the end of the text); what follows that line is not read."""
    paras = [(s, e) for s, e in paragraphs(text) if not LINK_LINE_RE.match(text[s:e])]
    cut = None
    for i, (s, e) in enumerate(paras):
        if i > 0 and FURNITURE_RE.match(text[s:e]):
            paras = paras[:i]
            cut = s
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
    return paras, cut


def unread_after_furniture(text: str, cut: int | None) -> int:
    """Characters left unread after a furniture line when that is more than a page's comment
    box or link list would hold: more than ``UNREAD_WARN`` characters and more than the text
    before the line. 0 otherwise (a normal page end)."""
    if cut is None:
        return 0
    unread = len(text) - cut
    return unread if unread > UNREAD_WARN and unread > cut else 0
