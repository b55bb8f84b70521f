"""Rolling backups in ``FILE.backups/``: the newest versions and one per day."""

from __future__ import annotations

import contextlib
from datetime import datetime
from pathlib import Path

from nextgen_tui.errors import WriteFailedError
from nextgen_tui.store.durable import DIR_MODE, _describe_os_error, atomic_write_bytes
from nextgen_tui.store.siblings import backup_folder

# --------------------------------------------------------------------------- backups

BACKUPS_KEPT = 10  # the newest versions, whatever their age
DAILY_BACKUPS_KEPT = 30  # plus the newest backup of each of this many days


def backups(path: Path) -> list[Path]:
    """The backups of ``path``, oldest first."""
    folder = backup_folder(path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{path.stem}-*.json"))


def make_backup(path: Path, now: datetime) -> Path | None:
    """Copy the current file into the backup folder and prune old backups.

    The store calls it before the first write of a session and of each new day, so there
    is at least one backup per day of use and a bad session can always be rolled back.
    """
    if not path.exists():
        return None
    folder = backup_folder(path)
    target = folder / f"{path.stem}-{now:%Y%m%d-%H%M%S-%f}.json"
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
        day = backup.stem.removeprefix(f"{path.stem}-")[:8]
        newest_of_day[day] = backup
    for day in sorted(newest_of_day)[-DAILY_BACKUPS_KEPT:]:
        keep.add(newest_of_day[day])
    for backup in existing:
        if backup not in keep:
            with contextlib.suppress(OSError):
                backup.unlink()
