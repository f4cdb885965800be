"""The shared segmenter: jieba's dictionary and tag table cached on disk, and cuts equal to jieba's own."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary import segmenter


def _clear() -> None:
    segmenter.tag_table.cache_clear()
    segmenter.word_tag.cache_clear()
    segmenter.tokenizer.cache_clear()
    segmenter.tagged_words.cache_clear()


def _posseg():
    import jieba.posseg

    jieba.posseg.dt.tokenizer.initialize()
    return jieba.posseg.dt


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


#: the two cached tables: their file, a read that needs them, and a cut that needs them
_CACHES = [
    pytest.param(segmenter.tags_path, lambda: segmenter.tag_table()["中国"] == "ns",
                 lambda: segmenter.word_tag("改革") == "vn", id="tag table"),
    pytest.param(segmenter.dict_path, lambda: bool(segmenter.tokenizer().FREQ.get("中国")),
                 lambda: segmenter.tokenizer().lcut("人民生活") == ["人民", "生活"], id="dictionary"),
]


@pytest.mark.parametrize(("path_of", "reads", "cuts"), _CACHES)
def test_a_damaged_cache_file_is_rebuilt(fresh_cache, path_of, reads, cuts):
    path = path_of()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"garbage")
    assert reads()
    _clear()
    assert reads()  # the rewritten file reads back


@pytest.mark.parametrize(("path_of", "reads", "cuts"), _CACHES)
def test_an_unwritable_cache_folder_keeps_the_table_in_memory(tmp_path, monkeypatch, path_of, reads, cuts):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(blocker / "cache"))
    _clear()
    try:
        assert cuts() and not (blocker / "cache").exists()
    finally:
        _clear()


def test_the_cached_table_is_jiebas_own():
    assert segmenter.tag_table() == _posseg().word_tag_tab


@pytest.mark.parametrize("text", [
    "坚持和发展中国特色社会主义，推进国家治理体系和治理能力现代化。",
    "5G网络覆盖18亿亩耕地，GDP增长3.5%，二〇三五年基本实现。",
    "COVID-19疫情 a1 b2c x_y#z  \r\n tab\there ÅÉ 1.2.3 abc，def！",
    "",
])
def test_tagged_cut_is_jieba_posseg_without_hmm(text):
    theirs = [(p.word, p.flag) for p in _posseg().cut(text, HMM=False)]
    assert segmenter.tagged_cut(text) == theirs


def test_dictionary_built_once_then_read_from_the_cache(fresh_cache, monkeypatch):
    words = segmenter.tokenizer().lcut("健全总揽全局")
    assert list(fresh_cache.glob("jieba-dict-*.pickle")) == [segmenter.dict_path()]
    _clear()

    def no_jieba():
        raise AssertionError("jieba's dictionary was loaded again")

    monkeypatch.setattr(segmenter, "_jieba_freq", no_jieba)
    assert segmenter.tokenizer().lcut("健全总揽全局") == words == ["健全", "总揽全局"]


@pytest.mark.parametrize("text", [
    "坚持和发展中国特色社会主义，推进国家治理体系和治理能力现代化。",
    "5G网络覆盖18亿亩耕地，GDP增长3.5%，50%-60%的二〇三五年目标。",
    "COVID-19疫情 a1 b2c x_y#z  \r\n tab\there ÅÉ 1.2.3 abc，def！",
    "",
])
def test_dictionary_cuts_and_counts_as_jieba(text):
    import jieba

    tk = _posseg().tokenizer
    assert segmenter.tokenizer().lcut(text) == jieba.dt.lcut(text, HMM=False) == tk.lcut(text, HMM=False)
    mine = segmenter.tokenizer()
    for i in range(len(text)):
        for k in range(1, 5):
            w = text[i : i + k]
            assert mine.FREQ.get(w) == tk.FREQ.get(w) and (w in mine.FREQ) == (w in tk.FREQ)
    assert mine.total == tk.total


def test_the_dictionary_has_no_hmm():
    with pytest.raises(ValueError):
        segmenter.tokenizer().lcut("新冠肺炎", HMM=True)


def test_jieba_file_is_jiebas_dictionary_found_without_importing_it():
    import jieba

    assert segmenter.jieba_file() == Path(jieba.__file__).parent / "dict.txt"


def test_a_warm_cache_segments_and_tags_without_importing_jieba():
    """`import jieba` costs about 0.4 s (it pulls in pkg_resources): with the trie and the tag
    table cached, nothing of jieba's code is needed."""
    import subprocess
    import sys

    segmenter.tokenizer()
    segmenter.tag_table()  # the session's cache folder now holds both
    code = ("import sys; from glossary import segmenter; "
            "assert segmenter.tagged_cut('推进国家治理体系现代化')[0] == ('推进', 'v'); "
            "assert segmenter.tokenizer().lcut('中国特色社会主义') == ['中国', '特色', '社会主义']; "
            "print('jieba' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_remembered_trie_answers_are_bounded_and_change_no_cut(monkeypatch):
    """The dictionary remembers the trie's answers (frequencies, prefixes and misses) up to a
    bound; past it, it asks the trie. Either way the cut is jieba's."""
    import jieba

    text = "坚持和发展中国特色社会主义，推进国家治理体系和治理能力现代化。不存在的词语国家治理"
    monkeypatch.setattr(segmenter, "_SEEN_SIZE", 25)
    fresh = segmenter.Dictionary(segmenter.tokenizer().trie, segmenter.tokenizer().total)
    first = fresh.lcut(text)
    assert len(fresh._seen) == 25
    assert fresh.lcut(text) == first == jieba.dt.lcut(text, HMM=False)
    assert all(fresh._seen[w] == fresh.FREQ.get(w) for w in fresh._seen)
