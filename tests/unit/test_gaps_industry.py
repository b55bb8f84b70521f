"""Who is industry and who is public: the rules that keep the count right, each at its
boundary, and the launch table balance the view and the rule share."""

from __future__ import annotations

from datetime import timedelta

import pytest

from nextgen_tui.gaps.balance import table_balance
from nextgen_tui.gaps.catalogue import Severity
from nextgen_tui.gaps.facts import Facts
from nextgen_tui.models import (
    ActionArea,
    ChampionStatus,
    Commitment,
    InvitationStatus,
    OrgKind,
    RoleKind,
    Stage,
)
from tests.support.gap_builder import INDUSTRY, REGION, TODAY, Build

ENDED = TODAY - timedelta(days=5)


# ----------------------------------------------------------------------------- kind unknown


def test_organization_kind_unknown_names_each_organization_holding_a_current_role() -> None:
    b = Build.complete()
    mystery = b.org(OrgKind.UNKNOWN, "Precision Parts")
    first, second = b.person(mystery), b.person(mystery)
    b.role(first, RoleKind.CONVENING_TEAM)
    b.role(second, RoleKind.CORE_TEAM)
    idle = b.org(OrgKind.UNKNOWN, "Nobody Here")
    b.role(b.person(idle), RoleKind.CORE_TEAM, end=ENDED)  # ended: no current role
    b.person(idle)  # in the directory, no role
    [gap] = b.of("organization-kind-unknown")
    assert gap.severity is Severity.WARNING and gap.stage is Stage.PREPARE
    assert gap.organizations == (mystery.id,) and set(gap.people) == {first, second}
    assert "Precision Parts" in gap.message and "count neither as industry" in gap.message


def test_organization_of_known_kind_is_not_flagged() -> None:
    b = Build.complete()
    b.role(b.public_person(OrgKind.OTHER), RoleKind.CORE_TEAM)
    assert b.rules()["organization-kind-unknown"] == 0


def test_unknown_people_sit_on_neither_side_of_the_table() -> None:
    b = Build()
    b.leaders(2)
    mystery = b.person(b.org(OrgKind.UNKNOWN))
    b.role(mystery, RoleKind.SUPPORT_DELEGATE)
    b.role(mystery, RoleKind.INDUSTRY_LEADER)  # even as an industry leader
    balance = table_balance(Facts.of(b.snapshot(), TODAY))
    assert mystery not in balance.industry and mystery not in balance.public_people
    assert balance.unknown == [mystery]


# ----------------------------------------------------------------------------- champions


@pytest.mark.parametrize(
    ("kind", "industry", "region", "fires"),
    [
        (OrgKind.COMPANY, INDUSTRY, REGION, False),
        (OrgKind.COMPANY, "", "", False),  # unknown industry and region: benefit of the doubt
        (OrgKind.COMPANY, "Healthcare", REGION, True),
        (OrgKind.COMPANY, INDUSTRY, "South Coast", True),
        (OrgKind.COMMUNITY_COLLEGE, "", "", True),
        (OrgKind.UNKNOWN, "", "", True),
    ],
)
def test_champion_not_industry_boundary(
    kind: OrgKind, industry: str, region: str, fires: bool
) -> None:
    b = Build.complete()
    org = b.org(kind, "Their Org", industry=industry, region=region)
    pid = b.champion(b.person(org))
    gaps = b.of("champion-not-industry")
    assert bool(gaps) is fires
    if fires:
        assert gaps[0].people == (pid,) and gaps[0].severity is Severity.WARNING
        assert "Their Org" in gaps[0].message


def test_declined_champion_is_not_checked() -> None:
    b = Build.complete()
    b.champion(b.public_person(), ChampionStatus.DECLINED)
    assert b.rules()["champion-not-industry"] == 0


@pytest.mark.parametrize(
    ("status", "fires"),
    [
        (ChampionStatus.PROSPECT, True),
        (ChampionStatus.ASKED, True),
        (ChampionStatus.COMMITTED, True),
    ],
)
def test_any_status_but_declined_is_checked(status: ChampionStatus, fires: bool) -> None:
    b = Build.complete()
    b.champion(b.public_person(), status)
    assert bool(b.rules()["champion-not-industry"]) is fires


def test_a_champion_who_is_not_industry_does_not_count_toward_the_champions() -> None:
    b = Build()
    b.champion()
    dean = b.champion(b.public_person(OrgKind.COMMUNITY_COLLEGE))
    [gap] = b.of("champions-too-few")
    assert dean not in gap.people and gap.message.startswith("Only 1 committed industry champion")
    b.champion()
    assert b.rules()["champions-too-few"] == 0


def test_committed_champions_count_toward_companies_at_the_launch() -> None:
    b = Build()
    b.leaders(10)
    b.champion()
    assert b.rules()["companies-too-few"] == 1
    second = b.champion()
    assert b.rules()["companies-too-few"] == 0
    # a champion also entered as a leader of the same company counts once
    b.leader(second)
    balance = table_balance(Facts.of(b.snapshot(), TODAY))
    assert len(balance.companies) == 12 and balance.industry.count(second) == 1


def test_off_sector_or_uncommitted_champions_do_not_count_toward_companies() -> None:
    b = Build()
    b.leaders(11)
    b.champion(status=ChampionStatus.ASKED)
    b.champion(b.person(b.org(OrgKind.COMPANY, industry="Healthcare")))
    b.champion(b.public_person(OrgKind.CHAMBER))
    assert b.rules()["companies-too-few"] == 1


def test_champions_sit_on_the_industry_side_of_the_table() -> None:
    b = Build()
    b.leaders(3)
    b.roles_of(RoleKind.SUPPORT_DELEGATE, *b.publics(4))
    assert b.rules()["industry-outnumbered"] == 1
    b.champion()
    assert b.rules()["industry-outnumbered"] == 0  # 4 against 4


# ----------------------------------------------------------------------------- conveners


@pytest.mark.parametrize("kind", [RoleKind.CONVENER, RoleKind.CO_CONVENER])
def test_convener_not_public_fires_for_a_company(kind: RoleKind) -> None:
    b = Build.complete()
    pid = b.industry_person()
    b.role(pid, kind)
    [gap] = b.of("convener-not-public")
    assert gap.people == (pid,) and gap.severity is Severity.WARNING


@pytest.mark.parametrize("org_kind", [OrgKind.WORKFORCE_BOARD, OrgKind.UNKNOWN, OrgKind.OTHER])
def test_convener_not_public_does_not_fire_for_others(org_kind: OrgKind) -> None:
    b = Build.complete()
    b.role(b.public_person(org_kind), RoleKind.CO_CONVENER)
    assert b.rules()["convener-not-public"] == 0


def test_an_ended_convener_role_from_a_company_is_history() -> None:
    b = Build.complete()
    b.role(b.industry_person(), RoleKind.CONVENER, end=ENDED)
    assert b.rules()["convener-not-public"] == 0


# ----------------------------------------------------------------------------- facilitator


def test_facilitator_who_is_a_champion_is_not_neutral() -> None:
    b = Build.complete()
    b.role(b.champions[0], RoleKind.FACILITATOR)
    [gap] = b.of("facilitator-not-neutral")
    assert gap.people == (b.champions[0],) and gap.stage is Stage.LAUNCH
    assert "is a champion" in gap.message


def test_facilitator_who_is_an_industry_leader_is_not_neutral() -> None:
    b = Build.complete()
    b.role(b.leader_ids[0], RoleKind.FACILITATOR)
    assert "industry leader" in b.of("facilitator-not-neutral")[0].message


def test_facilitator_from_a_company_in_the_industry_is_not_neutral() -> None:
    b = Build.complete()
    pid = b.industry_person()
    b.role(pid, RoleKind.FACILITATOR)
    assert b.of("facilitator-not-neutral")[0].people == (pid,)


@pytest.mark.parametrize(
    "setup",
    ["public", "consultancy", "declined leader", "declined champion"],
)
def test_neutral_facilitators(setup: str) -> None:
    b = Build.complete()
    if setup == "public":
        pid = b.public_person(OrgKind.WORKFORCE_BOARD)
    elif setup == "consultancy":  # a company, but in another industry
        pid = b.person(b.org(OrgKind.COMPANY, industry="Consulting"))
    elif setup == "declined leader":
        pid = b.leader(b.public_person(OrgKind.OTHER), InvitationStatus.DECLINED)
    else:
        pid = b.champion(b.public_person(OrgKind.OTHER), ChampionStatus.DECLINED)
    b.role(pid, RoleKind.FACILITATOR)
    assert b.rules()["facilitator-not-neutral"] == 0


# ----------------------------------------------------------------------------- action


def test_no_action_teams_after_the_launch_was_held() -> None:
    b = Build.complete()
    b.teams = []
    b.roles = [r for r in b.roles if r.team_id is None]
    [gap] = b.of("no-action-teams")
    assert gap.severity is Severity.BLOCKER and gap.stage is Stage.ACTION
    assert gap.message.startswith("The launch was held but no action team exists.")


def test_no_action_teams_in_action_without_a_launch() -> None:
    b = Build()
    assert b.rules()["no-action-teams"] == 0  # Prepare, nothing held
    b.set_launch(held=False)
    assert b.rules()["no-action-teams"] == 0
    b.set_partnership(stage=Stage.LAUNCH)
    assert b.rules()["no-action-teams"] == 0
    b.set_partnership(stage=Stage.ACTION)
    assert b.of("no-action-teams")[0].message.startswith("The partnership is in Action")
    b.team()
    assert b.rules()["no-action-teams"] == 0


def test_a_closed_team_is_not_an_action_team() -> None:
    b = Build()
    b.set_partnership(stage=Stage.SUSTAIN)
    b.team(closed=ENDED)
    assert b.rules()["no-action-teams"] == 1


def test_commitment_is_met_only_by_the_team_of_that_priority() -> None:
    b = Build.complete()
    assert b.launch is not None
    other = b.team("Other", priority_area_id=9, meetings=[TODAY])
    areas = [*b.launch.action_areas, ActionArea(id=9, title="Other priority")]
    who = b.leader()
    b.on_team(other, who)  # on a team, but not the one of the priority committed to
    b.set_launch(
        action_areas=areas,
        priority_area_ids=[2, 9],
        commitments=[*b.launch.commitments, Commitment(id=40, person_id=who, area_id=2)],
    )
    [gap] = b.of("commitment-unplaced")
    assert gap.people == (who,) and gap.teams == (b.action_team.id,)
    b.on_team(b.action_team, who)
    assert b.rules()["commitment-unplaced"] == 0


# ----------------------------------------------------------------------------- balance


def test_industry_outnumbered_breaks_down_the_groups_and_fits_the_advice() -> None:
    b = Build()
    b.leader()
    b.roles_of(RoleKind.CORE_TEAM, *b.publics(2))
    [gap] = b.of("industry-outnumbered")
    assert gap.message == (
        "2 public partners would sit at the table (2 core planning team members) with "
        "1 industry member (1 leader, 0 champions). The core planning team alone outnumbers "
        "them: it must not outnumber the CEOs. Recruit at least 1 more industry leader."
    )
    b2 = Build()
    b2.leaders(3)
    b2.roles_of(RoleKind.SUPPORT_DELEGATE, *b2.publics(3))
    b2.roles_of(RoleKind.CORE_TEAM, *b2.publics(1))
    [gap2] = b2.of("industry-outnumbered")
    assert "(3 support team delegates, 1 core planning team member)" in gap2.message
    assert "core planning team alone" not in gap2.message  # not the group that is over
    assert gap2.message.endswith(
        "Recruit at least 1 more industry leader or send fewer support team delegates."
    )


# ----------------------------------------------------------------------------- wording


def test_counts_of_one_read_right_and_changed_targets_say_so() -> None:
    b = Build()
    b.thresholds(core_team_min=0, core_team_max=0, companies_min=0, companies_max=0)
    b.role(b.public_person(), RoleKind.CORE_TEAM)
    b.leader()
    [core] = b.of("core-team-size")
    assert (
        core.message.startswith(
            "The core planning team has 1 person against your target of up to 0"
        )
        and "the toolkit suggests 6-12" in core.message
    )
    [companies] = b.of("companies-too-many")
    assert companies.message.startswith("Industry leaders and champions from 1 company against")
    b2 = Build()
    b2.leader()
    b2.roles_of(RoleKind.CORE_TEAM, *b2.publics(2))
    assert "Recruit at least 1 more industry leader." in b2.of("industry-outnumbered")[0].message
