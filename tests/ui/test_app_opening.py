"""A large file is read after the app's first paint: the opening screen, then the roster.

The command line gives the app a file only claimed (checked and locked); the app paints
"Opening roster.json…" and reads the file in a worker. The tests hold that worker at its
start (a store that waits for the test's go) to see what a user sees meanwhile.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.color import Color
from textual.widgets import LoadingIndicator

from nextgen_tui.app import RosterApp
from nextgen_tui.errors import UnreadableFileError
from nextgen_tui.meeting.agenda import start_meeting
from nextgen_tui.models import Stage
from nextgen_tui.prefs import Prefs
from nextgen_tui.store import repository
from nextgen_tui.store.opening import claim
from nextgen_tui.store.repository import Store
from nextgen_tui.store.siblings import lock_path
from screens.common import opening
from screens.common.confirm import ConfirmScreen
from screens.common.opening import OpeningScreen
from screens.directory.screen import DirectoryScreen
from tests.conftest import FIXED_NOW
from tests.support import factories as f
from tests.support.app_ui import screen_text, stage_screen, wait
from tests.support.start_up import started_as_the_command_line_does

SIZE = (80, 24)


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """The app's worker reads the file only once the test sets this."""
    go = threading.Event()

    class WaitingStore(Store):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            assert go.wait(10), "the test never let the worker read the file"
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(repository, "Store", WaitingStore)
    yield go
    go.set()  # never leave the worker (and the test's end) waiting


async def test_the_opening_screen_paints_first_and_keys_wait_for_the_file(
    db_path: Path, gate: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Also: the loading indicator shows only once the wait is long enough to need one."""
    monkeypatch.setattr(opening, "INDICATOR_AFTER", 0.2)
    with Store(db_path, clock=lambda: FIXED_NOW) as seeding:
        p = f.partnership(seeding)
    app = RosterApp(claim(db_path))
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        assert isinstance(app.screen, OpeningScreen)
        text = screen_text(app)
        assert "Opening roster.json (" in text and "roster.json" in text.splitlines()[0]
        assert "q Quit" in text.splitlines()[-1]
        assert not app.screen.query(LoadingIndicator), "no indicator for a short wait"
        await pilot.pause(0.25)
        assert app.screen.query(LoadingIndicator), "an indicator once the wait is long"
        await pilot.press("d", "ctrl+p", "question_mark")  # nothing to act on yet
        await wait(pilot)
        assert isinstance(app.screen, OpeningScreen) and app.is_running
        assert "Still opening roster.json: ? does nothing until it is open" in screen_text(app)

        gate.set()
        await app.workers.wait_for_complete()
        await wait(pilot)
        assert stage_screen(app).partnership_id == p.id  # the one partnership, as always
        assert "Advanced Manufacturing, North Valley" in screen_text(app)
        await pilot.press("d")  # keys act now
        await wait(pilot)
        assert isinstance(app.screen, DirectoryScreen)
        assert not app.screen_stack[0].query(LoadingIndicator), "no animation left running"


class _OpenedApp(RosterApp):
    """Records whether frames are held back right after the roster replaced the opening
    screen (Textual's mode switch would hold them for 50 ms)."""

    held_after_open: bool | None = None

    def _show_first_screens(self) -> None:  # right after the switch from the opening screen
        super()._show_first_screens()
        self.held_after_open = bool(self._batch_count)


async def test_the_roster_replaces_the_opening_screen_at_once_in_the_users_theme(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, gate: threading.Event
) -> None:
    """What the start on a file read later costs no more than a start on an open store: no
    frames held back, no stylesheet parsed again, no list built that nobody sees; and
    garbage is collected again once the roster is on screen."""
    with Store(db_path, clock=lambda: FIXED_NOW) as seeding:
        f.partnership(seeding)
    with started_as_the_command_line_does(monkeypatch) as reparsed:
        app = _OpenedApp(claim(db_path), prefs=Prefs(theme="gruvbox"))
        async with app.run_test(size=SIZE) as pilot:
            await wait(pilot)
            assert not gc.isenabled(), "paused while the opening screen waits for the file"
            reparsed.clear()  # the theme's, at start
            gate.set()
            await app.workers.wait_for_complete()
            await wait(pilot)
            assert app.held_after_open is False, "the roster's first frame is not held back"
            screen = stage_screen(app)
            assert "Advanced Manufacturing, North Valley" in screen_text(app)
            assert gc.isenabled(), "garbage is collected again once the roster is painted"
            assert reparsed == [], "no stylesheet parsed again for the roster's screens"
            assert not app.screen_stack[0].children, "the list under it is not built yet"
            theme = app.get_theme("gruvbox")
            assert theme is not None and theme.background is not None
            assert screen.styles.background == Color.parse(theme.background), "in the theme"


async def test_q_while_opening_quits_without_waiting(tmp_path: Path, gate: threading.Event) -> None:
    db_path = tmp_path / "[bold]Bob \x1b[31m.json"  # shown as it is, never markup or raw
    Store(db_path).close()
    claimed = claim(db_path)
    app = RosterApp(claimed)
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        assert "Opening [bold]Bob \\x1b[31m.json (" in screen_text(app)
        await pilot.press("q")
        assert app._exit  # no question: nothing is open to lose
        gate.set()
    claimed.release()  # as the command line does once the app has ended
    assert not lock_path(db_path).exists()


async def test_a_file_damaged_deep_inside_ends_the_app_with_the_reason(db_path: Path) -> None:
    with Store(db_path, clock=lambda: FIXED_NOW) as seeding:
        f.partnership(seeding)
    db_path.write_text(db_path.read_text().replace('"people":{}', '"people":{"3":{"name":""}}'))
    damaged = db_path.read_bytes()
    claimed = claim(db_path)
    app = RosterApp(claimed)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await wait(pilot)
    assert isinstance(app.open_error, UnreadableFileError)
    assert "record 3 of people is not valid" in app.open_error.message
    assert not lock_path(db_path).exists()  # the store let go of it when it refused
    assert db_path.read_bytes() == damaged


async def test_a_meeting_left_in_progress_is_offered_back_once_the_file_is_read(
    db_path: Path,
) -> None:
    with Store(db_path, clock=lambda: FIXED_NOW) as seeding:
        p = f.partnership(seeding)
        start_meeting(seeding, p.id, FIXED_NOW)
    app = RosterApp(claim(db_path))
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await wait(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert "Advanced Manufacturing, North Valley is in progress" in app.screen.question
        assert "Resume" in screen_text(app)


async def test_read_only_and_the_remembered_place_hold_for_a_file_read_later(
    db_path: Path,
) -> None:
    with Store(db_path, clock=lambda: FIXED_NOW) as seeding:
        f.partnership(seeding)
        second = f.partnership(seeding, "Construction, South", "Construction", "South")
    prefs = Prefs()
    prefs.remember(db_path, second.id, Stage.LAUNCH.value)
    app = RosterApp(claim(db_path, read_only=True), prefs=prefs)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await wait(pilot)
        screen = stage_screen(app)
        assert (screen.partnership_id, screen.view_stage) == (second.id, Stage.LAUNCH)
        assert app.store.read_only and "READ-ONLY" in screen_text(app)
        await pilot.press("escape")  # the partnerships list is under it, as always
        await wait(pilot)
        assert "Construction, South" in screen_text(app)
