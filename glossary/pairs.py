"""Word pairs official parallel text coordinates, for the composer: ``data/pairs.tsv``.

Chinese juxtaposes two coordinated words without a conjunction (风险挑战, 交流合作, 繁荣稳定),
where English needs one ("risks and challenges"); read as modifier and head, the composer wrote
"risk challenges". The curated table teaches some such pairs (:meth:`glossary.phrasing.Phrasing.coordinated`),
but only those its own terms happen to hold. ``scripts/learn_pairs.py`` reads the official
bilingual Government Work Reports 2016–2019, the New Year addresses and the PRC (2018) and CPC
(2017) Constitutions sentence by sentence, and for every two known words side by side in a
Chinese clause counts the sentences and those whose English joins a rendering of each with
"and". A pair is used when the English coordinated it in at least :data:`MIN_COUNT` sentences
and :data:`MIN_SHARE` of them. Only the two words and the counts are shipped, no text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import GlossaryError

COLUMNS = ("first", "second", "count", "of")
#: a pair is used when its English was coordinated at least this often …
MIN_COUNT = 2
#: … and in at least this share of the sentences holding the pair
MIN_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class Pair:
    """Two Chinese words side by side (``first`` then ``second``) that official English
    coordinated in ``count`` of the ``of`` sentences holding them."""

    first: str
    second: str
    count: int
    of: int

    @property
    def supported(self) -> bool:
        return self.count >= MIN_COUNT and self.count >= MIN_SHARE * self.of


def pairs_path() -> Path:
    from .resources import data_dir

    return data_dir() / "pairs.tsv"


def read_pairs(path: str | Path | None = None) -> tuple[Pair, ...]:
    """The rows of a pairs file (the shipped one by default); a malformed row is a
    :class:`~glossary.errors.GlossaryError` naming the file and line."""
    from .forms import is_han
    from .io.datatable import table_rows

    p = Path(path) if path is not None else pairs_path()
    rows = []
    for n, (first, second, count, of) in table_rows(p, COLUMNS, "the learned pairs"):
        if (not first or not second or not all(map(is_han, first + second)) or not count.isdigit()
                or not of.isdigit() or int(count) > int(of)):
            raise GlossaryError(f"{p}:{n}: expected two Chinese words and counts, count ≤ of")
        rows.append(Pair(first, second, int(count), int(of)))
    return tuple(rows)


@lru_cache(maxsize=4)
def learned_pairs(path: str | None = None) -> frozenset[tuple[str, str]]:
    """The supported pairs (:attr:`Pair.supported`) as (first, second)."""
    return frozenset((r.first, r.second) for r in read_pairs(path) if r.supported)


__all__ = ["COLUMNS", "MIN_COUNT", "MIN_SHARE", "Pair", "learned_pairs", "pairs_path", "read_pairs"]
