"""A single-file HTML reference sheet: searchable offline, printable, no external resources.

Everything is inline (CSS and a few lines of JavaScript that hide rows not matching what is
typed, across every column, and filter by category). Every piece of text from the glossary
goes through :func:`html.escape`, so a definition containing markup shows as text.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from ..terms import Term
from . import ExportOptions
from .common import one_line, zh_forms
from .markdown import _by_category

_CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","PingFang SC",sans-serif;margin:1.5rem;color:#222}
h1{font-size:1.4rem;margin:0 0 .5rem}
.bar{position:sticky;top:0;background:#fff;padding:.5rem 0;display:flex;gap:.5rem;flex-wrap:wrap;align-items:center;border-bottom:1px solid #ddd}
input,select{font:inherit;padding:.3rem .5rem}
input{flex:1;min-width:14rem}
table{border-collapse:collapse;width:100%;margin-top:.5rem}
th,td{border-bottom:1px solid #e5e5e5;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f5f5f5;position:sticky;top:3.2rem}
.zh{font-size:1.1rem;min-width:9em;max-width:18rem;white-space:nowrap}.sc{font-size:.7rem;color:#777;margin-right:.2em}.py{color:#555;font-style:italic}.en{font-weight:600}
.avoid{color:#a33;text-decoration:line-through}.cat{color:#666;font-size:.85rem}.def{min-width:22rem;max-width:40rem}
.st{font-size:.8rem;color:#666}
@media print{.bar{display:none}th{position:static}}
"""

_JS = """
const q=document.getElementById('q'),c=document.getElementById('cat'),rows=[...document.querySelectorAll('tbody tr')],n=document.getElementById('n');
function f(){const s=q.value.trim().toLowerCase(),k=c.value;let v=0;
for(const r of rows){const ok=(!k||r.dataset.cat===k)&&(!s||(r.textContent+' '+r.dataset.k).toLowerCase().includes(s));r.hidden=!ok;if(ok)v++;}
n.textContent=v+' / '+rows.length;}
q.addEventListener('input',f);c.addEventListener('change',f);f();
"""


def _keys(t: Term) -> str:
    """Hidden search keys: toneless pinyin (so 'liang ge' finds liǎng gè), numbered pinyin, id."""
    from ..tones import strip_tones

    plain = strip_tones(t.pinyin)
    return " ".join([plain, plain.replace(" ", ""), t.pinyin_num, t.id])


def _e(text: str) -> str:
    return html.escape(one_line(text), quote=True)


def write_html(terms: Sequence[Term], options: ExportOptions) -> str:
    groups = _by_category(terms)
    options_html = "".join(f'<option value="{_e(c)}">{_e(c)} ({len(g)})</option>' for c, g in groups)
    rows: list[str] = []
    for category, group in groups:
        for t in group:
            forms = zh_forms(t, options.script)
            labels = {t.zh_hans: "简", t.zh_hant: "繁"} if len(forms) > 1 else {}
            zh = "<br>".join(f'<span class="sc">{labels[z]}</span> {_e(z)}' if z in labels else _e(z) for z in forms)
            alts = "; ".join(_e(a) for a in t.en_alt)
            avoid = "; ".join(f'<span class="avoid">{_e(a)}</span>' for a in t.en_nonstandard)
            en = f'<span class="en">{_e(t.en)}</span>' + (f"<br>also: {alts}" if alts else "") + (f"<br>avoid: {avoid}" if avoid else "")
            rows.append(
                f'<tr data-cat="{_e(category)}" data-k="{_e(_keys(t))}" id="{_e(t.id)}"><td class="zh" lang="zh">{zh}</td>'
                f'<td class="py">{_e(t.pinyin)}</td><td>{en}</td><td class="def">{_e(t.definition)}</td>'
                f'<td class="cat">{_e(category)}<br><span class="st">{_e(t.status)}</span></td></tr>'
            )
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        "<title>Chinese political terms — reference sheet</title>"
        f"<style>{_CSS}</style></head><body>\n"
        f"<h1>Chinese political terms</h1>\n"
        '<div class="bar"><input id="q" type="search" placeholder="Filter: Chinese, pinyin or English…" autofocus>'
        f'<select id="cat"><option value="">all categories</option>{options_html}</select>'
        '<span id="n"></span></div>\n'
        "<table><thead><tr><th>Chinese</th><th>Pinyin</th><th>English</th><th>Definition</th><th>Category</th></tr></thead>\n<tbody>\n"
        + "\n".join(rows)
        + f"\n</tbody></table>\n<script>{_JS}</script>\n</body></html>\n"
    )
