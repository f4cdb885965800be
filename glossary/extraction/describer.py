"""Describing new Chinese phrases in a helper process that gets ready while the text is read.

The full table of a few megabytes holds about two thousand phrases the glossary lacks, and each
gets pinyin and composed English (:func:`glossary.extraction.describe_new`). That costs about a
second in one process: half of it loading what describing needs (pypinyin and its phrase
dictionary, jieba's trie and tags, CC-CEDICT, the composer's lexicon and learned phrasing), half
the phrases themselves. Neither can start before the phrases are known, after the first pass,
discovery and the second pass; and meanwhile the second core is half idle (the n-gram count
finishes before the term matching it runs beside).

:class:`Describer` starts one helper process at the beginning of an extraction. The helper loads
everything while the first pass runs, waits for the phrases, and describes them while the parent
has nothing else to do. The phrases are described by the same :func:`describe_new`, and each
phrase's pinyin and English depend only on the phrase and the glossary (the writer's and the
composer's memos only remember answers), so the table is the same byte for byte. A helper that
cannot start or fails is replaced by describing in this process.

It pays only where there is much to describe and the first pass is long enough to hide the
loading: :func:`worth_it` asks for a full table (no ``top``) of at least ``APART_BYTES`` of input.
Above ``APART_MAX_BYTES`` the helper is not started either: describing is then a small part of a
long run, and the helper's 150–200 MB would add to the peak memory of the batch workers.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..composition import Composition
    from ..store import Glossary

#: Least input (bytes of files, characters of texts) for which describing goes to a helper.
APART_BYTES = 1_000_000
#: Largest input for which it does (see the module's docstring).
APART_MAX_BYTES = 200_000_000


def worth_it(size: int | None, top: int | None, annotate: bool, new: bool, lang: str) -> bool:
    """Whether an extraction of *size* bytes (None: unknown, standard input) should describe its
    new phrases in a helper: a full, annotated table of new Chinese phrases from a big input."""
    return (annotate and new and top is None and lang in ("auto", "zh") and size is not None
            and APART_BYTES <= size <= APART_MAX_BYTES)


class Describer:
    """One helper process for :func:`describe_new` (a context manager). :meth:`prepare` hands it
    phrases as soon as they are likely rows; :meth:`describe` gives what ``describe_new(phrases,
    glossary)`` gives, from the helper when it works, else from this process."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self._pool: Any = None
        self._jobs: list[Any] = []
        self._asked: set[str] = set()
        try:
            import multiprocessing as mp
            from concurrent.futures import ProcessPoolExecutor

            # spawn, not fork: the parent may already run polars' thread pool (see engine.py)
            self._pool = ProcessPoolExecutor(1, mp_context=mp.get_context("spawn"), initializer=_ready,
                                             initargs=(glossary,))
            self._pool.submit(_loaded)  # start the helper now: it loads while the first pass runs
        except Exception:  # no processes here (a sandbox, a frozen interpreter): describe in-process
            self.close()

    def __enter__(self) -> Describer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def prepare(self, phrases: Iterable[str]) -> None:
        """Start describing *phrases* (the helper takes jobs in order); a phrase that does not
        become a row costs only the helper's time."""
        todo = [p for p in dict.fromkeys(phrases) if p not in self._asked]
        if self._pool is None or not todo:
            return
        self._asked.update(todo)
        try:
            self._jobs.append(self._pool.submit(_describe, todo))
        except Exception:  # the helper is gone: describe() does the work here
            self.close()

    def describe(self, phrases: Iterable[str]) -> dict[str, tuple[str, Composition]]:
        from . import describe_new

        wanted = list(dict.fromkeys(phrases))
        if self._pool is not None and wanted:
            self.prepare(wanted)
            try:
                described: dict[str, tuple[str, Composition]] = {}
                for job in self._jobs:
                    described.update(job.result())
                if all(p in described for p in wanted):
                    return {p: described[p] for p in wanted}
            except Exception:  # a helper that died or could not load: the work is done here
                pass
            self.close()
        return describe_new(wanted, self.glossary)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
        self._jobs = []


# -- in the helper process (its glossary, writer and phrasing kept per process, set by _ready) ---
_HELPER: list[Any] = []


def _ready(glossary: Glossary) -> None:
    """Load what describing needs, so that the phrases find it ready (see the module docstring)."""
    from ..composition import composer
    from ..pinyin import PinyinWriter

    writer = PinyinWriter(glossary)
    writer.orthographic("中国特色社会主义制度优势")  # pypinyin, jieba's trie and tags, CC-CEDICT
    phrasing = composer((), glossary).phrasing  # the lexicon, and the phrasing (cached or learned)
    _HELPER[:] = [glossary, writer, phrasing]


def _loaded() -> bool:
    return bool(_HELPER)


def _describe(phrases: list[str]) -> dict[str, tuple[str, Composition]]:
    from . import describe_new

    glossary, writer, phrasing = _HELPER
    return describe_new(phrases, glossary, writer=writer, phrasing=phrasing)
