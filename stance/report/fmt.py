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
    if report.first_date:
        return f"{report.first_date} – {report.last_date}"
    return "no dates"


def summary_lines(report: Report) -> list[str]:
    """The English header lines every text format starts with."""
    unit = "actors" if report.by == "actor" else "countries"
    shown = len(report.groups)
    lines = [
        f"Input: {report.describe()}" + (f" — {', '.join(report.inputs)}" if report.inputs else ""),
        f"{report.n_quotes} quotes in {report.n_groups_total} {unit}; {shown} shown"
        + (f" (at least {report.min_quotes} quotes)" if report.min_quotes > 1 else "")
        + f"; dates {date_range(report)}",
        f"Share of quotes carrying each frame, % with a {report.confidence:.0%} "
        f"{report.interval.capitalize()} interval; a quote can carry several frames "
        f"or none.",
    ]
    if report.filters:
        lines.append("Filters: " + "; ".join(
            f"{k} {', '.join(v) if isinstance(v, list) else v}" for k, v in report.filters.items()))
    if report.skipped:
        lines.append("Left out: " + "; ".join(f"{n} {why}" for why, n in report.skipped.items()))
    lines.append(f"Representative quote per frame: {report.example_rule}.")
    return lines
