#!/usr/bin/env python
"""Share of fragments among the best new Chinese phrases ``glossary extract`` finds in a corpus.

A *new* phrase is a Chinese row of ``extract`` without a glossary term. A phrase is a
*fragment* when one character on its left, or one on its right, accompanies at least 90 % of its
occurrences in the corpus (八大以来 is nearly always 十八大以来; 三大攻坚 nearly always
三大攻坚战): it was cut at the wrong character. Only Han characters count as neighbours;
punctuation, spaces, digits and the ends of a document are boundaries, so 习近平总书记指出
followed by a comma is not a fragment of anything. Occurrences are counted in every document
``extract`` reads (the same text column of a CSV), overlapping ones included.

The script prints the rate, every fragment with its dominant neighbour and share, and
optionally the best N new phrases, so a change to extraction can be measured before and after.

Usage::

    python scripts/measure_fragments.py CORPUS... [--top 300] [--threshold 0.9] [--column NAME]
        [--show 30] [--from-tsv EXTRACT.tsv]

``--from-tsv`` scores the rows of a saved ``glossary extract --format tsv`` output instead of
running ``extract`` (the corpus is still read for the counts).
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from glossary.forms import is_han  # noqa: E402
from glossary.io.documents import expand, iter_documents  # noqa: E402


@dataclass(frozen=True)
class Verdict:
    phrase: str
    occurrences: int
    side: str  # "left", "right" or "" (not a fragment)
    neighbour: str
    share: float


def new_phrases(paths: list[str], column: str | None, top: int, from_tsv: str | None) -> list[str]:
    """The best *top* new Chinese phrases, in extract's order."""
    if from_tsv:
        with open(from_tsv, encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t"))
        return [r["phrase"] for r in rows if r["lang"] == "zh" and not r["term_id"]][:top]
    from glossary.extraction import ExtractOptions, extract

    df = extract(paths, column=column, options=ExtractOptions(new=True, known=False))
    return [p for p, lang in zip(df["phrase"], df["lang"]) if lang == "zh"][:top]


def judge(phrase: str, texts: list[str], threshold: float) -> Verdict:
    """Left and right Han neighbours of every occurrence of *phrase* (overlapping included)."""
    left: Counter[str] = Counter()
    right: Counter[str] = Counter()
    n = 0
    for text in texts:
        i = text.find(phrase)
        while i >= 0:
            n += 1
            before = text[i - 1] if i > 0 else ""
            after = text[i + len(phrase)] if i + len(phrase) < len(text) else ""
            if before and is_han(before):
                left[before] += 1
            if after and is_han(after):
                right[after] += 1
            i = text.find(phrase, i + 1)
    best = Verdict(phrase, n, "", "", 0.0)
    if not n:
        return best
    for side, counts in (("left", left), ("right", right)):
        if counts:
            ch, c = counts.most_common(1)[0]
            if c / n >= threshold and c / n > best.share:
                best = Verdict(phrase, n, side, ch, c / n)
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="+", help="the corpus: files or folders, as extract takes them")
    ap.add_argument("--top", type=int, default=300, help="how many of the best new phrases to judge (300)")
    ap.add_argument("--threshold", type=float, default=0.9, help="share of occurrences one neighbour must reach (0.9)")
    ap.add_argument("--column", help="text column of CSV/TSV input (default: extract's choice)")
    ap.add_argument("--show", type=int, default=0, help="also list the best N new phrases")
    ap.add_argument("--from-tsv", help="judge the rows of a saved `glossary extract --format tsv` output")
    args = ap.parse_args()

    phrases = new_phrases(args.paths, args.column, args.top, args.from_tsv)
    texts = [d.text for d in iter_documents(expand(args.paths), column=args.column)]
    verdicts = [judge(p, texts, args.threshold) for p in phrases]
    fragments = [v for v in verdicts if v.side]
    rate = len(fragments) / max(1, len(verdicts))
    print(f"{len(texts)} documents; {len(verdicts)} new phrases judged; "
          f"{len(fragments)} fragments = {100 * rate:.1f} %")
    for v in fragments:
        whole = v.neighbour + v.phrase if v.side == "left" else v.phrase + v.neighbour
        print(f"  {v.phrase}\t{v.occurrences}×\t{v.side} {v.neighbour} {100 * v.share:.0f} %\t(→ {whole})")
    if args.show:
        print(f"best {args.show} new phrases:")
        for i, v in enumerate(verdicts[: args.show], 1):
            print(f"  {i:3d}. {v.phrase}{'   ← fragment' if v.side else ''}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
