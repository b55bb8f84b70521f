"""The directory's search, driven with Pilot: fuzzy matches, best first, a page at a time."""

from __future__ import annotations

from textual.widgets import Input

from nextgen_tui.app import RosterApp
from nextgen_tui.models import Person
from nextgen_tui.store.repository import Store
from screens.directory.screen import MATCHES_SHOWN, DirectoryScreen
from screens.directory.table import DirectoryTable
from tests.support import factories as f
from tests.support.app_ui import screen_text, type_in, wait
from tests.support.directory_ui import SIZE, detail_text, open_directory, people_shown, seed


async def test_search_narrows_the_people_even_with_a_typo(store: Store) -> None:
    ids = seed(store)
    async with RosterApp(store).run_test(size=SIZE) as pilot:
        screen = await open_directory(pilot)
        assert people_shown(screen) == [ids["ann"], ids["bo"], ids["john"]]  # by name
        await type_in(pilot, "smihters")  # a typo still finds John Smithers
        await pilot.pause()
        assert people_shown(screen) == [ids["john"]]
        assert "1 of 3 people" in screen_text(pilot.app)
        assert "John Smithers" in detail_text(screen)
        await pilot.press("escape")  # clears the search first
        await pilot.pause()
        assert screen.query_one("#directory-search", Input).value == ""
        assert len(people_shown(screen)) == 3
        await type_in(pilot, "harlow")  # by organization
        await pilot.pause()
        assert people_shown(screen) == [ids["ann"]]
        await pilot.press("escape")
        await type_in(pilot, "consult")  # by title
        await pilot.pause()
        assert people_shown(screen) == [ids["bo"]]
        await pilot.press("escape")
        await type_in(pilot, "js@acme")  # by email
        await pilot.pause()
        assert people_shown(screen) == [ids["john"]]
        await pilot.press("escape")
        await type_in(pilot, "zzqx")
        await pilot.pause()
        assert people_shown(screen) == []
        assert "No match" in screen_text(pilot.app)
        await pilot.press("escape", "escape")  # empty search: escape backs out
        await wait(pilot)
        assert not isinstance(pilot.app.screen, DirectoryScreen)


async def test_a_search_lists_its_best_matches_first_and_at_most_a_page(store: Store) -> None:
    company = f.org(store, "Bluestone Foods")
    store.save_many(
        [
            Person(name=f"Pat Example {i:03}", organization_id=company.id)
            for i in range(MATCHES_SHOWN + 20)
        ]
    )
    async with RosterApp(store).run_test(size=SIZE) as pilot:
        screen = await open_directory(pilot)
        table = screen.query_one("#people-table", DirectoryTable)
        await pilot.pause()
        assert table.row_count == MATCHES_SHOWN + 20  # a blank search lists everyone
        await pilot.press(*"pat")
        await pilot.pause()
        assert table.row_count == MATCHES_SHOWN
        assert f"Best {MATCHES_SHOWN} of {MATCHES_SHOWN + 20} matches" in screen_text(pilot.app)


async def test_a_large_directory_shows_a_page_and_the_next_as_the_cursor_nears_the_end(
    store: Store,
) -> None:
    company = f.org(store, "Bluestone Foods")
    everyone = DirectoryTable.PAGE_ROWS * 2 + 50
    store.save_many(
        [Person(name=f"Pat Example {i:04}", organization_id=company.id) for i in range(everyone)]
    )
    async with RosterApp(store).run_test(size=SIZE) as pilot:
        screen = await open_directory(pilot)
        table = screen.query_one("#people-table", DirectoryTable)
        await pilot.pause()
        assert table.row_count == DirectoryTable.PAGE_ROWS  # a page, not everyone at once
        assert f"{everyone} people" in screen_text(pilot.app)
        await pilot.press("down")  # from the search to the table
        for _ in range(4):
            await pilot.press("ctrl+end")
            await pilot.pause()
        assert table.row_count == everyone
        assert table.current == people_shown(screen)[-1]
        assert f"Pat Example {everyone - 1:04}" in screen_text(pilot.app)


async def test_clearing_a_search_then_typing_again_in_a_large_directory(store: Store) -> None:
    company = f.org(store, "Bluestone Foods")
    everyone = DirectoryTable.PAGE_ROWS * 4 + 50
    store.save_many(
        [Person(name=f"Pat Example {i:04}", organization_id=company.id) for i in range(everyone)]
    )
    async with RosterApp(store).run_test(size=SIZE) as pilot:
        screen = await open_directory(pilot)
        table = screen.query_one("#people-table", DirectoryTable)
        await pilot.press(*"0500")
        await pilot.pause()
        assert table.row_count == 1
        await pilot.press("escape")  # everyone again, the cursor kept on 0500
        await pilot.pause()
        kept = table.current
        assert kept is not None and store.person(kept).name == "Pat Example 0500"
        assert table.more > 0  # the rest of the directory is not in the table yet
        await pilot.press(*"12")  # a new search while the cursor is far down
        await pilot.pause()
        # the table holds this search's rows, each once, and no row of the one before
        assert table.row_count == len(table.shown) == len(set(table.shown))
        names = [store.person(i).name for i in table.shown]
        assert all("12" in name for name in names)
