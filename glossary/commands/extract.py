"""``glossary extract``: the command-line face of :func:`glossary.extract.extract`."""

from __future__ import annotations

import json
import sys
from typing import Sequence

import click

from ..cli import CONTEXT, glossary_option, load_glossary
from ..errors import GlossaryError, InputError

#: Rows of the default table (all non-standard renderings are shown in addition).
TABLE_ROWS = 60


@click.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True)
@click.option("--lang", type=click.Choice(["auto", "zh", "en"]), default="auto", show_default=True, help="Language of the input (auto runs both finders).")
@click.option("--min-count", default=2, show_default=True, type=click.IntRange(1), help="Least occurrences for rule and discovered phrases (glossary terms: 1).")
@click.option("--top", type=click.IntRange(1), default=None, help="Only the best N phrases (default: all; a table shows the best 60 plus every non-standard rendering).")
@click.option("--known-only", "only", flag_value="known", help="Only phrases that are glossary terms.")
@click.option("--new-only", "only", flag_value="new", help="Only phrases the glossary does not have.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table", show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to FILE (atomically) instead of standard output.")
@click.option("--encoding", metavar="NAME", help="Encoding of the input files (default: detected; UTF-8/16, GB18030, Big5).")
@click.option("--column", metavar="NAME", help="Text column of .csv/.tsv input (default: text, body, content, zh or en).")
@click.option("--workers", type=click.IntRange(1), default=None, help="Processes for large inputs (default: up to 2).")
@glossary_option
def extract(paths: Sequence[str], lang: str, min_count: int, top: int | None, only: str | None, fmt: str,
            output: str | None, encoding: str | None, column: str | None, workers: int | None, glossary_path: str | None) -> None:
    """List the recurring political phrases of PATHS with Chinese, pinyin and standard English.

    PATHS are files, folders (searched for .txt, .md, .csv, .tsv) or '-' for standard input.
    Each phrase comes with its glossary entry when it has one; a machine rendering the glossary
    knows as non-standard is flagged (!) with the standard English. New Chinese phrases get
    pinyin and an unreviewed word-by-word gloss (~). Unreadable files are reported and skipped
    (exit status 1 at the end).

    \b
    Examples:
      glossary extract seeds/000_5defafeaa1fe7f18.txt
      glossary extract speech.txt --known-only --format csv -o job-glossary.csv
      glossary extract corpus/ --lang zh --top 100 --min-count 5
      glossary extract articles.csv --column body --new-only
      glossary extract report.txt --glossary none          # discovery alone
      cat draft.txt | glossary extract - --format json
    """
    from ..extract import extract as run

    failed: list[str] = []

    def report(exc: InputError) -> None:
        failed.append(str(exc))
        click.echo(f"glossary: error: {exc}", err=True)

    g = load_glossary(glossary_path)
    df = run(list(paths), lang, glossary=g, min_count=min_count, top=top, known=only != "new", new=only != "known",
             encoding=encoding, column=column, workers=workers, progress=sys.stderr.isatty(), on_error=report)
    if fmt == "table" and top is None and output is None:
        # a screenful: the best TABLE_ROWS, plus every non-standard rendering found further down
        import polars as pl

        df = df.with_row_index("_rank").filter((pl.col("_rank") < TABLE_ROWS) | pl.col("nonstandard")).drop("_rank")
    text = render(df, fmt, color=output is None and sys.stdout.isatty())
    if output:
        from ..io.atomic import write_atomic

        write_atomic(output, text)
        click.echo(f"wrote {df.height} phrases to {output}", err=True)
    else:
        click.echo(text, nl=False)
    if failed:
        click.echo(f"glossary: {len(failed)} input(s) could not be read", err=True)
        sys.exit(1)


def render(df, fmt: str, color: bool = False) -> str:
    """The extraction table as text: an aligned table, CSV/TSV (spreadsheet-safe) or JSON."""
    if fmt == "json":
        return json.dumps(df.to_dicts(), ensure_ascii=False, indent=2) + "\n"
    if fmt in ("csv", "tsv"):
        import csv
        import io

        from ..terms import neutralise

        buf = io.StringIO()
        w = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n",
                       quoting=csv.QUOTE_MINIMAL)
        w.writerow(df.columns)
        for row in df.iter_rows():
            cells = []
            for v in row:
                if isinstance(v, list):
                    v = " | ".join(v)
                elif isinstance(v, bool):
                    v = "yes" if v else ""
                elif v is None:
                    v = ""
                s = str(v)
                if fmt == "tsv":
                    s = s.replace("\t", " ").replace("\n", " ")
                cells.append(neutralise(s))
            w.writerow(cells)
        return buf.getvalue()
    if fmt == "table":
        return table(df, color=color)
    raise GlossaryError(f"unknown format {fmt!r}")


def _cut(s: str, width: int) -> str:
    out, w = "", 0
    for ch in s:
        cw = 2 if "\u1100" <= ch and (ch <= "\u115f" or "\u2e80" <= ch <= "\ua4cf" or "\uac00" <= ch <= "\ud7a3" or "\uf900" <= ch <= "\ufaff" or "\uff00" <= ch <= "\uff60" or "\U00020000" <= ch) else 1
        if w + cw > width:
            return out[:-1] + "…" if out else "…"
        out += ch
        w += cw
    return out + " " * (width - w)


def table(df, color: bool = False) -> str:
    """A table readable at 100 columns: count, phrase, Chinese, pinyin, English (with flags)."""
    if df.height == 0:
        return "No recurring phrases found.\n"
    widths = (5, 27, 14, 22, 24)
    head = ["count", "phrase", "中文", "pinyin", "English"]
    lines = ["  ".join(_cut(h, w) for h, w in zip(head, widths)).rstrip(), "  ".join("-" * w for w in widths)]
    for r in df.iter_rows(named=True):
        flag = "! " if r["nonstandard"] else ("~ " if r["en_unreviewed"] else "")
        en = flag + (r["en"] or "")
        phrase = r["phrase"] if r["lang"] == "en" else r["phrase"]
        cells = [str(r["count"]).rjust(5), _cut(phrase, widths[1]), _cut(r["zh_hans"] or "", widths[2]),
                 _cut(r["pinyin"] or "", widths[3]), _cut(en, widths[4])]
        line = "  ".join(cells).rstrip()
        if color and r["nonstandard"]:
            line = click.style(line, fg="yellow")
        lines.append(line)
    lines.append("")
    lines.append("! non-standard rendering (standard English shown)   ~ unreviewed dictionary gloss")
    return "\n".join(lines) + "\n"
