"""Capitalisation of glossary renderings in running English.

``glossary check`` finds renderings case-insensitively (``glossary.matcher``), which is right for
finding them but hides one class of error editors care about: official formulations are proper
names in the official English ("the Three Represents", "the Belt and Road Initiative", "Xi Jinping
Thought"), while ordinary phrases stay lowercase ("high-quality development"). This module
decides, for one found rendering, whether its capitalisation differs from a glossary form in a way
that matters, and which words differ.

Two directions, deliberately treated differently:

* **lowered**: a word the glossary capitalises is written all lowercase ("three represents").
  English never lowercases a proper name for layout reasons, so this is always reported.
* **raised**: a word the glossary writes lowercase is capitalised ("Common Prosperity"). English
  capitalises for many layout reasons (sentence starts, title-case headings, ALL-CAPS
  banners, emphasis), so those are exempt; what remains is still mostly house style rather than
  error, which is why the checker reports this direction only when asked (see ``docs/check.md``
  for the measurements).

Words are compared as :func:`glossary.forms.en_words` tokenises them, one glossary word against
one text word; a word "is capitalised" when it has any uppercase letter, so "CPC", "Cpc" and
"XI" all agree with a capitalised glossary word and only an all-lowercase word disagrees.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from ..forms import ARTICLES, en_words

#: Words a title-case heading leaves lowercase; they do not count when judging a heading.
_SMALL = frozenset(
    "a an the of and or nor but in on at to for with by from as into onto over under upon via vs per".split()
)
#: Line breaks, including the pilcrow some parallel corpora put between the paragraphs of one cell.
_BREAKS = "\n\r\u2029¶"
#: What may stand between a sentence (or line) start and its first word: spaces, opening quotes and
#: brackets, list markers ("1.", "(a)", "IV.", "•", "—", "#", "Article 16").
_LEAD = r"""(?:\s|["'“‘(\[«]|[-–—•*#>·]|\(?[0-9A-Za-z]{1,4}[.)、]\s|(?:Article|Section|Chapter|Part)\s+\w+\s)*"""
_AFTER_STOP = re.compile(r"""[.!?:…。！？：]["'”’)\]»]*""" + _LEAD + r"$")
_LINE_START = re.compile(r"^" + _LEAD + r"$")
#: A capitalised word right after a title: a name follows ("President Xi Jinping").
_NAME_NEXT = re.compile(r"[ \t]+[A-Z]")


class CaseDiff(NamedTuple):
    """How a found rendering's capitalisation departs from one glossary form."""

    lowered: tuple[str, ...]  # glossary-capitalised words written all lowercase
    raised: tuple[str, ...]  # glossary-lowercase words written capitalised (exemptions applied)

    def __bool__(self) -> bool:
        return bool(self.lowered or self.raised)


def _capitalised(word: str) -> bool:
    return any(c.isupper() for c in word)


def _acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _cased(word: str) -> bool:
    return any(c.isalpha() for c in word)


def form_words(form: str) -> list[str]:
    """The words of a glossary form as written, without a leading article (as its key drops it)."""
    words = [form[s:e] for _, s, e in en_words(form)]
    if len(words) > 1 and words[0].lower() in ARTICLES:
        words = words[1:]
    return words


def _line_start(text: str, start: int) -> int:
    return max(text.rfind(c, 0, start) for c in _BREAKS) + 1


def line_around(text: str, start: int) -> tuple[int, int]:
    """The span of the line of *text* that holds offset *start*."""
    ends = [i for i in (text.find(c, start) for c in _BREAKS) if i != -1]
    return _line_start(text, start), min(ends, default=len(text))


def embedded(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is part of something whose case follows its own rules: a
    hyphenated compound ("party" in "non-party") or a web address or path ("news/china")."""
    if start >= 2 and text[start - 1] in "-‐" and text[start - 2].isalnum():
        return True
    a = start
    while a > 0 and not text[a - 1].isspace():
        a -= 1
    b = end
    while b < len(text) and not text[b].isspace():
        b += 1
    run = text[a:b]
    return "/" in run or "www." in run or "@" in run


def name_follows(text: str, end: int) -> bool:
    """Whether a capitalised word follows *end* on the same line: a title used before a name."""
    return bool(_NAME_NEXT.match(text, end))


def sentence_initial(text: str, start: int) -> bool:
    """Whether the word at *start* opens a line, a sentence or a clause after a colon (allowing
    for quotes, brackets and list markers before it), where English capitalises any word."""
    before = text[_line_start(text, start) : start]
    return bool(_LINE_START.match(before) or _AFTER_STOP.search(before))


def heading_or_caps(text: str, start: int, end: int) -> bool:
    """Whether the line holding ``text[start:end]`` is set in capitals or in title case: layouts
    where a capital says nothing about the words themselves. Title case means that most content
    words of the line other than its first and those of the rendering itself are capitalised (a
    short sentence that merely contains a capitalised name is not a heading); a line with no such
    words is a heading when it does not end like a sentence."""
    a, b = line_around(text, start)
    line = text[a:b]
    letters = [c for c in line if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) >= 0.8 * len(letters):
        return True
    words = [(line[s:e], s + a) for _, s, e in en_words(line)][1:]
    content = [w for w, at in words if not start <= at < end and w.lower() not in _SMALL and w[0].isalpha()]
    if not content:
        return not line.rstrip().endswith((".", "!", "?", ";", ",", "。"))
    return sum(w[0].isupper() for w in content) > len(content) / 2


def _bare(word: str) -> str:
    w = word.lower().replace("’", "'")
    return w[:-2] if w.endswith("'s") else w


def _name(words: Sequence[str]) -> bool:
    """Whether a form is a title-case name: every word but the small ones capitalised."""
    return all(_capitalised(w) for w in words if w.lower() not in _SMALL and _cased(w))


def compare(text: str, start: int, end: int, form: str, raised: bool = True) -> CaseDiff | None:
    """The capitalisation differences between ``text[start:end]`` (a found rendering) and the
    glossary *form* it matched; ``None`` when the words cannot be paired one to one.

    Lowered words are not counted when the form is a title-case name and the text changes its
    number ("labor laws" for the Labor Law, "four great fates" for the Four Greats): a name
    put in the plural, or a plural name in the singular, is an ordinary phrase. Raised capitals
    are not counted on a sentence-initial first word, in a title-case or ALL-CAPS line, or at all
    with ``raised=False``.
    """
    found = [(text[s + start : e + start], s + start) for _, s, e in en_words(text[start:end])]
    glossary = form_words(form)
    if len(found) == len(glossary) + 1 and found[0][0].lower() in ARTICLES:
        found = found[1:]
    if len(found) != len(glossary):
        return None
    lowered: list[str] = []
    up: list[str] = []
    layout: bool | None = None
    generic = _name(glossary) and _bare(found[-1][0]) != _bare(glossary[-1])
    for i, ((word, at), want) in enumerate(zip(found, glossary)):
        if not _cased(word) or _capitalised(word) == _capitalised(want):
            continue
        if _capitalised(want):
            if not (_acronym(want) or generic):  # "cast" is not CAST; a lowercased acronym is another word
                lowered.append(word)
            continue
        if not raised or (i == 0 and sentence_initial(text, at)):
            continue
        if layout is None:
            layout = heading_or_caps(text, start, end)
        if not layout:
            up.append(word)
    return CaseDiff(tuple(lowered), tuple(up))


def closest(text: str, start: int, end: int, forms: Sequence[str], raised: bool = True) -> tuple[str, CaseDiff] | None:
    """The form among *forms* (the accepted forms sharing the found text's key, preferred first)
    that the found text departs from least, with how; ``None`` when it agrees with any of them
    (or none can be paired with it): a text that writes one accepted form in that form's own
    capitalisation is never reported, whatever the case of the others."""
    first: tuple[str, CaseDiff] | None = None
    for form in forms:
        diff = compare(text, start, end, form, raised)
        if diff is None:
            continue
        if not diff:
            return None
        if first is None or len(diff.lowered) + len(diff.raised) < len(first[1].lowered) + len(first[1].raised):
            first = (form, diff)
    return first


_NAME_GOES_ON = re.compile(r"[ \t]+[A-Z][a-z]")
_NAME_BEFORE = re.compile(r"[A-Z][\w'’]*[ \t]+(?:of|for|on)[ \t]+(?:the[ \t]+)?$")


def inside_name(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, written in title case, is part of a longer proper name: a
    capitalised word follows ("the State Security Law"), or it follows "Xxx of"/"Xxx for"
    ("Ministry of State Security"). Such a name is not a rendering of the shorter term it
    contains. A heading in title case or capitals proves nothing, so it is never taken for one."""
    words = [w for w in form_words(text[start:end]) if w.lower() not in _SMALL]
    if not words or not all(w[:1].isupper() for w in words):
        return False
    if heading_or_caps(text, start, end):
        return False
    if _NAME_GOES_ON.match(text, end):
        return True
    return bool(_NAME_BEFORE.search(text, max(0, start - 60), start))
