"""The literal recogniser's profiles kept on disk: built once, read back identical, built anew when
the terms, a user overlay, the dictionary or the rules change, and never a failure when the cache
folder is unusable."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import glossary
from glossary import cache, profile_cache
from glossary.imports import import_terms
from glossary.literal import Recogniser
from glossary.scope import machine_prone
from glossary.terms import Term

TEXT = ("We will build a community of human destiny, uphold the two safeguarding and the four confidence, "
        "and pursue rural rejuvenation under Deng Xiaoping Thought.")
QUERIES = ["community of human destiny", "two safeguarding", "rural rejuvenation", "Deng Xiaoping Thought"]


@pytest.fixture(scope="module")
def part(shipped) -> tuple[Term, ...]:
    """The terms of the examples and some hundreds of others: quick to build, enough to score."""
    wanted = {"人类命运共同体", "两个维护", "四个自信", "乡村振兴", "邓小平理论"}
    terms = list(shipped)
    return tuple(t for k, t in enumerate(terms) if k < 300 or t.zh_hans in wanted)


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture
def builds(monkeypatch) -> list[int]:
    """How many times profiles were built from CC-CEDICT and the terms."""
    calls: list[int] = []
    real = Recogniser._build_profiles

    def counted(self):
        calls.append(len(self.terms))
        return real(self)

    monkeypatch.setattr(Recogniser, "_build_profiles", counted)
    return calls


def _answers(r: Recogniser) -> tuple[list, list]:
    found = [(x.start, x.end, x.term.id, x.score, x.confident) for x in r.find(TEXT)]
    resolved = [[(x.term.id, x.score) for x in r.resolve(q)] for q in QUERIES]
    return found, resolved


def test_built_once_then_read_back_identical(part, folder, builds):
    first = Recogniser(part)
    assert first.profiles and builds == [len(part)]
    files = list(folder.glob("profiles-*.bin"))
    assert files == [profile_cache.profiles_path(part, part)]
    again = Recogniser(part)
    assert again.profiles == first.profiles and builds == [len(part)]  # read, not built
    assert all(a.term is t for a, t in zip(again.profiles, part, strict=True))  # the caller's own terms
    # the same index, each stem's terms in the same order as a fresh build gives them
    assert [(s, list(v)) for s, v in sorted(again._index.items())] == [(s, list(v)) for s, v in sorted(first._index.items())]
    assert again._idf == first._idf
    assert _answers(again) == _answers(first)
    assert _answers(first)[0], "the example text holds machine renderings"


def test_a_subset_in_its_context_has_its_own_file(part, folder, builds):
    prone = tuple(t for t in part if machine_prone(t))
    assert 0 < len(prone) < len(part)
    for terms, context in ((part, part), (prone, part), (prone, part)):
        assert Recogniser(terms, context).profiles
    assert builds == [len(part), len(prone)]
    assert len(list(folder.glob("profiles-*.bin"))) == 2
    # equal terms that are other objects name the same file
    copies = tuple(dataclasses.replace(t) for t in prone)
    assert profile_cache.profiles_path(copies, part) == profile_cache.profiles_path(prone, part)


def test_a_changed_term_is_built_anew(part, folder, builds):
    old = Recogniser(part)
    assert old.profiles
    k = next(i for i, t in enumerate(part) if t.zh_hans == "乡村振兴")
    terms = list(part)
    terms[k] = dataclasses.replace(terms[k], en_alt=(*terms[k].en_alt, "countryside renaissance"))
    new = Recogniser(tuple(terms))
    assert "renaiss" in new.profiles[k].curated
    assert builds == [len(part), len(part)]
    assert "renaiss" in new.profiles[k].curated and "renaiss" not in old.profiles[k].curated
    # a change of the context alone (the renderings a part may borrow) is a change too
    context = (*part, dataclasses.replace(part[0], id="extra", zh_hans="振兴"))
    assert profile_cache.profiles_path(part, context) != profile_cache.profiles_path(part, part)


def test_a_user_overlay_is_part_of_the_key(tmp_path, folder, monkeypatch):
    src = tmp_path / "new.tsv"
    src.write_text("数字乡村振兴\tdigital rural revitalization\n", encoding="utf-8")
    user = tmp_path / "user.tsv"
    import_terms(src, user)
    plain = glossary.load()
    monkeypatch.setenv("GLOSSARY_USER", str(user))
    overlaid = glossary.load()
    assert len(overlaid) == len(plain) + 1
    assert profile_cache.profiles_path(overlaid.terms, overlaid.terms) != profile_cache.profiles_path(plain.terms, plain.terms)
    # the overlay's term is recognised: its profile was built, not read from the shipped terms' file
    (p,) = [p for p in Recogniser(overlaid.terms).profiles if p.term.zh_hans == "数字乡村振兴"]
    assert "digit" in p.stems


def test_other_dictionary_data_or_rules_name_another_file(part, folder, monkeypatch):
    from glossary import cedict

    before = profile_cache.profiles_path(part, part)
    real_compact = cedict.compact_path
    monkeypatch.setattr(cedict, "compact_path", lambda: real_compact().with_name("cedict-0000000000000000.bin"))
    assert profile_cache.profiles_path(part, part) != before
    monkeypatch.setattr(cedict, "compact_path", real_compact)
    assert profile_cache.profiles_path(part, part) == before

    real_read = Path.read_bytes

    def edited(self: Path) -> bytes:  # an edited rule in literal.py
        data = real_read(self)
        return data + b"\n# a changed rule\n" if self.name == "literal.py" else data

    monkeypatch.setattr(Path, "read_bytes", edited)
    assert profile_cache.profiles_path(part, part) != before


def test_a_damaged_or_foreign_file_is_built_anew(part, folder, builds):
    first = Recogniser(part).profiles
    path = profile_cache.profiles_path(part, part)
    blob = path.read_bytes()
    path.write_bytes(blob[: len(blob) // 2])  # cut short
    assert profile_cache.load_profiles(path, part) is None
    assert Recogniser(part).profiles == first and len(builds) == 2
    path.write_bytes(b"glossary value cpython-20 marshal 9\n" + blob.split(b"\n", 1)[1])  # another Python
    assert profile_cache.load_profiles(path, part) is None
    cache.save_value(path, (profile_cache.FORMAT, ("term", "parts"), (), ()))  # another layout of Profile
    assert profile_cache.load_profiles(path, part) is None
    assert profile_cache.load_profiles(profile_cache.profiles_path(part, part), part[:10]) is None  # other terms
    assert Recogniser(part).profiles == first


def test_an_unwritable_folder_only_costs_the_build(part, tmp_path, monkeypatch, builds):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(blocker / "cache"))
    a, b = Recogniser(part), Recogniser(part)
    assert a.profiles == b.profiles and len(builds) == 2
    assert _answers(a) == _answers(b)


def test_no_terms_need_no_file(folder):
    r = Recogniser(())
    assert r.profiles == () and r.find("community of human destiny") == []
    assert not folder.exists()



def test_plain_values_round_trip_and_digest_alike(folder):
    path = folder / "value-0123456789abcdef.bin"
    value = (1, "两个维护", ("a", None), [frozenset({"x", "y"})], {"k": (1, 2)})
    cache.save_value(path, value)
    assert cache.load_value(path) == value
    assert cache.load_value(folder / "missing.bin") is None
    # one object or two equal ones: the same digest, and another content another digest
    word = "".join(["safe", "guard"])
    assert cache.fingerprint([word, word]) == cache.fingerprint(["safeguard", "".join(["safe", "guard"])])
    assert cache.fingerprint(["safeguard"]) != cache.fingerprint(["safeguards"])
    assert cache.fingerprint([object]) == cache.fingerprint([object])  # not marshal's: its repr


def test_old_value_files_are_pruned(folder):
    for k in range(5):
        cache.save_value(folder / f"kind-{k:016x}.bin", k, keep=2)
    assert len(list(folder.glob("kind-*.bin"))) == 2
