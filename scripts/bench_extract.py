#!/usr/bin/env python
"""Benchmark ``glossary.extract`` against general keyword tools (not run in CI).

Prints, in one run, side by side:

1. Chinese (default: the cpcnews CSV files, ≈ 6 MB): ``jieba.analyse.extract_tags`` (TF-IDF,
   top 50), ``extract --top 50`` and the full ``extract`` table, each a whole child process
   (imports, loading, reading, extracting), interleaved, median of ``--repeat`` runs; peak
   memory is the largest summed RSS of the child and its own children; the time ratios; whether
   each top 50 holds multi-word formulations (两个维护, 四个意识, 习近平新时代中国特色社会主义思想).
2. Known-term scanning throughput in MB/s: ``TermMatcher`` vs a plain pyahocorasick automaton
   over the same forms (``iter`` only, no selection).
3. English: ``extract`` vs YAKE on the seed, top 20 side by side; and seconds per MB of a
   one-line English file (the unofficial Xi Thought textbook repeated) against the Chinese
   corpus's full table.
4. Big files (``--big-mb``, e.g. 50): a one-line English file of that size (the textbook
   repeated) and a Chinese text file of the same size in bytes (the cpcnews bodies repeated),
   each extracted by a whole child process, interleaved, median of ``--big-repeat`` runs:
   seconds per MB (wall, and CPU: user + system time of the child and its own children, the
   steadier figure on a shared machine) and peak memory side by side (the goal of issue 13:
   English no slower per MB than Chinese, under 1 GB). ``--big-only`` runs just this part;
   ``--tree DIR`` (repeatable) runs the same two files, interleaved, with another source tree of
   the project (an older commit extracted with ``git archive``), for before/after ratios.
5. Scale (``--scale-mb``, e.g. 178): a corpus of cpcnews copies in a temporary folder, the full
   table with 1 worker, 2 workers, the default settings pinned to one core and on two (the
   speed-up from 1 to 2 cores that issue 15 asks for: one process already keeps more than one
   core busy, so workers alone do not show it) and the Dask engine (a local cluster of 2
   workers): time, peak memory of the whole process tree, and the speed-ups. ``--scale-default-mb``
   (e.g. 1000) runs the default settings once at that size: time and peak memory (issue 15 asks
   for at most 1.2 GB at 1 GB).

Usage::

    python scripts/bench_extract.py [CSV_OR_TXT ...] [--seed FILE] [--repeat 3] [--english-file TXT] [--big-mb 50 [--big-only] [--tree DIR ...]] [--scale-mb 178 ... [--scale-repeat 3]] [--scale-default-mb 1000]
"""

from __future__ import annotations

import argparse
import csv
import glob
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
DEFAULT_CORPUS = CORPORA / "cpcnews_party_media_zh"
ENGLISH_BOOK = CORPORA / "xi_thought_textbook_en_unofficial" / "xi_thought_intro_textbook_en.txt"
PROBES = ("两个维护", "四个意识", "四个自信", "习近平新时代中国特色社会主义思想", "以习近平同志为核心的党中央")


def corpus_text(paths: list[str]) -> str:
    csv.field_size_limit(2**31 - 1)
    parts = []
    for p in paths:
        if p.endswith(".csv"):
            with open(p, encoding="utf-8", newline="") as fh:
                parts += [r["body"] for r in csv.DictReader(fh)]
        else:
            parts.append(Path(p).read_text(encoding="utf-8"))
    return "\n".join(parts)


def child(job: dict) -> dict:
    """Run one job in this process (called in a child) and report its in-process time and top,
    and the CPU time of the whole process (and of the children it waited for)."""
    import resource

    sys.path.insert(0, job.get("tree") or str(ROOT))
    tool, paths = job["tool"], job["paths"]
    t0 = time.perf_counter()
    if tool == "jieba":
        import logging

        import jieba
        import jieba.analyse

        jieba.setLogLevel(logging.WARNING)
        text = corpus_text(paths)
        jieba.initialize()
        top = jieba.analyse.extract_tags(text, topK=50)
        rows = len(top)
    else:
        from glossary import load
        from glossary.extraction import ExtractOptions, extract

        g = load()
        options = ExtractOptions(top=job.get("top"), workers=job.get("workers"), engine=job.get("engine"))
        df = extract([Path(p) for p in paths], job.get("lang", "zh"), glossary=g, column=job.get("column"), options=options)
        top = list(df["phrase"][:50])
        rows = df.height
    cpu = sum(r.ru_utime + r.ru_stime for r in map(resource.getrusage, (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)))
    return {"inner": time.perf_counter() - t0, "top": top, "rows": rows, "cpu": cpu}


def _tree_rss(pid: int) -> int:
    import psutil

    try:
        p = psutil.Process(pid)
        procs = [p, *p.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for q in procs:
        try:
            total += q.memory_info().rss
        except psutil.Error:
            pass
    return total


def run_child(job: dict, cpus: set[int] | None = None) -> dict:
    """One job in a fresh process: wall time of the whole process, peak summed RSS of its tree.
    *cpus*: the cores the process and every process it starts may run on (Linux), else all."""
    t0 = time.perf_counter()
    pin = None if cpus is None else (lambda: os.sched_setaffinity(0, cpus))
    proc = subprocess.Popen([sys.executable, __file__, "--child", json.dumps(job)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, preexec_fn=pin)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            done.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    done.set()
    sampler.join()
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"child {job['tool']} failed:\n{err[-2000:]}")
    res = json.loads(out.strip().splitlines()[-1])
    res.update(wall=wall, peak_mb=peak / 1e6)
    return res


def interleaved(jobs: dict[str, dict], repeat: int) -> dict[str, dict]:
    """Each job *repeat* times, interleaved (a b c a b c …); the median wall time and its run."""
    runs: dict[str, list[dict]] = {k: [] for k in jobs}
    for _ in range(repeat):
        for name, job in jobs.items():
            runs[name].append(run_child(job))
    out = {}
    for name, rs in runs.items():
        med = statistics.median(r["wall"] for r in rs)
        best = min(rs, key=lambda r: abs(r["wall"] - med))
        out[name] = {**best, "wall": med, "inner": statistics.median(r["inner"] for r in rs),
                     "cpu": statistics.median(r["cpu"] for r in rs),
                     "peak_mb": max(r["peak_mb"] for r in rs), "walls": [r["wall"] for r in rs]}
    return out


def throughput(paths: list[str]) -> tuple[float, dict[str, float]]:
    """MB/s of: the matcher's scan (spans with character offsets, leftmost-longest), the full
    ``find_zh`` (plus a Hit object per occurrence), and plain pyahocorasick ``iter`` (raw
    overlapping end positions, no selection, no objects). Best of three."""
    sys.path.insert(0, str(ROOT))
    import ahocorasick

    from glossary import load
    from glossary.matcher import TermMatcher

    text = corpus_text(paths)
    mb = len(text.encode("utf-8")) / 1e6
    g = load()
    m = TermMatcher(g.terms)
    forms = {f for t in g.terms for f in (t.zh_hans, t.zh_hant) if len(f) >= 2}
    plain = ahocorasick.Automaton()
    for f in forms:
        plain.add_word(f, len(f))
    plain.make_automaton()
    runs = {
        "TermMatcher scan (spans, leftmost-longest)": lambda: m._auto.zh_spans(text, False),
        "TermMatcher.find_zh (spans + Hit objects) ": lambda: m.find_zh(text),
        "plain pyahocorasick iter                  ": lambda: sum(1 for _ in plain.iter(text)),
    }
    out = {}
    for name, fn in runs.items():
        best = 1e9
        for _ in range(3):
            t0 = time.perf_counter()
            fn()
            best = min(best, time.perf_counter() - t0)
        out[name] = mb / best
    return mb, out


def line(name: str, r: dict) -> str:
    walls = " ".join(f"{w:.1f}" for w in r.get("walls", [r["wall"]]))
    return (f"{name:34}: {r['wall']:7.2f} s whole process ({r['inner']:6.2f} s inside, {r['cpu']:6.2f} s CPU; runs {walls})"
            f"   peak {r['peak_mb']:6.0f} MB")


def chinese(paths: list[str], repeat: int) -> dict:
    size = sum(os.path.getsize(p) for p in paths) / 1e6
    print(f"== Chinese corpus: {len(paths)} files, {size:.1f} MB, {os.cpu_count()} CPUs, median of {repeat} interleaved runs")
    res = interleaved({
        "jieba": {"tool": "jieba", "paths": paths},
        "top50": {"tool": "extract", "paths": paths, "column": "body", "top": 50},
        "full": {"tool": "extract", "paths": paths, "column": "body"},
    }, repeat)
    j, e, f = res["jieba"], res["top50"], res["full"]
    print(line("jieba.analyse.extract_tags top 50", j))
    print(line("glossary extract --top 50", e))
    print(line(f"glossary extract, full ({f['rows']} rows)", f))
    print(f"speed-up over jieba: top 50 {j['wall'] / e['wall']:.1f} x (goal 3), full table {j['wall'] / f['wall']:.1f} x (goal 2)")
    for name, r in (("jieba", j), ("extract", e)):
        multi = [p for p in PROBES if p in r["top"]]
        longest = max((len(w) for w in r["top"]), default=0)
        print(f"{name:8} top 50: longest item {longest} chars; formulations present: {', '.join(multi) or 'none'}")
        print(f"         first 25: {' '.join(r['top'][:25])}")
    return {"size": size, "full": f}


def english(seed: str, zh: dict, english_mb: float, book_path: Path, tmp: Path) -> None:
    print(f"\n== English: seed {Path(seed).name}")
    sys.path.insert(0, str(ROOT))
    import yake

    from glossary import load
    from glossary.extraction import ExtractOptions, extract_text

    text = Path(seed).read_text(encoding="utf-8")
    g = load()
    t0 = time.perf_counter()
    ours_df = extract_text(text, "en", glossary=g, options=ExtractOptions(top=20))
    t_ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    kw = yake.KeywordExtractor(lan="en", n=4, top=20).extract_keywords(text)
    t_yake = time.perf_counter() - t0
    print(f"extract {t_ours:.2f} s, YAKE {t_yake:.2f} s ({t_yake / t_ours:.1f} x)")
    print(f"{'extract (phrase → standard English)':58}  YAKE")
    for i in range(20):
        left = ""
        if i < ours_df.height:
            r = ours_df.row(i, named=True)
            left = r["phrase"] + (f" → {r['standard']}" if r["nonstandard"] else "")
        right = kw[i][0] if i < len(kw) else ""
        print(f"{left[:58]:58}  {right}")
    if not book_path.exists() or english_mb <= 0:
        return
    book = " ".join(book_path.read_text(encoding="utf-8").split())
    one_line = tmp / "english_one_line.txt"
    copies = max(1, round(english_mb * 1e6 / len(book.encode("utf-8"))))
    one_line.write_text(" ".join([book] * copies), encoding="utf-8")
    mb = one_line.stat().st_size / 1e6
    r = run_child({"tool": "extract", "paths": [str(one_line)], "lang": "en"})
    per_en, per_zh = r["wall"] / mb, zh["full"]["wall"] / zh["size"]
    print(f"\nEnglish one line, {mb:.1f} MB ({copies} copies of the textbook), full table ({r['rows']} rows): "
          f"{r['wall']:.1f} s, peak {r['peak_mb']:.0f} MB")
    print(f"seconds per MB: English {per_en:.2f}, Chinese {per_zh:.2f} (English / Chinese {per_en / per_zh:.1f}, goal ≤ 1)")


def big_files(paths: list[str], book_path: Path, target_mb: float, repeat: int, tmp: Path,
              trees: list[Path] | None = None) -> None:
    """A one-line English file and a Chinese file of the same size, each extracted whole by a
    fresh process: seconds per MB and peak memory side by side; with *trees*, the same for each
    other source tree too, all interleaved."""
    book = " ".join(book_path.read_text(encoding="utf-8").split()).encode("utf-8")
    english_file = tmp / "big_english_one_line.txt"
    copies = max(1, round(target_mb * 1e6 / len(book)))
    with open(english_file, "wb") as fh:
        for k in range(copies):
            fh.write(book if k == 0 else b" " + book)
    size = english_file.stat().st_size
    chinese = corpus_text(paths).encode("utf-8")
    chinese_file = tmp / "big_chinese.txt"
    with open(chinese_file, "wb") as fh:
        while fh.tell() + len(chinese) + 1 <= size:
            fh.write(chinese + b"\n")
        fh.write(chinese[: size - fh.tell()].decode("utf-8", "ignore").encode("utf-8"))  # whole characters
    mb = {"English": size / 1e6, "Chinese": chinese_file.stat().st_size / 1e6}
    print(f"\n== Big files: English one line {mb['English']:.1f} MB ({copies} copies of the textbook), "
          f"Chinese {mb['Chinese']:.1f} MB (the corpus repeated); median of {repeat} interleaved runs")
    jobs = {}
    for tree in [None, *(trees or [])]:
        label = "" if tree is None else f" [{tree.name}]"
        for lang, name in (("en", "English"), ("zh", "Chinese")):
            path = english_file if lang == "en" else chinese_file
            jobs[name + label] = {"tool": "extract", "paths": [str(path)], "lang": lang, "tree": str(tree) if tree else None}
    res = interleaved(jobs, repeat)
    for name, r in res.items():
        of = mb[name.split(" ")[0]]
        print(line(f"{name} ({r['rows']} rows)", r) + f"   {r['wall'] / of:.2f} s/MB, CPU {r['cpu'] / of:.2f} s/MB")
    for tree in [None, *(trees or [])]:
        label = "" if tree is None else f" [{tree.name}]"
        per = {lang: res[lang + label]["wall"] / mb[lang] for lang in mb}
        cpu = {lang: res[lang + label]["cpu"] / mb[lang] for lang in mb}
        peak = max(res[lang + label]["peak_mb"] for lang in mb)
        print(f"seconds per MB{label or ' (this tree)'}: English {per['English']:.2f}, Chinese {per['Chinese']:.2f} "
              f"(English / Chinese {per['English'] / per['Chinese']:.2f}, goal ≤ 1); CPU English {cpu['English']:.2f}, "
              f"Chinese {cpu['Chinese']:.2f} ({cpu['English'] / cpu['Chinese']:.2f}); largest peak {peak:.0f} MB (goal < 1000)")


def scale(paths: list[str], target_mb: float, tmp: Path, repeat: int = 1, default_only: bool = False) -> None:
    folder = tmp / f"scale_{int(target_mb)}"
    folder.mkdir()
    size = 0
    copy = 0
    while size < target_mb * 1e6:
        for p in paths:
            dest = folder / f"{copy:04d}_{Path(p).name}"
            shutil.copyfile(p, dest)
            size += dest.stat().st_size
        copy += 1
    print(f"\n== Scale: {size / 1e6:.0f} MB ({copy} copies of the corpus), full table, one run each")
    base = {"tool": "extract", "paths": [str(folder)], "column": "body", "lang": "zh"}
    if default_only:  # the default settings once: time and peak memory at a size too big to run five ways
        r = run_child(base)
        print(line("default settings", r) + f"   {r['wall'] / (size / 1e6):.3f} s/MB (goal at 1 GB: peak ≤ 1200 MB)")
        shutil.rmtree(folder)
        return
    res = {}
    cores = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    runs: list[tuple[str, dict, set[int] | None]] = [
        ("1 worker", {"workers": 1}, None), ("2 workers", {"workers": 2}, None)]
    runs.append(("dask, local cluster of 2", {"engine": "dask", "workers": 2}, None))
    for name, extra, cpus in runs:
        if extra.get("engine") == "dask":
            try:
                import distributed  # noqa: F401
            except ImportError:
                print(f"{name:34}: skipped (pip install 'glossary[dask]')")
                continue
        res[name] = run_child({**base, **extra}, cpus)
        print(line(name, res[name]))
    if len(cores) >= 2:  # the default settings on one core and on two, interleaved: what a second core buys
        pair = {"default settings, pinned to 1 core": {cores[0]}, "default settings, 2 cores": set(cores[:2])}
        walls: dict[str, list[dict]] = {name: [] for name in pair}
        for _ in range(repeat):
            for name, cpus in pair.items():
                walls[name].append(run_child(base, cpus))
        for name, rs in walls.items():
            med = statistics.median(r["wall"] for r in rs)
            res[name] = {**min(rs, key=lambda r: abs(r["wall"] - med)), "wall": med, "walls": [r["wall"] for r in rs],
                         "peak_mb": max(r["peak_mb"] for r in rs)}
            print(line(name, res[name]))
    one, two = res["1 worker"], res["2 workers"]
    print(f"speed-up 1 → 2 workers: {one['wall'] / two['wall']:.2f} x; memory {one['peak_mb']:.0f} → {two['peak_mb']:.0f} MB")
    if "default settings, 2 cores" in res:
        c1, c2 = res["default settings, pinned to 1 core"], res["default settings, 2 cores"]
        print(f"speed-up 1 → 2 cores (default settings): {c1['wall'] / c2['wall']:.2f} x (goal 1.6); "
              f"memory {c1['peak_mb']:.0f} → {c2['peak_mb']:.0f} MB")
    if "dask, local cluster of 2" in res:
        d = res["dask, local cluster of 2"]
        print(f"dask engine vs local 2 workers: {two['wall'] / d['wall']:.2f} x the speed; same rows: {d['rows'] == two['rows']}")
    shutil.rmtree(folder)


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        print(json.dumps(child(json.loads(sys.argv[2])), ensure_ascii=False))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="*", help="CSV (column body) or UTF-8 text files; default: the cpcnews CSVs")
    ap.add_argument("--seed", default=str(ROOT / "seeds" / "000_5defafeaa1fe7f18.txt"))
    ap.add_argument("--repeat", type=int, default=3, help="interleaved runs per Chinese job (median)")
    ap.add_argument("--english-mb", type=float, default=6.0, help="size of the one-line English file (0: skip)")
    ap.add_argument("--english-file", default=str(ENGLISH_BOOK), help="English text repeated into that file")
    ap.add_argument("--big-mb", type=float, default=0.0, help="size of the big English and Chinese files (0: skip)")
    ap.add_argument("--big-repeat", type=int, default=1, help="interleaved runs per big file (median)")
    ap.add_argument("--big-only", action="store_true", help="run only the big-file comparison")
    ap.add_argument("--tree", type=Path, action="append", default=[],
                    help="another source tree of the project for the big-file comparison (repeatable)")
    ap.add_argument("--scale-mb", type=float, action="append", default=[], help="corpus size for the scale runs (repeatable)")
    ap.add_argument("--scale-repeat", type=int, default=1,
                    help="interleaved runs of the one-core and two-core pair at each scale size (median)")
    ap.add_argument("--scale-default-mb", type=float, action="append", default=[],
                    help="corpus size for one run of the default settings only: time and peak memory (repeatable; e.g. 1000)")
    args = ap.parse_args()
    paths = args.corpus or sorted(glob.glob(str(DEFAULT_CORPUS / "*.csv")))
    if not paths:
        print("no corpus files; pass paths", file=sys.stderr)
        return 2
    if args.big_only:
        with tempfile.TemporaryDirectory(prefix="bench_extract_") as tmp:
            big_files(paths, Path(args.english_file), args.big_mb or 50.0, args.big_repeat, Path(tmp), args.tree)
        return 0
    zh = chinese(paths, args.repeat)
    mb, rates = throughput(paths)
    print(f"\n== Known-term scanning ({mb:.1f} MB of text, best of 3)")
    for name, rate in rates.items():
        print(f"{name}: {rate:7.1f} MB/s")
    with tempfile.TemporaryDirectory(prefix="bench_extract_") as tmp:
        english(args.seed, zh, args.english_mb, Path(args.english_file), Path(tmp))
        if args.big_mb > 0:
            big_files(paths, Path(args.english_file), args.big_mb, args.big_repeat, Path(tmp), args.tree)
        for target in args.scale_mb:
            scale(paths, target, Path(tmp), args.scale_repeat)
        for target in args.scale_default_mb:
            scale(paths, target, Path(tmp), default_only=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
