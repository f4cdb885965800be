"""``glossary extract``: the command-line face of :func:`glossary.extraction.extract`."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence

import click

from ..errors import GlossaryError, InputError
from ..layout import terminal_width, wrap
from .options import CONTEXT, emit, glossary_option, load_glossary

#: Rows of the default table (all non-standard renderings are shown in addition).
TABLE_ROWS = 60


@click.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True)
@click.option("--lang", type=click.Choice(["auto", "zh", "en"]), default="auto", show_default=True, help="Language of the input (auto runs both finders).")
@click.option("--min-count", default=2, show_default=True, type=click.IntRange(1), help="Least occurrences for rule and discovered phrases (glossary terms: 1).")
@click.option("--top", type=click.IntRange(1), default=None, help="Only the best N phrases (default: all; a table shows the best 60 plus every non-standard rendering).")
@click.option("--known-only", "only", flag_value="known", help="Only phrases that are glossary terms.")
@click.option("--new-only", "only", flag_value="new", help="Only phrases the glossary does not have.")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table", show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to FILE (atomically) instead of standard output.")
@click.option("--encoding", metavar="NAME", help="Encoding of the input files (default: detected; UTF-8/16, GB18030, Big5).")
@click.option("--column", metavar="NAME", help="Text column of .csv/.tsv input (default: text, body, content, zh or en).")
@click.option("--workers", type=click.IntRange(1), default=None, help="Processes that scan a large input, this one included (default: one per 12 MB of input up to 24 MB, up to every core; one above, where a second would take the memory past 1 GB).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default=None, help="Where batches are counted: this machine, or a Dask cluster (the dask extra; default: dask when $GLOSSARY_DASK_SCHEDULER is set, else local).")
@click.option("--scheduler", metavar="ADDRESS", default=None, help="Dask scheduler, e.g. tcp://host:8786 (default: $GLOSSARY_DASK_SCHEDULER; none: a cluster on this machine).")
@glossary_option
def extract(paths: Sequence[str], lang: str, min_count: int, top: int | None, only: str | None, fmt: str,
            output: str | None, encoding: str | None, column: str | None, workers: int | None, engine: str | None,
            scheduler: str | None, glossary_path: str | None) -> None:
    """List the recurring political phrases of PATHS with Chinese, pinyin and standard English.

    PATHS are files, folders (searched for .txt, .md, .csv, .tsv) or '-' for standard input.
    Each phrase comes with its glossary entry when it has one; a machine rendering the glossary
    knows as non-standard is flagged (!) with the standard English. New Chinese phrases get
    pinyin and unreviewed English composed from their parts (~; see 'glossary compose --help'). Unreadable files are reported and skipped
    (exit status 1 at the end).

    \b
    Examples:
      glossary extract seeds/000_5defafeaa1fe7f18.txt
      glossary extract speech.txt --known-only --format csv -o job-glossary.csv
      glossary extract corpus/ --lang zh --top 100 --min-count 5
      glossary extract articles.csv --column body --new-only
      glossary extract report.txt --glossary none          # discovery alone
      cat draft.txt | glossary extract - --format json
      glossary extract archive/ --engine dask --scheduler tcp://10.0.0.5:8786 -f tsv -o all.tsv
    """
    from ..extraction import ExtractOptions
    from ..extraction import extract as run

    failed: list[str] = []

    def report(exc: InputError) -> None:
        failed.append(str(exc))
        click.echo(f"glossary: error: {exc}", err=True)

    from pathlib import Path

    g = load_glossary(glossary_path)
    # on the command line every argument is a path: a mistyped file name must not become text
    sources = [p if p == "-" else Path(p) for p in paths]
    screenful = fmt == "table" and top is None and output is None
    # a screenful shows a few rows of the table: only those are described (pinyin, English)
    options = ExtractOptions(min_count=min_count, top=top, known=only != "new", new=only != "known", workers=workers,
                             engine=engine, scheduler=scheduler, annotate=not screenful)
    df = run(sources, lang, glossary=g, options=options, encoding=encoding, column=column,
             progress=sys.stderr.isatty(), on_error=report)
    total = df.height
    if screenful:
        # the best TABLE_ROWS, plus every non-standard rendering found further down
        import polars as pl

        from ..extraction import describe_rows

        df = df.with_row_index("_rank").filter((pl.col("_rank") < TABLE_ROWS) | pl.col("nonstandard")).drop("_rank")
        df = describe_rows(df, g)
        if df.height < total:
            click.echo("For all of them: --top N or --format tsv.", err=True)
    tty = output is None and sys.stdout.isatty()
    text = table(df, color=tty, width=terminal_width(tty), total=total) if fmt == "table" else render(df, fmt)
    emit(text, output, f"wrote {df.height} phrases to {output}")
    if failed:
        click.echo(f"glossary: {len(failed)} input(s) could not be read", err=True)
        sys.exit(1)


def render(df, fmt: str, color: bool = False) -> str:
    """The extraction table as text: an aligned table, CSV/TSV (spreadsheet-safe) or JSON."""
    if fmt == "json":
        return json.dumps(df.to_dicts(), ensure_ascii=False, indent=2) + "\n"
    if fmt in ("csv", "tsv"):
        from ..io.delimited import delimited

        return delimited(df.columns, df.iter_rows(), "," if fmt == "csv" else "\t")
    if fmt == "table":
        return table(df, color=color)
    raise GlossaryError(f"unknown format {fmt!r}")


def table(df, color: bool = False, width: int = 80, total: int | None = None) -> str:
    """A listing that fits *width* columns: one block per phrase, nothing cut off.

    Line 1: count and the phrase as written. Line 2: Chinese and pinyin (for an English phrase,
    the term it renders). Line 3: the English — the standard rendering, flagged "!" when the
    phrase as written is a non-standard one, or "~" for unreviewed English made from the
    phrase's parts (composed, or a word-by-word gloss when a part has no English).
    """
    if df.height == 0:
        return "No recurring phrases found.\n"
    pad = " " * 8
    if total is not None and total > df.height:
        head = (f"{total} phrases found; shown: the best {TABLE_ROWS} and every non-standard rendering "
                f"({df.height}), best first; the number is how often each occurs.")
    else:
        head = f"{df.height} phrase(s), best first; the number is how often each occurs."
    out = [*wrap(head, width, ""), ""]
    for r in df.iter_rows(named=True):
        block = wrap(r["phrase"], width, pad)
        block[0] = f"{r['count']:>6}  " + block[0][len(pad):]
        zh = r["zh_hans"] or ""
        details = " · ".join(x for x in ((zh if zh != r["phrase"] else ""), r["pinyin"] or "") if x)
        if details:
            block += wrap(details, width, pad)
        en = r["en"] or ""
        if r["nonstandard"]:
            line = f"! non-standard rendering; standard: {r['standard'] or en}"
        elif r["en_unreviewed"]:
            how = "composed" if r.get("en_method") == "composed" else "word-by-word gloss"
            conf = r.get("en_confidence")
            line = f"~ {en}  ({how}, unreviewed" + (f", confidence {conf:.2f})" if conf is not None else ")")
        else:
            line = en if en != r["phrase"] else ""
        if line:
            block += wrap(line, width, pad)
        if color and r["nonstandard"]:
            block = [click.style(b, fg="yellow") for b in block]
        out += block
    out.append("")
    out += wrap("! the phrase as written is a non-standard rendering   ~ unreviewed English made from the phrase's parts (see glossary compose --help)", width, "  ", first="")
    return "\n".join(out) + "\n"
