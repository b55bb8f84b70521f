"""Stage 1 (Prepare) rules: each fires, does not fire, and is exact at its boundaries.

Every case mixes in roles that must not count: declined champions, ended roles, a person
holding the same role twice, people who were deleted.
"""

from __future__ import annotations

from datetime import date

import pytest

from nextgen_tui.gaps.catalogue import Severity
from nextgen_tui.models import ChampionStatus, OrgKind, RoleKind, Stage
from tests.support.gap_builder import TODAY, Build

ENDED = date(2026, 1, 31)


def _noise(b: Build) -> None:
    """Champions that never count as committed: declined, ended, asked."""
    b.champion(status=ChampionStatus.DECLINED, signed_invite=True, hosts_launch=True)
    b.champion(end=ENDED, signed_invite=True, hosts_launch=True)
    b.champion(status=ChampionStatus.ASKED)


# ----------------------------------------------------------------------------- scope


def test_scope_defined_no_gap() -> None:
    assert Build.complete().rules()["scope-undefined"] == 0


@pytest.mark.parametrize(
    ("industry", "region", "missing"),
    [
        ("", "North Valley", "no industry"),
        ("Healthcare", "", "no region"),
        ("", "", "no industry and no region"),
    ],
)
def test_scope_undefined(industry: str, region: str, missing: str) -> None:
    b = Build.complete()
    b.set_partnership(industry=industry, region=region)
    [gap] = b.of("scope-undefined")
    assert gap.stage is Stage.PREPARE and gap.severity is Severity.BLOCKER
    assert f"has {missing}." in gap.message


# ----------------------------------------------------------------------------- convener


def test_convener_named_no_gap() -> None:
    assert Build.complete().rules()["no-convener"] == 0


def test_no_convener_fires_when_the_only_convener_role_ended() -> None:
    b = Build.complete()
    b.without_roles(RoleKind.CONVENER)
    b.role(b.public_person(), RoleKind.CONVENER, end=ENDED)
    [gap] = b.of("no-convener")
    assert gap.severity is Severity.BLOCKER and "name a convener" in gap.message


def test_a_co_convener_is_enough() -> None:
    b = Build.complete()
    b.without_roles(RoleKind.CONVENER)
    b.role(b.public_person(OrgKind.CHAMBER), RoleKind.CO_CONVENER)
    assert b.rules()["no-convener"] == 0


def test_a_deleted_convener_does_not_count() -> None:
    b = Build.complete()
    [convener] = [r.person_id for r in b.roles if r.role is RoleKind.CONVENER]
    b.people[convener] = b.people[convener].updated(deleted=True)
    assert b.rules()["no-convener"] == 1


# ----------------------------------------------------------------------------- champion count


@pytest.mark.parametrize("committed", [0, 1, 2, 3, 6, 7, 8])
def test_champion_count_boundaries(committed: int) -> None:
    b = Build()
    people = [b.champion() for _ in range(committed)]
    if people:
        b.champion(people[0])  # the same person twice counts once
    _noise(b)
    rules = b.rules()
    assert rules["champions-too-few"] == (1 if committed < 2 else 0)
    assert rules["champions-too-many"] == (1 if committed > 6 else 0)


def test_champions_too_few_message_says_what_to_do() -> None:
    b = Build()
    one = b.champion()
    _noise(b)
    [gap] = b.of("champions-too-few")
    assert gap.message == (
        "Only 1 committed industry champion; the toolkit calls for 2-6. Recruit at least 1 more."
    )
    assert gap.severity is Severity.BLOCKER and gap.people == (one,)
    [none] = Build().of("champions-too-few")
    assert none.message.startswith("No committed industry champion;")
    assert "at least 2 more" in none.message


def test_champions_too_many_is_a_warning_naming_the_champions() -> None:
    b = Build()
    people = [b.champion() for _ in range(7)]
    [gap] = b.of("champions-too-many")
    assert gap.severity is Severity.WARNING and set(gap.people) == set(people)
    assert "7 committed champions; the toolkit calls for 2-6" in gap.message


def test_a_person_both_declined_and_committed_counts_as_committed_once() -> None:
    b = Build()
    first = b.champion()
    b.champion(first, ChampionStatus.DECLINED)
    assert b.rules()["champions-too-few"] == 1  # still only one person
    b.champion()
    assert b.rules()["champions-too-few"] == 0


@pytest.mark.parametrize(("committed", "fires"), [(2, True), (3, False)])
def test_champions_minimum_set_by_the_partnership(committed: int, fires: bool) -> None:
    b = Build()
    b.thresholds(champions_min=3)
    for _ in range(committed):
        b.champion()
    assert bool(b.rules()["champions-too-few"]) is fires


@pytest.mark.parametrize(("committed", "fires"), [(4, False), (5, True)])
def test_champions_maximum_set_by_the_partnership(committed: int, fires: bool) -> None:
    b = Build()
    b.thresholds(champions_max=4)
    for _ in range(committed):
        b.champion()
    assert bool(b.rules()["champions-too-many"]) is fires
    if fires:
        message = b.of("champions-too-many")[0].message
        assert "against your target of 2-4; the toolkit suggests 2-6" in message


# ----------------------------------------------------------------------------- champion details


@pytest.mark.parametrize(
    "status", [ChampionStatus.PROSPECT, ChampionStatus.ASKED, ChampionStatus.COMMITTED]
)
def test_champion_missing_a_criterion(status: ChampionStatus) -> None:
    b = Build.complete()
    who = b.champion(status=status, passionate_industry=False, passionate_community=False)
    [gap] = b.of("champion-criteria-unmet")
    assert gap.people == (who,) and gap.severity is Severity.WARNING
    assert "passionate about their industry and community" in gap.message


def test_criteria_of_declined_and_ended_champions_are_ignored() -> None:
    b = Build.complete()
    b.champion(status=ChampionStatus.DECLINED, passionate_company=False)
    b.champion(end=ENDED, passionate_company=False)
    assert b.rules()["champion-criteria-unmet"] == 0


def test_one_criteria_gap_per_person_with_duplicate_roles() -> None:
    b = Build()
    who = b.champion(status=ChampionStatus.ASKED, passionate_company=False)
    b.champion(who, ChampionStatus.PROSPECT, passionate_company=False)
    b.champion(b.industry_person())  # complete one: no gap
    assert [g.people for g in b.of("champion-criteria-unmet")] == [(who,)]


def test_committed_record_wins_over_an_older_prospect_record_of_the_same_person() -> None:
    b = Build()
    who = b.champion(status=ChampionStatus.PROSPECT, passionate_company=False)
    b.champion(who)  # committed, all criteria
    assert b.rules()["champion-criteria-unmet"] == 0


def test_champion_without_outreach_owner() -> None:
    b = Build.complete()
    who = b.champion(status=ChampionStatus.ASKED, outreach_owner_id=None)
    b.champion(status=ChampionStatus.DECLINED, outreach_owner_id=None)
    b.champion(end=ENDED, outreach_owner_id=None)
    [gap] = b.of("champion-no-outreach-owner")
    assert gap.people == (who,) and gap.severity is Severity.WARNING
    assert "reach out" in gap.message


def test_a_deleted_outreach_owner_is_no_owner() -> None:
    b = Build.complete()
    owner = b.public_person()
    b.people[owner] = b.people[owner].updated(deleted=True)
    who = b.champion(outreach_owner_id=owner)
    assert [g.people for g in b.of("champion-no-outreach-owner")] == [(who,)]


def test_outreach_owner_named_no_gap() -> None:
    assert Build.complete().rules()["champion-no-outreach-owner"] == 0


# ----------------------------------------------------------------------------- invite letter


@pytest.mark.parametrize(("signers", "fires"), [(0, True), (1, True), (2, False), (3, False)])
def test_invite_letter_signers_boundary(signers: int, fires: bool) -> None:
    b = Build()
    for index in range(3):
        b.champion(signed_invite=index < signers)
    _noise(b)  # the declined and ended champions signed: they do not count
    assert bool(b.rules()["invite-letter-unsigned"]) is fires


def test_invite_letter_message_and_people() -> None:
    b = Build()
    signed = b.champion(signed_invite=True)
    unsigned = b.champion()
    b.champion(signed, signed_invite=True)  # same signer twice
    [gap] = b.of("invite-letter-unsigned")
    assert gap.people == (unsigned,)
    assert gap.message.startswith("Only 1 committed champion has signed the invite letter")


def test_invite_signers_minimum_set_by_the_partnership() -> None:
    b = Build.complete()
    b.thresholds(invite_signers_min=3)
    assert b.rules()["invite-letter-unsigned"] == 1
    b.champion(signed_invite=True)
    assert b.rules()["invite-letter-unsigned"] == 0


# ----------------------------------------------------------------------------- launch host


def test_committed_host_no_gap() -> None:
    assert Build.complete().rules()["no-launch-host"] == 0


@pytest.mark.parametrize(
    "host_options",
    [
        {"status": ChampionStatus.ASKED},
        {"status": ChampionStatus.DECLINED},
        {"end": ENDED},
    ],
)
def test_host_who_is_not_a_committed_champion_does_not_count(
    host_options: dict[str, object],
) -> None:
    b = Build()
    b.champion()
    b.champion()
    b.champion(hosts_launch=True, **host_options)  # type: ignore[arg-type]
    [gap] = b.of("no-launch-host")
    assert gap.severity is Severity.BLOCKER and "host" in gap.message


def test_launch_hosted_at_a_committed_champions_company_counts() -> None:
    b = Build()
    company = b.org(OrgKind.COMPANY)
    b.champion(b.industry_person(company))
    assert b.rules()["no-launch-host"] == 1
    b.set_launch(host_org_id=company.id)
    assert b.rules()["no-launch-host"] == 0


# ----------------------------------------------------------------------------- core team


@pytest.mark.parametrize(("size", "fires"), [(5, True), (6, False), (12, False), (13, True)])
def test_core_team_size_boundaries(size: int, fires: bool) -> None:
    b = Build()
    kinds = [OrgKind.COMMUNITY_COLLEGE, OrgKind.WORKFORCE_BOARD, OrgKind.CHAMBER]
    core = [b.public_person(kinds[i % 3]) for i in range(size)]
    b.roles_of(RoleKind.CORE_TEAM, *core)
    b.role(core[0], RoleKind.CORE_TEAM)  # twice: counts once
    b.role(b.public_person(), RoleKind.CORE_TEAM, end=ENDED)
    gaps = b.of("core-team-size")
    assert bool(gaps) is fires
    if fires:
        assert gaps[0].severity is Severity.WARNING
        assert f"has {size} people; the toolkit calls for 6-12" in gaps[0].message
    assert b.rules()["core-team-missing-system"] == 0


def test_core_team_size_set_by_the_partnership() -> None:
    b = Build.complete()  # six members
    b.thresholds(core_team_min=7, core_team_max=9)
    assert "Add at least 1 more." in b.of("core-team-size")[0].message
    b.thresholds(core_team_min=2, core_team_max=5)
    assert "Move 1 to the broad convening team." in b.of("core-team-size")[0].message


def test_core_team_missing_systems_one_gap_each() -> None:
    b = Build()
    b.roles_of(RoleKind.CORE_TEAM, b.public_person(OrgKind.UNIVERSITY))
    b.role(b.public_person(OrgKind.WORKFORCE_BOARD), RoleKind.CORE_TEAM, end=ENDED)
    b.role(b.person(None), RoleKind.CORE_TEAM)  # no organization: no system
    gaps = b.of("core-team-missing-system")
    assert len(gaps) == 2 and all(g.severity is Severity.BLOCKER for g in gaps)
    assert "nobody from workforce development" in gaps[0].message
    assert "nobody from economic development" in gaps[1].message


@pytest.mark.parametrize("kind", [OrgKind.JOB_CENTER, OrgKind.WORKFORCE_BOARD])
def test_any_kind_of_a_system_covers_it(kind: OrgKind) -> None:
    b = Build()
    for k in (OrgKind.K12, kind, OrgKind.ECONOMIC_DEVELOPMENT):
        b.role(b.public_person(k), RoleKind.CORE_TEAM)
    assert b.rules()["core-team-missing-system"] == 0


# ----------------------------------------------------------------------------- convening team


@pytest.mark.parametrize(("size", "fires"), [(0, True), (24, True), (25, False)])
def test_convening_team_boundary(size: int, fires: bool) -> None:
    b = Build()
    people = b.roles_of(RoleKind.CONVENING_TEAM, *b.publics(size))
    if people:
        b.role(people[0], RoleKind.CONVENING_TEAM)
    b.role(b.public_person(), RoleKind.CONVENING_TEAM, end=ENDED)
    gaps = b.of("convening-team-small")
    assert bool(gaps) is fires
    if fires:
        assert gaps[0].severity is Severity.HINT and f"has {size} people" in gaps[0].message


def test_convening_team_minimum_set_by_the_partnership() -> None:
    b = Build()
    b.thresholds(convening_team_min=10)
    b.roles_of(RoleKind.CONVENING_TEAM, *b.publics(9))
    assert "Consider adding 1 more." in b.of("convening-team-small")[0].message
    b.role(b.public_person(), RoleKind.CONVENING_TEAM)
    assert b.rules()["convening-team-small"] == 0


def test_prepare_rules_do_not_depend_on_today() -> None:
    b = Build.complete()
    later = date(2030, 1, 1)
    assert later > TODAY
    assert [g for g in b.gaps(later) if g.stage is Stage.PREPARE] == []
