"""The check-in list: the invitees matching the search, redrawn in place as each key is typed.

Each key of the search changes what the list holds, so the list is built to cost only what
changed: a person's row (``Option``) is made once for what it shows and reused while that
stays the same (a check-in or an introduction makes a new one), the lines drawn for a row
are kept across keys, and the list's size never changes with its content (the stylesheet
fixes it, scrollbar included), so a key never needs a new layout of the screen. Textual's
own ``OptionList`` clears all of that at every change of options.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Self

from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Region, Size, Spacing
from textual.scrollbar import ScrollBar
from textual.strip import Strip
from textual.style import Style
from textual.visual import Padding
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from nextgen_tui.meeting.checkin import Invitee
from screens.meeting.widgets import fill

#: What one row shows: the person, when they arrived (``None``: not yet), introduced.
Row = tuple[Invitee, datetime | None, bool]
#: Rows kept for reuse; more than any list holds (all invitees, each as arrived or not).
ROWS_KEPT = 4096
#: Rows whose drawn lines are kept (each highlighted or not), and rows kept drawn where
#: they are listed: each kept line holds several objects the garbage collector walks.
DRAWN_KEPT = 512
PLACED_KEPT = 128


def person_prompt(person: Invitee, arrived: datetime | None, introduced: bool) -> Content:
    """``✓ Name — Company (observer) champion · 09:30 · introduced`` (the facilitator is
    shown as the facilitator, not an observer; arrival time last, so a
    narrow list wastes no column on people who have not arrived)."""
    mark: tuple[str, str] = ("✓ ", "green") if arrived else ("· ", "dim")
    parts: list[str | tuple[str, str]] = [mark, (person.name, "bold" if arrived else "")]
    if person.organization:
        parts.append((f" — {person.organization}", "dim"))
    if person.facilitator:
        parts.append((" (facilitator)", "italic"))
    elif person.unknown:
        parts.append((" (kind unknown)", "italic"))
    elif person.observer:
        parts.append((" (observer)", "italic"))
    if person.champion:
        parts.append((" champion", "italic"))
    if person.declined and not arrived:
        parts.append((" (declined)", "dim italic"))
    if arrived:
        parts.append((f" · {arrived:%H:%M}", "green"))
    if introduced:
        parts.append((" · introduced", "green"))
    return Content.assemble(*parts)


class PeopleList(OptionList):
    """Invitees matching the search; enter checks the highlighted person in.

    A letter typed here goes to the search box above (a name is being typed), so no
    single letter acts on the list or the app.
    """

    BINDINGS = [
        Binding(
            "delete",
            "screen.undo_check_in",
            "Undo check-in",
            tooltip="Take back the check-in of the highlighted person",
            id="meeting.undo_check_in",
        ),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: dict[Row, Option] = {}
        # a row's drawn lines by (its option, style, padding, width), wherever it is listed
        self._drawn: LRUCache[tuple[Option, Style, Spacing, int], list[Strip]]
        self._drawn = LRUCache(DRAWN_KEPT)
        # ... and with the position a click reports (the option's index), by position too
        self._placed: LRUCache[tuple[Option, Style, Spacing, int, int], list[Strip]]
        self._placed = LRUCache(PLACED_KEPT)
        self._showing = False

    def on_key(self, event: events.Key) -> None:
        if event.is_printable and event.character and event.character != " ":
            event.stop()
            event.prevent_default()
            search = self.screen.query_one("#checkin-search", Input)
            self.screen.set_focus(search)
            if search.selection.is_empty:
                search.insert_text_at_cursor(event.character)
            else:  # the name checked in last is selected: the next one replaces it
                search.replace(event.character, *search.selection)

    def option_for(self, row: Row) -> Option:
        """The row's option: the same one while the person and what is shown stay the same."""
        option = self._rows.get(row)
        if option is None:
            if len(self._rows) >= ROWS_KEPT:
                self._rows.clear()
            person, arrived, introduced = row
            option = Option(person_prompt(person, arrived, introduced), id=f"p{person.person_id}")
            self._rows[row] = option
        return option

    def show(self, rows: Iterable[Row], keep: str | None = None) -> int:
        """List ``rows``, highlighting ``keep`` (an option id) or near where the highlight
        was (see :func:`fill`); returns how many are listed. Only the lines that now show
        something else are drawn again."""
        options = [self.option_for(row) for row in rows]
        top, before = self.scroll_offset.y, self._visible_lines()
        self._showing = True
        try:
            if _same(options, self.options):  # the key narrowed nothing: the highlight only
                index = next((i for i, o in enumerate(options) if keep and o.id == keep), None)
                if index is not None:
                    self.highlighted = index
                elif options:
                    self.highlighted = min(self.highlighted or 0, len(options) - 1)
            else:
                fill(self, options, keep)
        finally:
            self._showing = False
        if self.scroll_offset.y != top:
            self.refresh()
        else:
            for y, (old, new) in enumerate(zip(before, self._visible_lines(), strict=True)):
                if old != new:
                    self.refresh_lines(top + y)
        return len(options)

    def _visible_lines(self) -> list[tuple[Option, int, int, bool, bool] | None]:
        """What each line in view shows: the option, which of its lines, its index (a
        click reports it), highlighted, under the mouse; ``None`` below the last."""
        top = self.scroll_offset.y
        lines = self._lines
        shown: list[tuple[Option, int, int, bool, bool] | None] = []
        for y in range(top, top + self.scrollable_content_region.height):
            if y >= len(lines):
                shown.append(None)
                continue
            index, offset = lines[y]
            shown.append(
                (
                    self.options[index],
                    offset,
                    index,
                    index == self.highlighted,
                    index == self._mouse_hovering_over,
                )
            )
        return shown

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> Self:
        # While show() puts new rows in, nothing is drawn here: show() then draws the lines
        # that changed (or all of them if the list scrolled). And no layout: the list's
        # size comes from the stylesheet (1fr high, the panel's width, a scrollbar always),
        # never from how many rows it holds, so the new scroll height (set with the
        # scrollbar by OptionList) needs no new layout of the whole screen, which Textual
        # would do for each key typed.
        if self._showing:
            return super().refresh(repaint=False, recompose=recompose)
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def _scroll_update(self, virtual_size: Size) -> None:
        # A new number of rows resizes the scrollbar's thumb, and Textual draws the bar
        # again; while every row fits before and after, the bar has no thumb to move.
        bar = self.vertical_scrollbar
        fits = bar.window_size and max(bar.window_virtual_size, virtual_size.height) <= (
            bar.window_size
        )
        if self._showing and fits:
            bar.set_reactive(ScrollBar.window_virtual_size, virtual_size.height)
            self.scroll_y = self.validate_scroll_y(self.scroll_y)
            return
        super()._scroll_update(virtual_size)

    def _get_option_render(self, option: Option, style: Style) -> list[Strip]:
        # OptionList draws each option again after any change of options; here the lines
        # of a row are kept while the row is the same (typing the next letter mostly
        # lists the same people again), and only the option index a click reports is
        # applied for where the row is now. The list has no separators (dividers).
        padding = self.get_component_styles("option-list--option").padding
        width = self.scrollable_content_region.width - self._get_left_gutter_width()
        index = self._option_to_index[option]
        placed_key = (option, style, padding, width, index)
        placed = self._placed.get(placed_key)
        if placed is not None:
            return placed
        drawn_key = (option, style, padding, width)
        drawn = self._drawn.get(drawn_key)
        if drawn is None:
            visual = self._get_visual(option)
            if padding:
                visual = Padding(visual, padding)
            drawn = [
                strip.extend_cell_length(width, style.rich_style)
                for strip in visual.to_strips(self, visual, width, None, style)
            ]
            self._drawn[drawn_key] = drawn
        placed = [strip.apply_meta({"option": index}) for strip in drawn]
        self._placed[placed_key] = placed
        return placed


def _same(options: Sequence[Option], shown: Sequence[Option]) -> bool:
    return len(options) == len(shown) and all(a is b for a, b in zip(options, shown, strict=True))
