"""Finding kind ``literal``: a probable machine rendering of a term the glossary does not list.

English that says word for word what a formulation's Chinese parts mean ("community of human
destiny" for 人类命运共同体, "rural rejuvenation" for 乡村振兴), found by
:class:`glossary.literal.Recogniser`. Only formulation-like terms are asked about (see
:mod:`glossary.scope`): ordinary policy words are put into plain English by every good translation, and
plain English is no machine rendering. A warning by default: the recogniser judges meaning from
a dictionary, so a look is asked for, not a fix.

Curated forms keep priority: a phrase that overlaps a listed form of the glossary is not
reported, unless it holds that form whole and goes well beyond it ("Xi Jinping's thought of
socialism with Chinese characteristics in the new era" holds "Xi Jinping Thought"). A title-case phrase
that is part of a longer name ("the State Security Law") is no rendering of the shorter term.
With a source, the source segment decides: a candidate is reported only when the source holds
the term, and the message says it is confirmed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..forms import en_key
from ..literal import CuratedSpans
from .case import form_words, inside_name
from .renderings import some_alternatives
from .report import Finding, Positions, Where

if TYPE_CHECKING:
    from ..matcher import Hit
    from .checker import Checker


def find_literal(
    checker: Checker, text: str, pos: Positions, hits: Sequence[Hit], source: str | None, where: Where,
    tokens: Sequence[tuple[str, int, int]] | None = None,
) -> list[Finding]:
    """Probable machine renderings in *text* (*hits*: the matcher's curated hits in it; *tokens*:
    its ``en_words``, when the caller has them). With *source* (the aligned Chinese segment), only
    candidates whose term it holds."""
    # on English alone only confident readings are reported, so only they are looked for
    readings = checker.recogniser.find(text, tokens=tokens, confident=source is None)
    curated = CuratedSpans((h.start, h.end, h.term.id) for h in hits) if readings else None
    out: list[Finding] = []
    for r in readings:
        t = r.term
        if not r.confident and source is None:
            continue  # weak evidence: only the source can raise it
        if curated is not None and not curated.allows(r.start, r.end, t.id):
            continue  # a listed form is there: curated forms keep priority
        key = en_key(r.text)
        if any(f" {k} " in f" {key} " and 2 * len(k) >= len(key) for k in checker.accepted_keys(t)):
            continue  # an accepted form, or one with a few words around it that the matcher gave to another term
        if inside_name(text, r.start, r.end) or _title_goes_on(text, r.start, r.end):
            continue
        confirmed = ""
        level = checker.options.level("literal")
        if source is not None:
            if not any(zh and zh in source for zh in (t.zh_hans, t.zh_hant, *t.zh_alias)):
                continue
            confirmed = "; the source has it"
            if not r.confident:
                level = "info"
        line, col = pos(r.start)
        shown, more = some_alternatives(t)
        alts = f" (or: {'; '.join(shown)}{more})" if shown else ""
        found = " ".join(r.text.split())
        why = checker.recogniser.why(t)
        out.append(Finding.about(
            t, "literal", level, line=line, column=col, found=found, where=where,
            message=f'probable machine rendering "{found}" of {t.zh_hans} ({t.pinyin}), literally {why}{confirmed}; '
                    f'use "{t.en}"{alts}',
        ))
    return out


#: A title's continuation after a preposition: "… of the Party since the Founding of the People's
#: Republic", "… in the Field of Culture".
_TITLE_GOES_ON = re.compile(r"[ \t]+(?:of|for|on|in|since|at)[ \t]+(?:the[ \t]+)?[A-Z][a-z]")
_SMALL = frozenset("a an the of and or in on at to for with by from as since".split())


def _title_goes_on(text: str, start: int, end: int) -> bool:
    """Whether a phrase written as a title (every content word capitalised) goes on after a
    preposition with another capitalised word: it is the head of a longer title ("Resolution on
    Certain Historical Issues of the Party since the Founding of the People's Republic" is the
    1981 resolution, not the 1945 one whose name it begins with)."""
    words = [w for w in form_words(text[start:end]) if w.lower() not in _SMALL]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return False
    return _TITLE_GOES_ON.match(text, end) is not None


