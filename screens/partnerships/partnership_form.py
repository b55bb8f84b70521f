"""Create or edit a partnership: its scope, notes and the toolkit thresholds it uses.

The thresholds sit in a collapsed section: most conveners keep the toolkit's numbers, but
a region may tune them (a rural region may never reach 12 companies). A bad number opens
the section and shows its message beside the field.
"""

from __future__ import annotations

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.containers import Grid
from textual.content import Content
from textual.widgets import Collapsible, Input, Static, TextArea

from nextgen_tui.models import FIELD_LABELS, Partnership, Thresholds
from screens.common.context import save, store_of
from screens.common.editor_form import EditorForm

#: The threshold fields in the order the form shows them.
THRESHOLD_FIELDS: tuple[str, ...] = tuple(Thresholds.model_fields)


class PartnershipForm(EditorForm[int | None]):
    """Returns the saved partnership's id (``None`` when cancelled)."""

    DEFAULT_CSS = """
    PartnershipForm #thresholds-grid {
        layout: grid; grid-size: 2; grid-columns: 1fr 1fr; grid-gutter: 0 1;
        grid-rows: auto; height: auto;
    }
    PartnershipForm Collapsible { padding: 0; border-top: none; }
    PartnershipForm #thresholds-note { color: $text-muted; padding: 0 1; }
    """

    def __init__(self, partnership_id: int | None = None) -> None:
        super().__init__()
        self.partnership_id = partnership_id
        self.partnership: Partnership | None = None
        self.form_title = "Edit partnership" if partnership_id else "New partnership"

    def load(self) -> None:
        if self.partnership_id:
            self.partnership = store_of(self).partnership(self.partnership_id)

    def compose_fields(self) -> ComposeResult:
        p = self.partnership
        limits = p.thresholds if p else Thresholds()
        yield self.field(
            "name",
            "Name (one industry in one region)",
            Input(p.name if p else "", placeholder="e.g. Advanced Manufacturing, North Valley"),
        )
        yield self.field("industry", "Industry", Input(p.industry if p else ""))
        yield self.field("region", "Region", Input(p.region if p else ""))
        yield self.field(
            "notes",
            "Notes",
            TextArea(p.notes if p else "", soft_wrap=True, show_line_numbers=False),
        )
        with Collapsible(title="Thresholds (the toolkit's numbers)", id="thresholds"):
            yield Static(
                Content("Change these only if your region needs other targets."),
                id="thresholds-note",
            )
            with Grid(id="thresholds-grid"):
                for name in THRESHOLD_FIELDS:
                    yield self.field(
                        name,
                        FIELD_LABELS.get(name, name),
                        Input(str(getattr(limits, name)), type="integer", compact=True),
                    )
            yield Static("", classes="field-error", id="error-thresholds", markup=False)

    def show_errors(self, errors: dict[str, str]) -> None:
        if any(name in errors for name in (*THRESHOLD_FIELDS, "thresholds")):
            self.query_one("#thresholds", Collapsible).collapsed = False
        super().show_errors(errors)

    def submit(self) -> None:
        values = self.values()
        data = {name: values[name] for name in ("name", "industry", "region", "notes")}
        thresholds = {name: str(values[name]).strip() for name in THRESHOLD_FIELDS}
        try:
            if self.partnership is not None:
                partnership = self.partnership.updated(**data, thresholds=thresholds)
            else:
                partnership = Partnership.model_validate({**data, "thresholds": thresholds})
        except ValidationError as exc:
            self.show_validation_error(exc)
            return
        store = store_of(self)
        clash = store.partnership_by_name(partnership.name)
        if clash is not None and clash.id != partnership.id:
            self.show_errors(
                {"name": f"A partnership named “{clash.name}” already exists; choose another name."}
            )
            return
        saved = save(self, lambda: store.save_partnership(partnership))
        if saved is not None:
            self.dismiss(saved.id)
