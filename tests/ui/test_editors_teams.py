"""The action team editor, the convening form and the debrief form."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from textual.widgets import Input, OptionList, Select, SelectionList, TextArea

from nextgen_tui.errors import WriteFailedError
from nextgen_tui.gaps.analysis import analyze
from nextgen_tui.models import ActionTeam, Convening, ConveningKind, RoleKind
from nextgen_tui.store.repository import Store
from screens.stage.convening_form import ConveningForm
from screens.stage.debrief_form import DebriefForm
from screens.stage.team_editor import TeamEditor
from tests.support import factories as f
from tests.support.editor_ui import (
    SIZE,
    Host,
    champion_setup,
    error_text,
    on_disk,
    open_modal,
    pick_person,
    screen_text,
    seed_priorities,
    type_into,
)
from tests.support.notices import Notices

# --------------------------------------------------------------------------- action teams


def gap_rules(store: Store, partnership_id: int) -> set[str]:
    """The rule ids of the partnership's gaps today."""
    return {gap.rule for gap in analyze(store.snapshot(partnership_id), f.TODAY)}


async def test_team_editor_forms_a_team_for_a_priority_area(store: Store) -> None:
    s = seed_priorities(store)
    p = s["p"]
    assert "priority-without-team" in gap_rules(store, p.id)
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
    assert "priority-without-team" not in gap_rules(store, p.id)


async def test_team_editor_removes_a_member_moves_the_lead_and_edits_meeting_dates(
    store: Store,
) -> None:
    """On a team with a lead, a member and two meeting dates, in turn: the lead is made a
    member again and the member removed (their roles end, the dates kept); then one date
    is removed and a typed (not yet added) date is added on saving."""
    s = seed_priorities(store)
    p = s["p"]
    team = store.save_team(
        ActionTeam(
            partnership_id=p.id,
            name="Talent",
            priority_area_id=1,
            meetings=[date(2026, 4, 2), date(2026, 5, 7)],
        )
    )
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
        assert store.role(lead.id).end is not None, "members: the lead role ended"
        assert store.role(member.id).end is not None, "members: the member's role ended"
        current = [(r.person_id, r.role) for r in store.roles(partnership_id=p.id) if r.team_id]
        assert current == [(s["ceo"].id, RoleKind.ACTION_TEAM_MEMBER)], "members: Carla a member"
        kept = on_disk(store).team(team.id).meetings
        assert kept == [date(2026, 4, 2), date(2026, 5, 7)], "members: the dates kept"

        # -- meeting dates: one removed, one typed
        await open_modal(app, pilot, TeamEditor(p.id, team.id))
        await type_into(pilot, "#field-new_meeting", "2026-06-04")  # typed, not added yet
        dates = app.screen.query_one("#meetings", OptionList)
        dates.focus()
        dates.highlighted = 0
        await pilot.press("delete")
        await pilot.press("ctrl+s")  # saving adds the typed date too
        await pilot.pause()
    meetings = on_disk(store).team(team.id).meetings
    assert meetings == [date(2026, 5, 7), date(2026, 6, 4)], "dates: one removed, one added"


# --------------------------------------------------------------------------- convenings


async def test_convening_form_records_attendance_then_edits_it_and_needs_a_team(
    store: Store,
) -> None:
    """In turn: a new convening records attendance (role holders offered, ticked boxes
    read as check marks), its title and today's date; then an older convening's
    attendance is edited (one who holds no role kept), and an action team meeting needs
    a team."""
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
        await pilot.press("space")
        await pilot.pause()
        boxes = [line for line in screen_text(app).splitlines() if "▐" in line and "▌" in line]
        assert sum("✔" in line for line in boxes) == 1  # ticked reads as a check mark...
        assert not any("X" in line.split("▌")[0] for line in boxes)  # ...never the same X
        await pilot.press("down", "space")
        await type_into(pilot, "#field-title", "Summer convening")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.results == [True]
        [convening] = store.convenings(p.id)
        assert convening.kind is ConveningKind.QUARTERLY, "new: quarterly"
        assert convening.on == f.TODAY, "new: today"
        assert sorted(convening.attendee_ids) == sorted([s["ceo"].id, s["dean"].id]), "new"
        assert convening.title == "Summer convening", "new: the title"

        # -- an older convening: attendance edited, a team needed
        old = store.save_convening(
            Convening(partnership_id=p.id, on=date(2026, 3, 1), attendee_ids=[s["outsider"].id])
        )
        await open_modal(app, pilot, ConveningForm(p.id, old.id))
        attendance = app.screen.query_one("#field-attendee_ids", SelectionList)
        assert attendance.selected == [s["outsider"].id], "edit: kept though holding no role"
        app.screen.query_one("#field-kind", Select).value = ConveningKind.ACTION_TEAM
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "needs a team" in error_text(app, "team_id"), "edit: a team meeting needs a team"
        assert store.convening(old.id).kind is ConveningKind.QUARTERLY, "edit: nothing saved"
        app.screen.query_one("#field-kind", Select).value = ConveningKind.QUARTERLY
        attendance.select(s["dean"].id)
        await pilot.press("ctrl+s")
        await pilot.pause()
    edited = sorted(store.convening(old.id).attendee_ids)
    assert edited == sorted([s["outsider"].id, s["dean"].id]), "edit: attendance saved"


# --------------------------------------------------------------------------- debrief


async def test_team_editor_needs_a_name_and_keeps_the_members(store: Store) -> None:
    s = seed_priorities(store)
    p = s["p"]
    app = Host(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_modal(app, pilot, TeamEditor(p.id))
        await pick_person(pilot, "carla")
        await type_into(pilot, "#field-next_step", "Call the plant managers")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TeamEditor)
        assert error_text(app, "name") == "Name is required"
        assert app.screen.focused is app.screen.query_one("#field-name", Input)
        assert app.screen.query_one("#field-next_step", Input).value == "Call the plant managers"
        assert "Carla Diaz — Acme Tools" in screen_text(app)
        assert on_disk(store).teams(p.id) == []

        await pilot.press(*"Talent", "ctrl+s")
        await pilot.pause()
    disk = on_disk(store)
    [team] = disk.teams(p.id)
    assert (team.name, team.priority_area_id, team.next_step) == (
        "Talent",
        None,
        "Call the plant managers",
    )
    [member] = [r for r in disk.roles(partnership_id=p.id) if r.team_id == team.id]
    assert (member.person_id, member.role) == (s["ceo"].id, RoleKind.ACTION_TEAM_MEMBER)


async def test_team_editor_saves_the_team_and_its_members_all_or_nothing(
    store: Store,
    monkeypatch: pytest.MonkeyPatch,
    notices: Notices,
) -> None:
    s = seed_priorities(store)
    p = s["p"]
    real_assign = store.assign
    calls: list[int] = []

    def fails_second_time(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 2:
            raise WriteFailedError("The disk is full: nothing was saved.")
        return real_assign(*args, **kwargs)

    app = Host(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_modal(app, pilot, TeamEditor(p.id))
        await type_into(pilot, "#field-name", "Talent")
        await pick_person(pilot, "carla")
        await pick_person(pilot, "dean")
        monkeypatch.setattr(store, "assign", fails_second_time)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert len(calls) == 2  # the team and the first member were put before the failure
        assert isinstance(app.screen, TeamEditor)
        assert app.screen.query_one("#field-name", Input).value == "Talent"
        assert any("disk is full" in m for m in notices.messages)
        assert store.teams(p.id) == []
        assert [r for r in store.roles(partnership_id=p.id) if r.team_id] == []
        assert on_disk(store).teams(p.id) == []

        monkeypatch.setattr(store, "assign", real_assign)  # the disk has room again
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.results == [True]
    [team] = on_disk(store).teams(p.id)
    members = {r.person_id for r in on_disk(store).roles(partnership_id=p.id) if r.team_id}
    assert team.name == "Talent"
    assert members == {s["ceo"].id, s["dean"].id}
    assert store.undo() is not None and store.teams(p.id) == []  # one change, one undo


async def test_convening_form_explains_a_bad_date_and_records_a_team_meeting(
    store: Store,
) -> None:
    s = seed_priorities(store)
    p = s["p"]
    team = store.save_team(ActionTeam(partnership_id=p.id, name="Talent", priority_area_id=1))
    store.assign(p.id, s["dean"].id, RoleKind.ACTION_TEAM_LEAD, team_id=team.id)
    app = Host(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_modal(app, pilot, ConveningForm(p.id))
        assert app.screen.query_one("#field-team_id", Select).disabled  # quarterly
        await type_into(pilot, "#field-on", "30/05/2026")
        await type_into(pilot, "#field-title", "Kick-off")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "must be a date like 2026-03-31" in error_text(app, "on")
        assert app.screen.query_one("#field-title", Input).value == "Kick-off"
        assert on_disk(store).convenings(p.id) == []

        await type_into(pilot, "#field-on", "2026-05-30")
        app.screen.query_one("#field-kind", Select).value = ConveningKind.ACTION_TEAM
        await pilot.pause()
        team_select = app.screen.query_one("#field-team_id", Select)
        assert not team_select.disabled
        team_select.value = team.id
        attendance = app.screen.query_one("#field-attendee_ids", SelectionList)
        attendance.select(s["dean"].id)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.results == [True]
    [convening] = on_disk(store).convenings(p.id)
    assert (convening.on, convening.kind, convening.team_id, convening.title) == (
        date(2026, 5, 30),
        ConveningKind.ACTION_TEAM,
        team.id,
        "Kick-off",
    )
    assert convening.attendee_ids == [s["dean"].id]


async def test_debrief_form_saves_date_and_notes_and_needs_a_real_date(store: Store) -> None:
    """In turn: the debrief form saves its date and notes (markup-like notes literal);
    then, opened again, an empty date is required and an impossible one explained, the
    notes kept and nothing saved, and a real date saves."""
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
        assert app.results == [True], "saves: the form answers"
        debrief = store.partnership(p.id).debrief
        assert debrief is not None and debrief.on == date(2026, 5, 28), "saves: the date"
        assert debrief.notes == "Keep the CEOs in front\n[b]not [/b]", "saves: the notes"

        # -- a real date is needed
        await open_modal(app, pilot, DebriefForm(p.id))
        notes = app.screen.query_one("#field-notes", TextArea)
        notes.clear()
        notes.insert("Agreed: monthly calls")
        app.screen.query_one("#field-on", Input).value = ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Date is required" in error_text(app, "on"), "date: required"
        await type_into(pilot, "#field-on", "2026-02-29")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "not a day on the calendar" in error_text(app, "on"), "date: impossible"
        assert notes.text == "Agreed: monthly calls", "date: the notes kept"
        kept = on_disk(store).partnership(p.id).debrief
        assert kept is not None and kept.notes.startswith("Keep the CEOs"), "date: unsaved"
        await type_into(pilot, "#field-on", "2026-02-28")
        await pilot.press("ctrl+s")
        await pilot.pause()
    debrief = on_disk(store).partnership(p.id).debrief
    assert debrief is not None
    assert (debrief.on, debrief.notes) == (date(2026, 2, 28), "Agreed: monthly calls"), "date"
