"""TermMatcher.find_zh (a byte-level automaton) against a plain reference search written here."""

from __future__ import annotations

import pytest

from glossary.matcher import TermMatcher

TEXT = (
    "坚决做到两个维护，深入学习习近平新时代中国特色社会主义思想。abc 兩個維護、楓橋經驗 "
    "推进中国式现代化，坚持和发展新时代“枫桥经验”。English words 为人民服务 ok"
)


def _reference(terms, text: str, nested: bool) -> list[tuple[int, int, str]]:
    """Every occurrence of every Chinese form (str.find); leftmost-longest unless *nested*."""
    forms = {f for t in terms for f in (t.zh_hans, t.zh_hant) if len(f) >= 2}
    forms |= {a for t in terms for a in t.zh_alias if len(a) >= 2 and t.zh_hans not in a}
    spans = []
    for form in forms:
        start = text.find(form)
        while start != -1:
            spans.append((start, start + len(form), form))
            start = text.find(form, start + 1)
    if nested:
        return sorted(spans, key=lambda s: (s[1], s[0]))
    out, last = [], -1
    for s in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if s[0] >= last:
            out.append(s)
            last = s[1]
    return out


@pytest.mark.parametrize("nested", [False, True])
def test_automaton_equals_a_plain_search(shipped, nested):
    found = [(h.start, h.end, h.text) for h in TermMatcher(shipped.terms).find_zh(TEXT, nested)]
    expected = _reference(shipped.terms, TEXT, nested)
    assert sorted(found) == sorted(expected)
    assert len(expected) >= (11 if nested else 7)  # nested and traditional forms


def test_nested_includes_inner_terms(shipped):
    m = TermMatcher(shipped.terms)
    outer = "习近平新时代中国特色社会主义思想"
    assert [h.text for h in m.find_zh(outer)] == [outer]
    inner = [h.text for h in m.find_zh(outer, nested=True)]
    assert outer in inner and "中国特色社会主义" in inner and "新时代" in inner


def test_offsets_are_characters_after_non_ascii(mini):
    m = TermMatcher(mini.terms)
    text = "é€𠀀 两个维护 and 枫桥经验"
    for h in m.find_zh(text) + m.find_zh(text, nested=True):
        assert text[h.start : h.end] == h.text


def test_text_without_a_letter_holds_no_english_form_unless_a_form_has_none():
    """Most Chinese documents hold no Latin letter; as every English form of the shipped table has
    one, such a text is not tokenised for English at all. A user's form made of digits alone
    ("110") must still be found, so the shortcut holds only when every key has a letter."""
    from glossary.terms import Term

    def term(id_: str, zh: str, en: str) -> Term:
        return Term(id=id_, zh_hans=zh, zh_hant=zh, pinyin="", pinyin_num="", en=en, category="concept")

    lettered = TermMatcher([term("a", "五年规划", "Five-Year Plan")])
    assert lettered.find_en("二〇二五年，14 和 2035。") == []
    assert [h.text for h in lettered.find_en("第14个 Five-Year Plan，2035")] == ["Five-Year Plan"]
    digits = TermMatcher([term("a", "五年规划", "Five-Year Plan"), term("b", "报警电话", "110")])
    assert [h.text for h in digits.find_en("拨打 110 报警。")] == ["110"]
