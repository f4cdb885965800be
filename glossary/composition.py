"""English for a Chinese phrase the glossary lacks, composed from its parts.

The phrase is cut into parts by three sources, in this order of trust: **glossary** terms
(simplified forms and aliases), the **lexicon** of political Chinese (``data/lexicon.tsv``: the
conventional English of its verbs, heads and modifiers, each attested in official parallel
text), then **CC-CEDICT**. The cut is the one with fewest parts (so 健全总揽全局 is 健全 + 总揽 +
全局, never 健 + 全总 + 揽), ties going to the more trusted source.

The parts are then put in English order by a few rules of Chinese noun and verb phrases:

* modifier + head stays in order, a modifier taking its adjective form (经济 + 发展 → economic
  development); a ``…化`` head follows its noun (治理能力现代化 → modernization of governance capacity);
* X的Y → "X's Y" when X is one short noun (党的领导 → the Party's leadership), else "Y of X";
  a verb phrase before 的 becomes "Y of" and gerunds, or "Y to X" after a noun that takes an
  infinitive (the right to …); X关于Y的Z (a title) → "Z of X on Y";
* adverb + verb + object stays in order (全面深化改革 → fully deepen reform);
* coordination with 和, 与, 及, 以及, 并, 、 → "A, B and C", a lone first conjunct taking the form its
  partner needs (坚持和发展… → uphold and develop …; 经济和社会发展 → economic and social development);
* a glossary term whose English is a verb phrase is no modifier of a head after it: the cut keeps
  its verb and joins the head to the term after it (坚持和发展中国特色社会主义制度 → uphold and
  develop system of socialism with Chinese characteristics; see :meth:`Composer._verb_term_cut`);
* 以X为中心 → X-centered, 以X为核心 → with X at the core, 以X为Y → with X as Y;
* 打赢/打好X攻坚战 → win/fight the critical battle against X; X以来 → since X; 为X谋Y → seek Y for X;
* numbered formulas: 两个X → two Xs, 第二个X → the second X, 第七次X → the seventh X;
* X型 before a noun → X's adjective, else "X-oriented" (服务型政府 → service-oriented government);
* two words side by side that the curated table's terms coordinate → "A and B" (长期繁荣稳定 →
  long-term prosperity and stability; :func:`glossary.phrasing.pairs`);
* 中国特色X → X with Chinese characteristics, 各级X → X at all levels, X对Y的Z → the X's Z over Y.

Before these rules, a phrase in a frame the curated table's terms share takes their template, its
slot composed on its own (中华人民共和国{X}法 → "{X} Law of the People's Republic of China"; see
:func:`glossary.phrasing.frames` and :meth:`Composer._framed`).

Every result says how it was made (``method``): ``glossary`` (the phrase is a term), ``composed``
(every part had English and the rules placed it), or ``gloss`` (some part had no English: the
old word-by-word bag, "a + b + c"). ``confidence`` is the share of the phrase's characters covered
by each source, weighted by how much that source is trusted (glossary 1.0, lexicon 0.9, CC-CEDICT
0.55, no English 0), lowered a little by the rules that guess (a relative clause, "of").

Only the CC-CEDICT headwords inside the phrases asked about are read
(:func:`glossary.cedict.readings_within`); :func:`compose_all` reads them once for a whole batch.
Where official parallel text usually renders a CC-CEDICT word otherwise, that sense is used instead
(:mod:`glossary.senses`, source ``parallel``), below the glossary and the lexicon.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .forms import is_han

if TYPE_CHECKING:
    from .cedict import Readings
    from .phrasing import Observation, Phrasing
    from .senses import Sense
    from .store import Glossary

METHODS = ("glossary", "composed", "gloss")
SOURCES = ("glossary", "lexicon", "table", "parallel", "cedict", "rule", "none")
ROLES = ("verb", "noun", "modifier", "adverb", "postposition")
LEXICON_COLUMNS = ("zh", "en", "role", "evidence")

_MAX_WORD = 8
_WEIGHT = {"glossary": 1.0, "lexicon": 0.9, "table": 0.8, "parallel": 0.7, "cedict": 0.55, "rule": 1.0, "none": 0.0}
#: the sources of dictionary words: CC-CEDICT, and its senses as official text uses them (:mod:`glossary.senses`)
_DICTIONARY = frozenset({"cedict", "parallel"})
_CONJ = {"和": "and", "与": "and", "及": "and", "以及": "and", "并": "and", "、": "and", "同": "and", "暨": "and"}
_DE = frozenset({"的", "之"})
#: the copulas a tifa sentence turns on (:meth:`_Grammar._copula`), and what breaks a phrase
#: into clauses (a copula is only read inside one)
_COPULAS = frozenset({"是", "就是"})
_BREAKS = frozenset({"，", ",", "；", ";", "。"})
#: particles with no English of their own in a phrase (正经历 "is experiencing" reads "experience")
_SILENT = frozenset({"正", "也", "都", "还", "地"})
_QUOTES = frozenset("“”‘’\"'《》「」『』〈〉")
_FUNCTION = {*_DE, *_SILENT, *_QUOTES, "个", "第", *_CONJ}
#: verbs that take a verb phrase as object (推动构建… → promote building …); other verb + verb
#: runs are coordinated (学习贯彻… → study and implement …)
_CATENATIVE = frozenset({"推动", "推进", "加快", "促进", "努力", "着力", "继续", "致力于", "争取", "坚持", "不断", "开始",
                         "持续", "深入", "加大"})
_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_NUMBER_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                 "fifteen sixteen seventeen eighteen nineteen twenty").split()
_ORDINALS = ("zeroth first second third fourth fifth sixth seventh eighth ninth tenth").split()
#: 以X为Y: how the English reads for the commonest Y ({x} is X's English)
_YI_WEI = {
    "中心": "{x}-centered", "核心": "with {x} at the core", "主体": "with {x} as the mainstay",
    "主": "with {x} as the mainstay", "引领": "guided by {x}", "指导": "guided by {x}", "导向": "{x}-oriented",
    "基础": "based on {x}", "重点": "focusing on {x}", "根本": "with {x} as the fundamental",
    "纲": "with {x} as the guiding principle", "统领": "under the overall guidance of {x}",
}
_BATTLES = {"攻坚战": "critical battle", "阻击战": "battle", "保卫战": "battle", "总体战": "all-out battle",
            "持久战": "protracted battle", "战": "battle"}
#: time frames that open a Chinese phrase and close an English one (新时代X → X in the new era)
_FRAMES = {"新时代": "in the new era", "新时期": "in the new period", "新形势下": "under new circumstances",
           "新征程": "on the new journey", "新发展阶段": "in the new development stage"}
#: modifiers that English puts after their noun (中国特色大国外交 → major-country diplomacy with
#: Chinese characteristics; 地方各级人民政府 → local people's governments at all levels)
_POSTPOSED = {"中国特色": "with Chinese characteristics", "各级": "at all levels"}
#: Modifiers of many (a lexicon word, "all", "at all levels") whose noun is plural in English: 广大干部
#: "all officials", 各级党委 "Party committees at all levels", 各部门 "all departments" (a count noun
#: the table writes in the singular, as 干部 "official", stays singular elsewhere).
_PLURAL_AFTER = frozenset({"广大", "各级", "各"})
#: heads of the titles of rules (regulations, measures, provisions): the English puts the head
#: first and the topic's action before its object (外商投资信息报告办法 → Measures for the
#: Reporting of Foreign Investment Information; 自然灾害救助条例 → Regulations on the Relief of
#: Natural Disasters), and 暂行 before the head is "interim" (水权交易管理暂行办法 → Interim
#: Measures for the Administration of Water Rights Trading)
_RULES = frozenset({"条例", "办法", "规定", "细则", "实施细则", "规则"})
#: adverbs that single out part of what comes before: X特别是Y → "X, particularly Y"
_SINGLING_OUT = frozenset({"特别是", "尤其是"})
_POSTPOSITIONS = {"以来": "since {x}", "下": "under {x}", "期间": "during {x}", "以后": "after {x}", "之后": "after {x}",
                  "后": "after {x}", "之前": "before {x}", "以前": "before {x}", "周围": "around {x}",
                  "上": "on {x}"}
#: what 上 makes "at", not "on": meetings and points (会议上, 座谈会上, 交汇点上)
_AT_PLACES = ("会", "会议", "点", "论坛")
#: … the postpositions of place that 在 opens (在…周围, 在…下, 在…上)
_FRAMED = frozenset({"下", "周围", "上"})
#: the plural suffix of nouns of people (同志们 → comrades, 朋友们 → friends); CC-CEDICT's gloss of
#: it ("plural marker for pronouns") is no English
_MEN = "们"
#: possessors that read as "the …'s" ("the Party's leadership")
_THE = {"party", "people", "country", "state", "nation", "government", "central committee", "whole party"}


@dataclass(frozen=True, slots=True)
class Part:
    """One piece of a phrase and where its English came from (``source`` in :data:`SOURCES`)."""

    zh: str
    en: str
    source: str
    role: str = ""
    term_id: str = ""


@dataclass(frozen=True, slots=True)
class Composition:
    """English for one Chinese phrase: ``method`` in :data:`METHODS`, ``confidence`` 0–1."""

    phrase: str
    english: str
    method: str
    confidence: float
    parts: tuple[Part, ...] = ()


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    zh: str
    en: str
    role: str
    evidence: str


def lexicon_path() -> Path:
    from .resources import data_dir

    return data_dir() / "lexicon.tsv"


def read_lexicon(path: str | Path | None = None) -> tuple[LexiconEntry, ...]:
    """The rows of a lexicon file (the shipped one by default); a malformed row is a
    :class:`~glossary.errors.GlossaryError` naming the file and line."""
    from .io.datatable import table_rows

    p = Path(path) if path is not None else lexicon_path()
    return tuple(LexiconEntry(*cells) for _, cells in table_rows(p, LEXICON_COLUMNS, "the lexicon"))


@lru_cache(maxsize=4)
def _lexicon(path: str | None = None) -> dict[str, dict[str, str]]:
    """Chinese word → {role: English}; the first row of a (word, role) wins."""
    table: dict[str, dict[str, str]] = {}
    for e in read_lexicon(path):
        table.setdefault(e.zh, {}).setdefault(e.role, e.en)
    return table


def lexicon_english(word: str) -> tuple[str, ...]:
    """The lexicon's English for *word* in all its roles (for :mod:`glossary.alignment.lexicon`)."""
    return tuple(_lexicon().get(word, {}).values())


@dataclass(frozen=True, slots=True)
class _Word:
    zh: str
    source: str
    roles: Mapping[str, str]  # role → English
    term_id: str = ""
    proper: bool = False  # a CC-CEDICT proper noun: a place or person name, cut only when nothing else fits
    #: a CC-CEDICT word's other plain senses, in the dictionary's order (the first is in ``roles``)
    senses: tuple[str, ...] = ()
    #: the acronym a glossary English gives in brackets ("ASEAN"), for names joined by a dash
    short: str = ""

    def en(self, *prefer: str) -> str:
        for r in (*prefer, "noun", "verb", "modifier", "adverb", "postposition", "any"):
            if r in self.roles:
                return self.roles[r]
        return ""

    def has(self, role: str) -> bool:
        return role in self.roles


#: What a word from each source adds to the cost of a cut (fewest words first, then the more
#: trusted source).
_SOURCE_COST = {"glossary": 0.0, "rule": 0.0, "lexicon": 0.01, "parallel": 0.03, "cedict": 0.03, "none": 1.5}


class Composer:
    """Composes English for many phrases with one set of dictionaries (see :func:`compose_all`).

    *terms*: Chinese form → (English, term id) of the glossary terms that may be parts;
    *readings*: CC-CEDICT readings of the headwords inside the phrases (None: read per phrase).
    """

    def __init__(self, terms: Mapping[str, tuple[str, str]], readings: Readings | None = None,
                 lexicon: Mapping[str, Mapping[str, str]] | None = None, phrasing: Phrasing | None = None,
                 senses: Mapping[str, Sense] | None = None, pairs: Collection[tuple[str, str]] | None = None) -> None:
        self.terms = terms
        #: how the curated table renders parts of its terms (:mod:`glossary.phrasing`)
        self.phrasing = phrasing
        #: glossary terms may be longer than any dictionary word (习近平新时代中国特色社会主义思想)
        self.longest = max((len(k) for k in terms), default=0)
        self.long_lengths = tuple(sorted({len(k) for k in terms if len(k) > _MAX_WORD}))
        self.readings = readings
        self.lexicon = lexicon if lexicon is not None else _lexicon()
        if senses is None:
            from .senses import learned_senses

            senses = learned_senses()
        #: word senses official parallel text uses (:mod:`glossary.senses`), preferred to CC-CEDICT's first
        self.senses = senses
        if pairs is None:
            from .pairs import learned_pairs

            pairs = learned_pairs()
        #: words side by side that official parallel text coordinates (:mod:`glossary.pairs`)
        self.pairs = pairs
        #: the first words of the lexicon's verbs that are not also the first word of one of its
        #: nouns or modifiers ("uphold", "build"; not "reform"): a term whose English starts with
        #: one is a verb phrase (:meth:`_verb_term_cut`)
        said = [(r, e.split()[0]) for roles in self.lexicon.values() for r, e in roles.items() if e.strip()]
        self.verbs = frozenset(w for r, w in said if r == "verb") - {w for r, w in said if r in ("noun", "modifier")}
        self._words: dict[str, _Word | None] = {}
        self._keyed: dict[str, str] | None = None  # zh_key → glossary form (:meth:`_term_form`)

    def compose(self, phrase: str, *, exclude: Collection[str] = (), phrasing: Phrasing | None = None) -> Composition:
        """English for *phrase* (simplified Chinese). *exclude*: Chinese forms whose glossary or
        lexicon English is not to be used (leave-one-out evaluation hides the term composed);
        *phrasing*: the table's habits to use instead of the composer's own (leave-one-out
        passes them without the hidden term's observations)."""
        return self._compose(phrase, exclude, phrasing if phrasing is not None else self.phrasing)

    def _compose(self, phrase: str, exclude: Collection[str], phrasing: Phrasing | None) -> Composition:
        """:meth:`compose` with *phrasing* as given (None: the rules alone)."""
        text = phrase.strip()
        if not any(is_han(ch) for ch in text):
            return Composition(phrase, "", "gloss", 0.0, ())  # nothing Chinese to compose from
        form = self._term_form(text)
        hit = self.terms.get(form) if form else None
        if hit and form not in exclude and text not in exclude:
            return Composition(phrase, hit[0], "glossary", 1.0, (Part(text, hit[0], "glossary", "noun", hit[1]),))
        readings = self.readings
        if readings is None:
            from .cedict import readings_within

            readings = readings_within([text], _MAX_WORD)
        words = _dashed(self._cut(text, readings, exclude))
        if phrasing is not None and not _ANNIVERSARY.search(text):
            # (an anniversary reads whole: a frame would split its owner from its event and number)
            framed = self._framed(text, words, exclude, phrasing)
            if framed is not None:
                return framed
            words = _learned(words, phrasing)
        words = _paired(words, phrasing, self.pairs, exclude)
        words = _plural_suffixed(words)  # (after the table's senses: 同胞 "compatriots", not "born of …")
        parts = tuple(Part(w.zh, w.en(), w.source, next(iter(w.roles), ""), w.term_id) for w in words)
        if not words:
            return Composition(phrase, "", "gloss", 0.0, parts)
        if any(w.source == "none" for w in words):
            known = [p.en for p in parts if p.en]
            bag = " + ".join(p.en or p.zh for p in parts if p.zh not in _FUNCTION)
            return Composition(phrase, bag if known else "", "gloss", round(0.3 * _coverage(words), 2), parts)
        grammar = _Grammar(phrasing, self.verbs)
        english = _tidy(grammar.clause(words))
        parts = tuple(Part(w.zh, grammar.used.get(id(w), p.en), p.source, p.role, p.term_id) for w, p in zip(words, parts, strict=True))
        if not english:
            return Composition(phrase, "", "gloss", 0.0, parts)
        confidence = _coverage(words) * grammar.trust
        return Composition(phrase, english, "composed", round(confidence, 2), parts)

    def _framed(self, text: str, words: Sequence[_Word], exclude: Collection[str], phrasing: Phrasing) -> Composition | None:
        """*text* in a frame the curated table's terms share (:meth:`glossary.phrasing.Phrasing.template`):
        中华人民共和国{X}法 → "{X} Law of the People's Republic of China", the slot composed on
        its own. Of the frames the cut's words fit, the one with the most literal Chinese wins
        (then the better supported); None when no frame fits or its slot has no English."""
        from .forms import without_brackets
        from .phrasing import SLOT, TITLE_SLOT, title

        best: tuple[int, int, int, int, str] | None = None
        n = len(words)
        starts = [0]
        for w in words:
            starts.append(starts[-1] + len(w.zh))
        for i in range(n):
            for j in range(i + 1, n + 1):
                if j - i == n or words[i].zh in _FUNCTION or words[j - 1].zh in _FUNCTION:
                    continue  # (a slot never starts or ends at a particle or conjunction: 革命、建设、改革)
                template, support = phrasing.template(text[: starts[i]] + SLOT + text[starts[j] :])
                if not template:
                    continue
                if template.startswith((SLOT + " ", TITLE_SLOT + " ")) and any(w.zh in _CONJ for w in words[i:j]):
                    continue  # conjoined modifiers before a literal head need its form (经济和社会发展)
                if i == 0 and j < n and words[0].has("verb") and not words[0].has("noun") \
                        and (f"of {SLOT}" in template or f"of the {SLOT}" in template):
                    continue  # an "of" slot before the frame's head is its modifier, which a verb does not
                    # begin: 推动(经济)高质量发展 is "promote high-quality development (of the economy)",
                    # not "high-quality development of promote (economy)"
                if j - i > 1 and j < n and _lone_modifier(words[j - 1]) and words[j - 1].zh != "暂行":
                    continue  # a slot that ends in a lone modifier has no head of its own: the literal
                    # head is its head (长三角一体化发展: integrated development of the Yangtze River
                    # Delta; 公立医院综合改革: comprehensive reform of public hospitals; but 暂行
                    # "interim" before a rule's head is the head's, see _Grammar.rules_topic)
                rank = (len(text) - (starts[j] - starts[i]), support)
                if best is None or rank > best[:2]:
                    best = (*rank, i, j, template)
        if best is None:
            return None
        _, _, i, j, template = best
        slot = self._compose(text[starts[i] : starts[j]], exclude, phrasing)
        slot_en = without_brackets(slot.english).strip()  # "World Trade Organization", not "… (WTO)"
        if slot.method == "gloss" or not slot_en:
            return None
        if j - i == 1 and j < n and template.startswith((SLOT + " ", TITLE_SLOT + " ")):
            # one word before the literal head, in English too: its modifier form, as the
            # compound rules give it (政治监督 → political oversight, not "politics oversight")
            learned = _learned(list(words), phrasing)
            if len(learned) == n and learned[i].has("modifier") and slot.method == "composed":
                slot_en = learned[i].en("modifier")
        interim = False
        if i == 0 and j == n - 1 and words[-1].zh in _RULES:
            # the whole topic of a rule's title: its action before its object, 暂行 "interim"
            grammar = _Grammar(phrasing, self.verbs)
            topic = grammar.rules_topic(_learned(list(words[:j]), phrasing))
            if topic is not None:
                slot_en, interim = topic
        said = title(slot_en) if TITLE_SLOT in template else slot_en
        english = _tidy(template.replace(TITLE_SLOT, said).replace(SLOT, said))
        if interim:
            english = _interim(english)
        literal = template.replace(TITLE_SLOT, "…").replace(SLOT, "…")
        chars = len(text) - len(slot.phrase)
        confidence = (chars * _WEIGHT["table"] + len(slot.phrase) * slot.confidence) / len(text)
        parts = (*(Part(w.zh, literal, "table", "frame") for w in words[:i]), *slot.parts,
                 *(Part(w.zh, literal, "table", "frame") for w in words[j:]))
        return Composition(text, english, "composed", round(confidence, 2), parts)

    def _term_form(self, text: str) -> str:
        """The glossary form *text* is: itself, or the one form it equals but for punctuation
        (产业链、供应链 is 产业链供应链), compared as lookup and extract compare Chinese
        (:func:`~glossary.forms.zh_key`); '' for none. The keyed forms are built on the first
        phrase with punctuation, and a key two forms share names neither."""
        if text in self.terms:
            return text
        from .forms import zh_key

        key = zh_key(text)
        if key == text.lower():
            return ""
        if self._keyed is None:
            keyed: dict[str, str] = {}
            for f in self.terms:
                k = zh_key(f)
                keyed[k] = "" if k in keyed and keyed[k] != f else f
            self._keyed = keyed
        return self._keyed.get(key, "")

    def observe(self, zh: str, english: str, exclude: Collection[str]) -> list[Observation]:
        """What the curated English of term *zh* shows about its parts (see :mod:`glossary.phrasing`),
        the term's own forms (*exclude*) hidden so that it is cut into its parts."""
        from .forms import without_brackets
        from .phrasing import frames, observe, pairs

        readings = self.readings
        if readings is None:
            from .cedict import readings_within

            readings = readings_within([zh], _MAX_WORD)
        from .forms import rendering_key

        cut = self._cut(zh, readings, exclude)
        # a term the rules alone already compose right votes for them, not for its frames
        ruled = rendering_key(self._compose(zh, exclude, None).english) == rendering_key(without_brackets(english))
        found = frames([(w.zh, () if w.zh in _FUNCTION else tuple(e for e in w.roles.values() if e)) for w in cut],
                       english, ruled)
        # (a rule word, a numeral or a set form, is in no pair)
        found += pairs([(w.zh, () if w.zh in _FUNCTION or w.source == "rule" else tuple(e for e in w.roles.values() if e))
                        for w in cut], english)
        words = [w for w in cut if w.source != "rule" and w.zh not in _FUNCTION]
        if len(words) < 2 or any(w.source == "none" for w in words):
            return found
        return [*observe([(w.zh, tuple(w.roles.values()), w.source in ("cedict", "parallel", "lexicon")) for w in words], english), *found]

    def _cut(self, text: str, readings: Readings, exclude: Collection[str]) -> list[_Word]:
        """The cut of *text* into the fewest known words, ties to the more trusted source, except
        that a glossary term whose English is a verb phrase is not cut before a head noun
        (:meth:`_verb_term_cut`)."""
        words = self._fewest(text, readings, exclude)
        hidden, tried = set(exclude), set(exclude)
        while True:
            better = self._verb_term_cut(text, words, readings, hidden, tried)
            if better is None:
                return words
            words = better

    def _verb_term_cut(self, text: str, words: list[_Word], readings: Readings, hidden: set[str],
                       tried: set[str]) -> list[_Word] | None:
        """The cut with the first glossary term that reads as a verb phrase before a head noun
        hidden, where that cut keeps the term's verb and joins its end to the head; None when
        there is no such term. The fewest-words cut takes the longest term, so
        坚持和发展中国特色社会主义制度 would be the term 坚持和发展中国特色社会主义 ("uphold and
        develop …") + 制度, and the compound rules would make the verb phrase a modifier ("system
        of uphold and develop …"). Hidden, the verb stays a verb and the head joins the term after
        it: 坚持 + 和 + 发展 + 中国特色社会主义制度 → "uphold and develop system of …".

        The new cut is taken when (1) it opens the term's span with a verb, (2) the term's English
        opens with a verb: a lowercase word that only the lexicon's verbs start with
        (:attr:`verbs`: "uphold", "build"; not "reform", a noun too: 改革开放 is "reform and
        opening up"), or the English of that opening verb when it is no noun, and (3) a glossary
        term or lexicon word of the new cut runs across the term's end: the head found its place
        (else hiding the term would only lose its English; a dictionary word across it is mostly
        a chance pairing, 保持战略定力作了 with 力作 "masterpiece"). *hidden* (the terms hidden so far) grows by the term whose cut is
        taken, *tried* by every term looked at, so the caller's loop ends."""
        start = 0
        for k, w in enumerate(words[:-1]):
            nxt = words[k + 1]
            end = start + len(w.zh)
            first = w.en("noun").split(" ", 1)[0]
            if (w.source == "glossary" and w.zh not in tried and first.isalpha() and first.islower()
                    and nxt.source != "rule" and nxt.zh not in _FUNCTION and nxt.has("noun")):
                tried.add(w.zh)
                recut = self._fewest(text, readings, {*hidden, w.zh})
                at, opens, across = 0, False, False
                for v in recut:
                    if at == start:
                        said = v.en("verb").split(" ", 1)[0]
                        opens = v.has("verb") and (first in self.verbs or (said == first and not v.has("noun")))
                    if at < end < at + len(v.zh):
                        across = v.source in ("glossary", "lexicon")
                    at += len(v.zh)
                if opens and across:
                    hidden.add(w.zh)
                    return recut
            start = end
        return None

    def _fewest(self, text: str, readings: Readings, exclude: Collection[str]) -> list[_Word]:
        """The cut of *text* into the fewest known words, ties to the more trusted source."""
        n = len(text)
        inf = float("inf")
        best: list[tuple[float, int, _Word | None]] = [(0.0, 0, None)]
        best += [(inf, 0, None)] * n
        for i in range(n):
            if best[i][0] == inf:
                continue
            for k in (*range(1, min(_MAX_WORD, n - i) + 1), *(x for x in self.long_lengths if x <= n - i)):
                piece = text[i : i + k]
                if k > _MAX_WORD and piece not in self.terms:
                    continue
                w = self._word(piece, readings, exclude)
                if w is None:
                    continue
                cost = best[i][0] + 1.0 + _SOURCE_COST[w.source] + (0.9 if w.proper else 0.0)
                if cost < best[i + k][0]:
                    best[i + k] = (cost, i, w)
        out: list[_Word] = []
        j = n
        while j > 0:
            _, i, w = best[j]
            assert w is not None
            out.append(w)
            j = i
        return out[::-1]

    def _word(self, piece: str, readings: Readings, exclude: Collection[str]) -> _Word | None:
        """The word *piece* is, remembered per composer while the same readings are used (phrases and
        the glossary's terms share most of their substrings)."""
        if piece in exclude or readings is not self.readings:
            return self._lookup(piece, readings, exclude)
        if piece not in self._words:
            self._words[piece] = self._lookup(piece, readings, exclude)
        return self._words[piece]

    def _lookup(self, piece: str, readings: Readings, exclude: Collection[str]) -> _Word | None:
        formula = _formula(piece)
        if formula:
            return _Word(piece, "rule", {"noun": formula})
        if piece.isascii() and piece.isalnum():
            return _Word(piece, "rule", {"noun": piece})  # 18亿亩, 5G网络: "18", "5G" are one word each
        if piece in _QUOTES:
            return _Word(piece, "rule", {"function": ""})
        if piece in _FUNCTION or piece in _DIGITS or piece in ("以", "为") or (piece in _BATTLES and piece != "战"):
            en = _BATTLES.get(piece, "")
            return _Word(piece, "rule", {"function": en} if not en else {"noun": en})
        term = self.terms.get(piece)
        if term and piece not in exclude and len(piece) > 1:
            # the glossary's English is the noun; the lexicon may add the adjective form a
            # modifier needs (社会主义现代化 → socialist modernization)
            extra = {r: e for r, e in self.lexicon.get(piece, {}).items() if r == "modifier"} if piece not in exclude else {}
            from .forms import without_brackets

            acronym = _ACRONYM.search(term[0])
            return _Word(piece, "glossary", {"noun": without_brackets(term[0]).strip() or term[0], **extra}, term[1],
                         short=acronym.group(1) if acronym else "")
        lex = self.lexicon.get(piece) if piece not in exclude else None
        if lex:
            return _Word(piece, "lexicon", dict(lex))
        if piece in readings:
            from .cedict import first_sense

            sense = first_sense(piece, readings)
            if sense:
                proper = len(piece) > 1 and all(r[:1].isupper() for r, _ in readings[piece])
                roles = _sense_roles(_proper_name(sense) if proper else sense, readings[piece])
                learned = self.senses.get(piece) if piece not in exclude and not proper else None
                if learned is not None:
                    official = _official_roles(learned, roles, readings[piece])
                    if official != roles:
                        return _Word(piece, "parallel", official, senses=_plain_senses(readings[piece]))
                return _Word(piece, "cedict", roles, proper=proper, senses=_plain_senses(readings[piece]))
        if len(piece) == 1:
            return _Word(piece, "none", {})
        return None


#: An acronym in brackets closing a glossary English: "Association of Southeast Asian Nations (ASEAN)".
_ACRONYM = re.compile(r"\(([A-Z][A-Z0-9&]{1,9})\)$")
#: Dashes that join the names of a partnership (中国—东盟, 澜沧江－湄公河): a hyphen in English.
_DASHES = frozenset("—－–-")


def _dashed(words: Sequence[_Word]) -> list[_Word]:
    """*words* with each run of names joined by dashes made one noun whose English joins theirs
    with hyphens, as official English writes partnerships, forums and corridors: 中国—东盟 →
    "China-ASEAN", 中国—中亚—西亚 → "China-Central Asia-West Asia". Both sides must be Chinese
    words with English (a range of years, 2021—2030年, is left alone); the joined word is as
    trusted as the least trusted of its names."""
    out: list[_Word] = []
    k = 0
    while k < len(words):
        w = words[k]
        prev = out[-1] if out else None
        nxt = words[k + 1] if k + 1 < len(words) else None
        if (w.zh in _DASHES and prev is not None and nxt is not None and _nameable(prev) and _nameable(nxt)):
            source = min((prev.source, nxt.source), key=lambda s: _WEIGHT[s])
            out[-1] = _Word(prev.zh + w.zh + nxt.zh, source, {"noun": f"{prev.short or prev.en('noun')}-{nxt.short or nxt.en('noun')}"})
            k += 2
            continue
        out.append(w)
        k += 1
    return out


def _nameable(w: _Word) -> bool:
    """Whether *w* can stand on one side of a dash: a Chinese word with a noun's English."""
    return is_han(w.zh[:1]) and is_han(w.zh[-1:]) and bool(w.en("noun")) and w.zh not in _FUNCTION


def _plural_suffixed(words: Sequence[_Word]) -> list[_Word]:
    """*words* with each noun and the 们 after it made one plural noun (同志们 → "comrades",
    女士们 → "ladies"), a word of the source the noun came from."""
    out: list[_Word] = []
    for w in words:
        prev = out[-1] if out else None
        if w.zh == _MEN and prev is not None and prev.has("noun") and not prev.has("verb") and prev.zh not in _FUNCTION:
            out[-1] = _Word(prev.zh + w.zh, prev.source, {"noun": _plural(prev.en("noun"))}, prev.term_id)
        else:
            out.append(w)
    return out


def _sense_roles(sense: str, entries: Sequence[tuple[str, Sequence[str]]]) -> dict[str, str]:
    """The roles one CC-CEDICT sense gives a word: "to X" a verb (with its noun form, where the
    entry lists one or the verb has a regular one), anything else a noun."""
    role = "verb" if sense.startswith("to ") else "noun"
    en = re.sub(r"^(a|an|the|one's|sb's) ", "", short_sense_of(sense))
    en = re.sub(r"\s+(sth|sb|sb's|one's|oneself)\b", "", en).strip() or en
    roles = {role: en}
    if role == "verb":
        noun = _noun_sense(entries) or _nominal(en)
        if noun:
            roles["noun"] = noun  # 国防动员: defense mobilization, not "defense mobilize"
    return roles


#: the kind of place CC-CEDICT writes after a place name ("Hainan Province", "Hangzhou
#: subprovincial city and …"): a description, not part of the name
_PLACE_KINDS = frozenset({"province", "municipality", "prefecture", "prefecture-level", "county", "county-level", "city",
                          "subprovincial", "district", "capital", "town", "village"})


def _proper_name(sense: str) -> str:
    """The name a CC-CEDICT proper noun's sense opens with, without the description of the place
    after it: "Hangzhou subprovincial city and capital of Zhejiang province …" → "Hangzhou",
    "Shanghai municipality, central east China …" → "Shanghai", "Hainan Province" → "Hainan",
    "Vienna, capital of Austria" → "Vienna". A list of names stays ("China, Japan and Korea"), and
    so does a sense with no such description ("Yangtze River Delta", "Qinghai-Tibetan plateau")."""
    s = short_sense_of(sense)
    words = [w for w in s.split() if not any(is_han(ch) for ch in w)]  # "Hong Kong 香港, Macao …"
    for i, w in enumerate(words):
        bare = w.strip(",").lower()
        if i and (bare in _PLACE_KINDS or (words[i - 1].endswith(",") and w[:1].islower())):
            kept = " ".join(words[:i]).rstrip(",")
            return kept if kept[:1].isupper() else sense
    return " ".join(words) if len(words) < len(s.split()) else sense


def _official_roles(learned: Sense, roles: Mapping[str, str], entries: Sequence[tuple[str, Sequence[str]]]) -> dict[str, str]:
    """A CC-CEDICT word's roles with the English official text gives it (:mod:`glossary.senses`).
    A learned verb takes the verb's place (with its regular noun form, else CC-CEDICT's noun). A
    learned noun or adjective is what the word is in political text: a dictionary verb sense is
    dropped (检察 is "procuratorial" in 检察机关, not the verb "inspect" with an object), and an
    adjective is the word's form before a noun, its noun staying CC-CEDICT's where that is one."""
    if learned.role == "verb":
        noun = _nominal(learned.en) or roles.get("noun", "")
        return {"verb": learned.en, **({"noun": noun} if noun else {})}
    if learned.role == "modifier":
        return {"modifier": learned.en, "noun": roles["noun"] if "noun" in roles and "verb" not in roles else learned.en}
    return {"noun": learned.en}


def short_sense_of(sense: str) -> str:
    from .cedict import short_sense

    return short_sense(sense)


def _plain_senses(entries: Sequence[tuple[str, Sequence[str]]]) -> tuple[str, ...]:
    """Every plain sense of a CC-CEDICT headword, each alternative of a definition on its own
    ("office; situation; bureau" is three), in the dictionary's order, duplicates dropped."""
    from .cedict import useful_sense

    out: list[str] = []
    for _, defs in entries:
        register = False
        for d in defs:
            # an item with a leading space continues the previous definition ("(dialect) OK;
            # all right"): a register label covers every alternative of its definition
            if not d.startswith(" "):
                register = d.startswith(_REGISTERS)
            if register or not useful_sense(d) or (d.startswith("(") and d.endswith(")")):
                continue
            for alt in d.split(";"):
                alt = alt.strip()
                if (alt and not alt.startswith(("(", "CL:", "abbr.", "lit.", "fig.")) and not alt.endswith("!")
                        and alt not in out):
                    out.append(alt)
    return tuple(out)


#: CC-CEDICT's register labels: a sense so marked ("(dialect) OK; all right", "(coll.) to fall
#: asleep") is not what political prose means by the word; nor is an exclamation ("all right!")
_REGISTERS = ("(dialect)", "(coll.)", "(slang)", "(Internet slang)", "(old)", "(literary)", "(onom.)", "(interj.)",
              "(Tw)", "(Cantonese)", "(vulgar)", "(derog.)", "(humble)", "(polite)")


def _sense_words(en: str) -> list[str]:
    """The words of a sense that carry meaning: none of :data:`_GLUE_WORDS`, nor "to"."""
    return [w for w in re.findall(r"[a-z]+", short_sense_of(en).lower()) if w not in _GLUE_WORDS and w != "to"]


def _glue_only(en: str) -> bool:
    """Whether an English says nothing but glue words ("from", "of the")."""
    return not _sense_words(en)


def _usage(en: str, phrasing: Phrasing) -> int:
    """How often the curated table's English uses a sense's rarest content word (singular or
    plural), 0 for a sense of glue words only."""
    words = _sense_words(en)
    if not words or len(words) > 3:
        return 0
    return min(phrasing.uses(w) + phrasing.uses(w + "s") for w in words)


#: English words that carry no sense of their own when senses are weighed
_GLUE_WORDS = frozenset({"the", "of", "a", "an", "and", "for", "in", "to", "on", "with", "by", "or", "sth", "sb", "one's",
                         "from", "through", "at", "as", "into", "up", "down", "out", "over", "about", "via", "away", "off"})
#: a later CC-CEDICT sense replaces the first when the table uses it this many times as often
SENSE_RATIO = 3
#: … and at least this often
SENSE_MIN = 3


def _table_sense(w: _Word, phrasing: Phrasing) -> _Word:
    """A CC-CEDICT word with the sense the curated table's English uses most, where that is not
    the dictionary's first: 最高 "supreme" for "tallest", 僵尸 "zombie" for "gyonshi", 日 "day"
    for "sun". The table's vocabulary says which sense political English means; a later sense
    wins only by :data:`SENSE_RATIO` times the first sense's use and at least :data:`SENSE_MIN`."""
    if w.source != "cedict" or len(w.senses) < 2:
        return w
    first = _usage(w.senses[0], phrasing)
    best, score = w.senses[0], first
    for s in w.senses[1:]:
        if s[:1].isupper() and not w.senses[0][:1].isupper() or s.endswith("-"):
            continue  # a name (港 "Hong Kong") is never the sense of a common word, nor a prefix ("multi-")
        if s.startswith("to ") or w.senses[0].startswith("to "):
            continue  # the table's English does not tell a verb from its noun (重视 "to value": "values")
        u = _usage(s, phrasing)
        if u > score:
            best, score = s, u
    if best == w.senses[0] or score < SENSE_MIN or score < SENSE_RATIO * max(first, 1):
        return w
    return _Word(w.zh, w.source, _sense_roles(best, ()), w.term_id, w.proper, w.senses)


def _learned(words: list[_Word], phrasing: Phrasing) -> list[_Word]:
    """Dictionary words given the English the curated table uses for them in the same slot:
    a word followed by another is a modifier (检察机关 → procuratorial organs), the last a noun."""
    out = []
    for i, w in enumerate(words):
        w = _table_sense(w, phrasing)
        nxt = words[i + 1] if i + 1 < len(words) else None
        slot = "modifier" if nxt is not None and nxt.zh not in _FUNCTION and nxt.source != "rule" else "noun"
        said = phrasing.before(w.zh, words[-1].zh) if slot == "modifier" and w.source == "lexicon" else ""
        own = next((e for e in w.roles.values() if e.lower() == said.lower()), "") if said else ""
        if own:
            # the English of its own the table's terms give the word before this head, as the
            # lexicon writes it (中国 before 学院 or 协会 is "China", as in the names of bodies)
            w = _Word(w.zh, w.source, {**w.roles, "modifier": own}, w.term_id)
        elif w.source in ("cedict", "parallel", "lexicon"):
            # the lexicon and the learned senses are attested in parallel text: the table overrides
            # them only with more support
            en = phrasing.word(w.zh, slot, 2 if w.source == "cedict" or slot not in w.roles else 3)
            if en and _glue_only(en):
                en = ""  # a function word ("from") is no content word's English: 走 stays a verb
            if en:
                roles = {slot: en} if slot == "noun" else {"modifier": en, "noun": en}
                w = _Word(w.zh, "table", roles, w.term_id)
            elif slot == "modifier" and w.source in ("cedict", "parallel", "lexicon") and "modifier" not in w.roles and w.has("noun"):
                adjective = _adjective(w.en("noun"), phrasing)
                if adjective:  # 农业强国 → agricultural powerhouse
                    w = _Word(w.zh, w.source, {**w.roles, "modifier": adjective}, w.term_id)
        elif (slot == "modifier" and w.source == "glossary" and "modifier" not in w.roles
                and re.fullmatch(r"[a-z]+", w.en("noun")) is not None):
            adjective = _adjective(w.en("noun"), phrasing)
            if adjective:  # 生态环境保护 → environmental protection, not "environment protection"
                w = _Word(w.zh, w.source, {**w.roles, "modifier": adjective}, w.term_id, w.proper, w.senses, w.short)
        out.append(w)
    # X性 before a noun is X's adjective: 结构性减税 → structural tax cuts, 政策性 → policy
    for i in range(len(out) - 2, 0, -1):
        if out[i].zh == "性" and out[i].source in _DICTIONARY and out[i - 1].source != "rule":
            prev = out[i - 1]
            adjective = prev.en("modifier") if prev.has("modifier") else _adjective(prev.en("noun"), phrasing)
            out[i - 1 : i + 1] = [_Word(prev.zh + "性", prev.source, {"modifier": adjective or prev.en("noun"),
                                                                      "noun": adjective or prev.en("noun")}, prev.term_id)]
    # X型 before a noun is a kind marked by X: X's adjective where the table uses one (创新型企业 →
    # innovative enterprises), else "X-oriented" (服务型政府 → service-oriented government), never
    # CC-CEDICT's "model"
    for i in range(len(out) - 2, 0, -1):
        if out[i].zh == "型" and out[i].source in _DICTIONARY and out[i - 1].source not in ("rule", "none"):
            prev = out[i - 1]
            noun = prev.en("noun")
            adjective = (prev.en("modifier") if prev.has("modifier") else
                         _adjective(noun, phrasing) or _ive(noun, phrasing))
            if not adjective:  # (a verb, or a word that is an adjective already: 友好 "friendly", stays)
                plain = not prev.has("noun") or not noun.isalpha() or noun.endswith(("ly", "ful", "ive", "ous", "able", "al"))
                adjective = noun if plain else f"{noun}-oriented"
            out[i - 1 : i + 1] = [_Word(prev.zh + "型", prev.source, {"modifier": adjective, "noun": adjective}, prev.term_id)]
    return out


def _paired(words: list[_Word], phrasing: Phrasing | None, pairs: Collection[tuple[str, str]] = (),
            exclude: Collection[str] = ()) -> list[_Word]:
    """Two words side by side that the curated table's terms coordinate (:meth:`Phrasing.coordinated`)
    or official parallel text does (*pairs*, :mod:`glossary.pairs`; not a pair that is itself
    an excluded form, the term a leave-one-out evaluation hides) made one word "A and B": Chinese juxtaposes coordinated nouns without a conjunction (长期繁荣稳定
    → long-term prosperity and stability; 党中央决策部署 → decisions and plans of the Party Central
    Committee), and as one word the pair takes its place in the order rules whole. Its modifier is
    the two modifiers (经济文化交流 → economic and cultural exchanges); it is a verb only when both
    are verbs and neither a noun. Its source is the less trusted of the two."""
    out: list[_Word] = []
    for w in words:
        prev = out[-1] if out else None
        if (prev is not None and prev.source not in ("rule", "none") and w.source not in ("rule", "none")
                and prev.zh not in _FUNCTION and w.zh not in _FUNCTION
                and (((prev.zh, w.zh) in pairs and prev.zh + w.zh not in exclude)
                     or (phrasing is not None and phrasing.coordinated(prev.zh, w.zh)))):
            roles = {"noun": f"{prev.en('noun')} and {w.en('noun')}",
                     "modifier": f"{prev.en('modifier', 'noun')} and {w.en('modifier', 'noun')}"}
            if prev.has("verb") and w.has("verb") and not prev.has("noun") and not w.has("noun"):
                roles = {"verb": f"{prev.en('verb')} and {w.en('verb')}", **roles}
            source = min((prev.source, w.source), key=lambda s: _WEIGHT[s])
            out[-1] = _Word(prev.zh + w.zh, source, roles)
            continue
        out.append(w)
    return out


def _adjective(noun: str, phrasing: Phrasing) -> str:
    """The adjective of a one-word English noun by the regular suffixes, when the curated table's
    English uses that word at least as often as the noun (culture → cultural, entrepreneur →
    entrepreneurial, history → historical; "government" stays, the table rarely says
    "governmental"); '' otherwise."""
    w = noun.lower()
    if not w.isalpha() or len(w) < 5:
        return ""
    stems = [w + "al", w[:-1] + "al", w + "ial", w[:-1] + "ical", w[:-1] + "ic", w + "ic", w[:-2] + "tic",
             w[:-2] + "cial", w[:-2] + "tial", w + "ary"]
    for a in stems:
        if a != w and phrasing.uses(a) and 3 * phrasing.uses(a) >= phrasing.uses(w) + phrasing.uses(w + "s"):
            return a
    return ""


def _ive(noun: str, phrasing: Phrasing) -> str:
    """The -ive adjective of a one-word -ion noun when the curated table's English uses it
    (innovation → innovative); '' otherwise. Kept apart from :func:`_adjective`: before a noun,
    "innovation capacity" stays, only a kind marked by 型 needs the adjective."""
    w = noun.lower()
    if not w.isalpha() or not w.endswith("ion"):
        return ""
    a = w[:-3] + "ive"
    return a if phrasing.uses(a) else ""


def _action_noun(verb: str, phrasing: Phrasing) -> str:
    """The action noun of a one-word verb, by the regular suffixes, that the curated table's
    English uses (coordinate → coordination, improve → improvement, promote → promotion, govern
    → governance); '' when the table uses none of them. A verb in a noun's place needs its noun:
    "policy coordinate" is no English, and which suffix a verb takes is not regular enough to
    guess without a word list: the table's own English is that list."""
    w = verb.lower()
    if " " in w or not w.isalpha() or len(w) < 4:
        return ""
    stems = [w + "ment", w[:-1] + "ion", w + "ion", w[:-1] + "ation", w + "ation", w + "ance", w[:-1] + "ance"]
    if w.endswith("ize"):
        stems.insert(0, w[:-1] + "ation")
    for n in stems:
        if phrasing.uses(n) or phrasing.uses(n + "s"):
            return n
    return _nominal(w)


def _noun_sense(entries: Iterable[tuple[str, Sequence[str]]]) -> str:
    """A CC-CEDICT verb's own noun sense, when its first entry lists one (动员: "mobilization")."""
    for _, defs in list(entries)[:1]:
        for d in defs:
            first = d.split(";")[0].strip()
            if first and not first.startswith("to ") and not first.startswith(("(", "CL:", "see ", "variant")) \
                    and re.fullmatch(r"[a-z][a-z -]{2,24}", first) and not _glue_only(first):
                return first  # (走 "from" is a preposition's sense, no noun)
    return ""


def _nominal(verb: str) -> str:
    """The action noun of a one-word verb by the regular suffixes (compensate → compensation,
    mobilize → mobilization); '' when no rule applies."""
    if " " in verb or not verb.isalpha():
        return ""
    if verb.endswith("ize"):
        return verb[:-1] + "ation"
    if verb.endswith("ate") and len(verb) > 5:
        return verb[:-1] + "ion"
    if verb.endswith("ister"):
        return verb[:-2] + "ration"  # register → registration, administer → administration
    return ""


def _coverage(words: Sequence[_Word]) -> float:
    total = sum(len(w.zh) for w in words) or 1
    return sum(len(w.zh) * _WEIGHT[w.source] for w in words) / total


class _Grammar:
    """The order rules, applied top-down to a cut phrase; ``trust`` falls when a rule guesses."""

    def __init__(self, phrasing: Phrasing | None = None, verbs: Collection[str] = ()) -> None:
        self.phrasing = phrasing
        #: words that open only the lexicon's verbs (:attr:`Composer.verbs`): a glossary term whose
        #: English starts with one is a verb phrase
        self.verbs = verbs
        #: set while a verb phrase is said as a gerund (the task of upholding and developing …)
        self.gerund = False
        self.trust = 1.0
        self.used: dict[int, str] = {}
        #: set while the last conjunct of "A和B C" is said, A sharing its head: keep the head last
        self.shared_head = False

    def say(self, w: _Word, *prefer: str) -> str:
        """*w*'s English in the first role of *prefer* it has, remembered for the parts list."""
        en = w.en(*prefer)
        self.used[id(w)] = en
        return en

    def say_nominal(self, w: _Word, before: _Word, *prefer: str) -> str:
        """*w* inside a compound, after *before*: a verb after a noun takes the action noun the
        table's English uses (汇率形成机制: exchange rate formation mechanism; 政策协调: policy
        coordination), since a verb in a noun's place is no English."""
        en = self.say(w, *prefer)
        if (self.phrasing is not None and w.source != "glossary" and not w.has("noun") and not w.has("modifier")
                and w.has("verb") and before.has("noun") and not before.has("verb") and not before.has("adverb")):
            en = _action_noun(en, self.phrasing) or en
            self.used[id(w)] = en
        return en

    def verb_term(self, w: _Word) -> bool:
        """*w* is a glossary term whose English is a verb phrase ("uphold and develop …")."""
        first = w.en("noun").split(" ", 1)[0]
        return w.source == "glossary" and first.isalpha() and first.islower() and first in self.verbs

    def gerund_clause(self, ws: Sequence[_Word]) -> str:
        """A verb phrase as the gerund a noun's "of" takes: 节约资源和保护环境 → conserving
        resources and protecting the environment (each coordinated verb)."""
        self.gerund, before = True, self.gerund
        try:
            return self.clause(ws)
        finally:
            self.gerund = before

    def term_clause(self, w: _Word, head: str) -> str:
        """A glossary term whose English is a verb phrase, after a head noun: its verbs as gerunds
        ("task of upholding and developing socialism …"), or as they are after a head that takes
        an infinitive ("right to …")."""
        en = self.say(w, "noun")
        return en if _takes_infinitive(head) else _gerunds(en, self.verbs)

    def _set_form(self, ws: Sequence[_Word]) -> str | None:
        """The English of a set form (打赢…战, 以…为…, …以来, a numbered formula), else None: the
        rules a clause and a noun phrase both try first."""
        text = "".join(w.zh for w in ws)
        for rule in (self._battle, self._yi_wei, self._wei_mou, self._postposition, self._numbered, self._owner_ordinal,
                     self._anniversary):
            got = rule(ws, text)
            if got is not None:
                return got
        return None

    def clause(self, ws: Sequence[_Word], verbal: bool = False) -> str:
        if not ws:
            return ""
        got = self._set_form(ws)
        if got is not None:
            return got
        got = self._stage(ws)
        if got is not None:
            return got
        got = self._copula(ws)
        if got is not None:
            return got
        pieces = _split(ws) if not any(w.zh in _DE for w in ws) else []
        if len(pieces) > 1 and len(pieces[0]) > 1 and pieces[0][0] is ws[0] and ws[0].source != "glossary" \
                and pieces[1][0].zh.startswith(ws[0].zh) and not self._verb_led(ws[len(pieces[0]) + 1 :]):
            # conjuncts that open with the same word, the second no verb phrase, are parallel nouns,
            # not a verb and its object: 领导机关和领导干部 → leadership organs and leading officials,
            # not "lead organs and leading officials"
            return _series([self.noun(p) for p in pieces])
        # verb phrases in a series: 总揽全局、协调各方 → oversee …, coordinate …
        if len(pieces) > 1 and len(pieces[0]) > 1 and pieces[0][0].has("verb") and self._leads(pieces[0], 0, True):
            return _series([self.clause(p, verbal=True) for p in pieces])
        # adverbs + verb (+ conjoined verbs) + object
        i = 0
        adverbs: list[str] = []
        after: list[str] = []  # "in accordance with the law" goes after the verb phrase
        while i < len(ws) and ws[i].has("adverb") and i + 1 < len(ws) and ws[i + 1].has("verb"):
            en = self.say(ws[i], "adverb")
            (after if re.match(r"(in|by|with|through|according|under) ", en) else adverbs).append(en)
            i += 1
        if i < len(ws) and ws[i].has("verb") and (i + 1 < len(ws) or adverbs or after) and self._leads(ws, i, verbal or bool(adverbs or after)):
            said = self.say(ws[i], "verb")
            # an adverb the verb's English already says goes unsaid: 充分发挥 → give full play to,
            # not "fully give full play to"
            adverbs = [a for a in adverbs if not _says(said, a)]
            verbs = [" ".join([*adverbs, said])]
            j = i + 1
            while True:
                if j + 1 < len(ws) and ws[j].zh in _CONJ and ws[j + 1].has("verb") and ws[j + 1].source != "glossary":
                    verbs.append(self.say(ws[j + 1], "verb"))
                    j += 2
                elif (j + 1 < len(ws) and ws[i].zh not in _CATENATIVE and ws[j].source == "lexicon"
                      and ws[j].has("verb") and not ws[j].has("noun")):
                    verbs.append(self.say(ws[j], "verb"))  # 学习贯彻X → study and implement X
                    j += 1
                else:
                    break
            if ws[j:j + 1] and ws[j].zh == "好" and ws[j].source != "glossary" and (j + 1 < len(ws) or verbal):
                # 好 after a verb says the work is done well (落实好X, 发挥好X): English says the
                # verb alone, also where the verb's object comes later in a series (实现好、维护好、
                # 发展好X → achieve, safeguard and develop X)
                j += 1
            if j < len(ws) and ws[j].zh in _DE:
                return self.noun(ws)  # the verbs end at 的: they modify what follows (批评和建议的权利)
            obj = ""
            if j < len(ws):
                rest = ws[j:]
                # a verb object of a verb reads as a gerund: 推动构建… → promote building …
                leads = self._verb_led(rest)
                # (a verb phrase that names a period is a noun already: no gerund of "key period")
                obj = (self._stage(rest) or _gerund(self.clause(rest))) if leads else self.noun(rest)
                obj = _definite(obj)  # 打赢脱贫攻坚战 → win the battle against poverty
            if self.gerund:
                verbs = [_gerund(v) for v in verbs]
            return " ".join(x for x in (_series(verbs), obj, *after) if x)
        return self.noun(ws)

    def _copula(self, ws: Sequence[_Word]) -> str | None:
        """A sentence with 是 ("is") between its subject and what it says of it, as tifa often
        are: 社会主义制度是中华人民共和国的根本制度 → socialist system is fundamental system of
        the People's Republic of China. The copula splits the phrase first, so a 的 on its right
        never takes the subject into its noun phrase ("fundamental system of socialist system is
        …"). None unless one 是 (or 就是) stands inside the phrase with words on both sides and
        no clause break; a verb-led subject is said as a gerund (发展新质生产力是… → developing
        new quality productive forces is …)."""
        at = [i for i, w in enumerate(ws) if w.zh in _COPULAS and w.source != "glossary"]
        if len(at) != 1 or not 0 < at[0] < len(ws) - 1 or any(w.zh in _BREAKS for w in ws):
            return None
        k = at[0]
        subject, said = ws[:k], ws[k + 1 :]
        if subject[0].zh in _DE or said[0].zh in _DE or said[-1].zh in _DE:
            return None  # (…的 after 是 says a property, 是…的 is emphasis: not this pattern)
        first = _gerund(self.clause(subject)) if len(subject) > 1 and self._verb_led(subject) else self.noun(subject)
        rest = self.clause(said) if self._verb_led(said) else self.noun(said)
        if not first or not rest:
            return None
        self.say(ws[k], "verb")
        self.trust *= 0.9
        return f"{first} {'are' if _plural_subject(first) else 'is'} {_definite(rest)}"

    def _stage(self, ws: Sequence[_Word]) -> str | None:
        """A verb and its object before a period or stage (时期, 阶段, 征程 …) name that period:
        实现中华民族伟大复兴关键时期 → key period of achieving the great rejuvenation of the
        Chinese nation (one does not achieve a period); None for any other phrase. Lone modifiers
        before the head stay with it (关键 key, 新 new)."""
        if len(ws) < 3 or not ws[0].has("verb") or ws[0].has("noun") or ws[0].source == "glossary":
            return None
        if not ws[-1].zh.endswith(_STAGES) or ws[-1].has("verb"):
            return None
        k = len(ws) - 1
        while k > 2 and _lone_modifier(ws[k - 1]):
            k -= 1
        if any(w.zh in _DE or w.zh in _CONJ or w.zh in _FUNCTION for w in ws[1:k]):
            return None
        head = " ".join([*(self.say(w, "modifier") for w in ws[k:-1]), self.say(ws[-1], "noun")])
        self.trust *= 0.95
        return f"{head} of {_gerund(self.say(ws[0], 'verb'))} {_the(self.noun(ws[1:k]))}"

    def _verb_led(self, ws: Sequence[_Word]) -> bool:
        """Whether a phrase is a verb phrase: a dictionary or lexicon verb opens it and heads it
        (:meth:`_leads`); a glossary term that opens it is a name, not a verb."""
        return bool(ws) and ws[0].has("verb") and ws[0].source != "glossary" and self._leads(ws, 0)

    @staticmethod
    def _leads(ws: Sequence[_Word], i: int, verbal: bool = False) -> bool:
        """A verb heads the phrase when it is a lexicon or dictionary verb and what follows is
        not a 的 clause it belongs to ("总揽全局的…" is a relative clause, "坚持党的领导" is not)."""
        w = ws[i]
        rest = ws[i + 1 :]
        if w.source == "lexicon":
            if not any(r in w.roles for r in ("noun", "modifier")):
                return True
            # 发展 is a verb in 发展中国特色社会主义 and a noun in 发展理念: a verb when a glossary
            # term or a 的 phrase follows, or an adverb comes before
            pure_verb_next = bool(rest) and rest[0].source == "lexicon" and rest[0].has("verb") and not rest[0].has("noun")
            return bool(rest) and (verbal or pure_verb_next or rest[0].source == "glossary" or any(x.zh in _DE for x in rest))
        return w.source in _DICTIONARY and not any(x.zh in _DE for x in rest)

    def noun(self, ws: Sequence[_Word]) -> str:
        if not ws:
            return ""
        got = self._set_form(ws)
        if got is not None:
            return got
        if len(ws) > 1 and ws[0].zh in _FRAMES:
            rest = ws[2:] if ws[1].zh in _DE else ws[1:]
            if rest:
                self.say(ws[0], "noun")
                return f"{self.noun(rest)} {_FRAMES[ws[0].zh]}"
        # (a glossary term that is itself such a run starts one too: 各地区各部门 + 各单位)
        starts = [i for i, w in enumerate(ws) if (w.zh == "各" and w.source == "lexicon")
                  or (w.source == "glossary" and w.zh.startswith("各") and len(w.zh) > 2)]
        if len(starts) >= 2 and starts[0] == 0 \
                and all(b - a >= 2 or ws[a].source == "glossary" for a, b in zip(starts, [*starts[1:], len(ws)], strict=True)) \
                and not any(w.zh in _DE or w.zh in _CONJ for w in ws):
            # 各领域各方面各环节 → all sectors, all areas and all segments (a list without conjunctions)
            return _series([self.noun(ws[a:b]) for a, b in zip(starts, [*starts[1:], len(ws)], strict=True)])
        k = next((i for i, w in enumerate(ws) if w.zh in _SINGLING_OUT and w.source == "lexicon"), None)
        if k is not None and 0 < k < len(ws) - 1:
            # 干部特别是年轻干部 → officials, particularly young officials
            said = self.say(ws[k], "adverb")
            return f"{_plural_common(self.noun(ws[:k]))}, {said} {self.noun(ws[k + 1:])}"
        post = next((i for i, w in enumerate(ws) if w.zh in _POSTPOSED and w.source != "glossary"), None)
        if post is not None and post + 1 < len(ws) and not any(w.zh in _DE or w.zh in _CONJ for w in ws):
            self.say(ws[post], "modifier")
            head = self.noun([*ws[:post], *ws[post + 1:]])
            if ws[post].zh in _PLURAL_AFTER:  # 各级党委 → Party committees at all levels
                head = _plural(head)
            return f"{head} {_POSTPOSED[ws[post].zh]}"
        progressive = self._progressive(ws)
        if progressive is not None:
            return progressive
        many = self._many(ws)
        if many is not None:
            return many
        about = self._about(ws)
        if about is not None:
            return about
        if any(w.zh in _DE for w in ws):
            k = next(i for i, w in enumerate(ws) if w.zh in _DE)
            left, right = ws[:k], ws[k + 1 :]
            if not right:
                return self.clause(left)
            head = self.noun(right)
            if not left:
                return head
            if len(left) >= 3 and left[1].zh == "对" and left[0].has("noun") and not left[0].has("verb") \
                    and not left[0].has("modifier") and right[-1].has("noun"):
                # 党对人民军队的绝对领导 → the Party's absolute leadership over the people's armed forces
                self.say(left[1], "noun")
                owner, target = self.say(left[0], "noun"), self.noun(left[2:])
                over = "over" if re.search(r"\b(leadership|control|oversight|supervision|management|jurisdiction)\b", head) else "to"
                return f"{_possessive(owner)} {head} {over} {_the(target)}"
            if left[0].has("verb") and not left[0].has("noun") and left[0].source != "glossary":
                # a verb phrase before 的: "the right to criticize", "the policy of conserving resources"
                self.trust *= 0.85
                if _takes_infinitive(head):
                    return f"{head} to {self.clause(left)}"
                return f"{head} of {self.gerund_clause(left)}"
            if len(left) == 1 and self.verb_term(left[0]):
                return f"{head} {'to' if _takes_infinitive(head) else 'of'} {self.term_clause(left[0], head)}"
            if len(left) >= 2 and left[-1].zh in _FRAMED and not (left[0].has("verb") and not left[0].has("noun")):
                # a place before 的 says where its head is: 座谈会上的重要讲话 → important speech at
                # the symposium (not "important speech of on symposium")
                place = self._postposition(left, "")
                if place is not None:
                    return f"{head} {place}"
            owner = self.noun(left)
            if ws[k].zh == "之" and not left[0].has("modifier"):
                self.trust *= 0.95
                return f"{head} of {_the(owner)}"  # classical 之: 和平之路 → road of peace
            if len(left) == 1 and " " not in owner and (re.search(r"(-\w+|ed|al|ic|ive)$", owner) or (
                    left[0].source in _DICTIONARY and re.search(r"(ful|ent|ant|ous|able|ible|less)$", owner))):
                # an adjective owns nothing: 以人民为中心的… → people-centered …; 强大的金融机构 → powerful
                # financial institutions (the endings -ent, -ant … only of dictionary words: a lexicon
                # noun such as "development" still owns)
                return f"{owner} {head}"
            if len(left) == 1 and len(left[0].zh) == 4 and left[0].source == "cedict" and " " in owner \
                    and (owner.split()[0].endswith(("ed", "ing")) or owner.endswith("ly")):
                # a four-character dictionary phrase whose English is an adjective or participle phrase
                # describes its noun from behind, it owns nothing: 史无前例的成就 → achievements
                # unprecedented in history, not "unprecedented in history's achievements"
                return f"{head} {owner}"
            if len(left) == 1 and len(owner.split()) <= 3 and not left[0].has("modifier"):
                return f"{_possessive(owner)} {head}"
            if len(left) == 1 and left[0].has("modifier"):
                return f"{self.say(left[0], 'modifier')} {head}"
            self.trust *= 0.9
            return f"{head} of {_the(owner)}"
        pieces = _split(ws)
        if len(pieces) > 1:
            last = pieces[-1]
            verbal = bool(last) and last[0].has("verb") and last[0].source != "glossary" and len(last) > 1 \
                and not last[0].has("noun")
            out = []
            shared = False
            for p in pieces[:-1]:
                if len(p) == 1 and len(last) > 1 and not verbal:
                    out.append(self.say(p[0], "modifier"))
                    shared = True
                elif len(p) == 1 and verbal:
                    out.append(self.say(p[0], "verb"))
                else:
                    out.append(self.clause(p))
            self.shared_head, before = shared, self.shared_head
            try:
                out.append(self.clause(last))
            finally:
                self.shared_head = before
            if any(len(p) == 1 and p[0].source == "glossary" and re.match(r"[a-z]+ing ", o) for p, o in zip(pieces, out, strict=True)):
                # a list of actions speaks one form: beside a glossary action said as a gerund
                # (全面建成小康社会 "finishing building …"), an item led by its verb is a gerund too
                # (…、实现第一个百年奋斗目标 → "… and achieving the first centenary goal")
                for k, p in enumerate(pieces):
                    if p and p[0].source != "glossary" and p[0].has("verb") \
                            and out[k].split(" ", 1)[0] == self.say(p[0], "verb").split(" ", 1)[0]:
                        out[k] = _gerunds(out[k], ())
            for k in range(1, len(pieces)):
                # after a term of many (广大党员), a plain noun in the same list is many too:
                # 广大党员、干部 → all Party members and officials
                if _many_before(pieces[k - 1]) and _plain_nouns(pieces[k]) and len(pieces[k]) == 1:
                    out[k] = _plural_common(out[k])
            return _series(out)
        return self._compound(ws)

    def _progressive(self, ws: Sequence[_Word]) -> str | None:
        """Subject, 正 and a verb with its object: what is going on now. 当今世界正经历百年未有之大变局 →
        "the world today is experiencing profound changes unseen in a century"; 我国正处于…关键时期 →
        "China is in a key period of …" (a verb "be …" stays "is …"). None unless 正 stands between a
        noun and a word that is a verb."""
        k = next((i for i, w in enumerate(ws) if w.zh == "正" and w.source == "rule"), None)
        if k is None or k == 0 or k + 2 > len(ws) or ws[k - 1].has("verb") or ws[k - 1].source == "none":
            return None
        v = ws[k + 1]
        verb = self.say(v, "verb") if v.has("verb") else next((s[3:] for s in v.senses if s.startswith("to ")), "")
        if not verb:
            return None  # (a dictionary word with a verb sense of its own: 经历 "to go through")
        subject = self.noun(ws[:k])
        if not subject:
            return None
        self.used[id(v)] = verb
        rest = ws[k + 2:]
        obj = (self._stage(rest) or self.noun(rest)) if rest else ""
        self.trust *= 0.9
        said = f"is {verb[3:]}" if verb.startswith("be ") else f"is {_gerund(verb)}"
        return " ".join(x for x in (subject, said, obj) if x)

    def _many(self, ws: Sequence[_Word]) -> str | None:
        """A quantifier of many (广大, 各, 各级) makes its noun plural, and each noun of a list after
        it: 广大干部 → all officials; 广大党员、干部 → all Party members and officials; 各级党委和政府 →
        Party committees and governments at all levels (it stands where it would before one noun;
        nouns without a plural, names and acronyms keep their number). None unless every noun is a
        plain one of one or two words (a verb or a 的 clause is no list of people or bodies)."""
        first = ws[0]
        if len(ws) < 2 or first.zh not in _PLURAL_AFTER or first.source != "lexicon" or not first.has("modifier"):
            return None
        pieces = _split(ws[1:])
        if not pieces or ws[1].zh in _CONJ or any(w.zh in _DE for w in ws) or not all(map(_plain_nouns, pieces)):
            return None
        nouns = _series([_plural_common(self.noun(p)) for p in pieces])
        said = self.say(first, "modifier")
        return f"{nouns} {_POSTPOSED[first.zh]}" if first.zh in _POSTPOSED else f"{said} {nouns}"

    def _about(self, ws: Sequence[_Word]) -> str | None:
        """X关于Y的Z → "Z of X on Y", the title of a document: 中共中央关于加强…工作的意见 →
        "opinions of the CPC Central Committee on strengthening …" (a verb phrase topic as a
        gerund). The 的 that closes the topic is the last one (关于党的百年奋斗…的决议: 党的 is
        inside the topic). None without 关于 before a 的 and a head after it."""
        p = next((i for i, w in enumerate(ws) if w.zh == "关于"), None)
        k = max((i for i, w in enumerate(ws) if w.zh in _DE), default=-1)
        if p is None or k <= p + 1 or k + 1 >= len(ws):
            return None
        self.say(ws[p], "noun")
        topic = ws[p + 1 : k]
        said = self.gerund_clause(topic) if topic[0].has("verb") and self._leads(topic, 0, True) else self.noun(topic)
        head = self.noun(ws[k + 1 :])
        owner = self.noun(ws[:p]) if p else ""
        return f"{head} of {_the(owner)} on {said}" if owner else f"{head} on {said}"

    def rules_topic(self, ws: Sequence[_Word]) -> tuple[str, bool] | None:
        """The topic of a rule's title (what comes before 条例, 办法, 规定 …) when it ends in
        actions done to an object: "the actions of the object" (登记管理 + 企业名称 → registration
        and administration of enterprise names), and whether a 暂行 at its end makes the rule
        "interim". None when the topic is not object + action (a verb phrase, a lone noun, a
        glossary term's own English)."""
        interim = bool(ws) and ws[-1].zh == "暂行"
        if interim:
            ws = ws[:-1]
        run = 0
        while run < min(2, len(ws) - 1) and _acting(ws[len(ws) - 1 - run]):
            run += 1
        rest = ws[: len(ws) - run]
        # (a short object keeps the English compound: 地下水管理条例 "regulations on groundwater
        # management", 住房租赁条例 "regulations on housing rental")
        if not run or sum(len(w.zh) for w in rest) < 4 \
                or any(w.has("verb") and not w.has("noun") and not w.has("modifier") for w in rest) \
                or any(w.zh in _DE or w.zh in _CONJ or w.zh == "关于" for w in ws):
            return None
        actions = []
        for w in ws[len(ws) - run :]:
            said = w.en("noun") if w.has("noun") else (_action_noun(w.en("verb"), self.phrasing) if self.phrasing else "")
            if not said or " " in said.strip():
                return None
            self.used[id(w)] = said
            actions.append(said)
        self.trust *= 0.95
        return f"{_series(actions)} of {_the(self._compound(rest))}", interim

    def _compound(self, ws: Sequence[_Word]) -> str:
        """Modifiers + head; a -ization head goes first with "of"."""
        if len(ws) == 1:
            return self.say(ws[0], "noun")
        if ws[-1].zh in _RULES and len(ws) >= 3 and self.phrasing is not None:
            pattern, _ = self.phrasing.order(ws[-1].zh)
            topic = self.rules_topic(ws[:-1]) if pattern.startswith("{H} ") else None
            if topic is not None:
                said = _fill(pattern, self.say(ws[-1], "noun"), topic[0])
                return _interim(said) if topic[1] else said
        run = 0
        while run < len(ws) and _action(ws[len(ws) - 1 - run]):
            run += 1
        if run >= 2:
            # juxtaposed actions are coordinated, and what comes before is what they act on:
            # 改革发展 → reform and development; 文物保护利用 → protection and use of cultural relics
            said = _series([self.say(w, "noun") for w in ws[len(ws) - run :]])
            if run == len(ws):
                return said
            self.trust *= 0.95
            return f"{said} of {_the(self._compound(ws[: len(ws) - run]))}"
        head = ws[-1]
        if len(ws) == 2 and ws[0].en("noun").startswith("Ministry of ") and head.en("noun").lower() == "minister":
            # the head of a ministry named "Ministry of X" is the "Minister of X" (外交部部长)
            self.say(head, "noun")
            return "Minister" + self.say(ws[0], "noun")[len("Ministry"):]
        pattern, share = self.phrasing.order(head.zh) if self.phrasing is not None else ("", 0.0)
        verbs = any(w.has("verb") and not w.has("noun") and not w.has("modifier") for w in ws[:-1])
        if pattern and share >= 0.6 and pattern != "{M} {H}" and not verbs and not self.shared_head:
            # (not after a verb: 处于实现…关键时期 is a clause; nor when a conjunct before shares
            # the head: 当前和今后一个时期 is "present and future period", not "present and period of …")
            self.trust *= 0.95
            if len(ws) > 2 and _lone_modifier(ws[-2]) and ws[-2].source != "glossary":
                # an adjective right before the head stays before it in English too: 公立医院综合改革
                # → comprehensive reform of public hospitals, not "reform of public hospitals comprehensive";
                # a verb-phrase term before them reads as gerunds (决胜全面建成小康社会关键阶段 → key stage
                # of securing a decisive victory in …)
                said = f"{self.say(ws[-2], 'modifier')} {self.say_nominal(head, ws[-3], 'noun')}"
                owner = self.term_clause(ws[0], said) if len(ws) == 3 and self.verb_term(ws[0]) else self._compound(ws[:-2])
                return _fill(pattern, said, owner)
            if len(ws) == 2 and _lone_modifier(ws[0]) and ws[0].source != "glossary" \
                    and _adjective_rank(ws[0].en("modifier")) is not None:
                # an adjective alone is no owner: 中国式 + 现代化 → Chinese modernization, not
                # "modernization of Chinese" (a word that is a noun too, "future", may be one)
                return f"{self.say(ws[0], 'modifier')} {self.say_nominal(head, ws[0], 'noun')}"
            return _fill(pattern, self.say_nominal(head, ws[-2], "noun"), self._compound(ws[:-1]))
        named = ws[0].source == "glossary" and _is_name(ws[0].en()) and not ws[1].has("verb")
        adjective_next = len(ws) > 2 and _lone_modifier(ws[1])
        prepositional = (ws[0].source == "glossary" and re.search(r" (of|with|for|in|on|against) ", ws[0].en()) is not None
                         and not _is_name(ws[0].en()) and not any(w.has("verb") and not w.has("noun") for w in ws[1:]))
        # an action and its object ("protection of minors") cannot stand before a head the table
        # also shows taking its modifier after it: 未成年人保护法 → law on the protection of minors
        after = self.phrasing.order_after(head.zh) if self.phrasing is not None and len(ws) == 2 and prepositional else ""
        if after and not re.match(r"\w+(tion|sion|ment|ance|ence|ing) of ", ws[0].en()):
            after = ""
        if pattern == "{M} {H}" and share >= 0.6 and not (named and adjective_next) and not after:
            # (a name never stands before an adjective in English: 长三角一体化发展 is "integrated
            # development of the Yangtze River Delta" by the name rule below, whatever the head's terms show)
            return _before_head(_adjective_order([(w, self.say(w, "modifier", "noun")) for w in ws[:-1]]),
                                self.say_nominal(head, ws[-2], "noun"))
        if after:
            self.trust *= 0.95
            said = _fill(after, self.say(head, "noun"), self.say(ws[0], "noun"))
            if head.zh == "法" and said.startswith("law "):  # a law's title is a name: Law on the Protection of Minors
                from .phrasing import title

                said = title(said)
            return said
        if (head.zh.endswith("化") and head.en("noun").endswith(("ization", "isation"))
                and not all(w.has("modifier") for w in ws[:-1])):
            self.trust *= 0.95
            return f"{self.say(head, 'noun')} of {_the(self._compound(ws[:-1]))}"
        if (head.source == "lexicon" and head.has("verb") and head.has("noun") and len(ws) > 1
                and re.search(r"(tion|sion|ment|ance|ence|ing|reform)$", head.en("noun"))
                and all(w.source in ("lexicon", "cedict", "parallel") and not w.has("modifier") and not w.has("verb") for w in ws[:-1])):
            # an action noun after nouns without adjective forms: 个人信息保护 → protection of
            # personal information; 经济发展 stays "economic development"
            self.trust *= 0.95
            return f"{self.say(head, 'noun')} of {_the(self._compound(ws[:-1]))}"
        if len(ws) == 2 and self.verb_term(ws[0]) and head.has("noun") and not head.has("verb"):
            # a verb-phrase term before a head that forms no term with it: 坚持和发展中国特色社会主义任务
            # → task of upholding and developing socialism with Chinese characteristics
            self.trust *= 0.95
            said = self.say(head, "noun")
            return f"{said} {'to' if _takes_infinitive(said) else 'of'} {self.term_clause(ws[0], said)}"
        if (len(ws) > 1 and ws[-2].source == "glossary" and len(ws[-2].en().split()) >= 4
                and head.has("noun") and not (head.source in _DICTIONARY and head.has("verb"))):
            # a long term before a head reads after it: 全面建设社会主义现代化国家新征程 → new
            # journey of building a modern socialist country in all respects
            self.trust *= 0.95
            said = self.say(head, "noun")
            return f"{said} {_of_or_in(said, ws[-2].en())} {_the(self._compound(ws[:-1]))}"
        if prepositional:
            # a term whose English has a preposition cannot stand before a noun: 中国特色社会主义共同理想
            # → common ideal of socialism with Chinese characteristics; the head's own way of taking
            # a modifier after it, where the table shows one (未成年人保护法 → law on the protection of minors)
            self.trust *= 0.95
            rest = self._compound(ws[1:])
            owner = self.term_clause(ws[0], rest) if self.verb_term(ws[0]) else self.say(ws[0], "noun")
            return f"{rest} {_of_or_in(rest, ws[0].en())} {owner}"
        if named:
            # an institution or place named first owns what follows: 国务院副总理 → vice-premier
            # of the State Council; 长三角一体化发展 → integrated development of the Yangtze River Delta
            rest = self._compound(ws[1:])
            if not rest[:1].isupper():  # a name goes on: … Summit, … University
                self.trust *= 0.95
                return f"{rest} of {_the(self.say(ws[0], 'noun'))}"
            return f"{self.say(ws[0], 'noun')} {rest}"
        words = []
        for i, w in enumerate(ws[:-1]):
            nxt = ws[i + 1]
            if w.has("adverb") and nxt.has("verb") and not w.has("modifier"):
                words.append(self.say(w, "adverb"))
            elif i > 0 and i == len(ws) - 2 and nxt.source != "glossary":
                # a verb right before a plain head noun: 汇率形成机制 → exchange rate formation mechanism
                words.append(self.say_nominal(w, ws[i - 1], "modifier", "noun"))
            else:
                words.append(self.say(w, "modifier", "noun"))
        return _before_head(_adjective_order(list(zip(ws, words, strict=False))), self.say_nominal(head, ws[-2], "noun"))

    # --- whole-phrase patterns -------------------------------------------------------------

    def _battle(self, ws: Sequence[_Word], text: str) -> str | None:
        """打赢/打好 X 攻坚战 → win/fight the critical battle against X; X攻坚战 → the critical battle against X."""
        last = ws[-1]
        if last.zh not in _BATTLES or last.zh == "战" and len(ws) < 3:
            return None
        verb = ""
        body = list(ws[:-1])
        if body and body[0].zh in ("打赢", "打好", "决胜", "坚决打赢"):
            verb = {"打赢": "win", "打好": "fight", "决胜": "secure a decisive victory in"}.get(body[0].zh, "win")
            body = body[1:]
        if not body:
            return None
        x = self.noun(body)
        return f"{verb} the {_BATTLES[last.zh]} against {x}".strip()

    def _yi_wei(self, ws: Sequence[_Word], text: str) -> str | None:
        zhs = [w.zh for w in ws]
        if "以" not in zhs or "为" not in zhs:
            return None
        a, b = zhs.index("以"), zhs.index("为")
        if b <= a + 1 or b + 1 >= len(ws):
            return None
        before, x, y = ws[:a], ws[a + 1 : b], ws[b + 1]
        rest = list(ws[b + 2 :])
        if rest and rest[0].zh in _DE:
            rest = rest[1:]
        xe = self.noun(x)
        frame = _YI_WEI.get(y.zh, "with {x} as " + (self.say(y, "noun") or y.zh))
        if frame.startswith("{x}-") and len(xe.split()) > 2:
            frame = {"{x}-centered": "centered on {x}", "{x}-oriented": "oriented to {x}"}.get(frame, frame)
        core = frame.format(x=xe)
        if rest:
            tail = self.noun(rest)
            core = f"{core} {tail}" if frame.startswith("{x}-") else f"{tail} {core}"
        if before:
            return f"{self.clause(before)} {core}"
        return core

    def _wei_mou(self, ws: Sequence[_Word], text: str) -> str | None:
        """为X谋Y → "seek Y for X" (为中国人民谋幸福 → seek happiness for the Chinese people, as the
        table's 为中国人民谋幸福、为中华民族谋复兴 reads); None for other phrases."""
        zhs = [w.zh for w in ws]
        if len(ws) < 4 or zhs[0] != "为" or "谋" not in zhs:
            return None
        k = zhs.index("谋")
        if k < 2 or k + 1 >= len(ws):
            return None
        self.used[id(ws[k])] = "seek"
        return f"seek {self.noun(ws[k + 1:])} for {_the(self.noun(ws[1:k]))}"

    def _postposition(self, ws: Sequence[_Word], text: str) -> str | None:
        """X + postposition → "since X", "under X", "around X" …; 在 opens the frame when it
        closes with a place word (在党中央周围 → around the Party Central Committee), and what
        comes before 在 is the verb phrase that happens there (紧密团结在…周围 → rally closely
        around …)."""
        last = ws[-1]
        if len(ws) < 2 or last.zh not in _POSTPOSITIONS:
            return None
        zhs = [w.zh for w in ws]
        k = zhs.index("在") if "在" in zhs[:-1] else -1
        if k >= 0 and (k + 2 >= len(ws) or last.zh not in _FRAMED):
            return None
        inner = ws[k + 1 : -1]
        if last.zh == "上" and (inner[-1].zh in _FUNCTION or inner[-1].zh == "而"
                                or not (inner[-1].has("noun") or inner[-1].source == "glossary")):
            return None  # 上 after no noun is the verb "go up" (乘势而上), no place
        # since the 19th CPC National Congress; since the founding of the People's Republic of China
        pattern = _POSTPOSITIONS[last.zh]
        if last.zh == "上" and inner[-1].zh.endswith(_AT_PLACES):
            pattern = "at {x}"  # 会议上 → at the meeting; 交汇点上 → at the crossroads
        said = pattern.format(x=_definite(_the(self.noun(inner)), actions=True))
        if k <= 0:
            return said
        before = ws[:k]
        if before[-1].has("verb") and all(w.has("adverb") for w in before[:-1]):
            # the verb, then its manner: 紧密团结在…周围 → rally closely around …
            return " ".join([self.say(before[-1], "verb"), *(self.say(w, "adverb") for w in before[:-1]), said])
        return f"{self.clause(before, verbal=True)} {said}"

    def _owner_ordinal(self, ws: Sequence[_Word], text: str) -> str | None:
        """X第N次/届Y → "Nth Y of X": an owner before the ordinal of its congress or session
        (中国共产党第二十一次全国代表大会 → 21st National Congress of the Communist Party of China;
        中国工会第十九次全国代表大会), which :meth:`_numbered` reads only at the phrase's start; a
        body's numbered sitting is a session, with 第 or without (全国人大常委会第十次会议,
        十三届全国人大三次会议 → third session of the 13th National People's Congress). The owner
        is a noun phrase of its own (no verb, no 的 before the ordinal)."""
        sitting = re.search(f"(?<!第)({_NUMERAL}{{1,3}})次会议$", text)
        if sitting and sitting.start() > 0:
            at, n = _words_in(ws, sitting.start()), _number(sitting.group(1))
            if at and n and _plain_owner(ws[:at]):
                owner = self.noun(ws[:at])
                return f"{_nth(n)} session of {_the(owner)}" if owner else None
        at = next((k for k, w in enumerate(ws) if k and w.zh == "第"), 0)
        if not at or not _plain_owner(ws[:at]):
            return None
        rest = "".join(w.zh for w in ws[at:])
        if not re.match(f"^第(?:[0-9]+|{_NUMERAL}{{1,3}})[次届]", rest):
            return None
        said = self._numbered(ws[at:], rest)
        if said is None:
            return None
        if ws[-1].zh == "会议" and rest.endswith("次会议"):
            said = f"{said.removesuffix(self.say(ws[-1], 'noun'))}session"
        owner = self.noun(ws[:at])
        return f"{said.removeprefix('the ')} of {_the(owner)}" if owner else None

    def _anniversary(self, ws: Sequence[_Word], text: str) -> str | None:
        """X N周年 → "Nth anniversary of X": 改革开放40周年 → 40th anniversary of reform and opening
        up; an event noun before the number names what is remembered of X (X成立 → the founding of
        X, X建立 → the establishment of X, X诞辰 → the birth of X, X胜利 → the victory in/of X):
        中国共产党成立100周年 → 100th anniversary of the founding of the Communist Party of China."""
        m = _ANNIVERSARY.search(text)
        if not m or m.start() == 0:
            return None
        n = _number(m.group(1))
        at = _words_in(ws, m.start())
        if not n or not at:
            return None
        before = list(ws[:at])
        if len(before) == 1 and before[0].zh in _FOUNDINGS:  # 建党一百周年 → … of the founding of the Communist Party of China
            self.say(before[0], "noun")
            return f"{_nth(n)} anniversary of {_FOUNDINGS[before[0].zh]}"
        event = _EVENTS.get(before[-1].zh) if len(before) > 1 else None
        if event is not None:
            self.say(before.pop(), "noun")
            if not _plain_owner(before):
                return None
            owner = self.noun(before)
            if event in ("birth", "death"):  # a person's: the birth of Mao Zedong
                return f"{_nth(n)} anniversary of the {event} of {owner}"
            prep = "in" if event == "victory" and re.search(r"\b(War|war|Resistance)\b", owner) else "of"
            return f"{_nth(n)} anniversary of the {event} {prep} {_the(owner)}"
        said = self.clause(before) if any(w.has("verb") and not w.has("noun") for w in before) else self.noun(before)
        return f"{_nth(n)} anniversary of {_the(said)}" if said else None

    def _numbered(self, ws: Sequence[_Word], text: str) -> str | None:
        text = text.lstrip("".join(_QUOTES))
        ws = [w for w in ws if w.zh not in _QUOTES]
        m = re.match(r"^(第)?([0-9]+|[一二两三四五六七八九十]{1,3})(个|大|项|条|种|方面|次|届|批|轮)?", text)
        if _formula(ws[0].zh):
            return None  # 二十大报告: the 20th National Congress, not "twenty major …"
        if not m or m.end() >= len(text) or (not m.group(1) and not m.group(3) and len(m.group(2)) == 1 and ws[0].zh != m.group(2)):
            return None
        if m.group(3) in _ORDINAL_MEASURES and not m.group(1):
            return None  # 第七次 is "the seventh", but 三次分配 is no count of times
        n = _number(m.group(2))
        if n is None:
            return None
        # the words after the numeral and its measure word
        i = _words_in(ws, m.end())
        if i is None or i >= len(ws):
            return None
        rest = self.noun(ws[i:])
        if m.group(1):
            return f"the {_nth(n)} {rest}"
        big = "major " if m.group(3) == "大" else ""
        said = m.group(2) if m.group(2).isdigit() else _NUMBER_WORDS[n] if n < len(_NUMBER_WORDS) else str(n)
        return f"{said} {big}{_plural(rest) if n > 1 else rest}"


_NUMERAL = "[一二三四五六七八九十]"
#: heads that name a period or stage, which a verb phrase before them describes (实现…关键时期)
_STAGES = ("时期", "阶段", "征程", "进程", "时刻", "关头", "节点")
#: a phrase that ends in an anniversary (X成立75周年, 改革开放四十周年)
_ANNIVERSARY = re.compile(f"(?:第)?([0-9]+|[{_NUMERAL[1:-1]}百零]{{1,5}})周年$")
#: what an anniversary remembers of its owner (X成立N周年 → "Nth anniversary of the founding of X")
_EVENTS = {"成立": "founding", "建立": "establishment", "诞辰": "birth", "胜利": "victory", "创建": "founding",
           "逝世": "death"}
#: the foundings one word names, with what was founded (建党一百周年 → 100th anniversary of the founding of …)
_FOUNDINGS = {"建党": "the founding of the Communist Party of China", "建国": "the founding of the People's Republic of China",
              "建军": "the founding of the People's Liberation Army"}
#: measure words that count occasions, sessions, batches and rounds: with 第 an ordinal (第七次全国
#: 人口普查 → the seventh national population census), the measure word itself unsaid
_ORDINAL_MEASURES = frozenset({"次", "届", "批", "轮"})


def _formula(piece: str) -> str:
    """English of the numbered names of Party meetings: 十九届四中全会 → fourth plenary session of
    the 19th Central Committee; 二十大 → 20th National Congress; 十四届 → 14th ('' for anything
    else)."""
    if "届" not in piece and not piece.endswith("大"):
        return ""  # most pieces: no regex to run (the cut asks about every substring)
    m = re.fullmatch(f"({_NUMERAL}{{1,3}})届({_NUMERAL})中全会", piece)
    if m:
        term, session = _number(m.group(1)), _number(m.group(2))
        if term and session and session < len(_ORDINALS):
            return f"{_ORDINALS[session]} plenary session of the {_ordinal(term)} Central Committee"
    m = re.fullmatch(f"({_NUMERAL}{{2,3}})届", piece)
    if m:  # 十四届全国人大 → 14th National People's Congress (two numerals or more: 连续三届 counts terms)
        n = _number(m.group(1))
        if n:
            return _ordinal(n)
    m = re.fullmatch(f"({_NUMERAL}{{2,3}})大", piece)
    if m and piece[0] in "十二":
        n = _number(m.group(1))
        if n:
            return f"{_ordinal(n)} National Congress"
    return ""


def _action(w: _Word) -> bool:
    """A word said as the noun of an action that can be coordinated with another (改革 reform,
    发展 development, 保护 protection, 利用 use): a verb and a noun in the lexicon or CC-CEDICT, and
    no modifier, said in one word that is a noun of the lexicon or has a noun's ending (协调
    "coordinated", 创新 as an adjective, 建设 "development" of a named thing, 传承 "a continued
    tradition", 定向 "directional" are left to the compound rules)."""
    return (w.source in ("lexicon", "cedict") and w.has("verb") and w.has("noun") and not w.has("modifier")
            and w.zh != "建设" and " " not in (noun := w.en("noun").strip())
            and (w.source == "lexicon" or re.search(r"(tion|sion|ment|ance|ence|ity|ness|ing|ure|th)$", noun) is not None))


def _acting(w: _Word) -> bool:
    """*w* names an action a rule governs (管理 administration, 登记 registration, 救助 relief,
    评估 assessment): a verb of the lexicon, CC-CEDICT or parallel text, or a noun of the table
    that its English says as an action; never a glossary term (its English is a name or a
    phrase of its own) nor a word that is only a modifier."""
    if w.source == "glossary" or w.zh in _FUNCTION:
        return False
    if w.has("verb"):
        return True
    return w.source == "table" and re.search(r"(tion|sion|ment|ance|ence|ing|al|ure|ew)$", w.en("noun", "modifier").strip()) is not None


def _interim(title: str) -> str:
    """A rule's title made "interim" (暂行), in the title's own case."""
    return f"Interim {title}" if title[:1].isupper() else f"interim {title}"


def _of_or_in(head: str, modifier: str) -> str:
    """The preposition between a head and the modifier after it: "in" for a victory or success in
    a battle, war or struggle (脱贫攻坚战全面胜利 → complete victory in the battle against poverty),
    else "of"."""
    if re.search(r"\b(victory|victories|success|successes)$", head) and re.search(r"\b(battle|war|fight|struggle|campaign)s?\b", modifier):
        return "in"
    return "of"


def _plural_subject(subject: str) -> bool:
    """Whether an English subject takes "are": coordinated nouns, "people", or a last word of
    its head in the plural (the head is what stands before "of": "rights of workers")."""
    head = subject.split(" of ")[0].split()
    if not head:
        return False
    last = head[-1].lower()
    return (" and " in f" {subject} " or last == "people"
            or (last.endswith("s") and not last.endswith(("ss", "us", "is", "ics"))))


def _nth(n: int) -> str:
    """An ordinal as a phrase says it: "third" up to tenth, then "21st"."""
    return _ORDINALS[n] if n < len(_ORDINALS) else _ordinal(n)


def _words_in(ws: Sequence[_Word], chars: int) -> int | None:
    """How many of *ws* make up exactly their first *chars* characters (None when a word runs
    across that point)."""
    at = cut = 0
    while at < len(ws) and cut < chars:
        cut += len(ws[at].zh)
        at += 1
    return at if cut == chars else None


def _plain_owner(ws: Sequence[_Word]) -> bool:
    """Whether *ws* can own an ordinal as a noun phrase: no 的 and no word that is only a verb."""
    return not any(w.zh in _DE or (w.has("verb") and not w.has("noun")) for w in ws)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


#: Capitalised single words that take "the" as common nouns do ("spirit of the Party").
_THE_NAMES = frozenset({"Party", "State", "Constitution", "Army", "Government", "Council", "Committee", "Congress",
                        "Centre", "Center", "Union", "Republic"})


def _fill(pattern: str, head: str, modifier: str) -> str:
    """A learned order pattern filled: "{H} of the {M}" with a modifier that is a name takes
    no article ("spirit of China", not "spirit of the China"; but "spirit of the Party", and
    "of the Chinese nation", a lowercase phrase after a capitalised adjective)."""
    if "the {M}" in pattern and _bare_name(modifier):
        pattern = pattern.replace("the {M}", "{M}")
    return pattern.format(H=head, M=modifier)


def _bare_name(name: str) -> bool:
    """A proper name that takes no article: one capitalised word that is no common noun written
    with a capital (China, Yan'an, Marx; not Party or State, nor an abbreviation such as CPC),
    or a person's name after Xi."""
    words = name.split()
    if len(words) == 1:
        w = words[0]
        return w[:1].isupper() and not w.isupper() and w not in _THE_NAMES
    return words[0] == "Xi"


def _the(name: str) -> str:
    """"the" before a capitalised name of several words after "of": Central Committee of the
    Communist Party of China (a lowercase phrase, a person's name or China stays bare)."""
    words = name.split()
    if len(words) > 1 and words[0][:1].isupper() and words[0] not in ("Xi", "China") and not name.startswith("the ") \
            and not (words[0] == "Chinese" and not words[1][:1].isupper()):  # "Chinese modernization" stays bare
        return f"the {name}"
    if len(words) > 1 and re.fullmatch(r"[0-9]+(st|nd|rd|th)", words[0]) and words[1][:1].isupper():
        return f"the {name}"  # the 14th National People's Congress
    return name


def _definite(phrase: str, actions: bool = False) -> str:
    """"the" before a common noun phrase that names one thing by what follows it: a battle
    "against" something (win the battle against poverty), a path "of" something (the path of
    socialism with Chinese characteristics), an ordinal (achieve the first centenary goal)
    and, with *actions* (after a postposition), an action "of" something (since the founding of
    the People's Republic of China); "a" before one new stage or journey (open a new journey);
    any other phrase as it is."""
    if (re.match(r"(battle|fight|war|struggle) (against|for|to)\b|(path|road) of\b|(first|second|third|\d+(st|nd|rd|th)) ", phrase)
            or (actions and re.match(r"[a-z]+ of ", phrase))):
        return f"the {phrase}"
    if re.match(r"new (journey|chapter|era|stage|victory|height|level|phase)\b", phrase):
        return f"a {phrase}"  # 开启…新征程 → open a new journey of …
    return phrase


def _possessive(owner: str) -> str:
    """"the Party's", "the people's", "enterprises'": an owner before its noun."""
    the = "the " if owner.lower() in _THE else ""
    return f"{the}{owner}'s" if not owner.endswith("s") else f"{the}{owner}'"


def _lone_modifier(w: _Word) -> bool:
    """Whether *w* is only a modifier (an adjective, 综合 "comprehensive"), never a noun: it has
    no head of its own, so the head after it is its head in English too."""
    return w.has("modifier") and not w.has("noun")


def _is_name(en: str) -> bool:
    """A capitalised name of two words or more (State Council, Yangtze River Delta), not a
    country or a person (China, Xi Jinping) nor an ideology (Marxism)."""
    words = [w for w in en.split() if w.lower() not in ("of", "the", "and", "for", "on")]
    return len(words) >= 2 and all(w[:1].isupper() for w in words) and words[0] not in ("Xi", "Chinese", "China")


#: adjectives of quality and size, which English puts before the classifying ones ("large
#: state-owned banks", "fine traditional Chinese culture")
_QUALITY = frozenset({"large", "small", "big", "fine", "good", "new", "major", "key", "great", "strong", "sound", "high",
                      "low", "better", "full", "main", "important", "modern", "steady", "stable", "healthy", "basic",
                      "core", "fundamental", "negative", "positive", "overall"})
#: adjectives that classify (what kind, where from), said next to the noun ("effective domestic demand")
_CLASSIFYING = frozenset({"domestic", "rural", "urban", "foreign", "public", "private", "state", "state-owned"})


#: nouns that end like an -ive adjective (an initiative, an archive), which no rule moves as one
_IVE_NOUNS = frozenset({"archive", "archives", "initiative", "initiatives", "incentive", "incentives", "objective",
                        "objectives", "directive", "directives", "alternative", "perspective", "narrative", "motive",
                        "representative", "representatives", "detective", "relative", "native"})


def _adjective_rank(en: str) -> int | None:
    """Where an adjective goes among the modifiers before a noun in English: 0 quality (a participle,
    an -ive word, high-standard, large), 1 classifying (an -al, -ic or -ary word: regional,
    environmental; domestic, rural), 2 origin (a capitalised -ese, -an or -ish word: Chinese); None
    for anything else (several words, another capitalised word), which no rule moves."""
    if not en or " " in en:
        return None
    if en[:1].isupper():
        return 2 if en.endswith(("ese", "an", "ish")) else None
    w = en.lower()
    if w in _CLASSIFYING or w.endswith(("al", "ic", "ary", "ist", "-owned")):
        return 1
    if w in _QUALITY or w.split("-")[0] in _QUALITY or (w.endswith(("ed", "ive", "ful", "able", "ible")) and w not in _IVE_NOUNS):
        return 0
    return None


def _adjective_order(modifiers: Sequence[tuple[_Word, str]]) -> list[str]:
    """The modifiers of a noun (each word and its English as said) in English order when every
    one is an adjective whose place is known (:func:`_adjective_rank`): quality before class before
    origin (区域协调发展 → coordinated regional development; 国内有效需求 → effective domestic
    demand); else as they come. A glossary term said in several words, a name from CC-CEDICT, and
    a verb said as its noun (建设 "development") are no adjectives; a glossary term said in one
    word (社会主义 "socialist") is ranked like any other."""
    said = [m for _, m in modifiers]
    ranks = [None if (w.source == "glossary" and " " in m) or w.proper or (w.has("verb") and m == w.en("noun"))
             else _adjective_rank(m) for w, m in modifiers]
    if len(said) < 2 or any(r is None for r in ranks):
        return said
    return [m for _, m in sorted(zip(ranks, said, strict=True), key=lambda x: x[0] or 0)]


#: quality adjectives that open a head's English without making a fixed compound with its noun
#: (basic system, core values, coordinated development), which :func:`_before_head` lets a
#: classifying adjective follow; not "armed", "collective", "productive", "advanced": armed forces,
#: collective economy, productive forces and advanced worker are compounds that take their
#: classifier in front (rural collective economy)
_FREE_QUALITY = frozenset({"basic", "core", "coordinated", "balanced", "integrated", "comprehensive", "high-quality",
                           "high-standard", "new", "major", "great", "sound", "healthy", "negative"})


def _before_head(modifiers: Sequence[str], head: str) -> str:
    """*modifiers* said before *head*; adjectives that classify or say an origin (socialist,
    regional, rural, Chinese) go after the quality adjectives the head's English opens with, as
    English orders them: 社会主义 + 基本制度 → basic socialist system, 区域 + 协调发展 → coordinated
    regional development (the head is one word of the cut, a glossary term or a dictionary
    compound, so :func:`_adjective_order` never saw its adjective)."""
    words = head.split(" ")
    lead = 0
    if modifiers and all((_adjective_rank(m) or 0) >= 1 for m in modifiers):
        while lead < len(words) - 1 and words[lead] in _FREE_QUALITY:
            lead += 1
    return " ".join([*words[:lead], *modifiers, *words[lead:]])



def _split(ws: Sequence[_Word]) -> list[list[_Word]]:
    """*ws* cut at its conjunctions (和, 与, 、 …), empty pieces dropped."""
    pieces: list[list[_Word]] = [[]]
    for w in ws:
        if w.zh in _CONJ:
            pieces.append([])
        else:
            pieces[-1].append(w)
    return [p for p in pieces if p]


def _plain_nouns(ws: Sequence[_Word]) -> bool:
    """*ws* is one or two nouns that are no verb, clause or particle (a conjunct that can be plural)."""
    return 0 < len(ws) <= 2 and all(w.has("noun") and not w.has("verb") and not w.en().startswith(("be ", "to "))
                                    and w.zh not in _FUNCTION for w in ws)


def _many_before(p: Sequence[_Word]) -> bool:
    """Conjunct *p* is one glossary term of many things (广大党员 "all Party members", 各级党组织)."""
    return len(p) == 1 and p[0].source == "glossary" and p[0].zh.startswith(tuple(_PLURAL_AFTER))


def _number(digits: str) -> int | None:
    if digits.isascii() and digits.isdigit():
        return int(digits)
    if "百" in digits:  # 一百 → 100, 一百零一 → 101, 一百一十 → 110
        hundreds, _, rest = digits.partition("百")
        h = _DIGITS.get(hundreds) if hundreds else 1
        rest = rest.removeprefix("零")
        if h is None:
            return None
        if not rest:
            return 100 * h
        if rest[0] == "十":  # 一百十 is unusual, but read as 110
            rest = "一" + rest
        tail = _number(rest) if len(rest) > 1 else _DIGITS.get(rest)
        return None if tail is None else 100 * h + tail
    if len(digits) == 1:
        return _DIGITS.get(digits)
    if digits[0] == "十":
        return 10 + (_DIGITS.get(digits[1], 0) if len(digits) > 1 else 0)
    if len(digits) >= 2 and digits[1] == "十":
        tens = _DIGITS.get(digits[0], 0) * 10
        return tens + (_DIGITS.get(digits[2], 0) if len(digits) > 2 else 0)
    return None


#: Nouns with no plural of their own.
_UNCOUNTED = frozenset({"personnel", "staff", "public", "police", "youth", "work", "leadership", "information"})
#: Nouns whose plural is not -s, by the ending that changes ("woman" → "women"), and those plurals.
_IRREGULAR = {w: (one, many) for one, many, words in (
    ("man", "men", ("man", "woman", "chairman", "chairwoman", "spokesman", "spokeswoman", "serviceman", "congressman")),
    ("child", "children", ("child", "grandchild")), ("person", "people", ("person",))) for w in words}
_ALREADY_PLURAL = frozenset(w[: len(w) - len(one)] + many for w, (one, many) in _IRREGULAR.items())


def _plural(en: str) -> str:
    """Naive English plural of a phrase's last word ("critical battle" → "critical battles")."""
    words = en.split(" ")
    if not words or not words[-1]:
        return en
    w = words[-1]
    if w.lower() in _UNCOUNTED or w.lower() in _ALREADY_PLURAL:
        return en
    irregular = _IRREGULAR.get(w.lower())
    if irregular is not None:
        return " ".join([*words[:-1], w[: len(w) - len(irregular[0])] + irregular[1]])
    if w.endswith(("s", "x", "ch", "sh")):
        w = w if w.endswith("s") else w + "es"
    elif w.endswith("y") and len(w) > 1 and w[-2] not in "aeiou":
        w = w[:-1] + "ies"
    elif w[:1].islower() or w[:1].isupper():
        w = w + "s"
    return " ".join([*words[:-1], w])


def _plural_common(en: str) -> str:
    """:func:`_plural` of a common noun; a name (State Council) or an acronym (CPPCC) stays as it is."""
    return en if _is_name(en) or en.isupper() else _plural(en)


def _gerund(en: str) -> str:
    """The first word of a verb phrase as a gerund: "build a …" → "building a …"."""
    first, _, rest = en.partition(" ")
    w = first.lower()
    if not w.isalpha() or w.endswith("ing"):
        return en
    if w.endswith("ie"):
        g = w[:-2] + "ying"
    elif w.endswith("e") and not w.endswith("ee"):
        g = w[:-1] + "ing"
    elif re.fullmatch(r"[^aeiou]*[aeiou][bdgmnpt]", w):
        g = w + w[-1] + "ing"
    else:
        g = w + "ing"
    return f"{g} {rest}".strip()


def _gerunds(en: str, verbs: Collection[str]) -> str:
    """A verb phrase's verbs as gerunds: its first word, and each word of *verbs* after "and",
    "or" or a comma ("uphold and develop socialism" → "upholding and developing socialism")."""
    words = en.split(" ")
    out = [_gerund(words[0])] if words else []
    for prev, w in zip(words, words[1:], strict=False):
        out.append(_gerund(w) if (prev in ("and", "or") or prev.endswith(",")) and w in verbs else w)
    return " ".join(out)


#: English nouns whose verb complement is an infinitive ("the right to work"); others take "of"
#: and a gerund ("the policy of conserving resources")
_INFINITIVE_NOUNS = frozenset({"right", "rights", "freedom", "obligation", "obligations", "duty", "duties", "ability",
                               "capability", "power", "effort", "efforts", "determination", "resolve", "commitment",
                               "will", "courage", "need", "opportunity", "opportunities", "chance", "way", "attempt",
                               "decision", "resolution"})


def _takes_infinitive(head: str) -> bool:
    """The head noun phrase *head* ends in a noun that takes "to" and a verb (:data:`_INFINITIVE_NOUNS`)."""
    return head.rsplit(" ", 1)[-1].lower() in _INFINITIVE_NOUNS


def _says(phrase: str, adverb: str) -> bool:
    """Whether *phrase* already says the one-word *adverb* ("give full play to" says "fully")."""
    a = adverb.lower()
    if " " in a or not a.endswith("ly"):
        return False
    stems = {a[:-2], a[:-1]}  # "firmly" → "firm"; "fully" → "full"
    return any(w == a or any(w == st or (len(st) > 3 and w.startswith(st)) for st in stems)
               for w in re.findall(r"[a-z]+", phrase.lower()))


def _series(items: Sequence[str]) -> str:
    items = list(dict.fromkeys(i for i in items if i))  # 健全提高… is not "improve and improve"
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _tidy(en: str) -> str:
    en = re.sub(r"\s+", " ", en).strip()
    en = re.sub(r"\b(\w+) \1\b", r"\1", en)  # "system system" from overlapping parts
    return en


def glossary_forms(glossary: Glossary) -> dict[str, tuple[str, str]]:
    """Chinese form (simplified, aliases) → (standard English, term id) for the composer."""
    forms: dict[str, tuple[str, str]] = {}
    for t in glossary:
        for zh in (t.zh_hans, *t.zh_alias):
            if zh:
                forms.setdefault(zh, (t.en, t.id))
    return forms


def composer(phrases: Iterable[str], glossary: Glossary | None = None, phrasing: Phrasing | None = None) -> Composer:
    """A :class:`Composer` with the CC-CEDICT headwords of *phrases* read once, and the table's
    phrasing (:func:`table_phrasing`): *phrasing* when the caller has it from an earlier
    composer of the same glossary, else from the cache (:mod:`glossary.phrasing_cache`), or
    learned from the glossary's terms (their headwords read too) and cached."""
    from .cedict import readings_within
    from .phrasing_cache import load_phrasing, phrasing_path, save_phrasing
    from .store import load

    g = glossary if glossary is not None else load()
    if phrasing is not None:
        return Composer(glossary_forms(g), readings_within(phrases, _MAX_WORD), phrasing=phrasing)
    path = phrasing_path(g)
    learned = load_phrasing(path)
    if learned is not None:  # the terms' own headwords are only needed to learn the phrasing
        return Composer(glossary_forms(g), readings_within(phrases, _MAX_WORD), phrasing=learned)
    c = Composer(glossary_forms(g), readings_within([*phrases, *(t.zh_hans for t in g if t.zh_hans)], _MAX_WORD))
    c.phrasing = table_phrasing(c, g)
    save_phrasing(path, c.phrasing)
    return c


def table_phrasing(c: Composer, glossary: Glossary) -> Phrasing:
    """What the glossary's own terms show about their parts' English and order (see
    :mod:`glossary.phrasing`), each term cut with its own forms hidden."""
    from .phrasing import learn, vocabulary

    return learn({t.id: [*c.observe(t.zh_hans, t.en, {t.zh_hans, *t.zh_alias}), *vocabulary(t.en)]
                  for t in glossary if t.zh_hans and t.en})


def compose_all(phrases: Sequence[str], glossary: Glossary | None = None) -> list[Composition]:
    """English for many phrases (simplified Chinese), the dictionaries read once for all."""
    from .script import to_simplified

    simple = [to_simplified(p.strip()) for p in phrases]
    c = composer(simple, glossary)
    return [_with_phrase(c.compose(s), p) for s, p in zip(simple, phrases, strict=True)]


def compose(phrase: str, glossary: Glossary | None = None) -> Composition:
    """English for one Chinese phrase, built from glossary terms, the lexicon and CC-CEDICT
    (the twin of ``glossary compose``): ``compose("坚持和发展马克思主义").english`` is
    "uphold and develop Marxism"."""
    return compose_all([phrase], glossary)[0]


def _with_phrase(c: Composition, phrase: str) -> Composition:
    if c.phrase == phrase:
        return c
    return Composition(phrase, c.english, c.method, c.confidence, c.parts)


__all__ = ["Composer", "Composition", "LexiconEntry", "Part", "compose", "compose_all", "composer", "read_lexicon"]
