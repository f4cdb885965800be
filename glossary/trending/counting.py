"""Counts per period: how much text each period has, and how often each phrase occurs in it.

Glossary terms are counted as ``extract`` counts them (:func:`glossary.extraction.scan.glossary_hits`:
nested hits count, a term's short form inside its own long form does not), and summed per term
over all its forms (simplified, traditional, aliases; in English every rendering, flagged ones
included: a series follows the concept). Other phrases — discovered, or found by extract's
formulation rules — are counted with :class:`glossary.matcher.PhraseMatcher`, every occurrence,
nested ones too, as extract's second pass counts discovered phrases.

Text size is the number of Han characters (Chinese) or words (English: runs of Latin letters
and digits) of each period, so a frequency is per 10,000 characters or words of that language.
Memory holds the counts only (periods × phrases), never the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..forms import HAN_CLASS
from ..io.documents import Document
from ..matcher import PhraseMatcher, TermMatcher
from .dating import Period

_HAN = re.compile(f"[{HAN_CLASS}]+")
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*")


@dataclass
class Counted:
    """What one pass over a dated corpus found. Keys of ``counts``: ``(period, lang, key)``,
    where *key* is a term id for a glossary term and the phrase itself otherwise."""

    sizes: dict[tuple[Period, str], int] = field(default_factory=dict)
    docs: dict[Period, set[int]] = field(default_factory=dict)
    counts: dict[tuple[Period, str, str], int] = field(default_factory=dict)


def han_chars(text: str) -> int:
    return sum(m.end() - m.start() for m in _HAN.finditer(text))


def en_words(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(text))


def count(docs: Iterable[tuple[Period, Document]], terms: TermMatcher, phrases: PhraseMatcher, lang: str) -> Counted:
    """One pass over *docs*: sizes, documents and phrase counts per period (``lang``: auto, zh, en)."""
    from ..extraction.scan import glossary_hits

    out = Counted()
    sizes, counts = out.sizes, out.counts
    for period, d in docs:
        text = d.text
        out.docs.setdefault(period, set()).add(d.doc)
        if lang in ("auto", "zh"):
            sizes[(period, "zh")] = sizes.get((period, "zh"), 0) + han_chars(text)
        if lang in ("auto", "en"):
            sizes[(period, "en")] = sizes.get((period, "en"), 0) + en_words(text)
        for h in glossary_hits(terms, text, lang):
            k = (period, h.lang, h.term.id)
            counts[k] = counts.get(k, 0) + 1
        for p in phrases.find(text, lang):
            k = (period, p.lang, p.key)
            counts[k] = counts.get(k, 0) + 1
    return out
