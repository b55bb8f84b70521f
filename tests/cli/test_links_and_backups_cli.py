"""A roster reached through a link, lock files, and backups: listing and restoring them.

The command runs in this process (:func:`~tests.support.cli.run_cli`), checking the exact
output and the files. A store the test holds refuses it as it refuses another process:
the lock is an ``flock`` on a file each store opens itself.
"""

from __future__ import annotations

import getpass
import os
import socket
from datetime import datetime, timedelta
from pathlib import Path

from nextgen_tui.store.backups import BACKUPS_KEPT, DAILY_BACKUPS_KEPT, backups
from nextgen_tui.store.repository import Store
from tests.support import factories as f
from tests.support.cli import CliResult, run_cli


def _exact(result: CliResult, stdout: str, stderr: str, status: int) -> None:
    assert (result.returncode, result.stdout, result.stderr) == (status, stdout, stderr)


def _sheet(folder: Path) -> Path:
    sheet = folder / "people.csv"
    sheet.write_text("Name,Organization\nAnn Lee,Acme\n", encoding="utf-8")
    return sheet


def _import(sheet: Path, db: Path) -> CliResult:
    return run_cli("import", str(sheet), "--db", str(db), "--partnership", "Health Care")


# ------------------------------------------------------------------ a linked roster


def test_a_roster_through_a_link_is_its_target_and_the_link_stays(tmp_path: Path) -> None:
    (tmp_path / "shared").mkdir()
    real = tmp_path / "shared" / "real.json"
    with Store(real) as store:
        f.partnership(store, "Health Care")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    result = _import(_sheet(tmp_path), link)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == str(real)
    with Store(real, read_only=True) as store:
        assert [p.name for p in store.people()] == ["Ann Lee"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.json", "people.csv", "shared"]
    assert sorted(p.name for p in real.parent.iterdir()) == ["real.json", "real.json.backups"]


def test_a_second_writer_through_a_link_is_refused_while_the_target_is_open(
    tmp_path: Path,
) -> None:
    real = tmp_path / "real.json"
    link = tmp_path / "link.json"
    with Store(real) as store:  # the app holds the real file
        f.partnership(store, "Health Care")
        link.symlink_to(real)
        before = real.read_bytes()
        result = _import(_sheet(tmp_path), link)
        assert result.returncode == 2 and result.stdout == ""
        assert result.stderr.startswith(
            f"nextgen-tui import: real.json is already open for editing (by {getpass.getuser()} "
            f"on {socket.gethostname()}, process {os.getpid()}, since "
        )
        assert real.read_bytes() == before


def test_a_linked_lock_file_is_refused_and_its_target_left_whole(tmp_path: Path) -> None:
    path = tmp_path / "roster.json"
    with Store(path) as store:
        f.partnership(store, "Health Care")
    precious = tmp_path / "precious.txt"
    precious.write_text("do not truncate me")
    (tmp_path / "roster.json.lock").symlink_to(precious)
    before = path.read_bytes()
    _exact(
        _import(_sheet(tmp_path), path),
        "",
        f"nextgen-tui import: The lock file {path}.lock is a link; a lock file must be a "
        "plain file. Nothing was changed; remove the link and try again.\n",
        2,
    )
    assert precious.read_text() == "do not truncate me"
    assert (tmp_path / "roster.json.lock").is_symlink()
    assert path.read_bytes() == before


def test_a_refused_file_leaves_no_lock_behind(tmp_path: Path) -> None:
    path = tmp_path / "roster.json"
    path.write_text("{ not json")
    result = run_cli("--db", str(path))
    assert result.returncode == 2 and "is damaged or is not a roster file" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["roster.json"]
    assert path.read_text() == "{ not json"


# ------------------------------------------------------------------ backups


def _edit_at(path: Path, *moments: datetime) -> None:
    """One session of edits, one person added at each moment."""
    clock = [moments[0]]
    with Store(path, clock=lambda: clock[0]) as store:
        if not store.partnerships():
            f.partnership(store, "Health Care")
        for moment in moments:
            clock[0] = moment
            f.person(store, f"Person {moment:%H%M}")


def test_backups_are_made_every_15_minutes_of_editing(tmp_path: Path) -> None:
    path = tmp_path / "team[1].json"
    start = datetime(2026, 3, 2, 9, 0)
    Store(path).close()
    _edit_at(path, *(start + timedelta(minutes=m) for m in (0, 10, 16, 30, 31, 47)))
    taken = [b.name.removeprefix("team[1]-")[:15] for b in backups(path)]
    assert taken == ["20260302-090000", "20260302-091600", "20260302-093100", "20260302-094700"]


def test_pruning_works_with_glob_characters_in_the_name(tmp_path: Path) -> None:
    path = tmp_path / "team[1].json"
    Store(path).close()
    start = datetime(2026, 1, 1, 9, 0)
    for day in range(DAILY_BACKUPS_KEPT + 5):
        _edit_at(path, start + timedelta(days=day))
    names = [b.name for b in backups(path)]
    assert len(names) == DAILY_BACKUPS_KEPT  # one per day, for the newest 30 days
    assert names[0] == "team[1]-20260106-090000-000000.json"
    assert len(list((tmp_path / "team[1].json.backups").iterdir())) == DAILY_BACKUPS_KEPT
    assert BACKUPS_KEPT < DAILY_BACKUPS_KEPT


def test_a_half_written_backup_is_removed_when_the_file_is_next_opened(tmp_path: Path) -> None:
    path = tmp_path / "team[1].json"
    _edit_at(path, datetime(2026, 1, 1, 9, 0))
    folder = tmp_path / "team[1].json.backups"
    stale = folder / ".team[1]-20260101-100000-000000.json.4242.tmp"
    stale.write_bytes(b"half a backup")
    other = folder / "notes.txt"
    other.write_text("mine")
    Store(path).close()
    assert not stale.exists() and other.read_text() == "mine"


def test_backups_lists_time_size_and_counts(tmp_path: Path) -> None:
    path = tmp_path / "team[1].json"
    _edit_at(path, datetime(2026, 1, 1, 9, 0))
    _edit_at(path, datetime(2026, 1, 2, 9, 0), datetime(2026, 1, 2, 9, 5))
    first, second = backups(path)
    sizes = [f"{b.stat().st_size} B" for b in (first, second)]
    assert all(b.stat().st_size < 1024 for b in (first, second))
    _exact(
        run_cli("backups", "--db", str(path)),
        "Backups of team[1].json in team[1].json.backups/, oldest first:\n"
        f"  2026-01-01 09:00:00  {sizes[0]:>9}  {'0 partnerships, 0 people':<32}  {first.name}\n"
        f"  2026-01-02 09:00:00  {sizes[1]:>9}  {'1 partnership, 1 person':<32}  {second.name}\n"
        "Now: 1 partnership, 3 people.\n"
        f"Restore one with: nextgen-tui restore --db {path} NAME\n",
        "",
        0,
    )


def test_restore_backs_up_the_current_file_and_says_what_changed(tmp_path: Path) -> None:
    path = tmp_path / "team[1].json"
    _edit_at(path, datetime(2026, 1, 1, 9, 0))
    _edit_at(path, datetime(2026, 1, 2, 9, 0), datetime(2026, 1, 2, 9, 5))
    first = backups(path)[1]  # taken before the second day's edits: one person
    wanted, current = first.read_bytes(), path.read_bytes()
    result = run_cli("restore", "--db", str(path), first.name)
    assert result.returncode == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[:3] == [
        f"Restored team[1].json from {first.name} (taken 2026-01-02 09:00:00).",
        "Partnerships: 1 (unchanged)",
        "People: 3 -> 1",
    ]
    saved = backups(path)[-1]
    assert lines[3:] == [f"The file as it was is kept as {saved.name}."]
    assert path.read_bytes() == wanted
    assert saved.read_bytes() == current
    assert sorted(p.name for p in tmp_path.iterdir()) == ["team[1].json", "team[1].json.backups"]


def test_restore_is_refused_while_another_writer_holds_the_file(tmp_path: Path) -> None:
    path = tmp_path / "roster.json"
    _edit_at(path, datetime(2026, 1, 1, 9, 0))
    _edit_at(path, datetime(2026, 1, 2, 9, 0))
    first = backups(path)[0]
    with Store(path):
        before = path.read_bytes()
        count = len(backups(path))
        result = run_cli("restore", "--db", str(path), first.name)
        assert result.returncode == 2 and result.stdout == ""
        assert result.stderr.startswith(
            "nextgen-tui restore: roster.json is already open for editing (by "
        )
        assert path.read_bytes() == before and len(backups(path)) == count


def test_restore_of_a_missing_or_damaged_backup_is_one_plain_line(tmp_path: Path) -> None:
    path = tmp_path / "roster.json"
    _edit_at(path, datetime(2026, 1, 1, 9, 0))
    before = path.read_bytes()
    _exact(
        run_cli("restore", "--db", str(path), "nope.json"),
        "",
        "nextgen-tui restore: there is no backup named nope.json in roster.json.backups/ "
        f"(list them with: nextgen-tui backups --db {path})\n",
        2,
    )
    damaged = tmp_path / "damaged.json"
    damaged.write_text("{")
    result = run_cli("restore", "--db", str(path), str(damaged))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == (
        f"nextgen-tui restore: {damaged} is damaged or is not a roster file (it is not valid "
        "JSON). Nothing was changed; restore it from a backup in damaged.json.backups/.\n"
    )
    assert path.read_bytes() == before
