"""The documents of a dated corpus, each with its period.

Reading goes through :mod:`glossary.io.documents` (encodings, folders, CSV/TSV rows, big files in
parts), so ``trends`` reads exactly what ``extract`` reads; this module only adds the date: a
row's date cell (``date_column``, or a column called date, published, time, year, 日期 …) or the
file name (see :mod:`.dating`). An undated file or row is reported once through ``on_error``
and skipped, as an unreadable file is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from ..errors import InputError
from ..io.documents import DATE_COLUMNS, TABLE_SUFFIXES, Document, iter_documents
from .dating import Period, When, from_cell, from_name, period_of

#: How to name files without a date, in error messages.
NAMING = "name files like 1978.txt or 2020-12-04-title.txt, or give a CSV/TSV with a date column (--date-column)"


def check_names(files: Sequence[str], on_error: Callable[[InputError], None]) -> list[str]:
    """Text files whose names (or folders) hold no date are reported before any reading (a
    mistake found in a second, not after the corpus is read); returns the files kept. Tables are
    dated row by row later, from a date column or their own name."""
    kept = []
    for f in files:
        if f == "-":
            on_error(InputError(f"standard input has no file name to date; {NAMING}"))
        elif f.lower().endswith(TABLE_SUFFIXES) or from_name(f) is not None:
            kept.append(f)
        else:
            on_error(InputError(f"{f}: no year or date in the file name; {NAMING}"))
    return kept


def dated_documents(
    files: Sequence[str], by: str, *, encoding: str | None = None, column: str | None = None,
    date_column: str | None = None, on_error: Callable[[InputError], None],
) -> Iterator[tuple[Period, Document]]:
    """``(period, document)`` for every document of *files* that has a date."""
    reported: set[str] = set()

    def report(exc: InputError, key: str) -> None:
        if key not in reported:
            reported.add(key)
            on_error(exc)

    names: dict[str, When | None] = {}
    wanted: str | Sequence[str] = date_column if date_column else DATE_COLUMNS
    for d in iter_documents(files, encoding=encoding, column=column, date_column=wanted, on_error=on_error):
        if d.date:
            when = from_cell(d.date)
            if when is None:
                report(InputError(f"{d.name}: {d.date!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"), d.name)
                continue
        else:
            path = _file_of(d.name, files)
            if path not in names:
                names[path] = from_name(path)
            when = names[path]
            if when is None:
                table = path.lower().endswith(TABLE_SUFFIXES)
                why = ("no date in this row's date column, nor in the file name" if table and date_column
                       else "no date column (date, published, time, year …) and no date in the file name" if table
                       else "no year or date in the file name")
                report(InputError(f"{d.name if table and date_column else path}: {why}; {NAMING}"), d.name if date_column else path)
                continue
        try:
            period = period_of(when, by, d.name)
        except InputError as exc:
            report(exc, d.name)
            continue
        yield period, d


def _file_of(name: str, files: Sequence[str]) -> str:
    """The file a document name belongs to (a table row is named ``file:row``)."""
    if name in files:
        return name
    head, _, row = name.rpartition(":")
    return head if row.isdigit() and head else name
