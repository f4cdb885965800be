#!/usr/bin/env python3
"""Time ``glossary check`` on the official English of a parallel corpus, English alone.

Usage: python scripts/bench_check.py CORPUS_DIR [--tree DIR ...] [--runs 3] [--cold]

The English of every TSV in CORPUS_DIR/chinadaily_bilingual_gwr_speeches_zh_en/ (Government
Work Reports 2016–2022 and speeches, about 145,000 words) is checked as one text, in a fresh
process per run (load, building the checker, the check; the CC-CEDICT scan of the literal
recogniser included), and the median of the runs is printed. ``--tree`` runs the same in
another source tree of the project (an older commit extracted with ``git archive``), so that
two versions are timed side by side on the same machine, as a ratio.

The runs use the user cache folder (``$GLOSSARY_CACHE_DIR`` …) as it is: warm after the first
run. ``--cold`` deletes, before every run, what check keeps there about the glossary (the literal
recogniser's profiles, the senses behind ambiguous forms), as after an edit of the term table;
the dictionaries (compact CC-CEDICT, jieba) stay.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

_CHILD = """
import sys, time
from pathlib import Path
# an editable install's import hook would shadow the tree given on PYTHONPATH
sys.meta_path = [f for f in sys.meta_path if "editable" not in type(f).__module__.lower()]
t0 = time.perf_counter()
import glossary
assert glossary.__file__.startswith(sys.argv[2]), glossary.__file__
from glossary.io.parallel import read_parallel_tsv
folder = Path(sys.argv[1]) / "chinadaily_bilingual_gwr_speeches_zh_en"
english = "\\n".join(s.target for p in sorted(folder.glob("*.tsv")) for s in read_parallel_tsv(p))
t1 = time.perf_counter()
report = glossary.check_text(english)
t2 = time.perf_counter()
print(f"{t2 - t0:.3f} {t2 - t1:.3f} {report.words} {len(report)}")
"""


#: the cache files check builds from the glossary (see --cold)
GLOSSARY_CACHES = ("profiles-*", "ambiguous-senses-*")


def run(tree: Path, corpus: Path, cold: Path | None = None) -> tuple[float, float, int, int]:
    """One fresh process checking the corpus in *tree*; *cold*: the cache folder to clear first."""
    if cold is not None:
        for pattern in GLOSSARY_CACHES:
            for old in cold.glob(pattern):
                old.unlink(missing_ok=True)
    env = dict(os.environ, PYTHONPATH=str(tree))
    out = subprocess.run([sys.executable, "-c", _CHILD, str(corpus), str(tree)], env=env, cwd=tree, capture_output=True, text=True,
                         check=True)
    total, check, words, findings = out.stdout.split()
    return float(total), float(check), int(words), int(findings)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--tree", type=Path, action="append", default=[], help="another source tree to time")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--cold", action="store_true", help="delete the glossary's cache files before every run")
    args = ap.parse_args(argv)
    here = Path(__file__).resolve().parent.parent
    trees = [here, *args.tree]
    cold = None
    if args.cold:
        sys.path.insert(0, str(here))
        from glossary import cache

        cold = cache.folder()
    results: dict[Path, list[tuple[float, float, int, int]]] = {t: [] for t in trees}
    for _ in range(args.runs):  # interleaved, so load on the machine hits every tree alike
        for t in trees:
            results[t].append(run(t, args.corpus, cold))
    base = statistics.median(r[0] for r in results[here])
    for t in trees:
        rs = results[t]
        total = statistics.median(r[0] for r in rs)
        check = statistics.median(r[1] for r in rs)
        print(f"{str(t):50} {rs[0][2]:7d} words  {rs[0][3]:4d} findings  process {total:6.2f} s  "
              f"check {check:6.2f} s  ({total / base:.2f}× this tree)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
