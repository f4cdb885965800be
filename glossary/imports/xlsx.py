"""Read the rows of an Excel workbook (.xlsx) as text, for the table reader in :mod:`.tabular`.

This module only turns one worksheet into numbered rows of text cells; what the header means
(our columns, CAT-tool language columns, Chinese/English pairs) is decided by
:func:`glossary.imports.tabular.parse_rows`, the same code that reads CSV and TSV, so a sheet
and its CSV save import alike.

Cells become the text a person sees: numbers without a spurious ``.0``, dates as ISO dates,
formulas as the value Excel last computed (stored in the file; nothing is ever evaluated) or,
when the file holds none, as the formula's text. A formula error (``#N/A``, ``#REF!``) stops
the import with the cell's address rather than becoming a rendering.

A workbook is a zip of XML files sent by someone else, so before openpyxl sees it the file is
checked: it must be a zip (an encrypted workbook is an OLE container and is named as such), its
members must not decompress to more than :data:`MAX_UNZIPPED` bytes, and no XML member may
carry a DOCTYPE (where entities are declared: XXE, "billion laughs"). openpyxl itself parses
sheets through defusedxml, a second guard should the first ever miss.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from .tabular import Row

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: Stream name every encrypted Office file (ECMA-376 agile/standard encryption) carries.
ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")
#: Sum of the members' declared sizes a glossary workbook may unpack to (zip bombs stop here).
MAX_UNZIPPED = 256 * 1024 * 1024
#: Markers refused in any XML member: a DOCTYPE (where entities live) or an entity declaration.
_DTD_MARKERS = tuple(m.encode(enc) for m in ("<!DOCTYPE", "<!ENTITY") for enc in ("utf-8", "utf-16-le", "utf-16-be"))
_CHUNK = 1 << 16


def looks_like_workbook(path: Path, head: bytes) -> bool:
    """True for an .xlsx/.xlsm name or zip/OLE magic bytes (the reader then says what it really is)."""
    return path.suffix.lower() in (".xlsx", ".xlsm", ".xltx", ".xltm", ".xls") or head.startswith((*ZIP_MAGIC, OLE_MAGIC))


def read_sheet_rows(path: Path, sheet: str | None = None) -> list[Row]:
    """Numbered rows (sheet row numbers) of text cells from the first worksheet, or *sheet*."""
    from ..io.textfile import read_bytes

    data = read_bytes(path)
    archive = _open_zip(path, data)
    with archive:
        _check_members(path, archive)
    return _rows(path, data, sheet)


def _open_zip(path: Path, data: bytes) -> zipfile.ZipFile:
    if data.startswith(OLE_MAGIC):
        if ENCRYPTION_STREAM in data:
            raise InputError(f"{path}: the workbook is password-protected (encrypted); save an unprotected copy as .xlsx and import that")
        raise InputError(f"{path}: an old binary Excel (.xls) workbook; save it as .xlsx (Excel Workbook) and import that")
    if not data.startswith(ZIP_MAGIC):
        raise InputError(f"{path}: not an Excel .xlsx workbook (an .xlsx file is a zip archive; this one is not)")
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise InputError(f"{path}: damaged .xlsx workbook (the zip archive cannot be read: {exc})") from None


def _check_members(path: Path, archive: zipfile.ZipFile) -> None:
    """Refuse zip bombs, encrypted members and any XML member with a DOCTYPE, before parsing."""
    infos = archive.infolist()
    names = {i.filename for i in infos}
    if "xl/workbook.xml" not in names and not any(n.endswith("workbook.xml") for n in names):
        raise InputError(f"{path}: a zip archive but not an Excel workbook (no xl/workbook.xml); save the sheet as .xlsx")
    if sum(i.file_size for i in infos) > MAX_UNZIPPED:
        raise InputError(f"{path}: the workbook unpacks to more than {MAX_UNZIPPED // 2**20} MB; refusing it (a glossary is far smaller)")
    for info in infos:
        if info.flag_bits & 0x1:
            raise InputError(f"{path}: the workbook's parts are encrypted; save an unprotected copy as .xlsx")
        if not info.filename.lower().endswith((".xml", ".rels", ".vml")):
            continue
        try:
            for chunk in _chunks(archive, info):
                if any(m in chunk for m in _DTD_MARKERS):
                    raise InputError(
                        f"{path}: {info.filename} declares a DOCTYPE or XML entities; refusing to read it "
                        "(entities can leak files or explode in size, and Excel never writes them)"
                    )
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
            raise InputError(f"{path}: damaged .xlsx workbook ({info.filename}: {exc})") from None


def _chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """A member's bytes in overlapping pieces, so a marker split between two reads is still seen."""
    tail = b""
    with archive.open(info) as f:
        while block := f.read(_CHUNK):
            yield tail + block
            tail = block[-32:]


def _rows(path: Path, data: bytes, sheet: str | None) -> list[Row]:
    import warnings

    from defusedxml import DefusedXmlException
    from openpyxl import load_workbook

    def load(data_only: bool):
        # a file object, not the path: openpyxl would refuse a workbook whose name lacks .xlsx
        return load_workbook(io.BytesIO(data), read_only=True, data_only=data_only, keep_links=False)

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it skips
            wb = load(data_only=False)
            try:
                cells = _grid(path, _worksheet(path, wb, sheet))
            finally:
                wb.close()
            formulas = {(r, c) for r, row in enumerate(cells) for c, (_, kind) in enumerate(row) if kind == "f"}
            cached: list[list[tuple[object, str]]] = []
            if formulas:
                wb = load(data_only=True)
                try:
                    cached = _grid(path, _worksheet(path, wb, sheet))
                finally:
                    wb.close()
    except InputError:
        raise
    except Exception as exc:
        if isinstance(exc, DefusedXmlException) or isinstance(exc.__cause__, DefusedXmlException):
            raise InputError(f"{path}: the workbook declares XML entities; refusing to read it") from None
        _damaged(path, exc)

    width = max((len(row) for row in cells), default=0)  # a sheet is rectangular: short rows end in empty cells
    out: list[Row] = []
    for r, row in enumerate(cells):
        texts = []
        for c, (value, kind) in enumerate(row):
            if (r, c) in formulas:
                value, kind = _cached(cached, r, c, value)
            if kind == "e":
                raise InputError(f"{path}: cell {_address(r, c)} holds the error {value}; correct or clear it and import again")
            texts.append(cell_text(value))
        out.append((r + 1, texts + [""] * (width - len(texts))))
    return out


def _worksheet(path: Path, wb, sheet: str | None):
    worksheets = wb.worksheets
    if sheet is None:
        if not worksheets:
            raise InputError(f"{path}: the workbook has no worksheet")
        return worksheets[0]
    for ws in worksheets:
        if ws.title == sheet:
            return ws
    names = ", ".join(repr(ws.title) for ws in worksheets) or "none"
    raise InputError(f"{path}: no worksheet named {sheet!r} (worksheets: {names})")


def _grid(path: Path, ws) -> list[list[tuple[object, str]]]:
    """(value, data type) of every cell, row by row from row 1; missing rows come back empty."""
    ws.reset_dimensions()  # some writers record a wrong used range; read what is really there
    out = []
    for row in ws.iter_rows(min_row=1):
        out.append([(getattr(c, "value", None), getattr(c, "data_type", "n")) for c in row])
    return out


def _cached(cached: list[list[tuple[object, str]]], r: int, c: int, formula: object) -> tuple[object, str]:
    """The value Excel stored for a formula cell, else the formula's own text."""
    value, kind = cached[r][c] if r < len(cached) and c < len(cached[r]) else (None, "n")
    if value is None:
        text = getattr(formula, "text", formula)  # an array formula object carries its text
        return text, "s"
    return value, kind


def cell_text(value: object) -> str:
    """A cell as the text a person reads in it: ``2016`` not ``2016.0``, dates as ISO dates,
    ``TRUE``/``FALSE``, line breaks inside a cell as spaces, an empty cell as ``''``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds" if value.second or value.microsecond else "minutes")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    text = str(value)
    return " ".join(text.split()) if "\n" in text or "\r" in text else text


def _address(r: int, c: int) -> str:
    from openpyxl.utils import get_column_letter

    return f"{get_column_letter(c + 1)}{r + 1}"


def _damaged(path: Path, exc: Exception) -> None:
    """Raise the one-line error for a workbook openpyxl cannot read (it fails in many ways:
    missing parts, malformed XML, bad values; the first line of its message says which)."""
    import xml.etree.ElementTree as ET

    if isinstance(exc, (zipfile.BadZipFile, KeyError, ET.ParseError, EOFError, ValueError, TypeError, AttributeError)):
        raise InputError(f"{path}: damaged .xlsx workbook ({_one_line(exc)})") from None
    raise InputError(f"{path}: cannot read the workbook ({type(exc).__name__}: {_one_line(exc)})") from None


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else "malformed part"
