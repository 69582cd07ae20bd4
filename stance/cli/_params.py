"""Parameter callbacks shared by several commands."""

from __future__ import annotations

import click


def parse_date_param(ctx, param, value):
    """A click callback: an ISO (or RFC 2822) date, or a usage error saying how to write it."""
    if value is None:
        return None
    from stance.text import parse_date

    day = parse_date(value)
    if day is None:
        raise click.BadParameter(f"cannot read the date {value!r} (use YYYY-MM-DD)")
    return day
