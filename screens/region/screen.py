"""The region view: every partnership of the file side by side, and who covers each
public system in each of them.

The top table has one line per partnership (stage, the current stage's blockers and
warnings, companies engaged, industry and public people at the table, committed
champions, last and next quarterly convening, action teams active and stalled); the
matrix below has one row per partnership and one column per public system. Enter on
either opens the partnership; tab moves between them; escape goes back.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Static

from nextgen_tui.errors import StoreError
from nextgen_tui.region.coverage import region_coverage
from nextgen_tui.region.summary import PartnershipLine, region_lines
from screens.common.context import store_of
from screens.common.footer import KeyFooter
from screens.common.header import ScreenHeader
from screens.common.modal import DismissOnce
from screens.common.navigation import REGION_ID, OpenPartnership
from screens.region.widgets import (
    INDUSTRY_STYLE,
    PUBLIC_STYLE,
    SHARED_LEGEND,
    CoverageTable,
    cell,
    short_date,
)

LEGEND = (
    "Blk/Wrn: blockers and warnings of the current stage · Cos: companies engaged · "
    "Ind/Pub: industry and public people at the table · Chmp: committed champions · "
    "Teams: active/stalled"
)
#: (header, width) of the columns after the partnership's name.
COLUMNS = (
    ("Stage", 7),
    ("Blk", 3),
    ("Wrn", 3),
    ("Cos", 3),
    ("Ind/Pub", 7),
    ("Chmp", 4),
    ("Last", 8),
    ("Next", 8),
    ("Teams", 5),
)
EMPTY_TEXT = "No partnerships in this file yet: press escape, then n to create one."


class RegionTable(DataTable[Text]):
    """One line per partnership; enter opens it."""

    BINDINGS = [
        Binding(
            "enter",
            "screen.open",
            "Open",
            tooltip="Open the highlighted partnership",
            id="region.open",
        ),
    ]


class RegionMatrix(CoverageTable):
    """Partnerships by public systems; enter opens the partnership."""

    BINDINGS = [
        Binding(
            "enter",
            "screen.open",
            "Open",
            tooltip="Open the highlighted partnership",
            id="region.open_matrix",
        ),
    ]


class RegionScreen(DismissOnce, Screen[None]):
    """Every partnership of the file side by side."""

    DEFAULT_CSS = """
    RegionScreen RegionTable { height: auto; max-height: 12; }
    RegionScreen .region-title { padding: 0 1; text-style: bold; margin-top: 1; }
    RegionScreen .region-legend { padding: 0 1; color: $text-muted; }
    RegionScreen RegionMatrix { height: 1fr; min-height: 4; }
    RegionScreen #region-empty { padding: 1 2; color: $text-muted; }
    """

    BINDINGS = [
        Binding("escape", "back", "Back", tooltip="Back to the partnerships", id="region.back"),
    ]

    def __init__(self) -> None:
        super().__init__(id=REGION_ID)
        self.title = "Region: every partnership"
        self.lines: list[PartnershipLine] = []
        self._width = -1

    def compose(self) -> ComposeResult:
        yield ScreenHeader()
        yield Static(Content(EMPTY_TEXT), id="region-empty")
        yield RegionTable(cursor_type="row", zebra_stripes=True, id="region-table")
        yield Static(Content(LEGEND), classes="region-legend", id="region-legend")
        yield Static(Content("Public-system coverage"), classes="region-title")
        yield RegionMatrix(cursor_type="row", id="region-matrix")
        yield Static(Content(SHARED_LEGEND), classes="region-legend")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._width:
            self.reload()

    def reload(self) -> None:
        """Re-read every partnership and redraw both tables (the cursor stays put)."""
        if not self.is_mounted:
            return
        store = store_of(self)
        today = store.today()
        try:
            snapshots = [store.snapshot(p.id) for p in store.partnerships()]
        except StoreError as exc:
            self.notify(exc.message, severity="error", markup=False)
            return
        self._width = width = self.app.size.width
        self.lines = region_lines(snapshots, today)
        table = self.query_one(RegionTable)
        keep = self.selected_id()
        table.clear(columns=True)
        fixed = sum(w for _, w in COLUMNS) + 2 * (len(COLUMNS) + 1) + 2
        name_width = max(width - fixed, 12)
        table.add_column(Text("Partnership"), key="name", width=name_width)
        for header, column_width in COLUMNS:
            table.add_column(Text(header), key=header, width=column_width)
        for line in self.lines:
            table.add_row(*self._cells(line, name_width, today), key=str(line.partnership.id))
        matrix = self.query_one(RegionMatrix)
        matrix.show(region_coverage(snapshots), width)
        empty = not self.lines
        self.query_one("#region-empty").display = empty
        if keep is not None and str(keep) in table.rows:
            table.move_cursor(row=table.get_row_index(str(keep)))
        if not empty and not isinstance(self.focused, DataTable):
            table.focus()

    @staticmethod
    def _cells(line: PartnershipLine, name_width: int, today: date) -> list[Text]:
        people = Text(no_wrap=True, end="")
        people.append(str(line.industry), style=INDUSTRY_STYLE)
        people.append("/")
        people.append(str(line.public), style=PUBLIC_STYLE)
        teams = Text(no_wrap=True, end="")
        teams.append(str(line.teams_active))
        teams.append("/")
        teams.append(str(line.teams_stalled), style="bold red" if line.teams_stalled else "dim")
        return [
            cell(line.partnership.name, name_width),
            Text(line.partnership.stage.label),
            Text(str(line.blockers), style="bold red" if line.blockers else "dim"),
            Text(str(line.warnings), style="yellow" if line.warnings else "dim"),
            Text(str(line.companies)),
            people,
            Text(str(line.champions)),
            Text(short_date(line.last_convening, today)),
            Text(short_date(line.next_convening, today)),
            teams,
        ]

    def selected_id(self) -> int | None:
        """The partnership under the cursor of the focused table (else the top one's)."""
        focused = self.focused
        table: DataTable[Text] = (
            focused if isinstance(focused, RegionMatrix) else self.query_one(RegionTable)
        )
        if not table.row_count:
            return None
        try:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        except Exception:  # a stale cursor selects nothing
            return None
        if key is None:
            return None
        return int(key.removeprefix("partnership-"))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open":
            return self.is_mounted and self.selected_id() is not None
        return True

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        pid = self.selected_id()
        if pid is not None:
            self.post_message(OpenPartnership(pid))

    def action_back(self) -> None:
        self.dismiss()
