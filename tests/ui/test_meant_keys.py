"""Every key does what the convener meant: typed at a person's speed and pasted in one burst.

Each case of issue 12 (convener half) is replayed with keys a little apart, as a person
types, and pasted, as fast as a terminal delivers a paste; the stored data is checked after.
"""

from __future__ import annotations

import shutil
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Checkbox, Input

from nextgen_tui.app import RosterApp
from nextgen_tui.models import ActionTeam, OrgKind, RoleKind, Stage
from nextgen_tui.paths import bundled_demo_path
from nextgen_tui.prefs import load_prefs
from nextgen_tui.store.repository import Store
from screens.common.confirm import ConfirmScreen
from screens.common.help import HelpScreen
from screens.common.history import HistoryScreen
from screens.common.navigation import OpenPartnership
from screens.directory.person_form import PersonForm
from screens.directory.person_picker import PersonPicker
from screens.stage.convening_form import ConveningForm
from screens.stage.debrief_form import DebriefForm
from screens.stage.launch_form import LaunchForm
from screens.stage.role_editors import ChampionEditor
from screens.stage.screen import PartnershipScreen
from screens.stage.team_editor import MemberList, TeamEditor
from tests.support import factories as f
from tests.support.app_ui import screen_text, stage_screen, wait
from tests.support.editor_ui import Host, open_modal
from tests.support.notices import Notices

SIZE = (100, 24)  # the stage view wide (100 columns and up): its layout is not the point
Typist = Callable[[Pilot[None], str], Awaitable[None]]


async def typed(pilot: Pilot[None], text: str) -> None:
    """Type ``text`` key by key, a little apart, as a person does."""
    for char in text:
        await pilot.press(char)
        await pilot.pause(0.05)


async def pasted(pilot: Pilot[None], text: str) -> None:
    """Paste ``text`` into the focused field in one burst (no pause before the next key)."""
    focused = pilot.app.focused
    assert focused is not None
    focused.post_message(events.Paste(text))


TYPISTS = [pytest.param(typed, id="typed"), pytest.param(pasted, id="pasted")]


def _core_team(store: Store, partnership_id: int) -> list[str]:
    return sorted(
        store.person(r.person_id).name
        for r in store.roles(partnership_id=partnership_id)
        if r.role is RoleKind.CORE_TEAM and r.end is None
    )


@f.seeds
def _seed_core_team(store: Store) -> int:
    """The reported case: James Okafor on the core team, Maria at a *Workforce* board."""
    partnership = f.partnership(store)
    acme = f.org(store, "Acme Forge")
    board = f.org(store, "Valley Workforce Board", OrgKind.WORKFORCE_BOARD)
    james = f.person(store, "James Okafor", acme)
    f.person(store, "Maria Gonzalez", board)
    f.person(store, "José Núñez", acme)
    f.person(store, "Josefina Nunez", board)
    store.assign(partnership.id, james.id, RoleKind.CORE_TEAM)
    return partnership.id


async def _open_picker_on_core_team(app: RosterApp, pilot: Pilot[None]) -> None:
    screen = stage_screen(app)
    screen.focus_group(RoleKind.CORE_TEAM, None)
    await wait(pilot)
    await pilot.press("n")
    await wait(pilot)
    assert isinstance(app.screen, PersonPicker)


# --------------------------------------------------------------------------- the picker


@pytest.mark.parametrize("enter_text", TYPISTS)
async def test_the_picker_and_its_new_person_form_add_whom_the_convener_meant(
    store: Store, enter_text: Typist, notices: Notices
) -> None:
    """One app, the picker opened four times on the core team, each name typed or pasted:

    - "okafor", already on the team: nobody is added, the picker stays open and says why;
    - "gonzlez", a typo: nobody is added until the near match is highlighted and chosen;
    - "jose nunez": the exact name wins whatever its accents (not Josefina Nunez);
    - "Robert Chen", not in the directory: ctrl+n keeps the name in the new person's form,
      and what is typed next is the title.
    """
    pid = _seed_core_team(store)
    app = RosterApp(store)
    async with app.run_test(size=SIZE) as pilot:
        # already on the team: nobody is added
        await _open_picker_on_core_team(app, pilot)
        await enter_text(pilot, "okafor")
        await pilot.press("enter")
        await wait(pilot)
        assert isinstance(app.screen, PersonPicker), "okafor: the picker stays open"
        assert "James Okafor is already in Core planning team; nobody was added." in (
            "\n".join(notices.messages)
        ), "okafor: the picker says why nobody was added"
        assert "(already in Core planning team)" in screen_text(app), "okafor: marked in list"
        await pilot.press("escape")
        await wait(pilot)
        assert _core_team(store, pid) == ["James Okafor"], "okafor: Maria was not added"

        # a near match is added only once highlighted
        await _open_picker_on_core_team(app, pilot)
        await enter_text(pilot, "gonzlez")  # a typo: only a near match
        await pilot.press("enter")
        await wait(pilot)
        assert isinstance(app.screen, PersonPicker), "near match: the picker stays open"
        assert _core_team(store, pid) == ["James Okafor"], "near match: not added on enter"
        assert "Nobody matches exactly" in screen_text(app), "near match: the picker says so"
        await pilot.press("down", "enter")  # now it is the highlighted, visible choice
        await wait(pilot)
        assert _core_team(store, pid) == ["James Okafor", "Maria Gonzalez"], (
            "near match: added once highlighted"
        )

        # an exact name wins whatever its accents
        await _open_picker_on_core_team(app, pilot)
        await enter_text(pilot, "jose nunez")
        await pilot.press("enter")
        await wait(pilot)
        assert _core_team(store, pid) == ["James Okafor", "José Núñez", "Maria Gonzalez"], (
            "exact name: José Núñez added, not Josefina Nunez"
        )

        # a new person's name from the picker is kept
        await _open_picker_on_core_team(app, pilot)
        await enter_text(pilot, "Robert Chen")
        await pilot.press("ctrl+n")
        await wait(pilot)
        assert isinstance(app.screen, PersonForm), "new person: ctrl+n opens the form"
        await enter_text(pilot, "Director")  # the next thing typed is the title
        await pilot.press("ctrl+s")
        await wait(pilot)
    [robert] = [p for p in store.people() if p.name == "Robert Chen"]
    assert robert.title == "Director", "new person: the name was kept, the title typed after"
    assert _core_team(store, pid) == [
        "James Okafor",
        "José Núñez",
        "Maria Gonzalez",
        "Robert Chen",
    ], "new person: added to the core team"


# --------------------------------------------------------------------------- forms


async def test_editing_a_person_never_replaces_what_is_stored(store: Store) -> None:
    """Typed, then pasted (one app, one person each): the name field opens with the cursor
    after the stored name, nothing selected; the phone field likewise; both are extended."""
    people = {
        "typed": f.person(store, "Ann Lee", phone="555-0100"),
        "pasted": f.person(store, "Bo Park", phone="555-0199"),
    }
    app = Host(store)
    async with app.run_test(size=SIZE) as pilot:
        for enter_text in (typed, pasted):
            case = enter_text.__name__
            who = people[case]
            await open_modal(app, pilot, PersonForm(who.id))
            name = app.screen.query_one("#field-name", Input)
            assert name.has_focus and name.selection.is_empty, f"{case}: name not selected"
            assert name.cursor_position == len(who.name), f"{case}: cursor after the name"
            await enter_text(pilot, " Jr")
            await pilot.press("tab", "tab", "tab", "tab")  # title, organization, email, phone
            await wait(pilot)
            phone = app.screen.query_one("#field-phone", Input)
            assert phone.has_focus and phone.selection.is_empty, f"{case}: phone not selected"
            await enter_text(pilot, " ext 2")
            await pilot.press("ctrl+s")
            await wait(pilot)
            saved = store.person(who.id)
            assert (saved.name, saved.phone) == (f"{who.name} Jr", f"{who.phone} ext 2"), case


async def test_tick_boxes_read_without_colour_and_l_makes_a_new_member_lead(store: Store) -> None:
    """One host app, two editors in turn:

    - a champion's tick box reads ✔ once ticked (not colour alone), and is saved;
    - after adding a team member in the team editor, l makes them the team's lead.
    """
    prepare = f.partnership(store)
    bo = f.person(store, "Bo Best", f.org(store, "Best Castings"))
    champion_role = store.assign(prepare.id, bo.id, RoleKind.CHAMPION)
    partnership = f.partnership(store, "Construction, North Valley", stage=Stage.ACTION)
    f.person(store, "Ann Able", f.org(store, "Acme Forge"))
    app = Host(store)
    async with app.run_test(size=SIZE) as pilot:
        # ---- tick boxes read without colour
        await open_modal(app, pilot, ChampionEditor(champion_role.id))
        box = app.screen.query_one("#field-signed_invite", Checkbox)
        assert "✔" not in str(box.render()), "tick box: no ✔ before it is ticked"
        box.focus()
        await pilot.press("space")
        await wait(pilot)
        assert "✔" in str(box.render()), "tick box: ✔ once ticked"
        await pilot.press("ctrl+s")
        await wait(pilot)
        champion = store.role(champion_role.id).champion
        assert champion is not None and champion.signed_invite, "tick box: saved"

        # ---- after adding a team member, l makes them lead
        await open_modal(app, pilot, TeamEditor(partnership.id))
        await typed(pilot, "Talent")
        await pilot.press("ctrl+n")
        await wait(pilot)
        await typed(pilot, "ann")
        await pilot.press("enter")
        await wait(pilot)
        assert isinstance(app.focused, MemberList), "team: the member list, not the date field"
        await typed(pilot, "l")
        await pilot.press("ctrl+s")
        await wait(pilot)
    [role] = [r for r in store.roles() if r.team_id is not None]
    assert role.role is RoleKind.ACTION_TEAM_LEAD, "team: l made Ann Able lead"
    assert all(m == [] for m in (t.meetings for t in store.teams(partnership.id))), "team"


# --------------------------------------------------------------------------- stage keys


async def test_stage_keys_work_from_the_prepare_view_and_help_lists_them(store: Store) -> None:
    """One app on a Prepare partnership: c, t, l and b each open their form from the Prepare
    view (a quarterly convening is recorded with ctrl+s, the others closed with escape);
    then ? lists every key, and why some are off."""
    partnership = f.partnership(store)
    app = RosterApp(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = stage_screen(app)
        cases = [("c", ConveningForm), ("t", TeamEditor), ("l", LaunchForm), ("b", DebriefForm)]
        for key, screen_type in cases:
            assert screen.view_stage is Stage.PREPARE, key
            await typed(pilot, key)
            await wait(pilot)
            assert isinstance(app.screen, screen_type), f"{key} opens {screen_type.__name__}"
            # a quarterly convening during Prepare/Action is recorded; the others are closed
            await pilot.press("ctrl+s" if key == "c" else "escape")
            await wait(pilot)
            assert app.screen is screen, f"{key}: back on the stage view"
        assert len(store.convenings(partnership.id)) == 1, "c: the convening is recorded"

        # help lists every key and why some are off
        screen.roster.focus()
        await pilot.press("question_mark")
        await wait(pilot)
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        rows = {row.key: row for row in help_screen.rows}
        for key in ("c", "t", "l", "m", "b", "a", "n", "e", "x", "h"):
            assert key in rows, f"help lists {key}"
        assert {"Undo", "Redo", "History"} <= {row.description for row in help_screen.rows}
        assert rows["c"].why_not is None and rows["t"].why_not is None, "help: c and t are on"
        assert rows["x"].why_not == "highlight a person (not a group's headline) first"
        assert "not now" in screen_text(app), "help: says which keys are off"


async def test_read_only_offers_no_editing_keys(store: Store) -> None:
    pid = _seed_core_team(store)
    store.close()
    viewer = Store(store.path, read_only=True)
    app = RosterApp(viewer)
    async with app.run_test(size=SIZE) as pilot:
        screen = stage_screen(app)
        assert "READ-ONLY" in screen_text(app)
        screen.focus_group(RoleKind.CORE_TEAM, None)
        await wait(pilot)
        footer = screen_text(app).splitlines()[-1]
        for label in ("Add", "Advance", "Team", "Edit"):
            assert label not in footer, footer
        for key in ("n", "a", "t", "c", "l", "e", "enter", "x", "ctrl+z"):
            await typed(pilot, key)
            await wait(pilot)
            assert app.screen is screen, key  # no picker, form or question opened
        await pilot.press("question_mark")
        await wait(pilot)
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        rows = {row.key: row for row in help_screen.rows}
        assert rows["n"].why_not == "the file is open read-only"
    viewer.close()
    with Store(store.path, read_only=True) as after:
        assert _core_team(after, pid) == ["James Okafor"]


# --------------------------------------------------------------------------- advance, undo


async def test_advance_without_blockers_asks_first(store: Store) -> None:
    partnership = f.partnership(store, stage=Stage.ACTION)
    team = store.save_team(ActionTeam(partnership_id=partnership.id, name="Talent"))
    ann = f.person(store, "Ann Able", f.org(store, "Acme Forge"))
    store.assign(partnership.id, ann.id, RoleKind.ACTION_TEAM_LEAD, team_id=team.id)
    app = RosterApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await typed(pilot, "a")
        await wait(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await typed(pilot, "n")
        await wait(pilot)
        assert store.partnership(partnership.id).stage is Stage.ACTION
        await typed(pilot, "a")
        await wait(pilot)
        await pilot.press("escape")
        await wait(pilot)
        assert store.partnership(partnership.id).stage is Stage.ACTION
        await typed(pilot, "ay")
        await wait(pilot)
    assert store.partnership(partnership.id).stage is Stage.SUSTAIN


async def test_undo_redo_and_the_history_screen(store: Store, notices: Notices) -> None:
    pid = _seed_core_team(store)
    app = RosterApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await _open_picker_on_core_team(app, pilot)
        await typed(pilot, "maria")
        await pilot.press("enter")
        await wait(pilot)
        assert _core_team(store, pid) == ["James Okafor", "Maria Gonzalez"]
        await pilot.press("ctrl+z")
        await wait(pilot)
        assert _core_team(store, pid) == ["James Okafor"]
        await pilot.press("ctrl+y")
        await wait(pilot)
        assert _core_team(store, pid) == ["James Okafor", "Maria Gonzalez"]
        assert "Redid: Make Maria Gonzalez core team" in "\n".join(notices.messages)
        await pilot.press("ctrl+z")
        await typed(pilot, "h")
        await wait(pilot)
        assert isinstance(app.screen, HistoryScreen)
        text = screen_text(app)
        assert "undone" in text and "Make Maria Gonzalez core team" in text
        assert "added 1 role" in text
        await pilot.press("ctrl+y")  # redo from the history: the list follows
        await wait(pilot)
        assert "undone" not in screen_text(app)
        await pilot.press("escape")
        await wait(pilot)
    assert _core_team(store, pid) == ["James Okafor", "Maria Gonzalez"]


# --------------------------------------------------------------------------- between runs


async def test_theme_partnership_and_stage_are_remembered(store: Store) -> None:
    f.partnership(store, "Healthcare, North Valley")
    other = f.partnership(store, "Construction, North Valley")
    app = RosterApp(store)
    async with app.run_test(size=SIZE) as pilot:
        assert not isinstance(app.screen, PartnershipScreen)  # two partnerships: the list
        app.theme = "gruvbox"
        app.post_message(OpenPartnership(other.id))
        await wait(pilot)
        await typed(pilot, "3")
        await wait(pilot)
    again = RosterApp(store)
    async with again.run_test(size=SIZE) as pilot:
        await wait(pilot)
        assert again.theme == "gruvbox"
        screen = stage_screen(again)
        assert (screen.partnership_id, screen.view_stage) == (other.id, Stage.ACTION)


async def test_a_broken_prefs_file_is_ignored(store: Store, config_dir: Path) -> None:
    f.partnership(store)
    config_dir.mkdir()
    (config_dir / "prefs.json").write_text("{broken", encoding="utf-8")
    app = RosterApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        assert stage_screen(app).view_stage is Stage.PREPARE
    assert load_prefs().places  # replaced by good preferences on the way out


async def test_the_demo_opens_on_prepare_and_says_it_is_a_copy(tmp_path: Path) -> None:
    copy = tmp_path / "demo.json"
    shutil.copyfile(bundled_demo_path(), copy)
    with Store(copy) as demo:
        app = RosterApp(demo, demo=True)
        async with app.run_test(size=(80, 24)) as pilot:
            await wait(pilot)
            screen = stage_screen(app)
            assert screen.view_stage is Stage.PREPARE
            assert screen.partnership.stage is Stage.PREPARE
            assert screen.partnership.name.startswith("Healthcare")
            assert "DEMO: a throw-away copy" in screen_text(app).splitlines()[0]
