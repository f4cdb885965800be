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
    tokens = en_words(text)
    starts, ends, stream, firsts = _token_stream(text)
    assert _token_stream(text, tokens) == (starts, ends, stream, firsts)  # read as columns, or from the tokens
    assert (starts, ends) == ([s for _, s, _ in tokens], [e for _, _, e in tokens])
    assert len(firsts) == len(tokens) + 1 and firsts[-1] == len(stream)
    for n, (key, _, _) in enumerate(tokens):  # each entry: "| " when a barrier precedes, the key, a space
        entry = stream[firsts[n] : firsts[n + 1]]
        assert entry in (key + " ", "| " + key + " ")


@pytest.mark.parametrize("text", TRICKY + ["quality, power", "a, b", ",a b,", "x (y) z\nw", "one. Two; three", "x,’s y", "a, — ; b", "é, ü",
                                           "中文，很长的句子。ABC 中文，更多。DEF，结尾。", "CPC，中国。共产党，XI"])
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
    assert _token_stream("quality, power")[2] == " quality | power "
    assert _token_stream("quality power")[2] == " quality power "
    assert _token_stream(",quality power,")[2] == " quality power "


@pytest.mark.parametrize("text", TRICKY + ["x (y) z\nw", "one. Two; three", "x,’s y", "a, — ; b", "é, ü", "Xi’s talk's end’s",
                                           "中文，很长的句子。ABC 中文，更多。DEF，结尾。", "CPC，中国。共产党，XI"])
def test_word_columns_are_the_tokens_and_the_gaps_between_them(text):
    from glossary.forms import en_word_columns

    tokens = en_words(text)
    keys, starts, ends, gaps = en_word_columns(text)
    assert list(zip(keys, starts, ends)) == tokens
    straight = text.replace("’", "'")
    assert gaps == [straight[tokens[n - 1][2] : tokens[n][1]] for n in range(1, len(tokens))]


def test_word_columns_on_a_real_text(seed_path):
    from glossary.forms import en_word_columns

    text = seed_path.read_text(encoding="utf-8")
    keys, starts, ends, _ = en_word_columns(text)
    assert list(zip(keys, starts, ends)) == en_words(text) and keys


# -- English n-grams from word codes -----------------------------------------------------------------
EDGES = TRICKY + [
    "Chinese-style modernization; Chinese style modernization",  # a hyphen splits like a space
    "the Party’s line, the Party's line, the parties' line",  # apostrophes, curly and straight
    "common\nprosperity for all, common prosperity\r\nfor all",  # a line break inside a phrase ends it
    "“whole-process people’s democracy” — whole-process democracy… «democracy»",  # Unicode punctuation
    "’s ’ x’ ’y 's",  # apostrophes with no word before them
    "the Party’s. work’s, end's",  # 's and ’s right before a sentence end
]


def _reference_counts(sentences: list[list[str]], max_len: int, floor: int) -> dict[str, int]:
    """Every n-gram within a sentence counted in plain Python, the floor applied afterwards."""
    from collections import Counter

    counts: Counter[str] = Counter()
    for sent in sentences:
        for i in range(len(sent)):
            for n in range(1, max_len + 1):
                if i + n <= len(sent):
                    counts[" ".join(sent[i : i + n])] += 1
    return {k: v for k, v in counts.items() if v >= floor}


@pytest.mark.parametrize("text", EDGES)
def test_sentences_cut_from_shared_tokens_at_the_edges(text):
    assert en_sentences(text, en_words(text)) == en_sentences(text)


def test_sentences_cut_from_tokens_with_many_curly_apostrophes(seed_path):
    """The pieces beside every curly apostrophe are tokenised on their own: a text that uses
    ’ throughout cuts the same as with straight ones tokenised piece by piece."""
    text = seed_path.read_text(encoding="utf-8").replace("'", "’")
    assert "’" in text
    assert en_sentences(text, en_words(text)) == en_sentences(text)


def test_en_codes_numbers_words_and_closes_sentences():
    from glossary.extraction.discover import en_codes

    codes, vocab, words = en_codes([["common", "prosperity"], ["prosperity"]])
    assert vocab == ["common", "prosperity"] and words == 3
    assert codes == [1, 2, 0, 2, 0]
    assert en_codes([]) == ([], [], 0)
    assert en_codes(iter([[]])) == ([0], [], 0)  # an empty sentence adds only its end


@pytest.mark.parametrize("text", EDGES)
def test_english_ngram_counts_match_a_plain_count(text):
    from glossary.extraction.discover import count_en_ngrams, en_codes

    sentences = en_sentences(text, en_words(text)) * 3  # each sentence three times: counts reach the floor
    codes, vocab, _ = en_codes(sentences)
    for floor in (1, 2, 4):
        assert count_en_ngrams(codes, vocab, 4, floor) == _reference_counts(sentences, 4, floor)


def test_english_ngram_counts_on_a_real_text(seed_path):
    from glossary.extraction.discover import count_en_ngrams, en_codes

    text = seed_path.read_text(encoding="utf-8")
    sentences = en_sentences(text, en_words(text))
    codes, vocab, words = en_codes(sentences)
    assert words == sum(map(len, sentences))
    table = count_en_ngrams(codes, vocab, 9, 2)
    assert table == _reference_counts(sentences, 9, 2) and any(k.count(" ") >= 3 for k in table)


def test_english_ngram_counts_of_nothing():
    from glossary.extraction.discover import count_en_ngrams

    assert count_en_ngrams([], [], 9, 2) == {}
    assert count_en_ngrams([0, 0], [], 9, 1) == {}


@pytest.mark.parametrize("text", EDGES)
def test_english_phrase_keys_are_en_keys(text):
    """phrase_key remembers English keys; what it remembers is en_key's answer."""
    from glossary.extraction.scan import phrase_key
    from glossary.forms import en_key

    assert phrase_key("en", text) == en_key(text) == phrase_key("en", text)


MIXED = [
    "2019年GDP增长6.1%，CPI上涨2.9%；“1+N”政策体系、5G和Belt and Road。",
    "中国 the Party 的 leadership, and 'four consciousness' 以及 X-Y ( Z )",
    "第一句。A B C。第二句 D E，F",
    "GDP",
    "一句话没有拉丁字母。",
]


@pytest.mark.parametrize("text", MIXED)
def test_sparse_sentences_are_the_pieces_of_the_full_cut(text):
    """A text with few words is cut from the gaps between its words (``_runs``): the same
    sentences as the cut at every sentence end, checked on the pieces themselves."""
    from glossary.extraction.discover import _cut_tokens, _runs

    tokens = en_words(text)
    assert _runs(text, tokens) == [w for w in _cut_tokens(text, tokens) if w]
    assert en_sentences(text, tokens) == en_sentences(text)


def test_sparse_sentences_on_a_real_chinese_text_with_latin_words(seed_path):
    from glossary.extraction.discover import _cut_tokens, _runs

    english = seed_path.read_text(encoding="utf-8")[:3000]
    text = "。".join(f"第{i}段{chunk}中国" for i, chunk in enumerate(english.split(".")))
    tokens = en_words(text)
    assert _runs(text, tokens) == [w for w in _cut_tokens(text, tokens) if w]
    assert len(_runs(text, tokens)) > 20


def test_chinese_runs_keep_the_numeral_zero_inside():
    """〇 is a Han numeral (二〇三五年): a run that stopped at it would make 三五年远景目标 a
    phrase of its own, cut from its year."""
    from glossary.extraction.discover import SEP, zh_symbols

    assert zh_symbols("到二〇三五年远景目标，") == "到二〇三五年远景目标"
    assert zh_symbols("不忘初心、牢记使命。再见") == SEP.join(["不忘初心、牢记使命", "再见"])
