"""Helpers for driving the meeting screen in tests and benchmarks (not a test module)."""

from __future__ import annotations

import io

from rich.console import Console
from textual import events
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Static

from nextgen_tui.store.repository import Store
from screens.meeting.screen import MeetingScreen


class Host(App[None]):
    """A tiny app holding a store, like the real app, that opens the meeting screen."""

    def __init__(self, store: Store, partnership_id: int) -> None:
        super().__init__()
        self.store = store
        self.partnership_id = partnership_id

    def compose(self) -> ComposeResult:
        yield Static("host")

    def on_mount(self) -> None:
        self.push_screen(MeetingScreen(self.partnership_id))


def screen_text(app: App[object]) -> str:
    """The plain text on screen, as a user would read it (markup already applied)."""
    console = Console(
        width=app.size.width,
        height=app.size.height,
        file=io.StringIO(),
        record=True,
        force_terminal=True,
        legacy_windows=False,
        safe_box=False,
    )
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text()


def notifications(app: App[object]) -> list[str]:
    return [n.message for n in app._notifications]


def message(app: App[object]) -> str:
    """The problem shown in the meeting's message line ("" when none is shown)."""
    line = app.screen.query_one("#meeting-message", Static)
    return str(line.visual) if line.has_class("-shown") else ""


async def find(pilot: Pilot[None], typed: str, *, keys: bool = False) -> None:
    """ctrl+f, then the search typed key by key (``keys``) or pasted (fewer events)."""
    if keys:
        await pilot.press("ctrl+f", *typed)
    else:
        await pilot.press("ctrl+f")
        await paste(pilot, typed)


async def check_in(pilot: Pilot[None], typed: str, *, keys: bool = False) -> None:
    """Find a person and check them in with enter."""
    await find(pilot, typed, keys=keys)
    await pilot.press("enter")
    await pilot.pause()


async def pick(pilot: Pilot[None], typed: str) -> None:
    """Find a person and pick them (F3) for dots, commitments and opportunities."""
    await find(pilot, typed)
    await pilot.press("f3")
    await pilot.pause()


async def paste(pilot: Pilot[None], text: str) -> None:
    """Paste ``text`` into the focused box (one event instead of a key per letter)."""
    focused = pilot.app.focused
    assert focused is not None
    focused.post_message(events.Paste(text))
    await pilot.pause()
