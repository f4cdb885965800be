"""Fill what an imported term lacks from what it has.

A two-column list gives only Chinese and English; the glossary needs both scripts, pinyin in two
styles and an id. They are derived with the project's own tools, so an imported term looks like
a curated one (and is marked ``unverified`` unless the file gave a status):

* traditional from simplified (or back) with :mod:`glossary.script`, curated forms first;
* numbered and orthographic pinyin with :class:`glossary.pinyin.PinyinWriter`;
* the id from the toneless orthographic pinyin, words joined by ``-`` (docs/data-format.md),
  with ``-2``, ``-3`` … when another term already has it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from ..errors import InputError
from ..terms import CATEGORIES, STATUSES, Term
from ..tones import strip_tones

if TYPE_CHECKING:
    from ..pinyin import PinyinWriter


def make_id(pinyin: str, fallback: str = "term") -> str:
    """``liǎng gè wéihù`` → ``liang-ge-weihu``; ``Xī'ān`` → ``xian``."""
    plain = strip_tones(pinyin).lower().replace("ü", "v").replace("'", "").replace("’", "")
    words = re.findall(r"[a-z0-9]+", plain)
    return "-".join(words) or fallback


def unique_id(base: str, taken: Callable[[str], bool]) -> str:
    if not taken(base):
        return base
    n = 2
    while taken(f"{base}-{n}"):
        n += 1
    return f"{base}-{n}"


class Completer:
    """Derives missing fields; heavy tools (OpenCC, pypinyin, jieba) load only when a field is missing."""

    def __init__(self, known: Iterable[Term], default_category: str = "") -> None:
        self._known = tuple(known)
        self._writer: PinyinWriter | None = None
        self.default_category = default_category

    def _pinyin(self) -> PinyinWriter:
        if self._writer is None:
            from ..pinyin import PinyinWriter
            from ..store import Glossary

            self._writer = PinyinWriter(Glossary(self._known))
        return self._writer

    def complete(self, t: Term) -> Term:
        from ..script import to_simplified, to_traditional

        where = t.origin or t.zh_hans or t.zh_hant
        hans, hant = t.zh_hans.strip(), t.zh_hant.strip()
        if not hans and not hant:
            raise InputError(f"{where}: a term without Chinese")
        if not t.en.strip():
            raise InputError(f"{where}: {hans or hant} has no English rendering")
        if not hans:
            hans = to_simplified(hant, self._known)
        if not hant:
            hant = to_traditional(hans, self._known)
        pinyin_num = t.pinyin_num or self._pinyin().numbered(hans)
        pinyin = t.pinyin or self._pinyin().orthographic(hans)
        status = t.status or "unverified"
        if status not in STATUSES:
            raise InputError(f"{where}: status {status!r} is not one of {', '.join(STATUSES)}")
        category = t.category or self.default_category
        if category and category not in CATEGORIES:
            raise InputError(f"{where}: category {category!r} is not one of {', '.join(CATEGORIES)}")
        return replace(
            t, zh_hans=hans, zh_hant=hant, pinyin=pinyin, pinyin_num=pinyin_num, status=status, category=category,
            id=t.id.strip() or make_id(pinyin),
        )
