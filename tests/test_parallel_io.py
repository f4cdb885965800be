"""The aligned-text reader shared by check and align."""

from __future__ import annotations

import pytest

from glossary.errors import InputError
from glossary.io.parallel import align_texts, is_parallel_tsv, parse_parallel_tsv, read_parallel


def test_tsv_with_id_and_extra_columns(tmp_path):
    p = tmp_path / "pairs.tsv"
    p.write_text("id\tday\tzh\ten\n7\tmon\t两个维护\tthe Two Upholds\n\n8\ttue\t枫桥经验\tFengqiao model\n", encoding="utf-8")
    segs = read_parallel(p)
    assert [(s.index, s.id, s.source, s.target) for s in segs] == [
        (1, "7", "两个维护", "the Two Upholds"),
        (2, "8", "枫桥经验", "Fengqiao model"),
    ]
    assert [s.source_line for s in segs] == [2, 4]  # the blank line is skipped but counted
    assert segs[1].target_line == 4


def test_tsv_spreadsheet_quoting_is_unwrapped_but_plain_quotes_stay():
    segs = parse_parallel_tsv('zh\ten\n两个维护\t"the ""Two Upholds"""\n中国\t"Two Upholds" is a term\n')
    assert segs[0].target == 'the "Two Upholds"'
    assert segs[1].target == '"Two Upholds" is a term'


def test_tsv_column_aliases_and_case():
    segs = parse_parallel_tsv("Source\tTarget\n中国\tChina\n")
    assert segs[0].source == "中国" and segs[0].target == "China"


def test_tsv_without_zh_en_columns_is_a_clear_error(tmp_path):
    p = tmp_path / "bad.tsv"
    p.write_text("chinese\tenglish\n中国\tChina\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_parallel(p)
    msg = str(err.value)
    assert "bad.tsv:1" in msg and "no zh and en column" in msg and "\n" not in msg


def test_tsv_missing_only_en_names_it():
    with pytest.raises(InputError, match="no en column"):
        parse_parallel_tsv("id\tzh\n1\t中国\n", "x.tsv")


def test_tsv_row_with_too_many_fields():
    with pytest.raises(InputError, match=r"x.tsv:3: 4 fields, the header has 2"):
        parse_parallel_tsv("zh\ten\na\tb\nc\td\te\tf\n", "x.tsv")


def test_empty_tsv():
    with pytest.raises(InputError, match="empty file"):
        parse_parallel_tsv("\n\n", "e.tsv")


def test_two_files_by_line_ignore_blank_lines(tmp_path):
    zh, en = tmp_path / "zh.txt", tmp_path / "en.txt"
    zh.write_text("第一行\n\n第二行\n", encoding="utf-8")
    en.write_text("line one\nline two\n", encoding="utf-8")
    segs = read_parallel(zh, en)
    assert [(s.source, s.target, s.source_line, s.target_line) for s in segs] == [
        ("第一行", "line one", 1, 1),
        ("第二行", "line two", 3, 2),
    ]


def test_auto_falls_back_to_paragraphs_and_keeps_inner_newlines():
    zh = "第一段。\n\n第二段。\n"
    en = "Paragraph one,\nwrapped.\n\nParagraph two.\n"
    segs = align_texts(zh, en)
    assert [s.target for s in segs] == ["Paragraph one,\nwrapped.", "Paragraph two."]
    assert [s.target_line for s in segs] == [1, 4]
    assert [s.source_line for s in segs] == [1, 3]


def test_unequal_counts_say_the_counts():
    with pytest.raises(InputError) as err:
        align_texts("一\n二\n三\n", "one\ntwo\n", unit="line", source_name="zh.txt", target_name="en.txt")
    assert "zh.txt has 3 lines, en.txt has 2" in str(err.value)
    with pytest.raises(InputError) as err:
        align_texts("一\n\n二\n\n三\n", "one\ntwo\n", source_name="zh.txt", target_name="en.txt")
    assert "3 vs 2 non-blank lines and 3 vs 1 paragraphs" in str(err.value)


def test_auto_uses_paragraphs_when_only_they_agree():
    segs = align_texts("一\n二\n三\n", "one two\nthree\n")
    assert len(segs) == 1 and segs[0].source == "一\n二\n三"


def test_paragraph_unit_explicit_mismatch():
    with pytest.raises(InputError, match="has 2 paragraphs, target has 1"):
        align_texts("一\n\n二\n", "one\ntwo\n", unit="paragraph")


def test_unknown_unit():
    with pytest.raises(InputError, match="unknown alignment unit"):
        align_texts("a", "b", unit="sentence")


def test_legacy_encoding_and_binary_files(tmp_path):
    zh, en = tmp_path / "zh.txt", tmp_path / "en.txt"
    zh.write_bytes("坚决做到两个维护，推进中国式现代化。\n".encode("gb18030"))
    en.write_text("Uphold the Two Upholds.\n", encoding="utf-8")
    assert read_parallel(zh, en)[0].source.startswith("坚决做到两个维护")
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x01\x02\x00" * 50)
    with pytest.raises(InputError) as err:
        read_parallel(zh, binary)
    assert "x.bin" in str(err.value) and "\n" not in str(err.value)


def test_is_parallel_tsv():
    assert is_parallel_tsv("a/b.TSV") and is_parallel_tsv("x.tab")
    assert not is_parallel_tsv("x.txt") and not is_parallel_tsv("-")
