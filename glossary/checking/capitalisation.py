"""Finding kind ``capitalisation``: a standard rendering written with other capitals.

A proper name lowercased ("three represents" for "the Three Represents"). Needs no source. The
other direction (capitals on words the glossary writes lowercase) is reported only on request,
because English capitalises for layout reasons too (see :mod:`glossary.checking.case`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..forms import en_key
from .case import closest, embedded, form_words, name_follows
from .renderings import without_article
from .report import Finding, Positions, Where

if TYPE_CHECKING:
    from ..matcher import Hit
    from ..terms import Term
    from .checker import Checker


#: Generic nouns after a place name that official English writes either way ("Henan Province" in
#: Xinhua's style, "Henan province" in China Daily's and the New Year addresses'): lowercased
#: alone, they are no finding.
PLACE_NOUNS = frozenset({"province", "provinces", "city", "cities", "county", "counties", "district", "districts",
                         "prefecture", "region", "autonomous", "municipality", "township", "town", "village",
                         "island", "islands", "river", "mountain", "mountains", "lake", "basin", "plateau", "area"})


def find_capitalisation(
    checker: Checker, text: str, pos: Positions, hits: Sequence[Hit], source_terms: frozenset[str] | None, where: Where
) -> list[Finding]:
    """Standard or accepted renderings among *hits* written with other capitals than the
    glossary writes them. A text that matches any accepted form of the same words in that form's
    own case is not reported. Not judged: a one-word form ("the Constitution", "President")
    unless the aligned source segment has the term, since the lowercase word is ordinary English;
    a title ("Premier of the State Council") unless a name follows it, since English lowercases a
    title that does not precede a name; a rendering inside a hyphenated compound ("non-party
    officials") or a web address; a place name whose only lowercased words are generic place nouns
    (:data:`PLACE_NOUNS`: "Henan province" for "Henan Province")."""
    out = []
    for hit in hits:
        if hit.nonstandard:
            continue
        own: list[tuple[Term, str]] = []
        others: list[tuple[Term, str]] = []
        for term, form in checker.case_forms.get(en_key(hit.text), ()):
            (own if term.id == hit.term.id else others).append((term, form))
        candidates = own + others or [(hit.term, hit.form)]
        found = closest(text, hit.start, hit.end, [f for _, f in candidates], checker.options.raised_capitals)
        if found is None:
            continue
        form, diff = found
        t = next(term for term, f in candidates if f == form)
        if len(form_words(form)) == 1 and (source_terms is None or t.id not in source_terms):
            continue
        if t.category == "title" and not diff.raised and not name_follows(text, hit.end):
            continue
        if diff.lowered and not diff.raised and all(w.lower() in PLACE_NOUNS for w in diff.lowered):
            continue
        if embedded(text, hit.start, hit.end):
            continue
        written = " ".join(hit.text.split())
        shown = without_article(form, written)
        line, col = pos(hit.start)
        words = diff.lowered or diff.raised
        how = "lowercase" if diff.lowered else "capitalised"
        out.append(
            Finding.about(
                t, "capitalisation", checker.options.level("capitalisation"), expected=shown, line=line,
                column=col, found=written, where=where,
                message=f'"{written}" is written "{shown}" in the glossary ({t.zh_hans}, {t.pinyin}); '
                f'{how} here: {", ".join(words)}',
            )
        )
    return out
