"""The launch meeting record: check-ins, phases, and what the room said
(opportunities, action areas with dot votes, commitments).
"""

from __future__ import annotations

from datetime import date, datetime

from pydantic import (
    Field,
)

from nextgen_tui.models.fields import LongText, Name, RecordId, ShortText
from nextgen_tui.models.kinds import DEFAULT_PHASE_MINUTES, MeetingPhase
from nextgen_tui.models.records import Model, Record

# --------------------------------------------------------------------------- launch meeting


class Opportunity(Model):
    id: RecordId
    text: LongText
    person_id: RecordId | None = None


class ActionArea(Model):
    """A candidate priority named in part 2 of the launch; ``votes`` are dot votes."""

    id: RecordId
    title: Name
    votes: dict[int, int] = Field(default_factory=dict)  # person id (0: anonymous) -> dots

    @property
    def vote_count(self) -> int:
        return sum(self.votes.values())


class Commitment(Model):
    id: RecordId
    person_id: RecordId
    area_id: RecordId
    note: LongText = ""


class CheckIn(Model):
    person_id: RecordId
    at: datetime
    observer: bool = False


class LaunchMeeting(Record):
    """The launch meeting of one partnership, including everything captured live."""

    partnership_id: RecordId
    on: date | None = None
    place: ShortText = ""
    host_org_id: RecordId | None = None
    opener_id: RecordId | None = None
    closer_id: RecordId | None = None
    held: bool = False
    opportunities: list[Opportunity] = Field(default_factory=list)
    action_areas: list[ActionArea] = Field(default_factory=list)
    commitments: list[Commitment] = Field(default_factory=list)
    priority_area_ids: list[RecordId] = Field(default_factory=list)
    checkins: list[CheckIn] = Field(default_factory=list)
    # live meeting state, so a meeting resumes where it was
    phase: MeetingPhase | None = None
    phase_started: datetime | None = None
    started: datetime | None = None
    phase_minutes: dict[MeetingPhase, int] = Field(
        default_factory=lambda: dict(DEFAULT_PHASE_MINUTES)
    )
    vote_limit: int = Field(3, ge=1, le=100)

    @property
    def in_progress(self) -> bool:
        return self.phase is not None and not self.held

    def next_item_id(self) -> int:
        """A fresh id for a captured item, unique across the meeting's lists."""
        ids = [0]
        ids += [item.id for item in self.opportunities]
        ids += [item.id for item in self.action_areas]
        ids += [item.id for item in self.commitments]
        return max(ids) + 1
