"""What a gap is, and the facts about one partnership that the rules read.

:class:`Facts` indexes a snapshot once (current roles by kind, by person and by team,
one representative champion and industry-leader record per person), so every rule is a
cheap lookup and a whole analysis stays linear in the number of role assignments.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cached_property
from typing import NamedTuple

from .models import (
    ChampionStatus,
    Convening,
    ConveningKind,
    InvitationStatus,
    Organization,
    Partnership,
    RoleAssignment,
    RoleKind,
    Stage,
    Thresholds,
)
from .snapshot import PartnershipSnapshot


class Severity(StrEnum):
    """How much a gap matters, most serious first: only blockers stop a stage."""

    BLOCKER = "blocker"
    WARNING = "warning"
    HINT = "hint"


class Subject(NamedTuple):
    """One thing a gap concerns: ``kind`` is ``person``, ``organization`` or ``team``."""

    kind: str
    id: int


@dataclass(frozen=True)
class Gap:
    """One finding about a partnership: which rule, how serious, what to do, about whom."""

    rule: str
    stage: Stage
    severity: Severity
    message: str
    people: tuple[int, ...] = ()
    organizations: tuple[int, ...] = ()
    teams: tuple[int, ...] = ()

    @property
    def subjects(self) -> tuple[Subject, ...]:
        """Everything the gap concerns, people first, then organizations, then teams."""
        return (
            *(Subject("person", i) for i in self.people),
            *(Subject("organization", i) for i in self.organizations),
            *(Subject("team", i) for i in self.teams),
        )


@dataclass(frozen=True)
class Rule:
    """One toolkit rule as DESIGN.md lists it."""

    id: str
    stage: Stage
    severity: Severity
    summary: str


_B, _W, _H = Severity.BLOCKER, Severity.WARNING, Severity.HINT
_P, _L, _A, _S = Stage.PREPARE, Stage.LAUNCH, Stage.ACTION, Stage.SUSTAIN

#: Every rule, by id, in the order of DESIGN.md ("Role-gap rules").
RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in (
        Rule("scope-undefined", _P, _B, "the partnership has no industry or no region"),
        Rule("no-convener", _P, _B, "no lead convener or co-convener is named"),
        Rule("champions-too-few", _P, _B, "too few committed champions"),
        Rule("champions-too-many", _P, _W, "too many committed champions"),
        Rule("champion-criteria-unmet", _P, _W, "a champion lacks one of the three criteria"),
        Rule("champion-no-outreach-owner", _P, _W, "a champion has nobody to reach out"),
        Rule("invite-letter-unsigned", _P, _W, "too few champions signed the invite letter"),
        Rule("no-launch-host", _P, _B, "no committed champion hosts the launch"),
        Rule("core-team-size", _P, _W, "core planning team too small or too large"),
        Rule("core-team-missing-system", _P, _B, "a critical system is missing from the core team"),
        Rule("convening-team-small", _P, _H, "the broad convening team is small"),
        Rule("companies-too-few", _L, _B, "industry leaders from too few companies"),
        Rule("companies-too-many", _L, _W, "industry leaders from too many companies"),
        Rule("industry-outnumbered", _L, _B, "non-industry people outnumber industry leaders"),
        Rule("support-team-too-large", _L, _W, "too many support team delegates"),
        Rule("support-team-missing-system", _L, _W, "a critical system has no delegate"),
        Rule("no-facilitator", _L, _B, "no facilitator assigned"),
        Rule("no-opener", _L, _W, "no champion opens the launch meeting"),
        Rule("no-closer", _L, _W, "no champion closes the launch meeting"),
        Rule("off-sector-company", _L, _W, "a company is outside the industry or region"),
        Rule("meeting-part-empty", _L, _W, "a part of the held launch captured nothing"),
        Rule("priority-without-team", _A, _B, "a priority area has no action team"),
        Rule("team-without-industry", _A, _B, "an action team has no industry member"),
        Rule("team-industry-outnumbered", _A, _W, "industry is outnumbered on an action team"),
        Rule("team-without-support", _A, _W, "an action team has no support-team member"),
        Rule("team-without-lead", _A, _W, "an action team has no lead or facilitator"),
        Rule("commitment-unplaced", _A, _W, "someone who committed is on no action team"),
        Rule("no-debrief", _A, _W, "no support-team debrief after the launch"),
        Rule("team-stalled", _A, _W, "an action team has not met lately or has no next step"),
        Rule("core-member-unplugged", _A, _H, "a core team member is on no action team"),
        Rule("no-quarterly-convening", _S, _W, "no quarterly convening lately"),
        Rule("champions-lapsed", _S, _W, "too few champions attended recent convenings"),
        Rule("industry-disengaged", _S, _H, "an industry leader missed the last two convenings"),
    )
}


def make_gap(
    rule: str,
    message: str,
    *,
    people: Iterable[int] = (),
    organizations: Iterable[int] = (),
    teams: Iterable[int] = (),
) -> Gap:
    """A gap of ``rule``, its stage and severity taken from :data:`RULES`."""
    info = RULES[rule]
    return Gap(
        rule,
        info.stage,
        info.severity,
        message,
        people=unique(people),
        organizations=unique(organizations),
        teams=unique(teams),
    )


# ----------------------------------------------------------------------------- facts

_CHAMPION_RANK = {
    ChampionStatus.COMMITTED: 3,
    ChampionStatus.ASKED: 2,
    ChampionStatus.PROSPECT: 1,
    ChampionStatus.DECLINED: 0,
}

TEAM_ROLES = (RoleKind.ACTION_TEAM_MEMBER, RoleKind.ACTION_TEAM_LEAD)


def champion_rank(role: RoleAssignment) -> tuple[int, int]:
    details = role.champion
    return (_CHAMPION_RANK[details.status] if details else -1, role.id)


def leader_rank(role: RoleAssignment) -> tuple[int, int]:
    details = role.leader
    if details is None or details.invitation is InvitationStatus.DECLINED:
        return (0, role.id)
    if details.attended:
        return (3, role.id)
    return (2 if details.invitation is InvitationStatus.ACCEPTED else 1, role.id)


def leader_counts(role: RoleAssignment) -> bool:
    """An industry leader is at the table once accepted or attended, never when declined."""
    details = role.leader
    if details is None or details.invitation is InvitationStatus.DECLINED:
        return False
    return details.invitation is InvitationStatus.ACCEPTED or details.attended


@dataclass
class Facts:
    """The indexes every rule reads, built in one pass over the current roles."""

    snapshot: PartnershipSnapshot
    today: date
    by_kind: dict[RoleKind, list[RoleAssignment]] = field(default_factory=dict)
    #: distinct people holding each role kind, in the order they were first seen
    people_of: dict[RoleKind, list[int]] = field(default_factory=dict)
    #: one record per person: the most advanced champion / industry-leader assignment
    champions: dict[int, RoleAssignment] = field(default_factory=dict)
    leaders: dict[int, RoleAssignment] = field(default_factory=dict)
    #: open action team id -> distinct members (leads included), and its leads
    team_people: dict[int, list[int]] = field(default_factory=dict)
    team_leads: dict[int, set[int]] = field(default_factory=dict)
    #: person -> the open action teams they sit on
    teams_of: dict[int, set[int]] = field(default_factory=dict)
    #: person with a current role -> their company (None: not industry)
    company: dict[int, Organization | None] = field(default_factory=dict)

    @classmethod
    def of(cls, snapshot: PartnershipSnapshot, today: date) -> Facts:
        facts = cls(snapshot, today)
        people, organizations = snapshot.people, snapshot.organizations
        open_teams = {t.id for t in snapshot.teams if t.closed is None}
        by_kind = facts.by_kind
        distinct: dict[RoleKind, dict[int, None]] = {}
        team_people: dict[int, dict[int, None]] = {}
        company = facts.company
        for role in snapshot.roles:
            pid = role.person_id
            if role.end is not None:
                continue
            if pid not in company:  # first time this person is seen: check and classify
                person = people.get(pid)
                if person is None or person.deleted:
                    continue
                org = organizations.get(person.organization_id or 0)
                company[pid] = org if org is not None and org.is_industry else None
            kind = role.role
            if kind in by_kind:
                by_kind[kind].append(role)
                distinct[kind][pid] = None
            else:
                by_kind[kind] = [role]
                distinct[kind] = {pid: None}
            if kind is RoleKind.CHAMPION:
                best = facts.champions.get(pid)
                if best is None or champion_rank(role) > champion_rank(best):
                    facts.champions[pid] = role
            elif kind is RoleKind.INDUSTRY_LEADER:
                best = facts.leaders.get(pid)
                if best is None or leader_rank(role) > leader_rank(best):
                    facts.leaders[pid] = role
            elif kind in TEAM_ROLES and role.team_id in open_teams:
                team = role.team_id
                assert team is not None
                team_people.setdefault(team, {})[pid] = None
                if kind is RoleKind.ACTION_TEAM_LEAD:
                    facts.team_leads.setdefault(team, set()).add(pid)
                facts.teams_of.setdefault(pid, set()).add(team)
        facts.people_of = {kind: list(found) for kind, found in distinct.items()}
        facts.team_people = {team: list(found) for team, found in team_people.items()}
        return facts

    # -------------------------------------------------------------- shortcuts

    @property
    def partnership(self) -> Partnership:
        return self.snapshot.partnership

    @property
    def limits(self) -> Thresholds:
        return self.snapshot.partnership.thresholds

    def holders(self, *kinds: RoleKind) -> list[int]:
        """Distinct people holding any of ``kinds``."""
        if len(kinds) == 1:
            return self.people_of.get(kinds[0], [])
        result: dict[int, None] = {}
        for kind in kinds:
            result.update(dict.fromkeys(self.people_of.get(kind, [])))
        return list(result)

    def champions_with(self, *statuses: ChampionStatus) -> list[int]:
        return [
            pid
            for pid, role in self.champions.items()
            if role.champion is not None and role.champion.status in statuses
        ]

    @property
    def active_champions(self) -> list[RoleAssignment]:
        """Champions who have not declined."""
        return [
            role
            for role in self.champions.values()
            if role.champion is not None and role.champion.status is not ChampionStatus.DECLINED
        ]

    @cached_property
    def counted_leaders(self) -> list[int]:
        """Industry leaders at the table: accepted or attended, never declined."""
        return [pid for pid, role in self.leaders.items() if leader_counts(role)]

    def company_of(self, person_id: int) -> Organization | None:
        """The person's company, or ``None`` when they are not industry."""
        if person_id in self.company:
            return self.company[person_id]
        org = self.snapshot.organization_of(person_id)
        return org if org is not None and org.is_industry else None

    def is_industry(self, person_id: int) -> bool:
        return self.company_of(person_id) is not None

    def name(self, person_id: int) -> str:
        return self.snapshot.person_name(person_id)

    def past_quarterly(self) -> list[Convening]:
        """Quarterly convenings held on or before today, latest first."""
        held = [
            c
            for c in self.snapshot.convenings
            if c.kind is ConveningKind.QUARTERLY and c.on <= self.today
        ]
        return sorted(held, key=lambda c: (c.on, c.id), reverse=True)


# ----------------------------------------------------------------------------- wording


def join_names(names: Sequence[str], limit: int = 3) -> str:
    """``Ann``, ``Ann and Bo``, ``Ann, Bo and Cy``, ``Ann, Bo, Cy and 2 more``."""
    if len(names) > limit:
        return ", ".join(names[:limit]) + f" and {len(names) - limit} more"
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" and {names[-1]}"


def span(low: int, high: int | None) -> str:
    """A target as the toolkit writes it: ``2-6``, ``25+``, ``up to 12``, ``1``."""
    if high is None:
        return f"{low}+"
    if low <= 0:
        return f"up to {high}"
    return str(low) if low == high else f"{low}-{high}"


def unique(ids: Iterable[int]) -> tuple[int, ...]:
    return tuple(dict.fromkeys(ids))
