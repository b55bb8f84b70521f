"""What a gap is, and the facts about one partnership that the rules read.

:class:`Facts` indexes a snapshot once (current roles by kind, by person and by team,
one representative champion and industry-leader record per person), so every rule is a
cheap lookup and a whole analysis stays linear in the number of role assignments.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from nextgen_tui.models import (
    ChampionStatus,
    Convening,
    ConveningKind,
    InvitationStatus,
    Organization,
    Partnership,
    RoleAssignment,
    RoleKind,
    Thresholds,
)
from nextgen_tui.models.kinds import System
from nextgen_tui.models.snapshot import PartnershipSnapshot
from nextgen_tui.models.teams import ActionTeam

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


def leader_invited(role: RoleAssignment) -> bool:
    """An industry leader who has not declined the invitation."""
    details = role.leader
    return details is not None and details.invitation is not InvitationStatus.DECLINED


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

    def sector_problems(self, org: Organization) -> list[str]:
        """How a company's known industry or region differs from the partnership's."""
        p = self.partnership
        problems = []
        if org.industry and p.industry and not same_text(org.industry, p.industry):
            problems.append(f"is in {org.industry}, not {p.industry}")
        if org.region and p.region and not same_text(org.region, p.region):
            problems.append(f"is in {org.region}, not {p.region}")
        return problems

    def champion_problem(self, person_id: int) -> str:
        """Why a champion is not industry of this partnership (``""``: they are)."""
        org = self.snapshot.organization_of(person_id)
        if org is None:
            return "has no organization"
        if not org.is_industry:
            return f"is from {org.name}, which is not a company"
        problems = self.sector_problems(org)
        return f"is from {org.name}, which {' and '.join(problems)}" if problems else ""

    @cached_property
    def counted_champions(self) -> list[int]:
        """Committed champions from a company in the partnership's industry and region:
        the ones that count toward the 2-6 and sit at the launch as industry."""
        return [
            pid
            for pid in self.champions_with(ChampionStatus.COMMITTED)
            if not self.champion_problem(pid)
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


def aim(facts: Facts, low: str | None, high: str | None, what: str = "") -> str:
    """The target a count is held to, to end a clause with.

    ``"; the toolkit calls for 2-6"`` with the toolkit's numbers; when the partnership
    changed them, ``" against your target of 3-6; the toolkit suggests 2-6"``. ``low`` and
    ``high`` name :class:`Thresholds` fields (``None``: no bound on that side).
    """
    toolkit = Thresholds()

    def target(limits: Thresholds) -> str:
        return span(getattr(limits, low) if low else 0, getattr(limits, high) if high else None)

    ours, theirs = target(facts.limits), target(toolkit)
    if ours == theirs:
        return f"; the toolkit calls for {ours}{what}"
    return f" against your target of {ours}{what}; the toolkit suggests {theirs}"


def changed_number(facts: Facts, field_name: str) -> str:
    """``" (your setting; the default is 90)"`` when a limit was changed, else ``""``."""
    ours, theirs = getattr(facts.limits, field_name), getattr(Thresholds(), field_name)
    return "" if ours == theirs else f" (your setting; the default is {theirs})"


def unique(ids: Iterable[int]) -> tuple[int, ...]:
    return tuple(dict.fromkeys(ids))


# ----------------------------------------------------------------------------- shared by rules

#: Where to look for someone of each critical system, for the messages.
SYSTEM_EXAMPLES: dict[System, str] = {
    System.EDUCATION: "K-12, a community college or a university",
    System.WORKFORCE: "the workforce board or a job center",
    System.ECONOMIC_DEVELOPMENT: "the chamber of commerce or an economic development organization",
}


#: The roles of public partners "at the table" at the launch (the rule industry-outnumbered
#: counts them group by group in :mod:`.balance`).
TABLE_ROLES = (
    RoleKind.SUPPORT_DELEGATE,
    RoleKind.CORE_TEAM,
    RoleKind.CONVENER,
    RoleKind.CO_CONVENER,
    RoleKind.FACILITATOR,
)


def same_text(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


def open_teams(facts: Facts) -> list[ActionTeam]:
    return [team for team in facts.snapshot.teams if team.closed is None]


def names_of(facts: Facts, people: list[int]) -> str:
    return join_names([facts.name(pid) for pid in people])


def is_known(facts: Facts, person_id: int) -> bool:
    person = facts.snapshot.people.get(person_id)
    return person is not None and not person.deleted
