"""TBX exports: TBX v3 (ISO 30042:2019, TBX-Basic dialect, DCA style) and TBX v2 (``martif``).

One concept entry per term. Chinese forms and the standard English are preferred terms, the
accepted alternatives admitted terms, the renderings to avoid (machine translations, literal
forms) deprecated terms, so a CAT tool's QA flags them. Fields TBX-Basic has no data category
for (pinyin, our status, year, notes) travel as ``<note>key: value</note>``; the TBX reader in
:mod:`glossary.imports.tbx` reads them back, so an export re-imports as the same entries.

v3 is the current standard; v2 is kept because many CAT tools (and translate-toolkit) still
read only ``martif``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..terms import Term
from . import ExportOptions
from .common import LANG_EN, LANG_HANS, LANG_HANT, one_line

#: Namespace of the current LTAC TBX-Basic schemas. Some tools write ``urn:iso:std:iso:30042:ed-2``
#: instead; pass it as ``ExportOptions(tbx_namespace=...)`` when a tool insists.
TBX3_NAMESPACE = "urn:iso:std:iso:30042:ed:3.0"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

PREFERRED = "preferredTerm-admn-sts"
ADMITTED = "admittedTerm-admn-sts"
DEPRECATED = "deprecatedTerm-admn-sts"
SUPERSEDED = "supersededTerm-admn-sts"

_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9._-]*$")


def entry_id(term_id: str) -> str:
    """An XML id for a term id: ids must not start with a digit, so ``20-da`` becomes ``t-20-da``."""
    if _NCNAME.match(term_id):
        return term_id
    return "t-" + re.sub(r"[^A-Za-z0-9._-]", "_", term_id)


def term_id(xml_id: str) -> str:
    """Inverse of :func:`entry_id` (pinyin has no syllable ``t``, so the prefix is unambiguous)."""
    if xml_id.startswith("t-") and xml_id[2:3].isdigit():
        return xml_id[2:]
    return xml_id


class _Names:
    """Element names of one TBX generation."""

    def __init__(self, v3: bool, ns: str) -> None:
        self.v3 = v3
        self.q = (lambda n: f"{{{ns}}}{n}") if ns else (lambda n: n)
        self.entry = "conceptEntry" if v3 else "termEntry"
        self.lang = "langSec" if v3 else "langSet"
        self.term_sec = "termSec" if v3 else "tig"


def write_tbx3(terms: Sequence[Term], options: ExportOptions) -> bytes:
    return _write(terms, options, v3=True)


def write_tbx2(terms: Sequence[Term], options: ExportOptions) -> bytes:
    return _write(terms, options, v3=False)


def _write(terms: Sequence[Term], options: ExportOptions, v3: bool) -> bytes:
    from lxml import etree

    ns = options.tbx_namespace if v3 else ""
    n = _Names(v3, ns)
    E = lambda tag, **attrs: etree.Element(n.q(tag), **attrs)  # noqa: E731

    def sub(parent, tag: str, text: str | None = None, **attrs):
        el = etree.SubElement(parent, n.q(tag), **attrs)
        if text is not None:
            el.text = _XML_BAD.sub("", text)
        return el

    if v3:
        root = etree.Element(n.q("tbx"), nsmap={None: ns}, type="TBX-Basic", style="dca")
        root.set(XML_LANG, "en")
        header = sub(root, "tbxHeader")
    else:
        root = E("martif", type="TBX-Basic")
        root.set(XML_LANG, "en")
        header = sub(root, "martifHeader")
    file_desc = sub(header, "fileDesc")
    sub(sub(file_desc, "titleStmt"), "title", "Chinese political terms (tifa): Chinese–English glossary")
    sub(
        sub(file_desc, "sourceDesc"),
        "p",
        f"Exported by the glossary tool; {len(terms)} entries; Chinese script: {options.script}. "
        "Notes of the form 'key: value' carry pinyin, status and year.",
    )
    if not v3:
        sub(sub(header, "encodingDesc"), "p", "TBXBasicXCSV02.xcs", type="XCSURI")
    body = sub(sub(root, "text"), "body")
    present = {t.id: t.en for t in terms}
    for t in terms:
        _entry(body, t, options, n, sub, present)
    data = etree.tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True)
    if not v3:
        decl, rest = data.split(b"\n", 1)
        data = decl + b'\n<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">\n' + rest
    return data


def _entry(body, t: Term, options: ExportOptions, n: _Names, sub, present: dict[str, str]) -> None:
    entry = sub(body, n.entry, id=entry_id(t.id))
    if t.category:
        sub(entry, "descrip", t.category, type="subjectField")
    sub(entry, "note", f"status: {t.status}")
    if t.year is not None:
        sub(entry, "note", f"year: {t.year}")
    if t.note:
        sub(entry, "note", f"note: {one_line(t.note)}")
    for rid in t.related:
        if rid in present:
            sub(entry, "ref", present[rid] or rid, type="crossReference", target=entry_id(rid))
        else:  # a cross-reference must point inside the file; keep the id as a note instead
            sub(entry, "note", f"related: {rid}")
    # the simplified section first, then the English, then the traditional: tools that read the
    # first two languages of an entry as source and target (translate-toolkit) pair zh-Hans with en
    if options.script in ("simplified", "both"):
        _zh_section(entry, t, "zh_hans", LANG_HANS, n, sub)
    en = sub(entry, n.lang)
    en.set(XML_LANG, LANG_EN)
    if t.definition:
        grp = sub(en, "descripGrp")
        sub(grp, "descrip", one_line(t.definition), type="definition")
    ts = _term_sec(en, n, sub, t.en, PREFERRED)
    for s in t.source:
        sub(ts, "admin", s, type="source")
    for alt in t.en_alt:
        _term_sec(en, n, sub, alt, ADMITTED)
    for bad in t.en_nonstandard:
        _term_sec(en, n, sub, bad, DEPRECATED)
    for dated in t.en_history:  # earlier official forms, with their years in the term
        _term_sec(en, n, sub, dated, SUPERSEDED)
    if options.script in ("traditional", "both"):
        _zh_section(entry, t, "zh_hant", LANG_HANT, n, sub)


def _zh_section(entry, t: Term, field: str, lang: str, n: _Names, sub) -> None:
    form = getattr(t, field)
    if not form:
        return
    lang_el = sub(entry, n.lang)
    lang_el.set(XML_LANG, lang)
    ts = _term_sec(lang_el, n, sub, form, PREFERRED)
    if t.pinyin:
        sub(ts, "note", f"pinyin: {t.pinyin}")
    if t.pinyin_num:
        sub(ts, "note", f"pinyin_num: {t.pinyin_num}")
    if t.pinyin_note:
        sub(ts, "note", f"pinyin_note: {one_line(t.pinyin_note)}")
    if field == "zh_hans":  # short forms and variants: admitted terms of the same concept
        for alias in t.zh_alias:
            _term_sec(lang_el, n, sub, alias, ADMITTED)


def _term_sec(lang_el, n: _Names, sub, text: str, status: str):
    ts = sub(lang_el, n.term_sec)
    sub(ts, "term", text)
    sub(ts, "termNote", status, type="administrativeStatus")
    return ts
