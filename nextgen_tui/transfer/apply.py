"""Writing an import plan to the store: all of it in one transaction, or none of it.

Two passes: first every person (and organization) is created, matched or updated, then the
roles, so that an outreach owner named in the file resolves to someone created by the same
import. Everything happens inside ONE :meth:`Store.transaction`, which makes the whole
import one atomic file write and one undo step.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from nextgen_tui.models import (
    ActionTeam,
    ChampionDetails,
    LeaderDetails,
    Organization,
    Person,
    Record,
    RoleAssignment,
    RoleKind,
)
from nextgen_tui.store.repository import Store
from nextgen_tui.text.search import fold
from nextgen_tui.text.wording import plural
from nextgen_tui.transfer.plan import Choice, ImportPlan, Outcome, RowPlan


@dataclass
class ImportResult:
    people_created: int = 0
    people_updated: int = 0
    people_kept: int = 0
    organizations_created: int = 0
    roles_added: int = 0
    roles_updated: int = 0
    partnership_id: int = 0
    partnership_created: bool = False
    #: The numbers of the file's rows left out (invalid: no name, a bad date...).
    skipped_rows: list[int] = field(default_factory=list)

    def summary(self) -> str:
        text = (
            f"Imported: {plural(self.people_created, 'person', 'people')} added, "
            f"{self.people_updated} updated, {self.people_kept} kept as they were; "
            f"{plural(self.organizations_created, 'organization')} added; "
            f"{plural(self.roles_added, 'role')} added, "
            f"{plural(self.roles_updated, 'role')} updated."
        )
        text += " The partnership was created." if self.partnership_created else ""
        if self.skipped_rows:
            shown = ", ".join(str(n) for n in self.skipped_rows[:10])
            more = ", ..." if len(self.skipped_rows) > 10 else ""
            text += (
                f" Skipped {plural(len(self.skipped_rows), 'row')} that could not be "
                f"imported (row {shown}{more}): fix them in the file and import it again."
            )
        return text


Progress = Callable[[int, int], None]
R = TypeVar("R", bound=Record)


def apply(store: Store, plan: ImportPlan, progress: Progress | None = None) -> ImportResult:
    """Write the plan: all of it in one transaction, or (on any error) none of it.

    ``progress(done, total)`` is called now and then (from the calling thread).
    """
    with store.transaction(f"Import {plan.source or 'roster'}"):
        return _Applier(store, plan, progress).run()


#: Role key within a partnership: (person id, role, team id).
RoleKey = tuple[int, RoleKind, int | None]

#: Records built and saved at a time: an import never holds all its new models at once.
CHUNK = 2000


def _save_chunked(store: Store, records: Iterable[R]) -> list[int]:
    """Save ``records`` (built as they are needed) CHUNK at a time; their ids in order."""
    ids: list[int] = []
    batch: list[R] = []
    for record in records:
        batch.append(record)
        if len(batch) >= CHUNK:
            ids += [saved.id for saved in store.save_many(batch)]
            batch = []
    if batch:  # the rest of a large batch is saved as the chunks before it were
        rest = store.save_many(batch, bulk=True) if ids else store.save_many(batch)
        ids += [saved.id for saved in rest]
    return ids


@dataclass(slots=True)
class _NewRole:
    """A role the import adds, kept as its values until it is saved (compact: an import
    of 50,000 rows holds 50,000 of them)."""

    start: date
    details: dict[str, Any] | None  # {"champion": {...}} or {"leader": {...}}

    def merge(self, details: dict[str, Any]) -> None:
        """A second row about the same role: its details over the first's."""
        for name in ("champion", "leader"):
            if details.get(name):
                mine = self.details or {}
                self.details = {name: {**(mine.get(name) or {}), **details[name]}}
                return

    def record(self, pid: int, key: RoleKey) -> RoleAssignment:
        person_id, role, team_id = key
        values = {"partnership_id": pid, "person_id": person_id, "role": role}
        values.update(start=self.start, team_id=team_id, **(self.details or {}))
        return RoleAssignment.model_validate(values)


class _Applier:
    """Three batches (organizations, people, roles), each saved with ``Store.save_many``
    a chunk at a time, built from the plan as they are saved."""

    def __init__(self, store: Store, plan: ImportPlan, progress: Progress | None) -> None:
        self.store, self.plan, self.progress = store, plan, progress
        self.result = ImportResult()
        #: lead row number -> the later rows about the same person (most have none)
        self.followers: dict[int, list[RowPlan]] = {}
        self.person_of_row: dict[int, int] = {}
        self.teams: dict[str, int] = {}
        self.roles: dict[RoleKey, RoleAssignment] = {}
        self.new_roles: dict[RoleKey, _NewRole] = {}
        self.changed_roles: dict[RoleKey, RoleAssignment] = {}
        #: folded name of each outreach owner the file names -> their person (once found)
        self.owners: dict[str, int | None] = {}
        self.today = store.today()

    def run(self) -> ImportResult:
        plan, store = self.plan, self.store
        if plan.new_partnership is not None:
            pid = store.save_partnership(plan.new_partnership).id
            self.result.partnership_created = True
        elif plan.partnership_id is not None:
            pid = plan.partnership_id
        else:
            raise ValueError(plan.partnership_error or "The import has no partnership")
        self.result.partnership_id = pid
        self.result.skipped_rows = [row.number for row in plan.rows if not row.valid]
        for row in plan.rows:
            if row.valid and row.same_as is not None:
                self.followers.setdefault(row.same_as, []).append(row)
        # the outreach owners the file names: only those names are looked up
        self.owners = dict.fromkeys(fold(r.outreach_owner) for r in plan.rows if r.outreach_owner)
        leads = plan.leads
        orgs = self._organizations(leads)
        self._tick(1)
        self._people(leads, orgs)
        self._tick(2)
        self.teams = {fold(t.name): t.id for t in store.teams(pid)}
        for role in store.roles(partnership_id=pid):
            self.roles.setdefault((role.person_id, role.role, role.team_id), role)
        if self.owners:
            for row in reversed(self.plan.rows):  # someone in the file before the directory
                key = fold(row.name)
                if key in self.owners and row.number in self.person_of_row:
                    self.owners[key] = self.person_of_row[row.number]
        for lead in leads:
            choice = lead.choice if lead.outcome is Outcome.MATCH else None
            for row in self._group(lead):
                self._roles(pid, row, choice)
        self._tick(3)
        new_roles = self.new_roles.items()
        _save_chunked(store, (role.record(pid, key) for key, role in new_roles))
        _save_chunked(store, self.changed_roles.values())
        self.result.roles_added = len(self.new_roles)
        self.result.roles_updated = len(self.changed_roles)
        self._tick(4)
        return self.result

    def _tick(self, step: int) -> None:
        if self.progress is not None:
            self.progress(step, 4)

    def _organizations(self, leads: list[RowPlan]) -> dict[str, int]:
        """Folded name -> organization id, of the directory's and the new ones."""
        orgs = {fold(o.name): o.id for o in self.store.organizations()}
        new: dict[str, RowPlan] = {}
        for lead in leads:
            key = fold(lead.organization)
            if key not in orgs and key not in new:
                new[key] = lead
        # the plan validated these values (``_fill``): built without validating them again,
        # the records share the plan's strings instead of holding copies of them
        created = (
            Organization.model_construct(
                name=r.organization, kind=r.org_kind, industry=r.org_industry
            )
            for r in new.values()
        )
        saved = _save_chunked(self.store, created)
        orgs.update(zip(new, saved, strict=True))
        self.result.organizations_created = len(saved)
        return orgs

    def _group(self, lead: RowPlan) -> list[RowPlan]:
        """The lead row and the later rows about the same person."""
        return [lead, *self.followers.get(lead.number, ())]

    def _fields(self, lead: RowPlan) -> dict[str, Any]:
        if lead.number not in self.followers:
            return lead.person
        fields: dict[str, Any] = {}
        for row in self._group(lead):
            for name, value in row.person.items():
                fields.setdefault(name, value)
        return fields

    def _people(self, leads: list[RowPlan], orgs: dict[str, int]) -> None:
        created: list[RowPlan] = []
        updated: list[Person] = []
        for lead in leads:
            org_id = orgs[fold(lead.organization)]
            if lead.outcome is Outcome.MATCH and lead.match_id and lead.choice is not Choice.ADD:
                person = self.store.person(lead.match_id)
                changed = person.updated(**self._fields(lead), organization_id=org_id)
                if lead.choice is Choice.UPDATE and changed != person:
                    updated.append(changed)
                else:
                    self.result.people_kept += 1
                self._remember(lead, person.id)
            else:
                created.append(lead)
        self._index_owners(updated)  # before the new people are saved (and not cached)
        _save_chunked(self.store, updated)
        people = (  # validated by the plan, as the organizations above
            Person.model_construct(
                **self._fields(lead), organization_id=orgs[fold(lead.organization)]
            )
            for lead in created
        )
        saved = _save_chunked(self.store, people)
        for lead, person_id in zip(created, saved, strict=True):
            self._remember(lead, person_id)
        self.result.people_created, self.result.people_updated = len(saved), len(updated)

    def _remember(self, lead: RowPlan, person_id: int) -> None:
        self.person_of_row[lead.number] = person_id
        for row in self.followers.get(lead.number, ()):
            self.person_of_row[row.number] = person_id

    def _index_owners(self, updated: list[Person]) -> None:
        """Folded name -> person in the directory (as the import updates them); someone
        in the file comes first, added in :meth:`run`."""
        if not self.owners:
            return
        renamed = {p.id: p.name for p in updated}
        for person in sorted(self.store.people(), key=lambda p: p.id):
            key = fold(renamed.get(person.id, person.name))
            if key in self.owners and self.owners[key] is None:  # the first one found
                self.owners[key] = person.id

    def _team(self, pid: int, name: str) -> int | None:
        if not name:
            return None
        key = fold(name)
        if key not in self.teams:
            team = self.store.save_team(ActionTeam(partnership_id=pid, name=name))
            self.teams[key] = team.id
        return self.teams[key]

    def _roles(self, pid: int, row: RowPlan, choice: Choice | None) -> None:
        person_id = self.person_of_row[row.number]
        champion = row.champion
        if row.outreach_owner:
            owner = self.owners.get(fold(row.outreach_owner))
            champion = {**champion, "outreach_owner_id": owner}
        for role, team in row.roles:
            team_id = self._team(pid, team)
            key = (person_id, role, team_id)
            details: dict[str, Any] = {}
            if role is RoleKind.CHAMPION:
                details["champion"] = champion
            elif role is RoleKind.INDUSTRY_LEADER:
                details["leader"] = row.leader
            pending = self.new_roles.get(key)
            existing = self.changed_roles.get(key) or self.roles.get(key)
            if pending is not None:  # a second row about the same role: merge its details
                pending.merge(details)
            elif existing is None:
                self.new_roles[key] = _NewRole(row.start or self.today, details or None)
            elif choice is Choice.UPDATE:
                changed = _with_details(existing, details)
                if changed != self.roles[key]:
                    self.changed_roles[key] = changed


def _with_details(role: RoleAssignment, details: dict[str, Any]) -> RoleAssignment:
    if details.get("champion"):
        base = role.champion or ChampionDetails()
        return role.updated(champion=base.updated(**details["champion"]))
    if details.get("leader"):
        base_leader = role.leader or LeaderDetails()
        return role.updated(leader=base_leader.updated(**details["leader"]))
    return role
