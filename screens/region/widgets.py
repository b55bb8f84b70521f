"""What the region view and the engagement screen share: the coverage matrix table,
the attendance chart, short dates and cells of user text (never markup)."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.content import Content
from textual.widgets import DataTable

from nextgen_tui.models import System
from nextgen_tui.region.coverage import COLUMN_LABELS, PUBLIC_SYSTEMS, Coverage, CoverageRow
from nextgen_tui.region.engagement import BARS, MeetingAttendance

#: Styles of the two sides in charts and counts.
INDUSTRY_STYLE = "bold green"
PUBLIC_STYLE = "bold blue"
EMPTY_CELL = "✗ nobody"
#: The multiplication sign, after the name of someone covering several partnerships.
TIMES = "\u00d7"
SHARED_LEGEND = (
    f"✗ nobody: a system nobody covers.  Name {TIMES}N (yellow): covers the same system in N "
    "partnerships; ask them to share the load."
)


def cell(text: str, width: int, style: str = "") -> Text:
    """User text as one table cell, cut with an ellipsis to ``width`` cells."""
    made = Text(text, style=style, no_wrap=True, overflow="ellipsis", end="")
    made.truncate(width, overflow="ellipsis")
    return made


def short_date(on: date | None, today: date) -> str:
    """``Apr 10`` this year, ``Apr 2025`` another year, ``-`` for none."""
    if on is None:
        return "-"
    return on.strftime("%b %d") if on.year == today.year else on.strftime("%b %Y")


#: Names shown in one matrix cell (the last line says how many more there are).
CELL_LINES = 3


def coverage_cell(row: CoverageRow, coverage: Coverage, system: System, width: int) -> Text:
    """The people covering one system in one row, one a line, those covering several
    partnerships first (marked with their count); ``✗ nobody`` in red when empty."""
    people = row.cells.get(system, ())
    if not people:
        return Text(EMPTY_CELL, style="bold red", no_wrap=True, end="")
    ordered = sorted(people, key=lambda pid: -min(coverage.shared.get(pid, 0), 2))
    shown = ordered if len(ordered) <= CELL_LINES else ordered[: CELL_LINES - 1]
    lines: list[Text] = []
    for pid in shown:
        count = coverage.shared.get(pid, 0)
        suffix = f" {TIMES}{count}" if count >= 2 else ""
        line = Text(coverage.names.get(pid, "?"), no_wrap=True, end="")
        line.truncate(max(width - len(suffix), 1), overflow="ellipsis")
        if suffix:
            line.stylize("bold yellow")
            line.append(suffix, style="yellow")
        lines.append(line)
    if len(shown) < len(ordered):
        lines.append(Text(f"+{len(ordered) - len(shown)} more", style="dim", end=""))
    return Text("\n", end="").join(lines)


class CoverageTable(DataTable[Text]):
    """Rows (partnerships or groups) by public systems; enter acts on the row."""

    def show(self, coverage: Coverage, width: int) -> None:
        """Fill the table to fit ``width`` cells (the label column takes what is left)."""
        self.clear(columns=True)
        columns = len(PUBLIC_SYSTEMS)
        longest = max([8, *(len(row.label) for row in coverage.rows)])
        label_width = min(longest, 26, max(12, width // 6))
        cell_width = max((width - label_width - 2 - 2 * (columns + 1)) // columns, 8)
        self.add_column(Text("Covers"), key="label", width=label_width)
        for system in PUBLIC_SYSTEMS:
            self.add_column(Text(COLUMN_LABELS[system]), key=system.value, width=cell_width)
        total = 1
        for row in coverage.rows:
            cells = [coverage_cell(row, coverage, system, cell_width) for system in PUBLIC_SYSTEMS]
            height = max(len(text.plain.splitlines()) for text in cells)
            self.add_row(cell(row.label, label_width, "bold"), *cells, key=row.key, height=height)
            total += height
        self.lines = total

    #: The lines the table needs to show every row (its header included).
    lines = 1


def attendance_chart(meetings: list[MeetingAttendance], top: int, height: int) -> Content:
    """A column chart: per meeting, an industry column and a public column, on one
    scale from zero (``top`` fills the chart), oldest meeting on the left."""
    scale = max(top, 1)
    levels = len(BARS)
    axis = len(str(scale))
    lines: list[Content] = []
    for row in reversed(range(height)):
        label = str(scale) if row == height - 1 else "0" if row == 0 else ""
        parts: list[Content] = [Content.styled(f"{label:>{axis}}│", "dim")]
        for meeting in meetings:
            for value, style in (
                (meeting.industry, INDUSTRY_STYLE),
                (meeting.public, PUBLIC_STYLE),
            ):
                eighths = round(value * height * levels / scale)
                filled = eighths - row * levels
                if filled >= levels:
                    char = "█"
                elif filled > 0:
                    char = BARS[filled - 1]
                else:
                    char = "▁" if row == 0 else " "
                    style = "dim" if row == 0 else ""
                parts.append(Content.styled(char, style))
            parts.append(Content(" "))
        lines.append(Content("").join(parts))
    return Content("\n").join(lines)
