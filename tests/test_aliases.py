"""Short forms and spellings users type: Chinese aliases, British spelling, bracketed acronyms."""

from __future__ import annotations

from glossary.annotation import annotate_text
from glossary.checking import Checker, CheckOptions
from glossary.extraction import extract_text
from glossary.forms import american, en_key
from glossary.store import Glossary
from glossary.terms import Term
from glossary.validate import validate_terms


def term(id_: str, zh: str, en: str, **kw: object) -> Term:
    return Term(id=id_, zh_hans=zh, zh_hant=zh, pinyin="", pinyin_num="", en=en, category="concept",  # type: ignore[arg-type]
                definition="x", status="official", source=("x (2020), ¶1",), **kw)


ORG = term("zuzhibu", "中共中央组织部", "Organization Department of the CPC Central Committee",
           zh_alias=("中央组织部", "中组部"))
MODERN = term("xiandaihua", "中国式现代化", "Chinese modernization", en_nonstandard=("Chinese style modernization",))
NPC = term("renda", "全国人民代表大会", "National People's Congress (NPC)")
G = Glossary((ORG, MODERN, NPC))


def test_lookup_by_alias_says_so():
    (m,) = G.lookup("中组部")
    assert m.term.id == "zuzhibu" and m.field == "zh_alias"


def test_extract_counts_aliases_as_the_term():
    df = extract_text(["中组部发出通知。中央组织部召开会议。中共中央组织部负责人说。"], "zh", glossary=G)
    rows = {r["phrase"]: r for r in df.iter_rows(named=True)}
    assert {rows[p]["term_id"] for p in ("中组部", "中央组织部", "中共中央组织部")} == {"zuzhibu"}


def test_check_and_annotate_see_aliases():
    from glossary.io.parallel import Segment

    segs = [Segment(1, "中组部发出通知。", "The notice was issued.", 1, 1)]
    report = Checker(G, CheckOptions(ambiguity=False)).check_segments(segs)
    assert [f.kind for f in report] == ["missing"] and report.findings[0].source_text == "中组部"
    assert "Organization Department" in annotate_text("中组部发出通知。", "html", G, ambiguity=False)


def test_british_spelling_meets_american():
    assert american("modernisation") == "modernization" and american("labour") == "labor"
    assert american("centred") == "centered" and american("travelled") == "traveled"
    assert american("four") == "four" and american("exercise") == "exercise"  # no false folds
    assert en_key("people-centred") == en_key("people-centered")
    assert G.lookup("Chinese modernisation")[0].term.id == "xiandaihua"
    report = Checker(G, CheckOptions(ambiguity=False)).check_text("We reject Chinese-style modernisation.")
    assert [f.found for f in report] == ["Chinese-style modernisation"]


def test_acronym_in_brackets_is_a_lookup_form():
    (m,) = G.lookup("NPC")
    assert m.term.id == "renda" and m.form == "National People's Congress (NPC)"


def test_validate_guards_aliases_and_dated_forms():
    clash = term("other", "组织部", "Organization Department", zh_alias=("中组部",))
    own_name = term("zuzhibu", "中共中央组织部", "x", zh_alias=("“中共中央组织部”",))
    taken = term("y", "组织工作", "organizational work", zh_alias=("中共中央组织部",))
    dated_ok = term("z", "一带一路", "Belt and Road Initiative", en_history=("One Belt, One Road (2013–2015)",))
    dated_bad = term("w", "新常态", "new normal", en_history=("the new normal",))
    messages = [p.message for p in validate_terms([ORG, clash, own_name, taken, dated_ok, dated_bad], check_pinyin=False,
                                                  check_script=False) if p.level == "error"]
    assert any("also an alias of [zuzhibu]" in m for m in messages)
    assert any("is the term itself" in m for m in messages)
    assert any("is the simplified form of [zuzhibu]" in m for m in messages)
    assert any("en_history 'the new normal'" in m for m in messages)
    assert not any("One Belt" in m for m in messages)


def test_earlier_official_renderings_are_flagged_with_their_years():
    obor = term("yidai-yilu", "一带一路", "Belt and Road Initiative", en_history=("One Belt, One Road (2013–2015)",))
    g = Glossary((obor,))
    (f,) = Checker(g, CheckOptions(ambiguity=False)).check_text("They joined One Belt, One Road early.")
    assert (f.kind, f.severity) == ("outdated", "warning") and "(2013–2015)" in f.message
    assert f.expected == "Belt and Road Initiative"
    (m,) = g.lookup("One Belt, One Road")
    assert m.field == "en_history" and m.nonstandard
