"""The pieces of the room view: a counter in large digits, and the captured lists.

Every user string (the partnership, captured items, area titles) goes into ``Content``
as plain text, so names like ``Bob [/]`` show literally.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Digits, Static

from nextgen_tui.meeting.room import AreaDots
from screens.common.statics import set_text

#: The longest row of dots drawn; more dots show as the number alone.
MAX_DOTS_DRAWN = 24


class Counter(Vertical):
    """One number of the room, in large digits under its label."""

    DEFAULT_CSS = """
    Counter { width: 1fr; height: auto; padding: 0 1; }
    Counter .counter-label { height: 1; text-wrap: nowrap; text-overflow: ellipsis; }
    Counter Digits { width: auto; }
    """

    def __init__(self, label: str, *, id: str) -> None:
        super().__init__(id=id)
        self.label = label

    def compose(self) -> ComposeResult:
        yield Static(Content(self.label), classes="counter-label")
        yield Digits("0")

    def show(self, value: int, label: str | None = None) -> None:
        digits = self.query_one(Digits)
        if digits.value != str(value):
            digits.update(str(value))
        if label is not None:
            set_text(self.query_one(".counter-label", Static), Content(label))


def opportunities_text(items: tuple[str, ...]) -> Content:
    """The industry opportunities, one per line, numbered as they were said."""
    if not items:
        return Content.styled("None captured yet.", "italic $text-muted")
    width = len(str(len(items)))
    return Content("\n").join(
        Content.assemble((f"{number:>{width}}. ", "$text-muted"), text)
        for number, text in enumerate(items, 1)
    )


def areas_text(areas: tuple[AreaDots, ...], held: bool) -> Content:
    """The needed action areas, most dots first: count, a row of dots, title."""
    if not areas:
        return Content.styled("None captured yet.", "italic $text-muted")
    width = max(len(str(area.dots)) for area in areas)
    lines = []
    for area in areas:
        drawn = "●" * min(area.dots, MAX_DOTS_DRAWN)
        parts: list[str | tuple[str, str]] = [
            (f"{area.dots:>{width}} ", "bold"),
            (drawn + (" " if drawn else ""), "$accent"),
            (area.title, "bold" if area.priority or not held else ""),
        ]
        if area.priority:
            parts.append((" ★ priority", "$success"))
        if area.commitments:
            parts.append((f" · {area.commitments} committed", "$text-muted"))
        lines.append(Content.assemble(*parts))
    return Content("\n").join(lines)
