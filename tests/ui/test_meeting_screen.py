"""The meeting screen driven by keys, as a facilitator would: a whole launch meeting."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from textual.content import Content
from textual.widgets import Input, Markdown, OptionList, Static

from nextgen_tui.models import MeetingPhase, RoleKind
from nextgen_tui.store.repository import Store
from screens.common.confirm import ConfirmScreen
from screens.meeting.screen import MeetingScreen
from screens.meeting.widgets import AreaList
from tests.support import factories as f
from tests.support.meeting_ui import (
    INDUSTRY,
    PUBLIC,
    Host,
    check_in,
    message,
    paste,
    person_id,
    pick,
    screen_text,
    seed,
)
from tests.support.notices import Notices


def counter(screen: MeetingScreen, name: str) -> str:
    visual = screen.query_one(f"#count-{name}", Static).visual
    assert isinstance(visual, Content)
    return visual.plain


def warning_shown(screen: MeetingScreen) -> bool:
    return screen.query_one("#count-warning", Static).has_class("-shown")


@pytest.mark.slow
async def test_a_whole_launch_meeting(store: Store, db_path: Path) -> None:
    p = seed(store)
    app = Host(store, p.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        assert counter(screen, "present") == "Present: 0 of 18"
        assert not warning_shown(screen)

        # public partners first: the warning appears, and clears once industry catches up
        expected = [
            ("Par", True), ("Ave", False), ("Qui", True), ("Ree", True), ("Bla", True),
            ("Cas", False),
        ]  # fmt: skip
        for typed, outnumbered in expected:
            await check_in(pilot, typed, keys=typed == "Par")
            assert warning_shown(screen) is outnumbered, typed
            assert ("⚠ OUTNUMBERED" in screen_text(app)) is outnumbered
        assert counter(screen, "balance") == "Industry 3 · Public 3"

        # a second check-in is refused with a message, and nothing changes
        await check_in(pilot, "ave")
        assert "Avery Anders is already checked in" in message(app)
        assert counter(screen, "present") == "Present: 6 of 18"

        assert counter(screen, "champions") == "Champions: 2"  # Avery and Blake
        present = 6
        for index, name in enumerate(INDUSTRY[3:], start=3):
            await check_in(pilot, name[:3])
            present += 1
            assert counter(screen, "present") == f"Present: {present} of 18"
            companies = min(index, 12) + 1  # the last three share company 13
            assert counter(screen, "companies") == f"Companies: {companies} of 12-60"
            assert counter(screen, "balance") == f"Industry {index + 1} · Public 3"
            assert counter(screen, "champions") == "Champions: 2"
        assert counter(screen, "present") == "Present: 18 of 18"
        assert counter(screen, "companies") == "Companies: 13 of 12-60"
        assert counter(screen, "balance") == "Industry 15 · Public 3"
        assert counter(screen, "champions") == "Champions: 2"
        observers = [c.observer for c in store.launch(p.id).checkins]
        assert observers.count(True) == 3

        # a walk-in with a new company, in a few keystrokes
        await pilot.press("f2", *"Sam Walk", "tab", *"Walk Co", "ctrl+s")
        await pilot.pause()
        assert counter(screen, "present") == "Present: 19 of 19"  # the walk-in came too
        assert counter(screen, "companies") == "Companies: 14 of 12-60"

        # the agenda: F8 starts with the Welcome, then Introductions
        await pilot.press("f8")
        assert store.launch(p.id).phase is MeetingPhase.WELCOME
        await pilot.press("f8")
        assert store.launch(p.id).phase is MeetingPhase.INTRODUCTIONS
        await pick(pilot, "Ave")
        await pilot.press("f4")
        assert counter(screen, "introduced") == "Introduced: 1 of 16"

        # part 1: opportunities; the first said by the picked person (Avery), for that one only
        await pilot.press("f8")
        assert screen.focused is screen.query_one("#opportunity-entry")
        await pick(pilot, "Ave")
        assert screen.focused is screen.query_one("#opportunity-entry")
        await pilot.press(*"Robots", "enter")  # typed, the others pasted
        for text in ("Aging workforce", "Export growth", "Reshoring"):
            await paste(pilot, text)
            await pilot.press("enter")
        await pilot.pause()
        opportunities = store.launch(p.id).opportunities
        assert [o.text for o in opportunities][-1] == "Reshoring"
        assert len(opportunities) == 4
        avery = person_id(store, "Avery Anders")
        assert [o.person_id for o in opportunities] == [avery, None, None, None]

        # part 2: action areas and dot votes (nobody picked: anonymous)
        await pilot.press("f8")
        assert screen.focused is screen.query_one("#area-entry")
        for text in ("Skills pipeline", "Supply chain", "Housing"):
            await paste(pilot, text)
            await pilot.press("enter")
        areas = screen.query_one(AreaList)
        areas.focus()
        await pilot.press("home", "plus", "plus", "plus", "down", "plus", "plus", "down", "plus")
        await pilot.pause()
        votes = [a.vote_count for a in store.launch(p.id).action_areas]
        assert votes == [3, 2, 1]
        # a person's dots stop at the limit (3)
        await pick(pilot, "Bla")
        areas.focus()
        await pilot.press("home", "plus", "plus", "plus", "plus")
        assert "used all 3 of their dots" in message(app)
        assert [a.vote_count for a in store.launch(p.id).action_areas] == [6, 2, 1]
        assert "6 ●" in screen_text(app)

        # part 3: six people commit (4 to skills, 2 to supply chain)
        await pilot.press("f8")
        note = screen.query_one("#commitment-note", Input)
        assert screen.focused is note
        commits = [("Ave", 0), ("Bla", 0), ("Cas", 0), ("Par", 0), ("Dev", 1), ("Eme", 1)]
        for typed, area_index in commits:
            await pick(pilot, typed)
            assert screen.focused is note  # F3 goes to the note box; up/down pick the area
            await pilot.press("pageup", *["down"] * area_index, "enter")
        await pilot.pause()
        assert len(store.launch(p.id).commitments) == 6

        # close with two priorities: the top three are preselected, untick Housing; the
        # leads are suggested (the champion Avery, the first industry member Devon)
        await pilot.press("f8")
        await pilot.press("f9")
        await pilot.pause()
        await pilot.press("home", "down", "down", "space", "ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        confirm = app.screen
        assert isinstance(confirm, ConfirmScreen)
        assert "form 2 action teams (Skills pipeline; Supply chain)" in confirm.question
        await pilot.press("y")
        await pilot.pause()

        meeting = store.launch(p.id)
        assert meeting.held and meeting.on == store.today()
        teams = {t.name: t for t in store.teams(p.id)}
        assert set(teams) == {"Skills pipeline", "Supply chain"}

        def members(team: str) -> set[str]:
            return {
                store.person(r.person_id).name
                for r in store.roles(partnership_id=p.id)
                if r.team_id == teams[team].id
            }

        assert members("Skills pipeline") == {
            "Avery Anders", "Blake Brook", "Casey Cole", "Parker Pratt"
        }  # fmt: skip
        assert members("Supply chain") == {"Devon Dale", "Emery Eck"}
        attended = {
            store.person(r.person_id).name
            for r in store.roles(partnership_id=p.id)
            if r.role is RoleKind.INDUSTRY_LEADER and r.leader and r.leader.attended
        }
        assert attended == {*INDUSTRY, "Sam Walk"}
        assert not any(
            r.role is RoleKind.INDUSTRY_LEADER
            for r in store.roles(partnership_id=p.id)
            if store.person(r.person_id).name in PUBLIC
        )
        assert len(meeting.priority_area_ids) == 2
        _assert_the_gap_engine_sees_the_teams(store, p.id, {t.id for t in teams.values()})

        # the summary is shown and saves as Markdown next to the data file
        summary = screen.query_one("#summary-text", Markdown)
        assert summary.source is not None and "## Action teams formed (2)" in summary.source
        for _ in range(50):  # the Markdown widget mounts its blocks a few frames later
            if "Who came (19)" in screen_text(app):
                break
            await pilot.pause()
        assert "Who came (19)" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = db_path.with_name("advanced-manufacturing-north-valley-launch-summary.md")
        assert "Skills pipeline" in saved.read_text(encoding="utf-8")


def _assert_the_gap_engine_sees_the_teams(
    store: Store, partnership_id: int, team_ids: set[int]
) -> None:
    """No ``priority-without-team``; the teams are seen, each with its lead."""
    from nextgen_tui.gaps import analysis as gaps

    found = gaps.analyze(store.snapshot(partnership_id), store.today())
    assert [g for g in found if g.rule == "priority-without-team"] == []
    assert [g for g in found if g.rule == "team-without-lead"] == []
    industry = {t for g in found if g.rule == "team-without-industry" for t in g.teams}
    assert industry == set() and team_ids


@pytest.mark.slow
async def test_hostile_names_and_items_render_literally(store: Store) -> None:
    p = f.partnership(store)
    firm = f.org(store, "[red]Firm[/red]")
    for name in f.HOSTILE_NAMES:
        f.leader(store, p, f.person(store, name, firm))
    app = Host(store, p.id)
    async with app.run_test(size=(120, 50)) as pilot:  # 50 rows: the summary in full
        await pilot.pause()
        screen = app.screen
        people = screen.query_one("#people-list", OptionList)
        prompts = [o.prompt for o in people.options]
        assert all(isinstance(prompt, Content) for prompt in prompts)
        for name in f.HOSTILE_NAMES:
            assert any(
                isinstance(prompt, Content) and f"{name} — [red]Firm[/red]" in prompt.plain
                for prompt in prompts
            ), name
        text = screen_text(app)
        for name in ("Bob [/]", "[TODO] Ann", "[$accent]x", "[link=x]y", "[b]bold[/b] Lee"):
            assert name in text, name
        assert "[red]Firm[/red]" in text
        await check_in(pilot, "Bob", keys=True)
        assert "✓ Bob [/] — [red]Firm[/red] · 09:30" in screen_text(app)
        await pilot.press("f8", "f8", "f8")
        await pilot.press(*"[b]Robots[/b] & [$accent]AI[/]", "enter")
        await pilot.press("f8", *"Bob [/] training", "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "[b]Robots[/b] & [$accent]AI[/]" in text
        assert "Bob [/] training" in text
        await pilot.press("f8")
        await pick(pilot, "TODO")
        assert "Picked: [TODO] Ann" in screen_text(app)
        await pilot.press("enter")  # Part 3: [TODO] Ann commits
        await pilot.pause()
        assert "[TODO] Ann → Bob [/] training" in screen_text(app)
        # the summary after closing shows them literally too
        await pilot.press("f8", "f9")
        await pilot.pause()
        await pilot.press("space", "ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+s", "y")  # the lead ([TODO] Ann, the only one), then yes
        await pilot.pause()
        assert store.launch(p.id).held
        text = screen_text(app)
        for literal in ("[TODO] Ann", "Bob [/] training", "[b]Robots[/b] & [$accent]AI[/]"):
            assert literal in text, literal


async def test_resume_shows_the_saved_items_which_are_edited_merged_and_removed_with_keys(
    store: Store, notices: Notices
) -> None:
    """In turn: a meeting resumed at Part 2 shows its phase, items and check-ins, says so,
    and puts the cursor in the area box; then, with keys, an opportunity is edited, an area
    merged into another (dots and commitments move) and renamed, and a commitment and an
    area removed (each asks first)."""
    p = seed(store)
    from nextgen_tui.meeting.agenda import go_to_phase, start_meeting
    from nextgen_tui.meeting.capture import add_area, add_commitment, add_opportunity, vote
    from nextgen_tui.meeting.checkin import check_in as logic_check_in

    now = store.clock()
    start_meeting(store, p.id, now)
    go_to_phase(store, p.id, MeetingPhase.ACTION_AREAS, now)
    logic_check_in(store, p.id, person_id(store, "Kai Kerr"), now)
    avery, blake = person_id(store, "Avery Anders"), person_id(store, "Blake Brook")
    add_opportunity(store, p.id, "Robots")
    skills = add_area(store, p.id, "Skills")
    add_area(store, p.id, "Skill pipeline")
    vote(store, p.id, skills.id, avery)
    add_commitment(store, p.id, blake, skills.id)
    app = Host(store, p.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        text = screen_text(app)
        assert "Now: Part 2: Needed Action Areas" in text, "resume: the saved phase"
        assert "Skill pipeline" in text, "resume: the saved areas"
        assert "✓ Kai Kerr — Firm 11 · 09:30" in text, "resume: the saved check-ins"
        assert any("Resumed the meeting at Part 2" in m for m in notices.messages), "notice"
        assert screen.focused is screen.query_one("#area-entry", Input), "resume: area box"

        # edit an opportunity: its text, and who said it
        screen.query_one("#opportunity-list").focus()
        await pilot.press("home", "e")
        await pilot.press("ctrl+u", *"Robotics")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [o.text for o in store.launch(p.id).opportunities] == ["Robotics"], "edit"
        # merge "Skills" into "Skill pipeline": dots and commitments move
        areas = screen.query_one(AreaList)
        areas.focus()
        await pilot.press("home", "m")
        await pilot.press("enter")  # the only other area
        await pilot.pause()
        (merged,) = store.launch(p.id).action_areas
        assert (merged.title, merged.votes) == ("Skill pipeline", {avery: 1}), "merge: dots"
        assert [c.area_id for c in store.launch(p.id).commitments] == [merged.id], "merge"
        # rename it
        await pilot.press("home", "e", "ctrl+u", *"Skills", "ctrl+s")
        await pilot.pause()
        assert store.launch(p.id).action_areas[0].title == "Skills", "rename"
        assert "Skills  (1 committed)" in screen_text(app), "rename: shown"
        # remove the commitment, then the area (each asks first)
        screen.query_one("#commitment-list").focus()
        await pilot.press("home", "delete", "y")
        await pilot.pause()
        assert store.launch(p.id).commitments == [], "remove a commitment"
        areas.focus()
        await pilot.press("home", "delete", "n")
        assert len(store.launch(p.id).action_areas) == 1, "no keeps the area"
        await pilot.press("delete", "y")
        await pilot.pause()
        assert store.launch(p.id).action_areas == [], "remove an area"


async def test_settings_and_the_timer_over_budget(db_path: Path, notices: Notices) -> None:
    clock = {"now": datetime(2026, 6, 1, 9, 0)}
    store = Store(db_path, clock=lambda: clock["now"])
    try:
        p = seed(store)
        app = Host(store, p.id)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, MeetingScreen)
            await pilot.press("f8")  # Welcome, 10 minutes
            await pilot.press("f5")
            await pilot.pause()
            # Welcome 10 -> 12 minutes, 3 -> 5 dots; a bad value is explained, nothing lost
            await pilot.press("ctrl+u", *"12", "tab", "tab", "tab", "tab", "tab", "tab")
            await pilot.press("ctrl+u", *"lots", "ctrl+s")
            await pilot.pause()
            assert "Must be a whole number." in screen_text(app)
            await pilot.press("ctrl+u", "5", "ctrl+s")
            await pilot.pause()
            meeting = store.launch(p.id)
            assert (meeting.phase_minutes[MeetingPhase.WELCOME], meeting.vote_limit) == (12, 5)
            timer = screen.query_one("#phase-timer", Static)
            clock["now"] += timedelta(minutes=15)
            screen.tick()
            await pilot.pause()
            assert timer.has_class("-over")
            assert "15:00 in this part · 3:00 over its 12:00" in screen_text(app)
            await pilot.press("f8")  # Introductions: a fresh clock
            assert not timer.has_class("-over")
            assert "0:00 in this part · 20:00 left of 20:00" in screen_text(app)

            # the timer ticks while the facilitator types: nothing typed is lost or moved
            search = screen.query_one("#checkin-search", Input)
            assert screen.focused is search
            for key in "Kai":
                await pilot.press(key)
                clock["now"] += timedelta(seconds=30)
                screen.tick()
            await pilot.pause()
            assert search.value == "Kai" and screen.focused is search
            assert "1:30 in this part · 18:30 left of 20:00" in screen_text(app)
            people = screen.query_one("#people-list", OptionList)
            assert people.get_option_at_index(0).id == f"p{person_id(store, 'Kai Kerr')}"

            # F7 goes back a part, with its own clock again
            await pilot.press("f7")
            assert store.launch(p.id).phase is MeetingPhase.WELCOME
            assert "0:00 in this part · 12:00 left of 12:00" in screen_text(app)
            await pilot.press("f7")  # refused: said under the lists, not over them
            assert "This is the first part of the meeting." in screen_text(app)
    finally:
        store.close()


async def test_walk_ins_join_an_existing_company_or_organization(store: Store) -> None:
    p = seed(store)
    orgs_before = len(store.organizations())
    app = Host(store, p.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        # right arrow completes an existing company's name
        await pilot.press("f2", *"Zed Late", "tab", *"fir", "right")
        assert app.screen.query_one("#field-company", Input).value == "Firm 1"
        await pilot.press("ctrl+s")
        await pilot.pause()
        # another in a different letter case: the same company, not a new one
        await pilot.press("f2", *"Yan Late", "tab", *"FIRM 2", "ctrl+s")
        await pilot.pause()
        # one from a public organization is an observer
        await pilot.press("f2", *"Xia Late", "tab", *"pratt org", "ctrl+s")
        await pilot.pause()
        assert len(store.organizations()) == orgs_before
        checkins = {store.person(c.person_id).name: c for c in store.launch(p.id).checkins}
        assert set(checkins) == {"Zed Late", "Yan Late", "Xia Late"}
        assert [checkins[n].observer for n in ("Zed Late", "Yan Late", "Xia Late")] == [
            False, False, True
        ]  # fmt: skip
        firm1 = store.organization_by_name("Firm 1")
        assert firm1 is not None
        assert store.person(person_id(store, "Zed Late")).organization_id == firm1.id
        assert counter(screen, "companies") == "Companies: 2 of 12-60"
        assert counter(screen, "balance") == "Industry 2 · Public 1"
        assert "✓ Xia Late — Pratt Org (observer)" in screen_text(app)
