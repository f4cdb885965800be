"""The ``Term`` record and the TSV format the curated table is kept in.

The table is plain UTF-8 TSV (one header row, `` | `` between the values of a list field) so
that a person can edit it in any editor and review changes as line diffs; this module reads and
writes that format with the standard library only, so loading the glossary stays cheap.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from pathlib import Path

from .errors import GlossaryError
from .io.cells import unneutralise

LIST_SEP = " | "

#: Fields whose English an editor should replace: non-standard renderings, and earlier official
#: renderings (``en_history``) that the current one has replaced.
FLAGGED_FIELDS = ("en_nonstandard", "en_history")


def undated(item: str) -> tuple[str, str]:
    """An ``en_history`` item split into the rendering and its years: ("One Belt, One Road", "2013–2015")."""
    m = re.match(r"^(.*\S) \(((?:1[89]|20)\d\d[–-](?:(?:1[89]|20)\d\d)?)\)$", item)
    return (m.group(1), m.group(2)) if m else (item, "")


#: An ``en_history`` item: an earlier rendering with the years it was used,
#: "reform and opening up (1978–2017)"; an open end ("(2013–)") is allowed.
DATED = re.compile(r"^\S.* \((1[89]|20)\d\d[–-]((1[89]|20)\d\d)?\)$")

#: Column order of the TSV files (also the order of exports).
COLUMNS: tuple[str, ...] = (
    "id",
    "zh_hans",
    "zh_hant",
    "zh_alias",
    "pinyin",
    "pinyin_num",
    "en",
    "en_alt",
    "en_nonstandard",
    "en_history",
    "category",
    "definition",
    "year",
    "source",
    "status",
    "related",
    "pinyin_note",
    "note",
)
LIST_COLUMNS = frozenset({"zh_alias", "en_alt", "en_nonstandard", "en_history", "source", "related"})
REQUIRED = ("id", "zh_hans", "zh_hant", "pinyin", "pinyin_num", "en", "category", "definition", "status")
#: What a user entry (written by ``glossary import`` from a plain term list) must have: the
#: curated table's category and definition are the team's work, not something a translator's
#: own list brings, so a user table is valid without them (``glossary validate --user``).
USER_REQUIRED = ("id", "zh_hans", "zh_hant", "pinyin", "pinyin_num", "en", "status")
CATEGORIES = (
    "formulation",
    "ideology",
    "institution",
    "title",
    "meeting",
    "document",
    "campaign",
    "programme",
    "policy",
    "concept",
    "trade-union",
    "slogan",
    "quotation",
    "person",
    "place",
)
#: Columns added after the first release: a table written before them still reads.
OPTIONAL_COLUMNS = frozenset({"zh_alias", "en_history"})
STATUSES = ("official", "common", "proposed", "unverified")




class TableError(GlossaryError, ValueError):
    """A term file cannot be read as a table (wrong header, bad encoding, not a file)."""


@dataclass(frozen=True, slots=True)
class Term:
    """One curated glossary entry. List fields are tuples; empty text fields are ``''``."""

    id: str
    zh_hans: str
    zh_hant: str
    pinyin: str
    pinyin_num: str
    en: str
    en_alt: tuple[str, ...] = ()
    en_nonstandard: tuple[str, ...] = ()
    category: str = ""
    definition: str = ""
    year: int | None = None
    source: tuple[str, ...] = ()
    status: str = "unverified"
    related: tuple[str, ...] = ()
    pinyin_note: str = ""
    note: str = ""
    #: other Chinese forms that name this term: abbreviations, forms with or without quotation
    #: marks or a 中共 / 中华人民共和国 / 中央 prefix, set verb-phrase forms.
    zh_alias: tuple[str, ...] = ()
    #: earlier official renderings with the years they were used: ``form (2012–2017)``.
    en_history: tuple[str, ...] = ()
    #: where the row came from (``file:line``), for error messages; not a table column.
    origin: str = ""

    def to_row(self) -> dict[str, str]:
        """The term as TSV cells (list fields joined, year as text)."""
        row: dict[str, str] = {}
        for name in COLUMNS:
            value = getattr(self, name)
            if name in LIST_COLUMNS:
                row[name] = LIST_SEP.join(value)
            elif name == "year":
                row[name] = "" if value is None else str(value)
            else:
                row[name] = value
        return row

    def to_dict(self) -> dict[str, object]:
        """JSON-ready dict (lists stay lists)."""
        return {name: (list(v) if isinstance(v := getattr(self, name), tuple) else v) for name in COLUMNS}

    @property
    def renderings(self) -> tuple[str, ...]:
        """Every acceptable English rendering: the standard one first."""
        return (self.en, *self.en_alt)


def split_list(cell: str) -> tuple[str, ...]:
    if "|" not in cell:
        return (cell,) if cell else ()
    return tuple(p.strip() for p in cell.split("|") if p.strip())


def term_from_row(row: dict[str, str], origin: str = "") -> Term:
    """Build a Term from TSV cells; raises ValueError on a malformed year.

    Loading the table is on the path of every quick command, so the cells are read with plain
    string operations, and only a cell that starts with a quote goes through :func:`unneutralise`.
    """
    kwargs: dict[str, object] = {}
    get = row.get
    for name in COLUMNS:
        cell = (get(name) or "").strip()
        if cell[:1] == "'":
            cell = unneutralise(cell)
        if name in LIST_COLUMNS:
            kwargs[name] = split_list(cell)
        elif name == "year":
            if cell and not (cell.isdigit() and len(cell) == 4):
                raise ValueError(f"year {cell!r} is not a four-digit year")
            kwargs[name] = int(cell) if cell else None
        else:
            kwargs[name] = cell
    return Term(origin=origin, **kwargs)  # type: ignore[arg-type]


def iter_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(line_number, cells)`` for each data row of a term TSV file."""
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise TableError(f"{path}: is a directory, not a term file") from None
    except OSError as exc:
        raise TableError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise TableError(f"{path}: binary file, not a UTF-8 TSV term table")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TableError(f"{path}: not UTF-8 (byte {exc.start}); save the table as UTF-8") from None
    lines = text.splitlines()
    if not lines:
        raise TableError(f"{path}: empty file, expected a header row")
    header = lines[0].split("\t")
    missing = [c for c in COLUMNS if c not in header and c not in OPTIONAL_COLUMNS]
    if missing:
        raise TableError(f"{path}:1: header lacks column(s) {', '.join(missing)}")
    unknown = [c for c in header if c not in COLUMNS]
    if unknown:
        raise TableError(f"{path}:1: unknown column(s) {', '.join(unknown)}")
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        while len(cells) > len(header) and not cells[-1].strip():
            cells.pop()  # trailing empty cells, as spreadsheets leave them
        if len(cells) < len(header):
            cells += [""] * (len(header) - len(cells))
        if len(cells) != len(header):
            raise TableError(f"{path}:{number}: {len(cells)} fields, the header has {len(header)}")
        yield number, dict(zip(header, cells))


def read_terms(path: Path) -> list[Term]:
    """Read one TSV term file."""
    out = []
    for number, row in iter_rows(path):
        try:
            out.append(term_from_row(row, origin=f"{path.name}:{number}"))
        except ValueError as exc:
            raise TableError(f"{path}:{number}: {exc}") from None
    return out


def term_files(path: Path) -> list[Path]:
    """The TSV files a path names: the file itself, or every ``*.tsv`` in a folder (sorted)."""
    if path.is_dir():
        return sorted(p for p in path.glob("*.tsv") if p.is_file())
    return [path]


def dumps_tsv(terms: Iterable[Term], columns: Iterable[str] = COLUMNS) -> str:
    """Serialise terms in the table format (the inverse of :func:`read_terms`)."""
    cols = list(columns)
    buf = io.StringIO()
    buf.write("\t".join(cols) + "\n")
    for term in terms:
        row = term.to_row()
        buf.write("\t".join(_clean(row[c]) for c in cols) + "\n")
    return buf.getvalue()


def _clean(cell: str) -> str:
    return cell.replace("\t", " ").replace("\r", " ").replace("\n", " ")


def term_field_names() -> list[str]:
    return [f.name for f in fields(Term) if f.name != "origin"]


__all__ = ["Term", "COLUMNS", "TableError", "read_terms", "dumps_tsv", "term_files", "CATEGORIES", "STATUSES"]
