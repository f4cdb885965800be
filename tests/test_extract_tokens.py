"""English is tokenised once per document: the matcher's tokens also cut discovery's sentences."""

from __future__ import annotations

import pytest

from glossary.extraction.discover import en_sentences
from glossary.forms import en_words
from glossary.matcher import _token_stream

TRICKY = [
    "China’s Party; the People's Republic",  # a curly apostrophe ends a sentence but joins ’s to its word
    "Xi's中国 talk",  # 's before Han: no possessive in the whole text, one in the sentence alone
    "He said 'four consciousness' — and X's",
    "a,b c. d’s e’ f",
    "中国Party's line’s end's",
    "",
    "   ",
    "the Two Upholds, and (the) [Four] Confidences!",
    "a ,, b . c",
    ", ,",
]


@pytest.mark.parametrize("text", TRICKY)
def test_sentences_from_shared_tokens_are_the_same(text):
    assert en_sentences(text, en_words(text)) == en_sentences(text)


def test_sentences_from_shared_tokens_on_a_real_text(seed_path):
    text = seed_path.read_text(encoding="utf-8")
    assert en_sentences(text, en_words(text)) == en_sentences(text)


@pytest.mark.parametrize("text", TRICKY + ["quality, power", "a, b", ",a b,"])
def test_token_stream_marks_clause_punctuation_between_words(text):
    tokens, stream, starts, ends = _token_stream(text)
    assert _token_stream(text, en_words(text)) == (tokens, stream, starts, ends)
    for n, (key, _, _) in enumerate(tokens):  # the maps point at each key's first and last letter
        first = next(p for p, i in starts.items() if i == n)
        last = next(p for p, i in ends.items() if i == n)
        assert stream[first : last + 1] == key


def test_token_stream_of_a_list():
    assert _token_stream("quality, power")[1] == " quality | power "
    assert _token_stream("quality power")[1] == " quality power "
    assert _token_stream(",quality power,")[1] == " quality power "
