"""The report as JSON: :meth:`Report.to_dict`, readable back with :meth:`Report.from_dict`."""

from __future__ import annotations

import json

from .aggregate import Report


def render_json(report: Report) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
