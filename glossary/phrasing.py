"""How the curated table phrases the parts of its own terms, learned for the composer.

Many glossary terms are made of parts the composer also meets in new phrases: 检察机关 is
检察 + 机关 and reads "procuratorial organs", 农村土地制度改革 reads "reform of the rural land
system". Where the English of all parts but one is found in a term's English, the rest of that
English is what the last part means *in a compound* (检察 → "procuratorial", where CC-CEDICT only
offers "to inspect"); where every part is found, the term shows whether its head goes last
("economic development") or first with a connector ("reform of the …"). :class:`Phrasing` counts
these observations term by term, so that the composer can prefer the table's own habits, and so
that an evaluation can take any term's observations back out (:meth:`Phrasing.without`): a term
never teaches how to compose itself, and neither do the terms built on it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

#: English words that connect parts and carry no part's meaning
_GLUE = frozenset({"the", "of", "and", "for", "in", "to", "a", "an", "on", "with", "by"})
#: an observation needs this many supporting terms before the composer uses it
MIN_SUPPORT = 2


@dataclass(frozen=True, slots=True)
class Observation:
    """One thing a term shows: ``kind`` "word" (``key`` a Chinese word, ``slot`` "modifier" or
    "noun", ``value`` its English), "order" (``key`` a head word, ``value`` a pattern such as
    "{H} of {M}" or "{M} {H}") or "vocab" (``key`` an English word its English uses)."""

    kind: str
    key: str
    slot: str
    value: str


def _loose(a: str, b: str) -> bool:
    """Two word keys match when equal, or when long and sharing a stem (mobilize/mobilization)."""
    return a == b or (len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5])


def _find(seq: Sequence[str], toks: Sequence[str], taken: set[int]) -> int:
    """The first start where *seq* matches *toks* over free tokens, or -1."""
    n = len(seq)
    for s in range(len(toks) - n + 1):
        if all(s + k not in taken and _loose(seq[k], toks[s + k]) for k in range(n)):
            return s
    return -1


def observe(parts: Sequence[tuple[str, Sequence[str], bool]], english: str) -> list[Observation]:
    """What one term's *english* shows about its *parts*: each part is (Chinese, its candidate
    Englishes, whether a learned rendering may replace them)."""
    from .forms import en_words, without_brackets

    text = without_brackets(english)
    toks = en_words(text)
    keys = [k for k, _, _ in toks]
    if len(parts) < 2 or not keys:
        return []
    taken: set[int] = set()
    spans: list[tuple[int, int] | None] = []
    for _, cands, _ in parts:
        best: tuple[int, int] | None = None
        for c in sorted({c for c in cands if c}, key=len, reverse=True):
            seq = [k for k, _, _ in en_words(without_brackets(c))]
            if not seq:
                continue
            s = _find(seq, keys, taken)
            if s >= 0:
                best = (s, s + len(seq))
                break
        if best:
            taken.update(range(*best))
        spans.append(best)
    out: list[Observation] = []
    missing = [i for i, s in enumerate(spans) if s is None]
    if len(missing) == 1:
        i = missing[0]
        rest = [k for k in range(len(keys)) if k not in taken and keys[k] not in _GLUE]
        if not rest or rest != list(range(rest[0], rest[-1] + 1)) or not parts[i][2]:
            return out
        a, b = rest[0], rest[-1] + 1
        slot = "noun" if i == len(parts) - 1 else "modifier"
        out.append(Observation("word", parts[i][0], slot, text[toks[a][1] : toks[b - 1][2]]))
        spans[i] = (a, b)
    if any(s is None for s in spans):
        return out
    head = spans[-1]
    assert head is not None
    others = [s for s in spans[:-1] if s is not None]
    if head[1] <= min(s[0] for s in others):
        start = min(s[0] for s in others)
        glue = text[toks[head[1] - 1][2] : toks[start][1]].strip()
        if glue and all(w in _GLUE for w in glue.lower().split()):
            out.append(Observation("order", parts[-1][0], "", "{H} " + glue.lower() + " {M}"))
    elif head[0] >= max(s[1] for s in others) and head[0] == max(s[1] for s in others):
        out.append(Observation("order", parts[-1][0], "", "{M} {H}"))
    return out


@dataclass(frozen=True)
class Phrasing:
    """Observations by term id, and their totals; :meth:`without` takes some terms back out."""

    by_term: Mapping[str, tuple[Observation, ...]]
    #: (kind, key, slot) → [(observation, count)]
    index: Mapping[tuple[str, str, str], Sequence[tuple[Observation, int]]]
    minus: Mapping[Observation, int] = field(default_factory=dict)

    def without(self, term_ids: Iterable[str]) -> Phrasing:
        """The same counts without the observations of *term_ids* (leave-one-out)."""
        minus: Counter[Observation] = Counter()
        for t in term_ids:
            minus.update(self.by_term.get(t, ()))
        return Phrasing(self.by_term, self.index, minus)

    def _ranked(self, kind: str, key: str, slot: str) -> list[tuple[str, int]]:
        got = [(o.value, n - self.minus.get(o, 0)) for o, n in self.index.get((kind, key, slot), ())]
        return sorted(((v, n) for v, n in got if n > 0), key=lambda x: -x[1])

    def word(self, zh: str, slot: str, support: int = MIN_SUPPORT) -> str:
        """The English the table gives *zh* in *slot* ("modifier", "noun"), if at least *support*
        terms show it and no other English as often."""
        ranked = self._ranked("word", zh, slot)
        if ranked and ranked[0][1] >= support and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            return ranked[0][0]
        return ""

    def uses(self, word: str) -> int:
        """How many terms' English (of those counted) use *word* (lowercase)."""
        return sum(n for _, n in self._ranked("vocab", word, ""))

    def order(self, head: str) -> tuple[str, float]:
        """The commonest pattern for compounds ending in *head* and its share ('' when unsupported).
        Patterns that differ only by an article are one pattern ("{H} of the {M}" and "{H} of {M}":
        the article follows the modifier, not the head); the variant the table writes most
        stands for them."""
        ranked = self._ranked("order", head, "")
        total = sum(n for _, n in ranked)
        groups: dict[str, list[tuple[str, int]]] = {}
        for pattern, n in ranked:
            bare = " ".join(w for w in pattern.split() if w not in ("the", "a", "an"))
            groups.setdefault(bare, []).append((pattern, n))
        if not groups:
            return "", 0.0
        best = max(groups.values(), key=lambda g: sum(n for _, n in g))  # ties: the first, as ranked
        support = sum(n for _, n in best)
        if support < MIN_SUPPORT:
            return "", 0.0
        return best[0][0], support / total


def vocabulary(english: str) -> list[Observation]:
    """The English words of a term, lowercase, once each (what :meth:`Phrasing.uses` counts)."""
    import re

    return [Observation("vocab", w, "", "") for w in sorted(set(re.findall(r"[a-z]+", english.lower())))]


def learn(observations: Mapping[str, Sequence[Observation]]) -> Phrasing:
    """A :class:`Phrasing` from each term's observations."""
    by_term = {t: tuple(o) for t, o in observations.items() if o}
    totals: Counter[Observation] = Counter()
    for obs in by_term.values():
        totals.update(obs)
    index: dict[tuple[str, str, str], list[tuple[Observation, int]]] = {}
    for o, n in totals.items():
        index.setdefault((o.kind, o.key, o.slot), []).append((o, n))
    return Phrasing(by_term, index)
