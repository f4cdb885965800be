"""OmegaT glossary: UTF-8, tab-separated ``source<TAB>target<TAB>comment``, no header.

OmegaT matches the source column exactly and shows the comment beside the suggestion, so every
acceptable rendering gets its own line (the standard one first) and the comment carries the
pinyin and a one-sentence definition. Renderings to avoid are not listed: OmegaT would offer
them as suggestions. Save the file as ``glossary.txt`` (or ``*.utf8``) in the project's
``glossary/`` folder.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..terms import Term
from . import ExportOptions
from .common import cell, one_line, short_definition, zh_forms


def comment(term: Term) -> str:
    parts = [p for p in (term.pinyin, short_definition(term.definition)) if p]
    return " — ".join(parts)


def write_omegat(terms: Sequence[Term], options: ExportOptions) -> str:
    lines: list[str] = []
    for t in terms:
        note = one_line(comment(t))
        # the short forms too: OmegaT matches the source text exactly, and texts use them
        aliases = list(t.zh_alias) if options.script != "traditional" else []
        for zh in zh_forms(t, options.script) + aliases:
            for en in t.renderings:
                if en:
                    lines.append(f"{cell(zh)}\t{cell(en)}\t{cell(note)}")
    return "".join(line + "\n" for line in lines)
