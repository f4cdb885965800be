"""Every export of the shipped table imports back into it without a conflict."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.exports import render
from glossary.imports import import_terms


@pytest.mark.parametrize("fmt", ["tsv", "csv", "json", "xlsx", "tbx", "tbx2", "omegat", "memoq", "trados"])
def test_shipped_table_reimports_without_conflict(fmt: str, tmp_path: Path) -> None:
    """An unchanged export of the whole shipped table, fed back to import, agrees with itself:
    no conflict, nothing to add, and nothing to extend except forms a format cannot carry."""
    from glossary.store import load

    shipped = list(load())
    assert len(shipped) > 2000  # the real table, not a fixture
    ext = {"tbx2": "tbx", "omegat": "txt", "memoq": "csv", "trados": "csv"}.get(fmt, fmt)
    src = tmp_path / f"export.{ext}"
    data = render(shipped, fmt)
    src.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    result = import_terms(src, tmp_path / "u.tsv", dry_run=True)
    assert not result.conflicts, "\n".join(str(c) for c in result.conflicts[:10])
    assert not result.added, [t.zh_hans for t in result.added[:10]]
    assert not result.extended, [(t.id, t.en_alt, t.en_nonstandard) for t in result.extended[:5]]
