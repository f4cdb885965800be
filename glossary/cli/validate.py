"""``glossary validate``: check term tables before they ship or are imported."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import click

from ..errors import GlossaryError
from .options import CONTEXT


@click.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--warnings/--no-warnings", default=True, show_default=True, help="Also list warnings (they never fail the run).")
@click.option("--no-script-check", is_flag=True, help="Skip the OpenCC comparison of traditional forms.")
@click.option("--sources", "sources", metavar="DIR", type=click.Path(path_type=Path, file_okay=False),
              help="A folder holding cited documents (the shared corpora): every citation of a document found there "
                   "whose text, or cited units, contains neither the term's Chinese nor its English is an error.")
@click.option("--user", "user", is_flag=True,
              help="Rules for a user glossary (what 'glossary import' writes): category and definition may be empty. "
                   "Without PATHS, checks the user glossary ($GLOSSARY_USER, else the default place). Automatic for that file.")
def validate(paths: Sequence[Path], warnings: bool, no_script_check: bool, sources: Path | None, user: bool) -> None:
    """Check term tables: schema, duplicates, pinyin and script.

    PATHS are TSV files or folders of them, checked together as one table (ids and simplified
    forms must be unique across them). Without PATHS, the shipped tables are checked, and with
    them the composer's lexicon (data/lexicon.tsv: columns zh, en, role, evidence; a known role;
    evidence that names a document, year and unit on every row).

    Errors (exit 1): a missing column or required field, a duplicate id or simplified form, an
    unknown category or status, a related id that does not exist, pinyin whose syllables are
    not readings of the characters or that disagree between the two pinyin columns, a pypinyin
    disagreement without a pinyin_note, an alias that is another term or another term's alias, an
    en_history item not written 'rendering (YYYY–YYYY)', a citation of an official or common
    rendering that names no place (¶ unit, URL or list) in its document; with --sources, a
    citation its document does not bear out. Warnings: traditional forms that differ from OpenCC,
    a standard English shared by two entries.

    \b
    Examples:
      glossary validate
      glossary validate data/terms/trade_union.tsv
      glossary validate --sources ../shared/corpora     # check citations against the documents
      glossary validate --user                          # the user glossary import writes
    """
    from ..store import default_user_path, shipped_path, user_path_from_env
    from ..validate import read_and_validate

    user_file = user_path_from_env() or default_user_path()
    if user and not paths:
        if not user_file.exists():
            raise GlossaryError(f"{user_file}: no user glossary yet ('glossary import' creates it)")
        paths = [user_file]
    targets = list(paths) or [shipped_path()]
    if any(_same(p, user_file) for p in targets):
        user = True
    for p in targets:
        if not p.exists():
            raise GlossaryError(f"{p}: no such file or folder")
    if sources is not None and not sources.is_dir():
        raise GlossaryError(f"{sources}: no such folder")
    terms, problems = read_and_validate(targets, check_script=not no_script_check, sources=sources, user=user)
    lexicon = ""
    if not paths:
        from ..composition import lexicon_path, read_lexicon
        from ..validate import validate_lexicon

        problems += validate_lexicon()
        try:
            lexicon = f", {len(read_lexicon(lexicon_path()))} lexicon rows"
        except GlossaryError:
            lexicon = ""
    errors = [problem for problem in problems if problem.level == "error"]
    for problem in problems:
        if problem.level == "error" or warnings:
            click.echo(str(problem), err=problem.level == "error")
    count = len(terms)
    summary = f"{count} terms{lexicon}, {len(errors)} error(s), {len(problems) - len(errors)} warning(s)"
    if errors:
        click.echo(f"invalid: {summary}", err=True)
        sys.exit(1)
    click.echo(f"valid: {summary}")


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False
