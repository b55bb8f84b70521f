"""Changes of several records saved by one form: all or nothing, one undo step each."""

from __future__ import annotations

import pytest

from nextgen_tui.edits.launch import save_launch_details
from nextgen_tui.edits.people import save_person_with_org
from nextgen_tui.edits.teams import save_team_with_members
from nextgen_tui.errors import MeetingError, NotFoundError
from nextgen_tui.meeting.capture import add_area, vote
from nextgen_tui.meeting.settings import change_settings
from nextgen_tui.models import (
    ActionTeam,
    MeetingPhase,
    Organization,
    OrgKind,
    Person,
    RoleKind,
)
from nextgen_tui.store.repository import Store
from tests.support import factories as f


def _current(store: Store, pid: int, kind: RoleKind) -> list[tuple[int, int | None]]:
    return sorted(
        (r.person_id, r.team_id)
        for r in store.roles(partnership_id=pid)
        if r.role is kind and r.end is None
    )


# --------------------------------------------------------------------------- people


def test_a_person_and_their_new_organization_are_one_change(store: Store) -> None:
    person = Person(name="Bob [/]")
    org = Organization(name="Acme Tools", kind=OrgKind.COMMUNITY_COLLEGE)
    saved = save_person_with_org(store, person, org)
    [acme] = store.organizations()
    assert (acme.name, acme.kind) == ("Acme Tools", OrgKind.COMMUNITY_COLLEGE)
    assert store.person(saved.id).organization_id == acme.id
    assert store.undo() == "Add person Bob [/]"
    assert store.people() == [] and store.organizations() == []


# --------------------------------------------------------------------------- launch


def test_a_new_facilitator_replaces_the_old_one_with_the_details(store: Store) -> None:
    p = f.partnership(store)
    old, new = f.person(store, "Old Facilitator"), f.person(store, "New Facilitator")
    store.assign(p.id, old.id, RoleKind.FACILITATOR)
    meeting = store.launch(p.id).updated(place="Union Hall")
    save_launch_details(store, meeting, new.id)
    assert store.launch(p.id).place == "Union Hall"
    assert _current(store, p.id, RoleKind.FACILITATOR) == [(new.id, None)]
    assert store.undo() == "Edit launch meeting"
    assert store.launch(p.id).place == ""
    assert _current(store, p.id, RoleKind.FACILITATOR) == [(old.id, None)]


def test_launch_details_without_a_facilitator_keep_the_roles(store: Store) -> None:
    p = f.partnership(store)
    old = f.person(store, "Old Facilitator")
    store.assign(p.id, old.id, RoleKind.FACILITATOR)
    save_launch_details(store, store.launch(p.id).updated(place="Union Hall"))
    assert _current(store, p.id, RoleKind.FACILITATOR) == [(old.id, None)]


def test_an_unknown_facilitator_saves_nothing(store: Store) -> None:
    p = f.partnership(store)
    with pytest.raises(NotFoundError):
        save_launch_details(store, store.launch(p.id).updated(place="Union Hall"), 404)
    assert store.launch(p.id).place == ""


# --------------------------------------------------------------------------- teams


def test_forming_a_team_with_members_and_a_lead_is_one_change(store: Store) -> None:
    p = f.partnership(store)
    ann, bo = f.person(store, "Ann"), f.person(store, "Bo")
    team = ActionTeam(partnership_id=p.id, name="Welding pipeline")
    saved = save_team_with_members(store, team, {ann.id: True, bo.id: False})
    assert _current(store, p.id, RoleKind.ACTION_TEAM_LEAD) == [(ann.id, saved.id)]
    assert _current(store, p.id, RoleKind.ACTION_TEAM_MEMBER) == [(bo.id, saved.id)]
    assert store.undo() == "Form action team Welding pipeline"
    assert store.teams(p.id) == [] and store.roles(partnership_id=p.id) == []


def test_editing_members_ends_the_roles_that_change(store: Store) -> None:
    p = f.partnership(store)
    ann, bo, cy = (f.person(store, name) for name in ("Ann", "Bo", "Cy"))
    team = save_team_with_members(
        store, ActionTeam(partnership_id=p.id, name="Pipeline"), {ann.id: True, bo.id: False}
    )
    # Ann stays and stops leading, Bo leaves, Cy joins as lead
    save_team_with_members(
        store, team.updated(next_step="Call the colleges"), {ann.id: False, cy.id: True}
    )
    assert store.team(team.id).next_step == "Call the colleges"
    assert _current(store, p.id, RoleKind.ACTION_TEAM_LEAD) == [(cy.id, team.id)]
    assert _current(store, p.id, RoleKind.ACTION_TEAM_MEMBER) == [(ann.id, team.id)]
    ended = [r for r in store.roles(partnership_id=p.id, current_only=False) if r.end is not None]
    assert sorted((r.person_id, r.role) for r in ended) == sorted(
        [(ann.id, RoleKind.ACTION_TEAM_LEAD), (bo.id, RoleKind.ACTION_TEAM_MEMBER)]
    )
    assert store.undo() == "Edit action team Pipeline"
    assert _current(store, p.id, RoleKind.ACTION_TEAM_LEAD) == [(ann.id, team.id)]
    assert _current(store, p.id, RoleKind.ACTION_TEAM_MEMBER) == [(bo.id, team.id)]


def test_a_team_with_an_unknown_member_is_not_formed(store: Store) -> None:
    p = f.partnership(store)
    with pytest.raises(NotFoundError):
        save_team_with_members(store, ActionTeam(partnership_id=p.id, name="Pipeline"), {404: True})
    assert store.teams(p.id) == []


# --------------------------------------------------------------------------- meeting settings


def test_meeting_settings_change_together(store: Store) -> None:
    p = f.partnership(store)
    change_settings(store, p.id, {MeetingPhase.WELCOME: 12}, 5)
    meeting = store.launch(p.id)
    assert (meeting.phase_minutes[MeetingPhase.WELCOME], meeting.vote_limit) == (12, 5)
    assert store.undo() == "Change the meeting settings"
    assert store.launch(p.id).vote_limit == 3


def test_a_refused_vote_limit_keeps_the_old_times(store: Store) -> None:
    p = f.partnership(store)
    ann = f.person(store, "Ann", f.org(store, "Acme Tools"))  # industry places dots
    area = add_area(store, p.id, "Welding pipeline")
    for _ in range(3):
        vote(store, p.id, area.id, ann.id)
    before = store.launch(p.id).phase_minutes[MeetingPhase.WELCOME]
    with pytest.raises(MeetingError, match="already used more than 1"):
        change_settings(store, p.id, {MeetingPhase.WELCOME: before + 5}, 1)
    assert store.launch(p.id).phase_minutes[MeetingPhase.WELCOME] == before
