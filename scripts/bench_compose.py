#!/usr/bin/env python
"""What composing English adds to ``glossary extract`` on a corpus (median of N, side by side).

Usage::

    python scripts/bench_compose.py CORPUS_PATH... [--rounds 3] [--top 100] [--show 30]

Each round times, in one process and one after the other: ``glossary.extract`` on the corpus
(which now composes English for every new Chinese phrase), then, on the rows it gave, the two
ways of making English for the new Chinese phrases: the composer (``glossary.composition``:
dictionaries read once, then every phrase) and the old word-by-word gloss bag
(``glossary.extraction.gloss``). Reported: medians, and the composer's time as a share of extract
without it (extract − composer). ``--show`` prints the best new phrases with both Englishes.
"""

from __future__ import annotations

import argparse
import statistics
import time


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--show", type=int, default=0)
    a = ap.parse_args(argv)

    import glossary
    from glossary.composition import composer
    from glossary.extraction.gloss import compose as gloss_compose
    from glossary.extraction.gloss import dictionary
    from glossary.pinyin import PinyinWriter, Word

    g = glossary.load()
    times: dict[str, list[float]] = {"extract": [], "composer": [], "gloss bag": []}
    df = None
    for _ in range(a.rounds):
        t0 = time.perf_counter()
        df = glossary.extract(a.paths, "zh", glossary=g)
        times["extract"].append(time.perf_counter() - t0)
        new = df.filter((df["lang"] == "zh") & (df["term_id"] == ""))["zh_hans"].to_list()
        t0 = time.perf_counter()
        c = composer(new, g)  # as extract does: dictionaries read, the table's phrasing learned
        composed = [c.compose(p) for p in new]
        times["composer"].append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        readings = dictionary(new)
        known = {t.zh_hans: t.en for t in g}
        writer = PinyinWriter(g)
        bags = []
        for p in new:
            words = [(w.text, w.syllables) if isinstance(w, Word) else (w, ()) for w in writer.words(p)]
            bags.append(gloss_compose(p, known, readings, words))
        times["gloss bag"].append(time.perf_counter() - t0)
    assert df is not None
    med = {k: statistics.median(v) for k, v in times.items()}
    rows = df.height
    print(f"{rows} rows, {len(new)} new Chinese phrases; median of {a.rounds} rounds")
    for k, v in med.items():
        print(f"  {k:10} {v:7.2f} s   ({', '.join(f'{x:.2f}' for x in times[k])})")
    base = med["extract"] - med["composer"]
    print(f"composer adds {med['composer'] / base:.1%} to extract without it; the gloss bag took {med['gloss bag'] / base:.1%}")
    if a.show:
        print("\n| # | phrase | composed English (confidence) | old gloss bag |\n|---:|---|---|---|")
        for i, (p, comp, bag) in enumerate(zip(new[: a.show], composed, bags, strict=False), start=1):
            print(f"| {i} | {p} | {comp.english} ({comp.method}, {comp.confidence:.2f}) | {bag} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
