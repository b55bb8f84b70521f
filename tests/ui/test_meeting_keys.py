"""Every key does what the facilitator meant: typed at a person's speed (a small pause
after each key) and pasted (all keys in one burst, as a terminal delivers them), with
the stored data checked afterwards."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Markdown, OptionList, Static

from nextgen_tui.meeting.agenda import go_to_phase, start_meeting
from nextgen_tui.meeting.capture import add_area, add_commitment, add_opportunity
from nextgen_tui.meeting.checkin import check_in as logic_check_in
from nextgen_tui.models import MeetingPhase, Partnership, RoleKind
from nextgen_tui.store.repository import Store
from screens.common.confirm import ConfirmScreen
from screens.meeting import screen as screen_module
from screens.meeting.pickers import ChoiceScreen, LeadsScreen
from screens.meeting.screen import MeetingScreen
from tests.support.meeting_ui import (
    Host,
    burst,
    message,
    person_id,
    screen_text,
    seed,
    typed,
)
from tests.support.notices import Notice, Notices

Keys = Callable[..., Awaitable[None]]
SPEEDS = pytest.mark.parametrize("keys", [typed, burst], ids=["typed", "pasted"])


def at_phase(store: Store, phase: MeetingPhase, areas: tuple[str, ...] = ()) -> Partnership:
    """The seeded room, the meeting under way at ``phase``, with ``areas`` captured."""
    p = seed(store)
    start_meeting(store, p.id, store.clock())
    go_to_phase(store, p.id, phase, store.clock())
    for title in areas:
        add_area(store, p.id, title)
    return p


async def find(pilot: Pilot[None], name: str) -> None:
    """ctrl+f and a name, typed (the list follows what is typed)."""
    await typed(pilot, "ctrl+f", name)


def picked_line(screen: MeetingScreen) -> str:
    return str(screen.query_one("#picked", Static).visual)


@SPEEDS
async def test_a_note_typed_right_after_f3_is_text(store: Store, keys: Keys) -> None:
    """F3 puts the cursor in the note box: c, e, m and - are letters of the note."""
    p = at_phase(store, MeetingPhase.COMMITMENTS, ("Skills", "Supply chain"))
    app = Host(store, p.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        await find(pilot, "Ave")
        await keys(pilot, "f3", "cement-mixer crew, emergency", "down", "enter")
        assert app.screen is screen  # no rename, merge or quit question opened
        (item,) = store.launch(p.id).commitments
        supply = store.launch(p.id).action_areas[1]
        assert (item.person_id, item.area_id) == (person_id(store, "Avery Anders"), supply.id)
        assert item.note == "cement-mixer crew, emergency"
        assert [a.title for a in store.launch(p.id).action_areas] == ["Skills", "Supply chain"]
        assert all(a.vote_count == 0 for a in store.launch(p.id).action_areas)
        # the pick was for that one commitment
        assert picked_line(screen) == "Picked: nobody · F3 picks"
        assert screen.query_one("#commitment-note", Input).value == ""


@SPEEDS
async def test_f4_replaces_the_search_a_pick_is_for_one_item_and_entries_stay_apart(
    store: Store, keys: Keys
) -> None:
    """In turn: F4 (introduced) selects the search, so the next name replaces it; after F8,
    a pick (F3) is for the next opportunity only; entries (opportunities, then areas after
    F8) stay apart, each one item, and the entry box is left empty."""
    p = at_phase(store, MeetingPhase.INTRODUCTIONS)
    for name in ("Avery Anders", "Blake Brook"):
        logic_check_in(store, p.id, person_id(store, name), store.clock())
    app = Host(store, p.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await find(pilot, "Ave")
        await keys(pilot, "f4", "Bla")
        search = app.screen.query_one("#checkin-search", Input)
        assert search.value == "Bla", "F4 selects the search: the next name replaces it"
        await pilot.press("f4")
        introduced = {
            store.person(r.person_id).name
            for r in store.roles(partnership_id=p.id)
            if r.role is RoleKind.INDUSTRY_LEADER and r.leader and r.leader.introduced
        }
        assert introduced == {"Avery Anders", "Blake Brook"}, "F4 marks each introduced"

        await keys(pilot, "f8")
        assert store.launch(p.id).phase is MeetingPhase.OPPORTUNITIES
        await find(pilot, "Ave")
        await keys(pilot, "f3", "Robots", "enter", "Export growth", "enter")
        said = [o.person_id for o in store.launch(p.id).opportunities]
        assert said == [person_id(store, "Avery Anders"), None], "a pick is for one item"
        await keys(pilot, "Robotics", "enter", "Aging workforce", "enter", "Reshoring", "enter")
        await keys(pilot, "f8", "Skills pipeline", "enter", "Housing", "enter")
        meeting = store.launch(p.id)
        assert [o.text for o in meeting.opportunities][2:] == [
            "Robotics", "Aging workforce", "Reshoring"
        ], "entries stay apart"  # fmt: skip
        assert [o.person_id for o in meeting.opportunities][2:] == [None] * 3, "nobody picked"
        assert [a.title for a in meeting.action_areas] == [
            "Skills pipeline", "Housing"
        ], "areas stay apart"  # fmt: skip
        assert app.screen.query_one("#area-entry", Input).value == "", "the box is emptied"


@SPEEDS
async def test_dots_for_a_room_of_50_in_a_few_entries(
    store: Store, keys: Keys, notices: Notices
) -> None:
    p = at_phase(store, MeetingPhase.ACTION_AREAS, ("Skills", "Supply chain", "Housing"))
    app = Host(store, p.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        # nobody picked: the tally counted off each flip chart, one entry per area
        await keys(pilot, "tab", "17", "enter", "down", "+5", "enter", "down", "2", "enter")
        assert [a.vote_count for a in store.launch(p.id).action_areas] == [17, 5, 2]
        await keys(pilot, "-2", "enter")
        assert [a.vote_count for a in store.launch(p.id).action_areas] == [17, 5, 0]
        # one person's dots: the area numbers, one entry (F3 goes to the dots box)
        avery = person_id(store, "Avery Anders")
        await find(pilot, "Ave")
        await keys(pilot, "f3", "1 1 3", "enter")
        areas = store.launch(p.id).action_areas
        assert [a.votes.get(avery, 0) for a in areas] == [2, 0, 1]
        assert picked_line(screen) == "Picked: nobody · F3 picks"
        # too many dots are refused, said under the lists, and the entry stays to fix
        await find(pilot, "Bla")
        await keys(pilot, "f3", "2 2 2 2", "enter")
        assert "has 3 dots, not 4" in message(app)
        assert "has 3 dots" not in " ".join(notices.messages)
        assert screen.query_one("#dot-entry", Input).value == "2 2 2 2"
        assert [a.vote_count for a in store.launch(p.id).action_areas] == [19, 5, 1]


async def test_arrived_of_expected_and_the_present_filter(store: Store) -> None:
    p = at_phase(store, MeetingPhase.WELCOME)
    for name in ("Avery Anders", "Parker Pratt"):
        logic_check_in(store, p.id, person_id(store, name), store.clock())
    app = Host(store, p.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        people = app.screen.query_one("#people-list", OptionList)

        def names() -> list[str]:
            return [store.person(int(str(o.id)[1:])).name for o in people.options]

        assert "Present: 2 of 18" in screen_text(app)
        assert len(names()) == 18 and "Everyone (18) · F6" in screen_text(app)
        await typed(pilot, "f6")
        assert "Not yet arrived (16) · F6" in screen_text(app)
        assert "Avery Anders" not in names() and len(names()) == 16
        await typed(pilot, "ctrl+f", "Bla", "enter")  # checked in: leaves the list
        assert "Blake Brook" not in names() and "Present: 3 of 18" in screen_text(app)
        await typed(pilot, "ctrl+f", "backspace", "f6")
        assert sorted(names()) == ["Avery Anders", "Blake Brook", "Parker Pratt"]
        await typed(pilot, "f6")
        assert len(names()) == 18


async def test_resume_defaults_to_yes_q_asks_before_quitting_and_letters_search(
    store: Store,
) -> None:
    """In turn: the app's question to resume the meeting defaults to yes (enter); in the
    people list a name goes to the search; in a capture list q asks before quitting, and
    a second ctrl+q is no answer."""
    from nextgen_tui.app import RosterApp

    p = at_phase(store, MeetingPhase.COMMITMENTS, ("Skills",))
    app = RosterApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen), "the app offers to resume the meeting"
        focused = app.screen.focused
        assert focused is not None and focused.id == "yes", "the resume question: yes first"
        await pilot.press("enter")  # the app offers to resume the meeting: yes
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen) and screen.partnership_id == p.id, "resumed"
        screen.query_one("#people-list").focus()
        await pilot.pause()
        await typed(pilot, "quinn")  # in the people list, a name goes to the search
        assert screen.query_one("#checkin-search", Input).value == "quinn"
        assert app.screen is screen
        screen.query_one("#area-list").focus()
        await pilot.pause()
        await typed(pilot, "q")  # in a capture list, q asks first
        assert isinstance(app.screen, ConfirmScreen) and "Quit the app" in app.screen.question
        await typed(pilot, "n")
        assert app.screen is screen and app.is_running
        await typed(pilot, "ctrl+q", "ctrl+q")  # a second ctrl+q is no answer
        assert isinstance(app.screen, ConfirmScreen)
        await typed(pilot, "escape")
        assert app.screen is screen
        await pilot.press("ctrl+q", "y")
        await pilot.pause()
        assert app.return_code == 0


async def test_each_team_lead_is_chosen_at_the_close_then_corrected_from_the_summary(
    store: Store, notices: Notices
) -> None:
    """In turn: at the close the suggested leads are shown and one is changed; then, from
    the summary, e renames an area (and its team); t adds someone to a team; t with
    someone already on the team is refused with a plain reason and changes nothing."""
    p = at_phase(store, MeetingPhase.CLOSE, ("Skils", "Supply chain"))
    skills, supply = store.launch(p.id).action_areas
    add_opportunity(store, p.id, "Robots")
    for name, area in [("Parker Pratt", skills), ("Avery Anders", skills), ("Casey Cole", skills)]:
        add_commitment(store, p.id, person_id(store, name), area.id)
    add_commitment(store, p.id, person_id(store, "Devon Dale"), supply.id)
    app = Host(store, p.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await typed(pilot, "f9", "space", "down", "space", "ctrl+s")
        leads = app.screen
        assert isinstance(leads, LeadsScreen), "the priorities lead to the leads"
        text = screen_text(app)
        assert "Avery Anders" in text and "Devon Dale" in text, "suggested: champion, industry"
        # Casey leads Skils instead of the champion
        await typed(pilot, "enter", "down", "enter")  # the list opens on Avery
        await typed(pilot, "ctrl+s")
        assert isinstance(app.screen, ConfirmScreen), "closing asks first"
        await typed(pilot, "y")
        roles = {
            (r.team_id, store.person(r.person_id).name): r.role
            for r in store.roles(partnership_id=p.id)
            if r.team_id is not None
        }
        teams = {t.name: t.id for t in store.teams(p.id)}
        lead, member = RoleKind.ACTION_TEAM_LEAD, RoleKind.ACTION_TEAM_MEMBER
        assert roles == {
            (teams["Skils"], "Parker Pratt"): member,
            (teams["Skils"], "Avery Anders"): member,
            (teams["Skils"], "Casey Cole"): lead,
            (teams["Supply chain"], "Devon Dale"): lead,
        }, "the chosen leads lead their teams"

        # corrections from the summary of the closed meeting
        await typed(pilot, "e")
        assert isinstance(app.screen, ChoiceScreen), "e asks what to correct"
        await typed(pilot, "skil", "enter")  # narrows to the area
        await typed(pilot, "ctrl+u", "Skills", "ctrl+s")
        assert store.launch(p.id).action_areas[0].title == "Skills", "the area is renamed"
        team = next(t for t in store.teams(p.id) if t.id == teams["Skils"])
        assert team.name == "Skills", "its team is renamed too"
        await typed(pilot, "t", "enter", "emery", "enter")  # the first team (Skills), Emery
        emery = person_id(store, "Emery Eck")
        assert any(
            r.person_id == emery and r.team_id == team.id for r in store.roles(partnership_id=p.id)
        ), "t adds Emery to the team"
        summary = app.screen.query_one("#summary-text", Markdown).source
        assert "Emery Eck (Firm 5) → Skills" in summary, "the summary shows her"

        # someone already on the team: refused with a plain reason, nothing changes
        before = store.roles(partnership_id=p.id)
        await typed(pilot, "t", "enter", "avery", "enter")
        assert isinstance(app.screen, MeetingScreen), "the refusal leaves the summary up"
        assert Notice("Avery Anders is already on Skills.", "Not saved", "error") in (
            notices.seen
        ), "the refusal says why"
    assert store.roles(partnership_id=p.id) == before, "a refused correction changes nothing"


class FirstFrame(MeetingScreen):
    """Records the layout classes the screen has when it first mounts."""

    CSS_PATH = str(Path(screen_module.__file__).with_name("meeting.tcss"))
    classes_at_mount: set[str] = set()

    def on_mount(self) -> None:
        FirstFrame.classes_at_mount = set(self.classes)


@pytest.mark.parametrize(("width", "layout"), [(120, "-narrow"), (160, "-wide")])
async def test_the_layout_fits_the_width_from_the_first_frame(
    store: Store, width: int, layout: str
) -> None:
    p = seed(store)

    class FirstHost(Host):
        def on_mount(self) -> None:
            self.push_screen(FirstFrame(self.partnership_id))

    app = FirstHost(store, p.id)
    async with app.run_test(size=(width, 12)) as pilot:  # only the width matters
        await pilot.pause()
        assert layout in FirstFrame.classes_at_mount
        other = "-wide" if layout == "-narrow" else "-narrow"
        assert other not in FirstFrame.classes_at_mount
