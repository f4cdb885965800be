"""The shared automaton: leftmost-longest, word-bounded, number-aware for flagged renderings."""

from __future__ import annotations

from glossary.matcher import TermMatcher
from glossary.terms import Term

FOUR = Term(id="si-ge-yishi", zh_hans="四个意识", zh_hant="四個意識", pinyin="sì gè yìshí",
            pinyin_num="si4 ge4 yi4 shi2", en="Four Consciousnesses", en_nonstandard=("four consciousness",),
            category="formulation", definition="d", status="official")
NPC = Term(id="quanguo-renda", zh_hans="全国人大", zh_hant="全國人大", pinyin="Quánguó Réndà",
           pinyin_num="quan2 guo2 ren2 da4", en="National People's Congress (NPC)", category="institution",
           definition="d", status="official")
XI = Term(id="xi-sixiang", zh_hans="习近平新时代中国特色社会主义思想", zh_hant="習近平新時代中國特色社會主義思想",
          pinyin="x", pinyin_num="x", en="Xi Jinping Thought on Socialism with Chinese Characteristics for a New Era",
          category="ideology", definition="d", status="official")
SOC = Term(id="zhongguo-tese-shehui-zhuyi", zh_hans="中国特色社会主义", zh_hant="中國特色社會主義", pinyin="x",
           pinyin_num="x", en="socialism with Chinese characteristics", category="ideology", definition="d", status="official")


def test_flagged_singular_is_told_apart_from_standard_plural():
    m = TermMatcher([FOUR])
    hits = m.find_en('strengthen the "four consciousness" and the Four Consciousnesses, four-consciousnesses')
    assert [(h.text, h.field) for h in hits] == [
        ("four consciousness", "en_nonstandard"),
        ("Four Consciousnesses", "en"),
        ("four-consciousnesses", "en"),
    ]


def test_parenthesised_part_is_optional_and_kept_in_the_span():
    m = TermMatcher([NPC])
    hits = m.find_en("The National People's Congress (NPC) and the National People's Congress met.")
    assert [h.text for h in hits] == ["National People's Congress (NPC)", "National People's Congress"]


def test_longest_match_wins_and_no_overlap():
    m = TermMatcher([XI, SOC])
    zh = m.find_zh("深入学习习近平新时代中国特色社会主义思想，坚持中国特色社会主义。")
    assert [h.term.id for h in zh] == ["xi-sixiang", "zhongguo-tese-shehui-zhuyi"]
    en = m.find_en("Xi Jinping Thought on Socialism with Chinese Characteristics for a New Era guides socialism with Chinese characteristics")
    assert [h.term.id for h in en] == ["xi-sixiang", "zhongguo-tese-shehui-zhuyi"]


def test_word_boundaries():
    m = TermMatcher([SOC])
    assert m.find_en("neosocialism with Chinese characteristicsx") == []
    assert m.find_zh("") == [] and m.find_en("") == []


def test_traditional_text_is_found():
    m = TermMatcher([XI, SOC])
    hits = m.find_zh("堅持中國特色社會主義")
    assert hits and hits[0].field == "zh_hant" and hits[0].text == "中國特色社會主義"


def test_terms_do_not_span_clause_punctuation_unless_they_hold_it():
    quality = Term(id="q", zh_hans="质量强国", zh_hant="質量強國", pinyin="x", pinyin_num="x", en="quality power",
                   category="concept", definition="d", status="official")
    letter = Term(id="l", zh_hans="一函两书", zh_hant="一函兩書", pinyin="x", pinyin_num="x",
                  en='"one letter, two documents" system', category="concept", definition="d", status="official")
    m = TermMatcher([quality, letter])
    assert m.find_en("the quality, power of") == []
    assert [h.text for h in m.find_en("a quality power.")] == ["quality power"]
    hits = m.find_en('the “one letter, two documents” system')
    assert [h.text for h in hits] == ["“one letter, two documents” system"]


def test_short_chinese_hits_must_not_cut_through_words():
    from glossary.matcher import on_word_boundaries

    minsheng = Term(id="m", zh_hans="民生", zh_hant="民生", pinyin="mínshēng", pinyin_num="min2 sheng1",
                    en="people's wellbeing", category="concept", definition="d", status="official")
    m = TermMatcher([minsheng])
    text = "提高人民生活水平，保障和改善民生"
    assert len(m.find_zh(text)) == 2  # the raw automaton sees 民生 inside 人民生活 too
    kept = on_word_boundaries(text, m.find_zh(text))
    assert [h.start for h in kept] == [text.rindex("民生")]


def test_possessive_leaves_no_stray_token():
    from glossary.forms import en_key, en_words

    assert [w for w, _, _ in en_words("the people’s organizations")] == ["the", "people", "organization"]
    assert en_key("Party's") == en_key("Party") == "party"


def test_english_keys_of_a_big_table_come_back_from_the_cache_and_follow_edits(monkeypatch, tmp_path):
    """A big table's English keys are kept in the user cache; an edited rendering names a new
    file, so a stale key is never matched."""
    import dataclasses

    from glossary.matcher import CACHED_TERMS, TermMatcher
    from glossary.store import load

    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path / "cache"))
    terms = load().terms
    assert len(terms) >= CACHED_TERMS
    built = TermMatcher(terms)._key_en_forms()
    assert TermMatcher(terms)._en_forms() == built  # written
    assert list((tmp_path / "cache").glob("en-forms-*.bin"))
    assert TermMatcher(terms)._en_forms() == built  # read back
    i = 0
    edited = list(terms)
    edited[i] = dataclasses.replace(terms[i], en_alt=(*terms[i].en_alt, "Quite New Wording Here"))
    m = TermMatcher(edited)
    assert [h.term.id for h in m.find_en("a quite new wording here, really")] == [terms[i].id]
    assert len(list((tmp_path / "cache").glob("en-forms-*.bin"))) == 2


def test_a_small_table_keys_its_english_without_the_cache(monkeypatch, tmp_path):
    from glossary.matcher import TermMatcher
    from glossary.store import load

    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path / "cache"))
    terms = load().terms[:20]
    assert TermMatcher(terms)._en_forms() == TermMatcher(terms)._key_en_forms()
    assert not list((tmp_path / "cache").glob("en-forms-*"))


def test_enumerations_match_with_or_without_their_commas():
    """Texts write the table's enumerations without their commas (形式主义官僚主义) and the longer
    forms that hold one with them (一体推进不敢腐、不能腐、不想腐, listed without): both are found,
    as the term they come from; a short enumeration is not matched bare."""
    import glossary

    m = TermMatcher(glossary.load().terms)
    text = "要一体推进不敢腐、不能腐、不想腐，坚决反对形式主义官僚主义，也反对形式主义、官僚主义。"
    found = [(h.text, h.term.zh_hans) for h in m.find(text, "zh")]
    assert ("一体推进不敢腐、不能腐、不想腐", "一体推进不敢腐不能腐不想腐") in found
    assert ("形式主义官僚主义", "形式主义、官僚主义") in found
    assert ("形式主义、官僚主义", "形式主义、官僚主义") in found
    short = TermMatcher([Term(id="dezhiti", zh_hans="德、智、体", zh_hant="德、智、體", pinyin="dé zhì tǐ", pinyin_num="de2 zhi4 ti3",
                                en="moral, intellectual and physical")])
    assert [h.text for h in short.find("德智体全面发展，德、智、体", "zh")] == ["德、智、体"]


def test_spans_are_finds_hits_without_the_hit_objects(shipped):
    """TermMatcher.spans gives what find gives, in the same order, as (start, end, candidate);
    hit() rebuilds find's Hit from one. Extraction's glossary_spans and glossary_hits agree too."""
    from glossary.extraction.scan import glossary_hits, glossary_spans

    m = TermMatcher(tuple(shipped))
    text = ("坚持习近平新时代中国特色社会主义思想，做到两个维护。We uphold the Two Upholds and "
            "Xi Jinping Thought on Socialism with Chinese Characteristics for a New Era in China; “four consciousness”.")
    for lang in ("auto", "zh", "en"):
        for nested in (False, True):
            spans = m.spans(text, lang, nested)
            assert [m.hit(text, s) for s in spans] == m.find(text, lang, nested)
        assert [m.hit(text, s) for s in glossary_spans(m, text, lang)] == glossary_hits(m, text, lang)
    kept = {(s, e) for s, e, _ in glossary_spans(m, text, "auto")}
    nested = {(s, e) for s, e, _ in m.spans(text, "auto", nested=True)}
    assert kept < nested  # a shorter form of the same term, and "China", are left out
    assert any(text[s:e] == "中国特色社会主义" for s, e in kept)  # another term inside a longer one counts
