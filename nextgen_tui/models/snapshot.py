"""A read-only view of one partnership and the directory it draws on.

The gap engine, reports and screens work from a snapshot; only the store builds one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from nextgen_tui.models.kinds import RoleKind, System
from nextgen_tui.models.launch import LaunchMeeting
from nextgen_tui.models.outreach import Outreach
from nextgen_tui.models.records import Organization, Partnership, Person
from nextgen_tui.models.roles import RoleAssignment
from nextgen_tui.models.teams import ActionTeam, Convening


@dataclass(frozen=True)
class PartnershipSnapshot:
    partnership: Partnership
    organizations: dict[int, Organization]
    people: dict[int, Person]
    roles: list[RoleAssignment]  # every assignment of this partnership, ended ones too
    launch: LaunchMeeting | None = None
    teams: list[ActionTeam] = field(default_factory=list)
    convenings: list[Convening] = field(default_factory=list)
    #: person id -> the *other* partnerships of the file reaching out to them, for the
    #: people this partnership reaches out to (see :mod:`nextgen_tui.models.outreach`)
    outreach_elsewhere: dict[int, tuple[Outreach, ...]] = field(default_factory=dict)

    @property
    def current_roles(self) -> list[RoleAssignment]:
        """Assignments still in force, held by people who are not deleted."""
        return [
            r
            for r in self.roles
            if r.end is None and r.person_id in self.people and not self.people[r.person_id].deleted
        ]

    def holders(self, *roles: RoleKind) -> list[RoleAssignment]:
        wanted = set(roles)
        return [r for r in self.current_roles if r.role in wanted]

    def organization_of(self, person_id: int) -> Organization | None:
        person = self.people.get(person_id)
        if person is None or person.organization_id is None:
            return None
        return self.organizations.get(person.organization_id)

    def is_industry(self, person_id: int) -> bool:
        org = self.organization_of(person_id)
        return org is not None and org.is_industry

    def system_of(self, person_id: int) -> System | None:
        org = self.organization_of(person_id)
        return None if org is None else org.system

    def person_name(self, person_id: int | None) -> str:
        if person_id is None:
            return ""
        person = self.people.get(person_id)
        return person.name if person else f"(unknown person {person_id})"
