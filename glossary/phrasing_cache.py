"""The learned phrasing of a glossary, kept on disk between runs.

:func:`glossary.composition.table_phrasing` cuts every term of the glossary into its parts and
reads its English (about half a second for the shipped 2,900 terms, plus reading the CC-CEDICT
entries of all their substrings). The result depends only on the glossary's forms and English,
the lexicon, the dictionary data and the code that learns it, so it is stored as JSON in the user
cache folder (:mod:`glossary.cache`) under a hash of all of these: an edited glossary
or lexicon, other dictionary data or changed learning code gives another name, and is learned
anew. A cache folder that cannot be written only costs the learning on each run.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .phrasing import Phrasing
    from .store import Glossary

#: bump when the stored layout changes
FORMAT = 1
#: phrasing files kept in the cache folder (one per glossary recently used)
KEEP = 8
#: the modules whose code decides what is learned (their source is part of the key)
_MODULES = ("composition.py", "phrasing.py", "senses.py", "forms.py", "cedict.py")


def phrasing_path(glossary: Glossary) -> Path:
    """The cache file for *glossary*'s phrasing with the installed lexicon, dictionary and code."""
    from . import cache
    from .cedict import compact_path
    from .composition import lexicon_path
    from .senses import senses_path

    terms = (repr((t.id, t.zh_hans, tuple(t.zh_alias), t.en)) for t in glossary)
    return cache.named("phrasing", "json", (str(FORMAT), compact_path().name, *cache.code(*_MODULES), lexicon_path().read_bytes(),
                       senses_path().read_bytes(), *terms))


def load_phrasing(path: Path) -> Phrasing | None:
    """The phrasing stored at *path*, or None when it is missing or unreadable."""
    from .phrasing import Observation, learn

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            return None
        return learn({t: [Observation(*o) for o in obs] for t, obs in data["by_term"].items()})
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def save_phrasing(path: Path, phrasing: Phrasing) -> None:
    """Store *phrasing* at *path* atomically (silently not, where the folder cannot be written),
    and drop the oldest phrasing files past :data:`KEEP`."""
    by_term = {t: [[o.kind, o.key, o.slot, o.value] for o in obs] for t, obs in phrasing.by_term.items()}
    text = json.dumps({"format": FORMAT, "by_term": by_term}, ensure_ascii=False)
    from . import cache

    cache.save(path, text, KEEP)  # where it cannot be written, the phrasing lives in this process only
