"""``glossary align``: propose English renderings of recurring Chinese phrases from a parallel text."""

from __future__ import annotations

import sys
from typing import cast

import click

from ..layout import terminal_width, wrap
from ..progress import StageProgress
from .options import CONTEXT, emit, glossary_option, load_glossary


@click.command(context_settings=CONTEXT)
@click.argument("zh", type=click.Path(dir_okay=False, allow_dash=False))
@click.argument("en", required=False, type=click.Path(dir_okay=False, allow_dash=False))
@click.option("--unit", type=click.Choice(["auto", "line", "paragraph"]), default="auto", show_default=True,
              help="How two plain-text files are aligned: by non-blank line or by blank-line-separated paragraph.")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "tsv", "json"]), default="table", show_default=True,
              help="table: for reading; tsv: a draft term table for review and 'glossary import'; json: every column.")
@click.option("--min-count", default=2, show_default=True, type=click.IntRange(1, None), help="Pair only phrases occurring this often.")
@click.option("--min-support", default=2, show_default=True, type=click.IntRange(1, None),
              help="A rendering needs this many segment pairs showing it.")
@click.option("--known/--no-known", default=True, show_default=True,
              help="With --format tsv: also list glossary terms (as # comment lines) so disagreements are visible.")
@click.option("--glossary-only", is_flag=True, help="Pair only glossary terms (no phrase discovery): a quick terminology audit.")
@click.option("--no-sentences", is_flag=True, help="Do not split aligned units into sentences.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write to FILE (atomically) instead of standard output.")
@glossary_option
def align(zh: str, en: str | None, unit: str, fmt: str, min_count: int, min_support: int, known: bool, glossary_only: bool,
          no_sentences: bool, output: str | None, glossary_path: str | None) -> None:
    """Find the English a translation used for each recurring Chinese phrase.

    ZH and EN are a Chinese document and its English translation, aligned by line or by
    paragraph (the same number of each); or give one TSV file with zh and en columns, or a
    translation memory exported from a CAT tool (.tmx: its zh and en variants). Units
    holding several sentences are split and paired by length. Each Chinese phrase (glossary
    terms and phrases found by 'extract') is paired with the English n-gram that accompanies it
    most consistently; a phrase translated several ways gets one row per rendering with its share.

    The tsv format is a draft term table: review it (delete wrong rows, fix the English), then
    add it to your glossary with 'glossary import'. Glossary terms are listed as # comments.

    \b
    Examples:
      glossary align report.zh.txt report.en.txt
      glossary align memory.tsv --glossary-only
      glossary align project.tmx --format tsv -o draft.tsv
      glossary align report.zh.txt report.en.txt --format tsv -o draft.tsv
      glossary import draft.tsv            # after reviewing draft.tsv
    """
    from ..alignment import AlignOptions
    from ..alignment import align as do_align
    from ..io.segment import Unit

    g = load_glossary(glossary_path)
    options = AlignOptions(split_sentences=not no_sentences, discover=not glossary_only, min_count=min_count,
                           min_support=min_support)
    bar = StageProgress("align") if sys.stderr.isatty() else None
    try:
        df = do_align(zh, en, glossary=g, options=options, unit=cast(Unit, unit), progress=bar)
    finally:
        if bar is not None:
            bar.close()
    if fmt == "tsv":
        from ..alignment.review import review_tsv

        text = review_tsv(df, include_known=known, source=zh)
    elif fmt == "json":
        text = df.write_json() + "\n"
    else:
        text = _table(df, terminal_width(output is None and sys.stdout.isatty()))
    emit(text, output, f"wrote {df['zh'].n_unique()} phrases ({len(df)} renderings) to {output}")
    if df.is_empty():
        click.echo("no phrase recurs often enough to be paired (try --min-count 1 on a short text)", err=True)
        sys.exit(1)


def _table(df, width: int = 80) -> str:
    """One line per rendering (wrapped to *width*): the phrase and its pinyin on its first one."""
    lines: list[str] = []
    for r in df.iter_rows(named=True):
        mark = ""
        if r["agrees"] is True:
            mark = "  [glossary: agrees]"
        elif r["agrees"] is False:
            mark = f"  [glossary: {r['glossary_en']}]"
        first = r["rank"] == 1
        head = f"{r['zh']}  {r['pinyin']}  " if first else ""
        pairs = f"{r['support']} pair{'s' if r['support'] != 1 else ''}"
        # a further rendering is indented under its phrase (wrap keeps no leading spaces of its own)
        lines += wrap(f"{head}→  {r['en']}  (share {r['share']:.0%}, {pairs}, score {r['score']:.2f}){mark}",
                      width, "      ", first="" if first else "      ")
    return "\n".join(lines) + ("\n" if lines else "")
