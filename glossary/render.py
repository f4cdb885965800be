"""Human-readable cards for terms (the ``lookup`` output)."""

from __future__ import annotations

import textwrap

from .index import Match


def _style(text: str, color: bool, **kw) -> str:
    if not color:
        return text
    import click

    return click.style(text, **kw)


_FIELD_NAMES = {
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


def card(match: Match, script: str = "both", color: bool = False, width: int = 88) -> str:
    t = match.term
    if script == "simplified":
        head = t.zh_hans
    elif script == "traditional":
        head = t.zh_hant
    else:
        head = t.zh_hans if t.zh_hant == t.zh_hans else f"{t.zh_hans}  {t.zh_hant}"
    lines = [
        _style(head, color, bold=True) + "   " + t.pinyin + f"   ({t.pinyin_num})",
        _style(t.en, color, fg="green", bold=True),
    ]
    if t.zh_alias:
        lines.append("  also written: " + "、".join(t.zh_alias))
    if t.en_alt:
        lines.append("  also: " + "; ".join(t.en_alt))
    if t.en_nonstandard:
        lines.append("  flag: " + "; ".join(t.en_nonstandard))
    if t.en_history:
        lines.append("  earlier: " + "; ".join(t.en_history))
    meta = [t.category]
    if t.year:
        meta.append(f"since {t.year}")
    meta.append(f"status: {t.status}")
    meta.append(f"id: {t.id}")
    lines.append("  " + " · ".join(meta))
    wrap = textwrap.TextWrapper(width=width, initial_indent="  ", subsequent_indent="    ")
    if t.definition:
        lines += wrap.wrap(t.definition)
    if t.source:
        lines += wrap.wrap("source: " + "; ".join(t.source))
    if t.note:
        lines += wrap.wrap("note: " + t.note)
    if t.pinyin_note:
        lines += wrap.wrap("pinyin: " + t.pinyin_note)
    if t.related:
        lines.append("  related: " + ", ".join(t.related))
    how = f"matched {_FIELD_NAMES.get(match.field, match.field)}: {match.form}"
    if match.nonstandard:
        how += f'  →  use "{t.en}"'
        lines.append(_style("  " + how, color, fg="yellow"))
    else:
        lines.append("  " + how)
    return "\n".join(lines)
