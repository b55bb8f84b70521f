"""A tick box that reads without colour: a check mark when ticked, an empty box when not.

Textual's Checkbox shows the same ``X`` either way and tells the two apart by colour
only; this one changes the glyph inside the box with the value.
"""

from __future__ import annotations

from typing import TypeVar

from rich.segment import Segment
from textual.content import ContentText
from textual.strip import Strip
from textual.widgets import Checkbox, SelectionList

TICKED = "✔"
UNTICKED = " "

T = TypeVar("T")


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


class TickList(SelectionList[T]):
    """A :class:`~textual.widgets.SelectionList` whose boxes read like :class:`TickBox`:
    ``✔`` for a selected option and a blank for the others (Textual draws the same ``X``)."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        if len(segments) < 2 or segments[1].text != Checkbox.BUTTON_INNER:
            return strip
        style = segments[1].style
        index = style.meta.get("option") if style is not None else None
        if not isinstance(index, int):
            return strip
        ticked = self.get_option_at_index(index).value in self.selected
        segments[1] = Segment(TICKED if ticked else UNTICKED, style)
        return Strip(segments, strip.cell_length)
