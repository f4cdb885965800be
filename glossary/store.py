"""The loaded glossary: shipped terms plus an optional user overlay, with lookups over them."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from .index import Match, TermIndex
from .terms import TableError, Term, read_terms, term_files

if TYPE_CHECKING:  # polars is heavy; only annotations need it here
    import polars as pl

    from .literal import Recogniser

#: Environment variable naming the user's own glossary (a TSV file or a folder of them).
USER_ENV = "GLOSSARY_USER"


def shipped_path() -> Path:
    """Folder of the term tables that ship with the package (a source checkout's ``data/terms``
    when running from one, where the package copy does not exist)."""
    from .resources import data_dir

    return data_dir() / "terms"


def default_user_path() -> Path:
    """Where ``glossary import`` keeps the user's terms unless told otherwise."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "glossary" / "user.tsv"


def user_path_from_env() -> Path | None:
    value = os.environ.get(USER_ENV, "").strip()
    return Path(value).expanduser() if value else None


@dataclass
class Glossary:
    """An ordered, read-only collection of terms with exact and fuzzy lookup.

    Build one with :func:`load`; terms later in the sequence (the user overlay) replace earlier
    ones with the same id, so a user can correct a shipped entry without editing the package.
    """

    terms: tuple[Term, ...]
    sources: tuple[Path, ...] = field(default=())

    def __post_init__(self) -> None:
        by_id: dict[str, Term] = {}
        for t in self.terms:
            by_id[t.id] = t
        self.terms = tuple(by_id.values())
        self._by_id = by_id

    def __len__(self) -> int:
        return len(self.terms)

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms)

    def __contains__(self, term_id: object) -> bool:
        return term_id in self._by_id

    def get(self, term_id: str) -> Term | None:
        return self._by_id.get(term_id)

    @cached_property
    def index(self) -> TermIndex:
        return TermIndex(self.terms)

    def lookup(self, query: str) -> list[Match]:
        """Terms whose simplified, traditional, pinyin (any tone style, spaces optional), standard
        English, alternative or non-standard rendering equals *query* after normalisation."""
        return self.index.lookup(query, to_simplified=_lazy_t2s)

    def literal(self, query: str, limit: int = 3) -> list[Match]:
        """The terms *query* most probably renders word for word ("community of human destiny"
        → 人类命运共同体), best first, for a query :meth:`lookup` does not know: field
        ``literal``, form the Chinese parts it renders, score 0–100. Reads the recogniser's
        profiles from the user cache folder (or builds them from CC-CEDICT, about a second, the
        first time), so it is the fallback, never the first try."""
        return [Match(r.term, "literal", self.recogniser.why(r.term), round(100 * r.score, 1))
                for r in self.recogniser.resolve(query, limit=limit)]

    @cached_property
    def recogniser(self) -> Recogniser:
        """Literal renderings of every term (:mod:`glossary.literal`), built on first use."""
        from .literal import recogniser

        return recogniser(self.terms)

    def search(self, query: str, limit: int = 10) -> list[Match]:
        """Fuzzy matches, best first: misspelt English, partial pinyin, partial Chinese."""
        return self.index.search(query, limit=limit)

    def filter(self, categories: Sequence[str] = ()) -> Glossary:
        if not categories:
            return self
        wanted = set(categories)
        return Glossary(tuple(t for t in self.terms if t.category in wanted), self.sources)

    def to_frame(self) -> pl.DataFrame:
        """The whole table as a polars DataFrame (list fields as list columns)."""
        import polars as pl

        from .terms import COLUMNS, LIST_COLUMNS

        data = {c: [getattr(t, c) for t in self.terms] for c in COLUMNS}
        schema = {c: (pl.List(pl.Utf8) if c in LIST_COLUMNS else pl.Int32 if c == "year" else pl.Utf8) for c in COLUMNS}
        return pl.DataFrame({c: [list(v) if c in LIST_COLUMNS else v for v in data[c]] for c in COLUMNS}, schema=schema)


def _lazy_t2s(text: str) -> str:
    from .script import to_simplified

    return to_simplified(text)


def load(path: str | Path | None = None, user: str | Path | None = None, *, shipped: bool = True) -> Glossary:
    """Load the glossary.

    ``path`` replaces the shipped tables (a TSV file or a folder of them); ``user`` adds an overlay
    on top (default: the file named by ``$GLOSSARY_USER``, if set). ``shipped=False`` with no
    path gives only the user's terms.
    """
    files: list[Path] = []
    if path is not None:
        p = Path(path)
        if not p.exists():
            raise TableError(f"{p}: no such file or folder")
        files += term_files(p)
    elif shipped:
        files += term_files(shipped_path())
    overlay = Path(user) if user is not None else user_path_from_env()
    if overlay is not None:
        if overlay.exists():
            files += term_files(overlay)
        elif user is not None:  # named on the command line: a typo must not pass as "no terms"
            raise TableError(f"{overlay}: user glossary not found (set by --glossary)")
        # named by $GLOSSARY_USER but not there yet: empty until the first import creates it
    return Glossary(read_tables(files), tuple(files))


#: Tables of at least this many bytes in all are read back from the user cache once parsed (the
#: shipped table, 5 MB); a small one, a user's own file or a test's, parses faster than a cache
#: file is named and read.
CACHED_BYTES = 1 << 18


def read_tables(files: Sequence[Path]) -> tuple[Term, ...]:
    """The terms of the TSV *files*, in order. Every command starts here, so the parsed rows of a
    big table are kept in the user cache (:mod:`glossary.cache`) under the files' paths, sizes
    and modification times and the parser's code: an edited file names a new cache file, and a
    parse error is always raised by parsing. Reading them back costs about a third of parsing
    the 5,000 rows of the shipped table."""
    from dataclasses import fields

    from . import cache

    stats = [(f, f.stat()) for f in files]
    if sum(st.st_size for _, st in stats) < CACHED_BYTES:
        return tuple(t for f in files for t in read_terms(f))
    key = [f"{f.resolve()}|{st.st_size}|{st.st_mtime_ns}" for f, st in stats]
    names = [f.name for f in fields(Term)]

    def parse() -> tuple[tuple[object, ...], ...]:
        return tuple(tuple(getattr(t, n) for n in names) for f in files for t in read_terms(f))

    def rows_to_terms(rows: object) -> tuple[Term, ...] | None:
        try:
            return tuple(Term(*row) for row in rows)  # type: ignore[attr-defined]
        except TypeError:  # a file of another layout: parsed again
            return None

    path = cache.named("terms", "bin", [*key, *cache.code("terms.py", "store.py")])
    return cache.remember(path, parse, rows_to_terms)
