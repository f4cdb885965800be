"""One pass over a batch of documents: glossary terms, rule formulations and n-gram tables.

A batch is the unit of work a worker process gets. Its result is small and mergeable: per phrase a
:class:`Tally` (count, documents, a few contexts), and per language an n-gram table. Batches are
merged in input order, so document counts stay exact even when one document spans two batches.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..forms import en_key, en_words, has_han, has_letter, is_han
from ..io.documents import Document
from ..matcher import Candidate, Hit, TermMatcher, Tokens
from ..terms import Term
from . import discover, rules
from .discover import ZH_BAD_END, ZH_BAD_START

if TYPE_CHECKING:
    from ..literal import Reading, Recogniser

CONTEXT_CHARS = {"zh": 14, "en": 40}
#: A new Chinese phrase is a fragment when one Han character beside it accompanies at least this
#: share of its occurrences (八大以来 is always 十八大以来, 三大攻坚 always 三大攻坚战); particles
#: and conjunctions belong to the sentence, not the phrase (主权和领土完整, 的必由之路) …
FRAGMENT_SHARE = 0.9
#: … and it was seen at least this often (two occurrences with the same neighbour prove little).
FRAGMENT_LEAST = 3
MAX_CONTEXTS = 3
#: Longest discovered phrase, in symbols (Han characters / English words).
MAX_LEN = {"zh": 20, "en": 8}


@dataclass
class Tally:
    """Occurrences of one phrase (as written, normalised) so far."""

    lang: str
    key: str
    count: int = 0
    docs: int = 0
    first_doc: int = -1
    last_doc: int = -1
    surfaces: dict[str, int] = field(default_factory=dict)
    contexts: list[str] = field(default_factory=list)
    methods: set[str] = field(default_factory=set)
    #: Han characters just left and right of the occurrences noted by :meth:`note_sides`
    #: (new Chinese phrases only), and how many occurrences were noted.
    left: dict[str, int] = field(default_factory=dict)
    right: dict[str, int] = field(default_factory=dict)
    sides: int = 0
    term_id: str = ""
    field: str = ""

    def wants_context(self) -> bool:
        return len(self.contexts) < MAX_CONTEXTS

    def add(self, doc: int, surface: str, context: str | None, method: str, term_id: str = "", fld: str = "") -> None:
        """Count one occurrence (``context`` may be None once three are kept: it is not built)."""
        self.count += 1
        if "\n" in surface or "\r" in surface or "  " in surface:  # a phrase across a line break is one line
            surface = " ".join(surface.split())
        if doc != self.last_doc:
            self.docs += 1
            if self.first_doc < 0:
                self.first_doc = doc
            self.last_doc = doc
        if len(self.surfaces) < 20 or surface in self.surfaces:
            self.surfaces[surface] = self.surfaces.get(surface, 0) + 1
        if context is not None and len(self.contexts) < MAX_CONTEXTS and context not in self.contexts:
            self.contexts.append(context)
        self.methods.add(method)
        if term_id and not self.term_id:
            self.term_id, self.field = term_id, fld

    def add_again(self, doc: int, surface: str) -> bool:
        """Count a glossary occurrence that changes nothing but the counts (the contexts full, a
        known spelling, the term and method noted): what :meth:`add` would do, in fewer steps,
        for the bulk of a corpus's hits, a term's first occurrence in a later document included
        (it counts that document, as :meth:`add` does). False, counting nothing, when :meth:`add`
        is needed."""
        if len(self.contexts) < MAX_CONTEXTS or surface not in self.surfaces \
                or not self.term_id or "glossary" not in self.methods:
            return False
        self.count += 1
        if doc != self.last_doc:  # first_doc is set: a tally with contexts has been added to
            self.docs += 1
            self.last_doc = doc
        self.surfaces[surface] += 1
        return True

    def note_sides(self, text: str, start: int, end: int) -> None:
        """Note the characters either side of one occurrence (for :meth:`is_fragment`)."""
        self.sides += 1
        if start > 0 and is_han(ch := text[start - 1]) and ch not in ZH_BAD_END:
            self.left[ch] = self.left.get(ch, 0) + 1
        if end < len(text) and is_han(ch := text[end]) and ch not in ZH_BAD_START:
            self.right[ch] = self.right.get(ch, 0) + 1

    def is_fragment(self) -> bool:
        """One character on the left or on the right accompanies nearly every occurrence: the
        phrase was cut at the wrong character (see :data:`FRAGMENT_SHARE`)."""
        if self.sides < FRAGMENT_LEAST:
            return False
        most = max(max(self.left.values(), default=0), max(self.right.values(), default=0))
        return most >= FRAGMENT_SHARE * self.sides

    def merge(self, other: Tally) -> None:
        """Add a later batch's tally (documents in order, so a shared document counts once)."""
        self.count += other.count
        self.docs += other.docs - (1 if other.first_doc == self.last_doc and other.first_doc >= 0 else 0)
        if self.first_doc < 0:
            self.first_doc = other.first_doc
        if other.last_doc >= 0:
            self.last_doc = other.last_doc
        for s, c in other.surfaces.items():
            if len(self.surfaces) < 20 or s in self.surfaces:
                self.surfaces[s] = self.surfaces.get(s, 0) + c
        for context in other.contexts:
            if len(self.contexts) < MAX_CONTEXTS and context not in self.contexts:
                self.contexts.append(context)
        self.methods |= other.methods
        if other.term_id and not self.term_id:
            self.term_id, self.field = other.term_id, other.field
        for mine, theirs in ((self.left, other.left), (self.right, other.right)):
            for ch, c in theirs.items():
                mine[ch] = mine.get(ch, 0) + c
        self.sides += other.sides


@dataclass
class BatchResult:
    """One batch's tallies, its n-gram tables (per language, polars frames of ``k`` and ``v``:
    :func:`.discover.ngram_frame`) and the symbols behind them."""

    tallies: dict[tuple[str, str], Tally]
    tables: dict[str, Any]
    symbols: dict[str, int]


#: Appended to the key of a glossary hit on a non-standard form: "Xi Jinping's Thought …" keys
#: like the standard "Xi Jinping Thought …" (possessives fold), yet must stay its own flagged row.
FLAGGED = "\x00nonstandard"


def phrase_key(lang: str, text: str) -> str:
    return _en_key(text) if lang == "en" else "".join(text.split())


#: English keys of hits, remembered: a long text repeats its terms' spellings, and keying one
#: (normalising and tokenising it) cost about 3 % of a long English run.
_en_key = lru_cache(maxsize=1 << 14)(en_key)


def context(text: str, start: int, end: int, lang: str) -> str:
    """Keyword in context: the phrase in [brackets] with a little text either side, one line."""
    w = CONTEXT_CHARS[lang]
    left = text[max(0, start - w) : start]
    right = text[end : end + w]
    if lang == "en":
        left = left.split(" ", 1)[-1] if start - w > 0 and " " in left else left
        right = right.rsplit(" ", 1)[0] if " " in right else right
    s = f"{'…' if start - w > 0 else ''}{left}[{text[start:end]}]{right}{'…' if end + w < len(text) else ''}"
    return " ".join(s.split())


#: The cyclic collector's first threshold while a batch is scanned (Python's default is 700).
GC_THRESHOLD = 50_000


@contextmanager
def fewer_collections(threshold: int = GC_THRESHOLD) -> Iterator[None]:
    """Run the cyclic garbage collector less often for a while (the old thresholds come back
    after). A batch makes millions of small objects (tokens, hits, n-gram keys) that nearly all
    live until it ends, and hardly a reference cycle; with the default threshold the collector
    went through them again and again: 14 % of the CPU time of 9 MB of English, two thirds of it
    in full collections. Cycles made meanwhile are still collected, only later."""
    import gc

    old = gc.get_threshold()
    gc.set_threshold(max(old[0], threshold), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


class BatchScanner:
    """Scans documents with one matcher (built once per process) and the formulation rules."""

    def __init__(self, terms: Sequence[Term], lang: str, discover_on: bool, symbols_per_count: int) -> None:
        self.matcher = TermMatcher(terms)
        self.lang = lang
        self.discover_on = discover_on
        self.symbols_per_count = symbols_per_count
        self._recogniser: Recogniser | None = None

    def floor(self, symbols: int) -> int:
        """Least count an n-gram needs in this batch to be kept: 2, or more in big batches (the
        final threshold for discovered phrases rises with input size the same way)."""
        return max(2, math.ceil(symbols / self.symbols_per_count))

    def scan(self, docs: Sequence[Document]) -> BatchResult:
        """Tallies of glossary and rule phrases, and n-gram tables, of one batch.

        The n-gram counts (polars, which releases the GIL) run in a helper thread while this
        thread matches terms and rules (at 179 MB of Chinese that overlap makes one process use
        1.07 cores on average; see docs/scaling.md). English is tokenised first, once per
        document, so its sentences are counted there too while the matcher and the recogniser
        reuse the tokens.
        """
        from concurrent.futures import ThreadPoolExecutor

        want_zh = self.lang in ("auto", "zh")
        want_en = self.lang in ("auto", "en")
        tables: dict[str, Any] = {}
        symbols = {"zh": 0, "en": 0}
        with fewer_collections(), ThreadPoolExecutor(max_workers=1) as pool:
            zh_count = None
            if self.discover_on and want_zh:
                joined = discover.SEP.join(p for p in (discover.zh_symbols(d.text) for d in docs) if p)
                symbols["zh"] = len(joined) - joined.count(discover.SEP)
                if joined:
                    zh_count = pool.submit(discover.ngram_frame, joined, MAX_LEN["zh"] + 1, self.floor(symbols["zh"]))
            # one tokenisation per document: discovery's sentences, the matcher and the recogniser
            en_tokens = [en_words(d.text) if want_en and d.text else None for d in docs]
            en_count = None
            if self.discover_on and want_en:
                codes, vocab, symbols["en"] = discover.en_codes(
                    s for d, tokens in zip(docs, en_tokens, strict=True) if d.text
                    for s in discover.en_sentences(d.text, tokens))
                if symbols["en"]:
                    en_count = pool.submit(discover.en_ngram_frame, codes, vocab, MAX_LEN["en"] + 1,
                                           self.floor(symbols["en"]))
                del codes
            tallies = self._scan_docs(docs, want_en, en_tokens)
            if zh_count is not None:
                tables["zh"] = zh_count.result()
            if en_count is not None:
                tables["en"] = en_count.result()
        return BatchResult(tallies, tables, symbols)

    def _scan_docs(self, docs: Sequence[Document], want_en: bool,
                   en_tokens: Sequence[Tokens | None]) -> dict[tuple[str, str], Tally]:
        """Tallies of glossary terms, rule formulations and machine renderings; *en_tokens*: each
        document's ``en_words`` (None when English is not looked for)."""
        tallies: dict[tuple[str, str], Tally] = {}
        # a glossary hit's tally by the hit's text and field: a corpus repeats its terms' few
        # spellings tens of thousands of times, and keying each (its language, its key, whether
        # it is flagged) cost more than the count itself
        by_form: dict[tuple[str, str], Tally] = {}
        for d, tokens in zip(docs, en_tokens, strict=True):
            text = d.text
            if not text:
                continue
            seen: set[tuple[int, int]] = set()
            curated: list[tuple[int, int, int]] = []  # the glossary hits, with their terms' positions
            hit_lang = searched_lang(self.lang, text)
            doc = d.doc
            # the matcher's spans, not a Hit per occurrence: the term is looked at only for a
            # spelling not met before and for the few occurrences add_again leaves to add
            for span in glossary_spans(self.matcher, text, hit_lang, tokens) if hit_lang else ():
                start, end, (ti, fld, _) = span
                surface = text[start:end]
                seen.add((start, end))
                curated.append((start, end, ti))
                t = by_form.get((surface, fld))
                if t is None:
                    h = self.matcher.hit(text, span)
                    lang = h.lang
                    key = phrase_key(lang, surface) + (FLAGGED if h.nonstandard else "")
                    t = tallies.get((lang, key)) or tallies.setdefault((lang, key), Tally(lang, key))
                    by_form[(surface, fld)] = t
                if t.add_again(doc, surface):
                    continue
                kwic = context(text, start, end, t.lang) if t.wants_context() else None
                t.add(doc, surface, kwic, "glossary", self.matcher.terms[ti].id, fld)
            if hit_lang in ("auto", "zh"):
                for s, e, phrase, method in rules.zh_rules(text):
                    self._rule(tallies, seen, d, text, s, e, phrase, method, "zh")
            if want_en:
                for r in self._literal(text, seen, curated, tokens) if has_letter(text) else ():  # no English word, no rendering
                    key = phrase_key("en", r.text) + FLAGGED
                    t = tallies.get(("en", key)) or tallies.setdefault(("en", key), Tally("en", key))
                    kwic = context(text, r.start, r.end, "en") if t.wants_context() else None
                    t.add(d.doc, r.text, kwic, "literal", r.term.id, "literal")
                for s, e, phrase, method in rules.en_rules(text):  # quoted phrases need no letter
                    self._rule(tallies, seen, d, text, s, e, phrase, method, "en")
        return tallies

    def _literal(self, text: str, seen: set[tuple[int, int]], curated: list[tuple[int, int, int]],
                 tokens: Tokens | None = None) -> list[Reading]:
        """Probable machine renderings of machine-prone terms (:mod:`glossary.literal`,
        :func:`glossary.scope.machine_prone`), the confident ones check reports on English alone,
        that go beyond the glossary hits they meet as check asks (:class:`~glossary.literal.CuratedSpans`:
        they may hold another term's form whole, never cut through one); their spans join *seen*.
        *curated*: the text's glossary hits as ``(start, end, term position)``; *tokens*: the text's
        ``en_words``, shared with the matcher. Only confident readings are looked for (the
        recogniser is quicker so, and a weak one is never listed), exactly as check looks on
        English alone."""
        if self._recogniser is None:
            from ..literal import recogniser
            from ..scope import machine_prone

            terms = self.matcher.terms
            self._recogniser = recogniser(tuple(t for t in terms if machine_prone(t)), tuple(terms))
        covered = [(s, e) for s, e, _ in curated]
        readings = [r for r in self._recogniser.find(text, tokens=tokens, confident=True, covered=covered) if r.confident]
        if not readings:
            return []  # weak evidence is left out, as check leaves it out on English alone
        from ..literal import CuratedSpans

        terms = self.matcher.terms  # the hits' terms by id, looked up only where there are readings
        allowed = CuratedSpans((s, e, terms[ti].id) for s, e, ti in curated)
        out = []
        taken_end = -1  # readings come in text order: one taken before overlaps if it reaches past
        for r in sorted(readings, key=lambda r: (r.start, r.end)):
            if taken_end > r.start or not allowed.allows(r.start, r.end, r.term.id):
                continue
            taken_end = max(taken_end, r.end)
            seen.add((r.start, r.end))
            out.append(r)
        return out

    @staticmethod
    def _rule(tallies, seen, d: Document, text: str, s: int, e: int, phrase: str, method: str, lang: str) -> None:
        key = phrase_key(lang, phrase)
        if not key:
            return
        t = tallies.get((lang, key))
        if (s, e) in seen:  # the same occurrence as a glossary hit or an earlier rule: note the method only
            if t is not None:
                t.methods.add(method)
            return
        seen.add((s, e))
        if t is None:
            t = tallies.setdefault((lang, key), Tally(lang, key))
        t.add(d.doc, phrase, context(text, s, e, lang) if t.wants_context() else None, method)
        if lang == "zh":
            t.note_sides(text, s, e)


def searched_lang(lang: str, text: str) -> str:
    """The languages to look for in *text* when *lang* is asked: *lang* itself, except that a text
    without a Chinese character can hold no Chinese form and no Chinese rule phrase, so for it
    ``auto`` narrows to ``en`` and ``zh`` to nothing (``""``). Both passes of extraction ask it."""
    if lang == "en" or has_han(text):
        return lang
    return "en" if lang == "auto" else ""


def glossary_hits(matcher: TermMatcher, text: str, lang: str, en_tokens: Tokens | None = None) -> list[Hit]:
    """The glossary occurrences extraction counts in *text* (:func:`glossary_spans`, each made a
    :class:`~glossary.matcher.Hit`). ``trends`` counts per period with the same rule."""
    return [matcher.hit(text, span) for span in glossary_spans(matcher, text, lang, en_tokens)]


def glossary_spans(matcher: TermMatcher, text: str, lang: str,
                   en_tokens: Tokens | None = None) -> list[tuple[int, int, Candidate]]:
    """The glossary occurrences extraction counts in *text*, as the matcher's spans
    (:meth:`TermMatcher.spans`): every hit, nested ones included (中国特色社会主义 inside
    习近平新时代中国特色社会主义思想 counts for both terms), except a term's shorter form inside its
    own longer form, and a one-word capitalised English alternative ("China" for 中华人民共和国:
    ordinary English). *en_tokens*: the text's English tokens when the caller has them already
    (one tokenisation)."""
    return [
        span for span in _drop_self_nested(matcher.spans(text, lang, nested=True, en_tokens=en_tokens))
        if not ((form := span[2][2]) and span[2][1] == "en_alt" and " " not in form.strip() and form[:1].isupper())
    ]


def _drop_self_nested(spans: list[tuple[int, int, Candidate]]) -> list[tuple[int, int, Candidate]]:
    """Nested spans, minus those inside a longer span of the same term (its shorter alternative
    form inside its full form is one occurrence, not two). *spans* come in the order
    :meth:`TermMatcher.spans` gives: by start, the longer of two at one place first."""
    reach: dict[int, int] = {}  # term (its index) → the furthest end of its spans so far
    out = []
    for span in spans:
        term, end = span[2][0], span[1]
        furthest = reach.get(term, -1)
        if furthest >= end:
            continue
        reach[term] = end  # spans come by start, so a later one that is not inside reaches further
        out.append(span)
    return out


# -- process-pool plumbing (a module-level scanner per worker process, set by the initializer) ---
_WORKER: list[BatchScanner] = []


def _init_worker(terms: Sequence[Term], lang: str, discover_on: bool, symbols_per_count: int) -> None:
    _WORKER[:] = [BatchScanner(terms, lang, discover_on, symbols_per_count)]


def _scan_in_worker(docs: Sequence[Document]) -> BatchResult:
    return _WORKER[0].scan(docs)
