"""A yes / no / escape confirmation modal that returns a bool."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from screens.common.modal import DismissOnce


class ConfirmScreen(DismissOnce, ModalScreen[bool]):
    """Ask a question; ``y`` or the Yes button confirms, ``n`` or escape declines.

    ``question`` is plain text (it may contain user-typed names): it is never markup.
    The No button has the focus (enter declines) unless ``default_yes`` (for a question
    whose usual answer is yes, like resuming a meeting).
    """

    DEFAULT_CLASSES = "dialog-screen"
    DEFAULT_CSS = """
    ConfirmScreen > Vertical { width: 64; max-width: 95%; }
    ConfirmScreen #question { width: 100%; margin-bottom: 1; }
    ConfirmScreen Horizontal { height: auto; align-horizontal: right; }
    ConfirmScreen Button { margin-left: 2; }
    """

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", tooltip="Confirm", id="confirm.yes"),
        Binding("n", "answer(False)", "No", tooltip="Cancel", id="confirm.no"),
        Binding("escape", "answer(False)", "Cancel", tooltip="Cancel", id="confirm.cancel"),
    ]

    def __init__(
        self,
        question: str,
        *,
        confirm_label: str = "Yes",
        default_yes: bool = False,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.question = question
        self.confirm_label = confirm_label
        self.default_yes = default_yes

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog -warning -roomy"):
            yield Label(Content(self.question), id="question")
            with Horizontal():
                yield Button(
                    Content(f"{self.confirm_label} (y)"),
                    variant="primary" if self.default_yes else "error",
                    id="yes",
                )
                yield Button(Content("No (n)"), id="no")

    def on_mount(self) -> None:
        self.query_one("#yes" if self.default_yes else "#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)
