"""The CC-CEDICT senses behind ambiguous non-standard forms, kept on disk: scanned once per set of
forms and dictionary, read back the same, scanned anew when the forms change."""

from __future__ import annotations

import dataclasses

import pytest

from glossary import cedict
from glossary.checking.ambiguity import ambiguous_forms


@pytest.fixture
def scans(tmp_path, monkeypatch) -> list[int]:
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path / "cache"))
    calls: list[int] = []
    real = cedict.headwords_with_sense

    def counted(wanted, normalise):
        calls.append(len(wanted))
        return real(wanted, normalise)

    monkeypatch.setattr(cedict, "headwords_with_sense", counted)
    return calls


def test_scanned_once_then_read_back(shipped, scans, tmp_path):
    first = ambiguous_forms(shipped.terms)
    assert len(scans) == 1 and list((tmp_path / "cache").glob("ambiguous-senses-*.bin"))
    again = ambiguous_forms(shipped.terms)
    assert again == first and list(again) == list(first) and len(scans) == 1
    assert any(why.startswith("also the usual English of") for why in first.values())


def test_new_forms_are_scanned_anew(shipped, scans):
    terms = list(shipped.terms)
    k = next(i for i, t in enumerate(terms) if t.zh_hans == "中等收入群体")
    ambiguous_forms(terms)
    terms[k] = dataclasses.replace(terms[k], en_nonstandard=(*terms[k].en_nonstandard, "upper class"))
    found = ambiguous_forms(terms)
    assert len(scans) == 2
    assert found[(terms[k].id, "upper class")] == "also the usual English of 上流"  # not a stale answer


def test_no_forms_no_scan(scans):
    assert ambiguous_forms([]) == {} and scans == []
