#!/usr/bin/env python3
"""Measure ``glossary check`` on real text: false alarms on official English, findings on
unofficial English.

Usage: python scripts/measure_check.py CORPUS_DIR [--sample N] [--seed S]

CORPUS_DIR is the folder holding the corpora described in its SOURCES.md:

* official parallel TSVs (id, zh, en): chinadaily_bilingual_gwr_speeches_zh_en/,
  prc_constitution_zh_en/, cpc_constitution_2017_zh_en/. The English there is the official
  translation, so every ``nonstandard`` finding on it is a false alarm (or a glossary entry that
  lists an official form as non-standard). Checked twice: English alone (nonstandard only), and
  against the Chinese (adds ``missing`` and ``inconsistent``, which on official text measure how
  often legitimate paraphrase trips the check).
* unofficial English: reading_the_china_dream_en_unofficial/pages/*.md and
  xi_thought_textbook_en_unofficial/*.txt. Findings per 10,000 words, and a reproducible random
  sample of findings with context, for checking by hand.

Nothing from the corpora is written anywhere; the output goes to standard output only.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

OFFICIAL = ("chinadaily_bilingual_gwr_speeches_zh_en", "prc_constitution_zh_en", "cpc_constitution_2017_zh_en")
UNOFFICIAL = {
    "reading_the_china_dream_en_unofficial": "pages/*.md",
    "xi_thought_textbook_en_unofficial": "*.txt",
}


def per10k(n: int, words: int) -> str:
    return f"{10000 * n / words:.2f}" if words else "n/a"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path, help="folder holding the corpora (see SOURCES.md there)")
    ap.add_argument("--sample", type=int, default=20, help="findings to sample from the unofficial texts")
    ap.add_argument("--seed", type=int, default=4, help="random seed of the sample")
    ap.add_argument("--top", type=int, default=10, help="most frequent flagged forms to list")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        ap.error(f"{args.corpus}: not a folder")

    import glossary
    from glossary.check import Checker
    from glossary.io.parallel import read_parallel_tsv
    from glossary.io.textfile import read_text

    g = glossary.load()
    checker = Checker(g)
    print(f"glossary: {len(g)} terms")

    print("\n== Official English (parallel TSVs) ==")
    total = {"words": 0, "segments": 0}
    alone: Counter[str] = Counter()
    alone_sev: Counter[str] = Counter()
    paired: Counter[str] = Counter()
    flagged_alone: Counter[str] = Counter()
    flagged_missing: Counter[str] = Counter()
    flagged_incons: Counter[str] = Counter()
    print(f"{'file':48} {'words':>7} {'nonstd':>6} {'missing':>7} {'incons':>6}")
    for folder in OFFICIAL:
        for path in sorted((args.corpus / folder).glob("*.tsv")):
            segments = read_parallel_tsv(path)
            english = "\n".join(s.target for s in segments)
            r1 = checker.check_text(english, name=path.name)
            r2 = checker.check_segments(segments, target=path.name)
            total["words"] += r1.words
            total["segments"] += len(segments)
            for f in r1:
                alone[f.kind] += 1
                alone_sev[f.severity] += 1
                flagged_alone[f"{f.found.lower()} -> {f.expected} ({f.zh})"] += 1
            for f in r2:
                paired[f.kind] += 1
                if f.kind == "missing":
                    flagged_missing[f"{f.zh} ({f.expected})"] += 1
                elif f.kind == "inconsistent":
                    flagged_incons[f"{f.zh}: {f.found} vs {f.expected}"] += 1
            k2 = Counter(f.kind for f in r2)
            print(f"{folder[:20] + '/' + path.name[:27]:48} {r1.words:7d} {len(r1):6d} {k2['missing']:7d} {k2['inconsistent']:6d}")
    w = total["words"]
    print(f"total: {w} words, {total['segments']} segments")
    print(f"English alone, nonstandard findings (false alarms): {alone['nonstandard']} = {per10k(alone['nonstandard'], w)} per 10,000 words")
    for level in ("error", "warning", "info"):
        print(f"  of which {level}: {alone_sev[level]} = {per10k(alone_sev[level], w)} per 10,000 words")
    for kind in ("nonstandard", "missing", "inconsistent"):
        print(f"with the Chinese source, {kind}: {paired[kind]} = {per10k(paired[kind], w)} per 10,000 words")
    for title, counter in (
        ("flagged as nonstandard in official English", flagged_alone),
        ("reported missing in official English", flagged_missing),
        ("reported inconsistent in official English", flagged_incons),
    ):
        if counter:
            print(f"most frequent {title}:")
            for form, n in counter.most_common(args.top):
                print(f"  {n:4d}  {form}")

    print("\n== Unofficial English ==")
    rng = random.Random(args.seed)
    pool = []
    for folder, pattern in UNOFFICIAL.items():
        words = 0
        count = 0
        sev: Counter[str] = Counter()
        forms: Counter[str] = Counter()
        for path in sorted((args.corpus / folder).glob(pattern)):
            text = read_text(path).text
            r = checker.check_text(text, name=path.name)
            words += r.words
            count += len(r)
            lines = text.splitlines()
            for f in r:
                sev[f.severity] += 1
                forms[f"{f.found.lower()} -> {f.expected}"] += 1
                line = lines[f.line - 1]
                a = max(0, f.column - 1 - 60)
                ctx = line[a : f.column - 1 + len(f.found) + 60]
                pool.append((folder, path.name, f, ctx))
        print(f"{folder}: {words} words, {count} nonstandard findings = {per10k(count, words)} per 10,000 words "
              f"({sev['error']} errors = {per10k(sev['error'], words)}, {sev['info']} info = {per10k(sev['info'], words)})")
        for form, n in forms.most_common(args.top):
            print(f"  {n:4d}  {form}")
    print(f"\nrandom sample of {min(args.sample, len(pool))} findings (seed {args.seed}) to check by hand:")
    for i, (folder, name, f, ctx) in enumerate(rng.sample(pool, min(args.sample, len(pool))), start=1):
        print(f"{i:2d}. {folder.split('_')[0]}/{name}:{f.line}:{f.column} [{f.severity}] \"{f.found}\" -> \"{f.expected}\" ({f.zh})")
        print(f"    …{' '.join(ctx.split())}…")
    return 0


if __name__ == "__main__":
    sys.exit(main())
