"""The enums of the domain and their plain-English labels: organization kinds and
the public system each belongs to, stages, roles, statuses and meeting parts.
"""

from __future__ import annotations

from enum import StrEnum

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
    #: Not known yet: counted neither as industry nor as any public system, and flagged.
    UNKNOWN = "unknown"


class System(StrEnum):
    """The public system an organization belongs to (industry is the private side)."""

    INDUSTRY = "industry"
    EDUCATION = "education"
    WORKFORCE = "workforce"
    ECONOMIC_DEVELOPMENT = "economic_development"
    LABOR = "labor"
    COMMUNITY = "community"
    OTHER = "other"
    UNKNOWN = "unknown"


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
    OrgKind.UNKNOWN: System.UNKNOWN,
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
    OrgKind.UNKNOWN: "Unknown (not said yet)",
}

SYSTEM_LABELS: dict[System, str] = {
    System.INDUSTRY: "industry",
    System.EDUCATION: "education",
    System.WORKFORCE: "workforce development",
    System.ECONOMIC_DEVELOPMENT: "economic development",
    System.LABOR: "labor",
    System.COMMUNITY: "community-based organizations",
    System.OTHER: "other",
    System.UNKNOWN: "unknown: neither industry nor a public system",
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
