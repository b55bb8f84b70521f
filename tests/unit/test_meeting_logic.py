"""The live launch meeting's logic (no UI): phases, capture, votes, merge, close, summary.

Check-in and counters are in ``test_meeting_checkin.py``.
"""

from __future__ import annotations

import html
from datetime import timedelta

import pytest
from markdown_it import MarkdownIt

from nextgen_tui.errors import MeetingError
from nextgen_tui.meeting.agenda import next_phase, previous_phase, set_phase_minutes, timing
from nextgen_tui.meeting.capture import (
    add_area,
    add_commitment,
    add_opportunity,
    edit_commitment,
    merge_areas,
    remove_area,
    rename_area,
    set_vote_limit,
    vote,
)
from nextgen_tui.meeting.checkin import (
    check_in,
)
from nextgen_tui.meeting.close import close_meeting, suggested_priorities
from nextgen_tui.meeting.summary import summary_markdown
from nextgen_tui.models import (
    InvitationStatus,
    MeetingPhase,
    RoleKind,
)
from nextgen_tui.store.repository import Store
from nextgen_tui.text.markdown import md_escape
from tests.conftest import FIXED_NOW
from tests.support import factories as f
from tests.support.meeting_seed import seed_room


def test_phases_and_timing_come_from_now(store: Store) -> None:
    room = seed_room(store)
    pid = room.partnership.id
    start = FIXED_NOW
    meeting = next_phase(store, pid, start)  # starts the meeting
    assert (meeting.phase, meeting.started, meeting.phase_started) == (
        MeetingPhase.WELCOME,
        start,
        start,
    )
    clock = timing(meeting, start + timedelta(minutes=4))
    assert clock is not None
    assert (clock.elapsed, clock.remaining, clock.over) == (
        timedelta(minutes=4),
        timedelta(minutes=6),
        False,
    )
    meeting = next_phase(store, pid, start + timedelta(minutes=12))
    assert meeting.phase is MeetingPhase.INTRODUCTIONS
    set_phase_minutes(store, pid, {MeetingPhase.INTRODUCTIONS: 5})
    clock = timing(store.launch(pid), start + timedelta(minutes=18))
    assert clock is not None and clock.over and clock.remaining == timedelta(minutes=-1)
    assert clock.meeting_elapsed == timedelta(minutes=18)
    with pytest.raises(MeetingError, match="from 1 to 600"):
        set_phase_minutes(store, pid, {MeetingPhase.CLOSE: 0})
    assert previous_phase(store, pid, start).phase is MeetingPhase.WELCOME
    with pytest.raises(MeetingError, match="first part"):
        previous_phase(store, pid, start)
    for _ in range(5):
        meeting = next_phase(store, pid, start)
    assert meeting.phase is MeetingPhase.CLOSE
    with pytest.raises(MeetingError, match="last part"):
        next_phase(store, pid, start)


def test_dot_votes_respect_the_per_person_limit(store: Store) -> None:
    room = seed_room(store)
    pid = room.partnership.id
    ann = room.leaders[0].id
    a = add_area(store, pid, "Welding pipeline")
    b = add_area(store, pid, "Shared apprenticeships")
    for area in (a, b, a):
        vote(store, pid, area.id, ann)
    with pytest.raises(MeetingError, match="used all 3 of their dots"):
        vote(store, pid, b.id, ann)
    for _ in range(5):
        vote(store, pid, b.id)  # anonymous dots have no limit
    meeting = store.launch(pid)
    assert [x.votes for x in meeting.action_areas] == [{ann: 2}, {ann: 1, 0: 5}]
    with pytest.raises(MeetingError, match="already used more than 1"):
        set_vote_limit(store, pid, 1)
    vote(store, pid, a.id, ann, -1)
    vote(store, pid, b.id, ann)  # a dot taken back can be placed elsewhere
    with pytest.raises(MeetingError, match="no dot"):
        vote(store, pid, a.id, room.leaders[1].id, -1)
    set_vote_limit(store, pid, 4)
    vote(store, pid, a.id, ann)
    assert store.launch(pid).action_areas[0].vote_count == 2
    with pytest.raises(MeetingError, match="already on the list"):
        add_area(store, pid, "  welding   PIPELINE ")


def test_merge_sums_votes_and_moves_commitments(store: Store) -> None:
    room = seed_room(store)
    pid = room.partnership.id
    ann, bob, cal = (p.id for p in room.leaders[:3])
    keep = add_area(store, pid, "Recruit young workers")
    gone = add_area(store, pid, "Youth recruitment")
    other = add_area(store, pid, "Supply chain")
    vote(store, pid, keep.id, ann)
    vote(store, pid, gone.id, ann)
    vote(store, pid, gone.id, bob)
    vote(store, pid, gone.id)
    add_commitment(store, pid, ann, keep.id, "host a tour")
    add_commitment(store, pid, ann, gone.id, "talk to schools")
    add_commitment(store, pid, bob, gone.id)
    add_commitment(store, pid, cal, other.id)
    merged = merge_areas(store, pid, keep.id, gone.id)
    assert merged.votes == {ann: 2, bob: 1, 0: 1}
    meeting = store.launch(pid)
    assert [a.title for a in meeting.action_areas] == ["Recruit young workers", "Supply chain"]
    assert sorted((c.person_id, c.area_id, c.note) for c in meeting.commitments) == sorted(
        [
            (ann, keep.id, "host a tour; talk to schools"),
            (bob, keep.id, ""),
            (cal, other.id, ""),
        ]
    )
    with pytest.raises(MeetingError, match="different"):
        merge_areas(store, pid, keep.id, keep.id)
    with pytest.raises(MeetingError, match="merge the two"):
        rename_area(store, pid, other.id, "recruit young workers")
    remove_area(store, pid, other.id)
    assert all(c.area_id != other.id for c in store.launch(pid).commitments)


def test_commitments_are_one_per_person_and_area(store: Store) -> None:
    room = seed_room(store)
    pid = room.partnership.id
    a = add_area(store, pid, "A")
    b = add_area(store, pid, "B")
    first = add_commitment(store, pid, room.leaders[0].id, a.id)
    with pytest.raises(MeetingError, match="already committed"):
        add_commitment(store, pid, room.leaders[0].id, a.id, "again")
    moved = edit_commitment(store, pid, first.id, b.id, "lead it")
    assert (moved.area_id, moved.note) == (b.id, "lead it")


def test_close_forms_teams_marks_held_and_records_attendance(store: Store) -> None:
    room = seed_room(store)
    pid = room.partnership.id
    ann, bob, cal, dana = (p.id for p in room.leaders)
    for person in [*room.leaders[:3], room.champion, room.public[0]]:
        check_in(store, pid, person.id, FIXED_NOW)
    add_opportunity(store, pid, "Robotics is growing", ann)
    skills = add_area(store, pid, "Skills")
    supply = add_area(store, pid, "Supply chain")
    housing = add_area(store, pid, "Housing")
    for voter, area in [(ann, skills), (bob, skills), (cal, supply), (0, housing)]:
        vote(store, pid, area.id, voter)
    vote(store, pid, skills.id)
    assert suggested_priorities(store.launch(pid)) == [skills.id, supply.id, housing.id]
    add_commitment(store, pid, ann, skills.id)
    add_commitment(store, pid, room.champion.id, skills.id)
    add_commitment(store, pid, room.public[0].id, skills.id, "college courses")
    add_commitment(store, pid, cal, supply.id)
    add_commitment(store, pid, bob, housing.id)  # not chosen: no team
    result = close_meeting(store, pid, [skills.id, supply.id], FIXED_NOW.date())
    lead = RoleKind.ACTION_TEAM_LEAD

    teams = {t.name: t for t in store.teams(pid)}
    assert set(teams) == {"Skills", "Supply chain"}
    assert teams["Skills"].priority_area_id == skills.id
    assert teams["Skills"].formed == FIXED_NOW.date()

    def members(team_name: str) -> set[int]:
        return {
            r.person_id for r in store.roles(partnership_id=pid) if r.team_id == teams[team_name].id
        }

    assert members("Skills") == {ann, room.champion.id, room.public[0].id}
    assert members("Supply chain") == {cal}
    leads = {r.team_id: r.person_id for r in store.roles(partnership_id=pid) if r.role is lead}
    # the committed champion leads, else the first industry member who committed
    assert leads == {teams["Skills"].id: room.champion.id, teams["Supply chain"].id: cal}
    meeting = store.launch(pid)
    assert meeting.held and meeting.on == FIXED_NOW.date()
    assert meeting.priority_area_ids == [skills.id, supply.id]
    assert not meeting.in_progress
    leaders = {
        r.person_id: r.leader
        for r in store.roles(partnership_id=pid)
        if r.role is RoleKind.INDUSTRY_LEADER
    }
    # checked-in industry people attended (the champion gained a leader role); Dana did not come
    assert sorted(result.attended) == sorted([ann, bob, cal, room.champion.id])
    for person_id in (ann, bob, cal, room.champion.id):
        details = leaders[person_id]
        assert details is not None and details.attended
        assert details.invitation is InvitationStatus.ACCEPTED
    dana_details = leaders[dana]
    assert dana_details is not None and not dana_details.attended
    assert room.public[0].id not in leaders
    with pytest.raises(MeetingError, match="already closed"):
        check_in(store, pid, dana, FIXED_NOW)
    # all of it was one change
    assert store.undo_label == "Close the launch meeting"
    store.undo()
    assert store.teams(pid) == [] and not store.launch(pid).held


def test_close_needs_a_priority(store: Store) -> None:
    room = seed_room(store)
    with pytest.raises(MeetingError, match="at least one priority"):
        close_meeting(store, room.partnership.id, [], FIXED_NOW.date())


def test_summary_lists_everything_and_escapes_user_text(store: Store) -> None:
    p = f.partnership(store, name="Manufacturing *North*")
    hostile = [*f.HOSTILE_NAMES[:5], "1. Not a list", "- nor this", "# nor a heading"]
    people = []
    for index, name in enumerate(hostile):
        co = f.org(store, f"Co {index} <b>x</b>")
        who = f.person(store, name, co)
        f.leader(store, p, who)
        check_in(store, p.id, who.id, FIXED_NOW)
        people.append(who)
    add_opportunity(store, p.id, "[b]Robots[/b] *everywhere*", people[0].id)
    area = add_area(store, p.id, "_Skills_ `now`")
    vote(store, p.id, area.id, people[1].id)
    add_commitment(store, p.id, people[2].id, area.id, "see [link](http://x)")
    close_meeting(store, p.id, [area.id], FIXED_NOW.date())
    text = summary_markdown(store.snapshot(p.id))
    assert "## Who came (8)" in text
    assert "## Action teams formed (1)" in text
    rendered = MarkdownIt("commonmark").render(text)
    for literal in [*hostile, "[b]Robots[/b] *everywhere*", "_Skills_ `now`", "Co 0 <b>x</b>"]:
        assert html.escape(literal).replace("&#x27;", "'") in rendered, literal
    for forbidden in ("<em>", "<code>", "<a href", "<b>"):
        assert forbidden not in rendered, forbidden
    # the only list that is numbered is the priorities; the only top heading is the title
    assert (rendered.count("<ol>"), rendered.count("<h1>")) == (1, 1)


def test_md_escape_neutralises_block_marks() -> None:
    assert md_escape("1. x") == "1\\. x"
    assert md_escape("- x") == "\\- x"
    assert md_escape("a\nb") == "a b"
    assert md_escape("Bob [/]") == "Bob \\[/\\]"
