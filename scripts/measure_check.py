#!/usr/bin/env python3
"""Measure ``glossary check`` on real text: false alarms on official English, findings on
unofficial English.

Usage: python scripts/measure_check.py CORPUS_DIR [--sample N] [--seed S]

CORPUS_DIR is the folder holding the corpora described in its SOURCES.md:

* official parallel TSVs (id, zh, en): chinadaily_bilingual_gwr_speeches_zh_en/,
  prc_constitution_zh_en/, cpc_constitution_2017_zh_en/. The English there is the official
  translation, so every ``nonstandard`` finding on it is a false alarm (or a glossary entry that
  lists an official form as non-standard). The official English also writes the official
  capitalisation, so every ``capitalisation`` finding on it is a false alarm too (or a glossary
  form capitalised differently from the official usage). Checked twice: English alone
  (nonstandard and capitalisation), and against the Chinese (adds ``missing`` and
  ``inconsistent``, which on official text measure how often legitimate paraphrase trips the
  check). Capitalisation is also measured with ``raised_capitals=True`` (capitals on words the
  glossary writes lowercase), reported as "raised".
* unofficial English: reading_the_china_dream_en_unofficial/pages/*.md and
  xi_thought_textbook_en_unofficial/*.txt, and the project's seed text (an English machine
  translation). Findings per 10,000 words of each kind, and a reproducible random sample of
  findings of each kind with context, for checking by hand (``--literal-sample`` for the
  probable machine renderings, ``literal``).

On the official English every finding but ``outdated`` (earlier official renderings, right in
the texts of their years) is a false alarm by definition: the script prints their sum per
10,000 words, English alone and with the Chinese.

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
    ap.add_argument("--literal-sample", type=int, default=50, help="probable machine renderings to sample")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        ap.error(f"{args.corpus}: not a folder")

    import glossary
    from glossary.checking import Checker, CheckOptions
    from glossary.io.parallel import read_parallel_tsv
    from glossary.io.textfile import read_text

    g = glossary.load()
    checker = Checker(g)
    # only the extra findings that raised capitals add, for measuring that direction on its own
    raised = Checker(g, CheckOptions(kinds=["capitalisation"], raised_capitals=True))

    def raised_only(report, plain):
        seen = {(f.line, f.column, f.term_id) for f in plain if f.kind == "capitalisation"}
        return [f for f in report if (f.line, f.column, f.term_id) not in seen]

    print(f"glossary: {len(g)} terms")

    print("\n== Official English (parallel TSVs) ==")
    total = {"words": 0, "segments": 0}
    alone: Counter[str] = Counter()
    alone_sev: Counter[str] = Counter()
    paired: Counter[str] = Counter()
    flagged_alone: Counter[str] = Counter()
    flagged_missing: Counter[str] = Counter()
    flagged_incons: Counter[str] = Counter()
    flagged_case: Counter[str] = Counter()
    flagged_raised: Counter[str] = Counter()
    flagged_literal: Counter[str] = Counter()
    n_raised = 0
    paired_sev: Counter[tuple[str, str]] = Counter()
    # false alarms per half of the Government Work Reports: the literal rules and the official
    # renderings added as alternatives were worked out on all years, so both halves are shown
    halves: dict[str, Counter[str]] = {"GWR 2016-2018": Counter(), "GWR 2019-2022": Counter()}
    print(f"{'file':48} {'words':>7} {'nonstd':>6} {'capital':>7} {'raised':>6} {'missing':>7} {'incons':>6} "
          f"{'literal':>7} {'lit+zh':>6}")
    for folder in OFFICIAL:
        for path in sorted((args.corpus / folder).glob("*.tsv")):
            segments = read_parallel_tsv(path)
            english = "\n".join(s.target for s in segments)
            r1 = checker.check_text(english, name=path.name)
            r2 = checker.check_segments(segments, target=path.name)
            r3 = raised_only(raised.check_text(english, name=path.name), r1)
            n_raised += len(r3)
            total["words"] += r1.words
            total["segments"] += len(segments)
            for f in r1:
                alone[f.kind] += 1
                if f.kind == "capitalisation":
                    flagged_case[f"{f.found} -> {f.expected} ({f.zh})"] += 1
                    continue
                if f.kind == "outdated":
                    continue
                if f.kind == "literal":
                    flagged_literal[f"{f.found.lower()} -> {f.expected} ({f.zh})"] += 1
                    continue
                alone_sev[f.severity] += 1
                flagged_alone[f"{f.found.lower()} -> {f.expected} ({f.zh})"] += 1
            for f in r3:
                flagged_raised[f"{f.found} -> {f.expected} ({f.zh})"] += 1
            year = int(path.name[16:20]) if path.name.startswith("gov_work_report_") else 0
            half = "GWR 2016-2018" if 2016 <= year <= 2018 else "GWR 2019-2022" if year >= 2019 else None
            if half:
                halves[half]["words"] += r1.words
                halves[half]["alone"] += sum(1 for f in r1 if f.kind != "outdated")
                halves[half]["literal"] += sum(1 for f in r1 if f.kind == "literal")
                halves[half]["paired"] += sum(1 for f in r2 if f.kind != "outdated")
                halves[half]["paired_shown"] += sum(1 for f in r2 if f.kind != "outdated" and f.severity != "info")
            for f in r2:
                paired[f.kind] += 1
                paired_sev[(f.kind, f.severity)] += 1
                if f.kind == "missing":
                    flagged_missing[f"{f.zh} ({f.expected}) [{f.severity}]"] += 1
                elif f.kind == "inconsistent":
                    flagged_incons[f"{f.zh}: {f.found} vs {f.expected}"] += 1
            k1, k2 = Counter(f.kind for f in r1), Counter(f.kind for f in r2)
            print(f"{folder[:20] + '/' + path.name[:27]:48} {r1.words:7d} {k1['nonstandard']:6d} {k1['capitalisation']:7d} "
                  f"{len(r3):6d} {k2['missing']:7d} {k2['inconsistent']:6d} {k1['literal']:7d} {k2['literal']:6d}")
    w = total["words"]
    print(f"total: {w} words, {total['segments']} segments")
    print(f"English alone, nonstandard findings (false alarms): {alone['nonstandard']} = {per10k(alone['nonstandard'], w)} per 10,000 words")
    for level in ("error", "warning", "info"):
        print(f"  of which {level}: {alone_sev[level]} = {per10k(alone_sev[level], w)} per 10,000 words")
    print(f"English alone, capitalisation findings (false alarms): {alone['capitalisation']} = "
          f"{per10k(alone['capitalisation'], w)} per 10,000 words")
    print(f"  raised capitals, if they were reported too: {n_raised} more = {per10k(n_raised, w)} per 10,000 words")
    print(f"English alone, outdated (earlier official renderings, expected in texts of their years): "
          f"{alone['outdated']} = {per10k(alone['outdated'], w)} per 10,000 words")
    print(f"English alone, literal (probable machine renderings; false alarms): {alone['literal']} = "
          f"{per10k(alone['literal'], w)} per 10,000 words")
    for kind in ("nonstandard", "outdated", "capitalisation", "literal", "missing", "inconsistent"):
        levels = ", ".join(f"{lv} {paired_sev[(kind, lv)]}" for lv in ("error", "warning", "info") if paired_sev[(kind, lv)])
        print(f"with the Chinese source, {kind}: {paired[kind]} = {per10k(paired[kind], w)} per 10,000 words ({levels or 'none'})")
    false_alone = sum(n for k, n in alone.items() if k != "outdated")
    false_paired = sum(n for k, n in paired.items() if k != "outdated")
    false_warn = sum(n for k, n in paired.items() if k not in ("outdated", "inconsistent"))
    print(f"ALL kinds but outdated, false alarms: English alone {false_alone} = {per10k(false_alone, w)}; "
          f"with the Chinese {false_paired} = {per10k(false_paired, w)} per 10,000 words "
          f"({false_warn} = {per10k(false_warn, w)} without the info-level inconsistent)")
    shown = sum(n for (k, lv), n in paired_sev.items() if k != "outdated" and lv != "info")
    print(f"  with the Chinese, warnings and errors only (info left aside): {shown} = {per10k(shown, w)} per 10,000 words")
    whole = halves["GWR 2016-2018"] + halves["GWR 2019-2022"]
    print(f"GWR 2016-2022, held out from the keep rates (scripts/learn_keep_rates.py): {whole['words']} words; with the "
          f"Chinese {whole['paired']} = {per10k(whole['paired'], whole['words'])}, of which warnings and errors "
          f"{whole['paired_shown']} = {per10k(whole['paired_shown'], whole['words'])} per 10,000 words")
    for half, c in halves.items():
        print(f"{half}: {c['words']} words; all kinds but outdated, English alone {c['alone']} = {per10k(c['alone'], c['words'])} "
              f"(literal {c['literal']} = {per10k(c['literal'], c['words'])}); with the Chinese {c['paired']} = "
              f"{per10k(c['paired'], c['words'])}, of which warnings and errors {c['paired_shown']} = "
              f"{per10k(c['paired_shown'], c['words'])} per 10,000 words")
    for title, counter in (
        ("flagged as nonstandard in official English", flagged_alone),
        ("probable machine renderings in official English", flagged_literal),
        ("flagged for capitalisation in official English", flagged_case),
        ("raised capitals in official English", flagged_raised),
        ("reported missing in official English", flagged_missing),
        ("reported inconsistent in official English", flagged_incons),
    ):
        if counter:
            print(f"most frequent {title}:")
            for form, n in counter.most_common(args.top):
                print(f"  {n:4d}  {form}")

    print("\n== Unofficial English ==")
    pools: dict[str, list] = {"nonstandard": [], "outdated": [], "capitalisation": [], "raised": [], "literal": []}
    seed = Path(__file__).resolve().parent.parent / "seeds"
    for folder, pattern in {**UNOFFICIAL, "seed": "*.txt"}.items():
        words = 0
        kinds: Counter[str] = Counter()
        sev: Counter[str] = Counter()
        forms: dict[str, Counter[str]] = {k: Counter() for k in pools}
        base = seed if folder == "seed" else args.corpus / folder
        for path in sorted(base.glob(pattern)):
            text = read_text(path).text
            r = checker.check_text(text, name=path.name)
            extra = raised_only(raised.check_text(text, name=path.name), r)
            words += r.words
            lines = text.splitlines()
            for kind, f in [(f.kind, f) for f in r] + [("raised", f) for f in extra]:
                kinds[kind] += 1
                if kind == "nonstandard":
                    sev[f.severity] += 1
                forms[kind][f"{f.found.lower() if kind == 'nonstandard' else f.found} -> {f.expected}"] += 1
                line = lines[f.line - 1]
                a = max(0, f.column - 1 - 60)
                ctx = line[a : f.column - 1 + len(f.found) + 60]
                pools[kind].append((folder, path.name, f, ctx))
        n = kinds["nonstandard"]
        print(f"{folder}: {words} words, {n} nonstandard findings = {per10k(n, words)} per 10,000 words "
              f"({sev['error']} errors = {per10k(sev['error'], words)}, {sev['info']} info = {per10k(sev['info'], words)})")
        for form, k in forms["nonstandard"].most_common(args.top):
            print(f"  {k:4d}  {form}")
        print(f"{folder}: {kinds['outdated']} outdated findings = {per10k(kinds['outdated'], words)} per 10,000 words")
        for kind, title in (("capitalisation", "capitalisation findings"), ("raised", "raised capitals (not reported by default)"),
                            ("literal", "probable machine renderings")):
            print(f"{folder}: {kinds[kind]} {title} = {per10k(kinds[kind], words)} per 10,000 words")
            for form, k in forms[kind].most_common(args.top):
                print(f"  {k:4d}  {form}")
    for kind, pool in pools.items():
        rng = random.Random(args.seed)
        size = min(args.literal_sample if kind == "literal" else args.sample, len(pool))
        print(f"\nrandom sample of {size} {kind} findings (seed {args.seed}) to check by hand:")
        for i, (folder, name, f, ctx) in enumerate(rng.sample(pool, size), start=1):
            print(f"{i:2d}. {folder.split('_')[0]}/{name}:{f.line}:{f.column} [{f.severity}] \"{f.found}\" -> \"{f.expected}\" ({f.zh})")
            print(f"    …{' '.join(ctx.split())}…")
    return 0


if __name__ == "__main__":
    sys.exit(main())
