"""The directory's tables: rows given a page at a time, the first screenful painted first."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.widgets import DataTable

from screens.directory.index import Entry


class DirectoryTable(DataTable[Text]):
    """A table of people or organizations; enter edits the highlighted row.

    A DataTable spends ~0.1 ms per row it is given (it measures every cell) and repaints
    every visible cell after any addition, so it is never given the whole of a large
    directory at once: a search shows its best ``MATCHES_SHOWN`` matches, and a blank one
    a page (a screenful at once, the rest of the page after that first repaint), the next
    page being added as the cursor or the scroll nears the end. A newer fill abandons an
    older one, so a key typed meanwhile waits for a screenful, never for 10,000 rows.
    """

    BINDINGS = [
        Binding(
            "enter",
            "screen.edit",
            "Edit",
            show=False,
            tooltip="Edit the highlighted row",
            id="dir.enter",
        ),
    ]

    #: Rows added before the first repaint (the rest of the page follows it).
    FIRST_ROWS = 100
    #: Rows added at a time: the first page, and each page after it.
    PAGE_ROWS = 300
    #: The next page is added when the cursor or the scroll is this close to the end.
    AHEAD = 40
    #: The cursor stays on its row after a refill if the row is among the first this many
    #: (else it goes to the top: adding thousands of rows to reach it would freeze typing).
    KEEP_WITHIN = 600

    def __init__(self, index_name: str, **kwargs: Any) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.index_name = index_name
        self.shown: list[int] = []
        self.applied: str | None = None
        #: How many rows matched the search (more than shown when it was cut).
        self.matches = 0
        self._pending: list[Entry] = []
        self._keep: int | None = None
        self._generation = 0
        self._stale = True
        self._adding = False

    def invalidate(self) -> None:
        """The rows' contents may have changed: the next :meth:`fill` redraws them."""
        self._stale = True
        self.applied = None

    def fill(self, entries: list[Entry], keep: int | None) -> None:
        """Show ``entries`` (skipped when they are the rows shown); keep the cursor on ``keep``.

        ``shown`` lists every entry's id at once, also those of later pages.
        """
        ids = [entry.record_id for entry in entries]
        if ids == self.shown and not self._stale:
            return
        self._stale = False
        self.shown = ids
        self._generation += 1
        self._pending = []  # clearing moves the cursor: no old row may be added then
        self.clear()
        self._keep = keep if keep in ids[: self.KEEP_WITHIN] else None
        self._pending = entries
        if self._keep is not None:  # the rows down to the kept one, then its cursor
            self._add_rows(ids.index(self._keep) + 1, self._generation)
        self._add_rows(self.FIRST_ROWS, self._generation)
        self.call_after_refresh(self._add_rows, self.PAGE_ROWS - self.FIRST_ROWS, self._generation)

    @property
    def more(self) -> int:
        """How many rows are still to be added (further down than the pages shown)."""
        return len(self._pending)

    def _add_rows(self, count: int, generation: int) -> None:
        if generation != self._generation:
            return  # a newer search replaced these rows
        batch, self._pending = self._pending[:count], self._pending[count:]
        self._adding = True  # adding moves the cursor too: no page within a page
        try:
            for entry in batch:
                self.add_row(*entry.cells, key=str(entry.record_id))
        finally:
            self._adding = False
        if self._keep is not None and str(self._keep) in self.rows:
            self.move_cursor(row=self.get_row_index(str(self._keep)), animate=False)
            self._keep = None

    def _more_if_near_the_end(self) -> None:
        if self._adding or not self._pending:
            return
        near_cursor = self.cursor_row >= self.row_count - self.AHEAD
        near_scroll = self.scroll_y + self.scrollable_content_region.height >= (
            self.row_count - self.AHEAD
        )
        if near_cursor or near_scroll:
            self._add_rows(self.PAGE_ROWS, self._generation)

    def watch_cursor_coordinate(
        self, old_coordinate: Coordinate, new_coordinate: Coordinate
    ) -> None:
        super().watch_cursor_coordinate(old_coordinate, new_coordinate)
        if new_coordinate.row != old_coordinate.row:
            self._more_if_near_the_end()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if new_value > old_value:
            self._more_if_near_the_end()

    @property
    def current(self) -> int | None:
        row = self.cursor_row
        return self.shown[row] if 0 <= row < self.row_count else None
