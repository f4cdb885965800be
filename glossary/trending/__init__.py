"""Trends: how often each phrase of a dated corpus occurs, period by period.

:func:`trends` works in three steps:

1. **Which phrases.** ``extract`` runs once over the whole corpus (without its slow annotation
   step): every glossary term it finds, and the phrases it discovers or finds by its formulation
   rules. Discovery runs once, not per period: per period, a year of text is too little for its
   statistics (a phrase must recur to be found at all), and one run costs the same as extract.
2. **Counting per period.** One streaming pass over the dated documents
   (:mod:`.corpus`, :mod:`.counting`): glossary terms counted as extract counts them, nested hits
   included; other phrases with :class:`glossary.matcher.PhraseMatcher`. Only counts are kept.
3. **The table.** Every kept phrase × every period, with the period's text size, its *thin*
   flag (less text than ``min_text``) and the frequency per 10,000 characters (Chinese) or words
   (English). Pinyin and composed English are made only for the new Chinese phrases kept.

:func:`summary` and :func:`lists` (in :mod:`.statistics`) read that table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from .dating import BY
from .statistics import lists, summary

if TYPE_CHECKING:
    import polars as pl

    from ..store import Glossary

#: Least text (Han characters or English words) for a period to count as more than thin.
MIN_TEXT = 5_000
COLUMNS = (
    "period", "start", "end", "lang", "size", "docs", "thin", "key", "phrase", "term_id", "zh_hans", "pinyin",
    "en", "en_unreviewed", "kind", "followed", "rank", "count", "per_10k",
)


@dataclass(frozen=True, slots=True)
class Followed:
    """A phrase the user asked to follow: a glossary term (``term_id``) or Chinese as written."""

    query: str
    term_id: str = ""
    phrase: str = ""


def follow(queries: Iterable[str], glossary: Glossary) -> list[Followed]:
    """Resolve ``--terms``: each query in any lookup form (改革开放, 改革開放, "reform and opening up",
    gaige kaifang). A Chinese query without an entry is followed as written; anything else
    without an entry is an :class:`InputError` naming the nearest entries."""
    from ..forms import mostly_chinese

    out: list[Followed] = []
    for q in queries:
        q = q.strip()
        if not q:
            continue
        matches = glossary.lookup(q)
        if matches:
            out.append(Followed(q, matches[0].term.id))
        elif mostly_chinese(q):
            out.append(Followed(q, phrase="".join(q.split())))
        else:
            near = "; ".join(f"{m.term.zh_hans} {m.term.en}" for m in glossary.search(q, limit=3))
            raise InputError(f"--terms: no glossary entry for {q!r}" + (f" (nearest: {near})" if near else ""))
    return out


def trends(
    paths: str | Path | Iterable[str | Path],
    terms: Sequence[str] = (),
    *,
    by: str = "year",
    top: int | None = None,
    min_text: int = MIN_TEXT,
    lang: str = "auto",
    discover: bool = True,
    min_count: int = 2,
    glossary: Glossary | None = None,
    encoding: str | None = None,
    column: str | None = None,
    date_column: str | None = None,
    workers: int | None = None,
    described: bool = True,
    on_error: Callable[[InputError], None] | None = None,
) -> pl.DataFrame:
    """How often each phrase of a dated corpus occurs per period: the twin of ``glossary trends``.

    *paths*: files or folders (.txt/.md dated by their names — ``1978.txt``,
    ``2020-12-04-note.md`` —, .csv/.tsv dated row by row by ``date_column`` or a column called
    date, published, time, year…). *terms*: phrases to follow in any lookup form (always in the
    table, seen or not). ``by``: year, 5y, decade or month. ``top``: keep the followed terms and
    the *top* phrases extract ranks best (default: every phrase found). ``min_text``: periods
    with fewer Han characters/English words are *thin*. ``discover=False``: glossary terms only.
    ``described=False`` leaves ``pinyin``/``en`` of discovered phrases empty (seconds faster; fill
    them later, for the rows you show, with :func:`describe`). ``on_error`` receives unreadable
    or undated inputs (default: raise).

    One row per period × phrase (zeros included), columns :data:`COLUMNS`: ``period`` (label),
    ``start``/``end`` (dates), ``lang``, ``size`` (Han characters or words of that language in
    the period), ``docs``, ``thin``, ``key`` (term id, or the phrase), ``phrase``, ``term_id``,
    ``zh_hans``, ``pinyin``, ``en`` (standard English, or an unreviewed gloss with
    ``en_unreviewed``), ``kind`` (glossary, discovered, numbered, pattern, quoted), ``followed``,
    ``rank`` (extract's order; followed terms first), ``count``, ``per_10k``. Read it with
    :func:`summary` and :func:`lists`.
    """
    import polars as pl

    from ..matcher import PhraseMatcher, TermMatcher
    from .corpus import check_names, dated_documents
    from .counting import count

    if by not in BY:
        raise ValueError(f"by must be one of {', '.join(BY)}, not {by!r}")
    if lang not in ("auto", "zh", "en"):
        raise ValueError(f"lang must be auto, zh or en, not {lang!r}")
    if glossary is None:
        from ..store import load

        glossary = load()
    followed = follow(terms, glossary)
    errors = _Errors(on_error)
    files = check_names(_existing(paths, errors), errors)
    if not files:
        raise InputError("no dated input: nothing to count")
    found = _phrases(files, lang, discover, min_count, glossary, encoding, column, workers, errors) if discover else []
    plain_zh = [p.key for p in found if p.lang == "zh"] + [f.phrase for f in followed if f.phrase]
    plain_en = [p.key for p in found if p.lang == "en"]
    counted = count(
        dated_documents(files, by, encoding=encoding, column=column, date_column=date_column, on_error=errors),
        TermMatcher(tuple(glossary.terms)), PhraseMatcher(plain_zh, plain_en), lang,
    )
    if not counted.docs:
        raise InputError("no dated document could be read")
    chosen = _choose(counted, found, followed, glossary, top)
    table = _table(counted, chosen, glossary, min_text, pl)
    return describe(table, glossary) if described else table


@dataclass(frozen=True, slots=True)
class _Phrase:
    lang: str
    key: str
    term_id: str
    kind: str
    rank: int
    followed: bool = False


class _Errors:
    """Reports each input error once (extract and the counting pass read the same files)."""

    def __init__(self, on_error: Callable[[InputError], None] | None) -> None:
        self.on_error = on_error
        self.seen: set[str] = set()

    def __call__(self, exc: InputError) -> None:
        if self.on_error is None:
            raise exc
        if str(exc) not in self.seen:
            self.seen.add(str(exc))
            self.on_error(exc)


def _existing(paths: str | Path | Iterable[str | Path], errors: _Errors) -> list[str]:
    from ..io.documents import expand

    items = [paths] if isinstance(paths, (str, Path)) else list(paths)
    names = []
    for it in items:
        name = str(it)
        if not Path(name).exists():
            errors(InputError(f"{name}: no such file or folder"))
        elif Path(name).is_dir() and not expand([name]):
            errors(InputError(f"{name}: a folder with no .txt, .md, .csv or .tsv file"))
        else:
            names.append(name)
    return expand(names)


def _phrases(files, lang, discover, min_count, glossary, encoding, column, workers, errors) -> list[_Phrase]:
    """Extract's phrases of the whole corpus in its order: glossary rows give their term (its
    best row's place), other rows their phrase."""
    from ..extraction import ExtractOptions, extract
    from ..extraction.scan import phrase_key

    df = extract([Path(f) for f in files], lang, glossary=glossary, encoding=encoding, column=column, on_error=errors,
                 options=ExtractOptions(min_count=min_count, workers=workers, annotate=False, new=discover))
    out: dict[tuple[str, str], _Phrase] = {}
    for rank, (phrase, lg, term_id, method) in enumerate(df.select("phrase", "lang", "term_id", "method").iter_rows()):
        key = term_id or phrase_key(lg, phrase)
        if (lg, key) not in out and key:
            kind = "glossary" if term_id else method.split("+")[0]
            out[(lg, key)] = _Phrase(lg, key, term_id, kind, rank)
    return list(out.values())


def _choose(counted, found: list[_Phrase], followed: list[Followed], glossary: Glossary, top: int | None) -> list[_Phrase]:
    """The phrases of the table: followed ones first (in the language with more text when not
    seen), then the best-ranked others; phrases extract found but that occur in no dated
    document are left out."""
    totals: dict[tuple[str, str], int] = {}
    for (_, lg, key), n in counted.counts.items():
        totals[(lg, key)] = totals.get((lg, key), 0) + n
    size = {"zh": 0, "en": 0}
    for (_, lg), n in counted.sizes.items():
        size[lg] += n
    main = max(size, key=lambda k: size[k])
    out: list[_Phrase] = []
    taken: set[tuple[str, str]] = set()
    for f in followed:
        key = f.term_id or f.phrase
        langs = [lg for lg in ("zh", "en") if totals.get((lg, key))] if f.term_id else ["zh"]
        lg = max(langs, key=lambda g: totals[(g, key)]) if f.term_id and langs else ("zh" if f.phrase else main)
        if (lg, key) not in taken:
            taken.add((lg, key))
            out.append(_Phrase(lg, key, f.term_id, "glossary" if f.term_id else "followed", -1, True))
    ranked = [p for p in found if totals.get((p.lang, p.key)) and (p.lang, p.key) not in taken]
    if not found:  # glossary only: every term seen, most frequent first
        ranked = [_Phrase(lg, key, key, "glossary", i) for i, ((lg, key), _) in
                  enumerate(sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))) if (lg, key) not in taken]
    return out + (ranked[:top] if top is not None else ranked)


def describe(frame: pl.DataFrame, glossary: Glossary | None = None) -> pl.DataFrame:
    """*frame* (a trends table, or its :func:`summary` or :func:`lists`) with pinyin and an
    unreviewed composed English (``en_unreviewed``) for its Chinese phrases the glossary lacks, made
    as extract composes them. A separate step because the dictionaries behind it take seconds
    to load: the command describes only the phrases it shows."""
    import polars as pl

    from ..extraction import describe_new

    if glossary is None:
        from ..store import load

        glossary = load()
    todo = frame.filter((pl.col("lang") == "zh") & (pl.col("term_id") == "") & (pl.col("pinyin") == ""))
    wanted = todo["zh_hans"].unique(maintain_order=True).to_list()
    if not wanted:
        return frame
    described = describe_new(wanted, glossary)
    found = pl.DataFrame(
        [(zh, py, made.english) for zh, (py, made) in described.items()],
        schema={"zh_hans": pl.Utf8, "_py": pl.Utf8, "_en": pl.Utf8}, orient="row",
    )
    new = (pl.col("lang") == "zh") & (pl.col("term_id") == "") & pl.col("_py").is_not_null()
    return (
        frame.join(found, on="zh_hans", how="left")
        .with_columns(
            pinyin=pl.when(new).then(pl.col("_py")).otherwise(pl.col("pinyin")),
            en=pl.when(new).then(pl.col("_en")).otherwise(pl.col("en")),
            en_unreviewed=pl.when(new).then(pl.col("_en") != "").otherwise(pl.col("en_unreviewed")),
        )
        .drop("_py", "_en")
    )


def _table(counted, chosen: list[_Phrase], glossary: Glossary, min_text: int, pl) -> pl.DataFrame:
    from ..script import to_simplified

    periods = sorted(counted.docs)
    new_zh = {p.key: to_simplified(p.key) for p in chosen if p.lang == "zh" and not p.term_id}
    labels: dict[str, list] = {c: [] for c in ("lang", "key", "phrase", "term_id", "zh_hans", "pinyin", "en", "en_unreviewed", "kind", "followed", "rank")}
    for p in chosen:
        term = glossary.get(p.term_id) if p.term_id else None
        if term is not None:
            row = (term.zh_hans if p.lang == "zh" else term.en, term.zh_hans, term.pinyin, term.en, False)
        elif p.lang == "zh":
            row = (p.key, new_zh[p.key], "", "", False)
        else:
            row = (p.key, "", "", p.key, False)
        for c, v in zip(("lang", "key", "term_id", "kind", "followed", "rank"), (p.lang, p.key, p.term_id, p.kind, p.followed, p.rank)):
            labels[c].append(v)
        for c, v in zip(("phrase", "zh_hans", "pinyin", "en", "en_unreviewed"), row):
            labels[c].append(v)
    phrases = pl.DataFrame(labels, schema={**{c: pl.Utf8 for c in labels}, "en_unreviewed": pl.Boolean, "followed": pl.Boolean, "rank": pl.Int64})
    phrases = phrases.with_row_index("_o")
    langs = sorted({p.lang for p in chosen}) or ["zh"]
    period_rows = [
        (p.label, p.first, p.last, lg, counted.sizes.get((p, lg), 0), len(counted.docs[p]))
        for p in periods for lg in langs
    ]
    frame = pl.DataFrame(period_rows, schema={"period": pl.Utf8, "start": pl.Date, "end": pl.Date, "lang": pl.Utf8, "size": pl.Int64, "docs": pl.Int64}, orient="row")
    frame = frame.with_columns(thin=pl.col("size") < min_text)
    counts = pl.DataFrame(
        [(p.label, lg, key, n) for (p, lg, key), n in counted.counts.items()],
        schema={"period": pl.Utf8, "lang": pl.Utf8, "key": pl.Utf8, "count": pl.Int64}, orient="row",
    )
    table = (
        frame.join(phrases, on="lang", how="inner")
        .join(counts, on=["period", "lang", "key"], how="left")
        .with_columns(pl.col("count").fill_null(0))
        .with_columns(per_10k=pl.when(pl.col("size") > 0).then(pl.col("count") / pl.col("size") * 10_000).otherwise(None))
    )
    return table.sort("_o", "start").select(COLUMNS)


__all__ = ["COLUMNS", "MIN_TEXT", "Followed", "describe", "follow", "lists", "summary", "trends"]
