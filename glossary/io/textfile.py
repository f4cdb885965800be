"""Decode text files whatever their encoding: UTF-8/16/32 (BOM or not), GB18030, Big5.

Chinese files arrive in legacy encodings more often than not. Decoding is strict (a wrong guess
must fail, not produce mojibake), and when both GB18030 and Big5 decode a file, the one whose
characters are the more common in its own script wins.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


def _bomless_utf16(raw: bytes) -> str | None:
    """UTF-16 without a BOM shows up as NUL bytes in every other position for ASCII-heavy text,
    or decodes cleanly to mostly CJK; guess the byte order from where the NULs sit."""
    sample = raw[:4000]
    if len(sample) < 4 or len(raw) % 2:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > half * 0.3 and even < half * 0.05:
        return "utf-16-le"
    if even > half * 0.3 and odd < half * 0.05:
        return "utf-16-be"
    return None


def _cjk_utf16(raw: bytes) -> Decoded | None:
    """BOM-less UTF-16 of mostly Chinese text has no NUL bytes; recognise it by decoding to
    mostly CJK characters and punctuation (legacy encodings decode to Hangul or symbols)."""
    if len(raw) % 2:
        return None
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = raw.decode(enc)
        except UnicodeDecodeError:
            continue
        sample = text[:5000]
        han = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff")
        good = han + sum(1 for ch in sample if "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"
                         or ch in "\u201c\u201d\u2018\u2019" or (ch.isascii() and (ch.isprintable() or ch in "\r\n\t")))
        # mostly Chinese, with the digits, Latin words and line breaks Chinese text carries
        if sample and good / len(sample) > 0.9 and han / len(sample) > 0.2:
            return Decoded(text, enc)
    return None


def _western(raw: bytes) -> Decoded | None:
    """A Western single-byte file (Windows-1252, else Latin-1): its non-ASCII bytes stand
    mostly alone between ASCII ones (é, —, ’), where every Han character of GB18030 or Big5 is
    two or more non-ASCII bytes in a row."""
    sample = raw[:20000]
    high = isolated = 0
    run = 0
    for b in (*sample, 0):
        if b >= 0x80:
            run += 1
            continue
        if run:
            high += run
            isolated += run == 1
            run = 0
    if not high or isolated / high < 0.5:
        return None
    for enc in ("cp1252", "latin-1"):
        try:
            return Decoded(raw.decode(enc), enc)
        except UnicodeDecodeError:
            continue
    return None


def _common_share(text: str, encoding: str, lead_range: tuple[int, int]) -> float:
    """Share of Han characters whose code in *encoding* falls in its frequent-character block."""
    han = [ch for ch in text[:20000] if "\u4e00" <= ch <= "\u9fff"]
    if not han:
        return 0.0
    hits = 0
    for ch in han:
        try:
            b = ch.encode(encoding)
        except UnicodeEncodeError:
            continue
        if len(b) == 2 and lead_range[0] <= b[0] <= lead_range[1]:
            hits += 1
    return hits / len(han)


def decode_bytes(raw: bytes, name: str = "<input>", encoding: str | None = None) -> Decoded:
    """Decode *raw*; raise :class:`InputError` naming *name* when it is binary or undecodable."""
    if encoding:
        try:
            text = raw.decode(encoding)
        except LookupError:
            raise InputError(f"{name}: unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: not valid {encoding} (byte {exc.start})") from None
        return Decoded(text.lstrip("\ufeff"), encoding)
    if not raw:
        return Decoded("", "utf-8")
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            try:
                return Decoded(raw.decode(enc).lstrip("\ufeff"), enc.replace("-sig", ""))
            except UnicodeDecodeError:
                raise InputError(f"{name}: starts with a {enc} byte-order mark but is not valid {enc}") from None
    guess16 = _bomless_utf16(raw)
    if guess16:
        try:
            return Decoded(raw.decode(guess16), guess16)
        except UnicodeDecodeError:
            pass
    if b"\x00" in raw[:8192]:
        # Chinese UTF-16 without a BOM has NUL bytes only in its ASCII (line breaks, digits)
        cjk16 = _cjk_utf16(raw)
        if cjk16 is not None:
            return cjk16
        raise InputError(f"{name}: binary file (contains NUL bytes), not text")
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    cjk16 = _cjk_utf16(raw)
    if cjk16 is not None:
        return cjk16
    latin = _western(raw)
    if latin is not None:
        return latin
    candidates: list[tuple[float, str, str]] = []
    for enc, lead in (("gb18030", (0xB0, 0xD7)), ("big5", (0xA4, 0xC6))):
        try:
            text = raw.decode(enc)
        except UnicodeDecodeError:
            continue
        candidates.append((_common_share(text, "gb2312" if enc == "gb18030" else enc, lead), enc, text))
    if candidates:
        score, enc, text = max(candidates)
        if score > 0.5 or len(candidates) == 1 and _looks_textual(text):
            return Decoded(text, enc)
    raise InputError(f"{name}: cannot tell the encoding (not UTF-8, UTF-16, GB18030 or Big5); use --encoding")


def _looks_textual(text: str) -> bool:
    bad = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\t\r\n\f")
    return bad < max(1, len(text[:20000]) // 100)


def read_text(path: str | Path, encoding: str | None = None) -> Decoded:
    """Read and decode one file (``-`` is standard input)."""
    import sys

    p = str(path)
    if p == "-":
        raw = sys.stdin.buffer.read()
        return decode_bytes(raw, "<stdin>", encoding)
    return decode_bytes(read_bytes(p), p, encoding)


def read_bytes(path: str | Path) -> bytes:
    """The bytes of one file, or an :class:`InputError` that says in one line why not (every
    reader of the tool, text or XML or workbook, reports a missing or unreadable file alike)."""
    p = str(path)
    try:
        return Path(p).read_bytes()
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{p}: is a folder") from None
    except PermissionError:
        raise InputError(f"{p}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from None
