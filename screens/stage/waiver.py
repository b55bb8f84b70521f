"""Ask why a partnership moves on although its stage still has blockers.

The reason is required and is kept with the partnership (``Partnership.waivers``), so a
later reader knows which blockers were waived and why. Returns the reason, or ``None``
when the convener backs out (nothing changes then).
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import TypeAdapter, ValidationError
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static, TextArea

from nextgen_tui.gaps.catalogue import Gap
from nextgen_tui.models import LongText, describe_errors
from screens.common.modal import DismissOnce

_REASON = TypeAdapter(LongText)


class WaiverScreen(DismissOnce, ModalScreen[str | None]):
    """Lists the blockers and asks for the reason to advance anyway."""

    DEFAULT_CLASSES = "dialog-screen"
    DEFAULT_CSS = """
    WaiverScreen > Vertical { width: 80; max-width: 100%; max-height: 100%; }
    WaiverScreen #waiver-blockers { height: auto; max-height: 8; padding: 0 1; }
    WaiverScreen .waiver-blocker { color: $text-error; }
    WaiverScreen #waiver-label { color: $text-muted; padding: 0 1; margin-top: 1; }
    WaiverScreen #waiver-reason { height: 5; }
    WaiverScreen #waiver-error { color: $error; padding: 0 1; display: none; }
    WaiverScreen #waiver-error.-shown { display: block; }
    WaiverScreen Horizontal { height: auto; align-horizontal: right; }
    WaiverScreen Button { margin-left: 1; }
    """

    BINDINGS = [
        Binding(
            "ctrl+s",
            "submit",
            "Advance anyway",
            tooltip="Record the waiver with this reason and advance",
            id="waiver.submit",
        ),
        Binding("escape", "cancel", "Cancel", tooltip="Stay in this stage", id="waiver.cancel"),
    ]

    def __init__(self, blockers: Sequence[Gap]) -> None:
        super().__init__()
        self.blockers = list(blockers)

    def compose(self) -> ComposeResult:
        count = len(self.blockers)
        noun = "blocker" if count == 1 else "blockers"
        with Vertical(classes="dialog -warning"):
            yield Static(
                Content(f"This stage still has {count} {noun}. Advance anyway?"),
                id="waiver-title",
                classes="dialog-title",
            )
            with VerticalScroll(id="waiver-blockers"):
                for gap in self.blockers:
                    yield Static(
                        Content.from_markup("✖ $message", message=gap.message),
                        classes="waiver-blocker",
                    )
            yield Static(
                Content("Why is the partnership moving on anyway? (required)"), id="waiver-label"
            )
            yield TextArea(id="waiver-reason", soft_wrap=True, show_line_numbers=False)
            yield Static("", id="waiver-error", markup=False)
            with Horizontal():
                yield Button(
                    Content("Advance anyway (ctrl+s)"), variant="warning", id="waiver-submit"
                )
                yield Button(Content("Cancel (esc)"), id="waiver-cancel")

    def on_mount(self) -> None:
        self.query_one("#waiver-reason", TextArea).focus()

    def _show_error(self, message: str) -> None:
        error = self.query_one("#waiver-error", Static)
        error.update(Content(message))
        error.add_class("-shown")
        self.query_one("#waiver-reason", TextArea).focus()

    def action_submit(self) -> None:
        text = self.query_one("#waiver-reason", TextArea).text
        try:
            reason = _REASON.validate_python(text)
        except ValidationError as exc:
            detail = next(iter(describe_errors(exc).values()), "is not valid")
            self._show_error(f"Reason {detail}.")
            return
        if not reason:
            self._show_error("A reason is required: say why the partnership moves on anyway.")
            return
        self.dismiss(reason)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "waiver-submit":
            self.action_submit()
        else:
            self.action_cancel()
