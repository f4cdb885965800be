"""Normalised keys: the one place that decides when two spellings are "the same".

Lookup, extraction and checking all compare text through these functions, so a rule added here
(a new quote style, a plural ending) applies everywhere at once.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache
from itertools import repeat
from operator import itemgetter

from .tones import has_tone_marks, numbered_to_marked, strip_tones

_PUNCT_ZH = "“”‘’「」『』《》〈〉【】（）()[]〔〕·•・、，。！？；：,.!?;:\"'`~—–-_ \t\u3000…"
_ZH_STRIP = str.maketrans("", "", _PUNCT_ZH)
#: A word with a possessive 's it swallows ("Party's" keys as "party", and no stray "s" follows).
_TOKEN = re.compile(r"[0-9A-Za-z\u00C0-\u024F]+(?:'[sS](?![^\W_]))?")
_IRREGULAR = {"children": "child", "people": "people", "men": "man", "women": "woman"}
#: Words ending in -s that are no plurals: "news" must not meet "new", nor "politics" "politic".
_INVARIANT = frozenset("news series species means headquarters politics economics ethics".split())


def is_han(ch: str) -> bool:
    cp = ord(ch)
    return 0x4E00 <= cp <= 0x9FFF or cp == 0x3007 or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2FFFF or 0xF900 <= cp <= 0xFAFF


#: The characters :func:`is_han` accepts, as the inside of a regular-expression class (for
#: patterns that stop at or skip Chinese characters; one search in C over a long text).
HAN_CLASS = "\u4e00-\u9fff\u3007\u3400-\u4dbf\U00020000-\U0002ffff\uf900-\ufaff"
_HAN_CHAR = re.compile(f"[{HAN_CLASS}]")


def has_han(text: str) -> bool:
    """Whether *text* holds a Chinese character (:func:`is_han`). Extraction asks it of every
    document: a text without one holds no Chinese glossary form and no Chinese rule phrase, so an
    English document skips those passes."""
    return _HAN_CHAR.search(text) is not None


def han_count(text: str) -> int:
    return sum(1 for ch in text if is_han(ch))


def latin_count(text: str) -> int:
    return sum(1 for ch in text if ch.isascii() and ch.isalpha())


def mostly_chinese(text: str, share: float = 0.3) -> bool:
    """Whether Chinese makes up more than *share* of *text*, a Han character weighing as much as
    four Latin letters (about a word each). Used to refuse a Chinese file where an English
    translation is expected, and the other way round."""
    han = han_count(text)
    return han > share * (han + latin_count(text) / 4)


def language(text: str) -> str:
    """``'zh'`` for a text that is :func:`mostly_chinese`, else ``'en'``: the one language guess
    every command makes when it is not told."""
    return "zh" if mostly_chinese(text) else "en"


def zh_key(text: str) -> str:
    """Chinese key: NFKC (full-width to half-width), punctuation, quotes and spaces removed."""
    return unicodedata.normalize("NFKC", text).translate(_ZH_STRIP).lower()


def singular(word: str) -> str:
    """A deliberately small English singulariser: enough to make plurals and possessives meet.

    It only has to map a word and its plural to the same key; it never has to produce a real word.
    """
    w = word.lower()
    if w.endswith("'s") or w.endswith("’s"):
        w = w[:-2]
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if w in _INVARIANT or len(w) <= 3 or w.endswith(("ss", "us", "is")):
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "xes", "sses")):
        return w[:-2]
    if w.endswith("s"):
        return w[:-1]
    return w


#: British spellings whose American form is not made by a rule below (keys are singular).
_BRITISH = {
    "defence": "defense", "offence": "offense", "licence": "license", "pretence": "pretense",
    "programme": "program", "judgement": "judgment", "ageing": "aging", "enrolment": "enrollment",
    "fulfil": "fulfill", "fulfilment": "fulfillment", "instalment": "installment", "skilful": "skillful",
    "wilful": "willful", "manoeuvre": "maneuver", "catalogue": "catalog", "dialogue": "dialog",
    "analyse": "analyze", "paralyse": "paralyze", "grey": "gray", "sceptical": "skeptical",
    "centre": "center", "centred": "centered", "centring": "centering", "theatre": "theater",
    "metre": "meter", "kilometre": "kilometer", "litre": "liter", "fibre": "fiber", "calibre": "caliber",
    "spectre": "specter", "sombre": "somber", "meagre": "meager", "lustre": "luster",
}
#: Words that keep -our in American English too ("four" must not become "for").
_OUR_WORDS = frozenset(
    "labour honour colour favour neighbour behaviour harbour vigour rigour endeavour flavour humour rumour "
    "vapour armour saviour valour glamour fervour odour clamour parlour candour splendour tumour".split()
)
#: Verbs that double their l in British English only (travelled, modelling, counsellor).
_DOUBLE_L = frozenset("travel model label cancel level fuel channel signal counsel marshal tunnel total equal dial".split())
_OUR = re.compile(r"^(\w+?)our(s|ed|ing|able|ably|ite|ites|er|ers)?$")
_ISE = re.compile(r"^(\w{3,}?)is(e|ed|es|ing|er|ers|ation|ations|ational)$")
_LLED = re.compile(r"^(\w+?l)l(ed|ing|er|ers|or|ors)$")


def american(word: str) -> str:
    """*word* (lowercase) in American spelling, so British and American renderings meet:
    modernisation → modernization, labour → labor, centred → centered, travelled → traveled.

    Only spellings listed or ruled here change; both sides of every comparison pass through the
    same fold, so a word it does not know is simply left as it is."""
    if word in _BRITISH:
        return _BRITISH[word]
    m = _OUR.match(word)
    if m and m.group(1) + "our" in _OUR_WORDS:
        return m.group(1) + "or" + (m.group(2) or "")
    m = _ISE.match(word)
    if m and word not in _ISE_KEPT:
        return m.group(1) + "iz" + m.group(2)
    m = _LLED.match(word)
    if m and m.group(1) in _DOUBLE_L:
        return m.group(1) + m.group(2)
    return word


#: Words in -ise that are spelt so on both sides of the Atlantic (never -ize).
_ISE_KEPT = frozenset(
    "advise advised advises advising adviser advisers advertise advertised advertising advertiser arise arising "
    "chastise comprise comprised comprises comprising compromise compromised compromises compromising demise "
    "despise devise devised devising disguise enterprise enterprises excise exercise exercised exercises "
    "exercising expertise franchise franchises improvise improvised merchandise premise premises promise "
    "promised promises promising revise revised revises revising supervise supervised supervises supervising "
    "supervision surmise surprise surprised surprises surprising televise televised precise concise paradise "
    "raise raised raises raising praise praised praises praising noise cruise bruise rise rises rising "
    "sunrise reprise treatise otherwise likewise wise prise".split()
)


@lru_cache(maxsize=1 << 16)
def word_key(word: str) -> str:
    """One English word's key: singular, American spelling (memoised: texts repeat their words)."""
    return american(singular(word))


#: A letter an English word token can hold (:data:`_TOKEN`'s letters).
_LETTER = re.compile(r"[A-Za-z\u00C0-\u024F]")


def has_letter(text: str) -> bool:
    """Whether *text* holds a letter of an English word: text without one (most Chinese
    documents; digits are tokens, but no English rendering is made of digits alone) holds no
    English glossary form and no machine rendering, so those passes skip it. (The quoted-phrase
    rule still reads it: “90后” is such a phrase.)"""
    return _LETTER.search(text) is not None


def en_words(text: str) -> list[tuple[str, int, int]]:
    """English word tokens as ``(key, start, end)``; hyphens and apostrophes split or vanish.

    ``Chinese-style`` gives two tokens like ``Chinese style``; ``People's`` gives ``people``.
    """
    t = text.replace("’", "'")
    return [(word_key(m.group()), m.start(), m.end()) for m in _TOKEN.finditer(t)]


#: :data:`_TOKEN` as a splitter: the pieces alternate between the text between words and words.
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")


def en_word_columns(text: str) -> tuple[list[str], list[int], list[int], list[str]]:
    """:func:`en_words` as columns, ``(keys, starts, ends, gaps)``, with ``gaps[n - 1]`` the
    text between word *n* − 1 and word *n* (curly apostrophes made straight, as the tokens see
    them). One split of the text, its offsets summed in C: no match object or tuple per word,
    which is what a pass that needs the words only for a stream of keys saves (about a third of
    the time of :func:`en_words` and the mapping of its tuples into columns)."""
    from itertools import accumulate

    parts = _TOKEN_SPLIT.split(text.replace("’", "'"))  # gap, word, gap, word, …, gap
    offsets = list(accumulate(map(len, parts)))  # offsets[2k]: where word k starts, offsets[2k + 1]: its end
    return list(map(word_key, parts[1::2])), offsets[0:-1:2], offsets[1::2], parts[2:-1:2]


def barrier_gaps(text: str, tokens: Sequence[tuple[str, int, int]], barrier: re.Pattern[str]) -> list[int]:
    """The positions *n* of the tokens (``en_words(text)``) that a character of *barrier* (clause
    punctuation, a character class) separates from token *n* − 1, ascending. *barrier* must match
    no character a token holds.

    Every mark between the first token's end and the last token's start is mapped to the token
    after it by bisection, all in C; several marks in one gap give one position. A pattern that
    also had to reach the next word from each mark (an earlier version) rescanned the whole run
    of non-word characters after every mark: in Chinese text with a few Latin words that is the
    rest of the document per comma, which made this the top line of a ``--top 50`` profile."""
    if len(tokens) < 2:
        return []
    starts = list(map(itemgetter(1), tokens))
    marks = barrier.finditer(text, tokens[0][2], tokens[-1][1])
    return sorted(set(map(bisect_left, repeat(starts), map(re.Match.start, marks))))


#: English articles: a leading one is no part of a rendering's key.
ARTICLES = frozenset(("the", "a", "an"))

#: A bracketed part of a rendering, ASCII or full-width: "National People's Congress (NPC)".
_BRACKETED = re.compile(r"\s*[(（][^)）]*[)）]")


def without_brackets(text: str) -> str:
    """*text* without its bracketed parts: a rendering listed as "National People's Congress
    (NPC)" is present when running text writes just "National People's Congress"."""
    return _BRACKETED.sub("", text)


_ACRONYM = re.compile(r"[(（]\s*([A-Z][A-Z0-9&-]{1,9}s?)\s*[)）]")


def bracketed_acronyms(text: str) -> list[str]:
    """The acronyms a rendering gives in brackets: "National People's Congress (NPC)" → ["NPC"]."""
    return _ACRONYM.findall(text)


def drop_article(words: list[str]) -> list[str]:
    """Lowercased word keys without a leading article, unless the article is all there is."""
    if len(words) > 1 and words[0] in ARTICLES:
        return words[1:]
    return words


def en_key(text: str) -> str:
    """English key: lowercase, singular words, punctuation dropped, leading 'the' dropped."""
    return " ".join(drop_article([w for w, _, _ in en_words(unicodedata.normalize("NFKC", text))]))


def rendering_key(text: str) -> str:
    """:func:`en_key` without any article, not only a leading one: "reform of the rural land
    system" and "reform of rural land system" are one rendering, as a translator reads them.
    What the composer's evaluation compares (never a lookup key: "a" and "the" are all it folds
    beyond :func:`en_key`)."""
    words = en_key(text).split()
    kept = [w for w in words if w not in ARTICLES]
    return " ".join(kept or words)


def pinyin_key(text: str) -> str:
    """Toneless pinyin key: ``'Liǎng gè wéihù'``, ``'liang3 ge4 wei2 hu4'`` → ``'ianggeweihu'``-style run.

    Tones are stripped before ü becomes v: a toned ü (ǜ in ``hónglǜdēng``) is one precomposed
    character, so replacing ü first missed it and the letter was dropped from the key."""
    t = strip_tones(unicodedata.normalize("NFC", text))
    t = t.replace("ü", "v").replace("Ü", "v").replace("u:", "v")
    return re.sub(r"[^a-z]", "", t.lower())


def toned_pinyin_key(text: str) -> str | None:
    """Key that keeps tones (as marks), or None when *text* carries no tone information."""
    t = unicodedata.normalize("NFC", text)
    if any(ch in "1234" for ch in t):
        t = numbered_to_marked(t)
    elif not has_tone_marks(t):
        return None
    t = t.replace("5", "")
    return re.sub(r"[\s'’\-:,.，、。;；]", "", t.lower())


@lru_cache(maxsize=1 << 16)
def surface_key(text: str) -> str:
    """Spelling as written, minus case, punctuation, hyphens and a leading article (memoised:
    the matcher keys every English hit and every form it may be, and both repeat).

    Coarser keys (:func:`en_key`) make plural and singular meet, which is what finding a term
    needs; deciding whether a rendering is the flagged one needs this finer key, because some
    flagged machine renderings differ from the standard only in number ("four consciousness"
    for Four Consciousnesses).
    """
    t = unicodedata.normalize("NFKC", text).replace("’", "'").lower()
    return " ".join(drop_article(re.sub(r"[^\w']+", " ", t).split()))
