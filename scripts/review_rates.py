#!/usr/bin/env python3
"""Per-field error rates of the second review of new entries (docs/data-quality.md).

Usage::

    python scripts/review_rates.py [data/eval/review_verdicts.tsv]

The file holds one verdict per reviewed (entry, field): columns ``batch``, ``id``, ``field``
(en, alts, pinyin, traditional, definition, source), ``verdict`` (ok, doubtful, wrong) and
``fixed`` (yes when a wrong field was corrected in the table after the review). Prints, per batch
and overall, the share of wrong and doubtful fields, by field and in total.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIELDS = ("en", "alts", "pinyin", "traditional", "definition", "source")


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "data" / "eval" / "review_verdicts.tsv"
    rows = list(csv.DictReader(path.open(encoding="utf-8"), delimiter="\t"))
    batches = sorted({r["batch"] for r in rows})
    print(f"{'batch':26} {'entries':>7} " + " ".join(f"{f:>11}" for f in FIELDS) + f" {'all fields':>12}")
    for batch in [*batches, "all"]:
        part = [r for r in rows if batch in ("all", r["batch"])]
        entries = len({(r["batch"], r["id"]) for r in part})
        cells = []
        for field in (*FIELDS, None):
            sel = [r for r in part if field is None or r["field"] == field]
            c = Counter(r["verdict"] for r in sel)
            cells.append(f"{100 * c['wrong'] / len(sel):4.1f}/{100 * c['doubtful'] / len(sel):4.1f}" if sel else "-")
        print(f"{batch:26} {entries:7} " + " ".join(f"{c:>11}" for c in cells[:-1]) + f" {cells[-1]:>12}")
    wrong = [r for r in rows if r["verdict"] == "wrong"]
    print(f"\nwrong/doubtful in % of reviewed fields; {len(wrong)} wrong field(s), "
          f"{sum(1 for r in wrong if r.get('fixed') == 'yes')} fixed since")
    return 0


if __name__ == "__main__":
    sys.exit(main())
