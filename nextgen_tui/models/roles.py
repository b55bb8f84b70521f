"""Role assignments: who holds which role in a partnership, with champion and
industry-leader details. Ended roles stay as history.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Self

from pydantic import (
    model_validator,
)

from nextgen_tui.models.fields import RecordId
from nextgen_tui.models.kinds import TEAM_ROLES, ChampionStatus, InvitationStatus, RoleKind
from nextgen_tui.models.records import Model, Record

# --------------------------------------------------------------------------- roles


class ChampionDetails(Model):
    status: ChampionStatus = ChampionStatus.PROSPECT
    passionate_company: bool = False
    passionate_industry: bool = False
    passionate_community: bool = False
    outreach_owner_id: RecordId | None = None
    signed_invite: bool = False
    hosts_launch: bool = False

    @property
    def meets_criteria(self) -> bool:
        return self.passionate_company and self.passionate_industry and self.passionate_community

    @property
    def missing_criteria(self) -> list[str]:
        missing = []
        if not self.passionate_company:
            missing.append("company")
        if not self.passionate_industry:
            missing.append("industry")
        if not self.passionate_community:
            missing.append("community")
        return missing


class LeaderDetails(Model):
    invitation: InvitationStatus = InvitationStatus.INVITED
    attended: bool = False
    introduced: bool = False
    #: the champion who personally extended the invitation (none recorded: ``None``)
    invited_by_id: RecordId | None = None


class RoleAssignment(Record):
    """One person holding one role in one partnership, from ``start`` until ``end``.

    Ended assignments are kept as history; only current ones (``end is None``) count.
    """

    partnership_id: RecordId
    person_id: RecordId
    role: RoleKind
    start: date
    end: date | None = None
    team_id: RecordId | None = None
    champion: ChampionDetails | None = None
    leader: LeaderDetails | None = None

    @model_validator(mode="before")
    @classmethod
    def _default_details(cls, data: Any) -> Any:
        """A champion always has champion details, an industry leader invitation details."""
        if isinstance(data, dict):
            role = data.get("role")
            if role in (RoleKind.CHAMPION, "champion") and data.get("champion") is None:
                data = {**data, "champion": {}}
            if role in (RoleKind.INDUSTRY_LEADER, "industry_leader") and data.get("leader") is None:
                data = {**data, "leader": {}}
        return data

    @model_validator(mode="after")
    def _details_fit_role(self) -> Self:
        if self.role is not RoleKind.CHAMPION and self.champion is not None:
            raise ValueError("Champion details belong only to a champion role")
        if self.role is not RoleKind.INDUSTRY_LEADER and self.leader is not None:
            raise ValueError("Invitation details belong only to an industry leader role")
        if self.role in TEAM_ROLES and not self.team_id:
            raise ValueError("An action team role needs a team")
        if self.role not in TEAM_ROLES and self.team_id:
            raise ValueError("Only action team roles belong to a team")
        if self.end is not None and self.end < self.start:
            raise ValueError("End date must not be before the start date")
        return self

    @property
    def current(self) -> bool:
        return self.end is None
