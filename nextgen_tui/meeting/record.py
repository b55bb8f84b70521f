"""Loading and saving the launch meeting record, for every meeting module.

The meeting functions take the store and a ``now`` (so tests are deterministic) and save
every change at once, so a killed process loses nothing. A change the meeting cannot
make raises :class:`~nextgen_tui.errors.MeetingError` with a plain-English message.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from nextgen_tui.errors import MeetingError
from nextgen_tui.models import (
    CheckIn,
    LaunchMeeting,
    explain,
)
from nextgen_tui.store.repository import Store

M = TypeVar("M", bound=BaseModel)


# --------------------------------------------------------------------------- helpers


def open_meeting(store: Store, partnership_id: int) -> LaunchMeeting:
    """The partnership's launch meeting, refusing changes once it has been closed."""
    meeting = store.launch(partnership_id)
    if meeting.held:
        raise MeetingError(
            "The launch meeting is already closed (marked held); its record can no longer be "
            "changed from the meeting screen."
        )
    return meeting


def validated(model: type[M], data: dict[str, Any]) -> M:
    """Build a model, turning a validation error into a plain :class:`MeetingError`."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise MeetingError(explain(exc)) from exc


def checkin_of(meeting: LaunchMeeting, person_id: int) -> CheckIn | None:
    for checkin in meeting.checkins:
        if checkin.person_id == person_id:
            return checkin
    return None
