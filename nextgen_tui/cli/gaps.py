"""``nextgen-tui gaps``: list the role gaps of the partnerships in a roster file.

The file is opened read-only (no lock), so this works while the app has it open. Exit
status: 0 when no blocker is found, 1 when any is, 2 for a usage or file error (one
plain line on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from nextgen_tui.cli.common import EXIT_OK, fail, no_such_partnership, say
from nextgen_tui.gaps.analysis import analyze
from nextgen_tui.gaps.catalogue import Gap, Severity
from nextgen_tui.models import Partnership, Stage
from nextgen_tui.models.snapshot import PartnershipSnapshot
from nextgen_tui.paths import default_data_path
from nextgen_tui.text.visible import visible_json

COMMAND = "gaps"

EXIT_BLOCKERS = 1

Found = list[tuple[PartnershipSnapshot, list[Gap]]]


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; write it like 2026-03-31"
        ) from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        default=argparse.SUPPRESS,
        help=f"the roster file to check (default: {default_data_path()})",
    )
    parser.add_argument(
        "--partnership", metavar="NAME", help="only this partnership (default: every one)"
    )
    parser.add_argument(
        "--today",
        type=_day,
        metavar="YYYY-MM-DD",
        help="the date to check against (default: today)",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="print a JSON list of {partnership, rule, stage, severity, message, subjects}",
    )


def run(args: argparse.Namespace) -> int:
    from nextgen_tui.errors import StoreError
    from nextgen_tui.store.repository import Store

    db: Path = getattr(args, "db", None) or default_data_path()
    today: date = args.today or date.today()
    try:
        store = Store(db.expanduser(), read_only=True)
    except StoreError as exc:
        return fail(COMMAND, exc.message)
    try:
        if args.partnership is not None:
            chosen = store.partnership_by_name(args.partnership)
            if chosen is None:
                return fail(COMMAND, no_such_partnership(store, args.partnership))
            partnerships = [chosen]
        else:
            partnerships = store.partnerships()
        found: Found = []
        for partnership in partnerships:
            snapshot = store.snapshot(partnership.id)
            found.append((snapshot, analyze(snapshot, today)))
    except StoreError as exc:
        return fail(COMMAND, exc.message)
    finally:
        store.close()
    if args.json:
        sys.stdout.write(visible_json(as_json(found)))
    else:
        say(as_text(found, db))
    has_blocker = any(gap.severity is Severity.BLOCKER for _, gaps in found for gap in gaps)
    return EXIT_BLOCKERS if has_blocker else EXIT_OK


# ----------------------------------------------------------------------------- output


def _subjects(gap: Gap, snapshot: PartnershipSnapshot) -> list[dict[str, Any]]:
    teams = {team.id: team.name for team in snapshot.teams}
    result: list[dict[str, Any]] = []
    for subject in gap.subjects:
        if subject.kind == "person":
            name = snapshot.person_name(subject.id)
        elif subject.kind == "organization":
            org = snapshot.organizations.get(subject.id)
            name = org.name if org else f"(unknown organization {subject.id})"
        else:
            name = teams.get(subject.id, f"(unknown team {subject.id})")
        result.append({"kind": subject.kind, "id": subject.id, "name": name})
    return result


def as_json(found: Found) -> str:
    """A list of objects with the keys partnership, rule, stage, severity, message,
    subjects (each subject: kind, id, name)."""
    rows = [
        {
            "partnership": snapshot.partnership.name,
            "rule": gap.rule,
            "stage": gap.stage.value,
            "severity": gap.severity.value,
            "message": gap.message,
            "subjects": _subjects(gap, snapshot),
        }
        for snapshot, gaps in found
        for gap in gaps
    ]
    return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"


def _counts(gaps: list[Gap]) -> str:
    parts = []
    for severity in Severity:
        count = sum(gap.severity is severity for gap in gaps)
        if count:
            parts.append(f"{count} {severity.value}{'s' if count != 1 else ''}")
    return ", ".join(parts) if parts else "no gaps"


def _heading(partnership: Partnership) -> str:
    stage = partnership.stage
    return f"{partnership.name} (stage {stage.number} of 4: {stage.label})"


def as_text(found: Found, db: Path) -> str:
    """Gaps grouped by partnership and stage, blockers first within a stage."""
    if not found:
        return f"No partnerships in {db}.\n"
    lines: list[str] = []
    for snapshot, gaps in found:
        partnership = snapshot.partnership
        lines.append(f"{_heading(partnership)}: {_counts(gaps)}")
        for stage in Stage:
            here = [gap for gap in gaps if gap.stage is stage]
            current = " (current stage)" if stage is partnership.stage else ""
            if not here:
                state = "no gaps"
            elif any(gap.severity is Severity.BLOCKER for gap in here):
                state = "not ready"
            else:
                state = "ready"
            lines.append(f"  {stage.number}. {stage.label}{current}: {state}")
            order = list(Severity)
            for gap in sorted(here, key=lambda g: order.index(g.severity)):
                lines.append(f"    {gap.severity.value.upper():<7}  {gap.rule}: {gap.message}")
        lines.append("")
    if len(found) > 1:
        total = [gap for _, gaps in found for gap in gaps]
        lines.append(f"{len(found)} partnerships: {_counts(total)}.")
    return "\n".join(lines).rstrip("\n") + "\n"
