"""Simplified/traditional conversion: curated term forms win over OpenCC."""

from __future__ import annotations

from glossary.script import opencc_convert, to_simplified, to_traditional
from glossary.terms import Term

GANYU = Term(id="zhengfu-ganyu", zh_hans="政府干预", zh_hant="政府干預", pinyin="zhèngfǔ gānyù",
             pinyin_num="zheng4 fu3 gan1 yu4", en="government intervention", category="concept",
             definition="d", status="proposed")


def test_opencc_alone_gets_ganyu_wrong():
    # the reason the curated column exists (if OpenCC fixes this, the test tells us)
    assert opencc_convert("政府干预", "s2t") == "政府幹預"


def test_curated_form_protects_the_term_inside_text():
    out = to_traditional("反对政府干预市场", [GANYU])
    assert out == "反對政府干預市場"


def test_taiwan_character_forms_without_vocabulary_swaps():
    assert to_traditional("为人民服务，群众路线") == "為人民服務，群眾路線"
    assert to_traditional("国家信息化") == "國家信息化"  # not 資訊化


def test_back_to_simplified(mini):
    assert to_simplified("兩個維護和楓橋經驗", list(mini)) == "两个维护和枫桥经验"
    assert to_simplified("政府干預", [GANYU]) == "政府干预"


def test_lookup_with_traditional_card(shipped):
    from glossary.render import card

    m = shipped.lookup("兩個維護")[0]
    assert card(m, script="traditional").startswith("兩個維護")
    assert card(m, script="simplified").startswith("两个维护")


def test_conversion_puts_right_what_opencc_slips_on():
    """OpenCC writes 好乾部 and 偉大斗爭 inside longer phrases; an imported term's traditional form
    is made by this conversion, so it must not inherit the slip. 若干部门 keeps 若干."""
    assert to_traditional("好干部和若干部门进行伟大斗争") == "好幹部和若干部門進行偉大鬥爭"
    # OpenCC gives 夥伴 alone but 伙伴 inside 战略伙伴关系: one form, the Taiwan standard's
    assert to_traditional("伙伴") == to_traditional("伙伴关系")[:2] == "夥伴"
    assert to_traditional("全面战略合作伙伴关系") == "全面戰略合作夥伴關係"
