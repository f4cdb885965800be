"""Reading aids: a Chinese or English text with its glossary terms marked.

Chinese terms get their orthographic pinyin above them (HTML ``<ruby>``) and the English on
hover; in English, non-standard renderings are struck through with the standard English and the
Chinese shown beside them, standard or accepted renderings written with other capitals than the
glossary's ("three represents") get the glossary's spelling beside them (the same judgement as
``glossary check``'s ``capitalisation`` findings, so the two never disagree), accepted
alternatives are marked lightly and standard renderings barely. The HTML is one self-contained file (inline CSS, no script, no external resource, a
Content-Security-Policy that forbids loading any) so it can be mailed or opened offline.
Markdown and plain text carry the same information inline for places where HTML is not wanted.

Finding the terms is :class:`glossary.matcher.TermMatcher`'s job; this module only decides how
each hit is shown.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import GlossaryError, InputError
from .forms import language, latin_count

if TYPE_CHECKING:
    from .checking.checker import Checker
    from .checking.report import Finding
    from .matcher import TermMatcher
    from .store import Glossary
    from .terms import Term

FORMATS = ("html", "md", "txt")
#: How a hit is shown: a Chinese term, or an English standard / accepted / non-standard form, or a
#: standard or accepted form written with other capitals than the glossary's.
KINDS = ("zh", "standard", "accepted", "nonstandard", "capitalisation")
_FIELD_KIND = {"zh_hans": "zh", "zh_hant": "zh", "zh_alias": "zh", "en": "standard", "en_alt": "accepted", "en_nonstandard": "nonstandard", "en_history": "nonstandard"}
_KIND_LABEL = {"zh": "Chinese", "standard": "standard", "accepted": "accepted", "nonstandard": "non-standard",
               "capitalisation": "other capitals"}
_BLANK_LINE = re.compile(r"\n[ \t\u3000]*\n")


@dataclass(frozen=True, slots=True)
class Mark:
    """A recognised term in the text. ``doubtful`` is set for ambiguous non-standard forms
    (one word, or the usual English of another Chinese word), which are shown more lightly.
    ``expected`` is the glossary's spelling for a ``capitalisation`` mark."""

    start: int
    end: int
    text: str
    term: Term
    kind: str
    doubtful: str = ""
    expected: str = ""


def find_marks(
    text: str,
    glossary: Glossary | Sequence[Term],
    *,
    ambiguity: bool = True,
    capitals: bool = True,
    progress: Callable[[int], None] | None = None,
    literal: bool = True,
) -> list[Mark]:
    """Every glossary term in *text* (both languages), in text order, never across a blank line.
    With *capitals*, standard and accepted English forms that ``glossary check`` would report as
    ``capitalisation`` findings become ``capitalisation`` marks. With *literal*, the probable
    machine renderings check reports (its ``literal`` findings) become doubtful ``nonstandard``
    marks of their terms ("community of human destiny" → a human community with a shared future). A long text is searched in parts
    (line ends, then sentence ends; see :func:`glossary.io.documents.text_parts`), as check does,
    so memory stays bounded; *progress* hears the characters of each part as it is done."""
    from .checking.ambiguity import ambiguous_forms
    from .checking.checker import Checker
    from .checking.options import CheckOptions
    from .io.documents import text_parts
    from .matcher import TermMatcher

    terms = tuple(glossary)
    matcher = TermMatcher(terms)
    doubtful = ambiguous_forms(terms) if ambiguity else {}
    checker: Checker | None = None
    kinds = tuple(k for k, on in (("capitalisation", capitals), ("literal", literal)) if on)
    out: list[Mark] = []
    for start, end in text_parts(text):
        part = text[start:end]
        marks = _part_marks(part, matcher, doubtful)
        english = literal and latin_count(part) > 0
        if english or (capitals and any(m.kind in ("standard", "accepted") for m in marks)):
            if checker is None:  # built on the first English text: Chinese texts never need it
                checker = Checker(terms, CheckOptions(kinds=kinds))
            findings = checker.english(part)
            if capitals:
                marks = _mark_capitals(part, findings, marks)
            if literal:
                marks = _mark_literal(part, findings, marks, checker)
        out += [replace(m, start=m.start + start, end=m.end + start) for m in marks] if start else marks
        if progress is not None:
            progress(end - start)
    return out


def _part_marks(text: str, matcher: TermMatcher, doubtful: dict[tuple[str, str], str]) -> list[Mark]:
    from .checking.case import inside_name
    from .matcher import on_word_boundaries

    out = []
    for hit in on_word_boundaries(text, matcher.find(text)):
        if _BLANK_LINE.search(hit.text):
            continue
        kind = _FIELD_KIND[hit.field]
        if kind == "nonstandard" and inside_name(text, hit.start, hit.end):
            continue  # "the State Security Law" is a name, not the non-standard "State Security" (as in check)
        why = doubtful.get((hit.term.id, hit.form), "") if kind == "nonstandard" else ""
        out.append(Mark(hit.start, hit.end, hit.text, hit.term, kind, why))
    return out


def _mark_capitals(text: str, findings: Sequence[Finding], marks: list[Mark]) -> list[Mark]:
    """Turn the English marks the checker finds miscapitalised into ``capitalisation`` marks. The
    judgement (names, titles, sentence starts, headings) lives in :mod:`glossary.checking.case`
    alone; here only the findings' positions are mapped back to the marks."""
    from .checking.report import Positions

    pos = Positions(text)
    expected = {
        (pos.starts[f.line - 1] + f.column - 1, f.term_id): f.expected for f in findings if f.kind == "capitalisation"
    }
    out = []
    for m in marks:
        fix = expected.get((m.start, m.term.id)) if m.kind in ("standard", "accepted") else None
        out.append(Mark(m.start, m.end, m.text, m.term, "capitalisation", m.doubtful, fix) if fix else m)
    return out


def _mark_literal(text: str, findings: Sequence[Finding], marks: list[Mark], checker: Checker) -> list[Mark]:
    """Add the probable machine renderings among *findings* (check's ``literal`` kind, so the
    two never disagree) as doubtful ``nonstandard`` marks; marks inside one give way to it."""
    from .checking.report import Positions

    pos = Positions(text)
    added: list[Mark] = []
    for f in findings:
        if f.kind != "literal":
            continue
        start = pos.starts[f.line - 1] + f.column - 1
        words = f.found.split()
        found = re.compile(r"\s+".join(map(re.escape, words))).match(text, start)
        if found is None:
            continue
        term = checker.term(f.term_id)
        added.append(Mark(start, found.end(), text[start : found.end()], term, "nonstandard", "probable machine rendering"))
    if not added:
        return marks
    kept = [m for m in marks if not any(a.start <= m.start and m.end <= a.end for a in added)]
    return sorted(kept + added, key=lambda m: (m.start, -m.end))


def annotate_text(
    text: str,
    fmt: str = "html",
    glossary: Glossary | Sequence[Term] | None = None,
    *,
    title: str = "",
    ambiguity: bool = True,
    capitals: bool = True,
    literal: bool = True,
    progress: Callable[[int], None] | None = None,
) -> str:
    """*text* with its terms marked, as ``html``, ``md`` or ``txt`` (*progress*: see
    :func:`find_marks`)."""
    if fmt not in FORMATS:
        raise GlossaryError(f"unknown annotation format {fmt!r}; choose from {', '.join(FORMATS)}")
    if glossary is None:
        from .store import load

        glossary = load()
    marks = find_marks(text, glossary, ambiguity=ambiguity, capitals=capitals, progress=progress, literal=literal)
    if fmt == "html":
        return render_html(text, marks, title=title)
    if fmt == "md":
        return render_md(text, marks, title=title)
    return render_txt(text, marks)


def annotate(
    path: str | Path,
    fmt: str = "html",
    glossary: Glossary | Sequence[Term] | None = None,
    *,
    output: str | Path | None = None,
    title: str | None = None,
    encoding: str | None = None,
    ambiguity: bool = True,
    capitals: bool = True,
    literal: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> str:
    """Annotate a file (any encoding :func:`~glossary.io.textfile.read_text` reads; ``-`` is
    standard input); with *output*, also write the result there atomically. Returns the text.
    *progress* is called as ``progress(done, total)`` in characters while the terms are found."""
    from .io.textfile import read_text

    text = read_text(path, encoding).text
    if not text.strip():
        from .errors import InputError

        raise InputError(f"{'standard input' if str(path) == '-' else path}: empty; nothing to annotate")
    name = "standard input" if str(path) == "-" else Path(str(path)).name
    from .progress import running_total

    heard = running_total(progress, len(text)) if progress is not None else None
    result = annotate_text(text, fmt, glossary, title=name if title is None else title, ambiguity=ambiguity,
                           capitals=capitals, progress=heard, literal=literal)
    if output is not None:
        from .io.atomic import write_atomic

        write_atomic(output, result)
    return result


#: What a folder given to :func:`annotate_files` contributes, and each format's file suffix.
ANNOTATED_SUFFIXES = (".txt", ".md")
_SUFFIX = {"html": ".html", "md": ".md", "txt": ".txt"}


def annotate_files(
    paths: Sequence[str | Path],
    out_dir: str | Path,
    fmt: str = "html",
    glossary: Glossary | Sequence[Term] | None = None,
    *,
    encoding: str | None = None,
    ambiguity: bool = True,
    capitals: bool = True,
    literal: bool = True,
    on_error: Callable[[InputError], None] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[Path]:
    """Annotate several files (and the .txt and .md files of folders) into *out_dir*, one page
    each named after its input (``speech.txt`` → ``speech.html``); the glossary is loaded once.
    ``on_error`` receives a file that cannot be read, and the others go on (default: raise).
    *progress* as for :func:`annotate`, per file. Returns the files written."""
    target = Path(out_dir)
    if not target.is_dir():
        raise InputError(f"{target}: no such folder (several files are annotated into a folder)")
    if glossary is None:
        from .store import load

        glossary = load()
    terms = tuple(glossary)
    from .io.documents import expand_folders

    files = expand_folders(paths, ANNOTATED_SUFFIXES)
    written: list[Path] = []
    for f in files:
        out = target / (f.stem + _SUFFIX[fmt])
        if out.resolve() == f.resolve():
            out = target / (f.stem + ".annotated" + _SUFFIX[fmt])  # never over its own input
        try:
            annotate(f, fmt, terms, output=out, encoding=encoding, ambiguity=ambiguity, capitals=capitals, literal=literal,
                     progress=progress)
        except InputError as exc:
            if on_error is None:
                raise
            on_error(exc)
            continue
        written.append(out)
    return written


# -- shared helpers ---------------------------------------------------------------------------
def _others(term: Term, limit: int = 2, width: int = 70) -> list[str]:
    return [a for a in term.en_alt if len(a) <= width][:limit]


def _tip(mark: Mark) -> str:
    t = mark.term
    if mark.kind == "zh":
        return f"{t.en} · {t.pinyin}" + (f" · also: {'; '.join(_others(t))}" if _others(t) else "")
    if mark.kind == "nonstandard":
        head = f"Possibly non-standard ({mark.doubtful})" if mark.doubtful else "Non-standard rendering"
        return f"{head} of {t.zh_hans} ({t.pinyin}). Standard: {t.en}"
    if mark.kind == "capitalisation":
        return f"Written {mark.expected} in the glossary ({t.zh_hans}, {t.pinyin})"
    if mark.kind == "accepted":
        return f"Accepted rendering of {t.zh_hans} ({t.pinyin}). Standard: {t.en}"
    return f"Standard rendering of {t.zh_hans} ({t.pinyin})"


def _pieces(text: str, marks: Sequence[Mark]):
    """Alternate plain strings and marks, covering *text* in order."""
    at = 0
    for m in marks:
        if m.start > at:
            yield text[at : m.start]
        yield m
        at = m.end
    if at < len(text):
        yield text[at:]


def _glossed(text: str, marks: Sequence[Mark]) -> Iterator[tuple[str | Mark, bool]]:
    """:func:`_pieces`, each mark with whether it is the first of its term and kind: Markdown and
    text gloss a term once, where a reader meets it first."""
    seen: set[tuple[str, str]] = set()
    for p in _pieces(text, marks):
        if isinstance(p, str):
            yield p, False
            continue
        key = (p.term.id, p.kind)
        yield p, key not in seen
        seen.add(key)


def _term_rows(marks: Sequence[Mark]) -> list[tuple[Term, Counter[str]]]:
    """Terms found, in order of first appearance, with how often each kind was seen."""
    rows: dict[str, tuple[Term, Counter[str]]] = {}
    for m in marks:
        rows.setdefault(m.term.id, (m.term, Counter()))[1][m.kind] += 1
    return list(rows.values())


# -- HTML ------------------------------------------------------------------------------------
_CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f3ef; color: #1f2328;
  font: 17px/1.8 "Noto Serif", Georgia, "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", serif; }
html[lang|="zh"] body { line-height: 2.3; font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC",
  "SimSun", "Noto Sans CJK SC", "WenQuanYi Zen Hei", serif; }
main { max-width: 48rem; margin: 2rem auto; padding: 2.2rem 3rem 2.6rem; background: #fff;
  border-radius: 8px; box-shadow: 0 1px 3px rgba(0,0,0,.08), 0 6px 24px rgba(0,0,0,.04); }
header h1 { font: 600 1.25rem/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 0 .4rem; }
.legend { font: 13px/1.6 system-ui, -apple-system, "Segoe UI", sans-serif; color: #57606a; margin: 0 0 1.6rem;
  padding-bottom: 1rem; border-bottom: 1px solid #e5e5e0; display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; }
.legend span.k { white-space: nowrap; }
p { margin: 0 0 1.1em; }
.term { position: relative; cursor: help; border-radius: 3px; }
.term:focus { outline: 2px solid #b6d4fe; outline-offset: 1px; }
.zh { background: #fff4d6; border-bottom: 2px solid #e3b341; padding: 0 1px; }
ruby { ruby-position: over; ruby-align: center; }
rt { font: 500 11px/1.2 system-ui, -apple-system, "Segoe UI", sans-serif; color: #8c5a00; letter-spacing: .01em; }
.standard { border-bottom: 1px dotted #6e8fb8; }
.accepted { background: #eef4fc; border-bottom: 1px dashed #6e8fb8; }
.nonstandard { background: #ffe3e1; color: #8e1f18; text-decoration: line-through; text-decoration-color: #cf222e;
  border-bottom: 2px solid #cf222e; }
.nonstandard.doubtful { background: #fff0e8; text-decoration: none; border-bottom: 2px dashed #d4762c; color: inherit; }
.capitalisation { background: #fff8c5; border-bottom: 2px wavy #bf8700; text-decoration: none; }
.fix.case { color: #7d4e00; background: #fff8c5; border-color: #eedc82; }
.fix { font: 500 .78em/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #116329; background: #dafbe1;
  border: 1px solid #aceebb; border-radius: 4px; padding: 0 .35em; margin: 0 .15em 0 .3em;
  -webkit-box-decoration-break: clone; box-decoration-break: clone; overflow-wrap: anywhere; }
.fix .fzh { color: #3d6b4a; margin-left: .3em; }
main { overflow-wrap: break-word; }
[data-tip]:hover::after, [data-tip]:focus::after { content: attr(data-tip); position: absolute; left: 0;
  top: calc(100% + 6px); z-index: 10; width: max-content; max-width: 22rem; padding: .4rem .6rem;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #fff; background: #24292f;
  border-radius: 5px; box-shadow: 0 4px 12px rgba(0,0,0,.2); white-space: normal; text-decoration: none; }
section.terms { margin-top: 2.2rem; border-top: 1px solid #e5e5e0; padding-top: 1rem; }
section.terms h2 { font: 600 1rem/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 0 .6rem; }
table { border-collapse: collapse; width: 100%; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "WenQuanYi Zen Hei",
  sans-serif; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid #eeeeea; vertical-align: top; }
th { color: #57606a; font-weight: 600; }
td.n { text-align: right; color: #57606a; white-space: nowrap; }
td.zhc { min-width: 5em; }
table { table-layout: auto; }
td .bad { color: #cf222e; font-weight: 600; }
@media print { body { background: #fff; } main { box-shadow: none; margin: 0; } [data-tip]::after { display: none; } }
""".strip()


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _html_mark(m: Mark) -> str:
    t = m.term
    tip = _e(_tip(m))
    if m.kind == "zh":
        return (
            f'<span class="term zh" tabindex="0" data-term="{_e(t.id)}" data-tip="{tip}">'
            f"<ruby>{_e(m.text)}<rp>(</rp><rt>{_e(t.pinyin)}</rt><rp>)</rp></ruby></span>"
        )
    cls = m.kind + (" doubtful" if m.doubtful else "")
    span = f'<span class="term {cls}" tabindex="0" data-term="{_e(t.id)}" data-tip="{tip}">{_e(m.text)}</span>'
    if m.kind == "nonstandard":
        mark = "?" if m.doubtful else "→"
        span += f'<span class="fix">{mark}\u00a0{_e(t.en)}<span class="fzh" lang="zh">{_e(t.zh_hans)}</span></span>'
    elif m.kind == "capitalisation":
        span += f'<span class="fix case">Aa\u00a0{_e(m.expected)}</span>'
    return span


def _paragraphs_html(inline: str) -> str:
    paras = [p.strip("\n") for p in _BLANK_LINE.split(inline.replace("\r\n", "\n").replace("\r", "\n"))]
    return "\n".join(f"<p>{p.replace(chr(10), '<br>' + chr(10))}</p>" for p in paras if p.strip())


def render_html(text: str, marks: Sequence[Mark], *, title: str = "") -> str:
    """One self-contained HTML page (see the module notes)."""
    lang = language(text)
    body = "".join(_e(p) if isinstance(p, str) else _html_mark(p) for p in _pieces(text, marks))
    counts = Counter(m.kind for m in marks)
    samples = {
        "zh": ('<span class="term zh">术语</span>', "Chinese term, pinyin above"),
        "nonstandard": ('<span class="term nonstandard">rendering</span>', "non-standard"),
        "capitalisation": ('<span class="term capitalisation">rendering</span>', "other capitals than the glossary"),
        "accepted": ('<span class="term accepted">rendering</span>', "accepted alternative"),
        "standard": ('<span class="term standard">rendering</span>', "standard"),
    }
    legend = [f'<span class="k">{sample} {label} ({counts[k]})</span>' for k, (sample, label) in samples.items() if counts[k]]
    legend.append('<span class="k">hover or focus a term for its English or Chinese</span>' if marks else
                  '<span class="k">no glossary term found</span>')
    rows = []
    for term, seen in _term_rows(marks):
        found = ", ".join(f"{_KIND_LABEL[k]} ×{n}" for k, n in seen.items())
        bad = ' <span class="bad">non-standard form used</span>' if seen["nonstandard"] else ""
        rows.append(
            f'<tr><td lang="zh" class="zhc">{_e(term.zh_hans)}</td><td>{_e(term.pinyin)}</td><td>{_e(term.en)}{bad}</td>'
            f'<td class="n">{_e(found)}</td></tr>'
        )
    table = (
        '<section class="terms"><h2>Terms in this text</h2><table><thead><tr><th>Chinese</th><th>Pinyin</th>'
        f'<th>Standard English</th><th>Seen</th></tr></thead><tbody>{"".join(rows)}</tbody></table></section>'
        if rows
        else '<section class="terms"><h2>Terms in this text</h2><p>No glossary term found.</p></section>'
    )
    heading = _e(title) if title else "Annotated text"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{"zh-Hans" if lang == "zh" else "en"}">\n<head>\n<meta charset="utf-8">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="glossary annotate">\n'
        f"<title>{heading} — glossary terms</title>\n<style>\n{_CSS}\n</style>\n</head>\n<body>\n<main>\n"
        f'<header><h1>{heading}</h1><div class="legend">{"".join(legend)}</div></header>\n'
        f'<article class="text">\n{_paragraphs_html(body)}\n</article>\n{table}\n</main>\n</body>\n</html>\n'
    )


# -- Markdown --------------------------------------------------------------------------------
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#])")


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def render_md(text: str, marks: Sequence[Mark], *, title: str = "") -> str:
    """Markdown: each term glossed at its first occurrence, non-standard forms at every one."""
    out = []
    for p, first in _glossed(text, marks):
        if isinstance(p, str):
            out.append(_md(p))
            continue
        t = p.term
        if p.kind == "zh":
            out.append(f"**{_md(p.text)}**" + (f" ({_md(t.pinyin)}, *{_md(t.en)}*)" if first else ""))
        elif p.kind == "nonstandard":
            sign = "?" if p.doubtful else "→"
            out.append(f"~~{_md(p.text)}~~ **\\[{sign} {_md(t.en)} · {_md(t.zh_hans)}\\]**")
        elif p.kind == "capitalisation":
            out.append(f"{_md(p.text)} **\\[Aa → {_md(p.expected)}\\]**")
        elif p.kind == "accepted" and first:
            out.append(f"*{_md(p.text)}* \\[≈ {_md(t.en)} · {_md(t.zh_hans)}\\]")
        else:
            out.append(_md(p.text))
    head = f"# {_md(title)}\n\n" if title else ""
    rows = ["| Chinese | Pinyin | Standard English | Seen |", "|---|---|---|---|"]
    for term, kinds in _term_rows(marks):
        found = ", ".join(f"{_KIND_LABEL[k]} ×{n}" for k, n in kinds.items())
        rows.append(f"| {_md(term.zh_hans)} | {_md(term.pinyin)} | {_md(term.en)} | {found} |")
    table = "\n\n## Terms in this text\n\n" + ("\n".join(rows) if len(rows) > 2 else "No glossary term found.")
    return head + "".join(out).rstrip() + table + "\n"


# -- plain text ------------------------------------------------------------------------------
def render_txt(text: str, marks: Sequence[Mark]) -> str:
    """Plain text with bracketed glosses (first occurrence; non-standard forms every time)."""
    out = []
    for p, first in _glossed(text, marks):
        if isinstance(p, str):
            out.append(p)
            continue
        t = p.term
        if p.kind == "zh" and first:
            out.append(f"{p.text}[{t.pinyin} | {t.en}]")
        elif p.kind == "nonstandard":
            sign = "?" if p.doubtful else "!"
            out.append(f"{p.text} [{sign} standard: {t.en} | {t.zh_hans} {t.pinyin}]")
        elif p.kind == "capitalisation":
            out.append(f"{p.text} [Aa: written {p.expected}]")
        elif p.kind == "accepted" and first:
            out.append(f"{p.text} [≈ {t.en} | {t.zh_hans}]")
        else:
            out.append(p.text)
    lines = ["", "", "Terms in this text:"]
    for term, kinds in _term_rows(marks):
        flag = "  (non-standard form used)" if kinds["nonstandard"] else ""
        lines.append(f"  {term.zh_hans}  {term.pinyin}  {term.en}{flag}")
    if len(lines) == 3:
        lines.append("  none")
    return "".join(out).rstrip() + "\n".join(lines) + "\n"



__all__ = ["FORMATS", "KINDS", "Mark", "find_marks", "annotate_text", "annotate",
           "render_html", "render_md", "render_txt"]
