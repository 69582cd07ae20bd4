"""Neutralising user text in reports: direction controls, terminal controls, spreadsheet formulas.

Actor names, quotes, ids and dates in a report come from the input files, which anyone can
write. Three kinds of character in them act on the *report* instead of being read:

* **Explicit direction controls** (U+202A–U+202E embeddings and overrides, U+2066–U+2069
  isolates): an unterminated RIGHT-TO-LEFT OVERRIDE in an actor's name reverses what follows
  it on the line, so in a browser the name swallowed its count and moved ids and p-values.
  :data:`DIRECTION_CONTROLS` are removed everywhere (HTML, terminal, Markdown); the HTML
  report also wraps user text in ``<bdi>`` so even the implicit direction of a name stays
  inside it. The direction *marks* (U+200E LRM, U+200F RLM, U+061C ALM) are ordinary in
  Arabic text: HTML keeps them inside ``<bdi>``, plain-text outputs drop them too, since a
  terminal has no isolation.
* **Control characters** (C0/C1, including ESC, and line/paragraph separators) in the
  terminal table and Markdown: an escape sequence in a name would drive the terminal; a
  newline would break the table. They become a space.
* **Spreadsheet formulas** in CSV cells (OWASP "CSV injection"): a cell starting with
  ``= + - @``, a tab or a carriage return (also after spaces or direction controls, and their
  full-width forms) is run as a formula by Excel, LibreOffice and Google Sheets
  (``=HYPERLINK(...)`` sends data away). :func:`csv_cell` prefixes such a cell with a single
  quote, which spreadsheets show as text; numbers are left as they are.
"""

from __future__ import annotations

import re

from stance.text import DIRECTION_CONTROLS, DIRECTION_MARKS, plain_text, strip_direction_controls

__all__ = ["DIRECTION_CONTROLS", "DIRECTION_MARKS", "strip_direction_controls", "plain_text",
           "csv_cell"]

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_NUMBER_RE = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_LEADING_INVISIBLE = " \u00a0" + DIRECTION_CONTROLS + DIRECTION_MARKS + "\u200b\ufeff"


def csv_cell(value):
    """A CSV cell value that a spreadsheet will not run as a formula (OWASP): strings starting
    with ``= + - @``, tab or CR get a leading single quote; numbers (and strings that are just
    a number, such as ``-0.25``) and everything else are returned unchanged."""
    if not isinstance(value, str) or not value:
        return value
    if _NUMBER_RE.fullmatch(value):
        return value
    if value.startswith(FORMULA_START) or value.lstrip(_LEADING_INVISIBLE).startswith(FORMULA_START):
        return "'" + value
    return value
