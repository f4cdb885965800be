#!/usr/bin/env python
"""Learn which words side by side official English coordinates: ``data/pairs.tsv``.

Usage::

    python scripts/learn_pairs.py GWR_2016.tsv GWR_2017.tsv GWR_2018.tsv GWR_2019.tsv \\
        NEW_YEAR_2020.tsv … PRC_2018.tsv CPC_2017.tsv [-o data/pairs.tsv]

Chinese puts two coordinated words side by side (风险挑战, 繁荣稳定) where English says "risks
and challenges"; see :mod:`glossary.pairs`. This script reads official bilingual texts
(parallel TSVs with ``zh`` and ``en`` columns) sentence by sentence
(:func:`glossary.alignment.sentence_pairs`). In every Chinese clause it takes each two
adjacent words of two to four characters that the composer knows (:meth:`Composer._word`: a
glossary term, a lexicon word, a learned sense or a CC-CEDICT word) and counts the sentences
holding them, and those whose English has a rendering of the first, "and", and a rendering of
the second (the word's English in every role, each of its CC-CEDICT senses, their words of four
letters or more, and regular plurals). Written: the pairs coordinated in at least
:data:`glossary.pairs.MIN_COUNT` sentences and :data:`glossary.pairs.MIN_SHARE` of those holding
them, with the counts. No text of the corpora is written. Keep the texts the composer is
evaluated on (GWR 2020–2022) out.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from glossary.composition import Composer

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

#: Chinese clause boundaries: a pair never spans one
_CLAUSE = re.compile(r"[，。；：、！？“”‘’（）《》()\s,;:!?]")
#: English words too general to stand for a word's meaning
_GENERAL = frozenset("with from into that this those these their other some such more most make made have".split())
#: lengths of the two words, in characters
_LENGTHS = (2, 3, 4)


def sentence_pairs(paths: Iterable[Path]) -> list[tuple[str, str]]:
    """The sentence pairs of the parallel files, each file's aligned units split into sentences
    by the library's own splitter (:func:`glossary.alignment.sentence_pairs`, the one ``align``
    uses, with the length model estimated per file)."""
    from glossary.alignment import sentence_pairs as split
    from glossary.io.parallel import read_parallel

    return [(b.zh, b.en) for p in paths for b in split(read_parallel(p)) if b.zh and b.en]


def renderings(roles: Iterable[str], senses: Sequence[str]) -> frozenset[str]:
    """The lowercase English a word may be written with: each of *roles* and *senses*, their
    words of four letters or more (not :data:`_GENERAL`), and the plural of each as the composer
    writes it (:func:`glossary.composition._plural`)."""
    from glossary.composition import _plural

    whole = [e.lower().strip() for e in (*roles, *senses) if e and len(e) <= 40]
    out = set(whole) | {w for e in whole for w in e.split() if len(w) > 3 and w not in _GENERAL}
    return frozenset(out | {_plural(e) for e in out})


def english_key(en: str) -> str:
    """The sentence's English as lowercase words between single spaces, padded with spaces."""
    return " " + " ".join(re.sub(r"[^a-z0-9\- ]", " ", en.lower()).split()) + " "


def count(pairs: Sequence[tuple[str, str]], composer: Composer) -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str]]]:
    """Per adjacent word pair, the sentences holding it and those coordinating it in English."""
    held: Counter[tuple[str, str]] = Counter()
    joined: Counter[tuple[str, str]] = Counter()
    known: dict[str, frozenset[str] | None] = {}
    readings = composer.readings or {}

    def english_of(piece: str) -> frozenset[str] | None:
        if piece not in known:
            w = composer._word(piece, readings, ())
            known[piece] = renderings(w.roles.values(), w.senses) if w is not None and w.source not in ("rule", "none") else None
        return known[piece]

    for zh, en in pairs:
        key = english_key(en)
        seen: set[tuple[str, str]] = set()
        for clause in _CLAUSE.split(zh):
            for i in range(len(clause)):
                for la in _LENGTHS:
                    for lb in _LENGTHS:
                        if i + la + lb > len(clause):
                            continue
                        a, b = clause[i : i + la], clause[i + la : i + la + lb]
                        if (a, b) in seen:
                            continue
                        ea, eb = english_of(a), english_of(b)
                        if ea is None or eb is None:
                            continue
                        seen.add((a, b))
                        held[(a, b)] += 1
                        if any(f" {x} and {y} " in key for x in ea for y in eb):
                            joined[(a, b)] += 1
    return held, joined


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpora", type=Path, nargs="+")
    ap.add_argument("-o", "--output", type=Path)
    a = ap.parse_args(argv)

    from glossary.cedict import readings_within
    from glossary.composition import Composer, glossary_forms
    from glossary.pairs import COLUMNS, Pair
    from glossary.store import load

    pairs = sentence_pairs(a.corpora)
    clauses = [c for zh, _ in pairs for c in _CLAUSE.split(zh) if c]
    # the words are looked up one by one (no phrasing needed), without any pairs learned before
    composer = Composer(glossary_forms(load()), readings_within(clauses, 8), pairs=())
    held, joined = count(pairs, composer)
    rows = [Pair(x, y, joined[(x, y)], held[(x, y)]) for (x, y) in joined]
    rows = sorted((r for r in rows if r.supported), key=lambda r: (-r.count, r.first, r.second))
    text = "\t".join(COLUMNS) + "\n" + "".join(f"{r.first}\t{r.second}\t{r.count}\t{r.of}\n" for r in rows)
    if a.output:
        a.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    print(f"{len(pairs)} sentence pairs, {len(rows)} pairs written", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
