"""Public-system coverage: who from education, workforce development, economic
development, labor and community organizations sits with each partnership or group.

The region matrix has one row per partnership; a partnership's own matrix has one row
per group (core planning team, support team, each open action team). A cell lists the
people of that system in the row, in name order; an empty cell is a system nobody
covers. :attr:`Coverage.shared` counts, for everyone covering a system, the partnerships
they cover it in, so the people carrying several partnerships stand out (they are the
ones to ask to share the load). Pure functions, no Textual.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from nextgen_tui.models import RoleAssignment, RoleKind, System
from nextgen_tui.models.snapshot import PartnershipSnapshot

#: The columns of the matrix, in the toolkit's order.
PUBLIC_SYSTEMS: tuple[System, ...] = (
    System.EDUCATION,
    System.WORKFORCE,
    System.ECONOMIC_DEVELOPMENT,
    System.LABOR,
    System.COMMUNITY,
)
COLUMN_LABELS: dict[System, str] = {
    System.EDUCATION: "Education",
    System.WORKFORCE: "Workforce",
    System.ECONOMIC_DEVELOPMENT: "Econ. dev.",
    System.LABOR: "Labor",
    System.COMMUNITY: "Community",
}
#: The roles of a partnership's support team (the broad convening team and the delegates).
SUPPORT_ROLES = (
    RoleKind.CONVENING_TEAM,
    RoleKind.SUPPORT_DELEGATE,
    RoleKind.CONVENER,
    RoleKind.CO_CONVENER,
)
TEAM_ROLES = (RoleKind.ACTION_TEAM_MEMBER, RoleKind.ACTION_TEAM_LEAD)


@dataclass(frozen=True)
class CoverageRow:
    """One row: a partnership (region) or one of its groups."""

    key: str
    label: str
    partnership_id: int
    cells: dict[System, tuple[int, ...]]

    @property
    def missing(self) -> list[System]:
        return [system for system in PUBLIC_SYSTEMS if not self.cells.get(system)]


@dataclass(frozen=True)
class Coverage:
    rows: list[CoverageRow]
    names: dict[int, str]
    #: person id -> partnerships in which they cover their system (every person shown)
    shared: dict[int, int] = field(default_factory=dict)

    def is_shared(self, person_id: int) -> bool:
        return self.shared.get(person_id, 0) >= 2


def _cells(snapshot: PartnershipSnapshot, people: Iterable[int]) -> dict[System, tuple[int, ...]]:
    found: dict[System, dict[int, None]] = {system: {} for system in PUBLIC_SYSTEMS}
    for pid in people:
        system = snapshot.system_of(pid)
        if system in found:
            found[system][pid] = None
    name = snapshot.person_name
    return {
        system: tuple(sorted(ids, key=lambda pid: (name(pid).casefold(), pid)))
        for system, ids in found.items()
    }


def _holders(roles: Sequence[RoleAssignment], kinds: Iterable[RoleKind]) -> list[int]:
    wanted = set(kinds)
    return [role.person_id for role in roles if role.role in wanted]


def _covering_roles(snapshot: PartnershipSnapshot) -> list[RoleAssignment]:
    """Current roles of the support team, the core team and open action teams."""
    open_teams = {team.id for team in snapshot.teams if team.closed is None}
    covering = {*SUPPORT_ROLES, RoleKind.CORE_TEAM}
    return [
        role
        for role in snapshot.current_roles
        if role.role in covering or (role.role in TEAM_ROLES and role.team_id in open_teams)
    ]


def _names(snapshot: PartnershipSnapshot, rows: Iterable[CoverageRow]) -> dict[int, str]:
    return {
        pid: snapshot.person_name(pid) for row in rows for ids in row.cells.values() for pid in ids
    }


def covered_by(snapshot: PartnershipSnapshot) -> set[int]:
    """Everyone who covers a public system in the partnership."""
    row = partnership_row(snapshot)
    return {pid for ids in row.cells.values() for pid in ids}


def partnership_row(snapshot: PartnershipSnapshot) -> CoverageRow:
    p = snapshot.partnership
    people = [role.person_id for role in _covering_roles(snapshot)]
    return CoverageRow(f"partnership-{p.id}", p.name, p.id, _cells(snapshot, people))


def region_coverage(snapshots: Sequence[PartnershipSnapshot]) -> Coverage:
    """One row per partnership."""
    rows = [partnership_row(snapshot) for snapshot in snapshots]
    shared: dict[int, int] = {}
    names: dict[int, str] = {}
    for snapshot, row in zip(snapshots, rows, strict=True):
        seen = _names(snapshot, [row])
        names.update(seen)
        for pid in seen:
            shared[pid] = shared.get(pid, 0) + 1
    return Coverage(rows, names, shared)


def group_coverage(snapshot: PartnershipSnapshot, shared: dict[int, int] | None = None) -> Coverage:
    """One row per group of the partnership: core team, support team, each open action team.

    ``shared`` is the region's count of partnerships per person (:func:`region_coverage`).
    """
    current = _covering_roles(snapshot)
    pid = snapshot.partnership.id
    rows = [
        CoverageRow(
            "core",
            "Core planning team",
            pid,
            _cells(snapshot, _holders(current, [RoleKind.CORE_TEAM])),
        ),
        CoverageRow(
            "support", "Support team", pid, _cells(snapshot, _holders(current, SUPPORT_ROLES))
        ),
    ]
    for team in sorted(snapshot.teams, key=lambda t: t.name.casefold()):
        if team.closed is not None:
            continue
        members = [role.person_id for role in current if role.team_id == team.id]
        rows.append(CoverageRow(f"team-{team.id}", team.name, pid, _cells(snapshot, members)))
    return Coverage(rows, _names(snapshot, rows), dict(shared or {}))
