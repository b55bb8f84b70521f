"""Who's at the table: roster groups per stage, counted like the gap rules count."""

from __future__ import annotations

from datetime import date

import pytest

from nextgen_tui.lifecycle.rosters import RosterGroup, all_groups, find_group, groups_for
from nextgen_tui.models import ChampionStatus, InvitationStatus, OrgKind, RoleKind, Stage
from tests.support.gap_builder import Build

ENDED = date(2026, 1, 31)


def _group(b: Build, stage: Stage, key: str) -> RosterGroup:
    [group] = [g for g in groups_for(b.snapshot(), stage) if g.key == key]
    return group


def test_groups_of_each_stage() -> None:
    b = Build.complete()
    keys = {stage: [g.key for g in groups_for(b.snapshot(), stage)] for stage in Stage}
    assert keys == {
        Stage.PREPARE: ["conveners", "champions", "core_team", "convening_team"],
        Stage.LAUNCH: ["leaders", "champions", "delegates", "facilitator"],
        Stage.ACTION: [f"team-{b.action_team.id}", "conveners"],
        Stage.SUSTAIN: ["champions", "leaders", "core_team", "conveners"],
    }
    for stage in Stage:
        for group in groups_for(b.snapshot(), stage):
            assert group.stage is stage and group.status == "ok", group


def test_the_four_stages_computed_at_once_are_each_stage_computed_alone() -> None:
    b = Build.complete()
    b.champion()
    snapshot = b.snapshot()
    assert all_groups(snapshot) == {stage: groups_for(snapshot, stage) for stage in Stage}


@pytest.mark.parametrize(
    ("committed", "status"), [(0, "low"), (1, "low"), (2, "ok"), (6, "ok"), (7, "high")]
)
def test_champions_group_counts_committed_once(committed: int, status: str) -> None:
    b = Build()
    people = [b.champion() for _ in range(committed)]
    if people:
        b.champion(people[0])
    declined = b.champion(status=ChampionStatus.DECLINED)
    b.champion(end=ENDED)
    group = _group(b, Stage.PREPARE, "champions")
    assert group.role is RoleKind.CHAMPION and group.team_id is None
    assert (group.count, group.status, group.target) == (committed, status, "2-6")
    assert group.headline() == f"Champions {committed} of 2-6 committed"
    member_ids = [m.person_id for m in group.members]
    assert sorted(member_ids) == sorted([*people, declined])  # declined shown, ended not
    assert len(member_ids) == len(set(member_ids))


def test_group_status_agrees_with_the_gap_rules() -> None:
    b = Build()
    b.champion()
    b.roles_of(RoleKind.CORE_TEAM, *b.publics(13))
    b.leaders(10)  # with the committed champion's company: 11 of 12
    assert _group(b, Stage.PREPARE, "champions").status == "low"
    assert _group(b, Stage.PREPARE, "core_team").status == "high"
    assert _group(b, Stage.LAUNCH, "leaders").status == "low"
    rules = b.rules()
    assert rules["champions-too-few"] and rules["core-team-size"] and rules["companies-too-few"]


def test_leaders_group_counts_companies() -> None:
    b = Build()
    company = b.org(OrgKind.COMPANY)
    b.leader(b.person(company))
    b.leader(b.person(company))
    b.leaders(11)
    b.leader(invitation=InvitationStatus.DECLINED)
    b.leader(invitation=InvitationStatus.INVITED)
    group = _group(b, Stage.LAUNCH, "leaders")
    assert (group.count, group.count_label, group.status) == (12, "companies", "ok")
    assert group.headline() == "Industry leaders 12 of 12-60 companies"
    assert len(group.members) == 15  # every current leader is listed, one line each


def test_targets_follow_the_partnership_thresholds() -> None:
    b = Build()
    b.thresholds(champions_min=3, champions_max=3, core_team_min=4, support_delegates_max=5)
    assert _group(b, Stage.PREPARE, "champions").target == "3"
    assert _group(b, Stage.PREPARE, "core_team").target == "4-12"
    assert _group(b, Stage.PREPARE, "convening_team").target == "25+"
    assert _group(b, Stage.LAUNCH, "delegates").headline() == "Support team delegates 0 of up to 5"


def test_conveners_group_holds_lead_and_co_conveners_once() -> None:
    b = Build()
    both = b.public_person()
    b.role(both, RoleKind.CONVENER)
    b.role(both, RoleKind.CO_CONVENER)
    b.role(b.public_person(), RoleKind.CO_CONVENER)
    b.role(b.public_person(), RoleKind.CONVENER, end=ENDED)
    group = _group(b, Stage.PREPARE, "conveners")
    assert (group.count, group.status, group.role) == (2, "ok", RoleKind.CONVENER)
    assert _group(Build(), Stage.PREPARE, "conveners").status == "low"


def test_action_team_groups() -> None:
    b = Build.complete()
    quiet = b.team("Quiet")
    lead = b.public_person()
    b.on_team(quiet, lead)
    b.on_team(quiet, lead, lead=True)
    b.team("Closed", closed=date(2026, 5, 1))
    groups = [g for g in groups_for(b.snapshot(), Stage.ACTION) if g.team_id is not None]
    assert [g.label for g in groups] == ["Skills", "Quiet"]
    quiet_group = groups[1]
    assert quiet_group.role is RoleKind.ACTION_TEAM_MEMBER and quiet_group.team_id == quiet.id
    assert [m.role for m in quiet_group.members] == [RoleKind.ACTION_TEAM_LEAD]  # once, as lead
    assert quiet_group.status == "low"  # no industry member
    assert quiet_group.headline() == "Quiet 1"
    skills = groups[0]
    assert skills.count == 13 and skills.status == "ok"


def test_members_are_sorted_by_name() -> None:
    b = Build()
    for name in ("Zoë", "adam", "Bea"):
        b.role(b.person(name=name), RoleKind.CORE_TEAM)
    names = [b.people[m.person_id].name for m in _group(b, Stage.PREPARE, "core_team").members]
    assert names == ["adam", "Bea", "Zoë"]


def test_find_group_prefers_the_viewed_stage_then_the_person() -> None:
    b = Build.complete()
    snapshot = b.snapshot()
    champion = b.champions[0]
    found = find_group(snapshot, Stage.LAUNCH, RoleKind.CHAMPION, champion)
    assert found is not None
    assert (found[0], found[1].key, found[2]) == (Stage.LAUNCH, "champions", champion)
    # the facilitator is only in Launch's roster: found from the Prepare view too
    found = find_group(snapshot, Stage.PREPARE, RoleKind.FACILITATOR, b.facilitator)
    assert found is not None and (found[0], found[2]) == (Stage.LAUNCH, b.facilitator)
    # someone not in the group: the group of the viewed stage, on nobody
    outsider = b.public_person()
    found = find_group(snapshot, Stage.SUSTAIN, RoleKind.CHAMPION, outsider)
    assert found is not None and (found[0], found[1].key, found[2]) == (
        Stage.SUSTAIN,
        "champions",
        None,
    )
    assert find_group(snapshot, Stage.PREPARE, RoleKind.CO_CONVENER) is None  # no group adds one
