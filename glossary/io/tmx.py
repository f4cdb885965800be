"""Read a translation memory (TMX) as aligned Chinese–English segments.

A translator's past translations live in a CAT tool's translation memory, and TMX is the format
every CAT tool exports it in. Each translation unit (``<tu>``) holds one variant per language
(``<tuv xml:lang="zh-CN">``); its ``<seg>`` is the text. Inline markup is kept or dropped by what
it is: ``<hi>`` and ``<sub>`` wrap real text, while ``<bpt>``, ``<ept>``, ``<ph>``, ``<it>`` and
``<ut>`` carry the formatting codes of the original file (``{1}``, ``<b>``), which are no words of
either language.

Languages are matched by their primary subtag, case-insensitively (``zh``, ``zh-CN``, ``ZH-HANS``,
``zh_TW`` are all Chinese); the older TMX 1.1 ``lang`` attribute counts too. Units lacking either
side are skipped and counted. The XML is parsed by :func:`glossary.io.xmlsafe.parse_xml`: no DTD,
no network, no entities.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from .segment import Segment

#: Inline elements whose content is native formatting code, not text.
_CODES = frozenset(("bpt", "ept", "ph", "it", "ut"))
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def is_tmx(path: str | Path) -> bool:
    """Whether *path* names a TMX file by its extension."""
    return Path(str(path)).suffix.lower() == ".tmx"


def read_tmx(path: str | Path, *, source_lang: str = "zh", target_lang: str = "en") -> list[Segment]:
    """The translation units of a TMX file that have both a *source_lang* and a *target_lang*
    variant, as :class:`~glossary.io.parallel.Segment` (line = the line the ``<tu>`` starts on,
    ``id`` = its ``tuid``). Raises :class:`~glossary.errors.InputError` in one line when the file
    cannot be read, is not TMX, or has no unit with both languages."""
    from .textfile import read_bytes
    from .xmlsafe import parse_xml

    name = str(path)
    data = read_bytes(name)
    if not data.strip():
        raise InputError(f"{name}: empty file")
    root = parse_xml(data, name)
    if _local(root.tag) != "tmx":
        raise InputError(f"{name}: not a TMX file (its root element is <{_local(root.tag)}>, not <tmx>)")
    segments: list[Segment] = []
    units = skipped = 0
    for tu in root.iter("{*}tu", "tu"):
        units += 1
        zh = en = None
        for tuv in tu:
            if _local(tuv.tag) != "tuv":
                continue
            lang = _primary(tuv.get(_XML_LANG) or tuv.get("lang") or "")
            seg = next((c for c in tuv if _local(c.tag) == "seg"), None)
            if seg is None:
                continue
            text = " ".join(_text(seg).split())
            if lang == source_lang and zh is None and text:
                zh = text
            elif lang == target_lang and en is None and text:
                en = text
        if zh is None or en is None:
            skipped += 1
            continue
        line = tu.sourceline or 0
        segments.append(Segment(len(segments) + 1, zh, en, line, line, tu.get("tuid") or ""))
    if not segments:
        what = f"{units} translation unit(s)" if units else "no translation units"
        raise InputError(f"{name}: {what}, none with both a {source_lang} and an {target_lang} segment")
    return segments


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _primary(lang: str) -> str:
    return lang.replace("_", "-").split("-", 1)[0].strip().lower()


def _text(element) -> str:
    """The words of a ``<seg>``: its text and that of ``<hi>``/``<sub>``, without native codes."""
    parts = [element.text or ""]
    for child in element:
        if _local(child.tag) not in _CODES:
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


__all__ = ["is_tmx", "read_tmx"]
