"""Formulations found by their shape rather than by a word list.

Party language numbers and quotes its slogans: 两个确立, 四个意识, 一函两书, 五位一体, “三个代表”,
中国式现代化; in translation "the Two Upholds", "four consciousness". These patterns catch them even
when they are not (yet) in the glossary. Each rule yields ``(start, end, phrase, method)``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

_NUM = "一二两三四五六七八九十百千"
_HAN = "\u3400-\u4dbf\u4e00-\u9fff"
# 数字+个+X (两个确立, 四个意识, 两个一百年)
_ZH_NUMBERED = re.compile(rf"[{_NUM}]{{1,2}}个(?:一百年|[{_HAN}]{{2}})")
# 数+X+数+Y (一函两书, 五位一体, 两学一做, 三严三实, 一带一路)
_ZH_NUM_PAIR = re.compile(rf"(?<![{_NUM}])[{_NUM}][{_HAN}][{_NUM}][{_HAN}](?![{_HAN}]?个)")
# 数+大+X (四大考验, 五大发展理念 is caught by discovery), 数+X+一体/并举 are pair rules
_ZH_NUM_BIG = re.compile(rf"[{_NUM}]大[{_HAN}]{{2}}")
# X式Y (中国式现代化, 保姆式服务); not the ordinary words 形式, 方式, 模式 …
_ZH_STYLE = re.compile(rf"[{_HAN}]{{2}}(?<![形方正模仪格样公程款各新等句])式(?:[{_HAN}]{{2}}化|[{_HAN}]{{2}})")
# “…” / 「…」 quoted phrases of 2–20 characters without sentence punctuation inside
_ZH_QUOTED = re.compile(r"[“「『]([^“”「」『』。！？\n]{2,20})[”」』]")
_NOT_FORMULATION = set("些样种次年天月日位名人元份件项条点分倍成")

_EN_NUMBER = r"(?:two|three|four|five|six|seven|eight|nine|ten|first|second|third)"
_EN_QUOTED = re.compile(r"[\"“]([^\"“”\n]{2,200}?)[\"”]")
_EN_NUMBERED = re.compile(rf"\b(?:the\s+)?({_EN_NUMBER})[\s-]+([A-Za-z][\w'’]*(?:-[A-Za-z]+)*)", re.IGNORECASE)


def zh_rules(text: str) -> Iterator[tuple[int, int, str, str]]:
    """Numbered, style and quoted formulations in Chinese *text*. (Set phrases that merely look
    numbered, such as 四面八方, are dropped later by :func:`glossary.extraction.gloss.is_idiom`.)"""
    for m in _ZH_NUMBERED.finditer(text):
        if m.group()[-2] not in _NOT_FORMULATION and m.group()[-1] not in "的了":
            yield m.start(), m.end(), m.group(), "numbered"
    for m in _ZH_NUM_PAIR.finditer(text):
        if m.group()[1] != "个":
            yield m.start(), m.end(), m.group(), "numbered"
    for m in _ZH_NUM_BIG.finditer(text):
        if m.group()[2] not in _NOT_FORMULATION:
            yield m.start(), m.end(), m.group(), "numbered"
    for m in _ZH_STYLE.finditer(text):
        yield m.start(), m.end(), m.group(), "pattern"
    for m in _ZH_QUOTED.finditer(text):
        inner = m.group(1).strip()
        if sum(1 for ch in inner if "\u3400" <= ch <= "\u9fff") >= 2:
            yield m.start(1), m.end(1), inner, "quoted"


def en_rules(text: str) -> Iterator[tuple[int, int, str, str]]:
    """Quoted spans and numbered formulations ("Two Upholds", "the four consciousnesses")."""
    quoted: list[tuple[int, int]] = []
    for m in _EN_QUOTED.finditer(text):
        inner = m.group(1).strip(" ,.;:")
        words = inner.split()
        if not 1 <= len(words) <= 25 or not any(ch.isalpha() for ch in inner):
            continue
        numbered = re.match(rf"(?:the\s+)?{_EN_NUMBER}\b", inner, re.IGNORECASE) is not None
        start = m.start(1) + m.group(1).find(inner)
        quoted.append((start, start + len(inner)))
        yield start, start + len(inner), inner, "numbered" if numbered and len(words) <= 4 else "quoted"
    starts = [s for s, _ in quoted]  # in text order and disjoint, as finditer gives them
    for m in _EN_NUMBERED.finditer(text):
        number, word = m.group(1), m.group(2)
        i = bisect_right(starts, m.start()) - 1
        if i >= 0 and m.start() < quoted[i][1]:
            continue  # already reported as a quoted formulation
        # unquoted, only the capitalised slogan style counts: "the Two Upholds", "Four Confidences"
        if number[0].isupper() and word[0].isupper() and m.start(1) > 0 and text[m.start(1) - 1] not in ".\n":
            yield m.start(1), m.end(), text[m.start(1) : m.end()], "numbered"
