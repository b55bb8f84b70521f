"""The agenda: phases from Welcome to Close, each with a time budget, and the dot limit."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from nextgen_tui.errors import MeetingError
from nextgen_tui.meeting.record import open_meeting
from nextgen_tui.models import LaunchMeeting, MeetingPhase
from nextgen_tui.store.repository import Store

PHASES: tuple[MeetingPhase, ...] = tuple(MeetingPhase)
MAX_PHASE_MINUTES = 600

# --------------------------------------------------------------------------- phases


def start_meeting(store: Store, partnership_id: int, now: datetime) -> LaunchMeeting:
    """Start the clock: the meeting opens with the Welcome."""
    meeting = open_meeting(store, partnership_id)
    if meeting.phase is not None:
        raise MeetingError(f"The meeting is already under way ({meeting.phase.label}).")
    return store.save_launch(
        meeting.updated(
            started=meeting.started or now, phase=MeetingPhase.WELCOME, phase_started=now
        ),
        "Start the launch meeting",
    )


def go_to_phase(
    store: Store, partnership_id: int, phase: MeetingPhase, now: datetime
) -> LaunchMeeting:
    """Move to ``phase``; its clock starts again at ``now``."""
    meeting = open_meeting(store, partnership_id)
    if meeting.phase is None:
        raise MeetingError("Start the meeting first.")
    if meeting.phase is phase:
        return meeting
    return store.save_launch(
        meeting.updated(phase=phase, phase_started=now), f"Go to {phase.label}"
    )


def next_phase(store: Store, partnership_id: int, now: datetime) -> LaunchMeeting:
    """The next part of the agenda (starting the meeting if it has not started)."""
    meeting = open_meeting(store, partnership_id)
    if meeting.phase is None:
        return start_meeting(store, partnership_id, now)
    index = PHASES.index(meeting.phase)
    if index + 1 >= len(PHASES):
        raise MeetingError(
            "This is the last part of the meeting: close the meeting to form the action teams."
        )
    return go_to_phase(store, partnership_id, PHASES[index + 1], now)


def previous_phase(store: Store, partnership_id: int, now: datetime) -> LaunchMeeting:
    meeting = open_meeting(store, partnership_id)
    if meeting.phase is None:
        raise MeetingError("The meeting has not started yet.")
    index = PHASES.index(meeting.phase)
    if index == 0:
        raise MeetingError("This is the first part of the meeting.")
    return go_to_phase(store, partnership_id, PHASES[index - 1], now)


@dataclass(frozen=True)
class Timing:
    """Where the clock stands: time in this phase against its budget, and overall."""

    phase: MeetingPhase
    elapsed: timedelta
    budget: timedelta
    meeting_elapsed: timedelta
    planned: timedelta  # the sum of all phase budgets

    @property
    def remaining(self) -> timedelta:
        """Budget minus the whole seconds elapsed (so 0:00 in means 10:00 left, not 9:59)."""
        return self.budget - timedelta(seconds=int(self.elapsed.total_seconds()))

    @property
    def over(self) -> bool:
        return self.elapsed > self.budget


def timing(meeting: LaunchMeeting, now: datetime) -> Timing | None:
    """The clock of a meeting under way, or ``None`` before it starts."""
    if meeting.phase is None:
        return None
    phase_started = meeting.phase_started or now
    started = meeting.started or phase_started
    minutes = meeting.phase_minutes
    return Timing(
        phase=meeting.phase,
        elapsed=max(now - phase_started, timedelta(0)),
        budget=timedelta(minutes=minutes.get(meeting.phase, 0)),
        meeting_elapsed=max(now - started, timedelta(0)),
        planned=timedelta(minutes=sum(minutes.get(p, 0) for p in PHASES)),
    )


def clock_text(span: timedelta) -> str:
    """``12:05`` or ``1:02:03`` (a negative span shows its size)."""
    seconds = abs(int(span.total_seconds()))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{seconds:02}" if hours else f"{minutes}:{seconds:02}"


def set_phase_minutes(
    store: Store, partnership_id: int, minutes: Mapping[MeetingPhase, int]
) -> LaunchMeeting:
    """Change the time budget of some phases (whole minutes, 1 to 600 each)."""
    meeting = open_meeting(store, partnership_id)
    for phase, value in minutes.items():
        if not 1 <= value <= MAX_PHASE_MINUTES:
            raise MeetingError(
                f"{phase.label} must have from 1 to {MAX_PHASE_MINUTES} minutes (not {value})."
            )
    budget = {**meeting.phase_minutes, **minutes}
    return store.save_launch(meeting.updated(phase_minutes=budget), "Change the meeting times")
