"""Glossary exports: one writer per format, chosen from a registry by name.

A writer takes the terms and an :class:`ExportOptions` and returns the file's bytes or text; the
CLI and :func:`export` write that atomically. Adding a format is adding one module and one line
to :data:`FORMATS`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import GlossaryError
from ..terms import Term

SCRIPTS = ("simplified", "traditional", "both")


#: Default TBX v3 namespace (the LTAC TBX-Basic schemas' own); see :mod:`glossary.exports.tbx`.
TBX_NAMESPACE = "urn:iso:std:iso:30042:ed:3.0"


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """What every writer is told: which script(s) of Chinese to include, and the TBX v3 namespace
    (some tools expect ``urn:iso:std:iso:30042:ed-2``)."""

    script: str = "both"
    tbx_namespace: str = TBX_NAMESPACE

    def __post_init__(self) -> None:
        if self.script not in SCRIPTS:
            raise GlossaryError(f"script must be one of {', '.join(SCRIPTS)}, not {self.script!r}")


Writer = Callable[[Sequence[Term], ExportOptions], "str | bytes"]


def _registry() -> dict[str, tuple[str, str, Writer]]:
    from . import cat_csv, html, markdown, omegat, tabular, tbx, xlsx

    return {
        "tsv": ("tsv", "the table format of data/terms (reads back with glossary validate/import)", tabular.write_tsv),
        "csv": ("csv", "comma-separated, same columns as tsv, spreadsheet-safe", tabular.write_csv),
        "json": ("json", "a JSON array of term objects", tabular.write_json),
        "tbx": ("tbx", "TBX v3 (ISO 30042:2019), TBX-Basic dialect, DCA style", tbx.write_tbx3),
        "tbx2": ("tbx", "TBX v2 (martif) for older CAT tools", tbx.write_tbx2),
        "omegat": ("txt", "OmegaT glossary: source TAB target TAB comment, one line per rendering", omegat.write_omegat),
        "memoq": ("csv", "memoQ term base CSV: a column per language, synonyms ';'-separated", cat_csv.write_memoq),
        "trados": ("csv", "Trados/MultiTerm CSV: a column per language, synonyms '|'-separated", cat_csv.write_trados),
        "xlsx": ("xlsx", "Excel workbook, frozen header row, formula-safe cells", xlsx.write_xlsx),
        "markdown": ("md", "Markdown: a table per category", markdown.write_markdown),
        "html": ("html", "single-file HTML reference sheet, filter-as-you-type, works offline", html.write_html),
    }


def formats() -> dict[str, str]:
    """Format name → one-line description."""
    return {name: desc for name, (_, desc, _) in _registry().items()}


def render(terms: Sequence[Term], fmt: str, options: ExportOptions = ExportOptions()) -> str | bytes:
    """The export of *terms* in format *fmt*, as text (or bytes for binary formats)."""
    reg = _registry()
    if fmt not in reg:
        raise GlossaryError(f"unknown export format {fmt!r}; choose from {', '.join(reg)}")
    return reg[fmt][2](terms, options)


def export(
    terms: Sequence[Term] | None = None,
    fmt: str = "tsv",
    path: str | Path | None = None,
    script: str = "both",
    categories: Sequence[str] = (),
    tbx_namespace: str = TBX_NAMESPACE,
) -> str | bytes:
    """Render *terms* (default: the loaded glossary) as *fmt*; when *path* is given, also write it
    atomically (an error while rendering leaves an existing file untouched). *categories* keeps
    only terms of those categories. Returns the data (bytes for binary formats: xlsx, tbx)."""
    if terms is None:
        from ..store import load

        terms = list(load())
    if categories:
        wanted = set(categories)
        terms = [t for t in terms if t.category in wanted]
    data = render(terms, fmt, ExportOptions(script=script, tbx_namespace=tbx_namespace))
    if path is not None:
        from ..io.atomic import write_atomic

        write_atomic(path, data)
    return data


def suffix(fmt: str) -> str:
    return _registry()[fmt][0]


