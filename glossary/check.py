"""Terminology QA of an English text, alone or against its Chinese source.

Four kinds of finding, each with a default severity (a team can override them):

``nonstandard`` (error)
    The English contains a rendering the glossary lists as non-standard ("two maintenance",
    "Chinese style modernization"). Needs no source; the surest finding, so it fails CI.
``missing`` (warning)
    A source segment contains a glossary term but its target segment contains neither the
    standard rendering nor an accepted alternative. Translators legitimately paraphrase, so this
    is a prompt to look, not proof of an error.
``inconsistent`` (info)
    The same source term is rendered with different accepted renderings in different segments;
    reported where the less frequent rendering is used. Often deliberate (an abbreviation after
    the first mention), hence informational.
``capitalisation`` (warning)
    A standard or accepted rendering written with other capitals than the glossary form: a proper
    name lowercased ("three represents" for "the Three Represents"). Needs no source. The other
    direction (capitals on words the glossary writes lowercase) is only reported on request,
    because English capitalises for layout reasons too (see :mod:`glossary.check_case`).

All searching goes through :class:`glossary.matcher.TermMatcher` (one automaton per language);
the "does the target contain a rendering of T" test compares normalised word streams
(:func:`glossary.forms.en_words`), so case, plurals, hyphens and possessives do not matter
(case is then looked at separately, for the ``capitalisation`` finding).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, Mapping, Sequence

from .errors import GlossaryError, InputError
from .forms import ARTICLES, en_key, en_words
from .io.parallel import Segment

if TYPE_CHECKING:
    import polars as pl

    from .matcher import Hit
    from .store import Glossary
    from .terms import Term

KINDS = ("nonstandard", "missing", "inconsistent", "capitalisation")
#: Severities from least to most severe; ``--fail-on`` picks a threshold on this scale.
LEVELS = ("info", "warning", "error")
DEFAULT_SEVERITY: Mapping[str, str] = {
    "nonstandard": "error", "missing": "warning", "inconsistent": "info", "capitalisation": "warning",
}

_PAREN = re.compile(r"\s*[(（][^)）]*[)）]")


@dataclass(frozen=True, slots=True)
class Finding:
    """One QA finding, located in the target (English) file.

    ``line``/``column`` are 1-based and count characters; for a parallel TSV the line is the row
    and the column counts within its English cell. ``missing`` findings point at the start of
    the segment (``found`` is empty) and say where the term is in the source (``source_line``,
    ``source_text``).
    """

    kind: str
    severity: str
    line: int
    column: int
    found: str
    expected: str
    zh: str
    pinyin: str
    term_id: str
    message: str
    accepted: tuple[str, ...] = ()
    segment: int | None = None
    segment_id: str = ""
    source_line: int | None = None
    source_text: str = ""
    file: str = ""

    def to_dict(self) -> dict[str, object]:
        d = asdict(self)
        d["accepted"] = list(self.accepted)
        return d

    @classmethod
    def about(cls, term: "Term", kind: str, severity: str, *, expected: str | None = None, **rest: object) -> "Finding":
        """A finding about *term*: its Chinese, pinyin, id and accepted renderings filled in."""
        return cls(kind=kind, severity=severity, expected=term.en if expected is None else expected,
                   zh=term.zh_hans, pinyin=term.pinyin, term_id=term.id, accepted=term.en_alt, **rest)  # type: ignore[arg-type]


def _some_alternatives(term: "Term", limit: int = 2) -> tuple[list[str], str]:
    """Up to *limit* short accepted alternatives to quote in a message, and '; …' if there are more."""
    shown = [a for a in term.en_alt if len(a) <= 70][:limit]
    return shown, ("; …" if len(term.en_alt) > len(shown) else "")


FINDING_COLUMNS = tuple(f.name for f in fields(Finding))


@dataclass(frozen=True)
class CheckReport:
    """The findings of one check run, with what is needed to put them in proportion."""

    findings: tuple[Finding, ...]
    words: int
    segments: int = 0
    target: str = ""
    source: str | None = None

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def counts(self) -> dict[str, int]:
        """Number of findings per severity (every level present, zeros included)."""
        c = Counter(f.severity for f in self.findings)
        return {level: c.get(level, 0) for level in reversed(LEVELS)}

    def at_or_above(self, level: str) -> list[Finding]:
        """Findings whose severity is *level* or worse (``never`` gives none)."""
        if level == "never":
            return []
        rank = _rank(level)
        return [f for f in self.findings if _rank(f.severity) >= rank]

    def failed(self, fail_on: str = "error") -> bool:
        return bool(self.at_or_above(fail_on))

    def per_10k_words(self, kind: str | None = None) -> float:
        n = sum(1 for f in self.findings if kind is None or f.kind == kind)
        return 10000 * n / self.words if self.words else 0.0

    def to_frame(self) -> "pl.DataFrame":
        """The findings as a polars DataFrame, one row per finding (columns: FINDING_COLUMNS)."""
        import polars as pl

        schema = {name: pl.Utf8 for name in FINDING_COLUMNS}
        for name in ("line", "column", "segment", "source_line"):
            schema[name] = pl.Int64
        schema["accepted"] = pl.List(pl.Utf8)
        rows = [f.to_dict() for f in self.findings]
        return pl.DataFrame(rows, schema=schema) if rows else pl.DataFrame(schema=schema)


def _rank(level: str) -> int:
    try:
        return LEVELS.index(level)
    except ValueError:
        raise GlossaryError(f"unknown severity {level!r}; choose from {', '.join(LEVELS)} or never") from None


class _Positions:
    """Offset → (line, column) for one text, with a base line for texts cut from a file."""

    def __init__(self, text: str, base_line: int = 1) -> None:
        self.starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
        self.base = base_line

    def __call__(self, offset: int) -> tuple[int, int]:
        i = bisect_right(self.starts, offset) - 1
        return self.base + i, offset - self.starts[i] + 1


def _stream(text: str) -> str:
    """The normalised word stream of *text*, space-padded so a key matches whole words only."""
    return " " + " ".join(k for k, _, _ in en_words(text)) + " "


def rendering_keys(forms: Iterable[str]) -> tuple[str, ...]:
    """Normalised keys of renderings, with a parenthesised part also dropped
    ("Communist Party of China (CPC)" is present when the text says "Communist Party of China")."""
    keys: list[str] = []
    for form in forms:
        for variant in (form, _PAREN.sub("", form)):
            key = en_key(variant)
            if key and key not in keys:
                keys.append(key)
    return tuple(keys)


class Checker:
    """Checks English text against one glossary. Build once; reuse for many documents.

    ``min_zh_chars``: source terms shorter than this are not checked for a missing rendering.
    ``skip_single_word``: terms whose every accepted rendering is one lowercase word (a common
    English word such as "reform") are not checked for a missing rendering: their presence
    proves little and translators often restructure around them.
    ``loose``: a rendering also counts as present when nearly all its content words occur in the
    target segment (inflected: "complete the building of a moderately prosperous society" for
    "finishing building a moderately prosperous society"), so light rewording is not "missing".
    ``ambiguity``: non-standard forms that are one word, or that CC-CEDICT gives as the English of
    another Chinese word ("middle class" is 中产阶级 as well as a wrong 中等收入群体), are
    ambiguous: without a source they are reported as info only; with a
    source only when the source segment contains the term.
    ``kinds``: which finding kinds to produce. ``severity``: overrides of DEFAULT_SEVERITY.
    ``raised_capitals``: also report capitals on words the glossary writes lowercase ("Common
    Prosperity" mid-sentence); off by default, since that is mostly house style (see docs/check.md).
    """

    def __init__(
        self,
        glossary: "Glossary | Sequence[Term]",
        *,
        min_zh_chars: int = 2,
        skip_single_word: bool = True,
        kinds: Iterable[str] = KINDS,
        severity: Mapping[str, str] | None = None,
        loose: bool = True,
        ambiguity: bool = True,
        raised_capitals: bool = False,
    ) -> None:
        from .matcher import TermMatcher

        self.terms = tuple(glossary)
        self.matcher: TermMatcher = TermMatcher(self.terms)
        self.min_zh_chars = min_zh_chars
        self.skip_single_word = skip_single_word
        self.kinds = frozenset(kinds)
        unknown = self.kinds - set(KINDS)
        if unknown:
            raise GlossaryError(f"unknown finding kind {', '.join(sorted(unknown))}; choose from {', '.join(KINDS)}")
        self.severity = dict(DEFAULT_SEVERITY)
        for kind, level in (severity or {}).items():
            if kind not in KINDS:
                raise GlossaryError(f"unknown finding kind {kind!r}; choose from {', '.join(KINDS)}")
            _rank(level)
            self.severity[kind] = level
        self.loose = loose
        self._keys: dict[str, tuple[str, ...]] = {}
        self._bad_keys: dict[str, tuple[str, ...]] = {}
        self.ambiguous: dict[tuple[str, str], str] = _ambiguous_forms(self.terms) if ambiguity else {}
        self.raised_capitals = raised_capitals
        self._case_forms = _case_forms(self.terms) if "capitalisation" in self.kinds else {}

    # -- per-term data -----------------------------------------------------------------------
    def accepted_keys(self, term: "Term") -> tuple[str, ...]:
        """Keys of the standard and accepted renderings, longest first."""
        keys = self._keys.get(term.id)
        if keys is None:
            keys = tuple(sorted(rendering_keys(term.renderings), key=lambda k: -len(k)))
            self._keys[term.id] = keys
        return keys

    def _nonstandard_keys(self, term: "Term") -> tuple[str, ...]:
        keys = self._bad_keys.get(term.id)
        if keys is None:
            keys = rendering_keys(term.en_nonstandard)
            self._bad_keys[term.id] = keys
        return keys

    def checks_missing(self, term: "Term") -> bool:
        """Whether a missing rendering of *term* is worth a finding (see the class notes)."""
        if len(term.zh_hans) < self.min_zh_chars:
            return False
        if self.skip_single_word:
            forms = [_PAREN.sub("", f).strip() for f in term.renderings]
            if all(len(en_words(f)) == 1 and not any(c.isupper() for c in f) for f in forms if f):
                return False
        return True

    # -- checks --------------------------------------------------------------------------------
    def english(
        self, text: str, base_line: int = 1, source_terms: frozenset[str] | None = None, **where: object
    ) -> list[Finding]:
        """The findings that need no source: non-standard renderings and capitalisation, from one
        pass of the matcher over *text*."""
        if not {"nonstandard", "capitalisation"} & self.kinds:
            return []
        hits = self.matcher.find_en(text)
        return self.nonstandard(text, base_line, source_terms, hits=hits, **where) + self.capitalisation(
            text, base_line, source_terms, hits=hits, **where
        )

    def nonstandard(
        self,
        text: str,
        base_line: int = 1,
        source_terms: frozenset[str] | None = None,
        hits: "Sequence[Hit] | None" = None,
        **where: object,
    ) -> list[Finding]:
        """Non-standard renderings in *text*. *source_terms* (ids of the terms in the aligned
        source segment, when there is one) decides about ambiguous forms. *hits*: the matcher's
        English hits in *text*, when the caller has them already."""
        if "nonstandard" not in self.kinds:
            return []
        pos = _Positions(text, base_line)
        out = []
        for hit in self.matcher.find_en(text) if hits is None else hits:
            if not hit.nonstandard:
                continue
            t = hit.term
            severity = self.severity["nonstandard"]
            why = self.ambiguous.get((t.id, hit.form))
            note = ""
            if why is not None:
                if source_terms is not None:
                    if t.id not in source_terms:
                        continue
                else:
                    severity = "info"
                    note = f" (ambiguous: {why}; check the source)"
            line, col = pos(hit.start)
            shown, more = _some_alternatives(t)
            alts = f" (or: {'; '.join(shown)}{more})" if shown else ""
            found = " ".join(hit.text.split())
            out.append(
                Finding.about(
                    t, "nonstandard", severity, line=line, column=col, found=found,
                    message=f'non-standard rendering "{found}" of {t.zh_hans} ({t.pinyin}); use "{t.en}"{alts}{note}',
                    **where,
                )
            )
        return out

    def capitalisation(
        self,
        text: str,
        base_line: int = 1,
        source_terms: frozenset[str] | None = None,
        hits: "Sequence[Hit] | None" = None,
        **where: object,
    ) -> list[Finding]:
        """Standard or accepted renderings in *text* written with other capitals than the glossary
        writes them (see :mod:`glossary.check_case`). A text that matches any accepted form of the
        same words in that form's own case is not reported. Not judged: a one-word form ("the
        Constitution", "President") unless the aligned source segment has the term, since the
        lowercase word is ordinary English; a title ("Premier of the State Council") unless a name
        follows it, since English lowercases a title that does not precede a name; a rendering
        inside a hyphenated compound ("non-party officials") or a web address."""
        if "capitalisation" not in self.kinds:
            return []
        from .check_case import closest, embedded, form_words, name_follows

        pos = _Positions(text, base_line)
        out = []
        for hit in self.matcher.find_en(text) if hits is None else hits:
            if hit.nonstandard:
                continue
            own, others = [], []
            for term, form in self._case_forms.get(en_key(hit.text), ()):
                (own if term.id == hit.term.id else others).append((term, form))
            candidates = own + others or [(hit.term, hit.form)]
            found = closest(text, hit.start, hit.end, [f for _, f in candidates], self.raised_capitals)
            if found is None:
                continue
            form, diff = found
            t = next(term for term, f in candidates if f == form)
            if len(form_words(form)) == 1 and (source_terms is None or t.id not in source_terms):
                continue
            if t.category == "title" and not diff.raised and not name_follows(text, hit.end):
                continue
            if embedded(text, hit.start, hit.end):
                continue
            written = " ".join(hit.text.split())
            shown = _without_article(form, written)
            line, col = pos(hit.start)
            words = diff.lowered or diff.raised
            how = "lowercase" if diff.lowered else "capitalised"
            out.append(
                Finding.about(
                    t, "capitalisation", self.severity["capitalisation"], expected=shown, line=line, column=col,
                    found=written,
                    message=f'"{written}" is written "{shown}" in the glossary ({t.zh_hans}, {t.pinyin}); '
                    f'{how} here: {", ".join(words)}',
                    **where,
                )
            )
        return out

    def check_text(self, text: str, name: str = "") -> CheckReport:
        """Check English *text* with no source: non-standard renderings and capitalisation."""
        findings = self.english(text, file=name)
        findings.sort(key=lambda f: (f.line, f.column))
        return CheckReport(tuple(findings), words=len(en_words(text)), target=name)

    def check_segments(self, segments: Sequence[Segment], target: str = "", source: str | None = None) -> CheckReport:
        """Check aligned segments: non-standard renderings, capitalisation, missing and inconsistent
        renderings."""
        findings: list[Finding] = []
        words = 0
        # term id -> list of (segment, used rendering keys) for the consistency pass
        usage: dict[str, list[tuple[Segment, tuple[str, ...]]]] = {}
        for seg in segments:
            words += len(en_words(seg.target))
            where = {"segment": seg.index, "segment_id": seg.id, "file": target}
            from .matcher import on_word_boundaries

            zh_hits = on_word_boundaries(seg.source, self.matcher.find_zh(seg.source))
            ids = frozenset(h.term.id for h in zh_hits)
            findings += self.english(seg.target, seg.target_line, source_terms=ids, **where)
            if not zh_hits:
                continue
            stream = _stream(seg.target)
            stems = _stems(stream) if self.loose else frozenset()
            spos = _Positions(seg.source, seg.source_line)
            seen: set[str] = set()
            for hit in zh_hits:
                t = hit.term
                if t.id in seen:
                    continue
                seen.add(t.id)
                used = _used(stream, self.accepted_keys(t))
                if used:
                    usage.setdefault(t.id, []).append((seg, used))
                    continue
                if self.loose and any(_loosely_present(stems, k) for k in self.accepted_keys(t)):
                    continue
                if "missing" not in self.kinds or not self.checks_missing(t):
                    continue
                if any(f" {k} " in stream for k in self._nonstandard_keys(t)):
                    continue  # already reported as non-standard
                shown, more = _some_alternatives(t)
                accepted = "; ".join(f'"{r}"' for r in [t.en, *shown]) + more
                findings.append(
                    Finding.about(
                        t, "missing", self.severity["missing"], line=seg.target_line, column=1, found="",
                        message=f"source has {hit.text} ({t.pinyin}) but the target has no rendering of it: {accepted}",
                        segment=seg.index,
                        segment_id=seg.id,
                        source_line=spos(hit.start)[0],
                        source_text=hit.text,
                        file=target,
                    )
                )
        if "inconsistent" in self.kinds:
            by_id = {t.id: t for t in self.terms}
            for term_id, uses in usage.items():
                findings += self._inconsistent(by_id[term_id], uses, target)
        findings.sort(key=lambda f: (f.line, f.column, LEVELS.index(f.severity) * -1, f.term_id))
        return CheckReport(tuple(findings), words=words, segments=len(segments), target=target, source=source)

    def _inconsistent(self, term: "Term", uses: list[tuple[Segment, tuple[str, ...]]], target: str) -> list[Finding]:
        keys = self.accepted_keys(term)
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
        forms = {k: _form_for(term, k) for k in counts}
        out = []
        for seg, used in uses:
            if main in used:
                continue
            others = ", ".join(f'"{forms[k]}"' for k in used)
            out.append(
                Finding.about(
                    term, "inconsistent", self.severity["inconsistent"], line=seg.target_line, column=1,
                    found=forms[used[0]], expected=forms[main],
                    message=f'{term.zh_hans} rendered {others} here but "{forms[main]}" in {counts[main]} other segment(s)',
                    segment=seg.index,
                    segment_id=seg.id,
                    source_line=seg.source_line,
                    source_text=term.zh_hans,
                    file=target,
                )
            )
        return out


def _used(stream: str, keys: Sequence[str]) -> tuple[str, ...]:
    """Which of *keys* (longest first) occur in *stream*, a shorter key not counting inside a
    longer one already found ("CPC" inside "CPC Central Committee")."""
    taken: list[tuple[int, int]] = []
    used: list[str] = []
    for key in keys:
        needle = f" {key} "
        start = stream.find(needle)
        while start != -1:
            span = (start, start + len(needle))
            if not any(a < span[1] - 1 and span[0] + 1 < b for a, b in taken):
                taken.append(span)
                if key not in used:
                    used.append(key)
            start = stream.find(needle, start + 1)
    return tuple(used)


#: Function words ignored when judging whether a rendering is loosely present.
_STOP = frozenset(
    "a an the of and or in on at to for with by from as its it their our this that is are be all "
    "new more further".split()
)


def _stem(word: str) -> str:
    return word[:5]


def _stems(stream: str) -> frozenset[str]:
    return frozenset(_stem(w) for w in stream.split())


def _loosely_present(stems: frozenset[str], key: str) -> bool:
    """The content words of *key* (by their first five letters, so build/building and
    prosperous/prosperity meet) occur in the segment, all of them for keys of three content
    words, all but one for longer keys ("complete the building of a moderately prosperous
    society" for "finishing building …"). Keys of one or two content words must match exactly,
    since two common words co-occur by chance."""
    content = [w for w in key.split() if w not in _STOP]
    if len(content) < 3:
        return False
    present = sum(1 for w in content if _stem(w) in stems)
    return present >= len(content) - (1 if len(content) >= 4 else 0)


def _without_article(form: str, found: str) -> str:
    """*form* as it would stand in place of *found*: without a leading article that *found* lacks
    ("Three Represents", not "the Three Represents", for a found "three represents")."""
    words = form.split(None, 1)
    lead = en_words(found)
    if len(words) == 2 and words[0].lower() in ARTICLES and not (lead and lead[0][0] == words[0].lower()):
        return words[1]
    return form


def _case_forms(terms: Sequence["Term"]) -> dict[str, list[tuple["Term", str]]]:
    """Key → (term, form) for every standard and accepted rendering, with its parenthesised part
    and without: the forms whose capitalisation a found rendering is compared with."""
    out: dict[str, list[tuple["Term", str]]] = {}
    for t in terms:
        for form in t.renderings:
            for variant in dict.fromkeys((form, _PAREN.sub("", form).strip())):
                key = en_key(variant)
                if key and (t, variant) not in out.setdefault(key, []):
                    out[key].append((t, variant))
    return out


def _ambiguous_forms(terms: Sequence["Term"]) -> dict[tuple[str, str], str]:
    """(term id, non-standard form) → why the form is ambiguous, for the forms that are."""
    out: dict[tuple[str, str], str] = {}
    wanted: dict[str, list[tuple["Term", str]]] = {}
    for t in terms:
        for form in t.en_nonstandard:
            key = en_key(form)
            if len(key.split()) == 1 and not form.isupper():
                out[(t.id, form)] = "a single word"
            wanted.setdefault(_simple(form), []).append((t, form))
    for simple, headword in _cedict_senses(frozenset(wanted)):
        for t, form in wanted[simple]:
            if (t.id, form) in out or headword in t.zh_hans or t.zh_hans in headword:
                continue
            out[(t.id, form)] = f"also the usual English of {headword}"
    return out


def _simple(text: str) -> str:
    return " ".join(text.lower().replace("-", " ").split())


def _cedict_senses(wanted: frozenset[str]) -> list[tuple[str, str]]:
    """(form, headword) for every CC-CEDICT sense that is exactly one of the *wanted* forms
    (compared lowercased, hyphens as spaces, a parenthesised note dropped)."""
    from .cedict import headwords_with_sense

    return headwords_with_sense(wanted, _sense_key)


def _sense_key(piece: str) -> str:
    s = piece.lower()
    if "(" in s:
        s = _PAREN.sub("", s)
    return " ".join(s.replace("-", " ").split())


def _form_for(term: "Term", key: str) -> str:
    for form in term.renderings:
        if key in rendering_keys([form]):
            return _PAREN.sub("", form) if en_key(form) != key else form
    return key


# -- API twins of the CLI command ---------------------------------------------------------------
def _glossary(glossary: "Glossary | Sequence[Term] | None") -> "Glossary | Sequence[Term]":
    if glossary is None:
        from .store import load

        return load()
    return glossary


def check_text(text: str, glossary: "Glossary | Sequence[Term] | None" = None, **options: object) -> CheckReport:
    """Non-standard renderings in English *text* (no source). Options as for :class:`Checker`."""
    return Checker(_glossary(glossary), **options).check_text(text)  # type: ignore[arg-type]


def check_segments(
    segments: Sequence[Segment], glossary: "Glossary | Sequence[Term] | None" = None, **options: object
) -> CheckReport:
    """Check aligned segments (see :func:`glossary.io.parallel.read_parallel`)."""
    return Checker(_glossary(glossary), **options).check_segments(segments)  # type: ignore[arg-type]


def check_file(
    target: str | Path,
    source: str | Path | None = None,
    *,
    glossary: "Glossary | Sequence[Term] | None" = None,
    tsv: bool | None = None,
    unit: str = "auto",
    encoding: str | None = None,
    **options: object,
) -> CheckReport:
    """Check an English file, optionally against its Chinese source.

    * ``source`` given: *source* and *target* are aligned text files (see ``unit``).
    * no ``source`` and *target* is a TSV (by extension, or ``tsv=True``): a parallel TSV with
      ``zh`` and ``en`` columns.
    * otherwise *target* is plain English text: non-standard renderings only.

    Returns a :class:`CheckReport` (iterable of :class:`Finding`; ``.to_frame()`` for polars).
    """
    from .io.parallel import is_parallel_tsv, read_parallel
    from .io.textfile import read_text

    checker = Checker(_glossary(glossary), **options)  # type: ignore[arg-type]
    name = str(target)
    if source is not None:
        if tsv:
            raise GlossaryError("give either a parallel TSV or a source file, not both")
        segments = read_parallel(source, target, unit=unit, encoding=encoding)
        _require_sides(segments, name, str(source))
        return checker.check_segments(segments, target=name, source=str(source))
    if tsv or (tsv is None and is_parallel_tsv(target)):
        segments = read_parallel(target, encoding=encoding)
        _require_sides(segments, f"{name} (en column)", f"{name} (zh column)")
        return checker.check_segments(segments, target=name, source=name)
    text = read_text(target, encoding).text
    _require_english(text, name)
    return checker.check_text(text, name=name)


def _require_english(text: str, name: str) -> None:
    """Refuse an empty target, or a Chinese one: "clean, 0 words" would read as a pass."""
    from .forms import mostly_chinese

    if not text.strip():
        raise InputError(f"{name}: empty file; nothing to check")
    if mostly_chinese(text, share=0.5):  # English with its Chinese terms in brackets passes
        raise InputError(f"{name} is Chinese text; check reads the English translation "
                         "(give the Chinese original with --source)")


def _require_sides(segments: Sequence[Segment], target: str, source: str) -> None:
    """The English side must be English and the Chinese side Chinese (files swapped, or the same file twice)."""
    from .forms import mostly_chinese

    _require_english("\n".join(s.target for s in segments), target)
    zh = "\n".join(s.source for s in segments)
    if not zh.strip():
        raise InputError(f"{source}: empty; nothing to check against")
    if not mostly_chinese(zh):
        raise InputError(f"the source {source} holds little or no Chinese text (are the two files swapped?)")


from .twins import make_callable  # noqa: E402

make_callable(__name__, "check_file")

__all__ = [
    "KINDS",
    "LEVELS",
    "DEFAULT_SEVERITY",
    "Finding",
    "CheckReport",
    "Checker",
    "check_text",
    "check_segments",
    "check_file",
]
