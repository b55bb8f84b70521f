"""The meeting's settings, changed at once: each part's time budget and the dots per person."""

from __future__ import annotations

from collections.abc import Mapping

from nextgen_tui.meeting.agenda import set_phase_minutes
from nextgen_tui.meeting.capture import set_vote_limit
from nextgen_tui.models import LaunchMeeting, MeetingPhase
from nextgen_tui.store.repository import Store


def change_settings(
    store: Store, partnership_id: int, minutes: Mapping[MeetingPhase, int], vote_limit: int
) -> LaunchMeeting:
    """Set the phases' minutes and the vote limit: both or neither, one undo step."""
    with store.transaction("Change the meeting settings"):
        set_phase_minutes(store, partnership_id, minutes)
        return set_vote_limit(store, partnership_id, vote_limit)
