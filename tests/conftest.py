from __future__ import annotations

from pathlib import Path

import pytest

import glossary
from glossary.store import Glossary
from glossary.terms import read_terms

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


@pytest.fixture(scope="session")
def shipped() -> Glossary:
    """The shipped glossary (read-only; loaded once per session)."""
    return glossary.load()


@pytest.fixture(scope="session")
def mini() -> Glossary:
    """Three hand-written terms for exact, data-independent assertions."""
    return Glossary(tuple(read_terms(HERE / "fixtures" / "mini.tsv")))


@pytest.fixture(autouse=True)
def _no_user_overlay(monkeypatch):
    """Tests never see a developer's own user glossary."""
    monkeypatch.delenv("GLOSSARY_USER", raising=False)


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return ROOT / "seeds" / "000_5defafeaa1fe7f18.txt"
