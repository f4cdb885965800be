"""English is tokenised once per document: the matcher's tokens also cut discovery's sentences."""

from __future__ import annotations

import pytest

from glossary.extraction.discover import en_sentences
from glossary.forms import barrier_gaps, en_words
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
    tokens, stream, firsts = _token_stream(text)
    assert _token_stream(text, en_words(text)) == (tokens, stream, firsts)
    assert len(firsts) == len(tokens) + 1 and firsts[-1] == len(stream)
    for n, (key, _, _) in enumerate(tokens):  # each entry: "| " when a barrier precedes, the key, a space
        entry = stream[firsts[n] : firsts[n + 1]]
        assert entry in (key + " ", "| " + key + " ")


@pytest.mark.parametrize("text", TRICKY + ["quality, power", "a, b", ",a b,", "x (y) z\nw", "one. Two; three", "x,’s y", "a, — ; b", "é, ü"])
def test_barrier_gaps_are_the_gaps_holding_a_mark(text):
    """One scan for the gaps holding a mark finds exactly the gaps a search of every gap finds
    (a mark before the first word, several marks in one gap, a curly apostrophe, brackets)."""
    from glossary.literal import _BARRIER as LITERAL_BARRIER
    from glossary.matcher import _BARRIER

    tokens = en_words(text)
    for pattern in (_BARRIER, LITERAL_BARRIER):
        naive = [n for n in range(1, len(tokens)) if pattern.search(text, tokens[n - 1][2], tokens[n][1])]
        assert barrier_gaps(text, tokens, pattern) == naive


def test_barrier_gaps_on_a_real_text(seed_path):
    from glossary.matcher import _BARRIER

    text = seed_path.read_text(encoding="utf-8")
    tokens = en_words(text)
    naive = [n for n in range(1, len(tokens)) if _BARRIER.search(text, tokens[n - 1][2], tokens[n][1])]
    assert barrier_gaps(text, tokens, _BARRIER) == naive and naive


def test_english_matches_map_back_to_word_spans():
    """A match in the stream maps to the words it covers, also after a barrier, and never to a
    part of a word."""
    from glossary.matcher import PhraseMatcher

    m = PhraseMatcher(en=["people's republic", "republic", "two upholds"])
    text = "the People's Republic; Republican talk, two-upholds. Republic"
    found = [(h.key, h.text) for h in m.find(text, "en")]
    assert found == [("people's republic", "People's Republic"), ("republic", "Republic"),
                     ("two upholds", "two-upholds"), ("republic", "Republic")]


def test_token_stream_of_a_list():
    assert _token_stream("quality, power")[1] == " quality | power "
    assert _token_stream("quality power")[1] == " quality power "
    assert _token_stream(",quality power,")[1] == " quality power "
