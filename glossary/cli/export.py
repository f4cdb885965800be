"""``glossary export`` and ``glossary formats``: the glossary in translators' and CAT tools' formats."""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from .options import CONTEXT, glossary_option, load_glossary, script_option


@click.command(context_settings=CONTEXT)
@click.option("-f", "--format", "fmt", default="tsv", show_default=True, metavar="FORMAT", help="Output format (see below).")
@click.option("-c", "--category", multiple=True, metavar="NAME", help="Only terms of this category (repeatable).")
@script_option("Which Chinese script(s) to include.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write to FILE (atomically) instead of standard output.")
@glossary_option
def export(fmt: str, category: Sequence[str], script: str, output: str | None, glossary_path: str | None) -> None:
    """Export the glossary for translators and CAT tools.

    \b
    Examples:
      glossary export --format tsv -o terms.tsv
      glossary export --format csv --category trade-union --script simplified
      glossary export --format json > terms.json

    \b
    Formats (details: docs/export.md; 'glossary formats' lists them too):
      tsv, csv, json   the table format (csv/json: same fields, spreadsheet-safe)
      tbx              TBX v3, TBX-Basic, DCA style (ISO 30042:2019)
      tbx2             TBX v2 (martif) for older CAT tools
      omegat           OmegaT glossary: source TAB target TAB comment
      memoq, trados    CSV, a column per language (synonyms ';' / '|' separated)
      xlsx             Excel workbook (needs -o FILE)
      markdown, html   readable tables; html is one searchable offline page
    """
    from ..exports import export as do_export
    from ..terms import CATEGORIES

    bad = [c for c in category if c not in CATEGORIES]
    if bad:
        raise click.BadParameter(f"unknown category {', '.join(bad)}; choose from {', '.join(CATEGORIES)}", param_hint="--category")
    g = load_glossary(glossary_path).filter(category)
    data = do_export(list(g), fmt, output, script=script)
    if output is None:
        if isinstance(data, bytes):
            if sys.stdout.isatty():
                raise click.UsageError(f"{fmt} is a binary format; give -o FILE")
            sys.stdout.buffer.write(data)
        else:
            click.echo(data, nl=False)
    else:
        click.echo(f"wrote {len(g)} terms to {output}", err=True)


@click.command(context_settings=CONTEXT)
def formats() -> None:
    """List the export formats, one per line with what it is for.

    \b
    Examples:
      glossary formats
      glossary export --format omegat -o glossary.utf8
    """
    from ..exports import formats as fmts

    for name, desc in fmts().items():
        click.echo(f"{name:10} {desc}")
