"""The directory, driven with Pilot as a convener would: add, edit, delete, roles.

Searching and paging through a large directory are in ``test_directory_search.py``.
"""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList, Select, Static

from nextgen_tui.app import RosterApp
from nextgen_tui.models import ChampionStatus, OrgKind, RoleKind
from nextgen_tui.store.repository import Store
from screens.common.confirm import ConfirmScreen
from screens.directory.assign_role import AssignRoleScreen
from screens.directory.org_form import OrgForm, OrgKindScreen
from screens.directory.person_form import PersonForm
from screens.directory.screen import ORGS, PEOPLE
from screens.directory.table import DirectoryTable
from tests.support import factories as f
from tests.support.app_ui import screen_text, wait
from tests.support.directory_ui import SIZE, detail_text, open_directory, people_shown, seed
from tests.support.notices import Notices


async def test_add_a_person_with_a_new_organization_creates_both_in_one_change(
    store: Store,
) -> None:
    seed(store)
    async with RosterApp(store).run_test(size=SIZE) as pilot:
        screen = await open_directory(pilot)
        await pilot.press(*"Rosa Diaz", "ctrl+n")  # the typed name fills the form
        await wait(pilot)
        form = pilot.app.screen
        assert isinstance(form, PersonForm)
        assert form.query_one("#field-name", Input).value == "Rosa Diaz"
        form.query_one("#field-organization", Input).value = "Riverton Workforce Board"
        await pilot.pause()
        assert "Not in the directory yet" in str(
            form.query_one("#organization-hint", Static).content
        )
        await pilot.press("ctrl+s")
        await wait(pilot)
        question = pilot.app.screen
        assert isinstance(question, OrgKindScreen)
        assert "Riverton Workforce Board" in screen_text(pilot.app)
        await pilot.press("escape")  # not now: back to the form, nothing saved
        await wait(pilot)
        assert pilot.app.screen is form
        assert store.organization_by_name("Riverton Workforce Board") is None
        await pilot.press("ctrl+s")
        await wait(pilot)
        # the kind is guessed from the name, never a company by default
        kinds = pilot.app.screen.query_one(OptionList)
        assert kinds.highlighted_option is not None
        assert kinds.highlighted_option.id == OrgKind.WORKFORCE_BOARD.value
        await pilot.press("enter")
        await wait(pilot)
        assert pilot.app.screen_stack[-1] is screen  # the top screen
        board = store.organization_by_name("Riverton Workforce Board")
        assert board is not None and board.kind is OrgKind.WORKFORCE_BOARD
        [rosa] = [p for p in store.people() if p.name == "Rosa Diaz"]
        assert rosa.organization_id == board.id
        assert screen.query_one("#directory-search", Input).value == ""
        assert screen.query_one("#people-table", DirectoryTable).current == rosa.id
        assert store.undo_label == "Add person Rosa Diaz"
        await pilot.press("ctrl+z")  # one undo step takes both back
        await wait(pilot)
        assert store.organization_by_name("Riverton Workforce Board") is None
        assert all(p.name != "Rosa Diaz" for p in store.people())
        assert rosa.id not in people_shown(screen)


async def test_an_existing_organization_is_found_by_name_and_suggested(store: Store) -> None:
    ids = seed(store)
    async with RosterApp(store).run_test(size=SIZE) as pilot:
        await open_directory(pilot)
        await pilot.press("ctrl+n")
        await wait(pilot)
        form = pilot.app.screen
        assert isinstance(form, PersonForm)
        form.query_one("#field-name", Input).value = "Kim Park"
        organization = form.query_one("#field-organization", Input)
        organization.focus()
        await pilot.press(*"acme", "right")  # → accepts the suggestion
        await pilot.pause()
        assert organization.value == "Acme Plastics"
        assert "✓ Acme Plastics (Company)" in str(
            form.query_one("#organization-hint", Static).content
        )
        await pilot.press("ctrl+s")
        await wait(pilot)
    [kim] = [p for p in store.people() if p.name == "Kim Park"]
    assert kim.organization_id == ids["acme"]
    assert len(store.organizations()) == 2


async def test_a_bad_email_shows_beside_the_field_and_keeps_what_was_typed(store: Store) -> None:
    seed(store)
    async with RosterApp(store).run_test(size=SIZE) as pilot:
        await open_directory(pilot)
        await pilot.press("ctrl+n")
        await wait(pilot)
        form = pilot.app.screen
        assert isinstance(form, PersonForm)
        form.query_one("#field-name", Input).value = "Rosa Diaz"
        form.query_one("#field-title", Input).value = "HR Director"
        form.query_one("#field-organization", Input).value = "Brand New Co"
        form.query_one("#field-email", Input).value = "rosa@"
        await pilot.press("ctrl+s")
        await wait(pilot)
        assert pilot.app.screen is form  # no question about the organization either
        error = form.query_one("#error-email", Static)
        assert error.has_class("-shown")
        assert "Email is not a valid email address" in str(error.content)
        assert not form.query_one("#error-name", Static).has_class("-shown")
        values = form.values()
        assert values["name"] == "Rosa Diaz" and values["title"] == "HR Director"
        assert values["organization"] == "Brand New Co" and values["email"] == "rosa@"
        assert pilot.app.focused is form.query_one("#field-email", Input)
        assert all(p.name != "Rosa Diaz" for p in store.people())
        assert store.organization_by_name("Brand New Co") is None
        form.query_one("#field-organization", Input).value = "N" * 201  # too long a name
        form.query_one("#field-email", Input).value = "rosa@brand.example"
        await pilot.press("ctrl+s")
        await wait(pilot)
        assert pilot.app.screen is form
        too_long = str(form.query_one("#error-organization", Static).content)
        assert "Organization must be at most 200" in too_long
        assert not form.query_one("#error-email", Static).has_class("-shown")
    assert all(p.name != "Rosa Diaz" for p in store.people())


async def test_edit_a_person_from_the_table(store: Store) -> None:
    ids = seed(store)
    async with RosterApp(store).run_test(size=SIZE) as pilot:
        screen = await open_directory(pilot)
        await pilot.press(*"smithers", "enter")  # enter in the search goes to the results
        await pilot.pause()
        assert pilot.app.focused is screen.query_one("#people-table")
        await pilot.press("enter")  # enter on a row edits it
        await wait(pilot)
        form = pilot.app.screen
        assert isinstance(form, PersonForm) and form.person_id == ids["john"]
        assert form.query_one("#field-organization", Input).value == "Acme Plastics"
        form.query_one("#field-title", Input).value = "Chief Executive"
        await pilot.press("ctrl+s")
        await wait(pilot)
        assert pilot.app.screen is screen
        assert store.person(ids["john"]).title == "Chief Executive"
        assert store.person(ids["john"]).organization_id == ids["acme"]
        row = screen.query_one("#people-table", DirectoryTable).get_row(str(ids["john"]))
        assert "Chief Executive" in [cell.plain for cell in row]


async def test_delete_asks_first_ends_the_roles_and_undo_brings_all_back(
    store: Store, notices: Notices
) -> None:
    ids = seed(store)
    p = f.partnership(store)
    q = f.partnership(store, name="Healthcare, North Valley", industry="Healthcare")
    champion = f.champion(store, p, store.person(ids["john"]))
    core = store.assign(q.id, ids["john"], RoleKind.CORE_TEAM)
    app = RosterApp(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_directory(pilot)
        await pilot.press(*"john", "enter", "delete")
        await wait(pilot)
        confirm = pilot.app.screen
        assert isinstance(confirm, ConfirmScreen)
        app.action_directory()  # its key, reaching the app over its own question
        await wait(pilot)
        assert pilot.app.screen is confirm  # no second directory (it crashed the app)
        assert "The directory is open under this screen" in notices.messages[-1]
        assert "Delete John Smithers" in confirm.question
        assert "2 current role(s) end today" in confirm.question
        await pilot.press("n")  # changed my mind
        await wait(pilot)
        assert not store.person(ids["john"]).deleted
        await pilot.press("delete")
        await wait(pilot)
        await pilot.press("y")
        await wait(pilot)
        assert store.person(ids["john"]).deleted
        assert store.role(champion.id).end == f.TODAY and store.role(core.id).end == f.TODAY
        assert ids["john"] not in people_shown(screen)
        await pilot.press("ctrl+z")
        await wait(pilot)
        assert not store.person(ids["john"]).deleted
        assert store.role(champion.id).end is None and store.role(core.id).end is None
        assert ids["john"] in people_shown(screen)


async def test_delete_an_organization_deletes_its_people_after_asking(store: Store) -> None:
    ids = seed(store)
    async with RosterApp(store).run_test(size=SIZE) as pilot:
        screen = await open_directory(pilot)
        await pilot.press("ctrl+o")
        await wait(pilot)
        assert screen.tab == ORGS
        await pilot.press(*"acme", "enter", "delete")
        await wait(pilot)
        confirm = pilot.app.screen
        assert isinstance(confirm, ConfirmScreen)
        assert "Acme Plastics? Its 1 people are deleted too" in confirm.question
        await pilot.press("y")
        await wait(pilot)
        assert store.organization(ids["acme"]).deleted and store.person(ids["john"]).deleted
        assert screen.query_one("#orgs-table", DirectoryTable).shown == []
        await pilot.press("ctrl+o")
        await wait(pilot)
        assert screen.tab == PEOPLE and ids["john"] not in people_shown(screen)


async def test_organizations_are_searched_added_and_named_once(store: Store) -> None:
    ids = seed(store)
    async with RosterApp(store).run_test(size=SIZE) as pilot:
        screen = await open_directory(pilot)
        await pilot.press("ctrl+o", *"college")  # by kind
        await wait(pilot)
        assert screen.query_one("#orgs-table", DirectoryTable).shown == [ids["college"]]
        await pilot.press("escape", *"Acme plastics", "ctrl+n")
        await wait(pilot)
        form = pilot.app.screen
        assert isinstance(form, OrgForm)
        assert form.query_one("#field-name", Input).value == "Acme plastics"
        await pilot.press("ctrl+s")
        await wait(pilot)
        assert pilot.app.screen is form
        assert "already exists" in str(form.query_one("#error-name", Static).content)
        form.query_one("#field-name", Input).value = "Harlow Chamber"
        form.query_one("#field-kind", Select).value = OrgKind.CHAMBER
        await pilot.press("ctrl+s")
        await wait(pilot)
        assert pilot.app.screen_stack[-1] is screen  # the top screen
        chamber = store.organization_by_name("Harlow Chamber")
        assert chamber is not None and chamber.kind is OrgKind.CHAMBER
        assert screen.query_one("#orgs-table", DirectoryTable).current == chamber.id


async def test_switching_tables_keeps_the_keyboard_in_the_shown_one(store: Store) -> None:
    ids = seed(store)
    async with RosterApp(store).run_test(size=SIZE) as pilot:
        screen = await open_directory(pilot)
        await pilot.press("down")  # from the search box to the results
        await pilot.pause()
        assert pilot.app.focused is screen.query_one("#people-table")
        await pilot.press("ctrl+o")
        await wait(pilot)
        orgs = screen.query_one("#orgs-table", DirectoryTable)
        assert pilot.app.focused is orgs and orgs.current == ids["acme"]
        search = screen.query_one("#directory-search", Input)
        assert "kind, industry, region" in str(search.placeholder)
        await pilot.press("slash", *"harlow")
        await pilot.pause()
        assert orgs.shown == [ids["college"]]
        await pilot.press("ctrl+o")
        await wait(pilot)
        assert people_shown(screen) == [ids["ann"]]  # the same search, on people


async def test_a_persons_roles_in_every_partnership_are_listed(store: Store) -> None:
    ids = seed(store)
    p = f.partnership(store)
    q = f.partnership(store, name="Healthcare, North Valley", industry="Healthcare")
    f.champion(store, p, store.person(ids["ann"]), ChampionStatus.COMMITTED)
    store.assign(q.id, ids["ann"], RoleKind.CORE_TEAM)
    ended = store.assign(q.id, ids["ann"], RoleKind.FACILITATOR)
    store.end_role(ended.id)
    async with RosterApp(store).run_test(size=SIZE) as pilot:
        screen = await open_directory(pilot)
        await pilot.press(*"ann lee")
        await pilot.pause()
        text = detail_text(screen)
        assert "Advanced Manufacturing, North Valley" in text
        assert "Champion (committed)" in text
        assert "Healthcare, North Valley" in text and "Core planning team" in text
        assert f"Facilitator (ended {f.TODAY.isoformat()})" in text
        await pilot.press("escape", *"bo chen")
        await pilot.pause()
        assert "No roles in any partnership yet" in detail_text(screen)


async def test_assign_a_role_from_the_directory_in_a_few_keys(store: Store) -> None:
    ids = seed(store)
    p = f.partnership(store)  # the only partnership: the app opens it
    async with RosterApp(store).run_test(size=SIZE) as pilot:
        screen = await open_directory(pilot)
        await pilot.press(*"bo", "enter", "a")
        await wait(pilot)
        form = pilot.app.screen
        assert isinstance(form, AssignRoleScreen)
        assert form.query_one("#field-partnership", Select).value == p.id  # the open one
        assert pilot.app.focused is form.query_one("#field-role", Select)
        await pilot.press("enter", *"facil", "enter", "ctrl+s")
        await wait(pilot)
        assert pilot.app.screen is screen
        [role] = store.roles(person_id=ids["bo"])
        assert (role.partnership_id, role.role, role.team_id) == (p.id, RoleKind.FACILITATOR, None)
        assert "Facilitator" in detail_text(screen)
        await pilot.press("a")  # the same role again is caught before saving
        await wait(pilot)
        form = pilot.app.screen
        assert isinstance(form, AssignRoleScreen)
        assert "Already: Facilitator" in str(form.query_one("#current-roles", Static).content)
        form.query_one("#field-role", Select).value = RoleKind.FACILITATOR
        await pilot.press("ctrl+s")
        await wait(pilot)
        assert "already Facilitator" in str(form.query_one("#error-role", Static).content)
        form.query_one("#field-role", Select).value = RoleKind.ACTION_TEAM_MEMBER
        await pilot.pause()
        assert form.query_one("#team-field").display
        await pilot.press("ctrl+s")  # a team role needs its team
        await wait(pilot)
        assert "Choose the action team" in str(form.query_one("#error-team", Static).content)
        assert len(store.roles(person_id=ids["bo"])) == 1


async def test_assign_a_team_role(store: Store) -> None:
    ids = seed(store)
    p = f.partnership(store)
    from nextgen_tui.models import ActionTeam

    team = store.save_team(ActionTeam(partnership_id=p.id, name="Hiring pipeline"))
    app = RosterApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        app.push_screen(AssignRoleScreen(ids["ann"], p.id))
        await wait(pilot)
        form = app.screen
        form.query_one("#field-role", Select).value = RoleKind.ACTION_TEAM_LEAD
        form.query_one("#field-team", Select).value = team.id
        await pilot.press("ctrl+s")
        await wait(pilot)
    [role] = store.roles(person_id=ids["ann"])
    assert (role.role, role.team_id) == (RoleKind.ACTION_TEAM_LEAD, team.id)


async def test_without_a_partnership_assigning_says_so(store: Store, notices: Notices) -> None:
    seed(store)
    async with RosterApp(store).run_test(size=SIZE) as pilot:
        screen = await open_directory(pilot)
        await pilot.press("down", "a")
        await wait(pilot)
        await wait(pilot)
        assert pilot.app.screen is screen
        assert any("no partnership yet" in m for m in notices.messages)


async def test_help_lists_the_directory_keys(store: Store) -> None:
    seed(store)
    async with RosterApp(store).run_test(size=SIZE) as pilot:
        await open_directory(pilot)
        await pilot.press("down", "question_mark")
        await wait(pilot)
        text = screen_text(pilot.app)
        for words in ("Assign", "People/Orgs", "Delete", "Type to search"):
            assert words in text


HOSTILE_VISIBLE = [name for name in f.HOSTILE_NAMES if len(name) < 30]


async def test_hostile_names_appear_literally_in_tables_and_forms(store: Store) -> None:
    names = f.HOSTILE_NAMES
    orgs = [f.org(store, f"{name[:190]} Inc") for name in names]
    people = [
        f.person(store, name, orgs[i], title=names[-2 - i % 2], email=f"p{i}@x.example")
        for i, name in enumerate(names)
    ]
    p = f.partnership(store, name=names[0])  # the only one: it opens, and is preselected
    f.champion(store, p, people[1])
    async with RosterApp(store).run_test(size=(200, 50)) as pilot:
        screen = await open_directory(pilot)
        table = screen.query_one("#people-table", DirectoryTable)
        cells = [cell.plain for key in table.rows for cell in table.get_row(key)]
        for name in names:
            assert name in cells and f"{name[:190]} Inc" in cells
        text = screen_text(pilot.app)
        for name in HOSTILE_VISIBLE:
            assert name in text, name
        await pilot.press(*"todo", "enter")  # [TODO] Ann, champion in "Bob [/]"
        await pilot.pause()
        details = detail_text(screen)
        assert "[TODO] Ann" in details and "Bob [/]" in details
        assert "[TODO] Ann" in screen_text(pilot.app)
        await pilot.press("enter")
        await wait(pilot)
        form = pilot.app.screen
        assert isinstance(form, PersonForm)
        assert form.query_one("#field-name", Input).value == "[TODO] Ann"
        assert form.query_one("#field-organization", Input).value == "[TODO] Ann Inc"
        assert "Edit person: [TODO] Ann" in screen_text(pilot.app)
        form.query_one("#field-organization", Input).value = "[$accent]x [/] Co"
        await pilot.press("ctrl+s")
        await wait(pilot)
        assert "“[$accent]x [/] Co” is not in the directory yet" in screen_text(pilot.app)
        await pilot.press("enter")
        await wait(pilot)
        assert store.organization_by_name("[$accent]x [/] Co") is not None
        await pilot.press("a")
        await wait(pilot)
        assert isinstance(pilot.app.screen, AssignRoleScreen)
        text = screen_text(pilot.app)
        assert "Assign a role to [TODO] Ann" in text and "Already: Champion" in text


@pytest.mark.parametrize("width", [80, 120])
async def test_directory_fits_small_screens(store: Store, width: int) -> None:
    ids = seed(store)
    async with RosterApp(store).run_test(size=(width, 24)) as pilot:
        screen = await open_directory(pilot)
        assert screen.has_class("-narrow") is (width < 110)
        text = screen_text(pilot.app)
        assert "Ann Lee" in text and "John Smithers" in text
        assert screen.query_one("#people-table", DirectoryTable).current == ids["ann"]
