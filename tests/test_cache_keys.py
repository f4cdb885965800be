"""Cache files are named by what they are made from, not by where a package is installed."""

import os

from glossary import cache


def test_copies_of_one_data_file_in_two_installations_share_a_key(tmp_path):
    data = bytes(range(256)) * 2000
    one, two = tmp_path / "venv1" / "dict.txt", tmp_path / "venv2" / "dict.txt"
    for p in (one, two):
        p.parent.mkdir()
        p.write_bytes(data)
    os.utime(two, (1_000_000, 1_000_000))  # installed at another time
    assert cache.content(one) == cache.content(two)
    assert cache.installed("jieba", one) == cache.installed("jieba", two)


def test_another_release_of_a_data_file_gets_another_key(tmp_path):
    old, longer, new_end = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    data = b"x" * 300_000
    old.write_bytes(data)
    longer.write_bytes(data + b"y")
    new_end.write_bytes(data[:-1] + b"z")  # same size, a changed last entry
    keys = {cache.content(p) for p in (old, longer, new_end)}
    assert len(keys) == 3


def test_a_small_file_is_read_whole(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.write_bytes(b"abc")
    b.write_bytes(b"abd")
    assert cache.content(a) != cache.content(b)


def test_a_big_table_is_read_back_from_the_cache_and_an_edit_is_seen(monkeypatch, tmp_path):
    """The parsed rows of a big table come back from the user cache; an edited file names a new
    cache file, so the edit is never hidden behind the old rows."""
    import shutil

    from glossary.store import CACHED_BYTES, load, shipped_path

    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("GLOSSARY_USER", raising=False)
    table = tmp_path / "terms"
    shutil.copytree(shipped_path(), table)
    assert sum(p.stat().st_size for p in table.glob("*.tsv")) >= CACHED_BYTES
    parsed = load(table).terms
    assert len(list((tmp_path / "cache").glob("terms-*.bin"))) == 1
    assert load(table).terms == parsed  # read back
    first = sorted(table.glob("*.tsv"))[0]
    lines = first.read_text(encoding="utf-8").split("\n")
    cells = lines[1].split("\t")
    cells[6] = "an edited rendering"  # the en column
    lines[1] = "\t".join(cells)
    first.write_text("\n".join(lines), encoding="utf-8")
    edited = load(table).terms
    assert edited[0].en == "an edited rendering" and edited[1:] == parsed[1:]


def test_a_small_table_is_parsed_without_the_cache(monkeypatch, tmp_path):
    from glossary.store import load, shipped_path

    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path / "cache"))
    small = tmp_path / "one.tsv"
    small.write_text((shipped_path() / "trade_union.tsv").read_text(encoding="utf-8"), encoding="utf-8")
    assert load(small, shipped=False).terms == load(small, shipped=False).terms
    assert not list((tmp_path / "cache").glob("terms-*.bin"))
