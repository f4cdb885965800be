"""Which English words a Chinese phrase can account for: dictionary glosses and pinyin.

Co-occurrence alone cannot tell "high-quality development" from "promote high-quality
development" when the two always appear together. A weak lexical prior can: "promote" is no
gloss of any part of 高质量发展, while "quality" and "development" are. Proper names
("Fengqiao", "Xiaokang") are accounted for by the phrase's own pinyin. The prior only nudges the
ranking between candidates the counts cannot separate; it never proposes anything itself.
"""

from __future__ import annotations

import re

from ..forms import en_words, is_han
from .candidates import EDGE_STOP

_NUMERALS = {
    "一": ("one", "first", "single", "1"),
    "二": ("two", "second", "2", "double"),
    "两": ("two", "both", "2", "double"),
    "三": ("three", "third", "3"),
    "四": ("four", "fourth", "4"),
    "五": ("five", "fifth", "5"),
    "六": ("six", "sixth", "6"),
    "七": ("seven", "seventh", "7"),
    "八": ("eight", "eighth", "8"),
    "九": ("nine", "ninth", "9"),
    "十": ("ten", "tenth", "10"),
    "百": ("hundred", "100"),
    "千": ("thousand",),
    "万": ("ten thousand",),
}

#: Senses CC-CEDICT marks as ironic, slang or regional: 强国 "(ironically) mainland China
#: (Taiwan & Hong Kong usage)" made "China's maritime" a dictionary fit for 海洋强国.
_MARKED = re.compile(r"\s*\((ironically|slang|Internet slang|dialect|Tw|Taiwan|Cantonese|vulgar|derog)")


def stem(word: str) -> str:
    """Crude stem so that govern/governance/governing and develop/development meet, and an
    ordinal meets its number (18th → 18)."""
    if word[:1].isdigit() and word[-2:] in ("st", "nd", "rd", "th"):
        word = word[:-2]
    return word[:5] if len(word) > 5 else word


class Lexicon:
    """English word stems a Chinese phrase explains (CC-CEDICT glosses of its parts, its pinyin)."""

    def __init__(self, use_dictionary: bool = True) -> None:
        self.use_dictionary = use_dictionary
        self._cache: dict[str, frozenset[str]] = {}
        self._pos_cache: dict[str, dict[str, frozenset[int]]] = {}
        self._word_cache: dict[str, frozenset[str]] = {}

    def _word_stems(self, word: str) -> frozenset[str]:
        """Stems of the usable CC-CEDICT definitions of *word* (one dictionary headword or none):
        the same few thousand headwords recur in every phrase and context window, so their
        definitions are tokenised once."""
        hit = self._word_cache.get(word)
        if hit is None:
            from .. import cedict
            from ..composition import lexicon_english

            out: set[str] = set()
            # the conventional English of political words (the composer's lexicon): 健全 is
            # "improve" in official translations, which no CC-CEDICT sense of it says
            for en in lexicon_english(word):
                out.update(stem(k) for k, _, _ in en_words(en) if k not in EDGE_STOP)
            for entry in cedict.lookup(word):
                for d in entry.definitions:
                    if d.startswith(("CL:", "variant of", "old variant", "surname ", "see ")) or _MARKED.match(d):
                        continue
                    out.update(stem(k) for k, _, _ in en_words(d) if k not in EDGE_STOP)
            hit = self._word_cache[word] = frozenset(out)
        return hit

    def explained(self, phrase: str) -> frozenset[str]:
        hit = self._cache.get(phrase)
        if hit is None:
            hit = self._cache[phrase] = self._explain(phrase)
        return hit

    def _explain(self, phrase: str) -> frozenset[str]:
        return frozenset(self.positions(phrase))

    def positions(self, phrase: str) -> dict[str, frozenset[int]]:
        """For each explained English stem, the character positions of *phrase* it can translate."""
        hit = self._pos_cache.get(phrase)
        if hit is not None:
            return hit
        out: dict[str, set[int]] = {}

        def add(words: str, i: int, j: int) -> None:
            for k, _, _ in en_words(words):
                if k not in EDGE_STOP:
                    out.setdefault(stem(k), set()).update(range(i, j))

        n = len(phrase)
        for i in range(n):
            for w in _NUMERALS.get(phrase[i], ()):
                add(w, i, i + 1)
        if self.use_dictionary:
            for i in range(n):
                for j in range(i + 1, min(n, i + 4) + 1):
                    for k in self._word_stems(phrase[i:j]):
                        out.setdefault(k, set()).update(range(i, j))
        for word, i, j in _pinyin_words(phrase):
            out.setdefault(word, set()).update(range(i, j))
        hit = self._pos_cache[phrase] = {k: frozenset(v) for k, v in out.items()}
        return hit

    def fit(self, phrase: str, english_key: str) -> float:
        """How well *english_key* translates *phrase* by the dictionary, 0–1: the harmonic mean of
        the share of its content words the phrase explains and the share of the phrase's Han
        characters those words translate. Unlike :meth:`coverage` it also rewards a span for
        leaving nothing of the phrase untranslated."""
        words = [w for w in english_key.split() if w not in EDGE_STOP]
        if not words:
            return 0.0
        pos = self.positions(phrase)
        explained = [w for w in words if stem(w) in pos]
        if not explained:
            return 0.0
        han = [i for i, ch in enumerate(phrase) if is_han(ch)] or list(range(len(phrase)))
        got = self.covered(phrase, explained)
        precision = len(explained) / len(words)
        recall = sum(1 for i in han if i in got) / len(han)
        return 2 * precision * recall / (precision + recall) if recall else 0.0

    def covered(self, phrase: str, words: list[str] | tuple[str, ...]) -> frozenset[int]:
        """Character positions of *phrase* that some of *words* (n-gram keys) translate."""
        pos = self.positions(phrase)
        out: set[int] = set()
        for w in words:
            hit = pos.get(stem(w))
            if hit:
                out |= hit
        return frozenset(out)

    def coverage(self, phrase: str, english_key: str) -> float:
        """Share of the content words of *english_key* that *phrase* explains (0–1)."""
        words = [w for w in english_key.split() if w not in EDGE_STOP]
        if not words:
            return 0.0
        known = self.explained(phrase)
        return sum(1 for w in words if stem(w) in known) / len(words)


def _pinyin_words(phrase: str) -> list[tuple[str, int, int]]:
    """Toneless pinyin of every run of 1–4 syllables (how names are romanised in English), with
    the character span it spells (syllables of non-Han characters are dropped, so spans are
    approximate for mixed text)."""
    from pypinyin import Style, lazy_pinyin

    syl = lazy_pinyin(phrase, style=Style.NORMAL, errors="ignore")
    if len(syl) != len(phrase):  # non-Han characters: positions no longer line up
        return [(stem("".join(syl[i:j]).replace("ü", "v")), 0, len(phrase)) for i in range(len(syl)) for j in range(i + 1, min(len(syl), i + 4) + 1)]
    out = []
    for i in range(len(syl)):
        for j in range(i + 1, min(len(syl), i + 4) + 1):
            out.append((stem("".join(syl[i:j]).replace("ü", "v")), i, j))
    return out


__all__ = ["Lexicon", "stem"]
