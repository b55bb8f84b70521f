"""The import wizard and the export dialog, driven with Pilot (in a small app holding a
store, and from the whole app's command palette)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, LoadingIndicator, ProgressBar, Select, Static

from nextgen_tui.app import RosterApp
from nextgen_tui.errors import StoreError
from nextgen_tui.models import ChampionStatus, OrgKind, RoleAssignment, RoleKind
from nextgen_tui.store.repository import Store
from nextgen_tui.transfer.spreadsheet import RawTable, load_table
from screens.common.stylesheet import STYLESHEET
from screens.transfer.export_dialog import ExportScreen
from screens.transfer.import_widgets import RosterFileTree
from screens.transfer.import_wizard import ImportWizardScreen
from tests.support import factories as f
from tests.support.app_ui import run_palette_command, stage_screen, wait
from tests.support.notices import Notices


class _App(App[None]):
    CSS_PATH = STYLESHEET  # the shared stylesheet, as the real app loads it

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


async def _wait_for_import(app: App[None]) -> None:
    """Wait for the wizard's workers (not all workers: the file tree's loader never ends)."""
    workers = [w for w in app.workers if w.group == "import"]
    if workers:  # an empty list would mean "every worker"
        await app.workers.wait_for_complete(workers)


async def _next(app: App[None], pilot: Pilot[None]) -> None:
    """ctrl+n, then wait for the worker that reads the file or checks the rows."""
    await pilot.press("ctrl+n")
    await _wait_for_import(app)
    await pilot.pause()


async def _import_file(
    app: App[None], pilot: Pilot[None], screen: ImportWizardScreen, roster: Path
) -> None:
    """Name the file, accept the mapping and the preview, confirm, wait for the write."""
    screen.query_one("#path", Input).value = str(roster)
    await _next(app, pilot)
    await _next(app, pilot)
    await pilot.press("ctrl+s")
    await pilot.pause()
    await pilot.press("y")
    await _wait_for_import(app)
    await pilot.pause()


def _cell_texts(table: DataTable[object]) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_wizard_explains_a_missing_file_then_imports_a_csv_into_the_partnership(
    store: Store, tmp_path: Path
) -> None:
    """A missing file is explained and the wizard stays on the step (the path kept); then
    a CSV is mapped, previewed (kinds guessed, a kind said by hand, names literal, the
    reason of an invalid row), confirmed and imported into the partnership."""
    p = f.partnership(store)
    roster = _write(
        tmp_path / "roster.csv",
        "Full Name,Company,E-mail,Roles,Champion status\n"
        "Ann Lee,Acme,ann@acme.org,champion,committed\n"
        "Bob [/],Valley College,bob@valley.edu,core_team,\n"
        "No Org,,x@y.org,core_team,\n",
    )
    app = _App(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(ImportWizardScreen(p.id))
        await pilot.pause()
        # a missing file is explained, and the wizard stays on the step
        app.screen.query_one("#path", Input).value = str(tmp_path / "missing.csv")
        await _next(app, pilot)
        error = str(app.screen.query_one("#file-error", Static).render())
        assert "There is no file at" in error, "missing: explained"
        assert app.screen.query_one("#path", Input).value.endswith("missing.csv"), "kept"
        app.screen.query_one("#path", Input).value = str(roster)
        await _next(app, pilot)
        assert app.screen.query_one("#map-name", Select).value == 0
        assert app.screen.query_one("#map-organization", Select).value == 1
        await _next(app, pilot)
        rows = _cell_texts(app.screen.query_one("#preview", DataTable))
        assert [r[1] for r in rows] == ["new", "new", "invalid"]
        assert "Organization is empty" in rows[2][6]
        # the kind that will be stored, guessed from the name where the file says none
        assert [r[4] for r in rows[:2]] == [
            "Unknown (not said yet) (guess)",
            "Community college (guess)",
        ]
        await pilot.press("o")  # Acme is a company: say so
        await pilot.pause()
        assert type(app.screen).__name__ == "OrgKindScreen"
        await pilot.press("home", "enter")
        await pilot.pause()
        rows = _cell_texts(app.screen.query_one("#preview", DataTable))
        assert rows[0][4] == "Company" and "kind" not in rows[0][6]
        assert rows[1][2] == "Bob [/]"  # literal, not markup
        assert store.people() == []  # nothing written before confirming
        await pilot.press("down", "down")  # the whole reason of the highlighted row
        detail = str(app.screen.query_one("#row-detail", Static).render())
        assert detail == "Row 4 (No Org): The Organization is empty"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await _wait_for_import(app)
        await pilot.pause()
        summary = app.screen.query_one("#done-summary", Static)
        assert "2 people added" in str(summary.render())
        assert "Skipped 1 row that could not be imported (row 4)" in str(summary.render())
    names = sorted(person.name for person in store.people())
    assert names == ["Ann Lee", "Bob [/]"]
    roles = {store.person(r.person_id).name: r for r in store.roles(partnership_id=p.id)}
    assert roles["Ann Lee"].role is RoleKind.CHAMPION
    assert roles["Ann Lee"].champion is not None
    assert roles["Ann Lee"].champion.status is ChampionStatus.COMMITTED
    assert roles["Bob [/]"].role is RoleKind.CORE_TEAM
    kinds = {o.name: o.kind for o in store.organizations()}
    assert kinds == {"Acme": OrgKind.COMPANY, "Valley College": OrgKind.COMMUNITY_COLLEGE}


async def test_wizard_maps_an_unknown_column_by_hand_and_chooses_update(
    store: Store, tmp_path: Path
) -> None:
    p = f.partnership(store)
    acme = f.org(store, "Acme")
    f.person(store, "José Núñez", acme, title="Old title")
    roster = _write(
        tmp_path / "roster.csv",
        "Name,Company,Job description\njose nunez,ACME,Plant manager\n",
    )
    app = _App(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(ImportWizardScreen(p.id))
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(roster)
        await _next(app, pilot)
        assert app.screen.query_one("#map-title", Select).value is Select.NULL
        app.screen.query_one("#map-title", Select).value = 2  # "Job description"
        await _next(app, pilot)
        table = app.screen.query_one("#preview", DataTable)
        assert _cell_texts(table)[0][1] == "match: keep"
        table.focus()
        await pilot.press("u")
        await pilot.pause()
        assert _cell_texts(table)[0][1] == "match: update"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await _wait_for_import(app)
        await pilot.pause()
    people = store.people()
    assert len(people) == 1
    assert people[0].title == "Plant manager"


async def test_wizard_creates_a_new_partnership_when_none_is_given(
    store: Store, tmp_path: Path
) -> None:
    roster = _write(tmp_path / "r.csv", "Name,Organization\nAnn,Acme\n")
    app = _App(store)
    async with app.run_test(size=(120, 50)) as pilot:
        await app.push_screen(ImportWizardScreen(None))
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(roster)
        await _next(app, pilot)
        assert "type the name of a new one" in str(
            app.screen.query_one("#file-error", Static).render()
        )
        app.screen.query_one("#new-name", Input).value = "Health Care, East"
        await _next(app, pilot)
        app.screen.query_one("#default-role", Select).value = RoleKind.CONVENING_TEAM.value
        await _next(app, pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await _wait_for_import(app)
        await pilot.pause()
    created = store.partnership_by_name("Health Care, East")
    assert created is not None
    assert [r.role for r in store.roles(partnership_id=created.id)] == [RoleKind.CONVENING_TEAM]


async def test_export_dialog_writes_the_chosen_format_beside_the_data_file(
    store: Store, tmp_path: Path
) -> None:
    p = f.partnership(store)
    f.champion(store, p, f.person(store, "[b]bold[/b] Lee", f.org(store, "Acme")))
    app = _App(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(ExportScreen(p.id))
        await pilot.pause()
        out = app.screen.query_one("#out", Input)
        assert out.value == str(tmp_path / "advanced-manufacturing-north-valley-roster.csv")
        app.screen.query_one("#format", Select).value = "letter"
        await pilot.pause()
        assert out.value.endswith("-invite-letter.md")
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
    letter = (tmp_path / "advanced-manufacturing-north-valley-invite-letter.md").read_text()
    assert "\\[b\\]bold\\[/b\\] Lee" in letter


async def test_import_and_export_open_from_the_command_palette(store: Store) -> None:
    p = f.partnership(store)
    app = RosterApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait(pilot)
        stage_screen(app)
        for query, screen_type in (("import roster", ImportWizardScreen), ("export", ExportScreen)):
            await run_palette_command(pilot, query)
            screen = app.screen
            assert isinstance(screen, screen_type), screen
            assert screen.partnership_id == p.id
            await pilot.press("escape")
            await wait(pilot)
            stage_screen(app)


async def test_reading_runs_in_a_worker_behind_a_loading_indicator(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    p = f.partnership(store)
    roster = _write(tmp_path / "r.csv", "Name,Organization\nAnn,Acme\n")
    release = threading.Event()
    real = load_table

    def slow_load(path: Path) -> RawTable:
        release.wait(10)
        return real(path)

    monkeypatch.setattr("screens.transfer.import_wizard.load_table", slow_load)
    app = _App(store)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = ImportWizardScreen(p.id)
        await app.push_screen(screen)
        screen.query_one("#path", Input).value = str(roster)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.busy
        assert screen.query_one("#busy", LoadingIndicator).display
        assert "Reading the file" in str(screen.query_one("#file-error", Static).render())
        await pilot.press("ctrl+n")  # refused while reading: one worker at a time
        await pilot.press("escape")  # stops waiting, stays on the step
        await pilot.pause()
        assert not screen.busy and screen.step == "step-file" and app.screen is screen
        release.set()
        await _wait_for_import(app)
        await pilot.pause()
        assert screen.step == "step-file"  # the cancelled read's result is dropped
        await _next(app, pilot)
        assert screen.step == "step-map"
        assert not screen.query_one("#busy", LoadingIndicator).display


async def test_a_file_that_is_not_a_roster_is_explained_then_progress_reaches_the_end(
    store: Store, tmp_path: Path
) -> None:
    """A file that is not a roster is explained (the wizard stays on the step); then a
    roster named in the same wizard is imported and the progress bar reaches its end."""
    p = f.partnership(store)
    letter = _write(tmp_path / "letter.csv", "Dear all,\nsee you Monday.\n")
    roster = _write(tmp_path / "r.csv", "Name,Organization\nAnn,Acme\n")
    app = _App(store)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = ImportWizardScreen(p.id)
        await app.push_screen(screen)
        screen.query_one("#path", Input).value = str(letter)
        await _next(app, pilot)
        assert screen.step == "step-file", "not a roster: stays on the step"
        error = str(screen.query_one("#file-error", Static).render())
        assert "letter.csv is not a roster" in error, "not a roster: explained"
        await _import_file(app, pilot, screen, roster)
        bar = screen.query_one("#run-progress", ProgressBar)
        assert (bar.progress, bar.total) == (4, 4), "progress: at its end"
        assert screen.step == "step-done", "progress: the last step"


async def test_a_failed_import_writes_nothing_and_returns_to_the_preview(
    store: Store,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    notices: Notices,
) -> None:
    p = f.partnership(store)
    roster = _write(tmp_path / "r.csv", "Name,Organization,Roles\nAnn,Acme,core_team\n")
    before = db_path.read_bytes()
    real = Store.save_many

    def failing(self: Store, records: Any, label: str = "Save records") -> Any:
        if records and isinstance(records[0], RoleAssignment):
            raise StoreError("The disk is full.")
        return real(self, records, label)

    monkeypatch.setattr(Store, "save_many", failing)
    app = _App(store)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = ImportWizardScreen(p.id)
        await app.push_screen(screen)
        await _import_file(app, pilot, screen, roster)
        assert screen.step == "step-preview"
        assert "The disk is full. Nothing was imported." in notices.messages
    assert db_path.read_bytes() == before
    assert store.people() == [] and store.organizations() == []


async def test_export_dialog_explains_a_failure_then_asks_before_replacing_a_file(
    store: Store, tmp_path: Path
) -> None:
    """An export that fails (nothing to put in a calendar) is explained and the dialog
    stays open, writing nothing; then replacing an existing file is asked first ("n"
    writes nothing, "y" replaces it)."""
    p = f.partnership(store)
    out = tmp_path / "status.md"
    out.write_text("keep me")
    app = _App(store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = ExportScreen(p.id)
        await app.push_screen(screen)
        await pilot.pause()
        screen.query_one("#format", Select).value = "ics"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is screen, "failure: the dialog stays open"
        error = str(screen.query_one("#export-error", Static).render())
        assert "nothing to put in a calendar" in error, "failure: explained"
        assert not list(tmp_path.glob("*.ics")), "failure: nothing written"
        screen.query_one("#format", Select).value = "report"
        screen.query_one("#out", Input).value = str(out)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("n")  # no: nothing written, the dialog stays
        await pilot.pause()
        assert app.screen is screen and out.read_text() == "keep me", "replace: 'n' keeps it"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is not screen
    assert out.read_text().startswith("# Status report: Advanced Manufacturing, North Valley")


async def test_wizard_picks_the_file_from_the_tree(store: Store, tmp_path: Path) -> None:
    p = f.partnership(store)
    _write(tmp_path / "people.csv", "Name,Organization\nAnn,Acme\n")
    (tmp_path / "notes.md").write_text("not offered: not a spreadsheet")
    app = _App(store)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = ImportWizardScreen(p.id)
        await app.push_screen(screen)
        tree = screen.query_one("#tree", RosterFileTree)
        for _ in range(50):  # the tree lists the folder in its own worker
            await pilot.pause(0.02)
            if tree.root.children:
                break
        labels = [str(node.label) for node in tree.root.children]
        assert "people.csv" in labels and "notes.md" not in labels
        tree.focus()
        await pilot.press("end", "enter")
        await _wait_for_import(app)
        await pilot.pause()
        assert screen.query_one("#path", Input).value == str(tmp_path / "people.csv")
        assert screen.step == "step-map"
