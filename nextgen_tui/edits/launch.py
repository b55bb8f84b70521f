"""The launch meeting's logistics saved with a change of facilitator."""

from __future__ import annotations

from nextgen_tui.models import LaunchMeeting, RoleKind
from nextgen_tui.store.repository import Store


def save_launch_details(
    store: Store, meeting: LaunchMeeting, facilitator: int | None = None
) -> LaunchMeeting:
    """Save ``meeting``; with a ``facilitator``, make them the one facilitator.

    Every other facilitator's role ends (kept as history). One write, one undo step.
    """
    partnership_id = meeting.partnership_id
    with store.transaction("Edit launch meeting"):
        saved = store.save_launch(meeting)
        if facilitator is not None:
            for role in store.roles(partnership_id=partnership_id):
                if role.role is RoleKind.FACILITATOR and role.person_id != facilitator:
                    store.end_role(role.id)
            store.assign(partnership_id, facilitator, RoleKind.FACILITATOR)
    return saved
