"""glossary import of Excel workbooks: same header handling as CSV, cell conversion, safety, bad files."""

from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary.cli import main
from glossary.errors import GlossaryError, InputError
from glossary.exports import render
from glossary.imports import import_terms, read_drafts
from glossary.terms import read_terms

MINI = Path(__file__).parent / "fixtures" / "mini.tsv"
SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


@pytest.fixture(autouse=True)
def empty_shipped(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No shipped terms (every imported term is new), and no $HOME or $XDG user glossary."""
    import glossary.store

    (tmp_path / "shipped").mkdir()
    monkeypatch.setattr(glossary.store, "shipped_path", lambda: tmp_path / "shipped")
    monkeypatch.delenv("GLOSSARY_USER", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))


def workbook(path: Path, *sheets: tuple[str, list[list[object]]]) -> Path:
    """Write an .xlsx with openpyxl: one (title, rows) per sheet."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def with_member(src: Path, dest: Path, name: str, data: str | bytes) -> Path:
    """A copy of the workbook *src* with member *name* replaced by *data*."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info, raw if info.filename == name else zin.read(info))
    return dest


def sheet_xml(cells: str, doctype: str = "") -> str:
    """Worksheet XML: a header row zh_hans | en, then *cells* (raw <row> elements); the recorded
    used range is wrong (A1 only), as some writers leave it."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n{doctype}<worksheet xmlns="{SHEET_NS}"><dimension ref="A1"/><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>zh_hans</t></is></c><c r="B1" t="inlineStr"><is><t>en</t></is></c></row>'
        f"{cells}</sheetData></worksheet>"
    )


def base(tmp_path: Path) -> Path:
    return workbook(tmp_path / "base.xlsx", ("Sheet1", [["zh_hans", "en"], ["数字中国", "Digital China"]]))


# --- reading ---------------------------------------------------------------------------------


def test_roundtrip_of_an_export_keeps_every_field(tmp_path: Path) -> None:
    """Export → .xlsx → import into an empty user glossary gives the same terms, field by field,
    including list fields and cells that start with = + - @ (text cells, never formulas)."""
    terms = read_terms(MINI)
    terms[0] = replace(terms[0], en="=Two Upholds", en_alt=("-two safeguards", "+1 rendering"), note="@editor: keep")
    terms[2] = replace(terms[2], definition="-The Party's motto.", pinyin_note="'quoted' as is")
    src = tmp_path / "export.xlsx"
    src.write_bytes(render(terms, "xlsx"))
    with zipfile.ZipFile(src) as z:  # typed text, not a formula, and no visible quote
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
        assert "=Two Upholds" in sheet and "'=Two Upholds" not in sheet and "<f>" not in sheet
    user = tmp_path / "user.tsv"
    dry = import_terms(src, user, dry_run=True)
    assert len(dry.added) == len(terms) and not dry.written and not user.exists()
    result = import_terms(src, user)
    assert result.written and len(result.added) == len(terms)
    back = read_terms(user)
    assert [replace(t, origin="") for t in back] == [replace(t, origin="") for t in terms]
    assert back[0].en == "=Two Upholds" and back[0].en_alt == ("-two safeguards", "+1 rendering")
    again = import_terms(src, user)
    assert len(again.unchanged) == len(terms) and not again.added


def test_header_is_read_like_a_csv_header(tmp_path: Path) -> None:
    """The three layouts of the CSV reader: our columns, CAT language columns, bare pairs."""
    table = workbook(tmp_path / "t.xlsx", ("S", [["zh_hans", "en", "status"], ["数字中国", "Digital China", "common"]]))
    (t,) = read_drafts(table)
    assert (t.zh_hans, t.en, t.status, t.origin) == ("数字中国", "Digital China", "common", "t.xlsx:2")
    cat = workbook(tmp_path / "c.xlsx", ("S", [["Chinese (PRC)", "English", "English (do not use)"],
                                               ["网络强国", "cyberpower; cyber power", "'-net power"]]))
    (c,) = read_drafts(cat)
    assert (c.en, c.en_alt, c.en_nonstandard) == ("cyberpower", ("cyber power",), ("-net power",))
    pairs = workbook(tmp_path / "p.xlsx", ("S", [["中文", "英文"], ["网络强国", "cyberpower"], ["網絡強國", "cyber power"], [],
                                                 ["数字中国", "Digital China"]]))
    drafts = read_drafts(pairs)
    assert [(d.zh_hans, d.en, d.en_alt) for d in drafts] == [("网络强国", "cyberpower", ("cyber power",)),
                                                            ("数字中国", "Digital China", ())]
    assert drafts[1].origin == "p.xlsx:5"  # the sheet's own row number, blank row counted
    headerless = workbook(tmp_path / "h.xlsx", ("S", [["数字中国", "Digital China"]]))
    assert read_drafts(headerless)[0].en == "Digital China"


def test_layout_can_be_forced_and_explicit_xlsx_format(tmp_path: Path) -> None:
    wb = workbook(tmp_path / "w.xlsx", ("S", [["zh_hans", "en", "status"], ["数字中国", "Digital China", "common"]]))
    odd = tmp_path / "w.bin"
    odd.write_bytes(wb.read_bytes())
    assert read_drafts(odd)[0].en == "Digital China"  # found by its zip magic bytes
    assert read_drafts(odd, fmt="xlsx")[0].en == "Digital China"
    with pytest.raises(InputError, match="neither of the first two columns"):
        read_drafts(wb, fmt="pairs")  # the header row read as a pair


def test_numbers_dates_booleans_and_empty_cells(tmp_path: Path) -> None:
    wb = workbook(tmp_path / "n.xlsx", ("S", [
        ["zh_hans", "en", "year", "note", "pinyin_note", "definition"],
        ["数字中国", "Digital China", 2015.0, dt.datetime(2024, 3, 1), True, None],
        ["网络强国", "cyberpower", 2014, dt.datetime(2024, 3, 1, 9, 30), 0.25, "line one\nline two"],
    ]))
    a, b = read_drafts(wb)
    assert (a.year, a.note, a.pinyin_note, a.definition) == (2015, "2024-03-01", "TRUE", "")
    assert (b.year, b.note, b.pinyin_note, b.definition) == (2014, "2024-03-01 09:30", "0.25", "line one line two")


def test_formula_cells_give_their_cached_value_or_their_text(tmp_path: Path) -> None:
    cells = (
        '<row r="2"><c r="A2" t="inlineStr"><is><t>数字中国</t></is></c>'
        '<c r="B2" t="str"><f>PROPER("digital china")</f><v>Digital China</v></c></row>'
        '<row r="3"><c r="A3" t="inlineStr"><is><t>网络强国</t></is></c><c r="B3"><f>B2&amp;"!"</f></c></row>'
    )
    wb = with_member(base(tmp_path), tmp_path / "f.xlsx", "xl/worksheets/sheet1.xml", sheet_xml(cells))
    a, b = read_drafts(wb)
    assert a.en == "Digital China"  # Excel's stored result, not the formula
    assert b.en == '=B2&"!"'  # no stored result: the formula as text, never evaluated


def test_formula_error_cell_is_named(tmp_path: Path) -> None:
    cells = '<row r="2"><c r="A2" t="inlineStr"><is><t>数字中国</t></is></c><c r="B2" t="e"><f>VLOOKUP(A2,X,2)</f><v>#N/A</v></c></row>'
    wb = with_member(base(tmp_path), tmp_path / "e.xlsx", "xl/worksheets/sheet1.xml", sheet_xml(cells))
    with pytest.raises(InputError, match=r"cell B2 holds the error #N/A"):
        read_drafts(wb)


def test_sheet_option(tmp_path: Path) -> None:
    wb = workbook(tmp_path / "s.xlsx", ("Notes", [["zh_hans", "en"], ["数字中国", "Digital China"]]),
                  ("Approved", [["zh", "en"], ["网络强国", "cyberpower"]]))
    assert read_drafts(wb)[0].zh_hans == "数字中国"  # first sheet by default
    assert read_drafts(wb, sheet="Approved")[0].zh_hans == "网络强国"
    with pytest.raises(InputError, match=r"no worksheet named 'Draft' \(worksheets: 'Notes', 'Approved'\)"):
        read_drafts(wb, sheet="Draft")
    csv = tmp_path / "p.csv"
    csv.write_text("数字中国,Digital China\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match="--sheet applies to Excel workbooks only"):
        read_drafts(csv, sheet="Approved")
    user = tmp_path / "u.tsv"
    res = CliRunner().invoke(main, ["import", str(wb), "--sheet", "Approved", "--glossary", str(user)])
    assert res.exit_code == 0, res.output
    assert [t.zh_hans for t in read_terms(user)] == ["网络强国"]


# --- safety ------------------------------------------------------------------------------------

LAUGHS = "".join(['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{(f"&lol{i - 1};") * 10}">' for i in range(1, 10)])


def test_billion_laughs_in_a_sheet_is_refused(tmp_path: Path) -> None:
    cells = '<row r="2"><c r="A2" t="inlineStr"><is><t>数字中国</t></is></c><c r="B2" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
    evil = with_member(base(tmp_path), tmp_path / "bomb.xlsx", "xl/worksheets/sheet1.xml",
                       sheet_xml(cells, doctype=f"<!DOCTYPE worksheet [{LAUGHS}]>\n"))
    user = tmp_path / "user.tsv"
    with pytest.raises(InputError, match="xl/worksheets/sheet1.xml declares a DOCTYPE or XML entities"):
        import_terms(evil, user)
    res = CliRunner().invoke(main, ["import", str(evil), "--glossary", str(user)])
    assert res.exit_code == 1 and "Traceback" not in res.output and "lollol" not in res.output
    assert res.output.count("\n") == 1 and res.output.startswith("glossary: error:")
    assert not user.exists()


def test_external_entity_does_not_leak_a_local_file(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    cells = '<row r="2"><c r="A2" t="inlineStr"><is><t>数字中国</t></is></c><c r="B2" t="inlineStr"><is><t>&xxe;</t></is></c></row>'
    src = base(tmp_path)
    evil = with_member(src, tmp_path / "xxe.xlsx", "xl/worksheets/sheet1.xml",
                       sheet_xml(cells, doctype=f'<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'))
    res = CliRunner().invoke(main, ["import", str(evil), "--glossary", str(tmp_path / "u.tsv")])
    assert res.exit_code == 1 and "TOP-SECRET" not in res.output and "entities" in res.output
    # a DOCTYPE in the workbook part (parsed by another path inside openpyxl) is refused as well
    with zipfile.ZipFile(src) as z:
        part = z.read("xl/workbook.xml").decode()
    part = '<!DOCTYPE workbook [<!ENTITY a "b">]>' + part
    with pytest.raises(InputError, match="xl/workbook.xml declares"):
        read_drafts(with_member(src, tmp_path / "wb.xlsx", "xl/workbook.xml", part))


def test_openpyxl_parses_sheets_through_defusedxml(tmp_path: Path) -> None:
    """The second guard, on its own: even without our scan, openpyxl refuses the entity bomb."""
    from defusedxml import DefusedXmlException
    from openpyxl import load_workbook

    cells = '<row r="2"><c r="A2" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
    evil = with_member(base(tmp_path), tmp_path / "bomb.xlsx", "xl/worksheets/sheet1.xml",
                       sheet_xml(cells, doctype=f"<!DOCTYPE worksheet [{LAUGHS}]>\n"))
    with pytest.raises(Exception) as caught:
        wb = load_workbook(evil, read_only=True)
        list(wb.worksheets[0].values)
    assert isinstance(caught.value, DefusedXmlException) or isinstance(caught.value.__cause__, DefusedXmlException)


# --- bad files -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("text.xlsx", b"zh_hans,en\n\xe6\x95\xb0,x\n", "not an Excel .xlsx workbook"),
        ("trunc.xlsx", None, "damaged .xlsx workbook"),
        ("other.xlsx", "zip", "a zip archive but not an Excel workbook"),
        ("locked.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64 + "EncryptionInfo".encode("utf-16-le") + b"\0" * 64,
         "password-protected"),
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, r"old binary Excel \(.xls\)"),
    ],
)
def test_bad_workbooks_give_one_line(tmp_path: Path, name: str, data: object, message: str) -> None:
    path = tmp_path / name
    if data is None:
        path.write_bytes(base(tmp_path).read_bytes()[:600])
    elif data == "zip":
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("content.xml", "<office:document/>")
    else:
        path.write_bytes(data)  # type: ignore[arg-type]
    with pytest.raises(InputError, match=message):
        read_drafts(path)
    user = tmp_path / "u.tsv"
    res = CliRunner().invoke(main, ["import", str(path), "--glossary", str(user)])
    assert res.exit_code == 1 and res.output.startswith("glossary: error:") and res.output.count("\n") == 1
    assert "Traceback" not in res.output and not user.exists()


def test_empty_workbook_and_sheet_without_terms(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no terms"):
        read_drafts(workbook(tmp_path / "empty.xlsx", ("S", [])))
    with pytest.raises(InputError, match="no terms"):
        import_terms(workbook(tmp_path / "head.xlsx", ("S", [["zh_hans", "en"]])), tmp_path / "u.tsv")


def test_table_without_its_header_row_is_refused(tmp_path: Path) -> None:
    """A sheet of our columns whose header row was deleted must not import ids as English."""
    row = list(read_terms(MINI)[0].to_row().values())
    wb = workbook(tmp_path / "nohead.xlsx", ("S", [row]))
    with pytest.raises(InputError, match=r"nohead.xlsx:1: \d+ columns where a list of pairs has two .* needs a header row"):
        read_drafts(wb)
