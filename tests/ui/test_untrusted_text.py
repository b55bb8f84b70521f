"""In the app, text from files, file names and paths never drives the terminal, and the
export dialog never writes onto the roster's own files. Driven with Pilot."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, cast

from textual.app import App
from textual.widgets import DataTable, Input, Select, Static

from nextgen_tui.app import RosterApp
from nextgen_tui.store.repository import Store
from screens.common.confirm import ConfirmScreen
from screens.common.stylesheet import STYLESHEET
from screens.transfer.export_dialog import ExportScreen
from screens.transfer.import_wizard import ImportWizardScreen
from tests.support import factories as f
from tests.support.meeting_ui import screen_text

ESCAPES = "\x1b]0;PWNED\x07\x1b[2J"
SHOWN = "\\x1b]0;PWNED\\x07\\x1b[2J"


class _App(App[None]):
    CSS_PATH = STYLESHEET  # the shared stylesheet, as the real app loads it

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store


def _on_screen(app: App[Any]) -> str:
    return screen_text(cast(App[object], app))


def _raw_controls(text: str) -> list[str]:
    return sorted({c for c in text if c in "\x1b\x07\x9b" or "\u202a" <= c <= "\u202e"})


async def _wait_for_import(app: App[None]) -> None:
    workers = [w for w in app.workers if w.group == "import"]
    if workers:
        await app.workers.wait_for_complete(workers)


async def test_the_import_wizard_shows_control_characters_from_the_file_visibly(
    store: Store, tmp_path: Path
) -> None:
    p = f.partnership(store)
    (tmp_path / f"evil{ESCAPES}.csv").write_text("Name\n", encoding="utf-8")
    sheet = tmp_path / "roster.csv"
    sheet.write_text(
        f"Name,Organization,{ESCAPES}\nAnn Lee,Acme,x\nBen{ESCAPES},Acme,y\n", encoding="utf-8"
    )
    app = _App(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(ImportWizardScreen(p.id))
        await pilot.pause(0.5)  # the file tree lists the folder
        assert _raw_controls(_on_screen(app)) == []
        assert f"evil{SHOWN}.csv" in _on_screen(app)
        app.screen.query_one("#path", Input).value = str(sheet)
        await pilot.press("ctrl+n")
        await _wait_for_import(app)
        await pilot.pause()
        options = app.screen.query_one("#map-title", Select)._options
        assert [str(prompt) for prompt, _ in options][1:] == ["Name", "Organization", SHOWN]
        unmapped = str(app.screen.query_one("#unmapped", Static).render())
        assert unmapped == f"Columns not matched to a field: {SHOWN}"
        assert _raw_controls(_on_screen(app)) == []
        await pilot.press("ctrl+n")
        await _wait_for_import(app)
        await pilot.pause()
        table = app.screen.query_one("#preview", DataTable)
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        assert [r[1] for r in rows] == ["new", "invalid"]
        assert rows[1][2] == f"Ben{SHOWN}"
        await pilot.press("down")
        detail = str(app.screen.query_one("#row-detail", Static).render())
        assert detail == f"Row 3 (Ben{SHOWN}): Name must not contain control characters."
        assert _raw_controls(_on_screen(app)) == []
    assert store.people() == []


async def test_the_title_shows_a_file_name_with_control_characters_visibly(
    tmp_path: Path,
) -> None:
    path = tmp_path / f"team{ESCAPES}.json"
    with Store(path) as store:
        f.partnership(store, "Health Care")
        f.partnership(store, "Construction")
        app = RosterApp(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert app.sub_title == f"team{SHOWN}.json"
            assert _raw_controls(_on_screen(app)) == []


REFUSED = [
    ("{tmp}/roster.json", "is the roster file itself"),
    ("{tmp}/sub/../roster.json", "is the roster file itself"),
    ("{tmp}/link.csv", "is the roster file itself"),
    ("{tmp}/roster.json.lock", "is the roster's lock file"),
    ("{tmp}/roster.json.backups/r.csv", "is in the roster's backups folder"),
]


async def test_the_export_dialog_refuses_the_roster_and_its_files(
    store: Store, db_path: Path, tmp_path: Path
) -> None:
    """Each path of REFUSED typed in turn in one export dialog: refused with a plain
    message naming what it is, no question asked, and no file written or changed."""
    p = f.partnership(store)
    f.person(store, "Ann Lee")  # a second change: the backups folder exists
    (tmp_path / "sub").mkdir()
    (tmp_path / "link.csv").symlink_to(db_path)
    before = {name: (tmp_path / name).read_bytes() for name in ("roster.json", "roster.json.lock")}
    listing = sorted(os.listdir(tmp_path)), sorted(os.listdir(tmp_path / "roster.json.backups"))
    app = _App(store)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = ExportScreen(p.id)
        await app.push_screen(screen)
        await pilot.pause()
        for typed, what in REFUSED:
            out = typed.format(tmp=tmp_path)
            screen.query_one("#out", Input).value = out
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.screen is screen, f"{typed}: the dialog stays"
            assert not isinstance(app.screen, ConfirmScreen), f"{typed}: no question"
            error = str(screen.query_one("#export-error", Static).render())
            assert error == (
                f"{out} {what} (roster.json); writing there would destroy it. "
                "Nothing was written; choose another file name."
            ), typed
            assert {name: (tmp_path / name).read_bytes() for name in before} == before, typed
            assert (
                sorted(os.listdir(tmp_path)),
                sorted(os.listdir(tmp_path / "roster.json.backups")),
            ) == listing, typed


async def test_path_fields_show_control_characters_as_pictures(tmp_path: Path) -> None:
    folder = tmp_path / f"dir{ESCAPES}"
    folder.mkdir()
    with Store(folder / "roster.json") as store:
        p = f.partnership(store)
        app = _App(store)
        async with app.run_test(size=(120, 30)) as pilot:
            for screen in (ExportScreen(p.id), ImportWizardScreen(p.id)):
                await app.push_screen(screen)
                await pilot.pause()
                field = screen.query_one("#out" if isinstance(screen, ExportScreen) else "#path")
                assert isinstance(field, Input) and field.value.startswith(str(folder))
                field.cursor_position = len(str(folder))  # the folder's name in view
                await pilot.pause()
                assert _raw_controls(_on_screen(app)) == []
                assert "dir␛]0;PWNED" in _on_screen(app)  # (Rich drops the BEL itself)
                screen.dismiss(None)
                await pilot.pause()
