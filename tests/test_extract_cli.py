"""`glossary extract`: formats, options, stdin, output file, error paths (CLI level)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from glossary.cli import main

MINI = str(Path(__file__).resolve().parent / "fixtures" / "mini.tsv")
ZH = "我们要坚决做到两个维护，增强四个意识。各级党组织要做到两个维护，推广枫桥经验，增强四个意识。"


def run(*args: str, input: bytes | str | None = None):
    return CliRunner().invoke(main, ["extract", *args], input=input)


def test_help_has_examples():
    r = run("--help")
    assert r.exit_code == 0
    assert "Examples:" in r.output and "--known-only" in r.output and "--glossary" in r.output


def test_main_job_on_the_seed(seed_path):
    r = run(str(seed_path))
    assert r.exit_code == 0, r.output
    import unicodedata

    def width(line: str) -> int:
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)

    lines = r.output.splitlines()
    assert max(width(line) for line in lines) <= 100
    text = r.output
    # each machine rendering is followed, in its block, by the standard English
    for written, standard in [("two maintenance", "Two Upholds"), ("Chinese style modernization", "Chinese modernization"),
                              ("Maple Bridge experience", "Fengqiao")]:
        at = text.lower().index(written.lower())
        block = text[at : at + 400]
        assert "! non-standard rendering; standard: " + standard in block, written


def test_seed_nonstandard_rendering_in_csv(seed_path):
    r = run(str(seed_path), "--format", "csv", "--known-only")
    assert r.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(r.output)))
    tm = [x for x in rows if x["phrase"].lower() == "two maintenance"]
    assert tm and tm[0]["standard"] == "Two Upholds" and tm[0]["nonstandard"] == "yes"
    assert all(x["term_id"] for x in rows)


def test_json_tsv_and_output_file(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(ZH, encoding="utf-8")
    r = run(str(src), "--glossary", MINI, "--format", "json")
    data = json.loads(r.output)
    assert any(d["phrase"] == "两个维护" and d["count"] == 2 for d in data)
    out = tmp_path / "out.tsv"
    r = run(str(src), "--format", "tsv", "-o", str(out))
    assert r.exit_code == 0 and out.exists()
    header = out.read_text(encoding="utf-8").splitlines()[0].split("\t")
    assert header[:3] == ["phrase", "lang", "term_id"] and "contexts" in header


def test_stdin_and_glossary_none():
    r = run("-", "--glossary", "none", "--format", "json", input=ZH.encode("utf-8"))
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    assert all(d["term_id"] == "" for d in data)
    assert {"两个维护", "四个意识"} <= {d["phrase"] for d in data}


def test_new_only_and_top(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(ZH + "村里要办好蓝莓合作社。乡里支持蓝莓合作社。", encoding="utf-8")
    r = run(str(src), "--new-only", "--format", "json", "--top", "1")
    data = json.loads(r.output)
    assert len(data) == 1 and data[0]["term_id"] == ""


def test_encoding_option(tmp_path):
    src = tmp_path / "gbk.txt"
    src.write_bytes(ZH.encode("gb18030"))
    r = run(str(src), "--encoding", "gb18030", "--format", "json", "--glossary", MINI)
    assert r.exit_code == 0
    assert any(d["phrase"] == "两个维护" for d in json.loads(r.output))
    r = run(str(src), "--encoding", "no-such-codec")
    assert r.exit_code == 1 and "unknown encoding" in r.output


def test_bad_file_is_one_line_and_others_still_run(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ZH, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    r = CliRunner().invoke(main, ["extract", str(bad), str(good), "--format", "json"])
    assert r.exit_code == 1
    assert "glossary: error:" in r.output and "bad.txt" in r.output
    assert "Traceback" not in r.output
    assert '"两个维护"' in r.output


def test_empty_file_is_reported(tmp_path):
    empty = tmp_path / "e.txt"
    empty.write_text("", encoding="utf-8")
    r = run(str(empty))
    assert r.exit_code == 1 and "empty file" in r.output and "Traceback" not in r.output


def test_missing_file_is_an_error_not_text(tmp_path):
    # the API reads a string naming no file as text; on the command line it is a mistyped path
    r = run(str(tmp_path / "no-such-speech.txt"))
    assert r.exit_code == 1 and "no such file" in r.output


def test_csv_cells_are_spreadsheet_safe(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text('He said "=cmd two" and "=cmd two" again.', encoding="utf-8")
    r = run(str(src), "--format", "csv", "--glossary", "none")
    rows = list(csv.DictReader(io.StringIO(r.output)))
    assert rows and all(not x["phrase"].startswith("=") for x in rows)


def test_english_phrases_across_line_breaks_and_one_word_names(tmp_path):
    src = tmp_path / "en.txt"
    src.write_text("The Communist\nParty of China leads. China is large. China grows.\n"
                   "The Communist Party of China decides.\n", encoding="utf-8")
    data = json.loads(run(str(src), "-f", "json").output)
    phrases = {d["phrase"] for d in data}
    assert "Communist Party of China" in phrases and not any("\n" in p for p in phrases)
    assert "China" not in phrases  # a one-word alternative is ordinary English, no phrase


def test_table_header_says_what_is_shown(seed_path):
    out = run(str(seed_path)).output
    head = out.split("\n\n", 1)[0]
    assert "phrases found; shown: the best 60 and every non-standard rendering" in " ".join(head.split())


def test_empty_stdin_and_empty_folder_are_errors_like_an_empty_file(tmp_path):
    r = run("-", input="")
    assert r.exit_code == 1 and "<stdin>: empty input" in r.output
    folder = tmp_path / "nothing"
    folder.mkdir()
    (folder / "image.png").write_bytes(b"\x89PNG")
    r = run(str(folder))
    assert r.exit_code == 1 and "a folder with no .txt, .md, .csv or .tsv file" in r.output


def test_new_phrases_say_how_their_english_was_made(tmp_path):
    r = run("-", "--glossary", "none", "--format", "json", input=ZH.encode("utf-8"))
    data = {d["phrase"]: d for d in json.loads(r.output)}
    row = data["两个维护"]
    assert row["en_method"] in ("composed", "gloss") and 0 < row["en_confidence"] <= 1 and row["en_unreviewed"]
    r = run("-", "--glossary", "none", input=ZH.encode("utf-8"))
    assert "unreviewed, confidence" in r.output and "glossary compose --help" in r.output.replace("\n  ", " ")
    out = tmp_path / "out.tsv"
    run("-", "--format", "tsv", "-o", str(out), input=ZH.encode("utf-8"))
    header = out.read_text(encoding="utf-8").splitlines()[0].split("\t")
    assert header[header.index("en") + 1 : header.index("en") + 4] == ["en_method", "en_confidence", "en_unreviewed"]
