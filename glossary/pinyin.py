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

Everything heavy (pypinyin's readings, jieba, CC-CEDICT) loads on first use and is cached per
process; pypinyin's readings come from a compact cache (:mod:`glossary.pinyin_table`), so writing
pinyin does not import pypinyin itself (validation, which asks it for every reading of a
character, still does).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, cast

from .forms import is_han, pinyin_key
from .segmenter import tagged_cut, tokenizer
from .tones import mark_syllable, strip_tones

if TYPE_CHECKING:
    from .store import Glossary

_NUMERALS = "零〇一二两三四五六七八九十百千万亿"
_NUM_RE = re.compile(rf"^(第)?([{_NUMERALS}]+)(.*)$")
_SURNAMES2 = {"欧阳", "司马", "诸葛", "上官", "司徒", "东方", "夏侯", "皇甫", "尉迟", "公孙", "慕容", "长孙"}
#: jieba tags trusted for places and organisations; its person and "other proper noun" tags
#: are not (it tags 权威 "authority" and 高度一致 as names), so those go through CC-CEDICT.
_PROPER = {"ns", "nt"}
_PERSON = {"nr", "nrfg", "nrt"}
#: common surnames: a jieba "person" not in CC-CEDICT is a name only if it starts with one
_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武"
    "戴莫孔向汤习温胡贺栗赵丁蔡尤"
)
#: the particles that stand apart from a word jieba glued them to (pypinyin reads them in context;
#: only the adverbial 地 takes a reading of the writer's own, :func:`_adverbial_de`)
_PARTICLES = frozenset("的地得了着过")
#: what jieba tags the words an adverbial 地 follows (adjectives, adverbs, set phrases)
_ADVERBIAL_TAGS = frozenset({"a", "ad", "ag", "an", "d", "dg", "i", "l", "z"})
#: Entries each memo of a writer keeps (bounded: a writer may annotate a whole book).
_MEMO_SIZE = 200_000
_OPENING = set("“‘《（([【「『")
#: what a 以 … 为 frame takes as its head after 为 (:func:`_frame_wei`): "take … as the centre,
#: the basis, the main line …"
_FRAME_HEADS = ("中心", "核心", "基础", "根本", "主线", "主体", "主导", "主要", "主攻", "主", "重点", "导向", "动力",
                "目标", "目的", "宗旨", "契机", "引领", "统领", "牵引", "指导", "依托", "抓手", "保障", "支撑", "载体",
                "纽带", "准绳", "遵循", "本", "己任", "荣", "耻", "先", "重", "突破口", "着力点", "落脚点", "出发点",
                "切入点", "前提", "关键", "标准", "尺度", "依据", "基点", "起点", "方向", "手段", "途径", "平台")
#: words of 各 that are one word, pronouns rather than 各 + a noun (各自 "each", 各个 "each one")
_GE_WORDS = frozenset({"各自", "各个"})
#: what ends a clause for the 以…为 frame (:func:`_yi_wei_words`)
_CLAUSE_MARKS = frozenset("，。、；：！？,.;:!?")
_SUFFIXES = set("式化性者家们型界度率")
_PREFIXES = set("总副非超准反")
#: Chinese punctuation and what orthographic pinyin writes for it (GB/T 16159: its Western
#: counterpart); the glossary's own pinyin column follows it too (:mod:`glossary.validate`).
PUNCTUATION = {"，": ",", "。": ".", "、": ",", "；": ";", "：": ":", "！": "!", "？": "?", "（": "(", "）": ")",
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


def _pypinyin(text: str) -> list[str]:
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(text, style=Style.TONE3, neutral_tone_with_five=True, errors=lambda s: list(s))  # type: ignore[arg-type, return-value]  # pypinyin accepts a list


def _citation_tones(text: str, syllables: list[str]) -> list[str]:
    """一 and 不 in their citation tones (yī, bù), as dictionaries and the glossary write them;
    pypinyin sometimes stores their sandhi tones (一致 yízhì, 不是 búshì) in its phrase data.
    Project corrections and glossary terms have already been applied and are left alone."""
    if len(syllables) != len(text):
        return syllables
    fixed = {"一": "yi1", "不": "bu4"}
    return [fixed[ch] if ch in fixed and syl in ("yi2", "yi4", "bu2") else syl for ch, syl in zip(text, syllables)]


def _frame_wei(clause: str) -> int:
    """Where in *clause* the 为 of a 以 … 为 frame stands, or -1: the last 为 after a 以 with words
    between them, followed by one of the frame's heads (以人民为中心, 以…为基础, 以此为契机); a 为
    before anything else is "for" (以中国新发展为世界提供新机遇: wèi)."""
    yi, wei = clause.find("以"), clause.rfind("为")
    if yi < 0 or wei <= yi + 1 or not clause.startswith(_FRAME_HEADS, wei + 1):
        return -1
    return wei


def _yi_wei_words(words: list[Word | str], terms: Collection[int]) -> list[Word | str]:
    """为 in the frame 以 … 为 … ("take … as …") is wéi (以改革创新为动力, 以工农联盟为基础),
    where pypinyin often gives the wèi of "for". The frame is found over the words of each
    clause (:func:`_frame_wei`), across a glossary term inside it too, which cuts the text into
    runs read apart; a glossary term keeps its own reading (*terms*: their places in *words*;
    以为人民服务为宗旨: the first 为 is 为人民服务's wèi)."""
    out = list(words)
    clause: list[int] = []
    for k in [*range(len(out)), len(out)]:
        w = out[k] if k < len(out) else None
        if isinstance(w, Word) and not any(ch in _CLAUSE_MARKS for ch in w.text):
            clause.append(k)
            continue
        wei = _frame_wei("".join(cast(Word, out[j]).text for j in clause))
        at = 0
        for j in clause if wei >= 0 else ():
            word = cast(Word, out[j])
            i = wei - at
            if 0 <= i < len(word.text) and j not in terms and word.syllables[i] == "wei4" \
                    and word.pinyin.lower().count("wèi") == 1:
                c = word.pinyin.lower().index("wèi")
                marked = "Wéi" if word.pinyin[c] == "W" else "wéi"
                out[j] = Word(word.text, (*word.syllables[:i], "wei2", *word.syllables[i + 1:]),
                              word.pinyin[:c] + marked + word.pinyin[c + 3:])
            at += len(word.text)
        clause = []
    return out


def pypinyin_syllables(text: str) -> list[str]:
    """pypinyin's own numbered syllables for *text*, with no corrections (for comparisons)."""
    return _pypinyin(text)


class PinyinWriter:
    """Writes orthographic pinyin, using a glossary's terms and the project's corrections."""

    def __init__(self, glossary: Glossary | None = None, fixes: dict[str, tuple[str, ...]] | None = None) -> None:
        self._terms: dict[str, tuple[str, tuple[str, ...]]] = {}
        self._fixes = dict(project_fixes() if fixes is None else fixes)
        self._glossary_terms = tuple(glossary) if glossary is not None else ()
        if glossary is not None:
            for t in glossary:
                if len(t.zh_hans) < 2:
                    continue
                syl = tuple(t.pinyin_num.split())
                self._terms[t.zh_hans] = (quoted(t.zh_hans, t.pinyin, syl), syl)
                if len(syl) == len(t.zh_hans) and all(is_han(ch) for ch in t.zh_hans):
                    self._fixes.setdefault(t.zh_hans, syl)
        self._longest_term = max(map(len, self._terms), default=0)
        self._longest_fix = max(map(len, self._fixes), default=0)
        # a table of new phrases shares most of its words (推进, 全面, 建设 …): each Han run and
        # each word's orthography is worked out once per writer (both depend only on their
        # arguments and the writer's fixed terms and corrections)
        self._segments: dict[str, tuple[Word, ...]] = {}
        self._forms: dict[tuple[str, tuple[str, ...], str], tuple[Word, ...]] = {}

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
                    out += self._plain_syllables(text[plain:i])
                out += found
                i += len(found)
                plain = i
            else:
                i += 1
        if plain < n:
            out += self._plain_syllables(text[plain:])
        return _citation_tones(text, out)

    def _plain_syllables(self, text: str) -> list[str]:
        """pypinyin's syllables (:func:`_pypinyin`), read from its cached table
        (:mod:`glossary.pinyin_table`): the same syllables without importing pypinyin."""
        from .pinyin_table import syllables

        return syllables(text)

    def numbered(self, text: str) -> str:
        """Numbered syllables, word by word (glossary terms use their checked ``pinyin_num``)."""
        parts: list[str] = []
        for w in self.words(self.simplified(text)):
            if isinstance(w, Word):
                parts += w.syllables
            elif w.strip():
                parts.append(w.strip())
        return " ".join(parts)

    # -- words -----------------------------------------------------------------------------
    def words(self, text: str) -> list[Word | str]:
        """Orthographic words of *text*; runs that are not Han come back as plain strings."""
        out: list[Word | str] = []
        terms: set[int] = set()  # the places in *out* of glossary terms, read as they are
        i = plain = 0
        n = len(text)
        cuts: set[int] | None = None
        while i < n:  # glossary terms first, whole, even when they hold punctuation (、)
            hit = None
            if is_han(text[i]) or text[i] in _OPENING:  # a term may open with a quote: “两个确立”
                for k in range(min(self._longest_term, n - i), 1, -1):
                    if text[i : i + k] in self._terms:
                        cuts = _word_cuts(text) if cuts is None else cuts
                        if i in cuts or i + k in cuts:  # not across words: 全总 in 健全总揽
                            hit = text[i : i + k]
                            break
            if hit:
                if plain < i:
                    out += self._plain(text[plain:i])
                pin, syl = self._terms[hit]
                out.append(Word(hit, syl, pin))
                terms.add(len(out) - 1)
                i += len(hit)
                plain = i
            else:
                i += 1
        if plain < n:
            out += self._plain(text[plain:])
        return _yi_wei_words(out, terms)

    def _plain(self, text: str) -> list[Word | str]:
        out: list[Word | str] = []
        for run, han in _runs(text):
            if not han:
                out.append(run)
                continue
            words = self._segments.get(run)
            if words is None:
                words = tuple(self._segment(run))
                if len(self._segments) < _MEMO_SIZE:
                    self._segments[run] = words
            out += words
        return out

    def _segment(self, chunk: str) -> list[Word]:
        syl = self.syllables(chunk)
        words: list[Word] = []
        at = 0
        pieces = _attach_affixes(tagged_cut(chunk))
        for k, (token, flag) in enumerate(pieces):
            tsyl = syl[at : at + len(token)]
            if token == "地" and flag == "uv" and _adverbial_de(pieces, k):
                # the adverbial particle (坚定地走 jiāndìng de zǒu), where pypinyin reads the noun dì
                tsyl = ["de5"]
            at += len(token)
            key = (token, tuple(tsyl), flag)
            forms = self._forms.get(key)
            if forms is None:
                forms = tuple(self._orthography(*key))
                if len(self._forms) < _MEMO_SIZE:
                    self._forms[key] = forms
            words += forms
        return words

    def _orthography(self, token: str, syl: tuple[str, ...], flag: str) -> list[Word]:
        if len(token) == 2 and token[0] == "各" and token not in _GE_WORDS:
            # GB/T 16159 writes 各 apart from the noun or measure word after it, as the table does
            # in most of its rows (各级 gè jí, 各族 gè zú), also where CC-CEDICT lists the pair (各国)
            return [_word(token[0], syl[:1], False), *self._orthography(token[1], syl[1:], "")]
        m = _NUM_RE.match(token)
        if m and (flag == "m" or m.group(1)) and m.group(2):
            return _numeral_words(token, syl, m)
        if len(token) >= 4:
            if len(token) == 4 and _is_set_phrase(token, flag):
                return [Word(token, syl, _join(syl[:2]) + "-" + _join(syl[2:]))]
            out = []
            at = 0
            capitals = _cedict_capitals(token, flag)
            for p in _split_long(token):
                part_flag = flag if flag in _PROPER else ""
                if capitals is not None:  # CC-CEDICT knows the whole token: its capitals decide
                    part_flag = "nt" if capitals[at] else ""
                out += self._word_forms(p, syl[at : at + len(p)], part_flag)
                at += len(p)
            return out
        return self._word_forms(token, syl, flag, whole=True)

    def _word_forms(self, word: str, syl: tuple[str, ...], flag: str, whole: bool = False) -> list[Word]:
        """One dictionary word: a person's name (surname apart), a proper noun, or a common word;
        a trailing particle (的, 了 …) that jieba glued to a word stands apart (走了 → zǒu le), but
        not the last character of a word CC-CEDICT lists (取得 qǔdé, 通过 tōngguò, 为了 wèile:
        there 得, 过, 了 are no particles), nor a final 地, which is the noun (黑土地 hēitǔdì). *whole*: the word is a whole
        jieba token, so CC-CEDICT's verdict on it outranks jieba's tag (see :func:`_proper_kind`)."""
        if len(word) > 1 and word[-1] in _PARTICLES and word[-1] != "地" and not _dictionary_word(word):
            # (地 ending a word is a noun: 黑土地, 宅基地, 保护地; jieba leaves the adverbial 地 apart)
            return self._word_forms(word[:-1], syl[:-1], flag, whole) + [_word(word[-1], syl[-1:], False)]
        kind, cut = _proper_kind(word, flag, whole)
        if kind == "person" and 0 < cut < len(word):
            return [_word(word[:cut], syl[:cut], True), _word(word[cut:], syl[cut:], True)]
        return [_word(word, syl, kind is not None)]

    def orthographic(self, text: str, tones: bool = True) -> str:
        """GB/T 16159 pinyin for *text*: ``'两个维护'`` → ``'liǎng gè wéihù'``; traditional
        characters are read through their simplified forms (中國式現代化 → Zhōngguóshì
        xiàndàihuà), so the glossary's pinyin and the word joining apply to them too."""
        return self.write(self.words(self.simplified(text)), tones)

    def simplified(self, text: str) -> str:
        """*text* in simplified characters (the glossary's own traditional forms first, then
        OpenCC), character for character; text with no traditional characters is unchanged."""
        if not any(is_han(ch) for ch in text):
            return text
        from .script import to_simplified

        converted = to_simplified(text, self._glossary_terms)
        return converted if len(converted) == len(text) else text

    def write(self, words: Sequence[Word | str], tones: bool = True) -> str:
        """The pinyin of words from :meth:`words` (for callers that also use the words)."""
        parts: list[str] = []
        for w in words:
            if isinstance(w, Word):
                parts.append(w.pinyin)
            else:
                parts.append(w)
        result = _assemble(parts)
        return result if tones else strip_tones(result)


def _word_cuts(text: str) -> set[int]:
    """Offsets where jieba's dictionary segmentation of *text* starts or ends a word. A glossary
    term is not read where both its ends fall inside words of the text: it straddles them, and
    the text's own words win (健全总揽全局 is 健全 / 总揽全局; 全总, the ACFTU, is not in it).
    One end inside a word is allowed, as jieba's dictionary has odd long words (战斗 /
    堡垒作用) that must not break a term. Segmentation without the HMM leaves unknown
    characters single, so only dictionary words can stand against a term."""
    cuts = {0}
    at = 0
    for word in tokenizer().cut(text, HMM=False):
        at += len(word)
        cuts.add(at)
    return cuts


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


def _adverbial_de(pieces: Sequence[tuple[str, str]], k: int) -> bool:
    """Whether the 地 at *k* of a tagged cut is the adverbial particle: jieba tags it so (uv),
    it follows an adjective, adverb or set phrase and comes before a verb (坚定地走, 积极地参与,
    坚持不懈地推进). jieba's tag alone is not enough: it tags the noun 地 of 黑土地保护法 and
    就地 the same way (and its tags of 得, 过 mislead as much: 方得始终, 过上好日子)."""
    if k == 0 or k + 1 >= len(pieces):
        return False
    (word, before), after = pieces[k - 1], pieces[k + 1][1]
    # (a one-character word before it makes a word with it: 就地 jiùdì "on the spot")
    return len(word) > 1 and before in _ADVERBIAL_TAGS and after.startswith("v") and not _dictionary_word(word + "地")


def _dictionary_word(word: str) -> bool:
    """Whether CC-CEDICT lists *word* as a headword."""
    from .cedict import lookup

    return bool(lookup(word))


def _cedict_capitals(token: str, flag: str) -> list[bool] | None:
    """Which syllables of *token* CC-CEDICT capitalises (None when it does not have the token,
    or its reading does not line up with the characters): the parts of a long token are proper
    where their first syllable is (全国人民代表大会: every part; 马克思主义: 马克思, not 主义). A
    token CC-CEDICT also reads in lowercase is common throughout, unless jieba calls it an
    organisation (全国代表大会, 中央军委 inside a name): jieba's place tag is too loose to
    outrank the dictionary (it tags 依法治国 and 美丽 as places), its organisation tag is not."""
    from .cedict import lookup

    entries = lookup(token)
    if not entries:
        return None
    if any(e.pinyin[:1].islower() for e in entries):
        return None if flag == "nt" else [False] * len(token)
    syllables = entries[0].pinyin.split()
    if len(syllables) != len(token):
        return None
    return [s[:1].isupper() for s in syllables]


def _proper_kind(word: str, flag: str, whole: bool = False) -> tuple[str | None, int]:
    """('person', surname length), ('proper', 0) or (None, 0).

    CC-CEDICT decides where it knows the word: a lowercase reading is a common word; a reading
    with two capitalised syllables is a Chinese personal name (Mao2 Ze2 dong1: the surname ends
    where the given name's capital starts); one capital is any other proper noun (Yan2 an1,
    Ma3 ke4 si1). Otherwise jieba's place and organisation tags count, and its person tag only
    with a common surname. A common CC-CEDICT word that is a whole jieba token (*whole*) is common
    even where jieba tags it a place (深度 "depth"); a part of a longer token keeps the token's
    tag (全国 inside 全国人民代表大会), and so does an organisation (see :func:`_cedict_capitals`).
    """
    from .cedict import lookup

    entries = lookup(word)
    if entries:
        if any(e.pinyin[:1].islower() for e in entries):
            return ("proper" if flag in _PROPER and (flag == "nt" or not whole) else None), 0
        syllables = entries[0].pinyin.split()
        capitals = [i for i, sy in enumerate(syllables) if sy[:1].isupper()]
        if len(syllables) == len(word) and len(capitals) == 2 and capitals[0] == 0:
            return "person", capitals[1]
        return "proper", 0
    if flag in _PERSON and 2 <= len(word) <= 3 and (word[0] in _SURNAMES or word[:2] in _SURNAMES2):
        return "person", 2 if word[:2] in _SURNAMES2 and len(word) > 2 else 1
    return ("proper" if flag in _PROPER else None), 0


def _is_set_phrase(word: str, flag: str) -> bool:
    """A four-character set phrase (chengyu), written as two hyphenated halves: CC-CEDICT marks
    it as an idiom, or jieba tags it idiomatic and its halves are not words of their own
    (与时俱进 yes; 群众路线, 美好生活 no: 群众 and 路线 are words)."""
    from .cedict import is_idiom

    if is_idiom(word):
        return True
    if flag not in ("i", "l"):
        return False
    tk = tokenizer()
    return not (tk.FREQ.get(word[:2]) and tk.FREQ.get(word[2:]))


def _split_long(token: str) -> list[str]:
    """Split a 4+ character unit into dictionary words of 2–3 characters (forward longest match)."""
    tk = tokenizer()
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


_QUOTES = {"“": "”", "‘": "’", "《": "》", "「": "」", "『": "』"}
_QUOTE_CHARS = set(_QUOTES) | set(_QUOTES.values())


def quoted(zh: str, pinyin: str, syllables: Sequence[str]) -> str:
    """A glossary term's curated *pinyin* with the quotation marks and book-title marks of its
    Chinese put back (新时代“枫桥经验” → ``xīn shídài “Fēngqiáo jīngyàn”``): the entries write
    the pinyin of a term as a name, without them, but in running text the marks belong to the
    sentence. Each mark goes where its syllable boundary meets a word boundary of the pinyin;
    when it does not (a mark inside a joined word), or the pinyin and the syllables disagree,
    the pinyin is returned as it is."""
    marks = [(i, ch) for i, ch in enumerate(zh) if ch in _QUOTE_CHARS]
    if not marks or any(ch in pinyin for _, ch in marks):
        return pinyin
    # syllable index before each mark: the Han characters (and digits) that precede it
    at = [sum(1 for c in zh[:i] if is_han(c)) for i, _ in marks]
    starts: dict[int, int] = {}  # syllable index -> offset in pinyin where its word starts
    ends: dict[int, int] = {}  # syllable index after a word -> offset where the word ends
    plain = [pinyin_key(s) for s in syllables]
    k = 0
    for m in re.finditer(r"[^\s,;:.!?\-]+", pinyin):
        rest = pinyin_key(m.group())
        starts[k] = m.start()
        while rest and k < len(plain) and plain[k] and rest.startswith(plain[k]):
            rest = rest[len(plain[k]) :]
            k += 1
        if rest:
            return pinyin
        ends[k] = m.end()
    if k != len(plain):
        return pinyin
    out = pinyin
    for (_, ch), k in sorted(zip(marks, at, strict=True), key=lambda m: -m[1]):
        opening = ch in _QUOTES
        offset = starts.get(k) if opening else ends.get(k)
        if offset is None:
            return pinyin
        out = out[:offset] + PUNCTUATION.get(ch, ch) + out[offset:]
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
    """Join words with spaces; closing punctuation hugs the word before it, opening punctuation
    (“ 《 () the word after it."""
    out = ""
    glue = False  # the last thing written was an opening mark
    for p in parts:
        if not p:
            continue
        if all(ch in PUNCTUATION or not ch.strip() or (not ch.isalnum() and not is_han(ch)) for ch in p):
            for ch in p:
                if not ch.strip():
                    continue
                mark = PUNCTUATION.get(ch, ch)
                if ch in _OPENING:
                    out = (out.rstrip() + " " if out.strip() else "") + mark
                    glue = True
                else:
                    out = out.rstrip() + mark + " "
                    glue = False
            continue
        out += ("" if glue or not out or out.endswith(" ") else " ") + p.strip() + " "
        glue = False
    return re.sub(r"\s+", " ", out).strip()


def orthographic(text: str, glossary: Glossary | None = None, tones: bool = True) -> str:
    """Module-level convenience: orthographic pinyin for *text* (see :class:`PinyinWriter`)."""
    return PinyinWriter(glossary).orthographic(text, tones=tones)


def numbered(text: str, glossary: Glossary | None = None) -> str:
    """Numbered syllables (``liang3 ge4 wei2 hu4``) with the project's corrections."""
    return PinyinWriter(glossary).numbered(text)


@lru_cache(maxsize=4096)
def readings(char: str) -> frozenset[str]:
    """Every numbered reading pypinyin knows for one character (ü written as v)."""
    from pypinyin import Style, pinyin

    got = pinyin(char, style=Style.TONE3, heteronym=True, neutral_tone_with_five=True)
    return frozenset(r.replace("ü", "v") for group in got for r in group)
