"""The review file of the curation loop: extract → align → review → import.

``glossary align --format tsv`` writes proposals as a draft term table in the columns of
docs/data-format.md (only those it can fill), so that ``glossary import`` reads the reviewed file
without any conversion: a person deletes the rows they reject, corrects the English, and imports.
Each row is one Chinese phrase; its main rendering goes to ``en``, further renderings to
``en_alt``; the evidence (share, supporting pairs, one example) goes to ``note`` so the reviewer
sees why. Glossary terms are written as ``#`` comment lines — the importer skips them — with the
rendering the translation used, which makes a disagreement with the glossary visible.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..io.cells import neutralise
from ..terms import LIST_SEP

if TYPE_CHECKING:
    import polars as pl

REVIEW_COLUMNS = ("zh_hans", "pinyin", "en", "en_alt", "status", "note")


def _cell(text: str) -> str:
    return neutralise(" ".join(str(text).split()).replace("|", "/"))


def review_tsv(df: pl.DataFrame, *, include_known: bool = True, source: str = "", example_chars: int = 80) -> str:
    """The proposals of :func:`glossary.alignment.align` as a draft term table (TSV text)."""
    lines = [
        "# Draft terms proposed by 'glossary align'" + (f" from {Path(source).name}" if source else "") + ".",
        "# Review: delete wrong rows, correct en/en_alt, then run: glossary import THIS_FILE",
        "\t".join(REVIEW_COLUMNS),
    ]
    known_lines = []
    for group in df.partition_by("zh", maintain_order=True):
        rows = group.sort("rank").to_dicts()
        top = rows[0]
        alts = [r["en"] for r in rows[1:]]
        ex_zh = top["example_zh"][:example_chars]
        ex_en = top["example_en"][: example_chars * 3]
        evidence = (
            f"align: {top['share']:.0%} of {top['occurrences']} occurrences, {top['support']} segment pairs, "
            f"score {top['score']:.2f}"
            + "".join(f"; '{r['en']}' {r['share']:.0%}" for r in rows[1:])
            + f"; e.g. {top['example_ref']}: {ex_zh} = {ex_en}"
        )
        if top["in_glossary"]:
            verdict = "agrees" if top["agrees"] else f"glossary has '{top['glossary_en']}'"
            known_lines.append(f"# {top['zh']}\t{top['en']}\t({verdict}; {top['share']:.0%} of {top['occurrences']})")
            continue
        cells = [top["zh"], top["pinyin"], top["en"], LIST_SEP.join(_cell(a) for a in alts), "unverified", evidence]
        lines.append("\t".join(_cell(c) if i != 3 else c for i, c in enumerate(cells)))
    if include_known and known_lines:
        lines.append("# Glossary terms as the translation rendered them (not imported):")
        lines += known_lines
    return "\n".join(lines) + "\n"


__all__ = ["REVIEW_COLUMNS", "review_tsv"]
