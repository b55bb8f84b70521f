"""Opening in two steps: claim (checks and the lock, before the app paints), then load.

What the app relies on: a claimed file is locked against a second writer; a file that
plainly is a roster of this version may be read later, any other is read at once (so it
is refused, created or upgraded before the app starts); the store made from a claimed
file holds its lock, and a file refused on load leaves no lock behind.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nextgen_tui.errors import LockedError, UnreadableFileError
from nextgen_tui.paths import bundled_demo_path
from nextgen_tui.store.header import FORMAT_NAME, SCHEMA_VERSION
from nextgen_tui.store.lock import FileLock
from nextgen_tui.store.opening import HEAD_BYTES, claim, looks_like_roster, read_later
from nextgen_tui.store.repository import Store
from nextgen_tui.store.siblings import lock_path
from tests.conftest import FIXED_NOW
from tests.support import factories as f
from tests.support.roster_files import write_roster


def _meta(version: object = SCHEMA_VERSION, name: str = FORMAT_NAME) -> dict[str, object]:
    return {"format": name, "schema_version": version, "created": "2026-01-01T00:00:00"}


def test_a_file_the_app_saved_and_the_bundled_demo_look_like_rosters(store: Store) -> None:
    f.partnership(store)
    assert looks_like_roster(store.path)
    assert looks_like_roster(bundled_demo_path())  # indented, as the demo is written


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"[]",
        b'{"rows": [1, 2, 3]}',
        b"not json at all",
        json.dumps({"_meta": {"1": _meta(name="another-app")}}).encode(),
        json.dumps({"_meta": {"1": _meta(version=SCHEMA_VERSION + 1)}}).encode(),
        json.dumps({"_meta": {"1": _meta(version=True)}}).encode(),
        # the header of a roster, but after a table: only the full read can tell
        json.dumps({"people": {}, "_meta": {"1": _meta()}}).encode(),
        # a header too long for the bytes read
        json.dumps({"_meta": {"1": {**_meta(), "note": "x" * HEAD_BYTES}}}).encode(),
    ],
    ids=[
        "empty",
        "a list",
        "another kind",
        "not json",
        "another format",
        "newer",
        "bool version",
        "header later",
        "long header",
    ],
)
def test_anything_else_is_read_before_the_app_starts(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "roster.json"
    path.write_bytes(content)
    assert not looks_like_roster(path)


def test_a_missing_file_or_a_folder_is_no_roster(tmp_path: Path) -> None:
    assert not looks_like_roster(tmp_path / "missing.json")
    assert not looks_like_roster(tmp_path)


def test_a_claim_locks_out_a_second_writer_and_the_store_takes_the_lock_over(
    db_path: Path,
) -> None:
    with Store(db_path, clock=lambda: FIXED_NOW) as seeding:
        f.partnership(seeding)
    claimed = claim(db_path)
    with pytest.raises(LockedError, match="already open for editing"):
        claim(db_path)
    with pytest.raises(LockedError):
        Store(db_path)
    store = Store(claimed, clock=lambda: FIXED_NOW)
    assert [p.name for p in store.partnerships()] == ["Advanced Manufacturing, North Valley"]
    store.close()
    assert not lock_path(db_path).exists()
    claimed.release()  # a second release (the store's close was the first) is harmless
    claim(db_path).release()


def test_a_read_only_claim_takes_no_lock(db_path: Path) -> None:
    Store(db_path).close()
    holder = FileLock(db_path)
    holder.acquire()  # another copy of the app is editing the file
    try:
        claimed = claim(db_path, read_only=True)
        assert claimed.read_only and claimed.lock is None
        assert Store(claimed).read_only
    finally:
        holder.release()


def test_a_claim_refuses_what_the_store_refused_before_any_lock(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFileError, match="no roster file"):
        claim(tmp_path / "missing.json", read_only=True)
    with pytest.raises(UnreadableFileError, match="is a folder"):
        claim(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_a_record_damaged_deep_in_a_claimed_file_is_refused_and_the_lock_released(
    db_path: Path,
) -> None:
    with Store(db_path, clock=lambda: FIXED_NOW) as seeding:
        f.partnership(seeding)
    data = json.loads(db_path.read_text(encoding="utf-8"))
    data["people"]["7"] = {"name": ""}
    damaged = json.dumps(data)
    db_path.write_text(damaged, encoding="utf-8")
    claimed = claim(db_path)
    assert looks_like_roster(db_path)  # the header is fine: the load finds the damage
    with pytest.raises(UnreadableFileError, match="record 7 of people is not valid"):
        Store(claimed)
    assert not lock_path(db_path).exists()
    assert db_path.read_text(encoding="utf-8") == damaged  # nothing written


def test_every_roster_of_this_version_is_read_after_the_first_paint(tmp_path: Path) -> None:
    """The demo's size as much as a state's: only a file that is not one (new, older,
    foreign) is read before the app starts, so that it is created, upgraded or refused."""
    small, new, foreign = tmp_path / "small.json", tmp_path / "new.json", tmp_path / "x.json"
    write_roster(small, people=1)
    foreign.write_text('{"_default": {}}', encoding="utf-8")
    claimed = claim(small)
    try:
        assert read_later(claimed)
    finally:
        claimed.release()
    assert read_later(claim(bundled_demo_path(), read_only=True))
    fresh = claim(new)
    try:
        assert not read_later(fresh) and not new.exists()  # created before the app starts
    finally:
        fresh.release()
    assert not read_later(claim(foreign, read_only=True))
