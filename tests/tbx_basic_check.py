"""A structural check of TBX-Basic files (v3 DCA, and v2 martif), for the export tests.

It encodes the constraints of the LTAC TBX-Basic schemas that our exporter could get wrong
(the TBX-Basic 2019 specification and its RNG/Schematron schemas): root attributes, header, body, ids, language
sections, one term per term section, where termNote and subjectField may appear, the allowed
administrative statuses, and element order inside entries. Not a full RNG/Schematron
validation, but every rule here is one of theirs. Returns a list of problems (empty = passes).
"""

from __future__ import annotations

from lxml import etree

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NAMESPACES = ("urn:iso:std:iso:30042:ed:3.0", "urn:iso:std:iso:30042:ed-2")
ADMIN_STATUS = {"preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts", "supersededTerm-admn-sts"}
AUX = {"descrip", "descripGrp", "admin", "adminGrp", "transacGrp", "note", "ref", "xref"}


def _local(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def tbx_basic_problems(data: bytes, version: int = 3) -> list[str]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    root = etree.fromstring(data, parser)
    v3 = version == 3
    names = ("conceptEntry", "langSec", "termSec") if v3 else ("termEntry", "langSet", "tig")
    entry_name, lang_name, term_name = names
    problems: list[str] = []
    expected_root = "tbx" if v3 else "martif"
    if _local(root) != expected_root:
        problems.append(f"root is <{_local(root)}>, expected <{expected_root}>")
    if v3:
        ns = etree.QName(root).namespace
        if ns not in NAMESPACES:
            problems.append(f"root namespace {ns!r} is not a TBX v3 namespace")
        if root.get("style") != "dca":
            problems.append("root lacks style='dca'")
    elif etree.QName(root).namespace:
        problems.append("martif must not be in a namespace")
    if root.get("type") != "TBX-Basic":
        problems.append("root lacks type='TBX-Basic'")
    if not root.get(XML_LANG):
        problems.append("root lacks xml:lang")
    header = [c for c in root if _local(c) == ("tbxHeader" if v3 else "martifHeader")]
    if not header or not [fd for fd in header[0] if _local(fd) == "fileDesc" and any(_local(s) == "sourceDesc" for s in fd)]:
        problems.append("no header/fileDesc/sourceDesc")
    text = [c for c in root if _local(c) == "text"]
    if not text or not any(_local(b) == "body" for b in text[0]):
        problems.append("no text/body")
    entries = [el for el in root.iter() if _local(el) == entry_name]
    ids = [e.get("id") for e in entries]
    for e in entries:
        if not e.get("id"):
            problems.append(f"{entry_name} without id")
    if len(set(ids)) != len(ids):
        problems.append("duplicate entry ids")
    known = set(ids)
    for el in root.iter():
        name = _local(el)
        parent = el.getparent()
        pname = _local(parent) if parent is not None else ""
        if name == "termNote" and pname not in (term_name, "termNoteGrp", "termGrp"):
            problems.append(f"termNote inside <{pname}>")
        if name == "termNote" and el.get("type") == "administrativeStatus" and (el.text or "").strip() not in ADMIN_STATUS:
            problems.append(f"administrativeStatus {el.text!r} not allowed")
        if name == "descrip" and el.get("type") == "subjectField" and pname != entry_name:
            problems.append(f"subjectField inside <{pname}>")
        if name == "ref" and el.get("type") == "crossReference" and el.get("target") not in known:
            problems.append(f"crossReference to unknown id {el.get('target')!r}")
    for e in entries:
        problems += _order(e, lang_name, f"{entry_name} {e.get('id')}")
        langs = [c for c in e if _local(c) == lang_name]
        if not langs:
            problems.append(f"{e.get('id')}: no {lang_name}")
        for ls in langs:
            if not ls.get(XML_LANG):
                problems.append(f"{e.get('id')}: {lang_name} without xml:lang")
            problems += _order(ls, term_name, f"{e.get('id')} {lang_name}")
            secs = [c for c in ls if _local(c) == term_name]
            if not secs:
                problems.append(f"{e.get('id')}: {lang_name} without {term_name}")
            for ts in secs:
                kids = [_local(c) for c in ts]
                if kids.count("term") != 1 or not kids or kids[0] != "term":
                    problems.append(f"{e.get('id')}: {term_name} must start with exactly one term")
                seen_aux = False
                for k in kids[1:]:
                    if k in AUX:
                        seen_aux = True
                    elif k == "termNote" and seen_aux:
                        problems.append(f"{e.get('id')}: termNote after auxiliary data")
                    elif k not in AUX and k not in ("termNote", "termNoteGrp"):
                        problems.append(f"{e.get('id')}: unexpected <{k}> in {term_name}")
                term = [c for c in ts if _local(c) == "term"]
                if term and not "".join(term[0].itertext()).strip():
                    problems.append(f"{e.get('id')}: empty term")
    return problems


def _order(parent, child_name: str, where: str) -> list[str]:
    """Auxiliary data must come before the child sections (langSec/termSec) of *parent*."""
    seen_child = False
    for c in parent:
        n = _local(c)
        if n == child_name:
            seen_child = True
        elif n in AUX and seen_child:
            return [f"{where}: <{n}> after <{child_name}>"]
        elif n not in AUX and n != child_name:
            return [f"{where}: unexpected <{n}>"]
    return []
