"""Storage problems are plain messages, never crashes; themes switch.

The file changed by another program behind the app, and a file opened read-only: the
change is refused with a message, the app keeps running, nothing typed is lost.
"""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import Static

from nextgen_tui.app import RosterApp
from nextgen_tui.models import RoleKind
from nextgen_tui.store.repository import Store
from screens.stage.widgets import RosterList, StageBar
from tests.conftest import FIXED_NOW
from tests.support import factories as f
from tests.support.app_ui import (
    roster_lines,
    run_palette_command,
    screen_text,
    stage_screen,
    type_in,
    wait,
)
from tests.support.notices import Notices

SIZE = (120, 40)


def _rename_on_disk(path: Path, new_name: str) -> None:
    """What another program does: rewrite the file with a partnership renamed."""
    data = json.loads(path.read_text())
    for record in data["partnerships"].values():
        record["name"] = new_name
    path.write_text(json.dumps(data))


async def test_file_changed_behind_the_app(store: Store, db_path: Path, notices: Notices) -> None:
    p = f.partnership(store)
    ann = f.person(store, "Ann Able", f.org(store, "Acme Forge"))
    role = store.assign(p.id, ann.id, RoleKind.CORE_TEAM)
    app = RosterApp(store)
    async with app.run_test(size=SIZE) as pilot:
        _rename_on_disk(db_path, "Renamed Elsewhere")
        roster = app.screen.query_one(RosterList)
        roster.focus()
        roster.highlighted = next(
            i for i, entry in enumerate(roster.entries) if entry.person_id == ann.id
        )
        await pilot.press("x")  # end Ann's role...
        await wait(pilot)
        await pilot.press("y")
        await wait(pilot)
        assert app.is_running
        [message] = [m for m in notices.messages if "changed by another program" in m]
        assert "ctrl+r" in message
        assert store.role(role.id).end is None  # refused: the other program's file is kept
        assert json.loads(db_path.read_text())["partnerships"][str(p.id)]["name"] == (
            "Renamed Elsewhere"
        )
        assert any("Ann Able" in line for line in roster_lines(app))

        await pilot.press("ctrl+r")  # read their version, then the change works
        await wait(pilot)
        assert stage_screen(app).title == "Renamed Elsewhere"
        assert store.partnership(p.id).name == "Renamed Elsewhere"
        await pilot.press("x")
        await wait(pilot)
        await pilot.press("y")
        await wait(pilot)
        assert store.role(role.id).end is not None
        assert not any("Ann Able" in line for line in roster_lines(app))


async def test_read_only_file_offers_no_editing_and_changes_nothing(db_path: Path) -> None:
    with Store(db_path, clock=lambda: FIXED_NOW) as seeding:
        f.partnership(seeding)
        f.partnership(seeding, "Construction, South", "Construction", "South")
    store = Store(db_path, read_only=True, clock=lambda: FIXED_NOW)
    app = RosterApp(store)
    async with app.run_test(size=SIZE) as pilot:
        assert "READ-ONLY" in screen_text(app)
        assert " n New" not in screen_text(app).splitlines()[-1]  # the footer offers no n
        await pilot.press("n")  # no form opens, so nothing typed can be lost in one
        await wait(pilot)
        await pilot.press(*"Healthcare, East", "tab", *"Healthcare", "tab", *"East", "ctrl+s")
        await wait(pilot)
        assert app.is_running
        assert type(app.screen).__name__ != "PartnershipForm"
        assert [p.name for p in store.partnerships()] == [
            "Advanced Manufacturing, North Valley",
            "Construction, South",
        ]
        await pilot.press("ctrl+z")  # nothing was changed, so nothing to undo
        await wait(pilot)
        assert app.is_running
        await pilot.press("enter")  # the stage view: no word of advancing, since a is off
        await wait(pilot)
        status = str(stage_screen(app).query_one("#stage-status", Static).render())
        assert "Prepare" in status and "current stage" in status
        assert "advances to" not in status and "advances to" not in screen_text(app)
    store.close()


async def test_theme_switching_recolours_the_screens(store: Store) -> None:
    f.partnership(store)
    app = RosterApp(store)
    async with app.run_test(size=SIZE) as pilot:
        stage_screen(app)
        bar = app.screen.query_one(StageBar)
        dark = (app.screen.styles.background, bar.styles.background)
        await run_palette_command(pilot, "theme")  # "Theme": pick one from a list
        await type_in(pilot, "textual-light")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait(pilot)
        assert app.theme == "textual-light"
        screen = stage_screen(app)
        assert (screen.styles.background, bar.styles.background) != dark
        assert "Who's at the table" in screen_text(app)
