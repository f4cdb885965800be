"""Exact and fuzzy lookup over every form of every term.

The exact index is a plain dict from normalised key to the places it occurs, built once at load;
it needs neither polars nor pypinyin, which keeps ``glossary lookup`` quick from a cold start.
Fuzzy search uses rapidfuzz (C++), imported only when a query needs it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from .forms import bracketed_acronyms, en_key, has_han, pinyin_key, surface_key, toned_pinyin_key, without_brackets, zh_key
from .terms import FLAGGED_FIELDS, Term, undated
from .tones import is_pinyin_like

#: Which field a query matched, in the order a card explains it.
FIELDS = ("zh_hans", "zh_hant", "zh_alias", "pinyin", "en", "en_alt", "en_nonstandard", "en_history", "id")


@dataclass(frozen=True, slots=True)
class Match:
    """A term found for a query, and how: which field, which form of it, and (fuzzy) a score."""

    term: Term
    field: str
    form: str
    score: float = 100.0

    @property
    def nonstandard(self) -> bool:
        """True when the query was a rendering the glossary flags as non-standard."""
        return self.field in FLAGGED_FIELDS


@dataclass(frozen=True, slots=True)
class _Hit:
    position: int
    field: str
    form: str


def _en_keys(form: str) -> list[str]:
    """The keys a rendering is found by: as written, without its bracketed part, and by the
    acronym in the brackets ("National People's Congress (NPC)" → also "NPC")."""
    keys = [en_key(form)]
    for variant in (without_brackets(form), *bracketed_acronyms(form)):
        key = en_key(variant)
        if key and key not in keys:
            keys.append(key)
    return keys


@dataclass(frozen=True, slots=True)
class _Choices:
    """The distinct keys of one kind that fuzzy search scores, and the hits behind each (same order),
    shortest key first, with their lengths: a partial match only counts against a key at least
    as long as the query, so the partial scorer skips the shorter keys by bisection."""

    keys: list[str]
    hits: list[list[_Hit]]
    lengths: list[int]


class TermIndex:
    """Every form of every term, keyed for exact lookup and listed for fuzzy search."""

    def __init__(self, terms: Sequence[Term]) -> None:
        self._terms = terms
        self._ids: dict[str, int] = {t.id: pos for pos, t in enumerate(terms)}
        self._choices: dict[str, _Choices] | None = None

    # Each table is built on first use: a Chinese query never pays for the English keys, and
    # only a toned pinyin query for the toned ones (cold lookups stay quick as the table grows).
    @cached_property
    def _zh(self) -> dict[str, list[_Hit]]:
        table: dict[str, list[_Hit]] = defaultdict(list)
        for pos, t in enumerate(self._terms):
            table[zh_key(t.zh_hans)].append(_Hit(pos, "zh_hans", t.zh_hans))
            if t.zh_hant != t.zh_hans:
                table[zh_key(t.zh_hant)].append(_Hit(pos, "zh_hant", t.zh_hant))
            for alias in t.zh_alias:
                table[zh_key(alias)].append(_Hit(pos, "zh_alias", alias))
        return table

    @cached_property
    def _en(self) -> dict[str, list[_Hit]]:
        table: dict[str, list[_Hit]] = defaultdict(list)
        for pos, t in enumerate(self._terms):
            history = tuple(undated(h)[0] for h in t.en_history)
            for field, forms in (("en", (t.en,)), ("en_alt", t.en_alt), ("en_nonstandard", t.en_nonstandard), ("en_history", history)):
                for form in forms:
                    for key in _en_keys(form):
                        table[key].append(_Hit(pos, field, form))
        return table

    @cached_property
    def _py(self) -> dict[str, list[_Hit]]:
        table: dict[str, list[_Hit]] = defaultdict(list)
        for pos, t in enumerate(self._terms):
            table[pinyin_key(t.pinyin)].append(_Hit(pos, "pinyin", t.pinyin))
        return table

    @cached_property
    def _toned(self) -> dict[str, set[int]]:
        table: dict[str, set[int]] = defaultdict(set)
        for pos, t in enumerate(self._terms):
            # the orthographic pinyin carries the same tones as pinyin_num (validate keeps them
            # in step), and reading its marks is cheaper than converting the numbers
            toned = toned_pinyin_key(t.pinyin)
            if toned:
                table[toned].add(pos)
        return table

    # -- exact -----------------------------------------------------------------------------
    def lookup(self, query: str, to_simplified=None) -> list[Match]:
        """Exact matches for *query* in any form; ``to_simplified`` converts unknown traditional text."""
        q = query.strip()
        if not q:
            return []
        if q in self._ids:
            return [Match(self._terms[self._ids[q]], "id", q)]
        hits: list[_Hit] = []
        if has_han(q):
            hits = self._zh.get(zh_key(q), [])
            if not hits and to_simplified is not None:
                hits = self._zh.get(zh_key(to_simplified(q)), [])
        else:
            hits = list(self._en.get(en_key(q), []))
            # pinyin is consulted when the English found nothing, or the query carries tones:
            # most English reads as pinyin-like ("two maintenance"), and a rendering that
            # matched is the answer (this also spares an English lookup the pinyin table)
            if is_pinyin_like(q) and (not hits or toned_pinyin_key(q) is not None):
                py = self._py.get(pinyin_key(q), [])
                toned = toned_pinyin_key(q)
                if toned is not None and py:
                    exact = [h for h in py if h.position in self._toned.get(toned, ())]
                    py = exact or py
                hits += py
        return self._matches(hits, written=surface_key(q))

    def _matches(self, hits: Iterable[_Hit], written: str = "") -> list[Match]:
        """One match per term; the form spelt exactly as the query wins, then field order."""
        seen: set[int] = set()
        out = []
        order = lambda h: (surface_key(h.form) != written, FIELDS.index(h.field))  # noqa: E731
        for h in sorted(hits, key=order):
            if h.position not in seen:
                seen.add(h.position)
                out.append(Match(self._terms[h.position], h.field, h.form))
        return out

    # -- fuzzy -----------------------------------------------------------------------------
    def _choice_lists(self) -> dict[str, _Choices]:
        """Per kind of key (``zh``, ``en``, ``py``): the keys and the hit behind each, built on
        the first fuzzy query."""
        if self._choices is None:
            self._choices = {}
            for kind, table in (("zh", self._zh), ("en", self._en), ("py", self._py)):
                keys = sorted(table, key=len)
                self._choices[kind] = _Choices(keys, [table[k] for k in keys], [len(k) for k in keys])
        return self._choices

    def search(self, query: str, limit: int = 10, cutoff: float = 60.0) -> list[Match]:
        """Rank terms by fuzzy similarity of *query* to any of their forms (best form per term).

        Two rapidfuzz scorers run in C over every key: a whole-string score that forgives
        misspellings and word order, and a partial score that lets a short query (part of the
        pinyin, two characters of a long term) find the longer forms that contain it. A partial
        match never counts against a form shorter than the query, so "NPC" cannot answer
        "two maintenance". The partial score, the costlier one, is kept for the queries it serves:
        Chinese, English of one or two words, and the pinyin reading of a pinyin-like query (its
        English reading gets the whole-string score only). A query of three words or more is a
        whole rendering, which the whole-string score finds, misspelt or reordered.
        """
        from rapidfuzz import fuzz, process

        q = query.strip()
        if not q:
            return []
        kinds: list[tuple[str, str, bool]]  # (kind, key, score partial matches too)
        if has_han(q):
            kinds = [("zh", zh_key(q), True)]
        elif is_pinyin_like(q):
            kinds = [("en", en_key(q), False), ("py", pinyin_key(q), True)]
        else:
            key = en_key(q)
            kinds = [("en", key, len(key.split()) <= 2)]
        best: dict[int, Match] = {}
        lists = self._choice_lists()
        for kind, key, partial in kinds:
            if not key:
                continue
            keys = lists[kind].keys
            scored: dict[int, float] = {}
            for _, score, idx in process.extract(key, keys, scorer=fuzz.token_sort_ratio, limit=None, score_cutoff=cutoff):
                scored[idx] = score
            if partial and len(key) >= 2:
                start = bisect_left(lists[kind].lengths, len(key))
                for _, score, i in process.extract(key, keys[start:], scorer=fuzz.partial_ratio, limit=None, score_cutoff=cutoff):
                    idx = start + i
                    # a containing form ranks below an equally good whole match
                    adjusted = score * (0.9 + 0.1 * len(key) / len(keys[idx]))
                    scored[idx] = max(scored.get(idx, 0.0), adjusted)
            for idx, score in scored.items():
                if score < cutoff:
                    continue
                for hit in lists[kind].hits[idx]:
                    prev = best.get(hit.position)
                    if prev is None or score > prev.score:
                        best[hit.position] = Match(self._terms[hit.position], hit.field, hit.form, round(float(score), 1))
        ranked = sorted(best.values(), key=lambda m: (-m.score, FIELDS.index(m.field), m.term.id))
        return ranked[:limit]
