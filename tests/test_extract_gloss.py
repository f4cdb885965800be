"""The unreviewed word-by-word gloss extract gives phrases the glossary lacks (glossary.extraction.gloss)."""

from __future__ import annotations

from glossary.extraction.gloss import compose, dictionary, first_sense
from glossary.pinyin import PinyinWriter, Word
from glossary.store import Glossary


def gloss(phrase: str, known: dict[str, str] | None = None) -> str:
    writer = PinyinWriter(Glossary(()))
    words = [(w.text, w.syllables) if isinstance(w, Word) else (w, ()) for w in writer.words(phrase)]
    return compose(phrase, known or {}, dictionary([phrase]), words)


def test_sense_of_the_reading_the_phrase_uses():
    readings = dictionary(["更好", "强军"])
    assert first_sense("更", readings) == "to change or replace"  # CC-CEDICT's first entry, gēng
    assert first_sense("更", readings, ["geng4"]) == "more"  # the reading in 更好
    assert gloss("更好发挥").startswith("more + ")
    assert gloss("强军思想").startswith("strong + ")  # qiáng, not jiàng "stubborn"


def test_words_not_greedy_headwords():
    # greedy longest match would read 一 + 个中 ("therein") + 国; the measure word has no English
    assert gloss("一个中国") == "one + China"


def test_orthographic_words_rejoined_into_dictionary_words():
    assert gloss("社会主义") == "socialism"  # written shèhuì zhǔyì, glossed as one word
    assert gloss("基础设施建设").startswith("infrastructure")


def test_glossary_terms_and_long_senses():
    assert gloss("坚决做到两个维护", {"两个维护": "Two Upholds"}).endswith("Two Upholds")
    assert gloss("特别行政区") == "special administrative region"  # explanation after the comma cut
    assert compose("", {}, {}) == ""
