"""Spreadsheet cell safety: the one rule for formula injection, both ways.

A cell that starts with = + - @ (or a tab or carriage return) is a formula to Excel, LibreOffice
and Google Sheets. Every CSV, TSV and spreadsheet the package writes passes its cells through
:func:`neutralise`; every table it reads passes them through :func:`unneutralise`, so an export
read back gives the text that was exported.
"""

from __future__ import annotations

_TRIGGERS = "=+-@\t\r"


def unneutralise(cell: str) -> str:
    """Undo the quote a spreadsheet export puts before a leading = + - @ (see :func:`neutralise`)."""
    if len(cell) > 1 and cell[0] == "'" and cell[1] in _TRIGGERS:
        return cell[1:]
    return cell


def neutralise(cell: str) -> str:
    """Make a cell inert in spreadsheets: a leading = + - @ (formula trigger) gets a ' before it."""
    if cell and cell[0] in _TRIGGERS:
        return "'" + cell
    return cell
