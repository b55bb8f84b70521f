"""The undo history (``h``, or "Undo history" in the palette): what each change did.

Lists the changes of this session newest first, each with what it changed ("added 12
people and 30 roles"), and above them the changes undone, which ctrl+y redoes. ctrl+z and
ctrl+y work here too and the list follows.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from screens.common.context import store_of
from screens.common.modal import DismissOnce


class HistoryScreen(DismissOnce, ModalScreen[None]):
    """A modal table of the changes that undo (ctrl+z) and redo (ctrl+y) would apply."""

    DEFAULT_CLASSES = "dialog-screen"
    DEFAULT_CSS = """
    HistoryScreen > Vertical { width: 100; max-width: 100%; max-height: 100%; }
    HistoryScreen DataTable { height: auto; max-height: 1fr; }
    """

    BINDINGS = [
        Binding("escape", "dismiss", "Close", tooltip="Close the undo history", id="history.close"),
        Binding("ctrl+z", "app.undo", "Undo", tooltip="Undo the top done step", id="history.undo"),
        Binding(
            "ctrl+y,ctrl+shift+z",
            "app.redo",
            "Redo",
            tooltip="Redo the undone step just above the done ones",
            id="history.redo",
        ),
        Binding(
            "h", "dismiss", "Close", show=False, tooltip="Close the undo history", id="history.h"
        ),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(
                Content("Undo history (this session)"), id="history-title", classes="dialog-title"
            )
            yield DataTable(cursor_type="row", zebra_stripes=True, id="history-table")
            yield Static(
                Content("ctrl+z undoes the top “done” step, ctrl+y redoes the step above it."),
                id="history-hint",
                classes="hint",
            )

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column(Text("State"), key="state")
        table.add_column(Text("Change, and what it changed"), key="change")
        self.reload()
        table.focus()

    def reload(self) -> None:
        """Show the history as it is now (after an undo or a redo, too)."""
        done, undone = store_of(self).history.steps()
        table = self.query_one(DataTable)
        table.clear()
        rows = [("undone", "italic", step) for step in reversed(undone)]  # next redo: last
        rows += [("done", "bold", step) for step in done]
        for state, style, step in rows:
            change = Text(step.label)
            change.append(f"\n  {step.summary()}", style="dim")
            table.add_row(Text(state, style=style), change, height=2)
        if not rows:
            table.add_row(Text(""), Text("Nothing changed yet in this session."))
        table.move_cursor(row=len(undone))
