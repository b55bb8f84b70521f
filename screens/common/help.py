"""The keys of the current screen (``?``): every active binding, with what it does.

The list is taken from the screen the user was on when they pressed ``?`` (its focused
widget, the screen and the app), so it is always the keys that work right there, including
the ones the footer has no room for.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static

from screens.common.modal import DismissOnce


def describe_keys(screen: Screen[object]) -> list[tuple[str, str, str]]:
    """(key, description, details) for each described, non-system binding active on ``screen``.

    The app's own keys (they all have a tooltip) come first, in the order the screen
    declares them; Textual's generic keys (cursor movement, copy, focus) follow.
    """
    own: list[tuple[str, str, str]] = []
    generic: list[tuple[str, str, str]] = []
    seen_keys: set[tuple[str, str]] = set()
    seen_generic: set[str] = set()
    for active in screen.active_bindings.values():
        binding = active.binding
        if binding.system or not binding.description:
            continue
        key = screen.app.get_key_display(binding)
        if (key, binding.description) in seen_keys:
            continue
        seen_keys.add((key, binding.description))
        if binding.tooltip:
            own.append((key, binding.description, binding.tooltip))
        elif binding.description not in seen_generic:  # e.g. ctrl+c and super+c: one line
            seen_generic.add(binding.description)
            generic.append((key, binding.description, ""))
    return own + generic


class HelpScreen(DismissOnce, ModalScreen[None]):
    """A modal table of the keys that work on the screen below it."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > Vertical {
        width: 104; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    HelpScreen #help-title { text-style: bold; padding: 0 1; }
    HelpScreen #help-hint { color: $text-muted; padding: 0 1; }
    HelpScreen DataTable { height: auto; max-height: 1fr; }
    """

    BINDINGS = [
        Binding("escape", "dismiss", "Close", tooltip="Close the list of keys", id="help.close"),
        Binding(
            "question_mark",
            "dismiss",
            "Close",
            key_display="?",
            show=False,
            tooltip="Close the list of keys",
            id="help.close_question",
        ),
        Binding(
            "q", "dismiss", "Close", show=False, tooltip="Close the list of keys", id="help.close_q"
        ),
    ]

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self.rows = describe_keys(screen)
        self.screen_title = screen.title or screen.__class__.__name__

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content("Keys on this screen"), id="help-title")
            yield DataTable(cursor_type="row", zebra_stripes=True, id="help-table")
            yield Static(
                Content("ctrl+p opens the command palette with every action. Escape closes."),
                id="help-hint",
            )

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column(Text("Key"), key="key")
        table.add_column(Text("Does"), key="does")
        table.add_column(Text("Details"), key="details")
        for key, description, tooltip in self.rows:
            table.add_row(Text(key, style="bold"), Text(description), Text(tooltip))
        table.focus()
