"""``nextgen-tui import`` and ``nextgen-tui export``: output, exit status and the files.

The command runs in this process (:func:`~tests.support.cli.run_cli`), with the same
arguments, working folder and standard streams as the installed command would have.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from nextgen_tui.models import ChampionStatus, LaunchMeeting, RoleKind
from nextgen_tui.store.repository import Store
from tests.support import factories as f
from tests.support.cli import assert_one_plain_line, run_cli

ROSTER = (
    "Full Name,Company,E-mail,Roles,Champion status\n"
    "Ann Lee,Acme,ann@acme.com,champion,committed\n"
    "Ben Ode,Valley College,,core_team,\n"
    "No Org,,x@y.org,core_team,\n"
)


def _roster(folder: Path, text: str = ROSTER) -> Path:
    path = folder / "roster.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_import_creates_the_partnership_and_reports_each_row(tmp_path: Path) -> None:
    db = tmp_path / "data.json"
    result = run_cli(
        "import",
        str(_roster(tmp_path)),
        "--db",
        str(db),
        "--partnership",
        "Health Care, East",
        "--industry",
        "Health care",
        "--region",
        "East",
    )
    assert result.returncode == 0, result.stderr
    assert "row 4: not imported: The Organization is empty" in result.stdout
    assert "3 rows: 2 new people, 0 matches" in result.stdout
    assert "The partnership Health Care, East will be created." in result.stdout
    assert "Imported: 2 people added" in result.stdout
    # a blank kind is guessed from the name and said; what the name does not say is unknown
    assert "row 3: Valley College will be added as Community college (guessed" in result.stdout
    assert "row 2: Acme will be added as Unknown (not said yet) (guessed" in result.stdout
    assert "row 2: The kind of Acme is unknown" in result.stdout
    with Store(db, read_only=True) as store:
        p = store.partnership_by_name("Health Care, East")
        assert p is not None and (p.industry, p.region) == ("Health care", "East")
        roles = {store.person(r.person_id).name: r for r in store.roles(partnership_id=p.id)}
        assert roles["Ben Ode"].role is RoleKind.CORE_TEAM
        champion = roles["Ann Lee"].champion
        assert champion is not None and champion.status is ChampionStatus.COMMITTED


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "data.json"
    with Store(db) as store:
        f.person(store, "Ann Lee", f.org(store, "Acme"), email="ann@acme.com")
    roster = _roster(tmp_path)
    before = db.read_bytes()
    names_before = sorted(p.name for p in tmp_path.iterdir())
    result = run_cli("import", str(roster), "--db", str(db), "--partnership", "X", "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "1 new person, 1 match with people already in the directory" in result.stdout
    assert "Dry run: nothing was written." in result.stdout
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == names_before


def test_dry_run_into_a_missing_file_does_not_create_it(tmp_path: Path) -> None:
    db = tmp_path / "new.json"
    result = run_cli(
        "import", str(_roster(tmp_path)), "--db", str(db), "--partnership", "X", "--dry-run"
    )
    assert result.returncode == 0, result.stderr
    assert "2 new people" in result.stdout
    assert not db.exists()


def test_on_match_update(tmp_path: Path) -> None:
    db = tmp_path / "data.json"
    with Store(db) as store:
        f.person(store, "Ann Lee", f.org(store, "Acme"), email="ANN@acme.com", title="Old")
    roster = _roster(tmp_path, "Name,Company,Email,Title\nAnnie Lee,Acme,ann@acme.com,CEO\n")
    result = run_cli(
        "import", str(roster), "--db", str(db), "--partnership", "X", "--on-match", "update"
    )
    assert result.returncode == 0, result.stderr
    with Store(db, read_only=True) as store:
        [person] = store.people()
        assert (person.name, person.title) == ("Annie Lee", "CEO")


def test_import_of_a_file_that_is_not_a_roster_is_one_plain_line(tmp_path: Path) -> None:
    db = tmp_path / "data.json"
    with Store(db) as store:
        f.partnership(store)
    before = db.read_bytes()
    letter = tmp_path / "letter.txt"
    letter.write_text("Dear all,\nsee you Monday.\n")
    result = run_cli("import", str(letter), "--db", str(db), "--partnership", "X")
    assert_one_plain_line(result, "nextgen-tui import:", "letter.txt is not a roster")
    assert db.read_bytes() == before


def test_import_needs_a_db_and_a_writable_file(tmp_path: Path) -> None:
    roster = _roster(tmp_path)
    assert_one_plain_line(run_cli("import", str(roster), "--partnership", "X"), "--db PATH")
    db = tmp_path / "data.json"
    with Store(db):  # another process (the app) has the file open
        before = db.read_bytes()
        result = run_cli("import", str(roster), "--db", str(db), "--partnership", "X")
        assert_one_plain_line(result, "nextgen-tui import:")
    assert db.read_bytes() == before


def test_export_every_format(tmp_path: Path) -> None:
    db = tmp_path / "data.json"
    with Store(db) as store:
        p = f.partnership(store)
        f.champion(store, p, f.person(store, "=cmd|' /C calc'!A0", f.org(store, "Acme")))
        store.assign(p.id, f.person(store, "Ben").id, RoleKind.CORE_TEAM)
        store.save_launch(LaunchMeeting(partnership_id=p.id, on=store.today(), place="Hall"))
    outputs = {
        "csv": "roster.csv",
        "xlsx": "roster.xlsx",
        "report": "status.md",
        "letter": "letter.md",
        "summary": "summary.md",
        "ics": "launch.ics",
    }
    with Store(db):  # exports open the file read-only: they work while the app is open
        for fmt, name in outputs.items():
            result = run_cli(
                "export",
                "--db",
                str(db),
                "--partnership",
                p.name,
                "--format",
                fmt,
                "--out",
                str(tmp_path / name),
            )
            assert result.returncode == 0, result.stderr
            assert result.stdout == f"Wrote {tmp_path / name}\n"
    rows = list(csv.reader(io.StringIO((tmp_path / "roster.csv").read_text("utf-8-sig"))))
    assert "'=cmd|' /C calc'!A0" in [row[3] for row in rows]
    assert (tmp_path / "roster.xlsx").read_bytes().startswith(b"PK")
    assert (tmp_path / "status.md").read_text().startswith("# Status report")
    assert "**What.**" in (tmp_path / "letter.md").read_text()
    assert (tmp_path / "summary.md").read_text().startswith("# Launch meeting")
    assert (tmp_path / "launch.ics").read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")


def test_export_errors_are_one_plain_line(tmp_path: Path) -> None:
    db = tmp_path / "data.json"
    with Store(db) as store:
        f.partnership(store, name="Health Care, East")
    out = str(tmp_path / "r.csv")
    line = assert_one_plain_line(
        run_cli(
            "export", "--db", str(db), "--partnership", "Nope", "--format", "csv", "--out", out
        ),
        "no partnership named 'Nope'",
    )
    assert "Health Care, East" in line
    assert_one_plain_line(
        run_cli(
            "export",
            "--db",
            str(db),
            "--partnership",
            "Health Care, East",
            "--format",
            "ics",
            "--out",
            out,
        ),
        "nothing to put in a calendar",
    )
    assert_one_plain_line(
        run_cli(
            "export",
            "--db",
            str(db),
            "--partnership",
            "Health Care, East",
            "--format",
            "csv",
            "--out",
            str(tmp_path / "missing" / "r.csv"),
        ),
        "does not exist",
    )
    assert_one_plain_line(
        run_cli(
            "export",
            "--db",
            str(tmp_path / "none.json"),
            "--partnership",
            "X",
            "--format",
            "csv",
            "--out",
            out,
        ),
        "nextgen-tui export:",
    )
    assert not (tmp_path / "r.csv").exists()


def test_round_trip_through_the_command_line(tmp_path: Path) -> None:
    db, fresh = tmp_path / "data.json", tmp_path / "fresh.json"
    with Store(db) as store:
        p = f.partnership(store)
        acme = f.org(store, "Acme")
        owner = f.person(store, "Olga Owens", acme, email="olga@acme.com")
        store.assign(p.id, owner.id, RoleKind.CORE_TEAM)
        f.champion(
            store,
            p,
            f.person(store, "Zoë Ng", acme, title="CEO"),
            outreach_owner_id=owner.id,
            signed_invite=True,
            passionate_company=True,
        )
    out = tmp_path / "roster.xlsx"
    assert (
        run_cli(
            "export",
            "--db",
            str(db),
            "--partnership",
            p.name,
            "--format",
            "xlsx",
            "--out",
            str(out),
        ).returncode
        == 0
    )
    result = run_cli("import", str(out), "--db", str(fresh), "--partnership", p.name)
    assert result.returncode == 0, result.stderr
    with Store(fresh, read_only=True) as copy:
        people = {person.name: person for person in copy.people()}
        assert people["Zoë Ng"].title == "CEO"
        assert people["Olga Owens"].email == "olga@acme.com"
        roles = {(copy.person(r.person_id).name, r.role): r for r in copy.roles()}
        assert set(roles) == {("Olga Owens", RoleKind.CORE_TEAM), ("Zoë Ng", RoleKind.CHAMPION)}
        champion = roles[("Zoë Ng", RoleKind.CHAMPION)].champion
        assert champion is not None
        assert champion.outreach_owner_id == people["Olga Owens"].id
        assert champion.signed_invite and champion.passionate_company
