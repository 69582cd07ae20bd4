"""Small formatting helpers shared by the renderers."""

from __future__ import annotations

from .aggregate import COUNTRY_NAMES, FrameStat, Report

ROLE_AR = {
    "head_of_state": "رئيس دولة", "head_of_government": "رئيس حكومة",
    "foreign_minister": "وزير خارجية", "minister": "وزير", "security_official": "مسؤول أمني",
    "spokesperson": "متحدث", "government": "حكومة", "ministry": "وزارة", "militia": "فصيل مسلح",
    "party": "حزب", "agency": "وكالة", "official_unnamed": "مسؤول غير مسمى",
    "international_org": "منظمة دولية", "other": "أخرى",
}


def pct(x: float) -> str:
    """A share as a whole percentage: 0.4286 -> '43'."""
    return f"{x * 100:.0f}"


def share_cell(fs: FrameStat) -> str:
    """'43 [28–59]': share and its interval in percent."""
    return f"{pct(fs.share)} [{pct(fs.low)}–{pct(fs.high)}]"


def country_ar(code: str | None) -> str:
    return COUNTRY_NAMES.get(code or "", code or "—")


def role_ar(role: str | None) -> str:
    return ROLE_AR.get(role or "", role or "—")


def date_range(report: Report) -> str:
    """'dates 2018-02-01 – 2018-10-30' or 'no dated quotes'."""
    if report.first_date:
        return f"dates {report.first_date} – {report.last_date}"
    return "no dated quotes"


def undated_line(report: Report, limit: int = 10) -> str | None:
    """'Undated: 12 quotes in 3 articles (a1, a2, a3)', or None when every quote has a date."""
    u = report.undated
    if not u:
        return None
    arts = u["articles"]
    named = ", ".join(arts[:limit]) + (f", … {len(arts) - limit} more" if len(arts) > limit
                                       else "")
    return (f"Undated: {u['quotes']} quotes in {len(arts)} "
            f"article{'s' if len(arts) != 1 else ''} ({named})"
            + ("; left out of the periods" if report.by_period else ""))


def estimate_lines(report: Report) -> list[str]:
    """How the shares were obtained, and the run's measured error."""
    from .estimate import ESTIMATOR_TEXT

    if report.estimator == "labels":
        return [f"Shares are the annotators' labels counted, with a {report.confidence:.0%} "
                "Wilson interval (sampling only)."]
    if report.estimator == "wilson":
        return ["Shares are MODEL ESTIMATES: the model's labels counted, with a Wilson interval "
                "that covers sampling only and ignores the classifier's error (no calibration "
                "data from the run was used)."]
    cal = report.calibration
    rates = "; ".join(f"{f} tpr {r['tpr']:.2f} fpr {r['fpr']:.2f}"
                      for f, r in cal.get("error_rates", {}).items())
    return [f"Shares are MODEL ESTIMATES, not annotations: {report.estimator} = "
            f"{ESTIMATOR_TEXT.get(report.estimator, report.estimator)}; "
            f"{report.confidence:.0%} interval from {cal.get('bootstrap')} bootstrap replicates "
            "over the quotes, the run's out-of-fold predictions (by article) and the "
            "annotators' decision on each quote (widened by the run's between-article "
            "dispersion).",
            f"Run {cal.get('run')}: measured error on its {cal.get('n')} out-of-fold quotes "
            f"({cal.get('articles')} articles): {rates}."]


def summary_lines(report: Report) -> list[str]:
    """The English header lines every text format starts with."""
    unit = "actors" if report.by == "actor" else "countries"
    shown = len(report.groups)
    lines = [
        f"Input: {report.describe()}" + (f" — {', '.join(report.inputs)}" if report.inputs else ""),
        f"{report.n_quotes} quotes in {report.n_groups_total} {unit}; {shown} shown"
        + (f" (at least {report.min_quotes} quotes)" if report.min_quotes > 1 else "")
        + f"; {date_range(report)}",
        f"Share of quotes carrying each frame, % with a {report.confidence:.0%} interval; "
        "a quote can carry several frames or none.",
        *estimate_lines(report),
    ]
    if undated_line(report):
        lines.append(undated_line(report))
    if report.filters:
        lines.append("Filters: " + "; ".join(
            f"{k} {', '.join(v) if isinstance(v, list) else v}" for k, v in report.filters.items()))
    if report.skipped:
        lines.append("Left out: " + "; ".join(f"{n} {why}" for why, n in report.skipped.items()))
    lines.append(f"Representative quote per frame: {report.example_rule}.")
    return lines


def trend_cell(v) -> str:
    """'43 [28–59]' from a trend entry [share, low, high]."""
    return f"{pct(v[0])} [{pct(v[1])}–{pct(v[2])}]"


def trend_rows(report: Report) -> list[list[str]]:
    """``--by-period``: one row per shown group and period with quotes (name, period, n,
    then each frame's share and interval), groups in report order."""
    rows = []
    for g in report.groups:
        for t in g.trend:
            rows.append([g.name, t["period"], str(t["n"])]
                        + [trend_cell(t["frames"][f]) for f in report.frames])
    return rows
