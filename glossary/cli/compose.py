"""``glossary compose``: English for Chinese phrases the glossary lacks, built from their parts."""

from __future__ import annotations

import json
from collections.abc import Sequence

import click

from ..errors import InputError
from .options import CONTEXT, glossary_option, load_glossary


@click.command(context_settings=CONTEXT)
@click.argument("phrases", nargs=-1)
@click.option("--file", "file_", metavar="PATH", help="Read phrases from PATH, one a line ('-' = standard input).")
@click.option("--format", "fmt", type=click.Choice(["text", "tsv", "json"]), default="text", show_default=True,
              help="text: one block per phrase with its parts; tsv/json: one row per phrase.")
@glossary_option
def compose(phrases: Sequence[str], file_: str | None, fmt: str, glossary_path: str | None) -> None:
    """English for each Chinese PHRASE, composed from its parts.

    How the English is made (the METHOD column):

    \b
      glossary  the phrase is a glossary term: its standard English.
      composed  every part has English and the order rules placed it. Parts come
                from glossary terms (whole terms, however long), then the lexicon of political
                Chinese (data/lexicon.tsv, each word's English attested in official
                translations), then CC-CEDICT; a dictionary word takes the English the
                glossary's own terms give it in the same place (检察 → procuratorial),
                and a head the order they give it (改革 → "reform of …"). A phrase
                in a frame several glossary terms share takes their wording around
                its own part (中华人民共和国…法 → "… Law of the People's Republic of
                China"; the part shows as "[table]" with the frame's English). The rules:
                modifier + head; X的Y →
                "X's Y" or "Y of X"; verb + object; 和/与/、 → "A, B and C";
                以X为中心 → X-centered; 打赢…攻坚战 → win the critical battle
                against …; 两个X → two Xs; …现代化 → modernization of ….
      gloss     some part has no English: the word-by-word bag "a + b + c".

    CONFIDENCE (0–1) is how much of the phrase came from trusted parts: each
    character counts 1.0 from the glossary, 0.9 from the lexicon, 0.8 from the
    glossary terms' own usage, 0.55 from CC-CEDICT, 0 when unknown, lowered a
    little when a rule had to guess (a 的 clause read as "of" or "to"). Read it as a ranking, not a probability: on the
    curated terms, English composed at 0.9 or more matched the curated English
    word for word more than one time in three, below 0.9 about one time in eight
    (docs/compose.md has the figures). Composed English is a draft for a
    translator: check it against official usage before it goes into the glossary.

    \b
    Examples:
      glossary compose 坚持和发展马克思主义
      glossary compose --file phrases.txt --format tsv
    """
    from ..composition import compose_all
    from ..forms import is_han
    from ..io.textfile import read_text

    items = [p.strip() for p in phrases if p.strip()]
    if file_:
        items += [line.strip() for line in read_text(file_).text.splitlines() if line.strip()]
    if not items:
        raise InputError("no phrase given: pass phrases as arguments or --file PATH")
    if not any(is_han(ch) for item in items for ch in item):
        raise InputError("no Chinese in the phrases given: compose makes English for Chinese phrases "
                         "(for an English rendering, try glossary lookup)")
    results = compose_all(items, load_glossary(glossary_path))
    if fmt == "json":
        click.echo(json.dumps([
            {"phrase": c.phrase, "english": c.english, "method": c.method, "confidence": c.confidence,
             "parts": [{"zh": p.zh, "en": p.en, "source": p.source, "term_id": p.term_id} for p in c.parts]}
            for c in results], ensure_ascii=False, indent=2))
    elif fmt == "tsv":
        from ..io.cells import neutralise

        click.echo("phrase\tenglish\tmethod\tconfidence\tparts")
        for c in results:
            parts = " | ".join(f"{p.zh}={p.en or '?'} ({p.source})" for p in c.parts)
            cells = (c.phrase, c.english, c.method, f"{c.confidence:.2f}", parts)
            click.echo("\t".join(neutralise(x).replace("\t", " ") for x in cells))
    else:
        blocks = []
        for c in results:
            if not any(is_han(ch) for ch in c.phrase):
                blocks.append(f"{c.phrase}\n  (not Chinese: compose makes English for Chinese phrases; "
                              "for an English rendering, try glossary lookup)")
                continue
            parts = "  ".join(f"{p.zh}={p.en or '?'}" + ("" if p.source in ("glossary", "rule") else f" [{p.source}]")
                              for p in c.parts if p.en or p.source == "none")
            blocks.append(f"{c.phrase}\n  {c.english or '(no English)'}\n  {c.method}, confidence {c.confidence:.2f}"
                          + (f"\n  parts: {parts}" if c.method != "glossary" and parts else ""))
        click.echo("\n\n".join(blocks))
