"""Keep rates: how often official English keeps a term's standard or accepted rendering.

A ``missing`` finding says a source term has no listed rendering in its target segment. For a
term official translators render the same way every time (中国特色社会主义, 国务院总理), that is a
real departure; for one they paraphrase as the sentence wants (主题教育, 为人民服务 as "serve
them", 脱贫攻坚 as "eradicating extreme poverty"), it is no evidence of a fault. Which is which is
learnt from parallel official texts: ``data/keep_rates.tsv`` holds, per term, how many aligned
segments had the term in their Chinese and in how many the English kept a listed rendering (the
same test as ``missing`` itself), with the segments as locators. The table is made by
``scripts/learn_keep_rates.py`` from texts other than the Government Work Reports 2016–2022,
which are kept apart to measure the rule on (docs/check.md).

A term is *kept* when official English kept its rendering at least :data:`MIN_KEPT` times and in
at least :data:`MIN_RATE` of its occurrences; ``missing`` is a warning for such a term, and an
info-level note for every other one (no evidence, or evidence of paraphrase).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import GlossaryError
from ..resources import data_dir

#: The fewest occurrences with a kept rendering that count as evidence.
MIN_KEPT = 2
#: The least share of occurrences with a kept rendering.
MIN_RATE = 0.8
COLUMNS = ("id", "zh", "seen", "kept", "where")


@dataclass(frozen=True, slots=True)
class KeepRate:
    """One term's record in official parallel text: segments seen, segments that kept a listed
    rendering, and where (document#segment, for checking by hand)."""

    term_id: str
    zh: str
    seen: int
    kept: int
    where: str = ""

    @property
    def rate(self) -> float:
        return self.kept / self.seen if self.seen else 0.0

    @property
    def evidenced(self) -> bool:
        """Official English keeps this term's rendering (see the module)."""
        return self.kept >= MIN_KEPT and self.rate >= MIN_RATE


def keep_rates_path() -> Path:
    return data_dir() / "keep_rates.tsv"


@lru_cache(maxsize=4)
def read_keep_rates(path: str | None = None) -> dict[str, KeepRate]:
    """Term id → its keep rate, from *path* (default: the packaged table). A missing table is
    an empty one (no term is evidenced, so every ``missing`` finding is a note)."""
    p = Path(path) if path else keep_rates_path()
    if not p.is_file():
        return {}
    lines = p.read_text(encoding="utf-8").splitlines()
    if not lines or tuple(lines[0].split("\t")[: len(COLUMNS)]) != COLUMNS:
        raise GlossaryError(f"{p}: expected the columns {', '.join(COLUMNS)}")
    out: dict[str, KeepRate] = {}
    for n, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        cells = line.split("\t")
        try:
            rate = KeepRate(cells[0], cells[1], int(cells[2]), int(cells[3]), cells[4] if len(cells) > 4 else "")
        except (IndexError, ValueError):
            raise GlossaryError(f"{p}:{n}: a row needs id, zh, seen and kept (whole numbers)") from None
        if not 0 <= rate.kept <= rate.seen:
            raise GlossaryError(f"{p}:{n}: kept ({rate.kept}) must lie between 0 and seen ({rate.seen})")
        out[rate.term_id] = rate
    return out


def kept_officially(term_id: str, path: str | None = None) -> bool:
    """Whether official English is known to keep the rendering of the term *term_id*."""
    rate = read_keep_rates(path).get(term_id)
    return rate is not None and rate.evidenced
