"""Lookups from every form a user may hold: scripts, pinyin styles, English renderings."""

from __future__ import annotations

import pytest

from glossary.forms import en_key


@pytest.mark.parametrize(
    "query",
    ["two maintenance", "兩個維護", "两个维护", "liang3 ge4 wei2 hu4", "Two Upholds", "liǎng gè wéihù",
     "lianggeweihu", "liang ge wei hu", "TWO UPHOLDS", "“两个维护”", "the two upholds", "Two-Upholds"],
)
def test_every_form_of_two_upholds_finds_one_entry(shipped, query):
    matches = shipped.lookup(query)
    assert matches, query
    assert matches[0].term.zh_hans == "两个维护"
    assert en_key(matches[0].term.en) == en_key("Two Upholds")


def test_lookup_says_which_field_matched(shipped):
    assert shipped.lookup("two maintenance")[0].field == "en_nonstandard"
    assert shipped.lookup("two maintenance")[0].nonstandard
    assert shipped.lookup("兩個維護")[0].field == "zh_hant"
    assert shipped.lookup("liang3 ge4 wei2 hu4")[0].field == "pinyin"
    assert shipped.lookup("Two Upholds")[0].field == "en"


def test_maple_bridge_experience_is_fengqiao(shipped):
    m = shipped.lookup("Maple Bridge experience")
    assert m and m[0].term.zh_hans == "枫桥经验"
    assert m[0].nonstandard
    assert "Fengqiao" in m[0].term.en


def test_wrong_tones_prefer_right_tones(mini):
    # toneless query matches; a toned query with the right tones matches too
    assert mini.lookup("feng qiao jing yan")[0].term.id == "fengqiao-jingyan"
    assert mini.lookup("feng1qiao2jing1yan4")[0].term.id == "fengqiao-jingyan"


def test_lookup_by_id_and_unknown(mini):
    assert mini.lookup("wei-renmin-fuwu")[0].field == "id"
    assert mini.lookup("nothing like this") == []
    assert mini.lookup("   ") == []


def test_traditional_text_not_stored_is_converted(mini):
    # the traditional form with a variant character still finds the entry through OpenCC t2s
    assert mini.lookup("爲人民服務")[0].term.id == "wei-renmin-fuwu"


def test_fuzzy_search_ranks_misspellings_and_partials(shipped):
    assert shipped.search("maple brige experiance")[0].term.zh_hans == "枫桥经验"
    assert shipped.search("fengqiao")[0].term.zh_hans.endswith("枫桥经验")
    top = shipped.search("中国式现代", limit=3)
    assert any(m.term.zh_hans == "中国式现代化" for m in top)
    assert shipped.search("xyzzy qwerty") == []


def test_short_form_does_not_answer_long_query(mini):
    # a partial score never lets a short form win a long query
    assert all(m.term.id != "x" for m in mini.search("two maintenance"))
    assert mini.search("two maintenance")[0].term.id == "liang-ge-weihu"


def test_to_frame_has_every_term(shipped):
    df = shipped.to_frame()
    assert df.height == len(shipped)
    assert {"id", "zh_hans", "en", "en_nonstandard"} <= set(df.columns)
    row = df.filter(df["zh_hans"] == "两个维护").row(0, named=True)
    assert "two maintenance" in row["en_nonstandard"]


def test_shipped_table_is_big_enough(shipped):
    assert len(shipped) >= 400


def test_words_ending_in_s_that_are_no_plurals():
    from glossary.forms import en_key

    assert en_key("China Trade Union News") != en_key("China Trade Union New")
    assert en_key("news") == "news" and en_key("politics") == "politics"
    assert en_key("Two Upholds") == en_key("two uphold")  # ordinary plurals still meet
