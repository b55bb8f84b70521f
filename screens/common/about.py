"""What the app is, and whose role definitions it uses (the toolkit's terms ask for credit)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from nextgen_tui import __version__
from screens.common.modal import DismissOnce

ABOUT_TEXT = """\
Keeps the rosters of regional industry sector partnerships through their four stages \
(Prepare, Launch, Action, Sustain) and shows, for each stage, who is at the table and \
which roles are still missing.

The data stays in one file on this computer; every change is saved as it is made and \
can be undone with ctrl+z.
"""

CREDITS_TEXT = """\
Role definitions and stage targets come from the Next Generation Sector Partnership \
toolkit by the Institute for Networked Communities, used with attribution.

This app is not an official Next Gen product and is not endorsed by its authors.
"""


class AboutScreen(DismissOnce, ModalScreen[None]):
    """A modal about the app and its credits."""

    DEFAULT_CLASSES = "dialog-screen"
    DEFAULT_CSS = """
    AboutScreen > Vertical { width: 72; max-width: 100%; max-height: 100%; }
    AboutScreen #about-title { text-style: bold; margin-bottom: 1; }
    AboutScreen #about-credits-title { text-style: bold; margin-top: 1; }
    AboutScreen #about-hint { color: $text-muted; margin-top: 1; }
    """

    BINDINGS = [
        Binding("escape", "dismiss", "Close", tooltip="Close this window", id="about.close"),
        Binding(
            "q", "dismiss", "Close", show=False, tooltip="Close this window", id="about.close_q"
        ),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog -roomy"):
            yield Static(Content(f"Sector Partnership Roster {__version__}"), id="about-title")
            yield Static(Content(ABOUT_TEXT.strip()), id="about-text")
            yield Static(Content("Credits"), id="about-credits-title")
            yield Static(Content(CREDITS_TEXT.strip()), id="about-credits")
            yield Static(Content("Press escape to close."), id="about-hint")
