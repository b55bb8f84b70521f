"""The room view's Textual app: a second composition root, started by ``nextgen-tui room``.

It holds no store: the screen reads the file through a
:class:`~nextgen_tui.meeting.room.RoomWatcher`, which never takes the lock or writes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from nextgen_tui.meeting.room import RoomWatcher
from nextgen_tui.text.visible import visible
from screens.room.screen import RoomScreen

ROOM_TITLE = "Launch room view"


class RoomApp(App[None]):
    """The launch meeting of one partnership, large and read-only."""

    TITLE = ROOM_TITLE
    CSS_PATH = "room.tcss"

    BINDINGS = [
        Binding(
            "t",
            "light_or_dark",
            "Light/dark",
            tooltip="Switch between a dark and a light theme (light often reads better on a "
            "projector)",
            id="room.theme",
        ),
        Binding("q", "quit", "Quit", tooltip="Close the room view", id="room.quit"),
        Binding(
            "ctrl+q",
            "quit",
            "Quit",
            show=False,
            priority=True,
            tooltip="Close the room view",
            id="room.quit_ctrl",
        ),
    ]

    def __init__(
        self,
        path: Path,
        partnership_id: int,
        *,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        super().__init__()
        self.watcher = RoomWatcher(path, partnership_id)
        self.clock = clock
        self.sub_title = f"{visible(path.name)} (read-only)"

    def get_default_screen(self) -> Screen[None]:
        return RoomScreen(self.watcher, self.clock)

    def action_light_or_dark(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"
