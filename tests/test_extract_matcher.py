"""The byte-level DFA path of TermMatcher.find_zh gives exactly what the pyahocorasick path gives."""

from __future__ import annotations

import pytest

from glossary.matcher import TermMatcher

TEXT = (
    "坚决做到两个维护，深入学习习近平新时代中国特色社会主义思想。abc 兩個維護、楓橋經驗 "
    "推进中国式现代化，坚持和发展新时代“枫桥经验”。English words 为人民服务 ok"
)


def _plain(terms) -> TermMatcher:
    m = TermMatcher(terms)
    m._zh_fast = None  # force the pyahocorasick path
    return m


@pytest.mark.parametrize("nested", [False, True])
def test_fast_path_equals_plain_path(shipped, nested):
    fast = TermMatcher(shipped.terms)
    if fast._zh_fast is None:
        pytest.skip("ahocorasick-rs not installed")
    key = lambda hits: [(h.start, h.end, h.text, h.term.id, h.field) for h in hits]  # noqa: E731
    assert key(fast.find_zh(TEXT, nested)) == key(_plain(shipped.terms).find_zh(TEXT, nested))


def test_nested_includes_inner_terms(mini):
    m = TermMatcher(mini.terms)
    outer = "全心全意为人民服务两个维护"
    assert [h.text for h in m.find_zh(outer)] == ["为人民服务", "两个维护"]
    assert [h.text for h in m.find_zh(outer, nested=True)] == ["为人民服务", "两个维护"]


def test_offsets_are_characters_after_non_ascii(mini):
    m = TermMatcher(mini.terms)
    text = "é€𠀀 两个维护 and 枫桥经验"
    for h in m.find_zh(text) + m.find_zh(text, nested=True):
        assert text[h.start : h.end] == h.text
