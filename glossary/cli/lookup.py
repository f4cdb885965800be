"""``glossary lookup`` and ``glossary search``: find an entry from any of its forms."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence

import click

from ..layout import terminal_width, wrap
from .options import CONTEXT, glossary_option, load_glossary, script_option


@click.command(context_settings=CONTEXT)
@click.argument("query", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the matching entries as JSON.")
@script_option("Which Chinese script the card shows.")
@glossary_option
def lookup(query: Sequence[str], as_json: bool, script: str, glossary_path: str | None) -> None:
    """Find the entry for QUERY, given in any form.

    QUERY may be simplified or traditional Chinese, pinyin (tone marks, tone numbers or none;
    spaces optional), the standard English, an accepted alternative, or a non-standard rendering
    such as a machine translation. Case and punctuation do not matter. Words of an unquoted
    query are joined with spaces. English that no entry lists is read as a literal rendering
    of a term's Chinese parts ("community of human destiny": probably 人类命运共同体), and the
    probable entry is shown.

    Exit status: 0 when found, 1 when nothing matches (the nearest entries are suggested).

    \b
    Examples:
      glossary lookup "two maintenance"
      glossary lookup liang3 ge4 wei2 hu4
      glossary lookup 兩個維護 --script traditional
      glossary lookup "Maple Bridge experience" --json
      glossary lookup "community of human destiny"
    """
    from ..render import card

    text = " ".join(query)
    g = load_glossary(glossary_path)
    matches = g.lookup(text)
    if not matches:
        matches = g.literal(text, limit=1)
        if matches and not as_json:
            m = matches[0]
            click.echo(f"probably {m.term.zh_hans} — {m.term.en} (literal rendering of {m.form})", err=True)
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
    tty = sys.stdout.isatty()
    click.echo("\n\n".join(card(m, script=script, color=tty, width=terminal_width(tty)) for m in matches))


def _match_json(m) -> dict:
    return {"matched_field": m.field, "matched_form": m.form, "score": m.score, "term": m.term.to_dict()}



@click.command(context_settings=CONTEXT)
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
    width = terminal_width(sys.stdout.isatty())
    if as_json:
        click.echo(json.dumps([_match_json(m) for m in results], ensure_ascii=False, indent=2))
    else:
        for m in results:
            line = f"{m.score:5.1f}  {m.term.zh_hans}  {m.term.en}  [{m.term.id}]  via {m.field}: {m.form}"
            click.echo("\n".join(wrap(line, width, " " * 7)))
    if not results:
        click.echo(f"Nothing close to {text!r}.", err=True)
        sys.exit(1)
