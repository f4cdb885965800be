"""Text laid out for a terminal: display width (a Han character takes two columns) and wrapping.

Every human-readable output of the command line (lookup cards, search results, the extract
table, the check report) wraps with these two functions, to the terminal's width, or to 80
columns when the output is not a terminal.
"""

from __future__ import annotations

import unicodedata

#: Columns when the output is not a terminal (a file, a pipe, a test).
DEFAULT_WIDTH = 80


def terminal_width(stream_is_terminal: bool) -> int:
    """The terminal's width (at least 40 columns), or :data:`DEFAULT_WIDTH` for a file or pipe."""
    if not stream_is_terminal:
        return DEFAULT_WIDTH
    import shutil

    return max(40, shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns)


def display_width(text: str) -> int:
    """Columns *text* takes: East Asian wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap(text: str, width: int, indent: str = "", first: str | None = None) -> list[str]:
    """*text* wrapped on spaces by display width; lines start with *indent* (the first with
    *first* when given). A word longer than a line (a Chinese phrase, a web address) stays whole."""
    lines: list[str] = []
    line = ""
    lead = indent if first is None else first
    for word in _pieces(text.split(" "), max(10, width - display_width(indent))):
        candidate = f"{line} {word}" if line else word
        if line and display_width(lead + candidate) > width:
            lines.append(lead + line)
            lead = indent
            line = word
        else:
            line = candidate
    if line or not lines:
        lines.append(lead + line)
    return lines


def _pieces(words: list[str], room: int) -> list[str]:
    """The words, with a run of Chinese longer than a line cut into line-sized pieces (Chinese
    breaks between any two characters); other long words (web addresses) stay whole."""
    out: list[str] = []
    for word in words:
        if display_width(word) <= room or not any(unicodedata.east_asian_width(ch) in "WF" for ch in word):
            out.append(word)
            continue
        piece = ""
        for ch in word:
            if display_width(piece + ch) > room:
                out.append(piece)
                piece = ""
            piece += ch
        out.append(piece)
    return out
