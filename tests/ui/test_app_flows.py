"""What a convener does in the app, driven with keys: the store and the screen both change."""

from __future__ import annotations

import gc
from datetime import date

import pytest
from textual import events
from textual.widgets import TextArea

from nextgen_tui.app import RosterApp
from nextgen_tui.models import ChampionStatus, OrgKind, RoleKind, Stage
from nextgen_tui.store.repository import Store
from screens.common.confirm import ConfirmScreen
from screens.partnerships.screen import PartnershipsScreen, PartnershipTable
from screens.stage import widgets as stage_widgets
from screens.stage.waiver import WaiverScreen
from screens.stage.widgets import RosterList
from tests.support import factories as f
from tests.support.app_ui import (
    gap_rules,
    highlight_gap,
    roster_lines,
    run_palette_command,
    screen_text,
    select_value,
    stage_screen,
    type_in,
    wait,
)
from tests.support.notices import Notices
from tests.support.start_up import started_as_the_command_line_does

SIZE = (100, 24)  # the stage view wide (100 columns and up): its layout is not the point


async def test_create_a_partnership_from_the_empty_list(store: Store) -> None:
    app = RosterApp(store)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, PartnershipsScreen)
        assert "No partnerships yet. Press n" in screen_text(app)
        await pilot.press("n")
        await wait(pilot)
        await type_in(pilot, "Healthcare, South Bay", "Healthcare", "South Bay")  # pasted
        await pilot.press("ctrl+s")
        await wait(pilot)
        [created] = store.partnerships()
        assert (created.name, created.industry, created.region) == (
            "Healthcare, South Bay",
            "Healthcare",
            "South Bay",
        )
        screen = stage_screen(app)
        assert screen.partnership_id == created.id
        assert screen.view_stage is Stage.PREPARE
        text = screen_text(app)
        assert "Healthcare, South Bay" in text
        assert "Who's at the table" in text and "What's missing" in text
        assert "champions-too-few" in gap_rules(app)
        await pilot.press("escape")
        await wait(pilot)
        assert isinstance(app.screen, PartnershipsScreen)
        assert "Healthcare, South Bay" in screen_text(app)


async def test_one_partnership_opens_its_stage_view_then_stages_waiver_keys_and_the_list(
    store: Store, monkeypatch: pytest.MonkeyPatch, notices: Notices
) -> None:
    """One app on the only partnership, in turn:

    - start-up reads no stylesheet twice and collects garbage again once painted;
    - the list under a partnership opened at start is not built until shown;
    - number keys switch stages (stage line, footer keys, groups and gaps follow);
    - advancing with a waiver needs a reason, and undo takes the move and waiver back;
    - the keys screen (?) lists the current screen's keys, as the palette's "Keys" does;
    - escape shows the list under it, built now, and enter opens the partnership again.
    """
    only = f.partnership(store)
    with started_as_the_command_line_does(monkeypatch) as reparsed:
        app = RosterApp(store)
        async with app.run_test(size=SIZE) as pilot:
            await wait(pilot)
            screen = stage_screen(app)
            assert screen.partnership_id == only.id, "the only partnership opens directly"
            assert gc.isenabled(), "start-up: garbage is collected again once painted"
            # the stage view's rules were read with the app's: every rule parsed once
            assert reparsed == [], "start-up: no stylesheet read twice"
            under = app.screen_stack[0]
            assert isinstance(under, PartnershipsScreen)
            assert not under.children, "list under: nothing composed for nobody to see"

            # ---- number keys switch stages
            assert screen.view_stage is Stage.PREPARE
            assert any(
                line.startswith(("✔ Champions", "▼ Champions")) for line in roster_lines(app)
            ), "stages: Prepare lists the champions"
            assert "Convening" not in screen_text(app).splitlines()[-1], "stages: no c in Prepare"
            for key, stage in (("2", Stage.LAUNCH), ("3", Stage.ACTION), ("4", Stage.SUSTAIN)):
                await pilot.press(key)
                await wait(pilot)
                assert screen.view_stage is stage, f"stages: {key} views {stage.label}"
                assert f"{stage.label} " in screen_text(app).splitlines()[2], stage.label
            assert "Convening" in screen_text(app).splitlines()[-1], "stages: Sustain's own key"
            await pilot.press("2")
            await wait(pilot)
            assert any("Industry leaders" in line for line in roster_lines(app)), "stages: 2"
            assert "companies-too-few" in gap_rules(app), "stages: Launch's gaps"
            await pilot.press("1")
            await wait(pilot)
            assert screen.view_stage is Stage.PREPARE
            # later stages' gaps are listed as upcoming after this stage's
            rules = gap_rules(app, upcoming=True)
            assert rules.index("champions-too-few") < rules.index("companies-too-few"), (
                "stages: upcoming gaps after this stage's"
            )

            # ---- advance with a waiver, then undo
            text = screen_text(app)
            assert "Prepare" in text and "blocker" in text, "waiver: blockers shown"
            await pilot.press("a")
            await wait(pilot)
            assert isinstance(app.screen, WaiverScreen), "waiver: a opens the waiver"
            assert "champions-too-few" in [gap.rule for gap in app.screen.blockers]
            await pilot.press("ctrl+s")  # no reason: refused, nothing changes
            await wait(pilot)
            assert isinstance(app.screen, WaiverScreen), "waiver: no reason, still open"
            assert "A reason is required" in screen_text(app), "waiver: says a reason is needed"
            assert store.partnership(only.id).stage is Stage.PREPARE
            assert isinstance(app.screen.focused, TextArea), "waiver: the reason has focus"
            # pasted, as a terminal delivers it: to the app, which hands it to the focused box
            app.post_message(events.Paste("Board wants a June launch"))
            await pilot.pause()
            await pilot.press("ctrl+s")
            await wait(pilot)
            moved = store.partnership(only.id)
            assert moved.stage is Stage.LAUNCH, "waiver: moved to Launch"
            [waiver] = moved.waivers
            assert (waiver.from_stage, waiver.to_stage) == (Stage.PREPARE, Stage.LAUNCH)
            assert waiver.reason == "Board wants a June launch"
            assert "champions-too-few" in waiver.blockers
            assert stage_screen(app).view_stage is Stage.LAUNCH, "waiver: the view follows"
            await pilot.press("1")
            await wait(pilot)
            text = screen_text(app)
            assert "Waived" in text and "Board wants a June launch" in text, "waiver: shown"

            await pilot.press("ctrl+z")
            await wait(pilot)
            assert store.partnership(only.id).stage is Stage.PREPARE, "undo: stage back"
            assert store.partnership(only.id).waivers == [], "undo: no waiver"
            assert any(message.startswith("Undid: ") for message in notices.messages), "undo"
            text = screen_text(app)
            assert "Board wants a June launch" not in text, "undo: waiver gone"
            assert "current stage" in text, "undo: Prepare is current again"

            # ---- the keys screen lists the keys of the current screen
            await pilot.press("question_mark")
            await wait(pilot)
            text = screen_text(app)
            for description in ("Advance", "Add", "Prepare", "Sustain", "Keys"):
                assert description in text, f"keys: {description}"
            await pilot.press("escape")
            await wait(pilot)
            stage_screen(app)
            # the palette's "Keys" shows the same list (not Textual's own help panel)
            await run_palette_command(pilot, "keys")
            assert type(app.screen).__name__ == "HelpScreen", "keys: from the palette"
            assert "Move the partnership to its next stage" in screen_text(app)
            await pilot.press("escape", "escape")  # closes the keys, then back to the list
            await wait(pilot)
            assert app.screen_stack[-1] is under, "list under: escape shows it"
            await pilot.press("question_mark")
            await wait(pilot)
            text = screen_text(app)
            assert "Create a partnership" in text and "Delete the partnership" in text, "keys"
            assert "Move the partnership to its next stage" not in text, "keys: the list's own"
            await pilot.press("escape")
            await wait(pilot)

            # ---- the list under the partnership, built when shown
            assert app.screen_stack[-1] is under, "list under: shown again after its keys"
            table = under.query_one(PartnershipTable)
            assert table.row_count == 1 and table.has_focus, "list under: one row, focused"
            text = screen_text(app)
            assert "Advanced Manufacturing, North Valley" in text and "Prepare" in text
            assert "New" in text, "list under: its keys in the footer"
            await pilot.press("enter")
            await wait(pilot)
            assert stage_screen(app).partnership_id == only.id, "list: enter opens it again"


async def test_second_committed_champion_clears_champions_too_few(store: Store) -> None:
    """One committed champion (Ann) is too few: the gap leads to the Champions group, where
    n, the picker and the new champion's editor commit Bo; the gap is gone and the roster
    counts two. (That one committed champion is too few and two are enough, whoever was
    added how, is the rule's: tests/unit/test_gaps_prepare.py::test_champion_count_boundaries
    and tests/unit/test_gaps_whole.py::test_gaps_from_a_stored_partnership.)"""
    partnership = f.partnership(store)
    forge = f.org(store, "Acme Forge")
    f.champion(store, partnership, f.person(store, "Ann Able", forge))
    f.person(store, "Bo Best", forge)
    app = RosterApp(store)
    async with app.run_test(size=SIZE) as pilot:
        stage_screen(app)  # the only partnership opens directly
        assert "champions-too-few" in gap_rules(app), "one committed champion is too few"
        await highlight_gap(pilot, "champions-too-few")
        await pilot.press("enter")  # goes to the Champions group
        await wait(pilot)
        roster = app.screen.query_one(RosterList)
        assert roster.has_focus, "enter on the gap focuses the roster"
        assert roster.current is not None and roster.current.group.role is RoleKind.CHAMPION
        await pilot.press("n")
        await wait(pilot)
        await pilot.press(*"Bo", "enter")  # pick in the person picker
        await wait(pilot)
        # a new champion's editor opens at once: commit them
        await select_value(pilot, "field-status", ChampionStatus.COMMITTED)
        await pilot.press("ctrl+s")
        await wait(pilot)
        committed = [
            r
            for r in store.roles(partnership_id=partnership.id)
            if r.role is RoleKind.CHAMPION
            and r.champion is not None
            and r.champion.status is ChampionStatus.COMMITTED
        ]
        assert len(committed) == 2, "Bo committed through the editor"
        assert "champions-too-few" not in gap_rules(app), "the gap is gone"
        lines = roster_lines(app)
        assert any(line.startswith("✔ Champions 2") for line in lines), lines
        assert any("Bo Best" in line and "committed" in line for line in lines), lines
        assert "Bo Best" in screen_text(app), "Bo Best on screen"


async def test_a_huge_group_then_end_a_role_then_undo_an_added_role(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One app on the only partnership (five convening staff, a champion), in turn:

    - a huge group lists its first members and how many more, through a stage change;
    - x ends a role after confirmation (dated today), and the roster drops the person;
    - undo of a role added meanwhile takes only the role away, and the roster follows.
    """
    monkeypatch.setattr(stage_widgets, "MEMBERS_SHOWN", 3)
    partnership = f.partnership(store)
    college = f.org(store, "Valley College", OrgKind.COMMUNITY_COLLEGE)
    staff = [f.person(store, f"Staff {i}", college) for i in range(5)]
    for who in staff:
        store.assign(partnership.id, who.id, RoleKind.CONVENING_TEAM)
    ann = f.person(store, "Ann Able", f.org(store, "Acme Forge"))
    f.champion(store, partnership, ann)
    dean = f.person(store, "Dana Dean", college)
    app = RosterApp(store)  # a single partnership: it opens in its stage view
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        lines = roster_lines(app)
        assert sum("Staff " in line for line in lines) == 3, "huge group: the first three"
        assert any("… and 2 more members" in line for line in lines), "huge group: how many"
        await pilot.press("2", "1")  # another stage and back: still the first three
        await wait(pilot)
        assert sum("Staff " in line for line in roster_lines(app)) == 3, "huge group: still"

        # ---- end a role after confirmation
        roster = app.screen.query_one(RosterList)
        assert _highlight_member(roster, ann.id)
        await pilot.press("x")
        await wait(pilot)
        assert isinstance(app.screen, ConfirmScreen), "end: x asks first"
        await pilot.press("y")
        await wait(pilot)
        roles = store.roles(partnership_id=partnership.id, current_only=False)
        [ended] = [r for r in roles if r.person_id == ann.id]
        assert ended.end == date(2026, 6, 1), "end: dated today"
        assert not any("Ann Able" in line for line in roster_lines(app)), "end: off the roster"

        # ---- undo an added role
        store.assign(partnership.id, dean.id, RoleKind.CORE_TEAM)
        stage_screen(app).reload()
        await wait(pilot)
        assert any("Dana Dean" in line for line in roster_lines(app)), "undo: Dana added"
        await pilot.press("ctrl+z")
        await wait(pilot)
        assert not [
            r for r in store.roles(partnership_id=partnership.id) if r.person_id == dean.id
        ], "undo: Dana's role taken away"
        assert not any("Dana Dean" in line for line in roster_lines(app)), "undo: roster"
        assert store.person(dean.id).name == "Dana Dean", "undo: only the role was undone"


def _highlight_member(roster: RosterList, person_id: int) -> bool:
    for index, entry in enumerate(roster.entries):
        if entry.person_id == person_id:
            roster.highlighted = index
            return True
    return False


async def test_delete_a_partnership_asks_first_and_the_palette_opens_one_and_a_stage(
    store: Store, notices: Notices
) -> None:
    """One app on the list of two partnerships, in turn:

    - delete asks first: n keeps it, y deletes it (and says ctrl+z undoes), ctrl+z restores;
    - the command palette opens a partnership ("open health") and a stage ("go to stage").
    """
    keep = f.partnership(store, "Construction, North Valley", "Construction")
    doomed = f.partnership(store, "Healthcare, North Valley", "Healthcare")
    app = RosterApp(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, PartnershipsScreen)
        screen.select(doomed.id)
        await pilot.press("delete")
        await wait(pilot)
        assert isinstance(app.screen, ConfirmScreen), "delete: asks first"
        assert "Healthcare, North Valley" in screen_text(app), "delete: names it"
        await pilot.press("n")
        await wait(pilot)
        assert [p.id for p in store.partnerships()] == [keep.id, doomed.id], "delete: n keeps"
        assert app.screen.query_one(PartnershipTable).row_count == 2, "delete: n keeps its row"

        await pilot.press("delete")
        await wait(pilot)
        await pilot.press("y")
        await wait(pilot)
        assert [p.id for p in store.partnerships()] == [keep.id], "delete: y deletes"
        assert app.screen.query_one(PartnershipTable).row_count == 1, "delete: row gone"
        assert "Healthcare, North Valley" not in screen_text(app), "delete: not shown"
        assert any("ctrl+z" in message for message in notices.messages), "delete: says ctrl+z"

        await pilot.press("ctrl+z")
        await wait(pilot)
        assert [p.id for p in store.partnerships()] == [keep.id, doomed.id], "undo: restored"
        assert "Healthcare, North Valley" in screen_text(app), "undo: shown again"

        # ---- the command palette opens a partnership and a stage
        await run_palette_command(pilot, "open health")
        stage = stage_screen(app)
        assert stage.partnership_id == doomed.id, "palette: opens the partnership"
        assert "Healthcare, North Valley" in screen_text(app), "palette: its name shown"

        await run_palette_command(pilot, "go to stage: sustain")
        assert stage.view_stage is Stage.SUSTAIN, "palette: goes to the stage"


async def test_a_meeting_in_progress_is_offered_on_start(store: Store) -> None:
    partnership = f.partnership(store)
    other = f.partnership(store, "Construction, North Valley", "Construction")
    launch = store.launch(partnership.id).updated(phase="welcome")
    store.save_launch(launch)
    app = RosterApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert "is in progress" in screen_text(app)
        await pilot.press("y")
        await wait(pilot)
        assert type(app.screen).__name__ == "MeetingScreen"
        assert getattr(app.screen, "partnership_id", None) == partnership.id
        assert other.id != partnership.id
