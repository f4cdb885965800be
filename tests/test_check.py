"""Terminology QA: glossary.check and the ``glossary check`` command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary.checking import Checker, CheckOptions, check, check_segments, check_text
from glossary.checking.output import format_report
from glossary.cli import main
from glossary.errors import GlossaryError, InputError
from glossary.io.parallel import Segment, align_texts
from glossary.terms import Term


def _term(id, zh, en, alt=(), bad=(), pinyin=""):
    return Term(id=id, zh_hans=zh, zh_hant=zh, pinyin=pinyin or id, pinyin_num="", en=en, en_alt=tuple(alt),
                en_nonstandard=tuple(bad), category="concept", definition="d", status="official")


TERMS = (
    _term("liang-ge-weihu", "两个维护", "Two Upholds", ["two safeguards"], ["two maintenance"], "liǎng gè wéihù"),
    _term("zhongguoshi-xiandaihua", "中国式现代化", "Chinese modernization", ["Chinese path to modernization"],
          ["Chinese style modernization"], "Zhōngguóshì xiàndàihuà"),
    _term("fengqiao-jingyan", "枫桥经验", "Fengqiao experience", ["Fengqiao model"], ["Maple Bridge experience"]),
    _term("gaige", "改革", "reform"),
    _term("xiaokang", "全面建成小康社会", "finishing building a moderately prosperous society in all respects"),
    _term("sifa-xingzheng", "司法行政部门", "judicial administration departments", bad=["justice"]),
    _term("zhongguo-gongchandang", "中国共产党", "Communist Party of China (CPC)", ["CPC"]),
    _term("yidai-yilu", "一带一路", "the Belt and Road Initiative", ["the Belt and Road"]),
)


def checker(**kw):
    kw.setdefault("ambiguity", False)
    kw.setdefault("formulations_only", False)  # the mechanics of missing, on every term
    kw.setdefault("keep_evidence", False)  # these terms are made up: no official evidence for them
    return Checker(TERMS, CheckOptions(**kw))


def seg(i, zh, en, line=None):
    return Segment(i, zh, en, line or i, line or i)


# -- no source -----------------------------------------------------------------------------------
def test_nonstandard_renderings_with_position_and_term_data():
    text = "Intro line.\nWe reject two maintenance and Chinese-style modernisation? No: Chinese style modernization.\n"
    report = checker().check_text(text, name="t.txt")
    line2 = text.splitlines()[1]
    assert [(f.kind, f.severity, f.line, f.column, f.found) for f in report] == [
        ("nonstandard", "error", 2, 11, "two maintenance"),
        # British spelling folds to the American one: the flagged form is flagged in either
        ("nonstandard", "error", 2, line2.index("Chinese-style") + 1, "Chinese-style modernisation"),
        ("nonstandard", "error", 2, line2.index("Chinese style") + 1, "Chinese style modernization"),
    ]
    f = report.findings[0]
    assert (f.expected, f.zh, f.pinyin, f.term_id, f.file) == ("Two Upholds", "两个维护", "liǎng gè wéihù", "liang-ge-weihu", "t.txt")
    assert text.splitlines()[f.line - 1][f.column - 1 :].startswith("two maintenance")


def test_standard_and_accepted_renderings_are_clean():
    report = checker().check_text("The Two Upholds, the two safeguards and the Fengqiao model.")
    assert len(report) == 0 and not report.failed("info")
    assert report.words == 10


def test_case_plural_and_hyphen_variants_of_a_nonstandard_form_are_found():
    report = checker().check_text("MAPLE-BRIDGE EXPERIENCES abound.")
    assert [f.term_id for f in report] == ["fengqiao-jingyan"]


# -- with a source ---------------------------------------------------------------------------------
def test_missing_rendering_is_a_warning_and_accepted_alternative_satisfies():
    segs = [
        seg(1, "坚持枫桥经验。", "Keep the Fengqiao model."),
        seg(2, "坚持枫桥经验。", "Keep the old ways."),
    ]
    report = checker(kinds=["missing", "nonstandard"]).check_segments(segs, target="en.txt")
    assert [(f.kind, f.severity, f.line, f.segment, f.source_text) for f in report] == [
        ("missing", "warning", 2, 2, "枫桥经验")
    ]
    assert "Fengqiao experience" in report.findings[0].message
    assert not report.failed("error") and report.failed("warning")


def test_nonstandard_rendering_is_not_also_reported_missing():
    report = checker().check_segments([seg(1, "两个维护", "the two maintenance")])
    assert [f.kind for f in report] == ["nonstandard"]


def test_parenthesised_part_of_a_rendering_is_optional():
    report = checker().check_segments([seg(1, "中国共产党领导", "Leadership by the Communist Party of China")])
    assert len(report) == 0


def test_single_common_word_terms_are_not_checked_for_missing():
    assert len(checker().check_segments([seg(1, "深化改革", "Deepen the overhaul")])) == 0
    strict = checker(skip_single_word=False).check_segments([seg(1, "深化改革", "Deepen the overhaul")])
    assert [f.term_id for f in strict] == ["gaige"]


def test_loose_matching_accepts_reworded_renderings_and_strict_does_not():
    s = [seg(1, "全面建成小康社会", "We will complete the building of a moderately prosperous society in all respects.")]
    assert len(checker().check_segments(s)) == 0
    assert [f.kind for f in checker(loose=False).check_segments(s)] == ["missing"]
    other = [seg(1, "全面建成小康社会", "We will grow the economy in all respects.")]
    assert [f.kind for f in checker().check_segments(other)] == ["missing"]


def test_min_zh_chars():
    s = [seg(1, "枫桥经验", "nothing")]
    assert len(checker(min_zh_chars=5).check_segments(s)) == 0
    assert len(checker(min_zh_chars=4).check_segments(s)) == 1


def test_inconsistent_renderings_across_segments():
    segs = [
        seg(1, "两个维护", "the Two Upholds"),
        seg(2, "两个维护", "the Two Upholds again"),
        seg(3, "两个维护", "the two safeguards"),
    ]
    report = checker().check_segments(segs)
    assert [(f.kind, f.severity, f.segment, f.found, f.expected) for f in report] == [
        ("inconsistent", "info", 3, "two safeguards", "Two Upholds")
    ]
    assert "in 2 other segment(s)" in report.findings[0].message


def test_a_rendering_contained_in_another_is_not_inconsistent():
    segs = [
        seg(1, "一带一路", "the Belt and Road Initiative"),
        seg(2, "一带一路", "the Belt and Road"),
        seg(3, "中国共产党", "the Communist Party of China (CPC)"),
        seg(4, "中国共产党", "the CPC"),
    ]
    assert [f.kind for f in checker().check_segments(segs)] == []


def test_severity_override_and_kind_filter():
    segs = [seg(1, "枫桥经验", "Nothing here, but two maintenance.")]
    report = checker(severity={"missing": "error"}, kinds=["missing"]).check_segments(segs)
    assert [(f.kind, f.severity) for f in report] == [("missing", "error")]
    with pytest.raises(GlossaryError, match="unknown finding kind"):
        checker(kinds=["typo"])
    with pytest.raises(GlossaryError, match="unknown severity"):
        checker(severity={"missing": "fatal"})


def test_ambiguous_nonstandard_forms_depend_on_the_source():
    c = Checker(TERMS, CheckOptions(ambiguity=True))
    alone = c.check_text("Courts administer justice.")
    assert [(f.kind, f.severity) for f in alone] == [("nonstandard", "info")]
    assert "ambiguous" in alone.findings[0].message
    unrelated = c.check_segments([seg(1, "法院维护公平正义。", "Courts administer justice.")])
    assert len(unrelated) == 0
    related = c.check_segments([seg(1, "司法行政部门负责。", "Justice is responsible.")])
    assert [(f.kind, f.severity) for f in related] == [("nonstandard", "error")]


def test_positions_in_paragraph_segments_point_at_file_lines():
    zh = "第一段。\n\n坚决做到两个维护。\n"
    en = "Paragraph one.\n\nWe will, in every way,\nuphold the two maintenance.\n"
    segs = align_texts(zh, en)
    (f,) = checker().check_segments(segs).findings
    assert (f.line, f.column, f.segment) == (4, 12, 2)


def test_report_frame_and_formats():
    report = checker().check_segments([seg(1, "两个维护、枫桥经验", "two maintenance")], target="en.txt")
    frame = report.to_frame()
    assert frame.height == 2 and {"kind", "severity", "line", "column", "zh", "pinyin", "expected"} <= set(frame.columns)
    assert sorted(frame["kind"].to_list()) == ["missing", "nonstandard"]
    assert checker().check_text("clean").to_frame().height == 0
    data = json.loads(format_report(report, "json"))
    assert data["failed"] is True and data["counts"] == {"error": 1, "warning": 1, "info": 0}
    text = format_report(report, "text")
    assert text.startswith("en.txt:1:1: ") and "FAIL: 2 findings" in text
    csv_text = format_report(report, "csv")
    assert csv_text.splitlines()[0].startswith("kind,severity,line,column,found")
    assert report.per_10k_words() == pytest.approx(10000)


def test_csv_cells_are_neutralised():
    from glossary.checking import CheckReport, Finding

    f = Finding("nonstandard", "error", 1, 1, "=HYPERLINK(1)", "x", "某某", "x", "x", "@msg")
    out = format_report(CheckReport((f,), words=1), "csv")
    assert "'=HYPERLINK(1)" in out and "'@msg" in out


# -- files and API twins ---------------------------------------------------------------------------
def test_check_file_tsv_two_files_and_plain(tmp_path):
    tsv = tmp_path / "pairs.tsv"
    tsv.write_text("id\tzh\ten\n1\t两个维护\tthe two maintenance\n2\t枫桥经验\tother words\n", encoding="utf-8")
    report = check(tsv, glossary=TERMS, options=CheckOptions(ambiguity=False, formulations_only=False))
    assert [(f.kind, f.line, f.segment_id) for f in report] == [("nonstandard", 2, "1"), ("missing", 3, "2")]
    # by default only formulation-like terms are looked for: 枫桥经验 (a concept) is not
    report = check(tsv, glossary=TERMS, options=CheckOptions(ambiguity=False))
    assert [(f.kind, f.line, f.segment_id) for f in report] == [("nonstandard", 2, "1")]
    zh, en = tmp_path / "zh.txt", tmp_path / "en.txt"
    zh.write_text("两个维护\n枫桥经验\n", encoding="utf-8")
    en.write_text("two maintenance\nFengqiao experience\n", encoding="utf-8")
    assert [f.kind for f in check(en, zh, glossary=TERMS, options=CheckOptions(ambiguity=False))] == ["nonstandard"]
    assert [f.kind for f in check(en, glossary=TERMS, options=CheckOptions(ambiguity=False))] == ["nonstandard"]
    assert check_text("two maintenance", TERMS, CheckOptions(ambiguity=False)).findings[0].expected == "Two Upholds"
    assert len(check_segments([seg(1, "两个维护", "Two Upholds")], TERMS, CheckOptions(ambiguity=False))) == 0


def test_check_file_errors(tmp_path):
    en = tmp_path / "en.txt"
    en.write_text("a\nb\nc\n", encoding="utf-8")
    zh = tmp_path / "zh.txt"
    zh.write_text("一\n\n二\n", encoding="utf-8")
    with pytest.raises(InputError, match="2 vs 3 non-blank lines and 2 vs 1 paragraphs"):
        check(en, zh, glossary=TERMS)
    bad = tmp_path / "bad.tsv"
    bad.write_text("a\tb\n1\t2\n", encoding="utf-8")
    with pytest.raises(InputError, match="no zh and en column"):
        check(bad, glossary=TERMS)


# -- the command -----------------------------------------------------------------------------------
@pytest.fixture
def files(tmp_path):
    en = tmp_path / "en.txt"
    en.write_text("We uphold the two maintenance.\n", encoding="utf-8")
    clean = tmp_path / "clean.txt"
    clean.write_text("Nothing to see here.\n", encoding="utf-8")
    return tmp_path, en, clean


def test_cli_exit_codes_and_report(files):
    tmp, en, clean = files
    r = CliRunner().invoke(main, ["check", str(en)])
    assert r.exit_code == 1, r.output
    assert f"{en}:1:15: error: non-standard rendering" in r.output and "FAIL" in r.output
    r = CliRunner().invoke(main, ["check", str(clean)])
    assert r.exit_code == 0 and "clean: no findings" in r.output
    r = CliRunner().invoke(main, ["check", str(en), "--fail-on", "never"])
    assert r.exit_code == 0
    r = CliRunner().invoke(main, ["check", str(tmp / "nope.txt")])
    assert r.exit_code == 2 and "glossary: error:" in r.output and "Traceback" not in r.output
    r = CliRunner().invoke(main, ["check", str(en), "--format", "xml"])
    assert r.exit_code == 2


def test_cli_json_output_file_and_binary_input(files):
    tmp, en, _ = files
    out = tmp / "report.json"
    r = CliRunner().invoke(main, ["check", str(en), "--format", "json", "-o", str(out)])
    assert r.exit_code == 1
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["findings"][0]["zh"] == "两个维护" and data["findings"][0]["line"] == 1
    binary = tmp / "b.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    r = CliRunner().invoke(main, ["check", str(binary)])
    assert r.exit_code == 2 and len(r.output.strip().splitlines()) == 1


def test_cli_unequal_files_and_severity_option(files):
    tmp, en, _ = files
    zh = tmp / "zh.txt"
    zh.write_text("一\n\n二\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["check", str(en), "--source", str(zh), "--unit", "line"])
    assert r.exit_code == 2 and "has 2 lines" in r.output and "has 1" in r.output
    r = CliRunner().invoke(main, ["check", str(en), "--severity", "missing=fatal"])
    assert r.exit_code == 2
    r = CliRunner().invoke(main, ["check", "--help"])
    assert r.exit_code == 0 and "Examples" in r.output and "--fail-on" in r.output


def test_api_twins_are_exported_lazily():
    import glossary
    from glossary.annotation import annotate
    from glossary.io.parallel import read_parallel

    assert glossary.check is check and glossary.check_text is check_text
    assert glossary.read_parallel is read_parallel and glossary.annotate is annotate


def test_glossary_check_and_annotate_are_callable_even_after_the_modules_are_imported(tmp_path):
    import glossary
    import glossary.annotation
    import glossary.checking

    en = tmp_path / "en.txt"
    en.write_text("two maintenance\n", encoding="utf-8")
    report = glossary.check(en, glossary=TERMS, options=CheckOptions(ambiguity=False))
    assert [f.kind for f in report] == ["nonstandard"]
    assert "<ruby>" not in glossary.annotate(en, "html", TERMS, ambiguity=False)
    assert "two maintenance" in glossary.annotate(en, "txt", TERMS, ambiguity=False)


def test_cedict_senses_found_by_a_scan_of_the_file():
    from glossary.checking.ambiguity import _cedict_senses

    found = _cedict_senses(frozenset({"trade union", "rule of law"}))
    heads = {h for s, h in found if s == "trade union"}
    assert "工会" in heads
    assert any(s == "rule of law" for s, _ in found)
    # parenthesised notes and hyphens do not stop a sense from matching
    assert _cedict_senses(frozenset()) == []


def test_empty_or_chinese_target_is_refused(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("\n \n", encoding="utf-8")
    with pytest.raises(InputError, match="empty file"):
        check(empty, glossary=TERMS)
    zh = tmp_path / "zh.txt"
    zh.write_text("坚决做到两个维护。\n", encoding="utf-8")
    with pytest.raises(InputError, match="is Chinese text.*--source"):
        check(zh, glossary=TERMS)
    en = tmp_path / "en.txt"
    en.write_text("We uphold the two maintenance.\n", encoding="utf-8")
    with pytest.raises(InputError, match="swapped"):
        check(en, en, glossary=TERMS)  # the English given as the source too
    with pytest.raises(InputError, match="is Chinese text"):
        check(zh, zh, glossary=TERMS)  # the Chinese given as the target too
    # English with a few Chinese terms in brackets is English
    mixed = tmp_path / "mixed.txt"
    mixed.write_text("We uphold the Two Upholds (两个维护) and the Four Consciousnesses (四个意识).\n", encoding="utf-8")
    assert check(mixed, glossary=TERMS) is not None
    r = CliRunner().invoke(main, ["check", str(zh)])
    assert r.exit_code == 2 and "Traceback" not in r.output and "--source" in r.output


def test_several_files_and_folders(tmp_path):
    from glossary.checking import check_files

    folder = tmp_path / "chapters"
    folder.mkdir()
    (folder / "one.txt").write_text("We uphold the two maintenance.\n", encoding="utf-8")
    (folder / "two.md").write_text("The Two Upholds guide us.\n", encoding="utf-8")
    (folder / "skip.png").write_bytes(b"\x89PNG")
    extra = tmp_path / "extra.txt"
    extra.write_text("Chinese style modernization matters.\n", encoding="utf-8")
    reports = check_files([folder, extra], glossary=TERMS, options=CheckOptions(ambiguity=False))
    assert [Path(r.target).name for r in reports] == ["one.txt", "two.md", "extra.txt"]
    assert [len(r) for r in reports] == [1, 0, 1]
    r = CliRunner().invoke(main, ["check", str(folder), str(extra)])  # the shipped glossary
    assert r.exit_code == 1 and "3 file(s)" in r.output and "2 file(s) failing on error" in r.output
    r = CliRunner().invoke(main, ["check", str(extra), str(tmp_path / "gone.txt")])
    assert r.exit_code == 2 and "gone.txt: no such file" in r.output and "1 file(s)" in r.output
    r = CliRunner().invoke(main, ["check", str(extra), str(folder), "--source", str(extra)])
    assert r.exit_code == 2 and "give one TARGET" in r.output


def test_text_report_groups_findings_by_kind_and_term():
    report = checker().check_text("two maintenance, and two maintenance again; Chinese style modernization.", name="t.txt")
    text = format_report(report, "text")
    grouped = text.split("by kind and term:\n", 1)[1]
    first, second = grouped.splitlines()[:2]
    assert "两个维护" in first and "×2" in first and "中国式现代化" in second and "×1" in second


def _key(report):
    return [(f.line, f.column, f.kind, f.found, f.term_id) for f in report.findings]


@pytest.mark.parametrize("one_line", [False, True])
def test_long_text_is_checked_in_parts_with_the_same_findings(monkeypatch, one_line):
    """A 50 MB text used 3.2 GB in one pass; parts bound the memory and feed the progress bar.
    Cut small here, the parts must give the findings (lines and columns too) of one pass."""
    from pathlib import Path

    import glossary.io.documents as documents
    from glossary.checking import Checker, CheckOptions
    from glossary.store import load

    text = next((Path(__file__).parent.parent / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    if one_line:  # a one-line export: parts cut inside the line, columns carry on
        text = text.replace("\r\n", " ").replace("\n", " ")
    checker = Checker(load(), CheckOptions())
    whole = checker.check_text(text)
    monkeypatch.setattr(documents, "LINE_PART_CHARS", 700)
    heard: list[int] = []
    parts = checker.check_text(text, progress=heard.append)
    assert len(heard) > 10 and sum(heard) == len(text)
    assert whole.findings and _key(parts) == _key(whole) and parts.words == whole.words


def test_check_progress_bar_draws_only_for_long_texts(capsys):
    from glossary.progress import PROGRESS_MIN_CHARS, TextProgress

    bar = TextProgress("check")
    bar(10, 100)  # a short text: nothing drawn
    assert capsys.readouterr().err == ""
    total = PROGRESS_MIN_CHARS * 2
    for done in (total // 4, total // 2, total):
        bar(done, total)
    err = capsys.readouterr().err
    assert "check [" in err and " 25%" in err and " 50%" in err and "100%" in err and err.endswith("\r")
