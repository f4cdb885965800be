"""pypinyin's readings in a compact, cached form: what the pinyin writer asks pypinyin for,
without importing pypinyin's dictionaries.

``import pypinyin`` parses its character and phrase dictionaries (about 42,000 characters and
47,000 phrases from JSON) and builds its segmenter's prefix set: 0.25–0.4 s of every process that
writes pinyin, most of the run for a few hundred phrases. The writer only ever makes one call,
``lazy_pinyin(text, style=Style.TONE3, neutral_tone_with_five=True, errors=list)``, and that call
is a pure function of what this module keeps:

* pypinyin's **phrases** and **characters** with their numbered syllables, each converted once
  by the converter ``lazy_pinyin`` makes for that call (so the tone style and the neutral-tone 5
  are pypinyin's own), in a pyahocorasick trie (word → the number of its syllables in one string
  of all readings): the trie answers both "is this a phrase" and "does any phrase start so", which
  is all pypinyin's segmenter asks;
* pypinyin's pattern for the characters it reads as Han.

They are built once from the installed pypinyin (never shipped: its data stays its own) and kept
in the user cache folder (:mod:`glossary.cache`), named by pypinyin's data files, the pypinyin
code whose steps :class:`PinyinTable` repeats, and this module's code. Reading them back costs
about 5–20 ms where importing pypinyin costs 250–400. :meth:`PinyinTable.syllables` repeats
pypinyin's steps: Han runs apart from the rest (which comes back character by character, as the
``errors`` handler asks), each Han run cut by the segmenter's rules, each word read from the
trie. A Han character pypinyin has no reading for goes through its tone style like a toneless
syllable and comes back with the neutral tone's 5 (``𠮷`` → ``𠮷5``), so it does here too. A test
compares this with pypinyin itself on every glossary term, the seed and thousands of phrases of
mixed text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import Any

#: Layout of the cached value; a change names a new file.
LAYOUT = 1
#: pypinyin's modules whose steps :class:`PinyinTable` repeats or whose output it stores: a change
#: to any of them names a new cache file.
PYPINYIN_CODE = ("__init__.py", "core.py", "converter.py", "constants.py", "seg/simpleseg.py", "seg/mmseg.py",
                 "style/__init__.py", "style/tone.py", "style/_utils.py", "style/_constants.py",
                 "contrib/neutral_tone.py", "utils.py")
#: pypinyin's data files (JSON in 0.55; Python literals in older versions).
PYPINYIN_DATA = ("pinyin_dict.json", "phrases_dict.json", "pinyin_dict.py", "phrases_dict.py")

# a word's value in the trie: its number k shifted left by two (its syllables are
# ``readings[ends[k - 1]:ends[k]]``) and two flags: a phrase (else a character), its syllables
# kept apart (in ``irregular``)
_PHRASE, _APART = 1, 2


@dataclass(frozen=True, slots=True)
class PinyinTable:
    """pypinyin's readings for the writer's one call (see the module's docstring)."""

    hans: str  # pypinyin's pattern for text it reads as Han (``^(?:[...])+$``)
    words: Any  # ahocorasick.Automaton (STORE_INTS): phrases and characters → number and flags
    readings: str  # every word's syllables one after the other, a space between a phrase's syllables
    ends: Sequence[int]  # where the syllables of word number k end in the readings (array of int)
    irregular: dict[str, tuple[str, ...]]  # words whose syllables a space cannot join (none in 0.55)

    def syllables(self, text: str) -> list[str]:
        """What ``lazy_pinyin(text, style=Style.TONE3, neutral_tone_with_five=True,
        errors=list)`` returns: one numbered syllable per Han character, every other character
        on its own."""
        out: list[str] = []
        at = 0
        for m in _runs(self.hans).finditer(text):
            if at < m.start():
                out += text[at : m.start()]
            for word in self.cut(m.group()):
                out += self.read(word)
            at = m.end()
        if at < len(text):
            out += text[at:]
        return out

    def read(self, word: str) -> list[str]:
        """The syllables of one word of :meth:`cut`: a phrase or a single character."""
        value = self.words.get(word, None)
        if value is None:  # a Han character pypinyin has no reading for
            return [word + "5"]
        if value & _APART:
            return list(self.irregular[word])
        k = value >> 2
        reading = self.readings[self.ends[k - 1] if k else 0 : self.ends[k]]
        return reading.split(" ") if value & _PHRASE else [reading]

    def cut(self, run: str) -> list[str]:
        """pypinyin's segmentation of a Han *run* (``pypinyin.seg.mmseg.seg``, strict about
        phrases): the longest phrase at each place, extended one character at a time while the
        characters so far begin some phrase; where no phrase starts, one character; where the
        rest of the run begins a phrase without being one, the rest character by character.
        (The trie also holds the single characters, which makes every character "begin" a
        word: that changes nothing, as a lone character is cut alone either way.)"""
        out: list[str] = []
        words = self.words
        i, n = 0, len(run)
        while i < n:
            last = 0
            j = i
            while j < n and words.match(run[i : j + 1]):
                j += 1
                value = words.get(run[i:j], 0)
                if value & _PHRASE:
                    last = j
            if last:
                out.append(run[i:last])
                i = last
            elif j < n:
                out.append(run[i])
                i += 1
            else:
                out += run[i:]
                i = n
        return out


@lru_cache(maxsize=4)
def _runs(hans: str) -> re.Pattern[str]:
    """Maximal runs of the characters *hans* accepts (pypinyin matches ``^(?:[...])+$`` one
    character at a time)."""
    return re.compile(hans.removeprefix("^").removesuffix("$"))


def table_path() -> Path:
    """The cache file of the table for the installed pypinyin and this module's code. The key
    reads pypinyin's code files (a few small reads) and identifies its data files by content
    (:func:`glossary.cache.content`), rather than asking ``importlib.metadata`` for its version
    (an import of about 30 ms); where pypinyin is installed does not enter it."""
    import os

    from . import cache

    here = cache.package_dir("pypinyin")
    key: list[str | bytes] = [str(LAYOUT), os.environ.get("PYPINYIN_NO_PHRASES", "")]
    for name in PYPINYIN_DATA:
        path = here / name
        if path.exists():
            key.append(cache.content(path))
    for name in PYPINYIN_CODE:
        path = here / name
        key.append(path.read_bytes() if path.exists() else b"-")
    return cache.named("pinyin", "pickle", [*key, *cache.code("pinyin_table.py")])


def _as_characters(s: str) -> list[str]:
    return list(s)


def build() -> PinyinTable:
    """The table from the installed pypinyin: each phrase and character converted by the
    converter ``lazy_pinyin`` makes for the writer's call (a few seconds, once)."""
    from array import array

    import ahocorasick
    from pypinyin import Style
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT, RE_HANS
    from pypinyin.converter import UltimateConverter

    converter = UltimateConverter(neutral_tone_with_five=True)
    words = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    parts: list[str] = []
    ends = array("q")
    irregular: dict[str, tuple[str, ...]] = {}
    singles = (chr(code) for code in PINYIN_DICT)
    for word, phrase in chain(((w, True) for w in PHRASES_DICT), ((c, False) for c in singles if c not in PHRASES_DICT)):
        syllables = tuple(chain.from_iterable(converter.convert(word, Style.TONE3, False, _as_characters, True)))  # type: ignore[arg-type]  # pypinyin accepts a list
        flags = _PHRASE if phrase else 0
        if any(" " in s for s in syllables) if phrase else len(syllables) != 1:
            irregular[word] = syllables
            words.add_word(word, flags | _APART)
            continue
        joined = " ".join(syllables)
        words.add_word(word, (len(parts) << 2) | flags)
        parts.append(joined)
        ends.append((ends[-1] if ends else 0) + len(joined))
    return PinyinTable(RE_HANS.pattern, words, "".join(parts), ends, irregular)


def _from_value(value: object) -> PinyinTable | None:
    from array import array

    import ahocorasick

    if not (isinstance(value, tuple) and len(value) == 6 and value[0] == LAYOUT):
        return None
    _, hans, words, readings, ends, irregular = value
    if isinstance(hans, str) and isinstance(words, ahocorasick.Automaton) and isinstance(readings, str) \
            and isinstance(ends, array) and isinstance(irregular, dict):
        return PinyinTable(hans, words, readings, ends, irregular)
    return None


@lru_cache(maxsize=1)
def table() -> PinyinTable:
    """The table: unpickled from the cache file, built from pypinyin (and cached) when it is
    missing or damaged; a cache folder that cannot be written only costs the build (a few
    seconds) on each run."""
    from . import cache

    path = table_path()
    found = _from_value(cache.load_pickled(path))
    if found is not None:
        return found
    built = build()
    cache.save_pickled(path, (LAYOUT, built.hans, built.words, built.readings, built.ends, built.irregular))
    return built


def syllables(text: str) -> list[str]:
    """pypinyin's numbered syllables for *text* (see :meth:`PinyinTable.syllables`)."""
    return table().syllables(text)
