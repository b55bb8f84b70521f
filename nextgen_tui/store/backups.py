"""Rolling backups in ``FILE.backups/``: the newest versions and one per day.

A backup of ``team[1].json`` is ``team[1]-YYYYMMDD-HHMMSS-ffffff.json``. Backups are found
by comparing exact names (never a glob pattern, which a ``[`` in a file name would
change), and what a writer killed mid-backup left in the folder is removed.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from nextgen_tui.errors import WriteFailedError
from nextgen_tui.store.durable import DIR_MODE, _describe_os_error, atomic_write_bytes
from nextgen_tui.store.siblings import backup_folder, is_temp_name
from nextgen_tui.text.wording import plural

# --------------------------------------------------------------------------- backups

BACKUPS_KEPT = 10  # the newest versions, whatever their age
DAILY_BACKUPS_KEPT = 30  # plus the newest backup of each of this many days
BACKUP_INTERVAL = timedelta(minutes=15)  # while editing, a backup at least this often

_STAMP = re.compile(r"\d{8}-\d{6}-\d{6}")
_STAMP_FORMAT = "%Y%m%d-%H%M%S-%f"


def _stamp_of(name: str, path: Path) -> str | None:
    """The time stamp in ``name`` if it is a backup file name of ``path``, else ``None``."""
    prefix, suffix = f"{path.stem}-", ".json"
    if not (name.startswith(prefix) and name.endswith(suffix)):
        return None
    stamp = name[len(prefix) : -len(suffix)]
    return stamp if _STAMP.fullmatch(stamp) else None


def _entries(folder: Path) -> list[str]:
    try:
        with os.scandir(folder) as found:
            return [entry.name for entry in found]
    except (FileNotFoundError, NotADirectoryError):
        return []


def backups(path: Path) -> list[Path]:
    """The backups of ``path``, oldest first."""
    folder = backup_folder(path)
    names = [name for name in _entries(folder) if _stamp_of(name, path) is not None]
    return [folder / name for name in sorted(names)]


def backup_time(backup: Path, path: Path) -> datetime | None:
    """When ``backup`` (a backup of ``path``) was taken, from its name."""
    stamp = _stamp_of(backup.name, path)
    return None if stamp is None else datetime.strptime(stamp, _STAMP_FORMAT)


def make_backup(path: Path, now: datetime) -> Path | None:
    """Copy the current file into the backup folder and prune old backups.

    The store calls it before the first write of a session, of each new day and after
    :data:`BACKUP_INTERVAL` of editing, so a bad hour can always be rolled back.
    """
    if not path.exists():
        return None
    folder = backup_folder(path)
    target = folder / f"{path.stem}-{now:{_STAMP_FORMAT}}.json"
    try:
        folder.mkdir(mode=DIR_MODE, exist_ok=True)
        data = path.read_bytes()
    except OSError as exc:
        raise WriteFailedError(_describe_os_error(exc, target)) from exc
    atomic_write_bytes(target, data)
    prune_backups(path)
    return target


def prune_backups(path: Path) -> None:
    existing = backups(path)
    keep = set(existing[-BACKUPS_KEPT:])
    newest_of_day: dict[str, Path] = {}
    for backup in existing:
        day = (_stamp_of(backup.name, path) or "")[:8]
        newest_of_day[day] = backup
    for day in sorted(newest_of_day)[-DAILY_BACKUPS_KEPT:]:
        keep.add(newest_of_day[day])
    for backup in existing:
        if backup not in keep:
            with contextlib.suppress(OSError):
                backup.unlink()


def remove_stale_backup_temps(path: Path) -> None:
    """Remove half-written backups that a writer of ``path`` killed mid-backup left behind.

    Call only while holding the write lock: no other writer can be making a backup then.
    """
    folder = backup_folder(path)
    for name in _entries(folder):
        if name.startswith(".") and name.endswith(".tmp"):
            backup_name = name[1:].rsplit(".", 2)[0]
            if _stamp_of(backup_name, path) is not None and is_temp_name(name, backup_name):
                with contextlib.suppress(OSError):
                    (folder / name).unlink()


# --------------------------------------------------------------------------- what one holds


@dataclass(frozen=True)
class Contents:
    """How much a roster file (or a backup) holds, for a list a person can read."""

    partnerships: int
    people: int

    def describe(self) -> str:
        partnerships = plural(self.partnerships, "partnership")
        return f"{partnerships}, {plural(self.people, 'person', 'people')}"


def contents_of(path: Path) -> Contents | None:
    """Partnerships and (not deleted) people in the roster file ``path``; ``None`` when it
    cannot be read as one."""
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
        partnerships = data.get("partnerships", {})
        people = data.get("people", {})
        alive = sum(1 for doc in people.values() if not doc.get("deleted"))
        return Contents(len(partnerships), alive)
    except (OSError, ValueError, AttributeError, RecursionError):
        return None
