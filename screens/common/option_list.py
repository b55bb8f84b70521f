"""Textual's OptionList, keeping its rendered lines through a resize that keeps its width.

Textual's :class:`~textual.widgets.OptionList` caches each option's rendered lines and
height without the width they were made for, and drops them all on every Resize event,
including the first one, which reaches the list after the screen was laid out and
painted once. At start-up the stage view's two lists were therefore wrapped and styled
twice before the first frame reached the terminal (Textual paints once before the
terminal reports its size, then again). Here the caches are dropped when the width they
are used at changes (checked as the list renders), so a resize that keeps the width
keeps them.
"""

from __future__ import annotations

from textual import events
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import OptionList


class SteadyOptionList(OptionList):
    """An OptionList whose rendered lines survive a resize that keeps its width."""

    #: The width of the content the cached lines were rendered for.
    _rendered_width: int | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        width = self.scrollable_content_region.width
        if width != self._rendered_width:  # lines of another width (or of none yet)
            self._option_render_cache.clear()
            self._line_cache.clear()
            self._rendered_width = width
        return super().render_lines(crop)

    def on_resize(self, event: events.Resize) -> None:
        if self.scrollable_content_region.width == self._rendered_width:
            event.prevent_default()  # OptionList's own handler would drop the lines
            self.refresh()
