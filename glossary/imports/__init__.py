"""``glossary import``: bring someone's term list into the user glossary laid over the shipped one.

Reading (:mod:`.tabular`, with :mod:`.xlsx` for workbooks, and :mod:`.tbx`) gives draft terms; :mod:`.complete` fills what they lack;
this module decides, term by term, whether it is new, already known, or in conflict with a
shipped or existing user term (same simplified form or same id, different English), and writes
the user file atomically. Conflicts are never settled silently: by default they are listed and
nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields, replace
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ..errors import GlossaryError, InputError
from ..forms import en_key, surface_key, zh_key
from ..io.lock import locked
from ..terms import Term

if TYPE_CHECKING:
    from .complete import Completer

FORMATS = ("auto", "table", "pairs", "omegat", "cat", "xlsx", "tbx", "json")
#: The formats that are a layout of rows (delimited text or a worksheet) → the layout name.
LAYOUTS = {"auto": "auto", "table": "table", "cat": "cat", "pairs": "pairs", "omegat": "pairs"}
USER_FILE = "user.tsv"


class OnConflict(str, Enum):
    """What an import does with a term that disagrees with a known one."""

    REPORT = "report"  # list the conflicts and write nothing
    SKIP = "skip"  # import the rest
    REPLACE = "replace"  # the imported English wins; the displaced English becomes an alternative


ON_CONFLICT = tuple(c.value for c in OnConflict)


class Reason(str, Enum):
    """Why an imported term conflicts with a known one (the fixed reasons; a disagreement about
    further forms is described in words, see :func:`_extension`)."""

    SAME_CHINESE = "same Chinese, different English"
    SAME_ID = "same id, different Chinese"


#: Where a known term comes from: the shipped table, the user glossary, or an earlier row of the file.
Origin = Literal["shipped", "user", "file"]


@dataclass(frozen=True, slots=True)
class Conflict:
    """An imported term that disagrees with one already known."""

    incoming: Term
    existing: Term
    where: Origin
    reason: str  # a :class:`Reason` value, or what the further forms disagree about

    @property
    def same_id(self) -> bool:
        """The ids collide on different Chinese: a replace cannot settle this one."""
        return self.reason == Reason.SAME_ID.value

    def __str__(self) -> str:
        origin = f"{self.incoming.origin}: " if self.incoming.origin else ""
        return (
            f"{origin}{self.incoming.zh_hans} → {self.incoming.en!r} conflicts with {self.where} term "
            f"[{self.existing.id}] {self.existing.zh_hans} → {self.existing.en!r} ({self.reason})"
        )


@dataclass(frozen=True)
class ImportResult:
    """What an import did (or, with ``dry_run`` or unresolved conflicts, would do)."""

    target: Path
    added: tuple[Term, ...] = ()
    replaced: tuple[Term, ...] = ()
    extended: tuple[Term, ...] = ()  # same English; the file's further forms were added
    unchanged: tuple[Term, ...] = ()
    skipped: tuple[Conflict, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    written: bool = False
    dry_run: bool = False
    user_terms: tuple[Term, ...] = field(default=(), repr=False)

    @property
    def ok(self) -> bool:
        """False when conflicts were found and the policy was to report them."""
        return not self.conflicts

    def summary(self) -> str:
        verb = "would add" if self.dry_run or self.conflicts else "added"
        parts = [f"{verb} {len(self.added)}", f"replaced {len(self.replaced)}"]
        if self.extended:
            parts.append(f"extended {len(self.extended)}")
        parts.append(f"unchanged {len(self.unchanged)}")
        if self.skipped:
            parts.append(f"skipped {len(self.skipped)} conflicting")
        return ", ".join(parts) + f" ({self.target})"


def user_location(into: str | Path | None = None) -> Path:
    """The user glossary named by *into*, else $GLOSSARY_USER, else ``store.default_user_path()``."""
    from ..store import default_user_path, user_path_from_env

    return Path(into).expanduser() if into else (user_path_from_env() or default_user_path())


def user_target(into: str | Path | None = None) -> Path:
    """The file an import writes: the user glossary file, or ``user.tsv`` in a user glossary folder."""
    path = user_location(into)
    return path / USER_FILE if path.is_dir() else path


def read_drafts(path: str | Path, fmt: str = "auto", known: Sequence[Term] = (), sheet: str | None = None) -> list[Term]:
    """Draft terms from a file in any supported format (fields it lacks stay empty); *known*
    terms help group a traditional form with its curated simplified one. *sheet* names the
    worksheet of an Excel workbook to read (default: the first)."""
    from ..io.textfile import read_text

    p = Path(path)
    if fmt not in FORMATS:
        raise GlossaryError(f"unknown import format {fmt!r}; choose from {', '.join(FORMATS)}")
    if not p.is_file():
        raise InputError(f"{p}: no such file")
    from . import tabular
    from .xlsx import looks_like_workbook, read_sheet_rows

    try:
        with p.open("rb") as f:
            raw = f.read(512)
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from None
    # a workbook is a container of rows: its header chooses the layout unless -f table/cat/pairs does
    if fmt == "xlsx" or (fmt in LAYOUTS and looks_like_workbook(p, raw)):
        return tabular.parse_rows(p, read_sheet_rows(p, sheet), LAYOUTS.get(fmt, "auto"), known)
    if sheet is not None:
        raise GlossaryError(f"{p}: --sheet applies to Excel workbooks only")
    if fmt == "auto":
        head = raw.lstrip(b"\xef\xbb\xbf \t\r\n")
        if p.suffix.lower() in (".tbx", ".xml") or head.startswith(b"<"):
            fmt = "tbx"
        elif p.suffix.lower() == ".json":
            fmt = "json"
    if fmt == "tbx":
        from .tbx import read_tbx

        return read_tbx(p)
    text = read_text(str(p)).text
    if fmt == "json":
        return tabular.parse_json(p, text)
    return tabular.parse_table(p, text, LAYOUTS[fmt], known)


def _given(raw: Term) -> set[str]:
    """Fields the file actually supplied (empty values do not count; ``origin`` is not a field)."""
    return {f.name for f in fields(Term) if f.name != "origin" and getattr(raw, f.name) not in ("", (), None)}


def _unique_en(items: Sequence[str], taken: set[str]) -> tuple[str, ...]:
    """*items* without those whose :func:`en_key` is in *taken* or repeats; *taken* grows."""
    out = []
    for item in items:
        key = en_key(item)
        if key not in taken:
            taken.add(key)
            out.append(item)
    return tuple(out)


def _merge(existing: Term, raw: Term, done: Term) -> Term:
    """The term ``--on-conflict replace`` leaves: the import's English over *existing*, which
    keeps its id (so a user entry overrides the shipped one) and loses nothing worth keeping.

    * ``en`` is the import's. The displaced standard English and the existing alternatives
      follow the import's own ``en_alt`` (no duplicates by :func:`en_key`), unless the import
      declares them non-standard: then they are listed there only.
    * ``en_nonstandard``: the import's, then the existing ones the import did not make acceptable.
    * ``source`` and ``related``: the import's, then the existing ones.
    * ``status``: the file's, else ``unverified``: a status vouches for the standard rendering,
      and that is now the file's, not the curated one (when the standard English is the same
      and only the other forms disagree, the existing status stands).
    * Every other field (both scripts, pinyin, category, definition, year, notes): the file's
      when it gives one, else the existing value, else the derived one (``--category``).
    """
    given = _given(raw)
    changes: dict[str, Any] = {}
    for f in fields(Term):
        name = f.name
        if name in ("id", "origin", "en", "en_alt", "en_nonstandard", "source", "related", "status"):
            continue
        mine, theirs = getattr(done, name), getattr(existing, name)
        changes[name] = mine if name in given or theirs in ("", (), None) else theirs
    flagged = {en_key(x) for x in done.en_nonstandard}
    taken = {en_key(done.en)}
    en_alt = _unique_en(done.en_alt, taken)
    en_alt += _unique_en([x for x in (existing.en, *existing.en_alt) if en_key(x) not in flagged], taken)
    en_nonstandard = _unique_en((*done.en_nonstandard, *existing.en_nonstandard), set(taken))
    return replace(
        existing,
        **changes,
        en=done.en,
        en_alt=en_alt,
        en_nonstandard=en_nonstandard,
        source=tuple(dict.fromkeys((*done.source, *existing.source))),
        related=tuple(r for r in dict.fromkeys((*done.related, *existing.related)) if r != existing.id),
        status=raw.status or (existing.status if en_key(existing.en) == en_key(done.en) else "unverified"),
        origin=done.origin,
    )


#: Fields an import with the same English fills when the known term leaves them empty.
_FILLABLE = ("zh_hant", "pinyin", "pinyin_num", "category", "definition", "year", "pinyin_note", "note")


def _extension(existing: Term, raw: Term, done: Term) -> tuple[Term | None, str]:
    """What an import with the same standard English adds to *existing*: its further accepted
    and non-standard forms, its sources and related terms, and the file's values for the fields
    *existing* leaves empty (None when it adds nothing), or a reason why the two disagree — the
    file accepts a form the known term flags as non-standard, or the reverse.

    Without this, an import that agrees on the standard rendering would silently drop the
    alternatives a client's list brings with it.
    """
    accepted = {en_key(x) for x in (existing.en, *existing.en_alt)}
    flagged = {en_key(x) for x in existing.en_nonstandard}
    # agreement is judged on the spelling (surface_key), as validate judges it: a flagged
    # singular ("four consciousness") is not the accepted plural ("Four Consciousnesses")
    accepted_spelt = {surface_key(x) for x in (existing.en, *existing.en_alt)}
    flagged_spelt = {surface_key(x) for x in existing.en_nonstandard}
    for form in done.en_alt:
        if surface_key(form) in flagged_spelt:
            return None, f"the file accepts {form!r}, which is flagged as non-standard"
    for form in raw.en_nonstandard:
        if surface_key(form) in accepted_spelt:
            return None, f"the file flags {form!r}, which is an accepted rendering"
    en_alt = existing.en_alt + _unique_en(done.en_alt, set(accepted))
    en_nonstandard = existing.en_nonstandard + _unique_en(raw.en_nonstandard, set(flagged))
    source = tuple(dict.fromkeys((*existing.source, *raw.source)))
    names = {zh_key(x) for x in (existing.zh_hans, existing.zh_hant, *existing.zh_alias)}
    zh_alias = existing.zh_alias + tuple(a for a in dict.fromkeys(raw.zh_alias) if zh_key(a) not in names)
    en_history = existing.en_history + tuple(h for h in dict.fromkeys(raw.en_history) if h not in existing.en_history)
    # the file's values for fields the known term leaves empty (a definition, a year, a note …)
    given = _given(raw)
    filled = {name: getattr(done, name) for name in _FILLABLE
              if name in given and getattr(existing, name) in ("", (), None)}
    related = tuple(r for r in dict.fromkeys((*existing.related, *done.related)) if r != existing.id)
    grown = replace(existing, en_alt=en_alt, en_nonstandard=en_nonstandard, source=source, zh_alias=zh_alias,
                    en_history=en_history, related=related, origin=done.origin, **filled)
    if replace(grown, origin=existing.origin) == existing:
        return None, ""
    return grown, ""


@dataclass
class _Known:
    """Every term an import is compared with, by simplified form and by id, with its origin."""

    by_zh: dict[str, tuple[Term, Origin]] = field(default_factory=dict)
    by_id: dict[str, tuple[Term, Origin]] = field(default_factory=dict)

    def add(self, term: Term, where: Origin) -> None:
        self.by_zh[term.zh_hans] = self.by_id[term.id] = (term, where)
        for alias in term.zh_alias:  # a row that names a known term by its short form is that term
            self.by_zh.setdefault(alias, (term, where))

    def related_ids(self, related: Sequence[str]) -> tuple[str, ...]:
        """*related* with each entry that names a known term by its Chinese (两个维护) replaced by
        that term's id, since the table links terms by id; an unknown entry stays as it is, for
        ``glossary validate`` to report."""
        out = (r if r in self.by_id or r not in self.by_zh else self.by_zh[r][0].id for r in related)
        return tuple(dict.fromkeys(out))

    def taken_by_other(self, zh: str) -> Callable[[str], bool]:
        """A test for ids that a term other than *zh* already has."""
        return lambda term_id: term_id in self.by_id and self.by_id[term_id][0].zh_hans != zh


@dataclass
class _Outcome:
    """The import's decisions, term by term."""

    added: list[Term] = field(default_factory=list)
    replaced: list[Term] = field(default_factory=list)
    extended: list[Term] = field(default_factory=list)
    unchanged: list[Term] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)

    def grow(self, existing: Term, grown: Term, where: Origin, into: list[Term]) -> None:
        """Record *grown* in place of *existing*: in the file's own rows, or in *into*."""
        if where == "file":
            self.added[self.added.index(existing)] = grown
        else:
            into.append(grown)


def import_terms(
    path: str | Path,
    into: str | Path | None = None,
    *,
    fmt: str = "auto",
    on_conflict: OnConflict | str = OnConflict.REPORT,
    dry_run: bool = False,
    category: str = "",
    sheet: str | None = None,
) -> ImportResult:
    """Import the terms of *path* into the user glossary *into* (see :func:`user_target`).

    ``on_conflict`` (an :class:`OnConflict`): ``report`` (default) writes nothing when any
    conflict is found and returns them; ``skip`` imports the rest; ``replace`` lets the imported
    English win (the user entry keeps the known term's id, so it overrides the shipped entry, and
    keeps the displaced English as an alternative: see :func:`_merge`). ``category`` is given to
    terms the file leaves without one; ``sheet`` names the worksheet of an Excel workbook
    (default: the first). Returns an :class:`ImportResult`.
    """
    try:
        policy = OnConflict(on_conflict)
    except ValueError:
        raise GlossaryError(f"on_conflict must be one of {', '.join(ON_CONFLICT)}") from None
    location = user_location(into)
    target = user_target(into)
    if not dry_run:
        _make_folder(target)
        if not target.parent.is_dir():
            raise GlossaryError(f"{target}: folder {target.parent} does not exist")
        with locked(target):  # from the read to the write: a parallel import waits, then reads ours
            return _import(path, location, target, fmt, policy, dry_run, category, sheet)
    return _import(path, location, target, fmt, policy, dry_run, category, sheet)


def _import(path: str | Path, location: Path, target: Path, fmt: str, policy: OnConflict, dry_run: bool,
            category: str, sheet: str | None) -> ImportResult:
    """The import itself, with the user glossary held still (see :func:`import_terms`)."""
    from ..store import shipped_path
    from ..terms import read_terms, term_files
    from .complete import Completer

    shipped = [t for f in term_files(shipped_path()) for t in read_terms(f)]
    # existing user terms: all files of a user folder (only user.tsv is rewritten), or the one file
    user_all = [t for f in (term_files(location) if location.is_dir() else [target]) if f.is_file() for t in read_terms(f)]
    user = list(read_terms(target)) if target.is_file() else []
    user_ids = {t.id for t in user}
    others = [t for t in user_all if t.id not in user_ids] if location.is_dir() else []
    drafts = read_drafts(path, fmt, known=shipped + user_all, sheet=sheet)
    if not drafts:
        raise InputError(f"{path}: no terms found")

    known = _Known()
    for t in shipped:
        known.add(t, "shipped")
    for t in others + user:
        known.add(t, "user")
    outcome = _decide(drafts, known, Completer(shipped + others + user, default_category=category), policy)

    skipped: tuple[Conflict, ...] = ()
    conflicts = outcome.conflicts
    if conflicts and policy is not OnConflict.REPORT:
        skipped, conflicts = tuple(conflicts), []
    new_user = _updated(user, outcome.replaced + outcome.extended) + outcome.added
    result = ImportResult(
        target=target, added=tuple(outcome.added), replaced=tuple(outcome.replaced),
        extended=tuple(outcome.extended), unchanged=tuple(outcome.unchanged),
        skipped=skipped, conflicts=tuple(conflicts), dry_run=dry_run, user_terms=tuple(new_user),
    )
    if conflicts or dry_run or not (outcome.added or outcome.replaced or outcome.extended):
        return result
    _write(target, new_user)
    return replace(result, written=True)


def _decide(drafts: Sequence[Term], known: _Known, completer: Completer, policy: OnConflict) -> _Outcome:
    """Complete each draft and decide whether it is new, known, an extension or a conflict."""
    from .complete import unique_id

    out = _Outcome()
    for raw in drafts:
        done = completer.complete(raw)
        if done.related:
            done = replace(done, related=known.related_ids(done.related))
        if not raw.id:
            # a derived id must not collide with a different term's
            done = replace(done, id=unique_id(done.id, known.taken_by_other(done.zh_hans)))
            if done.zh_hans in known.by_zh:
                done = replace(done, id=known.by_zh[done.zh_hans][0].id)
        hit = known.by_zh.get(done.zh_hans)
        reason = Reason.SAME_CHINESE.value
        if hit is None and done.id in known.by_id and known.by_id[done.id][0].zh_hans != done.zh_hans:
            hit, reason = known.by_id[done.id], Reason.SAME_ID.value
        if hit is None:
            out.added.append(done)
            known.add(done, "file")
            continue
        existing, where = hit
        if reason == Reason.SAME_CHINESE.value and en_key(existing.en) == en_key(done.en):
            grown, disagreement = _extension(existing, raw, done)
            if not disagreement:
                if grown is None:
                    out.unchanged.append(done)
                else:
                    out.grow(existing, grown, where, out.extended)
                    known.add(grown, where)
                continue
            reason = disagreement
        conflict = Conflict(done, existing, where, reason)
        if policy is OnConflict.REPLACE and not conflict.same_id:
            merged = _merge(existing, raw, done)
            out.grow(existing, merged, where, out.replaced)
            known.add(merged, where)
        else:
            out.conflicts.append(conflict)
    return out


def _updated(user: list[Term], changed: list[Term]) -> list[Term]:
    """The user terms with *changed* ones put in place (by id), or appended when new there."""
    out = list(user)
    for merged in changed:
        ids = [t.id for t in out]
        if merged.id in ids:
            out[ids.index(merged.id)] = merged
        else:
            out.append(merged)
    return out


def _make_folder(target: Path) -> None:
    """The default user glossary's folder is ours to create; any other folder must exist."""
    from ..store import default_user_path

    if not target.parent.exists() and target == default_user_path():
        target.parent.mkdir(parents=True, exist_ok=True)


def _write(target: Path, terms: list[Term]) -> None:
    from ..io.atomic import write_atomic
    from ..terms import dumps_tsv

    write_atomic(target, dumps_tsv(terms))
