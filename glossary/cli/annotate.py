"""``glossary annotate``: a text with its glossary terms marked (thin layer over glossary.annotate)."""

from __future__ import annotations

import click

from .options import CONTEXT, glossary_option, load_glossary


@click.command(context_settings=CONTEXT)
@click.argument("file", metavar="FILE")
@click.option("-f", "--format", "fmt", type=click.Choice(["html", "md", "txt"]), default="html", show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to FILE (atomically) instead of standard output.")
@click.option("--title", help="Heading of the HTML/Markdown page. Default: the file name.")
@click.option("--encoding", metavar="NAME", help="Encoding of FILE (default: detected).")
@click.option("--strict", is_flag=True, help="Mark ambiguous non-standard forms (one word, or another word's usual English) as plainly non-standard.")
@glossary_option
def annotate(file: str, fmt: str, output: str | None, title: str | None, encoding: str | None, strict: bool, glossary_path: str | None) -> None:
    """Mark the glossary terms in a Chinese or English FILE ('-' reads standard input).

    Chinese terms get their pinyin above them (HTML ruby) and the English on hover.
    In English, non-standard renderings are struck through with the standard English
    and the Chinese beside them; accepted alternatives are marked lightly, standard
    renderings with a dotted underline. A table of the terms found closes the page.

    The HTML is one self-contained file: inline CSS, no scripts, nothing loaded from
    the network, so it opens offline. Markdown and plain text gloss each term at its
    first occurrence and every non-standard form where it occurs.

    \b
    Examples:
      glossary annotate speech_zh.txt -o speech.html
      glossary annotate draft_en.txt --format md > draft.md
      glossary annotate report.txt --format txt | less
    """
    from ..annotation import annotate

    result = annotate(
        file, fmt, load_glossary(glossary_path), output=output, title=title, encoding=encoding, ambiguity=not strict
    )
    if output is None:
        click.echo(result, nl=False)
    else:
        click.echo(f"wrote {output}", err=True)
