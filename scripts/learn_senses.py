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
CC-CEDICT). Per word, only its dominant English is written: seen at least
:data:`MIN_COUNT` times and in at least :data:`MIN_SHARE` of the word's counted occurrences.

Written: ``zh``, ``en``, ``role`` (``verb`` or ``noun``, :func:`role`), ``count`` (occurrences
with this English), ``of`` (the word's counted occurrences). No text of the corpora is written.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

#: an occurrence counts when its best English span holds this share of the model's weight
MIN_SHARE_OF_PAIR = 0.5
#: a word's English is written when seen this often …
MIN_COUNT = 2
#: … and in this share of the word's counted occurrences
MIN_SHARE = 0.4
#: English spans of one to this many words
MAX_EN_WORDS = 3

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
    """One occurrence's English as the counted form: each word's folded key, capitalised where
    the text wrote it so (not at a sentence start: *capitals* is already False there)."""
    out = []
    for k, cap in zip(keys, capitals, strict=True):
        w = fold(k)
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


def sentence_pairs(paths: Iterable[Path]) -> list[tuple[str, str]]:
    """The sentence pairs of the parallel files, each aligned unit split into sentences."""
    from glossary.alignment.sentences import split_unit
    from glossary.io.parallel import read_parallel

    out = []
    for p in paths:
        for seg in read_parallel(p):
            out += [(b.zh, b.en) for b in split_unit(seg.source, seg.target) if b.zh and b.en]
    return out


def observe(pairs: Sequence[tuple[str, str]], progress: bool = False) -> dict[str, Counter[tuple[str, ...]]]:
    """Per learnable Chinese word, the English forms its occurrences were aligned with."""
    import numpy as np

    from glossary.alignment.candidates import EDGE_STOP, english_side
    from glossary.alignment.wordalign import candidate_spans, span_scores, train, zh_tokens

    zh = [[w for w, _, _ in zh_tokens(z)] for z, _ in pairs]
    sides = [english_side(e) for _, e in pairs]
    en = [s.keys for s in sides]
    forward = train(zh, en)
    backward = train(en, zh)
    seen: dict[str, Counter[tuple[str, ...]]] = {}
    for p, (words, side) in enumerate(zip(zh, sides, strict=True)):
        if progress and p % 500 == 0:
            print(f"  {p}/{len(pairs)} sentence pairs", file=sys.stderr)
        if not words or not side.keys:
            continue
        cands = candidate_spans(side.keys, side.runs, EDGE_STOP, max_words=MAX_EN_WORDS)
        if not cands:
            continue
        fwd, rev = forward.table(p), backward.table(p)
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
            a, b = cands[k]
            caps = [i > 0 and side.text[spans[i][0]].isupper() for i in range(a, b)]
            seen.setdefault(w, Counter())[english_form(side.keys[a:b], caps)] += 1
    return seen


def role(english: str, definitions: Iterable[str]) -> str:
    """``verb`` when the English is a verb for this word: CC-CEDICT gives the word a sense "to
    <English>", or the English is one word CC-CEDICT uses as a verb and the word has some verb
    sense; else ``noun`` (nouns and modifiers alike)."""
    from glossary.alignment.spanrules import verb_like

    defs = [d.strip().lower() for d in definitions]
    senses = [a.strip() for d in defs for a in d.split(";")]
    low = english.lower()
    if f"to {low}" in senses or any(s.startswith(f"to {low} ") for s in senses):
        return "verb"
    if " " not in low and verb_like(low) and any(s.startswith("to ") for s in senses):
        return "verb"
    return "noun"


def table(seen: dict[str, Counter[tuple[str, ...]]], skip: Iterable[str] = ()) -> list[tuple[str, str, str, int, int]]:
    """The rows to write (:data:`glossary.senses.COLUMNS`): each word's dominant English
    (:func:`dominant`) and its :func:`role`; words in *skip* and words CC-CEDICT lacks left out,
    sorted by word."""
    from glossary.cedict import entries

    known = entries()
    skipped = set(skip)
    rows = []
    for w in sorted(seen):
        if w in skipped or w not in known:
            continue
        d = dominant(seen[w])
        if d is not None:
            en, n, total = d
            rows.append((w, en, role(en, [x for e in known[w] for x in e.definitions]), n, total))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("texts", nargs="+", type=Path, help="parallel TSVs (zh and en columns)")
    ap.add_argument("-o", "--output", type=Path, default=Path("data/senses.tsv"))
    a = ap.parse_args(argv)
    from glossary.composition import read_lexicon
    from glossary.io.atomic import write_atomic
    from glossary.senses import COLUMNS
    from glossary.store import load

    pairs = sentence_pairs(a.texts)
    print(f"{len(pairs)} sentence pairs from {len(a.texts)} text(s)", file=sys.stderr)
    seen = observe(pairs, progress=True)
    g = load()
    skip = {f for t in g for f in (t.zh_hans, *t.zh_alias) if f and len(f) > 1} | {e.zh for e in read_lexicon()}
    rows = table(seen, skip)
    lines = ["\t".join(COLUMNS), *("\t".join(map(str, r)) for r in rows)]
    write_atomic(a.output, "\n".join(lines) + "\n")
    print(f"{len(rows)} words written to {a.output} (of {len(seen)} seen)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
