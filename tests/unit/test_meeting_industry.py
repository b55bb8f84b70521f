"""Public partners listen at the launch: walk-ins get the right kind, only industry places
dots, a public partner who commits joins the team as support, the facilitator is shown as
the facilitator."""

from __future__ import annotations

import pytest

from nextgen_tui.errors import MeetingError
from nextgen_tui.meeting.agenda import start_meeting
from nextgen_tui.meeting.capture import add_area, add_commitment, vote
from nextgen_tui.meeting.checkin import check_in, invitees, walk_in
from nextgen_tui.meeting.close import close_meeting
from nextgen_tui.meeting.counters import counters
from nextgen_tui.models import OrgKind, Partnership, RoleKind
from nextgen_tui.store.repository import Store
from tests.conftest import FIXED_NOW
from tests.support import factories as f


def _meeting(store: Store) -> Partnership:
    p = f.partnership(store)
    start_meeting(store, p.id, FIXED_NOW)
    return p


def _roles(store: Store, pid: int, person_id: int) -> list[RoleKind]:
    return [r.role for r in store.roles(partnership_id=pid, person_id=person_id)]


def test_a_walk_in_from_a_new_college_is_public(store: Store) -> None:
    p = _meeting(store)
    dean = walk_in(store, p.id, name="Dee Dean", company="Valley Community College", now=FIXED_NOW)
    college = store.organization(dean.organization_id or 0)
    assert college.kind is OrgKind.COMMUNITY_COLLEGE
    assert (college.industry, college.region) == ("", "")  # not put in the sector
    assert _roles(store, p.id, dean.id) == []  # not an industry leader
    [checkin] = store.launch(p.id).checkins
    assert checkin.person_id == dean.id and checkin.observer
    count = counters(store.snapshot(p.id))
    assert (count.industry, count.non_industry, count.companies) == (0, 1, 0)


def test_a_walk_in_whose_organization_says_nothing_is_unknown_not_industry(
    store: Store,
) -> None:
    p = _meeting(store)
    who = walk_in(store, p.id, name="Max Mystery", company="Mystery Works", now=FIXED_NOW)
    assert store.organization(who.organization_id or 0).kind is OrgKind.UNKNOWN
    assert _roles(store, p.id, who.id) == []
    count = counters(store.snapshot(p.id))
    assert (count.present, count.industry, count.non_industry) == (1, 0, 0)  # neither side
    [invitee] = invitees(store.snapshot(p.id))
    assert invitee.unknown and not invitee.industry


def test_a_walk_in_said_to_be_a_company_is_an_industry_leader(store: Store) -> None:
    p = _meeting(store)
    who = walk_in(
        store, p.id, name="Cy Fair", company="Fairworks", kind=OrgKind.COMPANY, now=FIXED_NOW
    )
    org = store.organization(who.organization_id or 0)
    assert (org.kind, org.industry, org.region) == (OrgKind.COMPANY, p.industry, p.region)
    assert _roles(store, p.id, who.id) == [RoleKind.INDUSTRY_LEADER]
    also = walk_in(store, p.id, name="Ann Acme", company="Acme Tools Inc", now=FIXED_NOW)
    assert _roles(store, p.id, also.id) == [RoleKind.INDUSTRY_LEADER]  # guessed: a company


def test_a_public_partners_dot_is_refused_industry_and_anonymous_dots_count(
    store: Store,
) -> None:
    p = _meeting(store)
    [ceo] = f.companies_with_leaders(store, p, 1)
    college = f.org(store, "Valley College", OrgKind.COMMUNITY_COLLEGE)
    dean = f.person(store, "Dee Dean", college)
    store.assign(p.id, dean.id, RoleKind.SUPPORT_DELEGATE)
    mystery = f.person(store, "Max Mystery", f.org(store, "Mystery Works", OrgKind.UNKNOWN))
    f.leader(store, p, mystery)  # invited as a leader, organization kind not said yet
    stranger = f.person(store, "Sam Stranger", f.org(store, "Odd Co", OrgKind.UNKNOWN))
    area = add_area(store, p.id, "Welding pipeline")
    with pytest.raises(MeetingError, match="Dee Dean is a public partner from Valley College"):
        vote(store, p.id, area.id, dean.id)
    with pytest.raises(MeetingError, match="whose kind is unknown"):
        vote(store, p.id, area.id, stranger.id)
    vote(store, p.id, area.id, ceo.id)
    vote(store, p.id, area.id, mystery.id)  # an industry leader: benefit of the doubt
    vote(store, p.id, area.id)  # a flip-chart dot, anonymous
    assert store.launch(p.id).action_areas[0].votes == {ceo.id: 1, mystery.id: 1, 0: 1}


def test_a_public_partner_who_commits_joins_the_team_as_support(store: Store) -> None:
    p = _meeting(store)
    [ceo] = f.companies_with_leaders(store, p, 1)
    dean = f.person(store, "Dee Dean", f.org(store, "Valley College", OrgKind.COMMUNITY_COLLEGE))
    store.assign(p.id, dean.id, RoleKind.SUPPORT_DELEGATE)
    f.leader(store, p, dean)  # entered as a leader by mistake: still not industry
    for who in (ceo, dean):
        check_in(store, p.id, who.id, FIXED_NOW)
    area = add_area(store, p.id, "Skills")
    add_commitment(store, p.id, ceo.id, area.id)
    add_commitment(store, p.id, dean.id, area.id, "college courses")
    result = close_meeting(store, p.id, [area.id], FIXED_NOW.date())
    assert result.support == [dean.id] and result.attended == [ceo.id]
    [team] = result.teams
    on_team = {r.person_id for r in store.roles(partnership_id=p.id) if r.team_id == team.id}
    assert on_team == {ceo.id, dean.id}
    snapshot = store.snapshot(p.id)
    assert snapshot.is_industry(ceo.id) and not snapshot.is_industry(dean.id)


def test_the_facilitator_is_shown_as_the_facilitator(store: Store) -> None:
    p = _meeting(store)
    chair = f.person(store, "Fay Neutral", f.org(store, "Tri-County WDB", OrgKind.WORKFORCE_BOARD))
    store.assign(p.id, chair.id, RoleKind.FACILITATOR)
    [invitee] = invitees(store.snapshot(p.id))
    assert invitee.facilitator and not invitee.observer
