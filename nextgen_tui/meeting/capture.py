"""What the room says: industry opportunities, needed action areas with dot votes, and
commitments. Every function saves its change at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from nextgen_tui.errors import MeetingError
from nextgen_tui.meeting.record import open_meeting, validated
from nextgen_tui.models import ActionArea, Commitment, LaunchMeeting, Opportunity, OrgKind, RoleKind
from nextgen_tui.store.repository import Store

ANONYMOUS = 0  # the person id of anonymous dot votes
Captured = TypeVar("Captured", Opportunity, ActionArea, Commitment)


def _item(items: Sequence[Captured], item_id: int, what: str) -> Captured:
    """The captured item ``item_id`` (it may have been removed meanwhile)."""
    for item in items:
        if item.id == item_id:
            return item
    raise MeetingError(f"That {what} no longer exists.")


# --------------------------------------------------------------------------- opportunities


def _check_person(store: Store, person_id: int | None) -> None:
    if person_id:
        store.person(person_id)


def add_opportunity(
    store: Store, partnership_id: int, text: str, person_id: int | None = None
) -> Opportunity:
    """Capture an industry opportunity or trend, optionally said by ``person_id``."""
    meeting = open_meeting(store, partnership_id)
    _check_person(store, person_id)
    item = validated(
        Opportunity, {"id": meeting.next_item_id(), "text": text, "person_id": person_id or None}
    )
    if not item.text:
        raise MeetingError("Type the opportunity first.")
    store.save_launch(
        meeting.updated(opportunities=[*meeting.opportunities, item]), "Add an opportunity"
    )
    return item


def edit_opportunity(
    store: Store, partnership_id: int, item_id: int, text: str, person_id: int | None
) -> Opportunity:
    meeting = open_meeting(store, partnership_id)
    _item(meeting.opportunities, item_id, "opportunity")
    _check_person(store, person_id)
    item = validated(Opportunity, {"id": item_id, "text": text, "person_id": person_id or None})
    if not item.text:
        raise MeetingError("An opportunity needs some text (remove it instead?).")
    items = [item if o.id == item_id else o for o in meeting.opportunities]
    store.save_launch(meeting.updated(opportunities=items), "Edit an opportunity")
    return item


def remove_opportunity(store: Store, partnership_id: int, item_id: int) -> None:
    meeting = open_meeting(store, partnership_id)
    _item(meeting.opportunities, item_id, "opportunity")
    items = [o for o in meeting.opportunities if o.id != item_id]
    store.save_launch(meeting.updated(opportunities=items), "Remove an opportunity")


# --------------------------------------------------------------------------- action areas


def area_of(meeting: LaunchMeeting, area_id: int) -> ActionArea:
    return _item(meeting.action_areas, area_id, "action area")


def _same_title(meeting: LaunchMeeting, title: str, except_id: int = 0) -> ActionArea | None:
    wanted = " ".join(title.split()).casefold()
    for area in meeting.action_areas:
        if area.id != except_id and " ".join(area.title.split()).casefold() == wanted:
            return area
    return None


def add_area(store: Store, partnership_id: int, title: str) -> ActionArea:
    """Capture a needed action area (a candidate priority)."""
    meeting = open_meeting(store, partnership_id)
    area = validated(ActionArea, {"id": meeting.next_item_id(), "title": title})
    if _same_title(meeting, area.title) is not None:
        raise MeetingError(f"The action area {area.title!r} is already on the list.")
    store.save_launch(
        meeting.updated(action_areas=[*meeting.action_areas, area]), f"Add action area {area.title}"
    )
    return area


def rename_area(store: Store, partnership_id: int, area_id: int, title: str) -> ActionArea:
    meeting = open_meeting(store, partnership_id)
    area = area_of(meeting, area_id)
    renamed = validated(ActionArea, {**area.model_dump(), "title": title})
    clash = _same_title(meeting, renamed.title, except_id=area_id)
    if clash is not None:
        raise MeetingError(
            f"The action area {clash.title!r} is already on the list; merge the two instead."
        )
    areas = [renamed if a.id == area_id else a for a in meeting.action_areas]
    store.save_launch(meeting.updated(action_areas=areas), f"Rename action area {renamed.title}")
    return renamed


def remove_area(store: Store, partnership_id: int, area_id: int) -> None:
    """Remove an action area with its votes and the commitments made to it."""
    meeting = open_meeting(store, partnership_id)
    area = area_of(meeting, area_id)
    store.save_launch(
        meeting.updated(
            action_areas=[a for a in meeting.action_areas if a.id != area_id],
            commitments=[c for c in meeting.commitments if c.area_id != area_id],
            priority_area_ids=[i for i in meeting.priority_area_ids if i != area_id],
        ),
        f"Remove action area {area.title}",
    )


def merge_areas(store: Store, partnership_id: int, keep_id: int, merge_id: int) -> ActionArea:
    """Fold ``merge_id`` into ``keep_id`` (two names for the same thing); nothing is lost.

    Each person's dots are added together, commitments move to the kept area (a person
    committed to both keeps one commitment with both notes), and the merged area goes.
    """
    meeting = open_meeting(store, partnership_id)
    if keep_id == merge_id:
        raise MeetingError("Pick a different action area to merge into.")
    keep, gone = area_of(meeting, keep_id), area_of(meeting, merge_id)
    votes = dict(keep.votes)
    for person_id, dots in gone.votes.items():
        votes[person_id] = votes.get(person_id, 0) + dots
    kept = keep.updated(votes=votes)
    commitments: list[Commitment] = []
    kept_at: dict[int, int] = {}  # person id -> index of their commitment to the kept area
    for item in meeting.commitments:
        if item.area_id != merge_id:
            if item.area_id == keep_id:
                kept_at[item.person_id] = len(commitments)
            commitments.append(item)
    for item in meeting.commitments:
        if item.area_id != merge_id:
            continue
        at = kept_at.get(item.person_id)
        if at is None:
            kept_at[item.person_id] = len(commitments)
            commitments.append(item.updated(area_id=keep_id))
        else:
            already = commitments[at]
            note = "; ".join(n for n in (already.note, item.note) if n)
            commitments[at] = already.updated(note=note)
    priorities: list[int] = []
    for area_id in meeting.priority_area_ids:
        target = keep_id if area_id == merge_id else area_id
        if target not in priorities:
            priorities.append(target)
    store.save_launch(
        meeting.updated(
            action_areas=[
                kept if a.id == keep_id else a for a in meeting.action_areas if a.id != merge_id
            ],
            commitments=commitments,
            priority_area_ids=priorities,
        ),
        f"Merge {gone.title} into {keep.title}",
    )
    return kept


# --------------------------------------------------------------------------- dot votes


def _voters(meeting: LaunchMeeting) -> set[int]:
    return {pid for area in meeting.action_areas for pid in area.votes}


def votes_used(meeting: LaunchMeeting, person_id: int) -> int:
    """How many dots ``person_id`` has placed across all action areas."""
    return sum(area.votes.get(person_id, 0) for area in meeting.action_areas)


def dot_refusal(store: Store, partnership_id: int, person_id: int) -> str:
    """Why ``person_id`` may not place a dot (``""``: they may).

    The toolkit has public partners listen and make space for industry to set its
    priorities, so only industry attendees vote: people from a company, and champions or
    industry leaders whose organization's kind is not known yet.
    """
    person = store.person(person_id)
    org = store.organization(person.organization_id) if person.organization_id else None
    if org is not None and org.is_industry:
        return ""
    industry_roles = (RoleKind.CHAMPION, RoleKind.INDUSTRY_LEADER)
    if (org is None or org.kind is OrgKind.UNKNOWN) and any(
        role.role in industry_roles and role.current
        for role in store.roles(partnership_id=partnership_id, person_id=person_id)
    ):
        return ""
    if org is not None and org.kind is OrgKind.UNKNOWN:
        return (
            f"{person.name} is from {org.name}, whose kind is unknown: only industry "
            "attendees place dots. Set its kind in the directory, or count the dot as "
            "anonymous."
        )
    where = f" from {org.name}" if org is not None else ""
    return (
        f"{person.name} is a public partner{where}: public partners listen at the launch "
        "while industry sets its priorities, so only industry attendees place dots."
    )


def vote(
    store: Store, partnership_id: int, area_id: int, person_id: int = ANONYMOUS, delta: int = 1
) -> ActionArea:
    """Add (``delta`` 1) or take back (-1) a dot on an area for a person or anonymously.

    Only industry attendees place dots (:func:`dot_refusal`); taking one back is always
    allowed. A person may place at most the meeting's ``vote_limit`` dots in all;
    anonymous dots (``person_id`` 0, e.g. counted off a flip chart) have no limit.
    """
    if delta not in (1, -1):
        raise MeetingError("A vote adds or takes back one dot at a time.")
    meeting = open_meeting(store, partnership_id)
    area = area_of(meeting, area_id)
    who = store.person(person_id).name if person_id else "Anonymous"
    current = area.votes.get(person_id, 0)
    if delta < 0 and current == 0:
        raise MeetingError(f"{who} has no dot on {area.title!r} to take back.")
    if delta > 0 and person_id != ANONYMOUS:
        refused = dot_refusal(store, partnership_id, person_id)
        if refused:
            raise MeetingError(refused)
        used = votes_used(meeting, person_id)
        if used >= meeting.vote_limit:
            raise MeetingError(
                f"{who} has used all {meeting.vote_limit} of their dots; take one back first."
            )
    votes = {**area.votes, person_id: current + delta}
    if votes[person_id] == 0:
        del votes[person_id]
    updated = area.updated(votes=votes)
    areas = [updated if a.id == area_id else a for a in meeting.action_areas]
    verb = "Add a dot to" if delta > 0 else "Take a dot from"
    store.save_launch(meeting.updated(action_areas=areas), f"{verb} {area.title}")
    return updated


def set_vote_limit(store: Store, partnership_id: int, limit: int) -> LaunchMeeting:
    meeting = open_meeting(store, partnership_id)
    if not 1 <= limit <= 100:
        raise MeetingError("The vote limit must be a whole number from 1 to 100.")
    over = [
        pid for pid in _voters(meeting) if pid != ANONYMOUS and votes_used(meeting, pid) > limit
    ]
    if over:
        names = ", ".join(store.person(pid).name for pid in over[:3])
        raise MeetingError(
            f"{names} already used more than {limit} dots; take some back before lowering "
            "the limit."
        )
    return store.save_launch(meeting.updated(vote_limit=limit), "Change the vote limit")


# --------------------------------------------------------------------------- commitments


def add_commitment(
    store: Store, partnership_id: int, person_id: int, area_id: int, note: str = ""
) -> Commitment:
    """``person_id`` commits to act on an action area (with an optional note)."""
    meeting = open_meeting(store, partnership_id)
    person = store.person(person_id)
    area = area_of(meeting, area_id)
    for item in meeting.commitments:
        if item.person_id == person_id and item.area_id == area_id:
            raise MeetingError(f"{person.name} has already committed to {area.title!r}.")
    item = validated(
        Commitment,
        {"id": meeting.next_item_id(), "person_id": person_id, "area_id": area_id, "note": note},
    )
    store.save_launch(
        meeting.updated(commitments=[*meeting.commitments, item]),
        f"{person.name} commits to {area.title}",
    )
    return item


def edit_commitment(
    store: Store, partnership_id: int, item_id: int, area_id: int, note: str
) -> Commitment:
    meeting = open_meeting(store, partnership_id)
    item = _item(meeting.commitments, item_id, "commitment")
    area = area_of(meeting, area_id)
    for other in meeting.commitments:
        if other.id != item_id and other.person_id == item.person_id and other.area_id == area_id:
            name = store.person(item.person_id).name
            raise MeetingError(f"{name} has already committed to {area.title!r}.")
    changed = validated(Commitment, {**item.model_dump(), "area_id": area_id, "note": note})
    items = [changed if c.id == item_id else c for c in meeting.commitments]
    store.save_launch(meeting.updated(commitments=items), "Edit a commitment")
    return changed


def remove_commitment(store: Store, partnership_id: int, item_id: int) -> None:
    meeting = open_meeting(store, partnership_id)
    _item(meeting.commitments, item_id, "commitment")
    items = [c for c in meeting.commitments if c.id != item_id]
    store.save_launch(meeting.updated(commitments=items), "Remove a commitment")
