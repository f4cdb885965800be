#!/usr/bin/env python3
"""Benchmark the quick path: `glossary lookup` from a cold process, and fuzzy `search`.

Not a test (timings never go in tests). Run it from the repository root after `pip install .`:

    python scripts/bench_lookup.py [--runs 10]

It prints the median wall time of a cold `glossary lookup` process for several query forms
(next to a bare `python -c pass` start-up for scale), which modules the lookup path imported,
and the mean time per fuzzy `search` query.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

QUERIES = ["two maintenance", "兩個維護", "liang3 ge4 wei2 hu4", "Two Upholds", "Maple Bridge experience"]
FUZZY = ["maple brige experiance", "fengqiao", "中国式现代", "two maintenence", "zhongyang", "whole process democracy",
         "新时代中国特色", "great country craftsman", "quanguo renda", "common prosperty"]


def cold(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
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
