"""The ``glossary`` command: a thin Click layer over the Python API.

Each command parses options, calls one API function and formats the result. Errors the user
can act on (:class:`~glossary.errors.GlossaryError`) become one line on stderr and exit 1;
Click's own usage errors exit 2. Heavy imports happen inside the commands that need them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Callable, Sequence

import click

from . import __version__
from .errors import GlossaryError

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


#: Commands that live in their own modules, imported only when run (keeps start-up quick).
LAZY_COMMANDS = {
    "extract": "glossary.commands.extract:extract",
    "check": "glossary.commands.check:check",
    "annotate": "glossary.commands.annotate:annotate",
    "import": "glossary.commands.importer:import_",
    "align": "glossary.commands.align:align",
}


class _Group(click.Group):
    """Group that loads heavy commands lazily and turns library errors into one clear line."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        import importlib.util

        lazy = []
        for name, target in LAZY_COMMANDS.items():
            try:
                if importlib.util.find_spec(target.split(":")[0]) is not None:
                    lazy.append(name)
            except ModuleNotFoundError:
                continue
        return sorted(set(super().list_commands(ctx)) | set(lazy))

    def get_command(self, ctx: click.Context, name: str):
        if name in LAZY_COMMANDS and name not in self.commands:
            import importlib

            module, attr = LAZY_COMMANDS[name].split(":")
            try:
                return getattr(importlib.import_module(module), attr)
            except ModuleNotFoundError:
                return None
        return super().get_command(ctx, name)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except GlossaryError as exc:
            click.echo(f"glossary: error: {exc}", err=True)
            ctx.exit(1)
        except BrokenPipeError:
            sys.stderr.close()
            ctx.exit(1)


@click.group(cls=_Group, context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="glossary")
def main() -> None:
    """Chinese political terms: look them up, read their pinyin, check and export them.

    \b
    Examples:
      glossary lookup "two maintenance"      # the entry for 两个维护 (Two Upholds)
      glossary lookup 兩個維護                # traditional characters work too
      glossary search "maple brige"          # fuzzy search, best first
      glossary pinyin 中国式现代化            # orthographic pinyin (GB/T 16159)
      glossary export --format tsv -o terms.tsv
      glossary validate                      # check the shipped data

    Run 'glossary COMMAND --help' for each command's options.
    """


def glossary_option(f: Callable) -> Callable:
    return click.option(
        "--glossary",
        "glossary_path",
        metavar="PATH|none",
        help="A user glossary (TSV file or folder) laid over the shipped terms; 'none' uses no "
        "glossary at all. Default: $GLOSSARY_USER if set.",
    )(f)


def script_option(help_text: str) -> Callable:
    """``--script simplified|traditional|both``, shared by the commands that show Chinese."""
    return click.option(
        "--script",
        type=click.Choice(["simplified", "traditional", "both"]),
        default="both",
        show_default=True,
        help=help_text,
    )


def load_glossary(glossary_path: str | None):
    from .store import Glossary, load

    if glossary_path and glossary_path.lower() == "none":
        return Glossary(())
    return load(user=glossary_path) if glossary_path else load()


# -- lookup -----------------------------------------------------------------------------------
@main.command(context_settings=CONTEXT)
@click.argument("query", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the matching entries as JSON.")
@script_option("Which Chinese script the card shows.")
@glossary_option
def lookup(query: Sequence[str], as_json: bool, script: str, glossary_path: str | None) -> None:
    """Find the entry for QUERY, given in any form.

    QUERY may be simplified or traditional Chinese, pinyin (tone marks, tone numbers or none;
    spaces optional), the standard English, an accepted alternative, or a non-standard rendering
    such as a machine translation. Case and punctuation do not matter. Words of an unquoted
    query are joined with spaces.

    Exit status: 0 when found, 1 when nothing matches (the nearest entries are suggested).

    \b
    Examples:
      glossary lookup "two maintenance"
      glossary lookup liang3 ge4 wei2 hu4
      glossary lookup 兩個維護 --script traditional
      glossary lookup "Maple Bridge experience" --json
    """
    from .render import card

    text = " ".join(query)
    g = load_glossary(glossary_path)
    matches = g.lookup(text)
    if not matches:
        near = g.search(text, limit=5)
        if as_json:
            click.echo(json.dumps({"query": text, "matches": [], "suggestions": [_match_json(m) for m in near]}, ensure_ascii=False, indent=2))
        else:
            click.echo(f"No entry for {text!r}.", err=True)
            if near:
                click.echo("Did you mean:", err=True)
                for m in near:
                    click.echo(f"  {m.term.zh_hans}  {m.term.en}  ({m.form})", err=True)
        sys.exit(1)
    if as_json:
        click.echo(json.dumps({"query": text, "matches": [_match_json(m) for m in matches]}, ensure_ascii=False, indent=2))
        return
    click.echo("\n\n".join(card(m, script=script, color=sys.stdout.isatty()) for m in matches))


def _match_json(m) -> dict:
    return {"matched_field": m.field, "matched_form": m.form, "score": m.score, "term": m.term.to_dict()}


# -- search -----------------------------------------------------------------------------------
@main.command(context_settings=CONTEXT)
@click.argument("query", nargs=-1, required=True)
@click.option("-n", "--limit", default=10, show_default=True, type=click.IntRange(1, 1000), help="How many results.")
@click.option("--json", "as_json", is_flag=True, help="Print results as JSON.")
@glossary_option
def search(query: Sequence[str], limit: int, as_json: bool, glossary_path: str | None) -> None:
    """Fuzzy search: misspelt English, partial pinyin, partial Chinese; best first.

    Each line shows the score (0–100), the term and the form that matched.

    \b
    Examples:
      glossary search "maple brige experiance"
      glossary search fengqiao
      glossary search 现代化 -n 20
    """
    text = " ".join(query)
    g = load_glossary(glossary_path)
    results = g.search(text, limit=limit)
    if as_json:
        click.echo(json.dumps([_match_json(m) for m in results], ensure_ascii=False, indent=2))
    else:
        for m in results:
            click.echo(f"{m.score:5.1f}  {m.term.zh_hans}  {m.term.en}  [{m.term.id}]  via {m.field}: {m.form}")
    if not results:
        click.echo(f"Nothing close to {text!r}.", err=True)
        sys.exit(1)


# -- pinyin -----------------------------------------------------------------------------------
@main.command(context_settings=CONTEXT)
@click.argument("text", nargs=-1)
@click.option("--numbered", is_flag=True, help="Tone-numbered syllables (liang3 ge4) instead of orthographic pinyin.")
@click.option("--no-tones", is_flag=True, help="Orthographic pinyin without tone marks.")
@glossary_option
def pinyin(text: Sequence[str], numbered: bool, no_tones: bool, glossary_path: str | None) -> None:
    """Orthographic pinyin (GB/T 16159) for Chinese TEXT (or standard input).

    Words are joined, proper nouns capitalised, apostrophes inserted, numerals kept apart from
    measure words; glossary terms use their hand-checked pinyin, and the project's polyphone
    corrections (为人民服务 wèi …) override pypinyin.

    \b
    Examples:
      glossary pinyin 两个维护                 # liǎng gè wéihù
      glossary pinyin 中国共产党第二十次全国代表大会
      glossary pinyin --numbered 为人民服务    # wei4 ren2 min2 fu2 wu4
    """
    from .pinyin import PinyinWriter

    source = " ".join(text) if text else sys.stdin.read()
    if not source.strip():
        raise click.UsageError("give some Chinese text, as an argument or on standard input")
    writer = PinyinWriter(load_glossary(glossary_path))
    for line in source.splitlines():
        if not line.strip():
            click.echo("")
        elif numbered:
            click.echo(writer.numbered(line))
        else:
            click.echo(writer.orthographic(line, tones=not no_tones))


# -- export -----------------------------------------------------------------------------------
def _format_help() -> str:
    from .export import formats

    return "; ".join(f"{k}: {v}" for k, v in formats().items())


@main.command(context_settings=CONTEXT)
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
    from .export import export as do_export
    from .terms import CATEGORIES

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


@main.command(context_settings=CONTEXT)
def formats() -> None:
    """List the export formats, one per line with what it is for.

    \b
    Examples:
      glossary formats
      glossary export --format omegat -o glossary.utf8
    """
    from .export import formats as fmts

    for name, desc in fmts().items():
        click.echo(f"{name:10} {desc}")


# -- validate ---------------------------------------------------------------------------------
@main.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--warnings/--no-warnings", default=True, show_default=True, help="Also list warnings (they never fail the run).")
@click.option("--no-script-check", is_flag=True, help="Skip the OpenCC comparison of traditional forms.")
def validate(paths: Sequence[Path], warnings: bool, no_script_check: bool) -> None:
    """Check term tables: schema, duplicates, pinyin and script.

    PATHS are TSV files or folders of them, checked together as one table (ids and simplified
    forms must be unique across them). Without PATHS, the shipped tables are checked.

    Errors (exit 1): a missing column or required field, a duplicate id or simplified form, an
    unknown category or status, a related id that does not exist, pinyin whose syllables are
    not readings of the characters or that disagree between the two pinyin columns, a pypinyin
    disagreement without a pinyin_note. Warnings: traditional forms that differ from OpenCC, a
    standard English shared by two entries.

    \b
    Examples:
      glossary validate
      glossary validate data/terms/trade_union.tsv
    """
    from .store import shipped_path
    from .validate import read_and_validate

    targets = list(paths) or [shipped_path()]
    for p in targets:
        if not p.exists():
            raise GlossaryError(f"{p}: no such file or folder")
    terms, problems = read_and_validate(targets, check_script=not no_script_check)
    errors = [p for p in problems if p.level == "error"]
    for p in problems:
        if p.level == "error" or warnings:
            click.echo(str(p), err=p.level == "error")
    count = len(terms)
    summary = f"{count} terms, {len(errors)} error(s), {len(problems) - len(errors)} warning(s)"
    if errors:
        click.echo(f"invalid: {summary}", err=True)
        sys.exit(1)
    click.echo(f"valid: {summary}")


if __name__ == "__main__":  # pragma: no cover
    main()
