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
from .terms import Term, TableError

__version__ = "0.1.0"

_LAZY = {
    "orthographic": ("pinyin", "orthographic"),
    "numbered": ("pinyin", "numbered"),
    "PinyinWriter": ("pinyin", "PinyinWriter"),
    "validate_paths": ("validate", "validate_paths"),
    "export": ("export", "export"),
    "export_formats": ("export", "formats"),
    "import_terms": ("imports", "import_terms"),
    "to_traditional": ("script", "to_traditional"),
    "to_simplified": ("script", "to_simplified"),
    "extract": ("extract", "extract"),
    "check": ("check", "check_file"),
    "check_file": ("check", "check_file"),
    "check_text": ("check", "check_text"),
    "check_segments": ("check", "check_segments"),
    "read_parallel": ("io.parallel", "read_parallel"),
    "annotate": ("annotate", "annotate_file"),
    "annotate_file": ("annotate", "annotate_file"),
    "annotate_text": ("annotate", "annotate_text"),
    "align": ("align", "align"),
    "align_segments": ("align", "align_segments"),
}


def __getattr__(name: str) -> Any:
    """Import API functions on first use (PEP 562) so the package itself imports quickly."""
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(f".{module}", __name__), attr)
    raise AttributeError(f"module 'glossary' has no attribute {name!r}")


__all__ = ["Glossary", "GlossaryError", "InputError", "Match", "TableError", "Term", "load", "__version__", *_LAZY]
