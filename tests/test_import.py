"""glossary import: readers, derived fields, conflicts, dry run, atomic user file, CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import glossary
from glossary.cli import main
from glossary.errors import GlossaryError, InputError
from glossary.exports import render
from glossary.imports import import_terms, read_drafts, user_target
from glossary.imports.complete import make_id
from glossary.store import load
from glossary.terms import Term, read_terms

MINI = Path(__file__).parent / "fixtures" / "mini.tsv"


@pytest.fixture(autouse=True)
def mini_shipped(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Pretend the shipped glossary is the 3-term fixture, and keep $HOME and $XDG out of it."""
    import glossary.store

    monkeypatch.setattr(glossary.store, "shipped_path", lambda: MINI)
    monkeypatch.delenv("GLOSSARY_USER", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_two_column_list_gets_derived_fields(tmp_path: Path) -> None:
    src = write(tmp_path / "pairs.csv", "Chinese,English\n数字中国,Digital China\n延安精神,Yan'an spirit\n")
    user = tmp_path / "user.tsv"
    result = import_terms(src, user)
    assert result.written and len(result.added) == 2
    terms = {t.zh_hans: t for t in read_terms(user)}
    t = terms["延安精神"]
    assert t.zh_hant == "延安精神" and t.en == "Yan'an spirit" and t.status == "unverified"
    assert t.pinyin_num == "yan2 an1 jing1 shen2"
    assert "'" in t.pinyin and t.id == make_id(t.pinyin) and "'" not in t.id
    assert terms["数字中国"].zh_hant == "數字中國"


def test_make_id() -> None:
    assert make_id("liǎng gè wéihù") == "liang-ge-weihu"
    assert make_id("Xī'ān") == "xian"
    assert make_id("Zhōngguóshì xiàndàihuà") == "zhongguoshi-xiandaihua"


def test_traditional_only_input_gets_simplified(tmp_path: Path) -> None:
    src = write(tmp_path / "t.tsv", "數字中國\tDigital China\n")
    import_terms(src, tmp_path / "u.tsv")
    (t,) = read_terms(tmp_path / "u.tsv")
    assert (t.zh_hans, t.zh_hant) == ("数字中国", "數字中國")


def test_conflict_is_reported_and_nothing_written(tmp_path: Path) -> None:
    src = write(tmp_path / "p.tsv", "两个维护\ttwo defends\n数字中国\tDigital China\n")
    user = tmp_path / "user.tsv"
    result = import_terms(src, user)
    assert not result.ok and not result.written and not user.exists()
    (c,) = result.conflicts
    assert c.where == "shipped" and c.existing.id == "liang-ge-weihu" and "two defends" in str(c)


def test_same_english_is_unchanged_not_a_conflict(tmp_path: Path) -> None:
    src = write(tmp_path / "p.tsv", "两个维护\tthe two upholds\n")
    result = import_terms(src, tmp_path / "u.tsv")
    assert result.ok and len(result.unchanged) == 1 and not result.added and not result.written


def test_skip_and_replace(tmp_path: Path) -> None:
    src = write(tmp_path / "p.tsv", "两个维护\ttwo defends\n数字中国\tDigital China\n")
    user = tmp_path / "user.tsv"
    skipped = import_terms(src, user, on_conflict="skip")
    assert skipped.written and len(skipped.skipped) == 1
    assert [t.zh_hans for t in read_terms(user)] == ["数字中国"]
    replaced = import_terms(src, user, on_conflict="replace")
    assert len(replaced.replaced) == 1 and len(replaced.unchanged) == 1
    t = load(user=user).get("liang-ge-weihu")
    assert t.en == "two defends" and t.category == "formulation"  # curated fields kept
    assert t.status == "unverified"  # the file did not vouch for it
    assert load(user=user).lookup("two defends")[0].term.id == "liang-ge-weihu"


def test_conflict_with_existing_user_term_and_within_file(tmp_path: Path) -> None:
    user = tmp_path / "user.tsv"
    import_terms(write(tmp_path / "a.tsv", "数字中国\tDigital China\n"), user)
    result = import_terms(write(tmp_path / "b.tsv", "数字中国\tDigital PRC\n"), user)
    assert [c.where for c in result.conflicts] == ["user"]
    inner = import_terms(write(tmp_path / "c.tsv", "网络强国\tcyber power\n网络强国\tcyberpower\n"), tmp_path / "x.tsv")
    assert inner.ok and inner.added[0].en_alt == ("cyberpower",)  # rows of one term: alternatives


def test_derived_id_collision_gets_suffix(tmp_path: Path) -> None:
    user = tmp_path / "user.tsv"
    import_terms(write(tmp_path / "a.tsv", "事实\tfact\n"), user)
    import_terms(write(tmp_path / "b.tsv", "适时\ttimely\n"), user)
    ids = {t.zh_hans: t.id for t in read_terms(user)}
    assert ids == {"事实": "shishi", "适时": "shishi-2"}


def test_given_id_clash_is_a_conflict(tmp_path: Path) -> None:
    src = write(tmp_path / "t.tsv", render([Term("liang-ge-weihu", "别的", "別的", "biéde", "bie2 de5", "other")], "tsv"))
    result = import_terms(src, tmp_path / "u.tsv")
    assert result.conflicts[0].reason == "same id, different Chinese"


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    user = tmp_path / "user.tsv"
    result = import_terms(write(tmp_path / "p.tsv", "数字中国\tDigital China\n"), user, dry_run=True)
    assert len(result.added) == 1 and not result.written and not user.exists()


def test_status_and_category_from_file_are_kept_and_checked(tmp_path: Path) -> None:
    src = write(tmp_path / "t.tsv", "zh_hans\ten\tstatus\tcategory\n数字中国\tDigital China\tcommon\tprogramme\n")
    import_terms(src, tmp_path / "u.tsv")
    (t,) = read_terms(tmp_path / "u.tsv")
    assert (t.status, t.category) == ("common", "programme")
    bad = write(tmp_path / "bad.tsv", "zh_hans\ten\tstatus\n数字中国\tDigital China\tapproved\n")
    with pytest.raises(InputError, match="status 'approved'"):
        import_terms(bad, tmp_path / "u2.tsv")


def test_default_category_option(tmp_path: Path) -> None:
    import_terms(write(tmp_path / "p.tsv", "数字中国\tDigital China\n"), tmp_path / "u.tsv", category="programme")
    assert read_terms(tmp_path / "u.tsv")[0].category == "programme"


def test_env_and_default_locations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert user_target() == tmp_path / "xdg" / "glossary" / "user.tsv"
    result = import_terms(write(tmp_path / "p.tsv", "数字中国\tDigital China\n"))
    assert result.written and (tmp_path / "xdg" / "glossary" / "user.tsv").is_file()  # folder created
    env = tmp_path / "env.tsv"
    monkeypatch.setenv("GLOSSARY_USER", str(env))
    import_terms(write(tmp_path / "q.tsv", "网络强国\tcyberpower\n"))
    assert read_terms(env)[0].zh_hans == "网络强国"
    assert load().lookup("cyberpower")[0].term.zh_hans == "网络强国"  # every command sees it
    folder = tmp_path / "mine"
    folder.mkdir()
    assert user_target(folder) == folder / "user.tsv"


@pytest.mark.parametrize("fmt", ["tsv", "csv", "json", "xlsx", "tbx", "tbx2", "omegat", "memoq", "trados"])
def test_exports_import_back(fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each export of a user's terms re-imports as the same core entries into an empty glossary."""
    import glossary.store

    monkeypatch.setattr(glossary.store, "shipped_path", lambda: tmp_path / "none")
    (tmp_path / "none").mkdir()
    terms = read_terms(MINI)
    ext = {"tbx2": "tbx", "omegat": "txt", "memoq": "csv", "trados": "csv"}.get(fmt, fmt)
    src = tmp_path / f"export.{ext}"
    data = render(terms, fmt)
    src.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    result = import_terms(src, tmp_path / "u.tsv")
    assert result.written, result
    back = {t.zh_hans: t for t in read_terms(tmp_path / "u.tsv")}
    for t in terms:
        b = back[t.zh_hans]
        assert (b.zh_hant, b.en, b.en_alt) == (t.zh_hant, t.en, t.en_alt)
        assert b.pinyin_num == t.pinyin_num
        if fmt != "omegat":
            assert b.en_nonstandard == t.en_nonstandard and b.status == t.status and b.definition == t.definition
        if fmt in ("tsv", "csv", "json", "xlsx", "tbx", "tbx2"):
            assert (b.id, b.related, b.source, b.year, b.category) == (t.id, t.related, t.source, t.year, t.category)


def test_omegat_comment_gives_pinyin_and_definition(tmp_path: Path) -> None:
    src = write(tmp_path / "g.txt", "数字中国\tDigital China\tshùzì Zhōngguó — A programme.\n")
    (t,) = read_drafts(src)
    assert (t.pinyin, t.definition) == ("shùzì Zhōngguó", "A programme.")


def test_formula_quote_is_removed_on_import(tmp_path: Path) -> None:
    src = write(tmp_path / "p.csv", "数字中国,'=Digital China\n")
    (t,) = read_drafts(src)
    assert t.en == "=Digital China"


def test_bad_files_give_one_line_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_drafts(tmp_path / "missing.tsv")
    with pytest.raises(InputError, match="neither of the first two columns"):
        read_drafts(write(tmp_path / "en.csv", "hello,world\n"))
    with pytest.raises(InputError, match="not well-formed"):
        read_drafts(write(tmp_path / "x.tbx", "<tbx><text>"))
    with pytest.raises(InputError, match="not a TBX file"):
        read_drafts(write(tmp_path / "y.xml", "<html/>"))
    with pytest.raises(GlossaryError):
        import_terms(write(tmp_path / "z.tsv", "a\tb\n"), tmp_path / "u.tsv", on_conflict="merge")


def test_api_twin_is_exported() -> None:
    assert glossary.import_terms is import_terms


def test_cli_report_exits_1_and_lists_conflicts(tmp_path: Path) -> None:
    src = write(tmp_path / "p.tsv", "两个维护\ttwo defends\n")
    user = tmp_path / "user.tsv"
    res = CliRunner().invoke(main, ["import", str(src), "--glossary", str(user)])
    assert res.exit_code == 1 and "conflict:" in res.output and "liang-ge-weihu" in res.output
    assert not user.exists()
    res = CliRunner().invoke(main, ["import", str(src), "--glossary", str(user), "--on-conflict", "replace", "-v"])
    assert res.exit_code == 0, res.output
    assert "replaced 1" in res.output and user.exists()
    assert "~ 两个维护  two defends  [liang-ge-weihu]  alt: Two Upholds | two safeguards" in res.output
    res = CliRunner().invoke(main, ["lookup", "two defends", "--glossary", str(user)])
    assert res.exit_code == 0 and "两个维护" in res.output


def test_cli_dry_run_and_help(tmp_path: Path) -> None:
    src = write(tmp_path / "p.tsv", "数字中国\tDigital China\n")
    res = CliRunner().invoke(main, ["import", str(src), "--glossary", str(tmp_path / "u.tsv"), "--dry-run", "-v"])
    assert res.exit_code == 0 and "dry run: would add 1" in res.output and not (tmp_path / "u.tsv").exists()
    res = CliRunner().invoke(main, ["import", "--help"])
    assert res.exit_code == 0 and "--on-conflict" in res.output and "Examples" in res.output
    res = CliRunner().invoke(main, ["import", str(tmp_path / "nope.csv")])
    assert res.exit_code == 1 and "no such file" in res.output and "Traceback" not in res.output


# --- --on-conflict replace keeps what it displaces --------------------------------------------


def test_replace_keeps_the_shipped_rendering_as_an_alternative(tmp_path: Path) -> None:
    user = tmp_path / "user.tsv"
    result = import_terms(write(tmp_path / "p.tsv", "两个维护\ttwo defends\n"), user, on_conflict="replace")
    (r,) = result.replaced
    assert r.id == "liang-ge-weihu" and r.en == "two defends"
    assert r.en_alt == ("Two Upholds", "two safeguards")  # the shipped standard first, then its alternatives
    assert r.en_nonstandard == ("two maintenance", "two maintains")
    shipped = read_terms(MINI)[0]
    assert (r.definition, r.year, r.source, r.related, r.pinyin, r.zh_hant) == (
        shipped.definition, shipped.year, shipped.source, shipped.related, shipped.pinyin, shipped.zh_hant)
    g = load(user=user)
    (m,) = g.lookup("Two Upholds")
    assert m.term.id == "liang-ge-weihu" and m.field == "en_alt" and m.term.en == "two defends"
    assert g.lookup("two maintenance")[0].nonstandard
    from glossary.validate import validate_terms

    assert not [p for p in validate_terms(read_terms(user), check_pinyin=False) if p.level == "error" and "rendering" in p.message]


def test_replace_does_not_readd_a_rendering_the_file_marks_nonstandard(tmp_path: Path) -> None:
    src = write(tmp_path / "t.tsv", "zh_hans\ten\ten_nonstandard\tdefinition\n"
                "两个维护\ttwo defends\tthe two upholds\tMy own definition.\n")
    result = import_terms(src, tmp_path / "u.tsv", on_conflict="replace")
    (r,) = result.replaced
    assert r.en_alt == ("two safeguards",)  # 'Two Upholds' is not carried over …
    assert r.en_nonstandard == ("the two upholds", "two maintenance", "two maintains")  # … it stays non-standard only
    assert r.definition == "My own definition."  # a field the file gives wins
    (m,) = load(user=tmp_path / "u.tsv").lookup("Two Upholds")
    assert m.nonstandard


def test_replace_with_an_alternative_or_a_flagged_rendering_leaves_no_duplicates(tmp_path: Path) -> None:
    alt = import_terms(write(tmp_path / "a.tsv", "两个维护\tTwo Safeguards\n"), tmp_path / "u1.tsv", on_conflict="replace")
    assert alt.replaced[0].en_alt == ("Two Upholds",)
    bad = import_terms(write(tmp_path / "b.tsv", "两个维护\ttwo maintenance\n"), tmp_path / "u2.tsv", on_conflict="replace")
    r = bad.replaced[0]
    assert r.en == "two maintenance" and r.en_alt == ("Two Upholds", "two safeguards")
    assert r.en_nonstandard == ("two maintains",)  # the file made it standard: no longer flagged


def test_replace_of_a_user_term_keeps_its_english_too(tmp_path: Path) -> None:
    user = tmp_path / "user.tsv"
    first = write(tmp_path / "a.tsv", "zh_hans\ten\tnote\tstatus\tsource\tcategory\tdefinition\tyear\trelated\n"
                  "数字中国\tDigital China\tclient style\tcommon\tStyle guide\tprogramme\tA programme.\t2017\tliang-ge-weihu\n")
    import_terms(first, user)
    result = import_terms(write(tmp_path / "b.tsv", "数字中国\tDigital PRC\n"), user, on_conflict="replace")
    (r,) = read_terms(user)
    assert result.replaced[0].id == r.id and (r.en, r.en_alt) == ("Digital PRC", ("Digital China",))
    assert (r.note, r.source) == ("client style", ("Style guide",))
    # every field the second file does not give survives the replacement (issue: they were lost)
    assert (r.category, r.definition, r.year, r.related) == ("programme", "A programme.", 2017, ("liang-ge-weihu",))
    assert r.status == "unverified"  # 'common' vouched for 'Digital China', not for the new rendering


def test_same_english_fills_the_fields_a_user_term_leaves_empty(tmp_path: Path) -> None:
    user = tmp_path / "user.tsv"
    import_terms(write(tmp_path / "a.csv", "zh,en\n数字中国,Digital China\n"), user)
    (before,) = read_terms(user)
    assert (before.definition, before.year, before.note) == ("", None, "")
    src = write(tmp_path / "b.tsv", "zh_hans\ten\tdefinition\tyear\tnote\tcategory\trelated\n"
                "数字中国\tDigital China\tA programme.\t2017\tclient style\tprogramme\tliang-ge-weihu\n")
    result = import_terms(src, user)
    (r,) = read_terms(user)
    assert result.extended and r.id == before.id
    assert (r.definition, r.year, r.note, r.related) == ("A programme.", 2017, "client style", ("liang-ge-weihu",))
    assert (before.category, r.category) == ("", "programme")
    # a field the known term has is not overwritten by an extension
    again = import_terms(write(tmp_path / "c.tsv", "zh_hans\ten\tdefinition\n数字中国\tDigital China\tOther.\n"), user)
    assert again.unchanged and read_terms(user)[0].definition == "A programme."


def test_related_terms_named_by_their_chinese_become_ids(tmp_path: Path) -> None:
    user = tmp_path / "user.tsv"
    src = write(tmp_path / "a.tsv", "zh_hans\ten\trelated\n数字中国\tDigital China\t两个维护 | no-such-id\n")
    (t,) = import_terms(src, user).added
    assert t.related == ("liang-ge-weihu", "no-such-id")  # the unknown one is left for validate to report


def test_same_english_with_further_forms_extends_the_term(tmp_path: Path) -> None:
    user = tmp_path / "user.tsv"
    src = write(tmp_path / "t.tsv", "zh_hans\ten\ten_alt\ten_nonstandard\tsource\n"
                "两个维护\tTwo Upholds\ttwo safeguards | the two protects\ttwo defences\tClient style guide (2024)\n")
    result = import_terms(src, user)
    assert result.ok and not result.unchanged and not result.replaced
    (r,) = result.extended
    assert r.id == "liang-ge-weihu" and r.en == "Two Upholds"
    assert r.en_alt == ("two safeguards", "the two protects")  # the known one is not repeated
    assert r.en_nonstandard == ("two maintenance", "two maintains", "two defences")
    assert r.source[-1] == "Client style guide (2024)" and r.status == read_terms(MINI)[0].status
    assert "extended 1" in result.summary()
    g = load(user=user)
    assert g.lookup("the two protects")[0].term.id == "liang-ge-weihu"
    assert g.lookup("two defences")[0].nonstandard
    # importing the same file again changes nothing
    again = import_terms(src, user)
    assert again.unchanged and not again.extended and not again.written


def test_same_english_but_contradicting_forms_is_a_conflict(tmp_path: Path) -> None:
    accepts_flagged = write(tmp_path / "a.tsv", "zh_hans\ten\ten_alt\n两个维护\tTwo Upholds\ttwo maintenance\n")
    result = import_terms(accepts_flagged, tmp_path / "u.tsv")
    assert not result.ok and "flagged as non-standard" in str(result.conflicts[0])
    flags_accepted = write(tmp_path / "b.tsv", "zh_hans\ten\ten_nonstandard\n两个维护\tTwo Upholds\ttwo safeguards\n")
    result = import_terms(flags_accepted, tmp_path / "u.tsv")
    assert not result.ok and "an accepted rendering" in str(result.conflicts[0])
    # replace lets the file decide; the status of the unchanged standard rendering stands
    r = import_terms(flags_accepted, tmp_path / "u.tsv", on_conflict="replace").replaced[0]
    assert "two safeguards" in r.en_nonstandard and "two safeguards" not in r.en_alt
    assert r.status == read_terms(MINI)[0].status


def test_cli_lists_extended_terms(tmp_path: Path) -> None:
    src = write(tmp_path / "t.tsv", "zh_hans\ten\ten_alt\n两个维护\tTwo Upholds\tthe two protects\n")
    result = CliRunner().invoke(main, ["import", str(src), "--glossary", str(tmp_path / "u.tsv"), "-v"])
    assert result.exit_code == 0, result.output
    assert "^ 两个维护" in result.output and "extended 1" in result.output



def test_parallel_imports_into_one_overlay_lose_nothing(tmp_path: Path) -> None:
    """Two imports at once into one user glossary, 50 rounds: every term of both survives."""
    from concurrent.futures import ThreadPoolExecutor

    user = tmp_path / "user.tsv"
    sources = []
    for n in range(100):
        sources.append(write(tmp_path / f"t{n}.tsv", f"测试术语{n:03d}号\tTest term number {n}\n"))
    with ThreadPoolExecutor(max_workers=2) as pool:
        for r in range(50):
            results = list(pool.map(lambda src: import_terms(src, user), sources[2 * r : 2 * r + 2]))
            assert all(res.written for res in results)
    zh = {t.zh_hans for t in read_terms(user)}
    assert zh == {f"测试术语{n:03d}号" for n in range(100)}


def test_glossary_user_that_does_not_exist_yet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    future = tmp_path / "mine.tsv"
    monkeypatch.setenv("GLOSSARY_USER", str(future))
    assert load().lookup("两个维护")  # every command still works, with no user terms
    import_terms(write(tmp_path / "a.tsv", "网络强国\tcyberpower\n"))
    assert future.is_file() and load().lookup("cyberpower")[0].term.zh_hans == "网络强国"
    with pytest.raises(GlossaryError, match="not found"):
        load(user=tmp_path / "typo.tsv")  # named explicitly: an error
