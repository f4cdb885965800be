"""Finding kind ``missing``: a source term with no accepted rendering in its target segment.

Translators legitimately paraphrase, so this is a prompt to look (a warning), not proof of an
error; and only a warning for a term official English is known to render the same way every time
(:mod:`.evidence`), an info-level note for the others. Renderings that are present are returned too, for the consistency check.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..io.parallel import Segment
from .evidence import kept_officially
from .renderings import loosely_present, some_alternatives, stems, used_keys, word_stream
from .report import Finding, Positions, Where

if TYPE_CHECKING:
    from ..matcher import Hit
    from .checker import Checker


def find_missing(
    checker: Checker, seg: Segment, zh_hits: Sequence[Hit], where: Where
) -> tuple[list[Finding], dict[str, tuple[str, ...]]]:
    """The ``missing`` findings of one aligned segment, and term id → the rendering keys its
    target does use (for :func:`~glossary.checking.consistency.find_inconsistent`)."""
    stream = word_stream(seg.target)
    loose = checker.options.loose
    stem_set = stems(stream) if loose else frozenset()
    spos = Positions(seg.source, seg.source_line)
    seen: set[str] = set()
    used_by: dict[str, tuple[str, ...]] = {}
    out: list[Finding] = []
    for hit in zh_hits:
        t = hit.term
        if t.id in seen:
            continue
        seen.add(t.id)
        used = used_keys(stream, checker.accepted_keys(t))
        if used:
            used_by[t.id] = used
            continue
        if loose and any(loosely_present(stem_set, k) for k in checker.accepted_keys(t)):
            continue
        if not checker.options.wants("missing") or not checker.checks_missing(t):
            continue
        if any(f" {k} " in stream for k in checker.nonstandard_keys(t)):
            continue  # already reported as non-standard
        shown, more = some_alternatives(t)
        accepted = "; ".join(f'"{r}"' for r in [t.en, *shown]) + more
        level, note = checker.options.level("missing"), ""
        if checker.options.keep_evidence and not kept_officially(t.id):
            level, note = "info", " (a note: official English is not known to keep this term's rendering)"
        out.append(
            Finding.about(
                t, "missing", level, line=seg.target_line, column=1, found="",
                message=f"source has {hit.text} ({t.pinyin}) but the target has no rendering of it: {accepted}{note}",
                where=where, source_line=spos(hit.start)[0], source_text=hit.text,
            )
        )
    return out, used_by
