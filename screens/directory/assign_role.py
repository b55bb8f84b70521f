"""Give a person a role in a partnership, in a few keystrokes.

Options are ``rich.text.Text`` (literal, never markup), which the Select's type-to-search
also reads (it skips ``Content`` prompts).

The partnership is preselected (the one open, else the only or first one), so the focus
starts on the role: enter opens the list, typing a few letters finds the role, enter picks
it, ctrl+s saves. An action team role also asks which team. The roles the person already
holds in the chosen partnership are listed, so a duplicate is caught before saving.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Select, Static

from nextgen_tui.errors import StoreError
from nextgen_tui.models import ROLE_LABELS, TEAM_ROLES, Partnership, Person, RoleKind
from screens.common.context import save, store_of
from screens.common.editor_form import EditorForm, chosen_id

NO_PARTNERSHIP = "There is no partnership yet: create one first (n on the partnerships list)."
NO_TEAM = "Choose the action team (form one on the Action stage with t)."


class AssignRoleScreen(EditorForm[int | None]):
    """Returns the id of the new role assignment (``None`` when cancelled).

    ``partnership_id`` preselects a partnership (e.g. the one open under the directory).
    """

    DEFAULT_CSS = """
    AssignRoleScreen #current-roles { color: $text-muted; padding: 0 1; height: auto; }
    AssignRoleScreen .-hidden { display: none; }
    """

    def __init__(self, person_id: int, partnership_id: int | None = None) -> None:
        super().__init__()
        self.person_id = person_id
        self.partnership_id = partnership_id
        self.person: Person | None = None
        self.partnerships: list[Partnership] = []
        self.form_title = "Assign a role"

    def load(self) -> None:
        store = store_of(self)
        self.person = store.person(self.person_id)
        self.partnerships = store.partnerships()
        if not self.partnerships:
            raise StoreError(NO_PARTNERSHIP)
        known = {p.id for p in self.partnerships}
        if self.partnership_id not in known:
            self.partnership_id = self.partnerships[0].id
        self.form_title = f"Assign a role to {self.person.name}"

    def compose_fields(self) -> ComposeResult:
        yield self.field(
            "partnership",
            "Partnership",
            Select(
                [(Text(p.name), p.id) for p in self.partnerships],
                value=self.partnership_id or Select.NULL,
                allow_blank=False,
            ),
        )
        yield Static("", id="current-roles", markup=False)
        yield self.field(
            "role",
            "Role (enter opens the list; type to find)",
            Select(
                [(Text(label), kind) for kind, label in ROLE_LABELS.items()],
                prompt="Choose a role",
            ),
        )
        team = self.field("team", "Action team", Select([], prompt="Choose the team"))
        team.id = "team-field"
        team.add_class("-hidden")
        yield team

    def on_mount(self) -> None:
        super().on_mount()
        if self.load_failed:
            return
        self.show_partnership()
        self.call_after_refresh(self.query_one("#field-role", Select).focus)

    # ------------------------------------------------------------------ reacting

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "field-partnership":
            self.show_partnership()
        elif event.select.id == "field-role":
            self.show_team_field()

    def chosen_partnership(self) -> int | None:
        return chosen_id(self.query_one("#field-partnership", Select))

    def chosen_role(self) -> RoleKind | None:
        value = self.query_one("#field-role", Select).selection
        return value if isinstance(value, RoleKind) else None

    def show_partnership(self) -> None:
        """List the person's current roles there, and offer that partnership's teams."""
        pid = self.chosen_partnership()
        if pid is None or not self.is_mounted:
            return
        store = store_of(self)
        teams = store.teams(pid, include_closed=False)
        names = {team.id: team.name for team in teams}
        self.query_one("#field-team", Select).set_options(
            [(Text(team.name), team.id) for team in teams]
        )
        held = []
        for role in store.roles(partnership_id=pid, person_id=self.person_id):
            label = ROLE_LABELS[role.role]
            held.append(f"{label} ({names[role.team_id]})" if role.team_id in names else label)
        text = "Already: " + ", ".join(sorted(held)) if held else "No role here yet."
        self.query_one("#current-roles", Static).update(Content(text))
        self.show_team_field()

    def show_team_field(self) -> None:
        role = self.chosen_role()
        self.query_one("#team-field").set_class(role not in TEAM_ROLES, "-hidden")

    # ------------------------------------------------------------------ saving

    def submit(self) -> None:
        assert self.person is not None
        pid = self.chosen_partnership()
        role = self.chosen_role()
        team_id = chosen_id(self.query_one("#field-team", Select))
        if pid is None:
            self.show_errors({"partnership": "Choose a partnership."})
            return
        if role is None:
            self.show_errors({"role": "Choose a role."})
            return
        if role not in TEAM_ROLES:
            team_id = None
        elif team_id is None:
            self.show_errors({"team": NO_TEAM})
            return
        store = store_of(self)
        label = ROLE_LABELS[role]
        for held in store.roles(partnership_id=pid, person_id=self.person_id):
            if held.role is role and held.team_id == team_id:
                self.show_errors({"role": f"{self.person.name} is already {label} there."})
                return
        partnership = store.partnership(pid).name
        person_id = self.person_id
        assignment = save(
            self,
            lambda: store.assign(pid, person_id, role, team_id=team_id),
            done=f"{self.person.name} is now {label} in {partnership}.",
        )
        if assignment is not None:
            self.dismiss(assignment.id)
