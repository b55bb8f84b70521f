"""The base of every modal form: labelled fields, errors beside them, nothing lost.

A form subclass composes its fields with :meth:`FormScreen.field` (an ``Input`` or any
widget, wrapped with a label and an error line), and implements :meth:`submit`, which
validates through the models and saves through the store. When validation fails the
subclass calls :meth:`show_errors` with ``models.field_errors(exc)``: each message appears
under its field and the form stays open with everything typed.

Keys: ctrl+s saves (enter in the last input too), escape cancels, asking first when
something was typed. Text fields get the cursor at the end of what they hold, with
nothing selected (also when tabbed into), so typing adds to a stored value and never
replaces it unless the user selects or clears it first.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from nextgen_tui.models import field_errors
from screens.common.confirm import ConfirmScreen
from screens.common.modal import DismissOnce

T = TypeVar("T")


def keep_text(box: Input) -> Input:
    """Focusing ``box`` puts the cursor at the end of its text and selects nothing."""
    box.select_on_focus = False
    box.cursor_position = len(box.value)
    return box


class FormScreen(DismissOnce, ModalScreen[T]):
    """A modal form that returns ``T`` when saved and ``None`` when cancelled."""

    DEFAULT_CLASSES = "dialog-screen"
    DEFAULT_CSS = """
    FormScreen > #form-frame { width: 76; max-width: 100%; max-height: 100%; }
    FormScreen #form-title { width: 100%; }
    FormScreen #form-body { height: auto; max-height: 1fr; }
    FormScreen .form-field { height: auto; margin: 0 0 0 0; }
    FormScreen .form-label { color: $text-muted; padding: 0 1; }
    FormScreen .field-error { color: $error; padding: 0 1; display: none; }
    FormScreen .field-error.-shown { display: block; }
    FormScreen #form-error { color: $error; padding: 0 1; display: none; }
    FormScreen #form-error.-shown { display: block; }
    FormScreen #form-buttons { height: auto; align-horizontal: right; padding-top: 1; }
    FormScreen #form-buttons Button { margin-left: 1; }
    FormScreen Checkbox { border: none; padding: 0 1; }
    """

    BINDINGS = [
        Binding("ctrl+s", "submit", "Save", tooltip="Save this form", id="form.save"),
        Binding("escape", "cancel", "Cancel", tooltip="Close without saving", id="form.cancel"),
    ]

    #: The title shown at the top of the form (plain text).
    form_title = "Edit"

    def __init__(self) -> None:
        super().__init__()
        self._initial: dict[str, Any] | None = None

    # -- composition helpers

    def compose(self) -> ComposeResult:
        with Vertical(id="form-frame", classes="dialog"):
            yield Static(Content(self.form_title), id="form-title", classes="dialog-title")
            with VerticalScroll(id="form-body"):
                yield from self.compose_fields()
            yield Static("", id="form-error", markup=False)
            with Horizontal(id="form-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="form-save")
                yield Button("Cancel (esc)", id="form-cancel")

    def compose_fields(self) -> ComposeResult:
        """Yield the form's fields, each built with :meth:`field`."""
        raise NotImplementedError

    def field(self, name: str, label: str, widget: Widget) -> Vertical:
        """Wrap ``widget`` with its label and error line; ``name`` is the model field name."""
        widget.id = widget.id or f"field-{name}"
        return Vertical(
            Label(Content(label), classes="form-label"),
            widget,
            Static("", classes="field-error", id=f"error-{name}", markup=False),
            classes="form-field",
        )

    def on_mount(self) -> None:
        self._initial = self.values()
        for box in self.query(Input):
            keep_text(box)
        first = self.initial_focus()
        if first is not None:
            first.focus()

    def initial_focus(self) -> Widget | None:
        """The field focused when the form opens: the first one, unless a form says."""
        for widget in self.query("#form-body Input, #form-body Select, #form-body Checkbox"):
            if widget.focusable:
                return widget
        return None

    # -- values

    def values(self) -> dict[str, Any]:
        """The current value of every field, by field name."""
        result: dict[str, Any] = {}
        for widget in self.query("#form-body Input, #form-body Select, #form-body Checkbox"):
            if widget.id and widget.id.startswith("field-"):
                name = widget.id.removeprefix("field-")
                if isinstance(widget, Input | Checkbox):
                    result[name] = widget.value
                elif isinstance(widget, Select):
                    result[name] = None if widget.value is Select.BLANK else widget.value
        return result

    def text(self, name: str) -> str:
        return self.query_one(f"#field-{name}", Input).value

    @property
    def changed(self) -> bool:
        return self._initial is not None and self.values() != self._initial

    # -- errors

    def show_errors(self, errors: dict[str, str]) -> None:
        """Show each message under its field; messages without a field go to the bottom."""
        self.clear_errors()
        general: list[str] = []
        first: Widget | None = None
        for name, message in errors.items():
            targets = self.query(f"#error-{name}")
            if targets:
                error_line = targets.first(Static)
                error_line.update(Content(message))
                error_line.add_class("-shown")
                if first is None:
                    found = self.query(f"#field-{name}")
                    first = found.first() if found else None
            else:
                general.append(message)
        if general:
            bottom = self.query_one("#form-error", Static)
            bottom.update(Content(" ".join(general)))
            bottom.add_class("-shown")
        if first is not None and first.focusable:
            first.focus()

    def show_validation_error(self, exc: ValidationError) -> None:
        self.show_errors(field_errors(exc))

    def clear_errors(self) -> None:
        for line in self.query(".field-error, #form-error"):
            line.remove_class("-shown")

    # -- actions

    def submit(self) -> None:
        """Validate and save; call ``self.dismiss(result)`` on success."""
        raise NotImplementedError

    def action_submit(self) -> None:
        if self.is_active:  # not a second ctrl+s queued behind the one that saved
            self.submit()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        inputs = [w for w in self.query("#form-body Input") if w.display]
        if inputs and event.input is inputs[-1]:
            self.action_submit()
        else:
            self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "form-save":
            event.stop()
            self.action_submit()
        elif event.button.id == "form-cancel":
            event.stop()
            self.action_cancel()

    def action_cancel(self) -> None:
        if not self.changed:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen("Discard what you typed in this form?", confirm_label="Discard"),
            answered,
        )
