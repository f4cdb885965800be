"""Orthographic pinyin (GB/T 16159) for any Chinese phrase.

pypinyin gives one syllable per character and no word rules. This module adds, in order:

1. **syllables**: the project's own polyphone corrections (``data/pinyin_fixes.tsv``) and the
   hand-checked ``pinyin_num`` of every glossary term win over pypinyin;
2. **words**: glossary terms are kept whole (their hand-checked orthographic pinyin is used as it
   is); the rest is segmented with jieba's dictionary, and units of four or more syllables are
   split into their dictionary words unless they are set phrases (chengyu);
3. **orthography**: syllables of a word joined, apostrophe before a/o/e inside a word, numerals
   apart from measure words, ``dì-`` before ordinals, proper nouns (names, places,
   organisations) capitalised word by word, surname apart from given name, set phrases as two
   hyphenated halves.

Everything heavy (pypinyin, jieba, CC-CEDICT) loads on first use and is cached per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from .forms import is_han
from .tones import mark_syllable, strip_tones

if TYPE_CHECKING:
    from .store import Glossary

_NUMERALS = "零〇一二两三四五六七八九十百千万亿"
_NUM_RE = re.compile(rf"^(第)?([{_NUMERALS}]+)(.*)$")
_SURNAMES2 = {"欧阳", "司马", "诸葛", "上官", "司徒", "东方", "夏侯", "皇甫", "尉迟", "公孙", "慕容", "长孙"}
_PROPER = {"nr", "nrfg", "nrt", "ns", "nt", "nz"}
_PERSON = {"nr", "nrfg", "nrt"}
_SUFFIXES = set("式化性者家们型界度率")
_PREFIXES = set("总副非超准反")
_PUNCT = {"，": ",", "。": ".", "、": ",", "；": ";", "：": ":", "！": "!", "？": "?", "（": "(", "）": ")",
          "“": "“", "”": "”", "《": "«", "》": "»", "·": "·"}


@dataclass(frozen=True, slots=True)
class Word:
    """One orthographic word: its characters, numbered syllables and how it is written."""

    text: str
    syllables: tuple[str, ...]
    pinyin: str


def _fixes_path() -> Path:
    from .resources import data_dir

    return data_dir() / "pinyin_fixes.tsv"


@lru_cache(maxsize=1)
def project_fixes() -> dict[str, tuple[str, ...]]:
    """The project's polyphone corrections: phrase → numbered syllables."""
    out: dict[str, tuple[str, ...]] = {}
    path = _fixes_path()
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if not line.strip() or line.startswith("#"):
            continue
        phrase, syl, *_ = line.split("\t")
        out[phrase.strip()] = tuple(syl.split())
    return out


@lru_cache(maxsize=1)
def _tokenizer():
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    return tk, jieba.posseg.POSTokenizer(tk)


def _pypinyin(text: str) -> list[str]:
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(text, style=Style.TONE3, neutral_tone_with_five=True, errors=lambda s: list(s))


def pypinyin_syllables(text: str) -> list[str]:
    """pypinyin's own numbered syllables for *text*, with no corrections (for comparisons)."""
    return _pypinyin(text)


class PinyinWriter:
    """Writes orthographic pinyin, using a glossary's terms and the project's corrections."""

    def __init__(self, glossary: "Glossary | None" = None, fixes: dict[str, tuple[str, ...]] | None = None) -> None:
        self._terms: dict[str, tuple[str, tuple[str, ...]]] = {}
        self._fixes = dict(project_fixes() if fixes is None else fixes)
        if glossary is not None:
            for t in glossary:
                if len(t.zh_hans) < 2:
                    continue
                syl = tuple(t.pinyin_num.split())
                self._terms[t.zh_hans] = (t.pinyin, syl)
                if len(syl) == len(t.zh_hans) and all(is_han(ch) for ch in t.zh_hans):
                    self._fixes.setdefault(t.zh_hans, syl)
        self._longest_term = max(map(len, self._terms), default=0)
        self._longest_fix = max(map(len, self._fixes), default=0)

    # -- syllables -------------------------------------------------------------------------
    def syllables(self, text: str) -> list[str]:
        """Numbered syllables, one per Han character (non-Han characters come back unchanged)."""
        out: list[str] = []
        i = 0
        plain = 0
        n = len(text)
        while i < n:
            found = None
            for k in range(min(self._longest_fix, n - i), 1, -1):
                syl = self._fixes.get(text[i : i + k])
                if syl is not None and len(syl) == k:
                    found = syl
                    break
            if found is None:
                single = self._fixes.get(text[i])
                if single is not None and len(single) == 1:
                    found = single
            if found is not None:
                if plain < i:
                    out += _pypinyin(text[plain:i])
                out += found
                i += len(found)
                plain = i
            else:
                i += 1
        if plain < n:
            out += _pypinyin(text[plain:])
        return out

    def numbered(self, text: str) -> str:
        """Numbered syllables, word by word (glossary terms use their checked ``pinyin_num``)."""
        parts: list[str] = []
        for w in self.words(text):
            if isinstance(w, Word):
                parts += w.syllables
            elif w.strip():
                parts.append(w.strip())
        return " ".join(parts)

    # -- words -----------------------------------------------------------------------------
    def words(self, text: str) -> list[Word | str]:
        """Orthographic words of *text*; runs that are not Han come back as plain strings."""
        out: list[Word | str] = []
        i = plain = 0
        n = len(text)
        while i < n:  # glossary terms first, whole, even when they hold punctuation (、)
            hit = None
            if is_han(text[i]):
                for k in range(min(self._longest_term, n - i), 1, -1):
                    if text[i : i + k] in self._terms:
                        hit = text[i : i + k]
                        break
            if hit:
                if plain < i:
                    out += self._plain(text[plain:i])
                pin, syl = self._terms[hit]
                out.append(Word(hit, syl, pin))
                i += len(hit)
                plain = i
            else:
                i += 1
        if plain < n:
            out += self._plain(text[plain:])
        return out

    def _plain(self, text: str) -> list[Word | str]:
        out: list[Word | str] = []
        for run, han in _runs(text):
            out += self._segment(run) if han else [run]
        return out

    def _segment(self, chunk: str) -> list[Word]:
        syl = self.syllables(chunk)
        _, pos = _tokenizer()
        words: list[Word] = []
        at = 0
        pieces = [(p.word, p.flag) for p in pos.cut(chunk, HMM=False)]
        for token, flag in _attach_affixes(pieces):
            tsyl = syl[at : at + len(token)]
            at += len(token)
            words += self._orthography(token, tuple(tsyl), flag)
        return words

    def _orthography(self, token: str, syl: tuple[str, ...], flag: str) -> list[Word]:
        m = _NUM_RE.match(token)
        if m and (flag == "m" or m.group(1)) and m.group(2):
            return _numeral_words(token, syl, m)
        if flag in _PERSON and 2 <= len(token) <= 3:
            cut = 2 if token[:2] in _SURNAMES2 and len(token) > 2 else 1
            return [_word(token[:cut], syl[:cut], True), _word(token[cut:], syl[cut:], True)]
        proper = flag in _PROPER
        if len(token) >= 4:
            from .cedict import is_idiom

            if len(token) == 4 and (flag in ("i", "l") or is_idiom(token)):
                return [Word(token, syl, _join(syl[:2]) + "-" + _join(syl[2:]))]
            parts = _split_long(token)
            out = []
            at = 0
            for p in parts:
                out.append(_word(p, syl[at : at + len(p)], proper))
                at += len(p)
            return out
        return [_word(token, syl, proper)]

    def orthographic(self, text: str, tones: bool = True) -> str:
        """GB/T 16159 pinyin for *text*: ``'两个维护'`` → ``'liǎng gè wéihù'``."""
        parts: list[str] = []
        for w in self.words(text):
            if isinstance(w, Word):
                parts.append(w.pinyin)
            else:
                parts.append(w)
        result = _assemble(parts)
        return result if tones else strip_tones(result)


def _runs(text: str) -> Iterable[tuple[str, bool]]:
    if not text:
        return
    start = 0
    cur = is_han(text[0])
    for i, ch in enumerate(text[1:], start=1):
        h = is_han(ch)
        if h != cur:
            yield text[start:i], cur
            start, cur = i, h
    yield text[start:], cur


def _attach_affixes(pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Join single-character prefixes and suffixes (副, 总 …; 式, 化, 性 …) to their stems."""
    out: list[tuple[str, str]] = []
    pending = ""
    for word, flag in pieces:
        if pending:
            word, pending = pending + word, ""
        if len(word) == 1 and word in _SUFFIXES and out and len(out[-1][0]) <= 3 and out[-1][1] != "m":
            prev, pflag = out.pop()
            out.append((prev + word, pflag))
            continue
        if len(word) == 1 and word in _PREFIXES:
            pending = word
            continue
        out.append((word, flag))
    if pending:
        out.append((pending, "x"))
    return out


def _split_long(token: str) -> list[str]:
    """Split a 4+ character unit into dictionary words of 2–3 characters (forward longest match)."""
    tk, _ = _tokenizer()
    parts = []
    i = 0
    while i < len(token):
        for k in (3, 2):
            piece = token[i : i + k]
            if len(piece) == k and tk.FREQ.get(piece) and (len(token) - i - k != 1 or token[-1] in _SUFFIXES):
                parts.append(piece)
                i += k
                break
        else:
            if parts and token[i] in _SUFFIXES:
                parts[-1] += token[i]
            else:
                parts.append(token[i])
            i += 1
    merged: list[str] = []
    for p in parts:  # a lone character left between words goes with the previous one
        if len(p) == 1 and merged and len(merged[-1]) < 3:
            merged[-1] += p
        else:
            merged.append(p)
    return merged


def _numeral_words(token: str, syl: tuple[str, ...], m: re.Match) -> list[Word]:
    ordinal, number, rest = m.group(1) or "", m.group(2), m.group(3)
    out: list[Word] = []
    at = 0
    if ordinal:
        nsyl = syl[: 1 + len(number)]
        out.append(Word(ordinal + number, nsyl, _join(nsyl[:1]) + "-" + _join(nsyl[1:])))
        at = len(nsyl)
    else:
        nsyl = syl[: len(number)]
        out.append(Word(number, nsyl, _join(nsyl)))
        at = len(nsyl)
    if rest:
        out.append(_word(rest, syl[at:], False))
    return out


def _join(syl: Iterable[str]) -> str:
    out = []
    for i, s in enumerate(syl):
        marked = mark_syllable(s) if re.fullmatch(r"[a-zü:v]+[1-5]", s) else s
        if i and marked[:1].lower() in "aāáǎàoōóǒòeēéěè":
            out.append("'")
        out.append(marked)
    return "".join(out)


def _word(text: str, syl: tuple[str, ...], capital: bool) -> Word:
    p = _join(syl)
    if capital and p:
        p = p[0].upper() + p[1:]
    return Word(text, syl, p)


def _assemble(parts: list[str]) -> str:
    out = ""
    for p in parts:
        if not p:
            continue
        if all(ch in _PUNCT or not ch.strip() or (not ch.isalnum() and not is_han(ch)) for ch in p):
            out = out.rstrip() + "".join(_PUNCT.get(ch, ch) for ch in p).strip() + " "
            continue
        out += p + " " if not p.endswith(" ") else p
    return re.sub(r"\s+", " ", out).strip()


def orthographic(text: str, glossary: "Glossary | None" = None, tones: bool = True) -> str:
    """Module-level convenience: orthographic pinyin for *text* (see :class:`PinyinWriter`)."""
    return PinyinWriter(glossary).orthographic(text, tones=tones)


def numbered(text: str, glossary: "Glossary | None" = None) -> str:
    """Numbered syllables (``liang3 ge4 wei2 hu4``) with the project's corrections."""
    return PinyinWriter(glossary).numbered(text)


@lru_cache(maxsize=4096)
def readings(char: str) -> frozenset[str]:
    """Every numbered reading pypinyin knows for one character (ü written as v)."""
    from pypinyin import Style, pinyin

    got = pinyin(char, style=Style.TONE3, heteronym=True, neutral_tone_with_five=True)
    return frozenset(r.replace("ü", "v") for group in got for r in group)
