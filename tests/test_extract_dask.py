"""The Dask engine gives the same table as a local run (a local cluster of two worker processes)."""

from __future__ import annotations

import pytest

from glossary.errors import GlossaryError
from glossary.extraction import ExtractOptions, extract_text
from glossary.extraction.engine import SCHEDULER_ENV, choose

distributed = pytest.importorskip("dask.distributed")


def _texts(seed_path, shipped) -> list[str]:
    """Several English documents (the seed in parts) and Chinese ones built from glossary terms
    with recurring new phrases, so that every finder and both passes have work."""
    seed = seed_path.read_text(encoding="utf-8")
    parts = [seed[i : i + 4000] for i in range(0, len(seed), 4000)]
    zh = [t.zh_hans for t in shipped if 3 <= len(t.zh_hans) <= 8][:400]
    docs = []
    for i in range(12):
        chunk = zh[i * 30 : (i + 1) * 30]
        docs.append("".join(f"我们要坚持{a}，全面推进{b}，深入开展基层治理现代化建设。“{a}”是关键。" for a, b in zip(chunk, chunk[1:])))
    return parts + docs


@pytest.fixture(scope="module")
def cluster():
    import logging

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                                  silence_logs=logging.ERROR) as c:
        yield c


def test_dask_engine_gives_the_local_table(cluster, seed_path, shipped, monkeypatch):
    import glossary.extraction as extraction

    monkeypatch.setattr(extraction, "BATCH_CHARS", 6000)  # many batches: merges across batches matter
    texts = _texts(seed_path, shipped)
    local = extract_text(texts, glossary=shipped, options=ExtractOptions(workers=1))
    remote = extract_text(texts, glossary=shipped, options=ExtractOptions(engine="dask", scheduler=cluster.scheduler_address))
    assert local.height > 100 and set(local["method"]) >= {"glossary", "discovered", "quoted"}
    assert (local["docs"] > 1).any()
    assert remote.equals(local)


def test_the_scheduler_in_the_environment_selects_dask(cluster, seed_path, shipped, monkeypatch):
    monkeypatch.setenv(SCHEDULER_ENV, cluster.scheduler_address)
    assert choose(None, None) == ("dask", cluster.scheduler_address)
    assert choose("local", None) == ("local", cluster.scheduler_address)
    text = seed_path.read_text(encoding="utf-8")
    monkeypatch.setattr(distributed.Client, "__init__", _refuse)
    with pytest.raises(RuntimeError, match="dask used"):
        extract_text(text, glossary=shipped)
    assert extract_text(text, glossary=shipped, options=ExtractOptions(engine="local")).height > 0


def _refuse(self, *args, **kwargs):
    raise RuntimeError("dask used")


def test_engine_choice(monkeypatch):
    monkeypatch.delenv(SCHEDULER_ENV, raising=False)
    assert choose(None, None) == ("local", None)
    assert choose("dask", None) == ("dask", None)
    assert choose(None, "tcp://10.0.0.1:8786") == ("dask", "tcp://10.0.0.1:8786")
    with pytest.raises(GlossaryError, match="unknown engine"):
        choose("spark", None)
