"""Saving re-encodes only what changed: the file stays exactly the JSON of its data, each
save writes it whole (atomic, durable), and a save at 2,000 people encodes one person.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nextgen_tui.errors import FileChangedError, UnreadableFileError
from nextgen_tui.models import Organization, OrgKind, Partnership, Person, RoleKind
from nextgen_tui.store import encoded as encoded_module
from nextgen_tui.store.encoded import EncodedFile
from nextgen_tui.store.repository import Store
from tests.conftest import FIXED_NOW


def _compact(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _roster(path: Path, people: int) -> None:
    with Store(path, clock=lambda: FIXED_NOW) as store:
        company = store.save_organization(Organization(name="Acme Tools", kind=OrgKind.COMPANY))
        store.save_many(
            [
                Person(name=f"Person {i} Zoë", organization_id=company.id, notes="a\nb")
                for i in range(people)
            ]
        )


def test_the_file_is_byte_for_byte_the_json_of_its_data_after_every_kind_of_change(
    tmp_path: Path,
) -> None:
    path = tmp_path / "roster.json"
    _roster(path, 20)
    with Store(path, clock=lambda: FIXED_NOW) as store:
        ann = store.people()[3]
        store.save_person(ann.updated(name="Ann [/] Lee 👩🏽‍🔧"))
        added = store.save_person(Person(name="New person"))
        p = store.save_partnership(Partnership(name="Health care"))
        store.assign(p.id, added.id, RoleKind.CHAMPION)
        store.delete_person(store.people()[0].id)
        store.undo()
        store.delete_partnership(p.id)
        store.undo()
        on_disk = path.read_bytes()
        assert on_disk == _compact(json.loads(on_disk))
    with Store(path, read_only=True) as again:
        assert again.person(ann.id).name == "Ann [/] Lee 👩🏽‍🔧"
        assert [r.person_id for r in again.roles(partnership_id=p.id)] == [added.id]
        assert len(again.people()) == 21


def test_encoded_file_matches_json_dumps_with_odd_keys_and_text() -> None:
    data = {"_meta": {"1": {"format": "x"}}, "people": {"1": {"name": 'a "q" \\ \u2028 é'}}}
    encoded = EncodedFile(data)
    encoded.put("people", "2", {"name": "Bob [/]", "notes": "line\nline"})
    encoded.put("people", "1", None)
    encoded.put("teams", "1", {"name": "new table"})
    assert encoded.encode() == _compact(data)
    assert json.loads(encoded.encode())["people"] == {
        "2": {"name": "Bob [/]", "notes": "line\nline"}
    }


def test_a_change_by_another_program_is_still_refused_and_nothing_is_lost(
    tmp_path: Path,
) -> None:
    path = tmp_path / "roster.json"
    _roster(path, 5)
    with Store(path, clock=lambda: FIXED_NOW) as store:
        ann = store.people()[0]
        store.save_person(ann.updated(title="Director"))
        theirs = path.read_bytes().replace(b"Director", b"Manager ")
        path.write_bytes(theirs)
        with pytest.raises(FileChangedError):
            store.save_person(ann.updated(title="Chair"))
        assert path.read_bytes() == theirs
        assert store.person(ann.id).title == "Director"  # the refused change is not kept


def test_a_save_at_2000_people_encodes_the_change_not_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "roster.json"
    _roster(path, 2000)
    encoded: list[object] = []
    real_encode = encoded_module.encode_json

    def counting(value: object) -> bytes:
        encoded.append(value)
        return real_encode(value)

    monkeypatch.setattr(encoded_module, "encode_json", counting)
    with Store(path, clock=lambda: FIXED_NOW) as store:
        person = store.people()[1000]
        store.save_person(person.updated(title="Warm up"))  # the first edit encodes the table
        for i in range(3):
            encoded.clear()
            store.save_person(person.updated(title=f"Title {i}"))
            assert json.loads(path.read_bytes())["people"][str(person.id)]["title"] == f"Title {i}"
            # the person's id and document, and the names of the file's tables: not the
            # 2,000 people (about 100 kB)
            assert sum(len(real_encode(value)) for value in encoded) < 1000


def test_a_damaged_record_is_still_refused_on_open(tmp_path: Path) -> None:
    path = tmp_path / "roster.json"
    _roster(path, 3)
    data = json.loads(path.read_bytes())
    data["people"]["2"]["name"] = "Ann\x07Lee"
    path.write_bytes(_compact(data))
    with pytest.raises(UnreadableFileError, match="record 2 of people is not valid"):
        Store(path, read_only=True)


def test_edits_across_many_blocks_keep_the_file_equal_to_its_json(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(encoded_module, "BLOCK", 3)
    data: dict[str, dict[str, object]] = {
        "_meta": {"1": {"format": "x"}},
        "people": {str(i): {"name": f"P{i}"} for i in range(1, 11)},
    }
    encoded = EncodedFile(data)
    encoded.put("people", "5", {"name": "Five, renamed"})
    for key in ("1", "2", "3"):  # a whole block emptied
        encoded.put("people", key, None)
    encoded.put("people", "11", {"name": "Eleven"})
    encoded.put("people", "2", {"name": "Two is back, last"})
    assert encoded.encode() == _compact(data)
    assert list(json.loads(encoded.encode())["people"]) == [
        "4", "5", "6", "7", "8", "9", "10", "11", "2"
    ]  # fmt: skip
    for key in list(data["people"]):
        encoded.put("people", key, None)
    assert json.loads(encoded.encode())["people"] == {}
    assert encoded.encode() == _compact(data)
