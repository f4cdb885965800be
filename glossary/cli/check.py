"""``glossary check``: terminology QA of an English text (thin layer over glossary.check)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import cast

import click

from ..checking.options import KINDS, LEVELS
from ..errors import GlossaryError
from ..layout import terminal_width
from ..progress import on_terminal
from .exits import NO, OK, input_error
from .options import CONTEXT, emit, glossary_option, load_glossary


def _severity_pair(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for v in values:
        kind, _, level = v.partition("=")
        if kind not in KINDS or level not in LEVELS:
            raise click.BadParameter(f"{v!r}: expected KIND=LEVEL with KIND in {', '.join(KINDS)} and LEVEL in {', '.join(LEVELS)}")
        out[kind] = level
    return out


@click.command(context_settings=CONTEXT)
@click.argument("targets", metavar="TARGET...", nargs=-1, required=True)
@click.option("-s", "--source", metavar="SOURCE", help="The Chinese source, aligned with TARGET by line or paragraph.")
@click.option("--tsv/--no-tsv", "tsv", default=None,
              help="Read TARGET as one parallel file: a TSV with zh and en columns, or a TMX translation memory. "
                   "Default: when it ends in .tsv, .tab or .tmx.")
@click.option("--unit", type=click.Choice(["auto", "line", "paragraph"]), default="auto", show_default=True, help="How SOURCE and TARGET are aligned.")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json", "csv"]), default="text", show_default=True, help="Report format.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default="error", show_default=True, help="Exit 1 when a finding of this severity or worse exists.")
@click.option("--only", "--kinds", "kinds", multiple=True, type=click.Choice(KINDS), help="Report only this kind (repeatable). Default: all.")
@click.option("--skip", "skip", multiple=True, type=click.Choice(KINDS), help="Do not report this kind (repeatable), e.g. --skip capitalisation.")
@click.option("--severity", "severity", multiple=True, metavar="KIND=LEVEL", callback=_severity_pair, help="Change a kind's severity, e.g. missing=error (repeatable).")
@click.option("--min-zh-chars", type=click.IntRange(1, 20), default=2, show_default=True, help="Shortest source term checked for a missing rendering.")
@click.option("--all-terms", is_flag=True, help="Look for missing and inconsistent renderings of every term, not only formulation-like ones.")
@click.option("--strict", is_flag=True, help="Exact matching only: no loose matching of reworded renderings, no ambiguity allowance, every missing rendering a warning.")
@click.option("--encoding", metavar="NAME", help="Encoding of the input files (default: detected).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report to FILE (atomically); the summary still goes to standard error.")
@glossary_option
def check(
    targets: tuple[str, ...],
    source: str | None,
    tsv: bool | None,
    unit: str,
    fmt: str,
    fail_on: str,
    kinds: tuple[str, ...],
    skip: tuple[str, ...],
    severity: dict[str, str],
    min_zh_chars: int,
    all_terms: bool,
    strict: bool,
    encoding: str | None,
    output: str | None,
    glossary_path: str | None,
) -> None:
    """Check the glossary terms of English TARGET texts ('-' reads standard input).

    Several TARGETs, or a folder (its .txt, .md, .tsv, .tab and .tmx files), are checked one by
    one with one report each and a last line for all; a file that cannot be read is reported and
    the others go on (exit status 2 at the end).

    \b
    Finding kinds and their default severities:
      nonstandard   error    a rendering the glossary lists as non-standard
                             ("two maintenance" for 两个维护 → "Two Upholds")
      missing       warning  (needs a source) a source term with no standard or
                             accepted rendering in its target segment; a note (info)
                             for a term official English is not known to keep
      inconsistent  info     (needs a source) one source term rendered differently
                             in different segments
      outdated      warning  an earlier official rendering the current one replaced
                             ("One Belt, One Road", 2013–2015 → "Belt and Road Initiative")
      capitalisation warning a standard rendering with other capitals than the
                             glossary's ("three represents" → "Three Represents");
                             only lowercased capitals are reported
      literal       warning  a probable machine rendering the glossary does not
                             list: English saying word for word what a term's
                             Chinese parts mean ("community of human destiny" →
                             "a human community with a shared future"); with a
                             source, only where the source has the term; a weak
                             reading (two or three words) only with a source, as info
    Missing and inconsistent renderings are looked for only for formulation-like
    terms (set formulations, numbered formulas, proper names); --all-terms asks
    about every term.
    Ambiguous non-standard forms (one word, or the usual English of another Chinese
    word, e.g. "middle class") are only info without a source; with one, they are
    reported (at full severity) only where the source segment has the term.

    \b
    Inputs:
      glossary check draft.txt                    # English alone
      glossary check draft.txt --source zh.txt    # two files aligned by line/paragraph
      glossary check pairs.tsv                    # one TSV with zh and en columns
      glossary check memory.tmx                   # a CAT tool's translation memory
      glossary check chapters/ appendix.txt       # every file of a folder, and one more

    Exit status: 0 no finding at or above --fail-on; 1 there are; 2 usage or input error.

    \b
    Examples:
      glossary check speech_en.txt
      glossary check speech_en.txt -s speech_zh.txt --fail-on warning
      glossary check pairs.tsv --format json -o findings.json
      glossary check pairs.tsv --only missing --severity missing=error
      glossary check draft.txt --skip capitalisation
      glossary check draft.txt --only capitalisation --severity capitalisation=error
      glossary check mt_draft.txt --only literal --severity literal=error
    """
    from ..checking import CheckOptions, Unit
    from ..checking import check as run
    from ..checking.output import format_report, format_reports, summary

    chosen = [k for k in (kinds or KINDS) if k not in skip]
    options = CheckOptions(min_zh_chars=min_zh_chars, severity=severity, kinds=chosen,
                           loose=not strict, ambiguity=not strict, keep_evidence=not strict,
                           formulations_only=not all_terms)
    g = load_glossary(glossary_path)
    # a terminal gets wrapped lines; a file or pipe keeps one finding per line for tools to read
    width = terminal_width(True) if output is None and sys.stdout.isatty() else None
    if len(targets) == 1 and not Path(targets[0]).is_dir():
        report = run(targets[0], source, glossary=g, options=options, tsv=tsv, unit=cast(Unit, unit), encoding=encoding,
                     progress=on_terminal("check"))
        emit(format_report(report, fmt, fail_on, width), output, summary(report, fail_on))
        sys.exit(NO if report.failed(fail_on) else OK)
    if source is not None:
        raise click.UsageError("--source pairs one English file with its Chinese; give one TARGET with it")
    from ..checking import check_files

    unreadable: list[str] = []

    def report_error(exc: GlossaryError) -> None:
        unreadable.append(str(exc))
        click.echo(f"glossary: error: {exc}", err=True)

    reports = check_files(targets, glossary=g, options=options, tsv=tsv, encoding=encoding, on_error=report_error,
                          progress=on_terminal("check"))
    text = format_reports(reports, fmt, fail_on, width)
    emit(text, output, text.rstrip("\n").rsplit("\n", 1)[-1] if fmt == "text" else f"{len(reports)} file(s) checked")
    if unreadable:
        sys.exit(input_error("check"))
    sys.exit(NO if any(r.failed(fail_on) for r in reports) else OK)
