"""Corrections to a closed launch meeting, made from its summary: an item renamed (a typo
in an opportunity or an area), a person added to a team formed at the close (someone
whose commitment was missed). Each correction is one transaction and one undo step.
"""

from __future__ import annotations

from nextgen_tui.errors import MeetingError
from nextgen_tui.meeting.record import validated
from nextgen_tui.models import (
    TEAM_ROLES,
    ActionArea,
    ActionTeam,
    Commitment,
    LaunchMeeting,
    Opportunity,
    RoleKind,
)
from nextgen_tui.store.repository import Store


def closed_meeting(store: Store, partnership_id: int) -> LaunchMeeting:
    """The launch meeting, which must be closed (a live one is edited as it happens)."""
    meeting = store.launch(partnership_id)
    if not meeting.held:
        raise MeetingError("The meeting is not closed yet: change its items on the live screen.")
    return meeting


def formed_teams(store: Store, partnership_id: int) -> list[ActionTeam]:
    """The open action teams formed for the meeting's priorities, in priority order."""
    meeting = store.launch(partnership_id)
    by_area = {
        t.priority_area_id: t
        for t in store.teams(partnership_id)
        if t.closed is None and t.priority_area_id is not None
    }
    return [by_area[a] for a in meeting.priority_area_ids if a in by_area]


def rename_item(store: Store, partnership_id: int, item_id: int, text: str) -> str:
    """Correct the text of an opportunity or the title of an action area; a team formed
    from the area (still named after it) is renamed with it. Returns the new text."""
    meeting = closed_meeting(store, partnership_id)
    for opportunity in meeting.opportunities:
        if opportunity.id == item_id:
            changed = validated(Opportunity, {**opportunity.model_dump(), "text": text})
            if not changed.text:
                raise MeetingError("An opportunity needs some text.")
            items = [changed if o.id == item_id else o for o in meeting.opportunities]
            store.save_launch(meeting.updated(opportunities=items), "Correct an opportunity")
            return changed.text
    area = next((a for a in meeting.action_areas if a.id == item_id), None)
    if area is None:
        raise MeetingError("That item no longer exists.")
    renamed = validated(ActionArea, {**area.model_dump(), "title": text})
    wanted = " ".join(renamed.title.split()).casefold()
    for other in meeting.action_areas:
        if other.id != item_id and " ".join(other.title.split()).casefold() == wanted:
            raise MeetingError(f"The action area {other.title!r} is already on the list.")
    areas = [renamed if a.id == item_id else a for a in meeting.action_areas]
    with store.transaction(f"Rename action area {renamed.title}"):
        store.save_launch(meeting.updated(action_areas=areas))
        for team in store.teams(partnership_id):
            if team.priority_area_id == item_id and team.name == area.title:
                store.save_team(team.updated(name=renamed.title))
    return renamed.title


def add_to_team(
    store: Store, partnership_id: int, team_id: int, person_id: int, note: str = ""
) -> Commitment | None:
    """Add a person to a team formed at the close, as if they had committed to its area
    (the commitment is recorded too, so the summary and the gaps agree).

    Returns the commitment recorded (``None`` when they had already committed).
    """
    meeting = closed_meeting(store, partnership_id)
    team = store.team(team_id)
    person = store.person(person_id)
    if team.partnership_id != partnership_id or team.priority_area_id is None:
        raise MeetingError(f"{team.name} was not formed at this launch meeting.")
    if any(
        r.team_id == team_id and r.role in TEAM_ROLES
        for r in store.roles(partnership_id=partnership_id, person_id=person_id)
    ):
        raise MeetingError(f"{person.name} is already on {team.name}.")
    area_id = team.priority_area_id
    already = any(c.person_id == person_id and c.area_id == area_id for c in meeting.commitments)
    start = meeting.on or store.today()
    with store.transaction(f"Add {person.name} to {team.name}"):
        item: Commitment | None = None
        if not already and any(a.id == area_id for a in meeting.action_areas):
            item = validated(
                Commitment,
                {
                    "id": meeting.next_item_id(),
                    "person_id": person_id,
                    "area_id": area_id,
                    "note": note,
                },
            )
            store.save_launch(meeting.updated(commitments=[*meeting.commitments, item]))
        store.assign(
            partnership_id, person_id, RoleKind.ACTION_TEAM_MEMBER, team_id=team_id, start=start
        )
    return item
