"""Word pairs official parallel text coordinates: the file, the learning script's pure
functions, and the composer's use of them."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from glossary.composition import Composer
from glossary.errors import GlossaryError
from glossary.pairs import COLUMNS, learned_pairs, read_pairs

ROOT = Path(__file__).resolve().parents[1]


def _script():
    spec = importlib.util.spec_from_file_location("learn_pairs", ROOT / "scripts" / "learn_pairs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


LEXICON = {"风险": {"noun": "risk"}, "挑战": {"noun": "challenge"}, "重大": {"modifier": "major"},
           "安全": {"noun": "security"}, "意识形态": {"noun": "ideology", "modifier": "ideological"}}


def test_a_learned_pair_is_coordinated():
    """风险挑战 read as modifier and head was "risk challenge(s)"; parallel text says "risks and
    challenges", and the pair then takes its place in the order rules whole."""
    plain = Composer({}, {}, LEXICON, senses={}, pairs=())
    paired = Composer({}, {}, LEXICON, senses={}, pairs={("风险", "挑战")})
    assert plain.compose("风险挑战").english == "risk challenge"
    assert paired.compose("风险挑战").english == "risk and challenge"
    assert paired.compose("重大风险挑战").english == "major risk and challenge"
    assert paired.compose("意识形态安全").english == plain.compose("意识形态安全").english  # no pair: modifier and head


def test_a_pair_that_is_the_excluded_term_is_not_used():
    """Leave-one-out hides the composed term; a learned pair that is the whole term would give its
    answer away."""
    paired = Composer({}, {}, LEXICON, senses={}, pairs={("风险", "挑战")})
    assert paired.compose("风险挑战", exclude={"风险挑战"}).english == "risk challenge"
    assert paired.compose("重大风险挑战", exclude={"重大风险挑战"}).english == "major risk and challenge"


def test_shipped_pairs_are_well_formed_and_supported():
    rows = read_pairs()
    assert rows and all(r.supported for r in rows)
    assert {(r.first, r.second) for r in rows} == learned_pairs()
    assert ("风险", "挑战") in learned_pairs()


def test_malformed_and_unsupported_rows(tmp_path):
    p = tmp_path / "pairs.tsv"
    p.write_text("\t".join(COLUMNS) + "\nrisk\t挑战\t2\t2\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match=":2: expected two Chinese words"):
        read_pairs(p)
    p.write_text("\t".join(COLUMNS) + "\n风险\t挑战\t3\t2\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match="count ≤ of"):
        read_pairs(p)
    p.write_text("\t".join(COLUMNS) + "\n风险\t挑战\t2\t3\n改革\t完善\t2\t5\n", encoding="utf-8")
    assert learned_pairs(str(p)) == {("风险", "挑战")}  # 2 of 5 is under half


def test_the_script_counts_coordinations_sentence_by_sentence():
    s = _script()
    c = Composer({}, {}, LEXICON, senses={}, pairs=())
    pairs = [("防范风险挑战。", "We will guard against risks and challenges."),
             ("应对风险挑战，维护安全。", "We will respond to risks and challenges and protect security."),
             ("风险挑战增多。", "Risk challenges grew.")]
    held, joined = s.count(pairs, c)
    assert held[("风险", "挑战")] == 3 and joined[("风险", "挑战")] == 2
    assert ("挑战", "维护") not in held  # a pair never spans a clause


def test_renderings_take_plurals_and_content_words():
    s = _script()
    got = s.renderings(["policy decision"], ["strategy"])
    assert {"policy decision", "policy decisions", "decision", "decisions", "strategies", "policies"} <= got
    assert "with" not in s.renderings(["with care"], [])
