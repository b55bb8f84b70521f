"""The store's history: undo, soft delete with restore, transactions as one write and one undo."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from nextgen_tui.errors import InvalidDataError, NotFoundError
from nextgen_tui.models import (
    ActionTeam,
    Convening,
    ConveningKind,
    LaunchMeeting,
    Person,
    RoleKind,
)
from nextgen_tui.store.repository import Store
from tests.conftest import FIXED_NOW
from tests.support.factories import org, partnership, person

TODAY = FIXED_NOW.date()


def reopen(store: Store) -> Store:
    """Close ``store`` and open its file afresh (read-only), so data comes from disk."""
    store.close()
    return Store(store.path, read_only=True)


# ------------------------------------------------------------------ undo


def test_undo_reverts_an_edit_then_an_add(store: Store) -> None:
    ann = person(store, "Ann")
    store.save_person(ann.updated(title="Director"))
    assert store.undo_label == "Edit person Ann"
    assert store.undo() == "Edit person Ann"
    assert store.person(ann.id).title == ""
    assert store.undo() == "Add person Ann"
    assert store.people() == []
    assert store.undo() is None
    again = reopen(store)  # the undo was saved
    assert again.people() == []
    again.close()


def test_adding_after_undoing_an_add_keeps_only_the_new_record(store: Store) -> None:
    person(store, "Ann")
    store.undo()
    bob = person(store, "Bob")
    assert store.people() == [bob]
    again = reopen(store)
    assert again.people(include_deleted=True) == [bob]
    again.close()


def test_undo_after_deleting_a_partnership_brings_back_everything(store: Store) -> None:
    p = partnership(store)
    ann = person(store, "Ann")
    role = store.assign(p.id, ann.id, RoleKind.CORE_TEAM)
    team = store.save_team(ActionTeam(partnership_id=p.id, name="Team"))
    store.save_launch(LaunchMeeting(partnership_id=p.id, place="Hall"))
    store.delete_partnership(p.id)
    assert store.partnerships() == [] and store.roles() == [] and store.teams(p.id) == []
    assert store.undo() == f"Delete partnership {p.name}"
    assert store.partnership(p.id) == p
    assert store.role(role.id) == role
    assert store.team(team.id) == team
    assert store.launch(p.id).place == "Hall"


def test_undo_history_is_bounded(store: Store) -> None:
    ann = person(store, "Ann")
    for i in range(105):
        ann = store.save_person(ann.updated(title=f"T{i}"))
    undone = 0
    while store.undo() is not None:
        undone += 1
    assert undone == 100
    assert store.person(ann.id).title == "T4"


# ------------------------------------------------------------------ soft delete


def test_deleting_a_person_ends_their_roles_and_keeps_history(store: Store) -> None:
    p = partnership(store)
    ann = person(store, "Ann")
    champ = store.assign(p.id, ann.id, RoleKind.CHAMPION, start=date(2026, 1, 1))
    old = store.end_role(
        store.assign(p.id, ann.id, RoleKind.CORE_TEAM, start=date(2025, 1, 1)).id,
        on=date(2025, 6, 1),
    )
    store.delete_person(ann.id)
    assert store.people() == []
    assert store.person(ann.id).deleted  # still there, marked
    assert store.roles(partnership_id=p.id) == []  # no current roles
    history = {r.id: r for r in store.roles(partnership_id=p.id, current_only=False)}
    assert history[champ.id].end == TODAY
    assert history[old.id].end == date(2025, 6, 1)  # an ended role keeps its own end
    assert history[champ.id].champion == champ.champion
    # undo brings the person and the role back, as one step
    assert store.undo() == "Delete person Ann"
    assert store.person(ann.id).deleted is False
    assert store.role(champ.id).end is None


def test_a_deleted_person_can_be_restored_with_roles_kept_as_history(store: Store) -> None:
    p = partnership(store)
    ann = person(store, "Ann")
    role = store.assign(p.id, ann.id, RoleKind.CORE_TEAM)
    store.delete_person(ann.id)
    restored = store.restore_person(ann.id)
    assert not restored.deleted and store.people() == [restored]
    assert store.role(role.id).end == TODAY


def test_a_role_starting_in_the_future_ends_on_its_start(store: Store) -> None:
    p = partnership(store)
    ann = person(store, "Ann")
    role = store.assign(p.id, ann.id, RoleKind.CORE_TEAM, start=date(2026, 9, 1))
    store.delete_person(ann.id)
    assert store.role(role.id).end == date(2026, 9, 1)


def test_deleting_an_organization_deletes_its_people_and_ends_their_roles(store: Store) -> None:
    p = partnership(store)
    acme = org(store, "Acme")
    other = org(store, "Other")
    ann = person(store, "Ann", acme)
    bob = person(store, "Bob", other)
    store.assign(p.id, ann.id, RoleKind.INDUSTRY_LEADER)
    bob_role = store.assign(p.id, bob.id, RoleKind.INDUSTRY_LEADER)
    store.delete_organization(acme.id)
    assert store.organizations() == [other]
    assert store.people() == [bob]
    assert store.roles(partnership_id=p.id) == [bob_role]
    assert len(store.roles(partnership_id=p.id, current_only=False)) == 2
    again = reopen(store)
    assert again.organization(acme.id).deleted and again.person(ann.id).deleted
    again.close()


def test_undo_after_deleting_an_organization_restores_people_and_roles(db_path: Path) -> None:
    store = Store(db_path, clock=lambda: FIXED_NOW)
    p = partnership(store)
    acme = org(store, "Acme")
    ann = person(store, "Ann", acme)
    role = store.assign(p.id, ann.id, RoleKind.CHAMPION)
    store.delete_organization(acme.id)
    assert store.undo() == "Delete organization Acme"
    assert store.organizations() == [acme] and store.people() == [ann]
    assert store.role(role.id) == role
    again = reopen(store)
    assert again.role(role.id).end is None and not again.person(ann.id).deleted
    again.close()


def test_restore_organization(store: Store) -> None:
    acme = org(store, "Acme")
    store.delete_organization(acme.id)
    assert store.organization_by_name("Acme") is None
    assert store.restore_organization(acme.id) == acme
    assert store.organizations() == [acme]


def test_delete_team_removes_its_roles_and_meetings_undoably(store: Store) -> None:
    p = partnership(store)
    ann = person(store, "Ann")
    team = store.save_team(ActionTeam(partnership_id=p.id, name="T"))
    role = store.assign(p.id, ann.id, RoleKind.ACTION_TEAM_LEAD, team_id=team.id)
    meeting = store.save_convening(
        Convening(partnership_id=p.id, on=TODAY, kind=ConveningKind.ACTION_TEAM, team_id=team.id)
    )
    store.delete_team(team.id)
    assert store.teams(p.id) == [] and store.roles() == [] and store.convenings(p.id) == []
    store.undo()
    assert store.role(role.id) == role and store.convening(meeting.id) == meeting


def test_a_missing_record_is_a_plain_not_found(store: Store) -> None:
    with pytest.raises(NotFoundError, match="no longer exists"):
        store.person(42)


# ------------------------------------------------------------------ transactions


def test_a_transaction_is_one_write_and_one_undo_step(store: Store) -> None:
    p = partnership(store)
    with store.transaction("Set up team"):
        ann = person(store, "Ann")
        bob = person(store, "Bob")
        store.assign(p.id, ann.id, RoleKind.CORE_TEAM)
        store.assign(p.id, bob.id, RoleKind.CORE_TEAM)
    assert store.undo_label == "Set up team"
    store.undo()
    assert store.people() == [] and store.roles() == []
    assert store.undo_label == f"Add partnership {p.name}"


def test_a_failed_transaction_changes_nothing_in_memory_or_on_disk(
    store: Store, db_path: Path
) -> None:
    p = partnership(store)
    before = db_path.read_bytes()
    with pytest.raises(RuntimeError), store.transaction("Half done"):
        ann = person(store, "Ann")
        store.assign(p.id, ann.id, RoleKind.CORE_TEAM)
        raise RuntimeError("boom")
    assert db_path.read_bytes() == before
    assert store.people() == [] and store.roles() == []
    assert store.undo_label == f"Add partnership {p.name}"
    # the store still works after the failure, with fresh ids
    bob = person(store, "Bob")
    assert store.person(bob.id) == bob
    again = reopen(store)
    assert [x.name for x in again.people()] == ["Bob"]
    again.close()


def test_an_invalid_change_is_refused_in_plain_english(store: Store) -> None:
    p = partnership(store)
    ann = person(store, "Ann")
    role = store.assign(p.id, ann.id, RoleKind.CORE_TEAM, start=date(2026, 5, 1))
    with pytest.raises(InvalidDataError, match="End date must not be before the start date"):
        store.end_role(role.id, on=date(2026, 4, 1))
    assert store.role(role.id).end is None


def test_save_many_is_one_write_and_one_undo_step(store: Store) -> None:
    acme = org(store, "Acme")
    saved = store.save_many(
        [Person(name=f"P{i}", organization_id=acme.id) for i in range(50)], "Import"
    )
    assert len({p.id for p in saved}) == 50
    extra = person(store, "After import")  # TinyDB's id counter sees the imported records
    assert extra.id not in {p.id for p in saved}
    store.undo()
    store.undo()
    assert store.people() == []
