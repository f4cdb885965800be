"""Citations: their form, and the source check against the cited documents."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from glossary.cli import main
from glossary.sources import check_sources, document_for, locate, parse_citation
from glossary.terms import COLUMNS, Term

GWR = "chinadaily_bilingual_gwr_speeches_zh_en/gov_work_report_2020_zh_en.tsv"


def term(**kw: object) -> Term:
    base: dict[str, object] = dict(id="liang-ge-weihu", zh_hans="两个维护", zh_hant="兩個維護", pinyin="liǎng gè wéihù",
                                   pinyin_num="liang3 ge4 wei2 hu4", en="Two Upholds", category="formulation",
                                   definition="A pledge.", status="official", origin="t.tsv:2")
    base.update(kw)
    return Term(**base)  # type: ignore[arg-type]


def corpus(tmp_path: Path) -> Path:
    """A made-up two-unit 'Government Work Report 2020' in the corpus layout."""
    path = tmp_path / GWR
    path.parent.mkdir(parents=True)
    path.write_text("id\tzh\ten\n1\t我们坚决做到两个维护。\tWe resolutely uphold the Two Upholds.\n"
                    "2\t经济平稳运行。\tThe economy ran smoothly.\n", encoding="utf-8")
    return tmp_path


def test_citation_parts():
    c = parse_citation("State Council: Government Work Report (2020), ¶12, ¶40")
    assert (c.document, c.year, c.units, c.located) == ("State Council: Government Work Report (2020)", 2020, ("12", "40"), True)
    c = parse_citation("Xinhua: Some story (2023), https://english.news.cn/x.html")
    assert c.url == "https://english.news.cn/x.html" and c.located and not c.units
    assert parse_citation("FLTRP: Understanding Contemporary China, Handbook of Core Terms, term list").located
    assert parse_citation("Xuexi Qiangguo: daily official English (2022), 10.29").units == ("10.29",)
    assert not parse_citation("State Council: Government Work Report (2020)").located
    assert not parse_citation("People's Daily Online: Some story (2019)").located


def test_documents_the_project_holds():
    doc = document_for(parse_citation("State Council: Government Work Report (2020), ¶3"))
    assert doc is not None and doc.files == (GWR,) and doc.parallel
    doc = document_for(parse_citation("State Council: Government Work Report (2024)"))
    assert doc is not None and doc.files == ("gov_work_reports_zh/2024.txt",) and not doc.parallel
    assert document_for(parse_citation("Xinhua: Report to the 20th CPC National Congress (2022)")).files == (  # type: ignore[union-attr]
        "cpc_congress_reports_zh/congress20.txt",)
    assert document_for(parse_citation("Xinhua: Some story (2023), https://x")) is None


def test_check_accepts_what_the_document_bears_out(tmp_path):
    folder = corpus(tmp_path)
    good = term(source=("State Council: Government Work Report (2020), ¶1", "State Council: Government Work Report (2020)"))
    assert check_sources([good], folder) == []


def test_check_rejects_wrong_units_missing_units_and_absent_terms(tmp_path):
    folder = corpus(tmp_path)
    wrong_unit = term(source=("State Council: Government Work Report (2020), ¶2",))
    no_unit = term(source=("State Council: Government Work Report (2020), ¶9",))
    absent = term(id="x", zh_hans="新质生产力", zh_hant="新質生產力", en="new quality productive forces",
                  source=("State Council: Government Work Report (2020)",))
    problems = check_sources([wrong_unit, no_unit, absent], folder)
    assert [p.term_id for p in problems] == ["liang-ge-weihu", "liang-ge-weihu", "x"]
    assert "cited units contain neither" in problems[0].message
    assert "no unit ¶9" in problems[1].message
    assert "document contains neither" in problems[2].message


def test_documents_absent_from_the_folder_are_not_judged(tmp_path):
    t = term(source=("NPC: Constitution of the PRC, English edition (2018), ¶5",))
    assert check_sources([t], tmp_path) == []


def test_english_alone_or_an_alias_is_enough(tmp_path):
    folder = corpus(tmp_path)
    english_only = term(zh_hans="两个坚决维护", zh_hant="兩個堅決維護", source=("State Council: Government Work Report (2020), ¶1",))
    alias = term(zh_hans="二维护", zh_hant="二維護", en="x", zh_alias=("两个维护",), source=("State Council: Government Work Report (2020), ¶1",))
    assert check_sources([english_only, alias], folder) == []


def test_locate_prefers_units_with_both_sides(tmp_path):
    folder = corpus(tmp_path)
    assert locate(term(), parse_citation("State Council: Government Work Report (2020)"), folder) == ("1",)


def test_validate_sources_option(tmp_path):
    folder = corpus(tmp_path)
    table = tmp_path / "t.tsv"
    row = {c: "" for c in COLUMNS} | term().to_row() | {"source": "State Council: Government Work Report (2020), ¶2"}
    table.write_text("\t".join(COLUMNS) + "\n" + "\t".join(row[c] for c in COLUMNS) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(table), "--no-script-check", "--sources", str(folder)])
    assert result.exit_code == 1 and "cited units contain neither" in result.output
    result = CliRunner().invoke(main, ["validate", str(table), "--no-script-check"])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(main, ["validate", str(table), "--sources", str(tmp_path / "nope")])
    assert result.exit_code != 0 and "Traceback" not in result.output
