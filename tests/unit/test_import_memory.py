"""A large import holds little at once: records are built and saved in chunks, a bulk save
keeps documents rather than models, and the roster's cells are not kept twice. What a user
sees is the same: every person, organization and role saved, in one write and one undo step.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nextgen_tui.models import Organization, OrgKind, Person, RoleKind
from nextgen_tui.store import encoded, schema, tables
from nextgen_tui.store.repository import Store
from nextgen_tui.transfer import apply as apply_module
from nextgen_tui.transfer.apply import apply
from nextgen_tui.transfer.plan import build_plan
from nextgen_tui.transfer.spreadsheet import RawTable, load_table, read_roster, rows_of


def _roster(path: Path, rows: int) -> Path:
    lines = ["Name,Organization,Org kind,Title,Roles,Champion status,Outreach owner"]
    for i in range(rows):
        role = "champion" if i % 3 == 0 else "core_team"
        status = "committed" if role == "champion" else ""
        owner = "Person 1" if role == "champion" else ""
        lines.append(f"Person {i},Org {i // 2},company,Director,{role},{status},{owner}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_an_import_in_many_chunks_saves_everyone_in_one_write_and_one_undo_step(
    store: Store, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(apply_module, "CHUNK", 4)  # 25 people: seven chunks of people
    monkeypatch.setattr(tables, "BULK", 3)  # chunks are bulk saves (documents, not models)
    store.save_organization(Organization(name="Org 0", kind=OrgKind.COMPANY))
    store.save_person(Person(name="Already Here"))
    before = db_path.read_bytes()
    table = read_roster(_roster(tmp_path / "r.csv", 25))
    plan = build_plan(store, table.rows, partnership="Health", source="r.csv")
    result = apply(store, plan)
    assert (result.people_created, result.organizations_created) == (25, 12)
    assert result.roles_added == 25
    people = {p.name: p for p in store.people()}
    assert len(people) == 26
    orgs: dict[int | None, str] = {o.id: o.name for o in store.organizations()}
    assert orgs[people["Person 24"].organization_id] == "Org 12"
    roles = store.roles(partnership_id=result.partnership_id)
    by_person = {r.person_id: r for r in roles}
    champion = by_person[people["Person 3"].id]
    assert champion.role is RoleKind.CHAMPION and champion.champion is not None
    assert champion.champion.outreach_owner_id == people["Person 1"].id  # someone in the file
    on_disk = db_path.read_bytes()
    assert on_disk == json.dumps(
        json.loads(on_disk), ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")
    with Store(db_path, read_only=True) as again:
        assert len(again.people()) == 26 and len(again.roles()) == 25
    store.undo()  # the whole import is one step
    assert db_path.read_bytes() == before
    assert [p.name for p in store.people()] == ["Already Here"]


def test_a_bulk_save_then_single_edits_keep_the_file_exact(
    store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tables, "BULK", 2)
    saved = store.save_many([Person(name=f"P{i}") for i in range(5)])
    assert [p.id for p in saved] == [1, 2, 3, 4, 5]
    renamed = store.save_person(store.person(3).updated(name="Ann [/] Lee"))
    added = store.save_person(Person(name="After"))
    assert added.id == 6
    names = {p.id: p.name for p in store.people()}
    assert names == {1: "P0", 2: "P1", 3: "Ann [/] Lee", 4: "P3", 5: "P4", 6: "After"}
    data = json.loads(db_path.read_bytes())
    assert data["people"][str(renamed.id)]["name"] == "Ann [/] Lee"
    assert db_path.read_bytes() == json.dumps(
        data, ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")
    store.undo()
    store.undo()
    store.undo()
    assert store.people() == []


def test_reading_a_roster_empties_its_cells_and_shares_repeated_values() -> None:
    raw = RawTable(
        "r.csv",
        ["Name", "Organization", "Title"],
        [(2, ["Ann", "Acme", "Director"]), (3, ["Ben  Lee", "Acme", "Director"])],
    )
    mapping = {"name": 0, "organization": 1, "title": 2}
    kept = rows_of(raw, mapping)
    assert len(raw.rows) == 2  # the wizard's table keeps its cells for a new mapping
    rows = rows_of(raw, mapping, consume=True)
    assert raw.rows == []
    assert [(r.number, r.values) for r in rows] == [(r.number, r.values) for r in kept]
    assert rows[1].get("name") == "Ben Lee"
    assert rows[0].get("title") is rows[1].get("title")


def test_a_table_encoded_in_slices_is_the_json_of_its_data(
    store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(encoded, "SLICE", 2)
    monkeypatch.setattr(tables, "BULK", 2)
    store.save_many([Person(name=f'Zoë {i} "q" \\ [b]') for i in range(7)])
    store.save_organization(Organization(name="Acme", kind=OrgKind.COMPANY))
    on_disk = db_path.read_bytes()
    data = json.loads(on_disk)
    assert len(data["people"]) == 7
    assert on_disk == json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def test_a_bulk_import_undone_and_redone_is_back_whole(
    store: Store, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(apply_module, "CHUNK", 4)
    monkeypatch.setattr(tables, "BULK", 3)
    table = read_roster(_roster(tmp_path / "r.csv", 10))
    apply(store, build_plan(store, table.rows, partnership="Health", source="r.csv"))
    imported = db_path.read_bytes()
    store.undo()
    assert store.people() == []
    store.redo()
    assert db_path.read_bytes() == imported
    assert sorted(p.name for p in store.people()) == sorted(f"Person {i}" for i in range(10))
    assert len(store.roles()) == 10


def test_a_bulk_save_of_records_with_ids_reads_the_table_once_and_undoes_exactly(
    store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Updates in bulk (records that have ids, as an import's updates): each record is
    told new or existing from the stored documents, not by parsing the whole table again
    (which made a bulk save of 10,000 such records take hours)."""
    monkeypatch.setattr(tables, "BULK", 3)
    people = store.save_many([Person(name=f"P{i}", title="old") for i in range(20)])
    before = db_path.read_bytes()
    parsed: list[str] = []
    parse_table = schema.parse_table

    def counted(path: Path, table: str, docs: object) -> object:
        parsed.append(table)
        return parse_table(path, table, docs)

    monkeypatch.setattr(tables, "parse_table", counted)
    updated = [p.updated(title="new") for p in people] + [Person(name="Newcomer")]
    saved = store.save_many(updated, "Update everyone")
    assert parsed.count("people") <= 1, "the people table is parsed once, not per record"
    assert saved[-1].id == people[-1].id + 1, "a new record gets the next id"
    assert {p.title for p in store.people() if p.name != "Newcomer"} == {"new"}
    assert store.undo() == "Update everyone"
    assert db_path.read_bytes() == before, "undo puts back every document as it was"


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_a_csv_read_a_record_at_a_time_gives_the_rows_of_the_whole_table(
    tmp_path: Path, newline: str
) -> None:
    lines = [
        "Valley roster;;",
        "   ;;",
        "",
        "Name;Organization;Notes",
        'Ann  Lee;Acme;"two' + newline + 'lines"',
        ";;",
        "Bo Ode;Newco;",
        "  ;  ;  ",
        "Cy;Acme;last, no newline",
    ]
    path = tmp_path / "roster.csv"
    path.write_bytes(newline.join(lines).encode("utf-8"))
    streamed = read_roster(path)
    whole = load_table(path)
    assert streamed.headers == whole.headers == ["Name", "Organization", "Notes"]
    assert streamed.rows == rows_of(whole)
    assert [(r.number, r.get("name"), r.get("organization")) for r in streamed.rows] == [
        (5, "Ann Lee", "Acme"),
        (7, "Bo Ode", "Newco"),
        (9, "Cy", "Acme"),
    ]
