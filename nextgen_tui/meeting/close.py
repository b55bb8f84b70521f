"""Closing the launch: one store transaction that forms an action team per chosen
priority area with the people who committed to it, marks the launch held and records
attendance.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from nextgen_tui.errors import MeetingError
from nextgen_tui.meeting.capture import area_of
from nextgen_tui.meeting.checkin import ensure_leader
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


@dataclass(frozen=True)
class CloseResult:
    meeting: LaunchMeeting
    teams: list[ActionTeam]
    attended: list[int]  # person ids recorded as attending industry leaders
    support: list[int]  # public partners who committed: on their teams as support


def close_meeting(
    store: Store, partnership_id: int, priority_ids: Sequence[int], today: date
) -> CloseResult:
    """Close the meeting: form the action teams, mark the launch held, record attendance.

    One transaction: either all of it is saved or none of it. An area that already has an
    action team (formed earlier for this priority) keeps it and gains the new members.
    """
    meeting = open_meeting(store, partnership_id)
    chosen = list(dict.fromkeys(priority_ids))
    if not chosen:
        raise MeetingError("Pick at least one priority area to close the meeting.")
    areas = [area_of(meeting, area_id) for area_id in chosen]
    snapshot = store.snapshot(partnership_id)
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
            for item in meeting.commitments:
                person = snapshot.people.get(item.person_id)
                if item.area_id == area.id and person is not None and not person.deleted:
                    if is_public(snapshot, item.person_id):
                        support.append(item.person_id)  # support member, never industry
                    store.assign(
                        partnership_id,
                        item.person_id,
                        RoleKind.ACTION_TEAM_MEMBER,
                        team_id=team.id,
                        start=today,
                    )
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
