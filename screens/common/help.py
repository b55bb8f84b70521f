"""The keys of the current screen (``?``): every binding, with what it does.

The list is taken from the screen the user was on when they pressed ``?`` (its focused
widget, the screen and the app), so it shows the keys of right there, including the ones
the footer has no room for. Keys that exist on the screen but do nothing right now are
listed too, dimmed, with why (a screen or widget explains with ``why_unavailable``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual.actions import parse
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static

from screens.common.modal import DismissOnce

NOT_NOW = "not available here right now"


@dataclass(frozen=True)
class KeyRow:
    key: str
    description: str
    details: str
    why_not: str | None = None  # set when the key does nothing right now


def describe_keys(screen: Screen[object]) -> list[KeyRow]:
    """One row per key bound on ``screen`` (its focused widget, the screen, the app).

    The app's own keys (they all have a tooltip) come first, in the order the screen
    declares them; Textual's generic keys (cursor movement, copy, focus) follow. A key
    bound several times shows the binding that acts; when none acts right now, the first
    one, with why.
    """
    app = screen.app
    own: dict[str, KeyRow] = {}
    generic: dict[str, KeyRow] = {}
    seen_generic: set[str] = set()
    for namespace, bindings in screen._modal_binding_chain:
        for _key, binding in bindings:
            if binding.system or not binding.description:
                continue
            key = app.get_key_display(binding)
            state = app._check_action_state(binding.action, namespace)
            why_not = None if state else _why(namespace, binding)
            row = KeyRow(key, binding.description, binding.tooltip or "", why_not)
            if binding.tooltip:
                known = own.get(key)
                if known is None or (known.why_not and not why_not):
                    own[key] = row
            elif binding.description not in seen_generic and state:
                seen_generic.add(binding.description)  # e.g. ctrl+c and super+c: one line
                generic[key] = row
    return list(own.values()) + [row for key, row in generic.items() if key not in own]


def _why(namespace: DOMNode, binding: Binding) -> str:
    destination, action, _ = parse(binding.action)
    target: DOMNode = namespace
    if destination == "screen":
        target = namespace.screen
    elif destination == "app":
        target = namespace.app
    explain: Callable[[str], str | None] | None = getattr(target, "why_unavailable", None)
    return (explain(action) if explain is not None else None) or NOT_NOW


class HelpScreen(DismissOnce, ModalScreen[None]):
    """A modal table of the keys that work on the screen below it."""

    DEFAULT_CLASSES = "dialog-screen"
    DEFAULT_CSS = """
    HelpScreen > Vertical { width: 104; max-width: 100%; max-height: 100%; }
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
        with Vertical(classes="dialog"):
            yield Static(Content("Keys on this screen"), id="help-title", classes="dialog-title")
            yield DataTable(cursor_type="row", zebra_stripes=True, id="help-table")
            yield Static(
                Content("ctrl+p opens the command palette with every action. Escape closes."),
                id="help-hint",
                classes="hint",
            )

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        key_width = max((cell_len(row.key) for row in self.rows), default=3)
        does_width = max((cell_len(row.description) for row in self.rows), default=4)
        # the details wrap in what is left of the frame (borders, padding, cell padding,
        # scrollbar), so nothing is cut at 80 columns
        frame = min(104, self.app.size.width)
        details_width = max(24, frame - 4 - 6 - 2 - key_width - does_width)
        table.add_column(Text("Key"), key="key")
        table.add_column(Text("Does"), key="does")
        table.add_column(Text("Details"), key="details", width=details_width)
        for row in self.rows:
            if row.why_not is None:
                cells = (
                    Text(row.key, style="bold"),
                    Text(row.description),
                    Text(row.details),
                )
            else:
                cells = (
                    Text(row.key, style="dim"),
                    Text(row.description, style="dim"),
                    Text(f"(not now: {row.why_not}) {row.details}", style="dim"),
                )
            table.add_row(*cells, height=None)
        table.focus()
