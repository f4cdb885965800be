"""Spreadsheet term lists for memoQ and Trados: one row per concept, one column per language.

Both tools import "one entry per row" files through a wizard that maps each column to a
language or a descriptive field; they differ in how several terms of one language share a cell:

* **Trados** (Trados Studio / MultiTerm Convert, Trados cloud terminology): synonyms in one
  cell separated by ``|``; comma-separated, UTF-8, first row = field names.
* **memoQ** (term base CSV import): the wizard asks for the *alternative-term delimiter*; this
  file uses ``;`` (no rendering in the glossary contains one), comma-separated, UTF-8 with a
  byte-order mark so that Excel opens it as UTF-8 too.

Renderings to avoid go in their own column (``English (do not use)``), never among the
synonyms: imported as synonyms they would count as accepted. Every cell is spreadsheet-safe
(a leading = + - @ gets a ``'``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from ..terms import Term
from . import ExportOptions
from .common import cell, one_line

LANG_COLUMNS = {"zh_hans": "Chinese (PRC)", "zh_hant": "Chinese (Taiwan)"}


def _join(items: Sequence[str], sep: str) -> str:
    return sep.join(one_line(i).replace(sep.strip(), " ").strip() for i in items if i)


def _table(terms: Sequence[Term], options: ExportOptions, sep: str) -> list[list[str]]:
    zh_cols = [c for c in ("zh_hans", "zh_hant") if options.script == "both" or c == {"simplified": "zh_hans", "traditional": "zh_hant"}[options.script]]
    header = [LANG_COLUMNS[c] for c in zh_cols] + [
        "English",
        "English (do not use)",
        "English (earlier)",
        "Definition",
        "Subject",
        "Pinyin",
        "Status",
        "Source",
        "Note",
        "ID",
    ]
    rows = [header]
    for t in terms:
        rows.append(
            [cell(_join((t.zh_hans, *t.zh_alias), sep) if c == "zh_hans" else getattr(t, c)) for c in zh_cols]
            + [
                cell(_join(t.renderings, sep)),
                cell(_join(t.en_nonstandard, sep)),
                cell(_join(t.en_history, sep)),
                cell(t.definition),
                cell(t.category),
                cell(t.pinyin),
                cell(t.status),
                cell(_join(t.source, " | ")),
                cell(t.note),
                cell(t.id),
            ]
        )
    return rows


def _csv(rows: list[list[str]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    return buf.getvalue()


def write_trados(terms: Sequence[Term], options: ExportOptions) -> str:
    return _csv(_table(terms, options, "|"))


def write_memoq(terms: Sequence[Term], options: ExportOptions) -> str:
    return "\ufeff" + _csv(_table(terms, options, ";"))
