"""Finding kind ``inconsistent``: one source term rendered differently in different segments.

Reported where the less frequent rendering is used. Often deliberate (an abbreviation after the
first mention), hence informational by default.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ..io.parallel import Segment
from .renderings import form_for, rendering_keys
from .report import Finding, Where

if TYPE_CHECKING:
    from ..terms import Term
    from .checker import Checker


def find_inconsistent(
    checker: Checker, term: Term, uses: list[tuple[Segment, tuple[str, ...]]], target: str
) -> list[Finding]:
    """The segments where *term* is rendered otherwise than in most segments. *uses*: each
    segment whose target renders the term, with the rendering keys it uses."""
    keys = checker.accepted_keys(term)
    # a rendering contained in another ("the Belt and Road" in "the Belt and Road Initiative",
    # "SOEs" in "state-owned enterprises (SOEs)") is the same choice, not an inconsistency
    canon = {k: next((o for o in keys if f" {k} " in f" {o} "), k) for k in keys}
    uses = [(seg, tuple(dict.fromkeys(canon[k] for k in used))) for seg, used in uses]
    counts: Counter[str] = Counter(k for _, used in uses for k in used)
    if len(counts) < 2:
        return []
    # most used first; on a tie, the standard rendering's key wins
    std = rendering_keys([term.en])
    main = max(counts, key=lambda k: (counts[k], k in std, -keys.index(k)))
    forms = {k: form_for(term, k) for k in counts}
    out = []
    for seg, used in uses:
        if main in used:
            continue
        others = ", ".join(f'"{forms[k]}"' for k in used)
        out.append(
            Finding.about(
                term, "inconsistent", checker.options.level("inconsistent"), line=seg.target_line, column=1,
                found=forms[used[0]], expected=forms[main],
                message=f'{term.zh_hans} rendered {others} here but "{forms[main]}" in {counts[main]} other segment(s)',
                where=Where(file=target, segment=seg.index, segment_id=seg.id),
                source_line=seg.source_line, source_text=term.zh_hans,
            )
        )
    return out
