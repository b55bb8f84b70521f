"""A tick box that reads without colour: a check mark when ticked, an empty box when not.

Textual's Checkbox shows the same ``X`` either way and tells the two apart by colour
only; this one changes the glyph inside the box with the value.
"""

from __future__ import annotations

from textual.content import ContentText
from textual.widgets import Checkbox

TICKED = "✔"
UNTICKED = " "


class TickBox(Checkbox):
    """A :class:`~textual.widgets.Checkbox` showing ``✔`` when ticked and a blank when not."""

    def __init__(
        self, label: ContentText = "", value: bool = False, *, id: str | None = None
    ) -> None:
        super().__init__(label, value, id=id)
        self.BUTTON_INNER = TICKED if self.value else UNTICKED

    def watch_value(self) -> None:
        self.BUTTON_INNER = TICKED if self.value else UNTICKED
        super().watch_value()
