"""The literal recogniser's term profiles, kept on disk between runs, term by term.

Building :class:`glossary.literal.Recogniser`'s profiles reads the CC-CEDICT senses of every
term's substrings, cuts each term into parts and folds the senses into stems: about 1 s for the
terms ``check`` looks for, most of what the recogniser adds to ``check`` and to a ``lookup`` that
falls back to it. So the profiles are stored in the user cache folder (:mod:`glossary.cache`),
one file per recogniser (all the glossary's terms, as ``lookup`` has them, or a part of them in
the context of all, as ``check`` and ``extract`` have them), named by what every profile shares:
the CC-CEDICT data and the code of the rules. Other data or rules name another file.

Within the file each profile is stored under a digest of exactly what it is made from besides
those (:func:`term_keys`): every field of its own term (the file it was read from aside), and the
English of the glossary's terms whose Chinese is a substring of its own (they cut the term into
parts and lend their renderings to the parts' bags: 新时代 of 新时代中国特色社会主义). CC-CEDICT
readings of a substring do not depend on the other terms. So after an edit of the term table or
a user overlay only the profiles whose digest changed are built again (the edited term and the
terms it is a part of), the others are read back, and the file is written anew.

The file also holds a digest of all the terms and their context (:func:`glossary_key`) with the
stem index: when it matches, as on every run after the first, the profiles are read by position
and the index as stored, without a digest per term. Otherwise the index is made again from the
profiles (a few hundredths of a second), in the order a fresh build gives.

The stored form is plain values (marshal, see :func:`glossary.cache.save_value`). Equal strings
and sets are stored once. Reading it back takes a few hundredths of a second.
"""

from __future__ import annotations

import operator
import sys
from collections.abc import Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from .literal import Profile
    from .terms import Term

#: bump when the stored layout changes
FORMAT = 2
#: profile files kept in the cache folder: the all-terms recogniser of lookup and the
#: machine-prone one of check, for a few installations (other code or dictionary data)
KEEP = 6
#: the modules whose code decides what a profile holds (their source is part of the key)
_MODULES = ("literal.py", "forms.py", "scope.py", "cedict.py", "terms.py", "profile_cache.py")

#: the stem index of a recogniser: stem → the positions of the terms whose profiles hold it
Index = dict[str, frozenset[int]]


@dataclass(frozen=True)
class Stored:
    """What the cache file gives for a recogniser's terms: per term its profile, or None where it
    must be built (its digest is not in the file); the index when the file was written for
    exactly these terms in this context (else None: make it from the profiles); the digests
    (:func:`glossary_key`, :func:`term_keys`) to store the profiles under."""

    profiles: tuple[Profile | None, ...]
    index: Index | None
    glossary: bytes
    keys: tuple[bytes, ...]


def profiles_path(terms: Sequence[Term], context: Sequence[Term]) -> Path:
    """The cache file for the profiles of *terms* in the *context* of a glossary's terms (all of
    them, or a part), with the installed CC-CEDICT data and this code."""
    from . import cache
    from .cedict import compact_path

    role = "all" if tuple(terms) == tuple(context) else "part"
    return cache.named("profiles", "bin", (str(FORMAT), compact_path().name, *cache.code(*_MODULES), role))


def glossary_key(terms: Sequence[Term], context: Sequence[Term]) -> bytes:
    """A digest of every field of every term of *context* (the file a term was read from aside),
    and of which of them are *terms* (a position in *context*, or the fields of a term that is
    not there)."""
    from . import cache

    get = _term_fields()
    rows = [get(t) for t in context]
    position = {row: k for k, row in enumerate(rows)}
    return cache.fingerprint(rows) + cache.fingerprint([position.get(row, row) for row in map(get, terms)])


def term_keys(terms: Sequence[Term], context: Sequence[Term]) -> tuple[bytes, ...]:
    """Per term of *terms*, a digest of what its profile is made from besides the CC-CEDICT data
    and the code: every field of the term (its origin aside), and for each substring of its
    Chinese (itself included) that is the Chinese of terms of *context*, their renderings."""
    from . import cache

    get = _term_fields()
    named: dict[str, list[tuple[str, ...]]] = {}
    for t in context:
        named.setdefault(t.zh_hans, []).append(t.renderings)
    keys = []
    for t in terms:
        zh = t.zh_hans
        n = len(zh)
        parts = [(w, named[w]) for a in range(n) for b in range(a + 1, n + 1) if (w := zh[a:b]) in named]
        keys.append(cache.fingerprint((get(t), parts)))
    return tuple(keys)


def load_profiles(path: Path, terms: Sequence[Term], context: Sequence[Term]) -> Stored:
    """What the file at *path* holds for *terms* in *context* (see :class:`Stored`): nothing
    when it is missing, unreadable or of another layout."""
    from . import cache
    from .literal import Profile

    whole = glossary_key(terms, context)
    data = cache.load_value(path)
    rows: Any = ()  # the stored rows: (digest, *the profile's fields)
    if isinstance(data, tuple) and len(data) == 5 and data[0] == FORMAT and data[1] == _field_names():
        _, _, stored_whole, rows, stems = data
        if stored_whole == whole and len(rows) == len(terms):
            try:
                profiles = tuple(Profile(t, *values) for t, (_, *values) in zip(terms, rows, strict=True))
                # a set built by adding the positions in order, as the recogniser builds it, so
                # that the terms of a stem come in the same order as from a freshly built index
                index = {s: frozenset(set(ids)) for s, ids in stems}
            except (TypeError, ValueError, IndexError):
                rows = ()
            else:
                return Stored(profiles, index, whole, tuple(row[0] for row in rows))
    keys = term_keys(terms, context)
    try:
        known = {row[0]: row[1:] for row in rows}
    except (TypeError, IndexError, KeyError):
        known = {}
    found: list[Profile | None] = []
    for t, key in zip(terms, keys, strict=True):
        values = known.get(key)
        try:
            found.append(None if values is None else Profile(t, *values))
        except (TypeError, ValueError):
            found.append(None)
    return Stored(tuple(found), None, whole, keys)


def save_profiles(path: Path, profiles: Sequence[Profile], index: Index, stored: Stored) -> None:
    """Store *profiles* (one per term, in the terms' order) under their digests and their *index*
    at *path* (silently not, where the folder cannot be written)."""
    from . import cache

    names = _field_names()
    get = operator.attrgetter(*names)
    shared: dict[frozenset[str], frozenset[str]] = {}
    # a profile read from the file is made of shared values already (marshal keeps which are one
    # object); sharing them again would cost more than writing the few built ones' twice
    rows = tuple((key, *(get(p) if read is not None else cast(tuple[object, ...], _shared(get(p), shared))))
                 for key, p, read in zip(stored.keys, profiles, stored.profiles, strict=True))
    stems = tuple((_shared(s, shared), tuple(sorted(ids))) for s, ids in index.items())
    cache.save_value(path, (FORMAT, names, stored.glossary, rows, stems), KEEP)


def _term_fields() -> operator.attrgetter[tuple[object, ...]]:
    """A term's fields as a tuple, the file it was read from aside."""
    from .terms import Term

    return operator.attrgetter(*(f.name for f in fields(Term) if f.name != "origin"))


def _field_names() -> tuple[str, ...]:
    """The fields of a profile, its term aside, in their order."""
    from .literal import Profile

    return tuple(f.name for f in fields(Profile) if f.name != "term")


def _shared(value: object, seen: dict[frozenset[str], frozenset[str]]) -> object:
    """*value* with equal strings made one object (interned) and equal frozensets too, so marshal
    writes each once and the reader hashes each string once."""
    if isinstance(value, frozenset):
        known = seen.get(value)  # many parts share a bag
        if known is None:
            known = frozenset(map(sys.intern, value))
            seen[known] = known
        return known
    if isinstance(value, str):
        return sys.intern(value)
    if isinstance(value, tuple):
        return tuple(_shared(x, seen) for x in value)
    return value
