"""The report as GitHub-flavoured Markdown: a summary, one table, the representative quotes."""

from __future__ import annotations

from stance.frames import FRAME_BY_KEY

from .aggregate import Report
from .fmt import share_cell, summary_lines, trend_rows


def _cell(text) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


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
        name = _cell(g.name) if by_actor else f"{_cell(g.name)} ({g.key})"
        row = [str(i), name, (g.country or "—") if by_actor else str(g.actors),
               str(g.n_quotes)]
        row += [share_cell(g.frames[f]) for f in report.frames]
        row += [f"{g.none_share * 100:.0f}",
                f"{FRAME_BY_KEY[g.dominant].arabic} ({g.dominant})" if g.dominant else "—",
                g.first_date or "—", g.last_date or "—"]
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
            out += [f"### {i}. {g.name} ({g.n_quotes} quotes)", ""]
            for f, fs in items:
                ex = fs.example
                meta = [f"`{ex.article_id}`" if ex.article_id else None, ex.date,
                        f"p={ex.score:.2f}" if ex.score is not None else None]
                out.append(f"- **{FRAME_BY_KEY[f].arabic}** ({f}, {fs.count}/{g.n_quotes}): "
                           f"«{ex.text}» — " + ", ".join(m for m in meta if m))
            out.append("")
    return "\n".join(out).rstrip() + "\n"
