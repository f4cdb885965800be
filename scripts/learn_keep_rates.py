#!/usr/bin/env python3
"""Learn how often official English keeps each term's listed rendering: ``data/keep_rates.tsv``.

Usage: python scripts/learn_keep_rates.py CORPUS_DIR [-o data/keep_rates.tsv] [--held-out 2016-2022]

For every aligned segment of the official parallel texts in CORPUS_DIR (see its SOURCES.md) and
every term ``missing`` asks about (formulation-like terms, :mod:`glossary.scope`) found in its
Chinese, the segment counts as *seen*, and as *kept* when its English holds a standard or accepted
rendering of the term (exactly or loosely, the test ``missing`` uses) or a flagged one. The
table lists per term: seen, kept, and the segments (document#id) as locators.
``glossary.checking.evidence`` reads it: ``missing`` is a warning only for terms kept at least
twice and in 80 % of their occurrences.

The Government Work Reports of the held-out years (default 2016–2022) are NOT read: they are the
text ``scripts/measure_check.py`` measures false alarms on, so the rule is evaluated on text it
was not learnt from. Read: the other documents of chinadaily_bilingual_gwr_speeches_zh_en (New
Year addresses, the SCIO report, any other year's report), both constitutions, the Xuexi Qiangguo
paragraph pairs and the MFA spokesperson sentences.

Only counts and segment ids are written; no text of the corpora.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

TRAINING = (
    "prc_constitution_zh_en/*.tsv",
    "cpc_constitution_2017_zh_en/*.tsv",
    "xuexi_qiangguo_daily_zh_en/paragraph_pairs_zh_en.tsv",
    "mfa_spokesperson_phrases_2021_zh_en/sentences.tsv",
)
SPEECHES = "chinadaily_bilingual_gwr_speeches_zh_en"


def held_out(name: str, first: int, last: int) -> bool:
    """Whether *name* is a Government Work Report of a held-out year."""
    if not name.startswith("gov_work_report_"):
        return False
    year = name[len("gov_work_report_"):][:4]
    return year.isdigit() and first <= int(year) <= last


def training_files(corpus: Path, first: int, last: int) -> list[Path]:
    files = [p for p in sorted((corpus / SPEECHES).glob("*.tsv")) if not held_out(p.name, first, last)]
    for pattern in TRAINING:
        files += sorted(corpus.glob(pattern))
    return files


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path, help="folder holding the corpora (see SOURCES.md there)")
    ap.add_argument("-o", "--output", type=Path, help="where to write the table (default: standard output)")
    ap.add_argument("--held-out", default="2016-2022", help="years of Government Work Reports not to learn from")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        ap.error(f"{args.corpus}: not a folder")
    first, _, last = args.held_out.partition("-")
    lo, hi = int(first), int(last or first)

    import glossary
    from glossary.checking import Checker, CheckOptions
    from glossary.checking.evidence import COLUMNS
    from glossary.checking.missing import find_missing
    from glossary.checking.report import Where
    from glossary.io.atomic import write_atomic
    from glossary.io.parallel import read_parallel_tsv
    from glossary.matcher import on_word_boundaries

    checker = Checker(glossary.load(), CheckOptions(kinds=["missing"], keep_evidence=False))
    seen: Counter[str] = Counter()
    kept: Counter[str] = Counter()
    where: dict[str, list[str]] = {}
    files = training_files(args.corpus, lo, hi)
    for path in files:
        doc = path.stem.removesuffix("_zh_en")
        for seg in read_parallel_tsv(path):
            hits = on_word_boundaries(seg.source, checker.matcher.find_zh(seg.source))
            missing, _ = find_missing(checker, seg, hits, Where())
            lacking = {f.term_id for f in missing}
            for term in {h.term.id: h.term for h in hits}.values():
                if not checker.checks_missing(term):
                    continue
                seen[term.id] += 1
                kept[term.id] += term.id not in lacking
                where.setdefault(term.id, []).append(f"{doc}#{seg.id or seg.index}")
    rows = sorted(seen, key=lambda i: (checker.term(i).zh_hans, i))
    lines = ["\t".join(COLUMNS)]
    lines += [f"{i}\t{checker.term(i).zh_hans}\t{seen[i]}\t{kept[i]}\t{' '.join(where[i])}" for i in rows]
    text = "\n".join(lines) + "\n"
    if args.output:
        write_atomic(args.output, text)
    else:
        sys.stdout.write(text)
    print(f"{len(files)} documents, {len(rows)} terms, {sum(seen.values())} occurrences, {sum(kept.values())} kept; "
          f"held out: Government Work Reports {lo}-{hi}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
