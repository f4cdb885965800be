"""Exports are written atomically and spreadsheet cells cannot run as formulas."""

from __future__ import annotations

import csv
import io
import os
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from glossary.errors import GlossaryError
from glossary.exports import export, render
from glossary.terms import Term, read_terms

MINI = Path(__file__).parent / "fixtures" / "mini.tsv"
TRIGGERS = ("=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)")


def hostile() -> list[Term]:
    base = read_terms(MINI)[0]
    return [
        replace(base, id=f"t{i}", zh_hans=f"测试{i}", en=trigger, definition=trigger, note=trigger, en_alt=(), en_nonstandard=())
        for i, trigger in enumerate(TRIGGERS)
    ]


@pytest.mark.parametrize("fmt", ["csv", "memoq", "trados"])
def test_csv_cells_are_neutralised(fmt: str) -> None:
    rows = list(csv.reader(io.StringIO(render(hostile(), fmt).lstrip("\ufeff"))))
    cells = [c for row in rows[1:] for c in row]
    assert not any(c[:1] in "=+-@" for c in cells if c)
    for trigger in TRIGGERS:
        assert "'" + trigger in cells


def test_xlsx_cells_are_text_not_formulas() -> None:
    from openpyxl import load_workbook

    ws = load_workbook(io.BytesIO(render(hostile(), "xlsx"))).active
    values = [c for row in ws.iter_rows(min_row=2) for c in row if c.value]
    # every cell is typed text: a spreadsheet shows "=HYPERLINK(…)" and never evaluates it, so the
    # text needs no visible quote in front (the CSV/TSV exports, untyped, do get one)
    assert values and all(c.data_type == "s" for c in values)
    assert "=HYPERLINK(\"http://x\")" in [c.value for c in values]
    with zipfile.ZipFile(io.BytesIO(render(hostile(), "xlsx"))) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet  # no formula element anywhere


def test_failed_write_leaves_old_file_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "terms.tbx"
    target.write_text("OLD CONTENT", encoding="utf-8")

    def broken_fsync(fd: int) -> None:  # the data is half on its way to disk when this fails
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        export(read_terms(MINI), "tbx", target)
    assert target.read_text(encoding="utf-8") == "OLD CONTENT"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["terms.tbx"]  # no temporary debris


def test_failing_writer_leaves_old_file_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from glossary.exports import omegat

    target = tmp_path / "glossary.txt"
    target.write_text("OLD", encoding="utf-8")
    calls = {"n": 0}
    real = omegat.comment

    def fail_midway(term: Term) -> str:
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt  # as if the user pressed Ctrl-C half-way through
        return real(term)

    monkeypatch.setattr(omegat, "comment", fail_midway)
    with pytest.raises(KeyboardInterrupt):
        export(read_terms(MINI), "omegat", target)
    assert target.read_text(encoding="utf-8") == "OLD"
    assert [p.name for p in tmp_path.iterdir()] == ["glossary.txt"]


def test_export_to_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError, match="does not exist"):
        export(read_terms(MINI), "tsv", tmp_path / "nope" / "out.tsv")


def test_omegat_cells_are_neutralised() -> None:
    text = render(hostile(), "omegat")
    fields = [f for line in text.splitlines() for f in line.split("\t")]
    assert fields and not any(f[:1] in "=+-@" for f in fields)
    assert "'=HYPERLINK(\"http://x\")" in fields
