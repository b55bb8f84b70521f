"""Small forms of the meeting screen: walk-in, settings, edits (live and once closed).

Each form validates through the models (errors beside the fields, nothing typed is lost)
and saves through ``screens.context.save``.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.content import Content
from textual.suggester import SuggestFromList
from textual.widgets import Input, Select

from nextgen_tui.meeting.agenda import MAX_PHASE_MINUTES, PHASES
from nextgen_tui.meeting.capture import (
    edit_commitment,
    edit_opportunity,
    rename_area,
)
from nextgen_tui.meeting.checkin import walk_in
from nextgen_tui.meeting.corrections import rename_item
from nextgen_tui.meeting.settings import change_settings
from nextgen_tui.models import (
    ActionArea,
    Commitment,
    LaunchMeeting,
    Opportunity,
    Organization,
    OrgKind,
    Person,
    field_errors,
)
from nextgen_tui.models.kind_guess import guess_kind
from screens.common.context import save, store_of
from screens.common.form import FormScreen
from screens.directory.org_form import kind_options


class WalkInForm(FormScreen[int]):
    """Add a walk-in (a new person, new or existing company) and check them in."""

    form_title = "Walk-in: add and check in"

    def __init__(self, partnership_id: int) -> None:
        super().__init__()
        self.partnership_id = partnership_id

    def compose_fields(self) -> ComposeResult:
        # companies first: right arrow completes the first name that starts with the typing
        orgs = sorted(store_of(self.app).organizations(), key=lambda o: not o.is_industry)
        names = [o.name for o in orgs]
        # compact boxes: the five fields and the buttons fit a 24-line terminal
        yield self.field("name", "Name", Input(placeholder="Full name", compact=True))
        yield self.field(
            "company",
            "Company (new, or the start of an existing one; right arrow completes)",
            Input(suggester=SuggestFromList(names, case_sensitive=False), compact=True),
        )
        yield self.field(
            "kind",
            "Kind, if the organization is new (guessed from its name)",
            Select(kind_options(), value=OrgKind.UNKNOWN, allow_blank=False, compact=True),
        )
        yield self.field("title", "Title (optional)", Input(compact=True))
        yield self.field("email", "Email (optional)", Input(compact=True))

    def on_input_changed(self, event: Input.Changed) -> None:
        """A new organization's kind follows the name until the facilitator picks one; an
        existing one shows its own kind."""
        if event.input.id != "field-company":
            return
        select = next(iter(self.query("#field-kind").results(Select)), None)
        if select is None:  # the form is closing
            return
        known = store_of(self).organization_by_name(event.value.strip())
        if known is not None:
            select.value, select.disabled = known.kind, True
            return
        select.disabled = False
        if select.value == self.guess:
            self.guess = guess_kind(event.value)
            select.value = self.guess

    guess: OrgKind = OrgKind.UNKNOWN

    def submit(self) -> None:
        values = self.values()
        errors: dict[str, str] = {}
        try:
            Person.model_validate({k: values[k] for k in ("name", "title", "email")})
        except ValidationError as exc:
            errors.update(field_errors(exc))
        company = str(values["company"]).strip()
        if not company:
            errors["company"] = "Company is required: type a new one or an existing one."
        else:
            try:
                Organization(name=company)
            except ValidationError as exc:
                errors["company"] = "Company " + next(iter(field_errors(exc).values()), "")
        if errors:
            self.show_errors(errors)
            return
        store = store_of(self)
        person = save(
            self,
            lambda: walk_in(
                store,
                self.partnership_id,
                name=str(values["name"]),
                company=company,
                title=str(values["title"]),
                email=str(values["email"]),
                now=store.clock(),
                kind=OrgKind(values["kind"]),
            ),
            done=None,
        )
        if person is not None:
            self.dismiss(person.id)


class MeetingSettingsForm(FormScreen[bool]):
    """The time budget of each part of the meeting and the dots each person may place."""

    form_title = "Meeting times and dot votes"

    def __init__(self, meeting: LaunchMeeting) -> None:
        super().__init__()
        self.meeting = meeting

    def compose_fields(self) -> ComposeResult:
        for phase in PHASES:
            minutes = self.meeting.phase_minutes.get(phase, 0)
            yield self.field(
                f"minutes_{phase.value}",
                f"{phase.label} (minutes)",
                Input(str(minutes), compact=True),  # seven fields fit a 24-line terminal
            )
        yield self.field(
            "vote_limit",
            "Dots each person may place",
            Input(str(self.meeting.vote_limit), compact=True),
        )

    def submit(self) -> None:
        values = self.values()
        errors: dict[str, str] = {}
        numbers: dict[str, int] = {}
        for name, value in values.items():
            try:
                numbers[name] = int(str(value).strip())
            except ValueError:
                errors[name] = "Must be a whole number."
                continue
            top = 100 if name == "vote_limit" else MAX_PHASE_MINUTES
            if not 1 <= numbers[name] <= top:
                errors[name] = f"Must be from 1 to {top}."
        if errors:
            self.show_errors(errors)
            return
        store = store_of(self)
        pid = self.meeting.partnership_id
        minutes = {phase: numbers[f"minutes_{phase.value}"] for phase in PHASES}

        def change() -> bool:
            change_settings(store, pid, minutes, numbers["vote_limit"])
            return True

        if save(self, change, done="Meeting settings saved"):
            self.dismiss(True)


PersonChoices = Sequence[tuple[Content, int]]


class OpportunityForm(FormScreen[bool]):
    form_title = "Edit opportunity"

    def __init__(self, partnership_id: int, item: Opportunity, people: PersonChoices) -> None:
        super().__init__()
        self.partnership_id = partnership_id
        self.item = item
        self.people = people

    def compose_fields(self) -> ComposeResult:
        yield self.field("text", "Opportunity", Input(self.item.text))
        known = {value for _, value in self.people}
        current = self.item.person_id if self.item.person_id in known else Select.NULL
        yield self.field(
            "person_id",
            "Said by (optional)",
            Select(self.people, prompt="Nobody in particular", value=current),
        )

    def submit(self) -> None:
        text = self.text("text").strip()
        if not text:
            self.show_errors({"text": "Text is required (remove the opportunity instead)."})
            return
        # an empty Select's value is Select.NULL (not an int)
        person = self.query_one("#field-person_id", Select).value
        person_id = person if isinstance(person, int) else None
        store = store_of(self)
        done = save(
            self,
            lambda: edit_opportunity(store, self.partnership_id, self.item.id, text, person_id),
        )
        if done is not None:
            self.dismiss(True)


class AreaForm(FormScreen[bool]):
    form_title = "Rename action area"

    def __init__(self, partnership_id: int, area: ActionArea) -> None:
        super().__init__()
        self.partnership_id = partnership_id
        self.area = area

    def compose_fields(self) -> ComposeResult:
        yield self.field("title", "Action area", Input(self.area.title))

    def submit(self) -> None:
        title = self.text("title")
        try:
            ActionArea(id=self.area.id, title=title)
        except ValidationError as exc:
            self.show_validation_error(exc)
            return
        store = store_of(self)
        if save(self, lambda: rename_area(store, self.partnership_id, self.area.id, title)):
            self.dismiss(True)


class CommitmentForm(FormScreen[bool]):
    form_title = "Edit commitment"

    def __init__(
        self, partnership_id: int, item: Commitment, who: str, areas: Sequence[ActionArea]
    ) -> None:
        super().__init__()
        self.form_title = f"Edit the commitment of {who}"
        self.partnership_id = partnership_id
        self.item = item
        self.areas = areas

    def compose_fields(self) -> ComposeResult:
        choices = [(Content(a.title), a.id) for a in self.areas]
        yield self.field(
            "area_id", "Action area", Select(choices, value=self.item.area_id, allow_blank=False)
        )
        yield self.field("note", "Note (optional)", Input(self.item.note))

    def submit(self) -> None:
        area = self.query_one("#field-area_id", Select).value
        note = self.text("note")
        if not isinstance(area, int):
            self.show_errors({"area_id": "Pick the action area."})
            return
        store = store_of(self)
        done = save(
            self, lambda: edit_commitment(store, self.partnership_id, self.item.id, area, note)
        )
        if done is not None:
            self.dismiss(True)


class CorrectItemForm(FormScreen[bool]):
    """Correct the text of an opportunity or an action area of a closed meeting."""

    form_title = "Correct an item of the closed meeting"

    def __init__(self, partnership_id: int, item_id: int, label: str, text: str) -> None:
        super().__init__()
        self.partnership_id = partnership_id
        self.item_id = item_id
        self.label = label
        self.original = text

    def compose_fields(self) -> ComposeResult:
        yield self.field("text", self.label, Input(self.original))

    def submit(self) -> None:
        text = self.text("text")
        if not text.strip():
            self.show_errors({"text": "Type the corrected text."})
            return
        store = store_of(self)
        if save(self, lambda: rename_item(store, self.partnership_id, self.item_id, text)):
            self.dismiss(True)
