"""Write a :class:`~glossary.check.CheckReport` as a readable report, JSON or CSV.

The text report uses the ``file:line:column: severity: message`` shape that compilers use, so
editors and CI log viewers turn each finding into a clickable location.
"""

from __future__ import annotations

import json

from ..errors import GlossaryError
from .report import FINDING_COLUMNS, CheckReport

FORMATS = ("text", "json", "csv")


def format_report(report: CheckReport, fmt: str = "text", fail_on: str = "error", width: int | None = None) -> str:
    """The report in *fmt* (``text``, ``json`` or ``csv``); text wraps to *width* columns when
    given (the command gives a terminal's width; in a file or pipe one finding stays one line)."""
    if fmt == "text":
        return _text(report, fail_on, width)
    if fmt == "json":
        return _json(report, fail_on)
    if fmt == "csv":
        return _csv(report)
    raise GlossaryError(f"unknown report format {fmt!r}; choose from {', '.join(FORMATS)}")


def summary(report: CheckReport, fail_on: str = "error") -> str:
    """One line: how many findings of each severity, in how many words, and the verdict."""
    c = report.counts()
    where = f"{report.words:,} words" + (f", {report.segments:,} segment{'s' if report.segments != 1 else ''}" if report.segments else "")
    if not report.findings:
        return f"clean: no findings in {where}"
    plural = "s" if len(report) != 1 else ""
    parts = f"{c['error']} error(s), {c['warning']} warning(s), {c['info']} info"
    verdict = "FAIL" if report.failed(fail_on) else "pass"
    return f"{verdict}: {len(report)} finding{plural} ({parts}) in {where}; failing on {fail_on}"


def _text(report: CheckReport, fail_on: str, width: int | None = None) -> str:
    """``file:line:column: severity: message [kind]`` per finding, as compilers write them (an
    editor turns the first line into a link), wrapped to *width*; paths relative to here."""
    from ..layout import wrap

    lines = []
    for f in report.findings:
        loc = f"{_here(f.file or report.target) or '<text>'}:{f.line}:{f.column}"
        line = f"{loc}: {f.severity}: {f.message} [{f.kind}]"
        lines += wrap(line, width, "    ", first="") if width else [line]
    lines += _grouped(report, width)
    lines.append(summary(report, fail_on))
    return "\n".join(lines) + "\n"


def _grouped(report: CheckReport, width: int | None) -> list[str]:
    """The findings again, counted by kind and term, most frequent first: what an editor fixes
    once for the whole text ("two maintenance → Two Upholds ×4")."""
    from collections import Counter

    from ..layout import wrap

    if len(report) < 2:
        return []
    groups = Counter((f.kind, f.zh, f.found.lower() if f.found else "", f.expected) for f in report.findings)
    lines = ["by kind and term:"]
    for (kind, zh, found, expected), n in sorted(groups.items(), key=lambda g: (KIND_ORDER.get(g[0][0], 9), -g[1], g[0][1])):
        what = f'"{found}" → "{expected}"' if found else f'"{expected}"'
        line = f"  {kind:14} {zh}  {what}  ×{n}"
        lines += wrap(line, width, " " * 17, first="") if width else [line]
    return lines


#: The order kinds are grouped in: what to fix first.
KIND_ORDER = {"nonstandard": 0, "outdated": 1, "capitalisation": 2, "literal": 3, "missing": 4, "inconsistent": 5}


def _here(path: str) -> str:
    """*path* relative to the working folder when it lies below it (shorter lines)."""
    import os

    if not path or path == "-":
        return path
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        return path
    return path if rel.startswith("..") else rel


def _json(report: CheckReport, fail_on: str) -> str:
    data = {
        "target": report.target,
        "source": report.source,
        "words": report.words,
        "segments": report.segments,
        "counts": report.counts(),
        "fail_on": fail_on,
        "failed": report.failed(fail_on),
        "findings": [f.to_dict() for f in report.findings],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _csv(report: CheckReport) -> str:
    from ..io.delimited import delimited

    return delimited(FINDING_COLUMNS, ([f.to_dict()[name] for name in FINDING_COLUMNS] for f in report.findings))


def format_reports(reports: list[CheckReport], fmt: str = "text", fail_on: str = "error", width: int | None = None) -> str:
    """Several files' reports: each file's findings and summary, then one line for all (text);
    an object with every report (JSON); one table with the ``file`` column telling them apart (CSV)."""
    if fmt == "text":
        body = "".join(_text(r, fail_on, width) for r in reports)
        failed = sum(1 for r in reports if r.failed(fail_on))
        findings = sum(len(r) for r in reports)
        return body + f"{len(reports)} file(s), {findings} finding(s); {failed} file(s) failing on {fail_on}\n"
    if fmt == "json":
        items = [json.loads(_json(r, fail_on)) for r in reports]
        return json.dumps({"fail_on": fail_on, "failed": any(r.failed(fail_on) for r in reports), "reports": items},
                          ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        from ..io.delimited import delimited

        rows = ([f.to_dict()[name] for name in FINDING_COLUMNS] for r in reports for f in r.findings)
        return delimited(FINDING_COLUMNS, rows)
    raise GlossaryError(f"unknown report format {fmt!r}; choose from {', '.join(FORMATS)}")
