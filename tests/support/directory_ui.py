"""A seeded directory and the helpers its Pilot tests share."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Static

from nextgen_tui.models import OrgKind
from nextgen_tui.store.repository import Store
from screens.directory.screen import DirectoryScreen
from screens.directory.table import DirectoryTable
from tests.support import factories as f
from tests.support.app_ui import wait

SIZE = (140, 40)


@f.seeds
def seed(store: Store) -> dict[str, int]:
    acme = f.org(store, "Acme Plastics", OrgKind.COMPANY)
    college = f.org(store, "Harlow Technical College", OrgKind.COMMUNITY_COLLEGE)
    john = f.person(store, "John Smithers", acme, title="Plant Manager", email="js@acme.example")
    ann = f.person(store, "Ann Lee", college, title="Dean", email="ann@harlow.example")
    bo = f.person(store, "Bo Chen", None, title="Consultant")
    return {"acme": acme.id, "college": college.id, "john": john.id, "ann": ann.id, "bo": bo.id}


async def open_directory(pilot: Pilot[None]) -> DirectoryScreen:
    await wait(pilot)
    await pilot.press("d")
    await wait(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, DirectoryScreen)
    return screen


def people_shown(screen: DirectoryScreen) -> list[int]:
    return list(screen.query_one("#people-table", DirectoryTable).shown)


def detail_text(screen: DirectoryScreen) -> str:
    return str(screen.query_one("#person-detail-text", Static).content)
