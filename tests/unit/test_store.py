"""The store: round trip of every entity through the file (history is in test_store_history)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from nextgen_tui.errors import InvalidDataError, NotFoundError
from nextgen_tui.models import (
    ActionArea,
    ActionTeam,
    ChampionDetails,
    ChampionStatus,
    CheckIn,
    Commitment,
    Convening,
    ConveningKind,
    Debrief,
    InvitationStatus,
    LaunchMeeting,
    LeaderDetails,
    MeetingPhase,
    Opportunity,
    Organization,
    OrgKind,
    Partnership,
    Person,
    RoleKind,
    Stage,
    Thresholds,
    Waiver,
)
from nextgen_tui.store.repository import Store
from tests.conftest import FIXED_NOW
from tests.support.factories import HOSTILE_NAMES, org, partnership, person

TODAY = FIXED_NOW.date()


def reopen(store: Store) -> Store:
    """Close ``store`` and open its file afresh (read-only), so data comes from disk."""
    store.close()
    return Store(store.path, read_only=True)


# ------------------------------------------------------------------ round trips


def test_a_new_file_is_created_with_format_and_version(store: Store, db_path: Path) -> None:
    import json

    data = json.loads(db_path.read_text(encoding="utf-8"))
    assert data["_meta"]["1"]["format"] == "sector-partnership-roster"
    assert data["_meta"]["1"]["schema_version"] == 1
    assert store.partnerships() == [] and store.people() == []


def test_organization_round_trip(store: Store) -> None:
    saved = store.save_organization(
        Organization(
            name="Valley Tool & Die",
            kind=OrgKind.COMPANY,
            industry="Manufacturing",
            region="North Valley",
            notes="Family owned\nsince 1961",
        )
    )
    college = org(store, "North Valley College", OrgKind.COMMUNITY_COLLEGE)
    assert saved.id and college.id and saved.id != college.id
    again = reopen(store)
    assert again.organization(saved.id) == saved
    assert again.organization(college.id).kind is OrgKind.COMMUNITY_COLLEGE
    assert [o.name for o in again.organizations()] == ["North Valley College", "Valley Tool & Die"]
    assert again.organization_by_name("  valley tool & DIE ") == saved
    again.close()


def test_person_round_trip(store: Store) -> None:
    company = org(store, "Acme")
    saved = store.save_person(
        Person(
            name="Ann Lee",
            title="Plant manager",
            organization_id=company.id,
            email="ann@acme.example",
            phone="+1 555 0100",
            notes="Prefers email",
        )
    )
    again = reopen(store)
    assert again.person(saved.id) == saved
    again.close()


def test_a_person_of_an_unknown_organization_is_refused(store: Store) -> None:
    with pytest.raises(NotFoundError):
        store.save_person(Person(name="Ann", organization_id=99))
    assert store.people() == []


def test_partnership_round_trip_with_thresholds_waivers_and_debrief(store: Store) -> None:
    saved = store.save_partnership(
        Partnership(
            name="Healthcare, South County",
            industry="Healthcare",
            region="South County",
            stage=Stage.ACTION,
            thresholds=Thresholds(champions_min=3, champions_max=8, companies_min=10),
            waivers=[
                Waiver(
                    from_stage=Stage.PREPARE,
                    to_stage=Stage.LAUNCH,
                    reason="Board deadline",
                    on=date(2026, 3, 1),
                    blockers=["P1", "P4"],
                )
            ],
            debrief=Debrief(
                on=date(2026, 4, 2), notes="Good turnout.\nFollow up with the college."
            ),
        )
    )
    assert saved.created == TODAY  # the store stamps a new partnership
    again = reopen(store)
    loaded = again.partnership(saved.id)
    assert loaded == saved
    assert loaded.thresholds.champions_min == 3 and loaded.waivers[0].blockers == ["P1", "P4"]
    assert loaded.debrief is not None and loaded.debrief.on == date(2026, 4, 2)
    again.close()


def test_partnership_names_are_unique(store: Store) -> None:
    partnership(store, "Health")
    with pytest.raises(InvalidDataError, match="already exists"):
        partnership(store, " health ")


def test_role_round_trip_with_champion_and_leader_details(store: Store) -> None:
    p = partnership(store)
    company = org(store, "Acme")
    ann = person(store, "Ann", company)
    bob = person(store, "Bob", company)
    champ = store.assign(
        p.id,
        ann.id,
        RoleKind.CHAMPION,
        start=date(2026, 1, 5),
        champion=ChampionDetails(
            status=ChampionStatus.COMMITTED,
            passionate_company=True,
            passionate_industry=True,
            passionate_community=False,
            outreach_owner_id=bob.id,
            signed_invite=True,
            hosts_launch=True,
        ),
    )
    lead = store.assign(
        p.id,
        bob.id,
        RoleKind.INDUSTRY_LEADER,
        leader=LeaderDetails(invitation=InvitationStatus.ACCEPTED, attended=True, introduced=True),
    )
    team = store.save_team(ActionTeam(partnership_id=p.id, name="Talent pipeline"))
    member = store.assign(p.id, bob.id, RoleKind.ACTION_TEAM_MEMBER, team_id=team.id)
    ended = store.end_role(member.id, on=date(2026, 7, 1))
    again = reopen(store)
    assert again.role(champ.id) == champ
    assert again.role(champ.id).champion == champ.champion
    assert again.role(lead.id).leader == LeaderDetails(
        invitation=InvitationStatus.ACCEPTED, attended=True, introduced=True
    )
    assert again.role(member.id) == ended and ended.end == date(2026, 7, 1)
    assert {r.id for r in again.roles(partnership_id=p.id)} == {champ.id, lead.id}
    assert len(again.roles(partnership_id=p.id, current_only=False)) == 3
    again.close()


def test_assigning_a_role_twice_returns_the_existing_assignment(store: Store) -> None:
    p = partnership(store)
    ann = person(store, "Ann")
    first = store.assign(p.id, ann.id, RoleKind.CORE_TEAM)
    assert store.assign(p.id, ann.id, RoleKind.CORE_TEAM) == first
    assert len(store.roles(partnership_id=p.id)) == 1


def test_launch_meeting_round_trip_with_captured_items_and_checkins(store: Store) -> None:
    p = partnership(store)
    host = org(store, "Acme")
    ann = person(store, "Ann", host)
    bob = person(store, "Bob", host)
    meeting = LaunchMeeting(
        partnership_id=p.id,
        on=date(2026, 6, 10),
        place="Acme training room",
        host_org_id=host.id,
        opener_id=ann.id,
        closer_id=bob.id,
        opportunities=[Opportunity(id=1, text="Automation upskilling", person_id=ann.id)],
        action_areas=[ActionArea(id=2, title="Talent pipeline", votes={ann.id: 2, 0: 1})],
        commitments=[Commitment(id=3, person_id=bob.id, area_id=2, note="Will host")],
        priority_area_ids=[2],
        checkins=[CheckIn(person_id=ann.id, at=datetime(2026, 6, 10, 8, 55))],
        phase=MeetingPhase.COMMITMENTS,
        phase_started=datetime(2026, 6, 10, 10, 0),
        started=datetime(2026, 6, 10, 9, 0),
    )
    saved = store.save_launch(meeting)
    # saving a second blank meeting replaces the first rather than adding another
    resaved = store.save_launch(meeting.updated(place="Acme hall"))
    assert resaved.id == saved.id
    again = reopen(store)
    loaded = again.launch(p.id)
    assert loaded == resaved
    assert loaded.action_areas[0].votes == {ann.id: 2, 0: 1}
    assert loaded.action_areas[0].vote_count == 3
    assert loaded.in_progress and loaded.next_item_id() == 4
    again.close()


def test_a_partnership_without_a_launch_gets_an_unsaved_blank_one(store: Store) -> None:
    p = partnership(store)
    blank = store.launch(p.id)
    assert blank.id == 0 and blank.partnership_id == p.id
    assert store.snapshot(p.id).launch is None


def test_action_team_and_convening_round_trip(store: Store) -> None:
    p = partnership(store)
    ann = person(store, "Ann")
    team = store.save_team(
        ActionTeam(
            partnership_id=p.id,
            name="Talent pipeline",
            priority_area_id=2,
            next_step="Survey employers",
            meetings=[date(2026, 6, 20), date(2026, 7, 20)],
        )
    )
    assert team.formed == TODAY
    quarterly = store.save_convening(
        Convening(
            partnership_id=p.id,
            on=date(2026, 9, 1),
            title="Q3",
            attendee_ids=[ann.id],
            notes="Minutes\nattached",
        )
    )
    team_meeting = store.save_convening(
        Convening(
            partnership_id=p.id,
            on=date(2026, 6, 20),
            kind=ConveningKind.ACTION_TEAM,
            team_id=team.id,
        )
    )
    again = reopen(store)
    assert again.team(team.id) == team
    assert again.teams(p.id) == [team]
    assert again.convenings(p.id) == [team_meeting, quarterly]  # by date
    assert again.convening(quarterly.id).attendee_ids == [ann.id]
    again.close()


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_hostile_names_round_trip_unchanged(store: Store, name: str) -> None:
    saved = person(store, name)
    again = reopen(store)
    assert again.person(saved.id).name == name
    again.close()


def test_snapshot_gathers_one_partnership(store: Store) -> None:
    p = partnership(store)
    other = partnership(store, "Other")
    ann = person(store, "Ann")
    store.assign(p.id, ann.id, RoleKind.CORE_TEAM)
    store.assign(other.id, ann.id, RoleKind.CONVENER)
    snap = store.snapshot(p.id)
    assert snap.partnership == p
    assert [r.role for r in snap.roles] == [RoleKind.CORE_TEAM]
    assert ann.id in snap.people
