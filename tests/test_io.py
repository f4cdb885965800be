"""Input decoding (encodings, binary, empty) and atomic writes."""

from __future__ import annotations

import os

import pytest

from glossary.errors import GlossaryError, InputError
from glossary.io.atomic import write_atomic
from glossary.io.textfile import decode_bytes, read_text

ZH = "习近平新时代中国特色社会主义思想，两个维护。坚持和发展新时代“枫桥经验”。"
HANT = "習近平新時代中國特色社會主義思想，兩個維護。堅持和發展新時代「楓橋經驗」。"


@pytest.mark.parametrize("enc", ["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_simplified_in_common_encodings(enc):
    assert decode_bytes(ZH.encode(enc)).text == ZH


def test_big5_traditional():
    d = decode_bytes(HANT.encode("big5"))
    assert d.text == HANT and d.encoding == "big5"


def test_gb18030_traditional_is_not_mistaken_for_big5():
    d = decode_bytes(HANT.encode("gb18030"))
    assert d.text == HANT


def test_explicit_encoding_and_errors():
    assert decode_bytes(ZH.encode("gb18030"), encoding="gb18030").text == ZH
    with pytest.raises(InputError, match="not valid utf-8"):
        decode_bytes(ZH.encode("gb18030"), "f.txt", encoding="utf-8")
    with pytest.raises(InputError, match="unknown encoding"):
        decode_bytes(b"x", encoding="klingon")


def test_binary_and_empty(tmp_path):
    png = tmp_path / "x.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(InputError, match="x.png: binary"):
        read_text(png)
    empty = tmp_path / "e.txt"
    empty.write_bytes(b"")
    assert read_text(empty).text == ""
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a folder"):
        read_text(tmp_path)


def test_atomic_write_replaces_and_keeps_old_on_failure(tmp_path):
    target = tmp_path / "out.tsv"
    write_atomic(target, "first\n")
    assert target.read_text() == "first\n"
    write_atomic(target, "second\n")
    assert target.read_text() == "second\n"

    class Boom(bytes):
        pass

    with pytest.raises(TypeError):
        write_atomic(target, 12345)  # type: ignore[arg-type]
    assert target.read_text() == "second\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.tsv"]  # no temporary debris
    with pytest.raises(GlossaryError, match="does not exist"):
        write_atomic(tmp_path / "nope" / "x.tsv", "x")


def test_atomic_write_keeps_permissions(tmp_path):
    target = tmp_path / "p.txt"
    target.write_text("x")
    os.chmod(target, 0o640)
    write_atomic(target, "y")
    assert (target.stat().st_mode & 0o777) == 0o640


ZH_LINES = "坚持两个维护，增强四个意识。\n2024年1月\n" * 20


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_chinese_utf16_without_bom_is_text_not_binary(codec):
    from glossary.io.textfile import decode_bytes

    decoded = decode_bytes(ZH_LINES.encode(codec), "zh.txt")
    assert decoded.text == ZH_LINES and decoded.encoding == codec


@pytest.mark.parametrize("text", ["Café — the Party’s line.\n", "Café — the Party’s line. " * 200])
def test_western_single_byte_english_is_not_read_as_chinese(text):
    from glossary.io.textfile import decode_bytes

    decoded = decode_bytes(text.encode("cp1252"), "en.txt")
    assert decoded.text == text and decoded.encoding == "cp1252"


def test_english_with_chinese_terms_in_gb18030_stays_gb18030():
    from glossary.io.textfile import decode_bytes

    text = "English with 两个维护 inside.\n" * 5
    assert decode_bytes(text.encode("gb18030"), "mixed.txt").text == text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_chinese_utf16_with_much_ascii_and_no_bom(codec):
    from glossary.io.textfile import decode_bytes

    text = "第1条 The CPC (中国共产党) leads; GDP增长5.2%，CPI上涨0.2%。\n" * 30
    assert decode_bytes(text.encode(codec), "zh.txt").text == text
