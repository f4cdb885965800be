#!/usr/bin/env python
"""Benchmark ``glossary.trends`` (not run in CI): time and peak memory, each run in a fresh child.

Prints, per corpus: its size, the wall-clock and CPU seconds of the table (extract's discovery,
the counting pass), of the lists with their phrases described (what ``-f html`` and the text view
add), and the peak resident memory of the child and of its worker processes
(``resource.getrusage``). Runs are repeated (``--repeat``, median shown) because a shared
machine is noisy.

With ``--scale N`` the corpus is also copied N times into a temporary folder (copy k of
``1978.txt`` becomes ``k/1978.txt``: same dates, N times the text) to show that memory stays
bounded as the input grows: 32 copies of the 3.2 MB Government Work Reports make ~100 MB.

Usage::

    python scripts/bench_trends.py CORPUS_FOLDER [--terms 改革开放,小康社会] [--repeat 3] [--scale 32]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TERMS = "阶级斗争,改革开放,小康社会,高质量发展,新质生产力"


def child(folder: str, terms: str) -> dict:
    """One run in this process (called in a child): the table, then lists + descriptions."""
    import resource

    sys.path.insert(0, str(ROOT))
    from glossary import load
    from glossary.trending import describe, lists, trends

    g = load()
    t0, c0 = time.perf_counter(), time.process_time()
    table = trends(folder, terms.split(","), glossary=g, described=False)
    t1, c1 = time.perf_counter(), time.process_time()
    listed = describe(lists(table, None, n=10), g)
    t2, c2 = time.perf_counter(), time.process_time()
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "table_s": t1 - t0, "table_cpu": c1 - c0, "lists_s": t2 - t1, "lists_cpu": c2 - c1,
        "peak_mb": own, "workers_peak_mb": kids, "rows": table.height, "phrases": table.select("lang", "key").unique().height,
        "listed": listed.height, "periods": table["period"].n_unique(),
    }


def run_child(folder: str, terms: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", folder, terms], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def size_mb(folder: Path) -> float:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 1e6


def report(name: str, folder: Path, terms: str, repeat: int) -> None:
    runs = [run_child(str(folder), terms) for _ in range(repeat)]

    def med(k: str) -> float:
        return statistics.median(r[k] for r in runs)

    r = runs[0]
    print(f"== {name}: {size_mb(folder):.1f} MB, {r['periods']} periods, {r['phrases']} phrases, {r['rows']} table rows "
          f"(median of {repeat})")
    print(f"table (extract + counting pass) : {med('table_s'):6.2f} s wall  {med('table_cpu'):6.2f} s CPU")
    print(f"lists + describe (html/text)    : {med('lists_s'):6.2f} s wall  {med('lists_cpu'):6.2f} s CPU")
    print(f"total                           : {med('table_s') + med('lists_s'):6.2f} s wall")
    print(f"peak memory                     : {max(x['peak_mb'] for x in runs):6.0f} MB (workers {max(x['workers_peak_mb'] for x in runs):.0f} MB)")


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        print(json.dumps(child(sys.argv[2], sys.argv[3])))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", help="a folder of dated text files (e.g. the Government Work Reports, one YYYY.txt per year)")
    ap.add_argument("--terms", default=TERMS)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--scale", type=int, default=0, help="also run on N copies of the corpus (bounded memory)")
    args = ap.parse_args()
    folder = Path(args.corpus)
    report(folder.name, folder, args.terms, args.repeat)
    if args.scale:
        tmp = Path(tempfile.mkdtemp(prefix="bench-trends-"))
        try:
            for k in range(args.scale):
                shutil.copytree(folder, tmp / f"copy{k:03d}")
            report(f"{folder.name} × {args.scale}", tmp, args.terms, 1)
        finally:
            shutil.rmtree(tmp)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
