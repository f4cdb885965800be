"""A one-line progress bar on standard error, for long runs on a terminal.

One home for how progress looks, so ``extract`` and ``check`` draw the same bar. Commands decide
whether to draw one (only when stderr is a terminal); the API takes a plain callback instead.
"""

from __future__ import annotations

import sys
from collections.abc import Callable


class ProgressBar:
    """``label [#####     ]  42% 21.0/50.0 MB``, redrawn in place as work is done. *total* is
    in bytes or characters (both shown as millions); a total of 0 or None draws nothing."""

    def __init__(self, label: str, total: int | None, unit: str = "MB", scale: float = 1e6) -> None:
        self.label = label
        self.total = total or 0
        self.unit = unit
        self.scale = scale  # 1e6: shown in millions; 1: plain counts ("120/300 phrases")
        self.done = 0

    def advance(self, n: int) -> None:
        self.done += n
        if self.total:
            share = min(1.0, self.done / self.total)
            bar = "#" * int(share * 30)
            if self.scale == 1:
                amount = f"{self.done}/{self.total}"
            else:
                amount = f"{self.done / self.scale:.1f}/{self.total / self.scale:.1f}"
            sys.stderr.write(f"\r{self.label} [{bar:<30}] {share:4.0%} {amount} {self.unit}")
            sys.stderr.flush()

    def close(self) -> None:
        """Clear the line, so what the command prints next starts clean."""
        if self.total:
            sys.stderr.write("\r" + " " * (len(self.label) + 60) + "\r")
            sys.stderr.flush()


#: Texts shorter than this (in characters) are done in well under a second: no bar.
PROGRESS_MIN_CHARS = 2_000_000


class TextProgress:
    """A ``progress(done, total)`` callback (characters) that draws *label*'s bar for each long
    text, a new bar per text; texts under :data:`PROGRESS_MIN_CHARS` draw nothing."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.bar: ProgressBar | None = None

    def __call__(self, done: int, total: int) -> None:
        if total < PROGRESS_MIN_CHARS:
            return
        if self.bar is None:
            self.bar = ProgressBar(self.label, total, "M chars")
        self.bar.advance(done - self.bar.done)
        if done >= total:
            self.bar.close()
            self.bar = None


def on_terminal(label: str) -> TextProgress | None:
    """The bar for a command's long texts when standard error is a terminal, else None."""
    return TextProgress(label) if sys.stderr.isatty() else None


class StageProgress:
    """A ``progress(stage, done, total)`` callback for work in stages (align: reading the pairs,
    the word-alignment model, pairing the phrases): one bar per stage, counted in items."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.stage = ""
        self.bar: ProgressBar | None = None

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage != self.stage or self.bar is None:
            if self.bar is not None:
                self.bar.close()
            self.stage = stage
            self.bar = ProgressBar(f"{self.label}: {stage}", total, "", scale=1)
        self.bar.advance(done - self.bar.done)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def running_total(progress: Callable[[int, int], None], total: int) -> Callable[[int], None]:
    """Turn an API's ``progress(done, total)`` into the per-part callback the workers call with
    the size of each part done."""
    done = 0

    def heard(n: int) -> None:
        nonlocal done
        done += n
        progress(done, total)

    return heard
