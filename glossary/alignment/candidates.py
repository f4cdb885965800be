"""What can pair with what: Chinese phrases, English word n-grams and glossary anchors per segment.

Chinese candidates are the glossary's own terms (found with :class:`~glossary.matcher.TermMatcher`)
plus the recurring phrases :mod:`glossary.extract` discovers in the Chinese side. English
candidates are every word n-gram of the aligned English segment that does not begin or end with a
function word and does not cross punctuation. *Anchors* are the glossary pairs seen on both sides
of one segment (the term in the Chinese, one of its renderings in the English): those English
words are already explained, so they are withheld from every other Chinese phrase in that
segment — the single most effective way to keep "the Party" from pairing with everything.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..forms import en_words
from ..matcher import TermMatcher
from ..terms import Term

if TYPE_CHECKING:
    from array import array

#: Words an English rendering may contain but not begin or end with.
EDGE_STOP = frozenset(
    """a an the and or but nor of to in on at by for with from as into onto upon about over under
    this that these those it its is are was were be been being has have had do does did will would
    shall should can could may might must not no so than then there their them they we our us you
    your he she his her him i me my which who whom whose what when where while how if because
    through between among against during before after toward towards via s""".split()
)
#: Relative and subordinating words: a rendering never runs on past one into a clause
#: ("One Country, Two Systems, under which the people of Hong Kong …").
RELATIVE = frozenset("which who whom whose where that".split())
#: Punctuation that ends a run of words an n-gram may span.
_BREAK = re.compile(r"[.,;:!?()\[\]{}\"“”‘’«»|/¶·•—–\n\t]|\s'|'\s")
#: The same without the comma: the runs a list-like rendering ("One Country, Two Systems") spans.
_LIST_BREAK = re.compile(r"[.;:!?()\[\]{}\"“”‘’«»|/¶·•—–\n\t]|\s'|'\s")
#: Chinese phrases whose renderings may be lists: an enumeration (、) or a numbered formula.
_LIST_PHRASE = re.compile(r"、|^[一二两三四五六七八九十]")
#: English negations: function words at an edge, except in the rendering of a phrase that negates.
NEGATIONS = frozenset(("no", "not", "never"))
#: Chinese negations (毫不动摇 "no irresolution", 不忘初心 "never forget").
_NEGATING_PHRASE = re.compile(r"[不无没未毋莫勿]")
MAX_EN_WORDS = 12


@dataclass(frozen=True, slots=True)
class ZhOcc:
    """One occurrence of a Chinese candidate in a segment."""

    key: str  # the phrase in simplified Chinese (a glossary term's zh_hans)
    start: int
    end: int
    term: Term | None = None


@dataclass(slots=True)
class EnSide:
    """An English segment as word keys with their character spans and the run each belongs to.

    Kept for every segment of the input until pairing ends, so it is compact: the keys are
    interned (one string per distinct word, not per token) and the character spans are one
    flat int array, about 30 bytes per token instead of about 200.
    """

    text: str
    keys: list[str]
    bounds: array[int]  # start, end of each token, flat
    runs: list[int]
    #: like ``runs`` but only split by punctuation other than the comma (see :func:`list_ngrams`)
    clauses: list[int] = field(default_factory=list)
    #: token ranges explained by a glossary term: (token_start, token_end, zh_start, zh_end)
    anchors: list[tuple[int, int, int, int]] = field(default_factory=list)
    #: indices of tokens written with a possessive 's ("China's")
    possessive: frozenset[int] = frozenset()

    @property
    def spans(self) -> list[tuple[int, int]]:
        """Each token's (start, end) characters."""
        b = self.bounds
        return [(b[k], b[k + 1]) for k in range(0, len(b), 2)]

    def surface(self, i: int, j: int) -> str:
        return self.text[self.bounds[2 * i] : self.bounds[2 * j - 1]]


def english_side(text: str) -> EnSide:
    """Tokenise an English segment, numbering the punctuation-free runs n-grams may not cross."""
    from array import array
    from sys import intern

    toks = en_words(text)
    keys: list[str] = []
    bounds = array("i")
    runs: list[int] = []
    clauses: list[int] = []
    possessive: set[int] = set()
    run, clause, prev_end = 0, 0, 0
    for key, start, end in toks:
        held = end
        if end - start > 2 and text[end - 2 : end] in ("'s", "’s", "'S", "’S"):
            end -= 2  # "Party Central Committee's": the rendering is written without the possessive
            possessive.add(len(keys))
        if keys and _BREAK.search(text, prev_end, start):
            run += 1
            if _LIST_BREAK.search(text, prev_end, start):
                clause += 1
        keys.append(intern(key))
        bounds.append(start)
        bounds.append(end)
        runs.append(run)
        clauses.append(clause)
        prev_end = held  # the untrimmed end: a curly apostrophe is no break
    return EnSide(text, keys, bounds, runs, clauses, possessive=frozenset(possessive))


def list_phrase(zh: str) -> bool:
    """Whether a Chinese phrase may be rendered as a comma-separated list (see :func:`list_ngrams`)."""
    return bool(_LIST_PHRASE.search(zh))


def spans(
    keys: Sequence[str],
    groups: Sequence[int],
    blocked: frozenset[int] | set[int] = frozenset(),
    max_words: int = MAX_EN_WORDS,
    stop: frozenset[str] | set[str] = EDGE_STOP,
    crossing: Sequence[int] | None = None,
) -> Iterator[tuple[int, int]]:
    """Token spans ``(i, j)`` a rendering may take: inside one group (a punctuation run, or a
    clause), no blocked token, no function word at either edge, no relative word (:data:`RELATIVE`)
    inside. With ``crossing`` (the runs), only the spans that cross a run boundary, i.e. a comma."""
    n = len(keys)
    for i in range(n):
        if i in blocked or keys[i] in stop:
            continue
        for j in range(i + 1, min(n, i + max_words) + 1):
            k = j - 1
            if groups[k] != groups[i] or k in blocked or keys[k] in RELATIVE:
                break
            if keys[k] in stop or (crossing is not None and crossing[k] == crossing[i]):
                continue
            yield i, j


def list_ngrams(side: EnSide, blocked: frozenset[int] | set[int] = frozenset(), max_words: int = MAX_EN_WORDS) -> Counter[str]:
    """The n-grams :func:`ngrams` leaves out because they cross a comma.

    Only enumerations (、) and numbered formulas (一国两制, 四个意识) may be rendered as a list
    ("One Country, Two Systems"); for them these are added to the ordinary candidates. Their keys
    drop the comma, like every key, so the two kinds count together.
    """
    keys = side.keys
    return Counter(" ".join(keys[i:j]) for i, j in spans(keys, side.clauses, blocked, max_words, crossing=side.runs))


def negating_phrase(zh: str) -> bool:
    """Whether a Chinese phrase negates, so that its rendering may begin with "no" or "not"."""
    return bool(_NEGATING_PHRASE.search(zh))


def negated_ngrams(side: EnSide, blocked: frozenset[int] | set[int] = frozenset(), max_words: int = MAX_EN_WORDS) -> Counter[str]:
    """The n-grams :func:`ngrams` leaves out because a negation is at an edge ("no irresolution").

    Only phrases that negate (:func:`negating_phrase`) get them, added to the ordinary candidates.
    """
    keys = side.keys
    if not NEGATIONS.intersection(keys):
        return Counter()
    return Counter(" ".join(keys[i:j]) for i, j in spans(keys, side.runs, blocked, max_words, EDGE_STOP - NEGATIONS)
                   if keys[i] in NEGATIONS or keys[j - 1] in NEGATIONS)


def ngrams(side: EnSide, blocked: frozenset[int] | set[int] = frozenset(), max_words: int = MAX_EN_WORDS) -> Counter[str]:
    """Counts of the English n-gram keys of *side*, skipping blocked tokens and edge stopwords."""
    keys = side.keys
    return Counter(" ".join(keys[i:j]) for i, j in spans(keys, side.runs, blocked, max_words))


def surfaces(side: EnSide, wanted: Iterable[str], max_words: int = MAX_EN_WORDS) -> dict[str, str]:
    """The text as written for each wanted n-gram key found in *side* (first occurrence; a key
    crossing a comma is found too, see :func:`list_ngrams`)."""
    want = set(wanted)
    found: dict[str, str] = {}
    keys = side.keys
    runs = side.clauses or side.runs
    for i in range(len(keys)):
        for j in range(i + 1, min(len(keys), i + max_words) + 1):
            if runs[j - 1] != runs[i]:
                break
            k = " ".join(keys[i:j])
            if k in want and k not in found:
                found[k] = side.surface(i, j)
    return found


class PhraseFinder:
    """Leftmost-longest occurrences of a fixed list of Chinese phrases (one automaton)."""

    def __init__(self, phrases: Iterable[str]) -> None:
        import ahocorasick_rs as ar

        self._phrases = sorted({p for p in phrases if len(p) >= 2})
        self._auto = ar.AhoCorasick(self._phrases, matchkind=ar.MatchKind.LeftmostLongest) if self._phrases else None

    def find(self, text: str) -> list[tuple[int, int, str]]:
        if self._auto is None or not text:
            return []
        return [(s, e, self._phrases[i]) for i, s, e in self._auto.find_matches_as_indexes(text)]


def zh_occurrences(text: str, matcher: TermMatcher, finder: PhraseFinder | None) -> list[ZhOcc]:
    """Glossary terms (by their simplified form) and discovered phrases in one Chinese segment.

    The two sets are matched independently, so a discovered phrase may contain a glossary term
    (推动高质量发展 around 高质量发展); each set on its own is non-overlapping.
    """
    occ = [ZhOcc(h.term.zh_hans, h.start, h.end, h.term) for h in matcher.find_zh(text)]
    if finder is not None:
        occ += [ZhOcc(p, s, e) for s, e, p in finder.find(text)]
    return occ


def add_anchors(side: EnSide, zh_occ: Sequence[ZhOcc], matcher: TermMatcher) -> None:
    """Mark the English spans of glossary terms that also occur on the Chinese side.

    A term found twice in the Chinese explains at most two of its English hits; an English hit
    whose term is absent from the Chinese explains nothing (the translator may have added it).
    """
    by_term: dict[str, list[ZhOcc]] = {}
    for o in zh_occ:
        if o.term is not None:
            by_term.setdefault(o.term.id, []).append(o)
    if not by_term:
        return
    starts = {s: i for i, (s, _) in enumerate(side.spans)}
    ends = {e: i for i, (_, e) in enumerate(side.spans)}
    used: Counter[str] = Counter()
    for hit in matcher.find_en(side.text):
        zs = by_term.get(hit.term.id)
        if not zs or used[hit.term.id] >= len(zs):
            continue
        i, j = starts.get(hit.start), ends.get(hit.end)
        if i is None or j is None:
            continue
        z = zs[used[hit.term.id]]
        used[hit.term.id] += 1
        side.anchors.append((i, j + 1, z.start, z.end))


def blocked_for(side: EnSide, spans: Sequence[tuple[int, int]]) -> frozenset[int]:
    """Tokens anchored to glossary terms that do not overlap the candidate's own Chinese spans."""
    out: set[int] = set()
    for ti, tj, zs, ze in side.anchors:
        if any(zs < e and s < ze for s, e in spans):
            continue
        out.update(range(ti, tj))
    return frozenset(out)


def discovered_phrases(zh_texts: Sequence[str], *, min_count: int, known: Iterable[str] = ()) -> list[str]:
    """Recurring Chinese phrases of the input, from :mod:`glossary.extract` (glossary forms excluded)."""
    from .extract_adapter import chinese_phrases

    skip = set(known)
    return [p for p in chinese_phrases(zh_texts, min_count=min_count) if p not in skip]


__all__ = [
    "EDGE_STOP",
    "EnSide",
    "PhraseFinder",
    "RELATIVE",
    "ZhOcc",
    "add_anchors",
    "blocked_for",
    "discovered_phrases",
    "english_side",
    "list_ngrams",
    "list_phrase",
    "negated_ngrams",
    "negating_phrase",
    "ngrams",
    "surfaces",
    "zh_occurrences",
]
