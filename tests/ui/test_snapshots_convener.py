"""80x24 screenshots of every convener screen beyond the lists and stage views.

The directory, the person and organization forms, the person picker, the editors, the
undo history, the import wizard and the export dialog, each on the data of
:func:`tests.ui.test_snapshots.seeded_app`, compared with approved SVGs (at 80x24 nothing
a convener needs may be cut). Paths that depend on the test's folder are replaced by a
fixed text before the shot.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import DirectoryTree, Input

from nextgen_tui.app import RosterApp
from nextgen_tui.models import RoleKind
from screens.directory.org_form import OrgForm
from screens.directory.person_form import PersonForm
from screens.stage.convening_form import ConveningForm
from screens.stage.launch_form import LaunchForm
from screens.stage.role_editors import ChampionEditor, LeaderEditor
from screens.stage.screen import PartnershipScreen
from screens.stage.team_editor import TeamEditor
from screens.transfer.export_dialog import ExportScreen
from screens.transfer.import_wizard import ImportWizardScreen
from tests.ui.test_snapshots import seeded_app

SIZE = (80, 24)
Compare = Callable[..., bool]
Before = Callable[[Pilot[None]], Awaitable[None]]


def _push(make: Callable[[RosterApp], Screen[Any]], path_field: str | None = None) -> Before:
    """Open the first partnership, then push the screen ``make`` builds from the app."""

    async def before(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, RosterApp)
        await pilot.press("enter")
        await pilot.pause()
        await app.push_screen(make(app))
        await pilot.pause()
        if path_field is not None:  # the test's folder differs from run to run
            box = app.screen.query_one(path_field, Input)
            box.value = "~/rosters/roster.csv"
            box.cursor_position = len(box.value)
        await _settle(pilot)

    return before


async def _settle(pilot: Pilot[None]) -> None:
    """Let a folder tree load and refreshes finish before the shot; text cursors stay lit
    (a blinking one would be on or off by chance)."""
    for box in pilot.app.screen.query(Input):
        box.cursor_blink = False
    for tree in pilot.app.screen.query(DirectoryTree):
        for _ in range(100):  # its loader is a worker that never ends: wait for the rows
            if tree.root.children:
                break
            await pilot.pause(0.05)
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


def _role(app: RosterApp, kind: RoleKind) -> int:
    return next(r.id for r in app.store.roles() if r.role is kind)


def _shot(snap_compare: Compare, tmp_path: Path, before: Before, press: list[str]) -> bool:
    app = seeded_app(tmp_path / "roster.json")
    return bool(snap_compare(app, run_before=before, press=press, terminal_size=SIZE))


def test_directory(snap_compare: Compare, tmp_path: Path) -> None:
    async def before(pilot: Pilot[None]) -> None:
        await pilot.press("d")
        await _settle(pilot)

    assert _shot(snap_compare, tmp_path, before, ["down", "wait:100"])


def test_person_form(snap_compare: Compare, tmp_path: Path) -> None:
    before = _push(lambda app: PersonForm(app.store.people()[0].id))
    assert _shot(snap_compare, tmp_path, before, ["wait:100"])


def test_organization_form(snap_compare: Compare, tmp_path: Path) -> None:
    before = _push(lambda app: OrgForm(app.store.organizations()[0].id))
    assert _shot(snap_compare, tmp_path, before, ["wait:100"])


def test_person_picker(snap_compare: Compare, tmp_path: Path) -> None:
    async def before(pilot: Pilot[None]) -> None:
        await pilot.press("enter")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, PartnershipScreen)
        screen.focus_group(RoleKind.CORE_TEAM, None)
        await _settle(pilot)

    async def then(pilot: Pilot[None]) -> None:
        await before(pilot)
        await pilot.press("n")
        await pilot.pause()
        await _settle(pilot)

    assert _shot(snap_compare, tmp_path, then, [*"ana", "wait:100"])


def test_champion_editor(snap_compare: Compare, tmp_path: Path) -> None:
    before = _push(lambda app: ChampionEditor(_role(app, RoleKind.CHAMPION)))
    assert _shot(snap_compare, tmp_path, before, ["wait:100"])


def test_leader_editor(snap_compare: Compare, tmp_path: Path) -> None:
    before = _push(lambda app: LeaderEditor(_role(app, RoleKind.INDUSTRY_LEADER)))
    assert _shot(snap_compare, tmp_path, before, ["wait:100"])


def test_team_editor(snap_compare: Compare, tmp_path: Path) -> None:
    def make(app: RosterApp) -> Screen[Any]:
        team = app.store.teams(app.store.partnerships()[0].id)[0]
        return TeamEditor(team.partnership_id, team.id)

    assert _shot(snap_compare, tmp_path, _push(make), ["wait:100"])


def test_launch_form(snap_compare: Compare, tmp_path: Path) -> None:
    before = _push(lambda app: LaunchForm(app.store.partnerships()[0].id))
    assert _shot(snap_compare, tmp_path, before, ["wait:100"])


def test_convening_form(snap_compare: Compare, tmp_path: Path) -> None:
    before = _push(lambda app: ConveningForm(app.store.partnerships()[0].id))
    assert _shot(snap_compare, tmp_path, before, ["wait:100"])


def test_undo_history(snap_compare: Compare, tmp_path: Path) -> None:
    async def before(pilot: Pilot[None]) -> None:
        await pilot.press("enter")
        await pilot.pause()
        app = pilot.app
        assert isinstance(app, RosterApp)
        app.store.undo()  # the convening: undone, listed above the done steps
        await _settle(pilot)

    assert _shot(snap_compare, tmp_path, before, ["h", "wait:100"])


def test_import_wizard(snap_compare: Compare, tmp_path: Path) -> None:
    def make(app: RosterApp) -> Screen[Any]:
        return ImportWizardScreen(app.store.partnerships()[0].id)

    assert _shot(snap_compare, tmp_path, _push(make, "#path"), ["wait:100"])


def test_export_dialog(snap_compare: Compare, tmp_path: Path) -> None:
    before = _push(lambda app: ExportScreen(app.store.partnerships()[0].id), "#out")
    assert _shot(snap_compare, tmp_path, before, ["wait:100"])
