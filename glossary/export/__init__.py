"""Glossary exports: one writer per format, chosen from a registry by name.

A writer takes the terms and an :class:`ExportOptions` and returns the file's bytes or text; the
CLI and :func:`export` write that atomically. Adding a format is adding one module and one line
to :data:`FORMATS`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from ..errors import GlossaryError
from ..terms import Term

SCRIPTS = ("simplified", "traditional", "both")


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """What every writer is told: which script(s) of Chinese to include."""

    script: str = "both"

    def __post_init__(self) -> None:
        if self.script not in SCRIPTS:
            raise GlossaryError(f"script must be one of {', '.join(SCRIPTS)}, not {self.script!r}")


Writer = Callable[[Sequence[Term], ExportOptions], "str | bytes"]


def _registry() -> dict[str, tuple[str, str, Writer]]:
    from . import tabular

    return {
        "tsv": ("tsv", "the table format of data/terms (reads back with glossary validate/import)", tabular.write_tsv),
        "csv": ("csv", "comma-separated, same columns as tsv, spreadsheet-safe", tabular.write_csv),
        "json": ("json", "a JSON array of term objects", tabular.write_json),
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


def export(terms: Sequence[Term], fmt: str, path: str | Path | None = None, script: str = "both") -> str | bytes:
    """Render *terms* as *fmt*; when *path* is given, also write it atomically. Returns the data."""
    data = render(terms, fmt, ExportOptions(script=script))
    if path is not None:
        from ..io.atomic import write_atomic

        write_atomic(path, data)
    return data


def suffix(fmt: str) -> str:
    return _registry()[fmt][0]
