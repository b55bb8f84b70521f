"""Helpers for driving the meeting screen in tests and benchmarks (not a test module)."""

from __future__ import annotations

import asyncio
import io
import re
import unicodedata
from typing import Any

from rich.console import Console
from textual import events
from textual.app import App, ComposeResult
from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key
from textual.pilot import Pilot
from textual.widgets import Static

from nextgen_tui.models import InvitationStatus, OrgKind, Partnership, RoleKind
from nextgen_tui.store.repository import Store
from screens.common.stylesheet import STYLESHEET
from screens.meeting.screen import MeetingScreen
from tests.support import factories as f

INDUSTRY = [
    "Avery Anders", "Blake Brook", "Casey Cole", "Devon Dale", "Emery Eck", "Finley Fox",
    "Gray Gill", "Harper Hale", "Indigo Ives", "Jordan Jett", "Kai Kerr", "Logan Lund",
    "Morgan Moss", "Noel Nash", "Oakley Orr",
]  # fmt: skip
PUBLIC = ["Parker Pratt", "Quinn Quade", "Reese Rowe"]


@f.seeds
def seed(store: Store) -> Partnership:
    """15 industry people from 13 companies (two champions) and 3 public partners."""
    p = f.partnership(store)
    for index, name in enumerate(INDUSTRY):
        company_no = min(index, 12) + 1  # the last three share company 13
        company = store.organization_by_name(f"Firm {company_no}") or f.org(
            store, f"Firm {company_no}", industry=p.industry, region=p.region
        )
        who = f.person(store, name, company)
        if index < 2:
            f.champion(store, p, who)
        else:
            f.leader(store, p, who, InvitationStatus.ACCEPTED)
    kinds = [OrgKind.COMMUNITY_COLLEGE, OrgKind.WORKFORCE_BOARD, OrgKind.CHAMBER]
    roles = [RoleKind.SUPPORT_DELEGATE, RoleKind.CORE_TEAM, RoleKind.FACILITATOR]
    for name, kind, role in zip(PUBLIC, kinds, roles, strict=True):
        who = f.person(store, name, f.org(store, f"{name.split()[1]} Org", kind))
        store.assign(p.id, who.id, role)
    return p


def person_id(store: Store, name: str) -> int:
    return next(p.id for p in store.people() if p.name == name)


class Host(App[None]):
    """A tiny app holding a store, like the real app, that opens the meeting screen."""

    CSS_PATH = STYLESHEET  # the shared stylesheet, as the real app loads it

    def __init__(self, store: Store, partnership_id: int) -> None:
        super().__init__()
        self.store = store
        self.partnership_id = partnership_id

    def compose(self) -> ComposeResult:
        yield Static("host")

    def on_mount(self) -> None:
        self.push_screen(MeetingScreen(self.partnership_id))


def screen_text(app: App[Any]) -> str:
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


def message(app: App[Any]) -> str:
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


def key_event(key: str) -> events.Key:
    """The event a terminal sends for ``key`` (a name like ``enter`` or one character)."""
    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    try:
        char: str | None = unicodedata.lookup(
            _get_unicode_name_from_key(REPLACED_KEYS.get(key, key))
        )
    except KeyError:
        char = key if len(key) == 1 else None
    return events.Key(key, char)


KEY_NAMES = frozenset(
    {"enter", "escape", "tab", "up", "down", "pageup", "pagedown", "home", "delete", "space"}
    | {"backspace"}
)


def keys_of(*parts: str) -> list[str]:
    """Keys from words and key names: ``keys_of("Robots", "enter")`` types the word, then
    presses enter (key names, ``ctrl+x`` and ``f3`` are pressed; anything else is typed)."""
    keys: list[str] = []
    for part in parts:
        if part in KEY_NAMES or part.startswith("ctrl+") or re.fullmatch(r"f\d+", part):
            keys.append(part)
        else:
            keys.extend(part)
    return keys


async def typed(pilot: Pilot[None], *parts: str, pause: float = 0.02) -> None:
    """Keys at a person's speed: each handled, then a small pause before the next."""
    for key in keys_of(*parts):
        await pilot.press(key)
        await asyncio.sleep(pause)
    await pilot.pause()


async def burst(pilot: Pilot[None], *parts: str) -> None:
    """Keys in one burst, as a terminal delivers a paste of keystrokes (tmux send-keys):
    all sent before the app handles the first."""
    driver = pilot.app._driver
    assert driver is not None
    for key in keys_of(*parts):
        event = key_event(key)
        event.set_sender(pilot.app)
        driver.send_message(event)
    await pilot.pause()
    await pilot.pause()
