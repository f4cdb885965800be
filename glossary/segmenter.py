"""The one Chinese word segmenter: jieba's dictionary and tag table, loaded once per process.

Pinyin word joining, the word-boundary test of short matches, extract's phrase-boundary rules,
the word aligner and align's span rules all segment Chinese; they share this dictionary.

jieba itself rebuilds a half-million-entry dict from its marshal cache on every start (0.6–0.8 s,
in each worker of ``extract``), and its tagger (``jieba.posseg``) parses the whole dictionary
file again for the tags (about 0.3 s more). Both are kept instead in the user cache folder
(:mod:`glossary.cache`), in files named by a hash of jieba's version and dictionary
file: the word frequencies as a pickled pyahocorasick trie (read in about 40 ms) and the tags as
a marshal dict (about 0.1 s). :class:`Dictionary` segments as jieba's ``cut(text, HMM=False)``
over the trie, and :func:`tagged_cut` as ``jieba.posseg.cut(text, HMM=False)``; the tests hold
them to jieba's own output.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import lru_cache
from math import log
from pathlib import Path
from typing import Any

#: bump when the layout of the cached dictionary or tag table changes
TAGS_FORMAT = 1

# jieba.posseg's own patterns, so that tagged_cut cuts and tags as it does
_HAN_INTERNAL = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._]+)")
_SKIP_INTERNAL = re.compile("(\r\n|\\s)")
_ENG = re.compile("[a-zA-Z0-9]+")
_NUM = re.compile("[\\.0-9]+")
_ENG1 = re.compile("^[a-zA-Z0-9]$")
# jieba's Tokenizer patterns (its cut splits on a few more symbols than posseg's)
_HAN_DEFAULT = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)")
_ENG_CHAR = re.compile("[a-zA-Z0-9]")


#: Trie answers each :class:`Dictionary` remembers (a few tens of MB at most).
_SEEN_SIZE = 300_000
_UNSEEN = object()


class _Frequencies:
    """The trie read as jieba's ``FREQ`` dict: ``get`` with a default, ``in``."""

    __slots__ = ("_trie",)

    def __init__(self, trie: Any) -> None:
        self._trie = trie

    def get(self, word: str, default: int | None = None) -> int | None:
        return self._trie.get(word, default)

    def __contains__(self, word: object) -> bool:
        return word in self._trie


class Dictionary:
    """jieba's dictionary (word → frequency, every prefix of a word present with 0) in a
    pyahocorasick trie, and jieba's segmentation without the HMM over it: the same ``cut(text,
    HMM=False)`` words and ``FREQ.get`` as a ``jieba.Tokenizer``, without building jieba's
    half-million-entry dict on every run (see :func:`tokenizer`)."""

    def __init__(self, trie: Any, total: int) -> None:
        self.trie = trie
        #: word → frequency (``get``, ``in``), as jieba's ``Tokenizer.FREQ``
        self.FREQ = _Frequencies(trie)
        self.total = total
        self._logtotal = log(total)
        # the trie's answers, remembered: a trie lookup costs about ten dict lookups, and
        # segmentation asks for the same characters and words over and over (bounded)
        self._seen: dict[str, int | None] = {}

    def _lookup(self, frag: str) -> int | None:
        """The trie's value for *frag* (a frequency, 0 for a mere prefix), None when absent."""
        f = self.trie.get(frag, None)
        if len(self._seen) < _SEEN_SIZE:
            self._seen[frag] = f
        return f

    def get_DAG(self, sentence: str) -> dict[int, list[int]]:  # noqa: N802 (jieba's name)
        """For each start, the ends (inclusive) of the dictionary words there (jieba's ``get_DAG``)."""
        seen, lookup = self._seen, self._lookup
        dag: dict[int, list[int]] = {}
        n = len(sentence)
        for k in range(n):
            ends = []
            i = k
            frag = sentence[k]
            while i < n:
                f = seen.get(frag, _UNSEEN)  # one lookup for jieba's `in` and `[]`
                if f is _UNSEEN:
                    f = lookup(frag)
                if f is None:
                    break
                if f:
                    ends.append(i)
                i += 1
                frag = sentence[k : i + 1]
            dag[k] = ends or [k]
        return dag

    def calc(self, sentence: str, dag: dict[int, list[int]], route: dict[int, tuple[float, int]]) -> None:
        """The most probable path through *dag*, right to left (jieba's ``calc``)."""
        n = len(sentence)
        route[n] = (0, 0)
        seen, lookup, logtotal = self._seen, self._lookup, self._logtotal

        def freq(word: str) -> int:
            f = seen.get(word, _UNSEEN)
            if f is _UNSEEN:
                f = lookup(word)
            return f or 1  # type: ignore[return-value]  # jieba: FREQ.get(word) or 1

        for idx in range(n - 1, -1, -1):
            route[idx] = max((log(freq(sentence[idx : x + 1])) - logtotal + route[x + 1][0], x) for x in dag[idx])

    def cut(self, sentence: str, HMM: bool = False) -> Iterator[str]:  # noqa: N803 (jieba's name)
        """jieba's ``Tokenizer.cut(sentence, HMM=False)``: dictionary words, unknown characters
        single, runs of single Latin letters or digits joined."""
        if HMM:
            raise ValueError("the shared dictionary segments without the HMM")
        for blk in _HAN_DEFAULT.split(sentence):
            if not blk:
                continue
            if _HAN_DEFAULT.match(blk):
                buf = ""
                for word in self.route(blk):
                    if len(word) == 1 and _ENG_CHAR.match(word):
                        buf += word
                    else:
                        if buf:
                            yield buf
                            buf = ""
                        yield word
                if buf:
                    yield buf
                continue
            for piece in _SKIP_INTERNAL.split(blk):
                if _SKIP_INTERNAL.match(piece):
                    yield piece
                else:
                    yield from piece

    def route(self, blk: str) -> Iterator[str]:
        """The words of one Han block along jieba's most probable route (no HMM): the step both
        :meth:`cut` and :func:`tagged_cut` take before their own handling of Latin runs."""
        dag = self.get_DAG(blk)
        route: dict[int, tuple[float, int]] = {}
        self.calc(blk, dag, route)
        x, n = 0, len(blk)
        while x < n:
            y = route[x][1] + 1
            yield blk[x:y]
            x = y

    def lcut(self, sentence: str, HMM: bool = False) -> list[str]:  # noqa: N803
        return list(self.cut(sentence, HMM))


def jieba_file() -> Path:
    """jieba's dictionary file, found without importing jieba: ``import jieba`` pulls in
    ``pkg_resources`` (about 0.4 s), and a run whose trie and tags come from the cache never
    needs jieba's code at all."""
    from . import cache

    return cache.package_dir("jieba") / "dict.txt"


def _cache_key(kind: str) -> Path:
    """A cache file for *kind* ("dict", "tags") of the installed jieba (named by its version and
    dictionary file, so another jieba gets other files)."""
    from . import cache

    ext = "pickle" if kind == "dict" else "marshal"
    return cache.named(f"jieba-{kind}", ext, (str(TAGS_FORMAT), kind, cache.installed("jieba", jieba_file())))


def dict_path() -> Path:
    """The cache file of the dictionary trie for the installed jieba."""
    return _cache_key("dict")


def _jieba_freq() -> tuple[dict[str, int], int]:
    """jieba's own dictionary, as its default tokenizer loads it (its cache or dict.txt)."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    return tk.FREQ, tk.total


@lru_cache(maxsize=1)
def tokenizer() -> Dictionary:
    """The shared dictionary (``cut(text, HMM=False)``, ``FREQ``): unpickled from the cache file
    (a pyahocorasick trie, about 40 ms), built from jieba's dictionary (and cached) on first use.
    The cache file is the user's own (:mod:`glossary.cache`), as jieba's is."""
    import ahocorasick

    from . import cache

    path = dict_path()
    found = cache.load_pickled(path)
    if isinstance(found, tuple) and len(found) == 2:
        freq, total = found
        if isinstance(freq, ahocorasick.Automaton) and isinstance(total, int):
            return Dictionary(freq, total)
    words, total = _jieba_freq()
    freq = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    for word, n in words.items():
        freq.add_word(word, n)
    cache.save_pickled(path, (freq, total))
    return Dictionary(freq, total)


def tags_path() -> Path:
    """The cache file of the tag table for the installed jieba."""
    return _cache_key("tags")


def _parse_tags(path: Path) -> dict[str, str]:
    """word → tag from jieba's dictionary (lines "word frequency tag"), as jieba.posseg reads it."""
    table: dict[str, str] = {}
    with open(path, "rb") as fh:
        for line in fh:
            text = line.strip().decode("utf-8")
            if text:
                word, _, tag = text.split(" ")
                table[word] = tag
    return table


@lru_cache(maxsize=1)
def tag_table() -> Mapping[str, str]:
    """jieba's dictionary tags (word → tag): read from the cache file, built (and cached) on first
    use; a cache folder that cannot be written only costs the parse on each run."""
    import marshal

    from . import cache

    path = tags_path()
    try:
        table = marshal.loads(path.read_bytes())
        if isinstance(table, dict):
            return table
    except (OSError, ValueError, EOFError, TypeError):
        pass
    table = _parse_tags(jieba_file())
    cache.save(path, marshal.dumps(table))
    return table


@lru_cache(maxsize=4096)
def word_tag(word: str) -> str | None:
    """jieba's dictionary part-of-speech tag of *word* (None if it is no dictionary word)."""
    return tag_table().get(word)


def tagged_cut(text: str) -> list[tuple[str, str]]:
    """(word, tag) pairs as ``jieba.posseg.cut(text, HMM=False)`` gives them: dictionary words
    with their tags ('x' for none), runs of single Latin letters or digits joined as 'eng',
    and outside Han runs one pair per character ('m' digits, 'eng' letters, 'x' the rest)."""
    tk = tokenizer()
    tags = tag_table()
    out: list[tuple[str, str]] = []
    for blk in _HAN_INTERNAL.split(text):
        if not blk:
            continue
        if _HAN_INTERNAL.match(blk):
            buf = ""
            for word in tk.route(blk):
                if _ENG1.match(word):
                    buf += word
                else:
                    if buf:
                        out.append((buf, "eng"))
                        buf = ""
                    out.append((word, tags.get(word, "x")))
            if buf:
                out.append((buf, "eng"))
            continue
        for piece in _SKIP_INTERNAL.split(blk):
            if _SKIP_INTERNAL.match(piece):
                out.append((piece, "x"))
                continue
            for ch in piece:
                if _NUM.match(ch):
                    out.append((ch, "m"))
                elif _ENG.match(piece):  # jieba tests the whole piece here, not the character
                    out.append((ch, "eng"))
                else:
                    out.append((ch, "x"))
    return out


@lru_cache(maxsize=65536)
def tagged_words(text: str) -> tuple[tuple[str, str], ...]:
    """jieba's dictionary words of a short *text* (no HMM: unknown characters stay single) with
    their dictionary tags ('' for none). Cached, for the many short pieces extract judges: the
    heads of numbered formulations and the edges of new phrases recur across a corpus."""
    return tuple((w, word_tag(w) or "") for w in tokenizer().cut(text, HMM=False))
