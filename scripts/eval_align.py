#!/usr/bin/env python
"""Score ``glossary align`` against hand-checked renderings in official parallel texts.

Usage::

    python scripts/eval_align.py CORPUS_PATH... [--gold data/eval/align_gold.tsv] [--show-errors]

Each CORPUS_PATH is a zh/en TSV or a folder of them (the official parallel texts listed in
docs/align.md). All segments are pooled, as a translation memory would be, and aligned once with
the shipped glossary. For every gold term occurring at least ``--min-count`` times on the Chinese
side, the aligner's top proposal is compared with the gold renderings (normalised: case,
plurals, hyphens and a leading article do not matter).

precision@1 = correct top proposals / terms with a proposal; coverage = terms with a proposal /
evaluated terms. The aligner never sees the gold file, and a term's own glossary renderings are
not used to pair that term (anchors only explain *other* terms' words).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path


def corpus_files(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(p.glob("*.tsv"))
        elif p.is_file():
            out.append(p)
        else:
            sys.exit(f"eval_align: {p}: no such file or folder")
    return out


def read_gold(path: Path) -> dict[str, tuple[str, tuple[str, ...]]]:
    gold = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    head = lines[0].split("\t")
    for line in lines[1:]:
        if not line.strip():
            continue
        row = dict(zip(head, line.split("\t")))
        gold[row["term_id"]] = (row["zh"], tuple(v.strip() for v in row["en"].split(" | ") if v.strip()))
    return gold


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="+", help="zh/en TSV files or folders of them")
    ap.add_argument("--gold", default=str(Path(__file__).resolve().parent.parent / "data" / "eval" / "align_gold.tsv"))
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--no-sentences", action="store_true", help="skip sentence alignment inside units")
    ap.add_argument("--show-errors", action="store_true")
    ap.add_argument("--dump", metavar="FILE", help="write every evaluated term's top proposal and verdict (TSV), to compare runs")
    args = ap.parse_args()

    import glossary
    from glossary.alignment import AlignOptions, align_segments
    from glossary.forms import en_key
    from glossary.io.parallel import read_parallel
    from glossary.matcher import TermMatcher

    files = [f for f in corpus_files(args.corpus) if "xuexi" not in f.name]
    segments = [s for f in files for s in read_parallel(f)]
    g = glossary.load()
    matcher = TermMatcher(g.terms)
    counts: Counter[str] = Counter(h.term.id for s in segments for h in matcher.find_zh(s.source))
    gold = read_gold(Path(args.gold))
    evaluated = [tid for tid in gold if counts[tid] >= args.min_count and tid in g]

    t0 = time.perf_counter()
    df = align_segments(segments, glossary=g, options=AlignOptions(split_sentences=not args.no_sentences))
    seconds = time.perf_counter() - t0
    top = {r["term_id"]: r for r in df.filter(df["rank"] == 1).iter_rows(named=True) if r["term_id"]}

    proposed = correct = 0
    errors = []
    verdicts = []
    for tid in evaluated:
        zh, variants = gold[tid]
        row = top.get(tid)
        if row is None:
            errors.append((zh, "(no proposal)", variants))
            verdicts.append((zh, "", "none"))
            continue
        proposed += 1
        if en_key(row["en"]) in {en_key(v) for v in variants}:
            correct += 1
            verdicts.append((zh, row["en"], "ok"))
        else:
            errors.append((zh, row["en"], variants))
            verdicts.append((zh, row["en"], "wrong"))
    n = len(evaluated)
    print(f"files: {len(files)}  segments: {len(segments)}  align time: {seconds:.1f} s")
    print(f"evaluated terms (>= {args.min_count} occurrences): {n}")
    print(f"proposals: {proposed}  correct: {correct}")
    print(f"precision@1: {correct / proposed if proposed else 0:.3f}")
    print(f"coverage: {proposed / n if n else 0:.3f}")
    print(f"correct / evaluated: {correct / n if n else 0:.3f}")
    if args.dump:
        Path(args.dump).write_text("".join(f"{z}\t{e}\t{v}\n" for z, e, v in sorted(verdicts)), encoding="utf-8")
    if args.show_errors:
        for zh, got, variants in errors:
            print(f"  {zh}\t{got}\tgold: {' | '.join(variants)}")


if __name__ == "__main__":
    main()
