"""CSV and TSV text for result tables (extract, check), safe to open in a spreadsheet.

One cell convention everywhere: lists joined with `` | ``, booleans as ``yes`` or empty, missing
values empty, no tab or line break inside a TSV cell, and a leading = + - @ neutralised.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from ..terms import LIST_SEP
from .cells import neutralise


def cell(value: object, tsv: bool = False) -> str:
    if isinstance(value, (list, tuple)):
        value = LIST_SEP.join(str(v) for v in value)
    elif isinstance(value, bool):
        value = "yes" if value else ""
    elif value is None:
        value = ""
    text = str(value)
    if tsv:
        text = text.replace("\t", " ").replace("\r", " ").replace("\n", " ")
    return neutralise(text)


def delimited(columns: Sequence[str], rows: Iterable[Sequence[object]], delimiter: str = ",") -> str:
    """The table as CSV (``delimiter=','``) or TSV (``'\\t'``) text with a header row."""
    tsv = delimiter == "\t"
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\n")
    w.writerow(columns)
    for row in rows:
        w.writerow([cell(v, tsv) for v in row])
    return buf.getvalue()
