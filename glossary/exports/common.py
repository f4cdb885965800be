"""Small pieces every export format shares: which Chinese forms a script choice keeps, language
tags, a one-line definition, and the spreadsheet guard.

Keeping them here means that ``--script traditional`` or the length of a comment means the same
thing in the OmegaT file, the TBX file and the HTML sheet.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..io.cells import neutralise
from ..terms import Term

#: BCP 47 tags written into TBX files and used as column labels where a tool wants a code.
LANG_HANS = "zh-Hans"
LANG_HANT = "zh-Hant"
LANG_EN = "en"


def zh_fields(script: str) -> tuple[str, ...]:
    """The Term fields a script choice keeps, simplified first."""
    return {"simplified": ("zh_hans",), "traditional": ("zh_hant",), "both": ("zh_hans", "zh_hant")}[script]


def zh_forms(term: Term, script: str) -> list[str]:
    """The distinct Chinese forms of *term* for *script* (one when both scripts write it alike)."""
    out: list[str] = []
    for name in zh_fields(script):
        form = getattr(term, name)
        if form and form not in out:
            out.append(form)
    return out


def one_line(text: str) -> str:
    """Collapse tabs and line breaks: many glossary formats are one record per line."""
    return re.sub(r"\s+", " ", text).strip()


def short_definition(text: str, limit: int = 140) -> str:
    """The first sentence of a definition, cut at a word boundary if still longer than *limit*."""
    text = one_line(text)
    m = re.match(r"(.+?[.;!?])(\s|$)", text)
    first = m.group(1) if m else text
    if len(first) <= limit:
        return first
    cut = first[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;: ") + "…"


def cell(text: str) -> str:
    """A spreadsheet-bound cell: one line, and inert if it starts with = + - @."""
    return neutralise(one_line(text))


def ordered_unique(items: Sequence[str]) -> list[str]:
    out: list[str] = []
    for x in items:
        if x and x not in out:
            out.append(x)
    return out
