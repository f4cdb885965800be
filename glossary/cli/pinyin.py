"""``glossary pinyin``: orthographic pinyin for Chinese text."""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from .options import CONTEXT, glossary_option, load_glossary


@click.command(context_settings=CONTEXT)
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
    from ..pinyin import PinyinWriter

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
