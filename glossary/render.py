"""Human-readable cards for terms (the ``lookup`` output)."""

from __future__ import annotations

from .index import Match
from .layout import wrap


def _style(text: str, color: bool, **kw) -> str:
    if not color:
        return text
    import click

    return click.style(text, **kw)


_FIELD_NAMES = {
    "literal": "probably, as a literal rendering of",
    "zh_hans": "simplified Chinese",
    "zh_hant": "traditional Chinese",
    "zh_alias": "Chinese short form or variant",
    "pinyin": "pinyin",
    "en": "standard English",
    "en_alt": "accepted alternative",
    "en_nonstandard": "NON-STANDARD rendering",
    "en_history": "EARLIER official rendering",
    "id": "id",
}


def card(match: Match, script: str = "both", color: bool = False, width: int = 80) -> str:
    """One entry as a card for the terminal, every line wrapped to *width* columns."""
    t = match.term
    if script == "simplified":
        head = t.zh_hans
    elif script == "traditional":
        head = t.zh_hant
    else:
        head = t.zh_hans if t.zh_hant == t.zh_hans else f"{t.zh_hans}  {t.zh_hant}"

    def para(text: str) -> list[str]:
        return wrap(text, width, "    ", first="  ")

    lines = wrap(f"{head}   {t.pinyin}   ({t.pinyin_num})", width, "  ", first="")
    lines[0] = lines[0].replace(head, _style(head, color, bold=True), 1)
    lines += [_style(x, color, fg="green", bold=True) for x in wrap(t.en, width, "  ", first="")]
    if t.zh_alias:
        lines += para("also written: " + "、 ".join(t.zh_alias))
    if t.en_alt:
        lines += para("also: " + "; ".join(t.en_alt))
    if t.en_nonstandard:
        lines += para("flag: " + "; ".join(t.en_nonstandard))
    if t.en_history:
        lines += para("earlier: " + "; ".join(t.en_history))
    meta = [t.category]
    if t.year:
        meta.append(f"since {t.year}")
    meta.append(f"status: {t.status}")
    meta.append(f"id: {t.id}")
    lines += para(" · ".join(meta))
    if t.definition:
        lines += para(t.definition)
    if t.source:
        lines += para("source: " + "; ".join(t.source))
    if t.note:
        lines += para("note: " + t.note)
    if t.pinyin_note:
        lines += para("pinyin: " + t.pinyin_note)
    if t.related:
        lines += para("related: " + ", ".join(t.related))
    how = f"matched {_FIELD_NAMES.get(match.field, match.field)}: {match.form}"
    if match.nonstandard or match.field == "literal":
        how += f'  →  use "{t.en}"'
        lines += [_style(x, color, fg="yellow") for x in para(how)]
    else:
        lines += para(how)
    return "\n".join(lines)
