"""Record a quarterly convening or an action team meeting, and who attended.

Attendance is ticked from everyone who currently holds a role in the partnership (and
anyone already recorded as attending, so editing an old convening loses nobody).
"""

from __future__ import annotations

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Input, Select, TextArea
from textual.widgets.selection_list import Selection

from nextgen_tui.models import Convening, ConveningKind, field_errors
from nextgen_tui.models.snapshot import PartnershipSnapshot
from screens.common.context import save, store_of
from screens.common.editor_form import (
    DATE_EXAMPLE,
    DateError,
    EditorForm,
    format_date,
    parse_date,
    person_caption,
    role_holders,
)
from screens.common.tickbox import TickList

KIND_LABELS: dict[ConveningKind, str] = {
    ConveningKind.QUARTERLY: "Quarterly partnership convening",
    ConveningKind.ACTION_TEAM: "Action team meeting",
}


class ConveningForm(EditorForm[bool]):
    """Returns ``True`` when saved."""

    def __init__(self, partnership_id: int, convening_id: int | None = None) -> None:
        super().__init__()
        self.partnership_id = partnership_id
        self.convening_id = convening_id
        self.convening: Convening | None = None
        self.form_title = "Edit convening" if convening_id else "Record a convening"

    def load(self) -> None:
        store = store_of(self)
        self.today = store.today()
        self.snapshot: PartnershipSnapshot = store.snapshot(self.partnership_id)
        if self.convening_id:
            self.convening = store.convening(self.convening_id)

    def compose_fields(self) -> ComposeResult:
        c, snapshot = self.convening, self.snapshot
        kind = c.kind if c else ConveningKind.QUARTERLY
        yield self.field(
            "on",
            f"Date ({DATE_EXAMPLE})",
            Input(format_date(c.on if c else self.today), placeholder=DATE_EXAMPLE),
        )
        yield self.field(
            "kind",
            "Kind",
            Select(
                [(Content(label), k) for k, label in KIND_LABELS.items()],
                value=kind,
                allow_blank=False,
            ),
        )
        teams = [t for t in snapshot.teams if t.closed is None or (c and t.id == c.team_id)]
        team_id = c.team_id if c else None
        yield self.field(
            "team_id",
            "Action team (for an action team meeting)",
            Select(
                [(Content(t.name), t.id) for t in teams],
                prompt="Pick the team",
                value=team_id if team_id in {t.id for t in teams} else Select.NULL,
                disabled=kind is ConveningKind.QUARTERLY,
            ),
        )
        yield self.field("title", "Title (optional)", Input(c.title if c else ""))
        yield self.field(
            "notes",
            "Notes",
            TextArea(c.notes if c else "", soft_wrap=True, show_line_numbers=False),
        )
        attended = set(c.attendee_ids) if c else set()
        people = set(role_holders(snapshot)) | (attended & set(snapshot.people))
        rows = sorted((person_caption(snapshot, pid).casefold(), pid) for pid in people)
        yield self.field(
            "attendee_ids",
            "Attendance (space ticks who came)",
            TickList[int](
                *[
                    Selection(Content(person_caption(snapshot, pid)), pid, pid in attended)
                    for _, pid in rows
                ]
            ),
        )

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "field-kind":
            team = self.query_one("#field-team_id", Select)
            team.disabled = event.value is not ConveningKind.ACTION_TEAM

    def submit(self) -> None:
        values = self.values()
        errors: dict[str, str] = {}
        try:
            on = parse_date(str(values["on"]), "Date", required=True)
        except DateError as exc:
            errors["on"] = str(exc)
            on = self.today
        kind = values["kind"]
        team_id = values["team_id"] if kind is ConveningKind.ACTION_TEAM else None
        if kind is ConveningKind.ACTION_TEAM and team_id is None:
            errors["team_id"] = "Pick the team that met: an action team meeting needs a team."
        data = {
            "on": on,
            "kind": kind,
            "team_id": team_id,
            "title": values["title"],
            "notes": values["notes"],
            "attendee_ids": values["attendee_ids"],
        }
        convening: Convening | None = None
        try:
            if self.convening is not None:
                convening = self.convening.updated(**data)
            else:
                convening = Convening.model_validate(
                    {**data, "partnership_id": self.partnership_id}
                )
        except ValidationError as exc:
            errors = {**field_errors(exc), **errors}
        if errors or convening is None:
            self.show_errors(errors)
            return
        store = store_of(self)
        ready = convening
        if save(self, lambda: store.save_convening(ready)) is not None:
            self.dismiss(True)
