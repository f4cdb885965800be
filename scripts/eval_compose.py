#!/usr/bin/env python
"""Measure the composer (glossary.composition) against the old word-by-word gloss bag.

Usage::

    python scripts/eval_compose.py [--parallel GWR_2020.tsv GWR_2021.tsv GWR_2022.tsv] [--show N]

(a) Leave-one-out over the curated table: every term whose Chinese the composer can cut into two
    or more parts, at least one of them another glossary term or a lexicon word, is hidden (its
    simplified form and aliases, from the glossary and the lexicon alike) and composed from the
    rest. Its English is compared with the term's standard and accepted English: exact match
    after normalisation (glossary.forms.rendering_key: case, plurals, British/American spelling,
    hyphens, every article) and token F1 over the same tokens (the best over the references). Terms are split in two halves by a hash of their
    id: "dev" is the half the rules were tuned on, "test" the half they were not.
(b) Official parallel text: the phrases ``glossary align`` pairs in the given texts that the
    glossary lacks (top proposal, support >= 2), composed and compared with the aligned English.
(c) ``--ceiling``: how far exact match could go at all with the English the parts offer.

The old gloss bag ("a + b + c", glossary.extraction.gloss.compose, as extract wrote it) is
measured the same way, with its " + " read as spaces.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path


def tokens(text: str) -> list[str]:
    from glossary.forms import ARTICLES, en_words

    return [w for w, _, _ in en_words(text.replace(" + ", " ")) if w not in ARTICLES]


def f1(guess: str, refs: Sequence[str]) -> float:
    g = Counter(tokens(guess))
    best = 0.0
    for r in refs:
        ref = Counter(tokens(r))
        common = sum((g & ref).values())
        if common:
            p, q = common / sum(g.values()), common / sum(ref.values())
            best = max(best, 2 * p * q / (p + q))
    return best


def exact(guess: str, refs: Sequence[str]) -> bool:
    from glossary.forms import rendering_key

    k = rendering_key(guess.replace(" + ", " "))
    return bool(k) and any(k == rendering_key(r) for r in refs)


GLUE = frozenset({"the", "of", "a", "an", "and", "for", "in", "to", "on", "with", "by"})


def miss_class(guess: str, method: str, refs: Sequence[str], parts: Sequence = ()) -> str:
    """Why a composed English misses its references, by the nearest reference:
    "unknown character" (a gloss bag), "name" (the reference is a capitalised name: an
    institution, a law, an event), "order only" (the same words in another order), "glue words"
    (the same content words, connectors differ), "free rendering" (token F1 < 0.5: the official
    English is not built from the parts), else a word is not the official one, named by where
    the first such part's English came from: "word: CC-CEDICT sense", "word: lexicon",
    "word: glossary sub-term" (a glossary term inside the phrase, its full English where the
    reference says less or otherwise), "word: table" (what the table teaches), or "word: reference
    adds words" (every part's English is in the reference, which says more)."""
    if method == "gloss":
        return "unknown character"
    g = tokens(guess)
    best = max(refs, key=lambda r: f1(guess, [r]))
    r = tokens(best)
    caps = [w for w in best.split() if w[:1].isupper()]
    if len(caps) >= 2 and len(caps) >= len([w for w in best.split() if w.lower() not in GLUE]) - 1:
        return "name"
    if sorted(g) == sorted(r):
        return "order only"
    if sorted(w for w in g if w not in GLUE) == sorted(w for w in r if w not in GLUE):
        return "glue words"
    if f1(guess, [best]) < 0.5:
        return "free rendering"
    ref = set(r)
    for p in parts:
        words = [w for w in tokens(p.en) if w not in GLUE] if p.en else []
        if words and not all(w in ref for w in words):
            return {"cedict": "word: CC-CEDICT sense", "lexicon": "word: lexicon", "glossary": "word: glossary sub-term",
                    "table": "word: table", "parallel": "word: parallel sense"}.get(p.source, "word: other")
    return "word: reference adds words"


#: the shapes of Chinese phrase the order rules handle, for the per-shape table
def shape(zh: str, parts: Sequence) -> str:
    """The outermost construction of a phrase, as the composer's rules see it."""
    import re

    if re.match(r"^第?[0-9一二两三四五六七八九十]+(个|大|项|条|种|方面)", zh):
        return "numbered formula"
    if any(p.zh in ("和", "与", "及", "以及", "并", "、", "同") for p in parts):
        return "coordination"
    if any(p.zh in ("的", "之") for p in parts):
        return "的-phrase"
    if parts and parts[0].role == "verb" and parts[0].source in ("lexicon", "cedict", "table"):
        return "verb-object"
    if zh.endswith("化"):
        return "-ization"
    return "modifier + head"


def half(term_id: str) -> str:
    return "dev" if hashlib.sha1(term_id.encode()).digest()[0] % 2 == 0 else "test"


def bag(zh: str, known: dict[str, str], readings, writer) -> str:
    from glossary.extraction.gloss import compose as gloss_compose
    from glossary.pinyin import Word

    words = writer.words(zh)
    return gloss_compose(zh, known, readings, [(w.text, w.syllables) if isinstance(w, Word) else (w, ()) for w in words])


def by_english(terms: Sequence) -> dict[str, list]:
    """The terms by their English's key (en_key), for what a held-out term hides."""
    from glossary.forms import en_key

    out: dict[str, list] = {}
    for t in terms:
        out.setdefault(en_key(t.en), []).append(t)
    return out


def hidden_forms(t, same_english: dict[str, list]) -> tuple[set[str], list]:
    """What a held-out term hides from the composer: its own forms and those of every other term
    with the same English (en_key); and those other terms."""
    from glossary.forms import en_key

    same = [u for u in same_english.get(en_key(t.en), []) if u.id != t.id]
    return {t.zh_hans, *t.zh_alias} | {f for u in same for f in (u.zh_hans, *u.zh_alias) if f}, same


def evaluated(c) -> bool:
    """Whether a held-out term is scored: its composition (without the phrasing) has two parts or
    more, at least one a glossary term or a lexicon word."""
    return len(c.parts) >= 2 and any(p.source in ("glossary", "lexicon") for p in c.parts)


def references(t) -> list[str]:
    """A term's standard and accepted English, and each without its brackets ("(PAP)")."""
    from glossary.forms import without_brackets

    refs = [t.en, *t.en_alt]
    return refs + [without_brackets(r).strip() for r in refs if without_brackets(r).strip() != r]


def leave_one_out(show: int, use_phrasing: bool = True, use_senses: bool = True,
                  dump: Path | None = None) -> dict[str, dict[str, list[float]]]:
    from glossary.cedict import readings_within
    from glossary.composition import Composer, glossary_forms, table_phrasing
    from glossary.pinyin import PinyinWriter
    from glossary.store import load

    g = load()
    terms = [t for t in g if t.zh_hans]
    forms = glossary_forms(g)
    known = {t.zh_hans: t.en for t in g}
    readings = readings_within([t.zh_hans for t in terms], 8)
    composer = Composer(forms, readings, senses=None if use_senses else {})
    phrasing = table_phrasing(composer, g) if use_phrasing else None
    # what a held-out term hides: its own forms, and every term whose English is derived from
    # it (its Chinese contains the held-out term's) or is the same English (en_key)
    by_key = by_english(terms)
    writer = PinyinWriter(g)
    scores: dict[str, dict[str, list[float]]] = {}
    buckets: dict[str, list[int]] = {}
    classes: Counter[str] = Counter()
    shapes: dict[str, list[int]] = {}
    shown = 0
    dumped: list[str] = []
    for t in terms:
        own = {t.zh_hans, *t.zh_alias}
        hidden, same = hidden_forms(t, by_key)
        derived = [u.id for u in terms if u.id != t.id and any(f and f in u.zh_hans for f in own)]
        view = phrasing.without([t.id, *derived, *(u.id for u in same)]) if phrasing is not None else None
        # which terms are evaluated is decided without the phrasing, so both runs score the same terms
        plain = composer.compose(t.zh_hans, exclude=hidden)
        if not evaluated(plain):
            continue
        c = composer.compose(t.zh_hans, exclude=hidden, phrasing=view) if view is not None else plain
        refs = references(t)
        if dump is not None:
            dumped.append(f"{t.id}\t{half(t.id)}\t{t.zh_hans}\t{int(exact(c.english, refs))}\t{f1(c.english, refs):.3f}\t{c.english}")
        known_minus = {k: v for k, v in known.items() if k not in hidden}
        old = bag(t.zh_hans, known_minus, readings, writer)
        s = scores.setdefault(half(t.id), {"n": [], "exact": [], "f1": [], "old_exact": [], "old_f1": []})
        s["n"].append(1)
        s["exact"].append(float(exact(c.english, refs)))
        s["f1"].append(f1(c.english, refs))
        s["old_exact"].append(float(exact(old, refs)))
        s["old_f1"].append(f1(old, refs))
        band = "≥0.9" if c.confidence >= 0.9 else "0.75–0.9" if c.confidence >= 0.75 else "<0.75"
        buckets.setdefault(band, []).append(int(exact(c.english, refs)))
        if half(t.id) == "dev":
            shapes.setdefault(shape(t.zh_hans, c.parts), []).append(int(exact(c.english, refs)))
        if half(t.id) == "dev" and not exact(c.english, refs):
            cls = miss_class(c.english, c.method, refs, c.parts)
            classes[cls] += 1
            if show and shown < show:
                parts = " ".join(f"{p.zh}={p.en or '?'}[{p.source}]" for p in c.parts if p.en or p.source == "none")
                print(f"  {t.zh_hans}\t{c.english}\t| {t.en}\t({c.confidence})\t{cls}\t{parts}", file=sys.stderr)
                shown += 1
    if dump is not None:
        dump.write_text("id\thalf\tzh\texact\tf1\tenglish\n" + "\n".join(dumped) + "\n", encoding="utf-8")
    print("\n(a) Leave-one-out over the curated table\n")
    print("| half | terms | composer exact | composer token F1 | gloss bag exact | gloss bag token F1 |")
    print("|---|---:|---:|---:|---:|---:|")
    for name in ("dev", "test", "all"):
        rows = scores.values() if name == "all" else [scores.get(name, {})]
        agg: dict[str, list[float]] = {}
        for r in rows:
            for k, v in r.items():
                agg.setdefault(k, []).extend(v)
        n = len(agg.get("n", []))
        if not n:
            continue
        mean = {k: sum(v) / n for k, v in agg.items()}
        print(f"| {name} | {n} | {mean['exact']:.1%} | {mean['f1']:.3f} | {mean['old_exact']:.1%} | {mean['old_f1']:.3f} |")
    misses = sum(classes.values()) or 1
    print("\nDev misses by class:\n")
    print("| class | misses | share |")
    print("|---|---:|---:|")
    for cls, count in classes.most_common():
        print(f"| {cls} | {count} | {count / misses:.0%} |")
    print("\nDev terms by the shape of the phrase:\n")
    print("| shape | terms | exact | misses |")
    print("|---|---:|---:|---:|")
    for name, hits in sorted(shapes.items(), key=lambda x: -len(x[1])):
        print(f"| {name} | {len(hits)} | {sum(hits) / len(hits):.1%} | {len(hits) - sum(hits)} |")
    print("\nComposer exact match by confidence band (all terms):\n")
    print("| confidence | terms | exact |")
    print("|---|---:|---:|")
    for band in ("≥0.9", "0.75–0.9", "<0.75"):
        b = buckets.get(band, [])
        if b:
            print(f"| {band} | {len(b)} | {sum(b) / len(b):.1%} |")
    return scores


def parallel(paths: list[Path], show: int, use_phrasing: bool = True, use_senses: bool = True) -> None:
    import polars as pl

    from glossary.alignment import align_segments
    from glossary.cedict import readings_within
    from glossary.composition import Composer, glossary_forms, table_phrasing
    from glossary.io.parallel import read_parallel
    from glossary.pinyin import PinyinWriter
    from glossary.store import load

    g = load()
    segments = [s for p in paths for s in read_parallel(p)]
    df = align_segments(segments, glossary=g)
    new = df.filter(~pl.col("in_glossary") & (pl.col("rank") == 1) & (pl.col("support") >= 2) & (pl.col("en") != ""))
    pairs = list(zip(new["zh"].to_list(), new["en"].to_list(), strict=True))
    readings = readings_within([z for z, _ in pairs], 8)
    composer = Composer(glossary_forms(g), readings_within([*(z for z, _ in pairs), *(t.zh_hans for t in g)], 8),
                        senses=None if use_senses else {})
    composer.phrasing = table_phrasing(composer, g) if use_phrasing else None
    writer = PinyinWriter(g)
    known = {t.zh_hans: t.en for t in g}
    res = {"exact": 0.0, "f1": 0.0, "old_exact": 0.0, "old_f1": 0.0}
    methods: Counter[str] = Counter()
    for i, (zh, en) in enumerate(pairs):
        c = composer.compose(zh)
        old = bag(zh, known, readings, writer)
        methods[c.method] += 1
        res["exact"] += exact(c.english, [en])
        res["f1"] += f1(c.english, [en])
        res["old_exact"] += exact(old, [en])
        res["old_f1"] += f1(old, [en])
        if i < show:
            print(f"  {zh}\t{c.english}\t| aligned: {en}\t| bag: {old}", file=sys.stderr)
    n = len(pairs) or 1
    print(f"\n(b) Phrases `glossary align` pairs in {len(paths)} official text(s) that the glossary lacks\n")
    print("| phrases | composer exact | composer token F1 | gloss bag exact | gloss bag token F1 |")
    print("|---:|---:|---:|---:|---:|")
    print(f"| {len(pairs)} | {res['exact'] / n:.1%} | {res['f1'] / n:.3f} | {res['old_exact'] / n:.1%} | {res['old_f1'] / n:.3f} |")
    print(f"\nmethods: {dict(methods)}")


def ceiling() -> None:
    """How far exact match could go with the English the parts offer: the share of the evaluated
    terms (as leave-one-out picks them) for which every content word (folded) of some reference is
    offered by the English of some substring of the term (glossary forms not hidden, every lexicon
    role, every CC-CEDICT sense), and by the parts of the composer's own cut. A necessary condition
    of an exact match, not a sufficient one: order, number and glue words are left aside."""
    from glossary.cedict import readings_within
    from glossary.composition import Composer, _lexicon, glossary_forms
    from glossary.literal import content_stems
    from glossary.store import load

    g = load()
    terms = [t for t in g if t.zh_hans]
    readings = readings_within([t.zh_hans for t in terms], 8)
    composer = Composer(glossary_forms(g), readings)
    lexicon = _lexicon()
    renderings: dict[str, list[str]] = {}
    for t in g:
        for f in (t.zh_hans, *t.zh_alias):
            renderings.setdefault(f, []).extend([t.en, *t.en_alt])
    by_key = by_english(terms)
    counts: dict[str, list[int]] = {}
    for t in terms:
        hidden, _ = hidden_forms(t, by_key)
        c = composer.compose(t.zh_hans, exclude=hidden)
        if not evaluated(c):
            continue

        def offers(piece: str, hidden: set[str] = hidden) -> list[str]:
            if piece in hidden:
                return []
            return [*renderings.get(piece, []), *lexicon.get(piece, {}).values(),
                    *(s for _, senses in readings.get(piece, ()) for s in senses)]

        z = t.zh_hans
        anywhere = {w for i in range(len(z)) for j in range(i + 1, min(len(z), i + 9) + 1)
                    for e in offers(z[i:j]) for w in content_stems(e)}
        cut = {w for p in c.parts for e in (*offers(p.zh), p.en) for w in content_stems(e)}
        refs = references(t)
        row = counts.setdefault(half(t.id), [0, 0, 0])
        row[0] += 1
        row[1] += any(set(content_stems(r)) <= anywhere for r in refs)
        row[2] += any(set(content_stems(r)) <= cut for r in refs)
    print("\n(c) The words on offer: terms whose reference words all come from the parts' English\n")
    print("| half | terms | from some substring | from the composer's cut |")
    print("|---|---:|---:|---:|")
    for name, (n, some, own) in sorted(counts.items()):
        print(f"| {name} | {n} | {some / n:.1%} | {own / n:.1%} |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--parallel", nargs="*", type=Path, default=[])
    ap.add_argument("--show", type=int, default=0, help="print N examples (dev misses, parallel pairs) to stderr")
    ap.add_argument("--no-phrasing", action="store_true", help="without what the table teaches (glossary.phrasing)")
    ap.add_argument("--dump", type=Path, help="write every term's result (id, half, zh, exact, f1, english) to this TSV, "
                    "to compare two runs term by term (an ablation)")
    ap.add_argument("--no-senses", action="store_true", help="without the senses learned from parallel text (glossary.senses)")
    ap.add_argument("--ceiling", action="store_true", help="only (c): the share of terms whose reference words the parts offer at all")
    a = ap.parse_args(argv)
    if a.ceiling:
        ceiling()
        return 0
    leave_one_out(a.show, not a.no_phrasing, not a.no_senses, a.dump)
    if a.parallel:
        parallel(a.parallel, a.show, not a.no_phrasing, not a.no_senses)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
