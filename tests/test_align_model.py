"""The word-alignment model of glossary.align: IBM Model 1 by EM, span scores, span votes."""

from __future__ import annotations

from test_align import term

from glossary.alignment import AlignOptions, align_segments
from glossary.alignment.candidates import EDGE_STOP, ZhOcc, english_side
from glossary.alignment.wordalign import best_span, candidate_spans, phrase_links, train, zh_tokens
from glossary.store import Glossary

# Tiny parallel text written for these tests: each Chinese word has one English partner, and
# only the pattern of co-occurrence across sentences tells which.
ZH = [["绿色", "发展"], ["绿色", "经济"], ["数字", "经济"], ["数字", "发展"], ["绿色", "数字", "经济"]]
EN = [["green", "development"], ["green", "economy"], ["digital", "economy"], ["digital", "development"],
      ["green", "digital", "economy"]]


def test_model_learns_links_from_cooccurrence():
    model = train(ZH, EN, iterations=10)
    for s, (fs, es) in enumerate(zip(ZH, EN)):
        post = model.posterior(s)
        assert post.shape == (len(fs) + 1, len(es))  # NULL row first
        for j, e in enumerate(es):
            best = fs[int(post[1:, j].argmax())]
            assert {"green": "绿色", "digital": "数字", "economy": "经济", "development": "发展"}[e] == best
    # posteriors are distributions over the Chinese tokens (and NULL) for each English token
    assert abs(model.posterior(4).sum(axis=0) - 1).max() < 1e-9


def test_translation_table_is_normalised_per_chinese_word():
    model = train(ZH, EN, iterations=3)
    t = model.table(0)  # rows: NULL, 绿色, 发展; columns: green, development
    assert t.shape == (3, 2)
    assert t[1, 0] > t[1, 1]  # t(green | 绿色) > t(development | 绿色)


def test_diagonal_prior_tells_repeated_words_apart():
    zh = [["甲", "乙", "甲"]] * 3
    en = [["a", "x", "a"]] * 3
    post = train(zh, en, diagonal=4.0).posterior(0)
    # first "a" belongs to the first 甲, last "a" to the last 甲
    assert post[1, 0] > post[3, 0]
    assert post[3, 2] > post[1, 2]


def test_zh_tokens_keep_spans_whole():
    text = "我们全面推行河长制。"
    toks = zh_tokens(text, [(6, 9)])
    assert ("河长制", 6, 9) in toks
    assert all(text[s:e] == w for w, s, e in toks)
    assert not any(w == "。" for w, _, _ in toks)  # punctuation dropped


def test_candidate_spans_respect_edges_runs_and_blocks():
    side = english_side("We implemented the river chief system, and it worked.")
    spans = candidate_spans(side.keys, side.runs, EDGE_STOP)
    texts = {" ".join(side.keys[i:j]) for i, j in spans}
    assert "river chief system" in texts
    assert "the river chief system" not in texts  # function word at the edge
    assert "system and it worked" not in texts  # crosses the comma
    blocked = {side.keys.index("chief")}
    texts = {" ".join(side.keys[i:j]) for i, j in candidate_spans(side.keys, side.runs, EDGE_STOP, blocked)}
    assert "river chief system" not in texts and "system" in texts


# The rendering of 河长制 always comes with "implemented" in one sentence; the other sentences
# show that "implemented" translates 实施, so the model should leave it out of the span.
PAIRS = [
    ("我们实施河长制。", "We implemented the river chief system."),
    ("河长制取得成效。", "The river chief system worked well."),
    ("我们实施新政策。", "We implemented new policies."),
    ("我们实施改革。", "We implemented reforms."),
    ("全面推行河长制。", "The river chief system was adopted everywhere."),
    ("新政策取得成效。", "New policies worked well."),
]


def _occurrences(text: str) -> list[ZhOcc]:
    i = text.find("河长制")
    return [ZhOcc("河长制", i, i + 3, term("hezhang-zhi", "河长制", "river chief system"))] if i >= 0 else []


def test_span_scores_prefer_the_rendering_over_its_context():
    zh = [z for z, _ in PAIRS]
    occ = [_occurrences(z) for z in zh]
    sides = [english_side(e) for _, e in PAIRS]
    toks = [zh_tokens(z, [(o.start, o.end) for o in oc]) for z, oc in zip(zh, occ)]
    fwd = train([[w for w, _, _ in t] for t in toks], [s.keys for s in sides], iterations=5)
    rev = train([s.keys for s in sides], [[w for w, _, _ in t] for t in toks], iterations=5)
    side = sides[0]
    rows = [r + 1 for r, (w, _, _) in enumerate(toks[0]) if w == "河长制"]
    got = best_span(fwd.table(0), rev.table(0), rows, candidate_spans(side.keys, side.runs, EDGE_STOP))
    assert got is not None
    assert " ".join(side.keys[got[0] : got[1]]) == "river chief system"


def test_phrase_links_give_a_distribution_over_spans():
    zh = [z for z, _ in PAIRS]
    occ = [_occurrences(z) for z in zh]
    sides = [english_side(e) for _, e in PAIRS]
    links = phrase_links(zh, occ, sides)
    assert set(links) == {"河长制"}
    assert set(links["河长制"]) == {0, 1, 4}  # the pairs with the phrase
    for p, spans in links["河长制"].items():
        assert abs(sum(w for _, _, w in spans) - 1) < 0.05  # one occurrence: weights (nearly) sum to 1
        i, j, _ = spans[0]
        assert " ".join(sides[p].keys[i:j]) == "river chief system"


def test_align_with_and_without_the_model():
    g = Glossary((term("hezhang-zhi", "河长制", "river chief"),))  # glossary wording differs on purpose
    for model in (True, False):
        df = align_segments(PAIRS, glossary=g, options=AlignOptions(dictionary=False, model=model, discover=False))
        row = df.filter((df["zh"] == "河长制") & (df["rank"] == 1)).to_dicts()[0]
        assert row["en"] == "river chief system"
        assert row["agrees"] is False


def test_chunked_training_gives_the_one_shot_table():
    # the E-step streams over chunks of sentences; expected counts are added in the one-shot
    # order (numpy.add.at), so the table is the same bit for bit, whatever the chunk size
    import numpy as np

    zh = [[w for w, _, _ in zh_tokens(z)] for z, _ in PAIRS] * 3 + ZH
    en = [english_side(e).keys for _, e in PAIRS] * 3 + EN
    whole = train(zh, en, iterations=5, chunk_pairs=10**9)
    for size in (1, 7, 40):
        part = train(zh, en, iterations=5, chunk_pairs=size)
        assert np.array_equal(part.cells, whole.cells)
        assert np.array_equal(part.t, whole.t)
    for diagonal in (0.0, 4.0):
        a = train(zh, en, diagonal=diagonal, chunk_pairs=10**9)
        b = train(zh, en, diagonal=diagonal, chunk_pairs=5)
        assert all(np.array_equal(a.table(s), b.table(s)) for s in range(len(zh)))
        assert all(np.allclose(a.posterior(s).sum(axis=0), 1) for s in range(len(zh)))


def test_training_reports_progress_in_chunk_passes():
    zh = [[w for w, _, _ in zh_tokens(z)] for z, _ in PAIRS]
    en = [english_side(e).keys for _, e in PAIRS]
    heard: list[tuple[int, int]] = []
    train(zh, en, iterations=3, chunk_pairs=20, progress=lambda done, total: heard.append((done, total)))
    total = heard[-1][1]
    assert total >= 4 * 2  # (iterations + 1) passes over at least two chunks
    assert [d for d, _ in heard] == list(range(1, total + 1))


def test_progress_moves_within_the_model_stages():
    # a long memory spends most of its time in tokenising, training and span votes: each stage
    # reports, and training advances chunk by chunk, in both directions, up to its total
    zh = [z for z, _ in PAIRS] * 40
    occ = [_occurrences(z) for z in zh]
    sides = [english_side(e) for _, e in PAIRS] * 40
    heard: list[tuple[str, int, int]] = []
    links = phrase_links(zh, occ, sides, chunk_pairs=50, progress=lambda s, d, t: heard.append((s, d, t)))
    stages = [s for s, _, _ in heard]
    assert stages.index("tokens") < stages.index("training") < stages.index("model")
    training = [(d, t) for s, d, t in heard if s == "training"]
    assert len(training) > 10 and training[-1][0] == training[-1][1]
    assert [d for d, _ in training] == sorted(d for d, _ in training) and {t for _, t in training} == {1000}
    assert heard[-1] == ("model", len(zh), len(zh))
    assert set(links["河长制"]) == {p for p, o in enumerate(occ) if o}
