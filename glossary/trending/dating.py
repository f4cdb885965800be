"""When a document was written, and which period that puts it in.

A date comes from a table row's date column, or else from the file name (then the names of its
folders, nearest first): a year (``1978.txt``), a year and month (``2020-12.txt``) or a full date
(``2020-12-04-editorial.txt``, ``20201204.txt``). Only years from 1600 to 2199 count, and a run of
digits is read whole, so ``congress19.txt`` or ``report12345.txt`` hold no year. Days are read
but not kept: the finest period is a month.

Periods (``by``): ``year``; ``5y``, five-year spans aligned with China's five-year plans (1976–1980,
1981–1985, …, 2021–2025: every plan since the third, 1966–1970, starts in a year ending 1 or 6);
``decade`` (1970–1979); ``month`` (needs dates with a month).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import InputError

BY = ("year", "5y", "decade", "month")

_YEAR = r"(1[6-9]\d\d|2[01]\d\d)"
#: A date inside a file name: separators optional (20201204), digits never part of a longer run.
_IN_NAME = re.compile(rf"(?<!\d){_YEAR}(?:[-_.年]?(0[1-9]|1[0-2])(?:[-_.月]?(0[1-9]|[12]\d|3[01]))?)?(?!\d)")
#: A date cell: 2020-12-04, 2020/12/4, 2020.12, 2020年12月4日, 20201204, 2020-12-04T08:00:00, 1978.
_CELL = re.compile(rf"^\s*{_YEAR}(?:\s*[-/.年]\s*(\d{{1,2}})(?:\s*[-/.月]\s*(\d{{1,2}}))?)?(?:日|[T\s].*)?\s*$")
_COMPACT = re.compile(rf"^\s*{_YEAR}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\s*$")


@dataclass(frozen=True, slots=True, order=True)
class When:
    """A year, and the month when it is known."""

    year: int
    month: int | None = None


def from_name(path: str | Path) -> When | None:
    """The date in a file's name, else in its folders' names (nearest first); None if none has one."""
    p = Path(path)
    for part in (p.stem, *(q.name for q in p.parents)):
        m = _IN_NAME.search(part)
        if m:
            return When(int(m.group(1)), int(m.group(2)) if m.group(2) else None)
    return None


def from_cell(cell: str) -> When | None:
    """The date a table cell holds (see :data:`_CELL`), or None when it holds none."""
    m = _COMPACT.match(cell) or _CELL.match(cell)
    if not m:
        return None
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    if (month is not None and not 1 <= month <= 12) or (day is not None and not 1 <= day <= 31):
        return None
    return When(int(m.group(1)), month)


@dataclass(frozen=True, slots=True, order=True)
class Period:
    """One period of a timeline. Ordered by ``index`` (months since year 0), so sorting periods
    sorts them in time; ``label`` is how tables and charts name it."""

    index: int
    months: int
    label: str

    @property
    def first(self) -> date:
        return date(self.index // 12, self.index % 12 + 1, 1)

    @property
    def last(self) -> date:
        end = self.index + self.months  # first month after the period
        nxt = date(end // 12, end % 12 + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1)

    @property
    def middle(self) -> float:
        """The period's midpoint in years (1978.5 for the year 1978): the time axis of trends."""
        return (self.index + self.months / 2) / 12

    def follows(self, other: Period) -> bool:
        """True when this period comes right after *other*, with no period missing between."""
        return other.index + other.months == self.index


def period_of(when: When, by: str, name: str = "") -> Period:
    """The period of *when* (``by``: year, 5y, decade, month); *name* is for the error message."""
    y = when.year
    if by == "year":
        return Period(y * 12, 12, str(y))
    if by == "5y":
        start = y - (y - 1) % 5
        return Period(start * 12, 60, f"{start}–{start + 4}")
    if by == "decade":
        start = y - y % 10
        return Period(start * 12, 120, f"{start}s")
    if by == "month":
        if when.month is None:
            raise InputError(f"{name or when.year}: dated {when.year} without a month; use --by year (or 5y, decade)")
        return Period(y * 12 + when.month - 1, 1, f"{y}-{when.month:02d}")
    raise ValueError(f"by must be one of {', '.join(BY)}, not {by!r}")


def parse_span(text: str) -> tuple[When, When]:
    """A span of time as the user writes it: ``1978-1985``, ``1978..1985``, ``1978–1985``,
    ``2020-03..2021-06`` or one year ``2024``. Inclusive at both ends."""
    s = text.strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?\s*(?:\.\.|–|—|-|to)\s*(\d{4})(?:-(\d{1,2}))?", s)
    if m:
        a = When(int(m.group(1)), int(m.group(2)) if m.group(2) else None)
        b = When(int(m.group(3)), int(m.group(4)) if m.group(4) else None)
    elif re.fullmatch(r"\d{4}", s):
        a = b = When(int(s))
    else:
        raise InputError(f"{text!r} is not a span of years (write 1978-1985 or 2020-03..2021-06)")
    if b < a:
        raise InputError(f"{text!r}: the span ends before it starts")
    return a, b


def span_contains(span: tuple[When, When], period: Period) -> bool:
    """True when *period* lies within *span* (a year without a month covers the whole year).
    A five-year or decade period belongs to a span when it starts within it."""
    a, b = span
    lo = a.year * 12 + (a.month - 1 if a.month else 0)
    hi = b.year * 12 + (b.month - 1 if b.month else 11)
    return lo <= period.index <= hi
