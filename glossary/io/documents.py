"""Turn what a user points at (files, folders, ``-``, plain strings) into a stream of documents.

A document is one text with a name for messages and contexts. ``.txt``/``.md`` files are one
document each (very large ones are cut at line breaks into parts that share one document number,
so memory stays bounded); ``.csv``/``.tsv`` files give one document per row, from a named text
column (and, when asked, the cell of a date column: ``trends`` dates rows by it). Folders are
walked recursively for those four extensions. A file that cannot be read is reported through
``on_error`` and skipped, so one bad file never stops a corpus run.
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .textfile import decode_bytes, read_text

TEXT_SUFFIXES = (".txt", ".md", ".text", ".markdown")
TABLE_SUFFIXES = (".csv", ".tsv")
#: Column names tried, in order, when a table's text column is not named.
TEXT_COLUMNS = ("text", "body", "content", "zh", "en", "article", "sentence", "segment", "source")
#: Column names tried, in order, for a row's date when the caller wants dates but names no column.
DATE_COLUMNS = ("date", "published", "pubdate", "time", "year", "日期", "时间")
#: Text files above this size are read in parts of about this many bytes.
PART_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Document:
    """One text to extract from. ``doc`` numbers documents; parts of one big file share it.
    ``date`` is the raw cell of a table row's date column, when one was asked for (else '')."""

    name: str
    text: str
    doc: int = 0
    date: str = ""


ErrorHandler = Callable[[InputError], None]


def _raise(exc: InputError) -> None:
    raise exc


def expand(paths: Sequence[str | Path]) -> list[str]:
    """Files a list of arguments names: files as given, folders walked (sorted), ``-`` kept."""
    out: list[str] = []
    for p in paths:
        s = str(p)
        path = Path(s)
        if s != "-" and path.is_dir():
            out += [str(f) for f in sorted(path.rglob("*")) if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES + TABLE_SUFFIXES]
        else:
            out.append(s)
    return out


def expand_folders(paths: Sequence[str | Path], suffixes: Sequence[str]) -> list[Path]:
    """Files as given and the files of folders with one of *suffixes* (walked, sorted), for the
    commands that take several files and folders (check, annotate). A folder holding none is
    an error, as an empty file is: a run that checks nothing must not look like a pass."""
    out: list[Path] = []
    for p in map(Path, paths):
        if not p.is_dir():
            out.append(p)
            continue
        found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in suffixes)
        if not found:
            listed = ", ".join(suffixes[:-1]) + " or " + suffixes[-1] if len(suffixes) > 1 else suffixes[0]
            raise InputError(f"{p}: a folder with no {listed} file")
        out += found
    return out


def total_bytes(files: Sequence[str]) -> int | None:
    """Sum of file sizes (for a progress bar); None when standard input is among them."""
    size = 0
    for f in files:
        if f == "-":
            return None
        try:
            size += Path(f).stat().st_size
        except OSError:
            pass
    return size


def iter_documents(
    files: Sequence[str],
    *,
    encoding: str | None = None,
    column: str | None = None,
    on_error: ErrorHandler = _raise,
    on_bytes: Callable[[int], None] | None = None,
    stdin_text: str | None = None,
    date_column: str | Sequence[str] | None = None,
) -> Iterator[Document]:
    """Documents of *files* in order (see the module docstring). ``stdin_text`` replaces reading
    standard input (so a second pass over ``-`` sees the same text). ``date_column``: the column
    of a CSV/TSV row whose cell becomes ``Document.date`` — a name (which must exist), or a
    sequence of names tried in order (none present: no date)."""
    number = 0
    for f in files:
        try:
            docs = list(_file_documents(f, encoding, column, stdin_text, date_column)) if _small(f) else None
        except InputError as exc:
            on_error(exc)
            continue
        sent = [0]  # bytes of this file already reported to on_bytes

        def report(n: int, sent: list[int] = sent) -> None:
            sent[0] += n
            if on_bytes is not None:
                on_bytes(n)

        if docs is None:
            try:  # a big file reports its progress part by part
                for part in _big_text_parts(f, encoding, report):
                    yield Document(f, part, number)
            except InputError as exc:
                on_error(exc)
            number += 1
        else:
            for name, text, date in docs:
                yield Document(name, text, number, date)
                number += 1
        if on_bytes is not None and f != "-":
            try:
                rest = Path(f).stat().st_size - sent[0]
            except OSError:
                rest = 0
            if rest > 0:
                on_bytes(rest)


def _small(f: str) -> bool:
    if f == "-" or f.lower().endswith(TABLE_SUFFIXES):
        return True
    try:
        return Path(f).stat().st_size <= PART_BYTES
    except OSError:
        return True  # let read_text produce the error message


def _file_documents(f: str, encoding: str | None, column: str | None, stdin_text: str | None,
                    date_column: str | Sequence[str] | None = None) -> Iterator[tuple[str, str, str]]:
    if f == "-":
        text = stdin_text if stdin_text is not None else read_text("-", encoding).text
        name = "<stdin>"
    else:
        text = read_text(f, encoding).text
        name = f
    if not text.strip():  # standard input is judged as a file is: nothing to read is an error
        raise InputError(f"{name}: empty {'input' if f == '-' else 'file'}")
    if f.lower().endswith(TABLE_SUFFIXES):
        yield from table_documents(text, name, "\t" if f.lower().endswith(".tsv") else ",", column, date_column)
    else:
        yield name, text, ""


def table_documents(text: str, name: str, delimiter: str, column: str | None,
                    date_column: str | Sequence[str] | None = None) -> Iterator[tuple[str, str, str]]:
    """One ``(name:row, text, date)`` per row of a CSV/TSV text, from the named (or guessed) text
    column; ``date`` is the cell of *date_column* (see :func:`iter_documents`), else ''."""
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = next(reader, None)
    if header is None:
        return
    names = [h.strip().lstrip("\ufeff") for h in header]
    lowered = [h.lower() for h in names]
    if column is not None:
        if column.lower() not in lowered:
            raise InputError(f"{name}: no column {column!r} (columns: {', '.join(names)})")
        idx = lowered.index(column.lower())
    else:
        found = [c for c in TEXT_COLUMNS if c in lowered]
        if not found:
            raise InputError(f"{name}: which column holds the text? name it with --column (columns: {', '.join(names)})")
        idx = lowered.index(found[0])
    date_idx = -1
    if isinstance(date_column, str):
        if date_column.lower() not in lowered:
            raise InputError(f"{name}: no date column {date_column!r} (columns: {', '.join(names)})")
        date_idx = lowered.index(date_column.lower())
    elif date_column is not None:
        date_idx = next((lowered.index(c.lower()) for c in date_column if c.lower() in lowered), -1)
    for number, row in enumerate(reader, start=2):
        if idx < len(row) and row[idx].strip():
            yield f"{name}:{number}", row[idx], (row[date_idx].strip() if 0 <= date_idx < len(row) else "")


def _big_text_parts(f: str, encoding: str | None, on_bytes: Callable[[int], None] | None = None) -> Iterator[str]:
    """A large text file in parts cut at line ends, decoded incrementally (bounded memory).
    ``on_bytes`` hears, as each part is handed on, about the bytes behind it (in proportion to
    its share of the characters decoded from its chunk), so a progress bar moves within the
    file rather than jumping at its end."""
    import codecs

    try:
        fh = open(f, "rb")
    except OSError as exc:
        raise InputError(f"{f}: cannot read ({exc.strerror or exc})") from None
    with fh:
        head = fh.read(PART_BYTES)
        enc = encoding
        if enc is None:
            for cut in range(4):  # the sample may end inside a multi-byte character
                try:
                    enc = decode_bytes(head[: len(head) - cut] if cut else head, f).encoding
                    break
                except InputError:
                    if cut == 3:
                        raise
        decoder = codecs.getincrementaldecoder(enc or "utf-8")(errors="strict")
        chunk = head
        carry = ""
        while chunk:
            try:
                text = carry + decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                raise InputError(f"{f}: not valid {enc} (byte {exc.start} of a part)") from None
            per_char = len(chunk) / max(1, len(text))
            owed = float(len(chunk))  # this chunk's bytes not yet reported
            while True:  # a file of few line breaks is cut at sentences instead (bounded parts)
                cut = _cut(text)
                if cut < 0:
                    carry = text
                    break
                yield text[:cut].lstrip("\ufeff")
                if on_bytes is not None:
                    n = min(owed, cut * per_char)
                    owed -= n
                    on_bytes(int(n))
                text = text[cut:]
            chunk = fh.read(PART_BYTES)
        carry += decoder.decode(b"", final=True)
        if carry:
            yield carry


#: The longest part cut from a text without line breaks (a one-line export, a minified file).
LINE_PART_CHARS = 1_000_000
_SENTENCE_ENDS = (". ", "。", "！", "？", "! ", "? ", "; ", "；")


def text_parts(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` spans cutting a text already in memory into parts of at most
    :data:`LINE_PART_CHARS` characters, by the same rule as big files are read (line ends first,
    then sentence ends): lets a long text be worked through with bounded memory and progress."""
    at = 0
    while at < len(text):
        window = text[at : at + LINE_PART_CHARS]
        if len(window) < LINE_PART_CHARS:
            yield at, len(text)
            return
        cut = _cut(window)
        yield at, at + cut
        at += cut


def _cut(text: str) -> int:
    """Where to end the next part of *text*: after its last line break; in a long run with no
    line break, after the last sentence end (else the last space) within the first
    :data:`LINE_PART_CHARS` characters; -1 to wait for more text."""
    newline = text.rfind("\n")
    if newline >= 0 and newline < LINE_PART_CHARS:
        return newline + 1
    if len(text) < LINE_PART_CHARS:
        return newline + 1 if newline >= 0 else -1
    window = text[:LINE_PART_CHARS]
    newline = window.rfind("\n")
    if newline >= 0:
        return newline + 1
    end = max(window.rfind(mark) for mark in _SENTENCE_ENDS)
    if end > 0:
        return end + 1
    space = window.rfind(" ")
    return space + 1 if space > 0 else LINE_PART_CHARS


def read_stdin(encoding: str | None = None) -> str:
    return read_text("-", encoding).text

