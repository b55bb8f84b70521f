"""Never lose the meeting: a meeting process killed with SIGKILL resumes with everything.

``tests/meeting_process.py`` runs a meeting against a roster file and acknowledges each
saved step on stdout; the test kills it mid-meeting, opens the file again (a new Store,
as a restarted app would) and checks that every acknowledged check-in and item is there,
at the same phase, and that the meeting screen opened on it shows them.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from nextgen_tui.app import RosterApp
from nextgen_tui.meeting.capture import votes_used
from nextgen_tui.models import MeetingPhase
from nextgen_tui.store.repository import Store
from screens.common.confirm import ConfirmScreen
from screens.meeting.screen import MeetingScreen
from tests.support.app_ui import screen_text, wait
from tests.support.notices import Notices

SCRIPT = Path(__file__).resolve().parents[1] / "support" / "meeting_process.py"
#: Steps the process acknowledges before its endless Part 3 (seed, start, 30 check-ins,
#: 2 phases, 3 opportunities, 1 phase, areas, 6 votes, 1 phase, 4 commitments).
SCRIPTED_STEPS = 50


def run_until_killed(db_path: Path, kill_after: int) -> list[dict[str, Any]]:
    """Start the meeting process; SIGKILL it once ``kill_after`` steps were acknowledged."""
    process = subprocess.Popen(
        [sys.executable, str(SCRIPT), str(db_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    acks: list[dict[str, Any]] = []
    try:
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith("ack "):
                acks.append(json.loads(line[4:]))
            if len(acks) >= kill_after:
                os.kill(process.pid, signal.SIGKILL)
                break
        else:  # the process ended by itself: show why
            raise AssertionError(process.stderr.read() if process.stderr else "no output")
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    return acks


def check_everything_acknowledged_is_there(store: Store, acks: list[dict[str, Any]]) -> int:
    pid = int(acks[0]["partnership"])
    meeting = store.launch(pid)
    assert meeting.in_progress
    phases = [a["phase"] for a in acks if a["step"] == "phase"]
    assert meeting.phase is MeetingPhase(phases[-1])
    checked_in = {c.person_id for c in meeting.checkins}
    assert {a["person"] for a in acks if a["step"] == "checkin"} <= checked_in
    opportunities = {o.id: o.text for o in meeting.opportunities}
    for a in acks:
        if a["step"] == "opportunity":
            assert opportunities.get(a["id"]) == a["text"]
        elif a["step"] == "areas":
            assert [area.id for area in meeting.action_areas] == a["ids"]
        elif a["step"] == "vote":
            assert votes_used(meeting, a["person"]) == 1
        elif a["step"] == "commitment":
            assert any(c.id == a["id"] and c.person_id == a["person"] for c in meeting.commitments)
    return pid


@pytest.mark.parametrize(
    ("kill_after", "phase"),
    [(12, MeetingPhase.WELCOME), (SCRIPTED_STEPS + 8, MeetingPhase.COMMITMENTS)],
    ids=["during-check-in", "during-part-3"],
)
def test_a_killed_meeting_resumes_with_everything(
    tmp_path: Path, kill_after: int, phase: MeetingPhase
) -> None:
    db_path = tmp_path / "roster.json"
    acks = run_until_killed(db_path, kill_after)
    with Store(db_path) as store:  # a new store: the lock died with the process
        pid = check_everything_acknowledged_is_there(store, acks)
        assert store.launch(pid).phase is phase


async def test_the_app_offers_to_resume_a_killed_meeting(tmp_path: Path, notices: Notices) -> None:
    """Reopening the app after the kill offers the meeting back; yes resumes it."""
    db_path = tmp_path / "roster.json"
    acks = run_until_killed(db_path, SCRIPTED_STEPS + 3)
    last_idea = [a["text"] for a in acks if a["step"] == "opportunity"][-1]
    with Store(db_path) as store:
        pid = check_everything_acknowledged_is_there(store, acks)
        app = RosterApp(store)
        async with app.run_test(size=(100, 50)) as pilot:
            await wait(pilot)
            assert isinstance(app.screen, ConfirmScreen)
            assert "The launch meeting of Resume Test is in progress" in app.screen.question
            await pilot.press("y")
            await wait(pilot)
            screen = app.screen
            assert isinstance(screen, MeetingScreen) and screen.partnership_id == pid
            assert any("Resumed the meeting at Part 3" in m for m in notices.messages)
            text = screen_text(app)
            assert "Now: Part 3: Commitments" in text
            assert "Present: 30" in text
            assert "Industry 24 · Public 6" in text
            assert last_idea in text
            assert "Leader 0 → Skills: yes" in text
            assert "✓ Leader 0 — Firm 0 · 09:00" in text
