"""``nextgen-tui export``: write a roster, report, letter, meeting summary or calendar.

The data file is opened read-only, so an export works while the app has the file open.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from nextgen_tui.cli.common import EXIT_OK, fail, no_such_partnership, say

COMMAND = "export"

FORMATS = ("csv", "xlsx", "report", "letter", "summary", "ics")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="the roster file to export from",
    )
    parser.add_argument(
        "--partnership", required=True, metavar="NAME", help="the partnership to export"
    )
    parser.add_argument(
        "--format",
        required=True,
        choices=FORMATS,
        help="csv/xlsx: rosters by stage and role; report: status report (Markdown); "
        "letter: champions' invite letter (Markdown); summary: launch meeting summary "
        "(Markdown); ics: calendar of the launch and convenings",
    )
    parser.add_argument("--out", required=True, type=Path, metavar="PATH", help="file to write")


def run(args: argparse.Namespace) -> int:
    from nextgen_tui.errors import ExportError, StoreError
    from nextgen_tui.store.repository import Store
    from nextgen_tui.transfer.exports import export_to, refuse_roster_files

    db: Path | None = getattr(args, "db", None)
    if db is None:
        return fail(COMMAND, "say which roster file to export from with --db PATH")
    out: Path = args.out.expanduser()
    try:
        refuse_roster_files(out, db.expanduser())
    except ExportError as exc:
        return fail(COMMAND, exc.message)
    if out.is_dir():
        return fail(COMMAND, f"{out} is a folder; give a file name to write")
    if not out.parent.is_dir():
        return fail(COMMAND, f"the folder {out.parent} does not exist")
    try:
        store = Store(db.expanduser(), read_only=True)
    except StoreError as exc:
        return fail(COMMAND, exc.message)
    try:
        partnership = store.partnership_by_name(args.partnership)
        if partnership is None:
            return fail(COMMAND, no_such_partnership(store, args.partnership))
        snapshot = store.snapshot(partnership.id)
        export_to(
            args.format, snapshot, out, roster=store.path, today=store.today(), now=store.clock()
        )
    except (StoreError, ExportError) as exc:
        return fail(COMMAND, exc.message)
    finally:
        store.close()
    say(f"Wrote {out}\n")
    return EXIT_OK
