"""The directory: everyone and every organization in the file, searched as you type.

Two tables (People, Organizations; ctrl+o switches) under one search box. Typing filters
the shown table on name, organization, title and email (kind, industry and region for
organizations) with the app's fuzzy matcher, so a typo still finds the person. The rows
and their search texts are built once per reload (:mod:`screens.directory_index`); a
keystroke only ranks those texts and refills the table.

Beside the people table, the highlighted person's details and their roles in every
partnership. Keys: enter (from the search) goes to the table; there ``a`` assigns a role,
enter or ``e`` edits, delete deletes (after a question; ctrl+z undoes); ctrl+n adds a
person or organization from anywhere. Escape clears the search, then backs out.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static, TabbedContent, TabPane

from nextgen_tui.errors import StoreError
from screens.common.breakpoints import apply_breakpoints, breakpoint_class
from screens.common.confirm import ConfirmScreen
from screens.common.context import READ_ONLY_WHY, read_only, save, store_of
from screens.common.footer import KeyFooter
from screens.common.header import ScreenHeader
from screens.common.keys_input import KeysInput
from screens.common.lazy import push_lazy
from screens.common.modal import DismissOnce
from screens.common.navigation import DIRECTORY_ID, current_partnership
from screens.directory.index import (
    ORG_COLUMNS,
    PEOPLE_COLUMNS,
    Index,
    column_widths,
    org_deletion,
    org_index,
    people_index,
    person_deletion,
)
from screens.directory.index import person_details as details_of
from screens.directory.table import DirectoryTable

__all__ = ["MATCHES_SHOWN", "ORGS", "PEOPLE", "DirectoryScreen", "DirectoryTable"]

PEOPLE = "people-tab"
ORGS = "orgs-tab"
#: Below this width the person's details go under the table instead of beside it.
NARROW_WIDTH = 110
PLACEHOLDERS = {
    PEOPLE: "Search: name, organization, title, email",
    ORGS: "Search: name, kind, industry, region",
}
#: A search lists at most this many matches, best first (typing more narrows them).
MATCHES_SHOWN = 100
#: Actions that change the directory (off in read-only mode).
EDITING = {"new", "assign", "edit", "delete"}
#: The width of the person's details beside the table (keep in step with the CSS).
DETAIL_WIDTH = 44


class DirectoryScreen(DismissOnce, Screen[None]):
    """People and organizations: search, add, edit, delete, assign roles."""

    DEFAULT_CSS = """
    DirectoryScreen #directory-bar { height: 3; }
    DirectoryScreen #directory-search { width: 1fr; }
    DirectoryScreen #directory-count {
        width: auto; max-width: 40; padding: 1 1 0 1; color: $text-muted;
    }
    DirectoryScreen TabbedContent { height: 1fr; }
    DirectoryScreen TabPane { padding: 0; }
    DirectoryScreen #people-pane { height: 1fr; }
    DirectoryScreen DirectoryTable { height: 1fr; width: 1fr; scrollbar-gutter: stable; }
    DirectoryScreen #person-detail {
        width: 44; height: 1fr; border-left: vkey $primary-background; padding: 0 1;
    }
    DirectoryScreen.-narrow #people-pane { layout: vertical; }
    DirectoryScreen.-narrow #person-detail {
        width: 1fr; height: 9; border-left: none; border-top: hkey $primary-background;
    }
    """

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW_WIDTH, "-wide")]

    BINDINGS = [
        Binding("ctrl+n", "new", "New", tooltip="Add a person (or an organization)", id="dir.new"),
        Binding("a", "assign", "Assign", tooltip="Give the person a role", id="dir.assign"),
        Binding("e", "edit", "Edit", show=False, tooltip="Edit the highlighted row", id="dir.edit"),
        Binding(
            "delete",
            "delete",
            "Delete",
            key_display="del",
            show=False,
            tooltip="Delete the highlighted row (asks first; ctrl+z undoes it)",
            id="dir.delete",
        ),
        Binding(
            "ctrl+o",
            "switch",
            "People/Orgs",
            tooltip="Switch between people and organizations",
            id="dir.switch",
        ),
        Binding(
            "ctrl+f,slash",
            "search",
            "Search",
            key_display="/",
            show=False,
            tooltip="Type to search by name, organization, title or email",
            id="dir.search",
        ),
        Binding(
            "down",
            "to_table",
            "Results",
            show=False,
            tooltip="From the search box down to the results",
            id="dir.to_table",
        ),
        Binding(
            "escape",
            "back",
            "Back",
            tooltip="Clear the search; when it is empty, close the directory",
            id="dir.back",
        ),
    ]

    def __init__(self) -> None:
        super().__init__(id=DIRECTORY_ID)
        self.title = "Directory"
        self.indexes: dict[str, Index] = {PEOPLE: Index([]), ORGS: Index([])}
        self._detail_for: int | None = None
        self._width = 0

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield ScreenHeader()
        with Horizontal(id="directory-bar"):
            yield KeysInput(placeholder=PLACEHOLDERS[PEOPLE], id="directory-search")
            yield Static("", id="directory-count", markup=False)
        with TabbedContent(initial=PEOPLE, id="directory-tabs"):
            with TabPane("People", id=PEOPLE), Horizontal(id="people-pane"):
                yield DirectoryTable(PEOPLE, id="people-table")
                with VerticalScroll(id="person-detail"):
                    yield Static("", id="person-detail-text", markup=False)
            with TabPane("Organizations", id=ORGS):
                yield DirectoryTable(ORGS, id="orgs-table")
        yield KeyFooter()

    def on_mount(self) -> None:
        apply_breakpoints(self)  # before anything is drawn
        self.size_columns(self.app.size.width)
        self.reload()
        self.query_one("#directory-search", Input).focus()

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._width:
            self.size_columns(event.size.width)
            self.reload()

    def size_columns(self, width: int) -> None:
        """(Re)create both tables' columns with fixed widths that fill ``width``."""
        self._width = width
        # the -narrow class itself is Textual's (HORIZONTAL_BREAKPOINTS), set on each resize
        narrow = breakpoint_class(width, self.HORIZONTAL_BREAKPOINTS) == "-narrow"
        for tab, columns in ((PEOPLE, PEOPLE_COLUMNS), (ORGS, ORG_COLUMNS)):
            table = self.table(tab)
            table.clear(columns=True)
            table.invalidate()
            free = width - 2 - (DETAIL_WIDTH if tab == PEOPLE and not narrow else 0)
            for (label, key, _), cells in zip(columns, column_widths(columns, free), strict=True):
                table.add_column(Text(label), key=key, width=cells)

    def on_screen_resume(self) -> None:
        self.reload()

    # ------------------------------------------------------------------ data

    @property
    def showing(self) -> bool:
        """Mounted and not being closed (a form may close after the directory did)."""
        return self.is_mounted and bool(self.query("#people-table"))

    @property
    def tab(self) -> str:
        return self.query_one(TabbedContent).active or PEOPLE

    def table(self, tab: str | None = None) -> DirectoryTable:
        selector = "#people-table" if (tab or self.tab) == PEOPLE else "#orgs-table"
        return self.query_one(selector, DirectoryTable)

    @property
    def query_text(self) -> str:
        return self.query_one("#directory-search", Input).value

    def reload(self, select: int | None = None) -> None:
        """Re-read the store, rebuild both indexes, refilter; keep (or move) the cursor."""
        if not self.showing:
            return
        store = store_of(self)
        self.indexes = {PEOPLE: people_index(store), ORGS: org_index(store)}
        for tab in (PEOPLE, ORGS):
            table = self.table(tab)
            keep = select if select is not None and tab == self.tab else table.current
            table.invalidate()
            self.apply_filter(tab, keep)
        self._detail_for = None
        self.show_details()

    def apply_filter(self, tab: str | None = None, keep: int | None = None) -> None:
        """Show the rows of ``tab`` that match the search (each keystroke comes here)."""
        tab = tab or self.tab
        table = self.table(tab)
        query = self.query_text
        if table.applied != query:
            entries = self.indexes[tab].search(query)
            table.matches = len(entries)
            if query.strip():
                entries = entries[:MATCHES_SHOWN]
            table.fill(entries, table.current if keep is None else keep)
            table.applied = query
        if tab == self.tab:
            self.show_count()

    def show_count(self) -> None:
        total = len(self.indexes[self.tab].entries)
        table = self.table()
        matches = table.matches
        noun = ("person", "people") if self.tab == PEOPLE else ("organization", "organizations")
        if not self.query_text.strip():
            text = f"{total} {noun[total != 1]}"
        elif matches > len(table.shown):
            text = f"Best {len(table.shown)} of {matches} matches: keep typing"
        elif matches:
            text = f"{matches} of {total} {noun[total != 1]}"
        else:
            text = "No match: ctrl+n adds it"
        self.query_one("#directory-count", Static).update(Content(text))

    def show_details(self) -> None:
        """The highlighted person's details and roles, beside the people table."""
        person_id = self.table(PEOPLE).current
        if person_id == self._detail_for and person_id is not None:
            return
        self._detail_for = person_id
        text = self.query_one("#person-detail-text", Static)
        if person_id is None:
            text.update(Content.styled("Nobody to show.", "dim"))
            return
        try:
            text.update(details_of(store_of(self), person_id))
        except StoreError as exc:
            text.update(Content(exc.message))

    # ------------------------------------------------------------------ events

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "directory-search":
            event.stop()
            self.apply_filter()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_to_table()

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        self.query_one("#directory-search", Input).placeholder = PLACEHOLDERS[self.tab]
        self.apply_filter()
        if isinstance(self.focused, DirectoryTable) and self.focused is not self.table():
            self.action_to_table()  # the hidden table had the focus: give it to the shown one
        self.refresh_bindings()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "people-table":
            self.show_details()
        self.refresh_bindings()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if self.check_action("edit", ()):
            self.action_edit()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in EDITING and read_only(self):
            return False
        if not self.is_mounted:
            return True
        if action == "assign":
            return self.tab == PEOPLE and self.table().current is not None
        if action in ("edit", "delete"):
            return self.table().current is not None
        if action == "to_table":
            return isinstance(self.focused, Input)
        return True

    def why_unavailable(self, action: str) -> str | None:
        if action in EDITING and read_only(self):
            return READ_ONLY_WHY
        if action == "assign":
            return "highlight a person in the People table first"
        if action in ("edit", "delete"):
            return "highlight a row first"
        if action == "to_table":
            return "only from the search field"
        return None

    # ------------------------------------------------------------------ navigation

    def action_search(self) -> None:
        self.query_one("#directory-search", Input).focus()

    def action_to_table(self) -> None:
        table = self.table()
        if table.row_count:
            table.focus()
        else:
            self.action_search()

    def action_switch(self) -> None:
        tabs = self.query_one(TabbedContent)
        tabs.active = ORGS if self.tab == PEOPLE else PEOPLE

    def action_back(self) -> None:
        search = self.query_one("#directory-search", Input)
        if search.value:
            search.value = ""
            search.focus()
        else:
            self.dismiss()

    # ------------------------------------------------------------------ changes

    def _after(self, record_id: Any = None) -> None:
        """A form closed: re-read, with the cursor on what it saved."""
        self.reload(record_id if isinstance(record_id, int) and record_id else None)

    def action_new(self) -> None:
        typed = self.query_text.strip()
        if self.tab == PEOPLE:

            def person_form() -> Screen[int | None]:
                from screens.directory.person_form import PersonForm

                return PersonForm(name=typed)

            push_lazy(self, person_form, self._clear_then(self._after))
        else:

            def org_form() -> Screen[int | None]:
                from screens.directory.org_form import OrgForm

                return OrgForm(name=typed)

            push_lazy(self, org_form, self._clear_then(self._after))

    def _clear_then(self, after: Any) -> Any:
        """After adding what was typed in the search, clear it so the new row shows."""

        def done(result: Any) -> None:
            if result and self.showing:
                self.query_one("#directory-search", Input).value = ""
            after(result)

        return done

    def action_edit(self) -> None:
        record_id = self.table().current
        if record_id is None:
            return
        if self.tab == PEOPLE:

            def person_form() -> Screen[int | None]:
                from screens.directory.person_form import PersonForm

                return PersonForm(record_id)

            push_lazy(self, person_form, self._after)
        else:

            def org_form() -> Screen[int | None]:
                from screens.directory.org_form import OrgForm

                return OrgForm(record_id)

            push_lazy(self, org_form, self._after)

    def action_assign(self) -> None:
        person_id = self.table(PEOPLE).current
        if person_id is None or self.tab != PEOPLE:
            return
        open_ids = [current_partnership(screen) for screen in reversed(self.app.screen_stack)]
        partnership_id = next((pid for pid in open_ids if pid is not None), None)

        def factory() -> Screen[int | None]:
            from screens.directory.assign_role import AssignRoleScreen

            return AssignRoleScreen(person_id, partnership_id)

        push_lazy(self, factory, lambda _result: self.reload(person_id))

    def action_delete(self) -> None:
        record_id = self.table().current
        if record_id is None:
            return
        store = store_of(self)
        person = self.tab == PEOPLE
        name, question = (person_deletion if person else org_deletion)(store, record_id)

        def change() -> None:
            if person:
                store.delete_person(record_id)
            else:
                store.delete_organization(record_id)

        def answered(yes: bool | None) -> None:
            if yes:
                save(self, change, done=f"Deleted {name}. Press ctrl+z to bring it back.")
                self.reload()

        self.app.push_screen(ConfirmScreen(question, confirm_label="Delete"), answered)
