"""The one sanitiser for terminal text: control characters shown, everything else kept."""

from __future__ import annotations

import json

import pytest

from nextgen_tui.text.visible import pictures, visible, visible_json


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("Ann Lee", "Ann Lee"),
        ("Zoë [b]x[/b] 名前 👩‍🔬", "Zoë [b]x[/b] 名前 👩‍🔬"),  # markup and joiners are text
        ("\x1b]0;PWNED\x07", "\\x1b]0;PWNED\\x07"),
        ("a\x1b[2Jb", "a\\x1b[2Jb"),
        ("line\nbreak\ttab\rreturn", "line\\nbreak\\ttab\\rreturn"),
        ("c1\x9bcsi\x85nel\x7f", "c1\\x9bcsi\\x85nel\\x7f"),
        ("abc\u202egnp.exe", "abc\\u202egnp.exe"),  # a right-to-left override
        ("\u2028\u2066\ufeff", "\\u2028\\u2066\\ufeff"),
        ("bad\udcffname", "bad\\udcffname"),  # an undecodable byte in a file name
    ],
)
def test_visible(raw: str, shown: str) -> None:
    assert visible(raw) == shown


def test_visible_keeps_newlines_and_tabs_when_asked() -> None:
    assert visible("a\nb\tc\x1b", keep_newlines=True) == "a\nb\tc\\x1b"


def test_visible_json_is_the_same_json_without_raw_controls() -> None:
    text = json.dumps({"name": "x\x9b\u202e\U000e0001y\x1b"}, ensure_ascii=False)
    safe = visible_json(text)
    assert json.loads(safe) == json.loads(text)
    assert safe.isprintable()
    assert "\\u009b" in safe and "\\u202e" in safe and "\\udb40\\udc01" in safe


def test_pictures_replace_one_for_one() -> None:
    raw = "a\x1b]0;x\x07\x7f\x9b\u202eb"
    shown = pictures(raw)
    assert shown == "a␛]0;x␇␡��b"
    assert len(shown) == len(raw)
    assert pictures("Zoë 👩‍🔬") == "Zoë 👩‍🔬"
