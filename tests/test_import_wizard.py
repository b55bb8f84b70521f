"""The import wizard and the export dialog, driven with Pilot in a small app holding a store."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.widgets import DataTable, Input, Select, Static

from nextgen_tui.models import ChampionStatus, RoleKind
from nextgen_tui.store import Store
from screens.export_dialog import ExportScreen
from screens.import_wizard import ImportWizardScreen
from tests import factories as f


class _App(App[None]):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


async def _wait_for_import(app: App[None]) -> None:
    """Wait for the import worker (not all workers: the file tree's loader never ends)."""
    workers = [w for w in app.workers if w.group == "import"]
    if workers:  # an empty list would mean "every worker"
        await app.workers.wait_for_complete(workers)


def _cell_texts(table: DataTable[object]) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_wizard_imports_a_csv_into_the_partnership(store: Store, tmp_path: Path) -> None:
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
        app.screen.query_one("#path", Input).value = str(roster)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.screen.query_one("#map-name", Select).value == 0
        assert app.screen.query_one("#map-organization", Select).value == 1
        await pilot.press("ctrl+n")
        await pilot.pause()
        rows = _cell_texts(app.screen.query_one("#preview", DataTable))
        assert [r[1] for r in rows] == ["new", "new", "invalid"]
        assert "Organization is empty" in rows[2][5]
        assert rows[1][2] == "Bob [/]"  # literal, not markup
        assert store.people() == []  # nothing written before confirming
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await _wait_for_import(app)
        await pilot.pause()
        summary = app.screen.query_one("#done-summary", Static)
        assert "2 people added" in str(summary.render())
    names = sorted(person.name for person in store.people())
    assert names == ["Ann Lee", "Bob [/]"]
    roles = {store.person(r.person_id).name: r for r in store.roles(partnership_id=p.id)}
    assert roles["Ann Lee"].role is RoleKind.CHAMPION
    assert roles["Ann Lee"].champion is not None
    assert roles["Ann Lee"].champion.status is ChampionStatus.COMMITTED
    assert roles["Bob [/]"].role is RoleKind.CORE_TEAM


async def test_wizard_explains_a_missing_file_and_stays_on_the_step(
    store: Store, tmp_path: Path
) -> None:
    p = f.partnership(store)
    app = _App(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(ImportWizardScreen(p.id))
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(tmp_path / "missing.csv")
        await pilot.press("ctrl+n")
        await pilot.pause()
        error = str(app.screen.query_one("#file-error", Static).render())
        assert "There is no file at" in error
        assert app.screen.query_one("#path", Input).value.endswith("missing.csv")


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
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.screen.query_one("#map-title", Select).value is Select.NULL
        app.screen.query_one("#map-title", Select).value = 2  # "Job description"
        await pilot.press("ctrl+n")
        await pilot.pause()
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
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert "type the name of a new one" in str(
            app.screen.query_one("#file-error", Static).render()
        )
        app.screen.query_one("#new-name", Input).value = "Health Care, East"
        await pilot.press("ctrl+n")
        await pilot.pause()
        app.screen.query_one("#default-role", Select).value = RoleKind.CONVENING_TEAM.value
        await pilot.press("ctrl+n")
        await pilot.pause()
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
