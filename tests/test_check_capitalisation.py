"""The ``capitalisation`` finding of glossary.check: official names written with the glossary's capitals."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from glossary.checking import KINDS, Checker, CheckOptions
from glossary.checking.output import format_report
from glossary.cli import main
from glossary.io.parallel import Segment
from glossary.terms import Term


def _term(id, zh, en, alt=(), bad=(), category="concept"):
    return Term(id=id, zh_hans=zh, zh_hant=zh, pinyin=id, pinyin_num="", en=en, en_alt=tuple(alt),
                en_nonstandard=tuple(bad), category=category, definition="d", status="official")


TERMS = (
    _term("san-ge-daibiao", "三个代表", "the Three Represents", bad=["three representations"]),
    _term("yidai-yilu", "一带一路", "the Belt and Road Initiative", ["the Belt and Road"]),
    _term("gaozhiliang", "高质量发展", "high-quality development"),
    _term("gongtong-fuyu", "共同富裕", "common prosperity"),
    _term("dang-jianshe", "党的建设", "Party building"),
    _term("yi-guo-liang-zhi", "一国两制", "One Country, Two Systems", ["one country, two systems"]),
    _term("dang-zhongyang", "党中央", "Party Central Committee", ["Party central committee"], category="institution"),
    _term("zongli", "国务院总理", "Premier of the State Council", ["Premier"], category="title"),
    _term("xianfa", "宪法", "the Constitution", category="document"),
    _term("laodong-fa", "劳动法", "Labor Law", category="document"),
    _term("xinguan", "新冠疫情应对", "COVID-19 response"),
    _term("kexie", "中国科协", "China Association for Science and Technology (CAST)", ["CAST"], category="institution"),
)


def found(text, **kw):
    return [(f.found, f.expected) for f in Checker(TERMS, CheckOptions(ambiguity=False, **kw)).check_text(text)]


def seg(i, zh, en):
    return Segment(i, zh, en, i, i)


# -- glossary capitals written lowercase ---------------------------------------------------------
def test_lowercased_official_names_are_warnings_naming_both_forms():
    text = "We uphold the three represents.\nThe belt and road initiative grows.\n"
    report = Checker(TERMS, CheckOptions(ambiguity=False)).check_text(text, name="t.txt")
    assert [(f.kind, f.severity, f.line, f.column, f.found, f.expected) for f in report] == [
        ("capitalisation", "warning", 1, 15, "three represents", "Three Represents"),
        ("capitalisation", "warning", 2, 5, "belt and road initiative", "Belt and Road Initiative"),
    ]
    f = report.findings[0]
    assert f.message.startswith('"three represents" is written "Three Represents" in the glossary (三个代表')
    assert (f.zh, f.term_id, f.file) == ("三个代表", "san-ge-daibiao", "t.txt")


def test_glossary_capitalisation_and_ordinary_lowercase_phrases_are_clean():
    text = "The Three Represents, the Belt and Road Initiative, Party building, high-quality development."
    assert found(text) == []


def test_a_proper_noun_inside_a_rendering_counts_like_any_capital():
    assert found("Strengthen party building.") == [("party building", "Party building")]


def test_a_lowercase_word_is_reported_even_at_the_start_of_a_sentence():
    assert found("Three represents guide us.") == [("Three represents", "Three Represents")]


def test_all_caps_text_agrees_with_any_capital():
    assert found("WE UPHOLD THE THREE REPRESENTS AND PARTY BUILDING") == []


def test_a_form_written_as_another_accepted_form_in_its_own_case_is_not_reported():
    assert found('the principle of "one country, two systems"') == []
    assert found("One Country, Two Systems works") == []
    assert found("the Party central committee decided") == []
    # reported against the accepted form it departs from least
    assert found("the party central committee decided") == [("party central committee", "Party central committee")]
    assert found("the Party central Committee decided") == []  # raised capitals only, not reported


def test_nonstandard_forms_are_not_also_capitalisation_findings():
    report = Checker(TERMS, CheckOptions(ambiguity=False)).check_text("the three representations")
    assert [f.kind for f in report] == ["nonstandard"]


def test_acronyms_compounds_addresses_and_generic_plurals_are_not_judged():
    assert found("Areas that have cast off poverty; the covid-19 response.") == []
    assert found("Party members and non-party building experts") == []
    assert found("see https://example.com/party-building/ or party/building") == []
    assert found("countries passed labor laws") == []
    assert found("under the labor law of 1994") == [("labor law", "Labor Law")]


def test_titles_are_lowercase_unless_a_name_follows():
    assert found("nominated by the premier of the State Council;") == []
    assert found("as premier of the State Council Li Qiang said") == [
        ("premier of the State Council", "Premier of the State Council")
    ]


def test_one_word_forms_need_the_term_in_the_source():
    assert found("a new constitution was drafted") == []
    c = Checker(TERMS, CheckOptions(ambiguity=False))
    with_term = c.check_segments([seg(1, "宪法规定", "the constitution provides")])
    assert [(f.kind, f.found, f.expected) for f in with_term] == [("capitalisation", "constitution", "Constitution")]
    without = c.check_segments([seg(1, "章程规定", "the constitution provides")])
    assert len(without) == 0


# -- capitals on words the glossary writes lowercase (only on request) ------------------------------
def test_raised_capitals_are_not_reported_by_default():
    assert found("We pursue High-Quality Development and Common Prosperity.") == []


def test_raised_capitals_on_request_with_sentence_heading_and_caps_exemptions():
    def raised(text):
        return found(text, raised_capitals=True)

    assert raised("We pursue Common Prosperity.") == [("Common Prosperity", "common prosperity")]
    # sentence-initial: the first word may be capitalised, the others may not
    assert raised("Done. High-quality development is the task.") == []
    assert raised("(1) High-quality development\n—Common prosperity rose.") == []
    assert raised("Done. High-Quality development is the task.") == [("High-Quality development", "high-quality development")]
    # a title-case heading and an ALL-CAPS line
    assert raised("Pursuing High-Quality Development in the New Era\nWe did.") == []
    assert raised("I. PURSUING HIGH-QUALITY DEVELOPMENT\nWe did.") == []


# -- kinds, severities and outputs ------------------------------------------------------------------
def test_kind_selection_and_severity_override():
    assert "capitalisation" in KINDS
    text = "the three represents and the three representations"
    only_case = Checker(TERMS, CheckOptions(ambiguity=False, kinds=["capitalisation"])).check_text(text)
    assert [f.kind for f in only_case] == ["capitalisation"]
    without = Checker(TERMS, CheckOptions(ambiguity=False, kinds=["nonstandard"])).check_text(text)
    assert [f.kind for f in without] == ["nonstandard"]
    strict = Checker(TERMS, CheckOptions(ambiguity=False, severity={"capitalisation": "error"})).check_text(text)
    assert [(f.kind, f.severity) for f in strict] == [("capitalisation", "error"), ("nonstandard", "error")]


def test_every_output_format_carries_the_kind():
    report = Checker(TERMS, CheckOptions(ambiguity=False)).check_text("the three represents", name="t.txt")
    assert format_report(report, "text").startswith(
        't.txt:1:5: warning: "three represents" is written "Three Represents" in the glossary'
    )
    assert "[capitalisation]" in format_report(report, "text")
    data = json.loads(format_report(report, "json"))
    assert data["counts"]["warning"] == 1 and data["failed"] is False
    assert (data["findings"][0]["kind"], data["findings"][0]["expected"]) == ("capitalisation", "Three Represents")
    rows = list(csv.DictReader(io.StringIO(format_report(report, "csv"))))
    assert [(r["kind"], r["found"], r["expected"]) for r in rows] == [("capitalisation", "three represents", "Three Represents")]
    frame = report.to_frame()
    assert frame["kind"].to_list() == ["capitalisation"] and frame["found"].to_list() == ["three represents"]


@pytest.fixture
def draft(tmp_path, monkeypatch):
    from glossary.io.atomic import write_atomic
    from glossary.terms import dumps_tsv

    gloss = tmp_path / "terms.tsv"
    write_atomic(gloss, dumps_tsv(TERMS))
    en = tmp_path / "en.txt"
    en.write_text("We uphold the three represents and the three representations.\n", encoding="utf-8")
    return en, gloss


def _run(*args):
    return CliRunner().invoke(main, ["check", *args])


def test_cli_selects_excludes_and_reweights_the_kind(draft):
    en, gloss = draft
    base = [str(en), "--glossary", str(gloss), "--format", "json"]
    kinds = lambda r: [f["kind"] for f in json.loads(r.output)["findings"]]  # noqa: E731
    r = _run(*base)
    assert r.exit_code == 1 and kinds(r) == ["capitalisation", "nonstandard"], r.output
    r = _run(*base, "--kinds", "capitalisation")
    assert r.exit_code == 0 and kinds(r) == ["capitalisation"]
    r = _run(*base, "--skip", "capitalisation")
    assert kinds(r) == ["nonstandard"]
    r = _run(*base, "--only", "capitalisation", "--severity", "capitalisation=error")
    assert r.exit_code == 1 and json.loads(r.output)["counts"]["error"] == 1
    r = _run("--help")
    assert r.exit_code == 0 and "capitalisation" in r.output and "--skip" in r.output




def test_a_lowercased_generic_place_noun_is_no_finding():
    """Official English writes "Henan province" (the New Year addresses, China Daily) as often as
    "Henan Province" (Xinhua): the generic noun alone lowercased is no finding, the name itself is."""
    terms = (_term("henan", "河南", "Henan", ["Henan Province"], category="place"),)
    checker = Checker(terms, CheckOptions(ambiguity=False, kinds=["capitalisation"]))
    assert [f.kind for f in checker.check_text("Party members in Henan province and Gansu.")] == []
    assert [f.kind for f in checker.check_text("Party members in henan Province.")] == ["capitalisation"]
