"""Translation memories (TMX) as parallel input for check and align (glossary.io.tmx)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from glossary.cli import main
from glossary.errors import InputError
from glossary.io.parallel import is_parallel_tsv, read_parallel
from glossary.io.tmx import read_tmx

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en"
          srclang="zh-CN" datatype="plaintext"/>
  <body>
    <tu tuid="a1">
      <tuv xml:lang="zh-CN"><seg>坚决做到<bpt i="1">&lt;b&gt;</bpt>两个维护<ept i="1">&lt;/b&gt;</ept>。</seg></tuv>
      <tuv xml:lang="en-US"><seg>We will resolutely uphold the <hi>two maintenance</hi>.</seg></tuv>
    </tu>
    <tu tuid="a2">
      <tuv xml:lang="ZH-HANS"><seg>枫桥经验很重要。</seg></tuv>
      <tuv xml:lang="EN"><seg>The Maple Bridge experience matters.<ph x="1">{1}</ph></seg></tuv>
    </tu>
    <tu tuid="a3">
      <tuv xml:lang="zh-CN"><seg>只有中文。</seg></tuv>
    </tu>
    <tu>
      <tuv lang="zh_TW"><seg>兩個維護。</seg></tuv>
      <tuv lang="en-GB"><seg>Two Upholds.</seg></tuv>
    </tu>
  </body>
</tmx>
"""


def write(tmp_path, text: str, name: str = "memory.tmx"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_units_with_both_languages_become_segments(tmp_path):
    segs = read_parallel(write(tmp_path, TMX))
    assert [s.id for s in segs] == ["a1", "a2", ""]  # a3 has no English: skipped
    # formatting codes (<bpt>, <ept>, <ph>) are no words; <hi> wraps real text
    assert segs[0].source == "坚决做到两个维护。"
    assert segs[0].target == "We will resolutely uphold the two maintenance."
    assert segs[1].target == "The Maple Bridge experience matters."
    assert segs[2].source == "兩個維護。"  # TMX 1.1 'lang', zh_TW: Chinese all the same
    assert segs[0].source_line == 6  # the line the <tu> starts on


def test_other_language_pair_and_errors(tmp_path):
    with pytest.raises(InputError, match="none with both a zh and an fr segment"):
        read_tmx(write(tmp_path, TMX), target_lang="fr")
    with pytest.raises(InputError, match="not a TMX file"):
        read_tmx(write(tmp_path, "<martif><text/></martif>", "x.tmx"))
    with pytest.raises(InputError, match="not well-formed"):
        read_tmx(write(tmp_path, "<tmx><body><tu>", "broken.tmx"))
    with pytest.raises(InputError, match="empty file"):
        read_tmx(write(tmp_path, "  \n", "empty.tmx"))
    with pytest.raises(InputError, match="no such file"):
        read_tmx(tmp_path / "missing.tmx")


def test_entities_are_refused(tmp_path):
    evil = TMX.replace('<?xml version="1.0" encoding="UTF-8"?>',
                       '<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY x SYSTEM "file:///etc/passwd">]>')
    evil = evil.replace("只有中文。", "&x;")
    with pytest.raises(InputError, match="entities"):
        read_tmx(write(tmp_path, evil))


def test_check_and_align_read_a_memory(tmp_path):
    path = write(tmp_path, TMX)
    assert is_parallel_tsv(path)
    r = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    assert r.exit_code == 1 and "two maintenance" in r.output and "Maple Bridge experience" in r.output
    r = CliRunner().invoke(main, ["align", str(path), "--min-count", "1", "--min-support", "1", "--format", "json"])
    assert r.exit_code == 0 and "两个维护" in r.output
    bad = write(tmp_path, "<tmx><body/></tmx>", "none.tmx")
    r = CliRunner().invoke(main, ["align", str(bad)])
    assert r.exit_code == 1 and "no translation units" in r.output and "Traceback" not in r.output
