"""The literal recogniser's profiles kept on disk: built once, read back identical; after an edit
of a term or a user overlay, only the profiles the edit touches are built, and the result is what
a fresh build gives; all built anew when the dictionary or the rules change; never a failure
when the cache folder is unusable."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import glossary
from glossary import cache, profile_cache
from glossary.imports import import_terms
from glossary.literal import Recogniser, _index_of
from glossary.scope import machine_prone
from glossary.terms import Term

TEXT = ("We will build a community of human destiny, uphold the two safeguarding and the four confidence, "
        "and pursue rural rejuvenation under Deng Xiaoping Thought.")
#: the build itself, not counted (see ``builds``)
_BUILD = Recogniser._build_profiles
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
def builds(monkeypatch) -> list[tuple[str, ...]]:
    """The Chinese of the terms whose profiles were built from CC-CEDICT and the glossary, per build."""
    calls: list[tuple[str, ...]] = []
    real = Recogniser._build_profiles

    def counted(self, terms):
        calls.append(tuple(t.zh_hans for t in terms))
        return real(self, terms)

    monkeypatch.setattr(Recogniser, "_build_profiles", counted)
    return calls


def _answers(r: Recogniser) -> tuple[list, list]:
    found = [(x.start, x.end, x.term.id, x.score, x.confident) for x in r.find(TEXT)]
    resolved = [[(x.term.id, x.score) for x in r.resolve(q)] for q in QUERIES]
    return found, resolved


def _index(r: Recogniser) -> list[tuple[str, list[int]]]:
    """The stem index, each stem's terms in the order the recogniser iterates them."""
    return [(s, list(v)) for s, v in sorted(r._index.items())]


def _same_as_fresh(r: Recogniser) -> None:
    """*r*'s profiles, index and answers are those of a recogniser built without the cache."""
    fresh = Recogniser(r.terms, r.context)
    fresh.__dict__["_built"] = (profiles := _BUILD(fresh, r.terms)), _index_of(profiles)
    assert r.profiles == fresh.profiles
    assert all(a.term is t for a, t in zip(r.profiles, r.terms, strict=True))  # the caller's own terms
    assert _index(r) == _index(fresh) and r._idf == fresh._idf
    assert _answers(r) == _answers(fresh)


def _zh(terms) -> tuple[str, ...]:
    return tuple(t.zh_hans for t in terms)


def test_built_once_then_read_back_identical(part, folder, builds):
    first = Recogniser(part)
    assert first.profiles and builds == [_zh(part)]
    files = list(folder.glob("profiles-*.bin"))
    assert files == [profile_cache.profiles_path(part, part)]
    again = Recogniser(part)
    assert again.profiles == first.profiles and len(builds) == 1  # read, not built
    assert profile_cache.load_profiles(files[0], part, part).index is not None  # the glossary's own file
    _same_as_fresh(again)
    assert _answers(first)[0], "the example text holds machine renderings"


def test_a_subset_in_its_context_has_its_own_file(part, folder, builds):
    prone = tuple(t for t in part if machine_prone(t))
    assert 0 < len(prone) < len(part)
    for terms, context in ((part, part), (prone, part), (prone, part)):
        assert Recogniser(terms, context).profiles
    assert builds == [_zh(part), _zh(prone)]
    assert len(list(folder.glob("profiles-*.bin"))) == 2
    # equal terms that are other objects are read back
    copies = tuple(dataclasses.replace(t) for t in prone)
    assert profile_cache.profiles_path(copies, part) == profile_cache.profiles_path(prone, part)
    assert Recogniser(copies, part).profiles and len(builds) == 2


def test_an_edited_term_alone_is_built_anew(part, folder, builds):
    # 乡村振兴 as a part of no other term (the table's first rows may hold longer terms with it)
    part = tuple(t for t in part if "乡村振兴" not in t.zh_hans or t.zh_hans == "乡村振兴")
    old = Recogniser(part)
    assert old.profiles
    k = next(i for i, t in enumerate(part) if t.zh_hans == "乡村振兴")
    assert not any("乡村振兴" in t.zh_hans for i, t in enumerate(part) if i != k)
    terms = list(part)
    terms[k] = dataclasses.replace(terms[k], en_alt=(*terms[k].en_alt, "countryside renaissance"))
    new = Recogniser(tuple(terms))
    assert "renaiss" in new.profiles[k].curated and "renaiss" not in old.profiles[k].curated
    assert builds == [_zh(part), ("乡村振兴",)]
    _same_as_fresh(new)
    # stored again: the next process reads every profile, the edited one too
    again = Recogniser(tuple(terms))
    assert again.profiles == new.profiles and len(builds) == 2
    # and back to the first table: the edited term again, the others read
    assert Recogniser(part).profiles == old.profiles and builds[2:] == [("乡村振兴",)]


def test_a_term_that_is_a_part_of_others_rebuilds_them(part, folder, builds):
    """A term lends its renderings to the parts of the terms that hold its Chinese: an edit of
    its English changes their bags, so they are built again too (and only they)."""
    old = Recogniser(part)
    # a term that is a part of another term's cut
    whole, piece = next((p, sub) for p in old.profiles for sub in part
                        if sub.zh_hans in p.parts and sub.zh_hans != p.term.zh_hans)
    terms = [dataclasses.replace(t, en_alt=(*t.en_alt, "zorblax quintessence")) if t is piece else t for t in part]
    new = Recogniser(tuple(terms))
    k = part.index(whole.term)
    assert any("zorblax" in bag for bag in new.profiles[k].bags)  # the part's new English
    assert not any("zorblax" in bag for bag in old.profiles[k].bags)
    assert builds[1:] == [tuple(t.zh_hans for t in part if piece.zh_hans in t.zh_hans)]
    assert whole.term.zh_hans in builds[1]
    _same_as_fresh(new)


def _overlaid(tmp_path, monkeypatch, rows: str, name: str) -> glossary.Glossary:
    src = tmp_path / f"{name}.tsv"
    src.write_text(rows, encoding="utf-8")
    user = tmp_path / f"{name}-user.tsv"
    import_terms(src, user)
    monkeypatch.setenv("GLOSSARY_USER", str(user))
    return glossary.load()


def test_a_user_overlay_builds_its_terms_alone(part, tmp_path, folder, monkeypatch, builds):
    """An overlay adding a term builds that term's profile, and those of the terms it is a part
    of (振兴 cuts 乡村振兴 and lends it its English); every other profile is read back."""
    ids = {t.id for t in part}
    plain = glossary.load()

    def chosen(g: glossary.Glossary) -> tuple[Term, ...]:
        return tuple(t for t in g.terms if t.id in ids or t.zh_hans in ("数字乡村振兴", "振兴"))

    assert Recogniser(chosen(plain), plain.terms).profiles and len(builds) == 1
    one = _overlaid(tmp_path, monkeypatch, "数字乡村振兴\tdigital rural revitalization\n", "one")
    assert len(one) == len(plain) + 1
    r = Recogniser(chosen(one), one.terms)
    (p,) = [p for p in r.profiles if p.term.zh_hans == "数字乡村振兴"]
    assert "digit" in p.stems
    assert builds[1:] == [("数字乡村振兴",)]
    _same_as_fresh(r)
    part_of = _overlaid(tmp_path, monkeypatch, "振兴\tzorblax\n", "part")
    r = Recogniser(chosen(part_of), part_of.terms)
    assert r.profiles and set(builds[2]) == {t.zh_hans for t in chosen(part_of) if "振兴" in t.zh_hans} and "乡村振兴" in builds[2]
    assert any("zorblax" in bag for p in r.profiles if p.term.zh_hans == "乡村振兴" for bag in p.bags)
    _same_as_fresh(r)


def test_a_term_key_covers_every_field_and_the_parts_english(part):
    """What a profile is made from, besides the dictionary and the code, changes its digest: any
    field of the term (not the file it came from), and the English of a context term that is a
    substring of it; a context term that is not, or another term's edit, does not."""
    t = next(t for t in part if t.zh_hans == "乡村振兴")
    (key,) = profile_cache.term_keys([t], part)
    for f in dataclasses.fields(Term):
        value = getattr(t, f.name)
        changed = ((*value, "x") if isinstance(value, tuple) else 2000 if value is None else value + 1
                   if isinstance(value, int) else value + "x")
        other = profile_cache.term_keys([dataclasses.replace(t, **{f.name: changed})], part)[0]
        assert (other == key) == (f.name == "origin"), f.name
    shared = dataclasses.replace(part[0], id="extra", zh_hans="振兴", en="revitalization")
    with_part = profile_cache.term_keys([t], (*part, shared))[0]
    assert with_part != key
    assert profile_cache.term_keys([t], (*part, dataclasses.replace(shared, en_alt=("revival",))))[0] != with_part
    assert profile_cache.term_keys([t], (*part, dataclasses.replace(shared, zh_hans="复兴")))[0] == key
    assert profile_cache.term_keys([t], [dataclasses.replace(x, en=x.en + "x") if x is not t else x for x in part
                                         if "乡村振兴" not in x.zh_hans or x is t])[0] == key


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


def _nothing(stored: profile_cache.Stored) -> bool:
    return stored.index is None and not any(stored.profiles)


def test_a_damaged_or_foreign_file_is_built_anew(part, folder, builds):
    first = Recogniser(part).profiles
    path = profile_cache.profiles_path(part, part)
    blob = path.read_bytes()
    path.write_bytes(blob[: len(blob) // 2])  # cut short
    assert _nothing(profile_cache.load_profiles(path, part, part))
    assert Recogniser(part).profiles == first and len(builds) == 2
    path.write_bytes(b"glossary value cpython-20 marshal 9\n" + blob.split(b"\n", 1)[1])  # another Python
    assert _nothing(profile_cache.load_profiles(path, part, part))
    cache.save_value(path, (profile_cache.FORMAT, ("term", "parts"), b"", (), ()))  # another layout of Profile
    assert _nothing(profile_cache.load_profiles(path, part, part))
    path.write_bytes(blob)
    stored = profile_cache.load_profiles(path, part[:10], part)  # other terms: read by their digests
    assert stored.index is None and stored.profiles == first[:10]
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
