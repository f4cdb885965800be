"""Non-standard forms that are not always errors: one word, or another Chinese word's English.

"middle class" is a wrong rendering of 中等收入群体 but the right one of 中产阶级; reported
without a source it would be a false alarm half the time. Such forms are found here once per
glossary, and the checker lowers or confirms them (see :class:`~glossary.checking.CheckOptions`).
Annotation uses the same list to mark them more softly.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..forms import en_key, without_brackets
from ..terms import Term


def ambiguous_forms(terms: Sequence[Term]) -> dict[tuple[str, str], str]:
    """(term id, non-standard form) → why the form is ambiguous, for the forms that are."""
    out: dict[tuple[str, str], str] = {}
    wanted: dict[str, list[tuple[Term, str]]] = {}
    for t in terms:
        for form in t.en_nonstandard:
            key = en_key(form)
            if len(key.split()) == 1 and not form.isupper():
                out[(t.id, form)] = "a single word"
            wanted.setdefault(_simple(form), []).append((t, form))
    for simple, headword in _cedict_senses(frozenset(wanted)):
        for t, form in wanted[simple]:
            if (t.id, form) in out or headword in t.zh_hans or t.zh_hans in headword:
                continue
            out[(t.id, form)] = f"also the usual English of {headword}"
    return out


def _simple(text: str) -> str:
    return " ".join(text.lower().replace("-", " ").split())


def _cedict_senses(wanted: frozenset[str]) -> list[tuple[str, str]]:
    """(form, headword) for every CC-CEDICT sense that is exactly one of the *wanted* forms
    (compared lowercased, hyphens as spaces, a bracketed note dropped).

    A scan of every sense of the dictionary (about half a second), so its answer is kept in the
    user cache folder under a hash of the forms, the dictionary data and this code."""
    from .. import cache
    from ..cedict import compact_path, headwords_with_sense

    if not wanted:
        return []
    path = _senses_path(wanted, compact_path().name)
    def read(v: object) -> list[tuple[str, str]] | None:
        return list(v) if isinstance(v, tuple) and all(isinstance(x, tuple) and len(x) == 2 for x in v) else None

    return cache.remember(path, lambda: tuple(headwords_with_sense(wanted, _sense_key)), read, _KEEP)


#: bump when the stored layout changes
_FORMAT = 1
#: answers kept in the cache folder: one per glossary recently checked
_KEEP = 4


def _senses_path(wanted: frozenset[str], dictionary: str) -> Path:
    """The cache file of :func:`_cedict_senses` for *wanted* and the compact *dictionary*'s name."""
    from .. import cache

    code = cache.code("checking/ambiguity.py", "cedict.py", "forms.py")
    return cache.named("ambiguous-senses", "bin", (str(_FORMAT), dictionary, *code, cache.fingerprint(sorted(wanted))))


def _sense_key(piece: str) -> str:
    s = piece.lower()
    if "(" in s:
        s = without_brackets(s)
    return " ".join(s.replace("-", " ").split())
