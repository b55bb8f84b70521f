"""The import wizard's third step: every row of the plan, and the choices made on it.

The step owns the preview table, the summary above it and the highlighted row's detail
below; the wizard's keys (u / k / a, shift for every match, o for a new organization's
kind) call its methods. Choices change only the plan in memory: nothing is written here.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from nextgen_tui.models import OrgKind
from nextgen_tui.text.visible import visible
from nextgen_tui.transfer.plan import Choice, ImportPlan, Outcome
from screens.directory.org_form import OrgKindScreen
from screens.transfer.import_widgets import (
    kind_cell,
    notes_cell,
    outcome_cell,
    preview_columns,
    preview_row,
)


class ImportPreview(Vertical):
    """The preview step: a row per line of the file with its outcome, kind and notes."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.plan: ImportPlan | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="summary", markup=False)
        yield DataTable(id="preview", cursor_type="row", zebra_stripes=True)
        yield Static("", id="row-detail", classes="hint", markup=False)

    @property
    def table(self) -> DataTable[object]:
        return self.query_one("#preview", DataTable)

    def fill(self, plan: ImportPlan) -> None:
        self.plan = plan
        table = self.table
        table.clear(columns=True)
        for label, key in preview_columns():
            table.add_column(label, key=key)
        for row in plan.rows:
            table.add_row(*preview_row(row), key=str(row.number))
        self._update_summary()

    @on(DataTable.RowHighlighted, "#preview")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """The highlighted row's whole outcome, which a narrow table cuts short."""
        if self.plan is None or event.row_key.value is None:
            return
        row = self.plan.row(int(event.row_key.value))
        notes = [row.reason, *row.warnings] if row.reason else row.warnings
        detail = f"Row {row.number} ({row.name or 'no name'}): " + ("; ".join(notes) or row.outcome)
        self.query_one("#row-detail", Static).update(visible(detail))

    def _update_summary(self) -> None:
        assert self.plan is not None
        hint = ""
        if self.plan.count(Outcome.MATCH):
            hint = " On a matching row press u (update), k (keep) or a (add anyway)."
        hint += " o sets a new organization's kind."
        self.query_one("#summary", Static).update(visible(self.plan.summary()) + hint)

    def _refresh_choice(self, number: int) -> None:
        assert self.plan is not None
        self.table.update_cell(str(number), "outcome", outcome_cell(self.plan.row(number)))

    def _highlighted_number(self) -> int | None:
        table = self.table
        if self.plan is None or not table.row_count:
            return None
        return int(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or 0)

    def choose(self, choice: str) -> None:
        """Update, keep or add anyway for the highlighted matching row."""
        number = self._highlighted_number()
        if self.plan is None or number is None:
            return
        row = self.plan.row(number)
        if row.outcome is not Outcome.MATCH:
            self.notify(
                "Only a row that matches someone already in the directory has a choice.",
                severity="warning",
                markup=False,
            )
            return
        self.plan.set_choice(row.number, Choice(choice))
        for member in self.plan.rows:
            if member.outcome is Outcome.MATCH:
                self._refresh_choice(member.number)
        self._update_summary()

    def choose_all(self, choice: str) -> None:
        """The same choice for every matching row."""
        if self.plan is None:
            return
        for row in self.plan.rows:
            if row.outcome is Outcome.MATCH:
                self.plan.set_choice(row.number, Choice(choice))
                self._refresh_choice(row.number)
        self._update_summary()

    def org_kind(self) -> None:
        """Pick the kind a new organization will be stored with (shown in the Kind column)."""
        number = self._highlighted_number()
        if self.plan is None or number is None:
            return
        plan, table = self.plan, self.table
        row = plan.row(number)
        if not row.valid or row.kind_from == "directory":
            why = (
                "is invalid" if not row.valid else "names an organization already in the directory"
            )
            self.notify(f"Row {row.number} {why}: its kind is not set here.", markup=False)
            return

        def chosen(kind: OrgKind | None) -> None:
            if kind is not None:
                for member in plan.set_kind(row.number, kind):
                    table.update_cell(str(member.number), "kind", kind_cell(member))
                    table.update_cell(str(member.number), "notes", notes_cell(member))

        question = "The kind of “$name”, a new organization the import will add ($guess):"
        hint = "enter sets it for every row naming it, escape leaves it"
        self.app.push_screen(
            OrgKindScreen(visible(row.organization), row.org_kind, question=question, hint=hint),
            chosen,
        )
