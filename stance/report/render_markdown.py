"""The report as GitHub-flavoured Markdown: a summary, one table, the representative quotes."""

from __future__ import annotations

from stance.frames import FRAME_BY_KEY

from .aggregate import Report
from .fmt import share_cell, summary_lines, trend_rows
from .safe import plain_text


def _cell(text) -> str:
    # no direction or control characters (:mod:`.safe`): an override would reverse the row
    return plain_text(text).replace("|", "\\|")


def render_markdown(report: Report, examples: bool = True) -> str:
    by_actor = report.by == "actor"
    out = [f"# Frames by {report.by}", ""]
    out += [f"- {_cell(line)}" for line in summary_lines(report)]
    out.append("")
    head = ["#", "الفاعل (actor)" if by_actor else "البلد (country)",
            "country" if by_actor else "actors", "quotes"]
    head += [f"{FRAME_BY_KEY[f].arabic} ({f})" for f in report.frames]
    head += ["none %", "dominant", "first", "last"]
    out.append("| " + " | ".join(head) + " |")
    out.append("|" + "|".join(["--:", ":--", ":--", "--:"] + ["--:"] * (len(report.frames) + 1)
                              + [":--"] * 3) + "|")
    for i, g in enumerate(report.groups, 1):
        name = _cell(g.name) if by_actor else f"{_cell(g.name)} ({_cell(g.key)})"
        row = [str(i), name, _cell(g.country or "—") if by_actor else str(g.actors),
               str(g.n_quotes)]
        row += [share_cell(g.frames[f]) for f in report.frames]
        row += [f"{g.none_share * 100:.0f}",
                f"{FRAME_BY_KEY[g.dominant].arabic} ({g.dominant})" if g.dominant else "—",
                _cell(g.first_date or "—"), _cell(g.last_date or "—")]
        out.append("| " + " | ".join(row) + " |")
    if not report.groups:
        out.append(f"\n*No {report.by} with at least {report.min_quotes} quotes.*")
    if report.by_period and report.groups:
        out += ["", f"## Frame shares per {report.by_period}", "",
                "| " + " | ".join(["الفاعل (actor)" if by_actor else "البلد (country)",
                                   report.by_period, "quotes",
                                   *(f"{FRAME_BY_KEY[f].arabic} ({f})" for f in report.frames)])
                + " |",
                "|" + "|".join([":--", ":--", "--:"] + ["--:"] * len(report.frames)) + "|"]
        out += ["| " + " | ".join([_cell(r[0]), *r[1:]]) + " |" for r in trend_rows(report)]
    if examples and report.groups:
        out += ["", "## Representative quotes", ""]
        for i, g in enumerate(report.groups, 1):
            items = [(f, g.frames[f]) for f in report.frames if g.frames[f].example]
            if not items:
                continue
            out += [f"### {i}. {_cell(g.name)} ({g.n_quotes} quotes)", ""]
            for f, fs in items:
                ex = fs.example
                meta = [f"`{_cell(ex.article_id)}`" if ex.article_id else None,
                        _cell(ex.date) if ex.date else None,
                        f"p={ex.score:.2f}" if ex.score is not None else None]
                out.append(f"- **{FRAME_BY_KEY[f].arabic}** ({f}, {fs.count}/{g.n_quotes}): "
                           f"«{_cell(ex.text)}» — " + ", ".join(m for m in meta if m))
            out.append("")
    return "\n".join(out).rstrip() + "\n"
