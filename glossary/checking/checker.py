"""The :class:`Checker`: one glossary, prepared once, run over many texts.

It owns what every finding kind shares — the term matcher, the normalised rendering keys of each
term, the ambiguous forms, the case forms — and runs the kinds the options ask for. Each kind is
one function in a module of its own (:mod:`.nonstandard`, :mod:`.capitalisation`,
:mod:`.missing`, :mod:`.consistency`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cached_property
from typing import TYPE_CHECKING

from ..forms import en_words
from ..io.parallel import Segment
from ..matcher import TermMatcher, on_word_boundaries
from ..scope import formulation_like, machine_prone
from ..terms import undated
from .ambiguity import ambiguous_forms
from .capitalisation import find_capitalisation
from .consistency import find_inconsistent
from .literal import find_literal
from .missing import find_missing
from .nonstandard import find_nonstandard
from .options import CheckOptions, rank
from .renderings import case_forms, rendering_keys, single_word_only
from .report import LINE_BREAK, CheckReport, Finding, Positions, Where

if TYPE_CHECKING:
    from ..literal import Recogniser
    from ..store import Glossary
    from ..terms import Term


class Checker:
    """Checks English text against one glossary. Build once; reuse for many documents."""

    def __init__(self, glossary: Glossary | Sequence[Term], options: CheckOptions | None = None) -> None:
        self.terms = tuple(glossary)
        self.options = options or CheckOptions()
        self.matcher = TermMatcher(self.terms)
        self._keys: dict[str, tuple[str, ...]] = {}
        self._bad_keys: dict[str, tuple[str, ...]] = {}
        self.ambiguous: dict[tuple[str, str], str] = ambiguous_forms(self.terms) if self.options.ambiguity else {}
        self.case_forms = case_forms(self.terms) if self.options.wants("capitalisation") else {}

    # -- per-term data -----------------------------------------------------------------------
    def term(self, term_id: str) -> Term:
        """The term with *term_id* (a finding carries only the id)."""
        return self._by_id[term_id]

    @cached_property
    def _by_id(self) -> dict[str, Term]:
        return {t.id: t for t in self.terms}

    def accepted_keys(self, term: Term) -> tuple[str, ...]:
        """Keys of the standard and accepted renderings, longest first."""
        keys = self._keys.get(term.id)
        if keys is None:
            keys = tuple(sorted(rendering_keys(term.renderings), key=lambda k: -len(k)))
            self._keys[term.id] = keys
        return keys

    def nonstandard_keys(self, term: Term) -> tuple[str, ...]:
        keys = self._bad_keys.get(term.id)
        if keys is None:
            keys = rendering_keys((*term.en_nonstandard, *(undated(h)[0] for h in term.en_history)))
            self._bad_keys[term.id] = keys
        return keys

    def checks_missing(self, term: Term) -> bool:
        """Whether a missing rendering of *term* is worth a finding (see :class:`CheckOptions`):
        with ``formulations_only``, only formulation-like terms (:mod:`glossary.scope`)."""
        if len(term.zh_hans) < self.options.min_zh_chars:
            return False
        if self.options.formulations_only and not formulation_like(term):
            return False
        return not (self.options.skip_single_word and single_word_only(term))

    @cached_property
    def recogniser(self) -> Recogniser:
        """Literal renderings of the glossary's machine-prone terms (:func:`glossary.scope.machine_prone`),
        made on first use: read from the user cache folder, or built (a CC-CEDICT scan) and kept there."""
        from ..literal import recogniser

        return recogniser(tuple(t for t in self.terms if machine_prone(t)), self.terms)

    # -- runs ----------------------------------------------------------------------------------
    def english(
        self, text: str, base_line: int = 1, source_terms: frozenset[str] | None = None, where: Where | None = None,
        base_column: int = 0, source: str | None = None, tokens: Sequence[tuple[str, int, int]] | None = None,
    ) -> list[Finding]:
        """The findings that need no source (non-standard renderings, capitalisation, probable
        machine renderings), from one pass of the matcher over *text*; *source* (the aligned
        Chinese) confirms or rejects machine renderings. *tokens*: ``en_words(text)``, when the
        caller has them (the word count needs them too), so the text is tokenised once."""
        wants_bad = self.options.wants("nonstandard") or self.options.wants("outdated")
        wants_case = self.options.wants("capitalisation")
        wants_literal = self.options.wants("literal")
        if not (wants_bad or wants_case or wants_literal):
            return []
        hits = self.matcher.find_en(text)
        pos = Positions(text, base_line, base_column)
        place = where or Where()
        out: list[Finding] = []
        if wants_bad:
            out += find_nonstandard(self, text, pos, hits, source_terms, place)
        if wants_case:
            out += find_capitalisation(self, text, pos, hits, source_terms, place)
        if wants_literal:
            out += find_literal(self, text, pos, hits, source, place, tokens)
        return out

    def check_text(self, text: str, name: str = "", progress: Callable[[int], None] | None = None) -> CheckReport:
        """Check English *text* with no source: non-standard renderings and capitalisation.

        A long text is checked in parts of at most a million characters, cut at line ends (or,
        in a very long line, at sentence ends), so memory stays bounded; every finding looks no
        further than its own line, so the parts give the findings the whole text would.
        *progress* hears the characters of each part as it is done."""
        from ..io.documents import text_parts

        where = Where(file=name)
        findings: list[Finding] = []
        line, column = 1, 0
        words = 0
        for start, end in text_parts(text):
            part = text[start:end]
            tokens = en_words(part)
            findings += self.english(part, line, where=where, base_column=column, tokens=tokens)
            words += len(tokens)
            ends = [m.end() for m in LINE_BREAK.finditer(part)]  # where the part's lines start
            line, column = (line + len(ends), len(part) - ends[-1]) if ends else (line, column + len(part))
            if progress is not None:
                progress(end - start)
        findings.sort(key=lambda f: (f.line, f.column))
        return CheckReport(tuple(findings), words=words, target=name)

    def check_segments(self, segments: Sequence[Segment], target: str = "", source: str | None = None) -> CheckReport:
        """Check aligned segments: non-standard renderings, capitalisation, missing and inconsistent
        renderings."""
        findings: list[Finding] = []
        words = 0
        # term id -> list of (segment, used rendering keys) for the consistency pass
        usage: dict[str, list[tuple[Segment, tuple[str, ...]]]] = {}
        for seg in segments:
            tokens = en_words(seg.target)
            words += len(tokens)
            where = Where(file=target, segment=seg.index, segment_id=seg.id)
            zh_hits = on_word_boundaries(seg.source, self.matcher.find_zh(seg.source))
            ids = frozenset(h.term.id for h in zh_hits)
            english = self.english(seg.target, seg.target_line, source_terms=ids, where=where, source=seg.source,
                                   tokens=tokens)
            findings += english
            if not zh_hits:
                continue
            missing, used_by = find_missing(self, seg, zh_hits, where)
            # a term its segment renders literally is reported once, as the machine rendering
            rendered = {f.term_id for f in english if f.kind == "literal"}
            findings += [f for f in missing if f.term_id not in rendered]
            for term_id, used in used_by.items():
                usage.setdefault(term_id, []).append((seg, used))
        if self.options.wants("inconsistent"):
            by_id = {t.id: t for t in self.terms}
            for term_id, uses in usage.items():
                if self.options.formulations_only and not formulation_like(by_id[term_id]):
                    continue
                findings += find_inconsistent(self, by_id[term_id], uses, target)
        findings.sort(key=lambda f: (f.line, f.column, -rank(f.severity), f.term_id))
        return CheckReport(tuple(findings), words=words, segments=len(segments), target=target, source=source)
