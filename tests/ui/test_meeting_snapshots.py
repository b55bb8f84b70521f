"""Screenshots of the live meeting and its dialogs at 80x24, compared with approved SVGs.

Regenerate after an intended change with ``pytest tests/ui/test_meeting_snapshots.py
--snapshot-update -k NAME`` and look at the SVGs before committing them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from nextgen_tui.meeting.agenda import go_to_phase, start_meeting
from nextgen_tui.meeting.capture import add_area, add_commitment, add_opportunity, vote
from nextgen_tui.meeting.checkin import check_in
from nextgen_tui.meeting.close import close_meeting
from nextgen_tui.models import MeetingPhase
from nextgen_tui.store.repository import Store
from tests.conftest import FIXED_NOW
from tests.support.meeting_ui import INDUSTRY, PUBLIC, Host, person_id, seed

Compare = Callable[..., bool]
SIZE = (80, 24)


def pressing(*keys: str, blur: bool = False) -> Callable[[Pilot[None]], Awaitable[None]]:
    """Press ``keys`` once the meeting has loaded (each handled before the next), then
    take out what depends on the machine's speed: the passing notifications, the cursor's
    blink, a screen under a dialog not yet redrawn. ``blur``: nothing focused before the
    keys (a box's focus colour under a dialog goes when the screen below is next drawn)."""

    async def run_before(pilot: Pilot[None]) -> None:
        app = pilot.app
        await pilot.pause()
        app.clear_notifications()  # "Resumed the meeting…", while the meeting is on top: a
        await pilot.pause()  # toast left on the screen under a dialog goes when it is redrawn
        if blur:
            app.screen.set_focus(None)
            await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        app.clear_notifications()
        for screen in app.screen_stack:
            for box in screen.query(Input):
                box.cursor_blink = False
            screen.refresh()
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()

    return run_before


def meeting_app(path: Path, phase: MeetingPhase, *, closed: bool = False) -> Host:
    """The seeded room mid-meeting: ten arrived, items captured up to ``phase``."""
    store = Store(path, clock=lambda: FIXED_NOW)
    p = seed(store)
    for name in [*INDUSTRY[:8], *PUBLIC[:2]]:
        check_in(store, p.id, person_id(store, name), FIXED_NOW)
    start_meeting(store, p.id, FIXED_NOW)
    add_opportunity(store, p.id, "Robots on every line", person_id(store, "Avery Anders"))
    add_opportunity(store, p.id, "[TODO] Aging workforce")
    skills, supply, _ = (
        add_area(store, p.id, title) for title in ("Skills pipeline", "Supply chain", "Housing")
    )
    for name in INDUSTRY[:3]:
        vote(store, p.id, skills.id, person_id(store, name))
    vote(store, p.id, supply.id, person_id(store, "Devon Dale"))
    for name, area in [("Avery Anders", skills), ("Parker Pratt", skills), ("Devon Dale", supply)]:
        add_commitment(store, p.id, person_id(store, name), area.id)
    go_to_phase(store, p.id, phase, FIXED_NOW)
    if closed:
        close_meeting(store, p.id, [skills.id, supply.id], FIXED_NOW.date())
    return Host(store, p.id)


@pytest.mark.parametrize(
    ("phase", "press"),
    [
        (MeetingPhase.WELCOME, ["f6"]),  # not yet arrived
        (MeetingPhase.ACTION_AREAS, ["ctrl+f", *"Cas", "f3"]),  # Casey's dots next
        (MeetingPhase.COMMITMENTS, ["ctrl+f", *"Eme", "f3", "down"]),
    ],
    ids=["check-in", "dots", "commitments"],
)
def test_the_live_meeting(
    snap_compare: Compare, tmp_path: Path, phase: MeetingPhase, press: list[str]
) -> None:
    app = meeting_app(tmp_path / "roster.json", phase)
    assert snap_compare(app, run_before=pressing(*press), terminal_size=SIZE)


@pytest.mark.parametrize(
    "press",
    # the leads dialog comes second, over a meeting redrawn at a moment that depends on the
    # machine: test_meeting_keys checks what it shows and saves instead
    [["f2"], ["f5"], ["f9"], ["escape"]],
    ids=["walk-in", "times-and-dots", "priorities", "leave"],
)
def test_the_meeting_dialogs(snap_compare: Compare, tmp_path: Path, press: list[str]) -> None:
    app = meeting_app(tmp_path / "roster.json", MeetingPhase.CLOSE)
    assert snap_compare(app, run_before=pressing(*press, blur=True), terminal_size=SIZE)


@pytest.mark.parametrize("press", [[], ["e"], ["t", "enter"]], ids=["summary", "correct", "team"])
def test_the_closed_meeting(snap_compare: Compare, tmp_path: Path, press: list[str]) -> None:
    app = meeting_app(tmp_path / "roster.json", MeetingPhase.CLOSE, closed=True)
    assert snap_compare(app, run_before=pressing(*press), terminal_size=SIZE)
