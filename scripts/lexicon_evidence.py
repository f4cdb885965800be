"""Attest the English of the composer's lexicon (data/lexicon.tsv) in official parallel text.

For every (Chinese word, role, candidate Englishes) the script counts the aligned units of the
given bilingual TSVs (id, zh, en) whose Chinese contains the word, and among them the units whose
English contains each candidate (any inflection: uphold, upholds, upheld, upholding). The
candidate met most often becomes the row's English, and the row's evidence says where: the first
unit using it (document, year, paragraph) and how many units of the word's units use it. The
candidate chosen is the one whose share among the word's units most exceeds its share among the
other units, so that an English every paragraph uses does not win for every word. A word
whose candidates are met in fewer than ``--min-units`` units is left out and listed on stderr.

    python scripts/lexicon_evidence.py CANDIDATES.tsv GWR_2016.tsv ... -o data/lexicon.tsv
    python scripts/lexicon_evidence.py data/lexicon.tsv GWR_2016.tsv ...      # re-check

CANDIDATES.tsv has the columns zh, role, candidates (" | " or "|" between them); the lexicon itself
(zh, en, role, evidence) is accepted too, so its rows can be re-attested after an edit. Keep the
texts a composer is evaluated on (GWR 2020-2022) out of the evidence.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from functools import lru_cache
from pathlib import Path

_IRREGULAR = {
    "uphold": ["upheld"], "build": ["built"], "lead": ["led"], "hold": ["held"], "win": ["won"],
    "fight": ["fought"], "keep": ["kept"], "seek": ["sought"], "make": ["made"], "take": ["taken", "took"],
    "give": ["gave", "given"], "bring": ["brought"], "set": ["set"], "cut": ["cut"], "put": ["put"],
}


def document_name(path: Path) -> str:
    """'gov_work_report_2018_zh_en.tsv' → 'Government Work Report 2018'."""
    stem = path.stem.replace("_zh_en", "")
    names = {
        "gov_work_report": "Government Work Report", "prc_constitution": "PRC Constitution",
        "cpc_constitution": "CPC Constitution", "xi_new_year_address": "New Year Address",
        "scio_us_human_rights_report": "SCIO report",
    }
    for prefix, name in names.items():
        if stem.startswith(prefix):
            return f"{name} {stem[len(prefix):].strip('_')}".strip()
    return stem


def forms(word: str) -> list[str]:
    """Inflections of one English word, as regex alternatives."""
    w = word.lower()
    out = {w, w + "s", w + "es", w + "ed", w + "d", w + "ing", *_IRREGULAR.get(w, [])}
    if w.endswith("e"):
        out |= {w[:-1] + "ing", w[:-1] + "ed"}
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        out |= {w[:-1] + "ies", w[:-1] + "ied"}
    if re.search(r"[^aeiou][aeiou][bdgmnprt]$", w):
        out |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    if w.endswith("ize"):
        out |= {f.replace("iz", "is") for f in list(out)}
    return sorted(out, key=len, reverse=True)


@lru_cache(maxsize=4096)
def pattern(english: str) -> re.Pattern[str]:
    words = re.findall(r"[\w'-]+", english.replace("’", "'"))
    body = r"\W+".join("(?:" + "|".join(re.escape(f) for f in forms(w)) + ")" for w in words)
    return re.compile(r"(?<![\w-])" + body + r"(?![\w-])", re.IGNORECASE)


def read_units(paths: list[Path]) -> list[tuple[str, str, str, str]]:
    units = []
    for p in paths:
        doc = document_name(p)
        with p.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                if row.get("zh") and row.get("en"):
                    units.append((doc, row["id"], row["zh"], row["en"].replace("’", "'")))
    return units


def read_candidates(path: Path) -> list[tuple[str, str, list[str]]]:
    rows = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        for row in reader:
            cands = row.get("candidates") or row.get("en") or ""
            rows.append((row["zh"], row["role"], [c.strip() for c in re.split(r"\s*\|\s*", cands) if c.strip()]))
    return rows


def attest(zh: str, cands: list[str], units: list[tuple[str, str, str, str]]) -> tuple[str, int, int, str] | None:
    """(English, units using it, units of the word, first locator) for the best candidate."""
    mine = [u for u in units if zh in u[2]]
    others = len(units) - len(mine)
    best: tuple[str, int, int, str] | None = None
    lift = 0.0
    for c in cands:
        hits = [u for u in mine if pattern(c).search(u[3])]
        if not hits:
            continue
        elsewhere = sum(1 for u in units if zh not in u[2] and pattern(c).search(u[3]))
        # how much more often the English comes with the word than without it: a candidate
        # that every unit uses ("promote") must not win over the word's own ("advance")
        gain = len(hits) / len(mine) - (elsewhere / others if others else 0.0)
        if best is None or gain > lift:
            best, lift = (c, len(hits), len(mine), f"{hits[0][0]} ¶{hits[0][1]}"), gain
    return best if lift > 0 else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("candidates", type=Path)
    ap.add_argument("corpora", type=Path, nargs="+")
    ap.add_argument("-o", "--output", type=Path)
    ap.add_argument("--min-units", type=int, default=2)
    a = ap.parse_args(argv)
    units = read_units(a.corpora)
    docs = sorted({u[0] for u in units})
    kept: list[tuple[str, str, str, str]] = []
    seen: set[tuple[str, str]] = set()
    for zh, role, cands in read_candidates(a.candidates):
        if (zh, role) in seen:
            continue
        got = attest(zh, cands, units)
        if got is None or got[1] < a.min_units:
            print(f"unattested: {zh} ({role}) {' | '.join(cands)}", file=sys.stderr)
            continue
        en, n, total, where = got
        seen.add((zh, role))
        kept.append((zh, en, role, f"{where}; {n} of {total} units"))
    print(f"{len(kept)} rows attested in {len(units)} units of {len(docs)} documents", file=sys.stderr)
    if a.output:
        with a.output.open("w", encoding="utf-8", newline="") as fh:
            fh.write("zh\ten\trole\tevidence\n")
            for row in kept:
                fh.write("\t".join(row) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
