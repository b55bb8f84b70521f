"""The editing modals of the stage views, driven with Pilot as a convener would."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from rich.console import Console
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Checkbox, Input, OptionList, Select, SelectionList, Static, TextArea

from nextgen_tui.models import (
    ActionArea,
    ChampionStatus,
    ConveningKind,
    InvitationStatus,
    LaunchMeeting,
    OrgKind,
    RoleKind,
)
from nextgen_tui.store import Store
from screens.confirm import ConfirmScreen
from screens.editors.common import DateError, parse_date
from screens.editors.convening_form import ConveningForm
from screens.editors.debrief_form import DebriefForm
from screens.editors.launch_form import LaunchForm
from screens.editors.partnership_form import PartnershipForm
from screens.editors.person_picker import PersonPicker, rank
from screens.editors.roles import ChampionEditor, LeaderEditor
from screens.editors.team_editor import TeamEditor
from tests import factories as f

SIZE = (110, 50)


class Host(App[None]):
    """A tiny app holding a store, like the real app."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.results: list[Any] = []

    def compose(self) -> ComposeResult:
        yield Static("host")


async def open_modal(app: Host, pilot: Pilot[None], screen: Screen[Any]) -> None:
    app.push_screen(screen, app.results.append)
    await pilot.pause()


async def type_into(pilot: Pilot[None], selector: str, text: str) -> None:
    """Fill an input: its last character is typed, the rest pasted (keeps tests fast)."""
    widget = pilot.app.screen.query_one(selector, Input)
    widget.focus()
    await pilot.pause()  # focusing selects what is there; set the text after that
    widget.value = text[:-1]
    widget.cursor_position = len(widget.value)
    if text:
        await pilot.press(text[-1])


def error_text(app: App[Any], name: str) -> str:
    line = app.screen.query_one(f"#error-{name}", Static)
    return str(line.render()) if line.has_class("-shown") else ""


def screen_text(app: App[Any]) -> str:
    """The text on screen as a user reads it (markup, if any, already applied)."""
    console = Console(width=app.size.width, file=io.StringIO(), record=True, force_terminal=True)
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text()


def champion_setup(store: Store) -> dict[str, Any]:
    p = f.partnership(store)
    acme = f.org(store, "Acme Tools")
    college = f.org(store, "Valley College", OrgKind.COMMUNITY_COLLEGE)
    ceo = f.person(store, "Carla Diaz", acme, title="CEO")
    dean = f.person(store, "Dean Wu", college, title="Dean")
    outsider = f.person(store, "Olga Outside", college)
    store.assign(p.id, dean.id, RoleKind.CORE_TEAM)
    role = f.champion(store, p, ceo, ChampionStatus.PROSPECT)
    return {"p": p, "ceo": ceo, "dean": dean, "outsider": outsider, "role": role}


# --------------------------------------------------------------------------- dates


def test_parse_date_explains_in_plain_english() -> None:
    assert parse_date("2026-03-31") == date(2026, 3, 31)
    assert parse_date("  ") is None
    with pytest.raises(DateError, match="like 2026-03-31"):
        parse_date("next tuesday")
    with pytest.raises(DateError, match="not a day on the calendar"):
        parse_date("2026-02-30")
    with pytest.raises(DateError, match="required"):
        parse_date("", required=True)


# --------------------------------------------------------------------------- partnership


async def test_partnership_form_creates_and_refuses_a_duplicate_name(store: Store) -> None:
    app = Host(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_modal(app, pilot, PartnershipForm())
        await type_into(pilot, "#field-name", "Health Care, South Bay")
        await type_into(pilot, "#field-industry", "Health Care")
        await pilot.press("ctrl+s")
        await pilot.pause()
        [created] = store.partnerships()
        assert app.results == [created.id]
        assert created.industry == "Health Care"
        assert created.thresholds.companies_min == 12  # the toolkit default

        await open_modal(app, pilot, PartnershipForm())
        await type_into(pilot, "#field-name", "health care, south bay")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PartnershipForm)
        assert "already exists" in error_text(app, "name")
        assert app.screen.query_one("#field-name", Input).value == "health care, south bay"
        assert len(store.partnerships()) == 1


async def test_partnership_thresholds_errors_open_the_section(store: Store) -> None:
    p = f.partnership(store)
    app = Host(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_modal(app, pilot, PartnershipForm(p.id))
        assert app.screen.query_one("#thresholds").collapsed
        await type_into(pilot, "#field-champions_min", "9")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not app.screen.query_one("#thresholds").collapsed
        assert "must not be more than" in error_text(app, "thresholds")
        assert store.partnership(p.id).thresholds.champions_min == 2  # nothing saved

        await type_into(pilot, "#field-champions_min", "3")
        await type_into(pilot, "#field-companies_min", "8")
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = store.partnership(p.id)
        assert (saved.thresholds.champions_min, saved.thresholds.companies_min) == (3, 8)
        assert app.results == [p.id]


# --------------------------------------------------------------------------- roles


async def test_champion_editor_sets_status_criteria_and_outreach_owner(store: Store) -> None:
    s = champion_setup(store)
    app = Host(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_modal(app, pilot, ChampionEditor(s["role"].id))
        owner = app.screen.query_one("#field-outreach_owner_id", Select)
        offered = {value for _, value in owner._options}
        assert s["dean"].id in offered  # on the core team
        assert s["outsider"].id not in offered and s["ceo"].id not in offered
        app.screen.query_one("#field-status", Select).value = ChampionStatus.COMMITTED
        owner.value = s["dean"].id
        for name in ("passionate_company", "passionate_industry", "passionate_community"):
            app.screen.query_one(f"#field-{name}", Checkbox).focus()
            await pilot.press("space")
        await pilot.press("ctrl+s")
        await pilot.pause()
    details = store.role(s["role"].id).champion
    assert details is not None
    assert details.status is ChampionStatus.COMMITTED
    assert details.meets_criteria
    assert details.outreach_owner_id == s["dean"].id
    assert app.results == [True]


async def test_leader_editor_records_invitation_and_attendance(store: Store) -> None:
    p = f.partnership(store)
    who = f.person(store, "Lee Park", f.org(store, "Park Metals"))
    role = f.leader(store, p, who, InvitationStatus.INVITED)
    app = Host(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_modal(app, pilot, LeaderEditor(role.id))
        assert "Lee Park (Park Metals)" in screen_text(app)
        app.screen.query_one("#field-invitation", Select).value = InvitationStatus.ACCEPTED
        app.screen.query_one("#field-attended", Checkbox).focus()
        await pilot.press("space", "ctrl+s")
        await pilot.pause()
    leader = store.role(role.id).leader
    assert leader is not None
    assert (leader.invitation, leader.attended, leader.introduced) == (
        InvitationStatus.ACCEPTED,
        True,
        False,
    )


# --------------------------------------------------------------------------- launch


async def test_launch_form_explains_a_bad_date_then_saves_with_facilitator(store: Store) -> None:
    s = champion_setup(store)
    p = s["p"]
    store.save_role(s["role"].updated(champion={"status": "committed"}))
    host = f.org(store, "Harlow Plastics")
    f.org(store, "Job Center North", OrgKind.JOB_CENTER)
    neutral = f.person(store, "Nora Neutral", title="Facilitator")
    app = Host(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_modal(app, pilot, LaunchForm(p.id))
        hosts = {value for _, value in app.screen.query_one("#field-host_org_id", Select)._options}
        assert host.id in hosts and len(hosts) == 3  # blank, Acme Tools, Harlow Plastics
        await type_into(pilot, "#field-on", "next month")
        await type_into(pilot, "#field-place", "Harlow plant, Hall B")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LaunchForm)
        assert "must be a date like 2026-03-31" in error_text(app, "on")
        assert app.screen.query_one("#field-place", Input).value == "Harlow plant, Hall B"
        assert store.launch(p.id).id == 0  # nothing saved

        await type_into(pilot, "#field-on", "2026-09-15")
        app.screen.query_one("#field-host_org_id", Select).value = host.id
        app.screen.query_one("#field-opener_id", Select).value = s["ceo"].id
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, PersonPicker)
        await pilot.press(*"nora", "enter")
        await pilot.pause()
        assert "Nora Neutral" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.results == [True]
    launch = store.launch(p.id)
    assert (launch.on, launch.place, launch.host_org_id) == (
        date(2026, 9, 15),
        "Harlow plant, Hall B",
        host.id,
    )
    assert launch.opener_id == s["ceo"].id and launch.closer_id is None
    [facilitator] = store.snapshot(p.id).holders(RoleKind.FACILITATOR)
    assert facilitator.person_id == neutral.id


async def test_launch_form_replaces_the_facilitator(store: Store) -> None:
    p = f.partnership(store)
    old = f.person(store, "Old Facilitator")
    new = f.person(store, "New Facilitator")
    first = store.assign(p.id, old.id, RoleKind.FACILITATOR)
    app = Host(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_modal(app, pilot, LaunchForm(p.id))
        await pilot.click("#choose-facilitator")
        await pilot.pause()
        await pilot.press(*"new", "enter", "ctrl+s")
        await pilot.pause()
    assert store.role(first.id).end is not None
    assert [r.person_id for r in store.snapshot(p.id).holders(RoleKind.FACILITATOR)] == [new.id]


# --------------------------------------------------------------------------- action teams


def seed_priorities(store: Store) -> dict[str, Any]:
    p = f.partnership(store)
    store.save_launch(
        LaunchMeeting(
            partnership_id=p.id,
            held=True,
            action_areas=[
                ActionArea(id=1, title="Talent pipeline"),
                ActionArea(id=2, title="Supply chain"),
            ],
            priority_area_ids=[1],
        )
    )
    acme = f.org(store, "Acme Tools")
    college = f.org(store, "Valley College", OrgKind.COMMUNITY_COLLEGE)
    ceo = f.person(store, "Carla Diaz", acme)
    dean = f.person(store, "Dean Wu", college)
    return {"p": p, "ceo": ceo, "dean": dean}


def gap_rules(store: Store, partnership_id: int) -> set[str] | None:
    """The rule ids of the partnership's gaps (None while the gap engine is not there)."""
    try:
        from nextgen_tui.gaps import analyze
    except ImportError:
        return None
    return {gap.rule for gap in analyze(store.snapshot(partnership_id), f.TODAY)}


async def pick_person(pilot: Pilot[None], typed: str) -> None:
    await pilot.press("ctrl+n")
    await pilot.pause()
    assert isinstance(pilot.app.screen, PersonPicker)
    await pilot.press(*typed, "enter")
    await pilot.pause()


async def test_team_editor_forms_a_team_for_a_priority_area(store: Store) -> None:
    s = seed_priorities(store)
    p = s["p"]
    before = gap_rules(store, p.id)
    assert before is None or "priority-without-team" in before
    app = Host(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_modal(app, pilot, TeamEditor(p.id))
        area = app.screen.query_one("#field-priority_area_id", Select)
        assert "★ Talent pipeline" in str(area._options[1][0])  # chosen priorities first
        area.value = 1
        await pilot.pause()
        assert app.screen.query_one("#field-name", Input).value == "Talent pipeline"
        await type_into(pilot, "#field-next_step", "Survey member companies")
        await type_into(pilot, "#field-new_meeting", "2026-06-20")
        await pilot.press("enter")
        await type_into(pilot, "#field-new_meeting", "2026-06-31")
        await pilot.press("enter")
        assert "not a day on the calendar" in error_text(app, "new_meeting")
        await type_into(pilot, "#field-new_meeting", "")
        await pick_person(pilot, "carla")
        await pick_person(pilot, "dean")
        text = screen_text(app)
        assert "Carla Diaz — Acme Tools  [industry]" in text
        assert "Dean Wu — Valley College  [support]" in text
        members = app.screen.query_one("#members", OptionList)
        members.focus()
        members.highlighted = 0  # Carla (sorted by name)
        await pilot.press("l", "ctrl+s")
        await pilot.pause()
        assert app.results == [True]
    [team] = store.teams(p.id)
    assert (team.name, team.priority_area_id, team.next_step) == (
        "Talent pipeline",
        1,
        "Survey member companies",
    )
    assert team.meetings == [date(2026, 6, 20)]
    roles = {(r.person_id, r.role) for r in store.roles(partnership_id=p.id) if r.team_id}
    assert roles == {
        (s["ceo"].id, RoleKind.ACTION_TEAM_LEAD),
        (s["dean"].id, RoleKind.ACTION_TEAM_MEMBER),
    }
    after = gap_rules(store, p.id)
    assert after is None or "priority-without-team" not in after


async def test_team_editor_removes_a_member_and_moves_the_lead(store: Store) -> None:
    s = seed_priorities(store)
    p = s["p"]
    from nextgen_tui.models import ActionTeam

    team = store.save_team(ActionTeam(partnership_id=p.id, name="Talent", priority_area_id=1))
    lead = store.assign(p.id, s["ceo"].id, RoleKind.ACTION_TEAM_LEAD, team_id=team.id)
    member = store.assign(p.id, s["dean"].id, RoleKind.ACTION_TEAM_MEMBER, team_id=team.id)
    app = Host(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_modal(app, pilot, TeamEditor(p.id, team.id))
        members = app.screen.query_one("#members", OptionList)
        members.focus()
        members.highlighted = 0  # the lead is listed first
        await pilot.press("l")  # Carla is a member again
        members.highlighted = 1  # Dean
        await pilot.press("delete", "ctrl+s")
        await pilot.pause()
    assert store.role(lead.id).end is not None
    assert store.role(member.id).end is not None
    current = [(r.person_id, r.role) for r in store.roles(partnership_id=p.id) if r.team_id]
    assert current == [(s["ceo"].id, RoleKind.ACTION_TEAM_MEMBER)]


# --------------------------------------------------------------------------- convenings


async def test_convening_form_records_attendance(store: Store) -> None:
    s = champion_setup(store)
    p = s["p"]
    app = Host(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_modal(app, pilot, ConveningForm(p.id))
        assert app.screen.query_one("#field-on", Input).value == "2026-06-01"  # today
        attendance = app.screen.query_one("#field-attendee_ids", SelectionList)
        offered = {attendance.get_option_at_index(i).value for i in range(attendance.option_count)}
        assert offered == {s["ceo"].id, s["dean"].id}  # role holders only
        attendance.focus()
        attendance.highlighted = 0
        await pilot.press("space", "down", "space")
        await type_into(pilot, "#field-title", "Summer convening")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.results == [True]
    [convening] = store.convenings(p.id)
    assert convening.kind is ConveningKind.QUARTERLY and convening.on == f.TODAY
    assert sorted(convening.attendee_ids) == sorted([s["ceo"].id, s["dean"].id])
    assert convening.title == "Summer convening"


async def test_convening_form_edits_attendance_and_needs_a_team(store: Store) -> None:
    s = champion_setup(store)
    p = s["p"]
    from nextgen_tui.models import Convening

    old = store.save_convening(
        Convening(partnership_id=p.id, on=date(2026, 3, 1), attendee_ids=[s["outsider"].id])
    )
    app = Host(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_modal(app, pilot, ConveningForm(p.id, old.id))
        attendance = app.screen.query_one("#field-attendee_ids", SelectionList)
        assert attendance.selected == [s["outsider"].id]  # kept although they hold no role
        app.screen.query_one("#field-kind", Select).value = ConveningKind.ACTION_TEAM
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "needs a team" in error_text(app, "team_id")
        assert store.convening(old.id).kind is ConveningKind.QUARTERLY
        app.screen.query_one("#field-kind", Select).value = ConveningKind.QUARTERLY
        attendance.select(s["dean"].id)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert sorted(store.convening(old.id).attendee_ids) == sorted([s["outsider"].id, s["dean"].id])


# --------------------------------------------------------------------------- debrief


async def test_debrief_form_saves_date_and_notes(store: Store) -> None:
    p = f.partnership(store)
    app = Host(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_modal(app, pilot, DebriefForm(p.id))
        await type_into(pilot, "#field-on", "2026-05-28")
        app.screen.query_one("#field-notes", TextArea).focus()
        app.screen.query_one("#field-notes", TextArea).insert("Keep the CEOs in front\n[b]not")
        await pilot.press(*" [/b]")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.results == [True]
    debrief = store.partnership(p.id).debrief
    assert debrief is not None and debrief.on == date(2026, 5, 28)
    assert debrief.notes == "Keep the CEOs in front\n[b]not [/b]"


# --------------------------------------------------------------------------- person picker


def test_rank_puts_name_starts_first_and_forgives_typos() -> None:
    hays = [
        "alan smith\nacme tools\nceo\n",  # "smith" starts a word
        "ann lee\nblacksmith co\n\n",  # "smith" inside a word
        "smithers ng\nvalley college\ndean\nsng@valley.edu",  # the name starts "smith"
        "mary jones\n\n\n",
    ]
    assert rank("smith", hays) == [2, 0, 1]
    assert rank("valley dean", hays) == [2]  # every word, in any field
    assert rank("smihters", hays)[:1] == [2]  # a typo still finds Smithers
    assert rank("", hays) == [0, 1, 2, 3]
    assert rank("zz", hays) == []


async def test_person_picker_filters_as_you_type_and_picks(store: Store) -> None:
    acme = f.org(store, "Acme Tools")
    f.person(store, "Ann Lee", acme, title="Plant manager")
    bo = f.person(store, "Bo Chen", f.org(store, "Valley College"), email="bo@valley.edu")
    f.person(store, "Cy Diaz", acme)
    app = Host(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_modal(app, pilot, PersonPicker("Who?"))
        matches = app.screen.query_one("#picker-matches", OptionList)
        assert matches.option_count == 4  # three people and "new person"
        await pilot.press(*"acme")
        assert [o.id for o in matches.options][:2] == ["p1", "p3"]  # by organization
        await pilot.press(*" pla")
        assert matches.option_count == 2  # Ann, and "new person"
        for _ in "acme pla":
            await pilot.press("backspace")
        await pilot.press(*"y.edu")
        assert "Bo Chen" in screen_text(app) and "Ann Lee" not in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert app.results == [bo.id]

        await open_modal(app, pilot, PersonPicker("Who else?", exclude={bo.id}))
        await pilot.press(*"bo ch")
        assert "Nobody matches" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.results == [bo.id, None]


async def test_person_picker_adds_a_new_person(store: Store) -> None:
    pytest.importorskip("screens.person_form")
    app = Host(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_modal(app, pilot, PersonPicker("Who?"))
        await pilot.press(*"Zed Quinn", "ctrl+n")
        await pilot.pause()
        assert app.screen.query_one("#field-name", Input).value == "Zed Quinn"
        await pilot.press("ctrl+s")
        await pilot.pause()
    [zed] = store.people()
    assert zed.name == "Zed Quinn" and app.results == [zed.id]


# --------------------------------------------------------------------------- conventions


def hostile_file(store: Store) -> dict[str, Any]:
    names = f.HOSTILE_NAMES
    p = f.partnership(store, name=names[0], industry=names[1], region=names[2])
    company = f.org(store, names[3])
    college = f.org(store, names[4], OrgKind.COMMUNITY_COLLEGE)
    people = [
        f.person(store, name, company if i % 2 else college, title=names[-2])
        for i, name in enumerate(names)
    ]
    champion = f.champion(store, p, people[1], outreach_owner_id=people[2].id)
    store.assign(p.id, people[2].id, RoleKind.CORE_TEAM)
    leader = f.leader(store, p, people[3])
    store.assign(p.id, people[4].id, RoleKind.FACILITATOR)
    store.save_launch(
        LaunchMeeting(
            partnership_id=p.id,
            opener_id=people[1].id,
            host_org_id=company.id,
            place=names[5],
            action_areas=[ActionArea(id=1, title=names[6])],
            priority_area_ids=[1],
        )
    )
    from nextgen_tui.models import ActionTeam

    team = store.save_team(ActionTeam(partnership_id=p.id, name=names[7], priority_area_id=1))
    store.assign(p.id, people[5].id, RoleKind.ACTION_TEAM_LEAD, team_id=team.id)
    return {"p": p, "champion": champion, "leader": leader, "team": team}


HOSTILE_SHOWN = [name for name in f.HOSTILE_NAMES if len(name) < 40]


async def test_hostile_names_render_literally_in_every_modal(store: Store) -> None:
    s = hostile_file(store)
    pid = s["p"].id
    ann, accent, link, formula, rtl, emoji, bold = f.HOSTILE_NAMES[1:8]
    modals: list[tuple[Callable[[], Screen[Any]], list[str]]] = [
        (lambda: PartnershipForm(pid), ["Bob [/]", ann, accent]),
        (lambda: ChampionEditor(s["champion"].id), [f"Champion: {ann} ({link})", accent]),
        (lambda: LeaderEditor(s["leader"].id), [link]),
        (lambda: LaunchForm(pid), [rtl, link, f"{ann} — {link}", formula]),
        (lambda: TeamEditor(pid, s["team"].id), [bold, emoji, f"{rtl} — {link}"]),
        (lambda: ConveningForm(pid), [ann, accent, link, formula, rtl]),
        (lambda: DebriefForm(pid), []),
        (lambda: PersonPicker("Who? [b]not bold[/b]"), [*HOSTILE_SHOWN, "[b]not bold[/b]"]),
    ]
    app = Host(store)
    async with app.run_test(size=(160, 60)) as pilot:
        for make, expected in modals:
            await open_modal(app, pilot, make())
            text = screen_text(app)
            for name in expected:
                assert name in text, (type(app.screen).__name__, name)
            await pilot.press("tab", "tab", "escape")  # nothing typed: closes at once
            await pilot.pause()
            assert not isinstance(app.screen, ConfirmScreen), type(app.screen).__name__
        assert app.screen is app.screen_stack[0]
        # the team's priority area, in the Select's open overlay, is literal too
        await open_modal(app, pilot, TeamEditor(pid, s["team"].id))
        app.screen.query_one("#field-priority_area_id", Select).action_show_overlay()
        await pilot.pause()
        assert f"★ {emoji} (priority)" in screen_text(app)


async def test_escape_on_a_changed_form_asks_before_discarding(store: Store) -> None:
    s = seed_priorities(store)
    p = s["p"]
    app = Host(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_modal(app, pilot, DebriefForm(p.id))
        app.screen.query_one("#field-notes", TextArea).focus()
        await pilot.press(*"half", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, DebriefForm)
        assert app.screen.query_one("#field-notes", TextArea).text == "half"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.results == [None]
        assert store.partnership(p.id).debrief is None

        await open_modal(app, pilot, TeamEditor(p.id))
        await pick_person(pilot, "dean")
        await pilot.press("escape")  # a member added counts as a change
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)


async def test_a_record_deleted_meanwhile_closes_the_form_with_a_message(store: Store) -> None:
    p = f.partnership(store)
    app = Host(store)
    async with app.run_test(size=SIZE) as pilot:
        for modal in (ChampionEditor(999), TeamEditor(p.id, 999), ConveningForm(p.id, 999)):
            await open_modal(app, pilot, modal)
            await pilot.pause()
            assert app.screen is app.screen_stack[0]
        assert app.results == [None, None, None]
        assert any("no longer exists" in n.message for n in app._notifications)
