"""Citations in the ``source`` column: their form, and checking them against the documents.

A citation reads ``Publisher: Title (YYYY)``, then a locator: ``, ¶12, ¶40`` (units of the
document as its bilingual release numbers them), ``, term list``, ``, 10.22`` (a day of a daily
list) or ``, https://…``. Documents the project has read in full are listed in :data:`DOCUMENTS`
with the files that hold them in a corpus folder (the shared test corpora, which the package does
not ship). :func:`check_sources` then reports every citation whose document, or whose cited
units, contain neither the term's Chinese nor its English: the check behind
``glossary validate --sources DIR``.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .forms import en_words, zh_key

if TYPE_CHECKING:
    from .terms import Term

_CITATION = re.compile(r"^(?P<doc>.*?\((?P<year>\d{4})\))(?:\s*,\s*(?P<loc>.+))?$")
_UNIT = re.compile(r"¶\s*([\w.-]+)")
_URL = re.compile(r"https?://\S+")
#: Locators other than units and addresses: a list's name for itself, a day of a daily list.
_LOCATOR = re.compile(r"^(term list|list|\d{1,2}\.\d{1,2}|(art|arts|article|section|part)\.? .+)$", re.IGNORECASE)
_DAY = re.compile(r"^\d{1,2}\.\d{1,2}$")


@dataclass(frozen=True, slots=True)
class Citation:
    """One item of a ``source`` cell, split into the document and where in it."""

    text: str
    document: str
    year: int | None
    units: tuple[str, ...] = ()
    url: str = ""
    locator: str = ""

    @property
    def located(self) -> bool:
        """Whether the citation says where in the document: units, a URL or another locator."""
        return bool(self.units or self.url or self.locator)


def parse_citation(text: str) -> Citation:
    """Split ``Publisher: Title (YYYY), ¶3, ¶5`` into its parts (a citation without a year is
    kept whole as its document)."""
    text = text.strip()
    m = _CITATION.match(text)
    if m is None:  # no year: a published list cited as "…, term list", or a bare name
        units = tuple(_UNIT.findall(text))
        text_wo = _UNIT.sub("", text).strip(" ,")
        head, sep, tail = text_wo.rpartition(", ")
        if units:
            return Citation(text, head if sep else text_wo, None, units, locator=tail if sep and _LOCATOR.match(tail) else "")
        if sep and (_LOCATOR.match(tail) or _URL.match(tail)):
            return Citation(text, head, None, url=tail if _URL.match(tail) else "", locator="" if _URL.match(tail) else tail)
        url = _URL.search(text)
        return Citation(text, text, None, url=url.group() if url else "")
    loc = m.group("loc") or ""
    url = _URL.search(loc)
    units = tuple(_UNIT.findall(loc))
    rest = _URL.sub("", _UNIT.sub("", loc)).strip(" ,;")
    if _DAY.match(rest):  # a day of a daily list is a unit of it
        units, rest = (*units, rest), ""
    return Citation(text, m.group("doc").strip(), int(m.group("year")), units, url.group() if url else "", rest)


@dataclass(frozen=True, slots=True)
class Document:
    """A cited document the project holds: the corpus files with its text, relative to the
    corpus folder; ``parallel`` files are TSVs with ``zh`` and ``en`` columns (and ``id``)."""

    name: str
    files: tuple[str, ...]
    parallel: bool


Files = tuple[tuple[str, ...], bool]


def _gwr(year: str) -> Files:
    if 2016 <= int(year) <= 2022:
        return (f"chinadaily_bilingual_gwr_speeches_zh_en/gov_work_report_{year}_zh_en.tsv",), True
    return (f"gov_work_reports_zh/{year}.txt",), False


#: Canonical document names (regular expressions over the part before the locator) and the
#: corpus files that hold them. The year in the name picks the file where there is one a year.
DOCUMENTS: tuple[tuple[re.Pattern[str], Callable[[str], Files]], ...] = (
    (re.compile(r"^State Council: Government Work Report(?: \(long form\))? \((\d{4})\)$"), _gwr),
    (re.compile(r"^NPC: Constitution of the PRC, English edition \(2018\)$"),
     lambda _: (("prc_constitution_zh_en/prc_constitution_2018_zh_en.tsv",), True)),
    (re.compile(r"^CPC: Constitution of the CPC, English edition \(2017\)$"),
     lambda _: (("cpc_constitution_2017_zh_en/cpc_constitution_2017_zh_en.tsv",), True)),
    (re.compile(r"^(?:Xinhua|Xinhua/China Daily|China Daily): Xi Jinping(?:'s)? New Year Address(?:, bilingual text)? \((\d{4})\)$"),
     lambda y: ((f"chinadaily_bilingual_gwr_speeches_zh_en/xi_new_year_address_{y}_zh_en.tsv",), True)),
    (re.compile(r"^SCIO: Report on Human Rights Violations in the United States(?: in 2021)? \((?:2021|2022)\)$"),
     lambda _: (("chinadaily_bilingual_gwr_speeches_zh_en/scio_us_human_rights_report_2021_zh_en.tsv",), True)),
    (re.compile(r"^FLTRP: Understanding Contemporary China, Handbook of Core Terms"),
     lambda _: (("reference_terms/ucc_handbook_terms_part.tsv", "reference_terms/ucc_handbook_core_terms_part.tsv",
       "reference_terms/ucc_handbook_classical_quotations.tsv",), True)),
    (re.compile(r"^Xuexi Qiangguo: daily official English(?: term list)? \(2022\)$"),
     lambda _: (("xuexi_qiangguo_daily_zh_en/related_terms_zh_en.tsv", "xuexi_qiangguo_daily_zh_en/paragraph_pairs_zh_en.tsv",), True)),
    (re.compile(r"^China Daily: Foreign Ministry spokesperson phrases \(2021\)$"),
     lambda _: (("mfa_spokesperson_phrases_2021_zh_en/phrases.tsv", "mfa_spokesperson_phrases_2021_zh_en/sentences.tsv",), True)),
    (re.compile(r"^Interministerial list: 推荐使用外语词中文译名表"),
     lambda _: (("reference_terms/official_zh_names_for_foreign_terms.tsv",), True)),
    (re.compile(r"^Xinhua: Report to the (\d+)(?:st|nd|rd|th) CPC National Congress \(\d{4}\)$"),
     lambda n: ((f"cpc_congress_reports_zh/congress{int(n):02d}.txt",), False)),
)


def document_for(citation: Citation) -> Document | None:
    """The corpus document a citation names, or None for one the project does not hold."""
    for pattern, target in DOCUMENTS:
        m = pattern.match(citation.document)
        if m is None:
            continue
        files, parallel = target(m.group(1) if m.groups() else "")
        return Document(citation.document, files, parallel)
    return None


@dataclass(frozen=True, slots=True)
class Unit:
    """One unit of a cited document: its id (empty in a Chinese-only text) and both sides."""

    id: str
    zh: str
    en: str


@lru_cache(maxsize=64)
def read_units(path: Path, parallel: bool) -> tuple[Unit, ...]:
    """The units of one corpus file: TSV rows, or the lines of a Chinese text."""
    text = path.read_text(encoding="utf-8-sig")
    if not parallel:
        return tuple(Unit(str(n), line, "") for n, line in enumerate(text.splitlines(), start=1) if line.strip())
    rows = csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    return tuple(Unit((r.get("day") or r.get("id") or str(n)).strip(), r.get("zh") or "", r.get("en") or "")
                 for n, r in enumerate(rows, start=1))


def _stream(text: str) -> str:
    return " " + " ".join(k for k, _, _ in en_words(text)) + " "


@dataclass(frozen=True, slots=True)
class TermForms:
    """A term's Chinese and English as the source check compares them."""

    zh: tuple[str, ...]
    en: tuple[str, ...]

    @classmethod
    def of(cls, term: Term) -> TermForms:
        from .forms import without_brackets

        zh = tuple(dict.fromkeys(zh_key(z) for z in (term.zh_hans, term.zh_hant, *term.zh_alias) if z))
        english = [term.en, *term.en_alt, *(re.sub(r"\s*\([^)]*\d{4}[^)]*\)$", "", h) for h in term.en_history)]
        keys = {_stream(v).strip() for f in english for v in (f, without_brackets(f)) if v.strip()}
        return cls(zh, tuple(k for k in keys if k))

    def in_zh(self, text: str) -> bool:
        key = zh_key(text)
        return any(z and z in key for z in self.zh)

    def in_en(self, text: str) -> bool:
        stream = _stream(text)
        return any(f" {k} " in stream for k in self.en)


@dataclass(frozen=True, slots=True)
class SourceProblem:
    """A citation that its document does not bear out."""

    term_id: str
    origin: str
    citation: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: [{self.term_id}] {self.message}: {self.citation}"


def check_sources(terms: Iterable[Term], corpus: Path) -> list[SourceProblem]:
    """Every citation of a document held in *corpus* whose text (or whose cited units) contains
    neither the term's Chinese nor its English, and every cited unit the document lacks."""
    out: list[SourceProblem] = []
    for t in terms:
        forms = TermForms.of(t)
        for item in t.source:
            citation = parse_citation(item)
            doc = document_for(citation)
            if doc is None:
                continue
            paths = [corpus / f for f in doc.files]
            if not all(p.is_file() for p in paths):
                continue
            units = [u for p in paths for u in read_units(p, doc.parallel)]
            problem = _judge(citation, units, forms)
            if problem:
                out.append(SourceProblem(t.id, t.origin, item, problem))
    return out


def _judge(citation: Citation, units: Sequence[Unit], forms: TermForms) -> str:
    if citation.units:
        by_id: dict[str, list[Unit]] = {}
        for u in units:
            by_id.setdefault(u.id, []).append(u)
        missing = [u for u in citation.units if u not in by_id]
        if missing:
            return f"the document has no unit {', '.join('¶' + m for m in missing)}"
        cited = [u for unit_id in citation.units for u in by_id[unit_id]]
        if not any(forms.in_zh(u.zh) or forms.in_en(u.en) for u in cited):
            return "the cited units contain neither the Chinese nor the English"
        return ""
    if not any(forms.in_zh(u.zh) or forms.in_en(u.en) for u in units):
        return "the document contains neither the Chinese nor the English"
    return ""


def locate(term: Term, citation: Citation, corpus: Path, limit: int = 3) -> tuple[str, ...]:
    """Units of the cited document where the term's Chinese and English stand together (else
    where its English stands, else its Chinese): up to *limit* ids, for adding locators."""
    doc = document_for(citation)
    if doc is None:
        return ()
    paths = [corpus / f for f in doc.files]
    if not all(p.is_file() for p in paths):
        return ()
    forms = TermForms.of(term)
    units = [u for p in paths for u in read_units(p, doc.parallel)]
    both = [u.id for u in units if forms.in_zh(u.zh) and forms.in_en(u.en)]
    english = [u.id for u in units if forms.in_en(u.en)]
    chinese = [u.id for u in units if forms.in_zh(u.zh)]
    return tuple((both or english or chinese)[:limit])


__all__ = ["Citation", "DOCUMENTS", "Document", "SourceProblem", "check_sources", "document_for", "locate", "parse_citation"]
