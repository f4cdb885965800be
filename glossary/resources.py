"""Where the package's data files are: inside the installed package, or ``data/`` of a checkout."""

from __future__ import annotations

from pathlib import Path


def data_dir() -> Path:
    here = Path(__file__).resolve().parent
    packaged = here / "data"
    if packaged.is_dir():
        return packaged
    return here.parent / "data"
