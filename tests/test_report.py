"""``stance report``: statistics, filters, renderers and the command line.

The fixture ``tests/data/report_fixture.jsonl`` is hand-made for these tests: 14 scored
quotes of four actors (Arabic sentences written in the style of the development gold, with
hand-set model scores) and one unattributed quote (``actor: null``). Shares and Wilson
intervals below are computed by hand (and checked against ``scipy.stats.binomtest(...)
.proportion_ci(method="wilson")``), not by the code under test.
"""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from stance.io import InputError
from stance.report import (LABELED, SCORED, Report, build_report, load_records, render,
                           render_csv, render_html, render_json, render_markdown, render_table,
                           trim_quote, wilson_interval)
from stance.report.render_table import visual, width

FIXTURE = Path(__file__).parent / "data" / "report_fixture.jsonl"

# k, n -> (low, high), 4 decimals (scipy binomtest wilson)
WILSON = {(2, 5): (0.1176, 0.7693), (3, 5): (0.2307, 0.8824), (0, 5): (0.0, 0.4345),
          (1, 4): (0.0456, 0.6994), (2, 4): (0.15, 0.85), (2, 6): (0.0968, 0.7),
          (1, 6): (0.0301, 0.5635), (3, 3): (0.4385, 1.0), (0, 2): (0.0, 0.6576),
          (1, 2): (0.0945, 0.9055)}


@pytest.fixture(scope="module")
def scored():
    return load_records(FIXTURE)


@pytest.fixture(scope="module")
def report(scored):
    records, kind, info = scored
    return build_report(records, kind=kind, info=info)


def to_labeled(path: Path, out: Path, disagree: dict | None = None) -> Path:
    """The fixture in the shape of 'stance annotations build' output (frames + annotations);
    ``disagree``: quote_id -> frames annotator2 gave instead."""
    disagree = disagree or {}
    with open(path, encoding="utf-8") as fh, open(out, "w", encoding="utf-8") as w:
        for line in fh:
            r = json.loads(line)
            frames = r.pop("pred_labels")
            r.pop("pred_scores"), r.pop("run"), r.pop("title")
            r["frames"] = frames
            r["annotations"] = [{"annotator": "a1", "frames": frames},
                                {"annotator": "a2", "frames": disagree.get(r["quote_id"], frames)}]
            r["policy"] = "majority"
            w.write(json.dumps(r, ensure_ascii=False) + "\n")
    return out


def group(rep: Report, key: str):
    return next(g for g in rep.groups if g.key == key)


def close(stat, k_n):
    lo, hi = WILSON[k_n]
    return stat.low == pytest.approx(lo, abs=5e-5) and stat.high == pytest.approx(hi, abs=5e-5)


# --------------------------------------------------------------------------- statistics

def test_wilson_against_reference_values():
    for (k, n), (lo, hi) in WILSON.items():
        got = wilson_interval(k, n)
        assert got[0] == pytest.approx(lo, abs=5e-5) and got[1] == pytest.approx(hi, abs=5e-5)
    assert wilson_interval(0, 7)[0] == 0.0 and wilson_interval(7, 7)[1] == 1.0
    wide = wilson_interval(2, 5, confidence=0.99)
    assert wide[0] < 0.1176 and wide[1] > 0.7693


def test_detects_scored_input_and_skips_unattributed(scored, report):
    records, kind, info = scored
    assert kind == SCORED and info["n_records"] == 15 and len(records) == 14
    assert info["skipped"] == {"no actor (unattributed quote)": 1}
    assert report.runs == ["tfidf-fixture"]
    assert report.describe() == "model-scored quotes (run tfidf-fixture)"
    assert report.n_quotes == 14 and report.n_groups_total == 4


def test_actor_shares_intervals_dominant_and_dates(report):
    assert [g.key for g in report.groups] == ["syr-mofa", "irq-jaafari", "un", "irq-gov"]
    a = group(report, "syr-mofa")
    assert a.name == "وزارة الخارجية السورية" and a.country == "SYR" and a.role == "ministry"
    assert a.n_quotes == 5 and a.n_articles == 4
    assert (a.frames["terrorism"].count, a.frames["terrorism"].share) == (2, 0.4)
    assert close(a.frames["terrorism"], (2, 5))
    assert a.frames["sovereignty"].share == 0.6 and close(a.frames["sovereignty"], (3, 5))
    assert a.frames["mediation"].count == 0 and close(a.frames["mediation"], (0, 5))
    assert a.none_count == 1 and a.dominant == "sovereignty"
    # one ISO date, one RFC 2822 date ('Tue, 05 Jun 2018 14:21:30 GMT')
    assert (a.first_date, a.last_date) == ("2015-03-01", "2018-06-05")
    b = group(report, "irq-jaafari")
    assert b.frames["solidarity"].share == 0.5 and close(b.frames["solidarity"], (2, 4))
    assert close(b.frames["terrorism"], (1, 4)) and b.dominant == "solidarity"
    un = group(report, "un")
    assert un.frames["mediation"].share == 1.0 and close(un.frames["mediation"], (3, 3))
    assert un.n_dated == 2 and un.last_date == "2015-06-01"  # d3 has no date
    assert group(report, "irq-gov").frames["terrorism"].share == 0.5


def test_scored_examples_take_the_most_probable_quote(report):
    a = group(report, "syr-mofa")
    ex = a.frames["terrorism"].example
    assert (ex.quote_id, ex.article_id, ex.score) == ("a1", "sana-0301", 0.91)
    assert a.frames["sovereignty"].example.quote_id == "a2"  # 0.95 beats 0.72 and 0.64
    assert a.frames["sovereignty"].example.date == "2018-06-05"
    assert a.frames["solidarity"].example is None
    assert a.frames["terrorism"].mean_score == pytest.approx((.91 + .06 + .83 + .06 + .06) / 5)


def test_by_country(scored):
    records, kind, info = scored
    rep = build_report(records, by="country", kind=kind, info=info)
    assert [g.key for g in rep.groups] == ["IRQ", "SYR", "INT"]
    irq = group(rep, "IRQ")
    assert irq.name == "العراق" and irq.actors == 2 and irq.n_quotes == 6
    assert irq.frames["terrorism"].count == 2 and close(irq.frames["terrorism"], (2, 6))
    assert close(irq.frames["mediation"], (1, 6)) and irq.none_count == 2
    assert group(rep, "INT").name == "هيئات دولية"


def test_timeline_bins_auto_to_quarters_over_three_years(report):
    assert report.period == "quarter"  # 2015-03 .. 2018-06
    a = group(report, "syr-mofa")
    assert list(a.timeline) == ["2015-Q1", "2015-Q2", "2018-Q2"]
    assert a.timeline["2015-Q1"] == {"n": 2, "terrorism": 2, "sovereignty": 1,
                                     "solidarity": 0, "mediation": 0}
    assert a.timeline["2018-Q2"]["sovereignty"] == 1


def test_min_quotes_and_sorting(scored):
    records, kind, info = scored
    rep = build_report(records, kind=kind, min_quotes=3)
    assert [g.key for g in rep.groups] == ["syr-mofa", "irq-jaafari", "un"]
    assert rep.n_groups_total == 4 and rep.largest == 5
    by_name = build_report(records, kind=kind, sort="name")
    # alphabetical after normalization: ابراهيم، الامم، الحكومه، وزاره
    assert [g.key for g in by_name.groups] == ["irq-jaafari", "un", "irq-gov", "syr-mofa"]
    by_med = build_report(records, kind=kind, sort="mediation")
    assert [g.key for g in by_med.groups] == ["un", "irq-jaafari", "syr-mofa", "irq-gov"]
    with pytest.raises(ValueError):
        build_report(records, kind=kind, sort="violence")


def test_date_source_and_actor_filters(scored):
    records, kind, info = scored
    rep = build_report(records, kind=kind, since="2015-03-06", until="2015-04-30")
    assert {g.key: g.n_quotes for g in rep.groups} == {"syr-mofa": 3, "irq-jaafari": 2,
                                                      "irq-gov": 1, "un": 1}
    assert rep.skipped["undated (date filter)"] == 1
    assert rep.skipped["outside the date range"] == 6
    assert rep.filters == {"since": "2015-03-06", "until": "2015-04-30"}
    rfc = build_report(records, kind=kind, since="Mon, 01 Jan 2018 00:00:00 GMT")
    assert [(g.key, g.n_quotes) for g in rfc.groups] == [("syr-mofa", 1)]
    bbc = build_report(records, kind=kind, sources=["bbc"])
    assert {g.key: g.n_quotes for g in bbc.groups} == {"syr-mofa": 1, "irq-jaafari": 2,
                                                      "irq-gov": 2}
    # an id, and a name written without hamza (compared after Arabic normalization)
    two = build_report(records, kind=kind, actors=["syr-mofa", "الامم المتحدة"])
    assert [g.key for g in two.groups] == ["syr-mofa", "un"]


def test_raw_records_are_checked_like_a_file():
    rep = build_report([{"actor": "حسن روحاني", "actor_country": "IRN", "frames": ["mediation"],
                         "text": "نحن مستعدون للحوار"},
                        {"actor": "حسن روحاني", "actor_country": "IRN", "frames": []}])
    g = rep.groups[0]
    assert rep.kind == LABELED and g.key == "حسن روحاني" and g.frames["mediation"].share == 0.5
    with pytest.raises(InputError, match="<records>:2: field 'frames': unknown frame 'peace'"):
        build_report([{"actor": "x", "frames": []}, {"actor": "x", "frames": ["peace"]}])


# --------------------------------------------------------------------------- labeled input

def test_labeled_dataset_same_numbers_and_named_as_such(tmp_path, report):
    path = to_labeled(FIXTURE, tmp_path / "data.jsonl")
    records, kind, info = load_records(path)
    rep = build_report(records, kind=kind, info=info)
    assert kind == LABELED and rep.policies == ["majority"]
    assert rep.describe() == "human-labeled dataset (label policy majority)"
    for g, h in zip(rep.groups, report.groups):
        assert g.key == h.key
        assert {f: s.count for f, s in g.frames.items()} == {f: s.count for f, s in h.frames.items()}
    a = group(rep, "syr-mofa")
    assert a.frames["terrorism"].mean_score is None and a.frames["terrorism"].example.score is None
    # labeled rule: agreed by all annotators, then a single-frame quote, then cue words:
    # a1 carries two frames; a3 is single-frame with the cue «الإرهاب»
    assert a.frames["terrorism"].example.quote_id == "a3"
    assert a.frames["sovereignty"].example.quote_id == "a2"  # cue «عدوان»
    assert "shortest" in rep.example_rule


def test_labeled_example_prefers_annotator_agreement(tmp_path):
    path = to_labeled(FIXTURE, tmp_path / "data.jsonl", disagree={"a2": []})
    records, kind, _ = load_records(path)
    a = group(build_report(records, kind=kind), "syr-mofa")
    assert a.frames["sovereignty"].example.quote_id == "a4"


def test_trim_quote_cuts_at_a_word():
    long = "إن " + "الحكومة السورية ترفض أي تدخل أجنبي في شؤونها الداخلية " * 4
    t = trim_quote(long)
    assert len(t) <= 120 and t.endswith("…") and long.startswith(t[:-1])
    assert long[len(t) - 1] == " "  # the cut falls between words
    assert trim_quote("  نص\nقصير  ") == "نص قصير"


# --------------------------------------------------------------------------- bad input

def write(tmp_path, lines, name="in.jsonl"):
    p = tmp_path / name
    p.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" if isinstance(r, dict) else r
                         for r in lines), encoding="utf-8")
    return p


GOOD = {"quote_id": "q", "article_id": "a", "text": "نص", "actor": "الحكومة العراقية",
        "actor_country": "IRQ", "frames": []}


@pytest.mark.parametrize("lines, message", [
    ([], "empty file: no records"),
    ([GOOD, {k: v for k, v in GOOD.items() if k != "actor"}],
     ":2: field 'actor': record has no 'actor'"),
    ([GOOD, {**GOOD, "actor": 7}], ":2: field 'actor': actor must be a string, got int"),
    ([{k: v for k, v in GOOD.items() if k != "frames"}],
     ":1: record has neither 'pred_labels' (scored quotes from 'stance predict') nor 'frames'"),
    ([{**{k: v for k, v in GOOD.items() if k != "frames"}, "annotations": []}],
     "build a dataset with 'stance annotations build' first"),
    ([GOOD, GOOD, {**GOOD, "frames": ["violence"]}], ":3: field 'frames': unknown frame 'violence'"),
    ([GOOD, {**GOOD, "frames": "terrorism"}], ":2: field 'frames': expected a list of frame keys"),
    ([GOOD, {**{k: v for k, v in GOOD.items() if k != "frames"}, "pred_labels": []}],
     ":2: a model-scored quotes record, but"),
    ([{**GOOD, "frames": None, "pred_labels": ["mediation"], "pred_scores": {"mediation": "high"}}],
     ":1: field 'pred_scores': score of 'mediation' is not a number"),
    (["{not json\n"], ":1: broken JSON"),
])
def test_bad_input_names_file_and_line(tmp_path, lines, message):
    p = write(tmp_path, lines)
    with pytest.raises(InputError) as err:
        load_records(p)
    assert str(p) in str(err.value) and message in str(err.value)
    assert "\n" not in str(err.value)


# --------------------------------------------------------------------------- renderers

def test_json_round_trip(report):
    text = render_json(report)
    data = json.loads(text)
    assert data["kind"] == "scored" and data["kind_text"] == "model-scored quotes (run tfidf-fixture)"
    assert [f["arabic"] for f in data["frames"]] == ["الإرهاب", "السيادة", "التضامن", "الوساطة"]
    a = data["groups"][0]
    assert a["frames"]["terrorism"]["share"] == 0.4
    assert a["frames"]["terrorism"]["low"] == pytest.approx(0.1176, abs=5e-5)
    assert a["none_share"] == 0.2
    assert "وزارة الخارجية السورية" in text  # not \u-escaped
    assert Report.from_dict(data) == report


def test_csv_round_trip(report):
    rows = list(csv.DictReader(io.StringIO(render_csv(report))))
    assert [r["key"] for r in rows] == ["syr-mofa", "irq-jaafari", "un", "irq-gov"]
    a = rows[0]
    assert (a["name"], a["country"], a["n_quotes"], a["dominant"]) == (
        "وزارة الخارجية السورية", "SYR", "5", "sovereignty")
    assert (a["terrorism_count"], a["terrorism_share"], a["terrorism_low"],
            a["terrorism_high"]) == ("2", "0.4000", "0.1176", "0.7693")
    assert (a["sovereignty_low"], a["sovereignty_high"]) == ("0.2307", "0.8824")
    assert a["terrorism_example_quote_id"] == "a1" and a["solidarity_example_text"] == ""
    assert a["terrorism_example_text"].startswith("إن سوريا ستواصل مكافحة الإرهاب")
    assert rows[2]["mediation_low"] == "0.4385" and rows[2]["last_date"] == "2015-06-01"


def test_markdown_has_the_numbers_and_quotes(report):
    md = render_markdown(report)
    assert md.startswith("# Frames by actor")
    assert "model-scored quotes (run tfidf-fixture)" in md
    assert "| 1 | وزارة الخارجية السورية | SYR | 5 | 40 [12–77] | 60 [23–88] | 0 [0–43] | " \
           "0 [0–43] | 20 | السيادة (sovereignty) | 2015-03-01 | 2018-06-05 |" in md
    assert "| 3 | الأمم المتحدة | INT | 3 | 0 [0–56] | 0 [0–56] | 0 [0–56] | 100 [44–100] |" in md
    assert "«إن سوريا ستواصل مكافحة الإرهاب حتى تطهير كل شبر من أراضيها» — `sana-0301`, " \
           "2015-03-01, p=0.91" in md
    assert "1 no actor (unattributed quote)" in md


class _Checker(HTMLParser):
    VOID = {"meta", "br", "img", "hr", "link", "input"}

    def __init__(self):
        super().__init__()
        self.stack, self.errors, self.tags = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


def test_html_is_a_rtl_page_with_the_numbers():
    records, kind, info = load_records(FIXTURE)
    rep = build_report(records, kind=kind, info=info)
    page = render_html(rep, pngs={"heatmap": b"\x89PNG\r\n\x1a\nfake"})
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="ar" dir="rtl">' in page and '<meta charset="utf-8">' in page
    chk = _Checker()
    chk.feed(page)
    assert chk.errors == [] and chk.stack == []
    cells = [a for t, a in chk.tags if t == "td" and a.get("class") == "share"]
    assert len(cells) == 4 * 4
    first = {c["data-frame"]: c for c in cells[:4]}
    assert (first["terrorism"]["data-share"], first["terrorism"]["data-low"],
            first["terrorism"]["data-high"]) == ("0.4000", "0.1176", "0.7693")
    assert '40% <small>[12–77]</small>' in page and "100% <small>[44–100]</small>" in page
    assert "وزارة الخارجية السورية" in page and "model-scored quotes (run tfidf-fixture)" in page
    assert page.count("data:image/png;base64,iVBORw0KGg") == 1
    assert "<q>أي وجود عسكري أجنبي على الأراضي السورية" in page
    assert "http://" not in page and "https://" not in page  # self-contained


def test_html_escapes_text(tmp_path):
    rep = build_report([{**GOOD, "actor": "<script>alert(1)</script>", "frames": ["mediation"],
                         "text": "a & b <b>"}])
    page = render_html(rep, plots=False)
    assert "<script>alert" not in page and "&lt;script&gt;" in page and "a &amp; b &lt;b&gt;" in page


def test_table_raw_and_shaped_keep_columns_aligned(report):
    raw = render_table(report, arabic="raw")
    shaped = render_table(report, arabic="shaped")
    for text in (raw, shaped):
        lines = text.splitlines()
        start = next(i for i, l in enumerate(lines) if l.startswith("─"))
        rows = lines[start + 1:start + 5]
        assert len({width(r) for r in rows}) == 1, rows  # same width, Arabic names included
        assert len(rows[0].split()) > 10
    assert "وزارة الخارجية السورية" in raw and "40 [12–77]" in raw and "sovereignty" in raw
    name = visual("وزارة الخارجية السورية", "shaped")
    assert name in shaped and "وزارة الخارجية السورية" not in shaped
    # presentation forms (joined letters), reversed for a left-to-right terminal
    assert all("\ufe70" <= c <= "\ufeff" or c == " " for c in name)
    assert name.split()[0] != "وزارة"
    assert "p=0.91" in raw


def test_render_dispatch(report):
    assert render(report, "json") == render_json(report)
    with pytest.raises(ValueError):
        render(report, "pdf")


# --------------------------------------------------------------------------- command line

def run_cli(argv, capsys):
    from stance.cli import main

    code = 0
    try:
        main(["report", *argv])
    except SystemExit as exc:
        code = exc.code
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_writes_formats_by_suffix(tmp_path, capsys):
    code, out, err = run_cli([str(FIXTURE), "--min-quotes", "3", "-o", str(tmp_path / "r.csv")],
                             capsys)
    assert code == 0 and out == "" and "model-scored quotes" in err
    rows = list(csv.DictReader(open(tmp_path / "r.csv", encoding="utf-8")))
    assert [r["key"] for r in rows] == ["syr-mofa", "irq-jaafari", "un"]
    code, out, _ = run_cli([str(FIXTURE), "--by", "country", "-f", "json", "--source", "BBC"],
                           capsys)
    data = json.loads(out)
    assert data["by"] == "country" and data["filters"] == {"source": ["BBC"]}
    assert [(g["key"], g["n_quotes"]) for g in data["groups"]] == [("IRQ", 4), ("SYR", 1)]


def test_cli_table_to_a_pipe_is_logical_order(capsys):
    code, out, _ = run_cli([str(FIXTURE), "--actor", "un", "--no-examples"], capsys)
    assert code == 0 and "الأمم المتحدة" in out and "Representative quotes" not in out
    code, out, _ = run_cli([str(FIXTURE), "--actor", "un", "--arabic", "shaped"], capsys)
    assert visual("الأمم المتحدة", "shaped") in out


def test_cli_bad_input_is_one_line_exit_2_and_no_output(tmp_path, capsys):
    bad = write(tmp_path, [GOOD, {**GOOD, "frames": ["violence"]}])
    out_file = tmp_path / "r.html"
    code, out, err = run_cli([str(bad), "-o", str(out_file)], capsys)
    assert code == 2 and not out_file.exists() and list(tmp_path.iterdir()) == [bad]
    assert err.strip().count("\n") == 0 and f"{bad}:2: field 'frames'" in err
    code, _, err = run_cli([str(tmp_path / "missing.jsonl")], capsys)
    assert code == 2 and "no such file" in err
    code, _, err = run_cli([str(FIXTURE), "--source", "Reuters"], capsys)
    assert code == 2 and "no quotes left to report (1 no actor (unattributed quote); " \
                         "14 other source)" in err
    code, _, err = run_cli([str(FIXTURE), "--since", "yesterday"], capsys)
    assert code == 2 and "cannot read the date 'yesterday'" in err


def test_cli_bad_output_places_are_refused_before_any_work(tmp_path, capsys):
    """`--plots FILE` with FILE an existing file was a FileExistsError traceback, exit 1, with
    report.html written anyway: now one line, exit 2, nothing written."""
    taken = tmp_path / "plots"
    taken.write_text("not a directory\n", "utf-8")
    html = tmp_path / "report.html"
    code, out, err = run_cli([str(FIXTURE), "--plots", str(taken), "-o", str(html)], capsys)
    assert code == 2 and out == ""
    assert err.strip().count("\n") == 0 and "Traceback" not in err
    assert err.startswith(f"stance: error: {taken}: --plots: exists and is not a directory")
    assert not html.exists() and taken.read_text("utf-8") == "not a directory\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plots"]
    # -o naming a directory, or a place under a file, is refused the same way
    code, _, err = run_cli([str(FIXTURE), "-o", str(tmp_path)], capsys)
    assert code == 2 and "-o: is a directory" in err
    code, _, err = run_cli([str(FIXTURE), "-o", str(taken / "report.md")], capsys)
    assert code == 2 and f"is not a directory" in err and str(taken) in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plots"]


def test_cli_warns_when_min_quotes_leaves_nothing(capsys):
    code, out, err = run_cli([str(FIXTURE), "--min-quotes", "9", "-f", "csv"], capsys)
    assert code == 0 and "no actor has at least 9 quotes (the largest has 5)" in err
    assert out.startswith("rank,key,name") and out.count("\n") == 1


def test_period_range_fills_gaps():
    from stance.report.aggregate import period_range

    assert period_range("2015-Q3", "2016-Q2") == ["2015-Q3", "2015-Q4", "2016-Q1", "2016-Q2"]
    assert period_range("2017-11", "2018-02") == ["2017-11", "2017-12", "2018-01", "2018-02"]
    assert period_range("2015", "2017") == ["2015", "2016", "2017"]
