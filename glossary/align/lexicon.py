"""Which English words a Chinese phrase can account for: dictionary glosses and pinyin.

Co-occurrence alone cannot tell "high-quality development" from "promote high-quality
development" when the two always appear together. A weak lexical prior can: "promote" is no
gloss of any part of 高质量发展, while "quality" and "development" are. Proper names
("Fengqiao", "Xiaokang") are accounted for by the phrase's own pinyin. The prior only nudges the
ranking between candidates the counts cannot separate; it never proposes anything itself.
"""

from __future__ import annotations

from ..forms import en_words
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


def stem(word: str) -> str:
    """Crude stem so that govern/governance/governing and develop/development meet."""
    return word[:5] if len(word) > 5 else word


class Lexicon:
    """English word stems a Chinese phrase explains (CC-CEDICT glosses of its parts, its pinyin)."""

    def __init__(self, use_dictionary: bool = True) -> None:
        self.use_dictionary = use_dictionary
        self._cache: dict[str, frozenset[str]] = {}

    def explained(self, phrase: str) -> frozenset[str]:
        hit = self._cache.get(phrase)
        if hit is None:
            hit = self._cache[phrase] = self._explain(phrase)
        return hit

    def _explain(self, phrase: str) -> frozenset[str]:
        out: set[str] = set()
        n = len(phrase)
        for i in range(n):
            for w in _NUMERALS.get(phrase[i], ()):
                out.update(stem(k) for k, _, _ in en_words(w))
        if self.use_dictionary:
            from .. import cedict

            for i in range(n):
                for j in range(i + 1, min(n, i + 4) + 1):
                    for entry in cedict.lookup(phrase[i:j]):
                        for d in entry.definitions:
                            if d.startswith(("CL:", "variant of", "old variant", "surname ", "see ")):
                                continue
                            out.update(stem(k) for k, _, _ in en_words(d) if k not in EDGE_STOP)
        out.update(_pinyin_words(phrase))
        return frozenset(out)

    def coverage(self, phrase: str, english_key: str) -> float:
        """Share of the content words of *english_key* that *phrase* explains (0–1)."""
        words = [w for w in english_key.split() if w not in EDGE_STOP]
        if not words:
            return 0.0
        known = self.explained(phrase)
        return sum(1 for w in words if stem(w) in known) / len(words)


def _pinyin_words(phrase: str) -> set[str]:
    """Toneless pinyin of every run of 1–4 syllables (how names are romanised in English)."""
    from pypinyin import Style, lazy_pinyin

    syl = lazy_pinyin(phrase, style=Style.NORMAL, errors="ignore")
    out = set()
    for i in range(len(syl)):
        for j in range(i + 1, min(len(syl), i + 4) + 1):
            out.add(stem("".join(syl[i:j]).replace("ü", "v")))
    return out


__all__ = ["Lexicon", "stem"]
