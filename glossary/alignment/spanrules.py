"""Shape rules for a rendering's span: what a Chinese phrase's English may and may not contain.

Counts and the alignment model decide between candidates by evidence; these rules say which
candidates are no rendering at all, whatever their counts, because of what the Chinese phrase
is. Each rule is about the *structure* of the phrase, never about particular terms:

* **Coordination.** "platform economy and the sharing economy" cannot render 平台经济: nothing in
  the phrase is coordinated. An English span may hold "and"/"or" between two content words only
  when the phrase itself coordinates (和, 与, 及, 并, 、), is a four-character phrase of two parallel verb halves (减税降费 "tax and fee cuts", 扫黑除恶), or
  when a word after the coordinator is a gloss of the phrase that the words before it do not
  already hold (防控 "prevention and control").
* **A leading add-on.** "realize the Chinese Dream", "handling public complaints",
  "coordinated administrative law enforcement": the first word is a verb or participle the
  phrase does not gloss, in front of words the phrase does gloss. Such a word translates the
  sentence around the phrase.
* **A clause around a noun phrase.** "CPC Central Committee headed by General Secretary" (a
  participle and "by") or "China into a strong maritime country" (a result preposition with
  nothing of the phrase before it): see :func:`embedded_clause`.
* **One word for a long phrase.** "poverty" for 脱贫攻坚, "facts" for 实事求是: see
  :func:`fuller`.

Relative words (which, who, whom, whose, where) end every span already in
:func:`glossary.alignment.candidates.spans`: a rendering never runs on into a clause.
"""

from __future__ import annotations

from functools import lru_cache

from ..segmenter import tagged_cut, word_tag
from .candidates import EDGE_STOP, list_phrase
from .lexicon import Lexicon, stem

#: Chinese characters that coordinate the parts of a phrase.
ZH_COORDINATORS = frozenset("和与及并、")
#: English coordinators a rendering may contain only when the phrase coordinates.
EN_COORDINATORS = frozenset(("and", "or"))


def _tag(word: str) -> str | None:
    return word_tag(word)


def parallel_halves(zh: str) -> bool:
    """A four-character phrase of two parallel verb halves (减税降费, 扫黑除恶, 防范化解).

    By jieba's dictionary tags: both halves are verbs, or the first (or the second) characters
    of the two halves both are.
    """
    if len(zh) != 4 or not all("\u4e00" <= ch <= "\u9fff" for ch in zh):
        return False
    if _tag(zh[:2]) == "v" and _tag(zh[2:]) == "v":
        return True
    return (_tag(zh[0]) == "v" and _tag(zh[2]) == "v") or (_tag(zh[1]) == "v" and _tag(zh[3]) == "v")


def coordinates(zh: str) -> bool:
    """Whether renderings of *zh* may coordinate whatever they like (see the module docstring)."""
    return bool(ZH_COORDINATORS & set(zh)) or parallel_halves(zh)


def coordination_ok(lexicon: Lexicon, zh: str, e: str, free: bool | None = None) -> bool:
    """Whether n-gram key *e* may render *zh* as far as its internal "and"/"or" go.

    *free* is :func:`coordinates` of *zh* (computed when not given). Otherwise each coordinator
    be followed by a word the phrase's glosses explain and that the words before it do not
    already hold ("prevention and control" for 疫情防控, but not "platform economy and the
    sharing economy" for 平台经济); a span breaking that rule should stop before the coordinator.
    """
    words = e.split()
    inner = [i for i in range(1, len(words) - 1) if words[i] in EN_COORDINATORS]
    if not inner:
        return True
    if free is None:
        free = coordinates(zh)
    if free:
        return True
    if not lexicon.use_dictionary:
        return False
    own = lexicon.explained(zh)
    for i in inner:
        before = {stem(w) for w in words[:i]}
        after = {stem(w) for w in words[i + 1 :] if w not in EDGE_STOP and stem(w) in own}
        if not after - before:
            return False
    return True


@lru_cache(maxsize=1)
def _verb_counts() -> tuple[dict[str, int], dict[str, int]]:
    """How often each English word is a CC-CEDICT definition as a verb ("to realize") and on its
    own ("fine"): a word used far more as the first is a verb."""
    from .. import cedict

    verb: dict[str, int] = {}
    bare: dict[str, int] = {}
    for group in cedict.entries().values():
        for d in (d for entry in group for d in entry.definitions):
            d = d.strip().lower()
            if d.startswith("to ") and len(d) > 4:
                w = d[3:].split(" ", 1)[0].strip(",;()")
                if w.isalpha():
                    verb[w] = verb.get(w, 0) + 1
            elif d.isalpha():
                bare[d] = bare.get(d, 0) + 1
    return verb, bare


def _bases(word: str) -> list[str]:
    """Candidate base forms of a participle or gerund (handling → handl, handle; coordinated →
    coordinat, coordinate; planned → plan)."""
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            base = word[: -len(suffix)]
            out = [base, base + "e"]
            if len(base) > 2 and base[-1] == base[-2]:
                out.append(base[:-1])
            return out
    return []


def verb_like(word: str) -> bool:
    """A verb, gerund or participle by CC-CEDICT: "realize", "handling", "coordinated" (not "fine",
    which CC-CEDICT uses more often as an adjective than as "to fine")."""
    verb, bare = _verb_counts()
    bases = _bases(word)
    if bases:
        return any(verb.get(b, 0) > 0 for b in bases)
    return verb.get(word, 0) > bare.get(word, 0)


def nominal(zh: str) -> bool:
    """Whether *zh* is a noun phrase by jieba: one dictionary word (信访, 党组), or words none of
    which jieba tags as a verb (中国梦; not 行政执法, whose 执法 is a verb an English verb may
    render, nor 党风廉政建设, "improve Party conduct …")."""
    if list_phrase(zh) or zh.endswith("化"):
        return False  # a formula's list starts with a verb; X化 is "adapt/turn into X"
    toks = tagged_cut(zh)
    if len(toks) <= 1:
        return True
    return not any(flag.startswith("v") for _, flag in toks)


def leading_add_on(lexicon: Lexicon, zh: str, e: str) -> bool:
    """Whether the first word of *e* is a verb or participle that no gloss of *zh* explains,
    standing before words that the phrase's glosses do explain ("realize the Chinese Dream")."""
    if not lexicon.use_dictionary:
        return False
    words = e.split()
    if len(words) < 2 or words[0] in EDGE_STOP:
        return False
    own = lexicon.explained(zh)
    first = words[0]
    if stem(first) in own or not verb_like(first):
        return False
    if any(own_stem.startswith(b[:4]) for b in _bases(first) for own_stem in own if len(b) >= 4):
        return False  # "leading" and a gloss "leadership": the same word
    return any(stem(w) in own for w in words[1:] if w not in EDGE_STOP)


#: Prepositions of a result or goal: "build China into a strong maritime country".
RESULT_WORDS = frozenset(("into",))


def embedded_clause(lexicon: Lexicon, zh: str, e: str) -> bool:
    """Whether *e* carries a clause around the rendering of a noun phrase (:func:`nominal`):

    * a participle and "by" inside it, a reduced relative clause: "CPC Central Committee
      headed by General Secretary" for 总书记;
    * a result preposition inside it with nothing before it that the phrase's glosses explain,
      a verb's object and its result: "China into a strong maritime country" for 海洋强国.

    The noun phrase is one part of such a construction, never the whole of it.
    """
    words = e.split()
    if any(words[i] == "by" and words[i - 1].endswith("ed") for i in range(1, len(words) - 1)):
        return True
    cut = next((i for i in range(1, len(words) - 1) if words[i] in RESULT_WORDS), None)
    if cut is None:
        return False
    if not lexicon.use_dictionary:
        return True
    own = lexicon.explained(zh)
    return not any(stem(w) in own for w in words[:cut] if w not in EDGE_STOP)


def fuller(lexicon: Lexicon, zh: str, cands: list, factor: float):
    """The best of *cands* ((score, co, words, key, dice) tuples), unless it is one content word
    for a phrase of four or more characters ("facts" for 实事求是): then the best candidate that
    contains that word and more words the phrase's glosses explain ("truth from facts") wins if
    its score is at least *factor* times the best one's. A word the dictionary does not relate
    to the phrase at all is left alone: there is no evidence what else belongs to it.
    """
    best = max(cands)
    han = sum(1 for ch in zh if "\u4e00" <= ch <= "\u9fff")
    content = [w for w in best[3].split() if w not in EDGE_STOP]
    if han < 4 or len(content) != 1:
        return best
    own = lexicon.explained(zh)
    word = content[0]
    if stem(word) not in own:
        return best

    def explained(key: str) -> int:
        return len({stem(w) for w in key.split() if w not in EDGE_STOP and stem(w) in own})

    fuller_ones = [x for x in cands if x[0] >= factor * best[0] and word in x[3].split() and explained(x[3]) > 1]
    return max(fuller_ones) if fuller_ones else best


__all__ = ["EN_COORDINATORS", "RESULT_WORDS", "ZH_COORDINATORS", "coordinates", "coordination_ok", "fuller",
           "leading_add_on", "nominal", "parallel_halves", "embedded_clause", "verb_like"]
