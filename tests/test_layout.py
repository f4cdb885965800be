"""The package's shape: commands and their API twins, lazy imports, real signatures."""

from __future__ import annotations

import inspect
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

import glossary
from glossary.cli import COMMANDS, main

#: Each command and the API function that does its work.
TWINS = {
    "align": "align",
    "annotate": "annotate",
    "check": "check",
    "compose": "compose_all",
    "export": "export",
    "extract": "extract",
    "formats": "export_formats",
    "import": "import_terms",
    "lookup": "load",  # Glossary.lookup
    "pinyin": "orthographic",
    "search": "load",  # Glossary.search
    "trends": "trends",
    "validate": "validate_paths",
}

HEAVY = ("polars", "jieba", "pypinyin", "opencc", "rapidfuzz", "lxml", "numpy", "ahocorasick", "ahocorasick_rs")


def test_every_command_has_an_api_twin_with_a_real_signature():
    assert set(TWINS) == set(COMMANDS)
    for command, name in TWINS.items():
        function = getattr(glossary, name)
        assert inspect.isfunction(function), (command, name)
        params = inspect.signature(function).parameters.values()
        assert not any(p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in params), name


def test_importing_the_modules_does_not_hide_the_functions():
    import importlib

    for module in ("extraction", "checking", "annotation", "exports", "alignment", "trending"):
        importlib.import_module(f"glossary.{module}")
    for name in ("extract", "check", "annotate", "export", "align", "trends"):
        assert inspect.isfunction(getattr(glossary, name)), name


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_loads_and_explains_itself(command):
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Examples" in result.output and "Usage:" in result.output


def test_a_broken_command_module_is_an_error_not_a_missing_command(monkeypatch):
    import glossary.cli as cli

    monkeypatch.setitem(cli.COMMANDS, "broken", "no_such_module:command")
    result = CliRunner().invoke(main, ["broken", "--help"])
    assert isinstance(result.exception, ModuleNotFoundError)


def test_exact_lookup_imports_no_heavy_module():
    code = (
        "import sys, json\n"
        "from glossary.cli import main\n"
        "try:\n"
        "    main(['lookup', 'two maintenance'], standalone_mode=False)\n"
        "finally:\n"
        f"    print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "Two Upholds" in done.stdout, done.stderr
    assert json.loads(done.stderr.strip().splitlines()[-1]) == []


def test_api_names_are_listed_for_help():
    assert {"extract", "check", "annotate", "align", "export", "load"} <= set(glossary.__all__)
    assert "extract" in dir(glossary)


def test_wrap_by_display_width_and_long_chinese():
    from glossary.layout import display_width, wrap

    assert display_width("两个维护 two") == 12
    lines = wrap("also written: " + "坚决维护" * 30, 40, "    ", first="  ")
    assert all(display_width(line) <= 40 for line in lines) and lines[0].startswith("  also written:")
    assert wrap("see https://example.org/" + "x" * 60, 30, "  ") [-1].endswith("x" * 60)  # an address stays whole


@pytest.mark.parametrize("args", [
    ["lookup", "two maintenance"], ["lookup", "中组部"], ["search", "maple brige"],
    ["extract", "seeds/000_5defafeaa1fe7f18.txt"],
    ["align", "docs/examples/union.zh.txt", "docs/examples/union.en.txt"],
])
def test_human_output_fits_80_columns_when_not_a_terminal(args, monkeypatch):
    from pathlib import Path

    from glossary.layout import display_width

    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    result = CliRunner().invoke(main, args)
    assert result.exit_code in (0, 1), result.output
    widest = max(display_width(line) for line in result.stdout.splitlines())
    assert widest <= 80, [line for line in result.stdout.splitlines() if display_width(line) > 80][:2]
