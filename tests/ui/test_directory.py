"""The directory, driven with Pilot as a convener would: add, edit, delete, roles.

Searching and paging through a large directory are in ``test_directory_search.py``.
"""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList, Select, Static

from nextgen_tui.app import RosterApp
from nextgen_tui.models import ActionTeam, ChampionStatus, OrgKind, RoleKind
from nextgen_tui.store.repository import Store
from screens.common.confirm import ConfirmScreen
from screens.directory.assign_role import AssignRoleScreen
from screens.directory.org_form import OrgForm, OrgKindScreen
from screens.directory.person_form import PersonForm
from screens.directory.screen import ORGS, PEOPLE
from screens.directory.table import DirectoryTable
from tests.support import factories as f
from tests.support.app_ui import screen_text, type_in, wait
from tests.support.directory_ui import SIZE, detail_text, open_directory, people_shown, seed
from tests.support.notices import Notices


async def test_person_form_new_or_existing_organization_and_a_bad_email(
    store: Store,
) -> None:
    """On one seeded directory, in turn: adding a person with a new organization creates
    both in one change (asked its kind, guessed, never a company; one undo takes both back);
    an existing organization is found by name and suggested; a bad email shows beside the
    field and keeps what was typed (and so does a too long organization name)."""
    ids = seed(store)
    async with RosterApp(store).run_test(size=SIZE) as pilot:
        screen = await open_directory(pilot)
        # -- a new organization: asked its kind, one change, one undo
        await type_in(pilot, "Rosa Diaz")  # the typed name fills the form
        await pilot.press("ctrl+n")
        await wait(pilot)
        form = pilot.app.screen
        assert isinstance(form, PersonForm), "new: ctrl+n opens the person form"
        assert form.query_one("#field-name", Input).value == "Rosa Diaz", "new: name filled"
        form.query_one("#field-organization", Input).value = "Riverton Workforce Board"
        await pilot.pause()
        assert "Not in the directory yet" in str(
            form.query_one("#organization-hint", Static).content
        ), "new: the hint says the organization is new"
        await pilot.press("ctrl+s")
        await wait(pilot)
        question = pilot.app.screen
        assert isinstance(question, OrgKindScreen), "new: its kind is asked"
        assert "Riverton Workforce Board" in screen_text(pilot.app), "new: the question names it"
        await pilot.press("escape")  # not now: back to the form, nothing saved
        await wait(pilot)
        assert pilot.app.screen is form, "new: escape goes back to the form"
        assert store.organization_by_name("Riverton Workforce Board") is None, "new: unsaved"
        await pilot.press("ctrl+s")
        await wait(pilot)
        # the kind is guessed from the name, never a company by default
        kinds = pilot.app.screen.query_one(OptionList)
        assert kinds.highlighted_option is not None, "new: a kind is highlighted"
        assert kinds.highlighted_option.id == OrgKind.WORKFORCE_BOARD.value, "new: kind guessed"
        await pilot.press("enter")
        await wait(pilot)
        assert pilot.app.screen_stack[-1] is screen, "new: back on the directory"
        board = store.organization_by_name("Riverton Workforce Board")
        assert board is not None and board.kind is OrgKind.WORKFORCE_BOARD, "new: org saved"
        [rosa] = [p for p in store.people() if p.name == "Rosa Diaz"]
        assert rosa.organization_id == board.id, "new: the person is in the new org"
        assert screen.query_one("#directory-search", Input).value == "", "new: search cleared"
        assert screen.query_one("#people-table", DirectoryTable).current == rosa.id, (
            "new: the cursor on the person added"
        )
        assert store.undo_label == "Add person Rosa Diaz", "new: one change"
        await pilot.press("ctrl+z")  # one undo step takes both back
        await wait(pilot)
        assert store.organization_by_name("Riverton Workforce Board") is None, "new: undo org"
        assert all(p.name != "Rosa Diaz" for p in store.people()), "new: undo person"
        assert rosa.id not in people_shown(screen), "new: undo shown"

        # -- an existing organization is found by name and suggested
        await pilot.press("ctrl+n")
        await wait(pilot)
        form = pilot.app.screen
        assert isinstance(form, PersonForm), "existing: ctrl+n opens the person form"
        form.query_one("#field-name", Input).value = "Kim Park"
        organization = form.query_one("#field-organization", Input)
        organization.focus()
        await pilot.press(*"acme", "right")  # → accepts the suggestion
        await pilot.pause()
        assert organization.value == "Acme Plastics", "existing: the suggestion accepted"
        assert "✓ Acme Plastics (Company)" in str(
            form.query_one("#organization-hint", Static).content
        ), "existing: the hint names the organization found"
        await pilot.press("ctrl+s")
        await wait(pilot)
        [kim] = [p for p in store.people() if p.name == "Kim Park"]
        assert kim.organization_id == ids["acme"], "existing: the person is in Acme"
        assert len(store.organizations()) == 2, "existing: no organization added"

        # -- a bad email shows beside the field and keeps what was typed
        await pilot.press("ctrl+n")
        await wait(pilot)
        form = pilot.app.screen
        assert isinstance(form, PersonForm), "bad email: ctrl+n opens the person form"
        form.query_one("#field-name", Input).value = "Rosa Diaz"
        form.query_one("#field-title", Input).value = "HR Director"
        form.query_one("#field-organization", Input).value = "Brand New Co"
        form.query_one("#field-email", Input).value = "rosa@"
        await pilot.press("ctrl+s")
        await wait(pilot)
        assert pilot.app.screen is form, "bad email: no question about the organization"
        error = form.query_one("#error-email", Static)
        assert error.has_class("-shown"), "bad email: the error is shown"
        assert "Email is not a valid email address" in str(error.content), "bad email: text"
        assert not form.query_one("#error-name", Static).has_class("-shown"), "bad email: name"
        values = form.values()
        assert values["name"] == "Rosa Diaz" and values["title"] == "HR Director", "kept"
        assert values["organization"] == "Brand New Co" and values["email"] == "rosa@", "kept"
        assert pilot.app.focused is form.query_one("#field-email", Input), "bad email: focus"
        assert all(p.name != "Rosa Diaz" for p in store.people()), "bad email: not saved"
        assert store.organization_by_name("Brand New Co") is None, "bad email: org not saved"
        form.query_one("#field-organization", Input).value = "N" * 201  # too long a name
        form.query_one("#field-email", Input).value = "rosa@brand.example"
        await pilot.press("ctrl+s")
        await wait(pilot)
        assert pilot.app.screen is form, "too long: the form stays"
        too_long = str(form.query_one("#error-organization", Static).content)
        assert "Organization must be at most 200" in too_long, "too long: the error is shown"
        assert not form.query_one("#error-email", Static).has_class("-shown"), "email now ok"
    assert all(p.name != "Rosa Diaz" for p in store.people()), "too long: not saved"


async def test_edit_a_person_then_organizations_searched_added_and_deleted(
    store: Store,
) -> None:
    """On one seeded directory, in turn: a person is edited from the table (enter in the
    search goes to the results, enter on a row edits it); organizations are searched by
    kind, added and named once; deleting an organization asks first and deletes its
    people too."""
    ids = seed(store)
    async with RosterApp(store).run_test(size=SIZE) as pilot:
        screen = await open_directory(pilot)
        # -- edit a person from the table
        await type_in(pilot, "smithers")
        await pilot.press("enter")  # enter in the search goes to the results
        await pilot.pause()
        assert pilot.app.focused is screen.query_one("#people-table"), "edit: to the results"
        await pilot.press("enter")  # enter on a row edits it
        await wait(pilot)
        form = pilot.app.screen
        assert isinstance(form, PersonForm) and form.person_id == ids["john"], "edit: his form"
        assert form.query_one("#field-organization", Input).value == "Acme Plastics", "edit"
        form.query_one("#field-title", Input).value = "Chief Executive"
        await pilot.press("ctrl+s")
        await wait(pilot)
        assert pilot.app.screen is screen, "edit: back on the directory"
        assert store.person(ids["john"]).title == "Chief Executive", "edit: the title saved"
        assert store.person(ids["john"]).organization_id == ids["acme"], "edit: org kept"
        row = screen.query_one("#people-table", DirectoryTable).get_row(str(ids["john"]))
        assert "Chief Executive" in [cell.plain for cell in row], "edit: the row shows it"

        # -- organizations are searched, added and named once
        await pilot.press("slash", "ctrl+o")
        await type_in(pilot, "college")  # by kind
        await wait(pilot)
        assert screen.tab == ORGS, "orgs: ctrl+o shows the organizations"
        orgs = screen.query_one("#orgs-table", DirectoryTable)
        assert orgs.shown == [ids["college"]], "orgs: searched by kind"
        await pilot.press("escape")
        await type_in(pilot, "Acme plastics")
        await pilot.press("ctrl+n")
        await wait(pilot)
        org_form = pilot.app.screen
        assert isinstance(org_form, OrgForm), "orgs: ctrl+n opens the organization form"
        name = org_form.query_one("#field-name", Input)
        assert name.value == "Acme plastics", "orgs: the typed name fills the form"
        await pilot.press("ctrl+s")
        await wait(pilot)
        assert pilot.app.screen is org_form, "orgs: a name taken keeps the form open"
        error = str(org_form.query_one("#error-name", Static).content)
        assert "already exists" in error, "orgs: a name is used once"
        name.value = "Harlow Chamber"
        org_form.query_one("#field-kind", Select).value = OrgKind.CHAMBER
        await pilot.press("ctrl+s")
        await wait(pilot)
        assert pilot.app.screen_stack[-1] is screen, "orgs: back on the directory"
        chamber = store.organization_by_name("Harlow Chamber")
        assert chamber is not None and chamber.kind is OrgKind.CHAMBER, "orgs: added"
        assert orgs.current == chamber.id, "orgs: the cursor on the one added"

        # -- deleting an organization deletes its people after asking
        await pilot.press("slash", *"acme", "enter", "delete")
        await wait(pilot)
        confirm = pilot.app.screen
        assert isinstance(confirm, ConfirmScreen), "delete org: asks first"
        assert "Acme Plastics? Its 1 people are deleted too" in confirm.question, "its people"
        await pilot.press("y")
        await wait(pilot)
        assert store.organization(ids["acme"]).deleted, "delete org: deleted"
        assert store.person(ids["john"]).deleted, "delete org: its people deleted"
        assert orgs.shown == [], "delete org: no longer listed"
        await pilot.press("ctrl+o")
        await wait(pilot)
        assert screen.tab == PEOPLE, "delete org: ctrl+o back to people"
        assert ids["john"] not in people_shown(screen), "delete org: his row gone"


async def test_a_persons_roles_are_listed_and_delete_asks_first_ends_the_roles(
    store: Store, notices: Notices
) -> None:
    """With roles in two partnerships, in turn: a person's roles in every partnership are
    listed (ended ones with their date; none said so); deleting a person asks first (and
    the directory key over the question opens no second directory), ends their roles,
    and one undo brings all back."""
    ids = seed(store)
    p = f.partnership(store)
    q = f.partnership(store, name="Healthcare, North Valley", industry="Healthcare")
    f.champion(store, p, store.person(ids["ann"]), ChampionStatus.COMMITTED)
    store.assign(q.id, ids["ann"], RoleKind.CORE_TEAM)
    ended = store.assign(q.id, ids["ann"], RoleKind.FACILITATOR)
    store.end_role(ended.id)
    champion = f.champion(store, p, store.person(ids["john"]))
    core = store.assign(q.id, ids["john"], RoleKind.CORE_TEAM)
    app = RosterApp(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_directory(pilot)
        # -- roles in every partnership are listed
        await type_in(pilot, "ann lee")
        await pilot.pause()
        text = detail_text(screen)
        assert "Advanced Manufacturing, North Valley" in text, "roles: the first partnership"
        assert "Champion (committed)" in text, "roles: the champion's status"
        assert "Healthcare, North Valley" in text, "roles: the second partnership"
        assert "Core planning team" in text, "roles: the core team role"
        assert f"Facilitator (ended {f.TODAY.isoformat()})" in text, "roles: an ended role"
        await pilot.press("escape")
        await type_in(pilot, "bo chen")
        await pilot.pause()
        assert "No roles in any partnership yet" in detail_text(screen), "roles: none said"

        # -- delete asks first, ends the roles, undo brings all back
        await pilot.press("escape")
        await type_in(pilot, "john")
        await pilot.press("enter", "delete")
        await wait(pilot)
        confirm = pilot.app.screen
        assert isinstance(confirm, ConfirmScreen), "delete: asks first"
        app.action_directory()  # its key, reaching the app over its own question
        await wait(pilot)
        assert pilot.app.screen is confirm, "delete: no second directory (it crashed the app)"
        assert "The directory is open under this screen" in notices.messages[-1], "delete: said"
        assert "Delete John Smithers" in confirm.question, "delete: the question names him"
        assert "2 current role(s) end today" in confirm.question, "delete: his roles counted"
        await pilot.press("n")  # changed my mind
        await wait(pilot)
        assert not store.person(ids["john"]).deleted, "delete: 'n' deletes nothing"
        await pilot.press("delete")
        await wait(pilot)
        await pilot.press("y")
        await wait(pilot)
        assert store.person(ids["john"]).deleted, "delete: 'y' deletes"
        assert store.role(champion.id).end == f.TODAY, "delete: the champion role ended"
        assert store.role(core.id).end == f.TODAY, "delete: the core team role ended"
        assert ids["john"] not in people_shown(screen), "delete: no longer listed"
        await pilot.press("ctrl+z")
        await wait(pilot)
        assert not store.person(ids["john"]).deleted, "undo: back"
        assert store.role(champion.id).end is None, "undo: the champion role back"
        assert store.role(core.id).end is None, "undo: the core team role back"
        assert ids["john"] in people_shown(screen), "undo: listed again"


async def test_switching_tables_assigning_without_a_partnership_and_help(
    store: Store, notices: Notices
) -> None:
    """On one seeded directory with no partnership, in turn: switching tables keeps the
    keyboard in the shown one (and the search); assigning a role says there is no
    partnership yet; help lists the directory's keys."""
    ids = seed(store)
    async with RosterApp(store).run_test(size=SIZE) as pilot:
        screen = await open_directory(pilot)
        # -- switching tables
        await pilot.press("down")  # from the search box to the results
        await pilot.pause()
        assert pilot.app.focused is screen.query_one("#people-table"), "switch: down to table"
        await pilot.press("ctrl+o")
        await wait(pilot)
        orgs = screen.query_one("#orgs-table", DirectoryTable)
        assert pilot.app.focused is orgs, "switch: the keyboard in the organizations"
        assert orgs.current == ids["acme"], "switch: the first organization current"
        search = screen.query_one("#directory-search", Input)
        assert "kind, industry, region" in str(search.placeholder), "switch: the placeholder"
        await pilot.press("slash")
        await type_in(pilot, "harlow")
        await pilot.pause()
        assert orgs.shown == [ids["college"]], "switch: organizations searched"
        await pilot.press("ctrl+o")
        await wait(pilot)
        assert people_shown(screen) == [ids["ann"]], "switch: the same search, on people"

        # -- without a partnership, assigning says so
        await pilot.press("down", "a")
        await wait(pilot)
        await wait(pilot)
        assert pilot.app.screen is screen, "no partnership: no form opens"
        assert any("no partnership yet" in m for m in notices.messages), "no partnership: said"

        # -- help lists the directory keys
        await pilot.press("down", "question_mark")
        await wait(pilot)
        text = screen_text(pilot.app)
        for words in ("Assign", "People/Orgs", "Delete", "Type to search"):
            assert words in text, f"help: {words!r} listed"


async def test_assign_a_role_from_the_directory_and_a_team_role(store: Store) -> None:
    """With one partnership, in turn: a role is assigned from the directory in a few keys
    (the open partnership preselected), the same role again is caught before saving, a
    team role needs its team; then a team role is assigned with its team."""
    ids = seed(store)
    p = f.partnership(store)  # the only partnership: the app opens it
    app = RosterApp(store)
    async with app.run_test(size=SIZE) as pilot:
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
        form.dismiss(None)
        await wait(pilot)

        # -- a team role, with its team
        team = store.save_team(ActionTeam(partnership_id=p.id, name="Hiring pipeline"))
        app.push_screen(AssignRoleScreen(ids["ann"], p.id))
        await wait(pilot)
        form = app.screen
        form.query_one("#field-role", Select).value = RoleKind.ACTION_TEAM_LEAD
        form.query_one("#field-team", Select).value = team.id
        await pilot.press("ctrl+s")
        await wait(pilot)
    [role] = store.roles(person_id=ids["ann"])
    assert (role.role, role.team_id) == (RoleKind.ACTION_TEAM_LEAD, team.id)


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
