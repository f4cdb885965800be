#!/usr/bin/env python
"""Benchmark ``glossary align`` on a growing translation memory (not run in CI).

The memory is built from zh/en TSV files (default: the 2016–2022 government work reports of the
China Daily bilingual corpus) repeated ×1, ×8 and ×50 — about 1, 8 and 50 MB of TSV — in a
temporary folder outside the project. Each size is aligned in a fresh child process, which
reports its wall time, its CPU time and its peak memory (``resource.getrusage``: ``ru_maxrss``),
so one run's memory never hides another's. Printed: one line per size, then the growth of each
figure per unit of input against the smallest size (1.0 = linear).

CPU time is the steadier figure on a shared machine; wall time is what a user waits.

Usage::

    python scripts/bench_align.py [TSV ...] [--times 1 8 50] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: the shared corpora folder next to the checkout (or next to a folder of worktrees)
DEFAULT_CORPUS = next((p / "shared" / "corpora" / "chinadaily_bilingual_gwr_speeches_zh_en" for p in ROOT.parents
                       if (p / "shared" / "corpora").is_dir()), ROOT)


def build(files: list[Path], times: int, out: Path) -> int:
    """Write the rows of *files* repeated *times* as one TSV (fresh ids); returns its size in bytes."""
    rows: list[str] = []
    for f in files:
        lines = f.read_text(encoding="utf-8").splitlines()
        head = lines[0].split("\t")
        zh, en = head.index("zh"), head.index("en")
        for line in lines[1:]:
            cells = line.split("\t")
            if len(cells) > max(zh, en):
                rows.append(f"{cells[zh]}\t{cells[en]}")
    with out.open("w", encoding="utf-8") as fh:
        fh.write("id\tzh\ten\n")
        n = 0
        for _ in range(times):
            for r in rows:
                n += 1
                fh.write(f"{n}\t{r}\n")
    return out.stat().st_size


def child(path: str) -> None:
    """Align *path* in this process and print the figures as JSON (called in a child)."""
    import resource

    sys.path.insert(0, str(ROOT))
    from glossary.alignment import align

    t0, c0 = time.perf_counter(), time.process_time()
    df = align(path)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kB on Linux
    print(json.dumps({"wall": wall, "cpu": cpu, "peak": peak, "rows": len(df), "phrases": df["zh"].n_unique()}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("tsv", nargs="*", help="zh/en TSV files (default: GWR 2016-2022)")
    ap.add_argument("--times", type=int, nargs="+", default=[1, 8, 50], help="repetitions of the text")
    ap.add_argument("--keep", metavar="DIR", help="build the memories in DIR and keep them")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child)
        return
    files = [Path(p) for p in args.tsv] or sorted(DEFAULT_CORPUS.glob("gov_work_report_20*_zh_en.tsv"))
    if not files:
        sys.exit("bench_align: no TSV files given and the default corpus is missing")
    with tempfile.TemporaryDirectory(prefix="bench_align_") as tmp:
        folder = Path(args.keep or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        results = []
        print(f"{'size':>5} {'TSV MB':>7} {'wall s':>8} {'CPU s':>8} {'peak MB':>8} {'rows':>6}")
        for times in sorted(args.times):
            path = folder / f"memory_x{times}.tsv"
            size = build(files, times, path)
            out = subprocess.run([sys.executable, __file__, "--child", str(path)], capture_output=True, text=True)
            if out.returncode:
                sys.exit(f"bench_align: ×{times} failed:\n{out.stderr[-2000:]}")
            r = json.loads(out.stdout.strip().splitlines()[-1])
            results.append((times, size, r))
            print(f"×{times:<4} {size / 1e6:7.1f} {r['wall']:8.1f} {r['cpu']:8.1f} {r['peak'] / 1e6:8.0f} {r['rows']:6d}",
                  flush=True)
        t1, s1, r1 = results[0]
        print(f"growth per unit of input against ×{t1} (1.0 = linear):")
        for times, size, r in results[1:]:
            k = size / s1
            print(f"  ×{times}: input {k:.1f}×, wall {r['wall'] / r1['wall']:.1f}× ({r['wall'] / r1['wall'] / k:.2f}), "
                  f"CPU {r['cpu'] / r1['cpu']:.1f}× ({r['cpu'] / r1['cpu'] / k:.2f}), "
                  f"peak memory {r['peak'] / r1['peak']:.1f}× ({r['peak'] / r1['peak'] / k:.2f})")


if __name__ == "__main__":
    main()
