"""TBX import refuses XML entity attacks: no file disclosure (XXE), no entity explosion."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary.cli import main
from glossary.errors import InputError
from glossary.imports import import_terms
from glossary.imports.tbx import parse_tbx

ENTRY = (
    '<tbx xmlns="urn:iso:std:iso:30042:ed:3.0" type="TBX-Basic" style="dca" xml:lang="en"><tbxHeader><fileDesc>'
    "<sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader><text><body><conceptEntry id=\"c1\">"
    '<langSec xml:lang="zh-Hans"><termSec><term>数字中国</term></termSec></langSec>'
    '<langSec xml:lang="en"><termSec><term>Digital China</term></termSec>'
    "<termSec><term>{payload}</term></termSec></langSec></conceptEntry></body></text></tbx>"
)


def test_plain_file_reads(tmp_path: Path) -> None:
    (t,) = parse_tbx(ENTRY.format(payload="digital PRC").encode())
    assert (t.zh_hans, t.en, t.en_alt) == ("数字中国", "Digital China", ("digital PRC",))


def test_external_entity_does_not_leak_a_local_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    doc = f'<?xml version="1.0"?>\n<!DOCTYPE tbx [<!ENTITY xxe SYSTEM "file://{secret}">]>\n' + ENTRY.format(payload="&xxe;")
    src = tmp_path / "evil.tbx"
    src.write_text(doc, encoding="utf-8")
    user = tmp_path / "user.tsv"
    monkeypatch.delenv("GLOSSARY_USER", raising=False)
    with pytest.raises(InputError, match="entities"):
        import_terms(src, user)
    assert not user.exists()
    res = CliRunner().invoke(main, ["import", str(src), "--glossary", str(user)])
    assert res.exit_code == 1 and "TOP-SECRET" not in res.output and "entities" in res.output
    assert not user.exists()


def test_parameter_entity_and_external_dtd_are_not_fetched(tmp_path: Path) -> None:
    secret = tmp_path / "secret.dtd"
    secret.write_text('<!ENTITY leak "TOP-SECRET-CONTENT">', encoding="utf-8")
    doc = f'<?xml version="1.0"?>\n<!DOCTYPE tbx SYSTEM "file://{secret}">\n' + ENTRY.format(payload="&leak;")
    with pytest.raises(InputError):
        parse_tbx(doc.encode())
    doc2 = f'<?xml version="1.0"?>\n<!DOCTYPE tbx [<!ENTITY % p SYSTEM "file://{secret}"> %p;]>\n' + ENTRY.format(payload="x")
    with pytest.raises(InputError):
        parse_tbx(doc2.encode())


def test_billion_laughs_fails_cleanly() -> None:
    lines = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{(f"&lol{i - 1};") * 10}">' for i in range(1, 10)]
    doc = '<?xml version="1.0"?>\n<!DOCTYPE tbx [' + "".join(lines) + "]>\n" + ENTRY.format(payload="&lol9;")
    with pytest.raises(InputError, match="entities"):
        parse_tbx(doc.encode())


def test_utf16_entity_declaration_is_refused_too() -> None:
    doc = '<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE tbx [<!ENTITY a "b">]>\n' + ENTRY.format(payload="&a;")
    with pytest.raises(InputError):
        parse_tbx(doc.encode("utf-16"))
