"""Arabic text helpers shared across steps: normalization for matching, article dates, and
text made safe to show (no direction overrides or terminal controls).

Normalization is for *matching* only (aliases, titles, actor names); offsets are always
taken on the article text exactly as given.
"""

from __future__ import annotations

import datetime as _dt
import email.utils
import re

import regex

# alef/hamza forms, alef maqsura and ta marbuta folded; diacritics (harakat, Quranic marks,
# superscript alef) and tatweel deleted. One regex deletion and a str.replace per letter: the
# same result as str.translate with a table, ~10x faster on Arabic text (translate looks up
# a dictionary per non-ASCII character; it ran on every article's whole text)
_FOLD_LETTERS = (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ى", "ي"), ("ة", "ه"), ("ؤ", "و"), ("ئ", "ي"))
_FOLD_DELETE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_NON_WORD = regex.compile(r"[^\p{L}\p{N}\s]+")
# anything but Arabic letters and plain spaces: without it (most mentions and words) _NON_WORD
# has nothing to drop, and the cheaper test skips it
_NOT_PLAIN_ARABIC = re.compile("[^\u0621-\u063a\u0641-\u064a ]")


def normalize_ar(text: str) -> str:
    """Fold spelling variants for matching: diacritics and tatweel removed, alef/hamza forms,
    alef maqsura and ta marbuta unified, punctuation (including '#') dropped, spaces collapsed.

    >>> normalize_ar("الرئيسُ الأميركيّ، #ترامب")
    'الرييس الاميركي ترامب'
    """
    text = _FOLD_DELETE.sub("", text)
    for letter, folded in _FOLD_LETTERS:
        text = text.replace(letter, folded)
    if _NOT_PLAIN_ARABIC.search(text) is not None:
        text = _NON_WORD.sub(" ", text)
    return " ".join(text.split())


def parse_date(value) -> _dt.date | None:
    """Parse an article date: ISO (``2015-03-01``, ``2015-03-01T10:00:00Z``), RFC 2822
    (``Tue, 05 Jun 2018 14:21:30 GMT``) or a ``date``/``datetime``. Returns None when unknown."""
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    s = str(value).strip()
    m = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", s)
    if m:
        try:
            return _dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    try:
        return email.utils.parsedate_to_datetime(s).date()
    except (TypeError, ValueError, IndexError):
        pass
    m = re.match(r"(\d{4})(\d{2})(\d{2})$", s)
    if m:
        try:
            return _dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    m = re.match(r"(\d{4})$", s)
    if m:
        return _dt.date(int(m[1]), 7, 1)
    return None


# Explicit direction formatting (embeddings, overrides, isolates) and the direction marks.
# From input text they act on whatever is printed after them (an RLO in an actor's name
# reversed the rest of a report line): see stance/report/safe.py.
DIRECTION_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
DIRECTION_MARKS = "\u200e\u200f\u061c"
_DIRECTION_RE = re.compile(f"[{DIRECTION_CONTROLS}]")
_PLAIN_DROP_RE = re.compile(f"[{DIRECTION_CONTROLS}{DIRECTION_MARKS}]")
_PLAIN_SPACE_RE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def strip_direction_controls(text) -> str:
    """``text`` without embeddings, overrides and isolates (the marks LRM/RLM/ALM are kept)."""
    return _DIRECTION_RE.sub("", str(text))


def plain_text(text) -> str:
    """``text`` for a terminal or Markdown: no direction controls or marks, and control
    characters (ESC, tab, newlines, ...) turned into spaces.

    >>> plain_text("\u202eabc\x1b[2J")
    'abc [2J'
    """
    return _PLAIN_SPACE_RE.sub(" ", _PLAIN_DROP_RE.sub("", str(text)))
