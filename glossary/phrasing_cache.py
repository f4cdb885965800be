"""The learned phrasing of a glossary, kept on disk between runs.

:func:`glossary.composition.table_phrasing` cuts every term of the glossary into its parts and
reads its English (about half a second for the shipped terms, plus reading the CC-CEDICT
entries of all their substrings). The result depends only on the glossary's forms and English,
the lexicon, the dictionary data (CC-CEDICT, the learned senses and pairs: a term
the rules alone compose right votes for them, not for its frames) and the code that learns it,
so it is stored in the user
cache folder (:mod:`glossary.cache`) under a hash of all of these: an edited glossary
or lexicon, other dictionary data or changed learning code gives another name, and is learned
anew. A cache folder that cannot be written only costs the learning on each run.

What is stored is the learned :class:`~glossary.phrasing.Phrasing` itself, as a plain value
(:func:`glossary.cache.save_value`): each distinct observation once, the terms' observations and
the index as positions in that list. Reading it back builds each observation once and nothing
else (about 0.05 s for the shipped table); storing the observations and learning again on
every read cost 0.3 s, paid by every process that composes (``compose``, an extraction's
describing helper, ``extract --top``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .phrasing import Phrasing
    from .store import Glossary

#: bump when the stored layout changes
FORMAT = 2
#: phrasing files kept in the cache folder (one per glossary recently used)
KEEP = 8
#: the modules whose code decides what is learned (their source is part of the key)
_MODULES = ("composition.py", "phrasing.py", "senses.py", "pairs.py", "forms.py", "cedict.py")


def phrasing_path(glossary: Glossary) -> Path:
    """The cache file for *glossary*'s phrasing with the installed lexicon, dictionary and code."""
    from . import cache
    from .cedict import compact_path
    from .composition import lexicon_path
    from .pairs import pairs_path
    from .senses import senses_path

    terms = (repr((t.id, t.zh_hans, tuple(t.zh_alias), t.en)) for t in glossary)
    return cache.named("phrasing", "bin", (str(FORMAT), compact_path().name, *cache.code(*_MODULES), lexicon_path().read_bytes(),
                       senses_path().read_bytes(), pairs_path().read_bytes(), *terms))


def load_phrasing(path: Path) -> Phrasing | None:
    """The phrasing stored at *path*, or None when it is missing, unreadable or of another layout."""
    from . import cache
    from .phrasing import Observation, Phrasing

    data = cache.load_value(path)
    try:
        assert isinstance(data, tuple) and len(data) == 4 and data[0] == FORMAT
        _, rows, by_term, index = data
        obs = [Observation(*row) for row in rows]
        return Phrasing({t: tuple(obs[k] for k in ks) for t, ks in by_term.items()},
                        {key: [(obs[k], n) for k, n in counts] for key, counts in index.items()})
    except (AssertionError, TypeError, ValueError, IndexError):
        return None


def save_phrasing(path: Path, phrasing: Phrasing) -> None:
    """Store *phrasing* at *path* atomically (silently not, where the folder cannot be written),
    and drop the oldest phrasing files past :data:`KEEP`. The order of every list is kept: the
    composer breaks ties between equally frequent observations by it."""
    from . import cache
    from .phrasing import Observation

    position: dict[Observation, int] = {}
    rows: list[tuple[str, str, str, str]] = []

    def at(o: Observation) -> int:
        k = position.get(o)
        if k is None:
            k = position[o] = len(rows)
            rows.append((o.kind, o.key, o.slot, o.value))
        return k

    by_term = {t: tuple(map(at, obs)) for t, obs in phrasing.by_term.items()}
    index = {key: tuple((at(o), n) for o, n in counts) for key, counts in phrasing.index.items()}
    cache.save_value(path, (FORMAT, tuple(rows), by_term, index), KEEP)  # where it cannot be written, the phrasing lives in this process only
