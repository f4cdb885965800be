"""The align command and the curation loop: align --format tsv → glossary import."""

from __future__ import annotations

from click.testing import CliRunner
from test_align import PAIRS

from glossary.cli import main
from glossary.store import load


def write_pair(tmp_path):
    zh, en = tmp_path / "doc.zh.txt", tmp_path / "doc.en.txt"
    zh.write_text("\n".join(z for z, _ in PAIRS) + "\n", encoding="utf-8")
    en.write_text("\n".join(e for _, e in PAIRS) + "\n", encoding="utf-8")
    return zh, en


def test_align_command_table(tmp_path):
    zh, en = write_pair(tmp_path)
    result = CliRunner().invoke(main, ["align", str(zh), str(en), "--glossary", "none"])
    assert result.exit_code == 0, result.output
    assert "绿色发展" in result.output and "green development" in result.output.lower()


def test_align_bad_input_is_one_line(tmp_path):
    zh, en = write_pair(tmp_path)
    result = CliRunner().invoke(main, ["align", str(en), str(zh), "--glossary", "none"])
    assert result.exit_code == 1
    assert "glossary: error:" in result.output and "Traceback" not in result.output


#: A phrase no political glossary will hold, so the draft's row is always new to the user file.
FARM_PAIRS = [
    ("村里成立了蓝莓合作社。", "The village set up blueberry cooperatives."),
    ("蓝莓合作社带动了就业。", "Blueberry cooperatives created jobs."),
    ("我们支持蓝莓合作社发展。", "We support the growth of blueberry cooperatives."),
    ("蓝莓合作社的收入增加了。", "The income of blueberry cooperatives rose."),
]


def test_review_tsv_round_trip_through_import(tmp_path):
    zh, en = tmp_path / "farm.zh.txt", tmp_path / "farm.en.txt"
    zh.write_text("\n".join(z for z, _ in FARM_PAIRS) + "\n", encoding="utf-8")
    en.write_text("\n".join(e for _, e in FARM_PAIRS) + "\n", encoding="utf-8")
    draft, user = tmp_path / "draft.tsv", tmp_path / "user.tsv"
    runner = CliRunner()
    result = runner.invoke(main, ["align", str(zh), str(en), "--glossary", "none", "--format", "tsv", "-o", str(draft)])
    assert result.exit_code == 0, result.output
    text = draft.read_text(encoding="utf-8")
    assert "zh_hans\tpinyin\ten\ten_alt\tstatus\tnote" in text
    result = runner.invoke(main, ["import", str(draft), "--glossary", str(user)])
    assert result.exit_code == 0, result.output
    g = load(user=user, shipped=False)
    found = {t.zh_hans: t for t in g}
    assert found["蓝莓合作社"].en.lower() == "blueberry cooperatives"
    assert found["蓝莓合作社"].status == "unverified"


def test_shipped_example_with_the_shipped_glossary():
    """docs/examples/union.*.txt: the example docs/align.md walks through."""
    from pathlib import Path

    import glossary

    root = Path(__file__).resolve().parent.parent / "docs" / "examples"
    df = glossary.align(root / "union.zh.txt", root / "union.en.txt")
    top = {r["zh"]: r for r in df.filter(df["rank"] == 1).iter_rows(named=True)}
    # a phrase the glossary lacks, found by discovery and paired from the translation alone
    assert top["暖心驿站"]["in_glossary"] is False and top["暖心驿站"]["support"] == 2
    # a glossary term the draft renders otherwise: the proposal stands beside the glossary's English
    assert top["灵活就业人员"]["en"] == "people in flexible employment"
    assert top["灵活就业人员"]["in_glossary"] is True and top["灵活就业人员"]["agrees"] is False
    # a glossary term: its proposal agrees with the glossary
    assert top["枫桥经验"]["en"] == "Fengqiao experience" and top["枫桥经验"]["agrees"] is True
    # one phrase, two renderings, with their shares
    unions = df.filter(df["zh"] == "工会").sort("rank")
    assert unions["en"].to_list()[:2] == ["trade unions", "union"]
    assert abs(sum(unions["share"].to_list()) - 1.0) < 1e-6
    result = CliRunner().invoke(main, ["align", str(root / "union.zh.txt"), str(root / "union.en.txt")])
    assert result.exit_code == 0 and "people in flexible employment" in result.output
    # the second rendering of 工会 stands indented under it, not flush left as a phrase would
    assert "\n      →  union  (share 25%, 2 pairs" in result.output
