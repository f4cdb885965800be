"""Which terms a check asks about beyond their listed forms: the formulation-like ones.

Many glossary entries are ordinary policy vocabulary (市场化, 基层, 民生, 服务业): an official
translation paraphrases them freely, so a missing rendering of one proves little, and English that
happens to say what their characters mean is no machine rendering. A fixed formulation, a
numbered formula or a proper name is different: it has one rendering, and a translator who
departs from it has usually translated it word by word. The test uses the term's own fields,
never a list of ids:

- its category is one of the Party's set phrases (formulation, ideology, slogan, campaign,
  document, meeting, quotation), or
- its Chinese is a numbered formula (两个维护, 四个自信, 五位一体, "三个代表"), or
- its standard English is a proper name: two or more words, every content word capitalised
  ("Ministry of State Security", "Belt and Road Initiative"), unless it names a person.

``missing`` and ``inconsistent`` ask about these alone. Machine renderings (``literal``) are
looked for in a wider circle, :func:`machine_prone`: also terms with a year of coinage
(人类命运共同体, 2012; 乡村振兴, 2017), terms the glossary lists non-standard renderings of (its
curators have seen translators depart from them: 稳中求进工作总基调), and long set phrases of six
characters or more (以人民为中心的发展思想); names of bodies, offices and meetings are left
out (:data:`NAME_CATEGORIES`). A literal rendering must render every part of the
term, so the wider circle costs little precision, where a missing rendering of 生态文明 in an
official text is nearly always a paraphrase.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .forms import en_words, without_brackets

if TYPE_CHECKING:
    from .terms import Term

FORMULA_CATEGORIES = frozenset({"formulation", "ideology", "slogan", "campaign", "document", "meeting", "quotation"})
#: A numeral and a measure word opening a formula, directly or after a quotation mark: 两个维护,
#: “四个意识”, 八项规定.
_NUMBERED = re.compile(r"^[“\"「《]?[一二三四五六七八九十两]+[个项条大点种位]")
_NUMERAL = re.compile(r"[一二三四五六七八九十两]")
_SMALL = frozenset("a an the of and or for on in to with by at".split())


def numbered(term: Term) -> bool:
    """The term is a numbered formula: it opens with a numeral and a measure word (两个维护), or
    counts twice (一国两制, 两不愁三保障)."""
    zh = term.zh_hans
    return len(zh) >= 3 and (bool(_NUMBERED.match(zh)) or len(_NUMERAL.findall(zh)) >= 2)


def proper_name(term: Term) -> bool:
    """The standard English is a name of two or more words, every content word capitalised."""
    words = [term.en[s:e] for _, s, e in en_words(without_brackets(term.en))]
    content = [w for w in words if w.lower() not in _SMALL]
    return len(words) >= 2 and bool(content) and all(w[:1].isupper() for w in content)


def formulation_like(term: Term) -> bool:
    """Whether *term* is a set formulation, a numbered formula or a proper name (see the module).
    A person or a place is not: a translation names one in many right ways ("Xi", "President Xi",
    "Xi Jinping"; "Guangdong", "Guangdong Province"), so a missing full name proves nothing."""
    if term.category in ("person", "place"):
        return False
    return term.category in FORMULA_CATEGORIES or numbered(term) or proper_name(term)


#: Names of bodies, offices, meetings, people and places: MT renders them word for word too, but their words
#: ("Party", "Central Committee", "leadership", "workers") fill ordinary prose, so a phrase that
#: says them is mostly not a rendering of the name; lookup still resolves them.
NAME_CATEGORIES = frozenset({"institution", "title", "meeting", "trade-union", "person", "place"})


def machine_prone(term: Term) -> bool:
    """Whether a literal rendering of *term* is worth reporting: a formulation-like term, a dated
    coinage, a term with flagged renderings, or a long set phrase, but no name of a body, an
    office or a meeting (see the module)."""
    if term.category in NAME_CATEGORIES:
        return False
    return formulation_like(term) or term.year is not None or bool(term.en_nonstandard) or len(term.zh_hans) >= 6
