"""Stage 3 (Action) rules: each fires, does not fire, and is exact at its boundaries."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from nextgen_tui.gaps.catalogue import Severity
from nextgen_tui.models import ActionArea, Commitment, ConveningKind, OrgKind, RoleKind, Stage
from tests.support.gap_builder import TODAY, Build

ENDED = date(2026, 1, 31)


def _days_ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def test_complete_partnership_has_no_action_gap() -> None:
    assert [g.rule for g in Build.complete().gaps() if g.stage is Stage.ACTION] == []


# ----------------------------------------------------------------------------- priorities


def _second_priority(b: Build) -> None:
    assert b.launch is not None
    areas = [*b.launch.action_areas, ActionArea(id=9, title="Career awareness")]
    b.set_launch(action_areas=areas, priority_area_ids=[2, 9])


def test_priority_without_team() -> None:
    b = Build.complete()
    _second_priority(b)
    [gap] = b.of("priority-without-team")
    assert gap.severity is Severity.BLOCKER and gap.stage is Stage.ACTION
    assert gap.message.startswith('The priority "Career awareness" chosen at the launch has no')


def test_priority_with_a_team_even_a_closed_one_is_covered() -> None:
    b = Build.complete()
    _second_priority(b)
    b.team("Careers", priority_area_id=9, closed=_days_ago(5))
    assert b.rules()["priority-without-team"] == 0


def test_candidate_areas_not_chosen_need_no_team() -> None:
    b = Build.complete()
    assert b.launch is not None
    b.set_launch(action_areas=[*b.launch.action_areas, ActionArea(id=9, title="Not chosen")])
    assert b.rules()["priority-without-team"] == 0
    assert Build().rules()["priority-without-team"] == 0  # no launch recorded


# ----------------------------------------------------------------------------- team makeup


def test_team_without_industry() -> None:
    b = Build.complete()
    team = b.team("Public only")
    b.on_team(team, b.public_person(), lead=True)
    b.on_team(team, b.industry_person(), end=ENDED)
    b.on_team(b.action_team, b.industry_person())  # on another team
    gone = b.industry_person()
    b.on_team(team, gone)
    b.people[gone] = b.people[gone].updated(deleted=True)
    [gap] = b.of("team-without-industry")
    assert gap.severity is Severity.BLOCKER and gap.teams == (team.id,)
    assert "Public only has no industry member" in gap.message
    assert b.rules()["team-industry-outnumbered"] == 0  # the blocker says it already


@pytest.mark.parametrize(("support", "fires"), [(1, False), (2, False), (3, True)])
def test_team_industry_outnumbered_boundary(support: int, fires: bool) -> None:
    b = Build.complete()
    team = b.team()
    industry = [b.industry_person(), b.industry_person()]
    b.on_team(team, *industry)
    b.on_team(team, industry[0], lead=True)  # member and lead: one person
    public = b.publics(support)
    b.on_team(team, *public)
    b.on_team(team, public[0], lead=True)
    b.on_team(team, b.public_person(), end=ENDED)
    gaps = b.of("team-industry-outnumbered")
    assert bool(gaps) is fires
    if fires:
        assert gaps[0].severity is Severity.WARNING and set(gaps[0].people) == set(public)
        assert "3 support members outnumber 2 industry members" in gaps[0].message


def test_team_without_support() -> None:
    b = Build.complete()
    team = b.team("Industry only")
    b.on_team(team, b.industry_person(), lead=True)
    b.on_team(team, b.public_person(), end=ENDED)
    [gap] = b.of("team-without-support")
    assert gap.severity is Severity.WARNING and gap.teams == (team.id,)


def test_team_without_lead() -> None:
    b = Build.complete()
    team = b.team("Leaderless")
    b.on_team(team, b.industry_person(), b.public_person())
    b.on_team(team, b.public_person(), lead=True, end=ENDED)
    [gap] = b.of("team-without-lead")
    assert gap.severity is Severity.WARNING and gap.teams == (team.id,)
    assert "no lead or facilitator" in gap.message


def test_closed_teams_are_not_checked() -> None:
    b = Build.complete()
    b.team("Done", closed=_days_ago(3), next_step="", meetings=[])
    assert [g for g in b.gaps() if g.stage is Stage.ACTION] == []


# ----------------------------------------------------------------------------- commitments


def test_commitment_unplaced() -> None:
    b = Build.complete()
    assert b.launch is not None
    ended, closed_team, deleted = b.leader(), b.leader(), b.leader()
    b.on_team(b.action_team, ended, end=ENDED)
    closed = b.team("Closed", closed=_days_ago(1))
    b.on_team(closed, closed_team)
    b.people[deleted] = b.people[deleted].updated(deleted=True)
    extra = [Commitment(id=20 + i, person_id=p, area_id=2) for i, p in enumerate(
        (ended, closed_team, deleted, ended)  # ended committed twice: listed once
    )]  # fmt: skip
    b.set_launch(commitments=[*b.launch.commitments, *extra])
    [gap] = b.of("commitment-unplaced")
    assert gap.severity is Severity.WARNING and gap.people == (ended, closed_team)
    assert gap.teams == (b.action_team.id,)  # the team of that priority, to add them to
    assert (
        'committed to "Skills pipeline" at the launch but are not on its action team Skills.'
        in gap.message
    )
    assert "Add them to it." in gap.message


def test_commitment_to_a_priority_without_team() -> None:
    b = Build.complete()
    _second_priority(b)
    assert b.launch is not None
    who = b.leader()
    b.set_launch(commitments=[*b.launch.commitments, Commitment(id=30, person_id=who, area_id=9)])
    [gap] = b.of("commitment-unplaced")
    assert gap.people == (who,) and gap.teams == ()
    assert "is on no team for it: it has no action team yet. Form one" in gap.message


def test_everyone_who_committed_is_placed() -> None:
    assert Build.complete().rules()["commitment-unplaced"] == 0


# ----------------------------------------------------------------------------- debrief


def test_no_debrief_after_a_held_launch() -> None:
    b = Build.complete()
    b.set_partnership(debrief=None)
    [gap] = b.of("no-debrief")
    assert gap.severity is Severity.WARNING and "Debrief together" in gap.message
    b.set_launch(held=False)
    assert b.rules()["no-debrief"] == 0


# ----------------------------------------------------------------------------- stalled


@pytest.mark.parametrize(("ago", "fires"), [(0, False), (89, False), (90, True), (200, True)])
def test_team_stalled_boundary(ago: int, fires: bool) -> None:
    b = Build.complete()
    b.replace_team(b.action_team, meetings=[_days_ago(300), _days_ago(ago)])
    gaps = b.of("team-stalled")
    assert bool(gaps) is fires
    if fires:
        assert gaps[0].teams == (b.action_team.id,) and gaps[0].severity is Severity.WARNING
        assert f"has not met in 90 days (last on {_days_ago(ago).isoformat()})" in gaps[0].message
        assert "next step" not in gaps[0].message  # only the cause that applies


def test_an_action_team_convening_counts_as_a_meeting() -> None:
    b = Build.complete()
    b.replace_team(b.action_team, meetings=[_days_ago(120)])
    assert b.rules()["team-stalled"] == 1
    b.convening(_days_ago(89), kind=ConveningKind.ACTION_TEAM, team_id=b.action_team.id)
    assert b.rules()["team-stalled"] == 0


def test_a_planned_meeting_is_not_a_meeting_yet() -> None:
    b = Build.complete()
    b.replace_team(b.action_team, meetings=[_days_ago(120), TODAY + timedelta(days=3)])
    assert b.rules()["team-stalled"] == 1


@pytest.mark.parametrize(("formed_ago", "fires"), [(89, False), (90, True)])
def test_a_team_that_never_met_stalls_90_days_after_forming(formed_ago: int, fires: bool) -> None:
    b = Build.complete()
    b.replace_team(b.action_team, meetings=[], formed=_days_ago(formed_ago))
    gaps = b.of("team-stalled")
    assert bool(gaps) is fires
    if fires:
        assert "has not met in the 90 days since it was formed" in gaps[0].message


def test_team_without_next_step_is_stalled() -> None:
    b = Build.complete()
    b.replace_team(b.action_team, next_step="")
    [gap] = b.of("team-stalled")
    assert "has no next step" in gap.message and "not met" not in gap.message


def test_stall_days_set_by_the_partnership() -> None:
    b = Build.complete()  # last met 20 days ago
    b.thresholds(team_stall_days=21)
    assert b.rules()["team-stalled"] == 0
    b.thresholds(team_stall_days=20)
    assert b.rules()["team-stalled"] == 1


# ----------------------------------------------------------------------------- core unplugged


def test_core_member_unplugged() -> None:
    b = Build.complete()
    idle = b.public_person(OrgKind.UNIVERSITY)
    b.role(idle, RoleKind.CORE_TEAM)
    b.role(idle, RoleKind.CORE_TEAM)
    b.on_team(b.action_team, idle, end=ENDED)
    [gap] = b.of("core-member-unplugged")
    assert gap.severity is Severity.HINT and gap.people == (idle,)
    assert "is on no action team" in gap.message


def test_no_core_hint_before_any_team_exists() -> None:
    b = Build()
    b.role(b.public_person(), RoleKind.CORE_TEAM)
    assert b.rules()["core-member-unplugged"] == 0
