"""Roster import: reading files as people have them, columns, and rows that are invalid.

Matching and applying the plan are in ``test_import_matching.py``; the command line in
``test_io_cli.py``, the wizard in ``test_import_wizard.py``.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from nextgen_tui.errors import ImportFileError
from nextgen_tui.models import ChampionStatus, InvitationStatus, OrgKind, RoleKind
from nextgen_tui.store.repository import Store
from nextgen_tui.transfer.plan import Outcome
from nextgen_tui.transfer.spreadsheet import field_for_header, load_table, read_roster
from tests.support import factories as f
from tests.support.importing import PARTNERSHIP, plan_import, roles_of, run_import


def _file(folder: Path, text: str, name: str = "roster.csv", encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def _xlsx(folder: Path, rows: list[list[Any]], name: str = "roster.xlsx") -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    path = folder / name
    book.save(path)
    return path


# --------------------------------------------------------------------------- columns


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Name", "name"),
        ("Full Name", "name"),
        ("FULL_NAME", "name"),
        ("Company", "organization"),
        ("Organisation", "organization"),
        ("organization", "organization"),
        ("E-mail", "email"),
        ("e_mail", "email"),
        ("EMAIL ", "email"),
        ("org_kind", "org_kind"),
        ("Org Kind", "org_kind"),
        ("org-kind", "org_kind"),
        ("Industry", "industry"),
        ("Title", "title"),
        ("Phone", "phone"),
        ("Roles", "roles"),
        ("Champion Status", "champion_status"),
        ("champion-criteria", "champion_criteria"),
        ("Outreach_Owner", "outreach_owner"),
        ("signed invite", "signed_invite"),
        ("HOSTS-LAUNCH", "hosts_launch"),
        ("Invite Status", "invite_status"),
        ("Favourite colour", None),
    ],
)
def test_headers_match_ignoring_case_spaces_dashes_underscores(
    header: str, field: str | None
) -> None:
    assert field_for_header(header) == field


def test_every_column_of_the_table_is_imported(store: Store, tmp_path: Path) -> None:
    roster = _file(
        tmp_path,
        "name,organization,org_kind,industry,title,email,phone,roles,champion_status,"
        "champion_criteria,outreach_owner,signed_invite,hosts_launch,invite_status\n"
        "Ann Lee,Acme Tools,company,Machining,CEO,ann@acme.com,555-0100,champion,committed,"
        "company;industry;community,Dee Dean,yes,yes,\n"
        "Dee Dean,North Valley College,community_college,,Dean,dee@nvc.edu,,"
        "core_team;convening_team,,,,,,\n"
        "Ben Ode,Ode Metal,,,COO,,,industry_leader,,,,,,accepted\n"
        "Cy Fair,Fairworks,company,,,,,industry_leader,,,,,,attended\n",
    )
    result = run_import(store, roster, industry="Manufacturing", region="North Valley")
    assert (result.people_created, result.roles_added, result.partnership_created) == (4, 5, True)

    partnership = store.partnership_by_name(PARTNERSHIP)
    assert partnership is not None
    assert (partnership.industry, partnership.region) == ("Manufacturing", "North Valley")
    people = {p.name: p for p in store.people()}
    ann = people["Ann Lee"]
    assert (ann.title, ann.email, ann.phone) == ("CEO", "ann@acme.com", "555-0100")
    acme = store.organization(ann.organization_id or 0)
    assert (acme.name, acme.kind, acme.industry) == ("Acme Tools", OrgKind.COMPANY, "Machining")
    college = store.organization(people["Dee Dean"].organization_id or 0)
    assert college.kind is OrgKind.COMMUNITY_COLLEGE
    # a blank kind is never silently a company: "Ode Metal" says nothing, so unknown
    assert store.organization(people["Ben Ode"].organization_id or 0).kind is OrgKind.UNKNOWN

    champion = roles_of(store, "Ann Lee")[RoleKind.CHAMPION].champion
    assert champion is not None
    assert champion.status is ChampionStatus.COMMITTED
    assert champion.passionate_company and champion.passionate_industry
    assert champion.passionate_community
    assert champion.outreach_owner_id == people["Dee Dean"].id  # resolved within the file
    assert champion.signed_invite and champion.hosts_launch
    assert set(roles_of(store, "Dee Dean")) == {RoleKind.CORE_TEAM, RoleKind.CONVENING_TEAM}
    ben = roles_of(store, "Ben Ode")[RoleKind.INDUSTRY_LEADER].leader
    cy = roles_of(store, "Cy Fair")[RoleKind.INDUSTRY_LEADER].leader
    assert ben is not None and cy is not None
    assert (ben.invitation, ben.attended) == (InvitationStatus.ACCEPTED, False)
    assert (cy.invitation, cy.attended) == (InvitationStatus.ACCEPTED, True)
    assert {r.partnership_id for r in store.roles()} == {partnership.id}
    assert {r.start for r in store.roles()} == {store.today()}


def test_outreach_owner_can_be_someone_already_in_the_directory(
    store: Store, tmp_path: Path
) -> None:
    owner = f.person(store, "Olga Owens", f.org(store, "Workforce Board", OrgKind.WORKFORCE_BOARD))
    roster = _file(tmp_path, "Name,Company,Outreach owner\nAnn,Acme,olga owens\n")
    run_import(store, roster)
    champion = roles_of(store, "Ann")[RoleKind.CHAMPION].champion
    assert champion is not None and champion.outreach_owner_id == owner.id


def test_unknown_outreach_owner_is_a_warning_not_an_error(store: Store, tmp_path: Path) -> None:
    plan = plan_import(
        store, _file(tmp_path, "Name,Company,Outreach owner\nAnn,Acme,Nobody Known\n")
    )
    row = plan.rows[0]
    assert row.outcome is Outcome.NEW
    assert any("Nobody Known" in w for w in row.warnings)


def test_start_dates_and_action_teams(store: Store, tmp_path: Path) -> None:
    roster = _file(
        tmp_path,
        "Name,Company,Roles,Action team,Start\n"
        "Ann,Acme,action_team_lead,Talent pipeline,2026-02-01\n"
        "Ben,Ode,action_team_member,talent PIPELINE,3/15/2026\n",
    )
    run_import(store, roster)
    teams = store.teams(store.partnerships()[0].id)
    assert [t.name for t in teams] == ["Talent pipeline"]  # one team, matched ignoring case
    ann = roles_of(store, "Ann")[RoleKind.ACTION_TEAM_LEAD]
    ben = roles_of(store, "Ben")[RoleKind.ACTION_TEAM_MEMBER]
    assert ann.team_id == ben.team_id == teams[0].id
    assert (ann.start, ben.start) == (date(2026, 2, 1), date(2026, 3, 15))


# --------------------------------------------------------------- files as people have them


def test_utf8_with_a_byte_order_mark(store: Store, tmp_path: Path) -> None:
    roster = _file(tmp_path, "\ufeffFull Name,Company\nJosé Núñez,Café Ltd\n")
    table = read_roster(roster)
    assert table.mapping["name"] == 0  # the BOM is not part of the first header
    assert table.rows[0].values == {"name": "José Núñez", "organization": "Café Ltd"}


def test_utf8_without_a_byte_order_mark(tmp_path: Path) -> None:
    roster = _file(tmp_path, "Name,Organisation\nZoë Ng,Société Générale\n")
    assert read_roster(roster).rows[0].values == {
        "name": "Zoë Ng",
        "organization": "Société Générale",
    }


def test_windows_1252(tmp_path: Path) -> None:
    roster = _file(
        tmp_path, "Name,Company,Title\nJosé Müller,Café “Ltd”,Président\n", encoding="cp1252"
    )
    assert read_roster(roster).rows[0].values == {
        "name": "José Müller",
        "organization": "Café “Ltd”",
        "title": "Président",
    }


def test_semicolon_delimited_csv_from_european_excel(tmp_path: Path) -> None:
    roster = _file(
        tmp_path,
        "Name;Organisation;Roles;Start\r\nJean Dupont;Acme, SA;core_team, champion;1.3.2026\r\n",
        encoding="cp1252",
    )
    row = read_roster(roster).rows[0]
    assert row.values["organization"] == "Acme, SA"
    assert row.values["roles"] == "core_team, champion"


def test_tab_delimited_utf16_unicode_text_from_excel(tmp_path: Path) -> None:
    path = tmp_path / "roster.txt"
    path.write_bytes("Name\tCompany\r\nZoë Ng\tAcme, Inc.\r\n".encode("utf-16"))
    assert read_roster(path).rows[0].values == {"name": "Zoë Ng", "organization": "Acme, Inc."}


def test_blank_lines_and_trailing_spaces(store: Store, tmp_path: Path) -> None:
    roster = _file(
        tmp_path,
        "\n Name , Company  ,E-mail \n\nAnn Lee  ,  Acme ,ann@acme.com   \n\n,,\n"
        "  Ben  Ode ,Ode,\n\n\n",
    )
    table = read_roster(roster)
    assert [(r.number, r.values) for r in table.rows] == [
        (4, {"name": "Ann Lee", "organization": "Acme", "email": "ann@acme.com"}),
        (7, {"name": "Ben Ode", "organization": "Ode"}),  # inner runs of spaces too
    ]
    plan = plan_import(store, roster)
    assert [(r.outcome, r.name) for r in plan.rows] == [
        (Outcome.NEW, "Ann Lee"),
        (Outcome.NEW, "Ben Ode"),
    ]


def test_excel_dates_in_csv(store: Store, tmp_path: Path) -> None:
    roster = _file(
        tmp_path,
        "Name,Company,Roles,Start\n"
        "A,X,core_team,2026-03-01 00:00:00\nB,X,core_team,3/1/2026\n"
        "C,X,core_team,01.03.2026\nD,X,core_team,46082\n",
    )
    run_import(store, roster)
    assert {r.start for r in store.roles()} == {date(2026, 3, 1)}


def test_xlsx_with_date_cells_numbers_and_a_title_row(store: Store, tmp_path: Path) -> None:
    roster = _xlsx(
        tmp_path,
        [
            ["North Valley roster, June 2026"],
            [],
            ["Full Name", "Organisation", "Phone", "Roles", "Start", "Signed invite"],
            ["Ann Lee", "Acme", 5550100, "champion", datetime(2026, 3, 1), True],
            [None, None, None, None, None, None],
            ["Ben Ode ", " Ode Metal", None, "industry leader", date(2026, 4, 2), None],
        ],
    )
    table = read_roster(roster)
    assert [r.number for r in table.rows] == [4, 6]
    assert table.rows[0].values["phone"] == "5550100"
    assert table.rows[0].values["start"] == "2026-03-01"
    run_import(store, roster)
    ann = roles_of(store, "Ann Lee")[RoleKind.CHAMPION]
    assert ann.start == date(2026, 3, 1)
    assert ann.champion is not None and ann.champion.signed_invite
    assert roles_of(store, "Ben Ode")[RoleKind.INDUSTRY_LEADER].start == date(2026, 4, 2)


def test_xlsx_picks_the_sheet_that_holds_the_roster(tmp_path: Path) -> None:
    book = Workbook()
    notes = book.active
    assert notes is not None
    notes.title = "Notes"
    notes.append(["Remember to call everyone"])
    roster = book.create_sheet("People")
    roster.append(["Name", "Company"])
    roster.append(["Ann", "Acme"])
    path = tmp_path / "two-sheets.xlsx"
    book.save(path)
    assert read_roster(path).rows[0].values == {"name": "Ann", "organization": "Acme"}


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.csv", b"", "is empty"),
        ("blank.csv", b"\n\n  \n", "is empty"),
        ("picture.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("letter.txt", b"Dear all,\nthe meeting is on Monday.\n", "is not a roster"),
        ("data.json", b'{"_meta": {"1": {"format": "x"}}, "people": {}}', "is not a roster"),
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "old-style Excel"),
        ("broken.xlsx", b"PK\x03\x04 not really a zip", "not a readable Excel workbook"),
        ("phones.csv", b"Title,Phone\nCEO,555\n", "has no Name or Organization column"),
        ("names.csv", b"Name,Phone\nAnn,555\n", "has no Organization column"),
    ],
)
def test_a_file_that_is_not_a_roster_gets_one_clear_message(
    tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFileError) as caught:
        read_roster(path)
    message = caught.value.message
    assert expected in message
    assert "\n" not in message and "Traceback" not in message


def test_missing_file_and_folder_messages(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="There is no file at"):
        load_table(tmp_path / "nope.csv")
    with pytest.raises(ImportFileError, match="is a folder"):
        load_table(tmp_path)


# --------------------------------------------------------------------------- invalid rows


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        (",Acme,,,,", "Name is empty"),
        ("Ann,,,,,", "Organization is empty"),
        ("Ann,Acme,not-an-email,,,", "Email"),
        ("Ann,Acme,,wizard,,", "Role 'wizard' is not known"),
        ("Ann,Acme,,champion,maybe,", "Champion status 'maybe' is not known"),
        ("Ann,Acme,,,,spaceship", "Organization kind 'spaceship' is not known"),
        ("Ann,Acme,,action_team_member,,", "needs the team's name"),
    ],
)
def test_invalid_rows_say_why_with_their_row_number(
    store: Store, tmp_path: Path, row: str, reason: str
) -> None:
    roster = _file(
        tmp_path, f"Name,Company,Email,Roles,Champion status,Org kind\nOk,Acme,,,,\n\n{row}\n"
    )
    plan = plan_import(store, roster)
    assert plan.rows[0].outcome is Outcome.NEW
    bad = plan.rows[1]
    assert (bad.number, bad.outcome) == (4, Outcome.INVALID)
    assert reason in bad.reason
    assert "invalid row" in plan.summary()


@pytest.mark.parametrize(
    ("header", "value", "reason"),
    [
        ("Champion criteria", "money", "Champion criteria 'money' are not known"),
        ("Signed invite", "perhaps", "Signed invite must be yes or no"),
        ("Hosts launch", "later", "Hosts launch must be yes or no"),
        ("Invite status", "ghosted", "Invite status 'ghosted' is not known"),
        ("Start", "next spring", "Start date 'next spring' is not a date"),
    ],
)
def test_invalid_champion_leader_and_date_cells(
    store: Store, tmp_path: Path, header: str, value: str, reason: str
) -> None:
    plan = plan_import(store, _file(tmp_path, f"Name,Company,{header}\nAnn,Acme,{value}\n"))
    assert plan.rows[0].outcome is Outcome.INVALID
    assert reason in plan.rows[0].reason


def test_invalid_rows_are_skipped_the_rest_is_imported(store: Store, tmp_path: Path) -> None:
    roster = _file(tmp_path, "Name,Company,Roles\nAnn,Acme,core_team\nBen,,core_team\n")
    result = run_import(store, roster)
    assert result.people_created == 1 and result.skipped_rows == [3]
    assert "Skipped 1 row that could not be imported (row 3)" in result.summary()
    assert [p.name for p in store.people()] == ["Ann"]
