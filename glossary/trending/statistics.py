"""What the period × phrase table says: per phrase its first, last and peak period, its trend and
its largest step; per span of time the phrases that rose and fell most, and those new in each
period.

Both measures read the log frequency of a phrase over the periods with enough text (not
*thin*). A zero count cannot be logged, so every count gets half an occurrence added first:
ln((count + 0.5) / size × 10,000). A period without the phrase thus sits at a floor that is
lower the more text the period has (more text without it is stronger evidence of absence).

* The **trend** (``slope``) is the least-squares slope of log frequency against time (the middle
  of each period, in years), in natural-log units per year: 0.07 is about ×2 per decade, −0.07
  about half. A phrase never seen has slope ~0 however long the periods. One straight line
  averages over the whole span, so a phrase that arrives in its last years gets a small slope:
  most of its periods are zeros at the floor.
* The **step** is a change point, the best fit of a step instead of a line: of the splits
  between two consecutive periods (at least :data:`STEP_MIN_SIDE` periods on each side), the
  one where two levels (the mean log frequency before it and the mean after it) fit the
  periods best by least squares. ``step`` is the mean after minus the mean before (a log
  ratio: 2.3 is ×10, −0.7 is ÷2) and ``since`` the first period after the split. A phrase that
  arrives late has a large step whenever it arrives: what "rose most" means to a reader of
  political language, a formulation that took hold.

  The best fit is the split with the largest difference of means weighted by
  ``n_before × n_after / n``. Unweighted, the largest difference goes to the shortest sides:
  over 1954–2025 高质量发展 would have "risen" in 2024, its peak year, rather than in 2018 when
  it arrived, because the two reports after 2023 are its highest pair.

The rising and falling lists rank by step. Evidence is weighed in three ways, so that a phrase
seen a few times in one report cannot lead them: the half occurrence (a phrase seen once per
report after never before rises ×3, seen ten times a report ×21), the two periods a side
needs (one report's subject is a spike, not a new level), and the list's entry rule (at least
:data:`LIST_MIN_COUNT` occurrences in the span, seen in at least :data:`LIST_MIN_PERIODS`
periods on the side it moved to: after the split for a rise, before it for a fall).

Everything here is computed from the table alone (it carries each period's size and thin flag),
so a table read back from CSV gives the same answers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .dating import Period, parse_span, span_contains

if TYPE_CHECKING:
    import polars as pl

#: Half an occurrence added to every count before taking logs (see the module docstring).
SMOOTHING = 0.5
#: Least occurrences within a span for a phrase to enter its rising or falling list.
LIST_MIN_COUNT = 5
#: Least periods in which a phrase of the rising (falling) list is seen after (before) its step.
LIST_MIN_PERIODS = 2
#: Least periods with enough text on each side of a step: one period is one report, whose own
#: subject would otherwise pass for a new level (and the first or last report of a span for a
#: change at its edge).
STEP_MIN_SIDE = 2
#: A year written out digit by digit (一九五四, 二〇二三; three digits catch the fragments 一九五,
#: 比一九五二年 that discovery keeps): its rise and fall is the calendar's, not the language's,
#: and over 1954–2025 such strings filled seven of the ten places of "fell most".
YEAR_WRITTEN = "[〇零一二三四五六七八九]{3}"
#: A step smaller than this (in log units) is rounding noise, not a change.
_FLAT = 1e-9
PHRASE = ("lang", "key")
_LABELS = ("phrase", "term_id", "zh_hans", "pinyin", "en", "en_unreviewed", "kind", "followed", "rank")


def _log_freq(pl):
    return ((pl.col("count") + SMOOTHING) / pl.col("size") * 10_000).log()


def _x(pl):
    """The middle of a period in years (:attr:`Period.middle`: 1978.5 for 1978), from its first
    and last month, so that periods of equal length are equally far apart."""
    first = pl.col("start").dt.year().cast(pl.Float64) * 12 + pl.col("start").dt.month() - 1
    after = pl.col("end").dt.year().cast(pl.Float64) * 12 + pl.col("end").dt.month()
    return (first + after) / 24


def _steps(solid: pl.DataFrame) -> pl.DataFrame:
    """Per phrase of *solid* (periods with enough text, with ``_y``, the smoothed log frequency):
    ``step``, ``since`` and ``_moved`` (periods the phrase is seen in on the side it moved to)
    at its change point: the split where two levels fit best by least squares, the largest
    ``step² × n_before × n_after / n`` (see the module docstring). Ties go to the earliest split.
    Phrases with too few periods for a split, or not seen in *solid*, have no row."""
    import polars as pl

    seen = (pl.col("count") > 0).cast(pl.Int64)
    s = solid.sort("start").with_columns(
        _k=pl.int_range(1, pl.len() + 1).over(PHRASE), _m=pl.len().over(PHRASE),
        _cy=pl.col("_y").cum_sum().over(PHRASE), _ty=pl.col("_y").sum().over(PHRASE),
        _cs=seen.cum_sum().over(PHRASE), _ts=seen.sum().over(PHRASE),
        since=pl.col("period").shift(-1).over(PHRASE),
    )
    before, after = pl.col("_k"), pl.col("_m") - pl.col("_k")
    splits = s.filter((before >= STEP_MIN_SIDE) & (after >= STEP_MIN_SIDE) & (pl.col("_ts") > 0)).with_columns(
        step=(pl.col("_ty") - pl.col("_cy")) / after - pl.col("_cy") / before)
    fit = pl.col("step") ** 2 * before * after / pl.col("_m")
    best = splits.sort(fit, "start", descending=[True, False]).group_by(PHRASE, maintain_order=True).first()
    moved = pl.when(pl.col("step") > 0).then(pl.col("_ts") - pl.col("_cs")).otherwise(pl.col("_cs"))
    flat = pl.col("step").abs() < _FLAT  # rounding noise of a constant series: no step, no since
    return best.select(*PHRASE, step=pl.when(flat).then(0.0).otherwise(pl.col("step")),
                       since=pl.when(flat).then(None).otherwise(pl.col("since")), _moved=moved)


def _slope(pl, x: pl.Expr, y: pl.Expr) -> pl.Expr:
    """Least-squares slope of *y* on *x* within a group (null with fewer than two distinct x)."""
    var = (x * x).mean() - x.mean() ** 2
    return pl.when(var > 1e-12).then(((x * y).mean() - x.mean() * y.mean()) / var).otherwise(None)


def summary(table: pl.DataFrame) -> pl.DataFrame:
    """One row per phrase of a :func:`glossary.trends` table: ``total``, ``periods`` (with the
    phrase), ``first``/``last`` (periods where it occurs, thin ones included), ``peak`` and
    ``peak_per_10k`` (highest frequency among periods with enough text; among all when every
    period is thin), ``slope`` (see the module docstring; null when fewer than two periods
    have enough text), ``step`` and ``since`` (the change point and the first period after it;
    null when fewer than ``2 × STEP_MIN_SIDE`` periods have enough text or the phrase is seen
    in none of them). Followed terms first, then by ``rank``."""
    import polars as pl

    t = table.sort("start").with_columns(_x=_x(pl), _y=_log_freq(pl))
    seen = pl.col("count") > 0
    solid = t.filter(~pl.col("thin") & (pl.col("size") > 0))
    labels = t.group_by(PHRASE, maintain_order=True).agg(
        *[pl.col(c).first() for c in _LABELS],
        total=pl.col("count").sum(),
        periods=seen.sum(),
        first=pl.col("period").filter(seen).first(),
        last=pl.col("period").filter(seen).last(),
    )
    peak_all = t.filter(pl.col("size") > 0).sort("per_10k", "start", descending=[True, False]).group_by(PHRASE).agg(
        _peak_all=pl.col("period").first(), _peak_all_f=pl.col("per_10k").first())
    peak = solid.sort("per_10k", "start", descending=[True, False]).group_by(PHRASE).agg(
        _peak=pl.col("period").first(), _peak_f=pl.col("per_10k").first())
    slope = solid.group_by(PHRASE).agg(slope=_slope(pl, pl.col("_x"), pl.col("_y")))
    steps = _steps(solid).drop("_moved")
    out = (
        labels.join(peak_all, on=PHRASE, how="left").join(peak, on=PHRASE, how="left").join(slope, on=PHRASE, how="left")
        .join(steps, on=PHRASE, how="left")
        .with_columns(
            peak=pl.when(pl.col("total") == 0).then(None).otherwise(pl.coalesce("_peak", "_peak_all")),
            peak_per_10k=pl.when(pl.col("total") == 0).then(None).otherwise(pl.coalesce("_peak_f", "_peak_all_f")),
        )
        .drop("_peak", "_peak_all", "_peak_f", "_peak_all_f")
    )
    return out.sort(["followed", "rank"], descending=[True, False])


def lists(table: pl.DataFrame, spans: list[str] | None = None, n: int = 10, min_count: int = LIST_MIN_COUNT,
          new: int | None = None) -> pl.DataFrame:
    """The rising, falling and new phrases of each span (``1978-1985``; default: the whole table).

    * ``rising``/``falling``: the *n* phrases with the largest step up/down (see the module
      docstring) over the span's periods with enough text, among the phrases seen at least
      *min_count* times in those periods and in at least :data:`LIST_MIN_PERIODS` of them on the
      side they moved to (a rise must hold in two periods, not one report's spike). Years
      written out in Chinese numerals (:data:`YEAR_WRITTEN`) are left out.
    * ``new``: per period of the span, the *new* (default: half of *n*) phrases seen there for
      the first time in the whole table (never in an earlier period), most used over the whole
      table first; the table's first period is left out (everything is "new" there).

    One row per listed phrase: ``list``, ``span``, ``period`` (new only), ``place``, the phrase's
    labels, ``count`` (in the span, or in the period for new), ``slope``, ``step`` and
    ``since`` (within the span; null for new).
    """
    import polars as pl

    t = table.with_columns(_x=_x(pl), _y=_log_freq(pl))
    periods = _periods(t)
    frames = []
    for label, members in _spans(spans, periods):
        inside = t.filter(pl.col("period").is_in([p.label for p in members]))
        solid = inside.filter(~pl.col("thin") & (pl.col("size") > 0))
        stats = (
            solid.group_by(PHRASE).agg(
                *[pl.col(c).first() for c in _LABELS],
                count=pl.col("count").sum(),
                slope=_slope(pl, pl.col("_x"), pl.col("_y")),
            )
            .join(_steps(solid), on=PHRASE, how="inner")
            .filter((pl.col("count") >= min_count) & (pl.col("_moved") >= LIST_MIN_PERIODS)
                    & ~pl.col("phrase").str.contains(YEAR_WRITTEN))
        )
        for name, asc in (("rising", False), ("falling", True)):
            chosen = stats.filter(pl.col("step") < 0 if asc else pl.col("step") > 0).sort(
                ["step", "count", "key"], descending=[not asc, True, False]).head(n)
            frames.append(chosen.with_columns(list=pl.lit(name), span=pl.lit(label), period=pl.lit(""), place=pl.int_range(1, chosen.height + 1)))
        frames.append(_new(t, members, periods, label, new if new is not None else max(1, n // 2)))
    cols = ["list", "span", "period", "place", "lang", "key", *_LABELS, "count", "slope", "step", "since"]
    if not frames:
        numbers = {"place": pl.Int64, "count": pl.Int64, "slope": pl.Float64, "step": pl.Float64}
        return pl.DataFrame(schema={c: numbers.get(c) or table.schema.get(c, pl.Utf8) for c in cols})
    return pl.concat([f.select([pl.col(c).cast(pl.Int64) if c in ("place", "count") else pl.col(c) for c in cols]) for f in frames],
                     how="vertical_relaxed")


def _new(t: pl.DataFrame, members: list[Period], periods: list[Period], label: str, n: int) -> pl.DataFrame:
    import polars as pl

    order = {p.label: i for i, p in enumerate(periods)}
    seen = t.filter(pl.col("count") > 0)
    firsts = seen.sort("start").group_by(PHRASE).agg(_first=pl.col("period").first(), _total=pl.col("count").sum())
    wanted = [p.label for p in members if order[p.label] > 0]
    here = (
        seen.filter(pl.col("period").is_in(wanted)).join(firsts, on=PHRASE)
        .filter(pl.col("period") == pl.col("_first"))
        .with_columns(_o=pl.col("period").replace_strict(order, return_dtype=pl.Int64))
        .sort(["_o", "_total", "count", "key"], descending=[False, True, True, False])
        .group_by("period", maintain_order=True).head(n)
    )
    return here.with_columns(
        list=pl.lit("new"), span=pl.lit(label), slope=pl.lit(None, dtype=pl.Float64),
        step=pl.lit(None, dtype=pl.Float64), since=pl.lit(None, dtype=pl.Utf8),
        place=pl.int_range(1, pl.len() + 1).over("period"),
    )


def periods(table: pl.DataFrame) -> list[Period]:
    """The periods of a table, in time order."""
    return _periods(table)


def _periods(t: pl.DataFrame) -> list[Period]:
    rows = t.select("period", "start", "end").unique().sort("start").iter_rows()
    out = []
    for label, start, end in rows:
        index = start.year * 12 + start.month - 1
        months = (end.year * 12 + end.month) - index
        out.append(Period(index, months, label))
    return out


def _spans(spans: list[str] | None, periods: list[Period]) -> list[tuple[str, list[Period]]]:
    if not periods:
        return []
    if not spans:
        return [(f"{periods[0].label}–{periods[-1].label}" if len(periods) > 1 else periods[0].label, periods)]
    out = []
    for s in spans:
        span = parse_span(s)
        members = [p for p in periods if span_contains(span, p)]
        a, b = span
        out.append((f"{a.year}–{b.year}" if a.year != b.year else str(a.year), members))
    return out
