"""Finding kinds ``nonstandard`` and ``outdated``: renderings an editor should replace.

``nonstandard``: a rendering the glossary lists as non-standard. Needs no source; the surest
finding, so it fails CI by default ("two maintenance" for 两个维护, "Chinese style
modernization" for 中国式现代化). ``outdated``: an earlier official rendering that the current one
has replaced ("One Belt, One Road", 2013–2015, for the Belt and Road Initiative); a warning,
since a text of those years rightly used it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..terms import undated
from .case import inside_name
from .renderings import some_alternatives
from .report import Finding, Positions, Where

if TYPE_CHECKING:
    from ..matcher import Hit
    from .checker import Checker


def find_nonstandard(
    checker: Checker, text: str, pos: Positions, hits: Sequence[Hit], source_terms: frozenset[str] | None, where: Where
) -> list[Finding]:
    """Non-standard renderings among *hits* (the matcher's English hits in *text*).

    *source_terms* (ids of the terms in the aligned source segment, when there is one) decides
    about ambiguous forms: with a source they are reported only where the source has the term;
    without one, only as info."""
    out = []
    for hit in hits:
        if not hit.nonstandard:
            continue
        kind = "outdated" if hit.field == "en_history" else "nonstandard"
        if not checker.options.wants(kind):
            continue
        t = hit.term
        if inside_name(text, hit.start, hit.end):
            continue  # "the State Security Law" is a name, not the non-standard "State Security"
        severity = checker.options.level(kind)
        why = checker.ambiguous.get((t.id, hit.form))
        note = ""
        if why is not None:
            if source_terms is not None:
                if t.id not in source_terms:
                    continue
            else:
                severity = "info"
                note = f" (ambiguous: {why}; check the source)"
        line, col = pos(hit.start)
        shown, more = some_alternatives(t)
        alts = f" (or: {'; '.join(shown)}{more})" if shown else ""
        found = " ".join(hit.text.split())
        if hit.field == "en_history":
            years = undated(hit.form)[1]
            message = f'earlier official rendering "{found}" ({years}) of {t.zh_hans} ({t.pinyin}); now "{t.en}"{alts}{note}'
        else:
            message = f'non-standard rendering "{found}" of {t.zh_hans} ({t.pinyin}); use "{t.en}"{alts}{note}'
        out.append(Finding.about(t, kind, severity, line=line, column=col, found=found, where=where, message=message))
    return out
