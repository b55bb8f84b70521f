"""The room view's core: what the room sees, which partnership, and following the file
read-only through writes, replacements, absences and damage."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest

from nextgen_tui.errors import NotFoundError
from nextgen_tui.meeting.capture import add_commitment, vote
from nextgen_tui.meeting.checkin import check_in
from nextgen_tui.meeting.close import close_meeting
from nextgen_tui.meeting.room import RoomState, RoomWatcher, choose_partnership, read_room
from nextgen_tui.models import RoleKind
from nextgen_tui.store.repository import Store
from nextgen_tui.text.visible import visible
from tests.conftest import FIXED_NOW
from tests.support import factories as f
from tests.support.room import Seeded, seed_meeting


@pytest.fixture
def seeded(tmp_path: Path) -> Seeded:
    return seed_meeting(tmp_path / "roster.json")


def files_in(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file of ``folder`` (recursively) with its bytes, mtime and inode."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            st = path.stat()
            found[str(path.relative_to(folder))] = (path.read_bytes(), st.st_mtime_ns, st.st_ino)
    return found


def test_the_room_sees_the_part_counters_and_what_was_captured(seeded: Seeded) -> None:
    state = read_room(seeded.path, seeded.partnership_id)
    assert state.partnership == "Advanced Manufacturing, North Valley"
    count = state.counters
    assert (count.present, count.companies, count.industry, count.non_industry) == (6, 4, 4, 2)
    assert count.champions == 1
    assert state.opportunities == (
        "Robots on every line [TODO] x",
        "Half the machinists retire within five years",
    )
    assert [(a.title, a.dots) for a in state.areas] == [
        ("Maintenance apprenticeships", 3),
        ("[b]Career[/b] awareness in schools", 0),
    ]
    clock = state.timing(FIXED_NOW)
    assert clock is not None
    assert clock.phase.label == "Part 2: Needed Action Areas"
    assert clock.remaining == timedelta(minutes=18)


def test_areas_are_ranked_by_dots_and_show_commitments_and_priorities(seeded: Seeded) -> None:
    with Store(seeded.path, clock=lambda: FIXED_NOW) as store:
        career = store.launch(seeded.partnership_id).action_areas[1]
        for person_id in seeded.waiting:
            check_in(store, seeded.partnership_id, person_id, FIXED_NOW)
            add_commitment(store, seeded.partnership_id, person_id, career.id)
        for _ in range(4):  # four anonymous dots put Career ahead of Maintenance (3)
            vote(store, seeded.partnership_id, career.id, 0)
        close_meeting(store, seeded.partnership_id, [career.id], FIXED_NOW.date())
    state = read_room(seeded.path, seeded.partnership_id)
    first = state.areas[0]
    assert (first.title, first.dots, first.commitments, first.priority) == (
        "[b]Career[/b] awareness in schools",
        4,
        2,
        True,
    )
    assert not state.areas[1].priority
    assert state.timing(FIXED_NOW) is None  # closed: no clock


def test_choosing_the_partnership(seeded: Seeded) -> None:
    with Store(seeded.path, read_only=True) as store:
        assert choose_partnership(store, "healthcare, north valley").name.startswith("Health")
        # no name: the one whose meeting is under way
        assert choose_partnership(store, None).id == seeded.partnership_id
        with pytest.raises(NotFoundError, match=r"no partnership named 'Nope'.*Healthcare"):
            choose_partnership(store, "Nope")


def test_no_meeting_under_way_lists_the_partnerships(tmp_path: Path) -> None:
    with Store(tmp_path / "roster.json", clock=lambda: FIXED_NOW) as store:
        f.partnership(store)
        assert choose_partnership(store, None).name.startswith("Advanced")  # the only one
        f.partnership(store, "Healthcare, North Valley", "Healthcare")
        with pytest.raises(NotFoundError) as raised:
            choose_partnership(store, None)
    message = raised.value.message
    assert "No launch meeting is under way in roster.json" in message
    assert "Advanced Manufacturing, North Valley; Healthcare, North Valley" in message


def test_a_meeting_checking_people_in_counts_as_under_way(tmp_path: Path) -> None:
    with Store(tmp_path / "roster.json", clock=lambda: FIXED_NOW) as store:
        p = f.partnership(store)
        f.partnership(store, "Healthcare, North Valley", "Healthcare")
        who = f.person(store, "Ann Lee")
        store.assign(p.id, who.id, RoleKind.SUPPORT_DELEGATE)
        check_in(store, p.id, who.id, FIXED_NOW)  # not started yet: check-in is open
        assert choose_partnership(store, None).id == p.id


def test_the_watcher_reads_only_when_the_file_changes(seeded: Seeded) -> None:
    reads: list[int] = []

    def counting_read(path: Path, partnership_id: int) -> RoomState:
        reads.append(partnership_id)
        return read_room(path, partnership_id)

    watcher = RoomWatcher(seeded.path, seeded.partnership_id, counting_read)
    first = watcher.poll()
    assert first is not None and first.state is not None and first.state.counters.present == 6
    assert watcher.poll() is None and watcher.poll() is None
    assert len(reads) == 1
    with Store(seeded.path, clock=lambda: FIXED_NOW) as store:
        check_in(store, seeded.partnership_id, seeded.waiting[0], FIXED_NOW)
    update = watcher.poll()
    assert update is not None and update.state is not None
    assert update.state.counters.present == 7
    assert len(reads) == 2


def test_the_watcher_rides_out_a_missing_damaged_and_replaced_file(seeded: Seeded) -> None:
    watcher = RoomWatcher(seeded.path, seeded.partnership_id)
    assert watcher.poll() is not None
    away = seeded.path.with_name("elsewhere.json")
    os.replace(seeded.path, away)  # the facilitator's app mid-restart: no file for a moment
    gone = watcher.poll()
    assert gone is not None and gone.state is None
    assert gone.problem is not None and "roster.json is not there right now" in gone.problem
    assert watcher.poll() is None  # said once
    half = seeded.path.with_name("half.json")
    half.write_text(away.read_text(encoding="utf-8")[:100], encoding="utf-8")
    os.replace(half, seeded.path)  # some other program wrote half a file
    damaged = watcher.poll()
    assert damaged is not None and damaged.state is None
    assert damaged.problem is not None and "Cannot read the file just now" in damaged.problem
    with Store(away, clock=lambda: FIXED_NOW) as store:  # a new version, then renamed in
        check_in(store, seeded.partnership_id, seeded.waiting[0], FIXED_NOW)
    os.replace(away, seeded.path)
    back = watcher.poll()
    assert back is not None and back.problem is None and back.state is not None
    assert back.state.counters.present == 7


def test_the_watcher_says_so_when_the_partnership_is_deleted(seeded: Seeded) -> None:
    watcher = RoomWatcher(seeded.path, seeded.partnership_id)
    watcher.poll()
    with Store(seeded.path, clock=lambda: FIXED_NOW) as store:
        store.delete_partnership(seeded.partnership_id)
    update = watcher.poll()
    assert update is not None and update.state is None
    assert update.problem is not None and "no longer in the file" in update.problem


def test_the_watcher_never_writes_locks_or_backs_up(tmp_path: Path, seeded: Seeded) -> None:
    room = tmp_path / "room"
    room.mkdir()
    path = room / "roster.json"
    path.write_bytes(seeded.path.read_bytes())
    os.utime(path, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
    before = files_in(room)
    watcher = RoomWatcher(path, seeded.partnership_id)
    for _ in range(3):  # each poll reads the file again: its change time moved
        assert watcher.poll() is not None
        os.utime(path, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
    assert files_in(room) == before  # same bytes, mtime, inode; no lock, backup or temp file


def test_visible_shows_control_characters() -> None:
    assert visible("plain name") == "plain name"
    assert visible("bad\x1b[2Jname\n") == "bad\\x1b[2Jname\\n"
