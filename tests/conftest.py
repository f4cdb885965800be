from __future__ import annotations

from pathlib import Path

import pytest

import glossary
from glossary.store import Glossary
from glossary.terms import read_terms

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def pytest_configure(config: pytest.Config) -> None:
    """The caches the library builds on first use (compact CC-CEDICT, jieba's trie and tags, the
    learned phrasing) go to a folder of this test session, never to the user's own cache folder:
    tests neither read a developer's stale files nor leave theirs behind, and the first-use build
    runs in every session. Tests that need their own folder set GLOSSARY_CACHE_DIR themselves."""
    import os
    import tempfile

    if not os.environ.get("GLOSSARY_TEST_KEEP_CACHE"):
        folder = tempfile.mkdtemp(prefix="glossary-test-cache-")
        os.environ["GLOSSARY_CACHE_DIR"] = folder
        config.stash[_CACHE] = folder


def pytest_unconfigure(config: pytest.Config) -> None:
    import shutil

    folder = config.stash.get(_CACHE, None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)


_CACHE = pytest.StashKey[str]()


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
