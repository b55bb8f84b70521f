"""Putting a backup back in place of the roster file, safely.

The roster is locked first (a restore never happens under a running app), the backup is
checked to be a roster this app reads, the current file is itself backed up, and the
backup's bytes replace the file atomically. Nothing is lost: the restore can be undone
by restoring the backup it made.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from nextgen_tui.errors import StoreError, UnreadableFileError
from nextgen_tui.store.backups import Contents, backups, contents_of, make_backup
from nextgen_tui.store.durable import atomic_write_bytes, read_regular_file, refuse_unless_regular
from nextgen_tui.store.lock import FileLock
from nextgen_tui.store.repository import Store
from nextgen_tui.store.siblings import backup_folder, own_file_kind, roster_target


@dataclass(frozen=True)
class Restored:
    """What a restore did: from which backup, what it kept, what changed."""

    path: Path
    backup: Path
    saved_as: Path | None  # the backup of the file as it was before the restore
    before: Contents | None
    after: Contents


def find_backup(path: Path, name: str) -> Path:
    """The backup called ``name``: a file name in the roster's backups folder, or a path."""
    path = roster_target(path)
    given = Path(name).expanduser()
    if given.name == name:  # a bare name: look in the backups folder
        for backup in backups(path):
            if backup.name == name:
                return backup
        raise UnreadableFileError(
            f"there is no backup named {name} in {backup_folder(path).name}/ "
            f"(list them with: nextgen-tui backups --db {path})"
        )
    if not given.exists():
        raise UnreadableFileError(f"there is no backup at {given}")
    return given


def restore_backup(path: Path, backup: Path, now: datetime) -> Restored:
    """Replace the roster ``path`` by ``backup``; :class:`StoreError` says why not.

    Refused while another writer holds the file (:class:`LockedError`), and when the
    backup is not a roster this app can open.
    """
    path = roster_target(path)
    if not path.exists():
        raise UnreadableFileError(f"There is no roster file at {path}.")
    refuse_unless_regular(path)
    if own_file_kind(backup, path) == "roster":
        raise StoreError(f"{backup} is the roster file itself; choose one of its backups.")
    lock = FileLock(path)
    lock.acquire()
    try:
        Store(backup, read_only=True).close()  # a roster this app reads, every record valid
        data, _identity = read_regular_file(backup)
        after = contents_of(backup)
        assert after is not None  # it just opened as a roster
        before = contents_of(path)
        saved_as = make_backup(path, now)
        atomic_write_bytes(path, data)
    finally:
        lock.release()
    return Restored(path, backup, saved_as, before, after)
