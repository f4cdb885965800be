"""glossary.extract: known terms, rules, discovery, nesting, inputs and errors (API level)."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from glossary.errors import InputError
from glossary.extraction import ExtractOptions, discover, extract, extract_text, rules
from glossary.store import Glossary

# Texts written for these tests (no corpus material).
ZH = (
    "我们要坚决做到两个维护，增强四个意识，坚定四个自信。"
    "基层干部坚持发展枫桥经验，全心全意为人民服务。"
    "各级党组织要做到两个维护，推广枫桥经验。"
)
EN = (
    'Cadres must achieve the "two maintenance" and learn from the Maple Bridge experience. '
    "The Two Upholds guide our work. Local officials spread the Fengqiao experience again."
)

# A made-up long formulation used in varied sentences, so that discovery must find it whole.
LONG = "新时代乡村振兴高质量发展战略"
PREFIXES = ["我们认真学习", "各地全面贯彻", "基层干部坚决落实", "全体党员深入领会", "企业职工积极宣传", "青年学生努力践行"]
SUFFIXES = ["取得明显成效", "推动工作落地", "形成良好氛围", "开创崭新局面", "凝聚强大力量", "赢得群众认可"]


def _rows(df, lang=None):
    return {r["phrase"]: r for r in df.iter_rows(named=True) if lang is None or r["lang"] == lang}


# -- Chinese ----------------------------------------------------------------------------------
def test_chinese_known_terms_with_pinyin_and_english(mini):
    df = extract_text(ZH, "zh", glossary=mini)
    rows = _rows(df)
    assert rows["两个维护"]["term_id"] == "liang-ge-weihu"
    assert rows["两个维护"]["count"] == 2
    assert rows["两个维护"]["en"] == "Two Upholds"
    assert rows["两个维护"]["pinyin"] == "liǎng gè wéihù"
    assert rows["枫桥经验"]["count"] == 2
    assert "glossary" in rows["两个维护"]["method"]
    assert any("[两个维护]" in c for c in rows["两个维护"]["contexts"])


def test_traditional_input_matches_and_gives_simplified(mini):
    df = extract_text(ZH.replace("两个维护", "兩個維護").replace("枫桥经验", "楓橋經驗"), "zh", glossary=mini)
    rows = _rows(df)
    assert rows["兩個維護"]["term_id"] == "liang-ge-weihu"
    assert rows["兩個維護"]["zh_hans"] == "两个维护"
    assert rows["楓橋經驗"]["en"] == "Fengqiao experience"


def test_numbered_formulations_found_by_rule_without_glossary():
    df = extract_text(ZH, "zh", glossary=Glossary(()))
    rows = _rows(df)
    for phrase in ("两个维护", "四个意识", "四个自信"):
        assert phrase in rows, phrase
        assert "numbered" in rows[phrase]["method"]
        assert rows[phrase]["term_id"] == ""
    assert rows["四个意识"]["pinyin"].startswith("sì gè")
    assert rows["两个维护"]["en_unreviewed"] is True


def test_english_of_new_phrases_is_composed_and_says_how(mini):
    text = "。".join(f"{p}坚持和发展马克思主义{s}" for p, s in zip(PREFIXES, SUFFIXES)) + "。两个维护。两个维护。"
    df = extract_text(text, "zh", glossary=mini)
    rows = _rows(df)
    known = rows["两个维护"]
    assert (known["en"], known["en_method"], known["en_confidence"], known["en_unreviewed"]) == ("Two Upholds", "glossary", 1.0, False)
    new = rows["坚持和发展马克思主义"]
    # the shipped lexicon gives 坚持 uphold and 发展 develop; mini lacks 马克思主义, so the
    # object comes from CC-CEDICT: composed English, not the old bag "persevere with + and + …"
    assert new["en"].startswith("uphold and develop ") and " + " not in new["en"]
    assert new["en_method"] == "composed" and 0.5 < new["en_confidence"] < 1.0 and new["en_unreviewed"] is True
    assert df.schema["en_confidence"] == pl.Float64


def test_zh_rules_shapes():
    found = {p: m for _, _, p, m in rules.zh_rules("推进“五位一体”总体布局，落实一函两书，实现中国式现代化，反对形式主义。两个一百年")}
    assert found["五位一体"] in ("numbered", "quoted")
    assert found["一函两书"] == "numbered"
    assert found["中国式现代化"] == "pattern"
    assert "两个一百年" in found
    assert not any(p.startswith("形式") for p in found)


@pytest.mark.parametrize(("lang", "text", "searched"), [
    ("auto", "the Two Upholds", "en"), ("auto", "两个维护 and the Two Upholds", "auto"),
    ("zh", "the Two Upholds", ""), ("zh", "两个维护", "zh"), ("en", "两个维护", "en"), ("en", "GDP", "en"),
])
def test_searched_lang_drops_chinese_where_no_chinese_character_stands(lang, text, searched):
    """Both passes of extraction ask one function which languages to look for in a text."""
    from glossary.extraction.scan import searched_lang

    assert searched_lang(lang, text) == searched


def test_a_text_without_chinese_characters_skips_the_chinese_passes(monkeypatch):
    """An English document holds no Chinese form and no Chinese rule phrase: extract asks
    neither the Chinese rules nor the Chinese automaton about it (a fifth of a second per MB of
    English), and finds what it found before."""
    from glossary.forms import has_han, is_han
    from glossary.matcher import TermMatcher

    for text in ("the Two Upholds", "〇", "中", "𠀀", "豈", "。，", ""):
        assert has_han(text) == any(is_han(ch) for ch in text), text
    english = 'We uphold the "Two Upholds" and the Fengqiao experience; the "four consciousness" again. ' * 3
    before = extract_text(english, "auto")
    asked: list[str] = []
    real_rules, real_spans = rules.zh_rules, TermMatcher.spans

    def spy_rules(text):
        asked.append("rules")
        return real_rules(text)

    def spy_spans(self, text, lang="auto", nested=False, en_tokens=None):
        asked.append(lang)
        return real_spans(self, text, lang, nested, en_tokens)

    monkeypatch.setattr(rules, "zh_rules", spy_rules)
    monkeypatch.setattr(TermMatcher, "spans", spy_spans)
    after = extract_text(english, "auto")
    assert asked and "rules" not in asked and set(asked) == {"en"}
    assert after.equals(before)
    asked.clear()
    extract_text("我们坚持两个维护。" + english, "auto")
    assert "rules" in asked and "auto" in asked


def test_en_rules_shapes():
    found = {p: m for _, _, p, m in rules.en_rules('We study the "four consciousness" and the Two Upholds. Two years passed. "Key to key" work.')}
    assert found["four consciousness"] == "numbered"
    assert found["Two Upholds"] == "numbered"
    assert found["Key to key"] == "quoted"
    assert not any(p.lower().startswith("two years") for p in found)


def test_en_rules_leave_quotations_in_chinese_to_the_chinese_rules():
    """A quotation holding Chinese characters (“90后”, a whole quoted sentence of a Chinese
    article) is no English phrase; one of Latin letters alone still is (“1+N”)."""
    text = "推动“1+N”模式，“90后”干部说：“到2020年现行标准下的农村贫困人口全部脱贫，是郑重承诺。”"
    found = [p for _, _, p, _ in rules.en_rules(text)]
    assert found == ["1+N"]


def test_en_rules_report_a_quoted_formulation_once():
    text = 'They said "the Two Upholds" and "Key to key". Then the Four Confidences, and "Three Stricts".'
    found = [(p, m) for _, _, p, m in rules.en_rules(text)]
    assert ("the Two Upholds", "numbered") in found and not any(p == "Two Upholds" for p, _ in found)
    assert ("Four Confidences", "numbered") in found  # after the quotes, unquoted: still found
    assert sum(1 for p, _ in found if "Three Stricts" in p) == 1



def test_en_numbered_pattern_finds_what_it_found_without_its_lookahead(seed_path):
    """The lookahead on the numbered pattern's first letter only speeds the scan: matches are those
    of the pattern without it, whatever the case (THE TWO, tHe fOur, the long s of ſix)."""
    import re

    plain = re.compile(rules._EN_NUMBERED.pattern.removeprefix("(?=[tfsen])"), re.IGNORECASE)
    assert plain.pattern != rules._EN_NUMBERED.pattern
    text = seed_path.read_text(encoding="utf-8") + " THE TWO Upholds; tHe fOur-Consciousnesses, ſix Points, nine\nthings, Eight-fold"
    found = [(m.span(), m.groups()) for m in rules._EN_NUMBERED.finditer(text)]
    assert found == [(m.span(), m.groups()) for m in plain.finditer(text)] and len(found) > 5

# -- discovery and nesting ----------------------------------------------------------------------
def _long_text() -> str:
    return "。".join(f"{p}{LONG}{s}" for p, s in zip(PREFIXES, SUFFIXES)) + "。"


def test_discovery_finds_the_whole_phrase_not_fragments():
    df = extract_text(_long_text(), "zh", glossary=Glossary(()), options=ExtractOptions(known=False))
    rows = _rows(df, "zh")
    assert LONG in rows
    assert rows[LONG]["count"] == 6
    assert rows[LONG]["method"] == "discovered"
    assert rows[LONG]["en_unreviewed"] is True and rows[LONG]["en"]
    # no overlapping pieces of it (a dictionary word inside it, such as 高质量, may stand alone)
    fragments = [p for p in rows if p != LONG and (p in LONG or LONG in p) and len(p) > 3]
    assert fragments == []


def test_phrases_never_cross_sentence_punctuation():
    text = "。".join(f"{p}乡村振兴，战略{s}" for p, s in zip(PREFIXES, SUFFIXES))
    df = extract_text(text, "zh", glossary=Glossary(()))
    assert not any("兴战" in p or "，" in p for p in df["phrase"])


def test_nesting_resolution_keeps_a_subphrase_used_on_its_own():
    table = discover.count_ngrams(discover.zh_symbols(_long_text()), 12, 2)
    keys = {c.key for c in discover.candidates(table, lang="zh", min_count=2, min_len=4, max_len=11)}
    # the 14-character phrase is longer than max_len here: its pieces are bounded by it, yet a
    # piece that always sits inside one longer piece is not reported next to it
    assert not ({"新时代乡村振兴高质量发展战", "时代乡村振兴高质量发展战略"} & keys)


def test_count_ngrams_respects_floor_and_boundaries():
    sym = discover.zh_symbols("甲乙丙。甲乙丙，甲乙丁")
    table = discover.count_ngrams(sym, 3, 2)
    assert table["甲乙"] == 3
    assert table["甲乙丙"] == 2
    assert "乙丁" not in table and "丙甲" not in table


# -- English ---------------------------------------------------------------------------------------
def test_english_nonstandard_rendering_flagged_with_standard(mini):
    df = extract_text(EN, "en", glossary=mini)
    rows = _rows(df)
    assert rows["two maintenance"]["nonstandard"] is True
    assert rows["two maintenance"]["standard"] == "Two Upholds"
    assert rows["two maintenance"]["zh_hans"] == "两个维护"
    assert rows["Maple Bridge experience"]["standard"] == "Fengqiao experience"
    assert rows["Two Upholds"]["nonstandard"] is False
    assert rows["Fengqiao experience"]["pinyin"] == "Fēngqiáo jīngyàn"


def test_english_plural_and_hyphen_variants(mini):
    df = extract_text("The two-maintenances matter. The Two Maintenance matters.", "en", glossary=mini)
    rows = [r for r in df.iter_rows(named=True) if r["term_id"] == "liang-ge-weihu"]
    assert len(rows) == 1 and rows[0]["count"] == 2


def test_english_discovery_uses_stopword_boundaries():
    sentences = [
        "We should strengthen grassroots party building at all levels",
        "Officials at all levels must support grassroots party building",
        "We should report on grassroots party building today",
        "Grassroots party building needs money, we should say",
    ]
    df = extract_text(". ".join(sentences) + ".", "en", glossary=Glossary(()))
    phrases = {p.lower() for p in df["phrase"]}
    assert "grassroots party building" in phrases
    assert "we should" not in phrases and "at all levels" not in phrases and "all levels" not in phrases


def test_mixed_input_finds_both_languages(mini):
    df = extract_text(ZH + "\n" + EN, glossary=mini)
    langs = {(r["phrase"], r["lang"]) for r in df.iter_rows(named=True)}
    assert ("两个维护", "zh") in langs and ("two maintenance", "en") in langs


def test_known_only_and_new_only(mini):
    known = extract_text(ZH, "zh", glossary=mini, options=ExtractOptions(new=False))
    assert all(known["term_id"]) and known.height >= 2
    new = extract_text(ZH, "zh", glossary=mini, options=ExtractOptions(known=False))
    assert not any(new["term_id"]) and "四个意识" in set(new["phrase"])


def test_top_and_ranking(mini):
    df = extract_text(ZH, "zh", glossary=mini, options=ExtractOptions(top=2))
    assert df.height == 2
    assert list(df["score"]) == sorted(df["score"], reverse=True)


def test_seed_has_known_terms_at_the_top(shipped, seed_path):
    df = extract(seed_path, glossary=shipped, options=ExtractOptions(top=50))
    assert df.height == 50
    assert sum(1 for t in df["term_id"] if t) >= 40
    rows = [r for r in extract(seed_path, glossary=shipped).iter_rows(named=True) if r["phrase"].lower() == "two maintenance"]
    assert rows and rows[0]["standard"] == "Two Upholds" and rows[0]["nonstandard"]


# -- inputs -------------------------------------------------------------------------------------
def test_empty_input_gives_empty_frame(mini, tmp_path):
    for df in (extract_text("", glossary=mini), extract_text([], glossary=mini), extract([], glossary=mini)):
        assert df.height == 0 and "phrase" in df.columns


def test_paths_are_paths_and_texts_are_texts(mini, tmp_path):
    """A mistyped file name raises; it is never read as a text (the library trap of issue 13)."""
    with pytest.raises(InputError, match="speech.txtt: no such file"):
        extract([tmp_path / "speech.txtt"], glossary=mini)
    with pytest.raises(InputError, match="no such file"):
        extract("speech.txtt", glossary=mini)
    with pytest.raises(InputError, match="empty path"):
        extract("", glossary=mini)
    src = tmp_path / "speech.txt"
    src.write_text("坚决做到两个维护。坚决做到两个维护。", encoding="utf-8")
    assert extract(str(src), "zh", glossary=mini)["phrase"].to_list() == extract_text(src.read_text(encoding="utf-8"), "zh", glossary=mini)["phrase"].to_list()
    assert extract_text(str(src), "zh", glossary=mini).height == 0  # the text of its name, not the file


def test_empty_file_is_bad_input(mini, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"\n  \n")
    with pytest.raises(InputError, match="empty file"):
        extract(empty, glossary=mini)
    seen: list[InputError] = []
    df = extract([empty], glossary=mini, on_error=seen.append)
    assert df.height == 0 and len(seen) == 1


@pytest.mark.parametrize("encoding", ["gb18030", "big5", "utf-16", "utf-16-le", "utf-8-sig"])
def test_encodings_detected(mini, tmp_path, encoding):
    text = (ZH.replace("两个维护", "兩個維護") if encoding == "big5" else ZH) * 3
    if encoding == "big5":
        text = text.replace("四个意识", "四個意識").replace("个", "個").replace("坚", "堅").replace("识", "識")
        text = text.encode("big5", errors="ignore").decode("big5")
    path = tmp_path / f"in-{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    df = extract(path, "zh", glossary=mini)
    assert any(r["term_id"] == "liang-ge-weihu" for r in df.iter_rows(named=True))


def test_csv_text_column_and_folder(mini, tmp_path):
    (tmp_path / "a.csv").write_text("title,body\nT1,我们要做到两个维护。\nT2,推广枫桥经验和两个维护。\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# 标题\n\n推广枫桥经验。\n", encoding="utf-8")
    (tmp_path / "skip.bin").write_bytes(b"\x00\x01")
    df = extract(tmp_path, "zh", glossary=mini)
    rows = _rows(df)
    assert rows["两个维护"]["count"] == 2 and rows["两个维护"]["docs"] == 2
    assert rows["枫桥经验"]["count"] == 2 and rows["枫桥经验"]["docs"] == 2


def test_csv_without_text_column_is_an_error(mini, tmp_path):
    p = tmp_path / "x.csv"
    p.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError, match="column"):
        extract(p, glossary=mini)
    df = extract(p, glossary=mini, column="b")
    assert df.height == 0


def test_bad_files_reported_and_run_goes_on(mini, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ZH, encoding="utf-8")
    binary = tmp_path / "bad.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    missing = tmp_path / "missing.txt"
    errors: list[str] = []
    df = extract([binary, missing, good], "zh", glossary=mini, on_error=lambda e: errors.append(str(e)))
    assert "两个维护" in set(df["phrase"])
    assert len(errors) == 2 and all("\n" not in e for e in errors)
    assert any("bad.txt" in e for e in errors) and any("missing.txt" in e for e in errors)
    with pytest.raises(InputError):
        extract([binary], glossary=mini)


def test_big_text_file_read_in_parts_counts_one_document(mini, tmp_path, monkeypatch):
    import glossary.io.documents as documents

    monkeypatch.setattr(documents, "PART_BYTES", 200)
    p = tmp_path / "big.txt"
    p.write_text((ZH + "\n") * 20, encoding="utf-8")
    df = extract(p, "zh", glossary=mini)
    row = _rows(df)["两个维护"]
    assert row["count"] == 40 and row["docs"] == 1


def test_progress_moves_within_a_big_file(tmp_path, monkeypatch):
    """The first-day report: on a 50 MB file the bar sat at 0 and jumped to 100 % at the end.
    A big file now reports its bytes part by part, and the reports add up to its size."""
    import glossary.io.documents as documents

    monkeypatch.setattr(documents, "PART_BYTES", 300)
    p = tmp_path / "big.txt"
    p.write_text((ZH + "\n") * 40, encoding="utf-8")
    heard: list[int] = []
    seen = [sum(heard) for _ in documents.iter_documents([str(p)], on_bytes=heard.append)]  # bytes heard per part
    assert len(seen) > 3
    assert 0 < seen[1] < seen[-1] < p.stat().st_size and seen == sorted(seen)  # it moves within the file
    assert sum(heard) == p.stat().st_size and all(n >= 0 for n in heard)
    small = tmp_path / "small.txt"
    small.write_text(ZH, encoding="utf-8")
    heard.clear()
    list(documents.iter_documents([str(small)], on_bytes=heard.append))
    assert heard == [small.stat().st_size]


def test_batches_merge_like_one_pass(mini, monkeypatch):
    import glossary.extraction as ex

    texts = [ZH] * 6
    whole = ex.extract_text(texts, "zh", glossary=mini, options=ExtractOptions(workers=1))
    monkeypatch.setattr(ex, "BATCH_CHARS", 100)
    parts = ex.extract_text(texts, "zh", glossary=mini, options=ExtractOptions(workers=1))
    a = {r["phrase"]: (r["count"], r["docs"]) for r in whole.iter_rows(named=True) if r["term_id"]}
    b = {r["phrase"]: (r["count"], r["docs"]) for r in parts.iter_rows(named=True) if r["term_id"]}
    assert a == b and a["两个维护"] == (12, 6)


def test_stdin(mini, monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ZH.encode("gb18030"))))
    df = extract("-", "zh", glossary=mini)
    assert _rows(df)["两个维护"]["count"] == 2


def test_process_pool_gives_the_same_counts(mini, monkeypatch):
    import glossary.extraction as ex

    texts = [ZH] * 4
    alone = ex.extract_text(texts, "zh", glossary=mini, options=ExtractOptions(workers=1))
    monkeypatch.setattr(ex, "BATCH_CHARS", 150)
    pooled = ex.extract_text(texts, "zh", glossary=mini, options=ExtractOptions(workers=2))
    key = lambda df: {r["phrase"]: (r["count"], r["docs"]) for r in df.iter_rows(named=True) if r["term_id"]}  # noqa: E731
    assert key(alone) == key(pooled)


def test_annotate_false_leaves_new_phrases_bare():
    texts = ["推进灵活就业人员权益保障。", "灵活就业人员权益保障要加强。", "做好灵活就业人员权益保障工作。"]
    full = extract_text(texts, lang="zh", glossary=Glossary(()))
    bare = extract_text(texts, lang="zh", glossary=Glossary(()), options=ExtractOptions(annotate=False))
    assert full["phrase"].to_list() == bare["phrase"].to_list() and len(bare)
    assert all(full["pinyin"].to_list()) and not any(bare["pinyin"].to_list())
    assert not any(bare["en"].to_list())


def test_flagged_possessive_is_its_own_row():
    # "Mao Zedong's Thought" keys like "Mao Zedong Thought" (possessives fold) but is flagged
    from glossary.terms import Term

    term = Term(id="mao-zedong-sixiang", zh_hans="毛泽东思想", zh_hant="毛澤東思想", pinyin="Máo Zédōng Sīxiǎng",
                pinyin_num="mao2 ze2 dong1 si1 xiang3", en="Mao Zedong Thought", en_nonstandard=("mao zedong's thought",))
    text = ("They study Mao Zedong's Thought. Mao Zedong Thought guides them. "
            "Mao Zedong's Thought is taught. Mao Zedong Thought is old.")
    rows = _rows(extract_text(text, "en", glossary=Glossary((term,))), "en")
    assert rows["Mao Zedong's Thought"]["nonstandard"] and rows["Mao Zedong's Thought"]["count"] == 2
    assert not rows["Mao Zedong Thought"]["nonstandard"] and rows["Mao Zedong Thought"]["count"] == 2


def test_pool_runs_both_passes_and_gives_the_same_table(shipped, seed_path, monkeypatch):
    """Two worker processes scan the batches and count the discovered phrases: the whole table
    (counts, documents, contexts, order) is the one a single process gives."""
    import glossary.extraction as ex

    seed = seed_path.read_text(encoding="utf-8")
    zh = [t.zh_hans for t in shipped if 3 <= len(t.zh_hans) <= 8][:200]
    texts = [seed[i : i + 5000] for i in range(0, len(seed), 5000)]
    texts += ["".join(f"坚持{a}，推进{b}，深入开展基层治理现代化建设。" for a, b in zip(zh[i:i + 20], zh[i + 1:i + 21])) for i in range(0, 200, 20)]
    monkeypatch.setattr(ex, "BATCH_CHARS", 8000)
    alone = ex.extract_text(texts, glossary=shipped, options=ExtractOptions(workers=1))
    pooled = ex.extract_text(texts, glossary=shipped, options=ExtractOptions(workers=2))
    assert "discovered" in set(alone["method"]) and (alone["docs"] > 1).any()
    assert pooled.equals(alone)


def test_a_big_single_document_keeps_numbered_phrases_seen_once_but_not_quotes():
    """A speech keeps what it quotes or numbers once; a book-length single document keeps only
    the numbered formulations it names once (a quotation seen once in a book is no formulation)."""
    speech = "我们必须牢记“星辰大海的征途”，增强四个意识。"
    filler = "。".join(["今天天气很好我们一起去公园散步"] * 30000)  # 420 000 Han characters
    small = extract_text(speech, "zh", glossary=Glossary(()))
    big = extract_text(speech + filler, "zh", glossary=Glossary(()))
    assert {"星辰大海的征途", "四个意识"} <= set(small["phrase"])
    assert "四个意识" in set(big["phrase"]) and "星辰大海的征途" not in set(big["phrase"])
    two = extract_text([speech + filler, speech], "zh", glossary=Glossary(()))
    assert "星辰大海的征途" in set(two["phrase"])  # twice: a recurring quotation


@pytest.mark.parametrize(("cores", "size", "workers"), [
    (None, 10**9, 1), (2, None, 1), (2, 1_000_000, 1), (2, 11_999_999, 1), (2, 12_000_000, 2), (2, 24_000_000, 2),
    (8, 24_000_000, 3), (2, 24_000_001, 1), (8, 10**9, 1), (1, 20_000_000, 1),
])
def test_default_workers_follow_the_input_and_the_cores(monkeypatch, cores, size, workers):
    """One process for small inputs, standard input (unknown size) and inputs past 24 MB (two
    would take 50 MB past 1 GB); between, one more per 12 MB, up to every core."""
    from glossary.extraction import engine

    monkeypatch.setattr(engine.os, "cpu_count", lambda: cores)
    assert engine.default_workers(size) == workers
    assert engine.LocalEngine(size=size).workers == workers and engine.LocalEngine(3, size).workers == 3


class _Job:
    """An AsyncResult stand-in: finished once the test says so."""

    def __init__(self, value: object, done: bool) -> None:
        self.value, self.done = value, done

    def ready(self) -> bool:
        return self.done

    def get(self) -> object:
        return self.value


class _Pool:
    """A pool stand-in that runs nothing by itself: jobs finish when ``finish`` says so."""

    def __init__(self) -> None:
        self.jobs: list[_Job] = []

    def apply_async(self, fn, args):
        self.jobs.append(_Job(fn(*args), False))
        return self.jobs[-1]


def test_this_process_scans_beside_the_pool_and_results_stay_in_order():
    """Two workers are this process and a pool of one: of two batches one goes to the pool and
    one is scanned here (before, both went to the pool and this process waited); a batch goes to
    the pool whenever its process is free; the results come in input order."""
    from glossary.extraction import engine

    pool = _Pool()
    eng = engine.LocalEngine(2)
    eng._pool = pool
    here: list[int] = []

    def local(x: int) -> str:
        here.append(x)
        if x == 3:
            pool.jobs[0].done = True  # the pool finished batch 1 meanwhile: it gets batch 4
        return f"here {x}"

    out = list(eng._ordered(lambda x: f"pool {x}", local, [((x,), x) for x in (1, 2)]))
    assert out == [("pool 1", 1), ("here 2", 2)] and here == [2]
    pool.jobs.clear()
    here.clear()
    out = list(eng._ordered(lambda x: f"pool {x}", local, [((x,), x) for x in range(1, 6)]))
    assert here == [2, 3, 5]
    assert [r for r, _ in out] == ["pool 1", "here 2", "here 3", "pool 4", "here 5"]
    assert [n for _, n in out] == [1, 2, 3, 4, 5]


def test_a_slow_pool_does_not_let_results_pile_up_here():
    """While the pool's batch is unfinished this process scans on, but holds at most a few
    results: then it waits for the pool (bounded memory)."""
    from glossary.extraction import engine

    pool = _Pool()
    eng = engine.LocalEngine(2)
    eng._pool = pool
    got = eng._ordered(lambda x: x, lambda x: x, [((x,), x) for x in range(10)])
    assert next(got) == (0, 0)  # the pool's job, never ready(): got once this process has 3 results
    assert len(pool.jobs) == 1


def test_ngram_frames_merge_and_prune_as_the_dicts_do():
    """The frames extraction carries give the same tables as the dict functions, and discovery
    finds the same candidates in either."""
    import random

    from glossary.extraction import discover

    rng = random.Random(7)
    tables = [{"".join(rng.choice("一二三四五六七八") for _ in range(rng.randint(1, 4))): rng.randint(1, 9)
               for _ in range(400)} for _ in range(3)]
    merged: dict[str, int] = {}
    frame = discover.empty_frame()
    for t in tables:
        _merge_and_prune(merged, t, 300)
        frame = discover.prune_frame(discover.merge_frames(frame, discover.as_frame(t)), 300)
        assert discover.as_dict(frame) == merged
    zh = discover.zh_symbols(_long_text()[:3000])
    assert discover.as_dict(discover.ngram_frame(zh, 6, 2)) == _reference_ngrams(zh, 6, 2)
    seed = (Path(__file__).parent.parent / "seeds" / "000_5defafeaa1fe7f18.txt").read_text(encoding="utf-8")
    codes, vocab, words = discover.en_codes(discover.en_sentences(seed))
    table = discover.count_en_ngrams(codes, vocab, 9, 2)
    for total in (None, words):
        as_dict = discover.candidates(table, lang="en", min_count=2, min_len=2, max_len=8, total=total)
        as_frame = discover.candidates(discover.as_frame(table), lang="en", min_count=2, min_len=2, max_len=8, total=total)
        assert as_dict == as_frame and as_dict


def _merge_and_prune(table: dict[str, int], other: dict[str, int], cap: int) -> None:
    """The tables as dicts, the reference for the frames: counts added, then the rarest counts
    dropped, count by count, until at most *cap* entries remain."""
    from collections import Counter

    for k, v in other.items():
        table[k] = table.get(k, 0) + v
    hist = Counter(table.values())
    total, threshold = len(table), 0
    for c in sorted(hist):
        if total <= cap:
            break
        total -= hist[c]
        threshold = c
    for k in [k for k, v in table.items() if v <= threshold]:
        del table[k]


def _reference_ngrams(symbols: str, max_len: int, floor: int) -> dict[str, int]:
    """Every n-gram of *symbols* that does not span a separator, counted in plain Python."""
    from collections import Counter

    from glossary.extraction import discover

    counts: Counter[str] = Counter()
    for i in range(len(symbols)):
        for n in range(1, max_len + 1):
            gram = symbols[i : i + n]
            if len(gram) == n and discover.SEP not in gram:
                counts[gram] += 1
    return {k: v for k, v in counts.items() if v >= floor}


def test_discovery_does_not_depend_on_the_order_of_its_table():
    """Runs of the same corpus must agree: the phrases kept under a limit, and their order, may
    not follow the order in which a table's entries (or polars' group-by rows) come in."""
    import random

    # thirty phrases alike in count, length and contexts: the limit cuts through a tie
    chars = [chr(c) for c in range(0x4E00, 0x9FA5, 37)]
    phrases = ["".join(chars[4 * i : 4 * i + 4]) for i in range(30)]
    sides = [(chars[200 + j], chars[210 + j]) for j in range(3)]
    text = "。".join(f"{a}{p}{b}" for p in phrases for a, b in sides)
    table = discover.count_ngrams(discover.zh_symbols(text), 6, 2)
    items = list(table.items())
    results = set()
    for seed in range(4):
        random.Random(seed).shuffle(items)
        found = discover.candidates(dict(items), lang="zh", min_count=2, min_len=4, max_len=4, limit=2)
        results.add(tuple((c.key, round(c.score, 9)) for c in found))
    assert len(results) == 1 and 0 < len(next(iter(results))) < 15  # the limit did cut


def test_the_discovery_lexicon_is_every_word_of_jiebas_dictionary():
    """The lexicon discovery uses is the tag table's keys: the same words as dict.txt read line
    by line (words of three or more characters rescue nested headwords; two-character words
    that begin with a particle may start a phrase; see test_particle_words_may_start_a_phrase)."""
    import re

    from glossary.extraction import _zh_lexicon
    from glossary.segmenter import jieba_file

    raw = jieba_file().read_text(encoding="utf-8")
    lexicon = _zh_lexicon()
    words = re.findall(r"^(\S+) ", raw, re.MULTILINE)
    assert all(w in lexicon for w in words)
    assert len(set(words)) == len(lexicon)  # type: ignore[arg-type]
    assert "社会主义" in lexicon and "和平" in lexicon and "不在词典里的词" not in lexicon


def test_describe_rows_writes_what_annotate_writes(shipped):
    """The command's screenful describes only its rows, after extraction: the cells must be
    those extraction itself writes, for new Chinese phrases, and leave every other row alone."""
    from glossary.extraction import ExtractOptions, describe_rows, extract_text

    text = (_long_text() + ZH + "各地要把握“三个务必”，推进“乡村振兴示范工程”，落实“基层减负十条措施”，"
            "开展“清廉村居建设”。") * 2
    described = extract_text(text, "zh", glossary=shipped)
    bare = extract_text(text, "zh", glossary=shipped, options=ExtractOptions(annotate=False))
    new = (bare["term_id"] == "") & (bare["lang"] == "zh")
    assert new.sum() >= 4 and (bare.filter(new)["pinyin"] == "").all() and (bare.filter(new)["en"] == "").all()
    assert (described.filter(new)["pinyin"] != "").all()
    assert describe_rows(bare, shipped).equals(described)
    some = bare.slice(20, 10)
    assert (some["term_id"] == "").any()
    assert describe_rows(some, shipped).equals(described.slice(20, 10))
    assert describe_rows(described, shipped).equals(described)  # nothing left to describe


def test_entropy_filter_keeps_lexicon_words_that_are_neither_free_nor_nested():
    """甲乙丙 only ever stands inside 子甲乙丙丑: no variety of context, so only the lexicon keeps
    it; the free and nested rows are the same with or without it, in key order."""
    text = "。".join(["子甲乙丙丑"] * 6 + ["我们学习", "他们学习", "大家学习", "学习文件", "学习精神", "学习讲话"])
    table = discover.count_ngrams(discover.zh_symbols(text), 6, 2)
    args = {"en": False, "min_count": 2, "min_len": 2, "max_len": 5}
    bare = discover._entropy_filter(table, lexicon=None, **args)
    with_word = discover._entropy_filter(table, lexicon={"甲乙丙", "不在表里"}, **args)
    assert "甲乙丙" not in {r[0] for r in bare} and "学习" in {r[0] for r in bare}
    assert [r for r in with_word if r[0] != "甲乙丙"] == bare
    row = next(r for r in with_word if r[0] == "甲乙丙")
    assert row[1] == 6 and row[4] is False
    assert [r[0] for r in with_word] == sorted(r[0] for r in with_word)


def test_a_batch_is_scanned_with_fewer_collections_and_the_thresholds_come_back(monkeypatch):
    import gc

    from glossary.extraction import scan
    from glossary.io.documents import Document

    before = gc.get_threshold()
    seen = []
    real = discover.en_codes

    def spy(sentences):
        seen.append(gc.get_threshold()[0])
        return real(sentences)

    monkeypatch.setattr(discover, "en_codes", spy)
    scan.BatchScanner((), "en", True, 400_000).scan([Document("a.txt", "Reform and opening up. Reform and opening up.")])
    assert seen == [max(before[0], scan.GC_THRESHOLD)]
    assert gc.get_threshold() == before
    with pytest.raises(ValueError), scan.fewer_collections(10**6):
        raise ValueError
    assert gc.get_threshold() == before


def test_particle_words_may_start_a_phrase():
    """A phrase may open on a particle (和, 在) only where the particle begins a dictionary word
    there (和平发展, 在线教育): the lexicon is asked about the openings the table holds."""
    assert "和" in discover.ZH_BAD_START and "在" in discover.ZH_BAD_START
    text = "。".join(["我们坚持和平发展道路", "他们坚持和平发展道路", "大家走和平发展道路", "各校办好在线教育",
                     "我们发展在线教育", "他们推进在线教育", "和大家一起学习", "和同事一起学习"] * 2)
    table = discover.count_ngrams(discover.zh_symbols(text), 6, 2)
    args = {"en": False, "min_count": 2, "min_len": 3, "max_len": 6}
    bare = {r[0] for r in discover._entropy_filter(table, lexicon=None, **args)}
    words = {r[0] for r in discover._entropy_filter(table, lexicon={"和平", "在线", "和大家"}, **args)}
    assert not any(k[0] in "和在" for k in bare)
    assert {"和平发展道路", "在线教育"} <= words
    assert not any(k.startswith("和大") for k in words)  # 和大 is no two-character word


def test_add_again_counts_as_add_would_and_refuses_what_add_must_do():
    """Tally.add_again is add's short way for a repeat (contexts full, a known spelling), in the
    same document or a later one: the tally ends as add would leave it; anything else is left to add."""
    from glossary.extraction.scan import MAX_CONTEXTS, Tally

    def filled() -> Tally:
        t = Tally("zh", "两个维护")
        for i in range(MAX_CONTEXTS):
            t.add(7, "两个维护", f"ctx {i}", "glossary", "liang-ge-weihu", "zh_hans")
        return t

    short, long = filled(), filled()
    assert short.add_again(7, "两个维护")
    long.add(7, "两个维护", None, "glossary", "liang-ge-weihu", "zh_hans")
    assert (short.count, short.docs, short.surfaces, short.contexts, short.methods) == \
        (long.count, long.docs, long.surfaces, long.contexts, long.methods)
    later, by_add = filled(), filled()  # a later document: counted as one more document
    assert later.add_again(8, "两个维护") and later.add_again(8, "两个维护")
    by_add.add(8, "两个维护", None, "glossary", "liang-ge-weihu", "zh_hans")
    by_add.add(8, "两个维护", None, "glossary", "liang-ge-weihu", "zh_hans")
    assert (later.count, later.docs, later.first_doc, later.last_doc, later.surfaces) == \
        (by_add.count, by_add.docs, by_add.first_doc, by_add.last_doc, by_add.surfaces) == (5, 2, 7, 8, {"两个维护": 5})
    t = filled()
    assert not t.add_again(7, "兩個維護")  # a new spelling
    assert t.count == MAX_CONTEXTS
    fresh = Tally("zh", "两个维护")
    assert not fresh.add_again(7, "两个维护")


def test_a_new_phrase_that_is_a_term_but_for_its_punctuation_is_the_term():
    """产业链、供应链 is the term 产业链供应链 (validate and lookup compare Chinese without
    punctuation); extract once listed it as new, with composed English, and --new-only kept it."""
    from glossary.terms import Term

    term = Term(id="chanyelian-gongyinglian", zh_hans="产业链供应链", zh_hant="產業鏈供應鏈", pinyin="chǎnyèliàn gōngyìngliàn",
                pinyin_num="chan3 ye4 lian4 gong1 ying4 lian4", en="industrial and supply chains")
    text = "".join(f"{a}，产业链、供应链，{b}。" for a, b in zip(PREFIXES, SUFFIXES)) * 2
    g = Glossary((term,))
    rows = _rows(extract_text(text, "zh", glossary=g))
    assert rows["产业链、供应链"]["term_id"] == "chanyelian-gongyinglian"
    assert rows["产业链、供应链"]["en"] == "industrial and supply chains"
    new = _rows(extract_text(text, "zh", glossary=g, options=ExtractOptions(known=False)))
    assert "产业链、供应链" not in new
