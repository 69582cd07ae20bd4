"""Plots of ``stance report`` and the HTML page in a real browser (when chromium is there).

The look of the plots (Arabic joined and right to left) is checked by eye; these tests
check that the files exist, are PNGs of a sensible size, and that the Arabic label path
matches the matplotlib in use.
"""

from __future__ import annotations

import json
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

pytest.importorskip("matplotlib")

from stance.report import build_report, load_records, render_html  # noqa: E402
from stance.report import plots  # noqa: E402

FIXTURE = Path(__file__).parent / "data" / "report_fixture.jsonl"
PNG = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


@pytest.fixture(scope="module")
def report():
    records, kind, info = load_records(FIXTURE)
    return build_report(records, kind=kind, info=info)


def test_write_plots_makes_three_pngs(tmp_path, report):
    paths = plots.write_plots(report, tmp_path / "plots")
    assert [p.name for p in paths] == ["heatmap.png", "bars.png", "timeline.png"]
    for p in paths:
        data = p.read_bytes()
        w, h = png_size(data)
        assert 500 <= w <= 4000 and 300 <= h <= 6000, (p.name, w, h)
        assert len(data) > 15_000  # text, cells and bars drawn, not an empty canvas
    assert sorted(x.name for x in (tmp_path / "plots").iterdir()) == \
        ["bars.png", "heatmap.png", "timeline.png"]  # no temporary files left


def test_plot_rows_follow_the_report(report):
    fig = plots.heatmap(report)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == [plots.ar(g.name) for g in report.groups]
    texts = sorted(t.get_text() for t in ax.texts)
    assert texts.count("100%") == 1 and texts.count("40%") == 1 and texts.count("60%") == 1
    # timeline: only groups with quotes in two periods or more (irq-gov has one quarter)
    assert [g.key for g in plots.timeline_groups(report)] == ["syr-mofa", "irq-jaafari", "un"]


def test_no_dates_no_timeline():
    recs = [{"actor": "سيرغي لافروف", "actor_country": "RUS", "frames": ["mediation"]},
            {"actor": "سيرغي لافروف", "actor_country": "RUS", "frames": []}]
    pngs = plots.render_plots(build_report(recs))
    assert sorted(pngs) == ["bars", "heatmap"]


def test_arabic_labels_match_the_matplotlib(monkeypatch):
    import matplotlib

    major, minor = (int(x) for x in matplotlib.__version__.split(".")[:2])
    # matplotlib >= 3.11 shapes Arabic itself (libraqm); reshaping on top breaks it
    assert plots.native_arabic() == ((major, minor) >= (3, 11))
    name = "إبراهيم الجعفري"
    if plots.native_arabic():
        assert plots.ar(name) == name
    monkeypatch.setattr(plots, "native_arabic", lambda: False)
    shaped = plots.ar(name)
    assert shaped != name and all("\ufe70" <= c <= "\ufeff" or c == " " for c in shaped)
    assert plots.ar("terrorism") == "terrorism"


def test_plots_work_with_the_bundled_font_only(monkeypatch, report):
    plots.font_family.cache_clear()
    from matplotlib import font_manager

    monkeypatch.setattr(font_manager.fontManager, "ttflist",
                        [f for f in font_manager.fontManager.ttflist if f.name == "DejaVu Sans"])
    try:
        assert plots.font_family() == ["DejaVu Sans"]
        png_size(plots.render_plots(report)["heatmap"])
    finally:
        plots.font_family.cache_clear()


CHROMIUM = next((shutil.which(b) for b in ("chromium", "chromium-browser", "google-chrome")
                 if shutil.which(b)), None)


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="no chromium: the HTML page was not opened in a "
                    "browser (.ci/setup-chromium.sh installs it as root: apt-get install "
                    "chromium)")
def test_html_in_headless_chromium(tmp_path, report):
    page = tmp_path / "report.html"
    page.write_text(render_html(report), encoding="utf-8")
    args = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]
    dom = subprocess.run(args + ["--dump-dom", page.as_uri()], capture_output=True, text=True,
                         timeout=60).stdout
    assert 'dir="rtl"' in dom and dom.count('class="share"') == 16
    # the browser decoded all three embedded plots (a broken image has naturalWidth 0)
    probe = tmp_path / "probe.html"
    probe.write_text(page.read_text(encoding="utf-8").replace(
        "</body>", "<script>window.onload=()=>{document.title=JSON.stringify("
                   "[...document.images].map(i=>i.naturalWidth))}</script></body>"),
        encoding="utf-8")
    dom = subprocess.run(args + ["--dump-dom", probe.as_uri()], capture_output=True, text=True,
                         timeout=60).stdout
    widths = json.loads(dom.split("<title>")[1].split("</title>")[0])
    assert len(widths) == 3 and all(w > 500 for w in widths)
    shot = tmp_path / "shot.png"
    subprocess.run(args + [f"--screenshot={shot}", "--window-size=1200,900", page.as_uri()],
                   capture_output=True, timeout=60)
    w, h = png_size(shot.read_bytes())
    assert (w, h) == (1200, 900) and shot.stat().st_size > 20_000
