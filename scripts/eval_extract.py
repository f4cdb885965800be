#!/usr/bin/env python
"""Recall and precision of ``glossary.extract`` against the team's annotations (data/eval/).

For each annotation (see data/eval/README.md) the script runs ``extract`` on its source text and
prints:

* **recall** — share of annotated rows found. A row is found when an extracted phrase equals one
  of its surface forms (English: after case/plural/hyphen folding; Chinese: exactly), or when an
  extracted row carries the same Chinese term (``zh_hans``) — a glossary match by another
  rendering is still the term found.
* **precision@50** — share of the 50 best extracted rows that are genuine: a row is genuine when
  it is an annotated phrase (as above) or a glossary term (``term_id`` set). This is reproducible:
  the annotation and the glossary are both in the repository.

Each is computed twice: with the shipped glossary (the product) and with ``--glossary none``
(rules and discovery alone, to judge discovery by itself).

Usage::

    python scripts/eval_extract.py [--seed seeds/000_5defafeaa1fe7f18.txt]
        [--congress ../shared/corpora/cpc_congress_reports_zh/congress20.txt] [--show-missed]
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from glossary import load  # noqa: E402
from glossary.extraction import extract  # noqa: E402
from glossary.forms import en_key  # noqa: E402
from glossary.store import Glossary  # noqa: E402


def read_annotation(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def forms_of(row: dict[str, str], lang: str) -> set[str]:
    if lang == "en":
        return {en_key(v) for v in row["phrase"].split(" | ") if v.strip()}
    return {row["zh_hans"].strip()}


def score(df, rows: list[dict[str, str]], lang: str, k: int = 50) -> tuple[float, float, list[str], list[str]]:
    key = (lambda s: en_key(s)) if lang == "en" else (lambda s: s)
    found_phrases = {key(p) for p, lg in zip(df["phrase"], df["lang"]) if lg == lang}
    found_zh = {z for z in df["zh_hans"] if z}
    missed = []
    all_forms: set[str] = set()
    annotated_zh: set[str] = set()
    for r in rows:
        forms = forms_of(r, lang)
        all_forms |= forms
        annotated_zh.add(r["zh_hans"].strip())
        if not (forms & found_phrases or r["zh_hans"].strip() in found_zh):
            missed.append(r["phrase"] if lang == "en" else r["zh_hans"])
    recall = 1 - len(missed) / len(rows)
    head = df.head(k)
    bad = []
    for r in head.iter_rows(named=True):
        genuine = bool(r["term_id"]) or key(r["phrase"]) in all_forms or (r["zh_hans"] and r["zh_hans"] in annotated_zh and lang == "en")
        if not genuine:
            bad.append(r["phrase"])
    precision = 1 - len(bad) / max(1, head.height)
    return recall, precision, missed, bad


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", default=str(ROOT / "seeds" / "000_5defafeaa1fe7f18.txt"))
    ap.add_argument("--congress", default=str(ROOT.parent / "shared" / "corpora" / "cpc_congress_reports_zh" / "congress20.txt"))
    ap.add_argument("--show-missed", action="store_true", help="List missed annotated phrases and non-genuine top-50 rows.")
    args = ap.parse_args()
    shipped = load()
    cases = [("seed_en.tsv", args.seed, "en"), ("congress20_zh.tsv", args.congress, "zh")]
    print(f"glossary: {len(shipped)} terms")
    print(f"{'annotation':20} {'glossary':9} {'rows':>5} {'found':>6} {'recall':>7} {'P@50':>6}")
    for name, text_path, lang in cases:
        ann = ROOT / "data" / "eval" / name
        if not ann.exists() or not Path(text_path).exists():
            print(f"{name:20} skipped (missing {ann if not ann.exists() else text_path})")
            continue
        rows = read_annotation(ann)
        for label, g in (("shipped", shipped), ("none", Glossary(()))):
            df = extract(Path(text_path), lang, glossary=g)
            recall, precision, missed, bad = score(df, rows, lang)
            print(f"{name:20} {label:9} {len(rows):5d} {len(rows) - len(missed):6d} {recall:7.3f} {precision:6.2f}   ({df.height} phrases extracted)")
            if args.show_missed:
                print("   missed:", "; ".join(missed) or "-")
                print("   not genuine in top 50:", "; ".join(bad) or "-")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
