"""``nextgen-tui backups --db FILE``: list the roster's backups, oldest first.

Each line gives when the backup was taken, its size and how many partnerships and people
it holds, then its name (which ``nextgen-tui restore`` takes).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from nextgen_tui.cli.common import EXIT_OK, fail, say

COMMAND = "backups"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="the roster file whose backups to list",
    )


def _size(count: int) -> str:
    if count < 1024:
        return f"{count} B"
    if count < 1024 * 1024:
        return f"{count / 1024:.1f} KB"
    return f"{count / 1024 / 1024:.1f} MB"


def run(args: argparse.Namespace) -> int:
    from nextgen_tui.store.backups import backup_time, backups, contents_of
    from nextgen_tui.store.siblings import backup_folder, roster_target

    db: Path | None = getattr(args, "db", None)
    if db is None:
        return fail(COMMAND, "say which roster file with --db PATH")
    path = roster_target(db.expanduser())
    if not path.exists():
        return fail(COMMAND, f"there is no roster file at {path}")
    folder = backup_folder(path).name
    found = backups(path)
    if not found:
        say(f"{path.name} has no backups yet; they are made in {folder}/ as it is edited.\n")
        return EXIT_OK
    lines = [f"Backups of {path.name} in {folder}/, oldest first:"]
    for backup in found:
        taken = backup_time(backup, path)
        try:
            size = _size(backup.stat().st_size)
        except OSError:
            size = "?"
        contents = contents_of(backup)
        held = contents.describe() if contents else "not readable as a roster"
        lines.append(f"  {taken:%Y-%m-%d %H:%M:%S}  {size:>9}  {held:<32}  {backup.name}")
    now = contents_of(path)
    lines.append(f"Now: {now.describe() if now else 'not readable as a roster'}.")
    lines.append(f"Restore one with: nextgen-tui restore --db {path} NAME")
    say("\n".join(lines) + "\n")
    return EXIT_OK
