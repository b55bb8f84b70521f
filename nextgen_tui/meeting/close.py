"""Closing the launch: one store transaction that forms an action team per chosen
priority area with the people who committed to it (one of them its lead), marks the
launch held and records attendance.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from nextgen_tui.errors import MeetingError
from nextgen_tui.meeting.capture import area_of
from nextgen_tui.meeting.checkin import committed_champions, ensure_leader
from nextgen_tui.meeting.record import open_meeting
from nextgen_tui.models import (
    ActionArea,
    ActionTeam,
    LaunchMeeting,
    MeetingPhase,
    RoleKind,
)
from nextgen_tui.models.snapshot import PartnershipSnapshot
from nextgen_tui.store.repository import Store

#: How many of the top-voted areas the close dialog preselects.
SUGGESTED_PRIORITIES = 3


def ranked_areas(meeting: LaunchMeeting) -> list[ActionArea]:
    """Action areas by dot votes, most first (ties in the order they were named)."""
    order = {area.id: index for index, area in enumerate(meeting.action_areas)}
    return sorted(meeting.action_areas, key=lambda a: (-a.vote_count, order[a.id]))


def suggested_priorities(meeting: LaunchMeeting, count: int = SUGGESTED_PRIORITIES) -> list[int]:
    """The ids of the top-voted areas (only areas that got at least one dot)."""
    return [a.id for a in ranked_areas(meeting) if a.vote_count > 0][:count]


def committed_to(meeting: LaunchMeeting, area_id: int) -> list[int]:
    """The people who committed to an area, in the order they committed."""
    return list(dict.fromkeys(c.person_id for c in meeting.commitments if c.area_id == area_id))


def default_lead(snapshot: PartnershipSnapshot, area_id: int) -> int | None:
    """Who leads an area's team unless the facilitator says otherwise: a committed champion
    who committed to it, else its first industry member, else nobody yet."""
    meeting = snapshot.launch
    if meeting is None:
        return None
    people = [p for p in committed_to(meeting, area_id) if p in snapshot.people]
    champions = committed_champions(snapshot)
    for person_id in people:
        if person_id in champions and not is_public(snapshot, person_id):
            return person_id
    return next((p for p in people if snapshot.is_industry(p)), None)


@dataclass(frozen=True)
class CloseResult:
    meeting: LaunchMeeting
    teams: list[ActionTeam]
    attended: list[int]  # person ids recorded as attending industry leaders
    support: list[int]  # public partners who committed: on their teams as support


def close_meeting(
    store: Store,
    partnership_id: int,
    priority_ids: Sequence[int],
    today: date,
    leads: Mapping[int, int | None] | None = None,
) -> CloseResult:
    """Close the meeting: form the action teams, mark the launch held, record attendance.

    ``leads`` maps an area id to the person who leads its team (``None``: no lead yet);
    an area left out gets :func:`default_lead`. A lead must have committed to the area.
    One transaction: either all of it is saved or none of it. An area that already has an
    action team (formed earlier for this priority) keeps it and gains the new members.
    """
    meeting = open_meeting(store, partnership_id)
    chosen = list(dict.fromkeys(priority_ids))
    if not chosen:
        raise MeetingError("Pick at least one priority area to close the meeting.")
    areas = [area_of(meeting, area_id) for area_id in chosen]
    snapshot = store.snapshot(partnership_id)
    chosen_leads = {a.id: default_lead(snapshot, a.id) for a in areas}
    for area in areas:
        if leads is not None and area.id in leads:
            lead = leads[area.id]
            if lead is not None and lead not in committed_to(meeting, area.id):
                raise MeetingError(
                    f"{store.person(lead).name} did not commit to {area.title!r}; only someone "
                    "who committed to it can lead its team."
                )
            chosen_leads[area.id] = lead
    existing = {t.priority_area_id: t for t in snapshot.teams if t.closed is None}
    teams: list[ActionTeam] = []
    attended: list[int] = []
    support: list[int] = []
    with store.transaction("Close the launch meeting"):
        for area in areas:
            team = existing.get(area.id) or store.save_team(
                ActionTeam(
                    partnership_id=partnership_id,
                    name=area.title,
                    priority_area_id=area.id,
                    formed=today,
                )
            )
            teams.append(team)
            for person_id in committed_to(meeting, area.id):
                person = snapshot.people.get(person_id)
                if person is not None and not person.deleted:
                    if is_public(snapshot, person_id):
                        support.append(person_id)  # support member, never industry
                    lead = person_id == chosen_leads[area.id]
                    _join(store, partnership_id, person_id, team.id, lead, today)
        for checkin in meeting.checkins:
            person = snapshot.people.get(checkin.person_id)
            if person is None or person.deleted:
                continue
            has_leader_role = any(
                r.role is RoleKind.INDUSTRY_LEADER and r.person_id == person.id
                for r in snapshot.current_roles
            )
            if is_public(snapshot, person.id):
                continue  # a public partner listened: never recorded as an industry leader
            if has_leader_role or snapshot.is_industry(person.id):
                ensure_leader(store, partnership_id, person.id, attended=True)
                attended.append(person.id)
        closed = store.save_launch(
            meeting.updated(
                priority_area_ids=chosen,
                held=True,
                # the day it was actually held (the planned date may have moved)
                on=meeting.started.date() if meeting.started else meeting.on or today,
                phase=MeetingPhase.CLOSE,
            ),
            "Close the launch meeting",
        )
    return CloseResult(meeting=closed, teams=teams, attended=attended, support=support)


def is_public(snapshot: PartnershipSnapshot, person_id: int) -> bool:
    """From a public partner organization (known, and not a company)."""
    org = snapshot.organization_of(person_id)
    return org is not None and org.is_public


def _join(
    store: Store, partnership_id: int, person_id: int, team_id: int, lead: bool, today: date
) -> None:
    """Put a person on a team as its lead or a member; someone already on it keeps their
    place, except that a member chosen as lead becomes the lead."""
    held = [
        r
        for r in store.roles(partnership_id=partnership_id, person_id=person_id)
        if r.team_id == team_id
        and r.role in (RoleKind.ACTION_TEAM_MEMBER, RoleKind.ACTION_TEAM_LEAD)
    ]
    if any(r.role is RoleKind.ACTION_TEAM_LEAD for r in held) or (held and not lead):
        return
    for role in held:
        store.end_role(role.id, today)
    kind = RoleKind.ACTION_TEAM_LEAD if lead else RoleKind.ACTION_TEAM_MEMBER
    store.assign(partnership_id, person_id, kind, team_id=team_id, start=today)
