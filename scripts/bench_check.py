#!/usr/bin/env python3
"""Time ``glossary check`` on the official English of a parallel corpus, English alone.

Usage: python scripts/bench_check.py CORPUS_DIR [--tree DIR ...] [--runs 3] [--mode warm|edited|cold ...]

The English of every TSV in CORPUS_DIR/chinadaily_bilingual_gwr_speeches_zh_en/ (Government
Work Reports 2016–2022 and speeches, about 145,000 words) is checked as one text, in a fresh
process per run (load, building the checker, the check; the CC-CEDICT scan of the literal
recogniser included), and the median of the runs is printed. ``--tree`` runs the same in
another source tree of the project (an older commit extracted with ``git archive``), so that
two versions are timed side by side on the same machine, as a ratio.

The runs use the user cache folder (``$GLOSSARY_CACHE_DIR`` …), in one or more modes (``--mode``,
each timed in every round, in this order):

* ``cold``: what check keeps there about the glossary (the literal recogniser's profiles, the
  senses behind ambiguous forms) is deleted before every run, as after an upgrade of the code;
  the dictionaries (compact CC-CEDICT, jieba) stay. ``--cold`` is ``--mode cold``.
* ``warm`` (the default): the glossary's files in place, made by an untimed run of each tree
  first.
* ``edited``: the first check after an edit of one term: before every run a user overlay
  (``GLOSSARY_USER``, a temporary file) gives 两个维护 another alternative English, a new one
  each round, so the glossary differs by one term from the one the cache was written for.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
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
MODES = ("cold", "warm", "edited")
#: the term the edited mode changes (a machine-prone formula that is a part of no other term)
EDITED = "两个维护"


def run(tree: Path, corpus: Path, cold: Path | None = None, user: Path | None = None) -> tuple[float, float, int, int]:
    """One fresh process checking the corpus in *tree*; *cold*: the cache folder to clear first;
    *user*: a user overlay to check with."""
    if cold is not None:
        for pattern in GLOSSARY_CACHES:
            for old in cold.glob(pattern):
                old.unlink(missing_ok=True)
    env = dict(os.environ, PYTHONPATH=str(tree))
    env.pop("GLOSSARY_USER", None)
    if user is not None:
        env["GLOSSARY_USER"] = str(user)
    out = subprocess.run([sys.executable, "-c", _CHILD, str(corpus), str(tree)], env=env, cwd=tree, capture_output=True, text=True,
                         check=True)
    total, check, words, findings = out.stdout.split()
    return float(total), float(check), int(words), int(findings)


def overlay(here: Path, folder: Path, round_: int) -> Path:
    """A user overlay (in *folder*) holding the shipped row of :data:`EDITED` with one more
    alternative English, another for each round."""
    for table in sorted((here / "data" / "terms").glob("*.tsv")):
        lines = table.read_text(encoding="utf-8").splitlines()
        header = lines[0].split("\t")
        zh, alt = header.index("zh_hans"), header.index("en_alt")
        for line in lines[1:]:
            cells = line.split("\t")
            if cells[zh] == EDITED:
                cells[alt] = "|".join(x for x in (cells[alt], f"edited form number {round_}") if x)
                path = folder / f"user-{round_}.tsv"
                path.write_text(lines[0] + "\n" + "\t".join(cells) + "\n", encoding="utf-8")
                return path
    raise SystemExit(f"{EDITED} is not in the shipped terms")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--tree", type=Path, action="append", default=[], help="another source tree to time")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--mode", choices=MODES, action="append", default=[],
                    help="warm (default), edited (one term changed in a user overlay), cold (cache files deleted)")
    ap.add_argument("--cold", action="store_true", help="the same as --mode cold")
    args = ap.parse_args(argv)
    here = Path(__file__).resolve().parent.parent
    trees = [here, *args.tree]
    wanted = set(args.mode) | ({"cold"} if args.cold else set())
    modes = [m for m in MODES if m in (wanted or {"warm"})]
    sys.path.insert(0, str(here))
    from glossary import cache

    folder = cache.folder()
    results: dict[tuple[str, Path], list[tuple[float, float, int, int]]] = {(m, t): [] for m in modes for t in trees}
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(args.runs):  # interleaved, so load on the machine hits every tree alike
            for mode in modes:
                if mode == "warm":  # the glossary's files of every tree (a cold run of one deletes all)
                    for t in trees:
                        run(t, args.corpus)
                user = overlay(here, Path(tmp), k) if mode == "edited" else None
                for t in trees:
                    results[mode, t].append(run(t, args.corpus, folder if mode == "cold" else None, user))
    for mode in modes:
        base = statistics.median(r[0] for r in results[mode, here])
        for t in trees:
            rs = results[mode, t]
            total = statistics.median(r[0] for r in rs)
            check = statistics.median(r[1] for r in rs)
            print(f"{mode:6} {str(t):50} {rs[0][2]:7d} words  {rs[0][3]:4d} findings  process {total:6.2f} s  "
                  f"check {check:6.2f} s  ({total / base:.2f}× this tree)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
