"""Undo and redo in the store (``nextgen_tui.store.history``): stacks, the file, summaries."""

from __future__ import annotations

from pathlib import Path

from nextgen_tui.models import RoleKind
from nextgen_tui.store.history import DocStates
from nextgen_tui.store.repository import Store
from nextgen_tui.transfer.apply import apply
from nextgen_tui.transfer.plan import build_plan
from nextgen_tui.transfer.spreadsheet import read_roster
from tests.support import factories as f


def _on_disk(store: Store) -> list[str]:
    """The people's names as the file holds them (read afresh, read-only)."""
    with Store(store.path, read_only=True) as fresh:
        return [p.name for p in fresh.people()]


def test_redo_puts_back_an_undone_edit_and_add_in_order(store: Store) -> None:
    ann = f.person(store, "Ann")
    store.save_person(ann.updated(title="Director"))
    assert store.redo_label is None
    assert store.undo() == "Edit person Ann"
    assert store.undo() == "Add person Ann"
    assert store.people() == [] and _on_disk(store) == []
    assert store.redo_label == "Add person Ann"
    assert store.redo() == "Add person Ann"
    assert [p.name for p in store.people()] == ["Ann"] and store.person(ann.id).title == ""
    assert store.redo() == "Edit person Ann"
    assert store.person(ann.id).title == "Director"
    assert _on_disk(store) == ["Ann"]
    assert store.redo() is None
    assert store.undo_label == "Edit person Ann"  # redone steps can be undone again


def test_a_new_change_forgets_what_was_undone(store: Store) -> None:
    f.person(store, "Ann")
    store.undo()
    f.person(store, "Bob")
    assert store.redo_label is None and store.redo() is None
    assert [p.name for p in store.people()] == ["Bob"]


def test_an_import_undone_then_redone_is_back_whole(store: Store, tmp_path: Path) -> None:
    partnership = f.partnership(store)
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "Name,Company,Roles\nAnn Able,Acme,core_team\nBen Best,Newco,champion\n", "utf-8"
    )
    table = read_roster(roster)
    apply(store, build_plan(store, table.rows, source="roster.csv", partnership=partnership.name))
    imported = (store.people(), store.organizations(), store.roles())
    assert store.undo() == "Import roster.csv"
    assert store.people() == [] and store.roles() == [] and store.organizations() == []
    _done, undone = store.history.steps()
    assert [s.label for s in undone] == ["Import roster.csv"]
    assert undone[0].summary() == "added 2 organizations, 2 people and 2 roles"
    assert store.redo() == "Import roster.csv"
    assert (store.people(), store.organizations(), store.roles()) == imported
    assert sorted(_on_disk(store)) == ["Ann Able", "Ben Best"]
    roles = {r.role for r in store.roles()}
    assert roles == {RoleKind.CORE_TEAM, RoleKind.CHAMPION}
    # a new record after the redo gets a fresh id, not one of the redone ones
    cy = f.person(store, "Cy")
    assert cy.id not in {p.id for p in imported[0]}


def test_each_step_says_what_it_changed(store: Store) -> None:
    ann = f.person(store, "Ann")
    store.save_person(ann.updated(title="Director"))
    store.delete_person(ann.id)
    done, undone = store.history.steps()
    assert [s.label for s in done] == ["Delete person Ann", "Edit person Ann", "Add person Ann"]
    assert [s.summary() for s in done] == ["changed 1 person", "changed 1 person", "added 1 person"]
    assert undone == []


def test_reloading_the_file_clears_undo_and_redo(store: Store) -> None:
    f.person(store, "Ann")
    f.person(store, "Bob")
    store.undo()
    store.reload()
    assert store.undo_label is None and store.redo_label is None


def test_a_record_added_then_changed_in_one_step_is_added_once(store: Store) -> None:
    org = f.org(store, "Acme")
    with store.transaction("Add and fix"):
        ann = f.person(store, "Ann", org)
        store.save_person(ann.updated(title="Chair"))
        bob = f.person(store, "Bob", org)
        store.save_organization(org.updated(name="Acme Tools"))
        store.save_person(store.person(bob.id).updated(title="Clerk"))
    done, _undone = store.history.steps()
    assert done[0].summary() == "added 2 people; changed 1 organization"
    store.undo()
    assert store.people() == [] and store.organization(org.id).name == "Acme"
    store.redo()
    assert [(p.name, p.title) for p in store.people()] == [("Ann", "Chair"), ("Bob", "Clerk")]
    assert _on_disk(store) == ["Ann", "Bob"]
    assert store.organization(org.id).name == "Acme Tools"


def test_a_step_keeps_ids_beyond_64_bits() -> None:
    huge = 2**70
    states = DocStates([("people", 3, None), ("people", huge, {"name": "Ann"})])
    states.add("teams", 1, None)
    assert list(states) == [
        ("people", 3, None),
        ("people", huge, {"name": "Ann"}),
        ("teams", 1, None),
    ]
    assert list(reversed(states)) == [*reversed(list(states))]
