"""Span choice in glossary.align: how far a rendering reaches, lists, and anchored totals."""

from __future__ import annotations

import pytest
from test_align import term

from glossary.alignment import AlignOptions, align_segments
from glossary.alignment.associate import grows
from glossary.alignment.candidates import english_side, list_ngrams, list_phrase, ngrams
from glossary.alignment.lexicon import Lexicon, stem
from glossary.store import Glossary


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon(use_dictionary=True)


def top(df, zh: str) -> str:
    rows = df.filter((df["zh"] == zh) & (df["rank"] == 1))["en"].to_list()
    assert rows, f"no proposal for {zh}"
    return rows[0]


def test_growth_that_translates_more_of_the_phrase(lexicon):
    # "coordinated development of the" translates 协同发展, which "Beijing-Tianjin-Hebei region" leaves out
    assert grows(lexicon, "京津冀协同发展", "beijing tianjin hebei region",
                 "coordinated development of the beijing tianjin hebei region")


def test_growth_by_direct_attachment(lexicon):
    assert grows(lexicon, "河长制", "river chief", "river chief system")  # "system" also translates 制
    assert grows(lexicon, "六稳", "stability on six", "stability on six fronts")  # translates nothing, but attached
    # a word attached directly is refused when the Chinese around the phrase explains it
    assert not grows(lexicon, "六稳", "stability on six", "stability on six fronts", from_context=lambda part: True)


def test_growth_through_a_function_word_is_refused(lexicon):
    assert not grows(lexicon, "社会主义初级阶段", "primary stage of socialism", "remain in the primary stage of socialism")
    assert not grows(lexicon, "总书记", "general secretary", "headed by general secretary")


def test_growth_across_a_comma_needs_translation(lexicon):
    crossing = {"one country two system under which the people"}
    assert not grows(lexicon, "一国两制", "one country two system", "one country two system under which the people", crossing)


def test_fit_rewards_translating_the_whole_phrase(lexicon):
    assert lexicon.fit("党委", "party committee") > lexicon.fit("党委", "major issue")
    assert lexicon.fit("京津冀协同发展", "coordinated development of the beijing tianjin hebei region") > lexicon.fit(
        "京津冀协同发展", "beijing tianjin hebei region")
    assert stem("18th") == stem("18")


def test_list_ngrams_cross_commas_only():
    side = english_side("We uphold One Country, Two Systems; it works.")
    assert "one country two system" in list_ngrams(side)
    assert "one country two system" not in ngrams(side)
    assert "uphold one country" not in list_ngrams(side)  # no comma inside: an ordinary n-gram
    assert not any("work" in k for k in list_ngrams(side))  # never across a semicolon
    assert list_phrase("一国两制") and list_phrase("形式主义、官僚主义") and not list_phrase("简政放权")


def test_numbered_formula_rendered_as_a_list():
    pairs = [
        ("坚持一国两制。", "We uphold One Country, Two Systems."),
        ("一国两制行稳致远。", "One Country, Two Systems has proved its worth, and will endure."),
        ("全面准确贯彻一国两制方针。", "We will fully apply the policy of One Country, Two Systems."),
        ("两种制度并存。", "The two systems coexist."),
        ("天气很好。", "The weather was fine."),
    ]
    g = Glossary((term("yiguo-liangzhi", "一国两制", "One Country, Two Systems"),))
    df = align_segments(pairs, glossary=g, options=AlignOptions(dictionary=False, discover=False))
    assert top(df, "一国两制") == "One Country, Two Systems"


def test_anchored_words_leave_the_totals():
    # "Marxism" inside "Marxism-Leninism" is explained by another term; it must not count
    # against 马克思主义 in the Dice denominator, or "firmly" would win
    pairs = [
        ("我们坚定学习马克思主义。", "We firmly study Marxism."),
        ("马克思主义坚定指引我们。", "Marxism firmly guides us."),
        ("他们坚定坚持马克思主义。", "They firmly uphold Marxism."),
        ("马克思列宁主义是指南。", "Marxism-Leninism is a guide."),
        ("坚持马克思列宁主义。", "Uphold Marxism-Leninism."),
        ("学习马克思列宁主义。", "Study Marxism-Leninism."),
        ("发展马克思列宁主义。", "Develop Marxism-Leninism."),
    ]
    g = Glossary((term("makesi-zhuyi", "马克思主义", "Marxism"), term("ma-lie", "马克思列宁主义", "Marxism-Leninism")))
    df = align_segments(pairs, glossary=g, options=AlignOptions(dictionary=False, discover=False))
    assert top(df, "马克思主义") == "Marxism"


def test_possessive_is_not_part_of_the_rendering():
    # en_words keeps "'s" on the word and also yields a stray "s"; the English side drops the
    # stray token and writes the rendering without the possessive, straight or curly apostrophe
    side = english_side("We follow the Party Central Committee's decisions and the people’s organizations.")
    assert "s" not in side.keys
    i = side.keys.index("party")
    assert side.surface(i, i + 3) == "Party Central Committee"
    j = side.keys.index("people")
    assert side.surface(j, j + 2) == "people’s organizations"  # inside a rendering it stays
    assert side.runs[j] == side.runs[j + 1]  # the curly apostrophe is no punctuation break
    assert "people organization" in ngrams(side)


def test_possessive_rendering_is_proposed_without_it():
    g = Glossary((term("dangzhongyang", "党中央", "central Party leadership"),))
    pairs = [
        ("党中央的决定很重要。", "The Party Central Committee's decision is important."),
        ("我们拥护党中央。", "We support the Party Central Committee."),
        ("党中央的部署得到落实。", "The Party Central Committee's plans were carried out."),
    ]
    df = align_segments(pairs, glossary=g, options=AlignOptions(dictionary=False, model=False, discover=False))
    assert top(df, "党中央") == "Party Central Committee"


def test_marked_dictionary_senses_do_not_count(lexicon):
    # CC-CEDICT's 强国 has "(ironically) mainland China (Taiwan & Hong Kong usage)"
    assert lexicon.fit("海洋强国", "china maritime") == 0.0
    assert lexicon.fit("海洋强国", "strong maritime country") > 0.5


def test_edge_word_glossing_the_neighbours_is_context(lexicon):
    from glossary.alignment.associate import _EdgeContext

    zh = "国务院提请全国人大常委会审议法律议案11件。"
    start = zh.index("全国人大常委会")
    where = {0: [(start, start + len("全国人大常委会"))]}
    edges = _EdgeContext(lexicon, "全国人大常委会", [zh], where, 6)
    # "proposal" is 议案, four characters after the phrase: context, not rendering
    assert edges.count("proposal to the standing committee of the national people congress", [0]) == 1
    assert edges.count("standing committee of the national people congress", [0]) == 0
    # a word the phrase itself explains is never context, whatever surrounds it
    assert edges.count("committee", [0]) == 0


def test_anchored_neighbours_are_not_context(lexicon):
    from glossary.alignment.associate import _EdgeContext

    zh = "以邓小平理论、“三个代表”重要思想为指导。"
    start = zh.index("“三个代表”重要思想")
    where = {0: [(start, start + len("“三个代表”重要思想"))]}
    side = english_side("Follow Deng Xiaoping Theory and the Theory of Three Represents.")
    assert _EdgeContext(lexicon, "“三个代表”重要思想", [zh], where, 6, [side]).count("theory of three represents", [0]) == 1
    # 邓小平理论 is anchored to "Deng Xiaoping Theory": its "theory" is accounted for already
    d = zh.index("邓小平理论")
    side.anchors.append((1, 4, d, d + len("邓小平理论")))
    assert _EdgeContext(lexicon, "“三个代表”重要思想", [zh], where, 6, [side]).count("theory of three represents", [0]) == 0


def test_head_word_attaches_on_the_left(lexicon):
    from collections import Counter

    from glossary.alignment.associate import _attach_left, _head_word

    head = lambda w: _head_word(lexicon, "党中央", w)  # noqa: E731
    assert head("party") and not head("implemented") and not head("the")
    co = Counter({"central committee": 17, "party central committee": 9, "cpc central committee": 4})
    assert _attach_left("central committee", 17, co, head) == ("party central committee", 9)
    # in half the co-occurrences or fewer, the word does not belong to the rendering
    assert _attach_left("central committee", 18, co, head) is None
    # a word that translates nothing of the phrase never attaches
    co2 = Counter({"central committee": 10, "implemented central committee": 9})
    assert _attach_left("central committee", 10, co2, head) is None


# --- shape rules (glossary.alignment.spanrules) ---------------------------------------------------


def test_relative_word_ends_every_span():
    side = english_side("We uphold One Country, Two Systems, under which the people of Hong Kong govern Hong Kong.")
    keys = list_ngrams(side) + ngrams(side)
    assert "one country two system" in keys
    assert not any("which" in k.split() for k in keys)
    assert "people of hong kong" in keys  # a span may start after the relative word


def test_coordination_needs_a_coordinating_phrase(lexicon):
    from glossary.alignment.spanrules import coordinates, coordination_ok, parallel_halves

    assert coordinates("保障和改善民生") and coordinates("形式主义、官僚主义")
    assert parallel_halves("减税降费") and parallel_halves("扫黑除恶")
    assert not coordinates("平台经济") and not coordinates("一国两制")
    assert not coordination_ok(lexicon, "平台经济", "platform economy and the sharing economy")
    assert coordination_ok(lexicon, "平台经济", "platform economy")
    assert coordination_ok(lexicon, "减税降费", "tax and fee cut")
    # the words after "and" translate more of the phrase: a compound the dictionary splits
    assert coordination_ok(lexicon, "疫情防控", "epidemic prevention and control")


def test_leading_verb_of_a_nominal_phrase_is_no_rendering(lexicon):
    from glossary.alignment.spanrules import leading_add_on, nominal, verb_like

    assert verb_like("realize") and verb_like("handling") and verb_like("coordinated")
    assert not verb_like("public") and not verb_like("fine")
    assert nominal("中国梦") and nominal("信访")
    assert not nominal("稳就业") and not nominal("党风廉政建设") and not nominal("四个意识")
    assert leading_add_on(lexicon, "中国梦", "realize the chinese dream of national rejuvenation")
    assert leading_add_on(lexicon, "信访", "handling public complaint")
    assert not leading_add_on(lexicon, "中国梦", "chinese dream")
    # "leading" is the dictionary's "leadership": part of the rendering
    assert not leading_add_on(lexicon, "党组", "leading party members group")
    # nothing after the verb is a gloss of the phrase: no evidence it is an add-on
    assert not leading_add_on(lexicon, "民生", "living standard")


def test_one_word_for_a_long_phrase_gives_way(lexicon):
    from glossary.alignment.spanrules import fuller

    cands = [(0.54, 8, 1, "fact", 0.76), (0.40, 4, 3, "truth from fact", 0.67), (0.27, 4, 1, "truth", 0.53)]
    assert fuller(lexicon, "实事求是", cands, 0.5)[3] == "truth from fact"
    assert fuller(lexicon, "实事求是", cands, 0.8)[3] == "fact"  # too weak by the factor
    # a short phrase keeps its one word
    assert fuller(lexicon, "党委", [(0.5, 5, 1, "committee", 0.5), (0.3, 3, 2, "party committee", 0.4)], 0.5)[3] == "committee"


def test_shape_rules_in_alignment():
    pairs = [
        ("发展平台经济。", "We will develop the platform economy and the sharing economy."),
        ("平台经济很活跃。", "The platform economy and the sharing economy are thriving."),
        ("规范平台经济。", "We will regulate the platform economy."),
        ("共享经济发展快。", "The sharing economy grew fast."),
        ("天气很好。", "The weather was fine."),
    ]
    g = Glossary((term("pingtai-jingji", "平台经济", "platform economy"),))
    df = align_segments(pairs, glossary=g, options=AlignOptions(discover=False))
    assert top(df, "平台经济") == "platform economy"


# --- growth context, possessors and negations ----------------------------------------------------


def test_growth_is_refused_by_a_possessor(lexicon):
    # "China's" in front of "peaceful reunification" is the sentence's noun: 和平统一 has no 中国
    assert not grows(lexicon, "和平统一", "peaceful reunification", "china peaceful reunification",
                     possessive=lambda k: k == 0)
    assert grows(lexicon, "和平统一", "peaceful reunification", "china peaceful reunification")
    # a possessor the phrase translates still belongs to the rendering
    assert grows(lexicon, "党的十九大", "19th national congress", "party 19th national congress",
                 possessive=lambda k: k == 0)
    # behind: what a possessive owns is no part of the rendering unless the phrase translates it
    assert not grows(lexicon, "党中央", "party central committee", "party central committee strategic",
                     possessive=lambda k: k == 2)
    assert grows(lexicon, "人民日益增长的美好生活需要", "people", "people ever growing need",
                 possessive=lambda k: k == 0)


def test_possessor_is_found_in_the_supporting_pairs():
    from glossary.alignment.associate import _possessive

    sides = [english_side("We promote China's peaceful reunification."),
             english_side("China's peaceful reunification is the goal."),
             english_side("China peaceful reunification, a headline.")]
    assert _possessive(sides, [0, 1, 2], "china peaceful reunification", 0)  # two of three
    assert not _possessive(sides, [2], "china peaceful reunification", 0)
    assert not _possessive(sides, [0, 1], "china peaceful reunification", 1)


def test_possessor_is_left_out_in_alignment():
    pairs = [
        ("推进祖国和平统一。", "We will advance China's peaceful reunification."),
        ("实现祖国和平统一。", "We will achieve China's peaceful reunification."),
        ("和平统一是方针。", "Peaceful reunification is the policy."),
        ("坚持祖国和平统一。", "We uphold China's peaceful reunification."),
    ]
    g = Glossary((term("heping-tongyi", "和平统一", "peaceful reunification"),))
    df = align_segments(pairs, glossary=g, options=AlignOptions(model=False, discover=False))
    assert top(df, "和平统一") == "peaceful reunification"


def test_growth_context_is_the_neighbourhood_not_the_sentence():
    # 地区 ("region") stands far from 西部大开发 in the first sentence: "region" still belongs to
    # the rendering; it is context only when the Chinese right next to the phrase glosses it
    pairs = [
        ("推动西部大开发形成新格局，同时支持东北地区和中部地区加快发展，鼓励东部地区率先实现现代化。",
         "We will promote large-scale development in the western region, support the northeast and central regions, and encourage the eastern region to modernize first."),
        ("推进西部大开发，这项工作已经持续多年，并且带动了周边各个地区。",
         "We will advance large-scale development in the western region, which has gone on for years and lifted every region around it."),
        ("落实西部大开发政策。", "We will implement the policies for large-scale development in the western region."),
    ]
    g = Glossary((term("xibu-dakaifa", "西部大开发", "large-scale development in the western region"),))
    df = align_segments(pairs, glossary=g, options=AlignOptions(model=False, discover=False))
    assert top(df, "西部大开发") == "large-scale development in the western region"


def test_negations_edge_only_negating_phrases():
    from glossary.alignment.candidates import negated_ngrams, negating_phrase

    side = english_side("There must be no irresolution about it, and not only that.")
    assert "no irresolution" in negated_ngrams(side)
    assert "no irresolution" not in ngrams(side)  # an ordinary phrase never starts with "no"
    assert all(k.split()[0] in ("no", "not") or k.split()[-1] in ("no", "not") for k in negated_ngrams(side))
    assert negating_phrase("毫不动摇") and negating_phrase("不忘初心") and not negating_phrase("高质量发展")
    assert not negated_ngrams(english_side("Nothing negative here."))


def test_negating_phrase_keeps_its_negation_in_alignment():
    pairs = [
        ("毫不动摇巩固公有制经济。", "There must be no wavering in consolidating the public sector."),
        ("毫不动摇鼓励非公有制经济发展。", "There must be no wavering in encouraging the non-public sector."),
        ("我们毫不动摇。", "We show no wavering."),
        ("经济在动摇。", "The economy is wavering."),
    ]
    g = Glossary((term("haobu-dongyao", "毫不动摇", "no wavering"),))
    df = align_segments(pairs, glossary=g, options=AlignOptions(dictionary=False, model=False, discover=False))
    assert top(df, "毫不动摇") == "no wavering"


def test_toward_is_no_edge_of_a_rendering():
    side = english_side("We embark on a new journey toward modernization.")
    assert "new journey" in ngrams(side) and "new journey toward" not in ngrams(side)


def test_clause_around_a_noun_phrase_is_no_rendering(lexicon):
    from glossary.alignment.spanrules import embedded_clause

    assert embedded_clause(lexicon, "总书记", "cpc central committee headed by general secretary")
    assert not embedded_clause(lexicon, "总书记", "general secretary")
    assert not embedded_clause(lexicon, "党的领导", "leadership by the party")  # no participle before "by"
    assert embedded_clause(lexicon, "海洋强国", "china into a strong maritime country")
    assert not embedded_clause(lexicon, "海洋强国", "strong maritime country")
    # a word of the phrase before "into": the preposition belongs to the rendering
    assert not embedded_clause(lexicon, "融入全球经济", "integration into the global economy")


def test_clause_rule_in_alignment():
    pairs = [
        ("建设海洋强国。", "We will build China into a strong maritime country."),
        ("加快建设海洋强国。", "We will move faster to build China into a strong maritime country."),
        ("推进海洋强国建设。", "We will work to build China into a strong maritime country."),
        ("中国是大国。", "China is a big country."),
    ]
    g = Glossary((term("haiyang-qiangguo", "海洋强国", "strong maritime country"),))
    # counts alone (no dictionary, no model) cannot cut "build China into a": the rule does
    df = align_segments(pairs, glossary=g, options=AlignOptions(model=False, discover=False, dictionary=False))
    assert top(df, "海洋强国") == "strong maritime country"
