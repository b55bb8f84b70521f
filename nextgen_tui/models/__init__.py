"""The domain model: pydantic models and enums for partnerships, people and their roles.

Validation lives here and nowhere else. Every model refuses unknown fields and unknown enum
values; names are trimmed, non-empty, at most 200 characters and free of control
characters. :func:`describe_errors` turns a pydantic ``ValidationError`` into plain-English
messages that name the field, which is what forms and the command line show.

Records are stored by :mod:`nextgen_tui.store`, which assigns ``id`` (0 means "not saved
yet"). Models never know about TinyDB. This package re-exports every public name of its
modules; :mod:`.snapshot` (a read-only view of one partnership) is imported by name.
"""

from __future__ import annotations

from nextgen_tui.models.fields import (
    MAX_NAME_LENGTH,
    MAX_TEXT_LENGTH,
    Email,
    LongText,
    Name,
    Phone,
    RecordId,
    ShortText,
)
from nextgen_tui.models.kinds import (
    CRITICAL_SYSTEMS,
    DEFAULT_PHASE_MINUTES,
    KIND_LABELS,
    PHASE_LABELS,
    ROLE_LABELS,
    SYSTEM_LABELS,
    SYSTEM_OF_KIND,
    TEAM_ROLES,
    ChampionStatus,
    ConveningKind,
    InvitationStatus,
    MeetingPhase,
    OrgKind,
    RoleKind,
    Stage,
    System,
)
from nextgen_tui.models.launch import ActionArea, CheckIn, Commitment, LaunchMeeting, Opportunity
from nextgen_tui.models.messages import (
    FIELD_LABELS,
    describe_errors,
    explain,
    field_errors,
    field_label,
)
from nextgen_tui.models.records import (
    Debrief,
    Model,
    Organization,
    Partnership,
    Person,
    Record,
    Thresholds,
    Waiver,
)
from nextgen_tui.models.roles import ChampionDetails, LeaderDetails, RoleAssignment
from nextgen_tui.models.teams import ActionTeam, Convening

__all__ = [
    "CRITICAL_SYSTEMS",
    "DEFAULT_PHASE_MINUTES",
    "FIELD_LABELS",
    "KIND_LABELS",
    "MAX_NAME_LENGTH",
    "MAX_TEXT_LENGTH",
    "PHASE_LABELS",
    "ROLE_LABELS",
    "SYSTEM_LABELS",
    "SYSTEM_OF_KIND",
    "TEAM_ROLES",
    "ActionArea",
    "ActionTeam",
    "ChampionDetails",
    "ChampionStatus",
    "CheckIn",
    "Commitment",
    "Convening",
    "ConveningKind",
    "Debrief",
    "Email",
    "InvitationStatus",
    "LaunchMeeting",
    "LeaderDetails",
    "LongText",
    "MeetingPhase",
    "Model",
    "Name",
    "Opportunity",
    "OrgKind",
    "Organization",
    "Partnership",
    "Person",
    "Phone",
    "Record",
    "RecordId",
    "RoleAssignment",
    "RoleKind",
    "ShortText",
    "Stage",
    "System",
    "Thresholds",
    "Waiver",
    "describe_errors",
    "explain",
    "field_errors",
    "field_label",
]
