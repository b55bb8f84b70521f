"""The first screen: the partnerships in the file, with their stage and open gaps.

Enter opens one, ``n`` creates, ``e`` edits (renames), delete removes (after a question;
ctrl+z brings it back). The blocker and warning counts are those of each partnership's
current stage, the ones that stand between it and the next stage.
"""

from __future__ import annotations

from datetime import date

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, Static

from nextgen_tui.errors import StoreError
from nextgen_tui.gaps.analysis import analyze
from nextgen_tui.gaps.catalogue import Severity
from nextgen_tui.models import Partnership
from screens.common.confirm import ConfirmScreen
from screens.common.context import READ_ONLY_WHY, read_only, save, store_of
from screens.common.footer import KeyFooter
from screens.common.header import ScreenHeader
from screens.common.lazy import push_lazy
from screens.common.navigation import NewPartnership, OpenPartnership

EMPTY_TEXT = "No partnerships yet. Press n to create the first one (ctrl+p for everything else)."


def _cell(text: str, width: int) -> Text:
    """User text as a cell, cut with an ellipsis to ``width`` cells."""
    cell = Text(text, no_wrap=True)
    cell.truncate(width, overflow="ellipsis")
    return cell


#: The text columns, whose widths follow the screen: (header, Partnership field).
TEXT_COLUMNS = (("Partnership", "name"), ("Industry", "industry"), ("Region", "region"))


def _shrink(widths: list[int], columns: tuple[int, ...], floor: int, excess: int) -> int:
    """Take up to ``excess`` columns from ``widths[columns]``, widest first, down to
    ``floor``; returns what is still in excess."""
    while excess > 0:
        widest = max(columns, key=lambda i: widths[i])
        if widths[widest] <= floor:
            break
        others = [widths[i] for i in columns if i != widest]
        cut = min(excess, max(widths[widest] - max([floor, *others]), 1))
        widths[widest] -= cut
        excess -= cut
    return excess


class PartnershipTable(DataTable[Text]):
    """The list of partnerships; enter opens the highlighted one."""

    BINDINGS = [
        Binding(
            "enter",
            "screen.open",
            "Open",
            tooltip="Open the highlighted partnership",
            id="partnerships.open",
        ),
    ]


class PartnershipsScreen(Screen[None]):
    """All partnerships of the file."""

    DEFAULT_CSS = """
    PartnershipsScreen #partnerships-empty { padding: 1 2; color: $text-muted; }
    PartnershipsScreen PartnershipTable { height: 1fr; }
    """

    BINDINGS = [
        Binding("n", "new", "New", tooltip="Create a partnership", id="partnerships.new"),
        Binding(
            "e", "edit", "Edit", tooltip="Rename or edit the partnership", id="partnerships.edit"
        ),
        Binding(
            "delete",
            "delete",
            "Delete",
            key_display="del",
            show=False,  # listed by ?: the footer keeps room for ? at 80 columns
            tooltip="Delete the partnership (ctrl+z undoes it)",
            id="partnerships.delete",
        ),
        Binding(
            "r",
            "region",
            "Region",
            tooltip="Every partnership side by side, with public-system coverage",
            id="partnerships.region",
        ),
        Binding(
            "d",
            "app.directory",
            "Directory",
            tooltip="People and organizations",
            id="partnerships.directory",
        ),
        Binding("q", "app.quit", "Quit", tooltip="Quit the app", id="partnerships.quit"),
    ]

    #: The screen width the table's columns were last sized for.
    _laid_out_width = -1
    #: Its widgets are there: the list is built the first time it is on top. A partnership
    #: opened at start-up covers it at once, and a list built for nobody to see would
    #: delay that partnership's first paint; escape shows the list, built then.
    _built = False

    def compose(self) -> ComposeResult:
        if self.is_active:
            yield from self._widgets()

    def _widgets(self) -> list[Widget]:
        self._built = True
        return [
            ScreenHeader(),
            Static(Content(EMPTY_TEXT), id="partnerships-empty"),
            PartnershipTable(cursor_type="row", zebra_stripes=True, id="partnerships-table"),
            KeyFooter(),
        ]

    def on_mount(self) -> None:
        if self._built:
            self._fill()

    async def on_screen_resume(self) -> None:
        if not self.is_active:  # another screen was pushed over it meanwhile
            return
        if self._built:
            self.reload()
        else:
            await self.mount_all(self._widgets())
            self._fill()

    def _fill(self) -> None:
        """The table's columns, and its rows."""
        table = self.query_one(PartnershipTable)
        for label, key in (
            ("Partnership", "name"),
            ("Industry", "industry"),
            ("Region", "region"),
            ("Stage", "stage"),
            ("Blockers", "blockers"),
            ("Warnings", "warnings"),
        ):
            table.add_column(Text(label), key=key)
        self.reload()

    # ------------------------------------------------------------------ data

    def reload(self) -> None:
        """Re-read the partnerships, keeping the cursor on the same one."""
        if not (self.is_mounted and self._built):
            return
        store = store_of(self)
        table = self.query_one(PartnershipTable)
        keep = self.selected_id()
        table.clear()
        partnerships = store.partnerships()
        today = store.today()
        name_width, industry_width, region_width = self._text_widths(partnerships)
        self._laid_out_width = self.app.size.width
        for partnership in partnerships:
            blockers, warnings = self._counts(partnership, today)
            table.add_row(
                _cell(partnership.name, name_width),
                _cell(partnership.industry, industry_width),
                _cell(partnership.region, region_width),
                Text(partnership.stage.label),
                Text(str(blockers), style="bold red" if blockers else "dim"),
                Text(str(warnings), style="yellow" if warnings else "dim"),
                key=str(partnership.id),
            )
        empty = not partnerships
        self.query_one("#partnerships-empty").display = empty
        table.display = not empty
        if keep is not None and str(keep) in table.rows:
            table.move_cursor(row=table.get_row_index(str(keep)))
        if not empty:
            table.focus()
        self.refresh_bindings()

    def _text_widths(self, partnerships: list[Partnership]) -> list[int]:
        """Widths of the name, industry and region columns, to fit the screen width.

        Stage (7), the two counts (8 each) and the cell padding (2 per column) take 35
        columns. Each text column wants its longest value; when they do not all fit,
        industry and region give way first, then the name, then all down to 8.
        """
        wanted = [
            max([len(header), *(cell_len(getattr(p, field)) for p in partnerships)])
            for header, field in TEXT_COLUMNS
        ]
        excess = sum(wanted) - max(self.app.size.width - 37, 30)
        for columns, floor in (((1, 2), 8), ((0,), 12), ((0, 1, 2), 8)):
            excess = _shrink(wanted, columns, floor, excess)
        return wanted

    def on_resize(self) -> None:
        # the column widths follow the screen width; a height change needs no new rows
        if self._built and self.app.size.width != self._laid_out_width:
            self.reload()

    def _counts(self, partnership: Partnership, today: date) -> tuple[int, int]:
        """Blockers and warnings of the partnership's current stage."""
        store = store_of(self)
        try:
            gaps = analyze(store.snapshot(partnership.id), today)
        except StoreError:
            return 0, 0
        current = [gap for gap in gaps if gap.stage is partnership.stage]
        blockers = sum(gap.severity is Severity.BLOCKER for gap in current)
        warnings = sum(gap.severity is Severity.WARNING for gap in current)
        return blockers, warnings

    def selected_id(self) -> int | None:
        if not self._built:
            return None
        table = self.query_one(PartnershipTable)
        if not table.row_count:
            return None
        try:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        except Exception:  # an empty or stale cursor means nothing is selected
            return None
        return int(key.value) if key.value is not None else None

    def select(self, partnership_id: int) -> None:
        if not self._built:
            return
        table = self.query_one(PartnershipTable)
        if str(partnership_id) in table.rows:
            table.move_cursor(row=table.get_row_index(str(partnership_id)))

    # ------------------------------------------------------------------ actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("new", "edit", "delete") and read_only(self):
            return False
        if action in ("edit", "delete", "open"):
            return self.is_mounted and self.selected_id() is not None
        return True

    def why_unavailable(self, action: str) -> str | None:
        if action in ("new", "edit", "delete") and read_only(self):
            return READ_ONLY_WHY
        return "highlight a partnership first" if action in ("edit", "delete", "open") else None

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        pid = self.selected_id()
        if pid is not None:
            self.post_message(OpenPartnership(pid))

    def action_new(self) -> None:
        self.post_message(NewPartnership())

    def action_region(self) -> None:
        def factory() -> Screen[None]:
            from screens.region.screen import RegionScreen

            return RegionScreen()

        push_lazy(self, factory)

    def action_edit(self) -> None:
        pid = self.selected_id()
        if pid is None:
            return

        def factory() -> Screen[int | None]:
            from screens.partnerships.partnership_form import PartnershipForm

            return PartnershipForm(pid)

        push_lazy(self, factory, lambda _result: self.reload())

    def action_delete(self) -> None:
        pid = self.selected_id()
        if pid is None:
            return
        store = store_of(self)
        name = store.partnership(pid).name

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            done = f"Deleted {name}. Press ctrl+z to bring it back."
            save(self, lambda: store.delete_partnership(pid), done=done)
            self.reload()

        question = (
            f"Delete the partnership “{name}” with its roles, launch meeting, action teams "
            "and convenings? People and organizations stay in the directory. "
            "ctrl+z undoes this."
        )
        self.app.push_screen(ConfirmScreen(question, confirm_label="Delete"), answered)
