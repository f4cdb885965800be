"""Describing new Chinese phrases in a helper process that gets ready while the text is read.

The full table of a few megabytes holds about two thousand phrases the glossary lacks, and each
gets pinyin and composed English (:func:`glossary.extraction.describe_new`). That costs about a
second in one process: half of it loading what describing needs (pypinyin's readings, jieba's
trie and tags, CC-CEDICT, the composer's lexicon and learned phrasing), half
the phrases themselves. Neither can start before the phrases are known, after the first pass,
discovery and the second pass; and meanwhile the second core is half idle (the n-gram count
finishes before the term matching it runs beside).

:class:`Describer` starts one helper process when the extraction reads its first Chinese text (at
once for a Chinese corpus; never for English alone). The helper loads everything while the first
pass runs, waits for the phrases, and describes them while the parent has nothing else to do.
The phrases are described by the same :func:`describe_new`, and each phrase's pinyin and English
depend only on the phrase and the glossary (the writer's and the composer's memos only remember
answers), so the table is the same byte for byte. A helper that
cannot start or fails is replaced by describing in this process.

The helper is a plain child interpreter running :func:`serve`, fed pickles on its
standard input and answering on its standard output, not a ``multiprocessing`` process: those
import the caller's main module again, so a script without the ``if __name__ == "__main__":``
guard would run twice.

It pays only where there is much to describe and the first pass is long enough to hide the
loading: :func:`worth_it` asks for a full table (no ``top``) of at least ``APART_BYTES`` of input.
Above ``APART_MAX_BYTES`` the helper is not started either: describing is then a small part of a
long run, and the helper's 150–200 MB would add to the peak memory of the batch workers.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, BinaryIO

if TYPE_CHECKING:
    from ..composition import Composition
    from ..phrasing import Phrasing
    from ..pinyin import PinyinWriter
    from ..store import Glossary

#: Least input (bytes of files, characters of texts) for which describing goes to a helper.
APART_BYTES = 1_000_000
#: Largest input for which it does (see the module's docstring).
APART_MAX_BYTES = 200_000_000
#: How much the helper lowers its own scheduling priority (see :func:`_yield_to_parent`).
NICENESS = 10


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
        import queue

        self.glossary = glossary
        self._proc: Any = None
        self._started = False
        self._jobs = 0
        self._asked: set[str] = set()
        # a thread writes to the helper, so that a pipe full while the helper works never
        # holds up the extraction
        self._outbox: queue.SimpleQueue[Any] = queue.SimpleQueue()

    def start(self) -> None:
        """Start the helper (once): the caller does so on reading the first Chinese text, so that
        an input of English alone never pays for it (150–200 MB of memory beside the first pass,
        for nothing to describe). It loads while the first pass runs."""
        import threading

        if self._started:
            return
        self._started = True
        try:
            self._proc = _start()
            threading.Thread(target=_feed, args=(self._proc.stdin, self._outbox), daemon=True).start()
            self._outbox.put(self.glossary)
        except Exception:  # no processes here (a sandbox, a frozen interpreter): describe in-process
            self.close()

    def __enter__(self) -> Describer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def prepare(self, phrases: Iterable[str]) -> None:
        """Start describing *phrases* (the helper takes them in order); a phrase that does not
        become a row costs only the helper's time. Phrases before :meth:`start` (none are
        Chinese then) are left to :meth:`describe`."""
        todo = [p for p in dict.fromkeys(phrases) if p not in self._asked]
        if self._proc is None or not todo:
            return
        self._asked.update(todo)
        self._outbox.put(todo)
        self._jobs += 1

    def describe(self, phrases: Iterable[str]) -> dict[str, tuple[str, Composition]]:
        import pickle

        from . import describe_new

        wanted = list(dict.fromkeys(phrases))
        if self._proc is not None and wanted:
            self.prepare(wanted)
            try:
                described: dict[str, tuple[str, Composition]] = {}
                for _ in range(self._jobs):
                    described.update(pickle.load(self._proc.stdout))
                self._jobs = 0
                if all(p in described for p in wanted):
                    return {p: described[p] for p in wanted}
            except Exception:  # a helper that died or could not load: the work is done here
                pass
            self.close()
        return describe_new(wanted, self.glossary)

    def close(self) -> None:
        """End the helper (it has answered everything asked, or is of no more use)."""
        proc, self._proc = self._proc, None
        if proc is not None:
            self._outbox.put(None)
            proc.kill()
            proc.wait()
            proc.stdout.close()


def _start() -> Any:
    """The helper process, importing this same package (the caller's ``sys.path`` may differ
    from the environment's)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = str(Path(__file__).resolve().parents[2])
    path = os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH", "")) if p)
    command = f"from {__name__} import serve; serve()"
    return subprocess.Popen([sys.executable, "-c", command], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": path})


def _feed(stream: Any, outbox: Any) -> None:
    """Write each item of *outbox* to *stream*, pickled, until None (or the other end is gone):
    the parent's lists to the helper, and the helper's answers back."""
    import pickle

    try:
        while (item := outbox.get()) is not None:
            pickle.dump(item, stream, protocol=pickle.HIGHEST_PROTOCOL)
            stream.flush()
    except (OSError, ValueError):  # the helper ended (closed, or killed)
        pass
    finally:
        try:
            stream.close()
        except (OSError, ValueError):
            pass


# -- the helper process ------------------------------------------------------------------------
def _ready(glossary: Glossary) -> tuple[PinyinWriter, Phrasing]:
    """Load what describing needs, so that the phrases find it ready (see the module docstring):
    a pinyin writer that has written once (pypinyin's readings, jieba's trie and tags, CC-CEDICT) and the
    composer's lexicon and phrasing (cached or learned)."""
    from ..composition import composer
    from ..pinyin import PinyinWriter

    writer = PinyinWriter(glossary)
    writer.orthographic("中国特色社会主义制度优势")
    phrasing = composer((), glossary).phrasing
    assert phrasing is not None
    return writer, phrasing


def serve() -> None:
    """The helper's main: standard input brings a glossary, then lists of phrases; each list is
    answered on standard output by its descriptions (nothing else is written there)."""
    import sys

    _yield_to_parent()
    results = sys.stdout.buffer
    sys.stdout = sys.stderr
    _serve(sys.stdin.buffer, results)


def _yield_to_parent() -> None:
    """Lower this helper's scheduling priority (:data:`NICENESS`). While it loads, the parent's
    first pass keeps both cores busy (the matching thread and polars' n-gram threads), and a
    helper of equal priority took its share of them: the pass took 1.44–1.58 s beside it
    against 1.32–1.45 s with the helper at niceness 10, in interleaved runs on cpcnews. At the
    lower priority it loads on what the pass leaves over and in the discovery that follows, and
    is still ready before the discovered phrases come. Where priorities cannot be changed (another
    platform), nothing happens."""
    import os

    try:
        os.nice(NICENESS)
    except (AttributeError, OSError):
        pass


def _serve(inp: BinaryIO, out: BinaryIO) -> None:
    """Describe each list of phrases that arrives; a thread writes the answers. The parent reads
    them only when it needs the table, and an answer of a thousand phrases is larger than a
    pipe's buffer: written from the loop, it would hold the helper until then, with the next
    list unstarted (the second list, the discovered phrases, waited a second that way)."""
    import pickle
    import queue
    import threading

    from . import describe_new

    glossary = pickle.load(inp)
    writer, phrasing = _ready(glossary)
    answers: queue.SimpleQueue[Any] = queue.SimpleQueue()
    sender = threading.Thread(target=_feed, args=(out, answers))
    sender.start()
    try:
        while True:
            try:
                phrases = pickle.load(inp)
            except EOFError:
                return
            answers.put(describe_new(phrases, glossary, writer=writer, phrasing=phrasing))
    finally:
        answers.put(None)
        sender.join()

