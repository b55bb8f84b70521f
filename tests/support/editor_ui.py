"""Helpers for driving the editing modals with Pilot: a host app, typing, reading errors.

The modals are opened on a tiny app holding the store (like the real app), so each test
exercises exactly one form against a seeded TinyDB file under ``tmp_path``.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from rich.console import Console
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, Static

from nextgen_tui.models import ActionArea, ChampionStatus, LaunchMeeting, OrgKind, RoleKind
from nextgen_tui.store.repository import Store
from screens.common.stylesheet import STYLESHEET
from screens.directory.person_picker import PersonPicker
from tests.support import factories as f

SIZE = (110, 50)


class Host(App[None]):
    """A tiny app holding a store; every modal's result lands in ``results``."""

    CSS_PATH = STYLESHEET  # the shared stylesheet, as the real app loads it

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.results: list[Any] = []

    def compose(self) -> ComposeResult:
        yield Static("host")


async def open_modal(app: Host, pilot: Pilot[None], screen: Screen[Any]) -> None:
    app.push_screen(screen, app.results.append)
    await pilot.pause()


async def type_into(pilot: Pilot[None], selector: str, text: str) -> None:
    """Fill an input: its last character is typed, the rest pasted (keeps tests fast)."""
    widget = pilot.app.screen.query_one(selector, Input)
    widget.focus()
    await pilot.pause()  # focusing selects what is there; set the text after that
    widget.value = text[:-1]
    widget.cursor_position = len(widget.value)
    if text:
        await pilot.press(text[-1])


def error_text(app: App[Any], name: str) -> str:
    """The message shown beside field ``name`` ("" when none is shown)."""
    line = app.screen.query_one(f"#error-{name}", Static)
    return str(line.render()) if line.has_class("-shown") else ""


def screen_text(app: App[Any]) -> str:
    """The text on screen as a user reads it (markup, if any, already applied)."""
    console = Console(width=app.size.width, file=io.StringIO(), record=True, force_terminal=True)
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text()


def on_disk(store: Store) -> Store:
    """The file as another program would read it now (a fresh read-only store)."""
    return Store(Path(store.path), read_only=True)


async def pick_person(pilot: Pilot[None], typed: str) -> None:
    """Press ctrl+n (add a person) in the open editor, type, and pick the best match."""
    await pilot.press("ctrl+n")
    await pilot.pause()
    assert isinstance(pilot.app.screen, PersonPicker)
    await pilot.press(*typed, "enter")
    await pilot.pause()


def champion_setup(store: Store) -> dict[str, Any]:
    """A partnership with a prospect champion (Carla), a core team member and an outsider."""
    p = f.partnership(store)
    acme = f.org(store, "Acme Tools")
    college = f.org(store, "Valley College", OrgKind.COMMUNITY_COLLEGE)
    ceo = f.person(store, "Carla Diaz", acme, title="CEO")
    dean = f.person(store, "Dean Wu", college, title="Dean")
    outsider = f.person(store, "Olga Outside", college)
    store.assign(p.id, dean.id, RoleKind.CORE_TEAM)
    role = f.champion(store, p, ceo, ChampionStatus.PROSPECT)
    return {"p": p, "ceo": ceo, "dean": dean, "outsider": outsider, "role": role}


@f.seeds
def seed_priorities(store: Store) -> dict[str, Any]:
    """A held launch with two action areas, "Talent pipeline" (id 1) chosen as priority."""
    p = f.partnership(store)
    store.save_launch(
        LaunchMeeting(
            partnership_id=p.id,
            held=True,
            action_areas=[
                ActionArea(id=1, title="Talent pipeline"),
                ActionArea(id=2, title="Supply chain"),
            ],
            priority_area_ids=[1],
        )
    )
    acme = f.org(store, "Acme Tools")
    college = f.org(store, "Valley College", OrgKind.COMMUNITY_COLLEGE)
    ceo = f.person(store, "Carla Diaz", acme)
    dean = f.person(store, "Dean Wu", college)
    return {"p": p, "ceo": ceo, "dean": dean}
