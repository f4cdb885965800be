"""Checks that keep the curated table trustworthy: schema, uniqueness, pinyin and script.

Each check yields :class:`Problem` records rather than raising, so ``glossary validate`` can
report every problem of a file in one run, each with its file, line and reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .forms import en_key, han_count, has_han, is_han, surface_key, zh_key
from .sources import parse_citation
from .terms import CATEGORIES, DATED, REQUIRED, STATUSES, USER_REQUIRED, TableError, Term, read_terms, term_files
from .tones import mark_syllable

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_SYLLABLE = re.compile(r"^[a-zü]+[1-5]$")



@dataclass(frozen=True, slots=True)
class Problem:
    """One finding: ``level`` is ``error`` (validation fails) or ``warning`` (a person should look)."""

    origin: str
    term_id: str
    level: str
    message: str

    def __str__(self) -> str:
        where = f"{self.origin}: " if self.origin else ""
        who = f"[{self.term_id}] " if self.term_id else ""
        return f"{where}{self.level}: {who}{self.message}"


def validate_paths(
    paths: Sequence[Path], check_pinyin: bool = True, check_script: bool = True, sources: Path | None = None,
    *, user: bool = False,
) -> list[Problem]:
    """Validate one or more term files/folders as one table (ids must be unique across them).

    *sources*: a folder holding the cited documents (see :mod:`glossary.sources`); every citation
    of a document found there that contains neither the term's Chinese nor its English is an error.
    *user*: the rules for a user glossary (:data:`~glossary.terms.USER_REQUIRED`), which needs no
    category or definition; every other rule is the same.
    """
    return read_and_validate(paths, check_pinyin, check_script, sources, user=user)[1]


def read_and_validate(
    paths: Sequence[Path], check_pinyin: bool = True, check_script: bool = True, sources: Path | None = None,
    *, user: bool = False,
) -> tuple[list[Term], list[Problem]]:
    """The terms that could be read, and every problem found: files are read once."""
    terms: list[Term] = []
    problems: list[Problem] = []
    files = [f for p in paths for f in term_files(p)]
    if not files:
        return [], [Problem(str(paths[0]) if paths else "", "", "error", "no .tsv term files found")]
    for f in files:
        try:
            terms += read_terms(f)
        except TableError as exc:
            problems.append(Problem("", "", "error", str(exc)))
    problems += validate_terms(terms, check_pinyin=check_pinyin, check_script=check_script, user=user)
    if sources is not None:
        from .sources import check_sources

        problems += [Problem(p.origin, p.term_id, "error", f"{p.message}: {p.citation}") for p in check_sources(terms, sources)]
    return terms, problems


def validate_terms(
    terms: Sequence[Term], check_pinyin: bool = True, check_script: bool = True, *, user: bool = False
) -> list[Problem]:
    """Every problem of *terms* as one table (*user*: see :func:`validate_paths`)."""
    out: list[Problem] = []
    out += _schema(terms, USER_REQUIRED if user else REQUIRED)
    out += _duplicates(terms)
    if check_pinyin:
        out += _pinyin(terms)
    if check_script:
        out += _script(terms)
    return out


def _p(t: Term, level: str, msg: str) -> Problem:
    return Problem(t.origin, t.id, level, msg)


def _schema(terms: Sequence[Term], required: Sequence[str] = REQUIRED) -> Iterator[Problem]:
    ids = {t.id for t in terms}
    for t in terms:
        for name in required:
            if not getattr(t, name):
                yield _p(t, "error", f"required field '{name}' is empty")
        if t.id and not _ID.match(t.id):
            yield _p(t, "error", f"id {t.id!r} must be lowercase ASCII words joined by '-'")
        if t.category and t.category not in CATEGORIES:
            yield _p(t, "error", f"category {t.category!r} is not one of {', '.join(CATEGORIES)}")
        if t.status and t.status not in STATUSES:
            yield _p(t, "error", f"status {t.status!r} is not one of {', '.join(STATUSES)}")
        if t.status in ("official", "common") and not t.source:
            yield _p(t, "error", f"status '{t.status}' needs a source saying where the rendering is used")
        if t.status in ("official", "common"):
            for item in t.source:
                if not parse_citation(item).located:
                    yield _p(t, "error", f"citation names no place in its document (¶ unit, URL or list): {item}")
        for rel in t.related:
            if rel not in ids:
                yield _p(t, "error", f"related id {rel!r} does not exist")
            elif rel == t.id:
                yield _p(t, "error", "a term cannot be related to itself")
        said: set[str] = set()
        for r in (t.en, *t.en_alt):
            if r.strip() in said:
                # an export keeps each rendering once, so a repeat would not survive a round trip
                # (a variant in case or hyphens is another written form, and stays)
                yield _p(t, "error", f"rendering {r!r} is listed twice (as the standard English or an alternative)")
            said.add(r.strip())
        good = {surface_key(r) for r in t.renderings}
        for bad in t.en_nonstandard:
            if surface_key(bad) in good:
                yield _p(t, "error", f"non-standard rendering {bad!r} is also listed as acceptable")
        for name in ("en", "definition"):
            if has_han(getattr(t, name)):
                yield _p(t, "error", f"field '{name}' contains Chinese characters")
        for name in ("zh_hans", "zh_hant"):
            value = getattr(t, name)
            if value and not has_han(value):
                yield _p(t, "error", f"field '{name}' has no Chinese characters")
        for alias in t.zh_alias:
            if not has_han(alias):
                yield _p(t, "error", f"alias {alias!r} has no Chinese characters")
            elif zh_key(alias) in (zh_key(t.zh_hans), zh_key(t.zh_hant)):
                yield _p(t, "error", f"alias {alias} is the term itself")
        for dated in t.en_history:
            if not DATED.match(dated):
                yield _p(t, "error", f"en_history {dated!r} must read 'rendering (YYYY–YYYY)'")
        if has_han(t.pinyin) or has_han(t.pinyin_num):
            yield _p(t, "error", "pinyin contains Chinese characters")


def _duplicates(terms: Sequence[Term]) -> Iterator[Problem]:
    seen_id: dict[str, Term] = {}
    seen_zh: dict[str, Term] = {}
    seen_en: dict[str, Term] = {}
    names = {zh_key(t.zh_hans): t for t in terms}
    aliases: dict[str, Term] = {}
    for t in terms:
        for alias in t.zh_alias:
            key = zh_key(alias)
            owner = names.get(key)
            if owner is not None and owner.id != t.id:
                yield _p(t, "error", f"alias {alias} is the simplified form of [{owner.id}] at {owner.origin}")
            elif key in aliases and aliases[key].id != t.id:
                first = aliases[key]
                yield _p(t, "error", f"alias {alias} is also an alias of [{first.id}] at {first.origin}")
            aliases.setdefault(key, t)
    for t in terms:
        if t.id in seen_id:
            yield _p(t, "error", f"duplicate id (first at {seen_id[t.id].origin})")
        else:
            seen_id[t.id] = t
        if t.zh_hans in seen_zh:
            first = seen_zh[t.zh_hans]
            yield _p(t, "error", f"duplicate simplified form {t.zh_hans} (also [{first.id}] at {first.origin})")
        else:
            seen_zh[t.zh_hans] = t
        key = en_key(t.en)
        if key in seen_en:
            first = seen_en[key]
            yield _p(t, "warning", f"standard English {t.en!r} is also the rendering of [{first.id}] at {first.origin}")
        else:
            seen_en[key] = t


def _orth_letters(text: str) -> str:
    return re.sub(r"[\s'’\-·,.;:]", "", text).lower()


def pinyin_problems(t: Term) -> list[Problem]:
    """Pinyin checks for one term: syllable count, readings, orthographic vs numbered, corrections."""
    from .pinyin import pypinyin_syllables, readings

    out: list[Problem] = []
    syl = t.pinyin_num.split()
    hanzi = [ch for ch in t.zh_hans if is_han(ch) or ch.isalnum()]
    if len(syl) != len(hanzi):
        out.append(_p(t, "error", f"pinyin_num has {len(syl)} syllables, zh_hans has {len(hanzi)} characters"))
        return out
    for ch, s in zip(hanzi, syl):
        if not is_han(ch):
            if s.lower() != ch.lower():
                out.append(_p(t, "error", f"pinyin_num {s!r} should repeat {ch!r} as written"))
            continue
        if not _SYLLABLE.match(s):
            out.append(_p(t, "error", f"pinyin_num syllable {s!r} is not a lowercase syllable with a tone digit 1-5"))
            continue
        known = readings(ch)
        s_v = s.replace("ü", "v")
        neutral_ok = s_v.endswith("5") and any(k[:-1] == s_v[:-1] for k in known)
        if known and s_v not in known and not neutral_ok:
            out.append(_p(t, "error", f"{s!r} is not a reading of {ch} (pypinyin knows {', '.join(sorted(known))})"))
    marked_syl = [(mark_syllable(s) if _SYLLABLE.match(s) else s).lower() for s in syl]
    marked = "".join(marked_syl)
    if _orth_letters(t.pinyin) != _orth_letters(marked):
        out.append(_p(t, "error", f"pinyin {t.pinyin!r} does not spell the same syllables as pinyin_num {t.pinyin_num!r}"))
    if _clause_marks(t.zh_hans) != _clause_marks_pinyin(t.pinyin, marked_syl):
        out.append(_p(t, "error", f"pinyin {t.pinyin!r} should write the clause marks of {t.zh_hans} "
                                  f"(、，；：) as , ; : after the same syllables"))
    default = pypinyin_syllables(t.zh_hans)
    default = [d for d, ch in zip(default, t.zh_hans) if is_han(ch) or ch.isalnum()] if len(default) == len(t.zh_hans) else default
    norm_default = [d.replace("ü", "v") for d in default if _SYLLABLE.match(d)]
    norm_ours = [s.replace("ü", "v") for s in syl if _SYLLABLE.match(s)]
    if norm_default != norm_ours and not t.pinyin_note:
        out.append(_p(t, "error", f"pypinyin reads {' '.join(default)!r}; pinyin_num differs, so pinyin_note must say why"))
    return out


#: The clause marks a term's pinyin must write (as , ; :), where running text's pinyin writes
#: them as :data:`glossary.pinyin.PUNCTUATION` says (GB/T 16159; docs/pinyin.md).
_CLAUSE_MARKS = "、，；："


def _clause_marks(zh: str) -> list[tuple[int, str]]:
    """``(syllables before it, mark)`` for each clause mark of *zh* (see :data:`_CLAUSE_MARKS`);
    a syllable is a Han character or a letter or digit, as :func:`pinyin_problems` counts them."""
    from .pinyin import PUNCTUATION

    out: list[tuple[int, str]] = []
    n = 0
    for ch in zh:
        if ch in _CLAUSE_MARKS:
            out.append((n, PUNCTUATION[ch]))
        elif is_han(ch) or ch.isalnum():
            n += 1
    return out


def _clause_marks_pinyin(pinyin: str, marked: list[str]) -> list[tuple[int, str]]:
    """The same for the orthographic *pinyin*, whose syllables spell *marked* (the numbered
    syllables with tone marks): a mark's place is the count of syllables whose letters
    come before it; a mark inside a syllable counts as after none (-1), which never matches."""
    from itertools import accumulate

    ends = {e: i + 1 for i, e in enumerate(accumulate(len(_orth_letters(s)) for s in marked))}
    ends[0] = 0
    out: list[tuple[int, str]] = []
    letters = 0
    for ch in pinyin:
        if ch in ",;:":
            out.append((ends.get(letters, -1), ch))
        else:
            letters += len(_orth_letters(ch))
    return out


def _pinyin(terms: Iterable[Term]) -> Iterator[Problem]:
    for t in terms:
        if t.pinyin_num and t.zh_hans:
            yield from pinyin_problems(t)


def _script(terms: Iterable[Term]) -> Iterator[Problem]:
    from .script import TRADITIONAL_CONFIG, opencc_convert, slips, to_traditional

    for t in terms:
        if not (t.zh_hans and t.zh_hant):
            continue
        if han_count(t.zh_hans) != han_count(t.zh_hant):
            yield _p(t, "error", f"zh_hant {t.zh_hant} and zh_hans {t.zh_hans} differ in length")
            continue
        back = opencc_convert(t.zh_hant, "t2s")
        if back != t.zh_hans:
            yield _p(t, "warning", f"OpenCC t2s turns zh_hant {t.zh_hant} into {back}, not {t.zh_hans}")
        s2t = to_traditional(t.zh_hans)  # OpenCC with its known slips put right (script.OPENCC_SLIPS)
        if s2t != t.zh_hant and "opencc" not in t.note.lower():
            yield _p(t, "warning", f"OpenCC {TRADITIONAL_CONFIG} gives {s2t}; curated zh_hant is {t.zh_hant} (say why in note)")
        for start, end, right in slips(t.zh_hans):
            got = t.zh_hant[start:end]
            if got != right:
                yield _p(t, "error", f"zh_hant {t.zh_hant}: {t.zh_hans[start:end]} is {right} in traditional script, not {got} (OpenCC slips inside longer phrases)")


#: A lexicon row's evidence: "Government Work Report 2018 ¶23; 31 of 52 units" (document and
#: year, the unit where the English is used, and how many of the word's units use it).
_EVIDENCE = re.compile(r"^\S.*\b(19|20)\d\d ¶\S+; \d+ of \d+ units$")


def validate_lexicon(path: Path | None = None) -> list[Problem]:
    """Problems of the composer's lexicon (``data/lexicon.tsv`` by default): its columns, roles,
    scripts, duplicates, and an evidence cell on every row that names a document, a year and a
    unit (:mod:`glossary.composition` reads the file; ``scripts/lexicon_evidence.py`` writes it)."""
    from .composition import ROLES, lexicon_path, read_lexicon
    from .errors import GlossaryError

    p = path or lexicon_path()
    origin = str(p)
    try:
        rows = read_lexicon(p)
    except GlossaryError as exc:
        return [Problem("", "", "error", str(exc))]
    out: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    for n, r in enumerate(rows, start=2):
        where = f"{origin}:{n}"
        if not r.zh or not all(is_han(ch) for ch in r.zh):
            out.append(Problem(where, r.zh, "error", "zh must be Chinese characters only"))
        if not r.en or has_han(r.en):
            out.append(Problem(where, r.zh, "error", "en must be English (no Chinese characters)"))
        if r.role not in ROLES:
            out.append(Problem(where, r.zh, "error", f"role {r.role!r} is not one of {', '.join(ROLES)}"))
        if not _EVIDENCE.match(r.evidence):
            out.append(Problem(where, r.zh, "error", "evidence must read 'Document YEAR ¶unit; N of M units'"))
        if (r.zh, r.role) in seen:
            out.append(Problem(where, r.zh, "error", f"a second row for {r.zh} as {r.role}"))
        seen.add((r.zh, r.role))
    return out
