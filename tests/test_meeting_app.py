"""The meeting in the whole app: opened from the Launch stage and the command palette."""

from __future__ import annotations

from nextgen_tui.app import RosterApp
from nextgen_tui.models import Stage
from nextgen_tui.store import Store
from screens.meeting import MeetingScreen
from tests import factories as f
from tests.app_ui import screen_text, stage_screen, wait

SIZE = (120, 40)


async def test_the_meeting_opens_from_the_launch_stage_and_the_palette(store: Store) -> None:
    p = f.partnership(store, stage=Stage.LAUNCH)
    f.leader(store, p, f.person(store, "Ann Able", f.org(store, "Acme Forge")))
    app = RosterApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        assert stage_screen(app).view_stage is Stage.LAUNCH
        await pilot.press("m")
        await wait(pilot)
        screen = app.screen
        assert isinstance(screen, MeetingScreen) and screen.partnership_id == p.id
        assert "Ann Able — Acme Forge" in screen_text(app)
        await pilot.press("escape")
        await wait(pilot)
        stage_screen(app)

        await pilot.press("ctrl+p")
        await wait(pilot)
        await pilot.press(*"resume launch meeting")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait(pilot)
        screen = app.screen
        assert isinstance(screen, MeetingScreen) and screen.partnership_id == p.id
        assert "Check-in is open" in screen_text(app)
