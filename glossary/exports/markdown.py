"""A Markdown reference: one section and one table per category, terms sorted by pinyin.

Meant for wikis, style guides and pull-request reviews; pipes and line breaks inside cells are
escaped so that every row stays one table row.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..terms import CATEGORIES, Term
from . import ExportOptions
from .common import one_line, zh_forms


def md_cell(text: str) -> str:
    t = one_line(text).replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*")
    return t.replace("<", "&lt;").replace(">", "&gt;")


def _by_category(terms: Sequence[Term]) -> list[tuple[str, list[Term]]]:
    groups: dict[str, list[Term]] = {}
    for t in terms:
        groups.setdefault(t.category or "uncategorised", []).append(t)
    order = [c for c in CATEGORIES if c in groups] + sorted(c for c in groups if c not in CATEGORIES)
    return [(c, sorted(groups[c], key=lambda t: (t.pinyin_num, t.zh_hans))) for c in order]


def write_markdown(terms: Sequence[Term], options: ExportOptions) -> str:
    out = ["# Chinese political terms", "", f"{len(terms)} term{'' if len(terms) == 1 else 's'}. *Avoid* lists renderings to replace (machine translations, literal forms).", ""]
    zh_head = {"simplified": "Chinese", "traditional": "Chinese (traditional)", "both": "Chinese (simplified / traditional)"}[options.script]
    for category, group in _by_category(terms):
        out += [f"## {category} ({len(group)})", ""]
        out.append(f"| {zh_head} | Pinyin | English | Also | Avoid | Definition | Status |")
        out.append("|---|---|---|---|---|---|---|")
        for t in group:
            zh = " / ".join(zh_forms(t, options.script))
            cells = [zh, t.pinyin, f"**{t.en}**", "; ".join(t.en_alt), "; ".join(t.en_nonstandard), t.definition, t.status]
            out.append("| " + " | ".join(md_cell(c) if i != 2 else "**" + md_cell(t.en) + "**" for i, c in enumerate(cells)) + " |")
        out.append("")
    return "\n".join(out)
