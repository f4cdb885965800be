"""The trends of a corpus as one self-contained HTML page: the chart, a sortable table of phrases,
and the rising, falling and new lists. Styles and the few lines of sorting script are inline;
nothing is fetched, so the page works offline and can be mailed as one file. Every text from
the corpus is escaped.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from .chart import UNIT

if TYPE_CHECKING:
    import polars as pl

_STYLE = """
body{font-family:'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',system-ui,sans-serif;
margin:24px auto;max-width:1000px;padding:0 16px;color:#222;line-height:1.45}
h1{font-size:22px;margin:0 0 4px} h2{font-size:18px;margin:28px 0 8px} .meta{color:#555;margin:0 0 12px}
figure{margin:0} figcaption{color:#555;font-size:13px;margin-top:4px}
table{border-collapse:collapse;width:100%;font-size:14px} th,td{padding:4px 8px;border-bottom:1px solid #e5e5e5;text-align:left;vertical-align:top}
th{background:#f5f5f5;position:sticky;top:0} table.sortable th{cursor:pointer;user-select:none} table.sortable th:after{content:' \\2195';color:#aaa}
td.n{text-align:right;font-variant-numeric:tabular-nums} .py{color:#666} .un{color:#777;font-style:italic}
.lists{display:grid;grid-template-columns:1fr 1fr;gap:16px} .lists h3{font-size:15px;margin:8px 0 4px}
.lists td:first-child,#phrases td:first-child,.lists th,.lists td.n{white-space:nowrap}
.up{color:#0b6e3b} .down{color:#a33}
dl.new{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;font-size:14px} dl.new dt{font-weight:600}
.note{font-size:13px;color:#555}
"""

_SORT = """
document.querySelectorAll('table.sortable').forEach(function(t){
  t.querySelectorAll('th').forEach(function(th,i){th.addEventListener('click',function(){
    var b=t.tBodies[0],rows=Array.from(b.rows),asc=th.dataset.asc!=='1';th.dataset.asc=asc?'1':'0';
    rows.sort(function(x,y){var a=x.cells[i].dataset.v||x.cells[i].textContent,c=y.cells[i].dataset.v||y.cells[i].textContent;
      var na=parseFloat(a),nc=parseFloat(c);var r=(!isNaN(na)&&!isNaN(nc))?na-nc:a.localeCompare(c,'zh');return asc?r:-r;});
    rows.forEach(function(r){b.appendChild(r);});});});});
"""


def _measures() -> str:
    """How the step and the trend are read, and which phrases the lists take."""
    from .statistics import LIST_MIN_COUNT, LIST_MIN_PERIODS, STEP_MIN_SIDE

    return (
        "<b>Step</b>: where a phrase's frequency changed level most, as the ratio of after to before: ×8 is eight "
        "times as frequent from the period <b>since</b> on, ÷4 a quarter as frequent. It is the split between two "
        "periods that best divides its log frequency into a before and an after level, with at least "
        f"{STEP_MIN_SIDE} periods on each side. <b>Trend</b>: the slope of log frequency per year (+7%/yr is about "
        "×2 per decade); a straight line, so a phrase that arrived late has a large step but a small trend. "
        "Both leave thin periods out. The lists rank by step, among phrases seen at least "
        f"{LIST_MIN_COUNT} times in the span and in at least {LIST_MIN_PERIODS} periods on the side they moved to."
    )


def page(*, title: str, meta: str, chart_svg: str, summary: pl.DataFrame, lists: pl.DataFrame, lang: str, note: str) -> str:
    """The page: *chart_svg* (from :func:`glossary.trending.chart.svg`), *summary* (per phrase,
    already cut to the rows to show) and *lists* (from :func:`glossary.trending.lists`)."""
    unit = UNIT.get(lang, "words")
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-Hans"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="meta">{escape(meta)}</p>',
        f'<figure>{chart_svg}<figcaption>{escape(note)}</figcaption></figure>',
        f'<p class="note">{_measures()}</p>',
        _lists(lists),
        f"<h2>Phrases</h2><p class=\"note\">Click a heading to sort. Frequencies are per 10,000 {unit}; step, since "
        "and trend as above, over the whole corpus. ~ marks unreviewed English composed from the phrase's parts.</p>",
        _summary_table(summary),
        f"<script>{_SORT}</script>",
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def _english(r: dict) -> str:
    en = escape(r["en"] or "")
    return f'<span class="un">~ {en}</span>' if r.get("en_unreviewed") and en else en


def _summary_table(df: pl.DataFrame) -> str:
    head = ("phrase", "pinyin", "English", "total", "first", "last", "peak", "peak /10k", "step", "since", "trend /yr")
    rows = []
    for r in df.iter_rows(named=True):
        slope, step = r["slope"], r["step"]
        peak = "" if r["peak_per_10k"] is None else f"{r['peak_per_10k']:.2f}"
        rows.append(
            "<tr>"
            f"<td>{'★ ' if r['followed'] else ''}{escape(r['phrase'])}</td>"
            f'<td class="py">{escape(r["pinyin"] or "")}</td>'
            f"<td>{_english(r)}</td>"
            f'<td class="n">{r["total"]}</td>'
            f"<td>{escape(r['first'] or '—')}</td><td>{escape(r['last'] or '—')}</td><td>{escape(r['peak'] or '—')}</td>"
            f'<td class="n">{peak}</td>'
            f"{_measure(step, ratio(step))}<td>{escape(r['since'] or '')}</td>"
            f"{_measure(slope, percent(slope))}"
            "</tr>"
        )
    ths = "".join(f"<th>{h}</th>" for h in head)
    return f'<table class="sortable" id="phrases"><thead><tr>{ths}</tr></thead><tbody>\n' + "\n".join(rows) + "\n</tbody></table>"


def _measure(value: float | None, shown: str) -> str:
    """A numeric cell coloured by sign, sorted by *value* rather than by its text (×8, ÷4)."""
    if value is None:
        return '<td class="n"></td>'
    cls = " up" if value > 0 else " down" if value < 0 else ""
    return f'<td class="n{cls}" data-v="{value:.6f}">{shown}</td>'


def _lists(df: pl.DataFrame) -> str:
    import polars as pl

    out = []
    for span in df["span"].unique(maintain_order=True).to_list():
        part = df.filter(pl.col("span") == span)
        out.append(f"<h2>{escape(span)}</h2>")
        cols = []
        for name, cls, heading in (("rising", "up", "Rose most"), ("falling", "down", "Fell most")):
            chosen = part.filter(pl.col("list") == name)
            items = "".join(
                f"<tr><td>{escape(r['phrase'])}</td><td>{_english(r)}</td>"
                f'<td class="n {cls}">{ratio(r["step"])}</td><td>{escape(r["since"] or "")}</td>'
                f'<td class="n">{r["count"]}</td><td class="n">{percent(r["slope"])}</td></tr>'
                for r in chosen.iter_rows(named=True)
            )
            body = items or '<tr><td colspan="6">none</td></tr>'
            cols.append(f'<div><h3>{heading}</h3><table class="{name}"><thead><tr><th>phrase</th><th>English</th>'
                        f"<th>step</th><th>since</th><th>count</th><th>trend /yr</th></tr></thead><tbody>{body}</tbody></table></div>")
        out.append(f'<div class="lists">{"".join(cols)}</div>')
        new = part.filter(pl.col("list") == "new")
        if new.height:
            out.append("<h3>New: first seen in the corpus in this period</h3><dl class=\"new\">")
            for period in new["period"].unique(maintain_order=True).to_list():
                firsts = new.filter(pl.col("period") == period)
                listed = "; ".join(
                    f"{escape(r['phrase'])}" + (f" <span class=\"py\">({'~ ' if r['en_unreviewed'] else ''}{escape(r['en'])})</span>" if r["en"] else "")
                    for r in firsts.iter_rows(named=True)
                )
                out.append(f"<dt>{escape(period)}</dt><dd>{listed}</dd>")
            out.append("</dl>")
    return "\n".join(out)


def ratio(step: float | None) -> str:
    """A step of log frequency as a ratio of after to before: 2.92 → '×19', 0.41 → '×1.5',
    −1.39 → '÷4.0'. A fall reads better as a divisor than as ×0.25."""
    import math

    if step is None:
        return ""
    r = math.exp(abs(step))
    return ("×" if step >= 0 else "÷") + (f"{r:.0f}" if r >= 10 else f"{r:.1f}")


def percent(slope: float | None) -> str:
    """A slope of log frequency per year as a yearly change: 0.0677 → '+7.0%'."""
    import math

    if slope is None:
        return ""
    return f"{(math.exp(slope) - 1) * 100:+.1f}%"
