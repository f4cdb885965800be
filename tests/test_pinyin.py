"""GB/T 16159 orthography: joining, capitals, apostrophes, numerals, polyphones, set phrases."""

from __future__ import annotations

import pytest

from glossary.pinyin import PinyinWriter, orthographic
from glossary.store import Glossary
from glossary.tones import mark_syllable, numbered_to_marked, strip_tones

W = PinyinWriter(Glossary(()))  # rules alone, no glossary terms


@pytest.mark.parametrize(
    "text, expected",
    [
        ("两个维护", "liǎng gè wéihù"),  # numeral and measure word apart
        ("四个意识", "sì gè yìshí"),
        ("中国式现代化", "Zhōngguóshì xiàndàihuà"),  # suffix 式 attached
        ("中华人民共和国", "Zhōnghuá Rénmín Gònghéguó"),  # proper noun: each word capitalised
        ("中国共产党第二十次全国代表大会", "Zhōngguó Gòngchǎndǎng dì-èrshí cì Quánguó Dàibiǎo Dàhuì"),
        ("西安", "Xī'ān"),  # apostrophe
        ("天安门", "Tiān'ānmén"),
        ("实事求是", "shíshì-qiúshì"),  # set phrase: two halves
        ("为人民服务", "wèi rénmín fúwù"),  # polyphone correction
        ("行业工会", "hángyè gōnghuì"),
        ("王东明同志", "Wáng Dōngmíng tóngzhì"),  # surname apart, title lowercase
        ("人类命运共同体", "rénlèi mìngyùn gòngtóngtǐ"),
        ("副主席", "fùzhǔxí"),  # prefix attached
        ("毛泽东思想", "Máo Zédōng Sīxiǎng"),  # CC-CEDICT capitalises the doctrine; surname apart
        ("深度融合", "shēndù rónghé"),  # a common CC-CEDICT word, whatever jieba's place tag
        ("依法治国", "yīfǎ zhìguó"),  # CC-CEDICT reads it in lowercase: jieba's place tag loses
        ("美丽中国", "měilì Zhōngguó"),
        ("中央军委主席", "Zhōngyāng Jūnwěi zhǔxí"),  # jieba's organisation tag stands
        ("马克思主义", "Mǎkèsī zhǔyì"),  # a foreign name stays one word
        ("党中央权威和集中统一领导", "Dǎng Zhōngyāng quánwēi hé jízhōng tǒngyī lǐngdǎo"),  # 权威 is no name
        ("与时俱进", "yǔshí-jùjìn"),  # set phrase whose halves are not words
        ("群众路线", "qúnzhòng lùxiàn"),  # two words, not a set phrase
        ("同党中央保持高度一致", "tóng Dǎng Zhōngyāng bǎochí gāodù yīzhì"),  # 一 in its citation tone
        ("党的领导", "dǎng de lǐngdǎo"),  # the particle 的 stands apart
        ("延安精神", "Yán'ān jīngshén"),  # proper noun capitalised on itself only
        # a dictionary word ending in a particle's character keeps it (was "qǔ dé", "tǔ dì", "tōng guò")
        ("取得重大战略成果", "qǔdé zhòngdà zhànlüè chéngguǒ"),
        ("土地", "tǔdì"),
        ("通过", "tōngguò"),
        ("为了", "wèile"),
        ("宅基地", "zháijīdì"),  # a final 地 is the noun, not a particle glued to 宅基
        # the adverbial particle 地 is de (pypinyin reads the noun dì)
        ("坚定地走", "jiāndìng de zǒu"),
        ("坚持不懈地推进", "jiānchí-bùxiè de tuījìn"),
        ("走了", "zǒu le"),  # a particle jieba glued to a verb stands apart
        # 各 stands apart from the noun or measure word after it (GB/T 16159), not in 各自, 各个
        ("世界各国", "shìjiè gè guó"),
        ("各级政府", "gè jí zhèngfǔ"),
        ("各自", "gèzì"),
    ],
)
def test_orthography_rules(text, expected):
    assert W.orthographic(text) == expected


def test_glossary_terms_keep_their_checked_pinyin(mini):
    w = PinyinWriter(mini)
    assert w.orthographic("学习枫桥经验") .endswith("Fēngqiáo jīngyàn")


def test_numbered_and_toneless():
    assert W.numbered("为人民服务") == "wei4 ren2 min2 fu2 wu4"
    assert W.orthographic("西安", tones=False) == "Xi'an"


def test_punctuation_and_latin_pass_through():
    out = W.orthographic("两个维护，四个意识")
    assert out == "liǎng gè wéihù, sì gè yìshí"
    assert W.orthographic("坚持“两个维护”。") == "jiānchí “liǎng gè wéihù”."
    assert W.orthographic("12351热线").startswith("12351")


def test_module_function_uses_shipped_corrections():
    assert orthographic("为人民服务") == "wèi rénmín fúwù"


def test_tone_helpers():
    assert mark_syllable("lv3") == "lǚ"
    assert mark_syllable("gou4") == "gòu"
    assert mark_syllable("de5") == "de"
    assert numbered_to_marked("liang3 ge4") == "liǎng gè"
    assert strip_tones("Zhōngguó") == "Zhongguo"


def test_generator_agrees_with_hand_checked_data(shipped):
    """Every entry's hand-checked pinyin against the generator run without that entry.

    Disagreements are expected (the data is the authority) and are listed; what must hold is
    that the syllables agree once the project's polyphone corrections and the entry's own
    pinyin_note are taken into account.
    """
    import re

    from glossary.pinyin import PinyinWriter
    from glossary.tones import strip_tones as st

    bare = PinyinWriter(Glossary(()))

    def syl(text: str) -> list[str]:
        return [s.replace("ü", "v") for s in text.split() if re.fullmatch(r"[a-zü]+[1-5]", s)]

    disagreements = []
    syllable_mismatch = []
    for t in shipped:
        generated = bare.orthographic(t.zh_hans)
        if generated != t.pinyin:
            disagreements.append((t.id, t.pinyin, generated))
        if syl(bare.numbered(t.zh_hans)) != syl(t.pinyin_num) and not t.pinyin_note:
            syllable_mismatch.append((t.id, t.pinyin_num, bare.numbered(t.zh_hans)))
    print(f"\n{len(disagreements)} of {len(shipped)} entries differ from the generator's orthography:")
    for row in disagreements:
        print("  ", *row, sep=" | ")
    assert not syllable_mismatch, syllable_mismatch
    # the generator must get the letters right (spacing and capitals may differ) for most entries
    letters_ok = sum(
        1 for t in shipped
        if re.sub(r"[^a-z0-9]", "", st(bare.orthographic(t.zh_hans)).lower())
        == re.sub(r"[^a-z0-9]", "", st(t.pinyin).lower())
    )
    assert letters_ok / len(shipped) > 0.9


def test_every_recorded_correction_is_kept(shipped):
    """Entries with a pinyin_note record where pypinyin is wrong; the writer must use the fix."""

    w = PinyinWriter(shipped)
    corrected = [t for t in shipped if t.pinyin_note]
    assert corrected, "the shipped data records at least one pypinyin correction"
    quotes = str.maketrans("", "", "“”‘’\"")  # a quoted term's pinyin columns leave its quotes out
    for t in corrected:
        syllables = [s for s in w.numbered(t.zh_hans).split() if s.isalnum()]  # punctuation is no syllable
        assert syllables == t.pinyin_num.split(), t.id
        assert " ".join(w.orthographic(t.zh_hans).translate(quotes).split()) == t.pinyin, t.id


def test_project_fixes_file_is_applied():
    from glossary.pinyin import project_fixes

    fixes = project_fixes()
    assert "为人民服务" in fixes
    for phrase, syl in fixes.items():
        assert W.numbered(phrase).split() == list(syl)


def test_dictionary_words_are_joined_in_curated_pinyin(shipped):
    """GB/T 16159 joins a dictionary word: 面对面 is one word, miànduìmiàn (not miàn duì miàn)."""
    import glossary

    assert glossary.orthographic("面对面") == "miànduìmiàn"
    assert shipped.lookup("面对面")[0].term.pinyin == "miànduìmiàn"


def test_traditional_input_keeps_the_orthography(shipped):
    """Traditional characters go through their simplified forms: the glossary's pinyin and the
    word joining apply (before: 中國式現代化 gave 'zhōng guóshì xiàn dàihuà')."""
    w = PinyinWriter(shipped)
    assert w.orthographic("中國式現代化") == w.orthographic("中国式现代化") == "Zhōngguóshì xiàndàihuà"
    assert w.numbered("爲人民服務") == "wei4 ren2 min2 fu2 wu4"


@pytest.mark.parametrize(
    "zh, pinyin, num, expected",
    [
        ("新时代“枫桥经验”", "xīn shídài Fēngqiáo jīngyàn", "xin1 shi2 dai4 feng1 qiao2 jing1 yan4",
         "xīn shídài “Fēngqiáo jīngyàn”"),
        ("“一带一路”国际合作高峰论坛", "Yīdài-Yīlù Guójì Hézuò", "yi1 dai4 yi1 lu4 guo2 ji4 he2 zuo4",
         "“Yīdài-Yīlù” Guójì Hézuò"),
        ("学习《资本论》", "xuéxí Zīběnlùn", "xue2 xi2 zi1 ben3 lun4", "xuéxí «Zīběnlùn»"),
        ("“三期叠加”时期", "sān qī diéjiā shíqī", "san1 qi1 die2 jia1 shi2 qi1", "“sān qī diéjiā” shíqī"),
        # a mark inside a joined word, or pinyin that disagrees with its syllables: left as it is
        ("新“国九条”", "xīnguójiǔtiáo", "xin1 guo2 jiu3 tiao2", "xīnguójiǔtiáo"),
        ("“第一”制度", "dì-yī zhìdù", "di4 yi1 zhi4", "dì-yī zhìdù"),
    ],
)
def test_quoted_puts_a_terms_quotation_marks_back(zh, pinyin, num, expected):
    from glossary.pinyin import quoted

    assert quoted(zh, pinyin, num.split()) == expected


def test_quoted_glossary_terms_keep_their_quotes_in_running_text(shipped):
    w = PinyinWriter(shipped)
    assert w.orthographic("发展新时代“枫桥经验”") == "fāzhǎn xīn shídài “Fēngqiáo jīngyàn”"
    assert w.orthographic("学习“三个代表”重要思想。") == "xuéxí “Sān gè Dàibiǎo” zhòngyào sīxiǎng."
    quoted_terms = [t for t in shipped if "“" in t.zh_hans]
    assert quoted_terms
    for t in quoted_terms:  # every shipped quoted term gets both marks back
        out = w.orthographic(t.zh_hans)
        assert out.count("“") == t.zh_hans.count("“") and out.count("”") == t.zh_hans.count("”"), t.id


def test_kuang_of_kuangjia_is_the_fourth_tone_in_running_text():
    """框 is read kuàng throughout (the 1985 table of standard readings); pypinyin gives kuāng.
    The project's fix applies to text the glossary does not hold, and the curated rows agree."""
    assert W.numbered("合作框架").split()[-2:] == ["kuang4", "jia4"]
    assert W.orthographic("合作框架").endswith("kuàngjià")


def test_xietiao_after_he_in_running_text():
    """pypinyin takes 和协 as a word before 调 and reads 协调 xiédiào after 和 (…和协调发展); the
    project's fix keeps 协调 "coordinate" xiétiáo in text the glossary does not hold."""
    assert W.numbered("统筹区域和协调发展").split()[4:7] == ["he2", "xie2", "tiao2"]
    assert "xiétiáo" in W.orthographic("统筹区域和协调发展")


def test_pinyin_key_keeps_a_toned_u_umlaut():
    """ǜ is one precomposed character: the key must turn it into v as it does a bare ü, so that
    hónglǜdēng and the numbered lv4 give the same key (a quoted term with 绿 lost its marks)."""
    from glossary.forms import pinyin_key

    assert pinyin_key("hónglǜdēng") == pinyin_key("hong2 lv4 deng1") == "honglvdeng"
    assert pinyin_key("Nǚ") == pinyin_key("nü3") == "nv"


def test_the_prefix_fan_of_fanfubai_is_joined_in_every_row(shipped):
    """反 of 反腐败 is a prefix, written joined (GB/T 16159: fǎndàndào dǎodàn), and the table
    writes it so in every row (it had both forms), so running text does too."""
    rows = [t for t in shipped if "反腐败" in t.zh_hans]
    assert len(rows) >= 8
    assert all("fǎnfǔbài" in t.pinyin.lower() for t in rows), [t.id for t in rows if "fǎnfǔbài" not in t.pinyin.lower()]
    assert PinyinWriter(shipped).orthographic("坚持反腐败斗争") == "jiānchí fǎnfǔbài dòuzhēng"


def _syllables_of(term, start: int, length: int) -> list[str]:
    """The pinyin_num syllables of zh_hans[start:start+length] (punctuation has no syllable)."""
    from glossary.forms import is_han

    at = [i for i, ch in enumerate(term.zh_hans) if is_han(ch) or ch.isalnum()]
    syl = term.pinyin_num.split()
    return [syl[at.index(i)] for i in range(start, start + length)]


@pytest.mark.parametrize(
    "word, expected",
    [
        # the polyphone audit of December 2026: one word per audited character, read in every
        # row that holds it as the standard dictionary reads it in that sense
        ("银行", "yin2 hang2"),  # 行 'firm, bank'
        ("为人民服务", "wei4 ren2 min2 fu2 wu4"),  # 为 'for'
        ("为中心", "wei2 zhong1 xin1"),  # 以…为… 'take as'
        ("长效", "chang2 xiao4"),  # 长 'long'
        ("部长", "bu4 zhang3"),  # 长 'head'
        ("重塑", "chong2 su4"),  # 重 'again'
        ("书记处", "shu1 ji4 chu4"),  # 处 'office'
        ("处分", "chu3 fen4"),
        ("供养", "gong1 yang3"),  # 供 'provide'
        ("应纳税", "ying1 na4 shui4"),  # 应 'ought to'
        ("协调", "xie2 tiao2"),  # 调 'coordinate' (one row had pypinyin's diào)
        ("调查", "diao4 cha2"),
        ("强迫", "qiang3 po4"),  # 强 'force'
        ("相机", "xiang4 ji1"),  # 相 'watch for (the moment)'
        ("间谍", "jian4 die2"),
        ("好战", "hao4 zhan4"),  # 好 'be fond of'
        ("宗教", "zong1 jiao4"),
        ("种粮", "zhong4 liang2"),  # 种 'grow'
        ("干涉", "gan1 she4"),
        ("朝夕", "zhao1 xi1"),
        ("碳中和", "tan4 zhong1 he2"),
        ("正当", "zheng4 dang4"),  # 当 'proper'
        ("数据", "shu4 ju4"),
        ("自省", "zi4 xing3"),  # 省 'examine oneself'
        ("藏传", "zang4 chuan2"),  # 藏 'Tibetan'
        ("率先", "shuai4 xian1"),
        ("将至", "jiang1 zhi4"),
        ("降费", "jiang4 fei4"),
        ("便民", "bian4 min2"),
        ("随借随还", "sui2 jie4 sui2 huan2"),  # 还 'repay'
        ("参事", "can1 shi4"),
        ("劳模", "lao2 mo2"),
        ("薄弱", "bo2 ruo4"),
        ("都市圈", "du1 shi4 quan1"),
        ("供给", "gong1 ji3"),
        ("三角", "san1 jiao3"),
        ("折旧", "zhe2 jiu4"),
        ("临难", "lin2 nan4"),  # 难 'danger, disaster'
        ("祸几", "huo4 ji1"),  # 几 'incipient sign'
        ("的确定性", "de5 que4 ding4 xing4"),  # the particle, not 的确 'indeed'
        ("行得通", "xing2 de5 tong1"),  # potential-complement 得
        ("好省地", "hao3 sheng3 de5"),  # adverbial 地
        ("着力", "zhuo2 li4"),
        ("了不起", "liao3 bu4 qi3"),
    ],
)
def test_polyphone_readings_agree_in_every_row(shipped, word, expected):
    """Every row holding *word* reads it alike; the table once wrote 协调 xiédiào in one row."""
    rows = [t for t in shipped if word in t.zh_hans]
    assert rows, word
    wrong = [
        (t.id, _syllables_of(t, t.zh_hans.index(word), len(word)))
        for t in rows
        if _syllables_of(t, t.zh_hans.index(word), len(word)) != expected.split()
    ]
    assert not wrong, wrong


@pytest.mark.parametrize("char, tone", [("一", "yi1"), ("不", "bu4")])
def test_yi_and_bu_keep_their_citation_tones_in_every_row(shipped, char, tone):
    """pinyin_num writes 一 and 不 in their citation tones whatever follows (no tone sandhi and no
    neutral 不 in a potential complement: one row had 下不来 with bu5)."""
    wrong = [
        (t.id, s)
        for t in shipped
        for i, ch in enumerate(t.zh_hans)
        if ch == char and (s := _syllables_of(t, i, 1)[0]) != tone
    ]
    assert not wrong, wrong


def test_meng_of_mongolia_is_third_tone():
    """蒙 is měng in 蒙古 (Mongolia, the Mongols), méng elsewhere (沂蒙, 蒙特利尔); pypinyin reads
    méng in 蒙古 and 内蒙古. The table's rows and running text both say měng."""
    from glossary import load

    g = load()
    assert g.get("neimenggu-zizhiqu").pinyin_num.split()[:3] == ["nei4", "meng3", "gu3"]
    assert W.numbered("内蒙古的草原").split()[:3] == ["nei4", "meng3", "gu3"]
    assert "Yíméng" in W.orthographic("沂蒙精神")


def test_four_character_idioms_are_hyphenated_and_slogans_written_by_words(shipped):
    """GB/T 16159's rule for four-character idioms (two hyphenated halves, or joined whole) is
    for real idioms; a policy slogan of two words is written as those two words, apart
    (docs/pinyin.md, "Four-character phrases"). The idiom pinyin pass settled the table so."""
    from glossary.cedict import is_idiom
    from glossary.forms import is_han

    four = [t for t in shipped if len(t.zh_hans) == 4 and all(is_han(ch) for ch in t.zh_hans)]
    idioms = [t for t in four if is_idiom(t.zh_hans)]
    assert len(idioms) >= 30
    assert [t.id for t in idioms if " " in t.pinyin] == []
    for zh, pinyin in (("和而不同", "hé'ér-bùtóng"), ("天下为公", "tiānxià-wéigōng"), ("见贤思齐", "jiànxián-sīqí"),
                       ("不正之风", "bùzhèng-zhīfēng"), ("简政放权", "jiǎnzhèng fàngquán"),
                       ("减税降费", "jiǎnshuì jiàngfèi"), ("扫黑除恶", "sǎohēi chú'è"), ("守正创新", "shǒuzhèng chuàngxīn"),
                       ("保供稳价", "bǎogōng wěnjià"), ("复工复产", "fùgōng fùchǎn")):
        assert shipped.lookup(zh)[0].term.pinyin == pinyin, zh
    inside = [t for t in shipped if "当家作主" in t.zh_hans]
    assert len(inside) >= 4
    assert all("dāngjiā-zuòzhǔ" in t.pinyin for t in inside), [t.id for t in inside if "dāngjiā-zuòzhǔ" not in t.pinyin]


def test_di_after_a_one_character_adverb_is_no_particle():
    """jieba tags 地 in 就地保护 as the particle too; 就地 "on the spot" is a word, read dì."""
    assert "dì" in W.orthographic("就地保护") and " de " not in W.orthographic("就地保护")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("以改革创新为动力", "yǐ gǎigé chuàngxīn wéi dònglì"),  # pypinyin gave wèi
        ("以经济建设为中心", "yǐ jīngjì jiànshè wéi zhōngxīn"),
        ("以此为契机", "yǐcǐ wéi qìjī"),
    ],
)
def test_the_wei_of_a_yi_wei_frame(text, expected):
    """以 … 为 + a frame head ("take … as the driver, the centre …") reads wéi; a 为 before
    anything else is "for" and keeps wèi."""
    assert W.orthographic(text) == expected
    assert "wèi shìjiè" in W.orthographic("以中国新发展为世界提供新机遇")


def test_a_glossary_term_inside_the_frame_and_a_term_that_reads_wei(shipped):
    """The frame is found across a glossary term (工农联盟) that cuts the text into runs, and a
    term's own reading stands (为人民服务 is wèi)."""
    w = PinyinWriter(shipped)
    assert w.orthographic("以工农联盟为基础") == "yǐ gōngnóng liánméng wéi jīchǔ"
    assert w.orthographic("以为人民服务为宗旨") == "yǐ wèi rénmín fúwù wéi zōngzhǐ"
