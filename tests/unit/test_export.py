"""Exports: roster CSV/XLSX (formula-safe, re-importable), hostile names, files written.

Markdown documents and iCalendar are in ``test_export_documents.py``.
"""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from nextgen_tui.errors import ExportError
from nextgen_tui.models import (
    ActionTeam,
    Partnership,
    RoleKind,
)
from nextgen_tui.store.repository import Store
from nextgen_tui.transfer.apply import apply
from nextgen_tui.transfer.exports import (
    ROSTER_COLUMNS,
    default_filename,
    export_to,
    neutralize,
    roster_csv,
    roster_rows,
    roster_xlsx,
)
from nextgen_tui.transfer.plan import build_plan
from nextgen_tui.transfer.spreadsheet import read_roster
from tests.conftest import FIXED_NOW
from tests.support import factories as f
from tests.support.export_seed import seed
from tests.support.ics import check_ics

TODAY = FIXED_NOW.date()


# --------------------------------------------------------------------------- round trip


def _people_and_roles(store: Store) -> tuple[set[tuple[Any, ...]], set[tuple[Any, ...]]]:
    """Everything a roster carries, by name (ids differ between files)."""
    people = {}
    for person in store.people():
        org = store.organization(person.organization_id or 0)
        people[person.id] = (
            person.name,
            person.title,
            person.email,
            person.phone,
            org.name,
            org.kind,
            org.industry,
        )
    names = {pid: details[0] for pid, details in people.items()}
    roles = set()
    for role in store.roles():
        team = store.team(role.team_id).name if role.team_id else ""
        champion = leader = None
        if role.champion is not None:
            owner = role.champion.outreach_owner_id
            champion = (
                *role.champion.model_dump(exclude={"outreach_owner_id"}).values(),
                names.get(owner or 0, ""),
            )
        if role.leader is not None:
            leader = tuple(role.leader.model_dump().values())
        roles.add((names[role.person_id], role.role, team, role.start, champion, leader))
    return set(people.values()), roles


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_round_trip_export_then_import_into_a_fresh_file(
    store: Store, tmp_path: Path, fmt: str
) -> None:
    seeded = seed(store)
    out = export_to(
        fmt,
        store.snapshot(seeded.partnership.id),
        tmp_path / f"roster.{fmt}",
        roster=store.path,
        today=TODAY,
    )
    with Store(tmp_path / "fresh.json", clock=lambda: datetime(2027, 1, 1)) as fresh:
        table = read_roster(out)
        plan = build_plan(fresh, table.rows, partnership=seeded.partnership.name, source=out.name)
        assert [r.reason for r in plan.rows if not r.valid] == []
        apply(fresh, plan)
        assert _people_and_roles(fresh) == _people_and_roles(store)
        [copy] = fresh.partnerships()
        assert copy.name == seeded.partnership.name


def test_round_trip_of_hostile_names(store: Store, tmp_path: Path) -> None:
    seeded = seed(store, [*f.HOSTILE_NAMES, "-1 Minus", "+Plus", "@at", 'Bob, Jr; "Q"'])
    out = export_to(
        "csv",
        store.snapshot(seeded.partnership.id),
        tmp_path / "r.csv",
        roster=store.path,
        today=TODAY,
    )
    with Store(tmp_path / "fresh.json") as fresh:
        apply(fresh, build_plan(fresh, read_roster(out).rows, partnership="Copy"))
        assert _people_and_roles(fresh) == _people_and_roles(store)


# --------------------------------------------------------------------------- formulas


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_neutralize_prefixes_formula_starts(start: str) -> None:
    assert neutralize(f"{start}SUM(A1)") == f"'{start}SUM(A1)"


@pytest.mark.parametrize("text", ["", "Ann", "a=b", " =x", "'quoted", "1+1"])
def test_neutralize_leaves_other_text(text: str) -> None:
    assert neutralize(text) == text


def _formula_partnership(store: Store) -> Partnership:
    p = f.partnership(store)
    evil = f.org(store, "@SUM(1+1)*cmd|' /C calc'!A0", industry="-2+3")
    who = f.person(
        store, '=HYPERLINK("http://x","click")', evil, title="+1 555 0100", phone="+1 555 0100"
    )
    f.champion(store, p, who)
    team = store.save_team(ActionTeam(partnership_id=p.id, name="-Ops"))
    store.assign(p.id, who.id, RoleKind.ACTION_TEAM_MEMBER, team_id=team.id)
    return p


def test_csv_cells_that_would_run_are_neutralized(store: Store) -> None:
    p = _formula_partnership(store)
    rows = list(csv.reader(io.StringIO(roster_csv(store.snapshot(p.id)).lstrip("\ufeff"))))
    assert rows[0] == ROSTER_COLUMNS
    cells = [cell for row in rows[1:] for cell in row]
    assert cells, "the roster has rows"
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert '\'=HYPERLINK("http://x","click")' in cells
    assert {"'+1 555 0100", "'@SUM(1+1)*cmd|' /C calc'!A0", "'-2+3", "'-Ops"} <= set(cells)


def test_xlsx_cells_are_text_never_formulas(store: Store) -> None:
    p = _formula_partnership(store)
    data = roster_xlsx(store.snapshot(p.id))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml
    book = load_workbook(io.BytesIO(data))
    sheet = book.active
    assert sheet is not None
    values = [c for row in sheet.iter_rows(min_row=2) for c in row if c.value]
    assert values
    assert all(c.data_type == "s" for c in values)
    texts = {str(c.value) for c in values}
    assert not [t for t in texts if t[:1] in ("=", "+", "-", "@")]
    assert '\'=HYPERLINK("http://x","click")' in texts
    assert "'-Ops" in texts


def test_roster_rows_are_by_stage_then_role(store: Store) -> None:
    seeded = seed(store)
    rows = roster_rows(store.snapshot(seeded.partnership.id))
    stages = [row[0] for row in rows]
    assert stages == sorted(stages, key=["Prepare", "Launch", "Action", "Sustain"].index)
    roles = [row[1] for row in rows]
    runs = [role for i, role in enumerate(roles) if i == 0 or roles[i - 1] != role]
    assert len(runs) == len(set(runs)), "each role's rows are together"
    assert roles.count("Champion") == 2
    ann = next(row for row in rows if row[3] == "Ann Lee")
    assert ann[11:16] == ["committed", "company; community", "Ben Ode", "yes", "yes"]


# --------------------------------------------------------------------------- hostile names


def test_exports_of_a_partnership_full_of_hostile_names_are_valid_files(
    store: Store, tmp_path: Path
) -> None:
    seeded = seed(
        store,
        [*f.HOSTILE_NAMES, 'Bob, Jr; "Q"\\', "x\u200fy"],
        partnership='[b]Bold[/b], =1+1; "q"',
    )
    snapshot = store.snapshot(seeded.partnership.id)
    written = {
        fmt: export_to(
            fmt, snapshot, tmp_path / f"out.{fmt}", roster=store.path, today=TODAY, now=FIXED_NOW
        )
        for fmt in ("csv", "xlsx", "report", "letter", "summary", "ics")
    }
    text = written["csv"].read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert all(len(row) == len(ROSTER_COLUMNS) for row in rows)
    names = {row[3] for row in rows[1:]}
    assert "Bob [/]" in names and '\'=HYPERLINK("x")' in names and "N" * 200 in names

    book = load_workbook(written["xlsx"])
    sheet = book.active
    assert sheet is not None
    assert sheet.max_row == len(rows)
    assert {sheet.cell(r, 4).value for r in range(2, sheet.max_row + 1)} == names

    lines = check_ics(written["ics"].read_bytes().decode("utf-8"))
    assert 'X-WR-CALNAME:[b]Bold[/b]\\, =1+1\\; "q"' in lines

    report = written["report"].read_text(encoding="utf-8")
    assert '# Status report: \\[b\\]Bold\\[/b\\], =1+1; "q"\n' in report
    assert "**Zoë 👩🏽‍🔧 Ng**" in report and "**\\[link=x\\]y**" in report
    letter = written["letter"].read_text(encoding="utf-8")
    assert "**Bob \\[/\\]**  \nTitle Bob \\[/\\]  \nBob \\[/\\] Corp" in letter
    summary = written["summary"].read_text(encoding="utf-8")
    assert summary.startswith("# Launch meeting: \\[b\\]Bold\\[/b\\]")
    for document in (report, letter, summary):  # no raw link or HTML made of user text
        assert "](" not in document and "<" not in document.replace("\\<", "")


# --------------------------------------------------------------------------- files


def test_export_to_refuses_a_folder_or_a_missing_folder(store: Store, tmp_path: Path) -> None:
    p = f.partnership(store)
    tmp_path = tmp_path / "exports"
    tmp_path.mkdir()
    snapshot = store.snapshot(p.id)
    with pytest.raises(ExportError, match="is a folder"):
        export_to("csv", snapshot, tmp_path, roster=store.path, today=TODAY)
    with pytest.raises(ExportError, match="does not exist"):
        export_to("csv", snapshot, tmp_path / "no" / "r.csv", roster=store.path, today=TODAY)
    with pytest.raises(ExportError, match="not an export format"):
        export_to("pdf", snapshot, tmp_path / "r.pdf", roster=store.path, today=TODAY)
    assert list(tmp_path.iterdir()) == []


def test_export_replaces_a_file_atomically_leaving_no_temporary_file(
    store: Store, tmp_path: Path
) -> None:
    p = f.partnership(store)
    out = tmp_path / "exports" / "report.md"
    out.parent.mkdir()
    out.write_text("old")
    export_to("report", store.snapshot(p.id), out, roster=store.path, today=TODAY)
    assert out.read_text().startswith("# Status report")
    assert list(out.parent.iterdir()) == [out]


def test_default_filename() -> None:
    assert default_filename("report", "Advanced Manufacturing, North Valley") == (
        "advanced-manufacturing-north-valley-status.md"
    )
    assert default_filename("ics", "[b]x[/b]") == "b-x-b-calendar.ics"
    assert default_filename("csv", "מרים") == "partnership-roster.csv"
