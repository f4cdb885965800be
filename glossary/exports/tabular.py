"""TSV, CSV and JSON exports of the whole table."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from ..io.cells import neutralise
from ..terms import COLUMNS, Term
from . import ExportOptions


def columns_for(options: ExportOptions) -> list[str]:
    drop = {"simplified": {"zh_hant"}, "traditional": {"zh_hans"}, "both": set()}[options.script]
    return [c for c in COLUMNS if c not in drop]


def _rows(terms: Sequence[Term], cols: list[str]) -> list[list[str]]:
    out = []
    for t in terms:
        row = t.to_row()
        out.append([neutralise(row[c].replace("\t", " ").replace("\n", " ").replace("\r", " ")) for c in cols])
    return out


def write_tsv(terms: Sequence[Term], options: ExportOptions) -> str:
    cols = columns_for(options)
    lines = ["\t".join(cols)] + ["\t".join(r) for r in _rows(terms, cols)]
    return "\n".join(lines) + "\n"


def write_csv(terms: Sequence[Term], options: ExportOptions) -> str:
    cols = columns_for(options)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(cols)
    w.writerows(_rows(terms, cols))
    return buf.getvalue()


def write_json(terms: Sequence[Term], options: ExportOptions) -> str:
    cols = columns_for(options)
    items = [{c: v for c, v in t.to_dict().items() if c in cols} for t in terms]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
