"""Requests to move between the app's areas, posted as messages.

A screen that wants another area (the partnerships list opening a partnership, a stage
view starting the launch meeting) posts one of these; it bubbles to the app, which opens
the area through :mod:`screens.commands`. So no area imports the navigation code, and the
areas never import each other in a circle.
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from textual.message import Message
from textual.screen import Screen

from nextgen_tui.models import Stage


class OpenPartnership(Message):
    """Show one partnership's stage views (at ``stage``, or where it stands)."""

    def __init__(self, partnership_id: int, stage: Stage | None = None) -> None:
        super().__init__()
        self.partnership_id = partnership_id
        self.stage = stage


class NewPartnership(Message):
    """Ask for a new partnership and open it once created."""


class StartMeeting(Message):
    """Open the live launch meeting of a partnership (it resumes where it was left)."""

    def __init__(self, partnership_id: int) -> None:
        super().__init__()
        self.partnership_id = partnership_id


#: The ids of the screens opened once (not stacked twice), so commands know one is open
#: without importing it.
DIRECTORY_ID = "directory"
REGION_ID = "region"


@runtime_checkable
class ShowsPartnership(Protocol):
    """A screen about one partnership: the stage views, the meeting, their forms."""

    partnership_id: int


class StageViewed(Message):
    """A stage view now shows ``stage`` of a partnership (remembered for the next run)."""

    def __init__(self, partnership_id: int, stage: Stage) -> None:
        super().__init__()
        self.partnership_id = partnership_id
        self.stage = stage


def current_partnership(screen: Screen[Any]) -> int | None:
    """The partnership the screen shows, if any (stage views and the meeting have one)."""
    if isinstance(screen, ShowsPartnership) and isinstance(screen.partnership_id, int):
        return screen.partnership_id or None
    return None
