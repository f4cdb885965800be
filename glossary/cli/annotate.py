"""``glossary annotate``: a text with its glossary terms marked (thin layer over glossary.annotate)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..progress import on_terminal
from .options import CONTEXT, glossary_option, load_glossary


@click.command(context_settings=CONTEXT)
@click.argument("files", metavar="FILE...", nargs=-1, required=True)
@click.option("-f", "--format", "fmt", type=click.Choice(["html", "md", "txt"]), default="html", show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(), help="Write to FILE (atomically) instead of standard output; with several FILEs or a folder, the folder to write one page per input into.")
@click.option("--title", help="Heading of the HTML/Markdown page. Default: the file name.")
@click.option("--encoding", metavar="NAME", help="Encoding of FILE (default: detected).")
@click.option("--strict", is_flag=True, help="Mark ambiguous non-standard forms (one word, or another word's usual English) as plainly non-standard.")
@click.option("--capitals/--no-capitals", default=True, show_default=True,
              help="Mark standard renderings written with other capitals than the glossary's (as check's capitalisation findings).")
@click.option("--literal/--no-literal", default=True, show_default=True,
              help="Mark probable machine renderings no entry lists (as check's literal findings).")
@glossary_option
def annotate(files: tuple[str, ...], fmt: str, output: str | None, title: str | None, encoding: str | None, strict: bool,
             capitals: bool, literal: bool, glossary_path: str | None) -> None:
    """Mark the glossary terms in a Chinese or English FILE ('-' reads standard input).

    Several FILEs, or a folder (its .txt and .md files), are annotated into the folder given
    with -o, one page each named after its input (speech.txt → speech.html); a file that
    cannot be read is reported and the others go on (exit status 1 at the end).

    Chinese terms get their pinyin above them (HTML ruby) and the English on hover.
    In English, non-standard renderings are struck through with the standard English
    and the Chinese beside them; standard renderings written with other capitals
    ("three represents") get the glossary's spelling beside them, judged as by
    'glossary check'; accepted alternatives are marked lightly, standard
    renderings with a dotted underline. A table of the terms found closes the page.

    The HTML is one self-contained file: inline CSS, no scripts, nothing loaded from
    the network, so it opens offline. Markdown and plain text gloss each term at its
    first occurrence and every non-standard form where it occurs.

    \b
    Examples:
      glossary annotate speech_zh.txt -o speech.html
      glossary annotate draft_en.txt --format md > draft.md
      glossary annotate report.txt --format txt | less
      glossary annotate chapters/ -o annotated/    # one page per chapter
    """
    from ..annotation import annotate

    if len(files) > 1 or Path(files[0]).is_dir():
        _several(files, fmt, output, encoding, strict, capitals, literal, glossary_path)
        return
    result = annotate(
        files[0], fmt, load_glossary(glossary_path), output=output, title=title, encoding=encoding, ambiguity=not strict,
        capitals=capitals, literal=literal, progress=on_terminal("annotate"),
    )
    if output is None:
        click.echo(result, nl=False)
    else:
        click.echo(f"wrote {output}", err=True)


def _several(files: tuple[str, ...], fmt: str, output: str | None, encoding: str | None, strict: bool,
             capitals: bool, literal: bool, glossary_path: str | None) -> None:
    from ..annotation import annotate_files
    from ..errors import GlossaryError

    if output is None:
        raise click.UsageError("several files (or a folder) are annotated into a folder: give it with -o DIR")
    failed: list[str] = []

    def report(exc: GlossaryError) -> None:
        failed.append(str(exc))
        click.echo(f"glossary: error: {exc}", err=True)

    written = annotate_files(files, output, fmt, load_glossary(glossary_path), encoding=encoding, ambiguity=not strict,
                             capitals=capitals, literal=literal, on_error=report, progress=on_terminal("annotate"))
    for path in written:
        click.echo(f"wrote {path}", err=True)
    if failed:
        sys.exit(1)
