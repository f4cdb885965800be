"""Literal renderings: English that says, word for word, what a term's Chinese parts mean.

Machine translation renders a formulation part by part ("community of human destiny" for
人类命运共同体, "two safeguarding" for 两个维护). The glossary cannot list every such rendering, so
this module recognises them from what the parts mean:

- each term's Chinese is cut into *parts* (the fewest known words: glossary sub-terms and
  CC-CEDICT headwords, read with :func:`glossary.cedict.senses_within`, one scan of the file);
- each part gets a *bag* of English word stems: its CC-CEDICT senses and those of its
  characters, the glossary's renderings of a part that is itself a term, number words for
  numerals, and the few words MT leaves for a measure word (个, 项); a few near-synonyms MT
  picks among for one head noun ("thought" for 理论, "rejuvenation" for 振兴) are folded together;
- an English phrase is a literal rendering of a term when every content word of the phrase is in
  the term's bags and every required part of the term (not 个, 的, 之…) has a word in the phrase.
  Order does not matter, function words are ignored, inflection is folded (:func:`fold`).
  Candidates are scored by how much of the phrase they explain and by how specific its words
  are (an IDF over all terms' bags), so "Deng Xiaoping" weighs more than "development".

The recogniser is a shared service: ``lookup`` falls back to :meth:`Recogniser.resolve` for a
query with no exact match, ``check`` reports :meth:`Recogniser.find` hits as probable machine
renderings, ``extract`` and ``annotate`` map them to their terms. Building it scans CC-CEDICT
once (about a second with the bags); the built profiles are kept in the user cache folder
(:mod:`glossary.profile_cache`), so a later process reads them in a few hundredths of a second,
and after an edit of the glossary builds only the profiles the edit touches.
Nothing here is imported on ``lookup``'s exact path.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from itertools import compress, repeat
from operator import itemgetter
from typing import cast

from .forms import HAN_CLASS, barrier_gaps, en_words, word_key
from .scope import formulation_like, proper_name
from .terms import Term

#: English words that carry no meaning a part must explain.
FUNCTION_WORDS = frozenset(
    "a an the of and or in on at to for with by from as while its it their our this that these those is are be "
    "been being was were which who whose under through into among between via upon about over than so such "
    "s we us i you he she they his her your will shall would can could may might must should have has had do does "
    "did not no also within without there here what when where how up off out down".split()
)
#: Numerals, and the English MT writes for them (ordinals, "both", "double" included).
NUMBERS: dict[str, tuple[str, ...]] = {
    "一": ("one", "first", "single", "a"), "二": ("two", "second"), "两": ("two", "both", "double", "twin"),
    "三": ("three", "third", "triple"), "四": ("four", "fourth"), "五": ("five", "fifth"),
    "六": ("six", "sixth"), "七": ("seven", "seventh"), "八": ("eight", "eighth"), "九": ("nine", "ninth"),
    "十": ("ten", "tenth"), "百": ("hundred",), "千": ("thousand",), "万": ("ten", "thousand", "myriad"),
}
#: Measure words, and what MT leaves of them in English ("four items of…", "each piece").
MEASURES: dict[str, tuple[str, ...]] = {
    "个": ("individual", "piece", "unit"), "项": ("item", "task"), "条": ("item", "article", "line"),
    "种": ("kind", "type", "sort"), "位": ("position", "place"), "大": ("big", "major", "great", "large"),
    "点": ("point",), "方面": ("aspect", "respect", "side"), "次": ("time",),
}
#: Characters that join parts and need no English of their own.
JOINERS = frozenset("的之和与及并而于在以为对把是了等着其")
#: Near-synonyms MT picks among for one head noun: a part that means one of them may be rendered
#: by any ("Deng Xiaoping Thought" for 邓小平理论, "rural rejuvenation" for 乡村振兴).
NEAR_SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("theory", "thought", "thinking", "ideology"),
    ("revitalization", "rejuvenation", "revival", "renewal", "revitalize", "rejuvenate", "revive"),
    ("safeguard", "uphold", "maintain", "defend", "protect"),
    ("confidence", "confident", "faith"),
)

_WORD = re.compile(r"[a-z]+")
_SUFFIXES = ("izations", "ization", "ational", "ations", "ation", "ments", "ment", "ities", "ity", "ness", "ings",
             "ing", "ence", "ance", "ent", "ant", "ical", "ed", "ize", "ive", "ion", "ate", "al", "ic", "ly", "er", "es",
             "s", "e", "y")
#: Small words whose choice a reworded rendering changes ("in the new era" for "for a new era");
#: "of" is left out, since "strategy of X" for "X strategy" is ordinary English, and "to", whose
#: infinitive ("to promote world peace") a rendering in running text drops.
_PREPOSITIONS = frozenset("in for with on by at from under into".split())
#: Endings of English adjectives: a noun phrase does not end on one ("international economic").
_ADJECTIVE = re.compile(r"(?:al|ic|ive|ous|ful|less|ible|able|an|ese)$|^(?:key|new|good|major|great|main|basic|same|other|"
                        r"more|most|such|own|whole|many|several|important|strong|high|higher|better|all|one|ones|"
                        r"modern|leading)$")
_COORDINATORS = frozenset(("and", "or"))
#: Prepositions of motion: a verb's ("propelled … into the new era"), never a noun phrase's.
_MOTION = frozenset(("into", "onto"))
#: Comparatives: a set phrase names a thing, it does not compare ("higher quality growth" is prose
#: about 高质量发展, not a rendering of it); 更 stands outside the term in Chinese too.
_COMPARATIVES = frozenset("higher better greater stronger more less lower larger bigger wider deeper faster fewer".split())
#: Verbs, modals and relative pronouns that make a clause of a phrase ("CCP is a big party", "the
#: Party must strengthen work", "… path with Chinese characteristics that distinguishes it"): a name or a formulation is a noun
#: phrase, unless the term itself is a sentence ("development is of paramount importance").
_COPULAS = frozenset("is are was were be been being has have had must will shall should can could may might would "
                     "that which who whose".split())
#: What a rendering never spans: clause punctuation, and Chinese characters (an English rendering
#: is a run of English: the Latin words of a Chinese sentence, "GDP" and "CPI" in 2019年GDP增长…CPI,
#: are no phrase of each other). A run of Han is one mark.
_BARRIER = re.compile(rf"[,;:.!?()\n\r\u2014\u2013\uff0c\uff1b\uff1a\u3002\uff01\uff1f]|[{HAN_CLASS}]+")
#: Function words that open a sentence or a heading when capitalised ("… ideological leadership
#: The power of thought"): a rendering never runs on into one.
_OPENERS = frozenset("The A An This That These Those It We Our They".split())
#: Their keys (en_words): only a token with one of these keys can be an opener.
_OPENER_KEYS = frozenset(word_key(w) for w in _OPENERS)
_MAX_TOKENS = 16


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """A word with its inflection and derivation folded, so "rejuvenation" meets "rejuvenate",
    "safeguarding" "safeguard", "confidence" "confident": the longest listed suffix is cut as
    long as four letters remain (five for a final "y", so "party" does not meet "part", nor
    "unity" "unit")."""
    w = word.lower()
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= (5 if suffix == "y" else 4):
            return w[: -len(suffix)]
    return w


@lru_cache(maxsize=1 << 16)
def _stem(key: str) -> str:
    """The folded stem of a word key (en_words) in running text, or "" for a function word."""
    return "" if key in FUNCTION_WORDS else fold(key)


#: The stems of number words (:data:`NUMBERS`).
_NUMBER_STEMS = frozenset(fold(w) for ws in NUMBERS.values() for w in ws)


def content_stems(text: str) -> list[str]:
    """The folded content words of an English gloss or phrase, function words left out."""
    return list(_content_stems(text))


@lru_cache(maxsize=1 << 16)
def _content_stems(text: str) -> tuple[str, ...]:
    # the words as en_words keys them (lowercase, singular, American), more cheaply: letters only
    keys = (word_key(w) for w in _WORD.findall(text.lower()))
    return tuple(fold(k) for k in keys if k not in FUNCTION_WORDS and len(k) > 1)


def _sense_text(definition: str) -> str:
    """A CC-CEDICT definition without its bracketed notes and pinyin, as plain English."""
    # a negative-polarity sense ("(not) at all" of 根本) says nothing without its "not"
    definition = ";".join(x for x in definition.split(";") if "(not" not in x)
    d = re.sub(r"\([^)]*\)|\[[^\]]*\]|\S*[|]\S*", " ", definition)
    return d.replace("CL:", " ")


@dataclass(frozen=True, slots=True)
class Profile:
    """What one term's Chinese literally says: its parts, each part's stems, and whether the part
    must be rendered (a joiner or measure word need not).

    ``weak``: stems only a part's characters give (人 "person" in 人类), too weak to open or
    close a phrase or to be a part's only evidence."""

    term: Term
    parts: tuple[str, ...]
    bags: tuple[frozenset[str], ...]
    required: tuple[bool, ...]
    weak: frozenset[str]
    #: stems of the term's own renderings (flagged ones too): they explain a word of a phrase,
    #: but never stand for a part
    extra: frozenset[str] = frozenset()
    #: the stems of the accepted renderings, and the keys of those renderings: a phrase with no
    #: other content word is the curated form or a piece of it ("urban areas" of "rebuilding of
    #: rundown urban areas"), not a machine rendering, unless it is a whole rendering with other
    #: small words ("… in the new era" for "… for a new era")
    curated: frozenset[str] = frozenset()
    curated_forms: tuple[tuple[frozenset[str], frozenset[str]], ...] = ()
    #: a numbered formula (两个维护): "four confidence" departs from "the Four-sphere
    #: Confidence" though it has no other word
    numbered: bool = False
    #: the term itself joins two things (保障和改善民生, 改革开放 "reform and opening up"), so
    #: its rendering may hold "and"
    coordinated: bool = False
    #: the term is a name (an institution, a title: "Security Bureau" for 保安局): its rendering
    #: in running text is written with capitals, so a lowercase phrase ("ensure office") is not one
    name: bool = False
    #: the term's English is a sentence (发展是硬道理 "development is of paramount importance"),
    #: so its rendering may hold "is"
    sentence: bool = False
    #: the term's English has an infinitive ("to serve the people"), so its rendering may too
    infinitive: bool = False
    #: the term's English says a motion ("into"), so its rendering may
    motion: bool = False
    #: the term's English is written in title case (a name: "Deng Xiaoping Theory"), so a
    #: title-case phrase may render it
    titled: bool = False
    #: a dated coinage or a set formulation (乡村振兴, 2017): two words may render it ("rural
    #: rejuvenation"); for other terms two words meet by chance too often ("people's hearts")
    coined: bool = False
    #: per part, the stems only its characters give it: a word may be a sense of the part's own
    #: in one part and a character's in another ("great" is 强国's, but of 海洋 only through 海),
    #: so whether a part stands on a character's sense alone is judged part by part
    part_weak: tuple[frozenset[str], ...] = ()
    #: the clause words (:data:`_COPULAS`) of the term's own English ("that" of "challenges that a
    #: large party faces"): a phrase may hold these, and no other
    clause_words: frozenset[str] = frozenset()
    #: per part, the fewest words of the phrase it needs (:func:`_slots`)
    slots: tuple[int, ...] = ()
    #: a document's title (a law, a regulation, a plan): the head words of its curated renderings
    #: ("law", "regulation"). A rendering of a title keeps the kind of document, so a phrase whose
    #: head is another sense of the last part ("the rule of law" for 劳动保障监察条例, 条例 being
    #: also "rule"; "the right way" for 中医药法, 法 being also "way") renders something else.
    #: Empty for every other term.
    doc_heads: frozenset[str] = frozenset()

    @property
    def stems(self) -> frozenset[str]:
        return self.extra.union(*self.bags)

    @property
    def last_bag(self) -> frozenset[str]:
        """The stems of the last required part: the head of a Chinese noun phrase."""
        bags = [b for b, r in zip(self.bags, self.required, strict=True) if r]
        return bags[-1] if bags else frozenset()

    @property
    def needed(self) -> int:
        return sum(self.required)

    @property
    def words(self) -> int:
        """The fewest English content words that can render the term: one per required part,
        and one per three characters."""
        return max(self.needed, -(-len(self.term.zh_hans) // 3), 2)


@dataclass(frozen=True, slots=True)
class Reading:
    """A literal rendering found: the span of English, the term it renders, and how well.

    ``coverage``: the share of the phrase's specificity (IDF mass) the term explains, 1.0 when
    every content word is explained; ``parts``: the share of the term's required parts the phrase
    renders; ``score``: both together with the head-word agreement, for ranking; ``weight``: the
    IDF mass explained."""

    start: int
    end: int
    text: str
    term: Term
    score: float
    coverage: float
    parts: float
    weight: float
    #: strong evidence (see :meth:`Recogniser.confident`): what ``check`` reports on English alone
    confident: bool = False


class Recogniser:
    """Literal renderings of a set of terms. Build once per glossary; the profiles are read from
    the user cache folder or made (the CC-CEDICT scan and the bags) on first use."""

    def __init__(self, terms: Sequence[Term], context: Sequence[Term] | None = None) -> None:
        """*terms*: the terms to recognise; *context*: all the glossary's terms (default: *terms*),
        which lend their renderings to the parts they name (新时代 of 新时代中国特色社会主义)."""
        self.terms = tuple(terms)
        self.context = tuple(context) if context is not None else self.terms

    @cached_property
    def _accepted(self) -> dict[str, tuple[frozenset[str], ...]]:
        """Chinese form → the content stems of each accepted rendering of the glossary's terms
        of that form (all of the context: a term need not be recognised to own its English)."""
        out: dict[str, list[frozenset[str]]] = {}
        for t in self.context:
            out.setdefault(t.zh_hans, []).extend(frozenset(content_stems(f)) for f in t.renderings)
        return {zh: tuple(v) for zh, v in out.items()}

    @cached_property
    def _shorter_seen(self) -> dict[int, tuple[frozenset[str], ...]]:
        """The answers of :meth:`_shorter` so far (a term is asked about once per phrase start)."""
        return {}

    def _shorter(self, t: int) -> tuple[frozenset[str], ...]:
        seen = self._shorter_seen.get(t)
        if seen is None:
            seen = self._shorter_seen[t] = self._shorter_of(t)
        return seen

    def _shorter_of(self, t: int) -> tuple[frozenset[str], ...]:
        """The accepted renderings of the glossary's terms that are the term *t* less one run of
        characters (全党全国各族人民 of 全党全军全国各族人民, 中华民族 of 中华民族伟大复兴): a phrase
        that says no more than one of them renders that term, so it is no evidence of *t*."""
        zh = self.terms[t].zh_hans
        accepted = self._accepted
        out: list[frozenset[str]] = []
        for a in range(len(zh)):
            for b in range(a + 1, len(zh) + 1):
                shorter = zh[:a] + zh[b:]
                if len(shorter) >= 2 and shorter != zh:
                    out.extend(accepted.get(shorter, ()))
        return tuple(out)

    # -- building -------------------------------------------------------------------------
    @cached_property
    def profiles(self) -> tuple[Profile, ...]:
        """Per term, in the terms' order, what its Chinese literally says."""
        return self._built[0]

    @cached_property
    def _built(self) -> tuple[tuple[Profile, ...], dict[str, frozenset[int]]]:
        """The profiles and the stem index: read from the user cache folder where these CC-CEDICT
        data and rules built them before (:mod:`glossary.profile_cache`); the profiles of terms
        that are new or changed, or whose parts changed, are built, and all stored again for the
        next process."""
        if not self.terms:
            return (), {}
        from .profile_cache import load_profiles, profiles_path, save_profiles

        path = profiles_path(self.terms, self.context)
        stored = load_profiles(path, self.terms, self.context)
        if stored.index is not None:  # the glossary the file was written for
            return cast(tuple[Profile, ...], stored.profiles), stored.index
        missing = [t for t, p in zip(self.terms, stored.profiles, strict=True) if p is None]
        built = iter(self._build_profiles(missing) if missing else ())
        profiles = tuple(p if p is not None else next(built) for p in stored.profiles)
        index = _index_of(profiles)
        save_profiles(path, profiles, index, stored)
        return profiles, index

    def _build_profiles(self, terms: Sequence[Term]) -> tuple[Profile, ...]:
        """The profiles of *terms* (some or all of the recogniser's), built from CC-CEDICT and
        the glossary (see the module). A term's profile depends on its own fields, the CC-CEDICT
        senses of its substrings and the renderings of the context's terms that are substrings
        of it, never on the other terms built with it (:func:`glossary.profile_cache.term_keys`)."""
        from . import cedict

        readings = cedict.readings_within((t.zh_hans for t in terms), max_word=8)
        senses = {k: tuple(d for _, defs in v for d in defs) for k, v in readings.items()}
        # a name (邓小平, 习近平: only capitalised readings) is not rendered by its characters
        names = frozenset(k for k, v in readings.items() if len(k) > 1 and v and v[0][0][:1].isupper())
        named: dict[str, list[Term]] = {}
        for t in self.context:
            named.setdefault(t.zh_hans, []).append(t)
        near = {fold(w): frozenset(fold(x) for x in group) for group in NEAR_SYNONYMS for w in group}
        part_cache: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
        useful_cache: dict[str, frozenset[str]] = {}
        words_cache: dict[str, tuple[str, ...]] = {}

        def own_words(part: str) -> tuple[str, ...]:
            """The words of a part that is a glossary term but no dictionary headword (命运共同体:
            命运 共同体), which a machine renders one by one; () for any other part."""
            cut = words_cache.get(part)
            if cut is None:
                whole = part not in named or len(part) <= 2 or part in senses
                cut = words_cache[part] = () if whole else _segment(part, senses, named)
            return cut

        def useful(word: str) -> frozenset[str]:
            """The stems of a word's senses (:func:`_useful_stems`), once per word: a character is
            a part of its own and the character of longer parts."""
            stems = useful_cache.get(word)
            if stems is None:
                stems = useful_cache[word] = frozenset(_useful_stems(senses.get(word, ()), 12))
            return stems

        def bag(part: str) -> tuple[frozenset[str], frozenset[str]]:
            """The part's stems, and those only its characters give (the weaker evidence)."""
            cached = part_cache.get(part)
            if cached is not None:
                return cached
            words: set[str] = set()
            weak: set[str] = set()
            for w in NUMBERS.get(part, ()) + MEASURES.get(part, ()):
                words.add(fold(w))
            if part not in MEASURES:
                words.update(useful(part))
                if len(part) > 1 and part not in names:
                    for ch in part:
                        weak.update(useful(ch))
                        words.update(fold(w) for w in NUMBERS.get(ch, ()))
            for sub in named.get(part, ()):
                for form in sub.renderings:
                    words.update(content_stems(form))
            # a part that is a glossary term no dictionary lists whole is still rendered word by
            # word: 命运共同体 in 人类命运共同体 keeps 命运's "destiny" ("community of human destiny");
            # one the dictionary lists (国家安全) keeps the dictionary's sense
            for word in own_words(part):
                if len(word) > 1:
                    words.update(useful(word))
            for w in list(words):
                words.update(near.get(w, ()))
            part_cache[part] = out = (frozenset(words | weak), frozenset(weak - words))
            return out

        out = []
        for t in terms:
            parts = _segment(t.zh_hans, senses, named)
            made = [bag(p) for p in parts]
            bags = [b for b, _ in made]
            required = tuple(not (p in JOINERS or p in MEASURES) and bool(b) for p, b in zip(parts, bags, strict=True))
            standard = tuple(frozenset(content_stems(f)) for f in t.renderings)
            # the term's own renderings teach a part its English when all other parts are
            # accounted for ("rural" of "rural revitalization" for 乡村, whose senses say "village")
            for stems in standard:
                silent = [k for k, b in enumerate(bags) if required[k] and not (stems & b)]
                if len(silent) == 1 and len(parts) > 1 and parts[silent[0]] not in NUMBERS:
                    k = silent[0]
                    bags[k] = bags[k] | {w for w in stems if not any(w in b for b in bags)}
            extra = frozenset(w for f in (*t.renderings, *t.en_nonstandard) for w in content_stems(f))
            strong = frozenset().union(*(b - w for b, w in made)).union(*bags[len(bags):])
            weak = frozenset().union(*(w for _, w in made)) - strong - extra
            curated = frozenset(w for f in t.renderings for w in content_stems(f))
            forms = tuple((frozenset(content_stems(f)), _small_words(f)) for f in t.renderings)
            numbered = parts[0] in NUMBERS and len(parts) > 2 and parts[1] in MEASURES
            own = [[k for k, _, _ in en_words(f)] for f in t.renderings]  # the keys of each rendering
            coordinated = any(c in t.zh_hans for c in _LIST_MARKS) or any(k in _COORDINATORS for ks in own for k in ks)
            flagged = [[k for k, _, _ in en_words(f)] for f in t.en_nonstandard]
            name = proper_name(t) and not formulation_like(t)
            coined = t.year is not None or t.category in ("formulation", "ideology", "slogan", "campaign")
            clause_words = frozenset(k for ks in own + flagged for k in ks if k in _COPULAS)
            # (a term that lists things keeps every item's full size: "new-energy automobiles" does
            # not render 节能与新能源汽车, whose 新能源汽车 would otherwise need two words only)
            listed = any(p in _LIST_MARKS for p in parts)
            slots = tuple(_slots(part, named.get(part, ()), 0 if listed else len(own_words(part))) for part in parts)
            part_weak = tuple(w - extra for _, w in made)
            out.append(Profile(t, parts, tuple(bags), required, weak, extra, curated, forms, numbered, coordinated, name,
                               sentence=bool(clause_words), clause_words=clause_words, part_weak=part_weak, slots=slots,
                               infinitive=any(_infinitive(ks) for ks in own + flagged), coined=coined,
                               motion=any(k in _MOTION for ks in own for k in ks), titled=proper_name(t),
                               doc_heads=_document_heads(t)))
        return tuple(out)

    @cached_property
    def _index(self) -> dict[str, frozenset[int]]:
        """Stem → the positions of the terms whose bags hold it (:func:`_index_of`)."""
        return self._built[1]

    @cached_property
    def _idf(self) -> dict[str, float]:
        n = len(self.profiles) + 1
        return {s: math.log(n / (len(v) + 1)) for s, v in self._index.items()}

    def idf(self, stem: str) -> float:
        """How specific a word is to few terms (words no term knows weigh most)."""
        return self._idf.get(stem, math.log(len(self.profiles) + 1))

    # -- a whole query (lookup) ----------------------------------------------------------
    def resolve(self, query: str, limit: int = 3, min_score: float = 0.7) -> list[Reading]:
        """The terms *query* most probably renders literally, best first: a query is taken as a
        whole, so a word a term does not explain lowers its score instead of excluding it. A
        query of one content word is no phrase to resolve."""
        stems = list(dict.fromkeys(content_stems(query)))
        if len(stems) < 2:
            return []
        found: set[int] = set()
        for s in stems:
            found |= self._index.get(s, frozenset())
        text = " ".join(query.split())
        head = _head(query)
        scored = []
        for i in found:
            r = self._reading(i, stems, 0, len(text), text, head)
            if r.score >= min_score:
                scored.append(r)
        scored.sort(key=lambda r: (-r.score, -r.weight, len(r.term.zh_hans), r.term.id))
        return scored[:limit]

    # -- running text (check, extract, annotate) -------------------------------------------
    def find(self, text: str, min_weight: float = 6.0, tokens: Sequence[tuple[str, int, int]] | None = None,
             confident: bool = False, covered: Sequence[tuple[int, int]] = ()) -> list[Reading]:
        """Literal renderings in running *text*: spans within one clause whose every content word
        one term explains, that render every required part of it (at least two) with a word of
        their own each, and at least one word for every three characters of its Chinese (five
        English words do not render a ten-character formulation); no part on the evidence of its
        characters alone, except one of a term of three parts or more. Leftmost-best, never
        overlapping. *tokens*: ``en_words(text)``, when the caller has them already; *confident*:
        only the confident readings (:meth:`confident`) are looked for, which is quicker (phrases of
        two content words are never confident, unless of a numbered formula); *covered*: the
        ``(start, end)`` spans of the text's curated glossary hits, when the caller keeps only the
        readings :class:`CuratedSpans` allows: no such reading starts inside a hit, so no start
        there is walked (a quarter of the starts of political English)."""
        if tokens is None:
            tokens = en_words(text)
        if not _may_read(text, tokens):
            return []  # decided before the profiles are loaded: a Chinese text with a few Latin words
        profiles, least, head_bags = self.profiles, self._least, self._head_bags
        weak_everywhere = self._weak_everywhere
        bit_index, fit_bits = self._bit_index, self._fit_bits[confident]
        stems = list(map(_stem, map(itemgetter(0), tokens)))  # "" for a function word
        breaks = self._breaks(text, tokens)
        found: list[Reading] = []
        heads: dict[tuple[int, int], tuple[str, str]] = {}  # a span's head word and its stem, for all terms
        # the terms each word may belong to, as bit sets (no stem is "", so a function word has
        # none); mapped in C, once per word of the text
        bits = list(map(bit_index.get, stems, repeat(0)))
        n_tokens = len(tokens)
        inside = _inside(tokens, covered) if covered else None
        for i in _starts(stems, bits, breaks, fit_bits[2]):
            if stems[i] in weak_everywhere or (inside is not None and inside[i]):
                continue
            # the run of content words from token i, and at each word where some terms drop out,
            # those terms: the groups of terms whose phrase may end there. Integers serve as the
            # sets of terms (a bitwise and per word, in C); a frozenset of term positions per
            # word, intersected word by word, cost several times as much per word
            ends: list[tuple[int, int, int]] = []  # (last token, content words, terms ending there)
            cand = bits[i]
            j = last = i  # last: the last content word taken
            n = 1
            while j + 1 < n_tokens and j + 1 - i < _MAX_TOKENS and not breaks[j + 1]:
                j += 1
                if not stems[j]:
                    continue
                nxt = cand & bits[j]
                if n >= 2 and nxt != cand:
                    ends.append((last, n, cand ^ nxt))
                cand = nxt
                if not cand:
                    break
                last = j
                n += 1
            if cand and n >= 2:
                ends.append((last, n, cand))
            for end, n_words, group in ends:
                made: list[tuple[int, Reading]] = []  # the group's readings, by term
                # only the terms with words enough (and, for a confident reading, as many as
                # it asks)
                for t in _positions(group & fit_bits[n_words]):
                    if n_words < least[t]:
                        continue
                    p = profiles[t]
                    if confident and n_words < 3 and not p.numbered:
                        continue
                    weak = p.weak
                    a_tok, b_tok = self._trim(t, stems, i, end) if stems[i] in weak or stems[end] in weak else (i, end)
                    a, b = tokens[a_tok][1], tokens[b_tok][2]
                    known = heads.get((a, b))
                    if known is None:
                        word = _head(text[a:b])
                        heads[(a, b)] = known = (word, fold(word) if word else "")
                    word, head = known
                    if head not in head_bags[t]:
                        continue  # the English head must render the Chinese head (tested again below)
                    if p.doc_heads and head not in p.doc_heads:
                        continue  # a title's rendering keeps its kind of document (Profile.doc_heads)
                    span = list(dict.fromkeys(x for x in stems[a_tok : b_tok + 1] if x))
                    if len(span) < least[t]:
                        continue
                    weak_parts = self._renders(t, span, head)
                    if weak_parts is None:
                        continue  # some part has no word of its own, or the head renders no head
                    if p.numbered:
                        if not any(w in self._numerals(p.parts[0]) for w in span):
                            continue  # a numbered formula's rendering says its number ("two", not "some")
                        if set(span) <= p.curated and not _holds_a_head(p, span):
                            continue  # a piece of the curated form without its head: "six areas" of "Targeted Efforts in Six Areas"
                    elif len(span) == 2 and not (p.coined and self._anchored(p, span)):
                        continue  # two words: a coinage's, one of its curated English, one a part's own sense
                    elif not _departs(p, span, text[a:b]):
                        continue  # the curated form, or a piece of it: curated forms first
                    if any(set(span) <= stems for stems in self._shorter(t)):
                        continue  # a shorter formula's own English: 全党全国各族人民's, not 全党全军全国各族人民's
                    if _ADJECTIVE.search(tokens[b_tok][0]) or tokens[b_tok][0] in FUNCTION_WORDS:
                        continue  # ends on an adjective: a piece of a longer phrase
                    if _dangling(text, tokens, a_tok, b_tok):
                        continue  # ends on a compound adjective or a gerund with its object outside
                    if any(k in _COMPARATIVES for k, _, _ in tokens[a_tok : b_tok + 1]):
                        continue  # "higher quality growth": a comparison, which no set phrase makes
                    if not p.motion and any(k in _MOTION for k, _, _ in tokens[a_tok:b_tok]):
                        continue  # "socialism … into a new era" is 进入新时代, a verb's, not 新时代的
                    if _cuts_quotation(text, a, b):
                        continue  # "the realization of the "four [modernizations]"": a quotation cut in two
                    if not p.titled and _title_case(text, tokens, a_tok, b_tok):
                        continue  # a title ("Strategic Plan for Rural Revitalization", a book's) names a thing of its own
                    if not p.coordinated and any(k in _COORDINATORS for k, _, _ in tokens[a_tok:b_tok]):
                        continue  # two things coordinated, where the term names one
                    if any(k in _COPULAS and k not in p.clause_words for k, _, _ in tokens[a_tok:b_tok]):
                        continue  # a clause, where the term is a noun phrase (or a verb its English lacks)
                    if not p.infinitive and _infinitive([k for k, _, _ in tokens[a_tok : b_tok + 1]]):
                        continue  # "get people to pay", "the Chinese people to strive for …": a clause
                    if p.name and not text[a:b][:1].isupper():
                        continue  # a name is written with capitals
                    r = self._reading(t, span, a, b, text[a:b], word)
                    if r.coverage >= 1.0 and r.parts >= 1.0 and r.weight >= min_weight:
                        sure = self.confident(p, span, weak_parts)
                        if sure or not confident:
                            made.append((t, replace(r, confident=sure)))
                found.extend(r for _, r in made)
        return _best_spans(found)

    @cached_property
    def _fit(self) -> dict[bool, list[frozenset[int]]]:
        """Per mode (confident or not) and number of content words *n* (up to :data:`_MAX_TOKENS`),
        the terms a phrase of *n* words may render: :meth:`find` passes over a group of terms
        with none of these at once, instead of testing each. A phrase needs the term's fewest
        words (:attr:`_least`), and a confident one as many as :meth:`confident` asks
        (:meth:`fewest_confident`)."""
        fewest = {False: self._least, True: [max(k, self.fewest_confident(p)) for k, p in zip(self._least, self.profiles, strict=True)]}
        return {sure: [frozenset(t for t, k in enumerate(fewest[sure]) if n >= k) for n in range(_MAX_TOKENS + 1)]
                for sure in (False, True)}

    @cached_property
    def _bit_index(self) -> dict[str, int]:
        """:attr:`_index` with each set of term positions as an integer's bits (for the quick
        test in :meth:`find`)."""
        return {s: sum(1 << t for t in v) for s, v in self._index.items()}

    @cached_property
    def _fit_bits(self) -> dict[bool, list[int]]:
        """:attr:`_fit` as bit sets."""
        return {sure: [sum(1 << t for t in v) for v in sets] for sure, sets in self._fit.items()}

    @staticmethod
    def _breaks(text: str, tokens: Sequence[tuple[str, int, int]]) -> list[bool]:
        """Per token, whether a phrase cannot run on into it: clause punctuation
        (:data:`_BARRIER`) stands before it, or it opens a sentence or a heading
        (:data:`_OPENERS`). The gaps holding punctuation come from one scan of the text
        (:func:`~glossary.forms.barrier_gaps`), not from a search of every gap between words."""
        breaks = [False] * len(tokens)
        for n in barrier_gaps(text, tokens, _BARRIER):
            breaks[n] = True
        # only tokens with an opener's key are looked at (picked in C, not a Python step per word)
        maybe = compress(range(len(tokens)), map(_OPENER_KEYS.__contains__, map(itemgetter(0), tokens)))
        for n in maybe:
            if n:
                _, a, b = tokens[n]
                if text[a:b] in _OPENERS:
                    breaks[n] = True
        return breaks

    @cached_property
    def _head_bags(self) -> list[frozenset[str]]:
        """Per term, the stems of its head (its last required part)."""
        return [p.last_bag for p in self.profiles]

    @cached_property
    def _least(self) -> list[int]:
        """Per term, the fewest content words a phrase needs (a term of one part: never)."""
        return [p.words if p.needed >= 2 else 1 << 30 for p in self.profiles]

    @cached_property
    def _weak_everywhere(self) -> frozenset[str]:
        """Stems that are only ever a character's sense: no phrase starts on one."""
        strong: set[str] = set()
        for p in self.profiles:
            strong |= p.stems - p.weak
        return frozenset(self._index) - strong

    @staticmethod
    def _numerals(part: str) -> frozenset[str]:
        """The English of a numeral part: the cardinal number words alone, not CC-CEDICT's
        "some", nor "both" or "double" ("both the protection" is prose, "two safeguarding" a
        numbered formula)."""
        return frozenset(fold(NUMBERS[ch][0]) for ch in part if ch in NUMBERS)

    @staticmethod
    def confident(p: Profile, span: Sequence[str], weak_parts: int) -> bool:
        """Whether a reading is strong enough to report on the English alone: no part on a
        character's sense alone, nearly every word a part's own (one in six may come from the term's
        own English alone: "city" of "entrance exams in their city" is only in 赶考's curated
        English, "green" of "new concept of green development" only in 新发展理念's), three words
        that are not numbers, and either a numbered formula that says its number, or four
        content words or more for a term of three parts or more, or three for a dated coinage or a set
        formulation ("community of human destiny", "Deng Xiaoping Thought"). Two or three words
        that a term's parts explain are mostly ordinary prose ("all-round development", "stable
        job", "monetary policy tools"), so they need the source's word (see docs/check.md)."""
        own_only = sum(1 for w in span if not any(w in bag for bag in p.bags))
        if weak_parts or own_only > len(span) // 6:
            return False  # a part on a character's sense, or words only the term's own English explains
        if p.numbered:
            return True
        if sum(1 for w in span if w not in _NUMBER_STEMS) < 3:
            return False  # "one or two generations" says numbers, not 两岸一家亲
        return len(span) >= Recogniser.fewest_confident(p)  # the sizes, in one place

    @staticmethod
    def fewest_confident(p: Profile) -> int:
        """The fewest distinct content words of a reading of *p* that :meth:`confident` accepts
        (a number past any phrase's when none is): the sizes it asks for, read off once per term so
        that :meth:`find`, looking for confident readings only, skips shorter phrases unscored,
        and :meth:`confident` reads its size rule from here."""
        if p.numbered:
            return 0
        if p.needed >= 3:
            return 3 if p.coined else 4
        return 3 if p.needed >= 2 and p.coined else 1 << 30

    @staticmethod
    def _anchored(p: Profile, span: list[str]) -> bool:
        """A two-word phrase is a rendering of *p* only when one word is of its curated English
        and the other a part's own dictionary sense, not a character's ("rural rejuvenation":
        "rural" of "rural revitalization", "rejuvenation" for 振兴); two dictionary words that
        merely meet ("basic method" for 基本法) say too little."""
        a, b = span
        for x, y in ((a, b), (b, a)):
            if x in p.curated and y not in p.curated and y not in p.weak and any(y in bag for bag in p.bags):
                return True
        return False

    @cached_property
    def _plans(self) -> list[tuple[tuple[tuple[frozenset[str], frozenset[str], int, bool], ...], int]]:
        """Per term, what :meth:`_renders` asks of a phrase, read off its profile once: per required
        part its bag, the stems that render it by a sense of its own (not only a character's), the
        words it needs and whether it is the head (the last required part); and how many parts may
        stand on a character's sense alone."""
        out = []
        for p in self.profiles:
            last = max((k for k, r in enumerate(p.required) if r), default=-1)
            plan = tuple((bag, bag - p.weak - p.part_weak[k], p.slots[k] if p.slots else -(-len(part) // 3), k == last)
                         for k, (part, bag, needed) in enumerate(zip(p.parts, p.bags, p.required, strict=True)) if needed)
            out.append((plan, 1 if p.needed >= 3 else 0))
        return out

    def _renders(self, t: int, span: list[str], head: str) -> int | None:
        """How many parts of term *t* only a character's sense renders, when every required part
        has words of *span* of its own (a matching of parts to words, a word per three characters
        of the part) and the English *head* word is one that renders the Chinese head, the last
        part ("all-round development" is not 发展素质教育: "development" is all 发展 has); None
        when it does not render the term. One weak part is allowed in a term of three parts or
        more. (:meth:`find` has made sure that *head* is in the head part's bag.)"""
        plan, most_weak = self._plans[t]
        weak_only = 0
        options: list[list[str]] = []
        for bag, strong, slots, is_last in plan:
            hits = [w for w in span if w in bag]
            if not hits:
                return None
            if strong.isdisjoint(hits):  # every word of it only a character's sense
                weak_only += 1
                if weak_only > most_weak:
                    return None
            # a long part wants a word per three characters (中国特色社会主义: socialism, Chinese,
            # characteristics; "policy" alone does not render 货币政策)
            if is_last:
                if head not in hits:
                    return None
                options.append([head])
                slots -= 1
            options.extend([hits] * slots)
        return weak_only if _matched(options) else None

    def _trim(self, t: int, stems: list[str], i: int, j: int) -> tuple[int, int]:
        """Tokens *i*..*j* without edge words only a character's sense explains, as long as
        the rest still renders every part ("study" of 习 is no part of "study Xi Jinping's
        thought …")."""
        p = self.profiles[t]
        bags = [bag for bag, _, _, _ in self._plans[t][0]]  # the required parts'

        def renders(a: int, b: int) -> bool:
            words = [x for x in stems[a : b + 1] if x]
            return all(not bag.isdisjoint(words) for bag in bags)

        while i < j and stems[i] in p.weak and renders(i + 1, j):
            i += 1
            while i < j and not stems[i]:
                i += 1
        while j > i and stems[j] in p.weak and renders(i, j - 1):
            j -= 1
            while j > i and not stems[j]:
                j -= 1
        return i, j

    def _reading(self, i: int, stems: list[str], start: int, end: int, text: str, head: str) -> Reading:
        p = self.profiles[i]
        all_stems = p.stems
        weights = [self.idf(s) for s in stems]
        total = sum(weights) or 1.0
        covered = sum(w for s, w in zip(stems, weights, strict=True) if s in all_stems)
        need = [b for b, r in zip(p.bags, p.required, strict=True) if r]
        have = sum(1 for b in need if any(s in b for s in stems))
        parts = have / len(need) if need else 0.0
        coverage = covered / total
        head_ok = bool(head) and fold(head) in p.last_bag
        score = coverage * (0.5 + 0.5 * parts) * (1.0 if head_ok else 0.9)
        return Reading(start, end, text, p.term, round(score, 3), round(coverage, 3), round(parts, 3), round(covered, 2))

    def why(self, term: Term) -> str:
        """The parts a term was recognised by, for a message ("人类 命运共同体")."""
        for p in self.profiles:
            if p.term.id == term.id:
                return " ".join(x for x, r in zip(p.parts, p.required, strict=True) if r or x in NUMBERS)
        return term.zh_hans


class CuratedSpans:
    """The curated glossary hits of a text, as ``(start, end, term id)``, asked whether a literal
    reading may stand beside them: the one rule ``check`` and ``extract`` share. Curated forms
    keep priority: a reading may hold other terms' forms whole (its sub-terms: "community" of
    社区 inside "community of human destiny"), and a form of its own term only when it says at
    least as much again ("Xi Jinping's thought" inside "Xi Jinping's thought of socialism … in
    the new era", but not "Two Upholds" inside "uphold the Two Upholds"); it may not cut through
    any, nor merely coincide with one. Looked up by bisection, so a long document with many hits
    and readings costs no more than sorting them."""

    def __init__(self, spans: Iterable[tuple[int, int, str]]) -> None:
        from itertools import accumulate

        self._spans = sorted(spans)
        self._starts = [s for s, _, _ in self._spans]
        # the furthest end of the hits up to each position: a hit that starts before a reading
        # and reaches into it is found without a scan
        self._reach = list(accumulate((e for _, e, _ in self._spans), max))

    def allows(self, start: int, end: int, term_id: str) -> bool:
        """Whether a reading of *term_id* at [*start*, *end*) goes beyond the hits it meets."""
        from bisect import bisect_left

        before = bisect_left(self._starts, start)
        if before and self._reach[before - 1] > start:
            return False  # a hit that starts before it reaches into it: cut through
        length = end - start
        for k in range(before, bisect_left(self._starts, end)):
            s, e, tid = self._spans[k]
            if e > end or e - s >= length:
                return False  # cut through, or the same span as a curated form
            if tid == term_id and 2 * (e - s) >= length:
                return False  # its own curated form with too little around it
        return True


def _departs(p: Profile, span: list[str], text: str) -> bool:
    """Whether a phrase says something the curated renderings do not: a content word of its
    own, or a whole rendering's content words with other small words ("socialism with Chinese
    characteristics in the new era" for "… for a new era")."""
    words = set(span)
    if not words <= p.curated:
        return True
    small = _small_words(text)
    same = [k for stems, k in p.curated_forms if stems == words]
    # departs by a preposition of its own ("in the new era" for "for a new era"), not by one
    # fewer ("… development of the Yellow River basin" for "… in the Yellow River basin")
    return len(words) >= 4 and bool(same) and all(small - k for k in same)


def _holds_a_head(p: Profile, span: list[str]) -> bool:
    """Whether *span* holds the head word of one of the term's curated renderings: "four
    confidence" holds that of "Four-sphere Confidence" and is a numbered formula's machine
    rendering; "six areas" lacks "efforts" of "Targeted Efforts in Six Areas" and is a piece of the
    curated form, as ordinary prose uses it ("stability in six areas")."""
    heads = {fold(h) for f in p.term.renderings if (h := _head(f))}
    return not heads.isdisjoint(span)


def _dangling(text: str, tokens: Sequence[tuple[str, int, int]], a: int, b: int) -> bool:
    """Whether the phrase of *tokens* a..b (en_words) waits for more at its end: a compound
    adjective ("high-quality", "large-scale") or a gerund after a preposition ("impoverished
    areas in developing [businesses]"). The English of a Chinese noun phrase ends on its head."""
    if b <= a:
        return False
    last, before = tokens[b][0], tokens[b - 1][0]
    if text[tokens[b - 1][2] : tokens[b][1]] == "-" and _ADJECTIVE.search(before) is not None:
        return True
    return last.endswith("ing") and len(last) > 5 and before in _PREPOSITIONS


_QUOTES = re.compile("[\"\u201c\u201d\u2018\u2019\u300c\u300d]")


def _cuts_quotation(text: str, a: int, b: int) -> bool:
    """Whether text[a:b] cuts a quotation in two: it holds an odd number of quotation marks, not
    counting one at its very edge or just outside it that closes or opens it ("important
    thinking of "three represents"" is whole)."""
    inner = len(_QUOTES.findall(text, a, b))
    if inner % 2 == 0:
        return False
    before = a > 0 and _QUOTES.match(text, a - 1) is not None
    after = b < len(text) and _QUOTES.match(text, b) is not None
    return not (before or after)


def _title_case(text: str, tokens: Sequence[tuple[str, int, int]], a: int, b: int) -> bool:
    """Whether the phrase of *tokens* a..b is written as a title: two content words or more, each
    capitalised ("Power of the Internet in China"), a sentence's first capital aside."""
    words = [text[s:e] for k, s, e in tokens[a : b + 1] if k not in FUNCTION_WORDS]
    return len(words) >= 2 and all(w[:1].isupper() for w in words)


#: Words before a "to" that is a preposition, not an infinitive's ("according to law").
_TO_PREPOSITION = frozenset("according up due prior related linked close next contrary thanks".split())


def _infinitive(keys: Sequence[str]) -> bool:
    """Whether words (en_words keys) hold an infinitive: "to" after a word that does not make it a
    preposition, before a word that is no function word ("people to pay", "work to strengthen";
    not "according to law", "opening up to the outside world")."""
    for k in range(1, len(keys) - 1):
        if keys[k] == "to" and keys[k - 1] not in _TO_PREPOSITION and keys[k + 1] not in FUNCTION_WORDS:
            return True
    return False


def _small_words(text: str) -> frozenset[str]:
    """The prepositions of a phrase (see :data:`_PREPOSITIONS`)."""
    return frozenset(w for w in _WORD.findall(text.lower()) if w in _PREPOSITIONS)


@lru_cache(maxsize=4)
def recogniser(terms: tuple[Term, ...], context: tuple[Term, ...] | None = None) -> Recogniser:
    """The recogniser of *terms* (in the *context* of all the glossary's terms), shared within a
    process: check, extract and lookup of one glossary build its profiles once."""
    return Recogniser(terms, context)


def _index_of(profiles: Sequence[Profile]) -> dict[str, frozenset[int]]:
    """Stem → the positions of the terms whose bags hold it."""
    table: dict[str, set[int]] = {}
    for i, p in enumerate(profiles):
        for s in p.stems:
            table.setdefault(s, set()).add(i)
    return {s: frozenset(v) for s, v in table.items()}


def _matched(options: list[list[str]]) -> bool:
    """Whether each part can have a different word (bipartite matching by augmenting paths;
    parts and words are few)."""
    owner: dict[str, int] = {}

    def take(k: int, seen: set[str]) -> bool:
        for w in options[k]:
            if w in seen:
                continue
            seen.add(w)
            if w not in owner or take(owner[w], seen):
                owner[w] = k
                return True
        return False

    return all(take(k, set()) for k in range(len(options)))


#: the characters that join the items of a list (节能与新能源汽车, 人民当家作主和依法治国)
_LIST_MARKS = frozenset("和与及、并同")


def _slots(part: str, named: Sequence[Term], words: int = 0) -> int:
    """The fewest words that render one part: one per three characters (中国特色社会主义:
    socialism, Chinese, characteristics; "policy" alone does not render 货币政策), and for a part
    of three characters or more that is itself a term, one per two characters, up to the words of
    its shortest rendering: "Party center" renders 党中央, "central" or "party" alone does not
    ("central government's policy" is not 党中央大政方针); and never more than the *words* a
    machine renders it by, when it is a term no dictionary lists whole (命运共同体 is 命运 and
    共同体: "community of destiny" renders it, though its curated English has three content words)."""
    slots = -(-len(part) // 3)
    sizes = [len(content_stems(f)) for t in named for f in t.renderings]
    if len(part) >= 3 and sizes:
        slots = max(slots, min(-(-len(part) // 2), min(sizes)))
    if words:
        slots = min(slots, max(words, -(-len(part) // 3)))
    return slots


def _useful_stems(definitions: Iterable[str], limit: int) -> set[str]:
    """Stems of the first *limit* translation-like senses (the pieces of a definition between
    semicolons): no cross-references or classifiers, an explanation after a comma left out
    ("Deng Xiaoping, Chinese communist leader, …"), and no sense of more than four content
    words, which explains rather than translates ("held every five years")."""
    from .cedict import useful_sense

    out: set[str] = set()
    kept = 0
    for d in definitions:
        if not useful_sense(d):
            continue
        for sense in _sense_text(d).split(";"):
            sense = sense.split(",")[0]
            if sense.strip().lower().startswith("classifier"):
                continue
            stems = content_stems(sense)
            if not stems or len(stems) > 4:
                continue
            out.update(stems)
            kept += 1
            if kept >= limit:
                return out
    return out


def _segment(zh: str, senses: dict[str, tuple[str, ...]], named: dict[str, list[Term]]) -> tuple[str, ...]:
    """*zh* cut into the fewest known words (glossary terms and CC-CEDICT headwords other than
    *zh* itself, numerals, measure words, single characters); among equal cuts, the one with more
    glossary terms. A term CC-CEDICT lists whole (邓小平理论) is still cut, since its literal
    rendering renders the parts."""
    n = len(zh)
    best: list[tuple[int, int, int] | None] = [None] * (n + 1)  # (parts, -glossary parts, previous cut)
    best[0] = (0, 0, 0)
    for e in range(1, n + 1):
        for s in range(max(0, e - 12), e):
            prev = best[s]
            if prev is None:
                continue
            w = zh[s:e]
            known = w in named and w != zh
            if w == zh and n > 1 or not (len(w) == 1 or known or w in senses or w in MEASURES):
                continue
            cand = (prev[0] + 1, prev[1] - (1 if known else 0), s)
            if best[e] is None or cand[:2] < best[e][:2]:  # type: ignore[index]
                best[e] = cand
    cuts: list[str] = []
    e = n
    while e > 0:
        step = best[e]
        assert step is not None
        cuts.append(zh[step[2] : e])
        e = step[2]
    return tuple(reversed(cuts))


_PREPOSITION = re.compile(r"\b(?:of|in|for|with|on|to)\b", re.IGNORECASE)


def _head(phrase: str) -> str:
    """The head word of an English noun phrase: the last content word before its first
    preposition ("community" of "community of human destiny"), else its last content word. In
    Chinese the head comes last, so the head word should render the term's last part."""
    before = _PREPOSITION.split(phrase, maxsplit=1)[0]
    words = [w for w in _WORD.findall(before.lower()) if w not in FUNCTION_WORDS]
    if not words:
        words = [w for w in _WORD.findall(phrase.lower()) if w not in FUNCTION_WORDS]
    return words[-1] if words else ""


def _document_heads(t: Term) -> frozenset[str]:
    """:attr:`Profile.doc_heads` of *t*: the folded head words of its curated renderings when it
    is a document (``category`` document), else none."""
    if t.category != "document":
        return frozenset()
    return frozenset(fold(h) for h in map(_head, t.renderings) if h)


def _may_read(text: str, tokens: Sequence[tuple[str, int, int]]) -> bool:
    """Whether *text* can hold a reading at all: two content words with a letter (no term's bag
    holds a number) within :data:`_MAX_TOKENS` tokens and no :data:`_BARRIER` between them. Every
    reading needs such a pair, so a text without one is answered before the recogniser's profiles
    are loaded (a fifth of a second): the Chinese documents of a corpus read with ``--lang auto``,
    whose Latin words (GDP, 5G, 2019) stand alone between Chinese characters. An English text
    answers at its first two content words."""
    prev = -1
    for i, (key, _, _) in enumerate(tokens):
        if key in FUNCTION_WORDS or key.isdigit():
            continue
        if prev >= 0 and i - prev < _MAX_TOKENS and _BARRIER.search(text, tokens[prev][2], tokens[i][1]) is None:
            return True
        prev = i
    return False


def _inside(tokens: Sequence[tuple[str, int, int]], covered: Sequence[tuple[int, int]]) -> list[bool]:
    """Per token, whether it starts strictly inside one of the *covered* spans (after the span's
    first character, before its end): a reading starting there would cut through the span, which
    :meth:`CuratedSpans.allows` never lets stand."""
    from bisect import bisect_left, bisect_right

    starts = [a for _, a, _ in tokens]
    out = [False] * len(tokens)
    for s, e in covered:
        for k in range(bisect_right(starts, s), bisect_left(starts, e)):
            out[k] = True
    return out


def _positions(bits: int) -> list[int]:
    """The positions of the set bits of *bits*, ascending (the terms of a bit set)."""
    out = []
    while bits:
        low = bits & -bits
        out.append(low.bit_length() - 1)
        bits ^= low
    return out


def _starts(stems: list[str], bits: list[int], breaks: list[bool], pair_fit: int = -1) -> list[int]:
    """The tokens a reading may start on (:meth:`Recogniser.find`): a content word that shares a
    term with the next content word, which stands in the same clause (no break up to it) and
    fewer than :data:`_MAX_TOKENS` tokens on; *pair_fit*: the terms two words may read (the
    bits of ``_fit_bits[mode][2]``); a term that needs three words must be shared by the next two
    content words as well (for the confident readings extract asks for, that is nearly every
    term, and it halves the starts). :meth:`~Recogniser.find` walked every token of the text in
    Python to learn that, while here the words are tested in C (bitwise ands of their term sets)
    and only the few that pass are looked at one by one (about a fifth of the words of a
    political text)."""
    from operator import and_, or_

    content = list(compress(range(len(stems)), stems))  # the content words, in order
    words = list(map(bits.__getitem__, content))
    pairs = list(map(and_, words, words[1:]))
    shared = map(or_, map(and_, pairs, repeat(pair_fit)), map(and_, pairs, [*words[2:], 0]))
    out = []
    for k in compress(range(len(pairs)), shared):
        i, j = content[k], content[k + 1]
        if j - i < _MAX_TOKENS and True not in breaks[i + 1 : j + 1]:
            out.append(i)
    return out


def _best_spans(found: list[Reading]) -> list[Reading]:
    """Non-overlapping readings: the ones explaining the most (IDF mass), then the best score;
    of two terms that read one span equally well, the one with the smaller id, so that the
    choice does not depend on where the terms stand in the table (a new file sorted before
    theirs once turned 党风廉政建设 into 党的政治建设 for the same English).

    The readings taken so far are kept ordered by start (their ends are then ordered too, as
    they do not overlap), so whether a new one overlaps any is a question for one neighbour,
    found by bisection: a comparison with every reading taken was quadratic in the readings of a
    long document."""
    from bisect import bisect_left

    chosen: list[Reading] = []
    starts: list[int] = []  # of chosen, ascending
    ends: list[int] = []  # of chosen, in the same order
    for r in sorted(found, key=lambda r: (-r.weight, -r.score, r.start, len(r.term.zh_hans), r.term.id)):
        i = bisect_left(starts, r.end)  # chosen[:i] start before r ends: the last of them must end by r.start
        if i and ends[i - 1] > r.start:
            continue
        chosen.append(r)
        starts.insert(i, r.start)
        ends.insert(i, r.end)
    return sorted(chosen, key=lambda r: r.start)
