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
