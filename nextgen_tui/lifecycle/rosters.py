"""Who's at the table, stage by stage: the roster groups with counts against targets.

Counts follow the gap rules exactly (one person counts once per group, declined
champions and invitations never count, only current roles), so a group shown "low" is
one a gap complains about. Pure functions, no Textual.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from nextgen_tui.gaps.balance import TableBalance, table_balance
from nextgen_tui.gaps.facts import Facts, leader_counts, span
from nextgen_tui.models import RoleAssignment, RoleKind, Stage
from nextgen_tui.models.snapshot import PartnershipSnapshot

Status = Literal["ok", "low", "high", "none"]


@dataclass(frozen=True)
class RosterGroup:
    """One group of a stage's roster, e.g. the champions or one action team.

    ``role`` is the role a person added to the group gets (``None``: nobody can be added
    here directly); ``team_id`` is set for an action team's group.
    """

    key: str
    label: str
    stage: Stage
    role: RoleKind | None
    members: list[RoleAssignment] = field(default_factory=list)
    count: int = 0
    count_label: str = "people"
    target: str = ""
    status: Status = "none"
    team_id: int | None = None

    def headline(self) -> str:
        """``Champions 1 of 2-6 committed``, ``Core planning team 4 of 6-12``."""
        text = f"{self.label} {self.count}"
        if self.target:
            text += f" of {self.target}"
        if self.count_label and self.count_label != "people":
            text += f" {self.count_label}"
        return text


def judge(count: int, low: int, high: int | None = None) -> Status:
    if count < low:
        return "low"
    if high is not None and count > high:
        return "high"
    return "ok"


# ----------------------------------------------------------------------------- groups


def _one_per_person(roles: Iterable[RoleAssignment], facts: Facts) -> list[RoleAssignment]:
    """One assignment per person (the first seen), sorted by name."""
    chosen: dict[int, RoleAssignment] = {}
    for role in roles:
        chosen.setdefault(role.person_id, role)
    return sorted(chosen.values(), key=lambda r: (facts.name(r.person_id).casefold(), r.id))


def _conveners(facts: Facts, stage: Stage) -> RosterGroup:
    roles = facts.by_kind.get(RoleKind.CONVENER, []) + facts.by_kind.get(RoleKind.CO_CONVENER, [])
    members = _one_per_person(roles, facts)
    return RosterGroup(
        "conveners",
        "Conveners",
        stage,
        RoleKind.CONVENER,
        members,
        count=len(members),
        target="1+",
        status=judge(len(members), 1),
    )


def _champions(facts: Facts, stage: Stage) -> RosterGroup:
    limits = facts.limits
    members = _one_per_person(facts.champions.values(), facts)
    committed = len(facts.counted_champions)  # industry of this sector only, as the rule counts
    return RosterGroup(
        "champions",
        "Champions",
        stage,
        RoleKind.CHAMPION,
        members,
        count=committed,
        count_label="committed",
        target=span(limits.champions_min, limits.champions_max),
        status=judge(committed, limits.champions_min, limits.champions_max),
    )


def _people_group(
    facts: Facts, stage: Stage, key: str, label: str, role: RoleKind, low: int, high: int | None
) -> RosterGroup:
    members = _one_per_person(facts.by_kind.get(role, []), facts)
    return RosterGroup(
        key,
        label,
        stage,
        role,
        members,
        count=len(members),
        target=span(low, high),
        status=judge(len(members), low, high),
    )


def _core_team(facts: Facts, stage: Stage) -> RosterGroup:
    limits = facts.limits
    return _people_group(
        facts,
        stage,
        "core_team",
        "Core planning team",
        RoleKind.CORE_TEAM,
        limits.core_team_min,
        limits.core_team_max,
    )


def _convening_team(facts: Facts, stage: Stage) -> RosterGroup:
    return _people_group(
        facts,
        stage,
        "convening_team",
        "Convening team",
        RoleKind.CONVENING_TEAM,
        facts.limits.convening_team_min,
        None,
    )


def _leaders(facts: Facts, stage: Stage) -> RosterGroup:
    limits = facts.limits
    members = _one_per_person(facts.leaders.values(), facts)
    companies = table_balance(facts).companies  # committed champions' companies count too
    return RosterGroup(
        "leaders",
        "Industry leaders",
        stage,
        RoleKind.INDUSTRY_LEADER,
        members,
        count=len(companies),
        count_label="companies",
        target=span(limits.companies_min, limits.companies_max),
        status=judge(len(companies), limits.companies_min, limits.companies_max),
    )


def _delegates(facts: Facts, stage: Stage) -> RosterGroup:
    return _people_group(
        facts,
        stage,
        "delegates",
        "Support team delegates",
        RoleKind.SUPPORT_DELEGATE,
        0,
        facts.limits.support_delegates_max,
    )


def _facilitator(facts: Facts, stage: Stage) -> RosterGroup:
    members = _one_per_person(facts.by_kind.get(RoleKind.FACILITATOR, []), facts)
    return RosterGroup(
        "facilitator",
        "Facilitator",
        stage,
        RoleKind.FACILITATOR,
        members,
        count=len(members),
        target="1",
        status=judge(len(members), 1),
    )


def _teams(facts: Facts, stage: Stage) -> list[RosterGroup]:
    by_team: dict[int, list[RoleAssignment]] = {}
    for kind in (RoleKind.ACTION_TEAM_LEAD, RoleKind.ACTION_TEAM_MEMBER):  # leads first
        for role in facts.by_kind.get(kind, []):
            if role.team_id is not None:
                by_team.setdefault(role.team_id, []).append(role)
    groups = []
    for team in facts.snapshot.teams:
        if team.closed is not None:
            continue
        members = _one_per_person(by_team.get(team.id, []), facts)
        has_industry = any(facts.is_industry(m.person_id) for m in members)
        groups.append(
            RosterGroup(
                f"team-{team.id}",
                team.name,
                stage,
                RoleKind.ACTION_TEAM_MEMBER,
                members,
                count=len(members),
                status="ok" if has_industry else "low",
                team_id=team.id,
            )
        )
    return groups


def launch_balance(snapshot: PartnershipSnapshot) -> TableBalance:
    """Who sits at the launch table: the very numbers ``industry-outnumbered`` uses."""
    return table_balance(Facts.of(snapshot, date.min))


@dataclass(frozen=True)
class Invitations:
    """How many industry leaders one champion personally invited, and how many accepted."""

    invited: int = 0
    accepted: int = 0


def invitations_by_champion(snapshot: PartnershipSnapshot) -> dict[int, Invitations]:
    """Champion person id -> the invitations recorded as theirs (current leader roles)."""
    counts: dict[int, Invitations] = {}
    seen: set[int] = set()
    for role in snapshot.holders(RoleKind.INDUSTRY_LEADER):
        details = role.leader
        if details is None or details.invited_by_id is None or role.person_id in seen:
            continue
        seen.add(role.person_id)
        before = counts.get(details.invited_by_id, Invitations())
        counts[details.invited_by_id] = Invitations(
            before.invited + 1, before.accepted + (1 if leader_counts(role) else 0)
        )
    return counts


def groups_for(snapshot: PartnershipSnapshot, stage: Stage) -> list[RosterGroup]:
    """The "who's at the table" groups of ``stage``, in the order the toolkit lists them."""
    return _groups(Facts.of(snapshot, date.min), stage)  # rosters do not depend on the date


def all_groups(snapshot: PartnershipSnapshot) -> dict[Stage, list[RosterGroup]]:
    """The groups of every stage, from one reading of the snapshot (once per change: the
    stage views then switch without computing anything)."""
    facts = Facts.of(snapshot, date.min)
    return {stage: _groups(facts, stage) for stage in Stage}


def find_group(
    snapshot: PartnershipSnapshot, first: Stage, role: RoleKind, person_id: int | None = None
) -> tuple[Stage, RosterGroup, int | None] | None:
    """Where to select the group of ``role`` (on the member ``person_id`` when given): in
    ``first`` (the stage viewed) when it lists one, else in the next stage that does. A
    group of ``role`` that lists that person wins over one that does not (then the third
    item is ``None``); ``None`` when no stage has a group of ``role``."""
    fallback: tuple[Stage, RosterGroup, int | None] | None = None
    for stage in [first, *(s for s in Stage if s is not first)]:
        for group in groups_for(snapshot, stage):
            if group.role is not role:
                continue
            if person_id is None or any(m.person_id == person_id for m in group.members):
                return stage, group, person_id
            fallback = fallback or (stage, group, None)
    return fallback


def _groups(facts: Facts, stage: Stage) -> list[RosterGroup]:
    if stage is Stage.PREPARE:
        return [
            _conveners(facts, stage),
            _champions(facts, stage),
            _core_team(facts, stage),
            _convening_team(facts, stage),
        ]
    if stage is Stage.LAUNCH:
        return [
            _leaders(facts, stage),
            _champions(facts, stage),
            _delegates(facts, stage),
            _facilitator(facts, stage),
        ]
    if stage is Stage.ACTION:
        return [*_teams(facts, stage), _conveners(facts, stage)]
    return [
        _champions(facts, stage),
        _leaders(facts, stage),
        _core_team(facts, stage),
        _conveners(facts, stage),
    ]
