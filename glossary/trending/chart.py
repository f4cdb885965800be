"""A line chart of chosen phrases over time, as one self-contained SVG (no script, no fonts to fetch).

Made to be read at a glance: time runs on a true scale (a gap of ten years between two reports
looks like ten years, and the line across a gap is dashed, since nothing was measured there);
frequency per 10,000 characters or words on the other axis; each line runs from the period
before the phrase first occurs to the period after it last occurs (so lines do not pile up on
the zero line), is labelled at its peak with its Chinese, and has a legend entry with Chinese,
pinyin and English. Periods with too little text are
shaded and their points drawn hollow. Every point has a tooltip (period, frequency, count).
Colours are the Okabe–Ito set, told apart by people with colour-blindness.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

if TYPE_CHECKING:
    import polars as pl

COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#8C6D31")
FONT = "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei','WenQuanYi Micro Hei',sans-serif"
UNIT = {"zh": "Han characters", "en": "words"}


@dataclass(frozen=True, slots=True)
class Point:
    period: str
    x: float
    value: float | None
    count: int
    thin: bool
    follows: bool  # no period missing between this point and the one before


@dataclass(frozen=True, slots=True)
class Series:
    zh: str
    pinyin: str
    en: str
    lang: str
    points: tuple[Point, ...]


def series(table: pl.DataFrame, keys: list[tuple[str, str]]) -> list[Series]:
    """The points of each phrase *keys* names (``(lang, key)``), in time order."""
    import polars as pl

    from .statistics import periods as table_periods

    order = table_periods(table)
    follows = {p.label: i > 0 and p.follows(order[i - 1]) for i, p in enumerate(order)}
    middle = {p.label: p.middle for p in order}
    out = []
    for lang, key in keys:
        rows = table.filter((pl.col("lang") == lang) & (pl.col("key") == key)).sort("start")
        if rows.height == 0:
            continue
        first = rows.row(0, named=True)
        pts = tuple(
            Point(r["period"], middle[r["period"]], r["per_10k"], r["count"], r["thin"], follows[r["period"]])
            for r in rows.iter_rows(named=True)
        )
        seen = [i for i, p in enumerate(pts) if p.count > 0]
        if seen:  # from the period before it first occurs to the period after it last occurs
            pts = pts[max(0, seen[0] - 1) : seen[-1] + 2]
        zh = first["zh_hans"] or first["phrase"]
        out.append(Series(zh, first["pinyin"] or "", first["en"] or "", lang, pts))
    return out


def svg(lines: list[Series], *, title: str = "", min_text: int | None = None, width: int = 960) -> str:
    """The chart as an ``<svg>`` element (with its namespace, so it also stands alone)."""
    left, right, top, plot_h = 72, 28, 56 if title else 28, 400
    plot_w = width - left - right
    legend_cols = 2 if width >= 760 else 1
    legend_rows = math.ceil(len(lines) / legend_cols) if lines else 0
    height = top + plot_h + 56 + 26 * legend_rows + (22 if min_text is not None else 0) + 8
    xs = [p.x for s in lines for p in s.points]
    x0 = math.floor(min(xs, default=2000.0))
    x1 = math.ceil(max(xs, default=2001.0))
    if x1 - x0 < 1:
        x1 = x0 + 1
    ymax = nice_top([p.value for s in lines for p in s.points if p.value is not None])

    def sx(x: float) -> float:
        return left + (x - x0) / (x1 - x0) * plot_w

    def sy(y: float) -> float:
        return top + plot_h - y / ymax * plot_h

    lang = lines[0].lang if lines else "zh"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'font-family="{FONT}" font-size="13" role="img" aria-label="{escape(title or "trends")}">',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
    ]
    if title:
        out.append(f'<text x="{left}" y="28" font-size="17" font-weight="600" fill="#222">{escape(title)}</text>')
    # thin periods: a shaded band behind the plot
    thin_bands = sorted({(p.period, p.x) for s in lines for p in s.points if p.thin})
    step = _period_width(lines)
    for _, x in thin_bands:
        lo, hi = sx(max(x0, x - step / 2)), sx(min(x1, x + step / 2))
        out.append(f'<rect x="{lo:.1f}" y="{top}" width="{max(1.0, hi - lo):.1f}" height="{plot_h}" fill="#ececec"/>')
    # grid and axes
    for v in _ticks(0, ymax, 5):
        y = sy(v)
        out.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e3e3e3"/>')
        out.append(f'<text x="{left - 8}" y="{y + 4:.1f}" text-anchor="end" fill="#444">{_num(v)}</text>')
    for v in _year_ticks(x0, x1, plot_w):
        x = sx(v)
        out.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top + plot_h}" y2="{top + plot_h + 5}" stroke="#666"/>')
        out.append(f'<text x="{x:.1f}" y="{top + plot_h + 20}" text-anchor="middle" fill="#444">{v}</text>')
    out.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{top + plot_h}" y2="{top + plot_h}" stroke="#666"/>')
    out.append(f'<line x1="{left}" x2="{left}" y1="{top}" y2="{top + plot_h}" stroke="#666"/>')
    unit = UNIT.get(lang, "words")
    out.append(f'<text transform="translate(18 {top + plot_h / 2:.0f}) rotate(-90)" text-anchor="middle" fill="#333">'
               f'occurrences per 10,000 {unit}</text>')
    out.append(f'<text x="{left + plot_w / 2:.0f}" y="{top + plot_h + 40}" text-anchor="middle" fill="#333">year</text>')
    # lines, points, labels
    placed: list[tuple[float, float, float, float]] = []
    for i, s in enumerate(lines):
        colour = COLOURS[i % len(COLOURS)]
        pts = [p for p in s.points if p.value is not None]
        for p0, p1 in zip(pts, pts[1:]):
            dash = "" if p1.follows else ' stroke-dasharray="4 4"'
            out.append(f'<line x1="{sx(p0.x):.1f}" y1="{sy(p0.value or 0):.1f}" x2="{sx(p1.x):.1f}" y2="{sy(p1.value or 0):.1f}" '
                       f'stroke="{colour}" stroke-width="2.2"{dash}/>')
        for p in pts:
            fill = "#ffffff" if p.thin else colour
            tip = f"{s.zh} {s.en} · {p.period}: {_num(p.value or 0, 2)} per 10,000 {unit} ({p.count}×{', thin period' if p.thin else ''})"
            r = 3.2 if p.count else 2.0
            out.append(f'<circle cx="{sx(p.x):.1f}" cy="{sy(p.value or 0):.1f}" r="{r}" fill="{fill}" stroke="{colour}" stroke-width="1.5">'
                       f'<title>{escape(tip)}</title></circle>')
        peak = max(pts, key=lambda p: (p.value or 0, -p.x), default=None)
        if peak is not None and (peak.value or 0) > 0:
            out.append(_label(s.zh, sx(peak.x), sy(peak.value or 0), colour, placed, left, left + plot_w, top))
    # legend
    y = top + plot_h + 64
    col_w = plot_w / legend_cols
    for i, s in enumerate(lines):
        colour = COLOURS[i % len(COLOURS)]
        lx = left + (i % legend_cols) * col_w
        ly = y + (i // legend_cols) * 26
        out.append(f'<line x1="{lx:.0f}" x2="{lx + 26:.0f}" y1="{ly - 4}" y2="{ly - 4}" stroke="{colour}" stroke-width="3"/>')
        out.append(f'<circle cx="{lx + 13:.0f}" cy="{ly - 4}" r="3.2" fill="{colour}"/>')
        text = f'<tspan font-weight="600">{escape(s.zh)}</tspan>'
        if s.pinyin:
            text += f'<tspan fill="#666"> {escape(s.pinyin)}</tspan>'
        if s.en and s.en != s.zh:
            text += f'<tspan> · {escape(s.en)}</tspan>'
        out.append(f'<text x="{lx + 34:.0f}" y="{ly}" fill="#222">{text}</text>')
    if min_text is not None:
        ly = y + legend_rows * 26
        out.append(f'<rect x="{left}" y="{ly - 12}" width="26" height="12" fill="#ececec"/>')
        out.append(f'<text x="{left + 34}" y="{ly - 2}" fill="#555">thin period (under {min_text:,} {unit}): hollow points; '
                   'dashed line: periods missing between two points</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _label(text: str, x: float, y: float, colour: str, placed: list[tuple[float, float, float, float]],
           lo: float, hi: float, top: float) -> str:
    """The phrase written above its peak, moved up until it overlaps no label placed before."""
    w = 14.0 * len(text) + 4
    x = min(max(x, lo + w / 2), hi - w / 2)
    y = max(y - 10, top + 14)
    for _ in range(12):
        box = (x - w / 2, y - 14, x + w / 2, y + 2)
        if not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in placed):
            break
        y -= 17
    placed.append((x - w / 2, y - 14, x + w / 2, y + 2))
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="middle" font-weight="600" fill="{colour}" '
            f'stroke="#ffffff" stroke-width="3" paint-order="stroke">{escape(text)}</text>')


def _period_width(lines: list[Series]) -> float:
    xs = sorted({p.x for s in lines for p in s.points})
    gaps = [b - a for a, b in zip(xs, xs[1:]) if b > a]
    return min(gaps) if gaps else 1.0


def nice_top(values: list[float]) -> float:
    """A round upper bound for the frequency axis whose fifths are round too (1, 1.5, 2, 2.5, 3,
    4, 5, 6, 8 × a power of ten): 12 gives 15, ticks every 3."""
    top = max(values, default=0.0)
    if top <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(top))
    for step in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if top <= step * power * 1.0001:
            return step * power
    return 10 * power


def _ticks(lo: float, hi: float, n: int) -> list[float]:
    return [lo + (hi - lo) * i / n for i in range(n + 1)]


def _year_ticks(x0: int, x1: int, plot_w: float) -> list[int]:
    span = x1 - x0
    step = next((s for s in (1, 2, 5, 10, 20, 50) if span / s <= max(2, plot_w // 70)), 100)
    first = math.ceil(x0 / step) * step
    return list(range(first, x1 + 1, step))


def _num(v: float, digits: int = 1) -> str:
    return f"{v:.{digits}f}".rstrip("0").rstrip(".") if v else "0"
