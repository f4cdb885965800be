"""A word-by-word English gloss for Chinese phrases the glossary does not have.

Greedy longest match, left to right: a glossary term inside the phrase gives its standard English
(so 坚决做到两个维护 glosses its 两个维护 as "Two Upholds"); otherwise the longest CC-CEDICT headword
gives its first plain sense. The result is a reading aid, never a translation: callers mark it
as unreviewed.

Only the headwords that can occur inside the phrases asked about are read from CC-CEDICT
(:func:`glossary.cedict.senses_within`), instead of indexing all 120 000 entries.
"""

from __future__ import annotations

import re
from typing import Iterable, Mapping

_MAX_WORD = 8


def dictionary(phrases: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """CC-CEDICT definitions of every headword (simplified) that is a substring of *phrases*."""
    from ..cedict import senses_within

    return senses_within(phrases, _MAX_WORD)


def is_idiom(word: str, senses: Mapping[str, tuple[str, ...]]) -> bool:
    return len(word) == 4 and any("(idiom" in d for d in senses.get(word, ()))


def first_sense(word: str, senses: Mapping[str, tuple[str, ...]]) -> str | None:
    from ..cedict import useful_sense

    for d in senses.get(word, ()):
        if useful_sense(d):
            return d.split(";")[0].strip()
    return None


def compose(phrase: str, known: Mapping[str, str] | None = None, senses: Mapping[str, tuple[str, ...]] | None = None) -> str:
    """Glosses of the words of *phrase* (simplified), joined by " + "; '' when nothing is known."""
    known = known or {}
    if senses is None:
        senses = dictionary([phrase])
    parts: list[str] = []
    i = 0
    n = len(phrase)
    hits = 0
    while i < n:
        for k in range(min(_MAX_WORD, n - i), 0, -1):
            piece = phrase[i : i + k]
            en = known.get(piece) if k > 1 else None
            if en is None:
                en = first_sense(piece, senses)
            if en:
                parts.append(_short(en))
                hits += 1
                i += k
                break
        else:
            parts.append(phrase[i])
            i += 1
    return " + ".join(parts) if hits else ""


def _short(sense: str) -> str:
    """Drop CC-CEDICT's bracketed remarks and a leading 'to ': 'to uphold (a principle)' → 'uphold'."""
    s = re.sub(r"\s*\([^)]*\)", "", sense).strip()
    s = re.sub(r"^to ", "", s)
    return s or sense
