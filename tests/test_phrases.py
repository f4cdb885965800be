"""Whole phrases from extract: the numbered rule's numerals and heads, fragments, function-word
and dangling-verb edges, reporting formulas, and pinyin that keeps to a phrase's own words."""

from __future__ import annotations

import importlib.util
import itertools
import sys
from pathlib import Path

import pytest

from glossary.extraction import discover, extract_text, rules
from glossary.extraction.scan import Tally
from glossary.pinyin import PinyinWriter
from glossary.store import Glossary

ROOT = Path(__file__).resolve().parent.parent

NONE = Glossary(())


def _zh_rules(text: str) -> set[str]:
    return {p for _, _, p, _ in rules.zh_rules(text)}


def _new_phrases(texts: list[str]) -> set[str]:
    df = extract_text(texts, "zh", glossary=NONE)
    return set(df["phrase"].to_list())


# -- the numbered rule anchors on the whole numeral and ends where a word ends ------------------
@pytest.mark.parametrize(
    ("text", "whole", "fragment"),
    [
        ("党的十八大以来，我们取得了成就。", "党的十八大以来", "八大以来"),
        ("十八大以来，我们取得了成就。", "十八大以来", "八大以来"),
        ("为实现第二个百年奋斗目标而奋斗。", "第二个百年奋斗目标", "二个百年"),
        ("制定第十四个五年规划和远景目标。", "第十四个五年规划", "十四个五年"),
        ("坚决打好三大攻坚战。", "三大攻坚战", "三大攻坚"),
        ("党的十九大报告指出，要如此。", "党的十九大报告", "九大报告"),
        ("学习十九大精神。", "十九大精神", "九大精神"),
        ("坚持两个一百年奋斗目标。", "两个一百年奋斗目标", "两个一百"),
        ("这是第三个历史决议。", "第三个历史决议", "第三个历史"),
    ],
)
def test_numbered_rule_takes_the_whole_numeral_and_the_whole_head(text, whole, fragment):
    found = _zh_rules(text)
    assert whole in found
    assert fragment not in found


@pytest.mark.parametrize(
    ("text", "not_a_formula"),
    [
        ("党的十九大和十九届历次全会精神", "十九大和十"),  # a conjunction is no head
        ("一个又一个胜利", "一个又一"),  # an adverb is no head
        ("这是一个国家的大事", "一个国家"),  # 一个 is the indefinite article
        ("推动长三角一体化发展", "三角一体"),  # the numeral is inside the word 长三角
        ("建设全国统一大市场", "一大市场"),  # … inside 统一
        ("收入从一万六千元增加", "一万六千"),  # a number, not a count
        ("比上年提高零点二个百分点", "二个百分"),  # a decimal's digits
        ("这是一次十分重要的会议", "一次十分"),
        ("党的十九大提出，要如此。", "党的十九大提出"),  # a reporting formula
        ("十八大召开至今", "十八大召开"),  # 数大 + a verb is a clause
        ("一步一步走过来", "一步一步"),  # a reduplicated measure word
        ("在开班式上的讲话", "开班式上"),  # X式Y ends where a word ends, never on 的
    ],
)
def test_numbered_rule_rejects_what_is_no_formula(text, not_a_formula):
    assert not any(p.startswith(not_a_formula) for p in _zh_rules(text))


def test_numbered_rule_keeps_formulas_whose_items_are_verbs():
    found = _zh_rules("增强四个意识、坚定四个自信、做到两个维护，推进“五位一体”，落实一函两书，创造两大奇迹，践行三严三实，推进中国式现代化。")
    assert {"四个意识", "四个自信", "两个维护", "五位一体", "一函两书", "两大奇迹", "三严三实", "中国式现代化"} <= found


def test_a_corpus_of_congress_formulas_gives_no_cut_numeral():
    texts = [f"党的十八大以来，{s}。" for s in ("我们取得了历史性成就", "全面从严治党成效卓著", "脱贫攻坚取得决定性进展")]
    texts += [f"{p}第二个百年奋斗目标。" for p in ("向着", "为实现", "奋力实现")]
    phrases = _new_phrases(texts)
    assert "党的十八大以来" in phrases and "第二个百年奋斗目标" in phrases
    assert not phrases & {"八大以来", "十八大以来", "二个百年", "第二个百年"}


# -- fragments: one neighbour beside nearly every occurrence ------------------------------------
def _tally(texts_and_spans) -> Tally:
    t = Tally("zh", "x")
    for text, s, e in texts_and_spans:
        t.note_sides(text, s, e)
    return t


def test_a_phrase_one_character_always_follows_is_a_fragment():
    text = "三个区分开来"
    assert _tally([(text, 0, 4)] * 3).is_fragment()  # 三个区分 | 开
    left = "十八大以来"
    assert _tally([(left, 1, 5)] * 3).is_fragment()  # 十 | 八大以来


def test_varied_neighbours_particles_punctuation_and_few_occurrences_are_no_fragment():
    varied = [("甲领土完整乙", 1, 5), ("丙领土完整丁", 1, 5), ("戊领土完整己", 1, 5)]
    assert not _tally(varied).is_fragment()
    particles = [("主权和领土完整，", 3, 7)] * 3  # 和 and ， belong to the sentence
    assert not _tally(particles).is_fragment()
    assert not _tally([("十八大以来", 1, 5)] * 2).is_fragment()  # two occurrences prove little


def test_tallies_merge_their_neighbours():
    a = _tally([("三个区分开来", 0, 4)] * 2)
    b = _tally([("三个区分开来", 0, 4)])
    assert not a.is_fragment()
    a.merge(b)
    assert a.sides == 3 and a.is_fragment()


def test_extract_drops_a_rule_phrase_that_is_a_fragment():
    texts = [f"{p}，把三个区分开来落到实处。" for p in ("各地", "我们", "基层", "全党")]
    phrases = _new_phrases(texts)
    assert "三个区分" not in phrases


# -- edges: function words, modal and dangling verbs, reporting formulas ------------------------
@pytest.mark.parametrize(
    "phrase",
    ["要坚持", "坚持以", "发展新", "新发展", "推动建设一个", "一个充满", "存在不少", "充分发挥", "贯彻落实",
     "坚持和完善", "加强和改进", "完善和发展", "深入推进", "和发展", "提供了根本遵循", "这次主题教育",
     "正如习近平总书记", "特别是党的十八大以来", "年现行标准下的农村贫困人口", "切实把思想和行动统一到",
     "们、朋友们"],
)
def test_function_words_and_dangling_verbs_at_the_edge_are_faults(phrase):
    assert discover.zh_edge_fault(phrase)


@pytest.mark.parametrize(
    "phrase",
    ["习近平总书记指出", "习近平总书记强调", "党中央要求", "习近平总书记深刻指出", "总书记表示"],
)
def test_reporting_formulas_are_faults(phrase):
    assert "reporting" in (discover.zh_edge_fault(phrase) or "")


@pytest.mark.parametrize("phrase", ["女士们、先生们、朋友们", "同志们、朋友们", "同志们", "广大青年朋友们"])
def test_forms_of_address_are_faults(phrase):
    """A speech's greeting names its audience; the 2020 speeches gave 女士们、先生们、朋友们 as their
    seventh new phrase ('ladies, teachers and friends'). 孩子们 and 朋友们的支持 stay phrases."""
    assert "address" in (discover.zh_edge_fault(phrase) or "")
    assert discover.zh_edge_fault("孩子们") is None and discover.zh_edge_fault("朋友们的支持") is None


@pytest.mark.parametrize("phrase", ["我们要坚持", "我们将继续", "我们在这里隆重集会", "历史和现实都告诉我们"])
def test_clauses_with_a_personal_pronoun_are_faults(phrase):
    """A pronoun subject before a verb or adverb, or a pronoun object, makes a sentence of the
    speech, not a phrase; 我们党 (our Party) stays."""
    assert "clause" in (discover.zh_edge_fault(phrase) or "")
    assert discover.zh_edge_fault("我们党") is None


@pytest.mark.parametrize("phrase", ["新华社北京", "新华社记者", "新华社北京9月8日电", "人民日报记者", "央视网消息"])
def test_news_datelines_and_bylines_are_faults(phrase):
    """An agency's name with only a place, a date or 记者 after it heads an article; the 2020
    speeches gave 新华社北京 (48 times) as their 24th new phrase."""
    assert "dateline" in (discover.zh_edge_fault(phrase) or "")


@pytest.mark.parametrize(
    "phrase",
    ["坚持和发展中国特色社会主义", "以习近平新时代中国特色社会主义思想为指导", "为人民谋幸福", "改革开放以来",
     "不忘初心、牢记使命", "十八大", "不想腐", "总要求", "十一个坚持", "高质量发展", "打赢脱贫攻坚战",
     "我国社会主义制度", "健全总揽全局、协调各方的党的领导制度体系", "改革发展稳定", "决策部署", "重要指示",
     "决战决胜脱贫攻坚", "坚持依法治国、依法执政、依法行政共同推进", "监督检查", "可持续发展", "新华社",
     "新华社评论员文章"],
)
def test_whole_phrases_have_no_edge_fault(phrase):
    assert discover.zh_edge_fault(phrase) is None


def test_edge_words_are_curated_with_a_reason():
    words = discover.edge_words()
    assert words["要"] == "modal" and words["指出"] == "reporting" and words["发挥"] == "transitive"
    assert set(words.values()) == {"modal", "reporting", "transitive", "complement", "opening", "agency", "address"}


# Made-up sentences: each frame recurs with varied words on both sides, so discovery finds it.
_LEFT = ["各级党委", "全体党员", "基层组织", "青年干部", "每个支部", "领导班子"]
_RIGHT = ["人民至上", "问题导向", "系统观念", "守正创新", "自我革命", "胸怀天下"]


def _frame_texts(frame: str) -> list[str]:
    return [f"{a}{frame}{b}。" for a, b in itertools.product(_LEFT, _RIGHT)]


@pytest.mark.parametrize(
    ("frame", "bad"),
    [("要坚持", "要坚持"), ("习近平总书记指出", "习近平总书记指出"), ("始终深入推进", "始终深入推进")],
)
def test_discovery_drops_phrases_with_bad_edges(monkeypatch, frame, bad):
    texts = _frame_texts(frame)
    assert bad not in _new_phrases(texts)
    # the same texts without the edge test do give it: the test can fail
    monkeypatch.setattr(discover, "zh_edge_fault", lambda phrase: None)
    assert bad in _new_phrases(texts)


def test_discovery_keeps_a_whole_phrase_in_the_same_frames():
    assert "坚持以人民为中心" in _new_phrases(_frame_texts("坚持以人民为中心"))


# -- pinyin follows the phrase's own words --------------------------------------------------------
def test_pinyin_never_reads_a_glossary_term_across_two_words(shipped):
    writer = PinyinWriter(shipped)
    assert any(t.zh_hans == "全总" for t in shipped)  # the ACFTU's abbreviation is a term
    got = writer.orthographic("健全总揽全局、协调各方的党的领导制度体系")
    assert "Quánzǒng" not in got
    assert got.startswith("jiànquán zǒnglǎn")
    assert writer.orthographic("全总党组").startswith("Quánzǒng")  # the term itself is still read
    assert writer.orthographic("中华全国总工会") == "Zhōnghuá Quánguó Zǒnggōnghuì"


def test_extract_gives_new_phrases_pinyin_by_their_own_words(shipped):
    texts = [f"{a}健全总揽全局、协调各方的党的领导制度体系{b}。" for a, b in zip(_LEFT, _RIGHT)]
    df = extract_text(texts, "zh", glossary=shipped)
    row = next(r for r in df.iter_rows(named=True) if r["phrase"] == "健全总揽全局、协调各方的党的领导制度体系")
    assert row["pinyin"].startswith("jiànquán zǒnglǎn")


# -- the measure script ---------------------------------------------------------------------------
def _measure():
    spec = importlib.util.spec_from_file_location("measure_fragments", ROOT / "scripts" / "measure_fragments.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up
    spec.loader.exec_module(module)
    return module


def test_measure_counts_han_neighbours_of_every_occurrence():
    judge = _measure().judge
    v = judge("八大以来", ["党的十八大以来", "十八大以来，", "自十八大以来"], 0.9)
    assert (v.occurrences, v.side, v.neighbour, v.share) == (3, "left", "十", 1.0)
    v = judge("领土完整", ["主权和领土完整，", "维护领土完整", "国家领土完整"], 0.9)
    assert v.side == "" and v.occurrences == 3
    assert judge("指出", ["他指出，", "她指出："], 0.9).side == ""  # punctuation is a boundary
