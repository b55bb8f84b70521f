"""The repository: the partnership API over the roster file.

Callers get and give pydantic models, never the file's documents. Every change is one
atomic, durable write and one entry in the undo history; a group of changes made inside
:meth:`Store.transaction` is one write and one undo entry, all or nothing (the mechanics
are in :mod:`nextgen_tui.store.tables`, the file's format in :mod:`.schema`).

Deleting a person or organization is a soft delete: the record is marked deleted and the
roles it held are ended, so history stays and undo (or :meth:`Store.restore_person`)
brings it back.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from nextgen_tui.errors import InvalidDataError
from nextgen_tui.models import (
    ActionTeam,
    ChampionDetails,
    Convening,
    LaunchMeeting,
    LeaderDetails,
    Organization,
    Partnership,
    Person,
    RoleAssignment,
    RoleKind,
)
from nextgen_tui.models.outreach import Outreach, outreach_by_person, outreach_elsewhere
from nextgen_tui.models.snapshot import PartnershipSnapshot
from nextgen_tui.store.history import DocState
from nextgen_tui.store.tables import TableStore


class Store(TableStore):
    """The roster file, open for reading and (unless ``read_only``) writing."""

    def __enter__(self) -> Store:
        return self

    # ------------------------------------------------------------------ undo

    @property
    def undo_label(self) -> str | None:
        """What :meth:`undo` would undo, or ``None`` when there is nothing to undo."""
        step = self.history.undo_step
        return step.label if step else None

    @property
    def redo_label(self) -> str | None:
        """What :meth:`redo` would redo, or ``None`` when there is nothing to redo."""
        step = self.history.redo_step
        return step.label if step else None

    def undo(self) -> str | None:
        """Undo the most recent change; returns its label, or ``None`` if there was none."""
        step = self.history.undo_step
        if step is None:
            return None
        self._apply(reversed(step.before))  # the earliest "before" of a record wins
        self.history.undone()
        return step.label

    def redo(self) -> str | None:
        """Redo the most recently undone change (see :mod:`.history`); its label, or ``None``."""
        step = self.history.redo_step
        if step is None:
            return None
        self._apply(step.after)
        self.history.redone()
        return step.label

    def _apply(self, states: Iterable[DocState]) -> None:
        """Put records back as given (``None``: removed) in one write; not an undo step."""
        try:
            for table_name, doc_id, doc in states:
                self._restore(table_name, doc_id, doc)
            self._save()
        except BaseException:
            self._reset_caches()
            raise

    # ------------------------------------------------------------------ organizations

    def organizations(self, *, include_deleted: bool = False) -> list[Organization]:
        orgs = self._records(Organization).values()
        return sorted(
            (o for o in orgs if include_deleted or not o.deleted), key=lambda o: o.name.casefold()
        )

    def organization(self, org_id: int) -> Organization:
        return self._get(Organization, org_id)

    def organization_by_name(self, name: str) -> Organization | None:
        wanted = name.strip().casefold()
        for org in self._records(Organization).values():
            if not org.deleted and org.name.casefold() == wanted:
                return org
        return None

    def save_organization(self, org: Organization) -> Organization:
        with self.transaction(f"{'Edit' if org.id else 'Add'} organization {org.name}"):
            return self._put(org)

    def delete_organization(self, org_id: int) -> None:
        """Soft-delete an organization and its people, ending the roles they held."""
        org = self.organization(org_id)
        with self.transaction(f"Delete organization {org.name}"):
            self._put(org.updated(deleted=True))
            for person in list(self._records(Person).values()):
                if person.organization_id == org_id and not person.deleted:
                    self._soft_delete_person(person)

    def restore_organization(self, org_id: int) -> Organization:
        org = self._get(Organization, org_id)
        with self.transaction(f"Restore organization {org.name}"):
            return self._put(org.updated(deleted=False))

    # ------------------------------------------------------------------ people

    def people(self, *, include_deleted: bool = False) -> list[Person]:
        people = self._records(Person).values()
        return sorted(
            (p for p in people if include_deleted or not p.deleted), key=lambda p: p.name.casefold()
        )

    def person(self, person_id: int) -> Person:
        return self._get(Person, person_id)

    def save_person(self, person: Person) -> Person:
        if person.organization_id is not None:
            self._get(Organization, person.organization_id)
        with self.transaction(f"{'Edit' if person.id else 'Add'} person {person.name}"):
            return self._put(person)

    def delete_person(self, person_id: int) -> None:
        """Soft-delete a person: their current roles end today, history is kept."""
        person = self.person(person_id)
        with self.transaction(f"Delete person {person.name}"):
            self._soft_delete_person(person)

    def _soft_delete_person(self, person: Person) -> None:
        today = self.today()
        for role in list(self._records(RoleAssignment).values()):
            if role.person_id == person.id and role.end is None:
                self._put(role.updated(end=max(today, role.start)))
        self._put(person.updated(deleted=True))

    def restore_person(self, person_id: int) -> Person:
        """Bring back a deleted person (their ended roles stay as history)."""
        person = self._get(Person, person_id)
        with self.transaction(f"Restore person {person.name}"):
            return self._put(person.updated(deleted=False))

    # ------------------------------------------------------------------ partnerships

    def partnerships(self) -> list[Partnership]:
        return sorted(self._records(Partnership).values(), key=lambda p: p.name.casefold())

    def partnership(self, partnership_id: int) -> Partnership:
        return self._get(Partnership, partnership_id)

    def partnership_by_name(self, name: str) -> Partnership | None:
        wanted = name.strip().casefold()
        for partnership in self._records(Partnership).values():
            if partnership.name.casefold() == wanted:
                return partnership
        return None

    def save_partnership(self, partnership: Partnership) -> Partnership:
        clash = self.partnership_by_name(partnership.name)
        if clash is not None and clash.id != partnership.id:
            raise InvalidDataError(f"A partnership named {partnership.name!r} already exists.")
        if not partnership.id and partnership.created is None:
            partnership = partnership.updated(created=self.today())
        with self.transaction(
            f"{'Edit' if partnership.id else 'Add'} partnership {partnership.name}"
        ):
            return self._put(partnership)

    def delete_partnership(self, partnership_id: int) -> None:
        """Delete a partnership with its roles, launch, teams and convenings (undoable)."""
        partnership = self.partnership(partnership_id)
        with self.transaction(f"Delete partnership {partnership.name}"):
            for model in (RoleAssignment, LaunchMeeting, ActionTeam, Convening):
                for record in list(self._records(model).values()):
                    if getattr(record, "partnership_id", None) == partnership_id:
                        self._remove(record)
            self._remove(partnership)

    # ------------------------------------------------------------------ roles

    def roles(
        self,
        *,
        partnership_id: int | None = None,
        person_id: int | None = None,
        current_only: bool = True,
    ) -> list[RoleAssignment]:
        return [
            r
            for r in self._records(RoleAssignment).values()
            if (partnership_id is None or r.partnership_id == partnership_id)
            and (person_id is None or r.person_id == person_id)
            and (not current_only or r.end is None)
        ]

    def role(self, role_id: int) -> RoleAssignment:
        return self._get(RoleAssignment, role_id)

    def assign(
        self,
        partnership_id: int,
        person_id: int,
        role: RoleKind,
        *,
        start: date | None = None,
        team_id: int | None = None,
        champion: ChampionDetails | None = None,
        leader: LeaderDetails | None = None,
    ) -> RoleAssignment:
        """Give a person a role; if they already hold it (same team), return that one."""
        self.partnership(partnership_id)
        person = self.person(person_id)
        if team_id is not None:
            self.team(team_id)
        for existing in self.roles(partnership_id=partnership_id, person_id=person_id):
            if existing.role is role and existing.team_id == team_id:
                return existing
        assignment = self._validated(
            RoleAssignment,
            {
                "partnership_id": partnership_id,
                "person_id": person_id,
                "role": role,
                "start": start or self.today(),
                "team_id": team_id,
                "champion": champion,
                "leader": leader,
            },
        )
        with self.transaction(f"Make {person.name} {role.value.replace('_', ' ')}"):
            return self._put(assignment)

    def save_role(self, role: RoleAssignment) -> RoleAssignment:
        person = self.person(role.person_id)
        with self.transaction(f"Edit {role.role.value.replace('_', ' ')} {person.name}"):
            return self._put(role)

    def end_role(self, role_id: int, on: date | None = None) -> RoleAssignment:
        """End an assignment (kept as history)."""
        role = self.role(role_id)
        person = self.person(role.person_id)
        end = on or self.today()
        with self.transaction(f"End {role.role.value.replace('_', ' ')} {person.name}"):
            return self._put(self._validated(RoleAssignment, {**role.model_dump(), "end": end}))

    def delete_role(self, role_id: int) -> None:
        """Remove an assignment made by mistake (no history kept; undoable)."""
        role = self.role(role_id)
        with self.transaction(f"Remove {role.role.value.replace('_', ' ')}"):
            self._remove(role)

    # ------------------------------------------------------------------ launch meeting

    def launch(self, partnership_id: int) -> LaunchMeeting:
        """The partnership's launch meeting (an unsaved blank one if none is recorded)."""
        for meeting in self._records(LaunchMeeting).values():
            if meeting.partnership_id == partnership_id:
                return meeting
        return LaunchMeeting(partnership_id=partnership_id)

    def save_launch(
        self, meeting: LaunchMeeting, label: str = "Edit launch meeting"
    ) -> LaunchMeeting:
        self.partnership(meeting.partnership_id)
        if not meeting.id:
            existing = self.launch(meeting.partnership_id)
            if existing.id:
                meeting = meeting.updated(id=existing.id)
        with self.transaction(label):
            return self._put(meeting)

    # ------------------------------------------------------------------ action teams

    def teams(self, partnership_id: int, *, include_closed: bool = True) -> list[ActionTeam]:
        return sorted(
            (
                t
                for t in self._records(ActionTeam).values()
                if t.partnership_id == partnership_id and (include_closed or t.closed is None)
            ),
            key=lambda t: t.name.casefold(),
        )

    def team(self, team_id: int) -> ActionTeam:
        return self._get(ActionTeam, team_id)

    def save_team(self, team: ActionTeam) -> ActionTeam:
        self.partnership(team.partnership_id)
        if not team.id and team.formed is None:
            team = team.updated(formed=self.today())
        with self.transaction(f"{'Edit' if team.id else 'Form'} action team {team.name}"):
            return self._put(team)

    def delete_team(self, team_id: int) -> None:
        """Delete an action team and its membership roles (undoable)."""
        team = self.team(team_id)
        with self.transaction(f"Delete action team {team.name}"):
            for role in list(self._records(RoleAssignment).values()):
                if role.team_id == team_id:
                    self._remove(role)
            for convening in list(self._records(Convening).values()):
                if convening.team_id == team_id:
                    self._remove(convening)
            self._remove(team)

    # ------------------------------------------------------------------ convenings

    def convenings(self, partnership_id: int) -> list[Convening]:
        return sorted(
            (c for c in self._records(Convening).values() if c.partnership_id == partnership_id),
            key=lambda c: (c.on, c.id),
        )

    def convening(self, convening_id: int) -> Convening:
        return self._get(Convening, convening_id)

    def save_convening(self, convening: Convening) -> Convening:
        self.partnership(convening.partnership_id)
        with self.transaction(f"{'Edit' if convening.id else 'Add'} convening of {convening.on}"):
            return self._put(convening)

    def delete_convening(self, convening_id: int) -> None:
        convening = self.convening(convening_id)
        with self.transaction(f"Delete convening of {convening.on}"):
            self._remove(convening)

    # ------------------------------------------------------------------ snapshot

    def snapshot(self, partnership_id: int) -> PartnershipSnapshot:
        """Everything the gap engine and the stage screens need about one partnership."""
        launch = self.launch(partnership_id)
        roles = self.roles(partnership_id=partnership_id, current_only=False)
        return PartnershipSnapshot(
            partnership=self.partnership(partnership_id),
            organizations=dict(self._records(Organization)),
            people=dict(self._records(Person)),
            roles=roles,
            launch=launch if launch.id else None,
            teams=self.teams(partnership_id),
            convenings=self.convenings(partnership_id),
            outreach_elsewhere=outreach_elsewhere(
                partnership_id,
                roles,
                self._records(RoleAssignment).values(),
                self._records(Partnership),
                self._records(Person),
            ),
        )

    def outreach(self) -> dict[int, list[Outreach]]:
        """Person id -> every partnership reaching out to them, across the file."""
        roles, people = self._records(RoleAssignment), self._records(Person)
        return outreach_by_person(roles.values(), self._records(Partnership), people)
