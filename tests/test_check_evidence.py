"""The keep-rate evidence that sets the level of a ``missing`` finding (glossary.checking.evidence)."""

from __future__ import annotations

import pytest

from glossary.checking import CheckOptions, check_segments
from glossary.checking.evidence import KeepRate, read_keep_rates
from glossary.errors import GlossaryError
from glossary.io.parallel import Segment


def test_a_term_is_evidenced_when_kept_twice_and_in_four_of_five():
    assert KeepRate("a", "甲", 2, 2).evidenced
    assert KeepRate("a", "甲", 5, 4).evidenced
    assert not KeepRate("a", "甲", 1, 1).evidenced  # once is no evidence
    assert not KeepRate("a", "甲", 5, 3).evidenced  # paraphrased two times in five
    assert KeepRate("a", "甲", 0, 0).rate == 0.0


def test_table_is_read_and_bad_rows_are_one_clear_error(tmp_path):
    p = tmp_path / "k.tsv"
    p.write_text("id\tzh\tseen\tkept\twhere\nx\t甲\t3\t3\tdoc#1 doc#2 doc#3\n", encoding="utf-8")
    assert read_keep_rates(str(p))["x"] == KeepRate("x", "甲", 3, 3, "doc#1 doc#2 doc#3")
    bad = tmp_path / "bad.tsv"
    bad.write_text("id\tzh\tseen\tkept\twhere\nx\t甲\t2\t3\t\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match="between 0 and seen"):
        read_keep_rates(str(bad))
    wrong = tmp_path / "wrong.tsv"
    wrong.write_text("term\tcount\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match="expected the columns"):
        read_keep_rates(str(wrong))
    assert read_keep_rates(str(tmp_path / "none.tsv")) == {}


def test_packaged_table_names_real_terms_and_no_held_out_report(shipped):
    rates = read_keep_rates()
    ids = {t.id for t in shipped}
    assert rates and set(rates) <= ids
    for r in rates.values():
        assert 0 <= r.kept <= r.seen == len(r.where.split())
        # the Government Work Reports 2016-2022 are the text the rule is measured on
        assert not any(f"gov_work_report_{y}" in r.where for y in range(2016, 2023))


def test_missing_is_a_warning_only_for_a_term_official_english_keeps(shipped):
    rates = read_keep_rates()
    kept = rates["zhongguo-tese-shehui-zhuyi"] if "zhongguo-tese-shehui-zhuyi" in rates else None
    assert kept is not None and kept.evidenced  # 中国特色社会主义: the constitutions keep it every time
    segs = [
        Segment(1, "坚持中国特色社会主义。", "We will keep to our path.", 1, 1),
        Segment(2, "开展主题教育。", "We launched a campaign to study the Party's thought.", 2, 2),
    ]
    report = check_segments(segs, shipped, CheckOptions(kinds=["missing"]))
    levels = {f.zh: f.severity for f in report}
    assert levels == {"中国特色社会主义": "warning", "主题教育": "info"}
    note = next(f for f in report if f.zh == "主题教育")
    assert "not known to keep" in note.message
    # strict: no allowance, every missing rendering at the kind's level
    strict = check_segments(segs, shipped, CheckOptions.strict(kinds=["missing"]))
    assert {f.severity for f in strict} == {"warning"}
    off = check_segments(segs, shipped, CheckOptions(kinds=["missing"], keep_evidence=False, severity={"missing": "error"}))
    assert {f.severity for f in off} == {"error"}


def test_a_machine_translation_of_two_upholds_is_still_caught_with_a_source(shipped):
    segs = [
        Segment(1, "做到两个维护。", "Achieve the two maintenance.", 1, 1),
        Segment(2, "做到两个维护。", "Achieve the two safeguarding.", 2, 2),
        Segment(3, "做到两个维护。", "Achieve the goal.", 3, 3),
    ]
    report = check_segments(segs, shipped)
    got = [(f.line, f.kind, f.severity) for f in report if f.zh == "两个维护"]
    assert (1, "nonstandard", "error") in got
    assert (2, "literal", "warning") in got
    assert (3, "missing", "info") in got  # no evidence how official English words it: a note
    assert not any(k == "missing" for line, k, _ in got if line in (1, 2))
