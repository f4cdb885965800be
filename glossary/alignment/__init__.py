"""Pair Chinese phrases with the English a parallel translation actually used.

Pipeline (each step its own module):

1. :func:`glossary.io.parallel.read_parallel` reads two files aligned by line/paragraph or a
   zh/en TSV; :mod:`.sentences` splits each aligned unit into sentence pairs by length
   (Gale–Church), because the smaller the segment, the sharper the co-occurrence signal.
2. :mod:`.candidates` finds the Chinese candidates (glossary terms through the shared
   :class:`~glossary.matcher.TermMatcher`, plus recurring phrases from :mod:`glossary.extract`),
   the English word n-grams, and the glossary pairs present on both sides (anchors).
3. :mod:`.wordalign` trains IBM Model 1 in both directions on the sentence pairs and, for each
   occurrence of a phrase, turns the links into a distribution over English spans.
4. :mod:`.associate` ranks, for each Chinese phrase, the English n-grams by Dice over segment
   co-occurrence with a weak dictionary prior and the model's span votes, and peels off
   further renderings with their share.

The result is a polars DataFrame, one row per (phrase, rendering), main rendering first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from ..forms import mostly_chinese
from ..io.segment import Unit

if TYPE_CHECKING:
    import polars as pl

    from ..io.parallel import Segment
    from ..store import Glossary

#: Output columns, in order.
COLUMNS = (
    "zh",
    "pinyin",
    "en",
    "rank",
    "share",
    "score",
    "llr",
    "support",
    "occurrences",
    "in_glossary",
    "agrees",
    "glossary_en",
    "term_id",
    "example_zh",
    "example_en",
    "example_ref",
)


@dataclass(frozen=True, slots=True)
class SentencePairRef:
    """A sentence-level segment pair and where it came from (``file:line`` or the TSV id)."""

    zh: str
    en: str
    ref: str


@dataclass(frozen=True)
class AlignOptions:
    """How :func:`align` pairs phrases with renderings. The defaults are the command's.

    ``split_sentences``: split each aligned unit into sentence pairs first. ``discover``: pair
    recurring phrases the glossary lacks too (``False``: glossary terms only). ``min_count``:
    least occurrences of a Chinese phrase; ``min_support``: least pairs a rendering must be found
    in; ``min_score``: least association score. ``dictionary``: use the CC-CEDICT prior (``False``
    starts faster, with slightly worse boundaries). ``model``: let the word-alignment model
    (:mod:`.wordalign`) vote on where each rendering begins and ends.
    """

    split_sentences: bool = True
    discover: bool = True
    min_count: int = 2
    min_support: int = 2
    min_score: float = 0.05
    dictionary: bool = True
    model: bool = True

    def __post_init__(self) -> None:
        if self.min_count < 1 or self.min_support < 1:
            raise InputError("min_count and min_support must be at least 1")


#: ``progress(stage, done, total)``: see :func:`align`.
StageCallback = Callable[[str, int, int], None]


def align(
    source: str | Path,
    target: str | Path | None = None,
    *,
    glossary: Glossary | None = None,
    options: AlignOptions | None = None,
    unit: Unit = "auto",
    encoding: str | None = None,
    progress: StageCallback | None = None,
) -> pl.DataFrame:
    """Proposed English renderings of the recurring Chinese phrases of a parallel text.

    *source* and *target* are a Chinese and an English file aligned by line or paragraph
    (``unit``: ``auto``, ``line``, ``paragraph``), or *source* alone is a TSV with ``zh`` and
    ``en`` columns, or a TMX memory. *glossary* defaults to :func:`glossary.load`; its terms are
    always candidates and its known pairs serve as anchors. *options*: an :class:`AlignOptions`.
    *progress* is called as ``progress(stage, done, total)`` through the stages of a long run
    (``reading``: sentence pairs; ``model``: word alignment; ``pairing``: phrases).
    Raises :class:`~glossary.errors.InputError` on unusable input.
    """
    from ..io.parallel import read_parallel

    segments = read_parallel(source, target, unit=unit, encoding=encoding)
    names = (str(source), str(target) if target is not None else str(source))
    return align_segments(segments, glossary=glossary, options=options, names=names, progress=progress)


def align_segments(
    segments: Sequence[Segment] | Sequence[tuple[str, str]],
    *,
    glossary: Glossary | None = None,
    options: AlignOptions | None = None,
    names: tuple[str, str] = ("zh", "en"),
    progress: StageCallback | None = None,
) -> pl.DataFrame:
    """:func:`align` over segment pairs already in memory (``Segment`` objects or (zh, en) tuples)."""
    from ..matcher import TermMatcher
    from ..store import load
    from .associate import Settings, associate
    from .candidates import PhraseFinder, add_anchors, discovered_phrases, english_side, zh_occurrences
    from .lexicon import Lexicon

    o = options or AlignOptions()
    pairs = sentence_pairs(segments, split_sentences=o.split_sentences, names=names)
    g = glossary if glossary is not None else load()
    matcher = TermMatcher(g.terms)
    finder = None
    if o.discover:
        known = {t.zh_hans for t in g.terms} | {t.zh_hant for t in g.terms} | {a for t in g.terms for a in t.zh_alias}
        finder = PhraseFinder(discovered_phrases([p.zh for p in pairs], min_count=o.min_count, known=known))
    occurrences = []
    sides = []
    for i, p in enumerate(pairs):
        if progress is not None and i % 100 == 0:
            progress("reading", i, len(pairs))
        occ = _drop_fragments(zh_occurrences(p.zh, matcher, finder))
        side = english_side(p.en)
        add_anchors(side, occ, matcher)
        occurrences.append(occ)
        sides.append(side)
    settings = Settings(min_count=o.min_count, min_support=o.min_support, min_score=o.min_score, model=o.model)
    links = None
    if o.model:
        from .wordalign import phrase_links

        links = phrase_links([p.zh for p in pairs], occurrences, sides, iterations=settings.iterations,
                             diagonal=settings.diagonal, progress=progress)
    proposals = associate(occurrences, sides, Lexicon(use_dictionary=o.dictionary), settings, [p.zh for p in pairs],
                          links=links, progress=progress)
    return _frame(proposals, pairs, g)


def _drop_fragments(occ: list) -> list:
    """Discovered phrases lying inside a glossary term's span are parts of a known term, not phrases."""
    terms = [(o.start, o.end) for o in occ if o.term is not None]
    if not terms:
        return occ
    return [o for o in occ if o.term is not None or not any(s <= o.start and o.end <= e for s, e in terms)]


def sentence_pairs(
    segments: Sequence[Segment] | Sequence[tuple[str, str]],
    *,
    split_sentences: bool = True,
    names: tuple[str, str] = ("zh", "en"),
) -> list[SentencePairRef]:
    """Check the two sides and split each aligned unit into sentence pairs.

    Units with an empty side carry no pairing evidence and are skipped; a side with no content
    at all, or a side in the wrong language (the files swapped, or the same language twice), is
    an error.
    """
    from ..io.parallel import Segment
    from .sentences import LengthModel, split_unit

    segs = [s if isinstance(s, Segment) else Segment(i, s[0], s[1], i, i)  # type: ignore[index]
            for i, s in enumerate(segments, start=1)]
    if not segs:
        raise InputError("no segments to align: the input is empty")
    zh_text = "".join(s.source for s in segs)
    en_text = " ".join(s.target for s in segs)
    if not zh_text.strip():
        raise InputError(f"the Chinese side ({names[0]}) is empty")
    if not en_text.strip():
        raise InputError(f"the English side ({names[1]}) is empty")
    if not mostly_chinese(zh_text):
        swapped = " (are the two sides swapped?)" if mostly_chinese(en_text) else ""
        raise InputError(f"the Chinese side ({names[0]}) holds little or no Chinese text{swapped}")
    if mostly_chinese(en_text):
        raise InputError(f"the English side ({names[1]}) is mostly Chinese; give the English translation")
    model = LengthModel.estimate([(s.source, s.target) for s in segs]) if split_sentences else None
    out: list[SentencePairRef] = []
    for s in segs:
        if not s.source.strip() or not s.target.strip():
            continue
        ref = f"{Path(names[0]).name}:{s.source_line}" + (f" (id {s.id})" if s.id else "")
        if not split_sentences:
            out.append(SentencePairRef(s.source, s.target, ref))
            continue
        for b in split_unit(s.source, s.target, model):
            if b.zh.strip() and b.en.strip():
                out.append(SentencePairRef(b.zh, b.en, ref))
    if not out:
        raise InputError("no segment has text on both sides")
    return out


def _frame(proposals: list, pairs: Sequence[SentencePairRef], g: Glossary) -> pl.DataFrame:
    import polars as pl

    from ..pinyin import PinyinWriter
    from .associate import known_rendering

    writer = PinyinWriter(g)
    pinyin: dict[str, str] = {}
    rows = []
    for p in proposals:
        t = p.term
        if p.zh not in pinyin:
            pinyin[p.zh] = t.pinyin if t is not None else writer.orthographic(p.zh)
        agrees = known_rendering(t, p.en_key) if t is not None else None
        ex = pairs[p.example]
        rows.append(
            {
                "zh": p.zh,
                "pinyin": pinyin[p.zh],
                "en": p.en,
                "rank": p.rank,
                "share": p.share,
                "score": p.score,
                "llr": p.llr,
                "support": p.support,
                "occurrences": p.occurrences,
                "in_glossary": t is not None,
                "agrees": agrees,
                "glossary_en": t.en if t is not None else "",
                "term_id": t.id if t is not None else "",
                "example_zh": ex.zh,
                "example_en": ex.en,
                "example_ref": ex.ref,
            }
        )
    schema = {
        "zh": pl.Utf8, "pinyin": pl.Utf8, "en": pl.Utf8, "rank": pl.Int32, "share": pl.Float64, "score": pl.Float64,
        "llr": pl.Float64, "support": pl.Int32, "occurrences": pl.Int32, "in_glossary": pl.Boolean, "agrees": pl.Boolean,
        "glossary_en": pl.Utf8, "term_id": pl.Utf8, "example_zh": pl.Utf8, "example_en": pl.Utf8, "example_ref": pl.Utf8,
    }  # fmt: skip
    df = pl.DataFrame(rows, schema=schema, orient="row") if rows else pl.DataFrame(schema=schema)
    return df.sort(["occurrences", "zh", "rank"], descending=[True, False, False])


__all__ = ["COLUMNS", "AlignOptions", "SentencePairRef", "align", "align_segments", "sentence_pairs"]


