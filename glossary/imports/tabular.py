"""Read term lists from rows of cells: our table format, the memoQ/Trados CSV we export,
OmegaT glossaries, and plain two-column Chinese/English lists.

The rows come from delimited text (:func:`read_rows`) or from a worksheet
(:mod:`glossary.imports.xlsx`); either way :func:`parse_rows` reads them, so a spreadsheet and
its CSV save import alike. The layout is recognised from the header row (or its absence):

* a header naming ``zh_hans``/``zh_hant`` and ``en`` → the table format (docs/data-format.md), TSV or CSV;
* a header naming ``Chinese (PRC)``/``Chinese (Taiwan)`` and ``English`` → our memoQ/Trados export
  (synonyms split on ``;`` or ``|``);
* a header of two or three plain labels (``zh,en``, ``Chinese,English``, ``source,target``) or no
  header → a list of pairs: the column holding Han characters is the Chinese one, the other the
  English; a third column (OmegaT's comment) is read for pinyin and a definition.

Several rows with the same Chinese (or the same term in the other script) make one entry: the
first English is the standard rendering, the rest alternatives — which is how OmegaT lists
every acceptable rendering on its own line.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path

from ..errors import InputError
from ..forms import has_han
from ..io.cells import unneutralise
from ..terms import COLUMNS, Term, term_from_row
from ..tones import is_pinyin_like

CAT_COLUMNS = {"chinese (prc)": "zh_hans", "chinese (taiwan)": "zh_hant", "english": "en", "english (do not use)": "en_nonstandard",
               "english (earlier)": "en_history",
               "definition": "definition", "subject": "category", "pinyin": "pinyin", "status": "status", "source": "source",
               "note": "note", "id": "id"}
PAIR_LABELS = {"zh", "en", "chinese", "english", "source", "target", "term", "translation", "comment", "zh-cn", "zh-hans",
               "zh_hans", "zh-tw", "zh-hant", "en-us", "en-gb", "chinese (simplified)", "chinese (traditional)", "note", "notes",
               "中文", "英文", "汉语", "英语", "术语", "译文", "简体", "繁体"}


#: A row of cells with the number a person sees it at (file line or sheet row).
Row = tuple[int, list[str]]


def read_rows(path: Path, text: str) -> list[Row]:
    """Split *text* into numbered rows: tab-separated unless it is a CSV (by its first line).
    Blank lines and ``#`` comment lines are left out; the numbers stay those of the file."""
    lines = [(n, ln) for n, ln in enumerate(text.splitlines(), start=1) if ln.strip() and not ln.startswith("#")]
    if not lines:
        raise InputError(f"{path}: no terms in the file")
    first = lines[0][1]
    if "\t" in first:
        return [(n, ln.split("\t")) for n, ln in lines]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    numbers = [n for n, _ in lines]
    reader = csv.reader((ln for _, ln in lines), delimiter=delimiter)
    out: list[Row] = []
    start = 0  # lines consumed so far: a quoted cell may span several
    for cells in reader:
        out.append((numbers[start], cells))
        start = reader.line_num
    return out


def keep_rows(path: Path, rows: Sequence[Row]) -> list[Row]:
    """The rows that hold something: blank rows and rows whose first cell starts with ``#``
    (comments, as in the text files) are left out, so a spreadsheet reads like a delimited file."""
    out = [(n, cells) for n, cells in rows if any(c.strip() for c in cells) and not (cells and cells[0].startswith("#"))]
    if not out:
        raise InputError(f"{path}: no terms in the file")
    return out


def parse_table(path: Path, text: str, layout: str = "auto", known: Sequence[Term] = ()) -> list[Term]:
    """Drafts from a delimited file; *layout* is ``auto``, ``table``, ``cat``, ``pairs`` or ``omegat``.
    *known* terms make traditional forms of curated terms group with their simplified forms."""
    return parse_rows(path, read_rows(path, text), layout, known)


def parse_rows(path: Path, rows: Sequence[Row], layout: str = "auto", known: Sequence[Term] = ()) -> list[Term]:
    """Drafts from numbered rows of text cells, whatever they were read from (a delimited file, a
    spreadsheet): the first row that holds something decides the layout, as described above."""
    rows = keep_rows(path, rows)
    head = [c.strip().lstrip("\ufeff").lower() for c in rows[0][1]]
    if layout == "auto":
        if ("zh_hans" in head or "zh_hant" in head) and "en" in head:
            layout = "table"
        elif "english" in head and ("chinese (prc)" in head or "chinese (taiwan)" in head):
            layout = "cat"
        else:
            layout = "pairs"
    if layout == "table":
        return _table(path, head, rows)
    if layout == "cat":
        return _cat(path, head, rows[1:])
    body = rows[1:] if all(c in PAIR_LABELS or not c for c in head) else rows
    return _pairs(path, body, known)


def _table(path: Path, head: list[str], rows: Sequence[Row]) -> list[Term]:
    """Our own columns; *rows* starts with the header row (its number is the one errors name)."""
    unknown = [c for c in head if c and c not in COLUMNS]
    if unknown:
        raise InputError(f"{path}:{rows[0][0]}: unknown column(s) {', '.join(unknown)}; expected those of docs/data-format.md")
    out = []
    for number, cells in rows[1:]:
        row = dict(zip(head, (c.strip() for c in cells)))
        try:
            out.append(term_from_row(row, origin=f"{path.name}:{number}"))
        except ValueError as exc:
            raise InputError(f"{path}:{number}: {exc}") from None
    return out


def _split(cell: str, sep: str | None = None) -> tuple[str, ...]:
    """Synonyms of a CAT cell: Trados separates them with ``|``, memoQ with ``;``."""
    sep = sep or ("|" if "|" in cell else ";")
    return tuple(p.strip() for p in cell.split(sep) if p.strip())


def _cat(path: Path, head: list[str], rows: Sequence[Row]) -> list[Term]:
    parsed = [(number, {CAT_COLUMNS[h]: unneutralise(c.strip()) for h, c in zip(head, cells) if h in CAT_COLUMNS})
              for number, cells in rows]
    # one separator per file: a Trados file that uses '|' anywhere keeps a ';' inside a rendering
    sep = "|" if any("|" in r.get(c, "") for _, r in parsed for c in ("zh_hans", "en", "en_nonstandard")) else None
    out = []
    for number, row in parsed:
        english = _split(row.get("en", ""), sep)
        if not english:
            continue
        simplified = _split(row.get("zh_hans", ""), sep) or ("",)
        out.append(
            Term(
                id=row.get("id", ""), zh_hans=simplified[0], zh_alias=simplified[1:], zh_hant=row.get("zh_hant", ""),
                pinyin=row.get("pinyin", ""), en_history=_split(row.get("en_history", ""), sep),
                pinyin_num="", en=english[0], en_alt=english[1:], en_nonstandard=_split(row.get("en_nonstandard", ""), sep),
                category=row.get("category", ""), definition=row.get("definition", ""), status=row.get("status", "") or "unverified",
                source=tuple(p.strip() for p in row.get("source", "").split("|") if p.strip()), note=row.get("note", ""),
                origin=f"{path.name}:{number}",
            )
        )
    return out


def _pairs(path: Path, rows: Sequence[Row], known: Sequence[Term] = ()) -> list[Term]:
    """Pairs (and OmegaT triples), grouped by Chinese term in file order."""
    from ..script import to_simplified

    groups: dict[str, dict] = {}
    for number, cells in rows:
        cells = [unneutralise(c.strip()) for c in cells]
        if len(cells) < 2:
            raise InputError(f"{path}:{number}: expected Chinese and English in two columns (separated by a tab or comma)")
        if any(cells[3:]):
            # a table without its header row would otherwise lose every column after the third
            raise InputError(
                f"{path}:{number}: {len(cells)} columns where a list of pairs has two (three with a comment); "
                "a table needs a header row naming zh_hans and en, or Chinese (PRC) and English"
            )
        a, b, comment = cells[0], cells[1], (cells[2] if len(cells) > 2 else "")
        if has_han(b) and not has_han(a):
            a, b = b, a
        if not has_han(a):
            raise InputError(f"{path}:{number}: neither of the first two columns holds Chinese ({a!r}, {b!r})")
        if not b:
            continue
        key = to_simplified(a, known)
        g = groups.setdefault(key, {"forms": [], "en": [], "comment": comment, "line": number})
        if a not in g["forms"]:
            g["forms"].append(a)
        if b not in g["en"]:
            g["en"].append(b)
    out = []
    for key, g in groups.items():
        hans = key
        hant = next((f for f in g["forms"] if f != key), "")
        pinyin, definition = _comment(g["comment"])
        out.append(Term(id="", zh_hans=hans, zh_hant=hant, pinyin=pinyin, pinyin_num="", en=g["en"][0], en_alt=tuple(g["en"][1:]),
                        definition=definition, status="unverified", origin=f"{path.name}:{g['line']}"))
    return out


def _comment(comment: str) -> tuple[str, str]:
    """(pinyin, definition) from an OmegaT comment such as ``liǎng gè wéihù — The pledge …``."""
    if not comment:
        return "", ""
    head, sep, rest = comment.partition(" — ")
    if sep and is_pinyin_like(head):
        return head.strip(), rest.strip()
    if is_pinyin_like(comment):
        return comment.strip(), ""
    return "", comment.strip()


def parse_json(path: Path, text: str) -> list[Term]:
    """Our JSON export: an array of objects with the table's field names."""
    try:
        items = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not valid JSON ({exc.msg}, line {exc.lineno})") from None
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise InputError(f"{path}: expected a JSON array of term objects")
    out = []
    for number, item in enumerate(items, start=1):
        row = {k: (" | ".join(map(str, v)) if isinstance(v, list) else "" if v is None else str(v)) for k, v in item.items() if k in COLUMNS}
        try:
            out.append(term_from_row(row, origin=f"{path.name}#{number}"))
        except ValueError as exc:
            raise InputError(f"{path}: item {number}: {exc}") from None
    return out
