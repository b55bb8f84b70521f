"""The action team editor, the convening form and the debrief form."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input, OptionList, Select, SelectionList, TextArea

from nextgen_tui.models import ActionTeam, Convening, ConveningKind, RoleKind
from nextgen_tui.store import Store
from screens.editors.convening_form import ConveningForm
from screens.editors.debrief_form import DebriefForm
from screens.editors.team_editor import TeamEditor
from tests import factories as f
from tests.editor_ui import (
    SIZE,
    Host,
    champion_setup,
    error_text,
    open_modal,
    pick_person,
    screen_text,
    seed_priorities,
    type_into,
)

# --------------------------------------------------------------------------- action teams


def gap_rules(store: Store, partnership_id: int) -> set[str] | None:
    """The rule ids of the partnership's gaps (None while the gap engine is not there)."""
    try:
        from nextgen_tui.gaps import analyze
    except ImportError:
        return None
    return {gap.rule for gap in analyze(store.snapshot(partnership_id), f.TODAY)}


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
