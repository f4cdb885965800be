"""Annotated reading views: glossary.annotate and the ``glossary annotate`` command."""

from __future__ import annotations

import pytest
from browser import CHROMIUM, NO_CHROMIUM, rendered_dom
from click.testing import CliRunner

from glossary.annotation import annotate, annotate_text, find_marks
from glossary.cli import main
from glossary.errors import GlossaryError
from glossary.forms import language
from glossary.terms import Term


def _term(id, zh, en, pinyin, alt=(), bad=()):
    return Term(id=id, zh_hans=zh, zh_hant=zh, pinyin=pinyin, pinyin_num="", en=en, en_alt=tuple(alt),
                en_nonstandard=tuple(bad), category="concept", definition="d", status="official")


TERMS = (
    _term("liang-ge-weihu", "两个维护", "Two Upholds", "liǎng gè wéihù", ["two safeguards"], ["two maintenance"]),
    _term("fengqiao-jingyan", "枫桥经验", "Fengqiao experience", "Fēngqiáo jīngyàn", ["Fengqiao model"],
          ["Maple Bridge experience"]),
    _term("sifa", "司法行政部门", "judicial administration departments", "sīfǎ xíngzhèng bùmén", bad=["justice"]),
)
ZH = "坚决做到“两个维护”。\n\n坚持和发展枫桥经验，两个维护。\n"
EN = 'We reject the "two maintenance" <script>alert(1)</script> & keep the two safeguards.\n\nThe Fengqiao experience; justice.\n'


def test_find_marks_kinds_and_doubtful_forms():
    marks = find_marks(EN, TERMS, ambiguity=True)
    assert [(m.text, m.kind, bool(m.doubtful)) for m in marks] == [
        ("two maintenance", "nonstandard", False),
        ("two safeguards", "accepted", False),
        ("Fengqiao experience", "standard", False),
        ("justice", "nonstandard", True),
    ]
    assert [m.kind for m in find_marks(ZH, TERMS, ambiguity=False)] == ["zh", "zh", "zh"]


def test_language_guess():
    assert language(ZH) == "zh" and language(EN) == "en"


def test_html_chinese_has_ruby_pinyin_and_english_tooltip():
    page = annotate_text(ZH, "html", TERMS, title="演讲 <1>", ambiguity=False)
    assert page.startswith("<!DOCTYPE html>") and '<html lang="zh-Hans">' in page
    assert page.count("<ruby>") == 3 and "<rt>liǎng gè wéihù</rt>" in page and "<rt>Fēngqiáo jīngyàn</rt>" in page
    assert 'data-tip="Two Upholds · liǎng gè wéihù · also: two safeguards"' in page
    assert "<title>演讲 &lt;1&gt; — glossary terms</title>" in page
    assert page.count("<p>") == 2  # two paragraphs


def test_html_english_is_escaped_and_self_contained():
    page = annotate_text(EN, "html", TERMS, ambiguity=True)
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; keep" in page
    assert 'class="term nonstandard"' in page and 'class="term accepted"' in page and 'class="term nonstandard doubtful"' in page
    assert '<span class="fix">→\u00a0Two Upholds<span class="fzh" lang="zh">两个维护</span></span>' in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    for external in ("src=", "href=", "@import", "url(", "http://", "https://"):
        assert external not in page


def test_markdown_and_text():
    md = annotate_text(ZH, "md", TERMS, title="t", ambiguity=False)
    assert "**两个维护** (liǎng gè wéihù, *Two Upholds*)" in md
    assert md.count("(liǎng gè wéihù") == 1  # glossed at the first occurrence only
    assert "| 两个维护 | liǎng gè wéihù | Two Upholds | Chinese ×2 |" in md
    md_en = annotate_text(EN, "md", TERMS, ambiguity=False)
    assert "~~two maintenance~~ **\\[→ Two Upholds · 两个维护\\]**" in md_en
    assert "\\<script\\>" in md_en
    txt = annotate_text(EN, "txt", TERMS, ambiguity=False)
    assert "two maintenance [! standard: Two Upholds | 两个维护 liǎng gè wéihù]" in txt
    assert "two safeguards [≈ Two Upholds | 两个维护]" in txt
    assert "(non-standard form used)" in txt
    with pytest.raises(GlossaryError, match="unknown annotation format"):
        annotate_text(ZH, "pdf", TERMS)


def test_no_terms_found():
    assert "No glossary term found." in annotate_text("Nothing here.", "html", TERMS, ambiguity=False)
    assert annotate_text("Nothing here.", "txt", TERMS, ambiguity=False).endswith("Terms in this text:\n  none\n")


def test_annotate_legacy_encoding_and_atomic_output(tmp_path):
    src = tmp_path / "speech.txt"
    src.write_bytes(ZH.encode("gb18030"))
    out = tmp_path / "speech.html"
    result = annotate(src, "html", TERMS, output=out, ambiguity=False)
    assert out.read_text(encoding="utf-8") == result and "<h1>speech.txt</h1>" in result
    assert sorted(p.name for p in tmp_path.iterdir()) == ["speech.html", "speech.txt"]  # no temporary file left


def test_cli(tmp_path):
    src = tmp_path / "zh.txt"
    src.write_text("坚决做到两个维护。\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["annotate", str(src), "--format", "txt"])
    assert r.exit_code == 0 and "两个维护[liǎng gè wéihù" in r.output
    out = tmp_path / "o.html"
    r = CliRunner().invoke(main, ["annotate", str(src), "-o", str(out)])
    assert r.exit_code == 0 and "<ruby>两个维护" in out.read_text(encoding="utf-8")
    binary = tmp_path / "b.bin"
    binary.write_bytes(bytes(range(256)) * 4)
    r = CliRunner().invoke(main, ["annotate", str(binary)])
    assert r.exit_code == 1 and r.output.startswith("glossary: error:") and len(r.output.strip().splitlines()) == 1
    r = CliRunner().invoke(main, ["annotate", "--help"])
    assert r.exit_code == 0 and "Examples" in r.output


@pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)
def test_html_renders_in_headless_chromium(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(annotate_text(ZH + "\n" + EN, "html", TERMS, ambiguity=False), encoding="utf-8")
    dom = rendered_dom(page, tmp_path)
    rubies = dom.xpath("//article//span[contains(@class,'zh')]/ruby")
    assert len(rubies) == 3
    assert [r.xpath("string(rt)") for r in rubies][:2] == ["liǎng gè wéihù", "Fēngqiáo jīngyàn"]
    bad = dom.xpath("//article//span[contains(@class,'nonstandard')]")
    assert [b.text_content() for b in bad] == ["two maintenance", "justice"]
    fix = dom.xpath("//span[@class='fix']")[0].text_content()
    assert "Two Upholds" in fix and "两个维护" in fix
    assert dom.xpath("//script") == []  # the <script> in the text stayed text
    assert "<script>alert(1)</script>" in dom.xpath("string(//article)")
    assert len(dom.xpath("//section[@class='terms']//tbody/tr")) == 3


def test_empty_file_is_refused(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    r = CliRunner().invoke(main, ["annotate", str(empty)])
    assert r.exit_code == 1 and "empty" in r.output and "Traceback" not in r.output


def test_several_files_and_folders_into_a_folder(tmp_path):
    from glossary.annotation import annotate_files

    src = tmp_path / "src"
    src.mkdir()
    (src / "zh.txt").write_text(ZH, encoding="utf-8")
    (src / "en.md").write_text(EN, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    written = annotate_files([src], out, "html", TERMS, ambiguity=False)
    assert sorted(p.name for p in written) == ["en.html", "zh.html"]
    assert "<ruby>两个维护" in (out / "zh.html").read_text(encoding="utf-8")
    r = CliRunner().invoke(main, ["annotate", str(src), str(tmp_path / "gone.txt"), "-o", str(out), "-f", "md"])
    assert r.exit_code == 1 and "gone.txt: no such file" in r.output and (out / "zh.md").is_file()
    r = CliRunner().invoke(main, ["annotate", str(src), str(src / "zh.txt")])
    assert r.exit_code == 2 and "-o DIR" in r.output


CASED = (
    _term("sange-daibiao", "三个代表", "Three Represents", "Sān gè Dàibiǎo", ["the Three Represents"]),
    *TERMS,
)


def test_capitalisation_is_marked_as_check_reports_it():
    text = "We uphold the three represents.\n\nTHE THREE REPRESENTS\n\nThe Three Represents guide us.\n"
    marks = find_marks(text, CASED)
    cased = [m for m in marks if m.kind == "capitalisation"]
    assert [(text[m.start : m.end], m.expected) for m in cased] == [("three represents", "Three Represents")]
    assert [m.kind for m in find_marks(text, CASED, capitals=False)] == ["standard"] * 3  # no capitals judged
    txt = annotate_text(text, "txt", CASED)
    assert "three represents [Aa: written Three Represents]" in txt and "THE THREE REPRESENTS\n" in txt
    assert "three represents **\\[Aa → Three Represents\\]**" in annotate_text(text, "md", CASED)
    page = annotate_text(text, "html", CASED)
    assert page.count('class="term capitalisation"') == 2  # the mark and its legend sample
    assert '<span class="fix case">Aa\u00a0Three Represents</span>' in page
    r = CliRunner().invoke(main, ["annotate", "-", "-f", "txt", "--no-capitals"], input=text)
    assert r.exit_code == 0 and "[Aa" not in r.output


def test_capitalisation_marks_agree_with_check_on_the_seed():
    from pathlib import Path

    from glossary.checking import CheckOptions, check_text
    from glossary.store import load

    text = next(Path(__file__).parent.parent.joinpath("seeds").glob("*.txt")).read_text(encoding="utf-8")
    g = load()
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    findings = check_text(text, g, CheckOptions(kinds=("capitalisation",))).findings
    expected = sorted((starts[f.line - 1] + f.column - 1, f.term_id, f.expected) for f in findings)
    marks = sorted((m.start, m.term.id, m.expected) for m in find_marks(text, g) if m.kind == "capitalisation")
    assert expected and marks == expected


@pytest.mark.parametrize("one_line", [False, True])
def test_long_text_is_marked_in_parts_with_the_same_marks(monkeypatch, one_line):
    from pathlib import Path

    import glossary.io.documents as documents
    from glossary.store import load

    text = next(Path(__file__).parent.parent.joinpath("seeds").glob("*.txt")).read_text(encoding="utf-8")
    if one_line:
        text = text.replace("\n", " ")
    g = load()
    whole = find_marks(text, g)
    # parts end at sentence ends where the window holds one (the seed has a 700-character stretch
    # without, where a cut at a space could split a term; a real part is a million characters)
    monkeypatch.setattr(documents, "LINE_PART_CHARS", 2000)
    heard: list[int] = []
    parts = find_marks(text, g, progress=heard.append)
    assert len(heard) > 5 and sum(heard) == len(text)
    assert whole and parts == whole
    assert all(text[m.start : m.end] == m.text for m in parts)
    done: list[tuple[int, int]] = []
    src = Path(__file__).parent.parent.joinpath("seeds")
    annotate(next(src.glob("*.txt")), "txt", g, progress=lambda d, t: done.append((d, t)))
    assert done and done[-1][0] == done[-1][1] and done == sorted(done)
