"""glossary: a curated Chinese–English glossary of Chinese political terms, and tools around it.

Quick start::

    import glossary
    g = glossary.load()
    g.lookup("two maintenance")[0].term.en      # 'Two Upholds'
    glossary.orthographic("两个维护")            # 'liǎng gè wéihù'

Heavy modules (polars, pypinyin, jieba, OpenCC) are imported only by the functions that need
them, so ``import glossary`` and exact lookups stay fast.
"""

from __future__ import annotations

from typing import Any

from .errors import GlossaryError, InputError
from .index import Match
from .store import Glossary, load
from .terms import TableError, Term

__version__ = "0.1.0"

#: API functions and classes, imported on first use: name → (module, attribute).
_LAZY = {
    "orthographic": ("pinyin", "orthographic"),
    "numbered": ("pinyin", "numbered"),
    "PinyinWriter": ("pinyin", "PinyinWriter"),
    "validate_paths": ("validate", "validate_paths"),
    "export": ("exports", "export"),
    "export_formats": ("exports", "formats"),
    "import_terms": ("imports", "import_terms"),
    "to_traditional": ("script", "to_traditional"),
    "to_simplified": ("script", "to_simplified"),
    "extract": ("extraction", "extract"),
    "extract_text": ("extraction", "extract_text"),
    "compose": ("composition", "compose"),
    "compose_all": ("composition", "compose_all"),
    "Composition": ("composition", "Composition"),
    "ExtractOptions": ("extraction", "ExtractOptions"),
    "check": ("checking", "check"),
    "check_text": ("checking", "check_text"),
    "check_segments": ("checking", "check_segments"),
    "CheckOptions": ("checking", "CheckOptions"),
    "read_parallel": ("io.parallel", "read_parallel"),
    "annotate": ("annotation", "annotate"),
    "annotate_text": ("annotation", "annotate_text"),
    "align": ("alignment", "align"),
    "trends": ("trending", "trends"),
    "trend_summary": ("trending", "summary"),
    "trend_lists": ("trending", "lists"),
    "describe_trends": ("trending", "describe"),
    "align_segments": ("alignment", "align_segments"),
    "AlignOptions": ("alignment", "AlignOptions"),
}


def __getattr__(name: str) -> Any:
    """Import API functions on first use (PEP 562) so the package itself imports quickly."""
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(f".{module}", __name__), attr)
    raise AttributeError(f"module 'glossary' has no attribute {name!r}")


def __dir__() -> list[str]:
    """The eager names and the lazy API, so ``dir(glossary)`` and ``help(glossary)`` list them all."""
    return sorted(set(globals()) | set(_LAZY))


__all__ = ["Glossary", "GlossaryError", "InputError", "Match", "TableError", "Term", "load", "__version__", *_LAZY]
