"""Per-actor (or per-country) frame reports from scored quotes or labeled datasets.

>>> from stance.report import build_report, render
>>> recs = [{"quote_id": "q1", "article_id": "a1", "text": "نرفض أي تدخل في شؤوننا",
...          "actor": "وزارة الخارجية السورية", "actor_country": "SYR", "frames": ["sovereignty"]},
...         {"quote_id": "q2", "article_id": "a1", "text": "ندعو إلى الحوار",
...          "actor": "وزارة الخارجية السورية", "actor_country": "SYR", "frames": []}]
>>> rep = build_report(recs)
>>> rep.kind, rep.groups[0].n_quotes, rep.groups[0].frames["sovereignty"].share
('labeled', 2, 0.5)
>>> fs = rep.groups[0].frames["sovereignty"]
>>> rep.groups[0].dominant, round(fs.low, 3), round(fs.high, 3)
('sovereignty', 0.095, 0.905)

:func:`build_report` returns plain data (:class:`Report`); the renderers turn it into a
terminal table, Markdown, HTML (with the plots embedded), CSV or JSON, and
:mod:`stance.report.plots` draws the heatmap, grouped bars and timeline with matplotlib.
"""

from __future__ import annotations

from .aggregate import (LABELED, SCORED, SORT_KEYS, Example, FrameStat, Group, Report,
                        build_report, load_records, trim_quote, wilson_interval)
from .render_csv import render_csv
from .render_html import render_html
from .render_json import render_json
from .render_markdown import render_markdown
from .render_table import render_table

__all__ = ["build_report", "load_records", "render", "Report", "Group", "FrameStat", "Example",
           "SCORED", "LABELED", "SORT_KEYS", "FORMATS", "wilson_interval", "trim_quote",
           "render_table", "render_markdown", "render_html", "render_csv", "render_json"]

FORMATS = ("table", "markdown", "html", "csv", "json")


def render(report: Report, fmt: str = "table", **kwargs) -> str:
    """The report in one of :data:`FORMATS` (keyword arguments go to that renderer)."""
    renderers = {"table": render_table, "markdown": render_markdown, "html": render_html,
                 "csv": render_csv, "json": render_json}
    if fmt not in renderers:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    return renderers[fmt](report, **kwargs)
