"""Textual's OptionList, keeping its rendered lines through a resize that keeps its width
and across ``set_options``.

Textual's :class:`~textual.widgets.OptionList` caches each option's rendered lines and
height without the width they were made for, and drops them all on every Resize event,
including the first one, which reaches the list after the screen was laid out and
painted once. At start-up the stage view's two lists were therefore wrapped and styled
twice before the first frame reached the terminal (Textual paints once before the
terminal reports its size, then again). Here the caches are dropped when the width they
are used at changes (checked as the list renders), so a resize that keeps the width
keeps them.

``set_options`` drops them too, yet a stage view shows the same ``Option`` objects again
each time the user comes back to a stage (they are built once per change of the data):
their lines are kept, for where each is listed, so switching back to a stage draws
nothing again (a fifth of a stage switch at a thousand roles).
"""

from __future__ import annotations

from textual import events
from textual.cache import LRUCache
from textual.geometry import Region, Spacing
from textual.strip import Strip
from textual.style import Style
from textual.widgets import OptionList
from textual.widgets.option_list import Option

#: Rows whose rendered lines are kept across ``set_options`` (each highlighted or not).
KEPT_RENDERS = 2048


class SteadyOptionList(OptionList):
    """An OptionList whose rendered lines survive a resize that keeps its width."""

    #: The width of the content the cached lines were rendered for.
    _rendered_width: int | None = None

    _kept: LRUCache[tuple[Option, Style, Spacing, int], list[Strip]] | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        width = self.scrollable_content_region.width
        if width != self._rendered_width:  # lines of another width (or of none yet)
            self._option_render_cache.clear()
            self._line_cache.clear()
            if self._kept is not None:
                self._kept.clear()
            self._rendered_width = width
        return super().render_lines(crop)

    def _get_option_render(self, option: Option, style: Style) -> list[Strip]:
        # OptionList drops every rendered line on set_options; a stage view sets the same
        # Option objects again when it comes back, so their lines are kept here (for the
        # width they were made at, and the place they are listed: a click reports it)
        if self._kept is None:
            self._kept = LRUCache(KEPT_RENDERS)
        padding = self.get_component_styles("option-list--option").padding
        key = (option, style, padding, self._option_to_index[option])
        strips = self._kept.get(key)
        if strips is None:
            strips = self._kept[key] = super()._get_option_render(option, style)
        return strips

    def on_resize(self, event: events.Resize) -> None:
        if self.scrollable_content_region.width == self._rendered_width:
            event.prevent_default()  # OptionList's own handler would drop the lines
            self.refresh()
