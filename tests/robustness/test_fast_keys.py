"""Keys arriving faster than the app handles them: a screen answers once, nothing crashes.

A key is queued on the focused widget before the widget has handled the one before it, so
two enters on a list post two "selected" messages to its screen. Without
``screens.modal.DismissOnce`` the second dismiss popped the screen underneath (or raised
``ScreenStackError`` / ``InvalidStateError``). Keys go to the app's driver a millisecond
apart, as a terminal sends them (``Pilot.press`` would wait for the app after each key).
"""

from __future__ import annotations

import asyncio
import os
import random
from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Button, Input, OptionList

from nextgen_tui.app import RosterApp
from nextgen_tui.models import (
    ActionArea,
    Commitment,
    LaunchMeeting,
    MeetingPhase,
    OrgKind,
    Partnership,
    RoleKind,
    Stage,
)
from nextgen_tui.store.repository import Store
from screens.common.confirm import ConfirmScreen
from screens.directory.org_form import OrgKindScreen
from screens.directory.screen import DirectoryScreen
from screens.meeting.pickers import MergeScreen, PrioritiesScreen
from screens.meeting.screen import MeetingScreen
from screens.stage.screen import PartnershipScreen
from screens.transfer.export_dialog import ExportScreen
from screens.transfer.import_wizard import ImportWizardScreen
from tests.support import factories as f
from tests.support.app_ui import wait

SIZE = (100, 30)
#: Keys of each random walk below; ``make soak`` (ROSTER_SOAK=10) walks ten times as far.
WALK_PRESSES = 100 * int(os.environ.get("ROSTER_SOAK", "1"))
AREAS = [ActionArea(id=i, title=f"Area {i}", votes={1: 4 - i}) for i in (1, 2, 3)]


async def fire(pilot: Pilot[None], keys: Iterable[str], *, settle: bool = True) -> None:
    """Send the keys a millisecond apart (then, with ``settle``, let the app catch up)."""
    app = pilot.app
    for key in keys:
        assert app._driver is not None
        app._driver.send_message(events.Key(key, key if len(key) == 1 else None))
        await asyncio.sleep(0.001)
    if settle:
        await wait(pilot)


async def finish(app: RosterApp, group: str) -> None:
    """Wait for the group's workers (an empty list would wait for the file tree's loader,
    which never ends)."""
    workers = [w for w in app.workers if w.group == group]
    if workers:
        await app.workers.wait_for_complete(workers)


def still_running(app: RosterApp) -> None:
    assert app.is_running and app.return_code is None
    assert app._exception is None


# ---------------------------------------------------------------------------- one answer

Answer = Callable[[Any], object]


def select(screen: Screen[Any]) -> None:
    """Enter on the screen's list: twice, two "selected" messages wait in the screen's
    queue, as when a fast typist's second enter is handled before the first answer."""
    screen.query_one(OptionList).action_select()


def leave_meeting(screen: Screen[Any]) -> None:
    """Escape on the live meeting, and yes to its question (leaving asks first)."""
    assert isinstance(screen, MeetingScreen)
    screen.action_back()
    question = screen.app.screen
    if isinstance(question, ConfirmScreen):
        question.action_answer(True)


#: screen builder (from the partnership id), how it is answered (twice), the one answer
ANSWERED_TWICE: dict[str, tuple[Callable[[int], Screen[Any]], Answer, object]] = {
    "org kind: selected twice": (lambda pid: OrgKindScreen("Acme Inc"), select, OrgKind.COMPANY),
    "merge: selected twice": (lambda pid: MergeScreen(AREAS[0], AREAS[1:]), select, 2),
    "merge: cancelled twice": (
        lambda pid: MergeScreen(AREAS[0], AREAS[1:]),
        lambda screen: screen.action_cancel(),
        None,
    ),
    "priorities: done twice": (
        lambda pid: PrioritiesScreen(AREAS, [1, 2], {1: 2}),
        lambda screen: screen.action_done(),
        [1, 2],
    ),
    "confirm: no pressed twice": (
        lambda pid: ConfirmScreen("Delete?"),
        lambda screen: screen.query_one("#no", Button).press(),
        False,
    ),
    "export: cancelled twice": (ExportScreen, lambda screen: screen.action_cancel(), None),
    "import: back twice": (ImportWizardScreen, lambda screen: screen.action_back(), None),
    "directory: back twice": (lambda pid: DirectoryScreen(), lambda s: s.action_back(), None),
    "meeting: left twice": (MeetingScreen, lambda screen: leave_meeting(screen), None),
    "stage view: back twice": (PartnershipScreen, lambda screen: screen.action_back(), None),
}


@pytest.mark.parametrize("case", list(ANSWERED_TWICE))
async def test_a_screen_answered_twice_answers_once(store: Store, case: str) -> None:
    build, answer, expected = ANSWERED_TWICE[case]
    p = f.partnership(store, stage=Stage.LAUNCH)
    app = RosterApp(store)
    answers: list[object] = []
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        base = app.screen  # the partnership's stage view (the only partnership)
        screen = build(p.id)
        await app.push_screen(screen, answers.append)
        await wait(pilot)
        answer(screen)
        answer(screen)
        await wait(pilot)
        assert answers == [expected]
        assert app.screen is base  # the screen under it was not popped with it
        still_running(app)


async def test_a_question_answered_before_it_mounted_answers_once(store: Store) -> None:
    """ "delete y" typed at once: the y reaches the question before it has mounted."""
    f.partnership(store)
    app = RosterApp(store)
    answers: list[object] = []
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        base = app.screen
        question = ConfirmScreen("Delete?")
        app.push_screen(question, answers.append)
        assert not question.is_mounted
        question.action_answer(True)
        question.action_answer(False)
        await wait(pilot)
        assert answers == [True]
        assert app.screen is base
        still_running(app)


# ---------------------------------------------------------------------------- random keys


class Inert(Screen[None]):
    """Under the screen walked: the keys that leave it land here and do nothing."""


async def walk(
    pilot: Pilot[None],
    keys: list[str],
    seed: int,
    reopen: Callable[[], Awaitable[object]],
    presses: int = 0,
) -> set[str]:
    """Fire random keys a millisecond apart at the screen ``reopen`` opens, opening it again
    whenever the keys closed it. Returns the names of every screen shown meanwhile."""
    app = pilot.app
    assert isinstance(app, RosterApp)
    seen: set[str] = set()
    app.screen_change_signal.subscribe(app, lambda screen: seen.add(type(screen).__name__))
    base = Inert()
    await app.push_screen(base)
    await reopen()
    rng = random.Random(seed)
    for n in range(presses or WALK_PRESSES):
        await fire(pilot, [rng.choice(keys)], settle=n % 25 == 24)
        if app.screen is base:
            await wait(pilot)
            await reopen()
        still_running(app)
    await wait(pilot)
    still_running(app)
    return seen


@f.seeds
def seed_roster(store: Store, name: str = "Bob [/] Partners") -> Partnership:
    p = f.partnership(store, name, stage=Stage.LAUNCH)
    college = f.org(store, "[b]College", OrgKind.COMMUNITY_COLLEGE)
    store.assign(p.id, f.person(store, "Pat [/] Public", college).id, RoleKind.CORE_TEAM)
    for who in f.companies_with_leaders(store, p, 4):
        f.champion(store, p, who)
    return p


DIRECTORY_KEYS = [
    "a", "e", "delete", "y", "n", "ctrl+n", "ctrl+o", "ctrl+z", "ctrl+s", "enter", "enter",
    "escape", "escape", "tab", "up", "down", "space", "b", "o", "l", "t",
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 7])
async def test_random_keys_in_the_directory(store: Store, seed: int) -> None:
    seed_roster(store)
    app = RosterApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        seen = await walk(pilot, DIRECTORY_KEYS, seed, lambda: app.push_screen(DirectoryScreen()))
    assert "DirectoryScreen" in seen
    assert seen - {"DirectoryScreen", "Inert"}, seen  # it opened forms or questions too


WIZARD_KEYS = [
    *["ctrl+n"] * 5, *["ctrl+s"] * 3, *["y"] * 3, "enter", "n", "escape", "u", "k", "a", "U",
    "K", "A", "tab", "shift+tab", "up", "down", "space",
]  # fmt: skip


@pytest.mark.slow
async def test_random_keys_in_the_import_wizard(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # a path typed at random is relative to here
    p = seed_roster(store)
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "Name,Organization,Email,Role\n"
        + "".join(f"Person {i},Org {i % 3},p{i}@x.example,Champion\n" for i in range(8))
        + "Bob [/],[TODO] Co,,Leader\n",
        encoding="utf-8",
    )

    async def open_wizard() -> None:
        wizard = ImportWizardScreen(p.id)
        await app.push_screen(wizard)
        wizard.query_one("#path", Input).value = str(roster)

    app = RosterApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        seen = await walk(pilot, WIZARD_KEYS, 4, open_wizard, presses=WALK_PRESSES * 3 // 5)
        await finish(app, "import")
        assert "ImportWizardScreen" in seen
        # after the storm, a wizard still imports (the storm itself may have, too)
        while not isinstance(app.screen, Inert):
            await app.pop_screen()
        await open_wizard()
        for key in ("ctrl+n", "ctrl+n", "ctrl+s", "y"):
            await pilot.press(key)
            await finish(app, "import")
            await wait(pilot)
        still_running(app)
    assert any(person.name.startswith("Person ") for person in store.people())


EXPORT_KEYS = [
    "ctrl+s", "ctrl+s", "enter", "enter", "y", "n", "escape", "tab", "shift+tab", "up",
    "down", "space", "x",
]  # fmt: skip


@pytest.mark.slow
async def test_random_keys_in_the_export_dialog(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # a path typed at random is relative to here
    p = seed_roster(store)
    app = RosterApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        seen = await walk(pilot, EXPORT_KEYS, 11, lambda: app.push_screen(ExportScreen(p.id)))
        await finish(app, "export")
        assert "ExportScreen" in seen
        # after the storm, the dialog still writes
        while not isinstance(app.screen, Inert):
            await app.pop_screen()
        dialog = ExportScreen(p.id)
        await app.push_screen(dialog)
        dialog.query_one("#out", Input).value = str(tmp_path / "after.csv")
        await pilot.press("ctrl+s")
        await finish(app, "export")
        await wait(pilot)
        still_running(app)
    assert "Pat [/] Public" in (tmp_path / "after.csv").read_text(encoding="utf-8")


MEETING_MODAL_KEYS = [
    "m", "m", "f9", "f9", "enter", "enter", "ctrl+s", "space", "up", "down", "escape", "y",
    "n", "tab", "plus", "delete",
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize("seed", [2, 9])
async def test_random_keys_in_the_meeting_merge_and_priority_pickers(
    store: Store, seed: int
) -> None:
    p = f.partnership(store, stage=Stage.LAUNCH)
    people = [f.person(store, f"Member {i}") for i in range(3)]
    areas = [ActionArea(id=i, title=f"[b]Area {i}", votes={0: i}) for i in range(1, 7)]
    commitments = [
        Commitment(id=10 + i, person_id=who.id, area_id=areas[i].id) for i, who in enumerate(people)
    ]
    store.save_launch(
        LaunchMeeting(
            partnership_id=p.id,
            phase=MeetingPhase.COMMITMENTS,
            action_areas=areas,
            commitments=commitments,
        )
    )
    app = RosterApp(store)
    async with app.run_test(size=(120, 40)) as pilot:

        async def reopen() -> None:
            """The meeting, with the areas list focused (its keys: m merges)."""
            meeting = MeetingScreen(p.id)
            await app.push_screen(meeting)
            await wait(pilot)
            meeting.set_focus(meeting.query_one("#area-list"))

        await wait(pilot)
        seen = await walk(pilot, MEETING_MODAL_KEYS, seed, reopen)
    assert {"MergeScreen", "PrioritiesScreen"} <= seen, seen
