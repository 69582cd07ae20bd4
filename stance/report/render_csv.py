"""The report as CSV: one row per group, with count, share, interval, mean score and the
representative quote of each frame as columns (UTF-8, no BOM). A text cell a spreadsheet would
run as a formula (``=``, ``+``, ``-``, ``@``...) starts with a single quote (:mod:`.safe`)."""

from __future__ import annotations

import csv
import io

from .aggregate import Report
from .safe import csv_cell


def csv_columns(report: Report) -> list[str]:
    cols = ["rank", "key", "name", "country", "role", "actors", "n_quotes", "n_articles",
            "n_dated", "first_date", "last_date", "dominant", "none_count", "none_share"]
    for f in report.frames:
        cols += [f"{f}_count", f"{f}_share", f"{f}_low", f"{f}_high", f"{f}_mean_score",
                 f"{f}_example_quote_id", f"{f}_example_article_id", f"{f}_example_text"]
    return cols


def _num(x) -> str:
    return "" if x is None else f"{x:.4f}"


def render_csv(report: Report) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=csv_columns(report), lineterminator="\n")
    w.writeheader()
    for i, g in enumerate(report.groups, 1):
        row = {"rank": i, "key": g.key, "name": g.name, "country": g.country or "",
               "role": g.role or "", "actors": "" if g.actors is None else g.actors,
               "n_quotes": g.n_quotes, "n_articles": g.n_articles, "n_dated": g.n_dated,
               "first_date": g.first_date or "", "last_date": g.last_date or "",
               "dominant": g.dominant or "", "none_count": g.none_count,
               "none_share": _num(g.none_share)}
        for f in report.frames:
            fs = g.frames[f]
            ex = fs.example
            row.update({f"{f}_count": fs.count, f"{f}_share": _num(fs.share),
                        f"{f}_low": _num(fs.low), f"{f}_high": _num(fs.high),
                        f"{f}_mean_score": _num(fs.mean_score),
                        f"{f}_example_quote_id": (ex.quote_id or "") if ex else "",
                        f"{f}_example_article_id": (ex.article_id or "") if ex else "",
                        f"{f}_example_text": ex.text if ex else ""})
        w.writerow({k: csv_cell(v) for k, v in row.items()})  # no formulas (OWASP)
    return buf.getvalue()
