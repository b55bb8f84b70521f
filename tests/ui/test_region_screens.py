"""The region view, a partnership's engagement and coverage, and the directory's mark
for people approached twice, driven with Pilot on three seeded partnerships."""

from __future__ import annotations

from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import DataTable, Static, TabbedContent

from nextgen_tui.app import RosterApp
from nextgen_tui.models import ChampionStatus, InvitationStatus
from nextgen_tui.store.repository import Store
from screens.directory.screen import DirectoryScreen
from screens.region.engagement import EngagementScreen
from screens.region.screen import RegionMatrix, RegionScreen, RegionTable
from screens.region.widgets import TIMES
from tests.support import factories as f
from tests.support.app_ui import run_palette_command, screen_text, stage_screen, type_in, wait
from tests.support.region_seed import Seeded, seed_region

WIDE = (120, 40)
NARROW = (80, 24)


def row_texts(table: DataTable[Text], key: str) -> list[str]:
    return [cell.plain for cell in table.get_row(key)]


async def open_region(pilot: Pilot[None]) -> RegionScreen:
    await wait(pilot)
    await pilot.press("r")
    await wait(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, RegionScreen)
    return screen


async def test_enter_opens_the_highlighted_partnership_and_the_palette_the_region(
    store: Store,
) -> None:
    """On a narrow screen, in turn: enter in the region table opens the highlighted
    partnership, and so does enter in the matrix; then the palette's "region view" opens
    the region view (from a stage view)."""
    seeded = seed_region(store)
    async with RosterApp(store).run_test(size=NARROW) as pilot:
        await open_region(pilot)
        await pilot.press("down", "down", "enter")  # by name: the third is Healthcare
        await wait(pilot)
        assert stage_screen(pilot.app).partnership_id == seeded.healthcare.id, "table: enter"
        await pilot.press("escape")
        await wait(pilot)
        await open_region(pilot)
        await pilot.press("tab", "enter")  # the matrix opens its row's partnership too
        await wait(pilot)
        assert stage_screen(pilot.app).partnership_id == seeded.manufacturing.id, "matrix"

        # -- the region view from the palette
        await run_palette_command(pilot, "region view")
        assert isinstance(pilot.app.screen, RegionScreen), "palette: the region view opens"
        assert "Healthcare," in screen_text(pilot.app), "palette: the region view lists all"


async def open_engagement(pilot: Pilot[None], seeded: Seeded) -> EngagementScreen:
    await wait(pilot)
    await pilot.press("r")
    await wait(pilot)
    await pilot.press("enter")  # Advanced Manufacturing, first by name
    await wait(pilot)
    assert stage_screen(pilot.app).partnership_id == seeded.manufacturing.id
    await pilot.press("g")
    await wait(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, EngagementScreen)
    return screen


async def test_a_person_approached_twice_is_marked_in_the_directory(store: Store) -> None:
    seeded = seed_region(store)
    dee = seeded.people["dee"]  # asked as a champion by Healthcare
    f.leader(store, seeded.construction, dee, InvitationStatus.INVITED)
    f.champion(store, seeded.healthcare, seeded.people["cy"], ChampionStatus.DECLINED)
    async with RosterApp(store).run_test(size=(140, 40)) as pilot:
        await wait(pilot)
        await pilot.press("d")
        await wait(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, DirectoryScreen)
        text = screen_text(pilot.app)
        assert "⇄ Dee Quinn" in text
        assert "⇄ Cy Park" not in text  # declined: no second call
        await type_in(pilot, "dee quinn")
        await wait(pilot)
        detail = str(screen.query_one("#person-detail-text", Static).content)
        assert "Approached by 2 partnerships at once" in detail
        assert "Construction, North Valley: invited to its launch; convener Marcus Lee" in detail
        assert "Healthcare, North Valley: asked as a champion" in detail


async def test_region_view_engagement_and_coverage_from_the_palette(store: Store) -> None:
    """On a wide screen, in turn: the region view lists every partnership with its numbers
    and the public-system matrix (user text literal); a partnership's engagement shows
    meetings, leaders and who drifted, and its coverage tab; escape goes back to the stage
    view, where the palette's "public-system coverage" opens the coverage tab."""
    seeded = seed_region(store)
    async with RosterApp(store).run_test(size=WIDE) as pilot:
        screen = await open_region(pilot)
        table = screen.query_one(RegionTable)
        mfg = row_texts(table, str(seeded.manufacturing.id))
        assert mfg[0] == "Advanced Manufacturing, North Valley"
        assert mfg[1] == "Action"
        assert mfg[4:10] == ["3", "3/3", "2", "Apr 10", "Jul 10", "1/1"]
        health = row_texts(table, str(seeded.healthcare.id))
        assert health[1] == "Prepare" and health[4:10] == ["0", "0/2", "0", "-", "-", "0/0"]
        text = screen_text(pilot.app)
        assert "Public-system coverage" in text
        assert "Omar [b]Haddad[/" in text  # user text stays literal
        matrix = screen.query_one(RegionMatrix)
        cells = row_texts(matrix, f"partnership-{seeded.manufacturing.id}")
        assert cells[1:4] == [f"Dana Whitfield {TIMES}2", f"Marcus Lee {TIMES}2", "Carla Mendes"]
        assert cells[4].startswith("Omar [b]Haddad[/") and cells[5] == "✗ nobody"
        construction = row_texts(matrix, f"partnership-{seeded.construction.id}")
        assert construction.count("✗ nobody") == 4
        await pilot.press("escape")
        await wait(pilot)

        # -- engagement and coverage of Advanced Manufacturing
        engagement = await open_engagement(pilot, seeded)
        chart = str(engagement.query_one("#attendance-chart", Static).content)
        assert len(chart.splitlines()) == 5
        assert chart.splitlines()[0].startswith("2│█   █")  # 2 industry, then 2 public: the top
        meetings = engagement.query_one("#meetings-table", DataTable)
        assert meetings.row_count == 3  # the convening of 10 July is still to come
        leaders = engagement.query_one("#leaders-table", DataTable)
        people = seeded.people
        assert row_texts(leaders, str(people["ana"].id)) == ["Ana Ortiz", "██", "2 of 2", ""]
        assert row_texts(leaders, str(people["cy"].id)) == ["Cy Park", "▁▁", "0 of 2", "drifted"]
        text = screen_text(pilot.app)
        assert "Drifted (1 leader missed the last two): Cy Park" in text
        await pilot.press("ctrl+o")
        await wait(pilot)
        assert engagement.query_one(TabbedContent).active == "coverage-tab"
        text = screen_text(pilot.app)
        for group in ("Core planning team", "Support team", "Skills", "Stalled"):
            assert group in text
        await pilot.press("escape")
        await wait(pilot)
        assert stage_screen(pilot.app).partnership_id == seeded.manufacturing.id

        # -- coverage of the open partnership from the palette
        await run_palette_command(pilot, "public-system coverage")
        coverage = pilot.app.screen
        assert isinstance(coverage, EngagementScreen), "palette: the coverage opens"
        assert coverage.partnership_id == seeded.manufacturing.id, "palette: the open one"
        assert coverage.query_one(TabbedContent).active == "coverage-tab", "palette: its tab"
        groups = coverage.query_one("#group-coverage", DataTable)
        assert [key.value for key in groups.rows] == [
            "core",
            "support",
            f"team-{seeded.skills.id}",
            f"team-{seeded.stalled.id}",
        ]
        assert row_texts(groups, "core")[4:] == ["✗ nobody", "✗ nobody"]  # labor, community
