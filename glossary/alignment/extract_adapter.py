"""The one place ``align`` asks :mod:`glossary.extract` for the Chinese phrases of a text.

Kept apart so that the pairing code does not depend on how extraction is called, only on what
it returns: recurring Chinese phrases (as written), best first. Discovery only — glossary terms
are found by the aligner itself through the matcher.
"""

from __future__ import annotations

from collections.abc import Sequence


def chinese_phrases(zh_texts: Sequence[str], *, min_count: int = 2) -> list[str]:
    """Recurring phrases of the Chinese segments, as :func:`glossary.extraction.extract` finds them."""
    from ..extraction import ExtractOptions, extract_text
    from ..store import Glossary

    text = "\n".join(t for t in zh_texts if t.strip())
    if not text:
        return []
    df = extract_text([text], lang="zh", glossary=Glossary(()), options=ExtractOptions(min_count=min_count, known=False, workers=1, annotate=False))
    if df.is_empty():
        return []
    df = df.filter(df["lang"] == "zh")
    return [p for p in df["phrase"].to_list() if p]


__all__ = ["chinese_phrases"]
