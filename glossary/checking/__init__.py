"""Terminology QA of an English text, alone or against its Chinese source.

Six kinds of finding, each with a default severity (a team can override them through
:class:`CheckOptions`):

``nonstandard`` (error)
    The English contains a rendering the glossary lists as non-standard (:mod:`.nonstandard`).
``missing`` (warning)
    A source segment has a glossary term but its target segment neither the standard rendering
    nor an accepted alternative (:mod:`.missing`).
``inconsistent`` (info)
    The same source term is rendered with different accepted renderings in different segments
    (:mod:`.consistency`).
``capitalisation`` (warning)
    A standard or accepted rendering written with other capitals than the glossary form
    (:mod:`.capitalisation`, :mod:`.case`).
``outdated`` (warning)
    An earlier official rendering the current one replaced (:mod:`.nonstandard`).
``literal`` (warning)
    A probable machine rendering the glossary does not list, recognised from what the term's
    Chinese parts mean (:mod:`.literal`, :mod:`glossary.literal`); a source confirms or rejects it.

All searching goes through :class:`glossary.matcher.TermMatcher` (one automaton per language);
whether a target contains a rendering is decided on normalised word streams
(:mod:`.renderings`). :class:`Checker` runs the kinds; the functions below are the API twins of
``glossary check``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import GlossaryError, InputError
from ..io.parallel import Segment
from ..io.segment import Unit
from .checker import Checker
from .options import DEFAULT_SEVERITY, KINDS, LEVELS, CheckOptions, FailOn, Kind, Level
from .report import FINDING_COLUMNS, CheckReport, Finding

if TYPE_CHECKING:
    from ..store import Glossary
    from ..terms import Term


def _glossary(glossary: Glossary | Sequence[Term] | None) -> Glossary | Sequence[Term]:
    if glossary is None:
        from ..store import load

        return load()
    return glossary


def check_text(
    text: str, glossary: Glossary | Sequence[Term] | None = None, options: CheckOptions | None = None
) -> CheckReport:
    """Non-standard renderings and capitalisation in English *text* (no source)."""
    return Checker(_glossary(glossary), options).check_text(text)


def check_segments(
    segments: Sequence[Segment], glossary: Glossary | Sequence[Term] | None = None, options: CheckOptions | None = None
) -> CheckReport:
    """Check aligned segments (see :func:`glossary.io.parallel.read_parallel`)."""
    return Checker(_glossary(glossary), options).check_segments(segments)


def check(
    target: str | Path,
    source: str | Path | None = None,
    *,
    glossary: Glossary | Sequence[Term] | None = None,
    options: CheckOptions | None = None,
    tsv: bool | None = None,
    unit: Unit = "auto",
    encoding: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> CheckReport:
    """Check an English file, optionally against its Chinese source (the twin of ``glossary check``).

    * ``source`` given: *source* and *target* are aligned text files (see ``unit``).
    * no ``source`` and *target* is a parallel file (a TSV with ``zh`` and ``en`` columns or a
      TMX memory, by extension, or ``tsv=True``): the file holds both sides.
    * otherwise *target* is plain English text: non-standard renderings and capitalisation.

    *progress*, for plain English text, is called as ``progress(done, total)`` in characters while
    a long text is checked part by part (the command draws its bar with it).

    Returns a :class:`CheckReport` (iterable of :class:`Finding`; ``.to_frame()`` for polars).
    """
    return _check_one(Checker(_glossary(glossary), options), target, source, tsv=tsv, unit=unit, encoding=encoding,
                      progress=progress)


#: Files a folder given to :func:`check_files` holds for checking.
CHECKED_SUFFIXES = (".txt", ".md", ".tsv", ".tab", ".tmx")


def check_files(
    paths: Sequence[str | Path],
    *,
    glossary: Glossary | Sequence[Term] | None = None,
    options: CheckOptions | None = None,
    tsv: bool | None = None,
    encoding: str | None = None,
    on_error: Callable[[InputError], None] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[CheckReport]:
    """Check several English files (and the files of folders: .txt, .md, and parallel .tsv, .tab,
    .tmx), one report each, with one checker built once. ``on_error`` receives a file that cannot
    be read or checked, and the others go on (default: raise). *progress* as for :func:`check`,
    per file."""
    checker = Checker(_glossary(glossary), options)
    reports: list[CheckReport] = []
    from ..io.documents import expand_folders

    for path in expand_folders(paths, CHECKED_SUFFIXES):
        try:
            reports.append(_check_one(checker, path, None, tsv=tsv, unit="auto", encoding=encoding, progress=progress))
        except InputError as exc:
            if on_error is None:
                raise
            on_error(exc)
    return reports


def _check_one(
    checker: Checker, target: str | Path, source: str | Path | None, *, tsv: bool | None, unit: Unit,
    encoding: str | None, progress: Callable[[int, int], None] | None = None,
) -> CheckReport:
    from ..io.parallel import is_parallel_tsv, read_parallel
    from ..io.textfile import read_text

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
    from ..progress import running_total

    return checker.check_text(text, name=name, progress=running_total(progress, len(text)) if progress else None)


def _require_english(text: str, name: str) -> None:
    """Refuse an empty target, or a Chinese one: "clean, 0 words" would read as a pass."""
    from ..forms import mostly_chinese

    if not text.strip():
        raise InputError(f"{name}: empty file; nothing to check")
    if mostly_chinese(text, share=0.5):  # English with its Chinese terms in brackets passes
        raise InputError(f"{name} is Chinese text; check reads the English translation "
                         "(give the Chinese original with --source)")


def _require_sides(segments: Sequence[Segment], target: str, source: str) -> None:
    """The English side must be English and the Chinese side Chinese (files swapped, or the same file twice)."""
    from ..forms import mostly_chinese

    _require_english("\n".join(s.target for s in segments), target)
    zh = "\n".join(s.source for s in segments)
    if not zh.strip():
        raise InputError(f"{source}: empty; nothing to check against")
    if not mostly_chinese(zh):
        raise InputError(f"the source {source} holds little or no Chinese text (are the two files swapped?)")


__all__ = [
    "DEFAULT_SEVERITY",
    "FINDING_COLUMNS",
    "KINDS",
    "LEVELS",
    "CheckOptions",
    "CheckReport",
    "Checker",
    "FailOn",
    "Finding",
    "Kind",
    "Level",
    "Unit",
    "check",
    "check_files",
    "check_segments",
    "check_text",
]
