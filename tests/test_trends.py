"""`glossary trends`: dating, periods, normalisation, thin periods, the lists, terms, output, errors."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import polars as pl
import pytest
from browser import CHROMIUM, NO_CHROMIUM, rendered_dom
from click.testing import CliRunner

from glossary.cli import main
from glossary.errors import InputError
from glossary.trending import COLUMNS, follow, lists, summary, trends
from glossary.trending.dating import When, from_cell, from_name, parse_span, period_of

#: Neutral Chinese filler: 20 Han characters, no glossary term, no repeated phrase across lines.
FILLER = "今天天气很好我们一起去公园散步看花听鸟叫"


def text(chars: int, *phrases: str) -> str:
    """About *chars* Han characters of filler, with *phrases* spread through it."""
    body = [FILLER] * max(1, chars // len(FILLER))
    step = max(1, len(body) // (len(phrases) + 1))
    for i, p in enumerate(phrases):
        body.insert((i + 1) * step + i, p)
    return "。".join(body) + "。\n"


def corpus(tmp_path: Path, years: dict[str, str]) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir(exist_ok=True)
    for name, body in years.items():
        (folder / name).write_text(body, encoding="utf-8")
    return folder


def row(table: pl.DataFrame, period: str, key: str) -> dict:
    return table.filter((pl.col("period") == period) & (pl.col("key") == key)).row(0, named=True)


# -- dating ------------------------------------------------------------------------------------
@pytest.mark.parametrize(("name", "when"), [
    ("1978.txt", When(1978)),
    ("reports/2020-12-04-editorial.md", When(2020, 12)),
    ("20201204.txt", When(2020, 12)),
    ("2021_03_note.txt", When(2021, 3)),
    ("gwr/2019/report.txt", When(2019)),            # a dated folder
    ("2024年政府工作报告.txt", When(2024)),
    ("congress19.txt", None),                         # two digits are no year
    ("report12345.txt", None),                        # nor is part of a longer number
    ("notes.txt", None),
])
def test_dates_from_file_names(name, when):
    assert from_name(name) == when


@pytest.mark.parametrize(("cell", "when"), [
    ("2020-12-04", When(2020, 12)), ("2020/1/5", When(2020, 1)), ("2020年12月4日", When(2020, 12)),
    ("2020-12-04T08:00:00", When(2020, 12)), ("20201204", When(2020, 12)), ("1978", When(1978)),
    ("2020.07", When(2020, 7)), ("2020-13-01", None), ("n/a", None), ("", None), ("12/04/2020", None),
])
def test_dates_from_cells(cell, when):
    assert from_cell(cell) == when


def test_periods():
    assert period_of(When(1978), "5y").label == "1976–1980"      # five-year-plan spans
    assert period_of(When(2025), "5y").label == "2021–2025"
    assert period_of(When(2021), "5y").label == "2021–2025"
    assert period_of(When(1978), "decade").label == "1970s"
    p = period_of(When(2020, 2), "month")
    assert (p.label, p.first, p.last) == ("2020-02", date(2020, 2, 1), date(2020, 2, 29))
    assert period_of(When(1978), "year").middle == 1978.5
    with pytest.raises(InputError, match="without a month"):
        period_of(When(1978), "month", "1978.txt")


def test_spans():
    assert parse_span("1978-1985") == (When(1978), When(1985))
    assert parse_span("1978..1985") == parse_span("1978–1985")
    assert parse_span("2020-03..2021-06") == (When(2020, 3), When(2021, 6))
    assert parse_span("2024") == (When(2024), When(2024))
    for bad in ("1985-1978", "late seventies"):
        with pytest.raises(InputError):
            parse_span(bad)


# -- counting and normalisation ---------------------------------------------------------------
def test_frequency_is_per_10000_characters_of_each_period(tmp_path, shipped):
    folder = corpus(tmp_path, {
        "2000.txt": text(10_000, *["改革开放"] * 2),
        "2001.txt": text(20_000, *["改革开放"] * 4),   # twice as long, twice the count: same frequency
        "2002.txt": text(10_000),
    })
    t = trends(folder, ["改革开放"], discover=False, glossary=shipped)
    key = follow(["改革开放"], shipped)[0].term_id
    a, b, c = (row(t, y, key) for y in ("2000", "2001", "2002"))
    assert (a["count"], b["count"], c["count"]) == (2, 4, 0)
    assert a["size"] > 9_000 and b["size"] > 2 * a["size"] - 100
    assert a["per_10k"] == pytest.approx(b["per_10k"], rel=0.01)
    assert a["per_10k"] == pytest.approx(2 / a["size"] * 10_000)
    assert c["per_10k"] == 0
    # the table is complete: every period × every phrase, zeros included
    assert t.height == 3 * t.select("lang", "key").unique().height
    assert set(t.columns) >= {"period", "start", "end", "size", "thin", "count", "per_10k", "pinyin", "en"}
    assert row(t, "2000", key)["en"] == "reform and opening up" and row(t, "2000", key)["followed"]


def test_nested_terms_count_as_extract_counts_them(tmp_path, shipped):
    from glossary.extraction import ExtractOptions, extract

    body = text(6_000, "全面深化改革开放", "改革开放", "坚持改革开放", "全面深化改革开放")
    folder = corpus(tmp_path, {"2010.txt": body, "2011.txt": text(6_000, "改革开放")})
    t = trends(folder, discover=False, glossary=shipped)
    outer = follow(["全面深化改革开放"], shipped)[0].term_id
    inner = follow(["改革开放"], shipped)[0].term_id
    assert row(t, "2010", outer)["count"] == 2
    assert row(t, "2010", inner)["count"] == 4          # inside the longer term too, as extract counts
    ex = extract([folder], "zh", glossary=shipped, options=ExtractOptions(new=False))
    by_term = ex.group_by("term_id").agg(pl.col("count").sum())
    totals = t.group_by("key").agg(pl.col("count").sum())
    joined = totals.join(by_term, left_on="key", right_on="term_id")
    assert joined.height == totals.height and (joined["count"] == joined["count_right"]).all()


def test_thin_periods_are_marked_and_left_out_of_trend_and_peak(tmp_path, shipped):
    folder = corpus(tmp_path, {
        "2000.txt": text(8_000, "改革开放"),
        "2001.txt": text(8_000, *["改革开放"] * 3),
        "2002.txt": text(400, *["改革开放"] * 3),       # short: the highest frequency by far
    })
    t = trends(folder, ["改革开放"], discover=False, glossary=shipped, min_text=5_000)
    key = follow(["改革开放"], shipped)[0].term_id
    assert [row(t, y, key)["thin"] for y in ("2000", "2001", "2002")] == [False, False, True]
    s = summary(t).filter(pl.col("key") == key).row(0, named=True)
    assert s["peak"] == "2001"                           # not the thin 2002
    assert s["last"] == "2002" and s["first"] == "2000"   # seen is seen, thin or not
    assert s["total"] == 7
    # the slope uses 2000 and 2001 only: ln((3.5)/n1) − ln((1.5)/n0) over one year
    n0, n1 = row(t, "2000", key)["size"], row(t, "2001", key)["size"]
    import math

    assert s["slope"] == pytest.approx(math.log(3.5 / n1) - math.log(1.5 / n0), rel=1e-6)
    loose = summary(trends(folder, ["改革开放"], discover=False, glossary=shipped, min_text=0))
    assert loose.filter(pl.col("key") == key)["peak"][0] == "2002"


def test_zeros_are_smoothed_not_dropped(tmp_path, shipped):
    folder = corpus(tmp_path, {"2000.txt": text(6_000), "2001.txt": text(6_000, "改革开放", "改革开放"), "2002.txt": text(6_000)})
    t = trends(folder, ["改革开放", "阶级斗争"], discover=False, glossary=shipped)
    s = summary(t)
    never = s.filter(pl.col("phrase") == "阶级斗争").row(0, named=True)
    assert never["total"] == 0 and never["first"] is None and never["peak"] is None
    assert never["slope"] == pytest.approx(0.0, abs=0.01)   # equal sizes: a flat floor
    hump = s.filter(pl.col("phrase") == "改革开放").row(0, named=True)
    assert hump["peak"] == "2001" and hump["slope"] == pytest.approx(0.0, abs=0.01)


def test_english_is_counted_per_10000_words(tmp_path, shipped):
    filler = "The weather was fine and we walked in the park to look at the flowers. " * 80   # 1,200 words
    folder = corpus(tmp_path, {
        "2001.txt": filler + "We keep to reform and opening up. ",
        "2002.txt": filler * 2 + "Reform and opening-up goes on; reform and opening up works. ",
    })
    t = trends(folder, ["改革开放"], lang="en", discover=False, glossary=shipped, min_text=100)
    key = follow(["改革开放"], shipped)[0].term_id
    a, b = row(t, "2001", key), row(t, "2002", key)
    assert (a["lang"], a["count"], b["count"]) == ("en", 1, 2)
    assert a["size"] == 1200 + 7 and a["per_10k"] == pytest.approx(10_000 / a["size"])
    assert a["phrase"] == "reform and opening up" and a["zh_hans"] == "改革开放"


# -- the lists ---------------------------------------------------------------------------------
def test_rising_falling_and_new_lists(tmp_path, shipped):
    up, down, late = "高质量发展", "阶级斗争", "新质生产力"
    folder = corpus(tmp_path, {
        "2010.txt": text(6_000, *[down] * 8, up),
        "2011.txt": text(6_000, *[down] * 4, *[up] * 3),
        "2012.txt": text(6_000, *[down] * 2, *[up] * 6, late, late),
        "2013.txt": text(6_000, down, *[up] * 9, *[late] * 4),
    })
    t = trends(folder, discover=False, glossary=shipped)
    ls = lists(t, ["2010-2013"], n=5)
    rising = ls.filter(pl.col("list") == "rising")["phrase"].to_list()
    falling = ls.filter(pl.col("list") == "falling")["phrase"].to_list()
    assert up in rising and late in rising and down not in rising   # (生产力, nested in 新质生产力, rises too)
    assert falling == [down]
    assert (ls.filter(pl.col("list") == "rising")["step"].diff().drop_nulls() <= 0).all()  # largest step first
    assert set(ls.filter(pl.col("list") != "new")["since"]) == {"2012"}     # four periods: one split, two a side
    new = ls.filter(pl.col("list") == "new")
    assert new.filter(pl.col("phrase") == late)["period"].to_list() == ["2012"]
    assert "2010" not in new["period"].to_list()             # the first period: everything is new there
    # a span picks its periods; too few occurrences keep a phrase out of a list
    assert late not in lists(t, ["2010-2013"], n=5, min_count=7).filter(pl.col("list") == "rising")["phrase"].to_list()  # 6 only
    assert late in lists(t, ["2010-2013"], n=5, min_count=6).filter(pl.col("list") == "rising")["phrase"].to_list()
    later = lists(t, ["2012-2013"], n=5)
    assert later.filter(pl.col("list") != "new").height == 0       # two periods: no split with two on each side
    assert set(later.filter(pl.col("list") == "new")["phrase"]) == {late, "生产力"} and later["span"][0] == "2012–2013"


def test_lists_of_a_table_read_back_from_csv(tmp_path, shipped):
    folder = corpus(tmp_path, {
        f"{y}.txt": text(6_000, *["阶级斗争"] * down, *["改革开放"] * up)
        for y, down, up in ((2010, 4, 0), (2011, 3, 0), (2012, 2, 2), (2013, 0, 3), (2014, 0, 4))
    })
    out = tmp_path / "t.csv"
    r = CliRunner().invoke(main, ["trends", str(folder), "--known-only", "-f", "csv", "-o", str(out)])
    assert r.exit_code == 0, r.output
    back = pl.read_csv(out, try_parse_dates=True, schema_overrides={"period": pl.Utf8}).with_columns(   # yes or empty
        *[(pl.col(c) == "yes").fill_null(False) for c in ("thin", "followed", "en_unreviewed")],
        pl.col("term_id").fill_null(""), pl.col("pinyin").fill_null(""))
    direct = trends(folder, discover=False, glossary=shipped)
    kept = ("key", "total", "first", "peak", "slope", "step", "since")
    assert summary(back).select(kept).sort("key").equals(summary(direct).select(kept).sort("key"))
    again = lists(back, n=5).select("list", "period", "key", "count", "slope", "step", "since")
    assert again.equals(lists(direct, n=5).select(again.columns))
    moved = again.filter(pl.col("list") != "new")
    assert moved.rows() == [                     # 改革开放 from 2012 on; 阶级斗争 gone from 2013
        ("rising", "", follow(["改革开放"], shipped)[0].term_id, 9, *moved.row(0)[4:6], "2012"),
        ("falling", "", follow(["阶级斗争"], shipped)[0].term_id, 9, *moved.row(1)[4:6], "2013"),
    ]


def series(counts: dict[str, list[int]], first: int = 2012, size: int = 16_000, thin: tuple[str, ...] = ()) -> pl.DataFrame:
    """A trends table made by hand: one phrase per entry, one yearly period per count from
    *first*, every period *size* characters."""
    rows = [
        {"period": str(first + i), "start": date(first + i, 1, 1), "end": date(first + i, 12, 31), "lang": "zh",
         "size": size, "docs": 1, "thin": str(first + i) in thin, "key": phrase, "phrase": phrase, "term_id": "",
         "zh_hans": phrase, "pinyin": "", "en": "", "en_unreviewed": False, "kind": "discovered", "followed": False,
         "rank": rank, "count": c, "per_10k": c / size * 10_000}
        for rank, (phrase, cs) in enumerate(counts.items()) for i, c in enumerate(cs)
    ]
    return pl.DataFrame(rows).select(COLUMNS)


#: 2012–2025, in the manner of the Government Work Reports of that span.
MOVES = {
    "late": [0] * 11 + [3, 4, 5],                                 # arrives in 2023, like 中国式现代化
    "steady": [1, 1, 2, 2, 3, 4, 5, 6, 8, 10, 12, 14, 17, 20],   # climbs all along
    "flat": [5] * 14,
    "spike": [0] * 7 + [9] + [0] * 6,                              # one report's subject, seen in one period
    "edge": [0, 1] + [0] * 11 + [9],                               # one stray use, then one report's burst
    "rare": [0] * 12 + [2, 2],                                     # a real arrival, but only four uses
    "二〇二三年": [0] * 11 + [3, 4, 5],                             # a year: the calendar rises, not the language
}


def test_a_late_arrival_tops_the_rising_list():
    t = series(MOVES)
    rising = lists(t, n=10).filter(pl.col("list") == "rising")
    assert rising["phrase"].to_list() == ["late", "steady"]
    late = rising.row(0, named=True)
    assert late["since"] == "2023"
    import math

    assert late["step"] == pytest.approx((math.log(3.5) + math.log(4.5) + math.log(5.5)) / 3 - math.log(0.5))
    steady = rising.row(1, named=True)
    assert late["slope"] < steady["slope"]            # the straight line ranks it below the steady riser
    assert lists(t, n=10, min_count=4).filter(pl.col("list") == "rising")["phrase"].to_list()[:2] == ["late", "rare"]
    s = summary(t).filter(pl.col("phrase") == "late").row(0, named=True)
    assert (s["step"], s["since"]) == (pytest.approx(late["step"]), "2023")


def test_a_fall_is_a_rise_backwards():
    rise = lists(series(MOVES), n=10).filter(pl.col("list") == "rising")
    fall = lists(series({k: v[::-1] for k, v in MOVES.items()}), n=10).filter(pl.col("list") == "falling")
    assert fall["phrase"].to_list() == rise["phrase"].to_list() == ["late", "steady"]
    assert fall["step"].to_list() == pytest.approx([-x for x in rise["step"]])
    assert fall["since"][0] == "2015"                # levels 2012–2014, gone from 2015
    assert lists(series({k: v[::-1] for k, v in MOVES.items()}), n=10).filter(pl.col("list") == "rising").height == 0


def test_the_step_is_where_two_levels_fit_best():
    # the largest plain difference of means is at 2024 (the last two, highest reports); two levels
    # fit best with the arrival in 2018
    t = series({"arrives": [0] * 6 + [5] * 6 + [40, 40]})
    assert summary(t)["since"][0] == "2018"
    # each side needs two periods: a change in the last period is not placed there
    assert summary(series({"x": [4] * 6 + [0]}))["since"][0] == "2017"
    assert summary(series({"x": [0] + [4] * 6}))["since"][0] == "2014"
    assert summary(series({"x": [4] * 3}))["step"][0] is None          # too short for two sides of two
    never = summary(series({"x": [0] * 6}, thin=("2013",))).row(0, named=True)
    assert never["step"] is None and never["since"] is None and never["slope"] == pytest.approx(0.0)
    # thin periods are skipped: the level after the split starts at the first solid period
    assert summary(series({"x": [0] * 5 + [6, 7, 8]}, thin=("2017",)))["since"][0] == "2018"


def test_ratios_and_percentages():
    from glossary.trending.page import percent, ratio

    assert [ratio(x) for x in (2.917, 0.405, -1.386, 0.0, None)] == ["×18", "×1.5", "÷4.0", "×1.0", ""]
    assert percent(0.0677) == "+7.0%"


# -- terms -------------------------------------------------------------------------------------
def test_terms_in_any_lookup_form(shipped):
    ids = {f.term_id for f in follow(["改革开放", "改革開放", "reform and opening up", "gaige kaifang", "gǎigé kāifàng"], shipped)}
    assert len(ids) == 1 and ids != {""}
    plain = follow(["某某新提法"], shipped)[0]               # Chinese without an entry: followed as written
    assert plain.term_id == "" and plain.phrase == "某某新提法"
    with pytest.raises(InputError, match="no glossary entry for 'refrom and openning'"):
        follow(["refrom and openning"], shipped)


def test_followed_plain_phrase_is_counted(tmp_path, shipped):
    folder = corpus(tmp_path, {"2000.txt": text(6_000, "某某新提法"), "2001.txt": text(6_000)})
    t = trends(folder, ["某某新提法"], discover=False, glossary=shipped)
    assert row(t, "2000", "某某新提法")["count"] == 1 and row(t, "2001", "某某新提法")["followed"]


def test_discovered_phrases_join_glossary_terms(tmp_path, shipped):
    new = "绿色低碳循环经济示范带"
    folder = corpus(tmp_path, {f"{y}.txt": text(3_000, *[new] * (y - 2000), "改革开放") for y in range(2001, 2005)})
    t = trends(folder, glossary=shipped, top=50)
    found = t.filter(pl.col("phrase") == new)
    assert found.height == 4 and found["kind"][0] != "glossary"
    assert found.sort("start")["count"].to_list() == [1, 2, 3, 4]
    assert found["pinyin"][0] and found["en_unreviewed"][0]     # described as extract describes
    kept = trends(folder, ["阶级斗争"], glossary=shipped, top=1, described=False)
    assert kept.select("key").n_unique() == 2 and kept["followed"].sum() == 4   # the followed term + the best one
    assert not kept.filter(~pl.col("followed"))["pinyin"].to_list()[0] or kept.filter(~pl.col("followed"))["term_id"][0]


# -- CSV / TSV input -------------------------------------------------------------------------------
def test_dates_from_a_column(tmp_path, shipped):
    table = tmp_path / "articles.csv"
    table.write_text(
        "title,published,body\n"
        f"a,2020-01-05,{text(3_000, '改革开放')}"
        f"b,2020/01/20,{text(3_000, '改革开放', '改革开放')}"
        f"c,2020年2月3日,{text(3_000)}",
        encoding="utf-8",
    )
    t = trends(table, ["改革开放"], by="month", discover=False, glossary=shipped, min_text=1_000)
    key = follow(["改革开放"], shipped)[0].term_id
    assert (row(t, "2020-01", key)["count"], row(t, "2020-01", key)["docs"]) == (3, 2)
    assert row(t, "2020-02", key)["count"] == 0
    t2 = trends(table, ["改革开放"], by="year", date_column="published", discover=False, glossary=shipped)
    assert t2["period"].unique().to_list() == ["2020"]
    undated = tmp_path / "2019-articles.tsv"          # no date column: the file name dates its rows
    undated.write_text(f"text\n{text(3_000, '改革开放').strip()}\n{text(3_000).strip()}\n", encoding="utf-8")
    t3 = trends(undated, discover=False, glossary=shipped)
    assert t3["period"].unique().to_list() == ["2019"] and t3["docs"][0] == 2


def test_bad_dates_name_the_file_and_row(tmp_path, shipped):
    table = tmp_path / "a.tsv"
    body = text(2_000, "改革开放").strip()
    table.write_text(f"date\ttext\n2020-01-05\t{body}\nsoon\t{body}\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"a\.tsv:3: 'soon' is not a date"):
        trends(table, discover=False, glossary=shipped)
    with pytest.raises(InputError, match="no date column 'when'"):
        trends(table, date_column="when", discover=False, glossary=shipped)
    heard: list[str] = []
    t = trends(table, discover=False, glossary=shipped, on_error=lambda e: heard.append(str(e)))
    assert len(heard) == 1 and t["docs"].max() == 1


def test_undated_files_are_named(tmp_path, shipped):
    folder = corpus(tmp_path, {"1999.txt": text(6_000, "改革开放"), "congress15.txt": text(6_000)})
    with pytest.raises(InputError, match=r"congress15\.txt: no year or date in the file name"):
        trends(folder, discover=False, glossary=shipped)
    only = corpus(tmp_path / "x", {"notes.txt": text(100)}) if (tmp_path / "x").mkdir() is None else None
    with pytest.raises(InputError, match="no dated input"):
        trends(only, discover=False, glossary=shipped, on_error=lambda e: None)
    with pytest.raises(InputError, match="no such file"):
        trends(tmp_path / "gone", discover=False, glossary=shipped)
    with pytest.raises(InputError, match="without a month"):
        trends(folder / "1999.txt", by="month", discover=False, glossary=shipped)


def test_chart_axis_tops_are_round():
    from glossary.trending.chart import nice_top

    assert [nice_top([v]) for v in (0.0, 0.7, 1.0, 12.0, 17.3, 45.0)] == [1.0, 0.8, 1.0, 15.0, 20.0, 50.0]


# -- the command -------------------------------------------------------------------------------
def invoke(*args: str):
    return CliRunner().invoke(main, ["trends", *args])


@pytest.fixture
def small(tmp_path) -> Path:
    return corpus(tmp_path, {
        "1978.txt": text(6_000, *["阶级斗争"] * 4),
        "1980.txt": text(6_000, "阶级斗争", "改革开放"),
        "1984.txt": text(6_000, *["改革开放"] * 3, "<script>alert(1)</script>"),
        "1988.txt": text(6_000, *["改革开放"] * 5),
    })


def test_cli_text_view_fits_the_width(small):
    r = invoke(str(small), "--terms", "阶级斗争,reform and opening up", "--known-only", "--span", "1978-1988")
    assert r.exit_code == 0, r.output
    from glossary.layout import display_width

    assert max(display_width(line) for line in r.output.splitlines()) <= 80
    assert "阶级斗争 · jiējí dòuzhēng · class struggle" in r.output
    assert "first 1978 · last 1980 · peak 1978" in r.output
    assert "Rose most, 1978–1988" in r.output and "Fell most, 1978–1988" in r.output
    assert "New in 1978–1988" in r.output
    # the step, the period it starts from and the trend, per phrase and in the lists
    import re

    facts = r.output.replace("\n    ", " ")
    assert re.search(r"peak 1978 \([\d.]+ per 10k\) · fell ÷5\.\d in 1984 · trend -[\d.]+%/yr", facts)
    assert re.search(r"rose ×5\.\d in 1984 · trend \+[\d.]+%/yr · 9 times", facts)
    assert re.search(r"\n    ×5\.\d in 1984  改革开放  \(9, \+[\d.]+%/yr\)  reform and opening up\n", r.output)
    assert re.search(r"\n    ÷5\.\d in 1984  阶级斗争  \(5, -[\d.]+%/yr\)  class struggle\n", r.output)


def test_cli_data_formats_and_atomic_file(small, tmp_path):
    r = invoke(str(small), "--known-only", "-f", "json")
    rows = json.loads(r.output)
    assert r.exit_code == 0 and {x["period"] for x in rows} == {"1978", "1980", "1984", "1988"}
    assert rows[0]["start"] == "1978-01-01"
    r = invoke(str(small), "--known-only", "-f", "tsv")
    assert r.output.splitlines()[0].split("\t")[:3] == ["period", "start", "end"]
    out = tmp_path / "chart.svg"
    r = invoke(str(small), "--terms", "改革开放", "--known-only", "-f", "svg", "-o", str(out))
    assert r.exit_code == 0 and f"wrote {out}" in r.output
    svg = out.read_text(encoding="utf-8")
    assert svg.startswith("<svg") and "reform and opening up" in svg and "per 10,000 Han characters" in svg
    assert not list(tmp_path.glob(".chart.svg.*"))          # no temporary file left behind
    r = invoke(str(small), "-f", "svg", "-o", str(tmp_path / "missing" / "c.svg"), "--known-only")
    assert r.exit_code == 1 and "does not exist" in r.output and "Traceback" not in r.output


def test_cli_reports_undated_files_and_goes_on(small):
    (small / "draft.txt").write_text(text(2_000), encoding="utf-8")
    r = invoke(str(small), "--known-only")
    assert r.exit_code == 1
    assert "draft.txt: no year or date in the file name" in r.output and "Traceback" not in r.output
    assert "4 documents in 4 periods" in r.output


def test_cli_unreadable_file_is_reported_once(small):
    (small / "1990.txt").write_bytes(b"\x00\x01\x02binary\xff\xfe" * 50)
    r = invoke(str(small))
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert sum("1990.txt" in line for line in r.output.splitlines()) == 1   # extract and the count pass read it
    assert "4 documents in 4 periods" in r.output


def test_cli_bad_term_is_one_line(small):
    r = invoke(str(small), "--terms", "xyzzy plugh", "--known-only")
    assert r.exit_code == 1 and r.output.startswith("glossary: error: --terms: no glossary entry") and "Traceback" not in r.output


def test_html_is_self_contained(small):
    r = invoke(str(small), "--terms", "阶级斗争,改革开放", "--known-only", "-f", "html")
    assert r.exit_code == 0, r.output
    page = r.output
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page
    for external in ("src=", "<link", "@import", "url("):
        assert external not in page
    assert "http" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "&lt;script&gt;" not in page or "<script>alert(1)" not in page
    import lxml.html

    dom = lxml.html.fromstring(page)
    assert [th.text for th in dom.xpath("//table[@class='rising']//th")] == ["phrase", "English", "step", "since", "count", "trend /yr"]
    rising = [[td.text_content() for td in tr.xpath("td")] for tr in dom.xpath("//table[@class='rising']/tbody/tr")]
    assert rising[0][0] == "改革开放" and rising[0][2].startswith("×5.") and rising[0][3:5] == ["1984", "9"]
    falling = dom.xpath("//table[@class='falling']/tbody/tr/td/text()")
    assert falling[0] == "阶级斗争" and falling[2].startswith("÷5.")
    heads = [th.text for th in dom.xpath("//table[@id='phrases']//th")]
    step = dom.xpath("//table[@id='phrases']/tbody/tr[1]/td")[heads.index("step")]
    assert step.get("data-v") and step.text_content().startswith(("×", "÷"))    # sorted by the log ratio, not the text
    assert "Step" in dom.xpath("string(//p[@class='note'][1])")


@pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)
def test_html_renders_in_headless_chromium(small, tmp_path):
    page = tmp_path / "trends.html"
    r = invoke(str(small), "--terms", "阶级斗争,改革开放", "--known-only", "-f", "html", "-o", str(page))
    assert r.exit_code == 0, r.output
    dom = rendered_dom(page, tmp_path)
    legend = " ".join(t.text_content() for t in dom.xpath("//svg//text"))
    for wanted in ("阶级斗争", "class struggle", "改革开放", "reform and opening up", "year", "per 10,000 Han characters"):
        assert wanted in legend
    assert len(dom.xpath("//svg//circle")) >= 6                     # the points, each with a tooltip
    assert all(c.xpath("title") for c in dom.xpath("//svg//circle[@r]") if c.get("r") != "3.2" or c.xpath("title"))
    rows = dom.xpath("//table[@id='phrases']/tbody/tr")
    assert rows and rows[0].xpath("string(td[1])").startswith("★")     # followed terms first
    assert dom.xpath("//table[contains(@class,'sortable')]//th")
    assert len(dom.xpath("//script")) == 1                              # the sorter only
