"""The CLI: every command answers --help, errors are one line, lookups print cards."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from glossary.cli import main


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input)


@pytest.mark.parametrize(
    "query", ["two maintenance", "兩個維護", "liang3 ge4 wei2 hu4", "Two Upholds"]
)
def test_four_forms_print_the_same_entry(query):
    r = run("lookup", *query.split(" "))
    assert r.exit_code == 0, r.output
    assert "两个维护" in r.output and "Two Upholds" in r.output and "liǎng gè wéihù" in r.output


def test_nonstandard_is_pointed_out():
    r = run("lookup", "Maple Bridge experience")
    assert r.exit_code == 0
    assert "枫桥经验" in r.output and "NON-STANDARD" in r.output


def test_lookup_json_and_traditional_card():
    r = run("lookup", "--json", "two maintenance")
    data = json.loads(r.output)
    assert data["matches"][0]["term"]["zh_hans"] == "两个维护"
    assert data["matches"][0]["matched_field"] == "en_nonstandard"
    r = run("lookup", "--script", "traditional", "两个维护")
    assert r.output.startswith("兩個維護") and "两个维护" not in r.output.splitlines()[0]


def test_no_match_exits_1_with_suggestions():
    r = run("lookup", "maple brige experiance")
    assert r.exit_code == 1
    assert "Did you mean" in r.output and "枫桥经验" in r.output


def test_bad_option_is_one_clear_line():
    r = run("lookup", "--script", "klingon", "x")
    assert r.exit_code == 2 and "Traceback" not in r.output
    r = run("export", "--format", "nope")
    assert r.exit_code == 1 and "unknown export format" in r.output
    r = run("export", "--category", "nope")
    assert r.exit_code == 2 and "unknown category" in r.output
    r = run("lookup", "--glossary", "/does/not/exist.tsv", "x")
    assert r.exit_code == 1 and "not found" in r.output and "Traceback" not in r.output


def test_every_command_has_help_with_examples():
    top = run("--help")
    assert top.exit_code == 0
    names = [line.split()[0] for line in top.output.split("Commands:")[1].splitlines() if line.strip()]
    assert {"lookup", "search", "pinyin", "export", "validate"} <= set(names)
    for name in names:
        r = run(name, "--help")
        assert r.exit_code == 0, name
        assert "Examples:" in r.output, name


def test_version():
    r = run("--version")
    assert r.exit_code == 0 and "glossary" in r.output


def test_search_and_pinyin_commands():
    r = run("search", "fengqiao")
    assert r.exit_code == 0 and "枫桥经验" in r.output
    r = run("pinyin", "为人民服务")
    assert r.output.strip() == "wèi rénmín fúwù"
    r = run("pinyin", "--numbered", "两个维护")
    assert r.output.strip() == "liang3 ge4 wei2 hu4"
    r = run("pinyin", input="西安\n")
    assert r.output.strip() == "Xī'ān"
    r = run("pinyin", input="")
    assert r.exit_code == 2


def test_glossary_none_and_user_overlay(tmp_path):
    r = run("lookup", "--glossary", "none", "Two Upholds")
    assert r.exit_code == 1
    from pathlib import Path

    mini = Path(__file__).parent / "fixtures" / "mini.tsv"
    r = run("lookup", "--glossary", str(mini), "two maintains")
    assert r.exit_code == 0 and "两个维护" in r.output


