"""glossary.extraction.describer: new phrases described in a helper process, the same table."""

from __future__ import annotations

import pytest

from glossary.extraction import ExtractOptions, describe_new, extract_text
from glossary.extraction import describer as d

# Texts written for these tests (no corpus material): rule phrases (quoted, numbered) that are
# known after the first pass, and a recurring phrase only discovery finds.
LONG = "新时代乡村振兴高质量发展战略"
TEXT = "。".join(f"{p}{LONG}{s}" for p, s in zip(
    ["我们认真学习", "各地全面贯彻", "基层干部坚决落实", "全体党员深入领会", "企业职工积极宣传", "青年学生努力践行"],
    ["取得明显成效", "推动工作落地", "形成良好氛围", "开创崭新局面", "凝聚强大力量", "赢得群众认可"], strict=True)) + (
    "。各地要把握“三个务必”，推进“乡村振兴示范工程”，落实“基层减负十条措施”，开展“清廉村居建设”，"
    "坚决做到两个维护。") * 2


def test_worth_it_only_for_big_full_annotated_chinese_tables():
    big = d.APART_BYTES
    assert d.worth_it(big, None, True, True, "zh") and d.worth_it(big, None, True, True, "auto")
    assert not d.worth_it(big - 1, None, True, True, "zh")  # small: loading would not be hidden
    assert not d.worth_it(big, 50, True, True, "zh")  # a top N describes N rows at most
    assert not d.worth_it(big, None, False, True, "zh")  # the screenful describes its rows later
    assert not d.worth_it(big, None, True, False, "zh")  # --known-only: nothing new
    assert not d.worth_it(big, None, True, True, "en")
    assert not d.worth_it(None, None, True, True, "zh")  # standard input: size unknown
    assert not d.worth_it(d.APART_MAX_BYTES + 1, None, True, True, "zh")


def test_the_helper_writes_the_table_this_process_writes(shipped, monkeypatch):
    alone = extract_text(TEXT, "zh", glossary=shipped)
    new = alone.filter((alone["term_id"] == "") & (alone["lang"] == "zh"))
    assert new.height >= 4 and (new["pinyin"] != "").all()
    made: list[d.Describer] = []

    class Watched(d.Describer):
        def __init__(self, glossary):
            super().__init__(glossary)
            made.append(self)

    import glossary.extraction as ex

    monkeypatch.setattr(ex, "Describer", Watched)
    monkeypatch.setattr(d, "APART_BYTES", 0)
    helped = extract_text(TEXT, "zh", glossary=shipped)
    assert len(made) == 1 and made[0]._proc is None  # used, then ended
    assert helped.equals(alone)


def test_the_helper_starts_on_the_first_chinese_text_and_never_for_english_alone(shipped, monkeypatch):
    """English alone has no new Chinese phrase to describe: the helper (150–200 MB) is never
    started; an input that turns Chinese after English starts it then, with the same table."""
    import glossary.extraction as ex

    made: list[d.Describer] = []
    started: list[bool] = []

    class Watched(d.Describer):
        def __init__(self, glossary):
            super().__init__(glossary)
            made.append(self)

        def start(self):
            started.append(True)
            super().start()

    monkeypatch.setattr(ex, "Describer", Watched)
    monkeypatch.setattr(d, "APART_BYTES", 0)
    english = "The Communist Party of China upholds the two maintenance and the four consciousness. " * 40
    ex.extract_text(english, "auto", glossary=shipped)
    assert len(made) == 1 and not started  # made (the input is big enough) but never started
    mixed = ex.extract_text([english, TEXT], "auto", glossary=shipped)
    assert len(made) == 2 and started == [True]
    monkeypatch.setattr(d, "APART_BYTES", 10**12)
    assert mixed.equals(ex.extract_text([english, TEXT], "auto", glossary=shipped))


def test_describe_gives_what_describe_new_gives_including_early_phrases(shipped):
    phrases = ["乡村振兴示范工程", "清廉村居建设", LONG, "基层减负十条措施"]
    with d.Describer(shipped) as helper:
        helper.start()
        assert helper._proc is not None
        helper.prepare(phrases[:2] + ["没有成为行的短语"])  # an early phrase that is not asked for
        got = helper.describe(phrases)
    assert list(got) == phrases
    assert got == describe_new(phrases, shipped)


def test_a_helper_that_is_gone_leaves_the_work_to_this_process(shipped):
    phrases = ["乡村振兴示范工程", LONG]
    helper = d.Describer(shipped)
    helper.start()
    helper._proc.kill()  # as if the helper had died
    helper._proc.wait()
    assert helper.describe(phrases) == describe_new(phrases, shipped)
    assert helper._proc is None


def test_no_helper_when_processes_cannot_start(shipped, monkeypatch):
    def refuse():
        raise OSError("no processes here")

    monkeypatch.setattr(d, "_start", refuse)
    helper = d.Describer(shipped)
    helper.start()
    assert helper._proc is None
    assert helper.describe([LONG]) == describe_new([LONG], shipped)


def test_a_helper_that_cannot_load_leaves_the_work_to_this_process(shipped, monkeypatch, tmp_path):
    """A helper whose interpreter fails (here: it cannot import the package) answers nothing."""
    import subprocess
    import sys

    monkeypatch.setattr(d, "_start", lambda: subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.stdin.buffer.read(1); sys.exit(3)"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE))
    with d.Describer(shipped) as helper:
        helper.start()
        helper.prepare([LONG])
        assert helper.describe([LONG, "清廉村居建设"]) == describe_new([LONG, "清廉村居建设"], shipped)


@pytest.mark.parametrize("top", [None, 5])
def test_options_that_skip_the_helper_still_describe(shipped, monkeypatch, top):
    monkeypatch.setattr(d, "APART_BYTES", 0)
    df = extract_text(TEXT, "zh", glossary=shipped, options=ExtractOptions(top=top))
    new = df.filter((df["term_id"] == "") & (df["lang"] == "zh"))
    assert new.height and (new["pinyin"] != "").all()


def test_the_helper_starts_the_next_list_while_its_last_answer_is_unread(monkeypatch):
    """An answer bigger than a pipe's buffer, unread: the next list is described all the same
    (written from the loop, the answer held the helper until the parent read it)."""
    import os
    import pickle
    import threading

    import glossary.extraction as ex

    calls: list[list[str]] = []
    second = threading.Event()

    def describe(phrases, glossary, **_):
        calls.append(list(phrases))
        if len(calls) == 2:
            second.set()
        return {p: ("x" * 200_000, None) for p in phrases}  # far beyond 64 KB

    monkeypatch.setattr(ex, "describe_new", describe)
    monkeypatch.setattr(d, "_ready", lambda glossary: (None, None))
    inp_r, inp_w = os.pipe()
    out_r, out_w = os.pipe()
    with open(inp_w, "wb") as w:
        for item in ("the glossary", ["甲"], ["乙"]):
            pickle.dump(item, w)
    inp, out = open(inp_r, "rb"), open(out_w, "wb")
    serving = threading.Thread(target=d._serve, args=(inp, out), daemon=True)
    serving.start()
    assert second.wait(timeout=30), "the second list waited for the first answer to be read"
    with open(out_r, "rb") as answers:
        assert list(pickle.load(answers)) == ["甲"] and list(pickle.load(answers)) == ["乙"]
    serving.join(timeout=30)
    assert not serving.is_alive() and calls == [["甲"], ["乙"]]
    inp.close()


def test_the_helper_runs_at_a_lower_priority_than_this_process(shipped):
    """It loads beside the first pass without taking the cores the pass keeps busy."""
    import os
    import time

    if not hasattr(os, "getpriority"):
        pytest.skip("no process priorities on this platform")
    mine = os.getpriority(os.PRIO_PROCESS, 0)
    with d.Describer(shipped) as helper:
        helper.start()
        assert helper._proc is not None
        pid = helper._proc.pid
        deadline = time.monotonic() + 30
        while os.getpriority(os.PRIO_PROCESS, pid) == mine and time.monotonic() < deadline:
            time.sleep(0.05)  # the helper lowers its priority as soon as its interpreter runs serve()
        assert os.getpriority(os.PRIO_PROCESS, pid) == min(mine + d.NICENESS, 19)
        assert helper.describe([LONG]) == describe_new([LONG], shipped)
