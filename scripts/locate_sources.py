#!/usr/bin/env python3
"""Add locators to citations of documents the corpus folder holds (a curation aid, not run in CI).

Usage::

    python scripts/locate_sources.py CORPUS_DIR [--write] [data/terms/*.tsv ...]

For every citation of a document listed in ``glossary.sources.DOCUMENTS`` that names no unit,
finds the units where the term's Chinese and English stand together (else its English, else its
Chinese) and appends them as ``, ¶N, ¶M``. Prints what it would change; ``--write`` rewrites the
term files (atomically). Citations whose document holds neither form are listed for a person to
settle: they usually cite a document that has the term only in another wording, which belongs in
a note, not in the source.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from glossary.io.atomic import write_atomic
    from glossary.sources import document_for, locate, parse_citation
    from glossary.terms import dumps_tsv, read_terms

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--write", action="store_true", help="rewrite the term files")
    args = ap.parse_args()
    files = args.files or sorted((ROOT / "data" / "terms").glob("*.tsv"))
    added = unresolved = 0
    for path in files:
        terms = read_terms(path)
        changed = False
        for i, t in enumerate(terms):
            cells = list(t.source)
            for j, item in enumerate(cells):
                citation = parse_citation(item)
                if citation.located or document_for(citation) is None:
                    continue
                units = locate(t, citation, args.corpus)
                if not units:
                    if all((args.corpus / f).is_file() for f in document_for(citation).files):  # type: ignore[union-attr]
                        unresolved += 1
                        print(f"{t.origin}: [{t.id}] not found in the cited document: {item}")
                    continue
                cells[j] = item + ", " + ", ".join(f"¶{u}" for u in units)
                added += 1
                changed = True
            if changed:
                terms[i] = replace(t, source=tuple(cells))
        if changed and args.write:
            write_atomic(path, dumps_tsv(terms))
    print(f"locators added: {added}; citations not borne out by their document: {unresolved}"
          + ("" if args.write else " (dry run; --write to apply)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
