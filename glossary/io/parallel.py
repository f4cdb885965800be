"""Read aligned Chinese–English text: two files aligned by line or paragraph, one zh/en TSV, or a
translation memory (TMX, see :mod:`glossary.io.tmx`).

``check`` (terminology QA against a source) and ``align`` (term pairing from parallel text) both
need the same thing: a list of segment pairs that remember where they came from, so a finding can
point at a line in the file the translator has open. Decoding goes through
:func:`glossary.io.textfile.read_text`, so legacy encodings work and binary files fail in one line.

Alignment is never guessed statistically: the two files must have the same number of segments,
counted either as non-blank lines or as blank-line-separated paragraphs; when they do not, the
error says both counts, because a silent mis-alignment would make every later finding wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .segment import Segment
from .textfile import read_text

#: Header names accepted for the Chinese and the English column of a parallel TSV (first wins).
ZH_COLUMNS = ("zh", "zh_hans", "zh_hant", "source", "src")
EN_COLUMNS = ("en", "target", "tgt")
UNITS = ("auto", "line", "paragraph")


@dataclass(frozen=True, slots=True)
class _Unit:
    text: str
    line: int


def read_parallel(
    source: str | Path,
    target: str | Path | None = None,
    *,
    unit: str = "auto",
    encoding: str | None = None,
) -> list[Segment]:
    """Segments of an aligned text pair.

    With one argument, *source* is a TSV with a header row naming a Chinese column (``zh``) and an
    English column (``en``), or a TMX translation memory (by its ``.tmx`` extension). With two, *source* (Chinese) and *target* (English) are plain text
    files aligned by ``unit``: ``line`` (each non-blank line), ``paragraph`` (blocks separated by
    blank lines) or ``auto`` (lines when the counts agree, else paragraphs when those agree).
    Raises :class:`~glossary.errors.InputError` with one clear line on any problem.
    """
    if unit not in UNITS:
        raise InputError(f"unknown alignment unit {unit!r}; choose from {', '.join(UNITS)}")
    if target is None:
        from .tmx import is_tmx, read_tmx

        if is_tmx(source):
            return read_tmx(source)
        return read_parallel_tsv(source, encoding=encoding)
    src = read_text(source, encoding).text
    tgt = read_text(target, encoding).text
    return align_texts(src, tgt, unit=unit, source_name=str(source), target_name=str(target))


def align_texts(
    source: str,
    target: str,
    *,
    unit: str = "auto",
    source_name: str = "source",
    target_name: str = "target",
) -> list[Segment]:
    """Pair two already-decoded texts unit by unit (see :func:`read_parallel`)."""
    if unit not in UNITS:
        raise InputError(f"unknown alignment unit {unit!r}; choose from {', '.join(UNITS)}")
    s_lines, t_lines = split_lines(source), split_lines(target)
    if unit == "line" or (unit == "auto" and len(s_lines) == len(t_lines)):
        if len(s_lines) != len(t_lines):
            raise InputError(_count_error("line", source_name, len(s_lines), target_name, len(t_lines)))
        pairs = list(zip(s_lines, t_lines))
    else:
        s_paras, t_paras = split_paragraphs(source), split_paragraphs(target)
        if len(s_paras) != len(t_paras):
            if unit == "auto":
                raise InputError(
                    f"cannot align {source_name} with {target_name}: {len(s_lines)} vs {len(t_lines)} non-blank "
                    f"lines and {len(s_paras)} vs {len(t_paras)} paragraphs; the two files need the same number "
                    "of lines or of blank-line-separated paragraphs"
                )
            raise InputError(_count_error("paragraph", source_name, len(s_paras), target_name, len(t_paras)))
        pairs = list(zip(s_paras, t_paras))
    return [Segment(i, s.text, t.text, s.line, t.line) for i, (s, t) in enumerate(pairs, start=1)]


def _count_error(what: str, sname: str, scount: int, tname: str, tcount: int) -> str:
    return f"cannot align by {what}: {sname} has {scount} {what}s, {tname} has {tcount}"


def split_lines(text: str) -> list[_Unit]:
    """Every non-blank line with its 1-based line number."""
    return [_Unit(line, n) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]


def split_paragraphs(text: str) -> list[_Unit]:
    """Blank-line-separated blocks (inner newlines kept) with the line each starts on."""
    out: list[_Unit] = []
    block: list[str] = []
    start = 0
    for n, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            if not block:
                start = n
            block.append(line)
        elif block:
            out.append(_Unit("\n".join(block), start))
            block = []
    if block:
        out.append(_Unit("\n".join(block), start))
    return out


def read_parallel_tsv(path: str | Path, *, encoding: str | None = None) -> list[Segment]:
    """Segments of a TSV whose header names a Chinese and an English column (``id`` optional)."""
    return parse_parallel_tsv(read_text(path, encoding).text, str(path))


def parse_parallel_tsv(text: str, name: str = "<tsv>") -> list[Segment]:
    """Parse TSV text (see :func:`read_parallel_tsv`). Cells are not quoted, as in the term
    table, except that a cell wrapped in double quotes with its inner quotes doubled (what
    spreadsheets write) is unwrapped."""
    lines = text.splitlines()
    first = next((n for n, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise InputError(f"{name}: empty file, expected a TSV with a header row naming zh and en columns")
    header = [_unquote(c.strip()).lower() for c in lines[first].split("\t")]
    zh_col = next((header.index(c) for c in ZH_COLUMNS if c in header), None)
    en_col = next((header.index(c) for c in EN_COLUMNS if c in header), None)
    if zh_col is None or en_col is None:
        lacking = " and ".join(x for x, col in (("zh", zh_col), ("en", en_col)) if col is None)
        shown = ", ".join(h or "''" for h in header[:8])
        raise InputError(
            f"{name}:{first + 1}: not a parallel TSV: the header ({shown}) has no {lacking} column; "
            "expected a header row with columns named zh and en"
        )
    id_col = header.index("id") if "id" in header else None
    out: list[Segment] = []
    for n, line in enumerate(lines[first + 1 :], start=first + 2):
        if not line.strip():
            continue
        cells = line.split("\t")
        while len(cells) > len(header) and not cells[-1].strip():
            cells.pop()
        if len(cells) > len(header):
            raise InputError(f"{name}:{n}: {len(cells)} fields, the header has {len(header)}")
        cells += [""] * (len(header) - len(cells))
        out.append(
            Segment(
                index=len(out) + 1,
                source=_unquote(cells[zh_col]),
                target=_unquote(cells[en_col]),
                source_line=n,
                target_line=n,
                id=_unquote(cells[id_col]).strip() if id_col is not None else "",
            )
        )
    return out


def _unquote(cell: str) -> str:
    if len(cell) >= 2 and cell[0] == cell[-1] == '"':
        inner = cell[1:-1]
        if '"' not in inner.replace('""', ""):
            return inner.replace('""', '"')
    return cell


def is_parallel_tsv(path: str | Path) -> bool:
    """Whether *path* names a parallel file by its extension, a TSV or a TMX translation memory
    (the check command's auto mode: one file holding both languages)."""
    return Path(str(path)).suffix.lower() in (".tsv", ".tab", ".tmx")


__all__ = ["Segment", "read_parallel", "read_parallel_tsv", "parse_parallel_tsv", "align_texts", "is_parallel_tsv"]
