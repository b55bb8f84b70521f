"""The directory's tables: rows given in bulk, the first screenful painted first."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from screens.directory.index import Entry


class DirectoryTable(DataTable[Text]):
    """A table of people or organizations; enter edits the highlighted row.

    A DataTable spends ~0.1 ms per row it is given and repaints every visible cell after
    any addition, so a keystroke must give it few rows: a search shows its best
    ``MATCHES_SHOWN`` matches. The whole directory (a blank search) is added in two steps:
    a screenful at once, the rest after that first repaint; a newer fill abandons an older.
    """

    BINDINGS = [
        Binding("enter", "screen.edit", "Edit", tooltip="Edit the highlighted row", id="dir.enter"),
    ]

    #: Rows added before the first repaint (the rest follow in one go).
    FIRST_ROWS = 100

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

    def invalidate(self) -> None:
        """The rows' contents may have changed: the next :meth:`fill` redraws them."""
        self._stale = True
        self.applied = None

    def fill(self, entries: list[Entry], keep: int | None) -> None:
        """Show ``entries`` (skipped when they are the rows shown); keep the cursor on ``keep``."""
        ids = [entry.record_id for entry in entries]
        if ids == self.shown and not self._stale:
            return
        self._stale = False
        self.shown = ids
        self._generation += 1
        self.clear()
        self._keep = keep if keep in ids else None
        self._pending = entries
        self._add_rows(self.FIRST_ROWS, self._generation)

    def _add_rows(self, count: int, generation: int) -> None:
        if generation != self._generation:
            return  # a newer search replaced these rows
        batch, self._pending = self._pending[:count], self._pending[count:]
        for entry in batch:
            self.add_row(*entry.cells, key=str(entry.record_id))
        if self._keep is not None and str(self._keep) in self.rows:
            self.move_cursor(row=self.get_row_index(str(self._keep)), animate=False)
            self._keep = None
        if self._pending:
            self.call_after_refresh(self._add_rows, len(self._pending), generation)

    @property
    def current(self) -> int | None:
        row = self.cursor_row
        return self.shown[row] if 0 <= row < self.row_count else None
