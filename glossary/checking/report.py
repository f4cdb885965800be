"""What a check run returns: :class:`Finding` records gathered in a :class:`CheckReport`."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass, fields
from typing import TYPE_CHECKING

from .options import LEVELS, rank

if TYPE_CHECKING:
    import polars as pl

    from ..terms import Term


@dataclass(frozen=True, slots=True)
class Finding:
    """One QA finding, located in the target (English) file.

    ``line``/``column`` are 1-based and count characters; for a parallel TSV the line is the row
    and the column counts within its English cell. ``missing`` findings point at the start of
    the segment (``found`` is empty) and say where the term is in the source (``source_line``,
    ``source_text``).
    """

    kind: str
    severity: str
    line: int
    column: int
    found: str
    expected: str
    zh: str
    pinyin: str
    term_id: str
    message: str
    accepted: tuple[str, ...] = ()
    segment: int | None = None
    segment_id: str = ""
    source_line: int | None = None
    source_text: str = ""
    file: str = ""

    def to_dict(self) -> dict[str, object]:
        d = asdict(self)
        d["accepted"] = list(self.accepted)
        return d

    @classmethod
    def about(
        cls,
        term: Term,
        kind: str,
        severity: str,
        *,
        line: int,
        column: int,
        found: str,
        message: str,
        where: Where,
        expected: str | None = None,
        source_line: int | None = None,
        source_text: str = "",
    ) -> Finding:
        """A finding about *term*: its Chinese, pinyin, id and accepted renderings filled in."""
        return cls(
            kind=kind, severity=severity, line=line, column=column, found=found,
            expected=term.en if expected is None else expected, zh=term.zh_hans, pinyin=term.pinyin,
            term_id=term.id, message=message, accepted=term.en_alt, segment=where.segment,
            segment_id=where.segment_id, source_line=source_line, source_text=source_text, file=where.file,
        )


@dataclass(frozen=True, slots=True)
class Where:
    """Where a piece of checked text sits: its file and, for aligned input, its segment."""

    file: str = ""
    segment: int | None = None
    segment_id: str = ""


FINDING_COLUMNS = tuple(f.name for f in fields(Finding))


@dataclass(frozen=True)
class CheckReport:
    """The findings of one check run, with what is needed to put them in proportion."""

    findings: tuple[Finding, ...]
    words: int
    segments: int = 0
    target: str = ""
    source: str | None = None

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def counts(self) -> dict[str, int]:
        """Number of findings per severity (every level present, zeros included)."""
        c = Counter(f.severity for f in self.findings)
        return {level: c.get(level, 0) for level in reversed(LEVELS)}

    def at_or_above(self, level: str) -> list[Finding]:
        """Findings whose severity is *level* or worse (``never`` gives none)."""
        if level == "never":
            return []
        threshold = rank(level)
        return [f for f in self.findings if rank(f.severity) >= threshold]

    def failed(self, fail_on: str = "error") -> bool:
        return bool(self.at_or_above(fail_on))

    def per_10k_words(self, kind: str | None = None) -> float:
        n = sum(1 for f in self.findings if kind is None or f.kind == kind)
        return 10000 * n / self.words if self.words else 0.0

    def to_frame(self) -> pl.DataFrame:
        """The findings as a polars DataFrame, one row per finding (columns: FINDING_COLUMNS)."""
        import polars as pl

        schema: dict[str, pl.DataType | type[pl.DataType]] = {name: pl.Utf8 for name in FINDING_COLUMNS}
        for name in ("line", "column", "segment", "source_line"):
            schema[name] = pl.Int64
        schema["accepted"] = pl.List(pl.Utf8)
        rows = [f.to_dict() for f in self.findings]
        return pl.DataFrame(rows, schema=schema) if rows else pl.DataFrame(schema=schema)


#: Line breaks as lines are counted everywhere in a report (CRLF is one break).
LINE_BREAK = re.compile(r"\r\n|\r|\n")


class Positions:
    """Offset → (line, column) for one text, with a base line for texts cut from a file and a
    base column for a text that starts inside a line (a part of a very long line)."""

    def __init__(self, text: str, base_line: int = 1, base_column: int = 0) -> None:
        self.starts = [0] + [m.end() for m in LINE_BREAK.finditer(text)]
        self.base = base_line
        self.base_column = base_column

    def __call__(self, offset: int) -> tuple[int, int]:
        i = bisect_right(self.starts, offset) - 1
        return self.base + i, offset - self.starts[i] + 1 + (self.base_column if i == 0 else 0)
