"""The learned phrasing kept on disk: learned once, reused, learned anew when the glossary changes,
and kept in memory when the cache folder cannot be written."""

from __future__ import annotations

import dataclasses

import pytest

from glossary import composition, phrasing_cache
from glossary.store import Glossary

PHRASES = ["检察委员会", "农村土地制度改革", "推进基层治理现代化", "加强党的政治建设"]


@pytest.fixture(scope="module")
def part(shipped) -> Glossary:
    """Some hundreds of shipped terms: enough to learn from, quick to learn."""
    return Glossary(tuple(list(shipped)[:400]))


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture
def learnings(monkeypatch):
    """How many times the phrasing was learned from the terms."""
    calls: list[int] = []
    real = composition.table_phrasing

    def counted(c, g):
        calls.append(1)
        return real(c, g)

    monkeypatch.setattr(composition, "table_phrasing", counted)
    return calls


def _english(c: composition.Composer) -> list[str]:
    return [c.compose(p).english for p in PHRASES]


def test_learned_once_then_read_from_the_cache(part, cache, learnings):
    first = composition.composer(PHRASES, part)
    assert len(learnings) == 1
    assert list(cache.glob("phrasing-*.bin")) == [phrasing_cache.phrasing_path(part)]
    again = composition.composer(PHRASES, part)
    assert len(learnings) == 1  # not learned again
    assert again.phrasing is not None and first.phrasing is not None
    assert again.phrasing.by_term == first.phrasing.by_term and again.phrasing.index == first.phrasing.index
    assert _english(again) == _english(first)


def test_learned_anew_when_the_glossary_changes(part, cache, learnings):
    composition.composer(PHRASES, part)
    terms = list(part)
    terms[0] = dataclasses.replace(terms[0], en=terms[0].en + " system")
    changed = Glossary(tuple(terms))
    assert phrasing_cache.phrasing_path(changed) != phrasing_cache.phrasing_path(part)
    c = composition.composer(PHRASES, changed)
    assert len(learnings) == 2
    assert c.phrasing is not None and "system" in {o.key for o in c.phrasing.by_term[terms[0].id] if o.kind == "vocab"}
    assert len(list(cache.glob("phrasing-*.bin"))) == 2


@pytest.mark.parametrize("module", ["pairs", "senses"])
def test_learned_anew_when_learned_dictionary_data_changes(part, cache, tmp_path, monkeypatch, module):
    """The rules alone decide whether a term votes for its frames (a term they already compose
    right votes for them), and the rules read the learned pairs and senses: other pairs or
    senses must give another cache file, not the phrasing learned with the old ones."""
    import importlib

    mod = importlib.import_module(f"glossary.{module}")
    getter = f"{module}_path"
    before = phrasing_cache.phrasing_path(part)
    edited = tmp_path / f"{module}.tsv"
    edited.write_text(getattr(mod, getter)().read_text(encoding="utf-8") + "\n", encoding="utf-8")
    monkeypatch.setattr(mod, getter, lambda: edited)
    assert phrasing_cache.phrasing_path(part) != before


def test_a_damaged_cache_file_is_learned_again(part, cache, learnings):
    path = phrasing_cache.phrasing_path(part)
    path.parent.mkdir(parents=True)
    path.write_text("{not json", encoding="utf-8")
    first = composition.composer(PHRASES, part)
    assert len(learnings) == 1 and phrasing_cache.load_phrasing(path) is not None
    assert _english(composition.composer(PHRASES, part)) == _english(first)
    assert len(learnings) == 1


def test_an_unwritable_cache_folder_keeps_the_phrasing_in_memory(part, tmp_path, monkeypatch, learnings):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(blocker / "cache"))
    c = composition.composer(PHRASES, part)
    assert c.phrasing is not None and c.phrasing.by_term and not (blocker / "cache").exists()
    assert len(learnings) == 1


def test_old_phrasing_files_are_dropped(cache, monkeypatch):
    import os

    from glossary.phrasing import learn

    monkeypatch.setattr(phrasing_cache, "KEEP", 2)
    cache.mkdir()
    for i in range(3):
        (cache / f"phrasing-{i}.bin").write_text("{}", encoding="utf-8")
        os.utime(cache / f"phrasing-{i}.bin", (1_000_000 + i, 1_000_000 + i))
    phrasing_cache.save_phrasing(cache / "phrasing-3.bin", learn({}))
    assert sorted(p.name for p in cache.glob("phrasing-*.bin")) == ["phrasing-2.bin", "phrasing-3.bin"]
