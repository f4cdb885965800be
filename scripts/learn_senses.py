#!/usr/bin/env python
"""Learn how official English renders each Chinese word: ``data/senses.tsv``.

Usage::

    python scripts/learn_senses.py GWR_2016.tsv GWR_2017.tsv GWR_2018.tsv GWR_2019.tsv \\
        PRC_2018.tsv CPC_2017.tsv [-o data/senses.tsv]

The composer (:mod:`glossary.composition`) falls back to CC-CEDICT's first sense for a word that
neither the glossary nor the lexicon knows, and that sense is often one official English never
uses in political text (检察 "to inspect" for "procuratorial"). This script reads official
bilingual texts (parallel TSVs with ``zh`` and ``en`` columns), splits each aligned unit into
sentence pairs (:func:`glossary.alignment.sentences.split_unit`), trains the project's word
alignment model (:mod:`glossary.alignment.wordalign`, IBM Model 1 in both directions) on them,
and for every occurrence of a Chinese *word* (a jieba dictionary word of 1–4 characters, the
segmenter the aligner uses) takes the English span of one to three words that best separates
the sentence into "its translation" and "the rest" (:func:`~glossary.alignment.wordalign.span_scores`).
An occurrence counts when that span holds at least :data:`MIN_SHARE_OF_PAIR` of the model's
weight; the word's rows are the English it was counted with, most frequent first.

Only words are learnt, never phrases: a jieba word that is a glossary term (two characters or
more) or a lexicon word is left out (the glossary and the lexicon rank above these senses), and
so is a word CC-CEDICT lacks (the composer asks for a learned sense only where it would use
CC-CEDICT), and so is an English that shares no content word with the word's CC-CEDICT senses
(:func:`dictionary_agrees`: the table chooses among the dictionary's senses, it does not invent one). Per word, only its dominant English is written: seen at least
:data:`MIN_COUNT` times and in at least :data:`MIN_SHARE` of the word's counted occurrences.

Written: ``zh``, ``en``, ``role`` (``verb`` or ``noun``, :func:`role`), ``count`` (occurrences
with this English), ``of`` (the word's counted occurrences). No text of the corpora is written.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

#: an occurrence counts when its best English span holds this share of the model's weight
MIN_SHARE_OF_PAIR = 0.5
#: a word's English is written when seen this often …
MIN_COUNT = 2
#: … and in this share of the word's counted occurrences
MIN_SHARE = 0.4
#: … and a Dice coefficient with the word, over the sentence pairs, of at least this (0: not
#: asked; 0.2 kept 18 % fewer words and lost 3 dev terms exact): an English
#: every other sentence says ("reduce", "development") is not a word's sense because the model
#: parked it there
MIN_DICE = 0.0
#: … and different Chinese words next to it, on each side, in at least this many of its occurrences
MIN_CONTEXTS = 2
#: English spans of one to this many words
MAX_EN_WORDS = 3
#: English words that say nothing about a word's meaning, left out when an English is compared
#: with the word's CC-CEDICT senses (:func:`dictionary_agrees`)
_FUNCTION_WORDS = frozenset("a an and as at be by for in of on one or sb sth the to with".split())
#: an edge word of the span stays when the alignment links it to the Chinese word this strongly
LINK_FLOOR = 0.3

_ADJECTIVE = re.compile(r"^[a-z]{2,}(ial|ical|ic|ive|ous|tal|nal|ral)$")
_HAN_WORD = re.compile(r"^[\u4e00-\u9fff]{1,4}$")


def learnable(word: str) -> bool:
    """A Chinese word whose sense may be learnt: Han characters only, one to four of them."""
    return bool(_HAN_WORD.match(word))


def fold(key: str) -> str:
    """An English word key with a regular verb inflection taken off (upholding → uphold,
    coordinated → coordinate), when CC-CEDICT knows the base as a verb; else the key."""
    from glossary.alignment.spanrules import _bases, _verb_counts

    verbs = _verb_counts()[0]
    for base in _bases(key):
        if verbs.get(base, 0) > 0:
            return base
    return key


def english_form(keys: Sequence[str], capitals: Sequence[bool]) -> tuple[str, ...]:
    """One occurrence's English as the counted form: its word keys (a lone word folded, see
    :func:`fold`), capitalised where the text wrote them so (not at a sentence start:
    *capitals* is already False there)."""
    out = []
    for k, cap in zip(keys, capitals, strict=True):
        w = fold(k) if len(keys) == 1 else k  # (in a phrase a participle stays: "all those involved")
        out.append(w[:1].upper() + w[1:] if cap else w)
    return tuple(out)


def dominant(forms: Counter[tuple[str, ...]], min_count: int = MIN_COUNT, min_share: float = MIN_SHARE) -> tuple[str, int, int] | None:
    """The English a word is usually rendered with, as (English, count, counted occurrences),
    or None when no form has the support: at least *min_count* occurrences and *min_share* of
    all, and more than any other form. Forms differing only in capitals are one form, written
    as the commoner spelling."""
    total = sum(forms.values())
    merged: Counter[tuple[str, ...]] = Counter()
    spelling: dict[tuple[str, ...], Counter[tuple[str, ...]]] = {}
    for f, n in forms.items():
        low = tuple(w.lower() for w in f)
        merged[low] += n
        spelling.setdefault(low, Counter())[f] += n
    ranked = merged.most_common(2)
    if not ranked:
        return None
    best, n = ranked[0]
    if n < min_count or n < min_share * total or (len(ranked) > 1 and ranked[1][1] == n):
        return None
    return " ".join(spelling[best].most_common(1)[0][0]), n, total


def posteriors(table: np.ndarray) -> np.ndarray:
    """Per target token (column), the share of each source row (NULL in row 0) in generating it,
    under the table of one sentence pair (Model 1 with a uniform prior)."""
    import numpy as np

    denom = table.sum(axis=0, keepdims=True)
    return table / np.where(denom > 0, denom, 1.0)


def trim(span: tuple[int, int], forward: Sequence[float] | np.ndarray, backward: Sequence[float] | np.ndarray, keys: Sequence[str],
         floor: float = LINK_FLOOR) -> tuple[int, int]:
    """*span* without the edge words the Chinese word does not explain: a word stays when the
    word generated it (*forward*: per English token, the word's share in generating it) or it
    generated the word (*backward*: per English token, its share in generating the word) with
    at least *floor*; an edge left on a function word goes too. The best span by the sentence
    split often takes a neighbour along (网 "online shop" where 网购 was cut in two)."""
    from glossary.alignment.candidates import EDGE_STOP

    a, b = span
    def weak(i: int) -> bool:
        return keys[i] in EDGE_STOP or (forward[i] < floor and backward[i] < floor)
    while a < b and weak(a):
        a += 1
    while b > a and weak(b - 1):
        b -= 1
    return a, b


class Association:
    """Which sentence pairs hold a Chinese word and which an English word sequence, for the
    Dice coefficient of the two: 2·both / (with the word + with the English)."""

    def __init__(self, zh: Sequence[set[str]], en: Sequence[str]) -> None:
        self.zh = zh
        self.en = [f" {e} " for e in en]

    def dice(self, word: str, english: str) -> float:
        key = f" {' '.join(fold(k) for k in english.lower().split())} "
        with_zh = {i for i, words in enumerate(self.zh) if word in words}
        with_en = {i for i, e in enumerate(self.en) if key in e}
        total = len(with_zh) + len(with_en)
        return 2 * len(with_zh & with_en) / total if total else 0.0


def sentence_pairs(paths: Iterable[Path]) -> list[tuple[str, str]]:
    """The sentence pairs of the parallel files, each aligned unit split into sentences."""
    from glossary.alignment.sentences import split_unit
    from glossary.io.parallel import read_parallel

    out = []
    for p in paths:
        for seg in read_parallel(p):
            out += [(b.zh, b.en) for b in split_unit(seg.source, seg.target) if b.zh and b.en]
    return out


class Seen:
    """What the alignment showed: per learnable Chinese word, the English forms its occurrences
    were aligned with, and per word and form (lowercase) the Chinese neighbours of those
    occurrences (the tokens before and after)."""

    def __init__(self) -> None:
        self.forms: dict[str, Counter[tuple[str, ...]]] = {}
        self.contexts: dict[tuple[str, tuple[str, ...]], set[tuple[str, str]]] = {}
        self.surfaces: dict[tuple[str, tuple[str, ...]], Counter[str]] = {}

    def add(self, word: str, form: tuple[str, ...], before: str, after: str, surface: str = "") -> None:
        self.forms.setdefault(word, Counter())[form] += 1
        low = tuple(w.lower() for w in form)
        self.contexts.setdefault((word, low), set()).add((before, after))
        if surface:
            self.surfaces.setdefault((word, low), Counter())[surface] += 1

    def spelling(self, word: str, english: str, vocabulary: Collection[str]) -> str:
        """*english* as a text wrote it, where its word keys are no English: a form is counted
        by its keys, and the key of a word the singular rule misreads is no word ("heroes" →
        "heroe", "Los Angeles" → "Los Angele"), nor are hyphens kept ("cross border"); the
        form's commonest text is written then. Words CC-CEDICT's English uses in lower case
        (*vocabulary*: "motor vehicle", "uphold") stay as the keys have them. A form in capitals
        (a heading's "Military", "Sanction") is written in lower case when each of its words is
        such a word; names ("Atlanta", "African") keep them."""
        words = english.split()
        low = tuple(w.lower() for w in words)
        seen = self.surfaces.get((word, low))
        if seen and all(t.lower() != english.lower() for t in seen):
            text = seen.most_common(1)[0][0]
            if text.replace("-", " ").lower() == english.lower() or not all(w in vocabulary for w in low):
                # only hyphens differ (cross border → cross-border), or a key is no word (heroe)
                english = text
                words = english.split()
        if any(w[:1].isupper() for w in words) and all(w.lower() in vocabulary for w in words):
            english = english.lower()
        return english

    def general(self, word: str, english: str, least: int = MIN_CONTEXTS) -> bool:
        """Whether *word* was rendered *english* next to at least *least* different words on
        each side: a sense shown in one collocation only (网 "online shop" in 网购, 县级 "above
        the county" in 县级以上) is the collocation's, not the word's."""
        ctx = self.contexts.get((word, tuple(english.lower().split())), set())
        return len({b for b, _ in ctx}) >= least and len({a for _, a in ctx}) >= least


def observe(pairs: Sequence[tuple[str, str]], progress: bool = False) -> tuple[Seen, Association]:
    """What the alignment of *pairs* shows (:class:`Seen`); and the sentence pairs' words, to
    weigh how strongly a word and an English go together."""
    import numpy as np

    from glossary.alignment.candidates import EDGE_STOP, english_side
    from glossary.alignment.wordalign import candidate_spans, span_scores, train, zh_tokens

    zh = [[w for w, _, _ in zh_tokens(z)] for z, _ in pairs]
    sides = [english_side(e) for _, e in pairs]
    en = [s.keys for s in sides]
    forward = train(zh, en)
    backward = train(en, zh)
    seen = Seen()
    assoc = Association([set(w) for w in zh], [" ".join(fold(k) for k in keys) for keys in en])
    for p, (words, side) in enumerate(zip(zh, sides, strict=True)):
        if progress and p % 500 == 0:
            print(f"  {p}/{len(pairs)} sentence pairs", file=sys.stderr)
        if not words or not side.keys:
            continue
        cands = candidate_spans(side.keys, side.runs, EDGE_STOP, max_words=MAX_EN_WORDS)
        if not cands:
            continue
        fwd, rev = forward.table(p), backward.table(p)
        post, back = posteriors(fwd), posteriors(rev)[1:]
        spans = side.spans
        for r, w in enumerate(words):
            if not learnable(w) or words.count(w) > 1:
                continue  # (a word twice in one sentence: which English is whose is a guess)
            score = span_scores(fwd, rev, [r + 1], cands)
            prob = np.exp(score - score.max())
            prob /= prob.sum()
            k = int(prob.argmax())
            if prob[k] < MIN_SHARE_OF_PAIR:
                continue
            a, b = trim(cands[k], post[r + 1], back[:, r], side.keys)
            if a >= b:
                continue
            caps = [i > 0 and side.text[spans[i][0]].isupper() for i in range(a, b)]
            surface = side.text[spans[a][0] : spans[b - 1][1]]
            surface = surface if any(caps) else surface.lower()
            seen.add(w, english_form(side.keys[a:b], caps), words[r - 1] if r else "", words[r + 1] if r + 1 < len(words) else "",
                     surface)
    return seen, assoc


def role(english: str, definitions: Iterable[str]) -> str:
    """``verb`` when the English is a verb for this word: CC-CEDICT gives the word a sense "to
    <English>", or the English is one word CC-CEDICT uses as a verb and the word has some verb
    sense; ``modifier`` when it is one word with an adjective's ending (工业 "industrial": the
    word's form before a noun, not its noun); else ``noun``."""
    from glossary.alignment.spanrules import verb_like

    defs = [d.strip().lower() for d in definitions]
    senses = [a.strip() for d in defs for a in d.split(";")]
    low = english.lower()
    if f"to {low}" in senses or any(s.startswith(f"to {low} ") for s in senses):
        return "verb"
    if " " not in low and verb_like(low) and any(s.startswith("to ") for s in senses):
        return "verb"
    if len(low) >= 6 and _ADJECTIVE.match(low):
        return "modifier"
    return "noun"


def _same_word(a: str, b: str) -> bool:
    """Whether two lowercase English words are forms of one word, crudely: they share all but
    the last two letters of the shorter ("integration" and "integrate", "resolutely" and
    "resolute", "tax" and "taxation", "cuts" and "cut")."""
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n >= 3 and n >= min(len(a), len(b)) - 2


def dictionary_agrees(english: str, definitions: Iterable[str]) -> bool:
    """Whether *english* shares a content word (:func:`_same_word`) with the word's CC-CEDICT senses.

    The aligner often parks the English of a word's usual neighbour on it: 处置 "zombie" (from
    处置僵尸企业), 缩小 "gap" (缩小差距), 防止 "resolutely" (坚决防止), and function words take
    any English (了 "given", 如果 "fail"). A second review of 100 learned rows found 14 wrong,
    9 of them of that kind; asking the English to agree with one of the dictionary's senses kept 3
    of the 14 and 57 of the 70 right ones. What is lost are official renderings the dictionary
    lacks (培养 "train", 影响 "impact"); what stays is what the table is for: the sense official
    English picks among the dictionary's (检察 "procuratorial", not "to inspect")."""
    def words(text: str) -> set[str]:
        return {w for w in re.findall(r"[a-z]+", text.lower()) if w not in _FUNCTION_WORDS}

    mine, theirs = words(english), words(" ".join(definitions))
    return any(_same_word(a, b) for a in mine for b in theirs)


def table(seen: Seen, skip: Iterable[str] = (), assoc: Association | None = None,
          min_dice: float = MIN_DICE, min_contexts: int = MIN_CONTEXTS) -> list[tuple[str, str, str, int, int]]:
    """The rows to write (:data:`glossary.senses.COLUMNS`): each word's dominant English
    (:func:`dominant`) and its :func:`role`; words in *skip* and words CC-CEDICT lacks left out,
    sorted by word."""
    from glossary.cedict import entries

    known = entries()
    skipped = set(skip)
    # the words CC-CEDICT's English writes in lower case somewhere (not only as names)
    vocabulary = {v for es in known.values() for e in es for d in e.definitions for v in re.findall(r"\b[a-z]+\b", d)}
    rows = []
    for w in sorted(seen.forms):
        if w in skipped or w not in known:
            continue
        d = dominant(seen.forms[w])
        if d is not None and seen.general(w, d[0], min_contexts) and (assoc is None or assoc.dice(w, d[0]) >= min_dice):
            en, n, total = d
            definitions = [x for e in known[w] for x in e.definitions]
            if dictionary_agrees(en, definitions):
                en = seen.spelling(w, en, vocabulary)
                rows.append((w, en, role(en, definitions), n, total))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("texts", nargs="+", type=Path, help="parallel TSVs (zh and en columns)")
    ap.add_argument("-o", "--output", type=Path, default=Path("data/senses.tsv"))
    ap.add_argument("--min-dice", type=float, default=MIN_DICE, help=f"association a sense needs (default {MIN_DICE})")
    ap.add_argument("--min-contexts", type=int, default=MIN_CONTEXTS, help=f"different neighbours a sense needs (default {MIN_CONTEXTS})")
    a = ap.parse_args(argv)
    from glossary.composition import read_lexicon
    from glossary.io.atomic import write_atomic
    from glossary.senses import COLUMNS
    from glossary.store import load

    pairs = sentence_pairs(a.texts)
    print(f"{len(pairs)} sentence pairs from {len(a.texts)} text(s)", file=sys.stderr)
    seen, assoc = observe(pairs, progress=True)
    g = load()
    skip = {f for t in g for f in (t.zh_hans, *t.zh_alias) if f and len(f) > 1} | {e.zh for e in read_lexicon()}
    rows = table(seen, skip, assoc, a.min_dice, a.min_contexts)
    lines = ["\t".join(COLUMNS), *("\t".join(map(str, r)) for r in rows)]
    write_atomic(a.output, "\n".join(lines) + "\n")
    print(f"{len(rows)} words written to {a.output} (of {len(seen.forms)} seen)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
