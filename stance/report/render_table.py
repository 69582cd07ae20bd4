"""The terminal table.

Terminals differ on Arabic: xterm, the Linux console, tmux/screen and Windows consoles draw
characters in memory order without joining them, so Arabic comes out reversed and in
isolated letter forms; GNOME Terminal (VTE), Konsole, iTerm2 and mlterm reorder and shape
it themselves. ``arabic="shaped"`` prepares each cell for the first kind (arabic-reshaper
for the joined letter forms, python-bidi for right-to-left order); ``arabic="raw"`` keeps
the text in logical order for the second kind and for files. Each cell is transformed on
its own, so the columns stay in place either way.
"""

from __future__ import annotations

import functools
import unicodedata

from stance.frames import FRAME_BY_KEY

from .aggregate import Report
from .fmt import share_cell, summary_lines, trend_rows
from .safe import plain_text

ARABIC_MODES = ("auto", "shaped", "raw")
NAME_WIDTH = 28


def _has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)


@functools.lru_cache(maxsize=1)
def _reshaper():
    import arabic_reshaper

    # Word ligatures such as «الله» (U+FDF2) are missing from common terminal fonts;
    # the lam-alef ligatures are everywhere and needed.
    return arabic_reshaper.ArabicReshaper(configuration={"ARABIC LIGATURE ALLAH": False,
                                                         "delete_harakat": True})


def visual(text: str, mode: str) -> str:
    """Text as a non-shaping terminal should receive it (``mode="shaped"``), or unchanged;
    either way without direction or terminal controls (:func:`.safe.plain_text`)."""
    text = plain_text(text)
    if mode != "shaped" or not _has_rtl(text):
        return text
    from bidi import get_display

    return get_display(_reshaper().reshape(text))


def width(text: str) -> int:
    """Terminal columns: combining marks (Arabic diacritics) take none, wide CJK two."""
    w = 0
    for c in text:
        if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me", "Cf"):
            continue
        w += 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
    return w


def clip(text: str, limit: int) -> str:
    """Logical text cut to at most ``limit`` columns, with an ellipsis."""
    if width(text) <= limit:
        return text
    out = ""
    for c in text:
        if width(out + c) > limit - 1:
            break
        out += c
    return out.rstrip() + "…"


def _pad(text: str, n: int, right: bool) -> str:
    gap = " " * max(0, n - width(text))
    return gap + text if right else text + gap


def render_table(report: Report, arabic: str = "raw", examples: bool = True) -> str:
    """The report as a fixed-width text table (plus the representative quotes)."""
    if arabic not in ("shaped", "raw"):
        raise ValueError("arabic must be 'shaped' or 'raw'")
    by_actor = report.by == "actor"
    # (header, Arabic header, right-aligned, cell) per column; numbers and the Arabic name
    # are right-aligned (the name's natural side), the rest left
    cols = [("#", "", True, lambda i, g: str(i)),
            ("actor" if by_actor else "country", "", True,
             lambda i, g: visual(clip(g.name, NAME_WIDTH), arabic)),
            ("ctry", "", False, lambda i, g: g.country or "—")]
    if not by_actor:
        cols.append(("actors", "", True, lambda i, g: str(g.actors)))
    cols.append(("quotes", "", True, lambda i, g: str(g.n_quotes)))
    for f in report.frames:
        cols.append((f, visual(FRAME_BY_KEY[f].arabic, arabic), True,
                     lambda i, g, f=f: share_cell(g.frames[f])))
    cols += [("none", "", True, lambda i, g: f"{g.none_share * 100:.0f}"),
             ("dominant", "", False, lambda i, g: g.dominant or "—"),
             ("first", "", False, lambda i, g: g.first_date or "—"),
             ("last", "", False, lambda i, g: g.last_date or "—")]
    head1 = [c[0] for c in cols]
    head2 = [c[1] for c in cols]
    rows = [[plain_text(c[3](i, g)) for c in cols] for i, g in enumerate(report.groups, 1)]
    widths = [max(width(r[j]) for r in [head1, head2] + rows) for j in range(len(cols))]
    right = {j for j, c in enumerate(cols) if c[2]}

    def line(cells):
        return "  ".join(_pad(c, widths[j], j in right) for j, c in enumerate(cells)).rstrip()

    out = [f"stance report — frames by {report.by}"]
    out += [plain_text(x) for x in summary_lines(report)]
    out.append("")
    out.append(line(head1))
    if any(head2):
        out.append(line(head2))
    out.append("  ".join("─" * w for w in widths))
    out += [line(r) for r in rows]
    if not rows:
        out.append(f"(no {report.by} with at least {report.min_quotes} quotes)")
    if report.by_period and rows:
        trend = [["actor" if by_actor else "country", report.by_period, "quotes",
                  *report.frames]]
        trend += [[visual(clip(r[0], NAME_WIDTH), arabic), *r[1:]] for r in trend_rows(report)]
        tw = [max(width(r[j]) for r in trend) for j in range(len(trend[0]))]
        out += ["", f"Frame shares per {report.by_period} (% with interval)"]
        out += ["  ".join(_pad(c, tw[j], j != 1) for j, c in enumerate(r)).rstrip()
                for r in trend]
    if examples and rows:
        out.append("")
        out.append("Representative quotes")
        for i, g in enumerate(report.groups, 1):
            items = [(f, g.frames[f].example) for f in report.frames if g.frames[f].example]
            if not items:
                continue
            out.append(f"{i}. {visual(g.name, arabic)} ({g.n_quotes})")
            fw = max(len(f) for f, _ in items)
            for f, ex in items:
                meta = plain_text(ex.article_id or "?")
                if ex.score is not None:
                    meta += f", p={ex.score:.2f}"
                out.append(f"   {f:<{fw}}  \"{visual(ex.text, arabic)}\"  [{meta}]")
    return "\n".join(out) + "\n"
