"""Find recurring phrases without a word list: n-gram counts, cohesion, branching entropy, nesting.

The unit is a *symbol*: a Han character for Chinese, a (singularised, lower-case) word for English.
A batch of text becomes one sequence of symbols with a separator between sentences (:data:`SEP`,
code 0), so a phrase can never cross sentence punctuation: Chinese as a string of characters,
English as integer codes of its words (:func:`en_codes`); both are counted by the same levels.

Counting is level-wise (apriori): an n-gram can only be frequent if its (n−1)-prefix is, so each
level looks only at the positions that survived the previous one. The levels run as vectorised
polars group-bys over integer keys (prefix id, next symbol), which is what makes a few MB of
Chinese a matter of a second instead of minutes; strings are made only for the n-grams kept.

A table maps each n-gram to its count: a polars frame of ``k`` (the key) and ``v`` (the count)
as extraction carries it (:func:`ngram_frame`, :func:`merge_frames`, :func:`prune_frame`), or a
plain ``dict[str, int]`` for small uses (:func:`count_ngrams`). A batch table keeps only
n-grams seen at least ``floor`` times in that batch, so memory is bounded by the batch, and
pruning keeps the merged table under a size cap by dropping the rarest entries (an n-gram is
never rarer than its parts, so pruning by count never removes a part while keeping the whole).
Frames because a long batch keeps about two million n-grams: as a dict that is some 250 MB and
a second of Python work to build, to pickle from a worker process, to unpickle and to merge in
the parent; as a frame it crosses a process as a few Arrow buffers and merges in one group-by.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Container, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, repeat
from operator import itemgetter
from typing import Any

from ..forms import HAN_CLASS

SEP = "\x00"

#: Characters a Chinese phrase does not start with / end with (grammatical particles).
ZH_BAD_START = set("的了和与及或是在也都就而并把被向于之其所着过吗呢吧啊、")
ZH_BAD_END = set("的了和与及或是在也都就而并把被对从向于之其所着过吗呢吧啊等要、")
#: … nor with the plural suffix of the noun before it (们、朋友们 of 同志们、朋友们); unlike the
#: particles, 们 does glue to what precedes it, so it stays a context character of a fragment.
ZH_NO_START = ZH_BAD_START | {"们"}
#: English words a phrase may contain but not start or end with.
EN_STOP = frozenset(
    """a an the and or but nor of to in on at by for with from as into onto upon about over under
    this that these those it its it's is are was were be been being has have had do does did will
    would shall should can could may might must not no so such than then there their them they we
    our us you your he she his her him i me my all any each every some more most other also very
    well just only which who whom whose what when where while how why if because through between
    among against during before after above below up down out off again further once here both few
    own same too s t let make made new good great further various one two three four five six seven
    eight nine ten first second third etc e g i e ie eg year years time times way ways
    """.split()
)


#: Least branching entropy on each side for a phrase that is not free but still a unit: it has
#: more than one context on both sides, so it is not a fragment of a single longer phrase
#: (人民民主 beside 全过程人民民主), though most of its occurrences sit inside one.
NESTED_ENTROPY = 0.35


@dataclass(frozen=True, slots=True)
class Candidate:
    """A discovered phrase with the statistics that admitted it."""

    key: str  # zh: the characters; en: space-joined word keys
    count: int
    adjusted: float  # count minus what longer candidates containing it explain (C-value style)
    cohesion: float  # smallest PMI over the ways to cut it in two
    left_entropy: float
    right_entropy: float
    score: float


# -- turning text into symbol strings ---------------------------------------------------------
#: Han characters, and the enumeration comma 、 inside a run (不忘初心、牢记使命 is one phrase;
#: 、 is not sentence punctuation). A phrase never starts or ends with 、. The Han characters are
#: :data:`glossary.forms.HAN_CLASS`, 〇 among them: 二〇三五年 is one run, not 二 and 三五年.
_HAN_RUN = re.compile(f"[{HAN_CLASS}](?:[{HAN_CLASS}、]*[{HAN_CLASS}])?")
_EN_STOPS = r".;:!?,()\[\]{}\"“”‘’«»|/\n\r\t·•—–"
#: A sentence end: punctuation, a quote mark beside a space, or Han. (The lookahead names every
#: character a match can begin with, which lets the regular-expression engine skip from one
#: candidate character to the next instead of trying each alternative at every position.)
_EN_SPLIT = re.compile(rf"(?=[{_EN_STOPS}\s'\u3000-\u9fff])(?:[{_EN_STOPS}]+|\s'|'\s|[\u3000-\u9fff]+)")


def zh_symbols(text: str) -> str:
    """Han runs of *text* joined by SEP (every other character is a sentence boundary)."""
    return SEP.join(_HAN_RUN.findall(text))


def en_sentences(text: str, tokens: list[tuple[str, int, int]] | None = None) -> list[list[str]]:
    """Word keys per sentence: sentences end at punctuation, quotes, brackets, newlines and Han.

    *tokens*, the text's ``en_words`` when the caller has them (the matcher's), are cut at the
    sentence ends instead of tokenising every sentence again; the few sentences where the two
    could differ (a curly apostrophe, which ends a sentence here but joins "’s" to its word there,
    or a sentence ending in 's) are tokenised on their own, so the result is the same either way.
    """
    from ..forms import en_words

    if tokens is None:
        return [words for words in ([w for w, _, _ in en_words(piece)] for piece in _EN_SPLIT.split(text)) if words]
    if len(tokens) * _SPARSE < len(text) and "'s" not in text and "'S" not in text and "’" not in text:
        return _runs(text, tokens)
    return [words for words in _cut_tokens(text, tokens) if words]


#: A text with fewer words than one per this many characters (a Chinese document with a few Latin
#: words) is cut by :func:`_runs`, which looks only at the gaps between its words.
_SPARSE = 16


def _runs(text: str, tokens: list[tuple[str, int, int]]) -> list[list[str]]:
    """The non-empty pieces :func:`_cut_tokens` gives, found from the words: two neighbouring
    words share a piece when no sentence end stands in the gap between them. The same pieces,
    because a sentence end holds no character a word holds, so the ends that finding all of them
    would meet in a gap are the ones a search of that gap meets; the few texts where a word and a
    piece could disagree (a curly apostrophe, an 's) take :func:`_cut_tokens`. In a Chinese
    document every run of Han is a sentence end: finding all of them, to keep the few pieces with
    a word, cost a third of a second over the 6 MB of cpcnews."""
    if not tokens:
        return []
    search = _EN_SPLIT.search
    pieces = [[tokens[0][0]]]
    for (_, _, end), (key, start, _) in zip(tokens, tokens[1:]):
        if search(text, end, start) is None:
            pieces[-1].append(key)
        else:
            pieces.append([key])
    return pieces


def _cut_tokens(text: str, tokens: list[tuple[str, int, int]]) -> list[list[str]]:
    """The word keys of each piece of *text* between two sentence ends (:data:`_EN_SPLIT`),
    empty ones too, cut from *tokens* (``en_words(text)``).

    Every step runs over all pieces at once, mapped in C (bisection of the pieces' edges into
    the tokens' starts, slices of the keys), with no Python step per piece or word. A piece is
    tokenised on its own where a token could cross its edge, which only a curly apostrophe
    inside a token can do (the pieces either side of each sentence end holding one), or where it
    ends in 's."""
    from ..forms import en_words

    keys, starts, ends = (list(map(itemgetter(k), tokens)) for k in (0, 1, 2))  # mapped in C
    marks = list(map(re.Match.span, _EN_SPLIT.finditer(text)))
    his = [*map(itemgetter(0), marks), len(text)]  # piece k runs from the end of mark k − 1 to the start of mark k
    los = [0, *map(itemgetter(1), marks)]
    first = list(map(bisect_left, repeat(starts), los))
    last = list(map(bisect_left, repeat(starts), his))
    pieces = list(map(keys.__getitem__, map(slice, first, last)))
    suspect = set(compress(range(len(his)), map(text.endswith, repeat(("'s", "'S")), los, his)))
    if "’" in text:
        mark_starts = his[:-1]
        for q in (m.start() for m in re.finditer("’", text)):
            k = bisect_right(mark_starts, q) - 1  # the mark holding it (’ is a sentence end)
            suspect.update((k, k + 1))
    for k in suspect:
        if not 0 <= k < len(pieces):
            continue
        lo, hi, i, j = los[k], his[k], first[k], last[k]
        if lo >= hi:
            pieces[k] = []
            continue
        crossing = (i > 0 and ends[i - 1] > lo) or (j > i and ends[j - 1] > hi)
        if crossing or text.endswith(("'s", "'S"), lo, hi):
            pieces[k] = [w for w, _, _ in en_words(text[lo:hi])]
    return pieces


# -- counting ----------------------------------------------------------------------------------
def count_ngrams(symbols: str, max_len: int, floor: int = 2) -> dict[str, int]:
    """:func:`ngram_frame` as a dict."""
    return as_dict(ngram_frame(symbols, max_len, floor))


def ngram_frame(symbols: str, max_len: int, floor: int = 2) -> Any:
    """Counts of every n-gram (1 ≤ n ≤ max_len) of *symbols* seen at least *floor* times,
    never spanning SEP.

    Level-wise (apriori) in polars (:func:`_levels`) over dense codes of the symbols; each
    level's keys are made in polars from the previous level's (the prefix's key and the next
    character), as :func:`count_en_ngrams` makes English keys: cutting 1.8 million keys out of a
    6 MB corpus one slice at a time in Python held the interpreter for about a second, in the
    thread that counts beside the one that matches terms.
    """
    import array

    import polars as pl

    if not symbols:
        return empty_frame()
    points = pl.Series("c", array.array("I", symbols.encode("utf-32-le")), dtype=pl.UInt32)
    # dense codes, SEP (code 0) first: what _levels counts, with the symbols as the "words"
    distinct = points.unique().sort()
    alphabet = pl.concat([pl.Series("c", [0], dtype=pl.UInt32), distinct.filter(distinct != 0)])
    codes = alphabet.search_sorted(points).cast(pl.UInt32)
    chars = pl.Series("w", ["", *map(chr, alphabet.to_list()[1:])], dtype=pl.Utf8)
    return _keyed(_levels(codes, max_len, floor), chars, "")


def en_codes(sentences: Iterable[list[str]]) -> tuple[list[int], list[str], int]:
    """English word sentences (:func:`en_sentences`) as one sequence of word codes with 0 after
    every sentence: ``(codes, vocabulary, words)``, where code *c* ≥ 1 is ``vocabulary[c - 1]``
    and *words* is how many words there are. The words are coded by dictionaries mapped in C,
    not a Python step per word (160,000 words per MB of English)."""
    flat: list[str | None] = []
    extend, close = flat.extend, flat.append
    for sent in sentences:
        extend(sent)
        close(None)
    vocab = [w for w in dict.fromkeys(flat) if w is not None]
    ids: dict[str | None, int] = dict(zip(vocab, range(1, len(vocab) + 1)))
    ids[None] = 0
    return list(map(ids.__getitem__, flat)), vocab, len(flat) - flat.count(None)


def count_en_ngrams(codes: Sequence[int], vocab: Sequence[str], max_len: int, floor: int = 2) -> dict[str, int]:
    """:func:`en_ngram_frame` as a dict."""
    return as_dict(en_ngram_frame(codes, vocab, max_len, floor))


def en_ngram_frame(codes: Sequence[int], vocab: Sequence[str], max_len: int, floor: int = 2) -> Any:
    """:func:`ngram_frame` of English word codes (:func:`en_codes`), keyed by the words joined
    with spaces (so batches can be merged). Each level's keys are made in polars from the
    previous level's (the prefix's key, a space, the next word), not cut and decoded in Python
    one n-gram at a time: a batch of long English keeps about two million n-grams."""
    import array

    import polars as pl

    if not codes:
        return empty_frame()
    series = pl.Series("c", array.array("I", codes), dtype=pl.UInt32)
    words = pl.Series("w", ["", *vocab], dtype=pl.Utf8)
    return _keyed(_levels(series, max_len, floor), words, " ")


def _keyed(levels: Iterable[tuple[int, Any]], words: Any, separator: str) -> Any:
    """The n-grams of :func:`_levels` keyed by their symbols (*words*, a polars Series whose
    row *c* is code *c*) joined with *separator*, made level by level in polars (each key is its
    prefix's key and the next symbol): a frame of ``k`` and ``v``."""
    import polars as pl

    keys: list[pl.Series] = []
    counts: list[pl.Series] = []
    previous: pl.Series | None = None
    for n, kept in levels:
        if n == 1:
            key = words.gather(kept["id"])
        else:
            assert previous is not None
            prefix = previous.gather(kept["key"] // _SHIFT)
            key = pl.select(pl.concat_str([prefix, words.gather(kept["key"] % _SHIFT)], separator=separator)).to_series()
        keys.append(key)
        counts.append(kept["n"])
        previous = words if n == 1 else key  # level 2 names its prefix by its symbol's code, later ones by row
    if not keys:
        return empty_frame()
    return pl.DataFrame({"k": pl.concat(keys), "v": pl.concat(counts)}).cast({"k": pl.Utf8, "v": pl.Int64})


def _levels(codes, max_len: int, floor: int) -> Iterator[tuple[int, Any]]:
    """Per length *n*, the n-grams of the symbol codes *codes* (a polars UInt32 Series; code 0
    is SEP) seen at least *floor* times: a frame with ``n`` (the count) and ``p`` (the first
    position), and ``id`` (the symbol) for n = 1 or ``key`` (row of the prefix in the previous
    level's frame × ``_SHIFT`` + the next symbol) and ``nid`` (this row) beyond.

    An n-gram is identified by (id of its (n−1)-prefix, next symbol), packed in one integer, so
    each level is one vectorised group-by over the positions whose prefix survived."""
    import polars as pl

    size = len(codes)
    frame = pl.DataFrame({"pos": pl.int_range(0, size, eager=True, dtype=pl.UInt32), "id": codes.cast(pl.UInt64)})
    groups = frame.group_by("id").agg(pl.len().alias("n"), pl.col("pos").first().alias("p"))
    kept = groups.filter((pl.col("n") >= floor) & (pl.col("id") != 0))
    yield 1, kept
    alive = frame.filter(pl.col("id").is_in(kept["id"].implode()))
    n = 1
    while alive.height and n < max_len:
        n += 1
        alive = alive.filter(pl.col("pos") + (n - 1) < size)
        following = codes.gather(alive["pos"] + (n - 1)).cast(pl.UInt64)
        alive = alive.with_columns(key=pl.col("id") * _SHIFT + following)
        groups = alive.group_by("key").agg(pl.len().alias("n"), pl.col("pos").first().alias("p"))
        groups = groups.filter((pl.col("n") >= floor) & ((pl.col("key") % _SHIFT) != 0)).with_row_index("nid")
        if not groups.height:
            break
        yield n, groups
        alive = alive.join(groups.select("key", pl.col("nid").cast(pl.UInt64)), on="key", how="inner").select(
            "pos", pl.col("nid").alias("id")
        )


_SHIFT = 1 << 22  # every symbol's code point is below 2**22


def empty_frame() -> Any:
    """A table with no n-gram (the frame :func:`ngram_frame` gives for no text)."""
    import polars as pl

    return pl.DataFrame(schema={"k": pl.Utf8, "v": pl.Int64})


def as_frame(table: Any) -> Any:
    """*table* as a frame of ``k`` and ``v`` (a dict is converted; a frame is returned as is)."""
    import polars as pl

    if isinstance(table, pl.DataFrame):
        return table
    return pl.DataFrame({"k": list(table), "v": list(table.values())}, schema={"k": pl.Utf8, "v": pl.Int64})


def as_dict(frame: Any) -> dict[str, int]:
    return dict(zip(frame["k"].to_list(), frame["v"].to_list(), strict=True))


def merge_frames(into: Any, other: Any) -> Any:
    """The sum of two tables (frames): the counts of keys in both are added. Rows come in no
    fixed order (nothing that reads a table depends on it: :func:`candidates` sorts by key)."""
    import polars as pl

    if not into.height:
        return other
    if not other.height:
        return into
    return pl.concat([into, other], rechunk=False).group_by("k").agg(pl.col("v").sum())


def prune_frame(table: Any, cap: int) -> Any:
    """*table* without the rows of its rarest counts, dropped count by count until at most *cap*
    remain (an n-gram is never rarer than its parts, so no part goes while its whole stays)."""
    import polars as pl

    if table.height <= cap:
        return table
    hist = table.group_by("v").len().sort("v")
    total = table.height
    threshold = 0
    for c, n in zip(hist["v"].to_list(), hist["len"].to_list(), strict=True):
        if total <= cap:
            break
        total -= n
        threshold = c
    return table.filter(pl.col("v") > threshold)


# -- whole phrases: the words at a Chinese phrase's edges -----------------------------------------
#: jieba tags no phrase starts with: conjunctions, particles, interjections, onomatopoeia, and
#: the bound morphemes jieba leaves unattached (委 of 省委常委).
_BAD_FIRST = ("c", "u", "y", "e", "o", "zg")
#: Aspect particles (了, 着, 过): a phrase holding one is a clause (提供了根本遵循), not a term.
_ASPECT = ("ul", "uz", "ug")
#: Demonstratives open a reference to something in the text, not a phrase (这次主题教育).
_DEMONSTRATIVE = set("这那该此每")
_NUMERALS = set("一二两三四五六七八九十百千万亿零〇第")
#: … and none ends with: also prepositions (坚持以), adverbs (存在不少), numerals and measure
#: words (推动建设一个), whose head lies outside the phrase.
_BAD_LAST = ("p", "c", "u", "y", "e", "o", "d", "m", "q")
#: Verbal tags: a phrase of these alone that ends on a verb lacks its object (深入推进, 坚持和完善);
#: an adjective before a verb makes a noun phrase (重要指示), a verbal noun may end a campaign's
#: name (决战决胜脱贫攻坚), so neither is here.
_VERBAL = ("v", "d", "c")
#: Tags of words that, before a verb, make it a clause or a compound rather than a verb
#: missing its object (依法治国、依法执政、依法行政共同推进).
_NOMINAL = ("n", "r", "l", "i", "j", "s", "t", "f", "vn")
#: Personal pronouns: a phrase that opens with one before a verb or an adverb, or ends with one, is
#: a sentence of the speech (我们要坚持, 告诉我们), not a phrase of its matter (我们党 stays).
_PERSONAL = frozenset({"我", "我们", "咱们", "你", "你们", "您", "他", "她", "他们", "她们", "大家"})
#: Words of a dateline or byline after a news agency's name, besides places, dates and numbers
#: (新华社北京电, 新华社记者, 央视网消息).
_DATELINE = frozenset({"电", "日电", "记者", "消息", "讯", "报道", "评论员", "特约评论员"})
#: Tags of the speaker before a reporting verb (习近平总书记指出, 党中央要求, 他说).
_SPEAKER = ("n", "r", "l")


@lru_cache(maxsize=1)
def edge_words() -> dict[str, str]:
    """The curated words of ``data/phrase_edges.tsv``: word → kind (modal, reporting,
    transitive, complement, opening, agency, address). jieba's tags alone cannot tell 要坚持 from
    坚持, 充分发挥 from a noun, or a news agency or a greeting from a phrase; the file says why each
    word is there."""
    from ..resources import data_dir

    out: dict[str, str] = {}
    path = data_dir() / "phrase_edges.tsv"
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if line.strip() and not line.startswith("#"):
            word, kind, *_ = line.split("\t")
            out[word.strip()] = kind.strip()
    return out


@lru_cache(maxsize=1)
def _openings() -> tuple[str, ...]:
    """The discourse openers of :func:`edge_words` (正如, 特别是 …), for ``str.startswith``."""
    return tuple(w for w, kind in edge_words().items() if kind == "opening")


@lru_cache(maxsize=1)
def _addresses() -> tuple[str, ...]:
    """The forms of address of :func:`edge_words` (同志们, 朋友们 …), for ``str.endswith``."""
    return tuple(w for w, kind in edge_words().items() if kind == "address")


def zh_edge_fault(phrase: str) -> str | None:
    """Why *phrase* is not a whole Chinese phrase, judged by the words at its edges in jieba's
    segmentation (the one in :mod:`glossary.segmenter`), or None when it is one.

    * a function word at an edge: 和发展, 坚持以, 存在不少, 推动建设一个 (conjunctions,
      particles; at the end also prepositions, adverbs, numerals and measure words);
    * 一 with a measure word at the start (一个充满): the indefinite article, not a count;
    * a single-character adjective after a noun at the end (发展新), or before nothing but a
      verb (新发展);
    * a modal verb at an edge (要坚持);
    * a reporting formula: a speaker and a reporting verb (习近平总书记指出, … 深刻指出);
    * a news dateline or byline: an agency's name and nothing but a place, a date or 记者
      (新华社北京, 新华社记者);
    * a form of address: every item of the phrase ends in one (女士们、先生们、朋友们, 青年朋友们);
    * a clause with a personal pronoun for subject or object (我们要坚持, 历史和现实都告诉我们);
    * a demonstrative, a discourse opener or a measure word cut from its number at the start
      (这次主题教育, 正如…, 年现行标准…), or an aspect particle inside (提供了根本遵循);
    * a dangling verb: a verb that takes an object, with the object outside and nothing nominal
      before it (充分发挥, 坚持和完善), or a phrase of verbs and adverbs alone that ends on a verb
      (深入推进); a reporting verb opening a clause (要求各地区各部门…).
    """
    from ..segmenter import tagged_words

    words = tagged_words(phrase)
    if not words:
        return None
    lists = edge_words()
    if all(item.endswith(_addresses()) for item in re.split(r"[、，,]", phrase)):
        return "a form of address (同志们、朋友们 …)"  # a greeting names the audience
    if len(words) > 1 and words[0][0] in _PERSONAL and not words[1][1].startswith("n"):
        return f"a clause ({words[0][0]} is its subject)"  # 我们要坚持, 我们将继续; not 我们党
    if len(words) > 1 and words[-1][0] in _PERSONAL:
        return f"a clause ({words[-1][0]} is its object)"  # 历史和现实都告诉我们
    (first, ftag), (last, ltag) = words[0], words[-1]
    opening = phrase.startswith(_openings())
    if ftag.startswith(_BAD_FIRST) or first in ZH_NO_START or opening:
        return f"starts with the function word {first}"
    if ftag.startswith("r") and first[0] in _DEMONSTRATIVE:
        return f"starts with the demonstrative {first}"
    if ftag.startswith(("m", "q")) and len(first) == 1 and first not in _NUMERALS:
        return f"starts with {first}, cut from its number"  # 年现行标准 of 2020年现行标准
    if any(t in _ASPECT for _, t in words):
        return "a clause (it holds an aspect particle)"
    if ltag.startswith(_BAD_LAST) or last in ZH_BAD_END:
        return f"ends with the function word {last}"
    if ftag.startswith("m") and len(first) == 2 and first[0] == "一" and len(words) > 1:
        return f"starts with the indefinite {first}"
    if ltag.startswith("a") and len(last) == 1 and len(words) > 1 and words[-2][1].startswith(("n", "vn")):
        return f"ends with the modifier {last}"  # 发展新 (… 理念); not 十八大, 不想腐
    if len(words) == 2 and ftag.startswith("a") and len(first) == 1 and ltag.startswith("v"):
        return f"{first} modifies what follows the phrase"
    if lists.get(first) == "modal" or lists.get(last) == "modal":
        return "a modal verb at its edge"
    if lists.get(last) == "reporting" and any(t.startswith(_SPEAKER) for _, t in words[:-1]):
        return f"a reporting formula (… {last})"
    if ftag.startswith("m") and first[0] in _NUMERALS:
        return None  # a numbered formulation names its items by their verbs: 十一个坚持, 两个维护
    if lists.get(first) == "agency" and len(words) > 1 and all(
            t.startswith(("ns", "t", "m")) or not t or w in _DATELINE for w, t in words[1:]):
        return f"a news dateline or byline ({first} …)"  # 新华社北京, 新华社记者, 央视网消息
    if lists.get(first) == "reporting" and len(words) > 1:
        return f"a reported clause (… {first} …)"  # 要求各地区各部门…
    if lists.get(last) == "complement" and len(words) > 1:
        return f"the goal of {last} is outside the phrase"
    transitive = lists.get(last) == "transitive" or lists.get(last[-2:]) == "transitive"
    if transitive and not any(t.startswith(_NOMINAL) for _, t in words[:-1]):
        return f"the object of {last[-2:]} is outside the phrase"
    coordinated = ftag == "v" and any(t == "c" for _, t in words)  # 完善和发展 (…制度)
    if len(words) > 1 and (ltag == "v" or coordinated) and all(t.startswith(_VERBAL) for _, t in words):
        return f"the object of {last} is outside the phrase"
    return None


# -- scoring -----------------------------------------------------------------------------------
def _entropy_filter(
    table: Any, *, en: bool, min_count: int, min_len: int, max_len: int, lexicon: Container[str] | None = None
) -> list[tuple[str, int, float, float, bool]]:
    """Phrases of *table* within the length and count bounds, with good boundaries and free on
    both sides — or, failing that, words of *lexicon*: ``(key, count, left entropy, right
    entropy, free)``. Vectorised in polars.

    Branching entropy of a phrase seen T times whose counted one-symbol extensions have counts
    c_i is ``ln T − Σ c_i ln c_i / T``: the occurrences not accounted for (rare contexts,
    sentence boundaries) count as distinct contexts of one each, which is what makes the sums
    mergeable across batches.
    """
    import polars as pl

    df = as_frame(table)
    if en:
        df = df.with_columns(n=pl.col("k").str.count_matches(" ") + 1)
        head = pl.col("k").str.replace(r" [^ ]+$", "")
        tail = pl.col("k").str.replace(r"^[^ ]+ ", "")
        first = pl.col("k").str.extract(r"^([^ ]+)")
        last = pl.col("k").str.extract(r"([^ ]+)$")
    else:
        df = df.with_columns(n=pl.col("k").str.len_chars())
        head = pl.col("k").str.slice(0, pl.col("n") - 1)
        tail = pl.col("k").str.slice(1)
        first = pl.col("k").str.slice(0, 1)
        last = pl.col("k").str.slice(-1, 1)
    vlnv = pl.col("v").cast(pl.Float64) * pl.col("v").cast(pl.Float64).log()
    # the one-symbol extensions of the phrases that can be candidates (min_len to max_len symbols)
    # are all the rows the sums need: shorter rows only extend phrases too short to be kept
    ext = df.filter(pl.col("n").is_between(max(2, min_len + 1), max_len + 1)).with_columns(head=head, tail=tail, vlnv=vlnv)
    right = left = ext
    right = right.group_by("head").agg(r=pl.col("vlnv").sum()).rename({"head": "k"})
    left = left.group_by("tail").agg(l=pl.col("vlnv").sum()).rename({"tail": "k"})
    bad_start = EN_STOP if en else ZH_NO_START
    bad_end = EN_STOP if en else ZH_BAD_END
    # a particle may start a phrase when it begins a two-character word there (和平, 在线): the
    # lexicon is asked about the few such openings the table holds
    start_ok = ~first.is_in(list(bad_start))
    if not en and lexicon is not None:
        openings = df.filter(first.is_in(list(bad_start)) & (pl.col("n") >= 2))["k"].str.slice(0, 2).unique().to_list()
        start_ok = start_ok | pl.col("k").str.slice(0, 2).is_in([w for w in openings if w in lexicon])
    cand = df.filter(
        (pl.col("v") >= min_count) & (pl.col("n") >= min_len) & (pl.col("n") <= max_len)
        & start_ok & ~last.is_in(list(bad_end))
    )
    if en:
        cand = cand.filter(~first.str.contains(r"^\d+$") & ~last.str.contains(r"^\d+$"))
    total = pl.col("v").cast(pl.Float64)
    cand = (
        cand.join(right, on="k", how="left").join(left, on="k", how="left")
        .with_columns(
            # rounded: polars sums a group's terms in an order that varies with its threads, and
            # the last bits of a float must not decide which phrases are kept (runs must agree)
            hl=(total.log() - pl.col("l").fill_null(0.0) / total).round(9),
            hr=(total.log() - pl.col("r").fill_null(0.0) / total).round(9),
            need=pl.min_horizontal(pl.lit(1.0), 0.6 * total.log()) - 1e-9,
        )
        .with_columns(
            free=pl.min_horizontal("hl", "hr") >= pl.col("need"),
            nested=(pl.min_horizontal("hl", "hr") >= NESTED_ENTROPY) & (pl.col("v") >= 3),
        )
    )
    # kept: free, nested units, and words of the lexicon; only the keys of the rows that are
    # neither free nor nested come to Python (for the lexicon), and only the kept rows whole
    unit = pl.col("free") | pl.col("nested")
    if lexicon is not None:
        words = [k for k in cand.filter(~unit)["k"].to_list() if len(k) >= 3 and k in lexicon]
        unit = unit | pl.col("k").is_in(pl.Series(words, dtype=pl.Utf8).implode())
    # joins and group-bys give rows in no fixed order, and ties are cut by key: the kept rows
    # are sorted, not all the candidates (a seventh of them on cpcnews; sorting all cost 0.3 s)
    kept = cand.filter(unit).sort("k")
    return list(zip(kept["k"].to_list(), kept["v"].to_list(), kept["hl"].to_list(), kept["hr"].to_list(),
                    kept["free"].to_list(), strict=True))


def candidates(
    table: Any,
    *,
    lang: str,
    min_count: int = 2,
    min_len: int = 2,
    max_len: int = 24,
    total: int | None = None,
    lexicon: Container[str] | None = None,
    limit: int | None = None,
) -> list[Candidate]:
    """Score the phrases of a merged table (a frame or a dict); keep those that are cohesive, free on both sides and
    not mostly explained by a longer kept phrase. Best first.

    Phrases that are not free but are *nested units* — some variety of context on both sides
    (see :data:`NESTED_ENTROPY`), or words of *lexicon* (a set of dictionary words) — are kept
    at half weight and never discounted away by nesting: 人民民主 inside 全过程人民民主 is a
    headword in its own right, 国共产党 inside 中国共产党 is a fragment.

    With *limit*, only the ``5 × limit`` likeliest phrases (by count, length and branching
    entropy) are scored in full, which bounds the time on large corpora.
    """
    en = lang == "en"

    def units(k: str):
        return tuple(k.split(" ")) if en else k

    def join(u) -> str:
        return " ".join(u) if en else u

    import polars as pl

    frame = as_frame(table)
    if not total:
        unigram = ~pl.col("k").str.contains(" ", literal=True) if en else pl.col("k").str.len_chars() == 1
        total = frame.filter(unigram)["v"].sum()
    unigram_total = total or 1
    survivors = _entropy_filter(frame, en=en, min_count=min_count, min_len=min_len, max_len=max_len, lexicon=lexicon)
    if limit is not None and len(survivors) > 5 * limit:
        # cohesion and nesting only for the likeliest: by count, length and freedom
        survivors.sort(key=lambda r: (-(math.log2(1 + r[1]) * math.log2(1 + len(units(r[0]))) * min(1.5, r[2], r[3])), r[0]))
        survivors = survivors[: 5 * limit]
    # the counts of the survivors' parts, looked up in the table at once (it stays a frame)
    parts = {join(u[a:b]) for k, *_ in survivors for u in (units(k),) for cut in range(1, len(u))
             for a, b in ((0, cut), (cut, len(u)))}
    get = as_dict(frame.filter(pl.col("k").is_in(pl.Series(list(parts), dtype=pl.Utf8).implode()))).get
    kept: dict[str, tuple[int, float, float, float, int]] = {}
    lexical: set[str] = set()
    for k, v, hl, hr, free in survivors:
        if not free:
            lexical.add(k)
        u = units(k)
        n = len(u)
        pmi = math.inf
        for cut in range(1, n):
            a = get(join(u[:cut]))
            b = get(join(u[cut:]))
            ca = a if a else v
            cb = b if b else v
            pmi = min(pmi, math.log(v * unigram_total / (ca * cb)))
        if pmi < (1.0 if en else 2.0):
            continue
        if not en and any(zh_edge_fault(part) for part in {k.split("、")[0], k.split("、")[-1]}):
            continue
        kept[k] = (v, hl, hr, pmi, n)

    # nesting: discount what longer kept phrases explain (C-value)
    containers: dict[str, list[int]] = {}
    for k, (v, *_rest, n) in kept.items():
        if "、" in k:  # an enumeration does not explain away its members (形式主义、官僚主义)
            continue
        u = units(k)
        for i in range(n):
            for j in range(i + 1, n + 1):
                if j - i == n:
                    continue
                sub = join(u[i:j])
                if sub in kept:
                    containers.setdefault(sub, []).append(v)
    out: list[Candidate] = []
    for k, (v, hl, hr, pmi, n) in kept.items():
        longer = containers.get(k)
        adjusted = v - (sum(longer) / len(longer) if longer else 0.0)
        if k in lexical:
            adjusted = max(adjusted, v / 2)
            quality = 0.5 * min(1.0, pmi / 6.0)
        elif longer and (adjusted < min_count or adjusted < 0.25 * v):
            continue
        else:
            quality = min(1.0, min(hl, hr) / 1.5) * min(1.0, pmi / 6.0)
        score = quality * math.log2(1 + adjusted) * math.log2(1 + n)
        out.append(Candidate(k, v, adjusted, pmi, hl, hr, score))
    out.sort(key=lambda c: (-c.score, c.key))
    return out
