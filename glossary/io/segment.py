"""The aligned unit every reader of parallel text (TSV, two files, TMX) produces."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

#: How a Chinese source and its English target are cut into aligned units.
Unit = Literal["auto", "line", "paragraph"]


@dataclass(frozen=True, slots=True)
class Segment:
    """One aligned unit.

    ``source_line``/``target_line`` are the 1-based lines where the unit starts in its file (for
    a TSV both are the row's line). ``source``/``target`` keep their inner newlines (paragraph
    units), so a position inside the text can be turned back into a file line and column.
    """

    index: int
    source: str
    target: str
    source_line: int
    target_line: int
    id: str = ""
