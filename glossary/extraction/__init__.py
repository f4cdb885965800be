"""Extract the recurring political phrases of a text or corpus, with Chinese, pinyin and English.

:func:`extract` runs three finders over every document and merges what they find per phrase:

* **glossary** — every form of every term (simplified, traditional, standard/accepted/non-standard
  English) in one Aho–Corasick pass (:class:`glossary.matcher.TermMatcher`), nested hits included;
* **rules** — numbered and quoted formulations by shape (:mod:`.rules`);
* **discovery** — recurring phrases found by statistics alone (:mod:`.discover`), counted again
  exactly in a second, cheap pass once they are known.

Documents are read in batches (bounded memory); batches go to a process pool when there is more
than one, and their results are merged in input order.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Container, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from ..forms import has_han, zh_key
from ..io.documents import Document, expand, iter_documents, read_stdin, total_bytes
from ..progress import ProgressBar
from ..terms import FLAGGED_FIELDS
from . import discover
from .describer import Describer, worth_it
from .engine import DaskEngine, LocalEngine, Totals, choose, merge_counts
from .scan import Tally

if TYPE_CHECKING:
    import polars as pl

    from ..composition import Composition
    from ..phrasing import Phrasing
    from ..pinyin import PinyinWriter
    from ..store import Glossary

#: Characters of text per batch (one unit of work for a worker process).
BATCH_CHARS = 4_000_000
#: Upper bound on n-gram table entries kept while merging batches (memory bound).
TABLE_CAP = 3_000_000
#: Inputs up to this many characters are kept in memory for the second pass (no re-reading).
CACHE_CHARS = 50_000_000
#: In large inputs a discovered phrase must recur at least once per this many symbols.
SYMBOLS_PER_COUNT = 400_000

COLUMNS = (
    "phrase", "lang", "term_id", "zh_hans", "pinyin", "en", "en_method", "en_confidence", "en_unreviewed",
    "nonstandard", "standard",
    "count", "docs", "score", "method", "contexts",
)
_WEIGHT = {"glossary": 2.0, "numbered": 1.6, "pattern": 1.4, "quoted": 1.2}


@dataclass(frozen=True, slots=True)
class Source:
    """What :func:`extract` reads: texts given directly, or files (``-`` = standard input)."""

    texts: tuple[str, ...] = ()
    files: tuple[str, ...] = ()


def as_source(texts_or_paths: str | Path | Iterable[str | Path]) -> Source:
    """Sort arguments into texts and paths: ``Path`` objects and ``-`` are paths; a string is a
    path when it is one line naming an existing file or folder, otherwise it is text."""
    items = [texts_or_paths] if isinstance(texts_or_paths, (str, Path)) else list(texts_or_paths)
    texts: list[str] = []
    files: list[str] = []
    for it in items:
        if isinstance(it, Path):
            files.append(str(it))
        elif it == "-" or ("\n" not in it and len(it) < 1024 and it.strip() and _exists(it)):
            files.append(it)
        else:
            texts.append(it)
    return Source(tuple(texts), tuple(expand(files)))


def _exists(s: str) -> bool:
    try:
        return Path(s).exists()
    except (OSError, ValueError):
        return False


@dataclass(frozen=True)
class ExtractOptions:
    """What :func:`extract` keeps, and how it works. The defaults are the command's.

    ``min_count``: least occurrences of a rule or discovered phrase (glossary hits are kept from
    one; numbered rule hits from one in a single document, quoted ones from one in a single
    document of up to 400 000 characters or words; discovered phrases from ``min_count``, raised in
    big inputs to one per 400 000 characters or words). ``top``: only the best N rows.
    ``known``/``new``: keep the rows with a glossary term / without one. ``workers``: processes
    that scan big inputs, this one included (default: one per 12 MB of input up to 24 MB, up to
    every core; one for standard input and above 24 MB, where a second would take the memory past
    1 GB). ``engine``: ``local`` or ``dask`` (batches counted on a
    Dask cluster, see docs/scaling.md); ``scheduler``: the Dask scheduler's address (default:
    ``$GLOSSARY_DASK_SCHEDULER``, which also selects the dask engine; none: a cluster on this
    machine). ``annotate=False`` leaves ``pinyin`` and ``en`` empty for
    phrases the glossary lacks: callers that only need the phrases (``align``) skip writing
    pinyin and composing a gloss for each of them.
    """

    min_count: int = 2
    top: int | None = None
    known: bool = True
    new: bool = True
    workers: int | None = None
    annotate: bool = True
    engine: str | None = None
    scheduler: str | None = None


def extract(
    paths: str | Path | Iterable[str | Path],
    lang: str = "auto",
    *,
    glossary: Glossary | None = None,
    options: ExtractOptions | None = None,
    encoding: str | None = None,
    column: str | None = None,
    progress: bool = False,
    on_error: Callable[[InputError], None] | None = None,
) -> pl.DataFrame:
    """The recurring political phrases of the files *paths*, best first, as a polars DataFrame
    (the twin of ``glossary extract``; for text in memory see :func:`extract_text`).

    Every item of *paths* is a path: a file, a folder (its .txt, .md, .csv, .tsv files) or ``-``
    for standard input; a path that does not exist is an :class:`~glossary.errors.InputError`,
    never read as text. ``encoding`` overrides the detected one; ``column`` names the text column
    of CSV/TSV input; ``progress`` draws a bar on stderr; ``on_error`` receives unreadable files
    (default: raise).

    One row per phrase as written (case, plural and hyphenation folded for English): ``phrase``,
    ``lang``, ``term_id`` (glossary match or ''), ``zh_hans``, ``pinyin``, ``en`` (the standard
    English, or for new Chinese phrases English composed from their parts by
    :mod:`glossary.composition`, with ``en_unreviewed`` true), ``en_method`` (glossary, composed,
    gloss, or '' when there is no English) and ``en_confidence`` (0–1; null without English),
    ``nonstandard``/``standard`` (a rendering the glossary lists as non-standard, and the standard
    one), ``count``, ``docs``, ``score``, ``method`` (glossary, numbered, pattern, quoted,
    discovered; joined by ``+``) and up to three ``contexts``. ``lang`` is ``auto`` (both finders
    on every document), ``zh`` or ``en``. ``glossary`` defaults to the shipped one; pass
    ``Glossary(())`` for discovery alone. *options*: an :class:`ExtractOptions`.
    """
    items = [paths] if isinstance(paths, (str, Path)) else list(paths)
    names = [str(it) for it in items]
    for name in names:
        if not name.strip():
            raise InputError("empty path: extract reads files (extract_text reads text)")
        if name != "-" and not _exists(name):
            error = InputError(f"{name}: no such file or folder")
            if on_error is None:
                raise error
            on_error(error)
    for name in names:
        if name != "-" and Path(name).is_dir() and not expand([name]):
            error = InputError(f"{name}: a folder with no .txt, .md, .csv or .tsv file")
            if on_error is None:
                raise error
            on_error(error)
    source = Source(files=tuple(expand([n for n in names if n == "-" or _exists(n)])))
    return _extract(source, lang, glossary, options or ExtractOptions(), _Reading(encoding, column, progress, on_error))


def extract_text(
    texts: str | Iterable[str], lang: str = "auto", *, glossary: Glossary | None = None, options: ExtractOptions | None = None
) -> pl.DataFrame:
    """:func:`extract` over texts in memory: each string of *texts* is one document (a string is
    always text here, never a file name, as ftfy's ``fix_text`` is apart from ``fix_file``)."""
    items = (texts,) if isinstance(texts, str) else tuple(texts)
    return _extract(Source(texts=items), lang, glossary, options or ExtractOptions(), _Reading())


@dataclass(frozen=True)
class _Reading:
    """How files are read (text in memory needs none of it)."""

    encoding: str | None = None
    column: str | None = None
    progress: bool = False
    on_error: Callable[[InputError], None] | None = None


def _extract(source: Source, lang: str, glossary: Glossary | None, o: ExtractOptions, r: _Reading) -> pl.DataFrame:
    import polars as pl

    if lang not in ("auto", "zh", "en"):
        raise ValueError(f"lang must be auto, zh or en, not {lang!r}")
    if glossary is None:
        from ..store import load

        glossary = load()
    min_count, top, known, new, workers, annotate = o.min_count, o.top, o.known, o.new, o.workers, o.annotate
    name, address = choose(o.engine, o.scheduler)
    reader = _Reader(source, r.encoding, r.column, r.on_error or _raise, r.progress)
    engine: LocalEngine | DaskEngine
    describer = Describer(glossary) if worth_it(_size(source), top, annotate, new, lang) else None
    if describer is not None:
        reader.on_chinese = describer.start
    try:
        with (DaskEngine(address, workers) if name == "dask" else LocalEngine(workers, _size(source))) as engine:
            counted, discovered = _count(engine, reader, glossary, lang, min_count, top, new,
                                         describer.prepare if describer else None)
        _attach_punctuated(counted.tallies, glossary)
        rows = _rank(counted.tallies, discovered, min_count, once=_counted_once(counted.ndocs, counted.symbols), known=known, new=new)
        rows = _drop_idioms(rows, top)
        if top is not None:
            rows = rows[:top]
        return _frame(rows, glossary, pl, annotate, describer)
    finally:
        if describer is not None:
            describer.close()


def _size(source: Source) -> int | None:
    """Bytes of input (characters of texts given directly); None when standard input is read."""
    files = total_bytes(source.files)
    return None if files is None else files + sum(map(len, source.texts))


def _count(engine: LocalEngine | DaskEngine, reader: _Reader, glossary: Glossary, lang: str, min_count: int,
           top: int | None, new: bool, early: Callable[[Iterable[str]], None] | None = None,
           ) -> tuple[Totals, dict[tuple[str, str], float]]:
    """Both passes: the tallies, and the discovered phrases with their weights. *early* is told
    the new Chinese phrases (simplified) likely to become rows as soon as they are known: the rule
    phrases that recur after the first pass, the discovered ones after discovery."""
    from ..script import to_simplified

    batches = _batches(reader.documents(first_pass=True))
    counted = engine.first_pass(batches, tuple(glossary.terms), lang, new, SYMBOLS_PER_COUNT, TABLE_CAP)
    discovered: dict[tuple[str, str], float] = {}
    if new:
        if early is not None:
            early(to_simplified(_surface(t)) for (lg, _), t in counted.tallies.items()
                  if lg == "zh" and not t.term_id and t.count >= min_count)
        discovered = _discover(counted.tables, counted.symbols, counted.tallies, glossary, min_count, top, lang)
        counted.tables.clear()
        if discovered:
            zh = tuple(k for lg, k in discovered if lg == "zh")
            en = tuple(k for lg, k in discovered if lg == "en")
            if early is not None:
                early(to_simplified(k) for k in zh)
            for found in engine.count(_batches(reader.documents(first_pass=False)), zh, en, lang):
                merge_counts(counted.tallies, found)
    return counted, discovered


class _Reader:
    """The documents of one extraction, read once or twice.

    Discovery needs a second pass over the input (exact counts of the phrases it found). Small
    inputs are kept from the first pass so the second does not read the files again; past
    ``CACHE_CHARS`` the cache is dropped and the files are read anew. Read errors are reported
    on the first pass only, and the progress bar follows the first pass.
    """

    def __init__(self, source: Source, encoding: str | None, column: str | None,
                 errors: Callable[[InputError], None], progress: bool) -> None:
        self.source, self.encoding, self.column, self.errors = source, encoding, column, errors
        self.bar = ProgressBar("extract", total_bytes(source.files)) if progress and source.files else None
        self._stdin: str | None = None
        self._cache: list[Document] = []
        self._cached_chars = 0
        self._cache_complete = True
        #: called once, when the first pass reads its first document holding Chinese
        self.on_chinese: Callable[[], None] | None = None

    def documents(self, first_pass: bool) -> Iterator[Document]:
        if not first_pass and self._cache_complete:
            yield from self._cache
            return
        for d in self._read(first_pass):
            if first_pass and self.on_chinese is not None and has_han(d.text):
                self.on_chinese()
                self.on_chinese = None
            if first_pass and self._cache_complete:
                self._cached_chars += len(d.text)
                if self._cached_chars > CACHE_CHARS:
                    self._cache_complete = False
                    self._cache.clear()
                else:
                    self._cache.append(d)
            yield d
        if first_pass and self.bar:
            self.bar.close()

    def _read(self, first_pass: bool) -> Iterator[Document]:
        n = 0
        for i, t in enumerate(self.source.texts):
            yield Document(f"<text {i + 1}>", t, n)
            n += 1
        if not self.source.files:
            return
        if "-" in self.source.files and self._stdin is None:
            try:
                self._stdin = read_stdin(self.encoding)
            except InputError as exc:
                self.errors(exc)
                self._stdin = ""
        for d in iter_documents(
            self.source.files, encoding=self.encoding, column=self.column,
            on_error=self.errors if first_pass else _ignore,
            on_bytes=self.bar.advance if (self.bar and first_pass) else None,
            stdin_text=self._stdin,
        ):
            yield Document(d.name, d.text, d.doc + n)


# -- pass 1: batches (counted by extraction.engine) ---------------------------------------------
def _batches(docs: Iterator[Document]) -> Iterator[tuple[list[Document], int]]:
    batch: list[Document] = []
    size = 0
    last = -1
    for d in docs:
        batch.append(d)
        size += len(d.text)
        last = d.doc
        if size >= BATCH_CHARS:
            yield batch, last + 1
            batch, size = [], 0
    if batch:
        yield batch, last + 1


# -- discovery ----------------------------------------------------------------------------------
def _discover(tables, symbols, tallies, glossary: Glossary, min_count: int, top: int | None, lang: str) -> dict[tuple[str, str], float]:
    out: dict[tuple[str, str], float] = {}
    limit = 2 * top + 50 if top else 1000
    known_zh = {t.zh_hans for t in glossary} | {t.zh_hant for t in glossary} | {a for t in glossary for a in t.zh_alias}
    for lg, min_len in (("zh", 3), ("en", 2)):
        table = tables.get(lg)
        if table is None or not table.height:
            continue
        lexicon = _zh_lexicon() if lg == "zh" else None
        need = max(min_count, math.ceil(symbols[lg] / SYMBOLS_PER_COUNT))
        from .scan import FLAGGED, MAX_LEN

        kept = 0
        for c in discover.candidates(table, lang=lg, min_count=need, min_len=min_len, max_len=MAX_LEN[lg], total=symbols[lg], lexicon=lexicon, limit=limit):
            key = c.key
            if (lg, key) in tallies or (lg, key + FLAGGED) in tallies or (lg == "zh" and key in known_zh):
                continue
            out[(lg, key)] = min(1.0, min(c.left_entropy, c.right_entropy) / 1.5) * min(1.0, c.cohesion / 6.0)
            kept += 1
            if kept >= limit:
                break
    return out


@lru_cache(maxsize=1)
def _zh_lexicon() -> Container[str]:
    """The words of jieba's dictionary, as :func:`discover.candidates` asks for them: the
    segmenter's tag table itself (its keys are every word of jieba's dict.txt, and the table is
    loaded for the phrase-boundary rules anyway). No set of its 220,000 words is built: the
    candidates ask for the few words they need (importing jieba to find the file would cost
    0.4 s more; filtering the table into sets cost a tenth of a second on every run)."""
    from ..segmenter import tag_table

    return tag_table()


# -- ranking and the table ----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Row:
    tally: Tally
    score: float


def _units(t: Tally) -> float:
    return (t.key.count(" ") + 1) if t.lang == "en" else max(1.0, len(t.key) / 2)


def _counted_once(ndocs: int, symbols: dict[str, int]) -> frozenset[str]:
    """The rule methods whose phrases count from one occurrence: in a single document, numbered
    formulations (两个维护 is one even when a speech says it once) and, in a document of up to
    ``SYMBOLS_PER_COUNT`` characters or words (a speech, a report), quoted phrases too. A longer
    single document (a book, a year of articles in one file) is read like a corpus: what it
    quotes once is mostly ordinary quotation, so a quoted phrase must recur like any other."""
    if ndocs > 1:
        return frozenset()
    if sum(symbols.values()) <= SYMBOLS_PER_COUNT:
        return frozenset(("numbered", "quoted"))
    return frozenset(("numbered",))


def _attach_punctuated(tallies: dict[tuple[str, str], Tally], glossary: Glossary) -> None:
    """Give a new Chinese phrase that is a glossary term but for its punctuation the term's id:
    产业链、供应链 is the term 产业链供应链, and 国际国内两个市场、两种资源 the term written without
    the comma. The glossary's matcher reads characters as written, so such a phrase reached the
    table as new (and ``--new-only`` listed it) while ``validate`` and ``lookup``, which compare
    Chinese without punctuation (:func:`~glossary.forms.zh_key`), count it as the term. Only
    phrases with punctuation are looked up; a key that several terms share is left alone."""
    for (lg, key), t in tallies.items():
        if lg != "zh" or t.term_id or zh_key(key) == key.lower():
            continue
        ids = {m.term.id for m in glossary.index.lookup(key) if m.field in ("zh_hans", "zh_hant", "zh_alias")}
        if len(ids) == 1:
            t.term_id, t.field = ids.pop(), "zh_hans"


def _rank(tallies, discovered, min_count: int, *, once: frozenset[str], known: bool, new: bool) -> list[_Row]:
    rows = []
    for k, t in tallies.items():
        is_known = bool(t.term_id)
        if (is_known and not known) or (not is_known and not new) or (not is_known and t.is_fragment()):
            continue
        if is_known:
            weight = _WEIGHT["glossary"] + (0.5 if t.field in FLAGGED_FIELDS or t.field == "literal" else 0.0)
        elif "discovered" in t.methods and k in discovered:
            weight = discovered[k]
            if t.count < min_count:
                continue
        else:
            weight = max(_WEIGHT.get(m, 1.0) for m in t.methods)
            if t.count < min_count and not (t.methods & once):
                continue
        rows.append(_Row(t, weight * math.log2(1 + t.count) * math.log2(1 + _units(t))))
    rows.sort(key=lambda r: (-r.score, -r.tally.count, r.tally.key))
    return rows


def _drop_idioms(rows: list[_Row], top: int | None) -> list[_Row]:
    """Set phrases that only look numbered (四面八方, 一心一意) are not formulations. (With
    *top*, only the rows that could still make the cut are checked.)"""
    from .gloss import dictionary, is_idiom

    def suspect(r: _Row) -> bool:
        return r.tally.lang == "zh" and r.tally.methods == {"numbered"} and len(r.tally.key) == 4

    reach = len(rows) if top is None else top + sum(1 for r in rows[: 2 * top + 20] if suspect(r))
    suspects = {r.tally.key for r in rows[:reach] if suspect(r)}
    if not suspects:
        return rows
    senses = dictionary(suspects)
    return [r for r in rows if r.tally.key not in suspects or not is_idiom(r.tally.key, senses)]


def _surface(t: Tally) -> str:
    if not t.surfaces:
        return t.key
    return max(t.surfaces.items(), key=lambda kv: (kv[1], kv[0].islower(), kv[0]))[0]


def describe_new(phrases: Iterable[str], glossary: Glossary, *, writer: PinyinWriter | None = None,
                 phrasing: Phrasing | None = None) -> dict[str, tuple[str, Composition]]:
    """Pinyin and composed English (:mod:`glossary.composition`) for Chinese phrases the glossary
    lacks (simplified), as :func:`extract` writes them: ``{phrase: (pinyin, composition)}``.
    Loading the dictionaries behind this costs seconds, so callers ask only for the phrases they
    show. *writer* (a :class:`~glossary.pinyin.PinyinWriter` of *glossary*) and *phrasing* (the
    composer's learned phrasing of *glossary*): already loaded, for a caller that describes in
    several calls (:mod:`.describer`); each phrase is described the same either way."""
    from ..composition import composer as make_composer
    from ..pinyin import PinyinWriter

    wanted = list(dict.fromkeys(phrases))
    if not wanted:
        return {}
    writer = writer if writer is not None else PinyinWriter(glossary)
    composer = make_composer(wanted, glossary, phrasing)
    return {zh: (writer.write(writer.words(zh)), composer.compose(zh)) for zh in wanted}


def _english(made: Composition) -> tuple[str, str, float | None, bool]:
    """The ``en``, ``en_method``, ``en_confidence`` and ``en_unreviewed`` cells of a new phrase
    from its composition (all empty when nothing could be composed)."""
    if not made.english:
        return "", "", None, False
    return made.english, made.method, made.confidence, made.method != "glossary"


def describe_rows(table: pl.DataFrame, glossary: Glossary) -> pl.DataFrame:
    """*table*, made by :func:`extract` with ``annotate=False``, with pinyin and composed English
    for its new Chinese phrases, exactly as ``annotate=True`` would have written them. A separate
    step because describing costs about half a millisecond a phrase plus a second of loading:
    a caller that shows a few rows of a long table (the command's default screenful) describes
    those rows only. Rows already described, glossary rows and English rows are left as they are."""
    import polars as pl

    todo = [(lang == "zh" and not term_id and not pinyin and not en) for lang, term_id, pinyin, en
            in zip(table["lang"], table["term_id"], table["pinyin"], table["en"], strict=True)]
    if not any(todo):
        return table
    zh = table["zh_hans"].to_list()
    described = describe_new([z for z, t in zip(zh, todo, strict=True) if t], glossary)
    cells: dict[str, list] = {c: table[c].to_list() for c in ("pinyin", "en", "en_method", "en_confidence", "en_unreviewed")}
    for i, t in enumerate(todo):
        if t:
            pinyin, made = described[zh[i]]
            cells["pinyin"][i] = pinyin
            cells["en"][i], cells["en_method"][i], cells["en_confidence"][i], cells["en_unreviewed"][i] = _english(made)
    return table.with_columns(pl.Series(name, values, dtype=table.schema[name]) for name, values in cells.items())


def _frame(rows: list[_Row], glossary: Glossary, pl, annotate: bool = True, describer: Describer | None = None) -> pl.DataFrame:
    """The table of *rows*. Everything but the new phrases' pinyin and English is written first:
    with a describing helper (:mod:`.describer`), that is work this process does while the helper
    finishes, instead of after it."""
    from ..script import to_simplified

    new_zh = {r.tally.key: to_simplified(_surface(r.tally)) for r in rows if r.tally.lang == "zh" and not r.tally.term_id}
    if annotate and describer is not None:
        describer.prepare(new_zh.values())  # the helper starts on what it has not had yet
    data: dict[str, list] = {c: [] for c in COLUMNS}
    pending: list[tuple[int, str]] = []  # (row, phrase) of the new Chinese rows to describe
    for r in rows:
        t = r.tally
        term = glossary.get(t.term_id) if t.term_id else None
        phrase = _surface(t)
        zh = en = pinyin = standard = method = ""
        confidence: float | None = None
        if term is not None:
            zh, pinyin, en = term.zh_hans, term.pinyin, term.en
            method, confidence = "glossary", 1.0
        elif t.lang == "zh":
            zh = new_zh.get(t.key) or to_simplified(phrase)
            if annotate:
                pending.append((len(data["phrase"]), zh))
        nonstandard = term is not None and (t.field in FLAGGED_FIELDS or t.field == "literal")
        if term is not None and nonstandard:
            standard = term.en
        methods = sorted(t.methods, key=lambda m: (m != "glossary", m))
        for name, value in (
            ("phrase", phrase), ("lang", t.lang), ("term_id", t.term_id), ("zh_hans", zh), ("pinyin", pinyin),
            ("en", en), ("en_method", method), ("en_confidence", confidence), ("en_unreviewed", False),
            ("nonstandard", nonstandard), ("standard", standard),
            ("count", t.count), ("docs", t.docs), ("score", round(r.score, 3)), ("method", "+".join(methods)),
            ("contexts", list(t.contexts)),
        ):
            data[name].append(value)
    if pending:
        wanted = [zh for _, zh in pending]
        described = describer.describe(wanted) if describer else describe_new(wanted, glossary)
        for i, zh in pending:
            pinyin, made = described.get(zh) or describe_new([zh], glossary)[zh]
            data["pinyin"][i] = pinyin
            data["en"][i], data["en_method"][i], data["en_confidence"][i], data["en_unreviewed"][i] = _english(made)
    schema = {c: pl.Utf8 for c in COLUMNS}
    schema.update({"en_unreviewed": pl.Boolean, "nonstandard": pl.Boolean, "count": pl.Int64, "docs": pl.Int64,
                   "score": pl.Float64, "en_confidence": pl.Float64, "contexts": pl.List(pl.Utf8)})
    return pl.DataFrame(data, schema=schema)


def _raise(exc: InputError) -> None:
    raise exc


def _ignore(exc: InputError) -> None:
    return None


__all__ = ["COLUMNS", "ExtractOptions", "as_source", "describe_new", "describe_rows", "extract", "extract_text"]


