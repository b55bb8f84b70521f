"""``nextgen-tui import FILE``: bring people and their roles in from a CSV or XLSX roster.

The command prints the preview (how many rows are new, match someone already in the
directory, or are invalid, with each invalid row's number and reason), then writes all of
it in one change, unless ``--dry-run``. Every problem a user can cause is one plain line on
stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from nextgen_tui.cli.common import EXIT_OK, fail, say
from nextgen_tui.text.visible import visible

COMMAND = "import"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help="the roster (.csv or .xlsx)")
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="the roster file to import into",
    )
    parser.add_argument(
        "--partnership",
        required=True,
        metavar="NAME",
        help="the partnership the roles go into (created when missing)",
    )
    parser.add_argument("--industry", default="", help="industry of a new partnership")
    parser.add_argument("--region", default="", help="region of a new partnership")
    parser.add_argument(
        "--dry-run", action="store_true", help="show what would happen; change nothing"
    )
    parser.add_argument(
        "--on-match",
        choices=["update", "keep", "add"],
        default="keep",
        help="for a row that matches someone already in the directory: update their "
        "details from the file, keep their details (only add roles), or add a new person "
        "(default: keep)",
    )
    parser.add_argument(
        "--default-role",
        choices=[
            "convening_team",
            "core_team",
            "convener",
            "co_convener",
            "champion",
            "industry_leader",
            "support_delegate",
            "facilitator",
        ],
        help="the role of people whose row names none (default: directory only)",
    )


def run(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from nextgen_tui.errors import ImportFileError, StoreError
    from nextgen_tui.models import KIND_LABELS, RoleKind, explain
    from nextgen_tui.store.repository import Store
    from nextgen_tui.transfer.apply import apply
    from nextgen_tui.transfer.plan import Choice, Outcome, build_plan
    from nextgen_tui.transfer.spreadsheet import read_roster

    db: Path | None = getattr(args, "db", None)
    if db is None:
        return fail(COMMAND, "say which roster file to import into with --db PATH")
    try:
        table = read_roster(args.file.expanduser())
    except ImportFileError as exc:
        return fail(COMMAND, exc.message)
    db = db.expanduser()
    scratch: tempfile.TemporaryDirectory[str] | None = None
    try:
        if args.dry_run and not db.exists():
            # a dry run into a file that does not exist yet: plan against an empty scratch file
            scratch = tempfile.TemporaryDirectory(prefix="roster-dry-run-")
            store = Store(Path(scratch.name) / "roster.json")
        else:
            store = Store(db, read_only=args.dry_run)
    except StoreError as exc:
        if scratch is not None:
            scratch.cleanup()
        return fail(COMMAND, exc.message)
    try:
        plan = build_plan(
            store,
            table.rows,
            partnership=args.partnership,
            industry=args.industry,
            region=args.region,
            on_match=Choice(args.on_match),
            default_role=RoleKind(args.default_role) if args.default_role else None,
            source=args.file.name,
        )
        if plan.partnership_error:
            return fail(COMMAND, plan.partnership_error)
        told: set[str] = set()
        for row in plan.rows:
            if row.outcome is Outcome.INVALID:
                say(f"row {row.number}: not imported: {visible(row.reason)}\n")
            elif row.kind_from == "guess" and row.organization not in told:
                told.add(row.organization)  # a new organization's kind, guessed from its name
                say(
                    f"row {row.number}: {visible(row.organization)} will be added as "
                    f"{KIND_LABELS[row.org_kind]} (guessed: no kind given)\n"
                )
            for warning in row.warnings:
                say(f"row {row.number}: {visible(warning)}\n")
        say(plan.summary() + "\n")
        if args.dry_run:
            say("Dry run: nothing was written.\n")
            return EXIT_OK
        if not plan.writes_anything:
            say("Nothing to import.\n")
            return EXIT_OK
        result = apply(store, plan)
        say(result.summary() + "\n")
        return EXIT_OK
    except StoreError as exc:
        return fail(COMMAND, exc.message)
    except ValidationError as exc:
        return fail(COMMAND, explain(exc))
    finally:
        store.close()
        if scratch is not None:
            scratch.cleanup()
