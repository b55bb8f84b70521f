"""What every editor shares: the person picker, literal names, escape, vanished records."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.screen import Screen
from textual.widgets import Checkbox, Input, OptionList, Select, TextArea

from nextgen_tui.models import ActionArea, ActionTeam, LaunchMeeting, OrgKind, RoleKind
from nextgen_tui.store.repository import Store
from screens.common.confirm import ConfirmScreen
from screens.directory.person_picker import PersonPicker
from screens.partnerships.partnership_form import PartnershipForm
from screens.stage.convening_form import ConveningForm
from screens.stage.debrief_form import DebriefForm
from screens.stage.launch_form import LaunchForm
from screens.stage.role_editors import ChampionEditor, LeaderEditor
from screens.stage.team_editor import TeamEditor
from tests.support import factories as f
from tests.support.app_ui import type_in
from tests.support.editor_ui import (
    SIZE,
    Host,
    open_modal,
    pick_person,
    screen_text,
    seed_priorities,
)
from tests.support.notices import Notices

# --------------------------------------------------------------------------- person picker


async def test_person_picker_filters_picks_answers_once_and_adds_a_new_person(
    store: Store, notices: Notices
) -> None:
    """The person picker, opened in turn on one app: it filters as you type and picks; one
    already in the group is said so and nobody added; two choices queued answer once; a
    new person typed is added through the person form and picked."""
    acme = f.org(store, "Acme Tools")
    ann = f.person(store, "Ann Lee", acme, title="Plant manager")
    bo = f.person(store, "Bo Chen", f.org(store, "Valley College"), email="bo@valley.edu")
    f.person(store, "Cy Diaz", acme)
    app = Host(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_modal(app, pilot, PersonPicker("Who?"))
        matches = app.screen.query_one("#picker-matches", OptionList)
        assert matches.option_count == 4  # three people and "new person"
        await pilot.press(*"acme")
        assert [o.id for o in matches.options][:2] == ["p1", "p3"]  # by organization
        await pilot.press(*" pla")
        assert matches.option_count == 2  # Ann, and "new person"
        for _ in "acme pla":
            await pilot.press("backspace")
        await pilot.press(*"y.edu")
        assert "Bo Chen" in screen_text(app) and "Ann Lee" not in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert app.results == [bo.id]

        await open_modal(app, pilot, PersonPicker("Who else?", exclude={bo.id}, group="Team"))
        await pilot.press(*"bo ch")
        assert "Bo Chen — Valley College  (already in Team)" in screen_text(app)
        await pilot.press("enter")  # already in the group: says so, adds nobody
        await pilot.pause()
        assert isinstance(app.screen, PersonPicker) and app.results == [bo.id]
        assert "Bo Chen is already in Team; nobody was added." in "\n".join(notices.messages)
        await pilot.press("escape")
        await pilot.pause()
        assert app.results == [bo.id, None]

        # -- two choices queued (a second enter behind the first) answer once
        await open_modal(app, pilot, PersonPicker("Who?"))
        picker = app.screen
        assert isinstance(picker, PersonPicker)
        picker._choose(f"p{ann.id}")
        picker._choose(f"p{ann.id}")  # a second enter queued behind the first
        picker.action_cancel()
        await pilot.pause()
        assert app.results == [bo.id, None, ann.id], "answers once"
        assert app.screen is app.screen_stack[0], "answers once: closed"

        # -- a new person typed is added and picked
        await open_modal(app, pilot, PersonPicker("Who?"))
        await type_in(pilot, "Zed Quinn")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.screen.query_one("#field-name", Input).value == "Zed Quinn", "new: typed"
        await pilot.press("ctrl+s")
        await pilot.pause()
    [zed] = [person for person in store.people() if person.name == "Zed Quinn"]
    assert app.results == [bo.id, None, ann.id, zed.id], "new: added and picked"


# --------------------------------------------------------------------------- conventions


def hostile_file(store: Store) -> dict[str, Any]:
    names = f.HOSTILE_NAMES
    p = f.partnership(store, name=names[0], industry=names[1], region=names[2])
    company = f.org(store, names[3])
    college = f.org(store, names[4], OrgKind.COMMUNITY_COLLEGE)
    people = [
        f.person(store, name, company if i % 2 else college, title=names[-2])
        for i, name in enumerate(names)
    ]
    champion = f.champion(store, p, people[1], outreach_owner_id=people[2].id)
    store.assign(p.id, people[2].id, RoleKind.CORE_TEAM)
    leader = f.leader(store, p, people[3])
    store.assign(p.id, people[4].id, RoleKind.FACILITATOR)
    store.save_launch(
        LaunchMeeting(
            partnership_id=p.id,
            opener_id=people[1].id,
            host_org_id=company.id,
            place=names[5],
            action_areas=[ActionArea(id=1, title=names[6])],
            priority_area_ids=[1],
        )
    )

    team = store.save_team(ActionTeam(partnership_id=p.id, name=names[7], priority_area_id=1))
    store.assign(p.id, people[5].id, RoleKind.ACTION_TEAM_LEAD, team_id=team.id)
    return {"p": p, "champion": champion, "leader": leader, "team": team}


HOSTILE_SHOWN = [name for name in f.HOSTILE_NAMES if len(name) < 40]


async def test_hostile_names_render_literally_in_every_modal_and_picker(store: Store) -> None:
    """On one hostile file, in turn: every modal shows the names literally and closes at
    once on escape when nothing was typed; the team's priority area is literal in the
    Select's overlay; the people pickers (the person picker, the champion's outreach owner)
    list hostile names literally."""
    s = hostile_file(store)
    pid = s["p"].id
    ann, accent, link, formula, rtl, emoji, bold = f.HOSTILE_NAMES[1:8]
    modals: list[tuple[Callable[[], Screen[Any]], list[str]]] = [
        (lambda: PartnershipForm(pid), ["Bob [/]", ann, accent]),
        (lambda: ChampionEditor(s["champion"].id), [f"Champion: {ann} ({link})", accent]),
        (lambda: LeaderEditor(s["leader"].id), [link]),
        (lambda: LaunchForm(pid), [rtl, link, f"{ann} — {link}", formula]),
        (lambda: TeamEditor(pid, s["team"].id), [bold, emoji, f"{rtl} — {link}"]),
        (lambda: ConveningForm(pid), [ann, accent, link, formula, rtl]),
        (lambda: DebriefForm(pid), []),
        (lambda: PersonPicker("Who? [b]not bold[/b]"), [*HOSTILE_SHOWN, "[b]not bold[/b]"]),
    ]
    app = Host(store)
    async with app.run_test(size=(160, 60)) as pilot:
        for make, expected in modals:
            await open_modal(app, pilot, make())
            text = screen_text(app)
            for name in expected:
                assert name in text, (type(app.screen).__name__, name)
            await pilot.press("tab", "tab", "escape")  # nothing typed: closes at once
            await pilot.pause()
            assert not isinstance(app.screen, ConfirmScreen), type(app.screen).__name__
        assert app.screen is app.screen_stack[0]
        # the team's priority area, in the Select's open overlay, is literal too
        await open_modal(app, pilot, TeamEditor(pid, s["team"].id))
        app.screen.query_one("#field-priority_area_id", Select).action_show_overlay()
        await pilot.pause()
        assert f"★ {emoji} (priority)" in screen_text(app), "team: the priority area literal"
        await pilot.press("escape", "escape")  # the overlay, then the editor
        await pilot.pause()
        assert app.screen is app.screen_stack[0], "team: closed"

        # -- the people pickers list hostile names literally
        await open_modal(app, pilot, PersonPicker("Who?"))
        await pilot.press(*"[todo")
        assert f"{ann} — " in screen_text(app), "picker: the match literal"
        assert "1 of 9 people match" in screen_text(app), "picker: the count"
        await pilot.press("escape")
        await pilot.pause()
        await open_modal(app, pilot, ChampionEditor(s["champion"].id))
        app.screen.query_one("#field-outreach_owner_id", Select).action_show_overlay()
        await pilot.pause()
        assert f"{accent} — {formula}" in screen_text(app), "champion: the owner literal"


async def test_escape_on_a_changed_form_asks_before_discarding(store: Store) -> None:
    s = seed_priorities(store)
    p = s["p"]
    app = Host(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_modal(app, pilot, DebriefForm(p.id))
        app.screen.query_one("#field-notes", TextArea).focus()
        await pilot.press(*"half", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, DebriefForm)
        assert app.screen.query_one("#field-notes", TextArea).text == "half"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.results == [None]
        assert store.partnership(p.id).debrief is None

        await open_modal(app, pilot, TeamEditor(p.id))
        await pick_person(pilot, "dean")
        await pilot.press("escape")  # a member added counts as a change
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)


async def test_a_record_deleted_meanwhile_closes_the_form_with_a_message(
    store: Store, notices: Notices
) -> None:
    p = f.partnership(store)
    app = Host(store)
    async with app.run_test(size=SIZE) as pilot:
        for modal in (ChampionEditor(999), TeamEditor(p.id, 999), ConveningForm(p.id, 999)):
            await open_modal(app, pilot, modal)
            await pilot.pause()
            assert app.screen is app.screen_stack[0]
        assert app.results == [None, None, None]
        assert any("no longer exists" in m for m in notices.messages)


FORMS: dict[str, Callable[[dict[str, Any]], Screen[Any]]] = {
    "partnership": lambda s: PartnershipForm(s["p"].id),
    "champion": lambda s: ChampionEditor(s["champion"].id),
    "leader": lambda s: LeaderEditor(s["leader"].id),
    "launch": lambda s: LaunchForm(s["p"].id),
    "team": lambda s: TeamEditor(s["p"].id, s["team"].id),
    "convening": lambda s: ConveningForm(s["p"].id),
    "debrief": lambda s: DebriefForm(s["p"].id),
}


async def test_every_form_asks_before_discarding_a_change(store: Store) -> None:
    """Each form of FORMS in turn on one app: a change (a letter typed, or a box ticked)
    then escape asks first; "n" keeps what was changed; escape and "y" discard it."""
    s = hostile_file(store)
    before = store.snapshot(s["p"].id)
    app = Host(store)
    async with app.run_test(size=SIZE) as pilot:
        for form, make in FORMS.items():
            await open_modal(app, pilot, make(s))
            inputs = app.screen.query("#form-body Input")
            changed: Input | Checkbox
            if inputs:  # type a letter at the end of the first input
                changed = inputs.first(Input)
                was: object = changed.value
                changed.focus()
                await pilot.press("end", "z")
            else:  # the role editors: tick or untick the first box
                changed = app.screen.query_one("#form-body Checkbox", Checkbox)
                was = changed.value
                changed.focus()
                await pilot.press("space")
            assert changed.value != was, f"{form}: the change did not take"
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmScreen), f"{form}: escape did not ask"
            await pilot.press("n")  # keep editing: what was typed is still there
            await pilot.pause()
            assert app.screen is changed.screen, f"{form}: 'n' did not go back to the form"
            assert changed.value != was, f"{form}: 'n' lost the change"
            await pilot.press("escape", "y")
            await pilot.pause()
            assert app.screen is app.screen_stack[0], f"{form}: 'y' did not close the form"
            assert app.results == [None], f"{form}: the form saved something"
            app.results.clear()
            assert store.snapshot(s["p"].id) == before, f"{form}: the store changed"
