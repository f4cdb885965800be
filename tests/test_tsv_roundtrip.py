"""`glossary export --format tsv` reads back as the same table."""

from __future__ import annotations

from click.testing import CliRunner

import glossary
from glossary.cli import main
from glossary.terms import Term, read_terms


def _strip_origin(terms):
    return [Term(**{**t.to_dict(), "en_alt": t.en_alt, "en_nonstandard": t.en_nonstandard, "source": t.source, "related": t.related}) for t in terms]


def test_tsv_export_round_trips(tmp_path, shipped):
    out = tmp_path / "all.tsv"
    r = CliRunner().invoke(main, ["export", "--format", "tsv", "-o", str(out)])
    assert r.exit_code == 0, r.output
    back = read_terms(out)
    assert _strip_origin(back) == _strip_origin(shipped.terms)


def test_stdout_export_and_category_filter(shipped):
    r = CliRunner().invoke(main, ["export", "--format", "tsv", "--category", "formulation"])
    lines = r.output.splitlines()
    assert lines[0].startswith("id\tzh_hans")
    at = lines[0].split("\t").index("category")
    cats = {line.split("\t")[at] for line in lines[1:]}
    assert cats == {"formulation"}


def test_script_filter_drops_the_other_script():
    r = CliRunner().invoke(main, ["export", "--format", "tsv", "--script", "traditional"])
    header = r.output.splitlines()[0].split("\t")
    assert "zh_hant" in header and "zh_hans" not in header


def test_formula_cells_are_neutralised_and_read_back(tmp_path):
    t = Term(id="x", zh_hans="两个维护", zh_hant="兩個維護", pinyin="liǎng gè wéihù", pinyin_num="liang3 ge4 wei2 hu4",
             en="=HYPERLINK(\"http://x\")", category="formulation", definition="d", status="proposed")
    path = tmp_path / "x.tsv"
    glossary.export([t], "tsv", path)
    text = path.read_text(encoding="utf-8")
    assert "\t'=HYPERLINK" in text
    assert read_terms(path)[0].en == t.en
