"""The report as one self-contained right-to-left HTML page (``lang="ar" dir="rtl"``).

Everything is inline: the CSS, the share bars with their intervals, and the plots as
base64 PNG images, so the file can be mailed or archived on its own. Numbers, dates and ids
are isolated left to right (``<bdi dir="ltr">``) so they read correctly inside Arabic text.
"""

from __future__ import annotations

import base64
import html

from stance import __version__
from stance.frames import FRAME_BY_KEY

from .aggregate import Group, Report
from .fmt import (country_ar, estimate_lines, pct, role_ar, summary_lines, trend_rows,
                  undated_line)
from .safe import strip_direction_controls

FRAME_CSS = {"terrorism": "#d62728", "sovereignty": "#1f77b4", "solidarity": "#2ca02c",
             "mediation": "#9467bd"}
PLOT_CAPTIONS = {
    "heatmap": ("خريطة حرارية: حصة الاقتباسات التي تحمل كل إطار",
                "heatmap: share of quotes carrying each frame"),
    "bars": ("أعمدة متجاورة لحصص الأطر مع فواصل الثقة",
             "grouped bars of frame shares with 95% intervals"),
    "timeline": ("الأطر عبر الزمن", "frames over time"),
}

CSS = """
@font-face{font-family:"StanceArabic";unicode-range:U+0600-06FF,U+0750-077F,U+08A0-08FF,U+FB50-FDFF,U+FE70-FEFF;
 src:local("Noto Naskh Arabic"),local("Noto Naskh Arabic Regular"),local("NotoNaskhArabic-Regular"),
 local("Amiri"),local("Amiri Regular"),local("Amiri-Regular"),local("Noto Sans Arabic"),
 local("Noto Sans Arabic Regular"),local("NotoSansArabic-Regular"),local("Traditional Arabic"),
 local("Geeza Pro"),local("Tahoma")}
@font-face{font-family:"StanceArabic";font-weight:bold;unicode-range:U+0600-06FF,U+0750-077F,U+08A0-08FF,U+FB50-FDFF,U+FE70-FEFF;
 src:local("Noto Naskh Arabic Bold"),local("NotoNaskhArabic-Bold"),local("Amiri Bold"),local("Amiri-Bold"),
 local("Noto Sans Arabic Bold"),local("NotoSansArabic-Bold"),local("Traditional Arabic Bold"),local("Tahoma Bold")}
*{box-sizing:border-box}
body{font-family:"StanceArabic","Segoe UI",system-ui,"Liberation Sans","DejaVu Sans",sans-serif;
 margin:0;padding:1.5rem 2rem;color:#1d1d1f;background:#fafafa;line-height:1.6}
h1{margin:.2rem 0;font-size:1.7rem} h2{margin-top:2rem;border-bottom:2px solid #ddd;padding-bottom:.2rem}
h3{margin:.8rem 0 .3rem;font-size:1.1rem}
.en{font-family:"DejaVu Sans",Arial,sans-serif;color:#666;font-size:.8em;font-weight:normal}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.8rem 0}
dl.meta dt{font-weight:bold;color:#444} dl.meta dd{margin:0}
.note{color:#555;font-size:.92rem;max-width:60rem}
table{border-collapse:collapse;background:#fff;box-shadow:0 1px 3px rgba(0,0,0,.08);font-size:.95rem}
th,td{padding:.35rem .6rem;border-bottom:1px solid #eee;text-align:right;vertical-align:middle}
th{background:#f0f0f3;position:sticky;top:0;font-weight:bold;white-space:nowrap}
th small,td small{color:#777;font-weight:normal}
td.num{text-align:left;font-variant-numeric:tabular-nums;white-space:nowrap}
td.share{min-width:8.5rem;white-space:nowrap}
.bar{position:relative;height:.55rem;background:#f1f1f1;border-radius:2px;margin-bottom:.15rem}
.bar .fill{position:absolute;top:0;bottom:0;right:0;border-radius:2px;opacity:.85}
.bar .ci{position:absolute;top:45%;height:1px;background:#222}
.bar .ci:before,.bar .ci:after{content:"";position:absolute;top:-3px;height:7px;width:1px;background:#222}
.bar .ci:before{right:0} .bar .ci:after{left:0}
.val{font-variant-numeric:tabular-nums;font-size:.9rem}
.chip{display:inline-block;padding:0 .45rem;border-radius:.7rem;color:#fff;font-size:.85rem}
.none{color:#999}
figure{margin:1rem 0;background:#fff;padding:.6rem;box-shadow:0 1px 3px rgba(0,0,0,.08);display:inline-block;max-width:100%}
figure img{max-width:100%;height:auto;display:block}
figcaption{color:#555;font-size:.9rem;margin-top:.3rem}
.group{background:#fff;padding:.4rem 1rem .6rem;margin:.6rem 0;box-shadow:0 1px 3px rgba(0,0,0,.06)}
.group ul{margin:.2rem 0;padding-right:1.2rem}
.group li{margin:.25rem 0}
q{quotes:"«" "»"}
.src{color:#777;font-size:.85rem}
footer{margin-top:2rem;color:#888;font-size:.85rem}
"""


def _e(text) -> str:
    # direction overrides/embeddings/isolates dropped: one in a name reversed the rest of its
    # line (the count, ids, p-values); see .safe
    return html.escape(strip_direction_controls(text), quote=True)


def _u(text) -> str:
    """User text (a name, a quote): escaped and isolated, so its direction stays inside."""
    return f"<bdi>{_e(text)}</bdi>"


def _ltr(text) -> str:
    return f'<bdi dir="ltr">{_e(text)}</bdi>'


def _chip(key: str | None) -> str:
    if key is None:
        return '<span class="none">—</span>'
    return (f'<span class="chip" style="background:{FRAME_CSS.get(key, "#555")}" '
            f'title="{_e(key)}">{_e(FRAME_BY_KEY[key].arabic)}</span>')


def _share_td(g: Group, key: str) -> str:
    fs = g.frames[key]
    color = FRAME_CSS.get(key, "#555")
    return (f'<td class="share" data-frame="{key}" data-share="{fs.share:.4f}" '
            f'data-low="{fs.low:.4f}" data-high="{fs.high:.4f}" data-count="{fs.count}">'
            f'<div class="bar" title="{fs.count}/{g.n_quotes}">'
            f'<span class="fill" style="width:{fs.share * 100:.1f}%;background:{color}"></span>'
            f'<span class="ci" style="right:{fs.low * 100:.1f}%;'
            f'width:{(fs.high - fs.low) * 100:.1f}%"></span></div>'
            f'<bdi dir="ltr" class="val">{pct(fs.share)}% <small>[{pct(fs.low)}–{pct(fs.high)}]'
            f'</small></bdi></td>')


def _table(report: Report) -> str:
    by_actor = report.by == "actor"
    head = ['<th>#</th>', f'<th>{"الفاعل" if by_actor else "البلد"}</th>',
            f'<th>{"البلد" if by_actor else "الفاعلون"}</th>',
            '<th>الاقتباسات<br><small>quotes</small></th>']
    head += [f'<th>{_e(FRAME_BY_KEY[f].arabic)}<br><small>{_e(f)}</small></th>'
             for f in report.frames]
    head += ['<th>بلا إطار<br><small>none</small></th>',
             '<th>الإطار الغالب<br><small>dominant</small></th>',
             '<th>أول تاريخ<br><small>first</small></th>',
             '<th>آخر تاريخ<br><small>last</small></th>']
    rows = []
    for i, g in enumerate(report.groups, 1):
        if by_actor:
            who = (f'<td title="{_e(g.key)}">{_u(g.name)}'
                   + (f'<br><small>{_u(role_ar(g.role))}</small>' if g.role else "") + '</td>')
            second = (f'<td>{_u(country_ar(g.country))} <small>{_ltr(g.country or "")}</small>'
                      '</td>')
        else:
            who = f'<td>{_u(g.name)} <small>{_ltr(g.key)}</small></td>'
            second = f'<td class="num">{g.actors}</td>'
        cells = [f'<td class="num">{i}</td>', who, second, f'<td class="num">{g.n_quotes}</td>']
        cells += [_share_td(g, f) for f in report.frames]
        cells += [f'<td class="num">{pct(g.none_share)}%</td>', f'<td>{_chip(g.dominant)}</td>',
                  f'<td class="num">{_ltr(g.first_date or "—")}</td>',
                  f'<td class="num">{_ltr(g.last_date or "—")}</td>']
        rows.append(f'<tr data-key="{_e(g.key)}">' + "".join(cells) + "</tr>")
    if not rows:
        return (f'<p class="none">لا يوجد ما يُعرض <span class="en" lang="en">(no {report.by} '
                f'with at least {report.min_quotes} quotes)</span></p>')
    return ('<table id="report-table"><thead><tr>' + "".join(head) + '</tr></thead><tbody>'
            + "\n".join(rows) + '</tbody></table>')


def _trends(report: Report) -> str:
    if not report.by_period or not report.groups:
        return ""
    head = ["الفاعل" if report.by == "actor" else "البلد", "الفترة", "الاقتباسات"]
    head += [f"{_e(FRAME_BY_KEY[f].arabic)}<br><small>{_e(f)}</small>" for f in report.frames]
    rows = "\n".join("<tr>" + f"<td>{_e(r[0])}</td>" + "".join(
        f'<td class="num">{_ltr(c)}</td>' for c in r[1:]) + "</tr>" for r in trend_rows(report))
    return (f'<section id="trends"><h2>الأطر عبر الزمن <span class="en" lang="en">frame shares '
            f'per {_e(report.by_period)}</span></h2><table id="trend-table"><thead><tr>'
            + "".join(f"<th>{h}</th>" for h in head) + f"</tr></thead><tbody>{rows}"
            "</tbody></table></section>")


def _examples(report: Report) -> str:
    parts = []
    for i, g in enumerate(report.groups, 1):
        items = []
        for f in report.frames:
            fs = g.frames[f]
            ex = fs.example
            if ex is None:
                continue
            meta = [ex.article_id or "?"]
            if ex.date:
                meta.append(ex.date)
            if ex.score is not None:
                meta.append(f"p={ex.score:.2f}")
            items.append(f'<li>{_chip(f)} <small>{_ltr(f"{fs.count}/{g.n_quotes}")}</small> '
                         f'<bdi><q>{_e(ex.text)}</q></bdi> '
                         f'<span class="src">{_ltr(" · ".join(meta))}</span></li>')
        if items:
            parts.append(f'<div class="group"><h3>{i}. {_u(g.name)} '
                         f'<small>{_ltr(f"n={g.n_quotes}")}</small></h3><ul>'
                         + "".join(items) + "</ul></div>")
    return "\n".join(parts) if parts else '<p class="none">—</p>'


def _plots(pngs: dict[str, bytes] | None, note: str | None) -> str:
    if not pngs:
        return f'<p class="none">{_e(note or "لا رسوم")}</p>'
    figs = []
    for name, data in pngs.items():
        ar, en = PLOT_CAPTIONS.get(name, (name, name))
        b64 = base64.b64encode(data).decode("ascii")
        figs.append(f'<figure id="plot-{_e(name)}"><img alt="{_e(en)}" '
                    f'src="data:image/png;base64,{b64}"><figcaption>{_e(ar)} '
                    f'<span class="en" lang="en" dir="ltr">({_e(en)})</span></figcaption>'
                    '</figure>')
    return "\n".join(figs)


def render_html(report: Report, pngs: dict[str, bytes] | None = None, plots: bool = True) -> str:
    """The page. ``pngs``: plot name -> PNG bytes (rendered here when None and ``plots``)."""
    note = None
    if pngs is None and plots and report.groups:
        try:
            from .plots import render_plots

            pngs = render_plots(report)
        except ImportError as exc:  # matplotlib is an optional extra
            note = f"plots need matplotlib ({exc.name} is not installed)"
    title_ar = "الأطر حسب الفاعل" if report.by == "actor" else "الأطر حسب البلد"
    unit = "actors" if report.by == "actor" else "countries"
    meta = [
        ("نوع البيانات", f'{_ltr(report.describe())}'),
        ("الملفات", " ، ".join(_ltr(p) for p in report.inputs) or "—"),
        ("الاقتباسات", f'{_ltr(report.n_quotes)} <span class="en" lang="en">(quotes in '
                       f'{report.n_groups_total} {unit}; {len(report.groups)} shown'
                       + (f', at least {report.min_quotes} quotes each' if report.min_quotes > 1
                          else "") + ')</span>'),
        ("الفترة", _ltr(f"{report.first_date} – {report.last_date}") if report.first_date
         else "—"),
    ]
    if report.filters:
        meta.append(("التصفية", _ltr("; ".join(
            f"{k} {', '.join(v) if isinstance(v, list) else v}"
            for k, v in report.filters.items()))))
    if report.skipped:
        meta.append(("المستبعد", _ltr("; ".join(f"{n} {why}" for why, n in
                                                report.skipped.items()))))
    meta_html = "".join(f"<dt>{_e(k)}</dt><dd>{v}</dd>" for k, v in meta)
    notes = " ".join(summary_lines(report)[2:3] + estimate_lines(report)) + " " + \
        f"Representative quote per frame: {report.example_rule}."
    if undated_line(report):
        meta.append(("بلا تاريخ", _ltr(undated_line(report))))
        meta_html = "".join(f"<dt>{_e(k)}</dt><dd>{v}</dd>" for k, v in meta)
    model_note = ("<strong>النسب تقديرات من النموذج وليست تصنيفات المعلّقين</strong>، "
                  "وفاصل الثقة يضم خطأ المصنّف المقيس. " if report.estimator != "labels" else "")
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="stance {__version__}">
<title>{_e(title_ar)} — stance report</title>
<style>{CSS}</style>
</head>
<body>
<header>
<h1>{_e(title_ar)} <span class="en" lang="en" dir="ltr">Frames by {report.by}</span></h1>
<dl class="meta">{meta_html}</dl>
<p class="note">{model_note}النسبة هي حصة اقتباسات الفاعل التي تحمل الإطار، وبين القوسين فاصل الثقة
{_ltr(f"{report.confidence:.0%}")}. قد يحمل الاقتباس أكثر من إطار أو لا يحمل أي إطار.
<br><span class="en" lang="en" dir="ltr">{_e(notes)}</span></p>
</header>
<main>
<section id="table"><h2>الجدول <span class="en" lang="en">table</span></h2>
{_table(report)}
</section>
{_trends(report)}
<section id="plots"><h2>الرسوم <span class="en" lang="en">plots</span></h2>
{_plots(pngs, note)}
</section>
<section id="quotes"><h2>اقتباسات تمثيلية <span class="en" lang="en">representative quotes</span></h2>
{_examples(report)}
</section>
</main>
<footer>{_ltr(f"stance {__version__} · stance report")}</footer>
</body>
</html>
"""
