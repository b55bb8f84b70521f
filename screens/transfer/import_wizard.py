"""The roster import wizard: pick a file, map its columns, preview every row, confirm.

Nothing is written until the last step is confirmed; then the whole import is one store
transaction. The slow parts (reading the file, matching every row against the directory,
writing) run in worker threads that only post messages back, while a loading indicator
(reading, matching) or a progress bar (writing) shows; a failure writes nothing.

Keys: ctrl+n next step, escape back a step (or close), ctrl+s import (on the preview);
on the preview u / k / a choose update / keep / add for the highlighted matching row,
shift+U / K / A for every match.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from pydantic import ValidationError
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import (
    ContentSwitcher,
    DataTable,
    DirectoryTree,
    Input,
    Label,
    LoadingIndicator,
    ProgressBar,
    Select,
    Static,
)
from textual.worker import get_current_worker

from nextgen_tui.errors import ImportFileError, StoreError
from nextgen_tui.models import RoleKind, explain
from nextgen_tui.text.visible import visible
from nextgen_tui.transfer.apply import apply
from nextgen_tui.transfer.plan import CHOICE_HELP, Choice, ImportPlan, Outcome, build_plan
from nextgen_tui.transfer.spreadsheet import RawTable, load_table, rows_of
from screens.common.confirm import ConfirmScreen
from screens.common.context import store_of
from screens.common.control_pictures import ControlPictures
from screens.common.footer import KeyFooter
from screens.common.keys_input import KeysInput
from screens.common.modal import DismissOnce
from screens.transfer.import_preview import ImportPreview
from screens.transfer.import_widgets import (
    STEP_TITLES,
    ColumnMapping,
    PartnershipChooser,
    RosterFileTree,
)

STEPS = ("step-file", "step-map", "step-preview", "step-run", "step-done")


class ImportWizardScreen(DismissOnce, Screen[None]):
    """Import people and roles from a CSV or XLSX roster into one partnership."""

    DEFAULT_CSS = """
    ImportWizardScreen { padding: 0 1; }
    ImportWizardScreen #wizard-title { text-style: bold; padding: 0 1; height: auto; }
    ImportWizardScreen #steps { height: 1fr; }
    ImportWizardScreen #tree { height: 1fr; min-height: 6; border: round $panel; }
    ImportWizardScreen #preview { height: 1fr; }
    ImportWizardScreen #summary, ImportWizardScreen #done-summary { padding: 0 1; height: auto; }
    ImportWizardScreen #row-detail { max-height: 4; }
    ImportWizardScreen #run-progress { padding: 1 1; }
    ImportWizardScreen #busy { height: 1; display: none; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "next", "Next", tooltip="Go on to the next step", id="import.next"),
        Binding(
            "escape", "back", "Back", tooltip="Back a step, or close the import", id="import.back"
        ),
        Binding(
            "ctrl+s",
            "commit",
            "Import",
            tooltip="Write the previewed rows to the roster",
            id="import.commit",
        ),
        Binding(
            "u",
            "choose('update')",
            "Update",
            tooltip="Highlighted match: " + CHOICE_HELP[Choice.UPDATE],
            id="import.update",
        ),
        Binding(
            "k",
            "choose('keep')",
            "Keep",
            tooltip="Highlighted match: " + CHOICE_HELP[Choice.KEEP],
            id="import.keep",
        ),
        Binding(
            "a",
            "choose('add')",
            "Add anyway",
            tooltip="Highlighted match: " + CHOICE_HELP[Choice.ADD],
            id="import.add",
        ),
        Binding(
            "o",
            "org_kind",
            "Kind",
            tooltip="Set the kind of the highlighted row's new organization",
            id="import.org_kind",
        ),
        Binding(
            "U",
            "choose_all('update')",
            "Update all",
            show=False,
            tooltip="Every match: " + CHOICE_HELP[Choice.UPDATE],
            id="import.update_all",
        ),
        Binding(
            "K",
            "choose_all('keep')",
            "Keep all",
            show=False,
            tooltip="Every match: " + CHOICE_HELP[Choice.KEEP],
            id="import.keep_all",
        ),
        Binding(
            "A",
            "choose_all('add')",
            "Add all",
            show=False,
            tooltip="Every match: " + CHOICE_HELP[Choice.ADD],
            id="import.add_all",
        ),
    ]

    class Loaded(Message):
        """The file was read (``table``), or could not be (``error``)."""

        def __init__(self, table: RawTable | None, error: str = "") -> None:
            super().__init__()
            self.table, self.error = table, error

    class Planned(Message):
        """Every row was checked and matched (``plan``), or could not be (``error``)."""

        def __init__(self, plan: ImportPlan | None, error: str = "") -> None:
            super().__init__()
            self.plan, self.error = plan, error

    class Progressed(Message):
        def __init__(self, done: int, total: int) -> None:
            super().__init__()
            self.done, self.total = done, total

    class Finished(Message):
        def __init__(self, summary: str, error: str = "") -> None:
            super().__init__()
            self.summary, self.error = summary, error

    def __init__(self, partnership_id: int | None) -> None:
        super().__init__()
        self.partnership_id = partnership_id
        self.table: RawTable | None = None
        self.plan: ImportPlan | None = None
        self.step = STEPS[0]
        self.busy = False

    # ------------------------------------------------------------------ composition

    def compose(self) -> ComposeResult:
        store = store_of(self)
        yield Static(Content(STEP_TITLES[STEPS[0]]), id="wizard-title")
        with ContentSwitcher(initial=STEPS[0], id="steps"):
            with Vertical(id="step-file"):
                yield Label(Content("Roster file (.csv or .xlsx): type its path or pick it below"))
                yield KeysInput(
                    str(store.path.parent) + "/",
                    id="path",
                    highlighter=ControlPictures(),
                    select_on_focus=False,
                )
                yield Static("", id="file-error", classes="error", markup=False)
                if self.partnership_id is None:
                    yield PartnershipChooser(store.partnerships(), id="chooser")
                yield RosterFileTree(store.path.parent, id="tree")
            yield ColumnMapping(id="step-map")
            yield ImportPreview(id="step-preview")
            with Vertical(id="step-run"):
                yield Static(
                    Content("Importing; nothing is saved until all of it is."), classes="hint"
                )
                yield ProgressBar(total=4, show_eta=False, id="run-progress")
            with Vertical(id="step-done"):
                yield Static("", id="done-summary", markup=False)
                yield Static(Content("Press escape to close."), classes="hint")
        yield LoadingIndicator(id="busy")
        yield KeyFooter()

    def on_mount(self) -> None:
        path = self.query_one("#path", Input)
        path.cursor_position = len(path.value)
        path.focus()

    def _show(self, step: str) -> None:
        self.step = step
        self.query_one("#steps", ContentSwitcher).current = step
        self.query_one("#wizard-title", Static).update(Content(STEP_TITLES[step]))
        self.refresh_bindings()

    def _set_busy(self, busy: bool) -> None:
        """While a worker reads or matches, show the indicator and refuse to move on."""
        self.busy = busy
        # the indicator alone changes: a class on the screen would restyle every widget of
        # every step (the folder tree's rows included), a quarter of a second each time
        self.query_one("#busy", LoadingIndicator).display = busy
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.busy and action in ("next", "commit", "choose", "choose_all"):
            return False
        if action == "next":
            return self.step in ("step-file", "step-map")
        if action == "commit":
            return self.step == "step-preview"
        if action == "org_kind":
            return not self.busy and self.step == "step-preview"
        if action in ("choose", "choose_all"):
            return self.step == "step-preview" and bool(
                self.plan and self.plan.count(Outcome.MATCH)
            )
        if action == "back":
            return self.step != "step-run"
        return True

    # ------------------------------------------------------------------ step 1: the file

    @on(DirectoryTree.FileSelected, "#tree")
    def _file_picked(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        self.query_one("#path", Input).value = str(event.path)
        self.action_next()

    @on(Input.Submitted, "#path")
    def _path_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_next()

    def _load_file(self) -> None:
        error = self.query_one("#file-error", Static)
        text = self.query_one("#path", Input).value.strip()
        if not text:
            error.update(Content("Type the path of a CSV or XLSX file."))
            return
        if self.partnership_id is None:
            problem = self.query_one(PartnershipChooser).problem()
            if problem:
                error.update(Content(problem))
                return
        error.update(Content("Reading the file..."))
        self._set_busy(True)
        self._read(Path(text).expanduser())

    def _post_result(self, message: Message) -> None:
        """Post a worker's result, unless escape cancelled the worker meanwhile."""
        if not get_current_worker().is_cancelled:
            self.post_message(message)

    @work(thread=True, exclusive=True, group="import")
    def _read(self, path: Path) -> None:
        try:
            self._post_result(self.Loaded(load_table(path)))
        except ImportFileError as exc:
            self._post_result(self.Loaded(None, exc.message))
        except Exception as exc:  # a damaged file must never crash the app
            self._post_result(self.Loaded(None, f"{path.name} could not be read: {exc}"))

    def on_import_wizard_screen_loaded(self, message: Loaded) -> None:
        self._set_busy(False)
        error = self.query_one("#file-error", Static)
        if message.table is None:
            error.update(visible(message.error))
            return
        error.update("")
        self.table = message.table
        self.query_one(ColumnMapping).fill(message.table)
        self._show("step-map")
        self.query_one("#map-name", Select).focus()

    # ------------------------------------------------------------------ step 2: the mapping

    def _build_plan(self) -> None:
        assert self.table is not None
        mapping = self.query_one(ColumnMapping)
        problem = mapping.problem()
        if problem:
            mapping.show_error(problem)
            return
        if self.partnership_id is not None:
            target: int | str = self.partnership_id
            industry = region = ""
        else:
            target, industry, region = self.query_one(PartnershipChooser).choice()
        mapping.show_error("Checking every row...")
        self._set_busy(True)
        self._plan(self.table, mapping.mapping(), target, industry, region, mapping.default_role())

    @work(thread=True, exclusive=True, group="import")
    def _plan(
        self,
        table: RawTable,
        mapping: dict[str, int],
        target: int | str,
        industry: str,
        region: str,
        default_role: RoleKind | None,
    ) -> None:
        try:
            plan = build_plan(
                store_of(self),
                rows_of(table, mapping),
                partnership=target,
                industry=industry,
                region=region,
                default_role=default_role,
                source=table.source,
            )
        except (ImportFileError, StoreError) as exc:
            self._post_result(self.Planned(None, exc.message))
        else:
            self._post_result(self.Planned(plan, plan.partnership_error))

    def on_import_wizard_screen_planned(self, message: Planned) -> None:
        self._set_busy(False)
        mapping = self.query_one(ColumnMapping)
        if message.plan is None or message.error:
            mapping.show_error(message.error)
            return
        mapping.show_error("")
        self.plan = message.plan
        self.query_one(ImportPreview).fill(message.plan)
        self._show("step-preview")
        self.query_one("#preview", DataTable).focus()

    # ------------------------------------------------------------------ step 3: the preview

    def action_choose(self, choice: str) -> None:
        self.query_one(ImportPreview).choose(choice)

    def action_choose_all(self, choice: str) -> None:
        self.query_one(ImportPreview).choose_all(choice)

    def action_org_kind(self) -> None:
        self.query_one(ImportPreview).org_kind()

    # ------------------------------------------------------------------ navigation

    def action_next(self) -> None:
        if self.busy:
            return
        if self.step == "step-file":
            self._load_file()
        elif self.step == "step-map":
            self._build_plan()

    def action_back(self) -> None:
        if self.busy:  # escape while reading or matching: stop and stay on the step
            self.workers.cancel_group(self, "import")
            self._set_busy(False)
            self.query_one("#file-error", Static).update("")
            self.query_one(ColumnMapping).show_error("")
            return
        if self.step in ("step-file", "step-done"):
            self.dismiss(None)
        elif self.step == "step-map":
            self._show("step-file")
            self.query_one("#path", Input).focus()
        elif self.step == "step-preview":
            self._show("step-map")
            self.query_one("#map-name", Select).focus()

    # ------------------------------------------------------------------ step 4: commit

    def action_commit(self) -> None:
        plan = self.plan
        if plan is None or self.step != "step-preview":
            return
        if not plan.writes_anything:
            self.notify(
                "Nothing to import: every row is invalid.", severity="warning", markup=False
            )
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._show("step-run")
                self._apply(plan)

        self.app.push_screen(
            ConfirmScreen(f"{plan.summary()} Import now?", confirm_label="Import"), answered
        )

    @work(thread=True, exclusive=True, group="import")
    def _apply(self, plan: ImportPlan) -> None:
        """Write the plan off the UI thread; only messages come back."""
        store = store_of(self)

        def progress(done: int, total: int) -> None:
            self.post_message(self.Progressed(done, total))

        try:
            result = apply(store, plan, progress)
        except StoreError as exc:
            self.post_message(self.Finished("", exc.message))
        except ValidationError as exc:
            self.post_message(self.Finished("", explain(exc)))
        except (ValueError, OSError) as exc:
            self.post_message(self.Finished("", f"The import failed: {exc}"))
        else:
            self.post_message(self.Finished(result.summary()))

    def on_import_wizard_screen_progressed(self, message: Progressed) -> None:
        self.query_one("#run-progress", ProgressBar).update(
            total=message.total, progress=message.done
        )

    def on_import_wizard_screen_finished(self, message: Finished) -> None:
        if message.error:
            self.notify(
                visible(message.error) + " Nothing was imported.",
                title="Not imported",
                severity="error",
                timeout=10,
                markup=False,
            )
            self._show("step-preview")
            self.query_one("#preview", DataTable).focus()
            return
        self.query_one("#done-summary", Static).update(visible(message.summary))
        self._show("step-done")
        self.notify(visible(message.summary), title="Imported", timeout=6, markup=False)
