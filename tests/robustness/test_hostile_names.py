"""Names that look like markup, formulas, right-to-left text, emoji or 200 characters show
literally on every screen and form, and crash nothing."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from rich.text import Text
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, Input, OptionList, Select, Static, TextArea, Tree

from nextgen_tui.app import RosterApp
from nextgen_tui.models import (
    ActionArea,
    ActionTeam,
    Commitment,
    Convening,
    InvitationStatus,
    LaunchMeeting,
    Opportunity,
    OrgKind,
    RoleKind,
    Stage,
    Waiver,
)
from nextgen_tui.store.repository import Store
from screens.stage.screen import PartnershipScreen
from tests.support import factories as f
from tests.support.app_ui import screen_text, wait

NAMES = f.HOSTILE_NAMES
#: Short enough to be seen whole on a 160-column screen.
VISIBLE = [name for name in NAMES if len(name) < 40]
SIZE = (160, 50)


@dataclass
class Seeded:
    partnership_id: int
    people: list[int]
    champion_role: int
    leader_role: int
    team_id: int
    convening_id: int


@f.seeds
def seed(store: Store) -> Seeded:
    """Every kind of user text gets a hostile name."""
    companies = [
        f.org(store, name, OrgKind.COMPANY, industry="[i]Ind", region="[$r]") for name in NAMES
    ]
    college = f.org(store, "[b]College[/b] 🎓", OrgKind.COMMUNITY_COLLEGE)
    people = [f.person(store, name, companies[i]) for i, name in enumerate(NAMES)]
    staff = [f.person(store, f"{name} (staff)", college) for name in NAMES[:3]]
    partnerships = [f.partnership(store, name, "[i]Ind", "[$r]") for name in NAMES]
    p = partnerships[0]
    for who in staff:
        store.assign(p.id, who.id, RoleKind.CORE_TEAM)
        store.assign(p.id, who.id, RoleKind.SUPPORT_DELEGATE)
    store.assign(p.id, staff[0].id, RoleKind.CONVENER)
    store.assign(p.id, staff[1].id, RoleKind.FACILITATOR)
    champion = f.champion(store, p, people[0], outreach_owner_id=staff[0].id)
    for who in people[1:4]:
        f.champion(store, p, who)
    leaders = [f.leader(store, p, who, InvitationStatus.ACCEPTED, attended=True) for who in people]
    area_ids = list(range(1, len(NAMES) + 1))
    store.save_launch(
        LaunchMeeting(
            partnership_id=p.id,
            on=date(2026, 5, 1),
            place="[red]Hall[/red]",
            held=True,
            opportunities=[
                Opportunity(id=100 + i, text=name, person_id=people[i].id)
                for i, name in enumerate(NAMES)
            ],
            action_areas=[ActionArea(id=i, title=NAMES[i - 1]) for i in area_ids],
            commitments=[
                Commitment(id=200 + i, person_id=people[i].id, area_id=area_ids[i], note=name)
                for i, name in enumerate(NAMES)
            ],
            priority_area_ids=area_ids[:3],
        )
    )
    team = store.save_team(
        ActionTeam(partnership_id=p.id, name=NAMES[1], priority_area_id=1, next_step=NAMES[2])
    )
    for team_name in NAMES[2:]:
        store.save_team(ActionTeam(partnership_id=p.id, name=team_name))
    store.assign(p.id, people[4].id, RoleKind.ACTION_TEAM_LEAD, team_id=team.id)
    store.assign(p.id, staff[2].id, RoleKind.ACTION_TEAM_MEMBER, team_id=team.id)
    convening = store.save_convening(
        Convening(
            partnership_id=p.id,
            on=date(2026, 3, 1),
            title=NAMES[3],
            attendee_ids=[who.id for who in people],
            notes=NAMES[0],
        )
    )
    waiver = Waiver(
        from_stage=Stage.PREPARE,
        to_stage=Stage.LAUNCH,
        reason="[$accent]because[/] Bob [/]",
        on=date(2026, 4, 1),
        blockers=["champions-too-few"],
    )
    store.save_partnership(store.partnership(p.id).updated(stage=Stage.ACTION, waivers=[waiver]))
    return Seeded(
        p.id, [who.id for who in people], champion.id, leaders[0].id, team.id, convening.id
    )


@pytest.fixture
def hostile(store: Store) -> Iterator[tuple[Store, Seeded]]:
    yield store, seed(store)


def _plain(value: object) -> str:
    if isinstance(value, Content):
        return value.plain
    if isinstance(value, Text):
        return value.plain
    return str(value)


def shown_strings(screen: Screen[Any]) -> list[str]:
    """The text every widget of the screen holds, as the user reads it."""
    found: list[str] = [screen.title or ""]
    for widget in screen.query("*"):
        found.extend(_widget_strings(widget))
    return found


def _widget_strings(widget: Widget) -> list[str]:
    if isinstance(widget, DataTable):
        return [_plain(cell) for row in widget.rows for cell in widget.get_row(row)]
    if isinstance(widget, OptionList):
        return [_plain(option.prompt) for option in widget.options]
    if isinstance(widget, Tree):
        labels: list[str] = []
        stack = [widget.root]
        while stack:
            node = stack.pop()
            labels.append(_plain(node.label))
            stack.extend(node.children)
        return labels
    if isinstance(widget, Input):
        return [widget.value]
    if isinstance(widget, TextArea):
        return [widget.text]
    if isinstance(widget, Select):
        return [_plain(prompt) for prompt, _ in widget._options]
    if isinstance(widget, Static):
        return [_plain(widget.content)]
    return []


def assert_literal(screen: Screen[Any], names: list[str]) -> None:
    strings = shown_strings(screen)
    for name in names:
        assert any(name in text for text in strings), f"{name!r} not shown on {screen!r}"


async def test_palette_help_about_waiver_then_the_list_and_every_stage_view(
    hostile: tuple[Store, Seeded],
) -> None:
    """On one hostile file, in turn: the palette, help, about and the waiver dialog show
    names literally; then, back on the partnership list, the list and each of the four
    stage views (and the waiver's reason) show every name literally."""
    store, seeded = hostile
    app = RosterApp(store)
    async with app.run_test(size=SIZE) as pilot:
        list_screen = app.screen
        await pilot.press("ctrl+p")
        await wait(pilot)
        await pilot.pause(0.2)
        text = screen_text(app)
        assert "Open partnership: [$accent]x" in text
        assert "Open partnership: [b]bold[/b] Lee" in text
        await pilot.press(*"bob")
        await pilot.pause(0.3)
        assert "Open partnership: Bob [/]" in screen_text(app)
        await pilot.press(*["backspace"] * 3, *"[todo")
        await pilot.pause(0.3)
        assert "Open partnership: [TODO] Ann" in screen_text(app)
        await pilot.press("escape")
        await wait(pilot)
        await pilot.press("question_mark")
        await wait(pilot)
        assert "Keys on this screen" in screen_text(app)
        await pilot.press("escape")
        from screens.common.about import AboutScreen
        from screens.stage.waiver import WaiverScreen

        await app.push_screen(AboutScreen())
        await wait(pilot)
        assert isinstance(app.screen, AboutScreen)
        assert any("Institute for Networked Communities" in t for t in shown_strings(app.screen))
        await pilot.press("escape")
        from nextgen_tui.gaps.catalogue import Gap, Severity

        gap = Gap("champions-too-few", Stage.PREPARE, Severity.BLOCKER, NAMES[2], people=(1,))
        await app.push_screen(WaiverScreen([gap]))
        await wait(pilot)
        assert "[$accent]x" in screen_text(app)
        await pilot.press("escape")
        await wait(pilot)
        assert app.screen is list_screen, "back on the partnership list"

        cells = shown_strings(list_screen)
        for name in NAMES:
            assert any(
                cell == name or (cell.endswith("…") and name.startswith(cell[:-1]))
                for cell in cells
            ), name
        text = screen_text(app)
        for name in VISIBLE:
            assert name in text
        from screens.commands import open_partnership

        open_partnership(app, seeded.partnership_id)
        await wait(pilot)
        screen = app.screen
        assert isinstance(screen, PartnershipScreen)
        assert screen.title == NAMES[0]
        shown: set[str] = set()
        seen = ""
        for key in ("1", "2", "3", "4"):
            await pilot.press(key)
            await wait(pilot)
            assert app.screen is screen
            shown.update(shown_strings(screen))
            seen += screen_text(app)
        for name in NAMES:  # people, companies and team names, across the four views
            assert any(name in text for text in shown), name
        for name in VISIBLE:  # and on screen exactly as typed: no markup was applied
            assert name in seen, name
        await pilot.press("1")
        await wait(pilot)
        waivers = "".join(shown_strings(screen))
        assert "[$accent]because[/] Bob [/]" in waivers
        assert "[$accent]because[/] Bob [/]" in screen_text(app)


# (module, class, how to build it from the seeded ids, names it must show)
S = "screens."
SCREENS: list[tuple[str, str, Callable[[Seeded], tuple[Any, ...]], list[str]]] = [
    (S + "directory.screen", "DirectoryScreen", lambda s: (), VISIBLE),
    (S + "directory.person_form", "PersonForm", lambda s: (s.people[0],), [NAMES[0]]),
    (S + "directory.org_form", "OrgForm", lambda s: (1,), [NAMES[0]]),
    (
        "screens.partnerships.partnership_form",
        "PartnershipForm",
        lambda s: (s.partnership_id,),
        [NAMES[0]],
    ),
    (S + "directory.person_picker", "PersonPicker", lambda s: (NAMES[1],), VISIBLE),
    (S + "stage.role_editors", "ChampionEditor", lambda s: (s.champion_role,), [NAMES[0]]),
    (S + "stage.role_editors", "LeaderEditor", lambda s: (s.leader_role,), [NAMES[0]]),
    (S + "stage.launch_form", "LaunchForm", lambda s: (s.partnership_id,), ["[red]Hall[/red]"]),
    (
        "screens.stage.team_editor",
        "TeamEditor",
        lambda s: (s.partnership_id, s.team_id),
        [NAMES[1]],
    ),
    (
        "screens.stage.convening_form",
        "ConveningForm",
        lambda s: (s.partnership_id, s.convening_id),
        [],
    ),
    (S + "stage.debrief_form", "DebriefForm", lambda s: (s.partnership_id,), []),
    (S + "meeting.screen", "MeetingScreen", lambda s: (s.partnership_id,), []),
    (S + "transfer.export_dialog", "ExportScreen", lambda s: (s.partnership_id,), []),
    (S + "transfer.import_wizard", "ImportWizardScreen", lambda s: (None,), []),
]


async def test_every_screen_and_form_shows_names_literally(
    hostile: tuple[Store, Seeded],
) -> None:
    """Each screen and form of SCREENS, opened in turn on one app: it stays open, shows the
    names literally, renders whole, and escape closes it with the app still running."""
    store, seeded = hostile
    app = RosterApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        base = Screen[None]()  # a blank screen under each: resuming it between them is cheap
        await app.push_screen(base)
        await wait(pilot)
        for module, name, args, expected in SCREENS:
            screen_class = getattr(importlib.import_module(module), name)
            screen = screen_class(*args(seeded))
            await app.push_screen(screen)
            await wait(pilot)
            assert app.screen is screen, f"{name} did not stay open"
            assert_literal(screen, expected)
            if name == "ConveningForm":  # the title, and the attendees by name
                assert_literal(screen, VISIBLE)
            screen_text(app)  # renders the whole screen
            await pilot.press("escape")
            await wait(pilot)
            assert app.is_running, f"{name}: the app stopped"
            assert app.screen is base, f"{name}: escape did not close it"
