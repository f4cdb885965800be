"""Simplified/traditional conversion: curated term forms win over OpenCC."""

from __future__ import annotations

import pytest

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


# Traditional-script audit (December 2026): rows whose zh_hant OpenCC s2tw got wrong for the
# word's sense or against the table's own convention, each with the form it had before the fix.
# ``glossary validate`` cannot see these: OpenCC t2s turns both forms back into the same
# simplified text. docs/data-quality.md, "Traditional-script audit", has the counts.
AUDITED_ROWS = [
    # id, corrected zh_hant, the earlier (wrong) zh_hant
    ("cujin-rencai-quyu-heli-buju-he-xiediao-fazhan", "促進人才區域合理布局和協調發展", "促進人才區域合理佈局和協調發展"),
    ("tongchou-xiangcun-jichu-sheshi-he-gonggong-fuwu-buju", "統籌鄉村基礎設施和公共服務布局", "統籌鄉村基礎設施和公共服務佈局"),
    ("tuijin-gaodeng-jiaoyu-neihanshi-fazhan-youhua-gaodeng-jiaoyu-buju",
     "推進高等教育內涵式發展，優化高等教育布局", "推進高等教育內涵式發展，優化高等教育佈局"),
    ("chaoqian-buju-jianshe-weilai-chanye", "超前布局建設未來產業", "超前佈局建設未來產業"),
    ("shichang-zhunru-fumian-qingdan", "市場准入負面清單", "市場準入負面清單"),
    ("xunhui-fating", "巡迴法庭", "巡回法庭"),
]


@pytest.mark.parametrize(("term_id", "right", "wrong"), AUDITED_ROWS, ids=[r[0] for r in AUDITED_ROWS])
def test_audited_traditional_forms(shipped, term_id, right, wrong):
    term = shipped.get(term_id)
    assert term is not None, term_id
    assert term.zh_hant == right != wrong
    # the slip is invisible to the round trip validate checks: both forms give the same simplified
    assert opencc_convert(right, "t2s") == opencc_convert(wrong, "t2s") == term.zh_hans


# Words whose traditional form depends on the sense of an ambiguous simplified character, as the
# audit settled them: every row holding the simplified word writes this traditional form.
AUDITED_WORDS = [
    ("布局", "布局"),  # 'layout': the MOE dictionary's form; OpenCC writes 佈局 in some phrases
    ("准入", "准入"),  # 准 'permit', not 準 'standard'; OpenCC writes 市場準入
    ("巡回", "巡迴"),  # 迴 'go round'; OpenCC keeps 巡回法庭
    ("银发", "銀髮"),  # 髮 'hair', not 發
    ("干涉", "干涉"),
    ("干净", "乾淨"),
    ("制造", "製造"),
    ("关系", "關係"),
    ("联系", "聯繫"),
    ("征收", "徵收"),
    ("长征", "長征"),
    ("复兴", "復興"),
    ("重复", "重複"),
    ("准则", "準則"),
    ("回归", "回歸"),  # 'return' (of Hong Kong, Macao), not 迴歸 'regression'
]


@pytest.mark.parametrize(("simplified", "traditional"), AUDITED_WORDS, ids=[w[0] for w in AUDITED_WORDS])
def test_audited_word_forms_hold_across_the_table(shipped, simplified, traditional):
    rows = [t for t in shipped if simplified in t.zh_hans]
    assert rows, f"no row holds {simplified}: the sample no longer tests anything"
    wrong = []
    for t in rows:
        start = t.zh_hans.find(simplified)
        while start >= 0:
            got = t.zh_hant[start : start + len(simplified)]
            if got != traditional:
                wrong.append((t.id, got))
            start = t.zh_hans.find(simplified, start + 1)
    assert not wrong, wrong
