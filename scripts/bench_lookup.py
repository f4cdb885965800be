#!/usr/bin/env python3
"""Benchmark the quick path: `glossary lookup` from a cold process, and fuzzy `search`.

Not a test (timings never go in tests). Run it from the repository root after `pip install .`:

    python scripts/bench_lookup.py [--runs 10]

It prints the median wall time of a cold `glossary lookup` process for several query forms
(next to a bare `python -c pass` start-up for scale), which modules the lookup path imported,
and the mean time per fuzzy `search` query. Queries no form matches exactly fall back to the
literal recogniser: they are timed with its profiles in the user cache folder (warm, every run
after the first) and without them (deleted before each run, as after an edit of the glossary).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

QUERIES = ["two maintenance", "兩個維護", "liang3 ge4 wei2 hu4", "Two Upholds", "Maple Bridge experience"]
#: machine renderings no glossary form matches: lookup falls back to the literal recogniser
FALLBACK = ["community of human destiny", "two safeguarding"]
FUZZY = ["maple brige experiance", "fengqiao", "中国式现代", "two maintenence", "zhongyang", "whole process democracy",
         "新时代中国特色", "great country craftsman", "quanguo renda", "common prosperty"]


def cold(cmd: list[str], runs: int, before: Callable[[], None] | None = None) -> float:
    times = []
    for _ in range(runs):
        if before is not None:
            before()
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=10)
    args = ap.parse_args()

    base = cold([sys.executable, "-c", "pass"], args.runs)
    print(f"python start-up (python -c pass): {base * 1000:7.1f} ms median of {args.runs}")
    worst = 0.0
    for q in QUERIES:
        t = cold([sys.executable, "-m", "glossary", "lookup", *q.split(" ")], args.runs)
        worst = max(worst, t)
        print(f"cold `glossary lookup {q}`: {t * 1000:7.1f} ms")
    print(f"worst cold lookup: {worst * 1000:.1f} ms (target < 300 ms)")

    from glossary import cache

    def drop_profiles() -> None:
        for old in cache.folder().glob("profiles-*"):
            old.unlink(missing_ok=True)

    for q in FALLBACK:
        cmd = [sys.executable, "-m", "glossary", "lookup", *q.split(" ")]
        cold(cmd, 1)  # the profiles of all terms into the cache folder
        warm = cold(cmd, args.runs)
        built = cold(cmd, max(3, args.runs // 3), drop_profiles)
        print(f"cold `glossary lookup {q}` (literal fallback): {warm * 1000:7.1f} ms, "
              f"{built * 1000:7.1f} ms without the profiles in the cache folder")

    probe = (
        "import sys, glossary; g = glossary.load(); g.lookup('two maintenance');"
        "heavy = [m for m in ('polars', 'pypinyin', 'opencc', 'jieba', 'rapidfuzz', 'ahocorasick') if m in sys.modules];"
        "print(','.join(heavy) or 'none')"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True).stdout.strip()
    print(f"heavy modules imported by an exact lookup: {out}")

    import glossary

    g = glossary.load()
    g.search("warm up")  # builds the choice list and imports rapidfuzz once
    n = 0
    t0 = time.perf_counter()
    for _ in range(20):
        for q in FUZZY:
            g.search(q)
            n += 1
    per = (time.perf_counter() - t0) / n
    print(f"fuzzy search: {per * 1000:.2f} ms per query over {n} queries, {len(g)} terms (target < 5 ms)")


if __name__ == "__main__":
    main()
