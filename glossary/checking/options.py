"""What a check run looks for and how loudly: the finding kinds, severities and the options object."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from ..errors import GlossaryError

Kind = Literal["nonstandard", "outdated", "missing", "inconsistent", "capitalisation", "literal"]
Level = Literal["info", "warning", "error"]
#: A ``--fail-on`` threshold: a level, or ``never``.
FailOn = Literal["info", "warning", "error", "never"]

KINDS: tuple[Kind, ...] = ("nonstandard", "outdated", "missing", "inconsistent", "capitalisation", "literal")
#: Severities from least to most severe; ``--fail-on`` picks a threshold on this scale.
LEVELS: tuple[Level, ...] = ("info", "warning", "error")
DEFAULT_SEVERITY: Mapping[str, str] = {
    "nonstandard": "error", "outdated": "warning", "missing": "warning", "inconsistent": "info",
    "capitalisation": "warning", "literal": "warning",
}


def rank(level: str) -> int:
    """Position of *level* on the severity scale; an unknown level is the user's error."""
    try:
        return LEVELS.index(level)  # type: ignore[arg-type, unused-ignore]  # any str may be asked
    except ValueError:
        raise GlossaryError(f"unknown severity {level!r}; choose from {', '.join(LEVELS)} or never") from None


@dataclass(frozen=True)
class CheckOptions:
    """How a :class:`~glossary.checking.Checker` judges a text. The defaults are the CLI's.

    ``min_zh_chars``: source terms shorter than this are not checked for a missing rendering.
    ``skip_single_word``: terms whose every accepted rendering is one lowercase word (a common
    English word such as "reform") are not checked for a missing rendering: their presence
    proves little and translators often restructure around them.
    ``loose``: a rendering also counts as present when nearly all its content words occur in the
    target segment (inflected: "complete the building of a moderately prosperous society" for
    "finishing building a moderately prosperous society"), so light rewording is not "missing".
    ``ambiguity``: non-standard forms that are one word, or that CC-CEDICT gives as the English of
    another Chinese word ("middle class" is 中产阶级 as well as a wrong 中等收入群体), are
    ambiguous: without a source they are reported as info only; with a source only when the
    source segment contains the term.
    ``kinds``: which finding kinds to produce. ``severity``: overrides of DEFAULT_SEVERITY.
    ``raised_capitals``: also report capitals on words the glossary writes lowercase ("Common
    Prosperity" mid-sentence); off by default, since that is mostly house style (docs/check.md).
    ``formulations_only``: missing and inconsistent renderings are looked for only for
    formulation-like terms (set formulations, numbered formulas, proper names; :mod:`glossary.scope`):
    ordinary policy words (市场化, 基层, 民生) are paraphrased by every good translation, and
    in more than one way.
    ``keep_evidence``: a missing rendering is reported at the ``missing`` level only for a term
    whose rendering official English is known to keep (:mod:`glossary.checking.evidence`), and as
    an info-level note for any other: official translators paraphrase many formulations, so the
    absence of a listed rendering proves little without that evidence.
    """

    min_zh_chars: int = 2
    skip_single_word: bool = True
    kinds: Iterable[str] = KINDS
    severity: Mapping[str, str] = field(default_factory=dict)
    loose: bool = True
    ambiguity: bool = True
    raised_capitals: bool = False
    formulations_only: bool = True
    keep_evidence: bool = True

    def __post_init__(self) -> None:
        kinds = frozenset(self.kinds)
        unknown = kinds - set(KINDS)
        if unknown:
            raise GlossaryError(f"unknown finding kind {', '.join(sorted(unknown))}; choose from {', '.join(KINDS)}")
        levels = dict(DEFAULT_SEVERITY)
        for kind, level in self.severity.items():
            if kind not in KINDS:
                raise GlossaryError(f"unknown finding kind {kind!r}; choose from {', '.join(KINDS)}")
            rank(level)
            levels[kind] = level
        object.__setattr__(self, "kinds", kinds)
        object.__setattr__(self, "severity", levels)

    @classmethod
    def strict(cls, **options: object) -> CheckOptions:
        """Exact matching only: no loose matching of reworded renderings, no ambiguity allowance,
        every missing rendering at the ``missing`` level."""
        return cls(loose=False, ambiguity=False, keep_evidence=False, **options)  # type: ignore[arg-type]

    def wants(self, kind: str) -> bool:
        return kind in frozenset(self.kinds)

    def level(self, kind: str) -> str:
        """The severity findings of *kind* are reported at."""
        return self.severity[kind]
