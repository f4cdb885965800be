"""pypinyin's readings from the cached table: the same syllables as pypinyin itself, built once,
read back without importing pypinyin, and rebuilt when the file is missing, damaged or cannot be
written."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from glossary import pinyin_table
from glossary.pinyin import PinyinWriter, _pypinyin

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "pinyin_mixed.txt"


def _fixture_lines() -> list[str]:
    return [line for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]


def _phrases(lines: list[str]) -> list[str]:
    """Every stretch of 1 to 8 characters of each line, and the lines whole and in pairs: a few
    thousand phrases that start and end anywhere (inside words, on punctuation, on Latin)."""
    out = []
    for line in lines:
        for i in range(len(line)):
            for k in range(1, 9):
                if i + k <= len(line):
                    out.append(line[i : i + k])
    out += lines + [a + b for a, b in zip(lines, lines[1:])]
    return out


@pytest.fixture(scope="module")
def table() -> pinyin_table.PinyinTable:
    return pinyin_table.table()


def test_the_fixture_holds_what_it_promises():
    lines = _fixture_lines()
    text = "".join(lines)
    assert len(_phrases(lines)) > 5000
    missing = [ch for ch in text if pinyin_table._runs(pinyin_table.table().hans).fullmatch(ch)
               and pinyin_table.table().words.get(ch, None) is None]
    assert missing, "characters pypinyin reads as Han but has no reading for"
    assert any(ord(ch) > 0xFFFF for ch in text) and "儿" in text and "ABC" in text


def test_same_syllables_as_pypinyin_on_mixed_text(table):
    for phrase in _phrases(_fixture_lines()):
        assert table.syllables(phrase) == _pypinyin(phrase), phrase


def test_same_syllables_as_pypinyin_on_every_glossary_term(table, shipped):
    for t in shipped:
        for zh in (t.zh_hans, t.zh_hant, *t.zh_alias, t.definition, t.pinyin_note):
            assert table.syllables(zh) == _pypinyin(zh), (t.id, zh)


def test_same_syllables_as_pypinyin_on_the_seed(table, seed_path):
    text = seed_path.read_text(encoding="utf-8")
    assert table.syllables(text) == _pypinyin(text)
    for line in text.splitlines():
        assert table.syllables(line) == _pypinyin(line), line


def test_same_syllables_as_pypinyin_on_its_own_phrases_joined(table):
    """pypinyin's phrases end to end: its segmenter must cut them where it cuts them itself,
    also where one phrase's end and the next one's start make another phrase or prefix."""
    from pypinyin.constants import PHRASES_DICT

    words = sorted(PHRASES_DICT)
    for i in range(0, len(words) - 3, 7):
        text = "".join(words[i : i + 3]) + words[-1 - i]
        assert table.syllables(text) == _pypinyin(text), text


def test_edge_cases(table):
    for text in ["", " ", "a", "〇", "𠮷", "㐂", "儿", "一", "不", "长长长长", "ABC中文DEF", "中\n文"]:
        assert table.syllables(text) == _pypinyin(text), text
    assert table.syllables("㐂") == ["㐂5"]  # no reading: pypinyin writes it as a neutral tone


def test_the_writer_reads_from_the_table(shipped):
    w = PinyinWriter(shipped)
    assert w.syllables("重庆银行重要") == _pypinyin("重庆银行重要")
    assert w.numbered("长江长大了") == "chang2 jiang1 zhang3 da4 le5"


# -- the cache file ------------------------------------------------------------------------------
@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path / "cache"))
    pinyin_table.table.cache_clear()
    yield tmp_path / "cache"
    pinyin_table.table.cache_clear()


@pytest.fixture(scope="module")
def built() -> pinyin_table.PinyinTable:
    return pinyin_table.table()  # the session's table (built once for the session's cache folder)


@pytest.fixture
def builds(monkeypatch, built):
    """How many times the table was built from pypinyin (the build itself, a few seconds, is
    done once for the module and shared)."""
    calls: list[int] = []

    def counted():
        calls.append(1)
        return built

    monkeypatch.setattr(pinyin_table, "build", counted)
    return calls


def test_built_once_then_read_from_the_cache(cache, builds):
    first = pinyin_table.table()
    assert len(builds) == 1 and list(cache.glob("pinyin-*.pickle")) == [pinyin_table.table_path()]
    pinyin_table.table.cache_clear()
    again = pinyin_table.table()
    assert len(builds) == 1 and again is not first
    text = "".join(_fixture_lines())
    assert again.syllables(text) == first.syllables(text) == _pypinyin(text)


def test_a_damaged_cache_file_is_built_again(cache, builds):
    path = pinyin_table.table_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x80\x05not a pickle")
    assert pinyin_table.table().syllables("重新") == ["chong2", "xin1"]
    assert len(builds) == 1 and path.read_bytes()[:2] != b"\x80\x05n"
    pinyin_table.table.cache_clear()
    path.write_bytes(path.read_bytes()[:1000])  # cut short
    assert pinyin_table.table().syllables("重新") == ["chong2", "xin1"]
    assert len(builds) == 2


def test_a_cache_file_of_another_layout_is_not_used(cache, builds):
    import pickle

    path = pinyin_table.table_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(pickle.dumps((pinyin_table.LAYOUT + 1, "", None, "", None, {})))
    assert pinyin_table.table().syllables("重新") == ["chong2", "xin1"] and len(builds) == 1


def test_an_unwritable_cache_folder_builds_in_memory(tmp_path, monkeypatch, builds):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(blocker / "cache"))
    pinyin_table.table.cache_clear()
    try:
        assert pinyin_table.table().syllables("银行行长") == _pypinyin("银行行长")
        assert len(builds) == 1 and not (blocker / "cache").exists()
    finally:
        pinyin_table.table.cache_clear()


def test_the_file_is_named_by_pypinyin_and_this_code(cache, monkeypatch):
    from glossary import cache as cache_module

    before = pinyin_table.table_path()
    assert before.parent == cache and before.name.startswith("pinyin-")
    monkeypatch.setattr(pinyin_table, "LAYOUT", pinyin_table.LAYOUT + 1)
    assert pinyin_table.table_path() != before
    monkeypatch.undo()
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(cache))
    real = cache_module.code
    monkeypatch.setattr(cache_module, "code", lambda *m: [b"changed", *real(*m)])
    assert pinyin_table.table_path() != before


def test_a_warm_run_writes_pinyin_without_importing_pypinyin():
    """The point of the table: with the cache file in place (the session's cache folder, where
    jieba's tables are ready too), writing pinyin for new text imports none of pypinyin."""
    from glossary.pinyin import orthographic

    text = "推进长江经济带高质量发展，一会儿重新调整"
    pinyin_table.table()  # builds the file
    code = (
        "import sys, json\n"
        "from glossary.pinyin import orthographic\n"
        f"out = orthographic({text!r})\n"
        "print(json.dumps([out, sorted(m for m in sys.modules if m.startswith('pypinyin'))]))\n"
    )
    assert pinyin_table.table_path().exists()
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    out, modules = json.loads(done.stdout.strip().splitlines()[-1])
    assert modules == [], done.stderr
    assert out == orthographic(text)

