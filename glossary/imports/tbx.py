"""Read TBX term bases: v3 (``tbx``/``conceptEntry``, any namespace) and v2 (``martif``/``termEntry``).

Chinese and English language sections become one draft term each entry (fields the file lacks
stay empty for :mod:`glossary.imports.complete` to fill). Administrative status decides the
English role: preferred → ``en``, admitted → ``en_alt``, deprecated/superseded → ``en_nonstandard``;
without statuses the first English term is the standard one. Notes written as ``key: value`` by
our exporter (pinyin, status, year …) go back to their fields.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..exports.tbx import term_id
from ..io.xmlsafe import parse_xml
from ..terms import DATED, Term

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SIMPLIFIED_TAGS = ("zh-hans", "zh-cn", "zh-sg", "zh-my", "zh")
TRADITIONAL_TAGS = ("zh-hant", "zh-tw", "zh-hk", "zh-mo")
NOTE_KEYS = ("status", "year", "note", "related", "pinyin", "pinyin_num", "pinyin_note", "category")


def _local(el) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(el, *names: str):
    return [c for c in el if _local(c) in names]


def _text(el) -> str:
    return " ".join("".join(el.itertext()).split())


def script_of(lang: str) -> str | None:
    """'simplified', 'traditional', 'en' or None for a language tag."""
    tag = lang.lower().replace("_", "-")
    if tag == "en" or tag.startswith("en-"):
        return "en"
    if any(tag == t or tag.startswith(t + "-") for t in TRADITIONAL_TAGS):
        return "traditional"
    if any(tag == t or tag.startswith(t + "-") for t in SIMPLIFIED_TAGS):
        return "simplified"
    return None


def read_tbx(path: Path) -> list[Term]:
    from ..io.textfile import read_bytes

    return parse_tbx(read_bytes(path), name=str(path))


def parse_tbx(data: bytes, name: str = "input") -> list[Term]:
    root = parse_xml(data, name)
    if _local(root) not in ("tbx", "martif"):
        raise InputError(f"{name}: not a TBX file (root element <{_local(root)}>, expected <tbx> or <martif>)")
    entries = [el for el in root.iter() if _local(el) in ("conceptEntry", "termEntry")]
    out = []
    for number, entry in enumerate(entries, start=1):
        term = _entry(entry, name, number)
        if term is not None:
            out.append(term)
    return out


def _entry(entry, name: str, number: int) -> Term | None:
    f: dict[str, object] = {"id": term_id(entry.get("id", "")), "origin": f"{name}#{number}"}
    notes: list[str] = []
    related: list[str] = []
    sources: list[str] = []
    en_terms: list[tuple[str, str]] = []  # (term, status)
    zh_terms: list[tuple[str, str]] = []  # simplified (term, status): the preferred one, then aliases
    definition = ""

    def aux(el) -> None:
        nonlocal definition
        for c in el:
            kind, typ = _local(c), c.get("type", "")
            if kind == "descrip" and typ == "subjectField":
                f.setdefault("category", _text(c))
            elif kind == "descrip" and typ == "definition":
                definition = definition or _text(c)
            elif kind == "descripGrp":
                aux(c)
            elif kind == "admin" and typ == "source":
                sources.append(_text(c))
            elif kind == "ref" and typ == "crossReference" and c.get("target"):
                related.append(term_id(c.get("target")))
            elif kind == "note":
                _note(_text(c), f, notes, related)

    aux(entry)
    for lang_el in _children(entry, "langSec", "langSet"):
        script = script_of(lang_el.get(XML_LANG, "") or lang_el.get("lang", ""))
        aux(lang_el)
        for ts in _children(lang_el, "termSec", "tig", "ntig"):
            holder = (_children(ts, "termGrp") or [ts])[0]
            terms = _children(holder, "term")
            if not terms:
                continue
            text = _text(terms[0])
            status = ""
            for tn in _children(holder, "termNote"):
                if tn.get("type") == "administrativeStatus":
                    status = _text(tn)
            aux(ts)
            if holder is not ts:
                aux(holder)
            if script == "en":
                en_terms.append((text, status))
            elif script == "simplified":
                zh_terms.append((text, status))
            elif script == "traditional":
                f.setdefault("zh_hant", text)
    if zh_terms:
        zh_preferred = next((t for t, s in zh_terms if s.startswith("preferred")), zh_terms[0][0])
        f["zh_hans"] = zh_preferred
        f["zh_alias"] = tuple(dict.fromkeys(t for t, _ in zh_terms if t != zh_preferred))
    if not (f.get("zh_hans") or f.get("zh_hant")) or not en_terms:
        return None
    preferred = [t for t, s in en_terms if s.startswith("preferred")]
    en = preferred[0] if preferred else next((t for t, s in en_terms if not s.startswith(("deprecated", "superseded"))), "")
    alt = [t for t, s in en_terms if t != en and not s.startswith(("deprecated", "superseded"))]
    dated = [t for t, s in en_terms if t != en and s.startswith("superseded") and DATED.match(t)]
    bad = [t for t, s in en_terms if t != en and s.startswith(("deprecated", "superseded")) and t not in dated]
    if not en:
        return None
    year = str(f.pop("year", "") or "")
    try:
        year_value = int(year) if year else None
    except ValueError:
        year_value = None
    return Term(
        id=str(f.get("id", "")),
        zh_hans=str(f.get("zh_hans", "")),
        zh_hant=str(f.get("zh_hant", "")),
        pinyin=str(f.get("pinyin", "")),
        pinyin_num=str(f.get("pinyin_num", "")),
        en=en,
        en_alt=tuple(alt),
        en_nonstandard=tuple(bad),
        en_history=tuple(dated),
        zh_alias=tuple(f.get("zh_alias", ())),  # type: ignore[arg-type]
        category=str(f.get("category", "")),
        definition=definition,
        year=year_value,
        source=tuple(dict.fromkeys(sources)),
        status=str(f.get("status", "")) or "unverified",
        related=tuple(dict.fromkeys(related)),
        pinyin_note=str(f.get("pinyin_note", "")),
        note=str(f.get("note", "")) or " ".join(notes),
        origin=str(f["origin"]),
    )


def _note(text: str, f: dict[str, object], notes: list[str], related: list[str]) -> None:
    key, sep, value = text.partition(": ")
    if sep and key in NOTE_KEYS:
        if key == "related":
            related.append(value.strip())
        else:
            f.setdefault(key, value.strip())
    elif text:
        notes.append(text)
