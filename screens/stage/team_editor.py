"""Form or edit an action team: its priority area, next step, meetings and members.

Members are roles (:attr:`RoleKind.ACTION_TEAM_MEMBER`, or :attr:`RoleKind.ACTION_TEAM_LEAD`
for the lead) with the team's id. The form collects every change and saves them as one
change when the convener presses ctrl+s: the team first (a new team needs its id), then
the members joining, leaving or becoming lead. Escape discards all of it, after asking.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from nextgen_tui.edits.teams import save_team_with_members
from nextgen_tui.models import TEAM_ROLES, ActionTeam, RoleKind, field_errors
from nextgen_tui.models.snapshot import PartnershipSnapshot
from screens.common.context import save, store_of
from screens.common.editor_form import (
    DATE_EXAMPLE,
    DateError,
    EditorForm,
    parse_date,
    person_caption,
)
from screens.directory.person_picker import PersonPicker


class MeetingDates(OptionList):
    BINDINGS = [
        Binding(
            "delete,backspace",
            "screen.remove_meeting",
            "Remove date",
            tooltip="Remove the highlighted meeting date",
            id="team.remove_meeting",
        ),
    ]


class MemberList(OptionList):
    BINDINGS = [
        Binding(
            "delete,backspace",
            "screen.remove_member",
            "Remove",
            tooltip="Take the highlighted person off the team",
            id="team.remove_member",
        ),
        Binding(
            "l",
            "screen.toggle_lead",
            "Lead",
            tooltip="Make the highlighted person the team's lead (or a member again)",
            id="team.toggle_lead",
        ),
    ]


class TeamEditor(EditorForm[bool]):
    """Returns ``True`` when saved."""

    DEFAULT_CSS = """
    TeamEditor #form-frame { width: 90; }
    TeamEditor MeetingDates { height: auto; max-height: 5; }
    TeamEditor MemberList { height: auto; min-height: 3; max-height: 10; }
    TeamEditor #member-summary { color: $text-muted; padding: 0 1; }
    TeamEditor .list-buttons { height: auto; padding: 0 1; }
    TeamEditor .list-buttons Button { margin-right: 1; min-width: 10; }
    """

    BINDINGS = [
        Binding(
            "ctrl+n",
            "add_member",
            "Add member",
            tooltip="Pick a person from the directory to join the team",
            id="team.add_member",
        ),
    ]

    def __init__(self, partnership_id: int, team_id: int | None = None) -> None:
        super().__init__()
        self.partnership_id = partnership_id
        self.team_id = team_id
        self.team: ActionTeam | None = None
        self.members: dict[int, bool] = {}  # person id -> is the lead
        self.meetings: list[date] = []
        self.form_title = "Edit action team" if team_id else "Form an action team"

    def load(self) -> None:
        store = store_of(self)
        self.snapshot: PartnershipSnapshot = store.snapshot(self.partnership_id)
        if self.team_id:
            self.team = store.team(self.team_id)
            self.meetings = sorted(self.team.meetings)
            for role in self.snapshot.current_roles:
                if role.team_id == self.team_id and role.role in TEAM_ROLES:
                    lead = role.role is RoleKind.ACTION_TEAM_LEAD
                    self.members[role.person_id] = self.members.get(role.person_id, False) or lead

    def compose_fields(self) -> ComposeResult:
        team, launch = self.team, self.snapshot.launch
        areas = launch.action_areas if launch else []
        chosen = set(launch.priority_area_ids) if launch else set()
        taken = {t.priority_area_id: t.name for t in self.snapshot.teams if t.id != self.team_id}
        options = []
        for area in sorted(areas, key=lambda a: a.id not in chosen):
            label = f"★ {area.title} (priority)" if area.id in chosen else area.title
            if area.id in taken:
                label += f" — already the team “{taken[area.id]}”"
            options.append((Content(label), area.id))
        current = team.priority_area_id if team else None
        yield self.field("name", "Name", Input(team.name if team else ""))
        yield self.field(
            "priority_area_id",
            "Priority area (★ chosen at the launch)",
            Select(
                options,
                prompt="No priority area",
                value=current if current in {a.id for a in areas} else Select.NULL,
            ),
        )
        yield self.field("next_step", "Next step", Input(team.next_step if team else ""))
        yield self.field(
            "new_meeting",
            f"Meetings: type a date ({DATE_EXAMPLE}) and press enter to add it",
            Input(placeholder=DATE_EXAMPLE),
        )
        yield MeetingDates(id="meetings")
        yield Static(Content("Members"), classes="form-label")
        yield MemberList(id="members")
        yield Static("", id="member-summary", markup=False)
        with Horizontal(classes="list-buttons"):
            yield Button(Content("Add member (ctrl+n)"), id="add-member")
            yield Button(Content("Remove (del)"), id="remove-member")
            yield Button(Content("Lead (l)"), id="toggle-lead")

    def on_mount(self) -> None:
        if self.load_failed:
            return
        self.show_meetings()
        self.show_members()

    def values(self) -> dict[str, Any]:
        return {
            **super().values(),
            "meetings": list(self.meetings),
            "members": dict(self.members),
        }

    # -- meetings

    def show_meetings(self) -> None:
        dates = self.query_one("#meetings", MeetingDates)
        dates.set_options(
            Option(Content(f"{d.isoformat()} ({d:%a})"), id=f"d{d.isoformat()}")
            for d in self.meetings
        )
        dates.display = bool(self.meetings)

    def add_meeting(self) -> bool:
        """Add the typed date; ``False`` (with the message shown) when it is not a date."""
        box = self.query_one("#field-new_meeting", Input)
        try:
            day = parse_date(box.value, "Meeting date")
        except DateError as exc:
            self.show_errors({"new_meeting": str(exc)})
            return False
        self.query_one("#error-new_meeting").remove_class("-shown")
        if day is not None and day not in self.meetings:
            self.meetings = sorted([*self.meetings, day])
            self.show_meetings()
        box.value = ""
        return True

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "field-new_meeting":
            event.stop()
            event.prevent_default()  # enter here adds a date; it does not save the form
            self.add_meeting()

    def action_remove_meeting(self) -> None:
        option = self.query_one("#meetings", MeetingDates).highlighted_option
        if option is not None and option.id:
            gone = date.fromisoformat(option.id[1:])
            self.meetings = [d for d in self.meetings if d != gone]
            self.show_meetings()

    # -- members

    def show_members(self) -> None:
        snapshot = self.snapshot
        ordered = sorted(
            self.members,
            key=lambda pid: (not self.members[pid], snapshot.person_name(pid).casefold()),
        )
        options = []
        for pid in ordered:
            side = "industry" if snapshot.is_industry(pid) else "support"
            lead = "lead · " if self.members[pid] else ""
            options.append(
                Option(
                    Content.assemble(person_caption(snapshot, pid), (f"  [{lead}{side}]", "dim")),
                    id=f"m{pid}",
                )
            )
        members = self.query_one("#members", MemberList)
        highlighted = members.highlighted
        members.set_options(options)
        if options:
            members.highlighted = min(highlighted or 0, len(options) - 1)
        industry = sum(1 for pid in self.members if snapshot.is_industry(pid))
        support = len(self.members) - industry
        leads = [snapshot.person_name(pid) for pid, lead in self.members.items() if lead]
        summary = (
            f"{len(self.members)} members: {industry} industry, {support} support; "
            f"lead: {', '.join(leads) if leads else 'none yet (press l on a member)'}"
        )
        if not self.members:
            summary = "No members yet: press ctrl+n to add one."
        self.query_one("#member-summary", Static).update(Content(summary))

    def _highlighted_member(self) -> int | None:
        option = self.query_one("#members", MemberList).highlighted_option
        return int(option.id[1:]) if option is not None and option.id else None

    def action_add_member(self) -> None:
        def picked(person_id: int | None) -> None:
            if person_id is None:
                return
            if person_id not in self.snapshot.people:  # created just now in the picker
                self.snapshot = store_of(self).snapshot(self.partnership_id)
            self.members.setdefault(person_id, False)
            self.show_members()
            # focus the new member, where the hinted l (make lead) and delete work
            members = self.query_one("#members", MemberList)
            index = next(
                (i for i, o in enumerate(members.options) if o.id == f"m{person_id}"), None
            )
            if index is not None:
                members.highlighted = index
            members.focus()

        picker = PersonPicker("Who joins the team?", exclude=set(self.members), group="this team")
        self.app.push_screen(picker, picked)

    def action_remove_member(self) -> None:
        person_id = self._highlighted_member()
        if person_id is not None:
            del self.members[person_id]
            self.show_members()

    def action_toggle_lead(self) -> None:
        person_id = self._highlighted_member()
        if person_id is not None:
            self.members[person_id] = not self.members[person_id]
            self.show_members()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        actions = {
            "add-member": self.action_add_member,
            "remove-member": self.action_remove_member,
            "toggle-lead": self.action_toggle_lead,
        }
        if event.button.id in actions:
            event.stop()
            actions[event.button.id]()

    def on_select_changed(self, event: Select.Changed) -> None:
        """Choosing a priority area names a nameless team after it."""
        if event.select.id != "field-priority_area_id" or not isinstance(event.value, int):
            return
        name = self.query_one("#field-name", Input)
        launch = self.snapshot.launch
        if not name.value.strip() and launch is not None:
            for area in launch.action_areas:
                if area.id == event.value:
                    name.value = area.title

    # -- saving

    def submit(self) -> None:
        if not self.add_meeting():  # a date typed but not added yet is not lost
            return
        values = self.values()
        data = {
            "name": values["name"],
            "priority_area_id": values["priority_area_id"],
            "next_step": values["next_step"],
            "meetings": self.meetings,
        }
        try:
            if self.team is not None:
                team = self.team.updated(**data)
            else:
                team = ActionTeam.model_validate({**data, "partnership_id": self.partnership_id})
        except ValidationError as exc:
            self.show_errors(field_errors(exc))
            return
        store = store_of(self)
        wanted = dict(self.members)
        if save(self, lambda: save_team_with_members(store, team, wanted)) is not None:
            self.dismiss(True)
