"""The first screen while the roster file is read and checked (the app does it in a worker).

It paints at once (the app's first frame does not wait for the file or the models) and
says what is being opened. Only ``q`` (and ``ctrl+q``) act while it is up: there is nothing
yet for any other key to act on, so such a key is answered on the screen, never dropped
silently nor kept to act later on a screen the user has not seen.

Kept light on purpose: Textual only, no models, so importing it costs the first paint
nothing.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import LoadingIndicator, Static

from screens.common.footer import KeyFooter
from screens.common.header import ScreenHeader

OPENING_ID = "opening"


def size_text(size: int) -> str:
    """A file size as people read it: ``812 KB``, ``3.3 MB``."""
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} KB"
    return f"{size / 1_000_000:.1f} MB"


#: Seconds before the loading indicator shows: most files are open sooner (the demo in
#: about 0.3 s), and the indicator's animation, redrawn about 16 times a second, takes
#: turns with the worker reading the file (one Python thread runs at a time).
INDICATOR_AFTER = 0.6


class OpeningScreen(Screen[None]):
    """The line "Opening roster.json (3.3 MB)…" until it is read, with a loading indicator
    once the wait is long enough to need one."""

    DEFAULT_CSS = """
    OpeningScreen #opening-line { padding: 1 2 0 2; height: auto; }
    OpeningScreen LoadingIndicator { height: 3; }
    OpeningScreen #opening-keys { padding: 0 2; }
    """

    BINDINGS = [
        Binding(
            "q",
            "app.quit",
            "Quit",
            tooltip="Quit without waiting for the file to open",
            id="opening.quit",
        )
    ]

    def __init__(self, name: str, size: int | None) -> None:
        """``name``: the file's name, made visible (no control characters) by the caller."""
        super().__init__(id=OPENING_ID)
        self.file_name = name
        self.file_size = size

    def compose(self) -> ComposeResult:
        yield ScreenHeader()
        size = "" if self.file_size is None else f" ({size_text(self.file_size)})"
        yield Static(Content(f"Opening {self.file_name}{size}…"), id="opening-line")
        yield Static(Content("Reading and checking every record; q quits."), id="opening-keys")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._indicator_timer = self.set_timer(INDICATOR_AFTER, self._show_indicator)

    def _show_indicator(self) -> None:
        self.mount(LoadingIndicator(), before="#opening-keys")

    def on_screen_suspend(self) -> None:
        """The file is open (this screen stays under the roster's): no animation, now or
        later."""
        self._indicator_timer.stop()
        self.query(LoadingIndicator).remove()

    def on_key(self, event: events.Key) -> None:
        """A key with nothing to act on yet is told so, on the screen (q still quits)."""
        active = self.active_bindings.get(event.key)
        if active is not None and active.enabled:
            return  # q, ctrl+q: their bindings run
        event.stop()
        key = event.character if event.is_printable and event.character else event.key
        self.query_one("#opening-keys", Static).update(
            Content.assemble(
                "Still opening ",
                self.file_name,
                ": ",
                (key, "bold"),
                " does nothing until it is open; q quits.",
            )
        )
