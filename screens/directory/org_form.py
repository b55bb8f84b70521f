"""Add or edit an organization: its name, kind (which decides its system), industry, region.

The kind matters to the gap rules (a company's people are industry; a college is
education), so it is a required choice. Two organizations cannot share a name: the
person form finds organizations by name.
"""

from __future__ import annotations

from pydantic import ValidationError
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Select, Static, TextArea
from textual.widgets.option_list import Option

from nextgen_tui.models import KIND_LABELS, SYSTEM_LABELS, SYSTEM_OF_KIND, Organization, OrgKind
from nextgen_tui.models.kind_guess import guess_kind
from screens.common.context import save, store_of
from screens.common.editor_form import EditorForm
from screens.common.modal import DismissOnce

ORG_FIELDS = ("name", "kind", "industry", "region", "notes")


def kind_options() -> list[tuple[Text, OrgKind]]:
    """Every organization kind, labelled with the system it belongs to.

    ``Text`` prompts: literal, and a Select's type-to-search reads them.
    """
    return [
        (Text(f"{label} ({SYSTEM_LABELS[SYSTEM_OF_KIND[kind]]})"), kind)
        for kind, label in KIND_LABELS.items()
    ]


def name_clash(node: DOMNode, org: Organization) -> str | None:
    """The message for a name another (not deleted) organization already has, if any."""
    clash = store_of(node).organization_by_name(org.name)
    if clash is not None and clash.id != org.id:
        return f"An organization named “{clash.name}” already exists; choose another name."
    return None


class OrgForm(EditorForm[int | None]):
    """Returns the saved organization's id (``None`` when cancelled)."""

    def __init__(self, org_id: int | None = None, name: str = "") -> None:
        super().__init__()
        self.org_id = org_id
        self.initial_name = name
        self.guess = guess_kind(name)  # the kind a new organization's name suggests
        self.org: Organization | None = None
        self.form_title = "Edit organization" if org_id else "New organization"

    def load(self) -> None:
        if self.org_id:
            self.org = store_of(self).organization(self.org_id)
            self.form_title = f"Edit organization: {self.org.name}"

    def compose_fields(self) -> ComposeResult:
        org = self.org
        yield self.field(
            "name",
            "Name",
            Input(org.name if org else self.initial_name, placeholder="e.g. Acme Plastics"),
        )
        yield self.field(
            "kind",
            "Kind (decides its system: companies are industry)",
            Select(
                kind_options(),
                value=org.kind if org else self.guess,
                allow_blank=False,
            ),
        )
        yield self.field("industry", "Industry", Input(org.industry if org else ""))
        yield self.field("region", "Region", Input(org.region if org else ""))
        yield self.field(
            "notes",
            "Notes",
            TextArea(org.notes if org else "", soft_wrap=True, show_line_numbers=False),
        )

    def on_input_changed(self, event: Input.Changed) -> None:
        """A new organization's kind follows a guess from its name until the user picks one
        (never silently a company: a name that says nothing is unknown)."""
        if self.org is not None or event.input.id != "field-name":
            return
        kind = next(iter(self.query("#field-kind").results(Select)), None)
        if kind is None:  # the form is closing
            return
        if kind.value == self.guess:
            self.guess = guess_kind(event.value)
            kind.value = self.guess

    def submit(self) -> None:
        values = self.values()
        data = {name: values[name] for name in ORG_FIELDS}
        try:
            org = self.org.updated(**data) if self.org else Organization.model_validate(data)
        except ValidationError as exc:
            self.show_validation_error(exc)
            return
        clash = name_clash(self, org)
        if clash:
            self.show_errors({"name": clash})
            return
        store = store_of(self)
        saved = save(self, lambda: store.save_organization(org), done=f"Saved {org.name}.")
        if saved is not None:
            self.dismiss(saved.id)


class OrgKindScreen(DismissOnce, ModalScreen[OrgKind | None]):
    """Asks whether to create an organization that is not in the directory yet, and its kind.

    Enter creates it with the highlighted kind (the kind guessed from its name, never a
    company by default); escape declines. ``question`` replaces the question (the import
    preview asks for the kind of an organization it will create).
    """

    DEFAULT_CLASSES = "dialog-screen"
    DEFAULT_CSS = """
    OrgKindScreen > Vertical { width: 64; max-width: 95%; max-height: 90%; }
    OrgKindScreen #kind-question { width: 100%; padding: 0 1 1 1; }
    OrgKindScreen OptionList { height: auto; max-height: 14; }
    """

    BINDINGS = [
        Binding(
            "escape",
            "cancel",
            "Cancel",
            tooltip="Do not create it (the form stays open)",
            id="org_kind.cancel",
        ),
    ]

    def __init__(
        self,
        name: str,
        kind: OrgKind | None = None,
        *,
        question: str = "“$name” is not in the directory yet. Create it as a new organization "
        "of this kind ($guess):",
        hint: str = "enter creates it, escape goes back to the form",
    ) -> None:
        super().__init__()
        self.org_name = name
        self.kind = kind if kind is not None else guess_kind(name)
        self.question = question
        self.hint = hint

    def compose(self) -> ComposeResult:
        guess = (
            "guessed from its name"
            if self.kind is not OrgKind.UNKNOWN
            else "its name does not say; pick one, or leave it unknown"
        )
        with Vertical(classes="dialog"):
            yield Static(
                Content.from_markup(self.question, name=self.org_name, guess=guess),
                id="kind-question",
            )
            yield OptionList(
                *(Option(label, id=kind.value) for label, kind in kind_options()), id="kind-list"
            )
            yield Static(Content(self.hint), id="kind-hint", classes="hint")

    def on_mount(self) -> None:
        kinds = self.query_one(OptionList)
        kinds.highlighted = list(KIND_LABELS).index(self.kind)
        kinds.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(OrgKind(event.option.id or OrgKind.UNKNOWN))

    def action_cancel(self) -> None:
        self.dismiss(None)
