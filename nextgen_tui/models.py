"""The domain model: pydantic models and enums for partnerships, people and their roles.

Validation lives here and nowhere else. Every model refuses unknown fields and unknown enum
values; names are trimmed, non-empty, at most 200 characters and free of control
characters. :func:`describe_errors` turns a pydantic ``ValidationError`` into plain-English
messages that name the field, which is what forms and the command line show.

Records are stored by :mod:`nextgen_tui.store`, which assigns ``id`` (0 means "not saved
yet"). Models never know about TinyDB.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)

MAX_NAME_LENGTH = 200
MAX_TEXT_LENGTH = 5000


# --------------------------------------------------------------------------- enums


class OrgKind(StrEnum):
    """What kind of organization this is; it decides the public system it belongs to."""

    COMPANY = "company"
    K12 = "k12"
    COMMUNITY_COLLEGE = "community_college"
    UNIVERSITY = "university"
    WORKFORCE_BOARD = "workforce_board"
    JOB_CENTER = "job_center"
    CHAMBER = "chamber"
    ECONOMIC_DEVELOPMENT = "economic_development"
    LABOR = "labor"
    COMMUNITY_ORG = "community_org"
    OTHER = "other"


class System(StrEnum):
    """The public system an organization belongs to (industry is the private side)."""

    INDUSTRY = "industry"
    EDUCATION = "education"
    WORKFORCE = "workforce"
    ECONOMIC_DEVELOPMENT = "economic_development"
    LABOR = "labor"
    COMMUNITY = "community"
    OTHER = "other"


SYSTEM_OF_KIND: dict[OrgKind, System] = {
    OrgKind.COMPANY: System.INDUSTRY,
    OrgKind.K12: System.EDUCATION,
    OrgKind.COMMUNITY_COLLEGE: System.EDUCATION,
    OrgKind.UNIVERSITY: System.EDUCATION,
    OrgKind.WORKFORCE_BOARD: System.WORKFORCE,
    OrgKind.JOB_CENTER: System.WORKFORCE,
    OrgKind.CHAMBER: System.ECONOMIC_DEVELOPMENT,
    OrgKind.ECONOMIC_DEVELOPMENT: System.ECONOMIC_DEVELOPMENT,
    OrgKind.LABOR: System.LABOR,
    OrgKind.COMMUNITY_ORG: System.COMMUNITY,
    OrgKind.OTHER: System.OTHER,
}

KIND_LABELS: dict[OrgKind, str] = {
    OrgKind.COMPANY: "Company",
    OrgKind.K12: "K-12",
    OrgKind.COMMUNITY_COLLEGE: "Community college",
    OrgKind.UNIVERSITY: "University",
    OrgKind.WORKFORCE_BOARD: "Workforce board",
    OrgKind.JOB_CENTER: "Job center",
    OrgKind.CHAMBER: "Chamber of commerce",
    OrgKind.ECONOMIC_DEVELOPMENT: "Economic development",
    OrgKind.LABOR: "Labor",
    OrgKind.COMMUNITY_ORG: "Community organization",
    OrgKind.OTHER: "Other",
}

SYSTEM_LABELS: dict[System, str] = {
    System.INDUSTRY: "industry",
    System.EDUCATION: "education",
    System.WORKFORCE: "workforce development",
    System.ECONOMIC_DEVELOPMENT: "economic development",
    System.LABOR: "labor",
    System.COMMUNITY: "community-based organizations",
    System.OTHER: "other",
}

#: The three systems the toolkit says the core and support teams must include.
CRITICAL_SYSTEMS: tuple[System, ...] = (
    System.EDUCATION,
    System.WORKFORCE,
    System.ECONOMIC_DEVELOPMENT,
)


class Stage(StrEnum):
    """The four stages of a partnership's life cycle, in order."""

    PREPARE = "prepare"
    LAUNCH = "launch"
    ACTION = "action"
    SUSTAIN = "sustain"

    @property
    def number(self) -> int:
        return list(Stage).index(self) + 1

    @property
    def label(self) -> str:
        return self.value.capitalize()

    def next(self) -> Stage | None:
        stages = list(Stage)
        index = stages.index(self)
        return stages[index + 1] if index + 1 < len(stages) else None


class RoleKind(StrEnum):
    """A role a person holds in one partnership."""

    CONVENING_TEAM = "convening_team"
    CORE_TEAM = "core_team"
    CONVENER = "convener"
    CO_CONVENER = "co_convener"
    CHAMPION = "champion"
    INDUSTRY_LEADER = "industry_leader"
    SUPPORT_DELEGATE = "support_delegate"
    FACILITATOR = "facilitator"
    ACTION_TEAM_MEMBER = "action_team_member"
    ACTION_TEAM_LEAD = "action_team_lead"


ROLE_LABELS: dict[RoleKind, str] = {
    RoleKind.CONVENING_TEAM: "Convening team",
    RoleKind.CORE_TEAM: "Core planning team",
    RoleKind.CONVENER: "Lead convener",
    RoleKind.CO_CONVENER: "Co-convener",
    RoleKind.CHAMPION: "Champion",
    RoleKind.INDUSTRY_LEADER: "Industry leader",
    RoleKind.SUPPORT_DELEGATE: "Support team delegate",
    RoleKind.FACILITATOR: "Facilitator",
    RoleKind.ACTION_TEAM_MEMBER: "Action team member",
    RoleKind.ACTION_TEAM_LEAD: "Action team lead",
}

#: Roles that belong to one action team and need ``team_id``.
TEAM_ROLES = frozenset({RoleKind.ACTION_TEAM_MEMBER, RoleKind.ACTION_TEAM_LEAD})


class ChampionStatus(StrEnum):
    PROSPECT = "prospect"
    ASKED = "asked"
    COMMITTED = "committed"
    DECLINED = "declined"


class InvitationStatus(StrEnum):
    INVITED = "invited"
    ACCEPTED = "accepted"
    DECLINED = "declined"


class ConveningKind(StrEnum):
    QUARTERLY = "quarterly"
    ACTION_TEAM = "action_team"


class MeetingPhase(StrEnum):
    """The agenda of a launch meeting, in order."""

    WELCOME = "welcome"
    INTRODUCTIONS = "introductions"
    OPPORTUNITIES = "opportunities"
    ACTION_AREAS = "action_areas"
    COMMITMENTS = "commitments"
    CLOSE = "close"

    @property
    def label(self) -> str:
        return PHASE_LABELS[self]


PHASE_LABELS: dict[MeetingPhase, str] = {
    MeetingPhase.WELCOME: "Welcome",
    MeetingPhase.INTRODUCTIONS: "Introductions",
    MeetingPhase.OPPORTUNITIES: "Part 1: Industry Opportunities",
    MeetingPhase.ACTION_AREAS: "Part 2: Needed Action Areas",
    MeetingPhase.COMMITMENTS: "Part 3: Commitments",
    MeetingPhase.CLOSE: "Close",
}

#: Minutes per phase: a launch meeting of about two hours.
DEFAULT_PHASE_MINUTES: dict[MeetingPhase, int] = {
    MeetingPhase.WELCOME: 10,
    MeetingPhase.INTRODUCTIONS: 20,
    MeetingPhase.OPPORTUNITIES: 30,
    MeetingPhase.ACTION_AREAS: 30,
    MeetingPhase.COMMITMENTS: 20,
    MeetingPhase.CLOSE: 10,
}


# --------------------------------------------------------------------------- field types

_CONTROL_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp"})
#: Format characters that real names use (joiners in emoji and Indic scripts, RTL marks).
_ALLOWED_FORMAT = frozenset({"\u200c", "\u200d", "\u200e", "\u200f", "\ufe0f"})


def _strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def _check_no_control(value: str, *, allow_newlines: bool = False) -> str:
    for char in value:
        if allow_newlines and char in "\n\t":
            continue
        if char in _ALLOWED_FORMAT:
            continue
        if unicodedata.category(char) in _CONTROL_CATEGORIES:
            raise ValueError("must not contain control characters")
    return value


def _check_name(value: str) -> str:
    if not value:
        raise ValueError("is required")
    if len(value) > MAX_NAME_LENGTH:
        raise ValueError(f"must be at most {MAX_NAME_LENGTH} characters (it has {len(value)})")
    return _check_no_control(value)


def _check_short_text(value: str) -> str:
    if len(value) > MAX_NAME_LENGTH:
        raise ValueError(f"must be at most {MAX_NAME_LENGTH} characters (it has {len(value)})")
    return _check_no_control(value)


def _check_long_text(value: str) -> str:
    if len(value) > MAX_TEXT_LENGTH:
        raise ValueError(f"must be at most {MAX_TEXT_LENGTH} characters (it has {len(value)})")
    return _check_no_control(value, allow_newlines=True)


_EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")


def _check_email(value: str) -> str:
    if value and not _EMAIL.match(value):
        raise ValueError("is not a valid email address (expected something like name@example.org)")
    return _check_short_text(value)


_PHONE = re.compile(r"^[0-9+()./\- ]*(x|ext\.?)?\s*[0-9]*$", re.IGNORECASE)


def _check_phone(value: str) -> str:
    if value and not _PHONE.match(value):
        raise ValueError("may contain only digits, spaces and + ( ) - . (and an extension)")
    return _check_short_text(value)


#: A required name: trimmed, 1-200 characters, no control characters.
Name = Annotated[str, BeforeValidator(_strip), AfterValidator(_check_name)]
#: An optional one-line text: trimmed, at most 200 characters.
ShortText = Annotated[str, BeforeValidator(_strip), AfterValidator(_check_short_text)]
#: Free text such as notes: newlines allowed, at most 5,000 characters.
LongText = Annotated[str, BeforeValidator(_strip), AfterValidator(_check_long_text)]
Email = Annotated[str, BeforeValidator(_strip), AfterValidator(_check_email)]
Phone = Annotated[str, BeforeValidator(_strip), AfterValidator(_check_phone)]
#: A record id: 0 means not saved yet.
RecordId = Annotated[int, Field(ge=0)]


class Model(BaseModel):
    """Base of every model: strict about unknown fields, validated on assignment."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, use_enum_values=False)

    def updated(self, **changes: Any) -> Self:
        """Return a validated copy with ``changes`` applied (``model_copy`` skips validation)."""
        data = self.model_dump()
        data.update(changes)
        return type(self).model_validate(data)


class Record(Model):
    """A stored record with an id given by the store."""

    id: RecordId = 0


# --------------------------------------------------------------------------- directory


class Organization(Record):
    name: Name
    kind: OrgKind = OrgKind.COMPANY
    industry: ShortText = ""
    region: ShortText = ""
    notes: LongText = ""
    deleted: bool = False

    @property
    def system(self) -> System:
        return SYSTEM_OF_KIND[self.kind]

    @property
    def is_industry(self) -> bool:
        return self.kind is OrgKind.COMPANY


class Person(Record):
    name: Name
    title: ShortText = ""
    organization_id: RecordId | None = None
    email: Email = ""
    phone: Phone = ""
    notes: LongText = ""
    deleted: bool = False


# --------------------------------------------------------------------------- partnership


class Thresholds(Model):
    """The toolkit's numbers; a region may tune them per partnership."""

    champions_min: int = Field(2, ge=0, le=100)
    champions_max: int = Field(6, ge=0, le=100)
    invite_signers_min: int = Field(2, ge=0, le=100)
    core_team_min: int = Field(6, ge=0, le=200)
    core_team_max: int = Field(12, ge=0, le=200)
    convening_team_min: int = Field(25, ge=0, le=1000)
    companies_min: int = Field(12, ge=0, le=1000)
    companies_max: int = Field(60, ge=0, le=1000)
    support_delegates_max: int = Field(12, ge=0, le=200)
    team_stall_days: int = Field(90, ge=1, le=3650)
    convening_overdue_days: int = Field(100, ge=1, le=3650)

    @model_validator(mode="after")
    def _ranges_ordered(self) -> Self:
        for low, high in (
            ("champions_min", "champions_max"),
            ("core_team_min", "core_team_max"),
            ("companies_min", "companies_max"),
        ):
            if getattr(self, low) > getattr(self, high):
                raise ValueError(
                    f"{FIELD_LABELS.get(low, low)} must not be more than "
                    f"{FIELD_LABELS.get(high, high)}"
                )
        return self


class Waiver(Model):
    """A stage advanced while blockers remained: why, when, and which blockers."""

    from_stage: Stage
    to_stage: Stage
    reason: LongText
    on: date
    blockers: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _reason_required(self) -> Self:
        if not self.reason:
            raise ValueError("A waiver needs a reason")
        return self


class Debrief(Model):
    """The support team's debrief after the launch."""

    on: date
    notes: LongText = ""


class Partnership(Record):
    name: Name
    industry: ShortText = ""
    region: ShortText = ""
    stage: Stage = Stage.PREPARE
    thresholds: Thresholds = Field(default_factory=Thresholds)
    waivers: list[Waiver] = Field(default_factory=list)
    debrief: Debrief | None = None
    notes: LongText = ""
    created: date | None = None


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


# --------------------------------------------------------------------------- errors

FIELD_LABELS: dict[str, str] = {
    "name": "Name",
    "title": "Title",
    "email": "Email",
    "phone": "Phone",
    "notes": "Notes",
    "kind": "Kind",
    "industry": "Industry",
    "region": "Region",
    "organization_id": "Organization",
    "stage": "Stage",
    "role": "Role",
    "start": "Start date",
    "end": "End date",
    "on": "Date",
    "place": "Place",
    "reason": "Reason",
    "text": "Text",
    "status": "Status",
    "invitation": "Invitation status",
    "next_step": "Next step",
    "vote_limit": "Vote limit",
    "champions_min": "Minimum champions",
    "champions_max": "Maximum champions",
    "invite_signers_min": "Minimum invite signers",
    "core_team_min": "Minimum core team",
    "core_team_max": "Maximum core team",
    "convening_team_min": "Minimum convening team",
    "companies_min": "Minimum companies",
    "companies_max": "Maximum companies",
    "support_delegates_max": "Maximum support delegates",
    "team_stall_days": "Days before a team is stalled",
    "convening_overdue_days": "Days before a convening is overdue",
}


def field_label(loc: tuple[int | str, ...]) -> str:
    """The user-facing label of an error location (the last named field)."""
    for part in reversed(loc):
        if isinstance(part, str):
            return FIELD_LABELS.get(part, part.replace("_", " ").capitalize())
    return "Value"


def _message(error: Any) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return "is required"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"])).removeprefix("Value error, ")
    if kind == "enum":
        return f"must be one of: {ctx.get('expected', '')}".replace("'", "")
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return "must be a whole number"
    if kind in ("greater_than_equal", "less_than_equal"):
        low = "at least" if kind == "greater_than_equal" else "at most"
        bound = ctx.get("ge", ctx.get("le"))
        return f"must be {low} {bound}"
    if kind.startswith("date") or kind.startswith("datetime"):
        return "must be a date like 2026-03-31"
    if kind == "extra_forbidden":
        return "is not a known field"
    if kind in ("string_type", "bool_type", "bool_parsing"):
        return "has the wrong type of value"
    return str(error["msg"])


def describe_errors(exc: ValidationError) -> dict[str, str]:
    """Map each failing field's label to a plain-English message, e.g. ``{"Email": "..."}``.

    Errors raised by a whole-model check (no field) are keyed by ``""``.
    """
    messages: dict[str, str] = {}
    for error in exc.errors():
        loc = tuple(error["loc"])
        named = [part for part in loc if isinstance(part, str)]
        key = field_label(loc) if named else ""
        text = _message(error)
        messages.setdefault(key, text)
    return messages


def field_errors(exc: ValidationError) -> dict[str, str]:
    """Map each failing field's *name* (e.g. ``"email"``) to its full message.

    Forms use this to show a message beside the input of that field.
    """
    result: dict[str, str] = {}
    for error in exc.errors():
        loc = tuple(error["loc"])
        named = [part for part in loc if isinstance(part, str)]
        key = named[-1] if named else ""
        label = field_label(loc) if named else ""
        result.setdefault(key, _sentence(label, _message(error)))
    return result


def _sentence(label: str, text: str) -> str:
    """``label`` + ``text``, unless ``text`` is already a whole sentence.

    Field checks say "is required"; whole-model checks (e.g. "Minimum champions must not be
    more than Maximum champions") already name their fields and start with a capital.
    """
    if not label or text[:1].isupper():
        return text
    return f"{label} {text}"


def explain(exc: ValidationError) -> str:
    """One plain-English sentence for the first error, for notifications and the CLI."""
    for key, text in describe_errors(exc).items():
        return f"{_sentence(key, text)}."
    return "The value is not valid."
