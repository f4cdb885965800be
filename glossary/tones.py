"""Tone-mark arithmetic for pinyin, without pypinyin.

Kept apart from :mod:`glossary.pinyin` so that quick commands (``lookup``) can turn
``liang3 ge4`` into ``liǎng gè`` and back without importing pypinyin's large tables.
"""

from __future__ import annotations

import re
import unicodedata

_MARKS = {"a": "āáǎà", "e": "ēéěè", "i": "īíǐì", "o": "ōóǒò", "u": "ūúǔù", "ü": "ǖǘǚǜ"}
_UNMARK = {m: (v, i + 1) for v, ms in _MARKS.items() for i, m in enumerate(ms)}
_NUMBERED = re.compile(r"([a-zA-ZüÜ:]+)([1-5])")


def _mark_vowel(syllable: str) -> int:
    """Index of the vowel that carries the tone mark (a/e first, then the o of ou, else the last vowel)."""
    low = syllable.lower()
    for v in ("a", "e"):
        if v in low:
            return low.index(v)
    if "ou" in low:
        return low.index("o")
    for i in range(len(low) - 1, -1, -1):
        if low[i] in "iouü":
            return i
    return -1


def mark_syllable(numbered: str) -> str:
    """``'lv3'`` → ``'lǚ'``; a syllable without a tone digit (or tone 5) is returned unmarked."""
    m = _NUMBERED.fullmatch(numbered)
    if not m:
        return numbered.replace("v", "ü").replace("u:", "ü")
    body, tone = m.group(1).replace("v", "ü").replace("u:", "ü"), int(m.group(2))
    if tone == 5:
        return body
    idx = _mark_vowel(body)
    if idx < 0:
        return body
    ch = body[idx]
    marked = _MARKS[ch.lower()][tone - 1]
    if ch.isupper():
        marked = marked.upper()
    return body[:idx] + marked + body[idx + 1 :]


def numbered_to_marked(text: str) -> str:
    """Convert every ``syllable+digit`` run in *text* to tone marks, leaving the rest as it is."""
    return _NUMBERED.sub(lambda m: mark_syllable(m.group(0)), text)


def strip_tones(text: str) -> str:
    """Remove tone marks and tone digits: ``'liǎng gè'`` and ``'liang3 ge4'`` both give ``'liang ge'``."""
    out = []
    for ch in text:
        base = _UNMARK.get(ch.lower())
        if base is not None:
            v = base[0]
            out.append(v.upper() if ch.isupper() else v)
        elif ch in "12345":
            continue
        else:
            out.append(ch)
    return "".join(out)


def has_tone_marks(text: str) -> bool:
    return any(ch.lower() in _UNMARK for ch in text)


def marked_to_numbered_syllable(syllable: str) -> str:
    """``'lǚ'`` → ``'lü3'``; an unmarked syllable gets tone 5."""
    tone = 5
    out = []
    for ch in unicodedata.normalize("NFC", syllable):
        base = _UNMARK.get(ch.lower())
        if base is not None:
            tone = base[1]
            out.append(base[0].upper() if ch.isupper() else base[0])
        else:
            out.append(ch)
    return "".join(out) + str(tone)


def is_pinyin_like(text: str) -> bool:
    """True when *text* is made only of Latin letters (marked or not), digits 1–5, spaces, ' and -."""
    t = unicodedata.normalize("NFC", text)
    return bool(t.strip()) and all(
        ch.isascii() and (ch.isalpha() or ch in "12345 '-:") or ch.lower() in _UNMARK or ch in "üÜ’"
        for ch in t
    )
