"""How the curated table phrases the parts of its own terms, learned for the composer.

Many glossary terms are made of parts the composer also meets in new phrases: 检察机关 is
检察 + 机关 and reads "procuratorial organs", 农村土地制度改革 reads "reform of the rural land
system". Where the English of all parts but one is found in a term's English, the rest of that
English is what the last part means *in a compound* (检察 → "procuratorial", where CC-CEDICT only
offers "to inspect"); where every part is found, the term shows whether its head goes last
("economic development") or first with a connector ("reform of the …"). :class:`Phrasing` counts
these observations term by term, so that the composer can prefer the table's own habits, and so
that an evaluation can take any term's observations back out (:meth:`Phrasing.without`): a term
never teaches how to compose itself, and neither do the terms built on it.

Terms also show **frames** (:func:`frames`): literal Chinese around a slot whose English the term's
English contains, the rest of that English being the frame's template. 中华人民共和国国家安全法
"National Security Law of the People's Republic of China" shows 中华人民共和国{X}法 → "{T} Law of the
People's Republic of China" (``{T}``: the slot is written in title case, as names are); two
terms with the same frame and template let the composer render a third (:meth:`Phrasing.template`).

And terms show **pairs** (:func:`pairs`): two words side by side with no conjunction that their
English coordinates ("long-term prosperity and stability" for 长期繁荣稳定), or does not ("economic
development"); :meth:`Phrasing.coordinated` says which two words the table's terms pair.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

#: English words that connect parts and carry no part's meaning
_GLUE = frozenset({"the", "of", "and", "for", "in", "to", "a", "an", "on", "with", "by"})
#: an observation needs this many supporting terms before the composer uses it
MIN_SUPPORT = 2
#: the slot of a frame, in its key and in a template written as the term wrote it
SLOT = "{X}"
#: the slot of a template whose terms write it in title case (names: "{T} Law of …")
TITLE_SLOT = "{T}"
#: the template of a frame shown by a term the rules already compose right
RULES = "="
#: a template is used when its terms are at least this share of the frame's terms
TEMPLATE_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class Observation:
    """One thing a term shows: ``kind`` "word" (``key`` a Chinese word, ``slot`` "modifier" or
    "noun", ``value`` its English), "order" (``key`` a head word, ``value`` a pattern such as
    "{H} of {M}" or "{M} {H}") or "vocab" (``key`` an English word its English uses)."""

    kind: str
    key: str
    slot: str
    value: str


def _loose(a: str, b: str) -> bool:
    """Two word keys match when equal, or when long and sharing a stem (mobilize/mobilization)."""
    return a == b or (len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5])


def _find(seq: Sequence[str], toks: Sequence[str], taken: set[int]) -> int:
    """The first start where *seq* matches *toks* over free tokens, or -1."""
    n = len(seq)
    for s in range(len(toks) - n + 1):
        if all(s + k not in taken and _loose(seq[k], toks[s + k]) for k in range(n)):
            return s
    return -1


def observe(parts: Sequence[tuple[str, Sequence[str], bool]], english: str) -> list[Observation]:
    """What one term's *english* shows about its *parts*: each part is (Chinese, its candidate
    Englishes, whether a learned rendering may replace them)."""
    from .forms import en_words, without_brackets

    text = without_brackets(english)
    toks = en_words(text)
    keys = [k for k, _, _ in toks]
    if len(parts) < 2 or not keys:
        return []
    taken: set[int] = set()
    spans: list[tuple[int, int] | None] = []
    out: list[Observation] = []
    for pos, (zh, cands, _) in enumerate(parts):
        best: tuple[int, int] | None = None
        for c in sorted({c for c in cands if c}, key=len, reverse=True):
            seq = [k for k, _, _ in en_words(without_brackets(c))]
            if not seq:
                continue
            s = _find(seq, keys, taken)
            if s >= 0:
                best = (s, s + len(seq))
                if pos < len(parts) - 1 and len({x.lower() for x in cands if x}) > 1:
                    # which of a word's Englishes (中国: China, Chinese) this term uses before its head
                    out.append(Observation("before", zh, parts[-1][0], text[toks[s][1] : toks[best[1] - 1][2]]))
                break
        if best:
            taken.update(range(*best))
            if parts[pos][2]:
                # the term says the word as the dictionary does: a vote against any other English
                # the table shows for it (Phrasing.word)
                out.append(Observation("agree", zh, "noun" if pos == len(parts) - 1 else "modifier", ""))
        spans.append(best)
    missing = [i for i, s in enumerate(spans) if s is None]
    if len(missing) == 1:
        i = missing[0]
        rest = [k for k in range(len(keys)) if k not in taken and keys[k] not in _GLUE]
        if not rest or rest != list(range(rest[0], rest[-1] + 1)) or not parts[i][2]:
            return out
        a, b = rest[0], rest[-1] + 1
        if _hyphen_cut(text, toks, a, b):
            return out  # "All" of "All-China …" is no English of 全国: half a word teaches nothing
        slot = "noun" if i == len(parts) - 1 else "modifier"
        out.append(Observation("word", parts[i][0], slot, text[toks[a][1] : toks[b - 1][2]]))
        spans[i] = (a, b)
    if any(s is None for s in spans):
        return out
    head = spans[-1]
    assert head is not None
    others = [s for s in spans[:-1] if s is not None]
    if head[1] <= min(s[0] for s in others):
        start = min(s[0] for s in others)
        glue = text[toks[head[1] - 1][2] : toks[start][1]].strip()
        if glue and all(w in _GLUE for w in glue.lower().split()):
            out.append(Observation("order", parts[-1][0], "", "{H} " + glue.lower() + " {M}"))
    elif head[0] >= max(s[1] for s in others) and head[0] == max(s[1] for s in others):
        out.append(Observation("order", parts[-1][0], "", "{M} {H}"))
    return out


def _hyphen_cut(text: str, toks: Sequence[tuple[str, int, int]], a: int, b: int) -> bool:
    """Tokens *a*…*b* − 1 of *text* start or end inside a hyphenated word ("All" of "All-China")."""
    start, end = toks[a][1], toks[b - 1][2]
    return (a > 0 and text[start - 1 : start] == "-") or (b < len(toks) and text[end : end + 1] == "-")


def _span(slot: Sequence[Sequence[str]], keys: Sequence[str]) -> tuple[int, int] | None:
    """The tokens of *keys* that the English of the slot's words cover, as one run with only glue
    words between them, or None; a word without candidates (a particle) needs no English."""
    taken: set[int] = set()
    for cands in slot:
        if not cands:
            continue
        for c in sorted({c for c in cands if c}, key=len, reverse=True):
            seq = [k for k, _, _ in en_words_of(c)]
            s = _find(seq, keys, taken) if seq else -1
            if s >= 0:
                taken.update(range(s, s + len(seq)))
                break
        else:
            return None
    if not taken:
        return None
    a, b = min(taken), max(taken) + 1
    if any(k not in taken and keys[k] not in _GLUE for k in range(a, b)):
        return None
    return a, b


def en_words_of(text: str) -> list[tuple[str, int, int]]:
    from .forms import en_words, without_brackets

    return en_words(without_brackets(text))


def title(en: str) -> str:
    """*en* as a name writes it: each word capitalised but the glue words ("supervision" →
    "Supervision", "food and drug" → "Food and Drug")."""
    return " ".join(w if w.lower() in _GLUE or not w[:1].islower() else w[:1].upper() + w[1:] for w in en.split(" "))


def frames(cut: Sequence[tuple[str, Sequence[str]]], english: str, ruled: bool = False) -> list[Observation]:
    """The frames one term shows: for each run of its words (the slot) whose English the term's
    English contains (a run that starts and ends at a word with English, never at a particle or a
    conjunction), with at least one other word left as literal Chinese, the frame (the Chinese
    with the slot as :data:`SLOT`) and its template (the English with the slot's English replaced,
    by :data:`TITLE_SLOT` where the term writes it in title case). *cut*: the term's words, each
    with its candidate Englishes (none for a particle). The template must keep an English word of
    its own: a frame whose literal words say nothing teaches nothing. *ruled*: the composer's rules
    alone already give this term's English; every frame it fits then votes :data:`RULES` (the rules suffice),
    so a frame is only used where the terms that show it need it (外交部部长 is "Minister of Foreign
    Affairs" by a rule, not "head of the …" as 中央宣传部部长)."""
    from .forms import en_words, without_brackets

    text = without_brackets(english).strip()
    toks = en_words(text)
    keys = [k for k, _, _ in toks]
    n = len(cut)
    out: list[Observation] = []
    if n < 2 or not keys:
        return out
    for i in range(n):
        for j in range(i + 1, n + 1):
            if j - i == n or not cut[i][1] or not cut[j - 1][1] or not any(c for _, c in (*cut[:i], *cut[j:])):
                continue
            key = "".join(z for z, _ in cut[:i]) + SLOT + "".join(z for z, _ in cut[j:])
            if ruled:
                out.append(Observation("frame", key, "", RULES))
                continue
            span = _span([c for _, c in cut[i:j]], keys)
            if span is None:
                continue
            a, b = span
            if all(keys[k] in _GLUE for k in (*range(a), *range(b, len(keys)))):
                continue
            said = text[toks[a][1] : toks[b - 1][2]]
            caps = [w for w in said.split() if w.lower() not in _GLUE]
            slot = TITLE_SLOT if caps and all(w[:1].isupper() for w in caps) else SLOT
            out.append(Observation("frame", key, "", text[: toks[a][1]] + slot + text[toks[b - 1][2] :]))
    return out


def pairs(cut: Sequence[tuple[str, Sequence[str]]], english: str) -> list[Observation]:
    """Whether one term coordinates each two words that stand side by side in its Chinese with no
    conjunction between them: 繁荣稳定 in 长期繁荣稳定 "long-term prosperity and stability" is a pair
    (``value`` "and"), 经济发展 in "economic development" is not ("none"). Chinese juxtaposes
    coordinated nouns without 和 (决策部署, 交流合作); English must say "and", and nothing in the
    two words tells a pair from a modifier and its head but how the table's English says them.
    *cut*: the term's words with their candidate Englishes (none for a particle or conjunction,
    which no pair crosses); each word's English is found once, longest candidate first. An
    observation is made only where both words' English is found; "and", or a comma of a series
    ("A, B and C"), between them makes a pair, anything else (nothing, "of", the order reversed)
    none."""
    from .forms import without_brackets

    text = without_brackets(english).replace("’", "'")
    toks = en_words_of(text)
    keys = [k for k, _, _ in toks]
    taken: set[int] = set()
    spans: list[tuple[int, int] | None] = []
    for _, cands in cut:
        found: tuple[int, int] | None = None
        for c in sorted({c for c in cands if c}, key=len, reverse=True):
            seq = [k for k, _, _ in en_words_of(c)]
            s = _find(seq, keys, taken) if seq else -1
            if s >= 0:
                found = (s, s + len(seq))
                taken.update(range(*found))
                break
        spans.append(found)
    out: list[Observation] = []
    for i in range(len(cut) - 1):
        a, b = spans[i], spans[i + 1]
        if a is None or b is None:
            continue
        value = "none"
        if a[1] <= b[0]:
            gap = keys[a[1] : b[0]]
            between = text[toks[a[1] - 1][2] : toks[b[0]][1]] if b[0] > 0 else ""
            if gap == ["and"] or (not gap and between.strip() == ","):
                value = "and"
        out.append(Observation("pair", cut[i][0], cut[i + 1][0], value))
    return out


@dataclass(frozen=True)
class Phrasing:
    """Observations by term id, and their totals; :meth:`without` takes some terms back out."""

    by_term: Mapping[str, tuple[Observation, ...]]
    #: (kind, key, slot) → [(observation, count)]
    index: Mapping[tuple[str, str, str], Sequence[tuple[Observation, int]]]
    minus: Mapping[Observation, int] = field(default_factory=dict)

    def without(self, term_ids: Iterable[str]) -> Phrasing:
        """The same counts without the observations of *term_ids* (leave-one-out)."""
        minus: Counter[Observation] = Counter()
        for t in term_ids:
            minus.update(self.by_term.get(t, ()))
        return Phrasing(self.by_term, self.index, minus)

    def _ranked(self, kind: str, key: str, slot: str) -> list[tuple[str, int]]:
        got = [(o.value, n - self.minus.get(o, 0)) for o, n in self.index.get((kind, key, slot), ())]
        return sorted(((v, n) for v, n in got if n > 0), key=lambda x: -x[1])

    def word(self, zh: str, slot: str, support: int = MIN_SUPPORT) -> str:
        """The English the table gives *zh* in *slot* ("modifier", "noun"), if at least *support*
        terms show it and no other English as often."""
        # the same word in capitals is the same word ("national" in a name is "National"): counted
        # together, and said in lower case where the table writes it so anywhere (a word the table
        # writes only in capitals, "Arctic", keeps them)
        merged: dict[str, int] = {}
        said: dict[str, str] = {}
        for value, n in self._ranked("word", zh, slot):
            key = value.lower()
            merged[key] = merged.get(key, 0) + n
            if key not in said or value == key:
                said[key] = value
        ranked = sorted(((said[k], n) for k, n in merged.items()), key=lambda x: -x[1])
        agree = sum(n for _, n in self._ranked("agree", zh, slot))
        if ranked and ranked[0][1] >= support and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) \
                and (ranked[0][0].islower() or ranked[0][1] > agree):
            # (a word only names show, in capitals, needs more terms than say the word as the
            # dictionary does: 条例 is "Ordinance" in three names and "regulations" in many more)
            return ranked[0][0]
        return ""

    def template(self, frame: str, share: float = TEMPLATE_SHARE) -> tuple[str, int]:
        """The template the table's terms give *frame* ("中华人民共和国{X}法") and how many terms
        show it: ('', 0) unless at least :data:`MIN_SUPPORT` terms show it, no other template as
        often, and it holds at least *share* of the frame's terms."""
        ranked = self._ranked("frame", frame, "")
        if not ranked or ranked[0][1] < MIN_SUPPORT or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
            return "", 0
        if ranked[0][1] < share * sum(n for _, n in ranked) or ranked[0][0] == RULES:
            return "", 0
        return ranked[0]

    def before(self, zh: str, head: str) -> str:
        """Which of its Englishes the table's terms give *zh* before the head *head* (中国 before
        协会: "China", as in the names of associations), if at least :data:`MIN_SUPPORT` terms
        show it and no other English as often."""
        ranked = self._ranked("before", zh, head)
        if ranked and ranked[0][1] >= MIN_SUPPORT and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            return ranked[0][0]
        return ""

    def uses(self, word: str) -> int:
        """How many terms' English (of those counted) use *word* (lowercase)."""
        return sum(n for _, n in self._ranked("vocab", word, ""))

    def coordinated(self, first: str, second: str) -> bool:
        """Whether the table's terms say *first* and *second*, side by side in Chinese, as a pair
        ("A and B"): at least :data:`MIN_SUPPORT` terms do, and more than say them otherwise
        (:func:`pairs`)."""
        counts = dict(self._ranked("pair", first, second))
        return counts.get("and", 0) >= MIN_SUPPORT and counts["and"] > counts.get("none", 0)

    def _order_groups(self, head: str) -> list[list[tuple[str, int]]]:
        """The order patterns of compounds ending in *head*, as ranked, grouped where they differ
        only by an article ("{H} of the {M}" and "{H} of {M}": the article follows the modifier,
        not the head); each group's first pattern is the variant the table writes most."""
        groups: dict[str, list[tuple[str, int]]] = {}
        for pattern, n in self._ranked("order", head, ""):
            bare = " ".join(w for w in pattern.split() if w not in ("the", "a", "an"))
            groups.setdefault(bare, []).append((pattern, n))
        return list(groups.values())

    def order_after(self, head: str) -> str:
        """The commonest pattern that puts *head* first ("{H} on {M}" for 法: "Law on the
        Protection of Minors"), for a modifier that cannot stand before it; '' when the table
        shows none often enough."""
        after = [g for g in self._order_groups(head) if g[0][0].startswith("{H} ") and g[0][0].endswith("{M}")]
        best = max(after, key=lambda g: sum(n for _, n in g), default=None)  # ties: the first, as ranked
        return best[0][0] if best is not None and sum(n for _, n in best) >= MIN_SUPPORT else ""

    def order(self, head: str) -> tuple[str, float]:
        """The commonest pattern for compounds ending in *head* and its share ('' when unsupported),
        patterns that differ only by an article counting as one (:meth:`_order_groups`)."""
        groups = self._order_groups(head)
        if not groups:
            return "", 0.0
        total = sum(n for g in groups for _, n in g)
        best = max(groups, key=lambda g: sum(n for _, n in g))  # ties: the first, as ranked
        support = sum(n for _, n in best)
        if support < MIN_SUPPORT:
            return "", 0.0
        return best[0][0], support / total


def vocabulary(english: str) -> list[Observation]:
    """The English words of a term, lowercase, once each (what :meth:`Phrasing.uses` counts)."""
    import re

    return [Observation("vocab", w, "", "") for w in sorted(set(re.findall(r"[a-z]+", english.lower())))]


def learn(observations: Mapping[str, Sequence[Observation]]) -> Phrasing:
    """A :class:`Phrasing` from each term's observations. A frame only one term shows is dropped:
    no evaluation that takes terms out can raise it to :data:`MIN_SUPPORT` (and frames are many)."""
    totals: Counter[Observation] = Counter()
    for obs in observations.values():
        totals.update(set(obs))
    by_term = {t: tuple(o for o in dict.fromkeys(obs) if o.kind != "frame" or totals[o] >= MIN_SUPPORT)
               for t, obs in observations.items()}
    by_term = {t: o for t, o in by_term.items() if o}
    totals = Counter()
    for obs in by_term.values():
        totals.update(obs)
    index: dict[tuple[str, str, str], list[tuple[Observation, int]]] = {}
    for o, n in totals.items():
        index.setdefault((o.kind, o.key, o.slot), []).append((o, n))
    return Phrasing(by_term, index)
