"""Exports of one partnership: roster spreadsheets, Markdown documents and a calendar.

Every export is rendered in memory from a :class:`PartnershipSnapshot`, then written
atomically (a temporary file in the same folder, fsynced, ``os.replace``\\ d over the
target), so a crash never leaves half a file.

Spreadsheet safety: a cell that starts with ``=``, ``+``, ``-``, ``@``, tab or carriage
return would be run as a formula by Excel or LibreOffice. Such cells get a leading single
quote (the OWASP "CSV injection" advice); the roster import strips it again, so an export
imports back to the same text.

The roster has one row per current role assignment, with the columns the import reads, so
a roster exported from one file imports into another with the same people, roles and
details.
"""

from __future__ import annotations

import csv
import io
import re
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from nextgen_tui.errors import ExportError, WriteFailedError
from nextgen_tui.models import (
    KIND_LABELS,
    ROLE_LABELS,
    Convening,
    ConveningKind,
    RoleAssignment,
    RoleKind,
    Stage,
)
from nextgen_tui.models.snapshot import PartnershipSnapshot
from nextgen_tui.store.durable import atomic_write_bytes
from nextgen_tui.store.siblings import own_file_kind

FORMAT_LABELS: dict[str, str] = {
    "csv": "Roster by stage and role (CSV)",
    "xlsx": "Roster by stage and role (Excel XLSX)",
    "report": "Status report (Markdown)",
    "letter": "Champions' invite letter draft (Markdown)",
    "summary": "Launch meeting summary (Markdown)",
    "ics": "Calendar of the launch and convenings (iCalendar)",
}
EXTENSIONS: dict[str, str] = {
    "csv": ".csv",
    "xlsx": ".xlsx",
    "report": ".md",
    "letter": ".md",
    "summary": ".md",
    "ics": ".ics",
}
_SUFFIXES = {
    "report": "-status",
    "letter": "-invite-letter",
    "summary": "-launch-summary",
    "ics": "-calendar",
    "csv": "-roster",
    "xlsx": "-roster",
}


# --------------------------------------------------------------------------- roster rows

#: The stage where each role first matters: the roster lists roles under it.
ROLE_STAGE: dict[RoleKind, Stage] = {
    RoleKind.CONVENER: Stage.PREPARE,
    RoleKind.CO_CONVENER: Stage.PREPARE,
    RoleKind.CHAMPION: Stage.PREPARE,
    RoleKind.CORE_TEAM: Stage.PREPARE,
    RoleKind.CONVENING_TEAM: Stage.PREPARE,
    RoleKind.INDUSTRY_LEADER: Stage.LAUNCH,
    RoleKind.SUPPORT_DELEGATE: Stage.LAUNCH,
    RoleKind.FACILITATOR: Stage.LAUNCH,
    RoleKind.ACTION_TEAM_LEAD: Stage.ACTION,
    RoleKind.ACTION_TEAM_MEMBER: Stage.ACTION,
}

ROSTER_COLUMNS = [
    "Stage",
    "Role",
    "Action team",
    "Name",
    "Title",
    "Organization",
    "Org kind",
    "Industry",
    "Email",
    "Phone",
    "Start",
    "Champion status",
    "Champion criteria",
    "Outreach owner",
    "Signed invite",
    "Hosts launch",
    "Invite status",
    "Introduced",
]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralize(text: str) -> str:
    """Prefix a cell a spreadsheet would run as a formula with a single quote."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def roster_rows(snapshot: PartnershipSnapshot) -> list[list[str]]:
    """One row per current role assignment, by stage, then role, then name (raw text)."""
    teams = {t.id: t.name for t in snapshot.teams}
    stages, roles = list(Stage), list(RoleKind)

    def order(r: RoleAssignment) -> tuple[int, int, str, str, int]:
        team = teams.get(r.team_id or 0, "")
        name = snapshot.person_name(r.person_id)
        return (
            stages.index(ROLE_STAGE[r.role]),
            roles.index(r.role),
            team.casefold(),
            name.casefold(),
            r.id,
        )

    rows = []
    for role in sorted(snapshot.current_roles, key=order):
        person = snapshot.people[role.person_id]
        org = snapshot.organization_of(role.person_id)
        champion = role.champion if role.role is RoleKind.CHAMPION else None
        leader = role.leader if role.role is RoleKind.INDUSTRY_LEADER else None
        criteria = ""
        if champion is not None:
            criteria = "; ".join(
                c
                for c in ("company", "industry", "community")
                if getattr(champion, f"passionate_{c}")
            )
        invite = ""
        if leader is not None:
            invite = "attended" if leader.attended else leader.invitation.value
        rows.append(
            [
                ROLE_STAGE[role.role].label,
                ROLE_LABELS[role.role],
                teams.get(role.team_id or 0, ""),
                person.name,
                person.title,
                org.name if org else "",
                KIND_LABELS[org.kind] if org else "",
                org.industry if org else "",
                person.email,
                person.phone,
                role.start.isoformat(),
                champion.status.value if champion else "",
                criteria,
                snapshot.person_name(champion.outreach_owner_id) if champion else "",
                _yes(champion.signed_invite) if champion else "",
                _yes(champion.hosts_launch) if champion else "",
                invite,
                _yes(leader.introduced) if leader else "",
            ]
        )
    return rows


def roster_csv(snapshot: PartnershipSnapshot) -> str:
    """The roster as CSV (RFC 4180, CRLF), with a BOM so Excel reads it as UTF-8."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(ROSTER_COLUMNS)
    for row in roster_rows(snapshot):
        writer.writerow([neutralize(cell) for cell in row])
    return "\ufeff" + buffer.getvalue()


def roster_xlsx(snapshot: PartnershipSnapshot) -> bytes:
    """The roster as an Excel workbook: every cell a string, formulas neutralised."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Roster"
    sheet.append(ROSTER_COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    widths = [len(c) for c in ROSTER_COLUMNS]
    for row in roster_rows(snapshot):
        cells = [ILLEGAL_CHARACTERS_RE.sub("", neutralize(text)) for text in row]
        sheet.append(cells)
        for index, text in enumerate(cells):
            widths[index] = max(widths[index], min(len(text), 40))
    for row_cells in sheet.iter_rows(min_row=2):
        for cell in row_cells:
            cell.data_type = "s"  # never a formula, whatever the text
    for index, width in enumerate(widths):
        sheet.column_dimensions[sheet.cell(1, index + 1).column_letter].width = width + 2
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# --------------------------------------------------------------------------- iCalendar


def ical_escape(text: str) -> str:
    """Escape a TEXT value (RFC 5545 3.3.11): backslash, ``;``, ``,`` and newlines."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold_line(line: str, limit: int = 75) -> str:
    """Fold a content line at ``limit`` octets, never inside a UTF-8 character."""
    out: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append(current)
            current, size = " ", 1  # a continuation starts with one space
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


def _uid(snapshot: PartnershipSnapshot, what: str) -> str:
    p = snapshot.partnership
    seed = f"nextgen-tui:{p.id}:{p.name}:{p.created}:{what}"
    return f"{uuid.uuid5(uuid.NAMESPACE_URL, seed)}@sector-partnership-roster"


def _event(
    uid: str, stamp: str, on: date, summary: str, location: str, description: str
) -> list[str]:
    end = date.fromordinal(on.toordinal() + 1)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{on.strftime('%Y%m%d')}",
        f"DTEND;VALUE=DATE:{end.strftime('%Y%m%d')}",
        f"SUMMARY:{ical_escape(summary)}",
    ]
    if location:
        lines.append(f"LOCATION:{ical_escape(location)}")
    if description:
        lines.append(f"DESCRIPTION:{ical_escape(description)}")
    return [*lines, "END:VEVENT"]


def _convening_title(snapshot: PartnershipSnapshot, convening: Convening) -> str:
    if convening.title:
        return f"{convening.title} ({snapshot.partnership.name})"
    if convening.kind is ConveningKind.ACTION_TEAM:
        team = next((t.name for t in snapshot.teams if t.id == convening.team_id), "action team")
        return f"Action team meeting: {team} ({snapshot.partnership.name})"
    return f"Quarterly convening: {snapshot.partnership.name}"


def calendar_ics(snapshot: PartnershipSnapshot, now: datetime) -> str:
    """The launch (when it has a date) and every convening, as all-day events."""
    stamp_time = now.astimezone(UTC) if now.tzinfo else now.replace(tzinfo=UTC)
    stamp = stamp_time.strftime("%Y%m%dT%H%M%SZ")
    events: list[str] = []
    launch = snapshot.launch
    if launch is not None and launch.on is not None:
        host = snapshot.organizations.get(launch.host_org_id or 0)
        details = [f"Launch meeting of the {snapshot.partnership.name} sector partnership."]
        if host is not None:
            details.append(f"Hosted by {host.name}.")
        if launch.opener_id:
            details.append(f"Opening: {snapshot.person_name(launch.opener_id)}.")
        if launch.closer_id:
            details.append(f"Closing: {snapshot.person_name(launch.closer_id)}.")
        events += _event(
            _uid(snapshot, "launch"),
            stamp,
            launch.on,
            f"Launch meeting: {snapshot.partnership.name}",
            launch.place,
            "\n".join(details),
        )
    for convening in snapshot.convenings:
        events += _event(
            _uid(snapshot, f"convening-{convening.id}"),
            stamp,
            convening.on,
            _convening_title(snapshot, convening),
            "",
            convening.notes,
        )
    if not events:
        raise ExportError(
            "There is nothing to put in a calendar: the launch has no date and there are "
            "no convenings yet."
        )
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Sector Partnership Roster//nextgen-tui//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{ical_escape(snapshot.partnership.name)}",
        *events,
        "END:VCALENDAR",
    ]
    return "".join(fold_line(line) + "\r\n" for line in lines)


# --------------------------------------------------------------------------- writing


def render(
    fmt: str, snapshot: PartnershipSnapshot, *, today: date, now: datetime | None = None
) -> bytes:
    """The export of ``fmt`` (a key of :data:`FORMAT_LABELS`) as the bytes of its file."""
    from nextgen_tui.transfer import reports

    renderers: dict[str, Callable[[], str | bytes]] = {
        "csv": lambda: roster_csv(snapshot),
        "xlsx": lambda: roster_xlsx(snapshot),
        "report": lambda: reports.status_report(snapshot, today),
        "letter": lambda: reports.invite_letter(snapshot),
        "summary": lambda: reports.launch_summary(snapshot),
        "ics": lambda: calendar_ics(snapshot, now or datetime.combine(today, datetime.min.time())),
    }
    if fmt not in renderers:
        raise ExportError(f"{fmt!r} is not an export format ({', '.join(renderers)}).")
    result = renderers[fmt]()
    return result.encode("utf-8") if isinstance(result, str) else result


_OWN_FILES = {
    "roster": "is the roster file itself",
    "lock": "is the roster's lock file",
    "backup": "is in the roster's backups folder",
    "temp": "is a temporary file of the roster's saves",
}


def refuse_roster_files(out: Path, roster: Path) -> None:
    """:class:`ExportError` when ``out`` is the roster, its lock, a backup or a temp file.

    However ``out`` is spelled (relative, ``..``, through a link): an export never
    overwrites the data it was made from.
    """
    kind = own_file_kind(out, roster)
    if kind is not None:
        raise ExportError(
            f"{out} {_OWN_FILES[kind]} ({roster.name}); writing there would destroy it. "
            "Nothing was written; choose another file name."
        )


def export_to(
    fmt: str,
    snapshot: PartnershipSnapshot,
    out: Path,
    *,
    roster: Path,
    today: date,
    now: datetime | None = None,
) -> Path:
    """Render and write atomically; :class:`ExportError` with a plain message on failure.

    ``roster`` is the data file the snapshot comes from: its own files are refused.
    """
    refuse_roster_files(out, roster)
    if out.is_dir():
        raise ExportError(f"{out} is a folder; give a file name to write.")
    if not out.parent.is_dir():
        raise ExportError(f"The folder {out.parent} does not exist.")
    data = render(fmt, snapshot, today=today, now=now)
    try:
        atomic_write_bytes(out, data)
    except WriteFailedError as exc:
        raise ExportError(exc.message) from exc
    return out


def default_filename(fmt: str, partnership_name: str) -> str:
    """A file name from the partnership's name, e.g. ``advanced-manufacturing-status.md``."""
    slug = re.sub(r"[^a-z0-9]+", "-", partnership_name.casefold()).strip("-")[:60] or "partnership"
    return f"{slug}{_SUFFIXES.get(fmt, '')}{EXTENSIONS.get(fmt, '')}"
