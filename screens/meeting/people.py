"""The check-in list: the invitees matching the search, redrawn in place as each key is typed.

Each key of the search changes what the list holds, so the list is built to cost only what
changed: a person's row (``Option``) is made once for what it shows and reused while that
stays the same (a check-in or an introduction makes a new one), the lines drawn for a row
are kept across keys, and the list's size never changes with its content (the stylesheet
fixes it, scrollbar included), so a key never needs a new layout of the screen. Textual's
own ``OptionList`` clears all of that at every change of options. And the rows of everyone
who may be listed are drawn ahead, a few at a time while the app waits for keys
(:meth:`PeopleList.draw_ahead`): the first key of a name, which lists some thirty other
people, then only places lines already drawn.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from datetime import datetime
from itertools import islice
from typing import Self

from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Region, Size, Spacing
from textual.scrollbar import ScrollBar
from textual.strip import Strip
from textual.style import Style
from textual.timer import Timer
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
DRAWN_KEPT = 1024
PLACED_KEPT = 128
#: Rows drawn ahead (at most; half the drawn rows kept), how many at a time (about a
#: millisecond: a key typed meanwhile waits no longer) and the pause between two turns.
AHEAD_KEPT = DRAWN_KEPT // 2
AHEAD_BATCH = 6
AHEAD_PAUSE = 0.01


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
        self._everyone: list[Row] = []
        self._ahead: deque[Row] = deque()
        self._ahead_timer: Timer | None = None
        self._pass: _Pass | None = None

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

    def draw_ahead(self, rows: Iterable[Row]) -> None:
        """Draw ``rows`` (everyone who may be listed) ahead of time, a few at a time while
        the app is idle, so that a key listing them only places lines already drawn."""
        self._everyone = list(islice(rows, AHEAD_KEPT))
        self._ahead = deque(self._everyone)
        if self._ahead_timer is None:
            self._ahead_timer = self.set_timer(AHEAD_PAUSE, self._draw_some)

    @property
    def drawn_ahead(self) -> bool:
        """Whether every row given to :meth:`draw_ahead` is drawn."""
        return not self._ahead

    def _draw_some(self) -> None:
        self._ahead_timer = None
        width = self._row_width()
        if width <= 0:  # not laid out yet: drawn when it has a size (on_resize)
            return
        style = self.get_visual_style("option-list--option")  # a row not highlighted
        padding = self.get_component_styles("option-list--option").padding
        for row in islice(self._ahead, AHEAD_BATCH):
            self._drawn_lines(self.option_for(row), style, padding, width)
        for _ in range(min(AHEAD_BATCH, len(self._ahead))):
            self._ahead.popleft()
        if self._ahead:
            self._ahead_timer = self.set_timer(AHEAD_PAUSE, self._draw_some)

    def on_resize(self) -> None:
        # rows are drawn for a width: a new width draws everyone ahead again
        self.draw_ahead(self._everyone)

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
        else:  # each run of lines that changed, as one region
            changed = [old != new for old, new in zip(before, self._visible_lines(), strict=True)]
            for start, count in _runs(changed):
                self.refresh_lines(top + start, count)
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

    def render_lines(self, crop: Region) -> list[Strip]:
        # What every line drawn in this pass shares is looked up once: OptionList looks
        # it all up again for each line (the size, scroll, styles: a tenth of a
        # millisecond a line), and a key that changes the whole list draws forty lines.
        self._update_lines()
        self._pass = _Pass(self)
        try:
            return super().render_lines(crop)
        finally:
            self._pass = None

    def render_line(self, y: int) -> Strip:
        drawing = self._pass
        if drawing is None:
            return super().render_line(y)
        try:
            index, offset = drawing.lines[drawing.top + y]
            option = self.options[index]
        except IndexError:
            return drawing.blank()
        if option.disabled:  # never in this list; drawn as OptionList draws it
            return super().render_line(y)
        strips = self._placed_lines(option, drawing.style(index), drawing.padding, drawing.width)
        return strips[offset] if offset < len(strips) else drawing.blank()

    def _get_option_render(self, option: Option, style: Style) -> list[Strip]:
        # OptionList draws each option again after any change of options; here the lines
        # of a row are kept while the row is the same (typing the next letter mostly
        # lists the same people again), and only the option index a click reports is
        # applied for where the row is now. The list has no separators (dividers).
        padding = self.get_component_styles("option-list--option").padding
        return self._placed_lines(option, style, padding, self._row_width())

    def _placed_lines(
        self, option: Option, style: Style, padding: Spacing, width: int
    ) -> list[Strip]:
        """The lines of a row where it is listed (a click reports its index)."""
        index = self._option_to_index[option]
        placed_key = (option, style, padding, width, index)
        placed = self._placed.get(placed_key)
        if placed is not None:
            return placed
        drawn = self._drawn_lines(option, style, padding, width)
        placed = [strip.apply_meta({"option": index}) for strip in drawn]
        self._placed[placed_key] = placed
        return placed

    def _row_width(self) -> int:
        return self.scrollable_content_region.width - self._get_left_gutter_width()

    def _drawn_lines(
        self, option: Option, style: Style, padding: Spacing, width: int
    ) -> list[Strip]:
        """The lines of a row drawn in ``style`` at ``width``, drawn once."""
        key = (option, style, padding, width)
        drawn = self._drawn.get(key)
        if drawn is None:
            visual = self._get_visual(option)
            if padding:
                visual = Padding(visual, padding)
            drawn = [
                strip.extend_cell_length(width, style.rich_style)
                for strip in visual.to_strips(self, visual, width, None, style)
            ]
            self._drawn[key] = drawn
        return drawn


class _Pass:
    """What the lines drawn in one pass of :meth:`PeopleList.render_lines` share."""

    def __init__(self, people: PeopleList) -> None:
        self.people = people
        self.lines = people._line_cache.lines
        self.top = people.scroll_offset.y
        self.highlighted = people.highlighted
        self.hovered = people._mouse_hovering_over
        self.padding = people.get_component_styles("option-list--option").padding
        self.width = people._row_width()
        self.plain = people.get_visual_style("option-list--option")
        self._styles: dict[str, Style] = {}

    def style(self, index: int) -> Style:
        """The style of the option at ``index`` (highlighted, under the mouse or not)."""
        if index == self.highlighted:
            part = "option-list--option-highlighted"
        elif index == self.hovered:
            part = "option-list--option-hover"
        else:
            return self.plain
        style = self._styles.get(part)
        if style is None:
            style = self._styles[part] = self.people.get_visual_style("option-list--option", part)
        return style

    def blank(self) -> Strip:
        """A line below the last option."""
        width = self.people.scrollable_content_region.width
        return Strip.blank(width, self.plain.rich_style)


def _runs(flags: Sequence[bool]) -> list[tuple[int, int]]:
    """``(start, length)`` of each run of true flags."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for y, flag in enumerate([*flags, False]):
        if flag and start is None:
            start = y
        elif not flag and start is not None:
            runs.append((start, y - start))
            start = None
    return runs


def _same(options: Sequence[Option], shown: Sequence[Option]) -> bool:
    return len(options) == len(shown) and all(a is b for a, b in zip(options, shown, strict=True))
