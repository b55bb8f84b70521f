"""``nextgen-tui restore --db FILE BACKUP``: put a backup back in place of the roster.

The current file is backed up first, so a restore can itself be undone; a file open in
the app (or any other writer) is refused. Says what changed: partnerships and people
before and after.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

from nextgen_tui.cli.common import EXIT_OK, fail, say

COMMAND = "restore"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "backup",
        metavar="BACKUP",
        help="the backup's name as 'nextgen-tui backups' lists it, or its path",
    )
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="the roster file to restore",
    )


def _change(label: str, before: int | None, after: int) -> str:
    if before is None:
        return f"{label}: {after}"
    if before == after:
        return f"{label}: {after} (unchanged)"
    return f"{label}: {before} -> {after}"


def run(args: argparse.Namespace) -> int:
    from nextgen_tui.errors import StoreError
    from nextgen_tui.store.backups import backup_time
    from nextgen_tui.store.restore import find_backup, restore_backup

    db: Path | None = getattr(args, "db", None)
    if db is None:
        return fail(COMMAND, "say which roster file to restore with --db PATH")
    try:
        backup = find_backup(db.expanduser(), args.backup)
        done = restore_backup(db.expanduser(), backup, datetime.now())
    except StoreError as exc:
        return fail(COMMAND, exc.message)
    before, after = done.before, done.after
    taken = backup_time(done.backup, done.path)
    when = f" (taken {taken:%Y-%m-%d %H:%M:%S})" if taken else ""
    lines = [
        f"Restored {done.path.name} from {done.backup.name}{when}.",
        _change("Partnerships", before.partnerships if before else None, after.partnerships),
        _change("People", before.people if before else None, after.people),
    ]
    if done.saved_as is not None:
        lines.append(f"The file as it was is kept as {done.saved_as.name}.")
    say("\n".join(lines) + "\n")
    return EXIT_OK
