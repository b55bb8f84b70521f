"""Helpers for driving the whole app in tests (not a test module)."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Select

from screens.stage.screen import PartnershipScreen
from screens.stage.widgets import GapList, RosterList
from tests.support.meeting_ui import screen_text

__all__ = [
    "gap_rules",
    "highlight_gap",
    "roster_lines",
    "run_palette_command",
    "screen_text",
    "select_value",
    "stage_screen",
    "type_in",
    "wait",
]


def stage_screen(app: App[Any]) -> PartnershipScreen:
    screen = app.screen
    assert isinstance(screen, PartnershipScreen), f"expected a stage view, got {screen!r}"
    return screen


def roster_lines(app: App[Any]) -> list[str]:
    """The plain text of each line of "Who's at the table"."""
    roster = app.screen.query_one(RosterList)
    return [str(option.prompt) for option in roster.options]


def gap_rules(app: App[Any], *, upcoming: bool = False) -> list[str]:
    """The rule ids listed under "What's missing" for the viewed stage (and later ones)."""
    screen = stage_screen(app)
    gaps = [gap for gap in screen.query_one(GapList).gaps if gap is not None]
    if not upcoming:
        gaps = [gap for gap in gaps if gap.stage is screen.view_stage]
    return [gap.rule for gap in gaps]


async def select_value(pilot: Pilot[None], field_id: str, value: object) -> None:
    """Choose a value in a Select of the current form (as picking it from the list does)."""
    select = pilot.app.screen.query_one(f"#{field_id}", Select)
    select.value = value
    await pilot.pause()


async def type_in(pilot: Pilot[None], *fields: str) -> None:
    """Type each text into the focused field, then tab to the next one (the last is not
    followed by tab). Pasted, one event per field: ~70 ms a key adds up in long forms."""
    for index, text in enumerate(fields):
        focused = pilot.app.focused
        assert focused is not None
        focused.post_message(events.Paste(text))
        await pilot.pause()
        if index < len(fields) - 1:
            await pilot.press("tab")


async def run_palette_command(pilot: Pilot[None], query: str) -> None:
    """Run a command of the palette as a user does: ctrl+p, part of its title, enter
    (the palette searches its providers in the background: a moment for the matches)."""
    await pilot.press("ctrl+p")
    await wait(pilot)
    await type_in(pilot, query)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await wait(pilot)


async def wait(pilot: Pilot[None]) -> None:
    """Let messages, screen pushes and refreshes settle."""
    await pilot.pause()
    await pilot.pause()


async def drain(pilot: Pilot[None]) -> None:
    """Let every key still queued reach the app before the test ends it.

    Keys sent straight to the driver can still be queued when ``run_test`` shuts the app
    down; Textual then handles them with no screen left and raises ScreenStackError("No
    screens on stack") at the test's exit, a failure of the teardown, not of a screen.
    """
    while not pilot.app._message_queue.empty():
        await pilot.pause()
    await wait(pilot)


async def highlight_gap(pilot: Pilot[None], rule: str) -> None:
    """Focus "What's missing" and move down to the gap of ``rule``."""
    gaps = pilot.app.screen.query_one(GapList)
    gaps.focus()
    for _ in range(len(gaps.gaps) + 1):
        if gaps.current is not None and gaps.current.rule == rule:
            return
        await pilot.press("down")
    raise AssertionError(f"{rule} is not listed")
