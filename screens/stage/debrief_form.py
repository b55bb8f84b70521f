"""The support team's debrief after the launch: when it happened and what was agreed."""

from __future__ import annotations

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.widgets import Input, TextArea

from nextgen_tui.models import Debrief, Partnership, field_errors
from screens.common.context import save, store_of
from screens.common.editor_form import DATE_EXAMPLE, DateError, EditorForm, format_date, parse_date


class DebriefForm(EditorForm[bool]):
    """Returns ``True`` when saved; the debrief is kept on the partnership."""

    form_title = "Support team debrief"

    def __init__(self, partnership_id: int) -> None:
        super().__init__()
        self.partnership_id = partnership_id

    def load(self) -> None:
        store = store_of(self)
        self.partnership: Partnership = store.partnership(self.partnership_id)
        self.today = store.today()

    def compose_fields(self) -> ComposeResult:
        debrief = self.partnership.debrief
        yield self.field(
            "on",
            f"Date of the debrief ({DATE_EXAMPLE})",
            Input(format_date(debrief.on if debrief else self.today), placeholder=DATE_EXAMPLE),
        )
        yield self.field(
            "notes",
            "What the support team learned and agreed",
            TextArea(debrief.notes if debrief else "", soft_wrap=True, show_line_numbers=False),
        )

    def submit(self) -> None:
        try:
            on = parse_date(self.text("on"), "Date", required=True)
        except DateError as exc:
            self.show_errors({"on": str(exc)})
            return
        assert on is not None
        try:
            debrief = Debrief(on=on, notes=self.text_area("notes"))
            partnership = self.partnership.updated(debrief=debrief.model_dump())
        except ValidationError as exc:
            self.show_errors(field_errors(exc))
            return
        store = store_of(self)
        saved = save(self, lambda: store.save_partnership(partnership), done="Debrief saved")
        if saved is not None:
            self.dismiss(True)
