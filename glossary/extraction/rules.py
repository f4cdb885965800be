"""Formulations found by their shape rather than by a word list.

Party language numbers and quotes its slogans: 两个确立, 四个意识, 一函两书, 五位一体, “三个代表”,
中国式现代化; in translation "the Two Upholds", "four consciousness". These patterns catch them even
when they are not (yet) in the glossary. Each rule yields ``(start, end, phrase, method)``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from ..forms import HAN_CLASS, has_han, is_han

_NUM = "一二两三四五六七八九十百千"
_HAN = HAN_CLASS
#: A numeral is taken whole: never start inside one (八大 of 十八大, 二个 of 第二个, 三五 of
#: 二〇三五, 二个 of 零点二个百分点). The patterns begin with the numeral's character class
#: (a lookbehind first would cost the regex engine its fast scan); :func:`_whole` checks the rest.
_INSIDE_NUMBER = frozenset(_NUM + "〇零点万亿")
#: Characters that make a numeral a number, not a count (一万六千, 七点二个).
_NUMBER_UNITS = set("十百千万亿点零〇")
# 数字+个+X (两个确立, 四个意识, 两个一百年, 第二个百年奋斗目标); X is cut at word ends, see _tail
_ZH_NUMBERED = re.compile(rf"[{_NUM}]{{1,3}}个(?=[{_HAN}])")
# 数+X+数+Y (一函两书, 五位一体, 两学一做, 三严三实, 一带一路)
_ZH_NUM_PAIR = re.compile(rf"[{_NUM}][{_HAN}][{_NUM}][{_HAN}](?![{_HAN}]?个)")
# 数+大+X (四大考验, 三大攻坚战, 党的十九大报告; 五大发展理念 is caught by discovery); a Party
# congress is named with 党的 (the glossary's 党的十九大), so the formula keeps it when written
_ZH_NUM_BIG = re.compile(rf"[{_NUM}]{{1,3}}大(?=[{_HAN}])")
# X式Y (中国式现代化, 保姆式服务); not the ordinary words 形式, 方式, 模式 …
_ZH_STYLE = re.compile(rf"[{_HAN}]{{2}}(?<![形方正模仪格样公程款各新等句])式(?:[{_HAN}]{{2}}化|[{_HAN}]{{2}})")
# “…” / 「…」 quoted phrases of 2–20 characters without sentence punctuation inside
_ZH_QUOTED = re.compile(r"[“「『]([^“”「」『』。！？\n]{2,20})[”」』]")
_NOT_FORMULATION = set("些样种次年天月日位名人元份件项条点分倍成")
#: jieba tags a formula's head cannot start with: function words (又, 和, 以), pronouns and
#: measure words (一个又一个, 十九大和十九届); single characters jieba does not tag, by list.
_NOT_HEAD = ("p", "c", "u", "d", "r", "q", "y", "e", "o", "x")
_PARTICLES = frozenset("的了和与及或是在也都就而并把被对从向于之其所着过又")
#: jieba tags that cannot end a head: a number or a span of time needs its noun (十四个五年 →
#: 十四个五年规划, 第二个百年 → 第二个百年奋斗目标).
_COUNTED = ("m", "t", "q")
#: Longest head after 个 / 大, in characters (一百年奋斗目标).
_MAX_HEAD = 7

_EN_NUMBER = r"(?:two|three|four|five|six|seven|eight|nine|ten|first|second|third)"
_EN_QUOTED = re.compile(r"[\"“]([^\"“”\n]{2,200}?)[\"”]")
#: (The lookahead names the letters a match can begin with, so the regular-expression engine
#: skips to them instead of trying the pattern at every position: twice as fast on long English.)
_EN_NUMBERED = re.compile(rf"(?=[tfsen])\b(?:the\s+)?({_EN_NUMBER})[\s-]+([A-Za-z][\w'’]*(?:-[A-Za-z]+)*)", re.IGNORECASE)


def zh_rules(text: str) -> Iterator[tuple[int, int, str, str]]:
    """Numbered, style and quoted formulations in Chinese *text*. (Set phrases that merely look
    numbered, such as 四面八方, are dropped later by :func:`glossary.extraction.gloss.is_idiom`.)

    Numbered formulations are anchored on the whole numeral (十八大以来, never 八大以来) and end
    where a word of the text ends (三大攻坚战, never 三大攻坚): jieba's segmentation of the text
    after 个 or 大 gives the head, so its length is the text's, not a fixed two characters.
    """
    for m in _ZH_NUMBERED.finditer(text):
        if m.group().startswith("一") or not _whole(text, m.start()):
            continue  # 一个 is the indefinite article (一个国家 "a country"), not a count
        start = _opening(text, m.start(), congress=False)
        end = _tail(text, m.end())
        if end and text[end - 1] not in "的了" and text[m.end()] not in _NOT_FORMULATION and _on_word_ends(text, start):
            yield start, end, text[start:end], "numbered"
    for m in _ZH_NUM_PAIR.finditer(text):
        x, y = m.group()[1], m.group()[3]
        if x != "个" and x != y and x not in _NUMBER_UNITS and y not in _NUMBER_UNITS | _NOT_FORMULATION \
                and _whole(text, m.start()) and _on_word_ends(text, m.start(), m.end()):  # not 一步一步
            yield m.start(), m.end(), m.group(), "numbered"
    for m in _ZH_NUM_BIG.finditer(text):
        if not _whole(text, m.start()):
            continue
        start = _opening(text, m.start(), congress=True)
        end = _tail(text, m.end(), verbs=False)
        if end and text[m.end()] not in _NOT_FORMULATION and _on_word_ends(text, start):
            yield start, end, text[start:end], "numbered"
    for m in _ZH_STYLE.finditer(text):
        if m.group()[-1] not in _PARTICLES and _on_word_ends(text, m.start(), m.end()):  # not 开班式上的
            yield m.start(), m.end(), m.group(), "pattern"
    for m in _ZH_QUOTED.finditer(text):
        inner = m.group(1).strip()
        if sum(1 for ch in inner if is_han(ch)) >= 2:
            yield m.start(1), m.end(1), inner, "quoted"


def _whole(text: str, start: int) -> bool:
    """Does the numeral at *start* begin a number (not 八 of 十八, 三 of 二〇三五, 二 of 零点二)?"""
    return start == 0 or text[start - 1] not in _INSIDE_NUMBER


def _opening(text: str, start: int, congress: bool) -> int:
    """Where a numbered formulation whose numeral is at *start* begins: with its ordinal 第
    (第二个百年奋斗目标) and, for a congress, with 党的 (党的十九大报告)."""
    if start > 0 and text[start - 1] == "第":
        start -= 1
    if congress and text[max(0, start - 2) : start] == "党的":
        start -= 2
    return start


def _han_end(text: str, start: int, limit: int) -> int:
    """End of the run of Han characters from *start*, at most *limit* characters on."""
    end = start
    stop = min(len(text), start + limit)
    while end < stop and is_han(text[end]):
        end += 1
    return end


def _tail(text: str, start: int, verbs: bool = True) -> int:
    """End of the head of a numbered formulation that begins at *start* (after 个 or 大): whole
    words of jieba's segmentation, at least two characters, not ending on a numeral or a time
    word (十四个五年 → 十四个五年规划), with the nouns that compound with it (第三个历史决议);
    0 when the head would begin with a function word or a reporting verb, or there is none.
    Without *verbs*, a head that is a verb is a clause (十八大召开), not a formulation."""
    from ..segmenter import tagged_words
    from .discover import edge_words

    window = text[start : _han_end(text, start, _MAX_HEAD + 4)]
    end = start
    head = ""  # the head's tag, once there is one
    for i, (word, tag) in enumerate(tagged_words(window)):
        if i == 0 and (tag.startswith(_NOT_HEAD) or word in _PARTICLES or edge_words().get(word) == "reporting"):
            return 0  # 十九大和…, 一个又一个, 党的十九大提出 (a reporting formula)
        compound = verbs and head.startswith("n") and tag.startswith(("n", "l"))  # 第三个历史决议
        if end + len(word) - start > _MAX_HEAD or (head and not compound):
            break
        end += len(word)
        if not head and end - start >= 2 and not tag.startswith(_COUNTED):
            if not verbs and tag == "v":
                return 0
            head = tag or "x"
    if head:
        return end
    return end if end - start >= 2 and end == start + len(window) else 0


def _on_word_ends(text: str, start: int, end: int | None = None) -> bool:
    """Does jieba's segmentation of the text around [start, end) begin a word at *start* and
    (if given) end one at *end*? (三角一体 inside 长三角一体化 does neither; 一大市场 inside
    统一大市场 does not begin a word.)"""
    end = start if end is None else end
    from ..segmenter import tagged_words

    lo = start
    while lo > 0 and start - lo < 4 and is_han(text[lo - 1]):
        lo -= 1
    hi = _han_end(text, end, 4)
    cuts = {lo}
    at = lo
    for word, _ in tagged_words(text[lo:hi]):
        at += len(word)
        cuts.add(at)
    return start in cuts and end in cuts


def en_rules(text: str) -> Iterator[tuple[int, int, str, str]]:
    """Quoted spans and numbered formulations ("Two Upholds", "the four consciousnesses")."""
    quoted: list[tuple[int, int]] = []
    for m in _EN_QUOTED.finditer(text):
        inner = m.group(1).strip(" ,.;:")
        words = inner.split()
        if not 1 <= len(words) <= 25 or not any(ch.isalpha() for ch in inner) or has_han(inner):
            continue  # a quotation in Chinese ("90后", a whole sentence) is the Chinese rules' to judge
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
