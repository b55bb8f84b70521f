"""Export a partnership: choose what to write and where, then write it in a worker.

The default file goes beside the data file, named after the partnership and the export
(``advanced-manufacturing-north-valley-status.md``). The snapshot is taken on the UI thread;
rendering and the atomic write happen in a worker thread that only posts the result back.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, LoadingIndicator, Select, Static

from nextgen_tui.errors import ExportError, StoreError
from nextgen_tui.models.snapshot import PartnershipSnapshot
from nextgen_tui.text.visible import visible
from nextgen_tui.transfer.exports import (
    FORMAT_LABELS,
    default_filename,
    export_to,
    refuse_roster_files,
)
from screens.common.confirm import ConfirmScreen
from screens.common.context import store_of
from screens.common.control_pictures import ControlPictures
from screens.common.modal import DismissOnce


class ExportScreen(DismissOnce, ModalScreen[None]):
    """Write a roster, report, letter, meeting summary or calendar of one partnership."""

    DEFAULT_CLASSES = "dialog-screen"
    DEFAULT_CSS = """
    ExportScreen > Vertical { width: 84; max-width: 100%; }
    ExportScreen Label { color: $text-muted; padding: 0 1; margin-top: 1; }
    ExportScreen LoadingIndicator { height: 1; display: none; }
    ExportScreen LoadingIndicator.-busy { display: block; }
    ExportScreen #export-buttons { height: auto; align-horizontal: right; padding-top: 1; }
    ExportScreen #export-buttons Button { margin-left: 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "export", "Export", tooltip="Write the file", id="export.write"),
        Binding("escape", "cancel", "Cancel", tooltip="Close without writing", id="export.cancel"),
    ]

    class Written(Message):
        def __init__(self, path: Path | None, error: str = "") -> None:
            super().__init__()
            self.path, self.error = path, error

    def __init__(self, partnership_id: int) -> None:
        super().__init__()
        self.partnership_id = partnership_id
        self._auto_path = ""
        self._busy = False

    def compose(self) -> ComposeResult:
        store = store_of(self)
        name = store.partnership(self.partnership_id).name
        self._auto_path = str(store.path.parent / default_filename("csv", name))
        with Vertical(classes="dialog"):
            yield Static(
                Content.from_markup("Export $name", name=name),
                id="export-title",
                classes="dialog-title",
            )
            yield Label(Content("What to export"))
            yield Select[str](
                [(label, key) for key, label in FORMAT_LABELS.items()],
                allow_blank=False,
                value="csv",
                id="format",
            )
            yield Label(Content("Write to"))
            yield Input(
                self._auto_path, id="out", highlighter=ControlPictures(), select_on_focus=False
            )
            yield Static("", id="export-error", classes="error", markup=False)
            yield LoadingIndicator()
            with Horizontal(id="export-buttons"):
                yield Button("Export (ctrl+s)", variant="primary", id="export-go")
                yield Button("Cancel (esc)", id="export-cancel")

    def on_mount(self) -> None:
        self.query_one("#format", Select).focus()

    @on(Select.Changed, "#format")
    def _format_changed(self, event: Select.Changed) -> None:
        """Follow the format with the file name, unless the user typed their own path."""
        out = self.query_one("#out", Input)
        if out.value == self._auto_path and isinstance(event.value, str):
            store = store_of(self)
            name = store.partnership(self.partnership_id).name
            self._auto_path = str(Path(out.value).parent / default_filename(event.value, name))
            out.value = self._auto_path

    @on(Input.Submitted, "#out")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_export()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "export-go":
            self.action_export()
        else:
            self.action_cancel()

    def action_cancel(self) -> None:
        if not self._busy:
            self.dismiss(None)

    def _error(self, message: str) -> None:
        self.query_one("#export-error", Static).update(visible(message))

    def action_export(self) -> None:
        if self._busy:
            return
        fmt = self.query_one("#format", Select).value
        text = self.query_one("#out", Input).value.strip()
        if not isinstance(fmt, str) or not text:
            self._error("Choose what to export and type the file to write.")
            return
        out = Path(text).expanduser()
        if out.is_dir():
            self._error(f"{out} is a folder; add a file name.")
            return
        if not out.parent.is_dir():
            self._error(f"The folder {out.parent} does not exist.")
            return
        store = store_of(self)
        try:
            refuse_roster_files(out, store.path)
            snapshot = store.snapshot(self.partnership_id)
        except StoreError as exc:
            self._error(exc.message)
            return
        today, now, roster = store.today(), store.clock(), store.path

        def answered(replace: bool | None) -> None:
            if replace:
                self._start(fmt, snapshot, out, roster, today, now)

        if out.exists():
            self.app.push_screen(
                ConfirmScreen(f"{visible(str(out))} exists. Replace it?", confirm_label="Replace"),
                answered,
            )
        else:
            self._start(fmt, snapshot, out, roster, today, now)

    def _start(
        self,
        fmt: str,
        snapshot: PartnershipSnapshot,
        out: Path,
        roster: Path,
        today: date,
        now: datetime,
    ) -> None:
        self._busy = True
        self._error("")
        self.query_one(LoadingIndicator).add_class("-busy")
        self._write(fmt, snapshot, out, roster, today, now)

    @work(thread=True, exclusive=True, group="export")
    def _write(
        self,
        fmt: str,
        snapshot: PartnershipSnapshot,
        out: Path,
        roster: Path,
        today: date,
        now: datetime,
    ) -> None:
        try:
            export_to(fmt, snapshot, out, roster=roster, today=today, now=now)
        except (ExportError, StoreError) as exc:
            self.post_message(self.Written(None, exc.message))
        except (OSError, ValueError) as exc:
            self.post_message(self.Written(None, f"Could not export: {exc}"))
        else:
            self.post_message(self.Written(out))

    def on_export_screen_written(self, message: Written) -> None:
        self._busy = False
        self.query_one(LoadingIndicator).remove_class("-busy")
        if message.path is None:
            self._error(message.error)
            self.notify(
                visible(message.error),
                title="Not exported",
                severity="error",
                timeout=8,
                markup=False,
            )
            return
        self.notify(
            f"Wrote {visible(str(message.path))}", title="Exported", timeout=6, markup=False
        )
        self.dismiss(None)
