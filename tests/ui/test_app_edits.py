"""More convener flows, driven with keys: the directory, role details, teams, convenings.

Each test checks the file (the store) and what the screen shows, gaps included.
"""

from __future__ import annotations

from datetime import date

from textual.widgets import Select, SelectionList

from nextgen_tui.app import RosterApp
from nextgen_tui.gaps.analysis import analyze
from nextgen_tui.gaps.catalogue import Severity
from nextgen_tui.models import ActionArea, ConveningKind, LaunchMeeting, OrgKind, RoleKind, Stage
from nextgen_tui.store.repository import Store
from screens.partnerships.screen import PartnershipsScreen, PartnershipTable
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

SIZE = (100, 24)  # the stage view wide (100 columns and up): its layout is not the point


async def test_list_shows_industry_region_stage_and_gap_counts_and_renames(store: Store) -> None:
    """One app on the list of two partnerships (one in Launch), in turn:

    - each row shows name, industry, region, stage, and its stage's blocker and warning counts;
    - e renames the highlighted partnership, and the list shows the new name only.
    """
    launch = f.partnership(store, "Construction, South", "Construction", "South")
    store.save_partnership(store.partnership(launch.id).updated(stage=Stage.LAUNCH))
    prepare = f.partnership(store)
    app = RosterApp(store)
    async with app.run_test(size=(120, 30)) as pilot:  # the list's columns in full
        await wait(pilot)
        screen = app.screen
        assert isinstance(screen, PartnershipsScreen)
        table = screen.query_one(PartnershipTable)
        rows = {
            str(table.get_row_at(i)[0]): [str(cell) for cell in table.get_row_at(i)]
            for i in range(table.row_count)
        }
        for p in (launch, prepare):
            gaps = [
                g
                for g in analyze(store.snapshot(p.id), store.today())
                if g.stage is store.partnership(p.id).stage
            ]
            blockers = sum(g.severity is Severity.BLOCKER for g in gaps)
            warnings = sum(g.severity is Severity.WARNING for g in gaps)
            assert blockers and warnings, f"{p.name}: far from ready"
            stage = store.partnership(p.id).stage.label
            expected = [p.name, p.industry, p.region, stage, str(blockers), str(warnings)]
            assert rows[p.name] == expected, f"list: the row of {p.name}"

        # ---- rename a partnership
        screen.select(prepare.id)
        await pilot.press("e")
        await wait(pilot)
        await pilot.press("ctrl+u")
        await type_in(pilot, "Manufacturing, North")  # pasted
        await pilot.press("ctrl+s")
        await wait(pilot)
        assert store.partnership(prepare.id).name == "Manufacturing, North", "rename: stored"
        assert app.screen is screen, "rename: back on the list"
        text = screen_text(app)
        assert "Manufacturing, North" in text, "rename: the new name shown"
        assert "Advanced Manufacturing, North Valley" not in text, "rename: the old one gone"


async def test_add_organizations_and_people_from_the_palette(
    store: Store, notices: Notices
) -> None:
    f.partnership(store)
    app = RosterApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await run_palette_command(pilot, "add organization")
        await type_in(pilot, "Acme Forge")
        kind = app.screen.query_one("#field-kind", Select)
        assert kind.value is OrgKind.UNKNOWN  # the name says nothing: never a company
        kind.value = OrgKind.COMPANY  # the convener says what it is
        await pilot.press("ctrl+s")
        await wait(pilot)
        [acme] = store.organizations()
        assert (acme.name, acme.kind) == ("Acme Forge", OrgKind.COMPANY)

        await run_palette_command(pilot, "add person")
        await type_in(pilot, "Ann Able", "CEO", "Acme Forge")
        await pilot.press("ctrl+s")
        await wait(pilot)
        [ann] = store.people()
        assert (ann.name, ann.title, ann.organization_id) == ("Ann Able", "CEO", acme.id)
        assert any("Saved Ann Able" in message for message in notices.messages)

        # a person whose organization does not exist yet: it is created with them
        await run_palette_command(pilot, "add person")
        await type_in(pilot, "Dana Dean", "", "Valley College")
        await pilot.press("ctrl+s")
        await wait(pilot)
        assert type(app.screen).__name__ == "OrgKindScreen"  # what kind of organization?
        await pilot.press("enter")
        await wait(pilot)
        dana = next(p for p in store.people() if p.name == "Dana Dean")
        college = store.organization_by_name("Valley College")
        assert college is not None and dana.organization_id == college.id
        assert college.kind is OrgKind.COMMUNITY_COLLEGE  # guessed from the name: public
        stage_screen(app)  # back where the convener was


async def test_set_an_outreach_owner_from_the_gap(store: Store, notices: Notices) -> None:
    p = f.partnership(store)
    ceo = f.person(store, "Ann Able", f.org(store, "Acme Forge"))
    staff = f.person(store, "Dana Dean", f.org(store, "Valley College", OrgKind.COMMUNITY_COLLEGE))
    store.assign(p.id, staff.id, RoleKind.CORE_TEAM)
    champion = f.champion(store, p, ceo)
    app = RosterApp(store)
    async with app.run_test(size=SIZE) as pilot:
        assert "champion-no-outreach-owner" in gap_rules(app)
        await highlight_gap(pilot, "champion-no-outreach-owner")
        await pilot.press("enter")  # one champion concerned: their editor opens
        await wait(pilot)
        assert type(app.screen).__name__ == "ChampionEditor"
        assert "Ann Able" in screen_text(app)
        await select_value(pilot, "field-outreach_owner_id", staff.id)
        await pilot.press("ctrl+s")
        await wait(pilot)
        details = store.role(champion.id).champion
        assert details is not None and details.outreach_owner_id == staff.id
        stage_screen(app)
        assert "champion-no-outreach-owner" not in gap_rules(app)
        assert any(
            "Ann Able" in line and "outreach: Dana Dean" in line for line in roster_lines(app)
        )
        assert "Saved" in notices.messages


def _launched(store: Store) -> int:
    """A partnership in Action whose launch chose one priority, with one industry leader."""
    p = f.partnership(store, stage=Stage.ACTION)
    store.save_launch(
        LaunchMeeting(
            partnership_id=p.id,
            on=date(2026, 5, 1),
            held=True,
            action_areas=[ActionArea(id=1, title="Maintenance apprenticeship")],
            priority_area_ids=[1],
        )
    )
    f.leader(store, p, f.person(store, "Ann Able", f.org(store, "Acme Forge")), attended=True)
    return p.id


async def test_form_an_action_team_clears_priority_without_team(store: Store) -> None:
    pid = _launched(store)
    ann = store.people()[0]
    app = RosterApp(store)
    async with app.run_test(size=SIZE) as pilot:
        assert stage_screen(app).view_stage is Stage.ACTION
        assert "priority-without-team" in gap_rules(app)
        await highlight_gap(pilot, "priority-without-team")
        await pilot.press("enter")  # the place to fix it: a new action team
        await wait(pilot)
        assert type(app.screen).__name__ == "TeamEditor"
        await select_value(pilot, "field-priority_area_id", 1)  # names the team after it
        await pilot.press("ctrl+n")
        await wait(pilot)
        await pilot.press(*"Ann", "enter")
        await wait(pilot)
        assert "Ann Able" in screen_text(app)
        await pilot.press("ctrl+s")
        await wait(pilot)
        [team] = store.teams(pid)
        assert (team.name, team.priority_area_id) == ("Maintenance apprenticeship", 1)
        [member] = [r for r in store.roles(partnership_id=pid) if r.team_id == team.id]
        assert (member.person_id, member.role) == (ann.id, RoleKind.ACTION_TEAM_MEMBER)
        stage_screen(app)
        assert "priority-without-team" not in gap_rules(app)
        lines = roster_lines(app)
        assert any(line.startswith("✔ Maintenance apprenticeship 1") for line in lines), lines

        await pilot.press("ctrl+z")  # undo takes the whole team away again
        await wait(pilot)
        assert store.teams(pid) == []
        assert "priority-without-team" in gap_rules(app)


async def test_record_a_convening_and_its_attendance(store: Store) -> None:
    p = f.partnership(store, stage=Stage.SUSTAIN)
    ann = f.person(store, "Ann Able", f.org(store, "Acme Forge"))
    bo = f.person(store, "Bo Best", f.org(store, "Best Castings"))
    for who in (ann, bo):
        f.champion(store, p, who)
    store.save_launch(LaunchMeeting(partnership_id=p.id, held=True, on=date(2026, 1, 5)))
    app = RosterApp(store)
    async with app.run_test(size=SIZE) as pilot:
        assert stage_screen(app).view_stage is Stage.SUSTAIN
        assert "no-quarterly-convening" in gap_rules(app)
        assert roster_lines(app)[0].startswith("▼ Convenings 0")
        await pilot.press("c")
        await wait(pilot)
        assert type(app.screen).__name__ == "ConveningForm"
        attendance = app.screen.query_one("#field-attendee_ids", SelectionList)
        attendance.focus()
        await pilot.press("space")  # the first listed: Ann Able
        await pilot.press("ctrl+s")
        await wait(pilot)
        [convening] = store.convenings(p.id)
        assert (convening.on, convening.kind) == (date(2026, 6, 1), ConveningKind.QUARTERLY)
        assert convening.attendee_ids == [ann.id]
        assert "no-quarterly-convening" not in gap_rules(app)
        lines = roster_lines(app)
        assert lines[0].startswith("✔ Convenings 1 recorded")
        assert "2026-06-01  Quarterly convening — 1 attended" in lines[1]

        # enter on the convening edits its attendance
        roster = app.screen.query_one(RosterList)
        roster.focus()
        roster.highlighted = 1
        await pilot.press("enter")
        await wait(pilot)
        attendance = app.screen.query_one("#field-attendee_ids", SelectionList)
        assert attendance.selected == [ann.id]
        attendance.focus()
        await pilot.press("down", "space", "ctrl+s")
        await wait(pilot)
        assert sorted(store.convening(convening.id).attendee_ids) == sorted([ann.id, bo.id])
        assert "2 attended" in roster_lines(app)[1]
