"""``glossary import``: the CLI face of :func:`glossary.imports.import_terms`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..terms import CATEGORIES
from .options import CONTEXT


@click.command("import", context_settings=CONTEXT)
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--glossary",
    "glossary_path",
    metavar="PATH",
    help="User glossary to add the terms to (TSV file, or a folder: user.tsv inside it). "
    "Default: $GLOSSARY_USER, else ~/.local/share/glossary/user.tsv ($XDG_DATA_HOME respected).",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["auto", "table", "pairs", "omegat", "cat", "xlsx", "tbx", "json"]),
    default="auto",
    show_default=True,
    help="auto: Excel/TBX/JSON by name or content, else a delimited file recognised by its header. "
    "table: our TSV/CSV columns; pairs/omegat: Chinese and English columns (an OmegaT comment column "
    "is read too); cat: our memoQ/Trados CSV; xlsx: an Excel workbook, its header read like a CSV's "
    "(table/pairs/cat given for a workbook choose the layout of its sheet).",
)
@click.option("--sheet", metavar="NAME", help="Worksheet of an Excel workbook to read (default: the first).")
@click.option(
    "--on-conflict",
    type=click.Choice(["report", "skip", "replace"]),
    default="report",
    show_default=True,
    help="A conflict is a term with the same Chinese (or id) as a shipped or user term but a different "
    "English. report: list them, write nothing, exit 1; skip: import the rest; replace: the imported "
    "English wins (as a user entry overriding the shipped one; the English it displaces stays an "
    "alternative unless the file marks it non-standard).",
)
@click.option("--dry-run", is_flag=True, help="Show what would happen; write nothing.")
@click.option("--category", type=click.Choice(CATEGORIES), help="Category for imported terms that have none.")
@click.option("-v", "--verbose", is_flag=True, help="List every added (+), replaced (~), extended (^) and unchanged (=) term.")
def import_(
    file: Path, glossary_path: str | None, fmt: str, sheet: str | None, on_conflict: str, dry_run: bool, category: str | None,
    verbose: bool,
) -> None:
    """Add the terms of FILE to your user glossary, laid over the shipped one.

    FILE may be a TBX file (v3 or v2/martif), an OmegaT glossary, a CSV/TSV in the table
    format of 'glossary export --format tsv/csv', our memoQ/Trados CSV, a JSON export, a
    simple two-column Chinese/English list (comma or tab; header optional), or an Excel
    workbook (.xlsx) holding any of these tables in its first sheet (or --sheet NAME). Missing fields are
    derived: traditional characters, pinyin, an id from the pinyin; status is 'unverified'
    unless the file says otherwise. XML entities are refused. The user file is written
    atomically; every command then sees the terms (set GLOSSARY_USER, or pass --glossary).

    \b
    Examples:
      glossary import my_terms.csv --dry-run
      glossary import client.tbx --glossary ~/terms/client.tsv --on-conflict skip
      glossary import omegat/glossary.txt --category slogan
      glossary import client-terms.xlsx --sheet Approved --dry-run -v
      GLOSSARY_USER=~/terms/client.tsv glossary lookup 新质生产力
    """
    from ..imports import import_terms

    result = import_terms(
        file, glossary_path, fmt=fmt, on_conflict=on_conflict, dry_run=dry_run, category=category or "", sheet=sheet
    )
    if verbose:
        for t in result.added:
            click.echo(f"+ {t.zh_hans}  {t.en}  [{t.id}]")
        for t in result.replaced:  # the alternatives show that the displaced English was kept
            click.echo(f"~ {t.zh_hans}  {t.en}  [{t.id}]" + (f"  alt: {' | '.join(t.en_alt)}" if t.en_alt else ""))
        for t in result.extended:  # same standard English; the file's further forms were added
            click.echo(f"^ {t.zh_hans}  {t.en}  [{t.id}]" + (f"  alt: {' | '.join(t.en_alt)}" if t.en_alt else ""))
        for t in result.unchanged:
            click.echo(f"= {t.zh_hans}  {t.en}  [{t.id}]")
    for c in result.skipped:
        click.echo(f"skipped: {c}", err=True)
    if result.conflicts:
        for c in result.conflicts:
            click.echo(f"conflict: {c}", err=True)
        click.echo(
            f"glossary: {len(result.conflicts)} conflict(s); nothing written. Use --on-conflict skip or replace.",
            err=True,
        )
        sys.exit(1)
    prefix = "dry run: " if dry_run else ""
    click.echo(f"{prefix}{result.summary()}", err=True)
