"""``glossary trends``: the command-line face of :func:`glossary.trending.trends`."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import InputError
from ..layout import display_width, terminal_width, wrap
from .options import CONTEXT, emit, glossary_option, load_glossary

if TYPE_CHECKING:
    import polars as pl

#: Phrases drawn when no --terms are given, and rows of the HTML page's phrase table.
CHART_LINES = 6
PAGE_ROWS = 200
_BARS = "▁▂▃▄▅▆▇█"


@click.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True)
@click.option("--terms", "terms", multiple=True, metavar="A,B,…",
              help="Terms to follow and chart, in any lookup form (改革开放, 'reform and opening up', gaige kaifang); comma-separated or repeated.")
@click.option("--by", type=click.Choice(["year", "5y", "decade", "month"]), default="year", show_default=True,
              help="Period length (5y: five-year-plan spans, 2021–2025).")
@click.option("--top", type=click.IntRange(1), default=None, help="Keep only the N phrases extract ranks best, besides --terms (default: all).")
@click.option("--span", "spans", multiple=True, metavar="FROM-TO",
              help="Span of the rising/falling/new lists, e.g. 1978-1985 (repeatable; default: the whole corpus).")
@click.option("-n", "--list-size", default=10, show_default=True, type=click.IntRange(1), help="Phrases per rising/falling list (new lists: half as many per period).")
@click.option("--min-text", default=5000, show_default=True, type=click.IntRange(0),
              help="Han characters (or English words) a period needs; periods with less are marked thin and left out of trends.")
@click.option("--lang", type=click.Choice(["auto", "zh", "en"]), default="auto", show_default=True, help="Language of the corpus.")
@click.option("--min-count", default=2, show_default=True, type=click.IntRange(1), help="Least occurrences for a discovered phrase (as extract).")
@click.option("--known-only", is_flag=True, help="Only glossary terms (no discovery; faster).")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "html", "svg", "csv", "tsv", "json"]), default="text", show_default=True,
              help="html: chart, lists and a sortable table in one page; svg: the chart; csv/tsv/json: the whole period × phrase table.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to FILE (atomically) instead of standard output.")
@click.option("--date-column", metavar="NAME", help="Date column of .csv/.tsv input (default: date, published, time, year, 日期 …).")
@click.option("--column", metavar="NAME", help="Text column of .csv/.tsv input (default: text, body, content, zh or en).")
@click.option("--encoding", metavar="NAME", help="Encoding of the input files (default: detected).")
@click.option("--workers", type=click.IntRange(1), default=None, help="Processes for discovery in large inputs (default: up to 2).")
@glossary_option
def trends(paths: Sequence[str], terms: Sequence[str], by: str, top: int | None, spans: Sequence[str], list_size: int,
           min_text: int, lang: str, min_count: int, known_only: bool, fmt: str, output: str | None,
           date_column: str | None, column: str | None, encoding: str | None, workers: int | None, glossary_path: str | None) -> None:
    """How often each phrase of a dated corpus occurs, period by period: what rose, peaked and faded.

    PATHS are files or folders. Text files are dated by their names (1978.txt,
    2020-12-04-editorial.md, or a dated folder); CSV/TSV files row by row from a date column.
    Frequencies are per 10,000 Han characters (English: words) of each period, so a long
    report does not outweigh a short one. Undated or unreadable inputs are reported and
    skipped (exit status 1 at the end).

    \b
    Examples:
      glossary trends reports/ --terms 阶级斗争,改革开放,小康社会,高质量发展 -f html -o trends.html
      glossary trends reports/ --span 1978-1985 --span 2012-2025
      glossary trends articles.csv --date-column date --column body --by month -f csv -o table.csv
      glossary trends reports/ --by 5y --known-only --terms "reform and opening up" -f svg -o chart.svg
    """
    from ..trending import describe, lists, summary
    from ..trending import trends as run

    failed: list[str] = []

    def report(exc: InputError) -> None:
        failed.append(str(exc))
        click.echo(f"glossary: error: {exc}", err=True)

    g = load_glossary(glossary_path)
    wanted = [t for group in terms for t in re.split(r"[,，]", group) if t.strip()]
    data = fmt in ("csv", "tsv", "json")
    table = run([Path(p) for p in paths], wanted, by=by, top=top, min_text=min_text, lang=lang, discover=not known_only,
                min_count=min_count, glossary=g, encoding=encoding, column=column, date_column=date_column,
                workers=workers, described=data, on_error=report)
    if data:
        text = _data(table, fmt)
    else:
        s = summary(table)
        listed = describe(lists(table, list(spans) or None, n=list_size), g)
        if fmt == "text":
            width = terminal_width(output is None and sys.stdout.isatty())
            text = view(table, s, listed, width, min_text)
        else:
            text = _graphic(table, describe(_shown(s), g), listed, fmt, min_text, paths)
    emit(text, output, f"wrote {output}")
    if failed:
        click.echo(f"glossary: {len(failed)} input(s) could not be read or dated", err=True)
        sys.exit(1)


def _data(table: pl.DataFrame, fmt: str) -> str:
    rows = table.with_columns([table[c].cast(str) for c in ("start", "end")])
    if fmt == "json":
        return json.dumps(rows.to_dicts(), ensure_ascii=False, indent=1) + "\n"
    from ..io.delimited import delimited

    return delimited(rows.columns, rows.iter_rows(), "," if fmt == "csv" else "\t")


def _shown(s: pl.DataFrame) -> pl.DataFrame:
    """The phrases the page's table lists: followed ones, then the best-ranked."""
    import polars as pl

    return s.filter(pl.col("followed") | (pl.col("total") > 0)).head(PAGE_ROWS + int(s["followed"].sum()))


def chart_keys(s: pl.DataFrame) -> list[tuple[str, str]]:
    """The phrases to draw: the followed ones, else the best-ranked glossary terms."""
    import polars as pl

    chosen = s.filter(pl.col("followed"))
    if chosen.height == 0:
        chosen = s.filter((pl.col("term_id") != "") & (pl.col("total") > 0)).sort("rank").head(CHART_LINES)
    return list(chosen.select("lang", "key").iter_rows())


def _graphic(table: pl.DataFrame, shown: pl.DataFrame, listed: pl.DataFrame, fmt: str, min_text: int, paths: Sequence[str]) -> str:
    from ..trending.chart import UNIT, series, svg
    from ..trending.page import page

    lang = table["lang"][0] if table.height else "zh"
    facts = corpus_facts(table, min_text)
    name = ", ".join(Path(p).name or str(p) for p in paths)
    title = f"Trends in {name}"
    lines = series(table, chart_keys(shown))
    picture = svg(lines, title="" if fmt == "html" else title, min_text=min_text)
    if fmt == "svg":
        return picture
    note = (f"Each point is one period: occurrences per 10,000 {UNIT.get(lang, 'words')} of that period's text "
            "(hover for the count). Lines are labelled at their peak.")
    return page(title=title, meta=facts, chart_svg=picture, summary=shown, lists=listed, lang=lang, note=note)


def corpus_facts(table: pl.DataFrame, min_text: int) -> str:
    """One line about the corpus: documents, periods, unit, thin periods."""
    import polars as pl

    from ..trending.chart import UNIT

    if table.height == 0:
        return "No phrases counted."
    lang = table["lang"][0]
    periods = table.filter(pl.col("lang") == lang).select("period", "start", "docs", "size", "thin").unique().sort("start")
    thin = periods.filter(pl.col("thin"))["period"].to_list()
    first, last = periods["period"][0], periods["period"][-1]
    unit = UNIT.get(lang, "words")
    line = (f"{periods['docs'].sum()} documents in {periods.height} periods, {first} to {last}; "
            f"{periods['size'].sum():,} {unit}; frequencies per 10,000 {unit}. ")
    line += (f"Thin periods (under {min_text:,} {unit}, left out of trends): {', '.join(thin)}." if thin
             else f"No period has under {min_text:,} {unit}.")
    return line


def view(table: pl.DataFrame, s: pl.DataFrame, listed: pl.DataFrame, width: int, min_text: int) -> str:
    """The terminal view: the corpus in one line, each charted phrase with a sparkline over the
    periods and its first, last and peak period and trend, then the lists. Wraps to *width*."""
    import polars as pl

    from ..trending.page import percent, ratio

    out = [*wrap(corpus_facts(table, min_text), width), ""]
    keys = chart_keys(s)
    pad = "    "
    for lang, key in keys:
        r = s.filter((pl.col("lang") == lang) & (pl.col("key") == key)).row(0, named=True)
        out += wrap(" · ".join(x for x in (r["phrase"], r["pinyin"], r["en"]) if x), width)
        values = table.filter((pl.col("lang") == lang) & (pl.col("key") == key)).sort("start")["per_10k"].to_list()
        out.append(pad + sparkline(values, width - len(pad)))
        if r["total"]:
            step = f"{'rose' if r['step'] > 0 else 'fell'} {ratio(r['step'])} in {r['since']} · " if r["step"] else ""
            facts = (f"first {r['first']} · last {r['last']} · peak {r['peak']} ({r['peak_per_10k']:.2f} per 10k) · {step}"
                     f"trend {percent(r['slope']) + '/yr' if r['slope'] is not None else 'n/a'} · {r['total']} time{'' if r['total'] == 1 else 's'}")
        else:
            facts = "not found in the corpus"
        out += wrap(facts, width, pad)
        out.append("")
    for span in listed["span"].unique(maintain_order=True).to_list():
        part = listed.filter(pl.col("span") == span)
        for name, heading in (("rising", "Rose most"), ("falling", "Fell most")):
            rows = part.filter(pl.col("list") == name)
            out.append(f"{heading}, {span} (step, from which period; count, trend per year):")
            if rows.height == 0:
                out.append(pad + "none")
            steps = [ratio(x) for x in rows["step"].to_list()]
            left = max(map(len, steps), default=0)
            since = max((display_width(x) for x in rows["since"].to_list()), default=0)
            for r, step in zip(rows.iter_rows(named=True), steps):
                en = ("~ " if r["en_unreviewed"] else "") + (r["en"] or "")
                gap = " " * (since - display_width(r["since"]))
                line = f"{step} in {r['since']}{gap}  {r['phrase']}  ({r['count']}, {percent(r['slope'])}/yr)" + (f"  {en}" if en else "")
                out += wrap(line, width, " " * (len(pad) + left + since + 6), first=pad + " " * (left - len(step)))
            out.append("")
        new = part.filter(pl.col("list") == "new")
        if new.height:
            out.append(f"New in {span} (first seen in the corpus):")
            for period in new["period"].unique(maintain_order=True).to_list():
                items = new.filter(pl.col("period") == period)["phrase"].to_list()
                label = f"{period:<9} "
                out += wrap(" · ".join(items), width, " " * (display_width(label) + len(pad)), first=pad + label)
            out.append("")
    out += wrap("~ unreviewed English composed from the phrase's parts (glossary compose). A step is the change of level that best splits a phrase's "
                "log frequency into a before and an after (×8: eight times as frequent from that period on; "
                "÷4: a quarter); a trend is the slope of log frequency. Both over the periods with enough text; "
                "see docs/trends.md.", width)
    return "\n".join(out) + "\n"


def sparkline(values: Sequence[float | None], room: int) -> str:
    """One character per period (periods merged by their maximum when there are more than
    *room*): · for none, ▁ to █ by frequency relative to the highest."""
    vals = [v or 0.0 for v in values]
    if not vals:
        return ""
    if len(vals) > room > 0:
        size = -(-len(vals) // room)
        vals = [max(vals[i : i + size]) for i in range(0, len(vals), size)]
    top = max(vals)
    return "".join("·" if v <= 0 else _BARS[min(len(_BARS) - 1, int(v / top * (len(_BARS) - 1) + 0.5))] for v in vals)
