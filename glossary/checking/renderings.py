"""Is a rendering present in a piece of English? Keys, word streams and the loose test.

The "does the target contain a rendering of T" test compares normalised word streams
(:func:`glossary.forms.en_words`), so case, plurals, hyphens and possessives do not matter.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ..forms import ARTICLES, en_key, en_words, without_brackets

if TYPE_CHECKING:
    from ..terms import Term

#: Function words ignored when judging whether a rendering is loosely present.
_STOP = frozenset(
    "a an the of and or in on at to for with by from as its it their our this that is are be all "
    "new more further".split()
)


def rendering_keys(forms: Iterable[str]) -> tuple[str, ...]:
    """Normalised keys of renderings, with a bracketed part also dropped
    ("Communist Party of China (CPC)" is present when the text says "Communist Party of China")."""
    keys: list[str] = []
    for form in forms:
        for variant in (form, without_brackets(form)):
            key = en_key(variant)
            if key and key not in keys:
                keys.append(key)
    return tuple(keys)


def word_stream(text: str) -> str:
    """The normalised word stream of *text*, space-padded so a key matches whole words only."""
    return " " + " ".join(k for k, _, _ in en_words(text)) + " "


def used_keys(stream: str, keys: Sequence[str]) -> tuple[str, ...]:
    """Which of *keys* (longest first) occur in *stream*, a shorter key not counting inside a
    longer one already found ("CPC" inside "CPC Central Committee")."""
    taken: list[tuple[int, int]] = []
    used: list[str] = []
    for key in keys:
        needle = f" {key} "
        start = stream.find(needle)
        while start != -1:
            span = (start, start + len(needle))
            if not any(a < span[1] - 1 and span[0] + 1 < b for a, b in taken):
                taken.append(span)
                if key not in used:
                    used.append(key)
            start = stream.find(needle, start + 1)
    return tuple(used)


def _stem(word: str) -> str:
    return word[:5]


def stems(stream: str) -> frozenset[str]:
    """The word stems of a stream, for :func:`loosely_present`."""
    return frozenset(_stem(w) for w in stream.split())


def loosely_present(stem_set: frozenset[str], key: str) -> bool:
    """The content words of *key* (by their first five letters, so build/building and
    prosperous/prosperity meet) occur in the segment, all of them for keys of three content
    words, all but one for longer keys ("complete the building of a moderately prosperous
    society" for "finishing building …"). Keys of one or two content words must match exactly,
    since two common words co-occur by chance."""
    content = [w for w in key.split() if w not in _STOP]
    if len(content) < 3:
        return False
    present = sum(1 for w in content if _stem(w) in stem_set)
    return present >= len(content) - (1 if len(content) >= 4 else 0)


def without_article(form: str, found: str) -> str:
    """*form* as it would stand in place of *found*: without a leading article that *found* lacks
    ("Three Represents", not "the Three Represents", for a found "three represents")."""
    words = form.split(None, 1)
    lead = en_words(found)
    if len(words) == 2 and words[0].lower() in ARTICLES and not (lead and lead[0][0] == words[0].lower()):
        return words[1]
    return form


def case_forms(terms: Sequence[Term]) -> dict[str, list[tuple[Term, str]]]:
    """Key → (term, form) for every standard and accepted rendering, with its bracketed part
    and without: the forms whose capitalisation a found rendering is compared with."""
    out: dict[str, list[tuple[Term, str]]] = {}
    for t in terms:
        for form in t.renderings:
            for variant in dict.fromkeys((form, without_brackets(form).strip())):
                key = en_key(variant)
                if key and (t, variant) not in out.setdefault(key, []):
                    out[key].append((t, variant))
    return out


def form_for(term: Term, key: str) -> str:
    """The rendering of *term* that *key* stands for, as the glossary writes it."""
    for form in term.renderings:
        if key in rendering_keys([form]):
            return without_brackets(form) if en_key(form) != key else form
    return key


def some_alternatives(term: Term, limit: int = 2) -> tuple[list[str], str]:
    """Up to *limit* short accepted alternatives to quote in a message, and '; …' if there are more."""
    shown = [a for a in term.en_alt if len(a) <= 70][:limit]
    return shown, ("; …" if len(term.en_alt) > len(shown) else "")


def single_word_only(term: Term) -> bool:
    """Every accepted rendering of *term* is one lowercase word (an ordinary English word)."""
    forms = [without_brackets(f).strip() for f in term.renderings]
    return all(len(en_words(f)) == 1 and not any(c.isupper() for c in f) for f in forms if f)
