"""An Excel workbook of the glossary: one sheet, a frozen bold header row, readable widths.

Cells are written as text (never as formulas): a value starting with = + - @ gets a ``'``
before it, the same guard as the CSV exports, so a rendering cannot run as a formula when a
colleague opens the file. The columns are the table's own (see docs/data-format.md), list
fields joined with `` | ``, so the sheet can be edited and saved back as TSV.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from ..terms import Term
from . import ExportOptions
from .common import one_line
from .tabular import columns_for

#: Preferred widths (characters) for the wider columns; the rest fit their content up to 40.
WIDTHS = {"definition": 60, "source": 45, "note": 45, "pinyin_note": 30, "en_nonstandard": 35, "en_alt": 30}


def write_xlsx(terms: Sequence[Term], options: ExportOptions) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    cols = columns_for(options)
    wb = Workbook()
    ws = wb.active
    ws.title = "glossary"
    ws.append(cols)
    for c in ws[1]:
        c.font = Font(bold=True)
    rows = [t.to_row() for t in terms]
    for row in rows:
        ws.append([one_line(row[c]) for c in cols])
    # openpyxl turns a str starting with '=' into a formula: every cell is made explicitly text,
    # which a spreadsheet never evaluates, so no visible quote is needed to neutralise it.
    for r in ws.iter_rows(min_row=2):
        for c in r:
            c.data_type = "s"
            if cols[c.column - 1] in ("definition", "note", "source"):
                c.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    for i, name in enumerate(cols, start=1):
        wide = 2 if name in ("zh_hans", "zh_hant") else 1  # Han characters take two columns
        longest = max([len(r[name]) * wide for r in rows] + [len(name)])
        ws.column_dimensions[get_column_letter(i)].width = WIDTHS.get(name, min(longest + 2, 40))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
