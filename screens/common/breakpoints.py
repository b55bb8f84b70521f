"""One responsive mechanism for every screen: Textual's breakpoints.

A screen declares ``HORIZONTAL_BREAKPOINTS`` (``[(0, "-narrow"), (100, "-wide")]``: from
each width on, its class) and its stylesheet styles ``Screen.-narrow ...``; Textual sets the
class at every resize of the screen (a screen under another one gets it when it comes
back on top). :func:`apply_breakpoints` sets it at once, for the screen's first frame:
Textual does so at the first resize, a moment after it.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen


def breakpoint_class(width: int, breakpoints: list[tuple[int, str]]) -> str | None:
    """The class of the highest breakpoint ``width`` reaches (Textual's rule)."""
    reached = [(start, name) for start, name in breakpoints if width >= start]
    return max(reached)[1] if reached else None


def apply_breakpoints(screen: Screen[Any]) -> None:
    """Set ``screen``'s breakpoint class for the terminal's width now."""
    breakpoints = screen.HORIZONTAL_BREAKPOINTS
    if breakpoints is None:
        breakpoints = screen.app.HORIZONTAL_BREAKPOINTS or []
    current = breakpoint_class(screen.app.size.width, breakpoints)
    screen.update_classes({name: name == current for _, name in breakpoints}, animate=False)
