"""The one Chinese word segmenter: jieba's dictionary, loaded once per process.

Pinyin word joining, the word-boundary test of short matches, the word aligner and align's
span rules all segment Chinese; they share this tokenizer and its part-of-speech table instead
of each loading jieba's default one (which would read the dictionary and tag table again).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import jieba
    import jieba.posseg


@lru_cache(maxsize=1)
def _loaded() -> tuple[jieba.Tokenizer, jieba.posseg.POSTokenizer]:
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    # jieba.posseg builds its default tagger (and reads the tag table) when it is imported; a
    # second POSTokenizer would read the table again, so the default pair is the one we share.
    tk = jieba.posseg.dt.tokenizer
    tk.initialize()
    return tk, jieba.posseg.dt


def tokenizer() -> jieba.Tokenizer:
    """jieba's tokenizer over its own dictionary (``cut``, ``lcut``, ``FREQ``)."""
    return _loaded()[0]


def tagger() -> jieba.posseg.POSTokenizer:
    """jieba's part-of-speech tagger, sharing :func:`tokenizer`'s dictionary."""
    return _loaded()[1]


@lru_cache(maxsize=4096)
def word_tag(word: str) -> str | None:
    """jieba's dictionary part-of-speech tag of *word* (None if it is no dictionary word)."""
    return tagger().word_tag_tab.get(word)


@lru_cache(maxsize=65536)
def tagged_words(text: str) -> tuple[tuple[str, str], ...]:
    """jieba's dictionary words of a short *text* (no HMM: unknown characters stay single) with
    their dictionary tags ('' for none). Cached, for the many short pieces extract judges: the
    heads of numbered formulations and the edges of new phrases recur across a corpus."""
    return tuple((w, word_tag(w) or "") for w in tokenizer().cut(text, HMM=False))
