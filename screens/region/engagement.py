"""One partnership's engagement over time and its public-system coverage, as pictures.

The *Engagement* tab charts the attendance at every meeting held (quarterly convenings
and action-team meetings; an industry column and a public column per meeting, on one
scale), lists those meetings with their numbers, and shows each industry leader's
attendance at the quarterly convenings as a sparkline beside their name (█ came, ▁
missed, · before they joined), those who missed the last two marked as drifted. The
*Coverage* tab is the matrix of the partnership's groups (core team, support team, each
action team) by public system. Opened from the stage view (``g``) or the palette.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Static, TabbedContent, TabPane

from nextgen_tui.errors import NotFoundError, StoreError
from nextgen_tui.region.coverage import group_coverage, region_coverage
from nextgen_tui.region.engagement import Engagement, engagement, history_bars
from nextgen_tui.text.wording import plural
from screens.common.context import store_of
from screens.common.footer import KeyFooter
from screens.common.header import ScreenHeader
from screens.common.modal import DismissOnce
from screens.region.widgets import (
    INDUSTRY_STYLE,
    PUBLIC_STYLE,
    SHARED_LEGEND,
    CoverageTable,
    attendance_chart,
    cell,
)

ENGAGEMENT = "engagement-tab"
COVERAGE = "coverage-tab"
CHART_HEIGHT = 5
NAME_WIDTH = 24
#: Rows a table shows before it scrolls.
MAX_ROWS = 12


def _key() -> Content:
    return Content.assemble(
        ("█", INDUSTRY_STYLE),
        " industry  ",
        ("█", PUBLIC_STYLE),
        " public: a pair of columns per meeting, oldest on the left",
    )


class EngagementScreen(DismissOnce, Screen[None]):
    """Engagement over time and public-system coverage of one partnership."""

    DEFAULT_CSS = """
    EngagementScreen TabPane { padding: 0 1; }
    EngagementScreen .engagement-title { text-style: bold; margin-top: 1; }
    EngagementScreen #attendance-chart { height: auto; }
    EngagementScreen .engagement-note { color: $text-muted; }
    """

    BINDINGS = [
        Binding(
            "ctrl+o",
            "switch",
            "Engagement/Coverage",
            tooltip="Switch between engagement over time and public-system coverage",
            id="engagement.switch",
        ),
        Binding("escape", "back", "Back", tooltip="Back to the stage view", id="engagement.back"),
    ]

    def __init__(self, partnership_id: int, *, coverage: bool = False) -> None:
        super().__init__()
        self.partnership_id = partnership_id
        self.initial = COVERAGE if coverage else ENGAGEMENT
        self.found: Engagement | None = None
        self._width = -1

    def compose(self) -> ComposeResult:
        yield ScreenHeader()
        with TabbedContent(initial=self.initial, id="engagement-tabs"):
            with TabPane("Engagement", id=ENGAGEMENT), VerticalScroll():
                yield Static(Content("Attendance at each meeting"), classes="engagement-title")
                yield Static(_key(), classes="engagement-note", id="chart-key")
                yield Static("", id="attendance-chart")
                yield DataTable(cursor_type="row", zebra_stripes=True, id="meetings-table")
                yield Static(
                    Content("Industry leaders at the quarterly convenings"),
                    classes="engagement-title",
                )
                yield Static("", classes="engagement-note", id="drifted")
                yield DataTable(cursor_type="row", zebra_stripes=True, id="leaders-table")
            with TabPane("Coverage", id=COVERAGE), VerticalScroll():
                yield Static(Content("Public-system coverage by group"), classes="engagement-title")
                yield CoverageTable(cursor_type="row", id="group-coverage")
                yield Static(Content(SHARED_LEGEND), classes="engagement-note")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._width:
            self.reload()

    def reload(self) -> None:
        if not self.is_mounted:
            return
        store = store_of(self)
        today = store.today()
        try:
            snapshot = store.snapshot(self.partnership_id)
            others = [store.snapshot(p.id) for p in store.partnerships()]
        except NotFoundError:
            self.notify("That partnership no longer exists.", severity="warning", markup=False)
            self.dismiss()
            return
        except StoreError as exc:
            self.notify(exc.message, severity="error", markup=False)
            return
        self.title = snapshot.partnership.name
        self.sub_title = "Engagement and coverage"
        self._width = self.app.size.width
        self.found = found = engagement(snapshot, today)
        self._show_meetings(found, today)
        self._show_leaders(found)
        shared = region_coverage(others).shared
        matrix = self.query_one(CoverageTable)
        matrix.show(group_coverage(snapshot, shared), self._width - 4)
        matrix.styles.height = matrix.lines

    def _show_meetings(self, found: Engagement, today: date) -> None:
        chart = self.query_one("#attendance-chart", Static)
        room = max((self._width - 10) // 3, 1)  # three cells a meeting, and the axis
        shown = found.meetings[-room:]
        if not shown:
            chart.update(Content.styled("No meeting with attendance recorded yet.", "dim"))
        else:
            chart.update(attendance_chart(shown, found.top, CHART_HEIGHT))
        table = self.query_one("#meetings-table", DataTable)
        table.clear(columns=True)
        for label, key, width in (
            ("Date", "date", 10),
            ("Meeting", "meeting", 28),
            ("Industry", "industry", 8),
            ("Public", "public", 6),
        ):
            table.add_column(Text(label), key=key, width=width)
        for meeting in reversed(found.meetings):
            table.add_row(
                Text(meeting.on.isoformat()),
                cell(meeting.label, 28),
                Text(str(meeting.industry), style=INDUSTRY_STYLE),
                Text(str(meeting.public), style=PUBLIC_STYLE),
                key=str(meeting.convening_id),
            )
        table.display = bool(found.meetings)
        table.styles.height = min(len(found.meetings), MAX_ROWS) + 1

    def _show_leaders(self, found: Engagement) -> None:
        drifted = found.drifted
        note = self.query_one("#drifted", Static)
        if not found.quarterly:
            note.update(Content("No quarterly convening held yet."))
        elif drifted:
            names = ", ".join(leader.name for leader in drifted)
            note.update(
                Content.assemble(
                    (f"Drifted ({plural(len(drifted), 'leader')} missed the last two): ", "bold"),
                    names,
                )
            )
        else:
            note.update(Content("Nobody has drifted: every leader came to one of the last two."))
        table = self.query_one("#leaders-table", DataTable)
        table.clear(columns=True)
        history_width = max(len(found.quarterly), 7)
        for label, key, width in (
            ("Industry leader", "name", NAME_WIDTH),
            ("History", "history", history_width),
            ("Came", "came", 7),
            ("", "drifted", 7),
        ):
            table.add_column(Text(label), key=key, width=width)
        for leader in found.leaders:
            table.add_row(
                cell(leader.name, NAME_WIDTH, "bold red" if leader.drifted else ""),
                Text(history_bars(leader), style=INDUSTRY_STYLE),
                Text(f"{leader.came} of {leader.expected}"),
                Text("drifted", style="bold red") if leader.drifted else Text(""),
                key=str(leader.person_id),
            )
        table.display = bool(found.leaders)
        table.styles.height = min(len(found.leaders), MAX_ROWS) + 1

    def action_switch(self) -> None:
        tabs = self.query_one(TabbedContent)
        tabs.active = COVERAGE if tabs.active == ENGAGEMENT else ENGAGEMENT

    def action_back(self) -> None:
        self.dismiss()
