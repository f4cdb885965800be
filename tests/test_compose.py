"""glossary.composition: English for phrases the glossary lacks, one test per order rule, the
lexicon file, the API twin and the ``glossary compose`` command."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import glossary
from glossary.cli import main
from glossary.composition import LEXICON_COLUMNS, ROLES, Composer, read_lexicon
from glossary.errors import GlossaryError


def Handmade(*args, **kwargs) -> Composer:  # noqa: N802 (reads as the class it makes)
    """A composer of hand-made dictionaries only: no senses or pairs learned from the shipped parallel text."""
    return Composer(*args, **{"senses": {}, "pairs": (), **kwargs})


# Hand-made dictionaries, so the rules are tested apart from the shipped data.
TERMS = {
    "中国特色社会主义": ("socialism with Chinese characteristics", "zgts"),
    "马克思主义": ("Marxism", "mkszy"),
    "疫情防控": ("COVID-19 response", "yqfk"),
    "党的建设": ("Party building", "ddjs"),
    "人类命运共同体": ("human community with a shared future", "rlmy"),
    "习近平新时代中国特色社会主义思想": ("Xi Jinping Thought on Socialism with Chinese Characteristics for a New Era", "xjp"),
}
LEXICON = {
    "坚持": {"verb": "uphold"},
    "发展": {"verb": "develop", "noun": "development"},
    "推动": {"verb": "promote"},
    "构建": {"verb": "build"},
    "加强": {"verb": "strengthen"},
    "深化": {"verb": "deepen"},
    "改革": {"noun": "reform", "verb": "reform"},
    "全面": {"adverb": "fully", "modifier": "comprehensive"},
    "依法": {"adverb": "in accordance with the law"},
    "治理": {"noun": "governance", "verb": "govern"},
    "经济": {"noun": "economy", "modifier": "economic"},
    "社会": {"noun": "society", "modifier": "social"},
    "人民": {"noun": "people"},
    "党": {"noun": "Party"},
    "领导": {"noun": "leadership", "verb": "lead"},
    "制度": {"noun": "system"},
    "体系": {"noun": "system"},
    "中心": {"noun": "center"},
    "核心": {"noun": "core"},
    "打赢": {"verb": "win"},
    "以来": {"postposition": "since"},
    "能力": {"noun": "capacity"},
    "现代化": {"noun": "modernization", "modifier": "modern"},
    "个人": {"noun": "individual"},
    "信息": {"noun": "information"},
    "保护": {"noun": "protection", "verb": "protect"},
    "任务": {"noun": "task"},
    "新时代": {"noun": "new era"},
    "政府": {"noun": "government"},
    "学习": {"verb": "study", "noun": "study"},
    "贯彻": {"verb": "implement"},
    "经历": {"verb": "experience"},
    "世界": {"noun": "world"},
}
READINGS = {
    "总揽": (("zong3 lan3", ("to assume overall responsibility",)),),
    "全局": (("quan2 ju2", ("overall situation",)),),
    "协调": (("xie2 tiao2", ("to coordinate",)),),
    "各方": (("ge4 fang1", ("all parties",)),),
    "全总": (("Quan2 Zong3", ("All-China Federation of Trade Unions",)),),
    "健": (("jian4", ("healthy",)),),
    "健全": (("jian4 quan2", ("to improve",)),),
    "阻击战": (("zu3 ji1 zhan4", ("a blocking action",)),),
    "百年": (("bai3 nian2", ("hundred years",)),),
    "目标": (("mu4 biao1", ("goal",)),),
    "十八大": (("Shi2 ba1 Da4", ("18th National Congress",)),),
    "报告": (("bao4 gao4", ("report",)),),
}


@pytest.fixture(scope="module")
def c() -> Composer:
    return Handmade(TERMS, READINGS, LEXICON)


def en(c: Composer, phrase: str) -> str:
    return c.compose(phrase).english


def test_glossary_terms_keep_priority(c):
    r = c.compose("疫情防控")
    assert (r.english, r.method, r.confidence) == ("COVID-19 response", "glossary", 1.0)
    assert r.parts[0].term_id == "yqfk"


def test_verb_coordination_shares_the_object(c):
    r = c.compose("坚持和发展马克思主义")
    assert r.english == "uphold and develop Marxism"
    assert r.method == "composed"
    assert [(p.zh, p.source) for p in r.parts] == [("坚持", "lexicon"), ("和", "rule"), ("发展", "lexicon"),
                                                   ("马克思主义", "glossary")]
    assert r.parts[2].en == "develop"  # the form the rule used, not the first listed


# Glossary terms whose English is a verb phrase, and the terms a head noun after them forms.
VERB_TERMS = {
    **TERMS,
    "坚持和发展中国特色社会主义": ("uphold and develop socialism with Chinese characteristics", "jcfz"),
    "中国特色社会主义制度": ("system of socialism with Chinese characteristics", "zgzd"),
    "中国特色社会主义事业": ("cause of socialism with Chinese characteristics", "zgsy"),
    "统筹发展和安全": ("ensure both development and security", "tcaq"),
    "安全生产": ("workplace safety", "aqsc"),
    "改革开放": ("reform and opening up", "ggkf"),
}


@pytest.fixture(scope="module")
def vc() -> Composer:
    return Handmade(VERB_TERMS, READINGS, {**LEXICON, "统筹": {"verb": "coordinate"}, "精神": {"noun": "spirit"},
                                           "生产": {"noun": "production"}, "确保": {"verb": "ensure"}})


def test_verb_phrase_term_is_no_modifier_of_the_head_after_it(vc):
    # the longest match is the term 坚持和发展中国特色社会主义 + 制度, which the compound rules read
    # "system of uphold and develop …"; the verbs stay verbs, 制度 joins the term after them
    assert vc.compose("坚持和发展中国特色社会主义").method == "glossary"
    r = vc.compose("坚持和发展中国特色社会主义制度")
    assert r.english == "uphold and develop system of socialism with Chinese characteristics"
    assert [p.zh for p in r.parts] == ["坚持", "和", "发展", "中国特色社会主义制度"]
    assert en(vc, "坚持和发展中国特色社会主义事业") == "uphold and develop cause of socialism with Chinese characteristics"


def test_verb_phrase_term_whose_verb_the_lexicon_says_otherwise(vc):
    # "ensure both …" opens with a lexicon verb (确保), though 统筹 is "coordinate"; 安全生产 takes 安全
    r = vc.compose("统筹发展和安全生产")
    assert r.english == "coordinate development and workplace safety"
    assert [p.zh for p in r.parts] == ["统筹", "发展", "和", "安全生产"]


def test_terms_stay_whole_unless_a_verb_phrase_meets_a_head_that_joins(vc):
    # a noun-phrase term ("reform …" is also a noun) keeps its English before a head …
    assert vc.compose("改革开放精神").parts[0].zh == "改革开放"
    # … and so does a verb-phrase term when no term runs across its end (社会主义任务 is none)
    r = vc.compose("坚持和发展中国特色社会主义任务")
    assert r.parts[0].zh == "坚持和发展中国特色社会主义"


def test_a_verb_phrase_term_before_a_head_reads_as_gerunds_after_of(vc):
    # the known gap was "task of uphold and develop …"
    want = "task of upholding and developing socialism with Chinese characteristics"
    assert en(vc, "坚持和发展中国特色社会主义任务") == want
    assert en(vc, "坚持和发展中国特色社会主义的任务") == want
    # a noun phrase term is said as it is: "spirit of reform and opening up"
    assert "reform and opening up" in en(vc, "改革开放精神")


def test_modifier_coordination_takes_the_adjective(c):
    assert en(c, "经济和社会发展") == "economic and social development"


def test_series_with_the_enumeration_comma(c):
    assert en(c, "深化改革、加强党的建设") == "deepen reform and strengthen Party building"


def test_modifier_and_head(c):
    assert en(c, "经济体系") == "economic system"


def test_possessive_for_a_short_owner(c):
    assert en(c, "党的领导") == "the Party's leadership"
    assert en(c, "人民的任务") == "the people's task"


def test_of_for_a_long_owner(c):
    assert en(c, "经济社会的治理体系") == "governance system of economic society"


def test_verb_phrase_before_de_is_a_gerund_after_of(c):
    r = c.compose("总揽全局、协调各方的党的领导制度")
    assert r.english == ("the Party's leadership system of assuming overall responsibility overall situation and "
                         "coordinating all parties")  # every verb of the series a gerund
    assert r.confidence < 0.9  # a guessed rule costs confidence


def test_verb_phrase_before_de_takes_to_after_a_noun_that_takes_an_infinitive():
    c = Handmade(TERMS, READINGS, {**LEXICON, "权利": {"noun": "right"}, "批评": {"verb": "criticize"},
                                   "建议": {"verb": "make suggestions"}})
    assert c.compose("批评和建议的权利").english == "right to criticize and make suggestions"
    assert c.compose("批评和建议的任务").english == "task of criticizing and making suggestions"


def test_verb_and_object_with_adverb(c):
    assert en(c, "全面深化改革") == "fully deepen reform"
    assert en(c, "加强党的建设") == "strengthen Party building"


def test_prepositional_adverb_goes_last(c):
    assert en(c, "依法治理经济") == "govern economy in accordance with the law"


def test_verb_object_that_is_a_verb_reads_as_gerund(c):
    assert en(c, "推动构建人类命运共同体") == "promote building human community with a shared future"


def test_yi_wei_centered(c):
    assert en(c, "以人民为中心") == "people-centered"
    assert en(c, "以人民为中心的发展") == "people-centered development"
    assert en(c, "以党的建设为核心") == "with Party building at the core"


def test_battle(c):
    assert en(c, "打赢疫情防控阻击战") == "win the battle against COVID-19 response"


def test_postposition_since(c):
    # a name after "since" takes its article, as does an action "of" something
    assert en(c, "十八大以来") == "since the 18th National Congress"


def test_a_battle_after_its_verb_takes_the():
    """打赢脱贫攻坚战 was "win battle against poverty": a glossary battle as a verb's object is "the" one."""
    c = Handmade({**TERMS, "脱贫攻坚战": ("battle against poverty", "tpgjz")}, {}, {**LEXICON, "打赢": {"verb": "win"}})
    assert c.compose("打赢脱贫攻坚战").english == "win the battle against poverty"


def test_postposition_object_of_an_action_takes_the():
    c = Handmade({**TERMS, "中华人民共和国": ("People's Republic of China", "prc")},
                 {"成立": (("cheng2 li4", ("founding",)),)}, LEXICON)
    assert c.compose("中华人民共和国成立以来").english == "since the founding of the People's Republic of China"


def test_zai_opens_a_place_postposition_and_the_verb_before_it_happens_there():
    """紧密团结在…周围 was "closely unity exist … environs": 在…周围 is "around …", and the verb
    before 在 is said with its manner after it."""
    lexicon = {**LEXICON, "团结": {"noun": "unity", "verb": "rally"}, "紧密": {"adverb": "closely"}}
    readings = {"在": (("zai4", ("to exist",)),), "周围": (("zhou1 wei2", ("environs",)),)}
    c = Handmade({**TERMS, "党中央": ("Party Central Committee", "dzy")}, readings, lexicon)
    assert c.compose("紧密团结在党中央周围").english == "rally closely around the Party Central Committee"
    assert c.compose("在党中央周围").english == "around the Party Central Committee"


def test_hao_after_each_verb_of_a_series_goes_unsaid():
    """实现好、维护好、发展好X was "achieve good, safeguard good and develop X"."""
    lexicon = {**LEXICON, "实现": {"verb": "achieve"}, "维护": {"verb": "safeguard"}}
    c = Handmade(TERMS, {"好": (("hao3", ("good",)),), "利益": (("li4 yi4", ("interests",)),)}, lexicon)
    assert c.compose("实现好、维护好、发展好人民利益").english.startswith("achieve, safeguard and develop ")


def test_a_path_as_object_is_the_path_and_a_preposition_is_no_noun():
    """走 is CC-CEDICT's "to walk; …; from": "from" is no noun of 走 (坚定不移走… once read
    "steadfastly from path of …"), and the path walked is "the" path."""
    from glossary.composition import _noun_sense

    assert _noun_sense((("zou3", ("to walk", "to go", "from", "through")),)) == ""
    c = Handmade({**TERMS, "中国特色社会主义道路": ("path of socialism with Chinese characteristics", "dl")},
                 {"走": (("zou3", ("to walk", "to go", "from", "through")),)}, LEXICON)
    assert c.compose("走中国特色社会主义道路").english == "walk the path of socialism with Chinese characteristics"


def test_an_ordinal_object_takes_the_and_a_new_journey_takes_a():
    """实现第一个百年奋斗目标 was "achieve first centenary goal", 开启…新征程 "open new journey"."""
    from glossary.composition import _definite

    assert _definite("first centenary goal") == "the first centenary goal"
    assert _definite("19th National Congress") == "the 19th National Congress"
    assert _definite("new journey of building a modern socialist country") == "a new journey of building a modern socialist country"
    assert _definite("new development philosophy") == "new development philosophy"  # no count noun: as it is
    assert _definite("firstly") == "firstly"


def test_a_list_of_actions_speaks_one_form():
    """Beside a glossary action said as a gerund, a verb-led item of the same list is a gerund too:
    全面建成小康社会、实现X was "finishing building … and achieve X"."""
    terms = {**TERMS, "全面建成小康社会": ("finishing building a moderately prosperous society", "xk"),
             "百年奋斗目标": ("centenary goal", "bn")}
    c = Handmade(terms, {}, {**LEXICON, "实现": {"verb": "achieve"}})
    assert c.compose("全面建成小康社会、实现百年奋斗目标").english == (
        "finishing building a moderately prosperous society and achieving centenary goal")


def test_numbered_formulas(c):
    assert en(c, "两个任务") == "two tasks"
    assert en(c, "第二个百年目标") == "the second hundred years goal"


def test_ordinal_measure_words_are_unsaid_after_di():
    c = Handmade(TERMS, {**READINGS, "次": (("ci4", ("next in sequence", "second")),)}, LEXICON)
    assert en(c, "第七次经济任务") == "the seventh economic task"  # not "the seventh next in sequence …"
    assert en(c, "第二十一次任务") == "the 21st task"
    assert "three" not in en(c, "三次任务")  # without 第 次 counts no ordinal


def test_ization_head_follows_its_noun(c):
    assert en(c, "治理能力现代化") == "modernization of governance capacity"


def test_action_noun_after_plain_nouns(c):
    assert en(c, "个人信息保护") == "protection of individual information"


def test_time_frame_closes_the_english(c):
    assert en(c, "新时代的政府任务") == "government task in the new era"


def test_fewest_parts_never_reads_a_name_across_words(c):
    r = c.compose("健全总揽全局")
    assert [p.zh for p in r.parts] == ["健全", "总揽", "全局"]  # not 健 + 全总 + 揽


def test_unknown_character_falls_back_to_the_gloss_bag(c):
    r = c.compose("坚持鑫")
    assert r.method == "gloss" and r.english == "uphold + 鑫"
    assert r.confidence < 0.5


def test_excluded_forms_are_not_used(c):
    r = c.compose("疫情防控", exclude={"疫情防控"})
    assert r.method != "glossary"


def test_confidence_ranks_sources(c):
    lexical = c.compose("经济体系").confidence
    dictionary = c.compose("全局各方").confidence
    assert 0 < dictionary < lexical <= 1


def test_glossary_terms_longer_than_dictionary_words_stay_whole(c):
    r = c.compose("学习贯彻习近平新时代中国特色社会主义思想")
    assert r.parts[-1].source == "glossary"
    # and a verb run without a conjunction is coordinated (not 推动构建's verb + gerund)
    assert r.english == "study and implement Xi Jinping Thought on Socialism with Chinese Characteristics for a New Era"


def test_a_long_term_before_a_head_reads_after_it(c):
    assert en(c, "习近平新时代中国特色社会主义思想中心") == (
        "center of Xi Jinping Thought on Socialism with Chinese Characteristics for a New Era")


def test_numbered_meetings(c):
    assert en(c, "党的十九届四中全会") == "the Party's fourth plenary session of the 19th Central Committee"
    assert en(c, "二十大报告") == "20th National Congress report"  # not "twenty major reports"


def test_same_verb_twice_is_said_once(c):
    assert en(c, "加强和加强党的建设") == "strengthen Party building"


def test_a_glossary_part_takes_the_lexicons_adjective_form():
    c = Handmade({"社会主义": ("socialism", "sh")}, {}, {"社会主义": {"modifier": "socialist"},
                                                      "现代化": {"noun": "modernization"}})
    r = c.compose("社会主义现代化")
    assert r.english == "socialist modernization" and r.parts[0].source == "glossary"


def test_glossary_part_without_its_acronym_and_the_before_a_name():
    c = Handmade({"中国共产党": ("Communist Party of China (CPC)", "cpc")}, {}, {"委员会": {"noun": "committee"}})
    assert c.compose("中国共产党的委员会").english == "committee of the Communist Party of China"


def test_digits_and_quotes(c):
    r = c.compose("“18个任务”")
    assert r.method == "composed" and r.english == "18 tasks"
    assert [p.zh for p in r.parts if p.source == "rule" and p.en == "18"] == ["18"]


def test_latin_runs_and_nothing_to_say(c):
    assert en(c, "5G任务") == "5G task"
    for phrase in ("的的", "", "，"):
        r = c.compose(phrase)
        assert (r.english, r.method, r.confidence) == ("", "gloss", 0.0), phrase


def test_particles_without_english_are_silent(c):
    assert en(c, "世界也经历") == "world experience"
    assert en(c, "世界正经历") == "world is experiencing"  # 正 before a verb: what is going on now


# -- the shipped lexicon and the API ----------------------------------------------------------
def test_shipped_lexicon_rows_are_well_formed_and_attested():
    rows = read_lexicon()
    assert len(rows) >= 300
    for r in rows:
        assert r.zh and r.en and r.role in ROLES, r
        assert "¶" in r.evidence and " of " in r.evidence, r  # document ¶locator; n of m units
    assert {(r.zh, r.en) for r in rows} >= {("坚持", "uphold"), ("加强", "strengthen"), ("深化", "deepen"),
                                            ("完善", "improve"), ("体系", "system"), ("机制", "mechanism")}


def test_malformed_lexicon_is_a_glossary_error(tmp_path):
    bad = tmp_path / "lexicon.tsv"
    bad.write_text("zh\ten\n坚持\tuphold\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match="header"):
        read_lexicon(bad)
    bad.write_text("\t".join(LEXICON_COLUMNS) + "\n坚持\tuphold\tverb\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match=":2:"):
        read_lexicon(bad)


def test_api_twin_with_shipped_data(shipped):
    r = glossary.compose("坚持和发展马克思主义", shipped)
    assert r.english == "uphold and develop Marxism" and r.method == "composed"
    many = glossary.compose_all(["两个维护", "堅持和發展馬克思主義"], shipped)
    assert many[0].method == "glossary"
    assert many[1].phrase == "堅持和發展馬克思主義" and many[1].english == r.english
    # the shipped verb-phrase term before a head that forms another term (see the rule above)
    r = glossary.compose("坚持和发展中国特色社会主义制度", shipped)
    assert r.english == "uphold and develop system of socialism with Chinese characteristics"


# -- the command ------------------------------------------------------------------------------
def test_cli_text_tsv_json_and_file(tmp_path):
    runner = CliRunner()
    out = runner.invoke(main, ["compose", "坚持和发展马克思主义"])
    assert out.exit_code == 0, out.output
    assert "uphold and develop Marxism" in out.output
    assert "composed, confidence" in out.output
    f = tmp_path / "phrases.txt"
    f.write_text("两个维护\n\n政治和社会发展\n", encoding="utf-8")
    out = runner.invoke(main, ["compose", "--file", str(f), "--format", "tsv"])
    lines = out.output.strip().split("\n")
    assert lines[0] == "phrase\tenglish\tmethod\tconfidence\tparts" and len(lines) == 3
    assert lines[1].split("\t")[2] == "glossary"
    out = runner.invoke(main, ["compose", "政治和社会发展", "--format", "json"])
    data = json.loads(out.output)
    assert data[0]["english"] == "political and social development" and data[0]["parts"][0]["source"] == "lexicon"


def test_cli_errors_are_one_line():
    runner = CliRunner()
    out = runner.invoke(main, ["compose"])
    assert out.exit_code != 0 and "no phrase given" in out.output and "Traceback" not in out.output
    out = runner.invoke(main, ["compose", "--file", "no-such-file.txt"])
    assert out.exit_code != 0 and "no such file" in out.output


def test_cli_help_explains_method_and_confidence():
    out = CliRunner().invoke(main, ["compose", "--help"])
    assert "composed" in out.output and "CONFIDENCE" in out.output and "gloss" in out.output
    assert "Law of the People's Republic of" in out.output  # how a frame's English reads


def test_validate_checks_the_lexicon(tmp_path):
    from glossary.validate import validate_lexicon

    assert validate_lexicon() == []
    bad = tmp_path / "lexicon.tsv"
    bad.write_text("\t".join(LEXICON_COLUMNS) + "\n坚持\tuphold\tverb\tsomewhere\n坚持\t坚持\tthing\t"
                   "Government Work Report 2018 ¶3; 4 of 5 units\n", encoding="utf-8")
    messages = " ".join(p.message for p in validate_lexicon(bad))
    assert "evidence must read" in messages and "English" in messages and "role 'thing'" in messages
    out = CliRunner().invoke(main, ["validate", "--no-warnings", "--no-script-check"])
    assert out.exit_code == 0 and "lexicon rows" in out.output


def test_align_prior_knows_the_lexicon_english():
    from glossary.alignment.lexicon import Lexicon, stem

    # CC-CEDICT glosses 健全 "robust; healthy; to perfect"; official English says "improve"
    lex = Lexicon()
    assert stem("improve") in lex.explained("健全")
    assert lex.fit("健全制度", "improve system") > lex.fit("健全制度", "healthy people")


# --- what the curated table teaches (glossary.phrasing) -------------------------------------


def test_a_term_shows_the_english_of_its_one_unknown_part_and_its_order():
    from glossary.phrasing import Observation, observe

    got = observe([("检察", ("inspect",), True), ("机关", ("organs",), False)], "procuratorial organs")
    assert got == [Observation("word", "检察", "modifier", "procuratorial"), Observation("order", "机关", "", "{M} {H}")]


def test_a_head_first_term_shows_its_connector():
    from glossary.phrasing import Observation, observe

    got = observe([("土地", ("land",), False), ("制度", ("system",), False), ("改革", ("reform",), False)],
                  "reform of the land system")
    assert got == [Observation("order", "改革", "", "{H} of the {M}")]
    # words between the parts that are nobody's ("rural") leave the order unknown
    assert observe([("土地", ("land",), False), ("制度", ("system",), False), ("改革", ("reform",), False)],
                   "reform of the rural land system") == []
    # a part the rules may not replace (a glossary term) teaches no word English
    assert observe([("检察", ("inspect",), False), ("机关", ("organs",), False)], "procuratorial organs") == []


def test_half_a_hyphenated_word_teaches_no_english():
    from glossary.phrasing import Observation, observe

    parts = [("中华", ("China",), False), ("全国", ("national",), True), ("妇联", ("Women's Federation",), False)]
    # "All" of "All-China" is no English of 全国
    assert [o for o in observe(parts, "All-China Women's Federation") if o.kind == "word"] == []
    # a whole word between the known parts still teaches
    assert Observation("word", "全国", "modifier", "All") in observe(parts, "China All Women's Federation")


def test_phrasing_needs_two_terms_and_forgets_the_ones_left_out():
    from glossary.phrasing import Observation, learn

    word = Observation("word", "检察", "modifier", "procuratorial")
    p = learn({"a": [word], "b": [word]})
    assert p.word("检察", "modifier") == "procuratorial"
    assert p.without(["a"]).word("检察", "modifier") == ""  # one supporting term is not enough
    assert p.word("检察", "noun") == ""


def test_phrasing_counts_a_word_in_capitals_with_its_lower_case():
    """管理 is "Administration" in the names of three bodies and "administration" in one phrase: one
    word, said in lower case; a word the table writes only in capitals ("Arctic") keeps them."""
    from glossary.phrasing import Observation, learn

    upper = Observation("word", "管理", "modifier", "Administration")
    lower = Observation("word", "管理", "modifier", "administration")
    other = Observation("word", "管理", "modifier", "regulating")
    p = learn({"a": [upper], "b": [upper], "c": [other], "d": [other], "e": [lower]})
    assert p.word("管理", "modifier") == "administration"  # 3 against 2, where apart it was 2 against 2
    arctic = Observation("word", "北极", "modifier", "Arctic")
    assert learn({"a": [arctic], "b": [arctic]}).word("北极", "modifier") == "Arctic"


def test_a_word_only_names_show_in_capitals_needs_more_terms_than_the_dictionary_has():
    """条例 is "Ordinance" in three names (Hong Kong's); many more terms say "regulations", as the
    dictionary does: the capitals of names do not replace the common word."""
    from glossary.phrasing import Observation, learn

    name = Observation("word", "条例", "noun", "Ordinance")
    agree = Observation("agree", "条例", "noun", "")
    few = learn({"a": [name], "b": [name], "c": [name], "d": [agree]})
    assert few.word("条例", "noun") == "Ordinance"
    many = learn({"a": [name], "b": [name], "c": [name], **{f"r{i}": [agree] for i in range(4)}})
    assert many.word("条例", "noun") == ""
    word = Observation("word", "检察", "modifier", "procuratorial")  # a lower-case word needs no more
    said = Observation("agree", "检察", "modifier", "")
    assert learn({"a": [word], "b": [word], "c": [said], "d": [said], "e": [said]}).word("检察", "modifier") == "procuratorial"


def _taught() -> Composer:
    from glossary.phrasing import Observation, learn

    word = Observation("word", "检察", "modifier", "procuratorial")
    order = Observation("order", "改革", "", "{H} of the {M}")
    readings = {"检察": (("jian3 cha2", ("to inspect",)),), "委员会": (("wei3 yuan2 hui4", ("committee",)),)}
    return Handmade(TERMS, readings, LEXICON, phrasing=learn({"a": [word, order], "b": [word, order]}))


def test_the_tables_english_replaces_a_dictionary_verb_in_a_compound():
    r = _taught().compose("检察委员会")
    assert r.english == "procuratorial committee"
    assert r.parts[0].source == "table"
    assert Handmade(TERMS, {"检察": (("jian3 cha2", ("to inspect",)),), "委员会": (("wei3 yuan2 hui4", ("committee",)),)},
                    LEXICON).compose("检察委员会").english != "procuratorial committee"


def test_the_tables_order_puts_a_head_first():
    c = _taught()
    assert c.compose("经济改革").english == "reform of the economy"
    assert en(Handmade(TERMS, READINGS, LEXICON), "经济改革") == "economic reform"
    # leave-one-out passes the phrasing without the hidden terms: then the rule is unsupported
    assert c.compose("经济改革", phrasing=c.phrasing.without(["a"]) if c.phrasing else None).english == "economic reform"


def test_a_dictionary_verb_as_a_head_takes_its_noun_form():
    readings = {"国防": (("guo2 fang2", ("national defense",)),),
                "动员": (("dong4 yuan2", ("to mobilize", "mobilization")),),
                "补偿": (("bu3 chang2", ("to compensate", "to make up")),),
                "国家": (("guo2 jia1", ("country",)),)}
    c = Handmade(TERMS, readings, LEXICON)
    assert c.compose("国防动员").english == "national defense mobilization"  # CC-CEDICT's own noun sense
    assert c.compose("国家补偿").english == "country compensation"  # by the -ate → -ation rule


def _with_vocabulary(*english: str) -> Composer:
    from glossary.phrasing import learn, vocabulary

    readings = {"农业": (("nong2 ye4", ("agriculture",)),), "强国": (("qiang2 guo2", ("powerful country",)),),
                "结构": (("jie2 gou4", ("structure",)),), "性": (("xing4", ("nature",)),),
                "减税": (("jian3 shui4", ("tax cut",)),), "政府": (("zheng4 fu3", ("government",)),),
                "投资": (("tou2 zi1", ("investment",)),)}
    taught = learn({str(i): vocabulary(e) for i, e in enumerate(english)})
    return Handmade(TERMS, readings, {}, phrasing=taught)


def test_a_noun_modifier_takes_the_adjective_the_table_uses():
    c = _with_vocabulary("agricultural modernization", "structural reform", "government work", "government bond")
    assert c.compose("农业强国").english == "agricultural powerful country"
    assert c.compose("政府投资").english == "government investment"  # "governmental" is not the table's word
    assert c.compose("结构性减税").english == "structural tax cut"  # X性 before a noun: X's adjective
    # without the table, the noun stays as it is
    assert _with_vocabulary().compose("农业强国").english == "agriculture powerful country"


def test_a_glossary_noun_before_a_head_takes_the_adjective_the_table_uses():
    """生态环境 is "environment" in the glossary; before 保护 it is "environmental", as the table's
    English says it (a glossary noun had no adjective form of its own before)."""
    from glossary.phrasing import learn, vocabulary

    terms = {**TERMS, "生态环境": ("environment", "sthj"), "政府": ("government", "zf")}
    readings = {"保护": (("bao3 hu4", ("protection",)),), "投资": (("tou2 zi1", ("investment",)),)}
    english = ("environmental protection", "environmental quality", "government work")
    taught = learn({str(i): vocabulary(e) for i, e in enumerate(english)})
    c = Handmade(terms, readings, {}, phrasing=taught)
    assert c.compose("生态环境保护").english == "environmental protection"
    assert c.compose("政府投资").english == "government investment"  # "governmental" is not the table's word
    untaught = Handmade(terms, readings, {}, phrasing=learn({}))
    assert untaught.compose("生态环境保护").english == "environment protection"


def test_a_dictionary_adjective_before_de_owns_nothing():
    """强大的金融机构 was "powerful's financial institutions": an adjective of CC-CEDICT before 的
    describes its noun; a noun before 的 still owns it."""
    readings = {"强大": (("qiang2 da4", ("powerful",)),), "机构": (("ji1 gou4", ("institution",)),),
                "群众": (("qun2 zhong4", ("the masses",)),), "利益": (("li4 yi4", ("interests",)),)}
    c = Handmade(TERMS, readings, {})
    assert c.compose("强大的机构").english == "powerful institution"
    assert c.compose("群众的利益").english == "masses' interests"  # a noun owns what follows


def test_an_adverb_the_verb_already_says_goes_unsaid():
    """充分发挥 is "give full play to", not "fully give full play to"; 坚决维护 keeps its adverb."""
    lexicon = {"充分": {"adverb": "fully"}, "发挥": {"verb": "give full play to"},
               "坚决": {"adverb": "resolutely"}, "维护": {"verb": "safeguard"}, "作用": {"noun": "role"}}
    c = Handmade(TERMS, {}, lexicon)
    assert c.compose("充分发挥作用").english == "give full play to role"
    assert c.compose("坚决维护").english == "resolutely safeguard"


def test_a_subject_with_zheng_and_a_verb_is_going_on_now():
    """当今世界正经历…大变局 was "the world today experience profound changes …": a subject, 正 and a
    verb say what is going on ("is experiencing"); a verb "be in" stays "is in"."""
    terms = {**TERMS, "当今世界": ("the world today", "djsj"), "大变局": ("profound changes", "dbj"),
             "我国": ("China", "wg")}
    readings = {"经历": (("jing1 li4", ("experience", "to experience", "to go through")),),
                "处于": (("chu3 yu2", ("to be in",)),), "时期": (("shi2 qi1", ("period",)),),
                "关键": (("guan1 jian4", ("key",)),)}
    c = Handmade(terms, readings, {})
    assert c.compose("当今世界正经历大变局").english == "the world today is experiencing profound changes"
    assert c.compose("我国正处于关键时期").english == "China is in key period"


def test_classical_zhi_reads_of_and_a_named_owner_goes_last():
    terms = {**TERMS, "国务院": ("State Council", "gwy"), "上海合作组织": ("Shanghai Cooperation Organization", "sco")}
    readings = {"和平": (("he2 ping2", ("peace",)),), "路": (("lu4", ("road",)),),
                "副总理": (("fu4 zong3 li3", ("vice premier",)),), "峰会": (("feng1 hui4", ("Summit",)),)}
    c = Handmade(terms, readings, LEXICON)
    assert c.compose("和平之路").english == "road of peace"
    assert c.compose("国务院副总理").english == "vice premier of the State Council"
    assert c.compose("上海合作组织峰会").english == "Shanghai Cooperation Organization Summit"  # a name goes on


def test_the_table_overrides_a_lexicon_word_only_with_three_terms():
    from glossary.phrasing import Observation, learn

    national = Observation("word", "国家", "modifier", "national")
    lexicon = {**LEXICON, "国家": {"noun": "state", "modifier": "state"}}
    two = Handmade(TERMS, READINGS, lexicon, phrasing=learn({"a": [national], "b": [national]}))
    three = Handmade(TERMS, READINGS, lexicon, phrasing=learn({"a": [national], "b": [national], "c": [national]}))
    assert two.compose("国家任务").english == "state task"
    assert three.compose("国家任务").english == "national task"
    assert three.compose("国家任务").parts[0].source == "table"


def test_a_phrase_without_chinese_is_no_composition():
    assert glossary.compose("hello").english == ""  # not echoed back as its own "English"
    runner = CliRunner()
    alone = runner.invoke(main, ["compose", "two maintenance"])
    assert alone.exit_code == 1 and "no Chinese" in alone.output and "Traceback" not in alone.output
    mixed = runner.invoke(main, ["compose", "hello", "两个维护"])
    assert mixed.exit_code == 0 and "not Chinese" in mixed.output and "Two Upholds" in mixed.output


def test_the_sense_the_tables_english_uses_replaces_cedicts_first():
    readings = {"宪法": (("xian4 fa3", ("constitution",)),), "日": (("ri4", ("sun", "day; date")),),
                "最高": (("zui4 gao1", ("tallest; supreme",)),), "法院": (("fa3 yuan4", ("court of law",)),)}
    days = _with_vocabulary_and(readings, "National Day", "Youth Day", "Labor Day", "Supreme Court", "supreme organ",
                                "supreme power")
    assert days.compose("宪法日").english == "constitution day"
    assert days.compose("最高法院").english == "supreme court of law"
    # one use of "day" is not enough to leave the dictionary's first sense
    assert _with_vocabulary_and(readings, "National Day").compose("宪法日").english == "constitution sun"
    # and the phrasing without those terms (leave-one-out) gives the first sense back
    assert days.compose("宪法日", phrasing=days.phrasing.without(["0", "1"]) if days.phrasing else None).english \
        == "constitution sun"


def _with_vocabulary_and(readings, *english: str) -> Composer:
    from glossary.phrasing import learn, vocabulary

    return Handmade(TERMS, readings, {}, phrasing=learn({str(i): vocabulary(e) for i, e in enumerate(english)}))


def test_plain_senses_split_alternatives_and_skip_remarks():
    from glossary.composition import _plain_senses

    entries = (("ju2", ("office; situation", "CL:個|个[ge4]", "(remark only)", "bureau")),
               ("ju2", ("situation",)))
    assert _plain_senses(entries) == ("office", "situation", "bureau")


def test_plain_senses_skip_register_labels_and_exclamations():
    """中 is "(dialect) OK; all right" among its senses, 好 "all right!": neither is what a political
    text means, and the table's many "rights" once made "all right" 中's sense
    (增加制造业中长期贷款 → "increase manufacturing all right long-term loans")."""
    from glossary.composition import _plain_senses

    zhong = (("zhong1", ("within", " among", " in", "middle", "(dialect) OK", " all right", "during")),)
    assert _plain_senses(zhong) == ("within", "among", "in", "middle", "during")
    hao = (("hao3", ("good", "appropriate", " proper", "all right!", "(before a verb) easy to")),)
    assert _plain_senses(hao) == ("good", "appropriate", "proper")


def test_rendering_key_folds_every_article_and_nothing_else():
    from glossary.forms import rendering_key

    assert rendering_key("reform of the rural land system") == rendering_key("Reform of Rural Land Systems")
    assert rendering_key("a people-centred approach") == rendering_key("people-centered approach")
    assert rendering_key("the Party's leadership") != rendering_key("leadership of the Party")  # order is not folded
    assert rendering_key("Party members and officials") != rendering_key("Party member official")  # nor glue words
    assert rendering_key("the") == "the"


def test_the_head_of_a_ministry_is_its_minister():
    terms = {**TERMS, "外交部": ("Ministry of Foreign Affairs", "mfa"), "部长": ("minister", "bz"),
             "中央宣传部": ("Publicity Department of the CPC Central Committee", "xcb")}
    c = Handmade(terms, {}, LEXICON)
    assert c.compose("外交部部长").english == "Minister of Foreign Affairs"
    assert c.compose("中央宣传部部长").english == "minister of the Publicity Department of the CPC Central Committee"


def test_a_two_character_proper_noun_beats_two_single_characters():
    readings = {"中华": (("Zhong1 hua2", ("China (alternate formal name)",)),), "中": (("zhong1", ("China",)),),
                "华": (("hua2", ("flower",)),), "文明": (("wen2 ming2", ("civilization",)),)}
    r = Handmade(TERMS, readings, {}).compose("中华文明")
    assert [p.zh for p in r.parts] == ["中华", "文明"]


def test_a_verb_in_a_nouns_place_takes_the_action_noun_the_table_uses():
    from glossary.phrasing import learn, vocabulary

    lexicon = {**LEXICON, "政策": {"noun": "policy"}, "协调": {"verb": "coordinate"}, "改善": {"verb": "improve"},
               "计划": {"noun": "plan"}}
    taught = learn({"a": vocabulary("policy coordination"), "b": vocabulary("improvement of living standards")})
    c = Handmade(TERMS, {}, lexicon, phrasing=taught)
    assert c.compose("经济政策协调").english == "economic policy coordination"
    assert c.compose("经济改善计划").english == "economic improvement plan"
    assert c.compose("协调经济政策").english == "coordinate economic policy"  # a verb that leads stays a verb
    # without the table's word the verb stays as it is
    bare = Handmade(TERMS, {}, lexicon, phrasing=learn({"a": vocabulary("policy")}))
    assert bare.compose("经济改善计划").english == "economic improve plan"


def test_a_noun_modifier_may_take_its_ary_adjective():
    readings = {"革命": (("ge2 ming4", ("revolution",)),), "文化": (("wen2 hua4", ("culture",)),)}
    c = _with_vocabulary_and(readings, "revolutionary tradition", "revolutionary spirit")
    assert c.compose("革命文化").english == "revolutionary culture"


def test_learned_orders_that_differ_by_an_article_are_one_pattern():
    from glossary.phrasing import Observation, learn

    of_the = Observation("order", "精神", "", "{H} of the {M}")
    of = Observation("order", "精神", "", "{H} of {M}")
    before = Observation("order", "精神", "", "{M} {H}")
    p = learn({"a": [of_the], "b": [of_the], "c": [of], "d": [before], "e": [before]})
    assert p.order("精神") == ("{H} of the {M}", 0.6)  # 3 of 5, written as the commoner variant
    assert p.without(["c"]).order("精神")[1] == 0.5


def test_chinese_characteristics_and_all_levels_follow_their_noun():
    lexicon = {**LEXICON, "中国特色": {"modifier": "Chinese"}, "各级": {"modifier": "all levels"},
               "地方": {"modifier": "local"}, "外交": {"noun": "diplomacy"}, "大国": {"noun": "major country"}}
    c = Handmade(TERMS, {}, lexicon)
    assert c.compose("中国特色大国外交").english == "major country diplomacy with Chinese characteristics"
    assert c.compose("地方各级政府").english == "local governments at all levels"  # plural: many of them
    assert c.compose("各级政府").english == "governments at all levels"


def test_dui_de_reads_the_owners_head_over_its_object():
    readings = {"对": (("dui4", ("right; correct", "towards; at; for")),), "绝对": (("jue2 dui4", ("absolute",)),),
                "军队": (("jun1 dui4", ("army",)),), "贡献": (("gong4 xian4", ("contribution",)),)}
    c = Handmade(TERMS, readings, LEXICON)
    assert c.compose("党对军队的绝对领导").english == "the Party's absolute leadership over army"
    assert c.compose("人民对世界的贡献").english == "the people's contribution to world"


def test_sense_choice_keeps_names_and_verbs_out():
    readings = {"港": (("gang3", ("harbor; port", "Hong Kong (abbr.)")),), "自由": (("zi4 you2", ("free",)),),
                "找": (("zhao3", ("to try to find; to give change",)),), "差距": (("cha1 ju4", ("disparity",)),)}
    c = _with_vocabulary_and(readings, *(["Hong Kong SAR"] * 4), *(["climate change"] * 4))
    assert c.compose("自由港").english == "free harbor"  # not "free Hong Kong"
    assert "give change" not in c.compose("找差距").english


def test_a_shared_head_stays_last_and_a_clause_is_not_reordered():
    from glossary.phrasing import Observation, learn

    order = Observation("order", "时期", "", "{H} of the {M}")
    lexicon = {**LEXICON, "当前": {"modifier": "present"}, "今后": {"modifier": "future"}, "时期": {"noun": "period"},
               "关键": {"modifier": "key"}, "实现": {"verb": "achieve"}}
    c = Handmade(TERMS, {}, lexicon, phrasing=learn({"a": [order], "b": [order]}))
    assert c.compose("今后时期").english == "period of the future"
    assert c.compose("当前和今后时期").english == "present and future period"


def test_a_first_term_with_a_preposition_goes_after_its_noun():
    lexicon = {**LEXICON, "共同": {"modifier": "common"}, "理想": {"noun": "ideal"}}
    c = Handmade(TERMS, {}, lexicon)
    assert c.compose("中国特色社会主义共同理想").english == "common ideal of socialism with Chinese characteristics"
    assert c.compose("社会主义共同理想").english != "common ideal of socialism"  # not a glossary term here


# --- frames the curated table's terms share (glossary.phrasing.frames) ----------------------


def test_a_term_shows_the_frame_around_a_slot_and_its_template():
    from glossary.phrasing import Observation, frames

    cut = [("中华人民共和国", ("People's Republic of China",)), ("国家安全", ("national security",)), ("法", ("law",))]
    got = frames(cut, "National Security Law of the People's Republic of China (NSL)")
    # the slot written in title case in the term's English is {T}: a name's slot
    assert Observation("frame", "中华人民共和国{X}法", "", "{T} Law of the People's Republic of China") in got
    assert Observation("frame", "中华人民共和国国家安全{X}", "", "National Security {T} of the People's Republic of China") in got
    # a slot whose English is not one run of the term's English is no frame ("… Law of the …"
    # splits 中华人民共和国国家安全); nor is the whole term
    assert not any(o.key == "{X}法" for o in got)
    assert all(o.key.count("{X}") == 1 and o.key != "{X}" for o in got)


def test_a_frame_needs_a_slot_bounded_by_words_with_english_and_a_template_word_of_its_own():
    from glossary.phrasing import frames

    # a slot never ends at a conjunction (革命、建设 is no slot)
    cut = [("革命", ("revolution",)), ("、", ()), ("建设", ("development",)), ("改革", ("reform",))]
    keys = {o.key for o in frames(cut, "revolution, development and reform")}
    assert "{X}改革" in keys  # the slot 革命、建设: "{X} and reform"
    assert not keys & {"{X}建设改革", "革命{X}改革", "革命{X}"}  # slots 革命、, 、建设, 、建设改革
    # a template of glue words only teaches nothing: 改革 says nothing the slot did not
    assert frames([("经济", ("economy",)), ("的", ())], "the economy") == []


def test_a_term_the_rules_already_compose_votes_for_the_rules():
    from glossary.phrasing import RULES, Observation, frames, learn

    cut = [("外交部", ("Ministry of Foreign Affairs",)), ("部长", ("minister",))]
    # every frame it fits votes, whether or not its slot's English is found
    assert frames(cut, "Minister of Foreign Affairs", ruled=True) == [Observation("frame", "{X}部长", "", RULES),
                                                                      Observation("frame", "外交部{X}", "", RULES)]
    head = Observation("frame", "{X}部长", "", "head of the {T}")
    rules = Observation("frame", "{X}部长", "", RULES)
    assert learn({"a": [head], "b": [head]}).template("{X}部长") == ("head of the {T}", 2)
    assert learn({"a": [head], "b": [head], "c": [rules], "d": [rules], "e": [rules]}).template("{X}部长") == ("", 0)


def test_a_template_needs_two_terms_a_majority_and_forgets_the_ones_left_out():
    from glossary.phrasing import Observation, learn

    law = Observation("frame", "中华人民共和国{X}法", "", "{T} Law of the People's Republic of China")
    other = Observation("frame", "中华人民共和国{X}法", "", "Law of the People's Republic of China on {X}")
    p = learn({"a": [law], "b": [law], "c": [other], "d": [law]})
    assert p.template("中华人民共和国{X}法") == ("{T} Law of the People's Republic of China", 3)
    assert p.without(["a", "b"]).template("中华人民共和国{X}法") == ("", 0)  # one term each: a tie, and too few
    assert p.without(["a"]).template("中华人民共和国{X}法")[1] == 2
    # a frame only one term shows is not kept at all (no leave-one-out can raise it)
    lone = learn({"a": [law], "b": [other]})
    assert lone.by_term == {} and lone.template("中华人民共和国{X}法") == ("", 0)


def _framed(*extra: tuple[str, str]) -> Composer:
    from glossary.phrasing import Observation, learn

    law = Observation("frame", "中华人民共和国{X}法", "", "{T} Law of the People's Republic of China")
    security = Observation("frame", "{X}安全", "", "{X} security")
    obs = {"a": [law, security], "b": [law, security]}
    for i, (key, value) in enumerate(extra):
        obs[f"x{i}"] = [Observation("frame", key, "", value)]
    terms = {**TERMS, "中华人民共和国": ("People's Republic of China", "prc")}
    readings = {"法": (("fa3", ("law",)),), "安全": (("an1 quan2", ("safe",)),)}
    return Handmade(terms, readings, LEXICON, phrasing=learn(obs))


def test_a_shared_frame_renders_a_phrase_with_its_slot_composed_and_title_cased_as_the_template_says():
    c = _framed()
    r = c.compose("中华人民共和国个人信息保护法")
    assert r.english == "Protection of Individual Information Law of the People's Republic of China"
    assert r.method == "composed" and [p.role for p in r.parts].count("frame") == 2
    assert r.parts[0].source == "table"
    # one word before a literal head keeps its modifier form: economic, not "economy security"
    assert c.compose("经济安全").english == "economic security"
    # without the terms that show it (leave-one-out), the frame is not used
    assert c.phrasing is not None
    plain = c.compose("中华人民共和国个人信息保护法", phrasing=c.phrasing.without(["a"]))
    assert "Law of the People's Republic of China" not in plain.english


def test_the_frame_with_most_literal_chinese_wins():
    c = _framed(("{X}法", "{X} Act"), ("{X}法", "{X} Act"), ("{X}法", "{X} Act"))
    assert c.compose("中华人民共和国经济法").english == "Economic Law of the People's Republic of China"
    assert c.compose("经济法").english == "economic Act"


def test_a_term_shows_which_juxtaposed_words_it_coordinates():
    from glossary.phrasing import Observation, pairs

    cut = [("长期", ("long-term",)), ("繁荣", ("prosperity",)), ("稳定", ("stability", "stabilize"))]
    assert pairs(cut, "long-term prosperity and stability") == [
        Observation("pair", "长期", "繁荣", "none"), Observation("pair", "繁荣", "稳定", "and")]
    # a comma of a series coordinates too; a modifier before its head, or a head first, does not
    assert pairs([("经济", ("economic",)), ("文化", ("cultural",)), ("社会", ("social",)), ("发展", ("development",))],
                 "economic, cultural and social development")[:2] == [
        Observation("pair", "经济", "文化", "and"), Observation("pair", "文化", "社会", "and")]
    assert pairs([("土地", ("land",)), ("改革", ("reform",))], "reform of land") == [Observation("pair", "土地", "改革", "none")]
    # no pair crosses a conjunction or a word whose English is not found
    assert pairs([("经济", ("economic",)), ("和", ()), ("社会", ("social",))], "economic and social") == []
    assert pairs([("繁荣", ("prosperity",)), ("稳定", ("calm",))], "prosperity and stability") == []


def test_juxtaposed_words_the_table_coordinates_are_one_word_a_and_b():
    from glossary.phrasing import Observation, learn

    lexicon = {**LEXICON, "长期": {"modifier": "long-term"}, "繁荣": {"noun": "prosperity"}, "稳定": {"noun": "stability"},
               "决策": {"noun": "decisions"}, "部署": {"noun": "plans"}, "党中央": {"noun": "Party Central Committee"}}
    pair = Observation("pair", "繁荣", "稳定", "and")
    taught = Handmade(TERMS, READINGS, lexicon, phrasing=learn({"a": [pair], "b": [pair]}))
    r = taught.compose("长期繁荣稳定")
    assert r.english == "long-term prosperity and stability"
    assert [p.zh for p in r.parts] == ["长期", "繁荣稳定"]
    # one term is not enough, and more terms saying them otherwise outweigh the pair
    once = Handmade(TERMS, READINGS, lexicon, phrasing=learn({"a": [pair]}))
    assert once.compose("长期繁荣稳定").english == "long-term prosperity stability"
    none = Observation("pair", "繁荣", "稳定", "none")
    outvoted = Handmade(TERMS, READINGS, lexicon, phrasing=learn({"a": [pair], "b": [pair], "c": [none], "d": [none]}))
    assert outvoted.compose("长期繁荣稳定").english == "long-term prosperity stability"
    # the pair stays whole in the order rules: a named owner goes after both
    terms = {**TERMS, "党中央": ("Party Central Committee", "dzy")}
    plans = Observation("pair", "决策", "部署", "and")
    c = Handmade(terms, READINGS, lexicon, phrasing=learn({"a": [plans], "b": [plans]}))
    assert c.compose("党中央决策部署").english == "decisions and plans of the Party Central Committee"


def test_xing_before_a_noun_is_a_kind_marked_by_its_word():
    from glossary.phrasing import learn, vocabulary

    readings = {"型": (("xing2", ("model",)),), "友好": (("you3 hao3", ("friendly",)),), "社会": (("she4 hui4", ("society",)),)}
    lexicon = {"创新": {"noun": "innovation", "verb": "innovate"}, "服务": {"noun": "service", "verb": "serve"},
               "企业": {"noun": "enterprises"}, "政府": {"noun": "government"}, "经济": {"noun": "economy", "modifier": "economic"}}
    taught = learn({str(i): vocabulary(e) for i, e in enumerate(["innovative country", "innovation capacity"])})
    c = Handmade(TERMS, readings, lexicon, phrasing=taught)
    assert c.compose("创新型企业").english == "innovative enterprises"  # the -ive adjective the table uses
    assert c.compose("服务型政府").english == "service-oriented government"  # else X-oriented
    assert c.compose("经济型政府").english == "economic government"  # a word with a modifier form takes it
    assert c.compose("友好型社会").english == "friendly society"  # an adjective already stays
    # without the table's vocabulary no -ive adjective is guessed
    assert Handmade(TERMS, readings, lexicon, phrasing=learn({})).compose("创新型企业").english == "innovation-oriented enterprises"


def test_a_place_name_is_said_without_cedicts_description_of_the_place():
    from glossary.composition import _proper_name

    assert _proper_name("Hangzhou subprovincial city and capital of Zhejiang province in southeast China") == "Hangzhou"
    assert _proper_name("Shanghai municipality, central east China, abbr. to 滬|沪[Hu4]") == "Shanghai"
    assert _proper_name("Hainan Province, in South China Sea") == "Hainan"
    assert _proper_name("Vienna, capital of Austria") == "Vienna"
    # names, lists of names and a sense without a description stay; so does a verb sense
    for whole in ("Yangtze River Delta", "China, Japan and Korea", "Qinghai-Tibetan plateau", "to sinicize"):
        assert _proper_name(whole) == whole
    assert _proper_name("Hong Kong 香港, Macao 澳門|澳门 and Taiwan") == "Hong Kong Macao and Taiwan"
    readings = {"杭州": (("Hang2 zhou1", ("Hangzhou subprovincial city and capital of Zhejiang province",)),),
                "法院": (("fa3 yuan4", ("court",)),)}
    assert Handmade(TERMS, readings, LEXICON).compose("杭州法院").english == "Hangzhou court"


def test_guanyu_titles_read_head_of_owner_on_topic():
    terms = {**TERMS, "中共中央": ("CPC Central Committee", "zgzy")}
    readings = {**READINGS, "关于": (("guan1 yu2", ("pertaining to", "concerning")),), "意见": (("yi4 jian4", ("opinions",)),),
                "决议": (("jue2 yi4", ("resolution",)),)}
    c = Handmade(terms, readings, LEXICON)
    assert en(c, "中共中央关于加强党的建设的意见") == "opinions of the CPC Central Committee on strengthening Party building"
    # the 的 that closes the topic is the last one; a noun topic stays a noun
    assert en(c, "关于党的领导的决议") == "resolution on the Party's leadership"


def _named(*observations) -> Composer:
    """A hand-made composer with a name (长三角), lone modifiers and the learned observations given."""
    from glossary.phrasing import learn

    terms = {**TERMS, "长三角": ("Yangtze River Delta", "csj"), "公立医院": ("public hospitals", "glyy")}
    lexicon = {**LEXICON, "一体化": {"modifier": "integrated"}, "综合": {"modifier": "comprehensive"},
               "协调": {"verb": "coordinate", "modifier": "coordinated"}, "区域": {"modifier": "regional"},
               "有效": {"modifier": "effective"}, "国内": {"modifier": "domestic"}, "需求": {"noun": "demand"},
               "中华": {"modifier": "Chinese"}, "优秀": {"modifier": "fine"}, "传统": {"modifier": "traditional"},
               "文化": {"noun": "culture"}}
    return Handmade(terms, READINGS, lexicon, phrasing=learn({f"t{i}": [o] for i, o in enumerate(observations)}))


def test_a_name_before_a_lone_modifier_owns_the_modified_head():
    from glossary.phrasing import Observation

    develop = Observation("order", "发展", "", "{M} {H}")
    frame = Observation("frame", "{X}发展", "", "{X} development")
    c = _named(develop, develop, frame, frame)
    # the frame's slot 长三角一体化 would be a name and a lone modifier ("integrated of the …"); the
    # learned "{M} {H}" of 发展 would put the name before an adjective
    assert en(c, "长三角一体化发展") == "integrated development of the Yangtze River Delta"
    assert c.compose("经济发展").parts[-1].source == "table"  # the frame still serves a slot with a head


def test_an_adjective_before_a_head_first_head_stays_before_it():
    from glossary.phrasing import Observation

    reform = Observation("order", "改革", "", "{H} of the {M}")
    frame = Observation("frame", "{X}改革", "", "reform of the {X}")
    c = _named(reform, reform, frame, frame)
    assert en(c, "公立医院综合改革") == "comprehensive reform of the public hospitals"
    assert en(c, "公立医院改革") == "reform of the public hospitals"


def test_modifiers_take_the_english_order_of_adjectives():
    c = _named()
    assert en(c, "区域协调发展") == "coordinated regional development"  # quality before class
    assert en(c, "国内有效需求") == "effective domestic demand"
    assert en(c, "中华优秀传统文化") == "fine traditional Chinese culture"  # … before origin
    # a noun among the modifiers (a glossary term, a verb said as its noun) leaves the order alone
    assert en(c, "区域发展协调") != "coordinated regional development"
    from glossary.composition import _adjective_rank

    assert [_adjective_rank(w) for w in ("effective", "regional", "Chinese", "Party", "state-owned", "culture")] == [
        0, 1, 2, None, 1, None]


def test_the_tables_terms_choose_among_a_words_englishes_before_a_head():
    from glossary.phrasing import Observation, learn, observe

    # a term shows which of 中国's Englishes it uses before its head
    shown = observe([("中国", ("China", "Chinese"), False), ("作家", ("writer",), True), ("协会", ("association",), True)],
                    "China Writers Association")
    assert Observation("before", "中国", "协会", "China") in shown
    china = Observation("before", "中国", "协会", "China")
    lexicon = {**LEXICON, "中国": {"noun": "China", "modifier": "Chinese"}, "协会": {"noun": "association"},
               "作家": {"noun": "writer"}, "故事": {"noun": "story"}}
    c = Handmade(TERMS, READINGS, lexicon, phrasing=learn({"a": [china], "b": [china]}))
    assert en(c, "中国作家协会") == "China writer association"
    assert en(c, "中国故事") == "Chinese story"  # before another head, the lexicon's modifier
    assert c.phrasing is not None and c.phrasing.without(["a"]).before("中国", "协会") == ""  # two terms needed
    assert en(c, "中国作家协会") != c.compose("中国作家协会", phrasing=c.phrasing.without(["a"])).english


def test_a_learned_of_the_pattern_takes_no_article_before_a_name():
    """"{H} of the {M}" (learned from 时代精神 "spirit of the era") filled with a name: China and
    Yan'an take no article, the Party and an abbreviation keep it, a lowercase phrase keeps it."""
    from glossary.composition import _fill

    assert _fill("{H} of the {M}", "spirit", "China") == "spirit of China"
    assert _fill("{H} of the {M}", "spirit", "Yan'an") == "spirit of Yan'an"
    assert _fill("{H} of the {M}", "thought", "Xi Jinping") == "thought of Xi Jinping"
    assert _fill("{H} of the {M}", "spirit", "Party") == "spirit of the Party"
    assert _fill("{H} of the {M}", "role", "CPC") == "role of the CPC"
    assert _fill("{H} of the {M}", "spirit", "era") == "spirit of the era"
    assert _fill("{H} of the {M}", "spirit", "Chinese nation") == "spirit of the Chinese nation"
    assert _fill("{M} {H}", "spirit", "China") == "China spirit"


def test_a_verb_before_a_framed_term_is_no_slot_of_its_frame():
    """高质量发展 has a learned frame ("high-quality development of {X}": 经济高质量发展); a verb
    before it is no modifier to fill the slot: 推动高质量发展 is "promote high-quality
    development", not "high-quality development of promote"."""
    assert glossary.compose("推动高质量发展").english == "promote high-quality development"
    assert glossary.compose("推动经济高质量发展").english.startswith("promote high-quality development of")
    assert glossary.compose("经济高质量发展").english.startswith("high-quality development of")


def test_a_dictionary_phrase_of_adjective_english_before_de_follows_its_noun():
    """A four-character dictionary phrase before 的 whose English is an adjective or participle
    phrase describes the noun from behind, it owns nothing: not "unprecedented in history's
    achievements" nor "happening suddenly's COVID-19 epidemic"."""
    assert glossary.compose("史无前例的成就").english == "achievements unprecedented in history"
    assert "'s" not in glossary.compose("突如其来的新冠肺炎疫情").english
    assert glossary.compose("领导干部的责任").english == "leading officials' responsibility"  # a noun still owns


def test_a_quantifier_of_many_makes_its_noun_plural(shipped):
    """广大 'all' and 各级 'at all levels' take the plural of their noun, irregular ones included,
    and leave nouns without a plural alone."""
    from glossary.composition import _plural, composer

    c = composer(["广大干部", "各级党委", "广大妇女"], shipped)
    assert c.compose("广大干部").english == "all officials"
    assert c.compose("各级党委").english == "Party committees at all levels"
    assert c.compose("广大妇女").english == "all women"
    assert [_plural(w) for w in ("human", "spokesman", "staff", "policy", "critical battle")] == \
        ["humans", "spokesmen", "staff", "policies", "critical battles"]


def test_a_quantifier_of_many_before_a_list_makes_each_noun_plural(shipped):
    """广大 and 各级 before conjoined nouns, and a term of many (广大党员) before one in a list,
    make every noun of the list plural; a name keeps its number (the old English left the last
    noun singular: 'all Party members and official')."""
    from glossary.composition import composer

    phrases = ["各级党委和政府", "广大党员、干部", "各级党组织和广大党员、干部", "各级人大和政协"]
    c = composer(phrases, shipped)
    assert c.compose("各级党委和政府").english == "Party committees and governments at all levels"
    assert c.compose("广大党员、干部").english == "all Party members and officials"
    assert c.compose("各级党组织和广大党员、干部").english.endswith("all Party members and officials")
    assert "CPPCCs" not in c.compose("各级人大和政协").english  # an acronym has no plural


def test_the_plural_suffix_men_makes_its_noun_plural(shipped):
    """们 after a noun of people is its plural; CC-CEDICT's gloss of it ('plural marker for
    pronouns') never reaches the English."""
    from glossary.composition import composer

    c = composer(["同志们", "朋友们", "女士们、朋友们"], shipped)
    assert c.compose("同志们").english.lower() == "comrades"
    assert c.compose("朋友们").english == "friends"
    got = c.compose("女士们、朋友们")
    assert got.english == "ladies and friends" and "marker" not in got.english
    assert [p.zh for p in got.parts if p.zh != "、"] == ["女士们", "朋友们"]


def test_hou_after_a_phrase_reads_after(shipped):
    """X后 is 'after X', as X以后 and X之后 are (not the dictionary's 'back')."""
    from glossary.composition import composer

    c = composer(["改革开放后"], shipped)
    assert c.compose("改革开放后").english == "after reform and opening up"


def test_ge_is_all_and_a_list_of_ge_phrases_is_a_series(shipped):
    """各 'all' (81 of 138 report units that hold it) makes its noun plural; 各X各Y各Z with no
    conjunction is a list ('each sectors each areas each segment' before)."""
    from glossary.composition import composer

    c = composer(["各部门", "各领域各方面各环节"], shipped)
    assert c.compose("各部门").english == "all departments"
    assert c.compose("各领域各方面各环节").english == "all sectors, all areas and all segments"


def test_particularly_singles_out_part_of_a_noun_phrase(shipped):
    """X特别是Y → 'Xs, particularly Y' (the dictionary's 'special is' before); a postposed
    modifier of X stays with X."""
    from glossary.composition import composer

    c = composer(["干部特别是年轻干部", "各级干部特别是领导干部"], shipped)
    assert c.compose("干部特别是年轻干部").english == "officials, particularly young officials"
    assert c.compose("各级干部特别是领导干部").english == "officials at all levels, particularly leading officials"


def test_wei_x_mou_y_is_seek_y_for_x(shipped):
    """为X谋Y → 'seek Y for X', as the table renders 为中国人民谋幸福、为中华民族谋复兴 (before:
    'the Chinese people scheme happiness'); the part list says which English 谋 took."""
    from glossary.composition import composer

    c = composer(["为中国人民谋幸福"], shipped)
    got = c.compose("为中国人民谋幸福")
    assert got.english == "seek happiness for the Chinese people"
    assert [p.en for p in got.parts if p.zh == "谋"] == ["seek"]


def test_names_joined_by_a_dash_read_as_one_hyphenated_name():
    """中国—东盟合作 is "China-ASEAN cooperation": the names on either side of a dash join with a
    hyphen, an acronym in brackets standing for its name; the dash once sent the whole phrase
    to the gloss bag ("China + — + …"). A range of years keeps its dash out of the rule."""
    terms = {"东盟": ("Association of Southeast Asian Nations (ASEAN)", "asean"), "中亚": ("Central Asia", "zy")}
    lexicon = {"中国": {"noun": "China", "modifier": "Chinese"}, "合作": {"noun": "cooperation"},
               "机制": {"noun": "mechanism"}, "西亚": {"noun": "West Asia"}}
    c = Handmade(terms, {}, lexicon)
    got = c.compose("中国—东盟合作")
    assert got.english == "China-ASEAN cooperation" and got.method == "composed"
    assert c.compose("中国－中亚—西亚合作机制").english == "China-Central Asia-West Asia cooperation mechanism"
    assert "—" not in c.compose("中国—东盟").english
    assert c.compose("中国—").method == "gloss"  # a dash with nothing after it joins nothing


def test_a_term_written_with_an_enumeration_comma_is_the_term():
    """产业链、供应链 is the term 产业链供应链, as lookup and extract read it; hidden, it is composed."""
    c = Handmade({"产业链供应链": ("industrial and supply chains", "cl")}, {}, {"产业链": {"noun": "industrial chain"},
                                                                               "供应链": {"noun": "supply chain"}})
    got = c.compose("产业链、供应链")
    assert (got.english, got.method) == ("industrial and supply chains", "glossary")
    assert c.compose("产业链、供应链", exclude={"产业链供应链"}).method == "composed"


def test_a_classifying_adjective_follows_the_quality_adjective_that_opens_the_head():
    """区域 + 协调发展 is "coordinated regional development", 社会主义 + 基本制度 "basic socialist
    system": English puts quality before class, even when the head is one word of the cut. A head
    whose adjective makes a compound with its noun keeps the classifier in front (rural collective
    economy, not "collective rural economy")."""
    terms = {"协调发展": ("coordinated development", "xt"), "基本制度": ("basic system", "jb"),
             "集体经济": ("collective economy", "jt")}
    lexicon = {"区域": {"modifier": "regional", "noun": "region"}, "社会主义": {"modifier": "socialist", "noun": "socialism"},
               "农村": {"modifier": "rural", "noun": "rural areas"}}
    c = Handmade(terms, {}, lexicon)
    assert c.compose("区域协调发展").english == "coordinated regional development"
    assert c.compose("社会主义基本制度").english == "basic socialist system"
    assert c.compose("农村集体经济").english == "rural collective economy"


def test_nouns_ending_in_ive_are_no_adjectives_to_move():
    """An archive or an initiative is a noun; the -ive rule of adjective order once moved it as a
    quality adjective (中央档案馆 → "archive central library")."""
    from glossary.composition import _adjective_rank

    assert _adjective_rank("initiative") is None and _adjective_rank("archive") is None
    assert _adjective_rank("effective") == 0 and _adjective_rank("socialist") == 1 and _adjective_rank("Chinese") == 2


def test_an_owner_before_the_ordinal_of_its_congress():
    """中国共产党第二十一次全国代表大会 is "21st National Congress of the Communist Party of China";
    the ordinal was read only at a phrase's start, and an owner before it gave "National Congress
    of the twenty first of …"."""
    terms = {"中国共产党": ("Communist Party of China", "cpc"), "全国代表大会": ("National Congress", "nc"),
             "执行委员会": ("Executive Committee", "ec"), "全国总工会": ("All-China Federation of Trade Unions", "acftu")}
    readings = {"二十": (("er4 shi2", ("twenty",)),), "一次": (("yi1 ci4", ("first",)),), "届": (("jie4", ("session",)),),
                "十八": (("shi2 ba1", ("eighteen",)),)}
    c = Handmade(terms, readings, {})
    assert c.compose("中国共产党第二十一次全国代表大会").english == "21st National Congress of the Communist Party of China"
    assert c.compose("全国总工会第十八届执行委员会").english == "18th Executive Committee of the All-China Federation of Trade Unions"
    assert c.compose("第二十一次全国代表大会").english == "the 21st National Congress"


def test_a_bodys_numbered_sitting_is_a_session(shipped):
    """X第N次会议 and X N次会议 (a body before the number of its sitting) are "Nth session of X",
    and N届 before a body is its ordinal (十四届全国人大 → 14th National People's Congress); 三次分配
    at a phrase's start stays a count of its own."""
    from glossary.composition import composer

    phrases = ["全国人大常委会第十次会议", "十三届全国人大三次会议", "十四届全国人大", "三次分配"]
    c = composer(phrases, shipped)
    assert c.compose("全国人大常委会第十次会议").english == "tenth session of the Standing Committee of the National People's Congress"
    assert c.compose("十三届全国人大三次会议").english == "third session of the 13th National People's Congress"
    assert c.compose("十四届全国人大").english == "14th National People's Congress"
    assert "session" not in c.compose("三次分配").english


def test_an_anniversary_is_the_nth_anniversary_of_its_owner():
    """X N周年 is "Nth anniversary of X", and an event word before the number says what is
    remembered (成立 the founding, 诞辰 the birth); 建党 alone is the founding of the Party. Before,
    the number stood alone: "anniversary of the 40 of reform and opening up"."""
    terms = {"联合国": ("United Nations", "un"), "改革开放": ("reform and opening up", "rg"), "毛泽东": ("Mao Zedong", "mzd")}
    readings = {"成立": (("cheng2 li4", ("establish",)),), "周年": (("zhou1 nian2", ("anniversary",)),),
                "诞辰": (("dan4 chen2", ("birthday",)),), "建党": (("jian4 dang3", ("to found a party",)),),
                "一百": (("yi1 bai3", ("one hundred",)),)}
    c = Handmade(terms, readings, {})
    assert c.compose("联合国成立80周年").english == "80th anniversary of the founding of the United Nations"
    assert c.compose("改革开放40周年").english == "40th anniversary of reform and opening up"
    assert c.compose("毛泽东诞辰130周年").english == "130th anniversary of the birth of Mao Zedong"
    assert c.compose("建党一百周年").english == "100th anniversary of the founding of the Communist Party of China"


def test_chinese_numerals_with_hundreds_are_read():
    from glossary.composition import _number

    assert [_number(n) for n in ("七十五", "一百", "一百零一", "一百二十", "二百五十")] == [75, 100, 101, 120, 250]


def test_an_action_and_its_object_follow_a_head_that_takes_its_modifier_after(shipped):
    """未成年人保护 ("protection of minors") cannot stand before 法: the table's laws show 法 taking
    its modifier after it ("Law on …"), so the hidden term composes as a law's title. Before, it
    was "protection of minors law"."""
    from glossary.composition import composer

    c = composer(["未成年人保护法"], shipped)
    said = c.compose("未成年人保护法", exclude={"未成年人保护法"}).english
    assert said.startswith("Law on ") and said.endswith("Protection of Minors")


def test_hao_after_a_verb_says_the_verb_alone(shipped):
    """好 right after a verb (落实好X, 讲好X) says the work is done well; CC-CEDICT's "all right!"
    stood in the English ("implement all right! Party's organizational line …")."""
    from glossary.composition import composer

    c = composer(["贯彻落实好新时代党的组织路线"], shipped)
    said = c.compose("贯彻落实好新时代党的组织路线").english
    assert said.startswith("implement ") and "all right" not in said and "good" not in said


def test_a_victory_in_a_battle_and_a_head_after_a_term_with_against(shipped):
    """A term whose English has "against" cannot stand before a noun either, and a victory is won
    in a battle: 脱贫攻坚战全面胜利 was "battle against poverty comprehensive victory"."""
    from glossary.composition import composer

    c = composer(["脱贫攻坚战全面胜利", "脱贫攻坚目标任务"], shipped)
    assert c.compose("脱贫攻坚战全面胜利").english.endswith("victory in battle against poverty")
    said = c.compose("脱贫攻坚目标任务", exclude={"脱贫攻坚目标任务"}).english
    assert said.startswith("targets and tasks") and said.endswith("battle against poverty")


def test_a_glossary_term_of_ge_phrases_starts_a_series(shipped):
    """各地区各部门 (a term) + 各单位 is one list of 各-phrases, not a term before 'all organizations'."""
    from glossary.composition import composer

    c = composer(["各地区各部门各单位"], shipped)
    assert c.compose("各地区各部门各单位").english == "local authorities and government departments and all organizations"


def test_juxtaposed_actions_are_coordinated_and_act_on_what_comes_before():
    """改革发展 is "reform and development", 文物保护利用 "protection and use of cultural relics":
    juxtaposed action nouns (a verb and a noun each, no modifier) are one coordinated head."""
    lexicon = {"改革": {"noun": "reform", "verb": "reform"}, "发展": {"noun": "development", "verb": "develop"},
               "保护": {"noun": "protection", "verb": "protect"}, "利用": {"noun": "use", "verb": "use"},
               "经济": {"modifier": "economic", "noun": "economy"}}
    terms = {"文物": ("cultural relics", "wenwu")}
    c = Handmade(terms, {}, lexicon)
    assert c.compose("改革发展").english == "reform and development"
    assert c.compose("文物保护利用").english == "protection and use of cultural relics"
    assert c.compose("经济发展").english == "economic development"


def test_a_lone_adjective_is_no_owner_after_a_head_first_head(shipped):
    """A head the table writes first ("modernization of …", "line of the …") takes an adjective
    before it all the same: 中国式现代化 was "modernization of Chinese" once hidden."""
    from glossary.composition import composer

    c = composer(["中国式现代化", "党的基本路线"], shipped)
    assert c.compose("中国式现代化", exclude={"中国式现代化"}).english == "Chinese modernization"
    assert c.compose("党的基本路线", exclude={"党的基本路线"}).english == "the Party's basic line"


def test_a_verb_phrase_before_a_period_names_the_period(shipped):
    """实现…关键时期 is a period, not something achieved: "key period of achieving …"; a verb-phrase
    term before a modifier and a head reads as gerunds."""
    from glossary.composition import composer

    phrases = ["实现中华民族伟大复兴关键时期", "决胜全面建成小康社会关键阶段"]
    c = composer(phrases, shipped)
    assert c.compose(phrases[0]).english.startswith("key period of achieving ")
    assert c.compose(phrases[1]).english.startswith("key stage of securing a decisive victory in building")


def test_a_copula_splits_the_sentence_before_its_de_phrase():
    """社会主义制度是中华人民共和国的根本制度 was "fundamental system of socialist system is People's
    Republic of China": the 的 phrase took the subject and 是 into its owner."""
    lexicon = {**LEXICON, "是": {"verb": "be"}, "根本": {"modifier": "fundamental"},
               "社会主义": {"noun": "socialism", "modifier": "socialist"}}
    c = Handmade({**TERMS, "中华人民共和国": ("People's Republic of China", "prc")}, {}, lexicon)
    assert en(c, "社会主义制度是中华人民共和国的根本制度") == \
        "socialist system is fundamental system of the People's Republic of China"
    # a plural or coordinated subject takes "are"; a verb-led subject reads as a gerund
    assert en(c, "经济和社会是世界的任务").startswith("economy and society are ")
    assert en(c, "推动改革是党的任务").startswith("promoting reform is ")
    # no copula reading across a clause break, nor for 是…的 emphasis
    assert " is " not in en(c, "人民是党的")


def test_a_subject_is_plural_by_its_head():
    from glossary.composition import _plural_subject

    assert _plural_subject("rights of workers") and _plural_subject("the people")
    assert not _plural_subject("protection of rights") and not _plural_subject("Taiwan question")
    assert not _plural_subject("economics") and not _plural_subject("progress")


def test_shang_closes_a_place_postposition():
    """前进道路上 was "go forward path first" (CC-CEDICT's "first" for 上): a phrase closing with
    上 is "on …", and 在…上 frames it like 在…下."""
    readings = {"上": (("shang4", ("first", "on top")),), "道路": (("dao4 lu4", ("road",)),),
                "在": (("zai4", ("to exist",)),)}
    c = Handmade(TERMS, readings, LEXICON)
    assert en(c, "新时代道路上") == "on road in the new era"
    assert en(c, "在新时代道路上") == "on road in the new era"


def test_a_place_before_de_says_where_its_head_is():
    """座谈会上的重要讲话 was "important speech of conference first": a meeting is "at", and the
    place stands after the head it locates; 上 after 而 is the verb (乘势而上), no place."""
    readings = {"上": (("shang4", ("first", "on top")),), "会议": (("hui4 yi4", ("meeting",)),),
                "讲话": (("jiang3 hua4", ("speech",)),), "乘势": (("cheng2 shi4", ("to seize an opportunity",)),),
                "而": (("er2", ("and", "but")),)}
    c = Handmade(TERMS, readings, LEXICON)
    assert en(c, "会议上的讲话") == "speech at meeting"
    assert not en(c, "乘势而上").startswith("on ")


def test_conjuncts_opening_with_one_word_are_parallel_nouns():
    """领导机关和领导干部 was "lead organs and leading officials": 领导 read as a verb taking the whole
    coordination as its object. Conjuncts that open with the same word, the second no verb phrase,
    are parallel nouns; where the second is a verb phrase (坚持改革和坚持开放) the verbs stay verbs."""
    terms = {**TERMS, "领导干部": ("leading officials", "ldgb")}
    lexicon = {**LEXICON, "机关": {"noun": "organs"}, "开放": {"noun": "opening up"}}
    c = Handmade(terms, {}, lexicon)
    assert en(c, "领导机关和领导干部") == "leadership organs and leading officials"
    assert en(c, "坚持改革和坚持开放") == "uphold reform and uphold opening up"


def test_a_rules_title_puts_the_action_before_its_object_and_interim_first():
    """The title of a rule (条例, 办法, 规定) puts its topic's action first, with "of" before what
    it acts on, and 暂行 before the head is "interim": 水权交易管理暂行办法 is "Interim Measures for
    the Administration of Water Rights Trading", not "… Water Rights Trading Administration
    Provisional". A short object (fewer than four characters) keeps the English compound."""
    from glossary.phrasing import Observation, learn

    measures = Observation("frame", "{X}办法", "", "Measures for the {T}")
    on = Observation("order", "条例", "", "{H} on {M}")
    taught = learn({"a": [measures, on], "b": [measures, on]})
    terms = {**TERMS, "水权交易": ("water rights trading", "sqjy"), "企业名称": ("enterprise names", "qymc")}
    lexicon = {**LEXICON, "管理": {"noun": "administration", "verb": "administer"}, "办法": {"noun": "measures"},
               "条例": {"noun": "regulations"}, "暂行": {"modifier": "provisional"}, "住房": {"noun": "housing"},
               "租赁": {"verb": "lease", "noun": "rental"}}
    readings = {"登记": (("deng1 ji4", ("to register",)),)}
    c = Handmade(terms, readings, lexicon, phrasing=taught)
    assert en(c, "水权交易管理暂行办法") == "Interim Measures for the Administration of Water Rights Trading"
    # two actions are coordinated; a verb takes its regular action noun (register → registration)
    assert en(c, "企业名称登记管理条例") == "regulations on registration and administration of enterprise names"
    assert en(c, "住房租赁条例") == "regulations on housing rental"
    # one action too, in a title only: the compound alone keeps its order
    assert en(c, "企业名称登记条例") == "regulations on registration of enterprise names"
    assert en(c, "企业名称登记") == "enterprise names registration"
