"""`glossary validate`: the shipped data passes; each kind of fault is caught with row and reason."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from glossary.cli import main
from glossary.terms import COLUMNS
from glossary.validate import validate_paths

GOOD = {
    "id": "liang-ge-weihu", "zh_hans": "两个维护", "zh_hant": "兩個維護", "pinyin": "liǎng gè wéihù",
    "pinyin_num": "liang3 ge4 wei2 hu4", "en": "Two Upholds", "en_alt": "", "en_nonstandard": "two maintenance",
    "category": "formulation", "definition": "A pledge of loyalty.", "year": "2016",
    "source": "Xinhua: Report (2022), https://example.org/report", "status": "official", "related": "", "pinyin_note": "", "note": "",
}


def write(tmp_path: Path, rows: list[dict], name: str = "t.tsv") -> Path:
    p = tmp_path / name
    lines = ["\t".join(COLUMNS)] + ["\t".join(r.get(c, "") for c in COLUMNS) for r in rows]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


def errors(path: Path) -> list[str]:
    return [str(p) for p in validate_paths([path]) if p.level == "error"]


def test_shipped_data_is_valid():
    result = CliRunner().invoke(main, ["validate", "--no-warnings"])
    assert result.exit_code == 0, result.output
    assert "valid:" in result.output


def test_good_row_passes(tmp_path):
    assert errors(write(tmp_path, [GOOD])) == []


def test_duplicate_id_names_both_rows(tmp_path):
    other = dict(GOOD, zh_hans="四个意识", zh_hant="四個意識", pinyin="sì gè yìshí", pinyin_num="si4 ge4 yi4 shi2", en="Four Consciousnesses", en_nonstandard="")
    errs = errors(write(tmp_path, [GOOD, other]))
    assert any("t.tsv:3" in e and "duplicate id" in e and "t.tsv:2" in e for e in errs), errs


def test_duplicate_across_files(tmp_path):
    write(tmp_path, [GOOD], "a.tsv")
    write(tmp_path, [dict(GOOD, id="other-id")], "b.tsv")
    errs = errors(tmp_path)
    assert any("duplicate simplified form" in e and "b.tsv:2" in e for e in errs), errs


def test_empty_required_field(tmp_path):
    errs = errors(write(tmp_path, [dict(GOOD, en="")]))
    assert any("t.tsv:2" in e and "'en' is empty" in e for e in errs), errs


def test_pinyin_not_matching_characters(tmp_path):
    errs = errors(write(tmp_path, [dict(GOOD, pinyin_num="liang3 ge4 wei2 hu4 de5")]))
    assert any("syllables" in e for e in errs), errs
    errs = errors(write(tmp_path, [dict(GOOD, pinyin_num="liang3 ge4 ma3 hu4", pinyin="liǎng gè mǎhù")]))
    assert any("not a reading of 维" in e for e in errs), errs
    errs = errors(write(tmp_path, [dict(GOOD, pinyin="liǎng gè wéihuà")]))
    assert any("does not spell the same syllables" in e for e in errs), errs


def test_pypinyin_disagreement_needs_a_note(tmp_path):
    row = dict(GOOD, id="wei-renmin-fuwu", zh_hans="为人民服务", zh_hant="為人民服務", pinyin="wèi rénmín fúwù",
               pinyin_num="wei4 ren2 min2 fu2 wu4", en="serve the people", en_nonstandard="")
    errs = errors(write(tmp_path, [row]))
    assert any("pinyin_note must say why" in e for e in errs), errs
    assert errors(write(tmp_path, [dict(row, pinyin_note="pypinyin: wei2; 为 'for' is wei4")])) == []


def test_bad_category_status_related_and_nonstandard(tmp_path):
    errs = errors(write(tmp_path, [dict(GOOD, category="stuff", status="maybe", related="nope", en_nonstandard="two upholds")]))
    text = "\n".join(errs)
    assert "category 'stuff'" in text and "status 'maybe'" in text
    assert "related id 'nope'" in text and "also listed as acceptable" in text


def test_a_rendering_listed_twice_is_an_error(tmp_path):
    """An export keeps each rendering once: the standard English again among the alternatives
    (or an alternative twice) would not survive a TBX round trip. Another case is another form."""
    errs = errors(write(tmp_path, [dict(GOOD, en_alt="Two Upholds")]))
    assert any("listed twice" in e for e in errs)
    errs = errors(write(tmp_path, [dict(GOOD, en_alt="two safeguards | two safeguards")]))
    assert any("listed twice" in e for e in errs)
    assert not errors(write(tmp_path, [dict(GOOD, en_alt="two upholds")]))


def test_official_needs_source(tmp_path):
    errs = errors(write(tmp_path, [dict(GOOD, source="")]))
    assert any("needs a source" in e for e in errs)


def test_official_source_needs_a_place_in_its_document(tmp_path):
    errs = errors(write(tmp_path, [dict(GOOD, source="Xinhua: Report (2022)")]))
    assert any("names no place" in e for e in errs)
    for located in ("State Council: Government Work Report (2021), ¶34", "FLTRP: Handbook of Core Terms, term list"):
        assert not any("names no place" in e for e in errors(write(tmp_path, [dict(GOOD, source=located)])))
    assert not errors(write(tmp_path, [dict(GOOD, source="Xinhua: Report (2022)", status="proposed")]))


def test_cli_fails_with_row_and_reason(tmp_path):
    p = write(tmp_path, [GOOD, dict(GOOD)])
    result = CliRunner().invoke(main, ["validate", str(p)])
    assert result.exit_code == 1
    assert "t.tsv:3" in result.output and "duplicate id" in result.output
    assert "Traceback" not in result.output


def test_cli_malformed_files(tmp_path):
    bad_header = tmp_path / "h.tsv"
    bad_header.write_text("id\tzh\n1\t2\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(bad_header)])
    assert result.exit_code == 1 and "header lacks" in result.output
    binary = tmp_path / "b.tsv"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    result = CliRunner().invoke(main, ["validate", str(binary)])
    assert result.exit_code == 1 and "binary" in result.output
    gbk = tmp_path / "g.tsv"
    gbk.write_bytes(("\t".join(COLUMNS) + "\n" + "\t".join(GOOD.get(c, "") for c in COLUMNS) + "\n").encode("gb18030"))
    result = CliRunner().invoke(main, ["validate", str(gbk)])
    assert result.exit_code == 1 and "not UTF-8" in result.output
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "missing.tsv")])
    assert result.exit_code != 0 and "Traceback" not in result.output


def test_traditional_differences_are_warnings(tmp_path):
    row = dict(GOOD, zh_hant="兩个維護")
    problems = validate_paths([write(tmp_path, [row])])
    assert any(p.level == "warning" and "OpenCC" in p.message for p in problems)


def test_known_opencc_slips_are_errors(tmp_path):
    """OpenCC writes 好干部 as 好乾部 and 浦东干部学院 as 浦東干部學院; rows copied from it kept both
    slips until a second review caught them. 若干部门 ('several departments') is no cadre."""
    base = dict(GOOD, pinyin="hǎo gànbù", pinyin_num="hao3 gan4 bu4", zh_hans="好干部", id="hao-ganbu", en="good officials", en_nonstandard="")
    for wrong in ("好乾部", "好干部"):
        found = errors(write(tmp_path, [dict(base, zh_hant=wrong)]))
        assert any("幹" in e for e in found), (wrong, found)
    assert not any("幹" in e for e in errors(write(tmp_path, [dict(base, zh_hant="好幹部", note="OpenCC writes 好乾部")])))
    several = dict(GOOD, id="ruogan-bumen", zh_hans="若干部门", zh_hant="若干部門", pinyin="ruògān bùmén",
                   pinyin_num="ruo4 gan1 bu4 men2", en="several departments", en_nonstandard="")
    assert not any("幹" in e for e in errors(write(tmp_path, [several])))
    struggle = dict(GOOD, id="weida-douzheng", zh_hans="伟大斗争", pinyin="wěidà dòuzhēng",
                    pinyin_num="wei3 da4 dou4 zheng1", en="great struggle", en_nonstandard="")
    assert any("鬥爭" in e for e in errors(write(tmp_path, [dict(struggle, zh_hant="偉大斗爭")])))
    assert not any("鬥爭" in e for e in errors(write(tmp_path, [dict(struggle, zh_hant="偉大鬥爭")])))
    partner = dict(GOOD, id="zhanlue-huoban-guanxi", zh_hans="战略伙伴关系", pinyin="zhànlüè huǒbàn guānxì",
                   pinyin_num="zhan4 lve4 huo3 ban4 guan1 xi4", en="strategic partnership", en_nonstandard="")
    assert any("夥伴" in e for e in errors(write(tmp_path, [dict(partner, zh_hant="戰略伙伴關係")])))
    right = validate_paths([write(tmp_path, [dict(partner, zh_hant="戰略夥伴關係")])])
    assert not any("夥伴" in p.message or "OpenCC" in p.message for p in right)  # no note needed: the slip is known


def test_a_user_glossary_written_by_import_validates_under_user_rules(tmp_path, monkeypatch):
    """First-day report: a file written by ``glossary import`` failed ``glossary validate``
    (no category, no definition). User entries need less than the curated table."""
    user = tmp_path / "user.tsv"
    monkeypatch.setenv("GLOSSARY_USER", str(user))
    src = tmp_path / "list.csv"
    src.write_text("zh,en\n暖心驿站,care stations\n劳模工匠,model workers and craftsmen\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["import", str(src)]).exit_code == 0
    # the shipped table's rules: category and definition are missing
    strict = validate_paths([user])
    assert {p.message for p in strict if p.level == "error"} == {
        "required field 'category' is empty", "required field 'definition' is empty"}
    assert [p for p in validate_paths([user], user=True) if p.level == "error"] == []
    # the command knows the user glossary: by its path, or with --user alone
    for args in (["validate", str(user)], ["validate", "--user"]):
        r = runner.invoke(main, args)
        assert r.exit_code == 0 and r.output.startswith("valid: "), (args, r.output)
    # every other rule still holds for user entries: a bad status is an error
    text = user.read_text(encoding="utf-8").replace("\tunverified\t", "\tmaybe\t", 1)
    user.write_text(text, encoding="utf-8")
    r = runner.invoke(main, ["validate", "--user"])
    assert r.exit_code == 1 and "status 'maybe'" in r.output


def test_validate_user_without_a_user_glossary_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setenv("GLOSSARY_USER", str(tmp_path / "none.tsv"))
    r = CliRunner().invoke(main, ["validate", "--user"])
    assert r.exit_code == 1 and "no user glossary yet" in r.output and "Traceback" not in r.output


def test_a_person_is_a_category_and_a_name():
    """People (leaders, founders, model figures) are a category of their own: valid, and a name
    like a body's, so no literal rendering of one is looked for, nor a missing one."""
    from glossary.scope import formulation_like, machine_prone
    from glossary.terms import CATEGORIES, Term

    assert "person" in CATEGORIES
    xi = Term(id="jiao-yulu", zh_hans="焦裕禄", zh_hant="焦裕祿", pinyin="Jiāo Yùlù", pinyin_num="jiao1 yu4 lu4",
              en="Jiao Yulu", category="person", definition="A county Party secretary of the 1960s held up as a model.",
              status="official")
    assert not machine_prone(xi)
    assert not formulation_like(xi)  # no missing-rendering check: "Jiao" or "Comrade Jiao Yulu" name him too


def test_a_place_is_a_category_and_a_name():
    """Places (provinces, cities, rivers) are a category of their own and a name like a person's:
    'Guangdong', 'Guangdong Province' and 'Guangdong province' all name one, so neither a literal
    nor a missing rendering of a place is looked for."""
    from glossary.scope import formulation_like, machine_prone
    from glossary.terms import CATEGORIES, Term

    assert "place" in CATEGORIES
    shaanxi = Term(id="shaanxi-sheng", zh_hans="陕西省", zh_hant="陝西省", pinyin="Shǎnxī Shěng",
                   pinyin_num="shan3 xi1 sheng3", en="Shaanxi Province", category="place",
                   definition="A province of north-western China.", status="official")
    assert not machine_prone(shaanxi)
    assert not formulation_like(shaanxi)


def test_pinyin_writes_the_clause_marks_of_the_chinese():
    """GB/T 16159 writes Chinese punctuation as its Western counterpart: a term's 、，；： stand
    in its pinyin as , ; : after the same syllables, as running text's pinyin writes them; a
    missing, moved or different mark is an error."""
    from glossary.terms import Term
    from glossary.validate import pinyin_problems

    def problems(pinyin: str, zh: str = "睦邻、安邻、富邻", num: str = "mu4 lin2 an1 lin2 fu4 lin2") -> list[str]:
        t = Term(id="mulin-anlin-fulin", zh_hans=zh, zh_hant=zh, pinyin=pinyin, pinyin_num=num, en="x",
                 category="policy", definition="x", status="official")
        return [p.message for p in pinyin_problems(t) if "clause marks" in p.message]

    assert problems("mùlín, ānlín, fùlín") == []
    assert problems("mùlín ānlín fùlín")  # marks missing
    assert problems("mùlín ānlín, fùlín")  # one missing
    assert problems("mù, lín ānlín, fùlín")  # moved into a word
    assert problems("shēngtài wénmíng, gòngjiàn", "生态文明：共建", "sheng1 tai4 wen2 ming2 gong4 jian4")  # ： is a colon
    assert problems("shēngtài wénmíng: gòngjiàn", "生态文明：共建", "sheng1 tai4 wen2 ming2 gong4 jian4") == []
    assert problems("liǎng gè wéihù", "两个维护", "liang3 ge4 wei2 hu4") == []
