"""The shared segmenter: jieba's tag table cached on disk, and a tagged cut equal to jieba.posseg's."""

from __future__ import annotations

import pytest

from glossary import segmenter


def _clear() -> None:
    segmenter.tag_table.cache_clear()
    segmenter.word_tag.cache_clear()


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path / "cache"))
    _clear()
    yield tmp_path / "cache"
    _clear()


def test_tag_table_built_once_then_read_from_the_cache(fresh_cache, monkeypatch):
    assert not fresh_cache.exists()
    assert segmenter.word_tag("改革") == "vn"
    files = list(fresh_cache.glob("jieba-tags-*.marshal"))
    assert files == [segmenter.tags_path()]
    _clear()

    def no_parse(path):
        raise AssertionError("jieba's dictionary was parsed again")

    monkeypatch.setattr(segmenter, "_parse_tags", no_parse)
    assert segmenter.word_tag("改革") == "vn" and segmenter.word_tag("不是词语吗") is None


def test_tag_table_rebuilt_when_jieba_changes(fresh_cache, monkeypatch):
    first = segmenter.tags_path()
    segmenter.tag_table()
    monkeypatch.setattr(segmenter, "TAGS_FORMAT", segmenter.TAGS_FORMAT + 1)
    _clear()
    assert segmenter.tags_path() != first
    assert segmenter.tag_table()["中国"] == "ns"
    assert segmenter.tags_path().exists() and first.exists()


def test_tag_table_from_a_damaged_cache_file_is_rebuilt(fresh_cache):
    path = segmenter.tags_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"garbage")
    assert segmenter.tag_table()["中国"] == "ns"
    _clear()
    assert segmenter.tag_table()["中国"] == "ns"  # the rewritten file reads back


def test_an_unwritable_cache_folder_keeps_the_table_in_memory(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(blocker / "cache"))
    _clear()
    try:
        assert segmenter.word_tag("改革") == "vn" and not (blocker / "cache").exists()
    finally:
        _clear()


def test_the_cached_table_is_jiebas_own():
    import jieba.posseg

    assert segmenter.tag_table() == segmenter.tagger().word_tag_tab == jieba.posseg.dt.word_tag_tab


@pytest.mark.parametrize("text", [
    "坚持和发展中国特色社会主义，推进国家治理体系和治理能力现代化。",
    "5G网络覆盖18亿亩耕地，GDP增长3.5%，二〇三五年基本实现。",
    "COVID-19疫情 a1 b2c x_y#z  \r\n tab\there ÅÉ 1.2.3 abc，def！",
    "",
])
def test_tagged_cut_is_jieba_posseg_without_hmm(text):
    theirs = [(p.word, p.flag) for p in segmenter.tagger().cut(text, HMM=False)]
    assert segmenter.tagged_cut(text) == theirs
