"""The generic half of the store: the open file, its records as typed models, and changes
made in transactions (one atomic, durable write and one undo step each).

:class:`TableStore` knows tables and records, not partnerships: the partnership API is
:class:`nextgen_tui.store.repository.Store`, built on it. A save re-encodes only the
records that changed (:mod:`nextgen_tui.store.encoded`) and writes the file's bytes
through :class:`~nextgen_tui.store.storage.DurableJSONStorage`, which keeps every
guarantee: atomic, fsync'd, refused if another program changed the file, one writer.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError

from nextgen_tui.errors import (
    InvalidDataError,
    NotFoundError,
    ReadOnlyError,
    UnreadableFileError,
)
from nextgen_tui.models import Record, explain
from nextgen_tui.store.backups import BACKUP_INTERVAL, make_backup
from nextgen_tui.store.encoded import EncodedFile
from nextgen_tui.store.history import DocState, DocStates, History, Step
from nextgen_tui.store.lock import FileLock
from nextgen_tui.store.opening import ClaimedFile, claim
from nextgen_tui.store.schema import (
    TABLE_OF,
    TABLES,
    RawData,
    file_version,
    fresh_data,
    migrate,
    outdated,
    parse_table,
)
from nextgen_tui.store.storage import DurableJSONStorage

#: From this many records, :meth:`TableStore.save_many` keeps documents, not models.
BULK = 1000

R = TypeVar("R", bound=Record)

#: A record as it was before a change: table, id, its document (``None``: it did not exist).
Before = DocState


@dataclass
class _Change:
    """One undoable change: the documents it touched as they were before it."""

    label: str
    before: DocStates = field(default_factory=DocStates)


class TableStore:
    """The roster file, open for reading and (unless ``read_only``) writing."""

    def __init__(
        self,
        path: str | Path | ClaimedFile,
        *,
        read_only: bool = False,
        create: bool = True,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        """Open ``path``: claim it (checks and the lock, :func:`.opening.claim`), then read
        and check every record. ``path`` may be a file claimed already (its ``read_only``
        holds then), whose lock the store takes over: the app claims before it paints and
        loads in a worker."""
        claimed = (
            path
            if isinstance(path, ClaimedFile)
            else claim(path, read_only=read_only, create=create)
        )
        self.path = claimed.path
        self.read_only = claimed.read_only
        self.clock = clock
        self._lock: FileLock | None = claimed.lock
        self.history = History()
        self._change: _Change | None = None
        self._cache: dict[str, dict[int, Record]] = {}
        self._next_ids: dict[str, int] = {}
        self._file = EncodedFile({})
        self._backed_up_at: datetime | None = None
        try:
            self._storage = DurableJSONStorage(self.path, read_only=self.read_only)
            self._check_and_migrate()
        except BaseException:
            self.close()
            raise

    # ------------------------------------------------------------------ lifecycle

    def close(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> TableStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def today(self) -> date:
        return self.clock().date()

    def _check_and_migrate(self) -> None:
        # Reading makes some ten objects per record; the cyclic garbage collector would
        # walk the growing heap again and again meanwhile (a tenth of opening 10,000
        # people, more at 50,000). None of them is garbage: pause it while reading, then
        # move them out of its sight (gc.freeze), so later collections (during edits,
        # keystrokes) do not walk 100,000 records either. Refcounting still frees them.
        paused = gc.isenabled()
        gc.disable()
        try:
            self._read_and_check()
        finally:
            gc.freeze()
            if paused:
                gc.enable()

    def _read_and_check(self) -> None:
        data = self._storage.read()
        if data is None:  # a new file
            if self.read_only:
                raise UnreadableFileError(f"There is no roster file at {self.path}.")
            self._storage.write(fresh_data(self.clock().isoformat(timespec="seconds")))
            data = self._storage.read()
            assert data is not None
            self._file = EncodedFile(data)
            return
        version = file_version(self.path, data)
        if outdated(version):
            if self.read_only:
                raise UnreadableFileError(
                    f"{self.path} was saved by an older version of this app and must be "
                    "upgraded; open it without --read-only once."
                )
            self._backup_once()
            migrate(data, version)
        for table in TABLES:
            records = self._cache[table] = parse_table(self.path, table, data.get(table, {}))
            _canonical_keys(data, table, records)
        self._file = EncodedFile(data)
        if outdated(version):
            self._storage.write(data)

    def reload(self) -> None:
        """Read the file again, e.g. after it was changed by another program."""
        self._storage.reload()
        self._cache.clear()
        self._next_ids.clear()
        self.history.clear()
        self._check_and_migrate()

    def _reset_caches(self) -> None:
        """Forget unsaved changes: back to the data of the last save."""
        self._storage.discard_changes()
        self._cache.clear()
        self._next_ids.clear()
        self._file = EncodedFile(self._storage.read() or {})

    # ------------------------------------------------------------------ low level

    def _records(self, model: type[R]) -> dict[int, R]:
        table = TABLE_OF[model]
        cached = self._cache.get(table)
        if cached is None:
            cached = parse_table(self.path, table, self._file.data.get(table, {}))
            self._cache[table] = cached
        return cached  # type: ignore[return-value]

    def _get(self, model: type[R], record_id: int) -> R:
        found = self._records(model).get(record_id)
        if found is None:
            raise NotFoundError(f"That {model.__name__.lower()} no longer exists.")
        return found

    def _next_id(self, table: str, records: dict[int, Any] | None) -> int:
        """A new id: one past the highest this session has seen (as TinyDB numbers them).
        ``records``: the table's models, if held (else its stored documents' keys say)."""
        next_id = self._next_ids.get(table)
        if next_id is None:
            ids = records if records is not None else map(int, self._file.data.get(table, {}))
            next_id = max(ids, default=0) + 1
        return next_id

    def _stored(
        self, table: str, records: dict[int, Any] | None, record_id: int
    ) -> dict[str, Any] | None:
        """The stored document of ``record_id`` (``None``: there is none, a new record).

        From the table's models if held, else from the file's data: a bulk put does not
        hold them, and parsing the whole table again for each record made a bulk save of
        records with ids (an import's updates) quadratic: over ten minutes for 10,000.
        """
        if not record_id:
            return None
        if records is not None:
            existing = records.get(record_id)
            return None if existing is None else existing.model_dump(mode="json", exclude={"id"})
        stored: dict[str, Any] | None = self._file.data.get(table, {}).get(str(record_id))
        return stored

    def _put(self, record: R, *, bulk: bool = False) -> R:
        """Insert (id 0) or replace a record, inside the current change.

        ``bulk``: the record is not kept as a model; its table's models are read again
        from the file's data when next asked for (an import of 50,000 people holds their
        documents, not also 50,000 models), and a new record needs no models at all.
        """
        assert self._change is not None, "writes happen inside transaction()"
        table = TABLE_OF[type(record)]
        records: dict[int, Any] | None = self._cache.get(table)
        if records is None and not bulk and (record.id or table not in self._next_ids):
            records = self._records(type(record))
        before = self._stored(table, records, record.id)
        if before is not None:
            self._change.before.add(table, record.id, before)
            saved = record
        else:
            next_id = self._next_id(table, records)
            new_id = record.id or next_id
            self._next_ids[table] = max(next_id, new_id + 1)
            self._change.before.add(table, new_id, None)
            # only the id changes, and it is the store's own: no need to validate again
            saved = record if record.id else record.model_copy(update={"id": new_id})
        self._file.put(
            table, str(saved.id), saved.model_dump(mode="json", exclude={"id"}), bulk=bulk
        )
        if bulk:
            self._cache.pop(table, None)
        elif records is not None:
            records[saved.id] = saved
        return saved

    def _remove(self, record: Record) -> None:
        assert self._change is not None, "writes happen inside transaction()"
        table = TABLE_OF[type(record)]
        records = self._records(type(record))
        if record.id not in records:
            return
        before = records[record.id].model_dump(mode="json", exclude={"id"})
        self._change.before.add(table, record.id, before)
        self._file.put(table, str(record.id), None)
        del records[record.id]

    def _restore(self, table: str, doc_id: int, doc: dict[str, Any] | None) -> Before:
        """Put a record back as ``doc`` (``None``: remove it), for undo; not saved yet.

        Returns the record as it was, in the same form, so the step can be reversed.
        """
        model = TABLES[table]
        records = self._records(model)
        current = records.get(doc_id)
        replaced = None if current is None else current.model_dump(mode="json", exclude={"id"})
        if doc is None:
            records.pop(doc_id, None)
        else:
            records[doc_id] = model.model_validate({**doc, "id": doc_id})
            self._next_ids[table] = max(self._next_id(table, records), doc_id + 1)
        self._file.put(table, str(doc_id), doc)
        return (table, doc_id, replaced)

    def _save(self) -> None:
        """Write the file: atomic and durable, re-encoding only the records that changed."""
        if self.read_only:
            raise ReadOnlyError(f"{self.path.name} is open read-only; changes cannot be saved.")
        self._storage.write_encoded(self._file.data, self._file.parts())

    @contextlib.contextmanager
    def transaction(self, label: str) -> Iterator[None]:
        """Make several changes as one write and one undo step; all or nothing."""
        if self.read_only:
            raise ReadOnlyError(f"{self.path.name} is open read-only; changes cannot be saved.")
        if self._change is not None:  # nested: part of the outer change
            yield
            return
        self._backup_once()
        change = self._change = _Change(label)
        try:
            yield
            if change.before:
                self._save()
        except BaseException:
            if change.before:  # something changed in memory: back to the saved data
                self._reset_caches()
            raise
        finally:
            self._change = None
        if change.before:
            self.history.record(Step(label, change.before, self._now(change.before)))

    def _now(self, touched: DocStates) -> DocStates:
        """The records ``touched`` by a change as they are now (``None``: gone), for redo."""
        # the documents the change just wrote, shared with the file's data (never changed
        # in place; a change replaces a document): no second copy of a 50,000-row import,
        # and no models to build again for a table a bulk save left unparsed
        runs: dict[str, list[Sequence[int]]] = {}
        for table, start, end in touched.tables():
            runs.setdefault(table, []).append(touched.ids(start, end))
        now = DocStates()
        for table, parts in runs.items():
            docs = self._file.data.get(table, {})
            ids = parts[0] if len(parts) == 1 else [*itertools.chain.from_iterable(parts)]
            # each record once: the new records of a bulk save come in increasing ids,
            # which tells it without a set of 50,000 ids
            ascending = all(a < b for a, b in itertools.pairwise(ids))
            for doc_id in ids if ascending else dict.fromkeys(ids):
                now.add(table, doc_id, docs.get(str(doc_id)))
        return now

    def save_many(
        self, records: Sequence[R], label: str = "Save records", *, bulk: bool | None = None
    ) -> list[R]:
        """Insert (id 0) or replace many records: one write, one undo step.

        For imports of thousands of rows. The records are already validated models;
        references between them are the caller's to check (the roster import plan does).
        Inside a surrounding :meth:`transaction` this is part of that change. ``bulk``:
        whether to keep documents, not models (by default, from :data:`BULK` records;
        the last, short chunk of a large import is bulk too).
        """
        if not records:
            return []
        bulk = len(records) >= BULK if bulk is None else bulk
        with self.transaction(label):
            return [self._put(record, bulk=bulk) for record in records]

    def _backup_once(self) -> None:
        """Back the file up before the first change of a session, of each new day, and
        after every :data:`BACKUP_INTERVAL` of editing."""
        now, last = self.clock(), self._backed_up_at
        if last is None or last.date() != now.date() or now - last >= BACKUP_INTERVAL:
            make_backup(self.path, now)
            self._backed_up_at = now

    # ------------------------------------------------------------------ validation helper

    @staticmethod
    def _validated(model: type[R], data: dict[str, Any]) -> R:
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            raise InvalidDataError(explain(exc)) from exc


def _canonical_keys(data: RawData, table: str, records: dict[int, Record]) -> None:
    """Write document ids as TinyDB does ("7", not "007"), so a save finds each record.

    ``records``: the table's records by id, in the order of its documents.
    """
    docs = data.get(table)
    if docs and list(map(str, records)) != list(docs):
        data[table] = {str(int(key)): doc for key, doc in docs.items()}
