"""The literal recogniser's term profiles, kept on disk between runs.

Building :class:`glossary.literal.Recogniser`'s profiles reads the CC-CEDICT senses of every
term's substrings, cuts each term into parts and folds the senses into stems: about 0.6–1.5 s
per process, most of what the recogniser adds to ``check`` and to a ``lookup`` that falls back
to it. The result depends only on the terms (and the glossary around them), the CC-CEDICT data
and the code of the rules, so it is stored in the user cache folder (:mod:`glossary.cache`) under
a hash of all of these: an edited term table or user overlay, other dictionary data or changed
rules give another name and are built anew, never read stale.

The stored form is plain values (marshal, see :func:`glossary.cache.save_value`): per profile,
the position of its term and its fields; and the stem index. Equal strings and sets are stored
once. Reading it back takes a few hundredths of a second.
"""

from __future__ import annotations

import operator
import sys
from collections.abc import Sequence
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from .literal import Profile
    from .terms import Term

#: bump when the stored layout changes
FORMAT = 1
#: profile files kept in the cache folder: the all-terms recogniser of lookup and the
#: machine-prone one of check, for a few glossaries (with and without a user overlay)
KEEP = 6
#: the modules whose code decides what a profile holds (their source is part of the key)
_MODULES = ("literal.py", "forms.py", "scope.py", "cedict.py", "terms.py", "profile_cache.py")

#: the stem index of a recogniser: stem → the positions of the terms whose profiles hold it
Index = dict[str, frozenset[int]]


def profiles_path(terms: Sequence[Term], context: Sequence[Term]) -> Path:
    """The cache file for the profiles of *terms* in the *context* of a glossary's terms, with the
    installed CC-CEDICT data and this code."""
    from . import cache
    from .cedict import compact_path

    here = Path(__file__).parent
    code = [(here / name).read_bytes() for name in _MODULES]
    return cache.named("profiles", "bin", (str(FORMAT), compact_path().name, *code, _terms_key(terms, context)))


def _terms_key(terms: Sequence[Term], context: Sequence[Term]) -> bytes:
    """What the profiles depend on of the terms: every field of every term of *context* (the
    file a term was read from aside), and which of them are *terms* (a position in *context*,
    or the fields of a term that is not there)."""
    from . import cache
    from .terms import Term

    get = operator.attrgetter(*(f.name for f in fields(Term) if f.name != "origin"))
    rows = [get(t) for t in context]
    position = {row: k for k, row in enumerate(rows)}
    return cache.fingerprint(rows) + cache.fingerprint([position.get(row, row) for row in map(get, terms)])


def load_profiles(path: Path, terms: Sequence[Term]) -> tuple[tuple[Profile, ...], Index] | None:
    """The profiles and index stored at *path* for *terms*, or None when the file is missing,
    unreadable or of another layout."""
    from . import cache
    from .literal import Profile

    data = cache.load_value(path)
    names = _field_names()
    if not (isinstance(data, tuple) and len(data) == 4 and data[0] == FORMAT and data[1] == names):
        return None
    _, _, rows, stems = data
    try:
        if len(rows) != len(terms):
            return None
        profiles = tuple(Profile(terms[k], *values) for k, *values in rows)
        # a set built by adding the positions in order, as the recogniser builds it, so that the
        # terms of a stem come in the same order as from a freshly built index
        index = {s: frozenset(set(ids)) for s, ids in stems}
    except (TypeError, ValueError, IndexError):
        return None
    return profiles, index


def save_profiles(path: Path, profiles: Sequence[Profile], index: Index) -> None:
    """Store *profiles* (one per term, in the terms' order) and their *index* at *path*
    (silently not, where the folder cannot be written)."""
    from . import cache

    names = _field_names()
    get = operator.attrgetter(*names)
    shared: dict[frozenset[str], frozenset[str]] = {}
    rows = tuple((k, *cast(tuple[object, ...], _shared(get(p), shared))) for k, p in enumerate(profiles))
    stems = tuple((_shared(s, shared), tuple(sorted(ids))) for s, ids in index.items())
    cache.save_value(path, (FORMAT, names, rows, stems), KEEP)


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
