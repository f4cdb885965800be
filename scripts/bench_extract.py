#!/usr/bin/env python
"""Benchmark ``glossary.extract`` against general keyword tools (not run in CI).

Prints, in one run:

1. Chinese: ``extract`` vs ``jieba.analyse.extract_tags`` (TF-IDF, top 50) on the same text
   (default: the cpcnews CSV files, ≈ 6 MB), each in a fresh child process so peak memory
   (``ru_maxrss``) is per tool; the time ratio; whether each top 50 holds multi-word
   formulations (两个维护, 四个意识, 习近平新时代中国特色社会主义思想).
2. Known-term scanning throughput in MB/s: ``TermMatcher.find_zh`` vs a plain pyahocorasick
   automaton over the same forms (``iter`` only, no selection).
3. English: ``extract`` vs YAKE on the seed, top 20 of each side by side, with timings.

Usage::

    python scripts/bench_extract.py [CSV_OR_TXT ...] [--seed seeds/000_5defafeaa1fe7f18.txt]
"""

from __future__ import annotations

import argparse
import csv
import glob
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "cpcnews_party_media_zh"
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


def child(tool: str, paths: list[str]) -> dict:
    """Run one tool in this process (called in a child) and report time, memory and top 50."""
    import resource

    sys.path.insert(0, str(ROOT))
    if tool == "jieba":
        import logging

        import jieba
        import jieba.analyse

        jieba.setLogLevel(logging.WARNING)
        text = corpus_text(paths)
        t0 = time.perf_counter()
        jieba.initialize()
        top = jieba.analyse.extract_tags(text, topK=50)
        seconds = time.perf_counter() - t0
    else:
        from glossary import load
        from glossary.extraction import ExtractOptions, extract

        g = load()
        t0 = time.perf_counter()
        df = extract([Path(p) for p in paths], "zh", glossary=g, column="body", options=ExtractOptions(top=50))
        seconds = time.perf_counter() - t0
        top = list(df["phrase"])
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"seconds": seconds, "peak_mb": max(rss, kids) / 1024, "top": top}


def run_child(tool: str, paths: list[str]) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", tool, *paths], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


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
        if fn is None:
            continue
        best = 1e9
        for _ in range(3):
            t0 = time.perf_counter()
            fn()
            best = min(best, time.perf_counter() - t0)
        out[name] = mb / best
    return mb, out


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        print(json.dumps(child(sys.argv[2], sys.argv[3:]), ensure_ascii=False))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="*", help="CSV (column body) or UTF-8 text files; default: the cpcnews CSVs")
    ap.add_argument("--seed", default=str(ROOT / "seeds" / "000_5defafeaa1fe7f18.txt"))
    args = ap.parse_args()
    paths = args.corpus or sorted(glob.glob(str(DEFAULT_CORPUS / "*.csv")))
    if not paths:
        print("no corpus files; pass paths", file=sys.stderr)
        return 2
    size = sum(os.path.getsize(p) for p in paths) / 1e6
    print(f"== Chinese corpus: {len(paths)} files, {size:.1f} MB, {os.cpu_count()} CPUs")
    j = run_child("jieba", paths)
    e = run_child("extract", paths)
    print(f"jieba.analyse.extract_tags top 50 : {j['seconds']:6.2f} s   peak {j['peak_mb']:7.0f} MB")
    print(f"glossary extract (top 50)         : {e['seconds']:6.2f} s   peak {e['peak_mb']:7.0f} MB")
    print(f"speed-up over jieba               : {j['seconds'] / e['seconds']:6.1f} x")
    for name, res in (("jieba", j), ("extract", e)):
        multi = [p for p in PROBES if p in res["top"]]
        longest = max((len(w) for w in res["top"]), default=0)
        print(f"{name:8} top 50: longest item {longest} chars; formulations present: {', '.join(multi) or 'none'}")
        print(f"         first 25: {' '.join(res['top'][:25])}")

    mb, rates = throughput(paths)
    print(f"\n== Known-term scanning ({mb:.1f} MB of text, best of 3)")
    for name, rate in rates.items():
        print(f"{name}: {rate:7.1f} MB/s")

    print(f"\n== English: seed {Path(args.seed).name}")
    sys.path.insert(0, str(ROOT))
    import yake

    from glossary import load
    from glossary.extraction import ExtractOptions, extract_text

    text = Path(args.seed).read_text(encoding="utf-8")
    g = load()
    t0 = time.perf_counter()
    ours_df = extract_text(text, "en", glossary=g, options=ExtractOptions(top=20))
    t_ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    kw = yake.KeywordExtractor(lan="en", n=4, top=20).extract_keywords(text)
    t_yake = time.perf_counter() - t0
    print(f"extract {t_ours:.2f} s, YAKE {t_yake:.2f} s")
    print(f"{'extract (phrase → standard English)':58}  YAKE")
    for i in range(20):
        left = ""
        if i < ours_df.height:
            r = ours_df.row(i, named=True)
            left = r["phrase"] + (f" → {r['standard']}" if r["nonstandard"] else "")
        right = kw[i][0] if i < len(kw) else ""
        print(f"{left[:58]:58}  {right}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
