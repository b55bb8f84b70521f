"""Action teams and convenings (quarterly partnership meetings and team meetings)."""

from __future__ import annotations

from datetime import date
from typing import Self

from pydantic import (
    Field,
    model_validator,
)

from nextgen_tui.models.fields import LongText, Name, RecordId, ShortText
from nextgen_tui.models.kinds import ConveningKind
from nextgen_tui.models.records import Record

# --------------------------------------------------------------------------- action


class ActionTeam(Record):
    """A task group working on one priority area; members are roles with its ``team_id``."""

    partnership_id: RecordId
    name: Name
    priority_area_id: RecordId | None = None
    next_step: LongText = ""
    meetings: list[date] = Field(default_factory=list)
    formed: date | None = None
    closed: date | None = None


class Convening(Record):
    """A quarterly partnership convening or an action team meeting, with attendance."""

    partnership_id: RecordId
    on: date
    kind: ConveningKind = ConveningKind.QUARTERLY
    team_id: RecordId | None = None
    title: ShortText = ""
    attendee_ids: list[RecordId] = Field(default_factory=list)
    notes: LongText = ""

    @model_validator(mode="after")
    def _team_fits_kind(self) -> Self:
        if self.kind is ConveningKind.ACTION_TEAM and not self.team_id:
            raise ValueError("An action team meeting needs a team")
        return self
