"""A word-by-word English gloss for Chinese phrases the glossary does not have.

The phrase is cut into words the way its pinyin is written (:class:`glossary.pinyin.PinyinWriter`:
jieba's dictionary, glossary terms kept whole), neighbours rejoined where together they are one
dictionary word (社会主义, written shèhuì zhǔyì), so 一个中国 is 一 + 个 + 中国 and not 一 + 个中
("therein") + 国. A glossary term gives its standard English (坚决做到两个维护 glosses its 两个维护 as
"Two Upholds"); another word gives the first plain sense of the CC-CEDICT entry *read as the
phrase reads it* (更好: 更 gèng "more", not gēng "to change"; 强军: 强 qiáng "strong", not jiàng
"stubborn"); a measure word after a numeral is left out (it has no English of its own); a word
CC-CEDICT lacks falls back to the longest headwords inside it. The result is a reading aid, never
a translation: callers mark it as unreviewed.

Only the headwords that can occur inside the phrases asked about are read from CC-CEDICT
(:func:`glossary.cedict.readings_within`), instead of indexing all 120 000 entries.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from ..cedict import first_sense
from ..cedict import short_sense as _short

_MAX_WORD = 8
#: (numbered pinyin, definitions) per CC-CEDICT entry of a headword
Readings = Mapping[str, Sequence[tuple[str, Sequence[str]]]]
_NUMERALS = set("一二两三四五六七八九十百千万亿几")


def dictionary(phrases: Iterable[str]) -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """CC-CEDICT readings of every headword (simplified) that is a substring of *phrases*."""
    from ..cedict import readings_within

    return readings_within(phrases, _MAX_WORD)


def is_idiom(word: str, readings: Readings) -> bool:
    """:func:`glossary.cedict.idiom_senses` over the readings already loaded."""
    from ..cedict import idiom_senses

    return idiom_senses(word, (d for _, defs in readings.get(word, ()) for d in defs))


def compose(
    phrase: str,
    known: Mapping[str, str] | None = None,
    readings: Readings | None = None,
    words: Sequence[tuple[str, Sequence[str]]] | None = None,
) -> str:
    """Glosses of the words of *phrase* (simplified), joined by " + "; '' when nothing is known.

    *words* are the phrase's words with their numbered syllables (text, syllables); without them
    the phrase is cut greedily into the longest CC-CEDICT headwords.
    """
    known = known or {}
    if readings is None:
        readings = dictionary([phrase])
    parts: list[str] = []
    hits = 0
    if words is None:
        words = [(phrase, ())]
    previous = ""
    for text, syl in _dictionary_words(words, known, readings):
        if not text.strip():
            continue
        if previous and previous[-1] in _NUMERALS and len(text) == 1 and _is_measure_word(text, readings):
            previous = text
            continue
        en = known.get(text) if len(text) > 1 else None
        if en is None and len(words) > 1:
            en = first_sense(text, readings, syl)
        if en:
            parts.append(_short(en))
            hits += 1
        else:
            got, found = _greedy(text, known, readings, syl)
            parts += got
            hits += found
        previous = text
    return " + ".join(parts) if hits else ""


def _dictionary_words(words: Sequence[tuple[str, Sequence[str]]], known: Mapping[str, str],
                      readings: Readings) -> list[tuple[str, tuple[str, ...]]]:
    """*words* with neighbours rejoined where together they are one glossary term or CC-CEDICT
    headword, longest first: the orthography writes 社会主义 as two words (shèhuì zhǔyì), but its
    gloss is "socialism", not "society + -ism"."""
    out: list[tuple[str, tuple[str, ...]]] = []
    i, n = 0, len(words)
    while i < n:
        for j in range(n, i + 1, -1):
            text = "".join(w for w, _ in words[i:j])
            if len(text) <= _MAX_WORD and (text in known or text in readings):
                out.append((text, tuple(s for _, syl in words[i:j] for s in syl)))
                i = j
                break
        else:
            out.append((words[i][0], tuple(words[i][1])))
            i += 1
    return out


def _greedy(text: str, known: Mapping[str, str], readings: Readings, syl: Sequence[str]) -> tuple[list[str], int]:
    """Longest known or CC-CEDICT headwords, left to right, inside *text*."""
    parts: list[str] = []
    hits = 0
    i, n = 0, len(text)
    while i < n:
        for k in range(min(_MAX_WORD, n - i), 0, -1):
            piece = text[i : i + k]
            en = known.get(piece) if k > 1 else None
            if en is None:
                en = first_sense(piece, readings, syl[i : i + k] if len(syl) == n else None)
            if en:
                parts.append(_short(en))
                hits += 1
                i += k
                break
        else:
            parts.append(text[i])
            i += 1
    return parts, hits


def _is_measure_word(char: str, readings: Readings) -> bool:
    return any("classifier" in d.lower() for _, defs in readings.get(char, ()) for d in defs)
