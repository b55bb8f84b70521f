"""Stage 2 (Launch) rules: each fires, does not fire, and is exact at its boundaries."""

from __future__ import annotations

from datetime import date

import pytest

from nextgen_tui.gaps.catalogue import Severity
from nextgen_tui.models import ChampionStatus, InvitationStatus, OrgKind, RoleKind, Stage
from tests.support.gap_builder import Build

ENDED = date(2026, 1, 31)


def _leader_noise(b: Build) -> None:
    """Leaders who never add a company: declined (even if marked attended), only invited,
    ended, from a non-company, and a second leader of an already counted company."""
    b.leader(invitation=InvitationStatus.DECLINED, attended=True)
    b.leader(invitation=InvitationStatus.INVITED)
    b.leader(end=ENDED)
    b.leader(b.public_person(OrgKind.COMMUNITY_COLLEGE))


# ----------------------------------------------------------------------------- companies


@pytest.mark.parametrize("companies", [0, 1, 11, 12, 13, 59, 60, 61])
def test_company_count_boundaries(companies: int) -> None:
    b = Build()
    leaders = b.leaders(companies)
    _leader_noise(b)
    if leaders:
        company = b.people[leaders[0]].organization_id
        b.leader(b.person(b.organizations[company or 0]))  # same company, another leader
        b.leader(leaders[0])  # same person again
    rules = b.rules()
    assert rules["companies-too-few"] == (1 if companies < 12 else 0)
    assert rules["companies-too-many"] == (1 if companies > 60 else 0)


def test_companies_too_few_message_and_subjects() -> None:
    b = Build()
    leaders = b.leaders(11)
    [gap] = b.of("companies-too-few")
    assert gap.stage is Stage.LAUNCH and gap.severity is Severity.BLOCKER
    assert gap.message == (
        "Industry leaders and champions come from only 11 companies; the toolkit calls for "
        "12-60 companies. Invite leaders from at least 1 more company."
    )
    assert set(gap.organizations) == {b.people[pid].organization_id for pid in leaders}


def test_companies_too_many_is_a_warning() -> None:
    b = Build()
    b.leaders(61)
    [gap] = b.of("companies-too-many")
    assert gap.severity is Severity.WARNING and "61 companies" in gap.message


def test_an_invited_leader_who_attended_counts() -> None:
    b = Build()
    b.leaders(11)
    b.leader(invitation=InvitationStatus.INVITED, attended=True)
    assert b.rules()["companies-too-few"] == 0


@pytest.mark.parametrize(("companies", "few", "many"), [(4, 1, 0), (5, 0, 0), (8, 0, 0), (9, 0, 1)])
def test_company_range_set_by_the_partnership(companies: int, few: int, many: int) -> None:
    b = Build()
    b.thresholds(companies_min=5, companies_max=8)
    b.leaders(companies)
    assert (b.rules()["companies-too-few"], b.rules()["companies-too-many"]) == (few, many)


# ----------------------------------------------------------------------------- industry outnumbered


@pytest.mark.parametrize(("others", "fires"), [(0, False), (4, False), (5, False), (6, True)])
def test_industry_outnumbered_boundary(others: int, fires: bool) -> None:
    b = Build()
    b.leaders(5)
    b.leader(invitation=InvitationStatus.DECLINED)  # does not count for industry
    b.leader(end=ENDED)
    kinds = [RoleKind.SUPPORT_DELEGATE, RoleKind.CORE_TEAM, RoleKind.CONVENER,
             RoleKind.CO_CONVENER, RoleKind.FACILITATOR]  # fmt: skip
    people = b.publics(others)
    for index, pid in enumerate(people):
        b.role(pid, kinds[index % len(kinds)])
        b.role(pid, RoleKind.CORE_TEAM)  # two roles: one person
    b.role(b.public_person(), RoleKind.SUPPORT_DELEGATE, end=ENDED)
    b.role(b.public_person(), RoleKind.CONVENING_TEAM)  # not at the launch table
    gaps = b.of("industry-outnumbered")
    assert bool(gaps) is fires
    if fires:
        assert gaps[0].severity is Severity.BLOCKER and set(gaps[0].people) == set(people)
        assert gaps[0].message.startswith("6 public partners would sit at the table (")
        assert "with 5 industry members (5 leaders, 0 champions)." in gaps[0].message
        assert "Recruit at least 1 more industry leader " in gaps[0].message


def test_a_facilitator_from_a_company_is_not_counted_as_non_industry() -> None:
    b = Build()
    b.leaders(1)
    b.role(b.public_person(), RoleKind.SUPPORT_DELEGATE)
    b.role(b.industry_person(), RoleKind.FACILITATOR)
    assert b.rules()["industry-outnumbered"] == 0


# ----------------------------------------------------------------------------- support team


@pytest.mark.parametrize(("delegates", "fires"), [(11, False), (12, False), (13, True)])
def test_support_team_size_boundary(delegates: int, fires: bool) -> None:
    b = Build.complete()  # three delegates
    people = b.roles_of(RoleKind.SUPPORT_DELEGATE, *b.publics(delegates - 3))
    b.role(people[0], RoleKind.SUPPORT_DELEGATE)
    b.role(b.public_person(), RoleKind.SUPPORT_DELEGATE, end=ENDED)
    gaps = b.of("support-team-too-large")
    assert bool(gaps) is fires
    if fires:
        assert (
            gaps[0].severity is Severity.WARNING and "13 support team delegates" in gaps[0].message
        )
        assert "drop 1" in gaps[0].message


def test_support_team_maximum_set_by_the_partnership() -> None:
    b = Build.complete()
    b.thresholds(support_delegates_max=2)
    assert b.rules()["support-team-too-large"] == 1
    b.thresholds(support_delegates_max=3)
    assert b.rules()["support-team-too-large"] == 0


def test_support_team_missing_a_system() -> None:
    b = Build()
    b.role(b.public_person(OrgKind.UNIVERSITY), RoleKind.SUPPORT_DELEGATE)
    b.role(b.public_person(OrgKind.JOB_CENTER), RoleKind.SUPPORT_DELEGATE, end=ENDED)
    b.role(b.public_person(OrgKind.CHAMBER), RoleKind.CORE_TEAM)  # core team is not a delegate
    gaps = b.of("support-team-missing-system")
    assert [g.severity for g in gaps] == [Severity.WARNING, Severity.WARNING]
    assert "from workforce development" in gaps[0].message
    assert "from economic development" in gaps[1].message


def test_support_team_with_every_system_no_gap() -> None:
    assert Build.complete().rules()["support-team-missing-system"] == 0


# ----------------------------------------------------------------------------- facilitator


def test_facilitator() -> None:
    b = Build.complete()
    assert b.rules()["no-facilitator"] == 0
    b.without_roles(RoleKind.FACILITATOR)
    b.role(b.public_person(), RoleKind.FACILITATOR, end=ENDED)
    [gap] = b.of("no-facilitator")
    assert gap.severity is Severity.BLOCKER and "neutral" in gap.message


# ----------------------------------------------------------------------------- opener / closer


def test_opener_and_closer_named_no_gap() -> None:
    rules = Build.complete().rules()
    assert rules["no-opener"] == rules["no-closer"] == 0


def test_no_launch_meeting_recorded_means_neither() -> None:
    rules = Build().rules()
    assert rules["no-opener"] == rules["no-closer"] == 1


def test_opener_who_is_not_a_champion() -> None:
    b = Build.complete()
    stranger = b.public_person()
    b.set_launch(opener_id=stranger)
    [gap] = b.of("no-opener")
    assert gap.severity is Severity.WARNING and gap.people == (stranger,)
    assert "is not a champion" in gap.message
    assert b.rules()["no-closer"] == 0


@pytest.mark.parametrize("options", [{"status": ChampionStatus.DECLINED}, {"end": ENDED}])
def test_closer_who_declined_or_ended_does_not_count(options: dict[str, object]) -> None:
    b = Build.complete()
    closer = b.champion(**options)  # type: ignore[arg-type]
    b.set_launch(closer_id=closer)
    assert b.rules()["no-closer"] == 1 and b.rules()["no-opener"] == 0


def test_an_asked_champion_may_open() -> None:
    b = Build.complete()
    b.set_launch(opener_id=b.champion(status=ChampionStatus.ASKED))
    assert b.rules()["no-opener"] == 0


# ----------------------------------------------------------------------------- off-sector


def test_off_sector_company_by_industry_and_region() -> None:
    b = Build.complete()
    away = b.org(OrgKind.COMPANY, "Lakeshore Metalworks", region="South Lakes")
    other = b.org(OrgKind.COMPANY, "Care Co", industry="Healthcare")
    first, second = b.person(away), b.person(away)
    b.leader(first)
    b.leader(second, InvitationStatus.INVITED)
    nurse = b.leader(b.person(other))
    gaps = b.of("off-sector-company")
    assert [(g.organizations, g.people) for g in gaps] == [
        ((away.id,), (first, second)),
        ((other.id,), (nurse,)),
    ]
    assert gaps[0].severity is Severity.WARNING
    assert gaps[0].message.startswith("Lakeshore Metalworks is in South Lakes, not North Valley.")
    assert "is in Healthcare, not Advanced Manufacturing" in gaps[1].message


def test_off_sector_ignores_unknown_declined_ended_and_case() -> None:
    b = Build.complete()
    b.leader(b.person(b.org(OrgKind.COMPANY, industry="", region="")))
    b.leader(b.person(b.org(OrgKind.COMPANY, region=" north valley ")))
    b.leader(b.person(b.org(OrgKind.COMPANY, region="Elsewhere")), InvitationStatus.DECLINED)
    b.leader(b.person(b.org(OrgKind.COMPANY, region="Elsewhere")), end=ENDED)
    b.role(b.person(b.org(OrgKind.COMPANY, region="Elsewhere")), RoleKind.CONVENING_TEAM)
    assert b.rules()["off-sector-company"] == 0


def test_partnership_without_region_compares_industry_only() -> None:
    b = Build.complete()
    b.set_partnership(region="")
    b.leader(b.person(b.org(OrgKind.COMPANY, region="Elsewhere")))
    assert b.rules()["off-sector-company"] == 0


# ----------------------------------------------------------------------------- meeting parts


def test_meeting_parts_all_captured_no_gap() -> None:
    assert Build.complete().rules()["meeting-part-empty"] == 0


def test_a_held_meeting_with_an_empty_part() -> None:
    b = Build.complete()
    b.set_launch(commitments=[])
    [gap] = b.of("meeting-part-empty")
    assert (
        gap.severity is Severity.WARNING and "Part 3: Commitments captured nothing" in gap.message
    )


def test_every_empty_part_is_named() -> None:
    b = Build.complete()
    b.set_launch(opportunities=[], action_areas=[], commitments=[], priority_area_ids=[])
    assert b.rules()["meeting-part-empty"] == 3


def test_a_meeting_not_held_yet_has_no_empty_parts() -> None:
    b = Build.complete()
    b.set_launch(held=False, opportunities=[], action_areas=[], commitments=[])
    assert b.rules()["meeting-part-empty"] == 0
