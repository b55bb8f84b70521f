"""The launch meeting's logistics: date, place, host company, opener, closer, facilitator.

The facilitator is a role (so it shows in the Launch roster and the gap engine sees it):
picking one assigns :attr:`RoleKind.FACILITATOR` when the form is saved, ending the
previous facilitator's role, all in one change with the meeting's details.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Label, Select, Static

from nextgen_tui.edits.launch import save_launch_details
from nextgen_tui.models import ChampionStatus, LaunchMeeting, OrgKind, RoleKind, field_errors
from nextgen_tui.models.snapshot import PartnershipSnapshot
from screens.common.context import save, store_of
from screens.common.editor_form import (
    DATE_EXAMPLE,
    DateError,
    EditorForm,
    format_date,
    parse_date,
    people_options,
    person_caption,
    person_select,
)
from screens.directory.person_picker import PersonPicker


class LaunchForm(EditorForm[bool]):
    """Returns ``True`` when saved."""

    form_title = "Launch meeting"

    DEFAULT_CSS = """
    LaunchForm #facilitator-row { height: auto; padding: 0 1; }
    LaunchForm #facilitator { width: 1fr; padding: 1 0 0 0; }
    """

    BINDINGS = [
        Binding(
            "ctrl+f",
            "pick_facilitator",
            "Facilitator",
            tooltip="Choose the launch meeting's facilitator",
            id="launch.facilitator",
        ),
    ]

    def __init__(self, partnership_id: int) -> None:
        super().__init__()
        self.partnership_id = partnership_id
        self.meeting = LaunchMeeting(partnership_id=partnership_id)
        self.facilitators: list[int] = []
        self.new_facilitator: int | None = None

    def load(self) -> None:
        store = store_of(self)
        self.meeting = store.launch(self.partnership_id)
        self.snapshot: PartnershipSnapshot = store.snapshot(self.partnership_id)
        self.facilitators = [r.person_id for r in self.snapshot.holders(RoleKind.FACILITATOR)]

    def compose_fields(self) -> ComposeResult:
        m, snapshot = self.meeting, self.snapshot
        yield self.field(
            "on", f"Date ({DATE_EXAMPLE})", Input(format_date(m.on), placeholder=DATE_EXAMPLE)
        )
        yield self.field("place", "Place", Input(m.place))
        companies = [
            (o.name, o.id)
            for o in snapshot.organizations.values()
            if o.kind is OrgKind.COMPANY and (not o.deleted or o.id == m.host_org_id)
        ]
        companies.sort(key=lambda row: row[0].casefold())
        yield self.field(
            "host_org_id",
            "Host company",
            Select(
                [(Content(name), oid) for name, oid in companies],
                prompt="No host yet",
                value=m.host_org_id
                if m.host_org_id in {oid for _, oid in companies}
                else Select.NULL,
            ),
        )
        champions = [
            r.person_id
            for r in snapshot.holders(RoleKind.CHAMPION)
            if r.champion is None or r.champion.status is not ChampionStatus.DECLINED
        ]
        for name, label, value in (
            ("opener_id", "Opener (a champion)", m.opener_id),
            ("closer_id", "Closer (a champion)", m.closer_id),
        ):
            options = people_options(snapshot, champions, keep=value)
            yield self.field(name, label, person_select(options, value, prompt="No one yet"))
        with Vertical(classes="form-field"):
            yield Label(
                Content("Facilitator (neutral, whatever organization they work for)"),
                classes="form-label",
            )
            with Horizontal(id="facilitator-row"):
                yield Static(self._facilitator_text(), id="facilitator")
                yield Button(Content("Choose (ctrl+f)"), id="choose-facilitator")
        yield self.check("held", "The launch meeting was held", m.held)

    def _facilitator_text(self) -> Content:
        ids = [self.new_facilitator] if self.new_facilitator is not None else self.facilitators
        if not ids:
            return Content("Nobody yet")
        names = "; ".join(person_caption(self.snapshot, pid) for pid in ids)
        return Content(names + (" (new: saved with the form)" if self.new_facilitator else ""))

    def values(self) -> dict[str, Any]:
        return {**super().values(), "facilitator": self.new_facilitator}

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "choose-facilitator":
            event.stop()
            self.action_pick_facilitator()

    def action_pick_facilitator(self) -> None:
        def picked(person_id: int | None) -> None:
            if person_id is None:
                return
            self.new_facilitator = None if person_id in self.facilitators else person_id
            if person_id not in self.snapshot.people:
                self.snapshot = store_of(self).snapshot(self.partnership_id)
            self.query_one("#facilitator", Static).update(self._facilitator_text())

        self.app.push_screen(PersonPicker("Who facilitates the launch meeting?"), picked)

    def submit(self) -> None:
        values = self.values()
        errors: dict[str, str] = {}
        try:
            on = parse_date(str(values["on"]), "Date")
        except DateError as exc:
            errors["on"] = str(exc)
            on = None
        keys = ("place", "host_org_id", "opener_id", "closer_id", "held")
        try:
            meeting = self.meeting.updated(on=on, **{key: values[key] for key in keys})
        except ValidationError as exc:
            errors = {**field_errors(exc), **errors}
        if errors:
            self.show_errors(errors)
            return
        store = store_of(self)
        newcomer = self.new_facilitator
        if save(self, lambda: save_launch_details(store, meeting, newcomer)) is not None:
            self.dismiss(True)
