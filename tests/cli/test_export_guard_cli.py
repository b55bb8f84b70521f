"""``nextgen-tui export`` never writes onto the roster's own files, however they are spelled.

Each case runs the command in this process (:func:`~tests.support.cli.run_cli`, in the
roster's folder, as a user would type it there) and checks the exact one-line refusal,
exit status 2, and that every byte of the roster and its files is unchanged.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from nextgen_tui.store.backups import backups
from nextgen_tui.store.repository import Store
from tests.support import factories as f
from tests.support.cli import CliResult, run_cli


def run_in(folder: Path, *args: str) -> CliResult:
    return run_cli(*args, cwd=folder)


def _seed(folder: Path) -> Path:
    """A roster with a partnership, edited twice (so it has a backup)."""
    path = folder / "roster.json"
    with Store(path) as store:
        f.partnership(store, "Health Care")
    with Store(path) as store:
        f.person(store, "Ann Lee")
    return path


def _files(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (links as where they point) and its bytes."""
    found: dict[str, bytes] = {}
    for root, _dirs, names in os.walk(folder):
        for name in names:
            full = Path(root) / name
            key = str(full.relative_to(folder))
            found[key] = os.readlink(full).encode() if full.is_symlink() else full.read_bytes()
    return found


def _export(folder: Path, db: str, out: str) -> CliResult:
    return run_in(
        folder,
        "export",
        "--db",
        db,
        "--partnership",
        "Health Care",
        "--format",
        "csv",
        "--out",
        out,
    )


def _refused(result: CliResult, out: str, what: str) -> None:
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"nextgen-tui export: {Path(out)} {what} (roster.json); writing there would destroy it. "
        "Nothing was written; choose another file name.\n"
    )


@pytest.mark.parametrize(
    ("db", "out"),
    [
        ("roster.json", "roster.json"),
        ("roster.json", "./roster.json"),
        ("roster.json", "sub/../roster.json"),
        ("./sub/../roster.json", "roster.json"),
        ("roster.json", "{tmp}/roster.json"),
        ("{tmp}/roster.json", "roster.json"),
    ],
)
def test_an_export_onto_the_roster_is_refused_however_spelled(
    tmp_path: Path, db: str, out: str
) -> None:
    _seed(tmp_path)
    (tmp_path / "sub").mkdir()
    db, out = db.format(tmp=tmp_path), out.format(tmp=tmp_path)
    before = _files(tmp_path)
    _refused(_export(tmp_path, db, out), out, "is the roster file itself")
    assert _files(tmp_path) == before


def test_an_export_through_a_link_or_a_hard_link_to_the_roster_is_refused(tmp_path: Path) -> None:
    _seed(tmp_path)
    (tmp_path / "link.csv").symlink_to("roster.json")
    os.link(tmp_path / "roster.json", tmp_path / "hard.csv")
    (tmp_path / "linked-folder").symlink_to(tmp_path)
    before = _files(tmp_path)
    for out in ("link.csv", "hard.csv", "linked-folder/roster.json"):
        _refused(_export(tmp_path, "roster.json", out), out, "is the roster file itself")
    assert _files(tmp_path) == before


def test_an_export_onto_a_backup_the_lock_or_a_temp_file_is_refused(tmp_path: Path) -> None:
    path = _seed(tmp_path)
    backup = backups(path)[0]
    (tmp_path / ".roster.json.4242.tmp").write_text("a save in progress")
    with Store(path):  # the app holds the file: its lock exists
        before = _files(tmp_path)
        cases = [
            (f"roster.json.backups/{backup.name}", "is in the roster's backups folder"),
            ("roster.json.backups/new.csv", "is in the roster's backups folder"),
            ("roster.json.lock", "is the roster's lock file"),
            (".roster.json.4242.tmp", "is a temporary file of the roster's saves"),
        ]
        for out, what in cases:
            _refused(_export(tmp_path, "roster.json", out), out, what)
        assert _files(tmp_path) == before


def test_an_export_onto_another_file_still_works(tmp_path: Path) -> None:
    path = _seed(tmp_path)
    before = path.read_bytes()
    result = _export(tmp_path, "roster.json", "health.csv")
    assert (result.returncode, result.stdout, result.stderr) == (0, "Wrote health.csv\n", "")
    assert (tmp_path / "health.csv").read_text(encoding="utf-8-sig").startswith("Stage,")
    assert path.read_bytes() == before
