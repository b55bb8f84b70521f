"""The store protects the file: lock, refused files, external changes, permissions, backups."""

from __future__ import annotations

import errno
import json
import os
import stat
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path

import pytest

from nextgen_tui.errors import (
    FileChangedError,
    LockedError,
    ReadOnlyError,
    StoreError,
    UnreadableFileError,
    WriteFailedError,
)
from nextgen_tui.models import Person
from nextgen_tui.store import schema as store_module
from nextgen_tui.store.backups import BACKUPS_KEPT, backups
from nextgen_tui.store.repository import Store
from nextgen_tui.store.siblings import backup_folder
from tests.conftest import FIXED_NOW
from tests.support.factories import person


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _meta(version: int = 1) -> dict[str, object]:
    return {
        "format": "sector-partnership-roster",
        "schema_version": version,
        "created": "2026-01-01T00:00:00",
    }


# ------------------------------------------------------------------ lock


def test_a_second_writer_is_refused_with_a_message_naming_the_holder(
    store: Store, db_path: Path
) -> None:
    with pytest.raises(LockedError) as info:
        Store(db_path)
    message = info.value.message
    assert message.startswith("roster.json is already open for editing (by ")
    assert f"process {os.getpid()}" in message
    assert "read-only" in message
    assert "Traceback" not in message and "\n" not in message


def test_the_lock_is_released_on_close(store: Store, db_path: Path) -> None:
    store.close()
    again = Store(db_path)
    person(again, "Ann")
    again.close()


def test_read_only_open_works_while_locked_and_refuses_changes(store: Store, db_path: Path) -> None:
    ann = person(store, "Ann")
    reader = Store(db_path, read_only=True)
    assert reader.people() == [ann]
    before = db_path.read_bytes()
    with pytest.raises(ReadOnlyError, match="read-only"):
        reader.save_person(Person(name="Bob"))
    assert db_path.read_bytes() == before
    assert reader.people() == [ann]
    reader.close()


def test_read_only_open_of_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFileError, match="There is no roster file"):
        Store(tmp_path / "missing.json", read_only=True)
    assert list(tmp_path.iterdir()) == []


def test_create_false_refuses_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFileError):
        Store(tmp_path / "missing.json", create=False)


def test_a_missing_folder_is_a_plain_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "nowhere" / "roster.json")


# ------------------------------------------------------------------ refused files

REFUSED: dict[str, tuple[bytes, str]] = {
    "zero bytes": (b"", "is empty"),
    "only whitespace": (b"  \n\t\n", "is empty"),
    "garbage": (b"\x00\x01PK\x03\x04 not json", "not valid JSON"),
    "truncated": (
        b'{"_meta": {"1": {"format": "sector-partnership-roster", "sch',
        "not valid JSON",
    ),
    "latin-1": ('{"name": "Zo\u00eb"}'.encode("latin-1"), "not valid JSON"),
    "a list": (b"[1, 2, 3]", "JSON of another shape"),
    "a string": (b'"hello"', "JSON of another shape"),
    "empty object": (b"{}", "not a roster file of this app"),
    "another TinyDB file": (
        b'{"_default": {"1": {"task": "milk"}}}',
        "not a roster file of this app",
    ),
    "another format": (
        json.dumps({"_meta": {"1": {"format": "todo-list", "schema_version": 1}}}).encode(),
        "not a roster file of this app",
    ),
    "newer version": (
        json.dumps({"_meta": {"1": _meta(99)}, "people": {}}).encode(),
        "saved by a newer version of this app (data version 99; this app reads up to 1)",
    ),
    "no version": (
        json.dumps({"_meta": {"1": {"format": "sector-partnership-roster"}}}).encode(),
        "no valid schema version",
    ),
    "unknown table": (
        json.dumps({"_meta": {"1": _meta()}, "spaceships": {}}).encode(),
        "tables this app does not know (spaceships)",
    ),
    "table of another shape": (
        json.dumps({"_meta": {"1": _meta()}, "people": [1, 2]}).encode(),
        "its people are not a table",
    ),
    "invalid record": (
        json.dumps({"_meta": {"1": _meta()}, "people": {"1": {"name": "  "}}}).encode(),
        "record 1 of people is not valid. Name is required.",
    ),
    "bad record id": (
        json.dumps({"_meta": {"1": _meta()}, "people": {"one": {"name": "Ann"}}}).encode(),
        "record one of people is not valid",
    ),
}


@pytest.mark.parametrize("read_only", [False, True], ids=["write", "read-only"])
@pytest.mark.parametrize("case", list(REFUSED))
def test_a_bad_file_is_refused_clearly_and_left_byte_for_byte(
    tmp_path: Path, case: str, read_only: bool
) -> None:
    content, expected = REFUSED[case]
    path = tmp_path / "roster.json"
    path.write_bytes(content)
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    before = path.stat()
    with pytest.raises(UnreadableFileError) as info:
        Store(path, read_only=read_only, clock=lambda: FIXED_NOW)
    assert expected in info.value.message
    assert "Nothing was changed" in info.value.message or "empty" in info.value.message
    assert "\n" not in info.value.message
    assert path.read_bytes() == content
    after = path.stat()
    assert (after.st_mtime_ns, after.st_ino) == (before.st_mtime_ns, before.st_ino)
    assert not backup_folder(path).exists()
    # the refusal released the lock: fixing the file makes it usable
    path.write_bytes(json.dumps({"_meta": {"1": _meta()}}).encode())
    Store(path).close()


def test_a_migration_runs_on_an_older_file_after_a_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "roster.json"
    original = json.dumps({"_meta": {"1": _meta(1)}, "people": {"1": {"name": "ann lee"}}})
    path.write_text(original, encoding="utf-8")

    def title_case_names(data: dict[str, dict[str, dict[str, object]]]) -> None:
        for doc in data.get("people", {}).values():
            doc["name"] = str(doc["name"]).title()

    monkeypatch.setattr(store_module, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(store_module, "MIGRATIONS", {1: title_case_names})
    with pytest.raises(UnreadableFileError, match="must be upgraded"):
        Store(path, read_only=True)
    assert path.read_text(encoding="utf-8") == original
    migrated = Store(path, clock=lambda: FIXED_NOW)
    assert [p.name for p in migrated.people()] == ["Ann Lee"]
    migrated.close()
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["_meta"]["1"]["schema_version"] == 2
    [backup] = backups(path)
    assert backup.read_text(encoding="utf-8") == original


# ------------------------------------------------------------------ external changes


def _edit_externally(path: Path, name: str) -> bytes:
    data = json.loads(path.read_text(encoding="utf-8"))
    data["people"]["99"] = {"name": name}
    content = json.dumps(data).encode()
    path.write_bytes(content)  # in place, as an editor on a shared drive might
    return content


def test_an_external_change_is_detected_and_never_overwritten(store: Store, db_path: Path) -> None:
    ann = person(store, "Ann")
    theirs = _edit_externally(db_path, "Written elsewhere")
    with pytest.raises(FileChangedError, match="changed by another program") as info:
        store.save_person(ann.updated(title="Director"))
    assert "\n" not in info.value.message
    assert db_path.read_bytes() == theirs
    assert store.person(ann.id).title == ""  # the refused change is not kept in memory
    assert store.undo_label == "Add person Ann"
    # after a reload both their change and a new one are kept
    store.reload()
    assert {p.name for p in store.people()} == {"Ann", "Written elsewhere"}
    store.save_person(store.person(ann.id).updated(title="Director"))
    again = Store(db_path, read_only=True)
    assert {(p.name, p.title) for p in again.people()} == {
        ("Ann", "Director"),
        ("Written elsewhere", ""),
    }
    again.close()


def test_an_external_change_that_restores_size_and_mtime_is_still_detected(
    store: Store, db_path: Path
) -> None:
    ann = person(store, "Ann")
    before = db_path.stat()
    content = db_path.read_bytes().replace(b'"Ann"', b'"Bob"')
    db_path.write_bytes(content)
    os.utime(db_path, ns=(before.st_atime_ns, before.st_mtime_ns))
    with pytest.raises(FileChangedError):
        store.save_person(ann.updated(title="Director"))
    assert db_path.read_bytes() == content


def test_an_external_replace_or_delete_is_detected(store: Store, db_path: Path) -> None:
    ann = person(store, "Ann")
    replacement = db_path.with_name("other.json")
    replacement.write_bytes(db_path.read_bytes())
    os.replace(replacement, db_path)
    with pytest.raises(FileChangedError):
        store.save_person(ann.updated(title="X"))
    db_path.unlink()
    with pytest.raises(FileChangedError):
        store.save_person(ann.updated(title="Y"))
    assert not db_path.exists()


def test_a_failed_write_is_reported_plainly_and_rolled_back(
    store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ann = person(store, "Ann")
    before = db_path.read_bytes()

    def disk_full(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)  # as the durable store calls it
    with pytest.raises(WriteFailedError, match="the disk is full"):
        store.save_person(ann.updated(title="Director"))
    monkeypatch.undo()
    assert db_path.read_bytes() == before
    assert store.person(ann.id).title == ""
    assert [p.name for p in db_path.parent.iterdir() if p.name.endswith(".tmp")] == []
    store.save_person(ann.updated(title="Director"))  # works again once there is space
    assert store.person(ann.id).title == "Director"


# ------------------------------------------------------------------ permissions and backups


def test_file_backups_and_lock_are_readable_by_the_owner_only(store: Store, db_path: Path) -> None:
    person(store, "Ann")
    assert _mode(db_path) == 0o600
    assert _mode(db_path.with_name("roster.json.lock")) == 0o600
    [backup] = backups(db_path)
    assert _mode(backup) == 0o600
    assert _mode(backup_folder(db_path)) & 0o077 == 0


def test_a_world_readable_file_becomes_private_on_the_first_write(tmp_path: Path) -> None:
    path = tmp_path / "roster.json"
    Store(path).close()
    path.chmod(0o644)
    s = Store(path, clock=lambda: FIXED_NOW)
    person(s, "Ann")
    s.close()
    assert _mode(path) == 0o600
    assert all(_mode(b) == 0o600 for b in backups(path))


def test_stale_temporary_files_of_a_killed_writer_are_removed(tmp_path: Path) -> None:
    path = tmp_path / "roster.json"
    Store(path).close()
    stale = tmp_path / ".roster.json.12345.tmp"
    stale.write_text("half written")
    unrelated = tmp_path / ".other.json.12345.tmp"
    unrelated.write_text("not ours")
    Store(path).close()
    assert not stale.exists() and unrelated.exists()


def test_a_backup_is_made_before_the_first_change_of_a_session(store: Store, db_path: Path) -> None:
    assert backups(db_path) == []  # opening alone does not back up
    before = db_path.read_bytes()
    person(store, "Ann")
    person(store, "Bob")
    [backup] = backups(db_path)
    assert backup.read_bytes() == before
    assert backup.parent == db_path.with_name("roster.json.backups")


def _at(now: datetime) -> datetime:
    return now


def test_backups_roll_keeping_the_newest_and_one_per_day(db_path: Path) -> None:
    start = datetime(2026, 1, 1, 9, 0)
    moments = [start + timedelta(days=day, minutes=m) for day in range(3) for m in range(5)]
    moments += [start + timedelta(days=10, minutes=m) for m in range(BACKUPS_KEPT + 3)]
    for now in moments:
        s = Store(db_path, clock=partial(_at, now))
        person(s, f"Person {now:%d %H%M}")
        s.close()
    names = [b.name for b in backups(db_path)]
    assert len(names) == BACKUPS_KEPT + 3  # the newest 10, plus the last of days 1, 2, 3
    assert [n[7:15] for n in names[:3]] == ["20260101", "20260102", "20260103"]
    assert names[0] == "roster-20260101-090400-000000.json"
    assert all(n[7:15] == "20260111" for n in names[3:])
    assert names[-1] == f"roster-20260111-{9:02d}{BACKUPS_KEPT + 2:02d}00-000000.json"


def test_a_session_spanning_midnight_makes_a_backup_for_the_new_day(db_path: Path) -> None:
    now = [datetime(2026, 1, 1, 23, 59)]
    s = Store(db_path, clock=lambda: now[0])
    person(s, "Ann")
    person(s, "Bob")
    now[0] = datetime(2026, 1, 2, 0, 1)
    person(s, "Cy")
    s.close()
    assert [b.name[7:15] for b in backups(db_path)] == ["20260101", "20260102"]


def test_a_backup_that_cannot_be_made_refuses_the_change_plainly(
    store: Store, db_path: Path
) -> None:
    backup_folder(db_path).write_text("a file where the backup folder should be")
    before = db_path.read_bytes()
    with pytest.raises(WriteFailedError, match=r"^Could not save ") as info:
        person(store, "Ann")
    assert "\n" not in info.value.message
    assert db_path.read_bytes() == before
    assert store.people() == []
