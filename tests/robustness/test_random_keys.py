"""Thousands of random key presses across the app's screens raise no exception.

The keys are the app's own keys plus letters, digits and navigation, so the walk opens
forms, types into them, saves, cancels, advances stages, undoes and switches screens.
Quit keys are left out and the quit action (also reachable by typing "quit" into the
command palette) only counts: quitting is not a crash. Everything else is fair game.

Keys go to the app's driver as a terminal would send them, a millisecond apart, rather
than through ``Pilot.press`` (which waits for the app to be idle after every key, ~70 ms):
the walk stays fast, and keys arriving faster than the app handles them are a case worth
testing too. The seed fixes the keys, not the exact interleaving.

Each seed's keys are played in parts, each part on a fresh app, so that the parts run in
parallel (pytest -n); ``make soak`` plays ``ROSTER_SOAK`` times as many keys.
"""

from __future__ import annotations

import asyncio
import os
import random
from pathlib import Path

import pytest
from textual import events

from nextgen_tui.app import RosterApp
from nextgen_tui.models import InvitationStatus, OrgKind, RoleKind
from nextgen_tui.store.repository import Store
from tests.conftest import FIXED_NOW
from tests.support import factories as f
from tests.support.app_ui import drain

pytestmark = pytest.mark.slow  # see tests/conftest.py

APP_KEYS = [
    "n", "e", "x", "a", "l", "m", "t", "b", "c", "d", "y",
    "1", "2", "3", "4", "delete", "question_mark", "ctrl+z", "ctrl+p", "ctrl+s",
]  # fmt: skip
NAVIGATION = ["escape", "enter", "tab", "shift+tab", "up", "down", "left", "right", "space"]
LETTERS = list("abcdefghijklmnoprstuvwxyz0123456789")
KEYS = APP_KEYS * 3 + NAVIGATION * 4 + LETTERS
PRESSES = 1200 * int(os.environ.get("ROSTER_SOAK", "1"))  # per seed
PARTS = 4  # each seed's keys in this many parts, each on a fresh app
BATCH = 50


@f.seeds
def seed(store: Store) -> None:
    p = f.partnership(store)
    f.partnership(store, "[TODO] Healthcare", "Healthcare")
    college = f.org(store, "Valley College", OrgKind.COMMUNITY_COLLEGE)
    staff = [f.person(store, f"Staff {i}", college) for i in range(3)]
    for who in staff:
        store.assign(p.id, who.id, RoleKind.CORE_TEAM)
    for i, who in enumerate(f.companies_with_leaders(store, p, 5)):
        if i < 3:
            f.champion(store, p, who)
        else:
            f.leader(store, p, who, InvitationStatus.INVITED)


def keys_of(seed_value: int, part: int) -> list[str]:
    """Part ``part`` of the ``PRESSES`` keys that the seed draws."""
    rng = random.Random(seed_value)
    keys = [rng.choice(KEYS) for _ in range(PRESSES)]
    size = PRESSES // PARTS
    return keys[part * size : (part + 1) * size]


@pytest.mark.parametrize("part", range(PARTS))
@pytest.mark.parametrize("seed_value", [4, 2026])
async def test_random_keys_raise_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed_value: int, part: int
) -> None:
    monkeypatch.chdir(tmp_path)  # whatever a random export writes lands here
    store = Store(tmp_path / "roster.json", clock=lambda: FIXED_NOW)
    seed(store)
    keys = keys_of(seed_value, part)
    app = RosterApp(store)
    quits: list[str] = []

    async def quit_asked() -> None:
        quits.append(type(app.screen).__name__)  # e.g. "Quit" typed into the palette

    monkeypatch.setattr(app, "action_quit", quit_asked)  # quitting is not a crash
    screens_seen: set[str] = set()
    async with app.run_test(size=(100, 30)) as pilot:
        for start in range(0, len(keys), BATCH):
            for key in keys[start : start + BATCH]:
                assert app._driver is not None
                app._driver.send_message(events.Key(key, key if len(key) == 1 else None))
                await asyncio.sleep(0.001)
            await pilot.pause()
            screens_seen.add(type(app.screen).__name__)
            assert app.is_running, f"the app stopped: {app._exception!r}"
            assert app.return_code is None
        await drain(pilot)
    assert app._exception is None
    assert len(screens_seen) >= 2, screens_seen  # each part really went places
    store.close()
