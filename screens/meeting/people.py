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
from textual.geometry import Region, Spacing
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
#: Drawn lines kept: rows x styles (highlighted or not) x positions in the list.
LINES_KEPT = 2048


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
        # a row's lines by (row, style, padding, width): drawn once, wherever it is listed
        self._drawn: LRUCache[tuple[Option, Style, Spacing, int], list[Strip]]
        self._drawn = LRUCache(LINES_KEPT)
        # ... and with the position a click reports (the option's index), by position too
        self._placed: LRUCache[tuple[Option, Style, Spacing, int, int], list[Strip]]
        self._placed = LRUCache(LINES_KEPT)
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
        was (see :func:`fill`); returns how many are listed."""
        options = [self.option_for(row) for row in rows]
        if _same(options, self.options):  # the key narrowed nothing: only the highlight
            index = next((i for i, o in enumerate(options) if keep and o.id == keep), None)
            if index is not None:
                self.highlighted = index
            elif options:
                self.highlighted = min(self.highlighted or 0, len(options) - 1)
            return len(options)
        self._showing = True
        try:
            fill(self, options, keep)
        finally:
            self._showing = False
        return len(options)

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> Self:
        # While new rows are put in: the list's size comes from the stylesheet (1fr high,
        # the panel's width, a scrollbar always), never from how many rows it holds, so the
        # new scroll height (set with the scrollbar by OptionList) needs no new layout of
        # the whole screen, which Textual would do for each key typed.
        return super().refresh(
            *regions,
            repaint=repaint,
            layout=layout and not self._showing,
            recompose=recompose,
        )

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
