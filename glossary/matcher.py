"""One Aho–Corasick automaton per language over every form of every term.

``extract``, ``check`` and ``annotate`` all find glossary terms in running text through
:class:`TermMatcher`: one pass over the text whatever the number of terms (ahocorasick-rs, a Rust
automaton, serves both languages), leftmost-longest and non-overlapping, so 习近平新时代中国特色社会主义思想 is one hit,
not a hit for 中国特色社会主义 inside it.

Chinese forms (simplified and traditional, as curated) are matched on the raw text. English forms
are matched on a normalised token stream (lowercase, singular, hyphens and possessives dropped; see
:func:`glossary.forms.en_words`), so "Two Upholds", "two-upholds" and "the Two Uphold's" all meet,
and a match always starts and ends on word boundaries.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cached_property
from itertools import accumulate, compress, count
from operator import add, itemgetter
from typing import Any, Generic, NamedTuple, TypeVar

from .forms import barrier_gaps, drop_article, en_word_columns, has_letter, surface_key, without_brackets
from .terms import FLAGGED_FIELDS, Term

#: English word tokens as :func:`glossary.forms.en_words` gives them: (key, start, end).
Tokens = list[tuple[str, int, int]]

_EN_FIELDS = ("en", "en_alt", "en_nonstandard", "en_history")
#: One form of one term: (index of the term, field, form as the glossary writes it).
Candidate = tuple[int, str, str]
#: What an automaton hit carries back: candidates of terms, or a plain phrase.
P = TypeVar("P")
#: Tables of at least this many terms keep their English keys in the user cache (a small one,
#: a test's or a user's own file, keys faster than a cache file is read and named).
CACHED_TERMS = 500
_PRIORITY = {"zh_hans": 0, "zh_hant": 1, "zh_alias": 2, "en": 0, "en_alt": 1, "en_nonstandard": 2, "en_history": 2}


class Hit(NamedTuple):
    """A glossary form found in a text: character span, the text as written, and what it is.

    A named tuple rather than a dataclass: a corpus scan makes one per occurrence (hundreds of
    thousands), and tuples are several times cheaper to build.
    """

    start: int
    end: int
    text: str
    term: Term
    field: str
    form: str

    @property
    def nonstandard(self) -> bool:
        """The text is a rendering to replace: non-standard, or an earlier official one."""
        return self.field in FLAGGED_FIELDS

    @property
    def lang(self) -> str:
        return "en" if self.field in _EN_FIELDS else "zh"


class TermMatcher:
    """Finds every glossary form in text. Build once per glossary; reuse across documents."""

    def __init__(self, terms: Sequence[Term], min_en_words: int = 1) -> None:
        self.terms = tuple(terms)
        self._min_en_words = min_en_words
        # each language's automaton is built when first used: a Chinese-only run never keys the
        # English forms, nor an English-only run compiles the Chinese ones
        self._auto: _Automata[tuple[Candidate, ...]] = _Automata(self._zh_forms, self._en_forms)

    def _zh_forms(self) -> dict[str, tuple[Candidate, ...]]:
        forms: dict[str, list[Candidate]] = {}
        for i, t in enumerate(self.terms):
            for field, values in (("zh_hans", (t.zh_hans,)), ("zh_hant", (t.zh_hant,)), ("zh_alias", t.zh_alias)):
                for form in values:
                    # an alias that holds the term itself (构建人类命运共同体) helps lookup, but in
                    # running text the term is found inside it, and its span would take the verb
                    if field == "zh_alias" and t.zh_hans in form:
                        continue
                    if form and len(form) >= 2:
                        forms.setdefault(form, []).append((i, field, form))
        forms.update(_enumeration_variants(forms))
        return {form: tuple(dict.fromkeys(sorted(cands, key=lambda c: _PRIORITY[c[1]]))) for form, cands in forms.items()}

    def _en_forms(self) -> dict[str, tuple[Candidate, ...]]:
        """Every English form's key with its candidates. Keying the forms (variants, singulars,
        dropped articles) is the costliest part of building the English automaton, so for a
        table of :data:`CACHED_TERMS` terms or more the keys are kept in the user cache, named by
        the terms' English and the code of the rules (:mod:`glossary.cache`)."""
        if len(self.terms) < CACHED_TERMS:
            return self._key_en_forms()
        from . import cache

        english = [(t.en, t.en_alt, t.en_nonstandard, t.en_history) for t in self.terms]
        path = cache.named("en-forms", "bin", [cache.fingerprint([english, self._min_en_words]),
                                                *cache.code("matcher.py", "forms.py")])
        return cache.remember(path, self._key_en_forms, lambda v: v if isinstance(v, dict) else None)

    def _key_en_forms(self) -> dict[str, tuple[Candidate, ...]]:
        forms: dict[str, list[Candidate]] = {}
        for i, t in enumerate(self.terms):
            for field in _EN_FIELDS:
                values = (t.en,) if field == "en" else getattr(t, field)
                for form in values:
                    for variant in _variants(form):
                        key = _form_key(variant)
                        if key and len(key.split()) >= self._min_en_words:
                            forms.setdefault(key, []).append((i, field, form))
        return {key: tuple(sorted(cands, key=lambda c: _PRIORITY[c[1]])) for key, cands in forms.items()}

    # -- Chinese -------------------------------------------------------------------------
    def find_zh(self, text: str, nested: bool = False) -> list[Hit]:
        """Leftmost-longest, non-overlapping hits of Chinese forms in *text* (``nested=True``:
        also the forms inside longer hits, e.g. 中国特色社会主义 inside 习近平新时代…思想)."""
        terms = self.terms  # (built inline: a corpus scan makes one per occurrence)
        return [Hit(s, e, text[s:e], terms[c[0][0]], c[0][1], c[0][2]) for s, e, c in self._auto.zh_spans(text, nested)]

    def spans(self, text: str, lang: str = "auto", nested: bool = False,
              en_tokens: Tokens | None = None) -> list[tuple[int, int, Candidate]]:
        """What :meth:`find` finds, as ``(start, end, candidate)`` in the same order, without a
        :class:`Hit` per occurrence: for a caller that counts hundreds of thousands of them and
        needs the term itself only for the few it has not met before (:meth:`hit` makes that
        one)."""
        out: list[tuple[int, int, Candidate]] = []
        if lang in ("auto", "zh"):
            out += [(s, e, c[0]) for s, e, c in self._auto.zh_spans(text, nested)]
        if lang in ("auto", "en"):
            out += self._en_spans(text, nested, en_tokens)
        # text order, the longer of two spans at one place first: two stable sorts with C-level
        # keys rather than one sort by a key built in Python for every span
        out.sort(key=_END, reverse=True)
        out.sort(key=_START)
        return out

    def hit(self, text: str, span: tuple[int, int, Candidate]) -> Hit:
        """The :class:`Hit` of one of :meth:`spans`."""
        s, e, (i, field, form) = span
        return Hit(s, e, text[s:e], self.terms[i], field, form)

    # -- English -------------------------------------------------------------------------
    def find_en(self, text: str, nested: bool = False, tokens: Tokens | None = None) -> list[Hit]:
        """Word-bounded, case/plural/hyphen-insensitive hits of English forms in *text*
        (``nested=True``: also the forms inside longer hits). *tokens*: ``en_words(text)`` when
        the caller has it already (extraction shares one tokenisation per document)."""
        return [self.hit(text, span) for span in self._en_spans(text, nested, tokens)]

    def _en_spans(self, text: str, nested: bool, tokens: Tokens | None) -> list[tuple[int, int, Candidate]]:
        """English spans widened to whole words (a closing bracket, an opening quote), each with
        the candidate spelt as the text spells it."""
        return [(*_widen(text, s, e), _best_candidate(text[s:e], c)) for s, e, c in self._auto.en_spans(text, nested, tokens)]

    def find(self, text: str, lang: str = "auto", nested: bool = False, en_tokens: Tokens | None = None) -> list[Hit]:
        """Hits of both languages (or one, with ``lang='zh'``/``'en'``), in text order, the
        longer of two hits at one place first (:meth:`spans`, each made a :class:`Hit`)."""
        terms = self.terms
        return [Hit(s, e, text[s:e], terms[i], field, form) for s, e, (i, field, form) in self.spans(text, lang, nested, en_tokens)]


_START, _END = itemgetter(0), itemgetter(1)  # a span's (or a Hit's) start and end


class PhraseHit(NamedTuple):
    """One occurrence of a plain phrase: its language, its key as given, and where it stands."""

    lang: str
    key: str
    start: int
    end: int
    text: str


class PhraseMatcher:
    """Every occurrence of a fixed set of plain phrases, matched as glossary forms are (Chinese
    on the raw text, English on the normalised word stream): the discovered phrases of
    extraction, which are no glossary terms."""

    def __init__(self, zh: Iterable[str] = (), en: Iterable[str] = ()) -> None:
        zh_forms = {p: ("zh", p) for p in zh if len(p) >= 2}
        en_forms: dict[str, tuple[str, str]] = {}
        for p in en:
            key = _form_key(p)
            if key:
                en_forms.setdefault(key, ("en", p))
        self._auto: _Automata[tuple[str, str]] = _Automata(lambda: zh_forms, lambda: en_forms)

    def find(self, text: str, lang: str = "auto") -> list[PhraseHit]:
        """Every occurrence (nested ones too) of the phrases in *text*, in text order."""
        spans: list[tuple[int, int, tuple[str, str]]] = []
        if lang in ("auto", "zh"):
            spans += self._auto.zh_spans(text, nested=True)
        if lang in ("auto", "en"):
            spans += [(*_widen(text, s, e), c) for s, e, c in self._auto.en_spans(text, nested=True)]
        spans.sort(key=lambda h: (h[0], -h[1]))
        return [PhraseHit(c[0], c[1], s, e, text[s:e]) for s, e, c in spans]



class _Automata(Generic[P]):
    """Chinese forms (a byte DFA over the raw text) and English keys (over the normalised word
    stream), each with a payload: the one Aho–Corasick core of both matchers."""

    def __init__(self, zh: Callable[[], dict[str, P]], en: Callable[[], dict[str, P]]) -> None:
        self._zh_source, self._en_source = zh, en

    @cached_property
    def _zh(self) -> _BytesScanner[P] | None:
        forms = self._zh_source()
        return _BytesScanner(forms) if forms else None

    @cached_property
    def _en(self) -> tuple[Any, list[P], bool] | None:
        """The automaton, the payloads, and whether every key holds a letter (every English form
        of the shipped table does): then a text without a letter, like most Chinese documents,
        holds no English match and is neither tokenised nor scanned."""
        import ahocorasick_rs as ar

        forms = self._en_source()
        if not forms:
            return None
        keys = [f" {k} " for k in forms]
        return ar.AhoCorasick(keys, matchkind=ar.MatchKind.Standard), list(forms.values()), all(map(has_letter, forms))

    def zh_spans(self, text: str, nested: bool) -> list[tuple[int, int, P]]:
        if not text or self._zh is None:
            return []
        return self._zh.spans(text, nested)

    def en_spans(self, text: str, nested: bool, tokens: Tokens | None = None) -> list[tuple[int, int, P]]:
        if not text or self._en is None:
            return []
        automaton, payload, letters_only = self._en
        if letters_only and not has_letter(text):
            return []
        starts, ends, stream, firsts = _token_stream(text, tokens)
        if not starts:
            return []
        spans = []
        for k, s, e in automaton.find_matches_as_indexes(stream, overlapping=True):
            # the key is " words ": its first word starts after the space (after "| " when a
            # barrier precedes it), and its last word's entry ends where the next one begins
            t0 = bisect_right(firsts, s + 1) - 1
            t1 = bisect_left(firsts, e) - 1
            if t0 < 0 or firsts[t0] + (2 if stream[firsts[t0]] == "|" else 0) != s + 1 or firsts[t1 + 1] != e:
                continue
            spans.append((starts[t0], ends[t1], payload[k]))
        return sorted(spans, key=_span_order) if nested else list(_select(spans))


#: The enumeration comma, which texts write or leave out between the parts of a set phrase.
_ENUMERATION = "、"
#: An enumeration written without its commas is matched from this many characters on (革命建设改革,
#: 形式主义官僚主义; a short one, 德智体, is too easily a piece of something else).
_BARE_LEAST = 4


def _enumeration_variants(forms: dict[str, list[Candidate]]) -> dict[str, list[Candidate]]:
    """More Chinese forms: the enumerations of the table (形式主义、官僚主义) as texts also write
    them, without the commas (形式主义官僚主义: 97 times in cpcnews, where the listed form is
    also common), and a longer form that holds an enumeration without its commas as texts write it
    with them (一体推进不敢腐、不能腐、不想腐: 35 times in cpcnews, the table's 一体推进不敢腐不能腐不想腐
    never). Each variant carries the candidates of the form it comes from; a form already listed
    keeps its own. The enumerations are found inside the other forms by one automaton, not a
    search of every form for each (a second and a half on the full table)."""
    bare = {f.replace(_ENUMERATION, ""): f for f in forms if _ENUMERATION in f}
    out: dict[str, list[Candidate]] = {}
    for plain, listed in bare.items():
        if len(plain) >= _BARE_LEAST and plain not in forms:
            out.setdefault(plain, forms[listed])
    if not bare:
        return out
    import ahocorasick_rs as ar

    keys = list(bare)
    automaton = ar.AhoCorasick(keys, matchkind=ar.MatchKind.Standard)
    for form, cands in forms.items():
        if _ENUMERATION in form:
            continue
        for k, s, e in automaton.find_matches_as_indexes(form, overlapping=True):
            if e - s == len(form):
                continue  # the enumeration itself, written without its commas
            variant = form[:s] + bare[keys[k]] + form[e:]
            if variant not in forms:
                out.setdefault(variant, cands)
    return out


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """An English hit with the closing bracket of "(NPC)" and the opening quote of a quoted
    name it leaves outside."""
    if text[end : end + 1] == ")" and text.count("(", start, end) > text.count(")", start, end):
        end += 1
    for left, right in (('"', '"'), ("\u201c", "\u201d")):
        inner = text[start:end]
        opened = inner.count(left) if left != right else inner.count(left) % 2 == 1
        if start > 0 and text[start - 1] == left and (inner.count(right) > inner.count(left) if left != right else opened):
            start -= 1
    return start, end


#: Punctuation a term never spans unless the term itself holds it ("quality, power" is not
#: "quality power"); quotes and brackets are not barriers, so “four consciousness” still matches.
_BARRIER = re.compile(r"[,;:.!?\u2014\u2013\uff0c\uff1b\uff1a\u3002\uff01\uff1f]")


def _token_stream(text: str, tokens: Tokens | None = None) -> tuple[list[int], list[int], str, list[int]]:
    """Normalised word keys joined by spaces, with ``|`` where clause punctuation separates two
    words; plus the words' starts and ends in *text*, and where each word's entry (its key, after
    the ``| `` before it if any) begins in that stream, and one more item: the stream's length.
    (*tokens*: the text's ``en_words`` if already known; else the words are read as columns,
    :func:`glossary.forms.en_word_columns`, and the gaps between them tell the barriers.)

    A match maps back to its tokens by bisection on those positions: building dictionaries from
    every stream position to its token cost more than the scan itself on long English (two
    entries per word), while matches are few."""
    if tokens is None:
        words, starts, ends, gaps = en_word_columns(text)
        barriers: Iterable[int] = compress(count(1), map(_BARRIER.search, gaps))
    else:
        words, starts, ends = (list(map(itemgetter(k), tokens)) for k in (0, 1, 2))
        barriers = barrier_gaps(text, tokens, _BARRIER)
    if not words:
        return starts, ends, " ", [1]
    for n in barriers:
        words[n] = "| " + words[n]
    # each entry is followed by one space; the first starts after the stream's leading space
    firsts = list(map(add, accumulate(map(len, words), initial=1), count()))
    return starts, ends, " " + " ".join(words) + " ", firsts


def _form_key(form: str) -> str:
    """The stream key of a rendering: as :func:`glossary.forms.en_key`, keeping barriers."""
    _, _, stream, _ = _token_stream(form)
    words = stream.split()
    while words and words[0] == "|":
        words.pop(0)
    while words and words[-1] == "|":
        words.pop()
    return " ".join(drop_article(words))


def _variants(form: str) -> list[str]:
    """A rendering as listed, and without a parenthesised part: "National People's Congress
    (NPC)" must also match running text that writes just "National People's Congress"."""
    out = [form]
    bare = without_brackets(form).strip()
    if bare and bare != form:
        out.append(bare)
    return out


def _best_candidate(surface: str, cands: tuple) -> tuple[int, str, str]:
    """Among forms sharing a key, the one spelt exactly as the text (so a flagged singular is
    told apart from its standard plural); otherwise the highest-priority form."""
    written = surface_key(surface)
    for cand in cands:
        if surface_key(cand[2]) == written:
            return cand
    acceptable = [c for c in cands if c[1] != "en_nonstandard"]
    return (acceptable or list(cands))[0]


def _select(spans: Iterable[tuple[int, int, P]]) -> Iterator[tuple[int, int, P]]:
    """Keep the leftmost-longest spans that do not overlap a span already kept."""
    ordered = sorted(spans, key=lambda s: (s[0], -(s[1] - s[0])))
    last_end = -1
    for s, e, c in ordered:
        if s >= last_end:
            yield s, e, c
            last_end = e


def _span_order(span: tuple[int, int, object]) -> tuple[int, int]:
    return span[0], span[1]


class _BytesScanner(Generic[P]):
    """The Chinese forms as a byte-level automaton (ahocorasick-rs).

    An automaton over the UTF-8 bytes runs several times faster than walking a Python ``str``,
    which matters for corpus-scale extraction. UTF-8 is self-synchronising, so a form can only
    match at character boundaries; byte offsets are turned back into character offsets in one
    incremental pass over the hits (decoding only the gaps). Leftmost-longest, or every
    occurrence with ``nested=True``.

    The automata are contiguous NFAs: over the table's thousands of forms they scan Chinese as
    fast as a DFA (about 0.065 s for 6 MB either way) and build five times faster (0.03 s against
    0.17 s), which every process of a run pays. Each is built on first use.
    """

    def __init__(self, forms: dict[str, P]) -> None:
        self._payload = list(forms.values())
        self._chars = [len(f) for f in forms]
        self._patterns = [f.encode("utf-8") for f in forms]
        self._auto: dict[bool, Any] = {}  # nested → automaton

    def _automaton(self, nested: bool) -> Any:
        auto = self._auto.get(nested)
        if auto is None:
            import ahocorasick_rs as ar

            kind = ar.MatchKind.Standard if nested else ar.MatchKind.LeftmostLongest
            auto = self._auto[nested] = ar.BytesAhoCorasick(
                self._patterns, matchkind=kind, implementation=ar.Implementation.ContiguousNFA)
        return auto

    def spans(self, text: str, nested: bool) -> list[tuple[int, int, P]]:
        raw = text.encode("utf-8")
        auto = self._automaton(nested)
        if nested:
            found = sorted(auto.find_matches_as_indexes(raw, overlapping=True), key=lambda m: (m[1], m[2]))
        else:
            found = auto.find_matches_as_indexes(raw)
        payload, chars = self._payload, self._chars
        if len(raw) == len(text):  # ASCII: byte and character offsets agree
            return [(s, e, payload[i]) for i, s, e in found]
        out: list[tuple[int, int, P]] = []
        append = out.append
        last_b = last_c = 0
        for i, s, _ in found:  # starts never decrease: decode only the gap since the last one
            if s != last_b:
                last_c += len(raw[last_b:s].decode("utf-8"))
                last_b = s
            append((last_c, last_c + chars[i], payload[i]))
        return out


def on_word_boundaries(text: str, hits: Sequence[Hit], max_chars: int = 2, window: int = 8) -> list[Hit]:
    """Drop short Chinese hits that cut through a word: 民生 inside 人民生活, 法治 inside 依法治军.

    Chinese has no spaces, so a two-character term can match across two words. For hits of at
    most *max_chars* characters, jieba segments a small window around the hit; the hit is dropped
    when a word straddles one of its ends (人民|生活 across 民生). A hit inside a longer word
    (改革 in 深化改革) or made of whole words stays. Longer terms are specific enough to keep.
    Meant for documents (check, annotate), not for corpus-scale scanning.
    """
    from .segmenter import tokenizer

    tk = tokenizer()
    kept: list[Hit] = []
    for h in hits:
        if h.lang != "zh" or h.end - h.start > max_chars:
            kept.append(h)
            continue
        lo, hi = max(0, h.start - window), min(len(text), h.end + window)
        pos = lo
        crossing = False
        for word in tk.cut(text[lo:hi], HMM=False):
            w0, w1 = pos, pos + len(word)
            pos = w1
            overlaps = w0 < h.end and h.start < w1
            nested = (w0 <= h.start and h.end <= w1) or (h.start <= w0 and w1 <= h.end)
            if overlaps and not nested:  # a word straddles one end of the hit
                crossing = True
                break
        if not crossing:
            kept.append(h)
    return kept
