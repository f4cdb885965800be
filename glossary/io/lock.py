"""An exclusive lock on a file that several processes read, change and write back.

``glossary import`` reads the user glossary, merges a file into it and writes it atomically.
Two imports at once would each write what they read plus their own terms, and the second write
would drop the first import's terms. Holding this lock from the read to the write makes the
second import wait and read what the first wrote. The lock is a companion file
(``user.tsv.lock``), so the atomic rename of the glossary itself does not disturb it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import GlossaryError


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock for *path* (blocking) for the duration of the ``with`` block."""
    lock = path.with_name(path.name + ".lock")
    try:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as exc:
        raise GlossaryError(f"{lock}: cannot create the lock file ({exc.strerror or exc})") from None
    try:
        _acquire(fd)
        try:
            yield
        finally:
            _release(fd)
    finally:
        os.close(fd)


def _acquire(fd: int) -> None:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_LOCK, 1)  # type: ignore[attr-defined]
        return
    fcntl.flock(fd, fcntl.LOCK_EX)


def _release(fd: int) -> None:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
        return
    fcntl.flock(fd, fcntl.LOCK_UN)
