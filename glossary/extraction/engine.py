"""Where the batches of an extraction are counted: here, or on a Dask cluster.

:func:`glossary.extraction.extract` cuts its input into batches of documents. Each batch is
counted on its own (*map*: :class:`~.scan.BatchScanner` gives a :class:`~.scan.BatchResult`) and
the results are folded into :class:`Totals` in input order (*merge*), so a document that spans
two batches still counts once. The second pass (exact counts of the discovered phrases) is a
map too (:func:`count_batch`), merged the same way.

The local engine (:class:`LocalEngine`) does this in this process or a small process pool. The
Dask engine (the optional ``dask`` extra) sends the same functions to a Dask distributed
cluster: the scans run on its workers, and the merge runs there too, as a chain of tasks that
each add one batch's result to the running totals, so only the finished totals come back. The
functions are the local ones, so the table is the same as a local run's.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from typing import Any

from ..errors import GlossaryError
from ..io.documents import Document
from ..terms import Term
from . import discover
from .scan import BatchResult, BatchScanner, Tally, context, fewer_collections, searched_lang

#: Environment variable naming a Dask scheduler (``tcp://host:8786``): extract then uses it.
SCHEDULER_ENV = "GLOSSARY_DASK_SCHEDULER"
ENGINES = ("local", "dask")


@dataclass
class Totals:
    """The first pass so far: tallies of glossary and rule phrases, n-gram tables for discovery
    with the text size behind them, and the number of documents."""

    tallies: dict[tuple[str, str], Tally] = field(default_factory=dict)
    #: per language, a polars frame of ``k`` and ``v`` (:func:`.discover.merge_frames`)
    tables: dict[str, Any] = field(default_factory=lambda: {"zh": discover.empty_frame(), "en": discover.empty_frame()})
    symbols: dict[str, int] = field(default_factory=lambda: {"zh": 0, "en": 0})
    ndocs: int = 0

    def add(self, result: BatchResult, ndocs: int, cap: int) -> Totals:
        """Fold in the next batch's result (batches must come in input order); *cap* bounds
        the n-gram tables (the rarest entries go first)."""
        self.ndocs = max(self.ndocs, ndocs)
        for k, t in result.tallies.items():
            if k in self.tallies:
                self.tallies[k].merge(t)
            else:
                self.tallies[k] = t
        for lg, table in result.tables.items():
            self.tables[lg] = discover.prune_frame(discover.merge_frames(self.tables[lg], table), cap)
            self.symbols[lg] += result.symbols[lg]
        return self


def count_batch(zh: Sequence[str], en: Sequence[str], lang: str, docs: Sequence[Document]) -> dict[tuple[str, str], Tally]:
    """Second pass over one batch: count, documents and contexts of the phrases *zh*/*en*."""
    with fewer_collections():
        return _count_batch(zh, en, lang, docs)


def _count_batch(zh: Sequence[str], en: Sequence[str], lang: str, docs: Sequence[Document]) -> dict[tuple[str, str], Tally]:
    matcher = _phrase_matcher(tuple(zh), tuple(en))
    wanted = {("zh", k) for k in zh} | {("en", k) for k in en}
    out: dict[tuple[str, str], Tally] = {}
    for d in docs:
        searched = searched_lang(lang, d.text)
        for h in matcher.find(d.text, searched) if searched else ():
            if (h.lang, h.key) not in wanted:
                continue
            t = out.get((h.lang, h.key)) or out.setdefault((h.lang, h.key), Tally(h.lang, h.key))
            t.add(d.doc, h.text, context(d.text, h.start, h.end, h.lang) if t.wants_context() else None, "discovered")
            if h.lang == "zh":
                t.note_sides(d.text, h.start, h.end)  # for the fragment test (Tally.is_fragment)
    return out


def merge_counts(tallies: dict[tuple[str, str], Tally], found: dict[tuple[str, str], Tally]) -> None:
    """Fold one batch's :func:`count_batch` into *tallies* (batches in input order)."""
    for k, t in found.items():
        if k in tallies:
            tallies[k].merge(t)
        else:
            tallies[k] = t


@lru_cache(maxsize=2)
def _phrase_matcher(zh: tuple[str, ...], en: tuple[str, ...]) -> Any:
    from ..matcher import PhraseMatcher

    return PhraseMatcher(zh, en)


@lru_cache(maxsize=2)
def _scanner(terms: tuple[Term, ...], lang: str, discover_on: bool, symbols_per_count: int) -> BatchScanner:
    """One scanner per worker process and glossary (its automaton is built once)."""
    return BatchScanner(terms, lang, discover_on, symbols_per_count)


def scan_batch(terms: tuple[Term, ...], lang: str, discover_on: bool, symbols_per_count: int, docs: Sequence[Document]) -> BatchResult:
    """The map step of the first pass, as a task: one batch → its tallies and n-gram tables."""
    return _scanner(terms, lang, discover_on, symbols_per_count).scan(docs)


def merge_into(acc: Totals | None, result: BatchResult, ndocs: int, cap: int) -> Totals:
    """The merge step, as a task: the totals so far plus the next batch."""
    return (acc if acc is not None else Totals()).add(result, ndocs, cap)


def choose(engine: str | None, scheduler: str | None) -> tuple[str, str | None]:
    """The engine and scheduler address to use: the options given, else ``$GLOSSARY_DASK_SCHEDULER``
    (which also selects the Dask engine when no engine is named). The Dask engine without an
    address starts a cluster on this machine."""
    address = scheduler or os.environ.get(SCHEDULER_ENV, "").strip() or None
    name = engine or ("dask" if address else "local")
    if name not in ENGINES:
        raise GlossaryError(f"unknown engine {name!r}: choose local or dask")
    return name, address


#: Bytes of input per scanning process beyond the first, when the number of processes is
#: chosen from the input (:func:`default_workers`): below about three batches a second process
#: has too little to share for its start-up (about a second of CPU: imports, the glossary, the
#: automaton) to pay.
BYTES_PER_WORKER = 12_000_000
#: Largest input for which more than one process is the default: each scanning process holds its
#: own scanner, tables and batch, so two of them take a 50 MB input past 1 GB (1.19 GB of English,
#: 1.51 GB of Chinese with the describing helper, against 0.79 and 0.98 GB with one process);
#: above this, ``--workers`` trades that memory for speed on request.
POOL_MAX_BYTES = 24_000_000


def default_workers(size: int | None = None) -> int:
    """Scanning processes for the local engine when none are asked for: every core, but no more
    than the input keeps busy (one per :data:`BYTES_PER_WORKER` of *size*, in bytes, which for
    UTF-8 Chinese is about three times its characters); one for small inputs, for standard input
    of unknown size (*size* None) and for inputs past :data:`POOL_MAX_BYTES`, where a second
    process would take the memory past 1 GB.

    The pool costs little since this process scans too and the n-gram tables cross processes as
    Arrow buffers: at 10 MB of English, two processes take about the CPU of one and 1.5 times its
    memory, where before a second process cost 29 % more CPU and twice the memory (see
    docs/scaling.md)."""
    cores = os.cpu_count() or 1
    if size is None or size > POOL_MAX_BYTES:
        return 1
    return max(1, min(cores, size // BYTES_PER_WORKER + 1))


class LocalEngine:
    """This machine (a context manager): batches are scanned by this process and, for
    ``workers`` above one, by a pool of ``workers - 1`` more processes (default:
    :func:`default_workers` of *size*, the input's bytes).

    This process is one of the scanners: a batch goes to the pool while the pool has fewer than
    two per process queued, otherwise this process scans it itself, in between merging the results
    that are ready. So two workers are this process and one more, not three processes of which
    one mostly waits (its memory, the n-gram totals and the batches read ahead, is the same
    either way). Results are merged in input order. At most two batches per pool process are read
    ahead of the merge, so the parent holds a bounded amount of text whatever the input size (a
    plain ``Pool.imap`` would read the whole input ahead of slow workers). The pool started for
    the first pass also runs the second.
    """

    def __init__(self, workers: int | None = None, size: int | None = None) -> None:
        self.workers = workers if workers is not None else default_workers(size)
        self._pool: Any = None

    def __enter__(self) -> LocalEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def first_pass(self, batches: Iterable[tuple[list[Document], int]], terms: tuple[Term, ...], lang: str,
                   discover_on: bool, symbols_per_count: int, cap: int) -> Totals:
        totals = Totals()
        it = iter(batches)
        head = [b for b in (next(it, None), next(it, None)) if b is not None]
        scanner = _scanner(terms, lang, discover_on, symbols_per_count)
        if len(head) < 2 or self.workers <= 1:
            for docs, ndocs in chain(head, it):
                totals.add(scanner.scan(docs), ndocs, cap)
            return totals
        import multiprocessing as mp

        from .scan import _init_worker, _scan_in_worker

        # spawn, not fork: polars' thread pool does not survive a fork (the child can deadlock)
        self._pool = mp.get_context("spawn").Pool(
            self.workers - 1, initializer=_init_worker, initargs=(terms, lang, discover_on, symbols_per_count))
        jobs = (((docs,), n) for docs, n in chain(head, it))
        for result, ndocs in self._ordered(_scan_in_worker, scanner.scan, jobs):
            totals.add(result, ndocs, cap)
        return totals

    def count(self, batches: Iterable[tuple[list[Document], int]], zh: tuple[str, ...], en: tuple[str, ...],
              lang: str) -> Iterator[dict[tuple[str, str], Tally]]:
        """:func:`count_batch` of every batch (shared with the pool when the first pass used one)."""
        if self._pool is None:
            for docs, _ in batches:
                yield count_batch(zh, en, lang, docs)
            return
        for found, _ in self._ordered(count_batch, count_batch, (((zh, en, lang, docs), n) for docs, n in batches)):
            yield found

    def _ordered(self, remote: Any, here: Any, jobs: Iterable[tuple[tuple[Any, ...], int]]) -> Iterator[tuple[Any, int]]:
        """``remote(*args)`` in the pool or ``here(*args)`` in this process for every job, the
        results in input order. A job goes to the pool when a pool process is free (fewer
        unfinished jobs there than processes); otherwise this process hands on the finished
        results at the head (the caller merges them while the pool works) and runs the job
        itself. So two batches are scanned side by side even when there are only two."""
        size = self.workers - 1
        pending: deque[tuple[Any, bool, int]] = deque()  # (async result, or the result if run here; ran here; n)

        def head_done() -> bool:
            return bool(pending) and (pending[0][1] or pending[0][0].ready())

        def pop() -> tuple[Any, int]:
            job, ran_here, m = pending.popleft()
            return (job if ran_here else job.get()), m

        for args, n in jobs:
            if sum(1 for job, ran_here, _ in pending if not ran_here and not job.ready()) < size:
                pending.append((self._pool.apply_async(remote, args), False, n))
                continue
            while head_done() or len(pending) > 2 * size + 1:  # a slow pool: wait, not pile up results here
                yield pop()
            pending.append((here(*args), True, n))
        while pending:
            yield pop()


class DaskEngine:
    """A Dask distributed client for one extraction (a context manager).

    ``scheduler``: the address of a running cluster's scheduler; None starts a local cluster
    of ``workers`` processes (one thread each: the scanner keeps a second core busy itself).
    """

    def __init__(self, scheduler: str | None, workers: int | None = None) -> None:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:
            raise GlossaryError("the dask engine needs Dask: pip install 'glossary[dask]'") from exc
        self._cluster = None
        try:
            if scheduler:
                self.client = Client(scheduler, timeout="20s")
            else:
                import logging

                self._cluster = LocalCluster(n_workers=workers or min(2, os.cpu_count() or 1), threads_per_worker=1,
                                             processes=True, dashboard_address=":0", silence_logs=logging.ERROR)
                self.client = Client(self._cluster)
        except (OSError, TimeoutError) as exc:
            raise GlossaryError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        self.slots = max(1, sum(self.client.nthreads().values()))

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()

    def first_pass(self, batches: Iterable[tuple[list[Document], int]], terms: tuple[Term, ...], lang: str,
                   discover_on: bool, symbols_per_count: int, cap: int) -> Totals:
        """Scan every batch on the workers and merge the results there, in input order. At most
        two batches per worker thread are in flight, so memory stays bounded whatever the input."""
        from dask.distributed import wait

        client = self.client
        [terms_f] = client.scatter([terms], broadcast=True)
        acc = None
        pending: deque[Any] = deque()
        for docs, ndocs in batches:
            [docs_f] = client.scatter([docs])
            result = client.submit(scan_batch, terms_f, lang, discover_on, symbols_per_count, docs_f, pure=False)
            acc = client.submit(merge_into, acc, result, ndocs, cap, pure=False)
            pending.append(acc)
            if len(pending) > 2 * self.slots:
                wait(pending.popleft())
        return acc.result() if acc is not None else Totals()

    def count(self, batches: Iterable[tuple[list[Document], int]], zh: tuple[str, ...], en: tuple[str, ...],
              lang: str) -> Iterator[dict[tuple[str, str], Tally]]:
        """:func:`count_batch` of every batch on the workers; results in input order."""
        client = self.client
        [zh_f, en_f] = client.scatter([zh, en], broadcast=True)
        pending: deque[Any] = deque()
        for docs, _ in batches:
            [docs_f] = client.scatter([docs])
            pending.append(client.submit(count_batch, zh_f, en_f, lang, docs_f, pure=False))
            if len(pending) > 2 * self.slots:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
