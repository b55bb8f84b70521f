"""Opening a file: records get the ids of their keys, and the fast JSON parser reads
exactly what the standard one reads (a file it refuses is read or refused as before).
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from nextgen_tui.errors import UnreadableFileError
from nextgen_tui.store.repository import Store
from nextgen_tui.store.storage import parse_json

META = {"1": {"format": "sector-partnership-roster", "schema_version": 1, "created": "x"}}


def _write(path: Path, **tables: dict[str, object]) -> None:
    path.write_text(json.dumps({"_meta": META, **tables}), encoding="utf-8")


def test_each_record_has_the_id_of_its_key_and_keys_are_made_canonical(tmp_path: Path) -> None:
    path = tmp_path / "roster.json"
    _write(
        path,
        organizations={"3": {"name": "Acme", "kind": "company"}},
        # "007" is record 7; a document's own id (never written by the app) gives way
        # to its key
        people={"007": {"name": "Ann", "organization_id": 3}, "12": {"name": "Bo", "id": 99}},
    )
    with Store(path) as store:
        assert [(p.id, p.name) for p in store.people()] == [(7, "Ann"), (12, "Bo")]
        assert store.person(7).organization_id == store.organization(3).id == 3
        store.save_person(store.person(7).updated(title="Chair"))
    saved = json.loads(path.read_bytes())["people"]
    assert saved == {
        "7": {
            "name": "Ann",
            "title": "Chair",
            "organization_id": 3,
            "email": "",
            "phone": "",
            "notes": "",
            "deleted": False,
        },
        "12": {"name": "Bo", "id": 99},
    }


@pytest.mark.parametrize(
    ("people", "expected"),
    [
        ({"1": {"name": "Ann"}, "-3": {"name": "Bo"}}, "record -3 of people is not valid"),
        ({"1": {"name": "Ann"}, "2": {"name": "Bo", "id": "two"}}, "record 2 of people"),
        ({"1": {"name": "Ann"}, "2": ["Bo"]}, "record 2 of people is not valid"),
    ],
    ids=["negative key", "bad own id", "not an object"],
)
def test_a_bad_id_or_document_is_named_and_refused(
    tmp_path: Path, people: dict[str, object], expected: str
) -> None:
    path = tmp_path / "roster.json"
    _write(path, people=people)
    with pytest.raises(UnreadableFileError, match=expected):
        Store(path, read_only=True)


def test_a_file_with_a_byte_order_mark_opens(tmp_path: Path) -> None:
    path = tmp_path / "roster.json"
    _write(path, people={"1": {"name": "Zoë"}})
    path.write_bytes(codecs.BOM_UTF8 + path.read_bytes())
    with Store(path, read_only=True) as store:
        assert store.person(1).name == "Zoë"


@pytest.mark.parametrize(
    "raw",
    [
        b'{"a":"Zo\\u00eb \\ud83d\\ude00","b":[1,-0,1E2,123456789012345678901234567890]}',
        b'{"lone":"\\ud800"}',  # the fast parser refuses it, the standard one reads it
        b"[" * 300 + b"]" * 300,  # deeper than the fast parser goes
        b'{"a":1,"a":2}',
        b'{"a":NaN}',
    ],
)
def test_parsing_reads_what_the_standard_parser_reads(raw: bytes) -> None:
    parsed = parse_json(raw)
    assert json.dumps(parsed) == json.dumps(json.loads(raw.decode("utf-8")))


@pytest.mark.parametrize(
    ("raw", "error"),
    [
        (b'{"a":"x\x01y"}', json.JSONDecodeError),
        (b'{"a":1} x', json.JSONDecodeError),
        (b'{"a":"\xff"}', UnicodeDecodeError),
        (b"\xff\xfe{\x00}\x00", UnicodeDecodeError),  # UTF-16: never guessed, refused
        (b"[" * 100_000 + b"]" * 100_000, RecursionError),
    ],
)
def test_parsing_refuses_what_the_standard_parser_refuses(
    raw: bytes, error: type[Exception]
) -> None:
    with pytest.raises(error):
        parse_json(raw)
