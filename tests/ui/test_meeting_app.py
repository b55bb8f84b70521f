"""The meeting in the whole app: opened from the Launch stage and the command palette."""

from __future__ import annotations

import asyncio
import os
import random

import pytest
from textual import events

from nextgen_tui.app import RosterApp
from nextgen_tui.models import OrgKind, RoleKind, Stage
from nextgen_tui.store.repository import Store
from screens.common.confirm import ConfirmScreen
from screens.meeting.screen import MeetingScreen
from tests.support import factories as f
from tests.support.app_ui import drain, screen_text, stage_screen, wait

SIZE = (80, 24)  # the stage view and the meeting in their narrow layouts


async def test_the_meeting_opens_from_the_stage_takes_back_a_check_in_and_reopens_from_the_palette(
    store: Store,
) -> None:
    """One launch, in turn: m on the Launch stage opens the meeting; a check-in is taken
    back with undo, then with delete in the list (which asks first); escape asks before
    leaving the live meeting; the command palette resumes it."""
    p = f.partnership(store, stage=Stage.LAUNCH)
    f.leader(store, p, f.person(store, "Ann Able", f.org(store, "Acme Forge")))
    app = RosterApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        assert stage_screen(app).view_stage is Stage.LAUNCH
        await pilot.press("m")
        await wait(pilot)
        screen = app.screen
        assert isinstance(screen, MeetingScreen) and screen.partnership_id == p.id, "m opens it"
        assert "Ann Able — Acme Forge" in screen_text(app), "the meeting lists the invitee"

        await pilot.press(*"ann", "enter")
        await wait(pilot)
        assert len(store.launch(p.id).checkins) == 1, "enter checks in"
        assert "Present: 1" in screen_text(app), "the counter shows the check-in"
        await pilot.press("ctrl+z")
        await wait(pilot)
        assert store.launch(p.id).checkins == [], "undo takes the check-in back"
        assert "Present: 0" in screen_text(app), "the counter shows the undo"
        await pilot.press("enter")  # again, then delete in the list (it asks first)
        await wait(pilot)
        screen.query_one("#people-list").focus()
        await pilot.press("delete")
        await wait(pilot)
        assert "Take back the check-in of Ann Able?" in screen_text(app), "delete asks first"
        await pilot.press("y")
        await wait(pilot)
        assert store.launch(p.id).checkins == [], "yes takes the check-in back"
        assert "Present: 0" in screen_text(app), "the counter shows it"

        await pilot.press("escape")  # leaving the live meeting asks first
        await wait(pilot)
        assert isinstance(app.screen, ConfirmScreen) and "Leave the live meeting?" in (
            app.screen.question
        ), "escape asks before leaving"
        await pilot.press("y")
        await wait(pilot)
        stage_screen(app)

        await pilot.press("ctrl+p")
        await wait(pilot)
        await pilot.press(*"resume launch meeting")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait(pilot)
        screen = app.screen
        assert isinstance(screen, MeetingScreen) and screen.partnership_id == p.id, "palette"
        assert "Check-in is open" in screen_text(app), "the palette resumes the meeting"


MEETING_KEYS = [
    "f2", "f3", "f3", "f4", "f5", "f7", "f8", "f8", "f8", "f9", "ctrl+f", "ctrl+s", "delete",
    "plus", "plus", "minus", "c", "c", "e", "m", "y", "y", "n", "enter", "enter", "enter",
    "escape", "escape", "tab", "shift+tab", "up", "down", "home", "space", "1", "[", "]",
    *"aeinorst",
]  # fmt: skip


MEETING_PRESSES = 500 * int(os.environ.get("ROSTER_SOAK", "1"))
MEETING_PARTS = 2  # the keys in this many parts, each on a fresh app (run in parallel)


@pytest.mark.slow
@pytest.mark.parametrize("part", range(MEETING_PARTS))
async def test_random_keys_in_the_meeting_raise_nothing(store: Store, part: int) -> None:
    """Keys fired at the meeting a millisecond apart (faster than the app handles them):
    forms open and close, items are captured, votes cast, the meeting may even close."""
    p = f.partnership(store, stage=Stage.LAUNCH)
    college = f.org(store, "[b]College", OrgKind.COMMUNITY_COLLEGE)
    store.assign(p.id, f.person(store, "Pat [/] Public", college).id, RoleKind.CORE_TEAM)
    for i, who in enumerate(f.companies_with_leaders(store, p, 6)):
        if i < 2:
            f.champion(store, p, who)
    rng = random.Random(5)
    drawn = [rng.choice(MEETING_KEYS) for _ in range(MEETING_PRESSES)]
    size = MEETING_PRESSES // MEETING_PARTS
    keys = drawn[part * size : (part + 1) * size]
    app = RosterApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait(pilot)
        await pilot.press("m")
        await wait(pilot)
        assert isinstance(app.screen, MeetingScreen)
        for start in range(0, len(keys), 50):
            for key in keys[start : start + 50]:
                assert app._driver is not None
                app._driver.send_message(events.Key(key, key if len(key) == 1 else None))
                await asyncio.sleep(0.001)
            await pilot.pause()
            assert app.is_running and app.return_code is None
            if not isinstance(app.screen, MeetingScreen) and type(app.screen).__name__ in (
                "PartnershipScreen",
                "PartnershipsScreen",
            ):
                await pilot.press("m")  # escape left the meeting: go back in
                await wait(pilot)
        await drain(pilot)
    assert app._exception is None
    meeting = store.launch(p.id)
    # the walk really ran the meeting (which part starts it depends on the interleaving)
    assert meeting.phase is not None or meeting.checkins or meeting.action_areas
