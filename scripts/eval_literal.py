#!/usr/bin/env python3
"""How many machine renderings of known terms ``glossary lookup`` resolves to the right term.

Usage: python scripts/eval_literal.py [data/eval/machine_renderings.tsv]

Each row of the list holds an English machine rendering and the simplified Chinese of the term
it renders. A row counts as resolved when lookup's answer (the exact match, else the literal
fallback's best guess) is that term. Printed: exact hits, literal hits, misses, the share
resolved, and every miss with what lookup answered instead. Then the hand checks of ``check``'s
literal findings in data/eval/literal_verdicts.tsv: the share right in each round.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    import glossary

    path = Path(argv[0]) if argv else Path(__file__).resolve().parent.parent / "data" / "eval" / "machine_renderings.tsv"
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
    g = glossary.load()
    exact = literal = 0
    misses = []
    for rendering, zh, *_ in rows:
        found = g.lookup(rendering)
        via = "exact"
        if not found:
            found, via = g.literal(rendering, limit=1), "literal"
        answer = found[0].term.zh_hans if found else ""
        if answer == zh:
            exact += via == "exact"
            literal += via == "literal"
        else:
            misses.append((rendering, zh, answer or "-", via))
    n = len(rows)
    print(f"{n} renderings: {exact} exact, {literal} literal, {len(misses)} missed; "
          f"resolved {exact + literal}/{n} = {100 * (exact + literal) / n:.1f} % (exact alone {100 * exact / n:.1f} %)")
    for rendering, zh, answer, via in misses:
        print(f"  miss: {rendering!r} -> {answer} ({via}); expected {zh}")
    verdicts = path.parent / "literal_verdicts.tsv"
    if verdicts.is_file():
        lines = verdicts.read_text(encoding="utf-8").splitlines()
        head = lines[0].split("\t")
        rounds: dict[str, list[bool]] = {}
        for line in lines[1:]:
            cells = dict(zip(head, line.split("\t"), strict=False))
            rounds.setdefault(cells.get("round", "-"), []).append(cells["verdict"] == "right")
        for name, marks in rounds.items():
            print(f"hand check {name}: {sum(marks)}/{len(marks)} right = {100 * sum(marks) / len(marks):.0f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
