"""Add or edit a person: name, title, organization, email, phone, notes.

The organization is typed as text, with the directory's organizations suggested as one
types (right arrow accepts a suggestion) and a line saying which organization the text
names. When it names none, saving asks whether to create it and of which kind; the new
organization and the person are then saved in one change (one write, one undo step), so
nothing is ever half-saved. A field the models refuse shows its message beside it and
everything typed stays in the form.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.content import Content
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Input, Static, TextArea

from nextgen_tui.edits.people import save_person_with_org
from nextgen_tui.models import KIND_LABELS, Organization, OrgKind, Person, field_errors
from nextgen_tui.models.kind_guess import guess_kind
from nextgen_tui.text.search import rank
from screens.common.context import save, store_of
from screens.common.editor_form import EditorForm
from screens.directory.org_form import OrgKindScreen, name_clash

PERSON_FIELDS = ("name", "title", "email", "phone", "notes")
NEW_ORG_HINT = (
    "Not in the directory yet: saving offers to create it (its kind guessed from the name)."
)


class PersonForm(EditorForm[int | None]):
    """Returns the saved person's id (``None`` when cancelled).

    ``name`` pre-fills the name of a new person (e.g. what was typed in a person picker).
    """

    DEFAULT_CSS = """
    PersonForm #organization-hint { color: $text-muted; padding: 0 1; height: auto; }
    """

    def __init__(self, person_id: int | None = None, name: str = "") -> None:
        super().__init__()
        self.person_id = person_id
        self.initial_name = name
        self.person: Person | None = None
        self.org_name = ""
        self.organizations: list[Organization] = []
        self.form_title = "Edit person" if person_id else "New person"

    def load(self) -> None:
        store = store_of(self)
        self.organizations = store.organizations()
        if self.person_id:
            self.person = store.person(self.person_id)
            self.form_title = f"Edit person: {self.person.name}"
            if self.person.organization_id is not None:
                self.org_name = store.organization(self.person.organization_id).name

    def compose_fields(self) -> ComposeResult:
        person = self.person
        names = [org.name for org in self.organizations]
        yield self.field(
            "name", "Name", Input(person.name if person else self.initial_name, placeholder="")
        )
        yield self.field("title", "Title", Input(person.title if person else ""))
        yield self.field(
            "organization",
            "Organization (type a few letters; → accepts the suggestion)",
            Input(
                self.org_name,
                suggester=SuggestFromList(names, case_sensitive=False),
                placeholder="Blank if none",
            ),
        )
        yield Static(self.org_hint(self.org_name), id="organization-hint")
        yield self.field("email", "Email", Input(person.email if person else ""))
        yield self.field("phone", "Phone", Input(person.phone if person else ""))
        yield self.field(
            "notes",
            "Notes",
            TextArea(person.notes if person else "", soft_wrap=True, show_line_numbers=False),
        )

    # ------------------------------------------------------------------ organization

    def known_org(self, typed: str) -> Organization | None:
        """The organization ``typed`` names (their current one even if deleted since)."""
        wanted = typed.strip().casefold()
        if not wanted:
            return None
        person = self.person
        if person is not None and person.organization_id and wanted == self.org_name.casefold():
            return store_of(self).organization(person.organization_id)
        return store_of(self).organization_by_name(typed)

    def org_hint(self, typed: str) -> Content:
        if not typed.strip():
            return Content("No organization.")
        org = self.known_org(typed)
        if org is not None:
            return Content.from_markup("✓ $name ($kind)", name=org.name, kind=KIND_LABELS[org.kind])
        found = rank(typed, [org.name for org in self.organizations], limit=1)
        if found:
            return Content.from_markup(
                "Did you mean $name? " + NEW_ORG_HINT, name=self.organizations[found[0]].name
            )
        return Content(NEW_ORG_HINT)

    def initial_focus(self) -> Widget | None:
        if self.person is None and self.initial_name.strip():
            # the name was typed in a picker: what is typed next is the title
            return self.query_one("#field-title", Input)
        return super().initial_focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "field-organization":
            self.query_one("#organization-hint", Static).update(self.org_hint(event.value))

    # ------------------------------------------------------------------ saving

    def submit(self) -> None:
        values = self.values()
        typed_org = str(values["organization"]).strip()
        org = self.known_org(typed_org)
        errors: dict[str, str] = {}
        person = self._validated_person(values, org, errors)
        new_org: Organization | None = None
        if typed_org and org is None:
            new_org = self._validated_org(typed_org, errors)
        if errors or person is None:
            self.show_errors(errors)
            return
        self.clear_errors()
        if new_org is None:
            self._save(person, None)
            return
        org_to_create = new_org

        def answered(kind: OrgKind | None) -> None:
            if kind is not None:
                self._save(person, org_to_create.updated(kind=kind))

        self.app.push_screen(OrgKindScreen(new_org.name, new_org.kind), answered)

    def _validated_person(
        self, values: dict[str, Any], org: Organization | None, errors: dict[str, str]
    ) -> Person | None:
        data = {name: values[name] for name in PERSON_FIELDS}
        data["organization_id"] = org.id if org else None
        try:
            if self.person is not None:
                return self.person.updated(**data)
            return Person.model_validate(data)
        except ValidationError as exc:
            errors.update(field_errors(exc))
            return None

    def _validated_org(self, typed: str, errors: dict[str, str]) -> Organization | None:
        try:
            org = Organization.model_validate({"name": typed, "kind": guess_kind(typed)})
        except ValidationError as exc:
            message = field_errors(exc).get("name", "is not a valid name")
            errors["organization"] = message.replace("Name", "Organization", 1)
            return None
        clash = name_clash(self, org)  # e.g. a name that only differs in spaces
        if clash:
            errors["organization"] = clash
            return None
        return org

    def _save(self, person: Person, new_org: Organization | None) -> None:
        """Save the person (with ``new_org`` created first, in the same change); close."""
        store = store_of(self)
        if new_org is None:
            saved = save(self, lambda: store.save_person(person), done=f"Saved {person.name}.")
        else:
            saved = save(
                self,
                lambda: save_person_with_org(store, person, new_org),
                done=f"Saved {person.name} and added {new_org.name}.",
            )
        if saved is not None:
            self.dismiss(saved.id)
