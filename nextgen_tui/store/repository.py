"""The repository: the only code that reads or writes the TinyDB data file.

Callers get and give pydantic models, never TinyDB documents. Every change is one atomic,
durable write (see :mod:`nextgen_tui.storage`) and one entry in the undo history; a
group of changes made inside :meth:`Store.transaction` is one write and one undo entry,
all or nothing.

Deleting a person or organization is a soft delete: the record is marked deleted and the
roles it held are ended, so history stays and undo (or :meth:`Store.restore_person`)
brings it back.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError
from tinydb import TinyDB
from tinydb.table import Document

from nextgen_tui.errors import (
    InvalidDataError,
    NotFoundError,
    ReadOnlyError,
    StoreError,
    UnreadableFileError,
)
from nextgen_tui.models import (
    ActionTeam,
    ChampionDetails,
    Convening,
    LaunchMeeting,
    LeaderDetails,
    Organization,
    Partnership,
    Person,
    Record,
    RoleAssignment,
    RoleKind,
    explain,
)
from nextgen_tui.models.outreach import Outreach, outreach_by_person, outreach_elsewhere
from nextgen_tui.models.snapshot import PartnershipSnapshot
from nextgen_tui.store.backups import BACKUP_INTERVAL, make_backup, remove_stale_backup_temps
from nextgen_tui.store.durable import (
    DurableJSONStorage,
    refuse_unless_regular,
    remove_stale_temp_files,
)
from nextgen_tui.store.lock import FileLock
from nextgen_tui.store.siblings import roster_target

FORMAT_NAME = "sector-partnership-roster"
SCHEMA_VERSION = 1
META_TABLE = "_meta"
UNDO_DEPTH = 100

#: Table name -> model of its documents.
TABLES: dict[str, type[Record]] = {
    "organizations": Organization,
    "people": Person,
    "partnerships": Partnership,
    "roles": RoleAssignment,
    "launches": LaunchMeeting,
    "teams": ActionTeam,
    "convenings": Convening,
}
_TABLE_OF: dict[type[Record], str] = {model: name for name, model in TABLES.items()}

#: Migrations from version N to N+1, applied in order to the raw data of an older file.
Migration = Callable[[dict[str, dict[str, Any]]], None]
MIGRATIONS: dict[int, Migration] = {}

R = TypeVar("R", bound=Record)


@dataclass
class _Change:
    """One undoable change: the documents it touched as they were before it."""

    label: str
    before: list[tuple[str, int, dict[str, Any] | None]] = field(default_factory=list)


class Store:
    """The roster file, open for reading and (unless ``read_only``) writing."""

    def __init__(
        self,
        path: str | Path,
        *,
        read_only: bool = False,
        create: bool = True,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        # a roster reached through a link is the link's target: the lock, the temporary
        # file, the backups and the rename all go beside the real file; the link stays
        self.path = roster_target(Path(path).expanduser())
        self.read_only = read_only
        self.clock = clock
        self._lock: FileLock | None = None
        self._undo: list[_Change] = []
        self._change: _Change | None = None
        self._cache: dict[str, dict[int, Record]] = {}
        self._backed_up_at: datetime | None = None
        if not self.path.exists() and (read_only or not create):
            raise UnreadableFileError(f"There is no roster file at {self.path}.")
        refuse_unless_regular(self.path)  # before a lock is made beside a FIFO or a device
        if not read_only:
            if not self.path.parent.is_dir():
                raise StoreError(f"The folder {self.path.parent} does not exist.")
            self._lock = FileLock(self.path)
            self._lock.acquire()
            remove_stale_temp_files(self.path)
            remove_stale_backup_temps(self.path)
        try:
            self._storage = DurableJSONStorage(self.path, read_only=read_only)
            self._db = TinyDB(storage=lambda: self._storage)
            self._check_and_migrate()
        except BaseException:
            self.close()
            raise

    # ------------------------------------------------------------------ lifecycle

    def close(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def today(self) -> date:
        return self.clock().date()

    def _check_and_migrate(self) -> None:
        data = self._storage.read()
        if data is None:  # a new file
            if self.read_only:
                raise UnreadableFileError(f"There is no roster file at {self.path}.")
            self._storage.write(self._fresh_data())
            return
        meta = data.get(META_TABLE, {}).get("1")
        if not isinstance(meta, dict) or meta.get("format") != FORMAT_NAME:
            raise UnreadableFileError(
                f"{self.path} is not a roster file of this app (it is JSON of another "
                "kind). Nothing was changed; choose another file."
            )
        version = meta.get("schema_version")
        if not isinstance(version, int) or version < 1:
            raise UnreadableFileError(
                f"{self.path} has no valid schema version; it may be damaged. Nothing was changed."
            )
        if version > SCHEMA_VERSION:
            raise UnreadableFileError(
                f"{self.path} was saved by a newer version of this app (data version "
                f"{version}; this app reads up to {SCHEMA_VERSION}). Update the app to "
                "open it. Nothing was changed."
            )
        unknown = set(data) - set(TABLES) - {META_TABLE}
        if unknown:
            raise UnreadableFileError(
                f"{self.path} holds tables this app does not know "
                f"({', '.join(sorted(unknown))}). Nothing was changed."
            )
        if version < SCHEMA_VERSION:
            if self.read_only:
                raise UnreadableFileError(
                    f"{self.path} was saved by an older version of this app and must be "
                    "upgraded; open it without --read-only once."
                )
            self._backup_once()
            for step in range(version, SCHEMA_VERSION):
                MIGRATIONS[step](data)
            data[META_TABLE]["1"]["schema_version"] = SCHEMA_VERSION
        self._validate_all(data)
        if version < SCHEMA_VERSION:
            self._storage.write(data)

    def _validate_all(self, data: dict[str, dict[str, Any]]) -> None:
        """Check every document now, so a damaged file is refused on open, not mid-session."""
        for table, model in TABLES.items():
            docs = data.get(table, {})
            if not isinstance(docs, dict):
                raise UnreadableFileError(
                    f"{self.path} is damaged: its {table} are not a table. Nothing was changed."
                )
            parsed: dict[int, Record] = {}
            for key, doc in docs.items():
                try:
                    doc_id = int(key)
                    parsed[doc_id] = model.model_validate({**doc, "id": doc_id})
                except (ValueError, TypeError, ValidationError) as exc:
                    detail = explain(exc) if isinstance(exc, ValidationError) else ""
                    raise UnreadableFileError(
                        f"{self.path} is damaged: record {key} of {table} is not valid. "
                        f"{detail} Nothing was changed."
                    ) from exc
            self._cache[table] = parsed

    def _fresh_data(self) -> dict[str, dict[str, Any]]:
        meta = {
            "format": FORMAT_NAME,
            "schema_version": SCHEMA_VERSION,
            "created": self.clock().isoformat(timespec="seconds"),
        }
        return {META_TABLE: {"1": meta}, **{table: {} for table in TABLES}}

    def reload(self) -> None:
        """Read the file again, e.g. after it was changed by another program."""
        self._storage.reload()
        self._reset_caches()
        self._undo.clear()
        self._check_and_migrate()

    def _reset_caches(self) -> None:
        """Forget parsed records and TinyDB's table state (its next-id counters)."""
        self._cache.clear()
        self._db = TinyDB(storage=lambda: self._storage)

    # ------------------------------------------------------------------ low level

    def _records(self, model: type[R]) -> dict[int, R]:
        table = _TABLE_OF[model]
        cached = self._cache.get(table)
        if cached is None:
            raw = (self._storage.read() or {}).get(table, {})
            cached = {int(k): model.model_validate({**v, "id": int(k)}) for k, v in raw.items()}
            self._cache[table] = cached
        return cached  # type: ignore[return-value]

    def _get(self, model: type[R], record_id: int) -> R:
        found = self._records(model).get(record_id)
        if found is None:
            raise NotFoundError(f"That {model.__name__.lower()} no longer exists.")
        return found

    def _put(self, record: R) -> R:
        """Insert (id 0) or replace a record, inside the current change."""
        assert self._change is not None, "writes happen inside _changing()"
        table_name = _TABLE_OF[type(record)]
        table = self._db.table(table_name)
        doc = record.model_dump(mode="json", exclude={"id"})
        records = self._records(type(record))
        if record.id and record.id in records:
            before = records[record.id].model_dump(mode="json", exclude={"id"})
            self._change.before.append((table_name, record.id, before))
            table.update(doc, doc_ids=[record.id])
            saved = record
        else:
            new_id = record.id or table.insert(doc)
            if record.id:
                table.insert(Document(doc, doc_id=record.id))
            self._change.before.append((table_name, new_id, None))
            saved = record.updated(id=new_id)
        records[saved.id] = saved
        return saved

    def _remove(self, record: Record) -> None:
        assert self._change is not None, "writes happen inside _changing()"
        table_name = _TABLE_OF[type(record)]
        records = self._records(type(record))
        if record.id not in records:
            return
        before = records[record.id].model_dump(mode="json", exclude={"id"})
        self._change.before.append((table_name, record.id, before))
        self._db.table(table_name).remove(doc_ids=[record.id])
        del records[record.id]

    @contextlib.contextmanager
    def transaction(self, label: str) -> Iterator[None]:
        """Make several changes as one write and one undo step; all or nothing."""
        if self.read_only:
            raise ReadOnlyError(f"{self.path.name} is open read-only; changes cannot be saved.")
        if self._change is not None:  # nested: part of the outer change
            yield
            return
        self._backup_once()
        self._change = _Change(label)
        try:
            with self._storage.deferred():
                yield
        except BaseException:
            self._change = None
            self._reset_caches()
            raise
        change, self._change = self._change, None
        if change.before:
            self._undo.append(change)
            del self._undo[:-UNDO_DEPTH]

    def save_many(self, records: Sequence[R], label: str = "Save records") -> list[R]:
        """Insert (id 0) or replace many records: one table pass, one write, one undo step.

        For imports of thousands of rows: TinyDB rewrites a whole table on every insert, so
        saving records one by one is quadratic. The records are already validated models;
        references between them are the caller's to check (the roster import plan does).
        Inside a surrounding :meth:`transaction` this is part of that change.
        """
        if not records:
            return []
        with self.transaction(label):
            assert self._change is not None
            data = self._storage.read() or {}
            next_ids: dict[str, int] = {}
            saved: list[R] = []
            for record in records:
                table_name = _TABLE_OF[type(record)]
                raw = data.setdefault(table_name, {})
                cache = self._records(type(record))
                if record.id and record.id in cache:
                    before = cache[record.id].model_dump(mode="json", exclude={"id"})
                    self._change.before.append((table_name, record.id, before))
                    result = record
                else:
                    if table_name not in next_ids:
                        next_ids[table_name] = max((int(k) for k in raw), default=0) + 1
                    new_id = record.id or next_ids[table_name]
                    next_ids[table_name] = max(next_ids[table_name], new_id + 1)
                    self._change.before.append((table_name, new_id, None))
                    result = record if record.id else record.updated(id=new_id)
                raw[str(result.id)] = result.model_dump(mode="json", exclude={"id"})
                cache[result.id] = result
                saved.append(result)
            self._storage.write(data)
            # TinyDB's tables cache their next id: start afresh so they see these records
            self._db = TinyDB(storage=lambda: self._storage)
            return saved

    def _backup_once(self) -> None:
        """Back the file up before the first change of a session, of each new day, and
        after every :data:`BACKUP_INTERVAL` of editing."""
        now, last = self.clock(), self._backed_up_at
        if last is None or last.date() != now.date() or now - last >= BACKUP_INTERVAL:
            make_backup(self.path, now)
            self._backed_up_at = now

    # ------------------------------------------------------------------ undo

    @property
    def undo_label(self) -> str | None:
        """What :meth:`undo` would undo, or ``None`` when there is nothing to undo."""
        return self._undo[-1].label if self._undo else None

    def undo(self) -> str | None:
        """Undo the most recent change; returns its label, or ``None`` if there was none."""
        if not self._undo:
            return None
        change = self._undo[-1]
        self._change = _Change("undo")
        try:
            with self._storage.deferred():
                for table_name, doc_id, before in reversed(change.before):
                    table = self._db.table(table_name)
                    model = TABLES[table_name]
                    records = self._records(model)
                    if doc_id in records:
                        table.remove(doc_ids=[doc_id])
                        del records[doc_id]
                    if before is not None:
                        table.insert(Document(before, doc_id=doc_id))
                        records[doc_id] = model.model_validate({**before, "id": doc_id})
        except BaseException:
            self._reset_caches()
            raise
        finally:
            self._change = None
        self._undo.pop()
        return change.label

    # ------------------------------------------------------------------ validation helper

    @staticmethod
    def _validated(model: type[R], data: dict[str, Any]) -> R:
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            raise InvalidDataError(explain(exc)) from exc

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
