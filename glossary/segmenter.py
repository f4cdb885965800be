"""The one Chinese word segmenter: jieba's dictionary, loaded once per process.

Pinyin word joining, the word-boundary test of short matches, the word aligner and align's
span rules all segment Chinese; they share this tokenizer and one part-of-speech table instead
of each loading jieba's default one (which would read the dictionary and tag table again).

jieba's own tagger (``jieba.posseg``) parses its whole 350,000-line dictionary again for the tags
each time it is imported (about a second, on every run of ``extract``). The tags are kept instead
as a marshal file in the user cache folder (:func:`glossary.cedict.cache_dir`), named by a hash
of jieba's version and dictionary file, and read in a tenth of that; :func:`tagged_cut` is
jieba's ``posseg.cut(text, HMM=False)`` over the shared tokenizer and that table.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import jieba
    import jieba.posseg

#: bump when the cached tag table's layout changes
TAGS_FORMAT = 1

# jieba.posseg's own patterns, so that tagged_cut cuts and tags as it does
_HAN_INTERNAL = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._]+)")
_SKIP_INTERNAL = re.compile("(\r\n|\\s)")
_ENG = re.compile("[a-zA-Z0-9]+")
_NUM = re.compile("[\\.0-9]+")
_ENG1 = re.compile("^[a-zA-Z0-9]$")


@lru_cache(maxsize=1)
def tokenizer() -> jieba.Tokenizer:
    """jieba's tokenizer over its own dictionary (``cut``, ``lcut``, ``FREQ``)."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.dt  # the default tokenizer, the one jieba.posseg's tagger wraps too
    tk.initialize()
    return tk


def tagger() -> jieba.posseg.POSTokenizer:
    """jieba's part-of-speech tagger, sharing :func:`tokenizer`'s dictionary (importing it reads
    jieba's tag table; prefer :func:`tagged_cut` and :func:`word_tag`, which use the cached one)."""
    import jieba.posseg

    tokenizer()
    return jieba.posseg.dt


def _dict_file() -> Path:
    import jieba

    return Path(jieba.__file__).parent / "dict.txt"


def tags_path() -> Path:
    """The cache file of the tag table for the installed jieba (its name changes with jieba)."""
    import hashlib
    from importlib.metadata import PackageNotFoundError, version

    from .cedict import cache_dir

    raw = _dict_file()
    st = raw.stat()
    try:
        ver = version("jieba")
    except PackageNotFoundError:
        ver = "?"
    key = f"{TAGS_FORMAT}|{ver}|{raw}|{st.st_size}|{st.st_mtime_ns}"
    return cache_dir() / f"jieba-tags-{hashlib.sha1(key.encode()).hexdigest()[:16]}.marshal"


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

    path = tags_path()
    try:
        table = marshal.loads(path.read_bytes())
        if isinstance(table, dict):
            return table
    except (OSError, ValueError, EOFError, TypeError):
        pass
    table = _parse_tags(_dict_file())
    try:
        from .io.atomic import write_atomic

        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, marshal.dumps(table))
    except Exception:  # a read-only or missing home: keep the parsed table for this process only
        pass
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
            dag = tk.get_DAG(blk)
            route: dict[int, tuple[float, int]] = {}
            tk.calc(blk, dag, route)
            x, n, buf = 0, len(blk), ""
            while x < n:
                y = route[x][1] + 1
                word = blk[x:y]
                if _ENG1.match(word):
                    buf += word
                else:
                    if buf:
                        out.append((buf, "eng"))
                        buf = ""
                    out.append((word, tags.get(word, "x")))
                x = y
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
