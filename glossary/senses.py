"""Word senses learned from official parallel text, for the composer: ``data/senses.tsv``.

CC-CEDICT's first sense of a word is often one official English never uses for it in political
text (检察 "to inspect" where the reports say "procuratorial"). ``scripts/learn_senses.py`` aligns
the official bilingual Government Work Reports 2016–2019 and the PRC (2018) and CPC (2017)
Constitutions word by word (the project's alignment model) and writes, per Chinese word, the
English it is usually rendered with there, with counts. The composer prefers that English to
CC-CEDICT's first sense when it has support (:data:`MIN_COUNT`, :data:`MIN_SHARE`), and ranks
it below the glossary and the lexicon. Only words are learned, never phrases, and no text of the
sources is shipped.

The file is small (about a thousand rows) and read once per process, when a composer is made.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import GlossaryError

COLUMNS = ("zh", "en", "role", "count", "of")
ROLES = ("verb", "modifier", "noun")
#: a learned sense is used when seen at least this often …
MIN_COUNT = 2
#: … and in at least this share of the word's aligned occurrences
MIN_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class Sense:
    """The English official text usually gives a word: ``count`` of its ``of`` aligned
    occurrences; ``role`` is ``verb``, ``modifier`` (an adjective: the word's form before a
    noun) or ``noun`` (anything else)."""

    zh: str
    en: str
    role: str
    count: int
    of: int

    @property
    def supported(self) -> bool:
        return self.count >= MIN_COUNT and self.count >= MIN_SHARE * self.of


def senses_path() -> Path:
    from .resources import data_dir

    return data_dir() / "senses.tsv"


def read_senses(path: str | Path | None = None) -> tuple[Sense, ...]:
    """The rows of a senses file (the shipped one by default); a malformed row is a
    :class:`~glossary.errors.GlossaryError` naming the file and line."""
    from .io.datatable import table_rows

    p = Path(path) if path is not None else senses_path()
    rows = []
    for n, (zh, en, role, count, of) in table_rows(p, COLUMNS, "the learned senses"):
        if role not in ROLES or not count.isdigit() or not of.isdigit() or int(count) > int(of) or not zh or not en:
            raise GlossaryError(f"{p}:{n}: expected zh, English, a role ({'/'.join(ROLES)}), count ≤ of")
        rows.append(Sense(zh, en, role, int(count), int(of)))
    return tuple(rows)


@lru_cache(maxsize=4)
def learned_senses(path: str | None = None) -> dict[str, Sense]:
    """Chinese word → its learned sense, only those with support (:attr:`Sense.supported`)."""
    return {s.zh: s for s in read_senses(path) if s.supported}


__all__ = ["COLUMNS", "MIN_COUNT", "MIN_SHARE", "Sense", "learned_senses", "read_senses", "senses_path"]
