"""Tests for glossary.align: exact pairing, several renderings, sentence alignment, bad input."""

from __future__ import annotations

import pytest

from glossary.alignment import AlignOptions, align, align_segments, sentence_pairs
from glossary.alignment.sentences import LengthModel, align_sentences, split_en, split_zh
from glossary.errors import InputError
from glossary.store import Glossary
from glossary.terms import Term


def term(id_: str, zh: str, en: str, alt: tuple[str, ...] = (), pinyin: str = "") -> Term:
    return Term(id=id_, zh_hans=zh, zh_hant=zh, pinyin=pinyin, pinyin_num="", en=en, en_alt=alt, category="concept",
                definition="x", status="official")


# A small parallel text written for these tests (not taken from any source).
PAIRS = [
    ("我们要推动绿色发展。", "We must promote green development."),
    ("绿色发展是长期任务。", "Green development is a long-term task."),
    ("各地坚持绿色发展和数字经济。", "All localities pursue green development and the digital economy."),
    ("数字经济增长很快。", "The digital economy grew rapidly."),
    ("我们要壮大数字经济。", "We will expand the digital economy."),
    ("乡村振兴取得进展。", "Rural revitalization made progress."),
    ("我们推进乡村振兴。", "We advanced rural revitalization."),
    ("乡村振兴需要人才。", "Rural revitalization needs talent."),
    ("今年天气很好。", "The weather was fine this year."),
    ("农民收入增加。", "Farmers earned more."),
]

GLOSSARY = Glossary((
    term("xiangcun-zhenxing", "乡村振兴", "rural revitalization"),
    term("shuzi-jingji", "数字经济", "digital economy", pinyin="shùzì jīngjì"),
))


def top(df, zh: str) -> dict:
    rows = df.filter((df["zh"] == zh) & (df["rank"] == 1)).to_dicts()
    assert rows, f"no proposal for {zh}"
    return rows[0]


def test_exact_alignment_on_small_text():
    df = align_segments(PAIRS, glossary=GLOSSARY, options=AlignOptions(dictionary=False))
    assert top(df, "乡村振兴")["en"] == "rural revitalization"
    assert top(df, "乡村振兴")["agrees"] is True
    assert top(df, "数字经济")["en"] == "digital economy"
    # 绿色发展 is not in the glossary: it comes from phrase discovery
    green = top(df, "绿色发展")
    assert green["en"].lower() == "green development"
    assert green["in_glossary"] is False and green["agrees"] is None
    assert green["support"] == 3 and green["occurrences"] == 3


def test_columns_and_example():
    df = align_segments(PAIRS, glossary=GLOSSARY, options=AlignOptions(dictionary=False))
    for col in ("zh", "pinyin", "en", "score", "support", "agrees", "glossary_en", "example_zh", "example_en"):
        assert col in df.columns
    row = top(df, "数字经济")
    assert "数字经济" in row["example_zh"] and "digital economy" in row["example_en"]
    assert row["pinyin"] == "shùzì jīngjì"  # a glossary term keeps its curated pinyin
    assert top(df, "绿色发展")["pinyin"] == "lǜsè fāzhǎn"  # a new phrase gets written pinyin
    assert top(df, "绿色发展")["pinyin"].replace(" ", "").lower().startswith("lǜsè")


def test_disagreement_reports_glossary_rendering():
    g = Glossary((term("xiangcun-zhenxing", "乡村振兴", "rural vitalization"),))
    row = top(align_segments(PAIRS, glossary=g, options=AlignOptions(dictionary=False)), "乡村振兴")
    assert row["en"] == "rural revitalization"
    assert row["agrees"] is False and row["glossary_en"] == "rural vitalization"


def test_several_renderings_with_shares():
    pairs = [
        ("我们坚持共同富裕。", "We pursue common prosperity."),
        ("共同富裕是目标。", "Common prosperity is the goal."),
        ("推进共同富裕。", "We advance common prosperity."),
        ("实现共同富裕。", "We will achieve prosperity for all."),
        ("走向共同富裕。", "We move towards prosperity for all."),
        ("天气很好。", "The weather was fine."),
        ("收入增加了。", "Incomes rose."),
    ]
    df = align_segments(pairs, glossary=Glossary((term("gongtong-fuyu", "共同富裕", "common prosperity"),)), options=AlignOptions(dictionary=False))
    rows = df.filter(df["zh"] == "共同富裕").sort("rank").to_dicts()
    assert [r["en"].lower() for r in rows[:2]] == ["common prosperity", "prosperity for all"]
    assert rows[0]["share"] == pytest.approx(0.6) and rows[1]["share"] == pytest.approx(0.4)
    assert rows[0]["agrees"] is True and rows[1]["agrees"] is False


def test_anchor_removes_explained_words():
    # 数字经济 always appears with 发展壮大; without anchors "digital economy" would compete
    pairs = [
        ("发展壮大数字经济。", "Grow the digital economy."),
        ("我们发展壮大数字经济。", "We will grow the digital economy."),
        ("继续发展壮大数字经济。", "Continue to grow the digital economy."),
        ("天气很好。", "The weather was fine."),
    ]
    g = Glossary((term("shuzi-jingji", "数字经济", "digital economy"), term("fazhan-zhuangda", "发展壮大", "grow")))
    df = align_segments(pairs, glossary=g, options=AlignOptions(dictionary=False, discover=False))
    row = top(df, "发展壮大")
    assert row["en"].lower() == "grow"


def test_sentence_splitting():
    assert split_zh("第一句。第二句！第三句？") == ["第一句。", "第二句！", "第三句？"]
    assert split_en("First one. Second one!Third.Fourth") == ["First one.", "Second one!", "Third.", "Fourth"]
    assert split_en("Mr. Li met Dr. Wang. They talked.") == ["Mr. Li met Dr. Wang.", "They talked."]
    assert split_zh("甲段。 ¶ 乙段") == ["甲段。", "乙段"]


def test_paragraph_to_sentence_alignment():
    zh = ["今年经济稳定增长。", "城镇新增就业一千三百万人，失业率保持低位，居民收入继续增加。", "物价平稳。"]
    en = [
        "The economy grew steadily this year.",
        "Over 13 million new urban jobs were added.",
        "The unemployment rate stayed low, and personal incomes continued to rise.",
        "Prices were stable.",
    ]
    beads = align_sentences(zh, en, LengthModel())
    assert [(b.zh_start, b.zh_end, b.en_start, b.en_end) for b in beads] == [(0, 1, 0, 1), (1, 2, 1, 3), (2, 3, 3, 4)]


def test_units_are_split_into_sentence_pairs():
    unit = ("绿色发展很重要。数字经济增长很快。", "Green development matters. The digital economy grew fast.")
    pairs = sentence_pairs([unit, ("天气好。", "Fine weather.")])
    assert [(p.zh, p.en) for p in pairs][:2] == [
        ("绿色发展很重要。", "Green development matters."),
        ("数字经济增长很快。", "The digital economy grew fast."),
    ]
    assert len(sentence_pairs([unit], split_sentences=False)) == 1


def test_unequal_segment_counts(tmp_path):
    (tmp_path / "zh.txt").write_text("一。\n\n二。\n\n三。\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text("One.\n\nTwo.\n", encoding="utf-8")
    with pytest.raises(InputError, match="cannot align"):
        align(tmp_path / "zh.txt", tmp_path / "en.txt", glossary=GLOSSARY)


def test_empty_sides():
    with pytest.raises(InputError, match="empty"):
        align_segments([("", "Some text."), ("", "More.")], glossary=GLOSSARY)
    with pytest.raises(InputError, match="English side .* empty"):
        align_segments([("中文。", " "), ("更多。", "")], glossary=GLOSSARY)
    with pytest.raises(InputError, match="input is empty"):
        align_segments([], glossary=GLOSSARY)


def test_wrong_language():
    with pytest.raises(InputError, match="swapped"):
        align_segments([(e, z) for z, e in PAIRS], glossary=GLOSSARY)
    with pytest.raises(InputError, match="English side .* Chinese"):
        align_segments([(z, z) for z, _ in PAIRS], glossary=GLOSSARY)
    with pytest.raises(InputError, match="little or no Chinese"):
        align_segments([(e, e) for _, e in PAIRS], glossary=GLOSSARY)


def test_tsv_input(tmp_path):
    path = tmp_path / "memory.tsv"
    path.write_text("id\tzh\ten\n" + "".join(f"{i}\t{z}\t{e}\n" for i, (z, e) in enumerate(PAIRS, 1)), encoding="utf-8")
    df = align(path, glossary=GLOSSARY, options=AlignOptions(dictionary=False, discover=False))
    assert set(df["zh"]) == {"乡村振兴", "数字经济"}
    assert top(df, "乡村振兴")["example_ref"].startswith("memory.tsv:")


def test_a_rendering_needs_min_support_pairs_not_repeats_in_one():
    """One pair naming a word twice beside a phrase said twice is one pair of evidence, not two:
    min_support counts segment pairs (the first-day report saw "1 pair" rows under min-support 2)."""
    pairs = [
        *PAIRS,
        ("乡村振兴和乡村振兴规划都要抓好。", "Village plans and village programmes both matter."),
    ]
    df = align_segments(pairs, glossary=GLOSSARY, options=AlignOptions(dictionary=False))
    assert df.height and df["support"].min() >= 2
    assert top(df, "乡村振兴")["en"] == "rural revitalization"
    assert "village" not in df.filter(df["zh"] == "乡村振兴")["en"].str.to_lowercase().to_list()
    one = align_segments(pairs, glossary=GLOSSARY, options=AlignOptions(dictionary=False, min_support=1))
    assert one["support"].min() == 1  # the limit is the option's, not a fixed rule


def test_a_further_rendering_the_dictionary_does_not_relate_is_dropped():
    """职工 → "aged-care pension" (from 职工养老保险) in the first-day report: a second rendering
    that is a word of the context. With CC-CEDICT, a rank-2+ rendering must share meaning with
    the phrase or be one of the term's glossary renderings; without the dictionary it stays."""
    pairs = [
        *PAIRS,
        ("乡村振兴养老保险很重要。", "Pension insurance matters."),
        ("乡村振兴养老保险扩大了。", "Pension insurance expanded."),
    ]
    with_dict = align_segments(pairs, glossary=GLOSSARY, options=AlignOptions(dictionary=True))
    assert with_dict.filter(with_dict["zh"] == "乡村振兴")["en"].to_list() == ["rural revitalization"]
    plain = align_segments(pairs, glossary=GLOSSARY, options=AlignOptions(dictionary=False))
    assert "pension" in " ".join(plain.filter(plain["zh"] == "乡村振兴")["en"].to_list()).lower()
    # a glossary rendering is kept as a further rendering even where the dictionary is silent
    known = Glossary((term("xiangcun-zhenxing", "乡村振兴", "rural revitalization", alt=("pension insurance",)),))
    kept = align_segments(pairs, glossary=known, options=AlignOptions(dictionary=True))
    assert "pension insurance" in [e.lower() for e in kept.filter(kept["zh"] == "乡村振兴")["en"].to_list()]


def test_progress_reports_the_stages_in_order(capsys):
    heard: list[tuple[str, int, int]] = []
    align_segments(PAIRS, glossary=GLOSSARY, options=AlignOptions(dictionary=False),
                   progress=lambda stage, done, total: heard.append((stage, done, total)))
    stages = [s for s, _, _ in heard]
    assert stages.index("reading") < stages.index("model") < stages.index("pairing")
    assert heard[-1][0] == "pairing" and heard[-1][1] == heard[-1][2] > 0
    assert ("reading", 0, len(PAIRS)) in heard

    from glossary.progress import StageProgress

    bar = StageProgress("align")
    bar("reading", 0, 10)
    bar("reading", 5, 10)
    bar("pairing", 3, 4)
    bar.close()
    err = capsys.readouterr().err
    assert "align: reading [" in err and " 50% 5/10" in err and "align: pairing [" in err and " 75% 3/4" in err
