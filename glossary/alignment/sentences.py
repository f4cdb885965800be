"""Length-based sentence alignment (Gale & Church 1993) for Chinese–English paragraph pairs.

Phrase pairing counts which English words co-occur with a Chinese phrase *in the same segment*;
the larger the segment, the more unrelated words share it and the weaker the signal. Parallel
files are often aligned only by paragraph (or by blocks of paragraphs), so each aligned unit is
split into sentences on both sides and the sentences are paired by length, the way Gale and
Church did it: a translation's length is roughly proportional to its source's, here counted as
Han characters on the Chinese side and non-space characters on the English side. The ratio and
its variance are estimated from the input itself, since they differ between text types.

The aligner never crosses a unit boundary: it only refines the pairing the input already gives.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..forms import is_han

#: Paragraph joiner used by the shared corpora TSVs (several paragraphs in one aligned row).
PARA_JOINER = " ¶ "

# A Chinese sentence ends at 。！？ (or ¶), possibly followed by closing quotes/brackets.
_ZH_END = re.compile(r"[。！？!?]+[”’」』）)]*|\s*¶\s*")
# An English sentence ends at . ! ? followed by optional closing quotes, then whitespace and a
# capital/digit/quote, or directly a capital (sources that lost the space: "abroad.However").
_EN_END = re.compile(r"""(?<=[.!?])["'”’)]*(?:\s+(?=[A-Z0-9"“‘(])|(?=[A-Z][a-z]))|\s*¶\s*""")
_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|No|Nos|Art|Arts|Vol|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|etc|e\.g|i\.e|U\.S|U\.N|[A-Z])\.)$")

#: (Chinese sentences, English sentences) merge patterns and their prior probabilities: mostly
#: one-to-one, but official Chinese–English translation often joins or splits sentences.
_PATTERNS: tuple[tuple[int, int, float], ...] = (
    (1, 1, 0.80),
    (1, 0, 0.005),
    (0, 1, 0.005),
    (2, 1, 0.07),
    (1, 2, 0.07),
    (2, 2, 0.02),
    (3, 1, 0.015),
    (1, 3, 0.015),
)
DEFAULT_RATIO = 4.8  # English non-space characters per Han character in official translations


@dataclass(frozen=True, slots=True)
class SentencePair:
    """Sentences ``zh[zh_start:zh_end]`` paired with ``en[en_start:en_end]`` (either may be empty)."""

    zh: str
    en: str
    zh_start: int
    zh_end: int
    en_start: int
    en_end: int


def split_zh(text: str) -> list[str]:
    """Chinese sentences, punctuation kept with the sentence it ends."""
    return _split(text, _ZH_END)


def split_en(text: str) -> list[str]:
    """English sentences; common abbreviations (Mr., No., U.S.) do not end one."""
    parts = _split(text, _EN_END)
    merged: list[str] = []
    for p in parts:
        if merged and _ABBREV.search(merged[-1]) and not merged[-1].endswith("¶"):
            merged[-1] = f"{merged[-1]} {p}"
        else:
            merged.append(p)
    return merged


def _split(text: str, pattern: re.Pattern[str]) -> list[str]:
    out: list[str] = []
    pos = 0
    for m in pattern.finditer(text):
        piece = text[pos : m.end()].replace("¶", "").strip()
        if piece:
            out.append(piece)
        pos = m.end()
    tail = text[pos:].replace("¶", "").strip()
    if tail:
        out.append(tail)
    return out


def zh_length(text: str) -> int:
    """Length of a Chinese sentence: Han characters, plus Latin/digit runs counted per character
    divided by the English ratio would be overkill; digits and Latin letters count one each."""
    return sum(1 for ch in text if is_han(ch) or ch.isalnum())


def en_length(text: str) -> int:
    """Length of an English sentence: non-space characters."""
    return sum(1 for ch in text if not ch.isspace())


@dataclass(frozen=True, slots=True)
class LengthModel:
    """English length per Chinese length (``ratio``) and the variance of that per character."""

    ratio: float = DEFAULT_RATIO
    variance: float = 6.8

    @classmethod
    def estimate(cls, pairs: Sequence[tuple[str, str]]) -> LengthModel:
        """Fit ratio and variance on the input's own aligned units (robust to a few bad units)."""
        lengths = [(zh_length(z), en_length(e)) for z, e in pairs]
        lengths = [(z, e) for z, e in lengths if z >= 5 and e >= 5]
        if len(lengths) < 5:
            return cls()
        ratio = sum(e for _, e in lengths) / sum(z for z, _ in lengths)
        ratio = min(max(ratio, 1.5), 10.0)
        devs = sorted((e - ratio * z) ** 2 / z for z, e in lengths)
        variance = devs[len(devs) // 2] / 0.455  # median of a chi-square(1) is 0.455 of its mean
        variance = min(max(variance, ratio * 0.5), ratio * 6)
        return cls(ratio, variance)

    def cost(self, zh_len: int, en_len: int) -> float:
        """Minus log probability that texts of these lengths are translations of each other."""
        if zh_len == 0 and en_len == 0:
            return 0.0
        mean = (zh_len + en_len / self.ratio) / 2
        delta = (en_len - zh_len * self.ratio) / math.sqrt(max(mean, 1.0) * self.variance)
        p = math.erfc(abs(delta) / math.sqrt(2))  # two-sided tail of a standard normal
        return -math.log(max(p, 1e-300))


def align_sentences(zh: Sequence[str], en: Sequence[str], model: LengthModel | None = None) -> list[SentencePair]:
    """Pair two sentence lists by dynamic programming over the Gale–Church length cost.

    Returns the beads in order; beads that leave one side empty (a sentence the translation
    dropped or added) are kept, so the caller can see them, and carry no pairing evidence.
    """
    model = model or LengthModel()
    n, m = len(zh), len(en)
    if n == 0 or m == 0:
        return [SentencePair(" ".join(zh), " ".join(en), 0, n, 0, m)] if (n or m) else []
    if n == 1 or m == 1:  # nothing to decide
        return [SentencePair("".join(zh), " ".join(en), 0, n, 0, m)]
    zl = [zh_length(s) for s in zh]
    el = [en_length(s) for s in en]
    inf = float("inf")
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    priors = [(a, b, -math.log(p)) for a, b, p in _PATTERNS]
    for i in range(n + 1):
        for j in range(m + 1):
            here = best[i][j]
            if here == inf:
                continue
            for a, b, prior in priors:
                ni, nj = i + a, j + b
                if ni > n or nj > m:
                    continue
                c = here + prior + model.cost(sum(zl[i:ni]), sum(el[j:nj]))
                if c < best[ni][nj]:
                    best[ni][nj] = c
                    back[ni][nj] = (i, j)
    beads: list[SentencePair] = []
    i, j = n, m
    while (i, j) != (0, 0):
        prev = back[i][j]
        assert prev is not None
        pi, pj = prev
        beads.append(SentencePair("".join(zh[pi:i]), " ".join(en[pj:j]), pi, i, pj, j))
        i, j = pi, pj
    beads.reverse()
    return beads


def split_unit(zh: str, en: str, model: LengthModel | None = None) -> list[SentencePair]:
    """Sentence pairs of one aligned unit (paragraph or block of paragraphs)."""
    return align_sentences(split_zh(zh), split_en(en), model)


__all__ = ["LengthModel", "SentencePair", "align_sentences", "split_en", "split_unit", "split_zh", "zh_length", "en_length"]
