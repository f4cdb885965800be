"""Simplified/traditional conversion that respects curated term forms.

OpenCC converts running text well but splits some political phrases wrongly (政府干预 → 政府幹預),
so known terms are converted by lookup in the glossary and only the text between them goes
through OpenCC. OpenCC is imported on first use: quick commands never pay for it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .terms import Term


#: Traditional character forms follow the Taiwan standard (為, 群眾, 裡) — what most readers of
#: traditional Chinese expect — without s2twp's vocabulary swaps (信息→資訊), which would change
#: fixed mainland policy terms.
TRADITIONAL_CONFIG = "s2tw"


#: Words OpenCC's ``s2tw`` converts right alone but wrongly inside some longer phrases (好乾部,
#: 浦東干部學院, 偉大斗爭, 戰略伙伴關係 where 伙伴 alone gives the Taiwan standard 夥伴), with their one traditional form and a character before them that makes
#: another word (若干部门 'several departments' is no cadre). Conversion puts them right and
#: ``glossary validate`` makes a curated ``zh_hant`` without them an error.
OPENCC_SLIPS: dict[str, tuple[str, str]] = {
    "干部": ("幹部", "若"),
    "斗争": ("鬥爭", ""),
    "伙伴": ("夥伴", ""),
}


def slips(zh_hans: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, traditional)`` of every :data:`OPENCC_SLIPS` word in simplified text."""
    for word, (right, excluded) in OPENCC_SLIPS.items():
        for m in re.finditer(f"(?<!{excluded}){word}" if excluded else word, zh_hans):
            yield m.start(), m.end(), right


def _traditional(text: str, config: str) -> str:
    """OpenCC's conversion of *text*, with :data:`OPENCC_SLIPS` put right (``s2tw`` keeps the
    length of the text, so the simplified positions hold in the result)."""
    out = opencc_convert(text, config)
    if config != TRADITIONAL_CONFIG or len(out) != len(text):
        return out
    for start, end, right in slips(text):
        out = out[:start] + right + out[end:]
    return out


@lru_cache(maxsize=4)
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def opencc_convert(text: str, config: str) -> str:
    """Plain OpenCC conversion (``s2t``, ``t2s`` …)."""
    return _converter(config).convert(text)


def to_simplified(text: str, terms: Iterable[Term] = ()) -> str:
    """Traditional → simplified, curated term forms first."""
    return _convert(text, terms, "t2s", src="zh_hant", dst="zh_hans")


def to_traditional(text: str, terms: Iterable[Term] = ()) -> str:
    """Simplified → traditional, curated term forms first."""
    return _convert(text, terms, TRADITIONAL_CONFIG, src="zh_hans", dst="zh_hant")


def _convert(text: str, terms: Iterable[Term], config: str, src: str, dst: str) -> str:
    table = {getattr(t, src): getattr(t, dst) for t in terms if getattr(t, src)}
    if not table:
        return _traditional(text, config)
    out: list[str] = []
    i = 0
    plain_start = 0
    longest = max(map(len, table))
    while i < len(text):
        for n in range(min(longest, len(text) - i), 0, -1):
            rep = table.get(text[i : i + n])
            if rep is not None:
                if plain_start < i:
                    out.append(_traditional(text[plain_start:i], config))
                out.append(rep)
                i += n
                plain_start = i
                break
        else:
            i += 1
    if plain_start < len(text):
        out.append(_traditional(text[plain_start:], config))
    return "".join(out)
