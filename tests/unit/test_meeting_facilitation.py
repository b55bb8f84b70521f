"""The meeting's logic for a room of 50: typed dot tallies, one person's dots in one
entry, arrived of expected, team leads at the close, corrections once closed."""

from __future__ import annotations

import pytest

from nextgen_tui.errors import MeetingError
from nextgen_tui.meeting.arrivals import Arrivals, expected_count, shown
from nextgen_tui.meeting.capture import add_area, add_commitment, add_opportunity, vote
from nextgen_tui.meeting.checkin import check_in, invitees
from nextgen_tui.meeting.close import close_meeting, default_lead
from nextgen_tui.meeting.corrections import add_to_team, formed_teams, rename_item
from nextgen_tui.meeting.counters import counters
from nextgen_tui.meeting.dots import parse_area_numbers, parse_tally, place_dots, set_tally
from nextgen_tui.models import (
    InvitationStatus,
    LeaderDetails,
    OrgKind,
    Partnership,
    Person,
    RoleKind,
)
from nextgen_tui.store.repository import Store
from tests.conftest import FIXED_NOW
from tests.support import factories as f


def room(store: Store) -> tuple[Partnership, list[Person], Person, Person]:
    """Four industry leaders (one declined), a committed champion and a college dean."""
    p = f.partnership(store)
    leaders = f.companies_with_leaders(store, p, 4)
    (role,) = store.roles(partnership_id=p.id, person_id=leaders[3].id)
    store.save_role(role.updated(leader=LeaderDetails(invitation=InvitationStatus.DECLINED)))
    champ = f.person(store, "Carla Champion", f.org(store, "Champion Works"))
    f.champion(store, p, champ)
    dean = f.person(store, "Dana Dean", f.org(store, "Valley College", OrgKind.COMMUNITY_COLLEGE))
    store.assign(p.id, dean.id, RoleKind.CORE_TEAM)
    return p, leaders, champ, dean


def test_a_typed_tally_sets_adds_or_takes_back_anonymous_dots(store: Store) -> None:
    p, leaders, _, _ = room(store)
    area = add_area(store, p.id, "Skills")
    vote(store, p.id, area.id, leaders[0].id)
    assert parse_tally("17", 3) == 17
    assert parse_tally(" +5 ", 17) == 22
    assert parse_tally("-2", 17) == 15
    for bad, why in [("lots", "number of anonymous dots"), ("-5", "only 3"), ("1700", "999")]:
        with pytest.raises(MeetingError, match=why):
            parse_tally(bad, 3)
    set_tally(store, p.id, area.id, 17)
    (saved,) = store.launch(p.id).action_areas
    assert saved.votes == {leaders[0].id: 1, 0: 17} and saved.vote_count == 18
    assert store.undo_label == "Count 17 anonymous dots on Skills"  # one step for 17 dots
    set_tally(store, p.id, area.id, 0)
    assert store.launch(p.id).action_areas[0].votes == {leaders[0].id: 1}


def test_one_entry_places_all_of_a_persons_dots(store: Store) -> None:
    p, leaders, _, dean = room(store)
    skills, supply, housing = (add_area(store, p.id, t) for t in ("Skills", "Supply", "Housing"))
    meeting = store.launch(p.id)
    assert parse_area_numbers("1 1, 3", meeting) == [skills.id, skills.id, housing.id]
    for bad, why in [("", "Type the numbers"), ("1 x", "'x' is not"), ("4", "no area 4")]:
        with pytest.raises(MeetingError, match=why):
            parse_area_numbers(bad, meeting)
    ann = leaders[0].id
    place_dots(store, p.id, ann, [skills.id, skills.id, housing.id])
    votes = {a.title: a.votes for a in store.launch(p.id).action_areas}
    assert votes == {"Skills": {ann: 2}, "Supply": {}, "Housing": {ann: 1}}
    assert store.undo_label == f"3 dots for {leaders[0].name}"
    # typed again, the entry replaces their dots (a correction is one more entry)
    place_dots(store, p.id, ann, [supply.id])
    votes = {a.title: a.votes for a in store.launch(p.id).action_areas}
    assert votes == {"Skills": {}, "Supply": {ann: 1}, "Housing": {}}
    with pytest.raises(MeetingError, match="has 3 dots, not 4"):
        place_dots(store, p.id, ann, [skills.id] * 4)
    assert store.launch(p.id).action_areas[1].votes == {ann: 1}  # nothing changed
    with pytest.raises(MeetingError, match="Dana Dean is a public partner"):
        place_dots(store, p.id, dean.id, [skills.id])
    assert all(dean.id not in a.votes for a in store.launch(p.id).action_areas)


def test_arrived_of_expected_and_the_present_filter(store: Store) -> None:
    p, leaders, champ, dean = room(store)
    for who in (leaders[0], leaders[3], dean):  # leaders[3] declined but came anyway
        check_in(store, p.id, who.id, FIXED_NOW)
    snapshot = store.snapshot(p.id)
    people = invitees(snapshot)
    arrived = {leaders[0].id, leaders[3].id, dean.id}
    assert expected_count(people, arrived) == 6  # everyone on the list came or is coming
    assert expected_count(people, set()) == 5  # before: the one who declined is not expected
    count = counters(snapshot)
    assert (count.present, count.expected) == (3, 6)
    names = {which: [i.name for i in shown(people, arrived, which)] for which in Arrivals}
    assert set(names[Arrivals.PRESENT]) == {leaders[0].name, leaders[3].name, dean.name}
    assert set(names[Arrivals.NOT_YET]) == {leaders[1].name, leaders[2].name, champ.name}
    assert len(names[Arrivals.EVERYONE]) == 6
    assert Arrivals.EVERYONE.following() is Arrivals.NOT_YET
    assert Arrivals.PRESENT.following() is Arrivals.EVERYONE


def _team_roles(store: Store, p: Partnership, team_name: str) -> dict[int, RoleKind]:
    (team,) = (t for t in store.teams(p.id) if t.name == team_name)
    return {r.person_id: r.role for r in store.roles(partnership_id=p.id) if r.team_id == team.id}


def test_each_team_gets_a_lead_at_the_close(store: Store) -> None:
    p, leaders, champ, dean = room(store)
    ann, bob, cal = (who.id for who in leaders[:3])
    skills, supply, housing = (add_area(store, p.id, t) for t in ("Skills", "Supply", "Housing"))
    for who, area in [
        (dean.id, skills), (ann, skills), (champ.id, skills), (dean.id, supply), (bob, supply),
        (cal, supply), (dean.id, housing),
    ]:  # fmt: skip
        add_commitment(store, p.id, who, area.id)
    snapshot = store.snapshot(p.id)
    # the committed champion first, else the first industry member, else nobody yet
    assert default_lead(snapshot, skills.id) == champ.id
    assert default_lead(snapshot, supply.id) == bob
    assert default_lead(snapshot, housing.id) is None
    with pytest.raises(MeetingError, match="did not commit to 'Supply'"):
        close_meeting(store, p.id, [supply.id], FIXED_NOW.date(), leads={supply.id: champ.id})
    assert not store.launch(p.id).held  # nothing saved
    ids = [skills.id, supply.id, housing.id]
    close_meeting(store, p.id, ids, FIXED_NOW.date(), leads={supply.id: cal})
    lead, member = RoleKind.ACTION_TEAM_LEAD, RoleKind.ACTION_TEAM_MEMBER
    assert _team_roles(store, p, "Skills") == {dean.id: member, ann: member, champ.id: lead}
    assert _team_roles(store, p, "Supply") == {dean.id: member, bob: member, cal: lead}
    assert _team_roles(store, p, "Housing") == {dean.id: member}
    assert store.undo_label == "Close the launch meeting"  # one step for all of it


def test_a_closed_meeting_is_corrected(store: Store) -> None:
    p, leaders, _, dean = room(store)
    idea = add_opportunity(store, p.id, "Robtos")
    skills = add_area(store, p.id, "Skils")
    add_commitment(store, p.id, leaders[0].id, skills.id)
    with pytest.raises(MeetingError, match="not closed yet"):
        rename_item(store, p.id, idea.id, "Robots")
    close_meeting(store, p.id, [skills.id], FIXED_NOW.date())
    assert rename_item(store, p.id, idea.id, "  Robots ") == "Robots"
    assert rename_item(store, p.id, skills.id, "Skills") == "Skills"
    meeting = store.launch(p.id)
    assert ([o.text for o in meeting.opportunities], meeting.action_areas[0].title) == (
        ["Robots"],
        "Skills",
    )
    (team,) = formed_teams(store, p.id)
    assert team.name == "Skills"  # the team named after the area follows it
    store.undo()
    assert store.team(team.id).name == "Skils"  # one undo step: area and team together
    assert store.launch(p.id).action_areas[0].title == "Skils"

    add_to_team(store, p.id, team.id, dean.id, "courses")
    assert _team_roles(store, p, "Skils")[dean.id] is RoleKind.ACTION_TEAM_MEMBER
    added = store.launch(p.id).commitments[-1]
    assert (added.person_id, added.area_id, added.note) == (dean.id, skills.id, "courses")
    with pytest.raises(MeetingError, match="already on Skils"):
        add_to_team(store, p.id, team.id, dean.id)
    store.undo()
    assert dean.id not in _team_roles(store, p, "Skils")
    assert [c.person_id for c in store.launch(p.id).commitments] == [leaders[0].id]
