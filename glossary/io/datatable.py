"""The small tab-separated tables the package ships beside its terms (the composer's lexicon, the
learned word senses): one home for reading them, their header check and their errors, so that a
damaged table is one clear line naming the file and row, whichever table it is."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from ..errors import GlossaryError


def table_rows(path: Path, columns: Sequence[str], what: str) -> Iterator[tuple[int, list[str]]]:
    """``(line number, stripped cells)`` of each non-blank row of the table at *path*, whose
    header must be *columns* exactly; *what* names the table in errors ("the lexicon")."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GlossaryError(f"{path}: cannot read {what} ({exc.strerror or exc})") from exc
    if not lines or tuple(lines[0].split("\t")) != tuple(columns):
        raise GlossaryError(f"{path}: the header of {what} must be {' | '.join(columns)}")
    for n, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) != len(columns):
            raise GlossaryError(f"{path}:{n}: {len(cells)} cells, {what} has {len(columns)} columns")
        yield n, cells
