"""Rank English n-grams for each Chinese phrase by how consistently they share segments with it.

The measure is the Dice coefficient over occurrence counts: a segment pair where the phrase
occurs twice and the n-gram once contributes one co-occurrence; the denominator is the phrase's
count plus the n-gram's count in the whole English side. Dice rewards exactly the property a
terminologist looks for — the rendering appears when, and only when, the phrase does — and,
unlike raw co-occurrence, it punishes words that are everywhere ("development", "Party").
A log-likelihood ratio (Dunning 1993) over segment presence is reported next to it as a
significance figure: with three segments, Dice 1.0 is suggestive, not proof.

Between candidates the counts cannot separate (nested n-grams that always appear together), a
weak lexical prior (:mod:`glossary.alignment.lexicon`) prefers the n-gram whose words the phrase's
dictionary glosses or pinyin account for, and marks down a candidate whose first or last word
glosses the Chinese right next to the phrase (context, not rendering).

One phrase may be rendered several ways. After the best rendering is chosen, the occurrences
it explains are removed and the search repeats on the rest, so each further rendering is
reported with the share of the phrase's occurrences it accounts for.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..terms import Term
from .candidates import (
    EDGE_STOP,
    EnSide,
    ZhOcc,
    blocked_for,
    list_ngrams,
    list_phrase,
    negated_ngrams,
    negating_phrase,
    ngrams,
    surfaces,
)
from .lexicon import Lexicon, stem

if TYPE_CHECKING:
    from array import array

#: Weight of the lexical prior: final score = dice × (1 − w + w × coverage).
LEXICAL_WEIGHT = 0.5
#: Weight of the alignment model's vote: score × (1 − w + w × share of the model's span votes).
#: Chosen on the tuning part of the evaluation (0.3: 0.721, 0.5 and 0.7: 0.731, 1.0: 0.683).
MODEL_WEIGHT = 0.5


@dataclass(frozen=True, slots=True)
class Proposal:
    """One proposed rendering of one Chinese phrase."""

    zh: str
    en: str  # as written in the translation (most frequent surface form)
    en_key: str  # normalised key (lowercase, singular)
    rank: int  # 1 = the phrase's main rendering
    score: float  # dice adjusted by the lexical prior, 0–1
    dice: float
    llr: float
    support: int  # segment pairs where phrase and rendering occur together
    occurrences: int  # occurrences of the phrase
    share: float  # of the phrase's occurrences this rendering accounts for
    term: Term | None
    example: int  # index of a segment pair showing the two together


@dataclass(frozen=True, slots=True)
class Settings:
    min_count: int = 2  # a phrase must occur this often to be paired
    min_support: int = 2  # a rendering needs this many co-occurrences
    min_score: float = 0.05  # renderings scoring lower are not proposed
    min_share: float = 0.1  # further renderings must account for this share of occurrences
    max_renderings: int = 4
    lexical_weight: float = LEXICAL_WEIGHT
    extend_ratio: float = 0.6  # see _complete (0.6 chosen by the previous version on the whole evaluation)
    max_words: int = 12
    model: bool = True  # use the word-alignment model (glossary.alignment.wordalign)
    model_weight: float = MODEL_WEIGHT
    iterations: int = 5  # EM iterations (10 was worse: rare tokens collect more garbage)
    diagonal: float = 0.0  # fast_align position prior; 2 gave the same result, 4 and 8 were worse
    edge_penalty: float = 0.5  # score × (1 − p) per edge word glossing the phrase's neighbours (0 = off)
    context_window: int = 6  # characters either side of the phrase that count as its neighbours
    edge_checked: int = 10  # leading candidates checked for such edge words
    fuller_factor: float = 0.5  # see spanrules.fuller: a one-word choice for a 4+ character phrase
    growth_window: int = 10  # characters either side whose glosses stop growth (0 = whole segment; 6: one term less)
    # a further rendering (rank 2+) the dictionary does not relate to the phrase at all, and that
    # is not one of the term's glossary renderings, is dropped: on the seven GWRs 56 of the 58
    # rows it drops were words of the context (职工 → "aged-care pension" from 职工养老保险)
    further_needs_fit: bool = True


def associate(
    occurrences: Sequence[Sequence[ZhOcc]],
    sides: Sequence[EnSide],
    lexicon: Lexicon,
    settings: Settings = Settings(),
    zh_texts: Sequence[str] | None = None,
    links: Mapping[str, dict[int, list[tuple[int, int, float]]]] | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> list[Proposal]:
    """Proposals for every Chinese phrase occurring at least ``min_count`` times, best first per
    phrase. *progress* hears ``("pairing", done, total)`` over the phrases."""
    n_pairs = len(sides)
    # English words a glossary anchor explains are withheld from every other phrase: from its
    # co-occurrence counts (below) and equally from the n-gram totals, or "Marxism" inside
    # "Marxism-Leninism" would count against 马克思主义 everywhere else.
    grams = _Grams()
    total: Counter[str] = Counter()
    present: Counter[str] = Counter()
    plain: list[array[int]] = []
    free: list[array[int] | None] = []  # None: no anchors, the same as plain
    for done, s in enumerate(sides):
        if progress is not None and done % 500 == 0:
            progress("counting", done, n_pairs)
        ng = ngrams(s)
        plain.append(grams.encode(ng))
        fr = ngrams(s, blocked_for(s, ())) if s.anchors else ng
        free.append(grams.encode(fr) if s.anchors else None)
        total.update(fr)
        present.update(fr.keys())

    by_key: dict[str, dict[int, list[ZhOcc]]] = {}
    for p, occ in enumerate(occurrences):
        for o in occ:
            by_key.setdefault(o.key, {}).setdefault(p, []).append(o)

    # n-grams only some phrases may take: comma-crossing lists, spans with a negation at an edge
    kinds = (_Extra(list_phrase, list_ngrams, crossing=True), _Extra(negating_phrase, negated_ngrams))
    out: list[Proposal] = []
    for done, (key, per_pair) in enumerate(by_key.items()):
        if progress is not None and done % 50 == 0:
            progress("pairing", done, len(by_key))
        count = sum(len(v) for v in per_pair.values())
        if count < settings.min_count:
            continue
        extras = [k for k in kinds if k.applies(key)]
        for k in extras:
            k.prepare(sides, grams)
        term = next((o.term for v in per_pair.values() for o in v if o.term is not None), None)
        rows: list[tuple[int, int, Counter[str]]] = []
        own: Counter[str] = Counter()  # n-grams this phrase's own pairs add back to the totals
        crossing: set[str] = set()  # the phrase's candidates that cross a comma
        for p, occ in per_pair.items():
            side = sides[p]
            blocked = blocked_for(side, [(o.start, o.end) for o in occ]) if side.anchors else frozenset()
            base = ng = ngrams(side, blocked) if blocked else grams.decode(plain[p])
            for k in extras:
                extra = k.build(side, blocked)
                if side.anchors and k.free is not None:
                    own.update(extra)
                    own.subtract(grams.decode(k.free[p]))
                ng = ng + extra
                if k.crossing:
                    crossing.update(extra)
            rows.append((p, len(occ), ng))
            if side.anchors:
                own.update(base)
                held = free[p]
                own.subtract(grams.decode(held if held is not None else plain[p]))
        tot: Counter[str] | _Totals = _Totals(total, own) if own else total
        for k in extras:
            tot = _Totals(tot, k.total)
        votes = None
        if links and key in links:
            votes = {p: [(" ".join(sides[p].keys[i:j]), wgt) for i, j, wgt in spans] for p, spans in links[key].items()}
        where = {p: [(o.start, o.end) for o in occ] for p, occ in per_pair.items()}
        out += _renderings(key, term, count, rows, tot, present, n_pairs, lexicon, settings, sides, zh_texts, crossing,
                           votes, where)
    if progress is not None:
        progress("pairing", len(by_key), len(by_key))
    return out


def _renderings(
    key: str,
    term: Term | None,
    count: int,
    rows: list[tuple[int, int, Counter[str]]],
    total: Counter[str] | _Totals,
    present: Counter[str],
    n_pairs: int,
    lexicon: Lexicon,
    st: Settings,
    sides: Sequence[EnSide],
    zh_texts: Sequence[str] | None = None,
    crossing: set[str] | frozenset[str] = frozenset(),
    votes: dict[int, list[tuple[str, float]]] | None = None,
    where: dict[int, list[tuple[int, int]]] | None = None,
) -> list[Proposal]:
    shape_ok = _shape_filter(lexicon, key)
    edges = _EdgeContext(lexicon, key, zh_texts, where, st.context_window, sides) if st.edge_penalty else None
    # the neighbourhood whose glosses stop a rendering from growing (None: the whole segment)
    near = None
    if st.growth_window and zh_texts is not None and where is not None:
        near = _EdgeContext(lexicon, key, zh_texts, where, st.growth_window, sides)

    judge = _GrowthJudge(lexicon, key, zh_texts, near, sides, crossing)

    residual = {p: c for p, c, _ in rows}
    found: list[Proposal] = []
    taken: set[str] = set()
    w = st.lexical_weight
    for _ in range(2 * st.max_renderings):  # bounded: each pass takes or sets aside one n-gram
        if len(found) >= st.max_renderings:
            break
        left = sum(residual.values())
        if left < st.min_support:
            break
        # n-grams too rare to be chosen (min_support) or to attach on the left (_attach_left: more
        # than half of a chosen count) need no shape test: most n-grams occur with a phrase once
        co = _cooccurrence(rows, residual, st.min_support // 2 + 1, shape_ok)
        tally = _tally(votes, residual) if votes else None
        cands = _scored(co, taken, left, total, lexicon, key, st, tally)
        if not cands:
            break
        pairs_of = lambda e2: [p for p, _, ng in rows if residual[p] and ng.get(e2)]  # noqa: E731
        if edges is not None:
            # an edge word the Chinese right around the phrase translates is context, not rendering
            # ("proposals to" the NPC Standing Committee: 议案 follows 全国人大常委会); only the
            # leading candidates are checked, since the penalty can only lower a score
            cands.sort(reverse=True)
            head = [(x[0] * (1 - st.edge_penalty) ** edges.count(x[3], pairs_of(x[3])),) + x[1:]
                    for x in cands[: st.edge_checked]]
            cands = head + cands[st.edge_checked :]
        score, c, _, e, dice = max(cands)
        if st.fuller_factor and lexicon.use_dictionary:
            from .spanrules import fuller

            score, c, _, e, dice = fuller(lexicon, key, cands, st.fuller_factor)
        e, c = _complete(e, c, co, st, lambda e2, e=e, pairs_of=pairs_of: not judge.justified(e, e2, pairs_of(e2)),
                         lambda word: _head_word(lexicon, key, word))
        dice = 2 * c / (left + total[e])
        score = dice * (1 - w + w * lexicon.fit(key, e)) if w else dice
        share = c / count
        if score < st.min_score or (found and share < st.min_share):
            break
        support_pairs = [p for p, _, ng in rows if residual[p] and ng.get(e)]
        unrelated = (found and st.further_needs_fit and lexicon.use_dictionary and not lexicon.fit(key, e)
                     and not known_rendering(term, e))
        if unrelated or len(support_pairs) < st.min_support:
            # counted often, but in too few segment pairs (one pair repeating a word), or a
            # further rendering nothing relates to the phrase: set it aside, try the next n-gram
            taken.add(e)
            continue
        for p, _, ng in rows:
            k = ng.get(e, 0)
            if k and residual[p]:
                residual[p] -= min(k, residual[p])
        taken.add(e)
        example = min(support_pairs, key=lambda p: len(sides[p].text))
        found.append(
            Proposal(
                zh=key,
                en=_surface(e, support_pairs, sides),
                en_key=e,
                rank=len(found) + 1,
                score=round(score, 4),
                dice=round(dice, 4),
                llr=round(_llr(len(rows), present[e], len(support_pairs), n_pairs), 2),
                support=len(support_pairs),
                occurrences=count,
                share=round(share, 4),
                term=term,
                example=example,
            )
        )
    return found


def known_rendering(term: Term | None, e: str) -> bool:
    """Whether English key *e* is one of *term*'s glossary renderings (a proposal that agrees)."""
    from ..forms import en_key

    return term is not None and e in {en_key(r) for r in term.renderings}


def _cooccurrence(
    rows: list[tuple[int, int, Counter[str]]], residual: dict[int, int], least: int, shape_ok: Callable[[str], bool]
) -> Counter[str]:
    """How often each English n-gram stands with the phrase in the pairs not yet explained (at
    most as often per pair as the phrase is left there), keeping n-grams of at least *least*
    that pass the shape rules."""
    co: Counter[str] = Counter()
    for p, _, ng in rows:
        c = residual[p]
        if c:
            for e, k in ng.items():
                co[e] += k if k < c else c
    return Counter({e: c for e, c in co.items() if c >= least and shape_ok(e)})


def _scored(
    co: Counter[str], taken: set[str], left: int, total: Counter[str] | _Totals, lexicon: Lexicon, key: str,
    st: Settings, tally: Counter[str] | None,
) -> list[tuple[float, int, int, str, float]]:
    """Candidates as (score, count, words, n-gram, Dice): Dice over the unexplained occurrences,
    weighed by dictionary fit and, when the word-alignment model voted, by its votes."""
    w = st.lexical_weight
    vtotal = sum(tally.values()) if tally else 0.0
    cands: list[tuple[float, int, int, str, float]] = []
    for e, c in co.items():
        if c < st.min_support or e in taken:
            continue
        dice = 2 * c / (left + total[e])
        score = dice * (1 - w + w * lexicon.fit(key, e)) if w else dice
        if vtotal and tally is not None:
            score *= 1 - st.model_weight + st.model_weight * tally[e] / vtotal
        cands.append((score, c, len(e.split()), e, dice))
    return cands


class _GrowthJudge:
    """Whether a chosen rendering may grow into a longer n-gram (see :func:`grows`)."""

    def __init__(self, lexicon: Lexicon, key: str, zh_texts: Sequence[str] | None, near: _EdgeContext | None,
                 sides: Sequence[EnSide], crossing: set[str] | frozenset[str]) -> None:
        self.lexicon, self.key, self.zh_texts, self.near = lexicon, key, zh_texts, near
        self.sides, self.crossing = sides, crossing

    def context_word(self, added: list[str], pairs: list[int]) -> bool:
        """Whether an added word is better explained by the Chinese around the phrase than by it.

        "Around" is ``growth_window`` characters either side: a gloss anywhere in a long
        sentence (前 "front", 地区 "region") would otherwise stop "stability on six" from
        becoming "stability on six key fronts" and "… in the western" from taking "region"."""
        if self.zh_texts is None or not self.lexicon.use_dictionary:
            return False
        own = self.lexicon.explained(self.key)
        for w in added:
            st_w = stem(w)
            if w in EDGE_STOP or st_w in own:
                continue
            if self.near is not None:
                near = self.near
                hits = sum(1 for p in pairs if st_w in near.near(p))
            else:
                texts = self.zh_texts
                hits = sum(1 for p in pairs if st_w in self.lexicon.explained(texts[p]))
            if hits * 2 >= len(pairs):
                return True
        return False

    def justified(self, e: str, e2: str, pairs: list[int]) -> bool:
        return grows(self.lexicon, self.key, e, e2, self.crossing, lambda part: self.context_word(part, pairs),
                     lambda k: _possessive(self.sides, pairs, e2, k))


def _shape_filter(lexicon: Lexicon, key: str):
    """A cached test of the structural rules of :mod:`.spanrules` for phrase *key*."""
    from .spanrules import coordinates, coordination_ok, embedded_clause, leading_add_on, nominal

    free, nom = coordinates(key), nominal(key)
    seen: dict[str, bool] = {}

    def ok(e: str) -> bool:
        hit = seen.get(e)
        if hit is None:
            hit = seen[e] = coordination_ok(lexicon, key, e, free) and not (
                nom and (leading_add_on(lexicon, key, e) or embedded_clause(lexicon, key, e)))
        return hit

    return ok


class _EdgeContext:
    """Which edge words of a candidate the Chinese just before or after the phrase translates."""

    __slots__ = ("lexicon", "own", "zh_texts", "where", "window", "sides", "_near")

    def __init__(self, lexicon: Lexicon, key: str, zh_texts: Sequence[str] | None,
                 where: dict[int, list[tuple[int, int]]] | None, window: int,
                 sides: Sequence[EnSide] = ()) -> None:
        self.lexicon, self.zh_texts, self.where, self.window = lexicon, zh_texts, where, window
        self.sides = sides
        self.own = lexicon.explained(key) if lexicon.use_dictionary else frozenset()
        self._near: dict[int, frozenset[str]] = {}

    def near(self, p: int) -> frozenset[str]:
        """English stems the dictionary gives for the text within ``window`` characters of the
        phrase's occurrences in pair *p* (each side looked up on its own). Glossary terms whose
        rendering is anchored in the English are left out: their words are accounted for
        already (邓小平理论 next to “三个代表”重要思想 must not make "Theory" context)."""
        hit = self._near.get(p)
        if hit is None:
            assert self.zh_texts is not None and self.where is not None
            text, out = self.zh_texts[p], set[str]()
            if p < len(self.sides) and self.sides[p].anchors:
                chars = list(text)
                for _, _, zs, ze in self.sides[p].anchors:
                    chars[zs:ze] = ["|"] * (ze - zs)
                text = "".join(chars)
            for s, e in self.where.get(p, ()):
                for part in (text[max(0, s - self.window) : s], text[e : e + self.window]):
                    for piece in part.split("|"):
                        if piece:
                            out |= self.lexicon.explained(piece)
            hit = self._near[p] = frozenset(out)
        return hit

    def count(self, e: str, pairs: list[int]) -> int:
        """How many of *e*'s two edge words (0–2) are glosses of the phrase's neighbours in at
        least half of *pairs*, and no gloss of the phrase itself."""
        if self.zh_texts is None or self.where is None or not self.lexicon.use_dictionary or not pairs:
            return 0
        words = e.split()
        n = 0
        for w in {words[0], words[-1]}:
            st_w = stem(w)
            if st_w in self.own:
                continue
            if 2 * sum(1 for p in pairs if st_w in self.near(p)) >= len(pairs):
                n += 1
        return n


def _tally(votes: dict[int, list[tuple[str, float]]], residual: dict[int, int]) -> Counter[str]:
    """The model's expected votes per span key over the pairs whose occurrences are not yet explained."""
    tally: Counter[str] = Counter()  # fractional counts: a Counter holds floats as well
    for p, spans in votes.items():
        if residual.get(p, 0):
            for e, weight in spans:
                tally[e] += weight  # type: ignore[assignment]
    return tally


class _Extra:
    """A kind of n-gram only some phrases may take, with its corpus totals (built when first needed)."""

    def __init__(self, applies, build, crossing: bool = False) -> None:
        self.applies, self.build, self.crossing = applies, build, crossing
        self.free: list[array[int]] | None = None
        self.total: Counter[str] = Counter()

    def prepare(self, sides: Sequence[EnSide], grams: _Grams) -> None:
        if self.free is None:
            self.free = []
            for s in sides:
                ng = self.build(s, blocked_for(s, ()) if s.anchors else frozenset())
                self.free.append(grams.encode(ng))
                self.total.update(ng)


class _Grams:
    """Each segment's n-gram counts as ids into one list of the distinct n-grams.

    A Counter of strings per segment costs about 150 bytes per n-gram; two ints cost 8, and
    every distinct n-gram is kept once (the totals hold them anyway). :meth:`decode` gives the
    Counter back in the same order, so the pairing sees exactly what it saw before.
    """

    __slots__ = ("index", "names")

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.names: list[str] = []

    def encode(self, ng: Counter[str]) -> array[int]:
        from array import array

        out = array("i")
        index, names = self.index, self.names
        for e, c in ng.items():
            i = index.get(e)
            if i is None:
                i = index[e] = len(names)
                names.append(e)
            out.append(i)
            out.append(c)
        return out

    def decode(self, ids: array[int]) -> Counter[str]:
        names = self.names
        return Counter({names[ids[k]]: ids[k + 1] for k in range(0, len(ids), 2)})


class _Totals:
    """The shared n-gram totals plus what one phrase's own pairs add back (no copy of the totals)."""

    __slots__ = ("base", "extra")

    def __init__(self, base: Counter[str] | _Totals, extra: Counter[str]) -> None:
        self.base, self.extra = base, extra

    def __getitem__(self, e: str) -> int:
        return self.base[e] + self.extra[e]


def grows(
    lexicon: Lexicon,
    key: str,
    e: str,
    e2: str,
    crossing: set[str] | frozenset[str] = frozenset(),
    from_context=lambda part: False,
    possessive=lambda k: False,
) -> bool:
    """Whether the words n-gram *e2* adds around *e* belong to the rendering of phrase *key*.

    Each side that grows must either translate characters of the phrase that *e* leaves
    untranslated ("coordinated development of the" + "Beijing-Tianjin-Hebei region" for
    京津冀协同发展), or attach directly, without a function word at the joint, and not be a
    gloss of the Chinese around the phrase (*from_context*): "river chief" + "system", but not
    "remain in" + "the primary stage of socialism". Growing across a comma (*e2* in
    *crossing*, *e* not) always needs the first kind of evidence, and so does growing across a
    possessive "'s" (*possessive* tells whether the *k*-th word of *e2* is written with one):
    in front, "China's" + "peaceful reunification" for 和平统一 is the sentence's noun, not the
    phrase's; behind, "Party Central Committee's" + "strategic" for 党中央 is what it owns.
    """
    before, after = _sides(e, e2)
    have = lexicon.covered(key, e.split())
    comma = e2 in crossing and e not in crossing
    for part, joint in ((before, before[-1:]), (after, after[:1])):
        if not part:
            continue
        if lexicon.covered(key, part) - have:
            continue
        if comma:
            return False
        if joint[0] in EDGE_STOP and joint[0] != "and":
            return False
        if from_context(part):
            return False
        if possessive(len(before) - 1 if part is before else len(before) + len(e.split()) - 1):
            return False
    return True


def _possessive(sides: Sequence[EnSide], pairs: list[int], e2: str, k: int) -> bool:
    """Whether the *k*-th word of *e2* is written with a possessive "'s" ("China's") in most of
    the *pairs* where *e2* occurs."""
    w2 = e2.split()
    n = len(w2)
    seen = hits = 0
    for p in pairs:
        side = sides[p]
        keys = side.keys
        for i in range(len(keys) - n + 1):
            if keys[i : i + n] == w2:
                seen += 1
                hits += (i + k) in side.possessive
                break
    return seen > 0 and 2 * hits > seen


def _sides(e: str, e2: str) -> tuple[list[str], list[str]]:
    """The words *e2* adds before and after *e* (first occurrence)."""
    w, w2 = e.split(), e2.split()
    for i in range(len(w2) - len(w) + 1):
        if w2[i : i + len(w)] == w:
            return w2[:i], w2[i + len(w) :]
    return w2, []


def _head_word(lexicon: Lexicon, key: str, word: str) -> bool:
    """Whether *word* translates one character of *key* on its own (党 → Party, 国 → State)."""
    if word in EDGE_STOP or not lexicon.use_dictionary:
        return False
    st_w = stem(word)
    return any(st_w in lexicon.explained(ch) for ch in set(key) if ch.strip())


def _attach_left(e: str, c: int, co: Counter[str], head_word) -> tuple[str, int] | None:
    """*e* with one word before it, if that word translates a character of the phrase on its own
    and precedes *e* in more than half of its co-occurrences ("Central Committee" → "Party
    Central Committee" for 党中央, where "CPC Central Committee" takes most of the rest)."""
    best: tuple[int, str] | None = None
    for e2, c2 in co.items():
        if 2 * c2 > c and e2.endswith(" " + e) and e2.count(" ") == e.count(" ") + 1:
            if head_word(e2.split(" ", 1)[0]) and (best is None or c2 > best[0]):
                best = (c2, e2)
    return (best[1], best[0]) if best else None


def _complete(e: str, c: int, co: Counter[str], st: Settings, from_context=lambda e2: False,
              head_word=lambda word: False) -> tuple[str, int]:
    """Grow *e* to the rendering it is part of.

    Two cases. Either one longer n-gram accompanies the phrase in at least ``extend_ratio`` of
    *e*'s co-occurrences — the words a rendering always carries ("moderately prosperous" →
    "moderately prosperous society in all respects"); the longest such n-gram wins. Or *e* is
    only the part several renderings share ("prosperity" in "common prosperity" and "prosperity
    for all"): longer n-grams that do not contain one another together cover that share, and the
    most frequent of them is taken (the others are found as further renderings).
    """
    padded = f" {e} "
    longer = [(c2, len(e2.split()), e2) for e2, c2 in co.items() if c2 >= st.min_support and len(e2) > len(e) and padded in f" {e2} "]
    longer = [x for x in longer if x[0] >= st.extend_ratio * c * 0.5]
    longer = [x for x in longer if not from_context(x[2])]
    if not longer:
        return e, c
    need = st.extend_ratio * c
    if not any(x[0] >= need for x in longer):
        left = _attach_left(e, c, co, head_word)
        if left is not None:
            return left
    whole = [x for x in longer if x[0] >= need]
    if whole:
        _, _, best = max(whole, key=lambda x: (x[1], x[0]))
        return best, co[best]
    picked: list[tuple[int, int, str]] = []
    for x in sorted(longer, key=lambda x: (-x[0], -x[1], x[2])):
        if all(f" {x[2]} " not in f" {p[2]} " and f" {p[2]} " not in f" {x[2]} " for p in picked):
            picked.append(x)
    if len(picked) >= 2 and sum(x[0] for x in picked) >= need:
        head = picked[0][2]
        grown = [x for x in longer if f" {head} " in f" {x[2]} " and x[0] >= st.extend_ratio * picked[0][0]]
        _, _, best = max(grown, key=lambda x: (x[1], x[0]))
        return best, co[best]
    return e, c


def _surface(key: str, pairs: Sequence[int], sides: Sequence[EnSide]) -> str:
    """The most frequent written form of an n-gram among the pairs that support it."""
    forms: Counter[str] = Counter()
    initial: Counter[str] = Counter()
    for p in pairs:
        s = surfaces(sides[p], [key]).get(key)
        if s:
            # a form capitalised only because it starts the sentence is the last choice
            (initial if sides[p].text.lstrip().startswith(s) else forms)[s] += 1
    best = forms or initial
    return best.most_common(1)[0][0] if best else key


def _llr(n_zh: int, n_en: int, n_both: int, n: int) -> float:
    """Dunning's G² for the 2×2 table of segment presence (phrase yes/no × rendering yes/no)."""
    n_both = min(n_both, n_zh, n_en)
    cells = (n_both, n_zh - n_both, n_en - n_both, n - n_zh - n_en + n_both)
    rows = (n_zh, n - n_zh)
    cols = (n_en, n - n_en)
    g = 0.0
    for i, obs in enumerate(cells):
        if obs <= 0:
            continue
        expected = rows[i // 2] * cols[i % 2] / n
        if expected > 0:
            g += obs * math.log(obs / expected)
    return 2 * g


__all__ = ["Proposal", "Settings", "associate", "grows"]
