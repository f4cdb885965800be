"""TBX v3 / v2 exports: structure (TBX-Basic rules) and round trip through the TBX reader."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree
from tbx_basic_check import tbx_basic_problems

from glossary.exports import ExportOptions, render
from glossary.imports.tbx import parse_tbx
from glossary.terms import Term, read_terms

MINI = Path(__file__).parent / "fixtures" / "mini.tsv"
NS = "urn:iso:std:iso:30042:ed:3.0"


def terms() -> list[Term]:
    base = read_terms(MINI)
    extra = Term(
        id="20-da", zh_hans="二十大", zh_hant="二十大", pinyin="Èrshí Dà", pinyin_num="er4 shi2 da4",
        en="20th CPC National Congress", en_alt=("20th Party Congress",), category="meeting",
        definition="The Party's national congress of 2022 <with markup & ampersands>.", year=2022,
        status="common", related=("liang-ge-weihu", "not-exported"), note="Tab\tand newline\nflattened.",
    )
    return [*base, extra]


def _strip(t: Term) -> Term:
    return replace(t, origin="", note=" ".join(t.note.split()), definition=" ".join(t.definition.split()))


@pytest.mark.parametrize("fmt,version", [("tbx", 3), ("tbx2", 2)])
def test_tbx_passes_basic_structure(fmt: str, version: int) -> None:
    data = render(terms(), fmt)
    assert isinstance(data, bytes)
    assert tbx_basic_problems(data, version) == []


@pytest.mark.parametrize("fmt", ["tbx", "tbx2"])
def test_tbx_round_trip_gives_same_entries(fmt: str) -> None:
    original = terms()
    back = parse_tbx(render(original, fmt))
    assert [_strip(t) for t in back] == [_strip(t) for t in original]


def test_tbx3_roles_and_fields() -> None:
    root = etree.fromstring(render(terms(), "tbx"))
    assert root.tag == f"{{{NS}}}tbx" and root.get("type") == "TBX-Basic" and root.get("style") == "dca"
    n = {"t": NS}
    entry = root.find(".//t:conceptEntry[@id='liang-ge-weihu']", n)
    assert entry.find("t:descrip[@type='subjectField']", n).text == "formulation"
    langs = [ls.get("{http://www.w3.org/XML/1998/namespace}lang") for ls in entry.findall("t:langSec", n)]
    # English second: tools that pair an entry's first two languages get zh-Hans → en
    assert langs == ["zh-Hans", "en", "zh-Hant"]
    en = entry.findall("t:langSec", n)[1]
    statuses = {ts.find("t:term", n).text: ts.find("t:termNote", n).text for ts in en.findall("t:termSec", n)}
    assert statuses == {
        "Two Upholds": "preferredTerm-admn-sts",
        "two safeguards": "admittedTerm-admn-sts",
        "two maintenance": "deprecatedTerm-admn-sts",
        "two maintains": "deprecatedTerm-admn-sts",
    }
    assert en.find("t:descripGrp/t:descrip[@type='definition']", n).text.startswith("The pledge")
    zh_notes = [x.text for x in entry.find("t:langSec/t:termSec", n).findall("t:note", n)]
    assert "pinyin: liǎng gè wéihù" in zh_notes
    ref = entry.find("t:ref[@type='crossReference']", n)
    assert ref.get("target") == "fengqiao-jingyan" and ref.text == "Fengqiao experience"


def test_ids_that_start_with_a_digit_are_valid_xml_ids() -> None:
    root = etree.fromstring(render(terms(), "tbx"))
    ids = [e.get("id") for e in root.iter(f"{{{NS}}}conceptEntry")]
    assert "t-20-da" in ids and "20-da" not in ids


def test_related_ids_outside_the_export_stay_as_notes() -> None:
    data = render(terms(), "tbx")
    assert b'target="not-exported"' not in data
    assert b"related: not-exported" in data
    assert tbx_basic_problems(data) == []


def test_script_filter_in_tbx() -> None:
    for script, want, unwanted in (("simplified", b'"zh-Hans"', b'"zh-Hant"'), ("traditional", b'"zh-Hant"', b'"zh-Hans"')):
        data = render(terms(), "tbx", ExportOptions(script=script))
        assert want in data and unwanted not in data
        assert tbx_basic_problems(data) == []
    back = parse_tbx(render(terms(), "tbx", ExportOptions(script="traditional")))
    assert back[0].zh_hant == "兩個維護" and back[0].zh_hans == ""


def test_namespace_is_configurable() -> None:
    data = render(terms(), "tbx", ExportOptions(tbx_namespace="urn:iso:std:iso:30042:ed-2"))
    assert etree.QName(etree.fromstring(data)).namespace == "urn:iso:std:iso:30042:ed-2"
    assert tbx_basic_problems(data) == []
    assert len(parse_tbx(data)) == len(terms())


def test_tbx2_is_martif_with_tig() -> None:
    data = render(terms(), "tbx2")
    root = etree.fromstring(data)
    assert root.tag == "martif"
    assert b"<!DOCTYPE martif" in data
    assert root.find(".//termEntry/langSet/tig/term") is not None


def test_checker_catches_broken_files() -> None:
    good = render(terms()[:1], "tbx").decode()
    bad = good.replace('style="dca"', "").replace("preferredTerm-admn-sts", "approved", 1)
    problems = tbx_basic_problems(bad.encode())
    assert any("style" in p for p in problems) and any("approved" in p for p in problems)
    moved = good.replace('<descrip type="subjectField">formulation</descrip>', "").replace(
        "<term>Two Upholds</term>", '<term>Two Upholds</term><descrip type="subjectField">x</descrip>'
    )
    assert any("subjectField" in p for p in tbx_basic_problems(moved.encode()))


def test_shipped_glossary_exports_valid_tbx_that_round_trips() -> None:
    import glossary

    shipped = list(glossary.load(user=None))
    assert shipped
    for fmt, version in (("tbx", 3), ("tbx2", 2)):
        data = render(shipped, fmt)
        assert tbx_basic_problems(data, version) == []
        assert [_strip(t) for t in parse_tbx(data)] == [_strip(t) for t in shipped]
